"""The overview: five areas, each with its headline figure, the change since the year
before, a status word and one plain-language sentence, in the reader's language.

Built from the ``overview_*`` queries through ``fetch(name, **params)`` (as in
``lagesbild.areas.sections``), so the figures on screen and in documents are the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from lagesbild.areas import attention, availability
from lagesbild import rules
from lagesbild.rules import status as statuses
from lagesbild.formatting import fmt_date, fmt_int, fmt_pct
from lagesbild.i18n import join_list, plural, t
from lagesbild.areas.incidents import serious_incidents_sentence
from lagesbild.areas.sections import (Delta, Fetch, as_of, by_year, change, count_change,
                                scope_in_sentence, scope_label, share_change)
from lagesbild.rules.status import Status


@dataclass(frozen=True)
class Area:
    key: str                  # incidents, sla, classification, risks, recommendations
    title: str
    has_data: bool
    sentence: str             # the plain-language sentence, or the calm no-data message
    metric_label: str = ""
    value: str = ""
    delta: Delta | None = None
    status: Status | None = None
    status_rule: str = ""     # what the status words mean for this area
    details: str = ""
    note: str = ""            # e.g. that the area is not broken down by municipality


@dataclass(frozen=True)
class Overview:
    year: int
    previous_year: int
    reference_date: dt.date
    heading: str
    as_of: str
    areas: tuple[Area, ...]
    # False when the selected municipality and year have no incidents, service-level
    # figures or systems: the page then says so instead of showing empty areas.
    selection_has_data: bool
    no_data_message: str

    def area(self, key: str) -> Area:
        return next(a for a in self.areas if a.key == key)

    @property
    def scoped_areas(self) -> tuple[Area, ...]:
        """The areas the municipality filter applies to."""
        return tuple(a for a in self.areas if a.key in SCOPED_AREAS)

    @property
    def shared_areas(self) -> tuple[Area, ...]:
        """The areas that concern the whole association."""
        return tuple(a for a in self.areas if a.key not in SCOPED_AREAS)


# Areas whose figures depend on the municipality filter.
SCOPED_AREAS = ("incidents", "sla", "classification")


def _incidents(rows, year, previous_year, scope, lang) -> Area:
    now, before = rows[year], rows[previous_year]
    title = t("incidents.title", lang)
    if now["incidents"] == 0 and before["incidents"] == 0:
        return Area("incidents", title, False, t("incidents.no_data", lang, scope=scope, year=year,
                                                     previous_year=previous_year))
    if now["incidents"] == 0:
        sentence = t("incidents.sentence.none", lang, year=year, previous_year=previous_year,
                     previous=fmt_int(before["incidents"], lang))
    else:
        reported = plural("incidents.reported", now["incidents"], lang,
                          count=fmt_int(now["incidents"], lang), year=year)
        sentence = t("incidents.sentence", lang, reported=reported,
                     change=count_change(now["incidents"], before["incidents"], previous_year,
                                         lang, higher_is_better=None))
        # The status is about the serious incidents, so the sentence says how they went, as
        # the Incidenter page does.
        sentence = f"{sentence} {serious_incidents_sentence(now, before, previous_year, lang)}"
    return Area(
        "incidents", title, True, sentence,
        metric_label=t("incidents.metric", lang),
        value=fmt_int(now["incidents"], lang),
        delta=change(now["incidents"], before["incidents"], previous_year, lang,
                     higher_is_better=False),
        status=statuses.incidents_status(now["serious"], before["serious"]),
        status_rule=t("status.rule.incidents", lang),
        details=t("incidents.details", lang, serious=fmt_int(now["serious"], lang),
                  breaches=fmt_int(now["personal_data_breaches"], lang)),
    )


def _sla(rows, year, previous_year, scope, lang) -> Area:
    now, before = rows[year], rows[previous_year]
    title = t("sla.title", lang)
    if now["system_months"] == 0:
        return Area("sla", title, False, t("sla.no_data", lang, scope=scope, year=year))
    share = fmt_pct(now["availability_met_pct"], lang)
    if before["availability_met_pct"] is None:
        sentence = t("sla.sentence.no_previous", lang, share=share, year=year,
                     previous_year=previous_year)
    else:
        sentence = t("sla.sentence", lang, share=share, year=year,
                     change=share_change(now["availability_met_pct"],
                                         before["availability_met_pct"], previous_year, lang,
                                         higher_is_better=None))
    return Area(
        "sla", title, True, sentence,
        metric_label=t("sla.metric", lang),
        value=share,
        delta=change(now["availability_met_pct"], before["availability_met_pct"], previous_year,
                     lang, higher_is_better=True, decimals=1, percentage_points=True),
        status=statuses.sla_status(now["availability_met_pct"]),
        status_rule=t("status.rule.sla", lang, good=fmt_pct(rules.SLA_MET_GOOD_PCT, lang, 0),
                      watch=fmt_pct(rules.SLA_MET_WATCH_PCT, lang, 0)),
        details=t("sla.details", lang, system_months=fmt_int(now["system_months"], lang),
                  tickets_share=availability.tickets_share(now, lang)),
    )


def _classification(rows, year, previous_year, scope, lang) -> Area:
    now, before = rows[year], rows[previous_year]
    title = t("classification.title", lang)
    if now["systems"] == 0:
        return Area("classification", title, False, t("classification.no_data", lang, scope=scope))
    return Area(
        "classification", title, True,
        plural("classification.sentence", now["classified_current"], lang,
               current=fmt_int(now["classified_current"], lang),
               systems=fmt_int(now["systems"], lang),
               overdue=fmt_int(now["overdue"], lang),
               never=fmt_int(now["never_classified"], lang)),
        metric_label=t("classification.metric", lang),
        value=fmt_pct(now["coverage_pct"], lang),
        delta=change(now["coverage_pct"], before["coverage_pct"], previous_year, lang,
                     higher_is_better=True, decimals=1, percentage_points=True),
        status=statuses.classification_status(now["coverage_pct"]),
        status_rule=t("status.rule.classification", lang,
                      good=fmt_pct(rules.CLASSIFICATION_GOOD_PCT, lang, 0),
                      watch=fmt_pct(rules.CLASSIFICATION_WATCH_PCT, lang, 0)),
    )


def _risks(rows, year, previous_year, lang) -> Area:
    now, before = rows[year], rows[previous_year]
    title = t("risks.title", lang)
    note = t("overview.whole_association", lang)
    status = statuses.risks_status(now["risks_assessed"], now["high"], now["extreme"])
    if now["risks_assessed"] == 0:
        return Area("risks", title, False,
                    t("risks.no_data", lang, date=fmt_date(now["reference_date"])),
                    status=status, status_rule=t("status.rule.risks", lang), note=note)
    high_now = now["high"] + now["extreme"]
    return Area(
        "risks", title, True,
        plural("risks.sentence", now["active"], lang, active=fmt_int(now["active"], lang),
               high=fmt_int(now["high"], lang), extreme=fmt_int(now["extreme"], lang)),
        metric_label=t("risks.metric", lang),
        value=fmt_int(high_now, lang),
        delta=change(high_now, before["high"] + before["extreme"], previous_year, lang,
                     higher_is_better=False),
        status=status,
        status_rule=t("status.rule.risks", lang),
        note=note,
    )


def _recommendations(rows, year, previous_year, lang) -> Area:
    now, before = rows[year], rows[previous_year]
    title = t("recommendations.title", lang)
    note = t("overview.whole_association", lang)
    if now["recommendations"] == 0:
        return Area("recommendations", title, False, t("recommendations.no_data", lang), note=note)
    parts = [plural(f"recommendations.{state}", now[state], lang, count=fmt_int(now[state], lang))
             for state in ("done", "partly", "not_done", "not_assessed") if now[state] > 0]
    return Area(
        "recommendations", title, True,
        plural("recommendations.sentence", now["recommendations"], lang,
               total=fmt_int(now["recommendations"], lang), parts=join_list(parts, lang)),
        metric_label=t("recommendations.metric", lang),
        value=t("recommendations.value", lang, done=fmt_int(now["done"], lang),
                total=fmt_int(now["recommendations"], lang)),
        delta=change(now["done"], before["done"], previous_year, lang, higher_is_better=True),
        status=statuses.recommendations_status(now["partly"], now["not_done"], now["not_assessed"]),
        status_rule=t("status.rule.recommendations", lang),
        note=note,
    )


AREA_QUERIES = ("incidents", "sla", "classification", "risks", "recommendations")
# The page of a finding (attention.Finding.page) and the area whose status it belongs to.
AREA_OF_PAGE = {"incidenter": "incidents", "tillganglighet": "sla", "klassning": "classification",
                "risker": "risks", "rekommendationer": "recommendations"}


def with_findings(area: Area, findings: tuple[attention.Finding, ...], lang: str) -> Area:
    """``area`` with the status its figure and its findings call for together: a finding
    about the area that is more urgent than the figure raises the status, and the sentence
    then says so, so that status and sentence give the same reason."""
    own = [f for f in findings if AREA_OF_PAGE.get(f.page) == area.key]
    status = statuses.worst(area.status, *(f.status for f in own))
    if area.status is None or status is area.status:
        return area
    reasons = " ".join(f.summary for f in own if f.status is status)
    return replace(area, status=status, sentence=f"{area.sentence} {reasons}",
                   status_rule=f"{area.status_rule} {t('status.rule.findings', lang)}")


def requests(year: int, municipality: str | None) -> list[tuple[str, dict]]:
    """The queries the overview reads, with their parameters (``ui.page_model``'s ``prefetch``)."""
    return ([(f"overview_{name}", {"year": year, "municipality": municipality}) for name in AREA_QUERIES]
            + attention.requests(year, municipality))


def build(fetch: Fetch, year: int, municipality: str | None, lang: str) -> Overview:
    """The overview of ``year`` for ``municipality`` (None: all), in ``lang``."""
    previous_year = year - 1
    scope = scope_in_sentence(municipality, lang)
    rows = {name: by_year(fetch(f"overview_{name}", year=year, municipality=municipality))
            for name in AREA_QUERIES}
    findings = attention.findings(fetch, year, municipality, lang)
    areas = tuple(with_findings(area, findings, lang) for area in (
        _incidents(rows["incidents"], year, previous_year, scope, lang),
        _sla(rows["sla"], year, previous_year, scope, lang),
        _classification(rows["classification"], year, previous_year, scope, lang),
        _risks(rows["risks"], year, previous_year, lang),
        _recommendations(rows["recommendations"], year, previous_year, lang),
    ))
    reference_date = rows["risks"][year]["reference_date"]
    return Overview(
        year=year,
        previous_year=previous_year,
        reference_date=reference_date,
        heading=t("overview.heading", lang, year=year, scope=scope_label(municipality, lang)),
        as_of=as_of(reference_date, year, lang),
        areas=areas,
        selection_has_data=any(a.has_data for a in areas if a.key in SCOPED_AREAS),
        no_data_message=t("no_data.selection", lang, scope=scope, year=year),
    )
