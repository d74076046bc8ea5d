"""``reportgen serve`` start-up: from launching the command to the first page served, against
a plain ``reportgen render --html`` of the same bundle (issue 28 asks for at most 1.5 times).

    python benchmarks/serve_startup.py [BUNDLE] [--repeats N]

Both are whole processes (interpreter start, imports, load, render, check, the web page);
serve also makes the findings and names panels and opens its socket. They are timed
alternately, so that a busy machine slows both alike; the medians and their ratio are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "fixtures" / "harrow-2016-high-cost-placements"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def time_render(bundle: Path) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "render", str(bundle), "-o",
                        str(Path(tmp, "report.docx")), "--html"], check=True, env=ENV,
                       capture_output=True)
        return time.perf_counter() - start


def time_serve(bundle: Path) -> float:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", str(bundle),
                                "--port", "0"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=ENV)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if match is None:
            raise SystemExit(f"serve did not start: {line!r}")
        with urllib.request.urlopen(match.group(0), timeout=120) as response:
            response.read()
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    renders, serves = [], []
    for _ in range(args.repeats):
        renders.append(time_render(args.bundle))
        serves.append(time_serve(args.bundle))
    render, serve = statistics.median(renders), statistics.median(serves)
    print(f"render --html: {render:.2f} s (median of {args.repeats})")
    print(f"serve, to the first page: {serve:.2f} s (median of {args.repeats})")
    print(f"ratio: {serve / render:.2f} (target: at most 1.5)")


if __name__ == "__main__":
    main()
