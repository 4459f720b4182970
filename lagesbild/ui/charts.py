"""The look every chart shares: a colour-blind safe palette (Okabe–Ito), numbers as the
reader's language writes them, a calm layout, one way to put a figure on the page, and the
bars that compare a year with the year before.

Charts are drawn from aggregated rows only: a figure never carries raw records to the
browser.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from lagesbild.areas.sections import Chart

# The shared colours, here too so pages draw with charts.STATUS, charts.GREY, …
from lagesbild.palette import (BLUE, COMPARISON, GREEN, GREY, ORANGE, SEVERITY,  # noqa: F401
                               SKY, STATUS)

# Plotly's separators: decimal mark, then thousands separator.
_SEPARATORS = {"sv": ",\u00a0", "en": ".,"}
# The value axis's grid lines.
GRID = "#E5E5E5"


def layout(lang: str, *, height: int = 320, legend: bool = True, xaxis: dict | None = None,
           yaxis: dict | None = None, legend_settings: dict | None = None, **settings) -> dict:
    """The shared look as a figure's layout, with a chart's own settings on top: ``xaxis``,
    ``yaxis`` and ``legend_settings`` added to the shared axes and legend, ``settings`` (barmode,
    shapes, …) beside them.

    A figure built whole, go.Figure(data=[…], layout=layout(…)), is checked by Plotly once;
    each update_* call on a built figure walks and checks its layout again, which cost three
    times as much as the rest of drawing a chart."""
    return dict(
        separators=_SEPARATORS.get(lang, _SEPARATORS["sv"]),
        height=height,
        margin=dict(l=8, r=8, t=8, b=8),
        font=dict(size=14),
        showlegend=legend,
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                    **(legend_settings or {})),
        plot_bgcolor="white",
        hoverlabel=dict(font_size=14),
        xaxis={"showgrid": False, **(xaxis or {})},
        yaxis={"gridcolor": GRID, "rangemode": "tozero", **(yaxis or {})},
        **settings,
    )


def style(fig: go.Figure, lang: str, *, height: int = 320, legend: bool = True) -> go.Figure:
    """Apply the shared look to a figure already built and return it."""
    return fig.update_layout(layout(lang, height=height, legend=legend))


def target_line(value: float, label: str, *, width: int = 1) -> dict:
    """A dashed target line across the plot at ``value`` with its label above its left end,
    as layout settings (as Figure.add_hline draws it, without re-checking the figure)."""
    return dict(
        shapes=[dict(type="line", xref="x domain", x0=0, x1=1, yref="y", y0=value, y1=value,
                     line=dict(color=GREY, dash="dash", width=width))],
        annotations=[dict(text=label, showarrow=False, xref="x domain", x=0, xanchor="left",
                          yref="y", y=value, yanchor="bottom")])


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
    bars = [go.Bar(x=chart.categories, y=series.values, name=series.name,
                   marker_color=COMPARISON[series.key], text=series.labels or None,
                   textposition="outside", cliponaxis=False)
            for series in chart.series]
    return go.Figure(data=bars, layout=layout(
        lang, height=300, barmode="group",
        yaxis=dict(ticksuffix=chart.value_suffix or None, **whole_number_ticks(chart))))
