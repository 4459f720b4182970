"""Import profiles: each shipped profile reads a file shaped like its source's export (rows
made here from the export's header list) into the demo register with the values right; the
profile file is checked key by key; the command line names the profile it used."""

from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook

from lagesbild.data import db, profiles

ROOT = Path(__file__).resolve().parent.parent
STOCKHOLM, UTC = ZoneInfo("Europe/Stockholm"), ZoneInfo("UTC")

SERVICENOW = ("number,short_description,opened_at,resolved_at,closed_at,state,priority,impact,urgency,"
              "category,subcategory,assignment_group,assigned_to,cmdb_ci,company,location,caller_id,"
              "contact_type,close_code,made_sla,sys_updated_on").split(",")
SERVICENOW_LOG = [*SERVICENOW, "sys_mod_count"]
TOPDESK = ["Number", "Brief description", "Call date", "Branch", "Category", "Priority",
           "Operator group", "Status", "Completed date", "Closed date", "Object", "Major call"]
JIRA = ["Summary", "Issue key", "Issue id", "Issue Type", "Status", "Priority", "Resolution",
        "Assignee", "Reporter", "Created", "Updated", "Resolved", "Labels", "Labels",
        "Custom field (Organizations)", "Custom field (Affected services)",
        "Custom field (Incident category)"]
ZABBIX = ["SLA", "Service", "Period", "SLO", "SLI", "Uptime", "Downtime", "Error budget",
          "Excluded downtimes"]
PRTG = ["Date Time", "Date Time(RAW)", "Downtime", "Downtime(RAW)", "Coverage", "Coverage(RAW)"]
KLASSA = ["Objekt-id", "Objekt", "Organisation", "Objektägare", "Verksamhetsområde",
          "Tillgänglighetsnivå", "Infrastruktur", "Kontinuitetsplan", "Förvaltningsplan"]


def write_csv(path: Path, headers: list[str], rows: list[list[str]] | list[dict], *,
              bom: bool = False, delimiter: str = ",") -> Path:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as file:
        writer = csv.writer(file, delimiter=delimiter)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([row.get(h, "") for h in headers] if isinstance(row, dict) else row)
    return path


@pytest.fixture
def con(demo_copy):
    connection = db.connect(demo_copy)
    yield connection
    connection.close()


@pytest.fixture(autouse=True)
def own_profiles(tmp_path, monkeypatch):
    """The user's profiles in a folder of the test's own."""
    folder = tmp_path / "own-profiles"
    monkeypatch.setenv(profiles.PROFILES_ENV, str(folder))
    return folder


def shipped(name: str) -> profiles.Profile:
    return profiles.find_profile(name)


def stockholm(text: str, fmt: str, zone: ZoneInfo) -> dt.datetime:
    """The independent computation: the source's local time as Swedish local time."""
    moment = dt.datetime.strptime(text, fmt).replace(tzinfo=zone)
    return moment.astimezone(STOCKHOLM).replace(tzinfo=None)


def system_ids(con) -> dict[str, str]:
    return {name: system_id for system_id, name in con.execute("SELECT system_id, name FROM systems").fetchall()}


def incident(con, incident_id: str) -> dict:
    frame = con.execute("SELECT * FROM incidents WHERE incident_id = ?", [incident_id]).df()
    assert len(frame) == 1, incident_id
    return frame.iloc[0].to_dict()


def table_snapshot(con, table: str) -> list:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


# --- ServiceNow ---------------------------------------------------------------------------

def servicenow_rows() -> list[dict]:
    # Times in UTC across both summer-time switches of 2025 (30 March, 26 October).
    return [
        dict(number="INC0010001", short_description="Lönesystemet svarar inte",
             opened_at="2025-03-30 00:30:00", resolved_at="2025-03-30 02:15:00",
             closed_at="2025-04-06 02:15:00", priority="1 - Critical", category="Software",
             cmdb_ci="  LÖNESYSTEM ", company="Köpings kommun", sys_updated_on="2025-04-06 02:15:00"),
        dict(number="INC0010002", short_description="Nätfiskemejl till ekonomi",
             opened_at="2025-10-26 00:30:00", resolved_at="2025-10-26 02:10:00", priority="3 - Moderate",
             category="Phishing", cmdb_ci="E-post och kalender",
             company="Västra Mälardalens kommunalförbund", sys_updated_on="2025-10-27 08:00:00"),
        dict(number="INC0010003", short_description="Skrivare offline", opened_at="2025-06-02 07:00:00",
             resolved_at="", closed_at="", priority="5 - Planning", category="Hardware", cmdb_ci="",
             company="Kungsörs kommun", sys_updated_on="2025-06-02 07:00:00"),
        dict(number="INC0010004", short_description="Okänt fel", opened_at="2025-01-15 12:00:00",
             resolved_at="2025-01-15 13:00:00", priority="4 - Low", category="?",
             cmdb_ci="Lärplattform Arboga", company="Arboga kommun", sys_updated_on="2025-01-16 08:00:00"),
    ]


