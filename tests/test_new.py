"""``reportgen new``: a starter bundle that names every field, loads, and renders at once."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel

from reportgen.bundle import Bundle, Sections, load_bundle
from reportgen.cli import cli, main
from reportgen.errors import ReportgenError
from reportgen.starter import STARTER_FILES, write_starter_bundle
from reportgen.styles import builtin_style_names

from .helpers import document_text

CANONICAL_HEADERS = {
    "placements.csv": ["reference", "placement_type", "provider_type", "provider", "start_date",
                       "end_date", "weekly_cost", "health_contribution",
                       "education_contribution"],
    "savings.csv": ["area", "measure", "target", "achieved", "forecast", "status", "period"],
    "budget.csv": ["line", "group", "period", "budget", "projected_spend"],
}


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def new_bundle(tmp_path: Path, *options: str, name: str = "my-report") -> Path:
    folder = tmp_path / name
    result = run("new", str(folder), *options)
    assert result.exit_code == 0, result.output
    return folder


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


# --------------------------------------------------------------------------- writing


def test_new_writes_the_bundle_files(tmp_path: Path) -> None:
    folder = tmp_path / "my-report"
    result = run("new", str(folder))
    assert result.exit_code == 0, result.output
    for rel in STARTER_FILES:
        assert (folder / rel).is_file(), rel
        assert f"wrote {folder / rel}" in result.output
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) \
        == sorted(STARTER_FILES)
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "reportgen render my-report -o example.docx" in readme
    assert "THIS_FOLDER" not in readme


def test_data_files_have_the_canonical_headers_and_only_marked_example_rows(
        tmp_path: Path) -> None:
    folder = new_bundle(tmp_path)
    for name, header in CANONICAL_HEADERS.items():
        rows = read_csv(folder / "data" / name)
        assert rows[0] == header, name
        assert 2 <= len(rows) - 1 <= 3, name  # a few example rows, not a data set
    placements = read_csv(folder / "data" / "placements.csv")[1:]
    assert all(row[0].startswith("EXAMPLE-") for row in placements)
    assert all(row[1].startswith("EXAMPLE:") for row in read_csv(folder / "data/savings.csv")[1:])
    assert all(row[0].startswith("EXAMPLE:") for row in read_csv(folder / "data/budget.csv")[1:])


def _field_paths(model: type[BaseModel], prefix: str = "",
                 seen: tuple[type[BaseModel], ...] = ()) -> list[str]:
    """Every field of a pydantic model as a dotted path; list items and sub-models included
    (a model inside itself, a body section's subsections, once)."""
    paths = []
    for name, info in model.model_fields.items():
        if name == "path":  # the bundle folder, never written in report.yaml
            continue
        path = f"{prefix}{name}"
        paths.append(path)
        inner = _model_in(info.annotation)
        if inner is not None and inner not in seen:
            paths.extend(_field_paths(inner, f"{path}.", (*seen, model)))
    return paths


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _has_path(data: Any, parts: list[str]) -> bool:
    if not parts:
        return True
    if isinstance(data, list):
        return bool(data) and all(_has_path(item, parts) for item in data)
    return isinstance(data, dict) and parts[0] in data and _has_path(data[parts[0]], parts[1:])


def test_report_yaml_writes_every_field_of_the_bundle_model(tmp_path: Path) -> None:
    text = (new_bundle(tmp_path) / "report.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=yaml.BaseLoader)
    paths = _field_paths(Bundle)
    assert "clearance.role_title" in paths and "settings.public" in paths  # the walk works
    missing = [p for p in paths if not _has_path(data, p.split("."))]
    # community_impact shares a heading with council_priorities in every built-in style, so
    # it is shown commented out, ready to swap in; body: is the alternative to sections:,
    # shown commented out with every field of a body section.
    assert missing[0] == "sections.community_impact"
    assert missing[1] == "body" and all(p.startswith("body.") for p in missing[2:]), missing
    assert "\n  # community_impact: |\n" in text
    assert "\n# body:\n" in text
    block = text.split("\n# body:\n")[1].split("\n\n")[0]
    for path in missing[2:]:  # every field of a body section is shown in the example
        assert f" {path.split('.')[-1]}:" in block, path


def test_every_top_level_and_section_field_has_a_comment_above_it(tmp_path: Path) -> None:
    lines = (new_bundle(tmp_path) / "report.yaml").read_text(encoding="utf-8").splitlines()
    keys = [*(n for n in Bundle.model_fields if n != "path"),
            *(f"  {n}" for n in Sections.model_fields if n != "community_impact")]
    for key in keys:
        # body: is shown commented out (it replaces sections:), under its own comment.
        written = f"# {key}:" if key == "body" else f"{key}:"
        index = next(i for i, line in enumerate(lines) if line.startswith(written))
        above = lines[index - 1].strip()
        assert above.startswith("#"), key


# --------------------------------------------------------------------------- loading


def test_the_starter_loads_as_a_bundle(tmp_path: Path) -> None:
    bundle = load_bundle(new_bundle(tmp_path))
    assert bundle.council == "Example Borough Council"
    assert bundle.style == "cover-sheet"
    assert bundle.meeting.date == dt.date(2026, 12, 8)
    assert bundle.report.type == "decision"
    assert bundle.report.key_decision is False and bundle.report.call_in is True
    assert bundle.report.key_decision_notice is None and bundle.report.exempt_paragraph is None
    assert bundle.period == "2026/27 Q2" and bundle.as_at == dt.date(2026, 9, 30)
    assert [c.role for c in bundle.clearance] == ["chief_financial_officer", "monitoring_officer"]
    assert bundle.settings.table_units == "£" and bundle.settings.public is True
    assert bundle.texts == {}
    for kind in ("placements", "savings", "budget"):
        path = bundle.data_path(kind)
        assert path is not None and path.is_file()


@pytest.mark.parametrize(("style", "units"), [("cover-sheet", "£"),
                                              ("numbered-paragraphs", "£000s"),
                                              ("report-to-members", "£")])
def test_style_option_sets_the_style_and_its_table_units(tmp_path: Path, style: str,
                                                         units: str) -> None:
    bundle = load_bundle(new_bundle(tmp_path, "--style", style))
    assert bundle.style == style
    assert bundle.settings.table_units == units


# --------------------------------------------------------------------------- refusing


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("new", str(folder))
    # The Click edge: the library's ReportgenError becomes one `error:` line and exit 2.
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"error: {folder}: already exists and is not empty: choose a new folder")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_refusal_is_one_line_and_exit_code_2_from_the_console_script(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "report.yaml").write_text("council: Mine\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["new", str(folder)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err == f"error: {folder}: already exists and is not empty: choose a new folder\n"
    assert (folder / "report.yaml").read_text(encoding="utf-8") == "council: Mine\n"


def test_refuses_a_path_that_is_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"x")
    with pytest.raises(ReportgenError, match="already exists and is a file"):
        write_starter_bundle(target)


def test_an_existing_empty_folder_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    written = write_starter_bundle(folder, "report-to-members")
    assert written == [folder / rel for rel in STARTER_FILES]
    assert load_bundle(folder).style == "report-to-members"


def test_unknown_style_is_a_usage_error_with_exit_code_2(tmp_path: Path) -> None:
    folder = tmp_path / "x"
    result = run("new", str(folder), "--style", "harrow")
    assert result.exit_code == 2
    assert "Invalid value for '--style'" in result.output
    for name in builtin_style_names():
        assert name in result.output
    assert not folder.exists()


def test_library_rejects_an_unknown_style_naming_the_built_ins(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError) as info:
        write_starter_bundle(tmp_path / "x", "../cover-sheet")
    assert info.value.line() == (
        "unknown house style '../cover-sheet' (built-in styles: "
        "council-form, cover-sheet, numbered-paragraphs, report-to-members)")
    assert not (tmp_path / "x").exists()


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = Path.open

    def failing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "budget.csv" and "x" in (args[0] if args else kwargs.get("mode", "")):
            raise OSError(28, "No space left on device")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing_open)
    folder = tmp_path / "new-report"
    with pytest.raises(ReportgenError, match="could not write the starter bundle: No space left"):
        write_starter_bundle(folder)
    assert not folder.exists()


