"""The look every chart shares: a colour-blind safe palette (Okabe–Ito), numbers as the
reader's language writes them, a calm layout, and one way to put a figure on the page.

Charts are drawn from aggregated rows only: a figure never carries raw records to the
browser.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

# Okabe–Ito: distinguishable with the common forms of colour blindness.
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#999999"
CATEGORICAL = (BLUE, ORANGE, GREEN, VERMILION, SKY, PURPLE, YELLOW, GREY)

# Severity 1–4 (Låg, Medel, Hög, Kritisk): light to dark, cool to hot.
SEVERITY = {1: SKY, 2: BLUE, 3: ORANGE, 4: VERMILION}
# Status words: the same colours as the status badges; never shown without the word.
STATUS = {"good": BLUE, "watch": ORANGE, "act": VERMILION}

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
