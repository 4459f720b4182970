"""The Risker page: the risk register at the selected year's reference date, as the chair
asks for it between meetings.

Heat maps of the current and the residual risk (the current one with arrows for how risks
moved since the previous risk analysis), the movement since the previous assessment and since
the year before, the top risks with who owns what, the follow-up lists (high risks without an
action owner, overdue actions, risks due for re-assessment by the method's cadence, risks
flagged by new incidents), the accepted risks for the board, and the risk analyses made.
Built from ``risks_current`` (one row per risk), ``risks_matrix`` (the bands of the 16 cells),
``overview_risks`` (the headline counts the overview shows), ``risks_review``,
``risks_flagged_by_incidents``, ``risks_accepted``, ``risk_analyses`` and
``risks_since_previous_analysis``, through ``fetch(name, **params)`` as in
``lagesbild.sections``; the rules of the method are in ``lagesbild.risk_review``. Risks
belong to the whole association: the municipality filter does not apply.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from lagesbild import risk_review
from lagesbild.contracts import (ACTION_STATUSES, CONSEQUENCES, LIKELIHOODS, MUNICIPALITIES, RISK_AREAS,
                                 TREATMENTS)
from lagesbild.formatting import MISSING, fmt_date, fmt_int
from lagesbild.i18n import join_list, label, plural, t
from lagesbild.sections import Fetch, Headline, Section, Table, by_year, change, records

# The bands in rising order; where each band starts is defined once, by the schema's
# risk_band macro, and read from the queries.
BANDS = ("Låg", "Medelhög", "Hög", "Extremt hög")
HIGH_BANDS = ("Hög", "Extremt hög")
_BAND_KEYS = dict(zip(BANDS, ("low", "medium", "high", "extreme")))

# The area the 2023 audit singled out: no risk analysis for the IT infrastructure.
INFRASTRUCTURE_AREA = "IT-infrastruktur"

# How many of the highest risks the top list shows.
TOP_RISKS = 10
# How many ids a heat-map cell holds (in rows of three); a fuller cell ends with "+N".
MARKS_PER_CELL = 12
# How many rows a table shows; a longer list says how many it leaves out.
TABLE_ROWS = 50

# Tones of table cells: a band (coloured like the heat map) or a status word's colour.
GOOD, WATCH, ACT = "good", "watch", "act"
_ACTION_STATUS_TONE = {"Klar": GOOD, "Ej påbörjad": WATCH, "Försenad": ACT}

# Movement of a risk's level.
UP, DOWN, SAME, NEW = "up", "down", "same", "new"


def band_label(band: str, lang: str) -> str:
    return t(f"risk_page.band.{_BAND_KEYS[band]}", lang)


# --- The page's own filters --------------------------------------------------------------------

@dataclass(frozen=True)
class Selection:
    """The page's filters: empty means all."""

    areas: tuple[str, ...] = ()
    systems: tuple[str, ...] = ()     # system ids
    owners: tuple[str, ...] = ()      # risk owners

    @property
    def narrows(self) -> bool:
        return bool(self.areas or self.systems or self.owners)

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=frame.index)
        for column, wanted in (("area", self.areas), ("system_id", self.systems), ("owner", self.owners)):
            if wanted:
                keep &= frame[column].isin(wanted)
        return frame[keep]


@dataclass(frozen=True)
class Choices:
    """What the page's filters offer for the year: value -> label, in display order."""

    areas: dict[str, str]
    systems: dict[str, str]
    owners: dict[str, str]


def _sv_sort_key(text: str) -> str:
    # Å, Ä and Ö come after Z in Swedish.
    return text.casefold().translate({ord("å"): "z\u0001", ord("ä"): "z\u0002", ord("ö"): "z\u0003"})


def choices(fetch: Fetch, year: int, lang: str) -> Choices:
    """The areas, systems and owners of the risks assessed by the year's reference date."""
    frame = fetch("risks_current", year=year)
    # Whole columns as lists: iterating a large register row by row is slow.
    present = set(frame["area"].dropna().unique().tolist())
    areas = {area: label(RISK_AREAS, area, lang) for area in RISK_AREAS.values if area in present}
    with_system = frame.dropna(subset=["system_id"])
    names = with_system["system_name"].astype(object)
    systems = dict(sorted(
        dict(zip(with_system["system_id"].tolist(), names.where(names.notna(), None).tolist())).items(),
        key=lambda item: _sv_sort_key(item[1] or item[0])))
    owners = {owner: owner for owner in sorted(set(frame["owner"].dropna().unique().tolist()),
                                               key=_sv_sort_key)}
    return Choices(areas, systems, owners)


