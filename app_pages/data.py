"""Data: upload a file for a kind, see what it would change or every problem, and import it
only on confirmation; templates and exports per kind."""

import streamlit as st

from lagesbild.admin import datapage
from lagesbild.data import export, profiles
from lagesbild import ui
from lagesbild.access import Role
from lagesbild.formatting import fmt_int
from lagesbild.i18n import t
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.data import cursor, writing
from lagesbild.ui.mapping import column_mapping, new_value_questions

user = ui.require_role(Role.EDITOR)

CHECKED_KEY = "data_checked"        # the Checked upload awaiting confirmation
DONE_KEY = "data_done"              # the last import's result, shown once
UPLOADER_ROUND_KEY = "data_upload_round"   # a new round empties the uploader after an import
MAPPING_KEY = "data_mapping"        # the file whose columns are being mapped (its SHA-256)

lang = ui.selected_filters().lang
st.title(t("data_page.heading", lang), anchor=False)
st.caption(t("data_page.intro", lang))

kind = st.selectbox(t("data_page.kind", lang), datapage.kind_names(), key="data_kind",
                    format_func=lambda name: datapage.kind_label(name, lang))

done = st.session_state.pop(DONE_KEY, None)
if done is not None:
    # File names and headers are the uploader's own text.
    st.success(escape_markdown(datapage.done_message(done, lang)), icon=":material/check_circle:")

st.subheader(t("data_page.section.import", lang), anchor=False)
upload_round = st.session_state.setdefault(UPLOADER_ROUND_KEY, 0)
uploaded = st.file_uploader(t("data_page.upload", lang), type=["csv", "xlsx"],
                            help=t("data_page.upload_help", lang),
                            key=f"data_upload_{kind}_{upload_round}")

checked = None
if uploaded is not None:
    data = uploaded.getvalue()
    too_large = datapage.too_large_message(len(data), lang)
    if too_large:
        st.error(too_large, icon=":material/error:")
        st.session_state.pop(CHECKED_KEY, None)
    else:
        upload = datapage.Upload(kind, uploaded.name, data)
        checked = st.session_state.get(CHECKED_KEY)
        # Checked once per file and kind; reruns (e.g. the confirm click) reuse the check.
        if checked is None or (checked.upload.kind, checked.sha256) != (kind, upload.sha256):
            try:
                with cursor() as cur:
                    checked = datapage.check(cur, upload)
            except profiles.ProfileError as error:
                st.error(escape_markdown(error.message(lang)), icon=":material/error:")
                checked = None
            st.session_state[CHECKED_KEY] = checked
else:
    st.session_state.pop(CHECKED_KEY, None)

if checked is not None and (checked.needs_mapping or st.session_state.get(MAPPING_KEY) == checked.sha256):
    st.session_state[MAPPING_KEY] = checked.sha256
    drafted = column_mapping(checked.upload, lang)
    if drafted is not None:
        with cursor() as cur:
            checked = datapage.check(cur, checked.upload, drafted)
        st.session_state[CHECKED_KEY] = checked
elif checked is not None and checked.profile is not None and not checked.ok:
    extended = new_value_questions(checked, lang)
    if extended is not None:
        with cursor() as cur:
            checked = datapage.check(cur, checked.upload, extended)
        st.session_state[CHECKED_KEY] = checked

if checked is not None and not checked.needs_mapping:
    result = checked.result
    st.caption(t("data_page.checked_file", lang, file=escape_markdown(checked.upload.file_name),
                 sha=checked.sha256[:12] + "…"))
    if checked.profile is not None:
        st.info(t("mapping.recognised", lang, profile=escape_markdown(checked.profile.name)),
                icon=":material/link:")
    if result.ok:
        st.info(datapage.change_summary(result, lang), icon=":material/fact_check:")
        if result.ignored_columns:
            st.warning(t("data_page.ignored", lang,
                         columns=escape_markdown(", ".join(result.ignored_columns))))
    else:
        st.error(datapage.problems_heading(result, lang), icon=":material/error:")
        st.dataframe(datapage.problems_table(result, lang), hide_index=True, width="stretch",
                     key="data_problems")
        more = datapage.problems_more(result, lang)
        if more:
            st.caption(more)
    preview = datapage.preview_table(result, lang)
    if preview is not None:
        st.markdown(f"**{datapage.preview_caption(result, lang)}**")
        st.dataframe(preview, hide_index=True, width="stretch", key="data_preview")
    if result.ok and st.button(t("data_page.confirm", lang), type="primary", key="data_confirm",
                               help=t("data_page.confirm_help", lang)):
        with writing() as cur:
            imported = datapage.confirm(cur, checked, user.changed_by)
        if imported.ok:
            st.session_state.pop(CHECKED_KEY, None)
            st.session_state.pop(MAPPING_KEY, None)
            st.session_state[DONE_KEY] = imported
            st.session_state[UPLOADER_ROUND_KEY] = upload_round + 1
            st.rerun()
        st.error(t("data_page.failed", lang), icon=":material/error:")
        st.dataframe(datapage.problems_table(imported, lang), hide_index=True, width="stretch")

st.subheader(t("data_page.section.templates", lang), anchor=False)
template_column, export_column = st.columns(2)
with template_column:
    st.markdown(f"**{t('data_page.template', lang)}**")
    st.caption(t("data_page.template_help", lang))
    for fmt in export.FORMATS:
        st.download_button(
            t(f"data_page.template_{fmt}", lang), export.template_bytes(kind, fmt),
            file_name=datapage.download_name(kind, fmt, lang, template=True),
            mime=datapage.FORMAT_MIME[fmt], on_click="ignore", icon=":material/download:",
            key=f"data_template_{fmt}")
with export_column:
    st.markdown(f"**{t('data_page.export', lang)}**")
    with cursor() as cur:
        stored = datapage.stored_rows(cur, kind)
    st.caption(t("data_page.export_help", lang, rows=fmt_int(stored, lang)))

    def exported(fmt: str, kind: str = kind):
        # Built only when the button is clicked: a kind may hold a million rows.
        def build() -> bytes:
            with cursor() as cur:
                return export.export_bytes(cur, kind, fmt)
        return build

    for fmt in export.FORMATS:
        st.download_button(
            t(f"data_page.export_{fmt}", lang), exported(fmt),
            file_name=datapage.download_name(kind, fmt, lang), mime=datapage.FORMAT_MIME[fmt],
            on_click="ignore", icon=":material/download:", key=f"data_export_{fmt}")
