"""Generated tables: metrics in, a plain table description out (no Word objects here).

A narrative asks for a table with a directive line such as ``[table: savings £000s]``. Each
builder below turns metrics into a :class:`TableSpec`; ``render/blocks.py`` writes it into the
document with the house style's table style and a header row that repeats on every page.

Which cells a public report may show is decided once a document by :mod:`reportgen.disclosure`
(tables, charts, alt text, narrative names and the disclosure check all ask its plan); a hidden
cell shows its GSS symbol (``c`` by default) and the table carries a legend. So does a figure
the data do not hold (``x``, not available): no cell is left empty, because an empty cell reads
as a gap in the table and a tagged PDF exports it as an empty paragraph that screen readers
stop on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from reportgen import disclosure, formatting, limits
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics

Align = Literal["left", "right", "center"]


@dataclass(frozen=True)
class Column:
    header: str
    align: Align = "left"


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    caption: str | None = None
    note: str | None = None
    # Raw values behind each money/count cell, for the checker (row index → column → value).
    values: tuple[tuple[float | None, ...], ...] = field(default=(), compare=False)
    # The legend of the symbols the table uses (also the end of ``note``, where it is shown).
    legend: str | None = None


@dataclass(frozen=True)
class TableOptions:
    units: Literal["£", "£000s"]
    public: bool
    threshold: int
    top_n: int
    # The document's disclosure plan (made once by the renderer); None: made from the metrics.
    plan: disclosure.Plan | None = field(default=None, compare=False)
    symbols: disclosure.Symbols = field(default_factory=disclosure.Symbols)


def _plan(metrics: Metrics, opts: TableOptions) -> disclosure.Plan:
    if opts.plan is not None:
        return opts.plan
    return disclosure.plan_for(metrics, opts.threshold, opts.public, opts.symbols, opts.top_n)


def _with_legend(spec: TableSpec, symbols: disclosure.Symbols, threshold: int) -> TableSpec:
    """Add the legend of whichever symbols the table's cells use under it."""
    used = {cell.strip() for row in (*spec.rows, *([spec.total] if spec.total else []))
            for cell in row} & set(symbols.all())
    legend = symbols.legend(used, threshold)
    if not legend:
        return spec
    note = f"{spec.note} {legend}" if spec.note else legend
    return replace(spec, note=note, legend=legend)


def _unit_label(units: str) -> str:
    return "£000s" if units == "£000s" else "£"


def _money_cells(amounts: Sequence[float | None], units: str,
                 symbols: disclosure.Symbols) -> list[str]:
    """Money as a table shows it; an amount the data do not hold as "x" (not available)."""
    return [symbols.not_available if a is None else formatting.money_table(a, units)
            for a in amounts]


def _require(metrics: Metrics, what: str, name: str) -> None:
    if getattr(metrics, what) is None:
        raise ReportgenError(
            f"[table: {name}] needs the {what} data set: add data: {what}: FILE to report.yaml"
        )


def savings_table(metrics: Metrics, opts: TableOptions) -> TableSpec:
    _require(metrics, "savings", "savings")
    assert metrics.savings is not None
    s = metrics.savings
    unit = _unit_label(opts.units)
    show_area = len(s.areas) > 1
    columns = [
        *( [Column("Area")] if show_area else [] ),
        Column("Measure"),
        Column(f"Target ({unit})", "right"),
        Column(f"Achieved ({unit})", "right"),
        Column("Achieved (% of target)", "right"),
    ]
    rows = []
    na = opts.symbols.not_applicable
    for m in s.measures:
        pct = na if m.achieved_pct is None else formatting.percent(m.achieved_pct)
        rows.append((*([m.area] if show_area else []), m.measure,
                     *_money_cells([m.target, m.achieved], opts.units, opts.symbols), pct))
    t = s.total
    total_pct = na if t.achieved_pct is None else formatting.percent(t.achieved_pct)
    # With an Area column the total row is labelled in it ("Total") and covers every
    # measure; its first cell is the label the checker reads a Total row by.
    label = ("Total", "All measures") if show_area else ("Total",)
    total = (*label, *_money_cells([t.target, t.achieved], opts.units, opts.symbols),
             total_pct)
    return _with_legend(TableSpec("savings", tuple(columns), tuple(rows), total,
                                  caption=f"Savings achieved against target ({unit})"),
                        opts.symbols, opts.threshold)


def savings_achieved_table(metrics: Metrics, opts: TableOptions) -> TableSpec:
    """The two-column form of Herefordshire 2018: measure and amount achieved."""
    _require(metrics, "savings", "savings_achieved")
    assert metrics.savings is not None
    s = metrics.savings
    unit = _unit_label(opts.units)
    rows = tuple((m.measure, *_money_cells([m.achieved], opts.units, opts.symbols))
                 for m in s.measures)
    total = ("Total savings", *_money_cells([s.total.achieved], opts.units, opts.symbols))
    spec = TableSpec("savings_achieved", (Column("Measure"), Column(unit, "right")), rows,
                     total, caption=f"Savings achieved by measure ({unit})")
    return _with_legend(spec, opts.symbols, opts.threshold)


