"""The yearly report as data: what the PDF, the Word document, the slides and the app's
presentation mode all show, built from the board pages' own models, so every figure equals
what the page shows for the same year and selection.

The report follows a management review (ledningens genomgång): a summary of the year per
area with the change since the year before, one chapter per area, and proposed decisions
("Förslag till beslut") from the same rules as the overview's "Att uppmärksamma".

The public variant (board papers are public records) keeps aggregates only: it leaves out
every table that lists incidents, risks or systems, the parts whose sentences name a system
with a weakness, and the risk ids on the heat maps, and its decisions give counts without
names. The internal variant is marked as internal on every page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lagesbild.areas import attention, availability, classification, documents, incidents, overview
from lagesbild.areas import recommendations, risks
from lagesbild.formatting import fmt_date, fmt_int
from lagesbild.i18n import plural, t
from lagesbild.palette import COMPARISON, GREEN, GREY, SEVERITY, STATUS
from lagesbild.areas.sections import Chart, Fetch, FullList, Headline, Section, Table, scope_label
from lagesbild.rules.status import Status

ORGANISATION = "Västra Mälardalens kommunalförbund"

# How a chart is drawn. Every renderer (PDF, Word, PowerPoint, the app) knows these five.
COLUMNS = "columns"                   # vertical bars, series side by side
STACKED_COLUMNS = "stacked_columns"   # vertical bars, series stacked
BARS = "bars"                         # horizontal bars, series side by side
STACKED_BARS = "stacked_bars"         # horizontal bars, series stacked
LINES = "lines"                       # one line per series
CHART_KINDS = (COLUMNS, STACKED_COLUMNS, BARS, STACKED_BARS, LINES)

# Tables the public variant keeps: they hold aggregates, or documents that are public anyway
# (the audit's recommendations, the governing documents).
PUBLIC_TABLES = {("incidents", "resolution"), ("recommendations", "grid"), ("documents", "register"),
                 ("risks", "analyses")}
# A document lists at most this many rows of a table, the most important first as on the
# page; the part says how many there are and that the page has them all.
REPORT_TABLE_ROWS = 30

# Parts the public variant leaves out: their sentence names systems with a weakness, or
# they only introduce a table of named risks.
PUBLIC_LEAVES_OUT = {("sla", "systems"), ("classification", "overdue"), ("risks", "top")}


# --- Shapes ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportChart:
    """A chart's aggregated series, how to draw it, and a colour per series."""

    kind: str
    chart: Chart
    colours: tuple[str, ...]          # one per series, in the chart's series order
    line_keys: tuple = ()             # series drawn as a line over the bars

    @property
    def series(self):
        return self.chart.series

    @property
    def percent(self) -> bool:
        """Whether the values are percentages (0–100): the chart says so by its suffix or
        target, or its stacked shares add up to 100 in every category."""
        chart = self.chart
        if "%" in chart.value_suffix or "%" in chart.target_label:
            return True
        if self.kind not in (STACKED_COLUMNS, STACKED_BARS):
            return False
        totals = [sum(s.values[i] or 0 for s in chart.series) for i in range(len(chart.categories))]
        return bool(totals) and all(abs(total - 100) < 0.5 for total in totals)


