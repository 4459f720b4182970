"""The Riskanalys page through AppTest on the demo data: an editor starts an analysis of the
demo infrastructure, walks two components through the threats (assessing some, skipping
others), saves and finishes; a second analysis re-assesses a risk and the movement shows in
the summary and the analysis document. A reader cannot open the page."""

from __future__ import annotations

import datetime as dt

from pagetest import assert_clean
from test_app_access import READER, run_app, signed_in  # noqa: F401  (run_app is a fixture)

from lagesbild.data import db
from lagesbild import risk_analysis
from lagesbild.i18n import t
from lagesbild.report import analysis as analysis_document

PAGE = "app_pages/riskanalys.py"
EDITOR = "redaktor@vmkf.se"
FIRST_DAY = dt.date.today() - dt.timedelta(days=7)
SECOND_DAY = dt.date.today()


def read(path, sql, params=()):
    con = db.connect(path)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def button(app, label_key: str):
    found = [b for b in app.button if b.label == t(label_key)]
    assert len(found) == 1, [b.label for b in app.button]
    return found[0]


def start(app, day: dt.date, participants: str) -> str:
    assert app.selectbox(key="ra_choice").value == "__ny__"
    app.text_input(key="ra_start_participants").input(participants)
    app.date_input(key="ra_start_date").set_value(day)
    button(app, "risk_analysis.start.button").click().run()
    assert_clean(app)
    chosen = app.selectbox(key="ra_choice").value
    assert [s.value for s in app.success] == [t("risk_analysis.start.done", id=chosen)]
    return chosen


def assess(app, analysis_id: str, system_id: str, threat_id: str, likelihood: int, consequence: int,
           **texts) -> None:
    key = f"ra_{analysis_id}_{system_id}_{threat_id}_"
    for field in ("cause", "event", "consequence_text"):
        app.text_input(key=key + field).input(texts.get(field, f"{field} för {system_id}"))
    app.radio(key=key + "likelihood").set_value(likelihood)
    app.radio(key=key + "consequence").set_value(consequence)
    # The residual risk is rated again with the treatment; here it is left unrated.
    app.selectbox(key=key + "residual_likelihood").select_index(0)
    app.selectbox(key=key + "residual_consequence").select_index(0)
    app.selectbox(key=key + "treatment").select_index(0)
    app.button(key="ra_save").click().run()
    assert_clean(app)


