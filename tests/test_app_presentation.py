"""Presentation mode through AppTest: one slide at a time from the report's slides, next and
previous, the slide number in the URL and kept in range, the figure and the chart's series
as the report model has them, and the public switch."""

from __future__ import annotations

import functools
import json

import pytest
from pagetest import chart_traces, page_opener

from lagesbild.data import db
from lagesbild import demo, report

PAGE = "app_pages/presentation.py"
YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)


@pytest.fixture(scope="module")
def slides(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    try:
        fetch = functools.partial(db.query, con)
        return {public: report.yearly_report(fetch, YEAR, None, "sv", public=public).slides
                for public in (False, True)}
    finally:
        con.close()


def shown_title(app) -> str:
    return app.title[0].value


def counter(app) -> str:
    return next(m.value for m in app.markdown if " / " in m.value)


def test_opens_on_the_first_slide_and_steps_forward_and_back(open_app, demo_copy, slides):
    app = open_page(open_app, demo_copy, ar=YEAR)
    total = len(slides[False])
    assert shown_title(app) == slides[False][0].title
    assert counter(app) == f"1 / {total}"
    assert app.button(key="presentation_previous").disabled

    app.button(key="presentation_next").click().run()
    assert shown_title(app) == slides[False][1].title
    assert counter(app) == f"2 / {total}"
    assert app.query_params["bild"] == "2"

    app.button(key="presentation_previous").click().run()
    assert shown_title(app) == slides[False][0].title
    assert not app.exception


def test_the_url_opens_a_slide_with_its_figure_and_chart(open_app, demo_copy, slides):
    app = open_page(open_app, demo_copy, ar=YEAR, bild=5)
    expected = slides[False][4]
    assert shown_title(app) == expected.title
    assert counter(app).startswith("5 / ")

    app = open_page(open_app, demo_copy, ar=YEAR, bild=3)
    expected = slides[False][2]
    assert expected.key == "incidents"
    assert app.metric[0].value == expected.value
    assert app.metric[0].label == expected.value_label
    assert expected.sentence in [m.value for m in app.markdown]
    (traces,) = chart_traces(app)
    assert [trace["name"] for trace in traces] == [s.name for s in expected.chart.series]
    for trace, series in zip(traces, expected.chart.series):
        assert tuple(trace["y"]) == series.values
        assert tuple(trace["x"]) == tuple(str(c) for c in expected.chart.chart.categories)
    # The year before is the line over the stacked bars.
    assert [trace["type"] for trace in traces] == ["bar"] * 4 + ["scatter"]


def test_a_slide_number_out_of_range_opens_the_nearest(open_app, demo_copy, slides):
    total = len(slides[False])
    app = open_page(open_app, demo_copy, ar=YEAR, bild=99)
    assert shown_title(app) == slides[False][-1].title
    assert app.button(key="presentation_next").disabled
    app = open_page(open_app, demo_copy, ar=YEAR, bild="x")
    assert counter(app) == f"1 / {total}"


def test_the_heat_map_slide_and_the_public_switch(open_app, demo_copy, slides):
    index = next(i for i, s in enumerate(slides[False]) if s.key == "risks")
    app = open_page(open_app, demo_copy, ar=YEAR, bild=index + 1)
    (traces,) = chart_traces(app)
    assert traces[0]["type"] == "heatmap"
    layout_texts = " ".join(a["text"] for a in _annotations(app))
    assert "R-0" in layout_texts

    app.toggle(key="presentation_public").set_value(True).run()
    assert shown_title(app) == slides[True][index].title
    public_texts = " ".join(a["text"] for a in _annotations(app))
    assert "R-0" not in public_texts
    counts = [cell.text for cell in slides[True][index].heat_map.cells if cell.text]
    assert counts and all(text.isdigit() for text in counts)
    # (the status word's rule, written out under it, is a caption too)
    assert any(m.value.startswith("Offentlig version") for m in app.caption)


def _annotations(app) -> list[dict]:
    return json.loads(app.get("plotly_chart")[0].proto.spec)["layout"]["annotations"]


def test_english(open_app, demo_copy):
    app = open_page(open_app, demo_copy, ar=YEAR, lang="en")
    assert shown_title(app) == f"Information and IT security {YEAR}"
    assert app.button(key="presentation_next").label == "Next"


def test_the_decisions_slide_reads_as_the_paper(open_app, demo_copy, slides):
    decisions = slides[False][-1]
    assert decisions.key == "decisions"
    app = open_page(open_app, demo_copy, ar=YEAR, bild=len(slides[False]))
    shown = [m.value for m in app.markdown]
    assert "Förbundsdirektionen föreslås besluta att" in shown
    (listed,) = [m for m in shown if m.startswith("1. ")]
    lines = listed.split("\n")
    assert [line.split(". ", 1)[0] for line in lines] == [str(n) for n in range(1, len(decisions.bullets) + 1)]
    assert len(lines) >= 2
    # No line about how the app works.
    assert not [m for m in shown if "Översikt" in m or "Att uppmärksamma" in m]


def test_an_axis_that_does_not_start_at_zero_says_so(open_app, demo_copy, slides):
    numbered = {slide.key: n for n, slide in enumerate(slides[False], start=1)}
    sla = slides[False][numbered["sla"] - 1]
    assert sla.chart.chart.axis_start
    app = open_page(open_app, demo_copy, ar=YEAR, bild=numbered["sla"])
    start = f"{sla.chart.chart.axis_start:g}".replace(".", ",")
    assert any(f"börjar vid {start}\u00a0%" in m.value for m in app.markdown)
    app = open_page(open_app, demo_copy, ar=YEAR, bild=numbered["incidents"])
    assert slides[False][numbered["incidents"] - 1].chart.chart.axis_start is None
    assert not any("börjar vid" in m.value for m in app.markdown)
