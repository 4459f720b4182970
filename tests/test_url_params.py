"""The parameters a link carries (?ar, ?kommun, ?lang, ?bild, ?offentlig) are read by one set of
readers: whatever a link holds, a page opens with a sensible value and never a traceback."""

from __future__ import annotations

import pytest
from pagetest import assert_clean

from lagesbild.ui import filters

# Text that str.isdigit() or int() would take for a number although it is none a reader means:
# superscript and other Unicode digits, signs, spaces inside, a number too long to be one.
HOSTILE = ["²", "2024²", "٢٠٢٤", "２０２４", "-1", "+3", "2 024", "0x10", "", " ", "1e3",
           "9" * 400, "2024\x00", "<script>", "NaN"]


@pytest.mark.parametrize("raw", HOSTILE)
def test_a_hostile_number_reads_as_none(raw):
    assert filters.parse_whole_number(raw) is None
    assert filters.parse_year(raw) is None


@pytest.mark.parametrize("raw, expected", [("2024", 2024), (" 7 ", 7), ("007", 7), ("1", 1)])
def test_plain_digits_read_as_their_number(raw, expected):
    assert filters.parse_whole_number(raw) == expected


@pytest.mark.parametrize("raw, expected", [("ja", True), ("1", True), ("true", True), ("Ja", True),
                                           ("nej", False), ("0", False), ("false", False),
                                           ("²", None), ("", None), ("kanske", None)])
def test_a_switch_reads_yes_no_or_nothing(raw, expected):
    assert filters.parse_switch(raw) is expected


@pytest.mark.parametrize("raw, expected", [("Köping", "Köping"), ("köping", "Köping"),
                                           ("alla", filters.ALL_MUNICIPALITIES), ("²", None),
                                           ("Köping\x00", None)])
def test_municipality(raw, expected):
    assert filters.parse_municipality(raw) == expected


@pytest.mark.parametrize("raw, expected", [("en", "en"), ("SV", "sv"), ("²", None), ("de", None)])
def test_language(raw, expected):
    assert filters.parse_language(raw) == expected


PAGES = ["app_pages/oversikt.py", "app_pages/presentation.py", "app_pages/risker.py"]


@pytest.mark.parametrize("param", ["ar", "bild", "kommun", "lang", "offentlig"])
@pytest.mark.parametrize("raw", ["²", "٣", "9" * 400])
def test_a_page_opens_whatever_a_parameter_holds(open_app, demo_db_path, param, raw):
    app = open_app(demo_db_path, **{param: raw})
    assert_clean(app)
    app.switch_page("app_pages/presentation.py").run()
    assert_clean(app)
