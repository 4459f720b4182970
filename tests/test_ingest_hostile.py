"""Import: the importer's own leniency (offsets, display forms, columns left out, one pass of
problems) and the hostile files that used to slip through or get misleading messages."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import shutil
import subprocess
import time
import tracemalloc
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import pandas as pd
import pytest
from hostile_files import (Percent, Sheet, bomb_xlsx, csv_bytes, csv_with_text_after, docx_bytes,
                           encrypted_workbook, kind_rows, long_line_csv, mixed_encoding_csv, sample,
                           utf16_text, xlsx_bytes)
from importfiles import SAMPLES, headers
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from lagesbild.data import contracts, db, export, ingest
from lagesbild.formatting import fmt_int

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def load_systems(con):
    result = ingest.import_file(con, "systems", csv_bytes("systems"), changed_by="test")
    assert result.ok, result.summary()


def snapshot(con):
    return {kind: con.execute(f"SELECT * FROM {spec.table} ORDER BY ALL").fetchall()
            for kind, spec in contracts.KINDS.items()} | {
        "change_log": con.execute("SELECT * FROM change_log ORDER BY ALL").fetchall()}


def refused_lines(con, kind, data, lang="sv", **options):
    before = snapshot(con)
    result = ingest.import_file(con, kind, data, file_name="fil", changed_by="test", **options)
    assert not result.ok
    assert snapshot(con) == before
    return [p.line(lang) for p in result.problems]


# --- Times with an offset, converted to Swedish time ------------------------------------

OFFSET_TIMES = [
    "2025-03-31 23:30:00-02:00", "2025-01-15T10:00:00Z", "2025-06-01 12:00:00+0000",
    "2025-06-01T12:00:00.750+02:00", "2025-02-01 08:15+01",
    # Spring: 02:00 becomes 03:00 on 30 March 2025 (01:00 UTC).
    "2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z",
    # Autumn: 03:00 becomes 02:00 on 26 October 2025 (01:00 UTC); 02:30 happens twice.
    "2025-10-26T00:30:00Z", "2025-10-26T01:30:00Z", "2025-10-26 02:30:00+01:00",
]


def stockholm(text: str) -> dt.datetime:
    """The independent conversion: Python's zoneinfo, to whole seconds."""
    moment = dt.datetime.fromisoformat(text if not text.endswith("+01") else text + ":00")
    return moment.astimezone(STOCKHOLM).replace(tzinfo=None, microsecond=0)


def test_times_with_an_offset_are_converted_to_swedish_time(con):
    load_systems(con)
    rows = [sample("incidents", 1, Incidentid=f"INC-{i}", Anmäld=text, Rapporterad="")
            for i, text in enumerate(OFFSET_TIMES)]
    # Without an offset a time is Swedish already, and is stored as written.
    rows.append(sample("incidents", 1, Incidentid="INC-plain", Anmäld="2025-03-30 02:30", Rapporterad=""))
    result = ingest.import_file(con, "incidents", csv_bytes("incidents", rows), changed_by="test")
    assert result.ok, result.summary()
    stored = dict(con.execute("SELECT incident_id, reported_at FROM incidents").fetchall())
    assert {f"INC-{i}": stockholm(text) for i, text in enumerate(OFFSET_TIMES)} == {
        k: v for k, v in stored.items() if k != "INC-plain"}
    assert stored["INC-plain"] == dt.datetime(2025, 3, 30, 2, 30)
    # The two switches, spelled out.
    assert stored["INC-5"] == dt.datetime(2025, 3, 30, 1, 59, 59)
    assert stored["INC-6"] == dt.datetime(2025, 3, 30, 3, 0)
    assert stored["INC-7"] == stored["INC-8"] == stored["INC-9"] == dt.datetime(2025, 10, 26, 2, 30)
    assert stored["INC-0"] == dt.datetime(2025, 4, 1, 3, 30)


