"""Each rule of lagesbild.rules tried exactly at its limit, one step below and one step above,
through the code that reads it: the queries (with the rules bound by lagesbild.data.db), the schema
macros and the status functions.

The limits are restated here as numbers, from the rule as docs/regler.md states it, on
purpose: a probe that took its numbers from lagesbild.rules would move with a changed rule
and never notice it. ``test_rules.py`` runs every probe; ``test_rules_mutants.py`` runs them
against changed copies of the rules and of the SQL that reads them, and every change must
make some probe fail.

A probe takes a migrated, empty connection, writes what it needs and leaves the rollback to
the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
import pandas as pd
from sample_rows import add_row, add_system

from lagesbild.areas import attention, classification
from lagesbild.data import db
from lagesbild.rules import risk_review, status
from lagesbild.rules.status import Status

YEAR = 2025
REFERENCE = dt.date(2025, 12, 31)          # the reference date of 2025, a past year
AS_OF = dt.datetime(2026, 1, 1)            # the end of that day, as incidents_open_by_age takes it

Probe = Callable[[duckdb.DuckDBPyConnection], None]
PROBES: dict[str, Probe] = {}


def probe(function: Probe) -> Probe:
    PROBES[function.__name__] = function
    return function


def _by_id(frame: pd.DataFrame, key: str, column: str) -> dict:
    return dict(zip(frame[key], frame[column]))


def _incident(con, incident_id, reported_at, **columns) -> None:
    values = {"title": "Incident", "municipality": "Arboga", "category": "Skadlig kod",
              "cause": "Angrepp", "severity": 1, "personal_data_breach": False,
              "significant": False} | columns
    add_row(con, "incidents", incident_id=incident_id, reported_at=reported_at, **values)


def _risk(con, risk_id, assessed_on, likelihood, consequence, **columns) -> None:
    values = {"title": f"Risk {risk_id}", "area": "IT-infrastruktur", "status": "Aktiv"} | columns
    add_row(con, "risks", risk_id=risk_id, assessed_on=assessed_on, likelihood=likelihood,
            consequence=consequence, **values)


# --- Incidents ---------------------------------------------------------------------------------

@probe
def serious_incidents_are_severity_3_and_up(con) -> None:
    for number, severity in enumerate((2, 3, 4), 1):
        _incident(con, f"S{number}", dt.datetime(YEAR, 3, number), severity=severity)
    rows = db.query(con, "overview_incidents", year=YEAR, municipality=None)
    assert _by_id(rows, "year", "serious")[YEAR] == 2


@probe
def breaches_are_notified_within_72_hours(con) -> None:
    start = dt.datetime(YEAR, 3, 1, 8)
    for hours in (71, 72, 73):
        _incident(con, f"B{hours}", start, personal_data_breach=True,
                  reported_to_authority_at=start + dt.timedelta(hours=hours))
    rows = db.query(con, "incidents_reporting", year=YEAR, municipality=None)
    assert _by_id(rows, "incident_id", "on_time") == {"B71": True, "B72": True, "B73": False}
    assert set(rows["deadline_hours"]) == {72}


@probe
def significant_incidents_warn_within_24_hours(con) -> None:
    start = dt.datetime(YEAR, 3, 1, 8)
    for hours in (23, 24, 25):
        # Significant and a breach: judged against the early warning's 24 hours.
        _incident(con, f"W{hours}", start, significant=True, personal_data_breach=True,
                  reported_to_authority_at=start + dt.timedelta(hours=hours))
    rows = db.query(con, "incidents_reporting", year=YEAR, municipality=None)
    assert _by_id(rows, "incident_id", "on_time") == {"W23": True, "W24": True, "W25": False}


@probe
def an_unreported_breach_is_late_once_72_hours_have_passed(con) -> None:
    now = con.execute("SELECT current_localtimestamp()::TIMESTAMP").fetchall()[0][0]
    for hours in (71, 73):
        _incident(con, f"U{hours}", now - dt.timedelta(hours=hours), personal_data_breach=True)
    rows = pd.concat([db.query(con, "incidents_reporting", year=year, municipality=None)
                      for year in (now.year - 1, now.year)])
    on_time = _by_id(rows, "incident_id", "on_time")
    assert pd.isna(on_time["U71"]) and on_time["U73"] == False  # noqa: E712 (NULL is not False)


@probe
def an_open_incident_is_old_after_30_days(con) -> None:
    for days in (29, 30, 31):
        _incident(con, f"O{days}", AS_OF - dt.timedelta(days=days))
    rows = db.query(con, "incidents_open_by_age", year=YEAR, municipality=None)
    counts = _by_id(rows[rows["year"] == YEAR], "age_bucket", "incidents")
    assert (counts["8_30"], counts["over_30"]) == (2, 1)


@probe
def reporting_status_follows_the_worst_outcome(con) -> None:
    assert status.incident_reporting_status(["on_time"]) is Status.GOOD
    assert status.incident_reporting_status(["on_time", "pending"]) is Status.WATCH
    assert status.incident_reporting_status(["late", "on_time"]) is Status.ACT
    assert status.incident_reporting_status(["pending", "not_reported"]) is Status.ACT


@probe
def incidents_status_compares_serious_incidents_with_last_year(con) -> None:
    assert status.incidents_status(0, 0) is Status.GOOD
    assert status.incidents_status(0, 3) is Status.GOOD
    assert status.incidents_status(1, 0) is Status.ACT
    assert status.incidents_status(2, 2) is Status.WATCH
    assert status.incidents_status(3, 2) is Status.ACT
    assert status.incidents_status(1, 2) is Status.WATCH


# --- Availability ------------------------------------------------------------------------------

@probe
def sla_share_is_good_from_95_and_watch_from_85(con) -> None:
    shares = {94.9: Status.WATCH, 95.0: Status.GOOD, 95.1: Status.GOOD,
              84.9: Status.ACT, 85.0: Status.WATCH, 85.1: Status.WATCH}
    assert {share: status.sla_status(share) for share in shares} == shares


@probe
def a_system_below_its_target_in_one_month_is_watched(con) -> None:
    assert status.system_sla_status(99.0, 99.0, 0) is Status.GOOD
    assert status.system_sla_status(99.01, 99.0, 1) is Status.WATCH
    assert status.system_sla_status(99.0, 99.0, 2) is Status.WATCH
    assert status.system_sla_status(98.99, 99.0, 0) is Status.ACT


@probe
def a_system_below_target_in_3_months_is_a_finding(con) -> None:
    systems = pd.DataFrame({"system_id": ["M2", "M3", "M4"], "name": ["Två", "Tre", "Fyra"],
                            "months_below_target": [2, 3, 4]})
    finding = attention.systems_below_availability_target(systems, "sv")
    assert [item.key for item in finding.items] == ["M4", "M3"]


# --- Classification ----------------------------------------------------------------------------

@probe
def classification_share_is_good_from_90_and_watch_from_60(con) -> None:
    shares = {89.9: Status.WATCH, 90.0: Status.GOOD, 90.1: Status.GOOD,
              59.9: Status.ACT, 60.0: Status.WATCH, 60.1: Status.WATCH}
    assert {share: status.classification_status(share) for share in shares} == shares


def _classifications_without_review_date(con) -> None:
    """Systems classified 12 months and a day, exactly 12 months, and 12 months less a day
    before the reference date, none with a review date."""
    for system_id, classified_on in (("OLDER", dt.date(2024, 12, 30)), ("EXACT", dt.date(2024, 12, 31)),
                                     ("YOUNGER", dt.date(2025, 1, 1))):
        add_system(con, system_id)
        add_row(con, "classifications", system_id=system_id, classified_on=classified_on,
                confidentiality=2, integrity=2, availability=2, traceability=1)


@probe
def a_classification_without_review_date_is_current_for_12_months_by_system(con) -> None:
    _classifications_without_review_date(con)
    rows = db.query(con, "classification_by_system", year=YEAR, municipality=None)
    assert _by_id(rows, "system_id", "state") == {"OLDER": "overdue", "EXACT": "overdue",
                                                  "YOUNGER": "current"}
    assert _by_id(rows, "system_id", "review_due")["YOUNGER"] == pd.Timestamp(2026, 1, 1)


@probe
def a_classification_without_review_date_is_current_for_12_months_in_the_macro(con) -> None:
    _classifications_without_review_date(con)
    rows = db.query(con, "overview_classification", year=YEAR, municipality=None)
    counts = rows[rows["year"] == YEAR].iloc[0]
    assert (counts["classified_current"], counts["overdue"]) == (1, 2)


@probe
def availability_3_needs_a_continuity_plan_and_a_tier(con) -> None:
    for level in (2, 3, 4):
        add_system(con, f"T{level}")
        add_row(con, "classifications", system_id=f"T{level}", classified_on=dt.date(YEAR, 6, 1),
                confidentiality=1, integrity=1, availability=level, traceability=1)
    rows = db.query(con, "classification_by_system", year=YEAR, municipality=None)
    assert _by_id(rows, "system_id", "needs_continuity_plan") == {"T2": False, "T3": True, "T4": True}
    tiers = _by_id(rows, "system_id", "required_tier")
    assert (pd.isna(tiers["T2"]), tiers["T3"], tiers["T4"]) == (True, "Silver", "Guld")


@probe
def an_aspect_at_klassa_level_3_is_serious(con) -> None:
    levels = pd.DataFrame({"confidentiality": [2, 3, 4], "integrity": [1, 1, 1],
                           "availability": [1, 1, 1], "traceability": [1, 1, 1]})
    assert classification.seriously_classified(levels) == 2


# --- Risks -------------------------------------------------------------------------------------

@probe
def a_high_risk_is_reviewed_after_6_months_and_others_after_12(con) -> None:
    # Level 8 (2 × 4) and 9 (3 × 3) are Hög: 6 months; 6 (2 × 3) is Medelhög: 12 months.
    _risk(con, "H8-DUE", dt.date(2025, 7, 1), 2, 4)       # review 2026-01-01
    _risk(con, "H8-OVER", dt.date(2025, 6, 30), 2, 4)     # review 2025-12-30
    _risk(con, "H9-OVER", dt.date(2025, 6, 30), 3, 3)
    _risk(con, "M6-OK", dt.date(2025, 6, 30), 2, 3)       # review 2026-06-30
    _risk(con, "M6-ON", dt.date(2024, 12, 31), 2, 3)      # review on the reference date
    _risk(con, "M6-OVER", dt.date(2024, 12, 30), 2, 3)
    rows = db.query(con, "risks_review", year=YEAR, **risk_review.query_params())
    assert _by_id(rows, "risk_id", "review_state") == {
        "H8-DUE": "due", "H8-OVER": "overdue", "H9-OVER": "overdue", "M6-OK": "ok",
        "M6-ON": "due", "M6-OVER": "overdue"}


@probe
def a_review_is_due_30_days_ahead(con) -> None:
    # Medelhög, reviewed every 12 months: next review 29, 30 and 31 days after the reference date.
    for days in (29, 30, 31):
        _risk(con, f"D{days}", REFERENCE + dt.timedelta(days=days) - pd.DateOffset(months=12), 2, 3)
    rows = db.query(con, "risks_review", year=YEAR, **risk_review.query_params())
    assert _by_id(rows, "risk_id", "review_state") == {"D29": "due", "D30": "due", "D31": "ok"}


@probe
def incidents_of_severity_3_flag_the_risks_of_their_system(con) -> None:
    for number, severity in enumerate((2, 3), 1):
        add_system(con, f"SYS{severity}")
        _risk(con, f"F{severity}", dt.date(YEAR, 2, 1), 2, 2, system_id=f"SYS{severity}")
        _incident(con, f"I{number}", dt.datetime(YEAR, 5, 1), severity=severity,
                  system_id=f"SYS{severity}")
    rows = db.query(con, "risks_flagged_by_incidents", year=YEAR, **risk_review.query_params())
    assert list(rows["risk_id"]) == ["F3"]


@probe
def acceptance_needs_a_decision_from_score_8(con) -> None:
    for risk_id, likelihood, consequence in (("A6", 2, 3), ("A8", 2, 4), ("A9", 3, 3)):
        _risk(con, risk_id, dt.date(YEAR, 2, 1), likelihood, consequence, treatment="Acceptera",
              accepted_by="Direktionen", acceptance_reason="Skäl", accepted_until=dt.date(2026, 6, 1))
    rows = db.query(con, "risks_accepted", year=YEAR, **risk_review.query_params())
    assert sorted(rows["risk_id"]) == ["A8", "A9"]
    assert [risk_review.needs_acceptance("Acceptera", 1, score) for score in (7, 8, 9)] == [
        False, True, True]


@probe
def risk_status_acts_on_extreme_risks_and_watches_high_ones(con) -> None:
    assert status.risks_status(0, 0, 0) is Status.ACT
    assert status.risks_status(1, 0, 0) is Status.GOOD
    assert status.risks_status(1, 1, 0) is Status.WATCH
    assert status.risks_status(1, 0, 1) is Status.ACT


@probe
def recommendations_status_acts_on_not_done(con) -> None:
    assert status.recommendations_status(0, 0, 0) is Status.GOOD
    assert status.recommendations_status(1, 0, 0) is Status.WATCH
    assert status.recommendations_status(0, 0, 1) is Status.WATCH
    assert status.recommendations_status(0, 1, 0) is Status.ACT


# --- Governing documents -----------------------------------------------------------------------

@probe
def a_document_is_due_soon_within_90_days(con) -> None:
    # Decided 12 months before the day its review falls on.
    for name, review_on in (("PAST", REFERENCE - dt.timedelta(days=1)), ("TODAY", REFERENCE),
                            ("D89", REFERENCE + dt.timedelta(days=89)),
                            ("D90", REFERENCE + dt.timedelta(days=90)),
                            ("D91", REFERENCE + dt.timedelta(days=91))):
        add_row(con, "documents", doc_id=name, title=name, type="Rutin", status="Gällande",
                decided_on=review_on - pd.DateOffset(months=12), review_months=12)
    rows = db.query(con, "documents_register", year=YEAR)
    assert _by_id(rows, "doc_id", "review_state") == {
        "PAST": "overdue", "TODAY": "due_soon", "D89": "due_soon", "D90": "due_soon", "D91": "ok"}


@probe
def document_register_acts_on_one_overdue_and_watches_one_due_soon(con) -> None:
    assert status.document_review_status(0, 0) is Status.GOOD
    assert status.document_review_status(0, 1) is Status.WATCH
    assert status.document_review_status(0, 2) is Status.WATCH
    assert status.document_review_status(1, 0) is Status.ACT
    assert status.document_review_status(2, 1) is Status.ACT
