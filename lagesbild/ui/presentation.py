"""Presentation mode: the report's slides (``Report.slides``, the same as in the PowerPoint
file) one at a time, full screen and in large type for a projector, with previous/next
buttons that the arrow keys also press.

The slide shown and the public variant are kept in the session and in the URL
(``?bild=3&offentlig=ja``), so a reload or a shared link opens the same slide in the same
variant; a number out of range opens the nearest slide.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st

from lagesbild.formatting import fmt_decimal
from lagesbild.i18n import t
from lagesbild.palette import BAND_FILL, GREY
from lagesbild.report.model import (BARS, LINES, STACKED_BARS, STACKED_COLUMNS, HeatMap, Report,
                                    ReportChart, Slide)
from lagesbild.areas.risks import BANDS
from lagesbild.areas.sections import pct_suffix
from lagesbild.ui import charts
from lagesbild.ui.components import escape_markdown, status_badge
from lagesbild.ui.filters import parse_switch, parse_whole_number, url_value, write_url

SLIDE_PARAM = "bild"                    # the slide's number in the URL, from 1
SLIDE_KEY = "presentation_slide"        # the same in the session
PUBLIC_PARAM = "offentlig"              # ?offentlig=ja: the public variant
PUBLIC_KEY = "presentation_public"      # the switch's state in the session
CHART_HEIGHT = 400
AXIS_INK = "#3A3A3A"      # tick labels dark enough to read on a projector
CHART_FONT = 20

SLIDE_CONTAINER = "presentation_slide_body"
# This page only: no sidebar or header, the whole width, type to read from the back of a room on
# the slide; the controls stay at the size of a page's, so that they fit on one line at 1280 px.
FULL_SCREEN_CSS = f"""
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"] {{ display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: none; padding: 1rem 3rem 1rem 3rem; }}
.st-key-{SLIDE_CONTAINER} h1 {{ font-size: 2.6rem; line-height: 1.15; padding: 0 0 0.3rem 0; }}
.st-key-{SLIDE_CONTAINER} [data-testid="stMarkdownContainer"] p,
.st-key-{SLIDE_CONTAINER} [data-testid="stMarkdownContainer"] li {{ font-size: 1.5rem; line-height: 1.3; }}
.st-key-{SLIDE_CONTAINER} [data-testid="stMetricValue"] p {{ font-size: 5rem; line-height: 1.1; font-weight: 700; }}
.st-key-{SLIDE_CONTAINER} [data-testid="stMetricLabel"] p {{ font-size: 1.4rem; }}
.st-key-{SLIDE_CONTAINER} .stMarkdownBadge
    {{ font-size: 1.6rem !important; padding: 0.2rem 0.8rem; }}
