"""Counts typed in the narrative: children and placements (in total, by type and by the DfE's
placement groups, started and ended), children looked after, and the changes of a count
("rose by 9", "a decrease of 5", "up from 52 to 61"), judged as money is (issue 26).

A count is read by the words of :mod:`reportgen.checks.reading` (measure, subject, clause,
period), against the count figures alone: a budget line or savings area named in the
sentence ("Children's placements") is not what a count is of. On top of that reading, this
module decides what only counts have:

- **Which window** the count is of: the report's period, unless its clause names the year to
  date ("since April", "so far this year") or the latest collection year ("in 2022/23", "the
  year to 31 March 2023"); words for a year that could be either ("during the year") allow both,
  and then only a disagreement of both is reported, as a warning. A stock (children looked after
  on a day) is never read from words for a span of time, except "at 31 March" of the
  collection year.
- **Another place**: a count whose own words name a comparator ("nationally", "England",
  "statistical neighbours", "other authorities") is not this council's, never compared.
- **A change's start**: in "from X to Y" Y is the figure's value now; X is compared with the
  figure's value at the start of its window (children looked after the day before it, an
  indicator's previous point), as an inferred claim (a warning).
- **A change without a window word** ("has risen by 27") is an inferred claim: it may be since
  any earlier day.
- **Suppressed counts**: a count the public report hides is still read, so that a number typed
  for it is reported, but no finding names its value or says whether the number is right
  (``figures.suppressed-count``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from reportgen.checks.numbers import Literal_
from reportgen.checks.reading import (
    _CHANGE_GOVERNS,
    _DIFFERENCE_AFTER,
    _NEAR,
    _PART_AFTER,
    _PART_BEFORE,
    _RATE_WORDS,
    _SUPERSEDED_AFTER,
    SCOPES,
    Claim,
    Judge,
    Sentence,
    _clause,
    _distance,
    quote_of,
)
from reportgen.checks.registry import define
from reportgen.checks.vocabulary import TYPE_WORDS, Figure
from reportgen.errors import ReportgenError
from reportgen.periods import Period, parse_period

SUPPRESSED = define(
    "figures.suppressed-count", "error",
    "A number is typed for a count that the public report suppresses (its value is never "
    "quoted in the finding).", "bundle")

WINDOWS = ("period", "year_to_date", "collection_year")

#: Words for the financial year to date.
_YEAR_TO_DATE = re.compile(
    r"\b(?:(?:financial )?year[- ]to[- ]date|ytd|so far (?:this|in the) (?:financial )?year|"
    r"(?:in|during) the (?:financial )?year so far|to date this year|this financial year|"
    r"since (?:the (?:start|beginning) of )?(?:1st |1 )?april|since (?:the end of )?march|"
    r"since the (?:start|beginning) of "
    r"the (?:financial )?year|this year)\b", re.IGNORECASE)
#: Words for a year that may be the year to date or the last collection year.
_SOME_YEAR = re.compile(
    r"\b(?:(?:in|during|over|throughout|across) the (?:last |past |previous )?(?:financial )?"
    r"year|(?:in|during|over) the (?:last|past) (?:12|twelve) months|annually|per year|"
    r"each year|a year(?![\s-]+(?:earlier|before|ago|previously|on\b)))\b", re.IGNORECASE)
#: Words for the report's own period (a change said with them is of it).
_THE_PERIOD = re.compile(
    r"\b(?:(?:this|the|in the|during the|over the) (?:quarter|month|period)|"
    r"since (?:the )?(?:last|previous) (?:quarter|month|report))\b", re.IGNORECASE)
#: Words that make a count another area's.
_ELSEWHERE = re.compile(
    r"\b(?:national(?:ly)?|nationwide|england|english average|statistical neighbours?|"
    r"comparators?|(?:regional(?:ly)?|the region(?!\s+of\b))|"
    r"other (?:local )?(?:authorities|councils|las)|similar (?:local )?(?:authorities|councils)|"
    r"across the country|(?:the )?uk)\b",
    re.IGNORECASE)
#: After a count, words that make it what may, will or should be, not what is.
_HYPOTHETICAL = re.compile(r"\b(?:may|might|could|would|will|should|expected to|likely to|"
                           r"planned|projected|forecast|predicted|targeted)\b", re.IGNORECASE)
#: A count that is an average or a rate per month is no figure of the data.
_AVERAGE = re.compile(r"\b(?:on average|an average|averag(?:e|ed|ing)|per (?:month|week|day)|"
                      r"a (?:month|week|day)|each (?:month|week|day)|monthly|weekly)\b",
                      re.IGNORECASE)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = re.compile(
    r"(?:(?P<during>\b(?:in|during|over|throughout)\s+)(?:the\s+month\s+of\s+)?)?"
    r"\b(?P<month>january|february|march|april|may(?=\s+(?:19|20)\d{2})|june|july|august|"
    r"september|october|november|december|sept?|oct|nov|dec|jan|feb|apr|jun|jul|aug)\b\.?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?", re.IGNORECASE)
_SINCE_PREVIOUS = re.compile(r"\b(?:from|on|since|compared (?:to|with)|over) (?:the )?"
                             r"(?:previous|last|prior) (quarter|month)\b", re.IGNORECASE)
_A_CHANGE = re.compile(r"\b(?:increase|decrease|rise|rose|risen|fall|fell|fallen|reduction|"
                       r"reduced|up|down|drop|dropped|grew|grown|change)", re.IGNORECASE)
_FROM_X_TO = re.compile(r"^\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
#: Between Y and X of "Y, down from X": the change's words (Y's date may come between).
_Y_DOWN_FROM = re.compile(r"^[^.;£%]{0,60}?,\s*(?:(?:which\s+is\s+|this\s+is\s+)?(?:down|up)|"
                          r"(?:a\s+)?(?:fall|rise|decrease|increase|reduction|drop)|falling|"
                          r"rising|decreasing|increasing|dropping)\s+from\s+(?:the\s+|a\s+)?$",
                          re.IGNORECASE)

#: Measures that are a stock on a day, not a number over a span of days.
_STOCKS = frozenset({"count", "start_count"})
#: Measures that are a number over a span of days: starts and ends.
_FLOWS = frozenset({"started", "ended", "placement_started", "placement_ended",
                    "periods_started", "periods_ended"})


def window_of(figure: Figure) -> str:
    """The window a count figure is of: its key's first name, else the period."""
    head = figure.key.split(".", 1)[0]
    if head == "changes":
        head = figure.key.split(".")[1]
    return head if head in WINDOWS[1:] else "period"


def start_key(figure: Figure) -> str | None:
    """The key of the figure's value at the start of its window: what X of "from X to Y"
    is, when Y is ``figure``."""
    key = figure.key
    if key.endswith("care.looked_after"):
        return f"{key}_at_start"
    if key.startswith(("indicators", "benchmarks")) and key.endswith(".value"):
        return key[:-len(".value")] + ".previous"
    return None


@dataclass(frozen=True)
class CountClaim:
    """What a typed count claims (see :class:`reading.Claim`), with whether the figure is one
    the public report suppresses."""

    figure: Figure | None
    candidates: list[Figure]
    evidence: list[tuple[int, int]]
    explicit: bool
    hidden: bool = False
    # The change the words give goes the other way from the data's ("rose by 5" for a fall
    # of 5): wrong whatever the number.
    reversed: bool = False


def _relabel(figures: Iterable[Figure], care: bool) -> list[Figure]:
    """Placements started and ended as the words for placements name them. With an SSDA903
    file ("care" figures) children starting to be looked after are another figure, so
    "started" words name only those; without one, placements started are what "children
    admitted to care" can mean too (each placement a child), so they answer to both."""
    out: list[Figure] = []
    for f in figures:
        if f.scope == "care":  # children looked after, in all: the total a count is of
            f = dataclasses.replace(f, scope="total")
        if f.measure in ("started", "ended") and \
                f.key.split(".")[-2:-1] in (["flows"], ["external_flows"]):
            as_placements = dataclasses.replace(f, measure=f"placement_{f.measure}")
            out += [as_placements] if care else [f, as_placements]
        else:
            out.append(f)
    return out


#: A count that is what something is for ("savings for 3 children", "a home for 4 young
#: people"): some children, not a stock or flow of the data (a miss at worst, never an error).
_FOR_BEFORE = re.compile(r"\bfor\s+$", re.IGNORECASE)
#: ... except the council's own role: "corporate parents for 150 children", "responsible for
#: 196 looked after children" are the children it looks after (the statutory words for that
#: duty).
_CORPORATE_PARENT_FOR = re.compile(r"\b(?:corporate\s+parents?\s+(?:for|to)|responsible\s+for)\s+$",
                                   re.IGNORECASE)
#: ... nor a share of a whole: "residential placements accounted for 25 children" is their
#: number (what they make up, not what they are for).
_ACCOUNTS_FOR = re.compile(r"\baccount(?:s|ed|ing)?\s+for\s+$", re.IGNORECASE)
#: Children counted as another statutory group than looked after or placed (children in need,
#: on a child protection plan, care leavers, privately fostered): the data hold none of them,
#: so a number these words follow is never compared, even in a clause that names children
#: looked after ("650 children in need, 142 children looked after").
_OTHER_GROUP_AFTER = re.compile(
    r"\s+(?:(?:children|young\s+people|cases)\s+)?(?:(?:were|are|was|is)\s+)?"
    r"(?:in\s+need\b|(?:on|subject\s+to)\s+(?:a\s+)?(?:child\s+protection|CP|protection)\b|"
    r"(?:care\s+leavers|care[- ]experienced|privately\s+fostered)\b)",
    re.IGNORECASE)


#: A part of all children that the data do not hold, in the number's own words, in any order
#: or capitalisation: "13 Unaccompanied Asylum Seeking Children", "9 UASC", "12 children
#: seeking asylum", "40 disabled young people". Never the total, whatever the clause says.
_A_PART = re.compile(r"\b(?:unaccompanied|asylum|UASC|refugees?|disabled|disabilit\w*)\b",
                     re.IGNORECASE)
#: Children served some other way than being looked after or placed: by social work in all,
#: with a package or payment, on a register, in need, referred. In a count's own clause they
#: say it is that group's ("2,100 young people are supported through social work, 390 are
#: looked after"), unless its words say in care first ("390 children in care receive ...").
_ANOTHER_SERVICE = re.compile(
    r"\b(?:supported\s+(?:by|through|from|via)\s+(?:the\s+|our\s+)?(?:[\w'-]+\s+){0,2}?"
    r"(?:social\s+work\w*|social\s+care|early\s+help|services?|teams?)|social\s+work\s+"
    r"support|known\s+to\s+(?:[\w'-]+\s+){0,2}?(?:social\s+(?:work|care)|services?)|"
    r"receiv\w*\s+(?:an?\s+|the\s+|their\s+)?(?:[\w'-]+\s+){0,3}?(?:packages?|payments?|"
    r"short\s+breaks|respite|benefits?|allowances?)|support\s+packages?|direct\s+payments?|"
    r"registers?\b|in\s+need\b|child\s+protection|protection\s+plans?|referr\w+|"
    r"care\s+leavers?|care[- ]experienced|privately\s+fostered|early\s+help)",
    re.IGNORECASE)
#: Before a number, words that make it an age: "population under 18", "children under the
#: age of 16", "those over 16", "aged between 0 and 17" ("under 50 children" is a bound of a
#: count).
_AGE_BEFORE = re.compile(
    r"(?:\b(?:population|people|children|residents|persons|those|child|young\s+people)\s+"
    r"(?:aged\s+)?(?:under|over|below|above|up\s+to)\s+(?:the\s+age\s+of\s+)?|"
    r"\b(?:under|over|below|above)\s+the\s+age\s+of\s+|"
    r"\b(?:aged|ages(?:\s+of)?)\s+(?:between\s+)?\d{1,2}\s*(?:and|to|-|–)\s*)$", re.IGNORECASE)
#: A rate in brackets: "(128 children per 10,000 population)".
_RATE_BRACKET = re.compile(r"\([^()]*?\d[^()]*?\bper\s+(?:1,?000|10,?000|10k|100,?000|"
                           r"ten\s+thousand)\b[^()]*\)", re.IGNORECASE)
#: After a count, a rate of its own that follows it to the clause's end: "236 looked after
#: children which is a rate of 1.3% of all children", "230 – equivalent to 64 per 10,000".
_RATE_TAIL = re.compile(r"(?:,|\s[-–—])?\s+(?:(?:which|this|that)\s+(?:is|was|equates\s+to|"
                        r"represents)\s+|equivalent\s+to\s+)(?:a\s+rate\s+of|equivalent\s+to|"
                        r"(?=[\d.,]+\s*(?:%|per\b)))[^.;]*?\d[^.;]*", re.IGNORECASE)
