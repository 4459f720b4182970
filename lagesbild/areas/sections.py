"""The parts the board pages are built from, without Streamlit, and the helpers every page
model shares.

A page model (``incidents``, ``availability``, ``classification``, ``risks``,
``recommendations``, ``documents``) turns query results, fetched through
``fetch(name, **params)``, into headline figures compared with the year before
(``Headline`` with its ``Delta``) and sections (``Section``): a title, the plain-language
sentence saying what the part shows and whether that is good or bad, a chart's aggregated
series (``Chart``) and/or a table (``Table``), and a note. Everything is already in the
reader's language; the page only draws it. The overview (``lagesbild.areas.overview``) shows the
same ``Delta`` beside its areas' figures.

The change since the year before is shown beside a figure (``change``) and, in a sentence,
in words (``count_change``, ``share_change``: "23 fler än 2024, vilket är en försämring").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.formatting import NBSP, fmt_change, fmt_date, fmt_int, fmt_points, is_missing
from lagesbild.i18n import label, t
from lagesbild.rules.status import Status

# Runs a named query with parameters: the app passes its cached runner, tests and the report
# ``db.query`` bound to a connection, so the figures on screen and in documents are the same.
Fetch = Callable[..., pd.DataFrame]


# --- Shapes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Delta:
    """The change since the year before, as shown beside a headline figure."""

    text: str                 # "+3", "−2,5 procentenheter"
    direction: str            # "up", "down" or "off" (no change)
    good: bool | None         # whether the change is an improvement; None: neither
    description: str          # "mot 2024"


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
    categories: tuple                 # the x values (or y, for horizontal bars)
    series: tuple[Series, ...]
    value_suffix: str = ""            # after numbers on the value axis, e.g. " %"
    axis_start: float | None = None   # where the value axis starts when not at zero
    axis_title: str = ""
    target: float | None = None       # a target line, in the series' unit
    target_label: str = ""

    def series_by_key(self, key: object) -> Series:
        return next(s for s in self.series if s.key == key)


@dataclass(frozen=True)
class Table:
    """A table's cells, columns named in the reader's language.

    ``tones`` gives, for a column, the tone of each row's cell: "good", "watch" or "act" (the
    status colours, always behind a status word), a risk band, "level0".."level4" (a KLASSA
    level, always with its digit), "none" (a quiet grey for "not applicable"), or None (no
    tone); ``formats`` turns a column's values into text without changing how they sort;
    ``centred`` columns hold short codes read down the column; ``numeric`` columns hold
    numbers written as text, aligned right; ``pinned`` columns stay in view while the rest
    scrolls sideways; ``help`` says what a column means.
    A line break in a column name is where a static table breaks its header.
    """

    frame: pd.DataFrame
    tones: Mapping[str, tuple[str | None, ...]] = field(default_factory=dict)
    formats: Mapping[str, Callable[[object], str]] = field(default_factory=dict)
    centred: tuple[str, ...] = ()
    numeric: tuple[str, ...] = ()
    pinned: tuple[str, ...] = ()
    help: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.frame.empty

    @property
    def rows(self) -> tuple[tuple, ...]:
        return tuple(self.frame.itertuples(index=False, name=None))


def text_table(columns: tuple[str, ...], rows, **options) -> Table:
    """A table of cells already written as the reader writes them, one tuple per row."""
    return Table(pd.DataFrame(list(rows), columns=list(columns), dtype=object), **options)


@dataclass(frozen=True)
class Section:
    """A part of a page: its title, the sentence saying what it shows and whether that is
    good or bad, then a chart and/or a table, and a note under them."""

    key: str
    title: str
    sentence: str
    chart: Chart | None = None
    table: Table | None = None
    note: str = ""
    status: Status | None = None
    status_rule: str = ""


@dataclass(frozen=True)
class FullList:
    """A table a page shortens to the rows that matter most: ``note`` says how many of how
    many it shows and which; ``table`` builds the whole list, called only when it is
    downloaded (building tens of thousands of rows on every rerun would slow the page)."""

    note: str
    download_label: str
    file_name: str
    table: Callable[[], Table]
    rows: int               # how many rows the whole list has


# --- The change since the year before ---------------------------------------------------------

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


def count_change(current: int, previous: int, previous_year: int, lang: str, *,
                 higher_is_better: bool | None = False) -> str:
    """"23 fler än 2024, vilket är en försämring"; without a verdict when
    ``higher_is_better`` is None."""
    difference = current - previous
    if difference == 0:
        return t("compare.as_many", lang, previous_year=previous_year)
    words = t("compare.more" if difference > 0 else "compare.fewer", lang,
              difference=fmt_int(abs(difference), lang), previous_year=previous_year)
    return _with_verdict(words, difference > 0, higher_is_better, lang)


def sole_largest(values: Sequence[float]) -> int | None:
    """The index of the one largest value above zero; None when nothing is above zero or the
    largest is shared: a sentence names "the most" only when one stands out."""
    largest = max(values, default=0)
    if largest <= 0 or sum(1 for value in values if value == largest) > 1:
        return None
    return list(values).index(largest)


def share_change(current: float, previous: float, previous_year: int, lang: str, *,
                 higher_is_better: bool | None = True) -> str:
    """"0,2 procentenheter högre än 2024, vilket är en förbättring", rounded to one decimal."""
    difference = round(current - previous, 1)
    if difference == 0:
        return t("compare.same_share", lang, previous_year=previous_year)
    words = t("compare.higher" if difference > 0 else "compare.lower", lang,
              difference=fmt_points(abs(difference), lang), previous_year=previous_year)
    return _with_verdict(words, difference > 0, higher_is_better, lang)


def _with_verdict(words: str, rose: bool, higher_is_better: bool | None, lang: str) -> str:
    if higher_is_better is None:
        return words
    verdict = "compare.better" if rose == higher_is_better else "compare.worse"
    return f"{words}, {t(verdict, lang)}"


# --- Words and numbers ---------------------------------------------------------------------------

def month_name(month: int, lang: str) -> str:
    """The month written out, as in a sentence: "mars" / "March"."""
    return t(f"month.{month}", lang)


def month_abbreviation(month: int, lang: str) -> str:
    """The month on a chart axis: "mar" / "Mar". Swedish and English both shorten a month to
    its first three letters ("maj", "May" stay whole)."""
    return month_name(month, lang)[:3]


def pct_suffix(lang: str) -> str:
    """What follows a percentage: a no-break space and % in Swedish, % alone in English."""
    return "%" if lang == "en" else NBSP + "%"


def scope_in_sentence(municipality: str | None, lang: str) -> str:
    """The selection as a sentence names it: "hela förbundet", "Köping", …"""
    return t("scope.all", lang) if municipality is None else label(MUNICIPALITIES, municipality, lang)


def scope_label(municipality: str | None, lang: str) -> str:
    """The selection as a heading says it: "Alla kommuner", "Köping", …"""
    if municipality is None:
        return t("filters.all_municipalities", lang)
    return label(MUNICIPALITIES, municipality, lang)


# --- The year and its reference date -------------------------------------------------------------

def is_year_end(reference_date: dt.date, year: int) -> bool:
    """Whether the year is over at its reference date (else it is still running)."""
    return reference_date == dt.date(year, 12, 31)


def reference_date(year: int, today: dt.date | None = None) -> dt.date:
    """A year's last day, or today while the year is running (as the queries define it)."""
    return min(dt.date(year, 12, 31), today or dt.date.today())


