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
``lagesbild.areas.sections``; the rules of the method are in ``lagesbild.rules.risk_review``. Risks
belong to the whole association: the municipality filter does not apply.
"""

from __future__ import annotations

import datetime as dt
import html
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from lagesbild.areas import contradictions
from lagesbild.rules import risk_review
from lagesbild import rules
from lagesbild.data.contracts import (ACTION_STATUSES, CONSEQUENCES, LIKELIHOODS, MUNICIPALITIES, RISK_AREAS,
                                 TREATMENTS)
from lagesbild.formatting import MISSING, fmt_date, fmt_int
from lagesbild.i18n import join_list, label, plural, t
from lagesbild.areas.sections import Fetch, Headline, Section, Table, by_year, change, python_value, records

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
        if not self.narrows:
            return frame    # not a copy: the register may be large
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
    # Active risks overdue or due within rules.RISK_REVIEW_DUE_DAYS for re-assessment by the cadence.
    review: Section | None = None
    flagged: Section | None = None
    infrastructure: Section | None = None
    accepted: Section | None = None
    analyses: Section | None = None
    contradiction: str = ""                 # rows that contradict themselves, named


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


def _move_kinds(now: pd.Series, before: np.ndarray) -> np.ndarray:
    """How each level moved from ``before`` (NaN: there was none) to ``now``: NEW, SAME, UP or
    DOWN. The one definition of a movement, for counting, ordering and the tables alike."""
    now = now.to_numpy(dtype="float64", na_value=np.nan)
    return np.select([np.isnan(before), now == before, now > before], [NEW, SAME, UP], DOWN)


def _with_movements(active: pd.DataFrame) -> pd.DataFrame:
    """``active`` with the kind of each risk's movement since the year before (new when it was
    not active then) and since its previous assessment."""
    last_year = np.where(_is(active["last_year_status"], "Aktiv"),
                         active["last_year_score"].to_numpy(dtype="float64", na_value=np.nan), np.nan)
    previous = active["previous_score"].to_numpy(dtype="float64", na_value=np.nan)
    return active.assign(since_year=_move_kinds(active["score"], last_year),
                         since_previous=_move_kinds(active["score"], previous))


def _movement_text(kind: str, now: int, before: int | None, now_band: str, before_band: str | None,
                   lang: str) -> str:
    """A movement of ``kind`` as a text with an arrow and a word."""
    if kind in (NEW, SAME):
        return t(f"risk_page.move.{kind}", lang)
    text = t(f"risk_page.move.{kind}", lang, before=before, now=now)
    if now_band != before_band:
        text += " " + t("risk_page.move.band", lang, before=band_label(before_band, lang),
                        now=band_label(now_band, lang))
    return text


def _is(column: pd.Series, value: object) -> np.ndarray:
    """Where ``column`` holds ``value``; a missing value is not it."""
    return column.eq(value).fillna(False).to_numpy(dtype=bool)


def _rows_where(frame: pd.DataFrame, flag: str) -> pd.DataFrame:
    """The rows whose ``flag`` column is true."""
    return frame[_is(frame[flag], True)]


def _counts(rows: pd.DataFrame) -> tuple[int, int, int]:
    """Active, Hög and Extremt hög risks among ``rows``."""
    bands = rows["band"][_is(rows["status"], "Aktiv")]
    return len(bands), int(_is(bands, "Hög").sum()), int(_is(bands, "Extremt hög").sum())


def _metric(key: str, now: int, before: int, previous_year: int, lang: str, *,
            higher_is_better: bool | None) -> Headline:
    """A headline figure with its change since the year before; ``higher_is_better`` None
    for a figure whose change is neither good nor bad in itself."""
    return Headline(t(f"risk_page.metric.{key}", lang), fmt_int(now, lang),
                    change(now, before, previous_year, lang, higher_is_better=higher_is_better))


def _metrics(overview_rows: dict[int, dict], year: int, selection: Selection, rows: pd.DataFrame,
             last_year_rows: pd.DataFrame, lang: str) -> tuple[Headline, ...]:
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


def _moves(active: pd.DataFrame, previous: pd.DataFrame,
           lang: str) -> tuple[tuple[Move, ...], str, str]:
    """The arrows from where the previous risk analysis placed each active risk to where it
    is now, one per pair of cells (in the order of their first risk by id); with the arrows'
    legend entry and sentence."""
    if previous.empty:
        return (), "", ""
    analysis = python_value(previous["analysis_id"].iloc[0])
    date = fmt_date(python_value(previous["finished_on"].iloc[0]))
    placed = ["risk_id", "likelihood", "consequence", "score", "band"]
    pairs = active[placed].merge(previous[placed], on="risk_id", suffixes=("", "_before"))
    moved = pairs[(pairs["likelihood"] != pairs["likelihood_before"])
                  | (pairs["consequence"] != pairs["consequence_before"])].sort_values("risk_id")
    path = ["likelihood_before", "consequence_before", "likelihood", "consequence"]
    # One row per pair of cells (its first risk), and each pair's risks, both by first id.
    firsts = records(moved.drop_duplicates(path))
    risk_ids = moved.groupby(path, sort=False)["risk_id"].agg(tuple).tolist()
    moves = []
    for row, ids in zip(firsts, risk_ids):
        hover = t("risk_page.moves.hover", lang, risks=html.escape(", ".join(ids)),
                  before=_level(row["score_before"], row["band_before"], lang),
                  now=_level(row["score"], row["band"], lang), analysis=html.escape(analysis))
        moves.append(Move(ids, row["likelihood_before"], row["consequence_before"], row["likelihood"],
                          row["consequence"], hover))
    sentence = t("risk_page.moves" if moves else "risk_page.moves.none", lang, analysis=analysis, date=date)
    return tuple(moves), t("risk_page.moves.legend", lang, analysis=analysis), sentence


def _heat_maps(fetch: Fetch, active: pd.DataFrame, previous: pd.DataFrame,
               lang: str) -> tuple[Matrix, Matrix]:
    cells = tuple(
        Cell(r["likelihood"], r["consequence"], r["score"], r["band"], _level(r["score"], r["band"], lang),
             t("risk_page.hover.cell", lang, likelihood=label(LIKELIHOODS, r["likelihood"], lang),
               consequence=label(CONSEQUENCES, r["consequence"], lang),
               level=_level(r["score"], r["band"], lang)))
        for r in records(fetch("risks_matrix")))
    now = Counter(active["band"].tolist())
    assessed = active[active["residual_score"].notna()]
    after = Counter(assessed["residual_band"].tolist())

    high_now = now["Hög"] + now["Extremt hög"]
    if active.empty:
        current_sentence = t("risk_page.current.none", lang)
    else:
        verdict = ("extreme" if now["Extremt hög"] else "high" if now["Hög"] else "calm")
        current_sentence = " ".join((
            plural("risk_page.current.sentence", len(active), lang, active=fmt_int(len(active), lang),
                   extreme=fmt_int(now["Extremt hög"], lang), high=fmt_int(now["Hög"], lang),
                   medium=fmt_int(now["Medelhög"], lang), low=fmt_int(now["Låg"], lang)),
            t(f"risk_page.current.verdict.{verdict}", lang)))

    if assessed.empty:
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

    hovers: dict[str, str] = {}

    def hover(row: dict) -> str:
        # A risk's hover is the same on both maps: written once.
        if row["risk_id"] not in hovers:
            hovers[row["risk_id"]] = _hover(row, lang)
        return hovers[row["risk_id"]]

    current_marks = _marks(active, "likelihood", "consequence", hover)
    residual_marks = _marks(assessed, "residual_likelihood", "residual_consequence", hover)
    moves, moves_label, moves_sentence = _moves(active, previous, lang)
    current = replace(_matrix("current", cells, current_marks, current_sentence, lang),
                      moves=moves, moves_label=moves_label, moves_sentence=moves_sentence)
    return current, _matrix("residual", cells, residual_marks, residual_sentence, lang)


def _marks(rows: pd.DataFrame, likelihood: str, consequence: str, hover: Callable[[dict], str]) -> list[Mark]:
    """The ids to draw in each cell, by id, the cells in the order of their first id, each
    with ``hover(row)``; a full cell's last place says how many more it holds and names the
    first of them."""
    cells = rows[[likelihood, consequence]]
    in_cells = Counter(zip(cells[likelihood].tolist(), cells[consequence].tolist()))
    # Only the rows a cell shows or names become Python rows: a cell may hold thousands.
    by_id = rows["risk_id"].argsort().to_numpy()
    place = cells.iloc[by_id].groupby([likelihood, consequence], sort=False, dropna=False).cumcount()
    by_cell: dict[tuple[int, int], list[dict]] = {}
    for row in records(rows.iloc[by_id[place.to_numpy() < 2 * MARKS_PER_CELL]]):
        by_cell.setdefault((row[likelihood], row[consequence]), []).append(row)
    marks = []
    for (cell_likelihood, cell_consequence), in_cell in by_cell.items():
        count = in_cells[cell_likelihood, cell_consequence]
        shown = in_cell if count <= MARKS_PER_CELL else in_cell[:MARKS_PER_CELL - 1]
        marks += [Mark(r["risk_id"], cell_likelihood, cell_consequence, hover(r)) for r in shown]
        rest = count - len(shown)
        if rest:
            names = [html.escape(_risk_name(r)) for r in in_cell[len(shown):len(shown) + MARKS_PER_CELL]]
            if rest > MARKS_PER_CELL:
                names.append("…")
            marks.append(Mark(f"+{rest}", cell_likelihood, cell_consequence, "<br>".join(names)))
    return marks


def _by_level(rows: pd.DataFrame) -> pd.DataFrame:
    """Highest level first, then the higher likelihood, then the id."""
    return rows.sort_values(["score", "likelihood", "risk_id"], ascending=[False, False, True])


def _table(name: str, sentence: str, found: pd.DataFrame, lang: str, cells: dict[str, Callable],
           tones: dict[str, Callable] | None = None, **header_values) -> Section:
    """The section ``name`` with the rows of ``found``, in its order, as its table: ``cells``
    maps a column's key to a row's text in that column, ``tones`` a column's key to a row's
    tone there. At most TABLE_ROWS rows are shown, and only those become Python rows."""
    if len(found) > TABLE_ROWS:
        sentence += " " + t("risk_page.table_cut", lang, shown=fmt_int(TABLE_ROWS, lang),
                            count=fmt_int(len(found), lang))
    rows = records(found.head(TABLE_ROWS))
    headers = {key: _column(key, lang, **header_values) for key in cells}
    frame = pd.DataFrame({headers[key]: [cell(row) for row in rows] for key, cell in cells.items()},
                         dtype=object)
    tinted = {headers[key]: tuple(tone(row) for row in rows) for key, tone in (tones or {}).items()}
    return Section(name, t(f"risk_page.{name}.title", lang), sentence, table=Table(frame, tinted))


def _late_date(value, late: bool, word: str, lang: str) -> str:
    """A date, with "försenad" (an action) or "passerad" (a decision's end) after it when it
    is past: the cell's colour says so too, but never alone."""
    text = fmt_date(value)
    return t(f"risk_page.date.{word}", lang, date=text) if late else text


def _band_tone(row: dict) -> str:
    return row["band"]


def _status_tone(row: dict) -> str | None:
    return _ACTION_STATUS_TONE.get(row["action_status"])


def _top(active: pd.DataFrame, lang: str) -> Section:
    top = _by_level(active).head(TOP_RISKS)
    needs_follow_up = int((_is(top["without_action_owner"], True) | _is(top["action_overdue"], True)
                           | _is(top["action_status"], "Försenad")).sum())
    sentence = plural("risk_page.top.sentence", len(top), lang, count=fmt_int(len(top), lang))
    if not top.empty:
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
        "due_date": lambda r: _late_date(r["due_date"], r["action_overdue"], "overdue", lang),
        "action_status": lambda r: _action_status(r, lang),
    }, {
        "level": _band_tone,
        "action_owner": lambda r: ACT if r["without_action_owner"] else None,
        "due_date": lambda r: ACT if r["action_overdue"] else None,
        "action_status": _status_tone,
    })


