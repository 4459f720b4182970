"""The yearly report as a PDF: a clean A4 document for the board's papers, that can be
published (PDF/UA-1) and archived (PDF/A-2a) as it is.

A title page, the summary per area, a chapter per area (headline figures, then each part's
sentence, chart, heat maps and table) and "Förslag till beslut". Every page carries the
organisation, the marking (internal or public), the date and "Sida N av M".

Written with Typst (the ``typst`` package: one self-contained wheel, no browser, no system
libraries, no network), which tags what it sets: headings, paragraphs, lists, tables with
header cells, and figures with their alternative text; page headers and footers are
artifacts. The report is turned into Typst source here and compiled in memory. Every text
from the report goes in as a Typst string literal (``_string``), never as markup, so no
character in a risk's title or a decision can change the document. Charts and heat maps are
matplotlib SVG (vector, their text as text in DejaVu Sans, the font the PDF embeds), each
with its sentence as alternative text. The same report gives the same bytes: the creation
date is the report's date.
"""

from __future__ import annotations

import functools
from pathlib import Path

import matplotlib
import typst
from PIL import ImageFont

from lagesbild.i18n import t
from lagesbild.palette import BLUE, CELL_FILL
from lagesbild.report import figures
from lagesbild.report.model import Chapter, Decision, HeatMap, Part, Report, ReportTable

FONT = "DejaVu Sans"
FONT_FOLDER = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
# Both at once: archival (PDF/A-2, level A: tagged, Unicode text) and accessible (PDF/UA-1).
PDF_STANDARDS = ["a-2a", "ua-1"]
TEXT = "#333333"
QUIET = "#6E6E6E"          # 5.1:1 on white: small print that still meets WCAG's 4.5:1
RULE = "#D2D2D2"
HEADINGS_FILL = "#ECEFF3"
CARD_FILL = "#F4F6F8"
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
MM_PER_PT = 25.4 / 72
PAGE_WIDTH = 210.0 - 2 * 18.0   # mm: A4 between the margins
TABLE_FONT_PT = 7.5
SMALLEST_TABLE_FONT = 6.0
CELL_PADDING = 1.2       # mm: left and right of a table cell's text
CELL_PADDING_TOP = 1.0   # mm: above and below it
SQUEEZED_COLUMN = 18.0   # mm: the least a column gets whose longest word has to break
LONGEST_LINE = 70.0      # mm: a cell wider than this wraps
PAGE_NUMBER, PAGE_COUNT = "\x00", "\x01"


def _string(text: object) -> str:
    """``text`` as a Typst string literal: only a backslash, a double quote and control
    characters need escaping in one, and a string is set as text, never read as markup."""
    escaped = []
    for character in str(text):
        if character in '\\"':
            escaped.append("\\" + character)
        elif character == "\n":
            escaped.append("\\n")
        elif ord(character) < 0x20 or character == "\x7f":
            escaped.append(f"\\u{{{ord(character):x}}}")
        else:
            escaped.append(character)
    return '"' + "".join(escaped) + '"'


def _text(text: str, *, size: float | None = None, colour: str | None = None,
          bold: bool = False) -> str:
    """A Typst expression setting ``text`` (as a string) in the given size, colour, weight."""
    settings = []
    if size:
        settings.append(f"size: {size}pt")
    if colour:
        settings.append(f'fill: rgb("{colour}")')
    if bold:
        settings.append('weight: "bold"')
    if not settings:
        return f"[#{_string(text)}]"
    return f"text({', '.join(settings)}, {_string(text)})"


def _paragraph(text: str, *, size: float = 9.5, colour: str = TEXT, bold: bool = False,
               below: float = 2.0, sticky: bool = False) -> str:
    """A paragraph of its own (tagged P), or nothing for no text."""
    if not text:
        return ""
    keep = ", sticky: true" if sticky else ""
    return (f"#block(below: {below}mm{keep}, par("
            f"{_text(text, size=size, colour=colour, bold=bold)}))\n")


def _heading(text: str, level: int) -> str:
    return f"#heading(level: {level}, {_string(text)})\n"


def _page_number_content(lang: str) -> str:
    """"Sida 3 av 12": the words around the two numbers come from the i18n text."""
    template = t("report.page", lang, page=PAGE_NUMBER, pages=PAGE_COUNT)
    out = []
    for character_run in _split_keeping(template, (PAGE_NUMBER, PAGE_COUNT)):
        if character_run == PAGE_NUMBER:
            out.append("#counter(page).display()")
        elif character_run == PAGE_COUNT:
            out.append("#counter(page).final().first()")
        else:
            out.append(f"#{_string(character_run)}")
    return "".join(out)


