"""Front sheets: the meeting details, membership, clerk and the numbered agenda tables."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from reportgen.agenda import Agenda, schedule_12a_text
from reportgen.documents import DEFAULT_FRONT_STYLE
from reportgen.errors import ReportgenError
from reportgen.formatting import long_date
from reportgen.pack.items import PackItem, appendix_letter
from reportgen.render import oxml
from reportgen.render.blocks import NONE_MARK  # no wards, no paper: an en dash

# Children of w:settings that must come after w:updateFields (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip




def _front_template(agenda: Agenda) -> Path:
    from reportgen.styles import resolve_style, style_places

    return resolve_style(agenda.style or DEFAULT_FRONT_STYLE, base=agenda.folder,
                         places=style_places(agenda.folder, agenda.styles_folder,
                                             agenda.path)).template


def _blank_document(agenda: Agenda) -> DocumentObject:
    """The front-sheet template with its body emptied and its header naming the meeting."""
    from reportgen.render.package import template_bytes

    template = _front_template(agenda)
    data = template_bytes(template)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a bad file
        raise ReportgenError(f"not a usable Word template (.docx): {exc}", file=template) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    header = doc.sections[0].header
    line = (f"{agenda.council} | {agenda.meeting.committee} | "
            f"{long_date(agenda.meeting.date, agenda.date_style)}")
    paragraphs = header.paragraphs
    if paragraphs:
        for p in paragraphs[1:]:
            p._p.getparent().remove(p._p)
        first = paragraphs[0]
        runs = first.runs
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
        if runs:
            runs[0].text = line
        else:
            first.add_run(line)
    return doc


def _style(doc: DocumentObject, *names: str) -> str | None:
    for name in names:
        try:
            doc.styles[name]
        except KeyError:
            continue
        return name
    return None


def _para(doc: DocumentObject, text: str = "", style: str | None = None,
          bold: bool = False) -> Paragraph:
    p = doc.add_paragraph(style=_style(doc, style) if style else None)
    if text:
        p.add_run(text).bold = bold or None
    return p


def _set_widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Fixed column widths in the grid and every cell (LibreOffice reads the grid, Word the
    cells)."""
    table.autofit = False
    for row in table.rows:  # a row never splits across pages
        oxml._get_or_add(row._tr.get_or_add_trPr(), "w:cantSplit", oxml.TRPR_ORDER)
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _details_table(doc: DocumentObject, rows: list[tuple[str, str]], alt: str,
                   headings: tuple[str, str]) -> None:
    """A key/value table. Its first row names the two columns and is a header row
    (``w:tblHeader``): Word announces it, and LibreOffice's tagged PDF makes its cells TH, the
    only header cells it exports (it has no row headers), so the PDF/UA checks find them."""
    table = doc.add_table(rows=1, cols=2)
    style = _style(doc, "Report Details", "Table Grid")
    if style:
        table.style = style
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    oxml.mark_header_row(table.rows[0])
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    _set_widths(table, (Cm(4), Cm(12.7)))
    oxml.set_table_alt_text(table, alt)


def _meeting_details(doc: DocumentObject, agenda: Agenda) -> None:
    m = agenda.meeting
    # The agenda's date form, which its reports' meeting dates take too (pack/items.py).
    rows = [("Date", long_date(m.date, agenda.date_style)), ("Time", m.time),
            ("Venue", m.venue)]
    if agenda.publication_date:
        rows.append(("Published", long_date(agenda.publication_date, agenda.date_style)))
    _details_table(doc, rows, "Meeting details", ("Meeting", "Details"))
    _para(doc, "Membership", "Heading 2")
    members = [("Chair", agenda.membership.chair)]
    if agenda.membership.vice_chair:
        members.append(("Vice-chair", agenda.membership.vice_chair))
    if agenda.membership.members:
        members.append(("Members", ", ".join(agenda.membership.members)))
    _details_table(doc, members, "Membership", ("Role", "Name"))
    _para(doc, "Contact", "Heading 2")
    clerk = agenda.clerk
    contact = [("Clerk", clerk.name + (f", {clerk.job_title}" if clerk.job_title else ""))]
    if clerk.phone:
        contact.append(("Telephone", clerk.phone))
    if clerk.email:
        contact.append(("Email", clerk.email))
    _details_table(doc, contact, "Contact for this agenda", ("Contact", "Details"))


