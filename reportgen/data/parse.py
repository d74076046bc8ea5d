"""Cells as people type them ("£1,234.56", "01/04/2016", "IFA", "U4") → canonical values.

Each parser is vectorised and returns ``(values, bad)``, where ``bad`` maps the row of every
unreadable cell to what was expected. Dates follow :mod:`reportgen.dates`, the grammar every
input shares; .xlsx cells may also hold numbers and dates as Excel stores them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol

import pandas as pd

from reportgen import dates, limits
from reportgen.data.fields import DTYPES, Field
from reportgen.errors import ReportgenError, quote, quote_text
from reportgen.periods import parse_period

Bad = dict[int, str]

MONEY_EXAMPLE = "£1,234.56"
COUNT_EXAMPLE = "1,234"
DATE_EXAMPLE = "01/04/2016 (day first) or 2016-04-01"

_MONEY_RE = (
    r"^(?P<open>\()?(?P<neg>-)?£?(?P<neg2>-)?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<close>\))?$"
)
MAX_MONEY = limits.MAX_MONEY_POUNDS
_MONEY_DIGITS = len(str(MAX_MONEY))
_PLAIN_MONEY = r"[0-9]{1,%d}(?:\.[0-9]+)?" % _MONEY_DIGITS  # noqa: UP031 - braces are regex
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0, allowing for its 1900 leap-year bug
_LAST_SERIAL = 132_220  # 1 January 2262 as an Excel day number
_MAX_SERIAL = 2958466  # 1 January 10000


# --------------------------------------------------------------------------------------------
# Cells in messages.


def quote_cell(value: Any) -> str:
    """A cell as an error shows it: cut to a few words, control characters escaped."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}"
    return quote_text(repr(value) if isinstance(value, int) and abs(value) < 10**30 else value)


#: True while a data set that holds children's identifiers is parsed and validated: then no
#: cell with a letter in it is quoted, whatever its column (a name typed into a money column
#: is still a name; a message goes to logs and build-summary.json).
_IDENTIFYING: ContextVar[bool] = ContextVar("identifying", default=False)
_LETTER = re.compile(r"[^\W\d_]")


@contextmanager
def identifying(on: bool) -> Iterator[None]:
    """Within this block, a cell with a letter is never quoted (see ``_IDENTIFYING``)."""
    token = _IDENTIFYING.set(on)
    try:
        yield
    finally:
        _IDENTIFYING.reset(token)


def _quotable(value: Any, shown: bool) -> bool:
    return shown and not (_IDENTIFYING.get() and isinstance(value, str)
                          and bool(_LETTER.search(value)))


def got(value: Any, shown: bool) -> str:
    """", got '£12x'" for a cell that may be quoted; nothing for a sensitive one."""
    return f", got {quote_cell(value)}" if _quotable(value, shown) else ""


def named(value: Any, shown: bool) -> str:
    """" '£12x'" for a cell that may be quoted; nothing for a sensitive one."""
    return f" {quote_cell(value)}" if _quotable(value, shown) else ""


# --------------------------------------------------------------------------------------------
# Helpers.


