"""Koppla kolumner through AppTest: an unknown export is mapped on the Data page, previewed,
imported and saved as a profile; next month's file with the same columns is recognised by
that profile and only its new value is asked for."""

from __future__ import annotations

import hashlib

import pytest
from pagetest import assert_clean

from lagesbild.data import db, profiles

PAGE = "app_pages/data.py"
EDITOR = "redaktor@vmkf.se"
HEADERS = "Ärendenr;Kort beskrivning;Skapad;Löst;Stängd;Prio;Kund;Objekt"


@pytest.fixture
def data_page(open_app, demo_copy, monkeypatch, tmp_path):
    monkeypatch.setenv("LAGESBILD_USER", EDITOR)
    monkeypatch.setenv("LAGESBILD_PROFILES", str(tmp_path / "profiler"))
    app = open_app(demo_copy)
    app.switch_page(PAGE).run()
    assert_clean(app)
    return app


def two_systems(path) -> list[tuple[str, str]]:
    con = db.connect(path)
    try:
        return con.execute("SELECT system_id, name FROM systems WHERE municipality = 'Köping' "
                           "ORDER BY system_id LIMIT 2").fetchall()
    finally:
        con.close()


def stored(path, ids) -> list[tuple]:
    con = db.connect(path)
    try:
        return con.execute(
            "SELECT incident_id, title, strftime(reported_at, '%Y-%m-%d %H:%M'), "
            "strftime(resolved_at, '%Y-%m-%d %H:%M'), municipality, system_id, severity, cause "
            "FROM incidents WHERE list_contains(?, incident_id) ORDER BY incident_id", [ids]).fetchall()
    finally:
        con.close()


def export_file(rows: list[str]) -> bytes:
    return ("\r\n".join([HEADERS, *rows]) + "\r\n").encode("utf-8")


def selectbox(app, label: str):
    found = [s for s in app.selectbox if s.label == label]
    assert len(found) == 1, [s.label for s in app.selectbox]
    return found[0]


