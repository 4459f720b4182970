"""The Informationsklassning queries, each checked on a handful of rows made for the purpose.
The reference date of 2025 is 2025-12-31."""

import datetime as dt

import pandas as pd
import pytest

from lagesbild.data import db
from sample_rows import add_row

YEAR = 2025


def add_system(con, system_id, *, municipality="Gemensam", sla_tier=None, infrastructure=False,
               continuity_plan_date=None):
    add_row(con, "systems", system_id=system_id, name=f"System {system_id}", municipality=municipality,
            category="Övrigt", sla_tier=sla_tier, infrastructure=infrastructure,
            continuity_plan_date=continuity_plan_date)


def classify(con, system_id, classified_on, next_review=None, *, levels=(2, 2, 2, 1),
             measures_met_pct=None):
    confidentiality, integrity, availability, traceability = levels
    add_row(con, "classifications", system_id=system_id, classified_on=classified_on,
            confidentiality=confidentiality, integrity=integrity, availability=availability,
            traceability=traceability, next_review=next_review, measures_met_pct=measures_met_pct)


def by_system(con, year=YEAR, municipality=None) -> dict[str, dict]:
    frame = db.query(con, "classification_by_system", year=year, municipality=municipality)
    return {row["system_id"]: row for row in frame.to_dict("records")}


def coverage(con, first_year=None, year=YEAR, municipality=None) -> dict[int, dict]:
    frame = db.query(con, "classification_coverage_by_year", first_year=first_year, year=year,
                     municipality=municipality)
    return {int(row["year"]): row for row in frame.to_dict("records")}


def overview(con, year=YEAR, municipality=None) -> dict[int, dict]:
    frame = db.query(con, "overview_classification", year=year, municipality=municipality)
    return {int(row["year"]): row for row in frame.to_dict("records")}


def is_null(value):
    return value is None or pd.isna(value)


def day(value) -> dt.date:
    return value.date() if hasattr(value, "date") else value


# --- classification_by_system: the state rule --------------------------------------------------

def test_state_at_the_boundaries_of_the_review_date(con):
    for system_id in ("ON-DATE", "DAY-AFTER", "NO-DATE-YOUNG", "NO-DATE-YEAR-OLD", "NEVER", "LATER"):
        add_system(con, system_id)
    classify(con, "ON-DATE", "2025-01-10", "2025-12-31")          # review due on the reference date
    classify(con, "DAY-AFTER", "2025-01-10", "2025-12-30")        # a day past review
    classify(con, "NO-DATE-YOUNG", "2025-01-01")                   # under twelve months old
    classify(con, "NO-DATE-YEAR-OLD", "2024-12-31")                # exactly twelve months old
    classify(con, "LATER", "2026-01-05", "2027-01-05")             # made after the reference date

    rows = by_system(con)
    assert {key: row["state"] for key, row in rows.items()} == {
        "ON-DATE": "current", "DAY-AFTER": "overdue", "NO-DATE-YOUNG": "current",
        "NO-DATE-YEAR-OLD": "overdue", "NEVER": "never", "LATER": "never"}
    assert rows["DAY-AFTER"]["days_overdue"] == 1
    # Without a review date the review falls due twelve months after the classification.
    assert day(rows["NO-DATE-YEAR-OLD"]["review_due"]) == dt.date(2025, 12, 31)
    assert rows["NO-DATE-YEAR-OLD"]["days_overdue"] == 0
    assert all(is_null(rows[key]["days_overdue"]) for key in ("ON-DATE", "NO-DATE-YOUNG", "NEVER"))
    assert all(day(row["reference_date"]) == dt.date(2025, 12, 31) for row in rows.values())


def test_the_newest_classification_made_by_the_reference_date_is_in_force(con):
    add_system(con, "S")
    classify(con, "S", "2023-05-01", "2024-05-01", levels=(1, 1, 1, 1), measures_met_pct=20.0)
    classify(con, "S", "2025-03-01", "2026-03-01", levels=(3, 2, 4, 1), measures_met_pct=55.5)
    classify(con, "S", "2026-02-01", "2027-02-01", levels=(0, 0, 0, 0), measures_met_pct=99.0)

    row = by_system(con)["S"]
    levels = (row["confidentiality"], row["integrity"], row["availability"], row["traceability"])
    assert levels == (3, 2, 4, 1)
    assert row["measures_met_pct"] == 55.5 and day(row["classified_on"]) == dt.date(2025, 3, 1)
    before = by_system(con, year=2024)["S"]
    assert before["state"] == "overdue" and before["measures_met_pct"] == 20.0


def test_counts_agree_with_the_overview(con):
    add_system(con, "A", municipality="Arboga")
    add_system(con, "B", municipality="Köping")
    add_system(con, "C", municipality="Köping")
    add_system(con, "D", municipality="Gemensam")
    classify(con, "A", "2024-02-01", "2025-02-01")
    classify(con, "B", "2025-06-01", "2026-06-01")
    classify(con, "C", "2024-12-31")
    for year in (2024, 2025):
        for municipality in (None, "Köping", "Kungsör"):
            states = [row["state"] for row in by_system(con, year, municipality).values()]
            expected = overview(con, year, municipality)[year]
            assert len(states) == expected["systems"]
            assert states.count("current") == expected["classified_current"]
            assert states.count("overdue") == expected["overdue"]
            assert states.count("never") == expected["never_classified"]


def test_municipality_filter(con):
    add_system(con, "A", municipality="Arboga")
    add_system(con, "K", municipality="Köping")
    add_system(con, "G", municipality="Gemensam")
    assert set(by_system(con, municipality="Köping")) == {"K"}
    assert set(by_system(con, municipality="Gemensam")) == {"G"}
    assert set(by_system(con)) == {"A", "K", "G"}
    assert by_system(con, municipality="Kungsör") == {}


