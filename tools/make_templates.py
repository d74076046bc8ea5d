"""Write the built-in house-style templates (templates/<style>/template.docx).

The .docx files are the product: officers open them in Word or LibreOffice, restyle and re-word
them. This script only makes the first version of each from code, so that the styles, fonts,
numbering and Jinja2 tags are consistent and reviewable. Run it from the repository root:

    python tools/make_templates.py

Tags are docxtpl's: ``{{ … }}`` text, ``{{p … }}`` a whole block of paragraphs (a section),
``{%p … %}`` paragraph-level control, ``{%tr … %}`` table-row loops, ``{{r … }}`` run-level XML.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reportgen.render import oxml  # noqa: E402
from reportgen.render.zipnorm import normalise_docx  # noqa: E402

FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
NUMBERED_PARAGRAPH = "Numbered Paragraph"
TABLE_STYLE = "Report Table"
LAYOUT_TABLE_STYLE = "Report Details"


# --------------------------------------------------------------------------- styles


def _base_document() -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin = section.bottom_margin = Cm(2.0)

    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(8)
    normal.paragraph_format.space_before = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    # East-Asian and complex-script font slots too, so Word does not fall back to Calibri.
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)

    sizes = {"Title": 18, "Heading 1": 14, "Heading 2": 12, "Heading 3": 12, "Heading 4": 12}
    for name, size in sizes.items():
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = name == "Heading 4"
        style.font.color.rgb = BLACK
        style.paragraph_format.space_before = Pt(12 if name != "Title" else 0)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        rpr = style.element.get_or_add_rPr()
        for tag in ("w:rFonts",):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        rfonts = rpr.get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            rfonts.attrib.pop(qn(attr), None)
    # The default template's Title carries a bottom border and theme colour: plain is clearer.
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)

    for name in ("List Bullet", "List Number", "List Bullet 2"):
        styles[name].paragraph_format.space_after = Pt(4)
        styles[name].paragraph_format.space_before = Pt(0)
    caption = styles["Caption"]
    caption.font.name = FONT
    caption.font.size = Pt(11)
    caption.font.bold = True
    caption.font.italic = False
    caption.font.color.rgb = BLACK
    caption.paragraph_format.space_before = Pt(10)
    caption.paragraph_format.space_after = Pt(4)
    caption.paragraph_format.keep_with_next = True

    _add_table_styles(doc)
    oxml.set_document_language(doc, "en-GB")
    # python-docx's default template carries Word 2010's stylesWithEffects.xml, a stale copy
    # of the styles that Word "repairs" when it disagrees with styles.xml. It is optional.
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(r_id)
    return doc


def _add_table_styles(doc: DocumentObject) -> None:
    """A bordered data-table style with a shaded header row, and a borderless layout style."""
    styles = doc.styles
    report = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    report.base_style = styles["Table Grid"]
    report.font.name = FONT
    report.font.size = Pt(11)
    report.element.append(
        parse_xml(
            f"<w:tblStylePr {nsdecls('w')} w:type=\"firstRow\">"
            "<w:rPr><w:b/></w:rPr>"
            "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/></w:tcPr>"
            "</w:tblStylePr>"
        )
    )
    report.element.append(
        parse_xml(
            f"<w:tblStylePr {nsdecls('w')} w:type=\"lastRow\"><w:rPr><w:b/></w:rPr>"
            "<w:tcPr><w:tcBorders><w:top w:val=\"double\" w:sz=\"4\" w:space=\"0\" "
            "w:color=\"000000\"/></w:tcBorders></w:tcPr></w:tblStylePr>"
        )
    )
    details = styles.add_style(LAYOUT_TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    details.base_style = styles["Table Grid"]
    details.font.name = FONT
    details.font.size = Pt(12)


def _add_numbered_paragraph_style(doc: DocumentObject) -> None:
    """Body paragraphs numbered 1, 2, 3 … continuously across sections (Herefordshire style).

    One numbering instance shared by every paragraph of the style is what makes the count run on
    through the whole report; Word and LibreOffice renumber when an officer inserts a paragraph.
    """
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId")))
                    for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id, num_id = max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1
    abstract = parse_xml(
        f"<w:abstractNum {nsdecls('w')} w:abstractNumId=\"{abstract_id}\">"
        "<w:multiLevelType w:val=\"singleLevel\"/>"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        f"<w:pStyle w:val=\"{NUMBERED_PARAGRAPH.replace(' ', '')}\"/>"
        "<w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/>"
        "<w:pPr><w:ind w:left=\"567\" w:hanging=\"567\"/></w:pPr></w:lvl>"
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f"<w:num {nsdecls('w')} w:numId=\"{num_id}\">"
            f"<w:abstractNumId w:val=\"{abstract_id}\"/></w:num>"
        )
    )
    style = doc.styles.add_style(NUMBERED_PARAGRAPH, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    ppr = style.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(
            f"<w:numPr {nsdecls('w')}><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num_id}\"/></w:numPr>"
        ),
    )
    style.paragraph_format.left_indent = Cm(1.0)
    style.paragraph_format.first_line_indent = Cm(-1.0)


# --------------------------------------------------------------------------- building blocks


def _header_footer(doc: DocumentObject, header_text: str) -> None:
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.text = header_text
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in header.runs:
        run.font.size = Pt(9)
    section.header.add_paragraph("{%p if report.exempt %}")
    exempt = section.header.add_paragraph()
    exempt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    exempt_run = exempt.add_run(
        "NOT FOR PUBLICATION: exempt information under paragraph "
        "{{ report.exempt_paragraph }} of Part 1 of Schedule 12A to the Local Government "
        "Act 1972"
    )
    section.header.add_paragraph("{%p endif %}")
    exempt_run.font.size = Pt(9)
    exempt_run.font.bold = True

    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    oxml.add_field(footer, "PAGE", "1")
    footer.add_run(" of ")
    oxml.add_field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(9)


def _details_table(doc: DocumentObject, rows: list[tuple[str, ...]], widths: list[float]) -> Table:
    """A key/value block (meeting, date, subject …); its first row is marked as the header."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles[LAYOUT_TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for r, values in enumerate(rows):
        cells = table.rows[r].cells
        for c, value in enumerate(values):
            cells[c].width = Cm(widths[c])
            para = cells[c].paragraphs[0]
            para.paragraph_format.space_after = Pt(2)
            run = para.add_run(value)
            run.bold = c < len(values) - 1
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Cm(width)
    oxml.mark_header_row(table.rows[0])
    return table