def _split(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(strings, other cells): CSV columns are all strings; .xlsx ones may hold numbers/dates."""
    if raw.dtype != object:
        return raw.astype(str), raw.iloc[0:0]
    is_text = raw.map(lambda v: isinstance(v, str)).astype(bool)
    return raw[is_text].astype(str), raw[~is_text]


def _per_unique(text: pd.Series, parse: Callable[[pd.Series], pd.DataFrame]) -> pd.DataFrame:
    """Run ``parse`` once for each distinct value of ``text`` and spread the result over rows.

    Data files repeat values heavily (types, dates, weekly rates) and, without pyarrow, pandas
    string methods cost a Python call a cell: parsing distinct values keeps loading fast.
    """
    codes, uniques = pd.factorize(text.to_numpy(dtype=object))
    result = parse(pd.Series(uniques, dtype=str))
    spread = result.iloc[codes]
    spread.index = text.index
    return spread


def _cell_text(value: Any) -> str:
    """An .xlsx cell as text: whole-number floats lose their ".0", dates read dd/mm/yyyy."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    return str(value)


# --------------------------------------------------------------------------------------------
# Text, codes and periods.


def parse_text(raw: pd.Series) -> pd.Series:
    """Trimmed text (inner runs of spaces kept as written); a blank cell is NA."""
    text, other = _split(raw)
    if len(other):
        text = pd.concat([text, other.map(_cell_text)]).reindex(raw.index)
    stripped = _per_unique(text, lambda u: pd.DataFrame({"text": u.str.strip()}))["text"]
    stripped = stripped.astype("string")
    return stripped.mask(stripped == "")


def parse_codes(raw: pd.Series, field: Field, parsed: dict[str, pd.Series]) -> pd.Series:
    """A code column's canonical values, with the cell's own text where it was not recognised,
    so that the schema's known-values check reports the value as written."""
    assert field.codes is not None
    text = parse_text(raw)
    return field.codes.read(text, parsed).astype("string").fillna(text).astype("string")


def parse_periods(raw: pd.Series) -> pd.Series:
    """Periods as their labels ("2016-17 q1" → "2016/17 Q1"); unreadable ones as written."""
    text = parse_text(raw)
    labels: dict[str, str] = {}
    for value in text.dropna().unique():
        try:
            labels[value] = parse_period(value).label
        except ReportgenError:
            labels[value] = value
    return text.map(labels).astype("string")


# --------------------------------------------------------------------------------------------
# Money and counts.


def _money_of(text: pd.Series) -> pd.DataFrame:
    """Money strings → ``value`` (float, NaN if blank or unreadable), ``bad`` (unreadable) and
    ``big`` (more pounds than :data:`MAX_MONEY`)."""
    # ASCII digits only: \d would take full-width digits, which pandas cannot convert.
    if len(text) and text.str.fullmatch(_PLAIN_MONEY).all():
        # Plain numbers, as most exports write them: skip the £ / comma / bracket parsing.
        value = pd.to_numeric(text).astype("float64")
        return pd.DataFrame({"value": value, "bad": False, "big": value > MAX_MONEY},
                            index=text.index)
    compact = text.str.replace(r"\s+", "", regex=True)
    parts = compact.str.extract(_MONEY_RE)
    ok = parts["num"].notna() & (parts["open"].isna() == parts["close"].isna())
    digits = parts["num"].where(ok).str.replace(",", "", regex=False)
    # Count the whole pounds before converting: a 5,000-digit number is refused by Python's
    # int conversion (and pandas with it), and one of 400 digits would become infinity.
    whole = digits.map(lambda v: len(v.split(".", 1)[0]) if isinstance(v, str) else 0)
    big = (whole > _MONEY_DIGITS).astype(bool)
    number = pd.to_numeric(digits.mask(big), errors="coerce").astype("float64")
    big |= (number.abs() > MAX_MONEY).fillna(False).astype(bool)
    negative = parts[["open", "neg", "neg2"]].notna().any(axis=1)
    dash = compact.isin(["-", "£-"])  # how Excel's accounting format shows zero
    value = number.where(~negative, -number).mask(dash, 0.0).mask(big)
    return pd.DataFrame({"value": value, "bad": ~(ok | dash | (compact == "")), "big": big})


def parse_money(raw: pd.Series, shown: bool = True) -> tuple[pd.Series, Bad]:
    """Pounds as float: "£1,234.56", "1234", "1,234", " £ 875 ", "(1,234)" (= −1234), "-"
    (accounting zero). Numbers from .xlsx are taken as they are. ``shown=False`` keeps the
    cells out of the messages (a sensitive column)."""
    text, other = _split(raw)
    values = pd.Series(float("nan"), index=raw.index, dtype="float64")
    bad: Bad = {}
    parsed = _per_unique(text, _money_of)
    values.loc[parsed.index] = parsed["value"]
    for row in parsed.index[parsed["bad"].to_numpy(dtype=bool)]:
        bad[int(row)] = f"expected money such as {MONEY_EXAMPLE}{got(raw[row], shown)}"
    for row in parsed.index[parsed["big"].to_numpy(dtype=bool)]:
        bad[int(row)] = _too_much(raw[row], shown)
    for row, value in other.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not abs(value) <= MAX_MONEY:  # also NaN and infinity
                bad[int(row)] = _too_much(value, shown)
            else:
                values[row] = float(value)
        else:
            bad[int(row)] = f"expected money such as {MONEY_EXAMPLE}{got(value, shown)}"
    return values, bad


def _too_much(value: Any, shown: bool) -> str:
    return f"amount too large for money (the limit is £{MAX_MONEY:,}){got(value, shown)}"


def parse_count(raw: pd.Series, shown: bool = True) -> tuple[pd.Series, Bad]:
    """Whole numbers: "1,234", "12", an .xlsx number without a fraction. Read as money is
    read (so "-3" is −3, refused later as negative), then a fraction is refused."""
    values, bad = parse_money(raw, shown)
    fraction = values.notna() & (values != values.round())
    for row in values.index[fraction.to_numpy(dtype=bool)]:
        bad[int(row)] = f"expected a whole number such as {COUNT_EXAMPLE}{got(raw[row], shown)}"
    for row, message in list(bad.items()):
        if message.startswith("expected money"):
            bad[row] = f"expected a whole number such as {COUNT_EXAMPLE}{got(raw[row], shown)}"
    return values.mask(fraction).round().astype("Int64"), bad


# --------------------------------------------------------------------------------------------
# Dates.


def _dates_of(text: pd.Series) -> pd.DataFrame:
    """Date strings → ``date`` (NaT if blank or bad) and ``problem`` ("" if fine or blank, else
    a :data:`reportgen.dates.Problem`), by the shared grammar."""
    stamps: list[Any] = []
    problems: list[str] = []
    for value in text.tolist():
        if not value.strip():
            stamps.append(pd.NaT)
            problems.append("")
            continue
        reading = dates.read(value)
        problem = "unreadable" if reading is None else reading.problem()
        if reading is None or problem is not None:
            stamps.append(pd.NaT)
            problems.append(str(problem))
        else:
            stamps.append(pd.Timestamp(reading.year, reading.month, reading.day))
            problems.append("")
    return pd.DataFrame({"date": pd.to_datetime(pd.Series(stamps, dtype="datetime64[ns]")),
                         "problem": problems}, index=text.index)


def parse_date(
    raw: pd.Series, shown: bool = True, open_end: bool = False
) -> tuple[pd.Series, Bad]:
    """Dates as :mod:`reportgen.dates` reads them, plus .xlsx date cells and Excel serial
    numbers (a number cell only: in a CSV "42461" is not a date). Never month first.

    ``open_end``: a date in the year 9999 (31/12/9999 is how many case systems write "no end
    date") is read as blank, as the column documents; anywhere else it is an error, as is
    any date outside the years every input may use. ``shown=False``: a sensitive column,
    whose cells never appear in a message.
    """
    text, other = _split(raw)
    values = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    bad: Bad = {}
    parsed = _per_unique(text, _dates_of)
    values.loc[parsed.index] = parsed["date"]
    for row, problem in parsed["problem"][parsed["problem"] != ""].items():
        if problem == "sentinel" and open_end:
            continue  # blank: the placement continues
        cell = raw[row]
        reading = dates.read(str(cell)) if problem == "weekday" else None
        bad[int(row)] = dates.problem_message(problem, named(cell, shown), reading,
                                              open_end=open_end, example=DATE_EXAMPLE)
    for row, value in other.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) \
                and _LAST_SERIAL <= value < _MAX_SERIAL:
            # A day number past 2261: only its year matters, and Python's dates hold it.
            value = datetime(1899, 12, 30) + timedelta(days=float(value))
        if isinstance(value, (datetime, date)) and \
                not dates.FIRST_YEAR <= value.year <= dates.LAST_YEAR:
            if not (open_end and value.year == dates.SENTINEL_YEAR):
                bad[int(row)] = dates.outside_message(named(value, shown), open_end)
            continue
        stamp = _excel_date(value)
        if stamp is None:
            bad[int(row)] = f"expected a date such as {DATE_EXAMPLE}{got(value, shown)}"
        else:
            values[row] = stamp
    return values.dt.normalize(), bad


