"""The one user-facing error type.

Every failure caused by a user's input (a bundle, a data file, a template, a path) is raised as
:class:`ReportgenError`. The CLI catches it once and prints :meth:`ReportgenError.line`, a
single line naming the file, row and column where that makes sense, then exits with code 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class ReportgenError(Exception):
    """A problem with the user's input, described in one line.

    ``row`` is the 1-based line number a person sees when opening the file (so the header of a
    CSV is row 1 and the first data row is row 2); ``column`` is the column's name as written in
    the file's header, or a dotted field path for YAML (``meeting.date``).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.row = row
        self.column = column

    def line(self) -> str:
        """The error as one line: ``file, row 4, column 'weekly_cost': message``."""
        where = []
        if self.file:
            where.append(self.file)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        text = " ".join(self.message.split())  # never more than one line
        return f"{', '.join(where)}: {text}" if where else text

    def summary(self) -> str:
        """The error in one line even when it holds several problems (a build's summary)."""
        return self.line()

    def __str__(self) -> str:
        return self.line()


def and_more(first: str, others: int) -> str:
    """The one wording of "this problem and N others": ``first (and 2 more)``."""
    return f"{first} (and {others} more)" if others else first


class ReportgenErrors(ReportgenError):
    """Several input problems found at once (e.g. every failing row of a data file)."""

    def __init__(self, errors: Iterable[ReportgenError]) -> None:
        self.errors = list(errors)
        first = self.errors[0]
        super().__init__(first.message, file=first.file, row=first.row, column=first.column)

    def lines(self) -> list[str]:
        return [e.line() for e in self.errors]

    def summary(self) -> str:
        return and_more(self.errors[0].line(), len(self.errors) - 1)
