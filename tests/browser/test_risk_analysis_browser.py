"""The Riskanalys page in a real browser, the happy path: start an analysis, assess one
component against one threat, save, see the summary and finish."""

from __future__ import annotations

import re

from browsertest import wait_for_script
from playwright.sync_api import Page, expect


def test_start_assess_save_and_finish(page: Page, demo_server):
    page.goto(f"{demo_server.url}/riskanalys")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Riskanalys", exact=True)).to_be_visible()

    main.get_by_label("Deltagare").fill("IT-chef, driftchef")
    main.get_by_role("button", name="Starta analysen").click()
    wait_for_script(page)
    expect(main.get_by_text(re.compile(r"Riskanalysen RA-\d{4}-\d{2} är startad"))).to_be_visible()

    main.get_by_role("button", name="Gå igenom hoten").click()
    wait_for_script(page)
    expect(main.get_by_text(re.compile(r"Komponent 1 av \d+ · hot 1 av \d+"))).to_be_visible()
    main.get_by_label("På grund av …").fill("att säkerhetskopiorna nås från nätet")
    main.get_by_label("inträffar …").fill("en attack med utpressningsvirus")
    main.get_by_label("vilket leder till …").fill("att katalogtjänsten står still i dagar")
    # Leaving the text sends it and reruns the page; a click during that rerun can be lost.
    page.keyboard.press("Tab")
    wait_for_script(page)
    main.get_by_text("2 – Liten", exact=True).click()
    wait_for_script(page)
    expect(main.get_by_role("radio", name="2 – Liten")).to_be_checked()
    main.get_by_text("3 – Betydande", exact=True).click()
    wait_for_script(page)
    expect(main.get_by_role("radio", name="3 – Betydande")).to_be_checked()
    expect(main.get_by_text("Risknivå: Medelhög (6)")).to_be_visible()
    main.get_by_role("button", name="Spara och gå vidare").click()
    wait_for_script(page)
    expect(main.get_by_text(re.compile(r"Bedömningen av R-\d+ per .* är sparad"))).to_be_visible()
    expect(main.get_by_text(re.compile(r"Komponent 1 av \d+ · hot 2 av \d+"))).to_be_visible()

    main.get_by_role("button", name="Till sammanfattningen").click()
    wait_for_script(page)
    expect(main.get_by_text("1 risk bedömd – Extremt hög: 0, Hög: 0, Medelhög: 1, Låg: 0.",
                            exact=False)).to_be_visible()
    main.get_by_role("button", name="Avsluta analysen").click()
    wait_for_script(page)
    expect(main.get_by_text(re.compile(r"Riskanalysen RA-\d{4}-\d{2} är avslutad"))).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
