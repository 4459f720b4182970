"""Screenshots of every board page, of one slide of the presentation mode and of the Data
page's column mapping, at 1440×900 on the demo data, and one page of the yearly report's PDF,
for the documentation.

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
# The column mapping's picture: an export from a service desk no profile knows.
UNKNOWN_EXPORT = "\r\n".join([
    "Ärendenr;Kort beskrivning;Skapad;Löst;Stängd;Prio;Kund;Objekt",
    "E-1001;Skrivaren svarar inte;28/03/2025 09:15;28/03/2025 11:00;02/04/2025 08:00;Akut;Köpings kommun;",
    "E-1002;Inloggningen hänger;31/03/2025 07:30;;;Normal;Arboga kommun;",
    "E-1003;Lösenord låst;31/03/2025 08:00;31/03/2025 08:20;;Normal;Västra Mälardalens kommunalförbund;",
]).encode("utf-8")


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
            column_mapping(page, url, args.out)
            browser.close()


def column_mapping(page, url: str, out: Path) -> None:
    """The Data page's "Koppla kolumner" for an unknown export, at its value mapping."""
    page.goto(f"{url}/data")
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)
    page.get_by_test_id("stSelectbox").filter(has_text="Dataslag").click()
    page.get_by_role("option", name="Incidenter", exact=True).click()
    # The page has redrawn for the kind (and replaced its uploader) once its export counts it.
    page.get_by_text("Allt som finns lagrat för dataslaget").filter(has_text="2 369").wait_for(timeout=60_000)
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        files=[{"name": "servicedesk-mars.csv", "mimeType": "text/csv", "buffer": UNKNOWN_EXPORT}])
    page.get_by_text("Värden i Allvarlighetsgrad").wait_for(timeout=60_000)
    page.get_by_role("heading", name="Koppla kolumner").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(1000)
    target = out / "koppla-kolumner.png"
    page.screenshot(path=str(target))
    print(target)

if __name__ == "__main__":
    main()
