import datetime as dt

import pytest

from lagesbild.formatting import (
    MINUS, NBSP, fmt_change, fmt_date, fmt_decimal, fmt_int, fmt_pct, fmt_points)


@pytest.mark.parametrize("number, lang, expected", [
    (12345, "sv", f"12{NBSP}345"),
    (12345, "en", "12,345"),
    (1234567, "sv", f"1{NBSP}234{NBSP}567"),
    (999, "sv", "999"),
    (0, "sv", "0"),
    (-4321, "sv", f"{MINUS}4{NBSP}321"),
    (None, "sv", "–"),
])
def test_fmt_int(number, lang, expected):
    assert fmt_int(number, lang) == expected


@pytest.mark.parametrize("number, lang, decimals, expected", [
    (99.5, "sv", 1, f"99,5{NBSP}%"),
    (99.5, "en", 1, "99.5%"),
    (100, "sv", 1, f"100,0{NBSP}%"),
    (87.456, "sv", 2, f"87,46{NBSP}%"),
    (87.456, "en", 0, "87%"),
    (None, "sv", 1, "–"),
    (float("nan"), "en", 1, "–"),
])
def test_fmt_pct(number, lang, decimals, expected):
    assert fmt_pct(number, lang, decimals) == expected


def test_fmt_decimal_groups_and_never_shows_minus_zero():
    assert fmt_decimal(12345.678, "sv", 2) == f"12{NBSP}345,68"
    assert fmt_decimal(12345.678, "en", 2) == "12,345.68"
    assert fmt_decimal(-0.04, "sv", 1) == "0,0"


@pytest.mark.parametrize("change, lang, decimals, points, expected", [
    (3, "sv", 0, False, "+3"),
    (-2, "en", 0, False, f"{MINUS}2"),
    (0, "sv", 0, False, "0"),
    (1500, "sv", 0, False, f"+1{NBSP}500"),
    (-2.5, "sv", 1, True, f"{MINUS}2,5{NBSP}procentenheter"),
    (-2.5, "en", 1, True, f"{MINUS}2.5{NBSP}percentage points"),
    (1.0, "sv", 1, True, f"+1,0{NBSP}procentenhet"),
    (1.0, "en", 1, True, f"+1.0{NBSP}percentage point"),
    (0.04, "sv", 1, True, f"0,0{NBSP}procentenheter"),
    (None, "sv", 0, False, "–"),
])
def test_fmt_change(change, lang, decimals, points, expected):
    assert fmt_change(change, lang, decimals, percentage_points=points) == expected


def test_fmt_points_is_unsigned():
    assert fmt_points(-11.06, "sv") == f"11,1{NBSP}procentenheter"
    assert fmt_points(11.06, "en") == f"11.1{NBSP}percentage points"


def test_dates_are_iso_in_both_languages():
    assert fmt_date(dt.date(2025, 3, 4)) == "2025-03-04"
    assert fmt_date(dt.datetime(2025, 3, 4, 14, 22)) == "2025-03-04"
    assert fmt_date(None) == "–"
