"""Frozen years: the report of a frozen year stays as the board got it after the data is
corrected; a later year compares with the frozen figures and says so; versions are kept."""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest

from lagesbild.data import db
from lagesbild.report import frozen
from lagesbild import report
from lagesbild.report import model


@pytest.fixture
def demo_con(demo_copy):
    con = db.connect(demo_copy)
    yield con
    con.close()


@pytest.fixture(scope="module")
def frozen_template(demo_db_path, tmp_path_factory):
    """The demo database with 2025 frozen once by it-chef@vmkf.se (freezing takes seconds)."""
    path = tmp_path_factory.mktemp("frozen") / "frozen.duckdb"
    shutil.copy(demo_db_path, path)
    con = db.connect(path)
    frozen.freeze(con, 2025, frozen_by="it-chef@vmkf.se", note="DIR 2026-02-10 § 12")
    con.close()
    return path


@pytest.fixture
def frozen_con(frozen_template, tmp_path):
    """A copy of the demo database with 2025 frozen, to correct data in."""
    path = tmp_path / "frozen.duckdb"
    shutil.copy(frozen_template, path)
    con = db.connect(path)
    yield con
    con.close()


def fetcher(con):
    return lambda name, **params: db.query(con, name, **params)


def report_texts(con, year: int, **options) -> list[str]:
    return list(report.yearly_report(fetcher(con), year, None, "sv", **options).texts())


def correct_2025(con) -> None:
    """A correction after the board got the report: every 2025 incident becomes critical and
    one high risk gets an action owner."""
    con.execute("UPDATE incidents SET severity = 4 WHERE year(reported_at) = 2025")
    con.execute("DELETE FROM incidents WHERE incident_id IN "
                "(SELECT incident_id FROM incidents WHERE year(reported_at) = 2025 LIMIT 30)")


def test_frozen_report_is_identical_after_the_data_is_corrected(frozen_con):
    before = report_texts(frozen_con, 2025)
    before_public = report_texts(frozen_con, 2025, public=True)
    correct_2025(frozen_con)
    assert report_texts(frozen_con, 2025) == before
    assert report_texts(frozen_con, 2025, public=True) == before_public
    # The live figures did change, so the comparison above could fail.
    live = list(model.build(fetcher(frozen_con), 2025, None, "sv").texts())
    assert live != before
    assert any("Fastställd" in text and "it-chef@vmkf.se" in text for text in before)


def test_report_is_identical_after_the_data_is_corrected(frozen_con):
    paper = report.yearly_report(fetcher(frozen_con), 2025, None, "sv")
    correct_2025(frozen_con)
    again = report.yearly_report(fetcher(frozen_con), 2025, None, "sv")
    assert again == paper


def test_every_municipality_is_frozen_too(frozen_con):
    before = list(report.yearly_report(fetcher(frozen_con), 2025, "Köping", "en").texts())
    correct_2025(frozen_con)
    assert list(report.yearly_report(fetcher(frozen_con), 2025, "Köping", "en").texts()) == before


def test_a_later_year_compares_with_the_frozen_figures_and_says_so(frozen_con):
    count_2025 = frozen_con.execute(
        "SELECT count(*) FROM incidents WHERE year(reported_at) = 2025").fetchall()[0][0]
    correct_2025(frozen_con)
    paper = report.yearly_report(fetcher(frozen_con), 2026, None, "sv")
    assert paper.comparison_note.startswith("Jämförelserna med 2025 bygger på den fastställda")
    rows = frozen.report_source(fetcher(frozen_con), 2026).fetch("overview_incidents", year=2026,
                                                               municipality=None)
    assert rows.set_index("year").loc[2025, "incidents"] == count_2025
    live = db.query(frozen_con, "overview_incidents", year=2026, municipality=None)
    assert live.set_index("year").loc[2025, "incidents"] == count_2025 - 30
    # Per-category comparisons take the frozen year's figures as well.
    by_category = frozen.report_source(fetcher(frozen_con), 2026).fetch(
        "incidents_by_category", year=2026, municipality=None)
    assert by_category["previous_incidents"].sum() == count_2025
    # Without a frozen year before it, the report says nothing about it.
    assert report.yearly_report(fetcher(frozen_con), 2024, None, "sv").comparison_note == ""


def test_freezing_again_adds_a_version_and_keeps_the_old_one(demo_con):
    assert frozen.freeze(demo_con, 2025, frozen_by="a@vmkf.se", note="första") == 1
    first = frozen.latest(fetcher(demo_con), 2025)
    correct_2025(demo_con)
    assert frozen.freeze(demo_con, 2025, frozen_by="b@vmkf.se", note="rättad") == 2
    versions = db.query(demo_con, "frozen_year_versions", year=2025)
    assert versions["version"].tolist() == [2, 1]
    assert versions["frozen_by"].tolist() == ["b@vmkf.se", "a@vmkf.se"]
    stored = demo_con.execute("SELECT content_sha256 FROM frozen_years WHERE year = 2025 AND version = 1"
                              ).fetchall()[0][0]
    assert stored == first.content_sha256
    latest = frozen.latest(fetcher(demo_con), 2025)
    assert latest.version == 2 and latest.content_sha256 != first.content_sha256
    # The report follows the newest version: the corrected figures.
    assert "version 2" in report.yearly_report(fetcher(demo_con), 2025, None, "sv").date_line


def test_freezing_is_logged_and_refreshes_cached_figures(demo_con):
    version_before = db.data_version(demo_con)
    frozen.freeze(demo_con, 2025, frozen_by="it-chef@vmkf.se")
    assert db.data_version(demo_con) > version_before
    logged = demo_con.execute(
        "SELECT action, kind, changed_by, file_name, file_sha256 FROM change_log "
        "ORDER BY change_id DESC LIMIT 1").fetchall()[0]
    sha = demo_con.execute("SELECT content_sha256 FROM frozen_years").fetchall()[0][0]
    assert logged == ("freeze", "year", "it-chef@vmkf.se", "2025", sha)


def test_stored_results_come_back_exactly(demo_con):
    recorded = frozen.record(fetcher(demo_con), 2025)
    assert len(recorded) > 50
    restored = frozen.decode(frozen.encode(recorded))
    assert restored.keys() == recorded.keys()
    for key, frame in recorded.items():
        pd.testing.assert_frame_equal(restored[key], frame, check_exact=True)


def test_a_snapshot_missing_a_figure_refuses_rather_than_mixing(frozen_con):
    snapshot = frozen.latest(fetcher(frozen_con), 2025)
    partial = frozen.FrozenYear(2025, 1, dt.datetime(2026, 2, 10), "x", snapshot.content_sha256,
                                {k: v for k, v in snapshot.results.items() if "incidents_by_month" not in k})
    fetch = frozen.FrozenFetch(fetcher(frozen_con), {2025: partial}, 2025)
    with pytest.raises(db.LagesbildError, match="saknar uppgifter"):
        model.build(fetch, 2025, None, "sv")


def test_frozen_years_cannot_be_changed_in_place(frozen_con):
    with pytest.raises(Exception):
        # The key is (year, version): a second version 1 is refused.
        frozen_con.execute("INSERT INTO frozen_years SELECT * FROM frozen_years")
