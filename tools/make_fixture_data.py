"""Write the CSV data of the three seed-based fixtures, deterministically.

Each fixture reproduces one real committee report in ``/work/shared/seeds/``. The reports give
only aggregates (counts, averages, budget totals, savings by measure), so the placement rows
are invented: drawn from ``random.Random(<fixed seed>)`` and then nudged so that the aggregates
computed from them equal the report's own figures to the penny. The script re-reads every CSV
it is about to write with plain pandas and checks those figures, so a change to the generator
cannot silently drift away from the seeds.

Run from the repository root::

    python tools/make_fixture_data.py            # writes fixtures/<name>/data/*.csv
    python tools/make_fixture_data.py --out DIR  # writes DIR/<name>/data/*.csv instead

See ``fixtures/README.md`` for where each figure comes from.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

PLACEMENT_COLUMNS = [
    "reference",
    "placement_type",
    "provider_type",
    "provider",
    "start_date",
    "end_date",
    "weekly_cost",
    "health_contribution",
    "education_contribution",
]
SAVINGS_COLUMNS = ["area", "measure", "target", "achieved", "forecast", "status", "period"]
BUDGET_COLUMNS = ["line", "group", "period", "budget", "projected_spend"]
BASE_BUDGET_COLUMNS = [c for c in BUDGET_COLUMNS if c != "group"]
WEEKS_PER_YEAR = 52
EXTERNAL_TYPES = ("ifa", "residential")

ROTHERHAM = "rotherham-2010-commissioning"
HARROW = "harrow-2016-high-cost-placements"
HEREFORDSHIRE = "herefordshire-2018-lac-cost-reduction"


class FixtureDriftError(Exception):
    """Generated data no longer reproduces a seed figure."""


def require(condition: bool, message: str) -> None:
    """Raise :class:`FixtureDriftError` unless ``condition`` holds (not ``assert``: -O safe)."""
    if not condition:
        raise FixtureDriftError(message)


# --------------------------------------------------------------------------------------------
# Drawing values
# --------------------------------------------------------------------------------------------


@dataclass
class Placement:
    """One invented placement; money in whole pence so totals are exact."""

    placement_type: str
    provider_type: str
    provider: str | None
    start: date
    end: date | None
    weekly: int
    health: int = 0
    education: int = 0
    order: int = field(default=0)


def pounds(amount: float) -> int:
    """Pounds to whole pence."""
    return round(amount * 100)


def draw_amount(rng: random.Random, lo: int, hi: int, mode: int, step: int) -> int:
    """One amount in pence in [lo, hi], a multiple of ``step``, skewed towards ``mode``."""
    value = rng.triangular(lo, hi, mode)
    stepped = round(value / step) * step
    return min(max(stepped, lo), hi)


def amounts_with_total(
    rng: random.Random, n: int, total: int, lo: int, hi: int, step: int
) -> list[int]:
    """``n`` amounts in pence in [lo, hi] (multiples of ``step``) summing to exactly ``total``.

    Values are drawn around the target mean and the remaining difference is then shared out a
    step at a time over randomly chosen rows, never leaving the [lo, hi] band.
    """
    require(total % step == 0, f"total {total} is not a multiple of step {step}")
    require(lo * n <= total <= hi * n, f"total {total} cannot be made from {n} values")
    mean = total / n
    mode = int(min(max(3 * mean - lo - hi, lo), hi))
    values = [draw_amount(rng, lo, hi, mode, step) for _ in range(n)]
    diff = total - sum(values)
    while diff != 0:
        order = list(range(n))
        rng.shuffle(order)
        share = max(step, (abs(diff) // n) // step * step)
        moved = False
        for i in order:
            if diff == 0:
                break
            room = hi - values[i] if diff > 0 else values[i] - lo
            move = min(room, abs(diff), share) // step * step
            if move <= 0:
                continue
            values[i] += move if diff > 0 else -move
            diff += -move if diff > 0 else move
            moved = True
        require(moved, "could not reach the target total within the band")
    return values


def distinct_amounts_with_total(
    rng: random.Random, n: int, total: int, lo: int, hi: int, step: int
) -> list[int]:
    """As :func:`amounts_with_total` but with no two values equal (a top-N has no ties)."""
    for _ in range(200):
        values = amounts_with_total(rng, n, total, lo, hi, step)
        if len(set(values)) == n:
            return values
    raise FixtureDriftError("could not draw distinct values")


def distinct_amounts(
    rng: random.Random, n: int, lo: int, hi: int, mode: int, step: int
) -> list[int]:
    """``n`` different amounts in pence in [lo, hi]."""
    seen: set[int] = set()
    values: list[int] = []
    while len(values) < n:
        value = draw_amount(rng, lo, hi, mode, step)
        if value not in seen:
            seen.add(value)
            values.append(value)
    return values


def random_date(rng: random.Random, lo: date, hi: date, recent: bool = False) -> date:
    """A date in [lo, hi]; ``recent`` skews towards ``hi`` (most children entered care lately)."""
    span = (hi - lo).days
    offset = round(rng.triangular(0, span, span)) if recent else rng.randint(0, span)
    return lo + timedelta(days=offset)


def ended_between(
    rng: random.Random, start_lo: date, end_lo: date, end_hi: date
) -> tuple[date, date]:
    """A (start, end) pair with end in [end_lo, end_hi] and start at least a fortnight before."""
    end = random_date(rng, end_lo, end_hi)
    start = random_date(rng, start_lo, min(end - timedelta(days=14), end_lo - timedelta(days=1)))
    return start, end


class ProviderPicker:
    """Chooses a named provider (with its provider type) by weight."""

    def __init__(self, rng: random.Random, providers: Sequence[tuple[str, str, int]]) -> None:
        self._rng = rng
        self._providers = providers

    def __call__(self) -> tuple[str, str]:
        """Return (provider_type, provider)."""
        weights = [w for _, _, w in self._providers]
        name, kind, _ = self._rng.choices(list(self._providers), weights=weights)[0]
        return kind, name


# --------------------------------------------------------------------------------------------
# Writing and checking
# --------------------------------------------------------------------------------------------


def money(pence: int) -> str:
    """Pence to a plain pounds string with 2 dp ("3303.00")."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}{whole}.{part:02d}"


