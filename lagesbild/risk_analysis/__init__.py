"""The guided risk analysis, without Streamlit: start or continue an analysis, walk each
component (a system) against each active threat of the catalogue, save each assessment as a
risk row, and finish.

An analysis is an ``analyses`` row; every assessment it makes is a ``risks`` row carrying its
``analysis_id`` and ``threat_id``, dated on the analysis's date. A component that already has
a risk for the threat (same system and threat) gets a new assessment of that risk, so the
risk keeps its history across analyses; otherwise the risk gets the next free id ("R-26").
Every write goes through the importer (:func:`lagesbild.data.ingest.import_rows`): the same checks
as an import file, and a change-log row.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from lagesbild.admin import editing
from lagesbild.data import ingest
from lagesbild.rules import risk_review
from lagesbild.risk_analysis import scales as risk_scales
from lagesbild import rules
from lagesbild.data.contracts import ANALYSES, KLASSA_LEVELS, RISKS
from lagesbild.formatting import fmt_date, fmt_int
from lagesbild.i18n import label, plural, t
from lagesbild.areas.risks import BANDS, Cell, Mark, Matrix, band_label
from lagesbild.areas.sections import Fetch, records

DEFAULT_AREA = "IT-infrastruktur"
ACTIVE, ACCEPT = risk_review.ACTIVE, risk_review.ACCEPT
NOT_STARTED = "Ej påbörjad"
# Incident categories whose threats can take a service down: for them the component's
# availability level (T) suggests a least consequence.
OUTAGE_CATEGORIES = ("Tillgänglighet", "Skadlig kod")
# T level -> the least consequence suggested for an outage-type threat.
AVAILABILITY_SUGGESTION = {4: 3, 3: 2}

_RISK_ID = re.compile(r"^R-(\d+)$")
_SENTENCE = re.compile(r"^På grund av (?P<cause>.+?) inträffar (?P<event>.+?),? vilket leder till "
                       r"(?P<consequence>.+?)\.?$", re.DOTALL)


# --- Analyses --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Analysis:
    analysis_id: str
    title: str
    scope: str
    started_on: dt.date
    finished_on: dt.date | None
    participants: str
    scales: str
    assessments: int = 0

    @property
    def finished(self) -> bool:
        return self.finished_on is not None


@dataclass
class Saved:
    """What a save did: the importer's result, and the refusals in the user's language."""

    result: ingest.ImportResult | None = None
    refusals: list[str] = field(default_factory=list)
    key: str = ""           # the analysis's or the risk's id

    @property
    def ok(self) -> bool:
        return not self.refusals and self.result is not None and self.result.ok


def _plain(value):
    """A query value as a plain Python value: NaN/NaT -> None, Timestamp -> date."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def _date(value) -> dt.date | None:
    value = _plain(value)
    return value.date() if isinstance(value, dt.datetime) else value


def _text(value) -> str | None:
    """A form value as the text an import file would hold for it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value.strip() if isinstance(value, str) else str(value)


def analyses(fetch: Fetch) -> list[Analysis]:
    """Every analysis, newest first."""
    return [Analysis(r["analysis_id"], r["title"], r["scope"], _date(r["started_on"]),
                     _date(r["finished_on"]), r["participants"], r["scales"], int(r["assessments"]))
            for r in records(fetch("risk_analysis_list"))]


def analysis(fetch: Fetch, analysis_id: str) -> Analysis | None:
    return next((a for a in analyses(fetch) if a.analysis_id == analysis_id), None)


def default_title(year: int) -> str:
    return f"IT-infrastruktur {year}"


def next_analysis_id(existing: list[str], year: int) -> str:
    """'RA-2026-01', or the next number free that year."""
    prefix = f"RA-{year}-"
    numbers = [int(i[len(prefix):]) for i in existing if i.startswith(prefix) and i[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


def _write(con: duckdb.DuckDBPyConnection, kind: str, values: dict, *, changed_by: str,
           lang: str) -> Saved:
    spec = {ANALYSES.name: ANALYSES, RISKS.name: RISKS}[kind]
    frame = pd.DataFrame([{name: _text(values.get(name)) for name in spec.column_names}])
    result = ingest.import_rows(con, kind, frame, changed_by=changed_by, action="edit")
    return Saved(result, editing.problem_lines(result, spec, lang))


def save_analysis(con: duckdb.DuckDBPyConnection, values: dict, *, changed_by: str,
                  lang: str = "sv") -> Saved:
    """Start an analysis or change its description (``values``: the analyses columns; an
    empty ``analysis_id`` gets the next free one). The scales are always MSB's 4×4."""
    values = dict(values)
    if not values.get("analysis_id"):
        existing = [r[0] for r in con.execute("SELECT analysis_id FROM analyses").fetchall()]
        started = values.get("started_on") or dt.date.today()
        values["analysis_id"] = next_analysis_id(existing, started.year)
    values["scales"] = risk_scales.MSB_4X4
    saved = _write(con, "analyses", values, changed_by=changed_by, lang=lang)
    saved.key = values["analysis_id"]
    return saved


