"""The agenda as a web page, and every published page of a pack written at once.

:func:`agenda_html` is the meeting's page: its details, membership and clerk, then Part I
items (each linking the page of its report and appendices), Part II items by title with the
Schedule 12A wording only, and each supplementary agenda. :func:`pack_pages` makes that page,
one page per Part I document and ``agenda.json``, all in memory; :func:`write_html_pack`
writes them atomically once every one is built (and only with ``force`` over files that
exist).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import ReportgenError
from reportgen.publish.html import _el, house_css, page, report_html, serialise
from reportgen.publish.meeting import (
    AGENDA_JSON,
    AGENDA_PAGE,
    WebItem,
    WebMeeting,
    web_meeting,
)
from reportgen.render.markup import clean_xml_text

if TYPE_CHECKING:
    from reportgen.agenda import Agenda
    from reportgen.documents import PackItem

__all__ = ["agenda_html", "pack_pages", "write_html_pack"]

_EMAIL = re.compile(r"[^@\s:/?#]+@[^@\s:/?#]+\.[^@\s:/?#]+")


def _items_table(parent: Any, caption: str, items: list[WebItem]) -> None:
    table = _el(parent, "table", class_="agenda-items")
    _el(table, "caption", caption)
    head = _el(_el(table, "thead"), "tr")
    for label in ("Item", "Title", "Wards"):
        _el(head, "th", label, scope="col")
    body = _el(table, "tbody")
    for item in items:
        row = _el(body, "tr", id=f"item-{item.number}")
        _el(row, "th", str(item.number), scope="row")
        cell = _el(row, "td")
        title = _el(cell, "p", class_="agenda-item-title")
        main = item.files[0] if item.files else None
        if main is not None:
            _el(title, "a", item.title, href=main.file_name)
        else:
            _el(title, "strong", item.title)
        wording = item.exempt_reason if not item.public else item.text
        if wording:
            _el(cell, "p", wording, class_="agenda-item-wording")
        if len(item.files) > 1:
            links = _el(cell, "ul", class_="agenda-item-files")
            for file in item.files[1:]:
                _el(_el(links, "li"), "a", file.name, href=file.file_name)
        _el(row, "td", ", ".join(item.wards))


def _details(parent: Any, rows: list[tuple[str, Any]]) -> None:
    dl = _el(parent, "dl", class_="meeting")
    for label, value in rows:
        _el(dl, "dt", label)
        dd = _el(dl, "dd")
        if isinstance(value, str):
            dd.text = clean_xml_text(value)
        else:
            dd.append(value)


def _agenda_page(meeting: WebMeeting, agenda: Agenda, css: str | None) -> bytes:
    banner = _el_detached("p", meeting.council)
    html, main, body = page(f"{meeting.name}: agenda",
                            css=css, header=[banner])
    _el(main, "h1", f"{meeting.committee}: agenda")
    rows: list[tuple[str, Any]] = [("Date", meeting.written(meeting.date)),
                                   ("Time", meeting.time), ("Venue", meeting.venue)]
    if meeting.publication_date:
        rows.append(("Published", meeting.written(meeting.publication_date)))
    _details(main, rows)
    _el(main, "h2", "Membership")
    members: list[tuple[str, Any]] = [("Chair", agenda.membership.chair)]
    if agenda.membership.vice_chair:
        members.append(("Vice-chair", agenda.membership.vice_chair))
    if agenda.membership.members:
        members.append(("Members", ", ".join(agenda.membership.members)))
    _details(main, members)
    _el(main, "h2", "Contact")
    clerk = agenda.clerk
    contact: list[tuple[str, Any]] = [
        ("Clerk", clerk.name + (f", {clerk.job_title}" if clerk.job_title else ""))]
    if clerk.phone:
        contact.append(("Telephone", clerk.phone))
    if clerk.email:
        email = clerk.email.strip()
        if _EMAIL.fullmatch(email):
            link = _el_detached("a", email)
            link.set("href", f"mailto:{email}")
            contact.append(("Email", link))
        else:
            contact.append(("Email", email))
    _details(main, contact)
    part2 = meeting.part(False, None)
    if part2:
        _el(main, "p", "The press and public are welcome to attend the meeting, except for "
                       "any items in Part II of the agenda, which are not for publication.")
    _section(main, "Agenda", meeting.part(True, None), part2, level="h2")
    for number in meeting.supplements:
        public = meeting.part(True, number)
        exempt = meeting.part(False, number)
        heading = _el(main, "h2", f"Supplementary agenda {number}")
        heading.set("id", f"supplement-{number}")
        _el(main, "p", "These items were added to the agenda after it was published; the "
                       "item numbers continue from it.")
        _section(main, None, public, exempt, level="h3")
    footer = _el(body, "footer", class_="page-footer")
    _el(_el(footer, "p"), "a", "This agenda as open data (OParl JSON)", href=AGENDA_JSON)
    return serialise(html)


def _el_detached(tag: str, text: str) -> Any:
    from lxml import etree

    element = etree.Element(tag)
    element.text = clean_xml_text(text)
    return element


def _section(main: Any, heading: str | None, public: list[WebItem], exempt: list[WebItem],
             level: str) -> None:
    if heading:
        _el(main, level, heading)
    if public:
        _items_table(main, "Part I: public items", public)
    if exempt:
        _items_table(main, "Part II: items not for publication", exempt)


def _agenda_css(agenda: Agenda) -> str | None:
    from reportgen.documents import DEFAULT_FRONT_STYLE
    from reportgen.styles import resolve_style, style_places

    return house_css(resolve_style(agenda.style or DEFAULT_FRONT_STYLE,
                                   base=agenda.folder,
                                   places=style_places(agenda.folder)).template)


def agenda_html(agenda: Agenda, items: list[PackItem], *, css: str | None = None) -> bytes:
    """The agenda page (UTF-8 HTML). ``css`` defaults to the front-sheet style's html.css."""
    meeting = web_meeting(agenda, items)
    return _agenda_page(meeting, agenda, css if css is not None else _agenda_css(agenda))


