"""The Risker page's model, built straight from the queries on rows made for the purpose."""

from functools import partial

from lagesbild import db, risks
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
