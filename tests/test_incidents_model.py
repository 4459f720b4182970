"""The Incidenter page model: sentences computed from the data in both languages, the
reporting rules, and the calm message for an empty selection."""

from __future__ import annotations

import functools

import pytest
from sample_rows import add_detailed_incident as add

from lagesbild.data import db
from lagesbild.areas import incidents
from lagesbild.rules.status import Status, incident_reporting_status


@pytest.fixture
def build(con):
    fetch = functools.partial(db.query, con)

    def build_(year=2025, municipality=None, lang="sv"):
        return incidents.build(fetch, year, municipality, lang)
    return build_


def test_empty_selection_is_a_calm_message_with_the_year_before(con, build):
    add(con, "A", "2024-05-01 08:00", municipality="Kungsör", resolved_at="2024-05-02 08:00")
    view = build(municipality="Kungsör")
    assert not view.has_data
    assert view.no_data_message == "Inga incidenter för Kungsör 2025 (2024: 1)."
    assert view.metrics == () and view.by_month is None and view.reporting is None
    assert view.open_by_age is None
    assert build(2026, "Kungsör", "en").no_data_message == "No incidents for Kungsör in 2026."


def test_empty_selection_still_shows_what_is_open_from_earlier_years(con, build):
    add(con, "OLD", "2024-05-01 08:00", municipality="Kungsör")
    view = build(municipality="Kungsör")
    assert not view.has_data
    assert view.open_by_age.sentence == (
        "Öppna incidenter vid utgången av 2025: 1 (vid utgången av 2024: 1). "
        "1 av dem var äldre än 30 dygn och bör följas upp.")


def test_month_sentence_counts_compares_and_judges_the_serious_ones(con, build):
    add(con, "A", "2025-03-01 08:00", severity=3)
    add(con, "B", "2025-03-02 08:00", severity=1)
    add(con, "C", "2025-07-02 08:00", severity=4)
    add(con, "D", "2024-07-02 08:00", severity=1)
    view = build()
    assert view.by_month.sentence == (
        "3 incidenter anmäldes 2025, 2 fler än 2024. Flest anmäldes i mars (2). "
        "Allvarliga incidenter (grad 3–4): 2, 2 fler än 2024, vilket är en försämring.")
    assert build(lang="en").by_month.sentence == (
        "3 incidents were reported in 2025, 2 more than in 2024. The most were reported in March "
        "(2). Serious incidents (severity 3–4): 2, 2 more than in 2024, which is a change for the "
        "worse.")
    chart = view.by_month.chart
    assert chart.series_by_key(3).values[2] == 1 and chart.series_by_key(4).values[6] == 1
    assert chart.series_by_key("previous").values[6] == 1
    incidents_reported, serious = view.metrics[:2]
    assert serious.status is Status.ACT
    assert incidents_reported.delta.text == "+2"


def test_one_incident_and_none_serious(con, build):
    add(con, "A", "2025-03-01 08:00")
    view = build()
    assert view.by_month.sentence == (
        "1 incident anmäldes 2025, 1 fler än 2024. Flest anmäldes i mars (1). "
        "Ingen av dem var allvarlig (grad 3–4), vilket är bra.")
    # Without incidents the year before there is no previous line and nothing to compare with.
    assert [s.key for s in view.by_month.chart.series] == [1, 2, 3, 4]
    assert view.by_category.sentence == (
        "Vanligast 2025 var Skadlig kod: 1 av 1 incidenter (100,0\xa0%). "
        "För 2024 finns inga incidenter att jämföra med.")


def test_category_and_cause_sentences_name_the_largest_rise(con, build):
    add(con, "A", "2025-03-01 08:00", category="Intrång", cause="Okänd")
    add(con, "B", "2025-03-01 09:00", category="Intrång", cause="Okänd")
    add(con, "C", "2025-03-01 10:00", category="Bedrägeri", cause="Okänd")
    add(con, "D", "2024-03-01 10:00", category="Bedrägeri", cause="Okänd")
    add(con, "E", "2024-03-01 11:00", category="Bedrägeri", cause="Handhavandefel")
    view = build()
    assert view.by_category.sentence == (
        "Vanligast 2025 var Intrång: 2 av 3 incidenter (66,7\xa0%). Störst ökning jämfört med 2024: "
        "Intrång (+2), värt att följa upp.")
    assert view.by_category.chart.categories == ("Intrång", "Bedrägeri")
    assert view.by_cause.sentence == (
        "Vanligaste orsaken 2025 var Okänd: 3 av 3 incidenter (100,0\xa0%). Störst ökning jämfört "
        "med 2024: Okänd (+2), värt att följa upp.")
    assert build(lang="en").by_category.chart.categories == ("Intrusions", "Fraud")