def placements_frame(prefix: str, placements: list[Placement]) -> pd.DataFrame:
    """Canonical placements table; references numbered in order of start date."""
    for i, placement in enumerate(placements):
        placement.order = i
    ordered = sorted(placements, key=lambda p: (p.start, p.order))
    rows = []
    for number, p in enumerate(ordered, start=1):
        require(p.end is None or p.end >= p.start, f"{prefix} placement ends before it starts")
        rows.append(
            {
                "reference": f"{prefix}-{number:04d}",
                "placement_type": p.placement_type,
                "provider_type": p.provider_type,
                "provider": p.provider or "",
                "start_date": p.start.isoformat(),
                "end_date": p.end.isoformat() if p.end else "",
                "weekly_cost": money(p.weekly),
                "health_contribution": money(p.health),
                "education_contribution": money(p.education),
            }
        )
    return pd.DataFrame(rows, columns=PLACEMENT_COLUMNS)


def csv_text(frame: pd.DataFrame) -> str:
    """The exact text written for a table: UTF-8, "\\n" line endings, no index."""
    text: str = frame.to_csv(index=False, lineterminator="\n")
    return text


def read_back(text: str) -> pd.DataFrame:
    """Parse CSV text the way a tester would, with dates as dates."""
    frame = pd.read_csv(io.StringIO(text))
    for column in ("start_date", "end_date"):
        if column in frame.columns:
            frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    return frame


def active_on(placements: pd.DataFrame, day: str) -> pd.DataFrame:
    """Placements active on ``day`` (docs/architecture.md: start <= d <= end or no end)."""
    d = pd.Timestamp(day)
    mask = (placements["start_date"] <= d) & (
        placements["end_date"].isna() | (placements["end_date"] >= d)
    )
    return placements[mask]


def pence_sum(series: pd.Series) -> int:
    """Sum of a money column, in whole pence (exact whatever the float rounding)."""
    return int(sum(round(float(v) * 100) for v in series.dropna()))


# --------------------------------------------------------------------------------------------
# Rotherham 2010
# --------------------------------------------------------------------------------------------

ROTHERHAM_IFAS = [
    ("Kestrel Fostering Ltd", "private", 6),
    ("Calderwood Family Placements", "private", 5),
    ("Brightwater Foster Care", "private", 4),
    ("Pennyfield Fostering Services", "private", 3),
    ("Wharfedale Fostering Trust", "voluntary", 3),
    ("St Aidan's Family Care", "voluntary", 2),
]
ROTHERHAM_HOMES = [
    ("Greystone Children's Homes", "private", 4),
    ("Ashcombe Care Ltd", "private", 3),
    ("Larkhill Residential Care", "private", 3),
    ("Hawthorn Lodge Trust", "voluntary", 2),
    ("Moorside Children's Charity", "voluntary", 1),
]


def build_rotherham() -> dict[str, pd.DataFrame]:
    """Rotherham, data as at 31 August 2010 (financial year 2010/11)."""
    rng = random.Random(2010)
    as_at = date(2010, 8, 31)
    window_start = date(2010, 4, 1)
    ifa = ProviderPicker(rng, ROTHERHAM_IFAS)
    home = ProviderPicker(rng, ROTHERHAM_HOMES)
    rows: list[Placement] = []

    def external(kind: str, count: int, starters: int, weekly: list[int]) -> None:
        """Active external placements; ``starters`` of them began in the April-August window."""
        pick = ifa if kind == "ifa" else home
        for i in range(count):
            if i < starters:
                start = random_date(rng, window_start, as_at)
            else:
                start = random_date(rng, date(2004, 6, 1), window_start - timedelta(days=1), True)
            provider_type, provider = pick()
            rows.append(Placement(kind, provider_type, provider, start, None, weekly[i]))

    # Seed section 8: 26 residential at an average of £3,303 and 106 IFA at £875 a week.
    residential = amounts_with_total(rng, 26, 26 * pounds(3303), pounds(2400), pounds(5500), 100)
    fostering = amounts_with_total(rng, 106, 106 * pounds(875), pounds(700), pounds(1150), 100)
    # Seed section 7: 27 young people newly placed externally between April and August.
    external("residential", 26, 7, residential)
    external("ifa", 106, 20, fostering)

    def ended_external(kind: str, count: int, end_lo: date, end_hi: date) -> None:
        pick = ifa if kind == "ifa" else home
        lo, hi, mode = (
            (pounds(700), pounds(1150), pounds(820))
            if kind == "ifa"
            else (pounds(2400), pounds(5500), pounds(2900))
        )
        for _ in range(count):
            start, end = ended_between(rng, date(2005, 1, 1), end_lo, end_hi)
            provider_type, provider = pick()
            weekly = draw_amount(rng, lo, hi, mode, 100)
            rows.append(Placement(kind, provider_type, provider, start, end, weekly))

    # Seed section 7: 31 young people left external placements between April and August.
    # Their last day is before 31 August so that none of them is still active on that date.
    ended_external("residential", 9, window_start, as_at - timedelta(days=1))
    ended_external("ifa", 22, window_start, as_at - timedelta(days=1))
    # Earlier history (2009/10) so the table is not only the current cohort.
    ended_external("residential", 14, date(2009, 4, 1), window_start - timedelta(days=1))
    ended_external("ifa", 38, date(2009, 4, 1), window_start - timedelta(days=1))

    def in_house(kind: str, active: int, started: int, ended: int, lo: int, hi: int) -> None:
        """Council carers: allowances in pence, no named provider."""
        mode = (lo + hi) // 2
        for i in range(active):
            start = (
                random_date(rng, window_start, as_at)
                if i < started
                else random_date(rng, date(2002, 9, 1), window_start - timedelta(days=1), True)
            )
            weekly = draw_amount(rng, lo, hi, mode, 1)
            rows.append(Placement(kind, "in_house", None, start, None, weekly))
        for _ in range(ended):
            last_day = as_at - timedelta(days=1)
            start, end = ended_between(rng, date(2004, 1, 1), date(2009, 4, 1), last_day)
            weekly = draw_amount(rng, lo, hi, mode, 1)
            rows.append(Placement(kind, "in_house", None, start, end, weekly))

    in_house("in_house_fostering", 182, 16, 37, pounds(200), pounds(450))
    in_house("kinship", 34, 4, 6, pounds(150), pounds(300))

    placements = placements_frame("ROT", rows)

    savings = pd.DataFrame(
        [
            # Seed section 7: "savings of £47,739 since June" and "£24,000 of savings".
            [
                "Commissioning",
                "Challenge to providers' quoted prices",
                money(pounds(50000)),
                money(pounds(47739)),
                "",
                "on_track",
                "2010/11",
            ],
            [
                "Commissioning",
                "Supplier discount agreements",
                money(pounds(60000)),
                money(pounds(24000)),
                "",
                "on_track",
                "2010/11",
            ],
        ],
        columns=SAVINGS_COLUMNS,
    )
    budget = pd.DataFrame(
        [
            # 2009/10 split invented; the combined overspend is the seed's £3,560,031.
            [
                "Independent fostering placements",
                "2009/10",
                money(pounds(2905000)),
                money(pounds(4812417)),
            ],
            [
                "Independent residential placements",
                "2009/10",
                money(pounds(2380000)),
                money(pounds(4032614)),
            ],
            # 2010/11: all six figures are the seed's own (section 8).
            [
                "Independent fostering placements",
                "2010/11",
                money(pounds(3030748)),
                money(pounds(4463416)),
            ],
            [
                "Independent residential placements",
                "2010/11",
                money(pounds(2457373)),
                money(pounds(3836120)),
            ],
            [
                "In-house fostering placements",
                "2010/11",
                money(pounds(1960000)),
                money(pounds(2040174)),
            ],
        ],
        columns=BASE_BUDGET_COLUMNS,
    )
    budget.insert(1, "group", [_budget_group(line) for line in budget["line"]])
    return {"placements": placements, "savings": savings, "budget": budget}


