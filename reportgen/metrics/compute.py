"""``compute_metrics``: every metric of a report, from its canonical data sets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import pandas as pd

from reportgen.metrics.episodes import care_metrics
from reportgen.metrics.finance import savings_for_period, savings_summary
from reportgen.metrics.frames import (
    active,
    date_column,
    placements_frame,
    require,
    reuse_frames,
)
from reportgen.metrics.indicators import indicator_series
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import BudgetPosition, Metrics, PlacementMetrics, SavingsSummary
from reportgen.metrics.placements import (
    average_annual_cost_per_child,
    placements_by_type,
    placements_total,
    top_placements,
    top_placements_by_type,
)
from reportgen.metrics.selection import select_budget, select_savings
from reportgen.metrics.windows import compute_windows
from reportgen.periods import Period


def compute_metrics(
    datasets: Mapping[str, pd.DataFrame],
    period: Period | None = None,
    as_at: date | None = None,
    top_n: int = 20,
    council: str | None = None,
) -> Metrics:
    """Metrics for whichever of ``placements``, ``budget`` and ``savings`` are present.

    ``as_at`` defaults to the end of ``period``, else the latest placement start date. With a
    period, flows and in-period cost cover it (and, in ``windows``, the year to date and the
    collection year too) and the budget uses that period's rows (or, when the budget only has
    the whole financial year, that year's rows).
    """
    with reuse_frames():  # the placements are checked and converted once, not per measure
        return _compute_metrics(datasets, period, as_at, top_n, council)


def _compute_metrics(
    datasets: Mapping[str, pd.DataFrame],
    period: Period | None,
    as_at: date | None,
    top_n: int,
    council: str | None,
) -> Metrics:
    placements_df = datasets.get("placements")
    budget_df = datasets.get("budget")
    savings_df = datasets.get("savings")

    if as_at is None and period is not None:
        as_at = period.end
    episodes_df = datasets.get("episodes")
    if as_at is None and episodes_df is not None and not episodes_df.empty:
        from reportgen.data.episodes import care_dates

        as_at = care_dates(episodes_df)[1]
    if as_at is None and placements_df is not None and not placements_df.empty:
        require(placements_df, "placements", ("start_date",))
        latest = date_column(placements_df["start_date"]).max()
        as_at = None if pd.isna(latest) else latest.date()

    # With a period: the period, the year to date and the collection year, each with its
    # flows and costs (as_at is the period's end at the latest when not given).
    windows = (compute_windows(period, as_at if as_at is not None else period.end,
                               placements_df, episodes_df)
               if period is not None else None)

    placements: PlacementMetrics | None = None
    if placements_df is not None:
        # No as_at only when there is no placement at all: any date gives empty results.
        when = as_at if as_at is not None else date.min
        summaries = placements_by_type(placements_df, when)
        top = tuple(top_placements(placements_df, when, top_n))
        placements = PlacementMetrics(
            as_at=as_at,
            by_type=Keyed(summaries, lambda s: s.placement_type),
            total=placements_total(summaries),
            top=top,
            top_by_type=tuple(top_placements_by_type(placements_df, when, top_n)),
            top_weekly_cost=float(sum(p.weekly_cost for p in top)),
            renegotiated=renegotiated_count(placements_df, when),
            average_annual_cost_per_child=average_annual_cost_per_child(placements_df, when),
            # The period's flows and cost are its window's (one computation).
            flows=windows.period.flows if windows is not None else None,
            external_flows=windows.period.external_flows if windows is not None else None,
            in_period_cost=windows.period.cost if windows is not None else None,
        )

    budget: BudgetPosition | None = None
    previous_budget: BudgetPosition | None = None
    if budget_df is not None:
        budget, previous_budget = select_budget(budget_df, period)

    savings: SavingsSummary | None = None
    previous_savings: SavingsSummary | None = None
    if savings_df is not None:
        rows, savings_label, before_label = select_savings(savings_df, period)
        savings = savings_summary(rows, savings_label)
        if before_label is not None:
            previous_savings = savings_summary(savings_for_period(savings_df, before_label),
                                               before_label)

    indicators = (indicator_series(datasets["indicators"], council)
                  if "indicators" in datasets else None)
    benchmarks = (indicator_series(datasets["benchmarks"], council)
                  if "benchmarks" in datasets and "period_end" in datasets["benchmarks"]
                  else None)
    care = None
    if windows is not None:
        care = windows.period.care
    elif episodes_df is not None:
        care = care_metrics(episodes_df, as_at if as_at is not None else date.min)

    return Metrics(
        indicators=indicators,
        benchmarks=benchmarks,
        care=care,
        period=period,
        as_at=as_at,
        placements=placements,
        budget=budget,
        savings=savings,
        previous_budget=previous_budget,
        top_n=top_n,
        previous_savings=previous_savings,
        windows=windows,
    )


def renegotiated_count(placements: pd.DataFrame, as_at: date) -> int | None:
    """Active placements on ``as_at`` whose cost was renegotiated; None without the flag."""
    if "renegotiated" not in placements.columns or placements["renegotiated"].isna().all():
        return None  # the data say nothing about renegotiation
    rows = active(placements_frame(placements), as_at)
    flags = placements.loc[rows.index, "renegotiated"]
    # "yes"/"no" from a placements file, True/False from SSDA903 costs.
    return int(flags.isin([True, "yes"]).sum())
