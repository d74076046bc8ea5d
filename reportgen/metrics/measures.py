"""The SSDA903 measures, each defined once, by the DfE's published definitions.

Every figure about children looked after comes from here, computed on the episodes frame of
:func:`reportgen.data.episodes.load_ssda903` (one row an episode; ``child`` a number, never
the CHILD identifier; ``placement`` the placement each episode belongs to, -1 for none).

Sources, cited by each function as [method], [stability], [guide] and [rules]:

- [method] DfE, "Children looked after in England including adoptions: methodology" and the
  notes to its tables (explore-education-statistics.service.gov.uk): figures leave out
  children looked after under an agreed series of short-term placements (short breaks, legal
  status V3 and V4); a child who started to be looked after more than once in the year is
  counted once (the first occasion), a child who ceased more than once once (the last).
- [stability] DfE, "Stability measures for children looked after in England" (data set
  "Placement stability by local authority"): children looked after on 31 March with three or
  more placements during the year; children aged under 16 on 31 March looked after
  continuously for at least 2.5 years, and of them those living in the same placement for at
  least 2 years (or placed for adoption, their adoptive placement and the placement before it
  together lasting 2 years).
- [guide] DfE, "Children looked after by local authorities in England: guide to the SSDA903
  collection": an episode starts at every change of legal status or placement; RNE S starts a
  period of care, RNE L changes the legal status only, RNE P, T, U and B change the placement;
  REC X1 ends an episode while the child stays looked after; placements T0-T4 are temporary.
- [rules] csc-validator-be-903, the DfE's validation rules: a period of care cannot start with a
  temporary placement (380); after a temporary placement the child returns to their normal
  placement (383); REC X1 means a new episode begins the same day (388, 433).

**One rule for "open on a day"**, used by every measure here and by every placement figure
(``frames.active``, costs): an episode, period of care or placement is open on day *d* when it
started on or before *d* and has not ended by *d*: ``start <= d < end`` (no end date: still
open). The day a child moves belongs to the new placement; the day care ends is not a day in
care. Days are whole dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd

from reportgen.data.ssda903 import DFE_PLACEMENT_GROUPS, SHORT_BREAK_LS, STILL_LOOKED_AFTER

#: The short-term stability measure counts children with this many placements or more.
STABILITY_PLACEMENTS = 3
#: Long-term stability: looked after this long (2.5 years), in one placement this long, aged
#: under this age on the day.
LONG_TERM_CARE_MONTHS = 30
LONG_TERM_PLACEMENT_MONTHS = 24
LONG_TERM_UNDER_AGE = 16
ADOPTION_PLACES = frozenset({"A3", "A4", "A5", "A6"})


def ts(day: date) -> pd.Timestamp:
    return pd.Timestamp(day).normalize()


def open_on(start: pd.Series, end: pd.Series, day: date) -> pd.Series:
    """THE rule for open on ``day``: started on or before it, not ended by it
    (``start <= day < end``; a blank end is still open)."""
    d = ts(day)
    return ((start <= d) & (end.isna() | (end > d))).fillna(False).astype(bool)


def collection_year_start(day: date) -> date:
    """1 April of the SSDA903 collection year (1 April to 31 March) that ``day`` falls in."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def in_care(episodes: pd.DataFrame) -> pd.DataFrame:
    """The episodes the DfE's figures count: short breaks (LS V3, V4) left out [method]."""
    care = episodes[~episodes["ls"].isin(list(SHORT_BREAK_LS)).to_numpy(dtype=bool)]
    return care.sort_values(["child", "decom", "dec"], kind="mergesort", na_position="last")


