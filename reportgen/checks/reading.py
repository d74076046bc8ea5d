"""What figure of the data a typed number claims to be, read from the words around it.

Rules 2 to 8 of docs/checks.md, "How a typed number is read": a narrative source is cut into
paragraphs, sentences and clauses; a number's measure is the measure word nearest to it in its
clause, its subject the bundle label nearest to it, its period what its own phrase names; the
figure it claims is the one figure with that measure and subject (with none named, the total,
unless the words could mean a line). Anything else is ambiguous, and ambiguity is never an
error. The words themselves are data, in :mod:`reportgen.checks.vocabulary`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportgen.bundle import Bundle, walk_sections
from reportgen.checks import vocabulary
from reportgen.checks.numbers import Kind, Literal_, find_literals
from reportgen.checks.vocabulary import Figure
from reportgen.limits import MAX_SENTENCE_CHARS
from reportgen.periods import Period

#: What an expression (``{{ … }}``) leaves in the sentence the checker reads.
_PLACEHOLDER = "⟨…⟩"
_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_DIRECTIVE = re.compile(r"^\s*\[[a-z_]+:[^\]\n]*\]\s*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n\s*(?=[-*+]\s|\d+[.)]\s|#)")
# (Not after "Qtr.": "the forecast at Qtr. 2" is one sentence.)
# (Not after "c." or "approx." before an amount: "an underspend of c. £204k" is one sentence.)
_SENTENCE_END = re.compile(r"(?<=[.!?;])(?<![Qq]tr\.)(?<!\bc\.)(?<!\b[Aa]pprox\.)\s+"
                           r"(?=[A-Z£0-9\"'(‘“])")
_NEAR = 100  # a measure word this near its number (after it: half as far) claims it explicitly
_MAX_GAP = 100  # characters between a measure word and the number it measures
_INSIDE_LABEL = 40  # extra distance of a measure word that is part of a label


def paragraphs(text: str) -> Iterator[list[str]]:
    """The sentences of each paragraph of a narrative source, expressions and table
    directives left out."""
    plain = _DIRECTIVE.sub(" ", _EXPRESSION.sub(f" {_PLACEHOLDER} ", text))
    for paragraph in _PARAGRAPH_BREAK.split(plain):
        flat = " ".join(paragraph.split())
        found = [piece for sentence in _SENTENCE_END.split(flat) if sentence
                 for piece in sentence_pieces(sentence)]
        if found:
            yield found


def sentence_pieces(sentence: str) -> list[str]:
    """A sentence, or a run-on one cut at spaces into pieces of at most MAX_SENTENCE_CHARS
    (each number's words are looked for within its sentence, so this bounds the work)."""
    out: list[str] = []
    start, end = 0, len(sentence)
    while end - start > MAX_SENTENCE_CHARS:  # by index: the rest is never copied
        cut = sentence.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        out.append(sentence[start:cut])
        start = cut
        while start < end and sentence[start] == " ":
            start += 1
    if start < end:
        out.append(sentence[start:])
    return out


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
    inferred: bool = False  # words that only suggest the figure (budget growth): never an error
    # Another measure the words may mean ("will spend": the budget, or a forecast's spend): a
    # number agreeing with that figure of the same subject is that figure; the claim is inferred.
    also: str = ""


@dataclass(frozen=True)
class _Subject:
    start: int
    end: int
    subject: str
    partial: bool = False  # named by one word of its label: its last word, or (part) another
    part: bool = False
    # The report's own scope taken for the data's by guess (the council's name where
    # report.yaml declares no budget_scope): a claim resting on it is only ever a warning.
    guessed: bool = False


#: A word that describes rather than names (_SubjectIndex._in_another_name): a measure's
#: qualifier, a participle or an adjective by its ending, or a common describing word.
_DESCRIBING = re.compile(r"(?:\w+(?:ed|ing|al|ive|ous|ful|less|ary|ic|able|ible|ent|ant)|new|"
                         r"whole|same|entire|other|own|extra|further|overall|total|net|gross|"
                         r"current|main|core|key|wider|whole|my|our|your|their|its|this|that|"
                         r"these|those|all|any|each|every|some|more|most|less|least)",
                         re.IGNORECASE)
#: Words that qualify a measure word ("forecast overspend", "net revenue budget").
_QUALIFIER_WORDS = ("combined", "total", "overall", "altogether", "projected", "forecast",
                    "predicted", "anticipated", "expected", "estimated", "reported", "current",
                    "actual", "net", "gross", "adverse", "slight", "small", "significant",
                    "annual", "full[- ]year", "in-year", "year[- ]end", "cash limit", "revenue",
                    "provisional", "final", "likely", "potential", "underlying", "further")
_QUALIFIERS = rf"(?:(?:{'|'.join(_QUALIFIER_WORDS)})\s+)*"
# A measure's qualifiers describe it, so none stands for a label ("net revenue budget" does not
# name the line "Council net revenue").
_NOT_A_HEAD = {q for q in _QUALIFIER_WORDS if q.isalpha()}
_WEAK = re.compile(r"^(?:sav(?:ings?|ing)|budgets?|costs?|allocations?|grants?|positions?|"
                   r"forecasts?)$",
                   re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:on|against|in|within|into|from|to|for|of)\s+(?:the\s+|its\s+|our\s+|this\s+|"
    r"that\s+)?(?:[\w'&,-]+\s+){0,6}$", re.IGNORECASE)


def _compile(table: Sequence[tuple[str, str, int]]) -> list[tuple[re.Pattern[str], str, int]]:
    return [(re.compile(rf"(?<![\w-]){_QUALIFIERS}(?:{pattern})(?![\w-])", re.IGNORECASE),
             measure, sign) for pattern, measure, sign in table]


_GROWTH = _compile(vocabulary.GROWTH_WORDS)
_INFERRED = frozenset(p.pattern for p, _, _ in _GROWTH)
_ALLOCATION_AFTER = re.compile(vocabulary.ALLOCATION_AFTER, re.IGNORECASE)
_ALLOCATION_FOR = re.compile(vocabulary.ALLOCATION_FOR, re.IGNORECASE)
_PLANNED_SPEND = _compile(vocabulary.PLANNED_SPEND_WORDS)
_FORECAST_SAVING = _compile(vocabulary.FORECAST_SAVING_WORDS)
# The other measure such words may mean (_Mention.also).
_ALSO = {**{p.pattern: "spend" for p, _, _ in _PLANNED_SPEND},
         **{p.pattern: "savings_forecast" for p, _, _ in _FORECAST_SAVING}}
_TABLES = {
    "money": _compile((*vocabulary.OVERRIDES, *vocabulary.MONEY_WORDS)) + _GROWTH +
    _PLANNED_SPEND + _FORECAST_SAVING,
    "percent": _compile(vocabulary.PERCENT_WORDS),
    "count": _compile((*vocabulary.COUNT_CHANGE_WORDS, *vocabulary.COUNT_WORDS)),
}
_PLANNED_AFTER = re.compile(vocabulary.PLANNED_AFTER, re.IGNORECASE)
_PLANNED_BEFORE = re.compile(vocabulary.PLANNED_BEFORE, re.IGNORECASE)
_AGGREGATE = re.compile(r"^(combined|total|overall|altogether)\b", re.IGNORECASE)
# "A total of 435 children" only says how many: "a total of" is no aggregate.
_AGGREGATE_BEFORE = re.compile(r"(?<!\ba )(?<!\bA )\b(combined|total|overall)\s+$",
                               re.IGNORECASE)


def _mentions(sentence: str, kind: Kind) -> list[_Mention]:
    """Every measure word of ``kind`` in ``sentence``, the longest winning where two overlap."""
    raw: list[tuple[int, int, str, int, bool, str]] = []
    for pattern, measure, sign in _TABLES[kind]:
        for m in pattern.finditer(sentence):
            raw.append((m.start(), m.end(), measure, sign, pattern.pattern in _INFERRED,
                        _ALSO.get(pattern.pattern, "")))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0]))
    kept: list[_Mention] = []
    for start, end, measure, sign, inferred, also in raw:
        if any(k.start < end and start < k.end for k in kept):
            continue
        if not measure:
            kept.append(_Mention(start, end, frozenset(), 0))  # a noun that names no figure
            continue
        name, _, of = measure.partition(":")
        text = sentence[start:end]
        agg = _AGGREGATE.match(text)
        before = _AGGREGATE_BEFORE.search(sentence[max(0, start - 20):start])
        aggregate = vocabulary.AGGREGATE_WORDS.get(
            (agg.group(1) if agg else before.group(1) if before else "").lower())
        core = re.sub(_QUALIFIERS, "", text, flags=re.IGNORECASE)
        weak = bool(_WEAK.match(core.strip()))
        kept.append(_Mention(start, end, frozenset(name.split("|")), sign, of, weak,
                             aggregate, inferred, also))
    kept = [k for k in kept if k.measures]
    kept = [dataclasses.replace(k, measures=frozenset({"target"}))
            if (k.measures == {"target", "achieved"} or
                (k.weak and k.measures == {"achieved"})) and (
                _PLANNED_AFTER.match(sentence, k.end) or
                _PLANNED_BEFORE.search(sentence[max(0, k.start - 80):k.start]))
            else k for k in kept]
    # A list's next item repeating the words of a planned one is planned too ("to approve the
    # category A savings for X totalling £58,000; the category A savings for Y totalling …").
    # (Not one whose own words say it is done: "; savings of £1m have been delivered".)
    planned: dict[str, int] = {}
    for k in sorted(kept, key=lambda k: k.start):
        key = sentence[k.start:k.end].lower()
        if k.measures == {"target"}:
            planned[key] = k.end
        elif k.measures == {"target", "achieved"} and key in planned and \
                re.search(r"[;,]|\band\b", sentence[planned[key]:k.start]) and \
                not re.match(r"[^;.]*\b(?:delivered|achieved|made|realised|saved|secured)\b",
                             sentence[k.end:]):
            kept[kept.index(k)] = dataclasses.replace(k, measures=frozenset({"target"}))
    # A change denied ("has not changed", "no increase") says the level stayed: no change is
    # stated, and the amount after it is the level ("it has remained static at £2.4m").
    kept = [k for k in kept if not ("change" in k.measures and re.search(
        r"\b(?:not|no|never|n't)\s+(?:been\s+)?$", sentence[max(0, k.start - 12):k.start],
        re.IGNORECASE))]
    # A bare "forecast" after another measure word, with no number between, qualifies it
    # ("the quarter two overspend forecast of £1.1m", "the overall overspend across the
    # Council forecast of £4.8million").
    kept = [k for k in kept if not (k.weak and k.measures == {"spend"} and any(
        o is not k and not o.weak and 0 <= k.start - o.end <= 40 and
        not re.search(r"[£\d]", sentence[o.end:k.start]) for o in kept))]
    # So does "forecast" as a verb further on ("the council's forecast deficit for the current
    # financial year (which was forecast at £14m in September)"): it forecasts that measure.
    kept = [k for k in kept if not (k.weak and k.measures == {"spend"} and
                                    _VERB_BEFORE.search(sentence, 0, k.start) and any(
        o is not k and not o.weak and 0 <= k.start - o.end <= _NEAR and
        not re.search(r"[£\d;]", sentence[o.end:k.start]) for o in kept))]
    kept = _spend_set_by_a_budget(sentence, kept)
    kept = _whole_spend_expected(sentence, kept)
    kept = _grants_given(sentence, kept)
    kept = _signed_positions(sentence, kept)
    kept = _compared_spend(sentence, kept)
    kept = _savings_to_be_realised(sentence, kept)
    return sorted(_identified_for_a_budget(sentence, kept), key=lambda k: k.start)


#: In an amount's clause before it, a ranked few: "the 20 highest cost placements", "the top
#: ten placements", "the five most expensive packages". What they cost or spend is theirs, no
#: figure of a whole or of a line.
_A_RANKED_FEW = re.compile(
    r"\b(?:the\s+)?(?:top\s+(?:\d+|ten|twenty|five|fifty|hundred)|(?:\d+|two|three|four|five|six|"
    r"seven|eight|nine|ten|twenty|fifty)\s+(?:highest|most\s+expensive|costliest|largest|"
    r"biggest|dearest)|(?:highest|most\s+expensive|costliest)\s+(?:\d+|ten|twenty|fifty))\b",
    re.IGNORECASE)


#: An amount that something accounts for of a measure: "secure placements account for £0.7m
#: of spend", "agency staff make up £1.2m of the overspend". A part of that measure, which the
#: words give to no line of the data (the thing is often a placement type or a cost).
_ACCOUNTS_FOR_BEFORE = re.compile(r"\b(?:account(?:s|ed|ing)?\s+for|make(?:s)?\s+up|made\s+up|"
                                  r"represent(?:s|ed|ing)?)\s+(?:around\s+|about\s+|some\s+|"
                                  r"approximately\s+|nearly\s+|almost\s+|over\s+)?$",
                                  re.IGNORECASE)
_OF_A_MEASURE_AFTER = re.compile(r"\s*(?:m|k|bn|million|thousand)?\s+of\s+(?:the\s+|this\s+|our\s+|"
                                 r"its\s+|their\s+|total\s+|all\s+)*(?:[\w'-]+\s+){0,4}?(?:spend|"
                                 r"spending|expenditure|costs?|budget|overspend|pressure|"
                                 r"variance|savings?)\b", re.IGNORECASE)


def _part_of_a_whole(whole: _Mention) -> _Mention | None:
    """What an amount that is part of a whole of ``whole``'s measure is, when no words of its
    own say: of a savings target the part achieved or forecast, of a budget the part spent."""
    parts = {"target": "achieved|savings_forecast", "budget": "spend"}
    mapped = "|".join(parts.get(x, "") for x in whole.measures if x in parts)
    return dataclasses.replace(whole, measures=frozenset(mapped.split("|"))) if mapped else None


def _extra_noun(s: Sentence, lit: Literal_, mention: _Mention) -> bool:
    """Whether the spending or cost the amount is bound to is itself said to be extra ("the
    anticipated additional cost of £158,000", "extra spending of £2m"): the same as "cost an
    additional £158,000" (Judge._extra_spending). Only where the sentence names a line of the
    data: "the additional cost of £1.5m for the new leisure centre" is an item's own cost."""
    return mention.end <= lit.start and any(x.subject not in SCOPES for x in s.subjects) and \
        bool(re.fullmatch(r"\s+of\s+(?:(?:approximately|around|about|some|c\.?)\s+)?",
                          s.text[mention.end:lit.start], re.IGNORECASE)) and \
        bool(re.search(r"\b(?:extra|additional|further)\s+$",
                       s.text[max(0, mention.start - 15):mention.start], re.IGNORECASE))


