"""Long per-system tables are shortened to the rows that matter most, with the whole list to
download: the shortened page keeps its figures, shows the first rows of the section's own
order, and the whole list equals the table the page would show unshortened. The demo's
tables are short enough to be shown whole. Also: the CSV of a list is formula-safe."""

from __future__ import annotations

import csv
import io
from functools import partial

import pandas as pd
import pytest

from lagesbild.areas import availability, classification
from lagesbild.data import db
from lagesbild.i18n import t
from lagesbild.areas.sections import Table
from lagesbild.ui.sections import table_csv

YEAR = 2025


@pytest.fixture
def demo_con(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    yield con
    con.close()


def _frame(table: Table) -> pd.DataFrame:
    return table.frame.reset_index(drop=True)


def test_demo_tables_are_shown_whole(demo_con):
    fetch = partial(db.query, demo_con)
    for year in (YEAR, YEAR + 1):
        view = classification.build(fetch, year, None, "sv")
        assert view.full_lists == {}
        systems = db.query(demo_con, "classification_by_system", year=year, municipality=None)
        assert len(view.levels.table.frame) == (systems["state"] != "never").sum()
        page = availability.build(fetch, year, None, "sv")
        assert page.systems_full_list is None
        assert len(page.systems.table.frame) == len(
            db.query(demo_con, "sla_by_system", year=year, municipality=None))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_classification_shortened(demo_con, monkeypatch, lang):
    fetch = partial(db.query, demo_con)
    whole = classification.build(fetch, YEAR, None, lang)
    monkeypatch.setattr(classification, "TABLE_ROWS", 3)
    monkeypatch.setattr(classification, "GRID_ROWS", 5)
    short = classification.build(fetch, YEAR, None, lang)
    systems = db.query(demo_con, "classification_by_system", year=YEAR, municipality=None)

    # The figures and sentences do not depend on how many rows are shown.
    assert short.headlines == whole.headlines
    for key in ("overdue", "levels", "needs", "measures", "coverage"):
        assert getattr(short, key).sentence == getattr(whole, key).sentence

    # Overdue: the longest overdue first, as the whole table orders them.
    overdue = (systems["state"] == "overdue").sum()
    assert overdue > 3
    assert _frame(short.overdue.table).equals(_frame(whole.overdue.table).head(3))
    assert _frame(short.full_lists["overdue"].table()).equals(_frame(whole.overdue.table))
    assert short.full_lists["overdue"].note == t("classification_page.overdue.shown", lang,
                                                 shown="3", count=str(overdue))

    # Levels: the systems with the highest level in any aspect.
    shown = short.levels.table
    level_columns = [t(f"classification_page.column.{a}", lang) for a in classification.ASPECTS]
    highest_shown = shown.frame[level_columns].max(axis=1)
    classified = systems[systems["state"] != "never"]
    highest = classified[list(classification.ASPECTS)].max(axis=1).sort_values(ascending=False)
    assert sorted(highest_shown, reverse=True) == highest.head(5).tolist()
    assert len(shown.frame) == 5 and all(len(tones) == 5 for tones in shown.tones.values())
    full = short.full_lists["levels"].table().frame
    assert sorted(full.iloc[:, 0]) == sorted(whole.levels.table.frame.iloc[:, 0])

    # Needs: T4 before T3; the whole list is every flagged system.
    flagged = systems[systems["required_tier"].notna()
                      & (systems["needs_continuity_plan"] | systems["tier_below_need"])]
    assert len(flagged) > 3
    need_column = t("classification_page.column.availability_need", lang)
    assert list(short.needs.table.frame[need_column]) == sorted(flagged["availability"], reverse=True)[:3]
    assert sorted(short.full_lists["needs"].table().frame.iloc[:, 0]) == sorted(flagged["name"])


def test_availability_shortened(demo_con, monkeypatch):
    fetch = partial(db.query, demo_con)
    whole = availability.build(fetch, YEAR, None, "sv")
    monkeypatch.setattr(availability, "TABLE_SYSTEMS", 4)
    short = availability.build(fetch, YEAR, None, "sv")
    count = len(db.query(demo_con, "sla_by_system", year=YEAR, municipality=None))

    assert short.systems.sentence == whole.systems.sentence
    assert short.systems.chart == whole.systems.chart
    assert _frame(short.systems.table).equals(_frame(whole.systems.table).head(4))
    assert _frame(short.systems_full_list.table()).equals(_frame(whole.systems.table))
    assert short.systems_full_list.note == t("sla_page.systems.shown", "sv", shown="4",
                                             count=str(count))
    # The chart's note no longer says the table lists every system.
    assert "Tabellen visar alla system" in whole.systems.note
    assert "Tabellen visar alla system" not in short.systems.note


def test_table_csv_is_formula_safe_for_swedish_excel():
    table = Table(pd.DataFrame({"System\nnamn": ["=HYPERLINK(\"x\")", "Lön"], "Dagar": [12345, None]}),
                  formats={"Dagar": lambda v: f"{int(v):,}".replace(",", "\u00a0")})
    data = table_csv(table)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows == [["System namn", "Dagar"], ["'=HYPERLINK(\"x\")", "12\u00a0345"], ["Lön", ""]]
