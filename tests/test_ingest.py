"""Import: what Swedish offices produce loads; every class of bad input is refused whole."""

from __future__ import annotations

import datetime as dt

import pytest
from importfiles import PREREQUISITES, SAMPLES, headers, write_excel_csv, write_xlsx

from lagesbild.data import contracts, ingest

ALL_KINDS = list(contracts.KINDS)


def load(con, tmp_path, kind, rows=None, **options):
    path = write_excel_csv(tmp_path / f"{kind}.csv", kind, rows, **options)
    return ingest.import_file(con, kind, path, changed_by="test")


def load_prerequisites(con, tmp_path, kind):
    for needed in PREREQUISITES.get(kind, []):
        result = load(con, tmp_path, needed)
        assert result.ok, result.summary()


def table_rows(con, kind):
    spec = contracts.KINDS[kind]
    return con.execute(f"SELECT * FROM {spec.table} ORDER BY ALL").fetchall()


def snapshot(con):
    """Every table's content, to prove a refused import changed nothing."""
    tables = {k: table_rows(con, k) for k in ALL_KINDS}
    tables["change_log"] = con.execute("SELECT * FROM change_log ORDER BY ALL").fetchall()
    return tables


# --- What loads ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ALL_KINDS)
def test_swedish_excel_csv_loads_every_kind(con, tmp_path, kind):
    load_prerequisites(con, tmp_path, kind)
    # A new database already holds the default threat catalogue; the samples add to it.
    before = len(table_rows(con, kind))
    result = load(con, tmp_path, kind)
    assert result.ok, result.summary()
    assert (result.rows, result.inserted, result.updated) == (2, 2, 0)
    assert len(table_rows(con, kind)) == before + 2


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_xlsx_with_real_date_cells_loads_every_kind(con, tmp_path, kind):
    load_prerequisites(con, tmp_path, kind)
    path = write_xlsx(tmp_path / f"{kind}.xlsx", kind)
    result = ingest.import_file(con, kind, path)
    assert result.ok, result.summary()
    assert result.inserted == 2
    from_xlsx = table_rows(con, kind)
    # The same rows from CSV change nothing: XLSX and CSV read to identical values.
    again = load(con, tmp_path, kind)
    assert again.ok and (again.inserted, again.updated, again.unchanged) == (0, 0, 2), again.summary()
    assert table_rows(con, kind) == from_xlsx


def test_characters_survive_windows_1252(con, tmp_path):
    load_prerequisites(con, tmp_path, "incidents")
    assert load(con, tmp_path, "incidents").ok
    title = con.execute("SELECT title FROM incidents WHERE incident_id = 'INC-1'").fetchall()[0][0]
    assert title == "Falsk faktura på 12 500 € till ”ekonomi”"


def test_values_are_typed_and_canonical(con, tmp_path):
    for kind in ("systems", "incidents", "sla", "risks"):
        assert load(con, tmp_path, kind).ok
    assert con.execute("SELECT reported_at, severity, personal_data_breach FROM incidents "
                       "WHERE incident_id = 'INC-2'").fetchall() == [
        (dt.datetime(2025, 10, 1, 8, 0, 30), 2, True)]
    assert con.execute("SELECT availability_pct, outage_minutes, tickets FROM sla "
                       "WHERE month = DATE '2025-02-01'").fetchall() == [(98.2, 725.5, 1204)]
    # Controlled values are stored in one spelling whatever case the file used.
    assert con.execute("SELECT DISTINCT treatment FROM risks").fetchall() == [("Reducera",)]
    assert con.execute("SELECT action_status FROM risks ORDER BY assessed_on").fetchall() == [
        ("Pågår",), ("Klar",)]
    assert con.execute("SELECT likelihood, consequence FROM risks ORDER BY assessed_on").fetchall() == [
        (3, 4), (2, 4)]


@pytest.mark.parametrize("delimiter,encoding,newline", [
    (",", "utf-8", "\n"), (";", "utf-8-sig", "\r\n"), ("\t", "utf-8", "\n"), (";", "cp1252", "\n")])
def test_csv_dialects(con, tmp_path, delimiter, encoding, newline):
    result = load(con, tmp_path, "systems", delimiter=delimiter, encoding=encoding, newline=newline)
    assert result.ok, result.summary()
    assert con.execute("SELECT name FROM systems ORDER BY system_id").fetchall() == [
        ("Ekonomisystem – moln",), ("Active Directory",)]


