"""The yearly report as a Word document the IT manager can adapt into the tjänsteskrivelse.

Real headings (Heading 1 per chapter, Heading 2 per part) so Word's navigation and table of
contents work, the sentences as ordinary paragraphs, charts and heat maps as pictures (the
same as in the PDF), tables as Word tables whose header row repeats on every page, and
"Förslag till beslut" as a numbered list. The marking stands in every page's header, the
date and "Sida N av M" (PAGE and NUMPAGES fields) in the footer. Written with python-docx.
"""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from lagesbild.i18n import t
from lagesbild.palette import CELL_FILL
from lagesbild.report import figures
from lagesbild.report.model import Chapter, HeatMap, Part, Report, ReportTable

WIDTH = Mm(170)          # the text width on A4 with 20 mm margins
QUIET = RGBColor(0x6E, 0x6E, 0x6E)
HEADINGS_FILL = "ECEFF3"
FIELD = re.compile(r"(\{page\}|\{pages\})")


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes."""
    document = Document()
    _page_setup(document, report)
    _title(document, report)
    document.add_heading(report.summary_title, level=1)
    _quiet(document, report.as_of)
    _table(document, figures.summary_table(report))
    for area in report.areas:
        if area.note:
            _quiet(document, f"{area.title}: {area.note}")
    for chapter in report.chapters:
        _chapter(document, chapter, report.lang)
    _decisions(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue(), figures.report_datetime(report).timetuple()[:6])


def _page_setup(document, report: Report) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(25), Mm(20)
    document.styles["Normal"].font.size = Pt(10)
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = report.organisation
    properties.last_modified_by = report.organisation
    properties.language = language_tag(report.lang)
    _default_language(document, language_tag(report.lang))
    properties.created = properties.modified = figures.report_datetime(report).replace(tzinfo=None)
    properties.revision = 1
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""

    header = section.header.paragraphs[0]
    header.text = report.organisation
    _small(header, QUIET)
    marking = section.header.add_paragraph()
    run = marking.add_run(report.marking)
    run.bold = True
    run.font.size = Pt(7.5)
    run.font.color.rgb = RGBColor.from_string(figures.MARKING_COLOUR[report.public][1:])

    footer = section.footer.paragraphs[0]
    footer.add_run(f"{report.date_line}\t\t")
    # "Sida {page} av {pages}" with the numbers as fields Word fills in.
    for piece in FIELD.split(t("report.page", report.lang, page="{page}", pages="{pages}")):
        if piece == "{page}":
            _field(footer, "PAGE")
        elif piece == "{pages}":
            _field(footer, "NUMPAGES")
        elif piece:
            footer.add_run(piece)
    _small(footer, QUIET)


def language_tag(lang: str) -> str:
    """The documents' language: Swedish as written in Sweden, English as in Britain."""
    return "en-GB" if lang == "en" else "sv-SE"


def _default_language(document, tag: str) -> None:
    """The document's default language (styles.xml docDefaults), so every paragraph is read,
    spell-checked and hyphenated in the report's language unless it says otherwise."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    for attribute in ("w:val", "w:eastAsia"):
        language.set(qn(attribute), tag)


def _field(paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)


def _small(paragraph, colour: RGBColor, size: float = 8) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.font.color.rgb = colour


def _quiet(document, text: str, size: float = 8.5):
    if not text:
        return None
    paragraph = document.add_paragraph(text)
    _small(paragraph, QUIET, size)
    return paragraph


def _title(document, report: Report) -> None:
    _quiet(document, report.organisation, 12)
    document.add_paragraph(report.title, style="Title")
    document.add_paragraph(report.subtitle, style="Subtitle")
    for line in (report.date_line, report.as_of, report.comparison_note):
        if line:
            document.add_paragraph(line)
    marking = document.add_paragraph()
    run = marking.add_run(report.marking)
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(figures.MARKING_COLOUR[report.public][1:])


def _chapter(document, chapter: Chapter, lang: str) -> None:
    document.add_page_break()
    document.add_heading(chapter.title, level=1)
    _quiet(document, chapter.as_of)
    _quiet(document, chapter.note)
    if chapter.message:
        document.add_paragraph(chapter.message)
    if chapter.headlines:
        _table(document, figures.headline_table(chapter, lang))
    for part in chapter.parts:
        _part(document, part, lang)


def _part(document, part: Part, lang: str) -> None:
    document.add_heading(part.title, level=2)
    document.add_paragraph(part.sentence)
    if part.chart:
        document.add_picture(io.BytesIO(figures.chart_png(part.chart, lang)), width=WIDTH)
        _described(document, part.sentence)
    if part.heat_maps:
        _heat_maps(document, part.heat_maps, lang)
    if part.table:
        _table(document, part.table)
    if part.note:
        _quiet(document, part.note, 8)


def _described(document, text: str) -> None:
    """Alternative text on the picture just added, for screen readers: the chart's sentence,
    which says what the chart shows."""
    pictures = document.inline_shapes
    pictures[len(pictures) - 1]._inline.docPr.set("descr", text)


def _heat_maps(document, maps: tuple[HeatMap, ...], lang: str) -> None:
    """The heat maps side by side in a borderless table, each with its title and sentence."""
    grid = document.add_table(rows=1, cols=len(maps))
    width = Mm(170 / len(maps) - 3)
    for cell, heat_map in zip(grid.rows[0].cells, maps):
        title = cell.paragraphs[0]
        title.add_run(heat_map.title).bold = True
        sentence = cell.add_paragraph(heat_map.sentence)
        _small(sentence, QUIET, 8.5)
        picture = cell.add_paragraph().add_run()
        shape = picture.add_picture(io.BytesIO(figures.heat_map_png(heat_map)), width=width)
        shape._inline.docPr.set("descr", heat_map.sentence)


def _table(document, table: ReportTable) -> None:
    grid = document.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = grid.rows[0]
    _repeat_as_header(header)
    for cell, column in zip(header.cells, table.columns):
        _cell(cell, column, column in table.numeric, bold=True)
        _shade(cell, HEADINGS_FILL)
    for index, values in enumerate(table.rows):
        cells = grid.add_row().cells
        for cell, column, text in zip(cells, table.columns, values):
            _cell(cell, text, column in table.numeric)
            tone = table.tone(column, index)
            if tone in CELL_FILL:
                _shade(cell, CELL_FILL[tone][1:])
    document.add_paragraph()


def _cell(cell, text: str, numeric: bool, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(8)
    if numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_as_header(row) -> None:
    """Word repeats this row at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    properties.append(mark)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _decisions(document, report: Report) -> None:
    document.add_page_break()
    document.add_heading(report.decisions_title, level=1)
    document.add_paragraph(report.decisions_intro)
    for decision in report.decisions:
        document.add_paragraph(decision.text, style="List Number")
        if decision.background:
            word = figures.status_word(decision.status, report.lang)
            label = t("report.background", report.lang) + (f" ({word})" if word else "")
            background = document.add_paragraph(f"{label}: {decision.background}")
            background.paragraph_format.left_indent = Mm(6.35)
            _small(background, QUIET, 8.5)


def _fixed_dates(docx: bytes, when: tuple[int, ...]) -> bytes:
    """The same archive with every entry dated ``when``, so the same report gives the same
    bytes (python-docx stamps the entries with the current time)."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=when)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry.filename))
    return buffer.getvalue()
