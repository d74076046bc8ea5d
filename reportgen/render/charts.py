"""Charts a narrative asks for with ``[chart: NAME]``: drawn with matplotlib, embedded as PNG.

Each builder turns metrics (and, for charts over several periods or areas, the canonical data
sets) into a :class:`ChartSpec`: the PNG bytes, a caption, and alt text written from the same
figures, so a reader using a screen reader hears what a sighted reader sees.

Design rules, for every chart:

* colours from the Okabe–Ito palette, which stays distinguishable with the common colour
  blindnesses; series also differ in hatching and carry direct value labels, so a greyscale
  print still reads;
* drawn at the report's text width (16.6 cm) in Arial, else Liberation Sans, else DejaVu Sans;
* deterministic: the same data give the same PNG bytes (no software or date stamp, fixed dpi,
  fixed path simplification);
* counts below the suppression threshold are never drawn in a public report (as in tables).

matplotlib is imported only when a chart is drawn: most reports have no chart, and importing
it costs most of a second.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from reportgen import formatting
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics, budget_periods, budget_position
from reportgen.periods import Period, parse_period
from reportgen.render.tables import suppress_counts

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "CHARTS",
    "ChartOptions",
    "ChartSpec",
    "build_chart",
    "render_png",
]

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

AreaType = Literal["council", "statistical_neighbour", "england"]
AREA_TYPES: tuple[AreaType, ...] = ("council", "statistical_neighbour", "england")


@dataclass(frozen=True)
class ChartOptions:
    """What a chart needs beyond the data: units, disclosure rules and who the council is."""

    units: Literal["£", "£000s"]
    public: bool
    threshold: int
    council: str = ""
    files: Mapping[str, Path] = field(default_factory=dict)  # data set → file, for errors


@dataclass(frozen=True)
class ChartSpec:
    """A drawn chart and the words that go with it."""

    name: str
    png: bytes = field(repr=False)
    alt_text: str
    caption: str
    # The figures the alt text quotes, as written there (for tests and the checker).
    key_figures: tuple[str, ...] = ()
    width_cm: float = TEXT_WIDTH_CM


# --------------------------------------------------------------------------- drawing


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


# --------------------------------------------------------------------------- wording


def _wrap(label: str, width: int = 26) -> str:
    return textwrap.fill(label, width, break_long_words=False) or label


def _money_style(units: str) -> str:
    return "k" if units == "£000s" else "full"


def _unit_label(units: str) -> str:
    return "£000s" if units == "£000s" else "£"


def _variance_text(variance: float, style: str) -> str:
    """"overspend £673k", "underspend £12k" or "on budget"."""
    word = formatting.variance_word(variance)
    return word if word == "on budget" else f"{word} {formatting.money(abs(variance), style)}"


def _sentence_start(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym ("SGO", "IFA")."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _money_units(name: str, args: Sequence[str], default: str) -> str:
    units = default
    for arg in args:
        if arg in ("£000s", "£000", "£k"):
            units = "£000s"
        elif arg == "£":
            units = "£"
        else:
            raise ReportgenError(f"[chart: {name}]: unknown option '{arg}' (expected £ or £000s)")
    return units


def _no_options(name: str, args: Sequence[str]) -> None:
    if args:
        raise ReportgenError(f"[chart: {name}] takes no options, got '{' '.join(args)}'")


def _need(what: str, value: object, name: str) -> None:
    if value is None:
        raise ReportgenError(
            f"[chart: {name}] needs the {what} data set: add data: {what}: FILE to report.yaml")


# --------------------------------------------------------------------------- the charts


def budget_chart(args: Sequence[str], metrics: Metrics, datasets: Mapping[str, pd.DataFrame],
                 opts: ChartOptions) -> ChartSpec:
    """Budget against projected spend for each budget line of the report's period."""
    _need("budget", metrics.budget, "budget")
    assert metrics.budget is not None
    b = metrics.budget
    units = _money_units("budget", args, opts.units)
    style = _money_style(units)
    lines = list(b.lines)
    panel = BarPanel(
        categories=tuple(f"{_wrap(ln.line)}\n{_variance_text(ln.variance, style)}"
                         for ln in lines),
        series=(
            Series("Budget", tuple(ln.budget for ln in lines), BLUE,
                   labels=tuple(formatting.money(ln.budget, style) for ln in lines)),
            Series("Projected spend", tuple(ln.projected_spend for ln in lines), ORANGE, "///",
                   labels=tuple(formatting.money(ln.projected_spend, style) for ln in lines)),
        ),
        value_axis="£",
        money_axis=True,
    )
    period = f", {b.period}" if b.period else ""
    parts = [f"{ln.line}: budget {formatting.money(ln.budget, style)}, projected spend "
             f"{formatting.money(ln.projected_spend, style)}, "
             f"{_variance_text(ln.variance, style)}" for ln in lines]
    total = b.total
    key = formatting.money(abs(total.variance), style)
    total_text = (f"total budget {formatting.money(total.budget, style)}, projected spend "
                  f"{formatting.money(total.projected_spend, style)}, "
                  f"{_variance_text(total.variance, style)}")
    alt = (f"Bar chart of budget and projected spend by budget line{period}. "
           + "; ".join(parts) + (f". In all, {total_text}." if len(lines) > 1 else "."))
    height = 2.6 + 1.5 * len(lines)
    return ChartSpec("budget", render_png([panel], height), alt,
                     f"Budget and projected spend by budget line{period} ({_unit_label(units)})",
                     (key,))


