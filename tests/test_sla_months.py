"""The sla_months staging macro that every SLA query reads: a system-month exactly at its
target counts as met in every figure, a shared system's row counts for the members it serves,
and ticket counts come from the incidents where none were imported (unknown, never 0, where
neither exists)."""

from __future__ import annotations

import pytest
from sample_rows import add_sla_outage as add_sla
from sample_rows import add_system, set_sla_tier

from lagesbild.data import db
from lagesbild.areas.sections import records


def rows(con, name, year=2025, municipality=None):
    return records(db.query(con, name, year=year, municipality=municipality))


def of_year(found, year=2025):
    return [r for r in found if r["year"] == year]


def add_incident(con, incident_id, reported_at, resolved_at, system_id, municipality, severity):
    con.execute(
        "INSERT INTO incidents (incident_id, title, reported_at, resolved_at, municipality, system_id, "
        "category, cause, severity, personal_data_breach, significant) "
        "VALUES (?, 'Ärende', ?, ?, ?, ?, 'Tillgänglighet', 'Okänd', ?, false, false)",
        [incident_id, reported_at, resolved_at, municipality, system_id, severity])


def add_sla_unknown_counts(con, month, system_id, municipality, target, availability):
    con.execute("INSERT INTO sla VALUES (?::DATE, ?, ?, ?, ?, NULL, 0, NULL, NULL)",
                [f"{month}-01", system_id, municipality, target, availability])


# --- Target met: availability equal to the target meets it, in every figure -----------------

@pytest.fixture
def at_the_target(con):
    """Three system-months of one Guld system in Arboga: exactly at, just below and above."""
    add_system(con, "EKO", "Arboga")
    set_sla_tier(con, "EKO", "Guld")
    add_sla(con, "2025-01", "EKO", "Arboga", 99.5, 99.5)      # at the target: met
    add_sla(con, "2025-02", "EKO", "Arboga", 99.5, 99.49)     # below: a breach
    add_sla(con, "2025-03", "EKO", "Arboga", 99.5, 99.9)      # above: met
    return con


def test_at_the_target_is_met_in_the_overview(at_the_target):
    overview = of_year(rows(at_the_target, "overview_sla"))[0]
    assert (overview["system_months"], overview["system_months_met"]) == (3, 2)
    assert overview["availability_met_pct"] == pytest.approx(100 * 2 / 3)


def test_at_the_target_is_met_per_month(at_the_target):
    months = {r["month"]: r for r in of_year(rows(at_the_target, "sla_by_month"))}
    assert [months[m]["system_months_met"] for m in (1, 2, 3)] == [1, 0, 1]
    assert [months[m]["availability_met_pct"] for m in (1, 2, 3)] == [100.0, 0.0, 100.0]


def test_at_the_target_is_no_breach_per_municipality_or_tier(at_the_target):
    (municipality,) = of_year(rows(at_the_target, "sla_by_municipality"))
    assert (municipality["municipality"], municipality["breaches"]) == ("Arboga", 1)
    (tier,) = of_year(rows(at_the_target, "sla_by_tier"))
    assert (tier["sla_tier"], tier["breaches"]) == ("Guld", 1)


def test_at_the_target_is_not_a_month_below_it_per_system(at_the_target):
    (system,) = rows(at_the_target, "sla_by_system")
    assert (system["months"], system["months_below_target"]) == (3, 1)


