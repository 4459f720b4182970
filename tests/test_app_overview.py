"""The overview page through Streamlit's AppTest: the figures shown equal counts made
independently over the same database, for several selections and both languages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import duckdb
import pytest
from pagetest import assert_clean

from lagesbild.data import db
from lagesbild import demo
from lagesbild.data.contracts import MUNICIPALITIES
from lagesbild.formatting import fmt_int, fmt_pct
from lagesbild.i18n import label, t
LABELS = ("incidents", "sla", "classification", "risks", "recommendations")


def metrics(app, lang="sv") -> dict[str, str]:
    """The metric values on the page, keyed by area."""
    by_label = {m.label: m.value for m in app.metric}
    return {area: by_label[t(f"{area}.metric", lang)] for area in LABELS
            if t(f"{area}.metric", lang) in by_label}


def demo_notices(app) -> list[str]:
    return [m.value for m in app.markdown if t("demo.notice") in m.value]


# --- Independent counts, straight from the tables (not through queries/) --------------------

def expected_metrics(path, year: int, municipality: str | None) -> dict[str, str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return _expected(con, year, municipality)
    finally:
        con.close()


def _expected(con, year, municipality):
    reference = min(dt.date(year, 12, 31), dt.date.today())
    where, params = ("", []) if municipality is None else (" AND municipality = ?", [municipality])
    expected = {}

    incidents = con.execute(
        f"SELECT count(*) FROM incidents WHERE year(reported_at) = ?{where}", [year, *params]).fetchone()[0]
    expected["incidents"] = fmt_int(incidents)

    sla = con.execute(f"SELECT availability_pct, availability_target_pct FROM sla "
                      f"WHERE year(month) = ?{where}", [year, *params]).fetchall()
    if sla:
        expected["sla"] = fmt_pct(100 * sum(a >= target for a, target in sla) / len(sla))

    systems = [r[0] for r in con.execute(f"SELECT system_id FROM systems WHERE true{where}", params).fetchall()]
    latest = {}
    for system_id, classified_on, next_review in con.execute(
            "SELECT system_id, classified_on, next_review FROM classifications ORDER BY classified_on"
    ).fetchall():
        if classified_on <= reference:
            latest[system_id] = (classified_on, next_review)
    if systems:
        def current(system_id):
            if system_id not in latest:
                return False
            classified_on, next_review = latest[system_id]
            if next_review is not None:
                return next_review >= reference
            # Twelve months back; 29 February falls back to the 28th.
            year_ago = reference.replace(year=reference.year - 1,
                                         day=min(reference.day, 28 if reference.month == 2 else 31))
            return classified_on > year_ago
        expected["classification"] = fmt_pct(100 * sum(map(current, systems)) / len(systems))

    risk_state = {}
    for risk_id, assessed_on, likelihood, consequence, status in con.execute(
            "SELECT risk_id, assessed_on, likelihood, consequence, status FROM risks ORDER BY assessed_on"
    ).fetchall():
        if assessed_on <= reference:
            risk_state[risk_id] = (likelihood * consequence, status)
    if risk_state:
        expected["risks"] = fmt_int(sum(1 for score, status in risk_state.values()
                                        if status == "Aktiv" and score >= 8))

    recommendations = [r[0] for r in con.execute("SELECT rec_id FROM recommendations").fetchall()]
    followup = defaultdict(lambda: None)
    for rec_id, assessed_on, status in con.execute(
            "SELECT rec_id, assessed_on, status FROM followups ORDER BY assessed_on").fetchall():
        if assessed_on <= reference:
            followup[rec_id] = status
    if recommendations:
        done = sum(1 for rec_id in recommendations if followup[rec_id] == "Ja")
        expected["recommendations"] = f"{fmt_int(done)} av {fmt_int(len(recommendations))}"
    return expected


# --- Tests ------------------------------------------------------------------------------------

@pytest.mark.parametrize("year, municipality", [
    (2025, None), (2024, None), (2025, "Köping"), (2024, "Gemensam"), (2025, "Surahammar"),
])
def test_metrics_equal_independent_counts(sample_db_path, open_app, year, municipality):
    expected = expected_metrics(sample_db_path, year, municipality)
    params = {"ar": year} | ({"kommun": municipality} if municipality else {})
    app = open_app(sample_db_path, **params)
    assert_clean(app)
    assert metrics(app) == expected
    scope = label(MUNICIPALITIES, municipality) if municipality else t("filters.all_municipalities")
    assert app.title[0].value == t("overview.heading", year=year, scope=scope)


def test_default_selection_is_last_complete_year_and_all_municipalities(sample_db_path, open_app):
    app = open_app(sample_db_path)
    assert_clean(app)
    last_complete = dt.date.today().year - 1
    assert app.sidebar.selectbox(key="ar").value == last_complete
    assert app.sidebar.selectbox(key="kommun").value == "Alla"
    assert app.sidebar.radio(key="lang").value == "sv"
    assert app.query_params == {"ar": str(last_complete)}
    years = app.sidebar.selectbox(key="ar").options
    assert years[0] == str(dt.date.today().year) and years[-1] == "2023"   # first dated row


def test_changing_filters_updates_the_url_and_the_figures(sample_db_path, open_app):
    expected_2024 = expected_metrics(sample_db_path, 2024, "Köping")
    app = open_app(sample_db_path, ar=2025)
    app.sidebar.selectbox(key="ar").set_value(2024).run()
    app.sidebar.selectbox(key="kommun").set_value("Köping").run()
    assert_clean(app)
    assert app.query_params == {"ar": "2024", "kommun": "Köping"}
    assert metrics(app) == expected_2024


def test_english_labels(sample_db_path, open_app):
    app = open_app(sample_db_path, ar=2025, kommun="Gemensam", lang="en")
    assert_clean(app)
    assert app.title[0].value == "Lägesbild 2025 · Shared (association)"
    # Service levels are measured per member municipality: none for the association itself.
    assert set(metrics(app, "en")) == set(LABELS) - {"sla"}
    assert [i.value for i in app.info] == [
        "There are no availability figures for Shared (association) in 2025."]
    assert app.sidebar.selectbox(key="ar").label == "Year"
    assert app.sidebar.selectbox(key="kommun").label == "Municipality"
    assert app.sidebar.selectbox(key="kommun").options[0] == "All municipalities"
    shown = " ".join(m.value for m in app.markdown)
    assert "were reported in 2025" in shown
    assert any(word in shown for word in ("Good", "Watch", "Act"))
    assert "anmäldes" not in shown and "Åtgärda" not in shown
    recommendations = {m.label: m.value for m in app.metric}["Implemented"]
    assert " of " in recommendations


def test_switching_language_keeps_the_selection(sample_db_path, open_app):
    expected = expected_metrics(sample_db_path, 2024, "Köping")
    app = open_app(sample_db_path, ar=2024, kommun="Köping")
    app.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(app)
    assert app.query_params == {"ar": "2024", "kommun": "Köping", "lang": "en"}
    assert app.title[0].value == "Lägesbild 2024 · Köping"
    assert metrics(app, "en")["incidents"] == expected["incidents"]


def test_empty_selection_shows_a_calm_message(sample_db_path, open_app):
    app = open_app(sample_db_path, ar=2025, kommun="Kungsör")
    assert_clean(app)
    assert [i.value for i in app.info] == [t("no_data.selection", scope="Kungsör", year=2025)]
    # The association-wide areas are still shown; the municipality's areas are not.
    assert set(metrics(app)) == {"risks", "recommendations"}


def test_invalid_url_values_fall_back_to_defaults(sample_db_path, open_app):
    app = open_app(sample_db_path, ar="1999", kommun="Stockholm", lang="fi")
    assert_clean(app)
    assert app.sidebar.selectbox(key="ar").value == dt.date.today().year - 1
    assert app.sidebar.selectbox(key="kommun").value == "Alla"
    assert app.sidebar.radio(key="lang").value == "sv"


def test_municipality_spellings_in_the_url(sample_db_path, open_app):
    app = open_app(sample_db_path, ar=2025, kommun="koping")
    assert app.sidebar.selectbox(key="kommun").value == "Köping"
    assert app.query_params["kommun"] == "Köping"


def test_demo_notice_only_for_demo_data(sample_db_path, open_app):
    app = open_app(sample_db_path, ar=2025)
    assert not demo_notices(app)
    con = db.connect(sample_db_path)
    db.set_meta(con, "demo", "ja")
    con.close()
    app = open_app(sample_db_path, ar=2025)
    assert len(demo_notices(app)) == 1


def test_a_database_error_is_a_swedish_message_not_a_traceback(tmp_path, open_app):
    foreign = tmp_path / "annan.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE something (x INTEGER)")
    con.close()
    app = open_app(foreign)
    assert not app.exception
    assert len(app.error) == 1 and "inte skapad av Lägesbild" in app.error[0].value


def test_cached_results_follow_the_data_version(sample_db_path, open_app):
    app = open_app(sample_db_path, ar=2025, kommun="Kungsör")
    assert "incidents" not in metrics(app)
    # An import writes the rows and a change-log row in the app's own connection.
    from lagesbild.ui import data
    con = data.connection()
    con.execute("INSERT INTO incidents (incident_id, title, reported_at, municipality, category, "
                "cause, severity, personal_data_breach, significant) VALUES "
                "('NY-1', 'Ny', '2025-05-05 10:00', 'Kungsör', 'Övrigt', 'Okänd', 1, false, false)")
    con.execute("INSERT INTO change_log (changed_at, changed_by, action, kind, rows_inserted, "
                "rows_updated, rows_unchanged) VALUES (now(), 'test', 'import', 'incidents', 1, 0, 0)")
    app.run()
    assert metrics(app)["incidents"] == "1"


# --- The shipped demo data ------------------------------------------------------------------

# The last complete year the shipped demo data covers.
DEMO_YEAR = demo.DEMO_UNTIL.year - 1


@pytest.mark.parametrize("municipality", [None, "Arboga", "Gemensam"])
def test_demo_metrics_equal_independent_counts(demo_copy, open_app, municipality):
    year = DEMO_YEAR
    expected = expected_metrics(demo_copy, year, municipality)
    app = open_app(demo_copy, ar=year, **({"kommun": municipality} if municipality else {}))
    assert_clean(app)
    assert metrics(app) == expected
    assert len(demo_notices(app)) == 1


def test_first_start_on_an_empty_database_loads_the_demo(tmp_path, open_app):
    path = tmp_path / "ny.duckdb"
    app = open_app(path, ar=DEMO_YEAR)
    assert_clean(app)
    assert len(demo_notices(app)) == 1
    assert len(app.metric) == 5


def test_year_options_run_from_this_year_back_to_the_first_year_with_data():
    from lagesbild.ui.filters import year_options
    today = dt.date(2026, 3, 1)
    assert year_options(2023, today) == [2026, 2025, 2024, 2023]
    assert year_options(None, today) == [2026, 2025]
    assert year_options(2026, today) == [2026, 2025]   # the default year is always there


def test_each_status_word_has_its_rule_written_out_not_only_on_hover(demo_copy, open_app):
    app = open_app(demo_copy, ar=DEMO_YEAR)
    assert_clean(app)
    captions = [caption.value for caption in app.caption]
    # A band a finding has raised adds the rule for that after its own.
    raised = t("status.rule.findings")
    for key in ("incidents", "risks"):
        assert (t(f"status.rule.{key}") in captions
                or f"{t(f'status.rule.{key}')} {raised}" in captions), key
    # The status badges (markdown badges) leave nothing to a tooltip.
    badges = [m for m in app.markdown if "-badge[" in m.value]
    assert badges and all(not m.proto.help for m in badges)
