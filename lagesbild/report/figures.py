"""Static pictures of the report's charts and heat maps, and the tables and tones the PDF and
the Word document both write.

Drawn with matplotlib's Agg renderer (no browser, no display) in the colours the app uses,
numbers on the axes as the reader writes them, and DejaVu Sans (shipped with matplotlib) so
å, ä, ö and the minus sign U+2212 render. Each picture comes as PNG (the Word document) or
as SVG (the PDF: vector, its text as text in the same font the PDF embeds).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import re
import textwrap

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from lagesbild.formatting import MISSING, NBSP, fmt_decimal
from lagesbild.i18n import t
from lagesbild.palette import BAND_FILL, BLUE, GREY, VERMILION_TEXT
from lagesbild.report.model import (BARS, LINES, STACKED_BARS, STACKED_COLUMNS, Chapter, HeatMap,
                                    Report, ReportChart, ReportTable)
from lagesbild.areas.sections import Delta
from lagesbild.rules.status import Status

DPI = 150
# Drawn at the size they are printed, so the text in them has its real size.
CHART_WIDTH_MM = 174.0
HEAT_MAP_WIDTH_MM = 84.0
FONT = "DejaVu Sans"
TEXT_COLOUR = "#333333"
GRID_COLOUR = "#DDDDDD"
STYLE = {
    "font.family": FONT,
    "font.size": 8,
    "axes.edgecolor": GRID_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "text.color": TEXT_COLOUR,
}


def _png(figure: Figure) -> bytes:
    """The figure drawn once, its layout worked out in that same draw (savefig draws a
    layout-managed figure twice: once to lay it out, once to paint it). Saved as RGB: on its
    opaque white background the alpha channel says nothing, and without it the picture is
    smaller and quicker for the PDF to take in."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    picture = Image.frombuffer("RGBA", canvas.get_width_height(physical=True),
                               canvas.buffer_rgba(), "raw", "RGBA", 0, 1).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format="png", dpi=(DPI, DPI))
    return buffer.getvalue()


