"""Insert single rows with sensible defaults, so a test states only what it is about."""

from __future__ import annotations


def add_system(con, system_id, municipality="Arboga", category="Ekonomi"):
    con.execute("INSERT INTO systems (system_id, name, municipality, category, infrastructure) "
                "VALUES (?, ?, ?, ?, false)", [system_id, f"System {system_id}", municipality, category])


def add_incident(con, incident_id, reported_at, municipality="Arboga", severity=1,
                 personal_data_breach=False):
    con.execute(
        "INSERT INTO incidents (incident_id, title, reported_at, municipality, category, cause, "
        "severity, personal_data_breach, significant) "
        "VALUES (?, 'Incident', ?, ?, 'Skadlig kod', 'Angrepp', ?, ?, false)",
        [incident_id, reported_at, municipality, severity, personal_data_breach])


def add_sla(con, month, system_id, municipality="Arboga", target=99.0, availability=99.5,
            tickets=10, within_target=9):
    con.execute(
        "INSERT INTO sla VALUES (?::DATE, ?, ?, ?, ?, 0, 0, ?, ?)",
        [f"{month}-01", system_id, municipality, target, availability, tickets, within_target])


def add_classification(con, system_id, classified_on, next_review=None):
    con.execute(
        "INSERT INTO classifications (system_id, classified_on, confidentiality, integrity, "
        "availability, traceability, next_review) VALUES (?, ?, 2, 2, 2, 1, ?)",
        [system_id, classified_on, next_review])


def add_risk(con, risk_id, assessed_on, likelihood, consequence, status="Aktiv"):
    con.execute(
        "INSERT INTO risks (risk_id, title, area, assessed_on, likelihood, consequence, status) "
        "VALUES (?, ?, 'IT-infrastruktur', ?, ?, ?, ?)",
        [risk_id, f"Risk {risk_id}", assessed_on, likelihood, consequence, status])


def add_recommendation(con, rec_id):
    con.execute("INSERT INTO recommendations (rec_id, audit, text) VALUES (?, 'Revision 2021', ?)",
                [rec_id, f"Rekommendation {rec_id}"])


def add_followup(con, rec_id, assessed_on, status):
    con.execute("INSERT INTO followups (rec_id, assessed_on, assessed_by, status) "
                "VALUES (?, ?, 'Revisorerna', ?)", [rec_id, assessed_on, status])


