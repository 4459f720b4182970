"""Page models kept for a session: a rerun that changes nothing reuses the model; new data
(any import or edit) builds it anew."""

from __future__ import annotations

import functools

from pagetest import assert_clean
from test_app_overview import metrics

from lagesbild import ingest, risks
from lagesbild.formatting import fmt_int
from lagesbild.ui.data import connection


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
