"""The Data page in a real browser: a real upload with an error shows the problems and offers
no import; a valid file is imported on confirmation and appears in the change history."""

from __future__ import annotations

from browsertest import wait_for_script
from playwright.sync_api import Page, expect

HEADER = "Dokumentid;Titel;Typ;Beslutad av;Beslutad;Översyn (månader);Status;Ägare"


def documents_file(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8")


def choose_kind(page: Page, label: str, stored_rows: int) -> None:
    page.get_by_test_id("stSelectbox").filter(has_text="Dataslag").click()
    page.get_by_role("option", name=label, exact=True).click()
    # The page has redrawn for the new kind (and replaced its uploader) once the export below
    # it counts that kind's rows.
    expect(page.get_by_test_id("stMain").get_by_text(f"vid inläsning: {stored_rows} rader.")).to_be_visible()
    wait_for_script(page)


def upload(page: Page, name: str, data: bytes) -> None:
    dropzone = page.get_by_test_id("stFileUploaderDropzoneInput")
    # Choosing another kind replaces the uploader: while the page redraws, the old one lingers.
    expect(dropzone).to_have_count(1)
    dropzone.set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}])
    wait_for_script(page)


def test_upload_with_errors_then_a_valid_file(page: Page, demo_server):
    page.goto(f"{demo_server.url}/data")
    wait_for_script(page)
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name="Data", exact=True)).to_be_visible()
    choose_kind(page, "Styrdokument", stored_rows=15)   # the demo's governing documents

    upload(page, "fel.csv", documents_file(
        "DOK-80;Rutin för loggning;Rutin;;2025-02-01;0;Gällande;IT-chef",
        "DOK-81;Rutin för behörigheter;Memo;;2025-02-01;12;Gällande;IT-chef"))
    expect(main.get_by_text("Filen har 2 fel. Ingenting har lästs in")).to_be_visible()
    expect(main.get_by_test_id("stDataFrame")).to_have_count(2)   # the problems and the rows
    expect(main.get_by_role("button", name="Läs in")).to_have_count(0)

    upload(page, "styrdokument.csv", documents_file(
        "DOK-80;Rutin för loggning;Rutin;;2025-02-01;12;Gällande;IT-chef"))
    expect(main.get_by_text("Filen är giltig: 1 rad. Vid inläsning blir 1 nya")).to_be_visible()
    main.get_by_role("button", name="Läs in").click()
    wait_for_script(page)
    expect(main.get_by_text("styrdokument.csv är inläst som Styrdokument: 1 nya")).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)

    page.goto(f"{demo_server.url}/andringslogg")
    wait_for_script(page)
    expect(page.get_by_test_id("stMain").get_by_role("heading", name="Ändringslogg")).to_be_visible()
    expect(page.get_by_test_id("stDataFrame")).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)
