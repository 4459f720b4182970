"""The overview in a real browser against a real server."""

from __future__ import annotations

import re

import duckdb
from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

INCIDENTS_LABEL = "Anmälda incidenter"
# The last complete year the shipped demo data covers.
DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def wait_for_app(page: Page) -> None:
    """Wait until the script has finished running and the page is drawn."""
    wait_for_script(page)
    expect(page.get_by_test_id("stMetric").first).to_be_visible()


def incident_metric(page: Page):
    return (page.get_by_test_id("stMetric").filter(has_text=INCIDENTS_LABEL)
            .get_by_test_id("stMetricValue"))


def heading(page: Page):
    return page.get_by_role("heading", name=re.compile(r"^Lägesbild \d{4}"))


def year_select(page: Page):
    return page.get_by_test_id("stSidebar").get_by_test_id("stSelectbox").filter(has_text="År")


def incidents_per_year(db_path) -> dict[int, int]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT year(reported_at), count(*) FROM incidents GROUP BY 1").fetchall()
    finally:
        con.close()
    return dict(rows)


def test_overview_shows_the_metrics_without_errors(page: Page, demo_server):
    page.goto(f"{demo_server.url}/?ar={DEMO_YEAR}")
    wait_for_app(page)
    expect(page.get_by_test_id("stMetric")).to_have_count(5)
    expect(heading(page)).to_contain_text(f"Lägesbild {DEMO_YEAR}")
    expect(page.get_by_test_id("stException")).to_have_count(0)
    # The root opens the overview at its own address, keeping the selection.
    expect(page).to_have_url(re.compile(rf"/oversikt\?ar={DEMO_YEAR}$"))


def test_changing_the_year_changes_the_url_and_the_figures(page: Page, demo_server, demo_db_path):
    counts = incidents_per_year(demo_db_path)
    # A year whose incident count differs, so the change is visible.
    other_year = next(year for year in sorted(counts, reverse=True)
                      if year < DEMO_YEAR and counts[year] != counts[DEMO_YEAR])

    page.goto(f"{demo_server.url}/oversikt?ar={DEMO_YEAR}")
    wait_for_app(page)
    before = incident_metric(page).inner_text()
    year_select(page).click()
    page.get_by_role("option", name=str(other_year), exact=True).click()

    expect(page).to_have_url(re.compile(rf"ar={other_year}"))
    expect(incident_metric(page)).not_to_have_text(before)
    expect(heading(page)).to_contain_text(f"Lägesbild {other_year}")
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_deep_link_on_a_fresh_server_runs_the_entrypoint(page: Page, fresh_server):
    # The first request this server ever sees is a deep link with a selection.
    page.goto(f"{fresh_server.url}/oversikt?ar=2024")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    # The filters and the language switch are drawn by dashboard.py only.
    expect(sidebar.get_by_role("combobox", name="År")).to_have_value("2024")
    expect(sidebar.get_by_role("combobox", name="Kommun")).to_have_value("Alla kommuner")
    expect(sidebar.get_by_role("radio", name="Svenska")).to_be_checked()
    expect(heading(page)).to_contain_text("Lägesbild 2024")
    expect(page).to_have_url(re.compile(r"/oversikt\?ar=2024"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
