"""Översikt: where the association stands in the selected year, area by area, and what
needs the board's attention."""

import streamlit as st

from lagesbild.areas import attention, overview
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.i18n import t
from lagesbild.ui.components import escape_markdown, status_badge

ui.require_role(Role.READER)

ATTENTION_ANCHOR = "att-uppmarksamma"

filters = ui.selected_filters()
# Both models' queries side by side (after a year change each is a cache miss; the
# overview's include the findings', which raise an area's status); the second build then
# finds its results cached.
view = ui.page_model(overview.build, filters.year, filters.municipality, filters.lang,
                     prefetch=overview.requests(filters.year, filters.municipality))
notes = ui.page_model(attention.build, filters.year, filters.municipality, filters.lang)
# Links keep the selection: the same year, municipality and language on the next page.
link_params = {"ar": str(filters.year)}
if filters.municipality is not None:
    link_params["kommun"] = filters.municipality
if filters.lang != "sv":
    link_params["lang"] = filters.lang


def finding_row(finding: attention.Finding) -> None:
    with st.container(border=True):
        badge, text, link = st.columns([0.9, 5.4, 2.2], vertical_alignment="center")
        with badge:
            status_badge(finding.status, t(f"attention.severity.{finding.status.value}", filters.lang),
                         filters.lang)
        # The sentence names risks, systems and documents as imported.
        text.markdown(escape_markdown(finding.sentence))
        link.page_link(ui.page_file(finding.page), label=finding.link_label, icon=":material/arrow_forward:",
                       query_params=link_params)


st.title(view.heading, anchor=False)
st.caption(view.as_of)
if notes.headline:
    # The list sits below the areas; this line says what it asks for and leads there.
    st.markdown(f":material/flag: **[{notes.title}](#{ATTENTION_ANCHOR}):** {notes.headline}")
if view.selection_has_data:
    ui.area_rows(view.scoped_areas, filters.lang)
else:
    ui.no_data(view.no_data_message)
ui.area_rows(view.shared_areas, filters.lang)

st.subheader(notes.title, anchor=ATTENTION_ANCHOR)
st.caption(notes.intro)
if not notes.findings:
    ui.no_data(notes.nothing_message)
for finding in notes.shown:
    finding_row(finding)
if notes.more:
    with st.expander(notes.more_label):
        for finding in notes.more:
            finding_row(finding)
