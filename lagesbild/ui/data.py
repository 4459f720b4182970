"""One read-write connection per server process, and query results cached until the data
changes.

DuckDB lets one process hold the file read-write and then blocks every other process, so
the server keeps a single connection; imports go through it too, and so do the commands
run beside the server (lagesbild.server_link), which ask it over a loopback link. Every
write, from a page or a command, holds one lock: two imports never interleave. A connection
used from two threads at once raises "connection is busy": every query runs on its own cursor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial

import duckdb
import pandas as pd
import streamlit as st

from lagesbild import backup, demo, server_link
from lagesbild.data import db


PAGE_MODELS_KEY = "_page_models"
PAGE_MODELS_KEPT = 8   # per session: the last few pages and selections
SETTINGS_SECTION = "lagesbild"      # [lagesbild] roller = {...}, kontakt = "...", [lagesbild.backup]
LOG = logging.getLogger(__name__)
WRITE_LOCK = threading.Lock()
# The link and the nightly backup of the connection opened last: a cache cleared (in tests)
# opens a new connection, and the old link is stopped rather than left listening.
_services: dict[str, object] = {}


@st.cache_resource(show_spinner=False)
def connection() -> duckdb.DuckDBPyConnection:
    """The database named by LAGESBILD_DB (or the default path), migrated.

    A database that has never received data gets the demo data, so that
    ``streamlit run dashboard.py`` on a fresh checkout shows a working dashboard.
    """
    # A command may hold the file for a moment (a report, a backup): wait for it, bounded.
    con = server_link.connect_waiting()
    try:
        with WRITE_LOCK:
            if db.query(con, "database_is_empty")["empty"].iloc[0]:
                demo.load_demo(con)
        _start_services(con)
    except Exception:
        con.close()
        raise
    return con


def _start_services(con: duckdb.DuckDBPyConnection) -> None:
    """The link the command line asks through, and the nightly backup if one is configured."""
    for service in _services.values():
        service.stop()
    _services.clear()
    _services["link"] = server_link.Link(con, db.database_path(), WRITE_LOCK).start()
    try:
        nightly = backup.nightly_settings(settings().get("backup"))
    except db.LagesbildError as exc:
        LOG.error("Ingen nattlig säkerhetskopia: %s", exc)
        return
    if nightly is not None:
        _services["nightly"] = backup.Nightly(con, nightly).start()


def settings() -> Mapping:
    """The ``[lagesbild]`` section of ``.streamlit/secrets.toml``, read at call time (tests set it)."""
    if not st.secrets.load_if_toml_exists():
        return {}
    return st.secrets.get(SETTINGS_SECTION) or {}


@contextmanager
def cursor() -> Iterator[duckdb.DuckDBPyConnection]:
    cur = connection().cursor()
    try:
        yield cur
    finally:
        cur.close()


@contextmanager
def writing() -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor for an import or an edit: one write at a time in this server, whether it comes
    from a page or from a command beside the server."""
    con = connection()
    with WRITE_LOCK:
        cur = con.cursor()
        try:
            yield cur
        finally:
            cur.close()


def fetch(name: str, **params) -> pd.DataFrame:
    """The result of ``queries/<name>.sql`` with ``params``; cached until the next import or edit."""
    return _fetch_at_version(_data_version(), name, **params)


def _data_version() -> int:
    with cursor() as cur:
        return db.data_version(cur)


def _fetch_at_version(data_version: int, name: str, **params) -> pd.DataFrame:
    # A shallow copy per caller: with pandas' copy-on-write, a caller that changes its frame
    # changes a copy, never the cached result.
    return _cached_query(name, tuple(sorted(params.items())), data_version).copy(deep=False)


@st.cache_resource(show_spinner=False, max_entries=2000)
def _cached_query(name: str, params: tuple, data_version: int) -> pd.DataFrame:
    """Kept as the frame itself rather than pickled (st.cache_data), which cost up to 60 ms
    per result of 10 000 rows at scale on every cache miss, and again on every hit."""
    # data_version is part of the cache key only: a new version means new data.
    with cursor() as cur:
        return db.query(cur, name, **dict(params))


def page_model(build: Callable, *args, prefetch: Sequence[tuple[str, dict]] = (), **kwargs):
    """``build(fetch, *args, **kwargs)``, built once per data version and arguments in this
    session: a rerun that changes nothing the model depends on (a click elsewhere on the page)
    redraws without rebuilding it. Page models hold callables, so they are kept in the
    session rather than pickled into st.cache_data.

    ``prefetch``: (query, parameters) to run side by side, each on its own cursor, before a
    build: after a year change every query is a cache miss, and on two cores they take about
    a third less time together than one after another."""
    version = _data_version()
    key = (build.__module__, build.__qualname__, args, tuple(sorted(kwargs.items())), version)
    models = st.session_state.setdefault(PAGE_MODELS_KEY, {})
    if key not in models:
        if len(models) >= PAGE_MODELS_KEPT:
            models.pop(next(iter(models)))
        if prefetch:
            with ThreadPoolExecutor(max_workers=len(prefetch)) as pool:
                list(pool.map(lambda request: _fetch_at_version(version, request[0], **request[1]),
                              prefetch))
        # Every query of one model reads the data version looked up here: one lookup instead
        # of one per query, and a model never mixes results from before and after an import.
        models[key] = build(partial(_fetch_at_version, version), *args, **kwargs)
    return models[key]


def is_demo() -> bool:
    with cursor() as cur:
        return demo.is_demo(cur)
