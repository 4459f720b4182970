"""Lägesbild: the entrypoint. Runs on every page view, before the page itself.

Order matters: page setup, then the login gate, then the shared filters and the
navigation, then the page. Pages live in app_pages/ (not pages/, which Streamlit would
run without this file on a fresh server).
"""

import streamlit as st

from lagesbild import ui
from lagesbild.i18n import t

st.set_page_config(page_title="Lägesbild", layout="wide")

with ui.user_errors():
    # The login gate belongs here, before anything below reads data.

    filters = ui.sidebar_filters()
    pages = ui.board_pages(filters.lang)
    overview = pages[0]

    def open_overview():
        # Streamlit serves the default page at the root URL only, so the root opens the
        # overview at its own address (/oversikt), keeping the selection in the URL.
        st.switch_page(overview, query_params=st.query_params.to_dict())

    page = st.navigation([
        st.Page(open_overview, title=t("nav.overview", filters.lang), url_path="start",
                default=True, visibility="hidden"),
        *pages,
    ])
    ui.demo_notice(filters.lang)
    page.run()
