"""Incidenter: what was reported in the selected year, how fast it was resolved, what is
still open, and whether breaches and significant incidents were reported in time."""

import plotly.graph_objects as go
import streamlit as st

from lagesbild.areas import incidents
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.areas.sections import Chart
from lagesbild.ui import charts
from lagesbild.ui.charts import comparison_bars, whole_number_ticks
from lagesbild.ui.sections import headline_row, section

ui.require_role(Role.READER)

OUTCOME_COLOURS = {"on_time": charts.STATUS["good"], "late": charts.STATUS["watch"],
                   "not_reported": charts.STATUS["act"], "pending": charts.GREY}


def month_chart(chart: Chart, lang: str) -> go.Figure:
    traces = []
    for series in chart.series:
        if series.key == "previous":
            traces.append(go.Scatter(x=chart.categories, y=series.values, name=series.name,
                                     mode="lines+markers", line=dict(color=charts.GREY, dash="dot")))
        else:
            traces.append(go.Bar(x=chart.categories, y=series.values, name=series.name,
                                 marker_color=charts.SEVERITY[series.key]))
    return go.Figure(data=traces, layout=charts.layout(lang, barmode="stack"))


def ranked_bars(chart: Chart, lang: str) -> go.Figure:
    """Horizontal bars, the most common at the top, the year before above the year."""
    bars = [go.Bar(y=chart.categories, x=series.values, name=series.name, orientation="h",
                   marker_color=charts.COMPARISON[series.key], text=series.labels or None,
                   textposition="outside", cliponaxis=False)
            for series in chart.series]
    return go.Figure(data=bars, layout=charts.layout(
        lang, height=90 + 44 * len(chart.categories), barmode="group",
        xaxis=dict(showgrid=True, gridcolor=charts.GRID, **whole_number_ticks(chart)),
        yaxis=dict(autorange="reversed", showgrid=False)))


def reporting_chart(chart: Chart, lang: str) -> go.Figure:
    """One stacked bar per deadline, split by outcome; the counts are written in the bars."""
    bars = [go.Bar(y=chart.categories, x=series.values, name=series.name, orientation="h",
                   marker_color=OUTCOME_COLOURS[series.key], text=series.labels,
                   textposition="inside", insidetextanchor="middle")
            for series in chart.series]
    return go.Figure(data=bars, layout=charts.layout(
        lang, height=100 + 50 * len(chart.categories), barmode="stack",
        legend_settings=dict(traceorder="normal"),
        xaxis=dict(visible=False), yaxis=dict(autorange="reversed", showgrid=False)))


filters = ui.selected_filters()
view = incidents.build(ui.fetch, filters.year, filters.municipality, filters.lang)
lang = filters.lang

st.title(view.heading, anchor=False)
st.caption(view.as_of)
if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.metrics, lang)
section(view.by_month, month_chart, lang)
if view.has_data:
    left, right = st.columns(2, gap="large")
    with left:
        section(view.by_category, ranked_bars, lang)
    with right:
        section(view.by_cause, ranked_bars, lang)
section(view.by_municipality, comparison_bars, lang)
section(view.resolution, None, lang)
section(view.open_by_age, comparison_bars, lang)
section(view.reporting, reporting_chart, lang)
