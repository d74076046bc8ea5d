"""Agenda-pack assembly speed: the naive docxcompose loop against reportgen's composer.

    PYTHONPATH=. python benchmarks/pack_bench.py [--sizes 30 100] [--repeat 1]

The three fixture reports are rendered once; a pack of N reports appends them in turn to a
front sheet (rendering is the same for both methods and is left out of the timings). "naive" is
``Composer(master).append(Document(...))`` for each report, then saving; "ours" is
:func:`reportgen.pack.compose` (each report on a new page with its bookmark) and saving. Both
are measured in the same run, as the best CPU time (``time.process_time``) of ``--repeat``
runs. Targets (issue 5): ours at 100 reports at least 2x faster than
naive at 100, and ours at 100 no more than 3.5 x ours at 30 (linear growth).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from reportgen.pack import compose, compose_naive  # noqa: E402
from reportgen.pipeline import load_report, render  # noqa: E402
from reportgen.styles import resolve_style  # noqa: E402

FIXTURES = ("harrow-2016-high-cost-placements", "rotherham-2010-commissioning",
            "herefordshire-2018-lac-cost-reduction")


def rendered_reports() -> list[bytes]:
    return [render(load_report(ROOT / "fixtures" / name)).docx for name in FIXTURES]


def _master() -> object:
    return Document(str(resolve_style("cover-sheet").template))


def naive(docs: list[bytes]) -> bytes:
    master = compose_naive(_master(), docs)  # type: ignore[arg-type]
    out = io.BytesIO()
    master.save(out)
    return out.getvalue()


def ours(docs: list[bytes]) -> bytes:
    master = compose(_master(), [(f"_AgendaItem{i}", d) for i, d in enumerate(docs, 1)])  # type: ignore[arg-type]
    out = io.BytesIO()
    master.save(out)
    return out.getvalue()


def timed(fn: Callable[[list[bytes]], bytes], docs: list[bytes], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        # CPU time, not wall-clock: on a shared machine other processes' load would otherwise
        # swamp the comparison.
        start = time.process_time()
        fn(docs)
        best = min(best, time.process_time() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(30, 100),
                        metavar=("SMALL", "LARGE"))
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    small, large = args.sizes
    reports = rendered_reports()
    packs = {n: [reports[i % len(reports)] for i in range(n)] for n in (small, large)}
    results = {}
    for name, fn in (("naive", naive), ("ours", ours)):
        for n in (small, large):
            seconds = timed(fn, packs[n], args.repeat)
            results[name, n] = seconds
            print(f"{name:5} {n:4d} reports: {seconds:7.2f} s  "
                  f"({1000 * seconds / n:5.1f} ms a report)")
    speedup = results["naive", large] / results["ours", large]
    growth = results["ours", large] / results["ours", small]
    ok_speed = speedup >= 2.0
    ok_growth = growth <= 3.5
    print(f"speed-up at {large}: {speedup:.2f}x (target >= 2.0x) {'ok' if ok_speed else 'MISSED'}")
    verdict = "ok" if ok_growth else "MISSED"
    print(f"growth {small}->{large}: {growth:.2f}x (target <= 3.5x) {verdict}")
    return 0 if ok_speed and ok_growth else 1


if __name__ == "__main__":
    sys.exit(main())
