"""The Risker page's model, built straight from the queries on rows made for the purpose."""

from functools import partial

import pytest

from lagesbild.data import db
from lagesbild.areas import risks
from lagesbild.i18n import t
from sample_rows import add_risk_assessment


def build(con, year=2025, lang="sv", selection=risks.Selection(), municipality=None):
    return risks.build(partial(db.query, con), year, municipality, lang, selection)


def movement(view) -> dict[str, tuple[str, str]]:
    frame = view.movement.table.frame
    return {name.split(" ")[0]: (since_year, since_previous)
            for name, since_year, since_previous in zip(frame.iloc[:, 0], frame.iloc[:, 2], frame.iloc[:, 3])}


def test_movement_words_with_arrows(con):
    add_risk_assessment(con, "UP", "2024-05-01", 2, 2)
    add_risk_assessment(con, "UP", "2025-05-01", 3, 3)            # 4 → 9: Medelhög → Hög
    add_risk_assessment(con, "DOWN", "2024-05-01", 3, 4)
    add_risk_assessment(con, "DOWN", "2025-03-01", 3, 3)
    add_risk_assessment(con, "DOWN", "2025-09-01", 3, 3)          # unchanged since March
    add_risk_assessment(con, "NEW", "2025-05-01", 1, 1)
    add_risk_assessment(con, "SAME", "2024-05-01", 2, 3)
    add_risk_assessment(con, "GONE", "2024-05-01", 2, 3)
    add_risk_assessment(con, "GONE", "2025-05-01", 2, 3, status="Stängd")
    view = build(con)
    assert movement(view) == {
        "UP": ("↑ höjd 4 → 9 (Medelhög → Hög)", "↑ höjd 4 → 9 (Medelhög → Hög)"),
        "NEW": ("ny", "ny"),
        "DOWN": ("↓ sänkt 12 → 9", "oförändrad"),
        "SAME": ("oförändrad", "ny"),
    }
    assert view.movement.sentence == ("Risknivåerna jämfört med 2024: 1 sänkt, 1 höjd, 1 ny, 1 oförändrad "
                                      "och 1 stängd. Lika många risker har höjts som sänkts.")
    english = build(con, lang="en")
    assert movement(english)["DOWN"] == ("↓ lowered 12 → 9", "unchanged")


def test_headline_counts_follow_the_page_filters(con):
    add_risk_assessment(con, "A", "2025-02-01", 4, 4, area="IT-infrastruktur")
    add_risk_assessment(con, "B", "2025-02-01", 3, 3, area="Organisation")
    add_risk_assessment(con, "C", "2024-02-01", 3, 3, area="Organisation")
    whole = build(con)
    assert [m.value for m in whole.metrics] == ["3", "2", "1"]
    assert [m.delta.text for m in whole.metrics] == ["+2", "+1", "+1"]
    organisation = build(con, selection=risks.Selection(areas=("Organisation",)))
    assert [m.value for m in organisation.metrics] == ["2", "2", "0"]
    assert [m.delta.text for m in organisation.metrics] == ["+1", "+1", "0"]
    # Fewer high risks is better; more active risks is neither good nor bad in itself.
    assert (whole.metrics[1].delta.good, whole.metrics[0].delta.good) == (False, None)


def test_residual_risk_sentence(con):
    add_risk_assessment(con, "A", "2025-02-01", 3, 4, residual_likelihood=1, residual_consequence=4)
    add_risk_assessment(con, "B", "2025-02-01", 3, 3, residual_likelihood=3, residual_consequence=3)
    add_risk_assessment(con, "C", "2025-02-01", 2, 2)
    view = build(con)
    assert view.residual.sentence == ("När åtgärderna är genomförda väntas 1 hög eller extremt hög risk "
                                      "kvarstå, mot 2 i dag. 1 aktiv risk saknar bedömd kvarstående risk och "
                                      "visas inte här.")
    assert {(m.text, m.likelihood, m.consequence) for m in view.residual.marks} == {("A", 1, 4), ("B", 3, 3)}


