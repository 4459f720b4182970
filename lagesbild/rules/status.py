"""The traffic-light rules: when a figure is good, worth watching, or calls for action.
Every page, the report and the presentation read the status from here.

The thresholds are our own choice (no source prescribes them) and live in ``lagesbild.rules``;
the texts ``status.rule.*`` in ``lagesbild.i18n``, and the rule texts of the pages' own
statuses, explain each rule to the reader.
"""

from __future__ import annotations

from enum import Enum

from lagesbild import rules


class Status(Enum):
    GOOD = "good"     # Bra
    WATCH = "watch"   # Bevaka
    ACT = "act"       # Åtgärda


# From least to most urgent: the worse of two statuses is the later.
SEVERITY_ORDER = (Status.GOOD, Status.WATCH, Status.ACT)


def worst(*statuses: Status | None) -> Status | None:
    """The most urgent of ``statuses`` (None where there is no status)."""
    present = [s for s in statuses if s is not None]
    return max(present, key=SEVERITY_ORDER.index) if present else None


def incidents_status(serious: int, serious_previous: int) -> Status:
    """Serious incidents (severity 3–4): none is good, more than last year calls for action."""
    if serious == 0:
        return Status.GOOD
    if serious > serious_previous:
        return Status.ACT
    return Status.WATCH


def _share_status(pct: float, good_pct: float, watch_pct: float) -> Status:
    if pct >= good_pct:
        return Status.GOOD
    if pct >= watch_pct:
        return Status.WATCH
    return Status.ACT


def sla_status(availability_met_pct: float) -> Status:
    return _share_status(availability_met_pct, rules.SLA_MET_GOOD_PCT, rules.SLA_MET_WATCH_PCT)


def classification_status(coverage_pct: float) -> Status:
    return _share_status(coverage_pct, rules.CLASSIFICATION_GOOD_PCT, rules.CLASSIFICATION_WATCH_PCT)


def risks_status(risks_assessed: int, high: int, extreme: int) -> Status:
    """An empty register calls for action: the audit found no continuously updated risk analysis."""
    if risks_assessed == 0 or extreme > 0:
        return Status.ACT
    if high > 0:
        return Status.WATCH
    return Status.GOOD


def recommendations_status(partly: int, not_done: int, not_assessed: int) -> Status:
    if not_done > 0:
        return Status.ACT
    if partly > 0 or not_assessed > 0:
        return Status.WATCH
    return Status.GOOD


def system_sla_status(availability_pct: float, target_pct: float,
                      months_below_target: int) -> Status:
    """One system over the year: its availability against its own target, month by month."""
    if availability_pct < target_pct:
        return Status.ACT
    if months_below_target >= rules.SYSTEM_MONTHS_BELOW_TARGET_WATCH:
        return Status.WATCH
    return Status.GOOD


def incident_reporting_status(outcomes: list[str]) -> Status:
    """The year's breaches and significant incidents, by how each fared against its deadline."""
    if any(outcome in rules.REPORTING_ACT_OUTCOMES for outcome in outcomes):
        return Status.ACT
    if any(outcome in rules.REPORTING_WATCH_OUTCOMES for outcome in outcomes):
        return Status.WATCH
    return Status.GOOD


def document_review_status(overdue: int, due_soon: int) -> Status:
    """The register of governing documents, by how many are past or near their review."""
    if overdue >= rules.DOCUMENTS_OVERDUE_ACT:
        return Status.ACT
    if due_soon >= rules.DOCUMENTS_DUE_SOON_WATCH:
        return Status.WATCH
    return Status.GOOD
