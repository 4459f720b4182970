"""Helpers for the tests that open the generated report files: build a report on a database,
read a PDF's text per page and a Word document's paragraphs, tables, headers and footers, and
the figures the report must show, computed independently in SQL."""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from dataclasses import dataclass

import duckdb

from lagesbild.data import db
from lagesbild import report
from lagesbild.formatting import fmt_int, fmt_pct

YEAR = 2025
DATED = dt.date(2026, 2, 10)


def build(con: duckdb.DuckDBPyConnection, lang: str = "sv", public: bool = False) -> report.Report:
    return report.build(lambda name, **p: db.query(con, name, **p), YEAR, None, lang,
                        public=public, today=DATED)


def render_timed(built: report.Report, fmt: str) -> bytes:
    """Renders and prints how long it took (a measurement, not a test)."""
    started = time.perf_counter()
    data = report.render(built, fmt)
    variant = "public" if built.public else "internal"
    print(f"\nrender {fmt} {YEAR} {built.lang} {variant}: {time.perf_counter() - started:.2f} s, "
          f"{len(data) / 1024:.0f} KiB")
    return data


def normalised(text: str) -> str:
    """Whitespace as one plain space: a PDF's line breaks and Swedish no-break spaces alike."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [normalised(page.extract_text() or "") for page in PdfReader(io.BytesIO(data)).pages]


@dataclass
class WordText:
    paragraphs: list[tuple[str, str]]        # (style name, text), in order
    tables: list[list[list[str]]]            # per table of figures, per row, the cells' text
    header_rows: list[bool]                  # per table: first row repeats as a header
    headers: list[str]                       # per section
    footers: list[str]                       # per section, with field instructions
    layout: list[str]                        # the text of tables that lay out pictures
    document: object

    @property
    def text(self) -> str:
        cells = (cell for table in self.tables for row in table for cell in row)
        return normalised(" ".join([t for _, t in self.paragraphs] + list(cells) + self.layout
                                   + self.headers + self.footers))

    def headings(self, level: int) -> list[str]:
        return [text for style, text in self.paragraphs if style == f"Heading {level}"]


def word_text(data: bytes) -> WordText:
    from docx import Document
    from docx.oxml.ns import qn

    document = Document(io.BytesIO(data))
    # Tables of figures; the one that sets the heat maps side by side only lays out pictures.
    data_tables = [table for table in document.tables
                   if not table._tbl.xpath(".//w:drawing")]
    tables = [[[normalised(cell.text) for cell in row.cells] for row in table.rows]
              for table in data_tables]
    header_rows = [table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
                   for table in data_tables]
    headers = [normalised(" ".join(p.text for p in s.header.paragraphs)) for s in document.sections]
    footers = [normalised(" ".join(p._p.xml for p in s.footer.paragraphs))
               for s in document.sections]
    paragraphs = [(p.style.name, normalised(p.text)) for p in document.paragraphs]
    layout = [normalised(cell.text) for table in document.tables if table._tbl.xpath(".//w:drawing")
              for row in table.rows for cell in row.cells]
    return WordText(paragraphs, tables, header_rows, headers, footers, layout, document)


# --- The figures, independently of the report's own queries -----------------------------------

def incidents_reported(con, year: int = YEAR) -> int:
    return con.execute("SELECT count(*) FROM incidents WHERE year(reported_at) = ?",
                       [year]).fetchone()[0]


def availability_met_share(con, year: int = YEAR) -> float:
    """Share of system-months (rows of sla) in the year whose availability reached the target."""
    met, total = con.execute(
        "SELECT count(*) FILTER (WHERE availability_pct >= availability_target_pct), count(*) "
        "FROM sla WHERE year(month) = ?", [year]).fetchone()
    return 100.0 * met / total


def active_risks_by_band(con, year: int = YEAR) -> tuple[int, int, int]:
    """Active risks at 31 December, and of them those at level Hög (likelihood × consequence
    8–12) and Extremt hög (16)."""
    return con.execute(
        """
        WITH newest AS (
            SELECT * FROM risks WHERE assessed_on <= make_date(?, 12, 31)
            QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1
        )
        SELECT count(*), count(*) FILTER (WHERE likelihood * consequence BETWEEN 8 AND 12),
               count(*) FILTER (WHERE likelihood * consequence >= 16)
        FROM newest WHERE status = 'Aktiv'
        """, [year]).fetchone()


def key_phrases(con, lang: str = "sv") -> list[str]:
    """Sentences of the report with the key figures in them, written the reader's way."""
    incidents = incidents_reported(con)
    active, high, _ = active_risks_by_band(con)
    share = fmt_pct(availability_met_share(con), lang)
    if lang == "en":
        return [f"{fmt_int(incidents, lang)} incidents were reported in {YEAR}",
                f"met in {share} of system-months in {YEAR}",
                f"{active} active risks, of which {high} high"]
    return [f"{fmt_int(incidents)} incidenter anmäldes {YEAR}",
            f"nåddes i {share} av systemmånaderna {YEAR}",
            f"{active} aktiva risker, varav {high} på nivån hög"]


def names_the_public_variant_must_not_show(con) -> dict[str, list[str]]:
    return {
        "incident titles": [r[0] for r in con.execute(
            "SELECT DISTINCT title FROM incidents WHERE year(reported_at) = ?", [YEAR]).fetchall()],
        "risk titles": [r[0] for r in con.execute("SELECT DISTINCT title FROM risks").fetchall()],
        "risk descriptions": [r[0] for r in con.execute(
            "SELECT DISTINCT description FROM risks WHERE description IS NOT NULL").fetchall()],
        "system names": [r[0] for r in con.execute("SELECT name FROM systems").fetchall()],
    }


def shown(names: list[str], text: str) -> list[str]:
    return [name for name in names if normalised(name) in text]
