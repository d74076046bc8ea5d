"""The one user-facing error type.

Every failure caused by a user's input (a bundle, a data file, a template, a path) is raised as
:class:`ReportgenError`. The CLI catches it once and prints :meth:`ReportgenError.line`, a
single line naming the file, row and column where that makes sense, then exits with code 2.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from reportgen import limits

# Characters a terminal acts on or that reorder what it shows: C0 and C1 controls (ESC starts
# a terminal escape sequence, CSI is U+009B, BEL rings), DEL, and the bidirectional overrides
# and isolates ("Trojan source"). They are shown as \x1b, \u202e... instead.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` with every control character and bidirectional override shown escaped."""
    return _UNSAFE.sub(_escape, text)


def quote_text(value: object, limit: int = limits.MAX_QUOTED_CHARS) -> str:
    """A value from a user's file made fit to show in an error: runs of spaces and line
    breaks become one space, it is cut to ``limit`` characters with an ellipsis, and control
    characters are escaped. Only the first few kilobytes of a huge value are ever looked at."""
    text = str(value)[: limit * 8 + 16]
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return escape_controls(text)


def quote(value: object, limit: int = limits.MAX_QUOTED_CHARS) -> str:
    """:func:`quote_text` in single quotes: ``'£12x'``."""
    return f"'{quote_text(value, limit)}'"


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
            where.append(f"column '{quote_text(self.column, 2 * limits.MAX_QUOTED_CHARS)}'")
        text = " ".join(self.message.split())  # never more than one line
        line = f"{', '.join(where)}: {text}" if where else text
        # Every value quoted is cut already; this is the last guard for the terminal and the
        # build summary, whatever a library put in its message.
        line = escape_controls(" ".join(line.split()))
        if len(line) > limits.MAX_ERROR_CHARS:
            line = line[: limits.MAX_ERROR_CHARS - 1] + "\u2026"
        return line

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
