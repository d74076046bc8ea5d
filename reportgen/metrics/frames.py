"""The columns metrics need, checked again, and typed working copies of the data sets.

The loader (``data/``) normally guarantees all of this; metrics check again because they are
also called on frames built by hand (tests, other tools), and a wrong column there must be a
clear error, not a KeyError deep in pandas.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date

import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.periods import parse_period

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


def placement_type_labels() -> dict[str, str]:
    """Canonical placement type → label, in reporting order: the data layer's vocabulary.

    Imported when first needed: importing ``reportgen.data`` loads pandera, which a caller that
    only imports metrics (or only formats a result) should not pay for.
    """
    from reportgen.data.ssda903 import PLACEMENT_TYPES

    return PLACEMENT_TYPES



def require(df: pd.DataFrame, dataset: str, columns: Sequence[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ReportgenError(
            f"{dataset} data has no column {missing[0]!r} (expected {', '.join(columns)})",
            column=missing[0],
        )


def no_missing(df: pd.DataFrame, dataset: str, columns: Sequence[str]) -> None:
    """Required values must be present; the loader normally guarantees it."""
    for col in columns:
        bad = df[col].isna()
        if bool(bad.any()):
            pos = int(bad.to_numpy().argmax())
            raise ReportgenError(
                f"{dataset} data: {col} is missing in data row {pos + 1}", column=col
            )


def money_column(series: pd.Series) -> pd.Series:
    """A money column as float, NA read as 0 (optional contributions default to 0)."""
    return pd.to_numeric(series, errors="raise").astype("float64").fillna(0.0)


def date_column(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.normalize()


def ts(d: date) -> pd.Timestamp:
    return pd.Timestamp(d).normalize()


#: Working copies made inside :func:`reuse_frames`, by the identity of the frame they came from
#: (the frame is held too, so that its id cannot be reused while the scope lasts).
_FRAMES: ContextVar[dict[int, tuple[pd.DataFrame, pd.DataFrame]] | None] = ContextVar(
    "reportgen_placements_frames", default=None)


@contextmanager
def reuse_frames() -> Iterator[None]:
    """Within this scope :func:`placements_frame` checks and converts each frame once.

    ``compute_metrics`` asks for the same placements' working copy a dozen times (each
    measure is a function of the raw frame); at 100,000 rows the conversions dominated. Only
    for the scope of one computation, which changes no frame, so a copy is never stale.
    """
    token = _FRAMES.set({})
    try:
        yield
    finally:
        _FRAMES.reset(token)


def placements_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Check the columns metrics need and return a working copy with clean dtypes."""
    cache = _FRAMES.get()
    if cache is not None:
        hit = cache.get(id(df))
        if hit is not None and hit[0] is df:
            return hit[1]
    work = _placements_frame(df)
    if cache is not None:
        cache[id(df)] = (df, work)
    return work


def _placements_frame(df: pd.DataFrame) -> pd.DataFrame:
    require(df, "placements", PLACEMENT_COLUMNS)
    no_missing(df, "placements", ("placement_type", "start_date", "weekly_cost"))
    # The distinct values first: iterating a string column value by value was most of the
    # cost of this function at 100,000 rows.
    unknown = sorted(set(df["placement_type"].dropna().unique()) - set(placement_type_labels()))
    if unknown:
        raise ReportgenError(
            f"placements data: unknown placement type {unknown[0]!r}", column="placement_type"
        )
    work = pd.DataFrame(
        {
            "reference": df["reference"].astype("string"),
            # The child placed: a pseudonym of its own where the data give one (SSDA903 input,
            # where a reference is a placement), else the reference (one row a child).
            "child": (df["child"] if "child" in df.columns else df["reference"])
            .astype("string"),
            "placement_type": df["placement_type"].astype("string"),
            "provider_type": df["provider_type"].astype("string"),
            "start_date": date_column(df["start_date"]),
            "end_date": date_column(df["end_date"]),
            "weekly_cost": money_column(df["weekly_cost"]),
            "contributions": money_column(df["health_contribution"])
            + money_column(df["education_contribution"]),
        },
        index=df.index,
    )
    return work


def active(work: pd.DataFrame, as_at: date) -> pd.DataFrame:
    """Placements open on ``as_at`` by the one rule of :func:`reportgen.metrics.measures.open_on`:
    started on or before it and not ended by it (``start_date <= as_at < end_date``). A
    placement that ended on ``as_at`` is not open: the child moved that day, and the day
    belongs to the new placement (counted, and costed, once)."""
    from reportgen.metrics.measures import open_on

    return work[open_on(work["start_date"], work["end_date"], as_at).to_numpy()]



def normalise_period(text: str) -> str:
    """The canonical label of a period, or the text tidied if it is not a period we know."""
    tidy = " ".join(str(text).split())
    try:
        return parse_period(tidy).label
    except ReportgenError:
        return tidy
