"""A table's body rows copied in after docxtpl (render/blocks.py ``RowsLater``) give the same
document as rows passed through docxtpl, whatever the cells hold."""

from __future__ import annotations

import io

import docx
from lxml import etree

from reportgen.render.blocks import write_table
from reportgen.render.docx import _StrictTemplate
from reportgen.render.tables import Column, TableSpec

AWKWARD = ("plain", "{_{ not a tag }_}", "{_% nor this %_}", "tab\there", "line\nbreak",
           " leading space", "trailing space ", "", "bell\x07gone", "£1,234.56", "a & b < c",
           "carriage\rreturn", "reportgen-rows-not-a-token-0")


def _spec() -> TableSpec:
    columns = (Column("Name"), Column("Value", "right"), Column("Other"))
    rows = tuple((AWKWARD[i % len(AWKWARD)], str(i), AWKWARD[(i * 5 + 3) % len(AWKWARD)])
                 for i in range(60))
    return TableSpec("t", columns, rows, ("Total", "1,770", ""), caption="Caption",
                     note="A note.")


def _template() -> bytes:
    document = docx.Document()
    document.add_paragraph("Before")
    document.add_paragraph("{{p table }}")
    document.add_paragraph("{{p table }}")  # the same subdocument shown twice
    document.add_paragraph("After")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _render(later: bool) -> bytes:
    from reportgen.render.blocks import RowsLater

    tpl = _StrictTemplate(io.BytesIO(_template()))
    tpl.init_docx()
    sub = tpl.new_subdoc()
    rows_later = RowsLater() if later else None
    tpl.rows_later = rows_later
    if rows_later is not None:
        with rows_later:
            write_table(sub, _spec())
    else:
        write_table(sub, _spec())
    tpl.render({"table": sub})
    if rows_later is not None:
        rows_later.fill(tpl.docx.element.body)
    return etree.tostring(tpl.docx.element.body)


def test_rows_copied_after_docxtpl_give_the_same_body() -> None:
    through, after = _render(later=False), _render(later=True)
    assert b"reportgen-rows-" in through  # the awkward cell that only looks like a token
    assert through == after
    body = etree.fromstring(after)
    tables = body.findall(".//{*}tbl")
    assert len(tables) == 2 and all(len(t.findall("{*}tr")) == 62 for t in tables)


def test_no_marker_is_left_behind() -> None:
    after = _render(later=True).decode()
    assert after.count("reportgen-rows-") == after.count("reportgen-rows-not-a-token-0")
