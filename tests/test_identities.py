"""Figures that agree with each other (reportgen.metrics.identities, reportgen.checks.identities).

A bundle is generated (the starter's report.yaml with random data of a fixed seed); each
identity is then broken on purpose by replacing one metric function with one that is off by a
little, and every command must refuse with one line naming both figures and their values.
The expected lines are written from the rules: the figures are added up here, in plain Python,
from the rows the test wrote.
"""

from __future__ import annotations

import csv
import dataclasses
import random
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reportgen.checks.findings import ChecksFailed
from reportgen.checks.identities import failure_message, narrative_paths
from reportgen.cli import cli
from reportgen.disclosure.periods import period_link
from reportgen.metrics import compute, windows
from reportgen.metrics.identities import IDENTITIES, failures
from reportgen.metrics.keyed import Keyed
from reportgen.metrics.model import CareMetrics, Flows, Metrics, PlacementGroup
from reportgen.periods import parse_period
from reportgen.pipeline import load_report, produce
from reportgen.starter import write_starter_bundle
from tests.helpers import FIXTURES, edit_yaml

TYPES = ("in_house_fostering", "ifa", "residential", "kinship", "semi_independent")
AS_AT = date(2026, 9, 30)  # the end of the starter's period, 2026/27 Q2


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def generated_bundle(folder: Path, seed: int = 23) -> dict[str, Any]:
    """A starter bundle with random placements, budget and savings (not public, so that
    every value may be quoted); returns the plain sums the identities are about."""
    write_starter_bundle(folder)
    rng = random.Random(seed)
    placements = []
    for n in range(rng.randint(40, 80)):
        start = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
        end = start + timedelta(days=rng.randint(0, 400)) if rng.random() < 0.5 else None
        placements.append([f"R{n:04d}", rng.choice(TYPES), "private", "", start.isoformat(),
                           end.isoformat() if end else "", f"{rng.randint(200, 9000)}.00",
                           "0.00", "0.00"])
    _write(folder / "data" / "placements.csv",
           ["reference", "placement_type", "provider_type", "provider", "start_date",
            "end_date", "weekly_cost", "health_contribution", "education_contribution"],
           placements)
    lines = [[f"Line {n}", "", "2026/27 Q2", f"{rng.randint(1, 900) * 1000}.00",
              f"{rng.randint(1, 900) * 1000}.00"] for n in range(rng.randint(2, 6))]
    _write(folder / "data" / "budget.csv",
           ["line", "group", "period", "budget", "projected_spend"], lines)
    measures = [[f"Area {n % 2}", f"Measure {n}", f"{rng.randint(10, 99) * 1000}.00",
                 f"{rng.randint(0, 99) * 1000}.00", f"{rng.randint(10, 99) * 1000}.00",
                 "on_track", "2026/27 Q2"] for n in range(rng.randint(2, 6))]
    _write(folder / "data" / "savings.csv",
           ["area", "measure", "target", "achieved", "forecast", "status", "period"], measures)
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("\n  public: yes\n") == 1
    path.write_text(text.replace("\n  public: yes\n", "\n  public: no\n"), encoding="utf-8")

    def open_on(row: list[Any], day: date) -> bool:
        # Open on a day: started by then and not ended on or before it (the DfE's rule).
        return date.fromisoformat(row[4]) <= day and (not row[5]
                                                      or date.fromisoformat(row[5]) > day)

    return {
        "placed": sum(open_on(r, AS_AT) for r in placements),
        "budget": sum(float(r[3]) for r in lines),
        "spend": sum(float(r[4]) for r in lines),
        "target": sum(float(r[2]) for r in measures),
    }


