"""Numbers as an officer types them: "£2,786,300", "£7.9m", "c£5.8m", "over £7m", "3.8%",
"46 per cent", "1699", "54.9", "£150mn", "£1.2 billion", "2.188m" (a pound sign lost),
"£35-40 million" (a range), each with the precision it was written to and any approximation
or bound ("circa", "over", "£30+ million"), and what is not an amount (years, "quarter 3",
"paragraphs 4.2 and 4.3", "aged under 18", "25 miles", "1.2 million residents"). Rule 1 of
docs/checks.md, "How a typed number is read".
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from reportgen import formatting
from reportgen.checks.vocabulary import MONEY_WORDS, Figure

Kind = Literal["money", "count", "percent"]

_SUFFIX = r"k|m|mn|bn|millions?|thousands?|billions?"
_AMOUNT = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
# A pound sign glued to the word before it ("achieved£141k") still starts an amount; a digit
# before it does not, and "c" before it is "circa" only as a word of its own ("c£5.8m").
# "£30+ million", "£5m+": a "+" after the number makes it a lower bound.
# After a pound sign, thousands may be separated by spaces ("£81 000", "£1 234 567"): groups of
# exactly three digits, the last not followed by another digit or separator.
_SPACED = (r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|[ \u00a0\u202f]\d)|"
           r"\d{1,3}(?:,\d{3})+|\d+)")
_MONEY = re.compile(
    r"(?<![\d£])(?:(?<!\w)(?P<circa>c\.?\s?(?=£)))?(?P<sign>[-−])?£\s?" +
    _AMOUNT.replace(r"(?P<num>\d{1,3}(?:,\d{3})+|\d+)", _SPACED) +
    rf"(?P<plus>\+(?!\s*£?\d))?(?:\s?(?P<suffix>{_SUFFIX})\b)?(?(plus)|(?P<plus2>\+(?!\s*£?\d))?)",
    re.IGNORECASE,
)
# An amount whose pound sign was lost on the page ("an overspend of 2.188m", "savings of
# 4.312 million"): money only with a money unit and a money word bound to it (below).
_BARE_MONEY = re.compile(r"(?<![\w£.,/:\-−])" + _AMOUNT + rf"\s?(?P<suffix>{_SUFFIX})\b",
                         re.IGNORECASE)
# A range is one claim that the figure lies between its ends: "£35-40 million", "£8m-£12m",
# "£35 to 40 million", "between £2m and £3m" (not "by £2m to £3m", a change).
_RANGE = re.compile(
    r"(?<![\d£])(?:(?<!\w)(?P<circa>c\.?\s?(?=£)))?£\s?(?P<lo>\d{1,3}(?:,\d{3})+|\d+)"
    rf"(?:\.(?P<lodec>\d+))?(?:\s?(?P<losuf>{_SUFFIX})\b)?"
    r"(?:\s?[-–—]\s?|\s+(?P<word>to|and)\s+)£?\s?(?P<hi>\d{1,3}(?:,\d{3})+|\d+)"
    rf"(?:\.(?P<hidec>\d+))?(?:\s?(?P<hisuf>{_SUFFIX})\b)?(?![\d.,]\d|%)",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
# Nouns that make an amount in millions a number of people or things ("1.2 million
# residents", "a population of 1.2 million"), never money.
_THING = (
    r"people|persons?|residents?|population|inhabitants|citizens|households?|homes?|houses|"
    r"dwellings|properties|visitors?|visits?|users?|customers?|passengers?|journeys?|trips?|"
    r"pupils?|students?|patients?|adults?|children|child|families|family|tonnes?|tons?|"
    r"litres?|gallons?|miles?|km|kilometres?|hours?|days?|items?|calls?|contacts?|referrals?|"
    r"books?|pages?|views?|downloads?|trees?|square|sq|acres?|hectares?|units?|words?|bins?|"
    r"meals?|doses?|vaccinations?|tests?|jobs?|workers?|employees?|staff|members?|readers?|"
    r"followers?|viewers?|votes?|voters?|placements?|cases?|applications?|claims?|records?|"
    r"steps?|kwh|mwh|gwh|barrels?|runs?|times?")
_THINGS_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:(?:new|more|fewer|extra|additional|local|adult|young|older|"
    rf"registered|unique|active|individual)\s+)?(?:{_THING})\b", re.IGNORECASE)
_THINGS_IN = re.compile(rf"\b(?:{_THING})\b", re.IGNORECASE)
# Money words that may claim a bare amount in millions: the measure words of the data except
# a change ("an increase of 1.2 million" says nothing of money), and money's own nouns.
_MONEY_NOUN = re.compile(
    r"\b(?:" + "|".join(p for p, measure, _ in MONEY_WORDS if not measure.startswith("change"))
    + r"|funding|funded|reserves?|income|revenue|capital|investment|debt|borrowing|"
    r"council tax|allocation|contribution|fund)\b",
    re.IGNORECASE)
# Whole pounds with their pound sign lost ("an overspend of 887,000"): thousands separators,
# and a money measure word of a variance or savings right before "of" or "by".
_BARE_POUNDS = re.compile(r"(?<![\w£.,/:\-−])(?P<num>\d{1,3}(?:,\d{3})+)(?![\w%/:]|[.,]\d)")
_POUNDS_WORD_BEFORE = re.compile(
    r"\b(?:(?:over|under)[- ]?spen(?:d|ds|t)|overspent|underspent|deficit|surplus|variance|"
    r"savings?)\s+(?:of|by)\s+(?:(?:approximately|around|about|some|over|under|nearly|almost|"
    r"just over|just under)\s+)?$", re.IGNORECASE)
# Between a money word and its amount: at most a few words ("an overspend of", "savings
# totalling around"), no other number, no clause break.
_GAP_BEFORE = re.compile(r"^[^\d;:()]{0,40}$")
_GAP_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.,£])(?P<num>\d+(?:\.(?P<dec>\d+))?)\s?(?:%|per\s?cent\b)",
                      re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w£.,/:\-−])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w%/:]|[.,]\d)")
# A bare decimal ("to 54.9"): only ever a rate or an indicator's value, never a count.
_DECIMAL = re.compile(r"(?<![\w£.,/:\-−])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\.(?P<dec>\d{1,3})"
                      r"(?![\w%/:]|[.,]\d)")
# "paragraphs 4.2 and 4.3": every number of a list of references is a reference.
_REFERENCE_LIST = re.compile(r"\b(?:paragraphs?|paras?|sections?|appendi(?:x|ces)|tables?)\s+"
                             r"[\d.]+(?:\s*(?:,|and|or|to|-|–)\s*[\d.]+)*\s*(?:,|and|or|to|-|–)\s*$",
                             re.IGNORECASE)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Numbers after these words are references, ranks or dates, not counts.
_NOT_COUNT_BEFORE = re.compile(
    rf"(?:\b(?:paragraph|paragraphs|para|section|appendix|table|page|item|rank|ranked|number|"
    rf"options?|scenarios?|recommendations?|"
    # the size of a ranked list: "the top 10 placements", "the 20 costliest"
    rf"top|bottom|highest|lowest|largest|costliest|first|last|next|"
    rf"no|quarter|q|month|period|week|phase|step|stage|tier|level|version|schedule|part|"
    rf"regulation|reg|s|act|chapter|room|year|years|aged|age|{_MONTHS}|"
    rf"aged (?:under|over|below|above|between|up to))\.?\s*)$",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    rf"^\s*(?:{_MONTHS}|years?|months?|weeks?|days?|hours?|minutes?|miles?|km|am|pm|st|nd|"
    # a threshold: "3 or more placements", "moved placement three or more times"
    rf"rd|th|or\s+(?:more|fewer|less))\b",
    re.IGNORECASE)
#: Counts written in words, as house styles ask for one to nine and for a number opening a
#: sentence: "two children", "Twenty-three young people". "One" only before a singular noun
#: of children or placements ("one child", "one more placement"): it is a pronoun too.
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: "a" and one to ten in words, as the terms of a ratio are written ("one in five", "two out
#: of three").
_A_FEW = f"(?:a|{'|'.join(_UNITS[:10])})"
_WORD_VALUES = {**{w: i + 1 for i, w in enumerate(_UNITS)},
                **{w: 20 + 10 * i for i, w in enumerate(_TENS)}}
_WRITTEN = re.compile(
    rf"(?<![\w'’-])(?P<num>(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_UNITS[:9])})\b)?|"
    rf"(?:{'|'.join(_UNITS[1:])})\b|one(?=\s+(?:more\s+|additional\s+|new\s+|further\s+|"
    r"other\s+)?(?:looked[- ]after\s+)?(?:child|young\s+person|placement)\b))(?![\w'’-])",
    re.IGNORECASE)
#: After a written number, words that make it no count: a fraction or ratio ("two thirds",
#: "one in five", "two out of three"), a multiple ("three times"), an amount ("two million").
_NOT_WRITTEN_COUNT_AFTER = re.compile(
    r"^\s*(?:times\b|(?:thirds?|quarters?|"
    r"fifths?|halves|fold|hundred|thousand|million|billion|"
    r"per\s*cent|percent|pounds?|pence|o'?clock)\b|%|(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?:\d|{_A_FEW}\b))", re.IGNORECASE)
#: ... and before it, the first term of a ratio ("one in five", "two out of three") or of a
#: larger number read no further.
_A_RATIO_BEFORE = re.compile(rf"(?:(?:\b{_A_FEW}|\d)"
                             r"\s+(?:in|out\s+of)\s+(?:every\s+)?|"
                             # or the end of a larger number: "two hundred and seventy"
                             r"\b(?:hundred|thousand|million)\s+(?:and\s+)?)$", re.IGNORECASE)

_MULTIPLIERS = {"k": 1000, "thousand": 1000, "thousands": 1000, "m": 10**6, "mn": 10**6,
                "million": 10**6, "millions": 10**6, "bn": 10**9, "billion": 10**9,
                "billions": 10**9}
# Words before a number that make it approximate, or a bound rather than a value.
_APPROX_BEFORE = re.compile(
    r"(?:\b(?:approximately|approx\.?|around|about|circa|roughly|some|nearly|almost|"
    r"in the region of|of the order of|c\.?)\s*)$", re.IGNORECASE)
_LOWER_BEFORE = re.compile(
    r"(?:\b(?:just over|over|more than|in excess of|exceeds?|exceeding|at least|upwards of|"
    r"above)\s*)$", re.IGNORECASE)
_UPPER_BEFORE = re.compile(
    r"(?:\b(?:just under|under|less than|up to|below|no more than|fewer than)\s*)$",
    re.IGNORECASE)
#: Before a count, words that make it an upper bound ("almost 1,000 children", "nearly 60"):
#: the count is about it and never more (an amount of money so written stays approximate).
_SHORT_OF_BEFORE = re.compile(r"\b(?:almost|nearly|not\s+quite)\s*$", re.IGNORECASE)

Bound = Literal["exact", "approx", "lower", "upper", "range"]


@dataclass(frozen=True)
class Literal_:
    """A number as typed: its value (always positive) and the precision it was written to."""

    kind: Kind
    start: int
    end: int
    text: str
    value: Decimal
    precision: Decimal  # money and counts: the unit of the last digit shown
    style: str  # money: full, pence, k or m
    places: int = 0  # percentages and money in k or m: decimal places shown
    negative: bool = False
    bound: Bound = "exact"
    decimal: bool = False  # a count written with decimals: a rate or an indicator's value
    upper: Decimal | None = None  # a range ("£35-40 million"): its upper end; value its lower
    # approximate and short of it ("almost 1,000 children"): about it, and never more
    short: bool = False
    # The same characters read the other way where a separator or a unit may have been
    # mistyped (:func:`_typed_two_ways`): the number agrees with a figure if either does.
    other: Literal_ | None = None

    def agrees(self, figure: Figure) -> bool:
        """Whether ``figure`` shows as this literal at the literal's own precision (for a
        bound, whether it is on the bound's side), or as its other reading (``other``)."""
        return self._agrees(figure) or (self.other is not None and self.other.agrees(figure))

    def finest(self) -> Literal_:
        """The reading written to the finer precision: a message or a fix names the data's
        figure the way it shows (for "£10,349million", to the thousand as "£10.349m")."""
        if self.other is not None and self.other.precision < self.precision:
            return self.other
        return self

    def _agrees(self, figure: Figure) -> bool:
        try:
            value = abs(Decimal(repr(float(figure.value))))
        except InvalidOperation:
            return False
        if self.kind == "percent":
            value = value * 100
        if self.short and value > self.value:
            return False
        # A bound is met or not by the figure written to one digit more than the bound:
        # "over £7m" holds for £6.96m but not for £6.9m, which rounds to £7m.
        unit = self.precision / 10 if self.bound in ("lower", "upper") else self.precision
        steps = (value / unit).quantize(Decimal(1), ROUND_HALF_UP)
        mine = (self.value / unit).quantize(Decimal(1), ROUND_HALF_UP)
        if self.bound == "lower":
            return steps >= mine
        if self.bound == "upper":
            return steps <= mine
        if self.bound == "range" and self.upper is not None:
            return mine <= steps <= (self.upper / unit).quantize(Decimal(1), ROUND_HALF_UP)
        return steps == mine

    def like(self, figure: Figure, *, named: bool = False) -> str:
        """``figure``'s value written the way this literal is written, at its precision;
        ``named``: as a message names it, one digit finer for a bound (so that "over £1m"
        is told the data give £0.9m, not £1m)."""
        if self.finest() is not self:
            return self.finest().like(figure, named=named)
        value = figure.value
        finer = 1 if named and self.bound in ("lower", "upper") else 0
        if self.kind == "percent":
            return formatting.percent(abs(value), self.places + finer)
        if self.kind == "count":
            return formatting.number(abs(value), self.places + finer if self.decimal else 0)
        if self.style == "bn":
            # "£1.2 billion" is told "£1.4bn", not "£1,380.0m".
            billions = abs(Decimal(repr(float(value)))) / 10**9
            text = f"£{formatting.number(billions, self.places + finer)}bn"
            return f"-{text}" if self.negative and value < 0 else text
        places = self.places + finer if self.style in ("k", "m") else None
        text = formatting.money(abs(value), self.style, places)
        return f"-{text}" if self.negative and value < 0 else text


