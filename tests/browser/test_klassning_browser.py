"""Informationsklassning in a real browser: opened by its address, drawn without errors."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo
from lagesbild.i18n import t

DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_page_draws_its_charts_and_tables(page: Page, demo_server):
    page.goto(f"{demo_server.url}/klassning?ar={DEMO_YEAR}")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=f"Informationsklassning {DEMO_YEAR}")).to_be_visible()
    expect(main.get_by_test_id("stMetric")).to_have_count(3)
    # Coverage over the years and the action plans; the overdue reviews and the availability
    # needs as tables, the KLASSA levels as a grid.
    expect(main.get_by_test_id("stPlotlyChart")).to_have_count(2)
    expect(main.get_by_test_id("stTable")).to_have_count(2)
    expect(main.get_by_test_id("stDataFrame")).to_have_count(1)
    expect(main.get_by_text(t("classification_page.needs.note"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
