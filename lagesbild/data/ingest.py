"""Read an import file, validate it against its contract and load it atomically.

The command line and the app's upload page both call :func:`import_file`; the app's edit
forms call :func:`import_rows`, which takes the same path from the typed table on. A file
(or an edit) is either loaded whole or not at all: any problem rejects it, with one message
per row and column, and the database stays exactly as it was.

The work happens in DuckDB: the file is read as text and parsed in one pass into a typed
table, every value is checked with set-based SQL (fast on a million rows), and the typed
rows are upserted on the kind's key inside one transaction. The SQL is generated from the
contract's column definitions; values from the file only ever reach DuckDB as data.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import errno
import datetime as dt
import difflib
import getpass
import hashlib
import io
import os
import re
import tempfile
import threading
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from lagesbild.data import contracts
from lagesbild.formatting import fmt_int
from lagesbild.data.contracts import (BOOLEAN, CHOICE, DATE, DECIMAL, INTEGER, MONTH, TEXT, TIMESTAMP,
                        Column, Kind)

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_PROBLEMS_SHOWN = 50
# An XLSX is a zip: bounds on what it may unpack to, checked before it is opened. A sheet of
# a million rows of a kind's columns unpacks to a few hundred MB; XML packs about 5–20 times.
MAX_XLSX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_XLSX_COMPRESSION_RATIO = 100
MAX_XLSX_ROWS = 1_048_576   # as many as Excel itself allows
MAX_XLSX_COLUMNS = 1_000
# Zip files that are documents but not workbooks: a part they have, and what to call them.
OTHER_ZIP_DOCUMENTS = (("word/document.xml", "ett Word-dokument", "a Word document"),
                       ("ppt/presentation.xml", "en PowerPoint-presentation", "a PowerPoint presentation"),
                       ("content.xml", "ett OpenDocument-dokument", "an OpenDocument file"))
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
# How messages name the register a reference must point into: (Swedish, English).
REFERENCE_NAMES = {"systems": ("systemregistret", "the system register"),
                   "recommendations": ("revisionens rekommendationer", "the audit recommendations"),
                   "analyses": ("riskanalyserna", "the risk analyses"),
                   "threats": ("hotkatalogen", "the threat catalogue")}
CSV_DELIMITERS = (";", ",", "\t")
MAX_LINE_BYTES = 2_000_000  # DuckDB's longest line
# Times are stored as Swedish local time; a time given with an offset is converted to it.
LOCAL_TIMEZONE = "Europe/Stockholm"

# Problem texts by code: (Swedish, English). Parameters are filled in by Problem.message.
PROBLEM_TEXTS: dict[str, tuple[str, str]] = {
    "unknown_kind": ("Okänt dataslag '{value}'. Giltiga: {allowed}.",
                     "Unknown kind '{value}'. Valid: {allowed}."),
    "missing_file": ("Filen {value} finns inte.", "The file {value} does not exist."),
    "too_large": ("Filen är för stor ({value} MB); högst {allowed} MB kan läsas in.",
                  "The file is too large ({value} MB); at most {allowed} MB can be imported."),
    "empty_file": ("Filen är tom.", "The file is empty."),
    "no_rows": ("Filen har rubrikrad men inga datarader.", "The file has a header row but no data rows."),
    "binary_file": ("Filen är varken en CSV-fil (text) eller en Excel-fil (.xlsx).",
                    "The file is neither a CSV (text) file nor an Excel (.xlsx) file."),
    "old_excel": ("Filen är i det gamla Excel-formatet (.xls). Spara den som .xlsx eller CSV.",
                  "The file is in the old Excel format (.xls). Save it as .xlsx or CSV."),
    "bad_xlsx": ("Excel-filen kunde inte läsas: {value}.", "The Excel file could not be read: {value}."),
    "bad_encoding": ("Filen är inte text i UTF-8 eller Windows-1252.",
                     "The file is not text in UTF-8 or Windows-1252."),
    "bad_csv_row": ("Raden har fel antal fält (väntade {allowed}, hittade {value}).",
                    "The row has the wrong number of fields (expected {allowed}, found {value})."),
    "bad_csv_line": ("Raden kunde inte läsas som CSV.", "The line could not be read as CSV."),
    "csv_quote": ("Ett citattecken står fel: ett fält som innehåller citattecken ska börja och sluta "
                  "med ett.",
                  "A quote is misplaced: a field that contains quotes must begin and end with one."),
    "line_too_long": ("Raden är längre än {allowed} MB. Oftast saknas ett avslutande citattecken, så att "
                      "resten av filen blir ett enda fält.",
                      "The line is longer than {allowed} MB. Usually a closing quote is missing, so that "
                      "the rest of the file becomes one field."),
    "mixed_encoding": ("Filen blandar teckenkodningar: raden är inte i {value} som filen före den. "
                       "Spara hela filen på nytt i en kodning (helst UTF-8).",
                       "The file mixes character encodings: the line is not in {value} like the file "
                       "before it. Save the whole file again in one encoding (preferably UTF-8)."),
    "password_protected": ("Excel-filen är lösenordsskyddad (krypterad) och kan inte läsas. Spara en kopia "
                           "utan lösenord och läs in den.",
                           "The Excel file is password protected (encrypted) and cannot be read. Save a "
                           "copy without a password and import that."),
    "old_office": ("Filen är ett äldre Office-dokument men ingen Excel-arbetsbok. Spara tabellen som "
                   ".xlsx eller CSV.",
                   "The file is an older Office document but not an Excel workbook. Save the table as "
                   ".xlsx or CSV."),
    "not_workbook": ("Filen är {allowed}, inte en Excel-arbetsbok. Spara tabellen som .xlsx eller CSV.",
                     "The file is {allowed}, not an Excel workbook. Save the table as .xlsx or CSV."),
    "xlsx_unpacked_too_large": ("Excel-filen packas upp till {value} MB; högst {allowed} MB kan läsas in. "
                                "Dela upp den eller spara den som CSV.",
                                "The Excel file unpacks to {value} MB; at most {allowed} MB can be "
                                "imported. Split it or save it as CSV."),
    "xlsx_compression": ("Excel-filen packas upp till {value} gånger sin storlek, långt mer än en "
                         "arbetsbok gör; den läses inte in.",
                         "The Excel file unpacks to {value} times its size, far more than a workbook "
                         "does; it is not imported."),
    "too_many_columns": ("Bladet har {value} kolumner; högst {allowed} kan läsas.",
                         "The sheet has {value} columns; at most {allowed} can be read."),
    "too_many_rows": ("Bladet har fler än {allowed} rader.", "The sheet has more than {allowed} rows."),
    "disk_full": ("Disken är full, så ingenting lästes in. Frigör utrymme på servern och försök igen.",
                  "The disk is full, so nothing was imported. Free space on the server and try again."),
    "missing_columns": ("Kolumner saknas: {value}.", "Columns missing: {value}."),
    "duplicate_column": ("Kolumnen finns flera gånger.", "The column appears more than once."),
    "unknown_column": ("Kolumnen ingår inte i formatet; menade du {allowed}?",
                       "The column is not part of the format; did you mean {allowed}?"),
    "control_character": ("Texten innehåller ett styrtecken ({value}) som inte kan sparas; ta bort det.",
                          "The text contains a control character ({value}) that cannot be stored; "
                          "remove it."),
    "required": ("Värde saknas.", "A value is required."),
    "too_long": ("Texten är för lång ({value} tecken, högst {allowed}).",
                 "The text is too long ({value} characters, at most {allowed})."),
    "not_integer": ("'{value}' är inte ett heltal.", "'{value}' is not a whole number."),
    "not_number": ("'{value}' är inte ett tal.", "'{value}' is not a number."),
    "out_of_range": ("{value} ligger utanför det tillåtna intervallet {allowed}.",
                     "{value} is outside the allowed range {allowed}."),
    "not_date": ("'{value}' är inte ett giltigt datum (ÅÅÅÅ-MM-DD).",
                 "'{value}' is not a valid date (YYYY-MM-DD)."),
    "not_timestamp": ("'{value}' är inte en giltig tidpunkt (ÅÅÅÅ-MM-DD TT:MM).",
                      "'{value}' is not a valid timestamp (YYYY-MM-DD HH:MM)."),
    "not_month": ("'{value}' är inte en giltig månad (ÅÅÅÅ-MM).", "'{value}' is not a valid month (YYYY-MM)."),
    "implausible_date": ("Datumet {value} är orimligt (före {earliest} eller efter {latest}).",
                         "The date {value} is implausible (before {earliest} or after {latest})."),
    "not_boolean": ("'{value}' är inte ja eller nej.", "'{value}' is not yes or no."),
    "not_in_list": ("'{value}' finns inte bland de tillåtna värdena: {allowed}.",
                    "'{value}' is not one of the allowed values: {allowed}."),
    "unknown_reference": ("'{value}' finns inte i {allowed}; lägg in den där först eller lämna tomt.",
                          "'{value}' does not exist in {allowed}; add it there first or leave it empty."),
    "unknown_reference_required": ("'{value}' finns inte i {allowed}; lägg in den där först.",
                                   "'{value}' does not exist in {allowed}; add it there first."),
    "duplicate_key": ("Samma nyckel ({value}) som rad {allowed}.", "Same key ({value}) as row {allowed}."),
    "rule": ("{allowed}.", "{allowed}."),
    "database": ("Databasen vägrade ändringen: {value}.", "The database refused the change: {value}."),
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file: where (row as numbered in Excel, column as headed
    in the file) and what."""

    row: int | None
    column: str | None
    code: str
    value: str = ""
    allowed: str = ""
    allowed_en: str = ""  # where the allowed text differs in English
    # How many rows hold this same value (a value with no mapping is named once); ``row`` is
    # the first of them.
    rows: int = 1

    def message(self, lang: str = "sv") -> str:
        sv, en = PROBLEM_TEXTS[self.code]
        allowed = self.allowed_en if lang == "en" and self.allowed_en else self.allowed
        text = (en if lang == "en" else sv).format(
            value=self.value, allowed=allowed, earliest=EARLIEST_YEAR, latest=LATEST_YEAR)
        if self.rows > 1:
            count = fmt_int(self.rows, lang)
            text += (f" {count} rows have this value, the first is row {self.row}." if lang == "en"
                     else f" {count} rader har det värdet, den första är rad {self.row}.")
        return text[0].upper() + text[1:]

    def line(self, lang: str = "sv") -> str:
        """The problem as one line: 'Rad 5, kolumn Kommun: ...'."""
        where = []
        if self.row is not None:
            where.append(("Row {}" if lang == "en" else "Rad {}").format(self.row))
        if self.column:
            where.append(("column {}" if lang == "en" else "kolumn {}").format(self.column))
        prefix = ", ".join(where)
        return f"{prefix[0].upper()}{prefix[1:]}: {self.message(lang)}" if prefix else self.message(lang)


