"""Disclosure across periods: what two quarters' reports reveal together.

Each quarter's report is safe on its own (its plan is solved for that document), but a reader
holds every quarter. The reports are linked by the stock–flow identity of the cohort: children
placed at the end of this quarter = children placed at the end of the last + placements
started − placements ended this quarter. When both reports print the totals and the later one
prints its flows, a hidden total or a hidden number of placements started or ended can be
worked out from the difference. :func:`period_reveals` builds the joint system of both
documents' published facts with that link and solves it.

The link is the stock-and-flow identity of :data:`reportgen.metrics.identities.PERIOD_LINKS`,
the one every render checks within a report. :func:`period_link` says why two periods cannot
be linked (not consecutive, flows that stop short of the report's date, no figures to link, or
figures that break the identity); the caller reports that as "not compared", never as a pair
with nothing to hide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from reportgen.disclosure import Plan, plan_for
from reportgen.disclosure.solver import UNBOUNDED, Fact, feasible_values
from reportgen.metrics.identities import Failure, link_failures, links_applying

if TYPE_CHECKING:
    from reportgen.disclosure import Symbols
    from reportgen.metrics import Metrics


@dataclass(frozen=True)
class PeriodReveal:
    """A hidden cell of one period's report that the two reports together pin down."""

    period: str
    cell: str  # "total", "flows.started", "flows.ended" or a placement type key
    label: str


@dataclass(frozen=True)
class Unlinked:
    """Why two periods' reports cannot be linked: ``reason`` in words, with the ``failures``
    of the identity when their figures break it (the reason is then theirs to word)."""

    reason: str
    failures: tuple[Failure, ...] = ()


def period_link(earlier: Metrics, later: Metrics) -> Unlinked | None:
    """None when ``later`` follows ``earlier`` and their figures satisfy every link of
    :data:`~reportgen.metrics.identities.PERIOD_LINKS` that both have; else why not."""
    if later.period is None:
        return Unlinked("the later report has no period, so no flows to link it by")
    if earlier.as_at is None:
        return Unlinked("the earlier report has no date for its figures")
    if later.period.start != earlier.as_at + timedelta(days=1):
        return Unlinked(f"{later.period.label} starts on {_day(later.period.start)}, not on "
                        f"the day after the earlier report's figures ({_day(earlier.as_at)}): "
                        "only consecutive periods can be linked")
    ends = [w.end for w in (later.placements.flows if later.placements else None, later.care)
            if w is not None and w.end is not None]
    if later.as_at is None or any(end != later.as_at for end in ends):
        return Unlinked(f"the later report's flows end on {_day(min(ends))}, not on the date of "
                        f"its figures ({_day(later.as_at) if later.as_at else 'none'})"
                        if ends else "the later report has no flows")
    if not links_applying(earlier, later):
        return Unlinked("neither report has both a count on its date and the flows of the "
                        "later period (placements or children looked after)")
    failures = link_failures(earlier, later)
    if failures:
        return Unlinked("their figures do not satisfy the stock-and-flow identity",
                        tuple(failures))
    return None


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _system(tag: str, plan: Plan, metrics: Metrics
            ) -> tuple[dict[str, tuple[int, int]], list[Fact], dict[str, int], dict[str, str]]:
    """One document's hidden cells (bounds), facts, shown values and labels, prefixed."""
    bounds: dict[str, tuple[int, int]] = {}
    shown: dict[str, int] = {}
    labels: dict[str, str] = {}
    p = metrics.placements
    assert p is not None
    cell_bounds, _ = plan.published_system()
    terms: list[tuple[str, int]] = []
    rest = 0
    for cell in plan.cells:
        name = f"{tag}:{cell.key}"
        labels[name] = cell.label
        if cell.hidden:
            bounds[name] = cell_bounds.get(cell.key, (1, UNBOUNDED))
            terms.append((name, 1))
        else:
            shown[name] = cell.value
            rest += cell.value
    total = f"{tag}:total"
    labels[total] = "the total"
    facts: list[Fact] = []
    if plan.is_hidden("total"):
        bounds[total] = (1, UNBOUNDED)
        if terms or plan.cells:
            facts.append(Fact((*terms, (total, -1)), -rest))
    else:
        shown[total] = p.total.count
        if terms:
            facts.append(Fact(tuple(terms), p.total.count - rest))
    if p.flows is not None:
        for part in ("started", "ended"):
            name = f"{tag}:flows.{part}"
            labels[name] = f"placements {part}"
            if f"flows.{part}" in plan.hidden_flows:
                bounds[name] = (1, UNBOUNDED)
            else:
                shown[name] = getattr(p.flows, part)
    return bounds, facts, shown, labels


def period_reveals(earlier: Metrics, later: Metrics, threshold: int,
                   symbols: Symbols | None = None) -> list[PeriodReveal]:
    """Hidden cells of either public report that the pair of reports reveals (through each
    report's own facts alone when :func:`period_link` cannot link them: the caller says so)."""
    if earlier.placements is None or later.placements is None:
        return []
    plan_a = plan_for(earlier, threshold, True, symbols)
    plan_b = plan_for(later, threshold, True, symbols)
    bounds_a, facts_a, shown_a, labels_a = _system("A", plan_a, earlier)
    bounds_b, facts_b, shown_b, labels_b = _system("B", plan_b, later)
    bounds = {**bounds_a, **bounds_b}
    if not bounds:
        return []
    shown = {**shown_a, **shown_b}
    facts = [*facts_a, *facts_b]
    if later.placements.flows is not None and period_link(earlier, later) is None:
        # B:total − A:total − B:started + B:ended = 0, shown values moved to the right.
        link = [("B:total", 1), ("A:total", -1), ("B:flows.started", -1),
                ("B:flows.ended", 1)]
        terms = tuple((name, coef) for name, coef in link if name in bounds)
        rhs = -sum(coef * shown[name] for name, coef in link if name not in bounds)
        if terms:
            facts.append(Fact(terms, rhs))
    # What each report reveals alone is its own check's business: report only the pair's.
    alone: set[str] = set()
    for b, f in ((bounds_a, facts_a), (bounds_b, facts_b)):
        found = feasible_values(b, f)
        alone |= {k for k, v in (found or {}).items() if len(v) == 1}
    together = feasible_values(bounds, facts)
    labels = {**labels_a, **labels_b}
    periods = {"A": str(earlier.period.label if earlier.period else earlier.as_at),
               "B": str(later.period.label if later.period else later.as_at)}
    out = []
    for name in sorted(bounds):
        if together is not None and len(together[name]) != 1:
            continue
        if name in alone:
            continue
        tag, cell = name.split(":", 1)
        out.append(PeriodReveal(periods[tag], cell, labels[name]))
    return out
