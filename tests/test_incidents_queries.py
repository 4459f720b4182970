"""The incidents_* queries on small hand-made databases: counts per month, category, cause
and municipality, resolution-time quantiles, open incidents by age, and the reporting
deadlines at their boundaries."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_rows import add_detailed_incident as add

from lagesbild.data import db


def rows(con, name, year, municipality=None):
    return db.query(con, name, year=year, municipality=municipality).to_dict("records")


# --- Per month and severity --------------------------------------------------------------------

def test_by_month_counts_every_month_and_severity_of_both_years(con):
    add(con, "A", "2025-01-31 23:59", severity=2)
    add(con, "B", "2025-02-01 00:00", severity=2)
    add(con, "C", "2025-12-31 23:59", severity=4, municipality="Köping")
    add(con, "D", "2024-03-15 10:00", severity=1)
    add(con, "E", "2026-01-01 00:00", severity=1)     # next year: not counted
    add(con, "F", "2023-12-31 23:59", severity=1)     # two years back: not counted
    found = rows(con, "incidents_by_month", 2025)
    assert len(found) == 2 * 12 * 4
    counts = {(r["year"], r["month"], r["severity"]): r["incidents"] for r in found if r["incidents"]}
    assert counts == {(2025, 1, 2): 1, (2025, 2, 2): 1, (2025, 12, 4): 1, (2024, 3, 1): 1}


def test_by_month_municipality_filter(con):
    add(con, "A", "2025-05-05 10:00", municipality="Köping")
    add(con, "B", "2025-05-06 10:00", municipality="Arboga")
    found = rows(con, "incidents_by_month", 2025, "Köping")
    assert sum(r["incidents"] for r in found) == 1


def test_by_month_of_an_empty_year_is_all_zeros(con):
    found = rows(con, "incidents_by_month", 2025)
    assert len(found) == 96 and all(r["incidents"] == 0 for r in found)


# --- Per category, cause and municipality --------------------------------------------------------

def test_by_category_counts_both_years_most_common_first(con):
    add(con, "A", "2025-01-01 08:00", category="Intrång")
    add(con, "B", "2025-02-01 08:00", category="Skadlig kod")
    add(con, "C", "2025-03-01 08:00", category="Skadlig kod")
    add(con, "D", "2024-03-01 08:00", category="Bedrägeri")
    add(con, "E", "2024-04-01 08:00", category="Intrång")
    add(con, "F", "2023-04-01 08:00", category="Sårbarhet")   # outside both years
    assert rows(con, "incidents_by_category", 2025) == [
        {"category": "Skadlig kod", "incidents": 2, "previous_incidents": 0},
        {"category": "Intrång", "incidents": 1, "previous_incidents": 1},
        {"category": "Bedrägeri", "incidents": 0, "previous_incidents": 1},
    ]


def test_by_cause_with_municipality_filter(con):
    add(con, "A", "2025-01-01 08:00", cause="Handhavandefel", municipality="Kungsör")
    add(con, "B", "2025-02-01 08:00", cause="Okänd", municipality="Arboga")
    add(con, "C", "2024-02-01 08:00", cause="Handhavandefel", municipality="Kungsör")
    assert rows(con, "incidents_by_cause", 2025, "Kungsör") == [
        {"cause": "Handhavandefel", "incidents": 1, "previous_incidents": 1}]
    assert rows(con, "incidents_by_cause", 2025, "Surahammar") == []


def test_by_municipality(con):
    add(con, "A", "2025-01-01 08:00", municipality="Köping")
    add(con, "B", "2025-02-01 08:00", municipality="Köping")
    add(con, "C", "2024-02-01 08:00", municipality="Arboga")
    assert rows(con, "incidents_by_municipality", 2025) == [
        {"municipality": "Arboga", "incidents": 0, "previous_incidents": 1},
        {"municipality": "Köping", "incidents": 2, "previous_incidents": 0},
    ]


# --- Time to resolve -------------------------------------------------------------------------------

def test_resolution_time_median_and_90th_percentile_per_severity(con):
    # Severity 3 in 2025: 1, 2, 3, 4 and 10 hours; one more still open.
    for number, hours in enumerate((1, 2, 3, 4, 10)):
        reported = dt.datetime(2025, 3, 1 + number, 8, 0)
        add(con, f"S3-{number}", reported, resolved_at=reported + dt.timedelta(hours=hours), severity=3)
    add(con, "OPEN", "2025-06-01 08:00", severity=3)
    # Severity 1 in 2024: one incident of 90 minutes.
    add(con, "S1", "2024-05-01 08:00", resolved_at="2024-05-01 09:30", severity=1)
    # Reported in 2025, resolved in 2026: counts for 2025 with its whole time.
    add(con, "LATE", "2025-12-31 22:00", resolved_at="2026-01-01 02:00", severity=4)
    found = {(r["year"], r["severity"]): r for r in rows(con, "incidents_resolution_time", 2025)}
    assert len(found) == 8
    high = found[(2025, 3)]
    assert (high["resolved"], high["unresolved"]) == (5, 1)
    assert high["median_hours"] == pytest.approx(3.0)
    assert high["p90_hours"] == pytest.approx(4 + 0.6 * (10 - 4))   # interpolated
    assert found[(2024, 1)]["median_hours"] == pytest.approx(1.5)
    assert found[(2025, 4)]["median_hours"] == pytest.approx(4.0)
    none = found[(2025, 2)]
    assert none["resolved"] == 0 and none["median_hours"] != none["median_hours"]   # NaN


def test_resolution_time_municipality_filter(con):
    add(con, "A", "2025-03-01 08:00", resolved_at="2025-03-01 10:00", municipality="Arboga")
    add(con, "B", "2025-03-01 08:00", resolved_at="2025-03-01 20:00", municipality="Köping")
    found = {(r["year"], r["severity"]): r for r in rows(con, "incidents_resolution_time", 2025, "Köping")}
    assert found[(2025, 1)]["resolved"] == 1
    assert found[(2025, 1)]["median_hours"] == pytest.approx(12.0)


# --- Open incidents by age ---------------------------------------------------------------------------

def open_counts(con, year, municipality=None):
    return {(r["year"], r["age_bucket"]): r["incidents"]
            for r in rows(con, "incidents_open_by_age", year, municipality)}


def test_open_incidents_by_age_at_the_end_of_the_year(con):
    end = dt.datetime(2026, 1, 1)   # the end of 2025-12-31
    add(con, "H23", end - dt.timedelta(hours=23, minutes=59))          # 0 whole days
    add(con, "D1", end - dt.timedelta(days=1))                         # exactly 1 day
    add(con, "D7", end - dt.timedelta(days=7, hours=23))               # 7 whole days
    add(con, "D8", end - dt.timedelta(days=8))                         # 8 days
    add(con, "D30", end - dt.timedelta(days=30, hours=23))             # 30 whole days
    add(con, "D31", end - dt.timedelta(days=31))                       # 31 days
    add(con, "OLD", "2023-05-01 08:00")                                # years old, still open
    # Resolved after the year ended: open at its end.
    add(con, "LATER", "2025-12-20 08:00", resolved_at="2026-01-05 08:00")
    # Resolved within the year, or reported after it: not open at its end.
    add(con, "DONE", "2025-12-20 08:00", resolved_at="2025-12-31 23:00")
    add(con, "NEXT", "2026-01-01 00:00")
    counts = open_counts(con, 2025)
    assert counts[(2025, "under_1")] == 1
    assert counts[(2025, "1_7")] == 2
    assert counts[(2025, "8_30")] == 3      # D8, D30, LATER (12 days)
    assert counts[(2025, "over_30")] == 2   # D31, OLD
    # At the end of 2024 only OLD was open.
    assert counts[(2024, "over_30")] == 1
    assert sum(v for (year, _), v in counts.items() if year == 2024) == 1


def test_open_incidents_reference_dates_and_municipality_filter(con):
    add(con, "A", "2025-06-01 08:00", municipality="Kungsör")
    add(con, "B", "2025-06-01 08:00", municipality="Arboga")
    found = rows(con, "incidents_open_by_age", 2025, "Kungsör")
    assert [r["age_bucket"] for r in found] == ["under_1", "1_7", "8_30", "over_30"] * 2
    assert {r["reference_date"].date() for r in found} == {dt.date(2024, 12, 31), dt.date(2025, 12, 31)}
    assert sum(r["incidents"] for r in found) == 1


def test_open_incidents_in_the_running_year_are_counted_now(con):
    today = dt.date.today()
    add(con, "NOW", dt.datetime.now() - dt.timedelta(hours=2))
    found = [r for r in rows(con, "incidents_open_by_age", today.year) if r["year"] == today.year]
    assert {r["reference_date"].date() for r in found} == {today}
    assert {r["age_bucket"]: r["incidents"] for r in found}["under_1"] == 1


# --- Reporting to the authorities ---------------------------------------------------------------------

REPORTING_COLUMNS = ["incident_id", "title", "reported_at", "municipality", "category", "severity",
                     "personal_data_breach", "significant", "reported_to_authority_at",
                     "hours_to_report", "deadline_hours", "on_time"]


def reporting(con, year, municipality=None):
    return {r["incident_id"]: r for r in rows(con, "incidents_reporting", year, municipality)}


def test_reporting_columns_and_which_incidents_are_listed(con):
    add(con, "PLAIN", "2025-03-01 08:00")
    add(con, "BREACH", "2025-03-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2025-03-02 08:00")
    add(con, "SIG", "2025-03-02 08:00", significant=True, reported_to_authority_at="2025-03-02 09:00")
    add(con, "BEFORE", "2024-12-31 23:59", personal_data_breach=True)
    frame = db.query(con, "incidents_reporting", year=2025, municipality=None)
    assert list(frame.columns) == REPORTING_COLUMNS
    assert list(frame["incident_id"]) == ["BREACH", "SIG"]


def test_breach_deadline_is_72_hours_inclusive(con):
    add(con, "EXACT", "2025-03-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2025-03-04 08:00")
    add(con, "MINUTE_LATE", "2025-03-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2025-03-04 08:01")
    add(con, "NEVER", "2025-03-01 08:00", personal_data_breach=True)
    found = reporting(con, 2025)
    assert found["EXACT"]["hours_to_report"] == pytest.approx(72.0)
    assert found["EXACT"]["deadline_hours"] == 72
    assert found["EXACT"]["on_time"] == True  # noqa: E712 (a numpy bool)
    assert found["MINUTE_LATE"]["on_time"] == False  # noqa: E712
    assert found["MINUTE_LATE"]["hours_to_report"] == pytest.approx(72 + 1 / 60)
    assert found["NEVER"]["on_time"] == False  # noqa: E712
    assert found["NEVER"]["hours_to_report"] != found["NEVER"]["hours_to_report"]   # NaN


def test_significant_deadline_is_24_hours_also_for_a_breach(con):
    add(con, "EXACT", "2025-03-01 08:00", significant=True, reported_to_authority_at="2025-03-02 08:00")
    add(con, "LATE", "2025-03-01 08:00", significant=True, reported_to_authority_at="2025-03-02 08:01")
    add(con, "BOTH", "2025-03-01 08:00", significant=True, personal_data_breach=True,
        reported_to_authority_at="2025-03-03 08:00")   # within 72 h, but not within 24 h
    found = reporting(con, 2025)
    assert found["EXACT"]["deadline_hours"] == 24 and found["EXACT"]["on_time"] == True  # noqa: E712
    assert found["LATE"]["on_time"] == False  # noqa: E712
    assert found["BOTH"]["deadline_hours"] == 24 and found["BOTH"]["on_time"] == False  # noqa: E712


def test_unreported_incident_is_pending_until_its_deadline_has_run_out(con):
    now = dt.datetime.now()
    add(con, "RUNNING", now - dt.timedelta(hours=70), personal_data_breach=True)
    add(con, "RUN_OUT", now - dt.timedelta(hours=25), significant=True)
    found = {**reporting(con, (now - dt.timedelta(hours=70)).year),
             **reporting(con, (now - dt.timedelta(hours=25)).year)}
    assert found["RUNNING"]["on_time"] is None
    assert found["RUN_OUT"]["on_time"] == False  # noqa: E712


def test_reporting_municipality_filter_and_empty_year(con):
    add(con, "A", "2025-03-01 08:00", personal_data_breach=True, municipality="Köping")
    add(con, "B", "2025-03-01 08:00", personal_data_breach=True, municipality="Arboga")
    assert list(reporting(con, 2025, "Köping")) == ["A"]
    assert reporting(con, 2024) == {}
