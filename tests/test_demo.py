"""The demo data: deterministic, in the contracts' format, loadable, and telling the audit's story."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from lagesbild.data import contracts, db
from lagesbild import demo
from lagesbild.data.contracts import BOOLEAN, CHOICE, DATE, DECIMAL, INTEGER, MONTH, TIMESTAMP

FORMATS = {DATE: r"\d{4}-\d{2}-\d{2}", TIMESTAMP: r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", MONTH: r"\d{4}-\d{2}",
           INTEGER: r"\d+", DECIMAL: r"\d+(\.\d+)?", BOOLEAN: "ja|nej"}


def read(directory: Path, kind_name: str) -> list[dict[str, str]]:
    """The rows of ``<kind>.csv`` as dicts keyed by the contract's column names."""
    names = {c.header: c.name for c in contracts.KINDS[kind_name].columns}
    with open(directory / f"{kind_name}.csv", encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return [dict(zip((names[h] for h in header), row)) for row in reader]


@lru_cache(maxsize=None)
def shipped(kind_name: str) -> tuple[dict[str, str], ...]:
    return tuple(read(demo.DEMO_DIR, kind_name))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


def stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")


def risk_score(row) -> int:
    return int(row["likelihood"]) * int(row["consequence"])


def action_overdue(row, on: dt.date) -> bool:
    return row["action_status"] != "Klar" and bool(row["due_date"]) and day(row["due_date"]) < on


def latest(rows, key: str, on: str) -> list[dict[str, str]]:
    newest = {}
    for row in rows:
        if row[key] not in newest or row[on] > newest[row[key]][on]:
            newest[row[key]] = row
    return list(newest.values())


# --- Determinism and format -------------------------------------------------------------------

def test_same_seed_gives_identical_files(tmp_path):
    first = demo.generate(tmp_path / "a", seed=7)
    second = demo.generate(tmp_path / "b", seed=7)
    assert first == second
    for name in contracts.KINDS:
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()
    other = tmp_path / "c"
    demo.generate(other, seed=8)
    assert (other / "incidents.csv").read_bytes() != (tmp_path / "a" / "incidents.csv").read_bytes()


def test_shipped_files_are_what_the_generator_writes(tmp_path):
    written = demo.generate(tmp_path, seed=demo.DEMO_SEED, until=demo.DEMO_UNTIL)
    for name in contracts.KINDS:
        fresh = (tmp_path / f"{name}.csv").read_bytes()
        assert (demo.DEMO_DIR / f"{name}.csv").read_bytes() == fresh, (
            f"data/demo/{name}.csv is stale: run python -m lagesbild.demo")
        assert written[name] == len(shipped(name))


@pytest.mark.parametrize("kind_name", list(contracts.KINDS))
def test_files_follow_the_contract(kind_name):
    kind = contracts.KINDS[kind_name]
    data = (demo.DEMO_DIR / f"{kind_name}.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r" not in data
    assert data.decode("utf-8").split("\n", 1)[0] == ",".join(c.header for c in kind.columns)
    rows = shipped(kind_name)
    assert rows
    keys = [tuple(row[k] for k in kind.key) for row in rows]
    assert len(set(keys)) == len(keys)
    for column in kind.columns:
        values = [row[column.name] for row in rows]
        if column.required:
            assert all(values), column.name
        present = [v for v in values if v]
        if column.type == CHOICE:
            allowed = {str(v) for v in column.vocabulary.values}
            assert set(present) <= allowed, (column.name, set(present) - allowed)
        elif column.type in FORMATS:
            assert all(re.fullmatch(FORMATS[column.type], v) for v in present), column.name
        else:
            assert all(v == v.strip() and "\n" not in v for v in present), column.name


def test_references_point_at_existing_rows():
    systems = {row["system_id"] for row in shipped("systems")}
    for kind_name in ("incidents", "sla", "classifications", "risks"):
        assert {row["system_id"] for row in shipped(kind_name) if row["system_id"]} <= systems
    recommendations = {row["rec_id"] for row in shipped("recommendations")}
    assert {row["rec_id"] for row in shipped("followups")} <= recommendations


def test_text_exercises_swedish_and_windows_1252_characters():
    text = "".join((demo.DEMO_DIR / f"{name}.csv").read_text(encoding="utf-8") for name in contracts.KINDS)
    for character in "åäöÅÄÖ€–”":
        assert character in text


# --- The story ----------------------------------------------------------------------------------

def test_incident_volume_and_seasons_are_believable():
    incidents = shipped("incidents")
    per_year = Counter(row["reported_at"][:4] for row in incidents)
    assert sorted(per_year) == [str(y) for y in range(2019, demo.DEMO_UNTIL.year + 1)]
    assert all(150 <= count <= 500 for count in per_year.values())
    per_month = Counter(int(row["reported_at"][5:7]) for row in incidents)
    assert per_month[7] < 0.6 * per_month[10]
    phishing = Counter(int(row["reported_at"][5:7]) for row in incidents if row["category"] == "Bedrägeri")
    assert phishing[10] + phishing[11] > 2 * (phishing[6] + phishing[7])
    assert {row["category"] for row in incidents} == set(contracts.INCIDENT_CATEGORIES.values)
    assert {row["cause"] for row in incidents} == set(contracts.CAUSES.values)
    severity = Counter(row["severity"] for row in incidents)
    assert severity["1"] + severity["2"] > 0.8 * len(incidents)
    assert 0 < severity["4"] < 0.03 * len(incidents)
    assert any(not row["system_id"] for row in incidents)


def test_incidents_are_resolved_after_reporting_and_a_handful_are_open():
    incidents = shipped("incidents")
    end = dt.datetime.combine(demo.DEMO_UNTIL, dt.time(23, 59))
    for row in incidents:
        if row["resolved_at"]:
            assert stamp(row["reported_at"]) <= stamp(row["resolved_at"]) <= end
    open_ = [row for row in incidents if not row["resolved_at"]]
    assert 1 <= len(open_) <= 15
    assert all(day(row["reported_at"]) > demo.DEMO_UNTIL - dt.timedelta(days=200) for row in open_)
    hours = defaultdict(list)
    for row in incidents:
        if row["resolved_at"]:
            hours[row["severity"]].append(
                (stamp(row["resolved_at"]) - stamp(row["reported_at"])).total_seconds() / 3600)
    medians = [sorted(h)[len(h) // 2] for _, h in sorted(hours.items())]
    assert medians == sorted(medians, reverse=True)  # more serious, resolved faster


def test_personal_data_breaches_every_year_reported_to_imy_mostly_in_time():
    breaches = [row for row in shipped("incidents") if row["personal_data_breach"] == "ja"]
    per_year = Counter(row["reported_at"][:4] for row in breaches)
    assert all(3 <= per_year[str(y)] <= 20 for y in range(2019, demo.DEMO_UNTIL.year + 1))
    delays = [(stamp(row["reported_to_authority_at"]) - stamp(row["reported_at"])).total_seconds() / 3600
              for row in breaches if row["significant"] == "nej"]
    assert len(delays) >= len(breaches) - 6
    late = sum(hours > 72 for hours in delays)
    assert 0 < late < 0.3 * len(delays)


def test_significant_incidents_only_under_the_cybersecurity_act():
    incidents = shipped("incidents")
    significant = [row for row in incidents if row["significant"] == "ja"]
    assert 1 <= len(significant) <= 10
    assert all(day(row["reported_at"]) >= demo.CYBERSECURITY_ACT for row in significant)
    delays = [(stamp(row["reported_to_authority_at"]) - stamp(row["reported_at"])).total_seconds() / 3600
              for row in significant]
    assert 1 <= sum(hours > 24 for hours in delays) < len(delays) / 2
    assert all(not row["reported_to_authority_at"] for row in incidents
               if row["significant"] == "nej" and row["personal_data_breach"] == "nej")


def test_sla_rows_are_consistent():
    rows = shipped("sla")
    tiers = {row["system_id"]: row["sla_tier"] for row in shipped("systems")}
    assert min(row["month"] for row in rows) == "2021-01"
    assert max(row["month"] for row in rows) == "2026-10"
    breaches_per_year = Counter()
    for row in rows:
        year, month = map(int, row["month"].split("-"))
        minutes = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.date(year, month, 1)).days * 1440
        outage = float(row["outage_minutes"])
        assert float(row["availability_pct"]) == pytest.approx(100 * (1 - outage / minutes), abs=0.0006)
        assert (int(row["outages"]) > 0) == (outage > 0)
        assert 0 <= int(row["tickets_within_target"]) <= int(row["tickets"])
        assert float(row["availability_target_pct"]) == (99.5 if tiers[row["system_id"]] == "Guld" else 99.0)
        if float(row["availability_pct"]) < float(row["availability_target_pct"]):
            breaches_per_year[year] += 1
    assert 0 < sum(breaches_per_year.values()) < 0.01 * len(rows)
    surahammar = {row["system_id"] for row in rows if row["municipality"] == "Surahammar"}
    shared = {row["system_id"] for row in shipped("systems")
              if row["municipality"] == "Gemensam" and row["sla_tier"]}
    assert 0 < len(surahammar & shared) < len(shared)


def test_classification_coverage_grows_but_reviews_lag():
    systems = shipped("systems")
    classifications = shipped("classifications")
    covered = {year: len({row["system_id"] for row in classifications
                          if int(row["classified_on"][:4]) <= year})
               for year in range(2020, 2027)}
    assert covered[2020] == 0
    assert 1 <= covered[2021] <= 0.15 * len(systems)
    assert list(covered.values()) == sorted(covered.values())
    assert covered[2026] >= 0.75 * len(systems)
    assert max(Counter(row["system_id"] for row in classifications).values()) > 1  # re-classifications kept
    current = latest(classifications, "system_id", "classified_on")
    overdue = [row for row in current if day(row["next_review"]) < demo.DEMO_UNTIL]
    assert 0 < len(overdue) < len(current) / 2
    infrastructure = {row["system_id"] for row in systems if row["infrastructure"] == "ja"}
    assert all(int(row["availability"]) >= 3 for row in current if row["system_id"] in infrastructure)


def test_risk_register_starts_after_the_audit_and_shows_what_is_red():
    risks = shipped("risks")
    assert 20 <= len({row["risk_id"] for row in risks}) <= 30
    assert min(row["assessed_on"] for row in risks) >= "2023-12-06"
    assert all(row["description"].startswith("På grund av") and "inträffar" in row["description"]
               and "vilket leder till" in row["description"] for row in risks)
    assert {row["area"] for row in risks} == set(contracts.RISK_AREAS.values)
    assert all(bool(row["residual_likelihood"]) == bool(row["residual_consequence"]) for row in risks)
    current = {row["risk_id"]: row for row in latest(risks, "risk_id", "assessed_on")}
    high_and_neglected = [
        row for row in current.values()
        if row["status"] == "Aktiv" and risk_score(row) >= 8
        and (not row["action_owner"] or action_overdue(row, demo.DEMO_UNTIL))]
    assert high_and_neglected
    assert any(row["status"] == "Stängd" for row in current.values())
    first = {}
    for row in sorted(risks, key=lambda r: r["assessed_on"]):
        first.setdefault(row["risk_id"], row)
    treated_down = [risk_id for risk_id, row in first.items()
                    if risk_score(row) > risk_score(current[risk_id])]
    assert len(treated_down) >= 5


def test_recommendations_and_follow_ups_tell_the_audit():
    recommendations = {row["rec_id"]: row for row in shipped("recommendations")}
    followups = shipped("followups")
    audit_2023 = {row["rec_id"]: row["status"] for row in followups if row["assessed_on"] == "2023-12-06"}
    risk_model = [rec_id for rec_id, row in recommendations.items()
                  if row["text"].startswith("Införa en modell/metod för riskanalys")]
    assert len(risk_model) == 1 and audit_2023[risk_model[0]] == "Nej"
    assert sorted(audit_2023.values()) == ["Delvis", "Delvis", "Delvis", "Nej", "Nej"]
    assert all(row["assessed_by"] == "KPMG (revisionen)"
               for row in followups if row["assessed_on"] == "2023-12-06")
    assert any(row["text"].startswith("Förtydliga digitaliseringsrådets roll")
               for row in recommendations.values())
    current = latest(followups, "rec_id", "assessed_on")
    assert len(current) == len(recommendations)
    assert 1 <= sum(row["status"] == "Ja" for row in current) <= 2


def test_governing_documents_from_the_audit_some_overdue():
    documents = {row["title"]: row for row in shipped("documents")}
    assert documents["Policy för informationssäkerhet"]["decided_on"] == "2022-12-14"
    assert documents["Informationssäkerhetsanvisning"]["decided_on"] == "2023-09-26"
    assert documents["Riktlinje för systemförvaltning"]["status"] == "Under revidering"
    overdue = []
    for row in documents.values():
        if row["status"] == "Gällande":
            decided = day(row["decided_on"])
            months = decided.month - 1 + int(row["review_months"])
            review = decided.replace(year=decided.year + months // 12, month=months % 12 + 1)
            if review < demo.DEMO_UNTIL:
                overdue.append(row["title"])
    assert 0 < len(overdue) < len(documents)


# --- Scaling and loading ---------------------------------------------------------------------------

def test_benchmark_volumes_scale_and_load(tmp_path, con):
    written = demo.generate_for_total_incidents(tmp_path, 10_000)
    assert abs(written["incidents"] - 10_000) <= 1
    demo_size = {name: len(shipped(name)) for name in contracts.KINDS}
    for name in ("systems", "sla", "risks", "classifications"):
        assert written[name] > 3 * demo_size[name]
    demo.load_demo(con, tmp_path, changed_by="benchmark")
    for name, rows in written.items():
        assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == rows


def test_an_earlier_end_date_writes_nothing_after_it(tmp_path, con):
    until = dt.date(2022, 6, 30)
    written = demo.generate(tmp_path, until=until)
    assert written["risks"] == 0 and written["incidents"] > 0
    assert max(row["reported_at"] for row in read(tmp_path, "incidents")) < "2022-07-01"
    assert max(row["month"] for row in read(tmp_path, "sla")) == "2022-06"
    demo.load_demo(con, tmp_path)


def test_demo_database_holds_every_row(demo_db_path):
    con = db.connect(demo_db_path, read_only=True)
    try:
        assert demo.is_demo(con)
        for name in contracts.KINDS:
            assert con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] == len(shipped(name)), name
    finally:
        con.close()


def test_a_broken_demo_file_is_refused_in_swedish(tmp_path, con):
    demo.generate(tmp_path)
    path = tmp_path / "incidents.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("Personuppgiftsincident")] = "kanske"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    with pytest.raises(db.LagesbildError, match=r"incidents\.csv.*rad 4") as error:
        demo.load_demo(con, tmp_path)
    assert "Personuppgiftsincident" in str(error.value)
    assert not demo.is_demo(con)