# --- What the page shows -------------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One risk in one cell of a heat map, or "+N" for the risks a full cell leaves out."""

    text: str                       # the risk's id, or "+N"
    likelihood: int
    consequence: int
    hover: str                      # Plotly hover text (HTML-escaped data)


@dataclass(frozen=True)
class Cell:
    likelihood: int
    consequence: int
    score: int
    band: str
    level: str                      # "Hög (12)"
    hover: str


@dataclass(frozen=True)
class Move:
    """Risks that moved from one cell to another since the previous risk analysis."""

    risk_ids: tuple[str, ...]
    from_likelihood: int
    from_consequence: int
    to_likelihood: int
    to_consequence: int
    hover: str


@dataclass(frozen=True)
class Matrix:
    title: str
    sentence: str
    cells: tuple[Cell, ...]
    marks: tuple[Mark, ...]
    likelihood_labels: tuple[str, ...]      # 1–4
    consequence_labels: tuple[str, ...]     # 1–4
    likelihood_title: str
    consequence_title: str
    band_labels: dict[str, str]             # band -> label, rising order
    # How risks moved since the previous risk analysis (the current map only), and what the
    # arrows mean; empty when there is no previous analysis.
    moves: tuple[Move, ...] = ()
    moves_label: str = ""                   # the arrows' legend entry
    moves_sentence: str = ""


@dataclass(frozen=True)
class RisksView:
    year: int
    heading: str
    as_of: str
    scope_note: str
    # False when the register held no assessed risk at the reference date.
    has_register: bool
    # False when the page's filters leave no risk.
    selection_has_risks: bool
    message: str                            # the calm message for either case
    metrics: tuple[Headline, ...] = ()
    current: Matrix | None = None
    residual: Matrix | None = None
    # Tables of display text, the cells toned by a band, GOOD, WATCH or ACT.
    top: Section | None = None
    movement: Section | None = None
    without_owner: Section | None = None
    overdue: Section | None = None
    # Active risks overdue or due within risk_review.DUE_DAYS for re-assessment by the cadence.
    review: Section | None = None
    flagged: Section | None = None
    infrastructure: Section | None = None
    accepted: Section | None = None
    analyses: Section | None = None


# --- Building -------------------------------------------------------------------------------------

def _level(score: int | None, band: str | None, lang: str) -> str:
    if score is None:
        return MISSING
    return t("risk_page.level", lang, band=band_label(band, lang), score=score)


def _column(key: str, lang: str, **values) -> str:
    """A table's column header."""
    return t(f"risk_page.column.{key}", lang, **values)


def _risk_name(row: dict) -> str:
    return f"{row['risk_id']} {row['title']}"


def _text(value) -> str:
    return MISSING if value is None or value == "" else str(value)


def _action_status(row: dict, lang: str) -> str:
    status = row["action_status"]
    return label(ACTION_STATUSES, status, lang) if status else MISSING


def _movement(now: int, before: int | None, now_band: str, before_band: str | None,
              lang: str) -> tuple[str, str]:
    """How a level moved, as a kind (UP, DOWN, SAME, NEW) and a text with an arrow and a word."""
    if before is None:
        return NEW, t("risk_page.move.new", lang)
    if now == before:
        return SAME, t("risk_page.move.same", lang)
    kind = UP if now > before else DOWN
    text = t(f"risk_page.move.{kind}", lang, before=before, now=now)
    if now_band != before_band:
        text += " " + t("risk_page.move.band", lang, before=band_label(before_band, lang),
                        now=band_label(now_band, lang))
    return kind, text


def _counts(rows: list[dict]) -> tuple[int, int, int]:
    """Active, Hög and Extremt hög risks among ``rows``."""
    active = [r for r in rows if r["status"] == "Aktiv"]
    return (len(active), sum(r["band"] == "Hög" for r in active),
            sum(r["band"] == "Extremt hög" for r in active))


