"""The shared chart look (lagesbild.ui.charts): figures built whole look as Plotly's own
update calls would have made them."""

from __future__ import annotations

import plotly.graph_objects as go

from lagesbild.areas.sections import Chart, Series
from lagesbild.ui import charts


def test_target_line_is_the_line_add_hline_draws():
    drawn = go.Figure(go.Scatter(x=[2024, 2025], y=[70, 90]))
    drawn.add_hline(y=80, line=dict(color=charts.GREY, dash="dash", width=1),
                    annotation_text="Mål 80 %", annotation_position="top left")
    built = go.Figure(go.Scatter(x=[2024, 2025], y=[70, 90]),
                      layout=charts.target_line(80, "Mål 80 %"))
    assert built.layout.shapes == drawn.layout.shapes
    assert built.layout.annotations == drawn.layout.annotations


def test_layout_adds_a_chart_s_settings_to_the_shared_look():
    layout = go.Figure(layout=charts.layout(
        "sv", height=300, barmode="group", legend_settings=dict(traceorder="normal"),
        xaxis=dict(showgrid=True), yaxis=dict(ticksuffix=" %"))).layout
    assert (layout.separators, layout.height, layout.barmode) == (",\u00a0", 300, "group")
    assert (layout.legend.orientation, layout.legend.traceorder) == ("h", "normal")
    assert layout.xaxis.showgrid is True
    assert (layout.yaxis.gridcolor, layout.yaxis.rangemode, layout.yaxis.ticksuffix) == (
        charts.GRID, "tozero", " %")


def test_styling_a_built_figure_gives_the_same_look_as_building_it_whole():
    chart = Chart(("Arboga", "Köping"), (Series("previous", "2024", (3, 4), ("3", "4")),
                                         Series("current", "2025", (5, 2), ("5", "2"))))
    whole = charts.comparison_bars(chart, "en")
    styled = charts.style(go.Figure(data=whole.data), "en", height=300)
    styled.update_layout(barmode="group", yaxis=dict(dtick=1))
    assert styled.to_dict() == whole.to_dict()
