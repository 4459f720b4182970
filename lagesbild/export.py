"""Export a kind as CSV for Swedish Excel or as XLSX, in the import contract's format.

An export re-imports unchanged. No cell can turn into a live formula in Excel: in CSV a
text that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe,
which the importer removes again; in XLSX such a text is stored as a string cell with
Excel's quote prefix, so it stays text even when edited.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import duckdb
import numpy as np
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from . import contracts
from .contracts import BOOLEAN, CHOICE, DATE, DECIMAL, MONTH, TEXT, TIMESTAMP, Column, Kind

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

