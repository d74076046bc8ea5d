"""The figures' own identities: what must hold between the figures of a report, declared once.

Each identity is data (:class:`Identity`): a name, the figure on its left and the signed
figures on its right, whose sum the left must equal. Figures are named by their paths as a
template writes them (``placements.total.count``); ``[*]`` stands for every item of a keyed
collection (``placements.by_type[*].count`` is the sum over the types). One function,
:func:`evaluate`, checks any list of them; an identity whose figures a report does not have (no
budget data, no period, a measure not computed) does not apply and is skipped.

* :data:`IDENTITIES` hold within one report: groups add up to their total, variance is spend
  less budget, children looked after at the end of the window are those at its start plus
  the periods of care (and the placements) that started less those that ended, and the DfE's
  placement groups add up to the children looked after.
* :data:`PERIOD_LINKS` hold between consecutive periods of the same data (``earlier:`` and
  ``later:`` name the two reports): the stock at the end of the later period is the stock at
  the end of the earlier one plus what started less what ended in between.
* :data:`SAME_MEASURES` are figures computed by different routes that a reader takes for one
  measure (the children in placements and the children looked after, both on the as-at date,
  when both come from one SSDA903 return). Nothing forces a report to print both, so these
  are checked on the rendered document (:mod:`reportgen.checks.identities`) for the figures
  it prints.

Metrics never format: a failure holds plain numbers, and the checker words it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from reportgen.metrics.keyed import Keyed

#: Money figures are float pounds added in different orders: they agree within half a penny.
MONEY_TOLERANCE = 0.005

Term = tuple[int, str]  # (+1 or -1, path)


@dataclass(frozen=True)
class Identity:
    """``left == sum(sign * right)``: a figure and the signed figures it is made of."""

    name: str
    left: str
    right: tuple[Term, ...]
    money: bool = False


@dataclass(frozen=True)
class SameMeasure:
    """Figures computed by different routes that a reader takes for one measure."""

    name: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Failure:
    """An identity that does not hold: the left figure's value, and each right term's."""

    identity: Identity
    left: float
    terms: tuple[tuple[int, str, float], ...]  # (sign, path, value)

    @property
    def right(self) -> float:
        return sum(sign * value for sign, _, value in self.terms)


def _sums(root: str, items: str, fields: Iterable[str], what: str, money: bool = True
          ) -> list[Identity]:
    """``root.total.F = sum of root.items[*].F`` for each field F."""
    return [Identity(f"{what} add up to the total {field.replace('_', ' ')}",
                     f"{root}.total.{field}", ((1, f"{root}.{items}[*].{field}"),), money)
            for field in fields]


def _budget(root: str, what: str) -> list[Identity]:
    return [*_sums(root, "lines", ("budget", "projected_spend", "variance"), what),
            Identity(f"{what}: the total variance is projected spend less budget",
                     f"{root}.total.variance",
                     ((1, f"{root}.total.projected_spend"), (-1, f"{root}.total.budget")),
                     money=True)]


def _savings(root: str, what: str) -> list[Identity]:
    # A measure's forecast may be blank (the total then counts what it achieved), so the
    # measures are summed for target and achieved only; the areas carry the forecast rule.
    return [*_sums(root, "areas", ("target", "achieved", "forecast"), f"{what} by area"),
            *_sums(root, "measures", ("target", "achieved"), f"{what} by measure")]


IDENTITIES: tuple[Identity, ...] = (
    Identity("placements by type add up to all placements", "placements.total.count",
             ((1, "placements.by_type[*].count"),)),
    *_sums("placements", "by_type", ("total_weekly_cost", "annual_cost"), "placements by type"),
    *_budget("budget", "budget lines"),
    *_budget("previous_budget", "the previous period's budget lines"),
    *_savings("savings", "savings"),
    *_savings("previous_savings", "the previous period's savings"),
    # Care: periods of care and placements, not the DfE's child counts (care.started and
    # care.ceased count a child once however often), so that the stock-and-flow is exact.
    Identity("children looked after at the end = at the start + periods of care started - "
             "ended", "care.looked_after_at_end",
             ((1, "care.looked_after_at_start"), (1, "care.periods_started"),
              (-1, "care.periods_ended"))),
    Identity("children looked after at the end = at the start + placements started - ended",
             "care.looked_after_at_end",
             ((1, "care.looked_after_at_start"), (1, "care.placements_started"),
              (-1, "care.placements_ended"))),
    Identity("children looked after by the DfE's placement groups add up to the children "
             "looked after", "care.looked_after", ((1, "care.placement_groups[*].count"),)),
)

PERIOD_LINKS: tuple[Identity, ...] = (
    Identity("placements at the end of the later period = at the end of the earlier one + "
             "started - ended", "later:placements.total.count",
             ((1, "earlier:placements.total.count"), (1, "later:placements.flows.started"),
              (-1, "later:placements.flows.ended"))),
    Identity("children looked after at the end of the later period = at the end of the "
             "earlier one + periods of care started - ended", "later:care.looked_after_at_end",
             ((1, "earlier:care.looked_after_at_end"), (1, "later:care.periods_started"),
              (-1, "later:care.periods_ended"))),
)

SAME_MEASURES: tuple[SameMeasure, ...] = (
    # An SSDA903 return gives both: each child looked after has one placement on a day.
    SameMeasure("children looked after on the as-at date",
                ("care.looked_after", "placements.total.count")),
)


class _Absent(Exception):
    """A figure the report does not have: the identity does not apply."""


def resolve(names: Mapping[str, Any], path: str) -> float:
    """The value of ``path`` in ``names`` (``[*]`` sums a keyed collection's items).

    Raises :class:`LookupError` when the report does not have the figure (a data set, a
    period or a measure it lacks)."""
    try:
        return _resolve(names, path)
    except _Absent:
        raise LookupError(path) from None


def _resolve(names: Mapping[str, Any], path: str) -> float:
    head, _, rest = path.partition(".")
    if head not in names:
        raise _Absent
    return _walk(names[head], rest)


def _walk(value: Any, rest: str) -> float:
    while rest:
        if value is None:
            raise _Absent
        step, _, rest = rest.partition(".")
        if step.endswith("[*]"):
            items = getattr(value, step[:-3], None)
            if not isinstance(items, (Keyed, tuple, list)):
                raise _Absent
            return float(sum(_walk(item, rest) for item in items))
        value = getattr(value, step, None)
    if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _Absent
    return float(value)


def agree(a: float, b: float, money: bool) -> bool:
    """Counts agree exactly; money within half a penny."""
    return abs(a - b) <= MONEY_TOLERANCE if money else a == b


def evaluate(identities: Iterable[Identity], lookup: Callable[[str], float]) -> list[Failure]:
    """Every identity that applies (``lookup`` finds all its figures) and does not hold."""
    out: list[Failure] = []
    for identity in identities:
        try:
            left = lookup(identity.left)
            terms = tuple((sign, path, lookup(path)) for sign, path in identity.right)
        except LookupError:
            continue
        failure = Failure(identity, left, terms)
        if not agree(left, failure.right, identity.money):
            out.append(failure)
    return out


def failures(metrics: Any) -> list[Failure]:
    """The identities of :data:`IDENTITIES` that ``metrics`` break."""
    names = metrics.namespace()
    return evaluate(IDENTITIES, lambda path: resolve(names, path))


def _between(earlier: Any, later: Any) -> Callable[[str], float]:
    """Look up ``earlier:PATH`` and ``later:PATH`` in two periods' metrics."""
    spaces = {"earlier": earlier.namespace(), "later": later.namespace()}

    def lookup(path: str) -> float:
        which, _, rest = path.partition(":")
        return resolve(spaces[which], rest)

    return lookup


def link_failures(earlier: Any, later: Any) -> list[Failure]:
    """The links of :data:`PERIOD_LINKS` that two consecutive periods' metrics break."""
    return evaluate(PERIOD_LINKS, _between(earlier, later))


def links_applying(earlier: Any, later: Any) -> list[Identity]:
    """The links whose figures both periods have (one that fails still applies)."""
    lookup = _between(earlier, later)
    out = []
    for link in PERIOD_LINKS:
        try:
            for path in (link.left, *(p for _, p in link.right)):
                lookup(path)
        except LookupError:
            continue
        out.append(link)
    return out
