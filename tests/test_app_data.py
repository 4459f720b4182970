"""The Data page through AppTest: an upload with errors shows every problem and writes
nothing; a valid upload is previewed, imported only on confirmation, and logged."""

from __future__ import annotations

import hashlib

import pytest
from pagetest import assert_clean

from lagesbild.admin import datapage
from lagesbild.data import db, export

PAGE = "app_pages/data.py"
EDITOR = "redaktor@vmkf.se"


@pytest.fixture
def data_page(open_app, demo_copy, monkeypatch):
    monkeypatch.setenv("LAGESBILD_USER", EDITOR)
    app = open_app(demo_copy)
    app.switch_page(PAGE).run()
    assert_clean(app)
    return app


def state(path):
    """The documents and the change log, read through a connection of this process."""
    con = db.connect(path)
    try:
        return (con.execute("SELECT * FROM documents ORDER BY ALL").fetchall(),
                con.execute("SELECT * FROM change_log ORDER BY ALL").fetchall())
    finally:
        con.close()


def documents_file(rows: list[tuple[str, str]]) -> bytes:
    """A documents CSV with one row per (id, review months)."""
    lines = ["Dokumentid;Titel;Typ;Beslutad av;Beslutad;Översyn (månader);Status;Ägare"]
    lines += [f"{doc_id};Rutin {doc_id};Rutin;;2025-02-01;{months};Gällande;IT-chef"
              for doc_id, months in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def upload(app, kind, name, data):
    app.selectbox(key="data_kind").set_value(kind).run()
    app.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_errors_are_listed_and_nothing_is_written_then_a_valid_file_is(data_page, demo_copy):
    app = data_page
    before = state(demo_copy)
    bad = documents_file([("DOK-90", "12"), ("DOK-91", "0"), ("DOK-92", "tolv")])
    upload(app, "documents", "fel.csv", bad)
    assert [e.value for e in app.error] == [
        "Filen har 2 fel. Ingenting har lästs in; rätta filen och välj den igen."]
    problems = app.dataframe[0].value
    assert problems.to_dict("list") == {
        "Rad": [3, 4],
        "Kolumn": ["Översyn (månader)", "Översyn (månader)"],
        "Problem": ["0 ligger utanför det tillåtna intervallet 1–120.",
                    "'tolv' är inte ett heltal."]}
    assert [b.key for b in app.button if b.key == "data_confirm"] == []
    assert state(demo_copy) == before

    good = documents_file([("DOK-90", "12"), ("DOK-01", "36")])
    upload(app, "documents", "styrdokument.csv", good)
    assert_clean(app)
    assert [i.value for i in app.info] == [
        "Filen är giltig: 2 rader. Vid inläsning blir 1 nya, 1 ändrade och 0 oförändrade."]
    preview = app.dataframe[0].value
    assert preview["Dokumentid"].tolist() == ["DOK-90", "DOK-01"]
    assert preview["Rad"].tolist() == [2, 3]
    assert state(demo_copy) == before     # checked, not yet imported

    app.button(key="data_confirm").click().run()
    assert_clean(app)
    assert [s.value for s in app.success] == [
        "styrdokument.csv är inläst som Styrdokument: 1 nya, 1 ändrade och 0 oförändrade rader. "
        "Ändringen finns i ändringsloggen."]
    documents, changes = state(demo_copy)
    assert len(documents) == len(before[0]) + 1
    assert ("DOK-01", 36) in {(row[0], row[5]) for row in documents}
    new = [change for change in changes if change not in before[1]]
    assert [(c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]) for c in new] == [
        (EDITOR, "import", "documents", "styrdokument.csv", hashlib.sha256(good).hexdigest(), 1, 1, 0)]
    # The uploader is emptied: the same file is not offered for import again.
    assert app.file_uploader[0].value is None
    assert [b for b in app.button if b.key == "data_confirm"] == []


def test_the_import_is_of_the_checked_bytes(data_page, demo_copy):
    app = data_page
    good = documents_file([("DOK-95", "12")])
    upload(app, "documents", "a.csv", good)
    checked = app.session_state["data_checked"]
    assert checked.upload.data == good and checked.sha256 == hashlib.sha256(good).hexdigest()
    app.button(key="data_confirm").click().run()
    _, changes = state(demo_copy)
    assert changes[-1][6] == hashlib.sha256(good).hexdigest()


def test_a_file_above_the_limit_gets_its_size_and_the_limit(data_page, demo_copy, monkeypatch):
    monkeypatch.setattr(datapage, "UPLOAD_MAX_BYTES", 100)
    before = state(demo_copy)
    upload(data_page, "documents", "stor.csv", documents_file([("DOK-90", "12")] * 5))
    assert [e.value for e in data_page.error] == ["Filen är 0,0 MB; högst 0 MB kan läsas in här."]
    assert "data_checked" not in data_page.session_state
    assert state(demo_copy) == before


def test_templates_and_exports_for_the_chosen_kind(data_page):
    app = data_page
    app.selectbox(key="data_kind").set_value("risks").run()
    buttons = {b.key: b for b in app.get("download_button")}
    assert set(buttons) == {"data_template_csv", "data_template_xlsx", "data_export_csv",
                            "data_export_xlsx"}
    assert buttons["data_template_csv"].proto.label == "Mall (CSV)"
    assert export.template_bytes("risks", "csv").decode("utf-8-sig").startswith("Riskid;Risk;")


def test_english(open_app, demo_copy):
    app = open_app(demo_copy, lang="en")
    app.switch_page(PAGE).run()
    assert_clean(app)
    assert app.selectbox(key="data_kind").label == "Kind of data"
    assert "Risks" in app.selectbox(key="data_kind").options
    assert app.get("download_button")[0].proto.label == "Template (CSV)"
