"""Figures: numbers typed by hand in the narrative, table totals and percentages.

A figure typed by hand goes stale when the data change, and the seed reports show that even a
fresh one can be wrong (Rotherham's "combined projected overspend of £2,786,300" when its own
figures give £2,811,415). The narrative's *source* (report.yaml, not the rendered text) is read
with every ``{{ … }}`` expression left out, so only what an officer typed is judged.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from reportgen import formatting
from reportgen.bundle import Bundle, walk_sections
from reportgen.checks import vocabulary
from reportgen.checks.docx_view import DocTable
from reportgen.checks.findings import Finding
from reportgen.checks.registry import CheckContext, check, define
from reportgen.checks.vocabulary import Figure
from reportgen.errors import ReportgenError
from reportgen.periods import Period, parse_period

MISMATCH = define(
    "figures.literal-mismatch", "error",
    "A money amount, count or percentage typed in the narrative next to a figure's name "
    "disagrees with the data.", "bundle")
HAND_TYPED = define(
    "figures.hand-typed", "warning",
    "A figure typed in the narrative agrees with the data today but will not follow it: "
    "use the expression instead.", "bundle")
TABLE_TOTAL = define(
    "figures.table-total", "error",
    "A table's Total row is not the sum of the rows above it (allowing for rounding).", "docx")
PERCENTAGE = define(
    "figures.percentage", "error",
    "A percentage in a table does not agree with the amounts it is a percentage of.", "docx")

Kind = Literal["money", "count", "percent"]

# --------------------------------------------------------------------------- narrative
#
# How a typed number is judged (docs/checks.md, "How a typed number is read"):
#  1. the number is read with its precision and any approximation or bound ("circa", "over");
#  2. its measure is the measure word nearest to it in its clause (a word after the number
#     counts double the distance, and another number of the same kind in between blocks it);
#  3. its subject is the bundle label (or a normal variant of it) nearest to it in its clause;
#  4. the figure it claims to be is the one figure with that measure and subject; with no
#     subject named, the one figure of that measure (a placement figure of no type is the
#     total). Anything else is ambiguous, and ambiguity is never an error.

#: What an expression (``{{ … }}``) leaves in the sentence the checker reads.
_PLACEHOLDER = "⟨…⟩"
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_DIRECTIVE = re.compile(r"^\s*\[[a-z_]+:[^\]\n]*\]\s*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n\s*(?=[-*+]\s|\d+[.)]\s|#)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z£0-9\"'(‘“])")
_MONEY = re.compile(
    r"(?<![\w£])(?P<circa>c\.?\s?(?=£))?(?P<sign>[-−])?£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)"
    r"(?:\.(?P<dec>\d+))?"
    r"(?:\s?(?P<suffix>k|m|bn|millions?|thousands?|billions?)\b)?",
    re.IGNORECASE,
)
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
    rf"no|quarter|q|month|period|week|phase|step|stage|tier|level|version|schedule|part|"
    rf"regulation|reg|s|act|chapter|room|year|years|aged|age|{_MONTHS}|"
    rf"aged (?:under|over|below|above|between|up to))\.?\s*)$",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    rf"^\s*(?:{_MONTHS}|years?|months?|weeks?|days?|hours?|minutes?|miles?|km|am|pm|st|nd|"
    rf"rd|th)\b",
    re.IGNORECASE)
_MULTIPLIERS = {"k": 1000, "thousand": 1000, "thousands": 1000, "m": 10**6, "million": 10**6,
                "millions": 10**6, "bn": 10**9, "billion": 10**9, "billions": 10**9}
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
_MAX_GAP = 100  # characters between a measure word and the number it measures
_INSIDE_LABEL = 40  # extra distance of a measure word that is part of a label

Bound = Literal["exact", "approx", "lower", "upper"]


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

    def agrees(self, figure: Figure) -> bool:
        """Whether ``figure`` shows as this literal at the literal's own precision (for a
        bound, whether it is on the bound's side)."""
        try:
            value = abs(Decimal(repr(float(figure.value))))
        except InvalidOperation:
            return False
        if self.kind == "percent":
            value = value * 100
        # A bound is met or not by the figure written to one digit more than the bound:
        # "over £7m" holds for £6.96m but not for £6.9m, which rounds to £7m.
        unit = self.precision / 10 if self.bound in ("lower", "upper") else self.precision
        steps = (value / unit).quantize(Decimal(1), ROUND_HALF_UP)
        mine = (self.value / unit).quantize(Decimal(1), ROUND_HALF_UP)
        if self.bound == "lower":
            return steps >= mine
        if self.bound == "upper":
            return steps <= mine
        return steps == mine

    def like(self, figure: Figure, *, named: bool = False) -> str:
        """``figure``'s value written the way this literal is written, at its precision;
        ``named``: as a message names it, one digit finer for a bound (so that "over £1m"
        is told the data give £0.9m, not £1m)."""
        value = figure.value
        finer = 1 if named and self.bound in ("lower", "upper") else 0
        if self.kind == "percent":
            return formatting.percent(abs(value), self.places + finer)
        if self.kind == "count":
            return formatting.number(abs(value), self.places + finer if self.decimal else 0)
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


def _not_a_count(sentence: str, m: re.Match[str]) -> bool:
    """A reference, rank, date or measurement ("paragraph 4.2", "quarter 3", "25 miles")."""
    before = sentence[: m.start()]
    return bool(_NOT_COUNT_BEFORE.search(before) or _REFERENCE_LIST.search(before) or
                _NOT_COUNT_AFTER.match(sentence[m.end():]))