@dataclass(frozen=True)
class ReportTable:
    """A table as text, ready to print: column names, then rows of cells."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[str, ...] = ()     # columns aligned right
    # Per column, the tone of each row's cell ("good", "watch", "act", a risk band or None).
    tones: tuple[tuple[str, tuple[str | None, ...]], ...] = ()

    def tone(self, column: str, row: int) -> str | None:
        for name, column_tones in self.tones:
            if name == column:
                return column_tones[row]
        return None


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int          # 1–4, upwards
    consequence: int         # 1–4, to the right
    band: str                # the risk band (its fill is BAND_FILL[band])
    band_label: str
    count: int               # risks in the cell
    text: str                # what the cell says: the risk ids (internal) or the count (public)


@dataclass(frozen=True)
class HeatMap:
    title: str
    sentence: str
    cells: tuple[HeatMapCell, ...]    # all 16
    likelihood_title: str
    consequence_title: str
    likelihood_labels: tuple[str, ...]
    consequence_labels: tuple[str, ...]

    def cell(self, likelihood: int, consequence: int) -> HeatMapCell:
        return next(c for c in self.cells if (c.likelihood, c.consequence) == (likelihood, consequence))


@dataclass(frozen=True)
class Part:
    """A part of a chapter: its title, the sentence saying what it shows, then a chart, heat
    maps and/or a table, and a note."""

    key: str
    title: str
    sentence: str
    chart: ReportChart | None = None
    heat_maps: tuple[HeatMap, ...] = ()
    table: ReportTable | None = None
    note: str = ""


@dataclass(frozen=True)
class Chapter:
    key: str                          # incidents, sla, classification, risks, recommendations, documents
    title: str
    as_of: str
    note: str                         # e.g. that the area concerns the whole association
    headlines: tuple[Headline, ...]
    parts: tuple[Part, ...]
    message: str = ""                 # the calm no-data message when there is nothing to show


@dataclass(frozen=True)
class Decision:
    """A proposed decision, with the finding behind it."""

    text: str
    background: str
    status: Status | None


@dataclass(frozen=True)
class Slide:
    """One message: a figure, a chart or heat map, and one sentence (the speaker notes)."""

    key: str
    title: str
    sentence: str
    value: str = ""
    value_label: str = ""
    status: Status | None = None
    status_label: str = ""
    chart: ReportChart | None = None
    heat_map: HeatMap | None = None
    bullets: tuple[str, ...] = ()
    numbered: bool = False              # the bullets are numbered (the proposed decisions)


@dataclass(frozen=True)
class Report:
    year: int
    lang: str
    public: bool
    municipality: str | None
    organisation: str
    title: str
    subtitle: str
    marking: str                      # on every page: internal, or public with aggregates only
    date_line: str                    # "Daterad 2026-11-29" or "Fastställd 2026-02-10 av …"
    as_of: str
    comparison_note: str              # that the year before is a frozen year, when it is
    summary_title: str
    areas: tuple[overview.Area, ...]
    chapters: tuple[Chapter, ...]
    decisions_title: str
    decisions_intro: str
    decisions: tuple[Decision, ...]
    slides: tuple[Slide, ...]

    def chapter(self, key: str) -> Chapter:
        return next(c for c in self.chapters if c.key == key)

    def texts(self) -> Iterator[str]:
        """Every text the report shows, in reading order (for checks such as the public
        variant naming nothing it should not)."""
        yield from (self.organisation, self.title, self.subtitle, self.marking, self.date_line,
                    self.as_of, self.comparison_note, self.summary_title)
        for area in self.areas:
            yield from (area.title, area.sentence, area.value, area.details, area.note)
        for chapter in self.chapters:
            yield from (chapter.title, chapter.as_of, chapter.note, chapter.message)
            for headline in chapter.headlines:
                yield from (headline.label, headline.value)
            for part in chapter.parts:
                yield from _part_texts(part)
        yield from (self.decisions_title, self.decisions_intro)
        for decision in self.decisions:
            yield from (decision.text, decision.background)
        for slide in self.slides:
            yield from (slide.title, slide.sentence, slide.value, slide.value_label, *slide.bullets)
            if slide.chart:
                yield from _chart_texts(slide.chart)
            if slide.heat_map:
                yield from _heat_map_texts(slide.heat_map)


def _part_texts(part: Part) -> Iterator[str]:
    yield from (part.title, part.sentence, part.note)
    if part.chart:
        yield from _chart_texts(part.chart)
    for heat_map in part.heat_maps:
        yield from _heat_map_texts(heat_map)
    if part.table:
        yield from part.table.columns
        for row in part.table.rows:
            yield from row


def _chart_texts(chart: ReportChart) -> Iterator[str]:
    yield from (str(c) for c in chart.chart.categories)
    for series in chart.series:
        yield series.name
        yield from series.labels


def _heat_map_texts(heat_map: HeatMap) -> Iterator[str]:
    yield from (heat_map.title, heat_map.sentence)
    yield from (cell.text for cell in heat_map.cells)


# --- From the page models ------------------------------------------------------------------------

def _colours(chart: Chart, palette: dict) -> tuple[str, ...]:
    return tuple(palette.get(series.key, GREY) for series in chart.series)


def _chart(section: Section, kind: str, palette: dict, line_keys: tuple = ()) -> ReportChart | None:
    if section.chart is None:
        return None
    return ReportChart(kind, section.chart, _colours(section.chart, palette), line_keys)


def _table(table: Table | None) -> ReportTable | None:
    if table is None or table.empty:
        return None
    columns = tuple(str(c).replace("\n", " ") for c in table.frame.columns)
    rows = tuple(
        tuple(_cell(value, table.formats.get(name)) for name, value in zip(table.frame.columns, row))
        for row in table.rows[:REPORT_TABLE_ROWS])
    tones = tuple((str(name).replace("\n", " "), tuple(column_tones))
                  for name, column_tones in table.tones.items())
    numeric = tuple(str(name).replace("\n", " ") for name in table.numeric)
    return ReportTable(columns, rows, numeric, tones)


def _cell(value: object, format_value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    return format_value(value) if format_value else str(value)


def _part(chapter_key: str, section: Section | None, public: bool, lang: str, *,
          kind: str | None = None, palette: dict | None = None, line_keys: tuple = (),
          full: FullList | None = None) -> Part | None:
    """The report's part for a page's section; ``full``: the whole list when the page itself
    shortened the section's table. A table longer than REPORT_TABLE_ROWS is shortened."""
    if section is None or (public and (chapter_key, section.key) in PUBLIC_LEAVES_OUT):
        return None
    keeps_table = not public or (chapter_key, section.key) in PUBLIC_TABLES
    table = _table(section.table) if keeps_table else None
    notes = [section.note]
    rows = full.rows if full is not None else 0 if section.table is None else len(section.table.rows)
    if table is not None and rows > len(table.rows):
        notes.append(t("report.table_shortened", lang, shown=fmt_int(len(table.rows), lang),
                       total=fmt_int(rows, lang), page=t(f"nav.{chapter_key}", lang)))
    return Part(
        key=section.key,
        title=section.title,
        sentence=section.sentence,
        chart=_chart(section, kind, palette or {}, line_keys) if kind else None,
        table=table,
        note=" ".join(note for note in notes if note),
    )