# --------------------------------------------------------------------------- rendering


def test_new_then_render_gives_a_report_with_the_example_figures(tmp_path: Path) -> None:
    folder = new_bundle(tmp_path)
    out = tmp_path / "example.docx"
    result = run("render", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    # Budget: projected 1,150,000 + 1,610,000 + 1,120,000 = 3,880,000 against
    # 1,200,000 + 1,500,000 + 900,000 = 3,600,000: overspend 280,000, 7.8% → 8%.
    assert "projecting an overspend of £280k for the year" in text
    assert "is £3.6m and projected spend is £3.9m: an overspend of £280k (8% of the budget)" \
        in text
    assert "That the panel notes the projected overspend of £280k" in text
    # Savings: achieved 90,000 + 40,000 = 130,000 of 150,000 + 100,000 = 250,000 (52%).
    assert "Savings of £130k have been made against a target of £250k" in text
    assert "which is 52% of the £250k target, leaving £120k still to be achieved" in text
    # Placements on 30/09/2026: 450 + 1,000 + 4,200 = 5,650 a week over 3 → £1,883; three is
    # below the suppression threshold of 5, so the count is not shown, nor the average
    # (£5,650 / £1,883 would give the 3 back).
    assert "£1,883" not in text
    # The cost of so few children's placements is hidden with their count (the total's rule,
    # reportgen/disclosure/names.py): the example's text leaves its sentence out.
    assert "paying for fewer than 5 children in placements." in text
    assert "Placements cost" not in text
    # Three children in a public report: every type's count is hidden, so the top-N table
    # lists no placement (each row would be one child's cost) and says why.
    assert "The highest-cost placement costs" not in text
    assert "4,200" not in text and "218,400" not in text
    assert "Placements of a type whose number of children is not shown are not listed" in text
    # Budget table in £000s: the in-house underspend of 50,000 in brackets.
    assert "EXAMPLE: In-house fostering\n1,200\n1,150\n(50)" in text
    assert "Total\n3,600\n3,880\n280" in text
    assert "REPORT FOR:\nCorporate Parenting Panel" in text
    assert "Background\nThe council's medium term financial strategy" in text
    assert "{{" not in text and "[table:" not in text


@pytest.mark.parametrize("style", ["numbered-paragraphs", "report-to-members"])
def test_the_starter_renders_in_every_built_in_style(tmp_path: Path, style: str) -> None:
    folder = new_bundle(tmp_path, "--style", style)
    out = tmp_path / "out.docx"
    result = run("render", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = document_text(out.read_bytes())
    assert "projecting an overspend of £280k for the year" in text
    if style == "report-to-members":
        assert "as at 30th September 2026" in text  # the style's ordinal dates
        assert "EXAMPLE: placement reviews at challenge panel\n150,000\n90,000\n60%" in text
    else:  # numbered-paragraphs: savings in the style's £000s
        assert "EXAMPLE: placement reviews at challenge panel\n150\n90\n60%" in text


def test_emptied_data_file_fails_with_a_clear_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An officer who deletes the example rows but adds none is told which file is empty."""
    folder = new_bundle(tmp_path)
    path = folder / "data" / "savings.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(folder), "-o", str(tmp_path / "out.docx")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "savings.csv" in err and "no rows" in err
    assert not (tmp_path / "out.docx").exists()