#: Before a count in brackets, a rate: "62 per 10,000 (", "64 per 10,000 children aged
#: under 18 (around ".
_AFTER_A_RATE = re.compile(r"\bper\s+(?:10,?000|10k|1,?000|ten\s+thousand)\b[^.;\d()]{0,50}?"
                           r"(?P<open>\()\s*(?:around\s+|about\s+|approximately\s+|some\s+|"
                           r"over\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
#: After a count, its rate in apposition: ", a rate of 62 per 10,000", " – or 62 per 10,000
#: children".
_RATE_APPOSITION = re.compile(
    r"(?:,|\s[-–—])\s*(?:(?:a|the|giving\s+a|at\s+a|or\s+a|or|equating\s+to\s+a|"
    r"representing\s+a)\s+)?(?:(?:rate|ratio)\s+of\s+)?(?:around\s+|about\s+|approximately\s+)?"
    r"[\d.,]+\s+(?:[A-Za-z'-]+\s+){0,3}?per\s+(?:10,?000|10k|1,?000|ten\s+thousand)\b"
    r"[^.;,()]*", re.IGNORECASE)
#: Before a number, a rate per 10,000 named as its subject, with no other number between but
#: its denominator: "The rate of children in care (per 10,000 population) was 85",
#: "the rate per 10,000 children stood at 64".
_RATE_NAMED_BEFORE = re.compile(
    r"\brate\b[^.;\d]{0,60}?\bper\s+(?:10,?000|10k|ten\s+thousand)\b[^.;\d]{0,50}?"
    r"\b(?:was|is|were|are|stood\s+at|stands\s+at|of|at|to|remains?(?:\s+at)?)\s+"
    r"(?:around\s+|about\s+|approximately\s+)?$", re.IGNORECASE)
#: The end of a count's own clause: a comma, semicolon, colon or bracket, or words that start
#: another's ("650 (which excluded ...) alongside the number of asylum-seeking children").
_CLAUSE_END = re.compile(r"[,;:()]|\b(?:which|but|whilst|while|whereas|although|alongside|"
                         r"excluding|except|besides|plus|as\s+well\s+as)\b", re.IGNORECASE)


#: After a whole, the clause that names a part of it: ", of whom 109 are placed ...",
#: ", 208 of which are ...", "(including 30 UASC)", ", 40 of these in ...". Up to the
#: sentence's or clause's end it is the part's, never the whole's.
_PART_OF_WHOLE = re.compile(
    r"(?:,|\(|\s[-–—])\s*(?:(?:of\s+(?:whom|which|these|those|them)|including|includes|"
    r"included|with|among\s+(?:whom|them|these))\b|(?:around\s+|about\s+|over\s+|some\s+)?"
    r"[\d,]+(?:\.\d+)?%?\s+(?:\w+\s+){0,2}?of\s+(?:whom|which|these|those|them)\b|"
    # a list of parts with no noun of their own: ", 109 with in-house foster carers and ..."
    r"(?:and\s+)?(?:around\s+|about\s+|over\s+|some\s+)?[\d,]+\s+(?:(?:are|were|is|was)\s+)?"
    r"(?:with|in|placed|living|live|lived|fostered|accommodated)\b)",
    re.IGNORECASE)
#: A change's start a year before: "compared to 2020/21", "on the same point last year",
#: "since last year", "than a year ago", "from this time last year".
_A_YEAR_BEFORE = re.compile(
    r"\b(?:compared\s+(?:to|with)|on|from|since|than(?:\s+(?:in|at))?|over|against|"
    r"(?:up|down)\s+(?:on|from))\s+(?:the\s+(?:end\s+of\s+)?)?(?:(?:same\s+(?:point|time|"
    r"period|quarter|month|date)\s+|this\s+time\s+|(?:31(?:st)?\s+)?march\s+)(?:in\s+|of\s+)?"
    r")?(?:(?:last|the\s+previous|the\s+prior|previous|prior)\s+year(?!\s*(?:'s|’s)?\s*end)|"
    r"(?:a|one|12|twelve)\s+(?:year|months)\s+(?:ago|earlier|before)|the\s+year\s+before|"
    r"(?P<fy>(?:19|20)\d{2})\s*[/-]\s*\d{2}(?:\d{2})?)\b", re.IGNORECASE)
#: After a change's number, "more than at the end of September", "fewer children in care
#: than at 31 March 2023", "more than last quarter": the change since that day.
_MORE_THAN_AT = re.compile(
    r"\s+(?P<dir>more|fewer|less|additional|extra)\s+(?:(?:looked[- ]after\s+)?(?:children|"
    r"young\s+people|placements)\s+)?(?:(?:in\s+care|looked\s+after|in\s+placements)\s+)?"
    r"than\s+(?:there\s+(?:were|was)\s+)?(?:(?:at|on|in|by|as\s+at)\s+)?(?:the\s+)?"
    r"(?:(?:end|close)\s+of\s+(?:the\s+)?)?(?:(?:last|previous|prior)\s+(?P<kind>quarter|"
    r"month)\b|(?:(?:\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month>january|february|march|april|"
    r"may|june|july|august|september|october|november|december)\b(?:\s+(?P<year>(?:19|20)"
    r"\d{2})\b)?)", re.IGNORECASE)
#: Before a change's number said as a number of children: "this is an additional", "which
#: was a further".
_ADDITIONAL_BEFORE = re.compile(r"\b(?:this|that|it|which)\s+(?:is|was|represents|"
                                r"represented|means|meant|equates\s+to)\s+(?:an?\s+)?"
                                r"(?:additional|extra|further)\s+$", re.IGNORECASE)
#: ... and after it, its noun, not a flow's verb ("an additional 26 children came into care").
_ADDITIONAL_NOUN = re.compile(r"\s+(?:more\s+)?(?:looked[- ]after\s+)?(?P<noun>child(?:ren)?|"
                              r"young\s+(?:people|person))\b(?!\s+(?:\w+\s+){0,2}?(?:came|coming|entered|"
                              r"entering|started|starting|left|leaving|ceased|admitted|who|"
                              r"that|were|have|had|will|would|may|could|need))",
                              re.IGNORECASE)
#: Before a change's number said with its noun of children: "an increase of 5 children in
#: care", "a net reduction of 12 looked after children".
_ABOUT = r"(?:(?:around|about|some|approximately|nearly|almost)\s+)?"
_CHANGE_OF_BEFORE = re.compile(r"\b(?:net\s+)?(?:increase|rise|decrease|fall|reduction|drop)\s+"
                               r"of\s+" + _ABOUT + "$", re.IGNORECASE)
#: Before a change's start: "an increase from", "rose from", "down from".
_CHANGE_FROM = re.compile(r"\b(?:(?:increase|rise|decrease|fall|reduction|drop|increased|rose|"
                          r"risen|decreased|fell|fallen|reduced|dropped|up|down)\s+from|"
                          r"compared\s+(?:with|to)|against)\s+(?:the\s+)?$", re.IGNORECASE)
#: After a change's start, the day it was on (and no "to Y"): "children at the previous year
#: end", "at the end of September", "on 31 March 2023".
_FROM_A_DAY = re.compile(
    r"\s+(?:(?:looked[- ]after\s+)?(?:children|young\s+people)\s+)?(?:(?:in\s+care|looked"
    r"\s+after)\s+)?(?:\w+\s+){0,2}?(?:at|on|as\s+at|by)\s+(?:the\s+)?(?:(?:previous|last|"
    r"prior)\s+(?P<kind>year[- ]end|year's\s+end|quarter[- ]end|quarter|month)\b|end\s+of\s+"
    r"(?:the\s+)?(?:previous|last|prior)\s+(?P<kind2>year|quarter|month)\b|(?:end\s+of\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?P<month>january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\b(?:\s+(?P<year>(?:19|20)\d{2})\b)?)"
    r"(?![^.;]*\bto\s+(?:around\s+|about\s+)?\d)", re.IGNORECASE)
#: A span of months or weeks back from now: "in the last 6 months", "over the past eight
#: weeks" (a year's words are :data:`_SOME_YEAR`'s).
_ANOTHER_SPAN = re.compile(
    r"\b(?:in|over|during|within|across)\s+the\s+(?:last|past|previous|preceding)\s+"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|a)\s+"
    r"(?:calendar\s+)?(?:months?|weeks?)\b", re.IGNORECASE)
#: "since the end of September", "since 30 September 2023", "since 1 October": a change's
#: start day (the end of a month, or the start of one).
_SINCE_A_DAY = re.compile(
    r"\bsince\s+(?:(?P<end>the\s+end\s+of|3[01](?:st|th)?|28th|29th|28|29)\s+|(?:the\s+"
    r"(?:start|beginning)\s+of|1(?:st)?)\s+)?(?P<month>january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\b(?:\s+(?P<year>(?:19|20)\d{2}))?",
    re.IGNORECASE)
#: A span named by another sentence: "in the same period", "over the same time".
_THE_SAME_SPAN = re.compile(r"\b(?:in|during|over|across|within)\s+the\s+same\s+(?:period|"
                            r"time(?:\s*frame|\s+period)?|timeframe|months?|weeks?)\b",
                            re.IGNORECASE)
#: In a change's label, the day it is since: "since 2023-10-01", "since as at 31 March 2021".
_SINCE_DAY = re.compile(r"\bsince\s+(?:(?P<iso>\d{4}-\d{2}-\d{2})|(?:as\s+at\s+)?"
                        r"(?P<day>\d{1,2}\s+[A-Za-z]+\s+\d{4}))")
#: Before a change's number, the change in apposition to the count before it: ", a rise of",
#: ", which was a reduction of", "(an increase of", " – a fall of".
_APPOSITIVE_CHANGE = re.compile(
    r"(?:,|\(|\s[-–—])\s*(?:(?:which|this|that)\s+(?:was|is|represents|represented|"
    r"equates\s+to|has\s+been|had\s+been)\s+)?(?:(?:an?\s+)?(?:(?:net|further|overall|small|"
    r"slight|significant|large)\s+)?(?:rise|increase|fall|decrease|reduction|drop|growth|"
    r"change|decline)\s+of|(?:up|down)(?:\s+by)?)\s+(?:around\s+|about\s+|approximately\s+|"
    r"some\s+|over\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$", re.IGNORECASE)
#: Words that make children a flow: those who came into care, left it, were new to it.
_A_FLOW_VERB = re.compile(r"\b(?:entered|entering|came|coming|started|starting|left|leaving|"
                          r"ceased|ceasing|admitted|discharged|adopted|new|became|becoming|"
                          r"returned|returning)\b", re.IGNORECASE)
#: Before a listed part's number: the whole's count and noun of children, then its comma:
#: "270 children in our care, 109 ..." (", and 54 ..." of a later part too).
_LISTED_PART = re.compile(r"\b\d[\d,]*\s+[^.;\d,]{3,60}?(?P<comma>,)(?:[^.;\d]*?,)?\s*(?:and\s+)?"
                          r"(?:around\s+|about\s+|over\s+|some\s+)?$", re.IGNORECASE)
#: After a listed part's number: where they live, with no noun ("109 with in-house carers").
_LISTED_PART_AFTER = re.compile(r"\s+(?:(?:are|were|is|was)\s+)?(?:with|in|placed|living|live|"
                                r"lived|fostered|accommodated)\b", re.IGNORECASE)
#: Right after a part's number, the whole it is of: "208 of whom are", "64 of these".
_OF_WHOM_AFTER = re.compile(r"(\s+of\s+(?:whom|which|these|those|them))\b", re.IGNORECASE)
#: Right before a part's number: ", of whom 109", "(of which around 64".
_OF_WHOM_BEFORE = re.compile(r"[,(]\s*((?:of\s+(?:whom|which|these|those|them)|among\s+"
                             r"(?:whom|them|these)))\s+(?:around\s+|about\s+|over\s+|"
                             r"some\s+|almost\s+|nearly\s+|just\s+(?:over|under)\s+)?$",
                             re.IGNORECASE)
#: A sentence opening on a whole, and the part's number right after its comma: "Of the 270
#: children in care, 40 ...".
_OF_THE_WHOLE_PART = re.compile(r"^\s*(?P<whole>of\s+(?:the|our|all(?:\s+(?:the|our))?|its|"
                                r"these|those)\s+[\d,]+\s+[^,;.\d]{3,60}),\s*(?:around\s+|"
                                r"about\s+|over\s+|some\s+|almost\s+|nearly\s+)?$",
                                re.IGNORECASE)
#: After a count, "out of (a total of) M", "of the M": the count is a part of M.
_OUT_OF_AFTER = re.compile(r"\s+(?:[\w'-]+\s+){0,4}?(?:out\s+of|of\s+the)\s+(?:a\s+total\s+of\s+|"
                           r"the\s+)?\d", re.IGNORECASE)
#: Before a count, "N <noun> out of (a total of)": the count is the whole N is part of.
_OUT_OF_BEFORE = re.compile(r"(?P<n>\b\d[\d,]*)\s+(?:[\w'-]+\s+){1,4}?"
                            r"(?P<of>out\s+of\s+(?:a\s+total\s+of\s+|the\s+)?)$", re.IGNORECASE)
#: Before a count in brackets, a share of a whole: "half of children in care (95)", "a third
#: of our looked after children (48)". The number is the share's, never the whole's.
_SHARE_OF_BEFORE_BRACKET = re.compile(
    r"\b(?:half|a\s+(?:third|quarter|fifth|tenth)|(?:two|three|four)[- ](?:thirds|quarters|fifths)|"
    r"most|the\s+majority|a\s+minority|the\s+rest|many|some|a\s+few|\d+(?:\.\d+)?\s*(?:%|per\s*cent))"
    r"\s+of\s+[^.;:()\d]{0,80}\(\s*(?:around\s+|about\s+|some\s+|approximately\s+)?$",
    re.IGNORECASE)
#: In a count's own words, an age band: "5 children aged under 10", "12 young people over 16",
#: "children aged 0-4". Such children are a part of a placement type or of all children,
#: which the data do not count (a miss at worst, never the type's or the total's error).
_AGE_BAND = re.compile(r"\b(?:aged\b|(?:under|over)\s+(?:the\s+age\s+of\s+)?\d|"
                       r"\d+\s*(?:-|–|to)\s*\d+\s*(?:years?|yrs?)\b|\d+\s+(?:years?\s+)?and\s+"
                       r"(?:over|under|older|younger)\b)", re.IGNORECASE)
#: ... read up to the count's verb or place: "12 young people over 16 live in ...".
_AGE_REACH = re.compile(r"\s(?:are|were|is|was|live|lived|living|in|with|placed|who|which)\s",
                        re.IGNORECASE)
#: The council's own place after "in", "within": "the county", "Sometown", "Kingston upon
#: Thames" (a capitalised name, never a month, quarter or school year).
_THE_PLACE = (r"(?:the\s+(?:county|borough|city|district|area|authority|council)\b|"
              r"(?-i:(?!(?:Year|Quarter|Q\d|January|February|March|April|May|June|July|August|"
              r"September|October|November|December)\b)[A-Z][\w'-]*"
              r"(?:\s+(?:[A-Z][\w'-]*|upon|on|and))*))")
