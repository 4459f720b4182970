"""The rules behind "Att uppmärksamma", each on a handful of rows made for the purpose, and
the ordering of the findings. The reference date of 2025 is 2025-12-31."""

from functools import partial

from lagesbild.areas import attention
from lagesbild.data import db
from lagesbild.rules import risk_review
from lagesbild.areas.attention import SEVERITY_ACT, SEVERITY_UPKEEP, SEVERITY_WATCH
from lagesbild.rules.status import Status
from sample_rows import add_followup, add_recommendation, add_risk_assessment, add_row, add_sla, add_system

YEAR = 2025


def rows(con, query, municipality=None, year=YEAR):
    scoped = query in ("classification_by_system", "incidents_reporting", "sla_by_system")
    return db.query(con, query, year=year, **({"municipality": municipality} if scoped else {}),
                    **risk_review.query_params())


def keys(finding):
    return [item.key for item in finding.items]


def add_critical_system(con, system_id, *, municipality="Gemensam", sla_tier=None, infrastructure=False,
                        continuity_plan_date=None):
    add_row(con, "systems", system_id=system_id, name=f"System {system_id}", municipality=municipality,
            category="Infrastruktur", sla_tier=sla_tier, infrastructure=infrastructure,
            continuity_plan_date=continuity_plan_date)


def classify(con, system_id, classified_on, *, availability=2, next_review=None):
    add_row(con, "classifications", system_id=system_id, classified_on=classified_on, confidentiality=2,
            integrity=2, availability=availability, traceability=1, next_review=next_review)


def add_reportable(con, incident_id, reported_at, reported_to_authority_at=None, *, breach=True,
                   significant=False, municipality="Arboga"):
    add_row(con, "incidents", incident_id=incident_id, title=f"Incident {incident_id}", reported_at=reported_at,
            municipality=municipality, category="Intrång", cause="Angrepp", severity=3,
            personal_data_breach=breach, significant=significant,
            reported_to_authority_at=reported_to_authority_at)


def add_document(con, doc_id, decided_on, review_months, status="Gällande"):
    add_row(con, "documents", doc_id=doc_id, title=f"Dokument {doc_id}", type="Rutin",
            decided_on=decided_on, review_months=review_months, status=status)


# --- Risks ------------------------------------------------------------------------------------

def test_empty_register_is_a_finding_of_its_own(con):
    finding = attention.risk_register_empty(rows(con, "risks_current"), "sv")
    assert finding.severity == SEVERITY_ACT and finding.page == "risker" and finding.items == ()
    assert "inga bedömda risker" in finding.sentence
    add_risk_assessment(con, "R-01", "2025-02-01", 1, 1)
    assert attention.risk_register_empty(rows(con, "risks_current"), "sv") is None


def test_high_risks_without_action_owner(con):
    add_risk_assessment(con, "R-01", "2025-02-01", 3, 4, title="Brand")                 # Hög 12
    add_risk_assessment(con, "R-02", "2025-02-01", 4, 4, title="Intrång")               # Extremt hög
    add_risk_assessment(con, "R-03", "2025-02-01", 3, 4, action_owner="IT-chef")        # owned
    add_risk_assessment(con, "R-04", "2025-02-01", 2, 3)                                # Medelhög
    finding = attention.risks_without_action_owner(rows(con, "risks_current"), "sv")
    assert keys(finding) == ["R-02", "R-01"]                                            # highest first
    assert (finding.severity, finding.page, finding.status) == (SEVERITY_ACT, "risker", Status.ACT)
    assert finding.sentence == "2 höga risker saknar åtgärdsansvarig: R-02 Intrång och R-01 Brand."
    assert finding.summary == "2 höga risker saknar åtgärdsansvarig."
    assert finding.link_label == "Risker"


def test_no_finding_when_every_high_risk_has_an_owner(con):
    add_risk_assessment(con, "R-01", "2025-02-01", 3, 4, action_owner="IT-chef")
    assert attention.risks_without_action_owner(rows(con, "risks_current"), "sv") is None


