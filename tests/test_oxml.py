"""Tests for the raw-XML helpers: exact XML, schema order, idempotence, files that reopen."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import struct
import zipfile
import zlib
from typing import Any

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.render import oxml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _png() -> bytes:
    """A valid 1x1 white PNG, built here so the test needs no image file."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def xml(element: Any) -> str:
    """``element`` serialised without namespace declarations, for exact comparisons."""
    text = etree.tostring(copy.deepcopy(element), encoding="unicode")
    return re.sub(r' xmlns:\w+="[^"]*"', "", text)


def reopen(document: DocumentObject) -> tuple[DocumentObject, bytes]:
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    etree.fromstring(body)  # well-formed, or this raises
    return docx.Document(io.BytesIO(data)), body


def test_mark_header_row_in_schema_order_and_idempotent() -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    row = table.rows[0]
    row.height = Cm(1)  # w:trHeight sits between cantSplit and tblHeader
    oxml.mark_header_row(row)
    oxml.mark_header_row(row)
    assert xml(row._tr.trPr) == (
        '<w:trPr><w:cantSplit/><w:trHeight w:val="567"/><w:tblHeader/></w:trPr>'
    )
    assert table.rows[1]._tr.trPr is None


def test_mark_header_row_drops_an_off_value() -> None:
    document = docx.Document()
    row = document.add_table(rows=1, cols=1).rows[0]
    trPr = row._tr.get_or_add_trPr()
    trPr.append(etree.fromstring(f'<w:tblHeader xmlns:w="{W}" w:val="0"/>'))
    oxml.mark_header_row(row)
    assert xml(trPr) == "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"


def test_set_cell_shading_after_width_and_before_valign() -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    tcPr = cell._tc.get_or_add_tcPr()
    tcPr.append(etree.fromstring(f'<w:vAlign xmlns:w="{W}" w:val="center"/>'))
    oxml.set_cell_shading(cell, "#1f4e79")
    oxml.set_cell_shading(cell, "D9E2F3")
    assert xml(tcPr) == (
        '<w:tcPr><w:tcW w:type="dxa" w:w="8640"/>'
        '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'
        '<w:vAlign w:val="center"/></w:tcPr>'
    )


@pytest.mark.parametrize("colour", ["blue", "#12345", "1234567", ""])
def test_set_cell_shading_rejects_bad_colour(colour: str) -> None:
    cell = docx.Document().add_table(rows=1, cols=1).cell(0, 0)
    with pytest.raises(ReportgenError, match="six-digit hex colour"):
        oxml.set_cell_shading(cell, colour)


def test_set_table_look_and_alt_text() -> None:
    table = docx.Document().add_table(rows=1, cols=1)
    table.style = "Table Grid"
    oxml.set_table_alt_text(table, "Placements by type", "Counts at 31 March")
    oxml.set_table_look(table)  # firstRow 0x20 + noVBand 0x400 = 0x0420
    assert xml(table._tbl.tblPr) == (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:type="auto" w:w="0"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
        '<w:tblCaption w:val="Placements by type"/>'
        '<w:tblDescription w:val="Counts at 31 March"/></w:tblPr>'
    )
    # Word's own default look, 04A0: first row + first column + no vertical banding.
    oxml.set_table_look(table, first_column=True)
    assert table._tbl.tblPr.find(qn("w:tblLook")).get(qn("w:val")) == "04A0"
    oxml.set_table_alt_text(table, "Only a title")
    assert table._tbl.tblPr.find(qn("w:tblDescription")) is None
    assert len(table._tbl.tblPr.findall(qn("w:tblLook"))) == 1


def test_set_alt_text_on_inline_picture() -> None:
    document = docx.Document()
    shape = document.add_picture(io.BytesIO(_png()), width=Inches(1))
    oxml.set_alt_text(shape, "Bar chart of spend\x00 by quarter", "Spend")
    reopened, _ = reopen(document)
    docPr = reopened.inline_shapes[0]._inline.docPr
    assert docPr.get("descr") == "Bar chart of spend by quarter"
    assert docPr.get("title") == "Spend"
    oxml.set_alt_text(shape._inline.docPr, "New", None)
    assert shape._inline.docPr.get("descr") == "New"
    assert shape._inline.docPr.get("title") is None


