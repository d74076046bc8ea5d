"""Figures: numbers typed by hand in the narrative, table totals and percentages.

A figure typed by hand goes stale when the data change, and the seed reports show that even a
fresh one can be wrong (Rotherham's "combined projected overspend of £2,786,300" when its own
figures give £2,811,415). The narrative's *source* (report.yaml, not the rendered text) is read
with every ``{{ … }}`` expression left out, so only what an officer typed is judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from reportgen import formatting
from reportgen.bundle import SECTION_IDS, Bundle
from reportgen.checks import CheckContext, DocTable, check, define, vocabulary
from reportgen.checks.findings import Finding
from reportgen.checks.vocabulary import Figure

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

_EXPRESSION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_DIRECTIVE = re.compile(r"^\s*\[[a-z_]+:[^\]\n]*\]\s*$", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n\s*(?=[-*+]\s|\d+[.)]\s|#)")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z£0-9\"'(‘“])")
_MONEY = re.compile(
    r"(?<![\w£])(?P<sign>[-−])?£\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
    r"(?:\s?(?P<suffix>k|m|bn|million|thousand|billion)\b)?",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\w.,£])(?P<num>\d+(?:\.(?P<dec>\d+))?)\s?(?:%|per\s?cent\b)",
                      re.IGNORECASE)
_COUNT = re.compile(r"(?<![\w£.,/:\-−])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w%/:]|[.,]\d)")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
# Numbers after these words are references, ranks or dates, not counts.
_NOT_COUNT_BEFORE = re.compile(
    rf"(?:\b(?:paragraph|para|section|appendix|table|page|item|rank|ranked|number|no|quarter|"
    rf"q|phase|step|stage|tier|level|version|schedule|part|regulation|reg|s|act|chapter|"
    rf"room|year|years|aged|age|{_MONTHS})\.?\s*)$",
    re.IGNORECASE,
)
_NOT_COUNT_AFTER = re.compile(
    rf"^\s*(?:{_MONTHS}|years?|months?|weeks?|days?|hours?|am|pm|st|nd|rd|th)\b",
    re.IGNORECASE)
_MULTIPLIERS = {"k": 1000, "thousand": 1000, "m": 10**6, "million": 10**6,
                "bn": 10**9, "billion": 10**9}
# Two-word phrases that name no particular figure, so a disagreement next to one is not
# reported (it may well be about something the data do not hold, such as another budget).
_GENERIC = {"overspent by", "underspent by", "a year", "per week", "average cost", "annual cost",
            "net cost", "gross cost", "weekly cost", "projected spend", "savings of",
            "cost per annum", "for each child", "left care", "young people placed",
            "children placed", "new placements", "leaving placements"}
_MAX_GAP = 80  # characters between a figure's name and the number it names


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
    places: int = 0  # percentages: decimal places shown
    negative: bool = False

    def agrees(self, figure: Figure) -> bool:
        """Whether ``figure`` shows as this literal at the literal's own precision."""
        try:
            value = abs(Decimal(repr(float(figure.value))))
        except InvalidOperation:
            return False
        if self.kind == "percent":
            shown = (value * 100).quantize(Decimal(1).scaleb(-self.places), ROUND_HALF_UP)
            return shown == self.value
        steps = (value / self.precision).quantize(Decimal(1), ROUND_HALF_UP)
        return steps == (self.value / self.precision).quantize(Decimal(1), ROUND_HALF_UP)

    def like(self, figure: Figure) -> str:
        """``figure``'s value written the way this literal is written."""
        value = figure.value
        if self.kind == "percent":
            return formatting.percent(abs(value), self.places)
        if self.kind == "count":
            return formatting.number(abs(value))
        text = formatting.money(abs(value), self.style)
        return f"-{text}" if self.negative and value < 0 else text


def _trailing_zeros(digits: str) -> int:
    stripped = digits.rstrip("0")
    return len(digits) - len(stripped) if stripped else 0


