"""The .xlsx workbook is measured before openpyxl loads it (reportgen.data.xlsxscan)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from reportgen import limits
from reportgen.data import read_table
from reportgen.data.xlsxscan import scan_xlsx
from reportgen.errors import ReportgenError


def _book(path: Path, rows: list[list[object]], old: str = "", new: str = "") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    plain = path.with_suffix(".plain.xlsx")
    book.save(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w",
                                                          zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if old and info.filename == "xl/worksheets/sheet1.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode(), 1)
            target.writestr(info.filename, data)
    return path


def test_an_ordinary_workbook_passes(tmp_path: Path) -> None:
    path = _book(tmp_path / "a.xlsx", [["a", "b"], [1, "x"], [2, "y"]])
    scan_xlsx(path, None)
    assert len(read_table(path)) == 2


def test_a_lying_dimension_does_not_hide_a_far_cell(tmp_path: Path) -> None:
    far = '<row r="5"><c r="XFD5" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = _book(tmp_path / "a.xlsx", [["a"], [1]], "</sheetData>", far)
    with zipfile.ZipFile(path) as book:
        assert b'<dimension ref="A1:A2"' in book.read("xl/worksheets/sheet1.xml")
    with pytest.raises(ReportgenError, match="cell XFD5 is beyond the limit of 1,000 columns"):
        read_table(path)


def test_styled_empty_cells_far_away_are_not_refused(tmp_path: Path) -> None:
    # Excel keeps formatted but empty cells; pandas drops them, so they cost nothing.
    empty = '<row r="900000"><c r="XFD900000" s="0"/></row></sheetData>'
    path = _book(tmp_path / "a.xlsx", [["a"], [1]], "</sheetData>", empty)
    assert len(read_table(path)) == 1


def test_cells_without_references_are_counted(tmp_path: Path) -> None:
    cells = "".join('<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(1001))
    path = _book(tmp_path / "a.xlsx", [["a"], [1]], "</sheetData>",
                 f'<row r="3">{cells}</row></sheetData>')
    with pytest.raises(ReportgenError, match="beyond the limit of 1,000 columns"):
        scan_xlsx(path, None)


def test_a_shared_string_over_the_cell_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    _book(path, [["a"], ["short"]])
    with zipfile.ZipFile(path, "a") as book:
        book.writestr("xl/sharedStrings.xml",
                      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                      f'<si><t>{"x" * (limits.MAX_CELL_CHARS + 1)}</t></si></sst>')
    with pytest.raises(ReportgenError, match="shared string 1"):
        scan_xlsx(path, None)


def test_a_dtd_in_a_part_is_refused(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    path = tmp_path / "a.xlsx"
    _book(path, [["a"], [1]])
    with zipfile.ZipFile(path, "a") as book:
        book.writestr("xl/sharedStrings.xml", bomb)
    with pytest.raises(ReportgenError, match="declares a DTD"):
        scan_xlsx(path, None)


def test_inflated_size_is_read_from_the_zip_directory(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _book(tmp_path / "a.xlsx", [["a"], [1]])
    monkeypatch.setattr(limits, "MAX_XLSX_UNCOMPRESSED_BYTES", 1000)
    with pytest.raises(ReportgenError, match="the workbook inflates to"):
        scan_xlsx(path, None)


# -- the quick measure (issue 24): C-speed upper bounds, the exact scan when unsure ---------

def test_an_ordinary_workbook_is_measured_without_the_exact_scan(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen.data import xlsxscan

    def exact(*_: object) -> None:
        raise AssertionError("the exact scan ran")

    monkeypatch.setattr(xlsxscan, "_scan", exact)
    path = _book(tmp_path / "a.xlsx", [["a", "b"], *([i, f"x{i}"] for i in range(500))])
    scan_xlsx(path, None)


FAR = "XFD5"


@pytest.mark.parametrize(("cell", "message"), [
    # the reference not first: the quick measure cannot see it, the exact scan does
    (f'<c t="inlineStr" r="{FAR}"><is><t>x</t></is></c>', "cell XFD5 is beyond the limit"),
    # a namespace prefix
    (f'<x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="{FAR}" '
     't="inlineStr"><x:is><x:t>x</x:t></x:is></x:c>', "cell XFD5 is beyond the limit"),
    # a comment beside it, and a long text in CDATA (no '<' for the quick measure to see)
    (f'<!-- a --><c r="{FAR}" t="inlineStr"><is><t>x</t></is></c>',
     "cell XFD5 is beyond the limit"),
    ('<c r="B5" t="inlineStr"><is><t><![CDATA[' + "x" * (limits.MAX_CELL_CHARS + 1)
     + "]]></t></is></c>", "holds more than 32,767 characters"),
    # a long text split by nothing the quick measure would miss
    ('<c r="B5" t="inlineStr"><is><t>' + "y" * (limits.MAX_CELL_CHARS + 1) + "</t></is></c>",
     "holds more than 32,767 characters"),
])
def test_what_the_quick_measure_cannot_bound_is_scanned_exactly(
        tmp_path: Path, cell: str, message: str) -> None:
    path = _book(tmp_path / "a.xlsx", [["a"], [1]], "</sheetData>",
                 f'<row r="5">{cell}</row></sheetData>')
    with pytest.raises(ReportgenError, match=message):
        scan_xlsx(path, None)


def test_the_quick_measure_bounds_rows_and_columns_from_every_cell(tmp_path: Path) -> None:
    # Cells out of order: the last row and column are the largest, not the last written.
    rows = limits.MAX_DATA_CELLS // 3 + 1
    far = f'<row r="{rows}"><c r="C{rows}" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _book(tmp_path / "a.xlsx", [["a"], [1]], "<sheetData>", f"<sheetData>{far}")
    with pytest.raises(ReportgenError, match="has more than 2,000,000 cells"):
        scan_xlsx(path, None)
