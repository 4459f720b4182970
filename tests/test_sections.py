"""Query results as plain Python rows (lagesbild.areas.sections.records)."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from lagesbild.areas.sections import python_value, records

# A value of every type the queries return, and a missing one of each.
QUERY = """
SELECT * FROM (VALUES
    (1, 7::TINYINT, 2::INTEGER, 1.5, 'Köping', TRUE, TIMESTAMP '2025-03-04 10:30', DATE '2025-03-04',
     3::TINYINT, 40::BIGINT, 'a', TRUE),
    (2, 8::TINYINT, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, FALSE)
) AS t(whole, small, maybe_whole, share, name, flag, seen_at, day, level, big, text, done)
"""


def test_records_are_plain_python_values_with_none_for_missing():
    frame = duckdb.connect().execute(QUERY).df()
    rows = records(frame)
    assert rows[0] == {"whole": 1, "small": 7, "maybe_whole": 2, "share": 1.5, "name": "Köping",
                       "flag": True, "seen_at": dt.date(2025, 3, 4), "day": dt.date(2025, 3, 4),
                       "level": 3, "big": 40, "text": "a", "done": True}
    assert rows[1] == {"whole": 2, "small": 8, **dict.fromkeys(
        ("maybe_whole", "share", "name", "flag", "seen_at", "day", "level", "big", "text")),
        "done": False}
    # The same values, of the same types, as python_value gives cell by cell.
    for row, cells in zip(rows, frame.itertuples(index=False, name=None)):
        expected = [python_value(cell) for cell in cells]
        assert list(row.values()) == expected
        assert [type(value) for value in row.values()] == [type(value) for value in expected]


def test_records_of_an_empty_result_and_of_pandas_own_columns():
    assert records(duckdb.connect().execute(QUERY + " WHERE false").df()) == []
    frame = pd.DataFrame({"count": pd.array([1, None], dtype="Int64"),
                          "label": pd.Series(["x", None], dtype=object),
                          "when": pd.to_datetime(["2024-01-02", None])})
    assert records(frame) == [{"count": 1, "label": "x", "when": dt.date(2024, 1, 2)},
                              {"count": None, "label": None, "when": None}]
