"""Screenshots of every board page, and of one slide of the presentation mode, at 1440×900
on the demo data, and one page of the yearly report's PDF, for the documentation.

    python scripts/screenshots.py [--out docs/screenshots]

Builds a fresh demo database in a temporary folder, starts the dashboard on it, and lets
Debian's chromium (through Playwright) photograph each page as a board member first sees it.
The report's page is the PDF's risk chapter, drawn by poppler's ``pdftoppm``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lagesbild import demo  # noqa: E402
from lagesbild.pages import BOARD_PAGES  # noqa: E402
from scripts.dashboard_server import dashboard  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
YEAR = demo.DEMO_UNTIL.year - 1
# The presentation mode's picture: the incidents slide (figure, chart and sentence).
PRESENTATION_SLIDE = 3
# The report's picture: the page where the risk chapter's heat maps start.
REPORT_PAGE_TEXT = "Riskkartor före och efter åtgärder"


def report_page(env: dict, folder: str, out: Path) -> None:
    """The yearly report's risk page as a picture."""
    from pypdf import PdfReader

    pdf = Path(folder) / "rapport.pdf"
    subprocess.run([sys.executable, "-m", "lagesbild", "report", "--year", str(YEAR), "--format",
                    "pdf", "--out", str(pdf)], env=env, cwd=ROOT, check=True, capture_output=True)
    number = next(index for index, page in enumerate(PdfReader(pdf).pages, start=1)
                  if REPORT_PAGE_TEXT in page.extract_text())
    target = out / "rapport.png"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l", str(number),
                    str(pdf), str(target.with_suffix(""))], check=True)
    print(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "LAGESBILD_DB": str(Path(folder) / "demo.duckdb")}
        subprocess.run([sys.executable, "-m", "lagesbild", "init", "--demo"], env=env, cwd=ROOT,
                       check=True, capture_output=True)
        report_page(env, folder, args.out)
        with dashboard(env) as (url, _server), sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            page = browser.new_page(viewport={"width": 1440, "height": 900}, locale="sv-SE")
            shots = [(board_page.url_path, f"{board_page.url_path}?ar={YEAR}")
                     for board_page in BOARD_PAGES]
            shots.append(("presentation", f"presentation?ar={YEAR}&bild={PRESENTATION_SLIDE}"))
            for name, address in shots:
                page.goto(f"{url}/{address}")
                page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]",
                                       timeout=60_000)
                page.wait_for_timeout(1500)  # let Plotly finish drawing
                target = args.out / f"{name}.png"
                page.screenshot(path=str(target))
                print(target)
            browser.close()

if __name__ == "__main__":
    main()