def _excel_date(value: Any) -> pd.Timestamp | None:
    """A date from an .xlsx cell: a date cell, or a day number as Excel stores dates."""
    if isinstance(value, (time, bool)):
        return None
    if isinstance(value, (datetime, date)):
        return pd.Timestamp(value)
    if isinstance(value, (int, float)) and 1 <= value < _MAX_SERIAL:  # up to 31/12/9999
        try:
            return _EXCEL_EPOCH + pd.Timedelta(days=float(value))
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            return None
    return None


# --------------------------------------------------------------------------------------------
# A whole file.


def _loose(name: str) -> str:
    """A header name with anything but letters, digits and underscores dropped, so that
    "Weekly cost (£)" and "Child's name" match ``weekly_cost`` and ``childs_name``."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "", name)).strip("_")


class NamedColumn(Protocol):
    """What matching a file's header needs of a column declaration (a :class:`Field`, or a
    data set's own, such as the indicators reader's)."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def required(self) -> bool: ...


def match_columns(
    columns: Sequence[str], fields: Sequence[NamedColumn]
) -> tuple[dict[str, str], list[str]]:
    """Map each canonical field to a file column; also return the required fields missing.

    The canonical name wins over an alias, and an earlier alias over a later one.
    """
    by_loose: dict[str, str] = {}
    for column in columns:
        by_loose.setdefault(_loose(column), column)
    found: dict[str, str] = {}
    used: set[str] = set()
    missing: list[str] = []
    for field in fields:
        for candidate in (field.name, *field.aliases):
            match = by_loose.get(candidate)
            if match is not None and match not in used:
                found[field.name] = match
                used.add(match)
                break
        else:
            if field.required:
                missing.append(field.name)
    return found, missing


