"""Riskanalys: the guided risk analysis. Start or continue an analysis, choose its components,
assess each component against each threat of the catalogue, see the summary, finish, and
download the analysis as a document. The rules live in lagesbild.risk_analysis."""

import datetime as dt

import pandas as pd
import streamlit as st

from lagesbild import report, risk_analysis, ui
from lagesbild.risk_analysis import scales as risk_scales
from lagesbild.access import Role
from lagesbild.data.contracts import RISK_AREAS, TREATMENTS
from lagesbild.formatting import fmt_date, fmt_int, shortened
from lagesbild.i18n import label, t
from lagesbild.report import analysis as analysis_document
from lagesbild.ui import heatmap
from lagesbild.ui.components import escape_markdown

user = ui.require_role(Role.EDITOR)

NEW = "__ny__"
CHOICE_KEY = "ra_choice"
PENDING_CHOICE_KEY = "ra_choice_pending"     # the analysis to select on the next run
FLASH_KEY = "ra_flash"
STATE_KEY = "ra_state"                       # analysis id -> {"phase", "components", "step"}
COMPONENTS, WALK, SUMMARY = "components", "walk", "summary"
EARLIEST, LATEST = dt.date(1990, 1, 1), dt.date(2100, 12, 31)

lang = ui.selected_filters().lang
today = dt.date.today()
st.title(t("nav.risk_analysis", lang), anchor=False)
st.caption(t("risk_analysis.intro", lang))

flash = st.session_state.pop(FLASH_KEY, None)
if flash:
    st.success(escape_markdown(flash), icon=":material/check_circle:")
pending = st.session_state.pop(PENDING_CHOICE_KEY, None)
if pending:
    st.session_state[CHOICE_KEY] = pending

all_analyses = {a.analysis_id: a for a in risk_analysis.analyses(ui.fetch)}


def analysis_label(option: str) -> str:
    if option == NEW:
        return t("risk_analysis.choose.new", lang)
    found = all_analyses[option]
    state = (t("risk_analysis.choose.finished", lang, date=fmt_date(found.finished_on)) if found.finished
             else t("risk_analysis.choose.running", lang))
    return t("risk_analysis.choose.option", lang, id=found.analysis_id, title=shortened(found.title, 60),
             state=state, count=fmt_int(found.assessments, lang))


# Analyses in progress first (they are the ones to continue), then a new one, then the finished.
options = [*(i for i in all_analyses if not all_analyses[i].finished), NEW,
           *(i for i in all_analyses if all_analyses[i].finished)]
chosen = st.selectbox(t("risk_analysis.choose", lang), options, format_func=analysis_label, key=CHOICE_KEY)


def refusals(lines: list[str]) -> None:
    listed = "\n".join(f"- {escape_markdown(line)}" for line in lines)
    st.error(f"{t('risk_analysis.refused', lang)}\n\n{listed}", icon=":material/error:")


def start_form() -> None:
    with st.form("ra_start"):
        st.markdown(f"**{t('risk_analysis.start.title', lang)}**")
        title = st.text_input(t("risk_analysis.field.title", lang), value=risk_analysis.default_title(today.year),
                              max_chars=300, key="ra_start_title")
        scope = st.text_area(t("risk_analysis.field.scope", lang), value=t("risk_analysis.default_scope", lang),
                             max_chars=2000, key="ra_start_scope", height=80)
        participants = st.text_input(t("risk_analysis.field.participants", lang), max_chars=2000,
                                     key="ra_start_participants",
                                     placeholder=t("risk_analysis.field.participants_hint", lang))
        started_on = st.date_input(t("risk_analysis.field.started_on", lang), value=today,
                                   min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD",
                                   key="ra_start_date")
        st.caption(risk_scales.scales_line(lang))
        submitted = st.form_submit_button(t("risk_analysis.start.button", lang), type="primary")
    if not submitted:
        return
    with ui.writing() as cur:
        saved = risk_analysis.save_analysis(cur, {"title": title, "scope": scope,
                                                  "participants": participants,
                                                  "started_on": started_on},
                                            changed_by=user.changed_by, lang=lang)
    if saved.ok:
        st.session_state[FLASH_KEY] = t("risk_analysis.start.done", lang, id=saved.key)
        st.session_state[PENDING_CHOICE_KEY] = saved.key
        st.rerun()
    refusals(saved.refusals)