def _metric(key: str, now: int, before: int, previous_year: int, lang: str, *,
            higher_is_better: bool | None) -> Headline:
    """A headline figure with its change since the year before; ``higher_is_better`` None
    for a figure whose change is neither good nor bad in itself."""
    return Headline(t(f"risk_page.metric.{key}", lang), fmt_int(now, lang),
                    change(now, before, previous_year, lang, higher_is_better=higher_is_better))


def _metrics(overview_rows: dict[int, dict], year: int, selection: Selection, rows: list[dict],
             last_year_rows: list[dict], lang: str) -> tuple[Headline, ...]:
    if selection.narrows:
        now, before = _counts(rows), _counts(last_year_rows)
    else:
        # The whole register: the overview's own figures.
        now, before = ((overview_rows[y]["active"], overview_rows[y]["high"], overview_rows[y]["extreme"])
                       for y in (year, year - 1))
    return (
        # More active risks can mean a more complete register as well as a worse position.
        _metric("active", now[0], before[0], year - 1, lang, higher_is_better=None),
        _metric("high", now[1], before[1], year - 1, lang, higher_is_better=False),
        _metric("extreme", now[2], before[2], year - 1, lang, higher_is_better=False),
    )


def _hover(row: dict, lang: str) -> str:
    """A risk's hover: title, description, owner and action, each wrapped to a readable width."""
    def wrapped(text: str) -> str:
        return "<br>".join(html.escape(line) for line in textwrap.wrap(text, 70))

    lines = [f"<b>{wrapped(_risk_name(row))}</b>"]
    if row["description"]:
        lines.append(wrapped(row["description"]))
    lines.append(wrapped(t("risk_page.hover.level", lang, level=_level(row["score"], row["band"], lang),
                           residual=_level(row["residual_score"], row["residual_band"], lang))))
    lines.append(wrapped(t("risk_page.hover.owner", lang, owner=_text(row["owner"]))))
    if row["action"]:
        lines.append(wrapped(t("risk_page.hover.action", lang, action=row["action"],
                               action_owner=(row["action_owner"] or "").strip()
                               or t("risk_page.hover.no_action_owner", lang),
                               due=fmt_date(row["due_date"]), status=_action_status(row, lang))))
    return "<br>".join(lines)


def _matrix(key: str, cells: tuple[Cell, ...], marks: list[Mark], sentence: str, lang: str) -> Matrix:
    return Matrix(
        title=t(f"risk_page.{key}.title", lang),
        sentence=sentence,
        cells=cells,
        marks=tuple(marks),
        likelihood_labels=tuple(label(LIKELIHOODS, v, lang) for v in LIKELIHOODS.values),
        consequence_labels=tuple(label(CONSEQUENCES, v, lang) for v in CONSEQUENCES.values),
        likelihood_title=t("risk_page.axis.likelihood", lang),
        consequence_title=t("risk_page.axis.consequence", lang),
        band_labels={band: band_label(band, lang) for band in BANDS},
    )


def _moves(active: list[dict], previous: list[dict], lang: str) -> tuple[tuple[Move, ...], str, str]:
    """The arrows from where the previous risk analysis placed each active risk to where it
    is now, one per pair of cells; with the arrows' legend entry and sentence."""
    if not previous:
        return (), "", ""
    analysis = previous[0]["analysis_id"]
    date = fmt_date(previous[0]["finished_on"])
    before = {r["risk_id"]: r for r in previous}
    paths: dict[tuple[int, int, int, int], list[dict]] = {}
    for row in sorted(active, key=lambda r: r["risk_id"]):
        then = before.get(row["risk_id"])
        if then and (then["likelihood"], then["consequence"]) != (row["likelihood"], row["consequence"]):
            paths.setdefault((then["likelihood"], then["consequence"], row["likelihood"], row["consequence"]),
                             []).append(row)
    moves = []
    for (from_l, from_c, to_l, to_c), rows in paths.items():
        then = before[rows[0]["risk_id"]]
        hover = t("risk_page.moves.hover", lang, risks=", ".join(html.escape(r["risk_id"]) for r in rows),
                  before=_level(then["score"], then["band"], lang),
                  now=_level(rows[0]["score"], rows[0]["band"], lang), analysis=html.escape(analysis))
        moves.append(Move(tuple(r["risk_id"] for r in rows), from_l, from_c, to_l, to_c, hover))
    sentence = t("risk_page.moves" if moves else "risk_page.moves.none", lang, analysis=analysis, date=date)
    return tuple(moves), t("risk_page.moves.legend", lang, analysis=analysis), sentence


