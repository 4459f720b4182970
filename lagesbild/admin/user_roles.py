"""The roles administrators give in the app (table ``user_roles``), each change written to
the change log with who made it."""

from __future__ import annotations

from enum import Enum

import duckdb
import pandas as pd

from lagesbild.data import db, ingest
from lagesbild.access import Role

KIND = "roller"


class Change(Enum):
    GRANTED = "granted"         # the address had no role in the app
    CHANGED = "changed"
    REMOVED = "removed"
    UNCHANGED = "unchanged"     # nothing to do: nothing written, nothing logged


def granted_roles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every address given a role in the app: email, role, granted_by, granted_at."""
    return db.query(con, "user_roles")


def granted_role(con: duckdb.DuckDBPyConnection, email: str) -> Role | None:
    """The role given in the app to ``email`` (already normalised), if any."""
    rows = db.query(con, "user_role", email=email)
    return Role(rows["role"].iloc[0]) if len(rows) else None


def set_role(con: duckdb.DuckDBPyConnection, email: str, role: Role | None, *,
             changed_by: str) -> Change:
    """Give ``email`` (normalised) ``role`` in the app, or take its role away (None), and log
    it; all or nothing."""
    con.execute("BEGIN TRANSACTION")
    try:
        before = granted_role(con, email)
        if before == role:
            con.execute("ROLLBACK")
            return Change.UNCHANGED
        if role is None:
            con.execute(db.sql_text("user_role_remove"), {"email": email})
            change = Change.REMOVED
        else:
            con.execute(db.sql_text("user_role_grant"),
                        {"email": email, "role": role.value, "granted_by": changed_by})
            change = Change.GRANTED if before is None else Change.CHANGED
        # The change log has no column for whose role changed: its file-name column says so.
        ingest.log_change(con, action="role", kind=KIND, changed_by=changed_by,
                          file_name=f"{email}: {role.value if role else '–'}", file_sha256=None,
                          inserted=int(change is Change.GRANTED),
                          updated=int(change is not Change.GRANTED), unchanged=0)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return change