def test_an_offset_is_converted_in_an_excel_text_cell_too(con):
    load_systems(con)
    rows = kind_rows("incidents", [sample("incidents", 1, Anmäld="2025-01-15T10:00:00Z")])
    result = ingest.import_file(con, "incidents", xlsx_bytes([Sheet("Blad1", rows)]), changed_by="test")
    assert result.ok, result.summary()
    assert con.execute("SELECT reported_at FROM incidents").fetchall() == [(dt.datetime(2025, 1, 15, 11, 0),)]


def test_an_unknown_zone_is_refused_not_cut(con):
    load_systems(con)
    rows = [sample("incidents", 1, Anmäld="2025-01-15 10:00:00 Mars/Olympus")]
    assert refused_lines(con, "incidents", csv_bytes("incidents", rows)) == [
        "Rad 2, kolumn Anmäld: '2025-01-15 10:00:00 Mars/Olympus' är inte en giltig tidpunkt "
        "(ÅÅÅÅ-MM-DD TT:MM)."]


# --- Our own display forms --------------------------------------------------------------

def test_every_display_form_of_a_numbered_scale_is_accepted():
    for vocabulary in (contracts.SEVERITIES, contracts.LIKELIHOODS, contracts.CONSEQUENCES,
                       contracts.KLASSA_LEVELS):
        spellings = vocabulary.spellings()
        for value, labels in vocabulary.labels.items():
            for label in labels:
                for text in (f"{value} ({label})", f"{label} ({value})", f"{value} {label}"):
                    assert spellings[text.lower()] == value, text


def test_display_forms_import_and_a_mismatched_pair_is_refused(con):
    load_systems(con)
    rows = [sample("incidents", 0, Incidentid="A", Allvarlighetsgrad="4 (Kritisk)"),
            sample("incidents", 0, Incidentid="B", Allvarlighetsgrad="Kritisk (4)"),
            sample("incidents", 0, Incidentid="C", Allvarlighetsgrad="3 Hög")]
    assert ingest.import_file(con, "incidents", csv_bytes("incidents", rows), changed_by="t").ok
    assert con.execute("SELECT incident_id, severity FROM incidents ORDER BY 1").fetchall() == [
        ("A", 4), ("B", 4), ("C", 3)]
    rows = [sample("classifications", 0, Konfidentialitet="3 Allvarlig", Riktighet="2 (Betydande)")]
    assert ingest.import_file(con, "classifications", csv_bytes("classifications", rows), changed_by="t").ok
    assert con.execute("SELECT confidentiality, integrity FROM classifications").fetchall() == [(3, 2)]
    lines = refused_lines(con, "incidents", csv_bytes("incidents", [sample("incidents", 0,
                                                                          Allvarlighetsgrad="3 (Kritisk)")]))
    assert lines[0].startswith("Rad 2, kolumn Allvarlighetsgrad: '3 (Kritisk)' finns inte bland")


# --- Columns that may be empty may be left out ------------------------------------------

def test_a_column_that_may_be_empty_may_be_missing(con):
    load_systems(con)
    assert ingest.import_file(con, "incidents", csv_bytes("incidents"), changed_by="t").ok
    header = [h for h in headers("incidents") if h not in ("Åtgärdad", "Rapporterad", "Systemid")]
    rows = [sample("incidents", 0, Rubrik="Ny rubrik"), sample("incidents", 1, Incidentid="INC-3")]
    result = ingest.import_file(con, "incidents", csv_bytes("incidents", rows, header=header), changed_by="t")
    assert result.ok, result.summary()
    assert result.kept_columns == ["resolved_at", "system_id", "reported_to_authority_at"]
    assert (result.inserted, result.updated) == (1, 1)
    stored = con.execute("SELECT incident_id, title, resolved_at, system_id FROM incidents "
                         "ORDER BY 1").fetchall()
    # Stored values are kept, as for a column added to the format later; a new row is empty.
    assert stored == [("INC-1", "Ny rubrik", dt.datetime(2025, 3, 5, 9, 10), "SYS-001"),
                      ("INC-2", "Nätfiskemejl till löneadministratörer", None, None),
                      ("INC-3", "Nätfiskemejl till löneadministratörer", None, None)]


