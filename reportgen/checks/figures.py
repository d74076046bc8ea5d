"""Figures typed by hand in the narrative: ``figures.literal-mismatch`` and
``figures.hand-typed``.

A figure typed by hand goes stale when the data change, and the seed reports show that even a
fresh one can be wrong (Rotherham's "combined projected overspend of £2,786,300" when its own
figures give £2,811,415). The narrative's *source* (report.yaml, not the rendered text) is read
with every ``{{ … }}`` expression left out, so only what an officer typed is judged: how a
number is read is :mod:`reportgen.checks.numbers`, what it claims :mod:`reportgen.checks.reading`.
The table rules of the family are in :mod:`reportgen.checks.tables`.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import time
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from reportgen import budget, limits
from reportgen.bundle import Bundle
from reportgen.checks import vocabulary
from reportgen.checks.counts import (
    SUPPRESSED,
    CountReader,
    count_expression,
    hidden_keys,
    suppressed_quote,
)
from reportgen.checks.findings import Finding, Severity
from reportgen.checks.numbers import Literal_
from reportgen.checks.reading import (
    SCOPES,
    Claim,
    Judge,
    ReportNames,
    Sentence,
    expression_for,
    narrative_sources,
    paragraphs,
    quote_of,
    report_names,
)
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
TWO_READINGS = define(
    "figures.two-readings", "warning",
    "A figure typed in the narrative disagrees with the figure its words are read as, but "
    "agrees exactly with another figure of the data: which is meant is not certain.", "bundle")
NOT_CHECKED = define(
    "figures.not-checked", "warning",
    "The narrative types more numbers than the figure checker reads in one report (or its "
    "time ran out): the rest were not checked.", "bundle")


class _Reading:
    """How much more of the narrative the checker may read: MAX_CHECKED_NUMBERS typed numbers
    and MAX_CHECK_SECONDS, within the command's own deadline (reportgen/budget.py). Where it
    stopped is reported in one warning, never dropped in silence."""

    def __init__(self) -> None:
        self.numbers = 0
        until = time.monotonic() + limits.MAX_CHECK_SECONDS
        command = budget.current()
        self.until = until if command is None else min(until, command)
        self.stopped: Finding | None = None

    def stop(self, where: str, sentence: str) -> bool:
        """Whether to stop before ``sentence``; the first time, say so."""
        if self.stopped is not None:
            return True
        if self.numbers >= limits.MAX_CHECKED_NUMBERS:
            why = f"the checker reads at most {limits.MAX_CHECKED_NUMBERS:,} typed numbers " \
                  "in one report"
        elif time.monotonic() > self.until:
            why = "the checker's time ran out"
        else:
            return False
        start = " ".join(sentence.split()[:8])
        self.stopped = NOT_CHECKED.finding(
            f"not checked: the numbers typed from '{start}' on, and in every later section: "
            f"{why}", where=where,
            fix="write the figures as expressions ({{ … }}) so that they follow the data")
        return True


def _period(bundle: Bundle) -> Period | None:
    if not bundle.period:
        return None
    try:
        return parse_period(bundle.period)
    except ReportgenError:
        return None


def check_literals(bundle: Bundle, figures: Sequence[Figure],
                   counts: CountReader | None = None) -> list[Finding]:
    """Judge every typed number against the figure its words say it is (a count against
    ``counts``' figures, by default ``figures``' counts)."""
    period = _period(bundle)
    judge = Judge(figures, period, names_of(bundle))
    counts = counts or CountReader(figures, period)
    reading = _Reading()
    out: list[Finding] = []
    for where, text, headings in narrative_sources(bundle):
        out.extend(_judge_text(judge, text, where, headings, reading, counts))
    return out if reading.stopped is None else [*out, reading.stopped]


def names_of(bundle: Bundle) -> ReportNames:
    """The report's own names (reading.report_names) from its report.yaml."""
    return report_names(bundle.council, bundle.report.directorate, bundle.meeting.committee,
                        bundle.abbreviations, bundle.budget_scope)


def check_text(text: str, figures: Sequence[Figure], period: str | None = None,
               where: str = "text", headings: str = "",
               names: ReportNames | None = None,
               counts: CountReader | None = None) -> list[Finding]:
    """Judge the numbers typed in ``text`` (a narrative source, under ``headings``) against
    ``figures``, for a report of ``period`` ("2024/25 Q3") whose own names are ``names``; its
    counts against ``counts`` (:func:`readers`), by default ``figures``' counts."""
    reading = _Reading()
    parsed = parse_period(period) if period else None
    out = _judge_text(Judge(figures, parsed, names), text, where, headings, reading,
                      counts or CountReader(figures, parsed))
    return out if reading.stopped is None else [*out, reading.stopped]


