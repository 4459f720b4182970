"""Tillgänglighet och SLA: availability against target per system and month, SLA breaches
per municipality and tier, and tickets resolved within the target time."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lagesbild import availability, ui
from lagesbild.page_model import Chart, Section, Table
from lagesbild.ui import charts
from lagesbild.ui.sections import escape_markdown, headline_row

# The year before is grey throughout the page; the selected year blue.
COMPARISON_COLOURS = {"previous": charts.GREY, "current": charts.BLUE}


def table(data: Table, *, pinned: str | None = None) -> None:
    help_texts = data.help or {}
    st.dataframe(
        pd.DataFrame(list(data.rows), columns=list(data.columns)), hide_index=True,
        column_config={column: st.column_config.TextColumn(
            alignment="right" if column in data.numeric else None, help=help_texts.get(column),
            pinned=True if column == pinned else None)
            for column in data.columns})


def section(part: Section | None, draw, lang: str) -> None:
    """Title, the sentence, then the chart drawn by ``draw``, the table and the note."""
    if part is None:
        return
    st.subheader(part.title, anchor=False)
    st.markdown(escape_markdown(part.sentence))
    if part.chart is not None:
        charts.show(draw(part.chart, lang), key=part.key)
    if part.table is not None:
        # The system's name stays in view while the details scroll sideways.
        table(part.table, pinned=part.table.columns[0] if part.key == "systems" else None)
    if part.note:
        st.caption(escape_markdown(part.note))


def systems_chart(chart: Chart, lang: str) -> go.Figure:
    """The systems lowest against their target: a bar per system coloured by its status
    word, and a tick at its target."""
    fig = go.Figure()
    for series in chart.series:
        if series.key == "target":
            fig.add_scatter(y=chart.categories, x=series.values, name=series.name, mode="markers",
                            marker=dict(symbol="line-ns-open", size=22, color="black",
                                        line=dict(width=3)))
        else:
            fig.add_bar(y=chart.categories, x=series.values, name=series.name, orientation="h",
                        marker_color=charts.STATUS[series.key], text=series.labels,
                        textposition="inside", insidetextanchor="end")
    # One bar per system: stacking puts each system's single coloured bar on its own row.
    fig.update_layout(barmode="relative", legend_traceorder="normal")
    charts.style(fig, lang, height=90 + 30 * len(chart.categories))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(range=[chart.axis_start, 100], ticksuffix=chart.value_suffix, showgrid=True,
                     gridcolor="#E5E5E5")
    return fig


def trend_chart(chart: Chart, lang: str) -> go.Figure:
    fig = go.Figure()
    for series in chart.series:
        previous = series.key == "previous"
        fig.add_scatter(x=chart.categories, y=series.values, name=series.name,
                        mode="lines+markers",
                        line=dict(color=COMPARISON_COLOURS[series.key], dash="dot" if previous else None))
    charts.style(fig, lang)
    fig.update_yaxes(range=[chart.axis_start, 100.5], ticksuffix=chart.value_suffix)
    return fig


def comparison_bars(chart: Chart, lang: str) -> go.Figure:
    fig = go.Figure()
    for series in chart.series:
        fig.add_bar(x=chart.categories, y=series.values, name=series.name,
                    marker_color=COMPARISON_COLOURS[series.key], text=series.labels or None,
                    textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group")
    charts.style(fig, lang, height=300)
    largest = max((v for s in chart.series for v in s.values if v is not None), default=0)
    # Counts stay on whole-number ticks ("0,5 SLA-brott" means nothing).
    fig.update_yaxes(ticksuffix=chart.value_suffix, dtick=1 if largest <= 6 else None)
    return fig


filters = ui.selected_filters()
view = availability.build(ui.fetch, filters.year, filters.municipality, filters.lang)
lang = filters.lang

st.header(view.heading, anchor=False)
st.caption(view.as_of)
if not view.has_data:
    ui.no_data(view.no_data_message)
else:
    headline_row(view.metrics, lang)
    section(view.systems, systems_chart, lang)
    section(view.by_month, trend_chart, lang)
    left, right = st.columns(2, gap="large")
    with left:
        section(view.by_municipality, comparison_bars, lang)
    with right:
        section(view.by_tier, comparison_bars, lang)
    section(view.tickets_by_tier, comparison_bars, lang)
