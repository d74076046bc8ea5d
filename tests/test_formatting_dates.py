"""The en_GB date formats written out in reportgen.formatting agree with babel's (CLDR's).

babel left the runtime dependencies (issue 27: its import and locale data were a visible part
of a render's start-up); it stays a test extra so that these hand-written names and layouts are
held to the reference on every day of a wide range, not on a few chosen dates.
"""

from __future__ import annotations

import datetime as dt

import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from reportgen import formatting

PATTERNS = {"dotted": "dd.MM.y", "slashed": "dd/MM/y"}


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_style_matches_babel(day: dt.date) -> None:
    month = format_date(day, "MMMM", locale="en_GB")
    weekday = format_date(day, "EEEE", locale="en_GB")
    assert formatting.short_date(day) == format_date(day, "dd/MM/yy", locale="en_GB")
    for style, pattern in PATTERNS.items():
        assert formatting.long_date(day, style) == format_date(day, pattern, locale="en_GB")
    assert formatting.long_date(day, "plain") == f"{day.day} {month} {day.year}"
    assert formatting.long_date(day, "weekday") == f"{weekday} {day.day} {month} {day.year}"
    assert formatting.long_date(day, "capitals") == f"{day.day} {month} {day.year}".upper()


@pytest.mark.parametrize("offset", range(7 * 12))
def test_every_month_and_weekday_name(offset: int) -> None:
    # Every weekday in every month, whatever the process's own locale says.
    day = dt.date(2023, 1 + offset // 7, 1) + dt.timedelta(days=offset % 7)
    assert formatting.long_date(day, "weekday").split()[0] == format_date(
        day, "EEEE", locale="en_GB")
    assert formatting.long_date(day, "plain").split()[1] == format_date(
        day, "MMMM", locale="en_GB")


def test_datetime_is_read_as_its_date() -> None:
    moment = dt.datetime(2016, 10, 13, 23, 59)
    assert formatting.short_date(moment) == "13/10/16"
    assert formatting.long_date(moment, "weekday_ordinal") == "Thursday 13th October 2016"
