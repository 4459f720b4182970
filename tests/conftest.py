"""Shared fixtures: an empty database, and the demo database built once per test run."""

from __future__ import annotations

import pytest

from lagesbild import db


@pytest.fixture
def db_path(tmp_path):
    """Path of a fresh, empty, migrated database."""
    path = tmp_path / "lagesbild.duckdb"
    db.connect(path).close()
    return path


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
