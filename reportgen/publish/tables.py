"""Word tables as HTML tables: header rows, row headers, merged cells and captions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.limits import MAX_HTML_NESTING
from reportgen.publish.ooxml import _flatten, _int, _on, _on_attr, w
from reportgen.publish.page import _el, _text_of

if TYPE_CHECKING:
    from reportgen.publish.numbering import _Styles


@dataclass
class _Cell:
    tc: Any
    column: int
    span: int
    rowspan: int = 1
    merged: bool = False


class _Tables:
    """The converter's table writing (mixed into :class:`reportgen.publish.html._Converter`)."""

    depth: int
    styles: _Styles

    if TYPE_CHECKING:  # given by the converter
        def inline(self, p: Any, target: Any, *, drop_page_fields: bool = False) -> bool: ...
        def blocks(self, children: list[Any], parent: Any) -> None: ...
        def paragraph_style(self, p: Any) -> str | None: ...

    def table(self, tbl: Any, parent: Any, caption_para: Any) -> None:
        self.depth += 1
        if self.depth > MAX_HTML_NESTING:
            raise ReportgenError(f"the document nests tables more than {MAX_HTML_NESTING} "
                                 "deep")
        table = _el(parent, "table")
        tbl_pr = tbl.find(w("tblPr"))
        title = description = ""
        first_column = False
        if tbl_pr is not None:
            cap = tbl_pr.find(w("tblCaption"))
            desc = tbl_pr.find(w("tblDescription"))
            title = (cap.get(w("val")) or "") if cap is not None else ""
            description = (desc.get(w("val")) or "") if desc is not None else ""
            look = tbl_pr.find(w("tblLook"))
            if look is not None:
                # Word 2010 writes w:firstColumn; older files only the bit mask in w:val.
                flag = look.get(w("firstColumn"))
                mask = look.get(w("val")) or ""
                if flag is not None:
                    first_column = _on_attr(flag)
                elif re.fullmatch(r"[0-9A-Fa-f]{1,4}", mask):
                    first_column = bool(int(mask, 16) & 0x0080)
        caption = etree.Element("caption")
        if caption_para is not None:
            self.inline(caption_para, caption)
        elif title:
            caption.text = title
        if description and description != _text_of(caption):
            if _text_of(caption):
                _el(caption, "span", description, class_="table-description")
            else:
                caption.text = description
        if _text_of(caption):
            table.append(caption)
        rows = [tr for tr in _flatten(list(tbl)) if tr.tag == w("tr")]
        grid = self._grid(rows)
        head = body = None
        in_head = True
        for r_index, tr in enumerate(rows):
            header = in_head and _on(tr.find(f"{w('trPr')}/{w('tblHeader')}"))
            in_head = header
            if header:
                head = head if head is not None else _el(table, "thead")
                section = head
            else:
                body = body if body is not None else _el(table, "tbody")
                section = body
            row = _el(section, "tr")
            for cell in grid[r_index]:
                if cell.merged:
                    continue
                if header:
                    tag, scope = "th", "col"
                elif first_column and cell.column == 0:
                    tag, scope = "th", "row"
                else:
                    tag, scope = "td", ""
                out = _el(row, tag)
                if scope:
                    out.set("scope", scope)
                if cell.span > 1:
                    out.set("colspan", str(cell.span))
                if cell.rowspan > 1:
                    out.set("rowspan", str(cell.rowspan))
                self.cell(cell.tc, out)
        self.depth -= 1

    def cell(self, tc: Any, out: Any) -> None:
        content = [c for c in _flatten(list(tc)) if c.tag in (w("p"), w("tbl"))]
        if len(content) == 1 and content[0].tag == w("p") and \
                self.list_label_peek(content[0]) is None and \
                self.styles.heading_level(self.paragraph_style(content[0])) is None:
            align = _alignment(content[0])
            if align:
                out.set("class", align)
            self.inline(content[0], out)
            return
        self.blocks(content, out)

    def list_label_peek(self, p: Any) -> str | None:
        sid = self.paragraph_style(p)
        num_id, _ = self.styles.numbering(sid)
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
        if num_pr is not None:
            num_id = num_pr.get(w("val"))
        return None if num_id in (None, "0") else num_id

    def _grid(self, rows: list[Any]) -> list[list[_Cell]]:
        grid: list[list[_Cell]] = []
        open_cells: dict[int, _Cell] = {}  # grid column -> the cell a vertical merge started
        for tr in rows:
            column = 0
            before = tr.find(f"{w('trPr')}/{w('gridBefore')}")
            if before is not None:
                column += _int(before.get(w("val")))
            cells: list[_Cell] = []
            for tc in tr:
                if tc.tag == w("sdt"):
                    content = tc.find(w("sdtContent"))
                    tcs = list(content.iter(w("tc"))) if content is not None else []
                elif tc.tag == w("tc"):
                    tcs = [tc]
                else:
                    continue
                for one in tcs:
                    tc_pr = one.find(w("tcPr"))
                    span = 1
                    merge = None
                    if tc_pr is not None:
                        span_el = tc_pr.find(w("gridSpan"))
                        span = max(1, _int(span_el.get(w("val")), 1)) if span_el is not None \
                            else 1
                        merge_el = tc_pr.find(w("vMerge"))
                        if merge_el is not None:
                            merge = merge_el.get(w("val"), "continue")
                    cell = _Cell(one, column, span)
                    if merge == "continue" and column in open_cells:
                        cell.merged = True
                        open_cells[column].rowspan += 1
                    elif merge == "restart":
                        open_cells[column] = cell
                    else:
                        open_cells.pop(column, None)
                    cells.append(cell)
                    column += span
            grid.append(cells)
        return grid


def _alignment(p: Any) -> str | None:
    """"align-right" or "align-centre" for a paragraph Word aligns so (figures in tables)."""
    jc = p.find(f"{w('pPr')}/{w('jc')}")
    value = jc.get(w("val")) if jc is not None else None
    if value in ("right", "end"):
        return "align-right"
    if value == "center":
        return "align-centre"
    return None
