"""Tables whose cells carry a tone: a status word on its status colour, a KLASSA level on
its level colour. The colour never stands alone: every toned cell says the same in words.

Tones are the shared cell fills (lagesbild/palette.py), light enough for dark text; numbers
and dates keep their own type, so the columns sort correctly.
"""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from lagesbild.formatting import MISSING
from lagesbild.areas.sections import Table
from lagesbild.palette import CELL_FILL
from lagesbild.ui.components import escape_markdown

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NON_BREAKING_HYPHEN = "\u2011"


def _static_text(text: str) -> str:
    """Cell or header text for a static table, which reads Markdown: escaped, a line break in
    the text kept as one, and ISO dates' hyphens unbreakable so that a date stays on one line."""
    text = escape_markdown(text).replace("\n", "  \n")
    return ISO_DATE.sub(lambda date: date.group().replace("-", NON_BREAKING_HYPHEN), text)


def _styled(table: Table, *, static: bool):
    """The table as a pandas Styler: the tones as cell fills, the cells written by ``formats``.

    One ``apply`` for all the fills and one ``format`` for all the columns: each call on a
    Styler selects its cells anew, and a call per column made up a third of drawing a table."""
    frame = table.frame
    names = {column: _static_text(column) if static else column for column in frame.columns}
    data = frame.rename(columns=names)
    styler = data.style
    if table.tones:
        fills = pd.DataFrame({names[column]: [f"background-color: {CELL_FILL[tone]}" if tone else ""
                                              for tone in tones]
                              for column, tones in table.tones.items()}, index=data.index)
        styler.apply(lambda _toned: fills, axis=None, subset=list(fills.columns))
    texts = {}
    for column in frame.columns:
        text = table.formats.get(column, str)
        texts[names[column]] = (lambda value, text=text: _static_text(text(value))) if static else text
    return styler.format(texts, na_rep=MISSING)


def show_table(table: Table, *, static: bool = False, key: str | None = None) -> None:
    """The table at full width without its index, missing values as an en dash.

    ``static``: every row and column shown at once, long texts wrapped (for a short table
    the board reads whole); otherwise a scrollable, sortable grid.
    """
    if static:
        st.table(_styled(table, static=True), hide_index=True)
        return
    column_config = {column: st.column_config.Column(alignment="center") for column in table.centred}
    st.dataframe(_styled(table, static=False), hide_index=True, width="stretch",
                 placeholder=MISSING, column_config=column_config, key=key)