def _heat_maps(fetch: Fetch, active: list[dict], previous: list[dict], lang: str) -> tuple[Matrix, Matrix]:
    cells = tuple(
        Cell(r["likelihood"], r["consequence"], r["score"], r["band"], _level(r["score"], r["band"], lang),
             t("risk_page.hover.cell", lang, likelihood=label(LIKELIHOODS, r["likelihood"], lang),
               consequence=label(CONSEQUENCES, r["consequence"], lang),
               level=_level(r["score"], r["band"], lang)))
        for r in records(fetch("risks_matrix")))
    now = Counter(r["band"] for r in active)
    assessed = [r for r in active if r["residual_score"] is not None]
    after = Counter(r["residual_band"] for r in assessed)

    high_now = now["Hög"] + now["Extremt hög"]
    if not active:
        current_sentence = t("risk_page.current.none", lang)
    else:
        verdict = ("extreme" if now["Extremt hög"] else "high" if now["Hög"] else "calm")
        current_sentence = " ".join((
            plural("risk_page.current.sentence", len(active), lang, active=fmt_int(len(active), lang),
                   extreme=fmt_int(now["Extremt hög"], lang), high=fmt_int(now["Hög"], lang),
                   medium=fmt_int(now["Medelhög"], lang), low=fmt_int(now["Låg"], lang)),
            t(f"risk_page.current.verdict.{verdict}", lang)))

    if not assessed:
        residual_sentence = t("risk_page.residual.none", lang)
    else:
        high_after = after["Hög"] + after["Extremt hög"]
        values = dict(after=fmt_int(high_after, lang), now=fmt_int(high_now, lang))
        if high_now == 0:
            residual_sentence = t("risk_page.residual.sentence.none", lang)
        else:
            form = "fewer" if high_after < high_now else "same"
            residual_sentence = plural(f"risk_page.residual.sentence.{form}", high_after, lang, **values)
        missing = len(active) - len(assessed)
        if missing:
            residual_sentence += " " + plural("risk_page.residual.missing", missing, lang,
                                              count=fmt_int(missing, lang))

    current_marks = _marks(active, "likelihood", "consequence", lang)
    residual_marks = _marks(assessed, "residual_likelihood", "residual_consequence", lang)
    moves, moves_label, moves_sentence = _moves(active, previous, lang)
    current = replace(_matrix("current", cells, current_marks, current_sentence, lang),
                      moves=moves, moves_label=moves_label, moves_sentence=moves_sentence)
    return current, _matrix("residual", cells, residual_marks, residual_sentence, lang)


def _marks(rows: list[dict], likelihood: str, consequence: str, lang: str) -> list[Mark]:
    """The ids to draw in each cell, by id; a full cell's last place says how many more it holds."""
    by_cell: dict[tuple[int, int], list[dict]] = {}
    for row in sorted(rows, key=lambda r: r["risk_id"]):
        by_cell.setdefault((row[likelihood], row[consequence]), []).append(row)
    marks = []
    for (cell_likelihood, cell_consequence), in_cell in by_cell.items():
        shown = in_cell if len(in_cell) <= MARKS_PER_CELL else in_cell[:MARKS_PER_CELL - 1]
        marks += [Mark(r["risk_id"], cell_likelihood, cell_consequence, _hover(r, lang)) for r in shown]
        rest = in_cell[len(shown):]
        if rest:
            names = [html.escape(_risk_name(r)) for r in rest[:MARKS_PER_CELL]]
            if len(rest) > MARKS_PER_CELL:
                names.append("…")
            marks.append(Mark(f"+{len(rest)}", cell_likelihood, cell_consequence, "<br>".join(names)))
    return marks


def _by_level(rows: list[dict]) -> list[dict]:
    """Highest level first, then the higher likelihood, then the id."""
    return sorted(rows, key=lambda r: (-r["score"], -r["likelihood"], r["risk_id"]))