def test_overdue_risk_actions_longest_overdue_first(con):
    add_risk_assessment(con, "R-01", "2025-02-01", 2, 2, due_date="2025-11-30", action_status="Pågår")
    add_risk_assessment(con, "R-02", "2025-02-01", 2, 2, due_date="2025-03-31", action_status="Försenad")
    add_risk_assessment(con, "R-03", "2025-02-01", 2, 2, due_date="2025-03-31", action_status="Klar")
    add_risk_assessment(con, "R-04", "2025-02-01", 2, 2, due_date="2025-12-31", action_status="Pågår")
    finding = attention.risk_actions_overdue(rows(con, "risks_current"), "sv")
    assert keys(finding) == ["R-02", "R-01"]
    assert (finding.severity, finding.status) == (SEVERITY_WATCH, Status.WATCH)
    assert finding.sentence.startswith("2 riskåtgärder är försenade: ")


def test_risks_past_their_review_date_by_the_cadence(con):
    add_risk_assessment(con, "R-01", "2024-12-30", 2, 2)                    # Medelhög: 12 months, passed
    add_risk_assessment(con, "R-02", "2024-12-31", 2, 2)                    # 12 months: the very day
    add_risk_assessment(con, "R-03", "2024-01-15", 2, 2, status="Stängd")   # closed: never due
    add_risk_assessment(con, "R-04", "2025-06-29", 2, 4)                    # Hög: 6 months, passed
    add_risk_assessment(con, "R-05", "2025-07-01", 2, 4)                    # Hög: due 2026-01-01
    add_risk_assessment(con, "R-06", "2025-07-15", 4, 4)                    # due soon, not overdue
    review = rows(con, "risks_review")
    assert dict(zip(review["risk_id"], review["review_state"])) == {
        "R-01": "overdue", "R-02": "due", "R-04": "overdue", "R-05": "due", "R-06": "due"}
    finding = attention.risks_review_overdue(review, "en")
    assert keys(finding) == ["R-04", "R-01"]                                # longest overdue first
    assert (finding.severity, finding.page) == (SEVERITY_WATCH, "risker")
    assert finding.sentence == ("2 active risks are past their date for re-assessment: R-04 Risk R-04 "
                                "and R-01 Risk R-01.")
    assert finding.summary == "2 active risks are past their date for re-assessment."


def test_risks_flagged_by_serious_incidents_after_their_assessment(con):
    add_system(con, "S1")
    add_row(con, "threats", threat_id="T1", name="Skadlig kod", incident_categories="Skadlig kod; Intrång",
            active=True)
    add_risk_assessment(con, "R-01", "2025-03-01", 2, 3, system_id="S1")
    add_risk_assessment(con, "R-02", "2025-03-01", 2, 3, threat_id="T1")
    add_risk_assessment(con, "R-03", "2025-03-01", 2, 3, system_id="S1", status="Stängd")
    add_risk_assessment(con, "R-04", "2025-11-01", 2, 3, system_id="S1")   # assessed after the incidents
    for incident_id, day, severity, system in (("I1", "2025-04-01", 3, "S1"), ("I2", "2025-05-01", 4, None),
                                                ("I3", "2025-05-02", 2, "S1"), ("I4", "2025-03-01", 4, "S1")):
        add_row(con, "incidents", incident_id=incident_id, title="Incident", reported_at=f"{day} 10:00",
                municipality="Arboga", system_id=system, category="Skadlig kod", cause="Angrepp",
                severity=severity, personal_data_breach=False, significant=False)
    flagged = rows(con, "risks_flagged_by_incidents")
    # I1 (its system, serious); I3 is not serious, I4 the day of the assessment. R-02 is tied
    # to no system: I1 and I2 are of its threat's category and serious.
    assert dict(zip(flagged["risk_id"], flagged["incidents"])) == {"R-01": 1, "R-02": 2}
    assert dict(zip(flagged["risk_id"], flagged["incidents_in_system"])) == {"R-01": 1, "R-02": 0}
    finding = attention.risks_flagged_by_incidents(flagged, "sv")
    assert (finding.severity, finding.page) == (SEVERITY_WATCH, "risker")
    assert finding.summary == ("2 aktiva risker berörs av allvarliga incidenter efter sin senaste "
                               "bedömning och bör bedömas om.")


