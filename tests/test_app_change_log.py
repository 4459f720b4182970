"""The change history page through AppTest: every change-log row, newest first, as independent
SQL reads it; the filters; formula-safe exports; and nothing on the page can edit the log."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from pagetest import assert_clean

from lagesbild.data import db, ingest

PAGE = "app_pages/andringslogg.py"
HOSTILE_USER = "=HYPERLINK(\"http://x\";\"klicka\")"


@pytest.fixture
def logged(demo_copy):
    """The demo database with an edit by a user whose name looks like a formula, and an import
    of a file whose name does."""
    con = db.connect(demo_copy)
    try:
        ingest.log_change(con, action="edit", kind="risks", changed_by=HOSTILE_USER, file_name=None,
                          file_sha256=None, inserted=1, updated=0, unchanged=0)
        ingest.log_change(con, action="import", kind="documents", changed_by="anna@vmkf.se",
                          file_name="@styrdokument.csv", file_sha256="ab" * 32, inserted=2,
                          updated=3, unchanged=4)
    finally:
        con.close()
    return demo_copy


def log_rows(path, where="", params=()):
    con = db.connect(path)
    try:
        return con.execute(
            "SELECT strftime(changed_at, '%Y-%m-%d %H:%M:%S'), changed_by, action, kind, "
            "coalesce(file_name, ''), file_sha256, rows_inserted, rows_updated, rows_unchanged "
            f"FROM change_log {where} ORDER BY change_id DESC", list(params)).fetchall()
    finally:
        con.close()


def open_log(open_app, path, **params):
    app = open_app(path, **params)
    app.switch_page(PAGE).run()
    assert_clean(app)
    return app


def test_every_change_is_listed_newest_first(open_app, logged):
    expected = log_rows(logged)
    app = open_log(open_app, logged)
    shown = app.dataframe[0].value
    assert list(shown.columns) == ["När", "Vem", "Vad", "Typ", "Fil", "SHA-256", "Nya rader",
                                   "Ändrade rader", "Oförändrade rader"]
    assert shown["När"].tolist() == [row[0] for row in expected]
    assert shown["Vem"].tolist() == [row[1] for row in expected]
    assert shown["Fil"].tolist() == [row[4] for row in expected]
    assert shown["Nya rader"].tolist() == [row[6] for row in expected]
    assert shown["Vad"].tolist()[:2] == ["inläsning", "ändring"]
    assert shown["Typ"].tolist()[:2] == ["Styrdokument", "Risker"]
    assert shown["SHA-256"].tolist()[:2] == ["abababababab…", ""]
    assert f"{len(expected)} ändringar." in [m.value for m in app.markdown]


def test_filters_narrow_the_list(open_app, logged):
    app = open_log(open_app, logged)
    app.selectbox(key="change_log_action").set_value("edit").run()
    assert app.dataframe[0].value["Vem"].tolist() == [HOSTILE_USER]
    app.selectbox(key="change_log_action").set_value(None).run()
    app.selectbox(key="change_log_who").set_value("anna@vmkf.se").run()
    assert app.dataframe[0].value["Fil"].tolist() == ["@styrdokument.csv"]
    app.selectbox(key="change_log_who").set_value(None).run()
    app.selectbox(key="change_log_kind").set_value("systems").run()
    assert app.dataframe[0].value["Typ"].tolist() == ["System"] * len(
        log_rows(logged, "WHERE kind = ?", ["systems"]))


def test_a_date_range_without_changes_says_so(open_app, logged):
    import datetime as dt

    app = open_log(open_app, logged)
    app.date_input(key="change_log_from").set_value(dt.date(2001, 1, 1))
    app.date_input(key="change_log_to").set_value(dt.date(2001, 12, 31)).run()
    assert_clean(app)
    assert [i.value for i in app.info] == ["Inga ändringar matchar filtren."]
    app.date_input(key="change_log_from").set_value(dt.date(2002, 1, 1)).run()
    app.date_input(key="change_log_to").set_value(dt.date(2001, 1, 1)).run()
    assert [w.value for w in app.warning] == ["Från-datumet ligger efter till-datumet."]


def test_the_log_cannot_be_edited_here(open_app, logged):
    app = open_log(open_app, logged)
    for editing_widget in ("data_editor", "text_input", "text_area", "number_input", "button",
                           "form_submit_button"):
        assert list(app.get(editing_widget)) == [], editing_widget


def test_exports_have_full_fingerprints_and_no_live_formulas(open_app, logged):
    from lagesbild.admin import change_log

    app = open_log(open_app, logged)
    keys = [b.key for b in app.get("download_button")]
    assert keys == ["change_log_export_csv", "change_log_export_xlsx"]
    con = db.connect(logged)
    try:
        log = db.query(con, "change_log", kind=None, action=None, changed_by=None,
                       date_from=None, date_to=None)
    finally:
        con.close()
    text = change_log.export_bytes(log, "csv", "sv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][5] == "ab" * 32
    assert [c for row in rows for c in row if c.startswith(("=", "+", "-", "@"))] == []
    assert rows[2][1] == "'" + HOSTILE_USER and rows[1][4] == "'@styrdokument.csv"
    sheet = load_workbook(io.BytesIO(change_log.export_bytes(log, "xlsx", "sv"))).active
    hostile = sheet.cell(row=3, column=2)
    assert (hostile.value, hostile.data_type, hostile.quotePrefix) == (HOSTILE_USER, "s", True)


def test_row_counts_are_written_as_swedes_write_them():
    import pandas as pd

    from lagesbild.admin import change_log

    log = pd.DataFrame({"changed_at": [pd.Timestamp("2026-01-02 10:00")], "changed_by": ["it-chef"],
                        "action": ["import"], "kind": ["incidents"], "file_name": ["a.csv"],
                        "file_sha256": ["ab" * 32], "rows_inserted": [8400], "rows_updated": [2369],
                        "rows_unchanged": [0]})
    written = change_log.shown(log, "sv").to_string()
    assert "8\u00a0400" in written and "2\u00a0369" in written
    assert "8400" not in written and "2369" not in written
    assert change_log.shown(log, "sv").data.iloc[0, -3] == 8400     # still a number to sort by
