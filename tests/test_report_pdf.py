"""The yearly report as PDF: opened with pypdf and read page by page. The sections are there,
the key figures equal the database, every page carries the marking and its page number, the
English option speaks English, and the public variant names no incident, risk or system. Text
breaks into lines where fpdf2's multi_cell breaks it, and charts are pictures sharp enough to
print."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader
from reportfiles import (YEAR, build, key_phrases, names_the_public_variant_must_not_show,
                         normalised, pdf_pages, render_timed, shown)

from lagesbild import db, report
from lagesbild.report import figures, model, pdf
from lagesbild.i18n import t


@pytest.fixture(scope="module")
def demo(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def internal(demo):
    built = build(demo)
    return built, render_timed(built, "pdf")


@pytest.fixture(scope="module")
def public(demo):
    built = build(demo, public=True)
    return built, render_timed(built, "pdf")


@pytest.fixture(scope="module")
def english(demo):
    built = build(demo, lang="en")
    return built, render_timed(built, "pdf")


def test_is_an_a4_pdf_with_the_reports_title(internal):
    built, data = internal
    assert data.startswith(b"%PDF-")
    document = PdfReader(io.BytesIO(data))
    width, height = (float(v) for v in document.pages[0].mediabox.upper_right)
    assert (round(width * 25.4 / 72), round(height * 25.4 / 72)) == (210, 297)
    assert document.metadata.title == built.title
    assert document.metadata.author == built.organisation


def test_has_every_section_in_order(internal):
    built, data = internal
    text = " ".join(pdf_pages(data))
    titles = [built.title, built.summary_title, *(c.title for c in built.chapters),
              built.decisions_title]
    positions = [text.find(normalised(title), 0 if i == 0 else 1) for i, title in enumerate(titles)]
    assert -1 not in positions, [t for t, p in zip(titles, positions) if p == -1]
    for chapter in built.chapters:
        for part in chapter.parts:
            assert normalised(part.title) in text, part.title
    for decision in built.decisions:
        assert normalised(decision.text) in text


def test_key_figures_equal_the_database(demo, internal):
    _, data = internal
    text = " ".join(pdf_pages(data))
    for phrase in key_phrases(demo):
        assert normalised(phrase) in text, phrase


def test_every_page_has_the_marking_the_organisation_and_its_number(internal):
    built, data = internal
    pages = pdf_pages(data)
    assert len(pages) > 8
    for number, page in enumerate(pages, start=1):
        assert normalised(built.marking) in page, number
        assert built.organisation in page
        assert built.date_line in page
        assert t("report.page", "sv", page=number, pages=len(pages)) in page


def test_a_long_table_repeats_its_header_row_on_the_next_page(demo, monkeypatch):
    # Documents shorten tables to the rows that matter most; here the SLA table is let long.
    monkeypatch.setattr(model, "REPORT_TABLE_ROWS", 100)
    built = build(demo)
    pages = pdf_pages(report.render(built, "pdf"))
    systems = next(p for p in built.chapter("sla").parts if p.key == "systems").table
    assert len(systems.rows) > 40
    header = " ".join(normalised(column) for column in systems.columns)
    with_header = [i for i, page in enumerate(pages) if header in page]
    assert len(with_header) >= 2
    assert with_header == list(range(with_header[0], with_header[0] + len(with_header)))
    assert normalised(systems.rows[-1][0]) in pages[with_header[-1]]


def test_summary_table_has_a_row_per_area_with_its_status_word(internal):
    built, data = internal
    page = next(p for p in pdf_pages(data)
                if normalised(built.summary_title) in p and "Område" in p)
    for column in ("Område", "Nyckeltal", "Förändring", "Status", "Bedömning"):
        assert column in page
    for area in built.areas:
        assert normalised(area.title) in page
        if area.status:
            assert t(f"status.{area.status.value}", "sv") in page


def test_english_option_has_english_headings(english):
    built, data = english
    text = " ".join(pdf_pages(data))
    for title in ("Summary", "Incidents", "Availability and SLA", "Risks", "Proposed decisions"):
        assert title in text
    assert "Förslag till beslut" not in text and "Sammanfattning" not in text
    assert "Page 1 of" in text
    assert normalised(built.marking) in text


def test_public_variant_names_no_incident_risk_or_system(demo, public):
    built, data = public
    pages = pdf_pages(data)
    text = " ".join(pages)
    for kind, names in names_the_public_variant_must_not_show(demo).items():
        assert shown(names, text) == [], kind
    for page in pages:
        assert normalised(built.marking) in page
    assert t("report.marking.internal", "sv")[:5] not in text
    # The aggregates are still there.
    for phrase in key_phrases(demo):
        assert normalised(phrase) in text


def test_internal_variant_does_name_them(demo, internal):
    """The check above can fail: the internal variant shows the names it leaves out."""
    _, data = internal
    text = " ".join(pdf_pages(data))
    names = names_the_public_variant_must_not_show(demo)
    assert shown(names["system names"], text)
    assert shown(names["risk titles"], text)
    assert shown(names["incident titles"], text)


def test_empty_database_gives_calm_messages(con):
    built = build(con)
    data = report.render(built, "pdf")
    text = " ".join(pdf_pages(data))
    for chapter in built.chapters:
        assert normalised(chapter.title) in text
        assert chapter.message and normalised(chapter.message) in text
    assert normalised(built.decisions_title) in text


def test_same_report_gives_the_same_bytes(con):
    built = build(con)
    assert report.render(built, "pdf") == report.render(built, "pdf")


def test_year_in_title_page(internal):
    built, data = internal
    first = pdf_pages(data)[0]
    assert str(YEAR) in first and normalised(built.subtitle) in first
    assert normalised(built.as_of) in first


@pytest.mark.parametrize("text, width", [
    ("Incidenter med personuppgifter anmäldes inom 72 timmar i 93,5\u00a0% av fallen.", 60),
    ("Verksamhetssystem socialtjänst Köping (240) och Lagringssystem (SAN) (348)", 30),
    ("Ettordsålångtattdetintefårplatspåenrad och sedan kort", 20),
    ("12\u00a0345\u00a0system med passerad översyn", 12),
    ("första raden\nandra\n\nfjärde", 80),
    ("slutar med en radbrytning\n", 80),
    ("två  mellanslag  här och där, och ett sist ", 25),
])
@pytest.mark.parametrize("style, size", [("", 7.5), ("B", 11.5)])
def test_text_breaks_into_the_lines_multi_cell_gives_it(internal, text, width, style, size):
    # The document breaks text into lines itself (fpdf2's multi_cell is slow at it); where
    # the lines break, and that a no-break space holds, must stay as multi_cell has it.
    built, _ = internal
    document = pdf._Document(built)
    document.add_page()
    lines = document.lines(text, width - 2 * document.c_margin, style, size)
    document.set_font(pdf.FONT, style, size)
    assert lines == document.multi_cell(width, 4, text, dry_run=True, output="LINES")
    document.set_font(pdf.FONT, "", size)
    height = document.multi_cell(width, size * 0.48, text, dry_run=True, output="HEIGHT")
    assert document.text_height(text, size, width) == pytest.approx(height)


def test_charts_are_pictures_of_their_printed_size_at_150_dpi(internal):
    built, _ = internal
    chart = next(part.chart for chapter in built.chapters for part in chapter.parts if part.chart)
    picture = Image.open(io.BytesIO(figures.chart_png(chart, built.lang)))
    width_mm, height_mm = figures.CHART_WIDTH_MM, figures.chart_height_mm(chart)
    assert figures.DPI == 150
    assert picture.size == (int(width_mm / 25.4 * 150), int(height_mm / 25.4 * 150))
    assert picture.convert("RGB").getpixel((0, 0)) == (255, 255, 255)
