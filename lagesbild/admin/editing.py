"""Edits made in the app, without Streamlit: what can be edited, each form's starting values,
and saving, which goes through the importer's own validation and upsert
(:func:`lagesbild.data.ingest.import_rows`) and is logged as an edit.

Risks, follow-ups and classifications keep their history as rows: an edit adds a new row
with a later date and never overwrites an older one. Recommendations and governing
documents are edited in place on their key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from lagesbild.data import contracts, export, ingest
from lagesbild.admin import datapage
from lagesbild.data.contracts import Column, Kind
from lagesbild.formatting import fmt_int
from lagesbild.i18n import t
from lagesbild.areas.sections import python_value

# What the edit page offers, in its order; "recommendations" covers their follow-ups too.
TARGETS = ("risks", "recommendations", "documents", "classifications")
# History kinds: the column that dates each row (the key's last column).
HISTORY_DATE = {"risks": "assessed_on", "followups": "assessed_on",
                "classifications": "classified_on"}


@dataclass
class Saved:
    """The outcome of saving one form: written, refused (with messages) or nothing to save."""

    kind: str
    result: ingest.ImportResult | None = None
    refusals: list[str] = field(default_factory=list)   # messages, already in the language

    @property
    def ok(self) -> bool:
        return not self.refusals and self.result is not None and self.result.ok

    @property
    def changed(self) -> bool:
        return self.ok and (self.result.inserted + self.result.updated) > 0


def field_label(column: Column, lang: str) -> str:
    """The field's name: its Swedish header, or in English its column name as words."""
    if lang != "en":
        return column.header
    words = column.name.replace("_pct", " (%)").replace("_", " ")
    return words[0].upper() + words[1:]


def target_label(target: str, lang: str) -> str:
    return t(f"editing.target.{target}", lang)


def latest_date(con: duckdb.DuckDBPyConnection, kind: str, entity: str) -> dt.date | None:
    """The newest date of ``entity``'s history rows (None when it has none)."""
    spec = contracts.KINDS[kind]
    date_col, id_col = HISTORY_DATE[kind], spec.key[0]
    # Identifiers come from the contract; the entity's id is a parameter.
    cur = con.cursor()
    try:
        return cur.execute(f"SELECT max({date_col}) FROM {spec.table} WHERE {id_col} = ?",
                           [entity]).fetchall()[0][0]
    finally:
        cur.close()


def history_defaults(kind: str, current: dict | None, today: dt.date) -> dict:
    """A new history row's starting values: the current row's, dated today."""
    spec = contracts.KINDS[kind]
    values = {name: python_value(current.get(name)) if current else None for name in spec.column_names}
    values[HISTORY_DATE[kind]] = today
    if kind == "classifications":
        values["next_review"] = _a_year_later(today)
    if kind == "followups":
        values["comment"] = None
    if kind == "risks":
        # A re-assessment made here belongs to no risk analysis (the Riskanalys page makes those).
        values["analysis_id"] = None
    return values


def row_values(row: pd.Series | dict | None, kind: str) -> dict:
    """A stored row (a query result's row) as the contract's values, NULLs as None."""
    spec = contracts.KINDS[kind]
    if row is None:
        return {name: None for name in spec.column_names}
    return {col.name: _whole(python_value(row.get(col.name)), col) for col in spec.columns}


def followup_values(row: pd.Series) -> dict | None:
    """The newest follow-up in an edit_recommendations row, as follow-up values (None if the
    recommendation has none)."""
    if python_value(row.get("followup_assessed_on")) is None:
        return None
    return {"rec_id": row["rec_id"], **{name: python_value(row.get(f"followup_{name}"))
                                        for name in ("assessed_on", "assessed_by", "status", "comment")}}


def describe(kind: str, values: dict, lang: str) -> pd.DataFrame:
    """A row as a two-column table (field, value), values shown as the pages show them."""
    spec = contracts.KINDS[kind]
    fields, shown = [], []
    for column in spec.columns:
        value = values.get(column.name)
        fields.append(field_label(column, lang))
        shown.append(t("editing.none", lang) if value is None
                     else datapage.display_value(value, column, lang))
    return pd.DataFrame({t("editing.column.field", lang): fields,
                         t("editing.column.value", lang): shown})


