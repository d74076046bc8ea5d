"""Read a CSV or .xlsx data file into a DataFrame of raw cell values.

The reader knows nothing about placements, savings or budgets: it only turns a file into a
table with tidy header names and row numbers a person can find in the file. Parsing money and
dates, and every rule about what a column must hold, lives in :mod:`reportgen.data.schemas`.

The returned frame's index is the spreadsheet row number of each data row (the header is row
1, so the first data row is row 2), which lets later errors point at the row a person sees.
``frame.attrs["source_columns"]`` maps each normalised column name to the name as written in
the file, and ``frame.attrs["file"]`` is the file name to quote in messages.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from reportgen import limits
from reportgen.data.xlsxscan import column_letters, scan_xlsx
from reportgen.errors import ReportgenError, quote, quote_text
from reportgen.inputs import check_regular_file, read_bytes, size_text

DEFAULT_MAX_BYTES = limits.MAX_DATA_BYTES
ACCEPTED_SUFFIXES = (".csv", ".xlsx")

# Encodings tried in order: UTF-8 (with or without a byte-order mark), then Windows-1252,
# which is what Excel on a UK Windows PC writes for "CSV (Comma delimited)" (£ is byte 0xA3).
_ENCODINGS = ("utf-8-sig", "cp1252")
_NOT_TEXT = "not a CSV or .xlsx file (could not read it as text)"
_HEADER_SEPARATORS = re.compile(r"[\s\-._]+")


def normalise_header(name: object) -> str:
    """``" Weekly-Cost "`` → ``"weekly_cost"``: trimmed, lower case, separators as underscores.

    Runs of spaces, hyphens, dots and underscores become one underscore, and a stray UTF-8
    byte-order mark is removed.
    """
    text = str(name).replace("\ufeff", "").strip().lower()
    return _HEADER_SEPARATORS.sub("_", text).strip("_")


_size = size_text


def _empty_message(expected_columns: Sequence[str] | None) -> str:
    if expected_columns:
        return "file is empty: expected a header row with columns " + ", ".join(expected_columns)
    return "file is empty: expected a header row with column names"


def _is_blank(value: Any) -> bool:
    """Whether a cell holds nothing (None, NaN or only spaces)."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    return bool(pd.isna(value)) if isinstance(value, float) else False


def _blank_cells(column: pd.Series) -> pd.Series:
    """Which cells of a column are blank, judged once per distinct value (it is much faster)."""
    codes, uniques = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=True)
    blank = np.array([_is_blank(u) for u in uniques] + [True], dtype=bool)  # code -1 is NA
    return pd.Series(blank[codes], index=column.index)


def read_table(
    path: str | Path,
    *,
    sheet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    expected_columns: Sequence[str] | None = None,
    quote_headers: bool = True,
) -> pd.DataFrame:
    """Read ``path`` (.csv or .xlsx) into a DataFrame of raw cell values.

    CSV cells are strings (blank cells are ``""``). .xlsx cells keep the type Excel stored:
    strings, ints, floats, ``datetime`` for date cells; blank cells are ``""``. ``sheet`` names
    the worksheet to read (default: the first). ``expected_columns`` is only used to word the
    error for an empty file. ``quote_headers=False`` keeps the file's header names out of the
    messages (a file outside the bundle: it could be any file on the machine). Raises
    :class:`ReportgenError` for any problem with the file.
    """
    path = Path(path)
    if path.is_dir():  # stat only: never opens, so a FIFO cannot block here
        raise ReportgenError("is a folder, not a file", file=path)
    suffix = path.suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        if not os.path.lexists(path):
            raise ReportgenError("file not found", file=path)
        old_excel = suffix in (".xls", ".xlsm", ".ods")
        hint = " (save it from Excel as .xlsx or .csv)" if old_excel else ""
        shown = f"{quote(path.suffix)}" if path.suffix else "with no extension"
        raise ReportgenError(
            f"unsupported file type {shown}: accepted types are .csv and .xlsx{hint}", file=path
        )
    size = check_regular_file(path, max_bytes, "a data file")
    if size == 0:
        raise ReportgenError(_empty_message(expected_columns), file=path)
    if suffix == ".csv":
        rows, letters = _read_csv_cells(path, expected_columns, max_bytes), False
    else:
        scan_xlsx(path, sheet)
        rows, letters = _read_xlsx_cells(path, sheet), True
    return _to_frame(rows, path, expected_columns, letters, quote_headers)


