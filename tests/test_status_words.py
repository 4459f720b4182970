"""A band's status and its sentence say the same thing for the same reason, on the overview,
the area pages and the report alike (issue: the late IMY report was Åtgärda on Översikt and
Bevaka on Incidenter; Incidenter was red for its total while the reason was small print;
Risker said Bevaka while its own finding said Åtgärda)."""

from __future__ import annotations

import datetime as dt

import pytest
from sample_rows import add_detailed_incident

from lagesbild.areas import attention, incidents, overview
from lagesbild.data import db
from lagesbild.report import yearly_report
from lagesbild.rules.status import Status

YEAR = 2025


def _fetch(con):
    return lambda name, **params: db.query(con, name, **params)


def test_a_late_report_calls_for_action_on_the_page_the_overview_and_its_finding(con):
    reported = dt.datetime(YEAR, 3, 3, 9)
    add_detailed_incident(con, "INC-LATE", reported, personal_data_breach=True,
                          reported_to_authority_at=reported + dt.timedelta(hours=80))
    fetch = _fetch(con)
    page = incidents.build(fetch, YEAR, None, "sv")
    view = overview.build(fetch, YEAR, None, "sv")
    finding = next(f for f in attention.findings(fetch, YEAR, None, "sv")
                   if f.rule == "incidents_reported_late")
    assert page.reporting.status is Status.ACT
    assert finding.status is Status.ACT
    band = view.area("incidents")
    assert band.status is Status.ACT
    assert finding.summary in band.sentence


def test_a_deadline_still_running_is_watched_and_raises_nothing(con):
    now = con.execute("SELECT current_localtimestamp()::TIMESTAMP").fetchall()[0][0]
    add_detailed_incident(con, "INC-PENDING", now - dt.timedelta(hours=1), personal_data_breach=True)
    page = incidents.build(_fetch(con), now.year, None, "sv")
    assert page.reporting.status is Status.WATCH
    assert not [f for f in attention.findings(_fetch(con), now.year, None, "sv")
                if f.rule == "incidents_reported_late"]


@pytest.fixture(scope="module")
def demo(demo_db_path):
    connection = db.connect(demo_db_path, read_only=True)
    yield _fetch(connection)
    connection.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_incidents_band_gives_its_reason_the_serious_incidents(demo, lang):
    view = overview.build(demo, YEAR, None, lang)
    rows = {row["year"]: row for row in demo("overview_incidents", year=YEAR, municipality=None)
            .to_dict("records")}
    reason = incidents.serious_incidents_sentence(rows[YEAR], rows[YEAR - 1], YEAR - 1, lang)
    assert reason in view.area("incidents").sentence
    # The same sentence as the Incidenter page's.
    assert reason in incidents.build(demo, YEAR, None, lang).by_month.sentence


@pytest.mark.parametrize("year", [2024, 2025])
def test_an_areas_findings_raise_its_status_and_are_named_in_its_sentence(demo, year):
    view = overview.build(demo, year, None, "sv")
    found = attention.findings(demo, year, None, "sv")
    risks = view.area("risks")
    about_risks = [f for f in found if f.page == "risker"]
    assert any(f.status is Status.ACT for f in about_risks)
    assert risks.status is Status.ACT
    for finding in about_risks:
        if finding.status is Status.ACT:
            assert finding.summary in risks.sentence
    for area in view.areas:
        own = [f.status for f in found if overview.AREA_OF_PAGE.get(f.page) == area.key]
        if area.status is not None:
            assert Status.ACT not in own or area.status is Status.ACT


def test_the_report_and_slides_carry_the_overview_statuses(demo):
    view = overview.build(demo, YEAR, None, "sv")
    report = yearly_report(demo, YEAR, None, "sv")
    assert [(a.key, a.status, a.sentence) for a in report.areas] == [
        (a.key, a.status, a.sentence) for a in view.areas]
