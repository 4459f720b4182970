"""Lägesbild: the entrypoint. Runs on every page view, before the page itself.

Order matters: page setup, then the login gate, then the shared filters and the
navigation, then the page. Pages live in app_pages/ (not pages/, which Streamlit would
run without this file on a fresh server).
"""

import streamlit as st

from lagesbild import ui
from lagesbild.i18n import t
from lagesbild.ui.access import visitor_language
from lagesbild.ui.accessibility import document_language

st.set_page_config(page_title="Lägesbild", layout="wide")

document_language(visitor_language())

with ui.user_errors():
    # Before anything below reads data: a visitor who has not signed in, or has no role,
    # sees the login page (or why there is nothing to see) on every address, and no more.
    user = ui.signed_in_user()

    filters = ui.sidebar_filters()
    sections = ui.user_sections(user, filters.lang)
    overview = next(iter(sections.values()))[0]

    def open_overview():
        # Streamlit serves the default page at the root URL only, so the root opens the
        # overview at its own address (/oversikt), keeping the selection in the URL.
        st.switch_page(overview, query_params=st.query_params.to_dict())

    start = st.Page(open_overview, title=t("nav.overview", filters.lang), url_path="start",
                    default=True, visibility="hidden")
    first_section = next(iter(sections))
    sections[first_section] = [start, *sections[first_section]]
    # Every page the user may open stays in view (Streamlit folds a menu past ten entries).
    page = st.navigation(sections, expanded=True)
    # Each page its own title in the browser's tab and history (the one above is the default).
    st.set_page_config(page_title=f"{page.title} · Lägesbild")
    ui.sidebar_user(user, filters.lang)
    ui.demo_notice(filters.lang)
    page.run()