def check_rotherham(tables: dict[str, pd.DataFrame]) -> None:
    """The seed's figures, recomputed from the written text."""
    p = tables["placements"]
    active = active_on(p, "2010-08-31")
    for kind, count, average in (("residential", 26, 3303), ("ifa", 106, 875)):
        rows = active[active["placement_type"] == kind]
        require(len(rows) == count, f"Rotherham: {len(rows)} active {kind}, want {count}")
        require(
            pence_sum(rows["weekly_cost"]) == count * pounds(average),
            f"Rotherham: {kind} weekly total is not {count} x £{average}",
        )
        require(
            set(rows["provider_type"]) <= {"private", "voluntary"},
            f"Rotherham: {kind} must be independent",
        )
    ext = p[p["placement_type"].isin(EXTERNAL_TYPES)]
    lo, hi = pd.Timestamp("2010-04-01"), pd.Timestamp("2010-08-31")
    left = ext[(ext["end_date"] >= lo) & (ext["end_date"] <= hi)]
    started = ext[(ext["start_date"] >= lo) & (ext["start_date"] <= hi)]
    require(len(left) == 31, f"Rotherham: {len(left)} left external placements, want 31")
    require(len(started) == 27, f"Rotherham: {len(started)} started external, want 27")
    require(p["end_date"].max() < hi, "Rotherham: an end date is not before 31 August 2010")

    b = tables["budget"]
    b = b.assign(variance=b["projected_spend"] - b["budget"])
    by_year = b.groupby("period")["variance"].apply(pence_sum)
    require(by_year["2009/10"] == pounds(3560031), "Rotherham: 2009/10 overspend drifted")
    current = b[(b["period"] == "2010/11") & b["line"].str.startswith("Independent")]
    require(pence_sum(current["variance"]) == pounds(2811415), "Rotherham: 2010/11 variance")

    s = tables["savings"]
    require(pence_sum(s["achieved"]) == pounds(47739 + 24000), "Rotherham: savings achieved")


# --------------------------------------------------------------------------------------------
# Harrow 2016
# --------------------------------------------------------------------------------------------

HARROW_IFAS = [
    ("Thameside Fostering Ltd", "private", 5),
    ("Northgate Foster Care", "private", 4),
    ("Harbour Family Placements", "private", 3),
    ("Chiltern Children's Fostering Society", "voluntary", 2),
]
HARROW_HOMES = [
    ("Meadowbank Care Group", "private", 5),
    ("Orchard House Care Ltd", "private", 4),
    ("Beacon Hill Residential", "private", 3),
    ("Willowbrook Children's Trust", "voluntary", 2),
]
HARROW_SECURE = [
    ("Eastcliffe Secure Children's Home", "other_la", 1),
    ("Kingsmoor Secure Unit", "other_la", 1),
]
HARROW_SUPPORTED = [
    ("Step Ahead Supported Living", "private", 3),
    ("Bridgeway Housing Support", "voluntary", 2),
    ("Lanterns Semi-Independent Services", "private", 2),
]


