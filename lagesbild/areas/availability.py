"""The Tillgänglighet och SLA page: availability against target per system, the share of
system-months meeting the target month by month, SLA breaches per municipality and tier,
and tickets resolved within the target time, each against the year before.

The headline share of system-months meeting the target comes from ``overview_sla``, the
query the overview uses, so both pages show the same figure. The rest comes from the
``sla_*`` queries, fetched through ``fetch(name, **params)`` as in ``lagesbild.areas.sections``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from lagesbild import rules
from lagesbild.rules import status as statuses
from lagesbild.data.contracts import MEMBER_MUNICIPALITIES, MUNICIPALITIES, SLA_TIERS
from lagesbild.formatting import fmt_decimal, fmt_int, fmt_pct
from lagesbild.i18n import label, plural, t
from lagesbild.areas.sections import (Chart, Fetch, FullList, Headline, Section, Series, Table, as_of,
                                change, count_change, month_abbreviation, month_name, pct_suffix, records,
                                reference_date, scope_in_sentence, scope_label, share_change, sole_largest,
                                text_table)
from lagesbild.rules.status import Status

# How many of the systems furthest below (or least above) their target the chart shows.
WORST_SYSTEMS = 15
# How many systems the table shows, worst first. The demo's 53 systems fit; a register of
# thousands shows those furthest below their target and offers the whole list as a CSV.
TABLE_SYSTEMS = 100
# The share-per-month axis starts at most this high, so that a year of good months is not
# a flat line along the top.
SHARE_AXIS_START = 95.0


@dataclass(frozen=True)
class AvailabilityPage:
    year: int
    previous_year: int
    heading: str
    as_of: str
    # False when the selection has no service-level rows in the year: the page then shows
    # the calm no-data message instead.
    has_data: bool
    no_data_message: str
    metrics: tuple[Headline, ...]
    systems: Section | None
    by_month: Section | None
    by_municipality: Section | None
    by_tier: Section | None
    tickets_by_tier: Section | None
    # The whole per-system list when the systems table is shortened.
    systems_full_list: FullList | None = None


def build(fetch: Fetch, year: int, municipality: str | None, lang: str) -> AvailabilityPage:
    """The Tillgänglighet och SLA page for ``year`` and ``municipality`` (None: all), in ``lang``."""
    previous_year = year - 1

    def rows(name: str, of_year: int = year) -> list[dict]:
        return records(fetch(name, year=of_year, municipality=municipality))

    totals = {row["year"]: row for row in rows("overview_sla")}
    now, before = totals[year], totals[previous_year]
    scope = scope_in_sentence(municipality, lang)
    no_data_message = t("sla_page.no_data", lang, scope=scope, year=year)
    if municipality is not None and municipality not in MEMBER_MUNICIPALITIES:
        no_data_message = f"{no_data_message} {t('sla_page.no_data.shared', lang)}"
    common = dict(
        year=year,
        previous_year=previous_year,
        heading=t("sla_page.heading", lang, year=year, scope=scope_label(municipality, lang)),
        as_of=as_of(reference_date(year), year, lang),
        has_data=now["system_months"] > 0,
        no_data_message=no_data_message,
    )
    if not common["has_data"]:
        return AvailabilityPage(**common, metrics=(), systems=None, by_month=None,
                                by_municipality=None, by_tier=None, tickets_by_tier=None)

    # One row per system: counted over the whole frame; only the rows shown become Python rows.
    systems = fetch("sla_by_system", year=year, municipality=municipality)
    previous_systems = fetch("sla_by_system", year=previous_year, municipality=municipality)
    tiers = rows("sla_by_tier")
    has_previous = before["system_months"] > 0
    systems_section, systems_full_list = _systems(systems, previous_systems, year, previous_year, lang)
    return AvailabilityPage(
        **common,
        metrics=_metrics(now, before, previous_year, lang),
        systems=systems_section,
        systems_full_list=systems_full_list,
        by_month=_by_month(rows("sla_by_month"), now, before, year, previous_year, lang),
        by_municipality=_by_municipality(rows("sla_by_municipality"), year, previous_year,
                                         has_previous, lang),
        by_tier=_by_tier(tiers, year, previous_year, has_previous, lang),
        tickets_by_tier=_tickets_by_tier(tiers, now, before, year, previous_year, lang),
    )


def _statuses(systems: pd.DataFrame) -> list[Status]:
    return [statuses.system_sla_status(availability, target, months_below)
            for availability, target, months_below in zip(
                systems["availability_pct"].tolist(), systems["target_pct"].tolist(),
                systems["months_below_target"].tolist())]


def _months_with_counts(totals: dict) -> int:
    # A year frozen before ticket counts could be unknown has no such column: all were known.
    return totals.get("months_with_counts", totals["system_months"])


def tickets_share(totals: dict, lang: str) -> str:
    """The share of tickets resolved within target, or "uppgift saknas" when no system-month
    of ``totals`` (an overview_sla row) has ticket counts: an unknown count is not 0."""
    if not _months_with_counts(totals):
        return t("sla_page.counts_unknown", lang)
    return fmt_pct(totals["tickets_within_target_pct"], lang)


def _breaches(totals: dict) -> int:
    return totals["system_months"] - totals["system_months_met"]


# --- Headline figures -------------------------------------------------------------------------

def _metrics(now, before, previous_year, lang) -> tuple[Headline, ...]:
    def points_delta(key):
        return change(now[key], before[key], previous_year, lang, higher_is_better=True,
                      decimals=1, percentage_points=True)

    # Without figures for the year before there is no change to show.
    breaches_before = _breaches(before) if before["system_months"] else None
    return (
        Headline(t("sla_page.metric.met", lang), fmt_pct(now["availability_met_pct"], lang),
                 points_delta("availability_met_pct"),
                 status=statuses.sla_status(now["availability_met_pct"]),
                 status_rule=t("status.rule.sla", lang, good=fmt_pct(rules.SLA_MET_GOOD_PCT, lang, 0),
                               watch=fmt_pct(rules.SLA_MET_WATCH_PCT, lang, 0)),
                 help=t("sla_page.metric.met.help", lang)),
        Headline(t("sla_page.metric.breaches", lang), fmt_int(_breaches(now), lang),
                 change(_breaches(now), breaches_before, previous_year, lang,
                        higher_is_better=False),
                 help=t("sla_page.metric.breaches.help", lang)),
        Headline(t("sla_page.metric.tickets", lang), tickets_share(now, lang),
                 points_delta("tickets_within_target_pct"),
                 help=t("sla_page.metric.tickets.help", lang)),
    )


# --- Per system ---------------------------------------------------------------------------------

def _availability(value, lang) -> str:
    # Two decimals: nearly every system is above 99 %, so one decimal would hide the differences.
    return fmt_pct(value, lang, 2)


def _tier(value, lang) -> str:
    return t("sla_page.tier.none", lang) if value is None else label(SLA_TIERS, value, lang)


def _share_axis_start(values: list[float]) -> float:
    """A whole per cent below the lowest share, never above SHARE_AXIS_START."""
    return min(SHARE_AXIS_START, math.floor(min(values)) - 1.0)


def _availability_axis_start(values: list[float]) -> float:
    """A half per cent step at least a quarter below the lowest value: systems sit close to
    their targets (99–99,9 %), and the differences must stay visible."""
    return math.floor((min(values) - 0.25) * 2) / 2


def _systems(frame, previous_frame, year, previous_year, lang) -> tuple[Section, FullList | None]:
    statuses = _statuses(frame)
    below = statuses.count(Status.ACT)
    watch = statuses.count(Status.WATCH)
    systems = records(frame.head(WORST_SYSTEMS))
    if below:
        worst = systems[0]
        sentence = t("sla_page.systems.below", lang, below=fmt_int(below, lang),
                     systems=fmt_int(len(frame), lang), year=year, worst=worst["name"],
                     availability=_availability(worst["availability_pct"], lang),
                     target=fmt_pct(worst["target_pct"], lang))
        watch_key = "sla_page.systems.watch"
    else:
        sentence = t("sla_page.systems.all_met", lang, systems=fmt_int(len(frame), lang), year=year)
        watch_key = "sla_page.systems.watch_all_met"
    parts = [sentence]
    if watch:
        parts.append(plural(watch_key, watch, lang, watch=fmt_int(watch, lang)))
    if not previous_frame.empty:
        previous_below = _statuses(previous_frame).count(Status.ACT)
        parts.append(plural("sla_page.systems.previous", previous_below, lang,
                            previous_year=previous_year, previous=fmt_int(previous_below, lang)))

    shown = systems[:WORST_SYSTEMS]
    names = [s["name"] for s in shown]
    # A chart axis merges equal names: tell systems with the same name apart by their id.
    names = [f"{n} ({s['system_id']})" if names.count(n) > 1 else n for n, s in zip(names, shown)]
    series = []
    for status in (Status.ACT, Status.WATCH, Status.GOOD):
        matching = [st == status for st in statuses[:WORST_SYSTEMS]]
        if any(matching):
            series.append(Series(
                status.value, t(f"sla_page.systems.status.{status.value}", lang),
                tuple(s["availability_pct"] if m else None for s, m in zip(shown, matching)),
                tuple(_availability(s["availability_pct"], lang) if m else ""
                      for s, m in zip(shown, matching))))
    series.append(Series("target", t("sla_page.systems.target", lang),
                         tuple(s["target_pct"] for s in shown)))
    start = _availability_axis_start([s["availability_pct"] for s in shown]
                                     + [s["target_pct"] for s in shown])
    chart = Chart(tuple(names), tuple(series), value_suffix=pct_suffix(lang),
                  axis_start=start)
    previous = dict(zip(previous_frame["system_id"].tolist(),
                        previous_frame["availability_pct"].tolist()))
    shortened = len(frame) > TABLE_SYSTEMS
    full_list = None
    if shortened:
        full_list = FullList(
            note=t("sla_page.systems.shown", lang, shown=fmt_int(TABLE_SYSTEMS, lang),
                   count=fmt_int(len(frame), lang)),
            download_label=t("full_list.download", lang),
            file_name=t("sla_page.systems.file", lang, year=year),
            table=lambda: _systems_table(records(frame), statuses, previous, year, previous_year, lang),
            rows=len(frame))
    note_key = "sla_page.systems.chart_note_shortened" if shortened else "sla_page.systems.chart_note"
    return Section(
        "systems", t("sla_page.systems.title", lang), " ".join(parts), chart=chart,
        table=_systems_table(records(frame.head(TABLE_SYSTEMS)), statuses, previous, year,
                             previous_year, lang),
        note=t(note_key, lang, count=fmt_int(len(shown), lang), start=fmt_pct(start, lang, 1)),
    ), full_list


def _systems_table(systems, statuses, previous, year, previous_year, lang) -> Table:
    """The ``systems`` (worst first, with their ``statuses`` in the same order and last
    year's availability by system id in ``previous``); what judges a system comes first,
    the details after."""
    columns = (
        t("sla_page.col.system", lang),
        t("sla_page.col.status", lang),
        t("sla_page.col.availability", lang, year=year),
        t("sla_page.col.target", lang),
        t("sla_page.col.months_below", lang),
        t("sla_page.col.availability", lang, year=previous_year),
        t("sla_page.col.tier", lang),
        t("sla_page.col.municipality", lang),
        t("sla_page.col.outage_hours", lang),
        t("sla_page.col.tickets", lang),
    )
    table_rows = tuple(
        (s["name"],
         t(f"status.{status.value}", lang),
         _availability(s["availability_pct"], lang),
         fmt_pct(s["target_pct"], lang),
         t("sla_page.systems.months_below", lang, below=fmt_int(s["months_below_target"], lang),
           months=fmt_int(s["months"], lang)),
         _availability(previous.get(s["system_id"]), lang),
         _tier(s["sla_tier"], lang),
         label(MUNICIPALITIES, s["municipality"], lang) if s["municipality"] else "",
         fmt_decimal(s["outage_minutes"] / 60, lang, 1),
         _system_tickets_share(s, lang))
        for s, status in zip(systems, statuses))
    # The system's name stays in view while the details scroll sideways.
    return text_table(columns, table_rows, numeric=columns[2:6] + columns[8:], pinned=columns[:1],
                      help={columns[7]: t("sla_page.col.municipality.help", lang)})


def _system_tickets_share(system: dict, lang: str) -> str:
    if system["tickets"] is None or system["tickets_within_target"] is None:
        return t("sla_page.counts_unknown", lang)
    return fmt_pct(100 * system["tickets_within_target"] / system["tickets"]
                   if system["tickets"] else None, lang)


# --- Per month ---------------------------------------------------------------------------------

def _by_month(rows, now, before, year, previous_year, lang) -> Section:
    shares = {(row["year"], row["month"]): row["availability_met_pct"] for row in rows}
    months = range(1, 13)
    current = [shares[(year, m)] for m in months]
    previous = [shares[(previous_year, m)] for m in months]
    if before["availability_met_pct"] is None:
        comparison = _no_previous(previous_year, lang)
    else:
        comparison = share_change(now["availability_met_pct"], before["availability_met_pct"],
                                  previous_year, lang)
    parts = [t("sla.sentence", lang, share=fmt_pct(now["availability_met_pct"], lang),
               year=year, change=comparison)]
    measured = [m for m in months if current[m - 1] is not None]
    worst = min(measured, key=lambda m: current[m - 1])   # the first month, on a tie
    if current[worst - 1] < 100:
        parts.append(t("sla_page.month.worst", lang, month=month_name(worst, lang),
                       share=fmt_pct(current[worst - 1], lang)))

    series = []
    if any(v is not None for v in previous):
        series.append(Series("previous", str(previous_year), tuple(previous)))
    series.append(Series("current", str(year), tuple(current)))
    start = _share_axis_start([v for v in current + previous if v is not None])
    return Section(
        "by_month", t("sla_page.month.title", lang), " ".join(parts),
        chart=Chart(tuple(month_abbreviation(m, lang) for m in months), tuple(series),
                    value_suffix=pct_suffix(lang), axis_start=start),
        note=t("sla_page.month.note", lang, start=fmt_pct(start, lang, 0)),
    )


# --- SLA breaches per municipality and tier ---------------------------------------------------

def _per_year(rows, column, year, previous_year) -> tuple[list, dict, dict]:
    """The values of ``column`` in the query's order, and the rows of the year and of the
    year before keyed by it (the queries give every value a row in both years)."""
    keys = list(dict.fromkeys(row[column] for row in rows))
    by_year: dict[int, dict] = {year: {}, previous_year: {}}
    for row in rows:
        by_year[row["year"]][row[column]] = row
    return keys, by_year[year], by_year[previous_year]


def _comparison_chart(labels, current, previous, year, previous_year, has_previous, lang, *,
                      pct=False) -> Chart:
    """Bars of the year beside the year before (left out when it has no figures)."""
    fmt = (lambda v: fmt_pct(v, lang)) if pct else (lambda v: fmt_int(v, lang))
    series = [Series("previous", str(previous_year), tuple(previous))] if has_previous else []
    series.append(Series("current", str(year), tuple(current), tuple(fmt(v) for v in current)))
    return Chart(tuple(labels), tuple(series),
                 value_suffix=pct_suffix(lang) if pct else "")


def _no_previous(previous_year, lang) -> str:
    return t("sla_page.no_previous", lang, previous_year=previous_year)


def _breach_chart(labels, current, previous, year, previous_year, has_previous, lang) -> Chart | None:
    if not any(current) and not any(previous):
        return None   # all zero: no bars to show
    return _comparison_chart(labels, current, previous, year, previous_year, has_previous, lang)


def _breach_total(current, previous, year, previous_year, has_previous, lang) -> str:
    total, previous_total = sum(current), sum(previous)
    if total == 0:
        return t("sla_page.breaches.none.previous" if has_previous else "sla_page.breaches.none",
                 lang, year=year, previous_year=previous_year, previous=fmt_int(previous_total, lang))
    if has_previous:
        comparison = count_change(total, previous_total, previous_year, lang)
    else:
        comparison = _no_previous(previous_year, lang)
    return t("sla_page.breaches.some", lang, count=fmt_int(total, lang), year=year,
             change=comparison)


def _by_municipality(rows, year, previous_year, has_previous, lang) -> Section:
    names, now, before = _per_year(rows, "municipality", year, previous_year)
    current = [now[n]["breaches"] for n in names]
    previous = [before[n]["breaches"] for n in names]
    parts = [_breach_total(current, previous, year, previous_year, has_previous, lang)]
    most = sole_largest(current) if len(names) > 1 else None
    if most is not None:
        system_months = now[names[most]]["system_months"]
        parts.append(t("sla_page.municipality.most", lang,
                       most=label(MUNICIPALITIES, names[most], lang),
                       count=fmt_int(current[most], lang),
                       system_months=fmt_int(system_months, lang),
                       share=fmt_pct(100 * current[most] / system_months, lang)))
    labels = [label(MUNICIPALITIES, n, lang) for n in names]
    return Section("by_municipality", t("sla_page.municipality.title", lang), " ".join(parts),
                   chart=_breach_chart(labels, current, previous, year, previous_year,
                                       has_previous, lang),
                   note=t("sla_page.breaches.note", lang))


def _by_tier(rows, year, previous_year, has_previous, lang) -> Section:
    tiers, now, before = _per_year(rows, "sla_tier", year, previous_year)
    current = [now[tier]["breaches"] for tier in tiers]
    previous = [before[tier]["breaches"] for tier in tiers]
    if not any(current):
        sentence = t("sla_page.tier.no_breaches", lang, year=year)
    else:
        def share(tier):
            system_months = now[tier]["system_months"]
            return now[tier]["breaches"] / system_months if system_months else 0.0

        worst = max(tiers, key=share)
        index = tiers.index(worst)
        sentence = t("sla_page.tier.most", lang, tier=_tier(worst, lang),
                     share=fmt_pct(100 * share(worst), lang), count=fmt_int(current[index], lang),
                     system_months=fmt_int(now[worst]["system_months"], lang),
                     change=(count_change(current[index], previous[index], previous_year, lang)
                             if has_previous else _no_previous(previous_year, lang)))
    labels = [_tier(tier, lang) for tier in tiers]
    return Section("by_tier", t("sla_page.tier.title", lang), sentence,
                   chart=_breach_chart(labels, current, previous, year, previous_year,
                                       has_previous, lang))


# --- Tickets within the resolution time -------------------------------------------------------

def _tickets_by_tier(rows, now_totals, before_totals, year, previous_year, lang) -> Section:
    title = t("sla_page.tickets.title", lang)
    if not _months_with_counts(now_totals):
        return Section("tickets_by_tier", title, t("sla_page.tickets.unknown", lang, year=year))
    if not now_totals["tickets"]:
        return Section("tickets_by_tier", title, t("sla_page.tickets.none", lang, year=year))
    tiers, now, before = _per_year(rows, "sla_tier", year, previous_year)
    share = now_totals["tickets_within_target_pct"]
    previous_share = before_totals["tickets_within_target_pct"]
    if previous_share is None:
        comparison = _no_previous(previous_year, lang)
    else:
        comparison = share_change(share, previous_share, previous_year, lang)
    parts = [t("sla_page.tickets.sentence", lang, share=fmt_pct(share, lang), year=year,
               change=comparison)]
    # Shares over tickets cover only the system-months with counts: say so when some lack them,
    # and how many counts were computed from the incidents rather than imported.
    if _months_with_counts(now_totals) < now_totals["system_months"]:
        parts.append(t("sla_page.tickets.partial", lang,
                       with_counts=fmt_int(_months_with_counts(now_totals), lang),
                       system_months=fmt_int(now_totals["system_months"], lang)))
    computed = now_totals.get("months_with_computed_counts", 0)
    if computed:
        parts.append(plural("sla_page.tickets.computed", computed, lang,
                            computed=fmt_int(computed, lang)))
    with_tickets = [tier for tier in tiers if now[tier]["tickets_within_target_pct"] is not None]
    if len(with_tickets) > 1:
        lowest = min(with_tickets, key=lambda tier: now[tier]["tickets_within_target_pct"])
        parts.append(t("sla_page.tickets.lowest", lang, tier=_tier(lowest, lang),
                       share=fmt_pct(now[lowest]["tickets_within_target_pct"], lang)))
    current = [now[tier]["tickets_within_target_pct"] for tier in tiers]
    previous = [before[tier]["tickets_within_target_pct"] for tier in tiers]
    chart = _comparison_chart([_tier(tier, lang) for tier in tiers], current, previous, year,
                              previous_year, previous_share is not None, lang, pct=True)
    return Section("tickets_by_tier", title, " ".join(parts), chart=chart,
                   note=t("sla_page.tickets.note", lang))
