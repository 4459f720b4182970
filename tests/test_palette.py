"""The shared colours against WCAG 2.1 AA, computed from the colours themselves: every colour
a chart draws with at least 3:1 on the white page, every text colour at least 4.5:1, and the
text on every table fill at least 4.5:1."""

from __future__ import annotations

import pytest

from lagesbild import palette
from lagesbild.palette import contrast, relative_luminance
from lagesbild.report import figures

CHART_COLOURS = {*palette.CATEGORICAL, *palette.SEVERITY.values(), *palette.STATUS.values(),
                 *palette.COMPARISON.values()}
# The darkest text any page or document puts on a fill, and the lightest.
TEXTS_ON_FILLS = (figures.TEXT_COLOUR, "#333333")


def test_contrast_is_wcags_formula():
    # WCAG's own end points, and black on white.
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert relative_luminance("#FFFFFF") == pytest.approx(1.0)
    # Order does not matter.
    assert contrast("#0072B2", "#FFFFFF") == contrast("#FFFFFF", "#0072B2")


@pytest.mark.parametrize("colour", sorted(CHART_COLOURS))
def test_every_chart_colour_stands_out_from_the_page(colour):
    assert contrast(colour) >= 3.0


@pytest.mark.parametrize("colour", [*palette.TEXT_COLOURS, *figures.MARKING_COLOUR.values()])
def test_every_text_colour_is_readable_on_the_page(colour):
    assert contrast(colour) >= 4.5


@pytest.mark.parametrize("tone, fill", sorted(palette.CELL_FILL.items()))
def test_text_on_every_table_fill_is_readable(tone, fill):
    for text in TEXTS_ON_FILLS:
        assert contrast(text, fill) >= 4.5, (tone, text)


def test_the_colours_stay_apart():
    # Darkened, the palette still has as many colours as before, each its own lightness or hue.
    assert len(set(palette.CATEGORICAL)) == len(palette.CATEGORICAL) == 8
    severities = [relative_luminance(palette.SEVERITY[level]) for level in (1, 2)]
    # Severity 1 (sky) stays lighter than 2 (blue), so the scale reads without colour vision.
    assert severities[0] > severities[1]
