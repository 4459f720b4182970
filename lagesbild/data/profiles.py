"""Import profiles: how one source's export (a ticket system, a monitoring tool, a system list)
becomes one of Lägesbild's import kinds.

A profile is a TOML file (the format is a contract, described in docs/importera.md): which
source column feeds which contract column, how source values map to ours, defaults, the
source's date format and time zone, which rows to keep, what to do with several rows per key,
system names looked up in the system register, durations and percentages, and for monitoring
data the roll-up of daily rows to months. Shipped profiles live in ``profiles/`` at the
repository root; the user's own in :func:`user_profiles_dir`, which an upgrade leaves alone.

The mapping runs in DuckDB: the file is read once as text, each contract column is computed by
one SQL expression, and the result goes through the importer's own typed staging, validation
and all-or-nothing load (:func:`lagesbild.data.ingest.load_text_rows`). Values from the file and
from the profile reach SQL only as parameters; the file's headers never become identifiers
(its columns are read by position), and every identifier passes through :func:`_ident`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import os
import re
import tomllib
import uuid
import zipfile
import zoneinfo
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping

import duckdb
import pandas as pd

from lagesbild.data import contracts, db, ingest
from lagesbild.data.contracts import BOOLEAN, CHOICE, DATE, MONTH, TIMESTAMP, Kind
from lagesbild.formatting import fmt_int
from lagesbild.data.ingest import ImportResult, Problem

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "profiles"
PROFILES_ENV = "LAGESBILD_PROFILES"
STORED_ZONE = "Europe/Stockholm"
STORED_TIMESTAMP = "%Y-%m-%d %H:%M:%S"

# How a contract column's text is read beyond its type ([parse] in a profile).
PARSERS = {
    "duration": ("en tidslängd i minuter ('2h 30m', '30d 2h 0m', '01:30:00', '0')",
                 "a duration in minutes ('2h 30m', '30d 2h 0m', '01:30:00', '0')"),
    "percent": ("ett procenttal ('99.7312%', '99,5 %')", "a percentage ('99.7312%', '99,5 %')"),
    "percent_up": ("100 minus ett procenttal (tillgänglighet ur nertid i procent)",
                   "100 minus a percentage (availability from downtime in per cent)"),
    "percent_of_period": ("en andel i procent av radens period, i minuter",
                          "a share in per cent of the row's period, in minutes"),
}
OPTION_TYPES: Mapping[str, type] = MappingProxyType({
    "timestamp_format": str, "date_format": str, "month_format": str, "timezone": str,
    "keep_latest_by": str, "system_id_by_name": bool, "municipality_from_system": bool,
    "empty_values": list, "delimiter": str, "sheet": str,
})
TOP_LEVEL = ("kind", "name", "description", "match", "columns", "values", "defaults", "options",
             "parse", "rows_where", "rows_where_not", "rollup")
# Python strftime directives DuckDB's strptime reads the same way.
_DIRECTIVES = set("aAbBdHIjmMpSfyYzZ%")
_OFFSET = r"\d:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)$"


class ProfileError(db.LagesbildError):
    """A profile file that is not a valid profile: the message (Swedish) names the file and
    the key at fault; ``english`` is its twin."""

    def __init__(self, swedish: str, english: str):
        super().__init__(swedish)
        self.english = english

    def message(self, lang: str = "sv") -> str:
        return self.english if lang == "en" else str(self)


@dataclass(frozen=True)
class Profile:
    kind: str
    name: str
    columns: Mapping[str, str] = field(default_factory=dict)   # contract column -> source header
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # column -> source -> ours
    defaults: Mapping[str, str] = field(default_factory=dict)
    match_headers: tuple[str, ...] = ()
    description: str = ""
    timestamp_format: str | None = None
    date_format: str | None = None
    month_format: str | None = None
    timezone: str = STORED_ZONE
    keep_latest_by: str | None = None
    system_id_by_name: bool = False
    municipality_from_system: bool = False
    empty_values: tuple[str, ...] = ()
    delimiter: str | None = None
    sheet: str | None = None
    parse: Mapping[str, str] = field(default_factory=dict)
    rows_where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rows_where_not: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rollup_period: str | None = None      # source column of each row's "start - end" range
    path: Path | None = None
    shipped: bool = False

    @property
    def spec(self) -> Kind:
        return contracts.KINDS[self.kind]

    def with_defaults(self, extra: Mapping[str, str]) -> Profile:
        """The profile with ``extra`` defaults (e.g. the system of a one-sensor export)."""
        return replace(self, defaults={**self.defaults, **extra})

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "name": self.name}
        if self.description:
            data["description"] = self.description
        if self.match_headers:
            data["match"] = {"headers": list(self.match_headers)}
        data["columns"] = dict(self.columns)
        if self.values:
            data["values"] = {col: dict(mapping) for col, mapping in self.values.items()}
        if self.defaults:
            data["defaults"] = dict(self.defaults)
        options: dict[str, Any] = {}
        for key in OPTION_TYPES:
            value = getattr(self, key)
            if key == "timezone" and value == STORED_ZONE:
                continue
            if value not in (None, False, ()):
                options[key] = list(value) if isinstance(value, tuple) else value
        if options:
            data["options"] = options
        for key in ("parse", "rows_where", "rows_where_not"):
            table = getattr(self, key)
            if table:
                data[key] = {k: list(v) if isinstance(v, tuple) else v for k, v in table.items()}
        if self.rollup_period:
            data["rollup"] = {"period": self.rollup_period, "to": "month"}
        return data


# --- Loading and validating a profile file ----------------------------------------------

def _fail(where: str, sv: str, en: str) -> ProfileError:
    return ProfileError(f"Profilen {where}: {sv}", f"The profile {where}: {en}")


def profile_from_dict(data: Mapping[str, Any], where: str = "", path: Path | None = None,
                      shipped: bool = False) -> Profile:
    """Check a profile read from TOML and build it; a fault raises :class:`ProfileError`
    naming the key."""
    where = where or "(utan fil)"

    def need(condition: bool, key: str, sv: str, en: str) -> None:
        if not condition:
            raise _fail(where, f"nyckeln {key} {sv}", f"the key {key} {en}")

    def text_table(key: str, table: Any) -> dict[str, str]:
        need(isinstance(table, dict), f"[{key}]", "ska vara en tabell", "must be a table")
        out = {}
        for k, v in table.items():
            need(isinstance(v, (str, int, float, bool)) and not isinstance(v, dict),
                 f"{key}.{k}", "ska vara en text", "must be a text")
            out[str(k)] = _toml_scalar_text(v)
        return out

    def text_list(key: str, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            value = [value]
        need(isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value),
             key, "ska vara en lista av texter", "must be a list of texts")
        return tuple(_toml_scalar_text(v) for v in value)

    unknown = [k for k in data if k not in TOP_LEVEL]
    if unknown:
        raise _fail(where, f"okänd nyckel '{unknown[0]}'. Giltiga nycklar: {', '.join(TOP_LEVEL)}.",
                    f"unknown key '{unknown[0]}'. Valid keys: {', '.join(TOP_LEVEL)}.")
    need("kind" in data, "kind", "saknas (ett av: " + ", ".join(contracts.KINDS) + ")",
         "is missing (one of: " + ", ".join(contracts.KINDS) + ")")
    need(data["kind"] in contracts.KINDS, "kind",
         f"har det okända dataslaget '{data['kind']}' (giltiga: {', '.join(contracts.KINDS)})",
         f"has the unknown kind '{data['kind']}' (valid: {', '.join(contracts.KINDS)})")
    spec = contracts.KINDS[data["kind"]]
    need(isinstance(data.get("name"), str) and data["name"].strip(), "name", "saknas eller är tom",
         "is missing or empty")
    names = spec.column_names

    def contract_column(key: str, column: str) -> None:
        need(column in names, f"{key}.{column}",
             f"är ingen kolumn i {spec.name} (giltiga: {', '.join(names)})",
             f"is not a column of {spec.name} (valid: {', '.join(names)})")

    columns = text_table("columns", data.get("columns", {}))
    for column in columns:
        contract_column("columns", column)
    values: dict[str, dict[str, str]] = {}
    raw_values = data.get("values", {})
    need(isinstance(raw_values, dict), "[values]", "ska vara en tabell", "must be a table")
    for column, mapping in raw_values.items():
        contract_column("values", column)
        mapping = text_table(f"values.{column}", mapping)
        col = spec.column(column)
        if col.type in (CHOICE, BOOLEAN):
            accepted = _spellings(col)
            for source, ours in mapping.items():
                need(ours.strip().lower() in accepted, f'values.{column}."{source}"',
                     f"pekar på '{ours}', som inte är ett tillåtet värde ({_allowed(col)})",
                     f"points to '{ours}', which is not an allowed value ({_allowed(col)})")
        values[column] = {_fold(k): v for k, v in mapping.items()}
    defaults = text_table("defaults", data.get("defaults", {}))
    for column in defaults:
        contract_column("defaults", column)
    parse = text_table("parse", data.get("parse", {}))
    for column, how in parse.items():
        contract_column("parse", column)
        need(how in PARSERS, f"parse.{column}", f"ska vara ett av: {', '.join(PARSERS)}",
             f"must be one of: {', '.join(PARSERS)}")
    match = data.get("match", {})
    need(isinstance(match, dict) and set(match) <= {"headers"}, "[match]",
         "ska vara en tabell med bara headers", "must be a table with only headers")
    match_headers = text_list("match.headers", match.get("headers", []))
    options = data.get("options", {})
    need(isinstance(options, dict), "[options]", "ska vara en tabell", "must be a table")
    for key, value in options.items():
        need(key in OPTION_TYPES, f"options.{key}",
             f"är okänd (giltiga: {', '.join(OPTION_TYPES)})", f"is unknown (valid: {', '.join(OPTION_TYPES)})")
        wanted = OPTION_TYPES[key]
        need(isinstance(value, wanted) or (wanted is list and isinstance(value, str)), f"options.{key}",
             "ska vara " + {str: "en text", bool: "true eller false", list: "en lista av texter"}[wanted],
             "must be " + {str: "a text", bool: "true or false", list: "a list of texts"}[wanted])
    for key in ("timestamp_format", "date_format", "month_format"):
        if key in options:
            bad = _bad_directive(options[key])
            need(bad is None, f"options.{key}",
                 f"har formatkoden '%{bad}', som inte kan läsas (använd Pythons strftime-koder, t.ex. %Y-%m-%d %H:%M)",
                 f"has the format code '%{bad}', which cannot be read (use Python strftime codes, e.g. %Y-%m-%d %H:%M)")
    zone = options.get("timezone", STORED_ZONE)
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise _fail(where, f"nyckeln options.timezone har den okända tidszonen '{zone}' (t.ex. UTC, Europe/Stockholm)",
                    f"the key options.timezone has the unknown time zone '{zone}' (e.g. UTC, Europe/Stockholm)") from None
    rows_where = {h: text_list(f"rows_where.{h}", v) for h, v in
                  _table(data.get("rows_where", {}), where, "rows_where").items()}
    rows_where_not = {h: text_list(f"rows_where_not.{h}", v) for h, v in
                      _table(data.get("rows_where_not", {}), where, "rows_where_not").items()}
    rollup = _table(data.get("rollup", {}), where, "rollup")
    need(set(rollup) <= {"period", "to"}, "[rollup]", "får bara ha period och to", "may only have period and to")
    if rollup:
        need(isinstance(rollup.get("period"), str), "rollup.period", "ska vara källans kolumn med perioden",
             "must be the source column holding the period")
        need(rollup.get("to", "month") == "month", "rollup.to", "kan bara vara \"month\"", "can only be \"month\"")
        need(spec.name == "sla", "[rollup]", "finns bara för dataslaget sla", "exists only for the kind sla")
    for column, how in parse.items():
        need(how != "percent_of_period" or rollup, f"parse.{column}",
             "= \"percent_of_period\" kräver [rollup] period", "= \"percent_of_period\" needs [rollup] period")
    if options.get("municipality_from_system"):
        need("municipality" in names and "system_id" in names, "options.municipality_from_system",
             f"går inte för {spec.name}", f"does not apply to {spec.name}")
    if options.get("system_id_by_name"):
        need("system_id" in names, "options.system_id_by_name", f"går inte för {spec.name}",
             f"does not apply to {spec.name}")
    description = data.get("description", "")
    need(isinstance(description, str), "description", "ska vara en text", "must be a text")
    return Profile(
        kind=spec.name, name=data["name"].strip(), columns=columns, values=values, defaults=defaults,
        match_headers=match_headers, description=description,
        timestamp_format=options.get("timestamp_format"), date_format=options.get("date_format"),
        month_format=options.get("month_format"), timezone=zone,
        keep_latest_by=options.get("keep_latest_by"),
        system_id_by_name=bool(options.get("system_id_by_name")),
        municipality_from_system=bool(options.get("municipality_from_system")),
        empty_values=text_list("options.empty_values", options.get("empty_values", [])),
        delimiter=options.get("delimiter"), sheet=options.get("sheet"),
        parse=parse, rows_where=rows_where, rows_where_not=rows_where_not,
        rollup_period=rollup.get("period"), path=path, shipped=shipped)


def _table(value: Any, where: str, key: str) -> dict:
    if not isinstance(value, dict):
        raise _fail(where, f"nyckeln [{key}] ska vara en tabell", f"the key [{key}] must be a table")
    return value


def _toml_scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(value)


def _bad_directive(fmt: str) -> str | None:
    for found in re.finditer(r"%(-?)(.)", fmt):
        if found.group(2) not in _DIRECTIVES:
            return found.group(1) + found.group(2)
    return None


def load_profile(source: Path | str) -> Profile:
    """A profile from a TOML file (a path) or its text; raises :class:`ProfileError`."""
    path = Path(source) if not (isinstance(source, str) and "\n" in source) else None
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ProfileError(f"Profilfilen {path} finns inte.", f"The profile file {path} does not exist.") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"Profilfilen {path} kunde inte läsas ({type(exc).__name__}).",
                               f"The profile file {path} could not be read ({type(exc).__name__}).") from None
        where = str(path)
    else:
        text, where = str(source), "(text)"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"Profilen {where} är inte giltig TOML: {exc}.",
                           f"The profile {where} is not valid TOML: {exc}.") from None
    shipped = path is not None and path.resolve().parent == SHIPPED_DIR.resolve()
    return profile_from_dict(data, where, path, shipped)


def user_profiles_dir() -> Path:
    """Where the user's own profiles are kept: ``LAGESBILD_PROFILES`` if set, else a
    ``profiles`` folder beside the database (``data/profiles``), which an upgrade of the
    program does not touch and which is copied with the data."""
    configured = os.environ.get(PROFILES_ENV)
    return Path(configured) if configured else db.database_path().parent / "profiles"


def list_profiles() -> list[Profile]:
    """Every profile: the user's own first, then the shipped ones, each sorted by name. A
    user's profile hides a shipped one of the same name. A broken file raises."""
    found: list[Profile] = []
    names: set[str] = set()
    for directory in (user_profiles_dir(), SHIPPED_DIR):
        if not directory.is_dir():
            continue
        batch = [load_profile(path) for path in sorted(directory.glob("*.toml"))]
        for profile in sorted(batch, key=lambda p: p.name.casefold()):
            if profile.name.casefold() not in names:
                names.add(profile.name.casefold())
                found.append(profile)
    return found


