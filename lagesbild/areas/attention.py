"""Att uppmärksamma: the few findings that need the board's attention in the selected year,
derived by rules from the same queries the pages show, most important first.

Each rule is a small function over one query's rows that returns a ``Finding`` or None.
Its threshold is documented with it; where the threshold is part of the query (a flag
such as ``action_overdue``), the query's header defines it. The yearly report's
"Förslag till beslut" is built from the same findings, so nothing here imports Streamlit.

Severity orders the list (higher first; rules of equal severity keep the order of
``RULES``):
  3  SEVERITY_ACT     an ongoing exposure nobody is acting on, a legal deadline missed, the
            auditors' recommendations not carried out, or a high risk borne on an
            acceptance that has run out;
  2  SEVERITY_WATCH   protection that is planned but late or missing for important systems, and a
            risk analysis that is not kept current: risks past their date for
            re-assessment or flagged by new incidents (the 2023 audit's one "nej" was for
            a risk analysis that is not continuously updated, so this is more than upkeep);
  1  SEVERITY_UPKEEP upkeep: reviews that have fallen behind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from lagesbild.rules import risk_review
from lagesbild import rules
from lagesbild.rules import status as statuses
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.formatting import fmt_int, shortened
from lagesbild.i18n import join_list, label, plural, t
from lagesbild.pages import app_page
from lagesbild.areas.sections import Fetch
from lagesbild.rules.status import Status

SEVERITY_ACT, SEVERITY_WATCH, SEVERITY_UPKEEP = 3, 2, 1

# How many findings the overview shows before "och N till", and how many things a
# sentence names before "och N till".
SHOWN_FINDINGS = 6
NAMED_ITEMS = 3
# A recommendation's text is long; a sentence quotes its beginning.
QUOTED_CHARACTERS = 40



@dataclass(frozen=True)
class Item:
    """One thing a finding is about: a risk, a recommendation, a system, an incident, a document."""

    key: str        # its id in the register
    label: str      # how a sentence names it, e.g. "R-05 Strömavbrott slår ut serverhallen"


@dataclass(frozen=True)
class Finding:
    rule: str                   # the rule's name, e.g. "risks_without_action_owner"
    severity: int               # SEVERITY_ACT, SEVERITY_WATCH or SEVERITY_UPKEEP
    page: str                   # url path of the page that shows the details
    items: tuple[Item, ...]     # everything found, most important first
    sentence: str               # the count and the first few things by name
    summary: str                # the count only: for public documents, which name no systems
    topic: str                  # what it is about in a few words, e.g. "försenade riskåtgärder"
    link_label: str

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def status(self) -> Status:
        return Status.ACT if self.severity >= SEVERITY_ACT else Status.WATCH


@dataclass(frozen=True)
class Attention:
    year: int
    findings: tuple[Finding, ...]   # all of them, most important first
    title: str
    intro: str
    headline: str                   # one line for the top of the page; "" when nothing was found
    nothing_message: str            # when there are no findings
    more_label: str                 # "och N till" when there are more than SHOWN_FINDINGS, else ""

    @property
    def shown(self) -> tuple[Finding, ...]:
        return self.findings[:SHOWN_FINDINGS]

    @property
    def more(self) -> tuple[Finding, ...]:
        return self.findings[SHOWN_FINDINGS:]


def _page_title(url_path: str, lang: str) -> str:
    return t(app_page(url_path).title_key, lang)


def _finding(rule: str, severity: int, page: str, items: list[Item], lang: str, **values) -> Finding | None:
    if not items:
        return None
    summary = plural(f"attention.{rule}", len(items), lang, count=fmt_int(len(items), lang), **values)
    named = [item.label for item in items[:NAMED_ITEMS]]
    if len(items) > NAMED_ITEMS:
        named.append(t("attention.more_items", lang, count=fmt_int(len(items) - NAMED_ITEMS, lang)))
    return Finding(
        rule=rule, severity=severity, page=page, items=tuple(items),
        sentence=t("attention.sentence", lang, summary=summary, items=join_list(named, lang)),
        summary=t("attention.summary", lang, summary=summary),
        topic=t(f"attention.topic.{rule}", lang),
        link_label=_page_title(page, lang),
    )


def _columns(found: pd.DataFrame, *names: str) -> zip:
    """The rows of ``found`` as tuples of the named columns only: a rule may match thousands
    of systems at scale, and whole-row tuples of a wide frame cost many times more."""
    return zip(*(found[name].tolist() for name in names))


def _numbered_items(found: pd.DataFrame, id_column: str, title_column: str) -> list[Item]:
    """Items labelled with their id and title, e.g. "R-012 Ransomware i lönesystemet"."""
    return [Item(key, f"{key} {title}") for key, title in _columns(found, id_column, title_column)]


# --- The rules ---------------------------------------------------------------------------------
# Each takes the rows of its query and the reader's language.

def risk_register_empty(risks: pd.DataFrame, lang: str) -> Finding | None:
    """No risk assessed at all by the reference date (risks_current has no rows): the
    association has no recorded risk analysis, the 2023 audit's main point."""
    if not risks.empty:
        return None
    sentence = t("attention.risk_register_empty", lang)
    return Finding(rule="risk_register_empty", severity=SEVERITY_ACT, page="risker", items=(), sentence=sentence,
                   summary=sentence, topic=t("attention.topic.risk_register_empty", lang),
                   link_label=_page_title("risker", lang))


