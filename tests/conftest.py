"""Shared fixtures: an empty database, and the demo database built once per test run."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from sample_rows import add_sample_data
from streamlit.testing.v1 import AppTest

from lagesbild.data import db

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def db_path(tmp_path):
    """Path of a fresh, empty, migrated database."""
    path = tmp_path / "lagesbild.duckdb"
    db.connect(path).close()
    return path


@pytest.fixture
def database_at_schema(tmp_path):
    """A function making a database brought only up to a given schema version, as an older
    Lägesbild left it, and returning its path and an open connection: for upgrade tests."""
    def make(version: int):
        path = tmp_path / f"schema-{version}.duckdb"
        connection = duckdb.connect(str(path))
        connection.execute("CREATE TABLE schema_version "
                           "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
        for number, script in db.migrations():
            if number <= version:
                connection.execute(script.read_text(encoding="utf-8"))
                connection.execute("INSERT INTO schema_version VALUES (?, current_localtimestamp())",
                                   [number])
        return path, connection
    return make


@pytest.fixture
def con(db_path):
    connection = db.connect(db_path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory):
    """A database loaded with the shipped demo data. Tests must not write to it."""
    from lagesbild import demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    connection = db.connect(path)
    demo.load_demo(connection)
    connection.close()
    return path


@pytest.fixture
def demo_copy(demo_db_path, tmp_path):
    """A copy of the demo database, for tests that write to it or open it read-write."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db_path, path)
    return path


@pytest.fixture(scope="module")
def sample_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    con = db.connect(path)
    add_sample_data(con)
    con.close()
    return path


@pytest.fixture
def sample_db_path(sample_template, tmp_path):
    """Two years of hand-made data (2024, 2025) across municipalities; not marked as demo.
    A copy per test, since some tests write to it."""
    path = tmp_path / "sample.duckdb"
    shutil.copy(sample_template, path)
    return path


@pytest.fixture
def open_app(monkeypatch):
    """Run dashboard.py against a database, with fresh Streamlit caches."""
    def open_(path, **query_params) -> AppTest:
        monkeypatch.setenv("LAGESBILD_DB", str(path))
        st.cache_resource.clear()
        st.cache_data.clear()
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        app.query_params.update({key: str(value) for key, value in query_params.items()})
        return app.run()

    yield open_
    # Drop the cached connection so the database file is released.
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()