def downloads(analysis: risk_analysis.Analysis) -> None:
    st.markdown(f"**{t('risk_analysis.document.title', lang)}**")
    public = st.toggle(t("report_page.public", lang), help=t("report_page.public_help", lang),
                       key=f"ra_public_{analysis.analysis_id}")
    paper = analysis_document.build(ui.fetch, analysis.analysis_id, lang, public=public, today=today)
    for column, fmt in zip(st.columns(len(report.FORMATS)), report.FORMATS):
        with column:
            # Written only when clicked: a document takes a few seconds to draw.
            st.download_button(
                f"{t('report_page.download', lang)} {t(f'report_page.format.{fmt}', lang)}",
                data=lambda fmt=fmt: report.render(paper, fmt),
                file_name=analysis_document.file_name(analysis.analysis_id, public, fmt, lang),
                mime=report.MEDIA_TYPES[fmt], icon=":material/download:", on_click="ignore",
                key=f"ra_download_{fmt}", width="stretch")


def summary(analysis: risk_analysis.Analysis) -> None:
    rows = risk_analysis.assessments(ui.fetch, analysis.analysis_id)
    st.subheader(t("risk_analysis.summary.title", lang), anchor=False)
    st.markdown(escape_markdown(risk_analysis.summary_sentence(rows, lang)))
    if rows:
        before, after = st.columns(2)
        for column, residual in ((before, False), (after, True)):
            with column:
                matrix = risk_analysis.matrix(ui.fetch, rows, residual=residual, lang=lang)
                st.markdown(f"**{escape_markdown(matrix.title)}**")
                st.caption(escape_markdown(matrix.sentence))
                heatmap.show(matrix, lang, key=f"ra_map_{'after' if residual else 'before'}")
        bands = risk_scales.bands(ui.fetch)
        table = pd.DataFrame({
            t("analysis_doc.column.risk_id", lang): [r["risk_id"] for r in rows],
            t("analysis_doc.column.risk", lang): [r["title"] for r in rows],
            t("risk_analysis.column.system", lang): [r["system_name"] or "–" for r in rows],
            t("analysis_doc.column.threat", lang): [r["threat_name"] or "–" for r in rows],
            t("analysis_doc.column.now", lang): [risk_analysis.level_text(r["score"], bands, lang) for r in rows],
            t("analysis_doc.column.movement", lang): [t(f"analysis_doc.move.{risk_analysis.movement(r)}", lang)
                                                      for r in rows],
        })
        st.dataframe(table, hide_index=True, width="stretch", key="ra_summary_table")
    downloads(analysis)


def finish_form(analysis: risk_analysis.Analysis) -> None:
    st.markdown(f"**{t('risk_analysis.finish.title', lang)}**")
    st.caption(t("risk_analysis.finish.help", lang))
    finished_on = st.date_input(t("risk_analysis.field.finished_on", lang), value=max(today, analysis.started_on),
                                min_value=analysis.started_on, max_value=LATEST, format="YYYY-MM-DD",
                                key=f"ra_finish_date_{analysis.analysis_id}")
    if st.button(t("risk_analysis.finish.button", lang), type="primary", key="ra_finish"):
        with ui.writing() as cur:
            saved = risk_analysis.finish(cur, analysis, finished_on, changed_by=user.changed_by, lang=lang)
        if saved.ok:
            st.session_state[FLASH_KEY] = t("risk_analysis.finish.done", lang, id=analysis.analysis_id)
            st.rerun()
        refusals(saved.refusals)


