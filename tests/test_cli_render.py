"""`reportgen render` as a user meets it: exit codes, one-line errors, no partial output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli, main

from .helpers import FIXTURES, ROOT

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("REPORTGEN_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=120, check=False)


def test_render_writes_then_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    first = run("render", str(HARROW), "-o", str(out))
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"wrote {out}"
    before = out.read_bytes()
    out.write_bytes(b"officer's hand edits")
    again = run("render", str(HARROW), "-o", str(out))
    assert again.returncode == 2
    assert again.stderr.strip() == f"error: {out}: already exists: use --force to replace it"
    assert out.read_bytes() == b"officer's hand edits"
    forced = run("render", str(HARROW), "-o", str(out), "--force")
    assert forced.returncode == 0
    assert out.read_bytes() == before


def test_default_output_name_comes_from_the_bundle(tmp_path: Path) -> None:
    done = run("render", str(HARROW), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    name = "2016-10-25-corporate-parenting-panel-high-costs-placements-monitoring-update.docx"
    assert (tmp_path / name).is_file()


def test_bad_data_gives_one_line_and_no_output(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    placements = bundle / "data" / "placements.csv"
    lines = placements.read_text(encoding="utf-8").splitlines()
    cells = lines[3].split(",")
    cells[6] = "twelve"  # weekly_cost on spreadsheet row 4
    lines[3] = ",".join(cells)
    placements.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.docx"
    done = run("render", str(bundle), "-o", str(out))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert f"{placements}, row 4, column 'weekly_cost'" in done.stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".out.docx.*"))


def test_missing_output_folder_and_wrong_suffix(tmp_path: Path) -> None:
    done = run("render", str(HARROW), "-o", str(tmp_path / "nope" / "r.docx"))
    assert done.returncode == 2 and "does not exist" in done.stderr
    done = run("render", str(HARROW), "-o", str(tmp_path / "r.pdf"))
    assert done.returncode == 2 and "must end in .docx" in done.stderr


def test_pdf_without_libreoffice_says_how_to_install(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice here
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["render", str(HARROW), "-o", "r.docx", "--pdf"],
                           standalone_mode=False)
    assert "soffice" in str(result.exception) and "apt-get install" in str(result.exception)
    assert not (tmp_path / "r.docx").exists()


def test_help_and_version() -> None:
    assert run("--version").stdout.startswith("reportgen, version ")
    for command in ("render", "styles"):
        done = run(command, "--help")
        assert done.returncode == 0 and "Usage: reportgen" in done.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = ("import sys; from reportgen.cli import main; sys.argv=['reportgen','--help'];\n"
            "try:\n main()\nexcept SystemExit: pass\n"
            "heavy = ('pandas', 'docx', 'matplotlib', 'docxtpl')\n"
            "print(sorted(m for m in heavy if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert main is not None