def _control(doc: DocumentObject, tag: str) -> None:
    """A paragraph holding only a docxtpl paragraph-level tag (removed at render time)."""
    doc.add_paragraph(f"{{%p {tag} %}}")


def _block(doc: DocumentObject, expression: str) -> None:
    """A paragraph replaced at render time by a generated block of paragraphs and tables."""
    doc.add_paragraph(f"{{{{p {expression} }}}}")


def _clearance_table(doc: DocumentObject) -> None:
    """Statutory officer clearance: one row an officer, each with a ticked checkbox."""
    # docxtpl drops the rows holding {%tr %} tags, so the loop opens and closes in rows of
    # their own around the single body row it repeats.
    table = doc.add_table(rows=4, cols=3)
    table.style = doc.styles[TABLE_STYLE]
    rows = (
        ("Officer", "Cleared", "On behalf of"),
        ("{%tr for officer in clearance %}", "", ""),
        ("{% if officer.status == 'not_required' %}Not required: {{ officer.reason }}"
         "{% else %}Name: {{ officer.name or '' }}{% endif %}",
         "{{r checkbox(officer.cleared) }}", "{{ officer.capacity_text }}"),
        ("{%tr endfor %}", "", ""),
    )
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text, width in zip(row.cells, texts, (7.5, 2.2, 7.0), strict=True):
            cell.width = Cm(width)
            if text:
                cell.paragraphs[0].add_run(text)
    for col, width in zip(table.columns, (7.5, 2.2, 7.0), strict=True):
        col.width = Cm(width)
    body = table.rows[2]
    body.cells[0].add_paragraph(
        "Date: {{ officer.date | longdate(date_styles.clearance) if officer.date else '' }}")
    body.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    oxml.mark_header_row(table.rows[0])