def find_profile(name_or_path: str) -> Profile:
    """The profile named ``name_or_path`` (any case), or in that file."""
    candidate = Path(name_or_path)
    if candidate.suffix.lower() == ".toml" or candidate.is_file():
        return load_profile(candidate)
    wanted = name_or_path.strip().casefold()
    profiles = list_profiles()
    for profile in profiles:
        if wanted in (profile.name.casefold(), profile.path.stem.casefold() if profile.path else ""):
            return profile
    raise ProfileError(
        f"Profilen '{name_or_path}' finns inte. Befintliga: {', '.join(p.name for p in profiles)}.",
        f"There is no profile '{name_or_path}'. Existing: {', '.join(p.name for p in profiles)}.")


def match_profile(headers: list[str], kind: str | None = None,
                  profiles: list[Profile] | None = None) -> Profile | None:
    """The profile whose [match] headers are all among ``headers``: the one that asks for
    the most of them (a user's own before a shipped one on a tie), or None."""
    present = {_normalise_header(h) for h in headers}
    best: Profile | None = None
    for profile in profiles if profiles is not None else list_profiles():
        if kind is not None and profile.kind != contracts.kind(kind).name:
            continue
        wanted = {_normalise_header(h) for h in profile.match_headers}
        if wanted and wanted <= present and (best is None or len(wanted) > len(best.match_headers)):
            best = profile
    return best


