"""The colours every chart and table shares, on screen and in documents: a colour-blind
safe palette (Okabe–Ito). A colour never stands alone: a status or band is always also
written as a word.

Every colour a chart draws with has at least 3:1 against the white page (WCAG 2.1 AA for
graphics, 1.4.11), so a bar or a line without a label can still be seen: Okabe–Ito's sky,
orange, yellow and grey are darkened to that (same hue, less lightness). Text in a colour
uses the *_TEXT twins (at least 4.5:1). tests/test_palette.py computes both from the colours.
"""

BLUE = "#0072B2"
SKY = "#1D99E0"        # Okabe–Ito #56B4E9 (2.3:1), darkened
GREEN = "#009E73"
ORANGE = "#C28600"     # #E69F00 (2.3:1), darkened
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#9E940D"     # #F0E442 (1.3:1), darkened
GREY = "#919191"       # #999999 (2.8:1), darkened
CATEGORICAL = (BLUE, ORANGE, GREEN, VERMILION, SKY, PURPLE, YELLOW, GREY)
# Colours dark enough for text on white (at least 4.5:1).
VERMILION_TEXT = "#B34700"
BLUE_TEXT = BLUE
TEXT_COLOURS = (BLUE_TEXT, VERMILION_TEXT)

# Severity 1–4 (Låg, Medel, Hög, Kritisk): light to dark, cool to hot.
SEVERITY = {1: SKY, 2: BLUE, 3: ORANGE, 4: VERMILION}
# Status words: the same colours as the status badges.
STATUS = {"good": BLUE, "watch": ORANGE, "act": VERMILION}
# The year before in grey, the selected year in blue, wherever the two are compared.
COMPARISON = {"previous": GREY, "current": BLUE}

# Tints of the risk bands, light to dark and cool to hot (sky, yellow, orange, vermilion):
# ordered by lightness, so they read in order without colour vision too. Dark text on each
# has at least 4.5:1.
BAND_FILL = {"Låg": "#D6EAF8", "Medelhög": "#F5EB9A", "Hög": "#EDB54F", "Extremt hög": "#E4874F"}


def tint(colour: str, strength: float) -> str:
    """``colour`` mixed with white: strength 1 is the colour itself, 0 is white."""
    channels = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) * strength):02X}" for c in channels)


# A table cell's fill by its tone (lagesbild.areas.sections.Table.tones), on screen and in the
# documents: light tints, so dark text stays readable. Status words on the badges' colours
# (blue good, orange watch, vermilion act), risk bands on their band fill, KLASSA levels from
# grey through blue to orange and vermilion as the need grows. The cell always says the same
# in words.
CELL_FILL = {
    "good": tint(BLUE, 0.25),
    "watch": tint(ORANGE, 0.4),
    "act": tint(VERMILION, 0.35),
    "none": tint(GREY, 0.2),
    "level0": tint(GREY, 0.12),
    "level1": tint(SKY, 0.2),
    "level2": tint(BLUE, 0.3),
    "level3": tint(ORANGE, 0.45),
    "level4": tint(VERMILION, 0.45),
    **BAND_FILL,
}


def relative_luminance(colour: str) -> float:
    """A colour's relative luminance, as WCAG 2.1 defines it (0 black, 1 white)."""
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str = "#FFFFFF") -> float:
    """The contrast ratio of two colours (1–21); WCAG 2.1 AA asks 4.5 for text, 3 for
    graphics and large text."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)),
                             reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