# --------------------------------------------------------------------------- the three styles


def cover_sheet() -> DocumentObject:
    """Harrow 2016: REPORT FOR block, four numbered Sections, clearance with ticked boxes."""
    doc = _base_document()
    _header_footer(doc, "{{ council }} | {{ meeting.committee }} | "
                   "{{ meeting.date | longdate(date_styles.meeting) }}")
    doc.add_paragraph("{{ report.title }}", style="Title")
    _details_table(
        doc,
        [
            ("REPORT FOR:", "{{ meeting.committee }}"),
            ("Date of Meeting:", "{{ meeting.date | longdate(date_styles.meeting) }}"),
            ("Subject:", "{{ report.title }}"),
            ("Key Decision:", "{{ report.key_decision | yesno }}"),
            ("Responsible Officer:", "{{ report.responsible_officer }}"),
            ("Portfolio Holder:", "{{ report.portfolio_holder or 'Not applicable' }}"),
            ("Exempt:", "{{ exempt_text }}"),
            ("Decision subject to Call-in:", "{{ call_in_text }}"),
            ("Wards affected:", "{{ report.wards | join(', ') }}"),
            ("Enclosures:", "{{ enclosures_text }}"),
        ],
        [5.5, 11.0],
    )
    _block(doc, "other_details()")
    _control(doc, "if given.body")
    _block(doc, "body()")
    _control(doc, "else")
    doc.add_heading("Section 1 – Summary and Recommendations", level=1)
    _block(doc, "section('summary')")
    # Recommendations print whenever the officer gives them, on any kind of report.
    _control(doc, "if given.recommendations or report.type == 'decision'")
    doc.add_heading("Recommendations", level=2)
    _block(doc, "recommendations()")
    _control(doc, "if given.reasons or report.type == 'decision'")
    doc.add_heading("Reason for recommendations", level=2)
    _block(doc, "reasons()")
    _control(doc, "endif")
    _control(doc, "else")
    p = doc.add_paragraph()
    p.add_run("INFORMATION REPORT").bold = True
    _control(doc, "endif")
    doc.add_heading("Section 2 – Report", level=1)
    _block(doc, "section('report')")
    for heading, ids in (
        ("Financial Implications", "'financial_implications'"),
        ("Legal Implications", "'legal_implications'"),
        ("Risk Management Implications", "'risk_management'"),
        ("Equalities implications / Public Sector Equality Duty", "'equalities'"),
        ("Council Priorities", "'council_priorities', 'community_impact'"),
    ):
        shown = " or ".join(f"show.{i.strip(chr(39))}" for i in ids.split(", "))
        _control(doc, f"if {shown}")
        doc.add_heading(heading, level=2)
        _block(doc, f"section({ids})")
        _control(doc, "endif")
    _block(doc, "other_sections()")
    _control(doc, "endif")
    doc.add_heading("Section 3 – Statutory Officer Clearance", level=1)
    _clearance_table(doc)
    doc.add_heading("Notifications", level=2)
    _details_table(
        doc,
        [
            ("Ward Councillors notified:", "{{ ward_councillors_text }}"),
            ("EqIA carried out:", "{{ eqia_text }}"),
        ],
        [8.0, 8.5],
    )
    doc.add_heading("Section 4 – Contact Details and Background Papers", level=1)
    _block(doc, "contacts_block()")
    doc.add_heading("Background Papers", level=2)
    _block(doc, "background_papers()")
    _control(doc, "if given.appendices")
    doc.add_heading("Appendices", level=2)
    _block(doc, "appendices()")
    _control(doc, "endif")
    return doc