def _agenda_table(doc: DocumentObject, items: list[PackItem], in_pack: set[int],
                  heading: str) -> None:
    """The numbered agenda: item, title (and wording), wards, page (a PAGEREF field)."""
    _para(doc, heading, "Heading 2")
    table = doc.add_table(rows=1, cols=4)
    style = _style(doc, "Report Table", "Table Grid")
    if style:
        table.style = style
    for cell, label in zip(table.rows[0].cells, ("Item", "Title", "Wards", "Page"), strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    oxml.mark_header_row(table.rows[0])
    for pitem in items:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(str(pitem.number))
        cells[1].paragraphs[0].add_run(pitem.title).bold = True
        if pitem.exempt:
            cells[1].add_paragraph(schedule_12a_text(pitem.exempt_paragraph or 0) + ".")
        elif pitem.text:
            cells[1].add_paragraph(pitem.text)
        if pitem.item.standard is None and pitem.number in in_pack:
            for index, (label, _) in enumerate(pitem.documents[1:], start=1):
                line = cells[1].add_paragraph(f"Appendix {appendix_letter(index)}: {label} "
                                              "(page ")
                oxml.add_field(line, f"PAGEREF {pitem.document_bookmark(index)} \\h", "?",
                               dirty=True)
                line.add_run(")")
        # "–" where the agenda means "none" (no wards; no paper, so no page), as printed
        # agendas show it: an empty cell reads as a gap in the table, and a tagged PDF
        # exports it as an empty paragraph that screen readers stop on.
        cells[2].paragraphs[0].add_run(", ".join(pitem.wards) if pitem.wards else NONE_MARK)
        if pitem.number in in_pack and pitem.documents:
            oxml.add_field(cells[3].paragraphs[0], f"PAGEREF {pitem.bookmark} \\h", "?",
                           dirty=True)
        else:
            cells[3].paragraphs[0].add_run(NONE_MARK)
    _set_widths(table, (Cm(1.4), Cm(10.8), Cm(2.8), Cm(1.7)))
    oxml.set_table_alt_text(table, heading, "Agenda items with their wards and the page "
                            "of the pack where each begins")


def front_sheet(agenda: Agenda, heading: str, parts: list[tuple[str, list[PackItem]]],
                in_pack: set[int], intro: list[str], banner: str | None = None) -> DocumentObject:
    """A front sheet: meeting details, membership, clerk, then the agenda tables."""
    doc = _blank_document(agenda)
    if banner:
        _para(doc, banner, "Heading 1", bold=True)
    _para(doc, agenda.council, "Title")
    _para(doc, f"{agenda.meeting.committee}: {heading}", "Heading 1")
    for text in intro:
        _para(doc, text)
    _meeting_details(doc, agenda)
    first = True
    for title, items in parts:
        if not items:
            continue
        if first:
            p = _para(doc, "Agenda", "Heading 1")
            oxml.page_break_before(p)
            first = False
        _agenda_table(doc, items, in_pack, title)
    for p in doc.paragraphs:
        p.paragraph_format.space_after = p.paragraph_format.space_after or Pt(6)
    _enable_update_fields(doc)
    return doc


def _enable_update_fields(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (the agenda's page numbers) when the pack opens."""
    settings = doc.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        later = set()
        for tag in _AFTER_UPDATE_FIELDS:
            prefix, local = tag.split(":")
            later.add(qn(tag) if prefix == "w" else local)
        for child in settings:
            local = child.tag.rsplit("}", 1)[-1]
            if child.tag in later or local in later:
                child.addprevious(existing)
                break
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")


