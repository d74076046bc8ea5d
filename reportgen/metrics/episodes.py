"""Care metrics from SSDA903 episodes: every figure of :class:`CareMetrics` on one day and
over one window, each computed by its definition in :mod:`reportgen.metrics.measures`.

The episodes frame comes from :func:`reportgen.data.episodes.load_ssda903`; its ``child``
column is a number for each child, never the CHILD identifier.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from reportgen.metrics import measures
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import CareMetrics, PlacementGroup, ratio

#: Kept for callers of the old module: the measure's threshold lives in ``measures``.
STABILITY_PLACEMENTS = measures.STABILITY_PLACEMENTS


def care_metrics(episodes: pd.DataFrame, as_at: date, start: date | None = None,
                 end: date | None = None) -> CareMetrics:
    """Children looked after on ``as_at`` and the stability measures on it; flows in
    ``[start, end]`` when a window is given."""
    looked_after = measures.looked_after_on(episodes, as_at)
    places = measures.placements_of_care(episodes)  # once: every placement measure reads it
    unstable, of, year_from = measures.three_or_more_placements(episodes, as_at, places)
    long_term = measures.long_term_stability(episodes, as_at, places)
    groups = [PlacementGroup(key, label, n)
              for key, label, n in measures.placement_groups_on(episodes, as_at, places)]
    common = dict(
        as_at=as_at, looked_after=looked_after,
        three_or_more_placements=unstable,
        three_or_more_placements_pct=ratio(unstable, of),
        stability_from=year_from,
        long_term_stable=long_term.stable, long_term_eligible=long_term.eligible,
        long_term_stable_pct=(ratio(long_term.stable, long_term.eligible)
                              if long_term.stable is not None and long_term.eligible
                              is not None else None),
        placement_groups=Keyed(groups, lambda g: g.group),
    )
    if start is None or end is None:
        return CareMetrics(**common)  # type: ignore[arg-type]
    periods_started, periods_ended = measures.periods_in(episodes, start, end)
    placed, unplaced, moves = measures.placement_flows_in(episodes, start, end, places)
    return CareMetrics(
        **common,  # type: ignore[arg-type]
        start=start, end=end,
        started=measures.started_in(episodes, start, end),
        ceased=measures.ceased_in(episodes, start, end),
        placement_changes=moves, placements_started=placed, placements_ended=unplaced,
        looked_after_at_start=measures.looked_after_on(episodes, measures.day_before(start)),
        looked_after_at_end=measures.looked_after_on(episodes, end),
        periods_started=periods_started, periods_ended=periods_ended,
    )
