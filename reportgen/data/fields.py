"""The data sets reportgen reads, declared: each canonical column, its kind, aliases and rules.

Everything else in :mod:`reportgen.data` works from these declarations: the parsers
(:mod:`~reportgen.data.parse`) pick a cell parser by a field's ``kind``, the pandera schemas
(:mod:`~reportgen.data.validate`) are built from the fields, and
:func:`~reportgen.data.load.load_dataset` matches file columns by names and aliases. Adding a
data set is one :func:`register` call (docs/data.md, "Adding a data set").

This module imports neither pandas nor pandera: a rule's test receives the parsed frame.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from reportgen.data import ssda903

if TYPE_CHECKING:
    import pandas as pd

#: How a column is read and checked: ``text`` (trimmed), ``money`` (pounds, ≥ 0), ``count``
#: (a whole number ≥ 0), ``date`` (reportgen.dates), ``code`` (one of ``Field.codes``),
#: ``period`` (reportgen.periods label).
FieldKind = Literal["text", "money", "count", "date", "code", "period"]

#: The pandas dtype of each kind's canonical column.
DTYPES: dict[str, str] = {
    "text": "string",
    "money": "float64",
    "count": "Int64",
    "date": "datetime64[ns]",
    "code": "string",
    "period": "string",
}


@dataclass(frozen=True)
class Codes:
    """The known values of a ``code`` column, and how cells are read as them."""

    noun: str  # "placement type": in "unknown placement type 'X'"
    values: tuple[str, ...]  # the canonical values the column holds
    # Cells (trimmed text, NA if blank) and the columns parsed so far → canonical value, or NA
    # where a cell is not recognised (it is then reported as written).
    read: Callable[[pd.Series, Mapping[str, pd.Series]], pd.Series]
    accepted: Callable[[], str]  # the words after "expected" in the error
    needs: tuple[str, ...] = ()  # columns that must be parsed first (passed to ``read``)


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
    unique: bool = False  # no two rows may hold the same value (blanks excepted)
    codes: Codes | None = None  # for kind "code": the known values


@dataclass(frozen=True)
class RowRule:
    """A rule between columns of one row, such as "end date not before start date"."""

    name: str
    column: str  # the column an error names
    test: Callable[[pd.DataFrame], pd.Series]  # the parsed frame → True where a row passes
    # (parsed frame, row, whether cells may be quoted) → the error's words
    message: Callable[[pd.DataFrame, int, bool], str]


@dataclass(frozen=True)
class Dataset:
    """A data set: its canonical columns, in order, and the rules across them."""

    kind: str
    fields: tuple[Field, ...]
    rules: tuple[RowRule, ...] = ()

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


#: Every data set, by kind, in the order registered. Look data sets up with :func:`dataset`,
#: which first imports :data:`DATASET_MODULES`.
DATASETS: dict[str, Dataset] = {}
#: Modules declaring further data sets in their own file (each calls :func:`register`);
#: imported on the first look-up, so that a data set costs nothing until it is used.
DATASET_MODULES: tuple[str, ...] = ()


@cache
def _import_dataset_modules() -> None:
    for module in DATASET_MODULES:
        importlib.import_module(module)


def dataset(kind: str) -> Dataset:
    """The data set registered as ``kind``; ``ValueError`` naming the known ones if none is."""
    _import_dataset_modules()
    if kind not in DATASETS:
        raise ValueError(f"unknown data set kind {kind!r}: expected one of {tuple(DATASETS)}")
    return DATASETS[kind]


def register(kind: str, *fields: Field, rules: tuple[RowRule, ...] = ()) -> Dataset:
    """Declare a data set: ``load_dataset(path, kind)`` then reads, parses and validates it."""
    if kind in DATASETS:
        raise ValueError(f"data set {kind!r} is registered twice")
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise ValueError(f"data set {kind!r} declares a column twice")
    for f in fields:
        if (f.kind == "code") != (f.codes is not None):
            raise ValueError(f"{kind}.{f.name}: a code column, and only one, needs codes")
        if f.codes is not None and any(n not in names for n in f.codes.needs):
            raise ValueError(f"{kind}.{f.name}: needs a column the data set does not have")
    dataset = Dataset(kind, tuple(fields), rules)
    DATASETS[kind] = dataset
    return dataset


# --------------------------------------------------------------------------------------------
# Vocabularies of the code columns.

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
_STATUS_LOOKUP = {**{key: key for key in SAVINGS_STATUSES}, **_STATUS_SYNONYMS}


def _read_status(text: pd.Series, _parsed: Mapping[str, pd.Series]) -> pd.Series:
    """Savings status: "On track", "on-track", "ON_TRACK" → ``on_track``."""
    keys = text.str.lower().str.replace(r"[^a-z0-9]+", "_", regex=True).str.strip("_")
    return keys.map(_STATUS_LOOKUP).astype("string")


def _accepted_statuses() -> str:
    accepted = ", ".join(f"'{s}'" for s in SAVINGS_STATUSES)
    return f"one of {accepted} (or labels such as 'On track')"


PROVIDER_TYPE_CODES = Codes(
    "provider type", tuple(ssda903.PROVIDER_TYPES),
    read=lambda text, _parsed: ssda903.provider_types(text),
    accepted=ssda903.accepted_provider_types,
)
# SSDA903 foster codes U4–U6 mean in-house or agency fostering by who provides the placement.
PLACEMENT_TYPE_CODES = Codes(
    "placement type", tuple(ssda903.PLACEMENT_TYPES),
    read=lambda text, parsed: ssda903.placement_types(text, parsed.get("provider_type")),
    accepted=ssda903.accepted_placement_types,
    needs=("provider_type",),
)
STATUS_CODES = Codes("status", tuple(SAVINGS_STATUSES), read=_read_status,
                     accepted=_accepted_statuses)

_YES_NO = {"yes": "yes", "y": "yes", "true": "yes", "1": "yes", "renegotiated": "yes",
           "no": "no", "n": "no", "false": "no", "0": "no"}
# A flag column ("renegotiated"): yes or no, as people write them.
YES_NO_CODES = Codes(
    "yes or no value", ("yes", "no"),
    read=lambda text, _parsed: text.str.strip().str.lower().map(_YES_NO).astype("string"),
    accepted=lambda: "'yes' or 'no'",
)


def _end_not_before_start(frame: pd.DataFrame) -> pd.Series:
    end, start = frame["end_date"], frame["start_date"]
    return (end.isna() | start.isna() | (end >= start)).astype(bool)


def _end_before_start_message(frame: pd.DataFrame, row: int, shown: bool) -> str:
    if not shown:
        return "the end date is before the start date"
    end, start = frame.at[row, "end_date"], frame.at[row, "start_date"]
    return f"end date {end:%d/%m/%Y} is before start date {start:%d/%m/%Y}"


END_NOT_BEFORE_START = RowRule("end_not_before_start", "end_date", _end_not_before_start,
                               _end_before_start_message)


def _first_of_each_saving(frame: pd.DataFrame) -> dict[int, int]:
    """Row → the row where its measure (area, measure and period, compared without case or
    spacing) first appears; cached on the frame, as every repeat's message asks for it."""
    cached: dict[int, int] | None = frame.attrs.get("_saving_firsts")
    if cached is None:
        def words(name: str) -> pd.Series:
            return frame[name].astype("string").fillna("").str.casefold().str.split().str.join(
                " ")
        period = frame["period"].astype("string").fillna("")
        key = words("area") + "\x1f" + words("measure") + "\x1f" + period
        first = {value: int(row) for row, value in key[~key.duplicated()].items()}
        cached = {int(row): first[value] for row, value in key.items()}
        frame.attrs["_saving_firsts"] = cached
    return cached