def _table(name: str, sentence: str, rows: list, lang: str, cells: dict[str, Callable],
           tones: dict[str, Callable] | None = None, **header_values) -> Section:
    """The section ``name`` with ``rows`` as its table: ``cells`` maps a column's key to a row's
    text in that column, ``tones`` a column's key to a row's tone there. At most TABLE_ROWS
    rows are shown."""
    if len(rows) > TABLE_ROWS:
        sentence += " " + t("risk_page.table_cut", lang, shown=fmt_int(TABLE_ROWS, lang),
                            count=fmt_int(len(rows), lang))
        rows = rows[:TABLE_ROWS]
    headers = {key: _column(key, lang, **header_values) for key in cells}
    frame = pd.DataFrame({headers[key]: [cell(row) for row in rows] for key, cell in cells.items()},
                         dtype=object)
    tinted = {headers[key]: tuple(tone(row) for row in rows) for key, tone in (tones or {}).items()}
    return Section(name, t(f"risk_page.{name}.title", lang), sentence, table=Table(frame, tinted))


def _band_tone(row: dict) -> str:
    return row["band"]


def _status_tone(row: dict) -> str | None:
    return _ACTION_STATUS_TONE.get(row["action_status"])


def _top(active: list[dict], lang: str) -> Section:
    top = _by_level(active)[:TOP_RISKS]
    needs_follow_up = sum(1 for r in top if r["without_action_owner"] or r["action_overdue"]
                          or r["action_status"] == "Försenad")
    sentence = plural("risk_page.top.sentence", len(top), lang, count=fmt_int(len(top), lang))
    if top:
        sentence += " " + (plural("risk_page.top.follow_up", needs_follow_up, lang,
                                  count=fmt_int(needs_follow_up, lang))
                           if needs_follow_up else t("risk_page.top.all_followed", lang))
    return _table("top", sentence, top, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "owner": lambda r: _text(r["owner"]),
        "treatment": lambda r: label(TREATMENTS, r["treatment"], lang) if r["treatment"] else MISSING,
        "action": lambda r: _text(r["action"]),
        "action_owner": lambda r: (t("risk_page.missing_owner", lang) if r["without_action_owner"]
                                   else _text(r["action_owner"])),
        "due_date": lambda r: fmt_date(r["due_date"]),
        "action_status": lambda r: _action_status(r, lang),
    }, {
        "level": _band_tone,
        "action_owner": lambda r: ACT if r["without_action_owner"] else None,
        "due_date": lambda r: ACT if r["action_overdue"] else None,
        "action_status": _status_tone,
    })


_MOVEMENT_ORDER = {UP: 0, NEW: 1, DOWN: 2, SAME: 3}
_MOVEMENT_TONE = {UP: ACT, DOWN: GOOD, NEW: None, SAME: None}


def _movement_table(rows: list[dict], active: list[dict], previous_year: int, lang: str) -> Section:
    # (row, (kind, text) since last year, (kind, text) since the previous assessment)
    moves = []
    for r in active:
        since_year = _movement(r["score"], r["last_year_score"] if r["last_year_status"] == "Aktiv" else None,
                               r["band"], r["last_year_band"], lang)
        since_previous = _movement(r["score"], r["previous_score"], r["band"], r["previous_band"], lang)
        moves.append((r, since_year, since_previous))
    moves.sort(key=lambda m: (_MOVEMENT_ORDER[m[1][0]], -m[0]["score"], m[0]["risk_id"]))
    kinds = Counter(since_year[0] for _, since_year, _ in moves)
    closed = sum(1 for r in rows if r["status"] == "Stängd" and r["last_year_status"] == "Aktiv")

    parts = [plural(f"risk_page.movement.{kind}", kinds[kind], lang, count=fmt_int(kinds[kind], lang))
             for kind in (DOWN, UP, NEW, SAME) if kinds[kind]]
    if closed:
        parts.append(plural("risk_page.movement.closed", closed, lang, count=fmt_int(closed, lang)))
    if not parts:
        sentence = t("risk_page.movement.none", lang)
    else:
        verdict = ("better" if kinds[DOWN] > kinds[UP] else "worse" if kinds[UP] > kinds[DOWN]
                   else "even" if kinds[UP] else "still")
        sentence = " ".join((t("risk_page.movement.sentence", lang, previous_year=previous_year,
                               parts=join_list(parts, lang)),
                             t(f"risk_page.movement.verdict.{verdict}", lang)))
    return _table("movement", sentence, moves, lang, {
        "risk": lambda m: _risk_name(m[0]),
        "level": lambda m: _level(m[0]["score"], m[0]["band"], lang),
        "since_year": lambda m: m[1][1],
        "since_previous": lambda m: m[2][1],
        "previous_assessed_on": lambda m: fmt_date(m[0]["previous_assessed_on"]),
        "last_analysis": lambda m: _analysis(m[0], lang),
    }, {
        "level": lambda m: m[0]["band"],
        "since_year": lambda m: _MOVEMENT_TONE[m[1][0]],
        "since_previous": lambda m: _MOVEMENT_TONE[m[2][0]],
    }, previous_year=previous_year)