def _compared_spend(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """Spending said with a comparison with its budget before it ("above budget revenue spend
    of £215K", "under budget expenditure of £0.3m"): the amount by which it passes the budget,
    one measure word, a variance."""
    out = sorted(kept, key=lambda k: k.start)
    for i in range(len(out) - 1, 0, -1):
        k, o = out[i], out[i - 1]
        if k.measures == {"spend"} and o.measures == {"variance"} and o.sign and \
                re.search(r"budget(?:ed)?$", sentence[o.start:o.end], re.IGNORECASE) and \
                not sentence[o.end:k.start].strip():
            out[i - 1:i + 1] = [dataclasses.replace(o, end=k.end)]
    return out


def _signed_positions(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """A position or variance said with no direction, right after a word that gives one ("a
    net deficit position of £1,005k", "the overspend position"): one measure word, with that
    direction."""
    out = sorted(kept, key=lambda k: k.start)
    for i in range(len(out) - 1, 0, -1):
        k, o = out[i], out[i - 1]
        if k.measures == {"variance"} and not k.sign and o.measures == {"variance"} and \
                o.sign and not sentence[o.end:k.start].strip():
            out[i - 1:i + 1] = [dataclasses.replace(k, start=o.start, sign=o.sign)]
    return out


#: Spending a council sets, agrees, approves or proposes is its budget, not a projection:
#: "set a budget for the Council's total spend of £17.3m", "we propose to spend a total of
#: £70.9m on day to day services", "approve the 2022/23 net expenditure on the General Fund of
#: £11.4m", "approved spending of £295m on council services", "the Estimates include net
#: expenditure of £34.0m". Only a whole's spending (total or net, or on services at large) is
#: read so: "agreed to spend £5,000 on the war memorial" is an item, left as it was. A
#: monitoring sentence (forecast, outturn, over or under budget) keeps the spend.
# (The verb governs a list too: "the Estimates include gross expenditure of £42.4m and net
# expenditure of £34.0m".)
_GOVERNED = r"(?:[^;:.£]|£\s?[\d.,]+\s*(?:m|k|bn|million|billion|thousand)?\s+and\s+)*$"
_SETTING_VERB = re.compile(r"\b(?:set|sets|setting|agree(?:s|d)?|agreeing|approv(?:e|es|ed|ing)|"
                           r"propos(?:e|es|ed|ing)|adopt(?:s|ed|ing)?)\b" + _GOVERNED + "|"
                           r"\b(?:the|its|our|draft)\s+estimates\b" + _GOVERNED,
                           re.IGNORECASE)
_MONITORING = re.compile(r"\b(?:forecast\w*|project(?:ed|ing|ion)s?|predict\w*|outturn|"
                         r"over[- ]?spen\w*|under[- ]?spen\w*|variances?|to\s+date|so\s+far|"
                         r"(?:over|under|against)\s+(?:the\s+)?(?:[\w-]+\s+)?budget)\b",
                         re.IGNORECASE)
_WHOLE_SPEND = re.compile(r"^(?:total|net)\b", re.IGNORECASE)
_A_TOTAL_AFTER = re.compile(r"\s+(?:a\s+total\s+of|in\s+total)\b", re.IGNORECASE)
_ON_SERVICES_AFTER = re.compile(r"[^;:£]{0,40}?£\s?[\d.,]+\s*(?:m|k|bn|million|billion|"
                                r"thousand)?\s+on\s+(?:\w+\s+){0,3}?services\b", re.IGNORECASE)
# Spending of capital or out of reserves is no revenue budget ("approved capital spending of
# £12m", "total spending of £3m from reserves").
_CAPITAL_OR_RESERVES = re.compile(r"\b(?:capital|from\s+(?:the\s+|its\s+|our\s+)?(?:[\w-]+\s+)?"
                                  r"(?:reserves?|balances))\b", re.IGNORECASE)
_BUDGET_AFTER = re.compile(r"\s+budgets?\b", re.IGNORECASE)
_BUDGET_BEFORE = re.compile(r"\bbudgets?\s+for\s+(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)


def _spend_set_by_a_budget(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """Spend words in a budget-setting clause read as the budget (see _SETTING_VERB)."""
    out = []
    for k in kept:
        if k.measures != {"spend"} or k.weak:
            out.append(k)
            continue
        text = sentence[k.start:k.end]
        if _BUDGET_AFTER.match(sentence, k.end):
            continue  # "a net expenditure budget of £19.1m": the budget is the head noun
        before = sentence[max(0, k.start - 80):k.start]
        setting = _SETTING_VERB.search(before) or _BUDGET_BEFORE.search(before)
        whole = (_WHOLE_SPEND.match(text) or _A_TOTAL_AFTER.match(sentence, k.end) or
                 # "net operating expenditure", "net service expenditure"
                 re.search(r"\b(?:total|net)\s+[\w-]+\s+$", before, re.IGNORECASE) or
                 _ON_SERVICES_AFTER.match(sentence, k.end) or _BUDGET_BEFORE.search(before))
        gross = re.match(r"gross\b", text, re.IGNORECASE)
        if setting and not _MONITORING.search(sentence) and \
                not _CAPITAL_OR_RESERVES.search(sentence, max(0, k.start - 80), k.end + 80):
            if gross:
                # "the Estimates include gross expenditure of £42.4m": a gross budget, which
                # no figure of the data is (a measure none holds: the amount is not checked)
                k = dataclasses.replace(k, measures=frozenset({"gross_budget"}))
            elif whole:
                k = dataclasses.replace(k, measures=frozenset({"budget"}))
        out.append(k)
    return out


#: The whole's spending for a year said as expected, or as what running the council costs: "the
#: total expenditure in running the operations of the Parish Council is anticipated to be
#: £121,190", "the Budget predicts a total expenditure of £450,828", "a budget with expenditure
#: of £620,745 has been approved", "the annual cost of running the Council is just over £1.2
#: million a year". In a year's report (budget setting) that is the year's budget, or its spend
#: when the number agrees with that: the budget, also the spend, never an error
#: (Judge._planned_spend keeps the spend in a quarter's or month's report). Not in a monitoring
#: sentence (outturn, over or under budget, a variance, to date), nor capital or reserves.
# (a monitoring word, "forecast", "projected", "predicted", is the year's expected spend only
# with the budget as its subject: "the Budget predicts")
_EXPECTED_WORD = re.compile(r"\b(?:anticipat\w*|expect\w*|estimat\w*|plann\w*|budgeted|"
                            r"budgets?(?:\s+(?:predicts?|forecasts?|projects?|assumes?|"
                            r"includes?|shows?|provides?\s+for|allows?\s+for))?)\b",
                            re.IGNORECASE)
_RUNNING_AFTER = re.compile(r"\s+(?:of|in|for)\s+running\s+(?:the|this|our|its)\b",
                            re.IGNORECASE)
_MONITORED = re.compile(r"\b(?:outturn|actual|over[- ]?spen\w*|under[- ]?spen\w*|variances?|"
                        r"to\s+date|so\s+far|(?:over|under|against|compared\s+(?:to|with))\s+"
                        r"(?:the\s+)?(?:[\w-]+\s+)?budget)\b", re.IGNORECASE)
_SPEND_OR_COST = frozenset({"spend", "annual_cost"})


def _whole_spend_expected(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """The whole's expected spending for a year read as the budget, also the spend (see
    _EXPECTED_WORD)."""
    if _MONITORED.search(sentence):
        return kept
    out = []
    for k in kept:
        running = _RUNNING_AFTER.match(sentence, k.end)  # (binds even a bare "cost")
        if (k.weak and not running) or not k.measures & _SPEND_OR_COST or \
                "variance" in k.measures or _BUDGET_AFTER.match(sentence, k.end):
            out.append(k)
            continue
        text = sentence[k.start:k.end]
        before = sentence[max(0, k.start - 60):k.start]
        whole = running or (k.measures == {"spend"} and (
            _WHOLE_SPEND.match(text) or _A_TOTAL_AFTER.match(sentence, k.end) or
            re.search(r"\b(?:total|net)\s+[\w-]+\s+$", before, re.IGNORECASE) or
            # "a budget with expenditure of £X": the budget's own spending
            re.search(r"\bbudgets?\s+with\s+(?:(?:total|net)\s+)?$", before, re.IGNORECASE)))
        # the expecting word in the mention's clause, before it or between it and its number
        end = re.search(r"[;:]|£|\d", sentence[k.end:])
        after = sentence[k.end:k.end + (end.start() if end else 0)]
        expected = _EXPECTED_WORD.search(re.split(r"[;:,]", before)[-1]) or \
            _EXPECTED_WORD.search(after) or running
        if whole and expected and \
                not _CAPITAL_OR_RESERVES.search(sentence, max(0, k.start - 80), k.end + 80):
            k = dataclasses.replace(k, measures=frozenset({"budget"}), also="spend", sign=0)
        out.append(k)
    return out


#: Grants a council gives are its spending on them, not a budget: "the Town Council had just made
#: grants to three community groups totalling £3,000", "grants awarded to local clubs of
#: £12,000", "£5,000 in grants paid to charities". (A grant received, "a grant of £2m from
#: government", stays what it was.) What was given so far may not be the year's whole spend:
#: inferred.
# (Only grants given, done: grants a council "will offer" or plans to award are its budget.)
_GIVING_BEFORE = re.compile(r"(?<!\bwill\s)(?<!\bto\s)\b(?:made|awarded|gave|given|paid|"
                            r"distributed)\s+(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
_GIVEN_TO_AFTER = re.compile(r"\s+(?:(?:have\s+been|has\s+been|were|was)\s+)?(?:made|awarded|"
                             r"given|paid|distributed)\s+to\s+(?!(?:the\s+)?(?:council|"
                             r"authority)\b)", re.IGNORECASE)


def _grants_given(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """Grants given read as the spend, inferred (see _GIVING_BEFORE)."""
    out = []
    for k in kept:
        text = sentence[k.start:k.end].lower()
        if k.measures == {"budget"} and text in ("grant", "grants") and (
                _GIVING_BEFORE.search(sentence, max(0, k.start - 40), k.start) or
                _GIVEN_TO_AFTER.match(sentence, k.end)) and \
                not re.search(r"\b(?:from|received|receiv\w+)\b", sentence[k.end:k.end + 60],
                              re.IGNORECASE):
            k = dataclasses.replace(k, measures=frozenset({"spend"}), inferred=True, weak=False)
        out.append(k)
    return out


#: Savings a change or a decision will bring are what is to be saved, the target: "the changes
#: in waste collection will realise a saving of £500K", "the commissioning model that will
#: provide £650K of savings", "Council has agreed to realise approximately £5.6m in savings".
#: (Not what is expected or forecast to be delivered, nor what was managed: "is expected to
#: deliver", "has managed to deliver".)
_TO_BE_REALISED = re.compile(
    r"\b(?:will|shall|would|(?:agree(?:s|d)?|agreeing|decided|propos(?:e|es|ed|ing)|"
    r"intend(?:s|ed)?)\s+to)\s+(?:help\s+)?(?:realise|realize|provide|deliver|generate|yield)\b"
    r"(?:[^.;£\d]|£\s?[\d.,]+\s*(?:m|k|bn|million|thousand)?\b){0,60}$", re.IGNORECASE)
_EXPECTED_BEFORE = re.compile(r"\b(?:forecast\w*|expect\w*|project\w*|anticipat\w*|predict\w*|"
                              r"likely|estimat\w*|not|never)\b[^.;£\d]{0,30}$", re.IGNORECASE)


def _savings_to_be_realised(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """Savings a change or a decision will bring read as the target (see _TO_BE_REALISED)."""
    out = []
    for k in kept:
        verb = _TO_BE_REALISED.search(sentence[max(0, k.start - 100):k.start])
        if verb and (k.measures == {"target", "achieved"} or
                     (k.weak and k.measures == {"achieved"})) and \
                not _EXPECTED_BEFORE.search(sentence[max(0, k.start - 100):k.start],
                                            0, verb.start()):
            k = dataclasses.replace(k, measures=frozenset({"target"}))
        out.append(k)
    return out


#: Between a bare noun and its number, the words of budget setting that still bind them: who
#: set it and for which year, then the verb ("the net expenditure budget approved for 2025/2026
#: totals £1,019m", "the budget for 2024/25 is £46m", "the budget was set at £12.7m").
_SET_FOR_A_YEAR_GAP = re.compile(
    r"\s*(?:(?:as\s+)?(?:approved|agreed|set|proposed|recommended)\s+)?"
    r"(?:by\s+(?:the\s+)?(?:full\s+)?(?:council|cabinet|councillors|members)\s+)?"
    r"(?:(?:for|in)\s+(?:the\s+)?(?:(?:financial\s+)?year\s+)?20\d\d(?:\s*[/-]\s*(?:20)?\d\d)?"
    r"\s+)?(?:(?:is|was|were|will\s+be|has\s+been|had\s+been)\s+)?"
    r"(?:(?:approved|agreed|set)\s+)?(?:of|is|was|at|totals|totalled|totaled|totall?ing|"
    r"stood\s+at|stands\s+at|amounts?\s+to|amounted\s+to|:)?\s*"
    r"(?:(?:approximately|around|about|some|over|more\s+than|almost|nearly|just\s+over|"
    r"just\s+under)\s+)?", re.IGNORECASE)


#: Savings found for a budget: "the budget identified £10.8m in savings", "identify savings of
#: £13.8m in order to balance its books", "identifying £2.4m in efficiencies to narrow the
#: funding gap".
_IDENTIFIED_BEFORE = re.compile(r"\bidentif(?:y|ies|ied|ying)\b[^.;£\d]{0,40}(?:£\s?[\d.,]+\s*"
                                r"(?:m|k|bn|million|thousand)?\b[^.;£\d]{0,50})?$", re.IGNORECASE)
_BUDGET_IDENTIFIES = re.compile(r"\bbudgets?\s+(?:[\w'’-]+\s+){0,2}?(?:has\s+|had\s+|have\s+)?"
                                r"identif(?:y|ies|ied)\b", re.IGNORECASE)
_TO_BALANCE = re.compile(r"\b(?:to|in\s+order\s+to)\s+(?:help\s+)?(?:balance\s+(?:the|its|our|"
                         r"their|a)\s+(?:books|budgets?)|(?:narrow|close|bridge|meet|reduce|"
                         r"plug)\s+(?:the|its|our|their|this|a)\s+(?:[\w-]+\s+){0,2}?(?:gap|"
                         r"shortfall))\b", re.IGNORECASE)


def _identified_for_a_budget(sentence: str, kept: list[_Mention]) -> list[_Mention]:
    """Savings identified are no figure of the data (a monitoring report's mitigations), but
    savings identified by a budget, or to balance it or close its gap, are what the budget
    plans to save: its savings target, inferred (a warning)."""
    if not (_BUDGET_IDENTIFIES.search(sentence) or _TO_BALANCE.search(sentence)):
        return kept
    out = []
    for k in kept:
        found = k.measures == {"identified"} or (
            k.measures == {"target", "achieved"} and
            _IDENTIFIED_BEFORE.search(sentence[max(0, k.start - 100):k.start]))
        out.append(dataclasses.replace(k, measures=frozenset({"target"}), inferred=True)
                   if found else k)
    return out


#: An amount a budget gives "with" or "plus" (or "including") and a purpose: "the budget
#: prioritises the vulnerable, with almost £7m to maintain care services, plus £1m to support
#: ...". Such a phrase names an allocation of budget setting (growth, inferred), never the
#: budget or spend the clause before it is about. (Not in a monitoring sentence: "the overspend
#: is £1.0m, with £0.4m to support fostering" may be a part of the overspend.)
_WITH_BEFORE = re.compile(r"(?:^|[\s,;:(])(?:with|plus|including)\s+(?:(?:almost|nearly|over|"
                          r"around|about|approximately|some|up\s+to|more\s+than|just\s+"
                          r"(?:over|under))\s+)?(?:an?\s+)?(?:(?:extra|additional|further|new)\s+)?"
                          r"£?\s*$", re.IGNORECASE)
_PURPOSE_VERB_AFTER = re.compile(r"\s+(?:(?:a|per)\s+year\s+|(?:each|every)\s+year\s+)?"
                                 r"(?:of\s+)?(?:(?:new|additional|extra)\s+)?(?:funding\s+|"
                                 r"investment\s+)?(?:will\s+|to\s+)(?:help\s+)?(?:support|"
                                 r"increase|fund|expand|provide|improve|meet|maintain|protect|"
                                 r"sustain|deliver|tackle|create|boost|enable)\b", re.IGNORECASE)


def _allocation_given_with(text: str, lit: Literal_, mention: _Mention | None
                           ) -> _Mention | None:
    """The measure of an amount given "with" a purpose: the budget's growth (inferred)."""
    if not _WITH_BEFORE.search(text[max(0, lit.start - 60):lit.start]) or _MONITORING.search(text):
        return mention  # (in a monitoring sentence it may be a part of the position)
    purpose = _PURPOSE_VERB_AFTER.match(text, lit.end)
    if purpose is None:
        return mention
    if mention is not None and (mention.start >= lit.end or "change" in mention.measures):
        return mention  # its own words after it ("with £2m of savings to ...") say what it is
    return _Mention(purpose.start(), purpose.end(), frozenset({"change"}), 1, "budget",
                    inferred=True)


#: A growth item of a budget-setting list: a name, a dash, an amount and whether it recurs
#: ("Financial Support for the Museum - £60,000 ongoing", "Local Plan Review - £1.6m
#: one-off"): the named line's growth (inferred), whatever measure noun the name holds.
_ITEM_DASH_BEFORE = re.compile(r"\S\s*[-–—:]\s*(?:£\s?)?$")
_RECURS_AFTER = re.compile(r"\s*(?:\(\s*)?(?:ongoing|one[- ]off|recurring|non[- ]recurring|"
                           r"permanent|temporary)\b", re.IGNORECASE)


def _growth_item(text: str, lit: Literal_, mention: _Mention | None,
                 subjects: Sequence[_Subject]) -> _Mention | None:
    """The measure of a growth item "Name - £a ongoing" (see _RECURS_AFTER)."""
    recurs = _RECURS_AFTER.match(text, lit.end)
    if recurs is None or not _ITEM_DASH_BEFORE.search(text, 0, lit.start) or \
            not any(x.end <= lit.start and x.subject not in SCOPES for x in subjects):
        return mention
    return _Mention(recurs.start(), recurs.end(), frozenset({"change"}), 1, "budget",
                    inferred=True)


#: Before a word, an auxiliary that makes it a verb ("which was forecast at £14m").
_VERB_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+$", re.IGNORECASE)


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
    # A label ending in a measure noun ("People Directorate savings") is named without it
    # too ("£399k had been saved within the People Directorate"), when two words remain.
    if forms and len(forms[0]) >= 3 and forms[0][-1] in _MEASURE_NOUNS:
        forms.append(forms[0][:-1])
    return forms


#: The subject a sentence gives when it names the report's own scope ("the directorate", the
#: council's or the service's name): the whole budget, the totals of the data.
WHOLE = "⟨the whole⟩"
#: The subject of a name of another scope than the data's (the council, in a directorate's
#: report; a directorate, in a council's): no figure of the data is of it.
WIDER = "⟨wider than the data⟩"
SCOPES = frozenset({WHOLE, WIDER})


@dataclass(frozen=True)
class ReportNames:
    """What report.yaml calls the report's own scope and the short forms it declares.

    ``whole``: names of what the data are of (the directorate, the committee's subject, and
    the council unless a directorate is named); ``wider``: names of another scope (the
    council, when the report names a directorate); ``abbreviations``:
    short form → what it stands for (a label of the data, or one of the names above);
    ``scope``: report.yaml's ``budget_scope``, what the bundle declares the data are of."""

    whole: tuple[str, ...] = ()
    wider: tuple[str, ...] = ()
    abbreviations: tuple[tuple[str, str], ...] = ()
    #: whether the data are of less than the council (a directorate is named)
    narrow: bool = False
    scope: str | None = None
    #: the council's names (its own and its short form)
    council: tuple[str, ...] = ()

    def guessed(self, name: str) -> bool:
        """Whether ``name`` (one of ``whole``) is taken for the data's scope by guess: the
        council's, with no budget_scope declared."""
        return self.scope is None and not self.narrow and name in self.council

    def unit_noun(self, word: str) -> str | None:
        """What "the directorate" / "the service" / "the council" names (None: a guess that
        it is the whole, see :meth:`guessed`)."""
        word = word.lower()
        council = word in ("council", "authority")
        if self.scope == "council":
            return WHOLE if council else WIDER
        if self.scope == "service":
            return WHOLE if word == "service" else WIDER
        if self.scope == "directorate" or self.narrow:
            return WIDER if council else WHOLE
        return None if council else WHOLE


# "the directorate", "the Council's", "our service", "council-wide": the report's own scope,
# the whole of the data (the council's words name more than the data in a narrower report).
_SCOPE_NOUN = re.compile(r"\b(?:the|this|our|its|their)\s+(?:(?:whole|overall|entire|wider)\s+)?"
                         # ("the local authority": the council)
                         r"(?:local\s+(?=authority))?"
                         r"(?:(?P<unit>directorate|department|service)|"
                         r"(?P<council>council|authority))(?!['’]?s?\s+(?:area|run|owned|homes?)\b)"
                         # "the Council Tax Reduction Scheme", "the Service Plan": a name
                         r"(?!\s+(?-i:[A-Z]))(?![\w-])|\b(?P<wide>council|authority)-wide\b",
                         re.IGNORECASE)
# "the General Fund", "General Fund revenue budget": the council's budget for its services (not
# its reserves or balances, nor the Housing Revenue Account, which is another fund; and not in
# brackets after a name, "Children's Services (General Fund)", where it says which fund that is).
_GENERAL_FUND = re.compile(r"(?<!\()(?<!\(the )\bGeneral\s+Fund\b"
                           r"(?!\s+(?:reserves?|balances?|working\s+balance)\b)", re.IGNORECASE)
# "the revenue budget", "the forecast revenue position", "the Quarter 1 revenue budget position",
# "outturn of revenue expenditure": the council's revenue budget as a whole, in a report declared
# to be of the council's budget (not after a name: "the Highways revenue budget" is a part).
_REVENUE_WHOLE = re.compile(
    r"(?:^|\b(?:the|its|our|their|this|a|an|of|on|for)\s+)(?:(?:(?:quarter|qtr\.?|q|month|"
    r"period|p)\s*(?:[1-9]|1[0-2]|one|two|three|four)|(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?|"
    r"current|latest|overall|total|net|gross|projected|forecast|predicted|expected|estimated|"
    r"approved|original|revised)\s+)*(?P<name>revenue)\s+(?=(?:budget|expenditure|spend|"
    r"spending|position|outturn)\b)", re.IGNORECASE)
# The council's whole revenue account by its accounting names, in a report declared to be of
# the council's budget: "the General Fund net cost of services", "net service budgets",
# "the GF revenue account", "service and corporate budgets", "against allocated budgets".
_ACCOUNT_WHOLE = re.compile(
    r"\b(?:(?:(?:General\s+Fund|(?-i:GF))\s+)?net\s+cost\s+of\s+(?:the\s+)?services|"
    r"net\s+service\s+budgets?|"
    r"(?:General\s+Fund|(?-i:GF))\s+revenue\s+account|"
    r"service\s+and\s+corporate\s+budgets|"
    r"(?<=against\s)(?:the\s+)?allocated\s+budgets)\b", re.IGNORECASE)
#: After the council's name, a pot of money that is not its budget ("the Council's reserves",
#: "the council's smoothing fund"; not its General Fund).
_POT_AFTER = re.compile(r"['’]?s?\s+(?!general\s+fund\b)(?:[\w-]+\s+){0,2}?"
                        r"(?:reserves?|balances?|funds?)\b", re.IGNORECASE)
_AGAINST_BEFORE = re.compile(r"\b(?:against|compared\s+(?:to|with)|relative\s+to)\s+"
                             r"(?:the\s+|its\s+|our\s+)?$", re.IGNORECASE)
_FUNDED_FROM_BEFORE = re.compile(r"\b(?:funded|met|covered|financed|paid\s+for)\s+"
                                 r"(?:(?:in\s+part|partly|fully|wholly)\s+)?(?:from|using|"
                                 r"through|by|out\s+of)\s+(?:the\s+|its\s+|our\s+)?$",
                                 re.IGNORECASE)
#: A list of single names, each with its amount in brackets, and the noun they share after it
#: ("Children's (£5.1m) and Adults' (£2.4m) social care").
_ITEM = r"[A-Za-z][\w'’-]*\s*\([^()]{1,30}\)"
_BRACKETED_ITEM = re.compile(r"(?P<word>[A-Za-z][\w'’-]*)\s*\([^()]{1,30}\)")
_SHARED_HEAD = re.compile(rf"{_ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM})+\s+"
                          r"(?P<head>[A-Za-z][\w'’-]*(?:\s+(?:and\s+|&\s+)?[A-Za-z][\w'’-]*)"
                          r"{0,3})")
# Words of a label too common in a children's services paper to name one line alone.
_GENERIC = {"children", "child", "young", "people", "social", "family", "familie", "service",
            "council", "early", "other", "general", "management", "support", "additional",
            "central", "directorate", "department", "corporate", "total", "including"}
_SERVICE_WORDS = {"children", "child", "familie", "family", "young", "people", "education",
                  "care", "service", "learning", "skill", "social", "safeguarding"}
# The words of a council's or committee's name that are not its own ("Portsmouth City
# Council" is named "Portsmouth"; "Children's Services Scrutiny Committee" is about
# "Children's Services").
_COUNCIL_FORM = re.compile(r"\b(?:(?:city|county|district|borough|metropolitan|town)\s+)*"
                           r"(?:council|borough council)\b|\b(?:london|royal)\s+borough\s+of\b|"
                           r"\bcity\s+and\s+county\s+of\b|\bcouncil\s+of\s+the\b",
                           re.IGNORECASE)
_COMMITTEE_FORM = re.compile(r"\b(?:overview\s+(?:and|&)\s+scrutiny|overview|scrutiny|select|"
                             r"sub-committee|committee|panel|board|cabinet)\b", re.IGNORECASE)


def report_names(council: str, directorate: str | None, committee: str | None,
                 abbreviations: dict[str, str], scope: str | None = None) -> ReportNames:
    """The report's own names, from report.yaml's council, report.directorate, the meeting's
    committee, abbreviations and budget_scope (``scope``)."""
    narrow = bool(directorate and directorate.strip()) or scope in ("directorate", "service")
    own = [directorate.strip()] if directorate and directorate.strip() else []
    if committee:
        core = " ".join(_COMMITTEE_FORM.sub(" ", committee).split())
        core = re.sub(r"^(?:and|&)\s+|\s+(?:and|&)$", "", core, flags=re.IGNORECASE)
        # "Children's Services" of its committee's name, when it names a service ("Corporate
        # Parenting Panel" names none).
        words = [w for _, _, w in _words(core) if w not in _STOP]
        if len(words) >= 2 and set(words) & _SERVICE_WORDS:
            own.append(core)
    council_names = [council]
    short = " ".join(_COUNCIL_FORM.sub(" ", council).split())
    if short and short.casefold() != council.casefold():
        council_names.append(short)
    # Its initials ("SCC" of Suffolk County Council), unless declared as another's short form.
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’-]*", council))
    if len(initials) >= 3 and initials not in abbreviations:
        council_names.append(initials)
    if scope == "council":  # the directorate and the committee's service are parts of it
        whole, wider = council_names, own
    else:
        whole = own + ([] if narrow else council_names)
        wider = council_names if narrow else []
    return ReportNames(tuple(whole), tuple(wider), tuple(abbreviations.items()), narrow,
                       scope, tuple(council_names))


#: The kind of council a report's council is, from the end of its name ("Sunningdale Parish
#: Council": parish; "Kent County Council": county).
_COUNCIL_KIND = re.compile(r"\b(?P<kind>(?:(?:metropolitan|county)\s+)?borough|town|parish|"
                           r"community|city|county|district|village|neighbourhood)\s+council"
                           # ("St Ives Town Council (Cornwall)": a place said to tell it apart)
                           r"(?:\s*\([^()]*\))?$",
                           re.IGNORECASE)


def _own_kind_noun(council: Sequence[str]) -> re.Pattern[str] | None:
    """The council named by its kind, as its own papers name it: "the Town Council" in a town
    council's report, "this Parish Council", "our Borough Council" (not another kind: "the
    County Council" in a district's report is another body). The capitals make it a name, so
    the plain "the council" pattern (_SCOPE_NOUN) does not take it."""
    kind = next((m for m in (_COUNCIL_KIND.search(c.strip()) for c in council) if m), None)
    if kind is None:
        return None
    words = r"\s+".join(kind["kind"].split())
    return re.compile(rf"\b(?:the|this|our|its|their)\s+(?P<council>{words}\s+council)"
                      r"(?![\w-])(?!['’]?s?\s+(?:area|run|owned|homes?)\b)"
                      r"(?!\s+(?-i:[A-Z]))", re.IGNORECASE)


class _Subjects:
    """Every subject of the figures, as the word patterns that name it in a sentence."""

    def __init__(self, figures: Sequence[Figure], names: ReportNames | None = None) -> None:
        names = names or ReportNames()
        self.names = names
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
        # directorate", "the Portfolio"); so does any other distinctive word of it that no
        # other label has, though less surely ("the overspend on placements").
        heads: dict[str, list[str]] = {}
        parts: dict[str, set[str]] = {}
        for s, forms in self.labels.items():
            content = [w for w in forms[0] if w not in _STOP] if forms else []
            if content and content[-1] not in _MEASURE_NOUNS and \
                    content[-1] not in _NOT_A_HEAD and len(content[-1]) >= 4:
                heads.setdefault(content[-1], []).append(s)
            for w in content:
                parts.setdefault(w, set()).add(s)
        self.heads = {w: ss[0] for w, ss in heads.items() if len(ss) == 1
                      and len(parts.get(w, ())) == 1}
        self.parts = {w: next(iter(ss)) for w, ss in parts.items() if len(ss) == 1
                      and w not in self.heads and len(w) >= 5 and w not in _GENERIC
                      and w not in _MEASURE_NOUNS and w not in _NOT_A_HEAD}
        # The report's own names: the whole, or more than the data.
        self.scope_forms: list[tuple[list[str], str]] = []
        self.guessed_forms: set[tuple[str, ...]] = set()
        for name, subject in [*((n, WHOLE) for n in names.whole),
                              *((n, WIDER) for n in names.wider)]:
            self.scope_forms += [(form, subject) for form in _label_forms(name)]
            if subject == WHOLE and names.guessed(name):
                self.guessed_forms.update(tuple(f) for f in _label_forms(name))
        # Declared short forms: of a label, or of one of the report's names.
        self.abbreviations: list[tuple[re.Pattern[str], str]] = []
        by_form = {tuple(f): s for s, forms in self.labels.items() for f in forms}
        by_form.update({tuple(f): s for f, s in self.scope_forms})
        for short, full in names.abbreviations:
            target = next((by_form[tuple(f)] for f in _label_forms(full) if tuple(f) in by_form),
                          None)
            if target is not None:
                self.abbreviations.append(
                    (re.compile(rf"(?<![\w-]){re.escape(short)}(?![\w-])"), target))

    @staticmethod
    def _pot(sentence: str, x: _Subject | None) -> _Subject | None:
        """The council's name before a pot of money that is not its budget ("the Council's
        reserves", "the council's smoothing fund") names no figure of the data: an amount
        measured against the pot is the pot's (more than the data's), and one taken from or
        paid into it is of nothing the name says. (An amount funded from the council's
        reserves is the council's: the pot's owner pays for it.)"""
        if x is None or not _POT_AFTER.match(sentence, x.end) or \
                _FUNDED_FROM_BEFORE.search(sentence, max(0, x.start - 40), x.start):
            return x
        if _AGAINST_BEFORE.search(sentence, max(0, x.start - 40), x.start):
            return dataclasses.replace(x, subject=WIDER, guessed=False)
        return None

    def _shared_head(self, sentence: str) -> list[_Subject]:
        """Names in a list sharing the noun after it, each with its amount in brackets: "both
        Children's (£5.1m) and Adults' (£2.4m) social care services" names "Children's social
        care services" at "Children's", and "Adults' social care services" at "Adults'"."""
        out: list[_Subject] = []
        for run in _SHARED_HEAD.finditer(sentence):
            items = list(_BRACKETED_ITEM.finditer(run.group(0)))
            head = [w for _, _, w in _words(run["head"])]
            for item in items:
                first = _norm_word(item["word"])
                for s, forms in self.labels.items():
                    if any(len(f) >= 2 and f[0] == first and f[1:] == head[:len(f) - 1]
                           for f in forms):
                        at = run.start() + item.start("word")
                        out.append(_Subject(at, at + len(item["word"]), s))
        return out

    def _in_another_name(self, sentence: str, words: list[tuple[int, int, str]], i: int,
                         label: str) -> bool:
        """Whether the word at ``i`` (one word of ``label``) ends a name of words joined to it
        that are not the label's: "Adult Social Care" is not "Children's Social Care", nor
        "External placements" the line "Residential placements", though each ends in the
        label's last word."""
        own = {w for form in self.labels.get(label, ()) for w in form}
        if i > 0 and words[i - 1][2] == "corporate" and "corporate" not in own:
            return True  # "corporate parent": the council's role, not "Placement with parents"
        j = i - 1
        shared = 0  # the label's own words before it so far ("social" of "adult social care")
        while j >= 0 and not sentence[words[j][1]:words[j + 1][0]].strip():
            w, text = words[j][2], sentence[words[j][0]:words[j][1]]
            if w in _STOP:
                return False
            if w in own:
                shared += 1
                j -= 1
                continue
            # A capitalised word makes another name ("Adult Social Care"; a sentence's first
            # word is capitalised anyway), and so does a noun in place of the label's first
            # words before more of its own ("adult social care" is not "Children's Social
            # Care"); a describing word does not ("the same directorate", "the approved
            # savings programme", "my department" are the label's).
            if text[:1].isupper() and not (
                    j == 0 and not sentence[words[1][0]:words[1][0] + 1].isupper()):
                return True
            return shared > 0 and not _DESCRIBING.fullmatch(w)
        return False

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
                        # Another proper name between the label's words names something
                        # else ("the Council's General Fund revenue budget" is not the line
                        # "Council revenue").
                        # (A short form in brackets is the name's own: "X (XS) services".)
                        other = any(sentence[a:b][:1].isupper() and norm[k] not in content
                                    and norm[k] not in _STOP and sentence[a - 1] != "("
                                    for k, (a, b, _) in enumerate(words[i + 1:last], i + 1))
                        # (An amount between them parts them: "Children's (£5.1m) and
                        # Adults' (£2.4m) social care", see _shared_head.)
                        apart = "£" in sentence[words[i][0]:words[last][1]]
                        if set(norm[i:last + 1]) >= set(content) and not other and not apart:
                            found.append(_Subject(words[i][0], words[last][1], s))
        found += self._shared_head(sentence)
        for s, patterns in self.types.items():
            for p in patterns:
                for m in p.finditer(sentence):
                    found.append(_Subject(m.start(), m.end(), s))
        for p, s in self.abbreviations:
            found.extend(_Subject(m.start(), m.end(), s) for m in p.finditer(sentence))
        if not found:
            for i, w in enumerate(norm):
                named = self.heads.get(w) or self.parts.get(w)
                if named is not None and self._in_another_name(sentence, words, i, named):
                    continue  # "Adult Social Care" is not the line "Children's Social Care"
                if w in self.heads:
                    # Its last word names a line as surely as its whole label, when it is
                    # no count's noun ("care" in "children in care": see Judge.claim).
                    found.append(_Subject(words[i][0], words[i][1], self.heads[w], True))
                elif w in self.parts:
                    found.append(_Subject(words[i][0], words[i][1], self.parts[w], True,
                                          part=True))
        # The report's own scope, where no label of the data is named in the same words.
        scope: list[_Subject | None] = []
        for form, s in self.scope_forms:
            n = len(form)
            for i in at.get(form[0], ()):
                if norm[i:i + n] == form:
                    scope.append(_Subject(words[i][0], words[i + n - 1][1], s,
                                          guessed=tuple(form) in self.guessed_forms))
        scope = [self._pot(sentence, x) for x in scope]
        for m in _GENERAL_FUND.finditer(sentence):
            # The council's own revenue budget: the whole in a council's report, more than
            # the data in a directorate's, the whole by guess where no scope is declared.
            named = self.names.unit_noun("council")
            scope.append(_Subject(m.start(), m.end(), named or WHOLE, guessed=named is None))
        if self.names.scope == "council":
            scope += [_Subject(m.start("name"), m.end("name"), WHOLE)
                      for m in _REVENUE_WHOLE.finditer(sentence)]
            scope += [_Subject(m.start(), m.end(), WHOLE)
                      for m in _ACCOUNT_WHOLE.finditer(sentence)]
        own_kind = _own_kind_noun(self.names.council)
        for m in own_kind.finditer(sentence) if own_kind is not None else ():
            named = self.names.unit_noun("council")  # "the Town Council": the council
            scope.append(self._pot(sentence, _Subject(m.start("council"), m.end(),
                                                      named or WHOLE, guessed=named is None)))
        for m in _SCOPE_NOUN.finditer(sentence):
            noun = m["unit"] or m["council"] or m["wide"]
            named = self.names.unit_noun(noun)
            word = m.start("unit") if m["unit"] else m.start("council") if m["council"] \
                else m.start("wide")
            scope.append(self._pot(sentence, _Subject(word, m.end(), named or WHOLE,
                                                      guessed=named is None)))
        found += [x for x in scope if x is not None and not any(
            f.start < x.end and x.start < f.end for f in found)]
        # Longest first, then drop those inside another.
        found.sort(key=lambda f: (-(f.end - f.start), f.start))
        kept: list[_Subject] = []
        for f in found:
            if not any(k.start <= f.start and f.end <= k.end for k in kept):
                kept.append(f)
        return kept


# ----------------------------------------------------------------- clauses and periods

# A new clause starts at these: its words do not describe the numbers of the one before.
# " and that " opens a second reported clause ("advised that there were 37 savings which
# totalled £8.5m and that the service was on target": the service is the second's subject),
# but not before a verb ("£3.1m was predicted and that has increased to £3.6m": "that" is
# the amount's own subject there).
_AND_THAT = (r",? and that (?!(?:has|have|had|is|was|were|are|will|would|may|might|could|"
             r"should|can)\b)")
_CLAUSE_BREAK = re.compile(r";|,? and the |, and |" + _AND_THAT + r"|,? but |, whilst |, while |"
                           r", whereas |"
                           r",? (?:(?:partly|partially|largely|mainly) )?offset by |"
                           r" rather than |, which compared |, compared (?:to|with) |"
                           r"\b(?:less|more|greater|lower|higher|fewer) than\b"
                           r"(?!\s*(?:£|\d)|\s+(?:the\s+|its\s+)?(?:\w+\s+)?budget|"
                           r"\s+(?:in\s+|at\s+)?(?:the\s+)?(?:last|previous|prior)\s+"
                           r"(?:financial\s+)?(?:year|quarter|month)\b)",
                           re.IGNORECASE)


#: A dash between spaces followed by words in lower case: a clause break when the words before
#: it hold a number (see Sentence.clause_breaks).
#: (Or by a capitalised word that opens a sentence, not a name: "£1,019k adverse variance – For
#: districts of our size, …".)
_DASH_BREAK = re.compile(r"\s[-–—]\s+(?=[a-z]|(?:For|The|This|These|Those|It|Its|In|As|With|"
                         r"However|Although|While|Whilst|A|An|At|On|Our|We|There|That|Which|But|"
                         r"And|Of|Since|Due|Mainly|Largely|Partly)\b)")

#: The clause breaks that join two clauses of one statement: a subject named in the first and
#: none in the second is the second's too.
_COORDINATION = re.compile(r";|,? and the |, and |" + _AND_THAT +
                           r"|,? but |, whilst |, while |, whereas ",
                           re.IGNORECASE)


def _clause(s: Sentence, lit: Literal_) -> tuple[int, int]:
    """Where the clause holding ``lit`` starts and ends."""
    lo, hi = 0, len(s.text)
    for start, end in s.clause_breaks:
        if end <= lit.start:
            lo = end
        elif start >= lit.end:
            hi = min(hi, start)
            break
    return lo, hi


_PERIOD_REF = re.compile(
    r"\b(?:(?:quarter|qtr\.?|q)\s*(?P<q>[1-4]|one|two|three|four)|(?:month|m|period|p)\s*"
    r"(?P<m>1[0-2]|[1-9])|fr\s?(?P<fr>[1-4])|"
    # "the third quarter('s position)": a quarter by its ordinal
    r"(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b", re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "first": 1, "second": 2,
                 "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_PREVIOUS = re.compile(rf"^[\s,]*(?:{vocabulary.PREVIOUS_WORDS})", re.IGNORECASE)
#: An earlier period named in the number's phrase after its measure ("£1 million overspend from
#: the previous year"), or said before it ("it had previously been estimated that ... £4m").
_PREVIOUS_IN_PHRASE = re.compile(rf"^\s*(?:(?!since\b)\w+\s+){{0,3}}?(?<!since )(?<!than )"
                                 rf"(?:{vocabulary.PREVIOUS_WORDS})",
                                 re.IGNORECASE)
#: A sentence (or its clause) opening on an earlier period: "Last year the placements budget
#: overspent by £1.2m", "In the previous quarter, ...", "During the last financial year ...".
_PREVIOUS_OPENING = re.compile(r"^\s*(?:(?:in|during|over|for)\s+)?(?:the\s+)?(?:last|previous|"
                               r"prior)\s+(?:financial\s+)?(?:year|quarter|month)\b[^;:]*$",
                               re.IGNORECASE)
_PREVIOUS_BEFORE = re.compile(r"\bpreviously\s+(?:been\s+)?(?:estimated|forecast|projected|"
                              r"reported|predicted|expected)\b[^.;]*$|"
                              # "The previous forecast at Qtr 2 was an overspend of £1.9m": an
                              # earlier forecast as the clause's subject (not "compared with
                              # the previous forecast, the overspend is …", cut by its comma).
                              r"\b(?:previous|prior|last|earlier)\s+(?:forecasts?|projections?|"
                              r"estimates?|reports?|monitoring)\b(?:[^.;,£]|\.(?=\s*\d))*$",
                              re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = rf"(?P<month>{'|'.join(_MONTHS)})(?:\s+(?P<year>(?:19|20)\d{{2}}))?\b"
#: A month named right after an amount ("forecast at £14m in September"), or a past when-clause
#: dated by one before it ("agreed in November 2024 when the overspend was £8.1m"): the amount
#: is the figure of that month.
_MONTH_AFTER = re.compile(rf"^\s*\)?\s*(?:in|at|as\s+at|during|for)\s+(?:the\s+end\s+of\s+)?"
                          rf"{_MONTH}", re.IGNORECASE)
_MONTH_WHEN_BEFORE = re.compile(rf"\b(?:in|at|during|by)\s+(?:the\s+end\s+of\s+)?{_MONTH},?\s+"
                                rf"when\b[^.;£\d]*$", re.IGNORECASE)
_PERIOD_WHEN_BEFORE = re.compile(
    r"\b(?:in|at|for|by|as\s+at)\s+(?:the\s+end\s+of\s+)?(?:the\s+)?((?:quarter|qtr\.?|q|"
    r"month|period|p)\s*\w+|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b,?\s+"
    r"when\b(?:(?!\b(?:now|currently|since|but|however|whereas|while|whilst)\b)"
    r"(?:[^.;]|\.(?=\d)))*$",
    re.IGNORECASE)
_PERIOD_AT = re.compile(r"\b(?:in|at|for|by|as at|based\s+on)\s+(?:the\s+)?(?:end\s+of\s+)?"
                        r"(?=(?:quarter|q|month|m|period|p|fr)\s*\w|"
                        r"(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\b)",
                        re.IGNORECASE)
#: A year in the number's own phrase: "290 children in 2015", "£3.2m in 2014/15".
_YEAR_IN_PHRASE = re.compile(r"^\s*(?:[A-Za-z'-]+\s+){0,4}?(?:in|at|for|during|by)\s+(?:the\s+)?"
                             r"(?:(?:end|start|beginning)\s+of\s+)?(?:[A-Za-z]+\s+)?"
                             r"((?:19|20)\d{2})\b", re.IGNORECASE)
#: A period's bare label right after an amount, closing its bracket: "(£7.7m Q1)".
_PERIOD_LABEL_AFTER = re.compile(r"^\s*(?:quarter|qtr\.?|q|month|m|period|p)\s*(?:[1-9]|1[0-2]|one|"
                                 r"two|three|four)\s*\)", re.IGNORECASE)
#: Words of a sum over several years, right after its amount ("£45.8m for years 2025 to
#: 2028", "£53m for 2025-28", "£44m across the next three years", "£62.8m over the next three
#: years") or heading its clause before it ("over the next three years the council must save").
_SPAN = (r"(?:(?:over|across|during|in|for)\s+(?:the\s+)?(?:next|coming|last|past|previous|"
         r"following)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+)?"
         r"(?:financial\s+)?(?:years|decade)|(?:for|over|across|between|from)\s+(?:the\s+)?"
         r"(?:financial\s+)?(?:years?\s+)?(?:19|20)\d{2}(?:\s*/\s*\d{2,4})?\s*(?:to|and)\s+"
         r"(?:19|20)\d{2}(?:\s*/\s*\d{2,4})?)")
_YEARS_SPAN = re.compile(rf"^\s*(?:[\w'-]+\s+){{0,3}}?{_SPAN}", re.IGNORECASE)
_YEARS_SPAN_BEFORE = re.compile(rf"(?:^|,\s*|\b(?:and|but)\s+){_SPAN}\b[^,;]*$",
                                re.IGNORECASE)
#: "£53m for 2025-28": a pair of years more than one apart (2025-26 is one financial year).
_YEAR_PAIR = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:for|over|across|in)\s+(?:the\s+)?"
                        r"(?:period\s+|years\s+)?(?:19|20)(?P<a>\d{2})\s*[-–]\s*(?:20)?(?P<b>\d{2})"
                        r"\b(?!\s*/)", re.IGNORECASE)
#: Between a sum over years and its part for one year: "…, with (over) £20m", " - £21.3m".
_PART_GAP = re.compile(r"(?:[-–—,]|\bwith)\s*(?:with\s+)?(?:(?:over|around|about|some|nearly|"
                       r"almost|just over|up to)\s+)?$", re.IGNORECASE)
#: After the part: its one year ("next year", "for next year alone", "in 2025/26").
_PART_OF_YEAR_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:(?:next|this|the\s+first|the\s+"
                                 r"coming)\s+(?:financial\s+)?year\b|(?:in|for|during)\s+"
                                 r"(?:the\s+)?(?:next\s+)?20\d{2}\s*[/-]\s*\d{2}\b)",
                                 re.IGNORECASE)
#: A verb of savings still to be made right before "another £X": "has to find another",
#: "proposals to cut another".
_TO_FIND_BEFORE = re.compile(r"\bto\s+(?:find|make|cut|save|deliver|identify)\s+(?:an?\s+)?"
                             r"(?:extra|another|additional|further)\s+(?:(?:approximately|"
                             r"around|about|some|nearly|almost|over|just over)\s+)?$",
                             re.IGNORECASE)
#: "since 2010", "since April 2010", "since 2010/11": a sum from a year on.
_SINCE_YEAR = re.compile(r"\bsince\s+(?:(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\s+)?(?P<year>(?:19|20)\d{2})\b",
                         re.IGNORECASE)
#: "by 2022", "by March 2027", "by 2026/27" in an amount's own words: what is reached by then.
_BY_YEAR = re.compile(r"^\s*(?:[\w'’-]+\s+){0,6}?by\s+(?:the\s+end\s+of\s+)?(?:(?:January|February|"
                      r"March|April|May|June|July|August|September|October|November|December)"
                      r"\s+)?(?P<year>20\d{2})(?P<fy>\s*[/-]\s*\d{2}(?:\d{2})?)?\b",
                      re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\bto\s+(?:the\s+)?$", re.IGNORECASE)
#: A cause or a place named in lower case ("due to the demand for temporary accommodation",
#: "an underspend of £0.4m on homelessness"): the over- or underspend may be that service's,
#: which the data may not hold, so a sentence with one does not name nothing (_signed_total).
_CAUSE_OR_PLACE = re.compile(r"\b(?:due\s+to|owing\s+to|because\s+of|as\s+a\s+result\s+of|"
                             r"driven\s+by|attributable\s+to|caused\s+by|arising\s+(?:from|in)|"
                             r"mainly|mostly|largely|principally|primarily|chiefly|"
                             r"(?:on|within)\s+(?!(?:track|target|budget|course|time|schedule)\b)"
                             r"(?:the\s+|its\s+|our\s+)?(?-i:[a-z]))", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\bof\s+which\s+$|\bof which\b[^£\d;]{0,60}$", re.IGNORECASE)
#: An amount moved out of a pot: a verb of using or moving right before it ("by utilising up
#: to £9,000 from the Public Realm budget", "transferring £50k from reserves") and the pot
#: right after it. Neither the pot's figure nor the level of what it is moved to.
_MOVED_BEFORE = re.compile(r"\b(?:utili[sz](?:e|es|ed|ing)|us(?:e|es|ed|ing)|tak(?:e|es|en|ing)|"
                           r"took|transfer(?:s|red|ring)?|vir(?:e|es|ed|ing)|draw(?:s|n|ing)?|"
                           r"drew|mov(?:e|es|ed|ing)|reallocat(?:e|es|ed|ing)|releas(?:e|es|ed|"
                           r"ing))\s+(?:up\s+to\s+|some\s+|around\s+|about\s+|approximately\s+)?$",
                           re.IGNORECASE)
_FROM_A_POT_AFTER = re.compile(r"\s+from\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w'’&-]+\s+)"
                               r"{0,4}?(?:budgets?|reserves?|funds?|contingenc(?:y|ies)|"
                               r"underspends?|balances?|provisions?|allocations?)\b",
                               re.IGNORECASE)
_PART_AFTER = re.compile(r"^\s*of\s+which\b", re.IGNORECASE)
#: ... unless another amount follows it: "£639,916 of which £12,114 is a grant" names the
#: first as the whole and the second as its part, as "£639,916, of which £12,114" does.
#: What an amount opening a list item is for: "£5,000 towards flower beds", "£10,000 is
#: allocated to the Day Centre", "£2,000 earmarked for the war memorial" (not "£3m to support
#: X": money given to support is growth, _ALLOCATION_AFTER).
_TOWARDS_AFTER = re.compile(r"\s+(?:(?:(?:is|are|has\s+been|have\s+been|will\s+be)"
                            r"\s+)?(?:allocated|set\s+aside|earmarked|budgeted|provided)\s+"
                            r"(?:to|for|towards)|towards)\s+(?!help\b|support\b|fund\b)",
                            re.IGNORECASE)
_WILL_BEFORE = re.compile(r"\b(?:will|shall|would|is\s+to|are\s+to)\s+(?:also\s+|now\s+)?$",
                          re.IGNORECASE)
_COST_WORD = frozenset({"spend", "weekly_cost", "average_weekly_cost", "annual_cost"})
_A_YEAR_AFTER = re.compile(r"\s*(?:(?:per|a|each|every)\s+(?:year|annum)|annually|p\.?a\.?)\b",
                           re.IGNORECASE)
_BARE_BUDGET = re.compile(r"(?:(?:annual|net|overall|total|final|agreed|approved|revenue)\s+)*"
                          r"budgets?", re.IGNORECASE)
_TAX_BAND = re.compile(r"(?:Band\s+)?[A-H](?![\w'’-])", re.IGNORECASE)
_POINTING = re.compile(r"\b(?:this|these|those|such|each|its\s+own)\b(?!\s+(?:year|financial))",
                       re.IGNORECASE)
_NEW_ITEM = re.compile(r"\b(?:new|additional|extra|further|more)\b", re.IGNORECASE)
_PARTS_NAMED_AFTER = re.compile(r"^\s*of\s+which\s+(?:(?:approximately|around|about|some|"
                                r"over|almost|nearly|only|just(?:\s+(?:over|under))?)\s+)?"
                                r"£\s?\d", re.IGNORECASE)
_OF_THE_AFTER = re.compile(r"^\s+of\s+the\s+$", re.IGNORECASE)
#: A sentence opening on a whole amount and its words, then a comma: "Of the £700k savings
#: target, £437k has been achieved". The words before the comma are the whole's; an amount
#: after it is a part, whose own words (if any) say what part.
_OF_THE_WHOLE_OPENING = re.compile(
    r"^\s*(?:of|out\s+of)\s+(?:the|its|our|this|their|a|an)\s+(?:[\w-]+\s+){0,2}?£\s?[\d.,]+\s*"
    r"(?:k|m|bn|million|billion|thousand)?\b(?P<words>[^,;£\d]{0,80}?),", re.IGNORECASE)
#: A trailing clause of a part ("£24m, of which the cost to us was £9m"): its words are the
#: part's, not the amount's before it.
_PART_CLAUSE = re.compile(r",?\s*(?:of|in)\s+which\b", re.IGNORECASE)
#: After an amount, what it is for ("£2m to close the budget gap"): the purpose's measure word
#: is what the amount is set against, not the amount's own.
_PURPOSE_AFTER = re.compile(r"\s+(?:(?:in\s+order|so\s+as)\s+)?to\s+(?:help\s+)?(?:offset|close|"
                            r"bridge|meet|cover|mitigate|address|fund|balance|plug|reduce)\b",
                            re.IGNORECASE)
#: Words right before an amount that make it an increment ("an extra £4m", "another £2m"): a
#: change, never the measure's own total.
_INCREMENT_BEFORE = re.compile(r"\b(?:extra|another|additional|further)\s+(?:(?:approximately|"
                               r"around|about|some|circa|c\.?|nearly|almost|over|just over|"
                               r"up to)\s+)?$", re.IGNORECASE)
#: After an amount, words that say the names after them are its parts: "£18.7m of savings, a
#: combination of …", "the overspend of £2.9m is made up of …".
_MADE_OF = re.compile(r"[^£\d;.()]{0,40}?\b(?:a\s+combination\s+of|made\s+up\s+of|comprised?\s+"
                      r"of|comprising|consist(?:s|ing)?\s+of|split\s+(?:between|across|into)|"
                      r"broken\s+down\s+(?:as|into|between))\b", re.IGNORECASE)
#: Spending of capital or of reserves: never a revenue budget's spending.
_NOT_REVENUE = re.compile(r"\b(?:capital|reserves?|balances)\b", re.IGNORECASE)
#: A change word that only says an amount is more: "spend a further £8.4m", "cost an additional".
_INCREMENT_WORD = re.compile(r"(?:further|additional|extra|another)", re.IGNORECASE)
#: An amount opening its sentence as "A further", "Another": a next item (or an increment).
_OPENING_INCREMENT = re.compile(rf"[-*•·–\s]*(?:an?\s+)?{_INCREMENT_WORD.pattern}\s*",
                                re.IGNORECASE)
#: "spend £48,000 more a week": after the amount, a difference from some other amount, not
#: the measure's level (unless a change word claims it; "£2m less than the budget" is the
#: variance, read by its own words).
_INCREMENT_AFTER = re.compile(r"\s+(?:more|less|extra)\b(?!\s+than\b)", re.IGNORECASE)
#: "… and a further £82m", "… with a further £4.7m": a next item of the amounts before it.
_FURTHER_ITEM_BEFORE = re.compile(r"(?:,\s*|\s+)(?:and|with|plus)\s+(?:a|an)\s+(?:further|"
                                  r"additional)\s+(?:(?:approximately|around|about|some|"
                                  r"circa|c\.?|nearly|almost|over|just over)\s+)?$",
                                  re.IGNORECASE)
#: A verb that moves a measure, its object, then "by" right before the amount: "bring down the
#: council's projected overspend by £2.3m", "pushed up the overspend by £1m".
_MOVED_BY = re.compile(r"\b(?P<verb>(?P<down>(?:bring|bringing|brought|drive|driving|drove|"
                       r"driven|push|pushing|pushed)\s+down|(?:reduce|reduced|reducing|cut|"
                       r"cutting|lower|lowered|lowering))|(?:bring|bringing|brought|drive|"
                       r"driving|drove|driven|push|pushing|pushed)\s+up|(?:increase|increased|"
                       r"increasing|raise|raised|raising))\s+(?:the\s+|its\s+|our\s+|their\s+)"
                       r"[^£\d.;]{0,80}?\bby\s+(?:(?:approximately|around|about|some|over|"
                       r"nearly|almost|just over)\s+)?$", re.IGNORECASE)
#: Words that make a cost one child's: "of looking after a young person", "per child".
_ONE_CHILD = re.compile(r"\b(?:look(?:ing)?\s+after|car(?:e|ing)\s+for|plac(?:e|ing)|"
                        r"support(?:ing)?|keep(?:ing)?)\s+(?:a|one|each)\s+(?:young\s+person|"
                        r"child)\b|\bper\s+(?:child|young\s+person|placement)\b",
                        re.IGNORECASE)
#: Words for a kind of care: a one child's cost naming one of them, but no placement type of
#: the data, is of a kind the data do not name (not the average over all).
_KIND_OF_CARE = re.compile(r"\b(?:foster\w*|carers?|homes?|residential|placements?|kinship|"
                           r"adopt\w*|semi-independent|supported\s+(?:living|accommodation)|"
                           r"secure)\b", re.IGNORECASE)
_ONE_CHILDS = {"annual_cost": "average_annual_cost", "weekly_cost": "average_weekly_cost"}
#: A bracket holding just the amount ("reserves (£3m)"): it is the amount of the words before
#: the bracket, and the words after the bracket are not its.
_BRACKET_CLOSE = re.compile(r"[^()£\d]{0,25}\)")
_CHANGE_GOVERNS = re.compile(r"^\s*(?:(?:from|since|on)\s+[^£\d,]{0,30}?\s*|"
                             r"in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+|"
                             # "an improvement in the forecast outturn position of £120k"
                             r"in\s+(?:the\s+|its\s+|our\s+)?(?:(?!(?:to|from|by)\b)[\w'’&-]+\s+)"
                             r"{3,5}(?=of\b))?(?:of|by)?\s*"
                             r"(?:(?:approximately|around|about|some|just over|just under|"
                             r"over|under|nearly|almost|c)\s+)?$",
                             re.IGNORECASE)
#: "<noun> of £X": the noun the amount is of ("the allocation of £5 million").
_HEAD_OF_BEFORE = re.compile(r"\b([A-Za-z][a-z-]+)\s+of\s+(?:(?:approximately|around|about|"
                             r"some|circa|c\.?|just over|over|just under|under|up to|nearly|"
                             r"almost)\s+)?$")
_PHRASE_END = re.compile(r"[,;:(]|\s(?:and|but|whilst|while|which|although)\s|"
                         r"\s[-–—]\s+(?-i:(?=[a-z]))", re.IGNORECASE)
#: After a number, words that say it has changed since: an earlier value, not the data's.
_SUPERSEDED_AFTER = re.compile(r"^[^.;£\d]*\b(?:but|although|however|since when)\s+(?:this|it|"
                               r"that|the (?:figure|number|total))\s+(?:has|had|have)\s+"
                               r"(?:since\s+|now\s+)?(?:de|in)creased\b", re.IGNORECASE)
#: After an amount, words that say it was added to or moved from something: a change.
_ADDED_AFTER = re.compile(r"^\s+(?:(?:has|have|had|was|were|is|are|will|would|to)\s+)?"
                          r"(?:(?:been|be)\s+)?(?:put|added|invested|injected|allocated|"
                          r"transferred|moved|vired|released)\s+(?:in|into|to|from)\b",
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
#: After a number, words that list what it includes: a name there is a part of it, not what it
#: is of ("an overspend of £1.5m, which included the Home to School Transport grant").
_INCLUDES_AFTER = re.compile(r",?\s*\(?\b(?:(?:which|that)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?"
                             r"(?:includ|incorporat|compris)\w*|including|inclusive of)\b",
                             re.IGNORECASE)
#: After a number, words that give a cause: a name there may be the whole's main part or the
#: subject itself ("an overspend of £2m, mainly due to transport"), so it only suggests it.
_CAUSE_AFTER = re.compile(r"\b(?:due to|driven by|because of|as a result of|caused by|"
                          r"arising from|reflecting|mainly|largely|primarily|predominantly|"
                          r"partly|principally|mostly)\b", re.IGNORECASE)
#: A financial year named in a sentence: "2019/20", "2019-20", "2019/2020".
_FINANCIAL_YEAR = re.compile(r"\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b")
#: "by £1.2m to": the amount after "to" is where the movement took the measure.
_BY_AMOUNT_TO = re.compile(r"\bby\s+(?:£\s?)?[\d.,]+\s*(?:m|k|bn|million|billion|thousand)?"
                           r"\s+to\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
#: Between two amounts of a list: a separator, then the next item's name and "of" ("£1.2m,
#: Adoption & Fostering of £1.5m", "£0.4m; and Transport (£0.2m").
_LIST_GAP = re.compile(r"\s*\)?\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)"
                       r"(?P<item>(?:the\s+)?[^£\d;.()]{2,80}?)\s*(?:of|at|:|\(|-|–|was|is|"
                       r"were)?\s*(?:\(\s*)?$", re.IGNORECASE)
#: A list's next item whose name a relative clause describes before its amount in brackets
#: ("… (£0.234m) and NHS out of area placements for people whose needs cannot be met locally
#: (£0.231m)"): the clause is the item's, however long (fix round 8).
_LIST_GAP_RELATIVE = re.compile(
    r"\s*\)?\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)(?P<item>(?:the\s+)?[^£\d;.()]{2,80}?"
    r"\s+(?:(?:for|of)\s+(?:[\w'’-]+\s+){1,3}?)?(?:whose|who|which|that|where)\s+"
    r"[^£\d;.()]{2,140}?)\s*\(\s*$", re.IGNORECASE)
#: Between two amounts each in brackets, the next item's words, however long ("… (£1.001m),
#: services to support people with a learning disability (£0.551m) and in services to support
#: older people and people with a physical or sensory disability (£0.563m)"): the brackets
#: mark where each item ends (fix round 8).
_LIST_GAP_BRACKETED = re.compile(
    r"\s*\)\s*(?:,\s*(?:and\s+)?|;\s*(?:and\s+)?|\s+and\s+)(?P<item>(?:the\s+)?"
    r"[^£\d;.()]{2,160}?)\s*\(\s*$", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:whose|who|which|that|where)\b", re.IGNORECASE)
#: Right after an amount, the start of a comparison ("£1.5m more than ...").
_COMPARED_AFTER = re.compile(r"\s+(?=(?:more|less|higher|lower|greater)\s+than\b|above\b|"
                             r"below\b)", re.IGNORECASE)
#: Capitalised words that name no part of a budget (meetings, people's roles, periods,
#: references): any other capitalised word after a sentence's first may name a service the
#: data lack ("the Highways revenue budget").
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_PLAIN_CAPITALS = frozenset((
    "cabinet", "council", "committee", "members", "member", "officers", "officer", "leader",
    "mayor", "councillor", "councillors", "cllr", "director", "executive", "chief", "chair",
    "portfolio", "holder", "finance", "quarter", "q1", "q2", "q3", "q4", "one", "two", "three",
    "four", "month", "period", "appendix", "annex", "table", "page", "paragraph", "section",
    "report", "i", "it", "the", "this", "there", "he", "she", "they", "we", "a", "an", "in",
    "at", "as", *_MONTHS))
_TITLE_BEFORE = re.compile(r"\b(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Dr)\.?\s+$")
#: "The Borough Council", "the County Council": the council itself, by its kind.
_COUNCIL_TYPE = re.compile(r"(?:City|County|District|Borough|Metropolitan|Town|Unitary)\s+"
                           r"(?:(?:City|County|District|Borough|Metropolitan|Town)\s+)?Council\b")
#: A saving as a single noun ("a saving of £26,144"), not a savings programme's measure word.
_SAVING_NOUN = re.compile(r"(?:(?:net|small|further|one-off|ongoing|overall)\s+)*savings?",
                          re.IGNORECASE)
_AND_AN = re.compile(r"\s+and\s+an?\s+", re.IGNORECASE)
#: After an amount, the preposition that names what it is of ("£762,000 in Worthing").
_NAMED_AFTER = re.compile(r"\s+(?:in|on|for|within|across)\s+(?:the\s+)?", re.IGNORECASE)
#: Between two amounts, or two names, of a series: "£0.3m and £0.2m", "A, B and the C".
_SERIES_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
#: "has increased to £3.6m": the amount is the measure's new value, not a change.
_CHANGED_TO = re.compile(r"\b(?:increased|risen|rose|grown|grew|reduced|fallen|fell|decreased|"
                         r"dropped|moved|changed|gone up|gone down|improved|deteriorated|"
                         # "the budget will rise to £457m"
                         r"(?:will|would|to|is\s+set\s+to)\s+(?:rise|increase|grow|fall|drop|"
                         r"decrease|reduce))\s+"
                         r"(?:(?:further|slightly|again)\s+)?to\s+(?:the\s+|a\s+)?$",
                         re.IGNORECASE)
#: A change word that introduces the number: a period named after it is the change's start
#: ("an increase of £238k on the position projected at Quarter 1").
_CHANGE_OF_BEFORE = re.compile(r"\b(?:increase|rise|reduction|decrease|fall|improvement|"
                               r"deterioration|movement|change)\s+of\s+(?:(?:just\s+)?"
                               r"(?:under|over)\s+|approximately\s+|around\s+|about\s+)?$",
                               re.IGNORECASE)
_AGAINST_BUDGET_AFTER = re.compile(
    r"\s+(?:(?:is|was|are|were|being|forecast|projected|expected|predicted|likely|currently|"
    r"now)\s+){0,3}(?:to\s+be\s+)?(?:(?P<over>above|over|more than|higher than|greater than|"
    r"in excess of)|(?P<under>below|under|less than|lower than))\s+"
    r"(?:the\s+|its\s+|their\s+|our\s+)?"
    # the budget's own amount may stand before it: "spend £22.3m over its £688.1m budget"
    r"(?:£\s?[\d.,]+\s*(?:m|k|bn|mn|million|billion)?\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:budget|cash limit)s?\b",
    re.IGNORECASE)
_REPORTED_IN_MONTH = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:reported|forecast|projected|predicted|estimated)\s+(?:in|at|to|for)\s+"
    r"(?:the\s+)?(?:(?:end\s+of|start\s+of)\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b", re.IGNORECASE)
#: Right after a number, a name of its own that is none of the data's ("an overspend of £121k
#: for the Housing Revenue Account"); not a period ("at Quarter Three").
# (Also after the amount's own measure noun, and a short form in capitals: "a £314k underspend
# for the HRA", beside "a £65k underspend for the General Fund": the other fund's.)
_UNKNOWN_NAME_AFTER = re.compile(r"\s+(?:(?:(?:forecast|projected|net|in-year|adverse|"
                                 r"favourable)\s+)*(?:over[- ]?spend|under[- ]?spend|variance|"
                                 r"deficit|surplus|pressure|budget|saving)s?\s+)?"
                                 r"(?:for|on|within|in)\s+(?:the\s+)?"
                                 # (its owner first: "on the Council's Place and Prosperity
                                 # Service")
                                 r"(?:(?:Council|Authority|council|authority)['’]s\s+)?"
                                 r"(?P<name>(?!(?:Quarter|Month|Period|(?:Net\s+)?(?:Revenue\s+)?Budget)\b)"
                                 r"(?:[A-Z][a-z]+(?:\s+(?:and\s+|&\s+|of\s+)?"
                                 r"[A-Z][a-z]+)+|[A-Z]{2,6}\b(?![-'])))")
#: Before a name, words that make it the frame of the sentence ("In terms of the General Fund",
#: "With regard to the revenue budget"), with at most two words between ("General Fund revenue
#: expenditure").
#: At the head of the sentence only, after at most a short opening phrase ("At the quarter 2
#: stage, in terms of …"): "Members asked regarding the Council's …" frames nothing.
_FRAME_BEFORE = re.compile(r"\s*(?:[^,;£]{0,40},\s*)?(?:in\s+terms\s+of|with\s+(?:regard|"
                           r"respect)\s+to|in\s+respect\s+of|as\s+regards|regarding)\s+"
                           r"(?:the\s+|its\s+|our\s+)?(?:[\w'’-]+\s+){0,2}", re.IGNORECASE)
#: Funds of a council that are not its budget for services: an amount of theirs is none of a
#: General Fund's or directorate's figures.
_OTHER_FUND = re.compile(r"\b(?:Housing\s+Revenue\s+Account|(?-i:HRA)|Collection\s+Fund)\b",
                         re.IGNORECASE)
#: The capital programme's own variance ("a projected capital underspend of £186,000"): no
#: revenue figure.
_CAPITAL = re.compile(r"\bcapital\s+(?:programme|(?:(?:forecast|projected|net)\s+)?"
                      r"(?:under|over)[- ]?spend)\b", re.IGNORECASE)
#: After an amount, the month it is forecast for ("£9.6 million by the end of March 2025").
_BY_MONTH_AFTER = re.compile(rf"^\s*(?:(?:in|at|by)\s+)(?:the\s+end\s+of\s+)?{_MONTH}",
                             re.IGNORECASE)
#: A forecast's words, and the budget position it forecasts (Judge._year_end_forecast).
_FORECAST_WORD = re.compile(r"\b(?:forecast\w*|project(?:ed|ing|ion)|predict\w*|expected|"
                            r"anticipated|estimated)\b", re.IGNORECASE)
_POSITION_WORD = re.compile(r"\b(?:over[- ]?spen\w*|under[- ]?spen\w*|deficit|surplus|"
                            r"variance|outturn)\b", re.IGNORECASE)
#: A list item of a monitoring paper: a name, then what moved (less or more income or cost) and
#: a dash or colon right before the amount ("car parking reduced income - £1,133,500;").
_MOVED_ITEM = re.compile(r"^\s*(?:[-*•·]\s*)?(?:\(?[a-z0-9ivx]{1,4}[).]\s*)?"
                         r"[A-Za-z][^£\d;:]{1,80}?\s"
                         r"(?P<dir>reduced|reduction|lower|decreased|increased?|higher)\s+"
                         r"(?P<what>income|fees|receipts|costs?|expenditure)\s*[-–—:]\s*",
                         re.IGNORECASE)
#: After an amount, a verb of result and the article of its object ("resulting in a", "giving an",
#: "to give an overall", "leading to a"): what follows is what the amount gives, not its measure.
_RESULT_AFTER = re.compile(r"\b(?:(?:which|that)\s+(?:has\s+|have\s+|will\s+|would\s+)?)?"
                           r"(?:result(?:s|ed|ing)?\s+in|giv(?:e|es|ing)|gave|lead(?:s|ing)?\s+to|"
                           r"led\s+to|produc(?:e|es|ed|ing))\s+(?:an?|the)\b", re.IGNORECASE)
_UNKNOWN_NAME = re.compile(r"\b(?:for|on|at|within)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def _period_ref(text: str) -> tuple[str, int] | None:
    m = _PERIOD_REF.search(text)
    if not m:
        return None
    if m["q"] or m["fr"] or m["qo"]:
        q = m["q"] or m["fr"] or m["qo"]
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
class Claim:
    figure: Figure | None  # the figure the words claim the number is; None when ambiguous
    candidates: list[Figure]
    evidence: list[tuple[int, int]]  # spans of the words that decided, for the quote
    # Whether the sentence's own words make the claim: its clause names the figure's subject
    # (or an aggregate, or the one figure the data have of that measure) with the measure word
    # near the number. A claim read from the total, a subject named earlier, a label's last
    # word or a distant measure word is inferred: a disagreement is worth a warning, not an
    # error that stops the render.
    explicit: bool = True
    # The direction the words give (+1 an overspend, -1 an underspend) when the figure claimed
    # has the other: the sentence is wrong whatever its amount.
    direction: int = 0
    sign: int = 0  # the sign the measure word gives (+1 overspend, increase; -1 the reverse)


def _distance(span: tuple[int, int], lit: Literal_) -> float:
    """Characters between a word and the number; a word after its number counts double."""
    start, end = span
    if end <= lit.start:
        return float(lit.start - end)
    if start >= lit.end:
        return 2.0 * (start - lit.end)
    return 0.0


def _blocked(starts: Sequence[int], lit: Literal_, span: tuple[int, int]) -> bool:
    """Whether another number (``starts``: the sorted starts of those that block) stands
    between the number and a word."""
    lo, hi = sorted((lit.start, span[0]))
    i = bisect.bisect_right(starts, lo)
    return i < len(starts) and starts[i] < hi


@dataclass
class Sentence:
    text: str
    lits: list[Literal_]
    subjects: list[_Subject]
    mentions: dict[str, list[_Mention]]
    # The subjects an earlier sentence of the paragraph (or a heading over it) names: a
    # sentence naming none is about them ("Children's social care ... It had previously been
    # estimated that the annual overspend would be £4m").
    earlier: frozenset[str] = frozenset()

    @property
    def after_named(self) -> bool:
        return bool(self.earlier)

    @functools.cached_property
    def own_phrases(self) -> dict[int, tuple[int, int]]:
        """For each number (by where it starts), the words right after it that describe it:
        up to a comma, a semicolon, "and", "but" or the next number."""
        out: dict[int, tuple[int, int]] = {}
        ordered = sorted(self.lits, key=lambda o: o.start)  # numbers never overlap
        for lit, nxt in zip(ordered, [*ordered[1:], None], strict=True):
            hi = nxt.start if nxt is not None else len(self.text)
            stop = _PHRASE_END.search(self.text, lit.end, hi)
            end = stop.start() if stop else hi
            made = _MADE_OF.match(self.text, lit.end, end)
            # ("£2.9m is a combination of X (£1.9m) …": X is a part's name, not the whole's)
            out[lit.start] = (lit.end, made.end() if made else end)
        return out

    @functools.cached_property
    def clause_breaks(self) -> list[tuple[int, int]]:
        found = [m.span() for m in _CLAUSE_BREAK.finditer(self.text)
                 if not self._heading_before(m.start())]
        # A spaced dash after a clause holding a number of its own, before words, starts
        # another clause ("around £100,000 per year - cost for a foster carer is around
        # £26,000"); one before the number is a label's ("Fostering – £1.5m").
        for m in _DASH_BREAK.finditer(self.text):
            start = max((b for _, b in found if b <= m.start()), default=0)
            if any(start <= o.start and o.end <= m.start() for o in self.lits):
                found.append(m.span())
        found.extend(self._next_item_breaks(found))
        return sorted(found)

    def _next_item_breaks(self, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"… of £154k and an overspend in Y of £548k": after an amount, "and a"/"and an"
        opening a measure word of its own starts the next item, whose words are not the
        amount's (not "and a further £82m on X", which goes on with the amount's verb)."""
        out: list[tuple[int, int]] = []
        for m in _AND_AN.finditer(self.text):
            start = max((b for _, b in found if b <= m.start()), default=0)
            if not any(o.kind == "money" and start <= o.start and o.end <= m.start()
                       for o in self.lits):
                continue
            if any(not x.weak and "change" not in x.measures and 0 <= x.start - m.end() <= 25 and
                   not re.search(r"[£\d]", self.text[m.end():x.start])
                   for x in self.mentions["money"]):
                out.append(m.span())
        return out

    def _heading_before(self, at: int) -> bool:
        """Whether the sentence opens with just a name up to ``at`` ("Dedicated Schools Grant
        (DSG); forecast a £8.6m in-year deficit"): a heading of what follows, not a clause."""
        if self.text[at:at + 1] != ";":
            return False
        rest = list(self.text[:at])
        names = [x for x in self.subjects if x.end <= at and x.subject not in SCOPES]
        for x in names:
            rest[x.start:x.end] = " " * (x.end - x.start)
        left = re.sub(r"\([^()]{1,30}\)|\bthe\b", " ", "".join(rest), flags=re.IGNORECASE)
        return bool(names) and not left.strip(" -–—:")

    @functools.cached_property
    def period_refs(self) -> list[tuple[int, int]]:
        """Where the sentence names a quarter or month ("Qtr 2"): its number is no amount
        standing between another number and its words."""
        return [m.span() for m in _PERIOD_REF.finditer(self.text)]

    @functools.cached_property
    def years(self) -> list[re.Match[str]]:
        """The financial years the sentence names ("2019/20"), in order."""
        return list(_FINANCIAL_YEAR.finditer(self.text))

    @functools.cached_property
    def _lists(self) -> dict[int, tuple[Literal_, tuple[int, int]]]:
        """For each amount that is an item of a list ("X of £a, Y of £b and Z of £c"): the
        list's first amount and the span of the item's own words (from the end of the amount
        before it)."""
        out: dict[int, tuple[Literal_, tuple[int, int]]] = {}
        money = [o for o in sorted(self.lits, key=lambda o: o.start) if o.kind == "money"]
        for a, b in itertools.pairwise(money):
            gap = _LIST_GAP.match(self.text, a.end, b.start) or \
                _LIST_GAP_RELATIVE.match(self.text, a.end, b.start) or \
                _LIST_GAP_BRACKETED.match(self.text, a.end, b.start)
            if gap is None or not any(gap.start("item") <= x.start and
                                      x.end <= gap.end("item") for x in self.subjects):
                continue
            if any(not m.weak and gap.start("item") <= m.start and m.end <= gap.end("item")
                   for m in self.mentions["money"]):
                continue  # an item with a measure word of its own is no bare list item
            head = out[a.start][0] if a.start in out else a
            if a.start not in out:
                # The first item's words: from the name nearest before its amount.
                item_lo = max((o.end for o in money if o.end <= a.start), default=0)
                item_lo = max((x.start for x in self.subjects
                               if item_lo <= x.start and x.end <= a.start), default=item_lo)
                out[a.start] = (a, (item_lo, a.start))
            out[b.start] = (head, (gap.start("item"), b.start))
        self._lists_named_after(money, out)
        return out

    def _lists_named_after(self, money: list[Literal_],
                           out: dict[int, tuple[Literal_, tuple[int, int]]]) -> None:
        """Items named after their amounts ("overspends of £58,000 in Adur and £762,000 in
        Worthing", "£1.2m on X, £0.4m on Y"): each amount is of the name right after it, and
        the list's words before its first amount are every item's."""
        names = [x for x in self.subjects if not x.part]

        def named(o: Literal_) -> tuple[int, int] | None:
            m = _NAMED_AFTER.match(self.text, o.end)
            if m is None:
                return None
            x = next((x for x in names if x.start == m.end()), None)
            if x is not None:
                return o.end, x.end
            place = _PLACE_AFTER.match(self.text, o.end)  # a name the data do not hold
            return (o.end, place.end()) if place is not None else None

        for a, b in itertools.pairwise(money):
            if b.start in out:
                continue
            mine, theirs = named(a), named(b)
            if mine is None or theirs is None or \
                    not _SERIES_GAP.fullmatch(self.text, mine[1], b.start):
                continue
            head = out[a.start][0] if a.start in out else a
            out.setdefault(a.start, (a, mine))
            out[b.start] = (head, theirs)

    @functools.cached_property
    def respective(self) -> dict[int, tuple[_Subject, bool, Literal_]]:
        """Amounts listed together and names listed together in one clause, as many of each,
        bound in order ("overspends of £0.3m and £0.2m for Fostering and Adoption"): for each
        amount (by where it starts) its name, whether "respectively" says so, and the first
        amount of the series."""
        out: dict[int, tuple[_Subject, bool, Literal_]] = {}
        money = [o for o in sorted(self.lits, key=lambda o: o.start) if o.kind == "money"]
        runs: list[list[Literal_]] = []
        for o in money:
            if runs and _SERIES_GAP.fullmatch(self.text, runs[-1][-1].end, o.start):
                runs[-1].append(o)
            else:
                runs.append([o])
        names = sorted((x for x in self.subjects if x.subject not in SCOPES and not x.part),
                       key=lambda x: x.start)
        for run in runs:
            if len(run) < 2:
                continue
            lo, hi = _clause(self, run[0])[0], _clause(self, run[-1])[1]
            # The names' series starts in the amounts' clause and runs on from name to name
            # ("… for Fostering and the Adoption Service": its "and the" is no new clause).
            after = [x for x in names if run[-1].end <= x.start]
            after = after[:len(run)] if after and after[0].end <= hi else []
            before = [x for x in names if lo <= x.start and x.end <= run[0].start][-len(run):]
            for chain in (after, before):
                if len(chain) == len(run) and len({x.subject for x in chain}) == len(run) and \
                        all(_SERIES_GAP.fullmatch(self.text, a.end, b.start)
                            for a, b in itertools.pairwise(chain)):
                    hi = max(hi, chain[-1].end)
                    sure = bool(re.search(r"\brespectively\b",
                                          self.text[lo:chain[-1].end + 20], re.IGNORECASE))
                    out.update({o.start: (x, sure, run[0])
                                for o, x in zip(run, chain, strict=True)})
                    break
        return out

    def list_head(self, lit: Literal_) -> Literal_:
        """The first amount of the list ``lit`` is an item of (itself when in none)."""
        found = self._lists.get(lit.start)
        return found[0] if found is not None else lit

    def list_item(self, lit: Literal_) -> tuple[int, int] | None:
        """Where the words of ``lit``'s own list item are, when it is one."""
        found = self._lists.get(lit.start)
        return found[1] if found is not None else None

    @functools.cached_property
    def word_after_count(self) -> dict[int, Literal_]:
        """Where the first word after each count starts, and the count."""
        out: dict[int, Literal_] = {}
        for o in self.lits:
            if o.kind == "count":
                rest = self.text[o.end:]
                out[o.end + len(rest) - len(rest.lstrip())] = o
        return out


#: A council named by its own name ("Worthing Borough Council", "Adur District Council").
_COUNCIL_NAME = re.compile(r"\b(?:in|for|of|at|by|to)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+)"
                           r"{1,4}(?:(?:Borough|District|City|County|Town|Parish|Metropolitan)"
                           r"\s+)?Council)(?![\w'’])")
#: Right after an amount, "in" or "for" and a place's name ("£762,000 in Worthing").
_PLACE_AFTER = re.compile(r"\s+(?:in|for)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\b")


#: A surplus or deficit that was planned: a budgeted net result ("the budgeted surplus of
#: £516,000", "against the planned deficit of £292k"). (Not "a budget deficit", "an expected
#: or estimated deficit": the year's forecast position against its budget, its overspend.)
_PLANNED_NET = re.compile(r"\b(?:budgeted|planned|approved|original|targeted)\s+(?:(?:net|"
                          r"in[- ]year|year[- ]end|general\s+fund|operating)\s+)?"
                          r"(?:surplus|deficit)\b", re.IGNORECASE)
_NET_RESULT = re.compile(r"\b(?:surplus|deficit)\b", re.IGNORECASE)
#: Right after an amount, how it moves a surplus or deficit from the planned one.
_PLANNED_NET_AFTER = re.compile(
    r"\s+(?:(?P<up>above|more\s+than|higher\s+than|greater\s+than|over|increase|rise)|"
    r"(?P<down>below|less\s+than|lower\s+than|under|short\s+of|decrease|reduction|fall)|"
    r"(?P<better>better\s+than|improvement)|(?P<worse>worse\s+than|deterioration))"
    r"\s+(?:(?:against|on|compared\s+(?:to|with)|from|in)\s+)?(?:the\s+|its\s+|our\s+)?"
    + _PLANNED_NET.pattern, re.IGNORECASE)


def _against_a_planned_net(s: Sentence, lit: Literal_) -> _Mention | None:
    """An amount by which a surplus or deficit differs from the planned one ("£262,000 above
    the budgeted surplus", "a £185k decrease against the planned deficit"): the variance from
    the budget, favourable for more surplus or less deficit, adverse for the reverse."""
    m = _PLANNED_NET_AFTER.match(s.text, lit.end)
    if m is None:
        return None
    deficit = m.group(0).lower().rstrip().endswith("deficit")
    if m["better"] or m["worse"]:
        sign = -1 if m["better"] else 1
    else:
        sign = (1 if m["up"] else -1) * (1 if deficit else -1)
    return _Mention(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(),
                    frozenset({"variance"}), sign)


#: What pays for an amount: "to be funded from the forecasted underspend", "met from the
#: contingency budget", "financed by savings" (its source, not its measure).
_SOURCE_BEFORE = re.compile(r"\b(?:funded|met|covered|financed|paid\s+for)\s+(?:(?:in\s+part|"
                            r"partly|fully|wholly|largely)\s+)?(?:from|using|through|by|out\s+of)"
                            r"\s+(?:(?:the|its|our|their|this|that|an?)\s+)?"
                            r"(?:[\w'’/-]+\s+){0,3}$", re.IGNORECASE)


def _a_source(s: Sentence, lit: Literal_, mention: _Mention) -> bool:
    """Whether the measure word after the amount names what pays for it ("a new budget of
    £75,000 for a music event, to be funded from the forecasted underspend"): the source of
    the money is another amount's measure, never this one's."""
    return mention.start >= lit.end and bool(_SOURCE_BEFORE.search(
        s.text, max(lit.end, mention.start - 60), mention.start))


_NEW_BUDGET_BEFORE = re.compile(r"\b(?:(?:new|separate|dedicated|specific|additional|one[- ]off|"
                                r"supplementary|"
                                r"ring[- ]?fenced)\s+|(?:creat(?:e|es|ed|ing|ion)|"
                                r"establish(?:es|ed|ing|ment)?|set(?:ting)?\s+up)\s+(?:of\s+)?"
                                r"(?:an?\s+)?(?:new\s+)?)$", re.IGNORECASE)


def _new_budget(s: Sentence, mention: _Mention) -> bool:
    """Whether the measure word is a budget said to be new ("the creation of a new budget of
    £75,000 for a music event", "a dedicated budget of £40k"): an item's own budget, which may
    be a named line's but is never the whole's."""
    return mention.measures == {"budget"} and bool(_NEW_BUDGET_BEFORE.search(
        s.text, max(0, mention.start - 40), mention.start))


#: Money given to something ("an allocation to", "funding for", "allocated to"): the words
#: just before a name (Judge._given_to_a_line).
_GIVEN_TO = re.compile(r"\b(?:(?:(?:base|core|annual|total|revenue|net|recurring|baseline)\s+)?"
                       r"(?:allocations?|funding|contributions?|payments?)\s+(?:to|for|into)|"
                       r"(?:allocated|given|paid|passed|delegated|passported)\s+(?:on\s+)?"
                       r"(?:to|for))\s+(?:the\s+|its\s+|our\s+)?", re.IGNORECASE)


#: A verb by which spending (or income) passes its budget or estimate, and the amount it passes
#: it by: "would exceed the budget by £1.5m", "would increase from the approved budget by a total
#: of £188,220", "fell short of the estimate by £0.2m", "had been underestimated by £72,000".
_BUDGET_OBJECT = (r"(?:the\s+|its\s+|their\s+|our\s+|this\s+)?(?:(?:approved|original|revised|"
                  r"agreed|current|annual|net|set|latest|full[- ]year|base)\s+){0,2}"
                  r"(?:budget(?:ed\s+(?:figure|amount|level|position|sum))?|estimates?|"
                  r"cash\s+limit)")
_PASSED_BY_BEFORE = re.compile(
    r"\b(?:(?P<up>exceed(?:s|ed|ing)?|overr(?:un|an|uns|unning)|overshot|"
    r"(?:go(?:es|ing)?|went|gone)\s+over|(?:increas(?:e|es|ed|ing)|r(?:ise|ises|ose|isen|ising))"
    r"\s+(?:from|above|over|on))|(?P<down>(?:f(?:all|alls|ell|allen|alling))\s+(?:below|short\s+of)|"
    r"undershot|(?:reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing))\s+(?:from|below|on))|"
    r"(?P<est>(?P<under>under|over)-?(?:estimated|budgeted|stated)))\s+"
    r"(?:(?<=estimated\s)|(?<=budgeted\s)|(?<=stated\s)|" + _BUDGET_OBJECT + r"\s+)"
    r"(?:(?:for|in|during|at|by)\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}?)?"
    r"by\s+(?:a\s+total\s+of\s+|(?:approximately|around|about|some|nearly|almost|c\.?)\s+)?$",
    re.IGNORECASE)
_INCOME = re.compile(r"\b(?:income|receipts?|fees|charges|rents?|revenues?\s+from|takings|"
                     r"yield)\b", re.IGNORECASE)


def _passed_its_budget_by(s: Sentence, lit: Literal_, lo: int) -> _Mention | None:
    """An amount by which spending passes its budget or estimate ("would exceed the budget by
    £1.5m", "would increase from the approved budget by a total of £188,220", "fell below the
    budget by £0.2m"): the variance, adverse when spending passes it; income passing its budget
    is favourable, and income underestimated is more than budgeted (favourable), spending
    underestimated more than budgeted (adverse). An estimate said wrong of neither income nor
    spending says no direction, so no variance is read."""
    m = _PASSED_BY_BEFORE.search(s.text, max(lo, lit.start - 160), lit.start)
    if m is None:
        return None
    clause = s.text[max(lo, m.start() - 120):m.start()]
    income = bool(_INCOME.search(clause))
    if m["est"]:
        if not income and not re.search(r"\b(?:cost|costs|spend|spending|expenditure)\b",
                                        clause, re.IGNORECASE):
            return None
        sign = (1 if m["under"].lower() == "under" else -1) * (-1 if income else 1)
    else:
        sign = (1 if m["up"] else -1) * (-1 if income else 1)
    return _Mention(m.start(), m.end(), frozenset({"variance"}), sign)


_WHOLE_QUALIFIED = re.compile(
    r"(?:^|\b(?:the|our|its|their|this|a|an)\s+)(?:£\s?[\d.,]+\s*(?:m|k|bn|million|billion)?\s+)?"
    r"(?:(?:latest|revised|approved|original|current|net|gross|overall|total|annual|revenue|"
    r"expenditure|base|full[- ]year|forecast|projected|agreed|proposed|draft|final|"
    r"working)\s+)*$", re.IGNORECASE)


#: A preposition and a lower-case noun: what spending is of or for ("for the leisure trust",
#: "on day to day services"), unless a time ("for the year", "to the end of the financial year").
_OF_SOMETHING = re.compile(r"\b(?:for|on|of|in|within|across|towards)\s+(?:(?:the|its|our|their|"
                           r"an?)\s+)?(?!(?:the|its|our|their|an?|year|years|financial|quarter|"
                           r"month|period|end|start|coming|current|next|whole|council)\b)[a-z]")


def _whole_spend(s: Sentence, lit: Literal_, figure: Figure, mention: _Mention) -> bool:
    """Whether the measure word is spending said with no word but a whole's qualifiers before
    it ("The current forecast spend to the end of the financial year was £17.4m"): spending of
    something ("spend on leisure", "forecast spend for the leisure trust") says what it is of,
    so only this is the whole's when the sentence names nothing (Judge._signed_total). (A bare
    budget so said stays inferred: tests/test_checks_budget_setting_wording.py.)"""
    if figure.measure != "spend" or mention.measures != {"spend"}:
        return False
    lo, hi = _clause(s, lit)
    lo = lo if mention.start >= lo else 0
    return bool(_WHOLE_QUALIFIED.search(s.text, lo, mention.start)) and \
        not _OF_SOMETHING.search(s.text, min(mention.start, lit.start), max(hi, mention.end))


def _net_result_of_a_plan(s: Sentence, mention: _Mention) -> bool:
    """Whether the measure word is a surplus or a deficit in a sentence that sets one against a
    planned one ("a surplus of £778,000, £262,000 above the budgeted surplus of £516,000", "a
    deficit position of £1,101k, compared to the budgeted deficit of £689k"): there a surplus
    or deficit is the net result itself, before or after the year, not its variance from the
    budget (which the sentence gives as their difference); the data hold no such net result."""
    said = _NET_RESULT.search(s.text, mention.start, mention.end) or re.search(
        r"\b(?:surplus|deficit)\s+$", s.text[max(0, mention.start - 12):mention.start],
        re.IGNORECASE)  # "a deficit position of £1,101k"
    return bool(said) and bool(_PLANNED_NET.search(s.text))


def _capital_own(s: Sentence, lit: Literal_, lo: int) -> bool:
    """Whether the capital programme's variance is the amount's: named just before it in its
    clause (within 60 characters, no other amount nor comma between), or in its own phrase
    after it."""
    start = max([lo, lit.start - 60,
                 *(o.end for o in s.lits if o is not lit and o.end <= lit.start)])
    before = [m for m in _CAPITAL.finditer(s.text, start, lit.start)
              if "," not in s.text[m.end():lit.start]]
    return bool(before or _CAPITAL.search(s.text, lit.end, s.own_phrases[lit.start][1]))


def _another_body(s: Sentence, lit: Literal_) -> bool:
    """Whether an amount is said of another council than the report's, as joint committees
    and shared services report theirs: named as a council in the amount's own words ("an
    overspend in Worthing Borough Council of £548k", "£1.1m for Worthing Borough Council"),
    or a place named after it beside an amount named after the report's own council ("£58,000
    in Adur and £762,000 in Worthing"). Another council's figure is none of the report's."""
    def known(a: int, b: int) -> bool:
        return any(x.start < b and a < x.end for x in s.subjects)

    others = [o.end for o in s.lits if o is not lit and o.end <= lit.start]
    start = max([*others, lit.start - 60, 0])
    for m in _COUNCIL_NAME.finditer(s.text, start, min(len(s.text), lit.end + 60)):
        if m.end() <= lit.start and (not re.fullmatch(r"\s*(?:of|was|is|at)?\s*(?:an?\s+)?"
                                                       r"(?:[\w-]+\s+){0,3}?",
                                                       s.text[m.end():lit.start])):
            continue
        if m.start() >= lit.end and not re.fullmatch(r"\s*", s.text[lit.end:m.start()]):
            continue
        if not known(m.start("name"), m.end("name")):
            return True
    place = _PLACE_AFTER.match(s.text, lit.end)
    if place is None or known(place.start("name"), place.end("name")):
        return False
    for o in s.lits:
        other = _PLACE_AFTER.match(s.text, o.end) if o is not lit and o.kind == "money" else None
        if other is not None and any(x.subject in SCOPES and x.start == other.start("name")
                                     for x in s.subjects):
            return True
    return False


#: A noun phrase of its own and a copula right before an amount: "the levy for the boroughs
#: will be £83.3m", "the precept was £12.1m" (_own_noun_states).
_OWN_NOUN_COPULA = re.compile(
    r"(?:^|[,;:(]\s*|\b(?:and|but|while|whilst|so|then)\s+)(?:the|its|our|their)\s+"
    r"(?P<head>[a-z][a-z-]+)(?:\s+(?:for|of|on|to|from|in)\s+[^,;:£\d()]{1,50}?)?\s+"
    r"(?:is|was|are|were|(?:will|would|shall|should|could|may|might)\s+(?:now\s+)?be|"
    r"(?:has|have|had)\s+been|st(?:ands|ood)\s+at)\s+"
    r"(?:(?:approximately|around|about|some|nearly|almost|c\.?|just\s+(?:over|under))\s+)?$")


def _own_noun_states(s: Sentence, lit: Literal_) -> bool:
    """Whether an amount is the complement of a copula whose own subject is a noun that is no
    measure word ("as it is applying balances to reduce costs, the levy for the boroughs will
    be £83.3m"): the amount is that noun's (a levy, a precept, a fee), never the figure of a
    measure word in another part of the clause. Not a neutral head ("the total is £3m"), a
    noun that names a line of the report, nor one followed by its measure ("the figure was
    £2m overspend")."""
    m = _OWN_NOUN_COPULA.search(s.text, max(0, lit.start - 100), lit.start)
    if m is None or m["head"] in vocabulary.NEUTRAL_HEADS or m["head"] in _MEASURE_NOUNS:
        return False
    start = m.start("head")
    if any(start <= x.end and x.start < lit.start for x in s.subjects):
        return False  # "the service for children was £3m": a named line's figure
    end = min(len(s.text), lit.end + 25)
    return not any(start <= mm.end and mm.start < end for mm in s.mentions[lit.kind])


#: A verb of adding before an amount and "to" after it: "had added £350,000 to costs",
#: "contributed £2m to the overspend" (_added_to).
_ADDING_BEFORE = re.compile(r"\b(?:add(?:s|ed|ing)?|contribut(?:e|es|ed|ing))\s+(?:(?:a\s+)?"
                            r"(?:further|another|extra|additional)\s+|an\s+(?:extra|"
                            r"additional)\s+)?(?:(?:approximately|around|about|some|nearly|"
                            r"almost|over|c\.?)\s+)?$", re.IGNORECASE)
_TO_AFTER_AMOUNT = re.compile(r"\s+(?:to|into|onto|on\s+to)\s+(?P<det>(?:the|its|our|their|"
                              r"this|these|those)\s+)?", re.IGNORECASE)


def _added_to(s: Sentence, lit: Literal_) -> bool:
    """Whether an amount is what a verb of adding adds to a measure ("inflation had added
    £350,000 to costs", "contributed £2m to the overspend"): an addition to it, which the
    data do not hold, never the measure's own level. Not "to" a verb ("will contribute £23.6m
    to address the gap": a purpose), and not an addition to a budget ("adding £12m to social
    care budgets"): that is the budget's growth, which the data hold (vocabulary.GROWTH_WORDS)."""
    if not _ADDING_BEFORE.search(s.text[max(0, lit.start - 60):lit.start]):
        return False
    to = _TO_AFTER_AMOUNT.match(s.text, lit.end)
    if to is None:
        return False
    # The measure the amount is added to: a measure word within the object's first words.
    obj = [m for m in s.mentions[lit.kind] if to.end() <= m.start <= to.end() + 40 and
           not re.search(r"[,;:.]", s.text[to.end():m.start])]
    if any("budget" in m.measures for m in obj):
        return False
    return bool(obj and obj[0].start == to.end()) or (to["det"] is not None and bool(obj))


#: A verb of share before a percentage and a budget after it: "represented 57% of the annual
#: budget", "which is 4.2% of the net budget" (_share_of_an_amount).
_SHARE_VERB_BEFORE = re.compile(r"\b(?:represent(?:s|ed|ing)?|equat(?:es|ed|ing)\s+to|"
                                r"amount(?:s|ed|ing)?\s+to|(?:which|this|that)\s+(?:is|was|"
                                r"represents|represented))\s+(?:(?:approximately|around|about|"
                                r"some|nearly|almost|just\s+(?:over|under)|c\.?)\s+)?$",
                                re.IGNORECASE)


_OF_THE_BUDGET_AFTER = re.compile(r"\s+of\s+(?:the\s+|its\s+|our\s+|their\s+)?"
                                  r"(?:[\w'’-]+\s+){0,3}?budgets?\b", re.IGNORECASE)


def _share_of_an_amount(s: Sentence, lit: Literal_) -> bool:
    """Whether a percentage is the share of the budget an amount stated just before it is
    ("net expenditure was £1.64m and represented 57% of the annual budget"): it is that
    amount's share, of that amount's measure. Only a variance's share of the budget is a
    figure of the data (its variance percentage); spending to date, income or any other
    amount's share is none, so the percentage claims nothing."""
    if lit.kind != "percent" or not _SHARE_VERB_BEFORE.search(s.text[max(0, lit.start - 40):
                                                                       lit.start]) or \
            not _OF_THE_BUDGET_AFTER.match(s.text, lit.end):
        return False
    before = [o for o in s.lits if o.kind == "money" and o.end <= lit.start and
              not re.search(r"[;.]", s.text[o.end:lit.start])]
    if not before:
        return False
    amount = before[-1]
    near = [m for m in s.mentions["money"] if m.end <= amount.start or
            (m.start >= amount.end and m.end <= lit.start)]
    own = min(near, key=lambda m: _distance((m.start, m.end), amount), default=None)
    return own is None or "variance" not in own.measures


#: What a body receives rather than spends: income, and grants or funding it is given.
_RECEIVED = re.compile(_INCOME.pattern + r"|\b(?:grants?|funding|contributions?|council\s+tax|"
                       r"business\s+rates|precepts?|levy|levies)\b", re.IGNORECASE)
_COMPARED_WORD = re.compile(r"\b(?:less|more|below|above|under|over|lower|higher|greater)\b",
                            re.IGNORECASE)


def _received_compared(s: Sentence, lit: Literal_, lo: int, mention: _Mention) -> _Mention:
    """An amount by which something received is more or less than its budget ("the Firelink
    grant had been £50,000 less than budgeted", "fee income was £0.2m above budget"): income
    short of its budget is an adverse variance, not the underspend the comparison says of
    spending, so the direction turns. The grant may still be one paid out (spending), so the
    reading is inferred, never an error."""
    if mention.measures != {"variance"} or not mention.sign or mention.start < lit.end or \
            not _COMPARED_WORD.match(s.text, mention.start):
        return mention
    if not _RECEIVED.search(s.text, max(lo, lit.start - 100), lit.start):
        return mention
    return dataclasses.replace(mention, sign=-mention.sign, inferred=True)


#: Spending so far in the year: "net expenditure to date", "for the period to 1 November".
_SO_FAR = re.compile(r"\b(?:to\s+date|so\s+far|year[- ]to[- ]date|for\s+the\s+(?:period|months?)\s+"
                     r"(?:to|ending|ended)\b)", re.IGNORECASE)


def _spent_to_date(s: Sentence, lit: Literal_, lo: int, hi: int, mention: _Mention) -> bool:
    """Whether spending is said of the year so far ("net expenditure to date was £1.9m", "for
    the period to 1 November, net expenditure was £1.6m"): actual spending part way through
    the year, which the data do not hold (their spend is the whole year's, forecast or
    outturn). Not when the clause forecasts ("spend to date and forecast to year end")."""
    if mention.measures != {"spend"} or _FORECAST_WORD.search(s.text, lo, hi):
        return False
    return bool(_SO_FAR.search(s.text, lo, hi))


#: A definite article or possessive right before an amount ("the £570,000 contribution").
_DEFINITE_BEFORE = re.compile(r"\b(?:the|its|our|their)\s+$", re.IGNORECASE)
#: A verb after an amount, not a noun of its own: "the £9.8m would need to be", "the £2.1m
#: reported at Month 3", "the £5.3m included in the budget".
_VERB_AFTER = re.compile(r"\s+(?:[a-z]+ed|would|will|could|should|may|might|must|can|need|"
                         r"needs|being|now|still|also|only|remains?|remained)\b", re.IGNORECASE)
_NOUN_PHRASE_AFTER = re.compile(r"\s+(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*")


def _definite_own_noun(s: Sentence, lit: Literal_) -> bool:
    """Whether an amount stands between a definite article and a noun of its own that is no
    measure word ("which includes the £570,000 contribution to reserves", "the £2m loan"):
    the amount is that noun's, not the clause's measure's, as after "a" or "an" (Judge.claim).
    Not when a measure word or a named line starts in the next three words ("the £3m
    overspend", "the £1.2m forecast overspend")."""
    if lit.kind != "money" or not _DEFINITE_BEFORE.search(s.text[max(0, lit.start - 8):
                                                                 lit.start]):
        return False
    if not _OWN_NOUN_AFTER.match(s.text[lit.end:]) or \
            not re.match(r"\s+[a-z]", s.text[lit.end:lit.end + 3]) or \
            _VERB_AFTER.match(s.text, lit.end):
        return False
    words = _NOUN_PHRASE_AFTER.match(s.text, lit.end)
    end = words.end() if words else lit.end
    end = max(end, lit.end + 1)
    if any(lit.end <= m.start < end for m in s.mentions["money"]):
        return False
    return not any(lit.end <= x.start < end for x in s.subjects)


def _budget_of_its_own(s: Sentence, lit: Literal_, budget: _Mention,
                       pool: Sequence[_Mention]) -> bool:
    """Whether "budget of" introduces the amount ("a £515k underspend against the revised
    budget of £46.3m") while every other measure word of the clause stands right after an
    amount of its own ("a £515k underspend"): that word is the other amount's, so the budget,
    though the object of "against", is this amount's measure."""
    if not re.fullmatch(r"\s+of\s+(?:(?:approximately|around|about|some|c\.?)\s+)?",
                        s.text[budget.end:lit.start], re.IGNORECASE):
        return False
    others = [m for m in pool if m is not budget]
    return bool(others) and all(
        any(o is not lit and o.kind == lit.kind and o.end <= m.start and
            not s.text[o.end:m.start].strip() for o in s.lits) for m in others)
#: The report's own body as the owner of a share: "its", "our", "their", or "the Council's",
#: "the Trust's", "the Board's", "the IJB's" (fix round 8: a pool shared by several bodies).
_OWN_SHARE_BEFORE = re.compile(
    r"(?:\b(?:its|our|their)|\bthe\s+(?:council|authority|trust|board|ijb|partnership)['’]s?)\s+"
    r"(?:(?:fair|proportionate|own|estimated|expected|required|agreed)\s+)?"
    # its share, with the share's own amount in brackets or before it: "its share (£26m) of",
    # "our £3m share of", "their share of"
    r"(?:£\s?[\d.,]+\s*(?:m|k|bn|million|billion)?\s+)?(?:share|portion|proportion)\s*"
    r"(?:\(\s*[^()]{0,30}\)\s*)?of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:total|overall|combined|national|regional|[\w-]+wide)\s+)?$", re.IGNORECASE)


def _pool_of_own_share(s: Sentence, lit: Literal_) -> bool:
    """Whether an amount is a pool the report's own body takes a share of ("the Trust would
    meet its share (£26m) of £70m cash savings required of Trusts", "our £3m share of the £40m
    regional savings"): more than the body's, so none of the report's figures. (A line's share,
    "Children's Services' share of the £10m savings target", may be of the whole's: read as
    before.)"""
    return bool(_OWN_SHARE_BEFORE.search(s.text, max(0, lit.start - 80), lit.start))


def _of_no_revenue(s: Sentence, lit: Literal_, mention: _Mention) -> bool:
    """Whether spending is said of capital or of reserves: in the amount's own phrase ("will
    spend £46m on its capital programme", "£5m will be spent from reserves") or right before
    it ("the capital programme will spend £46m")."""
    lo = max(0, min(mention.start, lit.start) - 40)
    return bool(_NOT_REVENUE.search(s.text, lo, lit.start) or
                _NOT_REVENUE.search(s.text, lit.end, max(s.own_phrases[lit.start][1],
                                                         mention.end)))


#: Between a bare noun and its amount set off after it ("The annual budget, worth £312m,
#: has been set", "the budget (£312m) was agreed"): the amount in apposition (fix round 8).
_APPOSITIVE_GAP = re.compile(r"\s*(?:,\s*(?:worth|valued\s+at|totall?ing|amounting\s+to|"
                             r"of\s+some|which\s+(?:is|was)|now|currently)|\()\s*"
                             r"(?:(?:approximately|around|about|some|nearly|almost|just\s+over|"
                             r"over)\s+)?", re.IGNORECASE)


def _appositive(text: str, lit: Literal_, m: _Mention) -> bool:
    """Whether the amount after bare noun ``m`` is set off as its apposition: after a comma
    and a word of value ("worth", "totalling") up to a comma or the clause's end, or in
    brackets."""
    gap = _APPOSITIVE_GAP.fullmatch(text, m.end, lit.start)
    if gap is None or _NOT_REVENUE.search(text, max(0, m.start - 20), m.end):
        return False  # (not "the capital budget, worth £36m": another fund's)
    closing = r"\s*\)" if gap.group(0).strip().startswith("(") else r"\s*(?:[,;:.]|$)"
    return re.compile(closing).match(text, lit.end) is not None


#: A conditional verb of producing a saving, said of a proposal: "this would release (deliver,
#: generate, achieve) a saving of £X", "the change could deliver savings of £X" (fix round 8).
_WOULD_SAVE_BEFORE = re.compile(
    r"\b(?:would|could)\s+(?:(?:also|potentially|then|therefore|only)\s+)?(?:release|deliver|"
    r"generate|produce|yield|achieve|realise|realize|make|bring|result\s+in|lead\s+to|save)\b"
    r"[^£\d.;:]{0,40}$", re.IGNORECASE)


#: A noun of effort and its aim before an amount of savings: "the work of the partnership to
#: deliver £8.3m of savings", "proposals to achieve £2m of savings" (fix round 8).
_EFFORT_TO_DELIVER_BEFORE = re.compile(
    r"\b(?:work|proposals?|plans?|programmes?|measures|actions?|efforts?|strateg(?:y|ies)|"
    r"schemes?|options?)\b(?P<gap>[^.;£\d]{0,60}?)\bto\s+(?:deliver|make|find|achieve|realise|"
    r"realize|secure)\s+(?:(?:a\s+further|further|an?\s+additional|additional|around|about|"
    r"approximately|some|over|almost|nearly)\s+)?$", re.IGNORECASE)
#: ... but not the effort's result: "work has continued to deliver", "managed to deliver".
_MADE_VERB = re.compile(r"\b(?:has|have|had|was|were|is|are|been|managed|continued|able|"
                        r"helped|succeeded|went\s+on)\b", re.IGNORECASE)


def _proposed_saving(s: Sentence, lit: Literal_, mention: _Mention) -> _Mention:
    """A saving said with a conditional verb before it ("This would release a recurring saving
    of £61,361 p/a", "the proposal could deliver savings of £2m"), or as the aim of an effort
    before its amount ("the work of the partnership to deliver £8.3m of savings") is what a
    proposal or plan is to save: the target, never savings achieved; inferred, as a plan's aim
    is."""
    if "achieved" not in mention.measures or not mention.measures <= {"achieved", "target"} or \
            not _SAVING_NOUN.fullmatch(s.text[mention.start:mention.end]):
        return mention  # (already the target, "agreed to plans to achieve £X": as it is read)
    at = min(mention.start, lit.start)
    aim = _EFFORT_TO_DELIVER_BEFORE.search(s.text, max(0, lit.start - 100), lit.start)
    if not _WOULD_SAVE_BEFORE.search(s.text, max(0, at - 80), at) and not (
            aim and mention.start >= lit.end and not _MADE_VERB.search(aim.group("gap"))):
        return mention
    return dataclasses.replace(mention, measures=frozenset({"target"}), inferred=True)


class Judge:
    def __init__(self, figures: Sequence[Figure], period: Period | None,
                 names: ReportNames | None = None) -> None:
        self.figures = list(figures)
        self.subjects = _Subjects(self.figures, names)
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

    def read(self, text: str, earlier: frozenset[str] = frozenset()) -> Sentence:
        return Sentence(text, find_literals(text), self.subjects.find(text),
                         {k: _mentions(text, k) for k in ("money", "percent", "count")},
                         earlier)

    # -- which period the number is of
    def _wants_previous(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> bool | None:
        """True: an earlier period's figure; False: this period's; None: a period the data
        do not hold."""
        after = s.text[lit.end:hi]
        before = s.text[lo:lit.start]
        # The number's own phrase after it: up to the next number.
        nxt = min((o.start for o in s.lits if o.start >= lit.end), default=hi) - lit.end
        phrase = after[:max(0, min(nxt, 60))]
        said = _PREVIOUS.match(after) or _PREVIOUS_IN_PHRASE.search(phrase) or \
            _PREVIOUS_OPENING.match(s.text[:lit.start])
        if said:
            # "last quarter" is the data's previous period only in a quarter's report, "the
            # previous year" only in a year's: otherwise it is a period the data do not hold.
            unit = re.search(r"quarter|month|year", said.group(0), re.IGNORECASE)
            kind = self.period.kind if self.period is not None else None
            return True if unit is None or unit.group(0).lower() == kind else None
        if _PREVIOUS_BEFORE.search(before[-80:]):
            return True
        if _CHANGE_OF_BEFORE.search(before[-40:]):
            return self._year_named(s, lit, lo, hi)  # a period after a change is its start
        reported = _REPORTED_IN_MONTH.match(phrase)
        if reported and not self._own_month(phrase[reported.start():reported.end() + 6]):
            return None  # "£9m reported in September": an earlier report's, by its month
        end = _BY_MONTH_AFTER.match(phrase)
        if end and self._year_end_forecast(end, s.text[lo:hi]):
            return False
        month = _MONTH_AFTER.match(phrase) or _MONTH_WHEN_BEFORE.search(before[-120:])
        if month:
            return self._month(month)
        when = _PERIOD_WHEN_BEFORE.search(s.text[max(0, lit.start - 240):lit.start])
        if when:
            # "reported at quarter 3 when outturns were predicted to be £96k in X and £94k in
            # Y": every amount of a past when-clause dated by a period is that period's.
            ref = _period_ref(when.group(1))
            if ref is not None and not _matches(ref, self.period):
                return True if _matches(ref, self.previous_period) else None
        # A period named in the number's own phrase: just before it (no other number between)
        # or just after it ("£9million in quarter three").
        own = before[-40:]
        cut = max((o.end for o in s.lits if o.end <= lit.start and not any(
            a <= o.start and o.end <= b for a, b in s.period_refs)), default=0) - lit.start
        if cut > -40:
            own = before[cut:] if cut < 0 else ""
        own = re.split(r"[,;(]", own)[-1]
        tail = re.match(r"\s*(?:in|at|for|of|by)\s+(?:the\s+)?(?:end\s+of\s+)?[^,;]{0,20}",
                        after)
        if self.previous_label and (self.previous_label in own or
                                    (tail and self.previous_label in tail.group(0))):
            return True  # "the 2009/10 outturn was £3.56m", "£3.56m in 2009/10"
        # The period right after the number is its own ("increased to £3.6m at Month 9"),
        # before one said earlier in the clause ("predicted at Month 6 and that has …").
        ref = (_period_ref(tail.group(0)) if tail else None) or _period_ref(own)
        label = _PERIOD_LABEL_AFTER.match(after)
        if ref is None and label:
            # "an in-year deficit of £13.1m (£7.7m Q1)": a bracket's amount labelled with a
            # period is that period's figure.
            ref = _period_ref(label.group(0))
        if ref is None:
            # "The forecast at Qtr 2 for <line> was an overspend of £0.5m": a period said at
            # the head of the number's clause, no other amount between, is the number's.
            head = before[-120:] if cut <= -120 else before[cut:] if cut < 0 else ""
            at = _PERIOD_AT.search(re.split(r"[,;(]", head)[-1])
            ref = _period_ref(re.split(r"[,;(]", head)[-1][at.end():]) if at else None
        if ref is None:
            # "£3.1m overspend was predicted at Month 6": named after the number's measure.
            at = _PERIOD_AT.search(phrase)
            ref = _period_ref(phrase[at.end():]) if at else None
        if ref is not None and not _matches(ref, self.period):
            if _matches(ref, self.previous_period):
                return True
            return None  # a period the data do not hold
        year = _YEAR_IN_PHRASE.match(phrase)
        if year and self.period is not None and not (
                self.period.start.year <= int(year.group(1)) <= self.period.end.year):
            return None  # "compared to 290 children in 2015": another year's figure
        if _FROM_BEFORE.search(before[-12:]) and re.search(r"\bto\b", after):
            return None  # "from £X to £Y": £X is where it started
        return self._year_named(s, lit, lo, hi)

    def _over_years(self, s: Sentence, lit: Literal_, lo: int) -> bool:
        """Whether the amount's own words make it a sum over several years: since a year
        before the report's ("Since 2010 the council has saved £381m"), or across a span of
        years ("£45.8m for years 2025 to 2028", "£44m across the next three years"). No
        period's figure is such a sum; a part said of one year is (rule 6)."""
        nxt = min((o.start for o in s.lits if o.start >= lit.end), default=len(s.text))
        phrase = s.text[lit.end:min(nxt, lit.end + 60)]
        prev = max((o.end for o in s.lits if o.end <= lit.start), default=0)
        before = s.text[max(lo, prev):lit.start]
        if _YEARS_SPAN.match(phrase) or _YEARS_SPAN_BEFORE.search(before):
            return True
        pair = _YEAR_PAIR.match(phrase)
        if pair and (int(pair["b"]) - int(pair["a"])) % 100 >= 2:
            return True
        since = _SINCE_YEAR.search(before) or _SINCE_YEAR.search(phrase[:40])
        if since and self.period is not None and \
                int(since.group("year")) < self.period.start_year:
            return True
        # "£35-40 million of savings from its annual budget by 2022": what is to be reached by a
        # year after the report's ends is a sum over the years to then.
        by = _BY_YEAR.match(phrase)
        if not by or self.period is None:
            return False
        # Later than the end of the report's financial year (not of its quarter: "by the end
        # of March 2025" in a 2024/25 Q3 report is this year's outturn); a financial year "by
        # 2026/27" ends in its second calendar year.
        return int(by.group("year")) + (1 if by.group("fy") else 0) > self.period.year.end.year

    def _year_of_span(self, s: Sentence, lit: Literal_) -> _Mention | None:
        """The measure of a sum over several years said right before the amount, when the
        amount is that sum's part for one year ("savings of £44m across the next three years,
        with £20m recommended for next year alone", "£62.8m over the next three years - £21.3m
        next year"). Inferred: "next year" of a report may be its own year or the one after."""
        earlier = [o for o in s.lits if o.kind == "money" and o.end <= lit.start]
        if not earlier or not _PART_OF_YEAR_AFTER.match(s.text, lit.end):
            return None
        whole = earlier[-1]
        gap = s.text[whole.end:lit.start]
        if len(gap) > 80 or not _PART_GAP.search(gap) or \
                not self._over_years(s, whole, _clause(s, whole)[0]):
            return None
        lo = max([_clause(s, whole)[0], *(o.end for o in earlier[:-1])])
        found = [m for m in s.mentions["money"] if lo <= m.start and m.end <= whole.start
                 and "change" not in m.measures]
        return dataclasses.replace(found[-1], inferred=True) if found else None

    def _own_month(self, text: str) -> bool:
        """Whether the month ``text`` names (with its year, if said) is the one the report's
        period ends in: "an underspend of £268k projected to the end of December 2022" in a
        report to 31 December 2022 is this period's figure, not an earlier report's."""
        m = re.search(_MONTH, text, re.IGNORECASE)
        return m is not None and self._month(m) is False

    def _year_end_forecast(self, m: re.Match[str], clause: str) -> bool:
        """Whether the month is the end of the report's financial year and the clause forecasts
        its budget's position then ("a predicted revenue budget overspend of £9.6 million by
        the end of March 2025" in a first quarter's report): the data's full-year projection."""
        if self.period is None or m["month"].lower() != "march":
            return False
        year = int(m["year"]) if m["year"] else self.period.start_year + 1
        return year == self.period.start_year + 1 and \
            bool(_FORECAST_WORD.search(clause)) and bool(_POSITION_WORD.search(clause))

    def _month(self, m: re.Match[str]) -> bool | None:
        """The period a month names: this one when it is the month the period ends, the
        previous when it is the month that one ends, else one the data do not hold (an
        estimate of another month, within the period or before it)."""
        if self.period is None:
            return None
        month = _MONTHS.index(m["month"].lower()) + 1
        fy = self.period.start_year
        year = int(m["year"]) if m["year"] else (fy if month >= 4 else fy + 1)
        if (year, month) == (self.period.end.year, self.period.end.month):
            return False
        before = self.previous_period
        if before is not None and (year, month) == (before.end.year, before.end.month):
            return True
        return None

    def _year_named(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> bool | None:
        """The financial year a sentence names anywhere ("In 2019/20 ..."): the nearest one
        before the number in the sentence, else one in its clause after it. Another year than
        the report's is no figure of this period; the previous period's, said in the number's
        own clause, is that period's."""
        if self.period is None:
            return False
        own = _FINANCIAL_YEAR.search(s.text, lit.end, min(hi, s.own_phrases[lit.start][1]))

        def of_another(m: re.Match[str]) -> bool:
            # "an overspend in 2017/18, an additional £10.5m", "from £6.2m in 2016/17 to":
            # the year of an earlier measure word's or number's phrase, cut from this number
            # by a comma or another number, is theirs.
            ends = [x.end for x in s.mentions["money"]] + [o.end for o in s.lits]
            cut = "," in s.text[m.end():lit.start] or any(
                m.end() <= o.start < lit.start for o in s.lits)
            return cut and any(0 <= m.start() - e <= 25 for e in ends)

        def range_start(m: re.Match[str]) -> bool:
            # "has not changed from 2021/22 to the current year": where a span of years starts
            # is not the year the amount is of (where it ends, named or "this year", is).
            return bool(re.search(r"\bfrom\s+(?:the\s+)?$", s.text[max(0, m.start() - 12):
                                                                    m.start()], re.IGNORECASE)
                        and re.match(r"\s+(?:to|until|through)\b", s.text[m.end():]))

        named = [m for m in s.years if m.end() <= lit.start and not of_another(m)
                 and not range_start(m)]
        year = own or (named[-1] if named else None)
        if year is None:
            return False
        start = int(year.group(1))
        end = year.group(2)
        if (int(end) if len(end) == 4 else start // 100 * 100 + int(end)) != start + 1:
            return False  # "2019-21" is no financial year
        if start == self.period.start_year:
            return False
        label = f"{start}/{(start + 1) % 100:02d}"
        if self.previous_label is not None and label in self.previous_label and \
                year.start() >= lo:
            return True
        return None

    def claim(self, s: Sentence, lit: Literal_) -> Claim | None:
        lo, hi = _clause(s, lit)
        first = s.list_head(lit)
        whole = self._whole_of_parts(s, first)
        if whole is not None:
            first = whole  # "£18.7m of savings, a combination of X (£11.5m), Y (£6.8m) …"
        respective = s.respective.get(lit.start)
        if respective is not None and first is lit:
            first = respective[2]  # "of £0.3m and £0.2m": the series' words before it count
        if first is not lit:  # an item of a list: the list's words before its first item count
            lo = min(lo, _clause(s, first)[0])
        includes = _INCLUDES_AFTER.search(s.text, lit.end, min(hi, lit.end + _NEAR + 60))
        if includes:
            hi = includes.start()  # "…, which included the X grant": parts, not its subject
        made = _MADE_OF.match(s.text, lit.end)
        if made and made.end() < hi:
            hi = made.end()  # "£2.9m is a combination of X (£1.9m) and Y (£1m)": its parts
        part = _PART_CLAUSE.search(s.text, lit.end, hi)
        if part and part.start() < hi and not s.text[lit.end:part.start()].strip(" ,"):
            hi = part.start()  # "£24m, of which the cost to us was …": the part's words
        purpose = _PURPOSE_AFTER.match(s.text, lit.end)
        if purpose and purpose.start() < hi:
            hi = purpose.start()  # "£2m to close the budget gap": not a gap of £2m
        if re.search(r"\(\s*(?:(?:approximately|around|about|some|c\.?)\s+)?$",
                     s.text[max(0, lit.start - 16):lit.start]):
            close = _BRACKET_CLOSE.match(s.text, lit.end)
            if close and close.end() < hi:
                hi = close.end()  # "reserves (£3m), the service …": the bracket's own
        before, after = s.text[:lit.start], s.text[lit.end:]
        if _MOVED_BEFORE.search(before[-40:]) and _FROM_A_POT_AFTER.match(after):
            return None  # an amount moved from one pot to another (_MOVED_BEFORE)
        if _PART_BEFORE.search(before[-70:]) or (_PART_AFTER.match(after) and
                                                 not _PARTS_NAMED_AFTER.match(after)):
            return None  # "£1m of which ...": a part of another amount
        if re.match(r"\s*[-–]\s*£?\d", after) or re.search(r"\d\s*[-–]\s*£?$", before[-6:]):
            return None  # "£35-40 million of savings": a range, no one figure
        if re.search(r"\bper\s+$", before[-8:], re.IGNORECASE):
            return None  # "per 10,000 children": the denominator of a rate, not a figure
        if lit.kind == "money" and _A_RANKED_FEW.search(s.text, lo, lit.start):
            return None  # "the 20 highest cost placements cost £5m a year": a few, no whole
        if lit.kind == "money" and _ACCOUNTS_FOR_BEFORE.search(before[-30:]) and \
                _OF_A_MEASURE_AFTER.match(after):
            return None  # "secure placements account for £0.7m of spend": a part of it
        if lit.kind == "count" and _RATE_WORDS.search(s.text[lo:hi]):
            # "the rate ... per 10,000 children ... to 54.9": a rate, not a count.
            return self._rate(s, lit, lo, hi)
        if lit.decimal:
            return None  # "an average of 3.2 placements": no figure of the data
        if _ADDED_AFTER.match(after) and not any(
                m.inferred and not s.text[lit.end:m.start].strip()
                for m in s.mentions["money"]):
            # "£1m was transferred from reserves": a change the data do not hold ("£1.4m had
            # been put into the budget" is the budget's growth: vocabulary.GROWTH_WORDS)
            return None
        if _SUPERSEDED_AFTER.match(after[:160]):
            return None  # "84 children were in residential care, but this had decreased to 74"
        window = max(0, lit.start - 60)
        head = _HEAD_OF_BEFORE.search(s.text[window:lit.start])
        if head and head.group(1).islower() and head.group(1) not in vocabulary.NEUTRAL_HEADS:
            # Not a measure word, nor part of a name ("overspend in the Children's Services
            # area of £1.3M"), nor a name itself ("in Children's Social Care of £6.5m").
            hs, he = window + head.start(1), window + head.end(1)
            spans = [(m.start, m.end) for m in s.mentions[lit.kind]]
            if lit.kind == "percent":  # "a variance of 4.7%": a variance word heads it
                spans += [(m.start, m.end) for m in s.mentions["money"]
                          if m.measures == {"variance"}]
            spans += [(x.start, x.end) for x in s.subjects]
            if not any(a < he and hs < b for a, b in spans):
                return None  # "the allocation of £5 million": the amount of a noun of its own
        if lit.kind == "money" and re.search(r"\b(?:a|an)\s+$", before[-4:]):
            noun = _OWN_NOUN_AFTER.match(after)
            if noun and not any(m.start == lit.end + noun.end() - 1
                                for m in s.mentions["money"]):
                # "which leads to an £11.4m carry forward": an amount between an article and a
                # noun that is no measure word is that noun's, not the clause's measure's.
                return None
        if lit.kind == "count" and _DIFFERENCE_AFTER.match(after):
            return None  # "300 more than at the start": a difference the data do not hold
        if lit.kind == "money" and self._over_years(s, lit, lo):
            return None  # "saved £381m since 2010", "£45.8m for years 2025 to 2028"
        if lit.kind == "money" and (_own_noun_states(s, lit) or _added_to(s, lit) or
                                    _definite_own_noun(s, lit)):
            return None  # "the levy … will be £83.3m", "added £350,000 to costs", "the £2m loan"
        if _share_of_an_amount(s, lit):
            return None  # "£1.64m and represented 57% of the annual budget": £1.64m's share
        if lit.kind == "money" and _capital_own(s, lit, lo):
            return None  # "the Capital Programme was forecast an underspend of £0.7m"
        if lit.kind == "money" and _another_body(s, lit):
            return None  # "an overspend in Worthing Borough Council of £548k": its figure
        if lit.kind == "money" and _pool_of_own_share(s, lit):
            return None  # "its share (£26m) of £70m savings required of Trusts": a pool
        if lit.kind == "money" and self._other_fund(s, lit, lo, hi):
            return None  # "an overspend on the HRA of £0.328m": a fund the data do not hold
        previous = self._wants_previous(s, lit, lo, hi)
        if previous is None:
            return None
        to_value = bool(_TO_AFTER.search(before[-12:]) and (
            re.search(r"\bfrom\b[^;]*$", s.text[lo:lit.start], re.IGNORECASE) or
            _BY_AMOUNT_TO.search(before[-40:]) or _CHANGED_TO.search(before[-40:])))
        # A measure word inside a closed bracket holding a number of its own before this
        # amount is that number's: "£8.4m (1.7% of Portfolio budgets) compared with £6.5m".
        closed = [b.span() for b in re.finditer(r"\([^()]*\d[^()]*\)", s.text[lo:lit.start])]
        mentions = [m for m in s.mentions[lit.kind] if lo <= m.start and m.end <= hi and
                    not any(lo + a < m.start and m.end < lo + b for a, b in closed)]
        mentions = [m for m in mentions if not _a_source(s, lit, m)]  # "funded from X"
        result = _RESULT_AFTER.search(s.text, lit.end, hi)
        if result:
            # "… of £2.0m resulting in a forecast drawdown of £2.7m": the words after a verb of
            # result are the result's, never the measure of the amount before it.
            mentions = [m for m in mentions if m.end <= lit.start or m.start < result.start()]
        listed = s.list_item(first)
        if listed is not None and any(not m.weak and m.end <= listed[0] for m in mentions):
            # A bare noun inside a list's items ("Children's Social Care budget of £1.2m")
            # yields to the list's own measure word ("The overspends were: …").
            mentions = [m for m in mentions
                        if not (m.weak and listed[0] <= m.start < lit.start)]
        # A label's last word standing for it must not be part of the words for a count
        # ("care" in "children in care").
        every = s.mentions["count"] if lit.kind == "count" else []
        subjects = [x for x in s.subjects if lo <= x.start and x.end <= hi and not (
            x.partial and any(m.start <= x.start and x.end <= m.end for m in every))
            and not (lit.kind == "count" and x.subject in SCOPES)]
        # The report's scope named far before, with another amount between, is that amount's
        # ("the Council forecast of £4.8m …, there is an overspend of £3.5m which is an
        # improvement of £800k").
        # (Not the earlier value of "from £X to", "by £X to", "£X … has increased to".)
        span_whole = self._year_of_span(s, lit) if lit.kind == "money" else None
        far = [x for x in subjects if span_whole is None  # a part's whole's scope is its own
               and x.subject in SCOPES and _distance((x.start, x.end), lit) > _NEAR
               and not self._frame(s, x)]
        if far:
            between = sorted(o.start for o in s.lits if o is not lit and o.kind == lit.kind
                             and s.list_head(o) is not first
                             and not (to_value and o.end <= lit.start))
            subjects = [x for x in subjects
                        if x not in far or not _blocked(between, lit, (x.start, x.end))]
        cause = _CAUSE_AFTER.search(s.text, lit.end, min(hi, lit.end + _NEAR + 60))
        if cause:
            subjects = [dataclasses.replace(x, part=True) if x.start >= cause.start() else x
                        for x in subjects]
        # Bound by order, the pairing is sure when "respectively" says so or the name nearest
        # the amount is the same one; otherwise two readings disagree: inferred.
        inferred_order = respective is not None and not respective[1] and \
            min(subjects, key=lambda x: _distance((x.start, x.end), lit),
                default=respective[0]).subject != respective[0].subject
        if respective is not None:
            subjects = [respective[0]]  # the name in the same place of its own series
        item = s.list_item(lit)
        if item is not None and any(item[0] <= x.start and x.end <= item[1] for x in subjects):
            # "X of £a, Y of £b": each amount is of the name in its own item.
            subjects = [x for x in subjects if item[0] <= x.start and x.end <= item[1]]
        inside = {m for m in mentions
                  if any(x.start <= m.start and m.end <= x.end for x in subjects)}
        if previous:  # an earlier value is not a change: "from the £2.6m previously reported"
            mentions = [m for m in mentions if "change" not in m.measures]
        compared = _COMPARED_AFTER.match(s.text, lit.end)
        if lit.kind == "money" and compared:
            # "cost £1.5m more than the budgeted provision": the comparison right after the
            # amount is its measure (a difference), never the verb's measure before it.
            mentions = [m for m in mentions if m.start == compared.end()] or mentions
        moved = _MOVED_BY.search(s.text, lo, lit.start)
        if moved and not any(o.kind == lit.kind and moved.end() <= o.start < lit.start
                             for o in s.lits) and \
                not any("change" in m.measures and moved.start() <= m.start for m in mentions):
            # "bring down the projected overspend by £2.3m": the verb is the change, of the
            # measure it takes as its object.
            mentions = sorted([*mentions, _Mention(moved.start("verb"), moved.end("verb"),
                                                   frozenset({"change"}),
                                                   -1 if moved["down"] else 1)],
                              key=lambda m: m.start)
        continued = self._continued(s, lit, subjects, lo)
        if continued is not None:  # its "further" says another item, not a change
            mentions = [m for m in mentions if not (continued.end <= m.start and
                                                    m.end <= lit.start and
                                                    "change" in m.measures)]
        mention = self._measure(s, lit, mentions, to_value, inside, continued or first)
        if mention is not None and self._slipped_line(s, mention, subjects):
            # "slippage of £3.387m on General Fund schemes": a budget line's spend put off to
            # a later year, its underspend (perhaps not all of it: inferred).
            mention = dataclasses.replace(mention, measures=frozenset({"variance"}), sign=-1,
                                          inferred=True)
        moved_item = self._moved_item(s, lit)
        if moved_item is not None:
            if not any(x.end <= moved_item.start and x.subject not in SCOPES
                       for x in s.subjects):
                return None  # an item of a line the data do not hold
            mention = moved_item  # "car parking reduced income - £1,133,500;"
        if lit.kind == "money" and not re.sub(r"[-*•·–\s]", "", s.text[:lit.start]):
            allocation = _ALLOCATION_AFTER.match(s.text, lit.end)
            if allocation and (mention is None or mention.start >= allocation.end()):
                # "£3.8m to support home to school transport": a list item of budget setting
                mention = _Mention(allocation.start(), allocation.end(),
                                   frozenset({"change"}), 1, "budget", inferred=True)
            given = _ALLOCATION_FOR.match(s.text, lit.end)
            if allocation is None and given and \
                    any(x.start >= given.end() for x in subjects) and \
                    (mention is None or self._label_word(s, mention, subjects)):
                # "£2m for children placement costs": the same, with only the name after "for"
                mention = _Mention(given.start(), given.end(), frozenset({"change"}), 1,
                                   "budget", inferred=True)
            mention = self._list_allocation(s, lit, mention, subjects)
        if lit.kind == "money":
            mention = _allocation_given_with(s.text, lit, mention)
            mention = _growth_item(s.text, lit, mention, subjects)
        if mention is not None and "change" in mention.measures and continued is None:
            mention = self._plan_item(s, lit, mention, mentions)
        if mention is not None and lit.kind == "money":
            mention = self._cost_a_year(s, lit, mention, subjects)
        if mention is not None and mention.also == "spend":
            mention = self._planned_spend(s, lit, mention)
            if mention is None:
                return None
        if mention is not None and continued is None:
            mention = self._extra_spending(s, lit, mention)
        if mention is not None and "change" not in mention.measures and continued is None \
                and _INCREMENT_AFTER.match(s.text, lit.end) and \
                not _INCREMENT_BEFORE.search(s.text[max(0, lit.start - 30):lit.start]):
            return None  # "spend £48,000 more a week on energy": a difference, not the spend
        if mention is not None and "change" not in mention.measures and continued is None \
                and _INCREMENT_BEFORE.search(s.text[max(0, lit.start - 30):lit.start]):
            if mention.also == "spend" and mention.start >= lit.end and \
                    _OPENING_INCREMENT.fullmatch(s.text[:lit.start]):
                pass  # "A further £29.9m will be spent on Y": the plan's next item
            elif mention.measures != {"target"} or not _TO_FIND_BEFORE.search(
                    s.text[max(0, lit.start - 60):lit.start]):
                return None  # "spend an extra £4m on …": an increment, not the total spend
            # "has to find another £28m of savings": another year's savings to make, this
            # year's target, unless "another" is more of this year's: inferred.
            mention = dataclasses.replace(mention, inferred=True)
        planned_net = _against_a_planned_net(s, lit) if lit.kind == "money" else None
        passed = _passed_its_budget_by(s, lit, lo) if lit.kind == "money" else None
        if passed is not None and planned_net is None and continued is None:
            mention = passed  # "would exceed the budget by £1.5m": the variance
        elif planned_net is not None:
            mention = planned_net  # "£262,000 above the budgeted surplus": the variance
        elif mention is not None and _net_result_of_a_plan(s, mention):
            return None  # "a surplus of £778,000 against the budgeted surplus of £516,000"
        if mention is not None and lit.kind == "money":
            mention = _received_compared(s, lit, lo, mention)
            if _spent_to_date(s, lit, lo, hi, mention):
                return None  # "net expenditure to date was £1.9m": the year so far's
        if span_whole is not None and (mention is None or "change" in mention.measures):
            mention = span_whole  # "£44m across the next three years, with £20m next year"
        if mention is None and previous:
            # "from the £2.6m previously reported": an earlier value of the sentence's measure.
            others = [m for m in mentions if "change" not in m.measures]
            mention = min(others, key=lambda m: _distance((m.start, m.end), lit),
                          default=None)
        if mention is None:
            return self._given_to_a_line(s, lit, lo, hi) if lit.kind == "money" and \
                previous is False else None
        if lit.kind == "count" and _INDEFINITE.search(s.text[max(0, mention.start - 30):
                                                              mention.start]):
            return None  # "a small number of placements (fewer than 5)": some, not all
        if lit.kind == "count" and mention.end <= lit.start and _OWN_NOUN_AFTER.match(after):
            # "children in our care and 175 care experienced young people": the words right
            # after a count say what it counts; a measure named before it is another's.
            return None
        if lit.kind == "count" and mention.start > lit.end and not any(
                x.start < mention.start and lit.end < x.end for x in s.subjects) and \
                re.fullmatch(r"\s+(?:[a-z][a-z-]*\s+)+", s.text[lit.end:mention.start]):
            # "23 asylum seeking young people": words between a count and its noun that name
            # no placement type count a part of them, which the data do not hold ("143
            # Lancashire children" names a place, and "650 (which excluded ... children"
            # another phrase).
            return None
        if mention.aggregate is None and mention.start >= lit.end and \
                not s.text[lit.end:mention.start].strip():
            # "the overall £58.4m saving requirement": the qualifier sits before the number.
            agg = _AGGREGATE_BEFORE.search(s.text[max(0, lit.start - 12):lit.start])
            if agg:
                mention = dataclasses.replace(
                    mention, aggregate=vocabulary.AGGREGATE_WORDS.get(agg.group(1).lower()))
        if lit.kind == "money":
            mention = _proposed_saving(s, lit, mention)  # "this would release a saving of £X"
        measures = set(mention.measures)
        if measures == {"budget"} and self._savings_area_named(subjects) and re.search(
                r"\bsavings?\s+(?:[\w-]+\s+)?$", s.text[:mention.start], re.IGNORECASE):
            # "The managed vacancy savings profile budget was £295k": a savings area's savings
            # budget is what it is to save, its target.
            measures = {"target"}
        of = mention.of
        if "change" in measures and not of:
            of = self._base(lit, mentions, mention)
        measures = self._by_unit(s.text, lit, measures)
        raised = False  # a rise of spending read as the overspend: its words give no direction
        if "change" in measures and of == "spend" and mention.sign >= 0 and not previous and \
                (mention.inferred or _INCREMENT_WORD.fullmatch(s.text[mention.start:mention.end]))\
                and not any(f.measure == "change" and f.of == "spend" for f in self.figures):
            # "had to spend an extra £19.4m", "could cost an additional £28.9m": spending over
            # what was planned, or over last year's; with no earlier period in the data, only
            # the overspend can hold it. (Not "an increase in expenditure of £9m": a movement.)
            measures, of = {"variance"}, ""
            mention = dataclasses.replace(mention, measures=frozenset(measures), sign=1, of="",
                                          inferred=True)
            raised = True
        if measures & {*_ONE_CHILDS, *_ONE_CHILDS.values()} and \
                _ONE_CHILD.search(s.text, lo, hi):
            # "the cost of looking after a young person in a children's home is £100,000 a
            # year": one child's cost, an average, not what all of them cost.
            measures = {_ONE_CHILDS.get(m, m) for m in measures if m != "spend"}
            if not subjects and _KIND_OF_CARE.search(s.text, lo, hi):
                return None  # "for a council foster carer": a kind the data do not name
        # A type's yearly average only where the words say yearly ("£250,000 a year"): with
        # no unit said, a type's average cost is its weekly one.
        no_unit = {"average_weekly_cost", "average_annual_cost"} <= measures
        cands = [f for f in self.figures
                 if f.unit == lit.kind and f.measure in measures and f.previous == previous
                 and (not of or f.measure != "change" or f.of == of)
                 and not (no_unit and f.measure == "average_annual_cost" and f.scope == "type")]
        unsigned = [f for f in cands if f.value != 0]
        if mention.sign:
            cands = [f for f in cands if f.value * mention.sign > 0
                     or (f.measure != "change" and f.value == 0 and mention.sign > 0)]
            if "change" in measures:
                cands = [f for f in cands if f.value != 0]
        elif "change" in measures:
            cands = [f for f in cands if f.value != 0]  # a change of nothing is not stated
        evidence = [(mention.start, mention.end)]
        # What else the sentence names (the report's own whole, surely named, is no other
        # thing a figure of the whole may be of: "the revenue position ... compared with £6.5m
        # reported in Q1").
        elsewhere = any(x.subject != WHOLE or x.guessed for x in s.subjects)
        figure = self._pick(s, lit, cands, subjects, mention, evidence, lo, hi)
        if figure is not None and _new_budget(s, mention):
            if figure.scope == "total":
                return None  # "a new budget of £75,000 for a music event": not the whole's
            # "a dedicated budget of £0.5m for X": X's budget, or an item of it: inferred
            mention = dataclasses.replace(mention, inferred=True)
        if figure is None and measures & {"achieved", "target"} and \
                _SAVING_NOUN.fullmatch(s.text[mention.start:mention.end]):
            line = self._saving_of_a_line(subjects, lit)
            if line is not None:
                return line
        if figure is None and mention.sign and measures == {"variance"} and not raised:
            # "an underspend of £673k" where the figure its words name is an overspend.
            # Only a name said surely and not after the number's own phrase: "an overspend
            # of £7.7m, partly offset by an underspend on X" says nothing of X's direction.
            end = s.own_phrases[lit.start][1]
            sure = [x for x in subjects if not x.part and (x.end <= lit.start or x.start < end)]
            flipped = self._pick(s, lit, unsigned, sure, mention, evidence, lo, hi)
            if flipped is not None and flipped.value * mention.sign < 0:
                explicit = self._explicit(flipped, lit, unsigned, subjects, mention,
                                          elsewhere) and inferred_order is False and \
                    not mention.inferred  # an inferred reading only warns
                return Claim(flipped, unsigned, evidence, explicit, direction=mention.sign)
        if figure is not None and mention.also and not lit.agrees(figure) and \
                lit.bound in ("exact", "approx"):
            # "will spend £444m": the budget, or the forecast spend of the same subject when
            # the number agrees with that (a bound, "over £444m", agrees with too much to
            # tell the two apart).
            figure = next((f for f in self.figures if f.measure == mention.also and
                           f.subject == figure.subject and f.scope == figure.scope and
                           f.previous == figure.previous and lit.agrees(f)), figure)
        explicit = figure is not None and (
            self._explicit(figure, lit, cands, subjects, mention, elsewhere) or
            self._signed_total(s, lit, figure, mention) or
            self._bare_budget_total(s, lit, figure, mention) or
            self._named_list_item(s, lit, first, figure, mention)) and \
            inferred_order is False and not mention.inferred and not mention.also
        return Claim(figure, cands, evidence, explicit,
                     sign=mention.sign if measures == {"variance"} else 0)

    def _named_list_item(self, s: Sentence, lit: Literal_, first: Literal_, figure: Figure,
                         mention: _Mention) -> bool:
        """"Overspends include X (£a) and Y for people whose needs cannot be met locally (£b)":
        a later item of a list whose own words name the figure's subject surely, with the
        list's measure word near the list's first amount, is as sure as the first item, however
        far its own amount is from that word (fix round 8)."""
        item = s.list_item(lit)
        if first is lit or item is None or \
                _distance((mention.start, mention.end), first) > _NEAR:
            return False
        names = self._names(figure)
        # (Its name, not one inside its relative clause: "the transport of children whose
        # needs cannot be met by X (£b)" is not X's.)
        relative = _RELATIVE_WORD.search(s.text, item[0], item[1])
        end = relative.start() if relative else item[1]
        return any(item[0] <= x.start and x.end <= end and x.subject in names and
                   not x.part and not x.guessed and x.subject not in SCOPES
                   for x in s.subjects)

    def _given_to_a_line(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> Claim | None:
        """Money given to a budget line the data hold, with no measure word of its own: "a
        base allocation to the Health and Social Care Partnership of £76.3m", "Council funding
        for the integration joint board will now be £63.5m". ("£1m was allocated to the Trust",
        the verb right after the amount, stays a change the data do not hold: _ADDED_AFTER.)
        What a council gives a line (a partnership, a trust, a service) is that line's budget;
        but it may be a part of it, so the claim is inferred, never an error."""
        lines = {f.subject for f in self.figures if f.scope in ("line", "area")}
        for m in _GIVEN_TO.finditer(s.text, lo, hi):
            x = next((x for x in s.subjects if x.start == m.end() and not x.part and
                      x.subject in lines), None)
            if x is None:
                continue
            if lit.start >= x.end:
                gap = s.text[x.end:lit.start]
                near = len(gap) <= 60 and not any(x.end <= o.start < lit.start for o in s.lits
                                                  if o.kind == "money")
            else:
                gap = s.text[lit.end:m.start()]
                near = bool(re.fullmatch(r"\s+(?:(?:has|have|had|was|were|is|are|will|to)\s+)?"
                                         r"(?:(?:been|be|being)\s+)?", gap))
            if not near or _INCREMENT_BEFORE.search(s.text[max(0, lit.start - 30):lit.start]) \
                    or re.match(r"\s+(?:from\b|and\s+£)", s.text[lit.end:]):
                continue  # "a further £1m", "£4m from reserves and £12m from grant": parts
            cands = [f for f in self.figures if f.measure == "budget" and not f.previous
                     and f.subject == x.subject]
            figure = self._one(cands, lit)
            if figure is not None:
                return Claim(figure, cands, [(m.start(), x.end)], explicit=False)
        return None

    def _saving_of_a_line(self, subjects: list[_Subject], lit: Literal_) -> Claim | None:
        """"Administration recorded a saving of £26,144": a saving said of a budget line the
        savings data do not name is the line's underspend at outturn. Inferred (the words
        might still mean a savings measure), so never an error."""
        areas = {f.subject for f in self.figures if f.scope == "area"}
        lines = [x for x in subjects if not x.part and x.subject not in SCOPES and
                 x.subject not in areas]
        if not lines or any(x.subject in areas for x in subjects):
            return None
        near = min(lines, key=lambda x: _distance((x.start, x.end), lit))
        cands = [f for f in self.figures if f.measure == "variance" and f.subject == near.subject
                 and f.scope == "line" and not f.previous and f.value < 0]
        if len(cands) != 1:
            return None
        return Claim(cands[0], cands, [(near.start, near.end)], explicit=False, sign=-1)

    @staticmethod
    def _label_word(s: Sentence, mention: _Mention, subjects: list[_Subject]) -> bool:
        """Whether the measure word is only a named label's own word ("£2m for children
        placement costs", the line "Children placement costs"): the label is named, but which
        of its figures is meant the words do not say, so the claim is inferred."""
        said = {w for _, _, w in _words(s.text[mention.start:mention.end])}
        return any(x.start <= mention.start and mention.end <= x.end and
                   said <= {w for _, _, w in _words(x.subject)} for x in subjects)

    def _planned_spend(self, s: Sentence, lit: Literal_, mention: _Mention) -> _Mention | None:
        """Spending said as a plan (vocabulary.PLANNED_SPEND_WORDS): in a report of a whole
        year (budget setting) the budget, inferred; in a quarter's or month's report "will
        spend" is the forecast spend, as "spend" is ("spends" year by year is the budget in
        either). Not a weekly or monthly amount ("spends £48,000 a week"), nor capital
        spending or spending of reserves, which are no revenue budget's."""
        if re.match(r"\s*(?:(?:per|a|each)\s+(?:week|month)|weekly|monthly)\b",
                    s.text[lit.end:lit.end + 20], re.IGNORECASE) or _of_no_revenue(s, lit, mention):
            return None
        habit = s.text[mention.start:mention.end].lower().endswith("spends")
        if self.period is not None and self.period.kind != "year" and not habit:
            return dataclasses.replace(mention, measures=frozenset({"spend"}), also="")
        return mention

    def _cost_a_year(self, s: Sentence, lit: Literal_, mention: _Mention,
                     subjects: list[_Subject]) -> _Mention:
        """A cost said at a yearly rate ("taken on services at a cost of around £27,000 per
        year", "the service costs £3m a year"), or one to come ("the repair of the bridges,
        which will cost £45,000", "will cost the Council £15,286 for 2025/26"), is what it
        costs a year, planned or spent: the
        budget, or the spend when the number agrees with that (inferred), as "will spend" is
        (Judge._planned_spend keeps the spend in a quarter's or month's report). Not an
        average or one child's cost, nor a placement type's (its yearly cost), nor a
        monitoring sentence."""
        types = {f.subject for f in self.figures if f.scope in ("type", "external")}
        if any(x.subject in types for x in subjects) or \
                mention.measures not in (_COST_WORD, frozenset({"spend"})) or \
                mention.also or mention.inferred or \
                not (_A_YEAR_AFTER.match(s.text, lit.end) or
                     _WILL_BEFORE.search(s.text, 0, mention.start)) or \
                _MONITORING.search(s.text) or \
                not re.match(r"costs?\b", s.text[mention.start:mention.end], re.IGNORECASE):
            return mention
        return dataclasses.replace(mention, measures=frozenset({"budget"}), also="spend",
                                   weak=False)

    def _list_allocation(self, s: Sentence, lit: Literal_, mention: _Mention | None,
                         subjects: list[_Subject]) -> _Mention | None:
        """An item of a budget-setting list, an amount opening it and what it is for ("£54,000
        for Town Council projects;", "£5,000 towards flower beds and lighting;"): the named
        line's allocation. Where the data hold budgets of one year only (no line's growth),
        the allocation is that line's budget for the year; else its growth (read above). Either
        is inferred: the list may give a part of the line, or a new item of it."""
        if any(f.measure == "change" and f.of == "budget" for f in self.figures):
            return mention
        given = _ALLOCATION_FOR.match(s.text, lit.end) or _TOWARDS_AFTER.match(s.text, lit.end)
        named = [x for x in subjects if given is not None and x.start >= given.end() and
                 x.subject not in SCOPES]
        if given is None or not named or _ALLOCATION_AFTER.match(s.text, lit.end) or \
                _NEW_ITEM.search(s.text, lit.end, named[0].start):
            return mention  # (money for new or additional things is growth: read above)
        if mention is not None and not (mention.inferred and "change" in mention.measures) \
                and not self._label_word(s, mention, subjects):
            return mention  # its own measure word ("£2m for placement overspends")
        if _MONITORING.search(s.text):
            return mention
        return _Mention(given.start(), given.end(), frozenset({"budget"}), 0, inferred=True)

    @staticmethod
    def _whole_of_parts(s: Sentence, first: Literal_) -> Literal_ | None:
        """The amount whose parts a list starting at ``first`` names ("£18.7m of savings, a
        combination of efficiency savings (£11.5m), additional income (£6.8m) and …", "the
        overspend of £2.9m is made up of X (£1.9m) and Y (£1m)"): each part has the whole's
        measure, so the whole does not stand between them and its measure word."""
        earlier = [o for o in s.lits if o.kind == first.kind and o.end <= first.start]
        if first.kind != "money" or not earlier:
            return None
        w = max(earlier, key=lambda o: o.end)
        made = _MADE_OF.match(s.text, w.end)
        if made is None or made.end() > first.start or \
                re.search(r"[£\d;.]", s.text[made.end():first.start]):
            return None
        return w

    @staticmethod
    def _plan_item(s: Sentence, lit: Literal_, mention: _Mention,
                   mentions: list[_Mention]) -> _Mention:
        """"A further £29.9m will be spent on Y", the amount opening its sentence and the
        plan's verb after it: the plan's next item (its own amount), not an increment."""
        if not (mention.end <= lit.start and _OPENING_INCREMENT.fullmatch(s.text[:lit.start])):
            return mention
        plan = [m for m in mentions if m.also == "spend" and m.start >= lit.end]
        return plan[0] if plan else mention

    @staticmethod
    def _extra_spending(s: Sentence, lit: Literal_, mention: _Mention) -> _Mention:
        """Spending or a cost said to be extra ("had to spend an extra £19.4m", "could cost an
        additional £28.9m", "will spend another £1.5m") is a rise of spending, not the spend:
        the change of spend (or, with no earlier period in the data, the overspend), inferred.
        An amount opening its sentence with "A further", its plan's verb after it, is the plan's
        next item (:meth:`_plan_item`)."""
        if "change" in mention.measures or not ("spend" in mention.measures or
                                                mention.also == "spend") or \
                _of_no_revenue(s, lit, mention):
            return mention
        at = max(0, lit.start - 30)
        inc = _INCREMENT_BEFORE.search(s.text[at:lit.start])
        if inc is None and not _extra_noun(s, lit, mention):
            return mention
        if mention.also == "spend" and mention.start >= lit.end and \
                _OPENING_INCREMENT.fullmatch(s.text[:lit.start]):
            return mention  # "A further £29.9m will be spent on Y" (_plan_item)
        return _Mention(mention.start, mention.end, frozenset({"change"}), 1, "spend",
                        inferred=True)

    def _explicit(self, figure: Figure, lit: Literal_, cands: list[Figure],
                  subjects: list[_Subject], mention: _Mention,
                  named_elsewhere: bool = False) -> bool:
        """Whether the clause's own words make the claim (see :class:`Claim`)."""
        names = self._names(figure)
        if any(x.guessed and x.subject in names for x in subjects):
            # The council named where the bundle declares no budget_scope: its figures may be
            # of more than the data ("the Council's General Fund budget"), so only a warning.
            return False
        if _distance((mention.start, mention.end), lit) > _NEAR:
            return False
        if mention.aggregate or figure.key.startswith("placements."):
            return True
        if len({lit.like(f) for f in cands}) == 1 and (subjects or not named_elsewhere):
            # The data have one such figure, and the sentence names nothing else it may be of.
            return True
        # A label's last word names its line, and the report's own scope names the total, as
        # surely as a whole label; another word of a label only suggests it.
        return any(x.subject in names and not x.part for x in subjects)

    def _signed_total(self, s: Sentence, lit: Literal_, figure: Figure, mention: _Mention
                      ) -> bool:
        """"At the end of quarter one there is a projected underspend for the year of £135,370":
        in a report whose bundle declares what its data are of (budget_scope), an overspend or
        underspend said right by its amount, in a sentence that names nothing (no line, no
        scope, no other fund) and follows no sentence or heading that does, is the report's
        whole. (A sentence naming anything, even the report's own scope, is judged by the other
        rules; with no scope declared the whole is only a guess. A capitalised name, capital or
        reserves after the amount's clause are a later clause's; "the Borough Council" is the
        council itself.)"""
        names = self.subjects.names
        return names is not None and names.scope is not None and \
            figure.scope == "total" and not figure.previous and \
            ((figure.measure == "variance" and mention.sign != 0) or
             _whole_spend(s, lit, figure, mention)) and \
            not s.subjects and not s.earlier and \
            _distance((mention.start, mention.end), lit) <= (
                _NEAR if figure.measure == "spend" else 40) and \
            not _OTHER_FUND.search(s.text) and \
            not _NOT_REVENUE.search(s.text, 0, _clause(s, lit)[1]) and \
            not _CAUSE_OR_PLACE.search(s.text) and \
            not any(m.start() > 0 and m.group(0).lower() not in _PLAIN_CAPITALS and
                    not _TITLE_BEFORE.search(s.text, 0, m.start()) and
                    not _COUNCIL_TYPE.match(s.text, m.start())
                    for m in _CAPITALISED.finditer(s.text, 0, _clause(s, lit)[1]))

    def _bare_budget_total(self, s: Sentence, lit: Literal_, figure: Figure,
                           mention: _Mention) -> bool:
        """"The budget was set at £569,625", "Our annual budget of £870,000 for 2022-2023":
        in a report whose bundle declares what its data are of (budget_scope), a bare budget
        bound to its amount, in a sentence that names nothing but the report's own council
        (no line, no other fund, capital or reserves, no cause or place, no "this" pointing
        elsewhere) and follows no sentence or heading that names a line, is the report's whole
        budget, as an unnamed overspend is (_signed_total)."""
        names = self.subjects.names
        if names is None or names.scope is None or figure.scope != "total" or \
                figure.previous or figure.measure != "budget" or s.earlier or \
                not _BARE_BUDGET.fullmatch(s.text[mention.start:mention.end]) or \
                _distance((mention.start, mention.end), lit) > 40 or \
                any(x.subject != WHOLE or x.guessed for x in s.subjects) or \
                _OTHER_FUND.search(s.text) or _NOT_REVENUE.search(s.text) or \
                _CAUSE_OR_PLACE.search(s.text) or _POINTING.search(s.text):
            return False
        # (A council tax band, "Band D", or a lone capital names no service either.)
        return not any(m.start() > 0 and m.group(0).lower() not in _PLAIN_CAPITALS and
                       not _TITLE_BEFORE.search(s.text, 0, m.start()) and
                       not _TAX_BAND.match(s.text, m.start()) and
                       not any(x.start <= m.start() < x.end for x in s.subjects)
                       for m in _CAPITALISED.finditer(s.text))

    def _names(self, f: Figure) -> set[str]:
        """The subjects that name figure ``f``: its own, and for a total the only budget line
        or savings area when the data have just one (then its label names the total too)."""
        names = {f.subject} if f.subject else set()
        if f.scope == "total" and f.unit != "count":
            names.add(WHOLE)  # "the directorate's overspend": the total
        if f.scope == "total" and f.unit != "count" and self.only_line and \
                f.key.split(".")[0] in ("budget", "previous_budget"):
            names.add(self.only_line)
        if f.scope == "total" and self.only_area and f.key.startswith("savings."):
            names.add(self.only_area)
        return names

    def _rate(self, s: Sentence, lit: Literal_, lo: int, hi: int) -> Claim | None:
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
        return Claim(latest, [latest], [(best.start, best.end)])

    def _measure(self, s: Sentence, lit: Literal_, mentions: list[_Mention],
                 to_value: bool, inside: set[_Mention],
                 head: Literal_ | None = None) -> _Mention | None:
        # In "from X to Y" (or "by X to Y") X does not stand between Y and its words; nor does
        # Y in "X of the Y savings", nor an earlier item of a list with its own.
        head = head or lit
        whole = next((o for o in s.lits if o.kind == lit.kind and 0 < o.start - lit.end <= 12
                      and _OF_THE_AFTER.match(s.text[lit.end:o.start])), None)
        starts = sorted(o.start for o in s.lits if o is not lit and o.kind == lit.kind and not (
            to_value and o.end <= lit.start and
            re.search(r"\b(?:from|by)\s+(?:the\s+|a\s+)?$",
                      s.text[max(0, o.start - 12):o.start], re.IGNORECASE)) and
            o is not whole and not (head.start <= o.start < lit.start))
        usable = [m for m in mentions if _distance((m.start, m.end), head) <= 2 * _MAX_GAP
                  and not _blocked(starts, lit, (m.start, m.end))
                  and not self._owned(s, lit, m)]
        # Growth words only measure the amount they introduce or follow ("invest £2m", "£2m of
        # investment"), never one further on in their clause.
        # (Savings identified for a budget, inferred, are savings words as any other.)
        usable = [m for m in usable if not m.inferred or m.measures == {"target"} or (
            _CHANGE_GOVERNS.match(s.text[m.end:lit.start]) if m.end <= lit.start else
            re.fullmatch(r"\s*(?:of\s+)?", s.text[lit.end:m.start], re.IGNORECASE))]
        if whole is not None:
            # In "£2.9m of the £3.5m savings target" the words right by £3.5m are its own;
            # £2.9m is the part of it achieved, unless other words say what part.
            own = [m for m in usable if m.start >= whole.end and
                   self._bound_to(s.text, whole, m)]
            rest = [m for m in usable if m not in own]
            if own and not rest:
                return _part_of_a_whole(own[0])
            usable = rest
        opening = _OF_THE_WHOLE_OPENING.match(s.text)
        if whole is None and opening is not None and lit.start >= opening.end():
            # "Of the £700k savings target, £437k has been achieved": the opening's words are
            # the whole's; the part's own words say what part it is
            own = [m for m in usable if opening.start("words") <= m.start < opening.end("words")]
            rest = [m for m in usable if m not in own]
            if own and not rest:
                return _part_of_a_whole(own[0])
            usable = rest
        # "£10.5m above the approved budget (of £375.2m)": the amount is the variance.
        against = _AGAINST_BUDGET_AFTER.match(s.text, lit.end)
        if against:
            sign = -1 if against["under"] else 1
            return _Mention(against.start(), against.end(), frozenset({"variance"}), sign)
        # A change word right after the number is its noun: "a £250,000 reduction" (growth
        # words also after "of": "£3.6m of investment proposals", unless a change word proper
        # introduces the number: "a further £3m is being invested").
        sure = any(not m.inferred and "change" in m.measures and m.end <= lit.start and
                   _CHANGE_GOVERNS.match(s.text[m.end:lit.start]) for m in usable)
        for m in usable:
            if "change" in m.measures and m.start >= lit.end and not (m.inferred and sure) and \
                    re.fullmatch(r"\s*(?:of\s+)?" if m.inferred else r"\s*",
                                 s.text[lit.end:m.start], re.IGNORECASE):
                return m
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
        # A bare "forecast" right before the amount, with a measure word proper right after it,
        # qualifies that word ("the forecast £3m over spend", "a forecast £7.6m in-year budget
        # overspend"): the measure is the word after, and a bare noun between is part of it.
        follow = next((m for m in usable if not m.weak and "change" not in m.measures and
                       m.start >= lit.end and re.fullmatch(r"\s+(?:[A-Za-z][\w-]*\s+){0,2}",
                                                           s.text[lit.end:m.start])), None)
        if follow is not None and any(
                m.weak and m.measures == {"spend"} and m.end <= lit.start and
                not s.text[m.end:lit.start].strip() for m in strong):
            strong = [m for m in strong if not m.weak or not (
                m.end <= lit.start or lit.end <= m.start < follow.start)]
        # Only a measure word proper (not a change word) outranks a bare noun; a change word
        # that does not introduce the number is the sentence's verb ("had decreased and was
        # now 650"), so a measure word proper outranks it too.
        decisive = [m for m in strong if "change" not in m.measures]
        pool = decisive if decisive else usable
        # A "budget" that is the object of a preposition ("an overspend on the revenue
        # budget") names what the measure is of, not the measure, when another word is there.
        def demoted(m: _Mention) -> bool:
            return m.measures == {"budget"} and \
                bool(_PREPOSITION_BEFORE.search(s.text[max(0, m.start - 60):m.start])) and \
                not _budget_of_its_own(s, lit, m, pool)
        preferred = [m for m in pool if not demoted(m)] or pool
        # A measure word inside a label is part of its name ("Demand pressure"): it counts,
        # but as if it were further away than the words outside.
        return min(preferred, key=lambda m: _distance((m.start, m.end), lit) +
                   (_INSIDE_LABEL if m in inside else 0))

    def _continued(self, s: Sentence, lit: Literal_, subjects: list[_Subject],
                   lo: int) -> Literal_ | None:
        """The amount a "further" amount goes on from, when it names a subject of its own
        ("spends £110m on adults and a further £82m on children's services", "overspent by
        £7.7m with a further £4.7m overspend on children's services"): the same measure of
        another subject, not an increment."""
        join = _FURTHER_ITEM_BEFORE.search(s.text, max(lo, lit.start - 40), lit.start)
        if join is None:
            return None
        earlier = [o for o in s.lits if o.kind == lit.kind and lo <= o.start and
                   o.end <= join.start()]
        a, b = s.own_phrases[lit.start]
        own = {x.subject for x in subjects if a <= x.start and x.end <= b
               and x.subject not in SCOPES}
        if not earlier or not own:
            return None
        theirs = {x.subject for x in subjects if x.end <= join.start()
                  and x.subject not in SCOPES}
        return earlier[-1] if theirs and not theirs & own else None

    @staticmethod
    def _owned(s: Sentence, lit: Literal_, m: _Mention) -> bool:
        """A count's words right after an earlier count are that count's: "146 children in
        residential accommodation, 40 in Council-run homes" (an amount's words may be taken
        up again: "£3.1m overspend was predicted ... and has increased to £3.6m")."""
        if lit.kind != "count" or m.end > lit.start:
            return False
        owner = s.word_after_count.get(m.start)
        return owner is not None and owner is not lit

    @staticmethod
    def _bound_to(text: str, lit: Literal_, m: _Mention) -> bool:
        """A bare noun right by its number: "budget of £1.8M", "£70m budget"."""
        if m.end <= lit.start:
            return bool(re.fullmatch(r"\s*(?:of|is|was|were|at|stood at|amounted to|totall?ing|"
                                     r":)?\s*(?:(?:approximately|around|about|some)\s+)?",
                                     text[m.end:lit.start], re.IGNORECASE) or
                        _SET_FOR_A_YEAR_GAP.fullmatch(text[m.end:lit.start]) or
                        _appositive(text, lit, m))
        # "£31m of savings": savings are the amount's own noun after "of" too
        return not text[lit.end:m.start].strip() or (
            m.measures <= {"target", "achieved"} and
            re.fullmatch(r"\s+of\s+", text[lit.end:m.start]) is not None)

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

    def _pick(self, s: Sentence, lit: Literal_, cands: list[Figure], subjects: list[_Subject],
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
        # A name in the number's own phrase ("£656K overspend in children's placements") is
        # its subject; one in an earlier number's phrase is that number's ("75 children in
        # external residential placements and 47 children placed in foster care").
        lo_own, hi_own = self._own_phrase(s, lit)
        # (Not a name after a cause: "an underspend due to the Council not being able to …"
        # says why, not what it is of.)
        own = [x for x in subjects if lo_own <= x.start and x.end <= hi_own and not x.part]
        # (A name runs on past the own phrase's "and" between its capitalised words: "on the
        # Parks and Leisure Service".)
        name = _UNKNOWN_NAME_AFTER.match(s.text, lo_own, max(hi_own, hi))
        if name and not any(x.start < name.end("name") and name.start("name") < x.end
                            for x in subjects):
            return None  # "£121k for the Housing Revenue Account": a name the data do not hold
        earlier = [self._own_phrase(s, o) for o in s.lits
                   if o is not lit and o.kind == lit.kind and o.end <= lit.start]
        subjects = own or [x for x in subjects
                           if not any(a <= x.start and x.end <= b for a, b in earlier)]
        named = sorted((x for x in subjects if any(x.subject in self._names(f) for f in cands)),
                       key=lambda x: _distance((x.start, x.end), lit))
        if any(x.subject not in SCOPES and not x.part for x in named):
            # A line named in the clause says which part of the report's scope it is.
            named = [x for x in named if x.subject not in SCOPES]
        aggregate = mention.aggregate
        result = [m.end() for m in _RESULT_AFTER.finditer(s.text, lo, lit.start)]
        if aggregate and result and mention.start >= result[-1]:
            # "X was forecast to overachieve by £0.5m to give an overall favourable variance of
            # £0.3m": a name before the verb of result is the part's, the overall the whole's.
            named = [x for x in named if x.start >= result[-1]]
        if aggregate and not any(x.end <= lit.start for x in named):
            # "the overall £58.4m saving requirement": the qualifier of the number itself
            # wins over a name further on.
            named = []
        if named:
            best = named[0]
            chosen = [f for f in cands if best.subject in self._names(f)]
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
        if len(s.earlier) == 1 and not s.subjects:
            # One subject named earlier in the paragraph: the sentence goes on about it. An
            # inferred claim, so a number that agrees with any of its candidates (the total's
            # perhaps) is recognised, never an error.
            chosen = [f for f in cands if s.earlier <= self._names(f)]
            if chosen:
                return None if any(lit.agrees(f) for f in cands) else self._one(chosen, lit)
        if _DEMONSTRATIVE.search(s.text[lo:hi]):
            return None  # "placements of this type": named in another sentence
        if placement:
            # A placement figure with no type named is of all placements.
            return self._one([f for f in cands if f.scope == "total"], lit)
        if _UNKNOWN_NAME.search(s.text[lo:hi]):
            return None  # the clause is about something the data do not name
        carried = self._carried(s, lo) if lit.kind == "money" else None
        if carried is not None:
            # "The Council's budget was £194m and the forecast outturn projected an overspend
            # of £6m": a clause naming nothing, joined to one that names one subject, goes on
            # about it. Inferred, as a subject of an earlier sentence is: a number agreeing
            # with any candidate is recognised, never an error.
            chosen = [f for f in cands if carried in self._names(f)]
            if chosen:
                return None if any(lit.agrees(f) for f in cands) else self._one(chosen, lit)
        one = self._one(cands, lit)
        # (The report's own whole, named surely before the number and taken by other amounts,
        # names no other thing: "Camden Council … £35-40 million of savings by 2022 – beginning
        # with the need to make £23 million of savings in 2019/2020 alone" reads £23m as the
        # total's.)
        named = [x for x in s.subjects
                 if x.subject != WHOLE or x.guessed or x.end > lit.start]
        if one is not None or s.after_named or named or _PLACEHOLDER in s.text or \
                (mention.weak and not self._bound_to(s.text, lit, mention)):
            return one
        # No line or area is named in the sentence or earlier in the paragraph (a clause of
        # its own naming none is still about the sentence's subject), and the number agrees
        # with none of their figures: it states the report's overall figure ("A forecast
        # overspend of £8.862m"). One that agrees with a line's figure may be about that line
        # (named in another paragraph): recognised, never an error. A bare noun ("the
        # costs rose") unless bound to its number ("a forecast of £116.3m") is too weak a
        # claim to read as the total, and an expression in
        # the sentence may print the line or the period it is of.
        if any(lit.agrees(f) for f in cands):
            return None
        return self._one([f for f in cands if f.scope == "total"], lit)

    def _savings_area_named(self, subjects: list[_Subject]) -> bool:
        """Whether the clause names a savings area of the data surely and no budget line."""
        named = {x.subject for x in subjects if not x.part and x.subject not in SCOPES}
        areas = {f.subject for f in self.figures if f.scope == "area"}
        lines = {f.subject for f in self.figures if f.key.startswith("budget.lines")}
        return bool(named & areas) and not named & lines

    def _slipped_line(self, s: Sentence, mention: _Mention,
                      subjects: list[_Subject]) -> bool:
        """Whether ``mention`` is "slippage" and the clause names a budget line and no savings
        area (slippage of savings is a shortfall)."""
        if mention.measures != {"shortfall"} or not re.search(
                r"slippage", s.text[mention.start:mention.end], re.IGNORECASE):
            return False
        named = {x.subject for x in subjects if not x.part and x.subject not in SCOPES}
        lines = {f.subject for f in self.figures if f.key.startswith("budget.lines")}
        areas = {f.subject for f in self.figures if f.scope == "area"}
        return bool(named & lines) and not named & areas

    @staticmethod
    def _other_fund(s: Sentence, lit: Literal_, lo: int, hi: int) -> bool:
        """Whether the name nearest the amount in its clause is another fund than the
        council's budget (the Housing Revenue Account, the Collection Fund) that no label or
        short form of the data names: "The HRA was forecasted to have an underspend of £58k"
        is no figure of the General Fund's total."""
        funds = [m.span() for m in _OTHER_FUND.finditer(s.text, lo, hi)
                 if not any(x.start <= m.start() and m.end() <= x.end for x in s.subjects)]
        if not funds:
            return False
        near = min(_distance(f, lit) for f in funds)
        return all(_distance((x.start, x.end), lit) > near for x in s.subjects
                   if lo <= x.start and x.end <= hi)

    @staticmethod
    def _moved_item(s: Sentence, lit: Literal_) -> _Mention | None:
        """A monitoring paper's list item, a name, what moved and a dash before the amount and
        nothing after it ("car parking reduced income - £1,133,500;", "borrowing contingency
        reduced cost - £200,000"): the line's variance, adverse for less income or more cost,
        favourable for more income or less cost."""
        item = _MOVED_ITEM.search(s.text, 0, lit.start)
        if item is None or item.end() != lit.start or \
                not re.fullmatch(r"[\s;,.]*(?:and|or)?\s*", s.text[lit.end:]):
            return None
        less = item["dir"].lower() in ("reduced", "reduction", "lower", "decreased")
        income = item["what"].lower() in ("income", "fees", "receipts")
        return _Mention(item.start("dir"), item.end("what"), frozenset({"variance"}),
                        1 if less == income else -1)

    @staticmethod
    def _frame(s: Sentence, x: _Subject) -> bool:
        """Whether the report's scope is named as the frame of the whole sentence, before any
        amount ("In terms of General Fund revenue expenditure a budget underspend of £0.1m was
        forecast with a projected net expenditure of £15.7m"): then it is every amount's."""
        return not any(o.start < x.start for o in s.lits) and \
            bool(_FRAME_BEFORE.fullmatch(s.text, 0, x.start))

    @staticmethod
    def _carried(s: Sentence, lo: int) -> str | None:
        """The one subject the clause before the one starting at ``lo`` names, when the two
        are joined as one statement ("…, and …", "…; …", "… but …")."""
        joint = next(((a, b) for a, b in s.clause_breaks if b == lo), None)
        if joint is None or not _COORDINATION.fullmatch(s.text[joint[0]:joint[1]]):
            return None
        start = max((b for _, b in s.clause_breaks if b <= joint[0]), default=0)
        named = {x.subject for x in s.subjects
                 if start <= x.start and x.end <= joint[0] and not x.part}
        return next(iter(named)) if len(named) == 1 else None

    @staticmethod
    def _own_phrase(s: Sentence, lit: Literal_) -> tuple[int, int]:
        return s.own_phrases[lit.start]

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
    lit = lit.finest()  # of a number typed two ways, the reading to the finer precision
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


def quote_of(sentence: str, lit: Literal_, spans: Sequence[tuple[int, int]]) -> str:
    lo = min([lit.start, *(a for a, _ in spans)])
    hi = max([lit.end, *(b for _, b in spans)])
    return sentence[lo:hi]
