"""One time budget for a whole command: load, fill in, check and write a report.

:func:`reportgen.pipeline.produce` opens a :func:`deadline`; everything under it (the template
sandbox, the figure checker, the checks runner) asks :func:`expired` at its own loop points,
so that no input holds a command past :data:`reportgen.limits.MAX_COMMAND_SECONDS`, whichever
stage the time goes in. A deadline opened inside another keeps the outer one (a pack's reports
share the pack's). The deadline is context-local (:mod:`contextvars`): a thread or a build's
worker process has its own.

The budget is a backstop: each stage also has counts (characters, items, operations, numbers
read) that stop a hostile input long before the time runs out, with a message naming what was
too large; the time limit catches what the counts do not foresee.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterator
from contextlib import contextmanager

from reportgen import limits
from reportgen.errors import ReportgenError

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "reportgen_deadline", default=None)


class OutOfTime(ReportgenError):
    """The command's time budget ran out (one line, like every limit)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"over a limit: {what} did not finish within the "
                         f"{limits.MAX_COMMAND_SECONDS} s a command may take")


@contextmanager
def deadline(seconds: float = limits.MAX_COMMAND_SECONDS, *,
             until: float | None = None) -> Iterator[float]:
    """Work inside this block shares one deadline: ``until`` (a :func:`time.monotonic` time
    an earlier stage of the same command was given), else ``seconds`` from now, unless the
    block is inside another, whose deadline it keeps. Yields the deadline."""
    outer = _DEADLINE.get()
    if outer is not None:
        yield outer
        return
    when = until if until is not None else time.monotonic() + seconds
    token = _DEADLINE.set(when)
    try:
        yield when
    finally:
        _DEADLINE.reset(token)


def new_deadline() -> float:
    """The deadline of the command under way, or one a command's time from now."""
    when = _DEADLINE.get()
    return when if when is not None else time.monotonic() + limits.MAX_COMMAND_SECONDS


def current() -> float | None:
    """The deadline of the command under way, or None outside any."""
    return _DEADLINE.get()


def remaining() -> float | None:
    """Seconds left to the command under way (never below 0), or None outside any."""
    when = _DEADLINE.get()
    return None if when is None else max(0.0, when - time.monotonic())


def expired() -> bool:
    """Whether the command under way has used up its time."""
    when = _DEADLINE.get()
    return when is not None and time.monotonic() > when


def check(what: str) -> None:
    """Raise :class:`OutOfTime` naming ``what`` if the command has used up its time."""
    if expired():
        raise OutOfTime(what)