_MOVEMENT_ORDER = {UP: 0, NEW: 1, DOWN: 2, SAME: 3}
_MOVEMENT_TONE = {UP: ACT, DOWN: GOOD, NEW: None, SAME: None}


def _movement_table(rows: pd.DataFrame, active: pd.DataFrame, previous_year: int, lang: str) -> Section:
    moves = _with_movements(active)
    kinds = Counter(moves["since_year"].tolist())
    moves = moves.assign(movement_order=moves["since_year"].map(_MOVEMENT_ORDER)).sort_values(
        ["movement_order", "score", "risk_id"], ascending=[True, False, True])
    closed = int((_is(rows["status"], "Stängd") & _is(rows["last_year_status"], "Aktiv")).sum())

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
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "since_year": lambda r: _movement_text(r["since_year"], r["score"], r["last_year_score"],
                                               r["band"], r["last_year_band"], lang),
        "since_previous": lambda r: _movement_text(r["since_previous"], r["score"], r["previous_score"],
                                                   r["band"], r["previous_band"], lang),
        "previous_assessed_on": lambda r: fmt_date(r["previous_assessed_on"]),
        "last_analysis": lambda r: _analysis(r, lang),
    }, {
        "level": _band_tone,
        "since_year": lambda r: _MOVEMENT_TONE[r["since_year"]],
        "since_previous": lambda r: _MOVEMENT_TONE[r["since_previous"]],
    }, previous_year=previous_year)


