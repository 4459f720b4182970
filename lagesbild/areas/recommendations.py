"""The Revisionens rekommendationer page without Streamlit: how many of the auditors'
recommendations are implemented (the overview's figures), each recommendation's assessment at
every follow-up, which are overdue, and the share fully implemented at each year-end.

Recommendations concern the whole association: the municipality filter does not apply.
Built from ``overview_recommendations`` and the ``recommendations_*`` queries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lagesbild.rules import status as statuses
from lagesbild.formatting import fmt_date, fmt_int, fmt_pct, fmt_points, shortened
from lagesbild.i18n import join_list, plural, t
from lagesbild.areas.sections import (Chart, Fetch, Headline, Section, Series, Table, as_of, by_year,
                                change, is_year_end, iso, records)

# A follow-up's assessment and the tone of its cell: blue, orange, vermilion, always with the word.
STATUS_TONE = {"Ja": "good", "Delvis": "watch", "Nej": "act"}
# The stacked bars, bottom up: the fully implemented share is read from the axis.
TREND_STATES = (("done", "Ja"), ("partly", "Delvis"), ("not_done", "Nej"),
                ("not_assessed", "not_assessed"))
# How much of a recommendation's text the grid shows; the full text is further down.
SHORT_TEXT_LENGTH = 100


@dataclass(frozen=True)
class FullText:
    """A recommendation in full, with its latest assessment."""

    heading: str                      # "REK-2021-1 · Granskning av it-säkerhet 2021"
    text: str
    latest: str                       # "Senaste bedömning 2025-09-23, Förbundschef VMKF: Delvis."
    comment: str


@dataclass(frozen=True)
class RecommendationsView:
    heading: str
    as_of: str
    scope_note: str
    has_data: bool
    no_data_message: str
    headlines: tuple[Headline, ...] = ()
    grid: Section | None = None
    trend: Section | None = None
    full_title: str = ""
    full_texts: tuple[FullText, ...] = ()


def build(fetch: Fetch, year: int, lang: str) -> RecommendationsView:
    """The page for ``year`` in ``lang``."""
    previous_year = year - 1
    overview = by_year(fetch("overview_recommendations", year=year))
    now, before = overview[year], overview[previous_year]
    common = {
        "heading": t("recommendations_page.heading", lang, year=year),
        "as_of": as_of(now["reference_date"], year, lang),
        "scope_note": t("recommendations_page.whole_association", lang),
        "no_data_message": t("recommendations_page.no_data", lang),
    }
    if now["recommendations"] == 0:
        return RecommendationsView(has_data=False, **common)

    status = records(fetch("recommendations_status", year=year))
    status_before = records(fetch("recommendations_status", year=previous_year))
    followups = records(fetch("recommendations_followups", year=year))
    trend = by_year(fetch("recommendations_status_by_year", year=year))
    overdue_now = sum(r["overdue"] for r in status)
    overdue_before = sum(r["overdue"] for r in status_before)
    return RecommendationsView(
        has_data=True,
        headlines=_headlines(now, before, overdue_now, overdue_before, previous_year, lang),
        grid=_grid(status, followups, now, overdue_now, overdue_before, previous_year, lang),
        trend=_trend(trend, year, lang),
        full_title=t("recommendations_page.full.title", lang),
        full_texts=tuple(_full_text(r, followups, lang) for r in status),
        **common,
    )


def short_text(rec_id: str, text: str, limit: int = SHORT_TEXT_LENGTH) -> str:
    """The recommendation's id and the start of its text, cut at a word: "REK-1 Besluta om …"."""
    return f"{rec_id} {shortened(text, limit, ' …')}"


def status_word(status: str | None, lang: str) -> str:
    """Ja, Delvis or Nej in the reader's language; None (or "not_assessed"): not assessed."""
    return t(f"recommendations_page.status.{status or 'not_assessed'}", lang)


def _headlines(now, before, overdue_now, overdue_before, previous_year, lang) -> tuple[Headline, ...]:
    def count(key: str, higher_is_better: bool | None) -> Headline:
        return Headline(t(f"recommendations_page.metric.{key}", lang), fmt_int(now[key], lang),
                        delta=change(now[key], before[key], previous_year, lang,
                                     higher_is_better=higher_is_better),
                        help=t(f"recommendations_page.help.{key}", lang))

    return (
        Headline(t("recommendations_page.metric.done", lang),
                 t("recommendations.value", lang, done=fmt_int(now["done"], lang),
                   total=fmt_int(now["recommendations"], lang)),
                 delta=change(now["done"], before["done"], previous_year, lang,
                              higher_is_better=True),
                 status=statuses.recommendations_status(now["partly"], now["not_done"],
                                                     now["not_assessed"]),
                 status_rule=t("status.rule.recommendations", lang),
                 help=t("recommendations_page.help.done", lang)),
        # More "partly" can be progress (from Nej) or a setback (from Ja): neither good nor bad.
        count("partly", None),
        count("not_done", False),
        Headline(t("recommendations_page.metric.overdue", lang), fmt_int(overdue_now, lang),
                 delta=change(overdue_now, overdue_before, previous_year, lang,
                              higher_is_better=False),
                 help=t("recommendations_page.help.overdue", lang)),
    )


