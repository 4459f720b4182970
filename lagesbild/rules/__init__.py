"""Every threshold and deadline Lägesbild judges by, defined once.

The status words (``lagesbild.rules.status``), the findings (``lagesbild.areas.attention``), the risk
method (``lagesbild.rules.risk_review``) and the pages read the values from here; the SQL in
``queries/`` takes them as parameters (:func:`sql_params`, bound by ``lagesbild.data.db`` to every
query and macro call that names them), and the texts take them as placeholders
(:func:`text_values`, filled in by ``lagesbild.i18n.t``). No number below is written again in
SQL or in a text. ``docs/regler.md`` lists each rule with where it is used.

Read the values as ``rules.NAME`` at the time of use, never copy them at import
(``from lagesbild.rules import NAME``): the mutation check in ``tests/test_rules_mutants.py``
changes them in place and expects every reader to see the change.
"""

from __future__ import annotations

# --- Incidents ---------------------------------------------------------------------------------

# Severity from which an incident is serious (Hög, Kritisk): serious incidents set the
# incidents status and flag the risks they concern.
SERIOUS_INCIDENT_SEVERITY = 3
# A personal data breach is notified to IMY within 72 hours of discovery (GDPR art. 33).
BREACH_NOTIFICATION_HOURS = 72
# A significant incident gets an early warning within 24 hours (cybersäkerhetslagen).
SIGNIFICANT_INCIDENT_WARNING_HOURS = 24
# An open incident older than this many days should have been closed or escalated; the
# "open by age" chart's last group starts after it.
OPEN_INCIDENT_OLD_DAYS = 30
# Outcomes of the reporting deadline (lagesbild.areas.incidents.outcome) and the status each calls
# for: a deadline missed, by a late report or by none, calls for action (the law was not
# followed, whatever came after); a deadline still running is worth watching. The Incidenter
# page's reporting status and the overview's finding about late reports both read this.
REPORTING_ACT_OUTCOMES = ("not_reported", "late")
REPORTING_WATCH_OUTCOMES = ("pending",)

# --- Availability (SLA) ------------------------------------------------------------------------

# Share (%) of system-months that met their availability target: at least this much is good,
# at least the second worth watching, below it calls for action.
SLA_MET_GOOD_PCT = 95.0
SLA_MET_WATCH_PCT = 85.0
# One system over the year: this many months below its target are worth watching even when
# the year's availability met it.
SYSTEM_MONTHS_BELOW_TARGET_WATCH = 1
# A system below its target in this many months of the year is a finding for the board
# (fewer is ordinary variation, shown on the page but not raised).
SYSTEM_MONTHS_BELOW_TARGET_FINDING = 3

# --- Information classification ----------------------------------------------------------------

# Share (%) of systems with a current classification: good, worth watching, below: act.
CLASSIFICATION_GOOD_PCT = 90.0
CLASSIFICATION_WATCH_PCT = 60.0
# A classification without a review date stays current this many months (KLASSA asks for a
# yearly review).
CLASSIFICATION_VALID_MONTHS = 12
# KLASSA level (1–4) from which an aspect is serious: the page counts such systems.
KLASSA_SERIOUS_LEVEL = 3
# Availability (T) level from which a system needs a continuity plan (our own rule).
CONTINUITY_PLAN_AVAILABILITY = 3
# Availability levels that call for SLA tier Guld, and for at least Silver.
GOLD_TIER_AVAILABILITY = 4
SILVER_TIER_AVAILABILITY = 3

# --- Risks -------------------------------------------------------------------------------------

# Likelihood × consequence from which a risk is Hög, as MSB's bands in the schema's risk_band
# macro say (a test checks the two agree).
RISK_HIGH_SCORE = 8
# Months between assessments: for Hög and Extremt hög, and for the others (our method).
HIGH_RISK_REVIEW_MONTHS = 6
RISK_REVIEW_MONTHS = 12
# A risk's re-assessment is due this many days before its date: time to book it.
RISK_REVIEW_DUE_DAYS = 30
# Treatment Acceptera at this level or above needs a decision-maker, a reason and an end date.
RISK_ACCEPTANCE_SCORE = RISK_HIGH_SCORE

# --- Governing documents -----------------------------------------------------------------------

# A document whose review falls within this many days of the reference date is due soon:
# a quarter ahead leaves time to prepare a decision.
DOCUMENT_DUE_SOON_DAYS = 90
# Documents past their review from which the register calls for action, and documents due
# soon from which it is worth watching.
DOCUMENTS_OVERDUE_ACT = 1
DOCUMENTS_DUE_SOON_WATCH = 1


def sql_params() -> dict[str, int | float]:
    """The rules as the SQL names them (``$name`` in ``queries/``)."""
    return {
        "serious_severity": SERIOUS_INCIDENT_SEVERITY,
        "breach_notification_hours": BREACH_NOTIFICATION_HOURS,
        "significant_warning_hours": SIGNIFICANT_INCIDENT_WARNING_HOURS,
        "open_incident_old_days": OPEN_INCIDENT_OLD_DAYS,
        "classification_valid_months": CLASSIFICATION_VALID_MONTHS,
        "continuity_plan_availability": CONTINUITY_PLAN_AVAILABILITY,
        "gold_tier_availability": GOLD_TIER_AVAILABILITY,
        "silver_tier_availability": SILVER_TIER_AVAILABILITY,
        "high_score": RISK_HIGH_SCORE,
        "high_review_months": HIGH_RISK_REVIEW_MONTHS,
        "review_months": RISK_REVIEW_MONTHS,
        "due_days": RISK_REVIEW_DUE_DAYS,
        "flagging_severity": SERIOUS_INCIDENT_SEVERITY,
        "acceptance_score": RISK_ACCEPTANCE_SCORE,
        "document_due_soon_days": DOCUMENT_DUE_SOON_DAYS,
    }


# The rules the texts name, by the names the SQL gives them.
_TEXT_NAMES = ("serious_severity", "breach_notification_hours", "significant_warning_hours",
               "open_incident_old_days", "classification_valid_months", "document_due_soon_days")


def text_values() -> dict[str, int]:
    """The rules as the texts name them (``{name}`` in ``lagesbild.i18n``): whole numbers,
    written the same in both languages."""
    params = sql_params()
    return {name: params[name] for name in _TEXT_NAMES}