def _analysis(row: dict, lang: str) -> str:
    """The risk analysis that last assessed a risk, with the date of that assessment."""
    if row["last_analysis_id"] is None:
        return MISSING
    return t("risk_page.analysis", lang, analysis_id=row["last_analysis_id"],
             date=fmt_date(row["last_analysis_assessed_on"]))


def _comparison(before: int, previous_year: int, lang: str) -> str:
    return t("risk_page.compared", lang, previous_year=previous_year, previous=fmt_int(before, lang))


def _without_owner(active: pd.DataFrame, lang: str) -> Section:
    found = _by_level(_rows_where(active, "without_action_owner"))
    sentence = (plural("risk_page.without_owner.sentence", len(found), lang, count=fmt_int(len(found), lang))
                if not found.empty else t("risk_page.without_owner.none", lang))
    return _table("without_owner", sentence, found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "owner": lambda r: _text(r["owner"]),
        "action": lambda r: _text(r["action"]),
        "action_status": lambda r: _action_status(r, lang),
    }, {"level": _band_tone, "action_status": _status_tone})


def _overdue(active: pd.DataFrame, last_year_rows: pd.DataFrame, reference_date: dt.date, previous_year: int,
             lang: str) -> Section:
    found = _rows_where(active, "action_overdue").sort_values(["due_date", "risk_id"])
    before = len(_rows_where(last_year_rows, "action_overdue"))
    values = dict(date=fmt_date(reference_date), comparison=_comparison(before, previous_year, lang))
    sentence = (plural("risk_page.overdue.sentence", len(found), lang, count=fmt_int(len(found), lang), **values)
                if not found.empty else t("risk_page.overdue.none", lang, **values))
    return _table("overdue", sentence, found, lang, {
        "risk": _risk_name,
        "action": lambda r: _text(r["action"]),
        "action_owner": lambda r: _text(r["action_owner"]),
        "due_date": lambda r: _late_date(r["due_date"], True, "overdue", lang),
        "days_late": lambda r: fmt_int((reference_date - r["due_date"]).days, lang),
        "action_status": lambda r: _action_status(r, lang),
    }, {"due_date": lambda r: ACT, "action_status": _status_tone})