def finish(con: duckdb.DuckDBPyConnection, analysis_: Analysis, finished_on: dt.date, *,
           changed_by: str, lang: str = "sv") -> Saved:
    """Mark the analysis finished on ``finished_on``."""
    values = {name: getattr(analysis_, name) for name in ANALYSES.column_names}
    values["finished_on"] = max(finished_on, analysis_.started_on)
    return _write(con, "analyses", values, changed_by=changed_by, lang=lang)


# --- Components and threats -------------------------------------------------------------------

@dataclass(frozen=True)
class Component:
    system_id: str
    name: str
    owner: str | None
    infrastructure: bool
    # KLASSA levels of the newest classification, None when never classified.
    confidentiality: int | None = None
    integrity: int | None = None
    availability: int | None = None
    traceability: int | None = None
    classified_on: dt.date | None = None

    @property
    def classified(self) -> bool:
        return self.classified_on is not None


@dataclass(frozen=True)
class Threat:
    threat_id: str
    name: str
    description: str | None
    incident_categories: tuple[str, ...]

    @property
    def outage(self) -> bool:
        """Whether the threat can take a service down (its incidents concern availability)."""
        return any(c in OUTAGE_CATEGORIES for c in self.incident_categories)


def _level(value) -> int | None:
    value = _plain(value)
    return None if value is None else int(value)


def components(fetch: Fetch) -> list[Component]:
    """Every system, infrastructure first, with its newest classification's levels."""
    return [Component(r["system_id"], r["name"], _plain(r["owner"]), bool(r["infrastructure"]),
                      _level(r["confidentiality"]), _level(r["integrity"]), _level(r["availability"]),
                      _level(r["traceability"]), _date(r["classified_on"]))
            for r in records(fetch("risk_analysis_components"))]


def default_components(all_components: list[Component]) -> list[str]:
    """The components an analysis starts from: the infrastructure systems."""
    return [c.system_id for c in all_components if c.infrastructure]


def threats(fetch: Fetch) -> list[Threat]:
    """The active threats of the catalogue, in their order."""
    return [Threat(r["threat_id"], r["name"], _plain(r["description"]),
                   tuple(c.strip() for c in (_plain(r["incident_categories"]) or "").split(";")
                         if c.strip()))
            for r in records(fetch("risk_analysis_threats"))]


def classification_line(component: Component, lang: str) -> str:
    """'K3 R2 T4 S1 (klassad 2025-03-01)', or that the system has no classification."""
    if not component.classified:
        return t("risk_analysis.classification.none", lang)
    levels = " ".join(f"{letter}{value}" for letter, value in zip(
        t("risk_analysis.classification.letters", lang).split(),
        (component.confidentiality, component.integrity, component.availability,
         component.traceability)))
    return t("risk_analysis.classification.line", lang, levels=levels,
             date=fmt_date(component.classified_on))


@dataclass(frozen=True)
class Suggestion:
    least: int          # the least consequence suggested
    reason: str


def consequence_suggestion(component: Component, threat: Threat, lang: str) -> Suggestion | None:
    """A suggestion (not a rule): for a threat that can take the service down, a component
    with availability T4 suggests at least Betydande, T3 at least Måttlig."""
    if not threat.outage or component.availability not in AVAILABILITY_SUGGESTION:
        return None
    least = AVAILABILITY_SUGGESTION[component.availability]
    return Suggestion(least, t("risk_analysis.suggestion", lang, level=component.availability,
                               level_name=label(KLASSA_LEVELS, component.availability, lang),
                               consequence=risk_scales.name(risk_scales.CONSEQUENCE, least, lang)))


