"""Backups and restores: every table comes back identical, an interrupted or altered backup is
refused, an older schema's backup is upgraded, and retention removes exactly the right folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from lagesbild import backup
from lagesbild.data import db, ingest
from lagesbild.report import frozen
from lagesbild.admin import user_roles
from lagesbild.__main__ import main
from lagesbild.access import Role

ROOT = Path(__file__).resolve().parent.parent


def table_contents(source: Path | duckdb.DuckDBPyConnection,
                   skip: tuple[str, ...] = ()) -> dict[str, tuple[list, list]]:
    """Every table's column names and types and all its rows, in one order: of the database
    file ``source``, or as an open connection sees it."""
    con = source.cursor() if isinstance(source, duckdb.DuckDBPyConnection) else \
        duckdb.connect(str(source), read_only=True)
    try:
        tables = [row[0] for row in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' "
            "AND database_name = current_database() ORDER BY 1").fetchall()]
        contents = {}
        for table in tables:
            if table in skip:
                continue
            columns = con.execute("SELECT column_name, data_type FROM duckdb_columns() "
                                  "WHERE table_name = ? AND database_name = current_database() "
                                  "ORDER BY column_index", [table]).fetchall()
            contents[table] = (columns, con.execute(f'SELECT * FROM "{table}" ORDER BY ALL').fetchall())
        return contents
    finally:
        con.close()


@pytest.fixture(scope="module")
def full_template(demo_db_path, tmp_path_factory):
    """The demo data with a frozen year and a role granted in the app: no table is empty."""
    path = tmp_path_factory.mktemp("full") / "full.duckdb"
    shutil.copy(demo_db_path, path)
    con = db.connect(path)
    try:
        frozen.freeze(con, 2024, frozen_by="Anna", note="Direktionen § 12")
        user_roles.set_role(con, "per@koping.se", Role.EDITOR, changed_by="Anna")
        db.set_meta(con, "demo", "nej")   # counts as the organisation's own data
    finally:
        con.close()
    return path


@pytest.fixture
def full_db(full_template, tmp_path):
    path = tmp_path / "full.duckdb"
    shutil.copy(full_template, path)
    return path


def test_backup_then_restore_gives_every_table_identical(full_db, tmp_path):
    original = table_contents(full_db)
    assert all(rows for _, rows in original.values()), "every table should hold rows"

    con = db.connect(full_db, read_only=True)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    manifest = json.loads((folder / backup.MANIFEST).read_text())
    assert manifest["schema_version"] == db.latest_version()
    assert set(manifest["tables"]) == set(original)
    assert {t: e["rows"] for t, e in manifest["tables"].items()} == {
        t: len(rows) for t, (_, rows) in original.items()}

    restored = backup.restore(folder, tmp_path / "ny.duckdb")
    assert restored.replaced is None
    assert table_contents(tmp_path / "ny.duckdb") == original


def test_a_restored_change_log_continues_where_the_original_would(full_db, tmp_path):
    con = db.connect(full_db)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
        user_roles.set_role(con, "eva@arboga.se", Role.READER, changed_by="Anna")
        expected_next = db.data_version(con)
    finally:
        con.close()
    backup.restore(folder, tmp_path / "ny.duckdb")
    con = db.connect(tmp_path / "ny.duckdb")
    try:
        user_roles.set_role(con, "eva@arboga.se", Role.READER, changed_by="Anna")
        assert db.data_version(con) == expected_next
    finally:
        con.close()


def test_the_command_line_backs_up_and_restores(full_db, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LAGESBILD_DB", str(full_db))
    assert main(["backup", "--out", str(tmp_path / "kopior")]) == 0
    written = backup.complete_backups(tmp_path / "kopior")
    assert len(written) == 1 and str(written[0]) in capsys.readouterr().out
    monkeypatch.setenv("LAGESBILD_DB", str(tmp_path / "ny.duckdb"))
    assert main(["restore", str(written[0])]) == 0
    assert table_contents(tmp_path / "ny.duckdb") == table_contents(full_db)


def test_restore_refuses_a_database_with_data_unless_told(full_db, tmp_path, sample_template, capsys,
                                                         monkeypatch):
    con = db.connect(full_db, read_only=True)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    target = tmp_path / "egen.duckdb"
    shutil.copy(sample_template, target)
    before = table_contents(target)

    monkeypatch.setenv("LAGESBILD_DB", str(target))
    assert main(["restore", str(folder)]) == 1
    assert "innehåller redan uppgifter" in capsys.readouterr().err
    assert table_contents(target) == before

    assert main(["restore", str(folder), "--ersatt"]) == 0
    assert table_contents(target) == table_contents(full_db)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("egen.duckdb.before-restore-")]
    assert len(kept) == 1 and table_contents(kept[0]) == before


def test_restore_refuses_a_changed_file_and_writes_nothing(full_db, tmp_path):
    con = db.connect(full_db, read_only=True)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    # A valid Parquet file with one title changed: only the checksum can tell.
    incidents = folder / "incidents.parquet"
    table = pq.read_table(incidents)
    titles = table.column("title").to_pylist()
    titles[0] = titles[0] + " (ändrad)"
    pq.write_table(table.set_column(table.schema.get_field_index("title"), "title", [titles]), incidents)

    with pytest.raises(backup.BackupError, match="kontrollsumma"):
        backup.restore(folder, tmp_path / "ny.duckdb")
    assert not any(p.name.startswith("ny.duckdb") for p in tmp_path.iterdir())


def test_restore_refuses_a_damaged_manifest(full_db, tmp_path):
    con = db.connect(full_db, read_only=True)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    manifest = folder / backup.MANIFEST
    manifest.write_bytes(manifest.read_bytes()[:200])
    with pytest.raises(backup.BackupError, match="skadad eller ofullständig"):
        backup.restore(folder, tmp_path / "ny.duckdb")
    assert not (tmp_path / "ny.duckdb").exists()


def test_an_older_schemas_backup_is_restored_and_upgraded(database_at_schema, demo_copy, tmp_path):
    path, con = database_at_schema(8)
    try:
        con.execute("ATTACH ? AS source (READ_ONLY)", [str(demo_copy)])
        for table in ("systems", "incidents", "sla", "risks", "change_log", "meta"):
            # The columns schema 8 has: later versions added some to the demo's tables.
            columns = ", ".join(f'"{name}"' for (name,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_catalog = current_database() "
                "AND table_name = ? ORDER BY ordinal_position", [table]).fetchall())
            con.execute(f"INSERT INTO {table} BY NAME SELECT {columns} FROM source.{table}")
        con.execute("DETACH source")
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    assert json.loads((folder / backup.MANIFEST).read_text())["schema_version"] == 8

    restored = backup.restore(folder, tmp_path / "ny.duckdb")
    assert (restored.backup_version, restored.schema_version) == (8, db.latest_version())
    # The same as upgrading the old database itself.
    db.connect(path).close()
    assert (table_contents(tmp_path / "ny.duckdb", skip=("schema_version",))
            == table_contents(path, skip=("schema_version",)))
    con = duckdb.connect(str(tmp_path / "ny.duckdb"), read_only=True)
    try:
        assert [v for (v,) in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()] \
            == [v for v, _ in db.migrations()]
    finally:
        con.close()


# --- Interrupted backups ---------------------------------------------------------------------------

INTERRUPTED = """
import sys, time
from lagesbild import backup
from lagesbild.data import db
stage = sys.argv[3]
original_sha, original_fsync_dir = backup._sha256_synced, backup._fsync_dir
def after_table(path):
    digest = original_sha(path)
    if stage == "tables":
        print("tabell", path.name, flush=True); time.sleep(60)
    return digest