@dataclass
class ImportResult:
    kind: str
    file_name: str
    sha256: str = ""
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    dry_run: bool = False
    # Contract column -> the header as written in the file, for messages.
    headers: dict[str, str] = field(default_factory=dict)
    # Columns that may be empty and that the file (or, for optional columns, the edit) left
    # out: their stored values are kept, and a new row gets them empty.
    kept_columns: list[str] = field(default_factory=list)
    # What is wrong with the header (missing, repeated or misspelt columns): reported with the
    # problems in the values, in one pass.
    header_problems: list[Problem] = field(default_factory=list)
    # Required columns the header lacks: their values are not checked row by row.
    missing_columns: list[str] = field(default_factory=list)
    # Whether the text may hold control characters and must be checked for them row by row;
    # a CSV's bytes are screened first, which is far cheaper than checking a million rows.
    may_hold_control_characters: bool = field(default=True, repr=False)
    # The first rows as read, when asked for: source_row, each contract column typed (NULL
    # where the text did not parse) and as the text read (``text_<column>``).
    preview: pd.DataFrame | None = None

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def summary(self, lang: str = "sv") -> str:
        if not self.ok:
            shown = len(self.problems)
            if lang == "en":
                head = f"{self.file_name}: {self.problem_count} problem(s); nothing was imported."
                more = f"... and {self.problem_count - shown} more." if self.problem_count > shown else ""
            else:
                head = f"{self.file_name}: {self.problem_count} fel; ingenting lästes in."
                more = f"... och {self.problem_count - shown} fel till." if self.problem_count > shown else ""
            return "\n".join([head, *(p.line(lang) for p in self.problems), *([more] if more else [])])
        if lang == "en":
            verb = "would be" if self.dry_run else "were"
            text = (f"{self.file_name}: {self.rows} rows read. {self.inserted} {verb} added, "
                    f"{self.updated} {verb} updated, {self.unchanged} unchanged.")
        else:
            verb = "skulle läggas till" if self.dry_run else "lades till"
            verb_upd = "skulle uppdateras" if self.dry_run else "uppdaterades"
            text = (f"{self.file_name}: {self.rows} rader lästa. {self.inserted} {verb}, "
                    f"{self.updated} {verb_upd}, {self.unchanged} oförändrade.")
        if self.ignored_columns:
            cols = ", ".join(self.ignored_columns)
            text += (f" Columns not part of the format were ignored: {cols}." if lang == "en"
                     else f" Kolumner som inte ingår i formatet lästes inte in: {cols}.")
        return text


class _Rejected(Exception):
    """Raised inside the import to stop at a file-level problem."""

    def __init__(self, *problems: Problem):
        super().__init__(problems)
        self.problems = list(problems)


def current_user() -> str:
    return os.environ.get("LAGESBILD_USER") or getpass.getuser()


def import_file(con: duckdb.DuckDBPyConnection, kind: str, source: Path | str | bytes, *,
                file_name: str | None = None, dry_run: bool = False, changed_by: str | None = None,
                max_bytes: int = MAX_FILE_BYTES, max_problems: int = MAX_PROBLEMS_SHOWN,
                preview_rows: int = 0) -> ImportResult:
    """Validate ``source`` (a path or the file's bytes) as ``kind`` and upsert it.

    Returns an :class:`ImportResult` listing at most ``max_problems`` problems (and counting
    all) and, with ``preview_rows``, the first rows as read; when it is not ``ok`` nothing
    was written.
    """
    if isinstance(source, (str, Path)):
        file_name = file_name or Path(source).name
    result = ImportResult(kind=kind, file_name=file_name or "uppladdad fil", dry_run=dry_run)
    try:
        spec = _spec(kind)
        result.kind = spec.name
        read = _read_source(source, max_bytes)
        result.sha256 = hashlib.sha256(read.data).hexdigest()
        cur = con.cursor()
        try:
            typed = _stage_file(cur, spec, read, result)
            _load(cur, spec, typed, result, _Load(changed_by or current_user(), "import",
                                                  result.file_name, result.sha256,
                                                  max_problems, preview_rows))
        finally:
            cur.close()
    except _Rejected as rejected:
        _record_rejection(result, rejected, max_problems)
    return result


