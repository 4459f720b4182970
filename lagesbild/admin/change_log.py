"""The change log as its page shows and exports it, without Streamlit: who changed what,
when, from which file, and how many rows."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from lagesbild.data import contracts, export
from lagesbild.formatting import fmt_int
from lagesbild.i18n import t

ACTIONS = ("import", "edit", "freeze", "role")
COLUMNS = ("changed_at", "changed_by", "action", "kind", "file_name", "file_sha256",
           "rows_inserted", "rows_updated", "rows_unchanged")
SHA_SHOWN = 12   # characters of the fingerprint the view shows; the export has all 64


def action_label(action: str, lang: str) -> str:
    return t(f"change_log_page.action.{action}", lang) if action in ACTIONS else action


def kind_label(kind: str, lang: str) -> str:
    """An import kind by its label; anything else (a frozen year, a role) as logged."""
    spec = contracts.KINDS.get(kind)
    return spec.label(lang) if spec else kind


def filter_options(options: pd.DataFrame, field: str) -> list[str]:
    """The values of ``field`` in the change_log_filters query's result."""
    return options.loc[options["field"] == field, "value"].tolist()


def table(log: pd.DataFrame, lang: str, *, full_sha: bool = False) -> pd.DataFrame:
    """The log under its page headers; SHA-256 shortened unless ``full_sha``."""
    def sha(value):
        if not isinstance(value, str) or not value:
            return ""
        return value if full_sha else value[:SHA_SHOWN] + "…"

    def when(value):
        return pd.Timestamp(value).strftime("%Y-%m-%d %H:%M:%S")

    columns = {
        "changed_at": [when(v) for v in log["changed_at"]],
        "changed_by": log["changed_by"].tolist(),
        "action": [action_label(a, lang) for a in log["action"]],
        "kind": [kind_label(k, lang) for k in log["kind"]],
        "file_name": ["" if pd.isna(v) else v for v in log["file_name"]],
        "file_sha256": [sha(v) for v in log["file_sha256"]],
        "rows_inserted": log["rows_inserted"].astype("int64").tolist(),
        "rows_updated": log["rows_updated"].astype("int64").tolist(),
        "rows_unchanged": log["rows_unchanged"].astype("int64").tolist(),
    }
    return pd.DataFrame({t(f"change_log_page.column.{name}", lang): columns[name] for name in COLUMNS})


COUNT_COLUMNS = ("rows_inserted", "rows_updated", "rows_unchanged")


def shown(log: pd.DataFrame, lang: str):
    """The table for the page: the row counts written as Swedes write them (8 400), still
    sorting as numbers."""
    frame = table(log, lang)
    counts = [t(f"change_log_page.column.{name}", lang) for name in COUNT_COLUMNS]
    return frame.style.format({column: lambda value: fmt_int(value, lang) for column in counts})


def export_bytes(log: pd.DataFrame, fmt: str, lang: str) -> bytes:
    """The filtered log with full fingerprints, formula-safe: file and user names are text
    that people chose."""
    return export.frame_bytes(table(log, lang, full_sha=True), fmt, t("change_log_page.sheet", lang))


def export_name(fmt: str, lang: str, today: dt.date | None = None) -> str:
    return f"{t('change_log_page.file_name', lang)}-{(today or dt.date.today()).isoformat()}.{fmt}"