#: "in" a span or on a day: "in total", "in the quarter", "in December", "in Q3", "in 2023".
_IN_A_PERIOD = (r"in\s+(?:total|all|the\s+(?:quarter|year|month|period|same\s+period)|"
                r"(?:january|february|march|april|may|june|july|august|september|october|"
                r"november|december|q[1-4]|quarter|month|(?:19|20)\d\d))\b")
#: After a count of children and its words of care, what the clause goes on to say of them.
#: Only these leave it the number of all children looked after: nothing, a break, a date or
#: span, a comparison or change, a whole's part clause, or being in care, looked after or
#: placed. Anything else says what some of them did or are ("50 children in care had a health
#: assessment", "... were missing", "... attend schools outside the borough"): a part the data
#: do not count (a miss at worst, never the total's error).
_CHILDREN_NOUN_PHRASE = re.compile(
    r"\s*(?:more\s+|fewer\s+|local\s+|new\s+)?(?:looked[- ]after\s+)?(?:children|young\s+people|"
    r"child|young\s+person|CLA|LAC|CiC|CYP)\b(?:\s+and\s+young\s+people)?"
    r"(?:\s+(?:in\s+(?:our\s+|the\s+council'?s\s+|its\s+|their\s+)?care(?:\s+of\s+(?:the\s+)?"
    r"(?:[\w'-]+\s+){0,3}?(?:council|authority|borough|county))?|looked[- ]after(?:\s+by\s+"
    r"(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:council|authority|borough|county|us))?|"
    r"we\s+look\s+after|cared\s+for|being\s+looked[- ]after))?"
    # ... and the council's place: "in Hull", "within the county", "in the looked after
    # population within Torfaen"
    r"(?:\s+(?:in|within|across)\s+(?:the\s+(?:looked[- ]after\s+|care\s+)?population\s+"
    r"(?:in|within|of)\s+)?" + _THE_PLACE + r")?", re.IGNORECASE)
_TOTAL_PREDICATE = re.compile(
    r"\s*(?:$|[,;:.()\u2013\u2014-]|"
    r"(?:(?:currently|now|presently|still|altogether|overall|today|in\s+total|in\s+all)\b\s*)*"
    r"(?:$|[,;:.()\u2013\u2014-]|(?:at|on|as\s+at|as\s+of|by|during|over|across|since|until|"
    r"compared|against|versus|vs|than|from|up|down|per|of\s+(?:whom|which|these|those)|"
    r"including|includ(?:es|ed)|this|last|a|an|the|which\s+(?:is|was|represents)|"
    r"and\s+the\s+number)\b|and\s+(?=\d)|"
    r"in\s+(?:(?:our|the|its)\s+care|care|placements?)\b|" + _IN_A_PERIOD + "|"
    r"(?:who|that)?\s*(?:are|were|is|was|have\s+been|had\s+been|has\s+been|remain(?:s|ed)?|"
    r"stood|stands|live|lived|living)\s+(?:(?:currently|now|presently|still|being|all|at)\s+)*"
    r"(?:in\s+(?:(?:our|the|its|their)\s+)?care|looked[- ]after|cared\s+for|placed|"
    r"in\s+placements?|accommodated|living|supported\s+by\s+(?:the|our)|the\s+"
    r"responsibility|(?:\d|around|about|approximately)|$|[,;.])))", re.IGNORECASE)
#: After a count of children, the words of their flow into or out of care ("came into care",
#: "ceased to be looked after"), and what may follow them and keep the flow all of it: a break,
#: a span or date, a comparison or change. A route or reason ("through special guardianship
#: orders", "due to neglect", "under section 20", "to return home") makes it a part.
_FLOW_AFTER_COUNT = re.compile(
    r"\s+(?:[\w'-]+\s+){0,4}?(?:came|come|coming|entered|entering|started|starting|left|leaving|"
    r"ceased|ceasing|admitted|taken|received|discharged|became|becoming)\b"
    r"(?:\s+(?:to\s+be\s+|in\s*to\s+|into\s+|from\s+|the\s+|our\s+|their\s+)*)"
    r"(?:care|looked[- ]after|placements?)\b"
    # ... or placements that started or ended: "50 placements ended because ..."
    r"|\s+(?:new\s+)?placements?\s+(?:(?:were|have\s+been|had\s+been|was|has\s+been)\s+)?"
    r"(?:ended|started|made|began|begun|commenced|finished)\b", re.IGNORECASE)
_FLOW_TOTAL_TAIL = re.compile(
    r"\s*(?:$|[,;:.()\u2013\u2014-]|(?:at|on|by|during|over|across|since|until|this|last|"
    r"compared|against|versus|vs|than|up|down|so\s+far|year\s+to\s+date|which|each|every|per|"
    r"(?:that|a)\s+(?:year|quarter|month|week|day)|"
    r"an?\s+(?:increase|decrease|rise|fall|reduction|drop))\b|and\s+(?=\d)|"
    r"(?:in|within|across)\s+" + _THE_PLACE + "|" + _IN_A_PERIOD + ")", re.IGNORECASE)
#: Between a count and its noun, words that say the children are the council's own place's
#: ("about 250 local children"): no part of them, as an asylum-seeking or disabled child is.
_OWN_PLACE = re.compile(r"\s+(local)\s+(?=(?:looked[- ]after\s+)?(?:children|young\s+people)\b)",
                        re.IGNORECASE)
#: Right after a count, its own noun of children (with a bound's or place's word between).
_OWN_NOUN = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:looked[- ]after\s+)?(?:children|young\s+"
                       r"people)\b", re.IGNORECASE)
#: Words that open a clause of its own: a reason ("as", "because") or a relative clause ("who",
#: "which"), not "such as", "as well as", "as at", "as of", "as many as".
_OPENER = re.compile(r"(?<!\bsuch\s)(?<!\bwell\s)(?<!\bmany\s)(?<!\bmuch\s)\b(?:as(?!\s+(?:at|of|"
                     r"a|an|well|part|such|many|much|follows?|shown|set|the\s+\w+\s+of)\b)|"
                     r"because|who|which)\b", re.IGNORECASE)

#: A sentence opening on a whole: "Of the 140 children", "Of all our".
_OF_THE_WHOLE = re.compile(r"^\s*of\s+(?:the|our|all(?:\s+(?:the|our))?|its|these|those)\s+$",
                           re.IGNORECASE)
#: Before a relative pronoun, the council as its antecedent.
_COUNCIL_BEFORE = re.compile(r"\b(?:council|authority|borough|county|city|trust)\s*,?\s*$",
                             re.IGNORECASE)
#: Between "as"/"because" and a count: only words of a bound or of being.
_ONLY_BOUND = re.compile(r"\s+(?:(?:there\s+(?:are|were|is)|currently|now|over|more\s+than|"
                         r"about|around|approximately|roughly|nearly|almost|some|just\s+(?:over|"
                         r"under)|in\s+excess\s+of|at\s+least|upwards\s+of)\s+)*",
                         re.IGNORECASE)
#: After a count's own words, a comma and a new subject: another clause ("..., we need").
_NEW_SUBJECT = re.compile(r",\s+(?:and\s+|so\s+)?(?:we|you|they|I|it|there|this|these|our)\s",
                          re.IGNORECASE)


#: A change to come, said from the count now ("is expected to rise from 280 to around 298",
#: "will fall from 52 to 45"): the words of the change, after "is"/"are" (kept, so that the
#: count is read as what is), up to "from" (fix round 8).
_FUTURE_FROM_BEFORE = re.compile(
    r"(?:\b(?:is|are)\s+(?P<said>(?:(?:expected|forecast|projected|predicted|likely|set|due|"
    r"anticipated)\s+to|going\s+to)\s+)|(?P<modal>\b(?:will|would)\s+))"
    r"(?P<change>(?:(?:continue\s+to|further)\s+)?(?:rise|increase|grow|fall|drop|decrease|"
    r"reduce|go\s+(?:up|down))\s+from\s+(?:the\s+|a\s+)?)$", re.IGNORECASE)
#: ... and Y, a forecast, with the rest of its clause: "to around 298 in the next three years".
_TO_A_FORECAST_AFTER = re.compile(r"\s+to\s+(?:(?:around|about|approximately|some|nearly|"
                                  r"almost|over|more\s+than|c\.?)\s+)?\d[\d,]*(?:\.\d+)?\b"
                                  r"[^.;:]*")


#: Y of a change to come: "is expected to rise to 298", "will fall from 52 to 45": a forecast.
_FUTURE_TO_BEFORE = re.compile(
    r"\b(?:(?:is|are)\s+(?:(?:expected|forecast|projected|predicted|likely|set|due|"
    r"anticipated)\s+to|going\s+to)|will|would)\s+(?:(?:continue\s+to|further)\s+)?"
    r"(?:rise|increase|grow|fall|drop|decrease|reduce|go\s+(?:up|down))\s+"
    r"(?:from\s+(?:the\s+|a\s+)?\d[\d,]*(?:\.\d+)?\s+)?to\s+(?:(?:around|about|approximately|"
    r"some|nearly|almost|over|more\s+than|c\.?)\s+)?$", re.IGNORECASE)


def _future_change_from(text: str, lit: Literal_) -> str | None:
    """X of a change to come, "the number of children in care is expected to rise from X to
    Y": the count now, so the text as "the number of children in care is X" (the change's
    words and Y's phrase blanked, every offset kept); None when it is no such X (a start with
    a date of its own, "from 280 in 2025 to 298", is not the count now)."""
    change = _FUTURE_FROM_BEFORE.search(text, max(0, lit.start - 80), lit.start)
    to = _TO_A_FORECAST_AFTER.match(text, lit.end)
    if change is None or to is None:
        return None
    start = change.start("said") if change["said"] else change.start("modal")
    return _blank(text, [(start, change.end()), to.span()])


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with ``spans`` blanked (keeping every offset)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _another_group(text: str, lit: Literal_, lits: Sequence[Literal_]) -> bool:
    """Whether a count's own words, up to the next number or :data:`_CLAUSE_END`, say it is
    of a part the data do not hold or of children served another way (:data:`_A_PART`,
    :data:`_ANOTHER_SERVICE`): not the children looked after, even when another clause of
    the sentence names them."""
    hi = min((o.start for o in lits if o.start >= lit.end), default=len(text))
    stop = _CLAUSE_END.search(text, lit.end, hi)
    own = text[lit.end:stop.start() if stop else hi]
    if _A_PART.search(own):
        return True
    other = _ANOTHER_SERVICE.search(own)
    return other is not None and not _IN_CARE.search(own[:other.start()])


