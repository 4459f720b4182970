"""The Styrdokument page through AppTest: the register and its figures equal what is judged
independently from the documents table (not through queries/)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
from pagetest import page_opener, texts

from lagesbild import demo
from lagesbild.formatting import fmt_change, fmt_int
from lagesbild.i18n import t

PAGE = "app_pages/styrdokument.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)
URGENCY = ("overdue", "due_soon", "ok", "not_decided", "repealed")


def months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError(day)


def judged(path, year: int) -> list[dict]:
    """Every document with its next review and state at the reference date, most urgent first."""
    reference = min(dt.date(year, 12, 31), dt.date.today())
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT title, decided_on, review_months, status FROM documents").fetchall()
    finally:
        con.close()
    documents = []
    for title, decided_on, months, status in rows:
        next_review = months_later(decided_on, months) if decided_on else None
        if status == "Upphävd":
            state = "repealed"
        elif decided_on is None or decided_on > reference:
            state = "not_decided"
        elif next_review < reference:
            state = "overdue"
        elif (next_review - reference).days <= 90:
            state = "due_soon"
        else:
            state = "ok"
        documents.append({"title": title, "next_review": next_review, "state": state})
    return sorted(documents, key=lambda d: (URGENCY.index(d["state"]), d["next_review"] or dt.date.max,
                                            d["title"]))


@pytest.mark.parametrize("year, params", [
    (DEMO_YEAR, {}),
    (DEMO_YEAR, {"kommun": "Arboga"}),     # association-wide: the same register for every municipality
    (2023, {"lang": "en"}),
    (DEMO_YEAR + 1, {}),                   # the running year: as of today
])
def test_register_equals_independent_judgement(demo_copy, open_app, year, params):
    lang = params.get("lang", "sv")
    documents, before = judged(demo_copy, year), judged(demo_copy, year - 1)
    app = open_page(open_app, demo_copy, ar=year, **params)
    assert app.title[0].value == t("documents_page.heading", lang, year=year)
    assert t("documents_page.whole_association", lang) in texts(app)

    register = app.table[0].value

    def column(key: str) -> list:
        return [None if pd.isna(v) else v for v in register[t(f"documents_page.column.{key}", lang)]]
    assert column("title") == [d["title"] for d in documents]
    assert column("review_state") == [t(f"documents_page.state.{d['state']}", lang) for d in documents]
    assert column("next_review") == [d["next_review"].isoformat() if d["next_review"] else None
                                     for d in documents]

    shown = {m.label: m.value for m in app.metric}
    for state in ("overdue", "due_soon", "ok", "not_decided"):
        assert shown[t(f"documents_page.metric.{state}", lang)] == fmt_int(
            sum(d["state"] == state for d in documents))
    overdue_before = sum(d["state"] == "overdue" for d in before)
    overdue_now = sum(d["state"] == "overdue" for d in documents)
    delta = next(m for m in app.metric if m.label == t("documents_page.metric.overdue", lang)).delta
    difference = overdue_now - overdue_before
    assert delta == fmt_change(difference)

    # The sentence names every overdue document and every one due within 90 days.
    sentence = texts(app)
    assert all(d["title"] in sentence for d in documents if d["state"] in ("overdue", "due_soon"))
    assert app.subheader[0].value == t("documents_page.register.title", lang)


def test_status_word_beside_the_colour(demo_copy, open_app):
    app = open_page(open_app, demo_copy, ar=DEMO_YEAR)
    assert any(word in texts(app) for word in ("Bra", "Bevaka", "Åtgärda"))
    states = set(app.table[0].value["Översyn"])
    assert states <= {t(f"documents_page.state.{state}") for state in URGENCY}


def test_no_documents_shows_a_calm_message(sample_db_path, open_app):
    app = open_page(open_app, sample_db_path, ar=2025, lang="en")
    assert [i.value for i in app.info] == ["No governing documents are recorded."]
    assert not app.metric and not app.table
