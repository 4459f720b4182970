"""Every board page in a real browser: reachable from the menu, and never without the
entrypoint, even as the first request on a freshly started server."""

from __future__ import annotations

import re

import pytest
from browsertest import wait_for_script
from playwright.sync_api import Page, expect

from lagesbild import demo
from lagesbild.i18n import t
from lagesbild.pages import ALL_PAGES, BOARD_PAGES

DEMO_YEAR = demo.DEMO_UNTIL.year - 1
TITLES = [t(page.title_key) for page in BOARD_PAGES]


def test_every_page_opens_from_the_menu_without_errors(page: Page, demo_server):
    page.goto(f"{demo_server.url}/oversikt?ar={DEMO_YEAR}")
    wait_for_script(page)
    nav = page.get_by_test_id("stSidebarNav")
    for url_path, title in zip((page.url_path for page in BOARD_PAGES), TITLES):
        nav.get_by_role("link", name=title, exact=True).click()
        expect(page).to_have_url(re.compile(rf"/{url_path}\?ar={DEMO_YEAR}"))
        wait_for_script(page)
        expect(page.get_by_test_id("stMainBlockContainer").get_by_role("heading").first).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
        # The filters stay as chosen while moving between pages.
        expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="År")).to_have_value(
            str(DEMO_YEAR))


@pytest.mark.parametrize("url_path", ["risker", "incidenter"])
def test_deep_link_on_a_fresh_server_shows_the_menu_and_filters(page: Page, fresh_server, url_path):
    page.goto(f"{fresh_server.url}/{url_path}?ar=2024&kommun=Köping")
    wait_for_script(page)
    sidebar = page.get_by_test_id("stSidebar")
    # The menu and the filters are drawn by dashboard.py alone (local mode: every page).
    expect(sidebar.get_by_test_id("stSidebarNav").get_by_role("link")).to_have_count(len(ALL_PAGES))
    expect(sidebar.get_by_role("combobox", name="År")).to_have_value("2024")
    expect(sidebar.get_by_role("combobox", name="Kommun")).to_have_value("Köping")
    expect(page).to_have_url(re.compile(rf"/{url_path}\?"))
    expect(page.get_by_test_id("stException")).to_have_count(0)
