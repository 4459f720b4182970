"""Tillgänglighet och SLA: availability against target per system and month, SLA breaches
per municipality and tier, and tickets resolved within the target time."""

import plotly.graph_objects as go
import streamlit as st

from lagesbild.areas import availability
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.areas.sections import Chart
from lagesbild.ui import charts
from lagesbild.ui.charts import comparison_bars
from lagesbild.ui.sections import headline_row, section

ui.require_role(Role.READER)


def systems_chart(chart: Chart, lang: str) -> go.Figure:
    """The systems lowest against their target: a bar per system coloured by its status
    word, and a tick at its target."""
    traces = []
    for series in chart.series:
        if series.key == "target":
            traces.append(go.Scatter(y=chart.categories, x=series.values, name=series.name,
                                     mode="markers",
                                     marker=dict(symbol="line-ns-open", size=22, color="black",
                                                 line=dict(width=3))))
        else:
            traces.append(go.Bar(y=chart.categories, x=series.values, name=series.name,
                                 orientation="h", marker_color=charts.STATUS[series.key],
                                 text=series.labels, textposition="inside",
                                 insidetextanchor="end"))
    # One bar per system: stacking puts each system's single coloured bar on its own row.
    return go.Figure(data=traces, layout=charts.layout(
        lang, height=90 + 30 * len(chart.categories), barmode="relative",
        legend_settings=dict(traceorder="normal"),
        xaxis=dict(range=[chart.axis_start, 100], ticksuffix=chart.value_suffix, showgrid=True,
                   gridcolor=charts.GRID),
        yaxis=dict(autorange="reversed", showgrid=False)))


def trend_chart(chart: Chart, lang: str) -> go.Figure:
    lines = [go.Scatter(x=chart.categories, y=series.values, name=series.name,
                        mode="lines+markers",
                        line=dict(color=charts.COMPARISON[series.key],
                                  dash="dot" if series.key == "previous" else None))
             for series in chart.series]
    return go.Figure(data=lines, layout=charts.layout(
        lang, yaxis=dict(range=[chart.axis_start, 100.5], ticksuffix=chart.value_suffix)))


filters = ui.selected_filters()
view = availability.build(ui.fetch, filters.year, filters.municipality, filters.lang)
lang = filters.lang

st.title(view.heading, anchor=False)
st.caption(view.as_of)
if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.metrics, lang)
    section(view.systems, systems_chart, lang, full=view.systems_full_list)
    section(view.by_month, trend_chart, lang)
    left, right = st.columns(2, gap="large")
    with left:
        section(view.by_municipality, comparison_bars, lang)
    with right:
        section(view.by_tier, comparison_bars, lang)
    section(view.tickets_by_tier, comparison_bars, lang)
