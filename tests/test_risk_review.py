"""The risk-analysis method's data and rules: optional risk columns on import, the acceptance
rule, the default threat catalogue, the schema upgrade, and the review queries against the
rules restated in plain Python (lagesbild/rules/risk_review.py)."""

from __future__ import annotations


import pandas as pd
import pytest
from importfiles import SAMPLES, write_excel_csv, write_xlsx

from lagesbild.data import contracts, db, ingest
from lagesbild.rules import risk_review
from registers import months_back, reference_date, risk_states
from sample_rows import add_risk_assessment, add_row, add_system

NEW_COLUMNS = ("Riskanalys", "Hot", "Accepterad av", "Motivering för acceptans", "Accepterad till")
OLD_HEADER = [c.header for c in contracts.RISKS.columns if not c.optional]


def threat_categories(incident_categories: str | None) -> set[str]:
    """A threat's incident categories, stored ';'-separated."""
    return {c.strip() for c in (incident_categories or "").split(";") if c.strip()}


def flags(incident_system_id, incident_category, incident_severity, risk_system_id,
          incident_categories) -> bool:
    """The flag rule restated from lagesbild/rules/risk_review.py's description: a serious incident
    in the risk's system, or, where either has no system, of one of its threat's categories."""
    if incident_severity < 3:
        return False
    if risk_system_id is not None and incident_system_id == risk_system_id:
        return True
    return ((risk_system_id is None or incident_system_id is None)
            and incident_category in threat_categories(incident_categories))


def load_references(con, tmp_path):
    for kind in ("systems", "analyses", "threats"):
        result = ingest.import_file(con, kind, write_excel_csv(tmp_path / f"{kind}.csv", kind), changed_by="test")
        assert result.ok, result.summary()


def stored(con, risk_id="R-01"):
    return con.execute("SELECT assessed_on, analysis_id, threat_id, accepted_by, accepted_until, likelihood "
                       "FROM risks WHERE risk_id = ? ORDER BY assessed_on", [risk_id]).fetchall()


# --- Optional columns ------------------------------------------------------------------------------

def with_method(row, **values):
    return {**row, "Riskanalys": "RA-2024-1", "Hot": "HOT-01", **values}


@pytest.mark.parametrize("writer", [write_excel_csv, write_xlsx])
def test_a_file_without_the_new_columns_keeps_their_stored_values(con, tmp_path, writer):
    load_references(con, tmp_path)
    first = [with_method(SAMPLES["risks"][0]), SAMPLES["risks"][1]]
    assert ingest.import_file(con, "risks", write_excel_csv(tmp_path / "a.csv", "risks", first)).ok
    before = stored(con)
    assert before[0][1:3] == ("RA-2024-1", "HOT-01")
    # The old format: the same rows, one changed, and a new one; no method columns at all.
    changed = [{**SAMPLES["risks"][0], "Sannolikhet": "2", "Kvarstående sannolikhet": "1"},
               SAMPLES["risks"][1], {**SAMPLES["risks"][1], "Bedömd": "2025-09-01"}]
    suffix = "csv" if writer is write_excel_csv else "xlsx"
    result = ingest.import_file(con, "risks", writer(tmp_path / f"old.{suffix}", "risks", changed, header=OLD_HEADER))
    assert result.ok, result.summary()
    assert (result.inserted, result.updated, result.unchanged) == (1, 1, 1)
    assert result.kept_columns == [c.name for c in contracts.RISKS.columns if c.optional]
    after = stored(con)
    assert after[0] == (before[0][0], "RA-2024-1", "HOT-01", None, None, 2)   # kept, and the change made
    assert after[1] == before[1]
    assert after[2][1:5] == (None, None, None, None)                          # a new row: empty


def test_a_file_with_the_new_columns_sets_them(con, tmp_path):
    load_references(con, tmp_path)
    assert ingest.import_file(con, "risks", write_excel_csv(
        tmp_path / "a.csv", "risks", [with_method(SAMPLES["risks"][0]), SAMPLES["risks"][1]])).ok
    result = ingest.import_file(con, "risks", write_excel_csv(
        tmp_path / "b.csv", "risks", [with_method(SAMPLES["risks"][0], Riskanalys="", Hot="HOT-T1"),
                                      SAMPLES["risks"][1]]))
    assert result.ok and result.kept_columns == [] and result.updated == 1
    assert stored(con)[0][1:3] == (None, "HOT-T1")


def test_edits_without_an_optional_column_keep_it(con, tmp_path):
    load_references(con, tmp_path)
    assert ingest.import_file(con, "risks", write_excel_csv(
        tmp_path / "a.csv", "risks", [with_method(SAMPLES["risks"][0]), SAMPLES["risks"][1]])).ok
    row = {c.name: None for c in contracts.RISKS.columns if c.name not in ("analysis_id", "threat_id")}
    row.update(risk_id="R-01", title="Utpressningsvirus", area="IT-infrastruktur", assessed_on="2024-03-01",
               likelihood="3", consequence="3", status="Aktiv")
    result = ingest.import_rows(con, "risks", pd.DataFrame([row]), changed_by="test")
    assert result.ok, result.summary()
    assert result.kept_columns == ["analysis_id", "threat_id"]
    assert stored(con)[0][1:3] == ("RA-2024-1", "HOT-01") and stored(con)[0][5] == 3


