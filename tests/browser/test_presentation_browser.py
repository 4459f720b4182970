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


def heat_map_texts(page: Page) -> list[str]:
    """The texts written in the heat map's cells (Plotly draws them as annotations)."""
    return page.get_by_test_id("stPlotlyChart").locator(".annotation-text").evaluate_all(
        "nodes => nodes.map(node => node.textContent)")


def risk_slide(db_path) -> tuple[int, list[str]]:
    """The number (from 1) of the risk heat-map slide and the risk ids its internal variant shows."""
    con = db.connect(db_path, read_only=True)
    try:
        built = report.build(functools.partial(db.query, con), DEMO_YEAR, None, "sv")
    finally:
        con.close()
    index, heat_slide = next((i, s) for i, s in enumerate(built.slides) if s.key == "risks")
    ids = [text for cell in heat_slide.heat_map.cells for text in cell.text.split(", ") if text]
    return index + 1, [i for i in ids if not i.startswith("+")]


def test_the_public_variant_survives_a_reload_and_keeps_the_arrow_keys(page: Page, demo_server,
                                                                      demo_db_path):
    number, risk_ids = risk_slide(demo_db_path)
    assert risk_ids
    page.goto(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number}")
    wait_for_script(page)
    page.get_by_test_id("stSkeleton").first.wait_for(state="detached")
    internal = " ".join(heat_map_texts(page))
    assert any(risk_id in internal for risk_id in risk_ids)

    page.get_by_text("Offentlig version", exact=True).click()
    expect(page).to_have_url(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number}&offentlig=ja")
    wait_for_script(page)

    # F5 on the projector: still the public variant, no risk id on the heat map.
    page.reload()
    wait_for_script(page)
    expect(page.get_by_role("switch", name="Offentlig version")).to_be_checked()
    expect(page.get_by_test_id("stPlotlyChart").locator(".annotation-text").first).to_be_visible()
    public_texts = " ".join(heat_map_texts(page))
    assert not [risk_id for risk_id in risk_ids if risk_id in public_texts]

    # A link shared from it opens the public variant in a new session too.
    other = page.context.new_page()
    other.goto(page.url)
    wait_for_script(other)
    expect(other.get_by_role("switch", name="Offentlig version")).to_be_checked()
    other.close()

    # Switching it back and forth leaves the arrow keys working.
    page.get_by_text("Offentlig version", exact=True).click()
    expect(page).to_have_url(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number}")
    wait_for_script(page)
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number + 1}")
    wait_for_script(page)
    page.get_by_text("Offentlig version", exact=True).click()
    wait_for_script(page)
    page.keyboard.press("ArrowLeft")
    expect(page).to_have_url(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number}&offentlig=ja")