def import_rows(con: duckdb.DuckDBPyConnection, kind: str, frame: pd.DataFrame, *,
                changed_by: str, action: str = "edit", dry_run: bool = False,
                max_problems: int = MAX_PROBLEMS_SHOWN) -> ImportResult:
    """Validate rows entered in the app as ``kind`` and upsert them, exactly as a file.

    ``frame`` has a column per contract column (by its English name; a missing column is
    empty) holding the values as text, as a file would. An optional ``source_row`` column
    numbers the rows for messages (default 1, 2, ...). The change log records ``action``
    without a file name.
    """
    result = ImportResult(kind=kind, file_name="", dry_run=dry_run)
    try:
        spec = _spec(kind)
        result.kind = spec.name
        cur = con.cursor()
        try:
            typed = _stage_frame(cur, spec, frame, result)
            _load(cur, spec, typed, result, _Load(changed_by, action, None, None, max_problems, 0))
        finally:
            cur.close()
    except _Rejected as rejected:
        _record_rejection(result, rejected, max_problems)
    return result


def load_text_rows(cur: duckdb.DuckDBPyConnection, kind: str, source: str, present: set[str],
                   result: ImportResult, *, row_number: str = "s.source_row",
                   check: Callable[[duckdb.DuckDBPyConnection, Kind, str], list[Problem]] | None = None,
                   changed_by: str | None = None, max_problems: int = MAX_PROBLEMS_SHOWN,
                   preview_rows: int = 0) -> None:
    """Load rows already read by someone else (an import profile) as a file's rows are:
    ``source`` is a relation on ``cur`` of text columns named by contract column (``present``
    names those it has), numbered by ``row_number`` (SQL over it as ``s``). ``check`` may
    look at the typed table first; any problem it returns rejects the rows. Problems and
    counts go into ``result``; nothing is written unless every row is valid."""
    try:
        spec = _spec(kind)
        typed = f"typed_{uuid.uuid4().hex}"
        _create_typed(cur, spec, typed, source, present, row_number)
        problems = check(cur, spec, typed) if check else []
        if problems:
            raise _Rejected(*problems)
        _load(cur, spec, typed, result, _Load(changed_by or current_user(), "import", result.file_name,
                                              result.sha256 or None, max_problems, preview_rows))
    except _Rejected as rejected:
        _record_rejection(result, rejected, max_problems)


def _spec(kind: str) -> Kind:
    try:
        return contracts.kind(kind)
    except KeyError:
        raise _Rejected(Problem(None, None, "unknown_kind", kind, ", ".join(contracts.KINDS))) from None


def _record_rejection(result: ImportResult, rejected: _Rejected, max_problems: int) -> None:
    result.problems = rejected.problems[:max_problems]
    result.problem_count = max(result.problem_count, len(rejected.problems))


@dataclass(frozen=True)
class _Load:
    """How staged rows are loaded: who, as what change, and how much to report."""

    changed_by: str
    action: str
    file_name: str | None
    file_sha256: str | None
    max_problems: int
    preview_rows: int


@dataclass(frozen=True)
class _Read:
    """A file's bytes and, when read from a path, the path with its size and modification
    time before the read: while they still hold, DuckDB may read the file itself rather than
    a copy of the bytes (which are what was hashed)."""

    data: bytes
    path: Path | None = None
    stamp: tuple[int, int] | None = None

    def unchanged(self) -> bool:
        if self.path is None:
            return False
        try:
            stat = self.path.stat()
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == self.stamp


def _read_source(source: Path | str | bytes, max_bytes: int) -> _Read:
    if isinstance(source, bytes):
        read = _Read(source)
    else:
        path = Path(source)
        if not path.is_file():
            raise _Rejected(Problem(None, None, "missing_file", str(path)))
        stat = path.stat()
        if stat.st_size > max_bytes:
            raise _Rejected(Problem(None, None, "too_large", _mb(stat.st_size), _mb(max_bytes)))
        read = _Read(path.read_bytes(), path, (stat.st_size, stat.st_mtime_ns))
    if len(read.data) > max_bytes:
        raise _Rejected(Problem(None, None, "too_large", _mb(len(read.data)), _mb(max_bytes)))
    if not read.data.lstrip(b"\xef\xbb\xbf \t\r\n"):  # lstrip: no copy of a file ending in a newline
        raise _Rejected(Problem(None, None, "empty_file"))
    return read


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}" if size >= 1024 * 1024 else f"{size / 1024 / 1024:.2f}"


# --- Reading: bytes -> the typed table: per contract column the text as read and the value ---

def _stage_file(cur: duckdb.DuckDBPyConnection, spec: Kind, read: _Read, result: ImportResult) -> str:
    """Read the file's rows into a typed table; return its name."""
    typed = f"typed_{uuid.uuid4().hex}"
    if read.data[:4] == b"PK\x03\x04":
        _stage_xlsx(cur, spec, read.data, typed, result)
    elif read.data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _Rejected(_compound_file_problem(read.data))
    else:
        _stage_csv(cur, spec, read, typed, result)
    return typed


def _compound_file_problem(data: bytes) -> Problem:
    """What an OLE compound file (the container of old Office files) holds, by the names of
    its streams, which the directory stores in UTF-16. A workbook saved with a password is
    such a file even as .xlsx: its content is the stream EncryptedPackage."""
    def has_stream(name: str) -> bool:
        return name.encode("utf-16-le") in data
    if has_stream("EncryptedPackage"):
        return Problem(None, None, "password_protected")
    if has_stream("WordDocument") or has_stream("PowerPoint Document"):
        return Problem(None, None, "old_office")
    return Problem(None, None, "old_excel")


def _stage_frame(cur: duckdb.DuckDBPyConnection, spec: Kind, frame: pd.DataFrame,
                 result: ImportResult) -> str:
    """Read rows entered in the app into a typed table, the way a file's rows are read."""
    typed = f"typed_{uuid.uuid4().hex}"
    unknown = set(frame.columns) - set(spec.column_names) - {"source_row"}
    if unknown:
        raise ValueError(f"not columns of {spec.name}: {sorted(unknown)}")
    result.kept_columns = [c.name for c in spec.columns if c.optional and c.name not in frame.columns]
    count = len(frame)
    columns = {}
    for name in spec.column_names:
        values = frame[name].tolist() if name in frame.columns else [None] * count
        columns[name] = [None if _is_missing(v) else str(v) for v in values]
    source_rows = (frame["source_row"].tolist() if "source_row" in frame.columns
                   else list(range(1, count + 1)))
    text = pd.DataFrame(columns, dtype="string")
    text["source_row"] = pd.Series(source_rows, dtype="int64")
    _create_typed_from_frame(cur, spec, text, typed)
    return typed


def _is_missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


# Imports and edits write one at a time. A table without a declared key (sla) relies on the
# importer's own check that a key is not stored yet, which another write must not overtake.
_WRITING = threading.Lock()


def _load(cur: duckdb.DuckDBPyConnection, spec: Kind, typed: str, result: ImportResult,
          how: _Load) -> None:
    """Validate the typed rows and, unless refused or a dry run, upsert them and log it."""
    with contextlib.nullcontext() if result.dry_run else _WRITING:
        cur.execute("BEGIN TRANSACTION")
        try:
            row_number = _row_number(cur, typed)
            _validate(cur, spec, typed, row_number, result, how.max_problems)
            if how.preview_rows:
                result.preview = _preview(cur, spec, typed, row_number, how.preview_rows)
            if result.problem_count:
                cur.execute("ROLLBACK")
                return
            _count_changes(cur, spec, typed, result)
            if result.dry_run:
                cur.execute("ROLLBACK")
                return
            _write(cur, spec, typed, result, how)
            cur.execute("COMMIT")
        except _Rejected:
            cur.execute("ROLLBACK")
            raise
        except duckdb.Error as exc:
            with contextlib.suppress(duckdb.Error):  # a fatal error has ended the transaction
                cur.execute("ROLLBACK")
            if _is_disk_full(exc):
                raise _Rejected(Problem(None, None, "disk_full")) from None
            raise _Rejected(Problem(None, None, "database", str(exc).strip().splitlines()[0])) from None


