"""The risk register's queries (risks_current, risks_matrix), each checked on rows inserted
for the purpose. The reference date of 2025 is 2025-12-31, of 2024 2024-12-31."""

import datetime as dt
import math

import pandas as pd
import pytest

from lagesbild.data import db
from sample_rows import add_risk_assessment, add_sample_data, add_system


def state(con, year=2025) -> dict[str, dict]:
    frame = db.query(con, "risks_current", year=year)
    return {row["risk_id"]: row for row in frame.to_dict("records")}


def is_null(value):
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def day(value) -> dt.date:
    return value.date() if hasattr(value, "date") else value


def test_state_is_the_newest_assessment_on_or_before_the_reference_date(con):
    add_risk_assessment(con, "R1", "2024-03-01", 4, 4)
    add_risk_assessment(con, "R1", "2025-04-01", 2, 4)
    add_risk_assessment(con, "R1", "2026-02-01", 1, 1)     # after the reference date
    add_risk_assessment(con, "R2", "2026-01-01", 3, 3)     # not yet assessed in 2025
    add_risk_assessment(con, "R3", "2025-12-31", 1, 3)     # on the reference date

    rows = state(con)
    assert set(rows) == {"R1", "R3"}
    assert (rows["R1"]["likelihood"], rows["R1"]["consequence"], rows["R1"]["score"]) == (2, 4, 8)
    assert day(rows["R1"]["assessed_on"]) == dt.date(2025, 4, 1)
    assert day(rows["R1"]["reference_date"]) == dt.date(2025, 12, 31)
    assert rows["R3"]["score"] == 3


def test_previous_assessment_and_state_a_year_earlier(con):
    add_risk_assessment(con, "R1", "2024-02-01", 2, 2)
    add_risk_assessment(con, "R1", "2024-09-01", 3, 3)
    add_risk_assessment(con, "R1", "2025-03-01", 3, 4)
    add_risk_assessment(con, "R1", "2025-09-01", 2, 3)
    add_risk_assessment(con, "R2", "2025-05-01", 2, 2)     # new this year, assessed once
    add_risk_assessment(con, "R3", "2024-05-01", 3, 3)     # assessed once, last year
    add_risk_assessment(con, "R4", "2024-01-10", 2, 4)
    add_risk_assessment(con, "R4", "2024-11-01", 2, 4, status="Stängd")
    add_risk_assessment(con, "R4", "2025-06-01", 3, 4)     # reopened

    rows = state(con)
    r1 = rows["R1"]
    assert (r1["score"], r1["previous_score"], r1["last_year_score"]) == (6, 12, 9)
    assert (r1["band"], r1["previous_band"], r1["last_year_band"]) == ("Medelhög", "Hög", "Hög")
    assert day(r1["previous_assessed_on"]) == dt.date(2025, 3, 1)
    assert r1["last_year_status"] == "Aktiv"

    r2 = rows["R2"]
    assert all(is_null(r2[c]) for c in ("previous_score", "previous_band", "previous_assessed_on",
                                         "last_year_score", "last_year_band", "last_year_status"))
    r3 = rows["R3"]
    assert is_null(r3["previous_score"]) and r3["last_year_score"] == 9
    r4 = rows["R4"]
    assert (r4["status"], r4["previous_score"], r4["last_year_score"], r4["last_year_status"]) == (
        "Aktiv", 8, 8, "Stängd")


def test_bands_come_from_the_schema_macro(con):
    cases = {"A": (1, 2), "B": (1, 3), "C": (2, 3), "D": (2, 4), "E": (3, 4), "F": (4, 4), "G": (1, 1)}
    for risk_id, (likelihood, consequence) in cases.items():
        add_risk_assessment(con, risk_id, "2025-05-01", likelihood, consequence,
                            residual_likelihood=1 if risk_id != "G" else None,
                            residual_consequence=1 if risk_id != "G" else None)
    rows = state(con)
    assert {r: rows[r]["band"] for r in cases} == {
        "A": "Låg", "B": "Medelhög", "C": "Medelhög", "D": "Hög", "E": "Hög", "F": "Extremt hög", "G": "Låg"}
    for row in rows.values():
        macro = con.execute("SELECT risk_band(?)", [row["score"]]).fetchall()[0][0]
        assert row["band"] == macro
    assert (rows["F"]["residual_score"], rows["F"]["residual_band"]) == (1, "Låg")
    # No residual assessment is no residual band, not the lowest one.
    assert is_null(rows["G"]["residual_score"]) and is_null(rows["G"]["residual_band"])


