"""The Tillgänglighet och SLA page in a real browser against a real server."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

# The last complete year the shipped demo data covers.
DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_availability_page_draws_every_chart(page: Page, demo_server):
    page.goto(f"{demo_server.url}/tillganglighet?ar={DEMO_YEAR}")
    wait_for_script(page)
    expect(page.get_by_role("heading", name=f"Tillgänglighet och SLA {DEMO_YEAR} · Alla kommuner")
           ).to_be_visible()
    # Per system, per month, breaches per municipality and tier, tickets per tier.
    expect(page.locator(".js-plotly-plot")).to_have_count(5)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_the_association_itself_gets_a_calm_message(page: Page, demo_server):
    page.goto(f"{demo_server.url}/tillganglighet?ar={DEMO_YEAR}&kommun=Gemensam")
    wait_for_script(page)
    expect(page.get_by_test_id("stAlertContentInfo")).to_contain_text("mäts per medlemskommun")
    expect(page.locator(".js-plotly-plot")).to_have_count(0)
    expect(page.get_by_test_id("stException")).to_have_count(0)
