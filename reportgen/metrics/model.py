"""The metrics result: frozen value classes holding plain numbers, and nothing else.

Metrics never format: every figure is a plain number (float pounds, int counts, or a fraction
for percentages, 0.768 meaning 76.8%). Formatting belongs to ``formatting.py``, wording to
templates, and how the checker names a figure to ``checks/vocabulary.py``. A figure's stable id
is its attribute path from the names in :meth:`Metrics.namespace` (``budget.total.variance``).

Sensitive columns (``reference``, ``provider``, ``child_name``, ``date_of_birth``) are never
copied into a result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from reportgen.metrics.keyed import Keyed
from reportgen.periods import Period


def ratio(numerator: float, denominator: float) -> float | None:
    """``numerator / denominator``, or None when the denominator is 0 (no meaningful share)."""
    return numerator / denominator if denominator else None



@dataclass(frozen=True)
class TypeSummary:
    """Placements of one type active on a date (or all types, for the total)."""

    placement_type: str
    label: str
    count: int
    total_weekly_cost: float
    average_weekly_cost: float
    annual_cost: float


@dataclass(frozen=True)
class Flows:
    """Placements that started and ended within ``[start, end]`` (both days inclusive)."""

    start: date
    end: date
    started: int
    ended: int

    @property
    def net(self) -> int:
        """Growth in the number of placements: started minus ended."""
        return self.started - self.ended


@dataclass(frozen=True)
class InPeriodCost:
    """Cost incurred in ``[start, end]``: weekly cost / 7 for each day of the period the
    placement is open on (its start date up to the day before its end date)."""

    start: date
    end: date
    gross: float
    contributions: float
    net: float


@dataclass(frozen=True)
class HighCostPlacement:
    """One anonymised row of the high-cost placements table.

    Deliberately has no reference, provider, child name or date of birth.
    """

    rank: int
    placement_type: str
    placement_type_label: str
    provider_type: str
    provider_type_label: str
    weekly_cost: float
    net_weekly_cost: float
    annual_cost: float
    net_annual_cost: float


@dataclass(frozen=True)
class PlacementMetrics:
    """Everything about the placements data set, as at one date."""

    as_at: date | None
    by_type: Keyed[TypeSummary]
    total: TypeSummary
    top: tuple[HighCostPlacement, ...]
    average_annual_cost_per_child: float | None
    flows: Flows | None = None
    # Flows of placements bought from the independent sector (private and voluntary providers).
    external_flows: Flows | None = None
    in_period_cost: InPeriodCost | None = None
    # The costliest placements of each type (up to top_n a type, ranked as in ``top``), so
    # that a public report can list the top N of the types it may show (reportgen.disclosure).
    top_by_type: tuple[HighCostPlacement, ...] = field(default=(), compare=False)
    # Placements whose cost was renegotiated (the data's ``renegotiated`` flag), when given.
    renegotiated: int | None = None
    # Gross weekly cost of the ``top`` placements together ("the 5 most expensive ... £X").
    top_weekly_cost: float = 0.0


@dataclass(frozen=True)
class BudgetLine:
    """One budget line (or the total): variance > 0 is an overspend, < 0 an underspend."""

    line: str
    budget: float
    projected_spend: float
    variance: float
    variance_pct: float | None  # fraction of budget; None when the budget is 0


@dataclass(frozen=True)
class BudgetPosition:
    """Budget lines of one period, in file order, and their total."""

    period: str | None
    lines: Keyed[BudgetLine]
    total: BudgetLine
    # Subtotals of lines sharing a value in the optional ``group`` column (e.g. "Independent
    # placements" for IFA and residential lines), in order of first appearance.
    groups: Keyed[BudgetLine] = field(default_factory=lambda: Keyed([], lambda x: x.line))


@dataclass(frozen=True)
class SavingsMeasure:
    area: str
    measure: str
    target: float
    achieved: float
    forecast: float | None  # as given; None when the file has no forecast
    status: str | None
    achieved_pct: float | None  # fraction of target; None when the target is 0


@dataclass(frozen=True)
class SavingsTotal:
    """Savings of one area, or of all areas (``area`` is None for the grand total)."""

    area: str | None
    target: float
    achieved: float
    forecast: float  # forecast where given, otherwise what has been achieved
    achieved_pct: float | None
    shortfall: float  # max(target - achieved, 0)


@dataclass(frozen=True)
class SavingsSummary:
    measures: Keyed[SavingsMeasure]
    areas: Keyed[SavingsTotal]
    total: SavingsTotal
    # The period of the rows summarised, when the file has a period column.
    period: str | None = None


@dataclass(frozen=True)
class Change:
    """A figure in this period and the one before: ``difference`` > 0 means it went up.

    ``since`` is the previous period's label ("2016/17 Q1"). Narrative words it with the
    ``change_phrase`` filter: "up £120k since 2016/17 Q1".
    """

    current: float
    previous: float
    difference: float
    since: str | None = None

    @property
    def pct(self) -> float | None:
        """The difference as a fraction of the previous value (None when that was 0)."""
        return ratio(self.difference, self.previous)


def change(current: float, previous: float, since: str | None = None) -> Change:
    """The change from ``previous`` to ``current`` (both plain numbers)."""
    return Change(float(current), float(previous), float(current) - float(previous), since)


@dataclass(frozen=True)
class Changes:
    """Headline figures against the previous period; None where that period has no data.

    Templates read e.g. ``changes.budget_variance.difference`` or
    ``changes.budget_variance | change_phrase('k')``.
    """

    since: str | None = None
    budget_budget: Change | None = None
    budget_projected_spend: Change | None = None
    budget_variance: Change | None = None
    savings_target: Change | None = None
    savings_achieved: Change | None = None
    savings_forecast: Change | None = None

    def items(self) -> list[tuple[str, Change]]:
        """The changes present, as (name, change), in field order."""
        names = ("budget_budget", "budget_projected_spend", "budget_variance",
                 "savings_target", "savings_achieved", "savings_forecast")
        out: list[tuple[str, Change]] = []
        for name in names:
            value = getattr(self, name)
            if value is not None:
                out.append((name, value))
        return out


@dataclass(frozen=True)
class PeriodBudget:
    """The budget total for the year as reported at one period of it (a chart's bar pair)."""

    period: Period
    name: str  # the period within its year ("Q1", "M5"), or "Year end" for the outturn
    total: BudgetLine


AreaType = Literal["council", "statistical_neighbour", "england"]
AREA_TYPES: tuple[AreaType, ...] = ("council", "statistical_neighbour", "england")


@dataclass(frozen=True)
class Benchmark:
    """One area's value of a benchmark measure."""

    area: str
    area_type: AreaType
    value: float


@dataclass(frozen=True)
class BenchmarkComparison:
    """One measure in one period: the council against its statistical neighbours and England.

    ``rows`` keep file order; ``neighbours_average`` is the mean of the neighbours when there
    are several, the one neighbour's value when there is one, and None when there are none.
    """

    measure: str
    period: str
    rows: tuple[Benchmark, ...]
    council: Benchmark
    neighbours: tuple[Benchmark, ...]
    england: tuple[Benchmark, ...]
    neighbours_average: float | None



@dataclass(frozen=True)
class IndicatorValue:
    """One area's value of a measure in a period, at the precision it was written.

    ``value`` is None where the source shows a symbol instead (``symbol``: DfE's ``c``, ``x``,
    ``z``, ``k``…). ``decimals`` is how many decimal places were written; ``shown`` is the
    value printed so (``"42.0"``, ``"68.5%"``, ``"£1,234"``, ``"c"``).
    """

    measure: str
    period: str
    area: str
    area_type: str
    value: float | None
    decimals: int
    unit: str | None
    shown: str
    symbol: str | None = None
    numerator: float | None = None
    denominator: float | None = None
    target: float | None = None
    target_decimals: int = 0


@dataclass(frozen=True)
class IndicatorPoint:
    """A measure in one period: the council's value (or the only area's) and every area's.

    ``indicators['Foster carers net increase']['2015/16 Q3'].value`` is the council's value;
    ``….areas['England'].value`` another area's; ``….previous`` the value of the point before
    and ``….change.difference`` the change since it (``….change.since`` names that period).
    ``neighbours_average`` is the published statistical neighbours' average when the data hold
    one, else the mean of the neighbours.
    """

    measure: str
    period: str
    end: date
    unit: str | None
    area: str | None
    value: float | None
    decimals: int
    shown: str
    areas: Keyed[IndicatorValue]
    symbol: str | None = None
    numerator: float | None = None
    denominator: float | None = None
    target: float | None = None
    target_decimals: int = 0
    neighbours_average: float | None = None
    neighbours_decimals: int = 0
    england: float | None = None
    # The measure's previous point of the same kind (the quarter before a quarter, the year
    # before a year, the as-at date before an as-at date), and the change since it; None
    # when the series has no such point or either value is a symbol.
    previous_period: str | None = None
    previous: float | None = None
    previous_shown: str = ""
    change: Change | None = None


class IndicatorSeries(Keyed[IndicatorPoint]):
    """One measure's points in period order (earliest first), keyed by period label."""

    __slots__ = ("measure", "unit")

    def __init__(self, measure: str, unit: str | None, points: list[IndicatorPoint]) -> None:
        super().__init__(points, lambda p: p.period)
        self.measure = measure
        self.unit = unit


@dataclass(frozen=True)
class PlacementGroup:
    """Children looked after on a day in one of the DfE's groups of placement type."""

    group: str
    label: str
    count: int


@dataclass(frozen=True)
class CareMetrics:
    """What an SSDA903 episodes file says about children looked after (no child is named).

    Every figure follows :mod:`reportgen.metrics.measures` (the DfE's definitions, short breaks
    V3/V4 left out). Counts are of children (distinct CHILD) except where a comment says
    otherwise. The window is ``[start, end]``, both days in it.
    """

    as_at: date | None
    looked_after: int  # children looked after on ``as_at``
    start: date | None = None
    end: date | None = None
    # The DfE's counts: children who started (RNE S) / ceased (REC not X1) to be looked after
    # in the window, each child once however often.
    started: int = 0
    ceased: int = 0
    placement_changes: int = 0  # placements started in the window by a move (not a start)
    placements_started: int = 0  # placements that started in the window (a start or a move)
    placements_ended: int = 0  # placements that ended in the window
    # Stability: children looked after on ``as_at`` with 3 or more placements from
    # ``stability_from`` (1 April of the collection year) to ``as_at``, and that number as a
    # fraction of ``looked_after`` (the DfE's short-term measure; on 31 March, exactly it).
    three_or_more_placements: int = 0
    three_or_more_placements_pct: float | None = None
    stability_from: date | None = None
    # Stock and flow: children looked after on the day before ``start`` and on ``end``, and
    # periods of care started and ended in the window (not children: a child who comes into
    # care twice is two), so that looked_after_at_end = looked_after_at_start +
    # periods_started - periods_ended holds exactly (reportgen.metrics.identities).
    # None without a window: a figure never computed must not print as 0.
    looked_after_at_start: int | None = None
    looked_after_at_end: int | None = None
    periods_started: int | None = None
    periods_ended: int | None = None
    # Long-term stability: children under 16 on ``as_at`` looked after for 2.5 years or more
    # (``long_term_eligible``), those of them in the same placement for 2 years or more
    # (``long_term_stable``) and the share; None when the file does not go back far enough.
    long_term_stable: int | None = None
    long_term_eligible: int | None = None
    long_term_stable_pct: float | None = None
    # Children looked after on ``as_at`` by the DfE's groups of placement type.
    placement_groups: Keyed[PlacementGroup] = field(
        default_factory=lambda: Keyed([], lambda g: g.group), compare=False)



WindowName = Literal["period", "year_to_date", "collection_year"]
WINDOW_NAMES: tuple[WindowName, ...] = ("period", "year_to_date", "collection_year")


@dataclass(frozen=True)
class Window:
    """A span of days a report states figures for, and the figures computed over it.

    ``name`` is the narrative name (``period``, ``year_to_date``, ``collection_year``);
    ``start`` and ``end`` are its first and last days. Flows and care flows run from
    ``start`` to ``end`` or to the report's as-at date when the data stop earlier; ``as_at``
    is the day its stocks are counted on (children looked after); ``cost`` is the cost
    incurred over the whole window (weekly cost / 7 a day). Absent data sets give None.
    """

    name: WindowName
    label: str
    start: date
    end: date
    as_at: date
    flows: Flows | None = None
    external_flows: Flows | None = None
    cost: InPeriodCost | None = None
    care: CareMetrics | None = None


@dataclass(frozen=True)
class Windows:
    """The report's period, its financial year to date and the latest complete collection
    year, moved together when a build changes the period (see :mod:`reportgen.periods`)."""

    period: Window
    year_to_date: Window
    collection_year: Window

    def items(self) -> list[tuple[WindowName, Window]]:
        return [(name, getattr(self, name)) for name in WINDOW_NAMES]



@dataclass(frozen=True)
class Metrics:
    """All metrics for the data sets present (None for absent ones)."""

    period: Period | None
    as_at: date | None
    placements: PlacementMetrics | None
    budget: BudgetPosition | None
    savings: SavingsSummary | None
    previous_budget: BudgetPosition | None = None
    top_n: int = field(default=20)
    previous_savings: SavingsSummary | None = None
    indicators: Keyed[IndicatorSeries] | None = None
    benchmarks: Keyed[IndicatorSeries] | None = None
    care: CareMetrics | None = None
    # The period, year to date and collection year with their flows (None without a period).
    windows: Windows | None = None

    @property
    def changes(self) -> Changes:
        """Budget and savings totals against the previous period (see :class:`Changes`)."""
        budget: dict[str, Change] = {}
        savings: dict[str, Change] = {}
        since: str | None = None
        if self.budget is not None and self.previous_budget is not None:
            since = self.previous_budget.period
            now, before = self.budget.total, self.previous_budget.total
            budget = {
                "budget_budget": change(now.budget, before.budget, since),
                "budget_projected_spend": change(now.projected_spend, before.projected_spend,
                                                 since),
                "budget_variance": change(now.variance, before.variance, since),
            }
        if self.savings is not None and self.previous_savings is not None:
            since = since or self.previous_savings.period
            s_now, s_before = self.savings.total, self.previous_savings.total
            label = self.previous_savings.period
            savings = {
                "savings_target": change(s_now.target, s_before.target, label),
                "savings_achieved": change(s_now.achieved, s_before.achieved, label),
                "savings_forecast": change(s_now.forecast, s_before.forecast, label),
            }
        return Changes(since=since, **budget, **savings)

    def namespace(self) -> dict[str, object]:
        """The names the figure expressions refer to (what a template sees)."""
        return {
            "placements": self.placements,
            "budget": self.budget,
            "savings": self.savings,
            "previous_budget": self.previous_budget,
            "previous_savings": self.previous_savings,
            "changes": self.changes,
            "indicators": self.indicators,
            "benchmarks": self.benchmarks,
            "care": self.care,
        }
