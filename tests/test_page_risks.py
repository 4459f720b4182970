"""The Risker page through Streamlit's AppTest: what the heat maps, tables and headline figures
show equals readings made independently over the same database (tests/registers.py)."""

from __future__ import annotations

import json
from collections import defaultdict

import duckdb
import pytest
from pagetest import assert_clean, chart_traces

from lagesbild.data import db
from lagesbild import demo
from lagesbild.i18n import t
from registers import months_back, reference_date, risk_states
from sample_rows import add_incident, add_risk_assessment, add_system

PAGE = "app_pages/risker.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
HIGH = 8      # MSB: level 8–12 is Hög, 16 Extremt hög


def open_risks(open_app, path, **params):
    app = open_app(path, **params)
    return app.switch_page(PAGE).run()


def readings(path, year):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return risk_states(con, year), risk_states(con, year - 1)
    finally:
        con.close()


def heat_map_cells(app) -> list[dict[tuple[int, int], set[str]]]:
    """Per heat map: (likelihood, consequence) -> the ids drawn in that cell."""
    maps = []
    for traces in chart_traces(app):
        ids = next(trace for trace in traces if trace.get("mode") == "text")
        cells = defaultdict(set)
        for x, y, text in zip(ids["x"], ids["y"], ids["text"]):
            cells[(round(y), round(x))].add(text)
        maps.append(dict(cells))
    return maps


def expected_cells(states, *, residual=False) -> dict[tuple[int, int], set[str]]:
    cells = defaultdict(set)
    for risk_id, row in states.items():
        if row["status"] != "Aktiv":
            continue
        if residual:
            if row["residual_likelihood"] is None:
                continue
            cells[(row["residual_likelihood"], row["residual_consequence"])].add(risk_id)
        else:
            cells[(row["likelihood"], row["consequence"])].add(risk_id)
    return dict(cells)


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def expected_metrics(states) -> dict[str, str]:
    active = [r for r in states.values() if r["status"] == "Aktiv"]
    scores = [r["likelihood"] * r["consequence"] for r in active]
    return {t("risk_page.metric.active"): str(len(active)),
            t("risk_page.metric.high"): str(sum(HIGH <= s < 16 for s in scores)),
            t("risk_page.metric.extreme"): str(sum(s == 16 for s in scores))}


def column(key: str, lang: str = "sv", **values) -> str:
    return t(f"risk_page.column.{key}", lang, **values)


# Each of the page's tables by its columns.
TOP = ("risk", "level", "owner", "treatment", "action", "action_owner", "due_date", "action_status")
MOVEMENT = ("risk", "level", "since_year", "since_previous", "previous_assessed_on", "last_analysis")
WITHOUT_OWNER = ("risk", "level", "owner", "action", "action_status")
OVERDUE = ("risk", "action", "action_owner", "due_date", "days_late", "action_status")
REVIEW = ("risk", "level", "owner", "assessed_on", "next_review", "review_state")
FLAGGED = ("risk", "level", "system", "threat", "assessed_on", "incidents", "newest_incident")
ACCEPTED = ("risk", "level", "accepted_by", "acceptance_reason", "accepted_until", "acceptance_state")
ANALYSES = ("analysis", "scope", "started_on", "finished_on", "participants", "risks_assessed")
INFRASTRUCTURE = ("risk", "system", "level", "residual", "assessed_on", "action_status")


def table(app, columns: tuple[str, ...], lang: str = "sv", previous_year: int = DEMO_YEAR - 1):
    """The table with these columns, or None when the page shows no such table."""
    headers = [column(key, lang, previous_year=previous_year) if key == "since_year" else column(key, lang)
               for key in columns]
    found = [element.value for element in app.table if list(element.value.columns) == headers]
    assert len(found) <= 1
    return found[0] if found else None


def risk_ids(frame) -> set[str]:
    return {name.split(" ")[0] for name in frame[column("risk")]}


def overview_counts(path, year) -> dict[str, str]:
    con = db.connect(path, read_only=True)
    try:
        row = db.query(con, "overview_risks", year=year).set_index("year").loc[year]
    finally:
        con.close()
    return {t("risk_page.metric.active"): str(row["active"]), t("risk_page.metric.high"): str(row["high"]),
            t("risk_page.metric.extreme"): str(row["extreme"])}


# --- Heat maps and headline figures ------------------------------------------------------------

@pytest.mark.parametrize("year", [DEMO_YEAR, DEMO_YEAR - 1, 2023])
def test_demo_heat_maps_and_figures_equal_independent_readings(demo_copy, open_app, year):
    states, _ = readings(demo_copy, year)
    overview = overview_counts(demo_copy, year)
    app = open_risks(open_app, demo_copy, ar=year)
    assert_clean(app)
    assert app.title[0].value == f"Risker {year}"
    current, residual = heat_map_cells(app)
    assert current == expected_cells(states)
    assert residual == expected_cells(states, residual=True)
    assert metrics(app) == expected_metrics(states) == overview