def build_harrow() -> dict[str, pd.DataFrame]:
    """Harrow, placements as at 30 June 2016 (end of 2016/17 Q1), and a second quarter."""
    rng = random.Random(2016)
    as_at = date(2016, 6, 30)
    q1_start = date(2016, 4, 1)
    pickers: dict[str, Callable[[], tuple[str, str]]] = {
        "ifa": ProviderPicker(rng, HARROW_IFAS),
        "residential": ProviderPicker(rng, HARROW_HOMES),
        "secure": ProviderPicker(rng, HARROW_SECURE),
        "semi_independent": ProviderPicker(rng, HARROW_SUPPORTED),
    }
    rows: list[Placement] = []

    def provider_for(kind: str) -> tuple[str, str | None]:
        if kind in pickers:
            return pickers[kind]()
        return "in_house", None

    def active(kind: str, weekly: list[int], started_in_q1: int, earliest: date) -> None:
        for i, amount in enumerate(weekly):
            start = (
                random_date(rng, q1_start, as_at)
                if i < started_in_q1
                else random_date(rng, earliest, q1_start - timedelta(days=1), True)
            )
            provider_type, provider = provider_for(kind)
            rows.append(Placement(kind, provider_type, provider, start, None, amount))

    # Seed: panels review "the top 20 high cost placements", and the Q1 overspend comes from
    # more children in high-cost residential care, so 22 high-cost placements are active,
    # several of them new in Q1, with distinct costs so the top 20 has no tie at the cut.
    homes = distinct_amounts(rng, 20, pounds(3000), pounds(9000), pounds(4200), 100)
    secure = distinct_amounts(rng, 2, pounds(6800), pounds(9500), pounds(8500), 100)
    require(not set(homes) & set(secure), "Harrow: a secure cost equals a residential cost")
    first_high = len(rows)
    active("secure", secure, 1, date(2015, 10, 1))
    active("residential", homes, 6, date(2013, 9, 1))
    # Health funding for therapeutic input and education contributions on a few of them.
    high_rows = rows[first_high:]
    for placement in rng.sample(high_rows, 5):
        placement.health = draw_amount(rng, pounds(400), pounds(1800), pounds(750), 100)
    for placement in rng.sample(high_rows, 3):
        placement.education = draw_amount(rng, pounds(250), pounds(1200), pounds(500), 100)

    def amounts(n: int, lo: float, hi: float, mode: float, step: int) -> list[int]:
        return [draw_amount(rng, pounds(lo), pounds(hi), pounds(mode), step) for _ in range(n)]

    active("ifa", amounts(40, 720, 1150, 880, 100), 3, date(2010, 5, 1))
    active("in_house_fostering", amounts(46, 280, 520, 390, 1), 3, date(2008, 9, 1))
    active("kinship", amounts(12, 180, 350, 240, 1), 1, date(2011, 1, 1))
    active("semi_independent", amounts(16, 450, 2600, 900, 100), 2, date(2014, 9, 1))
    active("placed_with_parents", [0] * 4, 0, date(2015, 1, 1))

    ended_mix = {
        # kind: (ended in Q1, ended in 2015/16, lo, hi, mode, step)
        "residential": (3, 6, 3000, 5200, 3400, 100),
        "ifa": (6, 9, 720, 1150, 880, 100),
        "in_house_fostering": (4, 7, 280, 520, 390, 1),
        "semi_independent": (3, 4, 450, 1800, 800, 100),
        "kinship": (1, 2, 180, 350, 240, 1),
    }
    for kind, (in_q1, earlier, lo, hi, mode, step) in ended_mix.items():
        windows = [(q1_start, as_at - timedelta(days=1))] * in_q1 + [
            (date(2015, 4, 1), q1_start - timedelta(days=1))
        ] * earlier
        for end_lo, end_hi in windows:
            start, end = ended_between(rng, date(2011, 1, 1), end_lo, end_hi)
            provider_type, provider = provider_for(kind)
            weekly = draw_amount(rng, pounds(lo), pounds(hi), pounds(mode), step)
            rows.append(Placement(kind, provider_type, provider, start, end, weekly))

    # 2016/17 Q2 (July to September), for the quarterly build. Drawn after every Q1 row so
    # that those rows stay as they were: five placements active on 30 June end in Q2 (so the
    # Q1 figures are unchanged), and ten new placements start, one of which also ends in Q2.
    q2_start, q2_end = date(2016, 7, 1), date(2016, 9, 30)
    ongoing = [p for p in rows if p.end is None and p.start < q1_start]
    for placement in rng.sample(ongoing, 5):
        placement.end = random_date(rng, q2_start, q2_end)
    q2_starters = {
        # kind: (count, lo, hi, mode, step)
        "residential": (3, 3200, 5600, 4200, 100),
        "ifa": (4, 720, 1150, 880, 100),
        "in_house_fostering": (3, 280, 520, 390, 1),
    }
    for kind, (count, lo, hi, mode, step) in q2_starters.items():
        for i in range(count):
            start = random_date(rng, q2_start, q2_end - timedelta(days=14))
            ends = kind == "ifa" and i == 0
            left = random_date(rng, start + timedelta(days=14), q2_end) if ends else None
            provider_type, provider = provider_for(kind)
            weekly = draw_amount(rng, pounds(lo), pounds(hi), pounds(mode), step)
            rows.append(Placement(kind, provider_type, provider, start, left, weekly))

    placements = placements_frame("HAR", rows)
    period = "2016/17 Q1"
    q2 = "2016/17 Q2"
    savings = pd.DataFrame(
        [
            # Seed: £500k children's placements target; ~£437k achieved by three panels;
            # a notional £30k management action on three earmarked placements.
            [
                "Children's placements",
                "Placement challenge panels",
                money(pounds(470000)),
                money(pounds(437000)),
                money(pounds(462000)),
                "on_track",
                period,
            ],
            [
                "Children's placements",
                "Management action on three earmarked placements",
                money(pounds(30000)),
                money(0),
                money(pounds(30000)),
                "planned",
                period,
            ],
            # Seed: £200k leaving care target; housing benefit claims and move-on to more
            # independent living discussed at the care leavers' panel. Split invented.
            [
                "Leaving care placements",
                "Housing benefit claims for eligible care leavers",
                money(pounds(150000)),
                money(0),
                money(pounds(90000)),
                "at_risk",
                period,
            ],
            [
                "Leaving care placements",
                "Move-on to lower-cost supported accommodation",
                money(pounds(50000)),
                money(0),
                money(pounds(25000)),
                "at_risk",
                period,
            ],
            # Invented Q2 position (achieved to date, so cumulative): £525k achieved,
            # £88k more than at Q1.
            ["Children's placements", "Placement challenge panels", money(pounds(470000)),
             money(pounds(468000)), money(pounds(470000)), "on_track", q2],
            ["Children's placements", "Management action on three earmarked placements",
             money(pounds(30000)), money(pounds(12000)), money(pounds(30000)), "on_track", q2],
            ["Leaving care placements", "Housing benefit claims for eligible care leavers",
             money(pounds(150000)), money(pounds(35000)), money(pounds(90000)), "at_risk", q2],
            ["Leaving care placements", "Move-on to lower-cost supported accommodation",
             money(pounds(50000)), money(pounds(10000)), money(pounds(25000)), "at_risk", q2],
        ],
        columns=SAVINGS_COLUMNS,
    )
    budget = pd.DataFrame(
        [
            # Seed: Q1 overspend of £673k; the split and the budgets are invented.
            ["Children's placements", period, money(pounds(9340000)), money(pounds(9938000))],
            ["Leaving care placements", period, money(pounds(1870000)), money(pounds(1945000))],
            # Invented Q2: an overspend of £793k (£708k + £85k), up £120k on Q1.
            ["Children's placements", q2, money(pounds(9340000)), money(pounds(10048000))],
            ["Leaving care placements", q2, money(pounds(1870000)), money(pounds(1955000))],
        ],
        columns=BASE_BUDGET_COLUMNS,
    )
    budget.insert(1, "group", [_budget_group(line) for line in budget["line"]])
    return {"placements": placements, "savings": savings, "budget": budget}