def test_expired_acceptances_of_high_risks(con):
    accepted = dict(treatment="Acceptera", accepted_by="Förbundsdirektionen", acceptance_reason="Budget")
    add_risk_assessment(con, "R-01", "2025-01-10", 3, 3, accepted_until="2025-06-30", **accepted)
    add_risk_assessment(con, "R-02", "2025-01-10", 3, 3, accepted_until="2026-06-30", **accepted)
    add_risk_assessment(con, "R-03", "2025-01-10", 1, 2, accepted_until="2025-06-30", **accepted)  # Låg
    finding = attention.risk_acceptances_expired(rows(con, "risks_accepted"), "sv")
    assert keys(finding) == ["R-01"]
    assert (finding.severity, finding.status) == (SEVERITY_ACT, Status.ACT)
    assert finding.sentence == ("1 accepterad hög risk bärs på en acceptans som har löpt ut: "
                                "R-01 Risk R-01.")
    assert attention.risk_acceptances_expired(rows(con, "risks_accepted", year=2024), "sv") is None


# --- Audit recommendations --------------------------------------------------------------------

def test_recommendations_not_done_or_overdue(con):
    for rec_id, due in (("1", None), ("2", "2024-12-31"), ("3", "2024-12-31"), ("4", None), ("5", None),
                        ("6", "2026-06-30")):
        add_row(con, "recommendations", rec_id=rec_id, audit="Revision", text=f"Rekommendation {rec_id}",
                due_date=due)
    add_followup(con, "1", "2025-09-01", "Nej")           # not done
    add_followup(con, "2", "2025-09-01", "Delvis")        # overdue
    add_followup(con, "3", "2025-09-01", "Ja")            # done, though late
    add_followup(con, "4", "2025-09-01", "Delvis")        # no due date
    add_followup(con, "5", "2024-09-01", "Nej")
    add_followup(con, "5", "2025-09-01", "Ja")            # latest follow-up counts
    add_followup(con, "6", "2025-09-01", "Nej")           # not done and not yet due
    finding = attention.recommendations_behind(rows(con, "recommendations_status"), "sv")
    assert keys(finding) == ["6", "1", "2"]               # 'Nej' first, then by due date
    assert (finding.severity, finding.page) == (SEVERITY_ACT, "rekommendationer")
    assert finding.sentence.startswith("3 av revisionens rekommendationer är försenade eller bedömda som "
                                       "inte genomförda: 6 Rekommendation 6, ")


def test_long_recommendation_texts_are_quoted_briefly(con):
    text = "Genomföra en riskanalys som inkluderar informationssäkerhetsrisker för förbundet och vidta åtgärder"
    add_row(con, "recommendations", rec_id="R", audit="Revision", text=text)
    add_followup(con, "R", "2025-09-01", "Nej")
    finding = attention.recommendations_behind(rows(con, "recommendations_status"), "sv")
    label = finding.items[0].label
    assert label.startswith("R Genomföra en riskanalys") and label.endswith("…")
    assert len(label) <= len("R ") + attention.QUOTED_CHARACTERS + 1


# --- Systems: classification and continuity ---------------------------------------------------

