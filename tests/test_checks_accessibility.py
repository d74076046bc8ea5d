"""accessibility.*: title, language, heading order, table header rows and alt text."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from reportgen.checks import check_docx
from reportgen.pipeline import load_report, render
from reportgen.render.oxml import mark_header_row, set_alt_text
from reportgen.styles import builtin_style_names
from tests.helpers import FIXTURES


def _png() -> bytes:
    """A 1×1 white PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\xff\xff")) + chunk(b"IEND", b""))


def good_document() -> DocumentObject:
    doc = Document()
    doc.core_properties.title = "High Costs Placements Monitoring Update"
    doc.add_heading("Summary", level=1)
    doc.add_heading("Financial implications", level=2)
    doc.add_heading("Savings", level=3)
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Measure"
    mark_header_row(table.rows[0])
    doc.add_picture(io.BytesIO(_png()))
    set_alt_text(doc.inline_shapes[0], "Chart of spend against budget by month")
    return doc


def findings(doc: DocumentObject) -> list[tuple[str, str]]:
    out = io.BytesIO()
    doc.save(out)
    return [(f.rule, f.message) for f in check_docx(out.getvalue())
            if f.rule.startswith("accessibility.")]


def test_accessible_document_passes() -> None:
    assert findings(good_document()) == []


def test_title_missing() -> None:
    doc = good_document()
    doc.core_properties.title = ""
    assert findings(doc) == [("accessibility.title", "the document has no title")]


def test_language_missing() -> None:
    doc = good_document()
    for lang in list(doc.styles.element.iter(qn("w:lang"))):
        lang.getparent().remove(lang)
    assert findings(doc) == [("accessibility.language", "the document's language is not set")]


def test_heading_that_skips_a_level() -> None:
    doc = good_document()
    doc.add_heading("Risks", level=1)
    doc.add_heading("Detail", level=3)
    assert findings(doc) == [("accessibility.heading-order",
                              "'Detail' is Heading 3 straight after Heading 1")]


def test_document_without_headings() -> None:
    doc = Document()
    doc.core_properties.title = "Note"
    doc.add_paragraph("Just text.")
    assert findings(doc) == [("accessibility.heading-order", "the document has no headings")]


def test_table_without_header_row() -> None:
    doc = good_document()
    table = doc.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Line"
    assert findings(doc) == [("accessibility.table-header",
                              "table 2 (starting 'Line'): the first row is not marked as a "
                              "header row")]


def test_picture_without_alt_text() -> None:
    doc = good_document()
    doc.add_picture(io.BytesIO(_png()))
    assert findings(doc) == [("accessibility.alt-text",
                              "'Picture 2' in word/document.xml has no alternative text")]


@pytest.mark.parametrize("style", builtin_style_names())
def test_rendered_reports_are_accessible_in_every_house_style(style: str) -> None:
    loaded = load_report(FIXTURES / "harrow-2016-high-cost-placements")
    found = check_docx(render(loaded, style).docx)
    assert [f.line() for f in found if f.rule.startswith("accessibility.")] == []


def test_a_file_that_is_not_a_docx_is_one_error() -> None:
    from reportgen.errors import ReportgenError

    with pytest.raises(ReportgenError, match="not a readable Word document"):
        check_docx(b"not a zip file", "agenda.docx")
