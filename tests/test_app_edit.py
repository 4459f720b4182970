"""The edit page through AppTest: a new risk assessment adds a history row, an earlier date is
refused with nothing written, and documents are edited in place; every save is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from pagetest import assert_clean

from lagesbild.data import db

PAGE = "app_pages/redigera.py"
EDITOR = "redaktor@vmkf.se"


@pytest.fixture
def edit_page(open_app, demo_copy, monkeypatch):
    monkeypatch.setenv("LAGESBILD_USER", EDITOR)
    app = open_app(demo_copy)
    app.switch_page(PAGE).run()
    assert_clean(app)
    return app


def read(path, sql, params=()):
    con = db.connect(path)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def widget(app, kind, column):
    """The form field for ``column`` (field keys carry the form, the entity and a round, 0 in
    a fresh session)."""
    found = [w for w in app.get(kind) if getattr(w, "key", None) and w.key.endswith(f"_0_{column}")]
    assert len(found) == 1, [w.key for w in app.get(kind)]
    return found[0]


def test_a_new_risk_assessment_adds_a_history_row(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("risks").run()
    risk_id = app.selectbox(key="edit_choice_risks").value
    history = read(demo_copy, "SELECT assessed_on, likelihood FROM risks WHERE risk_id = ? "
                              "ORDER BY assessed_on", [risk_id])
    newest = history[-1][0]
    # The current assessment is shown before the form.
    current = app.dataframe[0].value
    assert dict(zip(current["Fält"], current["Värde"]))["Bedömd"] == newest.isoformat()

    date = max(newest, dt.date.today()) + dt.timedelta(days=1)
    widget(app, "date_input", "assessed_on").set_value(date)
    widget(app, "selectbox", "likelihood").set_value(4)
    app.button[0].click().run()
    assert_clean(app)
    assert [s.value for s in app.success] == [
        f"En ny bedömning av {risk_id} per {date.isoformat()} är sparad."]
    after = read(demo_copy, "SELECT assessed_on, likelihood FROM risks WHERE risk_id = ? "
                            "ORDER BY assessed_on", [risk_id])
    assert after == [*history, (date, 4)]
    assert read(demo_copy, "SELECT changed_by, action, kind, file_name, rows_inserted FROM change_log "
                           "ORDER BY change_id DESC LIMIT 1") == [(EDITOR, "edit", "risks", None, 1)]


def test_an_assessment_dated_before_the_latest_is_refused(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("risks").run()
    risk_id = app.selectbox(key="edit_choice_risks").value
    before = read(demo_copy, "SELECT * FROM risks ORDER BY ALL")
    changes = read(demo_copy, "SELECT count(*) FROM change_log")
    newest = max(row[6] for row in before if row[0] == risk_id)
    widget(app, "date_input", "assessed_on").set_value(newest)
    app.button[0].click().run()
    assert not app.exception
    assert len(app.error) == 1
    assert f"Bedömd {newest.isoformat()} är inte senare än den senaste bedömningen av {risk_id}" in (
        app.error[0].value)
    assert read(demo_copy, "SELECT * FROM risks ORDER BY ALL") == before
    assert read(demo_copy, "SELECT count(*) FROM change_log") == changes


def test_a_rule_violation_is_shown_with_the_field_and_nothing_written(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("risks").run()
    before = read(demo_copy, "SELECT count(*) FROM risks")
    widget(app, "date_input", "assessed_on").set_value(dt.date.today() + dt.timedelta(days=400))
    widget(app, "selectbox", "likelihood").set_value(1)
    widget(app, "selectbox", "consequence").set_value(1)
    widget(app, "selectbox", "residual_likelihood").set_value(4)
    widget(app, "selectbox", "residual_consequence").set_value(4)
    app.button[0].click().run()
    assert "Kvarstående konsekvens: Kvarstående risk är högre än risken före behandling." in (
        app.error[0].value)
    assert read(demo_copy, "SELECT count(*) FROM risks") == before


def test_a_followup_is_added(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("recommendations").run()
    rec_id = app.selectbox(key="edit_choice_recommendations").value
    count = read(demo_copy, "SELECT count(*) FROM followups WHERE rec_id = ?", [rec_id])[0][0]
    date = dt.date(2100, 1, 1)
    widget(app, "date_input", "assessed_on").set_value(date)
    widget(app, "selectbox", "status").set_value("Ja")
    widget(app, "text_input", "assessed_by").set_value("IT-chef VMKF")
    app.button[0].click().run()
    assert_clean(app)
    assert read(demo_copy, "SELECT count(*) FROM followups WHERE rec_id = ?", [rec_id])[0][0] == count + 1
    assert read(demo_copy, "SELECT status FROM followups WHERE rec_id = ? AND assessed_on = ?",
                [rec_id, date]) == [("Ja",)]


def test_a_document_is_edited_in_place(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("documents").run()
    doc_id = app.selectbox(key="edit_choice_documents").value
    count = read(demo_copy, "SELECT count(*) FROM documents")
    widget(app, "number_input", "review_months").set_value(6)
    app.button[0].click().run()
    assert_clean(app)
    assert [s.value for s in app.success] == [f"Styrdokumentet {doc_id} är ändrat."]
    assert read(demo_copy, "SELECT review_months FROM documents WHERE doc_id = ?", [doc_id]) == [(6,)]
    assert read(demo_copy, "SELECT count(*) FROM documents") == count
    assert read(demo_copy, "SELECT action, kind, rows_updated FROM change_log "
                           "ORDER BY change_id DESC LIMIT 1") == [("edit", "documents", 1)]


def test_a_classification_is_added(edit_page, demo_copy):
    app = edit_page
    app.radio(key="edit_target").set_value("classifications").run()
    system_id = app.selectbox(key="edit_choice_classifications").value
    count = read(demo_copy, "SELECT count(*) FROM classifications WHERE system_id = ?", [system_id])[0][0]
    widget(app, "date_input", "classified_on").set_value(dt.date(2099, 1, 1))
    widget(app, "date_input", "next_review").set_value(dt.date(2100, 1, 1))
    app.button[0].click().run()
    assert_clean(app)
    assert read(demo_copy, "SELECT count(*) FROM classifications WHERE system_id = ?",
                [system_id])[0][0] == count + 1
