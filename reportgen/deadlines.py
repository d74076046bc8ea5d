"""Statutory publication dates for council meetings in England and Wales.

The law, as this project applies it:

* **Agenda and reports** — Local Government Act 1972 s.100B(3): copies of the agenda and of
  reports open to the public must be open to inspection at least *five clear days* before the
  meeting in England (the period became five days under the Local Government (Access to
  Information) (Variation) Order 2002; it was three). "Clear days" exclude both the day of
  publication and the day of the meeting. Following the usual reading of the 2002 Order and of
  R v Swansea City Council ex p Elitestone Ltd (1993), Saturdays, Sundays and bank holidays are
  treated as not counting. In **Wales** the project rule is *three* clear working days.
* **Publication day** — a report is published by the council's offices, so the publication day
  must itself be a working day; :func:`last_publication_date` never returns a weekend or a bank
  holiday.
* **Key decisions** — Local Authorities (Executive Arrangements) (Meetings and Access to
  Information) (England) Regulations 2012 reg. 9: notice of a key decision must be published at
  least *28 clear days* before the decision. These are calendar days (weekends and bank
  holidays count), excluding the notice day and the decision day.

Bank holidays come from the ``holidays`` library (``holidays.UnitedKingdom`` with subdivision
``ENG`` or ``WLS``), which includes one-off days such as the 2022 Platinum Jubilee and moves
holidays that fall at a weekend to the following weekday ("substitute days").
"""

from __future__ import annotations

import importlib.util
import sys
import types
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from reportgen.errors import ReportgenError

#: Clear working days required between publishing an agenda and the meeting, by nation.
CLEAR_DAYS: dict[str, int] = {"england": 5, "wales": 3}

#: Clear calendar days' notice of a key decision (2012 Regulations, reg. 9).
KEY_DECISION_CLEAR_DAYS = 28

_SUBDIVISIONS = {"england": "ENG", "wales": "WLS"}


def _nation(nation: str) -> str:
    key = nation.strip().lower() if isinstance(nation, str) else ""
    if key not in _SUBDIVISIONS:
        raise ReportgenError(f"unknown nation '{nation}': expected england or wales")
    return key


def _day(d: date, what: str = "date") -> date:
    if not isinstance(d, date) or d != d:  # NaT is a datetime that is unequal to itself
        raise ReportgenError(f"{what} {d!r} is not a date")
    return d.date() if isinstance(d, datetime) else d


def _united_kingdom() -> type[holidays.HolidayBase]:
    """``holidays.UnitedKingdom``, without importing the other 200-odd countries.

    Asking ``holidays`` for one country imports the package ``holidays.countries``, whose
    ``__init__`` imports every country (about 0.1 s, a tenth of importing pandas). The UK's
    module needs none of them, so it is imported under a bare stand-in for that package,
    which is removed again at once: a later ``import holidays.countries`` runs the real one
    (and finds this module already loaded). Any surprise falls back to the ordinary way.
    """
    name = "holidays.countries"
    if name in sys.modules:
        return holidays.UnitedKingdom
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.submodule_search_locations is None:
            return holidays.UnitedKingdom
        stand_in = types.ModuleType(name)
        stand_in.__path__ = list(spec.submodule_search_locations)
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
        try:
            from holidays.countries.united_kingdom import UnitedKingdom
        finally:
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    except ImportError:
        return holidays.UnitedKingdom
    return UnitedKingdom


@cache
def _bank_holidays(nation: str) -> holidays.HolidayBase:
    # Built once a nation; the object adds each year on first lookup.
    return _united_kingdom()(subdiv=_SUBDIVISIONS[nation])


def is_working_day(d: date, nation: str = "england") -> bool:
    """Monday to Friday and not a bank holiday in ``nation`` ("england" or "wales")."""
    return _bank_holidays(_nation(nation)).is_working_day(_day(d))


