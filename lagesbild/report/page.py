"""What the Rapport page shows besides the files: whether the year is frozen, the report's
summary and proposed decisions, and the frozen versions."""

from __future__ import annotations

import pandas as pd

from lagesbild.formatting import fmt_date
from lagesbild.report.frozen import FrozenYear
from lagesbild.i18n import t
from lagesbild.report.model import Report
from lagesbild.areas.sections import Table, text_table


def frozen_caption(frozen_year: FrozenYear | None, year: int, lang: str) -> str:
    if frozen_year is None:
        return t("report_page.not_frozen", lang, year=year)
    return t("report_page.frozen", lang, year=year, version=frozen_year.version,
             date=fmt_date(frozen_year.frozen_at.date()), who=frozen_year.frozen_by)


def summary_table(report: Report, lang: str) -> Table:
    """The report's summary: each area's figure, change, status word and sentence."""
    rows = []
    tones = []
    for area in report.areas:
        status = t(f"status.{area.status.value}", lang) if area.status else ""
        rows.append((area.title, area.value if area.has_data else "–",
                     area.delta.text if area.delta else "", status, area.sentence))
        tones.append(area.status.value if area.status else None)
    columns = tuple(t(f"report_page.{c}", lang) for c in ("area", "figure", "change", "status", "sentence"))
    return text_table(columns, rows, tones={columns[3]: tuple(tones)})


def versions_table(versions: pd.DataFrame, lang: str) -> Table:
    """The frozen versions of a year, newest first."""
    columns = tuple(t(f"report_page.versions.{c}", lang)
                    for c in ("version", "frozen_at", "frozen_by", "note", "sha256"))
    rows = [(str(row.version), pd.Timestamp(row.frozen_at).strftime("%Y-%m-%d %H:%M"), row.frozen_by,
             row.note if isinstance(row.note, str) else "", row.content_sha256)
            for row in versions.itertuples()]
    return text_table(columns, rows)


def file_name(year: int, public: bool, fmt: str, lang: str) -> str:
    variant = t("report_page.variant.public" if public else "report_page.variant.internal", lang)
    return t("report_page.file_name", lang, year=year, variant=variant, ext=fmt)
