"""Informationsklassning: how many systems have a current classification, which reviews are
overdue, what the systems need, how far the action plans are met, and where high availability
needs lack a continuity plan or a sufficient service level."""

import plotly.graph_objects as go
import streamlit as st

from lagesbild.areas import classification
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.areas.sections import Chart, pct_suffix
from lagesbild.ui import charts
from lagesbild.ui.sections import chart_part, headline_row, table_part

ui.require_role(Role.READER)

# Colour and line style per series: two cues, so the lines stay apart without colour.
LINE_STYLE = {
    "all": (charts.BLUE, "solid", "circle"),
    "infrastructure": (charts.ORANGE, "dash", "square"),
    "gold": (charts.GREEN, "dot", "diamond"),
}
BAR_COLOUR = {"previous": charts.SKY, "current": charts.BLUE}


def coverage_chart(coverage: Chart, lang: str) -> go.Figure:
    percent = pct_suffix(lang)
    lines = []
    for series in coverage.series:
        colour, dash, symbol = LINE_STYLE[series.key]
        lines.append(go.Scatter(
            x=list(coverage.categories), y=list(series.values), name=series.name,
            mode="lines+markers", line=dict(color=colour, dash=dash, width=3),
            marker=dict(symbol=symbol, size=8),
            hovertemplate=f"%{{x}}: %{{y:.1f}}{percent}<extra>{series.name}</extra>"))
    return go.Figure(data=lines, layout=charts.layout(
        lang, xaxis=dict(dtick=1, tickformat="d"), yaxis=dict(range=[0, 105], ticksuffix=percent),
        **charts.target_line(coverage.target, coverage.target_label)))


def measures_chart(measures: Chart, lang: str) -> go.Figure:
    bars = [go.Bar(x=list(measures.categories), y=list(series.values), name=series.name,
                   marker_color=BAR_COLOUR[series.key], text=list(series.values),
                   textposition="outside",
                   hovertemplate=f"%{{x}}: %{{y}}<extra>{series.name}</extra>")
            for series in measures.series]
    return go.Figure(data=bars, layout=charts.layout(
        lang, height=300, barmode="group", yaxis=dict(title=measures.axis_title)))


filters = ui.selected_filters()
lang = filters.lang
view = classification.build(ui.fetch, filters.year, filters.municipality, lang)

st.title(view.heading, anchor=False)
st.caption(f"{view.as_of} {view.current_rule}")

if not view.has_systems:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.headlines, lang)
    chart_part(view.coverage, coverage_chart, lang)
    table_part(view.overdue, full=view.full_lists.get("overdue"))
    # One row per classified system: a scrollable grid rather than a long page.
    table_part(view.levels, static=False, full=view.full_lists.get("levels"))
    chart_part(view.measures, measures_chart, lang)
    table_part(view.needs, full=view.full_lists.get("needs"))
