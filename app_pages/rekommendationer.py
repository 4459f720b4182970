"""Revisionens rekommendationer: how far the auditors' recommendations are implemented, each
one's assessment at every follow-up, which are overdue, and the trend over the years."""

import plotly.graph_objects as go
import streamlit as st

from lagesbild import recommendations, ui
from lagesbild.ui import charts
from lagesbild.ui.grids import show_table
from lagesbild.ui.sections import escape_markdown, headline_row, intro

# The status colours of the badges; recommendations not yet assessed in grey.
BAR_COLOUR = {"Ja": charts.STATUS["good"], "Delvis": charts.STATUS["watch"],
              "Nej": charts.STATUS["act"], "not_assessed": charts.GREY}

filters = ui.selected_filters()
lang = filters.lang
view = recommendations.build(ui.fetch, filters.year, lang)
percent = "%" if lang == "en" else "\u00a0%"

st.header(view.heading, anchor=False)
st.caption(f"{view.as_of} {view.scope_note}")

if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.headlines, lang)

    intro(view.grid.title, view.grid.sentence, view.grid.note)
    show_table(view.grid, static=True)

    trend = view.trend
    intro(trend.title, trend.sentence)
    figure = go.Figure()
    for series in trend.series:
        figure.add_trace(go.Bar(
            x=list(trend.categories), y=list(series.values), name=series.name,
            marker_color=BAR_COLOUR[series.key], text=list(series.labels),
            textposition="inside", insidetextanchor="middle",
            hovertemplate=f"%{{x}}: %{{y:.0f}}{percent}<extra>{series.name}</extra>"))
    charts.style(figure, lang, height=300)
    figure.update_layout(barmode="stack", bargap=0.45, legend_traceorder="normal")
    figure.update_yaxes(range=[0, 100], ticksuffix=percent)
    charts.show(figure, key="trend")

    with st.expander(view.full_title):
        for full in view.full_texts:
            st.markdown(f"**{escape_markdown(full.heading)}**  \n{escape_markdown(full.text)}")
            st.caption(escape_markdown(" ".join(filter(None, (full.latest, full.comment)))))
