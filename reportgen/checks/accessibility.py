"""Accessibility of the .docx (Public Sector Bodies Accessibility Regulations 2018 expect
published documents to meet WCAG 2.2 AA): title, language, heading order, table header rows
and alternative text."""

from __future__ import annotations

from reportgen.checks.findings import Finding
from reportgen.checks.registry import CheckContext, check, define

TITLE = define(
    "accessibility.title", "error",
    "The document has no title in its properties (screen readers announce it).", "docx")
LANGUAGE = define(
    "accessibility.language", "error",
    "The document's language is not set (screen readers need it to pronounce the text).",
    "docx")
HEADING_ORDER = define(
    "accessibility.heading-order", "error",
    "Headings skip a level going down (Heading 1 then Heading 3), or there are none.", "docx")
TABLE_HEADER = define(
    "accessibility.table-header", "error",
    "A table's first row is not marked as a header row.", "docx")
ALT_TEXT = define(
    "accessibility.alt-text", "error",
    "A picture or chart has no alternative text and is not marked decorative.", "docx")


@check("docx")
def accessibility(ctx: CheckContext) -> list[Finding]:
    assert ctx.doc is not None
    doc = ctx.doc
    out: list[Finding] = []
    if not doc.title:
        out.append(TITLE.finding(
            "the document has no title", where="document properties",
            fix="set File > Info > Properties > Title (reportgen sets it from report.title)"))
    if not (doc.style_language or doc.core_language):
        out.append(LANGUAGE.finding(
            "the document's language is not set", where="document styles",
            fix="set the language of the Normal style to English (United Kingdom), en-GB"))
    previous = 0
    if not doc.headings:
        out.append(HEADING_ORDER.finding(
            "the document has no headings", where="document",
            fix="use the Heading 1, Heading 2 … styles for the headings"))
    for heading in doc.headings:
        if heading.level > previous + 1:
            after = f"Heading {previous}" if previous else "the start of the document"
            out.append(HEADING_ORDER.finding(
                f"'{heading.text[:60]}' is Heading {heading.level} straight after {after}",
                where="document",
                fix=f"make it Heading {previous + 1}, or add the missing level above it"))
        previous = heading.level
    for table in doc.tables:
        if table.rows and not table.header_marked:
            out.append(TABLE_HEADER.finding(
                f"{table.name}: the first row is not marked as a header row",
                where="document",
                fix="in Word: Table Properties > Row > 'Repeat as header row at the top of each "
                    "page'"))
    for picture in doc.pictures:
        if not picture.descr.strip() and not picture.decorative:
            label = f"'{picture.name}'" if picture.name else "a picture"
            out.append(ALT_TEXT.finding(
                f"{label} in {picture.part} has no alternative text",
                where="document",
                fix="add alt text saying what the picture shows, or mark it decorative"))
    return out
