"""Presentation mode in a real browser: full screen without the sidebar, and the arrow keys
change the slide."""

from __future__ import annotations

import functools

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild.data import db
from lagesbild import demo, report

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


def test_at_1280_by_720_the_controls_and_the_heat_map_fit(page: Page, demo_server, demo_db_path):
    """A projector's 1280×720: on every slide the controls are in view and not cut, and on the
    heat maps each cell's ids stay inside their cell."""
    page.set_viewport_size({"width": 1280, "height": 720})
    con = db.connect(demo_db_path, read_only=True)
    try:
        built = report.build(functools.partial(db.query, con), DEMO_YEAR, None, "sv")
    finally:
        con.close()
    for number, slide in enumerate(built.slides, start=1):
        page.goto(f"{demo_server.url}/presentation?ar={DEMO_YEAR}&bild={number}")
        wait_for_script(page)
        expect(page.get_by_role("heading", name=slide.title)).to_be_visible()
        for control in (page.get_by_role("button", name="Föregående"),
                        page.get_by_role("button", name="Nästa"),
                        page.get_by_role("switch", name="Offentlig version"),
                        page.get_by_role("link", name="Avsluta presentationen")):
            box = control.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= 720, (number, box)
            assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, (number, box)
        # No label of the controls is cut short (an ellipsis is text wider than its box).
        cut = page.evaluate("""() => [...document.querySelectorAll(
                '[data-testid=stButton] p, .st-key-presentation_public p, [data-testid=stPageLink] p')]
            .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.textContent)""")
        assert cut == [], (number, cut)
        if slide.heat_map is None:
            continue
        page.get_by_test_id("stSkeleton").first.wait_for(state="detached")
        chart = page.get_by_test_id("stPlotlyChart")
        expect(chart.locator(".annotation-text").first).to_be_visible()
        # Each annotation's text inside the drawn cell it stands on (Plotly's heat-map cells
        # are the rectangles of the heat-map layer, xgap apart).
        spilled = chart.evaluate("""root => {
            const cells = [...root.querySelectorAll('.hm image, .heatmaplayer image')];
            const plot = root.querySelector('.nsewdrag').getBoundingClientRect();
            const width = plot.width / 4, height = plot.height / 4;
            return [...root.querySelectorAll('.annotation')].map(a => a.getBoundingClientRect())
              .filter(r => {
                const column = Math.floor((r.left + r.width / 2 - plot.left) / width);
                const row = Math.floor((r.top + r.height / 2 - plot.top) / height);
                const left = plot.left + column * width, top = plot.top + row * height;
                return r.left < left - 1 || r.right > left + width + 1 || r.right > window.innerWidth
                       || r.top < top - 1 || r.bottom > top + height + 1;
              }).length;
        }""")
        assert spilled == 0, number
