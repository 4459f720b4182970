"""Opening and migrating the database; the schema says what the contracts say."""

from __future__ import annotations

import duckdb
import pytest

from lagesbild.data import contracts, db


def test_schema_columns_match_the_contracts(con):
    for spec in contracts.KINDS.values():
        columns = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [spec.table]).fetchall()]
        assert columns == list(spec.column_names), spec.name


def test_schema_checks_match_the_vocabularies(con):
    """The CHECK lists in the DDL accept exactly the canonical values of each vocabulary."""
    for spec in contracts.KINDS.values():
        for col in spec.columns:
            if col.vocabulary is None or all(isinstance(v, int) for v in col.vocabulary.values):
                continue
            accepted = set(con.execute(
                "SELECT constraint_text FROM duckdb_constraints() WHERE table_name = ? "
                "AND constraint_type = 'CHECK' AND list_contains(constraint_column_names, ?)",
                [spec.table, col.name]).fetchall()[0][0].split("'")[1::2])
            assert accepted == set(col.vocabulary.values), (spec.name, col.name)


def test_check_constraints_guard_the_tables(con):
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO risks (risk_id, title, area, assessed_on, likelihood, consequence, status) "
                    "VALUES ('R', 'x', 'IT-infrastruktur', DATE '2025-01-01', 5, 1, 'Aktiv')")


def test_risk_band_macro_follows_msb_bands(con):
    """Every possible likelihood × consequence, banded as GLOSSARY.md says."""
    scores = sorted({l * c for l in range(1, 5) for c in range(1, 5)})
    bands = dict(con.execute("SELECT s, risk_band(s) FROM unnest(?) t(s)", [scores]).fetchall())
    assert bands == {1: "Låg", 2: "Låg", 3: "Medelhög", 4: "Medelhög", 6: "Medelhög",
                     8: "Hög", 9: "Hög", 12: "Hög", 16: "Extremt hög"}


def test_reopening_is_a_no_op(db_path):
    con = db.connect(db_path)
    assert db.schema_version(con) == db.latest_version()
    assert con.execute("SELECT count(*) FROM schema_version").fetchall() == [(len(db.migrations()),)]
    con.close()


def test_older_database_is_migrated_forward(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    con.close()
    extra = tmp_path / "schema"
    extra.mkdir()
    for _, script in db.migrations():
        (extra / script.name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    (extra / "999_add_note.sql").write_text("ALTER TABLE systems ADD COLUMN note VARCHAR;", encoding="utf-8")
    monkeypatch.setattr(db, "SCHEMA", extra)
    con = db.connect(path)
    assert db.schema_version(con) == 999
    assert "note" in [r[0] for r in con.execute("DESCRIBE systems").fetchall()]
    con.close()


def test_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "old.duckdb"
    db.connect(path).close()
    extra = tmp_path / "schema"
    extra.mkdir()
    for _, script in db.migrations():
        (extra / script.name).write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    (extra / "999_broken.sql").write_text(
        "ALTER TABLE systems ADD COLUMN note VARCHAR; SELECT * FROM no_such_table;", encoding="utf-8")
    monkeypatch.setattr(db, "SCHEMA", extra)
    with pytest.raises(db.DatabaseError, match="schemaversion 999 misslyckades"):
        db.connect(path)
    monkeypatch.undo()
    con = db.connect(path, read_only=True)
    assert db.schema_version(con) == db.latest_version()
    assert "note" not in [r[0] for r in con.execute("DESCRIBE systems").fetchall()]
    con.close()


def test_newer_database_is_refused_clearly(db_path):
    con = db.connect(db_path)
    con.execute("INSERT INTO schema_version VALUES (99, now())")
    con.close()
    with pytest.raises(db.DatabaseError, match="schemaversion 99.*Uppdatera Lägesbild"):
        db.connect(db_path)


def test_foreign_files_are_refused_clearly(tmp_path):
    garbage = tmp_path / "garbage.duckdb"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(db.DatabaseError, match="kunde inte öppnas"):
        db.connect(garbage)
    other = tmp_path / "other.duckdb"
    raw = duckdb.connect(str(other))
    raw.execute("CREATE TABLE customers (id INTEGER)")
    raw.close()
    with pytest.raises(db.DatabaseError, match="inte skapad av Lägesbild"):
        db.connect(other)


def test_named_queries_reject_strange_names(con):
    with pytest.raises(ValueError):
        db.query(con, "../../etc/passwd")
