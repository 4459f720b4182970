"""The Data page's logic: a check writes nothing and lists every problem; a confirmation
imports exactly the checked bytes and logs them."""

from __future__ import annotations

import hashlib

import pytest
from importfiles import SAMPLES, write_excel_csv

from lagesbild.data import contracts, export, ingest
from lagesbild.admin import datapage

ALL_KINDS = list(contracts.KINDS)


def snapshot(con):
    tables = {k: con.execute(f"SELECT * FROM {k} ORDER BY ALL").fetchall() for k in ALL_KINDS}
    tables["change_log"] = con.execute("SELECT * FROM change_log ORDER BY ALL").fetchall()
    return tables


def csv_bytes(tmp_path, kind, rows=None) -> bytes:
    return write_excel_csv(tmp_path / f"{kind}.csv", kind, rows).read_bytes()


def test_check_of_a_valid_file_counts_changes_and_writes_nothing(con, tmp_path):
    before = snapshot(con)
    checked = datapage.check(con, datapage.Upload("systems", "system.csv", csv_bytes(tmp_path, "systems")))
    assert checked.ok
    assert (checked.result.rows, checked.result.inserted, checked.result.updated) == (2, 2, 0)
    assert checked.sha256 == hashlib.sha256(csv_bytes(tmp_path, "systems")).hexdigest()
    assert snapshot(con) == before
    assert datapage.change_summary(checked.result, "sv") == (
        "Filen är giltig: 2 rader. Vid inläsning blir 2 nya, 0 ändrade och 0 oförändrade.")


def test_preview_shows_stored_values_under_swedish_headers(con, tmp_path):
    checked = datapage.check(con, datapage.Upload("systems", "s.csv", csv_bytes(tmp_path, "systems")))
    preview = datapage.preview_table(checked.result, "sv")
    assert list(preview.columns) == ["Rad", *(c.header for c in contracts.SYSTEMS.columns)]
    assert preview["Rad"].tolist() == [2, 3]
    assert preview["Systemid"].tolist() == ["SYS-001", "SYS-002"]
    # Canonical spellings and labels, not the file's text.
    assert preview["Kommun"].tolist() == ["Köping", "Gemensam (förbundet)"]
    assert preview["Infrastruktur"].tolist() == ["nej", "ja"]
    assert preview["Kontinuitetsplan"].tolist() == ["2024-03-01", ""]


def test_preview_is_limited_and_says_so(con, tmp_path):
    rows = [dict(SAMPLES["documents"][0], Dokumentid=f"DOK-{i:03}") for i in range(45)]
    checked = datapage.check(con, datapage.Upload("documents", "d.csv", csv_bytes(tmp_path, "documents", rows)))
    assert len(datapage.preview_table(checked.result, "sv")) == datapage.PREVIEW_ROWS
    assert datapage.preview_caption(checked.result, "sv") == (
        "Förhandsvisning: de första 20 av 45 raderna")


def test_every_problem_is_listed_not_only_fifty(con, tmp_path):
    rows = [dict(SAMPLES["documents"][0], Dokumentid=f"DOK-{i:03}", **{"Översyn (månader)": "0"})
            for i in range(120)]
    before = snapshot(con)
    checked = datapage.check(con, datapage.Upload("documents", "d.csv", csv_bytes(tmp_path, "documents", rows)))
    assert not checked.ok
    problems = datapage.problems_table(checked.result, "sv")
    assert list(problems.columns) == ["Rad", "Kolumn", "Problem"]
    assert len(problems) == 120
    assert problems["Rad"].tolist() == list(range(2, 122))
    assert set(problems["Kolumn"]) == {"Översyn (månader)"}
    assert problems["Problem"][0] == "0 ligger utanför det tillåtna intervallet 1–120."
    assert datapage.problems_more(checked.result, "sv") is None
    assert datapage.problems_heading(checked.result, "sv").startswith("Filen har 120 fel.")
    # The rows are still shown, as written, so the problems can be found in them.
    assert datapage.preview_table(checked.result, "sv")["Översyn (månader)"][0] == "0"
    assert snapshot(con) == before