def _parts(*parts: Part | None) -> tuple[Part, ...]:
    return tuple(p for p in parts if p is not None)


OUTCOME = {"on_time": STATUS["good"], "late": STATUS["watch"], "not_reported": STATUS["act"],
           "pending": GREY}
SEVERITY_AND_PREVIOUS = {**SEVERITY, "previous": GREY}
RECOMMENDATION_STATES = {"Ja": STATUS["good"], "Delvis": STATUS["watch"], "Nej": STATUS["act"],
                         "not_assessed": GREY}
COVERAGE_LINES = {"all": COMPARISON["current"], "infrastructure": STATUS["watch"], "gold": GREEN}


def _incidents(fetch: Fetch, year: int, municipality: str | None, lang: str, public: bool) -> Chapter:
    view = incidents.build(fetch, year, municipality, lang)
    parts = _parts(
        _part("incidents", view.by_month, public, lang, kind=STACKED_COLUMNS, palette=SEVERITY_AND_PREVIOUS,
              line_keys=("previous",)),
        _part("incidents", view.by_category, public, lang, kind=BARS, palette=COMPARISON),
        _part("incidents", view.by_cause, public, lang, kind=BARS, palette=COMPARISON),
        _part("incidents", view.by_municipality, public, lang, kind=COLUMNS, palette=COMPARISON),
        _part("incidents", view.resolution, public, lang),
        _part("incidents", view.open_by_age, public, lang, kind=COLUMNS, palette=COMPARISON),
        _part("incidents", view.reporting, public, lang, kind=STACKED_BARS, palette=OUTCOME),
    ) if view.has_data else ()
    return Chapter("incidents", t("nav.incidents", lang), view.as_of, "", view.metrics, parts,
                   "" if view.has_data else view.no_data_message)


