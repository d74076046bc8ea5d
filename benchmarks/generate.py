"""Generated placements for the scale benchmark, written to a temporary folder at run time.

The rows are invented but shaped like a council's SSDA903 extract: a placement-type mix close
to England's looked-after children (most in foster care, about one in nine in residential
care), log-normal weekly costs whose median and spread depend on the type, and start and end
dates spread over several years around the as-at date, so that a little over half the rows
are active on it. A fixed seed makes every run draw the same rows; nothing is committed.

    python benchmarks/generate.py 10000 /tmp/placements.csv
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parent.parent
LARGEST_FIXTURE = ROOT / "fixtures" / "rotherham-2010-commissioning"


@dataclass(frozen=True)
class TypeProfile:
    """How one placement type is drawn."""

    share: float  # of all placements
    median_weekly: float  # £ a week
    sigma: float  # log-normal spread
    providers: dict[str, float]  # provider type → share
    contribution_rate: float  # share of placements with a health/education contribution


# Shares follow the DfE's "Children looked after in England" placement mix (fostering about
# two thirds, a third of that with agencies; residential about 11%); costs follow the seeds.
PROFILES: dict[str, TypeProfile] = {
    "in_house_fostering": TypeProfile(0.30, 420.0, 0.30, {"in_house": 1.0}, 0.0),
    "ifa": TypeProfile(0.22, 880.0, 0.25, {"private": 0.8, "voluntary": 0.2}, 0.02),
    "kinship": TypeProfile(0.14, 260.0, 0.35, {"in_house": 1.0}, 0.0),
    "residential": TypeProfile(0.11, 4200.0, 0.45,
                               {"private": 0.78, "in_house": 0.15, "other_la": 0.04,
                                "voluntary": 0.03}, 0.25),
    "semi_independent": TypeProfile(0.08, 1100.0, 0.55, {"private": 0.7, "in_house": 0.3}, 0.05),
    "placed_with_parents": TypeProfile(0.07, 60.0, 0.6, {"in_house": 1.0}, 0.0),
    "secure": TypeProfile(0.005, 6800.0, 0.2, {"other_la": 0.6, "private": 0.4}, 0.5),
    "other": TypeProfile(0.075, 700.0, 0.6, {"private": 0.5, "in_house": 0.5}, 0.05),
}
PROVIDERS = {"private": ["Acorn Care", "Brookside Homes", "Northern Fostering", "Pathway Care"],
             "voluntary": ["Barnardo's", "Action for Children", "TACT"],
             "other_la": ["Sheffield City Council", "Doncaster Council"]}


def placements_frame(rows: int, as_at: date, seed: int = 903) -> pd.DataFrame:
    """``rows`` invented placements in the canonical column layout (costs to the penny)."""
    rng = np.random.default_rng(seed)
    names = list(PROFILES)
    shares = np.array([PROFILES[n].share for n in names])
    kind = rng.choice(len(names), size=rows, p=shares / shares.sum())
    median = np.array([PROFILES[n].median_weekly for n in names])[kind]
    sigma = np.array([PROFILES[n].sigma for n in names])[kind]
    weekly = np.round(median * np.exp(sigma * rng.standard_normal(rows)), 2)

    provider = np.empty(rows, dtype=object)
    provider_name = np.full(rows, "", dtype=object)
    contribution = np.zeros(rows)
    for i, name in enumerate(names):
        idx = np.flatnonzero(kind == i)
        profile = PROFILES[name]
        kinds = list(profile.providers)
        p = np.array([profile.providers[k] for k in kinds])
        chosen = rng.choice(len(kinds), size=idx.size, p=p / p.sum())
        for j, k in enumerate(kinds):
            sel = idx[chosen == j]
            provider[sel] = k
            if k in PROVIDERS:
                pool = np.array(PROVIDERS[k], dtype=object)
                provider_name[sel] = pool[rng.integers(0, len(pool), sel.size)]
        paid = idx[rng.random(idx.size) < profile.contribution_rate]
        contribution[paid] = np.round(weekly[paid] * rng.uniform(0.1, 0.4, paid.size), 2)

    # Starts over the five years before the as-at date and two months after it; lengths are
    # log-normal with a median of about three years (long-term fostering dominates), and
    # placements running past the extract's date are open.
    as_at_ts = pd.Timestamp(as_at)
    start_offset = rng.integers(-5 * 365, 60, rows)
    start = as_at_ts + pd.to_timedelta(start_offset, unit="D")
    length = np.maximum(1, np.round(1100 * np.exp(0.8 * rng.standard_normal(rows)))).astype(int)
    end = start + pd.to_timedelta(length, unit="D")
    cutoff = as_at_ts + pd.Timedelta(days=240)  # the extract's date: later ends are unknown
    ended = end <= cutoff

    order = np.argsort(start.values, kind="stable")
    health = np.round(contribution * 0.5, 2)
    frame = pd.DataFrame({
        "reference": [f"GEN-{i:06d}" for i in range(1, rows + 1)],
        "placement_type": np.array(names, dtype=object)[kind][order],
        "provider_type": provider[order],
        "provider": provider_name[order],
        "start_date": start.strftime("%Y-%m-%d")[order],
        "end_date": np.where(ended, end.strftime("%Y-%m-%d"), "")[order],
        "weekly_cost": weekly[order],
        "health_contribution": health[order],
        "education_contribution": np.round(contribution - health, 2)[order],
    })
    return frame


_GIVEN = ["Jayden", "Amelia", "Mohammed", "Olivia", "Leo", "Isla", "Noah", "Zofia", "Kwame",
          "Siobhan", "Aarav", "Megan", "Dylan", "Ffion", "Oscar", "Grace"]
_FAMILY = ["Smith", "Jones", "Khan", "Williams", "Brown", "Taylor", "Davies", "Evans", "Patel",
           "Nowak", "Okafor", "Murphy", "Hughes", "Wright", "Walker", "Begum"]


def children_frame(rows: int, seed: int = 24) -> pd.DataFrame:
    """``rows`` placements of invented children (reference, name, date of birth), a child
    placed about 1.4 times on average, for the identifier check: names drawn from common
    given and family names with a distinguishing number, so that hardly any two match."""
    rng = np.random.default_rng(seed)
    children = max(1, int(rows / 1.4))
    child = np.sort(rng.integers(0, children, rows))
    given = np.array(_GIVEN, dtype=object)[rng.integers(0, len(_GIVEN), children)]
    family = np.array(_FAMILY, dtype=object)[rng.integers(0, len(_FAMILY), children)]
    names = [f"{g}{i % 997} {f}{i}" for i, (g, f) in enumerate(zip(given, family, strict=True))]
    born = pd.Timestamp("2004-04-01") + pd.to_timedelta(rng.integers(0, 6500, children), "D")
    return pd.DataFrame({"reference": [f"GEN-{c:06d}" for c in child],
                         "child_name": np.array(names, dtype=object)[child],
                         "date_of_birth": born[child]})


def report_text(words: int, seed: int = 25) -> str:
    """About ``words`` words of committee-report prose (figures, dates, placement words)."""
    rng = np.random.default_rng(seed)
    vocab = ["the", "council", "placed", "children", "in", "residential", "care", "and",
             "foster", "care", "during", "the", "quarter", "costs", "rose", "by", "12%",
             "against", "a", "budget", "of", "£4.2m", "since", "1", "April", "2016", "while",
             "the", "panel", "agreed", "new", "placements", "with", "independent", "providers"]
    return " ".join(np.array(vocab, dtype=object)[rng.integers(0, len(vocab), words)]) + "."


def write_placements(path: Path, rows: int, as_at: date, seed: int = 903) -> Path:
    """Write ``rows`` generated placements as a UTF-8 CSV like the fixtures'."""
    placements_frame(rows, as_at, seed).to_csv(path, index=False, float_format="%.2f",
                                                lineterminator="\n")
    return path


def make_bundle(target: Path, rows: int, appendix_rows: int = 5000, top_rows: int = 20,
                fixture: Path = LARGEST_FIXTURE) -> Path:
    """Copy ``fixture`` to ``target`` with ``rows`` generated placements, a top-``top_rows``
    table in its report section and an appendix table of ``appendix_rows`` placements."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(fixture, target)
    yaml_path = target / "report.yaml"
    spec: dict[str, Any] = yaml.safe_load(yaml_path.read_text(encoding="utf-8"))
    as_at = spec["as_at"]
    if not isinstance(as_at, date):
        as_at = date.fromisoformat(str(as_at))
    write_placements(target / spec["data"]["placements"], rows, as_at)
    sections = spec["sections"]
    sections["report"] = (sections["report"].rstrip("\n")
                          + f"\n\n[table: high_cost_placements {top_rows}]\n")
    sections["background"] = ("The placements behind this report, costliest first:\n\n"
                              f"[table: high_cost_placements {appendix_rows}]\n")
    yaml_path.write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True),
                         encoding="utf-8")
    return target


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python benchmarks/generate.py ROWS OUT.csv", file=sys.stderr)
        return 2
    write_placements(Path(argv[1]), int(argv[0]), date(2010, 8, 31))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