def check_harrow(tables: dict[str, pd.DataFrame]) -> None:
    """The seed's figures, recomputed from the written text."""
    savings, b_all = tables["savings"], tables["budget"]
    s = savings[savings["period"] == "2016/17 Q1"]
    targets = s.groupby("area")["target"].apply(pence_sum)
    require(targets["Children's placements"] == pounds(500000), "Harrow: £500k target")
    require(targets["Leaving care placements"] == pounds(200000), "Harrow: £200k target")
    require(pence_sum(s["achieved"]) == pounds(437000), "Harrow: £437k achieved")
    b = b_all[b_all["period"] == "2016/17 Q1"]
    require(
        pence_sum(b["projected_spend"]) - pence_sum(b["budget"]) == pounds(673000),
        "Harrow: £673k overspend",
    )
    # The invented second quarter: the same measures and lines, overspend up £120k.
    s2 = savings[savings["period"] == "2016/17 Q2"]
    require(list(s2["measure"]) == list(s["measure"]), "Harrow: Q2 savings measures differ")
    require(pence_sum(s2["achieved"]) == pounds(525000), "Harrow: £525k achieved by Q2")
    b2 = b_all[b_all["period"] == "2016/17 Q2"]
    require(
        pence_sum(b2["projected_spend"]) - pence_sum(b2["budget"]) == pounds(793000),
        "Harrow: £793k overspend at Q2",
    )
    require(set(savings["period"]) | set(b_all["period"]) == {"2016/17 Q1", "2016/17 Q2"},
            "Harrow: periods other than 2016/17 Q1 and Q2")
    active = active_on(tables["placements"], "2016-06-30")
    require(len(active) == 140, f"Harrow: {len(active)} active placements, want 140")
    high = active[active["placement_type"].isin(["residential", "secure"])]
    high = high[high["weekly_cost"] >= 3000]
    require(len(high) >= 21, "Harrow: fewer than 21 high-cost placements")
    top = active["weekly_cost"].sort_values(ascending=False).head(21)
    require(top.is_unique, "Harrow: tie in the top 21 weekly costs")


# --------------------------------------------------------------------------------------------
# Herefordshire 2018
# --------------------------------------------------------------------------------------------

HEREFORDSHIRE_IFAS = [
    ("Border Hills Fostering", "private", 4),
    ("Wyeside Foster Care", "private", 4),
    ("Malvern View Family Placements", "private", 3),
    ("Golden Valley Fostering Trust", "voluntary", 2),
]
HEREFORDSHIRE_HOMES = [
    ("Copperbeech Care Ltd", "private", 4),
    ("Three Shires Residential", "private", 3),
    ("Kingfisher Children's Trust", "voluntary", 2),
]
HEREFORDSHIRE_SUPPORTED = [
    ("Bridgend Lodge Supported Living", "private", 2),
    ("Young Futures Housing Trust", "voluntary", 2),
]


def build_herefordshire() -> dict[str, pd.DataFrame]:
    """Herefordshire, looked-after children as at 30 September 2018 (2018/19)."""
    rng = random.Random(2018)
    as_at = date(2018, 9, 30)
    year_start = date(2018, 4, 1)
    pickers: dict[str, Callable[[], tuple[str, str]]] = {
        "ifa": ProviderPicker(rng, HEREFORDSHIRE_IFAS),
        "residential": ProviderPicker(rng, HEREFORDSHIRE_HOMES),
        "semi_independent": ProviderPicker(rng, HEREFORDSHIRE_SUPPORTED),
    }
    rows: list[Placement] = []

    def provider_for(kind: str) -> tuple[str, str | None]:
        if kind in pickers:
            return pickers[kind]()
        return "in_house", None

    def add_active(
        kind: str, weekly: list[int], started: int, earliest: date, provider_type: str | None = None
    ) -> None:
        for i, amount in enumerate(weekly):
            start = (
                random_date(rng, year_start, as_at)
                if i < started
                else random_date(rng, earliest, year_start - timedelta(days=1), True)
            )
            kind_type, provider = provider_for(kind)
            if provider_type is not None:
                kind_type, provider = provider_type, None
            rows.append(Placement(kind, kind_type, provider, start, None, amount))

    def amounts(n: int, lo: float, hi: float, mode: float, step: int) -> list[int]:
        return [draw_amount(rng, pounds(lo), pounds(hi), pounds(mode), step) for _ in range(n)]

    # Seed paragraph 15: an average cost of £51,000 a year for each looked-after child. With
    # 338 children that is 338 x 51,000 / 52 = £331,500 a week exactly; residential care
    # takes up whatever the other placements leave so the total is exact.
    children, weekly_total = 338, pounds(331500)
    add_active("in_house_fostering", amounts(126, 330, 560, 430, 1), 9, date(2008, 6, 1))
    add_active("kinship", amounts(58, 190, 380, 260, 1), 8, date(2011, 1, 1))
    add_active("ifa", amounts(72, 780, 1100, 920, 100), 5, date(2010, 3, 1))
    add_active("placed_with_parents", [0] * 16 + amounts(8, 45, 140, 80, 1), 4, date(2014, 1, 1))
    add_active("semi_independent", amounts(19, 550, 1900, 1000, 100), 3, date(2015, 6, 1))
    add_active("secure", [pounds(7450)], 1, year_start, provider_type="other_la")
    others = sum(p.weekly for p in rows)
    homes = children - len(rows)
    residential = amounts_with_total(
        rng, homes, weekly_total - others, pounds(2900), pounds(7800), 1
    )
    add_active("residential", residential[:-3], 3, date(2012, 1, 1))
    # Three children in another council's homes: no named independent provider.
    add_active("residential", residential[-3:], 0, date(2014, 1, 1), provider_type="other_la")

    # Children who left care or stepped down during the year (the strategy's outcomes) and
    # in 2017/18, so the table carries history; none of them is active on 30 September.
    ended_mix = {
        # kind: (ended Apr-Sep 2018, ended in 2017/18, lo, hi, mode, step)
        "in_house_fostering": (16, 14, 330, 560, 430, 1),
        "kinship": (5, 4, 190, 380, 260, 1),
        "ifa": (8, 7, 780, 1100, 920, 100),
        "residential": (6, 5, 2900, 6500, 3600, 100),
        "placed_with_parents": (9, 6, 0, 140, 0, 1),
        "semi_independent": (6, 6, 550, 1900, 1000, 100),
    }
    for kind, (this_year, last_year, lo, hi, mode, step) in ended_mix.items():
        windows = [(year_start, as_at - timedelta(days=1))] * this_year + [
            (date(2017, 4, 1), year_start - timedelta(days=1))
        ] * last_year
        for end_lo, end_hi in windows:
            start, end = ended_between(rng, date(2010, 1, 1), end_lo, end_hi)
            provider_type, provider = provider_for(kind)
            weekly = draw_amount(rng, pounds(lo), pounds(hi), pounds(mode), step)
            rows.append(Placement(kind, provider_type, provider, start, end, weekly))

    placements = placements_frame("HFD", rows)
    area, period = "Looked after children reduction", "2018/19"
    # Seed paragraph 11: achieved by measure (£000s) and the £500k target, which is projected
    # to be met by year end. Targets, forecasts and statuses by measure are invented.
    measures = [
        ("SGO", 60000, 12000, 30000, "at_risk"),
        ("Step down in placement to kinship", 90000, 79000, 95000, "on_track"),
        ("Reunification", 140000, 123000, 150000, "on_track"),
        ("Adoption", 110000, 95000, 115000, "on_track"),
        ("Other placement step downs", 100000, 75000, 110000, "on_track"),
    ]
    savings = pd.DataFrame(
        [
            [area, name, money(pounds(t)), money(pounds(a)), money(pounds(f)), status, period]
            for name, t, a, f, status in measures
        ],
        columns=SAVINGS_COLUMNS,
    )
    # Seed paragraph 12: projected spend much higher than budgeted. Figures invented, with the
    # projection close to the active placements' annualised cost (£331,500 x 52).
    budget = pd.DataFrame(
        [
            [
                "Looked after children placements",
                period,
                money(pounds(15300000)),
                money(pounds(17250000)),
            ]
        ],
        columns=BASE_BUDGET_COLUMNS,
    )
    budget.insert(1, "group", [_budget_group(line) for line in budget["line"]])
    return {"placements": placements, "savings": savings, "budget": budget}


