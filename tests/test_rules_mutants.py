"""A small mutation check of the rules: every number in lagesbild/rules.py shifted one step
either way, every comparison in lagesbild/rules/status.py and lagesbild/rules/risk_review.py flipped, and
every comparison on a line of SQL that reads a rule (a query, or a schema macro) flipped; each
such mutant must make at least one probe of tests/rule_probes.py fail. A mutant that survives
is a rule no test holds to its value.

The mutants run in this process, against one in-memory database: a Python mutant replaces
the module's constants and functions for the duration of the probes, a query mutant replaces
the query's text, a macro mutant re-creates the macro. About 70 mutants take under half a
minute on a busy machine (about ten seconds of processor time), so the check runs in the
suite. A later staging macro (such as an SLA macro holding the "target met" comparison) is
added by listing its migration in ``MACRO_TARGETS`` with the parameters that carry its rules.
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from rule_probes import PROBES

from lagesbild.data import db
from lagesbild.rules import risk_review, status
from lagesbild import rules

ROOT = Path(__file__).resolve().parent.parent

# Python modules whose numbers are shifted and whose comparisons are flipped.
NUMBER_TARGETS = (rules,)
COMPARISON_TARGETS = (status, risk_review)
# Queries whose comparisons on lines naming a rule parameter are flipped.
QUERY_TARGETS = ("documents_register", "incidents_reporting", "incidents_open_by_age",
                 "overview_incidents", "classification_by_system", "risks_review",
                 "risks_flagged_by_incidents", "risks_accepted")
# Schema migrations whose macros take rules as parameters, with those parameters' names.
MACRO_TARGETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("012_rules_as_macro_parameters.sql", ("valid_months",)),
)

# Shifts beyond one step that were once seen to survive every test.
FURTHER_SHIFTS = {"RISK_REVIEW_DUE_DAYS": (20,), "DOCUMENTS_DUE_SOON_WATCH": (2,)}
FLIPS = {">=": ">", ">": ">=", "<=": "<", "<": "<=", "==": "!=", "!=": "=="}
_COMPARISON = re.compile(r"(?<![<>=!-])(>=|<=|==|!=|>|<)(?![=>])")


@dataclass(frozen=True)
class Mutant:
    target: str
    description: str
    apply: Callable[[], contextmanager]


def _flips(line: str) -> Iterator[tuple[str, str]]:
    """Each comparison of ``line`` flipped in turn: (new line, what changed)."""
    for match in _COMPARISON.finditer(line):
        operator = match.group(1)
        flipped = FLIPS[operator]
        yield (line[:match.start()] + flipped + line[match.end():],
               f"{operator} -> {flipped} in: {line.strip()}")


def _module_source(module: types.ModuleType) -> str:
    return Path(module.__file__).read_text(encoding="utf-8")


@contextmanager
def _python_mutant(module: types.ModuleType, source: str):
    """``module``'s constants and functions as ``source`` defines them, until the block ends.
    Classes and imports stay the original objects, so results compare with the real Status."""
    namespace = dict(vars(module))
    exec(compile(source, module.__file__, "exec"), namespace)  # noqa: S102 (our own source)
    saved = {}
    for name, value in namespace.items():
        original = vars(module).get(name)
        if name.startswith("__") or isinstance(original, (type, types.ModuleType)):
            namespace[name] = original
            continue
        if isinstance(value, types.FunctionType) or isinstance(value, (int, float)):
            saved[name] = original
            setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def _number_mutants(module: types.ModuleType) -> Iterator[Mutant]:
    lines = _module_source(module).splitlines(keepends=True)
    for number, line in enumerate(lines):
        found = re.match(r"^([A-Z][A-Z0-9_]*) = (\d+(?:\.\d+)?)\s*$", line)
        if not found:
            continue
        name, value = found.groups()
        steps = {(float(value) + step) if "." in value else int(value) + step for step in (-1, 1)}
        for shifted in sorted(steps | set(FURTHER_SHIFTS.get(name, ()))):
            mutated = lines[:number] + [f"{name} = {shifted}\n"] + lines[number + 1:]
            yield Mutant(module.__name__, f"{name} {value} -> {shifted}",
                         lambda source="".join(mutated): _python_mutant(module, source))


def _comparison_mutants(module: types.ModuleType) -> Iterator[Mutant]:
    lines = _module_source(module).splitlines(keepends=True)
    for number, line in enumerate(lines):
        code = line.split("#", 1)[0]
        if code.lstrip().startswith(("def ", "class ", "from ", "import ", '"""')) or "->" in code:
            continue
        for flipped, description in _flips(code):
            mutated = lines[:number] + [flipped + "\n"] + lines[number + 1:]
            yield Mutant(module.__name__, description,
                         lambda source="".join(mutated): _python_mutant(module, source))


