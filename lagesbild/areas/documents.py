"""The Styrdokument page without Streamlit: the register of governing documents, when each
is next due for review, and which are overdue or due within 90 days.

Governing documents concern the whole association: the municipality filter does not apply.
Built from ``documents_register`` (the one definition of the review states).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from lagesbild.areas import contradictions
from lagesbild.rules import status as statuses
from lagesbild.data.contracts import DOCUMENT_STATUSES, DOCUMENT_TYPES
from lagesbild.formatting import fmt_date, fmt_int
from lagesbild.i18n import join_list, label, plural, t
from lagesbild.areas.sections import Fetch, Headline, Section, Table, as_of, change, iso, records

# The register's review states and the tone of their cell (always with the state's word).
STATE_TONE = {"overdue": "act", "due_soon": "watch", "ok": "good", "not_decided": "none",
              "repealed": "none"}


@dataclass(frozen=True)
class DocumentsView:
    heading: str
    as_of: str
    scope_note: str
    has_data: bool
    no_data_message: str
    headlines: tuple[Headline, ...] = ()
    register: Section | None = None
    contradiction: str = ""                 # rows that contradict themselves, named


def count_states(documents: list[dict]) -> dict[str, int]:
    return {state: sum(1 for d in documents if d["review_state"] == state) for state in STATE_TONE}


def build(fetch: Fetch, year: int, lang: str) -> DocumentsView:
    """The page for ``year`` in ``lang``."""
    previous_year = year - 1
    documents = records(fetch("documents_register", year=year))
    before = count_states(records(fetch("documents_register", year=previous_year)))
    heading = t("documents_page.heading", lang, year=year)
    scope_note = t("documents_page.whole_association", lang)
    if not documents:
        return DocumentsView(heading=heading, as_of="", scope_note=scope_note, has_data=False,
                             no_data_message=t("documents_page.no_data", lang))
    reference_date = documents[0]["reference_date"]
    now = count_states(documents)
    if reference_date < dt.date.today():
        # A past year: the register shows today's status and decisions, not that year's.
        scope_note += " " + t("documents_page.no_history", lang, date=fmt_date(reference_date))
    return DocumentsView(
        heading=heading,
        as_of=as_of(reference_date, year, lang),
        scope_note=scope_note,
        has_data=True,
        no_data_message="",
        headlines=_headlines(now, before, reference_date, previous_year, lang),
        register=_register(documents, now, before, reference_date, previous_year, lang),
        contradiction=contradictions.note("in_force_without_decision",
                                          contradictions.in_force_without_decision(documents), lang),
    )


def _headlines(now, before, reference_date, previous_year, lang) -> tuple[Headline, ...]:
    date = fmt_date(reference_date)

    def count(state: str, higher_is_better: bool | None, **extra) -> Headline:
        return Headline(t(f"documents_page.metric.{state}", lang), fmt_int(now[state], lang),
                        delta=change(now[state], before[state], previous_year, lang,
                                     higher_is_better=higher_is_better),
                        help=t(f"documents_page.help.{state}", lang, date=date), **extra)

    return (
        count("overdue", False, status=statuses.document_review_status(now["overdue"], now["due_soon"]),
              status_rule=t("documents_page.status_rule", lang)),
        # Reviews falling due are the register's normal rhythm: neither good nor bad.
        count("due_soon", None),
        count("ok", True),
        count("not_decided", None),
    )


def _sentence(documents, now, before, reference_date, previous_year, lang) -> str:
    total = sum(1 for d in documents if d["review_state"] != "repealed")

    def titles(state: str) -> str:
        return join_list([d["title"] for d in documents if d["review_state"] == state], lang)

    shared = {"total": fmt_int(total, lang), "date": fmt_date(reference_date),
              "previous": fmt_int(before["overdue"], lang), "previous_year": previous_year}
    if now["overdue"]:
        overdue = plural("documents_page.overdue", now["overdue"], lang,
                         count=fmt_int(now["overdue"], lang), titles=titles("overdue"), **shared)
    else:
        overdue = t("documents_page.overdue.none", lang, **shared)
    if now["due_soon"]:
        due_soon = plural("documents_page.due_soon", now["due_soon"], lang,
                          count=fmt_int(now["due_soon"], lang), titles=titles("due_soon"))
    else:
        due_soon = t("documents_page.due_soon.none", lang)
    return f"{overdue} {due_soon}"


def _register(documents, now, before, reference_date, previous_year, lang) -> Section:
    names = {key: t(f"documents_page.column.{key}", lang) for key in
             ("title", "type", "decided_by", "decided_on", "review_months", "next_review",
              "review_state", "status", "owner")}
    rows = [{names["title"]: d["title"],
             names["type"]: label(DOCUMENT_TYPES, d["type"], lang),
             names["decided_by"]: d["decided_by"],
             names["decided_on"]: iso(d["decided_on"]),
             names["review_months"]: d["review_months"],
             names["next_review"]: iso(d["next_review"]),
             names["review_state"]: t(f"documents_page.state.{d['review_state']}", lang),
             names["status"]: label(DOCUMENT_STATUSES, d["status"], lang),
             names["owner"]: d["owner"]} for d in documents]
    return Section(
        "register", t("documents_page.register.title", lang),
        _sentence(documents, now, before, reference_date, previous_year, lang),
        note=t("documents_page.register.note", lang),
        table=Table(
            pd.DataFrame(rows, columns=list(names.values())),
            tones={names["review_state"]: tuple(STATE_TONE[d["review_state"]] for d in documents)},
            formats={names["review_months"]: lambda months: t("documents_page.months", lang,
                                                              count=fmt_int(months, lang))}))
