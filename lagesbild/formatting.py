"""Numbers and dates as the reader writes them, and long texts cut short.

Swedish: ``12 345`` (no-break space between thousands), ``99,5 %`` (no-break space before
the per cent sign), a real minus sign (U+2212). English: ``12,345`` and ``99.5%``.
Dates are ISO in both languages. A missing value is shown as an en dash.
"""

from __future__ import annotations

import datetime as dt
import math

NBSP = "\u00a0"
MINUS = "\u2212"
MISSING = "\u2013"

_PERCENTAGE_POINTS = {
    "sv": ("procentenhet", "procentenheter"),
    "en": ("percentage point", "percentage points"),
}


def is_missing(number: float | None) -> bool:
    return number is None or (isinstance(number, float) and math.isnan(number))


def _group(number: float, decimals: int, lang: str) -> str:
    """The absolute value with thousands grouped and the decimal mark of ``lang``."""
    text = f"{abs(number):,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def _is_negative(number: float, decimals: int) -> bool:
    """Negative once rounded: −0,04 shown with one decimal is 0,0, not −0,0."""
    return round(number, decimals) < 0


def fmt_decimal(number: float | None, lang: str = "sv", decimals: int = 1) -> str:
    if is_missing(number):
        return MISSING
    sign = MINUS if _is_negative(number, decimals) else ""
    return sign + _group(number, decimals, lang)


def fmt_int(number: int | float | None, lang: str = "sv") -> str:
    return fmt_decimal(number, lang, decimals=0)


def fmt_pct(number: float | None, lang: str = "sv", decimals: int = 1) -> str:
    if is_missing(number):
        return MISSING
    separator = "" if lang == "en" else NBSP
    return f"{fmt_decimal(number, lang, decimals)}{separator}%"


def fmt_points(points: float | None, lang: str = "sv", decimals: int = 1) -> str:
    """A difference between two percentages, unsigned: ``2,5 procentenheter``."""
    if is_missing(points):
        return MISSING
    one, many = _PERCENTAGE_POINTS["en" if lang == "en" else "sv"]
    unit = one if abs(round(points, decimals)) == 1 else many
    return f"{_group(points, decimals, lang)}{NBSP}{unit}"


def fmt_change(change: float | None, lang: str = "sv", decimals: int = 0,
               percentage_points: bool = False) -> str:
    """A signed change: ``+3``, ``−2,5 procentenheter``; no change is ``0``."""
    if is_missing(change):
        return MISSING
    if round(change, decimals) == 0:
        sign = ""
    elif change > 0:
        sign = "+"
    else:
        sign = MINUS
    if percentage_points:
        return sign + fmt_points(change, lang, decimals)
    return sign + _group(change, decimals, lang)


def fmt_date(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return MISSING
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat()


def shortened(text: str, limit: int, ellipsis: str = "…") -> str:
    """``text`` if it has at most ``limit`` characters, else its beginning cut at a word, the
    punctuation before the cut dropped, and ``ellipsis`` after it."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + ellipsis