# --- Every problem in one pass ----------------------------------------------------------

def test_header_and_value_problems_come_together(con):
    load_systems(con)
    header = ["Incidentid", "Rubrik", "Rubrik", "Anmäld", "Atgardad", "Systemid", "Kategori",
              "Orsak", "Allvarlighetsgrad", "Personuppgiftsincident", "Betydande", "Ärendetyp"]
    rows = [sample("incidents", 0, Atgardad="2025-03-05", Allvarlighetsgrad="Extrem"),
            sample("incidents", 1, Anmäld="igår")]
    before = snapshot(con)
    result = ingest.import_file(con, "incidents", csv_bytes("incidents", rows, header=header), changed_by="t")
    assert [p.line() for p in result.problems] == [
        "Kolumner saknas: Kommun.",
        "Kolumn Rubrik: Kolumnen finns flera gånger.",
        "Kolumn Atgardad: Kolumnen ingår inte i formatet; menade du Åtgärdad?",
        "Rad 2, kolumn Allvarlighetsgrad: 'Extrem' finns inte bland de tillåtna värdena: 1 (Låg), "
        "2 (Medel), 3 (Hög), 4 (Kritisk).",
        "Rad 3, kolumn Anmäld: 'igår' är inte en giltig tidpunkt (ÅÅÅÅ-MM-DD TT:MM)."]
    assert result.problem_count == 5
    # A column that is not like any of ours is still only noted.
    assert result.ignored_columns == ["Ärendetyp"]
    assert snapshot(con) == before
    assert result.problems[2].line("en") == (
        "Column Atgardad: The column is not part of the format; did you mean Åtgärdad?")


def test_a_value_without_a_mapping_is_named_once_with_its_count(con):
    load_systems(con)
    rows = [sample("incidents", i % 2, Incidentid=f"INC-{i}",
                   Kategori="Phishing" if i % 10 else "Spam") for i in range(40)]
    lines = refused_lines(con, "incidents", csv_bytes("incidents", rows))
    allowed = ", ".join(label for label, _ in contracts.INCIDENT_CATEGORIES.labels.values())
    assert lines == [
        f"Rad 2, kolumn Kategori: 'Spam' finns inte bland de tillåtna värdena: {allowed}. "
        "4 rader har det värdet, den första är rad 2.",
        f"Rad 3, kolumn Kategori: 'Phishing' finns inte bland de tillåtna värdena: {allowed}. "
        "36 rader har det värdet, den första är rad 3."]
    result = ingest.import_file(con, "incidents", csv_bytes("incidents", rows), changed_by="t")
    assert result.problem_count == 2
    assert result.problems[1].line("en").endswith("36 rows have this value, the first is row 3.")


# --- Dates that are not dates -----------------------------------------------------------

@pytest.mark.parametrize("kind,column,value", [
    ("incidents", "Anmäld", "infinity"), ("incidents", "Åtgärdad", "-infinity"),
    ("systems", "Kontinuitetsplan", "infinity"), ("risks", "Bedömd", "-infinity")])
def test_infinity_is_not_a_date(con, kind, column, value):
    load_systems(con)
    for needed in ("analyses", "threats"):
        assert ingest.import_file(con, needed, csv_bytes(needed), changed_by="t").ok
    data = csv_bytes(kind, [sample(kind, 0, **{column: value}), sample(kind, 1)])
    lines = refused_lines(con, kind, data)
    assert re.match(f"Rad 2, kolumn {column}: '{value}' är inte (ett giltigt datum|en giltig tidpunkt)",
                    lines[0]), lines
    assert all(line.startswith("Rad 2") for line in lines)
    # The data page's preview of the refused file can be drawn.
    result = ingest.import_file(con, kind, data, preview_rows=5)
    assert len(result.preview) == 2 and result.preview.iloc[0].isna().any()


