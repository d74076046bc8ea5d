"""The rule registry, docs/checks.md and the `reportgen check` command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.checks import RULES
from reportgen.cli import cli, main
from tests.helpers import FIXTURES, ROOT, edit_yaml

ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
GROUP_VARIANCE = "{{ budget.groups['Independent placements'].variance | money }}"

EXPECTED_RULES = {
    "figures.literal-mismatch", "figures.hand-typed", "figures.not-checked",
    "figures.suppressed-count", "figures.two-readings",
    "figures.table-total",
    "figures.percentage", "figures.identity", "figures.same-measure", "figures.period-link",
    "dates.publication-deadline", "dates.publication-date-unset",
    "dates.clearance-after-publication", "dates.key-decision-notice",
    "dates.meeting-not-working-day",
    "content.decision-requirements", "content.exempt-paragraph", "content.placeholder",
    "content.empty-section", "content.appendix-cited", "content.not-shown",
    "content.words-lost",
    "disclosure.child-identifier",
    "disclosure.small-count", "disclosure.secondary-suppression", "disclosure.suppression-label",
    "disclosure.revealed-count", "disclosure.period-difference", "accessibility.title",
    "accessibility.language",
    "accessibility.heading-order", "accessibility.table-header", "accessibility.alt-text",
}


def test_every_rule_is_registered_with_a_summary() -> None:
    assert set(RULES) == EXPECTED_RULES
    for rule in RULES.values():
        assert rule.severity in ("error", "warning")
        assert rule.summary.endswith(".") and "\n" not in rule.summary


def test_docs_describe_every_rule_with_a_failing_example() -> None:
    docs = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^### `([a-z]+\.[a-z0-9-]+)`", docs, re.MULTILINE))
    assert documented == set(RULES)
    for rule_id in RULES:
        assert re.search(rf"^    (error|warning) {re.escape(rule_id)}: ", docs, re.MULTILINE), \
            rule_id


@pytest.fixture(scope="module")
def wrong_overspend(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("rot") / "bundle"
    shutil.copytree(ROTHERHAM, target)
    path = target / "report.yaml"
    # Without its publication date: one warning (dates.publication-date-unset) beside the
    # error.
    path.write_text(path.read_text(encoding="utf-8").replace(GROUP_VARIANCE, "£2,786,300")
                    .replace("  publication_date: 2010-10-06\n", ""), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rotherham without its publication date: a warning and no error."""
    target = tmp_path_factory.mktemp("warned") / "bundle"
    shutil.copytree(ROTHERHAM, target)
    path = target / "report.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "  publication_date: 2010-10-06\n", ""), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rotherham with both clearances, so that it has no warnings either."""
    target = tmp_path_factory.mktemp("clean") / "bundle"
    shutil.copytree(ROTHERHAM, target)
    edit_yaml(target, lambda d: d.__setitem__("clearance", [
        {"name": "A Finance", "role": "chief_financial_officer", "date": "2010-10-01"},
        {"name": "A Lawyer", "role": "monitoring_officer", "date": "2010-10-01"},
    ]))
    return target


def test_json_output(wrong_overspend: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(wrong_overspend), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.output)
    assert data["bundle"] == data["source"] == str(wrong_overspend)
    assert (data["command"], data["exit_code"], data["written"]) == ("check", 2, [])
    assert data["errors"] == 1
    assert data["warnings"] == 1  # the publication date left out
    first = data["findings"][0]
    assert first["rule"] == "figures.literal-mismatch"
    assert first["severity"] == "error"
    assert "£2,811,415" in first["message"]
    assert set(first) == {"rule", "severity", "message", "where", "fix"}


def test_text_output_is_grouped_and_plain_when_not_a_terminal(wrong_overspend: Path) -> None:
    result = CliRunner().invoke(cli, ["check", str(wrong_overspend)])
    lines = result.output.splitlines()
    assert lines[0] == "Errors (1)"
    assert lines[1].startswith("error figures.literal-mismatch: ")
    assert "Warnings (1)" in lines
    assert lines[-1] == f"{wrong_overspend}: 1 error, 1 warning"
    assert "\x1b[" not in result.output


def test_exit_codes_for_warnings_and_strict(clean: Path, warned: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["check", str(warned)]).exit_code == 0  # warnings only
    assert runner.invoke(cli, ["check", str(warned), "--strict"]).exit_code == 1
    result = runner.invoke(cli, ["check", str(clean), "--strict"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{clean}: no problems found"


def test_unreadable_bundle_is_one_error_line_and_exit_2(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(tmp_path / "missing")])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {tmp_path / 'missing'}: bundle folder not found"


def test_main_returns_the_check_exit_code(wrong_overspend: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", str(wrong_overspend), "--format", "json"])
    assert exc.value.code == 2


# ------------------------------------------------------------------ the checks never drive


CHECKS_DIR = ROOT / "reportgen" / "checks"


def test_importing_every_check_module_imports_no_pipeline() -> None:
    # A fresh interpreter: in this one the pipeline is long imported by other tests.
    import subprocess
    import sys

    names = sorted(f"reportgen.checks.{p.stem}" for p in CHECKS_DIR.glob("*.py")
                   if p.stem != "__init__")
    assert "reportgen.checks.run" in names and "reportgen.checks.disclosure" in names
    script = ("import importlib, sys\n"
              f"for name in {names!r}: importlib.import_module(name)\n"
              "print(sorted(m for m in sys.modules if m in "
              "('reportgen.pipeline', 'reportgen.api', 'reportgen.commit')))\n"
              "print(len([m for m in sys.modules if m.startswith('reportgen.checks.')]))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    driven, imported = done.stdout.split("\n")[:2]
    assert driven == "[]"
    assert int(imported) == len(names)


def _runtime_imports(path: Path) -> list[tuple[str, str]]:
    """(function or "module", module imported) for every import outside ``if TYPE_CHECKING``."""
    import ast

    out: list[tuple[str, str]] = []

    def visit(node: ast.AST, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for orelse in child.orelse:
                    visit(orelse, where)
                continue
            if isinstance(child, ast.Import):
                out.extend((where, alias.name) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                out.extend((where, f"{child.module}.{alias.name}") for alias in child.names)
            inner = child.name if isinstance(child, (ast.FunctionDef,
                                                     ast.AsyncFunctionDef)) else where
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), "module")
    return out


def test_no_check_module_calls_the_pipeline_even_inside_a_function() -> None:
    # sys.modules sees only what importing runs; a function's own import (as check_bundle's
    # was) shows only when it is called, so the source is read too.
    found = {(p.name, where, name) for p in sorted(CHECKS_DIR.glob("*.py"))
             for where, name in _runtime_imports(p)
             if name.startswith(("reportgen.pipeline", "reportgen.api"))}
    # The one exception: the old name reportgen.checks.check_bundle, looked up on demand.
    assert found == {("__init__.py", "__getattr__", "reportgen.api.check_bundle")}
    assert _runtime_imports(CHECKS_DIR / "run.py")  # the reader itself reads imports


def test_the_old_names_still_work() -> None:
    from reportgen import api, checks

    assert checks.check_bundle is api.check_bundle
    from reportgen.checks import check_bundle  # as tests and docs/checks.md write it

    assert check_bundle is api.check_bundle
    with pytest.raises(AttributeError):
        _ = checks.no_such_name  # type: ignore[attr-defined]
