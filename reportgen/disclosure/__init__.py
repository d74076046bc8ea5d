"""Disclosure control: which cells of a public report may be shown, decided once a document.

A committee paper about children in care is a set of published facts about one cohort: counts
by placement type, their total, averages and annual costs, the top-N costliest placements, the
flows in and out, and whatever the narrative prints from those names. Every output (tables,
charts and their alt text, captions and narrative names) asks the :class:`Plan` made by
:func:`plan_for` what it may show, so no part of a document can undo another's suppression.

The rules (documented with a worked example in docs/checks.md):

* **primary suppression**: a count of children from 1 to threshold − 1 is hidden (0 reveals
  nobody and is shown);
* **secondary suppression**: after the primary cells are hidden the reader's linear system
  (every shown cell, the total, the symbols' bounds: a hidden cell is at least 1 and, because
  cells are hidden smallest first, no larger than the smallest shown count) is solved
  (:mod:`reportgen.disclosure.solver`); while any hidden cell has only one feasible value the
  next smallest shown count is hidden too, and when none is left the total is hidden;
* a hidden count's average and annual cost are hidden with it (an average next to its total
  is the count);
* a total below the threshold hides every cell;
* **top-N tables** list the costliest placements of the types that are shown: a placement of
  a hidden type is left out (the list is filled from the next costliest, ranks are among the
  rows listed) and a note says so whenever any type is hidden, so neither a small type's
  count nor any one child's cost in it can be read off;
* flows: a small number of placements starting or ending is hidden, and the net change with
  it.

Hidden cells show the GSS/DfE symbols (:class:`Symbols`, configurable per council in
``settings.symbols``): ``c`` confidential, ``z`` not applicable, ``k`` rounds to zero, ``x``
not available, with a legend under any table that uses one. A secondarily suppressed cell is
never labelled "fewer than N" (that would be false).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reportgen.disclosure.names import CountCell
from reportgen.disclosure.solver import UNBOUNDED, Fact, feasible_values, recoverable
from reportgen.errors import ReportgenError

if TYPE_CHECKING:
    from reportgen.metrics import HighCostPlacement, Metrics

__all__ = [
    "Cell", "CountCell", "Fact", "Plan", "Suppressed", "Symbols", "Withheld", "decide_counts",
    "feasible_values", "is_shown", "is_small", "plan_for", "protect_names", "recoverable",
    "reader_system", "suppress_counts", "symbol_aware",
]


# --------------------------------------------------------------------------- symbols


@dataclass(frozen=True)
class Symbols:
    """What a cell shows instead of a figure (GSS/DfE convention by default)."""

    confidential: str = "c"
    not_applicable: str = "z"
    rounds_to_zero: str = "k"
    not_available: str = "x"

    @classmethod
    def of(cls, settings: Any) -> Symbols:
        """The symbols of a bundle's ``settings`` (defaults where it has none)."""
        given = getattr(settings, "symbols", None)
        if given is None:
            return cls()
        return cls(**{f.name: str(getattr(given, f.name, f.default))
                      for f in dataclasses.fields(cls)})

    def all(self) -> tuple[str, ...]:
        return (self.confidential, self.not_applicable, self.rounds_to_zero,
                self.not_available)

    def legend(self, used: Iterable[str], threshold: int) -> str:
        """The legend sentence for the symbols ``used``, in the convention's order."""
        wanted = set(used)
        parts = []
        if self.confidential in wanted:
            parts.append(f"{self.confidential} = confidential: a number of children from 1 "
                         f"to {max(threshold - 1, 1)}, or a number hidden so that such a "
                         "number cannot be worked out from the others or the total")
        if self.not_applicable in wanted:
            parts.append(f"{self.not_applicable} = not applicable")
        if self.rounds_to_zero in wanted:
            parts.append(f"{self.rounds_to_zero} = less than half the unit shown")
        if self.not_available in wanted:
            parts.append(f"{self.not_available} = not available")
        return ("Symbols: " + "; ".join(parts) + ".") if parts else ""


