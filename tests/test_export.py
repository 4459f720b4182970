"""Export: Swedish-Excel CSV and XLSX that re-import unchanged and never hold a live formula."""

from __future__ import annotations

import io

import pytest
from importfiles import PREREQUISITES, SAMPLES, write_excel_csv
from openpyxl import load_workbook

from lagesbild import contracts, db, export, ingest

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
    assert export.export_file(con, kind, fmt, out) == 2
    result = ingest.import_file(con, kind, out)
    assert result.ok, result.summary()
    assert (result.inserted, result.updated, result.unchanged) == (0, 0, 2)
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
