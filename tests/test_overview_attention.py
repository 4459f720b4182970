"""Att uppmärksamma on the overview through Streamlit's AppTest: the findings shown, their
order and their links equal what plain SQL over the same tables finds (never through
queries/), on the sample and the demo data."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs

import duckdb
import pytest
from pagetest import assert_clean

from lagesbild.areas import attention, overview
from lagesbild.data import db
from lagesbild import demo, rules
from lagesbild.formatting import fmt_int
from lagesbild.i18n import plural, t
from registers import months_back, reference_date, risk_states
from sample_rows import add_risk_assessment, add_system

DEMO_YEAR = demo.DEMO_UNTIL.year - 1

# The order the overview promises: the rules that call for action, then the ones to watch,
# then upkeep; within each, the order of attention.RULES.
ORDER = ("risk_register_empty", "risks_without_action_owner", "risk_acceptances_expired",
         "incidents_reported_late", "recommendations_behind", "critical_systems_unclassified",
         "risk_actions_overdue", "risks_review_overdue", "risks_flagged_by_incidents",
         "continuity_plans_missing", "systems_below_availability_target", "documents_overdue")
PAGES = {"risk_register_empty": "risker", "risks_without_action_owner": "risker",
         "risk_acceptances_expired": "risker",
         "incidents_reported_late": "incidenter", "recommendations_behind": "rekommendationer",
         "critical_systems_unclassified": "klassning", "risk_actions_overdue": "risker",
         "risks_review_overdue": "risker", "risks_flagged_by_incidents": "risker",
         "continuity_plans_missing": "klassning", "systems_below_availability_target": "tillganglighet",
         "documents_overdue": "styrdokument"}
# The method's rules (lagesbild/rules/risk_review.py), restated: Hög and above every 6 months, the
# others every 12; serious incidents are severity 3–4.
HIGH, HIGH_MONTHS, MONTHS, SERIOUS = 8, 6, 12, 3


# --- Independent findings ------------------------------------------------------------------------

def expected_findings(path, year: int, municipality: str | None) -> dict[str, set[str]]:
    """rule -> what it is about (ids; names for systems), for every rule that finds something."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = {**_risks(con, year), **_recommendations(con, year), **_systems(con, year, municipality),
                 **_incidents(con, year, municipality), **_sla(con, year, municipality),
                 **_documents(con, year)}
    finally:
        con.close()
    return {rule: things for rule, things in found.items() if things or rule == "risk_register_empty"}


def _risks(con, year):
    states = risk_states(con, year)
    reference = reference_date(year)
    active = {r: row for r, row in states.items() if row["status"] == "Aktiv"}
    found = {
        "risks_without_action_owner": {r for r, row in active.items() if row["likelihood"] * row["consequence"] >= 8
                                       and not (row["action_owner"] or "").strip()},
        "risk_actions_overdue": {r for r, row in active.items() if row["due_date"] is not None
                                 and row["due_date"] < reference and row["action_status"] != "Klar"},
        "risks_review_overdue": {
            r for r, row in active.items()
            if months_back(row["assessed_on"], -(HIGH_MONTHS if row["likelihood"] * row["consequence"] >= HIGH
                                                 else MONTHS)) < reference},
        "risks_flagged_by_incidents": _flagged(con, active, reference),
        "risk_acceptances_expired": {
            r for r, row in active.items()
            if row["treatment"] == "Acceptera" and row["likelihood"] * row["consequence"] >= HIGH
            and row["accepted_until"] is not None and row["accepted_until"] < reference},
    }
    if not states:
        found["risk_register_empty"] = set()
    return found


def _flagged(con, active, reference):
    """Active risks that a serious incident after their newest assessment concerns: in the risk's
    system, or, with no system on one side, of a category of the risk's threat."""
    categories = {threat_id: {c.strip() for c in (text or "").split(";")}
                  for threat_id, text in con.execute("SELECT threat_id, incident_categories FROM threats").fetchall()}
    incidents = con.execute("SELECT reported_at, system_id, category FROM incidents WHERE severity >= ?",
                            [SERIOUS]).fetchall()
    flagged = set()
    for risk_id, row in active.items():
        for reported_at, system_id, category in incidents:
            if not row["assessed_on"] < reported_at.date() <= reference:
                continue
            if (row["system_id"] is not None and system_id == row["system_id"]) or (
                    (row["system_id"] is None or system_id is None)
                    and category in categories.get(row["threat_id"], set())):
                flagged.add(risk_id)
    return flagged


def _recommendations(con, year):
    reference = reference_date(year)
    behind = set()
    for rec_id, due_date in con.execute("SELECT rec_id, due_date FROM recommendations").fetchall():
        latest = con.execute("SELECT status FROM followups WHERE rec_id = ? AND assessed_on <= ? "
                             "ORDER BY assessed_on DESC LIMIT 1", [rec_id, reference]).fetchall()
        status = latest[0][0] if latest else None
        if status == "Nej" or (due_date is not None and due_date < reference and status != "Ja"):
            behind.add(rec_id)
    return {"recommendations_behind": behind}


