"""The Incidenter page through Streamlit's AppTest: the figures, chart values and table rows
shown equal counts made independently over the same database (straight from the incidents
table, not through queries/), for several selections and both languages."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from dataclasses import dataclass

import duckdb
import numpy as np
import pytest
from pagetest import charts, page_opener, text_before_each_chart
from sample_rows import add_detailed_incident, add_sample_data

from lagesbild.data import db
from lagesbild import demo
from lagesbild.areas import incidents
from lagesbild.data.contracts import CAUSES, INCIDENT_CATEGORIES, MUNICIPALITIES, SEVERITIES
from lagesbild.formatting import fmt_decimal, fmt_int
from lagesbild.i18n import label, t

PAGE = "app_pages/incidenter.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)

# Incidents beyond the shared sample, so every part of the page has something to show:
# (id, reported, resolved, municipality, category, cause, severity, breach, significant,
#  reported to the authority).
PAGE_INCIDENTS = [
    ("P-01", "2025-01-10 08:00", "2025-01-10 12:00", "Köping", "Intrång", "Angrepp", 3,
     False, True, "2025-01-11 08:00"),                       # significant, exactly 24 h
    ("P-02", "2025-02-10 08:00", "2025-02-12 08:00", "Köping", "Informationssäkerhet",
     "Handhavandefel", 2, True, False, "2025-02-13 09:00"),  # breach, 73 h: late
    ("P-03", "2025-03-10 08:00", "2025-03-10 09:30", "Arboga", "Informationssäkerhet",
     "Handhavandefel", 2, True, False, None),                # breach, never reported
    ("P-04", "2025-04-10 08:00", "2025-04-11 08:00", "Gemensam", "Tillgänglighet",
     "Störning i driftmiljön", 4, False, False, None),
    ("P-05", "2025-05-10 08:00", "2025-05-10 20:00", "Gemensam", "Tillgänglighet",
     "Fel i mjuk- eller hårdvara", 3, True, True, "2025-05-11 07:00"),   # both, 23 h
    ("P-06", "2025-11-20 08:00", None, "Arboga", "Sårbarhet", "Okänd", 2, False, False, None),
    ("P-07", "2025-12-28 08:00", "2026-01-03 08:00", "Surahammar", "Bedrägeri", "Angrepp", 1,
     False, False, None),                                    # open at the end of 2025
    ("P-08", "2024-06-10 08:00", "2024-06-10 18:00", "Köping", "Intrång", "Angrepp", 3,
     True, False, "2024-06-11 08:00"),                       # breach, 24 h: in time
    ("P-09", "2024-08-10 08:00", "2024-08-13 08:00", "Arboga", "Bedrägeri", "Handhavandefel", 4,
     False, False, None),
    ("P-10", "2024-12-31 20:00", "2025-01-02 08:00", "Gemensam", "Övrigt", "Okänd", 1,
     False, False, None),                                    # open at the end of 2024
]


@pytest.fixture(scope="module")
def page_db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("incidents") / "incidents.duckdb"
    con = db.connect(path)
    add_sample_data(con)
    for (incident_id, reported, resolved, municipality, category, cause, severity, breach,
         significant, reported_to_authority) in PAGE_INCIDENTS:
        add_detailed_incident(con, incident_id, reported, resolved_at=resolved,
                              municipality=municipality, category=category, cause=cause,
                              severity=severity, personal_data_breach=breach,
                              significant=significant, reported_to_authority_at=reported_to_authority,
                              title=f"Rubrik {incident_id}")
    con.close()
    return path


# --- Independent counts, straight from the incidents table ---------------------------------------

@dataclass
class Row:
    incident_id: str
    reported_at: dt.datetime
    resolved_at: dt.datetime | None
    municipality: str
    category: str
    cause: str
    severity: int
    breach: bool
    significant: bool
    reported_to_authority_at: dt.datetime | None


def raw_rows(path, municipality) -> list[Row]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = con.execute(
            "SELECT incident_id, reported_at, resolved_at, municipality, category, cause, severity, "
            "personal_data_breach, significant, reported_to_authority_at FROM incidents").fetchall()
    finally:
        con.close()
    return [Row(*r) for r in found if municipality is None or r[3] == municipality]


def as_of(year: int) -> dt.datetime:
    """The end of the year's reference date, or now while the year is running."""
    return min(dt.datetime(year + 1, 1, 1), dt.datetime.now())


