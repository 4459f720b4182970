"""The Data page without Streamlit: check an uploaded file, show what it would change or
every problem, import exactly the checked bytes on confirmation, and name the downloads.

A check is a dry run of the command line's import: of :func:`lagesbild.data.ingest.import_file`
for a file in the contract's format, or of :func:`lagesbild.data.profiles.import_with_profile` for
an export that a profile recognises by its headers (or that the user has just mapped).
Nothing is written until :func:`confirm`, which imports the very bytes that were checked,
through the same profile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import duckdb
import pandas as pd

from lagesbild.data.db import LagesbildError

from lagesbild.data import contracts, ingest, profiles
from lagesbild.data.contracts import BOOLEAN, CHOICE, DATE, DECIMAL, MONTH, TIMESTAMP, Kind
from lagesbild.formatting import fmt_decimal, fmt_int
from lagesbild.i18n import plural, t

# The same as server.maxUploadSize in .streamlit/config.toml; checked here too, so that a
# larger file gets a plain message instead of the browser's.
UPLOAD_MAX_BYTES = 50 * 1024 * 1024
PREVIEW_ROWS = 20
# Every problem of a file is listed up to this many; beyond it the page says how many more.
MAX_PROBLEMS_LISTED = 1000
FORMAT_MIME = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class Upload:
    """A file as uploaded: what it is to be imported as, its name and its bytes."""

    kind: str
    file_name: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class Checked:
    """An upload and the dry run of its import."""

    upload: Upload
    sha256: str
    result: ingest.ImportResult
    # The profile the file was read through; None for the contract's own format.
    profile: profiles.Profile | None = None

    @property
    def ok(self) -> bool:
        return self.result.ok

    @property
    def needs_mapping(self) -> bool:
        """The file is in neither the contract's format nor a known profile's: its columns
        must be mapped ("Koppla kolumner") before it can be read."""
        return self.profile is None and any(p.code == "missing_columns" for p in self.result.problems)


def kind_names() -> list[str]:
    return list(contracts.KINDS)


def kind_label(kind: str, lang: str) -> str:
    return contracts.KINDS[kind].label(lang)


def too_large_message(size: int, lang: str, limit: int | None = None) -> str | None:
    """'Filen är 63,2 MB; högst 50 MB ...' for a file above ``limit`` bytes (default
    UPLOAD_MAX_BYTES), else None."""
    limit = UPLOAD_MAX_BYTES if limit is None else limit
    if size <= limit:
        return None
    megabytes = 1024 * 1024
    return t("data_page.too_large", lang, size=fmt_decimal(size / megabytes, lang, 1),
             limit=fmt_int(limit / megabytes, lang))


def check(con: duckdb.DuckDBPyConnection, upload: Upload,
          profile: profiles.Profile | None = None) -> Checked:
    """Validate the upload without writing anything: through ``profile`` if given, else
    through the profile that recognises the file's headers, else as the contract's format."""
    if profile is None:
        profile = recognised_profile(upload)
    if profile is not None:
        result = profiles.import_with_profile(con, profile, upload.data, file_name=upload.file_name,
                                              dry_run=True, max_problems=MAX_PROBLEMS_LISTED,
                                              preview_rows=PREVIEW_ROWS)
    else:
        result = ingest.import_file(con, upload.kind, upload.data, file_name=upload.file_name,
                                    dry_run=True, max_bytes=UPLOAD_MAX_BYTES,
                                    max_problems=MAX_PROBLEMS_LISTED, preview_rows=PREVIEW_ROWS)
    return Checked(upload, upload.sha256, result, profile)


def recognised_profile(upload: Upload) -> profiles.Profile | None:
    """The profile for the upload's kind whose headers are all in the file, if any. A file
    whose headers cannot be read at all is left to the contract's check, which names why."""
    try:
        return profiles.profile_for_file(upload.data, upload.kind)
    except profiles.ProfileError:
        raise
    except LagesbildError:
        return None


def confirm(con: duckdb.DuckDBPyConnection, checked: Checked, changed_by: str) -> ingest.ImportResult:
    """Import exactly the checked bytes (validated again inside the import's transaction),
    through the profile they were checked with."""
    if checked.upload.sha256 != checked.sha256 or not checked.ok:
        raise ValueError("only a checked, valid upload can be imported")
    if checked.profile is not None:
        return profiles.import_with_profile(con, checked.profile, checked.upload.data,
                                            file_name=checked.upload.file_name, changed_by=changed_by,
                                            max_problems=MAX_PROBLEMS_LISTED)
    return ingest.import_file(con, checked.upload.kind, checked.upload.data,
                              file_name=checked.upload.file_name, changed_by=changed_by,
                              max_bytes=UPLOAD_MAX_BYTES, max_problems=MAX_PROBLEMS_LISTED)


