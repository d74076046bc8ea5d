"""What each ``[chart: NAME]`` draws, from metrics values: bar panels, caption and alt text.

Each builder turns metrics (and, for charts over several periods or areas, what metrics compute
from the canonical data sets) into a :class:`ChartSpec`: the bar panels, a caption, and alt
text written from the same figures, so a reader using a screen reader hears what a sighted
reader sees. Counts a public report may not show are decided by :mod:`reportgen.disclosure`,
exactly as for tables. Every number shown is computed in :mod:`reportgen.metrics`; this module
only chooses, words and formats.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pandas as pd

from reportgen import disclosure, formatting
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics, benchmark_comparison, budget_by_period, report_year
from reportgen.render.charts.model import (
    BLUE,
    COUNT,
    COUNT_1DP,
    GREEN,
    MONEY_AUTO,
    MONEY_FULL,
    MONEY_K,
    ORANGE,
    SKY_BLUE,
    TEXT_WIDTH_CM,
    VERMILLION,
    BarPanel,
    Series,
)


@dataclass(frozen=True)
class ChartOptions:
    """What a chart needs beyond the data: units, disclosure rules and who the council is."""

    units: Literal["£", "£000s"]
    public: bool
    threshold: int
    council: str = ""
    files: Mapping[str, Path] = field(default_factory=dict)  # data set → file, for errors
    # The document's disclosure plan (made once by the renderer); None: made from the metrics.
    plan: disclosure.Plan | None = field(default=None, compare=False)
    symbols: disclosure.Symbols = field(default_factory=disclosure.Symbols)


@dataclass(frozen=True)
class ChartSpec:
    """A chart and the words that go with it: one or more panels side by side (each a native
    chart in Word, sharing the width), the alt text describing them all, and the caption."""

    name: str
    panels: tuple[BarPanel, ...]
    alt_text: str
    caption: str
    # The figures the alt text quotes, as written there (for tests and the checker).
    key_figures: tuple[str, ...] = ()
    height_cm: float = 9.0
    width_cm: float = TEXT_WIDTH_CM


# --------------------------------------------------------------------------- wording


def _wrap(label: str, width: int = 26) -> str:
    return textwrap.fill(label, width, break_long_words=False) or label


def _money_style(units: str) -> str:
    return "k" if units == "£000s" else "full"


def _money_format(style: str) -> str:
    """The Excel number format that shows a value as ``formatting.money(value, style)``."""
    return {"k": MONEY_K, "full": MONEY_FULL, "auto": MONEY_AUTO}[style]


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
            Series("Budget", tuple(ln.budget for ln in lines), BLUE),
            Series("Projected spend", tuple(ln.projected_spend for ln in lines), ORANGE,
                   "forward"),
        ),
        value_axis="£",
        number_format=_money_format(style),
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
    return ChartSpec("budget", (panel,), alt,
                     f"Budget and projected spend by budget line{period} ({_unit_label(units)})",
                     (key,), height)


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
    year = report_year(metrics.period, metrics.budget)
    if year is None:
        raise ReportgenError("[chart: spend_by_period] needs the report's period "
                             "(period: in report.yaml) to know which financial year to show")
    series = budget_by_period(frame, year, until=metrics.period)
    if not series:
        raise ReportgenError(f"[chart: spend_by_period]: the budget data has no rows for "
                             f"{year.financial_year}")
    totals = [point.total for point in series]
    names = [point.name for point in series]
    panel = BarPanel(
        categories=tuple(f"{n}\n{_variance_text(t.variance, style)}"
                         for n, t in zip(names, totals, strict=True)),
        series=(
            Series("Budget", tuple(t.budget for t in totals), BLUE),
            Series("Projected spend", tuple(t.projected_spend for t in totals), ORANGE,
                   "forward"),
        ),
        value_axis="£ for the year",
        number_format=MONEY_AUTO,
        horizontal=False,
    )
    parts = [f"{n}: budget {formatting.money(t.budget, style)}, projected spend "
             f"{formatting.money(t.projected_spend, style)}, {_variance_text(t.variance, style)}"
             for n, t in zip(names, totals, strict=True)]
    alt = (f"Bar chart of budget and projected spend for {year.financial_year} as reported at "
           f"each period of the year. " + "; ".join(parts) + ".")
    latest = totals[-1]
    return ChartSpec(
        "spend_by_period", (panel,), alt,
        f"Budget and projected spend by period, {year.financial_year} ({_unit_label(units)})",
        (formatting.money(abs(latest.variance), style),), 9.0)


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

    # The share achieved goes with the measure's name (as the variance does in the budget
    # chart): the bars' labels show the workbook's numbers, so they follow an edit in Word.
    panel = BarPanel(
        categories=tuple(_wrap(m.measure, 30) + ("" if m.achieved_pct is None else
                                                  f"\n{formatting.percent(m.achieved_pct)} "
                                                  "achieved") for m in measures),
        series=(
            Series("Target", tuple(m.target for m in measures), SKY_BLUE, "backward"),
            Series("Achieved", tuple(m.achieved for m in measures), BLUE),
        ),
        value_axis="£",
        number_format=_money_format(style),
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
    return ChartSpec("savings", (panel,), alt,
                     f"Savings achieved against target by measure ({_unit_label(units)})",
                     (achieved, target), height)


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
    plan = opts.plan or disclosure.plan_for(metrics, opts.threshold, opts.public, opts.symbols)
    sym = plan.symbols.confidential
    hidden = [plan.is_hidden(x.placement_type) for x in summaries]
    counts = tuple(None if h else float(x.count) for x, h in zip(summaries, hidden, strict=True))
    costs = tuple(None if h else x.average_weekly_cost
                  for x, h in zip(summaries, hidden, strict=True))
    # A hidden type keeps its place, named with the confidential symbol, and has no value
    # anywhere: not in the chart, its labels or its workbook.
    categories = tuple(_wrap(x.label, 24) + (f" ({sym})" if h else "")
                       for x, h in zip(summaries, hidden, strict=True))
    count_panel = BarPanel(
        categories, (Series("Number of children", counts, BLUE),),
        value_axis="Number of children", number_format=COUNT, title="Number of children")
    cost_panel = BarPanel(
        categories, (Series("Average weekly cost", costs, ORANGE, "forward"),),
        value_axis="£ a week", number_format=MONEY_FULL, title="Average weekly cost")
    as_at = f" on {formatting.long_date(p.as_at)}" if p.as_at else ""
    parts = [f"{x.label} not shown" if h else
             f"{x.label} {formatting.number(x.count)} at "
             f"{formatting.money(x.average_weekly_cost)} a week"
             for x, h in zip(summaries, hidden, strict=True)]
    key: tuple[str, ...] = ()
    if plan.is_hidden("total"):
        total_text = " The total is not shown."
    else:
        total = formatting.number(p.total.count)
        key = (total,)
        total_text = (f" In total {total} children at an average of "
                      f"{formatting.money(p.total.average_weekly_cost)} a week.")
    alt = (f"Two bar charts of children in placements by type{as_at}: the number of children "
           f"and the average weekly cost of each type. " + "; ".join(parts) + "." + total_text)
    caption = f"Children in placements by type and average weekly cost{as_at}"
    if any(hidden) or plan.is_hidden("total"):
        alt += " " + plan.note()
        caption += f" ({plan.legend([sym])})"
    # Each panel is half the text width, so its labels wrap more: room for two lines each
    # (LibreOffice leaves out labels it finds crowded).
    height = 3.0 + 1.05 * len(summaries)
    return ChartSpec("placements_by_type", (count_panel, cost_panel), alt, caption, key,
                     height)


def benchmarks_chart(args: Sequence[str], metrics: Metrics,
                     datasets: Mapping[str, pd.DataFrame], opts: ChartOptions,
                     kind: str = "benchmarks") -> ChartSpec:
    """One measure for the council against each statistical neighbour, their average and
    England, in the latest period in the data (``kind``: the benchmarks or indicators data)."""
    frame = datasets.get(kind)
    _need(kind, frame, kind)
    assert frame is not None
    measure = " ".join(args).strip().strip('"\u201c\u201d')
    comparison = benchmark_comparison(frame, measure, opts.council,
                                      opts.files.get(kind), f"[chart: {kind}]")
    measure, period, found = comparison.measure, comparison.period, comparison.rows
    places = 0 if all(b.value.is_integer() for b in found) else 1

    def fmt(value: float) -> str:
        return formatting.number(value, places)

    council = comparison.council
    neighbours = list(comparison.neighbours)
    england = list(comparison.england)
    average = comparison.neighbours_average
    bars: list[tuple[str, float, str, str]] = [(council.area, council.value, VERMILLION, "")]
    if len(neighbours) > 1 and average is not None:
        bars += [(b.area, b.value, SKY_BLUE, "") for b in neighbours]
        bars.append(("Statistical neighbours average", average, BLUE, "forward"))
    elif neighbours and average is not None:
        bars.append((neighbours[0].area, average, BLUE, "forward"))
    bars += [(b.area, b.value, GREEN, "cross") for b in england]
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
    # One series, each bar in its own colour and pattern; no legend, since the axis names
    # every bar.
    panel = BarPanel(
        tuple(name for name, *_ in bars),
        (Series(measure, tuple(value for _, value, _, _ in bars), VERMILLION,
                point_colours=tuple(colour for *_, colour, _ in bars),
                point_patterns=tuple(pattern for *_, pattern in bars)),),
        value_axis=measure, number_format=COUNT if places == 0 else COUNT_1DP)
    return ChartSpec("benchmarks", (panel,), alt,
                     f"{measure}, {period}: {council.area} compared with statistical "
                     "neighbours and England", (fmt(council.value),), 2.0 + 0.62 * len(bars))


# --------------------------------------------------------------------------- entry point

ChartBuilder = Callable[[Sequence[str], Metrics, Mapping[str, pd.DataFrame], ChartOptions],
                        ChartSpec]

CHARTS: dict[str, ChartBuilder] = {
    "budget": budget_chart,
    "spend_by_period": spend_by_period_chart,
    "savings": savings_chart,
    "placements_by_type": placements_by_type_chart,
    "benchmarks": benchmarks_chart,
    # The same comparison over the indicators data set: [chart: indicators MEASURE].
    "indicators": lambda args, metrics, datasets, opts: benchmarks_chart(
        args, metrics, datasets, opts, "indicators"),
}
#: Which data sets each chart's metrics are computed from at drawing time (beyond the metrics
#: computed at load): the per-period budget series and the benchmark comparison.
DATASETS_NEEDED: dict[str, tuple[str, ...]] = {
    "spend_by_period": ("budget",),
    "benchmarks": ("benchmarks",),
    "indicators": ("indicators",),
}


def build_chart(name: str, args: Sequence[str], metrics: Metrics,
                datasets: Mapping[str, pd.DataFrame], opts: ChartOptions) -> ChartSpec:
    """Draw the chart a ``[chart: NAME ARGS…]`` directive asks for."""
    builder = CHARTS.get(name)
    if builder is None:
        raise ReportgenError(f"unknown chart '{name}' (charts: {', '.join(sorted(CHARTS))})")
    return builder(args, metrics, datasets, opts)