@pytest.mark.parametrize("year", [2024, 2025])
def test_sample_heat_maps_and_figures(sample_db_path, open_app, year):
    states, _ = readings(sample_db_path, year)
    overview = overview_counts(sample_db_path, year)
    app = open_risks(open_app, sample_db_path, ar=year)
    assert_clean(app)
    current, residual = heat_map_cells(app)
    assert current == expected_cells(states)
    assert residual == {}                    # the sample has no residual assessments
    assert metrics(app) == expected_metrics(states) == overview


def test_heat_map_cells_are_tinted_by_band_and_named(demo_copy, open_app):
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR)
    traces = chart_traces(app)[0]
    cells = next(trace for trace in traces if trace["type"] == "heatmap")
    # Rows are likelihood 1–4, columns consequence 1–4; values are bands 0–3 (Låg … Extremt hög).
    assert cells["z"][0][0] == 0 and cells["z"][3][3] == 3 and cells["z"][2][2] == 2
    legend = [trace["name"] for trace in traces if trace.get("showlegend", True) and trace["type"] == "scatter"]
    assert legend == ["Låg", "Medelhög", "Hög", "Extremt hög", "Sedan RA-2024-1"]
    ids = next(trace for trace in traces if trace.get("mode") == "text")
    hover = dict(zip(ids["text"], ids["hovertext"]))
    assert "Strömavbrott slår ut serverhallen" in hover["R-05"] and "Riskägare: Förbundschef VMKF" in hover["R-05"]


# --- Movement ---------------------------------------------------------------------------------------

def expected_movement(now: int, before: int | None) -> str:
    if before is None:
        return "ny"
    if now > before:
        return "↑ höjd"
    if now < before:
        return "↓ sänkt"
    return "oförändrad"


def test_movement_since_last_year_and_previous_assessment(demo_copy, open_app):
    year = DEMO_YEAR
    states, last_year = readings(demo_copy, year)
    con = duckdb.connect(str(demo_copy), read_only=True)
    previous = {}
    for risk_id, row in states.items():
        earlier = con.execute("SELECT likelihood * consequence FROM risks WHERE risk_id = ? AND assessed_on < ? "
                              "ORDER BY assessed_on DESC LIMIT 1", [risk_id, row["assessed_on"]]).fetchall()
        previous[risk_id] = earlier[0][0] if earlier else None
    con.close()

    app = open_risks(open_app, demo_copy, ar=year)
    frame = table(app, MOVEMENT)
    shown = {name.split(" ")[0]: (since_year, since_previous) for name, since_year, since_previous
             in zip(frame[column("risk")], frame[column("since_year", previous_year=year - 1)],
                    frame[column("since_previous")])}
    active = {r: row for r, row in states.items() if row["status"] == "Aktiv"}
    assert set(shown) == set(active)
    for risk_id, row in active.items():
        now = row["likelihood"] * row["consequence"]
        before = last_year.get(risk_id)
        before_score = (before["likelihood"] * before["consequence"]
                        if before and before["status"] == "Aktiv" else None)
        assert shown[risk_id][0].startswith(expected_movement(now, before_score)), risk_id
        assert shown[risk_id][1].startswith(expected_movement(now, previous[risk_id])), risk_id
    # A level that moved into another band says so.
    assert shown["R-10"][0] == "↓ sänkt 9 → 6 (Hög → Medelhög)"
    closed = sum(1 for r, row in states.items() if row["status"] == "Stängd"
                 and last_year.get(r, {}).get("status") == "Aktiv")
    assert f"{closed} stängd" in " ".join(m.value for m in app.markdown)


# --- Follow-up lists ---------------------------------------------------------------------------------

