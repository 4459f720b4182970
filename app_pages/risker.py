"""Risker: the risk register at the year's reference date, for the chair: heat maps before
and after treatment, the highest risks and who owns them, the movement since last year and
what needs following up."""

import pandas as pd
import streamlit as st

from lagesbild import risks, ui
from lagesbild.i18n import t
from lagesbild.ui import heatmap

# The same colours as the overview's figures: blue better, orange worse, grey unchanged.
DELTA_COLOUR = {True: "blue", False: "orange", None: "gray"}
FILTER_KEYS = {"areas": "risker_omrade", "systems": "risker_system", "owners": "risker_agare"}
# Table cells are Markdown: these characters in data (titles, names) would change how it shows.
MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>~$|#"})
# Cells this short (dates, levels, status words) are shown on one line; longer texts wrap.
SHORT_CELL = 16
UNBREAKABLE = str.maketrans({" ": "\u00a0", "-": "\u2011"})

filters = ui.selected_filters()
lang = filters.lang


def multiselect(key: str, label_key: str, options: dict[str, str]) -> tuple[str, ...]:
    # A value chosen for another year may not be offered now; the widget refuses unknown values.
    if key in st.session_state:
        st.session_state[key] = [value for value in st.session_state[key] if value in options]
    return tuple(st.multiselect(t(label_key, lang), list(options), format_func=options.get, key=key,
                                placeholder=t("risk_page.filter.all", lang)))


def tinted(table: risks.Table):
    """The table with its status and band cells coloured (always beside their words)."""
    fills = {**heatmap.BAND_FILL, **heatmap.TONE_FILL}

    def colours(column: pd.Series) -> list[str]:
        tones = table.tones.get(column.name, (None,) * len(column))
        return [f"background-color: {fills[tone]}; color: #111111" if tone else "" for tone in tones]

    def shown(text: str) -> str:
        return (text.translate(UNBREAKABLE) if len(text) <= SHORT_CELL else text).translate(MARKDOWN_SPECIAL)

    return table.frame.style.apply(colours).format(shown)


def section(table: risks.Table, *, part: bool = False) -> None:
    """A table under its title and sentence; ``part`` for a table within a section."""
    if part:
        st.markdown(f"**{table.title}**")
    else:
        st.subheader(table.title, anchor=False)
    st.write(table.sentence)
    if not table.empty:
        st.table(tinted(table), hide_index=True)


def register(view: risks.RisksView) -> None:
    for column, metric in zip(st.columns(len(view.metrics)), view.metrics):
        column.metric(metric.label, metric.value, delta=metric.delta, delta_color=DELTA_COLOUR[metric.good],
                      delta_arrow=metric.direction, delta_description=metric.description, border=True)

    st.subheader(t("risk_page.maps.title", lang), anchor=False)
    maps = (view.current, view.residual)
    # Titles and sentences in a row of their own, so the two maps line up below them.
    for column, matrix in zip(st.columns(2), maps):
        with column:
            st.markdown(f"**{matrix.title}**")
            st.write(matrix.sentence)
    for column, matrix, key in zip(st.columns(2), maps, ("risk_map_current", "risk_map_residual")):
        with column:
            heatmap.show(matrix, lang, key=key)

    section(view.top)
    section(view.movement)
    st.subheader(t("risk_page.follow_up.title", lang), anchor=False)
    for table in (view.without_owner, view.overdue, view.not_reassessed):
        section(table, part=True)
    section(view.infrastructure)


# The heading comes with the view, which needs the filters' choices: keep its place above them.
heading = st.container()
choices = risks.choices(ui.fetch, filters.year, lang)
selection = risks.Selection()
if choices.areas:
    area, system, owner = st.columns(3)
    with area:
        areas = multiselect(FILTER_KEYS["areas"], "risk_page.filter.area", choices.areas)
    with system:
        systems = multiselect(FILTER_KEYS["systems"], "risk_page.filter.system", choices.systems)
    with owner:
        owners = multiselect(FILTER_KEYS["owners"], "risk_page.filter.owner", choices.owners)
    selection = risks.Selection(areas, systems, owners)

view = risks.build(ui.fetch, filters.year, filters.municipality, lang, selection)
with heading:
    st.header(view.heading, anchor=False)
    st.caption(f"{view.as_of} {view.scope_note}")
if view.selection_has_risks:
    register(view)
else:
    ui.no_data(view.message)