def find_literals(sentence: str) -> list[Literal_]:
    """Money amounts, percentages and counts typed in ``sentence``, in order."""
    found: list[Literal_] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(sentence):
        digits = m["num"].replace(",", "")
        dec = m["dec"] or ""
        suffix = (m["suffix"] or "").lower()
        mult = _MULTIPLIERS.get(suffix, 1)
        if len(dec) == 3 and mult in (1, 1000) and "," not in m["num"]:
            # "£911.000", "£4.170k": three digits after a full stop are never pence (nor
            # pounds of a thousand), so the stop is a thousands separator typed as a full stop.
            digits, dec = digits + dec, ""
        bound = "approx" if m["circa"] else _bound(sentence[: m.start()])
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
        style = {1: "pence" if dec else "full", 1000: "k"}.get(mult, "m")
        found.append(Literal_("money", m.start(), m.end(), m.group(0), value, precision, style,
                              len(dec), negative=bool(m["sign"]), bound=bound))
        taken.append(m.span())
    for m in _PERCENT.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        places = len(m["dec"] or "")
        found.append(Literal_("percent", m.start(), m.end(), m.group(0), Decimal(m["num"]),
                              Decimal(1).scaleb(-places), "percent", places,
                              bound=_bound(sentence[: m.start()])))
        taken.append(m.span())
    for m in _DECIMAL.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken) or _not_a_count(sentence, m):
            continue
        places = len(m["dec"])
        found.append(Literal_("count", m.start(), m.end(), m.group(0),
                              Decimal(f"{m['num'].replace(',', '')}.{m['dec']}"),
                              Decimal(1).scaleb(-places), "count", places,
                              bound=_bound(sentence[: m.start()]), decimal=True))
        taken.append(m.span())
    for m in _COUNT.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        digits = m["num"].replace(",", "")
        if "," not in m["num"] and len(digits) == 4 and 1900 <= int(digits) <= 2099:
            continue  # a year
        if _not_a_count(sentence, m):
            continue
        bound = _bound(sentence[: m.start()])
        zeros = _trailing_zeros(digits) if bound == "approx" else 0
        found.append(Literal_("count", m.start(), m.end(), m.group(0), Decimal(digits),
                              Decimal(10) ** zeros, "count", bound=bound))
    return sorted(found, key=lambda lit: lit.start)


def paragraphs(text: str) -> Iterator[list[str]]:
    """The sentences of each paragraph of a narrative source, expressions and table
    directives left out."""
    plain = _DIRECTIVE.sub(" ", _EXPRESSION.sub(f" {_PLACEHOLDER} ", text))
    for paragraph in _PARAGRAPH_BREAK.split(plain):
        flat = " ".join(paragraph.split())
        found = [sentence for sentence in _SENTENCE_END.split(flat) if sentence]
        if found:
            yield found


def sentences(text: str) -> Iterator[str]:
    """The sentences of a narrative source, expressions and table directives left out."""
    for paragraph in paragraphs(text):
        yield from paragraph


def narrative_sources(bundle: Bundle) -> Iterator[tuple[str, str, str]]:
    """``(where, source text, headings)`` for every piece of narrative an officer types; the
    headings are those of a ``body:`` section and the sections it is in (they may name the
    line its sentences are about)."""
    if bundle.body is None:
        for where, text in bundle.narrative_texts():
            yield where, text, ""
    else:
        trail: list[str] = []
        for depth, section in walk_sections(bundle.body):
            trail[depth - 1:] = [section.heading]
            if section.text:
                yield f"body.{section.id}", section.text, " / ".join(trail)
    for i, rec in enumerate(bundle.recommendations, start=1):
        yield f"recommendations[{i}]", rec.text, ""
        if rec.reason:
            yield f"recommendations[{i}].reason", rec.reason, ""


# ----------------------------------------------------------------- words found in a sentence


@dataclass(frozen=True)
class _Mention:
    """A measure word in a sentence: which measures it may name, and its sign."""

    start: int
    end: int
    measures: frozenset[str]
    sign: int
    of: str = ""  # for a change: the measure that changed, when the words say it
    weak: bool = False  # a bare noun ("savings", "budget"): any other measure word wins
    aggregate: str | None = None  # "group" or "total" when qualified by "combined", "total"


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    subject: str
    partial: bool = False


_QUALIFIERS = (r"(?:(?:combined|total|overall|altogether|projected|forecast|predicted|"
               r"anticipated|expected|estimated|reported|current|actual|net|gross|adverse|"
               r"slight|small|significant|annual|full[- ]year|in-year|year[- ]end|cash limit|"
               r"revenue|provisional|final|likely|potential|underlying|further)\s+)*")
_WEAK = re.compile(r"^(?:sav(?:ings?|ing)|budgets?|costs?|allocations?|grants?|positions?)$",
                   re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|against|in|within|into|from|to|for|of)\s+(?:the\s+|its\s+|our\s+|this\s+|"
    r"that\s+)?(?:[\w'&,-]+\s+){0,6}$", re.IGNORECASE)


def _compile(table: Sequence[tuple[str, str, int]]) -> list[tuple[re.Pattern[str], str, int]]:
    return [(re.compile(rf"(?<![\w-]){_QUALIFIERS}(?:{pattern})(?![\w-])", re.IGNORECASE),
             measure, sign) for pattern, measure, sign in table]


_TABLES = {
    "money": _compile((*vocabulary.OVERRIDES, *vocabulary.MONEY_WORDS)),
    "percent": _compile(vocabulary.PERCENT_WORDS),
    "count": _compile((*vocabulary.COUNT_CHANGE_WORDS, *vocabulary.COUNT_WORDS)),
}
_AGGREGATE = re.compile(r"^(combined|total|overall|altogether)\b", re.IGNORECASE)
# "A total of 435 children" only says how many: "a total of" is no aggregate.
_AGGREGATE_BEFORE = re.compile(r"(?<!\ba )(?<!\bA )\b(combined|total|overall)\s+$",
                               re.IGNORECASE)


def _mentions(sentence: str, kind: Kind) -> list[_Mention]:
    """Every measure word of ``kind`` in ``sentence``, the longest winning where two overlap."""
    raw: list[tuple[int, int, str, int]] = []
    for pattern, measure, sign in _TABLES[kind]:
        for m in pattern.finditer(sentence):
            raw.append((m.start(), m.end(), measure, sign))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    kept: list[_Mention] = []
    for start, end, measure, sign in raw:
        if any(k.start < end and start < k.end for k in kept):
            continue
        if not measure:
            kept.append(_Mention(start, end, frozenset(), 0))  # a noun that names no figure
            continue
        name, _, of = measure.partition(":")
        text = sentence[start:end]
        agg = _AGGREGATE.match(text)
        before = _AGGREGATE_BEFORE.search(sentence[:start])
        aggregate = vocabulary.AGGREGATE_WORDS.get(
            (agg.group(1) if agg else before.group(1) if before else "").lower())
        core = re.sub(_QUALIFIERS, "", text, flags=re.IGNORECASE)
        weak = bool(_WEAK.match(core.strip()))
        kept.append(_Mention(start, end, frozenset(name.split("|")), sign, of, weak,
                             aggregate))
    return sorted((k for k in kept if k.measures), key=lambda k: k.start)


_STOP = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "&", "s", "be", "this", "that",
         "its", "their", "our", "with", "at", "by", "from"}
