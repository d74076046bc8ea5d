"""Statutory dates: publication before the meeting, clearance before publication, key decision
notice. The law and its reading are set out in :mod:`reportgen.deadlines`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reportgen.bundle import Bundle
from reportgen.checks.findings import Finding
from reportgen.checks.registry import CheckContext, check, define
from reportgen.formatting import long_date

if TYPE_CHECKING:
    from reportgen.manifest import Scheduled

DEADLINE = define(
    "dates.publication-deadline", "error",
    "The report is published with fewer than five clear working days before the meeting "
    "(three in Wales).", "bundle")
UNSET = define(
    "dates.publication-date-unset", "warning",
    "report.publication_date is not set, so the deadline cannot be checked; the last lawful "
    "publication date is given.", "bundle")
CLEARANCE = define(
    "dates.clearance-after-publication", "error",
    "An officer's clearance is dated after the report is (or can lawfully be) published.",
    "bundle")
KEY_DECISION = define(
    "dates.key-decision-notice", "error",
    "A key decision has no forward plan notice, or notice fewer than 28 clear days before the "
    "meeting.", "bundle")
MEETING_DAY = define(
    "dates.meeting-not-working-day", "warning",
    "The meeting falls on a Saturday, a Sunday or a bank holiday (England or Wales, as the "
    "meeting's nation): most likely a mistyped date.", "bundle")


def _day(d: date) -> str:
    return long_date(d, "weekday")


def _holidays_note(start: date, meeting: date, nation: str) -> str:
    from reportgen import deadlines  # holidays loads on first use, not with the checks

    found = deadlines.bank_holidays_between(start, meeting, nation)
    if not found:
        return ""
    names = [f"{name} ({long_date(d)})" for d, name in found]
    if len(names) == 1:
        return f"; {names[0]} is a bank holiday and does not count"
    return f"; {', '.join(names[:-1])} and {names[-1]} are bank holidays and do not count"


def publication_findings(bundle: Bundle, scheduled: Scheduled | None = None
                         ) -> list[Finding]:
    """dates.publication-deadline and dates.publication-date-unset.

    ``scheduled``: the build calendar's entry the bundle's dates came from, which a finding
    then names (that is where to correct them), rather than report.yaml."""
    from reportgen import deadlines  # holidays loads on first use, not with the checks

    meeting, nation = bundle.meeting.date, bundle.meeting.nation
    needed = deadlines.required_clear_days(nation)
    last = deadlines.last_publication_date(meeting, nation)
    country = nation.capitalize()
    note = _holidays_note(last, meeting, nation)
    published = bundle.report.publication_date
    if published is None:
        return [UNSET.finding(
            f"the publication date is not set: for the meeting on {_day(meeting)} the report "
            f"must be published by {_day(last)} ({needed} clear working days in {country}{note})",
            where="report.publication_date",
            fix=f"add publication_date: {last.isoformat()} (or earlier) to report.yaml")]
    clear = deadlines.clear_working_days_between(published, meeting, nation)
    if clear >= needed:
        return []
    days = f"{clear} clear working day{'s' if clear != 1 else ''}"
    if scheduled is not None:
        rule = ("publication_date" if scheduled.publication_date is not None
                else f"clear_days: {scheduled.clear_days}")
        return [DEADLINE.finding(
            f"published on {_day(published)} ({rule} of the calendar), the report leaves "
            f"{days} before the meeting on {_day(meeting)}; {needed} are needed in "
            f"{country}{note}", where=scheduled.where,
            fix=f"publish by {_day(last)} (publication_date: {last.isoformat()} or "
                "clear_days: statutory), or give the period a later meeting")]
    return [DEADLINE.finding(
        f"published on {_day(published)}, the report leaves {days} before the meeting on "
        f"{_day(meeting)}; {needed} are needed in {country}{note}",
        where="report.publication_date",
        fix=f"publish by {_day(last)}, or move the item to a later meeting")]


def clearance_findings(bundle: Bundle, scheduled: Scheduled | None = None
                       ) -> list[Finding]:
    """dates.clearance-after-publication (``scheduled`` as for :func:`publication_findings`)."""
    from reportgen import deadlines  # holidays loads on first use, not with the checks

    published = bundle.report.publication_date
    last = deadlines.last_publication_date(bundle.meeting.date, bundle.meeting.nation)
    limit = published or last
    out = []
    for i, c in enumerate(bundle.clearance, start=1):
        if c.date is None or c.date <= limit:  # a pending row has no date yet
            continue
        after = (f"after the report's publication on {_day(published)}" if published else
                 f"after {_day(last)}, the last day the report can lawfully be published")
        if scheduled is not None:
            after += f" for the meeting on {_day(bundle.meeting.date)} ({scheduled.where})"
        out.append(CLEARANCE.finding(
            f"{c.name} ({c.role_text}) cleared the report on {_day(c.date)}, {after}",
            where=f"clearance[{i}].date",
            fix="clearance must be given on or before publication: correct the date, or "
                "publish later if the deadline allows"))
    return out


def key_decision_findings(bundle: Bundle) -> list[Finding]:
    """dates.key-decision-notice."""
    from reportgen import deadlines  # holidays loads on first use, not with the checks

    report = bundle.report
    if not report.key_decision:
        return []
    decision = bundle.meeting.date
    latest = deadlines.key_decision_latest_notice(decision)
    need = deadlines.KEY_DECISION_CLEAR_DAYS
    if report.key_decision_notice is None:
        return [KEY_DECISION.finding(
            f"this is a key decision but no forward plan notice is recorded; notice must be "
            f"published {need} clear days before the decision on {_day(decision)}",
            where="report.key_decision_notice",
            fix=f"add key_decision_notice: with the date notice was published (by "
                f"{_day(latest)} at the latest), or use the general exception or special "
                "urgency procedure")]
    notice = report.key_decision_notice
    if deadlines.key_decision_notice_ok(notice, decision):
        return []
    clear = max((decision - notice).days - 1, 0)
    return [KEY_DECISION.finding(
        f"notice of this key decision was published on {_day(notice)}, {clear} clear days "
        f"before the decision on {_day(decision)}; {need} are needed",
        where="report.key_decision_notice",
        fix=f"notice had to be published by {_day(latest)}: take the decision at a later "
            "meeting, or use the general exception or special urgency procedure")]


def meeting_day_findings(bundle: Bundle, scheduled: Scheduled | None = None
                         ) -> list[Finding]:
    """dates.meeting-not-working-day (``scheduled`` as for :func:`publication_findings`)."""
    from reportgen import deadlines  # holidays loads on first use, not with the checks

    meeting = bundle.meeting
    problem = deadlines.meeting_day_problem(meeting.date, meeting.nation)
    if problem is None:
        return []
    return [MEETING_DAY.finding(
        f"the meeting is on {_day(meeting.date)}, {problem}",
        where=scheduled.where if scheduled is not None else "meeting.date",
        fix="check the date of the meeting; if it really meets that day, ignore this warning")]


@check("bundle")
def statutory_dates(ctx: CheckContext) -> list[Finding]:
    bundle = ctx.bundle
    meeting = ctx.loaded.meeting if ctx.loaded is not None else None
    return [*publication_findings(bundle, meeting), *clearance_findings(bundle, meeting),
            *key_decision_findings(bundle), *meeting_day_findings(bundle, meeting)]
