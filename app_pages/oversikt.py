"""Översikt: where the association stands in the selected year, area by area."""

import streamlit as st

from lagesbild import overview, ui

filters = ui.selected_filters()
view = overview.build(ui.fetch, filters.year, filters.municipality, filters.lang)

st.header(view.heading, anchor=False)
st.caption(view.as_of)
if view.selection_has_data:
    ui.area_rows(view.scoped_areas, filters.lang)
else:
    ui.no_data(view.no_data_message)
ui.area_rows(view.shared_areas, filters.lang)
