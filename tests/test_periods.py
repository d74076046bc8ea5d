"""UK financial years, quarters and months (1 April to 31 March)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from reportgen.errors import ReportgenError
from reportgen.periods import (
    Period,
    financial_year_of,
    month_of,
    parse_period,
    period_of,
    period_sort_key,
    periods_overlap,
    quarter_of,
)


def test_year_bounds_and_labels() -> None:
    fy = Period(2016, "year")
    assert (fy.start, fy.end) == (date(2016, 4, 1), date(2017, 3, 31))
    assert fy.label == str(fy) == fy.financial_year == "2016/17"
    assert Period(1999, "year").label == "1999/00"  # century rolls over
    assert Period(2010, "year").label == "2010/11"


@pytest.mark.parametrize(
    ("index", "start", "end"),
    [
        (1, date(2016, 4, 1), date(2016, 6, 30)),
        (2, date(2016, 7, 1), date(2016, 9, 30)),
        (3, date(2016, 10, 1), date(2016, 12, 31)),
        (4, date(2017, 1, 1), date(2017, 3, 31)),
    ],
)
def test_quarter_bounds(index: int, start: date, end: date) -> None:
    q = Period(2016, "quarter", index)
    assert (q.start, q.end) == (start, end)
    assert q.label == f"2016/17 Q{index}"
    assert q.financial_year == "2016/17"


@pytest.mark.parametrize(
    ("index", "start", "end", "name"),
    [
        (1, date(2016, 4, 1), date(2016, 4, 30), "April"),
        (5, date(2016, 8, 1), date(2016, 8, 31), "August"),
        (9, date(2016, 12, 1), date(2016, 12, 31), "December"),
        (10, date(2017, 1, 1), date(2017, 1, 31), "January"),
        (11, date(2017, 2, 1), date(2017, 2, 28), "February"),  # 2017 not a leap year
        (12, date(2017, 3, 1), date(2017, 3, 31), "March"),
    ],
)
def test_month_bounds(index: int, start: date, end: date, name: str) -> None:
    m = Period(2016, "month", index)
    assert (m.start, m.end, m.month_name) == (start, end, name)
    assert m.label == f"2016/17 M{index}"


def test_leap_february() -> None:
    assert Period(2019, "month", 11).end == date(2020, 2, 29)


def test_month_name_only_for_months() -> None:
    with pytest.raises(ReportgenError, match="not a month"):
        _ = Period(2016, "quarter", 1).month_name


def test_previous() -> None:
    assert Period(2016, "quarter", 1).previous() == Period(2015, "quarter", 4)
    assert Period(2016, "quarter", 3).previous() == Period(2016, "quarter", 2)
    assert Period(2016, "month", 1).previous() == Period(2015, "month", 12)
    assert Period(2016, "month", 10).previous() == Period(2016, "month", 9)
    assert Period(2016, "year").previous() == Period(2015, "year")


def test_contains() -> None:
    q4 = Period(2016, "quarter", 4)
    assert q4.contains(date(2017, 1, 1))
    assert q4.contains(date(2017, 3, 31))
    assert not q4.contains(date(2016, 12, 31))
    assert not q4.contains(date(2017, 4, 1))
    assert q4.contains(datetime(2017, 3, 31, 23, 59))  # a time on the last day still counts


@pytest.mark.parametrize(
    ("kind", "index"),
    [("quarter", 0), ("quarter", 5), ("month", 13), ("month", 0), ("year", 1), ("week", 1)],
)
def test_invalid_periods(kind: str, index: int) -> None:
    with pytest.raises(ReportgenError):
        Period(2016, kind, index)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016/17", Period(2016, "year")),
        ("2016-17", Period(2016, "year")),
        ("2016/2017", Period(2016, "year")),
        (" 2010/11 ", Period(2010, "year")),
        ("1999/00", Period(1999, "year")),
        ("1999/2000", Period(1999, "year")),
        ("2016/17 Q1", Period(2016, "quarter", 1)),
        ("2016/17-Q2", Period(2016, "quarter", 2)),
        ("2016/17Q2", Period(2016, "quarter", 2)),
        ("2016-17 q3", Period(2016, "quarter", 3)),
        ("2016/17 M5", Period(2016, "month", 5)),
        ("2016/17 m12", Period(2016, "month", 12)),
        ("2016/17 August", Period(2016, "month", 5)),
        ("2016/17 Aug", Period(2016, "month", 5)),
        ("2016/17 sept", Period(2016, "month", 6)),
        ("2016/17 January", Period(2016, "month", 10)),  # January 2017
        ("2016/17 Mar", Period(2016, "month", 12)),
        ("2016/17 May", Period(2016, "month", 2)),
    ],
)
def test_parse_period(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


def test_parsed_month_name_means_that_financial_year() -> None:
    assert parse_period("2016/17 August").start == date(2016, 8, 1)
    assert parse_period("2016/17 Jan").start == date(2017, 1, 1)


@pytest.mark.parametrize(
    "text", ["", "2016", "16/17", "2016/17 Q5", "2016/17 M13", "2016/17 Augst", "Q1 2016/17"]
)
def test_parse_period_rejects_nonsense(text: str) -> None:
    with pytest.raises(ReportgenError) as caught:
        parse_period(text)
    assert caught.value.line() == (
        f"unrecognised period '{text}': expected a UK financial year such as 2016/17, "
        "a quarter such as 2016/17 Q1, or a month such as 2016/17 M5"
    )


@pytest.mark.parametrize("text", ["2016/18", "2016/2018", "2016/16", "1999/01"])
def test_parse_period_needs_consecutive_years(text: str) -> None:
    with pytest.raises(ReportgenError, match="consecutive"):
        parse_period(text)


def test_parse_period_rejects_non_text() -> None:
    with pytest.raises(ReportgenError, match="unrecognised period"):
        parse_period(float("nan"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("day", "year", "quarter", "month"),
    [
        (date(2016, 4, 1), "2016/17", "2016/17 Q1", "2016/17 M1"),
        (date(2016, 8, 15), "2016/17", "2016/17 Q2", "2016/17 M5"),
        (date(2016, 12, 31), "2016/17", "2016/17 Q3", "2016/17 M9"),
        (date(2017, 1, 1), "2016/17", "2016/17 Q4", "2016/17 M10"),
        (date(2017, 3, 31), "2016/17", "2016/17 Q4", "2016/17 M12"),
        (date(2017, 4, 1), "2017/18", "2017/18 Q1", "2017/18 M1"),
    ],
)
def test_period_of_a_date(day: date, year: str, quarter: str, month: str) -> None:
    assert financial_year_of(day).label == year
    assert quarter_of(day).label == quarter
    assert month_of(day).label == month
    assert period_of(day, "quarter").label == quarter
    assert period_of(datetime.combine(day, datetime.min.time()), "month").label == month


def test_period_of_rejects_bad_input() -> None:
    with pytest.raises(ReportgenError):
        period_of(date(2016, 4, 1), "week")  # type: ignore[arg-type]
    with pytest.raises(ReportgenError):
        financial_year_of("2016-04-01")  # type: ignore[arg-type]


def test_ordering() -> None:
    ordered = [
        Period(2015, "month", 12),
        Period(2016, "year"),
        Period(2016, "quarter", 1),
        Period(2016, "month", 1),
        Period(2016, "month", 2),
        Period(2016, "quarter", 2),
        Period(2016, "quarter", 4),
        Period(2017, "year"),
    ]
    assert sorted(reversed(ordered)) == ordered
    assert Period(2016, "quarter", 4) > Period(2016, "quarter", 3)
    assert Period(2016, "year") <= Period(2016, "year")


def test_period_sort_key_with_pandas() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"period": ["2016/17 Q3", "2010/11", "2016/17 Q1", "2016-17 M2"]})
    result = frame.sort_values("period", key=lambda s: s.map(period_sort_key))
    assert list(result["period"]) == ["2010/11", "2016/17 Q1", "2016-17 M2", "2016/17 Q3"]
    assert period_sort_key(Period(2016, "quarter", 1)) == period_sort_key("2016/17 Q1")


def test_periods_overlap() -> None:
    fy = Period(2016, "year")
    assert periods_overlap(fy, Period(2016, "quarter", 4))
    assert periods_overlap(Period(2016, "quarter", 2), Period(2016, "month", 6))  # September
    assert not periods_overlap(Period(2016, "quarter", 2), Period(2016, "month", 7))  # October
    assert not periods_overlap(fy, Period(2017, "month", 1))
    assert periods_overlap(Period(2016, "month", 10), Period(2016, "quarter", 4))