def risks_without_action_owner(risks: pd.DataFrame, lang: str) -> Finding | None:
    """Active risks at level Hög or Extremt hög with nobody responsible for the action
    (risks_current.without_action_owner). Highest level first."""
    found = risks[risks["without_action_owner"]].sort_values(
        ["score", "likelihood", "risk_id"], ascending=[False, False, True])
    items = _numbered_items(found, "risk_id", "title")
    return _finding("risks_without_action_owner", SEVERITY_ACT, "risker", items, lang)


def risk_actions_overdue(risks: pd.DataFrame, lang: str) -> Finding | None:
    """Actions of active risks whose due date lies before the reference date and that are not
    Klar (risks_current.action_overdue). Longest overdue first."""
    found = risks[risks["action_overdue"]].sort_values(["due_date", "risk_id"])
    items = _numbered_items(found, "risk_id", "title")
    return _finding("risk_actions_overdue", SEVERITY_WATCH, "risker", items, lang)


def risks_review_overdue(review: pd.DataFrame, lang: str) -> Finding | None:
    """Active risks past their date for re-assessment by the method's cadence
    (risks_review.review_state 'overdue'; lagesbild.rules.risk_review). Longest overdue first."""
    found = review[review["review_state"] == risk_review.OVERDUE].sort_values(["next_review", "risk_id"])
    items = _numbered_items(found, "risk_id", "title")
    return _finding("risks_review_overdue", SEVERITY_WATCH, "risker", items, lang)


def risks_flagged_by_incidents(flagged: pd.DataFrame, lang: str) -> Finding | None:
    """Active risks that serious incidents after their newest assessment concern
    (risks_flagged_by_incidents; lagesbild.rules.risk_review). Most incidents first."""
    found = flagged.sort_values(["incidents", "score", "risk_id"], ascending=[False, False, True])
    items = _numbered_items(found, "risk_id", "title")
    return _finding("risks_flagged_by_incidents", SEVERITY_WATCH, "risker", items, lang)


def risk_acceptances_expired(accepted: pd.DataFrame, lang: str) -> Finding | None:
    """Accepted risks at Hög or above whose acceptance ran out before the reference date
    (risks_accepted.expired). Longest expired first."""
    found = accepted[accepted["expired"]].sort_values(["accepted_until", "risk_id"])
    items = _numbered_items(found, "risk_id", "title")
    return _finding("risk_acceptances_expired", SEVERITY_ACT, "risker", items, lang)