def to_toml(profile: Profile) -> str:
    """The profile as TOML text that :func:`load_profile` reads back to the same profile."""
    data = profile.to_dict()
    lines: list[str] = []
    for key in ("kind", "name", "description"):
        if key in data:
            lines.append(f"{key} = {_toml_value(data[key])}")
    for key in ("match", "columns", "values", "defaults", "options", "parse", "rows_where",
                "rows_where_not", "rollup"):
        if key not in data:
            continue
        if key == "values":
            for column, mapping in data[key].items():
                lines += ["", f"[values.{_toml_key(column)}]"]
                lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in mapping.items()]
            continue
        lines += ["", f"[{key}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in data[key].items()]
    return "\n".join(lines) + "\n"


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_value(key)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    text = str(value)
    escaped = []
    for char in text:
        if char in '"\\':
            escaped.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def save_profile(profile: Profile, directory: Path | None = None) -> Path:
    """Write the profile as TOML into the user's profile folder (or ``directory``), named
    after the profile; returns the path. The text is read back and checked first."""
    text = to_toml(profile)
    load_profile(text)
    directory = directory or user_profiles_dir()
    directory.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(profile.name.casefold())).strip("-") or "profil"
    path = directory / f"{slug}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _ascii(text: str) -> str:
    return text.translate(str.maketrans("åäöéü", "aaoeu"))


# --- Reading the source file ------------------------------------------------------------

