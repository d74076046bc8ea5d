"""Indicators (and benchmarks): a loaded indicators frame → one series a measure.

Every value keeps the decimal places it was written with; ``shown`` prints it so. Which row is
"the council" is decided as written (``area_type``), else by name: a blank area or the
council's own name (with or without "Council", "County of"…) is the council, ``England`` is
England, and every other area is a statistical neighbour unless marked otherwise.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pandas as pd

from reportgen import formatting
from reportgen.errors import ReportgenError
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import IndicatorPoint, IndicatorSeries, IndicatorValue, change
from reportgen.periods import parse_period

_COUNCIL_WORDS = re.compile(
    r"\b(council|county|city|borough|metropolitan|district|of|the|and)\b", re.IGNORECASE)
_AVERAGE = re.compile(r"\b(average|mean)\b", re.IGNORECASE)


def _core(name: str) -> str:
    return " ".join(_COUNCIL_WORDS.sub(" ", name.replace(",", " ")).lower().split())


def show(value: float | None, decimals: int, unit: str | None, symbol: str | None = None
         ) -> str:
    """A value printed at its precision in its unit: ``42.0``, ``68.5%``, ``£1,234``, ``c``."""
    if value is None:
        return symbol or ""
    text = formatting.number(abs(value), decimals)
    sign = "-" if value < 0 and text.strip("0.,") else ""
    if unit == "£":
        return f"{sign}£{text}"
    if unit == "percentage":
        return f"{sign}{text}%"
    return f"{sign}{text}"


def _area_type(area: str | None, written: object, council: str | None) -> str:
    if isinstance(written, str) and written:
        return written
    if area is None:
        return "council"
    if area.strip().lower() == "england":
        return "england"
    if council and _core(area) == _core(council) and _core(council):
        return "council"
    return "statistical_neighbour"


def _opt(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)  # type: ignore[arg-type]


def _int(value: object) -> int:
    return 0 if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def indicator_series(frame: pd.DataFrame, council: str | None = None
                     ) -> Keyed[IndicatorSeries]:
    """One :class:`IndicatorSeries` a measure (in order of first appearance), each with one
    point a period in date order."""
    by_measure: dict[str, dict[str, list[IndicatorValue]]] = {}
    ends: dict[str, date] = {}
    names: dict[str, str] = {}
    for row in frame.itertuples(index=False):
        measure = str(row.measure)
        names.setdefault(measure.lower(), measure)
        measure = names[measure.lower()]
        area = None if pd.isna(row.area) else str(row.area)
        kind = _area_type(area, None if pd.isna(row.area_type) else str(row.area_type), council)
        unit = None if pd.isna(row.unit) else str(row.unit)
        symbol = None if pd.isna(row.symbol) else str(row.symbol)
        value = _opt(row.value)
        decimals = _int(row.decimals)
        item = IndicatorValue(
            measure=measure, period=str(row.period),
            area=area if area is not None else (council or "Council"), area_type=kind,
            value=value, decimals=decimals, unit=unit, shown=show(value, decimals, unit, symbol),
            symbol=symbol, numerator=_opt(row.numerator), denominator=_opt(row.denominator),
            target=_opt(row.target), target_decimals=_int(row.target_decimals))
        by_measure.setdefault(measure, {}).setdefault(item.period, []).append(item)
        ends[item.period] = pd.Timestamp(row.period_end).date()
    series: list[IndicatorSeries] = []
    for measure, periods in by_measure.items():
        points = [_point(measure, period, ends[period], items)
                  for period, items in periods.items()]
        # Date order; at the same end date a longer period (a year) before its last quarter.
        points.sort(key=lambda p: (p.end, _length(p.period)))
        points = with_previous(points)
        unit = next((p.unit for p in points if p.unit), None)
        series.append(IndicatorSeries(measure, unit, points))
    return Keyed(series, lambda s: s.measure)


def _length(label: str) -> int:
    return 0 if " " not in label else 1 if "Q" in label else 2


def period_kind(label: str) -> str:
    """"year", "quarter" or "month" for a period label, "as at" for an as-at date."""
    try:
        return parse_period(label).kind
    except ReportgenError:
        return "as at"


def with_previous(points: list[IndicatorPoint]) -> list[IndicatorPoint]:
    """Each point (in date order) with the point before it of the same kind: a quarter's
    previous quarter, a year's previous year, an as-at date's previous as-at date.

    The previous point is the latest earlier one of that kind in the data, whichever period
    it is: ``previous_period`` names it, so that a gap in the data is never read as the
    period just before. The change is rounded to the places the two values were written
    with, so that 12.3 − 11.1 is 1.2, not 1.2000000000000002."""
    last: dict[str, IndicatorPoint] = {}
    out = []
    for point in points:
        kind = period_kind(point.period)
        before = last.get(kind)
        last[kind] = point
        if before is None:
            out.append(point)
            continue
        moved = None
        if point.value is not None and before.value is not None:
            places = max(point.decimals, before.decimals)
            moved = change(point.value, before.value, before.period)
            moved = dataclasses.replace(moved, difference=round(moved.difference, places))
        out.append(dataclasses.replace(
            point, previous_period=before.period, previous=before.value,
            previous_shown=before.shown, change=moved))
    return out


def _point(measure: str, period: str, end: date, items: list[IndicatorValue]
           ) -> IndicatorPoint:
    councils = [i for i in items if i.area_type == "council"]
    main = councils[0] if councils else items[0] if len(items) == 1 else None
    published = [i for i in items if i.area_type == "statistical_neighbour"
                 and _AVERAGE.search(i.area) and i.value is not None]
    neighbours = [i for i in items if i.area_type == "statistical_neighbour"
                  and not _AVERAGE.search(i.area) and i.value is not None]
    average: float | None = None
    places = 0
    if published:
        average, places = published[0].value, published[0].decimals
    elif neighbours:
        values = [i.value for i in neighbours if i.value is not None]
        average = sum(values) / len(values)
        # An average is worked out, not published: one place more than whole-number data.
        places = max(max(i.decimals for i in neighbours), 1 if len(values) > 1 else 0)
    england = next((i.value for i in items if i.area_type == "england"), None)
    unit = next((i.unit for i in items if i.unit), None)
    return IndicatorPoint(
        measure=measure, period=period, end=end, unit=unit,
        area=main.area if main else None, value=main.value if main else None,
        decimals=main.decimals if main else 0,
        shown=main.shown if main else "",
        areas=Keyed(items, lambda i: i.area), symbol=main.symbol if main else None,
        numerator=main.numerator if main else None,
        denominator=main.denominator if main else None,
        target=main.target if main else None,
        target_decimals=main.target_decimals if main else 0,
        neighbours_average=average, neighbours_decimals=places, england=england)