# --------------------------------------------------------------------------- counts


def is_small(count: int, threshold: int) -> bool:
    """Whether ``count`` is below the threshold and would identify children (0 does not)."""
    return 0 < count < threshold


def reader_system(values: Sequence[int], hidden: Sequence[bool], total: int,
                  total_shown: bool) -> tuple[dict[str, tuple[int, int]], list[Fact]]:
    """The bounds and facts a reader has about the hidden cells of one set of counts.

    Shown cells are substituted into the total; a hidden cell is at least 1 (zeros are shown)
    and no larger than the smallest shown positive count (cells are hidden smallest first).
    """
    shown_positive = [v for v, h in zip(values, hidden, strict=True) if not h and v > 0]
    cap = min(shown_positive) if shown_positive else UNBOUNDED
    if total_shown:
        cap = min(cap, total)
    bounds = {str(i): (1, cap) for i, h in enumerate(hidden) if h}
    facts: list[Fact] = []
    if total_shown and bounds:
        rest = total - sum(v for v, h in zip(values, hidden, strict=True) if not h)
        facts.append(Fact.total(list(bounds), rest))
    return bounds, facts


def decide_counts(values: Sequence[int], threshold: int, total: int | None = None
                  ) -> tuple[list[str], bool]:
    """Why each count is hidden ("primary", "secondary" or "" when shown) and whether the
    total is hidden; ``total`` defaults to the sum of ``values``."""
    whole = sum(values) if total is None else total
    reasons = ["primary" if is_small(v, threshold) else "" for v in values]
    if is_small(whole, threshold):
        return [("primary" if r else "secondary") if v > 0 else "" for r, v in
                zip(reasons, values, strict=True)], True
    total_hidden = False
    for _ in range(len(values) + 1):
        hidden = [bool(r) for r in reasons]
        if not any(hidden):
            break
        bounds, facts = reader_system(values, hidden, whole, not total_hidden)
        if not recoverable(bounds, facts):
            break
        candidates = [(v, i) for i, v in enumerate(values) if not hidden[i] and v > 0]
        if candidates:
            reasons[min(candidates)[1]] = "secondary"
        elif not total_hidden:
            total_hidden = True
        else:
            break
    return reasons, total_hidden


def suppress_counts(counts: Sequence[int], threshold: int) -> list[bool]:
    """Which counts to hide (primary and secondary; see the module docstring)."""
    reasons, _ = decide_counts(counts, threshold)
    return [bool(r) for r in reasons]


# --------------------------------------------------------------------------- the plan


@dataclass(frozen=True)
class Cell:
    """One count of the document: shown, or hidden for a reason."""

    key: str
    label: str
    value: int
    reason: str = ""  # "primary", "secondary" or "" (shown)

    @property
    def hidden(self) -> bool:
        return bool(self.reason)


