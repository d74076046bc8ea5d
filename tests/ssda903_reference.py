"""A second, deliberately plain computation of the SSDA903 measures, for the property tests.

Written from the DfE's definitions (see docs/data.md), not from reportgen's code: the files
are read with the csv module and walked row by row in plain Python; no pandas, nothing
imported from reportgen. Where it and reportgen.metrics disagree on a generated return, one
of them has the definition wrong.

The definitions, in brief: a child is looked after on day d when one of their episodes that is
not a short break (LS V3, V4) has DECOM <= d and DEC blank or after d. A placement begins at
the first episode of a period of care and at each change of placement (RNE P, T, U, B); a
change of legal status alone (RNE L) does not begin one; a temporary placement (PLACE T0-T4)
is not a placement, and the child's return from it continues the placement they had.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

SHORT_BREAK = ("V3", "V4")
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")
MOVES = ("P", "T", "U", "B")
DFE_GROUPS = [  # the DfE's groups of placement type, in its tables' order
    ("foster", ["U1", "U2", "U3", "U4", "U5", "U6"]),
    ("adoption", ["A3", "A4", "A5", "A6"]),
    ("parents", ["P1"]),
    ("community", ["P2", "P3"]),
    ("homes", ["K1", "K2", "K3", "H5"]),
    ("other_residential", ["R1", "R2", "R3", "R5"]),
    ("schools", ["S1"]),
    ("other", ["Z1", "Z11", "Z12", "Z13", "Z14"]),
]
# The council's groups (reportgen's placement types) of the codes the generator uses: foster
# care with a council's own carers (PR0-PR3) is in-house, with anyone else an agency's.
COUNCIL_TYPE = {"U1": "kinship", "U2": "kinship", "U3": "kinship", "K1": "secure",
                "K2": "residential", "R1": "residential", "S1": "residential",
                "P1": "placed_with_parents", "A4": "other", "H5": "semi_independent"}


def day_of(text: str) -> date | None:
    if not text:
        return None
    d, m, y = text.split("/")
    return date(int(y), int(m), int(d))


@dataclass
class Placement:
    child: str
    start: date
    end: date | None
    place: str
    provider: str
    weekly: float = 0.0


@dataclass
class Reference:
    episodes: list[dict[str, str]]
    born: dict[str, date]
    placements: list[Placement] = field(default_factory=list)
    periods: list[tuple[str, date, date | None]] = field(default_factory=list)


def read(episodes: Path, header: Path, costs: Path) -> Reference:
    with episodes.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with header.open(newline="", encoding="utf-8") as f:
        born = {r["CHILD"]: day_of(r["DOB"]) for r in csv.DictReader(f)}
    ref = Reference(episodes=rows, born=born)  # type: ignore[arg-type]
    # Each child's episodes in date order; of two that start the same day, the one that also
    # ends that day first.
    by_child: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_child.setdefault(row["CHILD"], []).append(row)
    for child, mine in by_child.items():
        mine.sort(key=lambda r: (day_of(r["DECOM"]), day_of(r["DEC"]) or date.max))
        care = [r for r in mine if r["LS"] not in SHORT_BREAK]
        current: Placement | None = None
        period_start: date | None = None
        previous: dict[str, str] | None = None
        for row in care:
            starts = day_of(row["DECOM"])
            ends = day_of(row["DEC"])
            assert starts is not None
            continued = (previous is not None and previous["REC"] == "X1"
                         and day_of(previous["DEC"]) == starts)
            if not continued:
                period_start = starts
                current = Placement(child, starts, ends, row["PLACE"], row["PLACE_PROVIDER"])
                ref.placements.append(current)
            elif row["RNE"] == "L" or row["PLACE"] in TEMPORARY or \
                    previous is not None and previous["PLACE"] in TEMPORARY:
                assert current is not None
                current.end = ends  # the same placement goes on
            else:
                assert row["RNE"] in MOVES
                current = Placement(child, starts, ends, row["PLACE"], row["PLACE_PROVIDER"])
                ref.placements.append(current)
            if row["DEC"] and row["REC"] != "X1":
                ref.periods.append((child, period_start, ends))  # type: ignore[arg-type]
            previous = row
        if care and care[-1]["DEC"] == "":
            ref.periods.append((child, period_start, None))  # type: ignore[arg-type]
    with costs.open(newline="", encoding="utf-8") as f:
        cost = {(r["CHILD"], r["start_date"]): float(r["weekly_cost"]) for r in csv.DictReader(f)}
    for p in ref.placements:
        p.weekly = cost.get((p.child, p.start.isoformat()), 0.0)
    return ref


def is_open(start: date, end: date | None, d: date) -> bool:
    return start <= d and (end is None or end > d)


def looked_after(ref: Reference, d: date) -> set[str]:
    out = set()
    for row in ref.episodes:
        if row["LS"] in SHORT_BREAK:
            continue
        if is_open(day_of(row["DECOM"]), day_of(row["DEC"]), d):  # type: ignore[arg-type]
            out.add(row["CHILD"])
    return out


def started(ref: Reference, lo: date, hi: date) -> int:
    return len({r["CHILD"] for r in ref.episodes if r["LS"] not in SHORT_BREAK
                and r["RNE"] == "S" and lo <= day_of(r["DECOM"]) <= hi})  # type: ignore[operator]


def ceased(ref: Reference, lo: date, hi: date) -> int:
    out = set()
    for r in ref.episodes:
        ends = day_of(r["DEC"])
        if r["LS"] not in SHORT_BREAK and ends and lo <= ends <= hi and r["REC"] != "X1":
            out.add(r["CHILD"])
    return len(out)


def periods(ref: Reference, lo: date, hi: date) -> tuple[int, int]:
    began = sum(1 for _, s, _ in ref.periods if lo <= s <= hi)
    ended = sum(1 for _, _, e in ref.periods if e is not None and lo <= e <= hi)
    return began, ended


def placement_flows(ref: Reference, lo: date, hi: date) -> tuple[int, int, int]:
    starts = {(c, s) for c, s, _ in ref.periods}
    began = [p for p in ref.placements if lo <= p.start <= hi]
    ended = [p for p in ref.placements if p.end is not None and lo <= p.end <= hi]
    moves = [p for p in began if (p.child, p.start) not in starts]
    return len(began), len(ended), len(moves)


def open_placements(ref: Reference, d: date) -> list[Placement]:
    return [p for p in ref.placements if is_open(p.start, p.end, d)]


def three_or_more(ref: Reference, as_at: date) -> tuple[int, int]:
    year_from = date(as_at.year if as_at.month >= 4 else as_at.year - 1, 4, 1)
    here = looked_after(ref, as_at)
    unstable = 0
    for child in here:
        n = sum(1 for p in ref.placements if p.child == child and p.start <= as_at
                and (p.end is None or p.end > year_from))
        unstable += n >= 3
    return unstable, len(here)


def _months_before(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, m + 1, day)
        except ValueError:
            pass
    raise AssertionError(d)


def long_term(ref: Reference, as_at: date) -> tuple[int, int]:
    """(stable, eligible): under 16, looked after 2.5 years, same placement 2 years (or placed
    for adoption with the placement before it 2 years). The generator's children all start
    with RNE S, so every period's start is in the file."""
    stable = eligible = 0
    for p in open_placements(ref, as_at):
        born = ref.born[p.child]
        try:
            sixteen = born.replace(year=born.year + 16)
        except ValueError:
            sixteen = born.replace(year=born.year + 16, month=3, day=1)
        if as_at >= sixteen:
            continue
        period = [s for c, s, e in ref.periods if c == p.child and is_open(s, e, as_at)]
        if period[0] > _months_before(as_at, 30):
            continue
        eligible += 1
        since = p.start
        if p.place in ("A3", "A4", "A5", "A6") and p.start != period[0]:
            before = [q for q in ref.placements if q.child == p.child and q.end == p.start]
            since = before[0].start
        stable += since <= _months_before(as_at, 24)
    return stable, eligible


