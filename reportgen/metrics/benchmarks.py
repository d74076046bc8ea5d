"""Benchmarks: one measure for the council against its statistical neighbours and England.

The benchmarks data set holds published comparator figures (one row an area, a measure and a
period); this module picks the measure and its latest period, tells the council's row from its
neighbours' and England's, and averages the neighbours.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from reportgen.errors import ReportgenError
from reportgen.metrics.model import AREA_TYPES, AreaType, Benchmark, BenchmarkComparison
from reportgen.periods import parse_period

_AREA_TYPE_WORDS: dict[str, AreaType] = {
    "council": "council", "la": "council", "local_authority": "council",
    "statistical_neighbour": "statistical_neighbour",
    "statistical_neighbours": "statistical_neighbour", "sn": "statistical_neighbour",
    "neighbour": "statistical_neighbour", "england": "england", "national": "england",
}
_COUNCIL_WORDS = re.compile(
    r"\b(council|county|city|borough|metropolitan|district|of|the|and)\b", re.IGNORECASE)


def _core_name(name: str) -> str:
    return " ".join(_COUNCIL_WORDS.sub(" ", name).lower().split())


def area_types(rows: pd.DataFrame, council: str, file: Path | None = None) -> list[AreaType]:
    """Each row's area type: as written, else England by name, the council by name, and
    statistical neighbours otherwise."""
    core = _core_name(council)
    out: list[AreaType] = []
    for row, area, written in zip(rows.index, rows["area"], rows["area_type"], strict=True):
        if not pd.isna(written):
            key = re.sub(r"[^a-z0-9]+", "_", str(written).lower()).strip("_")
            if key not in _AREA_TYPE_WORDS:
                raise ReportgenError(
                    f"unknown area type '{written}': expected one of {', '.join(AREA_TYPES)}",
                    file=file, row=int(row), column="area_type")
            out.append(_AREA_TYPE_WORDS[key])
        elif str(area).strip().lower() == "england":
            out.append("england")
        elif core and _core_name(str(area)) == core:
            out.append("council")
        else:
            out.append("statistical_neighbour")
    return out


def benchmark_comparison(frame: pd.DataFrame, measure: str, council: str,
                         file: Path | None = None, where: str = "benchmarks"
                         ) -> BenchmarkComparison:
    """The comparison for ``measure`` (any case; empty when the data hold one measure) in its
    latest period. ``where`` names the asker in error messages ("[chart: benchmarks]")."""
    source = "indicators" if "indicators" in where else "benchmarks"
    measures = list(dict.fromkeys(str(m) for m in frame["measure"]))
    wanted = measure.strip()
    if wanted:
        matches = [m for m in measures if m.lower() == wanted.lower()]
        if not matches:
            raise ReportgenError(f"{where}: no measure '{wanted}' in the {source} "
                                 f"data (measures: {'; '.join(measures)})", file=file)
        chosen = matches[0]
    elif len(measures) == 1:
        chosen = measures[0]
    else:
        raise ReportgenError(f"{where}: the {source} data has several measures; "
                             f"name one, e.g. [chart: {source} " + measures[0] + "]", file=file)
    rows = frame[(frame["measure"] == chosen).to_numpy()]
    if "period_end" in rows.columns and not rows.empty:
        # Loaded by data.indicators: periods may be as-at dates, ordered by their last day.
        latest = rows.sort_values("period_end", kind="mergesort")["period"].iloc[-1]
        label: str | None = str(latest)
    else:
        period = max((parse_period(str(p)) for p in rows["period"].dropna().unique()),
                     default=None)
        label = None if period is None else period.label
    if label is None:
        raise ReportgenError(f"{where}: no period given", file=file, column="period")
    rows = rows[(rows["period"] == label).to_numpy()]
    # A region (or another kind of area) has no bar of its own in this comparison.
    rows = rows[~rows["area_type"].isin(["region", "other"]).fillna(False).to_numpy(bool)]
    if rows["area"].isna().any():  # indicators: a row with no area is the council's
        rows = rows.assign(area=rows["area"].fillna(council),
                           area_type=rows["area_type"].mask(rows["area"].isna(), "council"))
    types = area_types(rows, council, file)
    found = tuple(Benchmark(str(a), t, float(v))
                  for a, t, v in zip(rows["area"], types, rows["value"], strict=True)
                  if not pd.isna(v))  # a DfE symbol (c, x …) has no bar
    councils = [b for b in found if b.area_type == "council"]
    if len(councils) != 1:
        what = "no row" if not councils else f"{len(councils)} rows"
        raise ReportgenError(
            f"{where}: {what} for the council in {chosen}, {label}: "
            "mark exactly one row with area_type council", file=file, column="area_type")
    neighbours = tuple(b for b in found if b.area_type == "statistical_neighbour")
    average: float | None = None
    if len(neighbours) > 1:
        average = sum(b.value for b in neighbours) / len(neighbours)
    elif neighbours:
        average = neighbours[0].value
    return BenchmarkComparison(
        measure=chosen, period=label, rows=found, council=councils[0],
        neighbours=neighbours, england=tuple(b for b in found if b.area_type == "england"),
        neighbours_average=average)
