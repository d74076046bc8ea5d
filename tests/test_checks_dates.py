"""dates.*: publication deadlines across bank holidays, clearance and key decision notice.

Worked by hand (England, five clear working days; clear days exclude the publication day and
the meeting day; weekends and bank holidays do not count):

* Christmas: a meeting on Thursday 4 January 2018 has clear days 3, 2 January, 29, 28 and 27
  December (1 January, 26 and 25 December are bank holidays), so the last publication day is
  Friday 22 December 2017. In Wales (three days: 3, 2 January, 29 December) it is Thursday
  28 December 2017.
* Easter: a meeting on Thursday 20 April 2017 has clear days 19, 18, 13, 12 and 11 April (Good
  Friday 14 and Easter Monday 17 April), so publish by Monday 10 April 2017.
* Late May: a meeting on Tuesday 4 June 2019 has clear days 3 June, 31, 30, 29 and 28 May (the
  Spring Bank Holiday is 27 May), so publish by Friday 24 May 2019.
* Key decision at Harrow's meeting on Tuesday 25 October 2016: 28 clear days are 27 September
  to 24 October, so notice by Monday 26 September 2016.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.bundle import load_bundle
from reportgen.checks import run_checks
from reportgen.checks.dates import (
    clearance_findings,
    key_decision_findings,
    meeting_day_findings,
    publication_findings,
)
from reportgen.pipeline import load_report
from tests.helpers import FIXTURES, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


def harrow(tmp_path: Path, meeting: str | None = None, published: str | None = "keep",
           nation: str | None = None, **report: str | None) -> Path:
    """A copy of the Harrow bundle with a different meeting and publication date."""
    target = tmp_path / "bundle"
    shutil.copytree(HARROW, target)

    def change(data: dict) -> None:
        if meeting:
            data["meeting"]["date"] = meeting
        if nation:
            data["meeting"]["nation"] = nation
        if published is None:
            del data["report"]["publication_date"]
        elif published != "keep":
            data["report"]["publication_date"] = published
        for key, value in report.items():
            if value is None:
                data["report"].pop(key, None)
            else:
                data["report"][key] = value
        for entry in data["clearance"]:
            entry["date"] = data["report"].get("publication_date") or entry["date"]

    edit_yaml(target, change)
    return target


@pytest.mark.parametrize(("meeting", "late", "in_time", "last", "holidays"), [
    ("2018-01-04", "2017-12-27", "2017-12-22", "Friday 22 December 2017",
     "Christmas Day (25 December 2017), Boxing Day (26 December 2017) and New Year's Day "
     "(1 January 2018) are bank holidays and do not count"),
    ("2017-04-20", "2017-04-11", "2017-04-10", "Monday 10 April 2017",
     "Good Friday (14 April 2017) and Easter Monday (17 April 2017) are bank holidays and do "
     "not count"),
    ("2019-06-04", "2019-05-28", "2019-05-24", "Friday 24 May 2019",
     "Spring Bank Holiday (27 May 2019) is a bank holiday and does not count"),
])
def test_publication_deadline_across_bank_holidays(tmp_path: Path, meeting: str, late: str,
                                                   in_time: str, last: str,
                                                   holidays: str) -> None:
    [finding] = publication_findings(load_bundle(harrow(tmp_path / "late", meeting, late)))
    assert finding.rule == "dates.publication-deadline"
    assert finding.severity == "error"
    assert finding.where == "report.publication_date"
    assert finding.message.endswith(f"5 are needed in England; {holidays}")
    assert finding.fix == f"publish by {last}, or move the item to a later meeting"
    assert publication_findings(load_bundle(harrow(tmp_path / "ok", meeting, in_time))) == []


def test_christmas_message_counts_the_clear_days(tmp_path: Path) -> None:
    [finding] = publication_findings(load_bundle(harrow(tmp_path, "2018-01-04", "2017-12-27")))
    # Clear working days after Wednesday 27 December: 28, 29 December, 2, 3 January = 4.
    assert finding.message.startswith(
        "published on Wednesday 27 December 2017, the report leaves 4 clear working days before "
        "the meeting on Thursday 4 January 2018; 5 are needed in England")


def test_wales_needs_three_clear_days(tmp_path: Path) -> None:
    ok = harrow(tmp_path / "ok", "2018-01-04", "2017-12-28", nation="wales")
    assert publication_findings(load_bundle(ok)) == []
    late = harrow(tmp_path / "late", "2018-01-04", "2017-12-29", nation="wales")
    [finding] = publication_findings(load_bundle(late))
    assert "leaves 2 clear working days" in finding.message
    assert "3 are needed in Wales" in finding.message
    assert (finding.fix or "").startswith("publish by Thursday 28 December 2017")


def test_unset_publication_date_is_a_warning_with_the_last_date(tmp_path: Path) -> None:
    [finding] = publication_findings(load_bundle(harrow(tmp_path, "2017-04-20", None)))
    assert finding.rule == "dates.publication-date-unset"
    assert finding.severity == "warning"
    assert "must be published by Monday 10 April 2017" in finding.message
    assert finding.fix == "add publication_date: 2017-04-10 (or earlier) to report.yaml"


def test_clearance_after_publication(tmp_path: Path) -> None:
    bundle = harrow(tmp_path / "a")  # the fixture: cleared 13 and 17 October, published 17th
    assert clearance_findings(load_bundle(bundle)) == []
    late = tmp_path / "b"
    shutil.copytree(HARROW, late)
    edit_yaml(late, lambda d: d["clearance"][1].__setitem__("date", "18/10/2016"))
    [finding] = clearance_findings(load_bundle(late))
    assert finding.rule == "dates.clearance-after-publication"
    assert finding.where == "clearance[2].date"
    assert finding.message == ("Matthew Dobkin (Monitoring Officer) cleared the report on "
                               "Tuesday 18 October 2016, after the report's publication on "
                               "Monday 17 October 2016")


def test_clearance_after_the_last_lawful_day_when_publication_is_unset(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)

    def change(data: dict) -> None:
        del data["report"]["publication_date"]
        data["clearance"][0]["date"] = "18/10/2016"

    edit_yaml(bundle, change)
    [finding] = clearance_findings(load_bundle(bundle))
    assert finding.message.endswith("after Monday 17 October 2016, the last day the report can "
                                    "lawfully be published")


def test_key_decision_needs_notice(tmp_path: Path) -> None:
    missing = load_bundle(harrow(tmp_path / "a", key_decision="yes"))
    [finding] = key_decision_findings(missing)
    assert finding.rule == "dates.key-decision-notice"
    assert "no forward plan notice is recorded" in finding.message
    assert "by Monday 26 September 2016 at the latest" in (finding.fix or "")

    late = load_bundle(harrow(tmp_path / "b", key_decision="yes",
                              key_decision_notice="2016-09-27"))
    [finding] = key_decision_findings(late)
    assert finding.message == ("notice of this key decision was published on Tuesday 27 "
                               "September 2016, 27 clear days before the decision on Tuesday 25 "
                               "October 2016; 28 are needed")

    in_time = load_bundle(harrow(tmp_path / "c", key_decision="yes",
                                 key_decision_notice="2016-09-26"))
    assert key_decision_findings(in_time) == []


def test_date_rules_run_through_run_checks(tmp_path: Path) -> None:
    found = run_checks(load_report(harrow(tmp_path, "2019-06-04", "2019-05-28")))
    assert [f.rule for f in found if f.rule.startswith("dates.")] == [
        "dates.publication-deadline"]
    assert [f.rule for f in run_checks(load_report(HARROW)) if f.rule.startswith("dates.")] == []


# Days read off the calendar: Saturday 4 January and Sunday 5 January 2025; Monday 26 August
# 2024 was the summer bank holiday in England and Wales; Tuesday 27 August 2024 an ordinary day;
# Monday 8 May 2023 the coronation's extra bank holiday; Tuesday 17 March 2026 (St Patrick's Day)
# a holiday in Northern Ireland only.
@pytest.mark.parametrize(("meeting", "nation", "message"), [
    ("2025-01-04", "england", "the meeting is on Saturday 4 January 2025, a weekend day"),
    ("2025-01-05", "wales", "the meeting is on Sunday 5 January 2025, a weekend day"),
    ("2024-08-26", "england", "the meeting is on Monday 26 August 2024, Late Summer Bank "
                              "Holiday, a bank holiday in England"),
    ("2024-08-26", "wales", "the meeting is on Monday 26 August 2024, Late Summer Bank "
                            "Holiday, a bank holiday in Wales"),
    ("2023-05-08", "england", "the meeting is on Monday 8 May 2023, Coronation of Charles "
                              "III, a bank holiday in England"),
    ("2024-08-27", "england", None),
    ("2026-03-17", "england", None),
])
def test_meeting_on_a_weekend_or_bank_holiday_is_a_warning(
        tmp_path: Path, meeting: str, nation: str, message: str | None) -> None:
    found = meeting_day_findings(load_bundle(harrow(tmp_path, meeting, nation=nation)))
    if message is None:
        assert found == []
        return
    [finding] = found
    assert (finding.rule, finding.severity, finding.where) == (
        "dates.meeting-not-working-day", "warning", "meeting.date")
    assert finding.message == message


def test_meeting_day_warning_runs_through_run_checks(tmp_path: Path) -> None:
    found = run_checks(load_report(harrow(tmp_path, "2025-01-04", "2024-12-20")))
    assert [f.line() for f in found if f.rule == "dates.meeting-not-working-day"] == [
        "warning dates.meeting-not-working-day: meeting.date: the meeting is on Saturday "
        "4 January 2025, a weekend day (fix: check the date of the meeting; if it really "
        "meets that day, ignore this warning)"]
