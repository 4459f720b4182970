"""Toned tables (lagesbild.ui.grids) as the browser receives them: each toned cell with its
fill and only those, every cell written by its column's format, a missing value as an en
dash, and a static table's cells escaped for Markdown."""

from __future__ import annotations

import re

import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from lagesbild.formatting import MISSING
from lagesbild.palette import CELL_FILL


def draw_tables():
    import pandas as pd

    from lagesbild.areas.sections import Table
    from lagesbild.ui.grids import show_table

    table = Table(pd.DataFrame({"System": ["Lön_2", "Ärende"], "Nivå": [3, None],
                                "Dagar": [1234, 5]}),
                  tones={"Nivå": ("level3", None), "Dagar": ("act", "good")},
                  formats={"Dagar": lambda days: f"{days:,} d"})
    show_table(table, static=True)
    show_table(table)


@pytest.fixture(scope="module")
def tables():
    app = AppTest.from_function(draw_tables).run()
    assert not app.exception, [e.value for e in app.exception]
    return {"static": app.table[0].proto.arrow_data, "grid": app.dataframe[0].proto.arrow_data}


def fills(arrow_data) -> dict[tuple[int, int], str]:
    """(row, column) -> the cell's CSS, from the styles sent with the table."""
    found = {}
    for selectors, declarations in re.findall(r"([^{}]+)\{([^}]*)\}", arrow_data.styler.styles):
        for row, column in re.findall(r"row(\d+)_col(\d+)", selectors):
            found[(int(row), int(column))] = declarations.strip()
    return found


def shown(arrow_data) -> list[list[str]]:
    table = pa.ipc.open_stream(arrow_data.styler.display_values).read_all()
    return [list(row.values()) for row in table.to_pylist()]


@pytest.mark.parametrize("kind", ["static", "grid"])
def test_toned_cells_and_only_those_carry_their_fill(tables, kind):
    assert fills(tables[kind]) == {
        (0, 1): f"background-color: {CELL_FILL['level3']}",
        (0, 2): f"background-color: {CELL_FILL['act']}",
        (1, 2): f"background-color: {CELL_FILL['good']}",
    }


def test_cells_are_written_by_their_format(tables):
    assert shown(tables["grid"]) == [["Lön_2", "3.0", "1,234 d"], ["Ärende", MISSING, "5 d"]]
    # A static table reads Markdown: the underscore is escaped to show as itself.
    assert shown(tables["static"]) == [["Lön\\_2", "3.0", "1,234 d"], ["Ärende", MISSING, "5 d"]]
