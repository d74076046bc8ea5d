"""Assembling packs: the public pack (Part I), the restricted pack (Part II) and one pack for
each supplementary agenda, as .docx bytes in memory (nothing is written here)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from docx.document import Document as DocumentObject

from reportgen.agenda import Agenda
from reportgen.errors import ReportgenError
from reportgen.formatting import long_date
from reportgen.pack.composer import Progress, _fixed_random, compose
from reportgen.pack.front_sheet import front_sheet
from reportgen.pack.items import OutlineEntry, PackItem, prepare_items
from reportgen.render import oxml
from reportgen.render.finish import finish_document
from reportgen.render.zipnorm import normalise_docx

if TYPE_CHECKING:
    from reportgen.pipeline import BuildPeriod


@dataclass
class Packs:
    """The built packs as .docx bytes (nothing written yet)."""

    public: bytes
    restricted: bytes | None = None
    supplements: dict[int, bytes] = field(default_factory=dict)
    items: list[PackItem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    # For each pack ("public", "restricted", "supplement N"): its documents in order, the
    # agenda's page references and the PDF outline (reportgen.pack.navigate).
    outlines: dict[str, list[OutlineEntry]] = field(default_factory=dict)

    def files(self) -> dict[str, bytes]:
        """Each pack built, by key: "public", "restricted", "supplement N"."""
        found = {"public": self.public}
        if self.restricted is not None:
            found["restricted"] = self.restricted
        found.update({f"supplement {n}": data for n, data in self.supplements.items()})
        return found


def _timestamp(agenda: Agenda) -> dt.datetime:
    day = agenda.publication_date or agenda.meeting.date
    return dt.datetime(day.year, day.month, day.day)


def _finish(doc: DocumentObject, agenda: Agenda, title: str) -> bytes:
    oxml.set_core_properties(doc, title=title, subject=agenda.meeting.committee,
                             author=agenda.council, created=_timestamp(agenda),
                             keywords=["agenda", agenda.meeting.committee])
    finish_document(doc)  # the front sheet's tables and headings too
    out = io.BytesIO()
    doc.save(out)
    return normalise_docx(out.getvalue())


def _pack(agenda: Agenda, heading: str, parts: list[tuple[str, list[PackItem]]],
          contents: list[PackItem], intro: list[str], title: str,
          progress: Progress | None, banner: str | None = None) -> tuple[bytes,
                                                                        list[OutlineEntry]]:
    in_pack = {p.number for p in contents}
    master = front_sheet(agenda, heading, parts, in_pack, intro, banner)
    documents: list[tuple[str | None, bytes]] = []
    for pitem in contents:
        for index, (_, data) in enumerate(pitem.documents):
            documents.append((pitem.document_bookmark(index), data))
    with _fixed_random(f"{agenda.meeting.date.isoformat()} {title}"):
        try:
            compose(master, documents, progress)
        except ReportgenError:
            raise
        except Exception as exc:  # a document python-docx or docxcompose cannot read
            raise ReportgenError(f"could not assemble the {title}: {type(exc).__name__}: "
                                 f"{exc}") from None
    # The agenda lists the items of ``contents`` in this order, each item's page reference
    # before its appendices'.
    outline = [entry for pitem in contents for entry in pitem.outline()]
    return _finish(master, agenda, title), outline


def build_packs(agenda: Agenda, progress: Progress | None = None, *,
                period: str | BuildPeriod | None = None) -> Packs:
    """Render every item and assemble the public, restricted and supplement packs.

    ``period`` (such as ``2016/17 Q2``, a scheduled build's) replaces every bundle's own, so
    a pack built with a quarter's reports shows the same figures as those reports.
    """
    messages: list[str] = []
    _publication_checks(agenda, messages)
    items = prepare_items(agenda, progress, messages, period=period)
    committee = agenda.meeting.committee
    when = long_date(agenda.meeting.date)
    main = [p for p in items if p.item.supplement is None]
    part1 = [p for p in main if not p.exempt]
    part2 = [p for p in main if p.exempt]
    public, outline = _pack(
        agenda, "agenda", [("Part I: public items", part1),
                           ("Part II: items not for publication", part2)],
        [p for p in part1 if p.documents],
        ["The press and public are welcome to attend the meeting, except for any items in "
         "Part II of the agenda, which are not for publication."] if part2 else [],
        f"{committee} {when}: agenda pack", progress)
    packs = Packs(public=public, items=items, messages=messages,
                  outlines={"public": outline})
    exempt_all = [p for p in items if p.exempt]
    if exempt_all:
        packs.restricted, packs.outlines["restricted"] = _pack(
            agenda, "restricted agenda items",
            [("Part II: items not for publication", exempt_all)],
            [p for p in exempt_all if p.documents],
            ["This pack holds the items of the agenda that are not for publication. It is "
             "for members and officers only and must not be shared with the press or public."],
            f"{committee} {when}: restricted items", progress,
            banner="RESTRICTED: NOT FOR PUBLICATION")
    for number in agenda.supplements:
        extra = [p for p in items if p.item.supplement == number]
        # The agenda's own date form, as its front sheet and reports write the meeting.
        on = long_date(agenda.meeting.date, agenda.date_style)
        published = (f", published on {long_date(agenda.publication_date, agenda.date_style)}"
                     if agenda.publication_date else "")
        packs.supplements[number], packs.outlines[f"supplement {number}"] = _pack(
            agenda, f"supplementary agenda {number}",
            [("Part I: public items", [p for p in extra if not p.exempt]),
             ("Part II: items not for publication", [p for p in extra if p.exempt])],
            [p for p in extra if not p.exempt and p.documents],
            [f"This supplement adds the items below to the agenda for the meeting of the "
             f"{committee} on {on}{published}. Please read it with that agenda: the item "
             "numbers continue from it."],
            f"{committee} {when}: supplementary agenda {number}", progress)
    return packs


def _publication_checks(agenda: Agenda, messages: list[str]) -> None:
    """A meeting on a weekend or bank holiday is a warning (in ``messages``); a publication
    date that leaves too few clear working days is an error, as it is for a report
    (dates.publication-deadline): nothing is built."""
    from reportgen.deadlines import (
        bank_holidays_between,
        clear_working_days_between,
        last_publication_date,
        meeting_day_problem,
        required_clear_days,
    )

    meeting, nation = agenda.meeting.date, agenda.meeting.nation
    problem = meeting_day_problem(meeting, nation)
    if problem is not None:
        messages.append(f"warning: {agenda.path}: meeting.date: the meeting is on "
                        f"{long_date(meeting, 'weekday')}, {problem}; check the date")
    published = agenda.publication_date
    if published is None:
        return
    latest = last_publication_date(meeting, nation)
    if published <= latest:
        return
    clear = clear_working_days_between(published, meeting, nation)
    needed = required_clear_days(nation)
    holidays = [f"{name} ({long_date(day)})"
                for day, name in bank_holidays_between(latest, meeting, nation)]
    note = f", allowing for {' and '.join(holidays)}" if holidays else ""
    raise ReportgenError(
        f"publication_date: published on {long_date(published, 'weekday')}, the agenda "
        f"leaves {clear} clear working day{'s' if clear != 1 else ''} before the meeting on "
        f"{long_date(meeting, 'weekday')}; {needed} are needed in {nation.capitalize()}: "
        f"publish by {long_date(latest, 'weekday')}{note}, or move the meeting",
        file=agenda.path)
