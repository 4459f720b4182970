"""The command line beside a process that holds the database: the commands run as separate
processes (as a user runs them) and get their work done through the link, or wait a bounded
time for the file, or say what to do."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from test_backup import table_contents

from lagesbild import backup, server_link
from lagesbild.data import db, export

ROOT = Path(__file__).resolve().parent.parent
REPORT_QUERIES = [("overview_incidents", {"year": 2025, "municipality": None}),
                  ("overview_incidents", {"year": 2025, "municipality": "Köping"}),
                  ("incidents_by_month", {"year": 2024, "municipality": None}),
                  ("sla_by_system", {"year": 2025, "municipality": None}),
                  ("risks_current", {"year": 2025}),
                  ("recommendations_status", {"year": 2025}),
                  ("documents_register", {"year": 2025}),
                  ("change_log", {"kind": None, "action": None, "changed_by": None,
                                  "date_from": dt.date(2020, 1, 1), "date_to": dt.date(2030, 1, 1)}),
                  ("frozen_years", {})]


def cli(database: Path, *args: str, wait: float | None = None, timeout: float = 120):
    env = {**os.environ, "LAGESBILD_DB": str(database), "LAGESBILD_USER": "kommandorad"}
    if wait is not None:
        env["LAGESBILD_LOCK_WAIT"] = str(wait)
    return subprocess.run([sys.executable, "-m", "lagesbild", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def served(demo_copy):
    """This process holds the database read-write, as the server does, with the link open."""
    con = db.connect(demo_copy)
    link = server_link.Link(con, demo_copy, threading.Lock()).start()
    yield con, demo_copy
    link.stop()
    con.close()


def test_a_query_through_the_link_is_the_frame_db_query_gives(served):
    con, path = served
    server = server_link.running_server(path)
    assert server is not None
    for name, params in REPORT_QUERIES:
        expected = db.query(con, name, **params)
        got = server.query(name, **params)
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
        assert len(expected.columns) > 0


def test_the_link_runs_only_reading_queries_and_only_for_its_token(served):
    con, path = served
    server = server_link.running_server(path)
    before = db.data_version(con)
    with pytest.raises(db.LagesbildError, match="ingen läsande fråga"):
        server.query("user_role_grant", email="x@koping.se", role="admin", granted_by="x")
    assert db.data_version(con) == before
    stranger = server_link.Server(server.port, "0" * 64, path)
    with pytest.raises(db.LagesbildError, match="Fel nyckel"):
        stranger.query("frozen_years")
    mode = stat.S_IMODE(os.stat(server_link.link_path(path)).st_mode)
    assert mode == 0o600


def test_a_link_left_by_a_killed_server_is_ignored(demo_copy):
    server_link.link_path(demo_copy).write_text(json.dumps({"pid": 1, "port": 9, "token": "x"}))
    assert server_link.running_server(demo_copy) is None
    result = cli(demo_copy, "export", "systems", "--format", "csv", "--out", os.devnull)
    assert result.returncode == 0, result.stderr


def test_the_commands_work_beside_a_process_that_holds_the_database(served, tmp_path):
    con, path = served
    # Reading: an export is the bytes the holder itself would write.
    out = tmp_path / "incidenter.csv"
    result = cli(path, "export", "incidents", "--format", "csv", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == export.export_bytes(con, "incidents", "csv")

    report = tmp_path / "rapport.docx"
    result = cli(path, "report", "--year", "2025", "--format", "docx", "--out", str(report))
    assert result.returncode == 0, result.stderr
    assert report.stat().st_size > 10_000

    # Writing: through the holder's connection, seen by it at once.
    version = db.data_version(con)
    result = cli(path, "freeze", "--year", "2025", "--note", "Direktionen § 4")
    assert result.returncode == 0, result.stderr
    assert con.execute("SELECT frozen_by, note FROM frozen_years WHERE year = 2025").fetchall() == [
        ("kommandorad", "Direktionen § 4")]
    assert db.data_version(con) > version

    systems = tmp_path / "system.csv"
    systems.write_text((ROOT / "data/demo/systems.csv").read_text(encoding="utf-8")
                       + "SYS-901,Provsystem,Köping,IT-chef VMKF,Övrigt,Brons,nej,,,\n",
                       encoding="utf-8")
    result = cli(path, "import", "systems", str(systems))
    assert result.returncode == 0, result.stderr
    assert "1 lades till" in result.stdout
    assert con.execute("SELECT count(*) FROM systems WHERE system_id = 'SYS-901'").fetchall() == [(1,)]
    assert con.execute("SELECT changed_by, file_name FROM change_log ORDER BY change_id DESC "
                       "LIMIT 1").fetchall() == [("kommandorad", "system.csv")]

    bad = cli(path, "import", "systems", str(tmp_path / "saknas.csv"))
    assert bad.returncode == 1 and "kunde inte läsas" in bad.stderr

    # A backup made through the link restores to what the holder has now.
    result = cli(path, "backup", "--out", str(tmp_path / "kopior"))
    assert result.returncode == 0, result.stderr
    [written] = backup.complete_backups(tmp_path / "kopior")
    backup.restore(written, tmp_path / "ater.duckdb")
    assert table_contents(tmp_path / "ater.duckdb") == table_contents(con)

    # A restore is refused while the holder runs: it would swap the file beneath it.
    result = cli(path, "restore", str(written), "--ersatt")
    assert result.returncode == 1 and "Stoppa servern" in result.stderr


def test_without_a_link_a_command_waits_for_the_file_a_bounded_time(demo_copy, tmp_path):
    held = db.connect(demo_copy)
    result = cli(demo_copy, "export", "systems", "--format", "csv", "--out", os.devnull, wait=1)
    assert result.returncode == 1
    assert "används av en annan process" in result.stderr and "Väntade 1 s" in result.stderr

    # Released while the command waits: it then runs.
    threading.Timer(1.5, held.close).start()
    started = time.monotonic()
    result = cli(demo_copy, "export", "systems", "--format", "csv", "--out", str(tmp_path / "s.csv"),
                 wait=20)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started >= 1.5
    assert (tmp_path / "s.csv").read_text(encoding="utf-8-sig").count("\n") == 61


def test_a_restore_needs_no_link_and_no_server(demo_copy, tmp_path):
    shutil.copy(demo_copy, tmp_path / "kopia.duckdb")
    result = cli(tmp_path / "kopia.duckdb", "backup", "--out", str(tmp_path / "kopior"))
    assert result.returncode == 0, result.stderr
    assert not server_link.link_path(tmp_path / "kopia.duckdb").exists()


def test_the_link_lets_the_database_go_with_the_apps_connection(demo_copy, open_app):
    """The link holds the app's connection weakly: once the app's cache lets it go, the file
    is free for another connection and the link is gone with it."""
    open_app(demo_copy)
    assert server_link.running_server(demo_copy) is not None
    st.cache_resource.clear()
    gc.collect()
    duckdb.connect(str(demo_copy), read_only=True).close()
    assert not server_link.link_path(demo_copy).exists()
    assert server_link.running_server(demo_copy) is None
