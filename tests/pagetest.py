"""Helpers for page tests through Streamlit's AppTest (the fixtures are in conftest.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """Markdown source as a reader sees it: escapes resolved, invisible word joiners gone."""
    return _ESCAPE.sub(r"\1", markdown).replace("\u2060", "")


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


def page_opener(page: str) -> Callable:
    """``open_page(open_app, path, **query_params)``: the app on ``path`` switched to the page
    file ``page`` and run, checked clean."""
    def open_page(open_app, path, **query_params):
        app = open_app(path, **query_params)
        app.switch_page(page).run()
        assert_clean(app)
        return app

    return open_page


def charts(app) -> dict[str, list[dict]]:
    """The traces of each chart, keyed by the chart's key (its id ends with it)."""
    return {chart.proto.id.rsplit("-", 1)[-1]: json.loads(chart.proto.spec)["data"]
            for chart in app.get("plotly_chart")}


def leaves(node):
    """The page's elements in drawing order, through columns and containers."""
    for child in node.children.values():
        if getattr(child, "children", None):
            yield from leaves(child)
        else:
            yield child


def text_before_each_chart(app) -> dict[str, str | None]:
    """The markdown right above each chart (None where something else stands there), keyed
    by the chart's key."""
    elements = list(leaves(app.main))
    found = {}
    for index, element in enumerate(elements):
        if element.type == "plotly_chart":
            previous = elements[index - 1]
            found[element.proto.id.rsplit("-", 1)[-1]] = (
                previous.value if previous.type == "markdown" else None)
    return found
