"""Generated tables: metrics in, a plain table description out (no Word objects here).

A narrative asks for a table with a directive line such as ``[table: savings £000s]``. Each
builder below turns metrics into a :class:`TableSpec`; ``render/blocks.py`` writes it into the
document with the house style's table style and a header row that repeats on every page.

Which cells a public report may show is decided once a document by :mod:`reportgen.disclosure`
(tables, charts, alt text, narrative names and the disclosure check all ask its plan); a hidden
cell shows its GSS symbol (``c`` by default) and the table carries a legend.
"""

from __future__ import annotations

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


def _money_cells(amounts: Sequence[float | None], units: str) -> list[str]:
    return ["" if a is None else formatting.money_table(a, units) for a in amounts]


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
                     *_money_cells([m.target, m.achieved], opts.units), pct))
    t = s.total
    total_pct = na if t.achieved_pct is None else formatting.percent(t.achieved_pct)
    total = (*([""] if show_area else []), "Total",
             *_money_cells([t.target, t.achieved], opts.units), total_pct)
    return _with_legend(TableSpec("savings", tuple(columns), tuple(rows), total,
                                  caption=f"Savings achieved against target ({unit})"),
                        opts.symbols, opts.threshold)


def savings_achieved_table(metrics: Metrics, opts: TableOptions) -> TableSpec:
    """The two-column form of Herefordshire 2018: measure and amount achieved."""
    _require(metrics, "savings", "savings_achieved")
    assert metrics.savings is not None
    s = metrics.savings
    unit = _unit_label(opts.units)
    rows = tuple((m.measure, *_money_cells([m.achieved], opts.units)) for m in s.measures)
    total = ("Total savings", *_money_cells([s.total.achieved], opts.units))
    return TableSpec("savings_achieved", (Column("Measure"), Column(unit, "right")), rows, total,
                     caption=f"Savings achieved by measure ({unit})")


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
        (line.line, *_money_cells([line.budget, line.projected_spend, line.variance], opts.units))
        for line in b.lines
    )
    t = b.total
    total = ("Total", *_money_cells([t.budget, t.projected_spend, t.variance], opts.units))
    period = f" {b.period}" if b.period else ""
    return TableSpec("budget", columns, rows, total,
                     caption=f"Budget and projected spend{period} ({unit})",
                     note="A positive variance is an overspend; an underspend is shown in "
                          "brackets.")


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
         *_money_cells([p.weekly_cost, p.net_weekly_cost, p.annual_cost], "£"))
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
    return TableSpec("high_cost_placements", columns, rows, None, caption=caption, note=note)


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
                         *_money_cells([s.average_weekly_cost, s.annual_cost], "£")))
    t = p.total
    if plan.is_hidden("total"):
        total: tuple[str, ...] = ("Total", c, c, c)
    else:
        total = ("Total", formatting.number(t.count),
                 *_money_cells([t.average_weekly_cost, t.annual_cost], "£"))
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
    if key not in TABLES:
        raise ReportgenError(f"unknown table '{name}' (tables: {', '.join(sorted(TABLES))})")
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