def _trailing_zeros(digits: str) -> int:
    stripped = digits.rstrip("0")
    return len(digits) - len(stripped) if stripped else 0


def _bound(before: str) -> Bound:
    if _LOWER_BEFORE.search(before):
        return "lower"
    if _UPPER_BEFORE.search(before):
        return "upper"
    if _APPROX_BEFORE.search(before):
        return "approx"
    return "exact"


# How far before a number its qualifiers are looked for ("in the region of", "paragraphs 4.2,
# 4.3 and"): every pattern ends at the number, so a window keeps the reading linear in the text.
_LOOKBEHIND = 80


def _before(sentence: str, at: int) -> str:
    return sentence[max(0, at - _LOOKBEHIND):at]


def _not_a_count(sentence: str, m: re.Match[str]) -> bool:
    """A reference, rank, date or measurement ("paragraph 4.2", "quarter 3", "25 miles")."""
    before = _before(sentence, m.start())
    return bool(_NOT_COUNT_BEFORE.search(before) or _REFERENCE_LIST.search(before) or
                _NOT_COUNT_AFTER.match(sentence[m.end():]))


class _Spans:
    """Character spans already read as a number (they never overlap): "is this position
    inside one?" in logarithmic time, so a sentence with many numbers reads in n log n."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_left(self._starts, span[0])
        self._starts.insert(i, span[0])
        self._ends.insert(i, span[1])

    def __contains__(self, at: object) -> bool:
        assert isinstance(at, int)
        i = bisect.bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


def _amount(digits: str, dec: str, suffix: str,
            bound: Bound) -> tuple[Decimal, Decimal, str, str]:
    """(value, precision, style, decimals) of an amount typed as ``digits``.``dec`` with a
    money ``suffix``."""
    digits = re.sub(r"[,\s]", "", digits)
    mult = _MULTIPLIERS.get(suffix.lower(), 1)
    if len(dec) == 3 and mult in (1, 1000) and "," not in digits:
        # "£911.000", "£4.170k": three digits after a full stop are never pence (nor
        # pounds of a thousand), so the stop is a thousands separator typed as a full stop.
        digits, dec = digits + dec, ""
    value = Decimal(f"{digits}.{dec}" if dec else digits) * mult
    if dec:
        precision = Decimal(1).scaleb(-len(dec)) * mult
    elif mult == 1:
        # "£2,786,300" is exact to the £100; no one rounds an exact pounds figure beyond
        # £1,000, but "around £200,000" is rounded to its last non-zero digit.
        zeros = _trailing_zeros(digits)
        precision = Decimal(10) ** (zeros if bound != "exact" else min(zeros, 3))
    else:
        precision = Decimal(mult)
    style = {1: "pence" if dec else "full", 1000: "k", 10**9: "bn"}.get(mult, "m")
    return value, precision, style, dec


# Three digits after a comma before a unit of millions ("£10,349million"): a comma typed for the
# decimal point, or ten thousand million.
_COMMA_MILLIONS = re.compile(r"\d{1,3},\d{3}")


def _typed_two_ways(lit: Literal_, digits: str, dec: str, suffix: str) -> Literal_:
    """``lit`` with its other reading, where the typing leaves the scale open: three digits
    after a full stop and no unit ("£35.042", "£0.541") are a thousands separator typed as a
    stop (£35,042) or an amount in millions whose "m" was lost (£35.042m: minutes copy a
    report's "£35.042m" and drop the unit, and three places are how millions are written); a
    comma before three digits and a unit of millions ("£10,349million") is a thousands
    separator or a decimal comma (£10.349m). Neither reading is sure, so each is kept: a
    figure either shows is the number's, and only one both miss is surely not."""
    mult = _MULTIPLIERS.get(suffix.lower(), 1)
    if not suffix and len(dec) == 3 and "," not in digits:
        value = Decimal(f"{digits}.{dec}") * 10**6
    elif mult == 10**6 and not dec and _COMMA_MILLIONS.fullmatch(digits):
        value = Decimal(digits.replace(",", ".")) * 10**6
    else:
        return lit
    other = dataclasses.replace(lit, value=value, precision=Decimal(1000), style="m",
                                places=3)
    return dataclasses.replace(lit, other=other)


def _ranges(sentence: str) -> list[Literal_]:
    """Ranges of money ("£35-40 million", "£8m-£12m", "between £2m and £3m"): one literal
    each, whose figure must lie between the ends; a lone end's unit is the other's."""
    found = []
    for m in _RANGE.finditer(sentence):
        before = _before(sentence, m.start())
        word = (m["word"] or "").lower()
        if (word == "and") != bool(_BETWEEN.search(before)) or (
                word == "to" and (m["losuf"] or not m["hisuf"] or _FROM.search(before))):
            # "£2m and £3m" are two amounts; "by £2m to £3m", "from £2m to £3m" a change:
            # "to" makes a range only when its ends share one unit ("£35 to 40 million").
            continue
        losuf, hisuf = m["losuf"] or m["hisuf"] or "", m["hisuf"] or m["losuf"] or ""
        if _MULTIPLIERS.get(losuf.lower(), 1) > _MULTIPLIERS.get(hisuf.lower(), 1):
            continue  # "£1m-500k" is not a range read surely
        lo, lo_p, style, dec = _amount(m["lo"], m["lodec"] or "", losuf, "exact")
        hi, hi_p, _, hidec = _amount(m["hi"], m["hidec"] or "", hisuf, "exact")
        if hi <= lo:
            continue  # "£5-£3m": not a range (a typo, or two amounts)
        precision = max(lo_p, hi_p)
        places = min(len(dec), len(hidec)) if style != "full" else 0
        found.append(Literal_("money", m.start(), m.end(), m.group(0), lo, precision, style,
                              places, bound="range", upper=hi))
    return found


def _bare_money(sentence: str, taken: _Spans) -> list[Literal_]:
    """Amounts in millions (or thousands, billions) typed without their pound sign: money
    when a money word is bound to them ("an overspend of 2.188m", "a 1.45m adverse
    variance") and no noun makes them people or things ("1.2 million residents")."""
    found = []
    for m in _BARE_MONEY.finditer(sentence):
        if m.start() in taken or _THINGS_AFTER.match(sentence, m.end()):
            continue
        before = _before(sentence, m.start())
        words_before = [w for w in _MONEY_NOUN.finditer(before)
                        if _GAP_BEFORE.match(before[w.end():])
                        and not _THINGS_IN.search(before[w.end():])]
        after = sentence[m.end():m.end() + 40]
        words_after = [w for w in _MONEY_NOUN.finditer(after)
                       if _GAP_AFTER.match(after[:w.start()])]
        if not words_before and not words_after:
            continue
        bound = _bound(before)
        value, precision, style, dec = _amount(m["num"], m["dec"] or "", m["suffix"], bound)
        found.append(Literal_("money", m.start(), m.end(), m.group(0), value, precision, style,
                              len(dec), bound=bound))
    return found


def _bare_pounds(sentence: str, taken: _Spans) -> list[Literal_]:
    """Whole pounds typed without their pound sign right after a money measure word and "of"
    or "by" ("an overspend of 887,000", "projecting an underspend of 80,000"): money when
    written with thousands separators and no noun makes them people or things."""
    found = []
    for m in _BARE_POUNDS.finditer(sentence):
        if m.start() in taken or _THINGS_AFTER.match(sentence, m.end()) or \
                _NOT_COUNT_AFTER.match(sentence, m.end()):
            continue
        if not _POUNDS_WORD_BEFORE.search(_before(sentence, m.start())):
            continue
        bound = _bound(_before(sentence, m.start()))
        value, precision, style, dec = _amount(m["num"], "", "", bound)
        found.append(Literal_("money", m.start(), m.end(), m.group(0), value, precision, style,
                              len(dec), bound=bound))
    return found


def find_literals(sentence: str) -> list[Literal_]:
    """Money amounts, percentages and counts typed in ``sentence``, in order."""
    found: list[Literal_] = []
    taken = _Spans()
    for lit in _ranges(sentence):
        found.append(lit)
        taken.add((lit.start, lit.end))
    for m in _MONEY.finditer(sentence):
        if m.start() in taken or m.end() - 1 in taken:
            continue
        bound: Bound = "approx" if m["circa"] else _bound(_before(sentence, m.start()))
        if m["plus"] or m["plus2"]:
            bound = "lower"
        value, precision, style, dec = _amount(m["num"], m["dec"] or "", m["suffix"] or "",
                                               bound)
        lit = Literal_("money", m.start(), m.end(), m.group(0), value, precision, style,
                       len(dec), negative=bool(m["sign"]), bound=bound)
        found.append(_typed_two_ways(lit, m["num"], m["dec"] or "", m["suffix"] or ""))
        taken.add(m.span())
    for lit in [*_bare_money(sentence, taken), *_bare_pounds(sentence, taken)]:
        found.append(lit)
        taken.add((lit.start, lit.end))
    for m in _PERCENT.finditer(sentence):
        if m.start() in taken:
            continue
        places = len(m["dec"] or "")
        found.append(Literal_("percent", m.start(), m.end(), m.group(0), Decimal(m["num"]),
                              Decimal(1).scaleb(-places), "percent", places,
                              bound=_bound(_before(sentence, m.start()))))
        taken.add(m.span())
    for m in _DECIMAL.finditer(sentence):
        if m.start() in taken or _not_a_count(sentence, m):
            continue
        places = len(m["dec"])
        found.append(Literal_("count", m.start(), m.end(), m.group(0),
                              Decimal(f"{m['num'].replace(',', '')}.{m['dec']}"),
                              Decimal(1).scaleb(-places), "count", places,
                              bound=_bound(_before(sentence, m.start())), decimal=True))
        taken.add(m.span())
    for m in _COUNT.finditer(sentence):
        if m.start() in taken:
            continue
        digits = m["num"].replace(",", "")
        if "," not in m["num"] and len(digits) == 4 and 1900 <= int(digits) <= 2099:
            continue  # a year
        if _not_a_count(sentence, m):
            continue
        before = _before(sentence, m.start())
        bound = _bound(before)
        zeros = _trailing_zeros(digits) if bound == "approx" else 0
        found.append(Literal_("count", m.start(), m.end(), m.group(0), Decimal(digits),
                              Decimal(10) ** zeros, "count", bound=bound,
                              short=bound == "approx" and bool(_SHORT_OF_BEFORE.search(before))))
    for m in _WRITTEN.finditer(sentence):
        if m.start() in taken or m.end() - 1 in taken or _not_a_count(sentence, m) or \
                _NOT_WRITTEN_COUNT_AFTER.match(sentence[m.end():]) or \
                _A_RATIO_BEFORE.search(_before(sentence, m.start())):
            continue
        words = re.split(r"[- ]", m["num"].lower())
        number = sum(_WORD_VALUES[w] for w in words)
        found.append(Literal_("count", m.start(), m.end(), m.group(0), Decimal(number),
                              Decimal(1), "count", bound=_bound(_before(sentence, m.start()))))
    return sorted(found, key=lambda lit: lit.start)
