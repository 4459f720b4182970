"""The Streamlit side of Lägesbild: the shared connection and query cache, the filters
kept in the URL, and the building blocks pages draw with. Only this package, the pages
and ``dashboard.py`` import Streamlit.
"""

from lagesbild.ui.access import current_user, require_role
from lagesbild.ui.components import area_rows, demo_notice, no_data, user_errors
from lagesbild.ui.data import connection, fetch
from lagesbild.ui.filters import Filters, selected_filters, sidebar_filters
from lagesbild.ui.navigation import board_pages, page_file

__all__ = [
    "Filters", "area_rows", "board_pages", "connection", "current_user", "demo_notice", "fetch",
    "no_data", "page_file", "require_role", "selected_filters", "sidebar_filters", "user_errors",
]