def recommendations_behind(recommendations: pd.DataFrame, lang: str) -> Finding | None:
    """Audit recommendations assessed 'Nej' at the latest follow-up, or past their due date
    without being met (recommendations_status.overdue). The 'Nej' ones first, then by due date."""
    found = recommendations[(recommendations["latest_status"] == "Nej") | recommendations["overdue"]]
    found = found.assign(not_done=found["latest_status"] == "Nej").sort_values(
        ["not_done", "due_date", "rec_id"], ascending=[False, True, True])
    items = [Item(r.rec_id, f"{r.rec_id} {shortened(r.text, QUOTED_CHARACTERS)}")
             for r in found.itertuples()]
    return _finding("recommendations_behind", SEVERITY_ACT, "rekommendationer", items, lang)


def critical_systems_unclassified(systems: pd.DataFrame, lang: str) -> Finding | None:
    """Critical systems (SLA tier Guld, or infrastructure) without a current information
    classification at the reference date: never classified, or past review
    (classification_by_system.state). Never classified first."""
    critical = (systems["sla_tier"] == "Guld") | systems["infrastructure"]
    found = systems[critical & (systems["state"] != "current")]
    found = found.assign(never=found["state"] == "never").sort_values("never", ascending=False, kind="stable")
    items = [Item(system_id, name) for system_id, name in _columns(found, "system_id", "name")]
    return _finding("critical_systems_unclassified", SEVERITY_WATCH, "klassning", items, lang)


def continuity_plans_missing(systems: pd.DataFrame, lang: str) -> Finding | None:
    """Systems classified with availability T3 or T4 and no continuity plan dated on or before
    the reference date (classification_by_system.needs_continuity_plan)."""
    found = systems[systems["needs_continuity_plan"]].sort_values("availability", ascending=False, kind="stable")
    items = [Item(system_id, name) for system_id, name in _columns(found, "system_id", "name")]
    return _finding("continuity_plans_missing", SEVERITY_WATCH, "klassning", items, lang)


def incidents_reported_late(incidents: pd.DataFrame, lang: str) -> Finding | None:
    """Personal data breaches and significant incidents of the year reported to the authority
    after the deadline, or not at all once the deadline has run out
    (incidents_reporting.on_time is false; 24 h for significant incidents, 72 h for breaches)."""
    found = incidents[incidents["on_time"].map(lambda on_time: not pd.isna(on_time) and not on_time)]
    # The same rule as the Incidenter page's reporting status: a missed deadline calls for action.
    reported = [bool(pd.notna(at)) for at in found["reported_to_authority_at"]]
    verdict = statuses.incident_reporting_status(["late" if r else "not_reported" for r in reported])
    severity = SEVERITY_ACT if verdict is Status.ACT else SEVERITY_WATCH
    items = []
    for r in found.itertuples():
        detail = (t("attention.incident.not_reported", lang) if pd.isna(r.reported_to_authority_at)
                  else t("attention.incident.late", lang, hours=fmt_int(r.hours_to_report, lang),
                         deadline=fmt_int(r.deadline_hours, lang)))
        items.append(Item(r.incident_id, f"{r.incident_id} {r.title} {detail}"))
    return _finding("incidents_reported_late", severity, "incidenter", items, lang)


def systems_below_availability_target(systems: pd.DataFrame, lang: str) -> Finding | None:
    """Systems below their availability target in at least
    rules.SYSTEM_MONTHS_BELOW_TARGET_FINDING months of the year (sla_by_system.months_below_target). Most months first."""
    found = systems[systems["months_below_target"] >= rules.SYSTEM_MONTHS_BELOW_TARGET_FINDING]
    found = found.sort_values("months_below_target", ascending=False, kind="stable")
    items = [Item(system_id, t("attention.sla.system", lang, name=name, months=fmt_int(months, lang)))
             for system_id, name, months in _columns(found, "system_id", "name", "months_below_target")]
    return _finding("systems_below_availability_target", SEVERITY_WATCH, "tillganglighet", items, lang,
                    months=fmt_int(rules.SYSTEM_MONTHS_BELOW_TARGET_FINDING, lang))