@pytest.fixture()
def bundle(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "generated"
    return folder, generated_bundle(folder)


def off_by(function: Any, change: Any) -> Any:
    """``function`` with ``change`` applied to what it returns (one metric made wrong)."""
    def wrong(*args: Any, **kwargs: Any) -> Any:
        return change(function(*args, **kwargs))
    return wrong


def miscount_looked_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Children looked after made two too many wherever the care figures are computed."""
    def wrong(c: CareMetrics) -> CareMetrics:
        # The DfE's groups moved with it, so that only the two printings disagree.
        first, *rest = c.placement_groups
        groups = Keyed([dataclasses.replace(first, count=first.count + 2), *rest],
                       lambda g: g.group)
        return dataclasses.replace(c, looked_after=c.looked_after + 2, placement_groups=groups)

    for module in (compute, windows):
        monkeypatch.setattr(module, "care_metrics", off_by(module.care_metrics, wrong))


def render_line(folder: Path, tmp_path: Path) -> tuple[int, str, Path]:
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(cli, ["render", str(folder), "-o", str(out)])
    return result.exit_code, result.output, out


def refusal(folder: Path, tmp_path: Path) -> str:
    """The one line ``reportgen render`` refuses with; nothing may be written."""
    code, output, out = render_line(folder, tmp_path)
    assert code == 2, output
    assert not out.exists()
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    return lines[0]


# --------------------------------------------------------------------------- consistent data


@pytest.mark.parametrize("seed", [1, 23, 903])
def test_a_consistent_generated_bundle_renders(tmp_path: Path, seed: int) -> None:
    folder = tmp_path / "generated"
    sums = generated_bundle(folder, seed)
    loaded = load_report(folder)
    assert failures(loaded.metrics) == []
    assert loaded.metrics.placements is not None and loaded.metrics.budget is not None
    assert loaded.metrics.placements.total.count == sums["placed"]
    code, output, out = render_line(folder, tmp_path)
    assert code == 0, output
    assert out.exists()


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir()
                                           if (p / "report.yaml").exists()))
def test_every_fixture_satisfies_every_identity(fixture: str) -> None:
    assert [failure_message(f) for f in failures(load_report(FIXTURES / fixture).metrics)] == []


# --------------------------------------------------------------------------- broken on purpose


def test_placements_by_type_must_add_up_to_the_total(bundle: tuple[Path, dict[str, Any]],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sums = bundle
    monkeypatch.setattr(compute, "placements_total", off_by(
        compute.placements_total, lambda t: dataclasses.replace(t, count=t.count + 2)))
    line = refusal(folder, tmp_path)
    placed = sums["placed"]
    assert line == (f"error: {folder / 'report.yaml'}: figures.identity: figures: placements by "
                    f"type add up to all placements: placements.total.count is {placed + 2} but "
                    f"the sum of placements.by_type[*].count is {placed} (fix: the figures are "
                    "computed from the same data, so this is a fault in the data or in "
                    "reportgen: nothing is written until they agree)")


def test_weekly_cost_by_type_must_add_up_to_the_total(bundle: tuple[Path, dict[str, Any]],
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = bundle
    monkeypatch.setattr(compute, "placements_total", off_by(
        compute.placements_total,
        lambda t: dataclasses.replace(t, total_weekly_cost=t.total_weekly_cost + 0.01)))
    line = refusal(folder, tmp_path)
    assert ("figures.identity: figures: placements by type add up to the total total weekly "
            "cost: placements.total.total_weekly_cost is £") in line
    assert "but the sum of placements.by_type[*].total_weekly_cost is £" in line


def test_budget_lines_must_add_up_to_the_budget_total(bundle: tuple[Path, dict[str, Any]],
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sums = bundle

    def wrong(position: Any) -> Any:
        total = position.total
        return dataclasses.replace(position, total=dataclasses.replace(
            total, budget=total.budget + 1000, variance=total.variance - 1000))

    monkeypatch.setattr(compute, "select_budget", off_by(
        compute.select_budget, lambda pair: (wrong(pair[0]), pair[1])))
    line = refusal(folder, tmp_path)
    assert (f"budget lines add up to the total budget: budget.total.budget is "
            f"£{sums['budget'] + 1000:,.2f} but the sum of budget.lines[*].budget is "
            f"£{sums['budget']:,.2f}") in line
    assert "and 1 more" in line  # the variance too


def test_variance_must_be_spend_less_budget(bundle: tuple[Path, dict[str, Any]],
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sums = bundle

    def wrong(position: Any) -> Any:
        lines = [dataclasses.replace(x, projected_spend=x.projected_spend + 5) for x in
                 position.lines]
        total = dataclasses.replace(position.total,
                                    projected_spend=position.total.projected_spend + 5 * len(
                                        lines))
        return dataclasses.replace(position, lines=type(position.lines)(lines, lambda x: x.line),
                                   total=total)

    monkeypatch.setattr(compute, "select_budget", off_by(
        compute.select_budget, lambda pair: (wrong(pair[0]), pair[1])))
    line = refusal(folder, tmp_path)
    n = len(load_report(folder).metrics.budget.lines)  # type: ignore[union-attr]
    spend, budget = sums["spend"] + 5 * n, sums["budget"]
    assert (f"budget lines: the total variance is projected spend less budget: "
            f"budget.total.variance is £{sums['spend'] - budget:,.2f} but "
            f"budget.total.projected_spend - budget.total.budget is £{spend:,.2f} - "
            f"£{budget:,.2f} = £{spend - budget:,.2f}").replace("£-", "-£") in line


def test_savings_areas_must_add_up_to_the_savings_total(bundle: tuple[Path, dict[str, Any]],
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sums = bundle
    monkeypatch.setattr(compute, "savings_summary", off_by(
        compute.savings_summary, lambda s: dataclasses.replace(
            s, total=dataclasses.replace(s.total, target=s.total.target - 1000))))
    line = refusal(folder, tmp_path)
    assert (f"savings by area add up to the total target: savings.total.target is "
            f"£{sums['target'] - 1000:,.2f} but the sum of savings.areas[*].target is "
            f"£{sums['target']:,.2f}") in line


def test_check_reports_a_broken_identity_as_an_error(bundle: tuple[Path, dict[str, Any]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder, sums = bundle
    monkeypatch.setattr(compute, "placements_total", off_by(
        compute.placements_total, lambda t: dataclasses.replace(t, count=t.count - 1)))
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 2, result.output
    assert (f"error figures.identity: figures: placements by type add up to all placements: "
            f"placements.total.count is {sums['placed'] - 1} but the sum of "
            f"placements.by_type[*].count is {sums['placed']}") in result.output


def test_produce_refuses_before_rendering(bundle: tuple[Path, dict[str, Any]],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = bundle
    monkeypatch.setattr(compute, "placements_total", off_by(
        compute.placements_total, lambda t: dataclasses.replace(t, count=t.count + 1)))
    rendered: list[object] = []
    import reportgen.pipeline as pipeline
    monkeypatch.setattr(pipeline, "render", lambda *a, **k: rendered.append(a))
    with pytest.raises(ChecksFailed) as caught:
        produce(folder)
    assert [f.rule for f in caught.value.errors] == ["figures.identity"]
    assert rendered == []  # no render paid for


def test_a_public_report_does_not_quote_a_hidden_sum(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # Harrow hides its small placement types: a sum over the types would give them away.
    harrow = tmp_path / "harrow"
    shutil.copytree(FIXTURES / "harrow-2016-high-cost-placements", harrow)
    monkeypatch.setattr(compute, "placements_total", off_by(
        compute.placements_total, lambda t: dataclasses.replace(t, count=t.count + 2)))
    line = refusal(harrow, tmp_path)
    total = load_report(harrow).metrics.placements.total.count  # type: ignore[union-attr]
    assert (f"placements.total.count is {total} but the sum of placements.by_type[*].count is "
            "(hidden)") in line


# --------------------------------------------------------------------------- care


def care(**values: Any) -> Metrics:
    return Metrics(parse_period("2023/24 Q3"), date(2023, 12, 31), None, None, None,
                   care=CareMetrics(as_at=date(2023, 12, 31), **values))


def test_children_looked_after_at_the_end_are_those_at_the_start_plus_in_less_out() -> None:
    window = {"start": date(2023, 10, 1), "end": date(2023, 12, 31), "looked_after": 272,
              "placement_groups": Keyed([PlacementGroup("foster", "Foster placements", 272)],
                                        lambda g: g.group)}
    [failure] = failures(care(**window, looked_after_at_start=260, looked_after_at_end=272,
                              periods_started=90, periods_ended=81, placements_started=94,
                              placements_ended=82))
    assert failure_message(failure) == (
        "children looked after at the end = at the start + periods of care started - ended: "
        "care.looked_after_at_end is 272 but care.looked_after_at_start + "
        "care.periods_started - care.periods_ended is 260 + 90 - 81 = 269")
    assert failures(care(**window, looked_after_at_start=260, looked_after_at_end=269,
                         periods_started=90, periods_ended=81, placements_started=90,
                         placements_ended=81)) == []
    # Without a window (nothing computed at its start) the identity does not apply.
    assert failures(care(looked_after=0, placement_groups=Keyed([], lambda g: g.group))) == []


def test_the_dfe_placement_groups_add_up_to_the_children_looked_after() -> None:
    groups = Keyed([PlacementGroup("foster", "Foster placements", 200),
                    PlacementGroup("other", "Other placements", 70)], lambda g: g.group)
    [failure] = failures(care(looked_after=272, placement_groups=groups))
    assert failure_message(failure) == (
        "children looked after by the DfE's placement groups add up to the children looked "
        "after: care.looked_after is 272 but the sum of care.placement_groups[*].count is 270")


def test_money_agrees_within_half_a_penny_and_counts_exactly() -> None:
    from reportgen.metrics.identities import agree

    assert agree(100.0, 100.004, money=True)
    assert not agree(100.0, 100.01, money=True)
    assert not agree(3, 4, money=False)


def test_every_identity_is_declared_once() -> None:
    names = [i.name for i in IDENTITIES]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------- the document


SSDA903 = FIXTURES / "ssda903-placements-2023"


def ssda903_with_table(tmp_path: Path) -> Path:
    target = tmp_path / "ssda903"
    shutil.copytree(SSDA903, target)
    edit_yaml(target, lambda d: d["sections"].__setitem__(
        "report", d["sections"]["report"] + "\n[table: placements_by_type]\n"))
    return target


def test_one_measure_printed_twice_must_have_one_value(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The text prints care.looked_after; the table's total is placements.total.count: both
    # are the children looked after on the as-at date.
    folder = ssda903_with_table(tmp_path)
    placed = load_report(folder).metrics.placements.total.count  # type: ignore[union-attr]
    miscount_looked_after(monkeypatch)
    line = refusal(folder, tmp_path)
    assert line.endswith(
        f"figures.same-measure: document: children looked after on the as-at date is printed "
        f"twice with different values: care.looked_after is {placed + 2} (sections.report) but "
        f"placements.total.count is {placed} (the total of table 'Children in placements by "
        f"type on 31 December 2023') (fix: the figures are computed from the same data, so "
        f"this is a fault in the data or in reportgen: nothing is written until they agree)")


def test_one_measure_printed_once_is_not_compared(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # The fixture's text prints care.looked_after and no placements total: one printing.
    miscount_looked_after(monkeypatch)
    produced = produce(SSDA903, gate=False)
    assert [f for f in produced.findings if f.rule == "figures.same-measure"] == []


def test_the_same_measure_printed_twice_alike_renders(tmp_path: Path) -> None:
    produced = produce(ssda903_with_table(tmp_path))
    assert produced.errors == []


def test_narrative_paths_are_the_names_expressions_use() -> None:
    text = ("On {{ as_at | longdate }} {{ care . looked_after }} children; "
            "{% if placements.total.count > 5 %}{{ placements.by_type['ifa'].count }}"
            "{% endif %} {{ 'care.ceased' }}")
    # Keywords and filters come along (harmless: no figure has their names); a quoted
    # string is not a name.
    assert narrative_paths([text]) == {"as_at", "longdate", "care.looked_after", "if", "endif",
                                       "placements.total.count", "placements.by_type"}


# --------------------------------------------------------------------------- across periods


def placements_metrics(total: int, period: str, as_at: date,
                       flows: Flows | None = None) -> Metrics:
    from tests.test_disclosure import placement_metrics

    return placement_metrics({"ifa": total - total // 2, "residential": total // 2},
                             flows=flows, period=period, as_at=as_at)


def test_periods_that_are_not_consecutive_are_not_linked() -> None:
    q1 = placements_metrics(140, "2016/17 Q1", date(2016, 6, 30))
    q3 = placements_metrics(150, "2016/17 Q3", date(2016, 12, 31),
                            Flows(date(2016, 10, 1), date(2016, 12, 31), 12, 2))
    unlinked = period_link(q1, q3)
    assert unlinked is not None
    assert unlinked.reason == ("2016/17 Q3 starts on 1 October 2016, not on the day after the "
                               "earlier report's figures (30 June 2016): only consecutive "
                               "periods can be linked")


def test_periods_whose_figures_break_the_identity_are_not_linked() -> None:
    q1 = placements_metrics(260, "2016/17 Q1", date(2016, 6, 30))
    q2 = placements_metrics(272, "2016/17 Q2", date(2016, 9, 30),
                            Flows(date(2016, 7, 1), date(2016, 9, 30), 90, 81))
    unlinked = period_link(q1, q2)
    assert unlinked is not None
    [failure] = unlinked.failures
    assert failure_message(failure, "2016/17 Q1", "2016/17 Q2") == (
        "placements at the end of the later period = at the end of the earlier one + started "
        "- ended: placements.total.count of 2016/17 Q2 is 272 but placements.total.count of "
        "2016/17 Q1 + placements.flows.started of 2016/17 Q2 - placements.flows.ended of "
        "2016/17 Q2 is 260 + 90 - 81 = 269")
    linked = placements_metrics(269, "2016/17 Q2", date(2016, 9, 30),
                                Flows(date(2016, 7, 1), date(2016, 9, 30), 90, 81))
    assert period_link(q1, linked) is None


def test_flows_that_stop_before_the_reports_date_are_not_linked() -> None:
    q1 = placements_metrics(140, "2016/17 Q1", date(2016, 6, 30))
    late = placements_metrics(144, "2016/17 Q2", date(2016, 10, 15),
                              Flows(date(2016, 7, 1), date(2016, 9, 30), 10, 6))
    unlinked = period_link(q1, late)
    assert unlinked is not None and unlinked.failures == ()
    assert unlinked.reason == ("the later report's flows end on 30 September 2016, not on the "
                               "date of its figures (15 October 2016)")


def test_children_looked_after_link_consecutive_periods() -> None:
    def quarter(period: str, start: date, end: date, at_start: int, at_end: int, started: int,
                ended: int) -> Metrics:
        return Metrics(parse_period(period), end, None, None, None, care=CareMetrics(
            as_at=end, looked_after=at_end, start=start, end=end, looked_after_at_start=at_start,
            looked_after_at_end=at_end, periods_started=started, periods_ended=ended))

    q1 = quarter("2023/24 Q1", date(2023, 4, 1), date(2023, 6, 30), 250, 260, 30, 20)
    q2 = quarter("2023/24 Q2", date(2023, 7, 1), date(2023, 9, 30), 260, 272, 90, 81)
    unlinked = period_link(q1, q2)
    assert unlinked is not None
    [failure] = unlinked.failures
    assert failure_message(failure, "2023/24 Q1", "2023/24 Q2") == (
        "children looked after at the end of the later period = at the end of the earlier one "
        "+ periods of care started - ended: care.looked_after_at_end of 2023/24 Q2 is 272 but "
        "care.looked_after_at_end of 2023/24 Q1 + care.periods_started of 2023/24 Q2 - "
        "care.periods_ended of 2023/24 Q2 is 260 + 90 - 81 = 269")
    assert period_link(q1, quarter("2023/24 Q2", date(2023, 7, 1), date(2023, 9, 30), 260,
                                   269, 90, 81)) is None


def test_compare_period_says_not_compared_when_the_figures_do_not_link(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    harrow = FIXTURES / "harrow-2016-high-cost-placements"
    monkeypatch.setattr(windows, "placement_flows", off_by(
        windows.placement_flows, lambda f: dataclasses.replace(f, started=f.started + 1)))
    result = CliRunner().invoke(cli, ["check", str(harrow), "--compare-period", "2016/17-Q2"])
    assert result.exit_code == 2, result.output
    assert ("error figures.period-link: periods: not compared: 2016/17 Q1 and 2016/17 Q2: "
            "placements at the end of the later period = at the end of the earlier one + "
            "started - ended: placements.total.count of 2016/17 Q2 is ") in result.output
    assert "no problems found" not in result.output


def test_compare_period_with_only_the_own_period_says_not_compared() -> None:
    harrow = FIXTURES / "harrow-2016-high-cost-placements"
    result = CliRunner().invoke(cli, ["check", str(harrow), "--compare-period", "2016/17-Q1"])
    assert result.exit_code == 0, result.output
    assert ("warning figures.period-link: periods: not compared: --compare-period 2016/17-Q1 "
            "gives only the report's own period (2016/17 Q1)") in result.output
    assert "no problems found" not in result.output


def test_compare_period_on_periods_that_cannot_be_linked_says_why(
        bundle: tuple[Path, dict[str, Any]]) -> None:
    # The generated bundle's 2026/27 Q2 against Q4: Q3 lies between them.
    folder, _ = bundle
    for name in ("budget.csv", "savings.csv"):
        path = folder / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace("2026/27 Q2", "2026/27"),
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(folder), "--compare-period", "2026/27-Q4"])
    assert ("warning figures.period-link: periods: not compared: 2026/27 Q2 and 2026/27 Q4: "
            "2026/27 Q4 starts on 1 January 2027, not on the day after the earlier report's "
            "figures (30 September 2026): only consecutive periods can be linked") \
        in result.output, result.output
    assert "no problems found" not in result.output


def test_a_placement_ending_on_the_last_day_of_a_quarter_links_the_quarters(
        tmp_path: Path) -> None:
    # Written from the rule: a placement that ends on 30 September is not open on it, so
    # Q3's count = Q2's count + started in Q3 - ended in Q3.
    from reportgen.api import period_difference_findings

    folder = tmp_path / "generated"
    generated_bundle(folder, 1)
    path = folder / "data" / "placements.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    cells = rows[1].split(",")
    cells[4:6] = ["2025-01-01", "2026-09-30"]
    rows[1] = ",".join(cells)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    for name in ("budget.csv", "savings.csv"):  # whole-year rows serve both quarters
        data = folder / "data" / name
        data.write_text(data.read_text(encoding="utf-8").replace("2026/27 Q2", "2026/27"),
                        encoding="utf-8")
    assert [f.line() for f in period_difference_findings(folder, ["2026/27-Q3"])] == []