def numbered_paragraphs() -> DocumentObject:
    """Herefordshire 2018: details block, then body paragraphs numbered 1, 2, 3 … throughout."""
    doc = _base_document()
    _add_numbered_paragraph_style(doc)
    _header_footer(doc, "{{ council }} | {{ meeting.committee }}")
    doc.add_paragraph("{{ report.title }}", style="Title")
    _details_table(
        doc,
        [
            ("Meeting:", "{{ meeting.committee }}"),
            ("Meeting date:", "{{ meeting.date | longdate(date_styles.meeting) }}"),
            ("Title of report:", "{{ report.title }}"),
            ("Report by:", "{{ report.report_by or report.responsible_officer }}"),
        ],
        [5.0, 11.5],
    )
    _block(doc, "other_details()")
    doc.add_heading("Classification", level=1)
    doc.add_paragraph("{{ report.classification_text }}")
    doc.add_heading("Decision type", level=1)
    doc.add_paragraph("{{ decision_type_text }}")
    doc.add_heading("Wards affected", level=1)
    doc.add_paragraph("{{ report.wards | join('; ') }}")
    _control(doc, "if given.body")
    _block(doc, "body()")
    _control(doc, "else")
    doc.add_heading("Purpose and summary", level=1)
    _block(doc, "section('summary', numbered=False)")
    doc.add_heading("Recommendation(s)", level=1)
    # The lead-in ("That:") and lettering are style.yaml options.
    _block(doc, "recommendations()")
    _control(doc, "if given.reasons")
    doc.add_heading("Reason(s) for recommendation(s)", level=1)
    _block(doc, "reasons()")
    _control(doc, "endif")
    shows = {"Alternative options": "show.alternative_options", "Key considerations": "true",
             "Community impact": "show.community_impact or show.council_priorities",
             "Equality duty": "show.equalities",
             "Resource implications": "show.financial_implications",
             "Legal implications": "show.legal_implications",
             "Risk management": "show.risk_management", "Consultees": "show.consultees"}
    for heading, call in (
        ("Alternative options", "section('alternative_options')"),
        ("Key considerations", "section('report')"),
        ("Community impact", "section('community_impact', 'council_priorities')"),
        ("Equality duty", "standard('equality_duty') "),
        ("Resource implications", "section('financial_implications')"),
        ("Legal implications", "section('legal_implications')"),
        ("Risk management", "section('risk_management')"),
        ("Consultees", "section('consultees')"),
    ):
        _control(doc, f"if {shows[heading]}")
        doc.add_heading(heading, level=1)
        _block(doc, call)
        if heading == "Equality duty":
            _block(doc, "section('equalities')")
        if heading == "Key considerations":
            _block(doc, "other_sections()")
        _control(doc, "endif")
    _control(doc, "endif")
    _clearance_section(doc)
    doc.add_heading("Appendices", level=1)
    _block(doc, "appendices()")
    doc.add_heading("Background papers", level=1)
    _block(doc, "background_papers()")
    _control(doc, "if contacts")
    doc.add_heading("Contact details", level=1)
    _block(doc, "contacts_block()")
    _control(doc, "endif")
    return doc