def documents_overdue(documents: pd.DataFrame, lang: str) -> Finding | None:
    """Governing documents whose review date lies before the reference date
    (documents_register.review_state 'overdue'). Longest overdue first."""
    found = documents[documents["review_state"] == "overdue"].sort_values(["next_review", "doc_id"])
    items = _numbered_items(found, "doc_id", "title")
    return _finding("documents_overdue", SEVERITY_UPKEEP, "styrdokument", items, lang)


# (rule, query, whether the query takes the municipality), in the order that breaks ties.
RULES: tuple[tuple[Callable[[pd.DataFrame, str], Finding | None], str, bool], ...] = (
    (risk_register_empty, "risks_current", False),
    (risks_without_action_owner, "risks_current", False),
    (risk_acceptances_expired, "risks_accepted", False),
    (incidents_reported_late, "incidents_reporting", True),
    (recommendations_behind, "recommendations_status", False),
    (critical_systems_unclassified, "classification_by_system", True),
    (risk_actions_overdue, "risks_current", False),
    (risks_review_overdue, "risks_review", False),
    (risks_flagged_by_incidents, "risks_flagged_by_incidents", False),
    (continuity_plans_missing, "classification_by_system", True),
    (systems_below_availability_target, "sla_by_system", True),
    (documents_overdue, "documents_register", False),
)
# The queries that take the risk method's rules as parameters.
RULE_PARAMS = {query: risk_review.query_params()
               for query in ("risks_review", "risks_flagged_by_incidents", "risks_accepted")}


def requests(year: int, municipality: str | None) -> list[tuple[str, dict]]:
    """The queries the rules read, each once, with their parameters: for running them side by
    side before the findings are built (``ui.page_model``'s ``prefetch``)."""
    wanted = []
    for _, query, scoped in RULES:
        params = {"year": year, **({"municipality": municipality} if scoped else {}),
                  **RULE_PARAMS.get(query, {})}
        if (query, params) not in wanted:
            wanted.append((query, params))
    return wanted


def findings(fetch: Fetch, year: int, municipality: str | None, lang: str) -> tuple[Finding, ...]:
    """Every finding for ``year`` and ``municipality`` (None: all), most important first."""
    results = {query: fetch(query, **params) for query, params in requests(year, municipality)}
    found = []
    for order, (rule, query, _) in enumerate(RULES):
        finding = rule(results[query], lang)
        if finding is not None:
            found.append((-finding.severity, order, finding))
    return tuple(finding for _, _, finding in sorted(found, key=lambda f: f[:2]))


def build(fetch: Fetch, year: int, municipality: str | None, lang: str) -> Attention:
    """The overview's list "Att uppmärksamma" for ``year`` and ``municipality``, in ``lang``."""
    found = findings(fetch, year, municipality, lang)
    hidden = max(0, len(found) - SHOWN_FINDINGS)
    act = [finding.topic for finding in found if finding.status is Status.ACT]
    watch = [finding.topic for finding in found if finding.status is not Status.ACT]
    # The headline names what to act on; what to watch only when there is nothing to act on.
    headline = []
    if act:
        headline.append(t("attention.headline.act", lang, count=fmt_int(len(act), lang),
                          topics=join_list(act, lang)))
    if watch:
        headline.append(t("attention.headline.watch", lang, count=fmt_int(len(watch), lang))
                        if act else t("attention.headline.watch_topics", lang, count=fmt_int(len(watch), lang),
                                      topics=join_list(watch, lang)))
    return Attention(
        year=year,
        findings=found,
        title=t("attention.title", lang),
        intro=(t("attention.intro", lang) if municipality is None
               else t("attention.intro_municipality", lang,
                      municipality=label(MUNICIPALITIES, municipality, lang))),
        headline=" · ".join(headline),
        nothing_message=t("attention.nothing", lang, year=year),
        more_label=(plural("attention.more_findings", hidden, lang, count=fmt_int(hidden, lang))
                    if hidden else ""),
    )