def _analysis(row: dict, lang: str) -> str:
    """The risk analysis that last assessed a risk, with the date of that assessment."""
    if row["last_analysis_id"] is None:
        return MISSING
    return t("risk_page.analysis", lang, analysis_id=row["last_analysis_id"],
             date=fmt_date(row["last_analysis_assessed_on"]))


def _comparison(before: int, previous_year: int, lang: str) -> str:
    return t("risk_page.compared", lang, previous_year=previous_year, previous=fmt_int(before, lang))


def _without_owner(active: list[dict], lang: str) -> Section:
    found = _by_level([r for r in active if r["without_action_owner"]])
    sentence = (plural("risk_page.without_owner.sentence", len(found), lang, count=fmt_int(len(found), lang))
                if found else t("risk_page.without_owner.none", lang))
    return _table("without_owner", sentence, found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "owner": lambda r: _text(r["owner"]),
        "action": lambda r: _text(r["action"]),
        "action_status": lambda r: _action_status(r, lang),
    }, {"level": _band_tone, "action_status": _status_tone})


def _overdue(active: list[dict], last_year_rows: list[dict], reference_date: dt.date, previous_year: int,
             lang: str) -> Section:
    found = sorted((r for r in active if r["action_overdue"]), key=lambda r: (r["due_date"], r["risk_id"]))
    before = sum(1 for r in last_year_rows if r["action_overdue"])
    values = dict(date=fmt_date(reference_date), comparison=_comparison(before, previous_year, lang))
    sentence = (plural("risk_page.overdue.sentence", len(found), lang, count=fmt_int(len(found), lang), **values)
                if found else t("risk_page.overdue.none", lang, **values))
    return _table("overdue", sentence, found, lang, {
        "risk": _risk_name,
        "action": lambda r: _text(r["action"]),
        "action_owner": lambda r: _text(r["action_owner"]),
        "due_date": lambda r: fmt_date(r["due_date"]),
        "days_late": lambda r: fmt_int((reference_date - r["due_date"]).days, lang),
        "action_status": lambda r: _action_status(r, lang),
    }, {"due_date": lambda r: ACT, "action_status": _status_tone})


def _review(due: list[dict], last_year_due: list[dict], previous_year: int, lang: str) -> Section:
    """Active risks overdue or due soon for re-assessment (risks_review), overdue first."""
    found = [r for r in due if r["review_state"] != risk_review.OK]
    overdue = sum(r["review_state"] == risk_review.OVERDUE for r in found)
    before = sum(r["review_state"] == risk_review.OVERDUE for r in last_year_due)
    days = fmt_int(risk_review.DUE_DAYS, lang)
    comparison = _comparison(before, previous_year, lang)
    rule = t("risk_page.review.rule", lang, high_months=risk_review.HIGH_REVIEW_MONTHS,
             months=risk_review.REVIEW_MONTHS)
    if found:
        parts = [plural(f"risk_page.review.{state}", count, lang, count=fmt_int(count, lang), days=days)
                 for state, count in (("overdue", overdue), ("due", len(found) - overdue)) if count]
        sentence = t("risk_page.review.sentence", lang, parts=join_list(parts, lang), comparison=comparison)
    else:
        sentence = t("risk_page.review.none", lang, days=days, comparison=comparison)
    return _table("review", f"{sentence} {rule}", found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "owner": lambda r: _text(r["owner"]),
        "assessed_on": lambda r: fmt_date(r["assessed_on"]),
        "next_review": lambda r: fmt_date(r["next_review"]),
        "review_state": lambda r: t(f"risk_page.review.state.{r['review_state']}", lang, days=days),
    }, {
        "level": _band_tone,
        "review_state": lambda r: ACT if r["review_state"] == risk_review.OVERDUE else WATCH,
    })


