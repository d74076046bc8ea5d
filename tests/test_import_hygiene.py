"""What each way in imports: start-up cost is most of a render (docs/performance.md).

Each case runs in a fresh interpreter and reads ``sys.modules`` at the end; nothing is timed
(the machine may be loaded), so each test fails only when a heavy library is imported on a path
that has no use for it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

#: Libraries the command line itself must not load: --help and the import of the CLI.
HEAVY = ("pandas", "numpy", "docx", "docxtpl", "docxcompose", "jinja2", "pydantic", "lxml",
         "yaml", "pptx", "xlsxwriter", "PIL", "holidays", "markdown_it", "icu", "pandera",
         "openpyxl", "babel", "matplotlib", "ruamel", "pikepdf")
#: Never needed to render a bundle whose data are valid.
NEVER_FOR_A_RENDER = ("pandera", "openpyxl", "matplotlib", "ruamel", "pikepdf")
#: Needed only by a report with a chart.
CHART_ONLY = ("pptx", "xlsxwriter", "PIL")


def loaded_after(code: str, tmp_path: Path) -> set[str]:
    """The top-level packages in ``sys.modules`` after ``code`` runs in a new interpreter."""
    probe = (f"{code}\nimport json, sys\n"
             "print('MODULES=' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env.setdefault("SOURCE_DATE_EPOCH", "1286150400")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=tmp_path, env=env, timeout=600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("MODULES=")]
    assert lines, f"the probe printed nothing:\n{done.stdout}\n{done.stderr}"
    return set(json.loads(lines[-1].removeprefix("MODULES=")))


def run_cli(args: list[str]) -> str:
    return ("import sys\nfrom reportgen.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit as exc:\n"
            "    assert not exc.code, exc.code\n")


def test_importing_the_cli_loads_no_heavy_library(tmp_path: Path) -> None:
    assert loaded_after("import reportgen.cli", tmp_path) & set(HEAVY) == set()


@pytest.mark.parametrize("args", [["--help"], ["render", "--help"], ["check", "--help"],
                                  ["pack", "--help"], ["build", "--help"]])
def test_help_loads_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    assert loaded_after(run_cli(args), tmp_path) & set(HEAVY) == set()


def test_formatting_loads_neither_pandas_nor_babel(tmp_path: Path) -> None:
    loaded = loaded_after("import reportgen.formatting", tmp_path)
    assert loaded & {"pandas", "numpy", "babel"} == set()


def _chart_and_plain_bundles() -> tuple[Path, Path]:
    """A bundle whose report has a chart and one whose report has none, by their text."""
    with_chart = without = None
    for bundle in sorted(p.parent for p in FIXTURES.glob("*/report.yaml")):
        text = "\n".join(f.read_text(encoding="utf-8", errors="replace")
                         for f in (bundle / "report.yaml", *bundle.rglob("*.md")))
        if "chart" in text:
            with_chart = with_chart or bundle
        else:
            without = without or bundle
    assert with_chart and without
    return with_chart, without


def test_a_render_loads_the_chart_writers_only_for_a_chart(tmp_path: Path) -> None:
    with_chart, without = _chart_and_plain_bundles()
    plain = loaded_after(run_cli(["render", str(without), "-o", "plain.docx"]), tmp_path)
    assert plain & set(CHART_ONLY + NEVER_FOR_A_RENDER) == set()
    charted = loaded_after(run_cli(["render", str(with_chart), "-o", "chart.docx"]), tmp_path)
    assert "pptx" in charted  # the probe sees a chart bundle's writers
    assert charted & set(NEVER_FOR_A_RENDER) == set()
    # python-pptx's chart writers without its presentation API, which brings Pillow.
    assert "PIL" not in charted