def open_buckets(rows, year) -> list[int]:
    moment = as_of(year)
    counts = Counter()
    for r in rows:
        if r.reported_at < moment and (r.resolved_at is None or r.resolved_at >= moment):
            days = math.floor((moment - r.reported_at).total_seconds() / 86400)
            counts[0 if days < 1 else 1 if days <= 7 else 2 if days <= 30 else 3] += 1
    return [counts[i] for i in range(4)]


def reporting_outcome(r: Row) -> tuple[str, float | None]:
    deadline = 24 if r.significant else 72
    if r.reported_to_authority_at is not None:
        hours = (r.reported_to_authority_at - r.reported_at).total_seconds() / 3600
        return ("on_time" if hours <= deadline else "late"), hours
    if r.reported_at + dt.timedelta(hours=deadline) <= dt.datetime.now():
        return "not_reported", None
    return "pending", None


def expected(path, year, municipality, lang):
    rows = raw_rows(path, municipality)
    now = [r for r in rows if r.reported_at.year == year]
    before = [r for r in rows if r.reported_at.year == year - 1]
    result = {"rows": now}
    result["metrics"] = [fmt_int(len(now), lang), fmt_int(sum(r.severity >= 3 for r in now), lang),
                         fmt_int(sum(r.breach for r in now), lang),
                         fmt_int(sum(open_buckets(rows, year)), lang)]
    result["by_month"] = {
        label(SEVERITIES, s, lang): [sum(r.severity == s and r.reported_at.month == m for r in now)
                                     for m in range(1, 13)] for s in SEVERITIES.values}
    result["previous_by_month"] = [sum(r.reported_at.month == m for r in before) for m in range(1, 13)]
    for name, vocabulary in (("category", INCIDENT_CATEGORIES), ("cause", CAUSES)):
        current = Counter(getattr(r, name) for r in now)
        previous = Counter(getattr(r, name) for r in before)
        result[name] = {label(vocabulary, value, lang): (current[value], previous[value])
                        for value in current | previous}
    current = Counter(r.municipality for r in now)
    previous = Counter(r.municipality for r in before)
    result["municipality"] = {label(MUNICIPALITIES, m, lang): (current[m], previous[m])
                              for m in MUNICIPALITIES.values}
    result["open"] = (open_buckets(rows, year), open_buckets(rows, year - 1))
    reported = sorted((r for r in now if r.breach or r.significant),
                      key=lambda r: (r.reported_at, r.incident_id))
    result["reporting"] = [(r, *reporting_outcome(r)) for r in reported]
    result["resolution"] = {}
    for s in SEVERITIES.values:
        for y, group in ((year, now), (year - 1, before)):
            hours = [(r.resolved_at - r.reported_at).total_seconds() / 3600
                     for r in group if r.severity == s and r.resolved_at is not None]
            if hours:
                result["resolution"][(y, s)] = (len(hours), np.percentile(hours, 50),
                                                np.percentile(hours, 90))
    return result


# --- Tests ---------------------------------------------------------------------------------------------

def traces_by_name(traces, value_axis="y"):
    category_axis = "x" if value_axis == "y" else "y"
    return {trace["name"]: dict(zip(trace[category_axis], trace[value_axis])) for trace in traces}