def test_follow_up_tables_equal_independent_readings(demo_copy, open_app):
    year = DEMO_YEAR
    reference = reference_date(year)
    states, _ = readings(demo_copy, year)
    active = {r: row for r, row in states.items() if row["status"] == "Aktiv"}
    without_owner = {r for r, row in active.items()
                     if row["likelihood"] * row["consequence"] >= HIGH and not (row["action_owner"] or "").strip()}
    overdue = {r for r, row in active.items()
               if row["due_date"] and row["due_date"] < reference and row["action_status"] != "Klar"}
    # The method's cadence: Hög and above every 6 months, the others every 12; due 30 days ahead.
    next_review = {r: months_back(row["assessed_on"], -(6 if row["likelihood"] * row["consequence"] >= HIGH
                                                        else 12)) for r, row in active.items()}
    review = {r for r, day in next_review.items() if (day - reference).days <= 30}

    infrastructure = {r for r, row in active.items() if row["area"] == "IT-infrastruktur"}

    app = open_risks(open_app, demo_copy, ar=year)
    assert_clean(app)
    for columns, expected in ((WITHOUT_OWNER, without_owner), (OVERDUE, overdue), (REVIEW, review),
                              (INFRASTRUCTURE, infrastructure)):
        frame = table(app, columns)
        assert (risk_ids(frame) if frame is not None else set()) == expected, columns
    # The demo's highest risks lack an owner for their action: the top list marks them.
    top = table(app, TOP)
    missing = {name.split(" ")[0] for name, owner in zip(top[column("risk")], top[column("action_owner")])
               if owner == t("risk_page.missing_owner")}
    assert missing == without_owner & risk_ids(top)


# --- Filters ------------------------------------------------------------------------------------------

def test_area_filter_narrows_everything(demo_copy, open_app):
    states, _ = readings(demo_copy, DEMO_YEAR)
    infrastructure = {r: row for r, row in states.items() if row["area"] == "IT-infrastruktur"}
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR)
    app.multiselect(key="risker_omrade").set_value(["IT-infrastruktur"]).run()
    assert_clean(app)
    current, _ = heat_map_cells(app)
    assert current == expected_cells(infrastructure)
    assert metrics(app) == expected_metrics(infrastructure)
    assert risk_ids(table(app, TOP)) <= set(infrastructure)


def test_owner_filter_and_a_selection_without_risks(demo_copy, open_app):
    states, _ = readings(demo_copy, DEMO_YEAR)
    owner = "Förbundschef VMKF"
    owned = {r: row for r, row in states.items() if row["owner"] == owner}
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR)
    app.multiselect(key="risker_agare").set_value([owner]).run()
    assert_clean(app)
    assert heat_map_cells(app)[0] == expected_cells(owned)
    assert metrics(app) == expected_metrics(owned)
    # None of the Förbundschef's risks concerns the payroll system.
    app.multiselect(key="risker_system").set_value(["SYS-018"]).run()
    assert_clean(app)
    assert [i.value for i in app.info] == [t("risk_page.no_selection")]
    assert not app.get("plotly_chart")


def test_a_choice_that_another_year_does_not_offer_is_dropped(demo_copy, open_app):
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR)
    app.multiselect(key="risker_agare").set_value(["Socialchef Köping"]).run()
    app.sidebar.selectbox(key="ar").set_value(2023).run()
    assert_clean(app)
    assert app.multiselect(key="risker_agare").value == []
    assert len(app.get("plotly_chart")) == 2


# --- Language, scope, empty years -----------------------------------------------------------------------

def test_english(demo_copy, open_app):
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR, lang="en", kommun="Köping")
    assert_clean(app)
    assert app.title[0].value == f"Risks {DEMO_YEAR}"
    assert "the choice Köping in the sidebar does not apply" in app.caption[0].value
    assert set(metrics(app)) == {"Active risks", "High risks", "Extremely high risks"}
    movement = table(app, MOVEMENT, "en")
    words = " ".join(movement[f"Vs {DEMO_YEAR - 1}"])
    assert "↓ lowered" in words and "unchanged" in words and "sänkt" not in words
    assert app.multiselect(key="risker_omrade").label == "Area"