def _normalise_header(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\ufeff", "").strip()).casefold()


def _fold(text: str) -> str:
    return text.strip().lower()


def _ident(name: str) -> str:
    """The one way an identifier reaches SQL: quoted, so no name can be read as code."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class _Source:
    """A file opened for mapping: its headers and a relation of its rows, column i as c<i>."""

    headers: list[str]
    relation: str                 # SQL of a FROM item
    params: dict[str, Any]
    numbered: bool                # the relation has source_row (a sheet); else rowid + 2
    cleanup: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        for action in self.cleanup:
            action()


def _open(cur: duckdb.DuckDBPyConnection, read, profile: Profile | None, cp1252: bool = False) -> _Source:
    if read.data[:4] == b"PK\x03\x04":
        return _open_xlsx(cur, read.data, profile)
    if read.data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise ingest._Rejected(Problem(None, None, "old_excel"))
    return _open_csv(read, profile, cp1252)


class _NotUtf8(Exception):
    """DuckDB found bytes that are not UTF-8 past the file's start: read it as Windows-1252."""


def _open_csv(read, profile: Profile | None, cp1252: bool = False) -> _Source:
    has_bom = read.data.startswith(codecs.BOM_UTF8)
    body = read.data[3:] if has_bom else read.data
    text = None
    if read.data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode text" (UTF-16), as the importer reads it.
        body = read.data
        try:
            text = read.data.decode("utf-16")
        except UnicodeDecodeError:
            raise ingest._Rejected(Problem(None, None, "bad_encoding")) from None
    # DuckDB checks the encoding as it reads (a pass in Python saved); if it finds the file
    # is not UTF-8 after all, it is Windows-1252, unless it is partly UTF-8 too (refused, as
    # the importer refuses it, rather than stored garbled).
    elif cp1252 or not ingest._starts_as_utf8(body):
        ingest._refuse_mixed_encoding(body, has_bom)
        try:
            text = body.decode("cp1252")
        except UnicodeDecodeError:
            raise ingest._Rejected(Problem(None, None, "bad_encoding")) from None
    head = body[:65536].decode("utf-8", errors="ignore") if text is None else text[:65536]
    if "\x00" in head:
        raise ingest._Rejected(Problem(None, None, "binary_file"))
    first_line = head.splitlines()[0] if head.splitlines() else ""
    delimiter = (profile.delimiter if profile and profile.delimiter
                 else _sniff_delimiter(first_line, profile))
    headers = [h.replace("\ufeff", "").strip() for h in next(csv.reader([first_line], delimiter=delimiter), [])]
    cleanup: list[Callable[[], None]] = []
    if text is not None or read.path is None or any(m in str(read.path) for m in "*?[") \
            or not read.unchanged():
        copy = ingest._temporary_csv(text.encode("utf-8") if text is not None else body)
        path = copy
        cleanup.append(lambda: copy.unlink(missing_ok=True))
    else:
        path = read.path.absolute()
    rejects = f"rejects_{uuid.uuid4().hex}"
    relation = ("read_csv($path, delim = $delim, quote = '\"', escape = '\"', header = true, "
                "auto_detect = false, columns = $columns, compression = 'none', store_rejects = true, "
                f"rejects_table = '{rejects}_errors', rejects_scan = '{rejects}_scans')")
    source = _Source(headers, relation, {"path": str(path), "delim": delimiter,
                                         "columns": {f"c{i}": "VARCHAR" for i in range(len(headers))}},
                     False, cleanup)
    source.rejects = f"{rejects}_errors"  # type: ignore[attr-defined]
    return source


def _sniff_delimiter(first_line: str, profile: Profile | None) -> str:
    known = set()
    if profile is not None:
        known = {_normalise_header(h) for h in [*profile.columns.values(), *profile.match_headers]}

    def score(delimiter: str) -> tuple[int, int]:
        fields = next(csv.reader([first_line], delimiter=delimiter), [])
        return (sum(_normalise_header(f) in known for f in fields), len(fields))

    return max(ingest.CSV_DELIMITERS, key=score)


def _open_xlsx(cur, data: bytes, profile: Profile | None) -> _Source:
    """The workbook's sheet as text columns, read under the importer's own limits: the zip's
    directory is checked before anything is unpacked, the sheet's stated size is ignored, a
    hidden sheet is passed over, and rows and columns are bounded as for any import."""
    import openpyxl  # only needed for Excel files

    ingest._check_workbook_archive(data)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ingest._Rejected(Problem(None, None, "bad_xlsx", type(exc).__name__)) from None
    try:
        wanted = (profile.sheet or "").strip().lower() if profile else ""
        named = [ws for ws in workbook.worksheets if wanted and ws.title.strip().lower() == wanted]
        visible = [ws for ws in workbook.worksheets if ws.sheet_state == "visible"]
        sheet = (named or visible or workbook.worksheets)[0]
        sheet.reset_dimensions()
        rows = sheet.iter_rows()
        header_row = next(rows, None)
        if header_row is None:
            raise ingest._Rejected(Problem(None, None, "empty_file"))
        headers = ["" if c.value is None else str(c.value).replace("\ufeff", "").strip() for c in header_row]
        while headers and not headers[-1]:
            headers.pop()
        if len(headers) > ingest.MAX_XLSX_COLUMNS:
            raise ingest._Rejected(Problem(None, None, "too_many_columns", fmt_int(len(headers)),
                                           fmt_int(ingest.MAX_XLSX_COLUMNS)))
        width = len(headers)
        columns: list[list[str | None]] = [[] for _ in range(width)]
        numbers = []
        for number, row in enumerate(sheet.iter_rows(min_row=2, max_col=max(width, 1)), start=2):
            if all(c.value is None or (isinstance(c.value, str) and not c.value.strip()) for c in row):
                continue
            if number > ingest.MAX_XLSX_ROWS:
                raise ingest._Rejected(Problem(None, None, "too_many_rows",
                                               allowed=fmt_int(ingest.MAX_XLSX_ROWS)))
            numbers.append(number)
            for index in range(width):
                columns[index].append(_cell_text(row[index]) if index < len(row) else None)
    except ingest._Rejected:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise ingest._Rejected(Problem(None, None, "bad_xlsx", type(exc).__name__)) from None
    finally:
        workbook.close()
    frame = pd.DataFrame({f"c{i}": pd.array(values, dtype="string") for i, values in enumerate(columns)})
    frame["source_row"] = pd.array(numbers, dtype="int64")
    name = f"sheet_{uuid.uuid4().hex}"
    cur.register(name, frame)
    return _Source(headers, _ident(name), {}, True, [lambda: cur.unregister(name)])


def _cell_text(cell) -> str | None:
    """An Excel cell as text: times in ISO form, which every profile also reads, and a cell
    formatted as percent as the number it shows (it holds 0.995 for "99,5 %")."""
    value = cell.value
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.strftime(STORED_TIMESTAMP)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (int, float)) and "%" in (cell.number_format or ""):
        value = round(value * 100, 10)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _with_read(source: Path | str | bytes, action: Callable, profile: Profile | None = None):
    read = ingest._read_source(source, ingest.MAX_FILE_BYTES)
    con = duckdb.connect()
    try:
        for cp1252 in (False, True):
            opened = _open(con, read, profile, cp1252)
            try:
                return action(con, opened)
            except duckdb.InvalidInputException:
                if cp1252:
                    raise
            finally:
                opened.close()
    finally:
        con.close()


def source_headers(source: Path | str | bytes) -> list[str]:
    """The file's headers as written, in order (repeated ones repeated). A CSV file is read
    only as far as its first line."""
    head = source[:65536] if isinstance(source, bytes) else None
    if head is None:
        try:
            with open(source, "rb") as file:
                head = file.read(65536)
        except OSError:
            raise db.LagesbildError(f"Filen {source} finns inte eller kan inte läsas.") from None
    if head[:4] != b"PK\x03\x04":
        body = head[3:] if head.startswith(codecs.BOM_UTF8) else head
        text = (body.decode("utf-8", errors="strict") if ingest._starts_as_utf8(body)
                else body.decode("cp1252", errors="replace"))
        first_line = text.splitlines()[0] if text.splitlines() else ""
        delimiter = _sniff_delimiter(first_line, None)
        return [h.replace("\ufeff", "").strip() for h in next(csv.reader([first_line], delimiter=delimiter), [])]
    try:
        return _with_read(source, lambda con, opened: opened.headers)
    except ingest._Rejected as rejected:
        raise db.LagesbildError("; ".join(p.line() for p in rejected.problems)) from None


def source_values(source: Path | str | bytes, header: str, limit: int = 500) -> list[tuple[str, int]]:
    """The distinct values (trimmed) of the file's column ``header`` with how many rows hold
    each, most frequent first: what a mapping of values starts from."""
    def values(con, opened: _Source):
        index = _header_index(opened.headers, header)
        if index is None:
            raise db.LagesbildError(f"Kolumnen '{header}' finns inte i filen.")
        column = f"s.{_ident(f'c{index}')}"
        return [tuple(row) for row in con.execute(
            f"SELECT trim({column}) AS v, count(*) AS n FROM {opened.relation} AS s "
            f"WHERE nullif(trim({column}), '') IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT $limit",
            {**opened.params, "limit": int(limit)}).fetchall()]
    try:
        return _with_read(source, values)
    except ingest._Rejected as rejected:
        raise db.LagesbildError("; ".join(p.line() for p in rejected.problems)) from None


def _header_index(headers: list[str], header: str) -> int | None:
    """The first column headed ``header`` (a repeated header, like Jira's Labels, is read
    from its first occurrence)."""
    wanted = _normalise_header(header)
    for index, found in enumerate(headers):
        if _normalise_header(found) == wanted:
            return index
    return None


