"""Export a kind as CSV for Swedish Excel or as XLSX, in the import contract's format.

An export re-imports unchanged. No cell can turn into a live formula in Excel: in CSV a
text that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe,
which the importer removes again; in XLSX such a text is stored as a string cell with
Excel's quote prefix, so it stays text even when edited.

A template per kind (:func:`template_bytes`) holds the Swedish headers and one example row
that passes validation; :func:`frame_bytes` writes any table (e.g. the change log) the same
formula-safe way.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from lagesbild.data import contracts
from lagesbild.data.contracts import BOOLEAN, CHOICE, DATE, DECIMAL, MONTH, TEXT, TIMESTAMP, Column, Kind

FORMATS = ("csv", "xlsx")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def formula_safe(text: str) -> str:
    """``text`` as a CSV cell that Excel shows as text, never evaluates."""
    return "'" + text if is_formula_like(text) else text


def rows(con: duckdb.DuckDBPyConnection, spec: Kind) -> list[tuple]:
    """Every row of the kind's table in key order, contract columns in contract order."""
    cur = con.cursor()
    try:
        return cur.execute(f"SELECT {', '.join(spec.column_names)} FROM {spec.table} "
                           f"ORDER BY {', '.join(spec.key)}").fetchall()
    finally:
        cur.close()


def export_bytes(con: duckdb.DuckDBPyConnection, kind: str, fmt: str) -> bytes:
    spec = contracts.kind(kind)
    if fmt not in FORMATS:
        raise ValueError(fmt)
    data = rows(con, spec)
    return _csv_bytes(spec, data) if fmt == "csv" else _xlsx_bytes(spec, data)


def template_bytes(kind: str, fmt: str) -> bytes:
    """An import template: the kind's Swedish headers and one example row that validates.
    Where a reference is required, it names the demo data's first system (SYS-001) or
    recommendation (REK-2021-1); optional references are left empty."""
    spec = contracts.kind(kind)
    if fmt not in FORMATS:
        raise ValueError(fmt)
    example = TEMPLATE_EXAMPLES[spec.name]
    row = tuple(example.get(name) for name in spec.column_names)
    return _csv_bytes(spec, [row]) if fmt == "csv" else _xlsx_bytes(spec, [row])


_D = dt.date
TEMPLATE_EXAMPLES: dict[str, dict[str, object]] = {
    "systems": dict(system_id="SYS-100", name="Ärendehanteringssystem", municipality="Köping",
                    owner="Kanslichef Köping", category="Ärendehantering", sla_tier="Silver",
                    infrastructure=False, continuity_plan_date=_D(2025, 3, 1),
                    management_plan_date=_D(2025, 1, 15)),
    "incidents": dict(incident_id="INC-2025-0100", title="Nätfiskemejl till ekonomienheten",
                      reported_at=dt.datetime(2025, 3, 4, 14, 22),
                      resolved_at=dt.datetime(2025, 3, 5, 9, 10), municipality="Arboga",
                      category="Informationsinsamling", cause="Angrepp",
                      severity=2, personal_data_breach=False, significant=False),
    "sla": dict(month=_D(2025, 3, 1), system_id="SYS-001", municipality="Köping",
                availability_target_pct=99.5, availability_pct=99.8, outages=1,
                outage_minutes=45.0, tickets=120, tickets_within_target=114),
    "classifications": dict(system_id="SYS-001", classified_on=_D(2025, 4, 1), confidentiality=2,
                            integrity=3, availability=3, traceability=2,
                            next_review=_D(2026, 4, 1), measures_met_pct=75.0),
    "risks": dict(risk_id="R-100", title="Utpressningsvirus i serverdriften",
                  description="På grund av ofullständig patchning inträffar ett angrepp med "
                              "utpressningsvirus vilket leder till stillestånd i flera veckor.",
                  area="IT-infrastruktur", owner="IT-chef VMKF",
                  assessed_on=_D(2025, 3, 1), likelihood=3, consequence=4, treatment="Reducera",
                  action="Segmentera nätet och testa återläsning", action_owner="Driftchef",
                  due_date=_D(2025, 12, 31), action_status="Pågår", residual_likelihood=2,
                  residual_consequence=4, status="Aktiv"),
    "analyses": dict(analysis_id="RA-2026-1", title="IT-infrastruktur 2026",
                     scope="Servrar, nätverk, brandvägg och säkerhetskopiering",
                     started_on=_D(2026, 3, 2), finished_on=_D(2026, 4, 15),
                     participants="IT-chef, driftchef, informationssäkerhetssamordnare",
                     scales="MSB, sannolikhet 1–4 × konsekvens 1–4"),
    "threats": dict(threat_id="HOT-20", name="Stöld av utrustning",
                    description="Datorer, telefoner eller nätverksutrustning stjäls från lokaler eller fordon.",
                    incident_categories="Informationssäkerhet;Övrigt", active=True),
    "recommendations": dict(rec_id="REK-2025-1", audit="Granskning av it-säkerhet 2025",
                            text="Säkerställ att riskanalysen uppdateras minst en gång per år.",
                            owner="Förbundschef VMKF", due_date=_D(2026, 6, 30)),
    "followups": dict(rec_id="REK-2021-1", assessed_on=_D(2025, 9, 15), assessed_by="IT-chef VMKF",
                      status="Delvis", comment="Riskregister upprättat; metoden beslutas i höst."),
    "documents": dict(doc_id="DOK-100", title="Rutin för incidenthantering", type="Rutin",
                      decided_by="Förbundschef VMKF", decided_on=_D(2025, 2, 1), review_months=12,
                      status="Gällande", owner="IT-chef VMKF"),
}


