"""Open, migrate and query the Lägesbild DuckDB database.

Every figure the app, the report and the command line show comes from a named SQL file
in ``queries/``, run here with parameters (never with text pasted into the SQL).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from lagesbild import rules

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
SCHEMA = QUERIES / "schema"
DEFAULT_PATH = ROOT / "data" / "lagesbild.duckdb"


class LagesbildError(Exception):
    """An error with a message meant for the user, in Swedish."""


class DatabaseError(LagesbildError):
    pass


# DuckDB would otherwise fetch and load extensions as a file or a query seems to need them
# (opening a SQLite file makes it download one): Lägesbild needs none beyond those built in.
# Set on the open database rather than passed to connect: DuckDB refuses a second connection
# to a file in the same process whose connect options differ from the first one's. Another
# program's file is refused before it is opened (_refuse_other_database).
NO_EXTENSIONS = ("SET autoinstall_known_extensions = false", "SET autoload_known_extensions = false")

# How other databases' files begin: (signature, the kind of file, in Swedish).
OTHER_DATABASE_SIGNATURES = ((b"SQLite format 3\x00", "en SQLite-databas"),)


def _refuse_other_database(path: Path) -> None:
    """Refuse, before DuckDB opens it, a file that is another program's database."""
    try:
        with path.open("rb") as handle:
            start = handle.read(16)
    except OSError:
        return  # a new file, or one DuckDB will report on
    for signature, what in OTHER_DATABASE_SIGNATURES:
        if start.startswith(signature):
            raise DatabaseError(
                f"Filen {path} är {what}, inte en Lägesbild-databas (DuckDB). Ange rätt fil med "
                "LAGESBILD_DB, eller en ny fil, så skapas databasen.")


class DatabaseLocked(DatabaseError):
    """Another process holds the file: worth waiting for, unlike the other errors."""


def database_path() -> Path:
    """The database file: ``LAGESBILD_DB`` if set, else ``data/lagesbild.duckdb``."""
    return Path(os.environ.get("LAGESBILD_DB") or DEFAULT_PATH)


def migrations() -> list[tuple[int, Path]]:
    """The schema scripts in order: ``NNN_name.sql`` brings the schema to version NNN."""
    found = []
    for path in SCHEMA.glob("*.sql"):
        match = re.match(r"(\d+)_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    return sorted(found)


def latest_version() -> int:
    return migrations()[-1][0]


def connect(path: Path | str | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database (creating it if missing) and bring its schema up to date."""
    path = Path(path) if path is not None else database_path()
    if read_only and not path.exists():
        raise DatabaseError(f"Databasen {path} finns inte. Skapa den med: python -m lagesbild init")
    path.parent.mkdir(parents=True, exist_ok=True)
    _refuse_other_database(path)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            raise DatabaseLocked(
                f"Databasen {path} används av en annan process (ett annat kommando eller en "
                "Lägesbild-server som inte svarar). Försök igen när den är klar.") from None
        if "extension" in text.lower():
            # DuckDB recognised another program's database and wanted an extension to read it.
            raise DatabaseError(f"Filen {path} är inte en Lägesbild-databas (DuckDB).") from None
        raise DatabaseError(f"Databasen {path} kunde inte öppnas: {_first_line(text)}") from None
    except duckdb.Error as exc:
        raise DatabaseError(
            f"Filen {path} kunde inte öppnas som en Lägesbild-databas "
            f"(fel format eller skapad av en nyare DuckDB): {_first_line(str(exc))}") from None
    try:
        for setting in NO_EXTENSIONS:
            con.execute(setting)
        migrate(con, read_only=read_only)
    except Exception:
        con.close()
        raise
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    has_table = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_version'").fetchall()[0][0]
    if not has_table:
        tables = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main'").fetchall()[0][0]
        if tables:
            raise DatabaseError(
                "Databasfilen innehåller tabeller men ingen schemaversion; den är inte skapad av "
                "Lägesbild. Ange en annan fil med LAGESBILD_DB.")
        return 0
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(con: duckdb.DuckDBPyConnection, *, read_only: bool = False,
            target: int | None = None) -> int:
    """Apply the schema scripts the database has not seen, up to ``target`` (default: all);
    return the new version."""
    current = schema_version(con)
    newest = latest_version()
    if current > newest:
        raise DatabaseError(
            f"Databasen har schemaversion {current}, men den här versionen av Lägesbild känner bara "
            f"till version {newest}. Uppdatera Lägesbild innan du öppnar databasen.")
    pending = [(v, p) for v, p in migrations() if current < v <= (target or newest)]
    if pending and read_only:
        raise DatabaseError(
            f"Databasen har schemaversion {current} och behöver uppgraderas till {newest}; "
            "öppna den en gång med skrivrätt (till exempel python -m lagesbild init).")
    for version, path in pending:
        con.execute("BEGIN TRANSACTION")
        try:
            if current == 0:
                con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
                            "applied_at TIMESTAMP NOT NULL)")
            con.execute(path.read_text(encoding="utf-8"))
            con.execute("INSERT INTO schema_version VALUES (?, current_localtimestamp())", [version])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise DatabaseError(
                f"Uppgraderingen av databasen till schemaversion {version} misslyckades och "
                f"databasen lämnades orörd: {_first_line(str(exc))}") from None
        current = version
    return current


@lru_cache(maxsize=None)
def sql_text(name: str) -> str:
    """The text of ``queries/<name>.sql``. Names are our own, never user input."""
    if not re.fullmatch(r"[a-z0-9_]+(/[a-z0-9_]+)?", name):
        raise ValueError(f"invalid query name {name!r}")
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def query(con: duckdb.DuckDBPyConnection, name: str, **params) -> pd.DataFrame:
    """Run the named query with named parameters (``$year`` in the SQL) and return a DataFrame."""
    return execute(con, name, **params).df()


def execute(con: duckdb.DuckDBPyConnection, name: str, **params) -> duckdb.DuckDBPyConnection:
    """Run the named statement with named parameters; for writes, whose result is not a table."""
    return con.execute(*statement(name, **params))


def statement(name: str, **params) -> tuple[str, dict]:
    """The named statement's SQL and the parameters it uses; TypeError if one is missing. The
    rules' numbers (``lagesbild.rules.sql_params``) are bound to every statement that names
    them, so no query repeats a threshold."""
    sql = sql_text(name)
    used = set(re.findall(r"\$([a-z_][a-z0-9_]*)", sql))
    params = {**rules.sql_params(), **params}
    missing = used - params.keys()
    if missing:
        raise TypeError(f"query {name} needs parameters {sorted(missing)}")
    return sql, {k: v for k, v in params.items() if k in used}


def data_version(con: duckdb.DuckDBPyConnection) -> int:
    """Grows with every import or edit; cached results keyed on it stay correct."""
    return con.execute("SELECT coalesce(max(change_id), 0) FROM change_log").fetchall()[0][0]


def get_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text