def test_no_sla_query_repeats_the_target_comparison():
    """Target met is written once, in the staging macro; a copy in a query could drift."""
    comparison = ("availability_pct >=", "availability_pct <", "availability_pct >",
                  "availability_pct <=", "< availability_target_pct", ">= availability_target_pct")
    for path in sorted(db.QUERIES.glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert not any(c in text for c in comparison), path.name
    macros = "".join(p.read_text(encoding="utf-8") for p in db.SCHEMA.glob("*.sql"))
    assert macros.count("availability_pct >= availability_target_pct") == 1


# --- Shared systems ----------------------------------------------------------------------

@pytest.fixture
def shared(con):
    """A shared Guld system used by Arboga and Köping, measured once a month as a whole."""
    add_system(con, "EPOST", "Gemensam")
    set_sla_tier(con, "EPOST", "Guld")
    con.execute("UPDATE systems SET used_by = 'arboga , Köping' WHERE system_id = 'EPOST'")
    add_sla(con, "2025-01", "EPOST", "Gemensam", 99.5, 99.0, outage_minutes=400,
            tickets=30, within_target=27)
    add_sla(con, "2025-02", "EPOST", "Gemensam", 99.5, 99.8, outage_minutes=80,
            tickets=10, within_target=10)
    return con


def test_a_shared_row_counts_for_each_member_it_serves(shared):
    overview = of_year(rows(shared, "overview_sla"))[0]
    # Two months, two members: four system-months; January missed for both.
    assert (overview["system_months"], overview["system_months_met"]) == (4, 2)
    by_municipality = {r["municipality"]: r for r in of_year(rows(shared, "sla_by_municipality"))}
    assert sorted(by_municipality) == ["Arboga", "Köping"]
    assert all((r["system_months"], r["breaches"]) == (2, 1) for r in by_municipality.values())
    koping = of_year(rows(shared, "overview_sla", municipality="Köping"))[0]
    assert (koping["system_months"], koping["system_months_met"]) == (2, 1)
    assert rows(shared, "overview_sla", municipality="Kungsör")[1]["system_months"] == 0


def test_a_shared_rows_tickets_count_once_and_are_not_known_per_member(shared):
    overview = of_year(rows(shared, "overview_sla"))[0]
    assert (overview["tickets"], overview["tickets_within_target"]) == (40, 37)
    assert overview["months_with_counts"] == overview["system_months"] == 4
    (system,) = rows(shared, "sla_by_system")
    assert (system["tickets"], system["tickets_within_target"]) == (40, 37)
    assert system["outage_minutes"] == pytest.approx(2 * (400 + 80))   # each member had them
    # The service desk's total is not split by member: for Köping alone it is not known.
    koping = of_year(rows(shared, "overview_sla", municipality="Köping"))[0]
    assert koping["tickets"] is None and koping["tickets_within_target_pct"] is None
    assert koping["months_with_counts"] == 0


def test_a_members_own_row_takes_the_shared_rows_place(shared):
    add_sla(shared, "2025-01", "EPOST", "Köping", 99.5, 99.9, tickets=5, within_target=5)
    overview = of_year(rows(shared, "overview_sla"))[0]
    # January: Arboga from the shared row (missed), Köping its own (met); February both met.
    assert (overview["system_months"], overview["system_months_met"]) == (4, 3)
    assert overview["tickets"] == 40 + 5


def test_a_shared_system_without_used_by_serves_all_four(con):
    add_system(con, "AD", "Gemensam")
    add_sla(con, "2025-05", "AD", "Gemensam", 99.0, 99.2)
    found = of_year(rows(con, "sla_by_municipality"))
    assert {r["municipality"] for r in found} == {"Arboga", "Köping", "Kungsör", "Surahammar"}


# --- Ticket counts computed from the incidents -----------------------------------------------

@pytest.fixture
def monitored(con):
    """A Silver system in Köping with availability from monitoring only (counts unknown)."""
    add_system(con, "VO", "Köping")
    set_sla_tier(con, "VO", "Silver")
    add_sla_unknown_counts(con, "2025-03", "VO", "Köping", 99.0, 99.5)
    add_sla_unknown_counts(con, "2025-04", "VO", "Köping", 99.0, 99.5)
    return con


def test_unknown_counts_stay_unknown_without_incidents(monitored):
    overview = of_year(rows(monitored, "overview_sla"))[0]
    assert overview["system_months"] == 2 and overview["months_with_counts"] == 0
    assert overview["tickets"] is None and overview["tickets_within_target_pct"] is None
    (tier,) = of_year(rows(monitored, "sla_by_tier"))
    assert tier["tickets"] is None and tier["tickets_within_target_pct"] is None
    (system,) = rows(monitored, "sla_by_system")
    assert system["tickets"] is None


def test_counts_are_computed_from_the_incidents_against_the_tier_and_severity(monitored):
    con = monitored
    # Silver: Kritisk within 6 h, Hög within 12 h, Medel and Låg within 24 h.
    add_incident(con, "I1", "2025-03-02 08:00", "2025-03-02 14:00", "VO", "Köping", 4)  # 6 h: within
    add_incident(con, "I2", "2025-03-03 08:00", "2025-03-03 14:01", "VO", "Köping", 4)  # over 6 h
    add_incident(con, "I3", "2025-03-04 08:00", "2025-03-04 20:00", "VO", "Köping", 3)  # 12 h: within
    add_incident(con, "I4", "2025-03-05 08:00", "2025-03-06 08:00", "VO", "Köping", 1)  # 24 h: within
    add_incident(con, "I5", "2025-03-06 08:00", None, "VO", "Köping", 2)                # open: not within
    add_incident(con, "I6", "2025-03-07 08:00", "2025-03-07 09:00", "VO", "Arboga", 2)  # other member
    overview = of_year(rows(con, "overview_sla"))[0]
    assert (overview["tickets"], overview["tickets_within_target"]) == (5, 3)
    # March has counts (computed), April has none: the share is over March only.
    assert overview["months_with_counts"] == 1 and overview["months_with_computed_counts"] == 1
    assert overview["tickets_within_target_pct"] == pytest.approx(60.0)


def test_imported_counts_win_over_computed_ones(monitored):
    con = monitored
    add_sla(con, "2025-05", "VO", "Köping", 99.0, 99.5, tickets=8, within_target=8)
    add_incident(con, "I1", "2025-05-02 08:00", None, "VO", "Köping", 4)
    overview = of_year(rows(con, "overview_sla"))[0]
    assert (overview["tickets"], overview["tickets_within_target"]) == (8, 8)
    assert overview["months_with_computed_counts"] == 0


def test_the_resolution_targets_per_tier_and_priority(con):
    """The targets of GLOSSARY.md "Service levels": Guld 4/6/12 h, Silver 6/12/24 h,
    Brons 12/24/40 h for Brådskande/Hög/Normal (severity Kritisk/Hög/Medel or Låg)."""
    expected = {"Guld": (4, 6, 12, 12), "Silver": (6, 12, 24, 24), "Brons": (12, 24, 40, 40)}
    for tier, hours in expected.items():
        found = tuple(con.execute("SELECT resolution_target_hours(?, ?)", [tier, severity]).fetchone()[0]
                      for severity in (4, 3, 2, 1))
        assert found == hours, tier
    assert con.execute("SELECT resolution_target_hours(NULL, 4)").fetchone()[0] is None


# --- Unknown and computed counts on the page (the report and the slides read the same model) --

def page(con, municipality=None, lang="sv"):
    from lagesbild.areas import availability
    return availability.build(lambda name, **params: db.query(con, name, **params), 2025,
                              municipality, lang)


def test_unknown_counts_are_shown_as_unknown_not_as_no_tickets(monitored):
    view = page(monitored)
    tickets = next(h for h in view.metrics if h.label == "Ärenden inom åtgärdstid")
    assert tickets.value == "uppgift saknas"
    assert view.tickets_by_tier.sentence.startswith("Antalet ärenden 2025 är inte känt")
    assert "Inga ärenden" not in view.tickets_by_tier.sentence
    assert view.systems.table.frame["Ärenden inom åtgärdstid"].tolist() == ["uppgift saknas"]
    english = page(monitored, lang="en")
    assert next(h for h in english.metrics if h.label == "Tickets resolved within target").value == "not known"


def test_a_share_over_some_months_says_which_and_how_many_were_computed(monitored):
    con = monitored
    add_incident(con, "I1", "2025-03-02 08:00", "2025-03-02 10:00", "VO", "Köping", 4)
    add_incident(con, "I2", "2025-03-03 08:00", None, "VO", "Köping", 4)
    sentence = page(con).tickets_by_tier.sentence
    assert sentence.startswith("50,0\u00a0% av ärendena 2025 åtgärdades inom avtalad åtgärdstid")
    assert "Andelen gäller de 1 av 2 systemmånader som har ärendeantal" in sentence
    assert "Ärendeantalen för 1 systemmånad är beräknade från incidentregistret" in sentence


# --- Importing: Används av and SLA rows for the shared services ------------------------------

def test_used_by_lists_members_of_a_shared_system_only(con, tmp_path):
    from importfiles import SAMPLES, write_excel_csv

    from lagesbild.data import ingest

    shared, own = (dict(row) for row in (SAMPLES["systems"][1], SAMPLES["systems"][0]))
    bad_name = {**shared, "Används av": "Arboga, Västerås"}
    not_shared = {**own, "Används av": "Arboga"}
    result = ingest.import_file(con, "systems", write_excel_csv(tmp_path / "s.csv", "systems",
                                                                [bad_name, not_shared]))
    assert not result.ok
    lines = [p.line() for p in result.problems]
    assert any(line.startswith("Rad 2, kolumn Används av:") and "Arboga, Köping, Kungsör, Surahammar"
               in line for line in lines), lines
    assert any(line.startswith("Rad 3, kolumn Används av:") and "gemensamt system" in line
               for line in lines), lines
    assert con.execute("SELECT count(*) FROM systems").fetchone()[0] == 0

    assert ingest.import_file(con, "systems", write_excel_csv(tmp_path / "ok.csv", "systems")).ok
    sla = {"Månad": "2025-03", "Systemid": shared["Systemid"], "Kommun": "Gemensam",
           "Mål tillgänglighet (%)": "99,5", "Tillgänglighet (%)": "99,7", "Avbrottstid (min)": "0"}
    header = ["Månad", "Systemid", "Kommun", "Mål tillgänglighet (%)", "Tillgänglighet (%)",
              "Avbrottstid (min)"]
    loaded = ingest.import_file(con, "sla", write_excel_csv(tmp_path / "m.csv", "sla", [sla],
                                                            header=header))
    assert loaded.ok, loaded.summary()
    found = {r["municipality"]: r for r in rows(con, "sla_by_municipality") if r["year"] == 2025}
    assert set(found) == {"Arboga", "Köping", "Kungsör"}


def test_a_year_frozen_before_unknown_counts_still_shows_its_share(at_the_target):
    """A snapshot stored before schema 11 has no months_with_counts: its counts were known."""
    from lagesbild.areas import availability

    def fetch(name, **params):
        frame = db.query(at_the_target, name, **params)
        return frame.drop(columns=["months_with_counts", "months_with_computed_counts"],
                          errors="ignore")

    view = availability.build(fetch, 2025, None, "sv")
    tickets = next(h for h in view.metrics if h.label == "Ärenden inom åtgärdstid")
    assert tickets.value == "90,0\u00a0%"
