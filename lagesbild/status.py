"""The traffic-light rules of the overview: when a figure is good, worth watching, or calls
for action. Every page, the report and the presentation read the status from here.

The thresholds are our own choice (no source prescribes them); the texts
``status.rule.*`` in ``lagesbild.i18n`` explain each rule to the reader.
"""

from __future__ import annotations

from enum import Enum


class Status(Enum):
    GOOD = "good"     # Bra
    WATCH = "watch"   # Bevaka
    ACT = "act"       # Åtgärda


# Share (%) of system-months that met the availability target.
SLA_GOOD_PCT = 95.0
SLA_WATCH_PCT = 85.0

# Share (%) of systems with a current information classification.
CLASSIFICATION_GOOD_PCT = 90.0
CLASSIFICATION_WATCH_PCT = 60.0


def incidents_status(serious: int, serious_previous: int) -> Status:
    """Serious incidents (severity 3–4): none is good, more than last year calls for action."""
    if serious == 0:
        return Status.GOOD
    if serious > serious_previous:
        return Status.ACT
    return Status.WATCH


def sla_status(availability_met_pct: float) -> Status:
    if availability_met_pct >= SLA_GOOD_PCT:
        return Status.GOOD
    if availability_met_pct >= SLA_WATCH_PCT:
        return Status.WATCH
    return Status.ACT


def classification_status(coverage_pct: float) -> Status:
    if coverage_pct >= CLASSIFICATION_GOOD_PCT:
        return Status.GOOD
    if coverage_pct >= CLASSIFICATION_WATCH_PCT:
        return Status.WATCH
    return Status.ACT


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
