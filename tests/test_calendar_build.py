"""A build over two quarters with a committee calendar: each quarter's report and pack go to
the meeting that receives them, under a title that follows the quarter.

Dates worked by hand: a meeting on Tuesday 25 October 2016 needs five clear working days in
England (Tue 18, Wed 19, Thu 20, Fri 21, Mon 24 October), so the statutory rule publishes on
Monday 17 October 2016; Q1's calendar gives its own date, Friday 15 July 2016, for Tuesday
26 July 2016 (six clear working days: 18–22 and 25 July).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from reportgen.build import SUMMARY_FILE, run_build
from reportgen.errors import ReportgenError
from reportgen.pipeline import default_output_name, load_report, produce
from tests.helpers import FIXTURES, document_text, edit_yaml

HARROW = "harrow-2016-high-cost-placements"
TITLE = "High cost placements, {{ period.label }} ({{ period.end | longdate }})"
CALENDAR = """
calendar:
  2016/17 Q1: {meeting: 2016-07-26, publication_date: 2016-07-15}
  2016/17-Q2:
    meeting: 25/10/2016
    clear_days: statutory
"""


def _copy(root: Path, calendar: str = CALENDAR, pack: bool = True) -> Path:
    """The fixtures a quarterly Harrow build needs, with a title written from the period's
    names and clearance given before either quarter's papers are published (``pack``: the
    annual papers and the agenda pack too)."""
    fixtures = root / "fixtures"
    for name in (HARROW, "rotherham-2010-commissioning", "herefordshire-2018-lac-cost-reduction",
                 "agenda-corporate-parenting"):
        shutil.copytree(FIXTURES / name, fixtures / name)

    def change(data: dict[str, Any]) -> None:
        data["report"]["title"] = TITLE
        for entry in data["clearance"]:
            entry["date"] = "2016-07-01"

    edit_yaml(fixtures / HARROW, change)
    manifest = fixtures / "build.yaml"
    others = ("  - path: rotherham-2010-commissioning\n    period: fixed\n"
              "  - path: herefordshire-2018-lac-cost-reduction\n    period: fixed\n"
              "packs:\n"
              "  - path: agenda-corporate-parenting/agenda.yaml\n"
              "    output: pack-{period}.docx\n")
    manifest.write_text(
        "reports:\n"
        f"  - path: {HARROW}\n"
        "    output: high-cost-placements-{period}.docx\n"
        + (others if pack else "") + calendar, encoding="utf-8")
    return manifest


@pytest.fixture(scope="module")
def quarters(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("calendar")
    manifest = _copy(root)
    outs = {}
    for quarter in ("Q1", "Q2"):
        outs[quarter] = root / quarter
        summary = run_build(manifest, f"2016/17 {quarter}", outs[quarter], jobs=2)
        assert summary.exit_code() == 0, [r.error for r in summary.failures]
    return outs


def _pack_text(data: bytes) -> str:
    """The pack's text with each table row as "cell | cell" (the front sheet's rows)."""
    doc = Document(io.BytesIO(data))
    rows = [" | ".join(" ".join(c.text.split()) for c in r.cells)
            for t in doc.tables for r in t.rows]
    return document_text(data) + "\n" + "\n".join(rows)


@pytest.mark.parametrize(("quarter", "title", "meeting", "published"), [
    ("Q1", "High cost placements, 2016/17 Q1 (30 June 2016)", "Tuesday 26 July 2016",
     "Friday 15 July 2016"),
    ("Q2", "High cost placements, 2016/17 Q2 (30 September 2016)", "Tuesday 25 October 2016",
     "Monday 17 October 2016"),
])
def test_each_quarter_goes_to_its_meeting_under_its_title(
        quarters: dict[str, Path], quarter: str, title: str, meeting: str,
        published: str) -> None:
    out = quarters[quarter]
    slug = f"2016-17-{quarter}"
    report = (out / f"high-cost-placements-{slug}.docx").read_bytes()
    doc = Document(io.BytesIO(report))
    day_month_year = meeting.split(" ", 1)[1]
    # The document's own title, its core properties, and the meeting they name.
    assert doc.core_properties.title == title
    assert doc.core_properties.subject == f"Corporate Parenting Panel, {day_month_year}"
    text = document_text(report)
    assert title in text and "{{" not in text
    assert day_month_year in text
    # The pack: its front sheet's meeting and publication dates, and the agenda line.
    pack = _pack_text((out / f"pack-{slug}.docx").read_bytes())
    assert f"Date | {meeting}" in pack
    assert f"Published | {published}" in pack
    assert f"4 | {title}" in pack
    other = "Q2" if quarter == "Q1" else "Q1"
    assert f"2016/17 {other}" not in pack.split("4 | ")[1].split("\n")[0]
    # build-summary.json says which meeting each output goes to.
    summary = json.loads((out / SUMMARY_FILE).read_text(encoding="utf-8"))
    iso = {"Q1": "2016-07-26", "Q2": "2016-10-25"}[quarter]
    assert {o["meeting"] for o in summary["outputs"]} == {iso}


def test_a_calendar_deadline_too_short_fails_that_quarter_and_names_the_calendar(
        tmp_path: Path) -> None:
    manifest = _copy(tmp_path, CALENDAR.replace("clear_days: statutory", "clear_days: 2"),
                     pack=False)
    summary = run_build(manifest, "2016/17 Q2", tmp_path / "out")
    failed = {r.job.label: r.error for r in summary.failures}
    assert failed[HARROW] == (
        f"{manifest.parent / HARROW / 'report.yaml'}: dates.publication-deadline: build.yaml, "
        "calendar '2016/17 Q2': published on Thursday 20 October 2016 (clear_days: 2 of the "
        "calendar), the report leaves 2 clear working days before the meeting on Tuesday 25 "
        "October 2016; 5 are needed in England (fix: publish by Monday 17 October 2016 "
        "(publication_date: 2016-10-17 or clear_days: statutory), or give the period a later "
        "meeting)")
    # The same calendar's Q1 entry gives its own date, which leaves enough days.
    assert run_build(manifest, "2016/17 Q1", tmp_path / "q1").failures == []


def test_a_period_missing_from_the_calendar_builds_nothing(tmp_path: Path) -> None:
    manifest = _copy(tmp_path, pack=False)
    with pytest.raises(ReportgenError, match=r"calendar: no meeting for 2016/17 Q3 \(the "
                                             r"calendar names 2016/17 Q1, 2016/17 Q2\)"):
        run_build(manifest, "2016/17 Q3", tmp_path / "out")
    assert not (tmp_path / "out").exists()


# -- the period's names in report.yaml's short fields, outside a build ------------------------

def test_the_title_and_headings_follow_the_period_wherever_they_are_read(
        tmp_path: Path) -> None:
    bundle = tmp_path / HARROW
    shutil.copytree(FIXTURES / HARROW, bundle)

    def change(data: dict[str, Any]) -> None:
        data["report"]["title"] = "Placements {{ year_to_date.label }}"
        data["background_papers"] = ["Return for {{ collection_year.label }}"]
        data["appendices"] = [{"title": "Figures to {{ year_to_date.end | longdate }}"}]

    edit_yaml(bundle, change)
    for period, ytd, year, end in (("2016/17 Q1", "2016/17 Q1", "2015/16", "30 June 2016"),
                                   ("2016/17 Q2", "2016/17 Q1 to Q2", "2015/16",
                                    "30 September 2016")):
        loaded = load_report(bundle, period=period)
        assert loaded.bundle.report.title == f"Placements {ytd}"
        assert loaded.bundle.background_papers == [f"Return for {year}"]
        assert loaded.bundle.appendices[0].title == f"Figures to {end}"
        assert default_output_name(loaded.bundle) == (
            f"2016-10-25-corporate-parenting-panel-placements-{ytd.lower()}"
            .replace("/", "-").replace(" ", "-") + ".docx")
    produced = produce(loaded)  # the last: Q2
    assert produced.errors == []
    doc = Document(io.BytesIO(produced.result.docx))
    assert doc.core_properties.title == "Placements 2016/17 Q1 to Q2"
    text = document_text(produced.result.docx)
    assert "Return for 2015/16" in text and "Figures to 30 September 2016" in text


def test_a_bundle_without_tags_is_left_as_it_is() -> None:
    loaded = load_report(FIXTURES / HARROW)
    assert loaded.bundle.report.title == "High Costs Placements Monitoring Update"