def _review(due: pd.DataFrame, last_year_due: pd.DataFrame, previous_year: int, lang: str) -> Section:
    """Active risks overdue or due soon for re-assessment (risks_review), overdue first."""
    found = due[~_is(due["review_state"], risk_review.OK)]
    overdue = int(_is(found["review_state"], risk_review.OVERDUE).sum())
    before = int(_is(last_year_due["review_state"], risk_review.OVERDUE).sum())
    days = fmt_int(rules.RISK_REVIEW_DUE_DAYS, lang)
    comparison = _comparison(before, previous_year, lang)
    rule = t("risk_page.review.rule", lang, high_months=rules.HIGH_RISK_REVIEW_MONTHS,
             months=rules.RISK_REVIEW_MONTHS)
    if not found.empty:
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


def _flagged(found: pd.DataFrame, lang: str) -> Section:
    """Active risks that serious incidents after their newest assessment concern."""
    sentence = (plural("risk_page.flagged.sentence", len(found), lang, count=fmt_int(len(found), lang))
                if not found.empty else t("risk_page.flagged.none", lang))
    return _table("flagged", f"{sentence} {t('risk_page.flagged.rule', lang)}", found, lang, {
        "risk": _risk_name,
        "level": lambda r: _level(r["score"], r["band"], lang),
        "system": lambda r: _text(r["system_name"]),
        "threat": lambda r: _text(r["threat_name"]),
        "assessed_on": lambda r: fmt_date(r["assessed_on"]),
        "incidents": lambda r: fmt_int(r["incidents"], lang),
        "newest_incident": lambda r: fmt_date(r["newest_incident_at"]),
    }, {"level": _band_tone, "incidents": lambda r: WATCH})