def _is_disk_full(exc: duckdb.Error) -> bool:
    return "no space left on device" in str(exc).lower() or "disk is full" in str(exc).lower()


def _normalise_header(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\ufeff", "").strip()).casefold()


def _map_headers(spec: Kind, headers: list[str], result: ImportResult) -> list[str | None]:
    """Contract column for each header in the file (None: not part of the format). What is
    wrong with the header goes to ``result.header_problems``: the rows are still read, so that
    every problem is reported at once."""
    lookup = {}
    for col in spec.columns:
        for header in col.headers:
            lookup[_normalise_header(header)] = col.name
    mapped: list[str | None] = []
    problems = []
    seen: dict[str, str] = {}
    unknown: list[str] = []
    result.ignored_columns.clear()
    for header in headers:
        name = lookup.get(_normalise_header(header or ""))
        if name is None:
            if (header or "").strip():
                unknown.append(header.strip())
        elif name in seen:
            problems.append(Problem(None, header.strip(), "duplicate_column"))
            name = None
        else:
            seen[name] = header.strip()
        mapped.append(name)
    absent = [c for c in spec.columns if c.name not in seen]
    # A header that is a misspelling of a column the file lacks is a mistake, not an extra
    # column: left out, that column would silently be kept or empty.
    suggested: set[str] = set()
    for header in unknown:
        col = _resembled_column(header, [c for c in absent if c.name not in suggested])
        if col is None:
            result.ignored_columns.append(header)
        else:
            suggested.add(col.name)
            problems.append(Problem(None, header, "unknown_column", allowed=col.header))
    missing = [c for c in absent if c.required and c.name not in suggested]
    if missing:
        problems.insert(0, Problem(None, None, "missing_columns", ", ".join(c.header for c in missing)))
    result.kept_columns = [c.name for c in absent if not c.required]
    result.missing_columns = [c.name for c in absent if c.required]
    result.header_problems = problems
    result.headers = seen
    return mapped


def _fold(text: str) -> str:
    """A header without case, spacing, punctuation or diacritics, for likeness."""
    decomposed = unicodedata.normalize("NFKD", _normalise_header(text))
    return "".join(ch for ch in decomposed if ch.isalnum())


def _resembled_column(header: str, columns: list[Column]) -> Column | None:
    """The column among ``columns`` whose Swedish or English header ``header`` is a likely
    misspelling of (Atgardad, Åtgärdat, resolved at), if any."""
    folded = _fold(header)
    best, best_ratio = None, 0.0
    for col in columns:
        for name in col.headers:
            ratio = difflib.SequenceMatcher(None, folded, _fold(name)).ratio()
            if ratio > best_ratio:
                best, best_ratio = col, ratio
    return best if best_ratio >= 0.85 else None


def _stage_csv(cur, spec: Kind, read: _Read, typed: str, result: ImportResult) -> None:
    if read.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (UTF-16, tab-separated).
        try:
            text = read.data.decode("utf-16")
        except UnicodeDecodeError:
            raise _Rejected(Problem(None, None, "bad_encoding")) from None
        _refuse_unread(_stage_csv_text(cur, spec, read, read.data, text, typed, result))
        return
    has_bom = read.data.startswith(codecs.BOM_UTF8)
    body = read.data[3:] if has_bom else read.data
    if _starts_as_utf8(body):
        # DuckDB checks the rest of the encoding as it reads, which saves a pass in Python.
        unread = _stage_csv_text(cur, spec, read, body, None, typed, result)
        if not any(error_type == "INVALID ENCODING" for _, error_type, _ in unread):
            _refuse_unread(unread)
            return
        cur.execute(f"DROP TABLE {typed}")
    # Not UTF-8 throughout: Windows-1252, unless the file is partly UTF-8 too.
    _refuse_mixed_encoding(body, has_bom)
    try:
        text = body.decode("cp1252")
    except UnicodeDecodeError:
        raise _Rejected(Problem(None, None, "bad_encoding")) from None
    _refuse_unread(_stage_csv_text(cur, spec, read, body, text, typed, result))


def _starts_as_utf8(body: bytes) -> bool:
    try:
        # Not final: a character cut off at the end of the slice is no fault.
        codecs.getincrementaldecoder("utf-8")().decode(body[:65536])
        return True
    except UnicodeDecodeError:
        return False


# A character of two, three or four bytes as UTF-8 writes it. Windows-1252 text holds such a
# pair only as a capital letter with an accent followed by a symbol ("Ã¤"), which Swedish
# text does not have: it is the mark of UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _refuse_mixed_encoding(body: bytes, has_bom: bool) -> None:
    """Refuse a file that is partly UTF-8 and partly another encoding, naming the first line
    that differs from the file before it. Decoding such a file whole either way would store
    garbled letters ("NÃ¤tfiske")."""
    try:
        body.decode("utf-8")
        return
    except UnicodeDecodeError as error:
        first_invalid = error.start
    first_utf8 = _UTF8_SEQUENCE.search(body)
    if has_bom or (first_utf8 is not None and first_utf8.start() < first_invalid):
        position, expected = first_invalid, "UTF-8"
    elif first_utf8 is not None:
        position, expected = first_utf8.start(), "Windows-1252"
    else:
        return
    raise _Rejected(Problem(body.count(b"\n", 0, position) + 1, None, "mixed_encoding", expected))


def _stage_csv_text(cur, spec: Kind, read: _Read, body: bytes, decoded_text: str | None, typed: str,
                    result: ImportResult) -> list[tuple[int, str, str]]:
    """Map the header and read the rows into ``typed``: the file as UTF-8, or its text decoded
    from Windows-1252 or UTF-16 (DuckDB cannot read those here, so it gets a UTF-8 copy). Returns the lines
    DuckDB could not read: (line, error type, message)."""
    head = body[:65536].decode("utf-8", errors="ignore") if decoded_text is None else decoded_text[:65536]
    if "\x00" in head:
        raise _Rejected(Problem(None, None, "binary_file"))
    first_line = head.splitlines()[0] if head.splitlines() else ""
    delimiter = _sniff_delimiter(spec, first_line)
    headers = next(csv.reader([first_line], delimiter=delimiter))
    mapped = _map_headers(spec, headers, result)
    names = [name or f"ignored_{i}" for i, name in enumerate(mapped)]
    copy = None
    try:
        # DuckDB reads a UTF-8 file where it lies (a copy costs half a second per 150 MB),
        # unless its name would be taken as a pattern.
        utf8 = body if decoded_text is None else decoded_text.encode("utf-8")
        result.may_hold_control_characters = _has_control_characters(utf8)
        if decoded_text is not None:
            copy = _temporary_csv(utf8)
        elif read.path is None or any(mark in str(read.path) for mark in "*?["):
            copy = _temporary_csv(body)
        unread = _read_csv_typed(cur, spec, copy or read.path.absolute(), delimiter, names, typed)
        if copy is None and not read.unchanged():
            # The file changed after it was read and hashed: load the bytes that were.
            cur.execute(f"DROP TABLE {typed}")
            copy = _temporary_csv(body)
            unread = _read_csv_typed(cur, spec, copy, delimiter, names, typed)
        return unread
    except duckdb.Error as exc:
        if _is_disk_full(exc):
            raise _Rejected(Problem(None, None, "disk_full")) from None
        raise _Rejected(Problem(None, None, "binary_file" if "\x00" in str(exc) else "bad_csv_line")) from None
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise _Rejected(Problem(None, None, "disk_full")) from None
        raise
    finally:
        if copy is not None:
            copy.unlink(missing_ok=True)


# Every byte but the control characters XML cannot hold (and Word's line break) and the last
# bytes of U+FFFE and U+FFFF in UTF-8 (EF BF BE, EF BF BF), which Swedish text seldom has.
_SCREENED_OUT = bytes(b for b in range(32, 256) if b not in (0xBE, 0xBF)) + b"\t\n\r"


def _has_control_characters(utf8: bytes) -> bool:
    """Whether UTF-8 text holds a control character (or U+FFFE, U+FFFF), in one pass without
    a copy of the file: deleting every other byte leaves next to nothing."""
    left = utf8.translate(None, _SCREENED_OUT)
    if not left:
        return False
    if left.translate(None, b"\xbe\xbf"):
        return True
    return b"\xef\xbf\xbe" in utf8 or b"\xef\xbf\xbf" in utf8


def _temporary_csv(data: bytes) -> Path:
    handle = tempfile.NamedTemporaryFile("wb", suffix=".csv", delete=False)
    with handle:
        handle.write(data)
    return Path(handle.name)


def _read_csv_typed(cur, spec: Kind, path: Path, delimiter: str, names: list[str],
                    typed: str) -> list[tuple[int, str, str]]:
    """The typed table straight from the CSV file, without a table of text in between, made
    outside the transaction, where rowid follows the file's row order. Returns the lines
    DuckDB could not read."""
    rejects = f"rejects_{uuid.uuid4().hex}"
    source = ("read_csv(?, delim = ?, quote = '\"', escape = '\"', header = true, auto_detect = false, "
              "columns = ?, compression = 'none', store_rejects = true, "
              f"rejects_table = '{rejects}_errors', rejects_scan = '{rejects}_scans')")
    _create_typed(cur, spec, typed, source, set(names), None,
                  [str(path), delimiter, {name: "VARCHAR" for name in names}])
    return cur.execute(
        f"SELECT line, error_type, error_message FROM {rejects}_errors ORDER BY line").fetchall()


def _refuse_unread(unread: list[tuple[int, str, str]]) -> None:
    if unread:
        raise _Rejected(*(_csv_problem(line, error_type, message) for line, error_type, message in unread))


def _csv_problem(line: int, error_type: str, message: str) -> Problem:
    """A line DuckDB could not read, as a problem in both languages."""
    found = re.search(r"Expected Number of Columns: (\d+) Found: (\d+)", message or "")
    if found:
        return Problem(line, None, "bad_csv_row", found.group(2), found.group(1))
    if error_type == "LINE SIZE OVER MAXIMUM":
        return Problem(line, None, "line_too_long", allowed=_mb(MAX_LINE_BYTES))
    if error_type in ("UNQUOTED VALUE", "UNTERMINATED QUOTE"):
        return Problem(line, None, "csv_quote")
    return Problem(line, None, "bad_csv_line")


def _sniff_delimiter(spec: Kind, first_line: str) -> str:
    known = {_normalise_header(h) for c in spec.columns for h in c.headers}

    def score(delimiter: str) -> tuple[int, int]:
        fields = next(csv.reader([first_line], delimiter=delimiter), [])
        return (sum(_normalise_header(f) in known for f in fields), len(fields))

    return max(CSV_DELIMITERS, key=score)


def _check_workbook_archive(data: bytes) -> None:
    """Refuse, from the zip's directory alone and before anything is unpacked, a file that is
    not a workbook or that would unpack to more than can be read (a few MB can declare
    gigabytes)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _Rejected(Problem(None, None, "bad_xlsx", type(exc).__name__)) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        for marker, what_sv, what_en in OTHER_ZIP_DOCUMENTS:
            if marker in names:
                raise _Rejected(Problem(None, None, "not_workbook", allowed=what_sv, allowed_en=what_en))
        raise _Rejected(Problem(None, None, "not_workbook", allowed="ett zip-arkiv",
                                allowed_en="a zip archive"))
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise _Rejected(Problem(None, None, "xlsx_unpacked_too_large", _mb(unpacked),
                                _mb(MAX_XLSX_UNPACKED_BYTES)))
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1024 * 1024 and ratio > MAX_XLSX_COMPRESSION_RATIO:
            raise _Rejected(Problem(None, None, "xlsx_compression", f"{ratio:.0f}"))


def _sheet_for(workbook, spec: Kind):
    """The sheet named for the kind, else the first visible one (a hidden sheet is usually an
    old copy or a lookup list)."""
    wanted = {spec.name, spec.label_sv.lower(), spec.label_en.lower()}
    named = [ws for ws in workbook.worksheets if ws.title.strip().lower() in wanted]
    visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
    return (named or visible or workbook.worksheets)[0]


def _stage_xlsx(cur, spec: Kind, data: bytes, typed: str, result: ImportResult) -> None:
    import openpyxl  # only needed for Excel files

    _check_workbook_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _Rejected(Problem(None, None, "bad_xlsx", type(exc).__name__)) from None
    try:
        sheet = _sheet_for(workbook, spec)
        # The size a sheet states may be stale (rows beyond it would be lost) or absurd (a
        # million empty rows): read the rows that are there.
        sheet.reset_dimensions()
        rows = sheet.iter_rows()
        header_row = next(rows, None)
        if header_row is None:
            raise _Rejected(Problem(None, None, "empty_file"))
        headers = ["" if c.value is None else str(c.value) for c in header_row]
        while headers and not headers[-1].strip():
            headers.pop()
        if len(headers) > MAX_XLSX_COLUMNS:
            raise _Rejected(Problem(None, None, "too_many_columns", fmt_int(len(headers)),
                                    fmt_int(MAX_XLSX_COLUMNS)))
        mapped = _map_headers(spec, headers, result)
        read_columns = [(index, spec.column(name)) for index, name in enumerate(mapped) if name is not None]
        columns = {name: [] for name in spec.column_names}
        source_rows = []
        for number, row in enumerate(sheet.iter_rows(min_row=2, max_col=max(len(headers), 1)), start=2):
            if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
                continue
            if number > MAX_XLSX_ROWS:
                raise _Rejected(Problem(None, None, "too_many_rows", allowed=fmt_int(MAX_XLSX_ROWS)))
            source_rows.append(number)
            for index, column in read_columns:
                cell = row[index] if index < len(row) else None
                columns[column.name].append(None if cell is None else _cell_text(cell, column))
            for name in result.kept_columns + result.missing_columns:
                columns[name].append(None)
    except _Rejected:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise _Rejected(Problem(None, None, "bad_xlsx", type(exc).__name__)) from None
    finally:
        workbook.close()
    frame = pd.DataFrame({**columns, "source_row": source_rows},
                         dtype=object).astype({"source_row": "int64"})
    frame = frame.astype({name: "string" for name in spec.column_names})
    _create_typed_from_frame(cur, spec, frame, typed)


def _create_typed_from_frame(cur, spec: Kind, frame: pd.DataFrame, typed: str) -> None:
    """The typed table from text rows numbered in ``source_row``, in that order."""
    name = f"{typed}_frame"
    cur.register(name, frame)
    try:
        _create_typed(cur, spec, typed, f"(SELECT * FROM {name} ORDER BY source_row)",
                      set(frame.columns), "s.source_row")
    finally:
        cur.unregister(name)


def _cell_text(cell, column: Column) -> str | None:
    """An Excel cell as the text a CSV would hold for it."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if column.type == TIMESTAMP:
            return value.strftime("%Y-%m-%d %H:%M:%S")
        if column.type == MONTH:
            return value.strftime("%Y-%m")
        return value.strftime("%Y-%m-%d") if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m") if column.type == MONTH else value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (int, float)) and column.type in (INTEGER, DECIMAL) and "%" in (cell.number_format or ""):
        # A cell formatted as percent holds the fraction (0.995 shows as 99,5 %); the
        # contract's percentages are the number shown.
        value = round(value * 100, 10)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


# --- Validating: text -> typed values, and every problem with its row and column ----------

def _is_integer_vocabulary(col: Column) -> bool:
    return all(isinstance(v, int) for v in col.vocabulary.values)


def _number_expression(col: Column) -> str:
    """SQL for the number in ``v_<col>``: plain text casts directly; Excel's decimal comma,
    (no-break) space thousands separators and a trailing % are removed only where needed."""
    v = f"v_{col.name}"
    cleaned = v
    for mark in (" ", "\u00a0", "\u202f", "%"):
        cleaned = f"replace({cleaned}, '{mark}', '')"
    return f"coalesce(TRY_CAST({v} AS DOUBLE), TRY_CAST(replace({cleaned}, ',', '.') AS DOUBLE))"


def _parse_expression(col: Column) -> str:
    """SQL that turns the cleaned text ``v_<col>`` (and the number ``n_<col>``) into the typed
    value, NULL if it does not parse."""
    v = f"v_{col.name}"
    if col.type == TEXT:
        return v
    if col.type == INTEGER:
        n = f"n_{col.name}"
        # Clamped, so that 1e30 or inf is a number out of range rather than a failed cast.
        return f"CASE WHEN {n} = floor({n}) THEN CAST(least(greatest({n}, -9e18), 9e18) AS BIGINT) END"
    if col.type == DECIMAL:
        return f"n_{col.name}"
    if col.type == DATE:
        midnight = _when(f"TRY_CAST(replace({v}, 'T', ' ') AS TIMESTAMP)", "x = date_trunc('day', x)")
        return f"coalesce(TRY_CAST({v} AS DATE), CAST({midnight} AS DATE))"
    if col.type == TIMESTAMP:
        # The common forms by a strict format, picked by length (as fast as a cast, and it
        # refuses an offset; a format tried and failed costs ten times a cast); the rest,
        # with 'T', fractions of a second or an offset, by a cast. A time with an offset or a
        # zone ('Z', '+02:00', '-0500', ' UTC') is converted to Swedish time: a plain cast
        # would drop the offset.
        with_zone = (f"contains({v}, ':') AND regexp_matches({v}, '([+-][0-9][0-9](:?[0-9][0-9])?|[A-Za-z])$')")
        other = (f"date_trunc('second', CASE WHEN {with_zone} "
                 f"THEN timezone('{LOCAL_TIMEZONE}', TRY_CAST({v} AS TIMESTAMPTZ)) "
                 f"ELSE TRY_CAST(replace({v}, 'T', ' ') AS TIMESTAMP) END)")
        common = (f"CASE strlen({v}) WHEN 16 THEN TRY_STRPTIME({v}, '%Y-%m-%d %H:%M') "
                  f"WHEN 19 THEN TRY_STRPTIME({v}, '%Y-%m-%d %H:%M:%S') END")
        return f"coalesce({common}, {other})"
    if col.type == MONTH:
        # "2025-03", or a first-of-month date as Excel turns "2025-03" into.
        first_day = _when(f"TRY_CAST({v} AS DATE)", "day(x) = 1")
        return f"coalesce(TRY_CAST({v} || '-01' AS DATE), {first_day})"
    if col.type == BOOLEAN:
        return _lookup(v, {spelling: "true" if value else "false"
                           for spelling, value in contracts.BOOLEAN_SPELLINGS.items()})
    if col.type == CHOICE:
        spellings = col.vocabulary.spellings().items()
        if _is_integer_vocabulary(col):
            return f"CAST({_lookup(v, {s: str(c) for s, c in spellings})} AS TINYINT)"
        return _lookup(v, {s: _sql_text(c) for s, c in spellings})
    raise ValueError(col.type)


def _lookup(v: str, values: dict[str, str]) -> str:
    """SQL for the value (as SQL) of the text in ``v`` by its lower-case spelling, NULL for a
    spelling not listed. A CASE rather than a join with a table of spellings: a join would
    not keep the file's rows in their order, which gives them their numbers."""
    return (f"CASE lower({v}) "
            + " ".join(f"WHEN {_sql_text(spelling)} THEN {value}" for spelling, value in values.items())
            + " END")


def _sql_text(text: str) -> str:
    """A text from the contract as an SQL literal."""
    return "'" + text.replace("'", "''") + "'"


def _when(value: str, condition: str) -> str:
    """SQL for ``value`` where ``condition`` holds of it (as ``x``), else NULL. ``value`` is
    written once: DuckDB computes an expression written twice in a query for every row, even
    in a coalesce branch that only the few rows not parsed by the first branch reach, and a
    cast that fails costs as much as ten that succeed."""
    return f"list_filter([{value}], lambda x: {condition})[1]"


_PARSE_PROBLEM = {INTEGER: "not_integer", DECIMAL: "not_number", DATE: "not_date",
                  TIMESTAMP: "not_timestamp", MONTH: "not_month", BOOLEAN: "not_boolean",
                  CHOICE: "not_in_list"}


def _create_typed(cur, spec: Kind, typed: str, source: str, present: set[str],
                  row_number: str | None, params: list | None = None) -> None:
    """Create the temporary table ``typed`` from ``source``, a relation of text columns
    (``present`` names those it has): per contract column the cleaned text (``v_<column>``)
    and the typed value (NULL where the text does not parse), and ``source_row`` when
    ``row_number`` numbers the rows. One pass: the values are parsed as they are read."""
    cleaned, numbers, parsed = [], [], []
    for col in spec.columns:
        raw = f"s.{col.name}" if col.name in present else "CAST(NULL AS VARCHAR)"
        text = f"nullif(trim({raw}), '')"
        if col.type == TEXT:
            # A leading apostrophe guards a formula-like text in our own CSV exports.
            text = (f"CASE WHEN starts_with({text}, '''') AND substr({text}, 2, 1) IN "
                    f"('=', '+', '-', '@', chr(9), chr(13)) THEN substr({text}, 2) ELSE {text} END")
        cleaned.append(f"{text} AS v_{col.name}")
        if col.type in (INTEGER, DECIMAL):
            numbers.append(f", {_number_expression(col)} AS n_{col.name}")
        parsed.append(f"{_parse_expression(col)} AS {col.name}")
    numbered = f"{row_number} AS source_row, " if row_number else ""
    texts = ", ".join(f"v_{col.name}" for col in spec.columns)
    cur.execute(
        f"CREATE TEMP TABLE {typed} AS "
        f"WITH cleaned AS (SELECT {numbered}{', '.join(cleaned)} FROM {source} AS s), "
        f"numbers AS (SELECT *{''.join(numbers)} FROM cleaned) "
        f"SELECT {'source_row, ' if row_number else ''}{texts}, {', '.join(parsed)} FROM numbers",
        params)


def _row_number(cur, typed: str) -> str:
    """SQL for a typed row's number as Excel shows it. A CSV was read in file order outside
    the transaction, so the header is row 1 and rowid 0 is row 2; a sheet or an edit brings
    its own numbers (a sheet may skip empty rows)."""
    columns = {r[0] for r in cur.execute(f"DESCRIBE {typed}").fetchall()}
    return "t.source_row" if "source_row" in columns else "(t.rowid + 2)"


# The storage type of whole-number columns (INTEGER): a value beyond it is out of range.
INTEGER_BOUNDS = (-2**31, 2**31 - 1)
# Characters XML 1.0 cannot hold (so no XLSX export or Word report could hold them), as a
# regular expression. Vertical tab is not among them: it is Word's line break (Shift+Enter)
# and becomes one.
CONTROL_CHARACTERS = r"[\x00-\x08\x0c\x0e-\x1f\x{FFFE}\x{FFFF}]"
# Problems named once per distinct value, with how many rows hold it.
GROUPED_PROBLEMS = {"not_in_list", "not_boolean", "unknown_reference", "unknown_reference_required"}


def _checks(spec: Kind, skipped: frozenset[str] = frozenset(),
            control_characters: bool = True) -> list[tuple[Column, str, str, str, str]]:
    """Per check: column, problem code, SQL condition marking a bad row of the typed table
    ``t``, SQL of the value to show, allowed text. Columns in ``skipped`` (missing from the
    header, which is reported once) are not checked row by row, nor text for control
    characters unless ``control_characters``."""
    checks = []
    for col in spec.columns:
        if col.name in skipped:
            continue
        v = f"v_{col.name}"
        if col.required:
            checks.append((col, "required", f"{v} IS NULL", "''", ""))
        if col.type != TEXT:
            allowed = _allowed_text(col)
            checks.append((col, _PARSE_PROBLEM[col.type], f"{v} IS NOT NULL AND {col.name} IS NULL", v, allowed))
        if col.type in (DATE, TIMESTAMP):
            # 'infinity' parses as a date, but no year, month or page can hold it.
            checks.append((col, _PARSE_PROBLEM[col.type], f"NOT isfinite({col.name})", v, ""))
        if col.type == TEXT:
            checks.append((col, "too_long", f"length({v}) > {col.max_length}",
                           f"CAST(length({v}) AS VARCHAR)", str(col.max_length)))
            if control_characters:
                checks.append((col, "control_character",
                               f"regexp_matches({v}, '{CONTROL_CHARACTERS}')",
                               f"regexp_extract({v}, '{CONTROL_CHARACTERS}')", ""))
        low, high = col.minimum, col.maximum
        if col.type == INTEGER:
            low = INTEGER_BOUNDS[0] if low is None else low
            high = INTEGER_BOUNDS[1] if high is None else high
        if col.type in (INTEGER, DECIMAL) and (low is not None or high is not None):
            bounds = []
            if low is not None:
                bounds.append(f"{col.name} < {low}")
            if high is not None:
                # NaN is larger than every number in DuckDB, so it is out of range too.
                bounds.append(f"{col.name} > {high}")
            top = high if high is not None else "inf"
            checks.append((col, "out_of_range", " OR ".join(bounds), v,
                           (_range_text(low, top), _range_text(low, top, "en"))))
        if col.type == DECIMAL and high is None:
            checks.append((col, "not_number", f"NOT isfinite({col.name})", v, ""))
        if col.type in (DATE, TIMESTAMP, MONTH):
            checks.append((col, "implausible_date",
                           f"year({col.name}) NOT BETWEEN {EARLIEST_YEAR} AND {LATEST_YEAR}", v, ""))
        if col.references:
            target = contracts.KINDS[col.references]
            key = target.key[0]
            code = "unknown_reference_required" if col.required else "unknown_reference"
            checks.append((col, code,
                           f"{col.name} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {target.table} AS ref "
                           f"WHERE ref.{key} = t.{col.name})",
                           v, REFERENCE_NAMES[col.references][0]))
    for index, rule in enumerate(spec.rules):
        checks.append((spec.column(rule.column), "rule", f"NOT coalesce({rule.condition}, true)",
                       f"'{index}'", ""))
    return checks


def _validate(cur, spec: Kind, typed: str, row_number: str, result: ImportResult,
              max_problems: int = MAX_PROBLEMS_SHOWN) -> None:
    """Count every problem of the header and the typed rows in ``result`` and list the first
    ones: the header's first, then the rows' in row order."""
    header_problems = list(result.header_problems)
    # Excel likes to leave rows that are empty in every column: they are not data.
    cur.execute(f"DELETE FROM {typed} WHERE " + " AND ".join(f"v_{c.name} IS NULL" for c in spec.columns))
    result.rows = cur.execute(f"SELECT count(*) FROM {typed}").fetchall()[0][0]
    if result.rows == 0:
        raise _Rejected(*header_problems, Problem(None, None, "no_rows"))
    if result.kept_columns:
        # A row already stored keeps what it holds in the columns left out; the rules below
        # then judge the row as it will be stored.
        assignments = ", ".join(f"{c} = d.{c}" for c in result.kept_columns)
        cur.execute(f"UPDATE {typed} AS t SET {assignments} FROM {spec.table} AS d "
                    f"WHERE {_key_match(spec)}")
    controls = result.may_hold_control_characters
    checks = _checks(spec, frozenset(result.missing_columns), controls)
    texts = [c.name for c in spec.columns
             if controls and c.type == TEXT and c.name not in result.missing_columns]
    key_cols = ", ".join(spec.key)
    complete = " AND ".join(f"{k} IS NOT NULL" for k in spec.key)
    # Every check in one pass over the rows (count(CASE ...): several times faster in DuckDB
    # than count(*) FILTER); the failing rows are looked up only if there are any. Equal keys
    # have equal hashes, so as many distinct hashes as keys prove the keys distinct, far
    # cheaper than grouping on a wide key; repeated hashes are then checked.
    counts = cur.execute(
        "SELECT " + ", ".join(f"count(CASE WHEN {cond} THEN 1 END)" for _, _, cond, _, _ in checks)
        + "".join(f", count(CASE WHEN contains(v_{c}, chr(11)) THEN 1 END)" for c in texts)
        + f", count(CASE WHEN {complete} THEN 1 END) "
        f"  - count(DISTINCT CASE WHEN {complete} THEN hash({key_cols}) END) "
        f"FROM {typed} AS t").fetchall()[0]
    failing, line_breaks, repeated_hashes = (list(counts[:len(checks)]), counts[len(checks):-1],
                                             counts[-1])
    for name, count in zip(texts, line_breaks):
        if count:
            # Word writes a line break (Shift+Enter) as a vertical tab, which no XLSX or Word
            # file can hold: it is stored as the line break it is.
            cur.execute(f"UPDATE {typed} SET v_{name} = replace(v_{name}, chr(11), chr(10)), "
                        f"{name} = replace({name}, chr(11), chr(10)) WHERE contains(v_{name}, chr(11))")
    grouped = [i for i, (_, code, _, _, _) in enumerate(checks) if failing[i] and code in GROUPED_PROBLEMS]
    if grouped:
        # A value without a mapping counts once, however many rows hold it.
        distinct = cur.execute(
            "SELECT " + ", ".join(f"count(DISTINCT CASE WHEN {checks[i][2]} THEN {checks[i][3]} END)"
                                  for i in grouped) + f" FROM {typed} AS t").fetchall()[0]
        for i, count in zip(grouped, distinct):
            failing[i] = count
    duplicates = _duplicates(spec, typed, row_number) if repeated_hashes else None
    result.problem_count = len(header_problems) + sum(failing) + (
        cur.execute(f"SELECT count(*) FROM ({duplicates})").fetchall()[0][0] if duplicates else 0)
    result.problems = header_problems[:max_problems]
    if result.problem_count == len(header_problems):
        return
    selects = []
    for i, (_, code, cond, value, _) in enumerate(checks):
        if not failing[i]:
            continue
        if code in GROUPED_PROBLEMS:
            selects.append(f"SELECT min({row_number}) AS source_row, {i} AS check_no, "
                           f"CAST({value} AS VARCHAR) AS value, count(*) AS rows "
                           f"FROM {typed} AS t WHERE {cond} GROUP BY {value}")
        else:
            selects.append(f"SELECT {row_number} AS source_row, {i} AS check_no, "
                           f"CAST({value} AS VARCHAR) AS value, 1 AS rows FROM {typed} AS t WHERE {cond}")
    if duplicates:
        selects.append(f"SELECT source_row, -1 AS check_no, value, 1 AS rows FROM ({duplicates})")
    limit = max(0, int(max_problems) - len(result.problems))
    shown = cur.execute(
        f"SELECT source_row, check_no, value, rows FROM ({' UNION ALL '.join(selects)}) "
        f"ORDER BY source_row, check_no LIMIT {limit}").fetchall()
    headers = result.headers
    for row, check_no, value, rows in shown:
        if check_no == -1:
            key_value, first_row = value.rsplit("|", 1)
            column = spec.column(spec.key[-1])
            result.problems.append(Problem(row, headers.get(column.name, column.header),
                                           "duplicate_key", key_value, first_row))
            continue
        col, code, _, _, allowed = checks[check_no]
        allowed_en = REFERENCE_NAMES[col.references][1] if col.references else ""
        if isinstance(allowed, tuple):  # (Swedish, English)
            allowed, allowed_en = allowed
        column_header = headers.get(col.name, col.header)
        if code == "rule":
            rule = spec.rules[int(value)]
            result.problems.append(Problem(row, column_header, code, "", rule.message_sv,
                                           rule.message_en))
        elif code == "control_character":
            result.problems.append(Problem(row, column_header, code, f"U+{ord(value):04X}"))
        else:
            result.problems.append(Problem(row, column_header, code, _shorten(value), allowed,
                                           allowed_en, rows=rows))


def _duplicates(spec: Kind, typed: str, row_number: str) -> str:
    """SQL of the rows whose key an earlier row already has: source_row, and as value the key
    and the first row as 'key|row'."""
    key_cols = ", ".join(spec.key)
    complete = " AND ".join(f"{k} IS NOT NULL" for k in spec.key)
    key_text = " || ' / ' || ".join(f"coalesce(CAST({k} AS VARCHAR), '')" for k in spec.key)
    return (f"SELECT source_row, {key_text} || '|' || CAST(first_row AS VARCHAR) AS value FROM ("
            f"  SELECT {key_cols}, {row_number} AS source_row, "
            f"  min({row_number}) OVER (PARTITION BY {key_cols}) AS first_row FROM {typed} AS t"
            f"  WHERE {complete}"
            f") WHERE source_row > first_row")


def _preview(cur, spec: Kind, typed: str, row_number: str, limit: int) -> pd.DataFrame:
    texts = ", ".join(f"v_{c} AS text_{c}" for c in spec.column_names)
    # An infinite date (refused) is shown as not parsed: pandas cannot hold it.
    values = ", ".join(f"CASE WHEN isfinite({c.name}) THEN {c.name} END AS {c.name}"
                       if c.type in (DATE, TIMESTAMP) else c.name for c in spec.columns)
    return cur.execute(f"SELECT {row_number} AS source_row, {values}, {texts} "
                       f"FROM {typed} AS t ORDER BY source_row LIMIT {int(limit)}").df()


def _allowed_text(col: Column) -> str:
    if col.type == CHOICE:
        vocab = col.vocabulary
        if _is_integer_vocabulary(col):
            return ", ".join(contracts.DISPLAY_FORMS[0].format(value=v, label=vocab.label(v))
                             for v in vocab.values)
        return ", ".join(vocab.label(v) for v in vocab.values)
    if col.type == BOOLEAN:
        return "ja, nej"
    return ""


def _range_text(low, high, lang: str = "sv") -> str:
    def fmt(x):
        if isinstance(x, int) or (isinstance(x, float) and x.is_integer()):
            return fmt_int(x, lang)
        if isinstance(x, float):
            return f"{x:g}" if lang == "en" else f"{x:g}".replace(".", ",")
        return "∞"
    if high == "inf":
        return f"≥ {fmt(low)}"
    if low is None:
        return f"≤ {fmt(high)}"
    return f"{fmt(low)}–{fmt(high)}"


def _shorten(value: str | None, limit: int = 60) -> str:
    value = "" if value is None else value.replace("\r", " ").replace("\n", " ")
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- Loading: upsert on the key, and the change log ---------------------------------------

def _key_match(spec: Kind) -> str:
    return " AND ".join(f"d.{k} = t.{k}" for k in spec.key)


def _differs(spec: Kind) -> str:
    return " OR ".join(f"d.{c} IS DISTINCT FROM t.{c}" for c in spec.column_names
                       if c not in spec.key) or "false"


def _count_changes(cur, spec: Kind, typed: str, result: ImportResult) -> None:
    if not cur.execute(f"SELECT 1 FROM {spec.table} LIMIT 1").fetchall():
        # Into an empty table every row is new: nothing to compare.
        result.inserted, result.updated, result.unchanged = result.rows, 0, 0
        return
    on_key, differs = _key_match(spec), _differs(spec)
    # count(CASE ...) rather than count(*) FILTER: several times faster in DuckDB.
    result.inserted, result.updated = cur.execute(
        f"SELECT count(CASE WHEN d.{spec.key[0]} IS NULL THEN 1 END), "
        f"       count(CASE WHEN d.{spec.key[0]} IS NOT NULL AND ({differs}) THEN 1 END) "
        f"FROM {typed} AS t LEFT JOIN {spec.table} AS d ON {on_key}").fetchall()[0]
    result.unchanged = result.rows - result.inserted - result.updated


def _write(cur, spec: Kind, typed: str, result: ImportResult, how: _Load) -> None:
    columns = spec.column_names
    on_key, differs = _key_match(spec), _differs(spec)
    column_list = ", ".join(columns)
    if result.updated:
        assignments = ", ".join(f"{c} = t.{c}" for c in columns if c not in spec.key)
        cur.execute(f"UPDATE {spec.table} AS d SET {assignments} FROM {typed} AS t "
                    f"WHERE {on_key} AND ({differs})")
    if result.inserted:
        # When no key of the file is stored yet, every row goes in as it is.
        new_only = ("" if result.inserted == result.rows else
                    f" WHERE NOT EXISTS (SELECT 1 FROM {spec.table} AS d WHERE {on_key})")
        cur.execute(f"INSERT INTO {spec.table} ({column_list}) "
                    f"SELECT {', '.join(f't.{c}' for c in columns)} FROM {typed} AS t{new_only}")
    log_change(cur, action=how.action, kind=spec.name, changed_by=how.changed_by,
               file_name=how.file_name, file_sha256=how.file_sha256, inserted=result.inserted,
               updated=result.updated, unchanged=result.unchanged)


def log_change(cur, *, action: str, kind: str, changed_by: str, file_name: str | None,
               file_sha256: str | None, inserted: int, updated: int, unchanged: int) -> None:
    cur.execute(
        "INSERT INTO change_log (changed_at, changed_by, action, kind, file_name, file_sha256, "
        "rows_inserted, rows_updated, rows_unchanged) "
        "VALUES (current_localtimestamp(), ?, ?, ?, ?, ?, ?, ?, ?)",
        [changed_by, action, kind, file_name, file_sha256, inserted, updated, unchanged])