def test_critical_systems_without_a_current_classification(con):
    add_critical_system(con, "G1", sla_tier="Guld")                          # never classified
    add_critical_system(con, "I1", infrastructure=True)
    classify(con, "I1", "2023-05-01", next_review="2024-05-01")              # past review
    add_critical_system(con, "G2", sla_tier="Guld")
    classify(con, "G2", "2025-05-01", next_review="2026-05-01")              # current
    add_critical_system(con, "S1", sla_tier="Silver")                        # not critical
    add_critical_system(con, "K1", sla_tier="Guld", municipality="Köping")   # never classified
    finding = attention.critical_systems_unclassified(rows(con, "classification_by_system"), "sv")
    assert set(keys(finding)) == {"G1", "I1", "K1"}
    assert keys(finding)[-1] == "I1"                                         # never classified first
    assert (finding.severity, finding.page, finding.link_label) == (SEVERITY_WATCH, "klassning", "Informationsklassning")
    scoped = attention.critical_systems_unclassified(rows(con, "classification_by_system", "Köping"), "sv")
    assert keys(scoped) == ["K1"]
    assert scoped.sentence == ("1 kritiskt system (SLA Guld eller infrastruktur) saknar aktuell "
                               "informationsklassning: System K1.")


def test_systems_with_high_availability_needs_without_continuity_plan(con):
    for system_id, availability, plan in (("A", 3, None), ("B", 4, "2026-02-01"), ("C", 3, "2025-01-01"),
                                          ("D", 2, None)):
        add_critical_system(con, system_id, continuity_plan_date=plan)
        classify(con, system_id, "2025-03-01", availability=availability)
    add_critical_system(con, "E")                                            # not classified: not judged
    finding = attention.continuity_plans_missing(rows(con, "classification_by_system"), "sv")
    assert keys(finding) == ["B", "A"]                                       # T4 before T3
    assert finding.sentence.startswith("2 system med höga krav på tillgänglighet (T3–T4) saknar kontinuitetsplan")


# --- Incidents ----------------------------------------------------------------------------------

def test_reportable_incidents_reported_late_or_not_at_all(con):
    add_reportable(con, "I1", "2025-03-01 08:00", "2025-03-04 16:00")                 # breach, 80 h
    add_reportable(con, "I2", "2025-04-01 08:00", "2025-04-04 08:00")                 # breach, exactly 72 h
    add_reportable(con, "I3", "2025-05-01 08:00", "2025-05-02 09:00", breach=False,
                   significant=True)                                                 # significant, 25 h
    add_reportable(con, "I4", "2025-06-01 08:00", breach=False, significant=True)    # never reported
    add_reportable(con, "I5", "2025-07-01 08:00", breach=False)                      # not reportable
    add_reportable(con, "I6", "2025-08-01 08:00", municipality="Köping")             # Köping, never
    finding = attention.incidents_reported_late(rows(con, "incidents_reporting"), "sv")
    assert keys(finding) == ["I1", "I3", "I4", "I6"]
    assert (finding.severity, finding.page) == (SEVERITY_ACT, "incidenter")
    assert [item.label for item in finding.items[:3]] == [
        "I1 Incident I1 (rapporterad efter 80 timmar, gränsen är 72)",
        "I3 Incident I3 (rapporterad efter 25 timmar, gränsen är 24)",
        "I4 Incident I4 (inte rapporterad)"]
    assert finding.sentence.endswith("och 1 till.")
    assert keys(attention.incidents_reported_late(rows(con, "incidents_reporting", "Köping"), "sv")) == ["I6"]
    assert attention.incidents_reported_late(rows(con, "incidents_reporting", "Kungsör"), "sv") is None


# --- Service levels ---------------------------------------------------------------------------

def test_systems_below_their_availability_target_in_three_months(con):
    add_system(con, "A")
    add_system(con, "B")
    for month in range(1, 13):
        add_sla(con, f"2025-{month:02d}", "A", availability=98.0 if month in (2, 5, 9) else 99.5)
        add_sla(con, f"2025-{month:02d}", "B", availability=98.0 if month in (2, 5) else 99.5)
    finding = attention.systems_below_availability_target(rows(con, "sla_by_system"), "sv")
    assert keys(finding) == ["A"]
    assert finding.sentence == ("1 system låg under sitt tillgänglighetsmål i minst 3 månader: "
                                "System A (3 månader).")
    assert finding.page == "tillganglighet"


