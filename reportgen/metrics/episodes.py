"""Care metrics from SSDA903 episodes: looked after on a date, starts, ends, moves, stability.

The episodes frame comes from :func:`reportgen.data.episodes.load_ssda903`; its ``child``
column is a number for each child, never the CHILD identifier. Short breaks (legal status V3,
V4) are left out of every count of children looked after, as the DfE's statistics do.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from reportgen.metrics.model import CareMetrics

SHORT_BREAKS = ("V3", "V4")
PLACEMENT_MOVES = ("P", "T", "U", "B")
#: The stability measure counts children with this many placements or more in the year.
STABILITY_PLACEMENTS = 3


def _ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def care_metrics(episodes: pd.DataFrame, as_at: date, start: date | None = None,
                 end: date | None = None) -> CareMetrics:
    """Children looked after on ``as_at``; flows in ``[start, end]`` when a period is given."""
    care = episodes[~episodes["ls"].isin(SHORT_BREAKS).to_numpy(dtype=bool)]
    day = _ts(as_at)
    # Looked after on a day: an episode began by then and had not ended by it.
    open_on = (care["decom"] <= day) & (care["dec"].isna() | (care["dec"] > day))
    looked_after = care[open_on.to_numpy(dtype=bool)]["child"].unique()
    # Stability: placements (any episode's placement) open at some time in the year to as_at.
    year_start = _ts(as_at - timedelta(days=364))
    in_year = (care["decom"] <= day) & (care["dec"].isna() | (care["dec"] >= year_start))
    counts = care[in_year.to_numpy(dtype=bool)].groupby("child")["placement"].nunique()
    unstable = int((counts.reindex(looked_after).fillna(0) >= STABILITY_PLACEMENTS).sum())
    result = CareMetrics(
        as_at=as_at, looked_after=len(looked_after),
        three_or_more_placements=unstable,
        three_or_more_placements_pct=(unstable / len(looked_after)) if len(looked_after)
        else None)
    if start is None or end is None:
        return result
    lo, hi = _ts(start), _ts(end)
    starts = care["decom"].between(lo, hi).to_numpy(dtype=bool)
    ends = care["dec"].between(lo, hi).fillna(False).to_numpy(dtype=bool)
    started = care[starts & (care["rne"] == "S").to_numpy(dtype=bool)]["child"].nunique()
    ceased = care[ends & (care["rec"] != "X1").fillna(False).to_numpy(dtype=bool)]
    moves = int((starts & care["rne"].isin(PLACEMENT_MOVES).to_numpy(dtype=bool)).sum())
    new_placements = int((starts & (care["rne"] != "L").to_numpy(dtype=bool)).sum())
    return CareMetrics(
        as_at=as_at, looked_after=result.looked_after, start=start, end=end,
        started=int(started), ceased=int(ceased["child"].nunique()), placement_changes=moves,
        placements_started=new_placements,
        three_or_more_placements=result.three_or_more_placements,
        three_or_more_placements_pct=result.three_or_more_placements_pct)