def _sla(fetch: Fetch, year: int, municipality: str | None, lang: str, public: bool) -> Chapter:
    view = availability.build(fetch, year, municipality, lang)
    parts = _parts(
        _part("sla", view.by_month, public, lang, kind=LINES, palette=COMPARISON),
        _part("sla", view.systems, public, lang, full=view.systems_full_list),
        _part("sla", view.by_municipality, public, lang, kind=COLUMNS, palette=COMPARISON),
        _part("sla", view.by_tier, public, lang, kind=COLUMNS, palette=COMPARISON),
        _part("sla", view.tickets_by_tier, public, lang, kind=COLUMNS, palette=COMPARISON),
    ) if view.has_data else ()
    return Chapter("sla", t("nav.sla", lang), view.as_of, "", view.metrics, parts,
                   "" if view.has_data else view.no_data_message)


def _classification(fetch: Fetch, year: int, municipality: str | None, lang: str,
                    public: bool) -> Chapter:
    view = classification.build(fetch, year, municipality, lang)
    parts = _parts(
        _part("classification", view.coverage, public, lang, kind=LINES, palette=COVERAGE_LINES),
        _part("classification", view.overdue, public, lang, full=view.full_lists.get("overdue")),
        _part("classification", view.levels, public, lang, full=view.full_lists.get("levels")),
        _part("classification", view.measures, public, lang, kind=COLUMNS, palette=COMPARISON),
        _part("classification", view.needs, public, lang, full=view.full_lists.get("needs")),
    ) if view.has_systems else ()
    return Chapter("classification", t("nav.classification", lang), view.as_of, view.current_rule,
                   view.headlines, parts, "" if view.has_systems else view.no_data_message)


def heat_map(matrix: risks.Matrix, public: bool) -> HeatMap:
    """A risk heat map for a document: each cell's band, count, and (internal) risk ids."""
    ids: dict[tuple[int, int], list[str]] = {}
    counts: dict[tuple[int, int], int] = {}
    for mark in matrix.marks:
        cell = (mark.likelihood, mark.consequence)
        if mark.text.startswith("+"):       # "+N": the risks a full cell leaves out
            counts[cell] = counts.get(cell, 0) + int(mark.text[1:])
        else:
            ids.setdefault(cell, []).append(mark.text)
            counts[cell] = counts.get(cell, 0) + 1
    cells = []
    for cell in matrix.cells:
        position = (cell.likelihood, cell.consequence)
        count = counts.get(position, 0)
        if public or not count:
            text = str(count) if count else ""
        else:
            shown = ids.get(position, [])
            text = ", ".join(shown) + (f" +{count - len(shown)}" if count > len(shown) else "")
        cells.append(HeatMapCell(cell.likelihood, cell.consequence, cell.band,
                                 matrix.band_labels.get(cell.band, cell.band), count, text))
    return HeatMap(matrix.title, matrix.sentence, tuple(cells), matrix.likelihood_title,
                   matrix.consequence_title, matrix.likelihood_labels, matrix.consequence_labels)


