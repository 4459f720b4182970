"""The yearly report as a PDF: a clean A4 document for the board's papers.

A title page, the summary per area, a chapter per area (headline figures, then each part's
sentence, chart, heat maps and table) and "Förslag till beslut". Every page carries the
organisation, the marking (internal or public), the date and "Sida N av M". Written with
fpdf2 and DejaVu Sans (shipped with matplotlib, so å, ä, ö and − print); no browser, no
network. The same report gives the same bytes: the creation date is the report's date.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.enums import TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace

from lagesbild.i18n import t
from lagesbild.palette import BLUE, CELL_FILL
from lagesbild.report import figures
from lagesbild.report.model import Chapter, Decision, HeatMap, Part, Report, ReportTable

FONT = "DejaVu"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
MARGIN = 18.0
TOP = 26.0          # below the header
BOTTOM = 18.0       # above the footer
TEXT = (51, 51, 51)
QUIET = (110, 110, 110)
RULE = (210, 210, 210)
HEADINGS_FILL = "#ECEFF3"
CARD_FILL = (244, 246, 248)
CELL_PADDING = 1.2
SMALLEST_TABLE_FONT = 6.0
SQUEEZED_COLUMN = 18.0    # mm: the least a column gets whose longest word has to break
LONGEST_LINE = 70.0   # mm: a cell wider than this wraps


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


class _Document(FPDF):
    def __init__(self, report: Report):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
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
        self.set_font(FONT, "B", 7)
        self.set_text_color(*_rgb(figures.MARKING_COLOUR[report.public]))
        self.multi_cell(self.epw, 3.4, report.marking, align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
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
        self.set_font(FONT, "B", size)
        self.set_text_color(*_rgb(BLUE) if level == 1 else TEXT)
        self.multi_cell(self.epw, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(1.5 if level == 2 else 2.5)

    def paragraph(self, text: str, *, size: float = 9.5, style: str = "", colour=TEXT,
                  after: float = 2.0, indent: float = 0.0) -> None:
        if not text:
            return
        self.set_font(FONT, style, size)
        self.set_text_color(*colour)
        self.set_x(MARGIN + indent)
        self.multi_cell(self.epw - indent, size * 0.48, text, align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(after)

    def text_height(self, text: str, size: float, width: float | None = None) -> float:
        self.set_font(FONT, "", size)
        return self.multi_cell(width or self.epw, size * 0.48, text, dry_run=True, output="HEIGHT")

    def keep_room(self, height: float) -> None:
        """A page break now, unless ``height`` fits below (keeps a title with what follows)."""
        if self.get_y() > TOP + 1 and self.will_page_break(height):
            self.add_page()

    # --- Pictures and tables ---------------------------------------------------------------------

    def picture(self, png: bytes, width: float, *, x: float | None = None, alt: str = "") -> float:
        """Places ``png`` ``width`` mm wide; returns its height."""
        info = self.image(io.BytesIO(png), x=x if x is not None else MARGIN, w=width, alt_text=alt)
        return info.rendered_height

    def column_widths(self, table: ReportTable, size: float,
                      squeeze: bool = False) -> tuple[float, ...] | None:
        """Column widths in mm that fill the page: each column at least as wide as its
        longest word, and the columns with long texts share what is left by how much they
        would like. None when the longest words do not fit side by side (unless ``squeeze``:
        then the columns with the shortest words, such as dates and codes, keep them whole
        and the others share the rest, breaking their longest words)."""
        padding = 2 * CELL_PADDING + 0.5

        def width(text: str, style: str = "") -> float:
            self.set_font(FONT, style, size)
            return self.get_string_width(text)

        least, wanted = [], []
        for index, column in enumerate(table.columns):
            cells = [row[index] for row in table.rows]
            # Split at plain spaces only: a no-break space holds "99,5 %" together.
            header_words = column.split(" ")
            longest_word = max([width(w, "B") for w in header_words]
                               + [width(w) for text in cells for w in text.split(" ")])
            lengths = sorted(width(text) for text in cells) or [0.0]
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

    def table_of(self, table: ReportTable, *, size: float = 7.5) -> None:
        weights = self.column_widths(table, size)
        # A wide table gets a smaller font rather than words broken inside.
        while weights is None and size > SMALLEST_TABLE_FONT:
            size -= 0.5
            weights = self.column_widths(table, size)
        weights = weights or self.column_widths(table, size, squeeze=True)
        align = tuple("RIGHT" if c in table.numeric else "LEFT" for c in table.columns)
        self.set_font(FONT, "", size)
        self.set_draw_color(*RULE)
        headings = FontFace(emphasis="BOLD", fill_color=HEADINGS_FILL, size_pt=size)
        with self.table(col_widths=weights, text_align=align, width=self.epw,
                        line_height=size * 0.46, headings_style=headings,
                        padding=(1.0, CELL_PADDING),
                        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                        repeat_headings=1, v_align="TOP") as grid:
            header = grid.row()
            for column in table.columns:
                header.cell(column)
            for index, cells in enumerate(table.rows):
                row = grid.row()
                for column, text in zip(table.columns, cells):
                    tone = table.tone(column, index)
                    fill = CELL_FILL.get(tone) if tone else None
                    row.cell(text, style=FontFace(fill_color=fill) if fill else None)
        self.ln(3)


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
    document.set_font(FONT, "B", 24)
    document.set_text_color(*_rgb(BLUE))
    document.multi_cell(document.epw, 11, report.title, align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
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
        document.set_font(FONT, "", 7.5)
        document.set_text_color(*QUIET)
        document.multi_cell(width - 4, 3.6, headline.label, align="L")
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
        document.set_font(FONT, "B", 9.5)
        document.multi_cell(width, 4.6, heat_map.title, align="L", new_x=XPos.LEFT,
                            new_y=YPos.NEXT)
        document.set_font(FONT, "", 8)
        document.multi_cell(width, 3.8, heat_map.sentence, align="L", new_x=XPos.LEFT,
                            new_y=YPos.NEXT)
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
