"""The yearly report as data: its figures are the pages' figures, its decisions are the
overview's findings, and its public variant names no incident, risk or system."""

from __future__ import annotations

import duckdb
import pytest

from lagesbild.areas import attention, availability, incidents, overview
from lagesbild.data import db
from lagesbild.formatting import fmt_int
from lagesbild.report import model


@pytest.fixture(scope="module")
def demo(demo_db_path):
    con = duckdb.connect(str(demo_db_path), read_only=True)
    yield con, (lambda name, **params: db.query(con, name, **params))
    con.close()


def named_things(con, year: int) -> list[str]:
    """What the public variant must never name: the year's incident titles, every risk's
    title and description, every system's name."""
    found = con.execute(
        "SELECT title FROM incidents WHERE year(reported_at) IN ($year, $year - 1) "
        "UNION SELECT title FROM risks UNION SELECT description FROM risks WHERE description IS NOT NULL "
        "UNION SELECT name FROM systems", {"year": year}).fetchall()
    return [text for (text,) in found if text]


@pytest.mark.parametrize("year, municipality", [(2023, None), (2025, None), (2025, "Köping"),
                                                (2026, None), (2024, "Surahammar")])
def test_public_variant_names_no_incident_risk_or_system(demo, year, municipality):
    con, fetch = demo
    public = model.build(fetch, year, municipality, "sv", public=True)
    text = "\n".join(t for t in public.texts() if t)
    assert [name for name in named_things(con, year) if name in text] == []
    # The internal variant does name them, so the check above can fail.
    internal = "\n".join(t for t in model.build(fetch, year, municipality, "sv").texts() if t)
    assert any(name in internal for name in named_things(con, year))


def test_public_heat_maps_show_counts_and_internal_ones_ids(demo):
    con, fetch = demo
    internal = model.build(fetch, 2025, None, "sv").chapter("risks")
    public = model.build(fetch, 2025, None, "sv", public=True).chapter("risks")
    internal_map = next(p for p in internal.parts if p.key == "heat_maps").heat_maps[0]
    public_map = next(p for p in public.parts if p.key == "heat_maps").heat_maps[0]
    # Each risk's newest assessment by the end of 2025, counted independently of the page.
    active = con.execute(
        "SELECT risk_id, likelihood, consequence FROM risks WHERE assessed_on <= DATE '2025-12-31' "
        "QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1 "
        "AND status = 'Aktiv' ORDER BY risk_id").df()
    for cell in public_map.cells:
        in_cell = active[(active["likelihood"] == cell.likelihood) & (active["consequence"] == cell.consequence)]
        assert cell.count == len(in_cell)
        assert cell.text == (str(len(in_cell)) if len(in_cell) else "")
        internal_cell = internal_map.cell(cell.likelihood, cell.consequence)
        assert all(risk_id in internal_cell.text for risk_id in in_cell["risk_id"].head(3))
    assert sum(c.count for c in public_map.cells) == len(active)


def test_summary_and_chapters_are_the_pages_figures(demo):
    _, fetch = demo
    report = model.build(fetch, 2025, None, "sv")
    page_overview = overview.build(fetch, 2025, None, "sv")
    assert report.areas == page_overview.areas
    assert report.chapter("incidents").headlines == incidents.build(fetch, 2025, None, "sv").metrics
    assert report.chapter("sla").headlines == availability.build(fetch, 2025, None, "sv").metrics


def test_incident_count_equals_the_database(demo):
    con, fetch = demo
    count = con.execute("SELECT count(*) FROM incidents WHERE year(reported_at) = 2025").fetchall()[0][0]
    report = model.build(fetch, 2025, None, "sv")
    assert next(a for a in report.areas if a.key == "incidents").value == fmt_int(count, "sv")
    assert report.chapter("incidents").headlines[0].value == fmt_int(count, "sv")
    slide = next(s for s in report.slides if s.key == "incidents")
    assert slide.value == fmt_int(count, "sv")
    monthly = slide.chart.chart
    totals = [sum(s.values[i] or 0 for s in monthly.series if s.key != "previous")
              for i in range(len(monthly.categories))]
    assert sum(totals) == count


def test_decisions_follow_the_overview_findings(demo):
    _, fetch = demo
    report = model.build(fetch, 2025, None, "sv")
    findings = attention.build(fetch, 2025, None, "sv").findings
    assert len(report.decisions) == 1 + len(findings)
    assert report.decisions[0].text.startswith("godkänna den årliga uppföljningen")
    for decision, finding in zip(report.decisions[1:], findings):
        assert decision.background == finding.sentence
        assert decision.status == finding.status
    public = model.build(fetch, 2025, None, "sv", public=True)
    assert [d.background for d in public.decisions[1:]] == [f.summary for f in findings]


def test_marking_and_language(demo):
    _, fetch = demo
    assert model.build(fetch, 2025, None, "sv").marking.startswith("INTERN")
    assert model.build(fetch, 2025, None, "sv", public=True).marking.startswith("Offentlig version")
    english = model.build(fetch, 2025, None, "en")
    assert english.marking.startswith("INTERNAL")
    assert english.decisions_title == "Proposed decisions"
    assert [c.title for c in english.chapters][0] == "Incidents"


def test_slides_one_message_each(demo):
    _, fetch = demo
    report = model.build(fetch, 2025, None, "sv")
    keys = [s.key for s in report.slides]
    assert keys[:2] == ["title", "summary"] and keys[-1] == "decisions"
    assert len(keys) == len(set(keys))
    for slide in report.slides[2:-1]:
        assert slide.sentence
        assert (slide.chart is not None) + (slide.heat_map is not None) <= 1
    assert all(chart.kind in model.CHART_KINDS for chart in
               (s.chart for s in report.slides if s.chart is not None))
    summary = report.slides[1]
    assert len(summary.bullets) == len(report.areas)


def test_empty_database_gives_calm_chapters(con):
    fetch = lambda name, **params: db.query(con, name, **params)  # noqa: E731
    report = model.build(fetch, 2025, None, "sv")
    assert all(chapter.message for chapter in report.chapters)
    assert all(not chapter.parts for chapter in report.chapters)
    assert [s.key for s in report.slides] == ["title", "summary", "decisions"]


def test_long_tables_are_shortened_and_say_where_the_rest_is(demo, monkeypatch):
    _, fetch = demo
    monkeypatch.setattr(model, "REPORT_TABLE_ROWS", 3)
    reporting = next(p for p in model.build(fetch, 2025, None, "sv").chapter("incidents").parts
                     if p.key == "reporting")
    full = fetch("incidents_reporting", year=2025, municipality=None)
    assert len(full) > 3
    assert len(reporting.table.rows) == 3
    assert reporting.note.endswith(f"Tabellen visar de 3 första av {len(full)} raderna; hela listan "
                                   "finns på sidan Incidenter i Lägesbild.")