def budget_table(metrics: Metrics, opts: TableOptions) -> TableSpec:
    _require(metrics, "budget", "budget")
    assert metrics.budget is not None
    b = metrics.budget
    unit = _unit_label(opts.units)
    columns = (
        Column("Budget line"),
        Column(f"Budget ({unit})", "right"),
        Column(f"Projected spend ({unit})", "right"),
        Column(f"Variance ({unit})", "right"),
    )
    rows = tuple(
        (line.line, *_money_cells([line.budget, line.projected_spend, line.variance],
                                  opts.units, opts.symbols))
        for line in b.lines
    )
    t = b.total
    total = ("Total", *_money_cells([t.budget, t.projected_spend, t.variance], opts.units,
                                    opts.symbols))
    period = f" {b.period}" if b.period else ""
    spec = TableSpec("budget", columns, rows, total,
                     caption=f"Budget and projected spend{period} ({unit})",
                     note="A positive variance is an overspend; an underspend is shown in "
                          "brackets.")
    return _with_legend(spec, opts.symbols, opts.threshold)


def high_cost_table(metrics: Metrics, opts: TableOptions, n: int | None = None) -> TableSpec:
    """The top-N costliest placements. In a public report that hides any placement type's
    count, placements of hidden types are left out (the list is filled from the next
    costliest and ranked among the rows listed), so that neither a small type's count nor a
    child's cost in it can be read off; a note says so whenever any type is hidden."""
    _require(metrics, "placements", "high_cost_placements")
    assert metrics.placements is not None
    plan = _plan(metrics, opts)
    top = plan.top[: n or opts.top_n]
    columns = (
        Column("Rank", "right"),
        Column("Placement type"),
        Column("Provider type"),
        Column("Weekly cost (£)", "right"),
        Column("Net weekly cost (£)", "right"),
        Column("Annual cost (£)", "right"),
    )
    rows = tuple(
        (str(p.rank), p.placement_type_label, p.provider_type_label,
         *_money_cells([p.weekly_cost, p.net_weekly_cost, p.annual_cost], "£", opts.symbols))
        for p in top
    )
    note = ("Net weekly cost is after health and education contributions. Annual cost is "
            "the weekly cost for 52 weeks.")
    caption = f"The {len(rows)} highest-cost placements (anonymised)"
    if plan.top_filtered:
        caption = (f"The {len(rows)} highest-cost placements of the placement types this "
                   "report shows (anonymised)")
        note += (" Placements of a type whose number of children is not shown are not "
                 "listed, so that neither that number nor any child's cost can be worked out; "
                 "ranks are among the placements listed.")
    spec = TableSpec("high_cost_placements", columns, rows, None, caption=caption, note=note)
    return _with_legend(spec, opts.symbols, opts.threshold)


def placements_by_type_table(metrics: Metrics, opts: TableOptions) -> TableSpec:
    """Children by placement type with average and annual cost; the plan decides which rows
    and whether the total may be shown (the total is computed from all the data)."""
    _require(metrics, "placements", "placements_by_type")
    assert metrics.placements is not None
    p = metrics.placements
    plan = _plan(metrics, opts)
    c = plan.symbols.confidential
    columns = (
        Column("Placement type"),
        Column("Number of children", "right"),
        Column("Average weekly cost (£)", "right"),
        Column("Annual cost (£)", "right"),
    )
    rows: list[tuple[str, ...]] = []
    for s in p.by_type:
        if plan.is_hidden(s.placement_type):
            rows.append((s.label, c, c, c))
        else:
            rows.append((s.label, formatting.number(s.count),
                         *_money_cells([s.average_weekly_cost, s.annual_cost], "£",
                                       plan.symbols)))
    t = p.total
    if plan.is_hidden("total"):
        total: tuple[str, ...] = ("Total", c, c, c)
    else:
        total = ("Total", formatting.number(t.count),
                 *_money_cells([t.average_weekly_cost, t.annual_cost], "£", plan.symbols))
    as_at = f" on {formatting.long_date(p.as_at)}" if p.as_at else ""
    spec = TableSpec("placements_by_type", columns, tuple(rows), total,
                     caption=f"Children in placements by type{as_at}",
                     note=plan.note() or None)
    return _with_legend(spec, plan.symbols, plan.threshold)


TableBuilder = Callable[[Metrics, TableOptions], TableSpec]