def test_risk_matrix_cells_carry_the_macro_bands(con):
    cells = db.query(con, "risks_matrix").to_dict("records")
    assert len(cells) == 16
    for cell in cells:
        assert cell["score"] == cell["likelihood"] * cell["consequence"]
        assert cell["band"] == con.execute("SELECT risk_band(?)", [cell["score"]]).fetchall()[0][0]
    assert {c["band"] for c in cells if c["likelihood"] == 4 and c["consequence"] == 4} == {"Extremt hög"}


def test_action_overdue_when_due_before_the_reference_date_and_not_done(con):
    action = {"action": "Gör något", "action_owner": "IT-chef"}
    add_risk_assessment(con, "A", "2025-05-01", 2, 2, due_date="2025-12-30", action_status="Pågår", **action)
    add_risk_assessment(con, "B", "2025-05-01", 2, 2, due_date="2025-12-31", action_status="Pågår", **action)
    add_risk_assessment(con, "C", "2025-05-01", 2, 2, due_date="2025-01-01", action_status="Klar", **action)
    add_risk_assessment(con, "D", "2025-05-01", 2, 2, due_date="2025-01-01", **action)   # no status
    add_risk_assessment(con, "E", "2025-05-01", 2, 2, action_status="Ej påbörjad", **action)  # no date
    add_risk_assessment(con, "F", "2025-05-01", 2, 2, due_date="2025-01-01", action_status="Försenad",
                        status="Stängd", **action)
    rows = state(con)
    assert {r: rows[r]["action_overdue"] for r in rows} == {
        "A": True, "B": False, "C": False, "D": True, "E": False, "F": False}
    assert all(isinstance(rows[r]["action_overdue"], bool) for r in rows)


def test_without_action_owner_for_active_high_risks_only(con):
    add_risk_assessment(con, "A", "2025-05-01", 2, 4)                              # Hög, nobody
    add_risk_assessment(con, "B", "2025-05-01", 2, 4, action_owner="IT-chef")      # Hög, owned
    add_risk_assessment(con, "C", "2025-05-01", 2, 3)                              # Medelhög
    add_risk_assessment(con, "D", "2025-05-01", 4, 4, action_owner=" ")            # Extremt hög, blank
    add_risk_assessment(con, "E", "2025-05-01", 3, 3, status="Stängd")             # closed
    rows = state(con)
    assert {r: rows[r]["without_action_owner"] for r in rows} == {
        "A": True, "B": False, "C": False, "D": True, "E": False}


def test_system_name_and_descriptive_columns(con):
    add_system(con, "SYS-1")
    add_risk_assessment(con, "A", "2025-05-01", 3, 3, system_id="SYS-1", owner="Förbundschef",
                        description="På grund av …", treatment="Reducera", action="Åtgärda",
                        action_owner="IT-chef", due_date="2026-01-31", action_status="Pågår",
                        residual_likelihood=1, residual_consequence=3)
    add_risk_assessment(con, "B", "2025-05-01", 1, 1)
    rows = state(con)
    a = rows["A"]
    assert (a["system_name"], a["owner"], a["treatment"], a["action_owner"], a["action_status"]) == (
        "System SYS-1", "Förbundschef", "Reducera", "IT-chef", "Pågår")
    assert (a["residual_likelihood"], a["residual_consequence"], a["residual_band"]) == (1, 3, "Medelhög")
    assert is_null(rows["B"]["system_name"])


def test_no_rows_before_the_first_assessment(con):
    add_risk_assessment(con, "A", "2025-05-01", 3, 3)
    assert db.query(con, "risks_current", year=2024).empty


def test_running_year_uses_today_as_reference_date(con):
    today = dt.date.today()
    add_risk_assessment(con, "A", today, 2, 2)
    add_risk_assessment(con, "B", today + dt.timedelta(days=1), 2, 2)
    rows = state(con, today.year)
    assert set(rows) == {"A"}
    assert day(rows["A"]["reference_date"]) == today