def _systems(con, year, municipality):
    reference = reference_date(year)
    unclassified, without_plan = set(), set()
    for system_id, name, place, tier, infrastructure, plan in con.execute(
            "SELECT system_id, name, municipality, sla_tier, infrastructure, continuity_plan_date "
            "FROM systems").fetchall():
        if municipality is not None and place != municipality:
            continue
        latest = con.execute("SELECT classified_on, next_review, availability FROM classifications "
                             "WHERE system_id = ? AND classified_on <= ? ORDER BY classified_on DESC LIMIT 1",
                             [system_id, reference]).fetchall()
        if latest:
            classified_on, next_review, availability = latest[0]
            current = (next_review >= reference if next_review is not None
                       else classified_on > months_back(reference, 12))
            if availability >= 3 and (plan is None or plan > reference):
                without_plan.add(name)
        else:
            current = False
        if (tier == "Guld" or infrastructure) and not current:
            unclassified.add(name)
    return {"critical_systems_unclassified": unclassified, "continuity_plans_missing": without_plan}


def _incidents(con, year, municipality):
    late = set()
    now = dt.datetime.now()
    for incident_id, reported_at, place, significant, reported in con.execute(
            "SELECT incident_id, reported_at, municipality, significant, reported_to_authority_at "
            "FROM incidents WHERE (personal_data_breach OR significant) AND year(reported_at) = ?",
            [year]).fetchall():
        if municipality is not None and place != municipality:
            continue
        deadline = dt.timedelta(hours=24 if significant else 72)
        if (reported is not None and reported - reported_at > deadline) or (
                reported is None and reported_at + deadline <= now):
            late.add(incident_id)
    return {"incidents_reported_late": late}


def _sla(con, year, municipality):
    months = {}
    for system_id, month, place, target, availability in con.execute(
            "SELECT system_id, month, municipality, availability_target_pct, availability_pct FROM sla "
            "WHERE year(month) = ?", [year]).fetchall():
        if (municipality is None or place == municipality) and availability < target:
            months.setdefault(system_id, set()).add(month)
    names = dict(con.execute("SELECT system_id, name FROM systems").fetchall())
    return {"systems_below_availability_target": {names[s] for s, missed in months.items() if len(missed) >= 3}}


def _documents(con, year):
    reference = reference_date(year)
    overdue = set()
    for doc_id, decided_on, review_months, status in con.execute(
            "SELECT doc_id, decided_on, review_months, status FROM documents").fetchall():
        if status == "Upphävd" or decided_on is None or decided_on > reference:
            continue
        if months_back(decided_on, -review_months) < reference:
            overdue.add(doc_id)
    return {"documents_overdue": overdue}


# --- Reading the page ------------------------------------------------------------------------------

def _sentence_pattern() -> re.Pattern:
    """A finding's sentence: a rule's counted phrase and a colon, or the empty register's sentence."""
    phrases = [re.escape(t(f"attention.{rule}.{form}")) for rule in ORDER if rule != "risk_register_empty"
               for form in ("one", "other")]
    counted = "|".join(p.replace(re.escape("{count}"), r"\d+").replace(re.escape("{months}"), r"\d+")
                       for p in phrases)
    return re.compile(f"^(?:(?:{counted}): |{re.escape(t('attention.risk_register_empty'))}$)")


def shown_sentences(app) -> list[str]:
    """The findings' sentences, in the order shown (the list, then the ones folded away)."""
    pattern = _sentence_pattern()
    return [m.value for m in app.markdown if pattern.match(m.value)]


def links(app) -> list[tuple[str, dict]]:
    return [(link.proto.page, parse_qs(link.proto.query_string)) for link in app.get("page_link")]


def assert_findings_shown(app, expected: dict[str, set[str]], year: int, municipality: str | None):
    order = [rule for rule in ORDER if rule in expected]
    sentences = shown_sentences(app)
    assert len(sentences) == len(order), sentences
    for rule, sentence in zip(order, sentences):
        things = expected[rule]
        if rule == "risk_register_empty":
            assert sentence == t("attention.risk_register_empty")
            continue
        summary = plural(f"attention.{rule}", len(things), count=fmt_int(len(things)),
                         months=fmt_int(rules.SYSTEM_MONTHS_BELOW_TARGET_FINDING))
        assert sentence.startswith(summary + ": "), (rule, sentence)
        named = sum(1 for thing in things if thing.replace("_", "\\_") in sentence)
        assert named == min(len(things), attention.NAMED_ITEMS), (rule, sentence)
    expected_params = {"ar": [str(year)]} | ({"kommun": [municipality]} if municipality else {})
    assert links(app) == [(PAGES[rule], expected_params) for rule in order]
    expanders = [e.label for e in app.expander]
    hidden = len(order) - attention.SHOWN_FINDINGS
    assert expanders == ([plural("attention.more_findings", hidden, count=str(hidden))] if hidden > 0 else [])