def problems_table(result: ingest.ImportResult, lang: str) -> pd.DataFrame:
    """Every listed problem as Rad, Kolumn, Problem (row and column empty for the whole file)."""
    return pd.DataFrame({
        t("data_page.column.row", lang): pd.array([p.row for p in result.problems], dtype="Int64"),
        t("data_page.column.column", lang): [p.column or "" for p in result.problems],
        t("data_page.column.problem", lang): [p.message(lang) for p in result.problems],
    })


def problems_heading(result: ingest.ImportResult, lang: str) -> str:
    return plural("data_page.problems", result.problem_count, lang,
                  count=fmt_int(result.problem_count, lang))


def problems_more(result: ingest.ImportResult, lang: str) -> str | None:
    """How many problems the table leaves out, if any."""
    more = result.problem_count - len(result.problems)
    if more <= 0:
        return None
    return t("data_page.problems_more", lang, shown=fmt_int(len(result.problems), lang),
             more=fmt_int(more, lang))


def change_summary(result: ingest.ImportResult, lang: str) -> str:
    return plural("data_page.would_change", result.rows, lang, rows=fmt_int(result.rows, lang),
             inserted=fmt_int(result.inserted, lang), updated=fmt_int(result.updated, lang),
             unchanged=fmt_int(result.unchanged, lang))


def done_message(result: ingest.ImportResult, lang: str) -> str:
    return t("data_page.done", lang, file=result.file_name, kind=kind_label(result.kind, lang),
             inserted=fmt_int(result.inserted, lang), updated=fmt_int(result.updated, lang),
             unchanged=fmt_int(result.unchanged, lang))


def preview_caption(result: ingest.ImportResult, lang: str) -> str:
    shown = 0 if result.preview is None else len(result.preview)
    if shown >= result.rows:
        return t("data_page.preview_all", lang, rows=fmt_int(result.rows, lang))
    return t("data_page.preview", lang, shown=fmt_int(shown, lang), rows=fmt_int(result.rows, lang))


def preview_table(result: ingest.ImportResult, lang: str) -> pd.DataFrame | None:
    """The first rows under the file's Swedish headers, with Rad first: each value as it will
    be stored (canonical spelling, ISO dates), or as written where it does not parse."""
    if result.preview is None or result.preview.empty:
        return None
    spec = contracts.KINDS[result.kind]
    preview = result.preview
    table = {t("data_page.column.row", lang): preview["source_row"].astype("int64").tolist()}
    for col in spec.columns:
        table[col.header] = [
            display_value(typed, col, lang) if not _missing(typed) else ("" if _missing(text) else text)
            for typed, text in zip(preview[col.name], preview[f"text_{col.name}"])]
    return pd.DataFrame(table)


def display_value(value, column: contracts.Column, lang: str) -> str:
    """A stored value as the page shows it."""
    if column.type == BOOLEAN:
        return t("data_page.yes", lang) if value else t("data_page.no", lang)
    if column.type == CHOICE and column.vocabulary is not None:
        key = int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        if key in column.vocabulary.labels:
            label = column.vocabulary.label(key, lang)
            return f"{key} ({label})" if isinstance(key, int) else label
    if column.type == MONTH:
        return pd.Timestamp(value).strftime("%Y-%m")
    if column.type == DATE:
        return pd.Timestamp(value).date().isoformat()
    if column.type == TIMESTAMP:
        stamp = pd.Timestamp(value)
        return stamp.strftime("%Y-%m-%d %H:%M" if stamp.second == 0 else "%Y-%m-%d %H:%M:%S")
    if column.type == DECIMAL:
        number = float(value)
        return fmt_int(number, lang) if number.is_integer() else fmt_decimal(number, lang, 2)
    return str(value)


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def stored_rows(con: duckdb.DuckDBPyConnection, kind: str) -> int:
    spec: Kind = contracts.KINDS[kind]
    return con.execute(f"SELECT count(*) FROM {spec.table}").fetchall()[0][0]


def download_name(kind: str, fmt: str, lang: str, *, template: bool = False,
                  today: dt.date | None = None) -> str:
    """'mall-risker.xlsx' for a template, 'risker-2025-11-29.csv' for an export."""
    label = _slug(kind_label(kind, "sv"))
    if template:
        return f"{t('data_page.file.template', lang)}-{label}.{fmt}"
    return f"{label}-{(today or dt.date.today()).isoformat()}.{fmt}"


def _slug(text: str) -> str:
    plain = text.lower().translate(str.maketrans("åäöé", "aaoe"))
    return "-".join("".join(ch if ch.isalnum() else " " for ch in plain).split())