def add_sample_data(con):
    """Two years (2024, 2025) over several municipalities: enough for every overview area."""
    systems = [("EKO", "Gemensam"), ("LON", "Gemensam"), ("SKOLA-A", "Arboga"),
               ("SKOLA-K", "Köping"), ("VO-K", "Köping"), ("WEBB-S", "Surahammar")]
    for system_id, municipality in systems:
        add_system(con, system_id, municipality)

    incidents = [
        # (reported, municipality, severity, breach)
        ("2024-02-03 08:00", "Arboga", 1, False), ("2024-05-06 09:00", "Köping", 3, True),
        ("2024-09-09 10:00", "Köping", 2, False), ("2024-11-11 11:00", "Gemensam", 4, False),
        ("2025-01-15 08:30", "Arboga", 3, False), ("2025-03-01 12:00", "Köping", 1, True),
        ("2025-04-02 13:00", "Köping", 3, False), ("2025-06-20 14:00", "Surahammar", 2, False),
        ("2025-08-08 15:00", "Gemensam", 1, False), ("2025-10-10 16:00", "Gemensam", 4, True),
        ("2025-12-31 23:59", "Arboga", 1, False), ("2026-01-01 00:00", "Arboga", 1, False),
    ]
    for number, (reported, municipality, severity, breach) in enumerate(incidents, 1):
        add_incident(con, f"INC-{number:03d}", reported, municipality, severity, breach)

    for year in (2024, 2025):
        for month in range(1, 13):
            for system_id, owner in systems:
                # A few system-months miss the target, more of them in 2024.
                missed = (month + len(system_id)) % (4 if year == 2024 else 7) == 0
                # Service levels are measured per member: shared systems for each of two here.
                for municipality in ("Arboga", "Köping") if owner == "Gemensam" else (owner,):
                    add_sla(con, f"{year}-{month:02d}", system_id, municipality,
                            availability=98.2 if missed else 99.7,
                            tickets=month + len(system_id), within_target=month + len(system_id) - 1)

    add_classification(con, "EKO", "2023-03-01", "2024-03-01")
    add_classification(con, "EKO", "2024-06-01", "2025-06-01")    # overdue at 2025-12-31
    add_classification(con, "LON", "2025-02-01", "2026-02-01")
    add_classification(con, "SKOLA-K", "2024-10-01", "2026-10-01")
    add_classification(con, "VO-K", "2025-09-01", None)           # current: under 12 months old
    add_classification(con, "SKOLA-A", "2024-01-10", None)        # overdue in 2025

    add_risk(con, "R1", "2024-03-01", 4, 4)                        # extremt hög
    add_risk(con, "R1", "2025-04-01", 2, 4)                        # hög after treatment
    add_risk(con, "R2", "2024-03-01", 3, 3)                        # hög
    add_risk(con, "R2", "2025-05-01", 3, 3, status="Stängd")
    add_risk(con, "R3", "2025-02-01", 1, 2)                        # låg
    add_risk(con, "R4", "2025-02-01", 2, 2)                        # medelhög

    for rec_id in ("1", "2", "3", "4", "5"):
        add_recommendation(con, rec_id)
    add_followup(con, "1", "2023-12-06", "Delvis")
    add_followup(con, "1", "2025-11-20", "Ja")
    add_followup(con, "2", "2023-12-06", "Delvis")
    add_followup(con, "3", "2023-12-06", "Nej")
    add_followup(con, "3", "2025-11-20", "Delvis")
    add_followup(con, "4", "2024-06-01", "Ja")


def add_row(con, table, **values):
    """Insert one row into ``table`` with the given columns; the others are NULL."""
    columns = ", ".join(values)
    con.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(values))})",
                list(values.values()))


def add_risk_assessment(con, risk_id, assessed_on, likelihood, consequence, **columns):
    """One assessment of a risk, with any further risk columns (action, action_owner, ...)."""
    values = {"title": f"Risk {risk_id}", "area": "IT-infrastruktur", "status": "Aktiv"} | columns
    add_row(con, "risks", risk_id=risk_id, assessed_on=assessed_on, likelihood=likelihood,
            consequence=consequence, **values)


def add_detailed_incident(con, incident_id, reported_at, *, resolved_at=None, municipality="Arboga",
                          category="Skadlig kod", cause="Angrepp", severity=1,
                          personal_data_breach=False, significant=False,
                          reported_to_authority_at=None, title="Incident"):
    """An incident with every column a test may be about."""
    con.execute(
        "INSERT INTO incidents (incident_id, title, reported_at, resolved_at, municipality, "
        "category, cause, severity, personal_data_breach, significant, reported_to_authority_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [incident_id, title, reported_at, resolved_at, municipality, category, cause, severity,
         personal_data_breach, significant, reported_to_authority_at])


def add_sla_outage(con, month, system_id, municipality="Arboga", target=99.0, availability=99.5,
                   outage_minutes=0.0, tickets=10, within_target=9):
    """A system-month with its outage time (one outage when there is any)."""
    con.execute(
        "INSERT INTO sla VALUES (?::DATE, ?, ?, ?, ?, ?, ?, ?, ?)",
        [f"{month}-01", system_id, municipality, target, availability,
         1 if outage_minutes else 0, outage_minutes, tickets, within_target])


def set_sla_tier(con, system_id, tier):
    con.execute("UPDATE systems SET sla_tier = ? WHERE system_id = ?", [tier, system_id])
