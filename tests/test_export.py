"""Export: Swedish-Excel CSV and XLSX that re-import unchanged and never hold a live formula."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from importfiles import PREREQUISITES, SAMPLES, write_excel_csv
from openpyxl import load_workbook

from lagesbild.data import contracts, db, export, ingest

ALL_KINDS = list(contracts.KINDS)
FORMULAS = ["=1+1", "+46 70 123 45 67", "-2", "@SUM(A1)", "=HYPERLINK(\"http://x\";\"klicka\")"]


def load_samples(con, tmp_path, kind, rows=None):
    for needed in PREREQUISITES.get(kind, []):
        assert ingest.import_file(con, needed, write_excel_csv(tmp_path / f"{needed}.csv", needed)).ok
    result = ingest.import_file(con, kind, write_excel_csv(tmp_path / f"{kind}.csv", kind, rows))
    assert result.ok, result.summary()


def table(con, kind):
    return con.execute(f"SELECT * FROM {contracts.KINDS[kind].table} ORDER BY ALL").fetchall()


@pytest.mark.parametrize("fmt", export.FORMATS)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_export_then_import_changes_nothing(con, tmp_path, kind, fmt):
    load_samples(con, tmp_path, kind)
    before = table(con, kind)
    out = tmp_path / f"export.{fmt}"
    # Two samples, and for threats the default catalogue a new database holds.
    assert export.export_file(con, kind, fmt, out) == len(before)
    result = ingest.import_file(con, kind, out)
    assert result.ok, result.summary()
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, len(before))
    assert table(con, kind) == before


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_demo_data_round_trips(demo_db_path, tmp_path, fmt):
    source = db.connect(demo_db_path, read_only=True)
    target = db.connect(tmp_path / "copy.duckdb")
    try:
        for spec in contracts.KINDS.values():
            out = tmp_path / f"{spec.name}.{fmt}"
            export.export_file(source, spec.name, fmt, out)
            first = ingest.import_file(target, spec.name, out)
            assert first.ok, first.summary()
            again = ingest.import_file(target, spec.name, out)
            assert (again.inserted, again.updated) == (0, 0)
            assert table(target, spec.name) == table(source, spec.name)
    finally:
        source.close()
        target.close()


def test_csv_is_for_swedish_excel(con, tmp_path):
    load_samples(con, tmp_path, "sla")
    payload = export.export_bytes(con, "sla", "csv")
    assert payload.startswith(b"\xef\xbb\xbf")
    text = payload.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].startswith("Månad;Systemid;Kommun;Mål tillgänglighet (%)")
    assert lines[2] == "2025-02;SYS-001;Köping;99,5;98,2;2;725,5;1204;1100"


def test_csv_cells_never_become_formulas(con, tmp_path):
    rows = [dict(SAMPLES["systems"][0], Systemid=f"S{i}", Systemnamn=text, Systemägare=text)
            for i, text in enumerate(FORMULAS)]
    load_samples(con, tmp_path, "systems", rows)
    text = export.export_bytes(con, "systems", "csv").decode("utf-8-sig")
    cells = [cell for line in text.split("\r\n")[1:] if line for cell in line.split(";")]
    # A cell Excel would evaluate starts with one of = + - @ (possibly inside quotes).
    live = [c for c in cells if c.lstrip('"').startswith(("=", "+", "-", "@"))]
    assert live == []
    assert "'=1+1" in cells and "'-2" in cells


def test_xlsx_cells_are_strings_never_formulas(con, tmp_path):
    rows = [dict(SAMPLES["systems"][0], Systemid=f"S{i}", Systemnamn=text)
            for i, text in enumerate(FORMULAS)]
    load_samples(con, tmp_path, "systems", rows)
    workbook = load_workbook(io.BytesIO(export.export_bytes(con, "systems", "xlsx")))
    sheet = workbook.active
    names = {}
    for row in sheet.iter_rows(min_row=2):
        cell = row[1]
        assert cell.data_type == "s", (cell.value, cell.data_type)
        names[cell.value] = cell.quotePrefix
    assert names == {text: True for text in FORMULAS}
    # The raw sheet XML holds no formula element at all.
    import zipfile
    with zipfile.ZipFile(io.BytesIO(export.export_bytes(con, "systems", "xlsx"))) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_xlsx_has_real_dates_and_numbers(con, tmp_path):
    load_samples(con, tmp_path, "classifications")
    sheet = load_workbook(io.BytesIO(export.export_bytes(con, "classifications", "xlsx"))).active
    header = [c.value for c in sheet[1]]
    first = dict(zip(header, [c.value for c in sheet[2]]))
    assert first["Klassad"].date().isoformat() == "2022-04-01"
    assert first["Uppfyllda åtgärder (%)"] == 62.5
    assert first["Tillgänglighet"] == 2


# --- Templates and any table (the change log) ---------------------------------------------

@pytest.mark.parametrize("fmt", export.FORMATS)
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_template_has_the_swedish_headers_and_an_example_that_validates(demo_copy, kind, fmt):
    payload = export.template_bytes(kind, fmt)
    if fmt == "csv":
        header = payload.decode("utf-8-sig").split("\r\n")[0].split(";")
    else:
        header = [c.value for c in load_workbook(io.BytesIO(payload)).active[1]]
    assert header == [c.header for c in contracts.KINDS[kind].columns]
    connection = db.connect(demo_copy)
    try:
        before = table(connection, kind)
        result = ingest.import_file(connection, kind, payload, file_name=f"mall.{fmt}", dry_run=True)
        assert result.ok, result.summary()
        assert result.rows == 1
        assert table(connection, kind) == before
    finally:
        connection.close()


HOSTILE = ["=1+1", "+46 70 123 45 67", "-2", "@SUM(A1)", "\t=tab", "\r=cr",
           "=HYPERLINK(\"http://x\";\"klicka\")", "vanlig text"]


def test_any_table_as_csv_has_no_live_formula():
    frame = pd.DataFrame({"=Vem": HOSTILE, "Antal": range(len(HOSTILE))})
    text = export.frame_bytes(frame, "csv", "Logg").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c.startswith(export.FORMULA_STARTS)] == []
    assert rows[0] == ["'=Vem", "Antal"]
    assert [row[0] for row in rows[1:]] == [export.formula_safe(h) for h in HOSTILE]


def test_any_table_as_xlsx_has_only_string_cells_for_text():
    frame = pd.DataFrame({"Vem": HOSTILE, "Antal": range(len(HOSTILE))})
    payload = export.frame_bytes(frame, "xlsx", "Logg")
    sheet = load_workbook(io.BytesIO(payload)).active
    texts = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in texts] == HOSTILE
    assert all(c.data_type == "s" for c in texts)
    assert [c.quotePrefix for c in texts] == [export.is_formula_like(h) for h in HOSTILE]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == list(range(len(HOSTILE)))
    assert_no_formula_element(payload)


def test_every_xlsx_text_cell_of_an_export_is_a_string(con, tmp_path):
    rows = [dict(SAMPLES["systems"][0], Systemid=f"S{i}", Systemnamn=text, Systemägare=text)
            for i, text in enumerate(FORMULAS)]
    load_samples(con, tmp_path, "systems", rows)
    payload = export.export_bytes(con, "systems", "xlsx")
    sheet = load_workbook(io.BytesIO(payload)).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                assert cell.data_type == "s", (cell.coordinate, cell.value)
                assert cell.quotePrefix == export.is_formula_like(cell.value)
    assert_no_formula_element(payload)


def assert_no_formula_element(payload: bytes) -> None:
    import zipfile
    with zipfile.ZipFile(io.BytesIO(payload)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
