"""The rules every canonical frame obeys, as pandera schemas built from the field declarations,
and each failure case worded as one error naming its row and column.

pandera is imported when the first frame fails the plain check (:func:`passes_plainly`), not
when :mod:`reportgen.data` is: a caller that never loads a data file, or whose files have
nothing wrong, does not pay for it. Nor is hypothesis loaded with it (see :func:`_pandera`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from reportgen.data import fields as fields_module
from reportgen.data.fields import DTYPES, Dataset, Field, RowRule
from reportgen.data.parse import got, named, quote_cell
from reportgen.errors import ReportgenError
from reportgen.periods import parse_period

if TYPE_CHECKING:
    import pandera.pandas as pa

ErrorFor = Callable[[str, "int | None", str], ReportgenError]


def _pandera() -> Any:
    """``pandera.pandas``, imported without hypothesis.

    pandera's first validation imports its data-synthesis strategies, which import hypothesis
    (about 80 modules) wherever it is installed; pandera has no switch for this. Those
    strategies are never used here, so while pandera's modules load, hypothesis is made to
    look absent (``None`` in ``sys.modules`` makes its import fail) and pandera falls back to
    its placeholders. A process that has already imported hypothesis (a test run) keeps it.
    """
    loaded = "pandera.backends.pandas.builtin_checks" in sys.modules
    if loaded or "hypothesis" in sys.modules:
        import pandera.pandas as pa_module

        _register(pa_module)
        return pa_module
    # The window is one import: another thread importing hypothesis in it would fail.
    blocked = ("hypothesis", "hypothesis.strategies", "hypothesis.extra")
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import pandera.pandas as pa_module

        _register(pa_module)
    finally:
        for name in blocked:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return pa_module


def _register(pa_module: Any) -> None:
    """Load the pandas backend's checks now, which pandera would on the first validation
    (they import the strategies)."""
    del pa_module
    import pandera.backends.pandas.builtin_checks  # noqa: F401


def _valid_periods(values: pd.Series) -> pd.Series:
    """True where a period cell is a canonical period label (checked once per distinct value)."""
    verdict: dict[str, bool] = {}
    for value in values.dropna().unique():
        try:
            verdict[value] = parse_period(str(value)).label == value
        except ReportgenError:
            verdict[value] = False
    # Through the nullable boolean: an all-blank column maps to float NaN, which pandas will
    # not fill with a bool.
    return values.map(verdict).astype("boolean").fillna(True).astype(bool)


def _column(pa: Any, field: Field) -> pa.Column:
    checks: list[Any] = []
    if field.kind in ("money", "count"):
        checks.append(pa.Check.ge(0))
    elif field.kind == "code":
        assert field.codes is not None
        checks.append(pa.Check.isin(list(field.codes.values)))
    elif field.kind == "period":
        checks.append(pa.Check(_valid_periods, name="period"))
    return pa.Column(
        DTYPES[field.kind],
        checks=checks,
        nullable=not field.required and field.fill is None,
        unique=field.unique,
        report_duplicates="exclude_first" if field.unique else "all",
    )


def _rule_check(pa: Any, rule: RowRule) -> Any:
    return pa.Check(rule.test, name=rule.name)


@cache
def schema(kind: str) -> pa.DataFrameSchema:
    """The pandera schema of a registered data set (built once)."""
    pa = _pandera()
    dataset = fields_module.dataset(kind)
    return pa.DataFrameSchema(
        {field.name: _column(pa, field) for field in dataset.fields},
        checks=[_rule_check(pa, rule) for rule in dataset.rules],
        strict=True,
        ordered=True,
        name=kind,
    )


def passes_plainly(kind: str, frame: pd.DataFrame) -> bool:
    """Whether ``frame`` certainly passes :func:`schema` (``False`` means "ask pandera").

    The same rules as :func:`_column` and the data set's row rules, checked with plain pandas,
    so that a file with nothing wrong costs neither pandera's import (about a quarter of a
    second, as much as importing pandas) nor its validation. It errs one way only: any doubt
    (a null where one could be excused, a dtype not exactly the canonical one, a rule giving
    NA) answers ``False`` and pandera decides, and words every failure, as before.
    tests/test_validate_plain.py holds the two to each other on every fixture and corpus file,
    and fails when :func:`_column` gains a check this does not mirror.
    """
    dataset = fields_module.dataset(kind)
    if list(frame.columns) != [field.name for field in dataset.fields]:
        return False  # strict and ordered
    for field in dataset.fields:
        column = frame[field.name]
        if column.dtype != pd.api.types.pandas_dtype(DTYPES[field.kind]):
            return False
        values = column.dropna()
        nullable = not field.required and field.fill is None  # as in _column
        if not nullable and len(values) != len(column):
            return False
        if field.unique and column.duplicated().any():
            return False
        if field.kind in ("money", "count"):
            if not bool((values >= 0).all()):
                return False
        elif field.kind == "code":
            assert field.codes is not None
            if not bool(values.isin(list(field.codes.values)).all()):
                return False
        elif field.kind == "period" and not bool(_valid_periods(column).all()):
            return False
    for rule in dataset.rules:
        verdict = rule.test(frame)
        if bool(verdict.isna().any()) or not bool(verdict.astype(bool).all()):
            return False
    return True


def failure_cases(kind: str, frame: pd.DataFrame) -> pd.DataFrame | None:
    """pandera's failure cases for ``frame`` (all of them: ``lazy=True``), or ``None``."""
    if passes_plainly(kind, frame):
        return None
    _pandera()
    from pandera.errors import SchemaErrors

    try:
        schema(kind).validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases: pd.DataFrame = exc.failure_cases
        return cases
    return None