def _read_csv_cells(
    path: Path, expected_columns: Sequence[str] | None, max_bytes: int
) -> pd.DataFrame:
    """The CSV's cells as a frame of strings, with no header handling yet."""
    data = read_bytes(path, max_bytes, "a data file")
    _check_csv_shape(path, data)
    longest = _check_line_lengths(path, data)
    if data.startswith(b"PK\x03\x04"):
        raise ReportgenError(
            "this looks like an Excel workbook saved with a .csv name: rename it to .xlsx",
            file=path,
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" (UTF-16): "could not read it as text" would mislead.
        raise ReportgenError(
            'saved as UTF-16 ("Unicode Text"): save it from Excel as "CSV UTF-8" or '
            '"CSV (Comma delimited)"',
            file=path,
        )
    if b"\x00" in data:
        raise ReportgenError(_NOT_TEXT, file=path)
    text: str | None = None
    for encoding in _ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise ReportgenError(_NOT_TEXT, file=path)
    if not text.strip():
        raise ReportgenError(_empty_message(expected_columns), file=path)
    first_line = text.lstrip().splitlines()[0]
    if "," not in first_line:
        for separator, name in ((";", "semicolons"), ("\t", "tabs")):
            if separator in first_line:
                raise ReportgenError(
                    f"the header row is separated by {name}, not commas: save the file from "
                    'Excel as "CSV (Comma delimited)" or as .xlsx',
                    file=path,
                    row=1,
                )
    try:
        # header=None so we see the header row as written (pandas would rename duplicates)
        # and skip_blank_lines=False so row numbers match what a person sees in Excel.
        cells = pd.read_csv(
            io.StringIO(text),
            header=None,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, csv.Error) as exc:
        match = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
        if match:
            expected, line, saw = match.groups()
            raise ReportgenError(
                f"this row has {saw} cells but the rows above have {expected}: "
                "check for an unquoted comma in a cell",
                file=path,
                row=int(line),
            ) from None
        raise ReportgenError(
            f"could not read the file as CSV ({' '.join(str(exc).split())})", file=path
        ) from None
    if longest > limits.MAX_CELL_CHARS:
        _check_cell_lengths(cells, path)
    return cells


def _check_line_lengths(path: Path, data: bytes) -> int:
    """Refuse a line longer than the row limit before pandas holds it (a 150 MB cell);
    return the longest line's length, an upper bound on a cell's unless a quoted cell spans
    lines, which the exact check after parsing catches anyway."""
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    edges = np.concatenate(([-1], breaks, [len(data)]))
    lengths = np.diff(edges) - 1
    at = int(lengths.argmax())
    if lengths[at] > limits.MAX_ROW_BYTES:
        raise ReportgenError(
            f"line {at + 1:,} of the file holds {_size(int(lengths[at]))}: the limit for a row "
            f"is {_size(limits.MAX_ROW_BYTES)}",
            file=path,
        )
    return int(lengths[at])


def _check_csv_shape(path: Path, data: bytes) -> None:
    """Refuse a file with more cells than the limit before pandas allocates them (200 MB of
    commas would be 200 million cells). Counting separators gives an upper bound."""
    lines = data.count(b"\n") + 1
    cells = data.count(b",") + lines
    if cells > limits.MAX_DATA_CELLS:
        raise ReportgenError(
            f"too many cells (about {cells:,}): the limit is {limits.MAX_DATA_CELLS:,}",
            file=path,
        )


def _check_cell_lengths(cells: pd.DataFrame, path: Path) -> None:
    for position, column in enumerate(cells.columns):
        lengths = cells[column].str.len()
        too_long = lengths > limits.MAX_CELL_CHARS
        if too_long.any():
            at = int(np.flatnonzero(too_long.to_numpy())[0])
            raise ReportgenError(
                f"a cell in column {position + 1} holds {int(lengths.iloc[at]):,} characters: "
                f"the limit is {limits.MAX_CELL_CHARS:,}",
                file=path,
                row=at + 1,
            )


def _read_xlsx_cells(path: Path, sheet: str | None) -> pd.DataFrame:
    """The worksheet's cells as a frame of objects, with no header handling yet.

    Read with calamine (python-calamine, a Rust reader): a workbook at the cell limit reads
    in seconds where openpyxl took minutes (benchmarks/data_limits.py). Cells keep the types
    openpyxl gave: text, int for a whole number, float, datetime for a date, bool; a blank
    cell is ``""``. The workbook has been measured against the limits first (xlsxscan)."""
    from python_calamine import CalamineWorkbook  # only for .xlsx

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own types for a damaged or foreign file
        raise ReportgenError(
            f"not a valid .xlsx workbook ({quote_text(exc) or type(exc).__name__})",
            file=path,
        ) from None
    try:
        names = [str(n) for n in book.sheet_names]
        if sheet is not None and sheet not in names:
            shown = ", ".join(quote_text(n) for n in names[:20])
            raise ReportgenError(f"no worksheet named {quote(sheet)} (worksheets: {shown})",
                                 file=path)
        try:
            found = book.get_sheet_by_name(sheet) if sheet is not None else \
                book.get_sheet_by_index(0)
            # From A1, empty rows and columns kept: row numbers are the sheet's own.
            rows = found.to_python(skip_empty_area=False)
        except Exception as exc:
            raise ReportgenError(
                f"could not read the worksheet ({quote_text(exc) or type(exc).__name__})",
                file=path,
            ) from None
    finally:
        book.close()
    return pd.DataFrame([[_excel_value(v) for v in row] for row in rows], dtype=object)


def _excel_value(value: Any) -> Any:
    """A calamine cell as openpyxl gave it: a whole number as int (Excel stores every number
    as a float), a date as a datetime."""
    kind = type(value)
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
    if kind is dt.date:
        return dt.datetime(value.year, value.month, value.day)
    return value


def _to_frame(
    cells: pd.DataFrame,
    path: Path,
    expected_columns: Sequence[str] | None,
    letters: bool,
    quote_headers: bool = True,
) -> pd.DataFrame:
    """Take the first non-blank row as the header and check its names."""
    blank = cells.apply(_blank_cells)
    filled_rows = (~blank).any(axis=1).to_numpy().nonzero()[0]
    if len(filled_rows) == 0:
        raise ReportgenError(_empty_message(expected_columns), file=path)
    header_at = int(filled_rows[0])
    header_cells = list(cells.iloc[header_at])
    body = cells.iloc[header_at + 1 :]
    body_blank = blank.iloc[header_at + 1 :]

    keep: list[int] = []
    names: list[str] = []
    originals: dict[str, str] = {}
    for position, cell in enumerate(header_cells):
        where = f"column {column_letters(position + 1) if letters else position + 1}"
        if _is_blank(cell):
            if body_blank.iloc[:, position].all():
                continue  # an empty column with no header: Excel leaves these about; ignore
            reason = " (blank or merged header cell)" if letters else ""
            raise ReportgenError(
                f"{where} has values but no header name{reason}: give every column its own "
                "name in row " + str(header_at + 1),
                file=path,
            )
        original = " ".join(str(cell).replace("\ufeff", "").split())
        name = normalise_header(cell)
        if name in originals:
            first = f" {quote(originals[name])}" if quote_headers else " another column"
            shown = f" {quote(original)}" if quote_headers else ""
            raise ReportgenError(
                f"duplicate column{shown} ({where} has the same name as{first}): each column "
                "name may appear once",
                file=path,
                row=header_at + 1,
            )
        originals[name] = original
        keep.append(position)
        names.append(name)

    frame = body.iloc[:, keep].copy()
    frame_blank = body_blank.iloc[:, keep].copy()
    frame.columns = frame_blank.columns = pd.Index(names)
    # Spreadsheet row number: the i-th row of the sheet (0-based) is row i + 1.
    frame.index = frame_blank.index = pd.Index(
        range(header_at + 2, header_at + 2 + len(frame)), name="row"
    )
    # Rows with nothing in them (often left at the end of an Excel export) are not data.
    filled = ~frame_blank.all(axis=1)
    frame, frame_blank = frame[filled], frame_blank[filled]
    frame = frame.where(~frame_blank, "") if letters else frame.fillna("")
    frame.attrs["file"] = path.name
    frame.attrs["source_columns"] = originals
    frame.attrs["excel"] = letters
    return frame
