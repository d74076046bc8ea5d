"""``reportgen build``: the manifest, period-on-period figures, parallel unattended builds,
byte-identical rebuilds and exit codes.

Hand-worked figures (tools/make_fixture_data.py, Harrow): Q1 overspend (9,938,000 − 9,340,000)
+ (1,945,000 − 1,870,000) = £673k; Q2 (10,048,000 − 9,340,000) + (1,955,000 − 1,870,000) =
£793k, up £120k. Savings achieved to date: Q1 £437k; Q2 468k + 12k + 35k + 10k = £525k, up
£88k. Placements: 140 active on 30 June; in Q2 5 of them and 1 new one end and 10 start, so
144 are active on 30 September.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from reportgen.build import SUMMARY_FILE, plan_jobs, run_build
from reportgen.checks import vocabulary
from reportgen.errors import ReportgenError
from reportgen.formatting import change_phrase
from reportgen.manifest import load_manifest, output_name, period_slug
from reportgen.metrics import change, compute_metrics
from reportgen.periods import parse_period
from reportgen.pipeline import load_report
from tests.helpers import FIXTURES, document_text

HARROW = "harrow-2016-high-cost-placements"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixture_copy(root: Path) -> Path:
    """The fixtures folder copied to ``root`` (so outputs and edits stay in tmp)."""
    target = root / "fixtures"
    shutil.copytree(FIXTURES, target)
    return target


def without_publication_date(bundle: Path) -> Path:
    """``bundle`` with its publication date left out: one warning of `reportgen check`
    (dates.publication-date-unset) that no change of wording or form can take away."""
    path = bundle / "report.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(x for x in lines if not x.strip().startswith("publication_date:")),
                    encoding="utf-8")
    return bundle


def write_manifest(folder: Path, text: str) -> Path:
    path = folder / "build.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the manifest ---------------------------------------------------------------------------


def test_fixture_manifest_plans_every_fixture_report_and_the_pack(tmp_path: Path) -> None:
    jobs = plan_jobs(FIXTURES / "build.yaml", "2016/17-Q2", tmp_path)
    by_label = {j.label: j for j in jobs}
    assert set(by_label) == {HARROW, "rotherham-2010-commissioning",
                             "herefordshire-2018-lac-cost-reduction",
                             "agenda-corporate-parenting/agenda.yaml"}
    harrow = by_label[HARROW]
    assert harrow.period == "2016/17 Q2"  # "2016/17-Q2" as people type it, normalised
    assert harrow.output == tmp_path.resolve() / "high-cost-placements-2016-17-Q2.docx"
    # Annual papers keep their own period.
    assert by_label["rotherham-2010-commissioning"].period is None
    herefordshire = by_label["herefordshire-2018-lac-cost-reduction"]
    assert herefordshire.output.name == "herefordshire-2018-lac-cost-reduction.docx"
    assert herefordshire.style == "numbered-paragraphs"
    pack = by_label["agenda-corporate-parenting/agenda.yaml"]
    assert (pack.kind, pack.output.name) == ("pack", "corporate-parenting-pack-2016-17-Q2.docx")


def test_output_names() -> None:
    q2 = parse_period("2016/17 Q2")
    assert period_slug(q2) == "2016-17-Q2"
    assert period_slug(parse_period("2016/17 M5")) == "2016-17-M5"
    assert output_name(None, Path("x/harrow"), q2) == "harrow-2016-17-Q2.docx"
    assert output_name(None, Path("x/harrow"), None) == "harrow.docx"
    assert output_name("{name}/{period}.docx", Path("a/agenda.yaml"), q2) == "a/2016-17-Q2.docx"
    with pytest.raises(ReportgenError, match="keeps its own period"):
        output_name("x-{period}.docx", Path("x"), None)


@pytest.mark.parametrize(("text", "message"), [
    ("reports:\n  - path: a\n    outptu: x.docx\n", "line 3: unknown field 'reports[1].outptu': "
                                                    "did you mean 'output'"),
    ("reports:\n  - path: a\n    period: quarterly\n", "expected 'build' or 'fixed'"),
    ("reports:\n  - path: a\n    output: ../x.docx\n", "inside the output folder"),
    ("reports:\n  - path: a\n    output: a-{year}.docx\n", "unknown placeholder '{year}'"),
    ("reports:\n  - path: a\n    output: a.pdf\n", "must end in .docx"),
    ("reports: []\n", "lists no reports and no packs"),
    ("- a\n", "expected a mapping"),
])
def test_bad_manifests_give_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write_manifest(tmp_path, text)
    with pytest.raises(ReportgenError) as info:
        load_manifest(path)
    assert message in info.value.line()
    assert str(path) in info.value.line()


@pytest.mark.parametrize(("pattern", "message"), [
    # str.format would run these: a 1.5 GB pad (MemoryError), a conversion, a NUL fill,
    # an index, a positional field
    ("x{name:>1500000000}.docx", "unknown placeholder '{name:>1500000000}' in "
                                 "'x{name:>1500000000}.docx' (expected {period}, {name}, with "
                                 "nothing inside the braces but the name)"),
    ("{name!r}.docx", "unknown placeholder '{name!r}'"),
    ("{name:\\0>5}.docx", "unknown placeholder '{name:\\x00>5}'"),
    ("{name[0]}.docx", "unknown placeholder '{name[0]}'"),
    ("{}.docx", "unknown placeholder '{}'"),
    ("{{name}}.docx", "unknown placeholder '{{name}'"),
    ("a}.docx", "unknown placeholder '}'"),
    # control characters and text-direction marks, escaped when shown
    ("a\\rb.docx", "'a\\x0db.docx' holds a control character or a text-direction mark, which "
                    "no output name may hold"),
    ("a\\nb.docx", "'a\\x0ab.docx' holds a control character"),
    ("a\\x85b.docx", "'a\\x85b.docx' holds a control character"),
    ("a\\u202eb.docx", "'a\\u202eb.docx' holds a control character"),
    ("a\\x1bb.docx", "'a\\x1bb.docx' holds a control character"),
    ("a\\tb.docx", "'a\\x09b.docx' holds a control character"),
    ("x" * 251 + ".docx", "is longer than a file name may be (255 bytes)"),
])
def test_output_patterns_take_two_placeholders_and_no_control_characters(
        tmp_path: Path, pattern: str, message: str) -> None:
    path = write_manifest(tmp_path, f'reports:\n  - path: a\n    output: "{pattern}"\n')
    with pytest.raises(ReportgenError) as info:
        load_manifest(path)
    assert message in info.value.line()


def test_a_name_of_255_bytes_is_a_file_name() -> None:
    q2 = parse_period("2016/17 Q2")
    assert output_name("x" * 250 + ".docx", Path("a"), q2) == "x" * 250 + ".docx"
    assert output_name("{name}-{period}.docx", Path("x/é"), q2) == "é-2016-17-Q2.docx"


@pytest.mark.parametrize(("folder", "shown"), [
    ("bad\nname", "bad\\x0aname"), ("bad\rname", "bad\\x0dname"),
    ("bad\u202ename", "bad\\u202ename")])
def test_a_folder_name_with_a_control_character_gives_no_output_name(
        tmp_path: Path, folder: str, shown: str) -> None:
    shutil.copytree(FIXTURES / HARROW, tmp_path / folder)
    escaped = folder.encode("unicode_escape").decode()
    path = write_manifest(tmp_path, f'reports:\n  - path: "{escaped}"\n')
    with pytest.raises(ReportgenError) as info:
        plan_jobs(path, "2016/17 Q1", tmp_path / "out")
    assert info.value.line() == (
        f"{path}: output '{shown}-2016-17-Q1.docx' holds a control character or a "
        "text-direction mark, which no output name may hold")
    assert not (tmp_path / "out").exists()


def test_a_manifest_style_is_found_beside_the_manifest_not_in_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen.styles import resolve_style

    site = tmp_path / "site"
    (site / "styles").mkdir(parents=True)
    shutil.copyfile(resolve_style("cover-sheet").template, site / "styles" / "house.docx")
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "styles").mkdir(parents=True)
    (elsewhere / "styles" / "house.docx").write_bytes(b"not the manifest's")
    monkeypatch.chdir(elsewhere)
    path = write_manifest(site, f"reports:\n  - path: {FIXTURES / HARROW}\n"
                                "    style: styles/house.docx\n  - path: x\n"
                                "    style: cover-sheet\n")
    first, second = plan_jobs(path, "2016/17 Q1", tmp_path / "out")
    assert first.style == str(site / "styles" / "house.docx")
    assert second.style == "cover-sheet"  # a built-in name stays a name


def test_two_entries_writing_one_file_are_refused(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, "reports:\n  - path: a\n    output: x.docx\n"
                                    "  - path: b\n    output: x.docx\n")
    with pytest.raises(ReportgenError, match="'a' and 'b' would both write x.docx"):
        plan_jobs(path, "2016/17 Q1", tmp_path / "out")


@pytest.mark.parametrize("pattern", ["{name}/{name}/victim.docx", "{name}/victim.docx"])
def test_an_output_name_cannot_climb_out_of_the_output_folder(tmp_path: Path,
                                                               pattern: str) -> None:
    # A bundle path ending in ".." makes {name} "..": the pattern alone looks harmless.
    shutil.copytree(FIXTURES / HARROW, tmp_path / "bundle")
    path = write_manifest(tmp_path, f"reports:\n  - path: bundle/data/..\n"
                                    f"    output: \"{pattern}\"\n")
    with pytest.raises(ReportgenError, match="would be written outside the output folder"):
        run_build(path, "2016/17 Q1", tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.rglob("victim.docx"))


def test_an_output_cannot_leave_through_a_symlinked_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(elsewhere)
    path = write_manifest(tmp_path, "reports:\n  - path: a\n    output: sub/x.docx\n")
    with pytest.raises(ReportgenError) as info:
        plan_jobs(path, "2016/17 Q1", out)
    assert info.value.line() == (
        f"{path}: the output of 'a' would be written outside the output folder "
        f"({elsewhere / 'x.docx'}): give it a name inside the folder")


def test_a_report_cannot_take_a_packs_restricted_name(tmp_path: Path) -> None:
    fixtures = fixture_copy(tmp_path)
    path = write_manifest(fixtures, f"reports:\n  - path: {HARROW}\n"
                                    "    output: pack-restricted.docx\n"
                                    "packs:\n  - path: agenda-corporate-parenting\n"
                                    "    output: pack.docx\n")
    with pytest.raises(ReportgenError, match=f"'{HARROW}' and 'agenda-corporate-parenting' "
                                             "would both write pack-restricted.docx"):
        plan_jobs(path, "2016/17 Q1", tmp_path / "out")


def test_a_pack_job_plans_every_file_it_writes(tmp_path: Path) -> None:
    jobs = plan_jobs(FIXTURES / "build.yaml", "2016/17 Q2", tmp_path)
    [pack] = [j for j in jobs if j.kind == "pack"]
    assert [p.name for p in pack.outputs] == [
        "corporate-parenting-pack-2016-17-Q2.docx",
        "corporate-parenting-pack-2016-17-Q2-restricted.docx",
        "corporate-parenting-pack-2016-17-Q2-supplement-1.docx"]
    assert (FIXTURES / "agenda-corporate-parenting" / "appendix-a-placement-sufficiency.docx"
            in pack.inputs)


def test_an_output_cannot_be_a_file_the_build_reads(tmp_path: Path) -> None:
    fixtures = fixture_copy(tmp_path)
    # --out is the agenda's folder, and a report is named after the pack's appendix.
    path = write_manifest(fixtures, f"reports:\n  - path: {HARROW}\n"
                                    "    output: appendix-a-placement-sufficiency.docx\n")
    out = fixtures / "agenda-corporate-parenting"
    before = (out / "appendix-a-placement-sufficiency.docx").read_bytes()
    path.write_text(path.read_text(encoding="utf-8")
                    + "packs:\n  - path: agenda-corporate-parenting\n", encoding="utf-8")
    with pytest.raises(ReportgenError, match="is an input of this run"):
        run_build(path, "2016/17 Q1", out)
    assert (out / "appendix-a-placement-sufficiency.docx").read_bytes() == before


def test_bad_period_is_refused_before_building(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="unrecognised period '2016 Q2'"):
        run_build(FIXTURES / "build.yaml", "2016 Q2", tmp_path / "out")
    assert not (tmp_path / "out").exists()


# --- period-on-period figures ---------------------------------------------------------------


def test_harrow_quarters_and_their_changes() -> None:
    q1 = load_report(FIXTURES / HARROW).metrics
    q2 = load_report(FIXTURES / HARROW, period="2016/17-Q2").metrics
    assert (q1.period, q1.as_at) == (parse_period("2016/17 Q1"), date(2016, 6, 30))
    # The bundle's as_at (30 June) gives way to the end of the new period.
    assert (q2.period, q2.as_at) == (parse_period("2016/17 Q2"), date(2016, 9, 30))
    assert q1.budget is not None and q2.budget is not None
    assert q1.budget.total.variance == 673_000
    assert q2.budget.total.variance == 793_000
    assert q1.previous_budget is None  # no 2015/16 Q4 rows
    assert q2.previous_budget is not None and q2.previous_budget.period == "2016/17 Q1"
    assert q2.previous_budget.total.variance == 673_000
    assert q1.savings is not None and q2.savings is not None
    assert (q1.savings.total.achieved, q2.savings.total.achieved) == (437_000, 525_000)
    assert q2.previous_savings is not None and q2.previous_savings.total.achieved == 437_000
    changes = q2.changes
    assert changes.since == "2016/17 Q1"
    assert changes.budget_variance == change(793_000, 673_000, "2016/17 Q1")
    assert changes.budget_variance is not None and changes.budget_variance.difference == 120_000
    assert changes.budget_budget is not None and changes.budget_budget.difference == 0
    assert changes.savings_achieved is not None and changes.savings_achieved.difference == 88_000
    # 462k + 30k + 90k + 25k = 607k at Q1; 470k + 30k + 90k + 25k = 615k at Q2
    assert changes.savings_forecast is not None and changes.savings_forecast.difference == 8_000
    assert q1.changes.items() == []
    assert q2.placements is not None and q2.placements.total.count == 144
    assert q2.placements.flows is not None
    assert (q2.placements.flows.started, q2.placements.flows.ended) == (10, 6)
    figures = {f.key: f for f in vocabulary.figures(q2)}
    assert figures["changes.budget_variance.difference"].value == 120_000
    assert figures["changes.budget_variance.difference"].label == \
        "change in total variance since 2016/17 Q1"
    assert figures["previous_budget.total.variance"].value == 673_000


def test_change_phrase() -> None:
    assert change_phrase(change(793_000, 673_000, "2016/17 Q1"), "k") == \
        "up £120k since 2016/17 Q1"
    assert change_phrase(change(661_000, 673_000, "2016/17 Q1"), "k") == \
        "down £12k since 2016/17 Q1"
    assert change_phrase(change(5, 5, "Q4")) == "unchanged since Q4"
    assert change_phrase(-300, "k", since="Q4") == "down £300 since Q4"  # not "£0k"
    assert change_phrase(1_250_000, "auto") == "up £1.3m"
    with pytest.raises(ReportgenError, match="no figure for the previous period"):
        change_phrase(None)


def test_several_savings_periods_need_a_period() -> None:
    savings = pd.read_csv(FIXTURES / HARROW / "data" / "savings.csv")
    with pytest.raises(ReportgenError, match=r"several periods \(2016/17 Q1, 2016/17 Q2\)"):
        compute_metrics({"savings": savings})
    with pytest.raises(ReportgenError, match="no rows for period 2016/17 Q3"):
        compute_metrics({"savings": savings}, parse_period("2016/17 Q3"))


def test_a_period_without_data_fails_that_report(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="no rows for period 2016/17 Q3"):
        load_report(FIXTURES / HARROW, period="2016/17 Q3")


def test_narrative_states_the_change_since_the_previous_quarter(tmp_path: Path) -> None:
    from reportgen.pipeline import render

    bundle = fixture_copy(tmp_path) / HARROW
    q1 = document_text(render(load_report(bundle)).docx)
    q2 = document_text(render(load_report(bundle, period="2016/17 Q2")).docx)
    assert "at 2016/17 Q1 was reporting an overspend of £673k. The" in q1
    assert "at 2016/17 Q2 was reporting an overspend of £793k, up £120k since 2016/17 Q1." in q2


# --- building -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """fixtures/build.yaml built for Q1 and Q2 in parallel, and Q2 again in a fresh folder."""
    root = tmp_path_factory.mktemp("build")
    manifest = fixture_copy(root) / "build.yaml"
    outs = {"Q1": root / "q1", "Q2": root / "q2", "Q2 again": root / "q2-again"}
    for name, out in outs.items():
        summary = run_build(manifest, f"2016/17 {name[:2]}", out, jobs=3)
        assert summary.exit_code() == 0, [r.error for r in summary.failures]
    return outs


def summary_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / SUMMARY_FILE).read_text(encoding="utf-8"))
    return data


def test_every_fixture_report_and_pack_is_built(two_quarters: dict[str, Path]) -> None:
    for quarter in ("Q1", "Q2"):
        out = two_quarters[quarter]
        summary = summary_of(out)
        assert (summary["period"], summary["status"], summary["failed"]) == \
            (f"2016/17 {quarter}", "built with warnings", 0)
        outputs = summary["outputs"]
        names = {o["path"] for o in outputs}
        slug = f"2016-17-{quarter}"
        assert names == {f"high-cost-placements-{slug}.docx",
                         "rotherham-commissioning-2010-11.docx",
                         "herefordshire-2018-lac-cost-reduction.docx",
                         f"corporate-parenting-pack-{slug}.docx",
                         f"corporate-parenting-pack-{slug}-restricted.docx",
                         f"corporate-parenting-pack-{slug}-supplement-1.docx"}
        for entry in outputs:
            assert entry["sha256"] == sha256(out / entry["path"])
            assert entry["seconds"] > 0
        periods = {o["source"]: o["period"] for o in outputs}
        assert periods[HARROW] == f"2016/17 {quarter}"
        assert periods["rotherham-2010-commissioning"] == "2010/11"
        # An information report needs no statutory sign-off unless its form says so.
        rotherham = next(o for o in outputs if o["source"] == "rotherham-2010-commissioning")
        assert not any("content.decision-requirements" in w for w in rotherham["warnings"])
        assert not list(out.glob(".*.tmp"))  # no temporary file left behind


def test_the_second_quarter_reports_its_own_figures(two_quarters: dict[str, Path]) -> None:
    q1 = document_text((two_quarters["Q1"] / "high-cost-placements-2016-17-Q1.docx").read_bytes())
    q2 = document_text((two_quarters["Q2"] / "high-cost-placements-2016-17-Q2.docx").read_bytes())
    assert "at 2016/17 Q1 was reporting an overspend of £673k" in q1
    assert "savings of around £437k" in q1
    assert "at 2016/17 Q2 was reporting an overspend of £793k" in q2
    assert "savings of around £525k" in q2
    assert "£673k" not in q2


def test_a_pack_in_a_build_reports_the_builds_period(two_quarters: dict[str, Path]) -> None:
    # The bug: a "-Q2" pack whose Harrow report still showed Q1's £673k.
    pack = document_text((two_quarters["Q2"] / "corporate-parenting-pack-2016-17-Q2.docx")
                         .read_bytes())
    assert "at 2016/17 Q2 was reporting an overspend of £793k, up £120k since 2016/17 Q1" in pack
    assert "at 2016/17 Q1 was reporting an overspend of £673k" not in pack
    q1 = document_text((two_quarters["Q1"] / "corporate-parenting-pack-2016-17-Q1.docx")
                       .read_bytes())
    assert "at 2016/17 Q1 was reporting an overspend of £673k" in q1
    # Rotherham is `period: fixed` in build.yaml: in the pack too it keeps its own year
    # (its data have no 2016/17 rows, so the pack would not build otherwise).
    summary = summary_of(two_quarters["Q2"])
    assert [o["kind"] for o in summary["outputs"]].count("pack") == 3


def test_a_rebuild_is_byte_identical(two_quarters: dict[str, Path]) -> None:
    first = {o["path"]: o["sha256"] for o in summary_of(two_quarters["Q2"])["outputs"]}
    again = {o["path"]: o["sha256"] for o in summary_of(two_quarters["Q2 again"])["outputs"]}
    assert first == again
    for name in first:
        assert (two_quarters["Q2"] / name).read_bytes() == \
            (two_quarters["Q2 again"] / name).read_bytes()


HARROW_ONLY = f"reports:\n  - path: {FIXTURES / HARROW}\n    output: h-{{period}}.docx\n"


def test_source_date_epoch_sets_the_document_date(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    manifest = write_manifest(tmp_path, HARROW_ONLY)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1475280000")  # 2016-10-01 00:00:00 UTC
    first = run_build(manifest, "2016/17 Q2", tmp_path / "a")
    second = run_build(manifest, "2016/17 Q2", tmp_path / "b", jobs=2)
    assert first.exit_code() == second.exit_code() == 0
    a, b = tmp_path / "a" / "h-2016-17-Q2.docx", tmp_path / "b" / "h-2016-17-Q2.docx"
    assert a.read_bytes() == b.read_bytes()
    with zipfile.ZipFile(a) as z:
        core = z.read("docProps/core.xml").decode()
        assert "2016-10-01T00:00:00Z" in core
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_one_failure_does_not_stop_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    old = out / "missing-2016-17-Q2.docx"
    old.write_bytes(b"last quarter's good document")
    manifest = write_manifest(tmp_path, (
        "reports:\n"
        "  - path: missing\n"
        f"  - path: {FIXTURES / HARROW}\n"
        "    output: h-{period}.docx\n"))
    seen: list[str] = []
    summary = run_build(manifest, "2016/17 Q2", out, jobs=2,
                        progress=lambda r: seen.append(r.job.label))
    assert summary.exit_code() == 2 and summary.status() == "failed"
    assert sorted(seen) == sorted(["missing", str(FIXTURES / HARROW)])
    assert [r.job.label for r in summary.results] == ["missing", str(FIXTURES / HARROW)]
    data = summary_of(out)
    assert data["exit_code"] == 2
    [failure] = data["failures"]
    assert failure["source"] == "missing"
    assert failure["output"] == "missing-2016-17-Q2.docx"
    assert failure["error"].endswith("missing: bundle folder not found")
    # The failing report's old file is left as it was; the other report is built.
    assert old.read_bytes() == b"last quarter's good document"
    assert [o["path"] for o in data["outputs"]] == ["h-2016-17-Q2.docx"]


def test_check_errors_stop_that_output(tmp_path: Path) -> None:
    # Harrow's seed wording "a further 3 placements" trips disclosure.small-count (an error)
    # in a public report: that report is not written, and the build exits 2.
    bundle = tmp_path / HARROW
    shutil.copytree(FIXTURES / HARROW, bundle)
    yaml_path = bundle / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("savings of\n    around", "savings for 3 children of\n"
                                      "    around"), encoding="utf-8")
    manifest = write_manifest(tmp_path, f"reports:\n  - path: {bundle}\n")
    summary = run_build(manifest, "2016/17 Q1", tmp_path / "out")
    assert summary.exit_code() == 2
    [failure] = summary.failures
    # Worded as `reportgen render` words it (ChecksFailed): the bundle, the rule, the problem.
    assert failure.error is not None
    assert failure.error.startswith(f"{yaml_path}: disclosure.small-count: ")
    assert "\n" not in failure.error
    assert not (tmp_path / "out" / f"{HARROW}-2016-17-Q1.docx").exists()


# --- the command ----------------------------------------------------------------------------


def test_command_exit_codes_and_plain_log_lines(tmp_path: Path) -> None:
    from reportgen.cli import cli

    bundle = without_publication_date(fixture_copy(tmp_path) / "rotherham-2010-commissioning")
    manifest = write_manifest(tmp_path, f"reports:\n  - path: {bundle}\n    period: fixed\n")
    runner = CliRunner()
    relaxed = runner.invoke(cli, ["build", str(manifest), "--period", "2016/17-Q2",
                                  "--out", str(tmp_path / "a")])
    assert relaxed.exit_code == 0, relaxed.output
    # Not a terminal: one plain line per output, no progress bar.
    assert "built rotherham-2010-commissioning.docx for 2010/11 (" in relaxed.stderr
    assert "1 warning)" in relaxed.stderr
    assert "2016/17 Q2: built with warnings: 1 file written, 0 failed, 1 warning" in \
        relaxed.stdout
    strict = runner.invoke(cli, ["build", str(manifest), "--period", "2016/17-Q2",
                                 "--out", str(tmp_path / "b"), "--strict"])
    assert strict.exit_code == 1
    assert summary_of(tmp_path / "b")["exit_code"] == 1
    assert (tmp_path / "a" / "rotherham-2010-commissioning.docx").read_bytes() == \
        (tmp_path / "b" / "rotherham-2010-commissioning.docx").read_bytes()


def test_command_reports_a_failure_with_exit_2(tmp_path: Path) -> None:
    from reportgen.cli import main

    manifest = write_manifest(tmp_path, "reports:\n  - path: nowhere\n")
    with pytest.raises(SystemExit) as info:
        main(["build", str(manifest), "--period", "2016/17 Q1", "--out", str(tmp_path / "o")])
    assert info.value.code == 2
    data = summary_of(tmp_path / "o")
    assert data["status"] == "failed" and data["built"] == 0


def test_command_json_lists_each_jobs_findings_and_files(tmp_path: Path) -> None:
    from reportgen.cli import cli

    bundle = without_publication_date(fixture_copy(tmp_path) / "rotherham-2010-commissioning")
    manifest = write_manifest(tmp_path, f"reports:\n  - path: {bundle}\n    period: fixed\n"
                                        "  - path: nowhere\n")
    out = tmp_path / "o"
    result = CliRunner().invoke(cli, ["build", str(manifest), "--period", "2016/17-Q2",
                                      "--out", str(out), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert (data["command"], data["source"], data["period"]) == ("build", str(manifest),
                                                                 "2016/17 Q2")
    assert data["exit_code"] == 2 and data["error"] is None
    assert data["written"] == [str((out / "rotherham-2010-commissioning.docx").resolve()),
                               str(out / SUMMARY_FILE)]
    assert {f["item"] for f in data["findings"]} == {str(bundle)}
    assert data["warnings"] == 1 and data["errors"] == 0
    [failure] = data["failures"]
    assert failure["item"] == "nowhere" and failure["error"].endswith("bundle folder not found")


# --- web pages (html: true) -----------------------------------------------------------------


def test_html_is_a_yes_or_no_with_a_friendly_error(tmp_path: Path) -> None:
    path = write_manifest(tmp_path, "html: true\nreports:\n  - path: a\n    html: sometimes\n")
    with pytest.raises(ReportgenError, match="line 4: reports.1..html: expected yes or no"):
        load_manifest(path)
    manifest = load_manifest(write_manifest(
        tmp_path, "html: true\nreports:\n  - path: a\n  - path: b\n    html: false\n"))
    assert [manifest.html_for(e) for e in manifest.reports] == [True, False]


def test_a_packs_web_pages_get_a_folder_of_their_own(tmp_path: Path) -> None:
    fixtures = fixture_copy(tmp_path)
    path = write_manifest(fixtures, "html: true\nreports:\n"
                                    f"  - path: {HARROW}\n    output: p/agenda.docx\n"
                                    "packs:\n  - path: agenda-corporate-parenting\n"
                                    "    output: p.docx\n")
    # Harrow's page would be p/agenda.html, the pack's agenda page.
    with pytest.raises(ReportgenError, match="would both write agenda.html"):
        plan_jobs(path, "2016/17 Q2", tmp_path / "out")
    # Any other file in the pack's page folder is refused too: an item page may take its name.
    path.write_text(path.read_text(encoding="utf-8").replace("p/agenda.docx", "p/item-1.docx"),
                    encoding="utf-8")
    with pytest.raises(ReportgenError, match="in the folder of the web pages"):
        plan_jobs(path, "2016/17 Q2", tmp_path / "out")
    path.write_text(path.read_text(encoding="utf-8").replace("p/item-1.docx", "h.docx"),
                    encoding="utf-8")
    jobs = {j.kind: j for j in plan_jobs(path, "2016/17 Q2", tmp_path / "out2")}
    assert [p.name for p in jobs["report"].outputs] == ["h.docx", "h.html"]
    assert jobs["pack"].pages == (tmp_path / "out2").resolve() / "p"
    # An output folder that holds what the build reads cannot take a pack's pages.
    path = write_manifest(fixtures, "packs:\n  - path: agenda-corporate-parenting\n"
                                    "    output: agenda-corporate-parenting.docx\n"
                                    "    html: true\n")
    with pytest.raises(ReportgenError, match="holds files the build reads"):
        plan_jobs(path, "2016/17 Q2", fixtures)


def test_a_build_with_html_writes_every_page_and_rebuilds_byte_identically(
        tmp_path: Path) -> None:
    fixtures = fixture_copy(tmp_path)
    manifest = fixtures / "build.yaml"
    manifest.write_text("html: true\n" + manifest.read_text(encoding="utf-8"),
                        encoding="utf-8")
    outs = [tmp_path / "first", tmp_path / "again"]
    for out in outs:
        summary = run_build(manifest, "2016/17 Q2", out, jobs=2)
        assert summary.exit_code() == 0, [r.error for r in summary.failures]
    listed = {o["path"]: o["sha256"] for o in summary_of(outs[0])["outputs"]}
    pages = "corporate-parenting-pack-2016-17-Q2/"
    assert {"high-cost-placements-2016-17-Q2.html", "rotherham-commissioning-2010-11.html",
            "herefordshire-2018-lac-cost-reduction.html", f"{pages}agenda.html",
            f"{pages}agenda.json"} <= set(listed)
    assert any(p.startswith(f"{pages}item-") for p in listed)
    written = {p.relative_to(outs[0]).as_posix(): sha256(p)
               for p in sorted(outs[0].rglob("*")) if p.is_file() and p.name != SUMMARY_FILE}
    assert written == listed  # every file written is listed, with its sha256
    again = {p.relative_to(outs[1]).as_posix(): sha256(p)
             for p in sorted(outs[1].rglob("*")) if p.is_file() and p.name != SUMMARY_FILE}
    assert again == written  # byte-identical on rebuild, page for page
    agenda = json.loads((outs[0] / pages / "agenda.json").read_text(encoding="utf-8"))
    urls = json.dumps(agenda)
    assert "item-" in urls and (outs[0] / pages / "agenda.html").read_bytes().startswith(b"<!")
