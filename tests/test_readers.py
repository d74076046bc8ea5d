"""Tests for reportgen.data.readers: encodings, .xlsx, header names and unreadable files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from reportgen.data.readers import normalise_header, read_table
from reportgen.errors import ReportgenError


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Weekly Cost", "weekly_cost"),
        ("  Start-Date ", "start_date"),
        ("Child.Ref", "child_ref"),
        ("\ufeffReference", "reference"),
        ("PROJECTED  SPEND", "projected_spend"),
        ("end - date", "end_date"),
    ],
)
def test_normalise_header(raw: str, expected: str) -> None:
    assert normalise_header(raw) == expected


def test_utf8_csv_keeps_strings_and_blank_cells(tmp_path: Path) -> None:
    path = write(
        tmp_path / "p.csv", "Reference,Weekly Cost,Provider\nP1,£875,\nP2,1234,Acme\n".encode()
    )
    frame = read_table(path)
    assert list(frame.columns) == ["reference", "weekly_cost", "provider"]
    assert frame.loc[2, "weekly_cost"] == "£875"
    assert frame.loc[2, "provider"] == ""  # blank stays "" rather than NaN
    assert frame.loc[3, "weekly_cost"] == "1234"  # a string, not a number
    assert frame.attrs["source_columns"]["weekly_cost"] == "Weekly Cost"


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", "\ufeffReference,Cost\nP1,£5\n".encode())
    frame = read_table(path)
    assert list(frame.columns) == ["reference", "cost"]
    assert frame.loc[2, "cost"] == "£5"


def test_windows_1252_pound_sign(tmp_path: Path) -> None:
    data = "Reference,Cost\nP1,£1,234\n".replace("£1,234", '"£1,234"').encode("cp1252")
    assert b"\xa3" in data  # the pound sign as Excel on Windows writes it
    frame = read_table(write(tmp_path / "p.csv", data))
    assert frame.loc[2, "cost"] == "£1,234"


def test_row_numbers_count_blank_lines_and_skip_empty_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"ref,cost\nA,1\n\nB,2\n,\n")
    frame = read_table(path)
    assert list(frame.index) == [2, 4]
    assert list(frame["ref"]) == ["A", "B"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError) as info:
        read_table(tmp_path / "nope.csv")
    assert info.value.message == "file not found"
    assert info.value.file == str(tmp_path / "nope.csv")


@pytest.mark.parametrize("data", [b"", b"  \r\n\r\n", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReportgenError) as info:
        read_table(write(tmp_path / "p.csv", data), expected_columns=["reference", "weekly_cost"])
    assert info.value.message == (
        "file is empty: expected a header row with columns reference, weekly_cost"
    )


@pytest.mark.parametrize("data", [b"ref,cost\nA\x00,1\n", b"\x81\x8d\x8f\x90\x9d\xff"])
def test_binary_garbage(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReportgenError) as info:
        read_table(write(tmp_path / "p.csv", data))
    assert info.value.message == "not a CSV or .xlsx file (could not read it as text)"


def test_workbook_saved_as_csv(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.save(tmp_path / "p.csv")
    with pytest.raises(ReportgenError, match="rename it to .xlsx"):
        read_table(tmp_path / "p.csv")


@pytest.mark.parametrize(("name", "hint"), [("p.txt", False), ("p.xls", True), ("p", False)])
def test_unknown_extension(tmp_path: Path, name: str, hint: bool) -> None:
    with pytest.raises(ReportgenError) as info:
        read_table(write(tmp_path / name, b"a,b\n1,2\n"))
    assert "accepted types are .csv and .xlsx" in info.value.message
    assert ("save it from Excel" in info.value.message) is hint


def test_file_too_large(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"a,b\n" + b"1,2\n" * 10)
    with pytest.raises(ReportgenError) as info:
        read_table(path, max_bytes=20)
    assert info.value.message == (
        "file is too large (44 bytes): the limit for a data file is 20 bytes")
    assert len(read_table(path, max_bytes=1000)) == 10


def test_duplicate_header_names_the_column(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"Reference,Weekly Cost,weekly_cost\nA,1,2\n")
    with pytest.raises(ReportgenError) as info:
        read_table(path)
    assert info.value.row == 1
    assert info.value.message.startswith("duplicate column 'weekly_cost' (column 3 has the same")
    assert "'Weekly Cost'" in info.value.message


def test_csv_blank_header_with_values(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"ref,,cost\nA,x,1\n")
    with pytest.raises(ReportgenError, match="column 2 has values but no header name"):
        read_table(path)


def test_csv_trailing_empty_columns_are_ignored(tmp_path: Path) -> None:
    frame = read_table(write(tmp_path / "p.csv", b"ref,cost,,\nA,1,,\n"))
    assert list(frame.columns) == ["ref", "cost"]


def test_ragged_row_reports_its_row(tmp_path: Path) -> None:
    path = write(tmp_path / "p.csv", b"ref,cost\nA,1\nB,1,234\n")
    with pytest.raises(ReportgenError) as info:
        read_table(path)
    assert info.value.row == 3
    assert "3 cells but the rows above have 2" in info.value.message


def make_workbook(path: Path, rows: list[list[object]], title: str = "Placements") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_keeps_dates_and_numbers(tmp_path: Path) -> None:
    path = make_workbook(
        tmp_path / "p.xlsx",
        [["Reference", "Start Date", "Weekly Cost"], ["P1", datetime(2016, 4, 1), 875.5]],
    )
    frame = read_table(path)
    assert frame.loc[2, "start_date"] == datetime(2016, 4, 1)
    assert frame.loc[2, "weekly_cost"] == 875.5
    assert frame.loc[2, "reference"] == "P1"


def test_xlsx_sheet_by_name(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "p.xlsx", [["a"], [1]], title="First")
    book = openpyxl.load_workbook(path)
    second = book.create_sheet("Budget")
    second.append(["line"])
    second.append(["Fostering"])
    book.save(path)
    assert read_table(path).loc[2, "a"] == 1
    assert read_table(path, sheet="Budget").loc[2, "line"] == "Fostering"
    with pytest.raises(
        ReportgenError, match=r"no worksheet named 'Nope' \(worksheets: First, Budget\)"
    ):
        read_table(path, sheet="Nope")


def test_xlsx_merged_header_cells(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "p.xlsx", [["Reference", "Cost", None], ["P1", 1, 2]])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.merge_cells("B1:C1")
    book.save(path)
    with pytest.raises(ReportgenError) as info:
        read_table(path)
    assert info.value.message.startswith(
        "column C has values but no header name (blank or merged header cell)"
    )


def test_xlsx_blank_rows_keep_row_numbers(tmp_path: Path) -> None:
    path = make_workbook(tmp_path / "p.xlsx", [["ref"], ["A"], [None], ["B"]])
    assert list(read_table(path).index) == [2, 4]


def test_damaged_xlsx(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="not a valid .xlsx workbook"):
        read_table(write(tmp_path / "p.xlsx", b"this is not a zip file"))


@pytest.mark.parametrize(
    ("data", "name"), [(b"ref;cost\nA;1\n", "semicolons"), (b"ref\tcost\n", "tabs")]
)
def test_wrong_separator(tmp_path: Path, data: bytes, name: str) -> None:
    with pytest.raises(ReportgenError) as info:
        read_table(write(tmp_path / "p.csv", data))
    assert info.value.message.startswith(f"the header row is separated by {name}, not commas")