def find_literals(sentence: str) -> list[Literal_]:
    """Money amounts, percentages and counts typed in ``sentence``, in order."""
    found: list[Literal_] = []
    taken: list[tuple[int, int]] = []
    for m in _MONEY.finditer(sentence):
        digits = m["num"].replace(",", "")
        dec = m["dec"] or ""
        mult = _MULTIPLIERS.get((m["suffix"] or "").lower(), 1)
        value = Decimal(f"{digits}.{dec}" if dec else digits) * mult
        if dec:
            precision = Decimal(1).scaleb(-len(dec)) * mult
        elif mult == 1:
            # "£2,786,300" is exact to the £100; no one rounds a pounds figure beyond £1,000.
            precision = Decimal(10) ** min(_trailing_zeros(digits), 3)
        else:
            precision = Decimal(mult)
        style = {1: "pence" if dec else "full", 1000: "k"}.get(mult, "m")
        found.append(Literal_("money", m.start(), m.end(), m.group(0), value, precision, style,
                              negative=bool(m["sign"])))
        taken.append(m.span())
    for m in _PERCENT.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        places = len(m["dec"] or "")
        found.append(Literal_("percent", m.start(), m.end(), m.group(0), Decimal(m["num"]),
                              Decimal(1).scaleb(-places), "percent", places))
        taken.append(m.span())
    for m in _COUNT.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        digits = m["num"].replace(",", "")
        if "," not in m["num"] and len(digits) == 4 and 1900 <= int(digits) <= 2099:
            continue  # a year
        if _NOT_COUNT_BEFORE.search(sentence[: m.start()]) or \
                _NOT_COUNT_AFTER.match(sentence[m.end():]):
            continue
        found.append(Literal_("count", m.start(), m.end(), m.group(0), Decimal(digits),
                              Decimal(1), "count"))
    return sorted(found, key=lambda lit: lit.start)


def sentences(text: str) -> Iterator[str]:
    """The sentences of a narrative source, expressions and table directives left out."""
    plain = _DIRECTIVE.sub(" ", _EXPRESSION.sub(" ⟨…⟩ ", text))
    for paragraph in _PARAGRAPH_BREAK.split(plain):
        flat = " ".join(paragraph.split())
        for sentence in _SENTENCE_END.split(flat):
            if sentence:
                yield sentence


def narrative_sources(bundle: Bundle) -> Iterator[tuple[str, str]]:
    """``(where, source text)`` for every piece of narrative an officer types."""
    for section_id in SECTION_IDS:
        text = getattr(bundle.sections, section_id)
        if text:
            yield f"sections.{section_id}", text
    for i, rec in enumerate(bundle.recommendations, start=1):
        yield f"recommendations[{i}]", rec.text
        if rec.reason:
            yield f"recommendations[{i}].reason", rec.reason


@dataclass(frozen=True)
class _Phrase:
    figure: int  # index into the figure list
    start: int
    end: int
    strong: bool


class _FigureIndex:
    """Every figure's label and aliases, compiled once."""

    def __init__(self, figures: Sequence[Figure]) -> None:
        self.figures = list(figures)
        self.patterns: list[tuple[int, re.Pattern[str], bool]] = []
        for i, fig in enumerate(self.figures):
            for phrase in dict.fromkeys((fig.label, *fig.aliases)):
                words = phrase.split()
                strong = len(words) >= 2 and phrase.lower() not in _GENERIC
                pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
                self.patterns.append((i, pattern, strong))

    def phrases(self, sentence: str) -> list[_Phrase]:
        out = []
        for i, pattern, strong in self.patterns:
            for m in pattern.finditer(sentence):
                out.append(_Phrase(i, m.start(), m.end(), strong))
        return out


def _period_suffix(figure: Figure) -> str | None:
    m = re.search(r"\(([^)]+)\)$", figure.label)
    return m.group(1) if m and figure.key.startswith("previous_") else None


