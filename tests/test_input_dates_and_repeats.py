"""Boundaries of two input rules, written from the rules (issue 24):

- ``as_at`` lies in the report's period, first and last day included, and not after the
  publication date (that day included);
- a savings measure has one row a period: the same measure in another period or another area
  is a different row, and case and spacing do not make a measure different.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.bundle import load_bundle
from reportgen.data import load_dataset
from reportgen.errors import ReportgenError

from .helpers import FIXTURES

HARROW = FIXTURES / "harrow-2016-high-cost-placements"  # period 2016/17 Q1, published 17/10/16


def _bundle(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "bundle"
    shutil.copytree(HARROW, folder)
    yaml_path = folder / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    assert old in text
    yaml_path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(("as_at", "error"), [
    ("2016-04-01", None),  # the period's first day
    ("2016-06-30", None),  # its last day
    ("2016-03-31", "as_at: 31 March 2016 is outside the report's period 2016/17 Q1 "
                   "(1 April 2016 to 30 June 2016)"),
    ("2016-07-01", "as_at: 1 July 2016 is outside the report's period 2016/17 Q1 "
                   "(1 April 2016 to 30 June 2016)"),
])
def test_as_at_lies_in_the_period(tmp_path: Path, as_at: str, error: str | None) -> None:
    folder = _bundle(tmp_path, "as_at: 2016-06-30", f"as_at: {as_at}")
    if error is None:
        assert str(load_bundle(folder).as_at) == as_at
        return
    with pytest.raises(ReportgenError) as caught:
        load_bundle(folder)
    assert caught.value.line() == f"{folder / 'report.yaml'}: line 25: {error}"


@pytest.mark.parametrize(("as_at", "refused"), [
    ("2016-10-17", False),  # the publication day itself
    ("2016-10-18", True),
])
def test_as_at_is_not_after_publication(tmp_path: Path, as_at: str, refused: bool) -> None:
    # Without a period, only publication bounds it.
    folder = _bundle(tmp_path, "as_at: 2016-06-30", f"as_at: {as_at}")
    text = (folder / "report.yaml").read_text(encoding="utf-8")
    (folder / "report.yaml").write_text(text.replace("period: 2016/17 Q1\n", "", 1),
                                        encoding="utf-8")
    if not refused:
        assert load_bundle(folder).period is None
        return
    with pytest.raises(ReportgenError, match=r"as_at: 18 October 2016 is after the report's "
                                             r"publication date \(17 October 2016\)"):
        load_bundle(folder)


HEADER = "area,measure,target,achieved,period\n"


@pytest.mark.parametrize(("rows", "error"), [
    # one measure in two periods, or in two areas: two rows, both counted once
    (["Fostering,Recruit carers,100,50,2016/17", "Fostering,Recruit carers,100,80,2017/18"],
     None),
    (["Fostering,Recruit carers,100,50,2016/17", "Adoption,Recruit carers,100,50,2016/17"],
     None),
    # the same measure again, however it is spelt in case and spacing
    (["Fostering,Recruit carers,100,50,2016/17", "Adoption,Step down,10,5,2016/17",
      "fostering , RECRUIT   carers,100,50,2016/17"],
     "row 4, column 'measure': savings measure 'RECRUIT carers' appears more than once for "
     "2016/17 (also on row 2)"),
    # no period column value at all: one row a measure still
    (["Fostering,Recruit carers,100,50,", "Fostering,Recruit carers,1,1,"],
     "row 3, column 'measure': savings measure 'Recruit carers' appears more than once "
     "(also on row 2)"),
])
def test_a_savings_measure_has_one_row_a_period(tmp_path: Path, rows: list[str],
                                                 error: str | None) -> None:
    path = tmp_path / "savings.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    if error is None:
        assert len(load_dataset(path, "savings")) == len(rows)
        return
    with pytest.raises(ReportgenError) as caught:
        load_dataset(path, "savings")
    assert f"{path}, {error}: give each measure one row a period" in caught.value.line()
