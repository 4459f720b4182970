"""The Revisionens rekommendationer queries on a handful of rows made for the purpose.
The reference date of 2025 is 2025-12-31."""

import datetime as dt

import pandas as pd

from lagesbild.data import db
from sample_rows import add_followup, add_row

YEAR = 2025


def recommend(con, rec_id, due_date=None, owner="IT-chef"):
    add_row(con, "recommendations", rec_id=rec_id, audit="Granskning 2021", text=f"Gör {rec_id}",
            owner=owner, due_date=due_date)


def status(con, year=YEAR) -> dict[str, dict]:
    return {row["rec_id"]: row
            for row in db.query(con, "recommendations_status", year=year).to_dict("records")}


def by_year(con, query, year=YEAR) -> dict[int, dict]:
    return {int(row["year"]): row for row in db.query(con, query, year=year).to_dict("records")}


def latest(row):
    return None if pd.isna(row["latest_status"]) else row["latest_status"]


def test_latest_status_at_the_reference_date(con):
    recommend(con, "1")
    recommend(con, "2")
    recommend(con, "3")
    add_followup(con, "1", "2023-12-06", "Nej")
    add_followup(con, "1", "2025-12-31", "Delvis")       # on the reference date: counts
    add_followup(con, "2", "2024-05-01", "Delvis")
    add_followup(con, "2", "2026-01-01", "Ja")           # after it: does not
    rows = status(con)
    assert {key: latest(row) for key, row in rows.items()} == {"1": "Delvis", "2": "Delvis", "3": None}
    assert rows["1"]["latest_assessed_on"].date() == dt.date(2025, 12, 31)
    assert pd.isna(rows["3"]["latest_assessed_on"])
    assert latest(status(con, year=2026)["2"]) == "Ja"
    assert latest(status(con, year=2023)["1"]) == "Nej"


def test_overdue_when_the_due_date_has_passed_and_not_fully_met(con):
    recommend(con, "PASSED-DELVIS", due_date="2025-06-30")
    recommend(con, "PASSED-JA", due_date="2024-12-31")
    recommend(con, "PASSED-UNASSESSED", due_date="2025-12-30")
    recommend(con, "DUE-ON-DATE", due_date="2025-12-31")   # not yet passed
    recommend(con, "NO-DUE-DATE")
    add_followup(con, "PASSED-DELVIS", "2025-09-01", "Delvis")
    add_followup(con, "PASSED-JA", "2025-09-01", "Ja")
    add_followup(con, "DUE-ON-DATE", "2025-09-01", "Nej")
    add_followup(con, "NO-DUE-DATE", "2025-09-01", "Nej")
    overdue = {key: bool(row["overdue"]) for key, row in status(con).items()}
    assert overdue == {"PASSED-DELVIS": True, "PASSED-JA": False, "PASSED-UNASSESSED": True,
                       "DUE-ON-DATE": False, "NO-DUE-DATE": False}
    assert status(con, year=2026)["DUE-ON-DATE"]["overdue"]
    assert not status(con, year=2024)["PASSED-DELVIS"]["overdue"]   # not due yet in 2024


def test_status_counts_agree_with_the_overview(con):
    for rec_id in "12345":
        recommend(con, rec_id)
    add_followup(con, "1", "2023-12-06", "Delvis")
    add_followup(con, "1", "2025-11-20", "Ja")
    add_followup(con, "2", "2023-12-06", "Nej")
    add_followup(con, "3", "2024-06-01", "Ja")
    add_followup(con, "4", "2025-02-01", "Delvis")
    for year in (2023, 2024, 2025):
        expected = by_year(con, "overview_recommendations", year)[year]
        states = [latest(row) for row in status(con, year).values()]
        assert len(states) == expected["recommendations"]
        assert (states.count("Ja"), states.count("Delvis"), states.count("Nej"), states.count(None)) == (
            expected["done"], expected["partly"], expected["not_done"], expected["not_assessed"])


def test_status_by_year_runs_from_the_first_follow_up_and_equals_the_overview(con):
    for rec_id in "1234":
        recommend(con, rec_id)
    add_followup(con, "1", "2022-12-06", "Delvis")
    add_followup(con, "1", "2024-11-20", "Ja")
    add_followup(con, "2", "2023-12-06", "Nej")
    add_followup(con, "3", "2025-06-01", "Ja")
    rows = by_year(con, "recommendations_status_by_year")
    assert list(rows) == [2022, 2023, 2024, 2025]
    assert [rows[y]["done"] for y in rows] == [0, 0, 1, 2]
    assert rows[2025]["done_pct"] == 50.0
    assert (rows[2022]["partly"], rows[2022]["not_assessed"]) == (1, 3)
    for year in rows:
        overview = by_year(con, "overview_recommendations", year)[year]
        assert {key: rows[year][key] for key in ("recommendations", "done", "partly", "not_done",
                                                 "not_assessed")} == {
            key: overview[key] for key in ("recommendations", "done", "partly", "not_done",
                                           "not_assessed")}


def test_status_by_year_always_has_the_year_before(con):
    recommend(con, "1")
    assert list(by_year(con, "recommendations_status_by_year")) == [2024, 2025]   # no follow-ups
    add_followup(con, "1", "2025-03-01", "Ja")
    rows = by_year(con, "recommendations_status_by_year")
    assert list(rows) == [2024, 2025]
    assert (rows[2024]["not_assessed"], rows[2025]["done_pct"]) == (1, 100.0)


def test_empty_year_has_no_recommendations_and_no_share(con):
    assert status(con) == {}
    rows = by_year(con, "recommendations_status_by_year")
    assert rows[YEAR]["recommendations"] == 0 and pd.isna(rows[YEAR]["done_pct"])
    assert db.query(con, "recommendations_followups", year=YEAR).empty


def test_followups_up_to_the_reference_date_oldest_first(con):
    recommend(con, "1")
    recommend(con, "2")
    add_followup(con, "2", "2025-09-23", "Delvis")
    add_followup(con, "1", "2023-12-06", "Nej")
    add_followup(con, "1", "2025-09-23", "Ja")
    add_followup(con, "1", "2026-02-01", "Ja")
    frame = db.query(con, "recommendations_followups", year=YEAR)
    assert list(zip(frame["rec_id"], frame["assessed_on"].dt.date, frame["status"])) == [
        ("1", dt.date(2023, 12, 6), "Nej"), ("1", dt.date(2025, 9, 23), "Ja"),
        ("2", dt.date(2025, 9, 23), "Delvis")]
