"""Redigera: risks, recommendations and their follow-ups, governing documents and information
classifications, each through a form checked exactly as an import; every save is logged."""

import datetime as dt

import streamlit as st

from lagesbild.data import contracts
from lagesbild.admin import editing
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.formatting import shortened
from lagesbild.i18n import t
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.data import cursor, writing

user = ui.require_role(Role.EDITOR)

NEW = "__ny__"                      # the "new ..." choice in an entity list
FLASH_KEY = "edit_saved"            # the last save's message, shown once
ROUND_KEY = "edit_round"            # a new round resets the forms after a save
SELECT_KEY = "edit_choice_{target}"
PENDING_SELECT_KEY = "edit_choice_pending"   # (target, id) to select on the next run
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)

lang = ui.selected_filters().lang
today = dt.date.today()
st.title(t("editing.heading", lang), anchor=False)
st.caption(t("editing.intro", lang))

flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(escape_markdown(flash), icon=":material/check_circle:")
form_round = st.session_state.setdefault(ROUND_KEY, 0)
pending = st.session_state.pop(PENDING_SELECT_KEY, None)
if pending:
    st.session_state[SELECT_KEY.format(target=pending[0])] = pending[1]

target = st.radio(t("editing.what", lang), editing.TARGETS, horizontal=True, key="edit_target",
                  format_func=lambda name: editing.target_label(name, lang))


def choose(rows, id_col: str, title_col: str | None, *, allow_new: bool) -> str | None:
    """The entity to edit: an id from ``rows``, NEW, or None when there is nothing to pick."""
    titles = dict(zip(rows[id_col], rows[title_col])) if title_col else {}
    options = [*rows[id_col].tolist(), *([NEW] if allow_new else [])]
    if not options:
        return None

    def label(option):
        if option == NEW:
            return t(f"editing.new.{target}", lang)
        title = titles.get(option)
        return f"{option} – {shortened(str(title), 70)}" if title else option

    return st.selectbox(t(f"editing.choose.{target}", lang), options, format_func=label,
                        key=SELECT_KEY.format(target=target))


def field_input(column: contracts.Column, value, key: str, *, disabled: bool = False):
    """The widget for one contract column, prefilled with ``value``; returns its value."""
    label = editing.field_label(column, lang) + (" *" if column.required else "")
    if column.type == contracts.DATE:
        return st.date_input(label, value=value, min_value=EARLIEST, max_value=LATEST,
                             format="YYYY-MM-DD", key=key, disabled=disabled)
    if column.type == contracts.CHOICE:
        options = list(column.vocabulary.values)
        if not column.required:
            options = [None, *options]

        def choice_label(option):
            if option is None:
                return t("editing.none", lang)
            text = column.vocabulary.label(option, lang)
            return f"{option} – {text}" if isinstance(option, int) else text

        index = options.index(value) if value in options else (None if column.required else 0)
        return st.selectbox(label, options, index=index, format_func=choice_label, key=key,
                            disabled=disabled)
    if column.type == contracts.BOOLEAN:
        return st.checkbox(label, value=bool(value), key=key, disabled=disabled)
    if column.type in (contracts.INTEGER, contracts.DECIMAL):
        whole = column.type == contracts.INTEGER
        cast = int if whole else float
        return st.number_input(
            label, value=None if value is None else cast(value),
            min_value=None if column.minimum is None else cast(column.minimum),
            max_value=None if column.maximum is None else cast(column.maximum),
            step=cast(1), format=None if whole else "%.1f", key=key, disabled=disabled)
    text = "" if value is None else str(value)
    if column.max_length > 500:
        return st.text_area(label, value=text, max_chars=column.max_length, key=key,
                            disabled=disabled, height=100)
    return st.text_input(label, value=text, max_chars=column.max_length, key=key,
                         disabled=disabled)


def edit_form(kind: str, values: dict, *, form_key: str, fixed: tuple[str, ...], note: str) -> None:
    """A form over every column of ``kind``; saving goes through editing.save."""
    spec = contracts.KINDS[kind]
    with st.form(f"{form_key}_{form_round}"):
        st.markdown(f"**{t(f'editing.form.{kind}', lang)}**")
        st.caption(note)
        entered = {}
        halves = st.columns(2)
        for index, column in enumerate(spec.columns):
            with halves[index % 2]:
                entered[column.name] = field_input(
                    column, values.get(column.name), key=f"{form_key}_{form_round}_{column.name}",
                    disabled=column.name in fixed)
        for name in fixed:
            entered[name] = values.get(name)
        submitted = st.form_submit_button(t("editing.save", lang), type="primary")
    if not submitted:
        return
    with writing() as cur:
        saved = editing.save(cur, kind, entered, changed_by=user.changed_by, lang=lang)
    if saved.changed:
        st.session_state[FLASH_KEY] = editing.saved_message(saved, entered, lang)
        st.session_state[ROUND_KEY] = form_round + 1
        # Keep (or, for a new one, put) the saved entity in the list's selection.
        chosen = entered.get(spec.key[0])
        if chosen:
            st.session_state[PENDING_SELECT_KEY] = (target, str(chosen).strip())
        st.rerun()
    unchanged = editing.unchanged_message(saved, lang)
    if unchanged:
        st.info(unchanged, icon=":material/info:")
        return
    lines = "\n".join(f"- {escape_markdown(line)}" for line in saved.refusals)
    st.error(f"{t('editing.refused', lang)}\n\n{lines}", icon=":material/error:")