def counts(frame):
    active = frame[frame["status"] == "Aktiv"]
    return (len(active), int((active["band"] == "Hög").sum()), int((active["band"] == "Extremt hög").sum()))


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_counts_equal_the_overview_on_sample_data(con, year):
    add_sample_data(con)
    overview = db.query(con, "overview_risks", year=year).set_index("year").loc[year]
    assert counts(db.query(con, "risks_current", year=year)) == (
        overview["active"], overview["high"], overview["extreme"])


def test_counts_equal_the_overview_on_demo_data(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    try:
        for year in range(2022, dt.date.today().year + 1):
            overview = db.query(con, "overview_risks", year=year).set_index("year").loc[year]
            assert counts(db.query(con, "risks_current", year=year)) == (
                overview["active"], overview["high"], overview["extreme"]), year
    finally:
        con.close()


def test_last_analysis_is_the_newest_assessment_a_risk_analysis_made(con):
    con.execute("INSERT INTO analyses VALUES "
                "('A1', 'Första', 'Allt', DATE '2024-01-10', DATE '2024-02-01', 'IT-chef', 'MSB'), "
                "('A2', 'Andra', 'Allt', DATE '2026-01-10', DATE '2026-02-01', 'IT-chef', 'MSB')")
    add_risk_assessment(con, "R1", "2024-02-01", 3, 3, analysis_id="A1")
    add_risk_assessment(con, "R1", "2025-03-01", 2, 3)                      # a single re-assessment
    add_risk_assessment(con, "R1", "2026-02-01", 1, 3, analysis_id="A2")    # after the reference date
    add_risk_assessment(con, "R2", "2025-04-01", 2, 2)
    rows = state(con)
    r1 = rows["R1"]
    assert (r1["last_analysis_id"], r1["last_analysis_title"], day(r1["last_analysis_assessed_on"])) == (
        "A1", "Första", dt.date(2024, 2, 1))
    assert is_null(r1["analysis_id"]) and (r1["score"], r1["previous_score"]) == (6, 9)
    assert all(is_null(rows["R2"][c]) for c in ("last_analysis_id", "last_analysis_title",
                                                 "last_analysis_assessed_on"))
    assert state(con, 2026)["R1"]["last_analysis_id"] == "A2"


def test_risk_state_macro_is_the_newest_assessment_on_every_day(demo_db_path):
    # Every day an assessment was made, the day before it, and each year's end.
    con = db.connect(demo_db_path, read_only=True)
    try:
        assessments = con.execute("SELECT risk_id, assessed_on, likelihood * consequence FROM risks").fetchall()
        days = ({assessed_on for _, assessed_on, _ in assessments}
                | {assessed_on - dt.timedelta(days=1) for _, assessed_on, _ in assessments}
                | {dt.date(year, 12, 31) for year in range(2022, 2027)})
        for on in sorted(days):
            newest = {}
            for risk_id, assessed_on, score in sorted(assessments, key=lambda a: a[1]):
                if assessed_on <= on:
                    newest[risk_id] = (assessed_on, score)
            found = con.execute("SELECT risk_id, assessed_on, score FROM risks_at(?)", [on]).fetchall()
            assert {risk_id: (assessed_on, score) for risk_id, assessed_on, score in found} == newest, on
            assert len(found) == len(newest), on
    finally:
        con.close()


def test_a_schema_7_database_keeps_each_risk_state_when_upgraded(database_at_schema):
    path, con = database_at_schema(7)
    add_risk_assessment(con, "R1", "2024-02-01", 2, 2)
    add_risk_assessment(con, "R1", "2025-03-01", 3, 4, status="Stängd")
    add_risk_assessment(con, "R2", "2025-12-31", 1, 3)
    add_risk_assessment(con, "R3", "2026-01-01", 4, 4)
    query = "SELECT * FROM risks_at(DATE '2025-12-31') ORDER BY risk_id"
    before = con.execute(query).fetchall()
    con.close()
    con = db.connect(path)
    try:
        assert db.schema_version(con) == db.latest_version() >= 8
        assert con.execute(query).fetchall() == before
        assert [(row[0], str(row[6]), row[-1]) for row in before] == [("R1", "2025-03-01", 12),
                                                                       ("R2", "2025-12-31", 3)]
    finally:
        con.close()
