"""Risker: the risk register at the year's reference date, for the chair: heat maps before
and after treatment, the highest risks and who owns them, the movement since last year and
what needs following up."""

import pandas as pd
import streamlit as st

from lagesbild.areas import risks
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.i18n import t
from lagesbild.palette import CELL_FILL
from lagesbild.areas.sections import Section, Table
from lagesbild.ui import heatmap
from lagesbild.ui.components import contradiction_note, escape_markdown
from lagesbild.ui.sections import headline_row

ui.require_role(Role.READER)

# A heat map's width where it fits (narrower windows give it their whole width): three risk
# ids side by side in a cell stay apart.
HEAT_MAP_WIDTH_PX = 420

FILTER_KEYS = {"areas": "risker_omrade", "systems": "risker_system", "owners": "risker_agare"}
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


def tinted(table: Table):
    """The table with its status and band cells coloured (always beside their words)."""
    def colours(column: pd.Series) -> list[str]:
        tones = table.tones.get(column.name, (None,) * len(column))
        return [f"background-color: {CELL_FILL[tone]}; color: #111111" if tone else "" for tone in tones]

    # Table cells are Markdown: data (titles, names) is escaped to show as written.
    def shown(text: str) -> str:
        return escape_markdown(text.translate(UNBREAKABLE) if len(text) <= SHORT_CELL else text)

    return table.frame.style.apply(colours).format(shown)


def section(part: Section, *, within: bool = False) -> None:
    """A table under its title and sentence; ``within`` for a table within a section."""
    if within:
        st.markdown(f"**{part.title}**")
    else:
        st.subheader(part.title, anchor=False)
    st.write(part.sentence)
    if not part.table.empty:
        st.table(tinted(part.table), hide_index=True)


def register(view: risks.RisksView) -> None:
    contradiction_note(view.contradiction)
    headline_row(view.metrics, lang)

    st.subheader(t("risk_page.maps.title", lang), anchor=False)
    maps = (view.current, view.residual)
    # Side by side where both fit at a legible size; on a narrow or zoomed window (200 %) the
    # second map wraps under the first, each with its title and sentence above it.
    with st.container(horizontal=True, wrap=True, gap="medium", key="risk_maps"):
        for matrix, key in zip(maps, ("risk_map_current", "risk_map_residual")):
            with st.container(width=HEAT_MAP_WIDTH_PX):
                st.markdown(f"**{matrix.title}**")
                st.write(matrix.sentence)
                heatmap.show(matrix, lang, key=key)
                if matrix.moves_sentence:
                    st.caption(matrix.moves_sentence)

    section(view.top)
    section(view.movement)
    st.subheader(t("risk_page.follow_up.title", lang), anchor=False)
    for table in (view.without_owner, view.overdue, view.review, view.flagged):
        section(table, within=True)
    section(view.infrastructure)
    section(view.accepted)
    section(view.analyses)


# The heading comes with the view, which needs the filters' choices: keep its place above them.
heading = st.container()
# The filters' choices come from the whole register: kept for the session, as the view is.
# Every query of the page runs side by side first (after a year change each is a cache miss).
choices = ui.page_model(risks.choices, filters.year, lang, prefetch=risks.requests(filters.year))
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

view = ui.page_model(risks.build, filters.year, filters.municipality, lang, selection)
with heading:
    st.title(view.heading, anchor=False)
    st.caption(f"{view.as_of} {view.scope_note}")
if view.selection_has_risks:
    register(view)
else:
    ui.no_data(view.message)