@dataclass(frozen=True)
class Plan:
    """What one document may show; made once by :func:`plan_for`."""

    public: bool
    threshold: int
    symbols: Symbols = field(default_factory=Symbols)
    cells: tuple[Cell, ...] = ()
    total: Cell | None = None
    # "flows.started", "external_flows.ended"…: hidden flow counts.
    hidden_flows: frozenset[str] = frozenset()
    top: tuple[HighCostPlacement, ...] = ()
    top_filtered: bool = False  # some types are hidden, so the top-N omits them
    # Counts outside the by-type table (care.started, placements.renegotiated…), each
    # declared a count in reportgen.disclosure.names.
    counts: tuple[CountCell, ...] = ()

    def cell(self, key: str) -> Cell | None:
        return next((c for c in self.cells if c.key == key), None)

    def is_hidden(self, key: str) -> bool:
        """Whether the count (and the costs) of type ``key`` (or "total") are hidden."""
        if key == "total":
            return self.total is not None and self.total.hidden
        found = self.cell(key)
        return found is not None and found.hidden

    @property
    def any_hidden(self) -> bool:
        return any(c.hidden for c in self.cells) or self.is_hidden("total")

    def count_hidden(self, key: str) -> bool:
        """Whether the count at ``key`` (a path such as "care.started") is hidden."""
        return any(c.hidden for c in self.counts if c.key == key)

    def note(self) -> str:
        """The sentence under any table or chart that hides a count."""
        if not self.any_hidden:
            return ""
        return (f"Numbers of children below {self.threshold} are not shown, to protect "
                "children's privacy; other numbers are hidden where they would let one be "
                "worked out.")

    def legend(self, used: Iterable[str]) -> str:
        return self.symbols.legend(used, self.threshold)

    def published_system(self) -> tuple[dict[str, tuple[int, int]], list[Fact]]:
        """The reader's bounds and facts about the hidden type counts (keys are type keys)."""
        values = [c.value for c in self.cells]
        hidden = [c.hidden for c in self.cells]
        total = self.total.value if self.total is not None else sum(values)
        bounds, facts = reader_system(values, hidden, total, not self.is_hidden("total"))
        keys = [c.key for c in self.cells]
        rename = {str(i): keys[i] for i in range(len(keys))}
        return ({rename[k]: v for k, v in bounds.items()},
                [Fact(tuple((rename[c], k) for c, k in f.terms), f.rhs, f.kind)
                 for f in facts])


def plan_for(metrics: Metrics | None, threshold: int, public: bool,
             symbols: Symbols | None = None, top_n: int | None = None) -> Plan:
    """Decide, from the data, what a document rendered from ``metrics`` may show."""
    symbols = symbols or Symbols()
    counts = _standalone_counts(metrics, threshold, public)
    p = metrics.placements if metrics is not None else None
    if p is None:
        return Plan(public, threshold, symbols, counts=counts)
    n = top_n if top_n is not None else (metrics.top_n if metrics is not None else 20)
    values = [s.count for s in p.by_type]
    if not public or threshold <= 1:
        reasons, total_hidden = [""] * len(values), False
    else:
        reasons, total_hidden = decide_counts(values, threshold, p.total.count)
    cells = tuple(Cell(s.placement_type, s.label, s.count, r)
                  for s, r in zip(p.by_type, reasons, strict=True))
    total = Cell("total", p.total.label, p.total.count, "primary" if total_hidden else "")
    hidden_types = {c.key for c in cells if c.hidden}
    flows: set[str] = set()
    if public and threshold > 1:
        for name in ("flows", "external_flows"):
            f = getattr(p, name)
            if f is None:
                continue
            for part in ("started", "ended"):
                if is_small(getattr(f, part), threshold):
                    flows.add(f"{name}.{part}")
    top: tuple[HighCostPlacement, ...] = tuple(p.top)
    filtered = bool(hidden_types) or total_hidden
    if public and filtered:
        pool = p.top_by_type or p.top
        keep = [x for x in sorted(pool, key=lambda x: x.rank)
                if x.placement_type not in hidden_types and not total_hidden][:n]
        top = tuple(dataclasses.replace(x, rank=i) for i, x in enumerate(keep, start=1))
    return Plan(public, threshold, symbols, cells, total, frozenset(flows), top,
                public and filtered, counts)


def _standalone_counts(metrics: Metrics | None, threshold: int, public: bool
                       ) -> tuple[CountCell, ...]:
    """The counts outside the by-type table (declared in :mod:`.names`), decided."""
    if metrics is None or not public or threshold <= 1:
        return ()
    from reportgen.disclosure import names
    from reportgen.sandbox import freeze_names, frozen_metrics

    # Only the names a count is declared under (not, say, a large indicators file); the
    # metrics frozen once for a render (the narrative names share them).
    roots = {re.split(r"[.\[]", path)[0] for path, rule in names.NAMES.items()
             if rule.kind == "count"}
    every: dict[str, object] = dict(frozen_metrics(metrics, roots))
    if metrics.windows is not None:
        every.update(freeze_names(dict(metrics.windows.items())))
    namespace = {k: v for k, v in every.items() if k in roots}
    return names.decide_counts(namespace, threshold, is_small)


