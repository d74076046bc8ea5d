"""Disclosure control: no child identifiers in the output; small counts suppressed.

Messages never repeat an identifier: they name the column and the data row, so that the
finding itself (printed to a terminal, kept in a build log) leaks nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from reportgen import disclosure
from reportgen.checks.docx_view import DocTable
from reportgen.checks.findings import Finding
from reportgen.checks.reading import sentence_pieces
from reportgen.checks.registry import CheckContext, check, define
from reportgen.disclosure.solver import UNBOUNDED, Fact, feasible_values
from reportgen.disclosure.text import (
    Form,
    dates_in,
    find_identifiers,
    index_forms,
    name_forms,
    normalise,
    reference_forms,
)

if TYPE_CHECKING:  # pandas only when a document is checked against its data
    import pandas as pd

    from reportgen.disclosure.periods import Unlinked
    from reportgen.pipeline import LoadedReport

IDENTIFIER = define(
    "disclosure.child-identifier", "error",
    "A child's reference, name or date of birth from the placements data appears in the "
    "document.", "document")
SMALL_COUNT = define(
    "disclosure.small-count", "error",
    "A public report shows a count of children or placements below the suppression threshold "
    "instead of 'fewer than N'.", "document")
SECONDARY = define(
    "disclosure.secondary-suppression", "error",
    "A suppressed count of a table column can be worked out from the other rows and the "
    "total (for example only one is suppressed while the total is shown).", "document")
FALSE_LABEL = define(
    "disclosure.suppression-label", "error",
    "A table's suppressed cells cannot add up to its total within the bounds their labels "
    "state (a secondarily suppressed count labelled 'fewer than N').", "document")
REVEALED = define(
    "disclosure.revealed-count", "error",
    "A public report reveals a count the document hides, or a small count, through a "
    "percentage of a total, an average next to its total, or a count in any phrasing.",
    "document")
QUARTER_DIFFERENCE = define(
    "disclosure.period-difference", "error",
    "A count hidden in one period's report can be worked out from another period's report "
    "(checked with --compare-period).", "bundle")

SENSITIVE = ("reference", "child_name", "date_of_birth")
_MIN_LENGTH = {"reference": 4, "child_name": 3}

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}
_FUNCTION_WORDS = {"of", "the", "and", "or", "to", "in", "for", "per", "a", "an", "at", "on",
                   "by", "with", "from", "than", "is", "are", "was", "were", "be", "been",
                   "week", "weeks", "month", "months", "year", "years", "day", "days"}
_NOUNS = (r"children|child|young people|young person|looked after children|care leavers?|"
          r"placements?")
_NARRATIVE_COUNT = re.compile(
    rf"(?<![\w£.,/-])(?P<n>\d+|{'|'.join(_WORDS)})"
    rf"(?P<mid>(?:\s+of\s+(?:our|the|these|those|its|their))?(?:\s+[a-z][a-z-]*){{0,2}}?)"
    rf"\s+(?P<noun>{_NOUNS})\b",
    re.IGNORECASE,
)
#: "Secure placements this quarter: 2.", "children placed in secure units – 2"
_COUNT_AFTER = re.compile(
    rf"\b(?P<noun>{_NOUNS})\b[^.;:\d£%]{{0,40}}[:–—-]\s*(?P<n>\d+|{'|'.join(_WORDS)})"
    r"(?![\w%£]|[.,/]\d)", re.IGNORECASE)
_PERCENT = re.compile(r"(?<![\w.])(?P<p>\d{1,3}(?:\.(?P<dec>\d+))?)\s?(?:%|per\s?cent)",
                      re.IGNORECASE)
_MONEY = re.compile(r"£\s?(?P<a>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?\s?(?P<k>k|m)?\b",
                    re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(r"(?:average|mean)(?:\s+\w+){0,3}\s*(?:of|is|was|:)?\s*$",
                             re.IGNORECASE)
_EACH_AFTER = re.compile(r"^\s*(?:each|per\s+(?:child|placement|young\s+person|head)|a\s+"
                         r"head|apiece)\b", re.IGNORECASE)
_INTEGER = re.compile(rf"(?<![\w£.,/-])(?P<n>\d+|{'|'.join(_WORDS)})(?![\w%£]|[.,/]\d)",
                      re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+|\n+")
_CHILD_WORDS = re.compile(rf"\b(?:{_NOUNS}|placed|cohort|looked after)\b", re.IGNORECASE)
#: Label words too common to tie a sentence to one placement type.
_LABEL_STOP = {"care", "with", "placed", "leaving", "children", "placements", "placement",
               "carers", "connected", "other", "agency", "independent", "semi"}
_SINGULAR = {"child", "young person", "care leaver", "placement"}
_SUPPRESSED_BEFORE = re.compile(r"(?:fewer|less)\s+than\s*$", re.IGNORECASE)
_COUNT_HEADER = re.compile(
    r"^(?:number of |no\.? of )?(?:children|young people|placements|looked after children|"
    r"care leavers)\b",
    re.IGNORECASE,
)
_SUPPRESSED_CELL = re.compile(r"fewer than|less than|^<\s*\d|^\*+$|^\[c\]$|suppressed", re.I)


# --------------------------------------------------------------------------- identifiers


def _searchable(placements: pd.DataFrame
                ) -> tuple[dict[str, list[tuple[Form, object]]],
                           dict[object, list[tuple[str, int]]]]:
    """Every way each identifier may be written (:mod:`reportgen.disclosure.text`), tagged
    (column, position); and dates of birth → the same."""
    import pandas as pd

    forms: list[tuple[Form, object]] = []
    births: dict[object, list[tuple[str, int]]] = {}
    for column in SENSITIVE:
        if column not in placements.columns:
            continue
        for pos, value in enumerate(placements[column].tolist()):
            if value is None or value is pd.NA or value is pd.NaT or value != value:
                continue
            if column == "date_of_birth":
                births.setdefault(pd.Timestamp(value).date(), []).append((column, pos))
                continue
            found = name_forms(str(value)) if column == "child_name" \
                else reference_forms(str(value))
            for form in found:
                if len(form.compact) < _MIN_LENGTH[column] or (
                        form.compact.isdigit() and len(form.compact) < 6):
                    continue  # too short to tell apart from ordinary text
                forms.append((form, (column, pos)))
    return index_forms(forms), births


def identifier_positions(placements: pd.DataFrame, text: str) -> list[tuple[str, int]]:
    """(column, data position) of every identifier from ``placements`` found in ``text`` as a
    reader would read it: confusable skeletons, invisible characters, spacing and separators,
    name order, initials and family names (:mod:`reportgen.disclosure.text`), written dates."""
    forms, births = _searchable(placements)
    hits: dict[tuple[str, int], None] = {}
    for tag in sorted(find_identifiers(text, forms), key=str):
        hits[tag] = None  # type: ignore[index]
    if births:
        for day in dates_in(normalise(text)):
            for hit in births.get(day, []):
                hits[hit] = None
    return sorted(hits, key=lambda h: (h[1], SENSITIVE.index(h[0])))


def identifier_findings(placements: pd.DataFrame, text: str, data_file: str) -> list[Finding]:
    """disclosure.child-identifier for ``text`` (everything a reader can see)."""
    out = []
    for column, pos in identifier_positions(placements, text):
        row = pos + 2  # the header is row 1 of the file
        out.append(IDENTIFIER.finding(
            f"the document contains a child's {column} from {data_file}, row {row} "
            "(the value is not repeated here)",
            where="document",
            fix="remove it from the narrative, standard texts, template, alt text or document "
                "properties: references, names and dates of birth must never appear in a "
                "report"))
    return out


@check("document")
def child_identifiers(ctx: CheckContext) -> list[Finding]:
    assert ctx.loaded is not None and ctx.doc is not None
    placements = ctx.loaded.datasets.get("placements")
    if placements is None:
        return []
    path = ctx.bundle.data_path("placements")
    name = ctx.bundle.data.placements if path is not None else "the placements data"
    return identifier_findings(placements, ctx.doc.reader_text, str(name))


# --------------------------------------------------------------------------- small counts


def _count(text: str) -> int | None:
    t = text.strip().replace(",", "")
    if t.isdigit():
        return int(t)
    return _WORDS.get(t.lower())


_BELOW = re.compile(r"(?:fewer|less)\s+than\s+(\d+)|^<\s*(\d+)", re.IGNORECASE)


def _suppressed_bound(cell: str, symbols: disclosure.Symbols) -> tuple[int, int] | None:
    """The bounds a suppressed cell states ([1, N − 1] for "fewer than N"), or None when the
    cell is not suppressed."""
    m = _BELOW.search(cell)
    if m:
        n = int(m.group(1) or m.group(2))
        return 1, max(n - 1, 1)
    stripped = cell.strip().strip("[]")
    if stripped == symbols.confidential or _SUPPRESSED_CELL.search(cell):
        return 1, UNBOUNDED
    return None


def table_count_findings(table: DocTable, threshold: int,
                         symbols: disclosure.Symbols | None = None) -> list[Finding]:
    """disclosure.small-count, .secondary-suppression and .suppression-label for one table.

    The hidden cells of each count column are solved as a reader would: every shown cell,
    the total when shown, and the bounds each label states.
    """
    symbols = symbols or disclosure.Symbols()
    rows = [r for r in table.rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        return []
    header = rows[0]
    body = rows[1:]
    has_total = bool(body) and any(c.strip().lower().startswith("total") for c in body[-1])
    out = []
    for j, name in enumerate(header):
        if "£" in name or not _COUNT_HEADER.match(name.strip()):
            continue
        bounds: dict[str, tuple[int, int]] = {}
        shown_sum = 0
        for i, row in enumerate(body[:-1] if has_total else body):
            if len(row) <= j:
                continue
            cell = " ".join(row[j].split())
            label = next((c.strip() for c in row if c.strip() and c is not row[j]), "")
            bound = _suppressed_bound(cell, symbols)
            if bound is not None:
                bounds[f"{i}:{label}"] = bound
                continue
            n = _count(cell)
            if n is None:
                continue
            shown_sum += n
            if disclosure.is_small(n, threshold):
                out.append(SMALL_COUNT.finding(
                    f"{table.name}: '{name.strip()}' shows {n} for '{label}', below the "
                    f"suppression threshold of {threshold}",
                    where="document",
                    fix=f"show '{symbols.confidential}' and hide the next smallest number "
                        "too (the generated tables do this)"))
        total = _count(body[-1][j]) if has_total and len(body[-1]) > j else None
        if not bounds or total is None:
            continue
        rest = total - shown_sum
        capped = {k: (lo, min(hi, max(rest, lo))) for k, (lo, hi) in bounds.items()}
        values = feasible_values(capped, [Fact.total(list(capped), rest)])
        if values is not None and all(not v for v in values.values()):
            out.append(FALSE_LABEL.finding(
                f"{table.name}: the suppressed numbers under '{name.strip()}' cannot add up "
                f"to the total of {total} within the bounds their labels state",
                where="document",
                fix=f"label every suppressed number '{symbols.confidential}' with a legend; "
                    "a number hidden only so that another cannot be worked out is not "
                    "'fewer than' anything"))
        elif values is None or any(len(v) == 1 for v in values.values()):
            out.append(SECONDARY.finding(
                f"{table.name}: a suppressed number under '{name.strip()}' can be worked out "
                "from the other rows and the total",
                where="document",
                fix="suppress the next smallest number as well, or do not show the total"))
    return out


def narrative_count_findings(where: str, text: str, threshold: int) -> list[Finding]:
    """Small counts written as counts: "three children", "2 of our children", "Secure
    placements this quarter: 2."."""
    out = []
    found: list[tuple[int, str]] = []
    for m in _NARRATIVE_COUNT.finditer(text):
        words = m["mid"].lower().split()
        if words[:1] != ["of"] and any(w in _FUNCTION_WORDS for w in words):
            continue
        n = _count(m["n"])
        if n is None or not disclosure.is_small(n, threshold):
            continue
        if n > 1 and m["noun"].lower() in _SINGULAR and words[:1] != ["of"]:
            continue  # "three placement challenge panels": not a count of placements
        # "1 children ceased", "1 current placements": what a template prints for one
        if _SUPPRESSED_BEFORE.search(text[: m.start()]):
            continue
        found.append((m.start(), " ".join(m.group(0).split())))
    for m in _COUNT_AFTER.finditer(text):
        n = _count(m["n"])
        if n is not None and disclosure.is_small(n, threshold):
            found.append((m.start(), " ".join(m.group(0).split())))
    for _, phrase in sorted(found):
        out.append(SMALL_COUNT.finding(
            f"'{phrase}' is a count below the suppression threshold of {threshold} in a "
            "public report", where=where,
            fix="write the symbol the tables use instead (or 'fewer than "
                f"{threshold}' for a count that is below it), or set settings.public: no if "
                "the report is not published"))
    return out


