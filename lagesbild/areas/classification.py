"""The Informationsklassning page without Streamlit: coverage (the overview's figure, and for
infrastructure and SLA tier Guld), coverage over the years, the reviews that are overdue,
the KLASSA levels per system, how far the action plans are met, and the systems whose
availability needs lack a continuity plan or a sufficient SLA tier.

Built from ``overview_classification`` (so the headline equals the overview's) and the
``classification_*`` queries through ``fetch(name, **params)``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lagesbild import rules
from lagesbild.rules import status as statuses
from lagesbild.data.contracts import KLASSA_LEVELS, MUNICIPALITIES, SLA_TIERS
from lagesbild.formatting import fmt_date, fmt_int, fmt_pct, fmt_points
from lagesbild.i18n import label, plural, t
from lagesbild.areas.sections import (Chart, Fetch, FullList, Headline, Section, Series, Table, as_of,
                                by_year, change, iso, python_value, records, scope_in_sentence,
                                scope_label)

ASPECTS = ("confidentiality", "integrity", "availability", "traceability")
# The action-plan chart's bands of measures met (%): from, up to (the last band includes 100).
MEASURE_BANDS = ((0, 25), (25, 50), (50, 75), (75, 100))
# How many rows a table shows: a static table the board reads whole, a scrollable grid. The
# demo's lists fit (at most 13 overdue, 11 flagged, 55 classified systems); a register of
# thousands of systems shows those that matter most and offers the whole list as a CSV.
TABLE_ROWS = 50
GRID_ROWS = 100


@dataclass(frozen=True)
class ClassificationView:
    heading: str
    as_of: str
    current_rule: str
    has_systems: bool
    no_data_message: str
    headlines: tuple[Headline, ...] = ()
    coverage: Section | None = None
    overdue: Section | None = None
    levels: Section | None = None
    measures: Section | None = None     # without a chart when no action plan is recorded
    needs: Section | None = None
    # The whole lists of the sections whose tables are shortened, by section key.
    full_lists: dict[str, FullList] = field(default_factory=dict)


def build(fetch: Fetch, year: int, municipality: str | None, lang: str) -> ClassificationView:
    """The page for ``year`` and ``municipality`` (None: all), in ``lang``."""
    previous_year = year - 1
    scope = scope_in_sentence(municipality, lang)
    overview = by_year(fetch("overview_classification", year=year, municipality=municipality))
    now, before = overview[year], overview[previous_year]
    heading = t("classification_page.heading", lang, year=year,
                scope=scope_label(municipality, lang))
    common = {"heading": heading, "as_of": as_of(now["reference_date"], year, lang),
              "current_rule": t("classification_page.current_rule", lang),
              "no_data_message": t("classification_page.no_data", lang, scope=scope)}
    if now["systems"] == 0:
        return ClassificationView(has_systems=False, **common)

    first_year = python_value(fetch("first_data_year")["first_year"].iloc[0])
    # The line starts no later than the year before, so the comparison always has its point.
    first_year = min(first_year or previous_year, previous_year)
    coverage = by_year(fetch("classification_coverage_by_year", first_year=first_year,
                             year=year, municipality=municipality))
    # One row per system: the figures are counted over the whole frame, and only the rows a
    # table shows become Python rows.
    systems = fetch("classification_by_system", year=year, municipality=municipality)
    systems_before = fetch("classification_by_system", year=previous_year, municipality=municipality)
    date = now["reference_date"]
    show_municipality = municipality is None
    overdue, overdue_list = _overdue(systems, now, before, year, date, show_municipality, lang)
    levels, levels_list = _levels(systems, now, before, year, date, show_municipality, lang)
    needs, needs_list = _needs(systems, systems_before, year, date, show_municipality, lang)
    return ClassificationView(
        has_systems=True,
        headlines=_headlines(now, before, coverage, year, lang),
        coverage=_coverage(now, before, coverage, year, lang),
        overdue=overdue,
        levels=levels,
        measures=_measures(systems, systems_before, year, date, lang),
        needs=needs,
        full_lists={key: full for key, full in (("overdue", overdue_list), ("levels", levels_list),
                                                ("needs", needs_list)) if full is not None},
        **common,
    )


# --- Rules over the per-system rows -------------------------------------------------------

def has_gap(systems: pd.DataFrame) -> pd.Series:
    """For each system: availability at level 3–4 without a continuity plan or with too low
    an SLA tier."""
    return (systems["needs_continuity_plan"].fillna(False).astype(bool)
            | systems["tier_below_need"].fillna(False).astype(bool))


def measures_met(systems: pd.DataFrame) -> list[float]:
    """The share of measures met, for each system with a classification and a recorded share."""
    return systems.loc[systems["state"] != "never", "measures_met_pct"].dropna().astype(float).tolist()


def average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def band_counts(values: list[float]) -> tuple[int, ...]:
    """How many values fall in each of MEASURE_BANDS."""
    shares = np.asarray(values, dtype=float)
    last = len(MEASURE_BANDS) - 1
    return tuple(int(np.count_nonzero(((shares >= low) & (shares < high))
                                      | ((i == last) & (shares == high))))
                 for i, (low, high) in enumerate(MEASURE_BANDS))


def _shortened(frame: pd.DataFrame, limit: int, key: str, year: int, lang: str,
               table: Callable[[pd.DataFrame], Table]) -> tuple[pd.DataFrame, FullList | None]:
    """The rows a section's table shows (``frame`` is in the table's order, most important
    first) and, when that is not all of them, the whole list for download."""
    if len(frame) <= limit:
        return frame, None
    return frame.head(limit), FullList(
        note=t(f"classification_page.{key}.shown", lang, shown=fmt_int(limit, lang),
               count=fmt_int(len(frame), lang)),
        download_label=t("full_list.download", lang),
        file_name=t(f"classification_page.{key}.file", lang, year=year),
        table=lambda: table(frame),
        rows=len(frame))


# --- The parts of the page ------------------------------------------------------------------

def _share_headline(key, current, systems, share_now, share_before, previous_year, lang,
                    **extra) -> Headline:
    if not systems:
        return Headline(t(f"classification_page.metric.{key}", lang), fmt_pct(None, lang),
                        help=t("classification_page.help.no_systems", lang))
    return Headline(
        t(f"classification_page.metric.{key}", lang), fmt_pct(share_now, lang),
        delta=change(share_now, share_before, previous_year, lang, higher_is_better=True,
                     decimals=1, percentage_points=True),
        help=plural("classification_page.help.share", systems, lang,
                    current=fmt_int(current, lang), systems=fmt_int(systems, lang)),
        **extra)


def _headlines(now, before, coverage, year, lang) -> tuple[Headline, ...]:
    """Coverage for all systems (the overview's figure, with its status), for infrastructure
    systems and for systems at SLA tier Guld."""
    previous_year = year - 1
    this, last = coverage[year], coverage[previous_year]
    return (
        _share_headline(
            "coverage", now["classified_current"], now["systems"], now["coverage_pct"],
            before["coverage_pct"], previous_year, lang,
            status=statuses.classification_status(now["coverage_pct"]),
            status_rule=t("status.rule.classification", lang,
                          good=fmt_pct(rules.CLASSIFICATION_GOOD_PCT, lang, 0),
                          watch=fmt_pct(rules.CLASSIFICATION_WATCH_PCT, lang, 0))),
        *(_share_headline(group, this[f"{group}_current"], this[f"{group}_systems"],
                          this[f"{group}_coverage_pct"], last[f"{group}_coverage_pct"],
                          previous_year, lang)
          for group in ("infrastructure", "gold")),
    )


def _coverage(now, before, coverage, year, lang) -> Section:
    previous_year = year - 1
    difference = now["coverage_pct"] - before["coverage_pct"]
    form = "higher" if round(difference, 1) > 0 else "lower" if round(difference, 1) < 0 else "same"
    target = rules.CLASSIFICATION_GOOD_PCT
    verdict = "target_met" if now["coverage_pct"] >= target else "below_target"
    sentence = " ".join((
        t(f"classification_page.coverage.sentence.{form}", lang,
          date=fmt_date(now["reference_date"]), share=fmt_pct(now["coverage_pct"], lang),
          difference=fmt_points(abs(difference), lang), previous_year=previous_year),
        t(f"classification_page.coverage.{verdict}", lang, target=fmt_pct(target, lang, 0)),
    ))
    years = tuple(sorted(coverage))
    series = [Series("all", t("classification_page.series.all", lang),
                     tuple(coverage[y]["coverage_pct"] for y in years))]
    for key in ("infrastructure", "gold"):
        if coverage[year][f"{key}_systems"]:
            series.append(Series(key, t(f"classification_page.series.{key}", lang),
                                 tuple(coverage[y][f"{key}_coverage_pct"] for y in years)))
    return Section("coverage", t("classification_page.coverage.title", lang), sentence,
                   chart=Chart(years, tuple(series), target=target,
                               target_label=t("classification_page.series.target", lang,
                                              target=fmt_pct(target, lang, 0))))


def _column(key: str, lang: str) -> str:
    return t(f"classification_page.column.{key}", lang)


def _municipality(value: str, lang: str) -> str:
    return label(MUNICIPALITIES, value, lang)


def _level_text(lang: str):
    """A KLASSA level with its name: "3 Allvarlig"."""
    return lambda level: f"{int(level)} {label(KLASSA_LEVELS, int(level), lang)}"


def _overdue(systems, now, before, year, date, show_municipality, lang):
    previous_year = year - 1
    overdue = systems[systems["state"] == "overdue"].sort_values(
        ["days_overdue", "name"], ascending=[False, True], kind="stable")
    title = t("classification_page.overdue.title", lang)
    note = t("classification_page.overdue.note", lang)
    if overdue.empty:
        sentence = t("classification_page.overdue.none", lang, date=fmt_date(date),
                     previous=fmt_int(before["overdue"], lang), previous_year=previous_year)
    else:
        difference = now["overdue"] - before["overdue"]
        form = "more" if difference > 0 else "fewer" if difference < 0 else "same"
        comparison = t(f"classification_page.comparison.{form}", lang,
                       difference=fmt_int(abs(difference), lang), previous_year=previous_year)
        longest = records(overdue.head(1))[0]
        sentence = plural("classification_page.overdue.sentence", len(overdue), lang,
                          count=fmt_int(len(overdue), lang), comparison=comparison,
                          name=longest["name"],
                          days=plural("classification_page.days", longest["days_overdue"], lang,
                                      count=fmt_int(longest["days_overdue"], lang)))

    def table(frame: pd.DataFrame) -> Table:
        columns = {"system": _column("system", lang), "municipality": _column("municipality", lang),
                   "classified_on": _column("classified_on", lang),
                   "review_due": _column("review_due", lang),
                   "days_overdue": _column("days_overdue", lang)}
        rows = [{columns["system"]: s["name"],
                 columns["municipality"]: _municipality(s["municipality"], lang),
                 columns["classified_on"]: iso(s["classified_on"]),
                 columns["review_due"]: iso(s["review_due"]),
                 columns["days_overdue"]: s["days_overdue"]} for s in records(frame)]
        if not show_municipality:
            del columns["municipality"]
        return Table(pd.DataFrame(rows, columns=list(columns.values())),
                     formats={columns["days_overdue"]: lambda v: fmt_int(v, lang)})

    shown, full = _shortened(overdue, TABLE_ROWS, "overdue", year, lang, table)
    return Section("overdue", title, sentence, note=note, table=table(shown)), full


def _highest_levels_first(classified: pd.DataFrame) -> pd.DataFrame:
    """The systems with the highest level in any aspect first, then the highest sum of levels;
    otherwise in the query's order."""
    levels = classified[list(ASPECTS)]
    return (classified.assign(highest=levels.max(axis=1), total=levels.sum(axis=1))
            .sort_values(["highest", "total"], ascending=False, kind="stable")
            .drop(columns=["highest", "total"]))


def seriously_classified(classified: pd.DataFrame) -> int:
    """How many systems have at least one aspect at or above the serious KLASSA level."""
    return int((classified[list(ASPECTS)].max(axis=1) >= rules.KLASSA_SERIOUS_LEVEL).sum())


def _levels(systems, now, before, year, date, show_municipality, lang):
    previous_year = year - 1
    classified = systems[systems["state"] != "never"]
    title = t("classification_page.levels.title", lang)
    if classified.empty:
        sentence = t("classification_page.levels.none", lang, date=fmt_date(date))
    else:
        serious = seriously_classified(classified)
        sentence = plural(
            "classification_page.levels.sentence", len(classified), lang,
            classified=fmt_int(len(classified), lang), systems=fmt_int(now["systems"], lang),
            date=fmt_date(date), previous_year=previous_year, serious=fmt_int(serious, lang),
            previous=fmt_int(before["systems"] - before["never_classified"], lang))

    def table(frame: pd.DataFrame) -> Table:
        rows = records(frame)
        names = {"system": _column("system", lang), "municipality": _column("municipality", lang),
                 "state": _column("state", lang),
                 **{aspect: _column(aspect, lang) for aspect in ASPECTS},
                 "measures": _column("measures", lang)}
        cells = [{names["system"]: s["name"],
                  names["municipality"]: _municipality(s["municipality"], lang),
                  names["state"]: t(f"classification_page.state.{s['state']}", lang),
                  **{names[aspect]: s[aspect] for aspect in ASPECTS},
                  names["measures"]: s["measures_met_pct"]} for s in rows]
        if not show_municipality:
            del names["municipality"]
        # Levels are shown as KLASSA writes them (a digit per aspect) on their level's tint;
        # the note spells out the levels' names.
        return Table(pd.DataFrame(cells, columns=list(names.values())),
                     tones={names[aspect]: tuple(f"level{s[aspect]}" for s in rows)
                            for aspect in ASPECTS},
                     formats={names["measures"]: lambda v: fmt_pct(v, lang)},
                     centred=tuple(names[aspect] for aspect in ASPECTS))

    # A register too long to show whole shows the systems with the highest needs.
    ordered = classified if len(classified) <= GRID_ROWS else _highest_levels_first(classified)
    shown, full = _shortened(ordered, GRID_ROWS, "levels", year, lang, table)
    return Section("levels", title, sentence, note=t("classification_page.levels.note", lang),
                   table=table(shown)), full


def _measures(systems, systems_before, year, date, lang) -> Section:
    previous_year = year - 1
    title = t("classification_page.measures.title", lang)
    values, values_before = measures_met(systems), measures_met(systems_before)
    if not values:
        return Section("measures", title,
                       t("classification_page.measures.none", lang, date=fmt_date(date)))
    now, before = average(values), average(values_before)
    shared = {"average": fmt_pct(now, lang), "date": fmt_date(date), "previous_year": previous_year}
    if before is None:
        sentence = t("classification_page.measures.sentence.no_previous", lang, **shared)
    else:
        difference = round(now - before, 1)
        form = "higher" if difference > 0 else "lower" if difference < 0 else "same"
        sentence = t(f"classification_page.measures.sentence.{form}", lang,
                     difference=fmt_points(abs(now - before), lang), **shared)
    low = sum(1 for v in values if v < 50)
    sentence += " " + t("classification_page.measures.low", lang, low=fmt_int(low, lang),
                        count=fmt_int(len(values), lang))
    bands = tuple(f"{start}–{fmt_pct(end, lang, 0)}" for start, end in MEASURE_BANDS)
    series = []
    if values_before:
        series.append(Series("previous", str(previous_year), band_counts(values_before)))
    series.append(Series("current", str(year), band_counts(values)))
    return Section("measures", title, sentence,
                   chart=Chart(bands, tuple(series),
                               axis_title=t("classification_page.measures.axis", lang)))


def _needs(systems, systems_before, year, date, show_municipality, lang):
    previous_year = year - 1
    title = t("classification_page.needs.title", lang)
    # The systems whose availability calls for protection (the query's required_tier).
    high = systems[systems["required_tier"].notna()]
    flagged = high[has_gap(high)]
    previous = fmt_int(int(has_gap(systems_before).sum()), lang)
    if high.empty:
        sentence = t("classification_page.needs.no_high", lang, date=fmt_date(date))
    elif flagged.empty:
        sentence = plural("classification_page.needs.all_met", len(high), lang,
                          high=fmt_int(len(high), lang), previous=previous,
                          previous_year=previous_year)
    else:
        sentence = plural(
            "classification_page.needs.sentence", len(flagged), lang,
            flagged=fmt_int(len(flagged), lang), high=fmt_int(len(high), lang),
            missing_plan=fmt_int(int(flagged["needs_continuity_plan"].sum()), lang),
            low_tier=fmt_int(int(flagged["tier_below_need"].sum()), lang),
            previous_year=previous_year, previous=previous)

    def table(frame: pd.DataFrame) -> Table:
        rows = records(frame)
        names = {key: _column(column, lang) for key, column in
                 (("system", "system"), ("municipality", "municipality"),
                  ("availability", "availability_need"), ("continuity_plan", "continuity_plan"),
                  ("sla_tier", "sla_tier"), ("required_tier", "required_tier"))}
        cells = [{names["system"]: s["name"],
                  names["municipality"]: _municipality(s["municipality"], lang),
                  names["availability"]: s["availability"],
                  names["continuity_plan"]: (t("classification_page.plan_missing", lang)
                                             if s["needs_continuity_plan"]
                                             else iso(s["continuity_plan_date"])),
                  names["sla_tier"]: _tier(s, lang),
                  names["required_tier"]: _required_tier(s["required_tier"], lang)} for s in rows]
        if not show_municipality:
            del names["municipality"]
        # The cells that fall short carry the "act" tint; their words say what is wrong.
        tones = {names["availability"]: tuple(f"level{s['availability']}" for s in rows),
                 names["continuity_plan"]: tuple("act" if s["needs_continuity_plan"] else None
                                                 for s in rows),
                 names["sla_tier"]: tuple("act" if s["tier_below_need"] else None for s in rows)}
        return Table(pd.DataFrame(cells, columns=list(names.values())), tones=tones,
                     formats={names["availability"]: _level_text(lang)})

    # A list too long to show whole shows the highest availability needs (T4 before T3).
    ordered = (flagged if len(flagged) <= TABLE_ROWS
               else flagged.sort_values("availability", ascending=False, kind="stable"))
    shown, full = _shortened(ordered, TABLE_ROWS, "needs", year, lang, table)
    return Section("needs", title, sentence, note=t("classification_page.needs.note", lang),
                   table=table(shown)), full


def _tier(system: dict, lang: str) -> str:
    """The system's SLA tier, saying so when it is below what its availability needs."""
    tier = (label(SLA_TIERS, system["sla_tier"], lang) if system["sla_tier"]
            else t("classification_page.tier_missing", lang))
    if system["tier_below_need"]:
        return t("classification_page.tier_too_low", lang, tier=tier)
    return tier


def _required_tier(tier: str, lang: str) -> str:
    name = label(SLA_TIERS, tier, lang)
    return name if tier == "Guld" else t("classification_page.tier_at_least", lang, tier=name)