.st-key-{SLIDE_CONTAINER} [data-testid="stCaptionContainer"] p
    {{ font-size: 1.2rem; color: #3A3A3A !important; }}
</style>
"""

# Streamlit's shortcuts ignore keys pressed while a form field has focus, and the public switch
# is one: once it is clicked, take the focus off it so that ← and → change slides again.
KEEP_KEYS_SCRIPT = f"""
<script>
if (!window.lagesbildKeepKeys) {{
  window.lagesbildKeepKeys = true;
  // A click or tap only: a keyboard user who tabbed to the switch keeps the focus there.
  document.addEventListener("pointerup", (event) => {{
    if (event.target.closest && event.target.closest(".st-key-{PUBLIC_KEY}")) {{
      // After the switch's own handlers, which focus it.
      setTimeout(() => document.activeElement && document.activeElement.blur(), 0);
    }}
  }}, true);
}}
</script>
"""


def full_screen() -> None:
    """Hide the app's chrome and enlarge the type, on this page alone."""
    st.html(FULL_SCREEN_CSS)


def public_variant() -> bool:
    """Whether the public variant is chosen: the switch's state, or on a session's first run
    (a reload, a shared link) the URL's. Read before the slide is drawn, so that a reload of
    the public variant never shows the internal one first."""
    if PUBLIC_KEY not in st.session_state:
        st.session_state[PUBLIC_KEY] = bool(url_value(PUBLIC_PARAM, parse_switch))
    return bool(st.session_state[PUBLIC_KEY])


def _clamped(number: int, total: int) -> int:
    return min(max(number, 1), total)


def slide_number(total: int) -> int:
    """The slide to show, from 1: the session's, or on the first visit the URL's; kept in
    range and written back to the URL."""
    if SLIDE_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = url_value(SLIDE_PARAM, parse_whole_number) or 1
    number = _clamped(st.session_state[SLIDE_KEY], total)
    st.session_state[SLIDE_KEY] = number
    write_url(SLIDE_PARAM, str(number))
    return number


def _step(step: int, total: int) -> None:
    st.session_state[SLIDE_KEY] = _clamped(st.session_state.get(SLIDE_KEY, 1) + step, total)


def show(report: Report, exit_page: str) -> None:
    """The controls (previous, "3 / 13", next, the public switch, the way back to
    ``exit_page``) on one line at the top, where no slide can push them out of sight; then the
    current slide and the marking."""
    total = len(report.slides)
    number = slide_number(total)
    lang = report.lang
    controls(number, total, exit_page, lang)
    with st.container(key=SLIDE_CONTAINER):
        slide(report.slides[number - 1], report)
    st.caption(" · ".join((report.marking, report.organisation, report.date_line,
                           t("presentation.keys", lang))))


def controls(number: int, total: int, exit_page: str, lang: str) -> None:
    previous, counter, following, _, public, leave = st.columns(
        [1.6, 0.7, 1.6, 0.6, 2.0, 2.3], vertical_alignment="center")
    previous.button(t("presentation.previous", lang), icon=":material/arrow_back:",
                    shortcut="Left", on_click=_step, args=(-1, total), disabled=number == 1,
                    width="stretch", key="presentation_previous")
    counter.markdown(t("presentation.counter", lang, number=number, total=total),
                     help=t("presentation.counter_help", lang, number=number, total=total),
                     text_alignment="center")
    following.button(t("presentation.next", lang), icon=":material/arrow_forward:",
                     icon_position="right", shortcut="Right", on_click=_step, args=(1, total),
                     disabled=number == total, width="stretch", key="presentation_next")
    chosen = public.toggle(t("presentation.public", lang), key=PUBLIC_KEY,
                           help=t("presentation.public_help", lang))
    write_url(PUBLIC_PARAM, "ja" if chosen else None)
    st.html(KEEP_KEYS_SCRIPT, unsafe_allow_javascript=True)
    # The page left keeps the selection, not the presentation's own state.
    params = {key: value for key, value in st.query_params.to_dict().items()
              if key not in (SLIDE_PARAM, PUBLIC_PARAM)}
    leave.page_link(exit_page, label=t("presentation.exit", lang), icon=":material/close:",
                    query_params=params)


def slide(current: Slide, report: Report) -> None:
    """One slide: its title, its sentence, the big figure beside the chart or heat map."""
    if current.key == "title":
        st.title(current.title, anchor=False)
        st.markdown(escape_markdown(current.sentence))
        st.markdown(escape_markdown(report.organisation))
        return
    st.title(current.title, anchor=False)
    st.markdown(escape_markdown(current.sentence))
    drawing = current.chart is not None or current.heat_map is not None
    if current.value and drawing:
        figure_column, drawing_column = st.columns([1, 3], gap="large")
    else:
        figure_column = drawing_column = st.container()
    if current.value:
        with figure_column:
            st.metric(current.value_label, current.value)
            if current.status is not None:
                status_badge(current.status, current.status_label, report.lang)
    with drawing_column:
        if current.chart is not None:
            charts.show(chart_figure(current.chart, report.lang), key=f"slide_{current.key}")
            if current.chart.chart.axis_start:
                st.markdown(escape_markdown(axis_note(current.chart, report.lang)))
        elif current.heat_map is not None:
            charts.show(heat_map_figure(current.heat_map, report.lang), key=f"slide_{current.key}")
    if current.bullets:
        # The decisions numbered as in the paper.
        st.markdown("\n".join(f"{n}. {escape_markdown(bullet)}" if current.numbered
                               else f"- {escape_markdown(bullet)}"
                               for n, bullet in enumerate(current.bullets, start=1)))


def axis_note(chart: ReportChart, lang: str) -> str:
    """Says that the value axis does not start at zero, and where it starts."""
    start = fmt_decimal(chart.chart.axis_start, lang, 0 if float(chart.chart.axis_start).is_integer() else 1)
    return t("presentation.axis_start", lang, start=start + (pct_suffix(lang) if chart.percent else ""))


# --- Figures ---------------------------------------------------------------------------------------

def chart_figure(chart: ReportChart, lang: str) -> go.Figure:
    """The slide's chart as the pages draw theirs, in larger type: bars or columns (side by
    side or stacked), lines, and the series in ``line_keys`` as a dotted line over the bars."""
    horizontal = chart.kind in (BARS, STACKED_BARS)
    stacked = chart.kind in (STACKED_COLUMNS, STACKED_BARS)
    categories = [str(c) for c in chart.chart.categories]
    figure = go.Figure()
    for series, colour in zip(chart.series, chart.colours):
        values = list(series.values)
        if chart.kind == LINES or series.key in chart.line_keys:
            figure.add_scatter(x=categories, y=values, name=series.name, mode="lines+markers",
                               line=dict(color=colour, width=4,
                                         dash="dot" if series.key == "previous" else None),
                               marker=dict(size=10))
            continue
        axes = dict(y=categories, x=values, orientation="h") if horizontal else dict(x=categories, y=values)
        figure.add_bar(**axes, name=series.name, marker_color=colour, text=list(series.labels) or None,
                       textposition="inside" if stacked else "outside",
                       insidetextanchor="middle" if stacked else None, cliponaxis=False)
    figure.update_layout(barmode="stack" if stacked else "group", legend_traceorder="normal")
    if chart.chart.target is not None:
        figure.add_hline(y=chart.chart.target, line=dict(color=GREY, dash="dash", width=2),
                         annotation_text=chart.chart.target_label, annotation_position="top left")
    charts.style(figure, lang, height=CHART_HEIGHT)
    figure.update_layout(font=dict(size=CHART_FONT), legend=dict(font=dict(size=CHART_FONT)),
                         uniformtext=dict(minsize=14, mode="hide"))
    figure.update_xaxes(tickfont=dict(size=CHART_FONT, color=AXIS_INK))
    figure.update_yaxes(tickfont=dict(size=CHART_FONT, color=AXIS_INK))
    value_axis = dict(ticksuffix=pct_suffix(lang) if chart.percent else None)
    if chart.chart.axis_start is not None:
        largest = max((v for s in chart.series for v in s.values if v is not None), default=0)
        value_axis["range"] = [chart.chart.axis_start, 100.5 if chart.percent else largest * 1.1]
    elif chart.percent:
        value_axis["range"] = [0, 105]
    else:
        value_axis.update(charts.whole_number_ticks(chart.chart))
    if horizontal:
        figure.update_xaxes(showgrid=True, gridcolor="#E5E5E5", **value_axis)
        figure.update_yaxes(autorange="reversed", showgrid=False)
    else:
        figure.update_yaxes(**value_axis)
    return figure


IDS_PER_LINE = 3


def cell_ids(text: str) -> str:
    """A cell's risk ids ("R-01, R-02, …, +2") escaped for Plotly and broken into lines of
    three, so that they stay inside their cell at 1280 px."""
    ids = [html.escape(part) for part in text.split(", ")]
    lines = [", ".join(ids[i:i + IDS_PER_LINE]) for i in range(0, len(ids), IDS_PER_LINE)]
    return "<br>".join(lines)


def heat_map_figure(heat_map: HeatMap, lang: str) -> go.Figure:
    """The 4×4 map: each cell tinted by its band, with the band's word and the cell's risks
    (their ids, or in the public variant their number)."""
    size = len(heat_map.likelihood_labels)
    band_index = {band: i for i, band in enumerate(BANDS)}
    z = [[band_index[heat_map.cell(likelihood, consequence).band] for consequence in range(1, size + 1)]
         for likelihood in range(1, size + 1)]
    scale = []
    for i, band in enumerate(BANDS):
        scale += [[i / len(BANDS), BAND_FILL[band]], [(i + 1) / len(BANDS), BAND_FILL[band]]]
    figure = go.Figure(go.Heatmap(
        z=z, x=list(range(1, size + 1)), y=list(range(1, size + 1)), colorscale=scale,
        zmin=-0.5, zmax=len(BANDS) - 0.5, showscale=False, xgap=4, ygap=4, hoverinfo="skip",
        name=heat_map.title))
    # Plotly reads a little HTML in texts: the cell's text is escaped to show as written.
    words = [dict(x=cell.consequence, y=cell.likelihood, showarrow=False,
                  text=html.escape(cell.band_label) + (f"<br><b>{cell_ids(cell.text)}</b>" if cell.text else ""),
                  font=dict(size=16, color="#111111"))
             for cell in heat_map.cells]
    figure.update_layout(annotations=words)
    charts.style(figure, lang, height=CHART_HEIGHT + 40, legend=False)
    figure.update_layout(font=dict(size=CHART_FONT))
    figure.update_xaxes(tickfont=dict(size=CHART_FONT, color=AXIS_INK))
    figure.update_yaxes(tickfont=dict(size=CHART_FONT, color=AXIS_INK))
    axis = dict(range=[0.5, size + 0.5], tickvals=list(range(1, size + 1)), showgrid=False,
                zeroline=False, fixedrange=True, automargin=True, rangemode="normal")
    figure.update_xaxes(**axis, ticktext=list(heat_map.consequence_labels),
                        title=dict(text=f"{heat_map.consequence_title} →",
                                   font=dict(size=CHART_FONT, color=AXIS_INK)))
    figure.update_yaxes(**axis, ticktext=list(heat_map.likelihood_labels),
                        title=dict(text=f"{heat_map.likelihood_title} →",
                                   font=dict(size=CHART_FONT, color=AXIS_INK)))
    return figure
