"""The sla_* queries on small hand-made databases: availability per system, the share of
system-months meeting the target per month, breaches per municipality and tier, and that
they add up to the overview's definition in overview_sla."""

from __future__ import annotations

import pytest
from sample_rows import add_sla_outage as add_sla
from sample_rows import add_system, set_sla_tier

from lagesbild.data import db
from lagesbild.areas.sections import records

SYSTEM_COLUMNS = ["system_id", "name", "sla_tier", "municipality", "months", "months_below_target",
                  "availability_pct", "target_pct", "outage_minutes", "tickets",
                  "tickets_within_target"]


def rows(con, name, year, municipality=None):
    """The query's rows, with NULL as None (pandas gives NaN for a missing text or number)."""
    return records(db.query(con, name, year=year, municipality=municipality))


@pytest.fixture
def systems(con):
    """A shared Guld system measured for two members, a Silver one in Arboga, one without tier."""
    add_system(con, "EKO", "Gemensam")
    add_system(con, "SKOLA", "Arboga")
    add_system(con, "WEBB", "Köping")
    set_sla_tier(con, "EKO", "Guld")
    set_sla_tier(con, "SKOLA", "Silver")
    return con


def test_by_system_is_the_mean_of_monthly_availability_worst_first(systems):
    con = systems
    # EKO, target 99,5: January below in Arboga only, February met in both.
    add_sla(con, "2025-01", "EKO", "Arboga", 99.5, 99.0, outage_minutes=446, tickets=10, within_target=8)
    add_sla(con, "2025-01", "EKO", "Köping", 99.5, 99.8, outage_minutes=89, tickets=20, within_target=19)
    add_sla(con, "2025-02", "EKO", "Arboga", 99.5, 100.0, tickets=5, within_target=5)
    add_sla(con, "2025-02", "EKO", "Köping", 99.5, 99.9, outage_minutes=40, tickets=5, within_target=4)
    # SKOLA, target 99: above it every month.
    add_sla(con, "2025-01", "SKOLA", "Arboga", 99.0, 99.9, outage_minutes=44)
    add_sla(con, "2025-02", "SKOLA", "Arboga", 99.0, 99.7, outage_minutes=120)
    # WEBB has no tier; 2024 rows do not count for 2025.
    add_sla(con, "2025-03", "WEBB", "Köping", 99.0, 99.2, outage_minutes=357)
    add_sla(con, "2024-03", "WEBB", "Köping", 99.0, 90.0, outage_minutes=4000)

    frame = db.query(con, "sla_by_system", year=2025, municipality=None)
    assert list(frame.columns) == SYSTEM_COLUMNS
    found = records(frame)
    # Worst first by the margin above the system's own target: 0,175, 0,2 and 0,8.
    assert [r["system_id"] for r in found] == ["EKO", "WEBB", "SKOLA"]
    eko, webb, skola = found
    assert eko["availability_pct"] == pytest.approx((99.0 + 99.8 + 100.0 + 99.9) / 4)
    assert eko["target_pct"] == pytest.approx(99.5)
    assert (eko["months"], eko["months_below_target"]) == (2, 1)
    assert eko["outage_minutes"] == pytest.approx(446 + 89 + 40)
    assert (eko["tickets"], eko["tickets_within_target"]) == (40, 36)
    assert (eko["name"], eko["sla_tier"], eko["municipality"]) == ("System EKO", "Guld", "Gemensam")
    assert skola["availability_pct"] == pytest.approx(99.8)
    assert webb["sla_tier"] is None and webb["months"] == 1


def test_by_system_equal_gaps_are_ordered_by_name_whatever_the_last_bits(con):
    # Both systems are exactly at their target on average (98,9 %) with one month below it,
    # but the floating-point means differ in the last bit (+1e-14 for AAA, -1e-14 for BBB):
    # the order must not depend on that, so the names decide.
    for system_id, months in (("BBB", (98.8, 98.9, 99.0)), ("AAA", (98.7, 98.9, 99.1))):
        add_system(con, system_id)
        for month, availability in zip(("2025-01", "2025-02", "2025-03"), months):
            add_sla(con, month, system_id, "Arboga", 98.9, availability)
    found = rows(con, "sla_by_system", 2025)
    assert [(r["system_id"], r["months_below_target"]) for r in found] == [("AAA", 1), ("BBB", 1)]


def test_by_system_municipality_filter_selects_the_measured_member(systems):
    con = systems
    add_sla(con, "2025-01", "EKO", "Arboga", 99.5, 99.0)
    add_sla(con, "2025-01", "EKO", "Köping", 99.5, 99.8)
    add_sla(con, "2025-01", "SKOLA", "Arboga", 99.0, 99.9)
    found = rows(con, "sla_by_system", 2025, "Köping")
    assert [(r["system_id"], r["availability_pct"], r["months_below_target"]) for r in found] == [
        ("EKO", pytest.approx(99.8), 0)]
    assert rows(con, "sla_by_system", 2025, "Gemensam") == []
    assert rows(con, "sla_by_system", 2023) == []