def _score(phrase: _Phrase, lit: Literal_, figure: Figure, sentence: str) -> float:
    """Lower is closer. A name usually comes before its number, so one after counts double;
    a figure of an earlier period is chosen only when the sentence names that period."""
    if phrase.end <= lit.start:
        score = float(lit.start - phrase.end)
    elif phrase.start >= lit.end:
        score = 2.0 * (phrase.start - lit.end)
    else:
        score = 0.0
    score -= (phrase.end - phrase.start) / 100  # the longer, more specific name wins a tie
    if ".groups[" in figure.key:
        # "Combined projected overspend" names both a group of lines and the total; when the
        # data have a group, the narrative means the group (Rotherham's two external lines).
        score -= 0.005
    suffix = _period_suffix(figure)
    if suffix is not None:
        score += -1000 if suffix in sentence else 200
    return score


def _between(lits: Iterable[Literal_], lit: Literal_, phrase: _Phrase) -> bool:
    lo, hi = sorted((lit.start, phrase.start))
    return any(o is not lit and o.kind == lit.kind and lo < o.start < hi for o in lits)


def expression_for(figure: Figure, lit: Literal_) -> str:
    """The Jinja2 expression that writes ``figure`` the way ``lit`` is written."""
    expr = figure.expression
    if figure.unit == "money":
        arg = {"k": "('k')", "m": "('m')", "pence": "('pence')"}.get(lit.style, "")
        core = "| abs | money" if figure.value < 0 and not lit.negative else "| money"
        expr = expr.replace("| money }}", f"{core}{arg} }}}}")
    elif figure.unit == "percent" and lit.places:
        expr = expr.replace("| percent }}", f"| percent({lit.places}) }}}}")
    return expr


def _quote(sentence: str, lit: Literal_, phrase: _Phrase | None) -> str:
    if phrase is None:
        return sentence[lit.start:lit.end]
    return sentence[min(lit.start, phrase.start):max(lit.end, phrase.end)]


def check_literals(bundle: Bundle, figures: Sequence[Figure]) -> list[Finding]:
    """Judge every typed number that sits next to a figure's name."""
    index = _FigureIndex(figures)
    out: list[Finding] = []
    for where, text in narrative_sources(bundle):
        for sentence in sentences(text):
            lits = find_literals(sentence)
            if not lits:
                continue
            phrases = index.phrases(sentence)
            for lit in lits:
                finding = _judge(lit, lits, sentence, phrases, index.figures, where)
                if finding is not None:
                    out.append(finding)
    return out


def _judge(lit: Literal_, lits: list[Literal_], sentence: str, phrases: list[_Phrase],
           figures: list[Figure], where: str) -> Finding | None:
    named = sorted(
        ((_score(p, lit, figures[p.figure], sentence), p) for p in phrases
         if figures[p.figure].unit == lit.kind),
        key=lambda sp: sp[0],
    )
    agreeing = [(s, p) for s, p in named if lit.agrees(figures[p.figure])]
    if agreeing:
        phrase = agreeing[0][1]
        figure = figures[phrase.figure]
    elif lit.kind == "money" and any(f.unit == "money" and lit.agrees(f) for f in figures):
        # A money amount is specific enough to recognise without its name.
        phrase = None
        figure = next(f for f in figures if f.unit == "money" and lit.agrees(f))
    else:
        near = [p for s, p in named
                if p.strong and s <= _MAX_GAP and not _between(lits, lit, p)]
        if not near:
            return None
        phrase = near[0]
        figure = figures[phrase.figure]
        expr = expression_for(figure, lit)
        return MISMATCH.finding(
            f"'{_quote(sentence, lit, phrase)}' but the data give {lit.like(figure)}",
            where=where, fix=f"write {expr}")
    expr = expression_for(figure, lit)
    return HAND_TYPED.finding(
        f"'{_quote(sentence, lit, phrase)}' is typed by hand (it agrees with the {figure.label} "
        "in the data today)",
        where=where, fix=f"write {expr} so that it follows the data")


@check("bundle")
def literal_figures(ctx: CheckContext) -> list[Finding]:
    """figures.literal-mismatch and figures.hand-typed."""
    assert ctx.loaded is not None
    return check_literals(ctx.bundle, vocabulary.figures(ctx.loaded.metrics))


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
