"""Styrdokument in a real browser: opened by its address, drawn without errors."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_page_draws_the_register(page: Page, demo_server):
    page.goto(f"{demo_server.url}/styrdokument?ar={DEMO_YEAR}&lang=en")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=f"Governing documents {DEMO_YEAR}")).to_be_visible()
    expect(main.get_by_test_id("stMetric")).to_have_count(4)
    register = main.get_by_test_id("stTable")
    expect(register).to_have_count(1)
    expect(register.get_by_role("cell", name="Policy för informationssäkerhet")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
