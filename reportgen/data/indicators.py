"""The indicators data set: one row a measure's value for an area in a period.

Councils hold most of the figures a committee report quotes outside their case systems: the
DfE's looked after children statistics (rates per 10,000 for the council, its statistical
neighbours and England), performance scorecards (placement stability, percentages), and
service returns (foster carers approved, "a net increase of N so far"). This module reads them.

Values are kept **at the precision written**: ``42.0`` stays 42.0 with one decimal place, so
that a table and a narrative print it as the source did. DfE suppression symbols (``c``, ``x``,
``z``, ``k``, ``..``, ``:``) are read as "no value" and the symbol is kept for printing.

Periods are financial years (``2016/17``), quarters (``2016/17 Q3``), months (``2016/17 M5``)
or a date ("as at 31 March 2024", ``31/03/2024``, ``2024-03-31``), stored as their standard
label (``as at 31 March 2024``) with the day the period ends, for ordering.

The benchmarks data set is the same table with fewer columns, read by the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from reportgen import limits
from reportgen.data.parse import match_columns
from reportgen.data.readers import DEFAULT_MAX_BYTES, read_table
from reportgen.errors import ReportgenError, ReportgenErrors, quote, quote_text
from reportgen.periods import parse_period

#: Canonical units and the words accepted for each (matched ignoring case and punctuation).
UNITS: dict[str, tuple[str, ...]] = {
    "count": ("count", "number", "no", "n", "children", "carers", "households"),
    "rate per 10,000": ("rate per 10000", "rate per 10 000", "per 10000", "per 10 000",
                        "rate", "rate per 10k", "per 10k"),
    "percentage": ("percentage", "percent", "per cent", "pct", "%"),
    "£": ("£", "gbp", "pounds", "money", "cost"),
}
#: Area types and the words accepted for each.
AREA_TYPES: dict[str, tuple[str, ...]] = {
    "council": ("council", "la", "local authority", "local_authority"),
    "statistical_neighbour": ("statistical neighbour", "statistical neighbours", "sn",
                              "neighbour", "neighbours", "comparator"),
    "region": ("region", "regional"),
    "england": ("england", "national"),
    "other": ("other",),
}
#: DfE/GSS symbols for a value that is not shown: confidential, not available, not
#: applicable, rounds to zero, not available (older tables).
SYMBOLS = frozenset({"c", "x", "z", "k", "..", ":", "-"})

_COUNCIL_WORDS = re.compile(
    r"\b(council|county|city|borough|metropolitan|district|of|the|and)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"^(?P<open>\()?(?P<sign>[-−])?(?P<pound>£)?\s*(?P<sign2>[-−])?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)"
    r"(?P<close>\))?\s*(?P<pct>%)?$")
_AS_AT = re.compile(r"^(?:as\s+at|at|as\s+of)\s+", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")


@dataclass(frozen=True)
class Column:
    """One canonical column of the indicators table and the header names accepted for it."""

    name: str
    required: bool
    aliases: tuple[str, ...]
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("measure", True, ("indicator", "benchmark", "metric", "measure_name"),
           "what is measured, e.g. Looked after children per 10,000 children"),
    Column("period", True, ("financial_year", "year", "as_at", "date", "time_period"),
           "financial year, quarter, month or an as-at date"),
    Column("area", False, ("authority", "local_authority", "la", "council", "comparator",
                           "area_name"),
           "the council (blank means the council), a statistical neighbour, region, England"),
    Column("area_type", False, ("comparator_type", "type", "group", "geographic_level"),
           "council, statistical_neighbour, region, england or other"),
    Column("value", True, ("rate", "figure", "amount", "actual"),
           "the value, at the precision it is written"),
    Column("unit", False, ("units", "unit_of_measure"),
           "count, rate per 10,000, percentage or £"),
    Column("numerator", False, ("count_numerator",), "optional: what the value counts"),
    Column("denominator", False, ("count_denominator", "population"),
           "optional: what it is a rate or percentage of"),
    Column("target", False, ("goal", "plan"), "optional: the target, in the value's unit"),
)
FRAME_COLUMNS = ("measure", "period", "period_end", "area", "area_type", "value", "decimals",
                 "symbol", "unit", "numerator", "denominator", "target", "target_decimals")


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9£%]+", " ", text.lower().replace(",", "")).split())


_UNIT_LOOKUP = {_key(word): unit for unit, words in UNITS.items() for word in (unit, *words)}
_AREA_LOOKUP = {_key(word): kind for kind, words in AREA_TYPES.items()
                for word in (kind, *words)}


def core_name(name: str) -> str:
    """A council's name without "Council", "County of" and the like, for matching."""
    return " ".join(_COUNCIL_WORDS.sub(" ", name.replace(",", " ")).lower().split())


