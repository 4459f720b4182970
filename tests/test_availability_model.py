"""The Tillgänglighet och SLA page model: the headline equals the overview's, the status
rule per system, and sentences computed from the data in both languages."""

from __future__ import annotations

import functools

import pytest
from sample_rows import add_sla_outage as add_sla
from sample_rows import add_system, set_sla_tier

from lagesbild.areas import availability, overview
from lagesbild.data import db
from lagesbild.rules.status import Status, system_sla_status


@pytest.fixture
def fetch(con):
    return functools.partial(db.query, con)


def test_system_status_rule():
    assert system_sla_status(99.2, 99.5, 3) is Status.ACT
    assert system_sla_status(99.5, 99.5, 1) is Status.WATCH
    assert system_sla_status(99.9, 99.5, 0) is Status.GOOD


@pytest.mark.parametrize("year, municipality, lang", [
    (2025, None, "sv"), (2024, "Köping", "sv"), (2025, "Arboga", "en")])
def test_headline_share_is_the_overviews(sample_db_path, year, municipality, lang):
    con = db.connect(sample_db_path, read_only=True)
    try:
        fetch = functools.partial(db.query, con)
        page = availability.build(fetch, year, municipality, lang)
        shown = overview.build(fetch, year, municipality, lang).area("sla")
    finally:
        con.close()
    met = page.metrics[0]
    assert (met.value, met.delta, met.status) == (shown.value, shown.delta, shown.status)


def test_no_data_for_the_association_itself(fetch):
    view = availability.build(fetch, 2025, "Gemensam", "sv")
    assert not view.has_data and view.systems is None
    assert view.no_data_message == (
        "Det finns inga tillgänglighetsuppgifter för Gemensam (förbundet) 2025. Tillgängligheten "
        "mäts per medlemskommun, inte för förbundet självt: välj en medlemskommun eller Alla "
        "kommuner.")
    assert availability.build(fetch, 2025, "Kungsör", "en").no_data_message == (
        "There are no availability figures for Kungsör in 2025.")


@pytest.fixture
def two_years(con):
    add_system(con, "EKO", "Gemensam")
    add_system(con, "SKOLA", "Arboga")
    add_system(con, "WEBB", "Köping")
    set_sla_tier(con, "EKO", "Guld")
    set_sla_tier(con, "SKOLA", "Silver")
    for month in range(1, 13):
        add_sla(con, f"2025-{month:02d}", "EKO", "Arboga", 99.5, 99.0 if month == 3 else 99.9,
                tickets=10, within_target=9)
        add_sla(con, f"2025-{month:02d}", "SKOLA", "Arboga", 99.0, 98.0 if month < 12 else 99.5,
                tickets=10, within_target=7)
        add_sla(con, f"2024-{month:02d}", "SKOLA", "Arboga", 99.0, 99.9, tickets=10, within_target=8)
    return con


def test_systems_sentence_chart_and_table(two_years, fetch):
    section = availability.build(fetch, 2025, None, "sv").systems
    assert section.sentence == (
        "1 av 2 system nådde inte sitt tillgänglighetsmål 2025. Sämst var System SKOLA med "
        "98,12\xa0% mot målet 99,0\xa0%. Ytterligare 1 nådde målet över året men låg under det "
        "någon månad. 2024: 0 system under målet.")
    chart = section.chart
    assert chart.categories == ("System SKOLA", "System EKO")
    assert {s.key: s.values for s in chart.series} == {
        "act": (pytest.approx(98.125), None), "watch": (None, pytest.approx(99.825)),
        "target": (99.0, 99.5)}
    assert chart.axis_start == 97.5
    assert section.table.rows[0][:6] == ("System SKOLA", "Åtgärda", "98,12\xa0%", "99,0\xa0%",
                                         "11 av 12", "99,90\xa0%")
    assert section.table.rows[1][1] == "Bevaka"


def test_month_breach_and_ticket_sentences(two_years, fetch):
    view = availability.build(fetch, 2025, None, "en")
    # 24 system-months: EKO misses in March, SKOLA in January to November.
    assert view.by_month.sentence == (
        "The availability target was met in 50.0% of system-months in 2025, 50.0\xa0percentage "
        "points lower than in 2024, which is a change for the worse. The worst month was March: "
        "0.0%.")
    assert view.by_month.chart.series_by_key("previous").values == (100.0,) * 12
    assert view.by_municipality.sentence == (
        "12 SLA breaches in 2025, 12 more than in 2024, which is a change for the worse.")
    assert view.by_tier.sentence == (
        "Silver had the largest share of SLA breaches: 11 of 12 system-months (91.7%), 11 more "
        "than in 2024, which is a change for the worse.")
    assert view.tickets_by_tier.sentence == (
        "80.0% of the tickets in 2025 were resolved within the agreed resolution time, the same "
        "share as in 2024. Silver had the lowest share: 70.0%.")


def test_a_system_without_tier_is_named_so(two_years, fetch):
    two_years.execute("UPDATE systems SET sla_tier = NULL WHERE system_id = 'SKOLA'")
    view = availability.build(fetch, 2025, None, "sv")
    assert view.by_tier.chart.categories == ("Guld", "Utan SLA-nivå")
    assert view.systems.table.rows[0][6] == "Utan SLA-nivå"
    assert availability.build(fetch, 2025, None, "en").by_tier.chart.categories == (
        "Gold", "No SLA tier")


def test_first_year_has_nothing_to_compare_with(con, fetch):
    add_system(con, "SKOLA", "Arboga")
    add_sla(con, "2025-01", "SKOLA", "Arboga", 99.0, 99.9)
    view = availability.build(fetch, 2025, None, "sv")
    assert view.by_month.sentence == (
        "Tillgänglighetsmålet nåddes i 100,0\xa0% av systemmånaderna 2025, för 2024 finns inga "
        "uppgifter att jämföra med.")
    assert view.by_municipality.sentence == "Inga SLA-brott 2025, vilket är bra."
    assert view.by_municipality.chart is None
    assert [m.delta for m in view.metrics] == [None, None, None]
    assert [s.key for s in view.tickets_by_tier.chart.series] == ["current"]
