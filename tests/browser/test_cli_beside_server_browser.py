"""The command line beside a real `streamlit run` server that holds the database: the
commands work, the pages show what a command changed, an import from the page and one from
the command line at the same time both land whole, and the server's nightly backup runs.
Also: the project's own watcher setting does not walk a virtual environment in the checkout."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from browsertest import wait_for_script
from conftest import ROOT, StreamlitServer
from playwright.sync_api import Page, expect
from test_data_browser import choose_kind, upload

from lagesbild import backup, demo, server_link

DEMO_YEAR = demo.DEMO_UNTIL.year - 1
DOCUMENTS = "Dokumentid;Titel;Typ;Beslutad av;Beslutad;Översyn (månader);Status;Ägare"
INCIDENTS = ("Incidentid;Rubrik;Anmäld;Åtgärdad;Kommun;Systemid;Kategori;Orsak;Allvarlighetsgrad;"
             "Personuppgiftsincident;Betydande;Rapporterad")
CLI_INCIDENTS = 50_000
WAIT_S = 20


def cli(database: Path, *args: str, background: bool = False):
    command = [sys.executable, "-m", "lagesbild", *args]
    env = {**os.environ, "LAGESBILD_DB": str(database), "LAGESBILD_USER": "kommandorad",
           "LAGESBILD_LOCK_WAIT": "2"}
    if background:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert time.monotonic() < deadline, f"no {what} within {WAIT_S} s"
        time.sleep(0.02)


def test_the_command_line_beside_a_running_server(page: Page, demo_db_path, tmp_path):
    database = tmp_path / "lagesbild.duckdb"
    shutil.copy(demo_db_path, database)
    nightly = tmp_path / "natt"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[lagesbild.backup]\nfolder = "{nightly}"\ntime = "02:00"\nkeep = 3\n',
                       encoding="utf-8")
    server = StreamlitServer(database, tmp_path / "streamlit.log", ["--secrets.files", str(secrets)])
    try:
        server.wait_until_healthy()
        page.goto(f"{server.url}/styrdokument?ar={DEMO_YEAR}")
        wait_for_script(page)
        register = page.get_by_test_id("stMain").get_by_test_id("stTable")
        expect(register.get_by_role("cell", name="Policy för informationssäkerhet")).to_be_visible()
        expect(register.get_by_role("cell", name="Rutin för säkerhetskopior")).to_have_count(0)
        # The first visit opened the database, the link beside it and the nightly backup,
        # which runs at once: the folder has none yet.
        assert server_link.link_path(database).exists()
        wait_until(lambda: backup.complete_backups(nightly), "nightly backup")
        backup.read_manifest(backup.complete_backups(nightly)[0])

        # Reading commands while the server holds the file.
        result = cli(database, "report", "--year", str(DEMO_YEAR), "--format", "docx",
                     "--out", str(tmp_path / "rapport.docx"))
        assert result.returncode == 0, result.stderr
        result = cli(database, "export", "documents", "--format", "csv", "--out", str(tmp_path / "d.csv"))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("15 rader")
        result = cli(database, "backup", "--out", str(tmp_path / "kopior"))
        assert result.returncode == 0, result.stderr
        assert len(backup.complete_backups(tmp_path / "kopior")) == 1

        # A command's import: the page, reloaded, shows it (its caches follow the data version).
        documents = tmp_path / "dokument.csv"
        documents.write_text(f"{DOCUMENTS}\nDOK-90;Rutin för säkerhetskopior;Rutin;;{DEMO_YEAR}-02-01;12;"
                             "Gällande;IT-chef\n", encoding="utf-8")
        result = cli(database, "import", "documents", str(documents))
        assert result.returncode == 0, result.stderr
        page.reload()
        wait_for_script(page)
        expect(page.get_by_test_id("stMain").get_by_test_id("stTable")
               .get_by_role("cell", name="Rutin för säkerhetskopior")).to_be_visible()

        # A freeze from the command line, then an import from the page and a large one from
        # the command line at the same moment.
        result = cli(database, "freeze", "--year", str(DEMO_YEAR), "--note", "Direktionen § 9")
        assert result.returncode == 0, result.stderr
        incidents = tmp_path / "incidenter.csv"
        incidents.write_text(INCIDENTS + "\n" + "".join(
            f"INC-{DEMO_YEAR}-{50_000 + n};Prov {n};{DEMO_YEAR}-03-01 10:00;;Köping;SYS-001;"
            "Tillgänglighet;Fel i mjuk- eller hårdvara;1;nej;nej;\n" for n in range(CLI_INCIDENTS)),
            encoding="utf-8")
        page.goto(f"{server.url}/data")
        wait_for_script(page)
        choose_kind(page, "Styrdokument", stored_rows=16)
        upload(page, "sida.csv", f"{DOCUMENTS}\nDOK-91;Rutin för loggning;Rutin;;{DEMO_YEAR}-03-01;12;"
                                 "Gällande;IT-chef\n".encode())
        main = page.get_by_test_id("stMain")
        expect(main.get_by_text("Filen är giltig: 1 rad.")).to_be_visible()
        command = cli(database, "import", "incidents", str(incidents), background=True)
        # Clicked while the server is busy with the command's import: its request is open.
        port = json.loads(server_link.link_path(database).read_text())["port"]
        wait_until(lambda: _open_request(port), "import request from the command line")
        main.get_by_role("button", name="Läs in").click()
        assert command.poll() is None
        wait_for_script(page)
        expect(main.get_by_text("sida.csv är inläst som Styrdokument: 1 nya")).to_be_visible()
        out, err = command.communicate(timeout=180)
        assert command.returncode == 0, err
        assert f"{CLI_INCIDENTS} lades till" in out
        expect(page.get_by_test_id("stException")).to_have_count(0)
    finally:
        server.stop()

    # Nothing lost, nothing half-written: every change whole, each in the change log once.
    con = duckdb.connect(str(database), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM incidents WHERE title LIKE 'Prov %'"
                           ).fetchall() == [(CLI_INCIDENTS,)]
        assert con.execute("SELECT doc_id FROM documents WHERE doc_id IN ('DOK-90', 'DOK-91') "
                           "ORDER BY 1").fetchall() == [("DOK-90",), ("DOK-91",)]
        log = con.execute("SELECT action, file_name, rows_inserted, changed_by FROM change_log "
                          "WHERE change_id > 10 ORDER BY change_id").fetchall()
        assert sorted(entry[:3] for entry in log) == sorted([
            ("import", "dokument.csv", 1), ("freeze", str(DEMO_YEAR), 1),
            ("import", "incidenter.csv", CLI_INCIDENTS), ("import", "sida.csv", 1)])
        assert {entry[3] for entry in log if entry[1] != "sida.csv"} == {"kommandorad"}
        assert con.execute("SELECT count(*) FROM frozen_years WHERE note = 'Direktionen § 9'"
                           ).fetchall() == [(1,)]
    finally:
        con.close()
    # The server removed its link on the way out.
    assert not server_link.link_path(database).exists()


def _connections_to(port: int) -> set[str]:
    """The remote ends of the established TCP connections to the local ``port``."""
    ends = set()
    with open("/proc/net/tcp") as table:
        for line in table.readlines()[1:]:
            local, remote, state = line.split()[1:4]
            if state == "01" and int(local.split(":")[1], 16) == port:
                ends.add(remote)
    return ends


def _open_request(port: int) -> bool:
    """A request to the link that stays open for a while: the import, not the hello before it."""
    first = _connections_to(port)
    time.sleep(0.05)
    return bool(first & _connections_to(port))


def _inotify_watches(pid: int) -> int:
    watches = 0
    for info in glob.glob(f"/proc/{pid}/fdinfo/*"):
        try:
            with open(info) as file:
                watches += sum(1 for line in file if line.startswith("inotify wd:"))
        except OSError:
            pass
    return watches


def _serve_copy(checkout: Path, database: Path, page: Page, *args: str) -> int:
    """Start the copied checkout with its own configuration, visit it, count the watches."""
    import socket
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), *args], cwd=checkout,
        env={**os.environ, "LAGESBILD_DB": str(database)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                page.goto(f"http://127.0.0.1:{port}/oversikt")
                break
            except Exception:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.3)
        wait_for_script(page)
        time.sleep(1)
        return _inotify_watches(process.pid)
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_file_watcher_does_not_walk_a_virtual_environment(page: Page, demo_db_path, tmp_path):
    checkout = tmp_path / "checkout"
    for part in ("dashboard.py", "app_pages", "lagesbild", "queries", ".streamlit", "data/demo"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, checkout / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (checkout / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, checkout / part)
    for package in range(100):
        for folder in range(5):
            (checkout / ".venv" / "lib" / f"paket{package}" / f"del{folder}").mkdir(parents=True)
    database = tmp_path / "lagesbild.duckdb"
    shutil.copy(demo_db_path, database)

    assert _serve_copy(checkout, database, page) < 50
    # Streamlit's default watcher walks the whole checkout, .venv included.
    assert _serve_copy(checkout, database, page, "--server.fileWatcherType", "auto") > 500