def _flagged(found: list[dict], lang: str) -> Section:
    """Active risks that serious incidents after their newest assessment concern."""
    sentence = (plural("risk_page.flagged.sentence", len(found), lang, count=fmt_int(len(found), lang))
                if found else t("risk_page.flagged.none", lang))
    return _table("flagged", f"{sentence} {t('risk_page.flagged.rule', lang)}", found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "system": lambda r: _text(r["system_name"]),
        "threat": lambda r: _text(r["threat_name"]),
        "assessed_on": lambda r: fmt_date(r["assessed_on"]),
        "incidents": lambda r: fmt_int(r["incidents"], lang),
        "newest_incident": lambda r: fmt_date(r["newest_incident_at"]),
    }, {"level": _band_tone, "incidents": lambda r: WATCH})


def _accepted(found: list[dict], lang: str) -> Section:
    """Accepted risks at Hög or above: who decided, why, until when; run-out ones first."""
    expired = sum(1 for r in found if r["expired"])
    if found:
        sentence = plural("risk_page.accepted.sentence", len(found), lang, count=fmt_int(len(found), lang))
        if expired:
            sentence += " " + plural("risk_page.accepted.expired", expired, lang, count=fmt_int(expired, lang))
    else:
        sentence = t("risk_page.accepted.none", lang)
    return _table("accepted", sentence, found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "accepted_by": lambda r: _text(r["accepted_by"]),
        "acceptance_reason": lambda r: _text(r["acceptance_reason"]),
        "accepted_until": lambda r: fmt_date(r["accepted_until"]),
        "acceptance_state": lambda r: t("risk_page.accepted.expired" if r["expired"]
                                        else "risk_page.accepted.valid", lang),
    }, {
        "level": _band_tone,
        "accepted_until": lambda r: ACT if r["expired"] else None,
        "acceptance_state": lambda r: ACT if r["expired"] else GOOD,
    })


def _analyses(found: list[dict], reference_date: dt.date, lang: str) -> Section:
    """The risk analyses begun by the reference date, newest first."""
    date = fmt_date(reference_date)
    finished = [r for r in found if r["finished_on"] is not None]
    if finished:
        latest = max(finished, key=lambda r: (r["finished_on"], r["analysis_id"]))
        sentence = plural("risk_page.analyses.sentence", len(finished), lang, count=fmt_int(len(finished), lang),
                          date=date, latest=f"{latest['analysis_id']} {latest['title']}",
                          assessed=fmt_int(latest["risks_assessed"], lang))
    else:
        sentence = t("risk_page.analyses.none", lang, date=date)
    for row in found:
        if row["finished_on"] is None:
            sentence += " " + t("risk_page.analyses.in_progress", lang,
                                analysis=f"{row['analysis_id']} {row['title']}")
    return _table("analyses", sentence, found, lang, {
        "analysis": lambda r: f"{r['analysis_id']} {r['title']}",
        "scope": lambda r: _text(r["scope"]),
        "started_on": lambda r: fmt_date(r["started_on"]),
        "finished_on": lambda r: (fmt_date(r["finished_on"]) if r["finished_on"] is not None
                                  else t("risk_page.analyses.ongoing", lang)),
        "participants": lambda r: _text(r["participants"]),
        "risks_assessed": lambda r: fmt_int(r["risks_assessed"], lang),
    })