def as_of(reference_date: dt.date, year: int, lang: str) -> str:
    """"Per 2025-12-31, jämfört med 2024." or, while the year runs, that it is in progress."""
    key = "overview.as_of" if is_year_end(reference_date, year) else "overview.as_of_running"
    return t(key, lang, date=fmt_date(reference_date), previous_year=year - 1)


# --- Query rows as plain Python values -----------------------------------------------------------

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
    """The rows of a query result as dicts of plain Python values (as ``python_value``)."""
    columns = {}
    # Column by column on the arrays: much faster than DataFrame.to_dict, or than pandas
    # operations per column, on large registers and on the many small results alike.
    for name, series in frame.items():
        if series.dtype.kind == "M":
            series = series.dt.date
        if isinstance(series.dtype, np.dtype):
            array = series.to_numpy()
            # An integer or boolean array cannot hold a missing value.
            missing = None if array.dtype.kind in "iub" else pd.isna(array)
        else:
            array = series.array
            missing = array.isna()
        values = array.tolist()
        if missing is not None and missing.any():
            values = [None if absent else value for value, absent in zip(values, missing)]
        columns[name] = values
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def by_year(frame: pd.DataFrame) -> dict[int, dict]:
    """The rows of a per-year query result keyed by year."""
    return {int(row["year"]): row for row in records(frame)}


def iso(value: object) -> str | None:
    """A date as ISO text for a table column (ISO text sorts like the date); None stays None."""
    value = python_value(value)
    return None if value is None else fmt_date(value)