def _split_keeping(text: str, markers: tuple[str, ...]) -> list[str]:
    pieces, current = [], ""
    for character in text:
        if character in markers:
            if current:
                pieces.append(current)
            pieces.append(character)
            current = ""
        else:
            current += character
    if current:
        pieces.append(current)
    return pieces


def _preamble(report: Report) -> str:
    """Document metadata, fonts and the page: the header (organisation, title, the marking
    under them) and the footer (date, page N of M), both artifacts for assistive tools."""
    marking = figures.MARKING_COLOUR[report.public]
    day = figures.report_datetime(report)
    lang, region = ("en", "gb") if report.lang == "en" else ("sv", "se")
    header = (f"#grid(columns: (1fr, auto), {_text(report.organisation)}, "
              f"{_text(report.title)})\n"
              f"#v(0.6mm, weak: true)"
              f"#{_text(report.marking, size=7, colour=marking, bold=True)}\n"
              f'#v(1.2mm, weak: true)#line(length: 100%, stroke: 0.5pt + rgb("{RULE}"))')
    footer = (f'#line(length: 100%, stroke: 0.5pt + rgb("{RULE}"))#v(1mm, weak: true)'
              f"#grid(columns: (1fr, auto), {_text(report.date_line)}, "
              f"[{_page_number_content(report.lang)}])")
    return f"""#set document(title: {_string(report.title)}, author: {_string(report.organisation)},
  description: {_string(report.subtitle)},
  date: datetime(year: {day.year}, month: {day.month}, day: {day.day}, hour: 0, minute: 0, second: 0))
#set text(font: "{FONT}", lang: "{lang}", region: "{region}", size: 9.5pt, fill: rgb("{TEXT}"))
#set par(leading: 0.5em, spacing: 0.9em)
#set page(paper: "a4", margin: (left: 18mm, right: 18mm, top: 28mm, bottom: 20mm),
  header-ascent: 18%, footer-descent: 25%,
  header: text(size: 7.5pt, fill: rgb("{QUIET}"))[{header}],
  footer: context text(size: 7.5pt, fill: rgb("{QUIET}"))[{footer}])
#show heading: set block(below: 2.5mm, above: 4mm)
#show heading.where(level: 1): set text(size: 16pt, fill: rgb("{BLUE}"))
#show heading.where(level: 2): set text(size: 11.5pt)
#show heading.where(level: 3): set text(size: 9.5pt)
#set table(stroke: none)
#set enum(numbering: "1.", body-indent: 3mm, spacing: 3mm)
"""


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes: tagged PDF/A-2a and PDF/UA-1 in one file."""
    source, pictures = typst_source(report)
    return typst.compile(source.encode(), font_paths=[str(FONT_FOLDER)], ignore_system_fonts=True,
                         pdf_standards=PDF_STANDARDS, sys_inputs=pictures,
                         timestamp=figures.report_datetime(report))


def typst_source(report: Report) -> tuple[str, dict[str, str]]:
    """The report as Typst source, and the pictures (SVG) it reads from its inputs by name."""
    pictures: dict[str, str] = {}
    source = "".join([
        _preamble(report),
        _title_page(report),
        _summary(report),
        *(_chapter(chapter, report.lang, pictures) for chapter in report.chapters),
        _decisions(report),
    ])
    return source, pictures


def _picture(pictures: dict[str, str], svg: bytes, alt: str, width: str) -> str:
    """An SVG picture with its alternative text; the SVG goes in as an input, not as source."""
    name = f"picture{len(pictures)}"
    pictures[name] = svg.decode()
    return (f'image(bytes(sys.inputs.{name}), format: "svg", width: {width}, '
            f"alt: {_string(alt)})")


def _title_page(report: Report) -> str:
    marking = figures.MARKING_COLOUR[report.public]
    return "".join([
        "#v(45mm)\n",
        _paragraph(report.organisation, size=12, colour=QUIET, below=6),
        f"#title({_text(report.title, size=24, colour=BLUE)})\n#v(3mm)\n",
        _paragraph(report.subtitle, size=13, below=14),
        _paragraph(report.date_line, size=10),
        _paragraph(report.as_of, size=10),
        _paragraph(report.comparison_note, size=10),
        "#v(8mm)\n",
        # The marking once more, large: the first thing a reader sees of what may be released.
        f'#block(stroke: 1.4pt + rgb("{marking}"), inset: 3mm, width: 100%, '
        f"par({_text(report.marking, size=10, colour=marking, bold=True)}))\n",
    ])


def _summary(report: Report) -> str:
    parts = ["#pagebreak()\n", _heading(report.summary_title, 1),
             _paragraph(report.as_of, size=8.5, colour=QUIET),
             _table(figures.summary_table(report), size=8)]
    for area in report.areas:
        if area.note:
            parts.append(_paragraph(f"{area.title}: {area.note}", size=8, colour=QUIET, below=1))
    return "".join(parts)


def _chapter(chapter: Chapter, lang: str, pictures: dict[str, str]) -> str:
    parts = ["#pagebreak()\n", _heading(chapter.title, 1),
             _paragraph(chapter.as_of, size=8.5, colour=QUIET, below=1),
             _paragraph(chapter.note, size=8.5, colour=QUIET)]
    if chapter.message:
        parts.append(_paragraph(chapter.message, size=10))
    if chapter.headlines:
        parts.append(_cards(chapter, lang))
    parts.extend(_part(part, lang, pictures) for part in chapter.parts)
    return "".join(parts)


def _cards(chapter: Chapter, lang: str) -> str:
    """The headline figures as a row of cards: label, value, change, status word. Each card
    reads in that order, a paragraph each."""
    cards = []
    for headline in chapter.headlines:
        lines = [f"par({_text(headline.label, size=7.5, colour=QUIET)})",
                 f"par({_text(headline.value, size=14, bold=True)})",
                 f"par({_text(figures.change_text(headline.delta) if headline.delta else '', size=7, colour=QUIET)})"
                 if headline.delta else "",
                 ]
        word = figures.status_word(headline.status, lang)
        if word:
            fill = CELL_FILL[headline.status.value]
            lines.append(f'box(fill: rgb("{fill}"), inset: (x: 1.5mm, y: 0.8mm), '
                         f"{_text(word, size=7, bold=True)})")
        body = ", ".join(line for line in lines if line)
        cards.append(f'block(fill: rgb("{CARD_FILL}"), inset: 2mm, width: 100%, '
                     f"stack(spacing: 1.6mm, {body}))")
    columns = ", ".join(["1fr"] * len(cards))
    return (f"#block(breakable: false, below: 4mm, grid(columns: ({columns},), gutter: 3mm, "
            f"{', '.join(cards)}))\n")


def _part(part: Part, lang: str, pictures: dict[str, str]) -> str:
    # The heading and the sentence stay with what follows them (a chart, the heat maps or
    # the table), as one reads them together.
    parts = [_heading(part.title, 2), _paragraph(part.sentence, sticky=True)]
    if part.chart:
        parts.append(f"#block(below: 3mm, "
                     f"{_picture(pictures, figures.chart_svg(part.chart, lang), part.sentence, '100%')})\n")
    if part.heat_maps:
        parts.append(_heat_maps(part.heat_maps, pictures))
    if part.table:
        parts.append(_table(part.table))
    parts.append(_paragraph(part.note, size=7.5, colour=QUIET))
    return "".join(parts)


def _heat_maps(maps: tuple[HeatMap, ...], pictures: dict[str, str]) -> str:
    """Heat maps side by side (before and after treatment), each with its title, its
    sentence, and the map, whose alternative text is that sentence."""
    cells = []
    for heat_map in maps:
        picture = _picture(pictures, figures.heat_map_svg(heat_map), heat_map.sentence, "100%")
        cells.append(f"[#heading(level: 3, {_string(heat_map.title)})"
                     f"#par({_text(heat_map.sentence, size=8)})#{picture}]")
    columns = ", ".join(["1fr"] * len(cells))
    return (f"#block(breakable: false, below: 3mm, grid(columns: ({columns},), "
            f"column-gutter: 6mm, {', '.join(cells)}))\n")


@functools.lru_cache(maxsize=4096)
def _character_width(character: str, bold: bool) -> float:
    """A character's width in DejaVu Sans at 1 pt, in mm."""
    return _font(bold).getlength(character) / 1000 * MM_PER_PT