# --- The mapping in SQL -----------------------------------------------------------------

class _Params:
    """Named parameters collected while SQL is written: values only ever go in here."""

    def __init__(self, initial: dict[str, Any]):
        self.values = dict(initial)

    def __call__(self, value: Any) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f"${name}"


def _spellings(col) -> set[str]:
    if col.type == BOOLEAN:
        return set(contracts.BOOLEAN_SPELLINGS)
    return {str(s).lower() for s in col.vocabulary.spellings()}


def _allowed(col) -> str:
    if col.type == BOOLEAN:
        return "ja, nej"
    return ", ".join(str(v) for v in col.vocabulary.values)


def _number(t: str) -> str:
    """SQL: the number in the text ``t``, read with a decimal comma, spaces or a % sign."""
    cleaned = t
    for mark in ("%", " ", "\u00a0", "\u202f"):
        cleaned = f"replace({cleaned}, '{mark}', '')"
    return f"TRY_CAST(replace({cleaned}, ',', '.') AS DOUBLE)"


def _duration(t: str) -> str:
    """SQL: minutes in a duration text: '2h 30m', '30d 2h 0m', '1w 2d', '01:30:00', '01:30',
    or a plain number (minutes)."""
    lt = f"lower({t})"

    def part(unit: str) -> str:
        return f"coalesce(TRY_CAST(regexp_extract({lt}, '(\\d+(?:[.,]\\d+)?)\\s*{unit}', 1) AS DOUBLE), 0)"
    minutes, seconds = part("m(?:in)?\\b"), part("s\\b")
    units = f"{part('w')} * 10080 + {part('d')} * 1440 + {part('h')} * 60 + {minutes} + {seconds} / 60"
    clock = f"list_transform(string_split({t}, ':'), lambda x: TRY_CAST(x AS DOUBLE))"
    return (f"CASE WHEN regexp_full_match({t}, '\\d+([.,]\\d+)?') THEN {_number(t)} "
            f"WHEN regexp_full_match({t}, '\\d+:\\d{{1,2}}') THEN {clock}[1] * 60 + {clock}[2] "
            f"WHEN regexp_full_match({t}, '\\d+:\\d{{1,2}}:\\d{{1,2}}') "
            f"THEN {clock}[1] * 60 + {clock}[2] + {clock}[3] / 60 "
            f"WHEN regexp_full_match({lt}, '(\\s*\\d+([.,]\\d+)?\\s*(w|d|h|min|m|s)\\s*)+') THEN {units} END")


UTC_NAMES = {"utc", "etc/utc", "gmt", "etc/gmt", "z"}


def _parsed_time(t: str, profile: Profile, p: _Params) -> str:
    """SQL: the text ``t`` as the TIMESTAMP it writes (no zone applied yet), NULL if it is
    not a time: in the profile's format, else ISO."""
    iso = f"TRY_CAST(replace({t}, 'T', ' ') AS TIMESTAMP)"
    fmt = profile.timestamp_format
    if fmt and ("%z" in fmt or "%Z" in fmt):
        return f"timezone('{STORED_ZONE}', try_strptime({t}, {p(fmt)}))"
    return f"coalesce(try_strptime({t}, {p(fmt)}), {iso})" if fmt else iso


def _utc_to_stockholm(u: str) -> str:
    """SQL: the UTC time ``u`` as Swedish local time. From 1996 by the EU's summer time (last
    Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC), many times cheaper per row
    than the zone database, which earlier years go through."""
    def last_sunday_one_o_clock(month: int) -> str:
        day = f"make_date(year({u}), {month}, 31)"
        return f"(CAST({day} AS TIMESTAMP) - to_days(CAST(dayofweek({day}) AS INTEGER)) + INTERVAL 1 HOUR)"
    summer = f"{u} >= {last_sunday_one_o_clock(3)} AND {u} < {last_sunday_one_o_clock(10)}"
    return (f"CASE WHEN year({u}) >= 1996 THEN {u} + CASE WHEN {summer} THEN INTERVAL 2 HOUR "
            f"ELSE INTERVAL 1 HOUR END ELSE timezone('{STORED_ZONE}', timezone('UTC', {u})) END")


def _local_time(t: str, u: str, profile: Profile, p: _Params) -> str:
    """SQL: the text ``t``, parsed as ``u`` (:func:`_parsed_time`), as a TIMESTAMP in Swedish
    local time. An offset in the text is honoured; a time without one is in the profile's
    zone."""
    fmt = profile.timestamp_format
    if fmt and ("%z" in fmt or "%Z" in fmt):
        return u
    if profile.timezone == STORED_ZONE:
        local = u
    elif profile.timezone.lower() in UTC_NAMES:
        local = _utc_to_stockholm(u)
    else:
        local = f"timezone('{STORED_ZONE}', timezone({p(profile.timezone)}, {u}))"
    with_offset = f"timezone('{STORED_ZONE}', TRY_CAST(replace({t}, 'T', ' ') AS TIMESTAMPTZ))"
    return f"CASE WHEN regexp_matches({t}, '{_OFFSET}') THEN {with_offset} ELSE {local} END"


@dataclass
class _Plan:
    """What the profile makes of one file: per contract column its SQL, and the problems
    found in the profile's fit to the file (missing headers, no source for a column)."""

    stage: list[str] = field(default_factory=list)      # cleaned texts, from the file's c<i>
    filters: list[str] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    headers: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    named_systems: bool = False
    # SQL counting each unknown system name (x_system_name, n), and what to drop afterwards.
    unknown_names: str = ""
    temporary: list[str] = field(default_factory=list)


def _rule(column: str | None, sv: str, en: str) -> Problem:
    return Problem(None, column, "rule", "", sv, en)


def _plan(profile: Profile, headers: list[str], p: _Params) -> _Plan:
    spec = profile.spec
    plan = _Plan()

    def source_column(header: str, what_sv: str, what_en: str) -> str | None:
        index = _header_index(headers, header)
        if index is None:
            plan.problems.append(_rule(None, f"kolumnen '{header}' som profilen läser ({what_sv}) finns inte i filen",
                                       f"the column '{header}' the profile reads ({what_en}) is not in the file"))
            return None
        return f"s.{_ident(f'c{index}')}"

    empties = [_fold(v) for v in profile.empty_values]

    def cleaned(raw: str) -> str:
        text = f"nullif(trim({raw}), '')"
        if empties:
            text = f"CASE WHEN list_contains({p(empties)}, lower({text})) THEN NULL ELSE {text} END"
        return text

    # Stage 1: per contract column the cleaned text (empty placeholders, default, values).
    for col in spec.columns:
        name = col.name
        text = "CAST(NULL AS VARCHAR)"
        header = profile.columns.get(name)
        if header is not None:
            raw = source_column(header, f"kolumnen {name}", f"column {name}")
            if raw is not None:
                text = cleaned(raw)
                plan.headers[name] = header
        if name in profile.defaults:
            text = f"coalesce({text}, {p(profile.defaults[name])})"
            plan.headers.setdefault(name, col.header)
        if name in profile.values:
            mapping = profile.values[name]
            text = (f"coalesce(map({p([_fold(k) for k in mapping])}, {p(list(mapping.values()))})"
                    f"[lower({text})], {text})"
                    if mapping else text)
        plan.stage.append(f"{text} AS {_ident('t_' + name)}")
    if profile.keep_latest_by:
        raw = source_column(profile.keep_latest_by, "options.keep_latest_by", "options.keep_latest_by")
        plan.stage.append(f"{cleaned(raw) if raw else 'CAST(NULL AS VARCHAR)'} AS x_latest")
    if profile.rollup_period:
        raw = source_column(profile.rollup_period, "rollup.period", "rollup.period")
        plan.stage.append(f"{cleaned(raw) if raw else 'CAST(NULL AS VARCHAR)'} AS x_period")
    for number, (header, wanted) in enumerate([*profile.rows_where.items(), *profile.rows_where_not.items()]):
        raw = source_column(header, "rows_where", "rows_where")
        keep = number < len(profile.rows_where)
        if raw is None:
            continue
        plan.stage.append(f"{cleaned(raw)} AS x_where_{number}")
        test = f"coalesce(list_contains({p([_fold(v) for v in wanted])}, lower(x_where_{number})), false)"
        plan.filters.append(test if keep else f"NOT {test}")
    return plan


