"""Every page of the app, in menu order: file, address, title, icon and the role it needs,
without Streamlit.

``lagesbild.ui.navigation`` builds the app's navigation from these lists, showing a user
only the pages their role allows; the overview's findings (``lagesbild.areas.attention``) name
the page they link to by its title from here. Each page also checks its role itself.
"""

from __future__ import annotations

from typing import NamedTuple

from lagesbild.access import Role


class AppPage(NamedTuple):
    file: str           # the page file, from the project root
    url_path: str       # its address: /incidenter
    title_key: str      # its title's text key in lagesbild.i18n
    icon: str
    role: Role = Role.READER    # the least role that may open it


# What the board reads: the yearly picture, the report and the presentation.
BOARD_PAGES = (
    AppPage("app_pages/oversikt.py", "oversikt", "nav.overview", ":material/dashboard:"),
    AppPage("app_pages/incidenter.py", "incidenter", "nav.incidents", ":material/report:"),
    AppPage("app_pages/tillganglighet.py", "tillganglighet", "nav.sla", ":material/speed:"),
    AppPage("app_pages/klassning.py", "klassning", "nav.classification", ":material/lock:"),
    AppPage("app_pages/risker.py", "risker", "nav.risks", ":material/grid_on:"),
    AppPage("app_pages/rekommendationer.py", "rekommendationer", "nav.recommendations",
            ":material/fact_check:"),
    AppPage("app_pages/styrdokument.py", "styrdokument", "nav.documents",
            ":material/description:"),
)

REPORT_PAGES = (
    AppPage("app_pages/rapport.py", "rapport", "nav.report", ":material/summarize:"),
    AppPage("app_pages/presentation.py", "presentation", "nav.presentation", ":material/slideshow:"),
)

# What keeps the data current (editors) and who may do what (administrators).
MAINTENANCE_PAGES = (
    AppPage("app_pages/data.py", "data", "nav.data", ":material/upload_file:", Role.EDITOR),
    AppPage("app_pages/redigera.py", "redigera", "nav.edit", ":material/edit:", Role.EDITOR),
    AppPage("app_pages/riskanalys.py", "riskanalys", "nav.risk_analysis", ":material/checklist:",
            Role.EDITOR),
    AppPage("app_pages/andringslogg.py", "andringslogg", "nav.change_log", ":material/history:",
            Role.EDITOR),
    AppPage("app_pages/behorigheter.py", "behorigheter", "nav.roles", ":material/group:",
            Role.ADMIN),
)

# The accessibility statement is about what is published, so anyone may read it, signed in
# or not, with a role or without.
STATEMENT_PAGE = AppPage("app_pages/tillganglighetsredogorelse.py", "tillganglighetsredogorelse",
                         "nav.statement", ":material/accessibility:")
ABOUT_PAGES = (STATEMENT_PAGE,)

ALL_PAGES = BOARD_PAGES + REPORT_PAGES + MAINTENANCE_PAGES + ABOUT_PAGES


def app_page(url_path: str) -> AppPage:
    """The page at an address."""
    return next(page for page in ALL_PAGES if page.url_path == url_path)
