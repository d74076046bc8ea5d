"""pipeline.produce(): the one place that loads, renders and checks a report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.checks.findings import ChecksFailed
from reportgen.errors import ReportgenError
from reportgen.pipeline import load_report, produce
from tests.helpers import FIXTURES

ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
HARROW = FIXTURES / "harrow-2016-high-cost-placements"
GROUP_VARIANCE = "{{ budget.groups['Independent placements'].variance | money }}"


@pytest.fixture()
def wrong_figure(tmp_path: Path) -> Path:
    """Rotherham with the seed's own wrong total typed in place of the expression."""
    target = tmp_path / "bundle"
    shutil.copytree(ROTHERHAM, target)
    path = target / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert GROUP_VARIANCE in text
    path.write_text(text.replace(GROUP_VARIANCE, "£2,786,300"), encoding="utf-8")
    return target


def test_produce_returns_document_and_findings_and_writes_nothing(tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    produced = produce(HARROW)
    assert produced.result.docx.startswith(b"PK")
    assert produced.errors == []
    assert all(f.severity in ("error", "warning") for f in produced.findings)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_failed_gate_raises_one_error_naming_the_bundle(wrong_figure: Path) -> None:
    with pytest.raises(ChecksFailed) as caught:
        produce(wrong_figure)
    error = caught.value
    assert isinstance(error, ReportgenError)  # the CLI's one handler prints it
    assert error.errors and all(f.severity == "error" for f in error.errors)
    line = error.line()
    assert line.startswith(f"{wrong_figure / 'report.yaml'}: figures.")
    assert "£2,811,415" in line  # the figure the data give
    assert "\n" not in line


def test_without_the_gate_errors_come_back_as_findings(wrong_figure: Path) -> None:
    produced = produce(wrong_figure, gate=False)
    assert any("£2,811,415" in f.message for f in produced.errors)


def test_a_period_replaces_the_bundles_own() -> None:
    own = produce(HARROW)
    assert own.loaded.metrics.period is not None
    q2 = produce(HARROW, period="2016/17 Q2")
    assert q2.loaded.bundle.period == "2016/17 Q2"
    assert q2.result.docx != own.result.docx


def test_a_loaded_report_is_not_loaded_again() -> None:
    loaded = load_report(HARROW)
    assert produce(loaded).loaded is loaded


def test_a_build_period_leaves_fixed_bundles_their_own(tmp_path: Path) -> None:
    from reportgen.pipeline import BuildPeriod

    build = BuildPeriod("2016/17 Q2", frozenset({ROTHERHAM.resolve()}))
    assert build.for_bundle(HARROW) == "2016/17 Q2"
    assert build.for_bundle(ROTHERHAM) is None
    assert load_report(HARROW, period=build).bundle.period == "2016/17 Q2"
    # Rotherham's data have no 2016/17 rows: it loads only because it keeps its own year.
    assert load_report(ROTHERHAM, period=build).bundle.period == "2010/11"
    with pytest.raises(ReportgenError, match="no rows for period 2016/17 Q2"):
        load_report(ROTHERHAM, period="2016/17 Q2")


def test_every_failed_gate_is_worded_once(wrong_figure: Path) -> None:
    from reportgen.checks.findings import Finding

    two = [Finding("figures.a", "error", "first"), Finding("figures.b", "error", "second"),
           Finding("figures.c", "warning", "third")]
    assert ChecksFailed(two, where="r.yaml").line() == "r.yaml: figures.a: first (and 1 more)"
    assert ChecksFailed(two[:1]).summary() == "figures.a: first"


def test_metrics_rank_as_many_placements_as_the_longest_table_asks_for(tmp_path: Path) -> None:
    """The top-N directive is read by the narrative's own parser, aliases and all: a table of
    30 rows gets 30 ranked placements, more than settings.top_n (20)."""
    from reportgen.pipeline import top_rows_needed

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  summary: |\n",
                                 "  summary: |\n    [table: top_placements 30]\n\n", 1),
                    encoding="utf-8")
    loaded = load_report(bundle)
    assert top_rows_needed(loaded.bundle) == 30
    assert len(loaded.metrics.placements.top) >= 30
