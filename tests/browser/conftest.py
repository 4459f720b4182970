"""Browser tests: a real `streamlit run dashboard.py` server per test module (or per test,
where a freshly started server is the point), driven by Debian's chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
START_TIMEOUT_S = 30
PAGE_TIMEOUT_MS = 20_000


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: tests/run.sh installs it when run as root; "
                    "without it, deselect the browser tests with -m 'not browser'")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1440, "height": 900}, "locale": "sv-SE"}


@pytest.fixture(autouse=True)
def bounded_waits(page: Page):
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    expect.set_options(timeout=PAGE_TIMEOUT_MS)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run dashboard.py` in its own process, on a free port."""

    def __init__(self, db_path: Path, log_path: Path, extra_args: Sequence[str] = (),
                 port: int | None = None, script: str = "dashboard.py"):
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        env = {**os.environ, "LAGESBILD_DB": str(db_path)}
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script,
             "--server.headless", "true", "--server.fileWatcherType", "none",
             "--server.port", str(self.port), "--server.address", "127.0.0.1", *extra_args],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT_S} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


def start_server(db_path: Path, log_dir: Path, extra_args: Sequence[str] = (),
                 port: int | None = None, script: str = "dashboard.py") -> StreamlitServer:
    server = StreamlitServer(db_path, log_dir / "streamlit.log", extra_args, port=port, script=script)
    try:
        server.wait_until_healthy()
    except Exception:
        server.stop()
        raise
    return server


@pytest.fixture(scope="module")
def demo_server(demo_db_path, tmp_path_factory):
    """A server over a copy of the demo database, shared by a module's tests."""
    directory = tmp_path_factory.mktemp("server")
    db_path = directory / "demo.duckdb"
    shutil.copy(demo_db_path, db_path)
    server = start_server(db_path, directory)
    yield server
    server.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """A newly started server whose database does not exist yet: its first run builds the demo."""
    server = start_server(tmp_path / "ny.duckdb", tmp_path)
    yield server
    server.stop()


def pytest_collection_modifyitems(config, items):
    browser_dir = Path(__file__).parent
    for item in items:
        if browser_dir in item.path.parents:
            item.add_marker(pytest.mark.browser)
