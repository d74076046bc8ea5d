"""The windows a report states figures for: its period, the financial year to date and the
latest complete collection year, each with the flows and costs computed over it.

Every window is computed by the one function :func:`window`, from the same measures the rest
of the metrics use (:func:`~reportgen.metrics.placements.placement_flows`,
:func:`~reportgen.metrics.placements.in_period_cost`,
:func:`~reportgen.metrics.episodes.care_metrics`), so the period's own figures (``placements.
flows``, ``care``) and ``period.flows`` are one computation, never two.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from reportgen.metrics.episodes import care_metrics
from reportgen.metrics.model import Window, WindowName, Windows
from reportgen.metrics.placements import external, in_period_cost, placement_flows
from reportgen.periods import Period, collection_year, year_to_date, year_to_date_label


def window(name: WindowName, label: str, start: date, end: date, as_at: date,
           placements: pd.DataFrame | None, episodes: pd.DataFrame | None) -> Window:
    """The figures of one window: flows from ``start`` to ``end`` (or to ``as_at`` when the
    data stop earlier), cost over the whole window, children looked after on ``as_at``."""
    flow_end = min(end, as_at)
    return Window(
        name=name, label=label, start=start, end=end, as_at=as_at,
        flows=placement_flows(placements, start, flow_end) if placements is not None else None,
        external_flows=(placement_flows(external(placements), start, flow_end)
                        if placements is not None else None),
        cost=in_period_cost(placements, start, end) if placements is not None else None,
        care=care_metrics(episodes, as_at, start, flow_end) if episodes is not None else None,
    )


def compute_windows(period: Period, as_at: date, placements: pd.DataFrame | None,
                    episodes: pd.DataFrame | None) -> Windows:
    """The period, the year to date at its end and the latest complete collection year on
    the last day the data cover (the period's end, or ``as_at`` when that is earlier).

    The period and the year to date count stocks on ``as_at``, as the report does; the
    collection year on its own last day (31 March), as the DfE's year-end figures do."""
    ytd_start, ytd_end = year_to_date(period)
    collection = collection_year(min(period.end, as_at))
    return Windows(
        period=window("period", period.label, period.start, period.end, as_at,
                      placements, episodes),
        year_to_date=window("year_to_date", year_to_date_label(period), ytd_start, ytd_end,
                            as_at, placements, episodes),
        collection_year=window("collection_year", collection.label, collection.start,
                               collection.end, collection.end, placements, episodes),
    )
