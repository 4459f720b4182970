"""Text from the registers that Markdown, Streamlit or Plotly would read as something else is
shown as typed on the pages that show it: through the one escaping helper for Markdown, and
HTML-escaped in the heat map's Plotly texts."""

from __future__ import annotations

import html
import re

import duckdb
import pytest
from hostile_texts import HOSTILE_TEXTS
from pagetest import assert_clean, chart_traces, shown
from sample_rows import add_followup, add_risk_assessment, add_row

from lagesbild.ui.components import escape_markdown

YEAR = 2025
HOSTILE_ID = "<a href='https://example.com'>R-H6</a>"


@pytest.fixture
def hostile_db(sample_db_path):
    con = duckdb.connect(str(sample_db_path))
    try:
        add_risk_assessment(con, HOSTILE_ID, "2025-03-01", 3, 4, title=HOSTILE_TEXTS[2])
        for number, text in enumerate(HOSTILE_TEXTS):
            rec_id = f"REK-X-{number}"
            add_row(con, "recommendations", rec_id=rec_id, audit="Granskning 2025", text=text,
                    owner=text, due_date="2025-06-30")
            add_followup(con, rec_id, "2025-09-01", "Nej")
    finally:
        con.close()
    return sample_db_path


# What Markdown or Streamlit would make of a text, read off its source (the browser test
# tests/browser/test_markdown_browser.py shows each one happening): a bare address or e-mail
# address made a link, Streamlit's ":icon:", ":material/…:" and ":colour[", a list, quote or
# heading line, and unescaped emphasis, code, HTML, link brackets and entities.
HAZARDS = [re.compile(pattern) for pattern in (
    r"https?://", r"www\.", r"\w@\w", r"(?<!\\):[\w+-]+(?:/[\w-]+)?:", r"(?<!\\):[\w-]+\\?\[",
    r"(?m)^\s*(?:\d+[.)]|[-+>#])(?:\s|$)", r"(?m)^\s*-{3,}\s*$", r"(?<!\\)[*_`<>\[\]&$~|]")]


def hazards(source: str) -> list[str]:
    return [pattern.pattern for pattern in HAZARDS if pattern.search(source)]


def markdown_sources(app) -> list[str]:
    return [m.value for m in app.markdown] + [c.value for c in app.caption]


def assert_escaped_wherever_shown(app, texts) -> None:
    """Each text a reader sees is written in the page's Markdown as escape_markdown writes it."""
    sources = markdown_sources(app)
    for text in texts:
        holding = [source for source in sources if text in shown(source)]
        assert holding, text
        assert all(escape_markdown(text) in source for source in holding), (text, holding)
        assert hazards(escape_markdown(text)) == [], text


def test_recommendation_texts_show_as_typed(open_app, hostile_db):
    app = open_app(hostile_db, ar=YEAR)
    app.switch_page("app_pages/rekommendationer.py").run()
    assert_clean(app)
    assert_escaped_wherever_shown(app, HOSTILE_TEXTS)


def test_a_risk_id_is_text_on_the_heat_map(open_app, hostile_db):
    app = open_app(hostile_db, ar=YEAR)
    app.switch_page("app_pages/risker.py").run()
    assert_clean(app)
    current = chart_traces(app)[0]
    ids = next(trace for trace in current if trace.get("mode") == "text")["text"]
    assert html.escape(HOSTILE_ID) in ids
    assert not [text for text in ids if "<a" in text]