def test_english_headers_in_any_case_and_order(con, tmp_path):
    spec = contracts.KINDS["systems"]
    english = [c.name.upper() for c in reversed(spec.columns)]
    rows = [{c.name.upper(): row[c.header] for c in spec.columns} for row in SAMPLES["systems"]]
    result = load(con, tmp_path, "systems", rows, header=english, delimiter=",")
    assert result.ok, result.summary()
    assert len(table_rows(con, "systems")) == 2


def test_xlsx_sheet_named_for_the_kind_wins_over_the_first(con, tmp_path):
    path = write_xlsx(tmp_path / "s.xlsx", "systems", sheet_title="System", extra_first_sheet=True)
    result = ingest.import_file(con, "systems", path)
    assert result.ok, result.summary()
    assert result.inserted == 2


def test_extra_columns_are_reported_not_loaded(con, tmp_path):
    rows = [dict(r, Anteckning="intern") for r in SAMPLES["systems"]]
    result = load(con, tmp_path, "systems", rows, header=headers("systems") + ["Anteckning"])
    assert result.ok
    assert result.ignored_columns == ["Anteckning"]
    assert "Anteckning" in result.summary()


def test_trailing_empty_rows_from_excel_are_not_data(con, tmp_path):
    rows = SAMPLES["systems"] + [{}, {}]
    result = load(con, tmp_path, "systems", rows)
    assert result.ok, result.summary()
    assert result.rows == 2


# --- Upsert, dry run and the change log -----------------------------------------------------

def test_reimport_changes_nothing_but_the_change_log(con, tmp_path):
    load_prerequisites(con, tmp_path, "incidents")
    first = load(con, tmp_path, "incidents")
    before = table_rows(con, "incidents")
    second = load(con, tmp_path, "incidents")
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, 2)
    assert table_rows(con, "incidents") == before
    log = con.execute("SELECT kind, file_name, file_sha256, rows_inserted, rows_updated, rows_unchanged, "
                      "changed_by FROM change_log WHERE kind = 'incidents' ORDER BY change_id").fetchall()
    assert log == [("incidents", "incidents.csv", first.sha256, 2, 0, 0, "test"),
                   ("incidents", "incidents.csv", first.sha256, 0, 0, 2, "test")]
    assert len(first.sha256) == 64


def test_changed_row_is_updated_and_new_row_inserted(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    rows = [dict(SAMPLES["systems"][0], Systemägare="Ny ägare"), SAMPLES["systems"][1],
            dict(SAMPLES["systems"][1], Systemid="SYS-003", Systemnamn="Brandvägg")]
    result = load(con, tmp_path, "systems", rows)
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 1)
    assert con.execute("SELECT owner FROM systems WHERE system_id = 'SYS-001'").fetchall() == [("Ny ägare",)]


def test_history_is_kept_as_rows(con, tmp_path):
    load_prerequisites(con, tmp_path, "risks")
    assert load(con, tmp_path, "risks").ok
    later = [dict(SAMPLES["risks"][1], Bedömd="2026-03-01", Sannolikhet="1")]
    assert load(con, tmp_path, "risks", later).inserted == 1
    assert con.execute("SELECT assessed_on, likelihood FROM risks ORDER BY assessed_on").fetchall() == [
        (dt.date(2024, 3, 1), 3), (dt.date(2025, 3, 1), 2), (dt.date(2026, 3, 1), 1)]


def test_dry_run_reports_and_writes_nothing(con, tmp_path):
    path = write_excel_csv(tmp_path / "s.csv", "systems")
    result = ingest.import_file(con, "systems", path, dry_run=True)
    assert result.ok and result.inserted == 2
    assert "skulle läggas till" in result.summary()
    assert table_rows(con, "systems") == []
    assert con.execute("SELECT count(*) FROM change_log").fetchall() == [(0,)]


# --- What is refused --------------------------------------------------------------------------

def refused(con, tmp_path, kind, rows=None, **options):
    """Import ``rows`` and assert the file was refused whole; return its problem lines."""
    load_prerequisites(con, tmp_path, kind)
    before = snapshot(con)
    result = load(con, tmp_path, kind, rows, **options)
    assert not result.ok
    assert snapshot(con) == before
    return [p.line() for p in result.problems]


def with_value(kind, header, value, index=1):
    rows = [dict(r) for r in SAMPLES[kind]]
    rows[index][header] = value
    return rows