def _accepted(found: pd.DataFrame, lang: str) -> Section:
    """Accepted risks at Hög or above: who decided, why, until when; run-out ones first."""
    expired = len(_rows_where(found, "expired"))
    if not found.empty:
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
        "accepted_until": lambda r: _late_date(r["accepted_until"], r["expired"], "passed", lang),
        "acceptance_state": lambda r: t("risk_page.accepted.expired" if r["expired"]
                                        else "risk_page.accepted.valid", lang),
    }, {
        "level": _band_tone,
        "accepted_until": lambda r: ACT if r["expired"] else None,
        "acceptance_state": lambda r: ACT if r["expired"] else GOOD,
    })


def _analyses(found: pd.DataFrame, reference_date: dt.date, lang: str) -> Section:
    """The risk analyses begun by the reference date, newest first."""
    date = fmt_date(reference_date)
    analyses = records(found)
    finished = [r for r in analyses if r["finished_on"] is not None]
    if finished:
        latest = max(finished, key=lambda r: (r["finished_on"], r["analysis_id"]))
        sentence = plural("risk_page.analyses.sentence", len(finished), lang, count=fmt_int(len(finished), lang),
                          date=date, latest=f"{latest['analysis_id']} {latest['title']}",
                          assessed=fmt_int(latest["risks_assessed"], lang))
    else:
        sentence = t("risk_page.analyses.none", lang, date=date)
    for row in analyses:
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


