"""The look every chart shares: a colour-blind safe palette (Okabe–Ito), numbers as the
reader's language writes them, a calm layout, one way to put a figure on the page, and the
bars that compare a year with the year before.

Charts are drawn from aggregated rows only: a figure never carries raw records to the
browser.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from lagesbild.sections import Chart

# The shared colours, here too so pages draw with charts.STATUS, charts.GREY, …
from lagesbild.palette import (BLUE, COMPARISON, GREEN, GREY, ORANGE, SEVERITY,  # noqa: F401
                               SKY, STATUS)

# Plotly's separators: decimal mark, then thousands separator.
_SEPARATORS = {"sv": ",\u00a0", "en": ".,"}


def style(fig: go.Figure, lang: str, *, height: int = 320, legend: bool = True) -> go.Figure:
    """Apply the shared look to ``fig`` and return it."""
    fig.update_layout(
        separators=_SEPARATORS.get(lang, _SEPARATORS["sv"]),
        height=height,
        margin=dict(l=8, r=8, t=8, b=8),
        font=dict(size=14),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, title=None),
        plot_bgcolor="white",
        hoverlabel=dict(font_size=14),
    )
    fig.update_xaxes(showgrid=False, title=None)
    fig.update_yaxes(gridcolor="#E5E5E5", title=None, rangemode="tozero")
    return fig


def show(fig: go.Figure, *, key: str | None = None) -> None:
    """Put the figure on the page, full width, without Plotly's toolbar."""
    st.plotly_chart(fig, width="stretch", key=key, config={"displayModeBar": False})


def whole_number_ticks(chart: Chart) -> dict:
    """Axis settings that keep ticks on whole numbers when counts are small: "0,5 incidenter"
    means nothing."""
    largest = max((v for series in chart.series for v in series.values if v is not None), default=0)
    return dict(dtick=1) if largest <= 6 else {}


def comparison_bars(chart: Chart, lang: str) -> go.Figure:
    """Bars of the year beside the year before, the figures written above them."""
    fig = go.Figure()
    for series in chart.series:
        fig.add_bar(x=chart.categories, y=series.values, name=series.name,
                    marker_color=COMPARISON[series.key], text=series.labels or None,
                    textposition="outside", cliponaxis=False)
    fig.update_layout(barmode="group")
    style(fig, lang, height=300)
    fig.update_yaxes(ticksuffix=chart.value_suffix or None, **whole_number_ticks(chart))
    return fig