def test_infrastructure_section_and_its_absence_from_the_selection(con):
    add_risk_assessment(con, "A", "2024-11-01", 3, 3, area="IT-infrastruktur")
    add_risk_assessment(con, "B", "2025-02-01", 2, 2, area="Organisation")
    view = build(con)
    assert "1 aktiv risk gäller it-infrastrukturen (2024: 1); den bedömdes senast 2024-11-01. " \
           "1 av dem är hög eller extremt hög." in view.infrastructure.sentence
    # Hög (9) assessed 2024-11-01 is due again six months later: past by 2025-12-31.
    assert "1 av dem har passerat sitt datum för ny bedömning." in view.infrastructure.sentence
    left_out = build(con, selection=risks.Selection(areas=("Organisation",)))
    assert left_out.infrastructure.table.empty
    assert "ingår inte i valen" in left_out.infrastructure.sentence


def test_closed_risks_leave_the_map_but_not_the_register(con):
    add_risk_assessment(con, "A", "2025-02-01", 4, 4, status="Stängd")
    view = build(con)
    assert view.has_register and view.selection_has_risks
    assert view.current.marks == () and view.current.sentence == "Det finns inga aktiva risker att placera i kartan."
    assert [m.value for m in view.metrics] == ["0", "0", "0"]


def test_a_full_heat_map_cell_shows_its_first_ids_and_names_the_rest(con):
    # 30 risks in one cell, 12 (a full cell, all shown) and 13 (one too many) in others; ids
    # are numbered so that their order is the order of the numbers.
    for number in range(1, 31):
        add_risk_assessment(con, f"R{number:02}", "2025-02-01", 3, 3)
    for number in range(31, 43):
        add_risk_assessment(con, f"R{number:02}", "2025-02-01", 1, 1)
    for number in range(43, 56):
        add_risk_assessment(con, f"R{number:02}", "2025-02-01", 4, 4, residual_likelihood=1,
                            residual_consequence=2)
    marks = build(con).current.marks
    by_cell = {}
    for mark in marks:
        by_cell.setdefault((mark.likelihood, mark.consequence), []).append(mark)
    # The cells in the order of their first id, each cell's ids in order.
    assert list(by_cell) == [(3, 3), (1, 1), (4, 4)]
    crowded = by_cell[3, 3]
    assert [m.text for m in crowded] == [f"R{n:02}" for n in range(1, 12)] + ["+19"]
    assert crowded[-1].hover == "<br>".join([f"R{n:02} Risk R{n:02}" for n in range(12, 24)] + ["…"])
    assert [m.text for m in by_cell[1, 1]] == [f"R{n:02}" for n in range(31, 43)]
    assert [m.text for m in by_cell[4, 4]] == [f"R{n:02}" for n in range(43, 54)] + ["+2"]
    assert by_cell[4, 4][-1].hover == "R54 Risk R54<br>R55 Risk R55"
    assert crowded[0].hover.startswith("<b>R01 Risk R01</b>")
    residual = build(con).residual.marks
    assert [m.text for m in residual] == [f"R{n:02}" for n in range(43, 54)] + ["+2"]
    assert {(m.likelihood, m.consequence) for m in residual} == {(1, 2)}