def _infrastructure(active: pd.DataFrame, last_year_rows: pd.DataFrame, overdue_ids: set[str],
                    reference_date: dt.date, previous_year: int, area_left_out: bool, lang: str) -> Section:
    found = _by_level(active[_is(active["area"], INFRASTRUCTURE_AREA)])
    before = int((_is(last_year_rows["area"], INFRASTRUCTURE_AREA) & _is(last_year_rows["status"], "Aktiv")).sum())
    audit = t("risk_page.infrastructure.audit", lang)
    if area_left_out:
        sentence = " ".join((audit, t("risk_page.infrastructure.left_out", lang)))
    elif found.empty:
        sentence = " ".join((audit, t("risk_page.infrastructure.none", lang, date=fmt_date(reference_date),
                                      previous_year=previous_year, previous=fmt_int(before, lang))))
    else:
        high = int(found["band"].isin(HIGH_BANDS).sum())
        stale = int(found["risk_id"].isin(overdue_ids).sum())
        sentence = " ".join((
            audit,
            plural("risk_page.infrastructure.sentence", len(found), lang, count=fmt_int(len(found), lang),
                   previous_year=previous_year, previous=fmt_int(before, lang),
                   latest=fmt_date(python_value(found["assessed_on"].max()))),
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


def requests(year: int) -> list[tuple[str, dict]]:
    """The queries the page reads for ``year`` when there are risks to show, with their
    parameters (``ui.page_model``'s ``prefetch``)."""
    method = risk_review.query_params()
    return [
        ("overview_risks", {"year": year}),
        ("risks_current", {"year": year}),
        ("risks_current", {"year": year - 1}),
        ("risks_review", {"year": year, **method}),
        ("risks_review", {"year": year - 1, **method}),
        ("risks_since_previous_analysis", {"year": year}),
        ("risks_matrix", {}),
        ("risks_flagged_by_incidents", {"year": year, **method}),
        ("risks_accepted", {"year": year, **method}),
        ("risk_analyses", {"year": year}),
    ]


def build(fetch: Fetch, year: int, municipality: str | None, lang: str,
          selection: Selection = Selection()) -> RisksView:
    """The Risker page for ``year`` in ``lang``, narrowed by the page's ``selection``."""
    previous_year = year - 1
    overview_rows = by_year(fetch("overview_risks", year=year))
    as_of_date = overview_rows[year]["reference_date"]
    register = fetch("risks_current", year=year)
    # The register stays a frame: only the rows a table or a heat map shows become Python rows.
    rows = selection.apply(register)
    last_year_rows = selection.apply(fetch("risks_current", year=previous_year))

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
    if rows.empty:
        return RisksView(**common, has_register=True, selection_has_risks=False,
                         message=t("risk_page.no_selection", lang))

    method = risk_review.query_params()
    review = selection.apply(fetch("risks_review", year=year, **method))
    last_year_review = selection.apply(fetch("risks_review", year=previous_year, **method))
    overdue_ids = set(review["risk_id"][_is(review["review_state"], risk_review.OVERDUE)].tolist())
    active = rows[_is(rows["status"], "Aktiv")]
    current, residual = _heat_maps(fetch, active, fetch("risks_since_previous_analysis", year=year), lang)
    return RisksView(
        **common,
        has_register=True,
        selection_has_risks=True,
        message="",
        metrics=_metrics(overview_rows, year, selection, rows, last_year_rows, lang),
        current=current,
        residual=residual,
        contradiction=contradictions.note("accepted_with_open_action",
                                          contradictions.accepted_with_open_action(rows), lang),
        top=_top(active, lang),
        movement=_movement_table(rows, active, previous_year, lang),
        without_owner=_without_owner(active, lang),
        overdue=_overdue(active, last_year_rows, as_of_date, previous_year, lang),
        review=_review(review, last_year_review, previous_year, lang),
        flagged=_flagged(selection.apply(fetch("risks_flagged_by_incidents", year=year, **method)), lang),
        infrastructure=_infrastructure(
            active, last_year_rows, overdue_ids, as_of_date, previous_year,
            bool(selection.areas) and INFRASTRUCTURE_AREA not in selection.areas, lang),
        accepted=_accepted(selection.apply(fetch("risks_accepted", year=year, **method)), lang),
        analyses=_analyses(fetch("risk_analyses", year=year), as_of_date, lang),
    )
