import ast
import re
from collections import Counter
from pathlib import Path

import pytest

from lagesbild import i18n
from lagesbild.data.contracts import MUNICIPALITIES, SEVERITIES
from lagesbild.i18n import TEXT, join_list, label, plural, t

TEXT_MODULES = sorted(Path(i18n.__file__).parent.glob("*.py"))


def placeholders(text):
    return set(re.findall(r"{(\w+)}", text))


@pytest.mark.parametrize("key", sorted(TEXT))
def test_every_text_has_a_complete_english_twin(key):
    sv, en = TEXT[key]
    assert sv.strip() and en.strip()
    assert placeholders(sv) == placeholders(en), key


@pytest.mark.parametrize("path", TEXT_MODULES, ids=lambda path: path.name)
def test_no_text_module_defines_a_key_twice(path):
    # A dict literal keeps the last of two equal keys without a word, so read the source.
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = Counter(key.value for key in node.keys if isinstance(key, ast.Constant))
            twice = sorted(key for key, count in keys.items() if count > 1)
            assert not twice, f"{path.name}, the dict on line {node.lineno}: {twice}"


def test_counted_phrases_have_both_forms():
    stems = {key.rsplit(".", 1)[0] for key in TEXT if key.endswith((".one", ".other"))}
    for stem in stems:
        assert f"{stem}.one" in TEXT and f"{stem}.other" in TEXT, stem


def test_t_fills_in_values_and_picks_the_language():
    assert t("overview.heading", "sv", year=2025, scope="Köping") == "Lägesbild 2025 · Köping"
    assert t("status.act", "en") == "Act"
    assert t("status.act", "sv") == "Åtgärda"


def test_plural_and_lists():
    assert plural("recommendations.done", 1, "sv", count="1") == "1 genomförd"
    assert plural("recommendations.done", 2, "sv", count="2") == "2 genomförda"
    assert join_list(["a", "b", "c"], "sv") == "a, b och c"
    assert join_list(["a", "b"], "en") == "a and b"
    assert join_list(["a"], "en") == "a"


def test_vocabulary_labels():
    assert label(MUNICIPALITIES, "Gemensam", "sv") == "Gemensam (förbundet)"
    assert label(MUNICIPALITIES, "Gemensam", "en") == "Shared (association)"
    assert label(SEVERITIES, 4, "en") == "Critical"