def test_beyond_the_listed_problems_the_rest_are_counted(con, tmp_path, monkeypatch):
    monkeypatch.setattr(datapage, "MAX_PROBLEMS_LISTED", 30)
    rows = [dict(SAMPLES["documents"][0], Dokumentid=f"DOK-{i:03}", Typ=f"Memo {i}") for i in range(75)]
    checked = datapage.check(con, datapage.Upload("documents", "d.csv", csv_bytes(tmp_path, "documents", rows)))
    assert len(datapage.problems_table(checked.result, "sv")) == 30
    assert datapage.problems_more(checked.result, "sv") == (
        "Tabellen visar de första 30; ytterligare 45 fel finns.")


def test_file_level_problem_has_no_row(con):
    checked = datapage.check(con, datapage.Upload("documents", "d.csv", "Titel;Typ\r\nx;Policy\r\n".encode()))
    table = datapage.problems_table(checked.result, "sv")
    assert table["Rad"].isna().all()
    assert table["Problem"][0].startswith("Kolumner saknas: Dokumentid")


def test_confirm_imports_the_checked_bytes_and_logs_them(con, tmp_path):
    data = csv_bytes(tmp_path, "documents")
    checked = datapage.check(con, datapage.Upload("documents", "styrdokument.csv", data))
    result = datapage.confirm(con, checked, "anna@vmkf.se")
    assert result.ok and result.inserted == 2
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(2,)]
    assert con.execute("SELECT changed_by, action, kind, file_name, file_sha256, rows_inserted "
                       "FROM change_log").fetchall() == [
        ("anna@vmkf.se", "import", "documents", "styrdokument.csv",
         hashlib.sha256(data).hexdigest(), 2)]
    assert datapage.done_message(result, "sv") == (
        "styrdokument.csv är inläst som Styrdokument: 2 nya, 0 ändrade och 0 oförändrade rader. "
        "Ändringen finns i ändringsloggen.")


def test_confirm_refuses_an_upload_that_was_not_checked_valid(con, tmp_path):
    rows = [dict(SAMPLES["documents"][0], Typ="Memo")]
    checked = datapage.check(con, datapage.Upload("documents", "d.csv", csv_bytes(tmp_path, "documents", rows)))
    with pytest.raises(ValueError):
        datapage.confirm(con, checked, "anna")
    good = datapage.check(con, datapage.Upload("documents", "d.csv", csv_bytes(tmp_path, "documents")))
    swapped = datapage.Checked(datapage.Upload("documents", "d.csv", b"other bytes"), good.sha256, good.result)
    with pytest.raises(ValueError):
        datapage.confirm(con, swapped, "anna")
    assert con.execute("SELECT count(*) FROM change_log").fetchall() == [(0,)]


def test_too_large_says_the_size_and_the_limit():
    limit = datapage.UPLOAD_MAX_BYTES
    assert datapage.too_large_message(limit, "sv") is None
    assert datapage.too_large_message(int(62.9 * 1024 * 1024), "sv") == (
        "Filen är 62,9 MB; högst 50 MB kan läsas in här.")
    assert datapage.too_large_message(int(62.9 * 1024 * 1024), "en") == (
        "The file is 62.9 MB; at most 50 MB can be imported here.")


def test_the_server_upload_limit_matches_the_page():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == datapage.UPLOAD_MAX_BYTES


def test_download_names():
    import datetime as dt

    assert datapage.download_name("risks", "xlsx", "sv", template=True) == "mall-risker.xlsx"
    assert datapage.download_name("sla", "csv", "en", template=True) == "template-sla-per-manad.csv"
    assert datapage.download_name("classifications", "csv", "sv", today=dt.date(2025, 11, 3)) == (
        "informationsklassningar-2025-11-03.csv")


def test_export_of_a_checked_template_round_trips(con):
    # Valid on an empty database: the kinds without a required reference.
    for kind in ("systems", "incidents", "risks", "recommendations", "documents"):
        checked = datapage.check(con, datapage.Upload(kind, "mall.xlsx", export.template_bytes(kind, "xlsx")))
        assert checked.ok, checked.result.summary()
        assert datapage.confirm(con, checked, "test").inserted == 1
        again = ingest.import_file(con, kind, export.export_bytes(con, kind, "csv"), dry_run=True)
        assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)