def choose_components(analysis: risk_analysis.Analysis, state: dict, systems: dict) -> None:
    st.subheader(t("risk_analysis.components.title", lang), anchor=False)
    st.caption(t("risk_analysis.components.help", lang))
    chosen_ids = st.multiselect(
        t("risk_analysis.components.field", lang), list(systems), default=state["components"],
        format_func=lambda i: f"{i} – {systems[i].name}"
        + (f" ({t('risk_analysis.components.infrastructure', lang)})" if systems[i].infrastructure else ""),
        key=f"ra_components_{analysis.analysis_id}")
    threats = risk_analysis.threats(ui.fetch)
    if not threats:
        st.warning(t("risk_analysis.no_threats", lang), icon=":material/warning:")
        return
    st.caption(t("risk_analysis.components.count", lang, components=fmt_int(len(chosen_ids), lang),
                 threats=fmt_int(len(threats), lang),
                 steps=fmt_int(len(chosen_ids) * len(threats), lang)))
    left, right = st.columns(2)
    if left.button(t("risk_analysis.components.walk", lang), type="primary", key="ra_start_walk",
                   disabled=not chosen_ids):
        state.update(phase=WALK, components=chosen_ids, step=0)
        st.rerun()
    if right.button(t("risk_analysis.to_summary", lang), key="ra_components_summary"):
        state["phase"] = SUMMARY
        st.rerun()


def level_line(key: str, likelihood, consequence, bands: dict) -> str:
    score = likelihood * consequence if likelihood and consequence else None
    return t(key, lang, level=risk_analysis.level_text(score, bands, lang))


def scale_radio(scale: str, value, key: str) -> int | None:
    return st.radio(t(f"risk_analysis.field.{scale}", lang), risk_scales.LEVELS,
                    index=risk_scales.LEVELS.index(value) if value in risk_scales.LEVELS else None,
                    format_func=lambda level: risk_scales.choice_label(scale, level, lang),
                    captions=[risk_scales.definition(scale, level, lang) for level in risk_scales.LEVELS],
                    key=key)


def optional_level(scale: str, value, key: str) -> int | None:
    options = [None, *risk_scales.LEVELS]
    return st.selectbox(t(f"risk_analysis.field.residual_{scale}", lang), options,
                        index=options.index(value) if value in options else 0,
                        format_func=lambda level: (t("risk_analysis.not_rated", lang) if level is None
                                                   else risk_scales.choice_label(scale, level, lang)),
                        key=key)