def test_servicenow_list_export_imports_with_the_values_right(con, tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows())
    result = profiles.import_with_profile(con, shipped("ServiceNow, listexport"), path)
    assert result.ok, result.summary()
    assert result.inserted == 4
    ids = system_ids(con)
    fmt = "%Y-%m-%d %H:%M:%S"
    for row in servicenow_rows():
        stored = incident(con, row["number"])
        assert stored["reported_at"].to_pydatetime() == stockholm(row["opened_at"], fmt, UTC)
        if row["resolved_at"]:
            # Resolved, not the administrative closed_at.
            assert stored["resolved_at"].to_pydatetime() == stockholm(row["resolved_at"], fmt, UTC)
        else:
            assert stored["resolved_at"] is None or str(stored["resolved_at"]) == "NaT"
    first = incident(con, "INC0010001")
    assert str(first["reported_at"]) == "2025-03-30 01:30:00"   # before the switch: UTC+1
    assert str(first["resolved_at"]) == "2025-03-30 04:15:00"   # after it: UTC+2
    assert str(incident(con, "INC0010002")["reported_at"]) == "2025-10-26 02:30:00"
    assert first["system_id"] == ids["Lönesystem"]
    assert first["municipality"] == "Köping" and first["severity"] == 4
    assert first["category"] == "Tillgänglighet" and first["cause"] == "Okänd"
    assert incident(con, "INC0010002")["municipality"] == "Gemensam"
    assert incident(con, "INC0010002")["category"] == "Bedrägeri"
    assert incident(con, "INC0010003")["severity"] == 1
    assert incident(con, "INC0010003")["system_id"] is None
    # "?" is an empty value: the default category applies.
    assert incident(con, "INC0010004")["category"] == "Övrigt"
    assert incident(con, "INC0010004")["system_id"] == ids["Lärplattform Arboga"]


def test_reimport_through_a_profile_changes_nothing(con, tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows())
    profile = shipped("ServiceNow, listexport")
    assert profiles.import_with_profile(con, profile, path).ok
    before = table_snapshot(con, "incidents")
    again = profiles.import_with_profile(con, profile, path)
    assert again.ok and (again.inserted, again.updated, again.unchanged) == (0, 0, 4)
    assert table_snapshot(con, "incidents") == before


def test_an_unmapped_value_rejects_the_file_with_one_line_and_its_count(con, tmp_path):
    rows = servicenow_rows() + [dict(servicenow_rows()[0], number=f"INC002000{i}", priority="6 - Urgent")
                                for i in range(3)]
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, rows)
    before = table_snapshot(con, "incidents")
    result = profiles.import_with_profile(con, shipped("ServiceNow, listexport"), path)
    assert not result.ok
    assert result.problem_count == 1
    line = result.problems[0].line()
    assert "'6 - Urgent'" in line and "3 rader" in line and "[values.severity]" in line
    assert line.startswith("Kolumn priority:")
    assert table_snapshot(con, "incidents") == before


def test_an_unknown_system_name_is_named_once_with_its_count(con, tmp_path):
    rows = [dict(r, cmdb_ci="Ekonomisystemet 2") for r in servicenow_rows()[:2]]
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, rows)
    result = profiles.import_with_profile(con, shipped("ServiceNow, listexport"), path)
    assert not result.ok and result.problem_count == 1
    assert "'Ekonomisystemet 2' finns inte i systemregistret (2 rader)" in result.problems[0].line()