def test_empty_database_has_no_rows(con):
    assert by_system(con) == {}


# --- classification_by_system: availability needs ------------------------------------------------

@pytest.mark.parametrize("availability, tier, required, below", [
    (4, "Guld", "Guld", False),
    (4, "Silver", "Guld", True),
    (4, None, "Guld", True),
    (3, "Guld", "Silver", False),
    (3, "Silver", "Silver", False),
    (3, "Brons", "Silver", True),
    (3, None, "Silver", True),
    (2, "Brons", None, False),
    (2, None, None, False),
])
def test_sla_tier_against_the_availability_need(con, availability, tier, required, below):
    add_system(con, "S", sla_tier=tier, continuity_plan_date="2020-01-01")
    classify(con, "S", "2025-03-01", "2026-03-01", levels=(1, 1, availability, 1))
    row = by_system(con)["S"]
    assert (None if is_null(row["required_tier"]) else row["required_tier"]) == required
    assert bool(row["tier_below_need"]) is below


def test_continuity_plan_must_be_dated_by_the_reference_date(con):
    add_system(con, "NO-PLAN", sla_tier="Guld")
    add_system(con, "PLAN-ON-DATE", sla_tier="Guld", continuity_plan_date="2025-12-31")
    add_system(con, "PLAN-LATER", sla_tier="Guld", continuity_plan_date="2026-01-01")
    add_system(con, "LOW-NEED", sla_tier="Guld")
    add_system(con, "UNCLASSIFIED", sla_tier="Brons")
    for system_id in ("NO-PLAN", "PLAN-ON-DATE", "PLAN-LATER"):
        classify(con, system_id, "2025-03-01", "2026-03-01", levels=(1, 1, 3, 1))
    classify(con, "LOW-NEED", "2025-03-01", "2026-03-01", levels=(4, 4, 2, 4))

    needs = {key: bool(row["needs_continuity_plan"]) for key, row in by_system(con).items()}
    assert needs == {"NO-PLAN": True, "PLAN-ON-DATE": False, "PLAN-LATER": True, "LOW-NEED": False,
                     "UNCLASSIFIED": False}
    assert not by_system(con)["UNCLASSIFIED"]["tier_below_need"]
    # In 2026 the plan dated 2026-01-01 exists.
    assert not by_system(con, year=2026)["PLAN-LATER"]["needs_continuity_plan"]


# --- classification_coverage_by_year --------------------------------------------------------------

def test_coverage_per_year_and_group(con):
    add_system(con, "INFRA-1", infrastructure=True, sla_tier="Guld")
    add_system(con, "INFRA-2", infrastructure=True, sla_tier="Silver")
    add_system(con, "GOLD", sla_tier="Guld")
    add_system(con, "OTHER", sla_tier=None)
    classify(con, "INFRA-1", "2023-06-01", "2024-06-01")
    classify(con, "INFRA-1", "2024-06-01", "2025-06-01")     # overdue at the end of 2025
    classify(con, "INFRA-2", "2025-02-01", "2026-02-01")
    classify(con, "GOLD", "2024-03-01", "2026-03-01")

    rows = coverage(con, first_year=2022)
    assert list(rows) == [2022, 2023, 2024, 2025]
    assert [rows[y]["classified_current"] for y in rows] == [0, 1, 2, 2]
    assert rows[2025]["coverage_pct"] == 50.0
    assert (rows[2025]["infrastructure_systems"], rows[2025]["infrastructure_current"]) == (2, 1)
    assert rows[2025]["infrastructure_coverage_pct"] == 50.0
    assert rows[2024]["infrastructure_coverage_pct"] == 50.0
    assert (rows[2025]["gold_systems"], rows[2025]["gold_current"]) == (2, 1)
    assert rows[2024]["gold_coverage_pct"] == 100.0
    assert all(day(rows[y]["reference_date"]) == dt.date(y, 12, 31) for y in rows)


def test_coverage_equals_the_overview_in_every_year(con):
    add_system(con, "A", municipality="Arboga")
    add_system(con, "K", municipality="Köping", infrastructure=True)
    classify(con, "A", "2021-04-01")
    classify(con, "A", "2023-04-01", "2024-04-01")
    classify(con, "K", "2022-09-01", "2025-09-01")
    for municipality in (None, "Arboga", "Köping"):
        rows = coverage(con, first_year=2020, municipality=municipality)
        for year, row in rows.items():
            expected = overview(con, year, municipality)[year]
            assert row["systems"] == expected["systems"]
            assert row["classified_current"] == expected["classified_current"]
            assert row["coverage_pct"] == pytest.approx(expected["coverage_pct"])


def test_coverage_of_an_empty_group_is_null_not_zero(con):
    add_system(con, "A", municipality="Arboga")
    classify(con, "A", "2025-01-15", "2026-01-15")
    row = coverage(con, municipality="Arboga")[YEAR]
    assert row["coverage_pct"] == 100.0
    assert row["infrastructure_systems"] == 0 and is_null(row["infrastructure_coverage_pct"])
    assert row["gold_systems"] == 0 and is_null(row["gold_coverage_pct"])
    empty = coverage(con, municipality="Kungsör")[YEAR]
    assert empty["systems"] == 0 and is_null(empty["coverage_pct"])


def test_coverage_years_run_from_first_year_to_the_selected_year(con):
    assert list(coverage(con)) == [YEAR]                       # no first year: only the year
    assert list(coverage(con, first_year=2023)) == [2023, 2024, 2025]
    assert list(coverage(con, first_year=2027)) == [YEAR]      # a first year after it
