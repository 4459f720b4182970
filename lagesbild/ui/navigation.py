"""The app's pages (lagesbild/pages.py) as Streamlit pages: dashboard.py builds the navigation
from them, showing each user only the pages their role allows, and pages link to each other
through them."""

from __future__ import annotations

import streamlit as st

from lagesbild.access import User
from lagesbild.i18n import t
from lagesbild.pages import (ABOUT_PAGES, BOARD_PAGES, MAINTENANCE_PAGES, REPORT_PAGES, AppPage,
                             app_page)

SECTIONS = (("nav.section.board", BOARD_PAGES), ("nav.section.report", REPORT_PAGES),
            ("nav.section.maintenance", MAINTENANCE_PAGES), ("nav.section.about", ABOUT_PAGES))


def _page(page: AppPage, lang: str, visibility: str = "visible") -> st.Page:
    return st.Page(page.file, title=t(page.title_key, lang), icon=page.icon,
                   url_path=page.url_path, visibility=visibility)


def board_pages(lang: str) -> list[st.Page]:
    return [_page(page, lang) for page in BOARD_PAGES]


def user_sections(user: User, lang: str) -> dict[str, list[st.Page]]:
    """Menu section title -> the pages in it that ``user`` may open; empty sections left out."""
    sections = {}
    refused = []
    for title_key, pages in SECTIONS:
        allowed = [_page(page, lang) for page in pages if user.may(page.role)]
        if allowed:
            sections[t(title_key, lang)] = allowed
        refused += [_page(page, lang, "hidden") for page in pages if not user.may(page.role)]
    # A page the role may not open keeps its address, out of the menu: a link to it runs the
    # page, which says in the user's language which role it needs (instead of Streamlit's
    # English "Page not found").
    if sections:
        first = next(iter(sections))
        sections[first] = [*sections[first], *refused]
    return sections


def page_file(url_path: str) -> str:
    """The page file behind an address, for st.page_link and st.switch_page."""
    return app_page(url_path).file