# --- Walking the components × threats ---------------------------------------------------------

@dataclass(frozen=True)
class Step:
    index: int              # 0-based, over all steps
    count: int
    component_index: int    # 0-based
    component_count: int
    threat_index: int
    threat_count: int
    system_id: str
    threat_id: str

    def progress(self, lang: str) -> str:
        return t("risk_analysis.progress", lang, component=self.component_index + 1,
                 components=self.component_count, threat=self.threat_index + 1,
                 threats=self.threat_count)


def steps(system_ids: list[str], threat_ids: list[str]) -> list[Step]:
    """Every component × threat, component by component."""
    count = len(system_ids) * len(threat_ids)
    return [Step(c * len(threat_ids) + h, count, c, len(system_ids), h, len(threat_ids), system_id,
                 threat_id)
            for c, system_id in enumerate(system_ids) for h, threat_id in enumerate(threat_ids)]


# --- The risk sentence ------------------------------------------------------------------------

def _clause(text: str | None) -> str:
    return " ".join((text or "").split()).rstrip(" .,")


def risk_sentence(cause: str, event: str, consequence: str) -> str:
    """The MSB risk statement: 'På grund av … inträffar …, vilket leder till ….'"""
    return (f"På grund av {_clause(cause)} inträffar {_clause(event)}, "
            f"vilket leder till {_clause(consequence)}.")


def sentence_parts(description: str | None) -> tuple[str, str, str]:
    """The three parts of a stored risk statement (empty parts when it is not one)."""
    found = _SENTENCE.match(" ".join((description or "").split()))
    if not found:
        return "", "", ""
    return found["cause"], found["event"], found["consequence"]


def sentence_complete(cause: str, event: str, consequence: str) -> bool:
    return all(_clause(part) for part in (cause, event, consequence))


# --- Risks and assessments --------------------------------------------------------------------

def next_risk_id(existing: list[str]) -> str:
    """The next free 'R-NN' after the highest number in use."""
    numbers = [int(found[1]) for found in (_RISK_ID.match(i) for i in existing) if found]
    return f"R-{max(numbers, default=0) + 1:02d}"


def newest_assessments(fetch: Fetch) -> pd.DataFrame:
    """Each risk's newest assessment, every column."""
    return fetch("edit_risks")


def risk_for(newest: pd.DataFrame, system_id: str, threat_id: str) -> dict | None:
    """The newest assessment of the component's risk for the threat, if it has one."""
    found = newest[(newest["system_id"] == system_id) & (newest["threat_id"] == threat_id)]
    if found.empty:
        return None
    row = found.sort_values(["assessed_on", "risk_id"], ascending=[False, True]).iloc[0]
    return editing.row_values(row, "risks")


@dataclass
class Entry:
    """What the user entered for one component × threat."""

    title: str = ""
    cause: str = ""
    event: str = ""
    consequence_text: str = ""
    likelihood: int | None = None
    consequence: int | None = None
    treatment: str | None = None
    action: str = ""
    action_owner: str = ""
    due_date: dt.date | None = None
    residual_likelihood: int | None = None
    residual_consequence: int | None = None
    owner: str = ""
    area: str = DEFAULT_AREA
    accepted_by: str = ""
    acceptance_reason: str = ""
    accepted_until: dt.date | None = None


def entry_from(previous: dict | None, component: Component, threat: Threat) -> Entry:
    """The starting values of a step: the previous assessment's, or a fresh one with the
    system owner as risk owner and a title naming the threat and the component."""
    if previous is None:
        return Entry(title=f"{threat.name} – {component.name}"[:300], owner=component.owner or "")
    cause, event, consequence = sentence_parts(previous.get("description"))
    return Entry(
        title=previous["title"], cause=cause, event=event, consequence_text=consequence,
        likelihood=previous["likelihood"], consequence=previous["consequence"],
        treatment=previous["treatment"], action=previous["action"] or "",
        action_owner=previous["action_owner"] or "", due_date=previous["due_date"],
        residual_likelihood=previous["residual_likelihood"],
        residual_consequence=previous["residual_consequence"],
        owner=previous["owner"] or component.owner or "", area=previous["area"] or DEFAULT_AREA,
        accepted_by=previous.get("accepted_by") or "",
        acceptance_reason=previous.get("acceptance_reason") or "",
        accepted_until=previous.get("accepted_until"))


