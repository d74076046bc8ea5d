"""The finishing pass: rows kept whole, headings kept with their text, no blank last page."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn

from reportgen.pipeline import load_report, render
from reportgen.render import oxml
from reportgen.render.finish import finish_document, heading_style_ids
from reportgen.styles import builtin_style_names

from .helpers import FIXTURES

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


def _trpr_tags(row: docx.table._Row) -> list[str]:
    trPr = row._tr.trPr
    return [child.tag.rsplit("}", 1)[1] for child in trPr] if trPr is not None else []


def test_every_row_is_kept_whole_in_schema_order_and_idempotent() -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    oxml.mark_header_row(table.rows[0])
    table.rows[1].height = docx.shared.Cm(1)  # a w:trHeight, which comes after w:cantSplit
    nested = table.cell(2, 0).add_table(rows=1, cols=1)
    document.add_paragraph("After the table.")
    finish_document(document)
    finish_document(document)
    assert _trpr_tags(table.rows[0]) == ["cantSplit", "tblHeader"]
    assert _trpr_tags(table.rows[1]) == ["cantSplit", "trHeight"]
    assert _trpr_tags(table.rows[2]) == ["cantSplit"]
    assert _trpr_tags(nested.rows[0]) == ["cantSplit"]


def test_a_cant_split_set_off_is_turned_on() -> None:
    document = docx.Document()
    row = document.add_table(rows=1, cols=1).rows[0]
    trPr = row._tr.get_or_add_trPr()
    off = docx.oxml.OxmlElement("w:cantSplit", {qn("w:val"): "0"})
    trPr.append(off)
    finish_document(document)
    assert trPr.findall(qn("w:cantSplit")) == [off] and off.get(qn("w:val")) is None


def test_headings_are_kept_with_next_even_when_the_style_is_not() -> None:
    document = docx.Document()
    styles = document.styles
    heading = styles["Heading 2"]
    heading.paragraph_format.keep_with_next = False  # an edited template lost the setting
    custom = styles.add_style("Section heading", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = styles["Heading 1"]  # a heading by inheritance
    h2 = document.add_paragraph("Financial implications", style="Heading 2")
    own = document.add_paragraph("Background", style="Section heading")
    body = document.add_paragraph("Text.", style="Normal")
    assert {"Heading2", custom.style_id} <= heading_style_ids(document)
    assert "Normal" not in heading_style_ids(document)
    finish_document(document)
    assert h2.paragraph_format.keep_with_next is True
    assert own.paragraph_format.keep_with_next is True
    assert body.paragraph_format.keep_with_next is None


def test_no_blank_last_page() -> None:
    document = docx.Document()
    document.add_paragraph("Contact: A. N. Officer")
    document.add_paragraph("")
    document.add_paragraph("").add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("   ")
    finish_document(document)
    assert [p.text for p in document.paragraphs] == ["Contact: A. N. Officer"]
    assert document.element.body[-1].tag == qn("w:sectPr")  # the section is kept


def test_a_final_table_keeps_one_paragraph_after_it_without_its_page_break() -> None:
    document = docx.Document()
    document.add_paragraph("Appendix")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Row"
    last = document.add_paragraph("")
    last.add_run().add_break(WD_BREAK.PAGE)
    last.paragraph_format.page_break_before = True
    document.add_paragraph("")
    finish_document(document)
    body = [c.tag for c in document.element.body]
    assert body == [qn("w:p"), qn("w:tbl"), qn("w:p"), qn("w:sectPr")]
    assert not list(document.element.body[2].iter(qn("w:br")))
    assert document.paragraphs[-1].paragraph_format.page_break_before is None


def test_a_picture_or_a_field_at_the_end_is_kept() -> None:
    document = docx.Document()
    document.add_paragraph("Text")
    oxml.add_field(document.add_paragraph(), "PAGE", placeholder="")
    finish_document(document)
    assert len(document.paragraphs) == 2


def test_rendered_reports_rows_headings_and_end_in_every_style() -> None:
    loaded = load_report(HARROW)
    for style in builtin_style_names():
        document = docx.Document(io.BytesIO(render(loaded, style).docx))
        rows = list(document.element.body.iter(qn("w:tr")))
        assert rows, style
        # The template's own tables (the clearance table) as well as generated ones.
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
        headings = heading_style_ids(document)
        for p in document.paragraphs:
            if p.style is not None and p.style.style_id in headings:
                assert p.paragraph_format.keep_with_next is True, (style, p.text)
        last = [c for c in document.element.body if c.tag != qn("w:sectPr")][-1]
        assert last.tag != qn("w:p") or "".join(last.itertext()).strip(), style


def test_heading_styles_through_a_long_or_circular_based_on_chain() -> None:
    """A template is untrusted: a 3,000-style basedOn chain or a cycle must not recurse."""
    document = docx.Document()
    styles = document.styles.element

    def style(style_id: str, based_on: str) -> None:
        element = docx.oxml.OxmlElement("w:style", {qn("w:type"): "paragraph",
                                                    qn("w:styleId"): style_id})
        element.append(docx.oxml.OxmlElement("w:basedOn", {qn("w:val"): based_on}))
        styles.append(element)

    previous = "Heading1"
    for n in range(3000):
        style(f"Chain{n}", previous)
        previous = f"Chain{n}"
    style("LoopA", "LoopB")
    style("LoopB", "LoopA")
    found = heading_style_ids(document)
    assert "Chain2999" in found and "Chain0" in found
    assert "LoopA" not in found and "LoopB" not in found