def _judge_text(judge: Judge, text: str, where: str, headings: str,
                reading: _Reading, counts: CountReader) -> list[Finding]:
    return [finding for _, _, _, finding in
            judged_numbers(judge, counts, text, where, headings, reading)
            if finding is not None]


def judged_numbers(judge: Judge, counts: CountReader, text: str, where: str, headings: str,
                   reading: _Reading | None = None
                   ) -> Iterator[tuple[int, Sentence, Literal_, Finding | None]]:
    """Every typed number of the narrative source ``text`` (under ``headings``), judged:
    ``(n, sentence, literal, finding)``, ``n`` counting the sentences of
    reading.paragraphs(text) in order. The one reading of a text, for the checker and for
    ``check --fix``; ``reading`` bounds it (the checker's budget of numbers and time)."""
    # A heading that names a line or area (the section's own, or a Markdown one in the text)
    # says what the paragraphs under it are about, until the next heading.
    def named_in(text: str) -> frozenset[str]:
        # The report's own scope is named everywhere: it says nothing of what follows.
        return frozenset(x.subject for x in judge.subjects.find(text)
                         if x.subject not in SCOPES)

    headed = named_in(headings) if headings else frozenset()
    n = -1
    for paragraph in paragraphs(text):
        if paragraph[0].startswith("#"):
            headed = named_in(" ".join(paragraph))
        earlier = headed
        for sentence in paragraph:
            n += 1
            if reading is not None and reading.stop(where, sentence):
                return
            s = judge.read(sentence, earlier)
            if reading is not None:
                reading.numbers += len(s.lits)
            claims = _claims(judge, s)
            for lit in s.lits:
                yield n, s, lit, (_judge_count(counts, s, lit, where) if lit.kind == "count"
                                  else _judge(judge, s, lit, where, claims[id(lit)]))
            earlier = earlier | {x.subject for x in s.subjects if x.subject not in SCOPES}


def _claims(judge: Judge, s: Sentence) -> dict[int, Claim | None]:
    """The claim of each typed amount and percentage of a sentence (by ``id`` of its literal).
    Two different amounts of one sentence read as the same figure cannot both be it: the
    sentence tells them apart by words the reading missed ("an underspend of £646k which,
    after a reallocation of £275k, gives an underspend of £371k"; "the projected £3.5m
    overspend ... a total overspend of £3.89m, which included ..."), so neither reading is
    certain and a disagreement is a warning, not an error."""
    read = [(lit, judge.claim(s, lit)) for lit in s.lits if lit.kind != "count"]
    # The amounts read as each figure.
    values: dict[str, set[Any]] = {}
    for lit, claim in read:
        if claim is not None and claim.figure is not None:
            values.setdefault(claim.figure.key, set()).add(lit.value)
    for lit, claim in read:
        if claim is not None and claim.figure is None and lit.kind == "money":
            # An amount whose words leave it ambiguous among figures of its measure and that
            # agrees with the one another amount of the sentence is read as ("the projected
            # £3.5m overspend ... a total overspend of £3.89m"): it may well be that figure,
            # and the other amount another.
            for c in claim.candidates:
                if c.key in values and lit.agrees(c):
                    values[c.key].add(lit.value)
    claims = {id(lit): dataclasses.replace(claim, explicit=False)
              if claim is not None and claim.figure is not None and claim.explicit and
              len(values[claim.figure.key]) > 1 else claim
              for lit, claim in read}
    return _shares_of_inferred(s, claims)


_SHARE_AFTER = re.compile(r"\s*\(\s*$")


def _shares_of_inferred(s: Sentence, claims: dict[int, Claim | None]) -> dict[int, Claim | None]:
    """A percentage in brackets right after an amount ("an underspend of £371k (0.3%)") is that
    amount's share of its whole: when the amount's reading is only inferred, so is the
    percentage's."""
    ordered = sorted(s.lits, key=lambda o: o.start)
    for amount, pct in itertools.pairwise(ordered):
        if amount.kind != "money" or pct.kind != "percent" or \
                not _SHARE_AFTER.fullmatch(s.text, amount.end, pct.start):
            continue
        mine, theirs = claims.get(id(pct)), claims.get(id(amount))
        if mine is not None and mine.figure is not None and mine.explicit and \
                theirs is not None and theirs.figure is not None and not theirs.explicit:
            claims[id(pct)] = dataclasses.replace(mine, explicit=False)
    return claims


