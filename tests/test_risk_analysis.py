"""The risk-analysis workflow without Streamlit: the risk sentence, the consequence suggestion
from the classification, risk ids, a new assessment of an existing risk versus a new risk,
the acceptance refusal, and finishing; checked against the rows written."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_rows import add_row, add_system

from lagesbild.data import db
from lagesbild import risk_analysis
from lagesbild.risk_analysis import scales as risk_scales
from lagesbild.i18n import t
from lagesbild.risk_analysis import Component, Entry, Threat

EDITOR = "redaktor@vmkf.se"
DAY = dt.date(2026, 3, 2)


def fetcher(con):
    return lambda name, **params: db.query(con, name, **params)


@pytest.fixture
def analysed(con):
    """Two infrastructure systems (one T4), one other, two threats (one of them inactive is
    left out), an older risk for SYS-A × HOT-01, and a started analysis."""
    for system_id in ("SYS-A", "SYS-B", "SYS-C"):
        add_system(con, system_id)
    con.execute("UPDATE systems SET infrastructure = true, owner = 'Driftchef' WHERE system_id <> 'SYS-C'")
    con.execute("INSERT INTO classifications (system_id, classified_on, confidentiality, integrity, "
                "availability, traceability) VALUES ('SYS-A', '2025-01-10', 2, 3, 4, 1)")
    # A catalogue of our own in place of the default one the schema ships.
    con.execute("DELETE FROM threats")
    add_row(con, "threats", threat_id="HOT-01", name="Skadlig kod", incident_categories="Skadlig kod",
            active=True)
    add_row(con, "threats", threat_id="HOT-02", name="Nätfiske", incident_categories="Bedrägeri",
            active=True)
    add_row(con, "threats", threat_id="HOT-09", name="Gammalt hot", active=False)
    add_row(con, "risks", risk_id="R-07", title="Skadlig kod stoppar SYS-A", area="IT-infrastruktur",
            system_id="SYS-A", threat_id="HOT-01", owner="IT-chef", assessed_on=dt.date(2025, 5, 1),
            likelihood=2, consequence=3, status="Aktiv", action="Segmentera", action_status="Pågår")
    add_row(con, "risks", risk_id="R-12", title="Annan risk", area="Organisation",
            assessed_on=dt.date(2025, 5, 1), likelihood=1, consequence=1, status="Aktiv")
    saved = risk_analysis.save_analysis(con, {"title": "IT-infrastruktur 2026", "scope": "Infrastrukturen",
                                              "participants": "IT-chef, driftchef", "started_on": DAY},
                                        changed_by=EDITOR)
    assert saved.ok, saved.refusals
    return risk_analysis.analysis(fetcher(con), saved.key)


def entry(**values) -> Entry:
    base = dict(title="Kort", cause="att säkerhetskopior nås från nätet",
                event="en attack med utpressningsvirus", consequence_text="att tjänsterna står still",
                likelihood=3, consequence=3)
    return Entry(**{**base, **values})


def test_the_risk_sentence_is_built_from_three_parts_and_read_back():
    sentence = risk_analysis.risk_sentence(" att lösenord läcker. ", "ett  kontointrång,", "att data förs ut.")
    assert sentence == ("På grund av att lösenord läcker inträffar ett kontointrång, "
                        "vilket leder till att data förs ut.")
    assert risk_analysis.sentence_parts(sentence) == ("att lösenord läcker", "ett kontointrång",
                                                      "att data förs ut")
    # The demo's sentences, written without the comma, read back too; free text does not.
    assert risk_analysis.sentence_parts("På grund av a inträffar b vilket leder till c.") == ("a", "b", "c")
    assert risk_analysis.sentence_parts("Något helt annat.") == ("", "", "")
    assert not risk_analysis.sentence_complete("a", " ", "c")


def test_the_consequence_suggestion_follows_availability_for_outage_threats():
    outage = Threat("HOT-01", "Skadlig kod", None, ("Skadlig kod",))
    fraud = Threat("HOT-02", "Nätfiske", None, ("Bedrägeri",))

    def component(availability):
        return Component("S", "S", None, True, 1, 1, availability, 1,
                         None if availability is None else DAY)

    assert risk_analysis.consequence_suggestion(component(4), outage, "sv").least == 3
    assert risk_analysis.consequence_suggestion(component(3), outage, "sv").least == 2
    assert "minst Betydande" in risk_analysis.consequence_suggestion(component(4), outage, "sv").reason
    assert risk_analysis.consequence_suggestion(component(2), outage, "sv") is None
    assert risk_analysis.consequence_suggestion(component(4), fraud, "sv") is None
    assert risk_analysis.consequence_suggestion(component(None), outage, "sv") is None
    assert risk_analysis.classification_line(component(4), "sv") == (
        "Informationsklassning: K1 R1 T4 S1 (klassad 2026-03-02).")


def test_next_ids():
    assert risk_analysis.next_risk_id(["R-01", "R-25", "R-3", "X-99", "R-x"]) == "R-26"
    assert risk_analysis.next_risk_id([]) == "R-01"
    assert risk_analysis.next_risk_id(["R-99"]) == "R-100"
    assert risk_analysis.next_analysis_id(["RA-2026-01", "RA-2025-07"], 2026) == "RA-2026-02"
    assert risk_analysis.next_analysis_id(["RA-2025-1"], 2026) == "RA-2026-01"


def test_steps_and_progress():
    walk = risk_analysis.steps(["A", "B"], ["H1", "H2", "H3"])
    assert [(s.system_id, s.threat_id) for s in walk][:4] == [("A", "H1"), ("A", "H2"), ("A", "H3"), ("B", "H1")]
    assert walk[5].progress("sv") == "Komponent 2 av 2 · hot 3 av 3"
    assert walk[3].progress("en") == "Component 2 of 2 · threat 1 of 3"


def test_the_analysis_row_and_the_components(con, analysed):
    assert analysed.analysis_id == "RA-2026-01" and not analysed.finished
    assert analysed.scales == risk_scales.MSB_4X4
    fetch = fetcher(con)
    components = risk_analysis.components(fetch)
    assert risk_analysis.default_components(components) == ["SYS-A", "SYS-B"]
    assert [h.threat_id for h in risk_analysis.threats(fetch)] == ["HOT-01", "HOT-02"]
    assert con.execute("SELECT changed_by, action, kind, rows_inserted FROM change_log").fetchall() == [
        (EDITOR, "edit", "analyses", 1)]


def test_an_existing_risk_gets_a_new_assessment_and_a_new_one_the_next_id(con, analysed):
    kept = risk_analysis.save_assessment(con, analysed, "SYS-A", "HOT-01", entry(action="Segmentera"),
                                         changed_by=EDITOR)
    new = risk_analysis.save_assessment(con, analysed, "SYS-B", "HOT-01", entry(likelihood=1),
                                        changed_by=EDITOR)
    assert kept.ok and new.ok, (kept.refusals, new.refusals)
    assert (kept.key, new.key) == ("R-07", "R-13")
    rows = con.execute("SELECT risk_id, assessed_on, analysis_id, threat_id, system_id, likelihood, "
                       "action_status, status, description FROM risks WHERE risk_id IN ('R-07', 'R-13') "
                       "ORDER BY risk_id, assessed_on").fetchall()
    sentence = ("På grund av att säkerhetskopior nås från nätet inträffar en attack med utpressningsvirus, "
                "vilket leder till att tjänsterna står still.")
    assert rows == [
        ("R-07", dt.date(2025, 5, 1), None, "HOT-01", "SYS-A", 2, "Pågår", "Aktiv", None),
        # The same action keeps its status; the history row is dated on the analysis's date.
        ("R-07", DAY, "RA-2026-01", "HOT-01", "SYS-A", 3, "Pågår", "Aktiv", sentence),
        ("R-13", DAY, "RA-2026-01", "HOT-01", "SYS-B", 1, None, "Aktiv", sentence),
    ]
    # Saving again within the analysis changes its assessment, adding no row.
    again = risk_analysis.save_assessment(con, analysed, "SYS-A", "HOT-01", entry(likelihood=4),
                                          changed_by=EDITOR)
    assert again.ok and again.key == "R-07"
    assert con.execute("SELECT count(*), max(likelihood) FROM risks WHERE risk_id = 'R-07'").fetchall() == [(2, 4)]
    # The owner defaults to the system owner for a new risk.
    component = next(c for c in risk_analysis.components(fetcher(con)) if c.system_id == "SYS-B")
    threat = risk_analysis.threats(fetcher(con))[1]
    assert risk_analysis.entry_from(None, component, threat).owner == "Driftchef"
    logged = con.execute("SELECT kind, action, rows_inserted, rows_updated FROM change_log WHERE kind = 'risks' "
                         "ORDER BY change_id").fetchall()
    assert logged == [("risks", "edit", 1, 0), ("risks", "edit", 1, 0), ("risks", "edit", 0, 1)]


def test_the_summary_counts_and_movement(con, analysed):
    risk_analysis.save_assessment(con, analysed, "SYS-A", "HOT-01", entry(likelihood=4, consequence=4),
                                  changed_by=EDITOR)
    risk_analysis.save_assessment(con, analysed, "SYS-B", "HOT-02",
                                  entry(likelihood=1, consequence=2, treatment="Reducera",
                                        residual_likelihood=1, residual_consequence=1),
                                  changed_by=EDITOR)
    rows = risk_analysis.assessments(fetcher(con), analysed.analysis_id)
    assert {r["risk_id"]: risk_analysis.movement(r) for r in rows} == {"R-07": "up", "R-13": "new"}
    assert risk_analysis.band_counts(rows) == {"Låg": 1, "Medelhög": 0, "Hög": 0, "Extremt hög": 1}
    assert risk_analysis.band_counts(rows, residual=True) == {"Låg": 1, "Medelhög": 0, "Hög": 0,
                                                               "Extremt hög": 0}
    before = risk_analysis.matrix(fetcher(con), rows, residual=False, lang="sv")
    assert sorted((m.text, m.likelihood, m.consequence) for m in before.marks) == [("R-07", 4, 4), ("R-13", 1, 2)]
    assert next(c for c in before.cells if c.score == 16).band == "Extremt hög"


def test_an_acceptance_at_high_needs_a_decision_maker_a_reason_and_an_end(con, analysed):
    before = con.execute("SELECT count(*) FROM risks").fetchall()
    accepting = entry(likelihood=3, consequence=3, treatment="Acceptera", accepted_by="Förbundschef")
    refused = risk_analysis.save_assessment(con, analysed, "SYS-B", "HOT-02", accepting, changed_by=EDITOR)
    assert not refused.ok
    assert len(refused.refusals) == 1 and "kan bara accepteras med beslutsfattare" in refused.refusals[0]
    assert con.execute("SELECT count(*) FROM risks").fetchall() == before
    accepting.acceptance_reason = "Åtgärden kostar mer än skadan"
    accepting.accepted_until = dt.date(2027, 3, 1)
    assert risk_analysis.save_assessment(con, analysed, "SYS-B", "HOT-02", accepting, changed_by=EDITOR).ok
    rows = risk_analysis.assessments(fetcher(con), analysed.analysis_id)
    assert [r["risk_id"] for r in risk_analysis.accepted_high(rows)] == ["R-13"]


def test_incomplete_entries_and_stale_dates_are_refused_with_nothing_written(con, analysed):
    before = con.execute("SELECT count(*) FROM risks").fetchall()
    missing = risk_analysis.save_assessment(con, analysed, "SYS-B", "HOT-02",
                                            entry(event="", likelihood=None), changed_by=EDITOR)
    assert missing.refusals == [t("risk_analysis.refused.sentence"), t("risk_analysis.refused.levels")]
    # An assessment of R-07 dated after the analysis: the analysis's would not be the newest.
    add_row(con, "risks", risk_id="R-07", title="Skadlig kod stoppar SYS-A", area="IT-infrastruktur",
            system_id="SYS-A", threat_id="HOT-01", assessed_on=dt.date(2026, 6, 1), likelihood=2,
            consequence=2, status="Aktiv")
    stale = risk_analysis.save_assessment(con, analysed, "SYS-A", "HOT-01", entry(), changed_by=EDITOR)
    assert len(stale.refusals) == 1 and "R-07 har en bedömning daterad 2026-06-01" in stale.refusals[0]
    assert con.execute("SELECT count(*) FROM risks").fetchall() == [(before[0][0] + 1,)]


def test_finishing_sets_the_end_date(con, analysed):
    saved = risk_analysis.finish(con, analysed, dt.date(2026, 3, 20), changed_by=EDITOR)
    assert saved.ok, saved.refusals
    assert con.execute("SELECT finished_on, scales FROM analyses").fetchall() == [
        (dt.date(2026, 3, 20), risk_scales.MSB_4X4)]


def test_scales_have_definitions_and_bands_come_from_the_schema(con):
    assert risk_scales.choice_label("likelihood", 3, "sv") == "3 – Stor"
    assert "flera gånger per år" in risk_scales.definition("likelihood", 4, "sv").lower()
    assert risk_scales.definition("consequence", 1, "en").startswith("A short outage")
    assert risk_scales.bands(fetcher(con)) == {1: "Låg", 2: "Låg", 3: "Medelhög", 4: "Medelhög",
                                               6: "Medelhög", 8: "Hög", 9: "Hög", 12: "Hög",
                                               16: "Extremt hög"}
