"""Placements: counts and costs by type on a date, flows and cost over a period, top-N."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import numpy as np
import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.metrics.frames import active, placement_type_labels, placements_frame, ts
from reportgen.metrics.model import Flows, HighCostPlacement, InPeriodCost, TypeSummary

#: Councils annualise a weekly cost as 52 weeks (not 52.14): the convention of placement
#: budgets and of the seed reports, so "annual cost" figures match what finance teams quote.
WEEKS_PER_YEAR = 52
DAYS_PER_WEEK = 7

#: Canonical provider type → label.
PROVIDER_TYPE_LABELS: dict[str, str] = {
    "in_house": "In-house",
    "private": "Private",
    "voluntary": "Voluntary",
    "other_la": "Other local authority",
}


def __getattr__(name: str) -> dict[str, str]:
    # PLACEMENT_TYPE_LABELS is the data layer's vocabulary, looked up when first asked for
    # (see frames.placement_type_labels for why not at import).
    if name == "PLACEMENT_TYPE_LABELS":
        return placement_type_labels()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")



def placements_by_type(placements: pd.DataFrame, as_at: date) -> list[TypeSummary]:
    """Active placements on ``as_at`` by type, in canonical order, empty types omitted."""
    rows = active(placements_frame(placements), as_at)
    grouped = rows.groupby("placement_type", sort=False)["weekly_cost"].agg(["count", "sum"])
    out: list[TypeSummary] = []
    for ptype, label in placement_type_labels().items():
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


def external(placements: pd.DataFrame) -> pd.DataFrame:
    """Placements bought from the independent sector (private and voluntary providers)."""
    return placements[placements["provider_type"].isin(EXTERNAL_PROVIDER_TYPES).to_numpy()]


def placement_flows(placements: pd.DataFrame, start: date, end: date) -> Flows:
    """Placements starting and ending within ``[start, end]`` (both days inclusive)."""
    work = placements_frame(placements)
    lo, hi = ts(start), ts(end)
    started = work["start_date"].between(lo, hi, inclusive="both")
    ended = work["end_date"].between(lo, hi, inclusive="both")
    return Flows(start=start, end=end, started=int(started.sum()), ended=int(ended.sum()))


def in_period_cost(placements: pd.DataFrame, start: date, end: date) -> InPeriodCost:
    """Cost incurred in ``[start, end]``: weekly cost / 7 for each day of the period on which
    the placement is open (the rule of :func:`reportgen.metrics.frames.active`).

    Not a DfE figure. A placement costs its start date and every day up to, but not including,
    its end date: the day of a move is the new placement's, so that no day is paid twice and a
    placement that starts and ends on the same day costs nothing. ``net`` deducts health and
    education contributions (NA read as 0).
    """
    if end < start:
        raise ReportgenError(f"period ends ({end}) before it starts ({start})")
    work = placements_frame(placements)
    lo, hi = ts(start), ts(end)
    first = work["start_date"].clip(lower=lo)
    # The last day open: the day before the end date, or the period's last day.
    last = (work["end_date"] - pd.Timedelta(days=1)).fillna(hi).clip(upper=hi)
    days = ((last - first).dt.days + 1).clip(lower=0).astype("float64")
    gross = float((work["weekly_cost"] / DAYS_PER_WEEK * days).sum())
    contributions = float((work["contributions"] / DAYS_PER_WEEK * days).sum())
    return InPeriodCost(
        start=start, end=end, gross=gross, contributions=contributions, net=gross - contributions
    )


def top_placements(placements: pd.DataFrame, as_at: date, n: int = 20
                   ) -> list[HighCostPlacement]:
    """The ``n`` costliest active placements, anonymised.

    Ordered by weekly cost (highest first), then start date (earliest first), then reference;
    the reference only breaks ties and is never returned.
    """
    if n < 0:
        raise ReportgenError(f"the number of high-cost placements must not be negative ({n})")
    return _high_cost(_ranked(placements, as_at).head(n))


def _ranked(placements: pd.DataFrame, as_at: date) -> pd.DataFrame:
    """The active placements in the order of :func:`top_placements`."""
    rows = active(placements_frame(placements), as_at)
    return rows.sort_values(
        ["weekly_cost", "start_date", "reference"],
        ascending=[False, True, True],
        kind="mergesort",
        na_position="last",
    )


def _high_cost(ranked: pd.DataFrame, ranks: Sequence[int] | None = None
               ) -> list[HighCostPlacement]:
    """``ranked``'s rows as anonymised placements, ranked 1, 2, … unless ``ranks`` are given."""
    labels = placement_type_labels()
    out: list[HighCostPlacement] = []
    numbers = ranks if ranks is not None else range(1, len(ranked) + 1)
    for rank, row in zip(numbers, ranked.itertuples(index=False), strict=True):
        ptype = str(row.placement_type)
        provider = "" if pd.isna(row.provider_type) else str(row.provider_type)
        weekly = float(row.weekly_cost)
        net = weekly - float(row.contributions)
        out.append(
            HighCostPlacement(
                rank=int(rank),
                placement_type=ptype,
                placement_type_label=labels[ptype],
                provider_type=provider,
                provider_type_label=PROVIDER_TYPE_LABELS.get(provider, provider),
                weekly_cost=weekly,
                net_weekly_cost=net,
                annual_cost=weekly * WEEKS_PER_YEAR,
                net_annual_cost=net * WEEKS_PER_YEAR,
            )
        )
    return out


def top_placements_by_type(placements: pd.DataFrame, as_at: date, n: int = 20
                           ) -> list[HighCostPlacement]:
    """The ``n`` costliest active placements of each type, ranked among all placements (the
    order and ranks of :func:`top_placements`), so that the top N of any set of types can be
    read off without the data."""
    ranked = _ranked(placements, as_at)
    # Only the kept rows become objects (not every active placement, as before): the rank is
    # the place in the whole ranking, the first n of each type are kept.
    ranks = np.arange(1, len(ranked) + 1)
    keep = ranked.groupby("placement_type", sort=False, dropna=False).cumcount().to_numpy() < n
    return _high_cost(ranked[keep], ranks[keep].tolist())


def average_annual_cost_per_child(placements: pd.DataFrame, as_at: date) -> float | None:
    """Gross annual cost (weekly cost x 52) of the placements open on ``as_at`` divided by
    the distinct children in them; None when nobody is placed on ``as_at``.

    Not a DfE figure. Children are distinct ``child`` pseudonyms where the data give them
    (SSDA903 input, one row a placement), else distinct references (a placements file, one row
    a child); never placements.
    """
    rows = active(placements_frame(placements), as_at)
    children = int(rows["child"].nunique())
    if children == 0:
        return None
    return float(rows["weekly_cost"].sum()) * WEEKS_PER_YEAR / children
