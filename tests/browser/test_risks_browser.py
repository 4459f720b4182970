"""The Risker page and the overview's links to it, in a real browser against a real server."""

from __future__ import annotations

import re

import pytest
from browsertest import SCRIPT_DONE, wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo

# The last complete year the shipped demo data covers.
DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def test_risks_page_draws_two_heat_maps(page: Page, demo_server):
    page.goto(f"{demo_server.url}/risker?ar={DEMO_YEAR}")
    wait_for_script(page)
    expect(page.get_by_role("heading", name=f"Risker {DEMO_YEAR}")).to_be_visible()
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(2)
    # Plotly has drawn both: each has its cells and the ids placed in them.
    for index in range(2):
        expect(charts.nth(index).locator(".heatmaplayer")).to_have_count(1)
        expect(charts.nth(index).locator("text", has_text="R-0").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_attention_links_open_the_page_with_the_details(page: Page, demo_server):
    page.goto(f"{demo_server.url}/oversikt?ar={DEMO_YEAR}&kommun=Köping")
    wait_for_script(page)
    expect(page.get_by_role("heading", name="Att uppmärksamma")).to_be_visible()
    links = page.get_by_test_id("stPageLink")
    expect(links.first).to_be_visible()

    links.filter(has_text="Risker").first.click()
    expect(page).to_have_url(re.compile(rf"/risker\?ar={DEMO_YEAR}&kommun=K(ö|%C3%B6)ping$"))
    expect(page.get_by_role("heading", name=f"Risker {DEMO_YEAR}")).to_be_visible()
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(2)

    page.go_back()
    wait_for_script(page)
    page.get_by_test_id("stPageLink").filter(has_text="Informationsklassning").first.click()
    expect(page).to_have_url(re.compile(rf"/klassning\?ar={DEMO_YEAR}&kommun=K(ö|%C3%B6)ping$"))
    expect(page.get_by_test_id("stException")).to_have_count(0)


def _boxes(page: Page) -> list[dict]:
    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(2)
    for index in range(2):
        expect(charts.nth(index).locator(".heatmaplayer")).to_have_count(1)
    return [charts.nth(index).bounding_box() for index in range(2)]


def test_heat_maps_sit_side_by_side_and_stack_at_200_percent_zoom(page: Page, demo_server):
    page.goto(f"{demo_server.url}/risker?ar={DEMO_YEAR}")
    # The page's first run on this server computes all its queries: allow it a minute.
    page.wait_for_selector(SCRIPT_DONE, timeout=60_000)
    wide = _boxes(page)
    first, second = wide
    # Side by side: the second to the right of the first, level with it.
    assert second["x"] >= first["x"] + first["width"]
    assert second["y"] < first["y"] + first["height"] / 2
    # 200 % zoom of the 1440 × 900 window: the page laid out in half the CSS pixels.
    page.set_viewport_size({"width": 720, "height": 450})
    page.wait_for_timeout(500)
    first, second = _boxes(page)
    assert second["y"] >= first["y"] + first["height"]
    # Stacked, each map keeps the size it has side by side, so its ids are as legible as at
    # 100 % (squeezed into two columns, they ran into each other).
    for zoomed, normal in zip((first, second), wide):
        assert zoomed["width"] == pytest.approx(normal["width"], abs=2)
