"""Presentation mode in a real browser: full screen without the sidebar, and the arrow keys
change the slide."""

from __future__ import annotations

import functools

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import db, demo, report

DEMO_YEAR = demo.DEMO_UNTIL.year - 1


def slide_titles(db_path) -> list[str]:
    con = db.connect(db_path, read_only=True)
    try:
        built = report.build(functools.partial(db.query, con), DEMO_YEAR, None, "sv")
        return [slide.title for slide in built.slides]
    finally:
        con.close()


def test_arrow_keys_change_the_slide(page: Page, demo_server, demo_db_path):
    titles = slide_titles(demo_db_path)
    page.goto(f"{demo_server.url}/presentation?ar={DEMO_YEAR}")
    wait_for_script(page)
    expect(page.get_by_role("heading", name=titles[0])).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_text(f"1 / {len(titles)}", exact=True)).to_be_visible()

    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name=titles[1])).to_be_visible()
    expect(page).to_have_url(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild=2")
    # A key pressed while the page is still redrawing can be lost: press when it is done.
    wait_for_script(page)
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", name=titles[2])).to_be_visible()
    wait_for_script(page)
    # The incidents slide draws its chart.
    expect(page.get_by_test_id("stPlotlyChart").locator(".barlayer")).to_have_count(1)

    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("heading", name=titles[1])).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
