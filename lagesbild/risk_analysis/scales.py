"""The scales a risk analysis rates on: MSB's four levels of likelihood and of consequence,
each with the definition shown beside the choice and in the analysis document.

The levels and their names are the contract's (``LIKELIHOODS``, ``CONSEQUENCES``); the
definitions, worded for a municipal IT service, are texts in ``lagesbild.i18n``. The band of
a level (Låg … Extremt hög) is defined once, by the schema's ``risk_band`` macro: it is read
from the ``risks_matrix`` query, never computed here.
"""

from __future__ import annotations

from lagesbild.data.contracts import CONSEQUENCES, LIKELIHOODS
from lagesbild.i18n import label, t
from lagesbild.areas.sections import Fetch

# What an analysis stores in analyses.scales: the scales it rated on.
MSB_4X4 = "MSB 4×4"
LEVELS = (1, 2, 3, 4)
LIKELIHOOD, CONSEQUENCE = "likelihood", "consequence"
_VOCABULARIES = {LIKELIHOOD: LIKELIHOODS, CONSEQUENCE: CONSEQUENCES}


def name(scale: str, level: int, lang: str) -> str:
    """The level's name: 'Stor', 'Betydande'."""
    return label(_VOCABULARIES[scale], level, lang)


def definition(scale: str, level: int, lang: str) -> str:
    """What the level means: 'En gång per år till en gång på tre år.'"""
    return t(f"risk_scales.{scale}.{level}", lang)


def choice_label(scale: str, level: int, lang: str) -> str:
    """How a choice reads in a list: '3 – Stor'."""
    return f"{level} – {name(scale, level, lang)}"


def scales_line(lang: str) -> str:
    """The scales in words, for the analysis and its document."""
    return t("risk_scales.line", lang, scales=MSB_4X4)


def bands(fetch: Fetch) -> dict[int, str]:
    """Score -> band, for every score of the 4×4 matrix, from the schema's risk_band macro."""
    cells = fetch("risks_matrix")
    return dict(zip(cells["score"].astype(int).tolist(), cells["band"].tolist()))
