"""Building blocks the pages draw with: area bands, status words, the change beside a figure,
calm messages, errors, and data text made safe for Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import streamlit as st

from lagesbild.data.db import LagesbildError
from lagesbild.i18n import t
from lagesbild.areas.overview import Area
from lagesbild.areas.sections import Delta
from lagesbild.rules.status import Status
from lagesbild.ui.data import is_demo

# Colour-blind safe pairs: blue for good, orange/red for worse; always with a word and an icon.
_STATUS_STYLE = {
    Status.GOOD: ("blue", ":material/check_circle:"),
    Status.WATCH: ("orange", ":material/visibility:"),
    Status.ACT: ("red", ":material/error:"),
}
# An improvement in blue, a worsening in orange, no change in grey: never colour alone, the
# arrow and the signed figure say the same.
_DELTA_COLOUR = {True: "blue", False: "orange", None: "gray"}

# Names and titles come from imported data; escaped, they show as typed. Escaped are the
# characters Markdown reads as formatting anywhere in a line (emphasis, code, links, tables,
# maths, entities such as "&amp;"); the colons (and slash) of Streamlit's own ":red[…]",
# ":material/home:" and ":smile:", which it finds in the source, so both colons are escaped;
# and the mark that makes a line a list item, a heading underline or a rule ("1. ", "- ",
# "+ ", "===", "---"). Other colons and slashes ("2025: 13", "1 / 12") are left as they are.
_MARKDOWN = re.compile(r"([\\`*_\[\]<>|$~#&])")
_STREAMLIT_CODE = re.compile(r":(?=[\w+-]+\\?\[)|:([\w+-]+)(?:/([\w-]+))?:")
_LINE_START = re.compile(r"(?m)^(\s*)(?:([-+=])(?=\s|$|[-=\s]*$)|(\d{1,9})([.)])(?=\s|$))")
# Streamlit's Markdown turns bare addresses into links after escapes are resolved, so a
# backslash cannot stop it (and one inside an address ends up in it). An invisible word joiner
# where the recognised forms begin (http://, https://, www., the @ of an e-mail address) keeps
# the text as typed and as plain text.
_AUTOLINK = re.compile(r"(?i)(?:https?(?=://)|www(?=\.)|(?<=\w)(?=@\w))")
_WORD_JOINER = "\u2060"


def _escape_code(match: re.Match) -> str:
    name, icon = match.groups()
    if name is None:                      # the colon that opens ":red[…]"
        return "\\:"
    return f"\\:{name}" + (f"\\/{icon}" if icon else "") + "\\:"


def _escape_line_start(match: re.Match) -> str:
    indent, mark, number, dot = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{dot}"


def escape_markdown(text: str) -> str:
    """``text`` escaped so that Markdown (st.markdown, st.caption, a static table's cells)
    shows it exactly as written: no formatting, no icons or colours, no lists, no links."""
    unlinked = _AUTOLINK.sub(lambda match: match.group(0) + _WORD_JOINER, text)
    escaped = _STREAMLIT_CODE.sub(_escape_code, _MARKDOWN.sub(r"\\\1", unlinked))
    return _LINE_START.sub(_escape_line_start, escaped)


def metric_delta(delta: Delta | None) -> dict:
    """The arguments of st.metric that show ``delta``: the signed change, its arrow, its colour
    and what it is compared with; nothing without a change to show."""
    if delta is None:
        return dict(delta=None, delta_color="off", delta_arrow="auto", delta_description=None)
    return dict(delta=delta.text, delta_color=_DELTA_COLOUR[delta.good],
                delta_arrow=delta.direction, delta_description=delta.description)


@contextmanager
def user_errors() -> Iterator[None]:
    """Show a LagesbildError as its Swedish message, never as a traceback."""
    try:
        yield
    except LagesbildError as exc:
        st.error(str(exc), icon=":material/error:")


def demo_notice(lang: str) -> None:
    """A compact but unmissable line saying the figures are made up."""
    if is_demo():
        st.badge(t("demo.notice", lang), icon=":material/science:", color="orange")


def no_data(message: str) -> None:
    """A calm note that the selection holds nothing to show (not an error)."""
    st.info(message, icon=":material/info:")


def contradiction_note(text: str) -> None:
    """Rows that contradict themselves (lagesbild.areas.contradictions), named where they are shown."""
    if text:
        st.warning(escape_markdown(text), icon=":material/report:")


def status_badge(status: Status, rule: str, lang: str) -> None:
    """The status word on its colour, and the rule behind it written out under it: a
    tooltip alone is out of reach for touch, keyboard and screen magnifier users."""
    colour, icon = _STATUS_STYLE[status]
    st.badge(t(f"status.{status.value}", lang), icon=icon, color=colour)
    if rule:
        st.caption(escape_markdown(rule))


def area_row(area: Area, lang: str) -> None:
    """One area as a band: name and status word, the headline figure, the sentence."""
    with st.container(border=True):
        name, figure, text = st.columns([1.6, 1.4, 2.5], vertical_alignment="center")
        with name, st.container(gap="xsmall"):
            st.markdown(f"**{area.title}**")
            # The figure's own label sits here, under the area's name, to keep the band low.
            if area.has_data:
                st.caption(area.metric_label)
            if area.status is not None:
                status_badge(area.status, area.status_rule, lang)
        if not area.has_data:
            with text:
                no_data(area.sentence)
                if area.note:
                    st.caption(area.note)
            return
        figure.metric(area.metric_label, area.value, label_visibility="collapsed",
                      **metric_delta(area.delta))
        with text:
            st.write(area.sentence)
            for caption in (area.details, area.note):
                if caption:
                    st.caption(caption)


def area_rows(areas: Sequence[Area], lang: str) -> None:
    with st.container(gap="xsmall"):
        for area in areas:
            area_row(area, lang)