def needs_acceptance_details(entry: Entry) -> bool:
    """Whether accepting this risk needs a decision-maker, a reason and an expiry date."""
    return risk_review.needs_acceptance(entry.treatment, entry.likelihood, entry.consequence)


def assessment_values(analysis_: Analysis, system_id: str, threat_id: str, entry: Entry,
                      risk_id: str, previous: dict | None) -> dict:
    """The risks row for an assessment: the contract's columns."""
    action = entry.action.strip()
    if previous is not None and previous.get("action_status") and action == (previous["action"] or "").strip():
        action_status = previous["action_status"]
    else:
        action_status = NOT_STARTED if action else None
    accepting = entry.treatment == ACCEPT
    return {
        "risk_id": risk_id,
        "title": entry.title,
        "description": (risk_sentence(entry.cause, entry.event, entry.consequence_text)
                        if sentence_complete(entry.cause, entry.event, entry.consequence_text) else None),
        "area": entry.area or DEFAULT_AREA,
        "system_id": system_id,
        "owner": entry.owner,
        "assessed_on": analysis_.started_on,
        "likelihood": entry.likelihood,
        "consequence": entry.consequence,
        "treatment": entry.treatment,
        "action": action,
        "action_owner": entry.action_owner,
        "due_date": entry.due_date,
        "action_status": action_status,
        "residual_likelihood": entry.residual_likelihood,
        "residual_consequence": entry.residual_consequence,
        "status": ACTIVE,
        "analysis_id": analysis_.analysis_id,
        "threat_id": threat_id,
        "accepted_by": entry.accepted_by if accepting else None,
        "acceptance_reason": entry.acceptance_reason if accepting else None,
        "accepted_until": entry.accepted_until if accepting else None,
    }


def _own_refusals(entry: Entry, lang: str) -> list[str]:
    """What the form itself asks for before the importer's checks."""
    refusals = []
    if not sentence_complete(entry.cause, entry.event, entry.consequence_text):
        refusals.append(t("risk_analysis.refused.sentence", lang))
    if entry.likelihood is None or entry.consequence is None:
        refusals.append(t("risk_analysis.refused.levels", lang))
    return refusals


def _date_refusal(con, analysis_: Analysis, risk_id: str, lang: str) -> str | None:
    """An assessment is dated on the analysis's date: refuse when that would not make it the
    risk's newest assessment, or would overwrite another analysis's or edit's assessment."""
    rows = con.execute("SELECT assessed_on, analysis_id FROM risks WHERE risk_id = ? "
                       "ORDER BY assessed_on DESC LIMIT 1", [risk_id]).fetchall()
    if not rows:
        return None
    newest, by = rows[0]
    if newest > analysis_.started_on or (newest == analysis_.started_on and by != analysis_.analysis_id):
        return t("risk_analysis.refused.date", lang, risk=risk_id, newest=fmt_date(newest),
                 date=fmt_date(analysis_.started_on))
    return None


def save_assessment(con: duckdb.DuckDBPyConnection, analysis_: Analysis, system_id: str,
                    threat_id: str, entry: Entry, *, changed_by: str, lang: str = "sv") -> Saved:
    """Save the assessment of ``system_id`` × ``threat_id``: a new assessment of the
    component's risk for the threat when it has one, else a new risk with the next free id."""
    refusals = _own_refusals(entry, lang)
    if refusals:
        return Saved(None, refusals)
    cur = con.cursor()
    try:
        newest = cur.execute(
            "SELECT * FROM risks QUALIFY row_number() OVER (PARTITION BY risk_id "
            "ORDER BY assessed_on DESC) = 1").df()
        previous = risk_for(newest, system_id, threat_id)
        risk_id = previous["risk_id"] if previous else next_risk_id(newest["risk_id"].tolist())
        refusal = _date_refusal(cur, analysis_, risk_id, lang)
        if refusal:
            return Saved(None, [refusal])
        values = assessment_values(analysis_, system_id, threat_id, entry, risk_id, previous)
        saved = _write(cur, "risks", values, changed_by=changed_by, lang=lang)
    finally:
        cur.close()
    saved.key = risk_id
    return saved


# --- Levels, heat maps and the summary --------------------------------------------------------

