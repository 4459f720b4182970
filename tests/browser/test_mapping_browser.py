"""Koppla kolumner in a real browser: an export in an unknown shape is mapped, previewed,
imported and saved as a profile, and the next file with the same columns is recognised."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect
from test_data_browser import choose_kind, upload

HEADER = ("Ärendenr;Kort beskrivning;Skapad;Löst;Prio;Kund;Incidentkategori;Grundorsak;"
          "Personuppgifter;Större störning")


def export_file(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def test_an_unknown_export_is_mapped_saved_and_recognised(page: Page, demo_server):
    page.goto(f"{demo_server.url}/data")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    choose_kind(page, "Incidenter", stored_rows="2 369")    # the demo's incidents

    upload(page, "servicedesk-mars.csv", export_file(
        "E-2001;Skrivaren svarar inte;2025-03-28 09:15;2025-03-28 11:00;Hög;Köpings kommun;Övrigt;Okänd;nej;nej"))
    expect(main.get_by_role("heading", name="Koppla kolumner")).to_be_visible()
    main.get_by_role("button", name="Spara som profil").click()
    wait_for_script(page)
    expect(main.get_by_text("är sparad i")).to_be_visible()
    expect(main.get_by_text("Filen är giltig: 1 rad. Vid inläsning blir 1 nya")).to_be_visible()
    main.get_by_role("button", name="Läs in").click()
    wait_for_script(page)
    expect(main.get_by_text("servicedesk-mars.csv är inläst som Incidenter: 1 nya")).to_be_visible()

    upload(page, "servicedesk-april.csv", export_file(
        "E-2002;Wifi nere;2025-04-02 10:00;;Kritisk;Arboga kommun;Tillgänglighet;Okänd;nej;ja"))
    expect(main.get_by_text("Filen känns igen som en export från servicedesk-mars")).to_be_visible()
    expect(main.get_by_role("heading", name="Koppla kolumner")).to_have_count(0)
    # Only the new value is asked for, with the obvious answer filled in.
    expect(main.get_by_role("heading", name="Nya värden i filen")).to_be_visible()
    expect(main.get_by_text("'Arboga kommun' (1 rad)")).to_be_visible()
    main.get_by_role("button", name="Lägg till i profilen och kontrollera igen").click()
    wait_for_script(page)
    main.get_by_role("button", name="Läs in").click()
    wait_for_script(page)
    expect(main.get_by_text("servicedesk-april.csv är inläst som Incidenter: 1 nya")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
