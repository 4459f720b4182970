"""What a person waits for: time to the first chart in a real browser (Debian's chromium) with
the network throttled to 20 Mbit/s (Chrome DevTools Protocol network emulation), directly
from the server and through nginx with the committed site configuration (deploy/), signed in
through the test OpenID Connect provider (tests/oidc) as in service.

    python bench/browser_timing.py DATABASE YEAR [--runs N]

Measures, for each way in:
- first visit: the page's first visit since the server started (its data not yet in the
  server's cache), with an empty browser cache: the day's first visitor;
- cold: an empty browser cache on a server that has served the page before (every visitor
  after the first);
- warm page change: from Incidenter to Tillgänglighet and back in the menu, with the
  browser's cache filled;
and the bytes a cold visit moves over the network. Prints one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "browser")]

from lagesbild.i18n import t  # noqa: E402
from scripts.dashboard_server import wait_until_healthy  # noqa: E402
from services import Nginx, OidcProvider, free_port, stop  # noqa: E402
from signin import CLIENT_ID, CLIENT_SECRET, READER, sign_in, write_secrets  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
THROUGHPUT_MBIT = 20
LATENCY_MS = 10          # round trip inside a municipal network
TIMEOUT_MS = 120_000
FIRST_PAGE, SECOND_PAGE = ("incidenter", "nav.incidents"), ("tillganglighet", "nav.sla")
# A chart drawn by Plotly in an element the current run has sent (not a stale one).
FIRST_CHART_DRAWN = """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].some(
    chart => chart.querySelector('.main-svg') &&
             chart.closest('[data-stale=true]') === null)"""


def throttled(context: BrowserContext, page: Page) -> None:
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    bytes_per_s = THROUGHPUT_MBIT * 1_000_000 / 8
    session.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": LATENCY_MS,
        "downloadThroughput": bytes_per_s, "uploadThroughput": bytes_per_s})


def _wait_first_chart(page: Page) -> None:
    page.wait_for_function(FIRST_CHART_DRAWN, timeout=TIMEOUT_MS)


# When, in the page's own clock (ms since navigation started), the first chart was there and
# the Plotly chunk's last byte had arrived: the gap between them is the browser's own work.
PAGE_CLOCK = """() => {
    const plotly = performance.getEntriesByType('resource').find(e => e.name.includes('/PlotlyChart.'));
    return {chart_ms: performance.now(), plotly_loaded_ms: plotly ? plotly.responseEnd : null};
}"""


def cold_visit(browser: Browser, url: str, cookies: list[dict]) -> tuple[float, int, dict]:
    """Seconds from asking for the page to its first chart, in a browser with an empty cache;
    the bytes received; and the page's own clock at the first chart."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1440, "height": 900},
                                  locale="sv-SE")
    try:
        if cookies:
            context.add_cookies(cookies)
        page = context.new_page()
        throttled(context, page)
        received = []
        page.on("requestfinished", lambda request: received.append(request.sizes()))
        begin = time.perf_counter()
        page.goto(url, timeout=TIMEOUT_MS, wait_until="commit")
        _wait_first_chart(page)
        seconds = time.perf_counter() - begin
        clock = page.evaluate(PAGE_CLOCK)
        page.wait_for_timeout(500)      # let late requests finish for the byte count
        total = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in received)
        return seconds, total, clock
    finally:
        context.close()