def _year_of(metrics: Metrics) -> Period | None:
    if metrics.period is not None:
        return metrics.period.year
    if metrics.budget is not None and metrics.budget.period:
        try:
            return parse_period(metrics.budget.period).year
        except ReportgenError:
            return None
    return None


def spend_by_period_chart(args: Sequence[str], metrics: Metrics,
                          datasets: Mapping[str, pd.DataFrame],
                          opts: ChartOptions) -> ChartSpec:
    """Budget and projected spend for the year as reported at each period of the financial
    year in the budget data (Q1, Q2… or months), with the variance at each."""
    frame = datasets.get("budget")
    _need("budget", frame, "spend_by_period")
    assert frame is not None
    units = _money_units("spend_by_period", args, opts.units)
    style = _money_style(units)
    year = _year_of(metrics)
    if year is None:
        raise ReportgenError("[chart: spend_by_period] needs the report's period "
                             "(period: in report.yaml) to know which financial year to show")
    periods: list[Period] = []
    for label in budget_periods(frame):
        try:
            period = parse_period(label)
        except ReportgenError:
            continue
        if period.start_year == year.start_year:
            periods.append(period)
    if metrics.period is not None:  # nothing after the period being reported
        periods = [p for p in periods if p.kind == "year" or p.start <= metrics.period.end]
    if not periods:
        raise ReportgenError(f"[chart: spend_by_period]: the budget data has no rows for "
                             f"{year.financial_year}")
    # Year-end (outturn) rows come last: they are the final position of the year.
    periods.sort(key=lambda p: (p.kind == "year", p.sort_key))
    totals = [budget_position(frame, p.label).total for p in periods]
    names = [p.label.removeprefix(f"{p.financial_year} ") if p.kind != "year" else "Year end"
             for p in periods]
    panel = BarPanel(
        categories=tuple(f"{n}\n{_variance_text(t.variance, style)}"
                         for n, t in zip(names, totals, strict=True)),
        series=(
            Series("Budget", tuple(t.budget for t in totals), BLUE,
                   labels=tuple(formatting.money(t.budget, "auto") for t in totals)),
            Series("Projected spend", tuple(t.projected_spend for t in totals), ORANGE, "///",
                   labels=tuple(formatting.money(t.projected_spend, "auto") for t in totals)),
        ),
        value_axis="£ for the year",
        money_axis=True,
        horizontal=False,
    )
    parts = [f"{n}: budget {formatting.money(t.budget, style)}, projected spend "
             f"{formatting.money(t.projected_spend, style)}, {_variance_text(t.variance, style)}"
             for n, t in zip(names, totals, strict=True)]
    alt = (f"Bar chart of budget and projected spend for {year.financial_year} as reported at "
           f"each period of the year. " + "; ".join(parts) + ".")
    latest = totals[-1]
    return ChartSpec(
        "spend_by_period", render_png([panel], 9.0), alt,
        f"Budget and projected spend by period, {year.financial_year} ({_unit_label(units)})",
        (formatting.money(abs(latest.variance), style),))