def test_municipalities_compared_only_when_all_are_selected(con, build):
    add(con, "A", "2025-03-01 08:00", municipality="Köping")
    add(con, "B", "2024-03-01 08:00", municipality="Köping")
    add(con, "C", "2024-03-01 08:00", municipality="Arboga")
    section = build().by_municipality
    assert section.chart.categories == ("Arboga", "Köping", "Kungsör", "Surahammar",
                                        "Gemensam (förbundet)")
    assert section.chart.series_by_key("current").values == (0, 1, 0, 0, 0)
    assert section.sentence.endswith("Ingen kommun hade fler incidenter än 2024, vilket är bra.")
    single = build(municipality="Köping").by_municipality
    assert single.chart is None
    assert single.sentence.startswith("Fördelningen per kommun visas när Alla kommuner är valt.")


@pytest.mark.parametrize("previous_hours, expected", [
    (None, "Incidenter med allvarlighetsgrad 3 (hög) åtgärdades 2025 på 2,0 timmar i median, och "
           "nio av tio inom 2,0 timmar. För 2024 finns inga åtgärdade incidenter med den graden att "
           "jämföra med."),
    (5, "Incidenter med allvarlighetsgrad 3 (hög) åtgärdades 2025 på 2,0 timmar i median, "
        "snabbare än 2024 (5,0 timmar), vilket är bra. Nio av tio var åtgärdade inom 2,0 timmar."),
    (1, "Incidenter med allvarlighetsgrad 3 (hög) åtgärdades 2025 på 2,0 timmar i median, "
        "långsammare än 2024 (1,0 timmar), vilket är en försämring. Nio av tio var åtgärdade inom "
        "2,0 timmar."),
])
def test_resolution_sentence_about_the_most_severe_resolved(con, build, previous_hours, expected):
    add(con, "A", "2025-03-01 08:00", resolved_at="2025-03-01 10:00", severity=3)
    add(con, "B", "2025-03-01 08:00", resolved_at="2025-03-01 18:00", severity=1)
    add(con, "OPEN", "2025-03-01 08:00", severity=4)
    if previous_hours:
        add(con, "P", "2024-03-01 00:00", resolved_at=f"2024-03-01 {previous_hours:02d}:00", severity=3)
    section = build().resolution
    assert section.sentence == expected
    assert section.note.startswith("1 av årets incidenter är ännu inte åtgärdad.")
    assert section.table.rows[0][:3] == ("3 Hög", "1", "2,0")
    assert [row[0] for row in section.table.rows] == ["3 Hög", "1 Låg"]


def test_resolution_when_nothing_is_resolved(con, build):
    add(con, "OPEN", "2025-03-01 08:00")
    section = build().resolution
    assert section.sentence == "Ingen av incidenterna 2025 är åtgärdad ännu."
    assert section.table is None


def test_reporting_outcomes_sentence_status_and_table(con, build):
    add(con, "ON_TIME", "2025-03-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2025-03-04 08:00", municipality="Köping")
    add(con, "LATE", "2025-04-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2025-04-05 08:00")
    add(con, "MISSING", "2025-05-01 08:00", significant=True)
    add(con, "PREVIOUS", "2024-05-01 08:00", personal_data_breach=True,
        reported_to_authority_at="2024-05-01 09:00")
    add(con, "PREVIOUS_LATE", "2024-06-01 08:00", significant=True,
        reported_to_authority_at="2024-06-03 08:00")
    section = build().reporting
    assert section.status is Status.ACT
    assert section.sentence == (
        "Personuppgiftsincidenter 2025: 1 av 2 anmäldes till IMY inom 72 timmar, 1 för sent. "
        "Betydande incidenter 2025: 0 av 1 rapporterades med en tidig varning inom 24 timmar, "
        "1 inte alls. 2024: 1 av 2 i tid. En rapport som aldrig görs är en allvarlig brist: ta "
        "reda på varför.")
    chart = section.chart
    assert chart.categories == ("Personuppgiftsincidenter, till IMY inom 72 h",
                                "Betydande incidenter, tidig varning inom 24 h")
    assert {s.key: s.values for s in chart.series} == {
        "on_time": (1, 0), "late": (1, 0), "not_reported": (0, 1)}
    assert section.table.rows[0] == ("ON_TIME", "2025-03-01", "Personuppgifter (72 h)", "72,0", "Ja",
                                     "Köping", "Skadlig kod", "Incident")
    assert [row[4] for row in section.table.rows] == ["Ja", "Nej", "Nej, ej rapporterad"]
    assert section.table.rows[2][3] == "–"


def test_reporting_status_rule():
    assert incident_reporting_status(["on_time", "on_time"]) is Status.GOOD
    assert incident_reporting_status(["on_time", "pending"]) is Status.WATCH
    # A late report missed the legal deadline: action, as the overview's finding says.
    assert incident_reporting_status(["late", "on_time"]) is Status.ACT
    assert incident_reporting_status(["late", "not_reported"]) is Status.ACT


def test_no_breaches_or_significant_incidents(con, build):
    add(con, "A", "2025-03-01 08:00")
    section = build(municipality="Arboga", lang="en").reporting
    assert section.sentence == ("No personal data breaches or significant incidents were reported "
                                "for Arboga in 2025.")
    assert section.chart is None and section.status is None