def page_changes(browser: Browser, url: str, cookies: list[dict], year: int, runs: int) -> list[float]:
    """Seconds from a click in the menu to the new page's first chart, alternating between two
    pages, after the browser's cache is filled."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 1440, "height": 900},
                                  locale="sv-SE")
    try:
        if cookies:
            context.add_cookies(cookies)
        page = context.new_page()
        throttled(context, page)
        page.goto(f"{url}/{FIRST_PAGE[0]}?ar={year}", timeout=TIMEOUT_MS, wait_until="commit")
        _wait_first_chart(page)
        page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]",
                               timeout=TIMEOUT_MS)
        samples = []
        for run in range(runs * 2):
            url_path, title_key = (SECOND_PAGE, FIRST_PAGE)[run % 2]
            link = page.get_by_test_id("stSidebarNav").get_by_role("link", name=t(title_key),
                                                                   exact=True)
            begin = time.perf_counter()
            link.click()
            page.wait_for_url(f"**/{url_path}?*", timeout=TIMEOUT_MS)
            _wait_first_chart(page)
            samples.append(time.perf_counter() - begin)
            page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]",
                                   timeout=TIMEOUT_MS)
            page.wait_for_timeout(300)
        return samples
    finally:
        context.close()


@contextlib.contextmanager
def server(database: Path, directory: Path, extra_args: list[str], port: int) -> Iterator[str]:
    log = open(directory / f"streamlit-{port}.log", "wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.fileWatcherType", "none", "--server.port", str(port),
         "--server.address", "127.0.0.1", *extra_args],
        cwd=ROOT, env={**os.environ, "LAGESBILD_DB": str(database)}, stdout=log,
        stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, process, 120)
        yield url
    finally:
        stop(process)
        log.close()


def measure(browser: Browser, url: str, cookies: list[dict], year: int, runs: int) -> dict:
    page_url = f"{url}/{FIRST_PAGE[0]}?ar={year}"
    first_visit, _, _ = cold_visit(browser, page_url, cookies)
    colds = [cold_visit(browser, page_url, cookies) for _ in range(runs)]
    changes = page_changes(browser, url, cookies, year, runs)
    plotly_loaded = [clock["plotly_loaded_ms"] for _, _, clock in colds if clock["plotly_loaded_ms"]]
    return {
        "first_visit_s": first_visit,
        "cold_s": statistics.median(seconds for seconds, _, _ in colds),
        "cold_bytes": int(statistics.median(size for _, size, _ in colds)),
        "cold_plotly_loaded_s": statistics.median(plotly_loaded) / 1000 if plotly_loaded else None,
        "cold_chart_page_clock_s": statistics.median(c["chart_ms"] for _, _, c in colds) / 1000,
        "network_floor_s": statistics.median(size for _, size, _ in colds) * 8
                           / (THROUGHPUT_MBIT * 1_000_000),
        "warm_change_s": statistics.median(changes),
        "warm_change_max_s": max(changes),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("year", type=int)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    result = {"throughput_mbit": THROUGHPUT_MBIT, "latency_ms": LATENCY_MS,
              "load_average_start": os.getloadavg()[1]}
    with tempfile.TemporaryDirectory(prefix="lagesbild-browser-") as work, sync_playwright() as pw:
        directory = Path(work)
        browser = pw.chromium.launch(executable_path=CHROMIUM,
                                     args=["--no-sandbox", "--disable-gpu"])
        # Directly: local mode, the server on this computer.
        with server(args.database, directory, [], free_port()) as url:
            result["direct"] = measure(browser, url, [], args.year, args.runs)
        # Through nginx, signed in as a reader, as in service.
        app_port, https_port = free_port(), free_port()
        public_url = f"https://127.0.0.1:{https_port}"
        provider = OidcProvider(directory, CLIENT_ID, CLIENT_SECRET, f"{public_url}/oauth2callback")
        try:
            secrets = write_secrets(directory / "secrets.toml", public_url, provider.metadata_url)
            with server(args.database, directory, ["--secrets.files", str(secrets)], app_port):
                (directory / "nginx").mkdir()
                nginx = Nginx(app_port, directory / "nginx", https_port=https_port)
                try:
                    context = browser.new_context(ignore_https_errors=True)
                    page = context.new_page()
                    page.set_default_timeout(TIMEOUT_MS)
                    sign_in(page, public_url, provider.issuer, READER)
                    cookies = [cookie for cookie in context.cookies(public_url)
                               if cookie["name"].startswith("_streamlit")]
                    context.close()
                    result["proxy"] = measure(browser, public_url, cookies, args.year, args.runs)
                finally:
                    nginx.stop()
        finally:
            provider.stop()
        browser.close()
    # A browser parses and draws on the CPU: the machine's load is part of the figure.
    result["load_average_end"] = os.getloadavg()[1]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
