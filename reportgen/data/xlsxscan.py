"""Check an .xlsx workbook against the limits before calamine loads it.

A 5 KB workbook can hold one cell at XFD1048576: the reader fills the range from A1 to the
last cell, so that single cell makes 17 billion empty cells. An .xlsx is a zip, so a small
file can also inflate to gigabytes, and a shared string can be 150 MB. Every check here
streams: the zip's directory gives each part's size (Python's zipfile never inflates a part
past the size it declares), and the worksheet and shared strings are read in chunks,
counting characters without keeping them: first by a quick measure in C that bounds every
count from above (see below) and, when it cannot, by an exact scan with expat. The
worksheet's ``<dimension>`` element is not trusted (it can lie); the cells are measured.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.parsers import expat

import numpy as np

from reportgen import limits
from reportgen.errors import ReportgenError, quote

__all__ = ["column_letters", "scan_xlsx"]

_CHUNK = 256 * 1024
_REF = re.compile(r"([A-Za-z]{1,4})?(\d{1,8})?$")
_RELS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class _Stop(Exception):
    """Raised from an expat handler to stop at the first limit hit."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _local(name: str) -> str:
    # expat is created with namespace processing: names arrive as "uri local".
    return name.rsplit(" ", 1)[-1]


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + (ord(ch) - 64)
    return number


