"""A native Word bar chart (a DrawingML chart part) drawn for the web page as inline SVG, with
its numbers in a table beneath; no drawing library.

The chart part is read from the .docx, so the page shows what Word shows: the same categories,
series, values, colours and patterns, and labels in the chart's own number format. The part is
untrusted (a pack may hold documents written anywhere): it is read within fixed limits, only
finite numbers are drawn, and every string reaches the page as text through lxml.

Design as the Word charts (reportgen.render.charts.model): direct value labels, patterns as
well as colours, first category at the top of a horizontal chart.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from reportgen import formatting

__all__ = ["chart_figure", "read_chart"]

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MAX_CATEGORIES = 200
MAX_SERIES = 12
TEXT = "#1A1A1A"
EDGE = "#1A1A1A"
GRID = "#D9D9D9"
FONT = "Arial, 'Liberation Sans', sans-serif"
_HEX = re.compile(r"[0-9A-Fa-f]{6}")
# DrawingML preset patterns, as the lines drawn over the colour (anything else: diagonal).
_PATTERN_PATHS = {"wdUpDiag": "M0,6 L6,0", "dkUpDiag": "M0,6 L6,0", "ltUpDiag": "M0,6 L6,0",
                  "wdDnDiag": "M0,0 L6,6", "dkDnDiag": "M0,0 L6,6", "ltDnDiag": "M0,0 L6,6",
                  "openDmnd": "M0,0 L6,6 M0,6 L6,0", "diagCross": "M0,0 L6,6 M0,6 L6,0"}


def _c(tag: str) -> str:
    return f"{{{C}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


@dataclass
class Fill:
    colour: str = "#0072B2"
    pattern: str = ""  # a DrawingML preset name, "" for solid


@dataclass
class SeriesData:
    name: str
    values: dict[int, float]
    fill: Fill
    point_fills: dict[int, Fill] = field(default_factory=dict)


@dataclass
class ChartData:
    categories: list[str]
    series: list[SeriesData]
    horizontal: bool
    number_format: str
    value_axis: str
    title: str


def _fill(sp_pr: Any) -> Fill | None:
    if sp_pr is None:
        return None
    solid = sp_pr.find(f"{_a('solidFill')}/{_a('srgbClr')}")
    if solid is not None and _HEX.fullmatch(solid.get("val") or ""):
        return Fill("#" + solid.get("val").upper())
    patt = sp_pr.find(_a("pattFill"))
    if patt is not None:
        back = patt.find(f"{_a('bgClr')}/{_a('srgbClr')}")
        colour = back.get("val") if back is not None else ""
        if _HEX.fullmatch(colour or ""):
            return Fill("#" + colour.upper(), patt.get("prst") or "wdUpDiag")
    return None


def _number(text: str | None) -> float | None:
    try:
        value = float(text or "")
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _text(el: Any) -> str:
    return " ".join("".join(t.text or "" for t in el.iter(_a("t"), _c("v"))).split()) \
        if el is not None else ""


def read_chart(root: Any) -> ChartData | None:
    """The first bar chart of a chart part, or None when it has none (or is too large)."""
    bar = root.find(f"{_c('chart')}/{_c('plotArea')}/{_c('barChart')}")
    if bar is None:
        return None
    direction = bar.find(_c("barDir"))
    sers = bar.findall(_c("ser"))
    if not sers or len(sers) > MAX_SERIES:
        return None
    categories: dict[int, str] = {}
    count = 0
    series = []
    number_format = ""
    for ser in sers:
        cat = ser.find(_c("cat"))
        if cat is not None:
            pt_count = cat.find(f".//{_c('ptCount')}")
            count = max(count, int(_number(pt_count.get("val")) or 0)
                        if pt_count is not None else 0)
            for pt in cat.iter(_c("pt")):
                categories.setdefault(int(_number(pt.get("idx")) or 0),
                                      pt.findtext(_c("v")) or "")
        values: dict[int, float] = {}
        cache = ser.find(f"{_c('val')}//{_c('numCache')}")
        if cache is not None:
            number_format = number_format or (cache.findtext(_c("formatCode")) or "")
            for pt in cache.iter(_c("pt")):
                value = _number(pt.findtext(_c("v")))
                at = _number(pt.get("idx"))
                if value is not None and at is not None:
                    values[int(at)] = value
        label_format = ser.find(f"{_c('dLbls')}/{_c('numFmt')}")
        if label_format is not None and label_format.get("formatCode"):
            number_format = label_format.get("formatCode")
        point_fills = {}
        for dpt in ser.findall(_c("dPt")):
            idx_el = dpt.find(_c("idx"))
            point = _number(idx_el.get("val")) if idx_el is not None else None
            found = _fill(dpt.find(_c("spPr")))
            if point is not None and found is not None:
                point_fills[int(point)] = found
        series.append(SeriesData(_text(ser.find(_c("tx"))), values,
                                 _fill(ser.find(_c("spPr"))) or Fill(), point_fills))
    count = max(count, max(categories, default=-1) + 1)
    if count > MAX_CATEGORIES or any(i >= count for s in series for i in s.values):
        return None
    val_ax = root.find(f"{_c('chart')}/{_c('plotArea')}/{_c('valAx')}")
    axis_title = _text(val_ax.find(_c("title"))) if val_ax is not None else ""
    title = _text(root.find(f"{_c('chart')}/{_c('title')}"))
    return ChartData([categories.get(i, "") for i in range(count)], series,
                     direction is None or direction.get("val") != "col",
                     number_format or "General", axis_title, title)


def format_value(value: float, number_format: str) -> str:
    """``value`` as the chart's labels show it, for the number formats reportgen writes
    (reportgen.render.charts.model); any other format as a grouped number."""
    if '"m"' in number_format and '"k"' in number_format:
        return formatting.money(value, "auto")
    if number_format.startswith("£") and '"k"' in number_format:
        return formatting.money(value, "k")
    if number_format.startswith("£"):
        return formatting.money(value, "full")
    places = len(number_format.split(".", 1)[1].rstrip("%")) if "." in number_format else 0
    if number_format.endswith("%"):
        return formatting.percent(value, min(places, 3))
    return formatting.number(value, min(places, 6))


def _nice_top(top: float) -> tuple[float, float]:
    """An axis maximum at or above ``top`` and its step (1, 2 or 5 times a power of ten)."""
    if top <= 0:
        return 1.0, 0.25
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    return step * math.ceil(top / step), step


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: Any) -> Any:
    el = etree.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _lines(label: str) -> list[str]:
    return [line for line in label.split("\n") if line.strip()] or [""]


def chart_svg(chart: ChartData, uid: str, alt: str, title: str) -> Any:
    """The chart as an ``svg`` element (role img, named by ``title``, described by ``alt``)."""
    n_cat, n_ser = len(chart.categories), len(chart.series)
    top = max((v for s in chart.series for v in s.values.values()), default=0.0)
    low = min((v for s in chart.series for v in s.values.values()), default=0.0)
    axis_max, step = _nice_top(max(top, 0.0) * 1.15)
    axis_min = min(low, 0.0)
    width = 640.0
    legend_h = 24 if n_ser > 1 else 0
    title_h = 22 if chart.title else 0
    svg = etree.Element("svg", {"class": "chart", "role": "img",
                                "aria-labelledby": f"{uid}-t {uid}-d",
                                "xmlns": "http://www.w3.org/2000/svg",
                                "font-family": FONT, "font-size": "12", "fill": TEXT})
    _sub(svg, "title", title, id=f"{uid}-t")
    _sub(svg, "desc", alt, id=f"{uid}-d")
    defs = _sub(svg, "defs")
    fills: dict[tuple[str, str], str] = {}

    def paint(fill: Fill) -> str:
        if not fill.pattern:
            return fill.colour
        key = (fill.colour, fill.pattern)
        if key not in fills:
            pid = f"{uid}-p{len(fills)}"
            pattern = _sub(defs, "pattern", id=pid, patternUnits="userSpaceOnUse", width=6,
                           height=6)
            _sub(pattern, "rect", width=6, height=6, fill=fill.colour)
            _sub(pattern, "path", d=_PATTERN_PATHS.get(fill.pattern, "M0,6 L6,0"),
                 stroke=EDGE, stroke_width="0.9")
            fills[key] = f"url(#{pid})"
        return fills[key]

    y0 = 8
    if chart.title:
        _sub(svg, "text", chart.title, x=width / 2, y=y0 + 12, text_anchor="middle",
             font_weight="bold")
    if n_ser > 1:
        x = 10.0
        for s in chart.series:
            _sub(svg, "rect", x=x, y=y0 + title_h + 2, width=14, height=12,
                 fill=paint(s.fill), stroke=EDGE if s.fill.pattern else s.fill.colour)
            _sub(svg, "text", s.name, x=x + 20, y=y0 + title_h + 12)
            x += 30 + 7 * len(s.name)
    top_y = y0 + title_h + legend_h + 6
    span = (axis_max - axis_min) or 1.0
    max_lines = max((len(_lines(c)) for c in chart.categories), default=1)
    if chart.horizontal:
        left: float = min(260, 20 + 7 * max((len(line) for c in chart.categories
                                      for line in _lines(c)), default=4))
        right = width - 70
        band: float = max(16 * max_lines + 6, 22 * n_ser + 10)
        plot_h: float = band * n_cat
        scale = (right - left) / span
        ticks = _ticks(axis_min, axis_max, step)
        for t in ticks:
            x = left + (t - axis_min) * scale
            _sub(svg, "line", x1=x, x2=x, y1=top_y, y2=top_y + plot_h, stroke=GRID)
            _sub(svg, "text", format_value(t, chart.number_format), x=x, y=top_y + plot_h + 16,
                 text_anchor="middle")
        base = left + (0 - axis_min) * scale
        for i, label in enumerate(chart.categories):
            y = top_y + i * band
            lines = _lines(label)
            text = _sub(svg, "text", x=left - 8, y=y + band / 2 - 7 * (len(lines) - 1) + 4,
                        text_anchor="end")
            for j, line in enumerate(lines):
                _sub(text, "tspan", line, x=left - 8, dy=0 if j == 0 else 14)
            bar_h = (band - 10) / n_ser
            for k, s in enumerate(chart.series):
                value = s.values.get(i)
                if value is None:
                    continue
                fill = s.point_fills.get(i, s.fill)
                x1, x2 = sorted((base, left + (value - axis_min) * scale))
                by = y + 5 + k * bar_h
                _sub(svg, "rect", x=f"{x1:.1f}", y=f"{by:.1f}", width=f"{x2 - x1:.1f}",
                     height=f"{bar_h * 0.92:.1f}", fill=paint(fill),
                     stroke=EDGE if fill.pattern else fill.colour, stroke_width="0.6")
                _sub(svg, "text", format_value(value, chart.number_format), x=f"{x2 + 4:.1f}",
                     y=f"{by + bar_h * 0.46 + 4:.1f}", font_size="11")
        _sub(svg, "line", x1=base, x2=base, y1=top_y, y2=top_y + plot_h, stroke="#4D4D4D")
        height = top_y + plot_h + 24
        if chart.value_axis:
            _sub(svg, "text", chart.value_axis, x=(left + right) / 2, y=height + 8,
                 text_anchor="middle")
            height += 16
    else:
        left, right = 80.0, width - 10
        plot_h = 260
        band = (right - left) / max(n_cat, 1)
        scale = plot_h / span
        bottom = top_y + plot_h
        for t in _ticks(axis_min, axis_max, step):
            y = bottom - (t - axis_min) * scale
            _sub(svg, "line", x1=left, x2=right, y1=y, y2=y, stroke=GRID)
            _sub(svg, "text", format_value(t, chart.number_format), x=left - 6, y=y + 4,
                 text_anchor="end")
        base = bottom - (0 - axis_min) * scale
        for i, label in enumerate(chart.categories):
            x = left + i * band
            text = _sub(svg, "text", x=x + band / 2, y=bottom + 16, text_anchor="middle")
            for j, line in enumerate(_lines(label)):
                _sub(text, "tspan", line, x=x + band / 2, dy=0 if j == 0 else 14)
            bar_w = min((band - 16) / n_ser, 90)
            start = x + (band - bar_w * n_ser) / 2
            for k, s in enumerate(chart.series):
                value = s.values.get(i)
                if value is None:
                    continue
                fill = s.point_fills.get(i, s.fill)
                y1, y2 = sorted((base, bottom - (value - axis_min) * scale))
                bx = start + k * bar_w
                _sub(svg, "rect", x=f"{bx:.1f}", y=f"{y1:.1f}", width=f"{bar_w * 0.92:.1f}",
                     height=f"{y2 - y1:.1f}", fill=paint(fill),
                     stroke=EDGE if fill.pattern else fill.colour, stroke_width="0.6")
                _sub(svg, "text", format_value(value, chart.number_format),
                     x=f"{bx + bar_w * 0.46:.1f}", y=f"{y1 - 4:.1f}", text_anchor="middle",
                     font_size="11")
        _sub(svg, "line", x1=left, x2=right, y1=base, y2=base, stroke="#4D4D4D")
        height = bottom + 16 + 14 * max_lines
        if chart.value_axis:
            _sub(svg, "text", chart.value_axis, x=14, y=top_y + plot_h / 2, text_anchor="middle",
                 transform=f"rotate(-90 14 {top_y + plot_h / 2:.1f})")
    svg.set("viewBox", f"0 0 {width:.0f} {height:.0f}")
    svg.set("width", f"{width:.0f}")
    svg.set("height", f"{height:.0f}")
    return svg


def _ticks(low: float, high: float, step: float) -> list[float]:
    start = math.ceil(low / step)
    count = min(int(math.floor(high / step)) - start + 1, 50)
    return [(start + i) * step for i in range(max(count, 0))]


def data_table(chart: ChartData, caption: str) -> Any:
    """The chart's numbers as a table (categories down, series across)."""
    table = etree.Element("table", {"class": "chart-data"})
    _sub(table, "caption", caption)
    head = _sub(_sub(table, "thead"), "tr")
    _sub(head, "th", "Category", scope="col")
    for s in chart.series:
        _sub(head, "th", s.name or "Value", scope="col")
    body = _sub(table, "tbody")
    for i, label in enumerate(chart.categories):
        row = _sub(body, "tr")
        _sub(row, "th", " ".join(label.split()), scope="row")
        for s in chart.series:
            value = s.values.get(i)
            # No value: a suppressed count (its category carries the symbol) or none given.
            text = "c" if value is None and label.rstrip().endswith("(c)") else (
                "-" if value is None else format_value(value, chart.number_format))
            _sub(row, "td", text)
    return table


def chart_figure(root: Any, uid: str, alt: str, title: str) -> list[Any]:
    """The inline SVG and its data table for a chart part (``root``), or [] when the part
    holds no bar chart reportgen can draw (the caller then shows the alt text)."""
    chart = read_chart(root)
    if chart is None:
        return []
    caption = f"Data: {chart.title or title}" if (chart.title or title) else "Chart data"
    return [chart_svg(chart, uid, alt, title or chart.title), data_table(chart, caption)]
