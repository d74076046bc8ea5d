"""``agenda.json``: the meeting in the shape of OParl 1.1 objects, for websites and open data.

The meeting is an OParl ``Meeting`` whose ``agendaItem`` list holds ``AgendaItem`` objects;
each Part I item with a paper has one ``Consultation`` naming its ``Paper``, and the paper's
``mainFile`` and ``auxiliaryFile`` (appendices) are ``File`` objects whose ``accessUrl`` is the
page's name relative to the output folder. Objects are embedded rather than linked, since
there is no server to give them URLs; their ``id`` values are fragments of this file. What
OParl has no property for is given in fields prefixed ``reportgen:`` (OParl's rule for
vendor extensions). Part II items have only their number, title, wards and exempt paragraph,
as on the public agenda. Keys are sorted and every date comes from the agenda, so the same
inputs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from reportgen.publish.meeting import (
    AGENDA_PAGE,
    WebItem,
    WebMeeting,
    meeting_start,
    web_meeting,
)

if TYPE_CHECKING:
    from reportgen.agenda import Agenda
    from reportgen.documents import PackItem

__all__ = ["OPARL", "agenda_json", "meeting_object"]

OPARL = "https://schema.oparl.org/1.1/"
X = "reportgen:"


def _file(id_: str, name: str, file_name: str, data: bytes | None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": OPARL + "File", "id": id_, "name": name,
                           "fileName": file_name, "mimeType": "text/html",
                           "accessUrl": file_name}
    if data is not None:
        out["size"] = len(data)
        out["sha512Checksum"] = hashlib.sha512(data).hexdigest()
    return out


def _item(meeting: WebMeeting, item: WebItem, files: dict[str, bytes]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": OPARL + "AgendaItem", "id": f"#item-{item.number}", "meeting": "#meeting",
        "number": str(item.number), "order": item.number, "name": item.title,
        "public": item.public, X + "part": item.part, X + "wards": item.wards,
    }
    if item.supplement is not None:
        out[X + "supplement"] = item.supplement
    if not item.public:
        out[X + "exemptParagraph"] = item.exempt_paragraph
        out[X + "exemptReason"] = item.exempt_reason
        out["keyword"] = [f"exempt: Schedule 12A paragraph {item.exempt_paragraph}"]
        return out
    if item.text:
        out[X + "text"] = item.text
    if item.key_decision is not None:
        out[X + "keyDecision"] = item.key_decision
        if item.key_decision:
            out["keyword"] = ["key decision"]
    if item.files:
        main, *appendices = item.files
        paper: dict[str, Any] = {
            "type": OPARL + "Paper", "id": f"#paper-{item.number}", "name": item.title,
            # No council reference is known: the meeting date and item number identify it.
            "reference": f"{meeting.date.isoformat()}/{item.number}",
            "date": item.paper_date.isoformat() if item.paper_date else None,
            "paperType": item.paper_type,
            "mainFile": _file(f"#file-{item.number}-{main.index}", main.name, main.file_name,
                              files.get(main.file_name)),
        }
        if appendices:
            paper["auxiliaryFile"] = [
                _file(f"#file-{item.number}-{a.index}", a.name, a.file_name,
                      files.get(a.file_name)) for a in appendices]
        out["consultation"] = [{
            "type": OPARL + "Consultation", "id": f"#consultation-{item.number}",
            "agendaItem": f"#item-{item.number}", "meeting": "#meeting", "paper": paper,
        }]
    return out


def meeting_object(meeting: WebMeeting, files: dict[str, bytes] | None = None) -> dict[str, Any]:
    """The OParl Meeting as a dict. ``files`` (name -> bytes of each page written) adds the
    size and SHA-512 of each File."""
    files = files or {}
    out: dict[str, Any] = {
        "type": OPARL + "Meeting", "id": "#meeting", "name": meeting.name,
        "start": meeting_start(meeting.date, meeting.time),
        "location": {"type": OPARL + "Location", "description": meeting.venue},
        "organization": [{"type": OPARL + "Organization", "name": meeting.committee}],
        "auxiliaryFile": [_file("#file-agenda", "Agenda", AGENDA_PAGE,
                                files.get(AGENDA_PAGE))],
        "agendaItem": [_item(meeting, item, files) for item in meeting.items],
        X + "council": meeting.council,
        X + "time": meeting.time,
    }
    if meeting.publication_date is not None:
        out[X + "publicationDate"] = meeting.publication_date.isoformat()
    if meeting.supplements:
        out[X + "supplements"] = meeting.supplements
    return out


def agenda_json(agenda: Agenda, items: list[PackItem],
                files: dict[str, bytes] | None = None) -> bytes:
    """``agenda.json`` for the meeting (UTF-8, sorted keys, a newline at the end)."""
    data = meeting_object(web_meeting(agenda, items), files)
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