def parse_columns(
    raw: pd.DataFrame, fields: Sequence[Field], columns: dict[str, str], outside: bool = False
) -> tuple[pd.DataFrame, dict[tuple[int, str], str]]:
    """Every canonical column parsed from its file column (or filled when absent), and the
    message for every unreadable cell by (row, field name)."""
    out: dict[str, pd.Series] = {}
    unreadable: dict[tuple[int, str], str] = {}
    index = raw.index

    def cells(name: str) -> pd.Series:
        return raw[columns[name]] if name in columns else pd.Series("", index=index, dtype=str)

    for field in _parse_order(fields):
        column = cells(field.name)
        bad: Bad = {}
        shown = not (field.sensitive or outside)
        values: pd.Series
        if field.kind in ("money", "count"):
            values, bad = (parse_money if field.kind == "money" else parse_count)(column, shown)
            if field.fill is not None:
                # A blank cell takes the default; an unreadable one stays NA (it is reported).
                values = values.mask(values.isna() & ~index.isin(list(bad)), field.fill)
        elif field.kind == "date":
            values, bad = parse_date(column, shown, field.open_end)
        elif field.kind == "code":
            values = parse_codes(column, field, out)
        elif field.kind == "period":
            values = parse_periods(column)
        else:
            values = parse_text(column)
        out[field.name] = values.astype(DTYPES[field.kind])
        for row, message in bad.items():
            unreadable[(row, field.name)] = message
    frame = pd.DataFrame({field.name: out[field.name] for field in fields}, index=index)
    return frame, unreadable


def _parse_order(fields: Sequence[Field]) -> list[Field]:
    """Fields in declaration order, except that a code column comes after those it needs."""
    done: list[Field] = []
    pending = list(fields)
    while pending:
        names = {f.name for f in done}
        ready = next(f for f in pending
                     if f.codes is None or all(n in names for n in f.codes.needs))
        pending.remove(ready)
        done.append(ready)
    return done


__all__ = [
    "COUNT_EXAMPLE", "DATE_EXAMPLE", "MAX_MONEY", "MONEY_EXAMPLE", "Bad", "got", "match_columns",
    "named", "parse_codes", "parse_columns", "parse_count", "parse_date", "parse_money",
    "parse_periods", "parse_text", "quote_cell",
]
