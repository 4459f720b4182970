"""Every text the app shows, Swedish first with its English twin.

``t(key, lang, **values)`` picks the language and fills in the ``{placeholders}``; a rule's
number (``{document_due_soon_days}``, …) comes from ``lagesbild.rules.text_values``, so no
text repeats a threshold.
Counted phrases have a ``.one`` and an ``.other`` form; ``plural`` picks by the count.
The texts live in one module per part of the app; keys are unique across them.
Labels of controlled values (municipalities, severities, …) live with their vocabulary
in ``lagesbild.data.contracts``; ``label`` reads them in the right language.
"""

from __future__ import annotations

from collections.abc import Sequence
from string import Formatter

from lagesbild import rules
from lagesbild.data.contracts import Vocabulary
from lagesbild.i18n import (access, accessibility, attention, change_log_page, classification, cli,
                            contradictions, data_page, documents, editing, incidents, mapping,
                            presentation, recommendations_page, reminders, report, report_page,
                            risk_analysis, risks, shell, sla)

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"


def _merge(*modules) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in modules:
        clash = merged.keys() & module.TEXT.keys()
        if clash:
            raise ValueError(f"text keys defined twice: {sorted(clash)}")
        merged.update(module.TEXT)
    return merged


TEXT = _merge(shell, incidents, sla, classification, risks, recommendations_page, documents,
              attention, report, report_page, presentation, access, data_page, editing, change_log_page,
              risk_analysis, mapping, reminders, cli, accessibility, contradictions)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


# The texts that name a rule's number.
RULE_TEXTS = frozenset(key for key, texts in TEXT.items()
                       if any(_placeholders(text) & rules.text_values().keys() for text in texts))


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text ``key`` in ``lang`` ("sv" or "en"), with ``values`` and the rules' numbers
    filled in."""
    sv, en = TEXT[key]
    text = en if lang == "en" else sv
    if key in RULE_TEXTS:
        values = {**rules.text_values(), **values}
    return text.format(**values) if values else text


def plural(key: str, number: int, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The ``.one`` or ``.other`` form of ``key`` for ``number``."""
    form = "one" if number == 1 else "other"
    return t(f"{key}.{form}", lang, **values)


def join_list(items: Sequence[str], lang: str = DEFAULT_LANGUAGE) -> str:
    """``a, b och c`` / ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('list.and', lang)} {items[-1]}"


def label(vocabulary: Vocabulary, value: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of a controlled value, e.g. ``label(MUNICIPALITIES, "Gemensam", "en")``."""
    return vocabulary.label(value, lang)