# --------------------------------------------------------------------------- narrative names


class Suppressed:
    """A hidden figure as a narrative name: prints as its symbol, refuses arithmetic.

    A percentage, sum, comparison or average of a hidden count would reveal it, so every
    operator raises a :class:`ReportgenError` naming the figure.
    """

    __slots__ = ("symbol", "what")
    #: Safe in a template context as it is (reportgen.sandbox.freeze): its only attributes
    #: are two strings, and every operator refuses.
    __template_value__ = True

    def __init__(self, symbol: str, what: str) -> None:
        self.symbol = symbol
        self.what = what

    def __str__(self) -> str:
        return self.symbol

    def __html__(self) -> str:
        return self.symbol

    def __format__(self, spec: str) -> str:
        return self.symbol

    def __repr__(self) -> str:
        return f"Suppressed({self.symbol!r}, {self.what!r})"

    def __bool__(self) -> bool:
        return True  # a hidden count is never 0 (zeros are shown)

    def _refuse(self, *_: object) -> Any:
        raise ReportgenError(
            f"{self.what} is not shown in a public report (it prints as "
            f"'{self.symbol}'), so it cannot be used in a sum, comparison, percentage or "
            "average; print it on its own, or set settings.public: no if the report is not "
            "published")

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __int__ = __float__ = __index__ = __round__ = _refuse

    def __eq__(self, other: object) -> bool:
        return self._refuse() if not isinstance(other, Suppressed) else other is self

    def __hash__(self) -> int:
        return id(self)


class Withheld:
    """A name a public report may not print because no rule declares it
    (:mod:`reportgen.disclosure.names`): printing it or using it in any way is an error."""

    __slots__ = ("what",)
    __template_value__ = True  # its one attribute is a path; every use refuses

    def __init__(self, what: str) -> None:
        self.what = what

    def _refuse(self, *_: object) -> Any:
        raise ReportgenError(
            f"{self.what} is not declared safe to print in a public report (reportgen/"
            "disclosure/names.py lists what may be), so it cannot be used; set "
            "settings.public: no if the report is not published")

    __str__ = __html__ = __format__ = __bool__ = __len__ = __iter__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __mod__ = __rmod__ = _refuse
    __pow__ = __rpow__ = __neg__ = __pos__ = __abs__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = __contains__ = __getitem__ = _refuse
    __int__ = __float__ = __index__ = __round__ = _refuse

    def __repr__(self) -> str:
        return f"Withheld({self.what!r})"

    def __eq__(self, other: object) -> bool:
        return self._refuse() if not isinstance(other, Withheld) else other is self

    def __hash__(self) -> int:
        return id(self)


def is_shown(value: object) -> bool:
    """The ``shown`` template test: False for a figure the document hides."""
    return not isinstance(value, (Suppressed, Withheld))


def symbol_aware(filters: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """Template filters that print a :class:`Suppressed` figure as its symbol (and refuse a
    :class:`Withheld` name)."""

    def wrap(fn: Callable[..., Any]) -> Callable[..., Any]:
        def filtered(*args: Any, **kwargs: Any) -> Any:
            if args and isinstance(args[0], Suppressed):
                return args[0].symbol
            if args and isinstance(args[0], Withheld):
                return args[0]._refuse()
            return fn(*args, **kwargs)

        filtered.__name__ = getattr(fn, "__name__", "filter")
        filtered.__doc__ = fn.__doc__
        return filtered

    return {name: wrap(fn) for name, fn in filters.items()}


def protect_names(names: Mapping[str, Any], plan: Plan) -> dict[str, Any]:
    """The names (frozen, :func:`reportgen.sandbox.freeze_names`) of a document, each through
    the rule :mod:`reportgen.disclosure.names` declares for it: in a public document a hidden
    figure is a :class:`Suppressed`, a name declared nowhere a :class:`Withheld`."""
    from reportgen.disclosure.names import publish

    return publish(names, plan)
