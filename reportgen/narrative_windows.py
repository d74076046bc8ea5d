"""The report's windows as narrative names: ``period``, ``year_to_date``, ``collection_year``.

Each is a window with its ``label``, ``start`` and ``end`` and the figures computed over it
(``flows``, ``external_flows``, ``cost``, ``care``; see :class:`reportgen.metrics.model.Window`).
``period`` is also the financial period it always was (``period.financial_year``,
``period.previous().label``): :class:`PeriodWindow` is a
:class:`~reportgen.sandbox.PeriodValue` that also reads its window's figures, so the sandbox
treats it as one (nothing more can be called on it).

In a public report a flow count below the suppression threshold prints as its symbol in every
window, by the rule that hides ``placements.flows`` (:func:`reportgen.disclosure.is_small`);
a window ending with the period hides what the period hides (see :func:`protect_window`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from reportgen.disclosure import Suppressed, is_small
from reportgen.metrics.model import Flows, Window
from reportgen.periods import Period
from reportgen.sandbox import PeriodValue

#: What a window adds to a period's own fields.
WINDOW_FIELDS = ("name", "as_at", "flows", "external_flows", "cost", "care")


class PeriodWindow(PeriodValue):
    """``period`` in a template: the financial period's fields and ``previous()``, and its
    window's figures (``period.flows.started``, ``period.cost.gross``)."""

    __slots__ = ("_window",)

    def __init__(self, period: Period, window: Any) -> None:
        super().__init__(period)
        object.__setattr__(self, "_window", window)

    def __getattr__(self, name: str) -> Any:
        if name in WINDOW_FIELDS:
            return getattr(object.__getattribute__(self, "_window"), name)
        return super().__getattr__(name)

    def __dir__(self) -> list[str]:
        return [*super().__dir__(), *WINDOW_FIELDS]


@dataclasses.dataclass(frozen=True)
class HiddenFlows:
    """A window's flows with the counts a public report hides as :class:`Suppressed`."""

    start: date
    end: date
    started: Any
    ended: Any
    net: Any


def _protect(flows: Flows | None, where: str, threshold: int, symbol: str,
             also: frozenset[str] = frozenset()
             ) -> Any:  # Flows, HiddenFlows or None (Window holds it only to be frozen)
    if flows is None:
        return None
    started = is_small(flows.started, threshold) or "started" in also
    ended = is_small(flows.ended, threshold) or "ended" in also
    if not (started or ended):
        return flows
    return HiddenFlows(
        flows.start, flows.end,
        Suppressed(symbol, f"{where}.started") if started else flows.started,
        Suppressed(symbol, f"{where}.ended") if ended else flows.ended,
        Suppressed(symbol, f"{where}.net"))


def _small_parts(flows: Flows | None, threshold: int) -> frozenset[str]:
    if flows is None:
        return frozenset()
    return frozenset(part for part in ("started", "ended")
                     if is_small(getattr(flows, part), threshold))


def protect_window(window: Window, threshold: int, symbol: str,
                   period: Window | None = None) -> Any:
    """``window`` with each small flow count hidden (a public report's).

    A window that ends with the period (the year to date; the collection year of a Q4
    report) also hides a count the period hides: the last quarter's report printed the
    year to date before it, so the two years to date would give the period's count away."""
    if threshold <= 1:
        return window
    follows = period is not None and window is not period and window.end == period.end
    return dataclasses.replace(
        window,
        flows=_protect(window.flows, f"{window.name}.flows", threshold, symbol,
                       _small_parts(period.flows, threshold) if follows and period
                       else frozenset()),
        external_flows=_protect(window.external_flows, f"{window.name}.external_flows",
                                threshold, symbol,
                                _small_parts(period.external_flows, threshold)
                                if follows and period else frozenset()))


def window_names(windows: Any, period: Period | None, *, public: bool, threshold: int,
                 symbol: str) -> dict[str, Any]:
    """``period``, ``year_to_date`` and ``collection_year`` for a template, to be frozen with
    the other names (None each for a report without a period); ``period`` is its window here,
    made the period again by :func:`with_period` once the names have passed the disclosure
    rules."""
    if windows is None:
        return {"period": period, "year_to_date": None, "collection_year": None}
    return {name: protect_window(window, threshold, symbol, windows.period) if public
            else window for name, window in windows.items()}


def with_period(names: dict[str, Any], period: Period | None) -> dict[str, Any]:
    """``names`` with ``period`` the financial period that also reads its window's figures
    (a report without windows keeps the plain period)."""
    window = names.get("period")
    if period is None or window is None or isinstance(window, PeriodValue):
        return names
    return {**names, "period": PeriodWindow(period, window)}
