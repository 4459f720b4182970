"""The yearly report as PDF: opened with pypdf and read page by page. The sections are there,
the key figures equal the database, every page carries the marking and its page number, the
English option speaks English, and the public variant names no incident, risk or system. The
file is tagged PDF/A-2a and PDF/UA-1 (checked with pikepdf and the pdfua checker), text from the
registers is printed as written, and the Word document's charts are pictures sharp enough to
print."""

from __future__ import annotations

import io

from dataclasses import replace

import pdfua
import pikepdf
import pytest
from PIL import Image
from pypdf import PdfReader
from reportfiles import (YEAR, build, key_phrases, names_the_public_variant_must_not_show,
                         normalised, pdf_pages, render_timed, shown)

from lagesbild.data import db
from lagesbild import palette, report
from lagesbild.palette import contrast
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


# --- Published and archived: tagged PDF/A-2a and PDF/UA-1 ------------------------------------

VARIANTS = [("sv", False), ("sv", True), ("en", False), ("en", True)]


@pytest.fixture(scope="module", params=VARIANTS, ids=lambda v: f"{v[0]}-{'public' if v[1] else 'internal'}")
def variant(request, demo):
    lang, public = request.param
    built = build(demo, lang=lang, public=public)
    return built, report.render(built, "pdf")


def _elements(data: bytes) -> list[tuple[str, str | None]]:
    """Every element of the structure tree in reading order: its tag and alternative text."""
    found = []

    def walk(node):
        if isinstance(node, pikepdf.Array):
            for kid in node:
                walk(kid)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            found.append((str(node.S)[1:], str(node.Alt) if "/Alt" in node else None))
            if "/K" in node:
                walk(node.K)

    with pikepdf.open(io.BytesIO(data)) as document:
        walk(document.Root.StructTreeRoot.K)
    return found


def _tags(elements) -> list[str]:
    return [tag for tag, _ in elements]


def test_is_pdf_a_2a_and_pdf_ua_1_by_its_metadata(variant):
    built, data = variant
    document = pikepdf.open(io.BytesIO(data))
    with document.open_metadata() as xmp:
        assert xmp["pdfaid:part"] == "2"
        assert xmp["pdfaid:conformance"] == "A"
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == built.title
    assert document.Root.MarkInfo.Marked is True
    assert str(document.Root.Lang) == ("en-GB" if built.lang == "en" else "sv-SE")
    assert document.Root.ViewerPreferences.DisplayDocTitle is True
    # PDF/A keeps its colours device independent: an sRGB output intent.
    assert str(document.Root.OutputIntents[0].S) == "/GTS_PDFA1"
    # Each page's header and footer are marked as pagination artifacts, not content.
    for page in document.pages:
        content = page.Contents.read_bytes()
        assert b"/Subtype/Header/Type/Pagination" in content
        assert b"/Subtype/Footer/Type/Pagination" in content


def test_structure_tree_has_headings_paragraphs_tables_and_lists(variant):
    built, data = variant
    tags = _tags(_elements(data))
    parts = [part for chapter in built.chapters for part in chapter.parts]
    # The summary, each chapter and the decisions are first-level headings; each part second.
    assert tags.count("H1") == 2 + len(built.chapters)
    assert tags.count("H2") == len(parts)
    assert tags.count("Title") == 1
    assert tags.count("P") > len(parts)
    tables = [part.table for part in parts if part.table]
    assert tags.count("Table") == len(tables) + 1          # and the summary's table
    # Each table's header row is header cells, one per column.
    assert tags.count("TH") == (sum(len(table.columns) for table in tables)
                                + len(figures.summary_table(built).columns))
    assert tags.count("THead") == tags.count("Table")
    # The decisions are a numbered list.
    assert tags.count("LI") == len(built.decisions)


def test_every_chart_and_heat_map_is_a_figure_whose_alt_text_is_its_sentence(variant):
    built, data = variant
    figures_found = [alt for tag, alt in _elements(data) if tag == "Figure"]
    expected = []
    for chapter in built.chapters:
        for part in chapter.parts:
            if part.chart:
                expected.append(part.sentence)
            expected.extend(heat_map.sentence for heat_map in part.heat_maps)
    assert expected and figures_found == expected


def test_a_pdf_ua_checker_finds_nothing(variant, tmp_path):
    _, data = variant
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    checked = pdfua.validate(str(path))
    assert [(f.rule_id, f.severity.name, f.message) for f in checked.findings] == []


def test_the_marking_and_small_print_have_enough_contrast():
    for colour in (*pdf_writer_colours(), *figures.MARKING_COLOUR.values()):
        assert contrast(colour) >= 4.5, colour


def pdf_writer_colours() -> tuple[str, ...]:
    return pdf.TEXT, pdf.QUIET, palette.BLUE


HOSTILE = ('#set page(fill: red) $x^2$ *fet* _kursiv_ <etikett> @ref \\ \\" '
           '"citat" ] [ } { // inte kommentar /* heller */ `kod` = rubrik ~ - + 1. \\u{41}')


def test_text_from_the_registers_is_printed_as_written_never_read_as_markup(con):
    """Titles, sentences, table cells and decisions may hold any character: each is printed
    exactly as written, and none changes the document (a page colour, a heading, a list)."""
    built = build(con)
    chapter = built.chapters[0]
    table = model.ReportTable(columns=("Rubrik", HOSTILE), rows=((HOSTILE, "#"), ("$", "*_<@")))
    part = model.Part(key="hostile", title=f"Del {HOSTILE}", sentence=f"Mening {HOSTILE}",
                      table=table, note=f"Not {HOSTILE}")
    hostile = replace(
        built, title=f"Rapport {HOSTILE}", organisation=f"Förbund {HOSTILE}",
        chapters=(replace(chapter, parts=(part,)), *built.chapters[1:]),
        decisions=(model.Decision(text=f"Beslut {HOSTILE}", background=f"Bakgrund {HOSTILE}",
                                  status=None),))
    data = report.render(hostile, "pdf")
    text = " ".join(pdf_pages(data))
    written = normalised(HOSTILE)
    for label in ("Rapport", "Förbund", "Del", "Mening", "Not", "Beslut"):
        assert f"{label} {written}" in text, label
    assert text.count(written) >= 8
    assert "*_<@" in text
    assert "Rapport #set page" in PdfReader(io.BytesIO(data)).metadata.title
    tags = _tags(_elements(data))
    assert tags.count("H1") == 2 + len(built.chapters)
    assert tags.count("LI") == 1


def test_charts_are_pictures_of_their_printed_size_at_150_dpi(internal):
    built, _ = internal
    chart = next(part.chart for chapter in built.chapters for part in chapter.parts if part.chart)
    picture = Image.open(io.BytesIO(figures.chart_png(chart, built.lang)))
    width_mm, height_mm = figures.CHART_WIDTH_MM, figures.chart_height_mm(chart)
    assert figures.DPI == 150
    assert picture.size == (int(width_mm / 25.4 * 150), int(height_mm / 25.4 * 150))
    assert picture.convert("RGB").getpixel((0, 0)) == (255, 255, 255)