def _rounds(followups: list[dict]) -> list[tuple[dt.date, str]]:
    """The follow-ups as grid columns: one per date and assessor, oldest first."""
    return sorted({(f["assessed_on"], f["assessed_by"]) for f in followups})


def _grid(status, followups, now, overdue_now, overdue_before, previous_year, lang) -> Section:
    parts = [plural(f"recommendations.{state}", now[state], lang, count=fmt_int(now[state], lang))
             for state in ("done", "partly", "not_done", "not_assessed") if now[state] > 0]
    summary = plural("recommendations.sentence", now["recommendations"], lang,
                     total=fmt_int(now["recommendations"], lang), parts=join_list(parts, lang))
    if overdue_now == 0:
        overdue = t("recommendations_page.grid.overdue.none", lang)
    else:
        overdue = plural("recommendations_page.grid.overdue", overdue_now, lang,
                         overdue=fmt_int(overdue_now, lang), previous=fmt_int(overdue_before, lang),
                         previous_year=previous_year)
    rounds = _rounds(followups)
    round_columns = [f"{fmt_date(on)}\n{by}" for on, by in rounds]
    assessed = {(f["rec_id"], f["assessed_on"], f["assessed_by"]): f["status"] for f in followups}
    names = {key: t(f"recommendations_page.column.{key}", lang)
             for key in ("recommendation", "owner", "due_date", "schedule")}
    rows = []
    for r in status:
        row = {names["recommendation"]: short_text(r["rec_id"], r["text"]),
               names["owner"]: r["owner"], names["due_date"]: iso(r["due_date"])}
        for column, (on, by) in zip(round_columns, rounds):
            found = assessed.get((r["rec_id"], on, by))
            row[column] = status_word(found, lang) if found else None
        row[names["schedule"]] = t("recommendations_page.overdue", lang) if r["overdue"] else None
        rows.append(row)
    columns = [names["recommendation"], names["owner"], names["due_date"], *round_columns,
               names["schedule"]]
    tones = {column: tuple(STATUS_TONE.get(assessed.get((r["rec_id"], on, by))) for r in status)
             for column, (on, by) in zip(round_columns, rounds)}
    tones[names["schedule"]] = tuple("act" if r["overdue"] else None for r in status)
    note = (t("recommendations_page.grid.note", lang) if rounds else
            t("recommendations_page.grid.no_followups", lang, date=fmt_date(now["reference_date"])))
    return Section("grid", t("recommendations_page.grid.title", lang), f"{summary} {overdue}",
                   table=Table(pd.DataFrame(rows, columns=columns), tones=tones), note=note)


def _trend(trend: dict[int, dict], year: int, lang: str) -> Section:
    previous_year = year - 1
    years = sorted(trend)
    now, before = trend[year], trend[previous_year]
    shared = {"date": fmt_date(now["reference_date"]), "share": fmt_pct(now["done_pct"], lang),
              "done": fmt_int(now["done"], lang), "total": fmt_int(now["recommendations"], lang),
              "previous_year": previous_year}
    if now["done"] == 0 and before["done"] == 0:
        sentence = t("recommendations_page.trend.none_done", lang)
    else:
        difference = round(now["done_pct"] - before["done_pct"], 1)
        form = "higher" if difference > 0 else "lower" if difference < 0 else "same"
        sentence = t(f"recommendations_page.trend.sentence.{form}", lang,
                     difference=fmt_points(abs(now["done_pct"] - before["done_pct"]), lang),
                     **shared)
    categories = tuple(_year_label(trend[y], lang) for y in years)
    series = []
    for column, status in TREND_STATES:
        shares = tuple(100.0 * trend[y][column] / trend[y]["recommendations"] for y in years)
        # Counts on the bars; an empty segment gets no label.
        labels = tuple(fmt_int(trend[y][column], lang) if trend[y][column] else "" for y in years)
        series.append(Series(status, status_word(status, lang), shares, labels))
    return Section("trend", t("recommendations_page.trend.title", lang), sentence,
                   chart=Chart(categories, tuple(series)))


def _year_label(row: dict, lang: str) -> str:
    """The year, and while it runs the date its figures are as of."""
    year = int(row["year"])
    if is_year_end(row["reference_date"], year):
        return str(year)
    return t("recommendations_page.trend.year_running", lang, year=year,
             date=fmt_date(row["reference_date"]))


def _full_text(recommendation: dict, followups: list[dict], lang: str) -> FullText:
    mine = [f for f in followups if f["rec_id"] == recommendation["rec_id"]]
    latest = mine[-1] if mine else None
    if latest is None:
        assessment = t("recommendations_page.full.not_assessed", lang)
    else:
        assessment = t("recommendations_page.full.latest", lang,
                       date=fmt_date(latest["assessed_on"]), assessor=latest["assessed_by"],
                       status=status_word(latest["status"], lang))
    return FullText(f"{recommendation['rec_id']} · {recommendation['audit']}",
                    recommendation["text"], assessment, (latest or {}).get("comment") or "")