def savings_chart(args: Sequence[str], metrics: Metrics, datasets: Mapping[str, pd.DataFrame],
                  opts: ChartOptions) -> ChartSpec:
    """Savings achieved against target for each measure."""
    _need("savings", metrics.savings, "savings")
    assert metrics.savings is not None
    s = metrics.savings
    units = _money_units("savings", args, opts.units)
    style = _money_style(units)
    measures = list(s.measures)

    def pct(value: float | None) -> str:
        return "" if value is None else f" ({formatting.percent(value)})"

    panel = BarPanel(
        categories=tuple(_wrap(m.measure, 30) for m in measures),
        series=(
            Series("Target", tuple(m.target for m in measures), SKY_BLUE, "\\\\\\",
                   labels=tuple(formatting.money(m.target, style) for m in measures)),
            Series("Achieved", tuple(m.achieved for m in measures), BLUE,
                   labels=tuple(formatting.money(m.achieved, style) + pct(m.achieved_pct)
                                for m in measures)),
        ),
        value_axis="£",
        money_axis=True,
    )
    parts = [f"{m.measure} {formatting.money(m.achieved, style)} of "
             f"{formatting.money(m.target, style)}" for m in measures]
    t = s.total
    achieved = formatting.money(t.achieved, style)
    target = formatting.money(t.target, style)
    alt = ("Bar chart of savings achieved against target by measure: " + "; ".join(parts)
           + f". In total {achieved} has been achieved against a target of {target}"
           + f"{pct(t.achieved_pct)}.")
    height = 2.4 + 1.15 * len(measures)
    return ChartSpec("savings", render_png([panel], height), alt,
                     f"Savings achieved against target by measure ({_unit_label(units)})",
                     (achieved, target))


def placements_by_type_chart(args: Sequence[str], metrics: Metrics,
                             datasets: Mapping[str, pd.DataFrame],
                             opts: ChartOptions) -> ChartSpec:
    """Children placed by type, and the average weekly cost of each type. Small counts are
    suppressed exactly as in the placements_by_type table (with secondary suppression)."""
    _no_options("placements_by_type", args)
    _need("placements", metrics.placements, "placements_by_type")
    assert metrics.placements is not None
    p = metrics.placements
    summaries = list(p.by_type)
    if not summaries:
        raise ReportgenError("[chart: placements_by_type]: no placements are active on the "
                             "report's date, so there is nothing to draw")
    hidden = (suppress_counts([x.count for x in summaries], opts.threshold) if opts.public
              else [False] * len(summaries))
    fewer = f"fewer than {opts.threshold}"
    counts = tuple(None if h else float(x.count) for x, h in zip(summaries, hidden, strict=True))
    costs = tuple(None if h else x.average_weekly_cost
                  for x, h in zip(summaries, hidden, strict=True))
    categories = tuple(_wrap(x.label, 24) for x in summaries)
    count_panel = BarPanel(
        categories, (Series("Number of children", counts, BLUE, labels=tuple(
            fewer if h else formatting.number(x.count)
            for x, h in zip(summaries, hidden, strict=True))),),
        value_axis="Number of children")
    cost_panel = BarPanel(
        categories, (Series("Average weekly cost", costs, ORANGE, "///", labels=tuple(
            "not shown" if h else formatting.money(x.average_weekly_cost)
            for x, h in zip(summaries, hidden, strict=True))),),
        value_axis="Average weekly cost (£)", money_axis=True)
    as_at = f" on {formatting.long_date(p.as_at)}" if p.as_at else ""
    parts = [f"{x.label} {fewer}" if h else
             f"{x.label} {formatting.number(x.count)} at "
             f"{formatting.money(x.average_weekly_cost)} a week"
             for x, h in zip(summaries, hidden, strict=True)]
    total = formatting.number(p.total.count)
    alt = (f"Two bar charts of children in placements by type{as_at}: the number of children "
           f"and the average weekly cost of each type. " + "; ".join(parts)
           + f". In total {total} children at an average of "
           f"{formatting.money(p.total.average_weekly_cost)} a week.")
    if any(hidden):
        alt += (f" Numbers below {opts.threshold} are not shown, to protect children's "
                "privacy.")
    height = 2.0 + 0.85 * len(summaries)
    return ChartSpec("placements_by_type", render_png([count_panel, cost_panel], height), alt,
                     f"Children in placements by type and average weekly cost{as_at}", (total,))


