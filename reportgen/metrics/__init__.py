"""Pure pandas computations over the canonical data sets (see docs/architecture.md).

One concept a module: ``model`` (the :class:`Metrics` result and its value classes),
``keyed`` (the collection type), ``frames`` (columns checked again, typed working copies),
``placements``, ``finance`` (budget and savings), ``selection`` (which period's rows, the
as-at window, the budget series of a year), ``benchmarks`` and ``compute``
(:func:`compute_metrics`). Metrics never format and never name: how the checker words a figure
lives in ``checks/vocabulary.py``.
"""

from __future__ import annotations

from reportgen.metrics.benchmarks import benchmark_comparison
from reportgen.metrics.compute import compute_metrics
from reportgen.metrics.finance import (
    budget_periods,
    budget_position,
    savings_for_period,
    savings_periods,
    savings_summary,
)
from reportgen.metrics.frames import placement_type_labels
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import (
    Benchmark,
    BenchmarkComparison,
    BudgetLine,
    BudgetPosition,
    Change,
    Changes,
    Flows,
    HighCostPlacement,
    InPeriodCost,
    Metrics,
    PeriodBudget,
    PlacementMetrics,
    SavingsMeasure,
    SavingsSummary,
    SavingsTotal,
    TypeSummary,
    change,
)
from reportgen.metrics.placements import (
    DAYS_PER_WEEK,
    PROVIDER_TYPE_LABELS,
    WEEKS_PER_YEAR,
    average_annual_cost_per_child,
    in_period_cost,
    placement_flows,
    placements_by_type,
    placements_total,
    top_placements,
)
from reportgen.metrics.selection import budget_by_period, report_year

__all__ = [
    "DAYS_PER_WEEK", "PLACEMENT_TYPE_LABELS", "PROVIDER_TYPE_LABELS", "WEEKS_PER_YEAR",
    "Benchmark", "BenchmarkComparison", "BudgetLine", "BudgetPosition", "Change", "Changes",
    "Flows", "HighCostPlacement", "InPeriodCost", "Keyed", "Metrics", "PeriodBudget",
    "PlacementMetrics", "SavingsMeasure", "SavingsSummary", "SavingsTotal", "TypeSummary",
    "average_annual_cost_per_child", "benchmark_comparison", "budget_by_period",
    "budget_periods", "budget_position", "change", "compute_metrics", "in_period_cost",
    "placement_flows", "placement_type_labels", "placements_by_type", "placements_total",
    "report_year", "savings_for_period", "savings_periods", "savings_summary", "top_placements",
]


def __getattr__(name: str) -> dict[str, str]:
    # The data layer's vocabulary, looked up when first asked for: importing reportgen.data
    # loads pandera, which importing metrics must not.
    if name == "PLACEMENT_TYPE_LABELS":
        return placement_type_labels()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
