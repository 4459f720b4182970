"""The parts the board pages are built from, without Streamlit: headline figures compared
with the year before, tables whose status cells carry a word and a tone, and the helpers
that turn query rows into plain Python values.

A page model (``classification``, ``recommendations``, ``documents``) fills these in the
reader's language; the page draws them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from lagesbild.contracts import MUNICIPALITIES
from lagesbild.formatting import fmt_change, fmt_date, is_missing
from lagesbild.i18n import label, t
from lagesbild.overview import Delta
from lagesbild.status import Status

@dataclass(frozen=True)
class Headline:
    """A headline figure: its label, value, change since the year before, status word."""

    label: str
    value: str
    delta: Delta | None = None
    status: Status | None = None
    status_rule: str = ""
    help: str = ""


@dataclass(frozen=True)
class Series:
    key: str                          # what the series is; the page picks its colour by it
    name: str                         # the legend entry
    values: tuple[float | None, ...]  # one per category
    labels: tuple[str, ...] = ()      # the values as the reader writes them, for the bars


@dataclass(frozen=True)
class Chart:
    title: str
    sentence: str                     # what the chart shows and whether that is good
    categories: tuple                 # the x values
    series: tuple[Series, ...]
    axis_title: str = ""
    target: float | None = None       # a target line, in the series' unit
    target_label: str = ""

    @property
    def has_data(self) -> bool:
        return bool(self.series)


@dataclass(frozen=True)
class Table:
    """A table with its title and sentence. Columns are named in the reader's language.

    ``tones`` gives, for a column, the tone of each row's cell: "good", "watch" or "act" (the
    status colours, always behind a status word), "level0".."level4" (a KLASSA level, always
    with its digit), "none" (a quiet grey for "not applicable"), or None (no tone);
    ``formats`` turns a column's values into text without changing how they sort;
    ``centred`` columns hold short codes (a KLASSA level) read down the column.
    A line break in a column name is where a static table breaks its header.
    """

    title: str
    sentence: str
    frame: pd.DataFrame
    tones: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    formats: Mapping[str, Callable[[object], str]] = field(default_factory=dict)
    centred: tuple[str, ...] = ()
    note: str = ""

    @property
    def has_rows(self) -> bool:
        return not self.frame.empty


def change(now: float | None, before: float | None, previous_year: int, lang: str, *,
           higher_is_better: bool | None, decimals: int = 0,
           percentage_points: bool = False) -> Delta | None:
    """The change from ``before`` to ``now``; None when either is missing.

    ``higher_is_better`` None: the change is neither good nor bad (shown in grey).
    """
    if now is None or before is None:
        return None
    difference = now - before
    rounded = round(difference, decimals)
    if rounded == 0:
        direction, good = "off", None
    else:
        direction = "up" if rounded > 0 else "down"
        good = None if higher_is_better is None else (rounded > 0) == higher_is_better
    return Delta(fmt_change(difference, lang, decimals, percentage_points), direction, good,
                 t("overview.delta_vs", lang, year=previous_year))


def python_value(value: object) -> object:
    """A value from a query result as plain Python: missing is None, a timestamp a date."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item"):          # numpy scalars
        return value.item()
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows of a query result as dicts of plain Python values."""
    return [{column: python_value(value) for column, value in row.items()}
            for row in frame.to_dict("records")]


def by_year(frame: pd.DataFrame) -> dict[int, dict]:
    """The rows of a per-year query result keyed by year."""
    return {int(row["year"]): row for row in records(frame)}


def iso(value: object) -> str | None:
    """A date as ISO text for a table column (ISO text sorts like the date); None stays None."""
    value = python_value(value)
    return None if value is None else fmt_date(value)


def as_of(reference_date: dt.date, year: int, lang: str) -> str:
    """"Per 2025-12-31, jämfört med 2024." or, while the year runs, that it is in progress."""
    key = "overview.as_of" if reference_date == dt.date(year, 12, 31) else "overview.as_of_running"
    return t(key, lang, date=fmt_date(reference_date), previous_year=year - 1)


def scope_in_sentence(municipality: str | None, lang: str) -> str:
    """The selection as a sentence names it: "hela förbundet", "Köping", …"""
    return t("scope.all", lang) if municipality is None else label(MUNICIPALITIES, municipality, lang)
