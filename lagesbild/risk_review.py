"""Keeping the risk analysis current: when a risk is due for re-assessment, when a new
incident flags it, and when an acceptance is needed or has run out.

These are the method's rules, defined once. The queries (``risks_review``,
``risks_flagged_by_incidents``, ``risks_accepted``) take the numbers below as parameters
through :func:`query_params`; the guided workflow and the import contract read them from here.

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

# Likelihood × consequence from which a risk is Hög (as the schema's risk_band macro bands it).
HIGH_SCORE = 8
# Months between assessments: for Hög and Extremt hög, and for the others.
HIGH_REVIEW_MONTHS = 6
REVIEW_MONTHS = 12
# A review is due this many days before its date.
DUE_DAYS = 30
# Incidents of at least this severity flag the risks of their category's threat.
FLAGGING_SEVERITY = 3
# Treatment Acceptera at this level or above needs accepted_by, acceptance_reason, accepted_until.
ACCEPTANCE_SCORE = HIGH_SCORE
ACCEPT = "Acceptera"
ACTIVE = "Aktiv"

# Review states, as risks_review.review_state gives them.
OVERDUE, DUE, OK = "overdue", "due", "ok"


def query_params() -> dict[str, int]:
    """The rules' numbers as the risk-review queries take them."""
    return {"high_score": HIGH_SCORE, "high_review_months": HIGH_REVIEW_MONTHS,
            "review_months": REVIEW_MONTHS, "due_days": DUE_DAYS,
            "flagging_severity": FLAGGING_SEVERITY, "acceptance_score": ACCEPTANCE_SCORE}


def needs_acceptance(treatment: str | None, likelihood: int | None, consequence: int | None) -> bool:
    """Whether a risk so treated and rated needs a decision-maker, a reason and an end date."""
    return (treatment == ACCEPT and likelihood is not None and consequence is not None
            and likelihood * consequence >= ACCEPTANCE_SCORE)
