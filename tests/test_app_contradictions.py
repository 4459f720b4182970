"""Rows that contradict themselves are imported, and the page that shows them names them:
an accepted risk with an action under way (Risker), a document in force without a decision
(Styrdokument)."""

from __future__ import annotations

import duckdb
from pagetest import assert_clean, shown
from sample_rows import add_risk_assessment, add_row

YEAR = 2025


def warnings(app) -> str:
    return shown(" ".join(w.value for w in app.warning))


def test_an_accepted_risk_with_an_action_under_way_is_named(open_app, sample_db_path):
    con = duckdb.connect(str(sample_db_path))
    try:
        add_risk_assessment(con, "R-ACC", "2025-02-01", 2, 2, treatment="Acceptera",
                            action="Köp av reservkraft", action_status="Pågår")
        add_risk_assessment(con, "R-OK", "2025-02-01", 2, 2, treatment="Acceptera", action_status="Klar")
    finally:
        con.close()
    app = open_app(sample_db_path, ar=YEAR)
    app.switch_page("app_pages/risker.py").run()
    assert_clean(app)
    said = warnings(app)
    assert "R-ACC" in said and "säger emot varandra" in said
    assert "R-OK" not in said


def test_a_document_in_force_without_a_decision_is_named(open_app, sample_db_path):
    con = duckdb.connect(str(sample_db_path))
    try:
        add_row(con, "documents", doc_id="DOK-X", title="Informationssäkerhetspolicy", type="Policy",
                status="Gällande", review_months=12)
        add_row(con, "documents", doc_id="DOK-Y", title="Utkast till riktlinje", type="Riktlinje",
                status="Utkast", review_months=12)
    finally:
        con.close()
    app = open_app(sample_db_path, ar=YEAR)
    app.switch_page("app_pages/styrdokument.py").run()
    assert_clean(app)
    said = warnings(app)
    assert "DOK-X" in said and "inget beslutsdatum" in said
    assert "DOK-Y" not in said