def test_references_to_unknown_analyses_and_threats_are_refused(con, tmp_path):
    load_references(con, tmp_path)
    rows = [with_method(SAMPLES["risks"][0], Riskanalys="RA-9", Hot="HOT-99"), SAMPLES["risks"][1]]
    result = ingest.import_file(con, "risks", write_excel_csv(tmp_path / "a.csv", "risks", rows))
    assert [p.line() for p in result.problems] == [
        "Rad 2, kolumn Riskanalys: 'RA-9' finns inte i riskanalyserna; lägg in den där först eller lämna tomt.",
        "Rad 2, kolumn Hot: 'HOT-99' finns inte i hotkatalogen; lägg in den där först eller lämna tomt."]
    assert stored(con) == []


# --- Acceptance --------------------------------------------------------------------------------------

def accepted_row(**values):
    return {**SAMPLES["risks"][0], "Behandling": "Acceptera", "Accepterad av": "Förbundsdirektionen § 8",
            "Motivering för acceptans": "Investeringen ryms först 2026", "Accepterad till": "2026-06-30",
            **values}


@pytest.mark.parametrize("missing", ["Accepterad av", "Motivering för acceptans", "Accepterad till"])
def test_a_high_risk_is_accepted_only_with_decision_reason_and_end(con, tmp_path, missing):
    load_references(con, tmp_path)
    result = ingest.import_file(con, "risks", write_excel_csv(tmp_path / "a.csv", "risks",
                                                              [accepted_row(**{missing: " "})]))
    assert not result.ok
    assert [p.line() for p in result.problems] == [
        "Rad 2, kolumn Accepterad av: En hög risk kan bara accepteras med beslutsfattare (Accepterad av), "
        "motivering och slutdatum (Accepterad till)."]
    assert stored(con) == []


def test_acceptance_needs_nothing_below_hog_and_everything_from_it(con, tmp_path):
    load_references(con, tmp_path)
    low = {**SAMPLES["risks"][0], "Behandling": "Acceptera", "Sannolikhet": "2", "Konsekvens": "3",
           "Kvarstående sannolikhet": "", "Kvarstående konsekvens": ""}
    assert ingest.import_file(con, "risks", write_excel_csv(tmp_path / "a.csv", "risks", [low])).ok
    assert ingest.import_file(con, "risks", write_excel_csv(tmp_path / "b.csv", "risks", [accepted_row()])).ok
    assert risk_review.needs_acceptance("Acceptera", 2, 4) and not risk_review.needs_acceptance("Acceptera", 2, 3)
    assert not risk_review.needs_acceptance("Reducera", 4, 4)


def test_an_old_format_file_is_judged_with_the_stored_acceptance(con, tmp_path):
    load_references(con, tmp_path)
    assert ingest.import_file(con, "risks", write_excel_csv(tmp_path / "a.csv", "risks", [accepted_row()])).ok
    again = ingest.import_file(con, "risks", write_excel_csv(
        tmp_path / "b.csv", "risks", [{**accepted_row(), "Åtgärd": "Ny text"}], header=OLD_HEADER))
    assert again.ok and again.updated == 1, again.summary()


# --- The default catalogue and the schema ------------------------------------------------------------

def test_a_new_database_has_the_default_threat_catalogue(con):
    threats = dict(con.execute("SELECT name, incident_categories FROM threats WHERE active").fetchall())
    assert len(threats) >= 10
    for name in ("Nätfiske och kapade konton", "Avbrott hos leverantör", "Oåtgärdade sårbarheter",
                 "Förlust av nyckelpersoner", "Fysisk skada (brand, vatten)", "Misstag av egen personal"):
        assert name in threats
    categories = set(contracts.INCIDENT_CATEGORIES.values)
    for text in threats.values():
        assert threat_categories(text) <= categories
    assert db.query(con, "database_is_empty")["empty"].iloc[0]   # the catalogue is not data


def test_a_schema_2_database_is_upgraded(database_at_schema):
    path, con = database_at_schema(2)
    add_risk_assessment(con, "R-01", "2024-03-01", 3, 4)
    con.close()
    con = db.connect(path)
    try:
        assert db.schema_version(con) == db.latest_version() >= 4
        assert con.execute("SELECT risk_id, analysis_id, accepted_until FROM risks").fetchall() == [
            ("R-01", None, None)]
        assert con.execute("SELECT count(*) FROM threats").fetchall()[0][0] >= 10
    finally:
        con.close()


# --- The queries against the rules restated -------------------------------------------------------------