def _risks(fetch: Fetch, year: int, municipality: str | None, lang: str, public: bool) -> Chapter:
    view = risks.build(fetch, year, municipality, lang)
    if not view.selection_has_risks:
        return Chapter("risks", t("nav.risks", lang), view.as_of, view.scope_note, (), (), view.message)
    maps = tuple(heat_map(m, public) for m in (view.current, view.residual) if m is not None)
    parts = _parts(
        Part("heat_maps", t("report.risks.heat_maps", lang), t("report.risks.heat_maps_sentence", lang),
             heat_maps=maps) if maps else None,
        _part("risks", view.top, public, lang),
        _part("risks", view.movement, public, lang),
        _part("risks", view.without_owner, public, lang),
        _part("risks", view.overdue, public, lang),
        _part("risks", view.review, public, lang),
        _part("risks", view.flagged, public, lang),
        _part("risks", view.infrastructure, public, lang),
        # Accepting a risk is the board's decision and its sentence is public; the table's risk
        # titles can name vulnerable systems, so it stays internal.
        _part("risks", view.accepted, public, lang),
        _part("risks", view.analyses, public, lang),
    )
    return Chapter("risks", t("nav.risks", lang), view.as_of, view.scope_note, view.metrics, parts)


def _recommendations(fetch: Fetch, year: int, lang: str, public: bool) -> Chapter:
    view = recommendations.build(fetch, year, lang)
    parts = _parts(
        _part("recommendations", view.trend, public, lang, kind=STACKED_COLUMNS, palette=RECOMMENDATION_STATES),
        _part("recommendations", view.grid, public, lang),
    ) if view.has_data else ()
    return Chapter("recommendations", t("nav.recommendations", lang), view.as_of, view.scope_note,
                   view.headlines, parts, "" if view.has_data else view.no_data_message)


def _documents(fetch: Fetch, year: int, lang: str, public: bool) -> Chapter:
    view = documents.build(fetch, year, lang)
    parts = _parts(_part("documents", view.register, public, lang)) if view.has_data else ()
    return Chapter("documents", t("nav.documents", lang), view.as_of, view.scope_note,
                   view.headlines, parts, "" if view.has_data else view.no_data_message)


# --- Decisions and slides ------------------------------------------------------------------------

def _decisions(notes: attention.Attention, year: int, lang: str, public: bool) -> tuple[Decision, ...]:
    """"Förslag till beslut": to approve the year's follow-up, then one assignment per finding,
    most serious first."""
    approve = Decision(t("report.decision.approve", lang, year=year), "", None)
    assignments = tuple(
        Decision(plural(f"report.decision.{finding.rule}", finding.count, lang, count=finding.count),
                 finding.summary if public else finding.sentence, finding.status)
        for finding in notes.findings)
    return (approve, *assignments)


def _area_bullet(area: overview.Area, lang: str) -> str:
    if not area.has_data:
        return t("report.slide.area_no_data", lang, area=area.title)
    status = f" – {t(f'status.{area.status.value}', lang)}" if area.status else ""
    return t("report.slide.area", lang, area=area.title, label=area.metric_label,
             value=area.value) + status


def _headline_slide(key: str, chapter: Chapter, headline: Headline | None, part: Part | None,
                    title: str) -> Slide | None:
    if part is None:
        return None
    return Slide(key=key, title=title, sentence=part.sentence,
                 value=headline.value if headline else "", value_label=headline.label if headline else "",
                 chart=part.chart, heat_map=part.heat_maps[0] if part.heat_maps else None)


def _part_of(chapter: Chapter, key: str) -> Part | None:
    return next((p for p in chapter.parts if p.key == key), None)


def _first(headlines: tuple[Headline, ...]) -> Headline | None:
    return headlines[0] if headlines else None


