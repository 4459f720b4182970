"""A risk analysis as a document, on the demo's analyses: the chapters, the counts against
independent SQL, the files (PowerPoint, PDF, Word) and the public variant naming no risk or
system."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from reportfiles import (
    names_the_public_variant_must_not_show,
    normalised,
    pdf_pages,
    shown,
    word_text,
)

from lagesbild.data import db
from lagesbild import report
from lagesbild.report import analysis as analysis_document

ANALYSIS = "RA-2025-1"


@pytest.fixture(scope="module")
def con(demo_db_path):
    connection = db.connect(demo_db_path, read_only=True)
    yield connection
    connection.close()


def fetcher(con):
    return lambda name, **params: db.query(con, name, **params)


@pytest.fixture(scope="module")
def documents(con):
    return {public: analysis_document.build(fetcher(con), ANALYSIS, "sv", public=public)
            for public in (False, True)}


def sql_bands(con) -> Counter:
    return Counter(dict(con.execute(
        "SELECT risk_band(likelihood * consequence), count(*) FROM risks WHERE analysis_id = ? GROUP BY 1",
        [ANALYSIS]).fetchall()))


def sql_movement(con) -> Counter:
    rows = con.execute(
        "SELECT CASE WHEN previous IS NULL THEN 'Ny' WHEN score > previous THEN 'Högre' "
        "            WHEN score < previous THEN 'Lägre' ELSE 'Oförändrad' END, count(*) FROM ("
        "  SELECT analysis_id, likelihood * consequence AS score, lag(likelihood * consequence) "
        "         OVER (PARTITION BY risk_id ORDER BY assessed_on) AS previous FROM risks) "
        "WHERE analysis_id = ? GROUP BY 1", [ANALYSIS]).fetchall()
    return Counter(dict(rows))


def test_the_chapters_and_counts_equal_sql(con, documents):
    document = documents[False]
    assert document.title == "Riskanalys: IT-infrastruktur 2025"
    assert [c.key for c in document.chapters] == ["scope", "risks", "change"]
    assert [c.title for c in document.chapters] == ["Omfattning och metod", "Risker",
                                                    "Förändring sedan förra analysen"]
    total = con.execute("SELECT count(*) FROM risks WHERE analysis_id = ?", [ANALYSIS]).fetchall()[0][0]
    assert total > 0
    risks = document.chapter("risks")
    headlines = {h.label: h.value for h in risks.headlines}
    bands = sql_bands(con)
    assert headlines == {"Bedömda risker": str(total), "Extremt hög": str(bands["Extremt hög"]),
                         "Hög": str(bands["Hög"]), "Medelhög": str(bands["Medelhög"]), "Låg": str(bands["Låg"])}
    before, after = next(p for p in risks.parts if p.key == "heat_maps").heat_maps
    assert sum(cell.count for cell in before.cells) == total
    residual = con.execute("SELECT count(*) FROM risks WHERE analysis_id = ? AND residual_likelihood IS NOT NULL",
                           [ANALYSIS]).fetchall()[0][0]
    assert sum(cell.count for cell in after.cells) == residual
    per_threat = next(p for p in risks.parts if p.key == "per_threat").table
    expected = dict(con.execute("SELECT threats.name, count(*) FROM risks JOIN threats USING (threat_id) "
                                "WHERE analysis_id = ? GROUP BY 1", [ANALYSIS]).fetchall())
    assert {row[0]: int(row[1]) for row in per_threat.rows if row[0] in expected} == expected
    register = next(p for p in risks.parts if p.key == "register").table
    assert len(register.rows) == total
    moved = next(p for p in document.chapter("change").parts if p.key == "movement").table
    assert {row[0]: int(row[1]) for row in moved.rows if row[1] != "0"} == dict(sql_movement(con))
    # Decisions: approve, and accept each Hög+ risk it accepts by name.
    accepted = con.execute("SELECT risk_id FROM risks WHERE analysis_id = ? AND treatment = 'Acceptera' "
                           "AND likelihood * consequence >= 8", [ANALYSIS]).fetchall()
    assert document.decisions[0].text == "godkänna riskanalysen IT-infrastruktur 2025"
    assert len(document.decisions) == 1 + len(accepted)
    for (risk_id,), decision in zip(sorted(accepted), sorted(document.decisions[1:], key=lambda d: d.text)):
        assert decision.text.startswith(f"acceptera risken {risk_id} ")


def test_the_public_variant_names_no_risk_or_system(con, documents):
    public = documents[True]
    text = normalised(" ".join(public.texts()))
    for what, names in names_the_public_variant_must_not_show(con).items():
        if what == "incident titles":
            continue
        assert shown(names, text) == [], what
    assert [p.key for p in public.chapter("risks").parts] == ["heat_maps", "per_threat"]
    assert [p.key for p in public.chapter("change").parts] == ["movement"]
    assert public.marking.startswith("Offentlig version")


def test_the_files_hold_the_chapters_and_the_counts(con, documents):
    from pptx import Presentation

    total = con.execute("SELECT count(*) FROM risks WHERE analysis_id = ?", [ANALYSIS]).fetchall()[0][0]
    deck = Presentation(io.BytesIO(report.render(documents[False], "pptx")))
    slides = [normalised(" ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame))
              for slide in deck.slides]
    assert slides[0].startswith("Riskanalys: IT-infrastruktur 2025")
    assert any(f"Bedömda risker: {total}" in s for s in slides)
    assert "godkänna riskanalysen IT-infrastruktur 2025" in slides[-1]

    pages = " ".join(pdf_pages(report.render(documents[False], "pdf")))
    for phrase in ("Omfattning och metod", "Skala för sannolikhet", "Mer sällan än en gång på tio år",
                   "Förändring sedan förra analysen", "Förslag till beslut", "godkänna riskanalysen"):
        assert phrase in pages, phrase
    public_pages = " ".join(pdf_pages(report.render(documents[True], "pdf")))
    for what in ("risk titles", "system names"):
        assert shown(names_the_public_variant_must_not_show(con)[what], public_pages) == [], what

    word = word_text(report.render(documents[False], "docx"))
    assert word.headings(1)[-4:] == ["Omfattning och metod", "Risker", "Förändring sedan förra analysen",
                                     "Förslag till beslut"]


@pytest.mark.parametrize("public", [False, True])
def test_the_pdf_is_tagged_pdf_a_2a_and_pdf_ua_1(documents, public, tmp_path):
    import pdfua
    import pikepdf

    data = report.render(documents[public], "pdf")
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_metadata() as xmp:
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"], xmp["pdfuaid:part"]) == ("2", "A", "1")
        assert str(pdf.Root.Lang) == "sv-SE"
    path = tmp_path / "analysis.pdf"
    path.write_bytes(data)
    assert [finding.rule_id for finding in pdfua.validate(str(path)).findings] == []
