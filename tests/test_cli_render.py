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


# --- the Click edge and --format json ----------------------------------------------------------

ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"


def test_render_json_lists_the_findings_and_the_files_written(tmp_path: Path) -> None:
    import json

    # Rotherham without its publication date: a warning (dates.publication-date-unset).
    bundle = tmp_path / "b"
    shutil.copytree(ROTHERHAM, bundle)
    yaml_path = bundle / "report.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace(
        "  publication_date: 2010-10-06\n", ""), encoding="utf-8")
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(cli, ["render", str(bundle), "-o", str(out),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["command"], data["source"], data["exit_code"]) == ("render", str(bundle), 0)
    assert data["written"] == [str(out)] and out.is_file()
    assert data["errors"] == 0 and data["warnings"] == len(data["findings"]) == 1
    assert {f["rule"] for f in data["findings"]} == {"dates.publication-date-unset"}
    assert data["error"] is None and data["failures"] == []
    assert result.stderr == ""  # the warnings are in the JSON, not also on stderr


def test_render_json_when_the_checks_fail(tmp_path: Path) -> None:
    import json

    bundle = tmp_path / "b"
    shutil.copytree(ROTHERHAM, bundle)
    yaml_path = bundle / "report.yaml"
    expression = "{{ budget.groups['Independent placements'].variance | money }}"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace(expression, "£2,786,300"),
                         encoding="utf-8")
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(cli, ["render", str(bundle), "-o", str(out), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["exit_code"] == 2 and data["written"] == [] and data["errors"] == 1
    assert data["error"].startswith(f"{yaml_path}: figures.literal-mismatch: ")
    [line] = result.stderr.strip().splitlines()
    assert line == f"error: {data['error']}"
    assert not out.exists()


def test_a_bug_is_one_line_and_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    import reportgen.api

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("boom")

    monkeypatch.delenv("REPORTGEN_DEBUG", raising=False)
    monkeypatch.setattr(reportgen.api, "render_bundle_to_file", broken)
    code, err = _main(["render", str(HARROW), "-o", str(tmp_path / "r.docx")], capsys)
    assert code == 3
    assert err.strip() == ("internal error: KeyError: 'boom' (set REPORTGEN_DEBUG=1 for "
                           "details, and please report it)")


def test_shared_options_are_the_same_on_every_command() -> None:
    import click

    from reportgen.cli import COMMANDS, LazyGroup

    group = cli
    assert isinstance(group, LazyGroup)
    ctx = click.Context(group)
    seen: dict[str, list[tuple[str, ...]]] = {}
    # `new --style` names the built-in style a starter bundle is written with: a choice of
    # names, not the house style a run renders with.
    for name in sorted(set(COMMANDS) - {"new"}):
        command = group.get_command(ctx, name)
        assert command is not None
        for param in command.params:
            if isinstance(param, click.Option) and param.name in (
                    "output", "force", "pdf", "style", "output_format", "period"):
                seen.setdefault(param.name, []).append(
                    (*param.opts, type(param.type).__name__, str(param.is_flag)))
    for name, declared in seen.items():
        assert len(set(declared)) == 1, (name, declared)
    assert {n for n, d in seen.items() if len(d) >= 2} == {"output", "force", "pdf", "style",
                                                          "output_format"}
    formats = {name for name in COMMANDS
               if any(p.name == "output_format" for p in getattr(
                   group.get_command(ctx, name), "params", []))}
    assert formats == {"render", "check", "pack", "build"}


def test_pack_json_lists_its_packs_and_notes(tmp_path: Path) -> None:
    import json

    agenda = FIXTURES / "agenda-corporate-parenting" / "agenda.yaml"
    out = tmp_path / "pack.docx"
    result = CliRunner().invoke(cli, ["pack", str(agenda), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["command"], data["source"], data["errors"]) == ("pack", str(agenda), 0)
    assert data["written"] == [str(out), str(tmp_path / "pack-restricted.docx"),
                               str(tmp_path / "pack-supplement-1.docx")]
    assert all(Path(p).is_file() for p in data["written"])
    assert data["warnings"] == len(data["findings"]) > 0
