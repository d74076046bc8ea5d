"""One date grammar (reportgen.dates) through every entry point: report.yaml, agenda.yaml, a
CSV cell, an .xlsx cell and the disclosure check's search of a document's text."""

from __future__ import annotations

import copy
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from reportgen import dates
from reportgen.agenda import agenda_from_data
from reportgen.bundle import load_bundle
from reportgen.checks.disclosure import identifier_findings
from reportgen.data import load_dataset
from reportgen.errors import ReportgenError
from reportgen.yamlload import load_yaml

from .helpers import FIXTURES

DAY = date(2016, 10, 25)

# Written forms every input accepts, all 25 October 2016.
ACCEPTED = [
    "2016-10-25",
    "2016/10/25",
    "25/10/2016",
    "25.10.2016",
    "25-10-2016",
    "25 October 2016",
    "25th October 2016",
    "25 Oct 2016",
    "25-Oct-2016",
    "25 october 2016",
    "Tuesday 25th October, 2016",
    "Tuesday 25 October 2016",
    "Tue 25 Oct 2016",
    "October 25, 2016",
    "October 25th, 2016",
    "25/10/2016 00:00",
    "2016-10-25T00:00:00",
]

# Written forms every input refuses, with a fragment of the reason given.
REFUSED = [
    ("10/25/2016", "impossible date '10/25/2016' (dates are read day first, as dd/mm/yyyy)"),
    ("31/02/2016", "impossible date '31/02/2016' (dates are read day first"),
    ("2016-02-30", "impossible date '2016-02-30'"),
    ("31 June 2016", "impossible date '31 June 2016'"),
    ("25/10/16", "two-digit year in date '25/10/16': write the year in full"),
    ("25 Oct 16", "two-digit year in date '25 Oct 16'"),
    ("Monday 25 October 2016", "the weekday does not match the date 'Monday 25 October 2016':"
                               " it is a Tuesday"),
    ("25/10-2016", "expected a date such as"),
    ("25 Octember 2016", "expected a date such as"),
    ("next Tuesday", "expected a date such as"),
    ("42668", "expected a date such as"),  # a day number is a date only in a number cell
    ("01/01/1600", "date '01/01/1600' is outside the years 1678 to 2261"),
    ("31/12/2300", "date '31/12/2300' is outside the years 1678 to 2261"),
    ("31/12/9999", "date '31/12/9999' is outside the years 1678 to 2261"),
]


# --------------------------------------------------------------------------- the module


@pytest.mark.parametrize("text", ACCEPTED)
def test_parse_date_accepts(text: str) -> None:
    assert dates.parse_date(text) == DAY


@pytest.mark.parametrize("text, reason", REFUSED)
def test_parse_date_refuses(text: str, reason: str) -> None:
    with pytest.raises(dates.DateError) as info:
        dates.parse_date(text)
    assert reason in info.value.message


def test_a_huge_value_is_refused_without_reading_it() -> None:
    with pytest.raises(dates.DateError, match="expected a date such as"):
        dates.parse_date("25 October 2016 " + "x" * 10_000)


# --------------------------------------------------------------------------- report.yaml


def _yaml_reason(reason: str) -> str:
    """The reason as a YAML file words it: its example date is report.yaml's own."""
    return reason.replace("expected a date such as", f"expected a date such as {dates.EXAMPLE}")


HARROW = FIXTURES / "harrow-2016-high-cost-placements"


@pytest.fixture(scope="module")
def bundle_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bundle = tmp_path_factory.mktemp("dates") / "b"
    shutil.copytree(HARROW, bundle)
    return bundle


def _report_yaml_date(bundle: Path, written: str) -> date:
    path = bundle / "report.yaml"
    original = (HARROW / "report.yaml").read_text(encoding="utf-8")
    assert "  date: 2016-10-25\n" in original
    path.write_text(original.replace("  date: 2016-10-25\n", f"  date: '{written}'\n", 1),
                    encoding="utf-8")
    return load_bundle(bundle).meeting.date


@pytest.mark.parametrize("text", ACCEPTED)
def test_report_yaml_accepts(bundle_copy: Path, text: str) -> None:
    assert _report_yaml_date(bundle_copy, text) == DAY


@pytest.mark.parametrize("text, reason", REFUSED)
def test_report_yaml_refuses(bundle_copy: Path, text: str, reason: str) -> None:
    with pytest.raises(ReportgenError) as info:
        _report_yaml_date(bundle_copy, text)
    assert f"report.yaml: line 8: meeting.date: {_yaml_reason(reason)}" in info.value.line()


# --------------------------------------------------------------------------- agenda.yaml

AGENDA = FIXTURES / "agenda-corporate-parenting" / "agenda.yaml"


@pytest.fixture(scope="module")
def agenda_data() -> Any:
    data, _lines = load_yaml(AGENDA)
    return data


def _agenda_date(data: Any, written: str) -> date:
    edited = copy.deepcopy(data)
    edited["meeting"]["date"] = written
    return agenda_from_data(edited, AGENDA).meeting.date


@pytest.mark.parametrize("text", ACCEPTED)
def test_agenda_yaml_accepts(agenda_data: Any, text: str) -> None:
    assert _agenda_date(agenda_data, text) == DAY