@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_review_states_on_the_demo_follow_the_cadence(demo_db_path, year):
    con = db.connect(demo_db_path, read_only=True)
    try:
        shown = db.query(con, "risks_review", year=year, **risk_review.query_params())
        states = risk_states(con, year)
    finally:
        con.close()
    reference = reference_date(year)
    expected = {}
    for risk_id, row in states.items():
        if row["status"] != "Aktiv":
            continue
        months = 6 if row["likelihood"] * row["consequence"] >= 8 else 12
        due_on = months_back(row["assessed_on"], -months)
        expected[risk_id] = ("overdue" if due_on < reference
                             else "due" if (due_on - reference).days <= 30 else "ok")
    assert dict(zip(shown["risk_id"], shown["review_state"])) == expected


def test_the_python_rules_agree_with_the_flag_query(demo_db_path):
    year = 2025
    con = db.connect(demo_db_path, read_only=True)
    try:
        shown = db.query(con, "risks_flagged_by_incidents", year=year, **risk_review.query_params())
        states = risk_states(con, year)
        categories = dict(con.execute("SELECT threat_id, incident_categories FROM threats").fetchall())
        incidents = con.execute("SELECT reported_at, system_id, category, severity FROM incidents").fetchall()
    finally:
        con.close()
    reference = reference_date(year)
    expected = {}
    for risk_id, row in states.items():
        if row["status"] != "Aktiv":
            continue
        count = sum(1 for reported_at, system_id, category, severity in incidents
                    if row["assessed_on"] < reported_at.date() <= reference
                    and flags(system_id, category, severity, row["system_id"],
                              categories.get(row["threat_id"])))
        if count:
            expected[risk_id] = count
    assert dict(zip(shown["risk_id"], shown["incidents"])) == expected
    assert expected


def test_risk_analyses_count_the_risks_each_assessed(con):
    add_system(con, "S1")
    con.execute("INSERT INTO analyses VALUES ('A1', 'Första', 'Allt', DATE '2024-01-10', DATE '2024-02-01', "
                "'IT-chef', 'MSB'), ('A2', 'Andra', 'Nät', DATE '2025-09-01', NULL, 'IT-chef', 'MSB')")
    add_risk_assessment(con, "R-01", "2024-02-01", 3, 4, analysis_id="A1")
    add_risk_assessment(con, "R-02", "2024-02-01", 1, 2, analysis_id="A1")
    add_risk_assessment(con, "R-01", "2025-09-10", 2, 4, analysis_id="A2")
    rows = db.query(con, "risk_analyses", year=2025).set_index("analysis_id")
    assert rows.loc["A1", "risks_assessed"] == 2 and rows.loc["A1", "high_risks"] == 1
    assert rows.loc["A2", "risks_assessed"] == 1 and pd.isna(rows.loc["A2", "finished_on"])
    assert list(db.query(con, "risk_analyses", year=2024)["analysis_id"]) == ["A1"]
    # Only one finished analysis: nothing to compare the map with.
    assert db.query(con, "risks_since_previous_analysis", year=2025).empty


def test_incidents_flag_from_the_day_after_each_assessment_to_the_reference_date(con):
    add_system(con, "S1")
    add_system(con, "S2")
    con.execute("INSERT INTO threats VALUES ('HOT-T', 'Test', NULL, 'Skadlig kod; Intrång', true)")
    add_risk_assessment(con, "EARLY", "2025-01-10", 3, 3, system_id="S1", threat_id="HOT-T")
    add_risk_assessment(con, "LATE", "2025-06-01", 3, 3, threat_id="HOT-T")
    for incident_id, reported_at, system_id, category, severity in (
            ("before", "2025-01-09 12:00", "S1", "Skadlig kod", 3),
            ("same day", "2025-01-10 23:59", "S1", "Skadlig kod", 3),
            ("next day", "2025-01-11 00:00", "S1", "Intrång", 3),         # EARLY, by its system
            ("no system", "2025-07-01 08:00", None, "Skadlig kod", 4),    # both, by the threat
            ("last minute", "2025-12-31 23:59", "S2", "Skadlig kod", 3),  # LATE, by the threat
            ("next year", "2026-01-01 00:00", None, "Intrång", 3),
            ("not serious", "2025-08-01 10:00", "S1", "Skadlig kod", 2)):
        add_row(con, "incidents", incident_id=incident_id, title="Incident", reported_at=reported_at,
                municipality="Arboga", system_id=system_id, category=category, cause="Angrepp",
                severity=severity, personal_data_breach=False, significant=False)

    def flagged(year):
        rows = db.query(con, "risks_flagged_by_incidents", year=year, **risk_review.query_params())
        return {r["risk_id"]: (r["incidents"], r["incidents_in_system"], r["incidents_of_threat"],
                               str(r["newest_incident_at"])) for r in rows.to_dict("records")}

    assert flagged(2025) == {"EARLY": (2, 1, 1, "2025-07-01 08:00:00"),
                             "LATE": (2, 0, 2, "2025-12-31 23:59:00")}
    assert flagged(2026) == {"EARLY": (3, 1, 2, "2026-01-01 00:00:00"),
                             "LATE": (3, 0, 3, "2026-01-01 00:00:00")}
    assert flagged(2024) == {}
