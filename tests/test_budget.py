"""One time budget for the whole command (reportgen/budget.py), the narrative limit, and the
figure checker's bounds (issue 24).

No timing assertion: a deadline is set in the past, or a count is made small, so that each
test says what happens when a bound is reached on any machine.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml

from reportgen import budget, limits
from reportgen.checks import vocabulary
from reportgen.checks.figures import check_text
from reportgen.errors import ReportgenError
from reportgen.pipeline import LoadedReport, load_report, produce

from .helpers import FIXTURES

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


@pytest.fixture(scope="module")
def loaded() -> LoadedReport:
    return load_report(HARROW)


def test_a_deadline_inside_another_keeps_the_outer() -> None:
    assert budget.current() is None
    with budget.deadline(100) as outer:
        with budget.deadline(1) as inner, budget.deadline(until=5.0) as given:
            assert inner == outer == given == budget.current()
        assert budget.current() == outer
    assert budget.current() is None


def test_a_stage_goes_on_with_the_deadline_it_was_given() -> None:
    with budget.deadline(until=123.0) as when:
        assert when == 123.0 == budget.current()


def test_a_command_out_of_time_stops_with_one_line() -> None:
    with budget.deadline(until=time.monotonic() - 1):
        assert budget.expired()
        with pytest.raises(budget.OutOfTime) as err:
            budget.check("checking the report")
    assert err.value.message == ("over a limit: checking the report did not finish within "
                                 f"the {limits.MAX_COMMAND_SECONDS} s a command may take")
    assert not budget.expired()  # outside any command nothing is timed


def test_produce_keeps_the_deadline_the_loaded_report_carries() -> None:
    """Loading, rendering and checking share one deadline: a report loaded when its time has
    already run out is stopped in the render (the sandbox reads the same deadline)."""
    loaded = load_report(HARROW)
    assert loaded.deadline > time.monotonic()
    loaded.deadline = time.monotonic() - 1
    with pytest.raises(ReportgenError) as err:
        produce(loaded)
    line = err.value.line()
    assert "\n" not in line
    assert f"{limits.MAX_COMMAND_SECONDS} s" in line, line


def test_a_narrative_over_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    sections = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))["sections"]
    # every section as typed, less the spaces and blank lines round it (the bundle trims them)
    size = sum(len(text.strip()) for text in sections.values() if text)
    monkeypatch.setattr(limits, "MAX_NARRATIVE_CHARS", size - 1)
    with pytest.raises(ReportgenError) as err:
        load_report(bundle)
    assert err.value.message == (f"the narrative is {size:,} characters long, all sections "
                                 f"together: the limit is {size - 1:,}")
    monkeypatch.setattr(limits, "MAX_NARRATIVE_CHARS", size)
    load_report(bundle)  # at the limit: read


def _numbers_text(sentences: int) -> str:
    return " ".join(f"Placement {i} cost £{i * 1000:,} for {i} weeks." for i in range(1,
                                                                                       sentences))


def test_the_checker_reads_at_most_the_numbers_allowed_and_says_where_it_stopped(
        loaded: LoadedReport, monkeypatch: pytest.MonkeyPatch) -> None:
    figures = vocabulary.figures(loaded.metrics)
    text = _numbers_text(80)
    whole = check_text(text, figures, where="sections.summary")
    assert not [f for f in whole if f.rule == "figures.not-checked"]

    monkeypatch.setattr(limits, "MAX_CHECKED_NUMBERS", 30)
    capped = check_text(text, figures, where="sections.summary")
    stops = [f for f in capped if f.rule == "figures.not-checked"]
    assert len(stops) == 1
    stop = stops[0]
    assert stop.severity == "warning"
    assert stop.where == "sections.summary"
    assert stop.message.startswith("not checked: the numbers typed from 'Placement ")
    assert stop.message.endswith("on, and in every later section: the checker reads at most "
                                 "30 typed numbers in one report")
    # What was read is judged as before: the findings are the first ones of the whole text.
    judged = [f for f in capped if f is not stop]
    assert judged == whole[:len(judged)]


def test_the_checker_stops_when_its_time_runs_out(loaded: LoadedReport,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHECK_SECONDS", -1)
    found = check_text(_numbers_text(5), vocabulary.figures(loaded.metrics), where="s")
    assert [f.rule for f in found] == ["figures.not-checked"]
    assert found[0].message == ("not checked: the numbers typed from 'Placement 1 cost £1,000 "
                                "for 1 weeks.' on, and in every later section: the checker's "
                                "time ran out")


def test_a_report_typing_more_numbers_than_the_checker_reads_is_rendered_with_a_warning(
        tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    report = bundle / "report.yaml"
    numbers = " ".join(f"£{n:,}" for n in range(1, limits.MAX_CHECKED_NUMBERS + 200))
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  summary: |\n", f"  summary: |\n    {numbers}\n\n", 1),
                      encoding="utf-8")
    produced = produce(bundle)  # no error: a warning does not stop a render
    stops = [f for f in produced.findings if f.rule == "figures.not-checked"]
    assert len(stops) == 1
    assert stops[0].where == "sections.summary"