def save(con: duckdb.DuckDBPyConnection, kind: str, values: dict, *, changed_by: str,
         lang: str = "sv") -> Saved:
    """Validate ``values`` (contract column -> value) as one row of ``kind`` and save it.

    A history row must be dated after the entity's newest row, so that no assessment is
    ever overwritten. Nothing is written when the row would change nothing.
    """
    spec = contracts.KINDS[kind]
    saved = Saved(kind)
    if kind in HISTORY_DATE:
        refusal = _date_refusal(con, spec, values, lang)
        if refusal:
            saved.refusals.append(refusal)
            return saved
    frame = pd.DataFrame([{name: _as_text(values.get(name), spec.column(name))
                           for name in spec.column_names}])
    check = ingest.import_rows(con, kind, frame, changed_by=changed_by, dry_run=True)
    if not check.ok or check.inserted + check.updated == 0:
        saved.result = check
        saved.refusals = problem_lines(check, spec, lang)
        return saved
    saved.result = ingest.import_rows(con, kind, frame, changed_by=changed_by, action="edit")
    saved.refusals = problem_lines(saved.result, spec, lang)
    return saved


def problem_lines(result: ingest.ImportResult, spec: Kind, lang: str) -> list[str]:
    """Each problem as 'Field: message', the field named as the form names it."""
    by_header = {c.header: c for c in spec.columns}
    lines = []
    for problem in result.problems:
        column = by_header.get(problem.column or "")
        name = field_label(column, lang) if column else problem.column
        lines.append(f"{name}: {problem.message(lang)}" if name else problem.message(lang))
    more = result.problem_count - len(result.problems)
    if more > 0:
        lines.append(t("editing.more_problems", lang, count=fmt_int(more, lang)))
    return lines


def saved_message(saved: Saved, values: dict, lang: str) -> str:
    """What was saved, in one sentence: 'En ny bedömning av R-01 per 2025-11-29 är sparad.'"""
    spec = contracts.KINDS[saved.kind]
    entity = str(values.get(spec.key[0]))
    if saved.kind in HISTORY_DATE:
        date = values[HISTORY_DATE[saved.kind]]
        return t(f"editing.saved.{saved.kind}", lang, entity=entity, date=date.isoformat())
    form = "new" if saved.result.inserted else "changed"
    return t(f"editing.saved.{saved.kind}.{form}", lang, entity=entity)


def unchanged_message(saved: Saved, lang: str) -> str | None:
    """'Inget har ändrats ...' when a valid form would change nothing."""
    if saved.result is not None and saved.result.ok and not saved.refusals and not saved.changed:
        return t("editing.nothing_changed", lang)
    return None


def _date_refusal(con, spec: Kind, values: dict, lang: str) -> str | None:
    date_col = HISTORY_DATE[spec.name]
    entity, date = values.get(spec.key[0]), values.get(date_col)
    if not entity or date is None:
        return None   # the validation names the missing value
    newest = latest_date(con, spec.name, str(entity))
    if newest is not None and date <= newest:
        return t(f"editing.date_not_after.{spec.name}", lang, entity=str(entity),
                 date=date.isoformat(), newest=newest.isoformat(),
                 field=field_label(spec.column(date_col), lang))
    return None


def _as_text(value, column: Column) -> str | None:
    """A form value as the text an import file would hold for it."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime) and column.type == contracts.DATE:
        value = value.date()
    return export.csv_cell(_whole(value, column), column)


def _whole(value, column: Column):
    """A level or count read back as a float (its column held NULLs) as the integer it is."""
    if isinstance(value, float) and value.is_integer() and (
            column.type == contracts.INTEGER
            or (column.vocabulary is not None
                and all(isinstance(v, int) for v in column.vocabulary.values))):
        return int(value)
    return value


def _a_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:   # 29 February
        return day.replace(year=day.year + 1, day=28)
