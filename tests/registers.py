"""Independent readings of the registers for page tests: straight from the tables with plain
SQL and Python, never through queries/, so a page's figures can be checked against them."""

from __future__ import annotations

import datetime as dt


def reference_date(year: int) -> dt.date:
    return min(dt.date(year, 12, 31), dt.date.today())


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier; the 31st falls back to the month's last day."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def risk_states(con, year: int) -> dict[str, dict]:
    """Each risk's newest assessment on or before the year's reference date."""
    reference = reference_date(year)
    columns = [c[0] for c in con.execute("SELECT * FROM risks LIMIT 0").description]
    states = {}
    for values in con.execute("SELECT * FROM risks ORDER BY assessed_on").fetchall():
        row = dict(zip(columns, values))
        if row["assessed_on"] <= reference:
            states[row["risk_id"]] = row
    return states