@functools.lru_cache(maxsize=2)
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FOLDER / FONT_FILES[bold]), size=1000)


def _width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text`` set at ``size`` pt, in mm."""
    return size * sum(_character_width(character, bold) for character in text)


def _column_widths(table: ReportTable, size: float, squeeze: bool = False) -> list[float] | None:
    """Column widths in mm that fill the page: each column at least as wide as its longest
    word, and the columns with long texts share what is left by how much they would like.
    None when the longest words do not fit side by side (unless ``squeeze``: then the
    columns with the shortest words, such as dates and codes, keep them whole and the others
    share the rest, breaking their longest words)."""
    padding = 2 * CELL_PADDING + 0.5
    least, wanted = [], []
    for index, column in enumerate(table.columns):
        cells = [row[index] for row in table.rows]
        # Split at plain spaces only: a no-break space holds "99,5 %" together.
        longest_word = max([_width(word, size, bold=True) for word in column.split(" ")]
                           + [_width(word, size) for text in cells for word in text.split(" ")])
        lengths = sorted(_width(text, size) for text in cells) or [0.0]
        typical = lengths[int(0.9 * (len(lengths) - 1))]
        least.append(longest_word + padding)
        wanted.append(max(longest_word, min(typical, LONGEST_LINE)) + padding)
    if sum(wanted) <= PAGE_WIDTH:
        return [width * PAGE_WIDTH / sum(wanted) for width in wanted]
    if sum(least) >= PAGE_WIDTH:
        return _squeezed(least, wanted, PAGE_WIDTH) if squeeze else None
    room = [w - m for w, m in zip(wanted, least)]
    shortage = sum(wanted) - PAGE_WIDTH
    return [w - shortage * r / sum(room) for w, r in zip(wanted, room)]


def _squeezed(least: list[float], wanted: list[float], total: float) -> list[float]:
    kept: set[int] = set()
    for index in sorted(range(len(least)), key=least.__getitem__):
        others = len(least) - len(kept) - 1
        if sum(least[i] for i in kept | {index}) + SQUEEZED_COLUMN * others > total:
            break
        kept.add(index)
    rest = total - sum(least[i] for i in kept)
    share = sum(wanted[i] for i in range(len(least)) if i not in kept)
    return [least[i] if i in kept else rest * wanted[i] / share for i in range(len(least))]


def _table(table: ReportTable, *, size: float = TABLE_FONT_PT) -> str:
    """A table across the page: the heading row (header cells, repeated on every page the
    table continues on) on a grey fill, rows separated by thin rules, a toned cell filled in
    its tone's colour; numeric columns aligned right."""
    widths = _column_widths(table, size)
    # A wide table gets a smaller font rather than words broken inside.
    while widths is None and size > SMALLEST_TABLE_FONT:
        size -= 0.5
        widths = _column_widths(table, size)
    widths = widths or _column_widths(table, size, squeeze=True)
    numeric = [index for index, column in enumerate(table.columns) if column in table.numeric]
    header = ", ".join(f"table.cell(fill: rgb(\"{HEADINGS_FILL}\"), "
                       f"{_text(column, bold=True)})" for column in table.columns)
    rows = []
    for row_index, cells in enumerate(table.rows):
        for column, text in zip(table.columns, cells):
            tone = table.tone(column, row_index)
            fill = CELL_FILL.get(tone) if tone else None
            body = _string(text)
            rows.append(f'table.cell(fill: rgb("{fill}"), {body})' if fill else body)
    right = f"({', '.join(str(i) for i in numeric)},)" if numeric else "()"
    return (f"#block(below: 4mm, text(size: {size}pt, table(\n"
            f"  columns: ({', '.join(f'{width:.2f}mm' for width in widths)},),\n"
            f"  inset: (x: {CELL_PADDING}mm, y: {CELL_PADDING_TOP}mm),\n"
            f"  align: (x, y) => if x in {right} {{ right }} else {{ left }},\n"
            f'  stroke: (x, y) => if y > 0 {{ (top: 0.5pt + rgb("{RULE}")) }},\n'
            f"  table.header(repeat: true, {header}),\n"
            f"  {', '.join(rows)}{',' if rows else ''}\n"
            f")))\n")


def _decisions(report: Report) -> str:
    """The proposed decisions, numbered as a list: number, text, and its background."""
    items = [_decision(decision, report.lang) for decision in report.decisions]
    parts = ["#pagebreak()\n", _heading(report.decisions_title, 1),
             _paragraph(report.decisions_intro, size=10, below=3)]
    if items:
        parts.append(f"#text(size: 10pt, enum({', '.join(items)}))\n")
    return "".join(parts)


def _decision(decision: Decision, lang: str) -> str:
    content = f"par({_string(decision.text)})"
    if decision.background:
        word = figures.status_word(decision.status, lang)
        label = t("report.background", lang) + (f" ({word})" if word else "")
        background = _text(f"{label}: {decision.background}", size=8, colour=QUIET)
        content = f"{content} + v(1mm) + par({background})"
    return f"block(breakable: false, {content})"
