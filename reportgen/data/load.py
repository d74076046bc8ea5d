"""Load a data file into its canonical form, or say exactly what is wrong.

``load_dataset`` runs in three steps:

1. :func:`reportgen.data.readers.read_table` reads the cells and tidies the header names;
   columns are matched to the canonical names of the data set's declaration
   (:mod:`reportgen.data.fields`), or their aliases.
2. :mod:`reportgen.data.parse` reads each column from what people type ("£1,234.56",
   "01/04/2016", "IFA", "U4") into its canonical dtype; a cell that cannot be read is an
   error for its row.
3. :mod:`reportgen.data.validate` checks the rules (required values, money ≥ 0, unique
   references, known codes, end date not before start date...) with pandera, and every
   failure case becomes one :class:`ReportgenError` naming the file, row and column as written.

All problems found are raised together as :class:`ReportgenErrors`, sorted by row. The frame
returned has exactly the canonical columns, in order, and its index is the spreadsheet row
number of each row (header = row 1), so later checks can point at rows too.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import limits
from reportgen.data import fields as fields_module
from reportgen.data.fields import Field
from reportgen.errors import ReportgenError, ReportgenErrors, quote_text

if TYPE_CHECKING:
    import pandas as pd

#: A data set's name, as registered in :mod:`reportgen.data.fields` ("placements", ...).
DatasetKind = str
#: Data sets read by a module of their own rather than from field declarations: indicators
#: and benchmarks keep each value at the precision written and take as-at dates as periods.
OWN_READERS: dict[str, str] = {"indicators": "reportgen.data.indicators",
                               "benchmarks": "reportgen.data.indicators"}


def load_dataset(
    path: str | Path,
    kind: DatasetKind,
    *,
    sheet: str | None = None,
    max_bytes: int = limits.MAX_DATA_BYTES,
    root: str | Path | None = None,
) -> pd.DataFrame:
    """Read, parse and validate a data file as ``kind`` ("placements", "savings", "budget",
    "benchmarks", or any other registered data set).

    ``root`` is the folder the file should be in (the bundle): a file that lies outside it once
    links and ``..`` are resolved is still read, but nothing from it is quoted in an error
    (its header names and cells could be anything readable on the machine, /etc/passwd too).
    Cells of a sensitive column (reference, child_name, date_of_birth) are never quoted
    either, nor, in a data set that has one, any cell with a letter in it.

    Returns the canonical frame of docs/architecture.md, indexed by spreadsheet row number.
    Raises :class:`ReportgenError` (or :class:`ReportgenErrors` for several problems) naming
    the file, row and column of every problem found.
    """
    if kind in OWN_READERS:
        reader = importlib.import_module(OWN_READERS[kind])
        frame: pd.DataFrame = reader.load_indicators(path, kind=kind, sheet=sheet,
                                                     max_bytes=max_bytes, root=root)
        return frame
    # pandas, and pandera with the first validation, load here: not with the package.
    from reportgen.data.parse import identifying, match_columns, parse_columns
    from reportgen.data.readers import read_table
    from reportgen.data.validate import failure_cases, translate

    dataset = fields_module.dataset(kind)
    fields = dataset.fields
    outside = root is not None and not _inside(Path(path), Path(root))
    raw = read_table(
        path,
        sheet=sheet,
        max_bytes=max_bytes,
        expected_columns=[f.name for f in fields if f.required],
        quote_headers=not outside,
    )
    source: dict[str, str] = raw.attrs["source_columns"]
    columns, missing = match_columns(list(raw.columns), fields)

    def error_for(message: str, row: int | None, name: str | None) -> ReportgenError:
        column = source.get(columns.get(name, name), name) if name else None
        return ReportgenError(message, file=path, row=row, column=column)

    if missing:
        found = "not shown: the file is outside the bundle folder" if outside else (
            ", ".join(quote_text(c) for c in list(source.values())[:40]) or "none")
        _raise_all(
            [
                ReportgenError(
                    f"missing column '{name}' (columns found: {found})"
                    + _alias_hint(dataset.field(name)),
                    file=path,
                )
                for name in missing
            ]
        )
    if raw.empty:
        raise ReportgenError("no rows: the file has a header row but no data", file=path)

    # A data set with an identifying column quotes no cell with a letter in it.
    with identifying(any(f.sensitive for f in fields)):
        frame, unreadable = parse_columns(raw, fields, columns, outside)
        errors = [error_for(message, row, name) for (row, name), message in unreadable.items()]
        failures = failure_cases(kind, frame)
        if failures is not None:
            errors += translate(
                failures, dataset, frame, raw, columns, set(unreadable), error_for, outside
            )
    if errors:
        order = {field.name: i for i, field in enumerate(fields)}
        inverse = {source.get(col, col): name for name, col in columns.items()}
        errors.sort(key=lambda e: (e.row or 0, order.get(inverse.get(e.column or "", ""), 99)))
        _raise_all(errors)
    return frame


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` lies in ``root`` once links and ``..`` are resolved."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return False


def _alias_hint(field: Field) -> str:
    if not field.aliases:
        return ""
    shown = ", ".join(field.aliases[:4])
    return f"; also accepted as: {shown}"


def _raise_all(errors: list[ReportgenError]) -> None:
    """Raise one error as itself, several as :class:`ReportgenErrors`."""
    if len(errors) == 1:
        raise errors[0]
    raise ReportgenErrors(errors)
