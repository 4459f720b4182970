"""Helpers for page tests through Streamlit's AppTest (the fixtures are in conftest.py)."""

from __future__ import annotations

import json


def assert_clean(app) -> None:
    """No exception and no error message on the page."""
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]


def chart_traces(app) -> list[list[dict]]:
    """The Plotly traces of every chart on the page, in order."""
    return [json.loads(chart.proto.spec)["data"] for chart in app.get("plotly_chart")]


def texts(app) -> str:
    """All markdown, caption and info text on the page, joined, to search in."""
    parts = [m.value for m in app.markdown] + [c.value for c in app.caption]
    parts += [i.value for i in app.info] + [w.value for w in app.warning]
    return "\n".join(parts)