def _create_system_lookup(cur, lookup: str) -> None:
    """The temporary table ``lookup``: each system's id and name in lower case (``k``) with
    the system's id and municipality. An id wins over a name; a name two systems share is
    left out (it names neither)."""
    cur.execute(
        f"CREATE TEMP TABLE {_ident(lookup)} AS "
        "WITH keys AS ("
        "  SELECT lower(trim(system_id)) AS k, system_id, municipality, 0 AS rank FROM systems"
        "  UNION ALL SELECT lower(trim(name)), system_id, municipality, 1 FROM systems"
        "  WHERE lower(trim(name)) IN (SELECT lower(trim(name)) FROM systems GROUP BY 1 HAVING count(*) = 1)) "
        "SELECT k, arg_min(system_id, rank) AS system_id, arg_min(municipality, rank) AS municipality "
        "FROM keys GROUP BY k")


def _column_sql(profile: Profile, col, t: str, p: _Params) -> str:
    """SQL: the contract column's text from the cleaned text ``t`` (a time in the stored
    form, a duration in minutes, ...); text that does not parse is passed on as it is, for
    the importer to name."""
    how = profile.parse.get(col.name)
    if how == "duration":
        return f"coalesce(CAST(round({_duration(t)}, 4) AS VARCHAR), {t})"
    if how == "percent":
        return f"coalesce(CAST({_number(t)} AS VARCHAR), {t})"
    if how == "percent_up":
        return f"coalesce(CAST(round(100 - {_number(t)}, 6) AS VARCHAR), {t})"
    if how == "percent_of_period":
        return f"coalesce(CAST(round({_number(t)} / 100 * x_minutes, 4) AS VARCHAR), {t})"
    if col.type == TIMESTAMP:
        u = _ident("u_" + col.name)
        return f"coalesce(CAST({_local_time(t, u, profile, p)} AS VARCHAR), {t})"
    if col.type == DATE:
        formats = [f for f in (profile.date_format, profile.timestamp_format) if f]
        parsed = (f"coalesce(CAST(try_strptime({t}, {p(formats)}) AS DATE), TRY_CAST({t} AS DATE))"
                  if formats else f"TRY_CAST({t} AS DATE)")
        return f"coalesce(strftime({parsed}, '%Y-%m-%d'), {t})"
    if col.type == MONTH and profile.month_format:
        return f"coalesce(strftime(try_strptime({t}, {p(profile.month_format)}), '%Y-%m'), {t})"
    return t