def _svg(figure: Figure) -> bytes:
    """The figure as SVG, its text kept as text (the PDF sets it in the font it embeds, so
    it can be searched and stays sharp), with no date and fixed ids: the same chart gives
    the same bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    return buffer.getvalue()


SVG_STYLE = {"svg.fonttype": "none", "svg.hashsalt": "lagesbild"}
PICTURE_WRITERS = {"png": _png, "svg": _svg}


def _number_formatter(lang: str, suffix: str, decimals_for) -> FuncFormatter:
    """Axis numbers as the reader writes them: 1 234,5 (sv) or 1,234.5 (en), with the unit."""
    unit = suffix.strip()
    separator = "" if lang == "en" or not unit else NBSP

    def write(value, _position):
        text = fmt_decimal(value, lang, decimals_for())
        return f"{text}{separator}{unit}" if unit else text

    return FuncFormatter(write)


def _counts(chart) -> bool:
    """Whether every value is a whole number (a count: no ticks between whole numbers)."""
    return all(float(v).is_integer() for s in chart.series for v in s.values if v is not None)


def _decimals(axis) -> int:
    """As many decimals as the tick spacing needs (0 for whole steps)."""
    ticks = [tick for tick in axis.get_majorticklocs() if math.isfinite(tick)]
    if len(ticks) < 2:
        return 0
    step = abs(ticks[1] - ticks[0])
    if step == 0 or step >= 1:
        return 0
    return min(3, max(0, -math.floor(math.log10(step))))


def _wrapped(label: object, width: int) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def _value(number: float | None) -> float:
    return math.nan if number is None else float(number)


def chart_height_mm(chart: ReportChart) -> float:
    """How tall a chart is drawn: columns and lines at a fixed height, horizontal bars by
    their number of rows."""
    if chart.kind in (BARS, STACKED_BARS):
        per_row = 5.5 if chart.kind == STACKED_BARS else 8.5
        return max(40.0, 22 + per_row * len(chart.chart.categories))
    return 70.0


# The PDF and the Word document of one report draw the same pictures: draw each once.
def chart_png(chart: ReportChart, lang: str, *, width_mm: float = CHART_WIDTH_MM,
              height_mm: float | None = None) -> bytes:
    """A chart as PNG (see chart_picture)."""
    return chart_picture(chart, lang, "png", width_mm=width_mm, height_mm=height_mm)


def chart_svg(chart: ReportChart, lang: str) -> bytes:
    """A chart as SVG, at the size the PDF prints it (see chart_picture)."""
    return chart_picture(chart, lang, "svg")


@functools.lru_cache(maxsize=64)
def chart_picture(chart: ReportChart, lang: str, picture_format: str, *,
                  width_mm: float = CHART_WIDTH_MM, height_mm: float | None = None) -> bytes:
    """A chart as PNG or SVG: bars, stacked bars or lines, values written where the series
    has labels, a legend, the target line and the axis title."""
    import matplotlib

    data = chart.chart
    horizontal = chart.kind in (BARS, STACKED_BARS)
    categories = [str(c) for c in data.categories]
    height_mm = height_mm or chart_height_mm(chart)
    with matplotlib.rc_context({**STYLE, **SVG_STYLE}):
        figure = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=DPI, facecolor="white",
                        layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, chart, categories, horizontal)
        value_axis = axes.xaxis if horizontal else axes.yaxis
        value_axis.set_major_locator(MaxNLocator(nbins=6, integer=_counts(data)))
        value_axis.set_major_formatter(_number_formatter(lang, data.value_suffix,
                                                         lambda: _decimals(value_axis)))
        if data.axis_title:
            (axes.set_xlabel if horizontal else axes.set_ylabel)(data.axis_title)
        _calm(axes, horizontal)
        handles, names = axes.get_legend_handles_labels()
        if len(names) > 1 or data.target is not None:
            figure.legend(handles, names, loc="outside lower center", ncols=min(len(names), 6),
                          frameon=False)
        return PICTURE_WRITERS[picture_format](figure)


def _draw(axes, chart: ReportChart, categories: list[str], horizontal: bool) -> None:
    data = chart.chart
    positions = list(range(len(categories)))
    if chart.kind == LINES:
        for series, colour in zip(data.series, chart.colours):
            axes.plot(positions, [_value(v) for v in series.values], color=colour, marker="o",
                      markersize=3.5, linewidth=2, label=series.name)
            _line_labels(axes, positions, series)
        if data.axis_start is not None:
            top = max([_value(v) for s in data.series for v in s.values if v is not None]
                      + [data.target or 0, data.axis_start])
            room = (top - data.axis_start) * 0.05
            axes.set_ylim(data.axis_start, max(top, data.axis_start + 1) + room)
    else:
        bars = [(s, c) for s, c in zip(data.series, chart.colours) if s.key not in chart.line_keys]
        lines = [(s, c) for s, c in zip(data.series, chart.colours) if s.key in chart.line_keys]
        stacked = chart.kind in (STACKED_COLUMNS, STACKED_BARS)
        _bars(axes, bars, positions, horizontal, stacked)
        for series, colour in lines:
            values = [_value(v) for v in series.values]
            if horizontal:
                axes.plot(values, positions, color=colour, marker="o", markersize=3, linewidth=1.5,
                          label=series.name)
            else:
                axes.plot(positions, values, color=colour, marker="o", markersize=3,
                          linewidth=1.5, label=series.name)
    if data.target is not None:
        line = axes.axvline if horizontal else axes.axhline
        line(data.target, color=GREY, linestyle="--", linewidth=1, label=data.target_label or None)
    width = 24 if horizontal else max(6, int(110 / max(len(categories), 1)))
    labels = [_wrapped(c, width) for c in categories]
    if horizontal:
        axes.set_yticks(positions, labels)
        axes.invert_yaxis()
    else:
        axes.set_xticks(positions, labels)


def _bars(axes, bars, positions, horizontal: bool, stacked: bool) -> None:
    count = max(len(bars), 1)
    thickness = 0.7 if stacked else 0.8 / count
    base = [0.0] * len(positions)
    for index, (series, colour) in enumerate(bars):
        values = [0.0 if v is None else float(v) for v in series.values]
        if stacked:
            where = positions
        else:
            where = [p - 0.4 + thickness * (index + 0.5) for p in positions]
        draw = axes.barh if horizontal else axes.bar
        placed = draw(where, values, thickness, base if stacked else 0, color=colour,
                      label=series.name)
        if series.labels:
            axes.bar_label(placed, labels=list(series.labels),
                           label_type="center" if stacked else "edge", padding=0 if stacked else 2,
                           fontsize=7, color="white" if stacked and _dark(colour) else TEXT_COLOUR)
        if stacked:
            base = [b + v for b, v in zip(base, values)]
    # Room for the values written at the end of the bars.
    if any(s.labels for s, _ in bars) and not stacked:
        low, high = (axes.get_xlim() if horizontal else axes.get_ylim())
        (axes.set_xlim if horizontal else axes.set_ylim)(low, high * 1.08)


def _line_labels(axes, positions, series) -> None:
    if not series.labels:
        return
    for x, value, label in zip(positions, series.values, series.labels):
        if value is not None and label:
            axes.annotate(label, (x, value), textcoords="offset points", xytext=(0, 5),
                          ha="center", fontsize=7)


def _dark(colour: str) -> bool:
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue < 150


def _calm(axes, horizontal: bool) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left" if not horizontal else "bottom"].set_visible(False)
    axes.grid(axis="x" if horizontal else "y", color=GRID_COLOUR, linewidth=0.6)
    axes.set_axisbelow(True)
    axes.tick_params(length=0)


def heat_map_png(heat_map: HeatMap, *, width_mm: float = HEAT_MAP_WIDTH_MM) -> bytes:
    """A heat map as PNG (see heat_map_picture)."""
    return heat_map_picture(heat_map, "png", width_mm=width_mm)


def heat_map_svg(heat_map: HeatMap) -> bytes:
    """A heat map as SVG (see heat_map_picture)."""
    return heat_map_picture(heat_map, "svg")


@functools.lru_cache(maxsize=16)
def heat_map_picture(heat_map: HeatMap, picture_format: str, *,
                     width_mm: float = HEAT_MAP_WIDTH_MM) -> bytes:
    """A 4×4 risk heat map as PNG or SVG: likelihood upwards, consequence to the right, each
    cell in its band's fill with the band written in it and the cell's text (risk ids or a
    count)."""
    import matplotlib

    with matplotlib.rc_context({**STYLE, **SVG_STYLE}):
        figure = Figure(figsize=(width_mm / 25.4, width_mm * 0.92 / 25.4), dpi=DPI,
                        facecolor="white", layout="constrained")
        axes = figure.add_subplot()
        for cell in heat_map.cells:
            x, y = cell.consequence - 1, cell.likelihood - 1
            axes.add_patch(_rectangle((x, y), BAND_FILL.get(cell.band, "#FFFFFF")))
            axes.text(x + 0.05, y + 0.93, cell.band_label, fontsize=5, va="top", ha="left",
                      color="#555555")
            if cell.text:
                axes.text(x + 0.5, y + 0.42, _wrapped(cell.text.replace(", ", " "), 11),
                          fontsize=6.5 if cell.text.count(",") >= 2 else 8,
                          weight="bold", ha="center", va="center", linespacing=1.15)
        axes.set_xlim(0, 4)
        axes.set_ylim(0, 4)
        axes.set_aspect("equal")
        axes.set_xticks([i + 0.5 for i in range(4)],
                        [_wrapped(label, 11) for label in heat_map.consequence_labels], fontsize=6)
        axes.set_yticks([i + 0.5 for i in range(4)],
                        [_wrapped(label, 9) for label in heat_map.likelihood_labels], fontsize=6)
        axes.set_xlabel(heat_map.consequence_title)
        axes.set_ylabel(heat_map.likelihood_title)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        return PICTURE_WRITERS[picture_format](figure)


def _rectangle(corner, colour):
    from matplotlib.patches import Rectangle

    return Rectangle(corner, 1, 1, facecolor=colour, edgecolor="white", linewidth=2)


# --- What the PDF and the Word document both write --------------------------------------------

# The marking's colour: the internal variant stands out, the public one is quiet. Both are
# text on white with at least 4.5:1 (WCAG 2.1 AA).
MARKING_COLOUR = {True: BLUE, False: VERMILION_TEXT}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def status_word(status: Status | None, lang: str) -> str:
    return t(f"status.{status.value}", lang) if status else ""


def change_text(delta: Delta | None) -> str:
    """"+23 mot 2024", or a dash without a comparison."""
    return f"{delta.text} {delta.description}" if delta else MISSING


def summary_table(report: Report) -> ReportTable:
    """The summary: per area its figure, the change since the year before, the status word
    and the sentence (the calm no-data message for an area without data)."""
    lang = report.lang
    columns = tuple(t(f"report.doc.{key}", lang)
                    for key in ("area", "figure", "value", "change", "status", "assessment"))
    rows = tuple(
        (area.title, area.metric_label or MISSING, area.value or MISSING,
         change_text(area.delta) if area.has_data else MISSING,
         status_word(area.status, lang) or MISSING, area.sentence)
        for area in report.areas)
    tones = ((columns[4], tuple(area.status.value if area.status else None
                                for area in report.areas)),)
    return ReportTable(columns, rows, numeric=(columns[2],), tones=tones)


def headline_table(chapter: Chapter, lang: str) -> ReportTable:
    """A chapter's headline figures as a table: figure, value, change, status word."""
    columns = tuple(t(f"report.doc.{key}", lang) for key in ("figure", "value", "change", "status"))
    rows = tuple((h.label, h.value, change_text(h.delta), status_word(h.status, lang) or MISSING)
                 for h in chapter.headlines)
    tones = ((columns[3], tuple(h.status.value if h.status else None for h in chapter.headlines)),)
    return ReportTable(columns, rows, numeric=(columns[1],), tones=tones)


def report_datetime(report: Report) -> dt.datetime:
    """The date the report is dated (or frozen) on, for the files' creation date, so the same
    report gives the same file; the year's last day when the date line has none."""
    found = ISO_DATE.search(report.date_line)
    day = dt.date.fromisoformat(found.group()) if found else dt.date(report.year, 12, 31)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc)