def assess(analysis: risk_analysis.Analysis, state: dict, systems: dict) -> None:
    threats = {h.threat_id: h for h in risk_analysis.threats(ui.fetch)}
    components = [i for i in state["components"] if i in systems]
    walk = risk_analysis.steps(components, list(threats))
    if not walk:
        st.warning(t("risk_analysis.no_threats", lang), icon=":material/warning:")
        state["phase"] = COMPONENTS
        return
    step = walk[min(state["step"], len(walk) - 1)]
    component, threat = systems[step.system_id], threats[step.threat_id]
    st.markdown(f"**{escape_markdown(step.progress(lang))}**")
    st.progress((step.index + 1) / step.count)
    st.subheader(f"{escape_markdown(component.name)} · {escape_markdown(threat.name)}", anchor=False)
    if threat.description:
        st.caption(escape_markdown(threat.description))

    previous = risk_analysis.risk_for(risk_analysis.newest_assessments(ui.fetch), step.system_id, step.threat_id)
    bands = risk_scales.bands(ui.fetch)
    if previous is not None and previous["analysis_id"] == analysis.analysis_id:
        st.info(t("risk_analysis.previous.this", lang, risk=escape_markdown(previous["risk_id"])),
                icon=":material/edit_note:")
    elif previous is not None:
        st.info(t("risk_analysis.previous.earlier", lang, risk=escape_markdown(previous["risk_id"]),
                  date=fmt_date(previous["assessed_on"]),
                  level=risk_analysis.level_text(previous["likelihood"] * previous["consequence"], bands, lang),
                  title=escape_markdown(previous["title"])),
                icon=":material/history:")
    else:
        st.caption(t("risk_analysis.previous.none", lang))
    start = risk_analysis.entry_from(previous, component, threat)
    key = f"ra_{analysis.analysis_id}_{step.system_id}_{step.threat_id}_"

    entry = risk_analysis.Entry()
    st.markdown(f"**{t('risk_analysis.sentence.title', lang)}**")
    entry.cause = st.text_input(t("risk_analysis.field.cause", lang), value=start.cause, key=key + "cause",
                                max_chars=1200)
    entry.event = st.text_input(t("risk_analysis.field.event", lang), value=start.event, key=key + "event",
                                max_chars=1200)
    entry.consequence_text = st.text_input(t("risk_analysis.field.consequence_text", lang),
                                           value=start.consequence_text, key=key + "consequence_text",
                                           max_chars=1200)
    if risk_analysis.sentence_complete(entry.cause, entry.event, entry.consequence_text):
        st.caption(escape_markdown(risk_analysis.risk_sentence(entry.cause, entry.event, entry.consequence_text)))
    entry.title = st.text_input(t("risk_analysis.field.risk_title", lang), value=start.title, key=key + "title",
                                max_chars=300, help=t("risk_analysis.field.risk_title_help", lang))

    likelihood_column, consequence_column = st.columns(2)
    with likelihood_column:
        entry.likelihood = scale_radio(risk_scales.LIKELIHOOD, start.likelihood, key + "likelihood")
    with consequence_column:
        st.caption(escape_markdown(risk_analysis.classification_line(component, lang)))
        suggestion = risk_analysis.consequence_suggestion(component, threat, lang)
        if suggestion:
            st.caption(f":material/lightbulb: {escape_markdown(suggestion.reason)}")
        entry.consequence = scale_radio(risk_scales.CONSEQUENCE, start.consequence, key + "consequence")
        if suggestion and entry.consequence is not None and entry.consequence < suggestion.least:
            st.caption(t("risk_analysis.suggestion.below", lang))
    st.markdown(level_line("risk_analysis.level.current", entry.likelihood, entry.consequence, bands))

    st.markdown(f"**{t('risk_analysis.treatment.title', lang)}**")
    treatments = [None, *TREATMENTS.values]
    entry.treatment = st.selectbox(
        t("risk_analysis.field.treatment", lang), treatments,
        index=treatments.index(start.treatment) if start.treatment in treatments else 0,
        format_func=lambda v: t("risk_analysis.not_chosen", lang) if v is None else label(TREATMENTS, v, lang),
        key=key + "treatment")
    entry.action = st.text_area(t("risk_analysis.field.action", lang), value=start.action, key=key + "action",
                                max_chars=2000, height=80)
    owner_column, due_column = st.columns(2)
    entry.action_owner = owner_column.text_input(t("risk_analysis.field.action_owner", lang),
                                                 value=start.action_owner, key=key + "action_owner",
                                                 max_chars=200)
    entry.due_date = due_column.date_input(t("risk_analysis.field.due_date", lang), value=start.due_date,
                                           min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD",
                                           key=key + "due_date")
    residual_l, residual_c = st.columns(2)
    with residual_l:
        entry.residual_likelihood = optional_level(risk_scales.LIKELIHOOD, start.residual_likelihood,
                                                   key + "residual_likelihood")
    with residual_c:
        entry.residual_consequence = optional_level(risk_scales.CONSEQUENCE, start.residual_consequence,
                                                    key + "residual_consequence")
    st.markdown(level_line("risk_analysis.level.residual", entry.residual_likelihood,
                           entry.residual_consequence, bands))
    if entry.treatment == risk_analysis.ACCEPT:
        st.caption(t("risk_analysis.acceptance.required" if risk_analysis.needs_acceptance_details(entry)
                     else "risk_analysis.acceptance.help", lang))
        by_column, until_column = st.columns(2)
        entry.accepted_by = by_column.text_input(t("risk_analysis.field.accepted_by", lang),
                                                 value=start.accepted_by, key=key + "accepted_by", max_chars=200)
        entry.accepted_until = until_column.date_input(
            t("risk_analysis.field.accepted_until", lang), value=start.accepted_until, min_value=EARLIEST,
            max_value=LATEST, format="YYYY-MM-DD", key=key + "accepted_until")
        entry.acceptance_reason = st.text_area(t("risk_analysis.field.acceptance_reason", lang),
                                               value=start.acceptance_reason, key=key + "acceptance_reason",
                                               max_chars=2000, height=80)
    owner_column, area_column = st.columns(2)
    entry.owner = owner_column.text_input(t("risk_analysis.field.owner", lang), value=start.owner,
                                          key=key + "owner", max_chars=200)
    areas = list(RISK_AREAS.values)
    entry.area = area_column.selectbox(t("risk_analysis.field.area", lang), areas,
                                       index=areas.index(start.area) if start.area in areas else 0,
                                       format_func=lambda v: label(RISK_AREAS, v, lang), key=key + "area")

    last = step.index == step.count - 1
    save, skip, back, forward, done = st.columns(5)
    if save.button(t("risk_analysis.save", lang), type="primary", key="ra_save", width="stretch"):
        with ui.writing() as cur:
            saved = risk_analysis.save_assessment(cur, analysis, step.system_id, step.threat_id, entry,
                                                  changed_by=user.changed_by, lang=lang)
        if saved.ok:
            st.session_state[FLASH_KEY] = t("risk_analysis.saved", lang, risk=saved.key,
                                            date=fmt_date(analysis.started_on))
            if last:
                state["phase"] = SUMMARY
            else:
                state["step"] = step.index + 1
            st.rerun()
        refusals(saved.refusals)
    if skip.button(t("risk_analysis.skip", lang), key="ra_skip", width="stretch"):
        state["phase"] = SUMMARY if last else WALK
        state["step"] = min(step.index + 1, step.count - 1)
        st.rerun()
    if back.button(t("risk_analysis.previous_step", lang), key="ra_back", disabled=step.index == 0,
                   width="stretch"):
        state["step"] = step.index - 1
        st.rerun()
    if forward.button(t("risk_analysis.next_step", lang), key="ra_next", disabled=last, width="stretch"):
        state["step"] = step.index + 1
        st.rerun()
    if done.button(t("risk_analysis.to_summary", lang), key="ra_to_summary", width="stretch"):
        state["phase"] = SUMMARY
        st.rerun()


