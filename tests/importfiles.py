"""Import files as offices produce them, for the tests: one valid sample per kind, written
as Swedish Excel writes CSV (Windows-1252, semicolons, decimal comma, CRLF) or as XLSX."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from lagesbild.data import contracts

# Two valid rows per kind, by Swedish header, as text with decimal commas; å, ä, ö and € included.
SAMPLES: dict[str, list[dict[str, str]]] = {
    "systems": [
        {"Systemid": "SYS-001", "Systemnamn": "Ekonomisystem – moln", "Kommun": "Köping",
         "Systemägare": "Ekonomichef Köping", "Kategori": "Ekonomi", "SLA-nivå": "Guld",
         "Infrastruktur": "nej", "Kontinuitetsplan": "2024-03-01", "Förvaltningsplan": "",
         "Används av": ""},
        {"Systemid": "SYS-002", "Systemnamn": "Active Directory", "Kommun": "Gemensam",
         "Systemägare": "IT-chef VMKF", "Kategori": "Infrastruktur", "SLA-nivå": "Guld",
         "Infrastruktur": "ja", "Kontinuitetsplan": "", "Förvaltningsplan": "2023-05-10",
         "Används av": "Arboga, Köping, Kungsör"},
    ],
    "incidents": [
        {"Incidentid": "INC-1", "Rubrik": "Falsk faktura på 12 500 € till ”ekonomi”",
         "Anmäld": "2025-03-04 14:22", "Åtgärdad": "2025-03-05 09:10", "Kommun": "Kungsör",
         "Systemid": "SYS-001", "Kategori": "Bedrägeri", "Orsak": "Angrepp",
         "Allvarlighetsgrad": "3", "Personuppgiftsincident": "nej", "Betydande": "nej",
         "Rapporterad": ""},
        {"Incidentid": "INC-2", "Rubrik": "Nätfiskemejl till löneadministratörer",
         "Anmäld": "2025-10-01 08:00:30", "Åtgärdad": "", "Kommun": "Arboga", "Systemid": "",
         "Kategori": "Informationsinsamling", "Orsak": "Angrepp", "Allvarlighetsgrad": "Medel",
         "Personuppgiftsincident": "ja", "Betydande": "nej", "Rapporterad": "2025-10-02 16:45"},
    ],
    "sla": [
        {"Månad": "2025-01", "Systemid": "SYS-001", "Kommun": "Köping",
         "Mål tillgänglighet (%)": "99,5", "Tillgänglighet (%)": "99,87", "Avbrott": "1",
         "Avbrottstid (min)": "58", "Ärenden": "14", "Inom åtgärdstid": "13"},
        {"Månad": "2025-02", "Systemid": "SYS-001", "Kommun": "Köping",
         "Mål tillgänglighet (%)": "99,5", "Tillgänglighet (%)": "98,2", "Avbrott": "2",
         "Avbrottstid (min)": "725,5", "Ärenden": "1\u00a0204", "Inom åtgärdstid": "1\u00a0100"},
    ],
    "classifications": [
        {"Systemid": "SYS-001", "Klassad": "2022-04-01", "Konfidentialitet": "2", "Riktighet": "3",
         "Tillgänglighet": "2", "Spårbarhet": "1", "Nästa översyn": "2023-04-01",
         "Uppfyllda åtgärder (%)": "62,5"},
        {"Systemid": "SYS-001", "Klassad": "2024-05-20", "Konfidentialitet": "2", "Riktighet": "3",
         "Tillgänglighet": "3", "Spårbarhet": "2", "Nästa översyn": "2025-05-20",
         "Uppfyllda åtgärder (%)": "80"},
    ],
    "risks": [
        {"Riskid": "R-01", "Risk": "Utpressningsvirus i serverdriften",
         "Beskrivning": "På grund av ofullständig patchning inträffar ett angrepp med "
                        "utpressningsvirus vilket leder till stillestånd i flera veckor.",
         "Område": "IT-infrastruktur", "Systemid": "SYS-002", "Riskägare": "IT-chef VMKF",
         "Bedömd": "2024-03-01", "Sannolikhet": "3", "Konsekvens": "4", "Behandling": "reducera",
         "Åtgärd": "Segmentera nätet och testa återläsning", "Åtgärdsansvarig": "Driftchef",
         "Klart senast": "2025-06-30", "Åtgärdsstatus": "pågår", "Kvarstående sannolikhet": "2",
         "Kvarstående konsekvens": "4", "Status": "Aktiv"},
        {"Riskid": "R-01", "Risk": "Utpressningsvirus i serverdriften", "Beskrivning": "",
         "Område": "IT-infrastruktur", "Systemid": "SYS-002", "Riskägare": "IT-chef VMKF",
         "Bedömd": "2025-03-01", "Sannolikhet": "Liten", "Konsekvens": "Allvarlig",
         "Behandling": "Reducera", "Åtgärd": "", "Åtgärdsansvarig": "", "Klart senast": "",
         "Åtgärdsstatus": "Klar", "Kvarstående sannolikhet": "", "Kvarstående konsekvens": "",
         "Status": "Aktiv"},
    ],
    "analyses": [
        {"Analysid": "RA-2024-1", "Titel": "Informationssäkerhet och IT-infrastruktur 2024",
         "Omfattning": "Gemensam IT-infrastruktur – servrar, nät och säkerhetskopiering",
         "Påbörjad": "2024-01-15", "Avslutad": "2024-02-20",
         "Deltagare": "IT-chef, driftchef, informationssäkerhetssamordnare",
         "Skalor": "MSB, sannolikhet 1–4 × konsekvens 1–4"},
        {"Analysid": "RA-2025-1", "Titel": "IT-infrastruktur 2025", "Omfattning": "Nätverk och brandvägg",
         "Påbörjad": "2025-08-25", "Avslutad": "", "Deltagare": "IT-chef, nätverkstekniker",
         "Skalor": "MSB 4×4"},
    ],
    "threats": [
        {"Hotid": "HOT-T1", "Hot": "Sabotage mot fiberförbindelse", "Beskrivning": "Grävskada eller avsiktlig åverkan på kabel.",
         "Incidentkategorier": "Tillgänglighet", "Aktiv": "ja"},
        {"Hotid": "HOT-T2", "Hot": "Förlorad bärbar dator", "Beskrivning": "",
         "Incidentkategorier": "Informationssäkerhet;Övrigt", "Aktiv": "nej"},
    ],
    "recommendations": [
        {"Rekid": "REK-2021-3", "Granskning": "Granskning av it-säkerhet 2021",
         "Rekommendation": "Införa en modell/metod för riskanalys avseende it-infrastruktur som "
                           "löpande uppdateras för att möta nya risker och hot.",
         "Ansvarig": "Förbundschef", "Klart senast": "2024-12-31"},
        {"Rekid": "REK-2023-2", "Granskning": "Uppföljning 2023",
         "Rekommendation": "Förtydliga digitaliseringsrådets roll och ansvar i styrande dokument.",
         "Ansvarig": "", "Klart senast": ""},
    ],
    "followups": [
        {"Rekid": "REK-2021-3", "Bedömd": "2023-12-06", "Bedömd av": "KPMG (revisionen)",
         "Bedömning": "nej", "Kommentar": "Modell för riskanalys har inte införts."},
        {"Rekid": "REK-2021-3", "Bedömd": "2025-09-15", "Bedömd av": "IT-chef",
         "Bedömning": "Delvis", "Kommentar": "Riskregister upprättat – metod ännu inte beslutad."},
    ],
    "documents": [
        {"Dokumentid": "DOK-1", "Titel": "Policy för informationssäkerhet", "Typ": "Policy",
         "Beslutad av": "Förbundsdirektionen", "Beslutad": "2022-12-14", "Översyn (månader)": "24",
         "Status": "Gällande", "Ägare": "Förbundschef"},
        {"Dokumentid": "DOK-3", "Titel": "Riktlinje för systemförvaltning", "Typ": "riktlinje",
         "Beslutad av": "", "Beslutad": "", "Översyn (månader)": "12",
         "Status": "Under revidering", "Ägare": "IT-chef"},
    ],
}

# What a kind needs loaded before it (the rows its references point at).
PREREQUISITES = {"incidents": ["systems"], "sla": ["systems"], "classifications": ["systems"],
                 "risks": ["systems", "analyses", "threats"], "followups": ["recommendations"]}


def headers(kind: str) -> list[str]:
    return [c.header for c in contracts.KINDS[kind].columns]


def write_excel_csv(path: Path, kind: str, rows: list[dict[str, str]] | None = None, *,
                    header: list[str] | None = None, delimiter: str = ";",
                    encoding: str = "cp1252", newline: str = "\r\n") -> Path:
    """A CSV as Swedish Excel saves it ("CSV (semikolonavgränsad)")."""
    header = header or headers(kind)
    rows = SAMPLES[kind] if rows is None else rows
    lines = [delimiter.join(header)]
    for row in rows:
        cells = []
        for name in header:
            value = row.get(name, "")
            if delimiter in value or '"' in value or "\n" in value:
                value = '"' + value.replace('"', '""') + '"'
            cells.append(value)
        lines.append(delimiter.join(cells))
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


def write_xlsx(path: Path, kind: str, rows: list[dict[str, str]] | None = None, *,
               sheet_title: str | None = None, extra_first_sheet: bool = False,
               header: list[str] | None = None) -> Path:
    """An XLSX with real date, time and number cells where Excel would have them; ``header``
    picks and orders the columns (default: all of the kind's)."""
    spec = contracts.KINDS[kind]
    columns = [c for name in header for c in spec.columns if c.header == name] if header else spec.columns
    workbook = Workbook()
    first = workbook.active
    if extra_first_sheet:
        first.title = "Instruktioner"
        first.append(["Läs in bladet med data"])
        sheet = workbook.create_sheet(sheet_title or spec.label_sv)
    else:
        sheet = first
        sheet.title = sheet_title or "Blad1"
    sheet.append([c.header for c in columns])
    for row in SAMPLES[kind] if rows is None else rows:
        sheet.append([_excel_value(row.get(c.header, ""), c) for c in columns])
    workbook.save(path)
    return path


def _excel_value(text: str, column: contracts.Column):
    if text == "":
        return None
    if column.type == contracts.DATE:
        return dt.datetime.fromisoformat(text)  # Excel stores dates as date-times
    if column.type == contracts.TIMESTAMP:
        return dt.datetime.fromisoformat(text)
    if column.type == contracts.MONTH:
        return dt.datetime.fromisoformat(text + "-01")
    if column.type in (contracts.INTEGER, contracts.DECIMAL):
        number = float(text.replace("\u00a0", "").replace(",", "."))
        return int(number) if number.is_integer() else number
    if column.type == contracts.CHOICE and text.isdigit():
        return int(text)
    return text