def parse_number(value: Any) -> tuple[float, int, str] | None:
    """``"1,234.50"`` → (1234.5, 2, ""); ``"£12"`` → (12.0, 0, "£"); ``"68.5%"`` →
    (68.5, 1, "%"); None when the cell is not a number. The middle item is the number of
    decimal places written, which is how the value is printed."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        number = float(value)
        if number != number or abs(number) > limits.MAX_MONEY_POUNDS:
            return None
        text = repr(number)
        places = 0 if number.is_integer() or "e" in text else len(text.split(".")[1])
        return number, places, ""
    text = str(value).strip().replace("\u00a0", " ")
    match = _NUMBER.match(text)
    if match is None or bool(match["open"]) != bool(match["close"]):
        return None
    digits = match["num"].replace(",", "")
    number = float(digits)
    if number > limits.MAX_MONEY_POUNDS:
        return None
    places = len(digits.split(".")[1]) if "." in digits else 0
    if match["open"] or match["sign"] or match["sign2"]:
        number = -number
    symbol = "£" if match["pound"] else "%" if match["pct"] else ""
    if match["pound"] and match["pct"]:
        return None
    return number, places, symbol


def parse_as_at(text: str) -> date | None:
    """"as at 31 March 2024", "31/03/2024", "2024-03-31" → the date; None if not a date."""
    body = _AS_AT.sub("", text.strip())
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", body) or None
    try:
        if m:
            return date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", body)
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})", body)
        if m:
            month = next((n for n, name in enumerate(_MONTHS, 1)
                          if name.startswith(m[2].lower()) and len(m[2]) >= 3), None)
            return None if month is None else date(int(m[3]), month, int(m[1]))
    except ValueError:
        return None
    return None


def as_at_label(day: date) -> str:
    """The standard label of an as-at period: ``as at 31 March 2024``."""
    return f"as at {day.day} {_MONTHS[day.month - 1].capitalize()} {day.year}"


def parse_indicator_period(value: Any) -> tuple[str, date]:
    """A period cell → (standard label, the day it ends). Raises :class:`ReportgenError`."""
    if isinstance(value, datetime):
        day = value.date()
        return as_at_label(day), day
    if isinstance(value, date):
        return as_at_label(value), value
    text = " ".join(str(value).split())
    found = parse_as_at(text)
    if found is not None:
        return as_at_label(found), found
    try:
        period = parse_period(text)
    except ReportgenError as exc:
        raise ReportgenError(
            f"{exc.message}; or an as-at date such as 'as at 31 March 2024' or 31/03/2024"
        ) from None
    return period.label, period.end


_PERCENT_MEASURE = re.compile(r"\(%\)|\bper\s?cent\b|\bpercentage\b|%", re.IGNORECASE)
_RATE_MEASURE = re.compile(r"\bper\s+10,?000\b", re.IGNORECASE)


def _unit_of_measure(measure: str) -> str | None:
    """The unit a measure's own name gives ("… (%)", "… per 10,000 children"), if any."""
    if _PERCENT_MEASURE.search(measure):
        return "percentage"
    if _RATE_MEASURE.search(measure):
        return "rate per 10,000"
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or \
        (isinstance(value, str) and not value.strip())


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def load_indicators(path: str | Path, *, kind: str = "indicators", sheet: str | None = None,
                    max_bytes: int = DEFAULT_MAX_BYTES, root: str | Path | None = None
                    ) -> pd.DataFrame:
    """Read and check an indicators (or benchmarks) file; every problem is reported at once.

    Returns one row a value with the columns of ``FRAME_COLUMNS``, indexed by spreadsheet row.
    """
    outside = root is not None and not _inside(Path(path), Path(root))
    raw = read_table(path, sheet=sheet, max_bytes=max_bytes,
                     expected_columns=[c.name for c in COLUMNS if c.required],
                     quote_headers=not outside)
    source: dict[str, str] = raw.attrs["source_columns"]
    columns, missing = match_columns(list(raw.columns), COLUMNS)
    if kind == "benchmarks" and "area" not in columns:
        missing.append("area")
    if missing:
        found = "not shown: the file is outside the bundle folder" if outside else (
            ", ".join(quote_text(c) for c in list(source.values())[:40]) or "none")
        problems = [ReportgenError(
            f"missing column '{name}' (columns found: {found}); also accepted as: "
            + ", ".join(next(c for c in COLUMNS if c.name == name).aliases[:4]), file=path)
            for name in missing]
        raise problems[0] if len(problems) == 1 else ReportgenErrors(problems)
    if raw.empty:
        raise ReportgenError("no rows: the file has a header row but no data", file=path)
    if len(raw) > limits.MAX_INDICATOR_ROWS:
        raise ReportgenError(f"too many rows ({len(raw):,}): an indicators file may hold "
                             f"{limits.MAX_INDICATOR_ROWS:,}", file=path)

    errors: list[ReportgenError] = []

    def bad(row: int, name: str, message: str) -> None:
        errors.append(ReportgenError(message, file=path, row=row,
                                     column=source.get(columns[name], columns[name])))

    def shown(value: Any) -> str:
        return "" if outside else f" {quote(value)}"

    records: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str], int] = {}
    for row, cells in zip(raw.index, raw.itertuples(index=False), strict=True):
        cell = dict(zip(raw.columns, cells, strict=True))

        def get(name: str, cell: dict[str, Any] = cell) -> Any:
            return cell.get(columns[name]) if name in columns else None

        record: dict[str, Any] = dict.fromkeys(FRAME_COLUMNS)
        ok = True
        needed = ("measure", "period", "value", *(("area",) if kind == "benchmarks" else ()))
        for name in needed:
            if name in columns and _blank(get(name)):
                bad(int(row), name, "a value is required (the cell is blank)")
                ok = False
        if not ok:
            continue
        record["measure"] = " ".join(str(get("measure")).split())
        try:
            record["period"], record["period_end"] = parse_indicator_period(get("period"))
        except ReportgenError as exc:
            bad(int(row), "period", exc.message if not outside else "unrecognised period")
            ok = False
        area = get("area")
        record["area"] = None if _blank(area) else " ".join(str(area).split())
        written_type = get("area_type")
        if not _blank(written_type):
            found_type = _AREA_LOOKUP.get(_key(str(written_type)))
            if found_type is None:
                bad(int(row), "area_type", f"unknown area type{shown(written_type)}: expected "
                    "one of " + ", ".join(AREA_TYPES))
                ok = False
            record["area_type"] = found_type
        unit_cell = get("unit")
        unit: str | None = None
        if not _blank(unit_cell):
            unit = _UNIT_LOOKUP.get(_key(str(unit_cell)))
            if unit is None:
                bad(int(row), "unit", f"unknown unit{shown(unit_cell)}: expected one of "
                    + ", ".join(f"'{u}'" for u in UNITS))
                ok = False
        value = get("value")
        if isinstance(value, str) and value.strip().lower() in SYMBOLS:
            record["symbol"] = value.strip().lower()
        else:
            number = parse_number(value)
            if number is None:
                bad(int(row), "value", f"expected a number such as 42, 59.8 or 1,234"
                    f"{'' if outside else ', got ' + quote(value)}")
                ok = False
            else:
                record["value"], record["decimals"], symbol = number
                implied = {"£": "£", "%": "percentage"}.get(symbol)
                if implied and unit and unit != implied:
                    bad(int(row), "value", f"the value is written as {implied} but the unit "
                        f"is '{unit}'")
                    ok = False
                unit = unit or implied
        record["unit"] = unit or _unit_of_measure(record["measure"])
        for name in ("numerator", "denominator", "target"):
            cell_value = get(name)
            if _blank(cell_value):
                continue
            number = parse_number(cell_value)
            if number is None:
                got = "" if outside else f", got {quote(cell_value)}"
                bad(int(row), name, f"expected a number{got}")
                ok = False
                continue
            record[name] = number[0]
            if name == "target":
                record["target_decimals"] = number[1]
        if not ok:
            continue
        key = (record["measure"].lower(), record["period"], (record["area"] or "").lower())
        if key in seen:
            bad(int(row), "measure", f"a second value for the same measure, period and area "
                f"(also on row {seen[key]})")
            continue
        seen[key] = int(row)
        record["row"] = int(row)
        records.append(record)
    if errors:
        raise errors[0] if len(errors) == 1 else ReportgenErrors(errors)
    frame = pd.DataFrame.from_records(records, columns=[*FRAME_COLUMNS, "row"]).set_index("row")
    for name in ("measure", "period", "area", "area_type", "symbol", "unit"):
        frame[name] = frame[name].astype("string")
    for name in ("value", "numerator", "denominator", "target"):
        frame[name] = pd.to_numeric(frame[name]).astype("float64")
    for name in ("decimals", "target_decimals"):
        frame[name] = pd.array(frame[name], dtype="Int64")
    frame["period_end"] = pd.to_datetime(frame["period_end"])
    frame.attrs["kind"] = kind
    return frame
