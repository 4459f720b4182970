"""The overview's KPI queries, each checked on a handful of rows inserted for the purpose."""

import datetime as dt
import math

from lagesbild.data import db
from sample_rows import (
    add_classification, add_followup, add_incident, add_recommendation, add_risk, add_sla,
    add_system)


def by_year(con, name, year=2025, municipality=None):
    frame = db.query(con, name, year=year, municipality=municipality)
    assert list(frame["year"]) == [year - 1, year]
    return {int(row["year"]): row for row in frame.to_dict("records")}


def is_null(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


# --- Incidents --------------------------------------------------------------------------

def test_incidents_counts_for_year_and_previous_year(con):
    add_incident(con, "A", "2024-06-01 10:00", "Arboga", severity=3)
    add_incident(con, "B", "2025-01-01 00:00", "Arboga", severity=1, personal_data_breach=True)
    add_incident(con, "C", "2025-07-01 10:00", "Köping", severity=4, personal_data_breach=True)
    add_incident(con, "D", "2025-12-31 23:59", "Gemensam", severity=2)
    add_incident(con, "E", "2026-01-01 00:00", "Arboga", severity=4)   # next year
    add_incident(con, "F", "2023-12-31 23:59", "Arboga", severity=4)   # two years back

    rows = by_year(con, "overview_incidents")
    assert (rows[2025]["incidents"], rows[2025]["serious"], rows[2025]["personal_data_breaches"]) == (3, 1, 2)
    assert (rows[2024]["incidents"], rows[2024]["serious"], rows[2024]["personal_data_breaches"]) == (1, 1, 0)


def test_incidents_municipality_filter(con):
    add_incident(con, "A", "2025-02-01 10:00", "Arboga", severity=3)
    add_incident(con, "B", "2025-03-01 10:00", "Köping")
    add_incident(con, "C", "2024-03-01 10:00", "Köping")
    add_incident(con, "D", "2025-04-01 10:00", "Gemensam")

    koping = by_year(con, "overview_incidents", municipality="Köping")
    assert koping[2025]["incidents"] == 1 and koping[2024]["incidents"] == 1
    assert by_year(con, "overview_incidents", municipality="Gemensam")[2025]["incidents"] == 1
    assert by_year(con, "overview_incidents", municipality="Kungsör")[2025]["incidents"] == 0


def test_incidents_empty_years_are_zero(con):
    rows = by_year(con, "overview_incidents", year=2019)
    assert all(rows[y]["incidents"] == rows[y]["serious"] == rows[y]["personal_data_breaches"] == 0
               for y in (2018, 2019))


# --- Service levels ---------------------------------------------------------------------

def test_sla_share_of_system_months_meeting_target(con):
    add_sla(con, "2025-01", "S1", "Arboga", target=99.0, availability=99.0)    # exactly on target: met
    add_sla(con, "2025-02", "S1", "Arboga", target=99.0, availability=98.9)    # missed
    add_sla(con, "2025-03", "S1", "Arboga", target=99.5, availability=99.9)
    add_sla(con, "2025-03", "S2", "Köping", target=99.0, availability=97.0)    # missed
    add_sla(con, "2024-05", "S1", "Arboga", target=99.0, availability=99.9)
    add_sla(con, "2026-01", "S1", "Arboga", target=99.0, availability=10.0)    # next year

    rows = by_year(con, "overview_sla")
    assert rows[2025]["system_months"] == 4 and rows[2025]["system_months_met"] == 2
    assert rows[2025]["availability_met_pct"] == 50.0
    assert rows[2024]["availability_met_pct"] == 100.0


def test_sla_tickets_within_target_is_weighted_by_tickets(con):
    add_sla(con, "2025-01", "S1", tickets=90, within_target=90)
    add_sla(con, "2025-02", "S1", tickets=10, within_target=0)
    add_sla(con, "2025-03", "S1", tickets=0, within_target=0)
    row = by_year(con, "overview_sla")[2025]
    assert (row["tickets"], row["tickets_within_target"]) == (100, 90)
    assert row["tickets_within_target_pct"] == 90.0


def test_sla_municipality_filter_and_empty_year(con):
    add_sla(con, "2025-01", "S1", "Arboga", availability=90.0)
    add_sla(con, "2025-01", "S1", "Köping", availability=99.9)
    koping = by_year(con, "overview_sla", municipality="Köping")
    assert koping[2025]["system_months"] == 1 and koping[2025]["availability_met_pct"] == 100.0
    # No rows: no share at all (not 0 %), and no ticket count (unknown, not 0).
    assert koping[2024]["system_months"] == 0
    assert is_null(koping[2024]["availability_met_pct"])
    assert is_null(koping[2024]["tickets_within_target_pct"])
    assert is_null(koping[2024]["tickets"])


# --- Information classification ---------------------------------------------------------

def test_classification_states_at_the_reference_date(con):
    for system_id in ("CUR", "PASSED", "FRESH", "STALE", "NEVER", "LATER"):
        add_system(con, system_id, "Arboga")
    add_classification(con, "CUR", "2025-03-01", "2026-03-01")
    add_classification(con, "PASSED", "2024-11-01", "2025-11-01")   # review passed before 2025-12-31
    add_classification(con, "FRESH", "2025-06-01", None)             # no review date, under 12 months
    add_classification(con, "STALE", "2024-06-01", None)             # no review date, over 12 months
    add_classification(con, "LATER", "2026-01-15", "2027-01-15")    # made after the reference date

    row = by_year(con, "overview_classification")[2025]
    assert row["reference_date"].date() == dt.date(2025, 12, 31)
    assert row["systems"] == 6
    assert row["classified_current"] == 2        # CUR, FRESH
    assert row["overdue"] == 2                   # PASSED, STALE
    assert row["never_classified"] == 2          # NEVER, LATER
    assert math.isclose(row["coverage_pct"], 100 * 2 / 6)


def test_classification_previous_year_and_newest_classification_wins(con):
    add_system(con, "S1", "Köping")
    add_system(con, "S2", "Köping")
    add_classification(con, "S1", "2023-05-01", "2024-05-01")   # overdue at 2024-12-31
    add_classification(con, "S1", "2025-02-01", "2026-02-01")   # current at 2025-12-31
    add_classification(con, "S2", "2024-02-01", "2025-02-01")   # current 2024, overdue 2025

    rows = by_year(con, "overview_classification")
    assert (rows[2024]["classified_current"], rows[2024]["overdue"]) == (1, 1)
    assert (rows[2025]["classified_current"], rows[2025]["overdue"]) == (1, 1)
    assert rows[2024]["coverage_pct"] == 50.0


def test_classification_review_date_on_the_reference_date_is_current(con):
    add_system(con, "S1")
    add_classification(con, "S1", "2024-12-31", "2025-12-31")
    assert by_year(con, "overview_classification")[2025]["classified_current"] == 1


def test_classification_of_the_running_year_uses_today(con):
    today = dt.date.today()
    add_system(con, "S1")
    # Due tomorrow: current today, although it will have passed by 31 December.
    add_classification(con, "S1", today - dt.timedelta(days=300), today + dt.timedelta(days=1))
    row = by_year(con, "overview_classification", year=today.year)[today.year]
    assert row["reference_date"].date() == today
    assert row["classified_current"] == 1


def test_classification_municipality_filter_and_no_systems(con):
    add_system(con, "A1", "Arboga")
    add_system(con, "K1", "Köping")
    add_classification(con, "K1", "2025-01-01", "2026-01-01")
    koping = by_year(con, "overview_classification", municipality="Köping")[2025]
    assert (koping["systems"], koping["classified_current"], koping["coverage_pct"]) == (1, 1, 100.0)
    arboga = by_year(con, "overview_classification", municipality="Arboga")[2025]
    assert (arboga["systems"], arboga["never_classified"], arboga["coverage_pct"]) == (1, 1, 0.0)
    kungsor = by_year(con, "overview_classification", municipality="Kungsör")[2025]
    assert kungsor["systems"] == 0 and is_null(kungsor["coverage_pct"])


# --- Risks ------------------------------------------------------------------------------

def test_risk_bands_come_from_the_schema_macro(con):
    add_risk(con, "LOW", "2025-01-01", 1, 2)        # 2: Låg
    add_risk(con, "MED", "2025-01-01", 2, 3)        # 6: Medelhög
    add_risk(con, "HIGH8", "2025-01-01", 2, 4)      # 8: Hög
    add_risk(con, "HIGH12", "2025-01-01", 3, 4)     # 12: Hög
    add_risk(con, "EXT", "2025-01-01", 4, 4)        # 16: Extremt hög
    row = by_year(con, "overview_risks")[2025]
    assert (row["active"], row["low"], row["medium"], row["high"], row["extreme"]) == (5, 1, 1, 2, 1)
    assert row["risks_assessed"] == 5


def test_risks_use_the_latest_assessment_at_the_reference_date(con):
    add_risk(con, "R1", "2024-03-01", 4, 4)                      # extreme in 2024
    add_risk(con, "R1", "2025-03-01", 2, 2)                      # treated in 2025
    add_risk(con, "R2", "2024-03-01", 3, 3)                      # high in 2024 …
    add_risk(con, "R2", "2025-06-01", 3, 3, status="Stängd")     # … closed in 2025
    add_risk(con, "R3", "2026-02-01", 4, 4)                      # assessed after 2025

    rows = by_year(con, "overview_risks")
    assert (rows[2024]["active"], rows[2024]["high"], rows[2024]["extreme"]) == (2, 1, 1)
    assert (rows[2025]["active"], rows[2025]["high"], rows[2025]["extreme"]) == (1, 0, 0)
    assert rows[2025]["risks_assessed"] == 2


def test_risks_ignore_the_municipality_and_empty_register_is_zero(con):
    add_risk(con, "R1", "2025-03-01", 3, 3)
    assert db.sql_text("overview_risks").count("$municipality") == 0
    assert by_year(con, "overview_risks", municipality="Kungsör")[2025]["active"] == 1
    empty = by_year(con, "overview_risks", year=2020)
    assert empty[2020]["risks_assessed"] == empty[2019]["active"] == 0


# --- Audit recommendations --------------------------------------------------------------

def test_recommendations_latest_follow_up_at_the_reference_date(con):
    for rec_id in ("1", "2", "3", "4", "5"):
        add_recommendation(con, rec_id)
    add_followup(con, "1", "2023-12-06", "Delvis")
    add_followup(con, "1", "2025-05-01", "Ja")
    add_followup(con, "2", "2024-12-31", "Nej")        # on the reference date of 2024: counts
    add_followup(con, "3", "2025-02-01", "Delvis")
    add_followup(con, "4", "2026-01-10", "Ja")         # after 2025: not yet assessed in 2025

    rows = by_year(con, "overview_recommendations")
    now, before = rows[2025], rows[2024]
    assert now["recommendations"] == before["recommendations"] == 5
    assert (now["done"], now["partly"], now["not_done"], now["not_assessed"]) == (1, 1, 1, 2)
    assert (before["done"], before["partly"], before["not_done"], before["not_assessed"]) == (0, 1, 1, 3)


def test_recommendations_empty(con):
    row = by_year(con, "overview_recommendations")[2025]
    assert row["recommendations"] == row["done"] == row["not_assessed"] == 0


def test_first_data_year_and_empty_database(con):
    assert db.query(con, "database_is_empty")["empty"].iloc[0]
    add_system(con, "S1")
    assert not db.query(con, "database_is_empty")["empty"].iloc[0]
    add_followup(con, "1", "2021-04-01", "Nej")
    add_incident(con, "A", "2023-01-01 10:00")
    assert db.query(con, "first_data_year")["first_year"].iloc[0] == 2021
