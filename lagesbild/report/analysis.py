"""A risk analysis as a document for the board, in the yearly report's shapes, so the same
renderers write it as PDF, Word or PowerPoint (``lagesbild.report.render``).

Chapters: the scope and method (with the scales' definitions), the risks (heat maps before
and after treatment, counts per band and per threat, and internally the register of the
analysis's risks), and the change since each risk's assessment before the analysis. The
proposed decisions: to approve the analysis, and to accept the risks it accepts at Hög or
above. The public variant keeps counts only: no risk titles or descriptions, no system names.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from lagesbild.areas import overview
from lagesbild import risk_analysis
from lagesbild.risk_analysis import scales as risk_scales
from lagesbild.data.contracts import TREATMENTS
from lagesbild.formatting import fmt_date, fmt_int
from lagesbild.i18n import label, plural, t
from lagesbild.report.model import (
    ORGANISATION,
    Chapter,
    Decision,
    Part,
    Report,
    ReportTable,
    Slide,
    heat_map,
)
from lagesbild.areas.risks import BANDS, HIGH_BANDS, band_label
from lagesbild.areas.sections import Fetch, Headline

MISSING = "–"
_MOVES = (risk_analysis.UP, risk_analysis.DOWN, risk_analysis.NEW, risk_analysis.SAME)


def _scale_table(scale: str, lang: str) -> ReportTable:
    columns = tuple(t(f"analysis_doc.scale.{key}", lang) for key in ("level", "name", "definition"))
    rows = tuple((str(level), risk_scales.name(scale, level, lang), risk_scales.definition(scale, level, lang))
                 for level in risk_scales.LEVELS)
    return ReportTable(columns, rows, numeric=(columns[0],))


def _scope_chapter(analysis: risk_analysis.Analysis, rows: list[dict], lang: str) -> Chapter:
    components = len({r["system_id"] for r in rows if r["system_id"]})
    threats = len({r["threat_id"] for r in rows if r["threat_id"]})
    scope = Part("scope", t("analysis_doc.scope.title", lang),
                 t("analysis_doc.scope.sentence", lang, scope=analysis.scope,
                   participants=analysis.participants, components=fmt_int(components, lang),
                   threats=fmt_int(threats, lang)))
    method = Part("method", t("analysis_doc.method.title", lang),
                  t("analysis_doc.method.sentence", lang, scales=risk_scales.scales_line(lang)))
    likelihood = Part("likelihood", t("analysis_doc.likelihood.title", lang),
                      t("analysis_doc.likelihood.sentence", lang),
                      table=_scale_table(risk_scales.LIKELIHOOD, lang))
    consequence = Part("consequence", t("analysis_doc.consequence.title", lang),
                       t("analysis_doc.consequence.sentence", lang),
                       table=_scale_table(risk_scales.CONSEQUENCE, lang))
    return Chapter("scope", t("analysis_doc.chapter.scope", lang), "", "", (),
                   (scope, method, likelihood, consequence))


def _level(score, band, lang: str) -> str:
    if score is None:
        return MISSING
    return t("risk_page.level", lang, band=band_label(band, lang), score=int(score))


def _text(value) -> str:
    return MISSING if value is None or value == "" else str(value)


def _date(value) -> str:
    return MISSING if value is None else fmt_date(value)


def _per_threat(rows: list[dict], lang: str) -> ReportTable:
    columns = (t("analysis_doc.column.threat", lang), t("analysis_doc.column.count", lang),
               *(band_label(band, lang) for band in BANDS))
    by_threat: dict[str, list[dict]] = {}
    for row in rows:
        by_threat.setdefault(row["threat_name"] or t("analysis_doc.no_threat", lang), []).append(row)
    table_rows = []
    for name in sorted(by_threat):
        counts = Counter(r["band"] for r in by_threat[name])
        table_rows.append((name, fmt_int(len(by_threat[name]), lang),
                           *(fmt_int(counts[band], lang) for band in BANDS)))
    return ReportTable(columns, tuple(table_rows), numeric=columns[1:])


def _register(rows: list[dict], lang: str) -> ReportTable:
    keys = ("risk_id", "risk", "level", "treatment", "action", "owner", "due_date")
    columns = tuple(t(f"analysis_doc.column.{key}", lang) for key in keys)
    table_rows = tuple(
        (r["risk_id"], r["title"], _level(r["score"], r["band"], lang),
         label(TREATMENTS, r["treatment"], lang) if r["treatment"] else MISSING,
         _text(r["action"]), _text(r["action_owner"]), _date(r["due_date"]))
        for r in rows)
    tones = ((columns[2], tuple(r["band"] for r in rows)),)
    return ReportTable(columns, table_rows, tones=tones)


def _risks_chapter(fetch: Fetch, rows: list[dict], lang: str, public: bool) -> Chapter:
    title = t("analysis_doc.chapter.risks", lang)
    if not rows:
        return Chapter("risks", title, "", "", (), (), t("risk_analysis.summary.none", lang))
    counts = risk_analysis.band_counts(rows)
    headlines = (Headline(t("analysis_doc.headline.assessed", lang), fmt_int(len(rows), lang)),
                 *(Headline(band_label(band, lang), fmt_int(counts[band], lang)) for band in reversed(BANDS)))
    maps = tuple(heat_map(risk_analysis.matrix(fetch, rows, residual=residual, lang=lang), public)
                 for residual in (False, True))
    parts = [
        Part("heat_maps", t("report.risks.heat_maps", lang), risk_analysis.summary_sentence(rows, lang),
             heat_maps=maps),
        Part("per_threat", t("analysis_doc.per_threat.title", lang),
             t("analysis_doc.per_threat.sentence", lang), table=_per_threat(rows, lang)),
    ]
    if not public:
        parts.append(Part("register", t("analysis_doc.register.title", lang),
                          t("analysis_doc.register.sentence", lang), table=_register(rows, lang)))
    return Chapter("risks", title, "", "", headlines, tuple(parts))


def _move_text(row: dict, lang: str) -> str:
    return t(f"analysis_doc.move.{risk_analysis.movement(row)}", lang)


def _change_chapter(rows: list[dict], lang: str, public: bool) -> Chapter:
    title = t("analysis_doc.chapter.change", lang)
    moved = Counter(risk_analysis.movement(r) for r in rows)
    sentence = (t("analysis_doc.change.none", lang) if not rows else
                t("analysis_doc.change.sentence", lang, up=fmt_int(moved[risk_analysis.UP], lang),
                  down=fmt_int(moved[risk_analysis.DOWN], lang), new=fmt_int(moved[risk_analysis.NEW], lang),
                  same=fmt_int(moved[risk_analysis.SAME], lang)))
    counts = ReportTable(
        (t("analysis_doc.column.movement", lang), t("analysis_doc.column.count", lang)),
        tuple((t(f"analysis_doc.move.{kind}", lang), fmt_int(moved[kind], lang)) for kind in _MOVES),
        numeric=(t("analysis_doc.column.count", lang),))
    parts = [Part("movement", t("analysis_doc.change.title", lang), sentence, table=counts)]
    if not public and rows:
        order = {kind: index for index, kind in enumerate(_MOVES)}
        ordered = sorted(rows, key=lambda r: (order[risk_analysis.movement(r)], -r["score"], r["risk_id"]))
        keys = ("risk", "previous", "now", "movement")
        columns = tuple(t(f"analysis_doc.column.{key}", lang) for key in keys)
        table = ReportTable(columns, tuple(
            (f"{r['risk_id']} {r['title']}",
             (MISSING if risk_analysis.movement(r) == risk_analysis.NEW else
              t("analysis_doc.previous", lang, level=_level(r["previous_score"], r["previous_band"], lang),
                date=_date(r["previous_assessed_on"]))),
             _level(r["score"], r["band"], lang), _move_text(r, lang)) for r in ordered))
        parts.append(Part("risks_moved", t("analysis_doc.moved.title", lang),
                          t("analysis_doc.moved.sentence", lang), table=table))
    return Chapter("change", title, "", "", (), tuple(parts))


def _decisions(analysis: risk_analysis.Analysis, rows: list[dict], lang: str,
               public: bool) -> tuple[Decision, ...]:
    approve = Decision(t("analysis_doc.decision.approve", lang, title=analysis.title), "", None)
    accepted = risk_analysis.accepted_high(rows)
    if not accepted:
        return (approve,)
    if public:
        return (approve, Decision(plural("analysis_doc.decision.accept_count", len(accepted), lang,
                                         count=fmt_int(len(accepted), lang)), "", None))
    return (approve, *(
        Decision(t("analysis_doc.decision.accept", lang, risk=f"{r['risk_id']} {r['title']}",
                   level=_level(r["score"], r["band"], lang), until=_date(r["accepted_until"])),
                 t("analysis_doc.decision.accept_background", lang, by=_text(r["accepted_by"]),
                   reason=_text(r["acceptance_reason"])), None)
        for r in accepted))


def _areas(rows: list[dict], lang: str) -> tuple[overview.Area, ...]:
    high_now = sum(1 for r in rows if r["band"] in HIGH_BANDS)
    rated_after = [r for r in rows if r["residual_band"]]
    high_after = sum(1 for r in rated_after if r["residual_band"] in HIGH_BANDS)
    accepted = len(risk_analysis.accepted_high(rows))
    moved = Counter(risk_analysis.movement(r) for r in rows)
    has = bool(rows)

    def area(key: str, value: int, **values) -> overview.Area:
        return overview.Area(key, t(f"analysis_doc.area.{key}", lang), has,
                             t(f"analysis_doc.area.{key}.sentence", lang, **values) if has
                             else t("risk_analysis.summary.none", lang),
                             t(f"analysis_doc.area.{key}.label", lang), fmt_int(value, lang))

    return (
        area("assessed", len(rows), new=fmt_int(moved[risk_analysis.NEW], lang)),
        area("high", high_now, up=fmt_int(moved[risk_analysis.UP], lang),
             down=fmt_int(moved[risk_analysis.DOWN], lang)),
        area("high_after", high_after, rated=fmt_int(len(rated_after), lang)),
        area("accepted", accepted),
    )


def build(fetch: Fetch, analysis_id: str, lang: str, *, public: bool = False,
          today: dt.date | None = None) -> Report:
    """The document of the analysis ``analysis_id``."""
    analysis = risk_analysis.analysis(fetch, analysis_id)
    if analysis is None:
        raise KeyError(analysis_id)
    rows = risk_analysis.assessments(fetch, analysis_id)
    title = t("analysis_doc.title", lang, title=analysis.title)
    subtitle = t("analysis_doc.subtitle", lang, scope=analysis.scope)
    date_line = (t("analysis_doc.dated.finished", lang, started=fmt_date(analysis.started_on),
                   finished=fmt_date(analysis.finished_on)) if analysis.finished else
                 t("analysis_doc.dated.running", lang, started=fmt_date(analysis.started_on),
                   today=fmt_date(today or dt.date.today())))
    as_of = t("analysis_doc.as_of", lang, date=fmt_date(analysis.started_on))
    chapters = (_scope_chapter(analysis, rows, lang), _risks_chapter(fetch, rows, lang, public),
                _change_chapter(rows, lang, public))
    decisions = _decisions(analysis, rows, lang, public)
    areas = _areas(rows, lang)
    risks_chapter = chapters[1]
    maps = risks_chapter.parts[0].heat_maps if risks_chapter.parts else ()
    change_part = chapters[2].parts[0]
    slides = (
        Slide("title", title, subtitle),
        Slide("summary", t("report.summary", lang), as_of,
              bullets=tuple(f"{a.title}: {a.value}" for a in areas)),
        *(Slide(f"heat_map_{index}", m.title, m.sentence, heat_map=m) for index, m in enumerate(maps)),
        Slide("change", chapters[2].title, change_part.sentence,
              bullets=tuple(" ".join(row) for row in change_part.table.rows)),
        Slide("decisions", t("report.decisions", lang), t("report.decisions_intro", lang),
              bullets=tuple(d.text for d in decisions), numbered=True),
    )
    return Report(
        year=analysis.started_on.year,
        lang=lang,
        public=public,
        municipality=None,
        organisation=ORGANISATION,
        title=title,
        subtitle=subtitle,
        marking=t("report.marking.public" if public else "report.marking.internal", lang),
        date_line=date_line,
        as_of=as_of,
        comparison_note="",
        summary_title=t("report.summary", lang),
        areas=areas,
        chapters=chapters,
        decisions_title=t("report.decisions", lang),
        decisions_intro=t("report.decisions_intro", lang),
        decisions=decisions,
        slides=slides,
    )


def file_name(analysis_id: str, public: bool, fmt: str, lang: str) -> str:
    """'riskanalys-RA-2026-01-offentlig.pdf'."""
    stem = t("analysis_doc.file", lang, id=analysis_id)
    return f"{stem}{t('analysis_doc.file.public', lang) if public else ''}.{fmt}"