def _label_words(label: str) -> set[str]:
    words = set(re.findall(r"[a-z]{3,}", normalise(label)))
    acronyms = set(re.findall(r"\b[A-Z]{2,}\b", label))
    return {w for w in words if len(w) >= 4 and w not in _LABEL_STOP} | \
        {a.lower() for a in acronyms}


def _integers(sentence: str) -> list[int]:
    out = []
    for m in _INTEGER.finditer(sentence):
        n = _count(m["n"])
        if n is not None:
            out.append(n)
    return out


def _money(m: re.Match[str]) -> tuple[float, float]:
    """A money match as (pounds, half the unit shown)."""
    digits = m["a"].replace(",", "")
    dec = m["dec"] or ""
    value = float(f"{digits}.{dec}" if dec else digits)
    half = 0.5 * 10 ** -len(dec)
    scale = {"k": 1e3, "m": 1e6}.get((m["k"] or "").lower(), 1.0)
    return value * scale, half * scale


def revealed_findings(where: str, text: str, threshold: int,
                      hidden: list[tuple[str, int]], totals: list[int]) -> list[Finding]:
    """Counts a public report hides (``hidden``: label and value) or small counts, revealed
    by a percentage of a total, an average next to its total, or a number in a sentence
    naming a hidden type. ``totals`` are the cohort totals the document shows."""
    out: list[Finding] = []
    secret = {v for _, v in hidden}
    keywords = [(label, _label_words(label), value) for label, value in hidden]
    # A run-on sentence is read in pieces, as the figure checker reads it: the averages
    # below look back over the sentence for each amount, so this bounds the work.
    for sentence in (piece for whole in _SENTENCE.split(text) for piece in sentence_pieces(whole)):
        if not sentence.strip():
            continue
        plain = normalise(sentence)
        words = set(re.findall(r"[a-z]+", plain))
        named = [(label, value) for label, kws, value in keywords if kws & words]
        about_children = bool(_CHILD_WORDS.search(sentence)) or bool(named)
        reason = None
        for label, value in named:
            if value in _integers(sentence):
                reason = f"states the hidden number of '{label}'"
        if reason is None and about_children:
            denominators = {*totals, *(n for n in _integers(sentence) if n >= threshold)}
            for m in _PERCENT.finditer(sentence):
                pct = float(m["p"])
                half = 0.5 * 10 ** -len(m["dec"] or "")
                for d in denominators:
                    n = round(pct * d / 100)
                    if abs(pct * d / 100 - n) <= half * d / 100 + 1e-9 and n > 0 and (
                            disclosure.is_small(n, threshold) or n in secret):
                        reason = f"gives {m.group(0).strip()} of {d}, a hidden or small count"
                        break
                if reason:
                    break
        if reason is None:
            amounts = list(_MONEY.finditer(sentence))
            averages = [a for a in amounts if _AVERAGE_BEFORE.search(sentence[: a.start()])
                        or _EACH_AFTER.search(sentence[a.end():])]
            for avg in averages:
                b, b_half = _money(avg)
                for tot in amounts:
                    if tot is avg or b <= 0:
                        continue
                    a, a_half = _money(tot)
                    n = round(a / b)
                    if n < 1:
                        continue
                    low, high = (a - a_half) / (b + b_half), (a + a_half) / max(b - b_half, 1e-9)
                    if low <= n <= high and (disclosure.is_small(n, threshold) or n in secret):
                        reason = (f"an average of {avg.group(0).strip()} next to "
                                  f"{tot.group(0).strip()} gives a count of {n}")
                        break
                if reason:
                    break
        if reason:
            phrase = " ".join(sentence.split())
            phrase = phrase if len(phrase) <= 80 else phrase[:77] + "..."
            out.append(REVEALED.finding(
                f"'{phrase}' {reason} in a public report", where=where,
                fix="print the hidden figure through its name (it prints as its symbol), or "
                    "leave it out; never a percentage or average of a hidden count"))
    return out


