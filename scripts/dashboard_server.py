"""A `streamlit run dashboard.py` server for the tools beside the tests (the screenshots and
the benchmark's memory measurement): started on a free local port, ready when it answers its
health check, stopped on leaving."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url: str, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the dashboard stopped before answering")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the dashboard did not answer")


@contextmanager
def dashboard(env: dict, *, start_seconds: float = 60) -> Iterator[tuple[str, subprocess.Popen]]:
    """The dashboard running with ``env`` (its LAGESBILD_DB): its address and process."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.fileWatcherType", "none", "--server.port", str(port),
         "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_healthy(url, server, start_seconds)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=30)
