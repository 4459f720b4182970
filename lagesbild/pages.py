"""The board pages, in menu order: file, address, title and icon, without Streamlit.

``lagesbild.ui.navigation`` builds the app's navigation from this list; the overview's
findings (``lagesbild.attention``) name the page they link to by its title from here.
"""

from __future__ import annotations

from typing import NamedTuple


class BoardPage(NamedTuple):
    file: str           # the page file, from the project root
    url_path: str       # its address: /incidenter
    title_key: str      # its title's text key in lagesbild.i18n
    icon: str


BOARD_PAGES = (
    BoardPage("app_pages/oversikt.py", "oversikt", "nav.overview", ":material/dashboard:"),
    BoardPage("app_pages/incidenter.py", "incidenter", "nav.incidents", ":material/report:"),
    BoardPage("app_pages/tillganglighet.py", "tillganglighet", "nav.sla", ":material/speed:"),
    BoardPage("app_pages/klassning.py", "klassning", "nav.classification", ":material/lock:"),
    BoardPage("app_pages/risker.py", "risker", "nav.risks", ":material/grid_on:"),
    BoardPage("app_pages/rekommendationer.py", "rekommendationer", "nav.recommendations",
              ":material/fact_check:"),
    BoardPage("app_pages/styrdokument.py", "styrdokument", "nav.documents",
              ":material/description:"),
)


def board_page(url_path: str) -> BoardPage:
    """The page at an address."""
    return next(page for page in BOARD_PAGES if page.url_path == url_path)
