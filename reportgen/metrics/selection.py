"""Which rows a report covers: the period's budget and savings rows, the as-at window, and the
budget series of a financial year (each period's position, for a chart over the year)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.metrics.finance import (
    budget_periods,
    budget_position,
    savings_for_period,
    savings_periods,
)
from reportgen.metrics.frames import normalise_period
from reportgen.metrics.model import BudgetPosition, PeriodBudget
from reportgen.periods import Period, parse_period


def window_end(period: Period, as_at: date | None) -> date:
    """Flows run to the end of the period, or to the as-at date when the data stop earlier."""
    return min(period.end, as_at) if as_at is not None else period.end


def select_savings(savings: pd.DataFrame, period: Period | None
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


def select_budget(budget: pd.DataFrame, period: Period | None
                  ) -> tuple[BudgetPosition, BudgetPosition | None]:
    """(the period's budget position, the previous period's if the file has its rows).

    A budget holding only the whole financial year is reported for any period of that year.
    """
    if period is None:
        return budget_position(budget, None), None
    available = budget_periods(budget)
    label = normalise_period(period.label)
    if label not in available and normalise_period(period.financial_year) in available:
        label = period.financial_year
    current = budget_position(budget, label)
    before = normalise_period(period.previous().label)
    previous = budget_position(budget, before) if before in available else None
    return current, previous


def report_year(period: Period | None, budget: BudgetPosition | None) -> Period | None:
    """The financial year a report is about: its period's, else its budget rows'."""
    if period is not None:
        return period.year
    if budget is not None and budget.period:
        try:
            return parse_period(budget.period).year
        except ReportgenError:
            return None
    return None


def budget_by_period(budget: pd.DataFrame, year: Period, until: Period | None = None
                     ) -> list[PeriodBudget]:
    """The budget total of ``year`` as reported at each of its periods in the data.

    Periods after ``until`` (the period being reported) are left out; in-year periods come in
    order and the year-end (outturn) rows last, since they are the final position of the year.
    Labels that are not periods are skipped.
    """
    periods: list[Period] = []
    for label in budget_periods(budget):
        try:
            period = parse_period(label)
        except ReportgenError:
            continue
        if period.start_year == year.start_year:
            periods.append(period)
    if until is not None:  # nothing after the period being reported
        periods = [p for p in periods if p.kind == "year" or p.start <= until.end]
    periods.sort(key=lambda p: (p.kind == "year", p.sort_key))
    return [
        PeriodBudget(
            period=p,
            name=p.label.removeprefix(f"{p.financial_year} ") if p.kind != "year" else "Year end",
            total=budget_position(budget, p.label).total,
        )
        for p in periods
    ]