def check_herefordshire(tables: dict[str, pd.DataFrame]) -> None:
    """The seed's figures, recomputed from the written text."""
    s = tables["savings"]
    require(pence_sum(s["achieved"]) == pounds(384000), "Herefordshire: £384k achieved")
    require(pence_sum(s["target"]) == pounds(500000), "Herefordshire: £500k target")
    require(pence_sum(s["forecast"]) == pounds(500000), "Herefordshire: £500k forecast")
    achieved = dict(zip(s["measure"], s["achieved"], strict=True))
    for measure, thousands in (
        ("SGO", 12),
        ("Step down in placement to kinship", 79),
        ("Reunification", 123),
        ("Adoption", 95),
        ("Other placement step downs", 75),
    ):
        require(achieved[measure] == thousands * 1000, f"Herefordshire: {measure}")
    active = active_on(tables["placements"], "2018-09-30")
    require(len(active) == 338, f"Herefordshire: {len(active)} active, want 338")
    total = pence_sum(active["weekly_cost"])
    require(total * WEEKS_PER_YEAR == 338 * pounds(51000), "Herefordshire: average £51,000")
    b = tables["budget"]
    require(pence_sum(b["projected_spend"]) > pence_sum(b["budget"]), "Herefordshire: no overspend")


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

BUILDERS: dict[
    str, tuple[Callable[[], dict[str, pd.DataFrame]], Callable[[dict[str, pd.DataFrame]], None]]
] = {
    ROTHERHAM: (build_rotherham, check_rotherham),
    HARROW: (build_harrow, check_harrow),
    HEREFORDSHIRE: (build_herefordshire, check_herefordshire),
}

# --------------------------------------------------------------------------------------------
# SSDA903: synthetic episodes, header and costs (no seed report: a realistic code mix)
# --------------------------------------------------------------------------------------------

SSDA903 = "ssda903-placements-2023"
INDICATORS = "indicators-corporate-parenting"
SSDA903_EXTRACT = date(2023, 12, 31)  # the episodes run to the end of 2023/24 Q3
EPISODE_COLUMNS = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                   "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
HEADER_COLUMNS = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
COST_COLUMNS = ["CHILD", "start_date", "weekly_cost", "health_contribution",
                "education_contribution", "provider", "renegotiated"]
# (PLACE, PLACE_PROVIDER, weight, weekly cost range £, needs a URN): a mix like the DfE's
# national figures (about 70% fostering, 15% with parents or in residential care).
SSDA903_MIX = [
    ("U6", "PR1", 22, (230, 420), False), ("U4", "PR1", 10, (250, 450), False),
    ("U6", "PR4", 16, (780, 1150), True), ("U4", "PR5", 5, (760, 1050), True),
    ("U3", "PR1", 10, (180, 300), False), ("U1", "PR1", 4, (180, 300), False),
    ("K2", "PR4", 14, (3600, 6800), True), ("K2", "PR1", 2, (2800, 4200), True),
    ("H5", "PR4", 12, (950, 2600), True), ("P1", "PR0", 6, (0, 0), False),
    ("A6", "PR1", 3, (0, 0), False), ("R1", "PR3", 1, (2200, 3000), False),
    ("S1", "PR4", 1, (4200, 5600), True), ("K1", "PR2", 1, (6500, 8200), True),
]
SSDA903_NO_COST = {"P1", "A3", "A4", "A5", "A6", "R5", "T0", "T1", "T2", "T3", "T4"}
SSDA903_LS = [("C2", 55), ("C1", 15), ("V2", 12), ("E1", 8), ("J2", 3), ("L2", 4), ("D1", 3)]
SSDA903_CIN = [("N1", 62), ("N4", 12), ("N2", 5), ("N5", 6), ("N6", 4), ("N8", 7), ("N3", 4)]
SSDA903_LEAVE = [("E11", 3), ("E12", 3), ("E13", 5), ("E17", 8), ("E4A", 20), ("E8", 12),
                 ("E41", 6), ("E45", 4), ("E2", 2)]
SSDA903_MOVE = [("CARPL", 20), ("CREQB", 10), ("LAREQ", 25), ("PLACE", 15), ("STAND", 10),
                ("CHILD", 10), ("OTHER", 10)]
SSDA903_PROVIDERS = ["Brookfield Fostering Ltd", "Orchard Care Homes", "Hillside Supported "
                     "Living", "Riverbank Children's Services", "Meadow Fostering Agency"]


def _weighted(rng: random.Random, options: Sequence[tuple]) -> tuple:
    return rng.choices(list(options), weights=[o[-1] if isinstance(o[-1], int) and len(o) == 2
                                               else o[2] for o in options])[0]


