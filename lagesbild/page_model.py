"""The sections of the Incidenter and Tillgänglighet och SLA pages, and the change since the
year before in words.

A model (lagesbild.incidents, lagesbild.availability) turns query results into headline
figures (lagesbild.sections.Headline) and sections (Section): a title, the plain-language
sentence above the chart, the chart's aggregated series (Chart) and/or a table whose cells
are already written as the reader writes numbers (Table), and a note. The page only draws
them.

The change since the year before is the delta beside a headline figure
(lagesbild.sections.change) and, here, the same change in words for a sentence
("23 fler än 2024, vilket är en försämring").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lagesbild.formatting import NBSP, fmt_int, fmt_points
from lagesbild.i18n import t
from lagesbild.sections import Series
from lagesbild.status import Status


@dataclass(frozen=True)
class Chart:
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_suffix: str = ""           # after numbers on the value axis, e.g. " %"
    axis_start: float | None = None  # where the value axis starts when not at zero

    def series_by_key(self, key: object) -> Series:
        return next(s for s in self.series if s.key == key)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[str, ...] = ()       # columns of numbers, aligned right
    help: dict[str, str] | None = None  # column -> what it means


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


def count_change(current: int, previous: int, previous_year: int, lang: str, *,
                 higher_is_better: bool | None = False) -> str:
    """"23 fler än 2024, vilket är en försämring"; without a verdict when
    ``higher_is_better`` is None."""
    change = current - previous
    if change == 0:
        return t("compare.as_many", lang, previous_year=previous_year)
    words = t("compare.more" if change > 0 else "compare.fewer", lang,
              difference=fmt_int(abs(change), lang), previous_year=previous_year)
    return _with_verdict(words, change > 0, higher_is_better, lang)


def share_change(current: float, previous: float, previous_year: int, lang: str, *,
                 higher_is_better: bool | None = True) -> str:
    """"0,2 procentenheter högre än 2024, vilket är en förbättring", rounded to one decimal."""
    change = round(current - previous, 1)
    if change == 0:
        return t("compare.same_share", lang, previous_year=previous_year)
    words = t("compare.higher" if change > 0 else "compare.lower", lang,
              difference=fmt_points(abs(change), lang), previous_year=previous_year)
    return _with_verdict(words, change > 0, higher_is_better, lang)


def _with_verdict(words: str, rose: bool, higher_is_better: bool | None, lang: str) -> str:
    if higher_is_better is None:
        return words
    verdict = "compare.better" if rose == higher_is_better else "compare.worse"
    return f"{words}, {t(verdict, lang)}"


def month_name(month: int, lang: str) -> str:
    """The month written out, as in a sentence: "mars" / "March"."""
    return t(f"month_name.{month}", lang)


def pct_suffix(lang: str) -> str:
    """What follows a percentage: a no-break space and % in Swedish, % alone in English."""
    return "%" if lang == "en" else NBSP + "%"


def is_year_end(reference_date: dt.date, year: int) -> bool:
    """Whether the year is over at its reference date (else it is still running)."""
    return reference_date == dt.date(year, 12, 31)


def reference_date(year: int, today: dt.date | None = None) -> dt.date:
    """A year's last day, or today while the year is running (as the queries define it)."""
    return min(dt.date(year, 12, 31), today or dt.date.today())