def _build(cur, profile: Profile, opened: _Source, mapped: str, result: ImportResult) -> _Plan:
    """Create the temporary table ``mapped``: one row per row to load, a text column per
    contract column, ``source_row`` and what the checks need (``x_system_name``).

    The file is read in one pass that computes every column row by row (which keeps the
    file's order, so rowid numbers the rows). Looking systems up, dropping rows, keeping the
    latest row per key and rolling days up to months follow in a second pass."""
    spec = profile.spec
    p = _Params(opened.params)
    plan = _plan(profile, opened.headers, p)
    names = spec.column_names
    join = profile.system_id_by_name or profile.municipality_from_system
    plan.named_systems = profile.system_id_by_name

    final = []
    for col in spec.columns:
        t = _ident("t_" + col.name)
        expression = _column_sql(profile, col, t, p)
        if col.name == "month" and profile.rollup_period:
            expression = f"coalesce({expression}, strftime(x_start, '%Y-%m'))"
            plan.headers.setdefault("month", profile.rollup_period)
        if col.name == "outages" and _outages_follow_downtime(profile):
            # No downtime means no outage; with downtime the count is unknown, never 0.
            downtime = _column_sql(profile, spec.column("outage_minutes"), _ident("t_outage_minutes"), p)
            expression = f"CASE WHEN TRY_CAST({downtime} AS DOUBLE) = 0 THEN '0' END"
            plan.present.add("outages")
        final.append(f"{expression} AS {_ident(col.name)}")
        if col.name in profile.columns or col.name in profile.defaults or (
                col.name == "municipality" and profile.municipality_from_system) or (
                col.name == "month" and profile.rollup_period):
            plan.present.add(col.name)
    if profile.municipality_from_system:
        plan.headers.setdefault("municipality", f"{spec.column('municipality').header} (ur systemregistret)")
    if join:
        final.append(f"{_ident('t_system_id')} AS x_system_name")
    if profile.keep_latest_by:
        final += ["x_latest_time", "x_latest"]
    wheres = [f"x_where_{i}" for i in range(len(profile.rows_where) + len(profile.rows_where_not))
              if any(s.endswith(f" AS x_where_{i}") for s in plan.stage)]
    final += wheres
    period = ""
    if profile.rollup_period:
        fmt = p(profile.timestamp_format) if profile.timestamp_format else None
        part = ("coalesce(try_strptime(trim(string_split(x_period, ' - ')[{i}]), " + fmt +
                "), TRY_CAST(trim(string_split(x_period, ' - ')[{i}]) AS TIMESTAMP))") if fmt else \
            "TRY_CAST(trim(string_split(x_period, ' - ')[{i}]) AS TIMESTAMP)"
        zone = p(profile.timezone)
        # The length in the source's zone: the day of a summer-time switch has 23 or 25 hours.
        period = (f", {part.format(i=1)} AS x_start, (epoch(timezone({zone}, {part.format(i=2)})) "
                  f"- epoch(timezone({zone}, {part.format(i=1)}))) / 60 AS x_minutes")
        final += ["x_minutes"]

    for col in spec.columns:
        if col.required and col.name not in plan.present:
            plan.problems.append(_rule(None, f"profilen anger ingen källa för kolumnen {col.name} ({col.header}): "
                                             f"lägg till den under [columns] eller [defaults] "
                                             f"(på kommandoraden: --set {col.name}=…)",
                                       f"the profile gives no source for the column {col.name} ({col.header}): "
                                       f"add it under [columns] or [defaults] "
                                       f"(on the command line: --set {col.name}=…)"))
    if plan.problems:
        return plan
    result.headers = dict(plan.headers)
    source_row = "s.source_row" if opened.numbered else "CAST(NULL AS BIGINT)"
    staged = f"SELECT {source_row} AS source_row, {', '.join(plan.stage)} FROM {opened.relation} AS s"
    if period:
        staged = f"SELECT *{period} FROM ({staged}) AS s1"
    # Times parsed once, in a stage of their own: the zone's rule then reads them several times.
    times = [f"{_parsed_time(_ident('t_' + c.name), profile, p)} AS {_ident('u_' + c.name)}"
             for c in spec.columns if c.type == TIMESTAMP and c.name not in profile.parse]
    if profile.keep_latest_by:
        times.append(f"{_parsed_time('x_latest', profile, p)} AS x_latest_time")
    if times:
        staged = f"SELECT *, {', '.join(times)} FROM ({staged}) AS s1t"
    per_row = f"SELECT source_row, {', '.join(final)} FROM ({staged}) AS s2"
    second_pass = bool(join or plan.filters or profile.keep_latest_by or profile.rollup_period)
    if not second_pass:
        _execute(cur, f"CREATE TEMP TABLE {_ident(mapped)} AS {per_row}", p.values)
        _refuse_unread(cur, opened)
        if opened.numbered:
            plan.present.add("source_row")
        # Otherwise read outside a transaction in file order: rowid 0 is the line after the header.
        return plan
    first = f"m_{uuid.uuid4().hex}"
    _execute(cur, f"CREATE TEMP TABLE {_ident(first)} AS {per_row}", p.values)
    _refuse_unread(cur, opened)
    number = "a.source_row" if opened.numbered else "a.rowid + 2"
    replaced = [f"{number} AS source_row"]
    joined = ""
    if join:
        lookup = f"lookup_{uuid.uuid4().hex}"
        _create_system_lookup(cur, lookup)
        joined = f" LEFT JOIN {_ident(lookup)} AS n ON n.k = lower(a.x_system_name)"
        if profile.system_id_by_name:
            replaced.append("n.system_id AS system_id")
        if profile.municipality_from_system:
            replaced.append("coalesce(a.municipality, n.municipality) AS municipality")
    rows = f"SELECT a.* REPLACE ({', '.join(replaced)}) FROM {_ident(first)} AS a{joined}"
    where = f" WHERE {' AND '.join(plan.filters)}" if plan.filters else ""
    key = ", ".join(_ident(k) for k in spec.key)
    if profile.rollup_period:
        sql = _rollup_sql(spec, rows, where, join)
    elif profile.keep_latest_by:
        sql = (f"SELECT * FROM ({rows}){where} QUALIFY row_number() OVER (PARTITION BY {key} "
               f"ORDER BY x_latest_time DESC NULLS LAST, x_latest DESC NULLS LAST, source_row DESC) = 1")
    else:
        sql = f"SELECT * FROM ({rows}){where}"
    plan.temporary.append(first)
    if join:
        plan.temporary.append(lookup)
    if profile.system_id_by_name:
        plan.unknown_names = (
            f"SELECT x_system_name, count(*) AS n FROM {_ident(mapped)} "
            "WHERE system_id IS NULL AND x_system_name IS NOT NULL GROUP BY 1")
    if not (plan.filters or profile.keep_latest_by or profile.rollup_period):
        # Nothing to drop or merge: the importer reads the join as it stages the rows, and
        # unknown names are counted from the rows as read.
        cur.execute(f"CREATE TEMP VIEW {_ident(mapped)} AS {rows}")
        if profile.system_id_by_name:
            plan.unknown_names = (
                f"SELECT x_system_name, count(*) AS n FROM {_ident(first)} AS a "
                f"WHERE x_system_name IS NOT NULL AND lower(x_system_name) NOT IN "
                f"(SELECT k FROM {_ident(lookup)}) GROUP BY 1")
    else:
        _execute(cur, f"CREATE TEMP TABLE {_ident(mapped)} AS {sql}", p.values)
    plan.present.add("source_row")
    return plan


def _outages_follow_downtime(profile: Profile) -> bool:
    """An SLA source that gives the downtime but not the number of outages (monitoring)."""
    return (profile.kind == "sla" and "outages" not in profile.columns and "outages" not in profile.defaults
            and ("outage_minutes" in profile.columns or "outage_minutes" in profile.defaults))


def _execute(cur, sql: str, params: dict[str, Any]) -> None:
    """Run ``sql`` with the parameters it names (DuckDB refuses unused ones)."""
    used = set(re.findall(r"\$(\w+)", sql))
    cur.execute(sql, {k: v for k, v in params.items() if k in used})


def _rollup_sql(spec: Kind, rows: str, where: str, named: bool) -> str:
    """SQL: the rows of parts of a month (PRTG's days) as one row per key and month. The
    availability is the mean weighted by each part's length, outage minutes and counts are
    summed (unknown stays unknown), the rest must agree and is taken as it is. A value that
    does not parse is passed on, for the importer to name."""
    key = [*spec.key, *(["x_system_name"] if named else [])]
    selects = ["min(source_row) AS source_row"]
    for name in spec.column_names:
        c = _ident(name)
        bad = f"min(CASE WHEN {c} IS NOT NULL AND TRY_CAST({c} AS DOUBLE) IS NULL THEN {c} END)"
        if name in spec.key:
            selects.append(c)
        elif name == "availability_pct":
            weighted = (f"sum(TRY_CAST({c} AS DOUBLE) * x_minutes) / "
                        f"sum(CASE WHEN TRY_CAST({c} AS DOUBLE) IS NOT NULL THEN x_minutes END)")
            selects.append(f"coalesce({bad}, CAST(round({weighted}, 4) AS VARCHAR)) AS {c}")
        elif name == "outage_minutes":
            selects.append(f"coalesce({bad}, CAST(round(sum(TRY_CAST({c} AS DOUBLE)), 4) AS VARCHAR)) AS {c}")
        elif name in ("outages", "tickets", "tickets_within_target"):
            # A count unknown for one part of the month is unknown for the month.
            total = f"CASE WHEN count(*) = count({c}) THEN sum(TRY_CAST({c} AS DOUBLE)) END"
            selects.append(f"coalesce({bad}, CAST({total} AS VARCHAR)) AS {c}")
        else:
            selects.append(f"max({c}) AS {c}")
    if named:
        selects.append("x_system_name")
    group = ", ".join(_ident(k) for k in key)
    return f"SELECT {', '.join(selects)} FROM ({rows}){where} GROUP BY {group}"


def _refuse_unread(cur, opened: _Source) -> None:
    rejects = getattr(opened, "rejects", None)
    if rejects:
        unread = cur.execute(
            f"SELECT line, error_type, error_message FROM {_ident(rejects)} ORDER BY line").fetchall()
        if any(error_type == "INVALID ENCODING" for _, error_type, _ in unread):
            raise _NotUtf8()
        ingest._refuse_unread(unread)