def test_english_axis_labels(demo_copy, open_app):
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR, lang="en")
    layout = json.loads(app.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["yaxis"]["ticktext"] == ["Very low", "Low", "High", "Very high"]
    assert layout["xaxis"]["ticktext"] == ["Negligible", "Moderate", "Significant", "Severe"]


@pytest.mark.parametrize("year", [2022, 2019])
def test_a_year_before_the_register_says_so_calmly(demo_copy, open_app, year):
    app = open_risks(open_app, demo_copy, ar=year)
    assert_clean(app)
    assert [i.value for i in app.info] == [t("risk_page.no_register", date=f"{year}-12-31")]
    assert not app.get("plotly_chart") and not app.table and not app.metric


def test_an_empty_database_year(db_path, open_app):
    con = db.connect(db_path)
    add_system(con, "S1")                      # not empty, so the demo is not loaded
    add_incident(con, "I1", "2023-05-01 10:00")   # the year filter starts in 2023
    add_risk_assessment(con, "R-01", "2025-03-01", 2, 2)
    con.close()
    app = open_risks(open_app, db_path, ar=2024)
    assert_clean(app)
    assert [i.value for i in app.info] == [t("risk_page.no_register", date="2024-12-31")]
    app = open_risks(open_app, db_path, ar=2025)
    assert_clean(app)
    assert heat_map_cells(app)[0] == {(2, 2): {"R-01"}}


# --- The risk method: analyses, movement between them, review, incidents, acceptance -------------------

def previous_analysis_positions(path, year):
    """Where the analysis finished before the latest one (by the reference date) placed each risk."""
    reference = reference_date(year)
    con = duckdb.connect(str(path), read_only=True)
    try:
        finished = con.execute("SELECT analysis_id FROM analyses WHERE finished_on <= ? "
                               "ORDER BY finished_on DESC", [reference]).fetchall()
        if len(finished) < 2:
            return None, {}
        previous = finished[1][0]
        positions = {}
        for risk_id, likelihood, consequence in con.execute(
                "SELECT risk_id, likelihood, consequence FROM risks WHERE analysis_id = ? ORDER BY assessed_on",
                [previous]).fetchall():
            positions[risk_id] = (likelihood, consequence)
        return previous, positions
    finally:
        con.close()


def arrows(app) -> dict[tuple[tuple[int, int], tuple[int, int]], str]:
    """The current map's arrows: (from cell, to cell) -> hover, cells as (likelihood, consequence)."""
    traces = chart_traces(app)[0]
    moves = [trace for trace in traces if trace.get("mode") == "lines+markers"]
    if not moves:
        return {}
    (trace,) = moves
    found = {}
    points = list(zip(trace["x"], trace["y"], trace["hovertext"]))
    for start, end in zip(points[0::3], points[1::3]):
        found[((round(start[1]), round(start[0])), (round(end[1]), round(end[0])))] = start[2]
    return found


def test_the_heat_map_shows_movement_since_the_previous_analysis(demo_copy, open_app):
    states, _ = readings(demo_copy, DEMO_YEAR)
    previous, positions = previous_analysis_positions(demo_copy, DEMO_YEAR)
    assert previous == "RA-2024-1"
    expected = defaultdict(set)
    for risk_id, row in states.items():
        if row["status"] == "Aktiv" and risk_id in positions \
                and positions[risk_id] != (row["likelihood"], row["consequence"]):
            expected[(positions[risk_id], (row["likelihood"], row["consequence"]))].add(risk_id)
    assert expected, "the demo's risks move between its two analyses"
    app = open_risks(open_app, demo_copy, ar=DEMO_YEAR)
    assert_clean(app)
    shown = arrows(app)
    assert set(shown) == set(expected)
    for path, risk_ids in expected.items():
        assert set(shown[path].split(":")[0].split(", ")) == risk_ids
    assert t("risk_page.moves", analysis="RA-2024-1", date="2024-02-20") in [c.value for c in app.caption]
    # The year of the first analysis has nothing to compare with: no arrows.
    assert arrows(open_risks(open_app, demo_copy, ar=2024)) == {}


def test_review_flagged_accepted_and_analyses_tables(demo_copy, open_app):
    year = DEMO_YEAR + 1       # the acceptance in the demo has run out by then
    reference = reference_date(year)
    states, _ = readings(demo_copy, year)
    active = {r: row for r, row in states.items() if row["status"] == "Aktiv"}
    accepted = {r: row for r, row in active.items()
                if row["treatment"] == "Acceptera" and row["likelihood"] * row["consequence"] >= HIGH}
    con = duckdb.connect(str(demo_copy), read_only=True)
    analyses = con.execute("SELECT analysis_id, count(DISTINCT risk_id) FROM risks WHERE analysis_id IS NOT NULL "
                           "AND assessed_on <= ? GROUP BY ALL", [reference]).fetchall()
    con.close()
    app = open_risks(open_app, demo_copy, ar=year)
    assert_clean(app)
    frame = table(app, ACCEPTED)
    assert risk_ids(frame) == set(accepted) == {"R-12"}
    row = frame.iloc[0]
    assert row[column("accepted_by")] == "Förbundsdirektionen 2025-02-12 § 8"
    # Past its end at the reference date: said in words beside the colour.
    assert row[column("accepted_until")] == "2026-06-30 (passerad)"
    assert row[column("acceptance_state")] == t("risk_page.accepted.expired")
    frame = table(app, ANALYSES)
    shown = {name.split(" ")[0]: count for name, count in zip(frame[column("analysis")],
                                                              frame[column("risks_assessed")])}
    assert shown == {analysis_id: str(count) for analysis_id, count in analyses}
    flagged = table(app, FLAGGED)
    assert flagged is not None and len(flagged) > 0
    movement = table(app, MOVEMENT, previous_year=year - 1)
    last = dict(zip((name.split(" ")[0] for name in movement[column("risk")]), movement[column("last_analysis")]))
    assert last["R-01"] == "RA-2025-1 (2025-09-16)" and last["R-25"] == "–"