def _slides(report_title: str, subtitle: str, areas, chapters: dict[str, Chapter],
            decisions: tuple[Decision, ...], as_of: str, lang: str) -> tuple[Slide, ...]:
    incidents_, sla_, classification_ = chapters["incidents"], chapters["sla"], chapters["classification"]
    risks_, recommendations_, documents_ = (chapters["risks"], chapters["recommendations"],
                                            chapters["documents"])
    risk_maps = _part_of(risks_, "heat_maps")
    slides = [
        Slide("title", report_title, subtitle),
        Slide("summary", t("report.slide.summary", lang), as_of,
              bullets=tuple(_area_bullet(a, lang) for a in areas)),
        _headline_slide("incidents", incidents_, _first(incidents_.headlines),
                        _part_of(incidents_, "by_month"), incidents_.title),
        _headline_slide("incidents_by_category", incidents_, None, _part_of(incidents_, "by_category"),
                        t("report.slide.incidents_by_category", lang)),
        _headline_slide("incidents_reporting", incidents_, None, _part_of(incidents_, "reporting"),
                        t("report.slide.incidents_reporting", lang)),
        _headline_slide("sla", sla_, _first(sla_.headlines), _part_of(sla_, "by_month"), sla_.title),
        _headline_slide("classification", classification_, _first(classification_.headlines),
                        _part_of(classification_, "coverage"), classification_.title),
    ]
    if risk_maps is not None:
        for index, (key, map_) in enumerate(zip(("risks", "risks_residual"), risk_maps.heat_maps)):
            headline = _risk_headline(risks_) if index == 0 else None
            slides.append(Slide(key, map_.title, map_.sentence,
                                value=headline.value if headline else "",
                                value_label=headline.label if headline else "", heat_map=map_))
    slides += [
        _headline_slide("recommendations", recommendations_, _first(recommendations_.headlines),
                        _part_of(recommendations_, "trend"), recommendations_.title),
        _headline_slide("documents", documents_, _first(documents_.headlines),
                        _part_of(documents_, "register"), documents_.title),
        # As the paper has them: "Förbundsdirektionen föreslås besluta att", then the numbered list.
        Slide("decisions", t("report.decisions", lang), t("report.decisions_intro", lang),
              bullets=tuple(d.text for d in decisions), numbered=True),
    ]
    # An area's first slide carries the overview's status word and what it means.
    by_area = {area.key: area for area in areas}
    return tuple(replace(s, status=by_area[s.key].status, status_label=by_area[s.key].status_rule)
                 if s.key in by_area else s
                 for s in slides if s is not None)


def _risk_headline(chapter: Chapter) -> Headline | None:
    # "Höga risker" is the figure the overview leads with for risks.
    return chapter.headlines[1] if len(chapter.headlines) > 1 else _first(chapter.headlines)


# --- The report ---------------------------------------------------------------------------------

def build(fetch: Fetch, year: int, municipality: str | None, lang: str, *, public: bool = False,
          dated: str = "", comparison_note: str = "", today: dt.date | None = None) -> Report:
    """The report of ``year`` for ``municipality`` (None: the whole association).

    ``dated`` replaces the date line (a frozen year says when and by whom it was frozen);
    ``comparison_note`` says that the year before is a frozen year.
    """
    view = overview.build(fetch, year, municipality, lang)
    notes = attention.build(fetch, year, municipality, lang)
    chapters = (
        _incidents(fetch, year, municipality, lang, public),
        _sla(fetch, year, municipality, lang, public),
        _classification(fetch, year, municipality, lang, public),
        _risks(fetch, year, municipality, lang, public),
        _recommendations(fetch, year, lang, public),
        _documents(fetch, year, lang, public),
    )
    decisions = _decisions(notes, year, lang, public)
    title = t("report.title", lang, year=year)
    subtitle = t("report.subtitle", lang, scope=scope_label(municipality, lang))
    return Report(
        year=year,
        lang=lang,
        public=public,
        municipality=municipality,
        organisation=ORGANISATION,
        title=title,
        subtitle=subtitle,
        marking=t("report.marking.public" if public else "report.marking.internal", lang),
        date_line=dated or t("report.dated", lang, date=fmt_date(today or dt.date.today())),
        as_of=view.as_of,
        comparison_note=comparison_note,
        summary_title=t("report.summary", lang),
        areas=view.areas,
        chapters=chapters,
        decisions_title=t("report.decisions", lang),
        decisions_intro=t("report.decisions_intro", lang),
        decisions=decisions,
        slides=_slides(title, subtitle, view.areas, {c.key: c for c in chapters}, decisions,
                       view.as_of, lang),
    )
