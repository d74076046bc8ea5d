"""Drawing: matplotlib bar charts as deterministic PNG bytes, from plain panel descriptions.

Nothing here knows what a chart means; ``specs.py`` decides what to draw from metrics. Design
rules for every chart: colours from the Okabe–Ito palette, which stays distinguishable with the
common colour blindnesses; series also differ in hatching and carry direct value labels, so a
greyscale print still reads; drawn at the report's text width (16.6 cm) in Arial, else
Liberation Sans, else DejaVu Sans; the same data give the same PNG bytes (no software or date
stamp, fixed dpi, fixed path simplification).

matplotlib is imported inside the drawing functions, so only when a chart is drawn: most
reports have no chart, and importing it costs most of a second.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportgen import formatting

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TEXT_WIDTH_CM = 16.6  # A4 less the house styles' 2.2 cm margins (as tables use)
DPI = 200
FONT_SIZE = 9.5
FONTS = ["Arial", "Liberation Sans", "DejaVu Sans"]

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
VERMILLION = "#D55E00"
GREEN = "#009E73"
EDGE = "#1A1A1A"
TEXT = "#1A1A1A"


@dataclass(frozen=True)
class Series:
    """One series of bars: a name for the legend and one value a category (None: no bar)."""

    label: str
    values: tuple[float | None, ...]
    colour: str
    hatch: str = ""
    labels: tuple[str, ...] = ()  # text at the end of each bar


@dataclass(frozen=True)
class BarPanel:
    """Bars over categories, grouped when there are several series."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_axis: str
    money_axis: bool = False
    horizontal: bool = True


def _rc() -> dict[str, Any]:
    return {
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": FONT_SIZE,
        "text.color": TEXT,
        "axes.labelcolor": TEXT,
        "axes.edgecolor": "#4D4D4D",
        "xtick.color": TEXT,
        "ytick.color": TEXT,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "hatch.linewidth": 0.8,
        "hatch.color": EDGE,
        "path.simplify": True,
        "path.simplify_threshold": 0.111111111111,
        "svg.hashsalt": "reportgen",
        "legend.frameon": False,
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
    }


def _style() -> contextlib.AbstractContextManager[None]:
    """matplotlib settings for one drawing, restored afterwards (callers' own are untouched)."""
    import matplotlib

    settings: Any = _rc()  # rc_context's stubs want literal keys; these are all valid names
    return matplotlib.rc_context(settings)


def _money_tick(value: float, _pos: int) -> str:
    return formatting.money(value, "auto") if value else "£0"


def _number_tick(value: float, _pos: int) -> str:
    return formatting.number(value, 0 if float(value).is_integer() else 1)


def _draw_panel(ax: Axes, panel: BarPanel, show_legend: bool, invert: bool = True) -> None:
    from matplotlib.ticker import FuncFormatter

    n_cat = len(panel.categories)
    n_series = len(panel.series)
    group = 0.8
    width = group / n_series
    top = max((v for s in panel.series for v in s.values if v is not None), default=0.0)
    for i, s in enumerate(panel.series):
        offset = -group / 2 + width * (i + 0.5)
        positions = [c + offset for c in range(n_cat)]
        heights = [0.0 if v is None else v for v in s.values]
        kwargs: dict[str, Any] = {"color": s.colour, "hatch": s.hatch or None, "label": s.label,
                  "edgecolor": EDGE if s.hatch else s.colour, "linewidth": 0.6}
        if panel.horizontal:
            bars = ax.barh(positions, heights, height=width * 0.92, **kwargs)
        else:
            bars = ax.bar(positions, heights, width=width * 0.92, **kwargs)
        if s.labels:
            ax.bar_label(bars, labels=list(s.labels), padding=3, fontsize=FONT_SIZE - 0.5)
    ticks = list(range(n_cat))
    formatter = FuncFormatter(_money_tick if panel.money_axis else _number_tick)
    limit = top * (1.32 if panel.horizontal else 1.18) or 1.0
    if panel.horizontal:
        ax.set_yticks(ticks, labels=list(panel.categories))
        if invert:  # first category at the top, as in the matching table
            ax.invert_yaxis()
        ax.set_xlim(0, limit)
        ax.xaxis.set_major_formatter(formatter)
        ax.set_xlabel(panel.value_axis)
        ax.grid(axis="x", color="#D9D9D9", linewidth=0.6)
    else:
        ax.set_xticks(ticks, labels=list(panel.categories))
        # Room for at least four groups, so one or two periods do not make slab-like bars.
        spare = max(4 - n_cat, 0) / 2
        ax.set_xlim(-0.5 - spare, n_cat - 0.5 + spare)
        ax.set_ylim(0, limit)
        ax.yaxis.set_major_formatter(formatter)
        ax.set_ylabel(panel.value_axis)
        ax.grid(axis="y", color="#D9D9D9", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(length=0)
    if show_legend and n_series > 1:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=n_series,
                  handlelength=2.2, handleheight=1.2)


def render_png(panels: Sequence[BarPanel], height_cm: float,
               width_cm: float = TEXT_WIDTH_CM) -> bytes:
    """Draw ``panels`` side by side (sharing categories) as PNG bytes, deterministically."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with _style():
        fig: Figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=DPI,
                             layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, len(panels), sharey=len(panels) > 1, squeeze=False)[0]
        for i, (ax, panel) in enumerate(zip(axes, panels, strict=True)):
            # Panels share one y axis: inverting it in each would undo the first inversion.
            _draw_panel(ax, panel, show_legend=True, invert=i == 0)
            if i:
                ax.tick_params(labelleft=False)
        buffer = io.BytesIO()
        # No "Software" stamp: the matplotlib version must not change the bytes.
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def benchmark_png(bars: Sequence[tuple[str, float, str, str]], labels: Sequence[str],
                   council: str, axis_label: str) -> bytes:
    """One horizontal bar an area, each with its own colour and hatching; no legend, since
    the axis names every bar and the council's name is bold."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    names = [name for name, *_ in bars]
    values = [value for _, value, _, _ in bars]
    height_cm = 2.0 + 0.62 * len(bars)
    with _style():
        fig = Figure(figsize=(TEXT_WIDTH_CM / 2.54, height_cm / 2.54), dpi=DPI,
                     layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.subplots()
        drawn = ax.barh(range(len(values)), values, height=0.72, linewidth=0.6)
        for bar, (_, _, colour, hatch) in zip(drawn, bars, strict=True):
            bar.set_facecolor(colour)
            bar.set_edgecolor(EDGE if hatch else colour)
            if hatch:
                bar.set_hatch(hatch)
        ax.bar_label(drawn, labels=list(labels), padding=3, fontsize=FONT_SIZE - 0.5)
        ax.set_yticks(range(len(values)), labels=names)
        for label in ax.get_yticklabels():
            if label.get_text() == council:
                label.set_fontweight("bold")
        ax.invert_yaxis()
        ax.set_xlim(0, max(values, default=1.0) * 1.12 or 1.0)
        ax.xaxis.set_major_formatter(FuncFormatter(_number_tick))
        ax.set_xlabel(axis_label)
        ax.grid(axis="x", color="#D9D9D9", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.tick_params(length=0)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