def _links(care: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(starts, ends): whether each care episode starts, and ends, a period of care.

    Two of a child's care episodes are one period when the first ends with REC X1 and the next
    starts that day [guide, rules 388 and 433]; an episode with no such link before it starts a
    period (RNE S, or the child's first episode in the file), one with none after it and an end
    date ends one."""
    same_next = care["child"].shift(-1) == care["child"]
    linked_next = same_next & (care["rec"] == STILL_LOOKED_AFTER).fillna(False) & \
        (care["decom"].shift(-1) == care["dec"])
    linked_prev = linked_next.shift(1, fill_value=False).astype(bool)
    ends = ~linked_next.astype(bool) & care["dec"].notna()
    return ~linked_prev, ends


def looked_after_on(episodes: pd.DataFrame, day: date) -> int:
    """Children looked after on ``day``: distinct children with an episode open on it, short
    breaks left out [method]. Looked after on 31 March is this on 31 March."""
    care = in_care(episodes)
    return int(care.loc[open_on(care["decom"], care["dec"], day).to_numpy(), "child"].nunique())


def started_in(episodes: pd.DataFrame, lo: date, hi: date) -> int:
    """Children who started to be looked after in ``[lo, hi]``: distinct children with an
    episode of RNE S starting in it, each counted once [method]."""
    care = in_care(episodes)
    hit = care["decom"].between(ts(lo), ts(hi)) & (care["rne"] == "S").fillna(False)
    return int(care.loc[hit.to_numpy(dtype=bool), "child"].nunique())


def ceased_in(episodes: pd.DataFrame, lo: date, hi: date) -> int:
    """Children who ceased to be looked after in ``[lo, hi]``: distinct children with an
    episode ending in it with a REC other than X1, each counted once [method]."""
    care = in_care(episodes)
    hit = care["dec"].between(ts(lo), ts(hi)).fillna(False) & \
        (care["rec"] != STILL_LOOKED_AFTER).fillna(False)
    return int(care.loc[hit.to_numpy(dtype=bool), "child"].nunique())


def periods_in(episodes: pd.DataFrame, lo: date, hi: date) -> tuple[int, int]:
    """(started, ended): periods of care that started, and ended, in ``[lo, hi]`` [guide].

    Not a DfE figure: these are the counts for which children looked after at the end of a
    window = at its start (the day before) + started - ended holds exactly. The DfE's child
    counts (:func:`started_in`, :func:`ceased_in`) differ from them when a child starts or
    ceases twice in the window."""
    care = in_care(episodes)
    starts, ends = _links(care)
    begun = starts & care["decom"].between(ts(lo), ts(hi))
    ended = ends & care["dec"].between(ts(lo), ts(hi)).fillna(False)
    return int(begun.sum()), int(ended.sum())


def placements_of_care(episodes: pd.DataFrame) -> pd.DataFrame:
    """One row a placement of a child looked after (short breaks left out): ``child``,
    ``start`` (its first episode's DECOM), ``end`` (its last episode's DEC), ``place`` (its
    first episode's PLACE), ``rne`` (its first episode's RNE), ``period_start`` (whether it
    starts a period of care) and ``first_in_file`` (its first episode is the child's first).

    A placement is what the loader numbered [guide, rules 380 and 383]: a change of legal status
    alone (RNE L) is not a new placement; a temporary placement (T0-T4) is none, and the return
    from it continues the placement before it."""
    care = in_care(episodes)
    starts, _ = _links(care)
    care = care.assign(period_start=starts.to_numpy(),
                       first_in_file=(care["child"] != care["child"].shift()).to_numpy())
    care = care[care["placement"] >= 0]
    groups = care.groupby("placement", sort=False)
    first, last = groups.head(1).set_index("placement"), groups.tail(1).set_index("placement")
    return pd.DataFrame({
        "child": first["child"], "start": first["decom"], "end": last["dec"],
        "place": first["place"], "rne": first["rne"],
        "period_start": first["period_start"].astype(bool),
        "first_in_file": first["first_in_file"].astype(bool),
    })


def placement_flows_in(episodes: pd.DataFrame, lo: date, hi: date,
                       places: pd.DataFrame | None = None) -> tuple[int, int, int]:
    """(started, ended, changes): placements that started and ended in ``[lo, hi]``, and the
    placement changes among the starts (a new placement for a child already looked after: RNE
    P, T, U or B, not a return from a temporary placement) [guide]."""
    places = placements_of_care(episodes) if places is None else places
    begun = places["start"].between(ts(lo), ts(hi))
    ended = places["end"].between(ts(lo), ts(hi)).fillna(False)
    changes = begun & ~places["period_start"]
    return int(begun.sum()), int(ended.sum()), int(changes.sum())


def three_or_more_placements(episodes: pd.DataFrame, as_at: date,
                             places: pd.DataFrame | None = None) -> tuple[int, int, date]:
    """(children, of children, from): the short-term stability measure [stability].

    Children looked after on ``as_at`` who had three or more placements open at some time from
    1 April of the collection year (``from``) to ``as_at``. On 31 March this is the DfE's
    measure for the year; on another day it is the collection year to date. Placements are
    those of :func:`placements_of_care`; one that ended on 1 April was not open in the year."""
    care = in_care(episodes)
    here = set(care.loc[open_on(care["decom"], care["dec"], as_at).to_numpy(), "child"])
    year_from = collection_year_start(as_at)
    places = placements_of_care(episodes) if places is None else places
    # Open at some time in [year_from, as_at]: started by as_at, not ended by year_from.
    during = (places["start"] <= ts(as_at)) & \
        (places["end"].isna() | (places["end"] > ts(year_from)))
    counts = places[during.to_numpy(dtype=bool)].groupby("child").size()
    unstable = sum(1 for child, n in counts.items() if child in here
                   and n >= STABILITY_PLACEMENTS)
    return unstable, len(here), year_from


@dataclass(frozen=True)
class LongTerm:
    """The long-term stability measure on a day: ``stable`` of ``eligible`` children, or None
    for both when the file does not go back far enough to say."""

    stable: int | None
    eligible: int | None


def long_term_stability(episodes: pd.DataFrame, as_at: date,
                        places: pd.DataFrame | None = None) -> LongTerm:
    """Children under 16 on ``as_at``, looked after continuously for 2.5 years or more, and of
    them those in the same placement for 2 years or more [stability].

    "Continuously" is one period of care. A child placed for adoption counts as stable when the
    adoptive placement and the placement before it together last 2 years. When a child's first
    episode in the file continues earlier care (RNE other than S) too recently to tell, the
    measure cannot be computed from this file and both numbers are None."""
    care = in_care(episodes)
    day = ts(as_at)
    care_from = day - pd.DateOffset(months=LONG_TERM_CARE_MONTHS)
    placed_from = day - pd.DateOffset(months=LONG_TERM_PLACEMENT_MONTHS)
    places = (placements_of_care(episodes) if places is None else places) \
        .sort_values(["child", "start"], kind="mergesort")
    turns_16 = care.groupby("child")["turns_16"].first().to_dict()
    # Each child's placements in order, as plain tuples.
    mine: dict[int, list[tuple[pd.Timestamp, Any, str, str, bool, bool]]] = {}
    for row in places.itertuples():
        mine.setdefault(row.child, []).append((row.start, row.end, row.place, row.rne,
                                               row.period_start, row.first_in_file))
    stable = eligible = 0
    for child, theirs in mine.items():
        now = [i for i, p in enumerate(theirs) if p[0] <= day and (pd.isna(p[1]) or p[1] > day)]
        sixteen = turns_16.get(child)
        if not now or (sixteen is not None and pd.notna(sixteen) and day >= sixteen):
            continue
        here = now[0]
        # The period of care: back from this placement to the last one that starts a period.
        first = next(theirs[i] for i in range(here, -1, -1) if theirs[i][4])
        if first[0] > care_from:
            if first[5] and first[3] != "S":  # care began before the file, how long unknown
                return LongTerm(None, None)
            continue
        eligible += 1
        since = theirs[here]
        if since[2] in ADOPTION_PLACES and not since[4]:
            since = theirs[here - 1]  # the adoptive placement with the one before it
        if since[0] <= placed_from:
            stable += 1
        elif since[5] and since[3] == "L":  # the placement began before the file
            return LongTerm(None, None)
    return LongTerm(stable, eligible)


def placement_groups_on(episodes: pd.DataFrame, as_at: date,
                        places: pd.DataFrame | None = None) -> list[tuple[str, str, int]]:
    """(group, label, children) for each of the DfE's placement groups with children in it on
    ``as_at``, in the DfE's order: children looked after by the type of their placement (a
    child in a temporary placement is in the placement they return to) [method]."""
    places = placements_of_care(episodes) if places is None else places
    now = places[open_on(places["start"], places["end"], as_at).to_numpy()]
    out = []
    for key, (label, codes) in DFE_PLACEMENT_GROUPS.items():
        n = int(now["place"].isin(list(codes)).sum())
        if n:
            out.append((key, label, n))
    return out


def day_before(day: date) -> date:
    return day - timedelta(days=1)