@pytest.mark.parametrize("text, reason", REFUSED)
def test_agenda_yaml_refuses(agenda_data: Any, text: str, reason: str) -> None:
    with pytest.raises(ReportgenError) as info:
        _agenda_date(agenda_data, text)
    assert f"meeting.date: {_yaml_reason(reason)}" in info.value.line()


# --------------------------------------------------------------------------- data files

COLUMNS = ["reference", "placement_type", "provider_type", "start_date", "end_date",
           "weekly_cost"]


def _csv_date(tmp_path: Path, written: str, column: str = "start_date") -> pd.Timestamp:
    row = {"reference": "C1", "placement_type": "IFA", "provider_type": "private",
           "start_date": "01/04/2016", "end_date": "", "weekly_cost": "900"}
    row[column] = written
    path = tmp_path / "placements.csv"
    quoted = ",".join(f'"{row[c]}"' for c in COLUMNS)
    path.write_text(",".join(COLUMNS) + "\n" + quoted + "\n", encoding="utf-8")
    return load_dataset(path, "placements")[column].iloc[0]


def _xlsx_date(tmp_path: Path, written: object, column: str = "start_date") -> Any:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    row: dict[str, object] = {"reference": "C1", "placement_type": "IFA",
                              "provider_type": "private", "start_date": "01/04/2016",
                              "end_date": None, "weekly_cost": 900}
    row[column] = written
    sheet.append(COLUMNS)
    sheet.append([row[c] for c in COLUMNS])
    path = tmp_path / "placements.xlsx"
    book.save(path)
    return load_dataset(path, "placements")[column].iloc[0]


@pytest.mark.parametrize("text", ACCEPTED)
def test_csv_cell_accepts(tmp_path: Path, text: str) -> None:
    assert _csv_date(tmp_path, text) == pd.Timestamp(DAY)


def _in_placements(reason: str, text: str) -> str:
    """A placements file identifies children: a cell with a letter is not repeated."""
    return reason.replace(f" '{text}'", "") if any(c.isalpha() for c in text) else reason


@pytest.mark.parametrize("text, reason", REFUSED)
def test_csv_cell_refuses(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ReportgenError) as info:
        _csv_date(tmp_path, text)
    assert f"row 2, column 'start_date': {_in_placements(reason, text)}" in info.value.line()


@pytest.mark.parametrize("text", ACCEPTED)
def test_xlsx_text_cell_accepts(tmp_path: Path, text: str) -> None:
    assert _xlsx_date(tmp_path, text) == pd.Timestamp(DAY)


@pytest.mark.parametrize("text, reason", REFUSED)
def test_xlsx_text_cell_refuses(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ReportgenError) as info:
        _xlsx_date(tmp_path, text)
    assert f"row 2, column 'start_date': {_in_placements(reason, text)}" in info.value.line()


def test_xlsx_number_and_date_cells_are_dates(tmp_path: Path) -> None:
    assert _xlsx_date(tmp_path, 42668) == pd.Timestamp(DAY)  # Excel's day number
    assert _xlsx_date(tmp_path, datetime(2016, 10, 25)) == pd.Timestamp(DAY)


def test_the_open_end_sentinel_is_blank_only_in_an_end_date(tmp_path: Path) -> None:
    assert pd.isna(_csv_date(tmp_path, "31/12/9999", "end_date"))
    assert pd.isna(_xlsx_date(tmp_path, datetime(9999, 12, 31), "end_date"))
    with pytest.raises(ReportgenError, match="leave it blank \\(or write 31/12/9999\\)"):
        _csv_date(tmp_path, "31/12/2300", "end_date")


# --------------------------------------------------------------------------- disclosure


def _birth_found(written: str) -> bool:
    placements = pd.DataFrame({"reference": ["C1"],
                               "date_of_birth": [pd.Timestamp(DAY)]})
    text = f"The young person, born {written}, moved to a new placement."
    return bool(identifier_findings(placements, text, "placements.csv"))


@pytest.mark.parametrize("text", ACCEPTED)
def test_disclosure_finds_every_accepted_form(text: str) -> None:
    assert _birth_found(text)


@pytest.mark.parametrize("text", ["25/10/16", "25 Oct 16", "Monday 25 October 2016"])
def test_disclosure_also_finds_forms_an_input_refuses(text: str) -> None:
    # A date of birth written with a two-digit year or a wrong weekday still tells it.
    assert _birth_found(text)


@pytest.mark.parametrize("text", ["10/25/2016", "26/10/2016", "25/10/2017", "2016-10-250",
                                  "125/10/2016", "25 October 20166", "October 2016"])
def test_disclosure_ignores_other_dates_and_numbers(text: str) -> None:
    assert not _birth_found(text)


def test_found_dates_say_where() -> None:
    text = "Met on 25/10/2016 and again on 1st November 2016."
    found = list(dates.find_dates(text))
    assert [(f.text, f.day) for f in found] == [("25/10/2016", DAY),
                                               ("1st November 2016", date(2016, 11, 1))]
    assert text[found[0].start:found[0].end] == "25/10/2016"
