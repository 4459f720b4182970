""""Flest hade …" names one only when one stands out: the rule, and the SLA page's sentence."""

from __future__ import annotations

import pytest

from lagesbild.areas import availability
from lagesbild.i18n import t
from lagesbild.areas.sections import sole_largest


@pytest.mark.parametrize("values, expected", [([0, 3, 1], 1), ([1, 1, 1, 0], None), ([0, 0], None),
                                              ([], None), ([2, 5, 5], None), ([7], 0)])
def test_sole_largest(values, expected):
    assert sole_largest(values) == expected


def rows(breaches: dict[str, int], year: int) -> list[dict]:
    return [{"municipality": name, "year": y, "breaches": count if y == year else 0,
             "system_months": 444}
            for name, count in breaches.items() for y in (year, year - 1)]


def test_the_sla_page_names_no_leader_when_three_share_the_most():
    tied = availability._by_municipality(rows({"Arboga": 1, "Köping": 1, "Kungsör": 1,
                                               "Surahammar": 0}, 2025), 2025, 2024, True, "sv")
    assert "Flest hade" not in tied.sentence
    alone = availability._by_municipality(rows({"Arboga": 1, "Köping": 3, "Kungsör": 1,
                                                "Surahammar": 0}, 2025), 2025, 2024, True, "sv")
    assert t("sla_page.municipality.most", "sv", most="Köping", count="3", system_months="444",
             share="0,7\u00a0%") in alone.sentence