TABLES: dict[str, TableBuilder] = {
    "savings": savings_table,
    "savings_achieved": savings_achieved_table,
    "budget": budget_table,
    "high_cost_placements": high_cost_table,
    "placements_by_type": placements_by_type_table,
}
ALIASES = {"top_placements": "high_cost_placements", "high_cost": "high_cost_placements",
           "budget_position": "budget", "savings_by_measure": "savings"}


def build_table(name: str, args: Sequence[str], metrics: Metrics, opts: TableOptions) -> TableSpec:
    """Build the table a ``[table: NAME ARGS…]`` directive asks for.

    Arguments: ``£000s`` or ``£`` for money units, a whole number for top-N tables.
    """
    key = ALIASES.get(name, name)
    if key in INDICATOR_TABLES:
        # Indicator tables take no options but the symbols (callers may pass none at all).
        symbols = opts.symbols if opts is not None else None
        return indicators_table(metrics, key, args, symbols)
    if key not in TABLES:
        known = ", ".join(sorted([*TABLES, *INDICATOR_TABLES]))
        raise ReportgenError(f"unknown table '{name}' (tables: {known})")
    units = opts.units
    n: int | None = None
    for arg in args:
        if arg in ("£000s", "£000", "£k"):
            units = "£000s"
        elif arg == "£":
            units = "£"
        elif arg.isascii() and arg.isdigit():
            if not 0 < len(arg) <= 6 or not 0 < int(arg) <= limits.MAX_TABLE_ROWS:
                raise ReportgenError(f"[table: {name}]: the number of rows must be from 1 to "
                                     f"{limits.MAX_TABLE_ROWS:,}, not {arg[:12]}"
                                     f"{'…' if len(arg) > 12 else ''}")
            n = int(arg)
        else:
            raise ReportgenError(f"[table: {name}]: unknown option '{arg}' "
                                 "(expected £, £000s or a number of rows)")
    chosen = replace(opts, units=units)
    if key == "high_cost_placements":
        return high_cost_table(metrics, chosen, n)
    return TABLES[key](metrics, chosen)


# --------------------------------------------------------------------------- indicators

INDICATOR_TABLES = ("indicators", "benchmarks")
_AREA_WORDS = {"council": ("council",), "neighbours": ("statistical_neighbour",),
               "region": ("region",), "england": ("england",), "other": ("other",)}
_AVERAGE_ROW = "Statistical neighbours average"


def _selection(name: str, args: Sequence[str]) -> dict[str, list[str]]:
    """``"Measure one"; "Measure two" areas=council;england periods=2015/16;2016/17`` →
    {"measures": [...], "areas": [...], "periods": [...]}. Quotes may be straight or curly;
    lists are separated by semicolons (names such as "Bristol, City of" hold commas)."""
    text = " ".join(args).replace("\u201c", '"').replace("\u201d", '"')
    out: dict[str, list[str]] = {"measures": [], "areas": [], "periods": []}
    pos = 0
    pattern = re.compile(r'\s*(?:(measures?|areas?|periods?)\s*=\s*)?(?:"([^"]*)"|([^\s"]+))')
    while pos < len(text):
        m = pattern.match(text, pos)
        if m is None or m.end() == pos:
            if text[pos:].strip():
                raise ReportgenError(f"[table: {name}]: unclosed quote in "
                                     f"'{text[pos:][:40]}'")
            break
        pos = m.end()
        key = (m[1] or "measures").rstrip("s") + "s"
        value = m[2] if m[2] is not None else m[3]
        parts = [p.strip() for p in value.split(";") if p.strip()]
        out[key].extend(parts)
        if sum(len(v) for v in out.values()) > limits.MAX_INDICATOR_SELECTION:
            raise ReportgenError(f"[table: {name}]: more than "
                                 f"{limits.MAX_INDICATOR_SELECTION} names selected")
    return out


def _find(options: Sequence[str], wanted: str, what: str, name: str) -> str:
    for option in options:
        if option.lower() == wanted.lower():
            return option
    listed = "; ".join(options[:12])
    raise ReportgenError(f"[table: {name}]: no {what} '{wanted}' in the {name} data "
                         f"({what}s: {listed})")