def _infrastructure(active: list[dict], last_year_rows: list[dict], overdue_ids: set[str],
                    reference_date: dt.date, previous_year: int, area_left_out: bool, lang: str) -> Section:
    found = _by_level([r for r in active if r["area"] == INFRASTRUCTURE_AREA])
    before = sum(1 for r in last_year_rows if r["area"] == INFRASTRUCTURE_AREA and r["status"] == "Aktiv")
    audit = t("risk_page.infrastructure.audit", lang)
    if area_left_out:
        sentence = " ".join((audit, t("risk_page.infrastructure.left_out", lang)))
    elif not found:
        sentence = " ".join((audit, t("risk_page.infrastructure.none", lang, date=fmt_date(reference_date),
                                      previous_year=previous_year, previous=fmt_int(before, lang))))
    else:
        high = sum(1 for r in found if r["band"] in HIGH_BANDS)
        stale = sum(1 for r in found if r["risk_id"] in overdue_ids)
        sentence = " ".join((
            audit,
            plural("risk_page.infrastructure.sentence", len(found), lang, count=fmt_int(len(found), lang),
                   previous_year=previous_year, previous=fmt_int(before, lang),
                   latest=fmt_date(max(r["assessed_on"] for r in found))),
            (plural("risk_page.infrastructure.high", high, lang, count=fmt_int(high, lang)) if high
             else t("risk_page.infrastructure.no_high", lang)),
            (plural("risk_page.infrastructure.stale", stale, lang, count=fmt_int(stale, lang)) if stale
             else t("risk_page.infrastructure.current", lang)),
        ))
    return _table("infrastructure", sentence, found, lang, {
        "risk": _risk_name,
        "system": lambda r: _text(r["system_name"]),
        "level": lambda r: _level(r["score"], r["band"], lang),
        "residual": lambda r: _level(r["residual_score"], r["residual_band"], lang),
        "assessed_on": lambda r: fmt_date(r["assessed_on"]),
        "action_status": lambda r: _action_status(r, lang),
    }, {
        "level": _band_tone,
        "residual": lambda r: r["residual_band"],
        "assessed_on": lambda r: ACT if r["risk_id"] in overdue_ids else None,
        "action_status": _status_tone,
    })


def build(fetch: Fetch, year: int, municipality: str | None, lang: str,
          selection: Selection = Selection()) -> RisksView:
    """The Risker page for ``year`` in ``lang``, narrowed by the page's ``selection``."""
    previous_year = year - 1
    overview_rows = by_year(fetch("overview_risks", year=year))
    as_of_date = overview_rows[year]["reference_date"]
    register = fetch("risks_current", year=year)
    rows = records(selection.apply(register))
    last_year_rows = records(selection.apply(fetch("risks_current", year=previous_year)))

    scope_note = (t("risk_page.scope", lang) if municipality is None
                  else t("risk_page.scope_municipality", lang,
                         municipality=label(MUNICIPALITIES, municipality, lang)))
    common = dict(
        year=year,
        heading=t("risk_page.heading", lang, year=year),
        as_of=t("risk_page.as_of", lang, date=fmt_date(as_of_date), previous_year=previous_year),
        scope_note=scope_note,
    )
    if register.empty:
        return RisksView(**common, has_register=False, selection_has_risks=False,
                         message=t("risk_page.no_register", lang, date=fmt_date(as_of_date)))
    if not rows:
        return RisksView(**common, has_register=True, selection_has_risks=False,
                         message=t("risk_page.no_selection", lang))

    rules = risk_review.query_params()
    review = records(selection.apply(fetch("risks_review", year=year, **rules)))
    last_year_review = records(selection.apply(fetch("risks_review", year=previous_year, **rules)))
    overdue_ids = {r["risk_id"] for r in review if r["review_state"] == risk_review.OVERDUE}
    active = [r for r in rows if r["status"] == "Aktiv"]
    current, residual = _heat_maps(fetch, active, records(fetch("risks_since_previous_analysis", year=year)),
                                   lang)
    return RisksView(
        **common,
        has_register=True,
        selection_has_risks=True,
        message="",
        metrics=_metrics(overview_rows, year, selection, rows, last_year_rows, lang),
        current=current,
        residual=residual,
        top=_top(active, lang),
        movement=_movement_table(rows, active, previous_year, lang),
        without_owner=_without_owner(active, lang),
        overdue=_overdue(active, last_year_rows, as_of_date, previous_year, lang),
        review=_review(review, last_year_review, previous_year, lang),
        flagged=_flagged(records(selection.apply(fetch("risks_flagged_by_incidents", year=year, **rules))),
                         lang),
        infrastructure=_infrastructure(
            active, last_year_rows, overdue_ids, as_of_date, previous_year,
            bool(selection.areas) and INFRASTRUCTURE_AREA not in selection.areas, lang),
        accepted=_accepted(records(selection.apply(fetch("risks_accepted", year=year, **rules))), lang),
        analyses=_analyses(records(fetch("risk_analyses", year=year)), as_of_date, lang),
    )