class CountReader:
    """Reads the counts typed in one report, against its count figures.

    ``hidden`` are the keys of the figures a public report suppresses; ``period`` the
    report's. One :class:`Judge` a window: the period's figures with the stocks on the
    report's day, the year to date's with those stocks too, the collection year's alone (its
    stocks are on its own last day, and its label is a year, not the report's period)."""

    def __init__(self, figures: Sequence[Figure], period: Period | None,
                 hidden: Iterable[str] = (), as_at: date | None = None) -> None:
        counts = [f for f in figures if f.unit == "count"]
        care = any(f.key.startswith("care.") for f in counts)
        # A placement type named only by another unit's figure ("foster care": in-house and
        # agency carers, whose share the data give) is still a type the words may name, so
        # that a count of it is not read as the total; no count is claimed for it.
        typed = {f.subject for f in counts if f.scope in ("type", "external")}
        names = list({f.subject: f for f in figures if f.unit != "count" and f.scope in (
            "type", "external") and f.subject not in typed}.values())
        counts = _relabel(counts, care)
        self.hidden = frozenset(hidden)
        self.by_key = {f.key: f for f in counts}
        stocks_today = [f for f in counts if window_of(f) == "period" and
                        f.measure in _STOCKS and not f.key.startswith(("indicators",
                                                                       "benchmarks"))]
        counts = _this_period(counts, period)
        # Of equal figures the first is suggested: children looked after before placements.
        counts.sort(key=lambda f: not (f.key.startswith("care.") or ".care." in f.key))
        windows: dict[str, list[Figure]] = {w: list(names) for w in WINDOWS}
        for f in counts:
            windows[window_of(f)].append(f)
        windows["year_to_date"] += [f for f in stocks_today if f.measure == "count"]
        self.judges = {
            "period": Judge(windows["period"], period),
            "year_to_date": Judge(windows["year_to_date"], period),
            "collection_year": Judge(windows["collection_year"], None),
        }
        self.period = period
        self._cy_words = self._collection_year_words(windows["collection_year"])
        # When the report's own day is the collection year's last (a year-end report), its
        # day names the report's stocks: by type and in all, not only the year's.
        self._cy_is_today = as_at is not None and (as_at.month, as_at.day) == (3, 31) and \
            any(f.label.endswith(f"({as_at.year - 1}/{as_at.year % 100:02d})")
                for f in windows["collection_year"])
        self._cache: dict[tuple[str, str], Sentence] = {}

    @staticmethod
    def _collection_year_words(figures: Sequence[Figure]) -> tuple[re.Pattern[str] | None,
                                                                   re.Pattern[str] | None]:
        """(span words, day words) of the collection year, from its label in the figures'
        ("(2022/23)"): "2022/23", "2022-23", "2022 to 2023", "the year to 31 March 2023";
        and "31 March 2023", the day its stocks are counted on."""
        label = next((m.group(1) for f in figures
                      if (m := re.search(r"\((\d{4})/(\d{2})\)$", f.label))), None)
        if label is None:
            return None, None
        first = int(label)
        last = first + 1
        short = f"{last % 100:02d}"
        span = re.compile(
            rf"\b(?:{first}\s*(?:/|-|–|to)\s*(?:{last}|{short})\b|(?:year|12 months|twelve "
            rf"months) (?:to|ending|ended) (?:the )?31(?:st)? march,? {last})\b",
            re.IGNORECASE)
        day = re.compile(rf"\b(?:at|on|as at|by) (?:the )?(?:end of )?(?:31(?:st)? )?march,? "
                         rf"{last}\b|\bend of (?:the )?{first}\s*(?:/|-)\s*{short}\b",
                         re.IGNORECASE)
        return span, day

    def _sentence(self, window: str, text: str, earlier: frozenset[str]) -> Sentence:
        key = (window, text)
        if key not in self._cache:
            if len(self._cache) > 64:
                self._cache.clear()
            s = self.judges[window].read(text)
            self._cache[key] = dataclasses.replace(s, earlier=earlier)
        return self._cache[key]

    def _since_previous(self, clause: str) -> tuple[int, int] | None:
        """Where a clause with a change word says the change is since the previous period of
        the report's own kind ("from the previous quarter" in a quarter's report)."""
        m = _SINCE_PREVIOUS.search(clause)
        if m is None or self.period is None or m.group(1).lower() != self.period.kind or \
                not _A_CHANGE.search(clause[:m.start()]):
            return None
        return m.span()

    def _other_month(self, clause: str) -> int:
        """2 when the clause names a month that is not the last of the report's period (a
        figure of another span); 1 when it says "in"/"during" that month and the period is
        longer (a stock then, not a flow); else 0."""
        if self.period is None:
            return 0
        end = self.period.end
        # months that are part of a window's words ("since March", "at 31 March 2023")
        words = [p for p in (*self._cy_words, _YEAR_TO_DATE) if p is not None]
        taken = [w.span() for p in words for w in p.finditer(clause)]
        for m in _MONTH.finditer(clause):
            if any(a < m.end() and m.start("month") < b for a, b in taken):
                continue
            if re.search(r"\bsince\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?$",
                         clause[:m.start("month")], re.IGNORECASE):
                return 1  # "since January 2020": the start of a change, not a stock's day
            month = _MONTHS.index(m.group("month").lower()[:3]) + 1
            year = int(m.group("year")) if m.group("year") else end.year
            if (month, year) != (end.month, end.year):
                return 2
            if m.group("during") and self.period.kind != "month":
                return 1
        return 0

    def _windows(self, text: str) -> tuple[tuple[str, ...], bool, bool]:
        """(windows the words allow, whether they name a span of days (no stock is meant),
        whether they name the window at all)."""
        span, day = self._cy_words
        if day is not None and day.search(text):
            return ("period" if self._cy_is_today else "collection_year",), False, True
        if span is not None and span.search(text):
            return ("collection_year",), True, True
        if _YEAR_TO_DATE.search(text):
            return ("year_to_date",), False, True
        if _SOME_YEAR.search(text):
            return ("year_to_date", "collection_year"), True, True
        return ("period",), False, bool(_THE_PERIOD.search(text))

    def claim(self, text: str, lit: Literal_, earlier: frozenset[str] = frozenset()
              ) -> CountClaim | None:
        """What the count ``lit`` of sentence ``text`` claims to be, or None."""
        found = self._claim_of(text, lit, earlier)
        other = _OTHER_NOUN_AFTER.match(text, lit.end)
        if found is not None and other is not None and not (
                found.figure is not None and
                _OTHER_COUNTABLE.search(found.figure.label)):
            return None  # "two agency social workers": a count of something else
        return found

    def _claim_of(self, text: str, lit: Literal_, earlier: frozenset[str]
                  ) -> CountClaim | None:
        if _AGE_BEFORE.search(text, max(0, lit.start - 60), lit.start):
            return None  # "per 10,000 population under 18": an age, not a count
        if _FUTURE_TO_BEFORE.search(text, max(0, lit.start - 100), lit.start):
            return None  # "is expected to rise to 298": a forecast, no figure of the data
        now = _future_change_from(text, lit)
        if now is not None:
            return self.claim(now, lit, earlier)  # "is expected to rise from 280 to 298"
        share = _SHARE_OF_BEFORE_BRACKET.search(text, max(0, lit.start - 160), lit.start)
        if share is not None:
            # "half of children in care (95) were fostered": the share's number, read without
            # the whole's words (what the share is, its verb may say); inferred, at most
            found = self.claim(_blank(text, [share.span()]), lit, earlier)
            return dataclasses.replace(found, explicit=False) if found is not None else None
        if _OUT_OF_AFTER.match(text, lit.end):
            return None  # "18 children out of 170": a part of the number after, never a total
        if self._change_of_another(text, lit, earlier):
            return None
        if _ADDITIONAL_BEFORE.search(text, max(0, lit.start - 60), lit.start) and \
                _ADDITIONAL_NOUN.match(text, lit.end):
            return self._additional(text, lit, earlier)
        noun = _ADDITIONAL_NOUN.match(text, lit.end)
        if noun is not None and _CHANGE_OF_BEFORE.search(text, max(0, lit.start - 40), lit.start) \
                and not _PART_WORDS.search(text):
            # "an increase of 5 children in care": the change's number, whose noun says what
            # changed; read without the noun itself (its words of care kept), as "an increase
            # of 5 in the number of children in care" is (not a type's or an age band's change,
            # which the data do not hold)
            a, b = noun.span("noun")
            if re.search(r"looked[- ]after", noun.group(0), re.IGNORECASE):
                # "a reduction of 27 looked after children": its words of care, as "in care"
                a = noun.start() + len(noun.group(0)) - len(noun.group(0).lstrip())
                return self.claim(text[:a] + "in care".ljust(b - a) + text[b:], lit, earlier)
            return self.claim(_blank(text, [(a, b)]), lit, earlier)
        start_words = _FROM_A_DAY.match(text, lit.end)
        if start_words is not None and _CHANGE_FROM.search(text, max(0, lit.start - 40),
                                                           lit.start):
            return self._changed_from(text, lit, start_words, earlier)
        than = _MORE_THAN_AT.match(text, lit.end)
        if than is not None:
            return self._more_than(text, lit, than, earlier)
        year_before = _A_YEAR_BEFORE.search(text)
        if year_before is not None and _A_CHANGE.search(text, 0, year_before.start()):
            # "increased by 39 compared to 2020/21", "12 more than this time last year": a
            # change over a year, read without its start's words, and only a change of that
            # span is what it may be
            found = self.claim(_blank(text, [year_before.span()]), lit, earlier)
            if found is not None and found.figure is not None and \
                    found.figure.measure == "start_count" and \
                    not self._a_year_before(found.figure):
                return None  # "fell from 290 to 270 over the last year": X a year before
            if found is None or found.figure is None or found.figure.measure != "change":
                return found
            if not self._over_a_year(found.figure, year_before):
                return None
            # the start's words name the change's window: certain when the words say children
            # in care and the change is of them (all of them, or a series named for them)
            f = found.figure
            certain = found.explicit or (
                _IN_CARE.search(text) is not None and not found.reversed and
                (f.subject is None or _IN_CARE.search(f.label) is not None) and
                not _narrower(text, f) and not _PART_WORDS.search(text))
            return dataclasses.replace(found, explicit=certain)
        span = _ANOTHER_SPAN.search(text)
        if span is not None and not self._is_the_period_span(span):
            return None  # "in the last 6 months": a span of days the data hold no flow for
        same = _THE_SAME_SPAN.search(text)
        if same is not None and not self._windows(_blank(text, [same.span()]))[2]:
            return None  # "in the same period": a span another sentence names
        applies, nounless = self._part_without_noun(text, lit, earlier)
        if applies:
            return nounless
        part = _PART_OF_WHOLE.search(text, lit.end)
        if _OF_THE_WHOLE.match(text[:lit.start]):
            part = re.compile(",").search(text, lit.end)  # "Of the 270 children in care, ..."
            if part is not None and _A_FLOW_VERB.search(text, lit.end, part.start()):
                # "Of the 44 children who entered care this quarter, ...": a flow's whole,
                # whatever its relative clause leaves of the words (a miss at worst)
                return None
        if part is not None and not any(ch in text[lit.end:part.start()] for ch in ".;"):
            # "270 children in care, of whom 109 are placed with ...": the whole is read
            # without its part's clause (the part's placement type is not the whole's)
            text = _blank(text, [(part.start(), len(text))])
        place = _OWN_PLACE.match(text, lit.end, lit.end + 60)
        if place is not None:
            text = _blank(text, [place.span(1)])
        text = self._own_clause(text, lit, earlier)
        whole = _OUT_OF_BEFORE.search(text, max(0, lit.start - 80), lit.start)
        if whole is not None:
            # "18 children out of a total of 170": the whole the part's noun counts, read as
            # that noun's count (the part's number and "out of" blanked); inferred, since the
            # whole is named only through its part.
            spans = [whole.span("n"), whole.span("of")]
            if not _OWN_NOUN.match(text, lit.end):
                # "18 children out of a total of 170, had moved placement during the year":
                # the year is the part's verb's, not the whole's (a whole with its own noun
                # after it keeps its words: "out of the 300 children who came into care")
                spans += [m.span() for p in (_SOME_YEAR, _YEAR_TO_DATE)
                          for m in p.finditer(text, lit.end)]
                # ... and so are the subjects it names ("had moved placement three or more
                # times" is what the part did, not what the whole is)
                # (a subject with words of care in it says the whole are in care: "in care"
                # stands in its place, keeping every offset)
                own = [(x.start, x.end) for x in
                       self._sentence("period", text, earlier).subjects if x.start >= lit.end]
                spans += own
                cared = [(a, b) for a, b in own if b - a >= 7 and _IN_CARE.search(text, a, b)]
            else:
                cared = []
            read = _blank(text, spans)
            for a, b in cared:
                read = read[:a] + "in care".ljust(b - a) + read[b:]
            found = self.claim(read, lit, earlier)
            return dataclasses.replace(found, explicit=False) if found is not None else None
        bracket = _AFTER_A_RATE.search(text, max(0, lit.start - 120), lit.start)
        if bracket is not None:
            return self._rate_numerator(text, lit, bracket, earlier)
        # A rate in brackets beside a count ("773 children in care (128 per 10,000)") is its
        # own phrase: the count outside is read without it (blanked, keeping every offset).
        for m in [*_RATE_BRACKET.finditer(text), *_RATE_TAIL.finditer(text),
                  *_RATE_APPOSITION.finditer(text)]:
            if not m.start() <= lit.start < m.end():
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
        if _PER_TEN_THOUSAND.match(text[lit.end:lit.end + 60]) or \
                _RATE_NAMED_BEFORE.search(text[max(0, lit.start - 100):lit.start]):
            # "71 looked after children per 10k", "the rate (per 10,000) was 85": a rate,
            # never a count of children
            if _CHANGED_BY_BEFORE.search(text, max(0, lit.start - 30), lit.start):
                return None  # "the rate rose by 4 per 10,000": its change, never its value
            rate = self._per_ten_thousand(text, lit, earlier)
            if rate is not None:
                return rate
            found = self._claim(text, lit, earlier)
            per = _PER_TEN_THOUSAND.match(text[lit.end:lit.end + 60])
            said = _denominator(per.group(0)) if per is not None else None
            # never a rate per 10,000 for one said per 1,000 (nor the reverse)
            return found if found is not None and found.figure is not None and \
                _is_rate(found.figure) and \
                said in (None, _denominator(found.figure.label) or 10000) else None
        peak = _PEAK_BEFORE.search(text, max(0, lit.start - 40), lit.start)
        if peak is not None:
            # "rose to a high of 593 in September": the value it rose to, read without the
            # peak's words; inferred (the peak may have been before the day counted).
            # Only a peak its words date to the report's own month or day: any other is a
            # figure of another day.
            base = self._sentence("period", text, earlier)
            mine = _same(base, lit)
            when = _date_of(base, mine, *_clause(base, mine)) if mine is not None else None
            if when is None or when[1] is None or self.period is None or \
                    not _on(self.period.end, when):
                return None
            a, b = peak.span()
            found = self._claim(text[:a] + " " * (b - a) + text[b:], lit, earlier)
            return dataclasses.replace(found, explicit=False) if found is not None else None
        found = self._claim(text, lit, earlier)
        if found is not None and found.figure is not None and \
                found.figure.subject is None and found.figure.measure == "count" and \
                self._a_part_by_its_predicate(text, lit, earlier):
            return None  # "50 children in care had a health assessment": some of them
        if found is not None and found.figure is not None and \
                found.figure.subject is None and found.figure.measure in _FLOWS:
            flow = _FLOW_AFTER_COUNT.match(text, lit.end)
            if flow is not None and not _FLOW_TOTAL_TAIL.match(text, flow.end()):
                return None  # "50 children came into care due to neglect": some of them
        if found is not None and found.figure is not None and \
                found.figure.measure == "start_count" and \
                (_SOME_YEAR.search(text) or _A_YEAR_BEFORE.search(text)) and \
                not self._a_year_before(found.figure):
            return None  # "fell from 290 to 270 over the last year": X is of a year before
        if found is None or (found.figure is None and not found.candidates):
            found = self._changed_to(text, lit, earlier) or found
        if found is not None and found.figure is not None and \
                found.figure.key.startswith(("indicators", "benchmarks")):
            # A point of a series, when the number's words date it to another day, is not
            # what they mean ("In 2019 there were 530": the data have no 2019 point).
            s = self._sentence("period", text, earlier)
            mine = _same(s, lit)
            end = point_end(found.figure.key)
            lo, hi = _clause(s, mine) if mine is not None else (0, len(text))
            when = _date_of(s, mine, lo, hi) if mine is not None else None
            if when is not None and end is not None and not _on(end, when):
                return None
            if _narrower(text[lo:hi], found.figure):
                return None  # "60 looked after children in residential care": a part
        return found

    def _a_part_by_its_predicate(self, text: str, lit: Literal_, earlier: frozenset[str]
                                 ) -> bool:
        """Whether the count's own clause goes on, after the count and its noun of children,
        to say what some children did or are (:data:`_TOTAL_PREDICATE` says what keeps it all
        of them)."""
        noun = _CHILDREN_NOUN_PHRASE.match(text, lit.end)
        if noun is None or noun.end() == lit.end:
            return False  # no noun of children after the number ("... stood at 270")
        base = self._sentence("period", text, earlier)
        mine = _same(base, lit)
        hi = _clause(base, mine)[1] if mine is not None else len(text)
        return noun.end() < hi and not _TOTAL_PREDICATE.match(text[noun.end():hi])

    def _more_than(self, text: str, lit: Literal_, than: re.Match[str],
                   earlier: frozenset[str]) -> CountClaim | None:
        """"270 children looked after, 27 more than at the end of September", "12 fewer
        children in care than at 31 March": the change of children looked after (or
        placements) in all since the day named, when that day is the start of a window of
        ours (the day before the period's, or 31 March of the year so far); certain when the
        count it is said beside is their number today, else inferred."""
        if self.period is None or _ELSEWHERE.search(text) or _A_PART.search(text) or \
                _ANOTHER_SERVICE.search(text) or \
                _OTHER_GROUP_AFTER.match(text, lit.end) or _another_group(
                    text, lit, self._sentence("period", text, earlier).lits):
            return None
        start = self.period.start - timedelta(days=1)
        ytd = date(self.period.end.year - (self.period.end.month < 4), 3, 31)
        if than.group("kind"):
            if than.group("kind").lower() != self.period.kind:
                return None
            day = start
        else:
            month = _MONTHS.index(than.group("month").lower()[:3]) + 1
            year = int(than.group("year")) if than.group("year") else \
                self.period.end.year - (month >= self.period.end.month)
            nxt = date(year + (month == 12), month % 12 + 1, 1)
            day = nxt - timedelta(days=1)
        window = "period" if day == start else "year_to_date" if day == ytd else None
        if window is None:
            return None
        changes = [f for f in self.judges[window].figures if f.measure == "change" and
                   f.subject is None and f.key not in self.hidden and window_of(f) == window]
        care = [f for f in changes if ".care." in "." + f.key]
        pool = care if care and not re.search(r"placement", text, re.IGNORECASE) else \
            [f for f in changes if f not in care] or care
        if not pool:
            return None
        figure = pool[0]
        sign = -1 if than.group("dir").lower() in ("fewer", "less") else 1
        s = self._sentence("period", text, earlier)
        before = [o for o in s.lits if o.end <= lit.start and o.kind == "count"]
        head = self.claim(text, before[-1], earlier) if before and not any(
            ch in text[before[-1].end:lit.start] for ch in ".;") else None
        beside = head is not None and head.figure is not None and \
            head.figure.measure == "count" and head.figure.subject is None
        if head is not None and not beside:
            return None  # the change of another count ("45 in kinship care, 5 more than ...")
        if head is None and not _IN_CARE.search(text):
            return None
        reversed_ = figure.value * sign < 0
        return self._finish(Claim(figure, [figure], [(lit.start, than.end())]),
                            beside and head is not None and head.explicit,
                            reversed_=reversed_)

    def _rate_numerator(self, text: str, lit: Literal_, bracket: re.Match[str],
                        earlier: frozenset[str]) -> CountClaim | None:
        """"The rate of children looked after is 62 per 10,000 (280 children)": the count in
        brackets after a rate is the rate's number of children, read alone (the rate's words
        outside blanked); with no words of care of its own, the children looked after the
        rate's words name (inferred); never after another place's or a dated rate."""
        close = text.find(")", lit.end)
        if close < 0:
            return None
        outside = text[:bracket.start("open")]
        if _ELSEWHERE.search(outside) or _DATE_BEFORE.search(outside) or \
                not _IN_CARE.search(outside) or _TYPE_NAMES.search(outside):
            return None
        inside = _blank(text, [(0, bracket.start("open") + 1), (close, len(text))])
        if _IN_CARE.search(inside):
            return self.claim(inside, lit, earlier)
        if not _OWN_NOUN.match(text, lit.end) or _ANOTHER_SERVICE.search(inside) or \
                _A_PART.search(inside):
            return None
        now = [f for f in self.judges["period"].figures if f.measure == "count" and
               f.subject is None and f.key not in self.hidden and window_of(f) == "period"]
        pool = [f for f in now if f.key.startswith("care.")] or now
        if len({f.value for f in pool}) != 1:
            return None
        return self._finish(Claim(pool[0], pool[:1], [(lit.start, close)]), False)

    def _additional(self, text: str, lit: Literal_, earlier: frozenset[str]
                    ) -> CountClaim | None:
        """"This is an additional 26 children", "which was 14 extra children": the change in
        the number of children looked after that "this" says (over the period, as the words
        name no other span); always inferred (what "this" is the words leave open)."""
        if _ELSEWHERE.search(text) or _OTHER_COUNTABLE.search(text) or _A_PART.search(text) or \
                _ANOTHER_SERVICE.search(text) or \
                _another_group(text, lit, self._sentence("period", text, earlier).lits):
            return None
        now = [f for f in self.judges["period"].figures if f.measure == "change" and
               f.key not in self.hidden and window_of(f) == "period" and not _is_rate(f) and
               (f.subject is None or _IN_CARE.search(f.label) or f.subject in earlier)]
        pool = [f for f in now if ".care." in "." + f.key] or now
        if len({f.value for f in pool}) != 1:
            return None
        before = _ADDITIONAL_BEFORE.search(text, max(0, lit.start - 60), lit.start)
        noun = _ADDITIONAL_NOUN.match(text, lit.end)
        span = (before.start() if before else lit.start, noun.end() if noun else lit.end)
        return self._finish(Claim(pool[0], pool[:1], [span]), False)

    def _changed_from(self, text: str, lit: Literal_, words: re.Match[str],
                      earlier: frozenset[str]) -> CountClaim | None:
        """"an increase from 562 children at the previous year end", "down from 243 at the
        end of September": the number of children looked after on the day the words name,
        when a figure of the data is of that day (the day before the period or the year so
        far, an indicator's previous point); inferred (a change's start, as "from X to Y"'s
        X is)."""
        if self.period is None or _ELSEWHERE.search(text) or _OTHER_COUNTABLE.search(text) or \
                _A_PART.search(text) or _ANOTHER_SERVICE.search(text) or \
                _another_group(text, lit, self._sentence("period", text, earlier).lits):
            return None
        kind = (words.group("kind") or words.group("kind2") or "").lower()
        if kind:
            if kind.startswith("year"):
                day = date(self.period.start.year - (self.period.start.month < 4), 3, 31)
                if self.period.kind == "year":
                    day = self.period.start - timedelta(days=1)
            elif kind == self.period.kind:
                day = self.period.start - timedelta(days=1)
            else:
                return None
        else:
            month = _MONTHS.index(words.group("month").lower()[:3]) + 1
            year = int(words.group("year")) if words.group("year") else \
                self.period.end.year - (month >= self.period.end.month)
            day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        found = [f for f in self.by_key.values() if f.measure == "start_count" and
                 f.key not in self.hidden and _start_day(f) == day and
                 (f.subject is None or _IN_CARE.search(f.label) or f.subject in earlier)]
        found.sort(key=lambda f: ".care." not in "." + f.key)
        if not found or len({f.value for f in found}) != 1:
            return None
        return self._finish(Claim(found[0], found[:1], [(lit.start, words.end())]), False)

    def _a_year_before(self, start: Figure) -> bool:
        """Whether a start figure is of the day a year before its series' (or the period's)
        end."""
        day = _start_day(start)
        end = point_end(start.key) if start.key.startswith(("indicators", "benchmarks")) \
            else None
        if start.key.startswith(("indicators", "benchmarks")) and start.key.endswith(
                ".previous"):
            end = point_end(start.key[:-len(".previous")] + ".value")
        end = end or (self.period.end if self.period is not None else None)
        return day is not None and end is not None and 360 <= (end - day).days <= 370

    def _over_a_year(self, figure: Figure, base: re.Match[str]) -> bool:
        """Whether a change figure is over the year its start's words name: from the same day
        a year before ("compared to last year"), or from the end of the financial year named
        ("compared to 2020/21")."""
        since = _SINCE_DAY.search(figure.label)
        end = point_end(figure.key) or (self.period.end if self.period is not None else None)
        if since is None or end is None:
            return False
        if since.group("iso"):
            start = date.fromisoformat(since.group("iso")) - timedelta(days=1)
        else:
            start = point_end(f"x['_']['{since.group('day')}']") or end
        if base.group("fy"):
            return start.year == int(base.group("fy")) + 1 and start.month == 3
        return 360 <= (end - start).days <= 370

    def _is_the_period_span(self, span: re.Match[str]) -> bool:
        """Whether "in the last N months" is the report's own period (three months of a
        quarter's report, one of a month's)."""
        if self.period is None:
            return False
        n = span.group("n").lower()
        months = {"one": 1, "a": 1, "three": 3, "3": 3, "1": 1}.get(n)
        return months == {"quarter": 3, "month": 1}.get(self.period.kind)

    def _change_of_another(self, text: str, lit: Literal_, earlier: frozenset[str]) -> bool:
        """A change in apposition to the count before it ("250 children on protection plans, a
        rise of 30", "93 new placements, an increase of 20 on the previous quarter", "78
        children entered care, which was a reduction of 13") is that count's change: of the
        children looked after (or placements) in all only when that count is their number on
        a day of ours; a change of a flow, of another group, a type or another day's count is
        no figure of the data."""
        change = _APPOSITIVE_CHANGE.search(text, max(0, lit.start - 80), lit.start)
        if change is None:
            return False
        s = self._sentence("period", text, earlier)
        before = [o for o in s.lits if o.end <= change.start() and o.kind == "count"
                  and not _FROM.search(text[max(0, o.start - 12):o.start])]
        if not before or any(ch in text[before[-1].end:change.start()] for ch in ".;"):
            return False
        head = self.claim(text, before[-1], earlier)
        figure = head.figure if head is not None else None
        return figure is None or figure.measure not in _STOCKS or figure.subject is not None

    def _part_without_noun(self, text: str, lit: Literal_, earlier: frozenset[str]
                           ) -> tuple[bool, CountClaim | None]:
        """A part of a whole that has no noun of its own ("270 children in care, of whom 109
        are placed with ...", "208 of whom are in foster care", "Of the 270 children in care,
        40 are placed ..."): the whole's noun is its noun. Read with "children" after it when
        the whole is children in care (the "of whom" words blanked); never read when the whole
        is another group ("85 care leavers, of whom 40 ..."). (False, None) when no such part."""
        if _OWN_NOUN.match(text, lit.end):
            return False, None
        after = _OF_WHOM_AFTER.match(text, lit.end)
        before = _OF_WHOM_BEFORE.search(text, max(0, lit.start - 40), lit.start)
        whole = _OF_THE_WHOLE_PART.match(text[:lit.start])
        listed = _LISTED_PART.search(text, max(0, lit.start - 80), lit.start) \
            if _LISTED_PART_AFTER.match(text, lit.end) else None
        if listed is not None and not any(ch in text[listed.start():lit.start] for ch in ".;"):
            whole = None  # (the list's own shape, below)
        if listed is not None and (after is None and before is None):
            drop, mark = (lit.start, lit.start), listed.start("comma")
        elif after is not None:
            drop, mark = after.span(1), after.start(1)
        elif before is not None:
            drop, mark = before.span(1), before.start()
        elif whole is not None:
            drop, mark = (lit.start, lit.start), whole.end("whole")
        else:
            return False, None
        start = max(text.rfind(";", 0, mark), 0)
        own = text[start:mark]
        if _A_FLOW_VERB.search(own) or _THE_SAME_SPAN.search(own):
            return True, None  # a part of the children who came into care, left, ...: a flow's
        if not _IN_CARE.search(own) or _ANOTHER_SERVICE.search(own) or _A_PART.search(own) or \
                _ELSEWHERE.search(own):
            return True, None  # a part of another whole, or of one the data do not hold
        noun = " children"
        read = _blank(text, [drop])
        read = read[:lit.end] + noun + read[lit.end:]
        found = self.claim(read, lit, earlier)
        if found is None or found.figure is None or found.figure.subject is None:
            return True, None  # a part is never the whole ("40 in council homes")

        def back(i: int) -> int:
            return i if i <= lit.end else max(lit.end, i - len(noun))
        return True, dataclasses.replace(found, evidence=[(back(a), back(b))
                                                          for a, b in found.evidence])

    def _own_clause(self, text: str, lit: Literal_, earlier: frozenset[str]) -> str:
        """A count with its own noun after it ("900 children are in care") in a clause that
        "as", "because", "who" or "which" opens, or that a comma and a new subject ends ("...,
        we need"): the names of placement types before that word (after that comma) are the
        other clause's ("think about emergency fostering as over 900 children are
        in care", "As a foster carer, you'll work with the council who are responsible for
        1,500 looked after children"), blanked (keeping every offset)."""
        if not _OWN_NOUN.match(text, lit.end):
            return text
        s = self._sentence("period", text, earlier)
        opener = None
        for m in _OPENER.finditer(text, max(0, lit.start - 120), lit.start):
            opener = m
        # A reason clause whose subject is the count itself ("as over 900 children are"), a
        # relative clause of the council ("the council who are responsible for"): not "as
        # they look after 46 children" (they: the carers named before), nor "foster carers,
        # who look after 46 children".
        if opener is not None and (
                opener.group(0).lower() in ("who", "which")
                and not _COUNCIL_BEFORE.search(text, max(0, opener.start() - 40),
                                               opener.start())
                or opener.group(0).lower() in ("as", "because")
                and not _ONLY_BOUND.fullmatch(text, opener.end(), lit.start)):
            opener = None
        # After it, a comma and a new subject start the main clause: "With about 100 children
        # coming into care each year, we need more foster carers".
        # (Only after the count's own words say in care: "46 children, we are pleased to say,
        # are placed with ..." is an aside.)
        closer = _NEW_SUBJECT.search(text, lit.end)
        if _OF_THE_WHOLE.match(text[:lit.start]):
            # "Of the 140 children we look after, 20 live in residential care": the whole's
            # phrase ends at its comma; what follows is its part's
            closer = re.compile(",").search(text, lit.end)
        if closer is not None and (any(lit.end <= o.start < closer.start() for o in s.lits) or
                                   not _IN_CARE.search(text, lit.end, closer.start())):
            closer = None
        if opener is None and closer is None:
            return text
        lo = opener.start() if opener is not None else 0
        hi = closer.start() if closer is not None else len(text)
        return _blank(text, [(x.start, x.end) for x in s.subjects
                             if (x.end <= lo or x.start >= hi) and x.subject not in SCOPES])

    def _changed_to(self, text: str, lit: Literal_, earlier: frozenset[str]
                    ) -> CountClaim | None:
        """"these numbers had increased further to 245", "it had reduced to 434 at present":
        a count that an anaphor ("this", "it", "the figure", "numbers") changed to, with no
        noun of its own, is the count now (on the report's day: its words name no other day):
        of the series or placement type the sentence names before it, else children looked
        after (or placements) in all. Always inferred: what "this" is the words leave open."""
        s = self._sentence("period", text, earlier)
        mine = _same(s, lit)
        if mine is None or mine.decimal:
            return None
        lo, hi = _clause(s, mine)
        start = max(lo - 80, 0)
        anaphor = _ANAPHOR_CHANGED_TO.search(text[start:mine.start])
        if anaphor is None or \
                _OTHER_COUNTABLE.search(text) or _ELSEWHERE.search(text[lo:hi]) or \
                not _NO_NOUN_AFTER.match(text[mine.end:mine.end + 20]):
            return None
        when = _date_of(s, mine, lo, hi)
        if when is not None and (self.period is None or not _on(self.period.end, when)):
            return None  # "to 443 in October 2019": another day's
        now = [f for f in self.judges["period"].figures if f.unit == "count" and
               f.measure == "count" and f.key not in self.hidden and not _is_rate(f)]
        # (a number word alone names no series: "than three years ago" is not "three or more
        # placements")
        before = {x.subject for x in s.subjects if x.end <= mine.start and
                  not _NUMBER_WORD.fullmatch(text[x.start:x.end].strip())}
        named = [f for f in now if f.subject is not None and f.subject in before]
        pool = named or [f for f in now if f.subject is None]
        if len({f.value for f in pool}) > 1:
            pool = [f for f in pool if f.key.startswith("care.")] if not named else []
        if not pool:
            return None
        # "..., and the number now stands at almost 1,000": "the number" with "now" after a
        # clause that names children in care (and nothing else counted) is their number today
        said = anaphor.group(0)
        certain = not named and pool[0].key.startswith("care.") or not named and \
            not any(f.key.startswith("care.") for f in now)
        certain = certain and bool(_THE_NUMBER_NOW.match(said)) and \
            _IN_CARE.search(text, 0, start + anaphor.start()) is not None and \
            not _TYPE_NAMES.search(text, 0, start + anaphor.start())
        return self._finish(Claim(pool[0], pool[:1], [(start + anaphor.start(), mine.end)]),
                            certain)

    def _per_ten_thousand(self, text: str, lit: Literal_, earlier: frozenset[str]
                          ) -> CountClaim | None:
        """"64 per 10,000", "a rate of 95 LAC per 10k": a rate per 10,000 is the value of the
        data's one series of such a rate (the one the sentence names, else the only one), at
        the date its words give, else on the report's day. Certain when the clause names the
        series or children in care and the point is of that day; the latest point otherwise
        (inferred)."""
        s = self._sentence("period", text, earlier)
        mine = _same(s, lit)
        per = _PER_TEN_THOUSAND.match(text[lit.end:lit.end + 60]) if mine is not None else None
        skip = per.end() if per is not None else 0
        if mine is None:
            return None
        lo, hi = _clause(s, mine)
        if per is None:
            # the rate's words before it, with no other number between: only a series the
            # clause names ("the rate of children in care (per 10,000) was 85")
            before = _RATE_NAMED_BEFORE.search(text[max(lo, lit.start - 100):lit.start])
            rates = {f.subject for f in self.by_key.values() if _is_rate(f)}
            if before is None or not any(lo <= x.start and x.end <= lit.start and
                                         x.subject in rates for x in s.subjects):
                return None
            denominator = _denominator(before.group(0))
        else:
            denominator = _denominator(per.group(0))
        # another place's rate ("Nationally, 75 per 10,000", "67 nationally"): in the words
        # before it and its own after its "per" words, up to "compared to" ("32.3 per 1000
        # compared to 15.7 nationally" is this council's)
        start = max((o.end for o in s.lits if o.end <= lit.start and o.start >= lo), default=lo)
        tail = lit.end + skip
        stop = min([hi, *(o.start for o in s.lits if o.start >= tail)])
        barrier = _DATE_BARRIER.search(text, tail, stop)
        region = text[start:barrier.start() if barrier else stop]
        if _ELSEWHERE.search(region) or _NOT_THE_VALUE.search(_own_words(s, mine, lo, hi)):
            return None  # another place's rate, a target's
        rates = {f.subject for f in self.by_key.values()
                 if f.key.startswith(("indicators", "benchmarks")) and f.measure == "count"
                 and f.key.endswith(".value") and _is_rate(f) and
                 (_denominator(f.label) or 10000) == denominator}
        named = rates & ({x.subject for x in s.subjects} | set(earlier))
        pool = named or rates
        if len(pool) != 1:
            return None
        subject = next(iter(pool))
        points = [(f, end) for f in self.by_key.values() if f.subject == subject and
                  f.key.endswith(".value") and f.measure == "count" and
                  (end := point_end(f.key)) is not None]
        if not points:
            return None
        when = _date_of(s, mine, lo, hi, skip=skip)
        if when is not None:
            found = [f for f, end in points if _on(end, when)]
        else:
            found = [f for f, end in points if self.period is not None and
                     _of_period(f.key, self.period.label, self.period.end)]
        certain = len(found) == 1 and bool(named or _IN_CARE.search(text[lo:hi]))
        if len(found) != 1:
            if when is not None:
                return None  # a date the series has no point for
            found = [max(points, key=lambda p: p[1])[0]]
        own = (mine.start, lit.end + skip)
        evidence = [(x.start, x.end) for x in s.subjects if x.subject == subject][:1]
        if not evidence or evidence[0][0] < mine.start < evidence[0][1]:
            # the rate's own words when the series' name is written around the number ("a
            # rate of 50.2 looked after children per 10,000"): a quote ends at its number
            evidence = [own]
        return self._finish(Claim(found[0], found[:1], evidence), certain)

    def _claim(self, text: str, lit: Literal_, earlier: frozenset[str]) -> CountClaim | None:
        base = self._sentence("period", text, earlier)
        mine = _same(base, lit)
        if mine is None:
            return None
        lo, hi = _clause(base, mine)
        region = _own_region(base, mine, lo, hi)
        if _ELSEWHERE.search(region):
            return None  # another area's count ("67 nationally")
        if _OTHER_GROUP_AFTER.match(text[mine.end:mine.end + 60]) or \
                _another_group(text, mine, base.lits):
            return None  # "650 children in need", "13 UASC": a group the data do not hold
        if _FOR_BEFORE.search(text[max(0, mine.start - 12):mine.start]) and \
                not _CORPORATE_PARENT_FOR.search(text, max(0, mine.start - 40), mine.start) and \
                not _ACCOUNTS_FOR.search(text, max(0, mine.start - 20), mine.start):
            return None  # "savings for 3 children": the children something is for, a part
        _, end = base.own_phrases[mine.start]
        if _AGE_BAND.search(_AGE_REACH.split(text[mine.end:hi], 1)[0][:50]):
            return None  # "5 children aged under 10 were in residential care": a part
        if _HYPOTHETICAL.search(_own_words(base, mine, mine.start, min(end, hi))):
            return None  # "up to 80 children may be able to leave care": not a count held
        clause = text[lo:hi]
        _, own_end = base.own_phrases[mine.start]
        after_words = text[mine.end:min(own_end, hi)]
        month = self._other_month(after_words) if _MONTH.search(after_words) else \
            self._other_month(region[:max(0, region.find(mine.text))] if mine.text in region
                              else region)
        if not _AVERAGE.search(region):
            dated = self._dated(base, mine, lo, hi)
            if dated is not None:
                return dated  # "403 in March 2018": the series' point of that day
        if _AVERAGE.search(region) or month == 2:
            return None  # "on average 15 a month", "in September 2018": no figure of ours
        when = _date_of(base, mine, lo, hi)
        if when is not None and self.period is not None and \
                not _on(self.period.end, when) and \
                not any(p is not None and p.search(clause) for p in self._cy_words):
            # "In 2012 there were 250 children in care", "from 31 March 2021 when there were
            # 947": a count its own words date to another day (no series point of it above)
            return None
        # "a decrease of 8 from the previous quarter": the change over the report's period,
        # not a figure of the previous one (blanked, keeping every offset).
        since = self._since_previous(clause)
        if since is not None:
            a, b = since
            text = text[:lo + a] + " " * (b - a) + text[lo + b:]
            clause = text[lo:hi]
        windows, span, named = self._windows(clause)
        named = named or since is not None or self._since_the_start(clause)
        claims: list[tuple[Claim, Sentence, Literal_]] = []
        for w in windows:
            s = self._sentence(w, text, earlier)
            at = _same(s, lit)
            if at is None:
                continue
            c = self.judges[w].claim(s, at)
            flipped = False
            if c is None or (c.figure is None and not c.candidates):
                c, flipped = self._other_way(w, s, at) or (c, False)
            if _FROM.search(s.text[max(0, at.start - 12):at.start]):
                # "up from 243", "from 52 to 61": the value at the start, never a change's size
                start = self._from_value(w, s, at)
                if start is not None or (c is not None and (
                        c.figure.measure == "change" if c.figure is not None else
                        any(f.measure == "change" for f in c.candidates))):
                    c = start
            if c is None:
                c = self._from_value(w, s, at)
            if c is None:
                continue
            if flipped:
                return self._finish(c, self._explicit(c, lit, named), reversed_=True)
            if span:
                c = _without_stocks(c)
            if month == 1 and c is not None and c.figure is not None and \
                    c.figure.measure not in _STOCKS and not (
                        c.figure.measure == "change" and self._since_the_start(clause)):
                c = None  # a flow "in December" of a quarter's report: that month's alone
            if c is not None:
                claims.append((c, s, at))
        if not any(c.figure is not None or c.candidates for c, _, _ in claims):
            # No count word: an indicator named in the clause ("a net increase of 9 foster
            # carers") is its value in the report's period (whatever window words say).
            found = self._indicator(base, mine, lo, hi)
            if found is not None:
                return found
        if not claims:
            return None
        if len(claims) == 1:
            c, s, at = claims[0]
            if c.figure is None:
                c = _by_noun(c, s, at)
            if _of_something_else(c, s, at):
                return None
            certain = self._explicit(c, lit, named)
            if certain and not named and c.figure is not None and \
                    c.figure.measure in _FLOWS and self._period_is_not_its_year() and \
                    not self._names_the_month(text):
                # "122 children entered care", no window named, in a quarter's report: the
                # quarter's, or the year's so far? (the words leave it open)
                certain = False
            return self._finish(c, certain, s=s)
        # Several windows: a figure only when they all give one value; certain only when
        # each window's reading is and they give the same value (the readings agree).
        claims = [(_by_noun(c, s, at) if c.figure is None else c, s, at)
                  for c, s, at in claims]
        figures = [c.figure for c, _, _ in claims]
        pool = [f for c, _, _ in claims for f in c.candidates]
        evidence = [span_ for c, _, _ in claims for span_ in c.evidence]
        if all(f is not None for f in figures) and \
                len({lit.like(f) for f in figures if f is not None}) == 1:
            agree = all(self._explicit(c, lit, named) and not _of_something_else(c, s, at)
                        for c, s, at in claims)
            return self._finish(Claim(figures[0], pool, evidence), agree)
        agreeing = [f for f in figures if f is not None and lit.agrees(f)]
        if agreeing:
            return self._finish(Claim(agreeing[0], pool, evidence), False)
        named_figures = [f for f in figures if f is not None]
        if named_figures and len(named_figures) == len(figures):
            return self._finish(Claim(named_figures[0], pool, evidence), False)
        return self._finish(Claim(None, pool, evidence), False)

    def _dated(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> CountClaim | None:
        """A count the sentence dates ("403 in March 2018", "In March 2019 the number ... was
        385", "this fell to 364 in 2020") is the point of that day in a series of counts the
        sentence (or its paragraph) names: each count of a series bound to its own date. One
        point must answer to the date (a year alone names a point only when the series has
        one that year); certain when the sentence names one series, else inferred."""
        dated = _dated_words(s, lit, lo, hi)
        if dated is None or _NOT_A_STOCK.search(s.text[lo:lit.start][-40:]) or \
                _NOT_A_STOCK_AFTER.match(s.text[lit.end:hi]):
            return None
        when, _ = dated
        rate = bool(_PER_TEN_THOUSAND.match(s.text[lit.end:lit.end + 60]))
        named = {x.subject for x in s.subjects} | set(s.earlier)
        series = {f.subject for f in self.by_key.values()
                  if f.key.startswith(("indicators", "benchmarks")) and f.measure == "count"
                  and f.subject in named and _is_rate(f) == rate}
        points = [(f, end) for f in self.by_key.values() if f.subject in series and
                  f.key.endswith(".value") and f.measure == "count" and
                  (end := point_end(f.key)) is not None]
        found = [f for f, end in points if _on(end, when)]
        if len(found) != 1:
            return None
        figure = found[0]
        if _narrower(s.text[lo:hi], figure):
            return None
        evidence = [(x.start, x.end) for x in s.subjects if x.subject == figure.subject][:1]
        return self._finish(Claim(figure, [figure], evidence), len(series) == 1)

    def _indicator(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> CountClaim | None:
        """A count indicator named in the clause, when no count word is: its value, certain
        only in the report's own period; not when the number's words say it is a target, an
        expectation or another place's."""
        before, after = s.text[:lit.start], s.text[lit.end:]
        if lit.decimal or _RATE_WORDS.search(s.text[lo:hi]) or \
                re.search(r"\bper\s+$", before[-8:], re.IGNORECASE) or \
                _PART_BEFORE.search(before[-40:]) or _PART_AFTER.match(after) or \
                _DIFFERENCE_AFTER.match(after) or _SUPERSEDED_AFTER.match(after[:160]):
            return None  # a rate (the reading's own), a denominator, a part, a difference
        c = self.judges["period"]._rate(s, lit, lo, hi)
        if c is None or c.figure is None:
            return None
        if _NOT_THE_VALUE.search(_own_words(s, lit, lo, hi)):
            return None
        mine = self.period is not None and _of_period(c.figure.key, self.period.label,
                                                      self.period.end)
        return self._finish(c, mine)

    def _since_the_start(self, clause: str) -> bool:
        """Whether a clause says "since <the day before the period>" ("since the end of
        September" in a report for October to December): the period's window, named."""
        if self.period is None:
            return False
        before = self.period.start - timedelta(days=1)
        for m in _SINCE_A_DAY.finditer(clause):
            month = _MONTHS.index(m.group("month").lower()[:3]) + 1
            year = int(m.group("year")) if m.group("year") else before.year
            if (month, year) == (before.month, before.year) and m.group("end"):
                return True
            if (month, year) == (self.period.start.month, self.period.start.year) and \
                    not m.group("end"):
                return True
        return False

    def _names_the_month(self, clause: str) -> bool:
        """Whether a month's report names its own month ("In November 2021, ... that month"),
        or a quarter's its own quarter ("During Q3", "in quarter 3", "the third quarter")."""
        if self.period is not None and self.period.kind == "quarter":
            n = self.period.index
            word = ("first", "second", "third", "fourth")[n - 1] if 1 <= n <= 4 else "-"
            return re.search(rf"\b(?:q{n}|quarter\s+{n}|{word}\s+quarter)\b", clause,
                             re.IGNORECASE) is not None
        if self.period is None or self.period.kind != "month":
            return False
        end = self.period.end
        return any(_MONTHS.index(m.group("month").lower()[:3]) + 1 == end.month and
                   int(m.group("year") or end.year) == end.year
                   for m in _MONTH.finditer(clause))

    def _period_is_not_its_year(self) -> bool:
        """Whether the report's period is shorter than its financial year so far (a flow
        with no window named may then be either)."""
        return self.period is not None and self.period.start.month != 4 or \
            self.period is not None and self.period.start.day != 1

    @staticmethod
    def _explicit(c: Claim, lit: Literal_, named: bool) -> bool:
        """Whether a claim of one window is certain: as the reading says, or (with no type or
        measure named) a count of all children or placements with its word near; never a
        DfE placement group ("foster placements" may take in kinship care or not) or a change
        with no window named ("has risen by 27" since when?)."""
        figure = c.figure
        if figure is None or "placement_groups" in figure.key or \
                (figure.measure == "change" and not named):
            return False
        total = figure.subject is None and figure.measure != "start_count" and \
            bool(c.evidence) and _distance(c.evidence[0], lit) <= _NEAR
        return c.explicit or total

    def _other_way(self, window: str, s: Sentence, lit: Literal_) -> tuple[Claim, bool] | None:
        """A change word that introduces the number ("rose by 5") read the other way: when
        only then a figure is found, the data's change goes the other way."""
        lo, _ = _clause(s, lit)
        governing = [m for m in s.mentions["count"] if "change" in m.measures and m.sign and
                     lo <= m.start and m.end <= lit.start and
                     _CHANGE_GOVERNS.match(s.text[m.end:lit.start])]
        if not governing:
            return None
        m = governing[-1]
        flipped = dataclasses.replace(m, sign=-m.sign)
        other = dataclasses.replace(s, mentions={
            **s.mentions, "count": [flipped if x is m else x for x in s.mentions["count"]]})
        c = self.judges[window].claim(other, lit)
        if c is None:
            return None
        # Read the other way, a number that agrees is left unclaimed (reading: "recognised");
        # here it is the change of all children or placements that the words mean.
        totals = [f for f in c.candidates if f.subject is None]
        figure = c.figure or next((f for f in totals if lit.agrees(f)), None) or (
            totals[0] if totals and len({lit.like(f) for f in totals}) == 1 else None)
        if figure is None or figure.measure != "change":
            return None
        return dataclasses.replace(c, figure=figure), True

    def _from_value(self, window: str, s: Sentence, lit: Literal_) -> Claim | None:
        """X of "from X to Y": the value at the start of the window of Y's figure."""
        before = s.text[max(0, lit.start - 12):lit.start]
        if not _FROM.search(before):
            return None
        after = [o for o in s.lits if o.start > lit.end and o.kind == "count"]
        earlier = [o for o in s.lits if o.end <= lit.start and o.kind == "count"]
        if after and _FROM_X_TO.match(s.text[lit.end:after[0].start]):
            y = after[0]
        elif earlier and _Y_DOWN_FROM.search(s.text[earlier[-1].end:lit.start]):
            y = earlier[-1]  # "476 at 31 March 2023, down from 490": Y, then X
        else:
            return None
        then = self.claim(s.text, y, s.earlier)
        if then is None:
            return None
        # Y's figure, or another of the same value (placements and children looked after
        # on the report's day), with a value at the start of its window; when Y agrees with
        # the data, the figures it agrees with.
        same = [then.figure, *(f for f in then.candidates if y.like(f) == y.like(then.figure))
                ] if then.figure is not None else [f for f in then.candidates if y.agrees(f)]
        starts = [self.by_key[k] for f in same
                  if (k := start_key(f)) is not None and k in self.by_key]
        if _SOME_YEAR.search(s.text) or _A_YEAR_BEFORE.search(s.text):
            # "fell from 290 to 270 over the last year": X is of a year before
            starts = [f for f in starts if self._a_year_before(f)]
        if not starts:
            return None
        return Claim(starts[0], starts[:1], list(then.evidence), False)

    def _finish(self, c: Claim, explicit: bool, reversed_: bool = False,
                s: Sentence | None = None) -> CountClaim:
        hidden = c.figure is not None and c.figure.key in self.hidden
        # A hidden figure is never offered as what a number agrees with (the message would
        # give its value away), nor one of a subject the sentence does not name (a rate's
        # change is not what "rose by 4" of foster carers agrees with).
        named = {x.subject for x in s.subjects} if s is not None else set()
        pool = [f for f in c.candidates if f.key not in self.hidden and
                (s is None or f.subject is None or f.subject in named)]
        return CountClaim(c.figure, pool, c.evidence, explicit, hidden, reversed_)


#: A date: "in March 2018", "at 31st March 2017", "in 2019" (not a financial year "2018-19").
_DATE_WORDS = (r"(?:the\s+end\s+of\s+)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
               r"(?:(?P<month>january|february|march|april|may|june|july|august|september|"
               r"october|november|december)\s+)?(?P<year>(?:19|20)\d{2})\b(?!\s*[/-]\s*\d)")
_DATE = rf"(?P<date>(?:in|at|by|as\s+at|on|during|for|of)\s+{_DATE_WORDS})"
#: Before a count, also "from 31 March 2021 when ... there were 947": the day of the "when"
#: clause that holds the count.
_DATE_WHEN = (rf"(?P<date>(?:in|at|by|as\s+at|on|during|for|of|from(?=[^.;]{{0,40}}?\bwhen\b))"
              rf"\s+{_DATE_WORDS})")
#: Words after a number that start another's phrase: a date past them is not the number's.
_DATE_BARRIER = re.compile(r"\b(?:which|that|compared|similar|same|than|whereas|while|whilst|"
                           r"but|versus|vs|against|(?:up|down)\s+(?:from|on))\b", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^[^.;:\d£%]{{0,50}}?\b{_DATE}", re.IGNORECASE)
_DATE_BEFORE = re.compile(rf"\b{_DATE_WHEN}", re.IGNORECASE)
#: Words before or after a count that make it a flow or a change, never a point of a series
#: of stocks ("rose by 12 in 2019", "148 children entered care in 2019").
_NOT_A_STOCK = re.compile(r"\b(?:by|of)\s+(?:around\s+|about\s+|some\s+)?$|"
                          r"\b(?:increase|decrease|rise|fall|reduction|drop|change)\s+of\s+$",
                          re.IGNORECASE)
_NOT_A_STOCK_AFTER = re.compile(
    r"^\s*(?:\w+\s+){0,4}?(?:entered|entering|came|coming|started|starting|left|leaving|"
    r"ceased|admitted|discharged|adopted|new|more|fewer|less)\b", re.IGNORECASE)
#: A peak's words before its number: "to an all-time high of", "a peak of", "a record low of".
_PEAK_BEFORE = re.compile(r"\b(?:an?|the|its)\s+(?:(?:all[- ]time|record|new|historic|"
                          r"highest|lowest)\s+)?(?:high|peak|low)\s+of\s+$", re.IGNORECASE)
#: An anaphor changed to a number: "this reduced to", "these numbers had increased further
#: to", "it had stabilised and reduced to", "numbers ... had increased by 12.7% to".
_ANAPHOR_CHANGED_TO = re.compile(
    r"\b(?:this|it|these(?:\s+numbers)?|those\s+numbers|the\s+(?:figure|numbers|total)|"
    r"numbers|the\s+number(?!\s+of))\b[^.;:\d£%]{0,60}?\b(?:increased|decreased|risen|rose|"
    r"reduced|fallen|fell|declined|dropped|grown|grew|climbed|gone\s+(?:up|down)|went\s+"
    r"(?:up|down))\s+(?:by\s+(?:around\s+|about\s+)?[\d.,]+\s*%?\s+)?(?:further\s+|again\s+)?"
    r"to\s+(?:around\s+|about\s+|approximately\s+)?$|"
    # "the number now stands at almost 1,000", "numbers currently total 450": the count now
    r"\b(?:the\s+(?:figure|numbers?(?!\s+of)|total)|these\s+numbers|numbers)\s+(?:(?:now|"
    r"currently|today)\s+)?(?:stands?|stood|sits?|totals?|totalled|is|are)\s+(?:now\s+)?"
    r"(?:at\s+)?(?:around\s+|about\s+|approximately\s+|almost\s+|nearly\s+|over\s+|"
    r"more\s+than\s+|just\s+(?:over|under)\s+|some\s+)?$", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)",
                          re.IGNORECASE)
#: A definite anaphor of a count, said of today: "the number now stands at", "the figure is
#: currently".
_THE_NUMBER_NOW = re.compile(r"(?:the\s+(?:figure|number|total)|numbers)\b[^.;:\d£%]*?\b"
                             r"(?:now|currently|today|at\s+present)\b", re.IGNORECASE)
#: What follows a count that has no noun of its own: an end, a date's or time's words.
_NO_NOUN_AFTER = re.compile(
    r"^\s*(?:$|[,.;:)–—-]|(?:at|by|in|on|as|and|following|from|which|when|since|currently|now|"
    r"today|over|during|compared|against|but|however|equivalent|this)\b)", re.IGNORECASE)
#: Countable things a children's services paper also counts, which "numbers" may be of.
_OTHER_COUNTABLE_WORDS = (
    r"in\s+need|CIN|child\s+protection|protection\s+plans?|CP|care\s+leavers|referrals?|"
    r"assessments?|contacts?|EHC\w*|plans|pupils|posts|staff|vacanc\w+|workers|caseloads?|"
    r"carers|households|families|applications|complaints|beds|cases|placements\s+moves?|"
    r"moves|enquiries|investigations|visits|adoptions?")
_OTHER_COUNTABLE = re.compile(rf"\b(?:{_OTHER_COUNTABLE_WORDS})\b", re.IGNORECASE)
#: Right after a count, its own noun when that is no child or placement but something else
#: counted ("two agency social workers for the looked after children's team", "3 new foster
#: carers"): a count of that, whatever the clause names after it. (Not after a preposition:
#: "54 with agency carers" is a part of the children.)
_OTHER_NOUN_AFTER = re.compile(r"\s+(?:(?!(?:with|in|by|from|of|to|for|at|and|or|are|were|is|"
                               r"was|who|which|that)\b)[\w'’-]+\s+){0,2}?"
                               rf"(?:{_OTHER_COUNTABLE_WORDS})\b", re.IGNORECASE)
#: Right before a number, a change said of it: "rose by", "an increase of", "down".
_CHANGED_BY_BEFORE = re.compile(
    r"\b(?:(?:increased|rose|risen|grew|grown|fell|fallen|decreased|dropped|reduced|went\s+(?:up|"
    r"down))\s+by|(?:increase|rise|fall|decrease|reduction|drop|change)\s+of|up|down)\s+" +
    _ABOUT + "$", re.IGNORECASE)
#: "64 per 10,000", "95 LAC per 10k": a rate per 10,000.
_PER_TEN_THOUSAND = re.compile(r"^\s*(?:[A-Za-z()'-]+\s+){0,3}?per\s+(?P<per>10,?000|10k|ten "
                               r"thousand|1,?000|one\s+thousand)\b", re.IGNORECASE)


def _start_day(figure: Figure) -> date | None:
    """The day a start figure counts on: "the day before 2023-10-01", "(as at 31 March
    2019)"."""
    m = re.search(r"day before (\d{4}-\d{2}-\d{2})", figure.label)
    if m is not None:
        return date.fromisoformat(m.group(1)) - timedelta(days=1)
    day = _DAY.search(figure.label)
    if day is None or day.group("month").lower()[:3] not in _MONTHS:
        return None
    try:
        return date(int(day.group("year")), _MONTHS.index(day.group("month").lower()[:3]) + 1,
                    int(day.group("day")))
    except ValueError:
        return None


def _denominator(words: str) -> int | None:
    """The population a rate is per ("per 10,000", "per 1000"), or None when not said."""
    m = re.search(r"\bper\s+(10,?000|10k|ten\s+thousand|1,?000|one\s+thousand)\b", words,
                  re.IGNORECASE)
    if m is None:
        return None
    return 1000 if re.match(r"1,?000\b|one", m.group(1), re.IGNORECASE) else 10000


#: Words that make a count a part of a series of all children: a placement type, an age band,
#: a legal status.
_PART_WORDS = re.compile(
    "|".join(rf"\b(?:{w})\b" for ws in TYPE_WORDS.values() for w in ws) +
    r"|\baged\b|\bunder\s+(?:the\s+age\s+of\s+)?\d|\bover\s+\d|\b\d+\s*(?:-|–|to)\s*\d+\s*"
    r"years?\b|\bunaccompanied\b|\basylum\b|\bUASC\b|\bdisabilit|\bboys\b|\bgirls\b|"
    r"\bsection\s+20\b|\bcare\s+orders?\b|\bplacement\s+orders?\b", re.IGNORECASE)


#: The words of a placement type.
_TYPE_NAMES = re.compile("|".join(rf"\b(?:{w})\b" for ws in TYPE_WORDS.values() for w in ws),
                         re.IGNORECASE)


def _narrower(clause: str, figure: Figure) -> bool:
    """Whether a clause says its count is a part of a series' figure: it names a placement
    type, an age band or a status that the series' own name does not."""
    if not figure.key.startswith(("indicators", "benchmarks")) or _is_rate(figure):
        return False  # a rate's own words name its population ("per 10,000 aged under 18")
    clause = _ALL_AGES.sub(" ", clause)
    return bool(_PART_WORDS.search(clause)) and not _PART_WORDS.search(figure.label)


#: Ages that are every child: "aged under 18", "0-17".
_ALL_AGES = re.compile(r"\b(?:aged\s+)?(?:under\s+(?:the\s+age\s+of\s+)?18|0\s*(?:-|–|to)\s*1[78]"
                       r"(?:\s*years?)?)\b", re.IGNORECASE)


def _on(end: date, when: tuple[int, int | None, int | None]) -> bool:
    """Whether a point ending on ``end`` is of the date (year, month or None, day or None)."""
    year, month, day = when
    return end.year == year and month in (None, end.month) and day in (None, end.day)


def _is_rate(f: Figure) -> bool:
    return bool(re.search(r"\brates?\b|\bper\s+(?:1,?000|10,?000|10k)\b", f.label,
                          re.IGNORECASE))


def _date_of(s: Sentence, lit: Literal_, lo: int, hi: int, skip: int = 0
             ) -> tuple[int, int | None, int | None] | None:
    """The date a count's own words give it (:func:`_dated_words`): (year, month, day)."""
    found = _dated_words(s, lit, lo, hi, skip)
    return found[0] if found is not None else None


def _dated_words(s: Sentence, lit: Literal_, lo: int, hi: int, skip: int = 0
                 ) -> tuple[tuple[int, int | None, int | None], tuple[int, int]] | None:
    """The date a count's own words give it, and where they are: after it (and ``skip``
    characters of its own words, a rate's "per 10k"), before any other number ("to 385 in
    2019", "95 per 10k ... at 31 March 2017"), else at its clause's start with no number
    between ("In March 2018 the number ... was 403")."""
    start = lit.end + skip
    stop = min([hi, *(o.start for o in s.lits if o.start >= start)])
    # A date after the number is its own only within its own phrase: never across "which
    # was", "compared to", "similar to the number in" (that date is another number's).
    barrier = _DATE_BARRIER.search(s.text, start, stop)
    m = _DATE_AFTER.match(s.text[start:barrier.start() if barrier else stop])
    offset = start
    if m is None:
        # before it: at its clause's start, or after such words past an earlier number ("638
        # which was similar to the number in March 2020, which was 640"); a date right after
        # an earlier number is that number's
        # (a number in brackets is an aside: "(out of 147)")
        earlier = [o for o in s.lits if lo <= o.start and o.end <= lit.start and
                   s.text.rfind("(", lo, o.start) <= s.text.rfind(")", lo, o.start)]
        frm: int | None = lo
        if earlier:
            past = _DATE_BARRIER.search(s.text, earlier[-1].end, lit.start)
            frm = past.end() if past else None
        found = list(_DATE_BEFORE.finditer(s.text, frm, lit.start)) if frm is not None else []
        m, offset = (found[-1] if found else None), 0
    if m is None:
        return None
    month = m.group("month")
    when = (int(m.group("year")), _MONTHS.index(month.lower()[:3]) + 1 if month else None,
            int(m.group("day")) if m.group("day") else None)
    return when, (offset + m.start("date"), offset + m.end("date"))


#: Words that make a number something other than an indicator's value.
_NOT_THE_VALUE = re.compile(
    r"\b(?:targets?|aims?|ambition|goals?|plan(?:ned|s)?|forecasts?|expect(?:ed|s)?|"
    r"projected|predicted|estimated?|budget(?:ed)?|average)\b", re.IGNORECASE)


def _of_period(key: str, label: str, end: date | None = None) -> bool:
    """Whether an indicator's figure is of the report's period: its point is named by the
    period's label, or (``end`` given) dated on the period's last day ("as at 31 March 2022"
    in a report for 2021/22 M12)."""
    if f"['{label}']" in key or f'["{label}"]' in key:
        return True
    return end is not None and point_end(key) == end


#: An indicator's point in its key: ``indicators['Children in care']['as at 31 March 2020']``.
_POINT = re.compile(r"^\w+\[(['\"]).*?\1\]\[(['\"])(?P<point>.*?)\2\]")
_DAY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\s+"
                  r"(?P<year>(?:19|20)\d{2})\b")


def point_end(key: str) -> date | None:
    """The day an indicator's point ends on, from its key: a day named in the point ("as at
    31 March 2020") or the end of the period it names ("2019/20", "2019/20 Q3"); else None."""
    m = _POINT.match(key)
    if m is None:
        return None
    point = m.group("point")
    day = _DAY.search(point)
    if day is not None:
        month = day.group("month").lower()[:3]
        if month in _MONTHS:
            try:
                return date(int(day.group("year")), _MONTHS.index(month) + 1,
                            int(day.group("day")))
            except ValueError:
                return None
        return None
    try:
        return parse_period(point.strip()).end
    except ReportgenError:
        return None


def _this_period(figures: list[Figure], period: Period | None) -> list[Figure]:
    """An indicator's figures of the report's own period where it has them (its value, change
    and target then), else all its points as before (the latest is the reading's)."""
    if period is None:
        return figures
    label, end = period.label, period.end
    own = {f.subject for f in figures
           if f.key.startswith(("indicators", "benchmarks")) and _of_period(f.key, label, end)}
    return [f for f in figures if not (f.key.startswith(("indicators", "benchmarks")) and
                                       f.subject in own and
                                       not _of_period(f.key, label, end))]


#: Words that make "children" those in care or in placements (also the council's verb for
#: it: "the council looks after 300 young people").
_IN_CARE = re.compile(r"\b(?:looked[- ]after|looks?\s+after|looking\s+after|"
                      r"in (?:our |the council'?s )?care|care|placed|placements?|"
                      r"accommodated|CLA|LAC|CiC|corporate\s+parents?)\b",
                      re.IGNORECASE)


def _of_something_else(c: Claim, s: Sentence, lit: Literal_) -> bool:
    """"19 children have been adopted": a bare "children" is the children looked after only
    when its clause says so somewhere ("looked after", "in care", "placed", "placements");
    else the count is of children the data do not count."""
    f = c.figure
    if f is None or f.subject is not None or f.measure != "count" or not c.evidence:
        return False
    start, end = c.evidence[0]
    if _IN_CARE.search(s.text[start:end]):
        return False
    lo, hi = _clause(s, lit)
    rest = s.text[lo:start] + " " + s.text[end:hi]
    return not _IN_CARE.search(rest)


def _by_noun(c: Claim, s: Sentence, lit: Literal_) -> Claim:
    """A count of all children or placements when the reading found none, its clause naming
    no type or measure: the reading leaves a number unclaimed when it agrees with a figure of
    some subject (money: a line named in another paragraph), but a count names its subject
    in its own words ("2 children" is not the 2 changes of placement). Only a subject named
    in the sentence or earlier in the paragraph keeps it unclaimed.

    With an SSDA903 file, children looked after and placements open on the report's day are
    two totals, which differ when a child has no placement that day (and so do their
    changes): the noun says which ("271 children", "275 placements", "the number of children
    looked after rose by 9")."""
    lo, hi = _clause(s, lit)
    # The report's own scope ("the council", "the service") names no part of the data.
    if any(lo <= x.start and x.end <= hi and x.subject not in SCOPES for x in s.subjects) \
            or not c.evidence:
        return c
    # (flows too: "approximately 100 children coming into care" are all that started, not
    # the external placements that started, which only agree with it by its rounding)
    totals = [f for f in c.candidates if f.subject is None and f.measure in (
        "count", "change", "started", "ended", "placement_started", "placement_ended")]
    named = set(s.earlier)
    if not totals or any(lit.agrees(f) for f in c.candidates
                         if f not in totals and f.subject in named):
        return c
    chosen = totals
    if len({lit.like(f) for f in totals}) > 1:
        start, end = c.evidence[0]
        if totals[0].measure == "change":  # "the number of children looked after rose by 9"
            start, end = lo, hi
        placements = bool(re.search(r"placement", s.text[start:end], re.IGNORECASE))
        chosen = [f for f in totals if f.key.startswith("placements.") == placements]
    if len({lit.like(f) for f in chosen}) != 1:
        return c
    return Claim(chosen[0], c.candidates, c.evidence, c.explicit)


def _same(s: Sentence, lit: Literal_) -> Literal_ | None:
    """The literal of ``s`` at the place of ``lit`` (each judge reads the sentence anew)."""
    return next((o for o in s.lits if o.start == lit.start and o.end == lit.end), None)


def _own_words(s: Sentence, lit: Literal_, lo: int, hi: int) -> str:
    """The number's own words (:func:`_own_region`) with the names of the data's subjects
    blanked: an indicator's own name may say "expected"."""
    before = max((o.end for o in s.lits if o.end <= lit.start and o.start >= lo), default=lo)
    _, after = s.own_phrases[lit.start]
    after = min(after, hi)
    own = list(s.text[before:after])
    for x in s.subjects:
        for i in range(max(x.start - before, 0), min(x.end - before, len(own))):
            own[i] = " "
    return "".join(own)


def _own_region(s: Sentence, lit: Literal_, lo: int, hi: int) -> str:
    """The words that are the number's own: its clause from the number before it (or the
    clause's start), and its own phrase after it (up to a comma, "and", the next number):
    "Nationally, 80,000 …", "… against 67 nationally", not "371 children, this is above the
    national average"."""
    before = max((o.end for o in s.lits if o.end <= lit.start and o.start >= lo), default=lo)
    _, after = s.own_phrases[lit.start]
    return s.text[before:min(after, hi)]


def _without_stocks(c: Claim) -> Claim | None:
    """A claim read from words for a span of days, with the stocks left out."""
    pool = [f for f in c.candidates if f.measure not in _STOCKS]
    if c.figure is not None and c.figure.measure in _STOCKS:
        return None
    return Claim(c.figure, pool, c.evidence, c.explicit)


def suppressed_quote(sentence: str, lit: Literal_, claim: CountClaim) -> str:
    """The words of the claim with the number itself left out ("N children in secure
    placements"), so that not even a right number is repeated."""
    quote = quote_of(sentence, lit, claim.evidence)
    return quote.replace(sentence[lit.start:lit.end], "N", 1)


def hidden_keys(figures: Sequence[Figure], dropped: Iterable[str], metrics: Any,
                plan: Any) -> set[str]:
    """The keys of the count figures a public report suppresses: ``dropped`` (those the
    checker's usual rule leaves out: figures.shown_figures), a count the plan hides (by its
    path in the figure's expression), a change of a hidden flow, and a window's flows hidden
    as :mod:`reportgen.narrative_windows` hides them."""
    if plan is None or not plan.public:
        return set()
    # The top-N list's length is no count of children: it lists N rows, of the types shown.
    out = {k for k in dropped if not k.startswith("placements.top")}
    hidden_paths = {c.key for c in plan.counts if c.hidden}
    windows = getattr(metrics, "windows", None)
    for f in figures:
        if f.unit != "count" or f.key in out:
            continue
        paths = set(_PATH.findall(f.expression))
        parts = f.key.split(".")
        if paths & hidden_paths:
            out.add(f.key)
        elif parts[0] == "placements" and parts[-1] == "net":
            if {f"{parts[1]}.started", f"{parts[1]}.ended"} & plan.hidden_flows:
                out.add(f.key)
        elif parts[0] in WINDOWS[1:] and parts[1] in ("flows", "external_flows") and \
                windows is not None and _window_flow_hidden(windows, parts[0], parts[1],
                                                            parts[2], plan.threshold):
            out.add(f.key)
    return out


_PATH = re.compile(r"[A-Za-z_][\w.]*(?:\[[^\]]+\][\w.]*)*")


def _window_flow_hidden(windows: Any, name: str, flows_name: str, part: str,
                        threshold: int) -> bool:
    """A window's flow count is hidden when it is small, or when the window ends with the
    period and the period's is (narrative_windows.protect_window); its net with either."""
    window = getattr(windows, name)
    flows = getattr(window, flows_name)
    if flows is None:
        return False
    small = {p for p in ("started", "ended") if 0 < getattr(flows, p) < threshold}
    period = getattr(windows.period, flows_name)
    if window.end == windows.period.end and period is not None:
        small |= {p for p in ("started", "ended") if 0 < getattr(period, p) < threshold}
    return part in small or (part == "net" and bool(small))


def count_expression(figure: Figure, expression: str) -> str:
    """The expression for a count, a fall written as its size ("fell by {{ … | abs }}")."""
    if figure.measure == "change" and figure.value < 0 and "| abs" not in expression:
        return re.sub(r"\s*\}\}$", " | abs }}", expression)
    return expression
