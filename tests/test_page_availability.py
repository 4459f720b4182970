"""The Tillgänglighet och SLA page through Streamlit's AppTest: the figures, chart values and
table rows shown equal figures computed independently over the same database (straight from
the sla and systems tables, not through queries/), and the headline equals the overview's."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

import duckdb
import pytest
from pagetest import assert_clean, charts, page_opener, text_before_each_chart
from sample_rows import add_sample_data, set_sla_tier

from lagesbild.areas import availability
from lagesbild.data import db
from lagesbild import demo
from lagesbild.data.contracts import MUNICIPALITIES, SLA_TIERS
from lagesbild.formatting import fmt_int, fmt_pct
from lagesbild.i18n import label, t

PAGE = "app_pages/tillganglighet.py"
DEMO_YEAR = demo.DEMO_UNTIL.year - 1
open_page = page_opener(PAGE)
TIERS = {"EKO": "Guld", "LON": "Guld", "SKOLA-A": "Silver", "SKOLA-K": "Silver", "VO-K": "Brons"}


@pytest.fixture(scope="module")
def page_db_path(tmp_path_factory):
    """The shared sample with SLA tiers (WEBB-S has none) and a stricter target for Guld."""
    path = tmp_path_factory.mktemp("availability") / "availability.duckdb"
    con = db.connect(path)
    add_sample_data(con)
    for system_id, tier in TIERS.items():
        set_sla_tier(con, system_id, tier)
    con.execute("UPDATE sla SET availability_target_pct = 99.5 WHERE system_id IN ('EKO', 'LON')")
    con.execute("UPDATE sla SET availability_pct = 99.6, outages = 1, outage_minutes = 178 "
                "WHERE system_id = 'LON' AND month = '2025-05-01' AND municipality = 'Köping'")
    con.close()
    return path


# --- Independent figures, straight from the sla and systems tables ------------------------------

def raw_rows(path, municipality):
    con = duckdb.connect(str(path), read_only=True)
    try:
        found = con.execute(
            "SELECT sla.month, sla.system_id, systems.name, systems.sla_tier, sla.municipality, "
            "sla.availability_target_pct, sla.availability_pct, sla.tickets, "
            "sla.tickets_within_target FROM sla JOIN systems USING (system_id)").fetchall()
    finally:
        con.close()
    return [r for r in found if municipality is None or r[4] == municipality]


def expected(path, year, municipality, lang):
    rows = raw_rows(path, municipality)
    now = [r for r in rows if r[0].year == year]
    before = [r for r in rows if r[0].year == year - 1]

    def met(group):
        return sum(r[6] >= r[5] for r in group)

    def tickets_share(group):
        tickets = sum(r[7] for r in group)
        return 100 * sum(r[8] for r in group) / tickets if tickets else None

    want = {"has_previous": bool(before),
            "metrics": [fmt_pct(100 * met(now) / len(now), lang) if now else None,
                        fmt_int(len(now) - met(now), lang), fmt_pct(tickets_share(now), lang)]}

    systems = defaultdict(list)
    for r in now:
        systems[r[1]].append(r)
    per_system = []
    for system_id, group in systems.items():
        availability_pct = sum(r[6] for r in group) / len(group)
        target = sum(r[5] for r in group) / len(group)
        below_months = len({r[0] for r in group if r[6] < r[5]})
        # Equal gaps (to 9 decimals, past the floating-point noise of a mean) go by name.
        per_system.append((round(availability_pct - target, 9), -below_months, group[0][2],
                           availability_pct, target))
    per_system.sort()
    want["systems"] = [(name, availability_pct, target)
                       for _, _, name, availability_pct, target in per_system]

    def share_per_month(group):
        return [100 * met(m) / len(m) if (m := [r for r in group if r[0].month == month]) else None
                for month in range(1, 13)]
    want["by_month"] = (share_per_month(before), share_per_month(now))

    def breaches_by(index, name_of):
        keys = {r[index] for r in now + before}
        return {name_of(k): (len([r for r in now if r[index] == k and r[6] < r[5]]),
                             len([r for r in before if r[index] == k and r[6] < r[5]]))
                for k in keys}

    def tier_label(tier):
        return t("sla_page.tier.none", lang) if tier is None else label(SLA_TIERS, tier, lang)

    want["by_municipality"] = breaches_by(4, lambda m: label(MUNICIPALITIES, m, lang))
    want["by_tier"] = breaches_by(3, tier_label)
    want["tickets_by_tier"] = {tier_label(k): tickets_share([r for r in now if r[3] == k])
                               for k in {r[3] for r in now}}
    return want


def bars(traces, year):
    """{category: value} of the year's bars."""
    trace = next(trace for trace in traces if trace["name"] == str(year))
    return dict(zip(trace["x"], trace["y"]))