# --- Numbers ----------------------------------------------------------------------------

def test_overflow_is_named_in_swedish_with_row_and_column(con):
    load_systems(con)
    rows = [sample("sla", 0, **{"Ärenden": "3000000000", "Inom åtgärdstid": ""}),
            sample("sla", 1, **{"Avbrott": "1e30"}),
            sample("sla", 1, Månad="2025-03", **{"Inom åtgärdstid": "inf"}),
            sample("sla", 1, Månad="2025-04", **{"Tillgänglighet (%)": "inf"}),
            sample("sla", 1, Månad="2025-05", **{"Avbrottstid (min)": "nan"})]
    lines = refused_lines(con, "sla", csv_bytes("sla", rows))
    whole = "0–2\u00a0147\u00a0483\u00a0647"
    assert lines == [
        f"Rad 2, kolumn Ärenden: 3000000000 ligger utanför det tillåtna intervallet {whole}.",
        f"Rad 3, kolumn Avbrott: 1e30 ligger utanför det tillåtna intervallet {whole}.",
        f"Rad 4, kolumn Inom åtgärdstid: Inf ligger utanför det tillåtna intervallet {whole}.",
        "Rad 4, kolumn Inom åtgärdstid: Fler ärenden inom åtgärdstid än ärenden totalt.",
        "Rad 5, kolumn Tillgänglighet (%): Inf ligger utanför det tillåtna intervallet 0–100.",
        "Rad 6, kolumn Avbrottstid (min): Nan ligger utanför det tillåtna intervallet 0–44\u00a0640."]
    assert refused_lines(con, "sla", csv_bytes("sla", rows), lang="en")[0] == (
        "Row 2, column Ärenden: 3000000000 is outside the allowed range 0–2,147,483,647.")


# --- Excel: what a cell shows, what a sheet states, which sheet -------------------------

def sla_sheet(*rows: list[object]) -> bytes:
    return xlsx_bytes([Sheet("Blad1", [headers("sla"), *rows])])


def test_percent_formatted_cells_are_read_as_shown(con):
    load_systems(con)
    first = [*kind_rows("sla")[1]]
    first[3], first[4] = Percent(0.995), Percent(0.9987, format_id=164)
    second = [*kind_rows("sla")[2]]
    second[4] = 98.2       # a plain number is a percentage already
    result = ingest.import_file(con, "sla", sla_sheet(first, second), changed_by="t")
    assert result.ok, result.summary()
    assert con.execute("SELECT availability_target_pct, availability_pct FROM sla ORDER BY month").fetchall() == [
        (99.5, 99.87), (99.5, 98.2)]


def test_a_stale_sheet_size_does_not_lose_rows(con):
    rows = kind_rows("systems", [sample("systems", 0, Systemid=f"SYS-{i}") for i in range(5)])
    result = ingest.import_file(con, "systems", xlsx_bytes([Sheet("Blad1", rows, dimension="A1:L2")]),
                                changed_by="t")
    assert result.ok, result.summary()
    assert result.rows == 5
    assert con.execute("SELECT count(*) FROM systems").fetchall() == [(5,)]


def test_an_absurd_sheet_size_does_not_hang(con):
    # Taken at its word, the stated size makes every row 16 384 cells wide.
    rows = [sample("systems", 0, Systemid=f"SYS-{i}") for i in range(3000)]
    data = xlsx_bytes([Sheet("Blad1", kind_rows("systems", rows), dimension="A1:XFD1048576")])
    begin = time.perf_counter()
    result = ingest.import_file(con, "systems", data, changed_by="t")
    assert result.ok and result.rows == 3000, result.summary()
    assert time.perf_counter() - begin < 10


