"""The 4×4 risk heat map: likelihood upwards, consequence to the right, each cell tinted by
its band (the band's word in the cell and in the legend), each risk placed in its cell by
its id, with the risk's title, description, owner and action on hover.

The cell of a risk is where its id is drawn: ids sit within ±0.5 of the cell's centre, so
rounding a text's position gives the cell (the page tests rely on this).

Movement since the previous risk analysis is one trace of arrows (named by the matrix's
``moves_label``): each arrow starts at the centre of the cell where that analysis placed the
risks and points at their cell now; rounding an arrow's two points gives the two cells.
"""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from lagesbild.areas.risks import BANDS, Mark, Matrix, Move
from lagesbild.ui import charts

from lagesbild.palette import BAND_FILL

IDS_PER_ROW = 3
_COLUMN_STEP = 0.29       # horizontal distance between ids, in cell widths
_ROW_STEP = 0.17          # vertical distance between rows of ids, in cell heights
_BLOCK_CENTRE = -0.06     # ids sit a little below the centre, under the band's word
_ARROW_END = 0.32         # an arrow stops this far (in cells) short of the centre it points at
MOVE_COLOUR = "#3A3A3A"


def _offsets(count: int) -> list[tuple[float, float]]:
    """Where ``count`` ids go within a cell, row by row, each row centred."""
    rows = math.ceil(count / IDS_PER_ROW)
    top = _BLOCK_CENTRE + (rows - 1) * _ROW_STEP / 2
    offsets = []
    for index in range(count):
        row, column = divmod(index, IDS_PER_ROW)
        in_row = min(IDS_PER_ROW, count - row * IDS_PER_ROW)
        offsets.append(((column - (in_row - 1) / 2) * _COLUMN_STEP, top - row * _ROW_STEP))
    return offsets


def _placed(marks: tuple[Mark, ...]) -> list[tuple[float, float, Mark]]:
    """(x, y, mark) for every mark, spread over its cell."""
    by_cell: dict[tuple[int, int], list[Mark]] = {}
    for mark in marks:
        by_cell.setdefault((mark.likelihood, mark.consequence), []).append(mark)
    placed = []
    for (likelihood, consequence), in_cell in by_cell.items():
        for (dx, dy), mark in zip(_offsets(len(in_cell)), in_cell):
            placed.append((consequence + dx, likelihood + dy, mark))
    return placed


def _arrows(moves: tuple[Move, ...], label: str) -> list[go.Scatter]:
    """One trace of arrows, previous cell -> current cell, each segment ended by None."""
    if not moves:
        return []
    xs, ys, hovers, symbols, sizes = [], [], [], [], []
    for move in moves:
        dx, dy = move.to_consequence - move.from_consequence, move.to_likelihood - move.from_likelihood
        length = math.hypot(dx, dy)
        end_x = move.to_consequence - dx / length * _ARROW_END
        end_y = move.to_likelihood - dy / length * _ARROW_END
        xs += [move.from_consequence, end_x, None]
        ys += [move.from_likelihood, end_y, None]
        hovers += [move.hover, move.hover, None]
        symbols += ["circle-open", "arrow", "circle"]
        sizes += [9, 13, 0]
    return [go.Scatter(
        x=xs, y=ys, hovertext=hovers, mode="lines+markers", name=label, showlegend=True,
        line=dict(color=MOVE_COLOUR, width=1.5, dash="dot"),
        marker=dict(symbol=symbols, size=sizes, color=MOVE_COLOUR, angleref="previous"),
        hovertemplate="%{hovertext}<extra></extra>",
        hoverlabel=dict(align="left", bgcolor="white", bordercolor="#777777", font=dict(color="#111111")),
    )]


def figure(matrix: Matrix, lang: str) -> go.Figure:
    size = len(matrix.likelihood_labels)
    band_index = {band: i for i, band in enumerate(BANDS)}
    z = [[None] * size for _ in range(size)]
    hover = [[""] * size for _ in range(size)]
    for cell in matrix.cells:
        z[cell.likelihood - 1][cell.consequence - 1] = band_index[cell.band]
        hover[cell.likelihood - 1][cell.consequence - 1] = cell.hover
    # A stepped scale: each band index gets exactly its band's tint.
    scale = []
    for i, band in enumerate(BANDS):
        scale += [[i / len(BANDS), BAND_FILL[band]], [(i + 1) / len(BANDS), BAND_FILL[band]]]

    cells = go.Heatmap(
        z=z, x=list(range(1, size + 1)), y=list(range(1, size + 1)), customdata=hover,
        colorscale=scale, zmin=-0.5, zmax=len(BANDS) - 0.5, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{customdata}<extra></extra>", name=matrix.title,
    )
    placed = _placed(matrix.marks)
    # Plotly reads a little HTML in texts (links too): a risk id is data and is escaped.
    ids = go.Scatter(
        x=[x for x, _, _ in placed], y=[y for _, y, _ in placed],
        text=[html.escape(mark.text) for _, _, mark in placed],
        hovertext=[mark.hover for _, _, mark in placed], mode="text", textfont=dict(size=13, color="#111111"),
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, name=matrix.title,
        hoverlabel=dict(align="left", bgcolor="white", bordercolor="#777777", font=dict(color="#111111")),
    )
    # The legend: one square per band, with its word.
    legend = [go.Scatter(x=[None], y=[None], mode="markers", name=matrix.band_labels[band], hoverinfo="skip",
                         marker=dict(symbol="square", size=14, color=BAND_FILL[band],
                                     line=dict(width=1, color="#777777")))
              for band in BANDS]
    # Each cell's level and band word in its top left corner.
    levels = [dict(x=cell.consequence - 0.47, y=cell.likelihood + 0.47, text=cell.level, showarrow=False,
                   xanchor="left", yanchor="top", font=dict(size=11, color="#3A3A3A"))
              for cell in matrix.cells]
    axis = dict(range=[0.5, size + 0.5], tickvals=list(range(1, size + 1)), showgrid=False,
                zeroline=False, fixedrange=True, automargin=True, rangemode="normal")
    # The arrows last: their legend entry follows the bands'.
    return go.Figure(
        data=[cells, ids, *legend, *_arrows(matrix.moves, matrix.moves_label)],
        layout=charts.layout(
            lang, height=440, annotations=levels,
            legend_settings=dict(itemclick=False, itemdoubleclick=False),
            xaxis=dict(**axis, ticktext=list(matrix.consequence_labels),
                       title=dict(text=f"{matrix.consequence_title} →", standoff=6)),
            yaxis=dict(**axis, ticktext=list(matrix.likelihood_labels),
                       title=dict(text=f"{matrix.likelihood_title} →", standoff=6))))


def show(matrix: Matrix, lang: str, *, key: str) -> None:
    charts.show(figure(matrix, lang), key=key)