@contextmanager
def _query_mutant(monkeypatch_text: dict[str, str]):
    original = db.sql_text
    db.sql_text = lambda name: monkeypatch_text.get(name) or original(name)
    try:
        yield
    finally:
        db.sql_text = original


def _query_mutants(name: str) -> Iterator[Mutant]:
    parameters = set(rules.sql_params())
    lines = db.sql_text(name).splitlines(keepends=True)
    for number, line in enumerate(lines):
        code = line.split("--", 1)[0]
        if not set(re.findall(r"\$([a-z_][a-z0-9_]*)", code)) & parameters:
            continue
        for flipped, description in _flips(code):
            mutated = "".join(lines[:number] + [flipped + "\n"] + lines[number + 1:])
            yield Mutant(f"queries/{name}.sql", description,
                         lambda text=mutated: _query_mutant({name: text}))


def _macros(script: str) -> list[str]:
    """The CREATE [OR REPLACE] MACRO statements of a migration, each as CREATE OR REPLACE."""
    code = re.sub(r"--[^\n]*", "", script)
    statements = re.findall(r"^CREATE (?:OR REPLACE )?MACRO .*?;\s*$", code, re.S | re.M)
    return [re.sub(r"^CREATE (?:OR REPLACE )?MACRO", "CREATE OR REPLACE MACRO", s) for s in statements]


def _macro_mutants(file_name: str, parameters: tuple[str, ...], con) -> Iterator[Mutant]:
    script = (db.SCHEMA / file_name).read_text(encoding="utf-8")
    for statement in _macros(script):
        lines = statement.splitlines(keepends=True)
        for number, line in enumerate(lines):
            code = line.split("--", 1)[0]
            if not any(re.search(rf"\b{p}\b", code) for p in parameters):
                continue
            for flipped, description in _flips(code):
                mutated = "".join(lines[:number] + [flipped + "\n"] + lines[number + 1:])

                @contextmanager
                def recreated(text=mutated, original=statement):
                    con.execute(text)
                    try:
                        yield
                    finally:
                        con.execute(original)

                yield Mutant(f"queries/schema/{file_name}", description, recreated)


def _killed(con) -> bool:
    for probe in PROBES.values():
        con.execute("BEGIN TRANSACTION")
        try:
            probe(con)
        except Exception:  # an assertion, or a query the mutant broke: either way it is caught
            return True
        finally:
            con.execute("ROLLBACK")
    return False


@pytest.fixture(scope="module")
def schema_con():
    connection = db.connect(":memory:")
    yield connection
    connection.close()


def all_mutants(con) -> list[Mutant]:
    found = []
    for module in NUMBER_TARGETS:
        found += _number_mutants(module)
    for module in COMPARISON_TARGETS:
        found += _comparison_mutants(module)
    for name in QUERY_TARGETS:
        found += _query_mutants(name)
    for file_name, parameters in MACRO_TARGETS:
        found += _macro_mutants(file_name, parameters, con)
    return found


def test_the_probes_pass_on_the_real_rules(schema_con):
    assert not _killed(schema_con)


def test_every_mutant_of_the_rules_is_caught(schema_con):
    mutants = all_mutants(schema_con)
    survivors = []
    for mutant in mutants:
        with mutant.apply():
            if not _killed(schema_con):
                survivors.append(f"{mutant.target}: {mutant.description}")
    assert survivors == [], f"{len(survivors)} of {len(mutants)} mutants survived"


def test_the_mutants_include_those_that_once_survived(schema_con):
    described = {f"{m.target}: {m.description}" for m in all_mutants(schema_con)}
    assert "lagesbild.rules: RISK_REVIEW_DUE_DAYS 30 -> 20" in described
    assert "lagesbild.rules: DOCUMENTS_DUE_SOON_WATCH 1 -> 2" in described
    assert any(d.startswith("queries/documents_register.sql: <= -> <") for d in described)
    assert any(d.startswith("queries/schema/012_rules_as_macro_parameters.sql: > -> >=")
               for d in described)