def _d903(day: date | None) -> str:
    return "" if day is None else day.strftime("%d/%m/%Y")


def build_ssda903() -> dict[str, pd.DataFrame]:
    """Episodes, header and costs of 420 invented children, seed 903, valid against the DfE's
    code lists with their dates (no P2 after 28/10/2023, a URN for every H5)."""
    rng = random.Random(903)
    children = rng.sample(range(100000, 999999), 420)
    episodes: list[dict[str, str]] = []
    header: list[dict[str, str]] = []
    costs: list[dict[str, str]] = []
    for number in children:
        child = f"{number}"
        born = date(2004, 6, 1) + timedelta(days=rng.randrange(0, 15 * 365))
        adult = date(born.year + 18, born.month, min(born.day, 28))
        header.append({"CHILD": child, "SEX": str(rng.choice((1, 2))), "DOB": _d903(born),
                       "ETHNIC": rng.choice(("WBRI", "WBRI", "WBRI", "MWBC", "AOTH", "BAFR")),
                       "UPN": "", "MOTHER": "", "MC_DOB": ""})
        earliest = max(born + timedelta(days=30), date(2019, 4, 1))
        if earliest >= SSDA903_EXTRACT - timedelta(days=20):
            continue
        start = random_date(rng, earliest, SSDA903_EXTRACT - timedelta(days=10), recent=True)
        ls = _weighted(rng, SSDA903_LS)[0]
        cin = _weighted(rng, SSDA903_CIN)[0]
        home = f"HR{rng.randint(1, 9)} {rng.randint(1, 9)}"
        rne = "S"
        leaves = rng.random() < 0.35
        moves = 0
        while True:
            age = (start - born).days // 365
            while True:
                place, provider, _, band, urn_needed = _weighted(rng, SSDA903_MIX)
                if place == "H5" and age < 16:
                    continue
                if place == "A6" and age > 8:
                    continue
                if place in ("K1", "K2", "R1", "S1") and age < 10:
                    continue
                break
            length = rng.randint(40, 700)
            end: date | None = start + timedelta(days=length)
            last = False
            if end is not None and end >= SSDA903_EXTRACT:
                end, last = None, True
            if adult <= start + timedelta(days=1):
                break
            forced = ""
            if adult < (end or SSDA903_EXTRACT):  # care ends at 18
                end, last, forced = adult, True, rng.choice(("E41", "E45", "E17", "E48"))
            urn = ""
            if urn_needed or place == "H5":
                urn = f"SC{rng.randint(100000, 999999)}" if place in ("K1", "K2", "H5", "S1") \
                    else f"{rng.randint(1000000, 1999999)}"
            reason = ""
            if end is None:
                rec = ""
            elif forced:
                rec = forced
            elif (leaves and moves >= 1) or (rng.random() < 0.12) or ls == "V2":
                rec, last = _weighted(rng, SSDA903_LEAVE)[0], True
            else:
                rec = "X1"
            # A second episode in the same placement (legal status change only) now and then.
            split = end is not None and rec == "X1" and rng.random() < 0.2 and length > 80
            pl_post = f"HR{rng.randint(1, 9)} {rng.randint(1, 9)}" if provider in ("PR0", "PR1") \
                else f"{rng.choice(('WR', 'GL', 'B', 'SY'))}{rng.randint(1, 9)} {rng.randint(1, 9)}"
            weekly = 0 if band == (0, 0) else rng.randrange(band[0], band[1] + 1, 5)
            if place not in SSDA903_NO_COST:
                external = provider in ("PR4", "PR5")
                health = rng.choice((0, 0, 0, 150, 300)) if place in ("K2", "S1") else 0
                education = rng.choice((0, 0, 250, 500)) if place in ("K2", "S1") else 0
                costs.append({
                    "CHILD": child, "start_date": start.isoformat(),
                    "weekly_cost": f"{weekly}.00", "health_contribution": f"{health}.00",
                    "education_contribution": f"{education}.00",
                    "provider": rng.choice(SSDA903_PROVIDERS) if external else "",
                    "renegotiated": "yes" if external and rng.random() < 0.25 else "no"})
            if split and end is not None:
                middle = start + timedelta(days=length // 2)
                episodes.append(_episode(child, start, rne, ls, cin, place, provider, middle,
                                         "X1", "", home, pl_post, urn))
                ls = "C2" if ls in ("V2", "E1", "J2", "L2", "D1") else ls
                rne, start = "L", middle
            episodes.append(_episode(child, start, rne, ls, cin, place, provider, end, rec,
                                     reason, home, pl_post, urn))
            if last or end is None:
                break
            # The next placement starts the day this one ends.
            moves += 1
            rne = rng.choice(("P", "P", "P", "T", "U"))
            if rne in ("T", "U"):
                ls = "C2" if ls != "C2" else "C1"
            episodes[-1]["REASON_PLACE_CHANGE"] = _weighted(rng, SSDA903_MOVE)[0]
            start = end
            if ls == "V2":
                ls = "C2"
    frames = {
        "episodes": pd.DataFrame(episodes, columns=EPISODE_COLUMNS),
        "header": pd.DataFrame(header, columns=HEADER_COLUMNS),
        "costs": pd.DataFrame(costs, columns=COST_COLUMNS),
    }
    return frames


def _episode(child: str, start: date, rne: str, ls: str, cin: str, place: str, provider: str,
             end: date | None, rec: str, reason: str, home: str, pl_post: str, urn: str
             ) -> dict[str, str]:
    # P2 (independent living) ended on 28 October 2023: an episode open after it is H5.
    if place == "P2" and (end is None or end > date(2023, 10, 28)):
        place = "H5"
    return {"CHILD": child, "DECOM": _d903(start), "RNE": rne, "LS": ls, "CIN": cin,
            "PLACE": place, "PLACE_PROVIDER": provider, "DEC": _d903(end), "REC": rec,
            "REASON_PLACE_CHANGE": reason, "HOME_POST": home, "PL_POST": pl_post, "URN": urn}


def check_ssda903(tables: dict[str, pd.DataFrame]) -> None:
    """The code mix is realistic and every rule the generator promises holds."""
    epi = tables["episodes"]
    places = epi["PLACE"].value_counts(normalize=True)
    foster = places[[c for c in places.index if c.startswith("U")]].sum()
    require(0.5 <= foster <= 0.85, f"ssda903: fostering share {foster:.2f} is not realistic")
    require(set(epi["RNE"]) <= {"S", "P", "T", "U", "L"}, "ssda903: unknown RNE")
    dec = pd.to_datetime(epi["DEC"], format="%d/%m/%Y")
    late = dec.isna() | (dec > pd.Timestamp("2023-10-28"))
    require(not (epi["PLACE"].eq("P2") & late).any(), "ssda903: P2 after 28 October 2023")
    require(not (epi["PLACE"].eq("H5") & epi["URN"].fillna("").eq("")).any(),
            "ssda903: H5 without a URN")
    require(epi["CHILD"].isin(tables["header"]["CHILD"]).all(), "ssda903: child not in header")
    require(len(tables["costs"]) > 100, "ssda903: too few costed placements")


# Indicators: a corporate parenting scorecard (invented figures; the LAC rates follow the
# shape of the DfE's published rates for a shire county and its statistical neighbours).
INDICATOR_COLUMNS = ["measure", "period", "area", "area_type", "value", "unit", "numerator",
                     "denominator", "target"]
LAC_RATE = "Looked after children per 10,000 children"
NET_FOSTER = "Foster carers net increase"
EXPECTED_FOSTER = "Foster carers expected to be approved"
STABILITY = "Children with three or more placements"


def build_indicators() -> dict[str, pd.DataFrame]:
    rows: list[dict[str, str]] = []

    def add(measure: str, period: str, area: str, area_type: str, value: str, unit: str,
            numerator: str = "", denominator: str = "", target: str = "") -> None:
        rows.append({"measure": measure, "period": period, "area": area,
                     "area_type": area_type, "value": value, "unit": unit,
                     "numerator": numerator, "denominator": denominator, "target": target})

    for period, council, england in (("as at 31 March 2015", "78.0", "60.0"),
                                     ("as at 31 March 2016", "82.0", "60.0")):
        add(LAC_RATE, period, "Herefordshire", "council", council, "rate per 10,000")
        add(LAC_RATE, period, "Statistical neighbours average", "statistical_neighbour",
            "56.3" if period.endswith("2015") else "57.1", "rate per 10,000")
        add(LAC_RATE, period, "England", "england", england, "rate per 10,000")
    for quarter, net, expected in (("2015/16 Q1", "3", "12"), ("2015/16 Q2", "5", "10"),
                                   ("2015/16 Q3", "9", "6")):
        add(NET_FOSTER, quarter, "Herefordshire", "council", net, "count", target="15")
        add(EXPECTED_FOSTER, quarter, "Herefordshire", "council", expected, "count")
    add(STABILITY, "2015/16 Q3", "Herefordshire", "council", "11.5", "percentage", "36", "313",
        "10.0")
    add(STABILITY, "2015/16 Q3", "England", "england", "10.0", "percentage")
    benchmarks = [
        {"measure": "Care leavers in education, employment or training (%)",
         "area": area, "area_type": kind, "value": value, "period": "2014/15"}
        for area, kind, value in (("Herefordshire", "council", "52.0"),
                                  ("Shropshire", "statistical_neighbour", "48.0"),
                                  ("Worcestershire", "statistical_neighbour", "50.5"),
                                  ("Wiltshire", "statistical_neighbour", "47.5"),
                                  ("England", "england", "49.0"))]
    return {"indicators": pd.DataFrame(rows, columns=INDICATOR_COLUMNS),
            "benchmarks": pd.DataFrame(benchmarks,
                                       columns=["measure", "area", "area_type", "value",
                                                "period"])}


def check_indicators(tables: dict[str, pd.DataFrame]) -> None:
    ind = tables["indicators"]
    require(ind["value"].str.contains(r"\.0$").any(), "indicators: no value written as N.0")
    net = ind[ind["measure"] == NET_FOSTER]
    require(list(net["period"]) == ["2015/16 Q1", "2015/16 Q2", "2015/16 Q3"],
            "indicators: foster carer quarters drifted")


EXTRA_FIXTURES: dict[str, tuple[Callable[[], dict[str, pd.DataFrame]],
                                Callable[[dict[str, pd.DataFrame]], None]]] = {
    SSDA903: (build_ssda903, check_ssda903),
    INDICATORS: (build_indicators, check_indicators),
}


def render_extra(name: str) -> dict[str, str]:
    """CSV text of each file of a fixture with no seed report, checked as it is written."""
    build, check = EXTRA_FIXTURES[name]
    texts = {kind: csv_text(frame) for kind, frame in build().items()}
    check({kind: pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False).replace(
        "", pd.NA) for kind, text in texts.items()})
    return texts

