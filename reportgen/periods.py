"""UK local government financial years (1 April to 31 March) and their quarters and months.

A financial year is named by its two calendar years, "2016/17" (1 April 2016 to 31 March 2017).
Quarters run Q1 April–June to Q4 January–March; months are numbered from M1 = April to
M12 = March, as in council budget monitoring reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import total_ordering
from typing import Literal

from reportgen.errors import ReportgenError

Kind = Literal["year", "quarter", "month"]
KINDS: tuple[Kind, ...] = ("year", "quarter", "month")

# Months of a financial year in order: index 1 (M1) is April.
FY_MONTHS = (
    "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "January", "February", "March",
)  # fmt: skip

_EXPECTED = (
    "expected a UK financial year such as 2016/17, a quarter such as 2016/17 Q1, "
    "or a month such as 2016/17 M5"
)


def _calendar_month(index: int) -> int:
    """Calendar month number of financial month ``index`` (M1 → 4, M9 → 12, M10 → 1)."""
    return (index + 2) % 12 + 1


def _month_start(start_year: int, index: int) -> date:
    """First day of financial month ``index`` of the year starting in ``start_year``."""
    return date(start_year + (1 if index >= 10 else 0), _calendar_month(index), 1)


@total_ordering
@dataclass(frozen=True)
class Period:
    """A financial year (``index`` 0), a quarter (``index`` 1–4) or a month (1–12, M1 = April).

    ``start_year`` is the calendar year in which the financial year begins (2016 for 2016/17).
    Periods order by start date; where two start together the longer comes first, so
    2016/17 < 2016/17 Q1 < 2016/17 M1 < 2016/17 M2.
    """

    start_year: int
    kind: Kind
    index: int = 0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ReportgenError(
                f"unknown period kind '{self.kind}': expected year, quarter or month"
            )
        top = {"year": 0, "quarter": 4, "month": 12}[self.kind]
        low = 0 if self.kind == "year" else 1
        if (
            isinstance(self.index, bool)
            or not isinstance(self.index, int)
            or not (low <= self.index <= top)
        ):
            raise ReportgenError(
                f"a {self.kind} period needs an index from {low} to {top}, not {self.index!r}"
            )
        if (
            isinstance(self.start_year, bool)
            or not isinstance(self.start_year, int)
            or not (1900 <= self.start_year <= 2998)
        ):
            raise ReportgenError(f"financial year starting in {self.start_year!r} is out of range")

    @property
    def start(self) -> date:
        """First day of the period."""
        if self.kind == "year":
            return date(self.start_year, 4, 1)
        first_month = self.index if self.kind == "month" else 3 * (self.index - 1) + 1
        return _month_start(self.start_year, first_month)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        if self.kind == "year":
            return date(self.start_year + 1, 3, 31)
        last_month = self.index if self.kind == "month" else 3 * self.index
        if last_month == 12:
            return date(self.start_year + 1, 3, 31)
        return _month_start(self.start_year, last_month + 1) - timedelta(days=1)

    @property
    def financial_year(self) -> str:
        """The financial year's name, "2016/17"."""
        return f"{self.start_year}/{(self.start_year + 1) % 100:02d}"

    @property
    def year(self) -> Period:
        """The whole financial year this period falls in."""
        return Period(self.start_year, "year")

    @property
    def label(self) -> str:
        """The period's name: "2016/17", "2016/17 Q1" or "2016/17 M5"."""
        if self.kind == "year":
            return self.financial_year
        letter = "Q" if self.kind == "quarter" else "M"
        return f"{self.financial_year} {letter}{self.index}"

    @property
    def month_name(self) -> str:
        """Name of the calendar month of a month period (M5 → "August")."""
        if self.kind != "month":
            raise ReportgenError(f"{self.label} is not a month, so it has no month name")
        return FY_MONTHS[self.index - 1]

    @property
    def sort_key(self) -> int:
        """An integer that sorts periods in the same order as ``<``."""
        # Start date first; among equal starts the later end (longer period) comes first.
        return self.start.toordinal() * 10_000_000 + (9_999_999 - self.end.toordinal())

    def previous(self) -> Period:
        """The period before: Q1 → last year's Q4, M1 → last year's M12, a year → last year."""
        if self.kind == "year" or self.index > 1:
            index = self.index - 1 if self.kind != "year" else 0
            year = self.start_year - 1 if self.kind == "year" else self.start_year
            return Period(year, self.kind, index)
        last = 4 if self.kind == "quarter" else 12
        return Period(self.start_year - 1, self.kind, last)

    def contains(self, d: date) -> bool:
        """Whether the day ``d`` (a date, datetime or pandas Timestamp) falls in the period."""
        day = d.date() if isinstance(d, datetime) else d
        return self.start <= day <= self.end

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        return self.label


_MONTH_NAMES: dict[str, int] = {}
for _i, _name in enumerate(FY_MONTHS, start=1):
    _MONTH_NAMES[_name.lower()] = _i
    _MONTH_NAMES[_name[:3].lower()] = _i
