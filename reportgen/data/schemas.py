"""Load a placements, savings or budget file into its canonical form, or say exactly what is wrong.

``load_dataset`` runs in three steps:

1. :func:`reportgen.data.readers.read_table` reads the cells and tidies the header names;
   columns are matched to the canonical names of docs/architecture.md, or their aliases.
2. Each column is parsed from what people type ("£1,234.56", "01/04/2016", "IFA", "U4") into
   its canonical dtype, vectorised; a cell that cannot be read is an error for its row.
3. A pandera schema checks the rules (required values, money ≥ 0, unique references, known
   placement types, end date not before start date...) with ``lazy=True``, and every failure
   case becomes one :class:`ReportgenError` naming the file, row and column as written.

All problems found are raised together as :class:`ReportgenErrors`, sorted by row. The frame
returned has exactly the canonical columns, in order, and its index is the spreadsheet row
number of each row (header = row 1), so later checks can point at rows too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Literal, get_args

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from reportgen import limits
from reportgen.data import ssda903
from reportgen.data.readers import DEFAULT_MAX_BYTES, read_table
from reportgen.errors import ReportgenError, ReportgenErrors, quote, quote_text
from reportgen.periods import parse_period

DatasetKind = Literal["placements", "savings", "budget", "benchmarks", "indicators"]
DATASET_KINDS: tuple[str, ...] = get_args(DatasetKind)
# Read by reportgen.data.indicators (one loader, values kept at their written precision).
INDICATOR_KINDS = ("indicators", "benchmarks")
FieldKind = Literal["text", "money", "date", "placement_type", "provider_type", "status", "period"]

SAVINGS_STATUSES: dict[str, str] = {
    "achieved": "Achieved",
    "on_track": "On track",
    "at_risk": "At risk",
    "not_achieved": "Not achieved",
    "planned": "Planned",
}
# Other words councils use in savings trackers for the same statuses.
_STATUS_SYNONYMS = {
    "delivered": "achieved",
    "complete": "achieved",
    "completed": "achieved",
    "not_delivered": "not_achieved",
}

MONEY_EXAMPLE = "£1,234.56"
DATE_EXAMPLE = "01/04/2016 (day first) or 2016-04-01"


@dataclass(frozen=True)
class Field:
    """One canonical column: its parser, whether the file must have it, and its aliases."""

    name: str
    kind: FieldKind
    required: bool
    aliases: tuple[str, ...] = ()
    fill: float | None = None  # value for a blank cell or a missing optional column
    description: str = ""
    # A sensitive column's cells are never quoted in an error: only its row and column.
    sensitive: bool = False
    # An end date: 9999-12-31 (a common "no end date" sentinel) is read as blank.
    open_end: bool = False


FIELDS: dict[str, tuple[Field, ...]] = {
    "placements": (
        Field(
            "reference",
            "text",
            True,
            (
                "child_ref",
                "child_reference",
                "placement_ref",
                "placement_reference",
                "ref",
                "id",
                "child_id",
                "placement_id",
                "child",
            ),
            description="pseudonymised child or placement reference, unique",
        ),
        Field(
            "placement_type",
            "placement_type",
            True,
            ("type", "placement", "placement_code", "placement_type_code", "place"),
            description="placement type label or SSDA903 placement code",
        ),
        Field(
            "provider_type",
            "provider_type",
            True,
            ("provider_code", "place_provider", "provider_category"),
            description="in_house, private, voluntary or other_la; labels and PR0–PR5 accepted",
        ),
        Field(
            "provider",
            "text",
            False,
            ("provider_name", "supplier", "agency"),
            description="provider's name",
        ),
        Field(
            "start_date",
            "date",
            True,
            ("placement_start", "placement_start_date", "start", "date_started", "decom"),
            description="date the placement started",
        ),
        Field(
            "end_date",
            "date",
            False,
            ("placement_end", "placement_end_date", "end", "date_ended", "dec"),
            description="date the placement ended; blank (or 31/12/9999) while it continues",
            open_end=True,
        ),
        Field(
            "weekly_cost",
            "money",
            True,
            ("cost_per_week", "weekly_rate", "weekly_fee", "weekly_charge", "gross_weekly_cost"),
            description="gross cost a week, £",
        ),
        Field(
            "health_contribution",
            "money",
            False,
            ("health", "health_contrib", "health_funding"),
            fill=0.0,
            description="health's contribution a week, £",
        ),
        Field(
            "education_contribution",
            "money",
            False,
            ("education", "education_contrib", "education_funding"),
            fill=0.0,
            description="education's contribution a week, £",
        ),
        Field(
            "child_name",
            "text",
            False,
            ("childs_name", "name_of_child", "full_name"),
            description="sensitive: read but never output",
            sensitive=True,
        ),
        Field(
            "date_of_birth",
            "date",
            False,
            ("dob", "d_o_b", "birth_date"),
            description="sensitive: read but never output",
            sensitive=True,
        ),
    ),
    "savings": (
        Field(
            "area",
            "text",
            True,
            ("service", "service_area", "savings_area", "directorate"),
            description="area the saving belongs to",
        ),
        Field(
            "measure",
            "text",
            True,
            (
                "saving",
                "savings_measure",
                "description",
                "proposal",
                "saving_description",
                "action",
            ),
            description="the saving measure",
        ),
        Field(
            "target",
            "money",
            True,
            ("saving_target", "savings_target", "target_saving"),
            description="saving to be made, £",
        ),
        Field(
            "achieved",
            "money",
            True,
            ("achieved_to_date", "saving_achieved", "savings_achieved", "delivered"),
            description="saving made so far, £",
        ),
        Field(
            "forecast",
            "money",
            False,
            ("forecast_saving", "projected_saving", "projected", "year_end_forecast"),
            description="saving expected by the end of the year, £",
        ),
        Field(
            "status",
            "status",
            False,
            ("savings_status", "delivery_status"),
            description="achieved, on_track, at_risk, not_achieved or planned",
        ),
        Field(
            "period",
            "period",
            False,
            ("financial_year", "year"),
            description="financial year or part, e.g. 2016/17 Q1",
        ),
    ),
    "budget": (
        Field(
            "line",
            "text",
            True,
            ("budget_line", "budget_heading", "heading", "description", "service"),
            description="budget line",
        ),
        Field(
            "group",
            "text",
            False,
            ("budget_group", "subtotal", "category"),
            description="optional: lines sharing a group are subtotalled (e.g. a combined "
            "overspend of several lines)",
        ),
        Field(
            "period",
            "period",
            True,
            ("financial_year", "year"),
            description="financial year or part: 2010/11, 2016/17 Q1, 2016/17 M5",
        ),
        Field(
            "budget",
            "money",
            True,
            (
                "annual_budget",
                "budget_amount",
                "approved_budget",
                "revised_budget",
                "current_budget",
            ),
            description="budget for the year, £",
        ),
        Field(
            "projected_spend",
            "money",
            True,
            (
                "projected",
                "projected_outturn",
                "forecast",
                "forecast_outturn",
                "outturn",
                "actual",
                "actual_spend",
                "spend",
            ),
            description="spend projected for the year, £",
        ),
    ),
    "benchmarks": (
        Field(
            "measure",
            "text",
            True,
            ("indicator", "benchmark", "metric"),
            description="what is compared, e.g. looked after children per 10,000 children",
        ),
        Field(
            "area",
            "text",
            True,
            ("authority", "local_authority", "la", "council", "comparator"),
            description="the council, a statistical neighbour or England",
        ),
        Field(
            "area_type",
            "text",
            False,
            ("comparator_type", "type", "group"),
            description="optional: council, statistical_neighbour or england",
        ),
        Field(
            # Money's parser reads plain numbers too ("97", "59.8", "1,234"), all ≥ 0.
            "value",
            "money",
            True,
            ("rate", "figure", "amount"),
            description="the measure's value for the area (a number, ≥ 0)",
        ),
        Field(
            "period",
            "period",
            True,
            ("financial_year", "year"),
            description="financial year the value is for, e.g. 2017/18",
        ),
    ),
}

_DTYPES: dict[str, str] = {
    "text": "string",
    "money": "float64",
    "date": "datetime64[ns]",
    "placement_type": "string",
    "provider_type": "string",
    "status": "string",
    "period": "string",
}


# --------------------------------------------------------------------------------------------
# pandera schemas: the rules every canonical frame obeys.


def _valid_periods(values: pd.Series) -> pd.Series:
    """True where a period cell is a canonical period label (checked once per distinct value)."""
    verdict: dict[str, bool] = {}
    for value in values.dropna().unique():
        try:
            verdict[value] = parse_period(str(value)).label == value
        except ReportgenError:
            verdict[value] = False
    return values.map(verdict).fillna(True).astype(bool)


def _end_not_before_start(frame: pd.DataFrame) -> pd.Series:
    end, start = frame["end_date"], frame["start_date"]
    return (end.isna() | start.isna() | (end >= start)).astype(bool)


def _column(field: Field) -> pa.Column:
    checks: list[pa.Check] = []
    if field.kind == "money":
        checks.append(pa.Check.ge(0))
    elif field.kind == "placement_type":
        checks.append(pa.Check.isin(list(ssda903.PLACEMENT_TYPES)))
    elif field.kind == "provider_type":
        checks.append(pa.Check.isin(list(ssda903.PROVIDER_TYPES)))
    elif field.kind == "status":
        checks.append(pa.Check.isin(list(SAVINGS_STATUSES)))
    elif field.kind == "period":
        checks.append(pa.Check(_valid_periods, name="period"))
    unique = field.name == "reference"
    return pa.Column(
        _DTYPES[field.kind],
        checks=checks,
        nullable=not field.required and field.fill is None,
        unique=unique,
        report_duplicates="exclude_first" if unique else "all",
    )


def _schema(kind: str) -> pa.DataFrameSchema:
    frame_checks = []
    if kind == "placements":
        frame_checks.append(pa.Check(_end_not_before_start, name="end_not_before_start"))
    return pa.DataFrameSchema(
        {field.name: _column(field) for field in FIELDS[kind]},
        checks=frame_checks,
        strict=True,
        ordered=True,
        name=kind,
    )


SCHEMAS: dict[str, pa.DataFrameSchema] = {kind: _schema(kind) for kind in FIELDS}


# --------------------------------------------------------------------------------------------
# Column matching.


def _loose(name: str) -> str:
    """A header name with anything but letters, digits and underscores dropped, so that
    "Weekly cost (£)" and "Child's name" match ``weekly_cost`` and ``childs_name``."""
    return re.sub(r"_+", "_", re.sub(r"[^a-z0-9_]", "", name)).strip("_")


def _match_columns(
    columns: Sequence[str], fields: Sequence[Field]
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


# --------------------------------------------------------------------------------------------
# Cell parsing, vectorised: each parser returns (values, bad) where ``bad`` maps the row of
# every unreadable cell to what was expected.

Bad = dict[int, str]

_MONEY_RE = (
    r"^(?P<open>\()?(?P<neg>-)?£?(?P<neg2>-)?"
    r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?P<close>\))?$"
)
MAX_MONEY = limits.MAX_MONEY_POUNDS
_MONEY_DIGITS = len(str(MAX_MONEY))
_PLAIN_MONEY = r"[0-9]{1,%d}(?:\.[0-9]+)?" % _MONEY_DIGITS  # noqa: UP031 - braces are regex
_TIME = r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # "00:00:00" as Excel exports add
_ISO_RE = r"^(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})" + _TIME + "$"
_UK_RE = r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})" + _TIME + "$"
_NAMED_RE = r"^(?P<d>\d{1,2})(?:st|nd|rd|th)?[\s/-]*(?P<mon>[A-Za-z]+)\.?,?[\s/-]*(?P<y>\d{4})$"
# calendar.month_name would follow the process locale; these must be English.
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
_MONTHS = {name: n for n, full in enumerate(_MONTH_NAMES, start=1) for name in (full, full[:3])}
_MONTHS["sept"] = 9
_EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0, allowing for its 1900 leap-year bug
# The years pandas' datetime64[ns] holds in full (it ends on 11 April 2262).
_FIRST_YEAR, _LAST_YEAR = 1678, 2261
_SENTINEL_YEAR = 9999
_LAST_SERIAL = 132_220  # 1 January 2262 as an Excel day number


def _quote(value: Any) -> str:
    """A cell as an error shows it: cut to a few words, control characters escaped."""
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float):
        return f"{value:g}"
    return quote_text(repr(value) if isinstance(value, int) and abs(value) < 10**30 else value)


def _got(value: Any, shown: bool) -> str:
    """", got '£12x'" for a cell that may be quoted; nothing for a sensitive one."""
    return f", got {_quote(value)}" if shown else ""


def _named(value: Any, shown: bool) -> str:
    """" '£12x'" for a cell that may be quoted; nothing for a sensitive one."""
    return f" {_quote(value)}" if shown else ""


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


def parse_text(raw: pd.Series) -> pd.Series:
    """Trimmed text (inner runs of spaces kept as written); a blank cell is NA."""
    text, other = _split(raw)
    if len(other):
        text = pd.concat([text, other.map(_cell_text)]).reindex(raw.index)
    stripped = _per_unique(text, lambda u: pd.DataFrame({"text": u.str.strip()}))["text"]
    stripped = stripped.astype("string")
    return stripped.mask(stripped == "")


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
        bad[int(row)] = f"expected money such as {MONEY_EXAMPLE}{_got(raw[row], shown)}"
    for row in parsed.index[parsed["big"].to_numpy(dtype=bool)]:
        bad[int(row)] = _too_much(raw[row], shown)
    for row, value in other.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if not abs(value) <= MAX_MONEY:  # also NaN and infinity
                bad[int(row)] = _too_much(value, shown)
            else:
                values[row] = float(value)
        else:
            bad[int(row)] = f"expected money such as {MONEY_EXAMPLE}{_got(value, shown)}"
    return values, bad


def _too_much(value: Any, shown: bool) -> str:
    return f"amount too large for money (the limit is £{MAX_MONEY:,}){_got(value, shown)}"


def _dates_of(text: pd.Series) -> pd.DataFrame:
    """Date strings → ``date`` (NaT if blank or bad) and ``problem``: "" (fine or blank),
    "unreadable", "impossible" or "day_first" (impossible, written d/m/y)."""
    text = text.str.strip()
    ymd = pd.DataFrame(float("nan"), index=text.index, columns=["year", "month", "day"])
    matched = pd.Series(False, index=text.index)
    numeric = pd.Series(False, index=text.index)
    for pattern in (_ISO_RE, _UK_RE, _NAMED_RE):
        parts = text[~matched].str.extract(pattern)  # the first form that fits reads a cell
        if "mon" in parts:
            parts["m"] = parts["mon"].str.lower().map(_MONTHS)
        parts = parts[parts[["y", "m", "d"]].notna().all(axis=1)]
        ymd.loc[parts.index] = parts[["y", "m", "d"]].astype("float64").to_numpy()
        matched.loc[parts.index] = True
        if pattern == _UK_RE:
            numeric.loc[parts.index] = True
    # pandas holds dates from 1677 to 2262 only: years outside are kept out of the conversion
    # (which would crash) and reported, except the "no end date" sentinel year 9999.
    year = ymd["year"]
    sentinel = (year == _SENTINEL_YEAR).to_numpy()
    outside = ((year < _FIRST_YEAR) | (year > _LAST_YEAR)).to_numpy()
    ymd[outside] = float("nan")
    dates = pd.to_datetime(ymd, errors="coerce").astype("datetime64[ns]")
    failed = dates.isna().to_numpy()
    problem = np.select(
        [(text == "").to_numpy(), ~matched.to_numpy(), sentinel, outside,
         failed & numeric.to_numpy(), failed],
        ["", "unreadable", "sentinel", "outside", "day_first", "impossible"],
        default="",
    )
    return pd.DataFrame({"date": dates, "problem": problem}, index=text.index)


def parse_date(
    raw: pd.Series, shown: bool = True, open_end: bool = False
) -> tuple[pd.Series, Bad]:
    """Dates, day first: "2016-04-01", "01/04/2016", "1 April 2016", "01-Apr-2016"; .xlsx date
    cells and Excel serial numbers. Never month first: "04/13/2016" is an impossible date.

    ``open_end``: a date in the year 9999 (31/12/9999 is how many case systems write "no end
    date") is read as blank, as the column documents; anywhere else it is an error, as is
    any date outside 1678 to 2261 (all pandas can hold). ``shown=False``: a sensitive
    column, whose cells never appear in a message.
    """
    text, other = _split(raw)
    values = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    bad: Bad = {}
    parsed = _per_unique(text, _dates_of)
    values.loc[parsed.index] = parsed["date"]
    for row, problem in parsed["problem"][parsed["problem"] != ""].items():
        if problem == "sentinel" and open_end:
            continue  # blank: the placement continues
        if problem == "unreadable":
            message = f"expected a date such as {DATE_EXAMPLE}{_got(raw[row], shown)}"
        elif problem in ("sentinel", "outside"):
            message = _outside_message(raw[row], shown, open_end)
        else:
            hint = " (dates are read day first, as dd/mm/yyyy)" if problem == "day_first" else ""
            message = f"impossible date{_named(raw[row], shown)}{hint}"
        bad[int(row)] = message
    for row, value in other.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) \
                and _LAST_SERIAL <= value < 2958466:
            # A day number past 2261: only its year matters, and Python's dates hold it.
            value = datetime(1899, 12, 30) + timedelta(days=float(value))
        if isinstance(value, (datetime, date)) and not _FIRST_YEAR <= value.year <= _LAST_YEAR:
            if not (open_end and value.year == _SENTINEL_YEAR):
                bad[int(row)] = _outside_message(value, shown, open_end)
            continue
        stamp = _excel_date(value)
        if stamp is None:
            bad[int(row)] = f"expected a date such as {DATE_EXAMPLE}{_got(value, shown)}"
        else:
            values[row] = stamp
    return values.dt.normalize(), bad


def _outside_message(value: Any, shown: bool, open_end: bool) -> str:
    hint = "; leave it blank (or write 31/12/9999) while the placement continues" if open_end \
        else ""
    return (f"date{_named(value, shown)} is outside the years {_FIRST_YEAR} to {_LAST_YEAR}"
            f"{hint}")


def _excel_date(value: Any) -> pd.Timestamp | None:
    """A date from an .xlsx cell: a date cell, or a day number as Excel stores dates."""
    if isinstance(value, (time, bool)):
        return None
    if isinstance(value, (datetime, date)):
        return pd.Timestamp(value)
    if isinstance(value, (int, float)) and 1 <= value < 2958466:  # up to 31/12/9999
        try:
            return _EXCEL_EPOCH + pd.Timedelta(days=float(value))
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            return None
    return None


def _keep_unknown(canonical: pd.Series, text: pd.Series) -> pd.Series:
    """Canonical values, with the cell's own text where it was not recognised, so the schema's
    check reports the value as written."""
    return canonical.fillna(text).astype("string")


def parse_status(raw: pd.Series) -> pd.Series:
    """Savings status: "On track", "on-track", "ON_TRACK" → ``on_track``."""
    text = parse_text(raw)
    keys = text.str.lower().str.replace(r"[^a-z0-9]+", "_", regex=True).str.strip("_")
    lookup = {**{key: key for key in SAVINGS_STATUSES}, **_STATUS_SYNONYMS}
    return _keep_unknown(keys.map(lookup).astype("string"), text)


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
# Failure cases → messages.


def _fmt_date(value: Any) -> str:
    return pd.Timestamp(value).strftime("%d/%m/%Y")


def _period_problem(value: Any, shown: bool) -> str:
    if not shown:
        return "unrecognised period"
    try:
        parse_period(str(value))
    except ReportgenError as exc:
        return exc.message
    return f"unrecognised period {_quote(value)}"


def _first_rows(frame: pd.DataFrame, name: str) -> dict[Any, int]:
    """Row where each value of a column first appears (cached on the frame)."""
    cache: dict[str, dict[Any, int]] = frame.attrs.setdefault("_first_rows", {})
    if name not in cache:
        column = frame[name].dropna()
        firsts = column[~column.duplicated()]
        cache[name] = {value: int(row) for row, value in firsts.items()}
    return cache[name]


def _failure_message(
    check: str, field: Field, value: Any, row: int, frame: pd.DataFrame, raw_value: Any,
    shown: bool = True,
) -> str:
    if check == "not_nullable":
        return "a value is required (the cell is blank)"
    if check.startswith("greater_than_or_equal_to"):
        return f"must not be negative{_got(raw_value, shown)}"
    if check == "field_uniqueness":
        first = _first_rows(frame, field.name)[value]
        return f"duplicate {field.name}{_named(value, shown)} (also on row {first})"
    if check.startswith("isin"):
        check = field.kind  # a known-values check: word it for the column's kind
    if check == "placement_type":
        accepted = ssda903.accepted_placement_types()
        return f"unknown placement type{_named(value, shown)}: expected {accepted}"
    if check == "provider_type":
        accepted = ssda903.accepted_provider_types()
        return f"unknown provider type{_named(value, shown)}: expected {accepted}"
    if check == "status":
        accepted = ", ".join(f"'{s}'" for s in SAVINGS_STATUSES)
        return (
            f"unknown status{_named(value, shown)}: expected one of {accepted} "
            "(or labels such as 'On track')"
        )
    if check == "period":
        return _period_problem(value, shown)
    if check == "end_not_before_start":
        end, start = frame.at[row, "end_date"], frame.at[row, "start_date"]
        if not shown:
            return "the end date is before the start date"
        return f"end date {_fmt_date(end)} is before start date {_fmt_date(start)}"
    # Anything else would be a fault in this module, but still say where and what.
    return f"failed check {check}{_got(value, shown)}"


def _translate(
    failures: pd.DataFrame,
    fields: Sequence[Field],
    frame: pd.DataFrame,
    raw: pd.DataFrame,
    columns: dict[str, str],
    already: set[tuple[int, str]],
    error_for: Callable[[str, int | None, str], ReportgenError],
    outside: bool = False,
) -> list[ReportgenError]:
    by_name = {field.name: field for field in fields}
    errors: list[ReportgenError] = []
    seen: set[tuple[int, str, str]] = set()
    for case in failures.itertuples(index=False):
        check = str(case.check)
        if case.index is None or pd.isna(case.index):
            errors.append(error_for(f"failed check {check}", None, str(case.column)))
            continue
        row = int(case.index)
        name = "end_date" if check == "end_not_before_start" else str(case.column)
        field = by_name.get(name)
        if field is None or (row, name) in already or (row, name, check) in seen:
            continue  # already reported as unreadable, or a wide check's repeat for a row
        seen.add((row, name, check))
        value = case.failure_case
        if check == "field_uniqueness" and pd.isna(value):
            continue  # blank references are reported as blank
        raw_value = raw.at[row, columns[name]] if name in columns else value
        shown = not (field.sensitive or outside)
        message = _failure_message(check, field, value, row, frame, raw_value, shown)
        errors.append(error_for(message, row, name))
    return errors


# --------------------------------------------------------------------------------------------
# The public entry point.


def load_dataset(
    path: str | Path,
    kind: DatasetKind,
    *,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    root: str | Path | None = None,
) -> pd.DataFrame:
    """Read, parse and validate a data file as ``kind`` ("placements", "savings", "budget" or
    "benchmarks").

    ``root`` is the folder the file should be in (the bundle): a file that lies outside it once
    links and ``..`` are resolved is still read, but nothing from it is quoted in an error
    (its header names and cells could be anything readable on the machine, /etc/passwd too).
    Cells of a sensitive column (child_name, date_of_birth) are never quoted either.

    Returns the canonical frame of docs/architecture.md, indexed by spreadsheet row number.
    Raises :class:`ReportgenError` (or :class:`ReportgenErrors` for several problems) naming
    the file, row and column of every problem found.
    """
    if kind in INDICATOR_KINDS:
        from reportgen.data.indicators import load_indicators

        return load_indicators(path, kind=kind, sheet=sheet, max_bytes=max_bytes, root=root)
    if kind not in FIELDS:
        raise ValueError(f"unknown data set kind {kind!r}: expected one of {DATASET_KINDS}")
    fields = FIELDS[kind]
    outside = root is not None and not _inside(Path(path), Path(root))
    raw = read_table(
        path,
        sheet=sheet,
        max_bytes=max_bytes,
        expected_columns=[f.name for f in fields if f.required],
        quote_headers=not outside,
    )
    source: dict[str, str] = raw.attrs["source_columns"]
    columns, missing = _match_columns(list(raw.columns), fields)

    def error_for(message: str, row: int | None, name: str | None) -> ReportgenError:
        column = source.get(columns.get(name, name), name) if name else None
        return ReportgenError(message, file=path, row=row, column=column)

    if missing:
        found = "not shown: the file is outside the bundle folder" if outside else (
            ", ".join(quote_text(c) for c in list(source.values())[:40]) or "none")
        _raise_all(
            [
                ReportgenError(
                    f"missing column '{name}' (columns found: {found})"
                    + _alias_hint(next(f for f in fields if f.name == name)),
                    file=path,
                )
                for name in missing
            ]
        )
    if raw.empty:
        raise ReportgenError("no rows: the file has a header row but no data", file=path)

    frame, unreadable = _parse(raw, fields, columns, outside)
    errors = [error_for(message, row, name) for (row, name), message in unreadable.items()]
    try:
        SCHEMAS[kind].validate(frame, lazy=True)
    except SchemaErrors as exc:
        errors += _translate(
            exc.failure_cases, fields, frame, raw, columns, set(unreadable), error_for, outside
        )
    if errors:
        order = {field.name: i for i, field in enumerate(fields)}
        inverse = {source.get(col, col): name for name, col in columns.items()}
        errors.sort(key=lambda e: (e.row or 0, order.get(inverse.get(e.column or "", ""), 99)))
        _raise_all(errors)
    return frame


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` lies in ``root`` once links and ``..`` are resolved."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _alias_hint(field: Field) -> str:
    if not field.aliases:
        return ""
    shown = ", ".join(field.aliases[:4])
    return f"; also accepted as: {shown}"


def _raise_all(errors: list[ReportgenError]) -> None:
    """Raise one error as itself, several as :class:`ReportgenErrors`."""
    if len(errors) == 1:
        raise errors[0]
    raise ReportgenErrors(errors)


def _parse(
    raw: pd.DataFrame, fields: Sequence[Field], columns: dict[str, str], outside: bool = False
) -> tuple[pd.DataFrame, dict[tuple[int, str], str]]:
    """Every canonical column parsed from its file column (or filled when absent)."""
    out: dict[str, pd.Series] = {}
    unreadable: dict[tuple[int, str], str] = {}
    index = raw.index

    def cells(name: str) -> pd.Series:
        return raw[columns[name]] if name in columns else pd.Series("", index=index, dtype=str)

    providers: pd.Series | None = None
    # Provider types first: SSDA903 foster codes U4–U6 need them.
    ordered = sorted(fields, key=lambda f: f.kind != "provider_type")
    for field in ordered:
        column = cells(field.name)
        bad: Bad = {}
        shown = not (field.sensitive or outside)
        if field.kind == "money":
            values, bad = parse_money(column, shown)
            if field.fill is not None:
                # A blank cell takes the default; an unreadable one stays NA (it is reported).
                values = values.mask(values.isna() & ~index.isin(list(bad)), field.fill)
        elif field.kind == "date":
            values, bad = parse_date(column, shown, field.open_end)
        elif field.kind == "provider_type":
            text = parse_text(column)
            values = _keep_unknown(ssda903.provider_types(text), text)
            providers = values
        elif field.kind == "placement_type":
            text = parse_text(column)
            values = _keep_unknown(ssda903.placement_types(text, providers), text)
        elif field.kind == "status":
            values = parse_status(column)
        elif field.kind == "period":
            values = parse_periods(column)
        else:
            values = parse_text(column)
        out[field.name] = values.astype(_DTYPES[field.kind])
        for row, message in bad.items():
            unreadable[(row, field.name)] = message
    frame = pd.DataFrame({field.name: out[field.name] for field in fields}, index=index)
    return frame, unreadable