def column_letters(number: int) -> str:
    """Excel's letters for a column number (1 → A, 28 → AB)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _parse(stream: IO[bytes], handlers: dict[str, Any]) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    # Refuse DTDs outright: a workbook part never has one, and entities are how XML bombs work.
    def no_dtd(*_: Any) -> None:
        raise _Stop("a workbook part declares a DTD, which .xlsx files never do")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    for name, handler in handlers.items():
        setattr(parser, name, handler)
    while True:
        chunk = stream.read(_CHUNK)
        parser.Parse(chunk, not chunk)
        if not chunk:
            return


class _SheetScan:
    """Measures a worksheet: the last row and column that hold a value, and cell lengths."""

    def __init__(self) -> None:
        self.row = 0
        self.column = 0
        self.last_row = 0
        self.last_column = 0
        self.in_value = False
        self.cell_has_value = False
        self.chars = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "row":
            ref = attrs.get("r")
            self.row = int(ref) if ref and ref.isdigit() else self.row + 1
            self.column = 0
        elif tag == "c":
            match = _REF.match(attrs.get("r", ""))
            letters, digits = (match.groups() if match else (None, None))
            self.column = _column_number(letters) if letters else self.column + 1
            if digits:
                self.row = int(digits)
            self.cell_has_value = False
        elif tag in ("v", "t"):
            self.in_value = True
            self.chars = 0

    def end(self, name: str) -> None:
        tag = _local(name)
        if tag in ("v", "t"):
            self.in_value = False
            if self.chars:
                self.cell_has_value = True
        elif tag == "c" and self.cell_has_value:
            self._check_row(self.row)
            if self.column > limits.MAX_XLSX_COLUMNS:
                raise _Stop(
                    f"cell {column_letters(self.column)}{self.row} is beyond the limit of "
                    f"{limits.MAX_XLSX_COLUMNS:,} columns"
                )
            self.last_row = max(self.last_row, self.row)
            self.last_column = max(self.last_column, self.column)
            if self.last_row * self.last_column > limits.MAX_DATA_CELLS:
                raise _Stop(
                    f"the used range A1:{column_letters(self.last_column)}{self.last_row} "
                    f"has more than {limits.MAX_DATA_CELLS:,} cells"
                )

    def chars_seen(self, data: str) -> None:
        if self.in_value:
            self.chars += len(data)
            if self.chars > limits.MAX_CELL_CHARS:
                where = f"{column_letters(self.column)}{self.row}" if self.column else ""
                raise _Stop(f"cell {where} holds more than {limits.MAX_CELL_CHARS:,} characters")

    def _check_row(self, row: int) -> None:
        if row > limits.MAX_XLSX_ROWS:
            raise _Stop(f"row {row:,} is beyond the limit of {limits.MAX_XLSX_ROWS:,} rows")


class _StringsScan:
    """Measures each shared string (the text of one ``<si>``, all its runs together)."""

    def __init__(self) -> None:
        self.depth = 0
        self.chars = 0
        self.index = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "si":
            self.chars = 0

    def end(self, name: str) -> None:
        if _local(name) == "si":
            self.index += 1

    def chars_seen(self, data: str) -> None:
        self.chars += len(data)
        if self.chars > limits.MAX_CELL_CHARS:
            raise _Stop(
                f"a cell's text (shared string {self.index + 1}) holds more than "
                f"{limits.MAX_CELL_CHARS:,} characters"
            )


# -- the quick measure -------------------------------------------------------------------
# Most workbooks are far inside the limits, and the exact scan above costs a Python call for
# every element (half a minute for five million cells). The quick measure reads the same
# part with regular expressions, in C, and gives an upper bound of every measure: the last
# row and column of any cell (with a value or not), the longest text between two tags, the
# longest stretch from one shared string to the next (its text and markup). A part whose
# bounds are all inside the limits passes; anything it cannot bound (a cell without its
# reference, a comment, CDATA, a DTD, lower-case references) or any bound over a limit sends
# the part to the exact scan, which decides and words the message.

# Excel and every library we know write a cell as <c r="B2" …>, the reference first and no
# namespace prefix; any other form sends the part to the exact scan.
_CELL_ROW = re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{1,3})[0-9]')
_STRING_TAG = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?si[\s/>]")


def _longest_text(piece: bytes) -> int:
    """An upper bound of the longest text in ``piece``: the longest run between two '<'
    (a text lies between a '>' and the next '<'), in bytes, which are never fewer than its
    characters."""
    marks = np.flatnonzero(np.frombuffer(piece, dtype=np.uint8) == 60)
    if len(marks) == 0:
        return len(piece)
    edges = np.concatenate(([-1], marks, [len(piece)]))
    return int(np.diff(edges).max())


class _Unsure(Exception):
    """The quick measure cannot bound a part: the exact scan decides."""


def _pieces(stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    """The part in pieces cut just after a ``>``, so that no tag or text is split; with
    each piece's offset in the part."""
    carry = b""
    offset = 0
    while True:
        chunk = stream.read(4 * _CHUNK)
        data = carry + chunk
        if not chunk:  # the end: what is left, if anything
            if data:
                yield offset, data
            return
        cut = data.rfind(b">") + 1
        if cut == 0:
            if len(data) > limits.MAX_CELL_CHARS * 4 + _CHUNK:
                raise _Unsure  # a text longer than any cell may be: measured exactly
            carry = data
            continue
        yield offset, data[:cut]
        offset += cut
        carry = data[cut:]


def _quick_sheet(stream: IO[bytes]) -> None:
    last_row = 0
    widest = b""
    for _, piece in _pieces(stream):
        if b"<!" in piece or b":c" in piece or _longest_text(piece) > limits.MAX_CELL_CHARS:
            raise _Unsure
        rows = _CELL_ROW.findall(piece)  # lists of bytes, made and read in C
        cells = piece.count(b"<c ") + piece.count(b"<c>") + piece.count(b"<c/")
        if len(rows) != cells:
            raise _Unsure  # a cell without its reference first: its place is counted exactly
        if rows:
            last_row = max(last_row, max(map(int, rows)))
            columns = set(_CELL_COLUMN.findall(piece))
            widest = max({widest, *columns}, key=lambda x: (len(x), x))
    last_column = _column_number(widest.decode("ascii")) if widest else 0
    if (last_row > limits.MAX_XLSX_ROWS or last_column > limits.MAX_XLSX_COLUMNS
            or last_row * last_column > limits.MAX_DATA_CELLS):
        raise _Unsure


