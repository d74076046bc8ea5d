"""en_GB money, number and date formatting (values worked by hand or from the seed reports)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from reportgen.errors import ReportgenError
from reportgen.formatting import (
    long_date,
    money,
    money_table,
    number,
    ordinal,
    percent,
    plural,
    short_date,
    thousands,
    variance_phrase,
    variance_word,
)


@pytest.mark.parametrize(
    ("amount", "style", "expected"),
    [
        # Seed figures: Harrow "£2,786,300", Herefordshire "£437k", "£673k", "£875".
        (2_786_300, "full", "£2,786,300"),
        (2_786_299.5, "full", "£2,786,300"),  # half-up, not banker's
        (2.5, "full", "£3"),  # banker's rounding would give £2
        (1234.56, "pence", "£1,234.56"),
        (2.675, "pence", "£2.68"),  # the float is 2.67499..., a person reads 2.675
        (5, "pence", "£5.00"),
        (437_000, "k", "£437k"),
        (436_500, "k", "£437k"),  # 436.5k rounds up
        (2_500, "k", "£3k"),
        (1_250_000, "k", "£1,250k"),
        (7_912_345, "m", "£7.9m"),
        (7_950_000, "m", "£8m"),  # 7.95 → 8.0 → trailing .0 dropped
        (12_000_000, "m", "£12m"),
        (12_040_000, "m", "£12m"),
        (12_050_000, "m", "£12.1m"),
        (875, "auto", "£875"),
        (999.4, "auto", "£999"),
        (999.5, "auto", "£1k"),  # rounds to £1,000, so shown in k
        (437_000, "auto", "£437k"),
        (999_600, "auto", "£1m"),  # would be "£1,000k" in k
        (7_900_000, "auto", "£7.9m"),
        (-437_000, "k", "-£437k"),
        (-80_174, "full", "-£80,174"),
        (-1_250_000, "auto", "-£1.3m"),  # 1.25 rounds half-up to 1.3
        (-400, "k", "£0k"),  # nothing left to be negative
        (0, "full", "£0"),
        (Decimal("1234.565"), "pence", "£1,234.57"),
    ],
)
def test_money(amount: float, style: str, expected: str) -> None:
    assert money(amount, style) == expected


def test_money_default_style_is_full() -> None:
    assert money(51_000) == "£51,000"


@pytest.mark.parametrize("bad", [None, float("nan"), float("inf"), "lots", True])
def test_money_rejects_non_numbers(bad: object) -> None:
    with pytest.raises(ReportgenError, match="cannot format amount"):
        money(bad, "k")  # type: ignore[arg-type]


def test_money_rejects_unknown_style() -> None:
    with pytest.raises(ReportgenError, match="unknown money style 'bn'"):
        money(1, "bn")


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (2_786_300, "£000s", "2,786"),
        (-80_174, "£000s", "(80)"),
        (2_040_174, "£000s", "2,040"),
        (1_500, "£000s", "2"),  # half-up
        (-1_500, "£000s", "(2)"),
        (0, "£000s", "-"),  # nil
        (400, "£000s", "0"),  # not nil, just small
        (-400, "£000s", "0"),  # never "(0)"
        (2_786_300, "£", "2,786,300"),
        (-80_174, "£", "(80,174)"),
        (0.0, "£", "-"),
        (12_345_678.5, "£", "12,345,679"),
    ],
)
def test_money_table(amount: float, unit: str, expected: str) -> None:
    assert money_table(amount, unit) == expected


def test_money_table_rejects_unknown_unit() -> None:
    with pytest.raises(ReportgenError, match="unknown table unit"):
        money_table(1, "£m")


@pytest.mark.parametrize(
    ("amount", "expected"),
    [(2_786_300, 2786), (2_500, 3), (3_500, 4), (1_499.99, 1), (-80_174, -80), (-2_500, -3)],
)
def test_thousands_rounds_half_up(amount: float, expected: int) -> None:
    assert thousands(amount) == expected
    assert isinstance(thousands(amount), int)


def test_number_and_percent() -> None:
    assert number(1234) == "1,234"
    assert number(1_234_567.5) == "1,234,568"
    assert number(2.345, places=2) == "2.35"
    assert number(-0.2) == "0"
    assert percent(0.768) == "77%"
    assert percent(0.768, places=1) == "76.8%"
    assert percent(0.125) == "13%"  # half-up: 12.5 → 13
    assert percent(1) == "100%"
    assert percent(0) == "0%"
    with pytest.raises(ReportgenError):
        number(1, places=-1)


def test_plural() -> None:
    assert plural(1, "placement") == "1 placement"
    assert plural(3, "placement") == "3 placements"
    assert plural(0, "placement") == "0 placements"
    assert plural(1, "child", "children") == "1 child"
    assert plural(2, "child", "children") == "2 children"
    assert plural(3, "placement", words=True) == "three placements"
    assert plural(1, "child", "children", words=True) == "one child"
    assert plural(9, "child", "children", words=True) == "nine children"
    assert plural(10, "placement", words=True) == "10 placements"  # figures from 10
    assert plural(1_234, "placement") == "1,234 placements"
    with pytest.raises(ReportgenError, match="whole number"):
        plural(2.5, "placement")  # type: ignore[arg-type]


def test_variance_words() -> None:
    assert variance_word(673_000) == "overspend"
    assert variance_word(-12_000) == "underspend"
    assert variance_word(0) == "on budget"
    assert variance_phrase(673_000) == "an overspend of £673k"
    assert variance_phrase(-12_000) == "an underspend of £12k"
    assert variance_phrase(0) == "a balanced position"
    assert variance_phrase(0.2) == "a balanced position"  # under 50p shows as £0
    assert variance_phrase(-1_960_000, "full") == "an underspend of £1,960,000"
    assert variance_phrase(7_900_000) == "an overspend of £7.9m"
    # £300 in k style would read "£0k": the phrase falls back to whole pounds.
    assert variance_phrase(300, "k") == "an overspend of £300"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinal(n: int, expected: str) -> None:
    assert ordinal(n) == expected


def test_long_and_short_dates() -> None:
    # Seed dates: Harrow meeting 25 October 2016, Rotherham "15th October 2010",
    # Herefordshire "Thursday 29 November 2018"; 15 October 2010 was a Friday.
    assert long_date(date(2016, 10, 25)) == "25 October 2016"
    assert long_date(date(2010, 10, 15), "ordinal") == "15th October 2010"
    assert long_date(date(2018, 11, 29), "weekday") == "Thursday 29 November 2018"
    assert long_date(date(2010, 10, 15), "weekday_ordinal") == "Friday 15th October 2010"
    assert long_date(date(2018, 9, 30), "ordinal") == "30th September 2018"
    assert long_date(datetime(2018, 2, 5, 14, 30)) == "5 February 2018"
    assert short_date(date(2016, 10, 13)) == "13/10/16"
    assert short_date(date(2009, 1, 2)) == "02/01/09"


def test_dates_reject_bad_input() -> None:
    with pytest.raises(ReportgenError, match="unknown date style 'long'"):
        long_date(date(2016, 10, 25), "long")
    with pytest.raises(ReportgenError, match="expected a date"):
        long_date("25/10/2016")  # type: ignore[arg-type]
    with pytest.raises(ReportgenError, match="expected a date"):
        short_date(None)  # type: ignore[arg-type]


def test_dates_accept_pandas_timestamps_and_reject_nat() -> None:
    pd = pytest.importorskip("pandas")
    assert long_date(pd.Timestamp("2016-10-25")) == "25 October 2016"
    with pytest.raises(ReportgenError, match="expected a date"):
        long_date(pd.NaT)