COLUMNS = {"placements": PLACEMENT_COLUMNS, "savings": SAVINGS_COLUMNS, "budget": BUDGET_COLUMNS}


def _budget_group(line: str) -> str:
    """Rotherham's "combined" overspend is of the two independent-sector lines only."""
    return "Independent placements" if line.startswith("Independent ") else ""


def render_fixture(name: str) -> dict[str, str]:
    """CSV text of each table of one fixture, checked against the seed before returning."""
    build, check = BUILDERS[name]
    texts = {kind: csv_text(frame) for kind, frame in build().items()}
    parsed = {kind: read_back(text) for kind, text in texts.items()}
    for kind, frame in parsed.items():
        require(list(frame.columns) == COLUMNS[kind], f"{name}/{kind}: columns drifted")
    refs = parsed["placements"]["reference"]
    require(refs.is_unique, f"{name}: duplicate references")
    check(parsed)
    return texts


def write_fixtures(root: Path) -> list[Path]:
    """Write every fixture's data/*.csv under ``root``; return the paths written."""
    written: list[Path] = []
    for name in BUILDERS:
        data_dir = root / name / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        for kind, text in render_fixture(name).items():
            path = data_dir / f"{kind}.csv"
            # newline="" so Python writes "\n" as is on every platform; utf-8 has no BOM.
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            written.append(path)
    for name in EXTRA_FIXTURES:
        data_dir = root / name / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        for kind, text in render_extra(name).items():
            path = data_dir / f"{kind}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    default_root = Path(__file__).resolve().parent.parent / "fixtures"
    parser.add_argument("--out", type=Path, default=default_root, help="fixtures directory")
    args = parser.parse_args(argv)
    try:
        paths = write_fixtures(args.out)
    except FixtureDriftError as exc:
        print(f"fixture data no longer matches its seed: {exc}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