@pytest.mark.parametrize("year, municipality, lang", [
    (2025, None, "sv"), (2024, None, "en"), (2025, "Köping", "sv"), (2025, "Gemensam", "en"),
])
def test_shown_figures_equal_independent_counts(page_db_path, open_app, year, municipality, lang):
    want = expected(page_db_path, year, municipality, lang)
    params = {"ar": year, "lang": lang} | ({"kommun": municipality} if municipality else {})
    app = open_page(open_app, page_db_path, **params)
    scope = label(MUNICIPALITIES, municipality, lang) if municipality else t("filters.all_municipalities", lang)
    assert app.title[0].value == t("incidents_page.heading", lang, year=year, scope=scope)
    assert [m.value for m in app.metric] == want["metrics"]
    shown = charts(app)

    by_month = {trace["name"]: trace["y"] for trace in shown["by_month"]}
    assert {name: by_month[name] for name in want["by_month"]} == want["by_month"]
    previous_line = t("incidents_page.month.previous_total", lang, year=year - 1)
    if any(want["previous_by_month"]):
        assert by_month[previous_line] == want["previous_by_month"]

    for name in ("category", "cause"):
        traces = traces_by_name(shown[f"by_{name}"], value_axis="x")
        assert {key: (traces[str(year)][key], traces[str(year - 1)][key])
                for key in traces[str(year)]} == want[name]
        # Most common first.
        assert shown[f"by_{name}"][1]["x"][0] == max(now for now, _ in want[name].values())

    if municipality is None:
        traces = traces_by_name(shown["by_municipality"])
        assert {key: (traces[str(year)][key], traces[str(year - 1)][key])
                for key in traces[str(year)]} == want["municipality"]
    else:
        assert "by_municipality" not in shown

    current_open, previous_open = want["open"]
    if any(current_open) or any(previous_open):
        assert [trace["y"] for trace in shown["open_by_age"]] == [previous_open, current_open]

    reported = want["reporting"]
    table = app.dataframe[-1].value if reported else None
    if reported:
        outcome_counts = Counter(outcome for _, outcome, _ in reported)
        shown_counts = Counter()
        for trace in shown["reporting"]:
            shown_counts[trace["name"]] += sum(trace["x"])
        assert shown_counts == {t(f"incidents_page.reporting.outcome.{o}", lang): n
                                for o, n in outcome_counts.items()}
        ids = t("incidents_page.reporting.col.id", lang)
        hours = t("incidents_page.reporting.col.hours", lang)
        assert list(table[ids]) == [r.incident_id for r, _, _ in reported]
        assert list(table[hours]) == [fmt_decimal(h, lang, 1) for _, _, h in reported]
    else:
        assert "reporting" not in shown

    resolution = app.dataframe[0].value
    severity_column = t("incidents_page.resolution.col.severity", lang)
    for _, row in resolution.iterrows():
        severity = int(row[severity_column].split()[0])
        for y in (year, year - 1):
            if (y, severity) in want["resolution"]:
                _, median, p90 = want["resolution"][(y, severity)]
                assert row[t("incidents_page.resolution.col.median", lang, year=y)] == fmt_decimal(
                    median, lang, 1)
                assert row[t("incidents_page.resolution.col.p90", lang, year=y)] == fmt_decimal(
                    p90, lang, 1)
    assert len(resolution) == len({s for _, s in want["resolution"]})


def test_every_chart_has_its_sentence_above_it(page_db_path, open_app):
    con = db.connect(page_db_path, read_only=True)
    try:
        view = incidents.build(functools.partial(db.query, con), 2025, None, "sv")
    finally:
        con.close()
    app = open_page(open_app, page_db_path, ar=2025)
    sections = {s.key: s for s in (view.by_month, view.by_category, view.by_cause,
                                   view.by_municipality, view.open_by_age, view.reporting)}
    assert text_before_each_chart(app) == {key: s.sentence for key, s in sections.items()}
    assert [s.value for s in app.subheader] == [
        "Incidenter per månad", "Per kategori", "Per orsak", "Per kommun", "Tid till åtgärd",
        "Öppna incidenter", "Rapportering till myndighet"]
    # A status word goes with every status colour.
    shown = " ".join(m.value for m in app.markdown)
    assert "Åtgärda" in shown   # reporting: an incident was never reported


def test_empty_selection_shows_a_calm_message(page_db_path, open_app):
    app = open_page(open_app, page_db_path, ar=2025, kommun="Kungsör")
    assert [i.value for i in app.info] == ["Inga incidenter för Kungsör 2025."]
    assert not app.get("plotly_chart") and not app.metric and not app.dataframe


def test_english_page_has_no_swedish_labels(page_db_path, open_app):
    app = open_page(open_app, page_db_path, ar=2025, lang="en")
    assert app.title[0].value == "Incidents 2025 · All municipalities"
    shown = charts(app)
    assert {trace["name"] for trace in shown["by_month"]} == {"Low", "Medium", "High", "Critical",
                                                              "2024 in total"}
    assert "Availability" in shown["by_category"][1]["y"]
    text = " ".join(m.value for m in app.markdown) + " ".join(s.value for s in app.subheader)
    for swedish in ("anmäldes", "Allvarliga", "Öppna", "timmar", "Åtgärda"):
        assert swedish not in text


@pytest.mark.parametrize("year, municipality", [(DEMO_YEAR, None), (DEMO_YEAR + 1, "Arboga")])
def test_demo_figures_equal_independent_counts(demo_copy, open_app, year, municipality):
    want = expected(demo_copy, year, municipality, "sv")
    app = open_page(open_app, demo_copy, ar=year, **({"kommun": municipality} if municipality else {}))
    assert [m.value for m in app.metric] == want["metrics"]
    shown = charts(app)
    by_month = {trace["name"]: trace["y"] for trace in shown["by_month"]}
    assert {name: by_month[name] for name in want["by_month"]} == want["by_month"]
    ids = list(app.dataframe[-1].value[t("incidents_page.reporting.col.id")])
    assert ids == [r.incident_id for r, _, _ in want["reporting"]]
    assert set(charts(app)) >= {"by_month", "by_category", "by_cause", "reporting"}
