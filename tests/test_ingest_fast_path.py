"""The import's shortcuts keep what it guarantees: SLA keys stay unique without a declared
key, a CSV is read where it lies only while it holds the bytes that were hashed, and the
parsing and checking done in one pass accept and refuse what they did before."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from pathlib import Path

import pandas as pd
from importfiles import SAMPLES, write_excel_csv, write_xlsx

from lagesbild.data import ingest

ROOT = Path(__file__).resolve().parent.parent


def load(con, tmp_path, kind, rows=None, name=None, **options):
    path = write_excel_csv(tmp_path / (name or f"{kind}.csv"), kind, rows, **options)
    return ingest.import_file(con, kind, path, changed_by="test")


def sla_row(month, municipality="Köping", **values):
    return dict(SAMPLES["sla"][0], **{"Månad": month, "Kommun": municipality}, **values)


def repeated_sla_keys(con):
    return con.execute("SELECT month, system_id, municipality, count(*) FROM sla "
                       "GROUP BY ALL HAVING count(*) > 1").fetchall()


# --- The SLA key, kept by the importer ------------------------------------------------------

def test_sla_declares_no_primary_key_but_keeps_its_checks(con):
    constraints = {t for (t,) in con.execute(
        "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'sla'").fetchall()}
    assert "PRIMARY KEY" not in constraints and "UNIQUE" not in constraints
    assert {"NOT NULL", "CHECK"} <= constraints


def test_reimport_of_an_overlapping_sla_file_leaves_every_key_once(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    first = load(con, tmp_path, "sla", [sla_row("2025-01"), sla_row("2025-02"), sla_row("2025-03")])
    assert (first.inserted, first.updated, first.unchanged) == (3, 0, 0)
    overlapping = [sla_row("2025-02", **{"Ärenden": "20"}), sla_row("2025-03"), sla_row("2025-04"),
                   sla_row("2025-03", "Arboga")]
    second = load(con, tmp_path, "sla", overlapping, name="sla-2.csv")
    assert (second.inserted, second.updated, second.unchanged) == (2, 1, 1)
    assert repeated_sla_keys(con) == []
    assert con.execute("SELECT count(*) FROM sla").fetchall() == [(5,)]
    assert con.execute("SELECT tickets FROM sla WHERE month = '2025-02-01'").fetchall() == [(20,)]
    third = load(con, tmp_path, "sla", overlapping, name="sla-3.csv")
    assert (third.inserted, third.updated, third.unchanged) == (0, 0, 4)
    assert repeated_sla_keys(con) == []


def test_an_sla_file_repeating_a_key_is_refused_whole(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    assert load(con, tmp_path, "sla", [sla_row("2025-01")]).ok
    rows = [sla_row("2025-02"), sla_row("2025-03"), sla_row("2025-02", **{"Ärenden": "20"})]
    result = load(con, tmp_path, "sla", rows, name="sla-2.csv")
    assert [p.line() for p in result.problems] == [
        "Rad 4, kolumn Kommun: Samma nyckel (2025-02-01 / SYS-001 / Köping) som rad 2."]
    assert con.execute("SELECT month FROM sla").fetchall() == [(dt.date(2025, 1, 1),)]


def test_simultaneous_imports_of_overlapping_sla_files_leave_every_key_once(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    paths = [write_excel_csv(tmp_path / f"sla-{i}.csv", "sla",
                             [sla_row(f"2025-{m:02d}", **{"Ärenden": str(20 + i)}) for m in range(1, 13)])
             for i in range(4)]
    results = []

    def run(path):
        results.append(ingest.import_file(con, "sla", path, changed_by="test"))

    threads = [threading.Thread(target=run, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r.ok for r in results), [r.summary() for r in results]
    assert sorted((r.inserted, r.updated) for r in results) == [(0, 12), (0, 12), (0, 12), (12, 0)]
    assert repeated_sla_keys(con) == []
    assert con.execute("SELECT count(*) FROM sla").fetchall() == [(12,)]


WRITES_SLA = re.compile(
    r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|COPY|TRUNCATE|ALTER\s+TABLE|DROP\s+TABLE"
    r"|CREATE\s+(OR\s+REPLACE\s+)?TABLE)\s+(main\.)?sla\b", re.IGNORECASE)
# A write to a table named by a variable, as the importer's upsert is written.
WRITES_A_NAMED_TABLE = re.compile(r"\b(INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|COPY)\s+\{")
SCHEMA_WITH_SLA = {"001_initial.sql", "009_sla_key_kept_by_importer.sql",
                   "010_sla_counts_may_be_unknown.sql", "011_sla_months_staging.sql"}
CODE_FOLDERS = ("lagesbild", "app_pages", "queries", "scripts", "bench")


def test_only_the_importer_writes_the_sla_table():
    """The importer's check is what keeps SLA keys unique, so nothing else may write the table."""
    sources = [*ROOT.glob("*.py"), *(p for folder in CODE_FOLDERS for p in (ROOT / folder).rglob("*")
                                     if p.suffix in (".py", ".sql"))]
    assert any(p.name == "ingest.py" for p in sources)
    by_name = [str(p.relative_to(ROOT)) for p in sources
               if WRITES_SLA.search(p.read_text(encoding="utf-8")) and p.name not in SCHEMA_WITH_SLA]
    assert by_name == []
    by_variable = sorted({str(p.relative_to(ROOT)) for p in sources
                          if WRITES_A_NAMED_TABLE.search(p.read_text(encoding="utf-8"))})
    assert by_variable == ["lagesbild/data/ingest.py"]