if chosen == NEW:
    start_form()
else:
    current = all_analyses[chosen]
    st.markdown(escape_markdown(t("risk_analysis.about", lang, scope=current.scope,
                                  participants=current.participants or "–",
                                  started=fmt_date(current.started_on), scales=current.scales)))
    if current.finished:
        st.info(t("risk_analysis.finished", lang, date=fmt_date(current.finished_on)), icon=":material/task_alt:")
        summary(current)
    else:
        systems = {c.system_id: c for c in risk_analysis.components(ui.fetch)}
        states = st.session_state.setdefault(STATE_KEY, {})
        if current.analysis_id not in states:
            assessed = [r["system_id"] for r in risk_analysis.assessments(ui.fetch, current.analysis_id)]
            defaults = risk_analysis.default_components(list(systems.values()))
            states[current.analysis_id] = {
                "phase": COMPONENTS, "step": 0,
                "components": [*defaults, *(i for i in dict.fromkeys(assessed) if i and i not in defaults)]}
        state = states[current.analysis_id]
        if state["phase"] == WALK:
            assess(current, state, systems)
            if st.button(t("risk_analysis.components.change", lang), key="ra_back_to_components"):
                state["phase"] = COMPONENTS
                st.rerun()
        elif state["phase"] == SUMMARY:
            if st.button(t("risk_analysis.back_to_walk", lang), key="ra_back_to_walk"):
                state["phase"] = WALK
                st.rerun()
            summary(current)
            finish_form(current)
        else:
            choose_components(current, state, systems)