def indicators_table(metrics: Metrics, name: str, args: Sequence[str],
                     symbols: disclosure.Symbols | None = None) -> TableSpec:
    """``[table: indicators "MEASURE" areas=… periods=…]``: values as written, one row a
    measure and area, one column a period. Areas: names, or council, neighbours, average,
    region, england, all (the default); periods: labels, latest (the default for several
    areas) or all. A value the data do not hold for an area and period (a measure reported
    in other periods, an area missing from one) shows ``symbols.not_available`` ("x"), and
    the note says what it means; the data's own symbols are shown as written."""
    from reportgen.metrics.indicators import show

    data = getattr(metrics, name)
    if data is None:
        raise ReportgenError(f"[table: {name}] needs the {name} data set: add data: {name}: "
                             "FILE to report.yaml")
    chosen = _selection(name, args)
    measures = list(data)
    if chosen["measures"]:
        names = [_find([s.measure for s in measures], m, "measure", name)
                 for m in chosen["measures"]]
        measures = [data[n] for n in names]
    rows: list[tuple[str, ...]] = []
    values: list[tuple[float | None, ...]] = []
    all_periods: list[str] = []
    for series in measures:
        labels = [p.period for p in series]
        wanted = chosen["periods"]
        if not wanted or [w.lower() for w in wanted] == ["latest"]:
            picked = labels[-1:] if (not wanted and len(measures) > 1) or wanted else labels
        elif [w.lower() for w in wanted] == ["all"]:
            picked = labels
        else:
            picked = [_find(labels, w, "period", name) for w in wanted]
        for label in picked:
            if label not in all_periods:
                all_periods.append(label)
    if not all_periods:
        raise ReportgenError(f"[table: {name}]: nothing selected")
    several = len(measures) > 1
    given = symbols or disclosure.Symbols()
    missing = given.not_available
    filled = False
    area_rows: list[tuple[str, str, list[str], list[float | None]]] = []
    for series in measures:
        areas: list[str] = []
        for point in series:
            if point.period in all_periods:
                areas += [a.area for a in point.areas if a.area not in areas]
        picked_areas = _pick_areas(series, areas, chosen["areas"], name)
        for area in picked_areas:
            cells: list[str] = []
            raw: list[float | None] = []
            for label in all_periods:
                point = series.get(label)
                if point is None:
                    shown = ""
                    raw.append(None)
                elif area == _AVERAGE_ROW:
                    shown = show(point.neighbours_average, point.neighbours_decimals,
                                 point.unit)
                    raw.append(point.neighbours_average)
                else:
                    item = point.areas.get(area)
                    shown = "" if item is None else item.shown
                    raw.append(None if item is None else item.value)
                filled = filled or not shown
                cells.append(shown or missing)
            area_rows.append((series.measure, area, cells, raw))
    show_area = len({a for _, a, _, _ in area_rows}) > 1
    columns = [*( [Column("Measure")] if several else [] ),
               *( [Column("Area")] if show_area else [] ),
               *(Column(label, "right") for label in all_periods)]
    if not several and not show_area:
        columns.insert(0, Column("Measure"))
    for measure, area, cells, raw in area_rows:
        lead = [*([measure] if several or not show_area else []), *([area] if show_area else [])]
        rows.append((*lead, *cells))
        values.append((*(None for _ in lead), *raw))
    caption = "; ".join(s.measure for s in measures[:3]) + ("…" if len(measures) > 3 else "")
    unit = measures[0].unit if not several else None
    if unit == "rate per 10,000" and "10,000" not in caption:
        caption = f"{caption} (rate per 10,000)"
    note = None
    if any(area == _AVERAGE_ROW for _, area, _, _ in area_rows):
        note = ("The statistical neighbours average is as published where the data give it, "
                "otherwise the mean of the neighbours shown.")
    legend = None
    if filled:
        legend = given.legend({missing}, 0)
        note = f"{note} {legend}" if note else legend
    return TableSpec(name, tuple(columns), tuple(rows), None, caption=caption, note=note,
                     values=tuple(values), legend=legend)


def _pick_areas(series: object, areas: list[str], wanted: list[str], name: str) -> list[str]:
    from reportgen.metrics.model import IndicatorSeries

    assert isinstance(series, IndicatorSeries)
    kinds: dict[str, str] = {}
    for point in series:
        for item in point.areas:
            kinds.setdefault(item.area, item.area_type)
    has_average = any(p.neighbours_average is not None for p in series)
    published = [a for a in areas if kinds.get(a) == "statistical_neighbour"
                 and re.search(r"\b(average|mean)\b", a, re.IGNORECASE)]
    if not wanted or [w.lower() for w in wanted] == ["all"]:
        out = list(areas)
        neighbours = [a for a in areas if kinds.get(a) == "statistical_neighbour"]
        if len(neighbours) > 1 and not published and has_average:
            # After the last neighbour: the average belongs with them.
            at = max(out.index(a) for a in neighbours) + 1
            out.insert(at, _AVERAGE_ROW)
        return out
    out = []
    for w in wanted:
        word = w.lower()
        if word in ("average", "neighbours average", "statistical neighbours average"):
            out += published or ([_AVERAGE_ROW] if has_average else [])
        elif word in _AREA_WORDS:
            out += [a for a in areas if kinds.get(a) in _AREA_WORDS[word]
                    and (word != "neighbours" or a not in published)]
        else:
            out.append(_find(areas, w, "area", name))
    return list(dict.fromkeys(out))