def current(kind: str, values: dict, date_col: str) -> None:
    """The current row, as the page shows stored values."""
    st.markdown(f"**{t(f'editing.current.{kind}', lang, date=values[date_col].isoformat())}**")
    st.dataframe(editing.describe(kind, values, lang), hide_index=True, width="stretch",
                 key=f"edit_current_{kind}")


def history_note(kind: str, newest: dt.date | None) -> str:
    date_col = editing.HISTORY_DATE[kind]
    return t("editing.history_note", lang,
             field=editing.field_label(contracts.KINDS[kind].column(date_col), lang),
             newest=newest.isoformat() if newest else t("editing.none", lang))


def in_place_note(kind: str) -> str:
    spec = contracts.KINDS[kind]
    return t("editing.in_place_note", lang, field=editing.field_label(spec.column(spec.key[0]), lang))


if target == "risks":
    risks = ui.fetch("edit_risks")
    if risks.empty:
        st.info(t("editing.empty.risks", lang), icon=":material/info:")
    chosen = choose(risks, "risk_id", "title", allow_new=True)
    if chosen == NEW:
        edit_form("risks", editing.history_defaults("risks", None, today), form_key="edit_risk_new",
                  fixed=(), note=history_note("risks", None))
    elif chosen is not None:
        latest = editing.row_values(risks[risks["risk_id"] == chosen].iloc[0], "risks")
        current("risks", latest, "assessed_on")
        edit_form("risks", editing.history_defaults("risks", latest, today),
                  form_key=f"edit_risk_{chosen}", fixed=("risk_id",),
                  note=history_note("risks", latest["assessed_on"]))

elif target == "recommendations":
    recommendations = ui.fetch("edit_recommendations")
    if recommendations.empty:
        st.info(t("editing.empty.recommendations", lang), icon=":material/info:")
    chosen = choose(recommendations, "rec_id", "text", allow_new=True)
    if chosen == NEW:
        edit_form("recommendations", editing.row_values(None, "recommendations"),
                  form_key="edit_rec_new", fixed=(), note=in_place_note("recommendations"))
    elif chosen is not None:
        row = recommendations[recommendations["rec_id"] == chosen].iloc[0]
        latest = editing.followup_values(row)
        followup_tab, recommendation_tab = st.tabs([t("editing.form.followups", lang),
                                                    t("editing.form.recommendations", lang)])
        with followup_tab:
            if latest:
                current("followups", latest, "assessed_on")
            else:
                st.caption(t("editing.no_followup", lang))
            defaults = editing.history_defaults("followups", latest, today)
            defaults["rec_id"] = chosen
            edit_form("followups", defaults, form_key=f"edit_followup_{chosen}", fixed=("rec_id",),
                      note=history_note("followups", latest["assessed_on"] if latest else None))
        with recommendation_tab:
            edit_form("recommendations", editing.row_values(row, "recommendations"),
                      form_key=f"edit_rec_{chosen}", fixed=("rec_id",),
                      note=in_place_note("recommendations"))

elif target == "documents":
    documents = ui.fetch("edit_documents")
    if documents.empty:
        st.info(t("editing.empty.documents", lang), icon=":material/info:")
    chosen = choose(documents, "doc_id", "title", allow_new=True)
    if chosen == NEW:
        edit_form("documents", editing.row_values(None, "documents"), form_key="edit_doc_new",
                  fixed=(), note=in_place_note("documents"))
    elif chosen is not None:
        row = documents[documents["doc_id"] == chosen].iloc[0]
        edit_form("documents", editing.row_values(row, "documents"), form_key=f"edit_doc_{chosen}",
                  fixed=("doc_id",), note=in_place_note("documents"))

else:
    systems = ui.fetch("edit_classifications")
    if systems.empty:
        st.info(t("editing.empty.classifications", lang), icon=":material/info:")
    chosen = choose(systems, "system_id", "system_name", allow_new=False)
    if chosen is not None:
        row = systems[systems["system_id"] == chosen].iloc[0]
        latest = editing.row_values(row, "classifications")
        if latest["classified_on"] is None:
            st.caption(t("editing.no_classification", lang))
            latest = None
        else:
            current("classifications", latest, "classified_on")
        defaults = editing.history_defaults("classifications", latest, today)
        defaults["system_id"] = chosen
        edit_form("classifications", defaults, form_key=f"edit_class_{chosen}",
                  fixed=("system_id",),
                  note=history_note("classifications", latest["classified_on"] if latest else None))
