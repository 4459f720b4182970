"""Rapport: the yearly report for the board as PDF, Word and PowerPoint, its summary and
proposed decisions, and (for editors) freezing the year."""

import datetime as dt

import streamlit as st

from lagesbild.report import frozen
from lagesbild import report, ui
from lagesbild.access import Role
from lagesbild.i18n import t
from lagesbild.report import page
from lagesbild.areas.sections import scope_label
from lagesbild.ui.components import escape_markdown
from lagesbild.ui.grids import show_table

user = ui.require_role(Role.READER)
filters = ui.selected_filters()
lang, year = filters.lang, filters.year

st.title(t("report_page.heading", lang, year=year, scope=scope_label(filters.municipality, lang)),
          anchor=False)
st.caption(t("report_page.intro", lang))
frozen_year = frozen.latest(ui.fetch, year)
st.markdown(escape_markdown(page.frozen_caption(frozen_year, year, lang)))

public = st.toggle(t("report_page.public", lang), help=t("report_page.public_help", lang),
                   key="rapport_offentlig")
paper = report.yearly_report(ui.fetch, year, filters.municipality, lang, public=public)

for column, fmt in zip(st.columns(len(report.FORMATS)), report.FORMATS):
    with column:
        # Written only when clicked: a document takes a few seconds to draw.
        st.download_button(
            f"{t('report_page.download', lang)} {t(f'report_page.format.{fmt}', lang)}",
            data=lambda fmt=fmt: report.render(paper, fmt),
            file_name=page.file_name(year, public, fmt, lang), mime=report.MEDIA_TYPES[fmt],
            help=t(f"report_page.format_help.{fmt}", lang), icon=":material/download:",
            on_click="ignore", key=f"rapport_{fmt}", width="stretch")

st.subheader(t("report_page.contents", lang), anchor=False)
(st.info if public else st.warning)(paper.marking, icon=":material/shield:")
if paper.comparison_note:
    st.caption(paper.comparison_note)
show_table(page.summary_table(paper, lang), static=True)
st.markdown(f"**{paper.decisions_title}**")
st.markdown(escape_markdown(paper.decisions_intro))
st.markdown("\n".join(f"{number}. {escape_markdown(decision.text)}"
                      for number, decision in enumerate(paper.decisions, start=1)))

if user.may(Role.EDITOR):
    versions = ui.fetch("frozen_year_versions", year=year)
    with st.expander(t("report_page.freeze.title", lang, year=year), icon=":material/lock:"):
        st.caption(t("report_page.freeze.intro", lang))
        if year == dt.date.today().year:
            st.caption(t("report_page.freeze.running", lang, year=year))
        with st.form("fastall"):
            note = st.text_input(t("report_page.freeze.note", lang), max_chars=200)
            confirmed = st.checkbox(t("report_page.freeze.confirm", lang, year=year))
            label = "report_page.freeze.again" if frozen_year else "report_page.freeze.button"
            if st.form_submit_button(t(label, lang), disabled=False) and confirmed:
                with ui.writing() as cur:
                    version = frozen.freeze(cur, year, frozen_by=user.changed_by, note=note)
                st.success(t("report_page.freeze.done", lang, year=year, version=version))
                st.rerun()
        if not versions.empty:
            st.markdown(f"**{t('report_page.versions', lang)}**")
            show_table(page.versions_table(versions, lang), static=True)
