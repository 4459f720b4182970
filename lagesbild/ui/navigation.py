"""The board pages (lagesbild/pages.py) as Streamlit pages: dashboard.py builds the navigation
from them, and pages link to each other through them."""

from __future__ import annotations

import streamlit as st

from lagesbild.i18n import t
from lagesbild.pages import BOARD_PAGES, app_page


def board_pages(lang: str) -> list[st.Page]:
    return [st.Page(page.file, title=t(page.title_key, lang), icon=page.icon,
                    url_path=page.url_path)
            for page in BOARD_PAGES]


def page_file(url_path: str) -> str:
    """The page file behind an address, for st.page_link and st.switch_page."""
    return app_page(url_path).file
