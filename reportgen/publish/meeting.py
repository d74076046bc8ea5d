"""One meeting as the web sees it: what the agenda page and agenda.json both say.

Both are written from this one model, made from the agenda and the pack's items, so they
cannot disagree. What a public reader may see is decided here, once: an exempt (Part II) item
has its number, title, wards and exempt paragraph, and nothing else, exactly as on the
public agenda; its documents never get a page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.agenda import schedule_12a_text

if TYPE_CHECKING:
    from reportgen.agenda import Agenda
    from reportgen.documents import PackItem

AGENDA_PAGE = "agenda.html"
AGENDA_JSON = "agenda.json"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class WebFile:
    """One published document: its page's file name and what it is."""

    name: str  # "Report", "Appendix A: Placement sufficiency summary"
    file_name: str  # "item-4.html", relative to the output folder
    index: int  # which of the item's documents (0: the report or document itself)


@dataclass
class WebItem:
    number: int
    title: str
    public: bool
    wards: list[str]
    supplement: int | None
    text: str | None = None  # the wording under the title (Part I only)
    exempt_paragraph: int | None = None
    key_decision: bool | None = None  # None: not known (a ready-made document)
    paper_type: str | None = None
    paper_date: dt.date | None = None
    files: list[WebFile] = field(default_factory=list)

    @property
    def part(self) -> str:
        return "I" if self.public else "II"

    @property
    def exempt_reason(self) -> str | None:
        if self.exempt_paragraph is None:
            return None
        return schedule_12a_text(self.exempt_paragraph) + "."


@dataclass
class WebMeeting:
    council: str
    committee: str
    date: dt.date
    time: str
    venue: str
    publication_date: dt.date | None
    items: list[WebItem]
    supplements: list[int]
    # The agenda's date_style: the page names its meeting as the front sheet and reports do.
    date_style: str = "weekday"

    def written(self, date: dt.date) -> str:
        """A date as this meeting's papers print it (machine-read dates stay ISO)."""
        from reportgen.formatting import long_date

        return long_date(date, self.date_style)

    @property
    def name(self) -> str:
        return f"{self.committee}, {self.written(self.date)}"

    def part(self, public: bool, supplement: int | None) -> list[WebItem]:
        return [i for i in self.items if i.public == public and i.supplement == supplement]


def item_file_name(number: int, index: int) -> str:
    """``item-4.html`` for an item's document, ``item-4-appendix-a.html`` for its appendices."""
    if index == 0:
        return f"item-{number}.html"
    letters = _LETTERS[(index - 1) % 26].lower() * ((index - 1) // 26 + 1)
    return f"item-{number}-appendix-{letters}.html"


def _paper_type(pitem: PackItem) -> str:
    if pitem.item.standard == "minutes":
        return "Minutes"
    return "Document"


def web_meeting(agenda: Agenda, items: list[PackItem]) -> WebMeeting:
    """The meeting and its items as they may be published (a report's own facts as the pack
    rendered it: :attr:`~reportgen.documents.PackItem.report`)."""
    meeting = agenda.meeting
    out: list[WebItem] = []
    for pitem in items:
        public = not pitem.exempt
        web = WebItem(number=pitem.number, title=pitem.title, public=public,
                      wards=list(pitem.wards), supplement=pitem.item.supplement,
                      exempt_paragraph=pitem.exempt_paragraph)
        if public:
            web.text = pitem.text
            date = agenda.publication_date or meeting.date
            paper_type = _paper_type(pitem) if pitem.documents else None
            report = pitem.report
            if pitem.item.report is not None and report is not None:
                web.key_decision = report.key_decision
                date = report.publication_date or date
                paper_type = f"{report.type.capitalize()} report"
            elif pitem.item.standard is not None:
                web.key_decision = False
            if pitem.documents:
                web.paper_type = paper_type
                web.paper_date = date
                for index, (label, _) in enumerate(pitem.documents):
                    name = "Report" if index == 0 and pitem.item.report else \
                        pitem.title if index == 0 else \
                        f"Appendix {_LETTERS[(index - 1) % 26]}: {label}"
                    web.files.append(WebFile(name, item_file_name(pitem.number, index), index))
        out.append(web)
    return WebMeeting(council=agenda.council, committee=meeting.committee, date=meeting.date,
                      time=meeting.time, venue=meeting.venue,
                      publication_date=agenda.publication_date, items=out,
                      supplements=list(agenda.supplements), date_style=agenda.date_style)


_TIME = re.compile(r"(\d{1,2})(?:[.:](\d{2}))?\s*([ap])?\.?\s*m?\.?", re.IGNORECASE)


def meeting_start(date: dt.date, time: str) -> str:
    """ISO 8601 start of the meeting with the UK offset (``2016-10-25T19:30:00+01:00``), or
    the date alone when the printed time ("7.30 pm", "19:30", "10am") cannot be read."""
    text = time.strip().lower()
    if text in ("noon", "midday", "12 noon", "12 midday"):
        hour, minute = 12, 0
    else:
        match = _TIME.fullmatch(text)
        if match is None:
            return date.isoformat()
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").lower()
        if half == "p" and hour < 12:
            hour += 12
        elif half == "a" and hour == 12:
            hour = 0
        elif not half and match.group(2) is None:
            return date.isoformat()  # "7" alone: morning or evening?
        if hour > 23 or minute > 59:
            return date.isoformat()
    start = dt.datetime(date.year, date.month, date.day, hour, minute)
    try:
        from zoneinfo import ZoneInfo

        start = start.replace(tzinfo=ZoneInfo("Europe/London"))
    except Exception:  # no time zone data on this machine: local time without an offset
        return start.isoformat()
    return start.isoformat()
