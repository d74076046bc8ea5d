"""What a reader can work out from the linear facts a document publishes.

A document about one cohort publishes facts such as "In-house fostering: 46", "Total: 140" or
"at least 3 residential placements are in the top 20". Each hidden count is an unknown whole
number with the bounds its symbol states (``c``: at least 1, since a zero is shown as 0). A
hidden count is *recoverable* when only one value is consistent with every published fact.

The solver is exact on the small systems a committee paper publishes: interval propagation
over the equations and inequalities, then a depth-first search for a witness of each candidate
value. Its work is bounded (``limits.MAX_DISCLOSURE_SOLVER_STEPS``); a search that runs out is
reported as "not shown to be safe", so that the caller hides more rather than less.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportgen import limits

#: A bound standing in for "no upper bound stated" (far above any count of children).
UNBOUNDED = 10**9


@dataclass(frozen=True)
class Fact:
    """``sum(coef * cell) (== or >=) rhs`` over named cells; shown cells are substituted."""

    terms: tuple[tuple[str, int], ...]
    rhs: int
    kind: str = "eq"  # "eq" or "ge"

    @staticmethod
    def total(cells: Sequence[str], value: int) -> Fact:
        return Fact(tuple((c, 1) for c in cells), value)

    @staticmethod
    def at_least(cell: str, value: int) -> Fact:
        return Fact(((cell, 1),), value, "ge")


class _OutOfSteps(Exception):
    pass


class _Search:
    def __init__(self, facts: Sequence[Fact], max_steps: int) -> None:
        self.facts = list(facts)
        self.steps = 0
        self.max_steps = max_steps

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > self.max_steps:
            raise _OutOfSteps

    def propagate(self, dom: dict[str, list[int]]) -> bool:
        """Narrow ``dom`` (cell → [lo, hi]) in place; False when no value is left."""
        changed = True
        while changed:
            changed = False
            for fact in self.facts:
                self._tick()
                lo_sum = 0
                hi_sum = 0
                for cell, coef in fact.terms:
                    lo, hi = dom[cell]
                    lo_sum += coef * lo if coef > 0 else coef * hi
                    hi_sum += coef * hi if coef > 0 else coef * lo
                if hi_sum < fact.rhs or (fact.kind == "eq" and lo_sum > fact.rhs):
                    return False
                for cell, coef in fact.terms:
                    lo, hi = dom[cell]
                    own_lo = coef * lo if coef > 0 else coef * hi
                    own_hi = coef * hi if coef > 0 else coef * lo
                    rest_hi = hi_sum - own_hi
                    rest_lo = lo_sum - own_lo
                    # coef * x >= rhs - rest_hi, and (eq) coef * x <= rhs - rest_lo
                    need = fact.rhs - rest_hi
                    new_lo, new_hi = lo, hi
                    if coef > 0:
                        new_lo = max(lo, -(-need // coef))
                        if fact.kind == "eq":
                            new_hi = min(hi, (fact.rhs - rest_lo) // coef)
                    else:
                        new_hi = min(hi, need // coef)
                        if fact.kind == "eq":
                            new_lo = max(lo, -(-(fact.rhs - rest_lo) // coef))
                    if new_lo > new_hi:
                        return False
                    if (new_lo, new_hi) != (lo, hi):
                        dom[cell] = [new_lo, new_hi]
                        changed = True
        return True

    def solvable(self, dom: dict[str, list[int]]) -> bool:
        work = {k: list(v) for k, v in dom.items()}
        if not self.propagate(work):
            return False
        open_cells = [k for k, (lo, hi) in work.items() if lo != hi]
        if not open_cells:
            return True
        cell = min(open_cells, key=lambda k: work[k][1] - work[k][0])
        lo, hi = work[cell]
        value = lo
        while value <= hi:
            self._tick()
            trial = {k: list(v) for k, v in work.items()}
            trial[cell] = [value, value]
            if self.solvable(trial):
                return True
            value += 1
        return False


def feasible_values(bounds: Mapping[str, tuple[int, int]], facts: Sequence[Fact],
                    want: int = 2, max_steps: int | None = None) -> dict[str, set[int]] | None:
    """For each cell, up to ``want`` values it can take consistently with every fact.

    ``bounds`` gives each hidden cell's [lo, hi] as its symbol states it. Returns None when
    the search needs more than ``max_steps`` steps (treat that as unsafe).
    """
    search = _Search(facts, limits.MAX_DISCLOSURE_SOLVER_STEPS if max_steps is None
                     else max_steps)
    dom = {k: [lo, hi] for k, (lo, hi) in bounds.items()}
    out: dict[str, set[int]] = {k: set() for k in dom}
    try:
        if not search.propagate(dom):
            return out
        for cell in dom:
            lo, hi = dom[cell]
            value = lo
            while value <= hi and len(out[cell]) < want:
                trial = {k: list(v) for k, v in dom.items()}
                trial[cell] = [value, value]
                if search.solvable(trial):
                    out[cell].add(value)
                value += 1
                search._tick()
    except _OutOfSteps:
        return None
    return out


def recoverable(bounds: Mapping[str, tuple[int, int]], facts: Sequence[Fact]) -> set[str]:
    """The hidden cells a reader can pin to one value (every cell, if the search ran out)."""
    values = feasible_values(bounds, facts)
    if values is None:
        return set(bounds)
    return {cell for cell, found in values.items() if len(found) < 2}