def _value_problems(cur, profile: Profile, mapped: str, plan: _Plan, max_problems: int):
    """The check run on the staged rows before validation: each source value that maps to
    nothing we accept, and each system name the register does not know, named once with
    how many rows have it."""
    spec = profile.spec

    def check(cur, _spec: Kind, typed: str) -> list[Problem]:
        problems: list[Problem] = []
        if plan.named_systems:
            header = plan.headers.get("system_id", "system_id")
            for name, count in cur.execute(
                    f"SELECT * FROM ({plan.unknown_names}) ORDER BY n DESC, 1 LIMIT {int(max_problems)}").fetchall():
                problems.append(_rule(header, f"'{name}' finns inte i systemregistret ({_rows(count)}); lägg in "
                                              f"systemet där eller koppla namnet under [values.system_id]",
                                      f"'{name}' is not in the system register ({_rows(count, 'en')}); add the "
                                      f"system there or map the name under [values.system_id]"))
        controlled = [col for col in spec.columns if col.type in (CHOICE, BOOLEAN) and col.name in plan.present]
        if not controlled:
            return problems
        # One pass counts the values that did not map; only those columns are looked at.
        failing = cur.execute("SELECT " + ", ".join(
            f"count(CASE WHEN {_ident('v_' + col.name)} IS NOT NULL AND {_ident(col.name)} IS NULL THEN 1 END)"
            for col in controlled) + f" FROM {_ident(typed)}").fetchall()[0]
        for col, count in zip(controlled, failing):
            if not count:
                continue
            v, c = _ident("v_" + col.name), _ident(col.name)
            header = plan.headers.get(col.name, col.header)
            for value, count in cur.execute(
                    f"SELECT {v}, count(*) AS n FROM {_ident(typed)} WHERE {v} IS NOT NULL AND {c} IS NULL "
                    f"GROUP BY 1 ORDER BY n DESC, 1 LIMIT {int(max_problems)}").fetchall():
                problems.append(_rule(header, f"värdet '{value}' har ingen motsvarighet ({_rows(count)}); koppla "
                                              f"det under [values.{col.name}] till ett av: {_allowed(col)}",
                                      f"the value '{value}' has no counterpart ({_rows(count, 'en')}); map it "
                                      f"under [values.{col.name}] to one of: {_allowed(col)}"))
        return problems
    return check


def _headers_read(profile: Profile) -> list[str]:
    """Every source header the profile reads something from."""
    return [*profile.columns.values(), *profile.rows_where, *profile.rows_where_not,
            *([profile.keep_latest_by] if profile.keep_latest_by else []),
            *([profile.rollup_period] if profile.rollup_period else [])]


def _drop(cur, *names: str) -> None:
    """Drop the temporary views and tables of one import, the view first."""
    for name in names:
        found = cur.execute("SELECT table_type FROM information_schema.tables WHERE table_name = ?",
                            [name]).fetchall()
        if found:
            kind = "VIEW" if found[0][0] == "VIEW" else "TABLE"
            cur.execute(f"DROP {kind} {_ident(name)}")


def _rows(count: int, lang: str = "sv") -> str:
    if lang == "en":
        return f"{count} row" + ("" if count == 1 else "s")
    return f"{count} rad" + ("" if count == 1 else "er")


# --- Importing through a profile --------------------------------------------------------

def import_with_profile(con: duckdb.DuckDBPyConnection, profile: Profile, source: Path | str | bytes, *,
                        file_name: str | None = None, dry_run: bool = False, changed_by: str | None = None,
                        max_problems: int = ingest.MAX_PROBLEMS_SHOWN, preview_rows: int = 0,
                        defaults: Mapping[str, str] | None = None) -> ImportResult:
    """Map ``source`` (a path or the file's bytes) through ``profile`` and import it as the
    profile's kind, exactly as a contract file: all or nothing, with the same messages.
    ``defaults`` adds to the profile's own (e.g. the system of a one-sensor export)."""
    if defaults:
        bad = [k for k in defaults if k not in profile.spec.column_names]
        if bad:
            raise ProfileError(f"'{bad[0]}' är ingen kolumn i {profile.kind}.",
                               f"'{bad[0]}' is not a column of {profile.kind}.")
        profile = profile.with_defaults(defaults)
    if isinstance(source, (str, Path)):
        file_name = file_name or Path(source).name
    result = ImportResult(kind=profile.kind, file_name=file_name or "uppladdad fil", dry_run=dry_run)
    cur = con.cursor()
    opened = plan = None
    mapped = f"mapped_{uuid.uuid4().hex}"
    try:
        read = ingest._read_source(source, ingest.MAX_FILE_BYTES)
        result.sha256 = hashlib.sha256(read.data).hexdigest()
        opened = _open(cur, read, profile)
        try:
            plan = _build(cur, profile, opened, mapped, result)
        except _NotUtf8:
            opened.close()
            cur.close()
            cur = con.cursor()  # a fresh one: no temporary table of the first reading is left
            opened = _open(cur, read, profile, cp1252=True)
            plan = _build(cur, profile, opened, mapped, result)
        if plan.problems:
            raise ingest._Rejected(*plan.problems)
        read_headers = {_normalise_header(h) for h in _headers_read(profile)}
        result.ignored_columns = [h for h in opened.headers if h and _normalise_header(h) not in read_headers]
        result.kept_columns = [c.name for c in profile.spec.columns if c.optional and c.name not in plan.present]
        row_number = "s.source_row" if "source_row" in plan.present else "(s.rowid + 2)"
        present = plan.present - {"source_row"}
        ingest.load_text_rows(cur, profile.kind, _ident(mapped), present, result, row_number=row_number,
                              check=_value_problems(cur, profile, mapped, plan, max_problems),
                              changed_by=changed_by, max_problems=max_problems, preview_rows=preview_rows)
    except ingest._Rejected as rejected:
        result.problems = rejected.problems[:max_problems]
        result.problem_count = max(result.problem_count, len(rejected.problems))
    except duckdb.Error as exc:
        result.problems = [Problem(None, None, "database", str(exc).strip().splitlines()[0][:200])]
        result.problem_count = 1
    finally:
        if opened is not None:
            opened.close()
        _drop(cur, mapped, *(plan.temporary if plan is not None else ()))
        cur.close()
    return result


def preview(con: duckdb.DuckDBPyConnection, profile: Profile, source: Path | str | bytes, *,
            rows: int = 20, file_name: str | None = None,
            defaults: Mapping[str, str] | None = None) -> ImportResult:
    """A dry run through the profile with the first ``rows`` rows as they would be stored
    (``result.preview``): nothing is written."""
    return import_with_profile(con, profile, source, file_name=file_name, dry_run=True,
                               preview_rows=rows, defaults=defaults)


def profile_for_file(source: Path | str | bytes, kind: str | None = None) -> Profile | None:
    """The profile that recognises the file by its headers, or None."""
    return match_profile(source_headers(source), kind)