def dfe_groups(ref: Reference, as_at: date) -> dict[str, int]:
    out: dict[str, int] = {}
    for p in open_placements(ref, as_at):
        for key, codes in DFE_GROUPS:
            if p.place in codes:
                out[key] = out.get(key, 0) + 1
    return out


def council_type(p: Placement) -> str:
    if p.place in ("U4", "U5", "U6"):
        return "in_house_fostering" if p.provider in ("PR0", "PR1", "PR2", "PR3") else "ifa"
    return COUNCIL_TYPE[p.place]


def by_type(ref: Reference, as_at: date) -> dict[str, tuple[int, float]]:
    out: dict[str, tuple[int, float]] = {}
    for p in open_placements(ref, as_at):
        n, total = out.get(council_type(p), (0, 0.0))
        out[council_type(p)] = (n + 1, total + p.weekly)
    return out


def cost_in(ref: Reference, lo: date, hi: date) -> float:
    """Weekly cost / 7 for every day of [lo, hi] the placement is open on."""
    total = 0.0
    for p in ref.placements:
        d = lo
        while d <= hi:
            if is_open(p.start, p.end, d):
                total += p.weekly / 7
            d += timedelta(days=1)
    return total


def per_child(ref: Reference, as_at: date) -> float | None:
    now = open_placements(ref, as_at)
    children = {p.child for p in now}
    if not children:
        return None
    return sum(p.weekly for p in now) * 52 / len(children)
