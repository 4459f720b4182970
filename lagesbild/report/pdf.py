"""The yearly report as a PDF: a clean A4 document for the board's papers.

A title page, the summary per area, a chapter per area (headline figures, then each part's
sentence, chart, heat maps and table) and "Förslag till beslut". Every page carries the
organisation, the marking (internal or public), the date and "Sida N av M". Written with
fpdf2 and DejaVu Sans (shipped with matplotlib, so å, ä, ö and − print); no browser, no
network. The same report gives the same bytes: the creation date is the report's date.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lagesbild.i18n import t
from lagesbild.palette import BLUE, CELL_FILL
from lagesbild.report import figures
from lagesbild.report.model import Chapter, Decision, HeatMap, Part, Report, ReportTable

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MARGIN = 18.0
TOP = 26.0          # below the header
BOTTOM = 18.0       # above the footer
TEXT = (51, 51, 51)
QUIET = (110, 110, 110)
RULE = (210, 210, 210)
HEADINGS_FILL = "#ECEFF3"
CARD_FILL = (244, 246, 248)
CELL_PADDING = 1.2       # mm: left and right of a table cell's text
CELL_PADDING_TOP = 1.0   # mm: above and below it
# What fpdf2 allows a line's width over its room before breaking it (floating point).
WIDTH_TOLERANCE = 1e-9
NBSP = "\u00a0"
SMALLEST_TABLE_FONT = 6.0
SQUEEZED_COLUMN = 18.0    # mm: the least a column gets whose longest word has to break
LONGEST_LINE = 70.0   # mm: a cell wider than this wraps


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


class _Document(FPDF):
    def __init__(self, report: Report):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        # Per font style and size, each character's width in mm (see string_width).
        self.character_widths: dict[tuple[str, float], dict[str, float]] = {}
        font_folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
        for style, name in FONT_FILES.items():
            self.add_font(FONT, style, str(font_folder / name))
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.alias_nb_pages()
        self.set_creation_date(figures.report_datetime(report))
        self.set_title(report.title)
        self.set_author(report.organisation)
        self.set_subject(report.subtitle)
        self.set_lang("en" if report.lang == "en" else "sv")
        self.set_text_color(*TEXT)

    def header(self):
        report = self.report
        self.set_xy(MARGIN, 8)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*QUIET)
        self.cell(self.epw / 2, 4, report.organisation)
        self.cell(self.epw / 2, 4, report.title, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*_rgb(figures.MARKING_COLOUR[report.public]))
        self.text_block(report.marking, self.epw, 3.4, "B", 7)
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y() + 1, self.w - MARGIN, self.get_y() + 1)
        self.set_text_color(*TEXT)
        self.set_y(max(TOP, self.get_y() + 4))

    def footer(self):
        report = self.report
        self.set_y(-12)
        self.set_draw_color(*RULE)
        self.line(MARGIN, self.get_y() - 1, self.w - MARGIN, self.get_y() - 1)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(*QUIET)
        self.cell(self.epw / 2, 4, report.date_line)
        page = t("report.page", report.lang, page=self.page_no(), pages=self.str_alias_nb_pages)
        self.cell(self.epw / 2, 4, page, align="R")
        self.set_text_color(*TEXT)

    # --- Text ----------------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        size = {1: 16, 2: 11.5}[level]
        if level == 2:
            self.ln(3)
        self.start_section(text, level=level - 1, strict=False)
        self.set_text_color(*_rgb(BLUE) if level == 1 else TEXT)
        self.text_block(text, self.epw, size * 0.5, "B", size)
        self.set_text_color(*TEXT)
        self.ln(1.5 if level == 2 else 2.5)

    def paragraph(self, text: str, *, size: float = 9.5, style: str = "", colour=TEXT,
                  after: float = 2.0, indent: float = 0.0) -> None:
        if not text:
            return
        self.set_text_color(*colour)
        self.set_x(MARGIN + indent)
        self.text_block(text, self.epw - indent, size * 0.48, style, size)
        self.set_text_color(*TEXT)
        self.ln(after)

    def text_height(self, text: str, size: float, width: float | None = None) -> float:
        lines = self.lines(text, (width or self.epw) - 2 * self.c_margin, "", size) or [""]
        return len(lines) * size * 0.48

    def text_block(self, text: str, width: float, line_height: float, style: str, size: float,
                   *, new_x: XPos = XPos.LMARGIN) -> None:
        """``text`` written from the current position in lines ``width`` mm wide, as fpdf2's
        multi_cell writes it (a page break between lines if need be, then ``new_x`` and the
        next line), but with the lines broken in one pass: multi_cell measures the line
        anew for each character it adds, which on a full report cost more than a second."""
        lines = self.lines(text, width - 2 * self.c_margin, style, size) or [""]
        self.set_font(FONT, style, size)
        for number, line in enumerate(lines):
            last = number == len(lines) - 1
            self.cell(width, line_height, line, new_x=new_x if last else XPos.LEFT,
                      new_y=YPos.NEXT)
        if text.replace("\r", "").endswith("\n"):
            # multi_cell moves down one line more after a text that ends with a line break.
            self.ln()

    def keep_room(self, height: float) -> None:
        """A page break now, unless ``height`` fits below (keeps a title with what follows)."""
        if self.get_y() > TOP + 1 and self.will_page_break(height):
            self.add_page()

    # --- Pictures and tables ---------------------------------------------------------------------

    def picture(self, png: bytes, width: float, *, x: float | None = None, alt: str = "") -> float:
        """Places ``png`` ``width`` mm wide; returns its height."""
        info = self.image(io.BytesIO(png), x=x if x is not None else MARGIN, w=width, alt_text=alt)
        return info.rendered_height

    def string_width(self, text: str, style: str, size: float) -> float:
        """The width of ``text`` in mm, from each character's width measured once: fpdf2
        measures a whole string at a time, and tables measure every word of every cell."""
        widths = self.character_widths.setdefault((style, size), {})
        total = 0.0
        for character in text:
            width = widths.get(character)
            if width is None:
                self.set_font(FONT, style, size)
                width = widths[character] = self.get_string_width(character)
            total += width
        return total

    def column_widths(self, table: ReportTable, size: float,
                      squeeze: bool = False) -> tuple[float, ...] | None:
        """Column widths in mm that fill the page: each column at least as wide as its
        longest word, and the columns with long texts share what is left by how much they
        would like. None when the longest words do not fit side by side (unless ``squeeze``:
        then the columns with the shortest words, such as dates and codes, keep them whole
        and the others share the rest, breaking their longest words)."""
        padding = 2 * CELL_PADDING + 0.5
        least, wanted = [], []
        for index, column in enumerate(table.columns):
            cells = [row[index] for row in table.rows]
            # Split at plain spaces only: a no-break space holds "99,5 %" together.
            header_words = column.split(" ")
            longest_word = max([self.string_width(w, "B", size) for w in header_words]
                               + [self.string_width(w, "", size)
                                  for text in cells for w in text.split(" ")])
            lengths = sorted(self.string_width(text, "", size) for text in cells) or [0.0]
            typical = lengths[int(0.9 * (len(lengths) - 1))]
            least.append(longest_word + padding)
            wanted.append(max(longest_word, min(typical, LONGEST_LINE)) + padding)
        if sum(wanted) <= self.epw:
            return tuple(w * self.epw / sum(wanted) for w in wanted)
        if sum(least) >= self.epw:
            return _squeezed(least, wanted, self.epw) if squeeze else None
        room = [w - m for w, m in zip(wanted, least)]
        shortage = sum(wanted) - self.epw
        return tuple(w - shortage * r / sum(room) for w, r in zip(wanted, room))

    def lines(self, text: str, width: float, style: str, size: float) -> list[str]:
        """``text`` broken into lines at most ``width`` mm wide, as fpdf2's multi_cell breaks
        them: at a new line, else at the last plain space that fits, inside a word only when
        the word alone is wider than the line. No lines for no text."""
        if not text:
            return []
        paragraphs = text.replace("\r", "").split("\n")
        lines = []
        for index, paragraph in enumerate(paragraphs):
            broken = self._paragraph_lines(paragraph, width, style, size)
            # A line break always ends a line, even an empty one; the text's end only a line
            # with something on it.
            lines.extend(broken or ([""] if index < len(paragraphs) - 1 else []))
        return lines or [""]

    def _paragraph_lines(self, text: str, width: float, style: str, size: float) -> list[str]:
        # A no-break space holds its words together but is measured and written as the plain
        # space multi_cell makes of it.
        written = text.replace(NBSP, " ")
        widths = [self.string_width(character, style, size) for character in written]
        lines, start, filled, last_space = [], 0, 0.0, None
        index = 0
        while index < len(text):
            if filled + widths[index] - width > WIDTH_TOLERANCE and index > start:
                if text[index] == " ":
                    lines.append(written[start:index])
                    index += 1
                elif last_space is not None:
                    lines.append(written[start:last_space])
                    index = last_space + 1
                else:
                    lines.append(written[start:index])
                start, filled, last_space = index, 0.0, None
                continue
            if text[index] == " ":
                last_space = index
            filled += widths[index]
            index += 1
        if start < len(text):
            lines.append(written[start:])
        return lines

    def table_of(self, table: ReportTable, *, size: float = 7.5) -> None:
        """A table across the page: a bold heading row on a grey fill, repeated on each page
        the table continues on, rows separated by thin rules, each cell's text wrapped in its
        column and a toned cell filled in its tone's colour.

        Laid out as fpdf2's table lays it out, but with each cell's lines broken once: the
        table breaks them with multi_cell, twice (to measure the row, then to write it), and
        that took some 2.5 s for a report's tables of up to 30 rows."""
        weights = self.column_widths(table, size)
        # A wide table gets a smaller font rather than words broken inside.
        while weights is None and size > SMALLEST_TABLE_FONT:
            size -= 0.5
            weights = self.column_widths(table, size)
        weights = weights or self.column_widths(table, size, squeeze=True)
        widths = [weight / sum(weights) * self.epw for weight in weights]
        lefts = [MARGIN + sum(widths[:index]) for index in range(len(widths))]
        line_height = size * 0.46
        right_aligned = [column in table.numeric for column in table.columns]
        text_width = [width - 2 * CELL_PADDING for width in widths]

        def fill(column: str, index: int) -> str | None:
            tone = table.tone(column, index)
            return CELL_FILL.get(tone) if tone else None

        heading = _TableRow(
            [self.lines(text, w, "B", size) for text, w in zip(table.columns, text_width)],
            [HEADINGS_FILL] * len(widths), "B", line_height)
        rows = [_TableRow([self.lines(text, w, "", size) for text, w in zip(cells, text_width)],
                          [fill(column, index) for column in table.columns], "", line_height)
                for index, cells in enumerate(table.rows)]
        self.set_draw_color(*RULE)
        # The heading row never stands alone at the foot of a page.
        if rows and self.will_page_break(heading.height + rows[0].height):
            self.add_page()
        count = len(rows) + 1
        for index, row in enumerate([heading, *rows]):
            if self.will_page_break(row.height):
                self.add_page()
                if index > 0:
                    self.table_row(heading, lefts, widths, right_aligned, size, first=True,
                                   last=False)
            self.table_row(row, lefts, widths, right_aligned, size, first=index == 0,
                           last=index == count - 1)
        self.set_font(FONT, "", size)
        self.ln(3)

    def table_row(self, row: _TableRow, lefts: list[float], widths: list[float],
                  right_aligned: list[bool], size: float, *, first: bool, last: bool) -> None:
        """One row: fills, the rules above (not on the first row) and below (not on the last),
        then each cell's lines."""
        top = self.get_y()
        bottom = top + row.height
        self.set_font(FONT, row.style, size)
        for left, width, lines, fill, right in zip(lefts, widths, row.cells, row.fills,
                                                   right_aligned):
            if fill:
                self.set_fill_color(*_rgb(fill))
                self.rect(left, top, width, row.height, style="F")
            if not last:
                self.line(left, bottom, left + width, bottom)
            if not first:
                self.line(left, top, left + width, top)
            # Each line at the baseline cell() would give it, for a fifth of cell()'s cost.
            for number, line in enumerate(lines):
                baseline = (top + CELL_PADDING_TOP + (number + 0.5) * row.line_height
                            + 0.3 * self.font_size)
                x = (left + width - CELL_PADDING - self.string_width(line, row.style, size)
                     if right else left + CELL_PADDING)
                self.text(x, baseline, line)
        self.set_xy(MARGIN, bottom)