# --------------------------------------------------------------------------- benchmarks

_AREA_TYPE_WORDS: dict[str, AreaType] = {
    "council": "council", "la": "council", "local_authority": "council",
    "statistical_neighbour": "statistical_neighbour",
    "statistical_neighbours": "statistical_neighbour", "sn": "statistical_neighbour",
    "neighbour": "statistical_neighbour", "england": "england", "national": "england",
}
_COUNCIL_WORDS = re.compile(
    r"\b(council|county|city|borough|metropolitan|district|of|the|and)\b", re.IGNORECASE)


def _core_name(name: str) -> str:
    return " ".join(_COUNCIL_WORDS.sub(" ", name).lower().split())


@dataclass(frozen=True)
class Benchmark:
    area: str
    area_type: AreaType
    value: float


def _area_types(rows: pd.DataFrame, opts: ChartOptions) -> list[AreaType]:
    """Each row's area type: as written, else England by name, the council by name, and
    statistical neighbours otherwise."""
    file = opts.files.get("benchmarks")
    council = _core_name(opts.council)
    out: list[AreaType] = []
    for row, area, written in zip(rows.index, rows["area"], rows["area_type"], strict=True):
        if not pd.isna(written):
            key = re.sub(r"[^a-z0-9]+", "_", str(written).lower()).strip("_")
            if key not in _AREA_TYPE_WORDS:
                raise ReportgenError(
                    f"unknown area type '{written}': expected one of {', '.join(AREA_TYPES)}",
                    file=file, row=int(row), column="area_type")
            out.append(_AREA_TYPE_WORDS[key])
        elif str(area).strip().lower() == "england":
            out.append("england")
        elif council and _core_name(str(area)) == council:
            out.append("council")
        else:
            out.append("statistical_neighbour")
    return out


def _benchmark_rows(frame: pd.DataFrame, args: Sequence[str],
                    opts: ChartOptions) -> tuple[str, str, list[Benchmark]]:
    """(measure, period, rows) for the measure the directive names, in its latest period."""
    file = opts.files.get("benchmarks")
    measures = list(dict.fromkeys(str(m) for m in frame["measure"]))
    wanted = " ".join(args).strip()
    if wanted:
        matches = [m for m in measures if m.lower() == wanted.lower()]
        if not matches:
            raise ReportgenError(f"[chart: benchmarks]: no measure '{wanted}' in the benchmarks "
                                 f"data (measures: {'; '.join(measures)})", file=file)
        measure = matches[0]
    elif len(measures) == 1:
        measure = measures[0]
    else:
        raise ReportgenError("[chart: benchmarks]: the benchmarks data has several measures; "
                             "name one, e.g. [chart: benchmarks " + measures[0] + "]", file=file)
    rows = frame[(frame["measure"] == measure).to_numpy()]
    period = max((parse_period(str(p)) for p in rows["period"].dropna().unique()),
                 default=None)
    if period is None:
        raise ReportgenError("[chart: benchmarks]: no period given", file=file, column="period")
    rows = rows[(rows["period"] == period.label).to_numpy()]
    types = _area_types(rows, opts)
    found = [Benchmark(str(a), t, float(v))
             for a, t, v in zip(rows["area"], types, rows["value"], strict=True)]
    councils = [b for b in found if b.area_type == "council"]
    if len(councils) != 1:
        what = "no row" if not councils else f"{len(councils)} rows"
        raise ReportgenError(
            f"[chart: benchmarks]: {what} for the council in {measure}, {period.label}: "
            "mark exactly one row with area_type council", file=file, column="area_type")
    return measure, period.label, found


