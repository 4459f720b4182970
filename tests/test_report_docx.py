"""The yearly report as a Word document: opened with python-docx. Real headings, the key
figures equal the database, tables with a repeating header row, the marking in every
section's header and page numbers as fields in the footer, English headings on request, and
a public variant that names no incident, risk or system."""

from __future__ import annotations

import pytest
from reportfiles import (active_risks_by_band, availability_met_share, build, incidents_reported,
                         key_phrases, names_the_public_variant_must_not_show, normalised,
                         render_timed, shown, word_text)

from lagesbild.data import db
from lagesbild import report
from lagesbild.formatting import fmt_int, fmt_pct


@pytest.fixture(scope="module")
def demo(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def internal(demo):
    built = build(demo)
    return built, word_text(render_timed(built, "docx"))


@pytest.fixture(scope="module")
def public(demo):
    built = build(demo, public=True)
    return built, word_text(render_timed(built, "docx"))


def test_chapters_and_parts_are_word_headings(internal):
    built, word = internal
    assert word.headings(1) == [normalised(title) for title in (
        built.summary_title, *(c.title for c in built.chapters), built.decisions_title)]
    parts = [normalised(p.title) for c in built.chapters for p in c.parts]
    assert word.headings(2) == parts
    assert ("Title", normalised(built.title)) in word.paragraphs


def test_decisions_are_a_numbered_list(internal):
    built, word = internal
    numbered = [text for style, text in word.paragraphs if style == "List Number"]
    assert numbered == [normalised(d.text) for d in built.decisions]
    assert normalised(built.decisions_intro) in [text for _, text in word.paragraphs]


def test_summary_table_holds_the_figures_of_the_database(demo, internal):
    _, word = internal
    summary = word.tables[0]
    assert summary[0] == ["Område", "Nyckeltal", "Värde", "Förändring", "Status", "Bedömning"]
    values = {row[0]: row[2] for row in summary[1:]}
    _, high, extreme = active_risks_by_band(demo)
    assert values["Incidenter"] == fmt_int(incidents_reported(demo))
    assert values["Tillgänglighet (SLA)"] == normalised(fmt_pct(availability_met_share(demo)))
    assert values["Risker"] == fmt_int(high + extreme)
    for phrase in key_phrases(demo):
        assert normalised(phrase) in word.text, phrase


def test_every_table_has_a_repeating_header_row(internal):
    built, word = internal
    assert all(word.header_rows)
    tables = [c for c in built.chapters for p in c.parts if p.table]
    assert len(word.tables) >= 1 + len(built.chapters) + len(tables)
    first_part_table = next(p.table for c in built.chapters for p in c.parts if p.table)
    assert [normalised(c) for c in first_part_table.columns] in [t[0] for t in word.tables]


def test_marking_in_every_header_and_page_numbers_in_the_footer(internal):
    built, word = internal
    assert word.headers and all(normalised(built.marking) in h for h in word.headers)
    assert all(built.organisation in h for h in word.headers)
    for footer in word.footers:
        assert "PAGE" in footer and "NUMPAGES" in footer
        assert "Sida" in footer and built.date_line in footer


def test_charts_and_heat_maps_are_pictures(internal):
    built, word = internal
    charts = sum(1 for c in built.chapters for p in c.parts if p.chart)
    maps = sum(len(p.heat_maps) for c in built.chapters for p in c.parts)
    assert len(word.document.inline_shapes) == charts + maps > 0


def test_english_option_has_english_headings(demo):
    built = build(demo, lang="en")
    word = word_text(report.render(built, "docx"))
    assert word.headings(1)[0] == "Summary" and word.headings(1)[-1] == "Proposed decisions"
    assert "Incidents" in word.headings(1)
    assert all("Page" in f for f in word.footers)
    assert "Förslag till beslut" not in word.text


def test_public_variant_names_no_incident_risk_or_system(demo, public):
    built, word = public
    for kind, names in names_the_public_variant_must_not_show(demo).items():
        assert shown(names, word.text) == [], kind
    assert all(normalised(built.marking) in h for h in word.headers)
    for phrase in key_phrases(demo):
        assert normalised(phrase) in word.text


def test_internal_variant_does_name_them(demo, internal):
    _, word = internal
    names = names_the_public_variant_must_not_show(demo)
    assert shown(names["system names"], word.text) and shown(names["risk titles"], word.text)


def test_empty_database_gives_calm_messages(con):
    built = build(con)
    data = report.render(built, "docx")
    word = word_text(data)
    for chapter in built.chapters:
        assert normalised(chapter.message) in word.text
    assert word.headings(1)[-1] == normalised(built.decisions_title)
    assert data == report.render(built, "docx")


def test_every_picture_has_its_sentence_as_alternative_text(internal):
    built, word = internal
    expected = []
    for chapter in built.chapters:
        for part in chapter.parts:
            if part.chart:
                expected.append(part.sentence)
            expected.extend(heat_map.sentence for heat_map in part.heat_maps)
    described = [shape._inline.docPr.get("descr") for shape in word.document.inline_shapes]
    assert described == expected


@pytest.mark.parametrize("lang, tag", [("sv", "sv-SE"), ("en", "en-GB")])
def test_default_language_and_title_are_the_reports(demo, lang, tag):
    from docx.oxml.ns import qn

    built = build(demo, lang=lang)
    document = word_text(report.render(built, "docx")).document
    defaults = document.styles.element.find(qn("w:docDefaults"))
    languages = defaults.findall(f".//{qn('w:lang')}")
    assert [language.get(qn("w:val")) for language in languages] == [tag]
    # Nothing in the text says another language.
    assert not document.element.body.findall(f".//{qn('w:lang')}")
    assert document.core_properties.title == built.title
    assert document.core_properties.language == tag
