"""The performance suite runs end to end and prints every figure (no timing assertions:
timings depend on the machine; docs/performance.md quotes a real run)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(RUN), "--quick"], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=600, check=False)


def test_quick_run_succeeds(quick_run: subprocess.CompletedProcess[str]) -> None:
    assert quick_run.returncode == 0, quick_run.stderr


def test_every_figure_is_printed(quick_run: subprocess.CompletedProcess[str]) -> None:
    sys.path.insert(0, str(RUN.parent))
    from run import FIGURE_NAMES

    printed = {line.split()[0] for line in quick_run.stdout.splitlines() if line.strip()}
    expected = {n for n in FIGURE_NAMES if not n.startswith("packs")}
    assert expected <= printed, expected - printed
    # Packs come from pack_bench.py: either its figures or the one "packs" skip line.
    assert any(name.startswith("packs") for name in printed)


def test_every_figure_has_a_result(quick_run: subprocess.CompletedProcess[str]) -> None:
    lines = [line for line in quick_run.stdout.splitlines()
             if line.split() and line.split()[0] in _names()]
    assert lines
    for line in lines:
        assert any(word in line.split() for word in ("PASS", "FAIL", "INFO")), line
    assert "figures in" in quick_run.stdout.splitlines()[-1]


def _names() -> set[str]:
    sys.path.insert(0, str(RUN.parent))
    from run import FIGURE_NAMES

    return set(FIGURE_NAMES) | {"packs"}


def test_generated_placements_are_realistic() -> None:
    sys.path.insert(0, str(RUN.parent))
    from datetime import date

    import pandas as pd
    from generate import placements_frame

    frame = placements_frame(20_000, date(2010, 8, 31))
    assert len(frame) == 20_000 and frame["reference"].is_unique
    shares = frame["placement_type"].value_counts(normalize=True)
    assert 0.27 < shares["in_house_fostering"] < 0.33  # drawn at 30%
    assert 0.09 < shares["residential"] < 0.13  # drawn at 11%
    medians = frame.groupby("placement_type")["weekly_cost"].median()
    assert 3500 < medians["residential"] < 5000  # log-normal, median £4,200
    assert medians["residential"] > medians["ifa"] > medians["in_house_fostering"]
    start = pd.to_datetime(frame["start_date"])
    end = pd.to_datetime(frame["end_date"].replace("", None))
    assert (end.dropna() >= start[end.notna()]).all()
    as_at = pd.Timestamp("2010-08-31")
    active = ((start <= as_at) & (end.isna() | (end >= as_at))).mean()
    assert 0.5 < active < 0.7  # enough active rows for a 5,000-row appendix at 10,000
