"""The yearly report: built once as data (``model.build``), written as PDF, Word or
PowerPoint (``render``), and shown in the app's presentation mode from the same slides."""

from __future__ import annotations

import pandas as pd

from lagesbild.report.model import Report, build
from lagesbild.report import frozen  # noqa: E402  (frozen records through model.build)
from lagesbild.areas.sections import Fetch

FORMATS = ("pdf", "docx", "pptx")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def yearly_report(fetch: Fetch, year: int, municipality: str | None, lang: str, *,
                  public: bool = False) -> Report:
    """The report of ``year`` as the board gets it: from the stored figures when the year is
    frozen, compared with the stored figures of a frozen year before it."""
    source = frozen.report_source(fetch, year)
    return build(_once_each(source.fetch), year, municipality, lang, public=public,
                 dated=source.dated(lang), comparison_note=source.comparison_note(lang))


def _once_each(fetch: Fetch) -> Fetch:
    """``fetch`` running each query once: several page models ask for the same results."""
    results: dict[str, pd.DataFrame] = {}

    def fetch_once(name: str, **params) -> pd.DataFrame:
        key = frozen.query_key(name, params)
        if key not in results:
            results[key] = fetch(name, **params)
        return results[key].copy()

    return fetch_once


def render(report: Report, fmt: str) -> bytes:
    """The report as a file of format ``fmt`` (pdf, docx or pptx)."""
    if fmt == "pdf":
        from lagesbild.report.pdf import render_pdf as writer
    elif fmt == "docx":
        from lagesbild.report.docx import render_docx as writer
    elif fmt == "pptx":
        from lagesbild.report.pptx import render_pptx as writer
    else:
        raise ValueError(f"unknown report format: {fmt}")
    return writer(report)


__all__ = ["FORMATS", "MEDIA_TYPES", "Report", "build", "render", "yearly_report"]
