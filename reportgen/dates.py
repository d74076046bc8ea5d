"""The one date grammar of reportgen: how a date may be written in any input.

report.yaml, agenda.yaml, data files (.csv cells and .xlsx text cells) and the disclosure
check's search of a document's text all read dates through this module, so a date an officer
may write in one place is accepted in every other, and refused for the same reason.

Accepted, always **day first** (never month first, as UK councils write dates):

- ISO, year first: ``2016-10-25`` (also ``2016/10/25``)
- numeric, day first: ``25/10/2016``, ``25.10.2016``, ``25-10-2016`` (one separator throughout)
- named months: ``25 October 2016``, ``25th October 2016``, ``25 Oct 2016``, ``25-Oct-2016``,
  ``30 Sept 2016``, ``Tuesday 25th October, 2016``, ``October 25, 2016``
- any of them followed by a time (``25/10/2016 00:00``, as Excel's CSV exports add): the
  time is dropped

Refused: two-digit years (``25/10/16``: the century would be a guess), impossible dates
(``31/02/2016``; ``10/25/2016`` has no 25th month), a weekday that is not the date's own
("Monday 25 October 2016"), and years outside :data:`FIRST_YEAR` to :data:`LAST_YEAR`
(all that pandas can hold, so one rule for every input); 31/12/9999, the "no end date"
sentinel of case systems, is reported as such so that end-date columns can read it as blank.

Why not ``dateutil``: its parser guesses (month/day order, missing parts filled from today,
fuzzy words skipped), and constraining it would leave a grammar that is this one plus surprises.
Month and weekday names are English here, whatever the process locale (``strptime``'s ``%B``
follows the locale).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from reportgen import limits
from reportgen.errors import quote

#: The years every date must fall in: those pandas' datetime64[ns] holds in full.
FIRST_YEAR, LAST_YEAR = 1678, 2261
#: The year of the "no end date" sentinel (31/12/9999).
SENTINEL_YEAR = 9999

#: How report.yaml, agenda.yaml and build.yaml errors show an example.
EXAMPLE = "2016-10-25 or 25/10/2016"

Problem = Literal["unreadable", "two_digit_year", "impossible", "day_first", "weekday",
                  "outside", "sentinel"]

_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
MONTHS: dict[str, int] = {
    name: n for n, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])
}
MONTHS["sept"] = 9
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: dict[str, int] = {
    name: n for n, full in enumerate(_WEEKDAY_NAMES) for name in (full, full[:3])
}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_TIME = r"(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_YEAR = r"(?P<y>\d{4}|\d{2})"  # two digits matched only to be refused with a clear reason

# The written forms, as one alternation each; the named groups say which part is which.
_ISO = r"(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2})"
_NUMERIC = r"(?P<nd>\d{1,2})(?P<nsep>[/.-])(?P<nm>\d{1,2})(?P=nsep)(?P<ny>\d{4}|\d{2})"
_DAY_MONTH = (
    rf"(?:(?P<dw>{_WEEKDAY})\.?,?\s+)?"
    rf"(?P<dd>\d{{1,2}}){_ORD}(?:\s+of)?(?:\s+|-|/)(?P<dm>{_MONTH})\.?(?:,?\s+|-|/)"
    r"(?P<dy>\d{4}|\d{2})"
)
_MONTH_DAY = (
    rf"(?:(?P<mw>{_WEEKDAY})\.?,?\s+)?"
    rf"(?P<mm>{_MONTH})\.?\s+(?P<md>\d{{1,2}}){_ORD},?\s+(?P<my>\d{{4}}|\d{{2}})"
)
_GRAMMAR = rf"(?:{_ISO}|{_NUMERIC}|{_DAY_MONTH}|{_MONTH_DAY})"
_WHOLE = re.compile(rf"{_GRAMMAR}{_TIME}", re.IGNORECASE)
#: Dates in running text: the grammar, not inside a longer word or number.
DATE_IN_TEXT = re.compile(rf"(?<![\w/.-]){_GRAMMAR}{_TIME}(?![\w/-]|\.\d)", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """What a written date says: its parts, and the reason it is not a date if it is not."""

    year: int
    month: int
    day: int
    numeric: bool  # written dd/mm/yyyy: an impossible one may have been written month first
    weekday: int | None = None  # the weekday written with it, Monday = 0

    def problem(self) -> Problem | None:
        if self.year == SENTINEL_YEAR:
            return "sentinel"
        if self.year < 100:
            return "two_digit_year"
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            return "outside"
        try:
            day = date(self.year, self.month, self.day)
        except ValueError:
            return "day_first" if self.numeric else "impossible"
        if self.weekday is not None and day.weekday() != self.weekday:
            return "weekday"
        return None


def _reading(match: re.Match[str]) -> Reading:
    g = match.groupdict()
    if g["iy"] is not None:
        return Reading(int(g["iy"]), int(g["im"]), int(g["id"]), numeric=False)
    if g["nd"] is not None:
        return Reading(int(g["ny"]), int(g["nm"]), int(g["nd"]), numeric=True)
    if g["dd"] is not None:
        weekday = g["dw"]
        return Reading(int(g["dy"]), MONTHS[g["dm"].lower()], int(g["dd"]), numeric=False,
                       weekday=WEEKDAYS[weekday.lower()] if weekday else None)
    weekday = g["mw"]
    return Reading(int(g["my"]), MONTHS[g["mm"].lower()], int(g["md"]), numeric=False,
                   weekday=WEEKDAYS[weekday.lower()] if weekday else None)


def read(text: str) -> Reading | None:
    """The parts of ``text`` if it is written as a date, else ``None`` (nothing is checked:
    see :meth:`Reading.problem`)."""
    if len(text) > limits.MAX_DATE_CHARS:  # no date is this long: spare the patterns
        return None
    match = _WHOLE.fullmatch(" ".join(text.split()))
    return _reading(match) if match else None


class DateError(ValueError):
    """A written date that is not one; ``problem`` says why (``unreadable`` if not a date)."""

    def __init__(self, message: str, problem: Problem) -> None:
        super().__init__(message)
        self.message = message
        self.problem = problem


def outside_message(shown: str, open_end: bool = False) -> str:
    """The message for a date outside the years every input may use."""
    hint = "; leave it blank (or write 31/12/9999) while the placement continues" if open_end \
        else ""
    return f"date{shown} is outside the years {FIRST_YEAR} to {LAST_YEAR}{hint}"


def parse_date(text: str, *, example: str = EXAMPLE) -> date:
    """``text`` as a date, by the grammar above, or :class:`DateError` saying why not.

    ``example`` is the date shown in the "expected a date such as ..." message.
    """
    reading = read(text)
    if reading is None:
        raise DateError(f"expected a date such as {example}, got {quote(text)}", "unreadable")
    problem = reading.problem()
    if problem is None:
        return date(reading.year, reading.month, reading.day)
    raise DateError(problem_message(problem, f" {quote(text)}", reading), problem)


def problem_message(problem: Problem, shown: str, reading: Reading | None = None,
                    *, open_end: bool = False, example: str = EXAMPLE) -> str:
    """The words for a date's ``problem``; ``shown`` is the quoted value with a leading space
    (empty for a cell that must not be quoted)."""
    if problem == "two_digit_year":
        return f"two-digit year in date{shown}: write the year in full, e.g. 25/10/2016"
    if problem in ("outside", "sentinel"):
        return outside_message(shown, open_end)
    if problem == "day_first":
        return f"impossible date{shown} (dates are read day first, as dd/mm/yyyy)"
    if problem == "impossible":
        return f"impossible date{shown}"
    if problem == "weekday" and reading is not None:
        actual = _WEEKDAY_NAMES[date(reading.year, reading.month, reading.day).weekday()]
        return f"the weekday does not match the date{shown}: it is a {actual.title()}"
    got = f", got{shown}" if shown else ""
    return f"expected a date such as {example}{got}"


@dataclass(frozen=True)
class FoundDate:
    """A date written in running text: where, as written, and what day it is."""

    start: int
    end: int
    text: str
    day: date


def find_dates(text: str) -> Iterator[FoundDate]:
    """Every date in ``text`` that the grammar accepts (impossible ones are skipped).

    Two-digit years are read here, as both 19yy and 20yy, because this is the disclosure
    check looking for a date of birth: missing "06/03/09" would leak it, while an input never
    guesses a century.
    """
    for match in DATE_IN_TEXT.finditer(text):
        reading = _reading(match)
        years = [reading.year] if reading.year >= 100 else [1900 + reading.year,
                                                            2000 + reading.year]
        for year in years:
            candidate = Reading(year, reading.month, reading.day, reading.numeric,
                                reading.weekday)
            if candidate.problem() in (None, "weekday"):  # a wrong weekday still tells the date
                yield FoundDate(match.start(), match.end(), match.group(0),
                                date(year, reading.month, reading.day))