def test_a_hidden_first_sheet_is_passed_over(con):
    old = [sample("systems", 0, Systemid="GAMMAL-1")]
    data = xlsx_bytes([Sheet("Gammal", kind_rows("systems", old), state="hidden"),
                       Sheet("Blad2", kind_rows("systems"))])
    assert ingest.import_file(con, "systems", data, changed_by="t").ok
    assert con.execute("SELECT system_id FROM systems ORDER BY 1").fetchall() == [("SYS-001",), ("SYS-002",)]


def test_too_many_columns_are_refused(con):
    header = [*headers("systems"), *(f"Extra {i}" for i in range(ingest.MAX_XLSX_COLUMNS))]
    lines = refused_lines(con, "systems", xlsx_bytes([Sheet("Blad1", [header])]))
    assert lines == [f"Bladet har {fmt_int(len(header))} kolumner; högst 1\u00a0000 kan läsas."]


def test_a_zip_bomb_is_refused_from_the_directory(con):
    data = bomb_xlsx(3_200_000_000)
    assert len(data) < 4 * 1024 * 1024
    tracemalloc.start()
    begin = time.perf_counter()
    lines = refused_lines(con, "systems", data)
    seconds = time.perf_counter() - begin
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert lines == ["Excel-filen packas upp till 3051 MB; högst 512 MB kan läsas in. "
                     "Dela upp den eller spara den som CSV."]
    assert seconds < 2 and peak < 64 * 1024 * 1024


def test_a_workbook_packed_far_beyond_xml_is_refused(con):
    lines = refused_lines(con, "systems", bomb_xlsx(200_000_000))
    assert len(lines) == 1 and re.fullmatch(
        r"Excel-filen packas upp till \d+ gånger sin storlek, långt mer än en arbetsbok gör; "
        r"den läses inte in\.", lines[0])


# --- Text: encodings, control characters, line length ------------------------------------

def test_a_file_mixing_utf8_and_windows_1252_is_refused_at_the_first_bad_line(con):
    data, line = mixed_encoding_csv(utf8_first=True)
    assert refused_lines(con, "systems", data) == [
        f"Rad {line}: Filen blandar teckenkodningar: raden är inte i UTF-8 som filen före den. "
        "Spara hela filen på nytt i en kodning (helst UTF-8)."]
    data, line = mixed_encoding_csv(utf8_first=False)
    assert refused_lines(con, "systems", data)[0].startswith(
        f"Rad {line}: Filen blandar teckenkodningar: raden är inte i Windows-1252")


def test_a_pure_windows_1252_file_still_imports(con):
    result = ingest.import_file(con, "systems", csv_bytes("systems", encoding="cp1252"), changed_by="t")
    assert result.ok, result.summary()
    assert con.execute("SELECT name FROM systems ORDER BY 1").fetchall()[1] == ("Ekonomisystem – moln",)


def test_excel_unicode_text_is_read(con):
    load_systems(con)
    result = ingest.import_file(con, "incidents", utf16_text("incidents"), changed_by="t")
    assert result.ok, result.summary()
    assert con.execute("SELECT title FROM incidents ORDER BY 1").fetchall()[0] == (
        "Falsk faktura på 12 500 € till ”ekonomi”",)


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x01", "\x0c"])
def test_control_characters_are_refused_with_row_and_column(con, character):
    data, row = csv_with_text_after("systems", "Systemägare", f"IT{character}chef")
    assert refused_lines(con, "systems", data) == [
        f"Rad {row}, kolumn Systemägare: Texten innehåller ett styrtecken (U+{ord(character):04X}) "
        "som inte kan sparas; ta bort det."]


def test_control_characters_are_refused_in_edits_too(con):
    # (A workbook cannot carry them: XML has no way to write them but Excel's _x001B_, which
    # is read as the text it is.)
    frame = pd.DataFrame([{"system_id": "SYS-9", "name": "Nytt\x07system", "municipality": "Köping",
                           "category": "Ekonomi", "infrastructure": "nej"}])
    result = ingest.import_rows(con, "systems", frame, changed_by="anna")
    assert [p.line() for p in result.problems] == [
        "Rad 1, kolumn Systemnamn: Texten innehåller ett styrtecken (U+0007) som inte kan sparas; "
        "ta bort det."]