def _quick_strings(stream: IO[bytes]) -> None:
    previous = 0
    end = 0
    for offset, piece in _pieces(stream):
        if b"<!" in piece or _longest_text(piece) > limits.MAX_CELL_CHARS:
            raise _Unsure
        for match in _STRING_TAG.finditer(piece):
            at = offset + match.start()
            if previous and at - previous > limits.MAX_CELL_CHARS:
                raise _Unsure
            previous = at
        end = offset + len(piece)
    if previous and end - previous > limits.MAX_CELL_CHARS:
        raise _Unsure


def _measure(book: zipfile.ZipFile, member: str, scan: _SheetScan | _StringsScan) -> None:
    """The quick measure of a part, and the exact scan when it is unsure."""
    quick = _quick_sheet if isinstance(scan, _SheetScan) else _quick_strings
    try:
        with book.open(member) as stream:
            quick(stream)
        return
    except _Unsure:
        pass
    _scan(book, member, scan)


def _scan(book: zipfile.ZipFile, member: str, scan: _SheetScan | _StringsScan) -> None:
    with book.open(member) as stream:
        _parse(stream, {"StartElementHandler": scan.start, "EndElementHandler": scan.end,
                        "CharacterDataHandler": scan.chars_seen})


def _attributes(book: zipfile.ZipFile, member: str, tag: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` element of a (small) part."""
    found: list[dict[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == tag:
            found.append({_local(k): v for k, v in attrs.items()} | attrs)

    with book.open(member) as stream:
        _parse(stream, {"StartElementHandler": start})
    return found


def _sheet_member(book: zipfile.ZipFile, sheet: str | None) -> str | None:
    """The zip member of the named worksheet (default: the first), or None if not found
    (the reader then gives its own error)."""
    names = set(book.namelist())
    if "xl/workbook.xml" not in names:
        return None
    sheets = _attributes(book, "xl/workbook.xml", "sheet")
    if not sheets:
        return None
    chosen = sheets[0] if sheet is None else next(
        (s for s in sheets if s.get("name") == sheet), None)
    if chosen is None:
        return None
    rel_id = chosen.get(f"{_RELS_NS} id") or chosen.get("id")
    rels = "xl/_rels/workbook.xml.rels"
    if rel_id is None or rels not in names:
        return None
    for rel in _attributes(book, rels, "Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
            return path if path in names else None
    return None


def scan_xlsx(path: Path, sheet: str | None) -> None:
    """Raise one :class:`ReportgenError` if the workbook at ``path`` is over any limit."""
    try:
        with zipfile.ZipFile(path) as book:
            infos = book.infolist()
            if len(infos) > limits.MAX_XLSX_MEMBERS:
                raise _Stop(f"the workbook has more than {limits.MAX_XLSX_MEMBERS:,} parts")
            total = sum(info.file_size for info in infos)
            if total > limits.MAX_XLSX_UNCOMPRESSED_BYTES:
                raise _Stop(
                    f"the workbook inflates to {total / 1024 / 1024:,.0f} MB: the limit is "
                    f"{limits.MAX_XLSX_UNCOMPRESSED_BYTES // 1024 // 1024:,} MB"
                )
            if "xl/sharedStrings.xml" in book.namelist():
                _measure(book, "xl/sharedStrings.xml", _StringsScan())
            member = _sheet_member(book, sheet)
            if member is not None:
                _measure(book, member, _SheetScan())
    except _Stop as stop:
        raise ReportgenError(stop.message, file=path) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, OSError, ValueError,
            EOFError, NotImplementedError) as exc:
        # the reader would fail on this file too; say so in the same words as it does.
        text = quote(exc).strip("'") or type(exc).__name__
        raise ReportgenError(f"not a valid .xlsx workbook ({text})", file=path) from None
