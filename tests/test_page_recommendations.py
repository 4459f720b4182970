"""The Revisionens rekommendationer page through AppTest: the figures, the grid of follow-ups
and the trend equal what is counted independently from the tables (not through queries/)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
from pagetest import chart_traces, page_opener, texts

from lagesbild.data import db
from lagesbild import demo
from lagesbild.formatting import fmt_change, fmt_int, fmt_pct
from lagesbild.i18n import t
from sample_rows import add_system

PAGE = "app_pages/rekommendationer.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)
WORDS = {"sv": {"Ja": "Ja", "Delvis": "Delvis", "Nej": "Nej"},
         "en": {"Ja": "Yes", "Delvis": "Partly", "Nej": "No"}}


def reference_date(year: int) -> dt.date:
    return min(dt.date(year, 12, 31), dt.date.today())


class Register:
    """The recommendations and follow-ups of a database, judged in Python."""

    def __init__(self, path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            self.recommendations = con.execute(
                "SELECT rec_id, owner, due_date FROM recommendations ORDER BY rec_id").fetchall()
            self.followups = con.execute(
                "SELECT rec_id, assessed_on, assessed_by, status FROM followups "
                "ORDER BY assessed_on").fetchall()
        finally:
            con.close()

    def latest(self, year: int) -> dict[str, str | None]:
        status = {rec_id: None for rec_id, _, _ in self.recommendations}
        for rec_id, assessed_on, _, value in self.followups:
            if assessed_on <= reference_date(year):
                status[rec_id] = value
        return status

    def counts(self, year: int) -> dict[str, int]:
        states = list(self.latest(year).values())
        return {"done": states.count("Ja"), "partly": states.count("Delvis"),
                "not_done": states.count("Nej"), "not_assessed": states.count(None),
                "total": len(states)}

    def overdue(self, year: int) -> dict[str, bool]:
        latest = self.latest(year)
        return {rec_id: due is not None and due < reference_date(year) and latest[rec_id] != "Ja"
                for rec_id, _, due in self.recommendations}


def normalised(columns) -> list[str]:
    """Column names as written, without the static table's line breaks and unbreakable hyphens."""
    return [c.replace("\u2011", "-").replace("  \n", "\n") for c in columns]


@pytest.mark.parametrize("year, municipality, lang", [
    (DEMO_YEAR, None, "sv"),
    (DEMO_YEAR, "Köping", "sv"),          # association-wide: the same figures for every municipality
    (2023, None, "en"),
    (DEMO_YEAR + 1, None, "sv"),          # the running year: as of today
])
def test_demo_figures_equal_independent_counts(demo_copy, open_app, year, municipality, lang):
    register = Register(demo_copy)
    params = {"ar": year} | ({"kommun": municipality} if municipality else {}) | (
        {"lang": lang} if lang != "sv" else {})
    app = open_page(open_app, demo_copy, **params)
    assert app.title[0].value == t("recommendations_page.heading", lang, year=year)
    assert t("recommendations_page.whole_association", lang) in texts(app)

    now, before = register.counts(year), register.counts(year - 1)
    overdue = register.overdue(year)
    shown = {m.label: m.value for m in app.metric}
    assert shown[t("recommendations_page.metric.done", lang)] == t(
        "recommendations.value", lang, done=fmt_int(now["done"]), total=fmt_int(now["total"]))
    assert shown[t("recommendations_page.metric.partly", lang)] == fmt_int(now["partly"])
    assert shown[t("recommendations_page.metric.not_done", lang)] == fmt_int(now["not_done"])
    assert shown[t("recommendations_page.metric.overdue", lang)] == fmt_int(sum(overdue.values()))
    done_metric = next(m for m in app.metric if m.label == t("recommendations_page.metric.done", lang))
    difference = now["done"] - before["done"]
    assert done_metric.delta == fmt_change(difference)

    # The grid: a row per recommendation, a column per follow-up (date and assessor).
    grid = app.table[0].value
    reference = reference_date(year)
    rounds = sorted({(on, by) for _, on, by, _ in register.followups if on <= reference})
    columns = normalised(grid.columns)
    assert columns[3:-1] == [f"{on.isoformat()}\n{by}" for on, by in rounds]
    assert [text.split(" ")[0] for text in grid.iloc[:, 0]] == [r[0] for r in register.recommendations]
    assessed = {(rec_id, on, by): WORDS[lang][value] for rec_id, on, by, value in register.followups}
    for index, (rec_id, _, _) in enumerate(register.recommendations):
        cells = [None if pd.isna(v) else v for v in grid.iloc[index, 3:-1]]
        assert cells == [assessed.get((rec_id, on, by)) for on, by in rounds]
        late = grid.iloc[index, -1]
        assert (not pd.isna(late)) == overdue[rec_id]

    # The share fully implemented at each year-end, from the first follow-up's year.
    first = min(min(on.year for _, on, _, _ in register.followups), year - 1)
    (trend,) = chart_traces(app)
    by_key = {trace["name"]: trace for trace in trend}
    done = by_key[WORDS[lang]["Ja"]]
    years = range(first, year + 1)
    assert [label[:4] for label in done["x"]] == [str(y) for y in years]
    assert done["y"] == pytest.approx([100 * register.counts(y)["done"] / register.counts(y)["total"]
                                       for y in years])
    assert by_key[WORDS[lang]["Nej"]]["y"] == pytest.approx(
        [100 * register.counts(y)["not_done"] / register.counts(y)["total"] for y in years])

    # The sentence above the chart gives this year's share, or says that none is implemented.
    if now["done"] == before["done"] == 0:
        assert t("recommendations_page.trend.none_done", lang) in texts(app)
    else:
        assert fmt_pct(100 * now["done"] / now["total"], lang) in texts(app)
    assert [s.value for s in app.subheader] == [t("recommendations_page.grid.title", lang),
                                                t("recommendations_page.trend.title", lang)]


def test_full_texts_with_their_latest_assessment(demo_copy, open_app):
    con = duckdb.connect(str(demo_copy), read_only=True)
    try:
        texts_in_db = [row[0] for row in con.execute(
            "SELECT text FROM recommendations ORDER BY rec_id").fetchall()]
    finally:
        con.close()
    app = open_page(open_app, demo_copy, ar=DEMO_YEAR)
    shown = texts(app)
    assert all(text in shown for text in texts_in_db)
    assert t("recommendations_page.full.latest", date="2025-09-23", assessor="Förbundschef VMKF",
             status="Ja") in shown
    assert app.expander[0].label == t("recommendations_page.full.title")


def test_sample_data_in_english(sample_db_path, open_app):
    app = open_page(open_app, sample_db_path, ar=2025, lang="en")
    shown = {m.label: m.value for m in app.metric}
    assert shown["Fully implemented"] == "2 of 5"
    assert shown["Overdue"] == "0"          # the sample has no due dates
    grid = app.table[0].value
    assert normalised(grid.columns)[:3] == ["Recommendation", "Owner", "Due"]
    assert "No recommendation is overdue." in texts(app)


def test_no_recommendations_shows_a_calm_message(db_path, open_app):
    con = db.connect(db_path)
    add_system(con, "S")       # data of another kind, so the app does not load the demo
    con.close()
    app = open_page(open_app, db_path, ar=2025)
    assert [i.value for i in app.info] == [t("recommendations_page.no_data")]
    assert not app.metric and not app.table and not chart_traces(app)
