"""The yearly report as PowerPoint slides (python-pptx): one slide per message of
``Report.slides``, each with its title, big figure, a native chart (editable in PowerPoint,
its data in the embedded workbook) or the risk heat map as a table, and the sentence behind
it as speaker notes. The marking, the organisation and the date stand on every slide.

Sized for a projector seen from the back of a room: titles 36 pt, figures 66 pt, sentences
20 pt. Number formats are written as format codes (``#,##0``), which PowerPoint shows in the
reader's locale: ``12 345`` on a Swedish computer.
"""

from __future__ import annotations

import copy
import io
import math

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Emu, Inches, Pt

from lagesbild.formatting import fmt_int
from lagesbild.i18n import t
from lagesbild.palette import BAND_FILL, GREY, STATUS
from lagesbild.report import figures
from lagesbild.report.model import (BARS, COLUMNS, LINES, STACKED_BARS, STACKED_COLUMNS, HeatMap,
                                    Report, ReportChart, Slide)

CHART_TYPES = {
    COLUMNS: XL_CHART_TYPE.COLUMN_CLUSTERED,
    STACKED_COLUMNS: XL_CHART_TYPE.COLUMN_STACKED,
    BARS: XL_CHART_TYPE.BAR_CLUSTERED,
    STACKED_BARS: XL_CHART_TYPE.BAR_STACKED,
    LINES: XL_CHART_TYPE.LINE_MARKERS,
}

WIDTH, HEIGHT = Emu(12_192_000), Inches(7.5)      # 16:9, as PowerPoint sizes it
MARGIN = Inches(0.6)
INNER_WIDTH = WIDTH - 2 * MARGIN
TITLE_TOP, TITLE_HEIGHT = Inches(0.35), Inches(0.85)
SENTENCE_TOP = Inches(1.2)
SENTENCE_LINE = Inches(0.36)            # a line of 20 pt text
SENTENCE_CHARACTERS = 95                # about what a line of 20 pt holds across the slide
CONTENT_TOP = Inches(2.5)               # below a sentence of up to three lines
CONTENT_BOTTOM = Inches(6.75)
FIGURE_WIDTH = Inches(3.6)
FOOTER_TOP = Inches(6.85)

TITLE_PT, FIGURE_PT, SENTENCE_PT, LABEL_PT = 36, 66, 20, 20
CHART_PT, FOOTER_PT = 14, 10

INK = RGBColor(0x11, 0x11, 0x11)
MUTED = RGBColor(0x55, 0x55, 0x55)
STATUS_COLOUR = {"good": STATUS["good"], "watch": STATUS["watch"], "act": STATUS["act"]}


# The "Title Only" layout of python-pptx's default template: a real title placeholder, so a
# screen reader and PowerPoint's outline know each slide's title.
TITLE_ONLY_LAYOUT = 5


def render_pptx(report: Report) -> bytes:
    """The report's slides as a .pptx file."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    layout = deck.slide_layouts[TITLE_ONLY_LAYOUT]
    for slide in report.slides:
        page = deck.slides.add_slide(layout)
        if slide.key == "title":
            _title_slide(page, slide, report)
        else:
            _message_slide(page, slide, report)
        _footer(page, report)
        page.notes_slide.notes_text_frame.text = notes(slide, report.lang)
    _properties(deck, report)
    _language(deck, language_tag(report.lang))
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def language_tag(lang: str) -> str:
    """The documents' language: Swedish as written in Sweden, English as in Britain."""
    return "en-GB" if lang == "en" else "sv-SE"


def _properties(deck, report: Report) -> None:
    """The title and language in the file's properties (what a reader's title bar and an
    archive read), dated the report's date so the same report gives the same file."""
    properties = deck.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = properties.last_modified_by = report.organisation
    properties.language = language_tag(report.lang)
    properties.created = properties.modified = figures.report_datetime(report).replace(tzinfo=None)
    properties.revision = 1


def _language(deck, tag: str) -> None:
    """Every run, paragraph end and default text style in the slides, their notes and the
    deck's defaults in ``tag``, so spelling and speech use the report's language."""
    parts = [deck.part, *(slide.part for slide in deck.slides),
             *(slide.notes_slide.part for slide in deck.slides),
             *(layout.part for layout in deck.slide_layouts), *(m.part for m in deck.slide_masters),
             *(shape.chart.part for slide in deck.slides for shape in slide.shapes
               if shape.has_chart)]
    for part in parts:
        for element in part._element.iter(qn("a:rPr"), qn("a:endParaRPr"), qn("a:defRPr")):
            element.set("lang", tag)


