"""Every page against WCAG 2.1 AA with axe-core in a real browser, in Swedish and in English:
no violation the product controls, the page's language on <html>, its own title, one h1.

What Streamlit itself draws and the product cannot change is listed in STREAMLIT_OWNED with
the reason; everything else fails the test."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsertest import wait_for_script
from playwright.sync_api import Page

from lagesbild import demo
from lagesbild.i18n import t
from lagesbild.pages import ALL_PAGES

DEMO_YEAR = demo.DEMO_UNTIL.year - 1
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Bounded: charts go on loading after the script has finished.
SKELETONS_GONE_MS = 20_000

# Rules broken only inside markup Streamlit draws itself, by where (a test id), and why the
# product leaves them.
STREAMLIT_OWNED = {
    # The sectioned menu (st.navigation with sections) puts each section's header <div> and
    # its links straight inside the sidebar's <ul>: Streamlit's markup.
    ("list", "[data-testid=stSidebarNav]"),
    ("listitem", "[data-testid=stSidebarNav]"),
    # st.table wraps a table wider than the page in a scrolling <div> without a tabindex.
    ("scrollable-region-focusable", "[data-testid=stTable]"),
}


def _owned(page: Page, rule: str, target: list) -> bool:
    """Whether the element axe reports sits inside Streamlit's own markup for that rule."""
    for owned_rule, where in STREAMLIT_OWNED:
        if rule == owned_rule and page.evaluate(
                "([target, where]) => !!document.querySelector(target)?.closest(where)",
                [str(target[0]), where]):
            return True
    return False


def violations(page: Page) -> list[tuple[str, str, str]]:
    """axe-core's WCAG 2.1 A/AA violations on the page: (rule, element, summary) each."""
    page.wait_for_selector("[data-testid=stSkeleton]", state="detached",
                           timeout=SKELETONS_GONE_MS)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA},
                                       "resultTypes": ["violations"]})
    found = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            if not _owned(page, violation["id"], node["target"]):
                found.append((violation["id"], node["html"][:120],
                              node.get("failureSummary", "")[:200]))
    return found


PAGES = ALL_PAGES


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_page_meets_wcag_21_aa_as_far_as_the_product_draws_it(page: Page, demo_server,
                                                                    lang):
    found = {}
    for app_page in PAGES:
        query = f"ar={DEMO_YEAR}" + ("&lang=en" if lang == "en" else "")
        page.goto(f"{demo_server.url}/{app_page.url_path}?{query}")
        wait_for_script(page)
        title = t(app_page.title_key, lang)
        assert page.evaluate("document.documentElement.lang") == lang, app_page.url_path
        assert page.title() == f"{title} · Lägesbild"
        assert page.locator("h1").count() == 1, app_page.url_path
        problems = violations(page)
        if problems:
            found[app_page.url_path] = problems
    assert found == {}