_MONTH_NAMES["sept"] = 6

_PERIOD_RE = re.compile(
    r"""^\s*
    (?P<y1>\d{4})\s*[/-]\s*(?P<y2>\d{4}|\d{2})      # 2016/17, 2016-17, 2016/2017
    (?:[\s/_-]*                                      # optional separator
       (?:q(?P<q>[1-4])
        |m(?P<m>1[0-2]|0?[1-9])
        |(?P<name>[a-z]+)\.?)
    )?
    \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_period(text: str) -> Period:
    """Read a period as people write it.

    Accepts "2016/17", "2016-17", "2016/2017", "2016/17 Q1", "2016/17-Q2", "2016/17Q2",
    "2016-17 q3", "2016/17 M5" and "2016/17 August" or "2016/17 Aug" (August 2016).
    Anything else raises :class:`ReportgenError`.
    """
    if not isinstance(text, str):
        raise ReportgenError(f"unrecognised period {text!r}: {_EXPECTED}")
    match = _PERIOD_RE.match(text)
    if not match:
        raise ReportgenError(f"unrecognised period '{text.strip()}': {_EXPECTED}")
    start_year = int(match["y1"])
    end = match["y2"]
    follows = (start_year + 1) % 100 if len(end) == 2 else start_year + 1
    if int(end) != follows:
        raise ReportgenError(
            f"unrecognised period '{text.strip()}': a financial year runs from 1 April to "
            f"31 March, so its two years must be consecutive, e.g. "
            f"{Period(start_year, 'year').label}"
        )
    if match["q"]:
        return Period(start_year, "quarter", int(match["q"]))
    if match["m"]:
        return Period(start_year, "month", int(match["m"]))
    if match["name"]:
        index = _MONTH_NAMES.get(match["name"].lower())
        if index is None:
            raise ReportgenError(f"unrecognised period '{text.strip()}': {_EXPECTED}")
        return Period(start_year, "month", index)
    return Period(start_year, "year")


def _day(d: date) -> date:
    if not isinstance(d, date) or d != d:  # NaT is a datetime that is unequal to itself
        raise ReportgenError(f"cannot find the period of {d!r}: expected a date")
    return d.date() if isinstance(d, datetime) else d


def financial_year_of(d: date) -> Period:
    """The financial year containing ``d`` (31 March 2017 → 2016/17, 1 April 2017 → 2017/18)."""
    day = _day(d)
    return Period(day.year if day.month >= 4 else day.year - 1, "year")


def month_of(d: date) -> Period:
    """The financial month containing ``d`` (August 2016 → 2016/17 M5)."""
    day = _day(d)
    return Period(financial_year_of(day).start_year, "month", (day.month - 4) % 12 + 1)


def quarter_of(d: date) -> Period:
    """The financial quarter containing ``d`` (January 2017 → 2016/17 Q4)."""
    month = month_of(d)
    return Period(month.start_year, "quarter", (month.index - 1) // 3 + 1)


def period_of(d: date, kind: Kind) -> Period:
    """The year, quarter or month containing ``d``."""
    finders = {"year": financial_year_of, "quarter": quarter_of, "month": month_of}
    if kind not in finders:
        raise ReportgenError(f"unknown period kind '{kind}': expected year, quarter or month")
    return finders[kind](d)


def period_sort_key(period: Period | str) -> int:
    """Sort key for a Period or period text, e.g. ``df["period"].map(period_sort_key)``."""
    return (period if isinstance(period, Period) else parse_period(period)).sort_key


def periods_overlap(a: Period, b: Period) -> bool:
    """Whether two periods share at least one day."""
    return a.start <= b.end and b.start <= a.end


# --- the windows a report states figures for ------------------------------------------------


def year_to_date(period: Period) -> tuple[date, date]:
    """The financial year to date at the end of ``period``: 1 April of its year to its last
    day (2016/17 Q2 → 1 April to 30 September 2016; a whole year → the year)."""
    return period.year.start, period.end


def year_to_date_label(period: Period) -> str:
    """The year to date's name: "2016/17 Q1 to Q2", "2016/17 M1 to M5"; the period's own
    label when it starts the year (Q1, M1) or is the year, and the year's when it ends it."""
    if period.kind == "year" or period.end == period.year.end:
        return period.financial_year
    if period.index == 1:
        return period.label
    letter = "Q" if period.kind == "quarter" else "M"
    return f"{period.financial_year} {letter}1 to {letter}{period.index}"


def collection_year(day: date) -> Period:
    """The latest complete SSDA903 collection year (1 April to 31 March) ending on or before
    ``day``: 31 March 2017 → 2016/17, 30 September 2016 → 2015/16.

    A return covers a whole collection year, so a quarter's report states the last complete
    one; in a year-end (Q4, M12 or whole-year) report it is the report's own year."""
    year = financial_year_of(day)
    return year if _day(day) == year.end else year.previous()