def _judge(judge: Judge, s: Sentence, lit: Literal_, where: str,
           claim: Claim | None) -> Finding | None:
    if claim is not None and claim.figure is not None:
        figure = claim.figure
        quote = quote_of(s.text, lit, claim.evidence)
        if claim.direction:
            # The words call an overspend an underspend (or the reverse): wrong at any amount.
            what = "an overspend" if figure.value > 0 else "an underspend"
            return MISMATCH.finding(
                f"'{quote}' but the data give {what} of {lit.like(figure, named=True)}",
                where=where, fix=f"call it {what} and write {expression_for(figure, lit)}",
                severity=None if claim.explicit else "warning")
        if not lit.agrees(figure):
            other = _other_reading(judge.figures, figure, lit, claim.sign)
            if other is not None:
                return _two_readings(figure, other, lit, quote, where)
            # An inferred claim (reading.Claim.explicit) disagreeing is a warning: on councils'
            # wording the checker was not written from, such readings are too often wrong to
            # stop a render (tests/wording/README.md, the hold-outs).
            sure = claim.explicit and not _round_millions(s, lit, figure)
            return MISMATCH.finding(f"'{quote}' but the data give {lit.like(figure, named=True)}",
                                    where=where, fix=f"write {expression_for(figure, lit)}",
                                    severity=None if sure else "warning")
        return _hand_typed(figure, lit, quote, where)
    # No one figure is claimed: a number that agrees with one of the candidates, or a money
    # amount that agrees with any figure, is still recognised (it will go stale).
    pool = claim.candidates if claim is not None else []
    agreeing = [f for f in pool if lit.agrees(f)]
    if not agreeing and lit.kind == "money" and lit.bound in ("exact", "approx"):
        # Not a variance of the other direction: "an underspend of £673k" does not agree
        # with an overspend of £673k.
        sign = claim.sign if claim is not None else 0
        agreeing = [f for f in judge.figures if f.unit == "money" and lit.agrees(f) and
                    not (sign and f.measure == "variance" and f.value * sign < 0)]
    if agreeing:
        return _hand_typed(agreeing[0], lit, s.text[lit.start:lit.end], where)
    return None


def _round_millions(s: Sentence, lit: Literal_, figure: Figure) -> bool:
    """Whether a whole-pounds amount that is a round multiple of £10,000 ("£30,000",
    "£350,000") agrees with ``figure`` read to its last non-zero digit. Minutes often write
    out a report's "£0.03m", "£0.35m" or "£0.3m" in pounds, so such an amount may be rounded
    that far; unless the sentence shows another amount to the pound or the thousand
    ("increased by £78,000 to £200,000"), a disagreement within that rounding is not
    certain."""
    if lit.kind != "money" or lit.style != "full" or lit.bound != "exact" or \
            lit.value <= 0 or lit.value % 10_000:
        return False
    if any(o is not lit and o.kind == "money" and o.style == "full" and o.value % 10_000
           for o in s.lits):
        return False
    digits = str(int(lit.value))
    coarse = Decimal(10) ** (len(digits) - len(digits.rstrip("0")))
    return dataclasses.replace(lit, precision=coarse).agrees(figure)


def _other_reading(figures: Sequence[Figure], claimed: Figure, lit: Literal_,
                   sign: int = 0) -> Figure | None:
    """Another figure of the data the typed number agrees with exactly, when its words were
    read as ``claimed``, which it does not: two readings disagree, so the number is not surely
    wrong (an error must be certain). A correct figure always agrees with some figure of the
    data, and a misread sentence is likelier than a wrong number that happens to equal
    another figure; but a number written to one significant figure ("£4m") agrees with too
    much by chance, and the claimed figure's own measure and subject at another period is the
    figure gone stale, which is wrong."""
    if lit.bound != "exact" or lit.value < 10 * lit.precision:
        return None
    for f in figures:
        if f.unit != lit.kind or f.key == claimed.key or not lit.agrees(f):
            continue
        if f.subject == claimed.subject and f.measure == claimed.measure:
            continue
        # "an underspend of £673k" does not agree with an overspend of £673k
        if sign and f.measure == "variance" and f.value * sign < 0:
            continue
        return f
    return None


def _two_readings(claimed: Figure, other: Figure, lit: Literal_, quote: str,
                  where: str) -> Finding:
    return TWO_READINGS.finding(
        f"'{quote}' agrees with the {other.label} in the data, but its words read as the "
        f"{claimed.label}, which the data give as {lit.like(claimed, named=True)}",
        where=where,
        fix=f"write {expression_for(other, lit)} if the {other.label} is meant, or "
            f"{expression_for(claimed, lit)}")


