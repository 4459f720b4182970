"""Keeping the risk analysis current: when a risk is due for re-assessment, when a new
incident flags it, and when an acceptance is needed or has run out.

These are the method's rules; their numbers live in ``lagesbild.rules`` with every other
threshold. The queries (``risks_review``, ``risks_flagged_by_incidents``, ``risks_accepted``)
take them as parameters (``lagesbild.rules.sql_params``); the guided workflow and the import
contract read them from there.

- Review cadence: a risk at Hög or Extremt hög (likelihood × consequence ≥ 8) is re-assessed
  every 6 months, a risk at Medelhög or Låg every 12 months, counted from its newest
  assessment. It is *due* from 30 days before that date and *overdue* once the date has
  passed. A closed risk (Stängd) is never due.
- Incident-triggered re-assessment: a serious incident (severity Hög or Kritisk, 3–4)
  reported after the day of an active risk's newest assessment (and by the reference date)
  flags the risk when it concerns the risk's system, or, when the incident or the risk is
  tied to no system, when its category is one of the incident categories of the risk's
  threat. (Every incident in a busy system, or every serious incident of a broad category
  anywhere, would flag most of the register; the flag is meant to single out the few.)
- Acceptance: treatment Acceptera on a risk at Hög or above needs a named decision-maker, a
  reason and an end date; an acceptance whose end date has passed at the reference date has
  expired.
"""

from __future__ import annotations

from lagesbild import rules

ACCEPT = "Acceptera"
ACTIVE = "Aktiv"

# Review states, as risks_review.review_state gives them.
OVERDUE, DUE, OK = "overdue", "due", "ok"


def query_params() -> dict[str, int]:
    """The method's numbers as the risk-review queries name them. ``lagesbild.data.db`` binds them
    to every query anyway; the risk pages pass them explicitly because frozen years store
    these queries' results under their parameters, these included."""
    sql = rules.sql_params()
    return {name: sql[name] for name in ("high_score", "high_review_months", "review_months",
                                         "due_days", "flagging_severity", "acceptance_score")}


def needs_acceptance(treatment: str | None, likelihood: int | None, consequence: int | None) -> bool:
    """Whether a risk so treated and rated needs a decision-maker, a reason and an end date."""
    return (treatment == ACCEPT and likelihood is not None and consequence is not None
            and likelihood * consequence >= rules.RISK_ACCEPTANCE_SCORE)
