"""The rules at their limits (tests/rule_probes.py), and the rules module's promises: every
rule the SQL names is bound, and the schema's risk bands agree with the rules' Hög."""

from __future__ import annotations

import re

import pytest
from rule_probes import PROBES

from lagesbild.data import db
from lagesbild import rules


@pytest.fixture(scope="module")
def schema_con():
    connection = db.connect(":memory:")
    yield connection
    connection.close()


@pytest.mark.parametrize("name", sorted(PROBES))
def test_rule_at_its_limit(schema_con, name):
    schema_con.execute("BEGIN TRANSACTION")
    try:
        PROBES[name](schema_con)
    finally:
        schema_con.execute("ROLLBACK")


def test_every_rule_the_sql_names_is_bound_and_every_bound_rule_is_read():
    named = set()
    for path in db.QUERIES.glob("*.sql"):
        named |= set(re.findall(r"\$([a-z_][a-z0-9_]*)", path.read_text(encoding="utf-8")))
    assert set(rules.sql_params()) <= named


def test_the_literals_the_rules_replace_are_gone_from_the_sql():
    queries = {path.name: path.read_text(encoding="utf-8") for path in db.QUERIES.glob("*.sql")}
    for text in ("reference_date + 90", "THEN 24 ELSE 72", "INTERVAL 12 MONTH", "severity >= 3",
                 "availability >= 3", "age_days <= 30"):
        assert [name for name, sql in queries.items() if text in sql] == [], text


def test_the_rules_high_score_is_where_the_schema_bands_hog(schema_con):
    bands = dict(schema_con.execute("SELECT s, risk_band(s) FROM range(1, 17) t(s)").fetchall())
    assert min(score for score, band in bands.items() if band == "Hög") == rules.RISK_HIGH_SCORE
    assert rules.RISK_ACCEPTANCE_SCORE == rules.RISK_HIGH_SCORE
