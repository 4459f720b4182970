"""The Incidenter page in a real browser against a real server."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

# The last complete year the shipped demo data covers.
DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_incidents_page_draws_every_chart(page: Page, demo_server):
    page.goto(f"{demo_server.url}/incidenter?ar={DEMO_YEAR}")
    wait_for_script(page)
    expect(page.get_by_role("heading", name=f"Incidenter {DEMO_YEAR} · Alla kommuner")).to_be_visible()
    # Per month, category, cause, municipality, open incidents and reporting.
    expect(page.locator(".js-plotly-plot")).to_have_count(6)
    expect(page.get_by_test_id("stMetric")).to_have_count(4)
    expect(page.get_by_test_id("stException")).to_have_count(0)