# --- Reading the file ---------------------------------------------------------------------

def test_windows_1252_after_the_first_64_kilobytes_is_read_as_such(con, tmp_path):
    # A Windows-1252 export whose first 64 kB happen to be plain ASCII, as UTF-8 is too.
    lines = ["system_id;name;municipality;owner;category;sla_tier;infrastructure;"
             "continuity_plan_date;management_plan_date"]
    lines += [f"SYS-{i:05d};Payroll;Arboga;IT;Ekonomi;Guld;nej;;" for i in range(2000)]
    lines.append("SYS-99999;Växel – € och ”citat”;Köping;IT;Ekonomi;Guld;nej;;")
    data = "\r\n".join(lines).encode("cp1252")
    assert len(data) > 65536 and data.index(b"\xe4") > 65536
    path = tmp_path / "systems.csv"
    path.write_bytes(data)
    result = ingest.import_file(con, "systems", path, changed_by="test")
    assert result.ok, result.summary()
    assert con.execute("SELECT name, municipality FROM systems WHERE system_id = 'SYS-99999'").fetchall() == [
        ("Växel – € och ”citat”", "Köping")]
    assert con.execute("SELECT count(*) FROM systems").fetchall() == [(2001,)]


def test_a_file_changed_after_it_was_read_loads_the_bytes_that_were_hashed(con, tmp_path, monkeypatch):
    path = write_excel_csv(tmp_path / "systems.csv", "systems")
    read_source = ingest._read_source

    def read_then_change(source, max_bytes):
        read = read_source(source, max_bytes)
        Path(source).write_bytes(read.data.replace(b"Active Directory", b"Nytt namn"))
        return read

    monkeypatch.setattr(ingest, "_read_source", read_then_change)
    original = path.read_bytes()
    result = ingest.import_file(con, "systems", path, changed_by="test")
    assert result.ok, result.summary()
    assert result.sha256 == hashlib.sha256(original).hexdigest()
    assert con.execute("SELECT name FROM systems ORDER BY system_id").fetchall() == [
        ("Ekonomisystem – moln",), ("Active Directory",)]


def test_a_file_name_with_pattern_characters_is_read_as_named(con, tmp_path):
    result = load(con, tmp_path, "systems", name="system [2025] *?.csv")
    assert result.ok, result.summary()
    assert result.rows == 2


def test_rows_keep_their_excel_numbers_after_empty_rows(con, tmp_path):
    rows = [SAMPLES["systems"][0], {}, dict(SAMPLES["systems"][1], Kommun="Västerås")]
    result = load(con, tmp_path, "systems", rows)
    assert [p.line() for p in result.problems] == [
        "Rad 4, kolumn Kommun: 'Västerås' finns inte bland de tillåtna värdena: Arboga, Köping, "
        "Kungsör, Surahammar, Gemensam (förbundet)."]


# --- Parsing and checking in one pass -----------------------------------------------------------

def test_month_and_date_written_as_first_day_or_midnight_still_parse(con, tmp_path):
    assert load(con, tmp_path, "systems",
                [dict(SAMPLES["systems"][0], Kontinuitetsplan="2024-03-01 00:00")]).ok
    assert con.execute("SELECT continuity_plan_date FROM systems").fetchall() == [(dt.date(2024, 3, 1),)]
    assert load(con, tmp_path, "sla", [sla_row("2025-03-01"), sla_row("2025-4")]).ok
    assert con.execute("SELECT month FROM sla ORDER BY month").fetchall() == [
        (dt.date(2025, 3, 1),), (dt.date(2025, 4, 1),)]