@pytest.mark.parametrize("kind,header,value,expected", [
    ("incidents", "Allvarlighetsgrad", "5", "Rad 3, kolumn Allvarlighetsgrad: '5' finns inte bland"),
    ("risks", "Sannolikhet", "5", "Rad 3, kolumn Sannolikhet: '5' finns inte bland"),
    ("classifications", "Tillgänglighet", "-1", "Rad 3, kolumn Tillgänglighet: '-1' finns inte bland"),
    ("incidents", "Kommun", "Västerås", "Rad 3, kolumn Kommun: 'Västerås' finns inte bland"),
    ("incidents", "Kategori", "Phishing", "Rad 3, kolumn Kategori: 'Phishing' finns inte bland"),
    ("incidents", "Orsak", "Otur", "Rad 3, kolumn Orsak: 'Otur' finns inte bland"),
    ("risks", "Behandling", "Ignorera", "Rad 3, kolumn Behandling: 'Ignorera' finns inte bland"),
    ("followups", "Bedömning", "kanske", "Rad 3, kolumn Bedömning: 'kanske' finns inte bland"),
    ("systems", "Infrastruktur", "kanske", "Rad 3, kolumn Infrastruktur: 'kanske' är inte ja eller nej"),
    ("incidents", "Åtgärdad", "2025-10-01 07:00", "Rad 3, kolumn Åtgärdad: Åtgärdad före anmäld"),
    ("incidents", "Anmäld", "2025-02-30 10:00", "Rad 3, kolumn Anmäld: '2025-02-30 10:00' är inte en giltig tidpunkt"),
    ("incidents", "Anmäld", "04/03/2025", "Rad 3, kolumn Anmäld: '04/03/2025' är inte en giltig tidpunkt"),
    ("sla", "Månad", "2025-13", "Rad 3, kolumn Månad: '2025-13' är inte en giltig månad"),
    ("sla", "Tillgänglighet (%)", "100,5", "Rad 3, kolumn Tillgänglighet (%): 100,5 ligger utanför"),
    ("sla", "Ärenden", "tolv", "Rad 3, kolumn Ärenden: 'tolv' är inte ett heltal"),
    ("sla", "Avbrott", "1,5", "Rad 3, kolumn Avbrott: '1,5' är inte ett heltal"),
    ("sla", "Inom åtgärdstid", "2000", "Rad 3, kolumn Inom åtgärdstid: Fler ärenden inom åtgärdstid"),
    ("classifications", "Klassad", "2024-02-30", "Rad 3, kolumn Klassad: '2024-02-30' är inte ett giltigt datum"),
    ("classifications", "Nästa översyn", "2024-01-01", "Rad 3, kolumn Nästa översyn: Nästa översyn ligger inte efter"),
    ("documents", "Beslutad", "1899-12-31", "Rad 3, kolumn Beslutad: Datumet 1899-12-31 är orimligt"),
    ("incidents", "Systemid", "SYS-999", "Rad 3, kolumn Systemid: 'SYS-999' finns inte i systemregistret"),
    ("followups", "Rekid", "REK-9", "Rad 3, kolumn Rekid: 'REK-9' finns inte i revisionens rekommendationer"),
    ("systems", "Systemnamn", "", "Rad 3, kolumn Systemnamn: Värde saknas"),
    ("risks", "Kvarstående konsekvens", "3", "Rad 3, kolumn Kvarstående konsekvens: Kvarstående sannolikhet och"),
    ("sla", "Kommun", "Västerås", "Rad 3, kolumn Kommun: 'Västerås' finns inte bland"),
    ("sla", "Avbrott", "0", "Rad 3, kolumn Avbrottstid (min): Avbrottstid anges men inga avbrott"),
    ("systems", "Systemid", "SYS-001", "Rad 3, kolumn Systemid: Samma nyckel (SYS-001) som rad 2"),
    ("documents", "Översyn (månader)", "0", "Rad 3, kolumn Översyn (månader): 0 ligger utanför"),
])
def test_bad_value_is_refused_with_row_and_column(con, tmp_path, kind, header, value, expected):
    lines = refused(con, tmp_path, kind, with_value(kind, header, value))
    assert any(line.startswith(expected) for line in lines), lines


def test_residual_risk_above_the_inherent_risk_is_refused(con, tmp_path):
    lines = refused(con, tmp_path, "risks", with_value("risks", "Kvarstående sannolikhet", "4", index=0))
    assert lines == ["Rad 2, kolumn Kvarstående konsekvens: Kvarstående risk är högre än risken "
                     "före behandling."]


