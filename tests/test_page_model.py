"""Page models kept for a session: a rerun that changes nothing reuses the model; new data
(any import or edit) builds it anew."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st
from pagetest import assert_clean
from test_app_overview import metrics

from lagesbild.data import ingest
from lagesbild.areas import risks
from lagesbild.formatting import fmt_int
from lagesbild.ui.data import connection, fetch


def test_a_rerun_reuses_the_risk_model(open_app, demo_db_path, monkeypatch):
    built = []
    original = risks.build

    @functools.wraps(original)
    def counting_build(*args, **kwargs):
        built.append(args[1:])
        return original(*args, **kwargs)

    monkeypatch.setattr(risks, "build", counting_build)
    app = open_app(demo_db_path, ar=2025)
    app.switch_page("app_pages/risker.py").run()
    app.run()
    app.run()
    assert_clean(app)
    assert len(built) == 1
    app.sidebar.selectbox(key="ar").select(2024)
    app.run()
    assert [call[0] for call in built] == [2025, 2024]


def test_new_data_builds_the_overview_anew(open_app, demo_copy, tmp_path):
    app = open_app(demo_copy, ar=2025)
    before = int(metrics(app)["incidents"].replace("\u00a0", ""))
    file = tmp_path / "incidenter.csv"
    file.write_text(
        "Incidentid;Rubrik;Anmäld;Åtgärdad;Kommun;Systemid;Kategori;Orsak;Allvarlighetsgrad;"
        "Personuppgiftsincident;Betydande;Rapporterad\r\n"
        "INC-NY-1;Ny incident;2025-06-02 10:00;2025-06-02 12:00;Köping;;Övrigt;Okänd;1;nej;nej;\r\n",
        encoding="utf-8")
    assert ingest.import_file(connection(), "incidents", file, changed_by="test").ok
    app.run()
    assert_clean(app)
    assert metrics(app)["incidents"] == fmt_int(before + 1, "sv")


def test_a_caller_changing_its_result_leaves_the_cached_one_as_it_was(demo_copy, monkeypatch):
    # Query results are cached as the frames themselves (not pickled): each caller gets a
    # copy-on-write view, so changing it cannot change what the next caller gets.
    monkeypatch.setenv("LAGESBILD_DB", str(demo_copy))
    st.cache_resource.clear()
    first = fetch("overview_incidents", year=2025, municipality=None)
    expected = first.copy(deep=True)
    first.loc[0, "incidents"] = -1
    first["added"] = 1
    again = fetch("overview_incidents", year=2025, municipality=None)
    pd.testing.assert_frame_equal(again, expected)
    assert again is not first
    connection().close()
    st.cache_resource.clear()