def frame_bytes(frame: pd.DataFrame, fmt: str, sheet_title: str) -> bytes:
    """Any table as CSV for Swedish Excel or XLSX, every text cell formula-safe."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    records = [[None if _missing(v) else v for v in row]
               for row in frame.itertuples(index=False, name=None)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([formula_safe(str(c)) for c in frame.columns])
        for row in records:
            writer.writerow([_plain_csv_cell(v) for v in row])
        return buffer.getvalue().encode("utf-8-sig")
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    sheet.append([_plain_xlsx_cell(sheet, str(c), bold=True) for c in frame.columns])
    for row in records:
        sheet.append([_plain_xlsx_cell(sheet, v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _plain_csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (float, np.floating)):
        return _number_text(float(value))
    return formula_safe(str(value))


def _plain_xlsx_cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    elif isinstance(value, np.generic):
        value = value.item()
    cell = _safe_xlsx_cell(sheet, value)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _safe_xlsx_cell(sheet, value) -> WriteOnlyCell:
    """A cell that is never a formula, dates shown as ISO."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if is_formula_like(value):
            cell.quotePrefix = True
    elif isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm" if value.second == 0 else "yyyy-mm-dd hh:mm:ss"
    elif isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    return cell


def export_file(con: duckdb.DuckDBPyConnection, kind: str, fmt: str, out: Path | str) -> int:
    """Write the export to ``out``; return the number of rows written."""
    spec = contracts.kind(kind)
    payload = export_bytes(con, spec.name, fmt)
    Path(out).write_bytes(payload)
    return con.execute(f"SELECT count(*) FROM {spec.table}").fetchall()[0][0]


def _number_text(value: float) -> str:
    # Shortest text that reads back as the same number, with a decimal comma.
    return np.format_float_positional(value, unique=True, trim="-").replace(".", ",")


def csv_cell(value, column: Column) -> str:
    """A value as the CSV text the importer reads back to the same value."""
    if value is None:
        return ""
    if column.type == TEXT:
        return formula_safe(value)
    if column.type == BOOLEAN:
        return "ja" if value else "nej"
    if column.type == DECIMAL:
        return _number_text(float(value))
    if column.type == MONTH:
        return value.strftime("%Y-%m")
    if column.type == TIMESTAMP:
        return value.strftime("%Y-%m-%d %H:%M" if value.second == 0 else "%Y-%m-%d %H:%M:%S")
    if column.type == DATE:
        return value.isoformat()
    if column.type == CHOICE and isinstance(value, str):
        return formula_safe(value)
    return str(value)


def _csv_bytes(spec: Kind, data: list[tuple]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in spec.columns])
    for row in data:
        writer.writerow([csv_cell(value, col) for value, col in zip(row, spec.columns)])
    # UTF-8 with BOM: Swedish Excel then reads å, ä, ö and € correctly.
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_cell(sheet, value, column: Column) -> WriteOnlyCell:
    if column.type == BOOLEAN and value is not None:
        value = "ja" if value else "nej"
    elif column.type == MONTH and value is not None:
        value = value.strftime("%Y-%m")
    return _safe_xlsx_cell(sheet, value)


def _xlsx_bytes(spec: Kind, data: list[tuple]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(spec.label_sv[:31])
    bold = Font(bold=True)
    header = []
    for col in spec.columns:
        cell = WriteOnlyCell(sheet, value=col.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in data:
        sheet.append([_xlsx_cell(sheet, value, col) for value, col in zip(row, spec.columns)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