def before_rename(path):
    original_fsync_dir(path)
    if stage == "manifest" and (path / "manifest.json").exists():
        print("manifest", flush=True); time.sleep(60)
backup._sha256_synced, backup._fsync_dir = after_table, before_rename
con = db.connect(sys.argv[1], read_only=True)
backup.write_backup(con, sys.argv[2])
"""


@pytest.mark.parametrize("stage", ["tables", "manifest"])
def test_a_backup_killed_midway_is_never_taken_for_complete(stage, demo_db_path, tmp_path, capsys,
                                                            monkeypatch):
    out = tmp_path / "kopior"
    process = subprocess.Popen([sys.executable, "-c", INTERRUPTED, str(demo_db_path), str(out), stage],
                               cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().split()[0] == ("tabell" if stage == "tables" else "manifest")
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)

    left = [p for p in out.iterdir()]
    assert len(left) == 1 and left[0].name.startswith(backup.PARTIAL_PREFIX)
    assert any(left[0].glob("*.parquet"))
    assert backup.complete_backups(out) == []
    for folder in (left[0], out):
        with pytest.raises(backup.BackupError):
            backup.restore(folder, tmp_path / "ny.duckdb")
    monkeypatch.setenv("LAGESBILD_DB", str(tmp_path / "ny.duckdb"))
    assert main(["restore", str(left[0])]) == 1
    assert "avbruten" in capsys.readouterr().err
    assert not (tmp_path / "ny.duckdb").exists()

    # Retention clears the leftover once it cannot belong to a running backup.
    assert backup.prune(out, keep=3) == []
    assert backup.prune(out, keep=3, now=dt.datetime.now() + dt.timedelta(days=2)) == left
    assert list(out.iterdir()) == []


# --- Retention -------------------------------------------------------------------------------------

def _fake_backup(parent: Path, when: str) -> Path:
    folder = parent / f"lagesbild-{when}"
    folder.mkdir(parents=True)
    (folder / backup.MANIFEST).write_text("{}")
    return folder


def test_retention_keeps_the_newest_and_the_recent_and_touches_nothing_else(tmp_path):
    now = dt.datetime(2026, 12, 8, 3, 0)
    dates = ["20261101-020000", "20261120-020000", "20261130-020000", "20261205-020000",
             "20261206-020000", "20261207-020000", "20261208-020000", "20261208-020000-2"]
    made = {d: _fake_backup(tmp_path, d) for d in dates}
    unrelated_folder = tmp_path / "anteckningar"
    unrelated_folder.mkdir()
    unrelated_file = tmp_path / "lagesbild-20200101-000000.txt"
    unrelated_file.write_text("inte en säkerhetskopia")
    without_manifest = tmp_path / "lagesbild-20200101-000000"
    without_manifest.mkdir()
    old_partial = tmp_path / f"{backup.PARTIAL_PREFIX}lagesbild-20261201-020000-99"
    old_partial.mkdir()
    two_days_ago = (now - dt.timedelta(days=2)).timestamp()
    os.utime(old_partial, (two_days_ago, two_days_ago))
    running_partial = tmp_path / f"{backup.PARTIAL_PREFIX}lagesbild-20261208-025959-98"
    running_partial.mkdir()
    os.utime(running_partial, (now.timestamp(), now.timestamp()))

    # Seven newest kept by count; of those, 20261120 is more than ten days old.
    removed = backup.prune(tmp_path, keep=7, keep_days=10, now=now)
    assert removed == sorted([made["20261101-020000"], made["20261120-020000"], old_partial])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"lagesbild-{d}" for d in dates[2:]] + [unrelated_folder.name, unrelated_file.name,
                                                 without_manifest.name, running_partial.name])


def test_retention_by_age_never_removes_the_newest_backup(tmp_path):
    made = [_fake_backup(tmp_path, d) for d in ("20250101-020000", "20250102-020000")]
    assert backup.prune(tmp_path, keep=10, keep_days=1, now=dt.datetime(2026, 12, 8)) == made[:1]
    assert backup.complete_backups(tmp_path) == made[1:]


def test_the_command_line_applies_a_count_after_its_backup(demo_copy, tmp_path, monkeypatch):
    kept_before = [_fake_backup(tmp_path / "kopior", d) for d in ("20200101-020000", "20200102-020000")]
    monkeypatch.setenv("LAGESBILD_DB", str(demo_copy))
    assert main(["backup", "--out", str(tmp_path / "kopior"), "--keep", "2"]) == 0
    remaining = backup.complete_backups(tmp_path / "kopior")
    assert remaining[0] == kept_before[1] and len(remaining) == 2
    assert backup.read_manifest(remaining[1])["schema_version"] == db.latest_version()


# --- The nightly backup ----------------------------------------------------------------------------

def test_nightly_settings_are_read_and_checked(tmp_path):
    assert backup.nightly_settings({}) is None
    settings = backup.nightly_settings({"folder": str(tmp_path), "time": "01:30", "keep": 7,
                                        "keep_days": 30})
    assert settings == backup.NightlySettings(tmp_path, dt.time(1, 30), 7, 30)
    assert backup.nightly_settings({"folder": str(tmp_path)}) == backup.NightlySettings(
        tmp_path, dt.time(2, 0), 14, None)
    for bad, message in [({"folder": "kopior"}, "absolut sökväg"),
                         ({"folder": str(tmp_path), "time": "25:00"}, "time ska vara"),
                         ({"folder": str(tmp_path), "keep": 0}, "keep ska vara"),
                         ({"folder": str(tmp_path), "keep": "7"}, "keep ska vara"),
                         ({"folder": str(tmp_path), "keep_days": 0}, "keep_days ska vara")]:
        with pytest.raises(backup.BackupError, match=message):
            backup.nightly_settings(bad)


def test_the_next_nightly_run(tmp_path):
    settings = backup.NightlySettings(tmp_path, dt.time(2, 0), 14, None)
    evening = dt.datetime(2026, 12, 7, 22, 0)
    assert backup.next_run(settings, evening) == evening, "no backup yet: at once"
    _fake_backup(tmp_path, "20261207-020000")
    assert backup.next_run(settings, evening) == dt.datetime(2026, 12, 8, 2, 0)
    assert backup.next_run(settings, dt.datetime(2026, 12, 7, 1, 0)) == dt.datetime(2026, 12, 7, 2, 0)
    # The server was down last night: the next start catches up at once.
    later = dt.datetime(2026, 12, 8, 9, 0)
    assert backup.next_run(settings, later) == later


def test_the_nightly_backup_runs_at_its_time_and_applies_retention(demo_copy, tmp_path):
    folder = tmp_path / "natt"
    _fake_backup(folder, "20200101-020000")
    now = dt.datetime.now()
    _fake_backup(folder, now.strftime("%Y%m%d-%H%M%S"))   # last night's, so none at once
    settings = backup.NightlySettings(folder, (now + dt.timedelta(seconds=2)).time(), 2, None)
    con = db.connect(demo_copy, read_only=True)
    nightly = backup.Nightly(con, settings)
    try:
        nightly.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not _real_backups(folder):
            time.sleep(0.2)
    finally:
        nightly.stop()
        nightly._thread.join(timeout=70)
        con.close()
    written = _real_backups(folder)
    assert len(written) == 1
    assert backup.backup_time(written[0]) >= now.replace(microsecond=0) + dt.timedelta(seconds=1)
    # Retention (keep 2): the 2020 folder went, the two newest stayed.
    assert [p.name for p in backup.complete_backups(folder)][0] != "lagesbild-20200101-020000"
    assert len(backup.complete_backups(folder)) == 2


def _real_backups(folder: Path) -> list[Path]:
    return [p for p in backup.complete_backups(folder)
            if json.loads((p / backup.MANIFEST).read_text()).get("format") == backup.FORMAT]


def test_a_backup_is_one_moment_while_imports_commit(demo_copy, tmp_path):
    """Rows committed by another cursor during the backup are either all in it or not at all."""
    con = db.connect(demo_copy)
    stop = threading.Event()
    errors = []

    def keep_importing():
        rows = ["Incidentid;Rubrik;Anmäld;Åtgärdad;Kommun;Systemid;Kategori;Orsak;"
                "Allvarlighetsgrad;Personuppgiftsincident;Betydande;Rapporterad"]
        number = 0
        while not stop.is_set() and number < 200:
            number += 1
            rows.append(f"INC-2026-9{number:03d};Prov {number};2026-03-01 10:00;;Köping;SYS-001;"
                        "Tillgänglighet;Fel i mjuk- eller hårdvara;1;nej;nej;")
            cur = con.cursor()
            try:
                result = ingest.import_file(cur, "incidents", "\n".join(rows).encode(),
                                            file_name="prov.csv", changed_by="prov")
                if not result.ok:
                    errors.append(result.summary())
            finally:
                cur.close()
            first_committed.set()

    first_committed = threading.Event()
    writer = threading.Thread(target=keep_importing)
    writer.start()
    try:
        assert first_committed.wait(timeout=30)
        folders = [backup.write_backup(con, tmp_path / "kopior") for _ in range(3)]
    finally:
        stop.set()
        writer.join(timeout=60)
        con.close()
    assert not errors
    seen = []
    for folder in folders:
        incidents = pq.read_table(folder / "incidents.parquet").column("incident_id").to_pylist()
        log = pq.read_table(folder / "change_log.parquet").to_pylist()
        imported = sum(1 for entry in log if entry["changed_by"] == "prov")
        # Each import adds one incident and one log entry in one transaction.
        assert sum(1 for i in incidents if i.startswith("INC-2026-9")) == imported
        seen.append(imported)
    assert seen[-1] >= 1 and seen == sorted(seen)


def test_a_backup_whose_table_does_not_fit_its_schema_is_refused_whole(full_db, tmp_path):
    """A file that matches its checksum but not the schema version the manifest names (for
    example a hand-edited backup with the manifest rewritten): refused, nothing left behind."""
    con = db.connect(full_db, read_only=True)
    try:
        folder = backup.write_backup(con, tmp_path / "kopior")
    finally:
        con.close()
    systems = folder / "systems.parquet"
    pq.write_table(pq.read_table(systems).drop_columns(["name"]), systems)
    manifest = json.loads((folder / backup.MANIFEST).read_text())
    manifest["tables"]["systems"]["sha256"] = backup._sha256(systems)
    (folder / backup.MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(backup.BackupError, match="Databasen är orörd"):
        backup.restore(folder, tmp_path / "ny.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full.duckdb", "kopior"]