def test_duplicate_composite_key_in_one_file(con, tmp_path):
    rows = [SAMPLES["sla"][0], dict(SAMPLES["sla"][0], **{"Ärenden": "20"})]
    lines = refused(con, tmp_path, "sla", rows)
    assert lines == ["Rad 3, kolumn Kommun: Samma nyckel (2025-01-01 / SYS-001 / Köping) som rad 2."]


def test_missing_column_is_named(con, tmp_path):
    header = [h for h in headers("systems") if h != "Kommun"]
    lines = refused(con, tmp_path, "systems", header=header)
    assert lines == ["Kolumner saknas: Kommun."]


def test_wrong_number_of_fields_names_the_line(con, tmp_path):
    path = write_excel_csv(tmp_path / "s.csv", "systems")
    text = path.read_bytes().decode("cp1252").replace("Gemensam;", "Gemensam;extra;", 1)
    path.write_bytes(text.encode("cp1252"))
    before = snapshot(con)
    result = ingest.import_file(con, "systems", path)
    assert not result.ok
    assert result.problems[0].line().startswith("Rad 3: Raden har fel antal fält (väntade 10, hittade 11)")
    assert snapshot(con) == before


@pytest.mark.parametrize("content,expected", [
    (b"", "Filen är tom."),
    (b"\xef\xbb\xbf \r\n", "Filen är tom."),
    (b"\x00\x01\x02\x03binary\x00" * 100, "Filen är varken en CSV-fil"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Filen är i det gamla Excel-formatet"),
    (b"PK\x03\x04 not really a zip", "Excel-filen kunde inte läsas"),
    ("Systemid;Systemnamn;Kommun;Systemägare;Kategori;SLA-nivå;Infrastruktur;Kontinuitetsplan;"
     "Förvaltningsplan\r\n".encode("cp1252"), "Filen har rubrikrad men inga datarader."),
    (b"\x81\x8d\x8f\x90\x9d", "Filen är inte text i UTF-8 eller Windows-1252."),
])
def test_unreadable_files_are_refused(con, tmp_path, content, expected):
    before = snapshot(con)
    result = ingest.import_file(con, "systems", content, file_name="fil.csv")
    assert not result.ok
    assert result.problems[0].line().startswith(expected), result.problems
    assert snapshot(con) == before


def test_oversized_file_is_refused_before_reading(con, tmp_path):
    path = write_excel_csv(tmp_path / "s.csv", "systems")
    result = ingest.import_file(con, "systems", path, max_bytes=100)
    assert not result.ok
    assert result.problems[0].message().startswith("Filen är för stor")
    assert table_rows(con, "systems") == []


def test_unknown_kind(con, tmp_path):
    result = ingest.import_file(con, "kunder", b"a;b\n1;2\n")
    assert not result.ok
    assert result.problems[0].message().startswith("Okänt dataslag 'kunder'")


def test_at_most_fifty_problems_are_listed_with_the_total(con, tmp_path):
    # Each row a different unknown value: a value repeated on many rows is one problem.
    rows = [dict(SAMPLES["systems"][0], Systemid=f"S{i}", Kommun=f"Västerås {i}") for i in range(120)]
    lines = refused(con, tmp_path, "systems", rows)
    assert len(lines) == 50
    result = load(con, tmp_path, "systems", rows)
    assert result.problem_count == 120
    assert "… och 70 fel till." in result.summary().replace("...", "…")


def test_one_bad_row_among_thousands_rejects_everything(con, tmp_path):
    rows = [dict(SAMPLES["systems"][0], Systemid=f"SYS-{i:05d}") for i in range(5000)]
    rows[4321]["SLA-nivå"] = "Platina"
    lines = refused(con, tmp_path, "systems", rows)
    assert lines == ["Rad 4323, kolumn SLA-nivå: 'Platina' finns inte bland de tillåtna värdena: "
                     "Guld, Silver, Brons."]


def test_hostile_text_is_stored_as_text(con, tmp_path):
    hostile = "x'); DROP TABLE systems; -- <script>alert(1)</script>"
    rows = [dict(SAMPLES["systems"][0], Systemnamn=hostile)]
    assert load(con, tmp_path, "systems", rows).ok
    assert con.execute("SELECT name FROM systems").fetchall() == [(hostile,)]


def test_problem_messages_have_english_twins(con, tmp_path):
    result = load(con, tmp_path, "incidents", with_value("incidents", "Kommun", "Västerås"))
    assert not result.ok
    english = [p.line("en") for p in result.problems]
    assert any(line.startswith("Row 3, column Kommun: 'Västerås' is not one of the allowed values")
               for line in english), english
