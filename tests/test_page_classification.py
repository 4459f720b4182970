"""The Informationsklassning page through AppTest: the figures shown equal counts made
independently from the tables (not through queries/), for several selections."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from pagetest import chart_traces, page_opener, texts

from lagesbild import demo
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.formatting import fmt_pct
from lagesbild.i18n import label, t

PAGE = "app_pages/klassning.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)
BANDS = ((0, 25), (25, 50), (50, 75), (75, 100))


# --- Independent figures, straight from the tables ------------------------------------------------

def reference_date(year: int) -> dt.date:
    return min(dt.date(year, 12, 31), dt.date.today())


def months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(day.day, last))


class Tables:
    """The raw systems and classifications of a database."""

    def __init__(self, path):
        con = duckdb.connect(str(path), read_only=True)
        try:
            self.systems = [dict(zip(("system_id", "name", "municipality", "infrastructure", "sla_tier",
                                      "plan"), row))
                            for row in con.execute(
                                "SELECT system_id, name, municipality, infrastructure, sla_tier, "
                                "continuity_plan_date FROM systems").fetchall()]
            self.classifications = con.execute(
                "SELECT system_id, classified_on, next_review, confidentiality, integrity, "
                "availability, traceability, measures_met_pct FROM classifications "
                "ORDER BY classified_on").fetchall()
            self.first_year = con.execute(
                "SELECT min(y) FROM (SELECT min(year(reported_at)) y FROM incidents "
                "UNION ALL SELECT min(year(month)) FROM sla UNION ALL SELECT min(year(classified_on)) "
                "FROM classifications UNION ALL SELECT min(year(assessed_on)) FROM risks "
                "UNION ALL SELECT min(year(assessed_on)) FROM followups)").fetchall()[0][0]
        finally:
            con.close()

    def judged(self, year: int, municipality: str | None) -> list[dict]:
        """Every system in scope with its classification in force and its state."""
        reference = reference_date(year)
        in_force = {}
        for row in self.classifications:
            if row[1] <= reference:
                in_force[row[0]] = row
        result = []
        for system in self.systems:
            if municipality is not None and system["municipality"] != municipality:
                continue
            row = in_force.get(system["system_id"])
            if row is None:
                state, due = "never", None
            else:
                due = row[2] or months_later(row[1], 12)
                state = "current" if due > reference or (row[2] is not None and due == reference) \
                    else "overdue"
            levels = dict(zip(("K", "R", "T", "S", "measures"), row[3:])) if row else {}
            result.append(system | levels | {"state": state, "due": due,
                                             "days": (reference - due).days if state == "overdue" else None})
        return result

    def coverage(self, year, municipality, group=None) -> float | None:
        systems = [s for s in self.judged(year, municipality)
                   if group is None or (group == "infrastructure" and s["infrastructure"])
                   or (group == "gold" and s["sla_tier"] == "Guld")]
        if not systems:
            return None
        return 100 * sum(s["state"] == "current" for s in systems) / len(systems)


def gap(system: dict, reference: dt.date) -> bool:
    need = system.get("T")
    if need is None or need < 3:
        return False
    no_plan = system["plan"] is None or system["plan"] > reference
    tier_ok = system["sla_tier"] == "Guld" or (need == 3 and system["sla_tier"] == "Silver")
    return no_plan or not tier_ok


def band_counts(values):
    return [sum(1 for v in values if low <= v < high or (high == 100 and v == 100)) for low, high in BANDS]


# --- Tests ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("year, municipality, lang", [
    (DEMO_YEAR, None, "sv"),
    (DEMO_YEAR, "Kungsör", "en"),
    (2023, "Gemensam", "sv"),
    (DEMO_YEAR + 1, "Arboga", "sv"),     # the running year: as of today
])
def test_demo_figures_equal_independent_counts(demo_copy, open_app, year, municipality, lang):
    tables = Tables(demo_copy)
    params = {"ar": year} | ({"kommun": municipality} if municipality else {}) | (
        {"lang": lang} if lang != "sv" else {})
    app = open_page(open_app, demo_copy, **params)
    reference = reference_date(year)
    scope = (label(MUNICIPALITIES, municipality, lang) if municipality
             else t("filters.all_municipalities", lang))
    assert app.title[0].value == t("classification_page.heading", lang, year=year, scope=scope)

    # Headline figures: coverage for all systems, infrastructure and SLA tier Guld.
    shown = {m.label: m.value for m in app.metric}
    for key, group in (("coverage", None), ("infrastructure", "infrastructure"), ("gold", "gold")):
        assert shown[t(f"classification_page.metric.{key}", lang)] == fmt_pct(
            tables.coverage(year, municipality, group), lang)

    # Coverage over the years: one line per group that has systems, from the first data year.
    coverage, measures = chart_traces(app)
    years = list(range(min(tables.first_year, year - 1), year + 1))
    assert coverage[0]["x"] == years
    assert coverage[0]["y"] == pytest.approx([tables.coverage(y, municipality) for y in years])
    groups = {t(f"classification_page.series.{group}", lang): group for group in ("infrastructure", "gold")}
    for trace in coverage[1:]:
        group = groups[trace["name"]]
        assert trace["y"] == pytest.approx([tables.coverage(y, municipality, group) for y in years])

    systems = tables.judged(year, municipality)
    before = tables.judged(year - 1, municipality)

    def col(key: str) -> str:
        return t(f"classification_page.column.{key}", lang)

    # Overdue reviews, longest first.
    overdue = sorted((s for s in systems if s["state"] == "overdue"), key=lambda s: (-s["days"], s["name"]))
    overdue_tables = [tb.value for tb in app.table if col("days_overdue") in tb.value.columns]
    if overdue:
        assert list(overdue_tables[0][col("system")]) == [s["name"] for s in overdue]
        assert list(overdue_tables[0][col("days_overdue")]) == [s["days"] for s in overdue]
    else:
        assert not overdue_tables

    # Levels per classified system.
    levels = app.dataframe[0].value
    classified = sorted((s for s in systems if s["state"] != "never"), key=lambda s: s["name"])
    assert sorted(levels[col("system")]) == [s["name"] for s in classified]
    by_name = {s["name"]: s for s in classified}
    for _, row in levels.iterrows():
        system = by_name[row[col("system")]]
        assert [row[col(aspect)] for aspect in ("confidentiality", "integrity", "availability",
                                                  "traceability")] == [system[k] for k in "KRTS"]

    # Action plans: systems per band, this year and the year before.
    now = [s["measures"] for s in systems if s["state"] != "never" and s["measures"] is not None]
    then = [s["measures"] for s in before if s["state"] != "never" and s["measures"] is not None]
    assert measures[-1]["y"] == band_counts(now)
    if then:
        assert measures[0]["y"] == band_counts(then)
    average = fmt_pct(sum(now) / len(now), lang)
    assert average in texts(app)

    # Availability needs without continuity plan or sufficient tier.
    flagged = sorted(s["name"] for s in systems if gap(s, reference))
    need_tables = [tb.value for tb in app.table if col("required_tier") in tb.value.columns]
    assert (sorted(need_tables[0][col("system")]) if need_tables else []) == flagged

    # Every chart and table has its title and sentence.
    assert [s.value for s in app.subheader] == [t(f"classification_page.{part}.title", lang) for part in
                                                ("coverage", "overdue", "levels", "measures", "needs")]
    assert fmt_pct(tables.coverage(year, municipality), lang) in texts(app)


def test_swedish_numbers_and_status_word(demo_copy, open_app):
    app = open_page(open_app, demo_copy, ar=DEMO_YEAR)
    value = {m.label: m.value for m in app.metric}[t("classification_page.metric.coverage")]
    assert value.endswith("\u00a0%") and "," in value
    assert any(word in texts(app) for word in ("Bra", "Bevaka", "Åtgärda"))


def test_sample_data_without_tiers_or_action_plans(sample_db_path, open_app):
    app = open_page(open_app, sample_db_path, ar=2025)
    shown = {m.label: m.value for m in app.metric}
    assert shown[t("classification_page.metric.coverage")] == fmt_pct(50.0)
    # No infrastructure or Guld systems in the sample: a dash, not 0 %.
    assert shown[t("classification_page.metric.infrastructure")] == "–"
    assert shown[t("classification_page.metric.gold")] == "–"
    infos = [i.value for i in app.info]
    assert t("classification_page.measures.none", date="2025-12-31") in infos
    assert len(chart_traces(app)) == 1


def test_municipality_without_systems_shows_a_calm_message(sample_db_path, open_app):
    app = open_page(open_app, sample_db_path, ar=2025, kommun="Kungsör")
    assert [i.value for i in app.info] == [t("classification_page.no_data", scope="Kungsör")]
    assert not app.metric and not chart_traces(app) and not app.dataframe


def test_a_year_with_a_single_classification_in_english(sample_db_path, open_app):
    app = open_page(open_app, sample_db_path, ar=2023, lang="en")
    infos = [i.value for i in app.info]
    assert infos[0] == ("No system has a classification past its review as of 2023-12-31 "
                        "(0 at the end of 2022).")
    assert list(app.dataframe[0].value["System"]) == ["System EKO"]   # classified 2023-03-01
    assert app.subheader[0].value == "Share of systems with a current classification"
    assert "procentenheter" not in texts(app) and "percentage points" in texts(app)