def test_servicenow_event_log_keeps_the_latest_row_per_number(con, tmp_path):
    base = dict(short_description="VPN nere", opened_at="2025-02-03 07:00:00", category="Network",
                cmdb_ci="Fjärråtkomst (VPN)", company="Surahammars kommun")
    rows = [  # out of order in the file, and one update a day later than the others
        dict(base, number="INC0030001", priority="2 - High", resolved_at="2025-02-03 09:00:00",
             sys_updated_on="2025-02-03 09:00:00", sys_mod_count="3"),
        dict(base, number="INC0030001", priority="3 - Moderate", resolved_at="",
             sys_updated_on="2025-02-03 07:00:00", sys_mod_count="1"),
        dict(base, number="INC0030001", priority="1 - Critical", resolved_at="2025-02-04 10:30:00",
             sys_updated_on="2025-02-04 10:30:00", sys_mod_count="7"),
        dict(base, number="INC0030002", priority="4 - Low", resolved_at="",
             sys_updated_on="2025-02-05 08:00:00", sys_mod_count="0"),
    ]
    path = write_csv(tmp_path / "incident_log.csv", SERVICENOW_LOG, rows)
    assert profiles.match_profile(profiles.source_headers(path), "incidents").name == "ServiceNow, händelselogg"
    result = profiles.import_with_profile(con, shipped("ServiceNow, händelselogg"), path)
    assert result.ok, result.summary()
    assert result.rows == 2
    latest = incident(con, "INC0030001")
    assert latest["severity"] == 4
    assert str(latest["resolved_at"]) == "2025-02-04 11:30:00"
    assert latest["municipality"] == "Surahammar"


# --- TOPdesk (Excel) ----------------------------------------------------------------------