def clear_working_days_between(published: date, meeting: date, nation: str = "england") -> int:
    """Working days strictly between publication and meeting (0 if the meeting is not later)."""
    start, end, key = (
        _day(published, "publication date"),
        _day(meeting, "meeting date"),
        _nation(nation),
    )
    if (end - start).days < 2:
        return 0
    return _bank_holidays(key).get_working_days_count(start + timedelta(days=1),
                                                       end - timedelta(days=1))


def required_clear_days(nation: str = "england") -> int:
    """Clear working days an agenda needs before a meeting: 5 in England, 3 in Wales."""
    return CLEAR_DAYS[_nation(nation)]


def last_publication_date(
    meeting: date, nation: str = "england", clear_days: int | None = None
) -> date:
    """The latest working day on which publishing leaves ``clear_days`` clear working days.

    Example: a meeting on Tuesday 25 October 2016 needs five clear days in England (Tue 18, Wed
    19, Thu 20, Fri 21 and Mon 24 October), so the agenda must be published by Monday 17 October
    2016. ``clear_days`` defaults to the nation's rule (:data:`CLEAR_DAYS`); with 0 the answer is
    the last working day before the meeting.
    """
    day = _day(meeting, "meeting date")
    key = _nation(nation)
    needed = CLEAR_DAYS[key] if clear_days is None else clear_days
    if isinstance(needed, bool) or not isinstance(needed, int) or needed < 0:
        raise ReportgenError(f"clear days must be a whole number of 0 or more, not {needed!r}")
    # The clear days themselves, then the working day before the first of them.
    return _bank_holidays(key).get_nth_working_day(day, -(needed + 1))


def key_decision_notice_ok(notice: date, decision: date) -> bool:
    """Whether notice given on ``notice`` leaves 28 clear calendar days before ``decision``."""
    gap = (_day(decision, "decision date") - _day(notice, "notice date")).days - 1
    return gap >= KEY_DECISION_CLEAR_DAYS


def key_decision_latest_notice(decision: date) -> date:
    """The last day to publish notice of a key decision: 29 calendar days before it.

    A decision on Tuesday 25 October 2016 needs notice by Monday 26 September 2016 (clear days
    27 September to 24 October: 4 + 24 = 28).
    """
    return _day(decision, "decision date") - timedelta(days=KEY_DECISION_CLEAR_DAYS + 1)


def meeting_day_problem(meeting: date, nation: str = "england") -> str | None:
    """Why ``meeting`` is an unusual day for a council meeting, or None on a working day.

    A meeting is lawful on any day, but one on a weekend or bank holiday is far more often a
    mistyped date than a real one, so the checks warn: "a Saturday", "Monday 26 August 2024,
    Summer Bank Holiday" (a weekday bank holiday is named).
    """
    day, key = _day(meeting, "meeting date"), _nation(nation)
    if day.weekday() >= 5:
        return "a weekend day"
    name = _bank_holidays(key).get(day)
    if name is not None:
        return f"{name}, a bank holiday in {key.capitalize()}"
    return None


def bank_holidays_between(a: date, b: date, nation: str = "england") -> list[tuple[date, str]]:
    """Bank holidays from ``a`` to ``b`` inclusive that fall on a weekday, with their names.

    Only weekday holidays are listed because only they take a working day away; a Christmas Day
    on a Sunday appears as its substitute, e.g. "Christmas Day (observed)" on Tuesday 27 December
    2016. Meant for messages such as "allowing for Good Friday and Easter Monday".
    """
    start, end, key = _day(a), _day(b), _nation(nation)
    calendar = _bank_holidays(key)
    if end < start:
        return []
    # Asking for each year fills the calendar; its items are then filtered to the range.
    for year in range(start.year, end.year + 1):
        calendar.get(date(year, 1, 1))
    return sorted((day, str(name)) for day, name in calendar.items()
                  if start <= day <= end and day.weekday() < 5)
