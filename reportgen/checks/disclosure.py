"""Disclosure control: no child identifiers in the output; small counts suppressed.

Messages never repeat an identifier: they name the column and the data row, so that the
finding itself (printed to a terminal, kept in a build log) leaks nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from reportgen import disclosure
from reportgen.checks import CheckContext, DocTable, check, define
from reportgen.checks.findings import Finding
from reportgen.dates import find_dates

if TYPE_CHECKING:  # pandas only when a document is checked against its data
    import pandas as pd

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
    "Only one count of a table column is suppressed while the total is shown, so it can be "
    "worked out.", "document")

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
    rf"(?<![\w£.,/-])(?P<n>\d+|{'|'.join(_WORDS)})(?P<mid>(?:\s+[a-z][a-z-]*){{0,2}}?)"
    rf"\s+(?P<noun>{_NOUNS})\b",
    re.IGNORECASE,
)
_SINGULAR = {"child", "young person", "care leaver", "placement"}
_SUPPRESSED_BEFORE = re.compile(r"(?:fewer|less)\s+than\s*$", re.IGNORECASE)
_COUNT_HEADER = re.compile(
    r"^(?:number of |no\.? of )?(?:children|young people|placements|looked after children|"
    r"care leavers)\b",
    re.IGNORECASE,
)
_SUPPRESSED_CELL = re.compile(r"fewer than|less than|^<\s*\d|^\*+$|^\[c\]$|suppressed", re.I)


# --------------------------------------------------------------------------- identifiers


def _birth_dates(placements: pd.DataFrame) -> dict[date, list[tuple[str, int]]]:
    """Each date of birth → [(column, position)]; found in text by the shared date grammar."""
    import pandas as pd

    out: dict[date, list[tuple[str, int]]] = {}
    if "date_of_birth" not in placements.columns:
        return out
    for pos, value in enumerate(placements["date_of_birth"].tolist()):
        if value is None or value is pd.NA or value is pd.NaT or value != value:
            continue
        out.setdefault(pd.Timestamp(value).date(), []).append(("date_of_birth", pos))
    return out


def _identifiers(placements: pd.DataFrame) -> dict[str, list[tuple[str, int]]]:
    """Searchable form (lower case, single spaces) → [(column, position)] for every value."""
    import pandas as pd

    out: dict[str, list[tuple[str, int]]] = {}
    for column in SENSITIVE:
        if column not in placements.columns or column == "date_of_birth":
            continue
        for pos, value in enumerate(placements[column].tolist()):
            if value is None or value is pd.NA or value is pd.NaT or value != value:
                continue
            text = " ".join(str(value).split())
            if len(text) < _MIN_LENGTH[column] or (text.isdigit() and len(text) < 6):
                continue  # too short to tell apart from ordinary text
            out.setdefault(text.lower(), []).append((column, pos))
    return out


def identifier_findings(placements: pd.DataFrame, text: str, data_file: str) -> list[Finding]:
    """disclosure.child-identifier for ``text`` (the whole document)."""
    values = _identifiers(placements)
    births = _birth_dates(placements)
    hits: dict[tuple[str, int], None] = {}
    if values:
        # Longest first, so that a longer reference wins over a shorter one inside it.
        alternation = "|".join(re.escape(v).replace(r"\ ", r"\s+")
                               for v in sorted(values, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w/.-])(?:{alternation})(?![\w/-]|\.\d)", re.IGNORECASE)
        for m in pattern.finditer(text):
            for hit in values.get(" ".join(m.group(0).lower().split()), []):
                hits[hit] = None
    if births:
        # Every date written in any form the inputs accept (two-digit years too: see
        # reportgen.dates.find_dates), compared as a date, not as text.
        for found in find_dates(text):
            for hit in births.get(found.day, []):
                hits[hit] = None
    out = []
    for column, pos in hits:
        row = pos + 2  # the header is row 1 of the file
        out.append(IDENTIFIER.finding(
            f"the document contains a child's {column} from {data_file}, row {row} "
            "(the value is not repeated here)",
            where="document",
            fix="remove it from the narrative, standard texts or template: references, names "
                "and dates of birth must never appear in a report"))
    return out


@check("document")
def child_identifiers(ctx: CheckContext) -> list[Finding]:
    assert ctx.loaded is not None and ctx.doc is not None
    placements = ctx.loaded.datasets.get("placements")
    if placements is None:
        return []
    path = ctx.bundle.data_path("placements")
    name = ctx.bundle.data.placements if path is not None else "the placements data"
    return identifier_findings(placements, ctx.doc.full_text, str(name))


# --------------------------------------------------------------------------- small counts


def _count(text: str) -> int | None:
    t = text.strip().replace(",", "")
    if t.isdigit():
        return int(t)
    return _WORDS.get(t.lower())


def table_count_findings(table: DocTable, threshold: int) -> list[Finding]:
    """disclosure.small-count and disclosure.secondary-suppression for one table."""
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
        suppressed = 0
        shown = 0
        for row in body:
            if len(row) <= j:
                continue
            cell = " ".join(row[j].split())
            label = next((c.strip() for c in row if c.strip() and c is not row[j]), "")
            if _SUPPRESSED_CELL.search(cell):
                suppressed += 1
                continue
            n = _count(cell)
            if n is None:
                continue
            shown += 1
            if disclosure.is_small(n, threshold):
                out.append(SMALL_COUNT.finding(
                    f"{table.name}: '{name.strip()}' shows {n} for '{label}', below the "
                    f"suppression threshold of {threshold}",
                    where="document",
                    fix=f"show '{disclosure.suppressed_label(threshold)}' and hide the next "
                        "smallest number too (the generated tables do this)"))
        total_shown = has_total and len(body[-1]) > j and _count(body[-1][j]) is not None
        if disclosure.reveals_suppressed(suppressed, shown, total_shown):
            out.append(SECONDARY.finding(
                f"{table.name}: only one number under '{name.strip()}' is suppressed and the "
                "total is shown, so the hidden number can be worked out",
                where="document",
                fix="suppress the next smallest number as well, or do not show the total"))
    return out


def _narrative_texts(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    assert ctx.result is not None
    for section_id, text in ctx.result.sections.items():
        yield f"sections.{section_id}", text


def narrative_count_findings(where: str, text: str, threshold: int) -> list[Finding]:
    out = []
    for m in _NARRATIVE_COUNT.finditer(text):
        words = m["mid"].lower().split()
        if any(w in _FUNCTION_WORDS for w in words):
            continue
        n = _count(m["n"])
        if n is None or not disclosure.is_small(n, threshold):
            continue
        if (n == 1) != (m["noun"].lower() in _SINGULAR):
            continue  # "three placement challenge panels": not a count of placements
        if _SUPPRESSED_BEFORE.search(text[: m.start()]):
            continue
        phrase = " ".join(m.group(0).split())
        out.append(SMALL_COUNT.finding(
            f"'{phrase}' is a count below the suppression threshold of {threshold} in a "
            "public report", where=where,
            fix=f"write '{disclosure.suppressed_label(threshold)}' instead, or set "
                "settings.public: no if the report is not published"))
    return out


@check("document")
def small_counts(ctx: CheckContext) -> list[Finding]:
    assert ctx.doc is not None
    settings = ctx.bundle.settings
    if not settings.public or settings.suppression_threshold <= 1:
        return []
    threshold = settings.suppression_threshold
    out: list[Finding] = []
    for table in ctx.doc.tables:
        out.extend(table_count_findings(table, threshold))
    for where, text in _narrative_texts(ctx):
        out.extend(narrative_count_findings(where, text, threshold))
    return out
