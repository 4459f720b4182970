"""The board pages, in menu order: file, address and title. dashboard.py builds the
navigation from this list, and pages link to each other through it."""

from __future__ import annotations

import streamlit as st

from lagesbild.i18n import t

# (page file, url path, title key, icon)
BOARD_PAGES = (
    ("app_pages/oversikt.py", "oversikt", "nav.overview", ":material/dashboard:"),
    ("app_pages/incidenter.py", "incidenter", "nav.incidents", ":material/report:"),
    ("app_pages/tillganglighet.py", "tillganglighet", "nav.sla", ":material/speed:"),
    ("app_pages/klassning.py", "klassning", "nav.classification", ":material/lock:"),
    ("app_pages/risker.py", "risker", "nav.risks", ":material/grid_on:"),
    ("app_pages/rekommendationer.py", "rekommendationer", "nav.recommendations",
     ":material/fact_check:"),
    ("app_pages/styrdokument.py", "styrdokument", "nav.documents", ":material/description:"),
)


def board_pages(lang: str) -> list[st.Page]:
    return [st.Page(path, title=t(title, lang), icon=icon, url_path=url_path)
            for path, url_path, title, icon in BOARD_PAGES]


def page_file(url_path: str) -> str:
    """The page file behind an address, for st.page_link and st.switch_page."""
    return next(path for path, url, _, _ in BOARD_PAGES if url == url_path)