def test_topdesk_excel_export_imports(con, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(TOPDESK)
    call = dt.datetime(2025, 3, 3, 8, 15)
    sheet.append(["I2503 017", "Journalsystemet långsamt", call, "Köpings kommun", "Störning",
                  "P1 - Kritisk", "Drift", "Afgemeld", call + dt.timedelta(hours=5),
                  call + dt.timedelta(days=3), "Verksamhetssystem socialtjänst Köping", "Ja"])
    sheet.append(["I2503 018", "Misstänkt virus", "04-03-2025 10:00", "Arboga kommun", "Virus",
                  "P3 - Normal", "Säkerhet", "Open", None, None, None, "Nej"])
    path = tmp_path / "topdesk.xlsx"
    book.save(path)
    assert profiles.profile_for_file(path, "incidents").name == "TOPdesk, incidenter till Excel"
    result = profiles.import_with_profile(con, shipped("TOPdesk, incidenter till Excel"), path)
    assert result.ok, result.summary()
    first = incident(con, "I2503 017")
    assert first["reported_at"].to_pydatetime() == call
    assert first["resolved_at"].to_pydatetime() == call + dt.timedelta(hours=5)
    assert first["severity"] == 4 and bool(first["significant"]) is True
    assert first["system_id"] == system_ids(con)["Verksamhetssystem socialtjänst Köping"]
    assert first["category"] == "Tillgänglighet"
    second = incident(con, "I2503 018")
    assert str(second["reported_at"]) == "2025-03-04 10:00:00"  # a text cell in the profile's format
    assert second["category"] == "Skadlig kod" and second["municipality"] == "Arboga"


# --- Jira Service Management --------------------------------------------------------------

def test_jira_export_with_bom_repeated_headers_and_only_incidents(con, tmp_path):
    rows = [
        ["E-postkontot kapat", "ITSM-101", "10101", "[System] Incident", "Resolved", "Highest", "Done",
         "", "", "04/Mar/25 1:58 PM", "05/Mar/25 9:00 AM", "04/Mar/25 11:05 PM", "phishing", "urgent",
         "Kungsörs kommun", "e-post och kalender", "Phishing"],
        ["Beställ ny skärm", "ITSM-102", "10102", "Service request", "Open", "Low", "", "", "",
         "04/Mar/25 2:00 PM", "", "", "", "", "Kungsörs kommun", "", ""],
        ["Lagringen full", "ITSM-103", "10103", "Incident", "Open", "Medium", "", "", "",
         "30/Mar/25 1:30 AM", "", "", "", "", "Västra Mälardalens kommunalförbund",
         "Lagringssystem (SAN)", ""],
    ]
    path = write_csv(tmp_path / "jira.csv", JIRA, rows, bom=True)
    assert profiles.source_headers(path)[12:14] == ["Labels", "Labels"]
    assert profiles.profile_for_file(path, "incidents").name.startswith("Jira Service Management")
    result = profiles.import_with_profile(con, shipped("Jira Service Management, CSV (alla fält)"), path)
    assert result.ok, result.summary()
    assert result.rows == 2  # the service request is not an incident
    first = incident(con, "ITSM-101")
    assert str(first["reported_at"]) == "2025-03-04 13:58:00"
    assert str(first["resolved_at"]) == "2025-03-04 23:05:00"
    assert first["severity"] == 4 and first["category"] == "Bedrägeri"
    assert first["system_id"] == system_ids(con)["E-post och kalender"]
    third = incident(con, "ITSM-103")
    assert third["severity"] == 2 and third["category"] == "Övrigt" and third["municipality"] == "Gemensam"
    assert con.execute("SELECT count(*) FROM incidents WHERE incident_id = 'ITSM-102'").fetchall()[0][0] == 0


# --- Zabbix and PRTG (SLA) ----------------------------------------------------------------

def test_zabbix_sla_report_with_durations_and_percentages(con, tmp_path):
    ids = system_ids(con)
    rows = [
        ["Kommun", "Verksamhetssystem socialtjänst Köping", "2025-03", "99.5", "99.7312%", "30d 2h 0m",
         "2h 30m", "1h 13m", "0"],
        ["Kommun", "Lärplattform Arboga", "2025-03", "99,5 %", "99,9 %", "", "01:30:00", "", ""],
        ["Kommun", "verksamhetssystem socialtjänst kungsör", "2025-04", "99.0", "100%", "", "0", "", ""],
    ]
    path = write_csv(tmp_path / "zabbix.csv", ZABBIX, rows)
    koping_id = ids["Verksamhetssystem socialtjänst Köping"]
    tickets_before = con.execute("SELECT tickets FROM sla WHERE system_id = ? AND month = DATE '2025-03-01'",
                                 [koping_id]).fetchall()[0][0]
    assert tickets_before is not None
    result = profiles.import_with_profile(con, shipped("Zabbix, SLA-rapport"), path)
    assert result.ok, result.summary()
    stored = {(str(r[0])[:7], r[1]): r[2:] for r in con.execute(
        "SELECT month, system_id, municipality, availability_target_pct, availability_pct, outage_minutes, "
        "outages, tickets FROM sla WHERE month >= DATE '2025-03-01' AND system_id IN (?, ?, ?)",
        [ids["Verksamhetssystem socialtjänst Köping"], ids["Lärplattform Arboga"],
         ids["Verksamhetssystem socialtjänst Kungsör"]]).fetchall()}
    koping = stored[("2025-03", ids["Verksamhetssystem socialtjänst Köping"])]
    # The monitoring knows no outage count (unknown) and no tickets: the stored count stays.
    assert koping == ("Köping", 99.5, 99.7312, 150.0, None, tickets_before)
    arboga = stored[("2025-03", ids["Lärplattform Arboga"])]
    assert arboga[:4] == ("Arboga", 99.5, 99.9, 90.0)
    assert stored[("2025-04", ids["Verksamhetssystem socialtjänst Kungsör"])][:5] == ("Kungsör", 99.0, 100.0, 0.0, 0)


def test_durations_read_as_minutes():
    import duckdb

    con = duckdb.connect()
    for text, minutes in [("2h 30m", 150), ("30d 2h 0m", 43320), ("01:30:00", 90), ("0", 0),
                          ("1h 13m 30s", 73.5), ("00:45", 45), ("1w", 10080)]:
        got = con.execute(f"SELECT {profiles._duration('$t')}", {"t": text}).fetchall()[0][0]
        assert got == pytest.approx(minutes), text
    assert con.execute(f"SELECT {profiles._duration('$t')}", {"t": "ett tag"}).fetchall()[0][0] is None


def prtg_days(first: dt.date, count: int, downtime: dict[int, float]) -> list[list[str]]:
    def stamp(day: dt.date) -> str:
        return f"{day.month}/{day.day}/{day.year} 12:00:00 AM"
    rows = []
    for offset in range(count):
        day = first + dt.timedelta(days=offset)
        pct = downtime.get(offset, 0.0)
        rows.append([f"{stamp(day)} - {stamp(day + dt.timedelta(days=1))}", "45717.0",
                     f"{pct:.4f} %".replace(".", ","), f"{pct * 10000:.0f}", "100 %", "1000000"])
    rows.append(["Averages", "", "0,1 %", "", "100 %", ""])
    return rows


def test_prtg_daily_rows_roll_up_to_months(con, tmp_path):
    ids = system_ids(con)
    system = "Elevregister och skoladministration Kungsör"
    downtime = {0: 2.5, 29: 10.0, 31: 50.0}  # 1 March; 30 March (23 hours); 1 April
    rows = prtg_days(dt.date(2025, 3, 1), 33, downtime)
    path = write_csv(tmp_path / "prtg.csv", PRTG, rows)
    assert profiles.profile_for_file(path, "sla").name == "PRTG, historiska data"
    profile = shipped("PRTG, historiska data")
    missing = profiles.import_with_profile(con, profile, path)
    assert not missing.ok and "--set system_id=" in missing.problems[0].line()
    result = profiles.import_with_profile(con, profile, path, defaults={
        "system_id": system, "availability_target_pct": "99"})
    assert result.ok, result.summary()
    assert result.rows == 2
    # Independent: each day's minutes in Stockholm time, availability weighted by them.
    minutes = {}
    for offset in range(33):
        day = dt.date(2025, 3, 1) + dt.timedelta(days=offset)
        start = dt.datetime.combine(day, dt.time(), STOCKHOLM)
        end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), STOCKHOLM)
        minutes[offset] = (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / 60
    assert minutes[29] == 23 * 60
    expected = {}
    for month, offsets in (("2025-03", range(31)), ("2025-04", range(31, 33))):
        total = sum(minutes[o] for o in offsets)
        outage = sum(downtime.get(o, 0) / 100 * minutes[o] for o in offsets)
        availability = sum((100 - downtime.get(o, 0)) * minutes[o] for o in offsets) / total
        expected[month] = (round(availability, 4), round(outage, 4))
    stored = {str(m)[:7]: (muni, target, avail, out, outages) for m, muni, target, avail, out, outages in
              con.execute("SELECT month, municipality, availability_target_pct, availability_pct, "
                          "outage_minutes, outages FROM sla WHERE system_id = ? AND month >= DATE '2025-03-01'",
                          [ids[system]]).fetchall()}
    for month, (availability, outage) in expected.items():
        muni, target, avail, out, outages = stored[month]
        assert (muni, target) == ("Kungsör", 99.0)
        assert avail == pytest.approx(availability, abs=1e-4)
        assert out == pytest.approx(outage, abs=1e-3)
    assert stored["2025-03"][3] == pytest.approx(2.5 / 100 * 1440 + 10 / 100 * 1380)


def test_prtg_import_leaves_counts_it_does_not_know_unknown(con, tmp_path):
    ids = system_ids(con)
    system = "Bygglovssystem Kungsör"
    # January without downtime, February with some: 0 outages, then an unknown number.
    days = prtg_days(dt.date(2027, 1, 1), 31, {})[:-1] + prtg_days(dt.date(2027, 2, 1), 28, {3: 1.0})
    path = write_csv(tmp_path / "prtg.csv", PRTG, days)
    result = profiles.import_with_profile(con, shipped("PRTG, historiska data"), path,
                                          defaults={"system_id": system, "availability_target_pct": "99"})
    assert result.ok, result.summary()
    stored = con.execute(
        "SELECT month, outages, tickets, tickets_within_target FROM sla WHERE system_id = ? "
        "AND month >= DATE '2027-01-01' ORDER BY month", [ids[system]]).fetchall()
    assert [(str(m)[:7], o, t, w) for m, o, t, w in stored] == [
        ("2027-01", 0, None, None), ("2027-02", None, None, None)]


# --- KLASSA system list -------------------------------------------------------------------

def test_klassa_system_list_imports(con, tmp_path):
    rows = [["SYS-101", "Kulturskolans elevsystem", "Köpings kommun", "Kulturchef Köping", "Utbildning",
             "Medel", "nej", "2025-05-01", ""],
            ["SYS-102", "Nätverksövervakning", "Västra Mälardalens kommunalförbund", "IT-chef VMKF", "IT",
             "Hög", "ja", "", "Ej klassad"]]
    path = write_csv(tmp_path / "klassa.csv", KLASSA, rows, delimiter=";")
    assert profiles.profile_for_file(path, "systems").name == "KLASSA, systemförteckning"
    result = profiles.import_with_profile(con, shipped("KLASSA, systemförteckning"), path)
    assert result.ok, result.summary()
    stored = {r[0]: r[1:] for r in con.execute(
        "SELECT system_id, municipality, category, sla_tier, infrastructure, CAST(continuity_plan_date AS VARCHAR) "
        "FROM systems WHERE system_id IN ('SYS-101', 'SYS-102')").fetchall()}
    assert stored["SYS-101"] == ("Köping", "Skola", "Silver", False, "2025-05-01")
    assert stored["SYS-102"] == ("Gemensam", "Infrastruktur", "Guld", True, None)


# --- The profile file ---------------------------------------------------------------------

GOOD = """
kind = "incidents"
name = "Eget system"
[match]
headers = ["Id", "Rubrik"]
[columns]
incident_id = "Id"
title = "Rubrik"
reported_at = "Anmäld"
[values.severity]
"A" = "4"
[defaults]
municipality = "Köping"
category = "Övrigt"
cause = "Okänd"
severity = "2"
personal_data_breach = "nej"
significant = "nej"
[options]
timestamp_format = "%d.%m.%Y %H:%M"
timezone = "UTC"
empty_values = ["?"]
[rows_where]
"Typ" = ["Incident"]
"""


@pytest.mark.parametrize("change, key", [
    (("[columns]", "[columns]\ntitel = \"Rubrik\""), "columns.titel"),
    (("[options]", "[options]\nkeep_last = \"x\""), "options.keep_last"),
    (('kind = "incidents"', 'kind = "incident"'), "kind"),
    (('"A" = "4"', '"A" = "5"'), 'values.severity."A"'),
    (('timezone = "UTC"', 'timezone = "Mars/Olympus"'), "options.timezone"),
    (('timestamp_format = "%d.%m.%Y %H:%M"', 'timestamp_format = "%d.%m.%Y %Q"'), "options.timestamp_format"),
    (("[match]", "[matching]"), "matching"),
    (('empty_values = ["?"]', 'empty_values = "?"'), None),
])
def test_a_bad_profile_key_gets_a_clear_message(change, key):
    text = GOOD.replace(*change)
    if key is None:  # a single text where a list is asked for is read as a list of one
        assert profiles.load_profile(text).empty_values == ("?",)
        return
    with pytest.raises(profiles.ProfileError) as raised:
        profiles.load_profile(text)
    assert key in str(raised.value)
    assert str(raised.value).startswith("Profilen (text):")
    assert key in raised.value.message("en") and raised.value.message("en").startswith("The profile")


def test_saved_profile_reads_back_the_same_and_is_found(tmp_path, own_profiles):
    profile = profiles.load_profile(GOOD)
    path = profiles.save_profile(profile)
    assert path.parent == own_profiles
    again = profiles.load_profile(path)
    assert again.to_dict() == profile.to_dict()
    assert profiles.find_profile("eget system").path == path
    assert [p.name for p in profiles.list_profiles()][0] == "Eget system"
    assert profiles.match_profile(["Id", "Rubrik", "Typ"]).name == "Eget system"
    assert profiles.match_profile(["Id"]) is None


def test_toml_writer_escapes_quotes_backslashes_and_newlines():
    profile = profiles.load_profile(GOOD)
    tricky = profiles.Profile(**{**profile.__dict__, "name": 'Citat "x" \\ y\nz',
                                 "columns": {**profile.columns, "title": 'Rub"rik'}})
    assert profiles.load_profile(profiles.to_toml(tricky)).to_dict() == tricky.to_dict()


def test_own_profile_applies_values_defaults_and_rows_where(con, tmp_path):
    path = write_csv(tmp_path / "eget.csv", ["Id", "Rubrik", "Anmäld", "Allvar", "Typ"], [
        ["E-1", "Fel", "31.03.2025 22:30", "a", "Incident"],
        ["E-2", "Fråga", "01.04.2025 08:00", "", "Fråga"],
        ["E-3", "Avbrott", "2025-03-31 23:30:00-02:00", "?", "incident "],
    ])
    text = GOOD.replace("[values.severity]", "[values.severity]").replace(
        'reported_at = "Anmäld"', 'reported_at = "Anmäld"\nseverity = "Allvar"')
    result = profiles.import_with_profile(con, profiles.load_profile(text), path)
    assert result.ok, result.summary()
    assert result.rows == 2
    assert incident(con, "E-1")["severity"] == 4
    assert str(incident(con, "E-1")["reported_at"]) == "2025-04-01 00:30:00"
    # An offset in the text wins over the profile's zone.
    assert str(incident(con, "E-3")["reported_at"]) == "2025-04-01 03:30:00"
    assert incident(con, "E-3")["severity"] == 2  # "?" is empty: the default


def test_source_values_lists_distinct_values_with_counts(tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows() + servicenow_rows()[:1])
    values = profiles.source_values(path, "priority")
    assert values[0] == ("1 - Critical", 2)
    assert sorted(values) == sorted([("1 - Critical", 2), ("3 - Moderate", 1), ("5 - Planning", 1), ("4 - Low", 1)])


def test_dry_run_preview_shows_rows_as_stored_and_writes_nothing(con, tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows())
    before = table_snapshot(con, "incidents")
    result = profiles.preview(con, shipped("ServiceNow, listexport"), path, rows=2)
    assert result.ok and result.dry_run and result.inserted == 4
    assert list(result.preview["incident_id"]) == ["INC0010001", "INC0010002"]
    assert str(result.preview["reported_at"].iloc[0]) == "2025-03-30 01:30:00"
    assert table_snapshot(con, "incidents") == before


# --- Command line -------------------------------------------------------------------------

def cli(*args, database: Path, own: Path):
    env = dict(os.environ, LAGESBILD_DB=str(database), LAGESBILD_USER="it-chef",
               LAGESBILD_PROFILES=str(own))
    return subprocess.run([sys.executable, "-m", "lagesbild", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_lists_profiles(demo_copy, own_profiles):
    result = cli("profiles", database=demo_copy, own=own_profiles)
    assert result.returncode == 0, result.stderr
    for path in sorted(profiles.SHIPPED_DIR.glob("*.toml")):
        assert profiles.load_profile(path).name in result.stdout
    assert str(own_profiles) in result.stdout


def test_cli_imports_with_a_named_profile_and_by_its_headers(demo_copy, own_profiles, tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows())
    dry = cli("import", "incidents", path, "--profile", "ServiceNow, listexport", "--dry-run",
              database=demo_copy, own=own_profiles)
    assert dry.returncode == 0, dry.stderr
    assert "Profil: ServiceNow, listexport (vald)." in dry.stdout
    assert "Provläsning: incident.csv: 4 rader lästa. 4 skulle läggas till" in dry.stdout
    matched = cli("import", "incidents", path, database=demo_copy, own=own_profiles)
    assert matched.returncode == 0, matched.stderr
    assert matched.stdout.splitlines()[0] == "Profil: ServiceNow, listexport (känd på rubrikerna)."
    assert "4 lades till" in matched.stdout
    by_path = cli("import", "incidents", path, "--profile", profiles.SHIPPED_DIR / "servicenow-incidents.toml",
                  database=demo_copy, own=own_profiles)
    assert "0 lades till, 0 uppdaterades, 4 oförändrade" in by_path.stdout


def test_cli_refuses_a_profile_of_another_kind_and_a_bad_set(demo_copy, own_profiles, tmp_path):
    path = write_csv(tmp_path / "incident.csv", SERVICENOW, servicenow_rows())
    wrong = cli("import", "sla", path, "--profile", "ServiceNow, listexport", database=demo_copy,
                own=own_profiles)
    assert wrong.returncode == 1 and "är för dataslaget incidents, inte sla" in wrong.stderr
    bad = cli("import", "incidents", path, "--profile", "ServiceNow, listexport", "--set", "cause",
              database=demo_copy, own=own_profiles)
    assert bad.returncode == 1 and "KOLUMN=VÄRDE" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_exports_own_profiles(demo_copy, own_profiles, tmp_path):
    profiles.save_profile(profiles.load_profile(GOOD), own_profiles)
    target = tmp_path / "export"
    result = cli("profiles", "--export", target, database=demo_copy, own=own_profiles)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in target.glob("*.toml")] == ["eget-system.toml"]


@pytest.mark.parametrize("ascii_rows", [0, 3000])
def test_windows_1252_files_are_read_through_a_profile(con, tmp_path, ascii_rows):
    # Non-UTF-8 bytes at the start, or only far past the part looked at before reading.
    rows = [[f"SYS-9{i:04d}", f"System {i}", "Arboga kommun", "IT-chef", "IT", "Låg", "nej", "", ""]
            for i in range(ascii_rows)]
    rows.append(["SYS-80000", "Kassasystem – café", "Köpings kommun", "Ekonomichef", "Ekonomi", "Medel",
                 "nej", "", ""])
    lines = [";".join(KLASSA)] + [";".join(r) for r in rows]
    path = tmp_path / "klassa.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    result = profiles.import_with_profile(con, shipped("KLASSA, systemförteckning"), path)
    assert result.ok, result.summary()
    assert result.rows == ascii_rows + 1
    assert con.execute("SELECT name, municipality FROM systems WHERE system_id = 'SYS-80000'").fetchall() == [
        ("Kassasystem – café", "Köping")]
    assert ("Köpings kommun", 1) in profiles.source_values(path, "Organisation")


def test_cli_recognises_a_monitoring_file_and_takes_its_system_from_set(demo_copy, own_profiles, tmp_path):
    path = write_csv(tmp_path / "historicdata.csv", PRTG, prtg_days(dt.date(2027, 3, 1), 31, {4: 1.0}))
    result = cli("import", "sla", path, "--set", "system_id=Lärplattform Köping",
                 "--set", "availability_target_pct=99,0", database=demo_copy, own=own_profiles)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Profil: PRTG, historiska data (känd på rubrikerna)."
    assert "1 rader lästa. 1 lades till" in result.stdout
    con = db.connect(demo_copy, read_only=True)
    try:
        assert con.execute("SELECT s.municipality, s.availability_pct, s.outage_minutes FROM sla AS s "
                           "JOIN systems USING (system_id) WHERE systems.name = 'Lärplattform Köping' "
                           "AND month = DATE '2027-03-01'").fetchall() == [("Köping", 99.9677, 14.4)]
    finally:
        con.close()
    contract = write_csv(tmp_path / "s.csv", ["Månad"], [["2027-03"]])
    refused = cli("import", "sla", contract, "--set", "system_id=x", database=demo_copy, own=own_profiles)
    assert refused.returncode == 1 and "ingen profil känner igen filen" in refused.stderr


def test_utc_to_swedish_time_agrees_with_the_zone_database():
    import duckdb

    con = duckdb.connect()
    # Every 20 minutes from 1990 to 2040: both switches of every year, and before 1996 (other rules).
    differing = con.execute(
        "SELECT count(*), count(CASE WHEN fast IS DISTINCT FROM icu THEN 1 END) FROM ("
        f"  SELECT {profiles._utc_to_stockholm('u')} AS fast, "
        "   timezone('Europe/Stockholm', timezone('UTC', u)) AS icu "
        "  FROM (SELECT TIMESTAMP '1990-01-01' + to_minutes(20 * i) AS u FROM range(1315000) AS r(i)))"
    ).fetchall()[0]
    assert differing[0] == 1315000 and differing[1] == 0


def test_columns_the_profile_reads_are_not_reported_as_ignored(con, tmp_path):
    rows = [dict(servicenow_rows()[0], sys_mod_count="1")]
    path = write_csv(tmp_path / "log.csv", SERVICENOW_LOG, rows)
    result = profiles.import_with_profile(con, shipped("ServiceNow, händelselogg"), path, dry_run=True)
    assert result.ok, result.summary()
    assert "sys_updated_on" not in result.ignored_columns and "number" not in result.ignored_columns
    assert {"closed_at", "state", "sys_mod_count"} <= set(result.ignored_columns)


def test_reimporting_a_rolled_up_monitoring_file_changes_nothing(con, tmp_path):
    path = write_csv(tmp_path / "prtg.csv", PRTG, prtg_days(dt.date(2025, 3, 1), 61, {2: 0.3333, 40: 12.5}))
    profile = shipped("PRTG, historiska data").with_defaults(
        {"system_id": "Extern webbplats Köping", "availability_target_pct": "99"})
    first = profiles.import_with_profile(con, profile, path)
    assert first.ok, first.summary()
    before = table_snapshot(con, "sla")
    again = profiles.import_with_profile(con, profile, path)
    assert again.ok and (again.inserted, again.updated, again.unchanged) == (0, 0, first.rows)
    assert table_snapshot(con, "sla") == before
