"""Words a careful official would not write, in either language, found in no text."""

from __future__ import annotations

import pytest

from lagesbild.i18n import TEXT

# Each with what it is written as instead.
AVOIDED = {
    "Flaggade": "Risker som berörs av nya incidenter", "flaggar": "berör", "flaggor": "alternativ",
    "Översyn var": "Översynsintervall", "Vår regel": "Förbundets krav",
    "concerned by": "affected by", "Our rule": "The association's requirement",
    "Review every": "Review interval",
}


@pytest.mark.parametrize("avoided", sorted(AVOIDED))
def test_no_text_uses(avoided):
    assert [key for key, texts in TEXT.items() if any(avoided in text for text in texts)] == []
