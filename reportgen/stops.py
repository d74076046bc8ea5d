"""Stopping a run on a signal: SIGHUP, SIGINT, SIGQUIT and SIGTERM, all handled alike.

A stop is first of all a flag. The handler sets it and, outside a commit, also raises
:class:`Interrupted` so that a long render or LibreOffice conversion stops at once and every
``finally`` runs. Inside a commit (:func:`deferred`) the handler only sets the flag: the commit
reads it at each of its steps (:func:`raise_if_stopping`) and rolls back, or, past its commit
record, finishes; an exception raised from a handler could land anywhere, half-way through
putting a set back.

A raise can also land inside a finaliser (``__del__``, a weakref callback), where Python drops
it and prints "Exception ignored in …" with a traceback. The flag survives that, and the hook
installed here keeps the dropped stop off the screen; the next commit point or wait loop reads
the flag and stops the run.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import Any

__all__ = [
    "STOP_SIGNALS",
    "Interrupted",
    "deferred",
    "install_stop_handlers",
    "raise_if_stopping",
    "stopping",
]

#: The signals that stop a run (those this platform has): an SSH session dropping (HUP),
#: Ctrl-C (INT), Ctrl-\ (QUIT), and kill/systemd/cron (TERM).
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGINT", "SIGQUIT", "SIGTERM")
                     if hasattr(signal, name))


class Interrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt, not an error
    """A stop signal arrived: unwinds like KeyboardInterrupt so every ``finally`` runs; the
    CLI prints one line and exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"


_stopping = False
_stop_signum = 0
_deferring = 0


def _on_stop(signum: int, frame: Any) -> None:
    global _stopping, _stop_signum
    if _stopping:  # a second signal must not cut short the clean-up of the first
        return
    _stopping, _stop_signum = True, signum
    if _deferring == 0:
        raise Interrupted(signum)


def stopping() -> bool:
    """Whether a stop signal has arrived."""
    return _stopping


def raise_if_stopping() -> None:
    """Raise :class:`Interrupted` if a stop has arrived (a commit point, a wait loop)."""
    if _stopping:
        raise Interrupted(_stop_signum)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Inside, a stop only sets the flag: the code inside reads it where it is safe to."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1


def _quiet_dropped_stop(hook: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def unraisable(info: Any) -> None:
        if isinstance(info.exc_value, Interrupted):
            return  # dropped by Python inside a finaliser; the flag still stops the run
        hook(info)

    unraisable.reportgen_stop = True  # type: ignore[attr-defined]
    return unraisable


def install_stop_handlers() -> Callable[[], None]:
    """Handle every stop signal in this process (main thread only) and clear the flag;
    returns a function that puts the previous handlers back."""
    global _stopping, _stop_signum
    _stopping, _stop_signum = False, 0
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {}
    for signum in STOP_SIGNALS:
        previous[signum] = signal.signal(signum, _on_stop)
    previous_hook = sys.unraisablehook
    if not getattr(previous_hook, "reportgen_stop", False):
        sys.unraisablehook = _quiet_dropped_stop(previous_hook)

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = previous_hook

    return restore
