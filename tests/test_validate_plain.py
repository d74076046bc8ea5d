"""The plain-pandas check that lets a clean data file skip pandera (data/validate.py,
``passes_plainly``) never passes a frame pandera would fail, and mirrors every check pandera
is given."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from reportgen.data import fields as fields_module
from reportgen.data.load import load_dataset
from reportgen.data.validate import _pandera, passes_plainly, schema

ROOT = Path(__file__).resolve().parent.parent
DATA_FILES = sorted(
    (path, path.stem) for path in ROOT.glob("fixtures/*/data/*.csv")
    # benchmarks are read by the indicators reader (data/indicators.py), not these schemas.
    if path.stem in ("placements", "savings", "budget"))


def pandera_passes(kind: str, frame: pd.DataFrame) -> bool:
    errors = _pandera().errors
    try:
        schema(kind).validate(frame, lazy=True)
    except errors.SchemaErrors:
        return False
    return True


@pytest.mark.parametrize(("path", "kind"), DATA_FILES, ids=lambda v: str(v)[-40:])
def test_every_fixture_file_passes_both_ways(path: Path, kind: str) -> None:
    frame = load_dataset(path, kind)
    assert passes_plainly(kind, frame)  # the fast path is the one a clean file takes
    assert pandera_passes(kind, frame)


def _first(frame: pd.DataFrame, kind: str) -> str:
    return next(f.name for f in fields_module.dataset(kind).fields if f.kind == kind)


def _mutations() -> list[tuple[str, str, Callable[[pd.DataFrame], pd.DataFrame]]]:
    def setter(column: str, value: object, row: int = 0) -> Callable[[pd.DataFrame],
                                                                      pd.DataFrame]:
        def change(frame: pd.DataFrame) -> pd.DataFrame:
            out = frame.copy()
            out.loc[out.index[row], column] = value
            return out
        return change

    def duplicate(column: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
        def change(frame: pd.DataFrame) -> pd.DataFrame:
            out = frame.copy()
            out.loc[out.index[1], column] = out.loc[out.index[0], column]
            return out
        return change

    def retype(column: str, dtype: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
        def change(frame: pd.DataFrame) -> pd.DataFrame:
            out = frame.copy()
            out[column] = out[column].astype(dtype)
            return out
        return change

    return [
        ("placements", "negative money", setter("weekly_cost", -1.0)),
        ("placements", "blank required money", setter("weekly_cost", float("nan"))),
        ("placements", "unknown code", setter("placement_type", "martian")),
        ("placements", "blank code", setter("placement_type", pd.NA)),
        ("placements", "duplicate reference", duplicate("reference")),
        ("placements", "blank reference", setter("reference", pd.NA)),
        ("placements", "end before start",
         setter("end_date", pd.Timestamp("1990-01-01"))),
        ("placements", "money as object", retype("weekly_cost", "object")),
        ("placements", "text as object", retype("reference", "object")),
        ("placements", "extra column", lambda f: f.assign(extra=1)),
        ("placements", "columns reordered", lambda f: f[list(reversed(f.columns))]),
        ("placements", "missing column", lambda f: f.drop(columns=[f.columns[-1]])),
        ("budget", "bad period", setter("period", "2016/17 Q9")),
        ("budget", "period not canonical", setter("period", "2016/17 q1")),
        ("budget", "negative budget", setter("budget", -5.0)),
    ]


@pytest.mark.parametrize(("kind", "what", "change"), _mutations(),
                         ids=[m[1] for m in _mutations()])
def test_a_frame_pandera_fails_never_passes_plainly(
        kind: str, what: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> None:
    path = next(p for p, k in DATA_FILES if k == kind)
    frame = load_dataset(path, kind)
    try:
        changed = change(frame)
    except (KeyError, TypeError, ValueError) as exc:  # a column this data set lacks
        pytest.skip(f"{what}: {exc}")
    if not pandera_passes(kind, changed):
        assert not passes_plainly(kind, changed), what


def test_every_check_pandera_is_given_is_mirrored() -> None:
    # passes_plainly mirrors _column's checks by field kind; a check added there (or a new
    # kind with one) must be added to passes_plainly too, or this fails.
    mirrored = {"money": {"greater_than_or_equal_to"}, "count": {"greater_than_or_equal_to"},
                "code": {"isin"}, "period": {"period"}}
    for kind, dataset in fields_module.DATASETS.items():
        built = schema(kind)
        for field in dataset.fields:
            checks = built.columns[field.name].checks
            names = {str(check.name) for check in checks}
            for check in checks:
                if check.name == "greater_than_or_equal_to":
                    assert check.statistics == {"min_value": 0}, (kind, field.name)
                if check.name == "isin":
                    assert field.codes is not None
                    assert set(check.statistics["allowed_values"]) == set(field.codes.values)
            assert names == mirrored.get(field.kind, set()), (kind, field.name, names)
        assert {c.name for c in built.checks} == {r.name for r in dataset.rules}, kind