def pack_pages(agenda: Agenda, items: list[PackItem]) -> dict[str, bytes]:
    """Every file ``pack --html`` publishes, by file name: the agenda page, agenda.json and
    one page for each document of each Part I item. Exempt items' documents are never made
    into pages."""
    from reportgen.publish.agenda_json import agenda_json

    meeting = web_meeting(agenda, items)
    by_number = {p.number: p for p in items}
    out: dict[str, bytes] = {}
    agenda_css = _agenda_css(agenda)
    for item in meeting.items:
        if not item.public:
            continue
        pitem = by_number[item.number]
        css = agenda_css
        if pitem.report is not None:  # the style the report was rendered in
            css = house_css(pitem.report.style_template)
        for file in item.files:
            _, data = pitem.documents[file.index]
            try:
                out[file.file_name] = report_html(
                    data, css=css, title=f"Item {item.number}: {file.name}",
                    back=(AGENDA_PAGE, f"Back to the agenda: item {item.number}"))
            except ReportgenError as exc:
                raise ReportgenError(f"agenda item {item.number} ({item.title}): "
                                     f"{file.name}: {exc.line()}") from None
    out[AGENDA_PAGE] = _agenda_page(meeting, agenda, agenda_css)
    out[AGENDA_JSON] = agenda_json(agenda, items, files=out)
    return dict(sorted(out.items()))


def write_html_pack(agenda: Agenda, items: list[PackItem], folder: str | Path, *,
                    force: bool = False) -> list[Path]:
    """Write :func:`pack_pages` into ``folder``; every target is checked before anything is
    written, so a refusal leaves nothing half-done. Returns the paths written."""
    from reportgen.fileio import write_atomic

    folder = Path(folder)
    pages = pack_pages(agenda, items)
    paths = {name: folder / name for name in pages}
    for path in paths.values():
        if path.exists() and not force:
            raise ReportgenError("already exists: use --force to replace it", file=path)
    written = []
    for name, path in paths.items():
        write_atomic(path, pages[name], force=force)
        written.append(path)
    return written
