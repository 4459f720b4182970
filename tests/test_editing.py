"""Edits: a new assessment adds a history row and never overwrites; every edit is validated
as an import and logged as an edit without a file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sample_rows import add_classification, add_followup, add_recommendation, add_risk, add_system

from lagesbild.data import contracts, db, ingest
from lagesbild.admin import editing

D = dt.date


def risk_rows(con, risk_id="R-01"):
    return con.execute("SELECT assessed_on, likelihood, consequence, title FROM risks "
                       "WHERE risk_id = ? ORDER BY assessed_on", [risk_id]).fetchall()


def log(con):
    return con.execute("SELECT changed_by, action, kind, file_name, file_sha256, rows_inserted, "
                       "rows_updated, rows_unchanged FROM change_log ORDER BY change_id").fetchall()


def latest_risk(con, risk_id="R-01") -> dict:
    frame = db.query(con, "edit_risks")
    return editing.row_values(frame[frame["risk_id"] == risk_id].iloc[0], "risks")


def test_a_new_assessment_adds_a_row_and_keeps_the_old(con):
    add_risk(con, "R-01", "2024-03-01", 3, 4)
    values = editing.history_defaults("risks", latest_risk(con), D(2025, 6, 1))
    assert values["assessed_on"] == D(2025, 6, 1) and values["likelihood"] == 3
    values["likelihood"] = 2
    saved = editing.save(con, "risks", values, changed_by="anna@vmkf.se")
    assert saved.ok and saved.changed, saved.refusals
    assert risk_rows(con) == [(D(2024, 3, 1), 3, 4, "Risk R-01"), (D(2025, 6, 1), 2, 4, "Risk R-01")]
    assert log(con) == [("anna@vmkf.se", "edit", "risks", None, None, 1, 0, 0)]
    assert editing.saved_message(saved, values, "sv") == "En ny bedömning av R-01 per 2025-06-01 är sparad."


def test_a_date_not_after_the_latest_is_refused(con):
    add_risk(con, "R-01", "2024-03-01", 3, 4)
    add_risk(con, "R-01", "2025-03-01", 2, 4)
    for date in (D(2025, 3, 1), D(2024, 12, 31)):
        values = editing.history_defaults("risks", latest_risk(con), date)
        values["likelihood"] = 1
        saved = editing.save(con, "risks", values, changed_by="anna")
        assert not saved.ok
        assert saved.refusals == [
            f"Bedömd {date.isoformat()} är inte senare än den senaste bedömningen av R-01 "
            "(2025-03-01). En ny bedömning får ett senare datum; den gamla skrivs aldrig över."]
    assert risk_rows(con) == [(D(2024, 3, 1), 3, 4, "Risk R-01"), (D(2025, 3, 1), 2, 4, "Risk R-01")]
    assert log(con) == []


def test_an_edit_gets_the_import_validation_with_field_names(con):
    add_risk(con, "R-01", "2024-03-01", 2, 2)
    values = editing.history_defaults("risks", latest_risk(con), D(2025, 1, 1))
    values.update(residual_likelihood=4, residual_consequence=4, title="  ")
    saved = editing.save(con, "risks", values, changed_by="anna")
    assert not saved.ok
    assert saved.refusals == [
        "Risk: Värde saknas.",
        "Kvarstående konsekvens: Kvarstående risk är högre än risken före behandling."]
    english = editing.save(con, "risks", values, changed_by="anna", lang="en")
    assert english.refusals[1] == (
        "Residual consequence: Residual risk is higher than the risk before treatment.")
    assert len(risk_rows(con)) == 1 and log(con) == []


def test_a_new_risk_is_added(con):
    add_system(con, "SYS-1")
    values = editing.history_defaults("risks", None, D(2025, 2, 1))
    values.update(risk_id="R-09", title="Strömavbrott i serverhallen", area="Fysisk säkerhet",
                  system_id="SYS-1", likelihood=2, consequence=3, status="Aktiv")
    saved = editing.save(con, "risks", values, changed_by="anna")
    assert saved.changed, saved.refusals
    assert risk_rows(con, "R-09") == [(D(2025, 2, 1), 2, 3, "Strömavbrott i serverhallen")]


def test_a_reference_to_an_unknown_system_is_refused(con):
    values = editing.history_defaults("risks", None, D(2025, 2, 1))
    values.update(risk_id="R-09", title="Risk", area="Leverantörer", system_id="SYS-X",
                  likelihood=2, consequence=3, status="Aktiv")
    saved = editing.save(con, "risks", values, changed_by="anna")
    assert saved.refusals == ["Systemid: 'SYS-X' finns inte i systemregistret; lägg in den där "
                              "först eller lämna tomt."]


def test_a_followup_adds_a_row(con):
    add_recommendation(con, "REK-1")
    add_followup(con, "REK-1", "2023-12-06", "Nej")
    frame = db.query(con, "edit_recommendations")
    latest = editing.followup_values(frame.iloc[0])
    assert latest == {"rec_id": "REK-1", "assessed_on": D(2023, 12, 6), "assessed_by": "Revisorerna",
                      "status": "Nej", "comment": None}
    values = editing.history_defaults("followups", latest, D(2025, 9, 15))
    values.update(status="Delvis", comment="=Riskregister upprättat")
    saved = editing.save(con, "followups", values, changed_by="anna")
    assert saved.changed, saved.refusals
    assert con.execute("SELECT assessed_on, status, comment FROM followups ORDER BY assessed_on").fetchall() == [
        (D(2023, 12, 6), "Nej", None), (D(2025, 9, 15), "Delvis", "=Riskregister upprättat")]


def test_a_classification_adds_a_row_with_a_review_a_year_later(con):
    add_system(con, "SYS-1")
    add_classification(con, "SYS-1", "2024-05-20", "2025-05-20")
    frame = db.query(con, "edit_classifications")
    latest = editing.row_values(frame.iloc[0], "classifications")
    values = editing.history_defaults("classifications", latest, D(2025, 6, 2))
    assert values["next_review"] == D(2026, 6, 2) and values["availability"] == 2
    values["availability"] = 3
    saved = editing.save(con, "classifications", values, changed_by="anna")
    assert saved.changed, saved.refusals
    assert con.execute("SELECT classified_on, availability FROM classifications "
                       "ORDER BY classified_on").fetchall() == [(D(2024, 5, 20), 2), (D(2025, 6, 2), 3)]


def test_documents_and_recommendations_are_edited_in_place(con):
    document = dict(doc_id="DOK-1", title="Policy för informationssäkerhet", type="Policy",
                    decided_on=D(2022, 12, 14), review_months=24, status="Gällande")
    assert editing.save(con, "documents", document, changed_by="anna").result.inserted == 1
    changed = dict(document, review_months=12, owner="IT-chef")
    saved = editing.save(con, "documents", changed, changed_by="anna")
    assert saved.changed and saved.result.updated == 1
    assert editing.saved_message(saved, changed, "sv") == "Styrdokumentet DOK-1 är ändrat."
    assert con.execute("SELECT doc_id, review_months, owner FROM documents").fetchall() == [
        ("DOK-1", 12, "IT-chef")]
    add_recommendation(con, "REK-1")
    row = db.query(con, "edit_recommendations").iloc[0]
    values = dict(editing.row_values(row, "recommendations"), owner="Förbundschef", due_date=D(2026, 6, 30))
    assert editing.save(con, "recommendations", values, changed_by="anna").result.updated == 1
    assert [entry[1:3] for entry in log(con)] == [("edit", "documents")] * 2 + [("edit", "recommendations")]


def test_an_edit_that_changes_nothing_writes_nothing(con):
    add_recommendation(con, "REK-1")
    row = db.query(con, "edit_recommendations").iloc[0]
    saved = editing.save(con, "recommendations", editing.row_values(row, "recommendations"),
                         changed_by="anna")
    assert saved.ok and not saved.changed
    assert editing.unchanged_message(saved, "sv") == "Inget har ändrats, så ingenting sparades."
    assert log(con) == []


def test_levels_read_back_as_floats_are_saved_as_levels(con):
    # A residual level column with NULLs in it comes back from the database as floats.
    add_risk(con, "R-01", "2024-03-01", 3, 4)
    con.execute("UPDATE risks SET residual_likelihood = 2, residual_consequence = 4")
    add_risk(con, "R-02", "2024-03-01", 1, 1)
    values = editing.history_defaults("risks", latest_risk(con), D(2025, 1, 1))
    assert values["residual_likelihood"] == 2 and isinstance(values["residual_likelihood"], int)
    assert editing.save(con, "risks", values, changed_by="anna").changed


def test_import_rows_shares_the_file_path(con):
    frame = pd.DataFrame([{"doc_id": "DOK-1", "title": "'=Titel", "type": "policy", "review_months": "24",
                           "status": "gällande", "source_row": 7},
                          {"doc_id": "DOK-2", "title": "Rutin", "type": "Memo", "review_months": "0",
                           "status": "Gällande", "source_row": 8}])
    refused = ingest.import_rows(con, "documents", frame, changed_by="anna")
    assert [(p.row, p.column, p.code) for p in refused.problems] == [
        (8, "Typ", "not_in_list"), (8, "Översyn (månader)", "out_of_range")]
    assert log(con) == []
    result = ingest.import_rows(con, "documents", frame.iloc[:1], changed_by="anna", action="edit")
    assert result.ok and result.inserted == 1
    # Canonical spellings, and the guard apostrophe removed as for a file.
    assert con.execute("SELECT title, type, status FROM documents").fetchall() == [
        ("=Titel", "Policy", "Gällande")]
    assert log(con) == [("anna", "edit", "documents", None, None, 1, 0, 0)]


def test_field_labels():
    spec = contracts.RISKS
    assert editing.field_label(spec.column("residual_likelihood"), "sv") == "Kvarstående sannolikhet"
    assert editing.field_label(spec.column("residual_likelihood"), "en") == "Residual likelihood"
    assert editing.field_label(contracts.CLASSIFICATIONS.column("measures_met_pct"), "en") == (
        "Measures met (%)")


def test_a_reassessment_here_belongs_to_no_risk_analysis(demo_copy):
    con = db.connect(demo_copy)
    try:
        # R-01's newest assessment as made by the 2025 analysis.
        risk_id, analysis_id = "R-01", "RA-2025-1"
        con.execute("UPDATE risks SET analysis_id = ? WHERE risk_id = ? AND assessed_on = "
                    "(SELECT max(assessed_on) FROM risks WHERE risk_id = ?)", [analysis_id, risk_id, risk_id])
        values = editing.history_defaults("risks", latest_risk(con, risk_id), D(2026, 11, 30))
        assert values["analysis_id"] is None
        assert editing.save(con, "risks", values, changed_by="anna").ok
        stored = con.execute("SELECT assessed_on, analysis_id FROM risks WHERE risk_id = ? "
                             "ORDER BY assessed_on DESC LIMIT 2", [risk_id]).fetchall()
        assert stored[0] == (D(2026, 11, 30), None)
        assert stored[1][1] == analysis_id
    finally:
        con.close()