def _judge_count(counts: CountReader, s: Sentence, lit: Literal_, where: str) -> Finding | None:
    """A typed count (checks/counts.py): as :func:`_judge`, but a count the public report
    suppresses is reported without its value, whether the number is right or not."""
    claim = counts.claim(s.text, lit, s.earlier)
    if claim is None:
        return None
    figure = claim.figure
    severity: Severity | None = None if claim.explicit else "warning"
    if figure is not None and claim.hidden:
        return SUPPRESSED.finding(
            f"'{suppressed_quote(s.text, lit, claim)}': a number is typed for the "
            f"{figure.label}, which this public report suppresses (whether it is right is not "
            "said here)", where=where,
            fix=f"write {expression_for(figure, lit)} (it prints as the suppression symbol), "
                "or leave the number out", severity=severity)
    if figure is not None:
        quote = quote_of(s.text, lit, claim.evidence)
        expression = count_expression(figure, expression_for(figure, lit))
        if claim.reversed:
            way = "a fall" if figure.value < 0 else "a rise"
            return MISMATCH.finding(
                f"'{quote}' but the data give {lit.like(figure, named=True)}, {way}: the "
                "change goes the other way", where=where,
                fix=f"write {expression} and say which way it went", severity=severity)
        if not lit.agrees(figure):
            return MISMATCH.finding(f"'{quote}' but the data give {lit.like(figure, named=True)}",
                                    where=where, fix=f"write {expression}", severity=severity)
        return _hand_typed(figure, lit, quote, where, expression)
    agreeing = [f for f in claim.candidates if lit.agrees(f)]
    if agreeing:
        return _hand_typed(agreeing[0], lit, s.text[lit.start:lit.end], where)
    return None


def _hand_typed(figure: Figure, lit: Literal_, quote: str, where: str,
                expression: str | None = None) -> Finding:
    return HAND_TYPED.finding(
        f"'{quote}' is typed by hand (it agrees with the {figure.label} in the data today)",
        where=where, fix=f"write {expression or expression_for(figure, lit)} so that it "
                         "follows the data")


@check("bundle")
def literal_figures(ctx: CheckContext) -> list[Finding]:
    """figures.literal-mismatch and figures.hand-typed."""
    assert ctx.loaded is not None
    plan = ctx.result.plan if ctx.result is not None else None
    return check_literals(ctx.bundle, *readers(ctx.bundle, ctx.loaded.metrics, plan))


def readers(bundle: Bundle, metrics: Any, plan: Any = None
            ) -> tuple[list[Figure], CountReader]:
    """What the narrative of ``bundle`` is judged against: the figures a public report may
    print (money and percentages), and the reader of its counts, which knows every count
    figure, the suppressed ones too, so that a number typed for one is reported, never with
    its value (checks/counts.py). ``plan`` as for :func:`shown_figures`."""
    figures = vocabulary.figures(metrics)
    plan = plan if plan is not None else _plan(bundle, metrics)
    shown = shown_figures(bundle, metrics, figures, plan)
    every = [*figures, *vocabulary.count_figures(metrics)]
    kept = {f.key for f in shown}
    hidden = hidden_keys(every, [f.key for f in figures if f.key not in kept], metrics, plan)
    return shown, CountReader(every, _period(bundle), hidden, metrics.as_at)


def _plan(bundle: Bundle, metrics: Any) -> Any:
    """The disclosure plan render would make from the bundle's settings."""
    from reportgen import disclosure

    settings = bundle.settings
    return disclosure.plan_for(metrics, settings.suppression_threshold, settings.public,
                               disclosure.Symbols.of(settings), settings.top_n)


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
    if not plan.public:
        return list(figures)

    def hidden(figure: Figure) -> bool:
        types = _TYPE_IN_EXPRESSION.findall(figure.expression)
        return (any(plan.is_hidden(t) for t in types)
                or ("placements.total." in figure.expression and plan.is_hidden("total"))
                # the top-N the document lists leaves hidden types out: the data's own list
                # (and its sum) would quote their placements' costs
                or ("placements.top" in figure.expression and plan.top_filtered)
                or any(plan.count_hidden(c.key) and c.key in figure.expression
                       for c in plan.counts)
                or any(f"placements.{flow}" in figure.expression
                       for flow in plan.hidden_flows))

    return [f for f in figures if not hidden(f)]
