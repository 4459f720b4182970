"""The colours every chart and table shares, on screen and in documents: a colour-blind
safe palette (Okabe–Ito). A colour never stands alone: a status or band is always also
written as a word."""

BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
GREY = "#999999"
CATEGORICAL = (BLUE, ORANGE, GREEN, VERMILION, SKY, PURPLE, YELLOW, GREY)

# Severity 1–4 (Låg, Medel, Hög, Kritisk): light to dark, cool to hot.
SEVERITY = {1: SKY, 2: BLUE, 3: ORANGE, 4: VERMILION}
# Status words: the same colours as the status badges.
STATUS = {"good": BLUE, "watch": ORANGE, "act": VERMILION}
# The year before in grey, the selected year in blue, wherever the two are compared.
COMPARISON = {"previous": GREY, "current": BLUE}

# Tints of the risk bands, light to dark and cool to hot (sky, yellow, orange, vermilion):
# ordered by lightness, so they read in order without colour vision too.
BAND_FILL = {"Låg": "#D6EAF8", "Medelhög": "#F5EB9A", "Hög": "#EDB54F", "Extremt hög": "#DE7A3C"}
# Status words in table cells: blue for good, orange and red for worse.
TONE_FILL = {"good": "#D6EAF8", "watch": "#FBE0B0", "act": "#F5C1A3"}
