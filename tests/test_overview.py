"""The overview's figures, status words and sentences, built straight from the queries."""

from functools import partial

from lagesbild.data import db
from lagesbild.areas import overview
from lagesbild.formatting import MINUS, NBSP
from lagesbild.rules.status import Status
from sample_rows import add_incident, add_recommendation, add_risk, add_sample_data, add_sla, add_system


def build(con, year=2025, municipality=None, lang="sv"):
    return overview.build(partial(db.query, con), year, municipality, lang)


def test_sample_overview_in_swedish(con):
    add_sample_data(con)
    view = build(con)
    assert view.heading == "Lägesbild 2025 · Alla kommuner"
    assert view.as_of == "Per 2025-12-31, jämfört med 2024."

    incidents = view.area("incidents")
    assert (incidents.value, incidents.delta.text, incidents.delta.direction) == ("7", "+3", "up")
    assert incidents.delta.good is False            # more incidents is worse
    # The status is about the serious incidents, so the sentence says how they went.
    assert incidents.sentence == ("7 incidenter anmäldes 2025, 3 fler än 2024. Allvarliga "
                                  "incidenter (grad 3–4): 3, 1 fler än 2024, vilket är en försämring.")
    assert incidents.status is Status.ACT           # 3 serious against 2 the year before

    sla = view.area("sla")
    assert sla.value.endswith(f"{NBSP}%") and "," in sla.value
    assert sla.delta.text.endswith("procentenheter") and sla.delta.good is True
    assert "högre än 2024" in sla.sentence

    classification = view.area("classification")
    assert classification.value == f"50,0{NBSP}%"
    assert classification.sentence == ("3 av 6 system har en aktuell informationsklassning "
                                       "(2 med passerad översyn, 1 som aldrig klassats).")

    risks = view.area("risks")
    assert (risks.value, risks.delta.text, risks.delta.good) == ("1", f"{MINUS}1", True)
    # A high risk alone is Bevaka, but nobody owns its action: that finding calls for action,
    # and the sentence says so.
    assert risks.status is Status.ACT and risks.note
    assert risks.sentence.endswith("1 hög risk saknar åtgärdsansvarig.")

    recommendations = view.area("recommendations")
    assert recommendations.value == "2 av 5"
    assert recommendations.sentence == ("Av revisionens 5 rekommendationer är 2 genomförda, "
                                        "2 delvis genomförda och 1 ännu inte bedömd.")
    assert view.selection_has_data


def test_sample_overview_in_english(con):
    add_sample_data(con)
    view = build(con, municipality="Gemensam", lang="en")
    assert view.heading == "Lägesbild 2025 · Shared (association)"
    # A late report is a finding that calls for action: the band says so.
    assert view.area("incidents").sentence == (
        "2 incidents were reported in 2025, 1 more than in 2024. Serious incidents (severity 3–4): "
        "1, as many as in 2024. 1 reportable incident was reported late or not at all.")
    assert view.area("recommendations").value == "2 of 5"
    assert view.area("risks").note == "Concerns the whole association, not each municipality."


def test_singular_forms(con):
    add_incident(con, "A", "2025-03-01 10:00")
    add_incident(con, "B", "2024-03-01 10:00")
    add_recommendation(con, "1")
    add_risk(con, "R1", "2025-01-01", 1, 1)
    view = build(con)
    assert view.area("incidents").sentence == (
        "1 incident anmäldes 2025, lika många som 2024. Ingen av dem var allvarlig (grad 3–4), "
        "vilket är bra.")
    assert view.area("recommendations").sentence == "Revisionens 1 rekommendation är 1 ännu inte bedömd."
    assert view.area("risks").sentence.startswith("Riskregistret har 1 aktiv risk:")
    assert build(con, lang="en").area("incidents").sentence == (
        "1 incident was reported in 2025, as many as in 2024. None of them was serious "
        "(severity 3–4), which is good.")


def test_no_data_is_a_calm_message_not_zero(con):
    add_system(con, "S1", "Arboga")
    add_sla(con, "2025-01", "S1", "Arboga")
    view = build(con, municipality="Kungsör")
    assert not view.selection_has_data
    assert view.no_data_message.startswith("Det finns inga uppgifter om incidenter")
    assert not any(area.has_data for area in view.scoped_areas)
    # An empty risk register is not calm: the audit asked for a risk analysis.
    risks = view.area("risks")
    assert not risks.has_data and risks.status is Status.ACT
    assert "saknar en registrerad riskanalys" in risks.sentence


def test_previous_year_without_figures_has_no_delta(con):
    add_system(con, "S1")
    add_sla(con, "2025-01", "S1")
    sla = build(con).area("sla")
    assert sla.delta is None
    assert sla.sentence.endswith("för 2024 finns inga uppgifter.")


def test_a_year_in_progress_says_so(con):
    import datetime as dt
    year = dt.date.today().year
    view = build(con, year=year)
    assert view.reference_date == dt.date.today()
    if view.reference_date != dt.date(year, 12, 31):
        assert "året pågår" in view.as_of
