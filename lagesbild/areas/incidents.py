"""The Incidenter page: what was reported in the year and how it compares with the year
before, per month and severity, category, cause and municipality; how fast incidents were
resolved; what is still open; and whether breaches and significant incidents reached the
authorities in time.

Built from the ``incidents_*`` queries, and from ``overview_incidents`` for the headline
figures so that they equal the overview's, through ``fetch(name, **params)`` as in
``lagesbild.areas.sections``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lagesbild.rules import status as statuses
from lagesbild.data.contracts import CAUSES, INCIDENT_CATEGORIES, MUNICIPALITIES, SEVERITIES, Vocabulary
from lagesbild.formatting import fmt_date, fmt_decimal, fmt_int, fmt_pct
from lagesbild.i18n import join_list, label, plural, t
from lagesbild.areas.sections import (Chart, Fetch, Headline, Section, Series, Table, as_of, change,
                                count_change, is_year_end, month_abbreviation, month_name, records,
                                scope_in_sentence, scope_label, text_table)

# Age of an open incident in whole days (dygn), as incidents_open_by_age buckets it.
AGE_BUCKETS = ("under_1", "1_7", "8_30", "over_30")
# How a breach or significant incident fared against its reporting deadline.
OUTCOMES = ("on_time", "late", "not_reported", "pending")
SHORTCOMINGS = ("late", "not_reported", "pending")
# Reporting deadlines: significant incidents 24 h (early warning), other breaches 72 h (IMY).
REPORTING_KINDS = ("breach", "significant")


@dataclass(frozen=True)
class IncidentsPage:
    year: int
    previous_year: int
    heading: str
    as_of: str
    # False when the selection has no incidents reported in the year: the page then shows
    # the calm no-data message, and only what is still open from earlier years.
    has_data: bool
    no_data_message: str
    metrics: tuple[Headline, ...]
    by_month: Section | None
    by_category: Section | None
    by_cause: Section | None
    by_municipality: Section | None
    resolution: Section | None
    open_by_age: Section | None
    reporting: Section | None


def build(fetch: Fetch, year: int, municipality: str | None, lang: str) -> IncidentsPage:
    """The Incidenter page for ``year`` and ``municipality`` (None: all), in ``lang``."""
    previous_year = year - 1

    def rows(name: str) -> list[dict]:
        return records(fetch(name, year=year, municipality=municipality))

    totals = {row["year"]: row for row in rows("overview_incidents")}
    now, before = totals[year], totals[previous_year]
    open_rows = rows("incidents_open_by_age")
    reference_date = open_rows[-1]["reference_date"]   # the selected year's rows come last
    scope = scope_in_sentence(municipality, lang)
    open_section, open_counts = _open_by_age(open_rows, year, previous_year, reference_date, lang)
    has_data = now["incidents"] > 0

    common = dict(
        year=year,
        previous_year=previous_year,
        heading=t("incidents_page.heading", lang, year=year, scope=scope_label(municipality, lang)),
        as_of=as_of(reference_date, year, lang),
        has_data=has_data,
        no_data_message=t("incidents_page.no_data.previous" if before["incidents"]
                          else "incidents_page.no_data", lang, scope=scope, year=year,
                          previous_year=previous_year, previous=fmt_int(before["incidents"], lang)),
    )
    if not has_data:
        return IncidentsPage(**common, metrics=(), by_month=None, by_category=None, by_cause=None,
                             by_municipality=None, resolution=None,
                             open_by_age=open_section if open_section.chart else None,
                             reporting=None)

    return IncidentsPage(
        **common,
        metrics=_metrics(now, before, open_counts, year, previous_year, reference_date, lang),
        by_month=_by_month(rows("incidents_by_month"), now, before, year, previous_year, lang),
        by_category=_ranked(rows("incidents_by_category"), "category", INCIDENT_CATEGORIES,
                            year, previous_year, lang),
        by_cause=_ranked(rows("incidents_by_cause"), "cause", CAUSES, year, previous_year, lang),
        by_municipality=_by_municipality(rows("incidents_by_municipality"), municipality, scope,
                                         year, previous_year, lang),
        resolution=_resolution(rows("incidents_resolution_time"), year, previous_year, lang),
        open_by_age=open_section,
        reporting=_reporting(rows("incidents_reporting"),
                             _outcomes(fetch("incidents_reporting", year=previous_year,
                                             municipality=municipality)),
                             scope, year, previous_year, lang),
    )


def serious_incidents_sentence(now, before, previous_year: int, lang: str) -> str:
    """The serious incidents of the year against the year before: the reason for the
    incidents status, on this page and on the overview alike."""
    if now["serious"] == 0:
        return t("incidents_page.month.serious_none", lang)
    return t("incidents_page.month.serious", lang, serious=fmt_int(now["serious"], lang),
             change=count_change(now["serious"], before["serious"], previous_year, lang))


# --- Headline figures -----------------------------------------------------------------------

def _metrics(now, before, open_counts, year, previous_year, reference_date,
             lang) -> tuple[Headline, ...]:
    def fewer_is_better(key):
        return change(now[key], before[key], previous_year, lang, higher_is_better=False)

    open_now, open_before = open_counts
    tense = "ended" if is_year_end(reference_date, year) else "running"
    return (
        Headline(t("incidents_page.metric.incidents", lang), fmt_int(now["incidents"], lang),
                 fewer_is_better("incidents")),
        Headline(t("incidents_page.metric.serious", lang), fmt_int(now["serious"], lang),
                 fewer_is_better("serious"),
                 status=statuses.incidents_status(now["serious"], before["serious"]),
                 status_rule=t("status.rule.incidents", lang)),
        Headline(t("incidents_page.metric.breaches", lang),
                 fmt_int(now["personal_data_breaches"], lang),
                 fewer_is_better("personal_data_breaches")),
        Headline(t(f"incidents_page.metric.open.{tense}", lang), fmt_int(open_now, lang),
                 change(open_now, open_before, previous_year, lang, higher_is_better=False)),
    )


# --- Per month and severity -------------------------------------------------------------------

def _by_month(rows, now, before, year, previous_year, lang) -> Section:
    counts = {(row["year"], row["month"], row["severity"]): row["incidents"] for row in rows}
    months = range(1, 13)
    per_month = [sum(counts[(year, m, s)] for s in SEVERITIES.values) for m in months]
    previous_per_month = [sum(counts[(previous_year, m, s)] for s in SEVERITIES.values)
                          for m in months]
    series = [Series(s, label(SEVERITIES, s, lang), tuple(counts[(year, m, s)] for m in months))
              for s in SEVERITIES.values]
    if before["incidents"] > 0:
        series.append(Series("previous",
                             t("incidents_page.month.previous_total", lang, year=previous_year),
                             tuple(previous_per_month)))

    peak = max(months, key=lambda m: per_month[m - 1])   # the first month, on a tie
    reported = plural("incidents_page.month.reported", now["incidents"], lang,
                      count=fmt_int(now["incidents"], lang), year=year)
    sentence = t("incidents_page.month.sentence", lang, reported=reported,
                 change=count_change(now["incidents"], before["incidents"], previous_year, lang,
                                     higher_is_better=None),
                 month=month_name(peak, lang), peak=fmt_int(per_month[peak - 1], lang))
    serious = serious_incidents_sentence(now, before, previous_year, lang)
    return Section(
        "by_month", t("incidents_page.month.title", lang), f"{sentence} {serious}",
        chart=Chart(tuple(month_abbreviation(m, lang) for m in months), tuple(series)),
    )


# --- Per category, cause and municipality -----------------------------------------------------

def _comparison_chart(labels, current, previous, year, previous_year, lang) -> Chart:
    return Chart(tuple(labels), (
        Series("previous", str(previous_year), tuple(previous)),
        Series("current", str(year), tuple(current), tuple(fmt_int(n, lang) for n in current)),
    ))


def _rise(labels, current, previous, previous_year, lang, no_rise_key) -> str:
    """The largest rise since the year before, or that nothing rose."""
    if sum(previous) == 0:
        return t("incidents_page.no_previous", lang, previous_year=previous_year)
    rises = [now - before for now, before in zip(current, previous)]
    largest = max(rises)
    if largest <= 0:
        return t(no_rise_key, lang, previous_year=previous_year)
    return t("incidents_page.rise", lang, previous_year=previous_year,
             label=labels[rises.index(largest)], difference=f"+{fmt_int(largest, lang)}")


def _ranked(rows, column: str, vocabulary: Vocabulary, year, previous_year, lang) -> Section:
    """Incidents per category or per cause, most common first (the query's order)."""
    labels = [label(vocabulary, row[column], lang) for row in rows]
    current = [row["incidents"] for row in rows]
    previous = [row["previous_incidents"] for row in rows]
    total = sum(current)
    sentence = t(f"incidents_page.{column}.sentence", lang, year=year, label=labels[0],
                 count=fmt_int(current[0], lang), total=fmt_int(total, lang),
                 share=fmt_pct(100 * current[0] / total, lang))
    rise = _rise(labels, current, previous, previous_year, lang, f"incidents_page.{column}.no_rise")
    return Section(f"by_{column}", t(f"incidents_page.{column}.title", lang), f"{sentence} {rise}",
                   chart=_comparison_chart(labels, current, previous, year, previous_year, lang))


def _by_municipality(rows, municipality, scope, year, previous_year, lang) -> Section:
    title = t("incidents_page.municipality.title", lang)
    if municipality is not None:
        return Section("by_municipality", title,
                       t("incidents_page.municipality.single", lang, previous_year=previous_year,
                         scope=scope))
    found = {row["municipality"]: row for row in rows}
    # Every municipality is shown, in the vocabulary's order, zero when nothing was reported.
    names = MUNICIPALITIES.values
    labels = [label(MUNICIPALITIES, name, lang) for name in names]
    current = [found[name]["incidents"] if name in found else 0 for name in names]
    previous = [found[name]["previous_incidents"] if name in found else 0 for name in names]
    most = max(range(len(names)), key=lambda i: current[i])
    fewest = min(range(len(names)), key=lambda i: current[i])
    sentence = t("incidents_page.municipality.sentence", lang, year=year, most=labels[most],
                 most_count=fmt_int(current[most], lang), fewest=labels[fewest],
                 fewest_count=fmt_int(current[fewest], lang))
    rise = _rise(labels, current, previous, previous_year, lang,
                 "incidents_page.municipality.no_rise")
    return Section("by_municipality", title, f"{sentence} {rise}",
                   chart=_comparison_chart(labels, current, previous, year, previous_year, lang),
                   note=t("incidents_page.municipality.note", lang))


# --- Time to resolve ----------------------------------------------------------------------------

def _hours(value, lang) -> str:
    return fmt_decimal(value, lang, 1)


def _resolution(rows, year, previous_year, lang) -> Section:
    by_key = {(row["year"], row["severity"]): row for row in rows}
    title = t("incidents_page.resolution.title", lang)
    unresolved = sum(by_key[(year, s)]["unresolved"] for s in SEVERITIES.values)
    note = t("incidents_page.resolution.note", lang)
    if unresolved:
        still_open = plural("incidents_page.resolution.unresolved", unresolved, lang,
                            count=fmt_int(unresolved, lang))
        note = f"{still_open} {note}"
    resolved_now = [s for s in SEVERITIES.values if by_key[(year, s)]["resolved"] > 0]
    if not resolved_now:
        return Section("resolution", title, t("incidents_page.resolution.none", lang, year=year),
                       note=note)

    # The sentence is about the most severe incidents that were resolved in the year.
    severity = max(resolved_now)
    now, before = by_key[(year, severity)], by_key[(previous_year, severity)]
    values = dict(severity=t("incidents_page.resolution.severity", lang, number=severity,
                             label=label(SEVERITIES, severity, lang).lower()),
                  year=year, previous_year=previous_year, median=_hours(now["median_hours"], lang),
                  p90=_hours(now["p90_hours"], lang))
    if before["median_hours"] is None:
        form = "no_previous"
    else:
        values["previous"] = _hours(before["median_hours"], lang)
        difference = round(now["median_hours"], 1) - round(before["median_hours"], 1)
        form = "faster" if difference < 0 else "slower" if difference > 0 else "same"
    sentence = t(f"incidents_page.resolution.{form}", lang, **values)

    columns = (
        t("incidents_page.resolution.col.severity", lang),
        t("incidents_page.resolution.col.resolved", lang, year=year),
        t("incidents_page.resolution.col.median", lang, year=year),
        t("incidents_page.resolution.col.median", lang, year=previous_year),
        t("incidents_page.resolution.col.p90", lang, year=year),
        t("incidents_page.resolution.col.p90", lang, year=previous_year),
    )
    table_rows = tuple(
        (f"{s} {label(SEVERITIES, s, lang)}", fmt_int(by_key[(year, s)]["resolved"], lang),
         _hours(by_key[(year, s)]["median_hours"], lang),
         _hours(by_key[(previous_year, s)]["median_hours"], lang),
         _hours(by_key[(year, s)]["p90_hours"], lang),
         _hours(by_key[(previous_year, s)]["p90_hours"], lang))
        # Most severe first; a severity without resolved incidents in either year is left out.
        for s in reversed(SEVERITIES.values)
        if by_key[(year, s)]["resolved"] or by_key[(previous_year, s)]["resolved"])
    return Section("resolution", title, sentence,
                   table=text_table(columns, table_rows, numeric=columns[1:]), note=note)


# --- Open incidents ------------------------------------------------------------------------------

def _open_by_age(rows, year, previous_year, reference_date, lang) -> tuple[Section, tuple[int, int]]:
    """The section, and the number open at the reference date of the year and of the year before."""
    counts = {(row["year"], row["age_bucket"]): row["incidents"] for row in rows}
    current = [counts[(year, bucket)] for bucket in AGE_BUCKETS]
    previous = [counts[(previous_year, bucket)] for bucket in AGE_BUCKETS]
    open_now, open_before = sum(current), sum(previous)
    tense = "ended" if is_year_end(reference_date, year) else "running"
    values = dict(year=year, previous_year=previous_year, date=fmt_date(reference_date),
                  count=fmt_int(open_now, lang), previous=fmt_int(open_before, lang))
    if open_now == 0:
        sentence = t(f"incidents_page.open.none.{tense}", lang, **values)
    else:
        old = current[-1]
        verdict = (plural(f"incidents_page.open.old.{tense}", old, lang, old=fmt_int(old, lang))
                   if old else t(f"incidents_page.open.young.{tense}", lang))
        sentence = f"{t(f'incidents_page.open.sentence.{tense}', lang, **values)} {verdict}"
    chart = None
    if open_now or open_before:
        chart = Chart(tuple(t(f"incidents_page.open.age.{bucket}", lang) for bucket in AGE_BUCKETS), (
            Series("previous", t("incidents_page.open.series.ended", lang, year=previous_year),
                   tuple(previous)),
            Series("current", t(f"incidents_page.open.series.{tense}", lang, year=year),
                   tuple(current), tuple(fmt_int(n, lang) for n in current)),
        ))
    section = Section("open_by_age", t("incidents_page.open.title", lang), sentence, chart=chart,
                      note=t("incidents_page.open.note", lang))
    return section, (open_now, open_before)


# --- Reporting to the authorities ----------------------------------------------------------------

def outcome(row: dict) -> str:
    """How one row of incidents_reporting fared against its deadline."""
    if row["on_time"] is None:
        return "pending"
    if row["on_time"]:
        return "on_time"
    return "late" if row["reported_to_authority_at"] is not None else "not_reported"


def _outcomes(reporting: pd.DataFrame) -> list[str]:
    """The outcome of each row of incidents_reporting, from the two columns it depends on:
    the year before is only counted, and a year has thousands of rows at scale."""
    return [outcome(row) for row in records(reporting[["on_time", "reported_to_authority_at"]])]


def reporting_kind(row: dict) -> str:
    """The deadline a row is judged against: significant (24 h) before breach (72 h)."""
    return "significant" if row["significant"] else "breach"


def _reporting(rows, previous_outcomes, scope, year, previous_year, lang) -> Section:
    title = t("incidents_page.reporting.title", lang)
    if not rows:
        return Section("reporting", title,
                       t("incidents_page.reporting.none", lang, scope=scope, year=year))
    counts = {(kind, result): 0 for kind in REPORTING_KINDS for result in OUTCOMES}
    for row in rows:
        counts[(reporting_kind(row), outcome(row))] += 1

    kinds = [kind for kind in REPORTING_KINDS if any(counts[(kind, r)] for r in OUTCOMES)]
    parts = []
    for kind in kinds:
        total = sum(counts[(kind, r)] for r in OUTCOMES)
        main = t(f"incidents_page.reporting.{kind}", lang, year=year,
                 on_time=fmt_int(counts[(kind, "on_time")], lang), total=fmt_int(total, lang))
        problems = [t(f"incidents_page.reporting.{result}", lang,
                      count=fmt_int(counts[(kind, result)], lang))
                    for result in SHORTCOMINGS if counts[(kind, result)]]
        parts.append(f"{main}, {join_list(problems, lang)}." if problems else f"{main}.")
    if previous_outcomes:
        parts.append(t("incidents_page.reporting.previous", lang, previous_year=previous_year,
                       on_time=fmt_int(previous_outcomes.count("on_time"), lang),
                       total=fmt_int(len(previous_outcomes), lang)))
    outcomes = [outcome(row) for row in rows]
    status = statuses.incident_reporting_status(outcomes)
    # The verdict speaks of the worst shortcoming there is.
    worst = next((r for r in ("not_reported", "late", "pending") if r in outcomes), "good")
    parts.append(t(f"incidents_page.reporting.verdict.{worst}", lang))

    shown = [result for result in OUTCOMES if any(counts[(kind, result)] for kind in kinds)]
    chart = Chart(
        tuple(t(f"incidents_page.reporting.kind.{kind}", lang) for kind in kinds),
        tuple(Series(result, t(f"incidents_page.reporting.outcome.{result}", lang),
                     tuple(counts[(kind, result)] for kind in kinds),
                     tuple(fmt_int(counts[(kind, result)], lang) for kind in kinds))
              for result in shown))
    return Section("reporting", title, " ".join(parts), chart=chart,
                   table=_reporting_table(rows, lang), note=t("incidents_page.reporting.note", lang),
                   status=status, status_rule=t("incidents_page.reporting.rule", lang))


def _reporting_table(rows, lang) -> Table:
    """One row per incident; what the deadline judges comes first, the title last."""
    names = ("id", "date", "type", "hours", "on_time", "municipality", "category", "title")
    columns = tuple(t(f"incidents_page.reporting.col.{name}", lang) for name in names)
    on_time_text = {"on_time": "yes", "late": "no", "not_reported": "not_reported",
                    "pending": "pending"}
    table_rows = []
    for row in rows:
        kind = ("both" if row["significant"] and row["personal_data_breach"]
                else reporting_kind(row))
        table_rows.append((
            row["incident_id"],
            fmt_date(row["reported_at"]),
            t(f"incidents_page.reporting.type.{kind}", lang, hours=row["deadline_hours"]),
            fmt_decimal(row["hours_to_report"], lang, 1),
            t(f"incidents_page.reporting.on_time.{on_time_text[outcome(row)]}", lang),
            label(MUNICIPALITIES, row["municipality"], lang),
            label(INCIDENT_CATEGORIES, row["category"], lang),
            row["title"],
        ))
    hours = columns[names.index("hours")]
    return text_table(columns, table_rows, numeric=(hours,),
                      help={columns[names.index("type")]: t("incidents_page.reporting.type.help",
                                                             lang),
                            hours: t("incidents_page.reporting.hours.help", lang)})
