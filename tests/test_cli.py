"""The command line contract: init, import, export, exit codes and Swedish messages."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

from importfiles import SAMPLES, write_excel_csv

from lagesbild.data import contracts, db

ROOT = Path(__file__).resolve().parent.parent


def cli(*args, database: Path):
    env = dict(os.environ, LAGESBILD_DB=str(database), LAGESBILD_USER="it-chef")
    return subprocess.run([sys.executable, "-m", "lagesbild", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def counts(database: Path) -> dict[str, int]:
    con = db.connect(database, read_only=True)
    try:
        return {k.name: con.execute(f"SELECT count(*) FROM {k.table}").fetchall()[0][0]
                for k in contracts.KINDS.values()}
    finally:
        con.close()


def test_import_valid_file_then_again(tmp_path):
    database = tmp_path / "db.duckdb"
    path = write_excel_csv(tmp_path / "system.csv", "systems")
    first = cli("import", "systems", path, database=database)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == "system.csv: 2 rader lästa. 2 lades till, 0 uppdaterades, 0 oförändrade."
    second = cli("import", "systems", path, database=database)
    assert "0 lades till, 0 uppdaterades, 2 oförändrade" in second.stdout
    con = db.connect(database, read_only=True)
    assert con.execute("SELECT changed_by, rows_inserted FROM change_log ORDER BY change_id").fetchall() == [
        ("it-chef", 2), ("it-chef", 0)]
    con.close()


def test_import_errors_exit_1_with_swedish_lines_and_no_traceback(tmp_path):
    database = tmp_path / "db.duckdb"
    rows = [dict(SAMPLES["systems"][0], Kommun="Västerås")]
    result = cli("import", "systems", write_excel_csv(tmp_path / "s.csv", "systems", rows),
                 database=database)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "s.csv: 1 fel; ingenting lästes in.",
        "Rad 2, kolumn Kommun: 'Västerås' finns inte bland de tillåtna värdena: "
        "Arboga, Köping, Kungsör, Surahammar, Gemensam (förbundet)."]
    assert counts(database)["systems"] == 0


def test_dry_run_changes_nothing(tmp_path):
    database = tmp_path / "db.duckdb"
    result = cli("import", "systems", write_excel_csv(tmp_path / "s.csv", "systems"), "--dry-run",
                 database=database)
    assert result.returncode == 0
    assert result.stdout.startswith("Provläsning: s.csv: 2 rader lästa. 2 skulle läggas till")
    assert counts(database)["systems"] == 0


def test_missing_file_and_unknown_kind(tmp_path):
    database = tmp_path / "db.duckdb"
    missing = cli("import", "systems", tmp_path / "saknas.csv", database=database)
    assert missing.returncode == 1 and "finns inte" in missing.stderr and "Traceback" not in missing.stderr
    unknown = cli("import", "kunder", tmp_path / "saknas.csv", database=database)
    assert unknown.returncode == 1 and "Okänt dataslag 'kunder'" in unknown.stderr


def test_export_writes_file(tmp_path):
    database = tmp_path / "db.duckdb"
    assert cli("import", "systems", write_excel_csv(tmp_path / "s.csv", "systems"),
               database=database).returncode == 0
    out = tmp_path / "ut.xlsx"
    result = cli("export", "systems", "--format", "xlsx", "--out", out, database=database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"2 rader ur system exporterade till {out}."
    assert out.stat().st_size > 1000


def test_init_demo_builds_the_demo_database(tmp_path):
    database = tmp_path / "demo.duckdb"
    result = cli("init", "--demo", database=database)
    assert result.returncode == 0, result.stderr
    demo_counts = counts(database)
    shipped = {k: sum(1 for _ in open(ROOT / "data" / "demo" / f"{k}.csv", encoding="utf-8")) - 1
               for k in contracts.KINDS}
    assert demo_counts == shipped
    # Loading the demo again over itself changes nothing.
    assert cli("init", "--demo", database=database).returncode == 0
    assert counts(database) == shipped


def test_init_demo_refuses_a_database_with_own_data(tmp_path):
    database = tmp_path / "db.duckdb"
    cli("import", "systems", write_excel_csv(tmp_path / "s.csv", "systems"), database=database)
    result = cli("init", "--demo", database=database)
    assert result.returncode == 1
    assert "innehåller redan egna uppgifter" in result.stderr
    assert counts(database)["systems"] == 2


def test_database_in_use_gets_a_clear_message(tmp_path, monkeypatch):
    """Held by a process that offers no link (not a Lägesbild server): the command waits its
    bounded time, then says so."""
    monkeypatch.setenv("LAGESBILD_LOCK_WAIT", "1")
    database = tmp_path / "db.duckdb"
    holder = db.connect(database)
    try:
        result = cli("import", "systems", write_excel_csv(tmp_path / "s.csv", "systems"), database=database)
    finally:
        holder.close()
    assert result.returncode == 1
    assert "används av en annan process" in result.stderr
    assert "Traceback" not in result.stderr


FILE_SIGNATURES = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "pptx": b"PK\x03\x04"}


def test_report_writes_each_format(demo_copy, tmp_path):
    for fmt, signature in FILE_SIGNATURES.items():
        out = tmp_path / f"rapport.{fmt}"
        done = cli("report", "--year", 2025, "--format", fmt, "--out", out, database=demo_copy)
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(signature)
        assert done.stdout.strip() == (f"Rapporten för 2025 (intern version; daterad "
                                       f"{dt.date.today().isoformat()}) är skriven till {out}.")


def test_report_refuses_an_unknown_year_or_municipality(demo_copy, tmp_path):
    out = tmp_path / "rapport.pdf"
    too_early = cli("report", "--year", 1999, "--format", "pdf", "--out", out, database=demo_copy)
    assert too_early.returncode == 1
    assert "Året 1999 går inte att rapportera" in too_early.stderr
    unknown = cli("report", "--year", 2025, "--kommun", "Västerås", "--format", "pdf", "--out", out,
                  database=demo_copy)
    assert unknown.returncode == 1
    assert "Okänd kommun 'Västerås'" in unknown.stderr
    assert not out.exists()
    wrong_format = cli("report", "--year", 2025, "--format", "odt", "--out", out, database=demo_copy)
    assert wrong_format.returncode == 2


def test_freeze_then_report_says_so(demo_copy, tmp_path):
    frozen = cli("freeze", "--year", 2025, "--note", "DIR § 12", database=demo_copy)
    assert frozen.returncode == 0, frozen.stderr
    assert frozen.stdout.startswith("2025 är fastställt (version 1).")
    out = tmp_path / "rapport.pptx"
    done = cli("report", "--year", 2025, "--format", "pptx", "--public", "--out", out, database=demo_copy)
    assert done.returncode == 0, done.stderr
    assert "offentlig version; fastställd" in done.stdout and "av it-chef (version 1)" in done.stdout
    con = db.connect(demo_copy, read_only=True)
    try:
        assert con.execute("SELECT year, version, frozen_by, note FROM frozen_years").fetchall() == [
            (2025, 1, "it-chef", "DIR § 12")]
    finally:
        con.close()


def test_help_explains_every_option_in_swedish():
    import argparse

    from lagesbild.__main__ import _argparse_in_swedish, _parser
    from lagesbild.i18n.cli import ARGPARSE

    with _argparse_in_swedish():
        parser = _parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert commands.help
    for name, command in commands.choices.items():
        undocumented = [action.option_strings or action.dest for action in command._actions
                        if not action.help]
        assert undocumented == [], name
    # argparse's own words, translated with its placeholders (a named one may be left out).
    for english, (swedish, _) in ARGPARSE.items():
        named, positional = (lambda text: set(re.findall(r"%\(\w+\)[sr]", text)),
                             lambda text: re.findall(r"%[sr]", text))
        assert named(swedish) <= named(english) and positional(swedish) == positional(english), english


def test_help_and_errors_have_no_english_boilerplate(tmp_path):
    database = tmp_path / "db.duckdb"
    shown = cli("report", "--help", database=database)
    assert shown.returncode == 0
    for option, words in (("--year", "året"), ("--format", "filformat"), ("--out", "filen")):
        lines = shown.stdout.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith(f"  {option}"))
        assert words in lines[at] + lines[at + 1], option
    refused = cli("report", "--year", "²", "--format", "odt", database=database)
    assert refused.returncode == 2
    missing = cli("report", database=database)
    assert missing.returncode == 2
    everything = shown.stdout + refused.stderr + missing.stderr
    assert "användning:" in everything and "fel:" in missing.stderr
    assert "måste anges" in missing.stderr and "årtal" in refused.stderr
    for english in ("usage:", "options:", "show this help", "error:", "required", "invalid"):
        assert english not in everything, english
