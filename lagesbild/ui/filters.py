"""The shared filters (year, municipality, language): drawn in the sidebar by the
entrypoint, kept in the URL so a link opens the same view, read by every page.

The URL holds canonical values (``?ar=2024&kommun=Köping&lang=en``), the same in both
languages, so a link shared by a Swedish reader opens the same selection in English.
That is why the values are synced through ``st.query_params`` rather than a widget's
``bind="query-params"``, which would put the displayed, translated label in the URL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.i18n import DEFAULT_LANGUAGE, LANGUAGES, label, t
from lagesbild.ui.data import fetch

YEAR_KEY = "ar"
MUNICIPALITY_KEY = "kommun"
LANGUAGE_KEY = "lang"
ALL_MUNICIPALITIES = "Alla"

MUNICIPALITY_OPTIONS = (ALL_MUNICIPALITIES, *MUNICIPALITIES.values)


@dataclass(frozen=True)
class Filters:
    year: int
    municipality: str | None   # None: all municipalities
    lang: str


def year_options(first_data_year: int | None, today: dt.date) -> list[int]:
    """Newest first, from the current year back to the first year with data; always
    including the last complete year, the default."""
    last_complete = today.year - 1
    first = last_complete if first_data_year is None else min(first_data_year, last_complete)
    return list(range(today.year, first - 1, -1))


# ASCII digits only: str.isdigit() also takes superscripts ("²") and other scripts' digits, which
# int() then refuses or reads as a number nobody typed. Six digits bound a year or a slide.
_WHOLE_NUMBER = re.compile(r"[0-9]{1,6}")
_SWITCH = {"ja": True, "1": True, "true": True, "yes": True,
           "nej": False, "0": False, "false": False, "no": False}


def parse_whole_number(raw: str) -> int | None:
    """A whole number written in ASCII digits (surrounding spaces allowed), else None."""
    text = raw.strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


def parse_year(raw: str) -> int | None:
    return parse_whole_number(raw)


def parse_switch(raw: str) -> bool | None:
    """An on/off parameter: ja/nej, 1/0, true/false, yes/no; anything else None."""
    return _SWITCH.get(raw.strip().lower())


def url_value(key: str, parse: Callable[[str], object]):
    """The URL parameter ``key`` read by ``parse``; None when absent or not readable."""
    raw = st.query_params.get(key)
    return parse(raw) if raw is not None else None


def parse_municipality(raw: str) -> str | None:
    wanted = raw.strip().lower()
    if wanted in (ALL_MUNICIPALITIES.lower(), "all"):
        return ALL_MUNICIPALITIES
    return MUNICIPALITIES.spellings().get(wanted)


def parse_language(raw: str) -> str | None:
    wanted = raw.strip().lower()
    return wanted if wanted in LANGUAGES else None


def _seed(key: str, options, parse, default) -> None:
    """Give the widget its value before it is drawn: from the URL on a session's first run,
    and back to the default if its value is no longer an option."""
    if key not in st.session_state:
        value = url_value(key, parse)
        st.session_state[key] = value if value in options else default
    elif st.session_state[key] not in options:
        st.session_state[key] = default


def write_url(key: str, value: str | None) -> None:
    """Show ``value`` in the URL (or drop the parameter when None), touching it only on change."""
    if value is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != value:
        st.query_params[key] = value


def sidebar_filters() -> Filters:
    """Draw the filters in the sidebar and return the selection."""
    today = dt.date.today()
    first_year = fetch("first_data_year")["first_year"].iloc[0]
    years = year_options(None if pd.isna(first_year) else int(first_year), today)
    _seed(LANGUAGE_KEY, LANGUAGES, parse_language, DEFAULT_LANGUAGE)
    _seed(YEAR_KEY, years, parse_year, today.year - 1)
    _seed(MUNICIPALITY_KEY, MUNICIPALITY_OPTIONS, parse_municipality, ALL_MUNICIPALITIES)

    with st.sidebar:
        # The language is chosen first, so the other labels are drawn in it, but shown last.
        selection = st.container()
        lang = st.radio(t("filters.language", st.session_state[LANGUAGE_KEY]), LANGUAGES,
                        key=LANGUAGE_KEY, horizontal=True,
                        format_func=lambda code: t(f"language.{code}"))
        with selection:
            year = st.selectbox(t("filters.year", lang), years, key=YEAR_KEY)
            municipality = st.selectbox(
                t("filters.municipality", lang), MUNICIPALITY_OPTIONS, key=MUNICIPALITY_KEY,
                format_func=lambda value: (t("filters.all_municipalities", lang)
                                           if value == ALL_MUNICIPALITIES
                                           else label(MUNICIPALITIES, value, lang)))

    # The year is always in the URL: its default moves with the calendar, a shared link must not.
    write_url(YEAR_KEY, str(year))
    write_url(MUNICIPALITY_KEY, None if municipality == ALL_MUNICIPALITIES else municipality)
    write_url(LANGUAGE_KEY, None if lang == DEFAULT_LANGUAGE else lang)
    return selected_filters()


def selected_filters() -> Filters:
    """The selection made in the sidebar during this run."""
    municipality = st.session_state[MUNICIPALITY_KEY]
    return Filters(
        year=st.session_state[YEAR_KEY],
        municipality=None if municipality == ALL_MUNICIPALITIES else municipality,
        lang=st.session_state[LANGUAGE_KEY],
    )