def test_a_month_written_as_a_date_not_on_the_first_is_refused(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    result = load(con, tmp_path, "sla", [sla_row("2025-03-02")])
    assert [p.line() for p in result.problems] == [
        "Rad 2, kolumn Månad: '2025-03-02' är inte en giltig månad (ÅÅÅÅ-MM)."]


def test_every_problem_is_counted_and_listed_in_row_order(con, tmp_path):
    assert load(con, tmp_path, "systems").ok
    rows = [sla_row("2025-01", **{"Tillgänglighet (%)": "101", "Ärenden": "x"}),
            sla_row("2025-02", "Västerås", Systemid="SYS-404"),
            sla_row("2025-01", **{"Avbrott": "0"})]
    result = load(con, tmp_path, "sla", rows)
    assert result.problem_count == 6
    assert [p.line() for p in result.problems] == [
        "Rad 2, kolumn Tillgänglighet (%): 101 ligger utanför det tillåtna intervallet 0–100.",
        "Rad 2, kolumn Ärenden: 'x' är inte ett heltal.",
        "Rad 3, kolumn Systemid: 'SYS-404' finns inte i systemregistret; lägg in den där först.",
        "Rad 3, kolumn Kommun: 'Västerås' finns inte bland de tillåtna värdena: Arboga, Köping, "
        "Kungsör, Surahammar, Gemensam (förbundet).",
        "Rad 4, kolumn Kommun: Samma nyckel (2025-01-01 / SYS-001 / Köping) som rad 2.",
        "Rad 4, kolumn Avbrottstid (min): Avbrottstid anges men inga avbrott."]


def test_a_sheet_and_an_edit_number_their_duplicate_rows_as_given(con, tmp_path):
    path = write_xlsx(tmp_path / "systems.xlsx", "systems",
                      [SAMPLES["systems"][0], SAMPLES["systems"][1], SAMPLES["systems"][0]])
    result = ingest.import_file(con, "systems", path, changed_by="test")
    assert [p.line() for p in result.problems] == [
        "Rad 4, kolumn Systemid: Samma nyckel (SYS-001) som rad 2."]
    frame = pd.DataFrame({"system_id": ["A", "A"], "name": ["x", "y"], "municipality": ["Arboga"] * 2,
                          "owner": ["o"] * 2, "category": ["Ekonomi"] * 2, "sla_tier": ["Guld"] * 2,
                          "infrastructure": ["nej"] * 2, "source_row": [5, 7]})
    result = ingest.import_rows(con, "systems", frame, changed_by="test")
    assert [p.line() for p in result.problems] == ["Rad 7, kolumn Systemid: Samma nyckel (A) som rad 5."]


def test_a_first_import_into_an_empty_table_counts_every_row_as_new(con, tmp_path):
    result = load(con, tmp_path, "systems")
    assert (result.inserted, result.updated, result.unchanged) == (2, 0, 0)
    assert con.execute("SELECT rows_inserted FROM change_log").fetchall() == [(2,)]


def test_rows_of_a_large_file_keep_their_numbers(con, tmp_path):
    """DuckDB reads a large file in parallel pieces; the problems still name the file's rows."""
    lines = ["system_id;name;municipality;owner;category;sla_tier;infrastructure;"
             "continuity_plan_date;management_plan_date"]
    lines += [f"SYS-{i:06d};System {i};Arboga;IT;Ekonomi;Guld;nej;;" for i in range(300_000)]
    lines[7] = lines[7].replace("Guld", "Platina")
    lines[150_001] = lines[150_001].replace("Arboga", "Västerås")
    lines[299_999] = lines[2]
    path = tmp_path / "systems.csv"
    path.write_bytes("\n".join(lines).encode("utf-8"))
    result = ingest.import_file(con, "systems", path, dry_run=True)
    assert [p.line() for p in result.problems] == [
        "Rad 8, kolumn sla_tier: 'Platina' finns inte bland de tillåtna värdena: Guld, Silver, Brons.",
        "Rad 150002, kolumn municipality: 'Västerås' finns inte bland de tillåtna värdena: Arboga, "
        "Köping, Kungsör, Surahammar, Gemensam (förbundet).",
        "Rad 300000, kolumn system_id: Samma nyckel (SYS-000001) som rad 3."]
