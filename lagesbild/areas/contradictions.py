"""Rows that contradict themselves although each value is valid: a risk treated Acceptera while
its action is still under way, a governing document marked Gällande that has no decision.

The importer accepts them: each value is allowed, registers pass through such states while
they are being corrected, and refusing the whole file would stop an import over a matter the
editor settles in the register. The page that shows the rows names them instead, with what
contradicts what, so that nobody reads the register without seeing it. Defined here once.
"""

from __future__ import annotations

import pandas as pd

from lagesbild.i18n import join_list, plural

OPEN_ACTION = ("Ej påbörjad", "Pågår")


def accepted_with_open_action(risks: pd.DataFrame) -> list[str]:
    """Active risks treated Acceptera (accepted as they are) that still have an action not
    done: accepting a risk means no further action."""
    if risks.empty:
        return []
    hit = ((risks["treatment"] == "Acceptera") & risks["action_status"].isin(OPEN_ACTION)
           & (risks["status"] == "Aktiv"))
    return sorted(risks.loc[hit, "risk_id"].tolist())


def in_force_without_decision(documents: list[dict]) -> list[str]:
    """Documents marked Gällande (in force) with no decision date: in force needs a decision."""
    return sorted(d["doc_id"] for d in documents if d["status"] == "Gällande" and d["decided_on"] is None)


def note(rule: str, ids: list[str], lang: str) -> str:
    """The page's sentence naming the rows ``rule`` finds; empty when there are none."""
    if not ids:
        return ""
    return plural(f"contradictions.{rule}", len(ids), lang, count=len(ids), ids=join_list(ids, lang))
