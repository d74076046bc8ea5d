"""Statutory publication dates; every expected date below was worked out by hand on a calendar.

England & Wales bank holidays used (from gov.uk): 2016 Tue 27 Dec (Christmas Day substitute),
Mon 26 Dec (Boxing Day); 2017 Mon 2 Jan (New Year substitute), Fri 14 Apr (Good Friday),
Mon 17 Apr (Easter Monday), Mon 29 May (spring bank holiday); 2018 Tue 25 Dec, Wed 26 Dec;
2019 Tue 1 Jan, Fri 19 Apr (Good Friday).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportgen.deadlines import (
    bank_holidays_between,
    clear_working_days_between,
    is_working_day,
    key_decision_latest_notice,
    key_decision_notice_ok,
    last_publication_date,
    required_clear_days,
)
from reportgen.errors import ReportgenError


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2016, 10, 17), True),  # an ordinary Monday
        (date(2016, 10, 22), False),  # Saturday
        (date(2016, 10, 23), False),  # Sunday
        (date(2016, 12, 27), False),  # Christmas Day substitute (25th was a Sunday)
        (date(2017, 1, 2), False),  # New Year's Day substitute
        (date(2017, 1, 3), True),
        (date(2019, 4, 18), True),  # Maundy Thursday is a working day
        (date(2019, 4, 19), False),  # Good Friday
        (date(2017, 5, 29), False),  # spring (late May) bank holiday
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working
    assert is_working_day(day, "wales") is working  # England and Wales share bank holidays


def test_clear_working_days_between() -> None:
    # Published Mon 17 Oct 2016, meeting Tue 25 Oct: 18, 19, 20, 21, 24 → 5.
    assert clear_working_days_between(date(2016, 10, 17), date(2016, 10, 25)) == 5
    # Published Tue 18 Oct: 19, 20, 21, 24 → 4.
    assert clear_working_days_between(date(2016, 10, 18), date(2016, 10, 25)) == 4
    # Fri 23 Dec 2016 to Thu 5 Jan 2017: 28, 29, 30 Dec, 3, 4 Jan → 5 (26, 27 Dec, 2 Jan off).
    assert clear_working_days_between(date(2016, 12, 23), date(2017, 1, 5)) == 5
    # Next day, or a meeting before publication, leaves no clear days.
    assert clear_working_days_between(date(2016, 10, 24), date(2016, 10, 25)) == 0
    assert clear_working_days_between(date(2016, 10, 25), date(2016, 10, 25)) == 0
    assert clear_working_days_between(date(2016, 10, 26), date(2016, 10, 25)) == 0


def test_required_clear_days() -> None:
    assert required_clear_days("england") == 5
    assert required_clear_days("Wales") == 3


@pytest.mark.parametrize(
    ("meeting", "nation", "latest"),
    [
        # Harrow seed: meeting Tue 25 Oct 2016; clear days Tue 18, Wed 19, Thu 20, Fri 21,
        # Mon 24 → publish by Mon 17 Oct 2016 (the seed's clearance block shows 17/10/16).
        (date(2016, 10, 25), "england", date(2016, 10, 17)),
        # Wales, 3 clear days: Mon 24, Fri 21, Thu 20 → Wed 19 Oct 2016.
        (date(2016, 10, 25), "wales", date(2016, 10, 19)),
        # Christmas 2016: meeting Thu 5 Jan 2017. Clear days Wed 4, Tue 3 Jan (Mon 2 Jan is the
        # New Year substitute), Fri 30, Thu 29, Wed 28 Dec (Tue 27 and Mon 26 are holidays)
        # → the working day before 28 Dec is Fri 23 Dec 2016.
        (date(2017, 1, 5), "england", date(2016, 12, 23)),
        # Wales: Wed 4, Tue 3 Jan, Fri 30 Dec → Thu 29 Dec 2016.
        (date(2017, 1, 5), "wales", date(2016, 12, 29)),
        # Christmas 2018: meeting Thu 3 Jan 2019. Clear days Wed 2 Jan (Tue 1 Jan off),
        # Mon 31, Fri 28, Thu 27 Dec (Wed 26, Tue 25 off), Mon 24 Dec → Fri 21 Dec 2018.
        (date(2019, 1, 3), "england", date(2018, 12, 21)),
        # Wales: Wed 2 Jan, Mon 31 Dec, Fri 28 Dec → Thu 27 Dec 2018.
        (date(2019, 1, 3), "wales", date(2018, 12, 27)),
        # Easter 2017: meeting Thu 20 Apr. Clear days Wed 19, Tue 18 (Mon 17 Easter Monday,
        # Fri 14 Good Friday), Thu 13, Wed 12, Tue 11 → Mon 10 Apr 2017.
        (date(2017, 4, 20), "england", date(2017, 4, 10)),
        # Wales: Wed 19, Tue 18, Thu 13 → Wed 12 Apr 2017.
        (date(2017, 4, 20), "wales", date(2017, 4, 12)),
        # Late May 2017: meeting Tue 6 Jun. Clear days Mon 5, Fri 2, Thu 1 Jun, Wed 31, Tue 30
        # May. The day before, Mon 29 May, is the spring bank holiday and publication must be
        # on a working day → Fri 26 May 2017.
        (date(2017, 6, 6), "england", date(2017, 5, 26)),
        # Wales: Mon 5, Fri 2, Thu 1 Jun → Wed 31 May 2017.
        (date(2017, 6, 6), "wales", date(2017, 5, 31)),
    ],
)
def test_last_publication_date(meeting: date, nation: str, latest: date) -> None:
    assert last_publication_date(meeting, nation) == latest


def test_last_publication_date_with_explicit_clear_days() -> None:
    # 3 clear days before Tue 25 Oct 2016 in England: Mon 24, Fri 21, Thu 20 → Wed 19 Oct.
    assert last_publication_date(date(2016, 10, 25), clear_days=3) == date(2016, 10, 19)
    # 0 clear days: the last working day before the meeting. Mon 3 Apr 2017 → Fri 31 Mar.
    assert last_publication_date(date(2017, 4, 3), clear_days=0) == date(2017, 3, 31)
    # A datetime meeting is treated as its day.
    assert last_publication_date(datetime(2016, 10, 25, 19, 0)) == date(2016, 10, 17)


@given(
    meeting=st.dates(min_value=date(2012, 1, 1), max_value=date(2030, 12, 31)),
    nation=st.sampled_from(["england", "wales"]),
)
def test_last_publication_date_is_the_latest_that_complies(meeting: date, nation: str) -> None:
    latest = last_publication_date(meeting, nation)
    needed = required_clear_days(nation)
    assert is_working_day(latest, nation)
    assert clear_working_days_between(latest, meeting, nation) == needed
    following = latest + timedelta(days=1)
    while not is_working_day(following, nation):
        following += timedelta(days=1)
    assert clear_working_days_between(following, meeting, nation) < needed


def test_bad_nation_and_clear_days() -> None:
    with pytest.raises(ReportgenError, match="unknown nation 'scotland'"):
        last_publication_date(date(2016, 10, 25), "scotland")
    with pytest.raises(ReportgenError, match="unknown nation"):
        is_working_day(date(2016, 10, 25), "")
    with pytest.raises(ReportgenError, match="clear days"):
        last_publication_date(date(2016, 10, 25), clear_days=-1)
    with pytest.raises(ReportgenError, match="not a date"):
        last_publication_date("2016-10-25")  # type: ignore[arg-type]


def test_key_decision_notice() -> None:
    # Decision Tue 25 Oct 2016: clear days 27–30 Sep (4) and 1–24 Oct (24) = 28, so notice by
    # Mon 26 Sep 2016; notice on Tue 27 Sep leaves only 27.
    assert key_decision_latest_notice(date(2016, 10, 25)) == date(2016, 9, 26)
    assert key_decision_notice_ok(date(2016, 9, 26), date(2016, 10, 25))
    assert key_decision_notice_ok(date(2016, 9, 1), date(2016, 10, 25))
    assert not key_decision_notice_ok(date(2016, 9, 27), date(2016, 10, 25))
    # Calendar days, so Christmas does not stretch it: decision Thu 3 Jan 2019, clear days
    # 6–31 Dec (26) and 1–2 Jan (2) = 28 → notice by Wed 5 Dec 2018.
    assert key_decision_latest_notice(date(2019, 1, 3)) == date(2018, 12, 5)
    assert not key_decision_notice_ok(date(2018, 12, 6), date(2019, 1, 3))


def test_bank_holidays_between() -> None:
    assert bank_holidays_between(date(2017, 4, 10), date(2017, 4, 20)) == [
        (date(2017, 4, 14), "Good Friday"),
        (date(2017, 4, 17), "Easter Monday"),
    ]
    # Christmas 2016: Christmas Day (a Sunday) and New Year's Day (a Sunday) are not listed;
    # their weekday substitutes are.
    days = [d for d, _ in bank_holidays_between(date(2016, 12, 23), date(2017, 1, 5), "wales")]
    assert days == [date(2016, 12, 26), date(2016, 12, 27), date(2017, 1, 2)]
    assert bank_holidays_between(date(2016, 10, 17), date(2016, 10, 25)) == []