def test_by_month_share_meeting_target_for_both_years(systems):
    con = systems
    add_sla(con, "2025-01", "EKO", "Arboga", 99.5, 99.0)
    add_sla(con, "2025-01", "EKO", "Köping", 99.5, 99.5)     # exactly on target: met
    add_sla(con, "2025-01", "SKOLA", "Arboga", 99.0, 99.9)
    add_sla(con, "2024-06", "SKOLA", "Arboga", 99.0, 98.0)
    found = {(r["year"], r["month"]): r for r in rows(con, "sla_by_month", 2025)}
    assert len(found) == 24
    january = found[(2025, 1)]
    assert (january["system_months"], january["system_months_met"]) == (3, 2)
    assert january["availability_met_pct"] == pytest.approx(200 / 3)
    assert january["mean_availability_pct"] == pytest.approx((99.0 + 99.5 + 99.9) / 3)
    assert found[(2024, 6)]["availability_met_pct"] == 0
    empty = found[(2025, 2)]
    assert empty["system_months"] == 0
    assert empty["availability_met_pct"] is None   # no data, not 0 %


def test_breaches_per_municipality_and_tier(systems):
    con = systems
    add_sla(con, "2025-01", "EKO", "Arboga", 99.5, 99.0, tickets=10, within_target=6)
    add_sla(con, "2025-02", "EKO", "Arboga", 99.5, 99.4, tickets=10, within_target=10)
    add_sla(con, "2025-01", "EKO", "Köping", 99.5, 99.9, tickets=0, within_target=0)
    add_sla(con, "2025-01", "WEBB", "Köping", 99.0, 98.0, tickets=4, within_target=3)
    add_sla(con, "2024-01", "SKOLA", "Arboga", 99.0, 98.0, tickets=10, within_target=5)

    by_municipality = {(r["year"], r["municipality"]): (r["system_months"], r["breaches"])
                       for r in rows(con, "sla_by_municipality", 2025)}
    assert by_municipality == {(2025, "Arboga"): (2, 2), (2025, "Köping"): (2, 1),
                               (2024, "Arboga"): (1, 1), (2024, "Köping"): (0, 0)}
    assert [r["municipality"] for r in rows(con, "sla_by_municipality", 2025)][:2] == ["Arboga", "Köping"]

    by_tier = rows(con, "sla_by_tier", 2025)
    assert [(r["year"], r["sla_tier"]) for r in by_tier] == [
        (2024, "Guld"), (2024, "Silver"), (2024, None), (2025, "Guld"), (2025, "Silver"), (2025, None)]
    tier = {(r["year"], r["sla_tier"]): r for r in by_tier}
    guld = tier[(2025, "Guld")]
    assert (guld["system_months"], guld["breaches"], guld["tickets"], guld["tickets_within_target"]) == (
        3, 2, 20, 16)
    assert guld["tickets_within_target_pct"] == pytest.approx(80.0)
    assert tier[(2025, None)]["breaches"] == 1
    assert tier[(2024, "Silver")]["tickets_within_target_pct"] == pytest.approx(50.0)
    silver = tier[(2025, "Silver")]
    assert silver["system_months"] == 0
    assert silver["tickets_within_target_pct"] is None

    assert rows(con, "sla_by_tier", 2025, "Surahammar") == []
    assert rows(con, "sla_by_municipality", 2025, "Gemensam") == []


@pytest.mark.parametrize("municipality", [None, "Arboga", "Köping", "Kungsör"])
def test_every_breakdown_adds_up_to_the_overview(sample_db_path, municipality):
    con = db.connect(sample_db_path, read_only=True)
    try:
        for year in (2024, 2025):
            overview = {r["year"]: r for r in rows(con, "overview_sla", year, municipality)}[year]
            breaches = overview["system_months"] - overview["system_months_met"]
            months = [r for r in rows(con, "sla_by_month", year, municipality) if r["year"] == year]
            assert sum(r["system_months_met"] for r in months) == overview["system_months_met"]
            assert sum(r["system_months"] for r in months) == overview["system_months"]
            for name in ("sla_by_municipality", "sla_by_tier"):
                found = [r for r in rows(con, name, year, municipality) if r["year"] == year]
                assert sum(r["breaches"] for r in found) == breaches
            tiers = [r for r in rows(con, "sla_by_tier", year, municipality) if r["year"] == year]
            systems = rows(con, "sla_by_system", year, municipality)
            if not overview["system_months"]:
                # Nothing measured: the ticket counts are unknown, not 0.
                assert overview["tickets"] is None and tiers == [] and systems == []
                continue
            assert sum(r["tickets"] for r in tiers) == overview["tickets"]
            assert sum(r["tickets_within_target"] for r in systems) == overview["tickets_within_target"]
    finally:
        con.close()
