"""Table arithmetic: ``figures.table-total`` and ``figures.percentage``, on every table of a
document (a generated one always adds up; these catch tables an officer typed or edited).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportgen import formatting
from reportgen.checks.docx_view import DocTable
from reportgen.checks.findings import Finding
from reportgen.checks.registry import CheckContext, check, define

TABLE_TOTAL = define(
    "figures.table-total", "error",
    "A table's Total row is not the sum of the rows above it (allowing for rounding).", "docx")
PERCENTAGE = define(
    "figures.percentage", "error",
    "A percentage in a table does not agree with the amounts it is a percentage of.", "docx")



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