# Words that say what is measured rather than what of: never a label's distinctive word.
_MEASURE_NOUNS = {"budget", "budgets", "savings", "saving", "cost", "costs", "spend", "pressure",
                  "target", "overspend", "underspend", "variance", "position", "total",
                  "service", "services"}


def _norm_word(word: str) -> str:
    if word == "&":
        return "and"
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$|s'$", "", w)
    if len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    return w


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _norm_word(m.group(0)))
            for m in re.finditer(r"[A-Za-z0-9][\w'’/-]*|&", text)]


def _label_forms(label: str) -> list[list[str]]:
    """A label as word lists: itself, with "&" read as "and", and the abbreviation it
    carries in brackets ("Children and Young People's Services (CYPS)" → ["cyps"])."""
    forms = []
    bracket = re.search(r"\(([^)]+)\)", label)
    bare = re.sub(r"\([^)]*\)", " ", label)
    for text in (bare, bracket.group(1) if bracket else ""):
        words = [w for _, _, w in _words(text)]
        if words:
            forms.append(words)
    return forms


class _Subjects:
    """Every subject of the figures, as the word patterns that name it in a sentence."""

    def __init__(self, figures: Sequence[Figure]) -> None:
        self.labels: dict[str, list[list[str]]] = {}
        self.types: dict[str, list[re.Pattern[str]]] = {}
        for fig in figures:
            s = fig.subject
            if s is None or s in self.labels or s in self.types:
                continue
            if fig.scope in ("type", "external"):
                words = vocabulary.TYPE_WORDS.get(s, ())
                self.types[s] = [re.compile(rf"(?<![\w-])(?:{w})(?![\w-])", re.IGNORECASE)
                                 for w in words]
            else:
                self.labels[s] = _label_forms(s)
        # A label's last word stands for it when no other label has that word ("the
        # directorate", "the Portfolio").
        heads: dict[str, list[str]] = {}
        for s, forms in self.labels.items():
            content = [w for w in forms[0] if w not in _STOP] if forms else []
            if content and content[-1] not in _MEASURE_NOUNS and len(content[-1]) >= 4:
                heads.setdefault(content[-1], []).append(s)
        self.heads = {w: ss[0] for w, ss in heads.items() if len(ss) == 1}

    def find(self, sentence: str) -> list[_Subject]:
        words = _words(sentence)
        norm = [w for _, _, w in words]
        found: list[_Subject] = []
        # Only positions holding one of a label's words are tried: the work grows with the
        # words the sentence shares with the labels, not with sentence length × labels.
        at: dict[str, list[int]] = {}
        for i, w in enumerate(norm):
            at.setdefault(w, []).append(i)
        for s, forms in self.labels.items():
            for form in forms:
                content = [w for w in form if w not in _STOP] or form
                n = len(form)
                starts = sorted({i for w in dict.fromkeys((form[0], *content))
                                 for i in at.get(w, ())})
                for i in starts:
                    if norm[i:i + n] == form:  # the label itself (case, plural, "&" aside)
                        found.append(_Subject(words[i][0], words[i + n - 1][1], s))
                        continue
                    # The label's words in another order or with a few words between.
                    if norm[i] not in content or len(content) < 2:
                        continue
                    window = norm[i:i + 2 * len(content) + 2]
                    if set(content) <= set(window):
                        last = max(i + window.index(w) for w in content)
                        if set(norm[i:last + 1]) >= set(content):
                            found.append(_Subject(words[i][0], words[last][1], s))
        for s, patterns in self.types.items():
            for p in patterns:
                for m in p.finditer(sentence):
                    found.append(_Subject(m.start(), m.end(), s))
        if not found:
            for i, w in enumerate(norm):
                if w in self.heads:
                    found.append(_Subject(words[i][0], words[i][1], self.heads[w], True))
        # Longest first, then drop those inside another.
        found.sort(key=lambda f: (-(f.end - f.start), f.start))
        kept: list[_Subject] = []
        for f in found:
            if not any(k.start <= f.start and f.end <= k.end for k in kept):
                kept.append(f)
        return kept


# ----------------------------------------------------------------- clauses and periods

# A new clause starts at these: its words do not describe the numbers of the one before.
_CLAUSE_BREAK = re.compile(r";|,? and the |, and |,? but |, whilst |, while |, whereas |"
                           r" rather than |, which compared |, compared (?:to|with) |"
                           r"\b(?:less|more|greater|lower|higher|fewer) than\b",
                           re.IGNORECASE)


def _clause(sentence: str, lit: Literal_) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        if m.end() <= lit.start:
            lo = m.end()
        elif m.start() >= lit.end:
            hi = min(hi, m.start())
    return lo, hi


_PERIOD_REF = re.compile(
    r"\b(?:(?:quarter|q)\s*(?P<q>[1-4]|one|two|three|four)|(?:month|m|period|p)\s*"
    r"(?P<m>1[0-2]|[1-9])|fr\s?(?P<fr>[1-4]))\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4}
_PREVIOUS = re.compile(rf"^[\s,]*(?:{vocabulary.PREVIOUS_WORDS})", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\bof\s+which\s+$|\bof which\b[^£\d]{0,20}$", re.IGNORECASE)
_PART_AFTER = re.compile(r"^\s*of\s+which\b", re.IGNORECASE)
_OF_THE_AFTER = re.compile(r"^\s+of\s+the\s+$", re.IGNORECASE)
_CHANGE_GOVERNS = re.compile(r"^\s*(?:(?:from|since|on)\s+[^£\d,]{0,30}?\s*|"
                             r"in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?(?:of|by)?\s*"
                             r"(?:(?:approximately|around|about|some|just over|over|c)\s+)?$",
                             re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|those|such)\s+(?:type|kind|placements?|"
                            r"children|young people|services?|areas?|lines?)\b", re.IGNORECASE)
_DIFFERENCE_AFTER = re.compile(r"^\s*(?:more|fewer|less|extra|additional|higher|lower)\b",
                               re.IGNORECASE)
#: Words that make a clause's number a rate ("per 10,000 children"), which no count is.
_RATE_WORDS = re.compile(r"\brates?\b|\bper\s+[\d,]+\b", re.IGNORECASE)
#: After a count, the start of a noun phrase of its own ("175 care experienced young people"):
#: a word that is not one of the function words a count's sentence goes on with.
_OWN_NOUN_AFTER = re.compile(
    r"^\s+(?!(?:this|that|these|those|in|at|on|by|as|of|for|from|to|and|or|but|which|who|"
    r"compared|against|since|over|under|during|per|a|an|the|is|was|were|are|has|had|have|"
    r"with|than|so|across|between|within|including|now|then|last|next|each|overall|"
    r"currently|previously|altogether|in total)\b)[A-Za-z]", re.IGNORECASE)
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:\w+\s+){0,2}(?:number|handful|few)\s+of\s+$|"
                         r"\bsome\s+$", re.IGNORECASE)
