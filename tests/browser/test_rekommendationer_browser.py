"""Revisionens rekommendationer in a real browser: opened by its address, drawn without errors."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_page_draws_its_grid_and_chart(page: Page, demo_server):
    page.goto(f"{demo_server.url}/rekommendationer?ar={DEMO_YEAR}&kommun=Köping")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=f"Revisionens rekommendationer {DEMO_YEAR}")).to_be_visible()
    expect(main.get_by_test_id("stMetric")).to_have_count(4)
    grid = main.get_by_test_id("stTable")
    expect(grid).to_have_count(1)
    # Every assessment is a word on its colour, never a colour alone.
    expect(grid.get_by_role("cell", name="Delvis", exact=True).first).to_be_visible()
    expect(main.get_by_test_id("stPlotlyChart")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)
