"""`reportgen render` as a user meets it: exit codes, one-line errors, no partial output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
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


# --- outputs that cannot destroy anything ----------------------------------------------------


def _main(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code) if isinstance(exc.code, int) else 1
    return code, capsys.readouterr().err


def _template(path: Path) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ report.title }}")
    doc.save(str(path))
    return path.read_bytes()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_force_never_writes_over_the_template_even_through_a_symlink(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "house.docx"
    before = _template(template)
    link = tmp_path / "report.docx"
    link.symlink_to(template)
    code, err = _main(["render", str(HARROW), "--style", str(template), "-o", str(link),
                       "--force"], capsys)
    assert code == 2
    assert err.strip() == (f"error: {link}: is an input of this run ({template}): write the "
                           "output somewhere else")
    assert template.read_bytes() == before and link.is_symlink()


def test_an_existing_pdf_is_refused_before_any_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import reportgen.pdf
    import reportgen.pipeline

    monkeypatch.setattr(reportgen.pdf, "find_soffice", lambda: "soffice")

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the bundle was read before the outputs were checked")

    monkeypatch.setattr(reportgen.pipeline, "load_report", no_work)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF last week's")
    code, err = _main(["render", str(HARROW), "-o", str(tmp_path / "report.docx"), "--pdf"],
                      capsys)
    assert code == 2
    assert err.strip() == f"error: {pdf}: already exists: use --force to replace it"
    assert pdf.read_bytes() == b"%PDF last week's"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_a_failed_pdf_leaves_the_old_docx_and_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import reportgen.api
    import reportgen.pdf
    from reportgen.errors import ReportgenError

    monkeypatch.setattr(reportgen.pdf, "find_soffice", lambda: "soffice")

    def conversion_fails(docx: bytes, name: str) -> bytes:
        raise ReportgenError("LibreOffice could not convert the document: crashed")

    monkeypatch.setattr(reportgen.api, "pdf_bytes", conversion_fails)
    out, pdf = tmp_path / "report.docx", tmp_path / "report.pdf"
    out.write_bytes(b"PK old report")
    pdf.write_bytes(b"%PDF old report")
    code, err = _main(["render", str(HARROW), "-o", str(out), "--pdf", "--force"], capsys)
    assert code == 2, err
    assert err.strip().endswith("LibreOffice could not convert the document: crashed")
    # The .docx and its PDF are one set: the new report was not written without its PDF.
    assert out.read_bytes() == b"PK old report"
    assert pdf.read_bytes() == b"%PDF old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx", "report.pdf"]
