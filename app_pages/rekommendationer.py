"""Revisionens rekommendationer: how far the auditors' recommendations are implemented, each
one's assessment at every follow-up, which are overdue, and the trend over the years."""

import plotly.graph_objects as go
import streamlit as st

from lagesbild.areas import recommendations
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.areas.sections import Chart, pct_suffix
from lagesbild.ui import charts
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.sections import chart_part, headline_row, table_part

ui.require_role(Role.READER)

# The status colours of the badges; recommendations not yet assessed in grey.
BAR_COLOUR = {"Ja": charts.STATUS["good"], "Delvis": charts.STATUS["watch"],
              "Nej": charts.STATUS["act"], "not_assessed": charts.GREY}


def trend_chart(trend: Chart, lang: str) -> go.Figure:
    """The share of recommendations in each state at every year-end, the counts in the bars."""
    percent = pct_suffix(lang)
    bars = [go.Bar(x=list(trend.categories), y=list(series.values), name=series.name,
                   marker_color=BAR_COLOUR[series.key], text=list(series.labels),
                   textposition="inside", insidetextanchor="middle",
                   hovertemplate=f"%{{x}}: %{{y:.0f}}{percent}<extra>{series.name}</extra>")
            for series in trend.series]
    return go.Figure(data=bars, layout=charts.layout(
        lang, height=300, barmode="stack", bargap=0.45, legend_settings=dict(traceorder="normal"),
        yaxis=dict(range=[0, 100], ticksuffix=percent)))


filters = ui.selected_filters()
lang = filters.lang
view = recommendations.build(ui.fetch, filters.year, lang)

st.title(view.heading, anchor=False)
st.caption(f"{view.as_of} {view.scope_note}")

if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.headlines, lang)

    table_part(view.grid)
    chart_part(view.trend, trend_chart, lang)

    with st.expander(view.full_title):
        for full in view.full_texts:
            st.markdown(f"**{escape_markdown(full.heading)}**  \n{escape_markdown(full.text)}")
            st.caption(escape_markdown(" ".join(filter(None, (full.latest, full.comment)))))