# --- Tests ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("year, municipality, lang", [
    (2025, None, "sv"), (2024, None, "en"), (2025, "Köping", "sv"), (2025, "Surahammar", "en"),
])
def test_shown_figures_equal_independent_figures(page_db_path, open_app, year, municipality, lang):
    want = expected(page_db_path, year, municipality, lang)
    params = {"ar": year, "lang": lang} | ({"kommun": municipality} if municipality else {})
    app = open_app(page_db_path, **params)
    # The overview's headline figure, then this page's: one definition, the same number.
    overview_share = {m.label: m.value for m in app.metric}[t("sla.metric", lang)]
    app.switch_page(PAGE).run()
    assert_clean(app)
    scope = label(MUNICIPALITIES, municipality, lang) if municipality else t("filters.all_municipalities", lang)
    assert app.title[0].value == t("sla_page.heading", lang, year=year, scope=scope)
    assert [m.value for m in app.metric] == want["metrics"]
    assert app.metric[0].value == overview_share

    shown = charts(app)
    worst = want["systems"][:availability.WORST_SYSTEMS]
    bars_shown = {}
    for trace in shown["systems"]:
        if trace["name"] != t("sla_page.systems.target", lang):
            bars_shown.update({y: x for y, x in zip(trace["y"], trace["x"]) if x is not None})
    target = next(trace for trace in shown["systems"] if trace["name"] == t("sla_page.systems.target", lang))
    assert target["y"] == [name for name, _, _ in worst]
    assert target["x"] == pytest.approx([goal for _, _, goal in worst])
    assert bars_shown == {name: pytest.approx(value) for name, value, _ in worst}
    table = app.dataframe[0].value
    assert list(table[t("sla_page.col.system", lang)]) == [name for name, _, _ in want["systems"]]

    previous, current = want["by_month"]
    lines = {trace["name"]: trace["y"] for trace in shown["by_month"]}
    assert lines[str(year)] == [pytest.approx(v) if v is not None else None for v in current]
    if any(v is not None for v in previous):
        assert lines[str(year - 1)] == [pytest.approx(v) if v is not None else None for v in previous]

    for key in ("by_municipality", "by_tier"):
        if any(now or before for now, before in want[key].values()):
            assert bars(shown[key], year) == {k: now for k, (now, _) in want[key].items()}
            if want["has_previous"]:
                assert bars(shown[key], year - 1) == {k: before for k, (_, before) in want[key].items()}
            else:   # no figures the year before: no bars for it
                assert [trace["name"] for trace in shown[key]] == [str(year)]
        else:
            assert key not in shown
    assert bars(shown["tickets_by_tier"], year) == {
        k: pytest.approx(v) for k, v in want["tickets_by_tier"].items()}


def test_every_chart_has_its_sentence_above_it(page_db_path, open_app):
    con = db.connect(page_db_path, read_only=True)
    try:
        view = availability.build(functools.partial(db.query, con), 2025, None, "sv")
    finally:
        con.close()
    app = open_page(open_app, page_db_path, ar=2025)
    sections = (view.systems, view.by_month, view.by_municipality, view.by_tier,
                view.tickets_by_tier)
    assert text_before_each_chart(app) == {s.key: s.sentence for s in sections}
    # Status words go with the status colours: in the legend, the table and the badge.
    legend = {trace["name"] for trace in charts(app)["systems"]}
    assert legend <= {t(f"sla_page.systems.status.{s}") for s in ("good", "watch", "act")} | {"Mål"}
    assert set(app.dataframe[0].value["Status"]) <= {"Bra", "Bevaka", "Åtgärda"}
    assert any(word in " ".join(m.value for m in app.markdown) for word in ("Bra", "Bevaka", "Åtgärda"))


@pytest.mark.parametrize("municipality, message", [
    ("Kungsör", "Det finns inga tillgänglighetsuppgifter för Kungsör 2025."),
    ("Gemensam", "Det finns inga tillgänglighetsuppgifter för Gemensam (förbundet) 2025. "
                 "Tillgängligheten mäts per medlemskommun, inte för förbundet självt: välj en "
                 "medlemskommun eller Alla kommuner."),
])
def test_empty_selection_shows_a_calm_message(page_db_path, open_app, municipality, message):
    app = open_page(open_app, page_db_path, ar=2025, kommun=municipality)
    assert [i.value for i in app.info] == [message]
    assert not app.get("plotly_chart") and not app.metric and not app.dataframe


@pytest.mark.parametrize("year, municipality", [(DEMO_YEAR, None), (DEMO_YEAR + 1, "Köping")])
def test_demo_figures_equal_independent_figures(demo_copy, open_app, year, municipality):
    want = expected(demo_copy, year, municipality, "sv")
    app = open_page(open_app, demo_copy, ar=year, **({"kommun": municipality} if municipality else {}))
    assert [m.value for m in app.metric] == want["metrics"]
    table = app.dataframe[0].value
    assert list(table["System"]) == [name for name, _, _ in want["systems"]]
    assert len(charts(app)) >= 3
    if year == dt.date.today().year:
        assert "året pågår" in app.caption[0].value


def test_imported_names_are_shown_as_written(tmp_path, open_app):
    path = tmp_path / "names.duckdb"
    con = db.connect(path)
    con.execute("INSERT INTO systems (system_id, name, municipality, category, infrastructure) "
                "VALUES ('X', 'Lön_*ny* $5', 'Arboga', 'Ekonomi', false)")
    con.execute("INSERT INTO sla VALUES ('2025-01-01', 'X', 'Arboga', 99.0, 98.0, 1, 893, 1, 1)")
    con.close()
    app = open_page(open_app, path, ar=2025)
    sentence = next(m.value for m in app.markdown if "nådde inte" in m.value)
    assert "Sämst var Lön\\_\\*ny\\* \\$5 med" in sentence
