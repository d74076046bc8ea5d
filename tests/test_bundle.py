"""report.yaml: typed fields, no YAML type guessing, one-line errors that point at the line."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reportgen.bundle import load_bundle
from reportgen.errors import ReportgenError, ReportgenErrors

from .helpers import FIXTURES

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


def copy_with(tmp_path: Path, old: str, new: str) -> Path:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return bundle


def error_lines(bundle: Path) -> list[str]:
    with pytest.raises(ReportgenError) as err:
        load_bundle(bundle)
    exc = err.value
    return exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]


def test_fixture_loads_with_typed_values() -> None:
    bundle = load_bundle(HARROW)
    assert bundle.meeting.date == dt.date(2016, 10, 25)
    assert bundle.report.key_decision is False  # "no" is a yes/no field, not the text "no"
    assert bundle.report.wards == ["All"]
    assert bundle.clearance[0].date == dt.date(2016, 10, 13)  # 13/10/2016 is day-first
    assert bundle.period == "2016/17 Q1"


def test_phone_number_stays_text_and_no_means_no(tmp_path: Path) -> None:
    bundle = load_bundle(copy_with(tmp_path, "phone: 020 8424 1485", "phone: 0208"))
    assert bundle.contacts[0].phone == "0208"  # YAML 1.1 would read 0208 as a number


@pytest.mark.parametrize("old, new, expected", [
    ("  date: 2016-10-25", "  dat: 2016-10-25",
     "unknown field 'meeting.dat': did you mean 'date'?"),
    ("  date: 2016-10-25", "  date: next Tuesday",
     "meeting.date: expected a date such as 2016-10-25 or 25/10/2016, got 'next Tuesday'"),
    ("  key_decision: no", "  key_decision: perhaps",
     "report.key_decision: expected yes or no, got 'perhaps'"),
    ("  type: information", "  type: informative",
     "report.type: expected 'information' or 'decision', got 'informative'"),
    ("  exempt: no", "  exempt: yes",
     "an exempt report must name its paragraph of Schedule 12A Part 1"),
    ("  date: 2016-10-25", "  date: 31/02/2016", "impossible date '31/02/2016'"),
    ("period: 2016/17 Q1", "period: 2016/17 Q5", "unrecognised period"),
    ("council: Harrow Council", "council: [unclosed", "YAML syntax error"),
])
def test_one_line_errors_name_the_line(tmp_path: Path, old: str, new: str, expected: str) -> None:
    lines = error_lines(copy_with(tmp_path, old, new))
    assert any(expected in line for line in lines), lines
    for line in lines:
        assert line.startswith(str(tmp_path / "b" / "report.yaml") + ": line ")
        assert "\n" not in line


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bundle = copy_with(tmp_path, "  date: 2016-10-25", "  dat: 2016-10-25\n  venu: x")
    lines = error_lines(bundle)
    assert any("meeting.date: this field is required" in line for line in lines)
    assert any("'meeting.venu': did you mean 'venue'?" in line for line in lines)


def test_missing_bundle_folder_and_file(tmp_path: Path) -> None:
    assert error_lines(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: bundle folder not found"]
    (tmp_path / "empty").mkdir()
    assert error_lines(tmp_path / "empty") == [
        f"{tmp_path / 'empty'}: no report.yaml in the bundle folder"]
