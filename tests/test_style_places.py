"""Where a house style is found (issue 25): by folder name beside the bundle, inside it or in
the styles folder report.yaml names; the advice of ``reportgen style new``; and the style
model's independence of the renderer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.agenda import load_agenda
from reportgen.bundle import load_bundle
from reportgen.cli import cli
from reportgen.errors import ReportgenError
from reportgen.manifest import load_manifest
from reportgen.pack.front_sheet import _front_template
from reportgen.pipeline import style_for
from reportgen.styles import builtin_style_names, copy_style, templates_root

from .helpers import FIXTURES, ROOT


def test_style_model_imports_no_renderer() -> None:
    # A fresh interpreter (run in the checkout, so this copy is the one imported): this
    # process has long since imported render/.
    code = ("import sys, reportgen.styles; "
            "print(sorted(m for m in sys.modules if m.startswith('reportgen.render')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.strip()
    assert out == "[]"


# -- found by folder name -----------------------------------------------------------------

BUNDLE = "harrow-2016-high-cost-placements"


def _style(folder: Path, description: str) -> Path:
    """A style folder of its own (no template of its own), told apart by its description."""
    folder.mkdir(parents=True)
    (folder / "style.yaml").write_text(f"template_from: council-form\n"
                                       f"description: {description}\n", encoding="utf-8")
    return folder


def _bundle(tmp_path: Path, style: str | None = None, extra: str = "") -> Path:
    bundle = tmp_path / "reports" / "panel"
    shutil.copytree(FIXTURES / BUNDLE, bundle)
    text = (bundle / "report.yaml").read_text(encoding="utf-8")
    if style is not None:
        text = text.replace("style: cover-sheet", f"style: {style}{extra}", 1)
    (bundle / "report.yaml").write_text(text, encoding="utf-8")
    return bundle


def test_a_style_is_found_by_name_beside_inside_and_in_the_styles_folder(
        tmp_path: Path) -> None:
    bundle = _bundle(tmp_path, "ours")
    _style(tmp_path / "reports" / "ours", "beside")
    assert style_for(load_bundle(bundle)).description == "beside"
    _style(bundle / "ours", "inside")  # the bundle's own folder comes before the one beside
    assert style_for(load_bundle(bundle)).description == "inside"
    _style(tmp_path / "shared" / "ours", "shared")
    bundle = _bundle(tmp_path / "again", "ours", "\nstyles_folder: ../../../shared")
    _style(bundle / "ours", "inside")
    assert style_for(load_bundle(bundle)).description == "shared"  # the named folder first
    # --style (and a build manifest's style:) by name: the same places, the bundle's.
    assert style_for(load_bundle(bundle), "ours").description == "shared"


def test_a_built_in_name_is_never_replaced_by_a_folder(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path, "cover-sheet")
    _style(bundle / "cover-sheet", "impostor")
    style = style_for(load_bundle(bundle))
    assert style.template == templates_root() / "cover-sheet" / "template.docx"
    with pytest.raises(ReportgenError) as info:
        copy_style("council-form", tmp_path / "cover-sheet")
    assert info.value.line() == (f"{tmp_path / 'cover-sheet'}: 'cover-sheet' is a built-in "
                                 "style's name: choose another name for the folder of your own")


def test_a_named_style_whose_file_links_outside_is_refused(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path, "ours")
    folder = _style(bundle / "ours", "linked")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("template_from: council-form\n", encoding="utf-8")
    (folder / "style.yaml").unlink()
    os.symlink(outside, folder / "style.yaml")
    with pytest.raises(ReportgenError) as info:
        style_for(load_bundle(bundle))
    assert info.value.line() == (f"{folder}: house style 'ours' leads outside "
                                 f"{bundle.resolve()} (a link): copy the style folder there, "
                                 "or give its path")


def test_the_unknown_style_message_lists_the_folders_in_order(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path, "ours", "\nstyles_folder: ../styles")
    (tmp_path / "reports" / "styles").mkdir()
    with pytest.raises(ReportgenError) as info:
        style_for(load_bundle(bundle))
    r = (tmp_path / "reports").resolve()
    assert info.value.line() == (
        f"unknown house style 'ours': no style folder of that name in {r / 'styles'}, "
        f"{r / 'panel'}, {r} (searched in that order), and no built-in style of that name "
        f"({', '.join(builtin_style_names())}); or give the path of a style folder or .docx")


def test_a_build_manifest_names_a_style_by_folder_name(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    _style(tmp_path / "reports" / "ours", "beside")
    manifest_path = tmp_path / "reports" / "build.yaml"
    manifest_path.write_text("reports:\n  - path: panel\n    style: ours\n", encoding="utf-8")
    manifest = load_manifest(manifest_path)
    named = manifest.style_for(manifest.reports[0])
    assert style_for(load_bundle(bundle), named).description == "beside"


def test_an_agenda_names_its_front_sheet_style_by_folder_name(tmp_path: Path) -> None:
    agenda_dir = tmp_path / "agenda"
    shutil.copytree(FIXTURES / "agenda-corporate-parenting", agenda_dir)
    text = (agenda_dir / "agenda.yaml").read_text(encoding="utf-8")
    (agenda_dir / "agenda.yaml").write_text(
        text.replace("council: Harrow Council\n", "council: Harrow Council\nstyle: front\n", 1),
        encoding="utf-8")
    copy_style("cover-sheet", tmp_path / "front")  # beside the agenda's folder
    assert _front_template(load_agenda(agenda_dir / "agenda.yaml")) == \
        tmp_path / "front" / "template.docx"


# -- style new: advice that works as printed ------------------------------------------------

def _follow(tmp_path: Path, args: list[str]) -> tuple[str, Path, list[str]]:
    """Run ``style new`` in ``tmp_path`` and do what it says: run each command it prints,
    then set the report.yaml lines it prints in the sample report. Returns the output, the
    sample report folder and the report.yaml lines."""
    runner = CliRunner()
    result = runner.invoke(cli, ["style", "new", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    commands = [line.strip().split() for line in lines if line.startswith("  reportgen ")]
    settings = [line.strip() for line in lines if line.startswith("  ")
                and not line.startswith("  reportgen ")]
    assert len(commands) == 2 and settings
    for command in commands:
        ran = runner.invoke(cli, command[1:], catch_exceptions=False)
        assert ran.exit_code == 0, (command, ran.output)
    sample = tmp_path / commands[0][-1]
    yaml_file = sample / "report.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    keys = tuple(line.split(":")[0] + ":" for line in settings)
    kept = [line for line in text.splitlines() if not line.startswith(keys)]
    assert len(kept) == len(text.splitlines()) - len(settings)  # each replaces a line
    yaml_file.write_text("\n".join([*settings, *kept]) + "\n", encoding="utf-8")
    return result.output, sample, settings


@pytest.mark.parametrize("source", builtin_style_names())
def test_style_new_advice_works_as_printed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           source: str) -> None:
    monkeypatch.chdir(tmp_path)
    output, sample, settings = _follow(tmp_path, ["our-form", "--from", source])
    assert output.splitlines()[3:] == [
        "Next: edit our-form/style.yaml (every option is listed in it, with its choices).",
        "Try the style on a starter report:",
        "  reportgen new our-form-sample",
        "  reportgen render our-form-sample --style our-form -o our-form-sample.docx",
        "To make a report use it, set in its report.yaml (here, our-form-sample/report.yaml; "
        "each in place of the line of the same name):",
        "  style: our-form",
        f"(a report folder elsewhere also needs styles_folder: the path from it to "
        f"{tmp_path})"]
    _renders_with(sample, tmp_path / "our-form")


def test_style_new_advice_for_a_style_in_a_styles_folder(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "styles").mkdir()
    (tmp_path / "their-form-sample").mkdir()  # taken: the advice picks a free name
    output, sample, settings = _follow(tmp_path, ["styles/their-form"])
    assert sample.name == "their-form-sample-2"
    assert settings == ["styles_folder: ../styles", "style: their-form"]
    _renders_with(sample, tmp_path / "styles" / "their-form")


def _renders_with(sample: Path, style: Path) -> None:
    """The sample renders with the new style and no --style: spoil the style's style.yaml
    and the render fails naming it."""
    runner = CliRunner()
    ok = runner.invoke(cli, ["render", str(sample), "-o", str(sample / "out.docx")])
    assert ok.exit_code == 0, ok.output
    with (style / "style.yaml").open("a", encoding="utf-8") as handle:
        handle.write("not_an_option: 1\n")
    bad = runner.invoke(cli, ["render", str(sample), "-o", str(sample / "out2.docx")])
    assert bad.exit_code == 2 and f"{style / 'style.yaml'}: unknown style option" in bad.output


@pytest.mark.parametrize("name", ["a" * 5000, "x/" + "a" * 5000, ".."])
def test_a_name_no_folder_can_have_is_one_error(tmp_path: Path, name: str) -> None:
    from reportgen.styles import resolve_style

    with pytest.raises(ReportgenError) as info:
        resolve_style(name, base=tmp_path, places=[tmp_path])
    assert "is not a house style" in info.value.message or \
        "could not read the house style: File name too long" in info.value.message
