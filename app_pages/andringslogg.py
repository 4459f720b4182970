"""Ändringslogg: every import, edit, frozen year and role change, newest first; filterable
and exportable, never editable."""

import datetime as dt

import streamlit as st

from lagesbild.admin import change_log
from lagesbild.data import export
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.formatting import fmt_int
from lagesbild.i18n import plural, t

ui.require_role(Role.EDITOR)

lang = ui.selected_filters().lang
st.title(t("change_log_page.heading", lang), anchor=False)
st.caption(t("change_log_page.intro", lang))

options = ui.fetch("change_log_filters")
ALL = None
kind_column, action_column, who_column, from_column, to_column = st.columns([1.2, 1, 1.2, 1, 1])
kind = kind_column.selectbox(
    t("change_log_page.filter.kind", lang), [ALL, *change_log.filter_options(options, "kind")],
    format_func=lambda k: t("change_log_page.all", lang) if k is None else change_log.kind_label(k, lang),
    key="change_log_kind")
action = action_column.selectbox(
    t("change_log_page.filter.action", lang), [ALL, *change_log.filter_options(options, "action")],
    format_func=lambda a: t("change_log_page.all", lang) if a is None else change_log.action_label(a, lang),
    key="change_log_action")
changed_by = who_column.selectbox(
    t("change_log_page.filter.changed_by", lang),
    [ALL, *change_log.filter_options(options, "changed_by")],
    format_func=lambda who: t("change_log_page.all", lang) if who is None else who,
    key="change_log_who")
DATE_RANGE = dict(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31), format="YYYY-MM-DD")
date_from = from_column.date_input(t("change_log_page.filter.date_from", lang), value=None,
                                   key="change_log_from", **DATE_RANGE)
date_to = to_column.date_input(t("change_log_page.filter.date_to", lang), value=None,
                               key="change_log_to", **DATE_RANGE)

if date_from and date_to and date_from > date_to:
    st.warning(t("change_log_page.bad_dates", lang), icon=":material/warning:")
    st.stop()

log = ui.fetch("change_log", kind=kind, action=action, changed_by=changed_by,
               date_from=date_from, date_to=date_to)
filtered = any(value is not None for value in (kind, action, changed_by, date_from, date_to))
if log.empty:
    ui.no_data(t("change_log_page.empty_filtered" if filtered else "change_log_page.empty", lang))
    st.stop()

st.markdown(plural("change_log_page.count", len(log), lang, count=fmt_int(len(log), lang)))
st.dataframe(change_log.shown(log, lang), hide_index=True, width="stretch", key="change_log_table")
st.caption(t("change_log_page.sha_note", lang))
for column, fmt in zip(st.columns([1, 1, 4]), export.FORMATS):
    column.download_button(
        t(f"change_log_page.export_{fmt}", lang), change_log.export_bytes(log, fmt, lang),
        file_name=change_log.export_name(fmt, lang), on_click="ignore",
        icon=":material/download:", key=f"change_log_export_{fmt}")