@dataclass(frozen=True)
class _TableRow:
    """A table row laid out: each cell's lines and fill, and the row's font style."""

    cells: list[list[str]]
    fills: list[str | None]
    style: str
    line_height: float

    @property
    def height(self) -> float:
        """The tallest cell's lines and padding; one line when every cell is empty."""
        tallest = max(len(lines) for lines in self.cells)
        return tallest * self.line_height + 2 * CELL_PADDING_TOP if tallest else self.line_height


def _squeezed(least: list[float], wanted: list[float], total: float) -> tuple[float, ...]:
    kept = set()
    for index in sorted(range(len(least)), key=least.__getitem__):
        others = len(least) - len(kept) - 1
        if sum(least[i] for i in kept | {index}) + SQUEEZED_COLUMN * others > total:
            break
        kept.add(index)
    rest = total - sum(least[i] for i in kept)
    share = sum(wanted[i] for i in range(len(least)) if i not in kept)
    return tuple(least[i] if i in kept else rest * wanted[i] / share for i in range(len(least)))


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    document = _Document(report)
    _title_page(document, report)
    _summary(document, report)
    for chapter in report.chapters:
        _chapter(document, chapter, report.lang)
    _decisions(document, report)
    return bytes(document.output())


def _title_page(document: _Document, report: Report) -> None:
    document.add_page()
    document.set_y(70)
    document.paragraph(report.organisation, size=12, colour=QUIET, after=6)
    document.set_text_color(*_rgb(BLUE))
    document.text_block(report.title, document.epw, 11, "B", 24)
    document.ln(3)
    document.paragraph(report.subtitle, size=13, after=14)
    document.paragraph(report.date_line, size=10)
    document.paragraph(report.as_of, size=10)
    document.paragraph(report.comparison_note, size=10)
    document.ln(8)
    # The marking once more, large: the first thing a reader sees of what may be released.
    colour = _rgb(figures.MARKING_COLOUR[report.public])
    document.set_draw_color(*colour)
    document.set_line_width(0.5)
    document.set_font(FONT, "B", 10)
    document.set_text_color(*colour)
    document.multi_cell(document.epw, 5.5, report.marking, border=1, align="L", padding=3,
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    document.set_line_width(0.2)
    document.set_text_color(*TEXT)


def _summary(document: _Document, report: Report) -> None:
    document.add_page()
    document.heading(report.summary_title, 1)
    document.paragraph(report.as_of, size=8.5, colour=QUIET)
    document.table_of(figures.summary_table(report), size=8)
    for area in report.areas:
        if area.note:
            document.paragraph(f"{area.title}: {area.note}", size=8, colour=QUIET, after=1)


def _chapter(document: _Document, chapter: Chapter, lang: str) -> None:
    document.add_page()
    document.heading(chapter.title, 1)
    document.paragraph(chapter.as_of, size=8.5, colour=QUIET, after=1)
    document.paragraph(chapter.note, size=8.5, colour=QUIET)
    if chapter.message:
        document.paragraph(chapter.message, size=10)
    if chapter.headlines:
        _cards(document, chapter, lang)
    for part in chapter.parts:
        _part(document, part, lang)


def _cards(document: _Document, chapter: Chapter, lang: str) -> None:
    """The headline figures as a row of cards: label, value, change, status word."""
    gap = 3.0
    count = len(chapter.headlines)
    width = (document.epw - gap * (count - 1)) / count
    label_height = max(document.text_height(h.label, 7.5, width - 4) for h in chapter.headlines)
    height = label_height + 19
    document.keep_room(height + 4)
    top = document.get_y()
    for index, headline in enumerate(chapter.headlines):
        left = MARGIN + index * (width + gap)
        document.set_fill_color(*CARD_FILL)
        document.rect(left, top, width, height, style="F")
        document.set_xy(left + 2, top + 2)
        document.set_text_color(*QUIET)
        document.text_block(headline.label, width - 4, 3.6, "", 7.5, new_x=XPos.RIGHT)
        document.set_xy(left + 2, top + 2 + label_height + 1)
        document.set_font(FONT, "B", 14)
        document.set_text_color(*TEXT)
        document.cell(width - 4, 7, headline.value)
        document.set_xy(left + 2, top + label_height + 10.5)
        document.set_font(FONT, "", 7)
        document.set_text_color(*QUIET)
        document.cell(width - 4, 3.5, figures.change_text(headline.delta) if headline.delta else "")
        word = figures.status_word(headline.status, lang)
        if word:
            fill = CELL_FILL[headline.status.value]
            document.set_xy(left + 2, top + label_height + 14.5)
            document.set_fill_color(*_rgb(fill))
            document.set_font(FONT, "B", 7)
            document.set_text_color(*TEXT)
            document.cell(document.get_string_width(word) + 3, 3.8, word, fill=True, align="C")
    document.set_text_color(*TEXT)
    document.set_xy(MARGIN, top + height + 4)


def _part(document: _Document, part: Part, lang: str) -> None:
    chart = figures.chart_png(part.chart, lang) if part.chart else None
    if chart:
        first_block = figures.chart_height_mm(part.chart)
    else:
        first_block = 80.0 if part.heat_maps else 25.0
    document.keep_room(12 + document.text_height(part.sentence, 9.5) + first_block)
    document.heading(part.title, 2)
    document.paragraph(part.sentence)
    if chart:
        document.picture(chart, document.epw, alt=t("report.doc.chart", lang, title=part.title))
        document.ln(2)
    if part.heat_maps:
        _heat_maps(document, part.heat_maps, lang)
    if part.table:
        document.table_of(part.table)
    document.paragraph(part.note, size=7.5, colour=QUIET)


def _heat_maps(document: _Document, maps: tuple[HeatMap, ...], lang: str) -> None:
    """Heat maps side by side (before and after treatment), each with its title and sentence."""
    gap = 6.0
    width = (document.epw - gap * (len(maps) - 1)) / len(maps)
    titles = max(document.text_height(m.sentence, 8, width) for m in maps) + 6
    document.keep_room(titles + width * 0.95)
    top = document.get_y()
    bottom = top
    for index, heat_map in enumerate(maps):
        left = MARGIN + index * (width + gap)
        document.set_xy(left, top)
        document.text_block(heat_map.title, width, 4.6, "B", 9.5, new_x=XPos.LEFT)
        document.text_block(heat_map.sentence, width, 3.8, "", 8, new_x=XPos.LEFT)
        document.set_y(top + titles)
        height = document.picture(figures.heat_map_png(heat_map), width, x=left,
                                  alt=t("report.doc.heat_map", lang, title=heat_map.title))
        bottom = max(bottom, top + titles + height)
    document.set_xy(MARGIN, bottom + 3)


def _decisions(document: _Document, report: Report) -> None:
    document.add_page()
    document.heading(report.decisions_title, 1)
    document.paragraph(report.decisions_intro, size=10, after=3)
    for number, decision in enumerate(report.decisions, start=1):
        _decision(document, number, decision, report.lang)


def _decision(document: _Document, number: int, decision: Decision, lang: str) -> None:
    document.keep_room(document.text_height(decision.text, 10) + 12)
    top = document.get_y()
    document.set_font(FONT, "B", 10)
    document.cell(8, 4.8, f"{number}.")
    document.set_xy(MARGIN + 8, top)
    document.paragraph(decision.text, size=10, indent=8, after=1)
    if decision.background:
        word = figures.status_word(decision.status, lang)
        label = t("report.background", lang) + (f" ({word})" if word else "")
        background = f"{label}: {decision.background}"
        document.paragraph(background, size=8, colour=QUIET, indent=8,
                           after=3)
    else:
        document.ln(2)