def test_add_field_page() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Page ")
    run = oxml.add_field(paragraph, "PAGE")
    run.bold = True
    assert xml(paragraph._p) == (
        '<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def test_add_field_dirty_pageref() -> None:
    paragraph = docx.Document().add_paragraph()
    oxml.add_field(paragraph, "PAGEREF _Toc1 \\h", placeholder="?", dirty=True)
    runs = paragraph._p.findall(qn("w:r"))
    assert runs[0][0].get(qn("w:dirty")) == "true"
    assert runs[1][0].text == " PAGEREF _Toc1 \\h "
    assert paragraph.text == "?"


def _checkbox_xml(checked: bool) -> str:
    glyph = "\u2612" if checked else "\u2610"
    return (
        "<w:sdt><w:sdtPr><w14:checkbox>"
        f'<w14:checked w14:val="{1 if checked else 0}"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        "</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr>"
        '<w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"'
        f' w:hint="eastAsia"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>'
    )


@pytest.mark.parametrize("checked", [True, False])
def test_add_checkbox_exact_xml(checked: bool) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Key decision ")
    sdt = oxml.add_checkbox(paragraph, checked)
    text = etree.tostring(copy.deepcopy(sdt), encoding="unicode")
    assert re.sub(r' xmlns:\w+="[^"]*"', "", text).replace("&#9746;", "\u2612").replace(
        "&#9744;", "\u2610"
    ) == _checkbox_xml(checked)
    # The default template already declares w14 and lists it as ignorable: nothing changes.
    assert document.element.get(f"{{{MC}}}Ignorable") == "w14 wp14"


def test_add_checkbox_declares_w14_on_a_root_without_it() -> None:
    document = docx.Document()
    root = document.element
    del root.attrib[f"{{{MC}}}Ignorable"]
    etree.cleanup_namespaces(root)  # drops the now unused w14 and mc declarations
    assert "w14" not in root.nsmap and "mc" not in root.nsmap

    oxml.add_checkbox(document.add_paragraph("Exempt? "), True)
    reopened, body = reopen(document)

    start = body[: body.index(b">", body.index(b"<w:document"))].decode()
    assert f'xmlns:w14="{W14}"' in start
    assert f'xmlns:mc="{MC}"' in start
    assert 'mc:Ignorable="w14"' in start
    assert b"ns0" not in body
    assert body.count(W14.encode()) == 1  # declared once, on the root
    assert reopened.element.get(f"{{{MC}}}Ignorable") == "w14"
    checked = reopened.element.find(".//" + qn("w14:checked"))
    assert checked is not None and checked.get(qn("w14:val")) == "1"
    assert reopened.paragraphs[-1].text == "Exempt? "  # python-docx skips content controls


def test_ensure_w14_keeps_existing_ignorable_prefixes() -> None:
    root = etree.fromstring(
        f'<w:document xmlns:w="{W}" xmlns:mc="{MC}" '
        'xmlns:wp14="urn:wp14" mc:Ignorable="wp14"><w:body/></w:document>'
    )
    oxml.ensure_w14(root)
    oxml.ensure_w14(root)
    assert root.get(f"{{{MC}}}Ignorable") == "wp14 w14"
    assert root.nsmap["wp14"] == "urn:wp14"  # only used in an attribute value, but kept
    assert root.nsmap["w14"] == W14


def test_paragraph_keep_with_next_and_page_break_before_in_order() -> None:
    paragraph = docx.Document().add_paragraph("Heading", style="Heading 3")
    oxml.page_break_before(paragraph)
    oxml.keep_with_next(paragraph)
    assert xml(paragraph._p.pPr) == (
        '<w:pPr><w:pStyle w:val="Heading3"/><w:keepNext/><w:pageBreakBefore/></w:pPr>'
    )


def test_set_document_language() -> None:
    document = docx.Document()
    oxml.set_document_language(document, "en-GB")
    oxml.set_document_language(document, "en-GB")
    styles = document.styles.element
    default_rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    # Only w:val changes; the east Asian and bidi languages stay as the template set them.
    assert xml(default_rpr).endswith(
        '<w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
    )
    normal = document.styles["Normal"].element
    assert xml(normal.rPr) == '<w:rPr><w:lang w:val="en-GB"/></w:rPr>'
    assert [child.tag for child in normal][-1] == qn("w:rPr")  # after name and qFormat
    with pytest.raises(ReportgenError, match="not a language tag"):
        oxml.set_document_language(document, "English")


def test_set_document_language_creates_doc_defaults() -> None:
    document = docx.Document()
    styles = document.styles.element
    styles.remove(styles.find(qn("w:docDefaults")))
    oxml.set_document_language(document, "cy-GB")
    assert styles[0].tag == qn("w:docDefaults")
    assert xml(styles[0]) == (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="cy-GB"/></w:rPr>'
        "</w:rPrDefault></w:docDefaults>"
    )


def test_set_core_properties() -> None:
    document = docx.Document()
    bst = dt.timezone(dt.timedelta(hours=1))
    oxml.set_core_properties(
        document,
        title="Placements\x0b budget: Quarter 1",
        subject="Children's services",
        author="Director of Children's Services",
        created=dt.datetime(2016, 7, 1, 9, 30, tzinfo=bst),
        keywords=["placements", "budget"],
    )
    reopened, _ = reopen(document)
    props = reopened.core_properties
    assert props.title == "Placements budget: Quarter 1"
    assert props.subject == "Children's services"
    assert props.author == props.last_modified_by == "Director of Children's Services"
    assert props.language == "en-GB"
    assert props.keywords == "placements; budget"
    assert props.comments == ""  # not "generated by python-docx"
    assert props.revision == 1
    # 09:30 BST is 08:30 UTC, for both dates since modified defaults to created.
    assert props.created == dt.datetime(2016, 7, 1, 8, 30, tzinfo=dt.timezone.utc)
    assert props.modified == dt.datetime(2016, 7, 1, 8, 30, tzinfo=dt.timezone.utc)


def test_set_core_properties_rejects_overlong_title() -> None:
    with pytest.raises(ReportgenError, match="title is longer than 255"):
        oxml.set_core_properties(docx.Document(), title="x" * 256)