def _saving_once(frame: pd.DataFrame) -> pd.Series:
    # A measure's second row would be counted again in every total (as a budget line would).
    firsts = _first_of_each_saving(frame)
    return frame.index.to_series().map(lambda row: firsts[int(row)] == int(row)).astype(bool)


def _saving_again_message(frame: pd.DataFrame, row: int, shown: bool) -> str:
    from reportgen.errors import quote

    first = _first_of_each_saving(frame)[row]
    period = frame.at[row, "period"]
    when = "" if not isinstance(period, str) else f" for {period}"
    what = f" {quote(frame.at[row, 'measure'])}" if shown else ""
    return (f"savings measure{what} appears more than once{when} (also on row {first}): "
            "give each measure one row a period, or its totals count it twice")


SAVING_ONCE = RowRule("saving_once", "measure", _saving_once, _saving_again_message)


# --------------------------------------------------------------------------------------------
# The data sets (docs/architecture.md, "Canonical data"; docs/data.md for the reader).

PLACEMENTS = register(
    "placements",
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
        unique=True,
        sensitive=True,  # it identifies a child to anyone with the case system
    ),
    Field(
        "placement_type",
        "code",
        True,
        ("type", "placement", "placement_code", "placement_type_code", "place"),
        description="placement type label or SSDA903 placement code",
        codes=PLACEMENT_TYPE_CODES,
    ),
    Field(
        "provider_type",
        "code",
        True,
        ("provider_code", "place_provider", "provider_category"),
        description="in_house, private, voluntary or other_la; labels and PR0–PR5 accepted",
        codes=PROVIDER_TYPE_CODES,
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
    Field(
        "renegotiated",
        "code",
        False,
        ("cost_renegotiated", "rate_renegotiated", "renegotiated_rate"),
        description="optional: yes where the placement's cost was renegotiated",
        codes=YES_NO_CODES,
    ),
    rules=(END_NOT_BEFORE_START,),
)


SAVINGS = register(
    "savings",
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
        "code",
        False,
        ("savings_status", "delivery_status"),
        description="achieved, on_track, at_risk, not_achieved or planned",
        codes=STATUS_CODES,
    ),
    Field(
        "period",
        "period",
        False,
        ("financial_year", "year"),
        description="financial year or part, e.g. 2016/17 Q1",
    ),
    rules=(SAVING_ONCE,),
)


BUDGET = register(
    "budget",
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
)


BENCHMARKS = register(
    "benchmarks",
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
)