def _narrative_texts(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    assert ctx.result is not None and ctx.doc is not None
    for section_id, text in ctx.result.sections.items():
        yield f"sections.{section_id}", text
    for picture in ctx.doc.pictures:
        if picture.descr:
            yield f"alt text of picture '{picture.name}'", picture.descr
    if ctx.doc.properties:
        yield "document properties", "\n".join(ctx.doc.properties)


def document_plan(ctx: CheckContext) -> disclosure.Plan:
    """The plan the renderer made for this document (asked again of the same module)."""
    assert ctx.loaded is not None
    settings = ctx.bundle.settings
    return disclosure.plan_for(ctx.loaded.metrics, settings.suppression_threshold, True,
                               disclosure.Symbols.of(settings), settings.top_n)


@check("document")
def small_counts(ctx: CheckContext) -> list[Finding]:
    assert ctx.doc is not None
    settings = ctx.bundle.settings
    if not settings.public or settings.suppression_threshold <= 1:
        return []
    threshold = settings.suppression_threshold
    symbols = disclosure.Symbols.of(settings)
    plan = document_plan(ctx)
    hidden = [(c.label, c.value) for c in plan.cells if c.hidden]
    # A hidden count outside the table (care.started…) is looked for through percentages and
    # averages only: its label's words ("after", "started") are too common to tie a sentence
    # to it.
    hidden += [("", c.value) for c in plan.counts if c.hidden]
    totals = [] if plan.total is None or plan.total.hidden else [plan.total.value]
    out: list[Finding] = []
    for table in ctx.doc.tables:
        out.extend(table_count_findings(table, threshold, symbols))
    for where, text in _narrative_texts(ctx):
        out.extend(narrative_count_findings(where, text, threshold))
    # Everything a reader can see, wherever it came from (template, standard texts, notes).
    out.extend(revealed_findings("document", ctx.doc.reader_text, threshold, hidden, totals))
    return out


# --------------------------------------------------------------------------- across periods


def period_difference_findings(own: LoadedReport, others: Sequence[LoadedReport],
                               periods: Sequence[str]) -> list[Finding]:
    """disclosure.period-difference and figures.period-link: the bundle loaded for its own
    period (``own``) and for each of ``periods`` (``others``, loaded by the caller:
    :func:`reportgen.api.period_difference_findings`), compared in date order, each pair as a
    reader holding both would. A pair that cannot be linked by the stock-and-flow identity is
    reported as "not compared" with the reason (an error when their figures break the
    identity), never passed over in silence."""
    from reportgen.checks.identities import PERIOD_LINK, hides
    from reportgen.disclosure.periods import period_link, period_reveals

    settings = own.bundle.settings
    public = settings.public and settings.suppression_threshold > 1
    loaded = [own, *others]

    def label(x: LoadedReport) -> str:
        return x.metrics.period.label if x.metrics.period else str(x.metrics.as_at)

    dated = sorted({label(x): x for x in loaded}.values(),
                   key=lambda x: x.metrics.as_at or date.min)
    symbols = disclosure.Symbols.of(settings)
    if len(dated) < 2:
        return [PERIOD_LINK.finding(
            f"not compared: --compare-period {', '.join(periods)} gives only the report's own "
            f"period ({label(own)})", where="periods", severity="warning",
            fix="name another period, e.g. the one before")]

    def plan(x: LoadedReport) -> disclosure.Plan | None:
        if not settings.public:
            return None
        return disclosure.plan_for(x.metrics, settings.suppression_threshold, settings.public,
                                   symbols, settings.top_n)

    out = []
    for earlier, later in zip(dated, dated[1:], strict=False):
        names = (label(earlier), label(later))
        unlinked = period_link(earlier.metrics, later.metrics)
        if unlinked is not None:
            out.extend(_not_compared(names, unlinked, [hides(plan(earlier)),
                                                       hides(plan(later))]))
            continue  # nothing links the two reports' facts: no pair to solve
        if not public:
            continue
        for reveal in period_reveals(earlier.metrics, later.metrics,
                                     settings.suppression_threshold, symbols):
            other = names[1] if reveal.period == names[0] else names[0]
            out.append(QUARTER_DIFFERENCE.finding(
                f"{reveal.period}: the hidden {reveal.label} can be worked out from the "
                f"difference with the {other} report",
                where="periods",
                fix="hide the matching figure in the other period too (or the flows), or do "
                    "not publish both"))
    return out


def _not_compared(names: tuple[str, str], unlinked: Unlinked,
                  hidden: Sequence[Callable[[str], bool]]) -> list[Finding]:
    """figures.period-link: "not compared: A and B: why", one finding a broken identity."""
    from reportgen.checks.identities import PERIOD_LINK, failure_message

    if not unlinked.failures:
        return [PERIOD_LINK.finding(
            f"not compared: {names[0]} and {names[1]}: {unlinked.reason}", where="periods",
            severity="warning",
            fix="compare consecutive periods whose reports run to the end of the period")]
    return [PERIOD_LINK.finding(
        f"not compared: {names[0]} and {names[1]}: "
        + failure_message(f, *names, hidden=lambda p: hidden[p.startswith("later:")](p)),
        where="periods",
        fix="the figures of one data file must link from one period to the next: this is "
            "a fault in the data or in reportgen") for f in unlinked.failures]
