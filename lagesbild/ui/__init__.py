"""The Streamlit side of Lägesbild: the shared connection and query cache, the filters
kept in the URL, and the building blocks pages draw with. Only this package, the pages
and ``dashboard.py`` import Streamlit.
"""

from lagesbild.ui.access import (auth_configured, configured_roles, current_user, require_role,
                                 role_name, sidebar_user, signed_in_user)
from lagesbild.ui.components import area_rows, demo_notice, no_data, user_errors
from lagesbild.ui.data import connection, cursor, fetch, page_model, writing
from lagesbild.ui.filters import Filters, selected_filters, sidebar_filters
from lagesbild.ui.navigation import board_pages, page_file, user_sections

__all__ = [
    "Filters", "area_rows", "auth_configured", "board_pages", "configured_roles", "connection",
    "current_user", "cursor", "demo_notice", "fetch", "no_data", "page_file", "page_model",
    "require_role", "role_name", "selected_filters", "sidebar_filters", "sidebar_user", "signed_in_user",
    "user_errors", "user_sections", "writing",
]