def test_an_unknown_export_is_mapped_imported_and_recognised_next_month(data_page, demo_copy, tmp_path):
    app = data_page
    (first_id, first_name), (second_id, second_name) = two_systems(demo_copy)
    march = export_file([
        # Times are written day first; the summer-time switch is on 30 March 2025.
        f"E-1001;Skrivaren svarar inte;28/03/2025 09:15;28/03/2025 11:00;02/04/2025 08:00;Akut;Köpings kommun;{first_name}",
        f"E-1002;Inloggningen hänger;31/03/2025 07:30;;;Normal;Köpings kommun;  {second_name.upper()} ",
        f"E-1003;Lösenord låst;31/03/2025 08:00;31/03/2025 08:20;;Normal;Köpings kommun;",
    ])
    app.selectbox(key="data_kind").set_value("incidents").run()
    app.file_uploader[0].set_value(("servicedesk-mars.csv", march, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    assert [s.value for s in app.subheader if s.value == "Koppla kolumner"] == ["Koppla kolumner"]
    # The contract's own complaint is not shown under the form, and nothing can be imported yet.
    assert not app.error and [b for b in app.button if b.key == "data_confirm"] == []

    # Suggested from the names and the values; the administrative close is not offered.
    assert selectbox(app, "Incidentid (krävs)").value == "Ärendenr"
    assert selectbox(app, "Rubrik (krävs)").value == "Kort beskrivning"
    assert selectbox(app, "Anmäld (krävs)").value == "Skapad"
    assert selectbox(app, "Åtgärdad").value == "Löst"
    assert selectbox(app, "Kommun (krävs)").value == "Kund"
    assert selectbox(app, "Systemid").value == "Objekt"
    assert [t.value for t in app.text_input if t.label == "Format för datum och tider"] == ["%d/%m/%Y %H:%M"]
    assert [c.value for c in app.checkbox if c.key.endswith("_system_by_name")] == [True]
    # The values: what was obvious is filled in, the source's own words are asked for.
    assert selectbox(app, "'Köpings kommun' (3 rader)").value == "Köping"
    assert selectbox(app, "'Normal' (2 rader)").value == ""
    selectbox(app, "Allvarlighetsgrad (krävs)").set_value("Prio").run()
    selectbox(app, "'Normal' (2 rader)").set_value("2").run()
    selectbox(app, "'Akut' (1 rad)").set_value("4").run()
    for label, value in [("Kategori", "Övrigt"), ("Orsak", "Okänd"), ("Personuppgiftsincident", "nej"),
                         ("Betydande", "nej")]:
        selectbox(app, f"Värde för {label} när filen inte har det").set_value(value).run()
    [name] = [t for t in app.text_input if t.label == "Profilens namn"]
    name.set_value("Servicedesk Köping").run()
    [save] = [b for b in app.button if b.label == "Spara som profil"]
    save.click().run()
    assert_clean(app)
    assert any("Profilen Servicedesk Köping är sparad" in s.value for s in app.success)
    assert [p.name for p in profiles.list_profiles() if not p.shipped] == ["Servicedesk Köping"]
    assert [i.value for i in app.info][-1].startswith("Filen är giltig: 3 rader. Vid inläsning blir 3 nya")
    preview = app.dataframe[0].value
    assert preview["Anmäld"].tolist() == ["2025-03-28 09:15", "2025-03-31 07:30", "2025-03-31 08:00"]
    assert preview["Systemid"].tolist()[:2] == [first_id, second_id]

    app.button(key="data_confirm").click().run()
    assert_clean(app)
    assert stored(demo_copy, ["E-1001", "E-1002", "E-1003"]) == [
        ("E-1001", "Skrivaren svarar inte", "2025-03-28 09:15", "2025-03-28 11:00", "Köping", first_id, 4, "Okänd"),
        ("E-1002", "Inloggningen hänger", "2025-03-31 07:30", None, "Köping", second_id, 2, "Okänd"),
        ("E-1003", "Lösenord låst", "2025-03-31 08:00", "2025-03-31 08:20", "Köping", None, 2, "Okänd"),
    ]

    # Next month: the same columns, one value the profile does not know.
    april = export_file([
        "E-1004;Wifi nere;02/04/2025 10:00;02/04/2025 12:00;;Låg prio;Köpings kommun;",
        "E-1005;Skärmen flimrar;03/04/2025 10:00;;;Normal;Köpings kommun;",
    ])
    app.file_uploader[0].set_value(("servicedesk-april.csv", april, "text/csv")).run()
    assert not app.exception, [e.value for e in app.exception]
    assert "Filen känns igen som en export från Servicedesk Köping" in " ".join(i.value for i in app.info)
    assert [s.value for s in app.subheader if s.value == "Koppla kolumner"] == []
    assert [s.value for s in app.subheader if s.value == "Nya värden i filen"] == ["Nya värden i filen"]
    asked = [s.label for s in app.selectbox if s.label.startswith("'")]
    assert asked == ["'Låg prio' (1 rad)"]
    selectbox(app, "'Låg prio' (1 rad)").set_value("1").run()
    [add] = [b for b in app.button if b.label == "Lägg till i profilen och kontrollera igen"]
    add.click().run()
    assert_clean(app)
    app.button(key="data_confirm").click().run()
    assert_clean(app)
    assert [row[6] for row in stored(demo_copy, ["E-1004", "E-1005"])] == [1, 2]
    saved = profiles.find_profile("Servicedesk Köping")
    assert saved.values["severity"] == {"akut": "4", "normal": "2", "låg prio": "1"}

    # Importing the same file again through the profile changes nothing.
    app.file_uploader[0].set_value(("servicedesk-april.csv", april, "text/csv")).run()
    assert [i.value for i in app.info][-1].endswith("0 nya, 0 ändrade och 2 oförändrade.")
    assert hashlib.sha256(april).hexdigest() == app.session_state["data_checked"].sha256
