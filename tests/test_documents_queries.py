"""documents_register on a handful of documents made for the purpose. The reference date of
2025 is 2025-12-31; the 90-day window runs to 2026-03-31."""

import datetime as dt

import pandas as pd

from lagesbild.data import db
from sample_rows import add_row

YEAR = 2025


def add_document(con, doc_id, decided_on, review_months, status="Gällande", title=None):
    add_row(con, "documents", doc_id=doc_id, title=title or f"Dokument {doc_id}", type="Rutin",
            decided_on=decided_on, review_months=review_months, status=status)


def register(con, year=YEAR) -> pd.DataFrame:
    return db.query(con, "documents_register", year=year)


def states(con, year=YEAR) -> dict[str, str]:
    frame = register(con, year)
    return dict(zip(frame["doc_id"], frame["review_state"]))


def test_review_states_at_the_boundaries(con):
    add_document(con, "PASSED", "2024-12-30", 12)         # next review 2025-12-30
    add_document(con, "ON-DATE", "2024-12-31", 12)        # 2025-12-31: not yet passed
    add_document(con, "DAY-90", "2025-03-31", 12)         # 2026-03-31: 90 days ahead
    add_document(con, "DAY-91", "2025-04-01", 12)         # 2026-04-01: 91 days ahead
    add_document(con, "DRAFT", None, 24, status="Utkast")
    add_document(con, "DECIDED-LATER", "2026-02-18", 12)
    assert states(con) == {"PASSED": "overdue", "ON-DATE": "due_soon", "DAY-90": "due_soon",
                           "DAY-91": "ok", "DRAFT": "not_decided", "DECIDED-LATER": "not_decided"}


def test_next_review_is_the_decision_date_plus_the_review_interval(con):
    add_document(con, "A", "2024-01-31", 1)
    add_document(con, "B", "2022-12-14", 24)
    add_document(con, "C", None, 24, status="Under revidering")
    frame = register(con).set_index("doc_id")
    assert frame.loc["A", "next_review"].date() == dt.date(2024, 2, 29)
    assert frame.loc["B", "next_review"].date() == dt.date(2024, 12, 14)
    assert pd.isna(frame.loc["C", "next_review"])
    assert frame.loc["C", "review_state"] == "not_decided"


def test_repealed_documents_come_last_and_are_never_overdue(con):
    add_document(con, "OLD", "2019-03-05", 36, status="Upphävd", title="Aaa upphävd")
    add_document(con, "LATE", "2021-03-09", 24, title="Zzz försenad")
    add_document(con, "FINE", "2025-06-01", 24, title="Bbb i tid")
    add_document(con, "SOON", "2024-02-01", 24, title="Ccc snart")
    add_document(con, "DRAFT", None, 24, status="Utkast", title="Ddd utkast")
    frame = register(con)
    assert list(frame["doc_id"]) == ["LATE", "SOON", "FINE", "DRAFT", "OLD"]
    assert states(con)["OLD"] == "repealed"
    assert "overdue" not in set(frame.loc[frame["status"] == "Upphävd", "review_state"])


def test_the_state_follows_the_selected_year(con):
    add_document(con, "A", "2023-06-20", 12)              # next review 2024-06-20
    assert states(con, 2023) == {"A": "ok"}
    assert states(con, 2024) == {"A": "overdue"}
    assert states(con, 2022) == {"A": "not_decided"}      # not yet decided then


def test_all_columns_and_an_empty_register(con):
    assert register(con).empty
    add_document(con, "A", "2025-01-01", 24)
    assert list(register(con).columns) == [
        "doc_id", "title", "type", "decided_by", "decided_on", "review_months", "next_review",
        "review_state", "status", "owner", "reference_date"]