def test_an_editor_runs_an_analysis_end_to_end(open_app, demo_copy, monkeypatch):
    monkeypatch.setenv("LAGESBILD_USER", EDITOR)
    before = {row[0]: row[1:] for row in read(
        demo_copy, "SELECT risk_id, likelihood * consequence, assessed_on FROM risks "
                   "QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1")}
    threats = [row[0] for row in read(demo_copy, "SELECT threat_id FROM threats WHERE active ORDER BY threat_id")]
    infrastructure = [row[0] for row in read(
        demo_copy, "SELECT system_id FROM systems WHERE infrastructure ORDER BY system_id")]
    # The demo's risks for the two components and the first two threats, if any.
    existing = dict(read(demo_copy, "SELECT system_id || '×' || threat_id, risk_id FROM risks "
                                    "WHERE system_id IN ('SYS-001', 'SYS-007') AND threat_id IS NOT NULL "
                                    "QUALIFY row_number() OVER (PARTITION BY risk_id ORDER BY assessed_on DESC) = 1"))
    changes = read(demo_copy, "SELECT count(*) FROM change_log")[0][0]
    new_id = risk_analysis.next_risk_id(list(before))

    app = open_app(demo_copy)
    app.switch_page(PAGE).run()
    assert_clean(app)
    analysis_id = start(app, FIRST_DAY, "IT-chef, driftchef")

    # The infrastructure systems are preselected; the editor keeps two.
    components = app.multiselect(key=f"ra_components_{analysis_id}")
    assert components.value == infrastructure
    components.set_value(["SYS-001", "SYS-007"]).run()
    app.button(key="ra_start_walk").click().run()
    assert_clean(app)
    assert any(f"Komponent 1 av 2 · hot 1 av {len(threats)}" in m.value for m in app.markdown)

    # SYS-001 × the first threat, SYS-001 × the second; the rest of SYS-001 is not relevant.
    assess(app, analysis_id, "SYS-001", threats[0], 2, 3)
    assess(app, analysis_id, "SYS-001", threats[1], 1, 2)
    for _ in range(len(threats) - 2):
        app.button(key="ra_skip").click().run()
    assert any(f"Komponent 2 av 2 · hot 1 av {len(threats)}" in m.value for m in app.markdown)
    # The classification and the suggestion stand beside the consequence.
    assert any(c.value.startswith("Informationsklassning: K") for c in app.caption)
    assess(app, analysis_id, "SYS-007", threats[0], 4, 4)
    app.button(key="ra_to_summary").click().run()
    assert_clean(app)
    assert len(app.get("plotly_chart")) == 2          # before and after treatment

    saved = read(demo_copy, "SELECT system_id, threat_id, risk_id, likelihood, consequence, assessed_on, "
                            "status FROM risks WHERE analysis_id = ? ORDER BY system_id, threat_id", [analysis_id])
    assert [row[:2] for row in saved] == [("SYS-001", threats[0]), ("SYS-001", threats[1]), ("SYS-007", threats[0])]
    assert all(row[5] == FIRST_DAY and row[6] == "Aktiv" for row in saved)
    expected_ids, next_free = [], new_id
    for system_id, threat_id, *_ in saved:
        found = existing.get(f"{system_id}×{threat_id}")
        if found is None:
            found, next_free = next_free, risk_analysis.next_risk_id([next_free])
        expected_ids.append(found)
    assert [row[2] for row in saved] == expected_ids
    for risk_id in expected_ids:
        if risk_id in before:    # an existing risk keeps its older assessments and gains one
            assert read(demo_copy, "SELECT count(*) FROM risks WHERE risk_id = ? AND assessed_on = ?",
                        [risk_id, before[risk_id][1]]) == [(1,)]

    app.date_input(key=f"ra_finish_date_{analysis_id}").set_value(FIRST_DAY)
    app.button(key="ra_finish").click().run()
    assert_clean(app)
    assert read(demo_copy, "SELECT finished_on FROM analyses WHERE analysis_id = ?", [analysis_id]) == [(FIRST_DAY,)]
    assert [s.value for s in app.success] == [t("risk_analysis.finish.done", id=analysis_id)]
    assert read(demo_copy, "SELECT kind, count(*) FROM change_log WHERE change_id > ? AND action = 'edit' "
                           "AND changed_by = ? GROUP BY kind ORDER BY kind", [changes, EDITOR]) == [
        ("analyses", 2), ("risks", 3)]

    # A second analysis re-assesses SYS-007's risk for the first threat lower.
    app.selectbox(key="ra_choice").set_value("__ny__").run()
    second = start(app, SECOND_DAY, "IT-chef")
    app.multiselect(key=f"ra_components_{second}").set_value(["SYS-007"]).run()
    app.button(key="ra_start_walk").click().run()
    moved = expected_ids[2]
    assert any(moved in i.value for i in app.info)    # the previous assessment is shown
    assess(app, second, "SYS-007", threats[0], 2, 2)
    app.button(key="ra_to_summary").click().run()
    assert_clean(app)
    table = app.dataframe[0].value
    assert dict(zip(table["Riskid"], table["Förändring"])) == {moved: "Lägre"}
    assert read(demo_copy, "SELECT analysis_id, likelihood * consequence FROM risks WHERE risk_id = ? "
                           "AND analysis_id IS NOT NULL ORDER BY assessed_on DESC LIMIT 2", [moved]) == [
        (second, 4), (analysis_id, 16)]

    con = db.connect(demo_copy)
    try:
        document = analysis_document.build(lambda name, **p: db.query(con, name, **p), second, "sv")
    finally:
        con.close()
    title = read(demo_copy, "SELECT title FROM risks WHERE risk_id = ? ORDER BY assessed_on DESC LIMIT 1",
                 [moved])[0][0]
    risk_rows = next(p for p in document.chapter("change").parts if p.key == "risks_moved").table.rows
    assert risk_rows == ((f"{moved} {title}", f"Extremt hög (16) ({FIRST_DAY.isoformat()})", "Medelhög (4)",
                          "Lägre"),)


def test_a_reader_cannot_open_the_page(run_app, demo_copy):  # noqa: F811
    app = run_app(demo_copy, signed_in(READER), script=PAGE)
    assert not app.exception
    assert any(t("access.role.redaktör") in w.value for w in app.warning)
    assert not app.text_input and not app.button and not app.selectbox