def notes(slide: Slide, lang: str) -> str:
    """The speaker notes: the sentence behind the slide, and the rule behind its status word."""
    parts = [slide.sentence]
    if slide.status is not None:
        word = t(f"status.{slide.status.value}", lang)
        parts.append(f"{word}: {slide.status_label}" if slide.status_label else word)
    return "\n\n".join(p for p in parts if p)


# --- Text ----------------------------------------------------------------------------------------

def _text(page, left, top, width, height, text: str, size: int, *, bold: bool = False,
          colour: RGBColor = INK, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    box = page.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Emu(0)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    return box


def _title(page, left, top, width, height, text: str, size: int) -> None:
    """The slide's title in its title placeholder, placed and set as the slide needs."""
    title = page.shapes.title
    title.left, title.top, title.width, title.height = left, top, width, height
    frame = title.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    frame.margin_left = frame.margin_right = Emu(0)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.LEFT
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = True
    run.font.color.rgb = INK


def _title_slide(page, slide: Slide, report: Report) -> None:
    _title(page, MARGIN, Inches(2.0), INNER_WIDTH, Inches(1.6), slide.title, 44)
    _text(page, MARGIN, Inches(3.75), INNER_WIDTH, Inches(0.8), slide.sentence, 24, colour=MUTED)
    _text(page, MARGIN, Inches(4.7), INNER_WIDTH, Inches(0.6), report.organisation, 24)


def _message_slide(page, slide: Slide, report: Report) -> None:
    _title(page, MARGIN, TITLE_TOP, INNER_WIDTH, TITLE_HEIGHT, slide.title, TITLE_PT)
    lines = max(1, math.ceil(len(slide.sentence) / SENTENCE_CHARACTERS))
    _text(page, MARGIN, SENTENCE_TOP, INNER_WIDTH, SENTENCE_LINE * lines, slide.sentence, SENTENCE_PT)
    # A long sentence pushes what is under it down; a short one leaves room for a list.
    top = SENTENCE_TOP + SENTENCE_LINE * lines + Inches(0.2)
    drawing = slide.chart is not None or slide.heat_map is not None
    left = MARGIN
    if slide.value:
        _figure(page, slide, report.lang, drawing, max(top, CONTENT_TOP))
        left = MARGIN + FIGURE_WIDTH + Inches(0.3)
    width = WIDTH - MARGIN - left
    if slide.chart is not None:
        frame = _chart(page, slide.chart, report.lang, left, width, max(top, CONTENT_TOP))
        _describe(frame, slide.sentence)
    elif slide.heat_map is not None:
        frame = _heat_map(page, slide.heat_map, left, width, max(top, CONTENT_TOP))
        _describe(frame, slide.heat_map.sentence)
    if slide.bullets:
        _bullets(page, slide.bullets, left, width, top, numbered=slide.numbered)


def _describe(frame, text: str) -> None:
    """The chart's or map's alternative text: its sentence (``descr`` of its ``p:cNvPr``)."""
    frame._element.nvGraphicFramePr.cNvPr.set("descr", text)


def _figure(page, slide: Slide, lang: str, beside_drawing: bool, top) -> None:
    """The big figure, its label under it and, when it has one, its status word."""
    left, width = MARGIN, FIGURE_WIDTH if beside_drawing else INNER_WIDTH
    _text(page, left, top, width, Inches(1.2), slide.value, FIGURE_PT, bold=True)
    _text(page, left, top + Inches(1.25), width, Inches(0.9), slide.value_label, LABEL_PT,
          colour=MUTED)
    if slide.status is not None:
        word = t(f"status.{slide.status.value}", lang)
        colour = RGBColor.from_string(STATUS_COLOUR[slide.status.value][1:])
        _text(page, left, top + Inches(2.2), width, Inches(0.6), word, 28, bold=True,
              colour=colour)


def _bullets(page, bullets: tuple[str, ...], left, width, top, *, numbered: bool = False) -> None:
    # Many long bullets (the proposed decisions) get a smaller size so they fit the slide.
    size = 24 if len(bullets) <= 5 else 18
    box = page.shapes.add_textbox(left, top, width, CONTENT_BOTTOM - top)
    frame = box.text_frame
    frame.word_wrap = True
    for index, bullet in enumerate(bullets):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(size * 0.4)
        run = paragraph.add_run()
        run.text = f"{index + 1}.\u00a0{bullet}" if numbered else f"•\u00a0{bullet}"
        run.font.size = Pt(size)
        run.font.color.rgb = INK


def _footer(page, report: Report) -> None:
    box = page.shapes.add_textbox(MARGIN, FOOTER_TOP, INNER_WIDTH, HEIGHT - FOOTER_TOP)
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate((f"{report.organisation} · {report.date_line}", report.marking)):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(FOOTER_PT)
        run.font.color.rgb = MUTED


# --- Charts --------------------------------------------------------------------------------------

def number_format(chart: ReportChart, lang: str, *, decimals: int = 0) -> str:
    """The format code of the chart's values: whole numbers grouped by thousands, or a
    percentage already in percent units (so the literal sign, not Excel's ``%``, which would
    multiply by 100)."""
    digits = "0" + ("." + "0" * decimals if decimals else "")
    if chart.percent:
        sign = "%" if lang == "en" else "\u00a0%"
        return f'{digits}"{sign}"'
    return "#,##0" if not decimals else f"#,##{digits}"


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _chart(page, chart: ReportChart, lang: str, left, width, top):
    data = CategoryChartData()
    data.categories = [str(c) for c in chart.chart.categories]
    for series in chart.series:
        data.add_series(series.name, series.values,
                        number_format(chart, lang, decimals=1 if chart.percent else 0))
    lines = chart.kind == LINES
    if lines and chart.chart.target is not None:
        data.add_series(chart.chart.target_label or str(chart.chart.target),
                        [chart.chart.target] * len(chart.chart.categories))
    frame = page.shapes.add_chart(CHART_TYPES[chart.kind], left, top - Inches(0.1), width,
                                  CONTENT_BOTTOM - top + Inches(0.1), data)
    native = frame.chart
    native.font.size = Pt(CHART_PT)
    native.has_legend = len(data) > 1
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.TOP
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(CHART_PT)

    plot = native.plots[0]
    if chart.kind in (COLUMNS, BARS):
        plot.gap_width, plot.overlap = 60, -10
    elif chart.kind in (STACKED_COLUMNS, STACKED_BARS):
        plot.gap_width = 60

    values = native.value_axis
    values.has_major_gridlines = True
    values.major_gridlines.format.line.color.rgb = RGBColor(0xE0, 0xE0, 0xE0)
    values.tick_labels.number_format = number_format(chart, lang)
    values.tick_labels.number_format_is_linked = False
    values.format.line.fill.background()
    values.minimum_scale = chart.chart.axis_start or 0
    if chart.percent:
        values.maximum_scale = 100
    categories = native.category_axis
    categories.format.line.color.rgb = RGBColor(0xBB, 0xBB, 0xBB)
    if chart.kind in (BARS, STACKED_BARS):
        categories.reverse_order = True      # the first category at the top, as on the page

    for series, model_series, colour in zip(plot.series, chart.series, chart.colours):
        if lines:
            _line_style(series, colour, dashed=model_series.key == "previous")
        else:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(colour)
            series.invert_if_negative = False
            _data_labels(series, model_series, chart, lang)
    if lines and chart.chart.target is not None:
        target = plot.series[len(chart.series)]
        _line_style(target, GREY, dashed=True, markers=False, width=1.5)
    if chart.line_keys:
        _lines_over_bars(native, chart)
    return frame


def _line_style(series, colour: str, *, dashed: bool, markers: bool = True, width: float = 3) -> None:
    line = series.format.line
    line.color.rgb = _rgb(colour)
    line.width = Pt(width)
    if dashed:
        line.dash_style = MSO_LINE_DASH_STYLE.ROUND_DOT
    series.smooth = False
    if markers:
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 8
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(colour)
        series.marker.format.line.color.rgb = _rgb(colour)
    else:
        series.marker.style = XL_MARKER_STYLE.NONE


def _data_labels(series, model_series, chart: ReportChart, lang: str) -> None:
    """The figures on the bars where the page writes them: as the value itself when the label
    is the value, else (a share drawn, a count written) each point's own text."""
    labels = model_series.labels
    if not labels:
        return
    inside = chart.kind in (STACKED_COLUMNS, STACKED_BARS)
    position = XL_LABEL_POSITION.CENTER if inside else XL_LABEL_POSITION.OUTSIDE_END
    if all(label == fmt_int(value, lang) for label, value in zip(labels, model_series.values)
           if value is not None):
        data_labels = series.data_labels
        data_labels.show_value = True
        data_labels.number_format = number_format(chart, lang)
        data_labels.number_format_is_linked = False
        data_labels.position = position
        data_labels.font.size = Pt(CHART_PT)
        return
    for point, label in zip(series.points, labels):
        if not label:
            continue
        data_label = point.data_label
        data_label.position = position
        data_label.text_frame.text = label
        data_label.font.size = Pt(CHART_PT)


def _lines_over_bars(native, chart: ReportChart) -> None:
    """Turn the bar series in ``line_keys`` into lines over the bars: a second plot (a
    ``c:lineChart``) on the same axes, which is how PowerPoint itself stores a combo chart."""
    bar_chart = native.plots[0]._element
    line_chart = OxmlElement("c:lineChart")
    bar_chart.addnext(line_chart)
    line_chart.append(_valued("c:grouping", "standard"))
    line_chart.append(_valued("c:varyColors", "0"))
    bar_series = bar_chart.findall(qn("c:ser"))
    for model_series, element in zip(chart.series, bar_series):
        if model_series.key not in chart.line_keys:
            continue
        for bar_only in element.findall(qn("c:invertIfNegative")) + element.findall(qn("c:dLbls")):
            element.remove(bar_only)
        line_chart.append(element)
    line_chart.append(_valued("c:marker", "1"))
    for axis_id in bar_chart.findall(qn("c:axId")):
        line_chart.append(copy.deepcopy(axis_id))
    line_plot = native.plots[1]
    colours = dict(zip((s.key for s in chart.series), chart.colours))
    for series, model_series in zip(line_plot.series,
                                    (s for s in chart.series if s.key in chart.line_keys)):
        _line_style(series, colours[model_series.key], dashed=True)


def _valued(tag: str, value: str):
    element = OxmlElement(tag)
    element.set("val", value)
    return element


# --- The heat map --------------------------------------------------------------------------------

def _heat_map(page, heat_map: HeatMap, left, width, top):
    """The 4×4 map as a table: likelihood upwards (4 at the top), consequence to the right,
    each cell filled by its band with the band's word and the cell's risks; the axes' labels
    in the first column and the last row."""
    size = len(heat_map.likelihood_labels)
    height = CONTENT_BOTTOM - top
    frame = page.shapes.add_table(size + 1, size + 1, left, top, width, height)
    table = frame.table
    first_column = Inches(1.5)
    table.columns[0].width = first_column
    for column in range(1, size + 1):
        table.columns[column].width = int((width - first_column) / size)
    for row in range(size + 1):
        table.rows[row].height = int(height / (size + 1))
    table.first_row = False
    table.horz_banding = False

    for row in range(size):
        likelihood = size - row
        _cell(table.cell(row, 0), [heat_map.likelihood_labels[likelihood - 1]])
        for column in range(1, size + 1):
            cell = heat_map.cell(likelihood, column)
            lines = [cell.band_label] + ([cell.text] if cell.text else [])
            _cell(table.cell(row, column), lines, BAND_FILL[cell.band])
    _cell(table.cell(size, 0), [f"{heat_map.likelihood_title} ↑", f"{heat_map.consequence_title} →"])
    for column in range(1, size + 1):
        _cell(table.cell(size, column), [heat_map.consequence_labels[column - 1]])
    # The likelihood labels head each row.
    table.first_col = True
    return frame


def _cell(cell, lines: list[str], fill: str | None = None) -> None:
    """A cell of the map: its first line (a band's word, an axis label) plain, the risks in
    it in bold and larger (three ids to a line)."""
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
    else:
        cell.fill.background()
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_left = cell.margin_right = Inches(0.04)
    frame = cell.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(12 if index == 0 else 14)
        run.font.bold = index > 0
        run.font.color.rgb = INK