def test_long_tables_show_their_first_rows_in_order_and_count_all(con):
    levels = {}
    for number in range(1, 61):
        # The 16 cells over and over: the top list and the movement table sort by level.
        likelihood, consequence = (number - 1) % 16 // 4 + 1, (number - 1) % 4 + 1
        levels[f"R{number:02}"] = (likelihood * consequence, likelihood)
        add_risk_assessment(con, f"R{number:02}", "2025-02-01", likelihood, consequence,
                            action="Åtgärd", due_date="2025-06-30", action_status="Pågår")
    view = build(con)
    by_level = sorted(levels, key=lambda risk_id: (-levels[risk_id][0], -levels[risk_id][1], risk_id))
    assert [name.split(" ")[0] for name in view.top.table.frame.iloc[:, 0]] == by_level[:risks.TOP_RISKS]
    # All are new since 2024: by level, highest first, then by id.
    by_score = sorted(levels, key=lambda risk_id: (-levels[risk_id][0], risk_id))
    assert [name.split(" ")[0] for name in view.movement.table.frame.iloc[:, 0]] == by_score[:risks.TABLE_ROWS]
    assert "Tabellen visar de 50 första av 60" in view.movement.sentence
    # Overdue actions by due date, then id.
    assert [name.split(" ")[0] for name in view.overdue.table.frame.iloc[:, 0]] == sorted(levels)[:risks.TABLE_ROWS]
    assert view.overdue.sentence.startswith("60 åtgärder hade passerat sitt slutdatum")


def test_moves_since_the_previous_analysis_group_the_risks_by_cells(con):
    con.execute("INSERT INTO analyses VALUES "
                "('A1', 'Första', 'Allt', DATE '2024-01-10', DATE '2024-02-01', 'IT-chef', 'MSB'), "
                "('A2', 'Andra', 'Allt', DATE '2025-01-10', DATE '2025-02-01', 'IT-chef', 'MSB')")
    for risk_id in ("R1", "R2", "R3", "R4"):
        add_risk_assessment(con, risk_id, "2024-02-01", 2, 2, analysis_id="A1")
    add_risk_assessment(con, "R3", "2025-02-01", 2, 4, analysis_id="A2")
    add_risk_assessment(con, "R1", "2025-02-01", 3, 3, analysis_id="A2")
    add_risk_assessment(con, "R4", "2025-03-01", 3, 3)
    current = build(con).current
    assert [(m.risk_ids, m.from_likelihood, m.from_consequence, m.to_likelihood, m.to_consequence)
            for m in current.moves] == [(("R1", "R4"), 2, 2, 3, 3), (("R3",), 2, 2, 2, 4)]
    assert current.moves[0].hover == "R1, R4: Medelhög (4) → Hög (9) sedan A1"
    assert current.moves_sentence == "Pilarna visar hur risker har flyttat sedan riskanalysen A1 (2024-02-01)."


def test_the_page_asks_for_exactly_the_queries_it_lists(demo_db_path):
    # The page runs the listed queries side by side before building (ui.page_model's
    # prefetch): a query missing from the list would run alone afterwards.
    con = db.connect(demo_db_path, read_only=True)
    try:
        asked = []

        def recording(name, **params):
            asked.append((name, params))
            return db.query(con, name, **params)

        risks.choices(recording, 2025, "sv")
        risks.build(recording, 2025, None, "sv")
        wanted = risks.requests(2025)
        assert sorted({repr(request) for request in asked}) == sorted(repr(request) for request in wanted)
        assert len(wanted) == len({repr(request) for request in wanted})
    finally:
        con.close()



@pytest.mark.parametrize("lang, overdue, passed", [("sv", "(försenad)", "(passerad)"),
                                                    ("en", "(overdue)", "(passed)")])
def test_a_date_past_its_time_says_so_in_words_not_only_by_colour(demo_db_path, lang, overdue,
                                                                   passed):
    """The due dates toned as late (top risks, overdue actions) and the acceptances past their
    end say "försenad"/"passerad" in the cell; dates not past say nothing more. The same
    tables go into the report."""
    connection = db.connect(demo_db_path, read_only=True)
    try:
        view = risks.build(partial(db.query, connection), 2025, None, lang)
    finally:
        connection.close()
    checked = 0
    for section, column, word in ((view.top, "due_date", overdue), (view.overdue, "due_date", overdue),
                                  (view.accepted, "accepted_until", passed)):
        name = t(f"risk_page.column.{column}", lang)
        cells = list(section.table.frame[name])
        tones = section.table.tones[name]
        for cell, tone in zip(cells, tones):
            assert cell.endswith(word) == (tone == "act"), (section.key, cell)
            checked += tone == "act"
    assert checked >= 3