def test_words_line_break_is_stored_as_a_line_break(con):
    rows = [sample("systems", 0, Systemnamn="Ekonomi\x0bmoln"), sample("systems", 1)]
    assert ingest.import_file(con, "systems", csv_bytes("systems", rows), changed_by="t").ok
    names = [name for (name,) in con.execute("SELECT name FROM systems").fetchall()]
    assert "Ekonomi\nmoln" in names and not any(ILLEGAL_CHARACTERS_RE.search(n) for n in names)
    # The export, which failed on stored control characters, writes the workbook.
    assert export.export_bytes(con, "systems", "xlsx")[:2] == b"PK"


def test_an_over_long_line_is_named_as_such(con):
    lines = refused_lines(con, "systems", long_line_csv())
    assert lines[0].startswith("Rad 3: Raden är längre än 2 MB.")
    assert "fält" not in lines[0].split(".")[0]


def test_csv_messages_have_no_swedish_in_english(con):
    text = csv_bytes("systems").decode().replace("Gemensam;", "Gemensam;extra;", 1).encode()
    fields = len(contracts.KINDS["systems"].columns)
    assert refused_lines(con, "systems", text, lang="en") == [
        f"Row 3: The row has the wrong number of fields (expected {fields}, found {fields + 1})."]


# --- Files that are not what they seem ---------------------------------------------------

def test_a_password_protected_workbook_is_named_so(con):
    assert refused_lines(con, "systems", encrypted_workbook()) == [
        "Excel-filen är lösenordsskyddad (krypterad) och kan inte läsas. Spara en kopia utan "
        "lösenord och läs in den."]


def test_a_word_file_is_named_so(con):
    assert refused_lines(con, "systems", docx_bytes()) == [
        "Filen är ett Word-dokument, inte en Excel-arbetsbok. Spara tabellen som .xlsx eller CSV."]
    assert refused_lines(con, "systems", docx_bytes(), lang="en") == [
        "The file is a Word document, not an Excel workbook. Save the table as .xlsx or CSV."]


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system, to fill: needs root (mount)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, timeout=10)
    if done.returncode:
        pytest.skip("tmpfs cannot be mounted here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10)


def test_a_full_disk_gets_a_swedish_message(small_disk):
    con = db.connect(small_disk / "lagesbild.duckdb")
    try:
        # Names that do not compress: hex digits of a hash.
        rows = [sample("systems", 0, Systemid=f"SYS-{i:06d}",
                       Systemnamn=hashlib.sha512(str(i).encode()).hexdigest()[:190]) for i in range(30000)]
        result = ingest.import_file(con, "systems", csv_bytes("systems", rows), changed_by="t")
    finally:
        try:
            con.close()
        except duckdb.Error:
            pass
    assert not result.ok
    assert [p.line() for p in result.problems] == [
        "Disken är full, så ingenting lästes in. Frigör utrymme på servern och försök igen."]


# --- The database file ------------------------------------------------------------------

def test_a_sqlite_file_is_refused_without_fetching_extensions(tmp_path):
    import sqlite3

    path = tmp_path / "annan.db"
    sqlite3.connect(path).execute("CREATE TABLE t (a)").connection.close()
    with pytest.raises(db.DatabaseError, match="är en SQLite-databas, inte en Lägesbild-databas"):
        db.connect(path)
    con = db.connect(tmp_path / "lagesbild.duckdb")
    try:
        assert con.execute("SELECT current_setting('autoinstall_known_extensions'), "
                           "current_setting('autoload_known_extensions')").fetchall() == [(False, False)]
    finally:
        con.close()
