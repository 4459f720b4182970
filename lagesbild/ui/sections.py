"""Drawing the parts of a board page (lagesbild/areas/sections.py): a row of headline figures, the
title, sentence and note that stand above every chart and table, and a whole section with
its chart and table."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lagesbild.data.export import formula_safe
from lagesbild.areas.sections import Chart, FullList, Headline, Section, Table
from lagesbild.ui import charts
from lagesbild.ui.components import escape_markdown, metric_delta, no_data, status_badge
from lagesbild.ui.grids import show_table


def headline_row(headlines: Sequence[Headline], lang: str) -> None:
    """The headline figures side by side, each in its card with its change since the year
    before and, where it has one, its status word; the cards of a row are equally high."""
    for column, headline in zip(st.columns(len(headlines)), headlines):
        with column, st.container(border=True, height="stretch"):
            st.metric(headline.label, headline.value, help=headline.help or None,
                      **metric_delta(headline.delta))
            if headline.status is not None:
                status_badge(headline.status, headline.status_rule, lang)


def intro(title: str, sentence: str, note: str = "") -> None:
    """A part's title, its plain-language sentence, and a note on the rule behind it."""
    st.subheader(title, anchor=False)
    st.markdown(escape_markdown(sentence))
    if note:
        st.caption(escape_markdown(note))


def section(part: Section | None, draw: Callable[[Chart, str], go.Figure] | None,
            lang: str, *, full: FullList | None = None) -> None:
    """Title, status word, the sentence, then the chart drawn by ``draw``, the table and the
    note under them; ``full``: the whole list behind a shortened table."""
    if part is None:
        return
    st.subheader(part.title, anchor=False)
    if part.status is not None:
        status_badge(part.status, part.status_rule, lang)
    st.markdown(escape_markdown(part.sentence))
    if part.chart is not None:
        charts.show(draw(part.chart, lang), key=part.key)
    if part.table is not None:
        _text_table(part.table)
        full_list(full, part.key)
    if part.note:
        st.caption(escape_markdown(part.note))


def _text_table(table: Table) -> None:
    """A scrollable table of cells already written as text."""
    st.dataframe(
        table.frame, hide_index=True,
        column_config={column: st.column_config.TextColumn(
            alignment="right" if column in table.numeric else None, help=table.help.get(column),
            pinned=True if column in table.pinned else None)
            for column in table.frame.columns})


def table_part(part: Section, *, static: bool = True, full: FullList | None = None) -> None:
    """A toned table under its title, sentence and note; without rows, the sentence as a calm
    note. ``static``: as ``show_table``; ``full``: the whole list behind a shortened table."""
    if part.table.empty:
        st.subheader(part.title, anchor=False)
        no_data(part.sentence)
        return
    intro(part.title, part.sentence, part.note)
    show_table(part.table, static=static)
    full_list(full, part.key)


def full_list(full: FullList | None, key: str) -> None:
    """Under a shortened table: how many of how many rows it shows, and the whole list as a
    CSV file, built only when it is downloaded."""
    if full is None:
        return
    st.caption(escape_markdown(full.note))
    st.download_button(full.download_label, data=lambda: table_csv(full.table()),
                       file_name=full.file_name, mime="text/csv", on_click="ignore",
                       key=f"full_list_{key}")


def table_csv(table: Table) -> bytes:
    """The table as a CSV file for Swedish Excel (UTF-8 with BOM, ``;``), every cell written
    as the page writes it and none able to become a formula."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([formula_safe(str(column).replace("\n", " ")) for column in table.frame.columns])
    texts = [table.formats.get(column, str) for column in table.frame.columns]
    for row in table.frame.itertuples(index=False, name=None):
        writer.writerow(["" if pd.isna(value) else formula_safe(text(value))
                         for value, text in zip(row, texts)])
    return buffer.getvalue().encode("utf-8-sig")


def chart_part(part: Section, draw: Callable[[Chart, str], go.Figure], lang: str) -> None:
    """A chart under its title and sentence; without a chart, the sentence as a calm note."""
    if part.chart is None:
        st.subheader(part.title, anchor=False)
        no_data(part.sentence)
        return
    intro(part.title, part.sentence)
    charts.show(draw(part.chart, lang), key=part.key)
