"""What the pages need for assistive tools that Streamlit does not do itself."""

from __future__ import annotations

import streamlit as st

from lagesbild.i18n import LANGUAGES


def document_language(lang: str) -> None:
    """The page's language on <html> (Streamlit always writes lang="en"), so a screen reader
    reads Swedish as Swedish. ``lang`` is one of the app's languages, never user text."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language: {lang}")
    st.html(f"<script>document.documentElement.lang = {lang!r};</script>",
            unsafe_allow_javascript=True)