def report_to_members() -> DocumentObject:
    """Rotherham 2010: numbered headings 1–11 and the contact block."""
    doc = _base_document()
    _header_footer(doc, "{{ council }} | {{ meeting.committee }}")
    doc.add_paragraph("{{ council | upper }} – REPORT TO MEMBERS", style="Title")
    table = _details_table(
        doc,
        [
            ("1", "Meeting:", "{{ meeting.committee }}"),
            ("2", "Date:", "{{ meeting.date | longdate(date_styles.meeting) }}"),
            ("3", "Title:", "{{ report.title }}"),
            ("4", "Directorate:", "{{ report.directorate or '\u2013' }}"),  # none: a dash
        ],
        [1.0, 4.0, 11.5],
    )
    for row in table.rows:
        row.cells[0].paragraphs[0].runs[0].bold = False
    _block(doc, "other_details()")
    _control(doc, "if given.body")
    _block(doc, "body()")
    _control(doc, "else")
    for heading, call in (
        ("5. Summary", "section('summary')"),
        ("6. Recommendations", "recommendations(bold=True)"),
        ("7. Proposals and Details", "section('report')"),
        ("8. Finance", "section('financial_implications')"),
        ("9. Risks and Uncertainties", "section('risk_management')"),
        ("10. Policy and Performance Agenda Implications",
         "section('council_priorities', 'community_impact')"),
    ):
        doc.add_heading(heading, level=1)
        _block(doc, call)
        if heading.startswith("6."):
            _control(doc, "if given.reasons")
            doc.add_heading("Reasons for the recommendations", level=2)
            _block(doc, "reasons()")
            _control(doc, "endif")
        if heading.startswith("7."):
            _block(doc, "other_sections()")
    _control(doc, "endif")
    # Numbered 11 after the style's own headings 5 to 10; unnumbered after the officer's body.
    doc.add_heading("{{ '' if given.body else '11. ' }}Background Papers and Consultation",
                    level=1)
    _block(doc, "background_papers()")
    _control(doc, "if not given.body")
    _block(doc, "section('consultees', missing='')")
    _control(doc, "endif")
    _control(doc, "if given.appendices")
    doc.add_heading("Appendices", level=2)
    _block(doc, "appendices()")
    _control(doc, "endif")
    doc.add_heading("Contact", level=2)
    _block(doc, "contacts_block(labelled=True)")
    _clearance_section(doc)
    return doc


def _clearance_section(doc: DocumentObject) -> None:
    """Clearance for a form without a sign-off box: printed only when the report gives it."""
    _control(doc, "if given.clearance")
    doc.add_heading("Statutory officer clearance", level=1)
    _block(doc, "clearance_block()")
    _control(doc, "endif")


def council_form() -> DocumentObject:
    """A form built from style.yaml options: title block, the officer's body, end matter.

    Everything a council varies (title lines, numbering, recommendation labels, date style,
    required parts) is an option, so a style of its own needs only a style.yaml
    (template_from: council-form)."""
    doc = _base_document()
    _add_numbered_paragraph_style(doc)
    _header_footer(doc, "{{ council }} | {{ meeting.committee }}")
    _block(doc, "title_block()")
    _block(doc, "other_details()")
    _block(doc, "body()")
    for condition, heading, call in (
        ("given.appendices", "Appendices", "appendices()"),
        ("given.background_papers", "Background papers", "background_papers()"),
        ("given.contacts", "Contact officer", "contacts_block(labelled=True)"),
    ):
        _control(doc, f"if {condition}")
        doc.add_heading(heading, level=1)
        _block(doc, call)
        _control(doc, "endif")
    _clearance_section(doc)
    return doc


STYLES = {
    "council-form": council_form,
    "cover-sheet": cover_sheet,
    "numbered-paragraphs": numbered_paragraphs,
    "report-to-members": report_to_members,
}


def main() -> None:
    for name, make in STYLES.items():
        doc = make()
        # Fixed core properties so the committed template is reproducible.
        props = doc.core_properties
        props.author = "reportgen"
        props.title = f"reportgen house style: {name}"
        props.last_modified_by = "reportgen"
        props.revision = 1
        import datetime as dt

        fixed = dt.datetime(2026, 1, 1, 0, 0, 0)
        props.created = props.modified = fixed
        buffer = io.BytesIO()
        doc.save(buffer)
        out = ROOT / "templates" / name / "template.docx"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(normalise_docx(buffer.getvalue()))
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