def level_text(score: int | None, bands: dict[int, str], lang: str) -> str:
    """'Hög (12)', or a dash when not rated."""
    if score is None:
        return "–"
    return t("risk_page.level", lang, band=band_label(bands[score], lang), score=score)


def assessments(fetch: Fetch, analysis_id: str) -> list[dict]:
    """The analysis's assessments with the risk's assessment before each."""
    return records(fetch("risk_analysis_assessments", analysis_id=analysis_id))


UP, DOWN, SAME, NEW = "up", "down", "same", "new"


def movement(row: dict) -> str:
    """How the risk moved since its assessment before this analysis's."""
    before = row["previous_score"]
    if before is None:
        return NEW
    return UP if row["score"] > before else DOWN if row["score"] < before else SAME


def band_counts(rows: list[dict], residual: bool = False) -> dict[str, int]:
    """Risks per band, every band present (rising order); residual counts the rated ones."""
    column = "residual_band" if residual else "band"
    counted = Counter(r[column] for r in rows if r[column])
    return {band: counted.get(band, 0) for band in BANDS}


def matrix(fetch: Fetch, rows: list[dict], *, residual: bool, lang: str) -> Matrix:
    """The analysis's heat map before (or after) treatment, in the Risker page's shape."""
    likelihood, consequence = (("residual_likelihood", "residual_consequence") if residual
                               else ("likelihood", "consequence"))
    bands = risk_scales.bands(fetch)
    cells = tuple(
        Cell(l, c, l * c, bands[l * c], level_text(l * c, bands, lang),
             t("risk_page.hover.cell", lang, likelihood=risk_scales.name("likelihood", l, lang),
               consequence=risk_scales.name("consequence", c, lang),
               level=level_text(l * c, bands, lang)))
        for l in risk_scales.LEVELS for c in risk_scales.LEVELS)
    rated = [r for r in rows if r[likelihood] is not None]
    marks = tuple(Mark(r["risk_id"], int(r[likelihood]), int(r[consequence]),
                       html.escape(f"{r['risk_id']} {r['title']}"))
                  for r in sorted(rated, key=lambda r: r["risk_id"]))
    counts = band_counts(rows, residual)
    key = "residual" if residual else "current"
    sentence = (t(f"risk_analysis.map.{key}.none", lang) if not rated else
                plural(f"risk_analysis.map.{key}.sentence", len(rated), lang,
                       count=fmt_int(len(rated), lang),
                       high=fmt_int(counts["Hög"] + counts["Extremt hög"], lang)))
    return Matrix(
        title=t(f"risk_analysis.map.{key}.title", lang),
        sentence=sentence,
        cells=cells,
        marks=marks,
        likelihood_labels=tuple(risk_scales.name("likelihood", v, lang) for v in risk_scales.LEVELS),
        consequence_labels=tuple(risk_scales.name("consequence", v, lang) for v in risk_scales.LEVELS),
        likelihood_title=t("risk_page.axis.likelihood", lang),
        consequence_title=t("risk_page.axis.consequence", lang),
        band_labels={band: band_label(band, lang) for band in BANDS},
    )


def summary_sentence(rows: list[dict], lang: str) -> str:
    """'12 risker bedömda: 1 extremt hög, 3 höga, …; 4 nya, 2 högre och 1 lägre än förut.'"""
    if not rows:
        return t("risk_analysis.summary.none", lang)
    counts = band_counts(rows)
    moved = Counter(movement(r) for r in rows)
    return plural("risk_analysis.summary.sentence", len(rows), lang,
                  count=fmt_int(len(rows), lang),
                  extreme=fmt_int(counts["Extremt hög"], lang), high=fmt_int(counts["Hög"], lang),
                  medium=fmt_int(counts["Medelhög"], lang), low=fmt_int(counts["Låg"], lang),
                  new=fmt_int(moved[NEW], lang), up=fmt_int(moved[UP], lang),
                  down=fmt_int(moved[DOWN], lang), same=fmt_int(moved[SAME], lang))


def accepted_high(rows: list[dict]) -> list[dict]:
    """The risks the analysis accepts at Hög or above: the board decides on them."""
    return [r for r in rows if r["treatment"] == ACCEPT and r["score"] >= rules.RISK_ACCEPTANCE_SCORE]
