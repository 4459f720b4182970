"""Styrdokument: the register of governing documents, and which are overdue for review or
due within 90 days."""

import streamlit as st

from lagesbild.areas import documents
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.ui.components import contradiction_note
from lagesbild.ui.sections import headline_row, table_part

ui.require_role(Role.READER)

filters = ui.selected_filters()
view = documents.build(ui.fetch, filters.year, filters.lang)

st.title(view.heading, anchor=False)
st.caption(" ".join(filter(None, (view.as_of, view.scope_note))))

if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    contradiction_note(view.contradiction)
    headline_row(view.headlines, filters.lang)
    table_part(view.register)
