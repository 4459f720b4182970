"""The memory of a real dashboard server: start `streamlit run dashboard.py` on a database,
open every board page, the report and the presentation in a browser (Debian's chromium), and
read the server's resident memory after each.

    python bench/server_memory.py DATABASE YEAR

Prints one JSON object: the server's RSS when idle, after each page, and the peak (the
high-water mark the kernel keeps for the process).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lagesbild.pages import BOARD_PAGES, REPORT_PAGES  # noqa: E402
from scripts.dashboard_server import dashboard  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCRIPT_DONE = "[data-testid=stApp][data-test-script-state=notRunning]"


def memory_mb(pid: int) -> dict[str, float]:
    """Resident memory now and at its peak, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return {"rss_mb": fields["VmRSS"], "peak_mb": fields["VmHWM"]}


def main() -> None:
    database, year = sys.argv[1], int(sys.argv[2])
    with dashboard({**os.environ, "LAGESBILD_DB": database}, start_seconds=120) as (url, server):
        result = {"idle": memory_mb(server.pid), "pages": {}}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1440, "height": 900})
            for app_page in (*BOARD_PAGES, *REPORT_PAGES):
                page.goto(f"{url}/{app_page.url_path}?ar={year}")
                page.wait_for_selector(SCRIPT_DONE, timeout=600_000)
                # The attribute is also there before the script starts: look again a moment later.
                page.wait_for_timeout(1000)
                page.wait_for_selector(SCRIPT_DONE, timeout=600_000)
                result["pages"][app_page.url_path] = memory_mb(server.pid)
            browser.close()
        result["peak_mb"] = memory_mb(server.pid)["peak_mb"]
    print(json.dumps(result))

if __name__ == "__main__":
    main()