# --- Tests -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("year, municipality", [
    (DEMO_YEAR, None), (DEMO_YEAR, "Köping"), (DEMO_YEAR - 1, None), (2022, None), (2022, "Arboga"),
])
def test_demo_findings_equal_independent_sql(demo_copy, open_app, year, municipality):
    expected = expected_findings(demo_copy, year, municipality)
    app = open_app(demo_copy, ar=year, **({"kommun": municipality} if municipality else {}))
    assert_clean(app)
    assert_findings_shown(app, expected, year, municipality)


@pytest.mark.parametrize("year, municipality", [(2025, None), (2024, None), (2025, "Köping")])
def test_sample_findings_equal_independent_sql(sample_db_path, open_app, year, municipality):
    expected = expected_findings(sample_db_path, year, municipality)
    app = open_app(sample_db_path, ar=year, **({"kommun": municipality} if municipality else {}))
    assert_clean(app)
    assert expected, "the sample should give the list something to show"
    assert_findings_shown(app, expected, year, municipality)


@pytest.mark.parametrize("year, rules", [
    (DEMO_YEAR, {"risks_review_overdue", "risks_flagged_by_incidents"}),
    (DEMO_YEAR + 1, {"risks_review_overdue", "risks_flagged_by_incidents", "risk_acceptances_expired"}),
])
def test_the_risk_method_findings_show_where_the_demo_has_them(demo_copy, open_app, year, rules):
    """Overdue reviews, risks flagged by new incidents and run-out acceptances: shown, counted
    as plain SQL counts them, and (with everything else) in the promised order."""
    expected = expected_findings(demo_copy, year, None)
    assert rules <= set(expected)
    app = open_app(demo_copy, ar=year)
    assert_clean(app)
    assert_findings_shown(app, expected, year, None)
    sentences = shown_sentences(app)
    for rule in rules:
        count = len(expected[rule])
        summary = plural(f"attention.{rule}", count, count=fmt_int(count))
        assert sum(sentence.startswith(summary + ": ") for sentence in sentences) == 1, rule


def test_the_top_line_names_what_to_act_on(demo_copy, open_app):
    app = open_app(demo_copy, ar=DEMO_YEAR)
    top = next(m.value for m in app.markdown if t("attention.title") in m.value)
    assert "3 att åtgärda (höga risker utan åtgärdsansvarig, sen incidentrapportering och revisionens " \
           "rekommendationer) · 6 att bevaka" in top
    assert app.subheader[0].value == t("attention.title")


def test_links_lead_to_the_pages_that_show_the_findings(demo_copy, open_app):
    app = open_app(demo_copy, ar=DEMO_YEAR, kommun="Köping")
    pages = {page for page, _ in links(app)}
    assert pages >= {"risker", "rekommendationer", "klassning"}
    # A link keeps the selection: the page it opens shows the same year and municipality.
    app.switch_page("app_pages/risker.py").run()
    assert_clean(app)
    assert app.title[0].value == f"Risker {DEMO_YEAR}"
    assert app.sidebar.selectbox(key="kommun").value == "Köping"


def test_english(demo_copy, open_app):
    app = open_app(demo_copy, ar=DEMO_YEAR, lang="en")
    assert_clean(app)
    texts = [m.value for m in app.markdown]
    assert any(text.startswith("2 high risks have no action owner: R-23 ") for text in texts)
    assert [link.proto.label for link in app.get("page_link")][:3] == [
        "Risks", "Incidents", "Audit recommendations"]
    assert all(parse_qs(link.proto.query_string)["lang"] == ["en"] for link in app.get("page_link"))
    assert app.subheader[0].value == "For the board's attention"


def test_nothing_to_report_is_said_calmly(db_path, open_app):
    con = db.connect(db_path)
    add_system(con, "S1")                                   # an ordinary system, nothing to report
    add_risk_assessment(con, "R-01", "2025-06-01", 1, 2)    # a low risk, recently assessed
    con.close()
    app = open_app(db_path, ar=2025)
    assert_clean(app)
    assert t("attention.nothing", year=2025) in [i.value for i in app.info]
    assert not app.get("page_link") and not app.expander


@pytest.mark.parametrize("municipality", [None, "Köping"])
def test_the_overview_and_its_findings_ask_for_exactly_the_queries_they_list(demo_db_path, municipality):
    # The page runs the listed queries side by side before building (ui.page_model's
    # prefetch): a query missing from the list would run alone afterwards, one too many
    # from the list would run for nothing.
    con = db.connect(demo_db_path, read_only=True)
    try:
        for module in (overview, attention):
            asked = []

            def recording(name, **params):
                asked.append((name, params))
                return db.query(con, name, **params)

            module.build(recording, 2025, municipality, "sv")
            assert sorted(asked, key=repr) == sorted(module.requests(2025, municipality), key=repr)
            assert len(asked) == len({repr(request) for request in asked})
    finally:
        con.close()