def benchmarks_chart(args: Sequence[str], metrics: Metrics,
                     datasets: Mapping[str, pd.DataFrame], opts: ChartOptions) -> ChartSpec:
    """One measure for the council against each statistical neighbour, their average and
    England, in the latest period in the data."""
    frame = datasets.get("benchmarks")
    _need("benchmarks", frame, "benchmarks")
    assert frame is not None
    measure, period, found = _benchmark_rows(frame, args, opts)
    places = 0 if all(b.value.is_integer() for b in found) else 1

    def fmt(value: float) -> str:
        return formatting.number(value, places)

    council = next(b for b in found if b.area_type == "council")
    neighbours = [b for b in found if b.area_type == "statistical_neighbour"]
    england = [b for b in found if b.area_type == "england"]
    bars: list[tuple[str, float, str, str]] = [(council.area, council.value, VERMILLION, "")]
    average: float | None = None
    if len(neighbours) > 1:
        average = sum(b.value for b in neighbours) / len(neighbours)
        bars += [(b.area, b.value, SKY_BLUE, "") for b in neighbours]
        bars.append(("Statistical neighbours average", average, BLUE, "///"))
    elif neighbours:
        average = neighbours[0].value
        bars.append((neighbours[0].area, average, BLUE, "///"))
    bars += [(b.area, b.value, GREEN, "xx") for b in england]
    bars.sort(key=lambda bar: -bar[1])  # highest first: the council's rank shows at a glance
    parts = [f"{council.area} {fmt(council.value)}"]
    if average is not None:
        label = ("statistical neighbours average" if len(neighbours) > 1 else neighbours[0].area)
        parts.append(f"{label} {fmt(average)}")
    parts += [f"{b.area} {fmt(b.value)}" for b in england]
    alt = f"Bar chart of {_sentence_start(measure)} in {period}: " + ", ".join(parts) + "."
    if len(neighbours) > 1:
        low = min(neighbours, key=lambda b: b.value)
        high = max(neighbours, key=lambda b: b.value)
        alt += (f" The {len(neighbours)} statistical neighbours range from "
                f"{fmt(low.value)} ({low.area}) to {fmt(high.value)} ({high.area}).")
    png = _benchmark_png(bars, [fmt(value) for _, value, _, _ in bars], council.area, measure)
    return ChartSpec("benchmarks", png, alt,
                     f"{measure}, {period}: {council.area} compared with statistical "
                     "neighbours and England", (fmt(council.value),))


def _benchmark_png(bars: Sequence[tuple[str, float, str, str]], labels: Sequence[str],
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


# --------------------------------------------------------------------------- entry point

ChartBuilder = Callable[[Sequence[str], Metrics, Mapping[str, pd.DataFrame], ChartOptions],
                        ChartSpec]

CHARTS: dict[str, ChartBuilder] = {
    "budget": budget_chart,
    "spend_by_period": spend_by_period_chart,
    "savings": savings_chart,
    "placements_by_type": placements_by_type_chart,
    "benchmarks": benchmarks_chart,
}
#: Which data sets each chart reads directly (beyond the metrics).
DATASETS_NEEDED: dict[str, tuple[str, ...]] = {
    "spend_by_period": ("budget",),
    "benchmarks": ("benchmarks",),
}


def build_chart(name: str, args: Sequence[str], metrics: Metrics,
                datasets: Mapping[str, pd.DataFrame], opts: ChartOptions) -> ChartSpec:
    """Draw the chart a ``[chart: NAME ARGS…]`` directive asks for."""
    builder = CHARTS.get(name)
    if builder is None:
        raise ReportgenError(f"unknown chart '{name}' (charts: {', '.join(sorted(CHARTS))})")
    return builder(args, metrics, datasets, opts)