# --- Governing documents -------------------------------------------------------------------------

def test_governing_documents_past_their_review(con):
    add_document(con, "D1", "2022-01-01", 24)                      # review 2024-01-01
    add_document(con, "D2", "2023-06-01", 24)                      # review 2025-06-01
    add_document(con, "D3", "2025-06-01", 12)                      # review 2026-06-01
    add_document(con, "D4", "2019-01-01", 12, status="Upphävd")   # repealed
    finding = attention.documents_overdue(rows(con, "documents_register"), "sv")
    assert keys(finding) == ["D1", "D2"]
    assert (finding.severity, finding.page) == (SEVERITY_UPKEEP, "styrdokument")


# --- The list ---------------------------------------------------------------------------------------

def build(con, municipality=None, lang="sv", year=YEAR):
    return attention.build(partial(db.query, con), year, municipality, lang)


def test_most_important_first_with_ties_in_rule_order(con):
    add_risk_assessment(con, "R-01", "2024-06-01", 3, 4, due_date="2025-01-31")  # Hög, no owner, late, stale
    add_document(con, "D1", "2022-01-01", 12)
    add_recommendation(con, "1")
    add_followup(con, "1", "2025-09-01", "Nej")
    view = build(con)
    assert [f.rule for f in view.findings] == [
        "risks_without_action_owner", "recommendations_behind", "risk_actions_overdue",
        "risks_review_overdue", "documents_overdue"]
    assert view.shown == view.findings and view.more == () and view.more_label == ""
    assert view.headline == ("2 att åtgärda (höga risker utan åtgärdsansvarig och revisionens "
                             "rekommendationer) · 3 att bevaka")


def test_at_most_six_shown_and_the_rest_counted(con):
    add_risk_assessment(con, "R-01", "2024-06-01", 3, 4, due_date="2025-01-31")
    add_document(con, "D1", "2022-01-01", 12)
    add_recommendation(con, "1")
    add_followup(con, "1", "2025-09-01", "Nej")
    add_critical_system(con, "G1", sla_tier="Guld")
    add_reportable(con, "I1", "2025-03-01 08:00")
    view = build(con)
    assert len(view.findings) == 7
    assert len(view.shown) == attention.SHOWN_FINDINGS == 6
    assert [f.rule for f in view.more] == ["documents_overdue"]
    assert view.more_label == "och 1 till"
    assert build(con, lang="en").more_label == "and 1 more"


def test_a_sentence_names_three_things_and_counts_the_rest(con):
    for number in range(1, 6):
        add_risk_assessment(con, f"R-0{number}", "2025-02-01", 4, 4)
    finding = attention.risks_without_action_owner(rows(con, "risks_current"), "sv")
    assert finding.count == 5
    assert finding.sentence == ("5 höga risker saknar åtgärdsansvarig: R-01 Risk R-01, R-02 Risk R-02, "
                                "R-03 Risk R-03 och 2 till.")


def test_nothing_to_report_is_said_calmly(con):
    add_risk_assessment(con, "R-01", "2025-06-01", 1, 2)
    view = build(con)
    assert view.findings == () and view.headline == ""
    assert view.nothing_message == "Inget kräver direktionens särskilda uppmärksamhet för 2025."
    assert build(con, lang="en").nothing_message == "Nothing needs the board's particular attention for 2025."


def test_the_municipality_applies_to_systems_and_incidents_only(con):
    add_risk_assessment(con, "R-01", "2025-09-01", 3, 4)     # re-assessed in time
    add_reportable(con, "I1", "2025-03-01 08:00", municipality="Arboga")
    arboga = build(con, "Arboga")
    koping = build(con, "Köping")
    assert [f.rule for f in arboga.findings] == ["risks_without_action_owner", "incidents_reported_late"]
    assert [f.rule for f in koping.findings] == ["risks_without_action_owner"]
    assert "Köping" in koping.intro
