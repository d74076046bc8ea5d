"""Money: the budget position of a period (variance by line and group) and savings."""

from __future__ import annotations

import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.metrics.frames import (
    BUDGET_COLUMNS,
    SAVINGS_COLUMNS,
    no_missing,
    normalise_period,
    require,
)
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import (
    BudgetLine,
    BudgetPosition,
    SavingsMeasure,
    SavingsSummary,
    SavingsTotal,
    ratio,
)


def budget_line(line: str, budget: float, projected: float) -> BudgetLine:
    variance = projected - budget
    return BudgetLine(
        line=line,
        budget=budget,
        projected_spend=projected,
        variance=variance,
        variance_pct=ratio(variance, budget),
    )


def budget_periods(budget: pd.DataFrame) -> list[str]:
    """Distinct (normalised) period labels in the budget, in file order."""
    require(budget, "budget", BUDGET_COLUMNS)
    seen: dict[str, None] = {}
    for value in budget["period"].dropna():
        seen.setdefault(normalise_period(value), None)
    return list(seen)


def budget_position(budget: pd.DataFrame, period: str | None) -> BudgetPosition:
    """Budget, projected spend and variance per line for one period, in file order.

    ``period=None`` takes every row, which is only allowed when the file has one period.
    """
    require(budget, "budget", BUDGET_COLUMNS)
    no_missing(budget, "budget", BUDGET_COLUMNS)
    labels = budget["period"].map(normalise_period)
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
        wanted = normalise_period(period)
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
        budget_line(str(name), float(b), float(p))
        for name, b, p in zip(names, amounts, projected, strict=True)
    ]
    total = budget_line("Total", float(amounts.sum()), float(projected.sum()))
    groups: list[BudgetLine] = []
    if "group" in rows.columns:
        group_names = rows["group"].astype("string")
        for name in dict.fromkeys(g for g in group_names.dropna() if str(g).strip()):
            mask = (group_names == name).fillna(False).to_numpy()
            groups.append(budget_line(str(name), float(amounts[mask].sum()),
                                       float(projected[mask].sum())))
    return BudgetPosition(period=wanted, lines=Keyed(lines, lambda x: x.line), total=total,
                          groups=Keyed(groups, lambda x: x.line))


# --------------------------------------------------------------------------- savings



def savings_total(area: str | None, rows: pd.DataFrame) -> SavingsTotal:
    target = float(rows["target"].sum())
    achieved = float(rows["achieved"].sum())
    forecast = float(rows["forecast"].fillna(rows["achieved"]).sum())
    return SavingsTotal(
        area=area,
        target=target,
        achieved=achieved,
        forecast=forecast,
        achieved_pct=ratio(achieved, target),
        shortfall=max(target - achieved, 0.0),
    )


def savings_periods(savings: pd.DataFrame) -> list[str]:
    """Distinct (normalised) period labels in the savings data, in file order."""
    if "period" not in savings.columns:
        return []
    seen: dict[str, None] = {}
    for value in savings["period"].dropna():
        if str(value).strip():
            seen.setdefault(normalise_period(value), None)
    return list(seen)


def savings_for_period(savings: pd.DataFrame, period: str) -> pd.DataFrame:
    """The savings rows of one period (label compared after normalising)."""
    wanted = normalise_period(period)
    labels = savings["period"].map(
        lambda v: None if pd.isna(v) else normalise_period(v))
    return savings[(labels == wanted).fillna(False).to_numpy(dtype=bool)]


def savings_summary(savings: pd.DataFrame, period: str | None = None) -> SavingsSummary:
    """Per measure, per area (in order of first appearance) and overall savings.

    ``period`` only labels the summary; choose the rows with :func:`savings_for_period`.
    """
    require(savings, "savings", SAVINGS_COLUMNS)
    no_missing(savings, "savings", ("area", "measure", "target", "achieved"))
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
            achieved_pct=ratio(float(r.achieved), float(r.target)),
        )
        for r in rows.itertuples(index=False)
    ]
    areas = [
        savings_total(str(area), group)
        for area, group in rows.groupby("area", sort=False, dropna=False)
    ]
    return SavingsSummary(
        measures=Keyed(measures, lambda m: m.measure),
        areas=Keyed(areas, lambda a: a.area or ""),
        total=savings_total(None, rows),
        period=period,
    )