_UNKNOWN_NAME = re.compile(r"\b(?:for|on|at|within)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def _period_ref(text: str) -> tuple[str, int] | None:
    m = _PERIOD_REF.search(text)
    if not m:
        return None
    if m["q"] or m["fr"]:
        q = m["q"] or m["fr"]
        return "quarter", _NUMBER_WORDS.get(q.lower(), 0) or int(q)
    return "month", int(m["m"])


def _matches(ref: tuple[str, int], period: Period | None) -> bool:
    if period is None or period.kind == "year":
        return False
    kind, n = ref
    if kind == period.kind:
        return n == period.index
    if kind == "quarter" and period.kind == "month":
        return n == (period.index - 1) // 3 + 1
    return False


# ----------------------------------------------------------------- judging one number


@dataclass
class _Claim:
    figure: Figure | None  # the figure the words claim the number is; None when ambiguous
    candidates: list[Figure]
    evidence: list[tuple[int, int]]  # spans of the words that decided, for the quote


def _distance(span: tuple[int, int], lit: Literal_) -> float:
    """Characters between a word and the number; a word after its number counts double."""
    start, end = span
    if end <= lit.start:
        return float(lit.start - end)
    if start >= lit.end:
        return 2.0 * (start - lit.end)
    return 0.0


def _blocked(lits: Iterable[Literal_], lit: Literal_, span: tuple[int, int]) -> bool:
    lo, hi = sorted((lit.start, span[0]))
    return any(o is not lit and o.kind == lit.kind and lo < o.start < hi for o in lits)


@dataclass
class _Sentence:
    text: str
    lits: list[Literal_]
    subjects: list[_Subject]
    mentions: dict[str, list[_Mention]]
    # Whether an earlier sentence of the paragraph names a subject: then a sentence naming
    # none may be about it ("The placements budget ... The overspend of £1.2m ...").
    after_named: bool = False


class _Judge:
    def __init__(self, figures: Sequence[Figure], period: Period | None) -> None:
        self.figures = list(figures)
        self.subjects = _Subjects(self.figures)
        self.period = period
        previous = [f for f in self.figures if f.previous]
        self.previous_label = next((f.label[f.label.rfind("(") + 1:-1] for f in previous
                                    if f.label.endswith(")")), None)
        self.previous_period: Period | None = None
        if period is not None and previous:
            try:
                self.previous_period = period.previous()
            except Exception:  # noqa: BLE001 - a year has no previous quarter: none meant
                self.previous_period = None
        lines = {f.subject for f in self.figures if f.scope == "line" and not f.previous}
        groups = {f.subject for f in self.figures if f.scope == "group" and not f.previous}
        # With a single budget line, the total is that line: its label names the total too.
        self.only_line = next(iter(lines)) if len(lines) == 1 else None
        self.single_group = next(iter(groups)) if len(groups) == 1 else None
        areas = {f.subject for f in self.figures if f.scope == "area"}
        self.only_area = next(iter(areas)) if len(areas) == 1 else None

    def read(self, text: str, after_named: bool = False) -> _Sentence:
        return _Sentence(text, find_literals(text), self.subjects.find(text),
                         {k: _mentions(text, k) for k in ("money", "percent", "count")},
                         after_named)

    # -- which period the number is of
    def _wants_previous(self, s: _Sentence, lit: Literal_, lo: int, hi: int) -> bool | None:
        """True: an earlier period's figure; False: this period's; None: a period the data
        do not hold."""
        after = s.text[lit.end:hi]
        before = s.text[lo:lit.start]
        if _PREVIOUS.match(after):
            return True
        # A period named in the number's own phrase: just before it (no other number between)
        # or just after it ("£9million in quarter three").
        own = before[-40:]
        cut = max((o.end for o in s.lits if o.end <= lit.start), default=0) - lit.start
        if cut > -40:
            own = before[cut:] if cut < 0 else ""
        own = re.split(r"[,;(]", own)[-1]
        tail = re.match(r"\s*(?:in|at|for|of|by)\s+(?:the\s+)?(?:end\s+of\s+)?[^,;]{0,20}",
                        after)
        if self.previous_label and (self.previous_label in own or
                                    (tail and self.previous_label in tail.group(0))):
            return True  # "the 2009/10 outturn was £3.56m", "£3.56m in 2009/10"
        ref = _period_ref(own) or (_period_ref(tail.group(0)) if tail else None)
        if ref is not None and not _matches(ref, self.period):
            if _matches(ref, self.previous_period):
                return True
            return None  # a period the data do not hold
        if _FROM_BEFORE.search(before) and re.search(r"\bto\b", after):
            return None  # "from £X to £Y": £X is where it started
        return False

    def claim(self, s: _Sentence, lit: Literal_) -> _Claim | None:
        lo, hi = _clause(s.text, lit)
        before, after = s.text[:lit.start], s.text[lit.end:]
        if _PART_BEFORE.search(before[-40:]) or _PART_AFTER.match(after):
            return None  # "£1m of which ...": a part of another amount
        if re.search(r"\bper\s+$", before[-8:], re.IGNORECASE):
            return None  # "per 10,000 children": the denominator of a rate, not a figure
        if lit.kind == "count" and _RATE_WORDS.search(s.text[lo:hi]):
            # "the rate ... per 10,000 children ... to 54.9": a rate, not a count.
            return self._rate(s, lit, lo, hi)
        if lit.decimal:
            return None  # "an average of 3.2 placements": no figure of the data
        if lit.kind == "count" and _DIFFERENCE_AFTER.match(after):
            return None  # "300 more than at the start": a difference the data do not hold
        previous = self._wants_previous(s, lit, lo, hi)
        if previous is None:
            return None
        to_value = bool(_TO_AFTER.search(before[-12:]) and
                        re.search(r"\bfrom\b[^;]*$", s.text[lo:lit.start], re.IGNORECASE))
        mentions = [m for m in s.mentions[lit.kind] if lo <= m.start and m.end <= hi]
        # A label's last word standing for it must not be part of the words for a count
        # ("care" in "children in care").
        every = s.mentions["count"] if lit.kind == "count" else []
        subjects = [x for x in s.subjects if lo <= x.start and x.end <= hi and not (
            x.partial and any(m.start <= x.start and x.end <= m.end for m in every))]
        inside = {m for m in mentions
                  if any(x.start <= m.start and m.end <= x.end for x in subjects)}
        if previous:  # an earlier value is not a change: "from the £2.6m previously reported"
            mentions = [m for m in mentions if "change" not in m.measures]
        mention = self._measure(s, lit, mentions, to_value, inside)
        if mention is None and previous:
            # "from the £2.6m previously reported": an earlier value of the sentence's measure.
            others = [m for m in mentions if "change" not in m.measures]
            mention = min(others, key=lambda m: _distance((m.start, m.end), lit),
                          default=None)
        if mention is None:
            return None
        if lit.kind == "count" and _INDEFINITE.search(s.text[max(0, mention.start - 30):
                                                              mention.start]):
            return None  # "a small number of placements (fewer than 5)": some, not all
        if lit.kind == "count" and mention.end <= lit.start and _OWN_NOUN_AFTER.match(after):
            # "children in our care and 175 care experienced young people": the words right
            # after a count say what it counts; a measure named before it is another's.
            return None
        if mention.aggregate is None and mention.start >= lit.end and \
                not s.text[lit.end:mention.start].strip():
            # "the overall £58.4m saving requirement": the qualifier sits before the number.
            agg = _AGGREGATE_BEFORE.search(s.text[max(0, lit.start - 12):lit.start])
            if agg:
                mention = dataclasses.replace(
                    mention, aggregate=vocabulary.AGGREGATE_WORDS.get(agg.group(1).lower()))
        measures = set(mention.measures)
        of = mention.of
        if "change" in measures and not of:
            of = self._base(lit, mentions, mention)
        measures = self._by_unit(s.text, lit, measures)
        cands = [f for f in self.figures
                 if f.unit == lit.kind and f.measure in measures and f.previous == previous
                 and (not of or f.measure != "change" or f.of == of)]
        if mention.sign:
            cands = [f for f in cands if f.value * mention.sign > 0
                     or (f.measure != "change" and f.value == 0 and mention.sign > 0)]
            if "change" in measures:
                cands = [f for f in cands if f.value != 0]
        elif "change" in measures:
            cands = [f for f in cands if f.value != 0]  # a change of nothing is not stated
        evidence = [(mention.start, mention.end)]
        figure = self._pick(s, lit, cands, subjects, mention, evidence, lo, hi)
        return _Claim(figure, cands, evidence)

    def _rate(self, s: _Sentence, lit: Literal_, lo: int, hi: int) -> _Claim | None:
        """A rate is an indicator's value: the one whose name the clause gives ("the rate of
        looked after children per 10,000 ..."), in the latest period the data hold, when the
        number's own phrase names no other period."""
        if self._wants_previous(s, lit, lo, hi) is not False or \
                re.search(r"\b(?:19|20)\d{2}\b", s.text[lo:hi]):
            return None
        rates = [f for f in self.figures if f.unit == "count" and f.scope == "measure"
                 and f.measure == "count" and f.key.startswith(("indicators", "benchmarks"))]
        named = sorted((x for x in s.subjects if lo <= x.start and x.end <= hi
                        and any(f.subject == x.subject for f in rates)),
                       key=lambda x: _distance((x.start, x.end), lit))
        if not named:
            return None
        best = named[0]
        latest = next(f for f in rates if f.subject == best.subject)  # latest period first
        return _Claim(latest, [latest], [(best.start, best.end)])

    def _measure(self, s: _Sentence, lit: Literal_, mentions: list[_Mention],
                 to_value: bool, inside: set[_Mention]) -> _Mention | None:
        # In "from X to Y" X does not stand between Y and its words; nor does Y in "X of the
        # Y savings".
        lits = [o for o in s.lits if not (to_value and o.end <= lit.start and
                                          _FROM_BEFORE.search(s.text[:o.start]))
                and not _OF_THE_AFTER.match(s.text[lit.end:o.start])]
        usable = [m for m in mentions if not _blocked(lits, lit, (m.start, m.end))
                  and _distance((m.start, m.end), lit) <= 2 * _MAX_GAP]
        if to_value:  # "rose from X to Y": Y is the measure's new value, not a change
            usable = [m for m in usable if "change" not in m.measures]
        # A change word governs the number it introduces: "an increase of £2m", "a reduction
        # from quarter one of 9 children", "increase the budget ... by £1.7M".
        for m in usable:
            if "change" in m.measures and m.end <= lit.start and \
                    _CHANGE_GOVERNS.match(s.text[m.end:lit.start]):
                return m
        if re.search(r"\bby\s+$", s.text[max(0, lit.start - 5):lit.start]):
            governing = [m for m in usable if "change" in m.measures and m.end <= lit.start]
            if governing:
                return governing[-1]
        usable = [m for m in usable if "change" not in m.measures or m.end <= lit.start]
        if not usable:
            return None
        # A bare noun yields to any other measure word ("£45m in savings ... yet to be
        # delivered"); "budget" and "costs" right by their number stand ("budget of £1.8M").
        strong = [m for m in usable if not m.weak or (
            "achieved" not in m.measures and self._bound_to(s.text, lit, m))]
        # Only a measure word proper (not a change word) outranks a bare noun.
        decisive = [m for m in strong if "change" not in m.measures]
        pool = strong if decisive else usable
        # A "budget" that is the object of a preposition ("an overspend on the revenue
        # budget") names what the measure is of, not the measure, when another word is there.
        def demoted(m: _Mention) -> bool:
            return m.measures == {"budget"} and \
                bool(_PREPOSITION_BEFORE.search(s.text[max(0, m.start - 60):m.start]))
        preferred = [m for m in pool if not demoted(m)] or pool
        # A measure word inside a label is part of its name ("Demand pressure"): it counts,
        # but as if it were further away than the words outside.
        return min(preferred, key=lambda m: _distance((m.start, m.end), lit) +
                   (_INSIDE_LABEL if m in inside else 0))

    @staticmethod
    def _bound_to(text: str, lit: Literal_, m: _Mention) -> bool:
        """A bare noun right by its number: "budget of £1.8M", "£70m budget"."""
        if m.end <= lit.start:
            return bool(re.fullmatch(r"\s*(?:of|is|was|were|at|stood at|amounted to|totall?ing|"
                                     r":)?\s*(?:(?:approximately|around|about|some)\s+)?",
                                     text[m.end:lit.start], re.IGNORECASE))
        return not text[lit.end:m.start].strip()

    @staticmethod
    def _base(lit: Literal_, mentions: list[_Mention], change: _Mention) -> str:
        """What a change is a change of: the nearest other measure word, either side."""
        others = [m for m in mentions if "change" not in m.measures]
        if not others:
            return ""
        # What it was added to or taken from comes after: "an additional £10.5m had been
        # included in the budget", "a reduction of £0.136m on the overspend position".
        later = [m for m in others if m.start >= lit.end]
        near = min(later, key=lambda m: m.start) if later else max(others, key=lambda m: m.end)
        for measure in ("variance", "budget", "spend", "target", "achieved",
                        "savings_forecast"):
            if measure in near.measures:
                return measure
        return ""

    @staticmethod
    def _by_unit(text: str, lit: Literal_, measures: set[str]) -> set[str]:
        """A cost's period is said after its number: "£6,000 per week", "£150,000 a year"."""
        after = text[lit.end:lit.end + 25].lower()
        weekly = {"average_weekly_cost", "weekly_cost"}
        annual = {"average_annual_cost", "annual_cost"}
        if re.match(r"\s*(?:per|a|each)\s+week|\s*weekly", after):
            return (measures - annual) or measures
        if re.match(r"\s*(?:per|a|each)\s+(?:annum|year)|\s*annually", after):
            return (measures - weekly) or measures
        return measures

    def _pick(self, s: _Sentence, lit: Literal_, cands: list[Figure], subjects: list[_Subject],
              mention: _Mention, evidence: list[tuple[int, int]], lo: int,
              hi: int) -> Figure | None:
        if not cands:
            return None
        # "X of the Y savings": Y is the whole, X the part.
        of_the = [o for o in s.lits if o.kind == lit.kind and o.start > lit.end and
                  _OF_THE_AFTER.match(s.text[lit.end:o.start])]
        wholes = {"target", "budget"}
        if any(_OF_THE_AFTER.match(s.text[o.end:lit.start]) for o in s.lits
               if o.end <= lit.start and o.kind == lit.kind):
            cands = [f for f in cands if f.measure in wholes] or \
                [f for f in self.figures if f.unit == lit.kind and f.measure in wholes
                 and f.previous == cands[0].previous and f.scope in
                 {c.scope for c in cands}]
        elif of_the:
            cands = [f for f in cands if f.measure not in wholes] or cands
        # Which subject: the nearest label variant in the clause.
        def subject_of(f: Figure) -> set[str]:
            names = {f.subject} if f.subject else set()
            if f.scope == "total" and f.unit != "count" and self.only_line and \
                    f.key.split(".")[0] in ("budget", "previous_budget"):
                names.add(self.only_line)
            if f.scope == "total" and self.only_area and f.key.startswith("savings."):
                names.add(self.only_area)
            return names

        named = sorted((x for x in subjects if any(x.subject in subject_of(f) for f in cands)),
                       key=lambda x: _distance((x.start, x.end), lit))
        aggregate = mention.aggregate
        if aggregate and not any(x.end <= lit.start for x in named):
            # "the overall £58.4m saving requirement": the qualifier of the number itself
            # wins over a name further on.
            named = []
        if named:
            best = named[0]
            chosen = [f for f in cands if best.subject in subject_of(f)]
            if self._side(best, mention, lit):
                evidence.append((best.start, best.end))
            return self._one(chosen, lit)
        placement = all(f.key.startswith("placements.") for f in cands)
        if aggregate == "group" and self.single_group:
            chosen = [f for f in cands if f.scope == "group"]
            if chosen:
                return self._one(chosen, lit)
        if aggregate in ("group", "total"):
            return self._one([f for f in cands if f.scope == "total"], lit)
        if subjects:
            # The clause names something, but none of these figures is of it.
            return None
        if _DEMONSTRATIVE.search(s.text[lo:hi]):
            return None  # "placements of this type": named in another sentence
        if placement:
            # A placement figure with no type named is of all placements.
            return self._one([f for f in cands if f.scope == "total"], lit)
        if _UNKNOWN_NAME.search(s.text[lo:hi]):
            return None  # the clause is about something the data do not name
        one = self._one(cands, lit)
        if one is not None or s.after_named or s.subjects or mention.weak or \
                _PLACEHOLDER in s.text:
            return one
        # No line or area is named in the sentence or earlier in the paragraph (a clause of
        # its own naming none is still about the sentence's subject), and the number agrees
        # with none of their figures: it states the report's overall figure ("A forecast
        # overspend of £8.862m"). One that agrees with a line's figure may be about that line
        # (named in another paragraph): recognised, never an error. A bare noun ("the
        # allocation of £5m") is too weak a claim to read as the total, and an expression in
        # the sentence may print the line or the period it is of.
        if any(lit.agrees(f) for f in cands):
            return None
        return self._one([f for f in cands if f.scope == "total"], lit)

    @staticmethod
    def _side(x: _Subject, mention: _Mention, lit: Literal_) -> bool:
        return (x.end <= lit.start and mention.end <= lit.start) or \
            (x.start >= lit.end and mention.start >= lit.end)

    @staticmethod
    def _one(cands: list[Figure], lit: Literal_) -> Figure | None:
        """The one figure meant: a single candidate, or several that show the same value at
        the number's precision (then the widest of them)."""
        if not cands:
            return None
        shown = {lit.like(f) for f in cands}
        if len(shown) == 1:
            order = {"total": 0, "group": 1, "area": 2, "line": 3, "measure": 4, "type": 5}
            return min(cands, key=lambda f: order.get(f.scope, 9))
        return None


def expression_for(figure: Figure, lit: Literal_) -> str:
    """The Jinja2 expression that writes ``figure`` the way ``lit`` is written."""
    expr = figure.expression
    if figure.unit == "money":
        if lit.style == "m":
            arg = f"('m', {lit.places})"
        elif lit.style == "k":
            arg = f"('k', {lit.places})" if lit.places else "('k')"
        else:
            arg = "('pence')" if lit.style == "pence" else ""
        core = "| abs | money" if figure.value < 0 and not lit.negative else "| money"
        expr = expr.replace("| money }}", f"{core}{arg} }}}}")
    elif figure.unit == "percent" and lit.places:
        expr = expr.replace("| percent }}", f"| percent({lit.places}) }}}}")
    elif figure.unit == "count" and lit.decimal:
        # Printed to the places the sentence shows: "54.9" wants number(1).
        expr = re.sub(r"(?: \| number(?:\(\d+\))?)? \}\}$", f" | number({lit.places}) }}}}",
                      expr)
    return expr


def _quote(sentence: str, lit: Literal_, spans: Sequence[tuple[int, int]]) -> str:
    lo = min([lit.start, *(a for a, _ in spans)])
    hi = max([lit.end, *(b for _, b in spans)])
    return sentence[lo:hi]


def _period(bundle: Bundle) -> Period | None:
    if not bundle.period:
        return None
    try:
        return parse_period(bundle.period)
    except ReportgenError:
        return None


def check_literals(bundle: Bundle, figures: Sequence[Figure]) -> list[Finding]:
    """Judge every typed number against the figure its words say it is."""
    judge = _Judge(figures, _period(bundle))
    out: list[Finding] = []
    for where, text, headings in narrative_sources(bundle):
        out.extend(_judge_text(judge, text, where, headings))
    return out


def check_text(text: str, figures: Sequence[Figure], period: str | None = None,
               where: str = "text", headings: str = "") -> list[Finding]:
    """Judge the numbers typed in ``text`` (a narrative source, under ``headings``) against
    ``figures``, for a report of ``period`` ("2024/25 Q3")."""
    return _judge_text(_Judge(figures, parse_period(period) if period else None), text, where,
                       headings)


def _judge_text(judge: _Judge, text: str, where: str, headings: str = "") -> list[Finding]:
    out: list[Finding] = []
    # A heading that names a line or area (the section's own, or a Markdown one in the text)
    # says what the paragraphs under it are about, until the next heading.
    headed = bool(judge.subjects.find(headings)) if headings else False
    for paragraph in paragraphs(text):
        if paragraph[0].startswith("#"):
            headed = bool(judge.subjects.find(" ".join(paragraph)))
        named = headed
        for sentence in paragraph:
            s = judge.read(sentence, named)
            for lit in s.lits:
                finding = _judge(judge, s, lit, where)
                if finding is not None:
                    out.append(finding)
            named = named or bool(s.subjects)
    return out


def _judge(judge: _Judge, s: _Sentence, lit: Literal_, where: str) -> Finding | None:
    claim = judge.claim(s, lit)
    if claim is not None and claim.figure is not None:
        figure = claim.figure
        quote = _quote(s.text, lit, claim.evidence)
        if not lit.agrees(figure):
            return MISMATCH.finding(f"'{quote}' but the data give {lit.like(figure, named=True)}",
                                    where=where, fix=f"write {expression_for(figure, lit)}")
        return _hand_typed(figure, lit, quote, where)
    # No one figure is claimed: a number that agrees with one of the candidates, or a money
    # amount that agrees with any figure, is still recognised (it will go stale).
    pool = claim.candidates if claim is not None else []
    agreeing = [f for f in pool if lit.agrees(f)]
    if not agreeing and lit.kind == "money" and lit.bound in ("exact", "approx"):
        agreeing = [f for f in judge.figures if f.unit == "money" and lit.agrees(f)]
    if agreeing:
        return _hand_typed(agreeing[0], lit, s.text[lit.start:lit.end], where)
    return None


def _hand_typed(figure: Figure, lit: Literal_, quote: str, where: str) -> Finding:
    return HAND_TYPED.finding(
        f"'{quote}' is typed by hand (it agrees with the {figure.label} in the data today)",
        where=where, fix=f"write {expression_for(figure, lit)} so that it follows the data")


@check("bundle")
def literal_figures(ctx: CheckContext) -> list[Finding]:
    """figures.literal-mismatch and figures.hand-typed."""
    assert ctx.loaded is not None
    figures = vocabulary.figures(ctx.loaded.metrics)
    plan = ctx.result.plan if ctx.result is not None else None
    return check_literals(ctx.bundle, shown_figures(ctx.bundle, ctx.loaded.metrics, figures,
                                                    plan))


_TYPE_IN_EXPRESSION = re.compile(r"by_type\['([^']+)'\]")


def shown_figures(bundle: Bundle, metrics: Any, figures: Sequence[Figure],
                  plan: Any = None) -> list[Figure]:
    """The figures a public report may print: one whose cell the disclosure plan hides is left
    out, so that no message (a log line, build-summary.json) quotes its value. A count typed
    for a hidden cell is the disclosure rules' to report (disclosure.revealed-count).

    ``plan`` is the rendered document's own; without a document it is made from the bundle's
    settings, as render would make it."""
    if plan is None:
        if not bundle.settings.public:
            return list(figures)
        from reportgen import disclosure

        settings = bundle.settings
        plan = disclosure.plan_for(metrics, settings.suppression_threshold, True,
                                   disclosure.Symbols.of(settings), settings.top_n)
    if not plan.public or not plan.any_hidden:
        return list(figures)

    def hidden(figure: Figure) -> bool:
        types = _TYPE_IN_EXPRESSION.findall(figure.expression)
        return (any(plan.is_hidden(t) for t in types)
                or ("placements.total." in figure.expression and plan.is_hidden("total")))

    return [f for f in figures if not hidden(f)]


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class Cell:
    value: Decimal
    half_unit: Decimal  # how far rounding may have moved the value shown


_NIL = {"", "-", "–", "—", "nil"}
_NUMBER = re.compile(r"^(?P<neg>\()?[-−]?£?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
                     r"(?P<pct>\s?%)?\)?$")
_SKIP_COLUMN = re.compile(r"average|mean|\brank|\brate\b|ratio|\bper\b|\bno\.?$", re.I)
_COUNT_COLUMN = re.compile(r"number|count|children|placements|young people", re.I)


def parse_cell(text: str, exact: bool = False) -> Cell | None:
    """A table cell as a number: "2,786" → 2786; "(80)" → -80; "-" → 0; otherwise None."""
    t = " ".join(text.split())
    if t.lower() in _NIL:
        return Cell(Decimal(0), Decimal(0))
    m = _NUMBER.match(t)
    if not m:
        return None
    digits = m["num"].replace(",", "")
    dec = m["dec"] or ""
    value = Decimal(f"{digits}.{dec}" if dec else digits)
    if m["neg"] or t.startswith(("-", "−")):
        value = -value
    half = Decimal(0) if exact and not dec else Decimal(5).scaleb(-len(dec) - 1)
    return Cell(value, half)


def _label(row: Sequence[str]) -> str:
    return next((c.strip() for c in row if c.strip() and parse_cell(c) is None), "")


def _fmt(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    text = f"{abs(value):,.{places}f}"
    return f"({text})" if value < 0 else text


#: Cells that stand for a hidden or missing figure: the GSS symbols (bare or in brackets),
#: "fewer than N", "<N", asterisks and "suppressed".
_SYMBOL_CELL = re.compile(r"^\[?[czkx]\]?$|fewer than|less than|^<\s*\d|^\*+$|suppressed",
                          re.IGNORECASE)


def _is_symbol(text: str, symbols: Sequence[str]) -> bool:
    t = " ".join(text.split())
    return bool(t) and (t.strip("[]") in symbols or bool(_SYMBOL_CELL.search(t)))


def check_table_totals(table: DocTable, symbols: Sequence[str] = ()) -> list[Finding]:
    """figures.table-total: each column's Total row against the rows above it. A column with
    a suppressed or unavailable cell (a symbol from ``symbols`` or the GSS defaults) cannot be
    added up from what is shown: its total is computed from the unsuppressed data, so only a
    total smaller than the shown rows is an error there."""
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if len(rows) < 3 or not _label(rows[-1]).lower().startswith(("total", "grand total")):
        return []
    header, body, total = rows[0], rows[1:-1], rows[-1]
    if any(len(r) != len(header) for r in (*body, total)):
        return []  # merged cells: columns cannot be lined up safely
    out = []
    for j, name in enumerate(header):
        if "%" in name or "per cent" in name.lower() or _SKIP_COLUMN.search(name):
            continue
        exact = "£" not in name and bool(_COUNT_COLUMN.search(name))
        if _is_symbol(total[j], symbols):
            continue  # the total itself is hidden
        hidden = [_is_symbol(r[j], symbols) for r in body]
        cells = [None if h else parse_cell(r[j], exact) for r, h in zip(body, hidden,
                                                                        strict=True)]
        shown = parse_cell(total[j], exact)
        if any(hidden):
            known = [c for c in cells if c is not None]
            if shown is None or len(known) + sum(hidden) != len(body):
                continue
            visible = sum((c.value for c in known), Decimal(0))
            slack = sum((c.half_unit for c in known), Decimal(0)) + shown.half_unit
            if all(c.value >= 0 for c in known) and shown.value + slack < visible:
                out.append(TABLE_TOTAL.finding(
                    f"{table.name}: the Total row shows {total[j].strip()} for "
                    f"'{name.strip()}' but the rows shown already add up to {_fmt(visible)}",
                    where="document",
                    fix="correct the total or the rows (generated tables are always right: "
                        "use a [table: …] directive)"))
            continue
        if shown is None or any(c is None for c in cells) or not total[j].strip():
            continue
        numbers = [c for c in cells if c is not None]
        if all(c.value == 0 and c.half_unit == 0 for c in numbers) and shown.value == 0:
            continue
        added = sum((c.value for c in numbers), Decimal(0))
        slack = sum((c.half_unit for c in numbers), Decimal(0)) + shown.half_unit
        if abs(added - shown.value) > slack:
            out.append(TABLE_TOTAL.finding(
                f"{table.name}: the Total row shows {total[j].strip()} for '{name.strip()}' but "
                f"the {len(body)} rows above add up to {_fmt(added)}",
                where="document",
                fix="correct the total or the rows (generated tables are always right: "
                    "use a [table: …] directive)"))
    return out


_PCT_OF = re.compile(r"\(\s*%\s*of\s+(?P<of>[^)]+)\)", re.IGNORECASE)


def _column(header: Sequence[str], name: str, not_j: int) -> int | None:
    name = name.strip().lower()
    for j, h in enumerate(header):
        if j != not_j and "%" not in h and h.strip().lower().startswith(name):
            return j
    return None


def _pct_parts(header: Sequence[str], j: int) -> tuple[int, int] | None:
    """Which columns percentage column ``j`` is made from: "Achieved (% of target)" is
    Achieved over Target; "Variance (%)" is Variance over Budget."""
    name = header[j]
    m = _PCT_OF.search(name)
    numerator = re.sub(r"\(.*?\)|%|per\s?cent|percentage", "", name, flags=re.I).strip()
    denominator = m["of"] if m else ("budget" if numerator.lower().startswith("variance")
                                     else None)
    if not numerator or not denominator:
        return None
    top, bottom = _column(header, numerator, j), _column(header, denominator, j)
    if top is None or bottom is None:
        return None
    return top, bottom


def check_table_percentages(table: DocTable) -> list[Finding]:
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        return []
    header = rows[0]
    out = []
    for j, name in enumerate(header):
        if "%" not in name:
            continue
        parts = _pct_parts(header, j)
        if parts is None:
            continue
        for row in rows[1:]:
            if len(row) != len(header):
                continue
            pct, top, bottom = (parse_cell(row[k]) for k in (j, *parts))
            if pct is None or top is None or bottom is None or not row[j].strip():
                continue
            if row[j].strip() in _NIL:
                continue
            low_d, high_d = bottom.value - bottom.half_unit, bottom.value + bottom.half_unit
            if low_d <= 0:
                continue
            corners = [(top.value + a) / d * 100 for a in (-top.half_unit, top.half_unit)
                       for d in (low_d, high_d)]
            if min(corners) - pct.half_unit <= pct.value <= max(corners) + pct.half_unit:
                continue
            exponent = pct.value.as_tuple().exponent
            places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            actual = formatting.percent(float(top.value / bottom.value), places)
            out.append(PERCENTAGE.finding(
                f"{table.name}, row '{_label(row)}': {row[j].strip()} under '{name.strip()}' "
                f"but {row[parts[0]].strip()} of {row[parts[1]].strip()} is {actual}",
                where="document",
                fix="correct the percentage or its parts (or use a generated [table: …])"))
    return out


@check("docx")
def table_arithmetic(ctx: CheckContext) -> list[Finding]:
    """figures.table-total and figures.percentage on every table of the document."""
    assert ctx.doc is not None
    out: list[Finding] = []
    symbols: tuple[str, ...] = ("c", "z", "k", "x")
    if ctx.loaded is not None:
        from reportgen.disclosure import Symbols

        symbols = (*symbols, *Symbols.of(ctx.bundle.settings).all())
    for table in ctx.doc.tables:
        out.extend(check_table_totals(table, symbols))
        out.extend(check_table_percentages(table))
    return out