# --------------------------------------------------------------------------------------------
# Failure cases → messages.


def _period_problem(value: Any, shown: bool) -> str:
    if not shown:
        return "unrecognised period"
    try:
        parse_period(str(value))
    except ReportgenError as exc:
        return exc.message
    return f"unrecognised period {quote_cell(value)}"


def _first_rows(frame: pd.DataFrame, name: str) -> dict[Any, int]:
    """Row where each value of a column first appears (cached on the frame)."""
    cache_: dict[str, dict[Any, int]] = frame.attrs.setdefault("_first_rows", {})
    if name not in cache_:
        column = frame[name].dropna()
        firsts = column[~column.duplicated()]
        cache_[name] = {value: int(row) for row, value in firsts.items()}
    return cache_[name]


def _failure_message(
    check: str, field: Field, value: Any, frame: pd.DataFrame, raw_value: Any, shown: bool
) -> str:
    if check == "not_nullable":
        return "a value is required (the cell is blank)"
    if check.startswith("greater_than_or_equal_to"):
        return f"must not be negative{got(raw_value, shown)}"
    if check == "field_uniqueness":
        first = _first_rows(frame, field.name)[value]
        return f"duplicate {field.name}{named(value, shown)} (also on row {first})"
    if check.startswith("isin") and field.codes is not None:
        return f"unknown {field.codes.noun}{named(value, shown)}: expected " \
               f"{field.codes.accepted()}"
    if check == "period":
        return _period_problem(value, shown)
    # Anything else would be a fault in this module, but still say where and what.
    return f"failed check {check}{got(value, shown)}"


def translate(
    failures: pd.DataFrame,
    dataset: Dataset,
    frame: pd.DataFrame,
    raw: pd.DataFrame,
    columns: dict[str, str],
    already: set[tuple[int, str]],
    error_for: ErrorFor,
    outside: bool = False,
) -> list[ReportgenError]:
    """One error for each failure case not already reported as an unreadable cell."""
    by_name = {field.name: field for field in dataset.fields}
    rules = {rule.name: rule for rule in dataset.rules}
    errors: list[ReportgenError] = []
    seen: set[tuple[int, str, str]] = set()
    for case in failures.itertuples(index=False):
        check = str(case.check)
        if case.index is None or pd.isna(case.index):
            errors.append(error_for(f"failed check {check}", None, str(case.column)))
            continue
        row = int(case.index)
        rule = rules.get(check)
        name = rule.column if rule is not None else str(case.column)
        field = by_name.get(name)
        if field is None or (row, name) in already or (row, name, check) in seen:
            continue  # already reported as unreadable, or a wide check's repeat for a row
        seen.add((row, name, check))
        value = case.failure_case
        if check == "field_uniqueness" and pd.isna(value):
            continue  # blank references are reported as blank
        shown = not (field.sensitive or outside)
        if rule is not None:
            message = rule.message(frame, row, shown)
        else:
            raw_value = raw.at[row, columns[name]] if name in columns else value
            message = _failure_message(check, field, value, frame, raw_value, shown)
        errors.append(error_for(message, row, name))
    return errors


__all__ = ["failure_cases", "passes_plainly", "schema", "translate"]
