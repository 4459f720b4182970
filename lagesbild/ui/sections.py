"""Drawing the parts of a board page (lagesbild/sections.py): a row of headline figures, and
the title, sentence and note that stand above every chart and table."""

from __future__ import annotations

import re
from collections.abc import Sequence

import streamlit as st

from lagesbild.sections import Headline
from lagesbild.ui.components import status_badge

# An improvement in blue, a worsening in orange, no change in grey: never colour alone, the
# arrow and the signed figure say the same.
_DELTA_COLOUR = {True: "blue", False: "orange", None: "gray"}

# Characters Markdown would read as formatting anywhere in a line (names and titles come from
# imported data); a sentence never starts with a list or heading marker.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|$~])")


def escape_markdown(text: str) -> str:
    """``text`` escaped so that Markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", text)


def headline_row(headlines: Sequence[Headline], lang: str) -> None:
    for column, headline in zip(st.columns(len(headlines)), headlines):
        with column, st.container(border=True, height="stretch"):
            delta = headline.delta
            st.metric(
                headline.label, headline.value,
                delta=delta.text if delta else None,
                delta_color=_DELTA_COLOUR[delta.good] if delta else "off",
                delta_arrow=delta.direction if delta else "auto",
                delta_description=delta.description if delta else None,
                help=headline.help or None,
            )
            if headline.status is not None:
                status_badge(headline.status, headline.status_rule, lang)


def intro(title: str, sentence: str, note: str = "") -> None:
    """A part's title, its plain-language sentence, and a note on the rule behind it."""
    st.subheader(title, anchor=False)
    st.markdown(escape_markdown(sentence))
    if note:
        st.caption(escape_markdown(note))
