"""Pure pandas computations over the canonical data sets (see docs/architecture.md).

Metrics never format: every figure is a plain number (float pounds, int counts, or a fraction
for percentages, 0.768 meaning 76.8%) held in a frozen dataclass. Formatting belongs to
``formatting.py`` and wording to templates.

Sensitive columns (``reference``, ``provider``, ``child_name``, ``date_of_birth``) are never
copied into a result; ``reference`` is only used to break ties deterministically.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Literal, TypeVar, overload

import pandas as pd

from reportgen.data.ssda903 import PLACEMENT_TYPES
from reportgen.errors import ReportgenError
from reportgen.periods import Period, parse_period

#: Councils annualise a weekly cost as 52 weeks (not 52.14): the convention of placement
#: budgets and of the seed reports, so "annual cost" figures match what finance teams quote.
WEEKS_PER_YEAR = 52
DAYS_PER_WEEK = 7

#: Canonical placement type → label, in the canonical (reporting) order: the data layer's
#: vocabulary, so a label is written in one place.
PLACEMENT_TYPE_LABELS: dict[str, str] = PLACEMENT_TYPES

#: Canonical provider type → label.
PROVIDER_TYPE_LABELS: dict[str, str] = {
    "in_house": "In-house",
    "private": "Private",
    "voluntary": "Voluntary",
    "other_la": "Other local authority",
}

# How a placement type reads inside a sentence ("average weekly cost of IFA placements"),
# and other phrasings a narrative may use for the count of that type.
_TYPE_NOUNS: dict[str, str] = {
    "in_house_fostering": "in-house fostering",
    "ifa": "IFA",
    "residential": "residential",
    "kinship": "kinship",
    "semi_independent": "semi-independent",
    "placed_with_parents": "placed with parents",
    "secure": "secure",
    "other": "other",
}
_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "in_house_fostering": (
        "in-house foster placements",
        "in-house fostering",
        "in house fostering",
    ),
    "ifa": (
        "placed with IFAs",
        "independent fostering agency placements",
        "independent fostering placements",
        "IFA",
    ),
    "residential": (
        "independent residential provision",
        "residential provision",
        "residential care",
        "residential",
    ),
    "kinship": ("connected carers", "kinship carers", "kinship"),
    "semi_independent": ("leaving care placements", "semi-independent"),
    "placed_with_parents": ("placed with parents",),
    "secure": ("secure placements", "secure"),
    "other": ("other placements",),
}

PLACEMENT_COLUMNS = (
    "reference",
    "placement_type",
    "provider_type",
    "start_date",
    "end_date",
    "weekly_cost",
    "health_contribution",
    "education_contribution",
)
SAVINGS_COLUMNS = ("area", "measure", "target", "achieved", "forecast", "status")
BUDGET_COLUMNS = ("line", "period", "budget", "projected_spend")


# --------------------------------------------------------------------------- result types

T = TypeVar("T")


class Keyed(Generic[T]):
    """An ordered, read-only list that can also be indexed by key.

    Templates iterate it (``{% for t in placements.by_type %}``) or pick one item by its key
    (``placements.by_type['residential']``) or position (``budget.lines[0]``).
    """

    __slots__ = ("_items", "_keys", "_index")

    def __init__(self, items: Iterable[T], key: Callable[[T], str]) -> None:
        self._items: tuple[T, ...] = tuple(items)
        self._keys: tuple[str, ...] = tuple(key(item) for item in self._items)
        index: dict[str, T] = {}
        for k, item in zip(self._keys, self._items, strict=True):
            index.setdefault(k, item)  # first wins; figures use positions for repeats
        self._index = index

    @overload
    def __getitem__(self, key: int) -> T: ...
    @overload
    def __getitem__(self, key: str) -> T: ...
    def __getitem__(self, key: int | str) -> T:
        if isinstance(key, str):
            if key not in self._index:
                # Raised as the user's error so a narrative's typo names what there is.
                known = ", ".join(f"'{k}'" for k in self._index) or "none"
                raise ReportgenError(f"no item '{key}' here (there are: {known})")
            return self._index[key]
        return self._items[key]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __bool__(self) -> bool:
        return bool(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Keyed):
            return self._items == other._items
        if isinstance(other, (list, tuple)):
            return self._items == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        return f"Keyed({list(self._items)!r})"

    def get(self, key: str, default: T | None = None) -> T | None:
        return self._index.get(key, default)

    def keys(self) -> list[str]:
        return list(self._index)

    def is_unique(self, key: str) -> bool:
        """True when exactly one item has this key (so a key lookup is unambiguous)."""
        return self._keys.count(key) == 1


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
    """Cost actually incurred in ``[start, end]``: weekly cost / 7 for each day of overlap."""

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
        return _ratio(self.difference, self.previous)


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


Unit = Literal["money", "count", "percent"]


@dataclass(frozen=True)
class Figure:
    """A headline number a narrative might quote, and how a template yields it."""

    key: str
    label: str
    value: float
    unit: Unit
    expression: str
    aliases: tuple[str, ...] = ()


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
        }

    def figures(self) -> list[Figure]:
        """Every headline number, labelled, with the Jinja2 expression that yields it."""
        out: list[Figure] = []
        if self.placements is not None:
            out.extend(_placement_figures(self.placements, self.top_n))
        if self.budget is not None:
            out.extend(_budget_figures(self.budget, "budget", ""))
        if self.previous_budget is not None:
            label = self.previous_budget.period or "previous period"
            out.extend(_budget_figures(self.previous_budget, "previous_budget", f" ({label})"))
        if self.savings is not None:
            out.extend(_savings_figures(self.savings))
        out.extend(_change_figures(self.changes))
        return out


# --------------------------------------------------------------------------- helpers


def _require(df: pd.DataFrame, dataset: str, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ReportgenError(
            f"{dataset} data has no column {missing[0]!r} (expected {', '.join(columns)})",
            column=missing[0],
        )


def _no_missing(df: pd.DataFrame, dataset: str, columns: Sequence[str]) -> None:
    """Required values must be present; the loader normally guarantees it."""
    for col in columns:
        bad = df[col].isna()
        if bool(bad.any()):
            pos = int(bad.to_numpy().argmax())
            raise ReportgenError(
                f"{dataset} data: {col} is missing in data row {pos + 1}", column=col
            )


def _money(series: pd.Series) -> pd.Series:
    """A money column as float, NA read as 0 (optional contributions default to 0)."""
    return pd.to_numeric(series, errors="raise").astype("float64").fillna(0.0)


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.normalize()


def _ts(d: date) -> pd.Timestamp:
    return pd.Timestamp(d).normalize()


def _placements(df: pd.DataFrame) -> pd.DataFrame:
    """Check the columns metrics need and return a working copy with clean dtypes."""
    _require(df, "placements", PLACEMENT_COLUMNS)
    _no_missing(df, "placements", ("placement_type", "start_date", "weekly_cost"))
    unknown = sorted(set(df["placement_type"].dropna()) - set(PLACEMENT_TYPE_LABELS))
    if unknown:
        raise ReportgenError(
            f"placements data: unknown placement type {unknown[0]!r}", column="placement_type"
        )
    work = pd.DataFrame(
        {
            "reference": df["reference"].astype("string"),
            "placement_type": df["placement_type"].astype("string"),
            "provider_type": df["provider_type"].astype("string"),
            "start_date": _dates(df["start_date"]),
            "end_date": _dates(df["end_date"]),
            "weekly_cost": _money(df["weekly_cost"]),
            "contributions": _money(df["health_contribution"])
            + _money(df["education_contribution"]),
        },
        index=df.index,
    )
    return work


def _active(work: pd.DataFrame, as_at: date) -> pd.DataFrame:
    """Placements active on ``as_at``: started on or before it, not ended before it."""
    d = _ts(as_at)
    mask = (work["start_date"] <= d) & (work["end_date"].isna() | (work["end_date"] >= d))
    return work[mask.fillna(False).astype(bool)]


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


# --------------------------------------------------------------------------- placements


def placements_by_type(placements: pd.DataFrame, as_at: date) -> list[TypeSummary]:
    """Active placements on ``as_at`` by type, in canonical order, empty types omitted."""
    active = _active(_placements(placements), as_at)
    grouped = active.groupby("placement_type", sort=False)["weekly_cost"].agg(["count", "sum"])
    out: list[TypeSummary] = []
    for ptype, label in PLACEMENT_TYPE_LABELS.items():
        if ptype not in grouped.index:
            continue
        count = int(grouped.at[ptype, "count"])
        total = float(grouped.at[ptype, "sum"])
        out.append(
            TypeSummary(
                placement_type=ptype,
                label=label,
                count=count,
                total_weekly_cost=total,
                average_weekly_cost=total / count,
                annual_cost=total * WEEKS_PER_YEAR,
            )
        )
    return out


def placements_total(summaries: Iterable[TypeSummary]) -> TypeSummary:
    """All types together; the average is weighted by count (total weekly / placements)."""
    items = list(summaries)
    count = sum(s.count for s in items)
    total = sum(s.total_weekly_cost for s in items)
    return TypeSummary(
        placement_type="all",
        label="All placements",
        count=count,
        total_weekly_cost=total,
        average_weekly_cost=total / count if count else 0.0,
        annual_cost=total * WEEKS_PER_YEAR,
    )


EXTERNAL_PROVIDER_TYPES = ("private", "voluntary")


def _external(placements: pd.DataFrame) -> pd.DataFrame:
    """Placements bought from the independent sector (private and voluntary providers)."""
    return placements[placements["provider_type"].isin(EXTERNAL_PROVIDER_TYPES).to_numpy()]


def _window_end(period: Period, as_at: date | None) -> date:
    """Flows run to the end of the period, or to the as-at date when the data stop earlier."""
    return min(period.end, as_at) if as_at is not None else period.end


def placement_flows(placements: pd.DataFrame, start: date, end: date) -> Flows:
    """Placements starting and ending within ``[start, end]`` (both days inclusive)."""
    work = _placements(placements)
    lo, hi = _ts(start), _ts(end)
    started = work["start_date"].between(lo, hi, inclusive="both")
    ended = work["end_date"].between(lo, hi, inclusive="both")
    return Flows(start=start, end=end, started=int(started.sum()), ended=int(ended.sum()))


def in_period_cost(placements: pd.DataFrame, start: date, end: date) -> InPeriodCost:
    """Cost incurred in ``[start, end]``: weekly cost / 7 for each overlapping day.

    Days are inclusive at both ends (a placement starting and ending on the same day costs
    one day). ``net`` deducts health and education contributions (NA read as 0).
    """
    if end < start:
        raise ReportgenError(f"period ends ({end}) before it starts ({start})")
    work = _placements(placements)
    lo, hi = _ts(start), _ts(end)
    first = work["start_date"].clip(lower=lo)
    last = work["end_date"].fillna(hi).clip(upper=hi)
    days = ((last - first).dt.days + 1).clip(lower=0).astype("float64")
    gross = float((work["weekly_cost"] / DAYS_PER_WEEK * days).sum())
    contributions = float((work["contributions"] / DAYS_PER_WEEK * days).sum())
    return InPeriodCost(
        start=start, end=end, gross=gross, contributions=contributions, net=gross - contributions
    )


def top_placements(placements: pd.DataFrame, as_at: date, n: int = 20) -> list[HighCostPlacement]:
    """The ``n`` costliest active placements, anonymised.

    Ordered by weekly cost (highest first), then start date (earliest first), then reference;
    the reference only breaks ties and is never returned.
    """
    if n < 0:
        raise ReportgenError(f"the number of high-cost placements must not be negative ({n})")
    active = _active(_placements(placements), as_at)
    ranked = active.sort_values(
        ["weekly_cost", "start_date", "reference"],
        ascending=[False, True, True],
        kind="mergesort",
        na_position="last",
    ).head(n)
    out: list[HighCostPlacement] = []
    for rank, row in enumerate(ranked.itertuples(index=False), start=1):
        ptype = str(row.placement_type)
        provider = "" if pd.isna(row.provider_type) else str(row.provider_type)
        weekly = float(row.weekly_cost)
        net = weekly - float(row.contributions)
        out.append(
            HighCostPlacement(
                rank=rank,
                placement_type=ptype,
                placement_type_label=PLACEMENT_TYPE_LABELS[ptype],
                provider_type=provider,
                provider_type_label=PROVIDER_TYPE_LABELS.get(provider, provider),
                weekly_cost=weekly,
                net_weekly_cost=net,
                annual_cost=weekly * WEEKS_PER_YEAR,
                net_annual_cost=net * WEEKS_PER_YEAR,
            )
        )
    return out


def average_annual_cost_per_child(placements: pd.DataFrame, as_at: date) -> float | None:
    """Gross annual cost of active placements divided by the children placed.

    Children are counted by distinct reference; None when nobody is placed on ``as_at``.
    """
    active = _active(_placements(placements), as_at)
    children = int(active["reference"].nunique())
    if children == 0:
        return None
    return float(active["weekly_cost"].sum()) * WEEKS_PER_YEAR / children


# --------------------------------------------------------------------------- budget


def _normalise_period(text: str) -> str:
    """The canonical label of a period, or the text tidied if it is not a period we know."""
    tidy = " ".join(str(text).split())
    try:
        return parse_period(tidy).label
    except ReportgenError:
        return tidy


def _budget_line(line: str, budget: float, projected: float) -> BudgetLine:
    variance = projected - budget
    return BudgetLine(
        line=line,
        budget=budget,
        projected_spend=projected,
        variance=variance,
        variance_pct=_ratio(variance, budget),
    )


def budget_periods(budget: pd.DataFrame) -> list[str]:
    """Distinct (normalised) period labels in the budget, in file order."""
    _require(budget, "budget", BUDGET_COLUMNS)
    seen: dict[str, None] = {}
    for value in budget["period"].dropna():
        seen.setdefault(_normalise_period(value), None)
    return list(seen)


def budget_position(budget: pd.DataFrame, period: str | None) -> BudgetPosition:
    """Budget, projected spend and variance per line for one period, in file order.

    ``period=None`` takes every row, which is only allowed when the file has one period.
    """
    _require(budget, "budget", BUDGET_COLUMNS)
    _no_missing(budget, "budget", BUDGET_COLUMNS)
    labels = budget["period"].map(_normalise_period)
    available = list(dict.fromkeys(labels))
    if period is None:
        if len(available) > 1:
            raise ReportgenError(
                "budget data covers several periods "
                f"({', '.join(available)}); say which period to report",
                column="period",
            )
        wanted = available[0] if available else None
        rows = budget
    else:
        wanted = _normalise_period(period)
        rows = budget[(labels == wanted).to_numpy()]
        if rows.empty:
            found = ", ".join(available) if available else "none"
            raise ReportgenError(
                f"budget data has no rows for period {wanted} (periods available: {found})",
                column="period",
            )
    names = rows["line"].astype("string")
    dupes = names[names.duplicated()]
    if not dupes.empty:
        raise ReportgenError(
            f"budget line {dupes.iloc[0]!r} appears more than once for period {wanted}",
            column="line",
        )
    amounts = rows["budget"].astype("float64")
    projected = rows["projected_spend"].astype("float64")
    lines = [
        _budget_line(str(name), float(b), float(p))
        for name, b, p in zip(names, amounts, projected, strict=True)
    ]
    total = _budget_line("Total", float(amounts.sum()), float(projected.sum()))
    groups: list[BudgetLine] = []
    if "group" in rows.columns:
        group_names = rows["group"].astype("string")
        for name in dict.fromkeys(g for g in group_names.dropna() if str(g).strip()):
            mask = (group_names == name).fillna(False).to_numpy()
            groups.append(_budget_line(str(name), float(amounts[mask].sum()),
                                       float(projected[mask].sum())))
    return BudgetPosition(period=wanted, lines=Keyed(lines, lambda x: x.line), total=total,
                          groups=Keyed(groups, lambda x: x.line))


# --------------------------------------------------------------------------- savings


def _savings_total(area: str | None, rows: pd.DataFrame) -> SavingsTotal:
    target = float(rows["target"].sum())
    achieved = float(rows["achieved"].sum())
    forecast = float(rows["forecast"].fillna(rows["achieved"]).sum())
    return SavingsTotal(
        area=area,
        target=target,
        achieved=achieved,
        forecast=forecast,
        achieved_pct=_ratio(achieved, target),
        shortfall=max(target - achieved, 0.0),
    )


def savings_periods(savings: pd.DataFrame) -> list[str]:
    """Distinct (normalised) period labels in the savings data, in file order."""
    if "period" not in savings.columns:
        return []
    seen: dict[str, None] = {}
    for value in savings["period"].dropna():
        if str(value).strip():
            seen.setdefault(_normalise_period(value), None)
    return list(seen)


def savings_for_period(savings: pd.DataFrame, period: str) -> pd.DataFrame:
    """The savings rows of one period (label compared after normalising)."""
    wanted = _normalise_period(period)
    labels = savings["period"].map(
        lambda v: None if pd.isna(v) else _normalise_period(v))
    return savings[(labels == wanted).fillna(False).to_numpy(dtype=bool)]


def _select_savings(savings: pd.DataFrame, period: Period | None
                    ) -> tuple[pd.DataFrame, str | None, str | None]:
    """(rows to report, their period label, the previous period's label if it has rows).

    Savings achieved are cumulative, so a file holding several periods (one block of rows a
    quarter) is reported one period at a time; a file with one period or none is taken whole.
    """
    available = savings_periods(savings)
    if len(available) <= 1:
        return savings, (available[0] if available else None), None
    if period is None:
        raise ReportgenError(
            f"savings data covers several periods ({', '.join(available)}); "
            "say which period to report", column="period")
    label = period.label
    if label not in available and period.financial_year in available:
        label = period.financial_year
    if label not in available:
        raise ReportgenError(
            f"savings data has no rows for period {period.label} "
            f"(periods available: {', '.join(available)})", column="period")
    before = period.previous().label
    return (savings_for_period(savings, label), label,
            before if before in available and before != label else None)


def savings_summary(savings: pd.DataFrame, period: str | None = None) -> SavingsSummary:
    """Per measure, per area (in order of first appearance) and overall savings.

    ``period`` only labels the summary; choose the rows with :func:`savings_for_period`.
    """
    _require(savings, "savings", SAVINGS_COLUMNS)
    _no_missing(savings, "savings", ("area", "measure", "target", "achieved"))
    rows = pd.DataFrame(
        {
            "area": savings["area"].astype("string"),
            "measure": savings["measure"].astype("string"),
            "target": pd.to_numeric(savings["target"]).astype("float64"),
            "achieved": pd.to_numeric(savings["achieved"]).astype("float64"),
            "forecast": pd.to_numeric(savings["forecast"]).astype("float64"),
            "status": savings["status"].astype("string"),
        }
    )
    measures = [
        SavingsMeasure(
            area=str(r.area),
            measure=str(r.measure),
            target=float(r.target),
            achieved=float(r.achieved),
            forecast=None if pd.isna(r.forecast) else float(r.forecast),
            status=None if pd.isna(r.status) else str(r.status),
            achieved_pct=_ratio(float(r.achieved), float(r.target)),
        )
        for r in rows.itertuples(index=False)
    ]
    areas = [
        _savings_total(str(area), group)
        for area, group in rows.groupby("area", sort=False, dropna=False)
    ]
    return SavingsSummary(
        measures=Keyed(measures, lambda m: m.measure),
        areas=Keyed(areas, lambda a: a.area or ""),
        total=_savings_total(None, rows),
        period=period,
    )


# --------------------------------------------------------------------------- bundle


def compute_metrics(
    datasets: Mapping[str, pd.DataFrame],
    period: Period | None = None,
    as_at: date | None = None,
    top_n: int = 20,
) -> Metrics:
    """Metrics for whichever of ``placements``, ``budget`` and ``savings`` are present.

    ``as_at`` defaults to the end of ``period``, else the latest placement start date. With a
    period, flows and in-period cost cover it and the budget uses that period's rows (or, when
    the budget only has the whole financial year, that year's rows).
    """
    placements_df = datasets.get("placements")
    budget_df = datasets.get("budget")
    savings_df = datasets.get("savings")

    if as_at is None and period is not None:
        as_at = period.end
    if as_at is None and placements_df is not None and not placements_df.empty:
        _require(placements_df, "placements", ("start_date",))
        latest = _dates(placements_df["start_date"]).max()
        as_at = None if pd.isna(latest) else latest.date()

    placements: PlacementMetrics | None = None
    if placements_df is not None:
        # No as_at only when there is no placement at all: any date gives empty results.
        when = as_at if as_at is not None else date.min
        summaries = placements_by_type(placements_df, when)
        placements = PlacementMetrics(
            as_at=as_at,
            by_type=Keyed(summaries, lambda s: s.placement_type),
            total=placements_total(summaries),
            top=tuple(top_placements(placements_df, when, top_n)),
            average_annual_cost_per_child=average_annual_cost_per_child(placements_df, when),
            flows=(
                placement_flows(placements_df, period.start, _window_end(period, as_at))
                if period is not None
                else None
            ),
            external_flows=(
                placement_flows(_external(placements_df), period.start,
                                _window_end(period, as_at))
                if period is not None
                else None
            ),
            in_period_cost=(
                in_period_cost(placements_df, period.start, period.end)
                if period is not None
                else None
            ),
        )

    budget: BudgetPosition | None = None
    previous_budget: BudgetPosition | None = None
    if budget_df is not None:
        if period is None:
            budget = budget_position(budget_df, None)
        else:
            available = budget_periods(budget_df)
            label = _normalise_period(period.label)
            if label not in available and _normalise_period(period.financial_year) in available:
                label = period.financial_year
            budget = budget_position(budget_df, label)
            before = _normalise_period(period.previous().label)
            if before in available:
                previous_budget = budget_position(budget_df, before)

    savings: SavingsSummary | None = None
    previous_savings: SavingsSummary | None = None
    if savings_df is not None:
        rows, savings_label, before_label = _select_savings(savings_df, period)
        savings = savings_summary(rows, savings_label)
        if before_label is not None:
            previous_savings = savings_summary(savings_for_period(savings_df, before_label),
                                               before_label)

    return Metrics(
        period=period,
        as_at=as_at,
        placements=placements,
        budget=budget,
        savings=savings,
        previous_budget=previous_budget,
        top_n=top_n,
        previous_savings=previous_savings,
    )


# --------------------------------------------------------------------------- figures


def _key_ref(collection: Keyed[T], key: str, position: int) -> str:
    """A Jinja2 subscript for an item: by key when unambiguous and quotable, else position."""
    if collection.is_unique(key) and "\\" not in key:
        if "'" not in key:
            return f"['{key}']"
        if '"' not in key:
            return f'["{key}"]'
    return f"[{position}]"


def _expr(path: str, unit: Unit) -> str:
    if unit == "money":
        return f"{{{{ {path} | money }}}}"
    if unit == "percent":
        return f"{{{{ {path} | percent }}}}"
    return f"{{{{ {path} }}}}"


def _fig(
    key: str,
    label: str,
    value: float,
    unit: Unit,
    aliases: Iterable[str] = (),
    expression: str | None = None,
) -> Figure:
    return Figure(
        key=key,
        label=label,
        value=float(value),
        unit=unit,
        expression=expression or _expr(key, unit),
        aliases=tuple(dict.fromkeys(a for a in aliases if a != label)),
    )


def _placement_figures(p: PlacementMetrics, top_n: int) -> list[Figure]:
    out = [
        _fig(
            "placements.total.count",
            "placements",
            p.total.count,
            "count",
            ("children placed", "young people placed", "looked after children", "placements"),
        ),
        _fig(
            "placements.total.total_weekly_cost",
            "total weekly cost of placements",
            p.total.total_weekly_cost,
            "money",
            ("weekly cost", "per week"),
        ),
        _fig(
            "placements.total.average_weekly_cost",
            "average weekly cost of a placement",
            p.total.average_weekly_cost,
            "money",
            ("average weekly cost", "average cost per week", "average cost"),
        ),
        _fig(
            "placements.total.annual_cost",
            "annual cost of placements",
            p.total.annual_cost,
            "money",
            ("annual cost", "cost per annum", "a year"),
        ),
    ]
    for i, s in enumerate(p.by_type):
        base = f"placements.by_type{_key_ref(p.by_type, s.placement_type, i)}"
        noun = _TYPE_NOUNS[s.placement_type]
        extra = _TYPE_ALIASES[s.placement_type]
        out += [
            _fig(f"{base}.count", f"{noun} placements", s.count, "count", extra),
            _fig(
                f"{base}.average_weekly_cost",
                f"average weekly cost of {noun} placements",
                s.average_weekly_cost,
                "money",
                (f"average cost of {noun} placements", f"average {noun} cost", "average cost")
                + tuple(f"average cost {a}" for a in extra),
            ),
            _fig(
                f"{base}.total_weekly_cost",
                f"total weekly cost of {noun} placements",
                s.total_weekly_cost,
                "money",
                (f"weekly cost of {noun} placements",),
            ),
            _fig(
                f"{base}.annual_cost",
                f"annual cost of {noun} placements",
                s.annual_cost,
                "money",
                (f"{noun} annual cost", f"{noun} cost per annum"),
            ),
        ]
    if p.average_annual_cost_per_child is not None:
        out.append(
            _fig(
                "placements.average_annual_cost_per_child",
                "average annual cost per child",
                p.average_annual_cost_per_child,
                "money",
                ("average cost per annum", "average cost per child", "for each child"),
            )
        )
    if p.flows is not None:
        out += [
            _fig(
                "placements.flows.started",
                "placements started",
                p.flows.started,
                "count",
                ("new placements", "additional young people", "placements starting"),
            ),
            _fig(
                "placements.flows.ended",
                "placements ended",
                p.flows.ended,
                "count",
                ("leaving placements", "placements ending", "left care"),
            ),
        ]
    if p.external_flows is not None:
        out += [
            _fig(
                "placements.external_flows.started",
                "external placements started",
                p.external_flows.started,
                "count",
                ("new external placements", "young people in external placements"),
            ),
            _fig(
                "placements.external_flows.ended",
                "external placements ended",
                p.external_flows.ended,
                "count",
                ("leaving external placements", "external placements ending"),
            ),
        ]
    if p.in_period_cost is not None:
        out += [
            _fig(
                "placements.in_period_cost.gross",
                "cost of placements in the period",
                p.in_period_cost.gross,
                "money",
                ("spend in the period", "cost incurred", "gross cost"),
            ),
            _fig(
                "placements.in_period_cost.net",
                "net cost of placements in the period",
                p.in_period_cost.net,
                "money",
                ("net cost", "net of health and education contributions"),
            ),
        ]
    out.append(
        _fig(
            "placements.top.length",
            "high-cost placements reviewed",
            len(p.top),
            "count",
            (f"top {top_n}", "highest cost placements", "high cost placements"),
            expression="{{ placements.top | length }}",
        )
    )
    if p.top:
        out.append(
            _fig(
                "placements.top[0].weekly_cost",
                "highest weekly placement cost",
                p.top[0].weekly_cost,
                "money",
                ("most expensive placement", "highest cost placement"),
            )
        )
    return out


def _variance_words(variance: float) -> tuple[str, ...]:
    # The narrative states an underspend as a positive amount; the value keeps its sign.
    return ("overspend", "overspent by") if variance >= 0 else ("underspend", "underspent by")


def _budget_figures(b: BudgetPosition, root: str, suffix: str) -> list[Figure]:
    words = _variance_words(b.total.variance)
    out = [
        _fig(
            f"{root}.total.budget",
            f"total budget{suffix}",
            b.total.budget,
            "money",
            ("budget", "budget for this financial year", "combined budget"),
        ),
        _fig(
            f"{root}.total.projected_spend",
            f"total projected spend{suffix}",
            b.total.projected_spend,
            "money",
            ("projected spend", "combined projected spend", "projected outturn", "forecast"),
        ),
        _fig(
            f"{root}.total.variance",
            f"total variance{suffix}",
            b.total.variance,
            "money",
            (
                f"combined projected {words[0]}",
                f"total {words[0]}",
                f"projected {words[0]}",
                f"reporting an {words[0]}",
                *words,
                "variance",
            ),
        ),
    ]
    if b.total.variance_pct is not None:
        out.append(
            _fig(
                f"{root}.total.variance_pct",
                f"total variance as a share of budget{suffix}",
                b.total.variance_pct,
                "percent",
                (f"{words[0]} as a percentage of budget",),
            )
        )
    for i, group in enumerate(b.groups):
        base = f"{root}.groups{_key_ref(b.groups, group.line, i)}"
        gw = _variance_words(group.variance)
        lower = group.line[:1].lower() + group.line[1:]
        out += [
            _fig(f"{base}.budget", f"{group.line} budget{suffix}", group.budget, "money",
                 (f"budget for {lower}", f"combined budget for {lower}")),
            _fig(f"{base}.projected_spend", f"{group.line} projected spend{suffix}",
                 group.projected_spend, "money",
                 (f"combined projected spend on {lower}", "combined projected spend")),
            _fig(f"{base}.variance", f"{group.line} variance{suffix}", group.variance, "money",
                 (f"combined projected {gw[0]}", f"combined {gw[0]}", f"{lower} {gw[0]}")),
        ]
    for i, line in enumerate(b.lines):
        base = f"{root}.lines{_key_ref(b.lines, line.line, i)}"
        name = line.line
        lower = name[:1].lower() + name[1:]
        lw = _variance_words(line.variance)
        out += [
            _fig(
                f"{base}.budget",
                f"{name} budget{suffix}",
                line.budget,
                "money",
                (f"budget for {lower}", f"{lower} budget"),
            ),
            _fig(
                f"{base}.projected_spend",
                f"{name} projected spend{suffix}",
                line.projected_spend,
                "money",
                (f"projected spend on {lower}", f"{lower} projected spend"),
            ),
            _fig(
                f"{base}.variance",
                f"{name} variance{suffix}",
                line.variance,
                "money",
                (f"{name} {lw[0]}", f"{lower} projected {lw[0]}", f"{lower} {lw[1]}"),
            ),
        ]
    return out


def _savings_figures(s: SavingsSummary) -> list[Figure]:
    out = [
        _fig(
            "savings.total.target",
            "savings target",
            s.total.target,
            "money",
            ("total savings target", "saving target", "savings targets", "to be saved"),
        ),
        _fig(
            "savings.total.achieved",
            "savings achieved",
            s.total.achieved,
            "money",
            ("total savings", "overall savings achieved", "savings of", "already been achieved"),
        ),
        _fig(
            "savings.total.forecast",
            "forecast savings",
            s.total.forecast,
            "money",
            ("projected savings", "expected savings", "by the end of the financial year"),
        ),
        _fig(
            "savings.total.shortfall",
            "savings shortfall",
            s.total.shortfall,
            "money",
            ("shortfall", "still to be achieved", "remaining savings"),
        ),
    ]
    if s.total.achieved_pct is not None:
        out.append(
            _fig(
                "savings.total.achieved_pct",
                "savings achieved as a share of target",
                s.total.achieved_pct,
                "percent",
                ("of the savings target", "of target achieved"),
            )
        )
    for i, a in enumerate(s.areas):
        area = a.area or ""
        base = f"savings.areas{_key_ref(s.areas, area, i)}"
        out += [
            _fig(
                f"{base}.target",
                f"{area} savings target",
                a.target,
                "money",
                (f"savings target for {area}", f"to be saved through {area}"),
            ),
            _fig(
                f"{base}.achieved",
                f"{area} savings achieved",
                a.achieved,
                "money",
                (f"savings achieved for {area}", f"{area} savings"),
            ),
        ]
    for i, m in enumerate(s.measures):
        base = f"savings.measures{_key_ref(s.measures, m.measure, i)}"
        out.append(
            _fig(
                f"{base}.achieved",
                f"{m.measure} savings achieved",
                m.achieved,
                "money",
                (m.measure, f"savings from {m.measure}", f"{m.measure} savings"),
            )
        )
    return out


_CHANGE_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "budget_budget": ("change in total budget", ("budget change",)),
    "budget_projected_spend": ("change in total projected spend",
                               ("projected spend up", "projected spend down")),
    "budget_variance": ("change in total variance",
                        ("up", "down", "overspend up", "overspend down",
                         "increase in the overspend")),
    "savings_target": ("change in savings target", ()),
    "savings_achieved": ("change in savings achieved",
                         ("further savings", "savings since", "more savings")),
    "savings_forecast": ("change in forecast savings", ()),
}


def _change_figures(c: Changes) -> list[Figure]:
    """The period-on-period differences (the previous values are under previous_*)."""
    out: list[Figure] = []
    for name, item in c.items():
        label, aliases = _CHANGE_LABELS[name]
        since = f" since {item.since}" if item.since else ""
        out.append(_fig(f"changes.{name}.difference", f"{label}{since}", item.difference,
                        "money", aliases))
    return out
