"""Write narrative blocks and generated tables into a Word document body.

The target is anything with python-docx's ``add_paragraph``/``add_table`` (a docxtpl subdoc
whose part is the template's, so style names resolve to the house style's own styles). All
text passes through :func:`~reportgen.render.markup.clean_xml_text`; python-docx escapes it.
"""

from __future__ import annotations

import contextvars
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Length, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from reportgen.errors import ReportgenError
from reportgen.render import oxml
from reportgen.render.markup import (
    Block,
    BulletList,
    Directive,
    Heading,
    NumberedList,
    Paragraph,
    Run,
    clean_xml_text,
)
from reportgen.render.tables import TableSpec

if TYPE_CHECKING:
    from reportgen.render.charts import ChartSpec

TABLE_STYLE = "Report Table"
#: What a table cell shows where there is nothing to give (no officer signs, no wards): an en
#: dash, as printed papers show it. An empty cell reads as a gap in the table, and a tagged
#: PDF exports it as an empty paragraph that screen readers stop on.
NONE_MARK = "\u2013"
NUMBERED_PARAGRAPH = "Numbered Paragraph"
_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
          "center": WD_ALIGN_PARAGRAPH.CENTER}


@dataclass(frozen=True)
class BlockStyle:
    """How blocks map onto the house style's paragraph styles."""

    heading_level: int  # level of narrative "###" headings (section heading level + 1)
    numbered: bool  # body paragraphs take the style's paragraph numbering


def _has_style(target: Any, name: str) -> bool:
    styles = target.part.styles if hasattr(target, "part") else target.styles
    try:
        styles[name]
    except KeyError:
        return False
    return True


def add_runs(paragraph: DocxParagraph, runs: Sequence[Run]) -> None:
    for run in runs:
        text = clean_xml_text(run.text)
        if not text:
            continue
        r = paragraph.add_run(text)
        if run.bold:
            r.bold = True
        if run.italic:
            r.italic = True


def _style_or(target: Any, name: str, fallback: str) -> str:
    return name if _has_style(target, name) else fallback


def _require_style(target: Any, name: str) -> str:
    """A style the house template must define; say which one is missing rather than fail."""
    if not _has_style(target, name):
        raise ReportgenError(f"the house style template has no '{name}' paragraph style: add "
                             "it in Word (Styles pane) or base the template on a built-in style")
    return name


def new_numbering(target: Any, style_name: str, start: int = 1) -> str | None:
    """A fresh numbering instance of ``style_name``'s list, starting at ``start``.

    Each numbered list in a report starts afresh, at the number its first item was written
    with; sharing the style's own instance would carry the count on from the previous list.
    """
    try:
        style = target.part.styles[style_name]
    except KeyError:
        return None
    ppr = style.element.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    numbering = target.part.numbering_part.element
    num = numbering.num_having_numId(ppr.numPr.numId.val)
    new = numbering.add_num(num.abstractNumId.val)
    new.add_lvlOverride(ilvl=0).add_startOverride(start)
    return str(new.numId)


def _set_num(paragraph: DocxParagraph, num_id: str, level: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = int(num_id)


def write_blocks(target: Any, blocks: Sequence[Block], style: BlockStyle,
                 tables: dict[str, TableSpec] | None = None,
                 charts: dict[str, ChartSpec] | None = None) -> None:
    """Append ``blocks`` to ``target``. ``tables`` and ``charts`` map each directive's text to
    its table or chart."""
    body = NUMBERED_PARAGRAPH if style.numbered and _has_style(target, NUMBERED_PARAGRAPH) \
        else "Normal"
    for block in blocks:
        if isinstance(block, Paragraph):
            add_runs(target.add_paragraph(style=body), block.runs)
        elif isinstance(block, Heading):
            level = min(style.heading_level + (block.level - 3), 6)
            heading = _require_style(target, f"Heading {level}")
            add_runs(target.add_paragraph(style=heading), block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                name = "List Bullet 2" if item.level else "List Bullet"
                bullet = _require_style(target, _style_or(target, name, "List Bullet"))
                add_runs(target.add_paragraph(style=bullet), item.runs)
        elif isinstance(block, NumberedList):
            num_id = new_numbering(target, "List Number", block.start)
            for item in block.items:
                p = target.add_paragraph(style=_require_style(target, "List Number"))
                if num_id:
                    # The house styles' list numbering has one level: a nested list is a
                    # list of its own (markup gives it its own start), indented one step.
                    _set_num(p, num_id, 0)
                if item.level:
                    p.paragraph_format.left_indent = Cm(1.27)
                    p.paragraph_format.first_line_indent = Cm(-0.63)
                add_runs(p, item.runs)
        elif isinstance(block, Directive):
            key = directive_key(block)
            if block.kind == "chart" and charts is not None and key in charts:
                write_chart(target, charts[key])
                continue
            if block.kind != "table" or tables is None or key not in tables:
                raise ReportgenError(f"[{block.kind}: {block.name}] is not available here")
            write_table(target, tables[key])


def directive_key(block: Directive) -> str:
    return " ".join((block.kind, block.name, *block.args))


TEXT_WIDTH = Cm(16.6)  # A4 less the house styles' 2.2 cm margins


def column_widths(spec: TableSpec) -> list[Length]:
    """Share the text width: words need more room than figures, a rank very little."""
    weights = [1.1 if c.header == "Rank" else 1.6 if c.align == "right" else 3.0
               for c in spec.columns]
    total = sum(weights)
    return [Emu(int(TEXT_WIDTH * w / total)) for w in weights]


def _set_text(t: Any, text: str) -> None:
    """Put ``text`` in a copied cell's ``w:t``; python-docx handles tabs, breaks, spaces."""
    if "\t" in text or "\n" in text or text != text.strip() or not text:
        DocxRun(t.getparent(), None).text = text  # type: ignore[arg-type]  # no parent needed
    else:
        t.text = text


_W_T = qn("w:t")
_W_TR = qn("w:tr")


class RowsLater:
    """Body rows of tables, copied in after docxtpl has rendered the document.

    docxtpl takes a subdocument as text: each table row would be serialised, go through
    Jinja2's output as part of one string, be parsed again (twice) and be matched by
    docxtpl's regular expressions, several times the cost of copying the row. Inside
    ``with RowsLater() as later:`` :func:`write_table` leaves only its header, formatted
    body row and total row in the subdocument, the body row marked with a token no text can
    hold; :meth:`fill` then copies the rows into the rendered tree in its place. The result
    is the same document: what docxtpl does after rendering to a table's text (its ``{_{``
    un-escaping) is done to the rows here, and its table fixes look only at the cells of a
    row, which the marked row shares with its copies.
    """

    def __init__(self) -> None:
        self._prefix = f"reportgen-rows-{secrets.token_hex(8)}-"
        self._rows: dict[str, Sequence[Sequence[object]]] = {}
        self._reset: contextvars.Token[RowsLater | None] | None = None

    def __enter__(self) -> RowsLater:
        self._reset = _ROWS_LATER.set(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._reset is not None:
            _ROWS_LATER.reset(self._reset)

    def defer(self, proto: Any, rows: Sequence[Sequence[object]]) -> None:
        token = f"{self._prefix}{len(self._rows)}"
        next(proto.iter(_W_T)).text = token
        self._rows[token] = rows

    def fill(self, body: Any) -> None:
        """Copy each marked row's rows in (a subdocument the template showed twice, twice)."""
        if not self._rows:
            return
        marked = [t for t in body.iter(_W_T) if t.text and t.text.startswith(self._prefix)]
        for t in marked:
            proto = next(t.iterancestors(_W_TR))
            _copy_body_rows(proto, self._rows[t.text], after_docxtpl=True)


_ROWS_LATER: contextvars.ContextVar[RowsLater | None] = contextvars.ContextVar(
    "rows_later", default=None)


def _as_docxtpl_leaves(text: str) -> str:
    # docxtpl's render_xml_part un-escapes these in everything Jinja2 output.
    return text.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%") \
        .replace("%_}", "%}")


def _copy_body_rows(proto: Any, rows: Sequence[Sequence[object]],
                    after_docxtpl: bool = False) -> None:
    """Replace the formatted body row ``proto`` with one copy of it for each of ``rows``.

    The per-cell work is kept to what a cell needs (a 5,000-row appendix has 30,000): one
    pass for characters XML cannot hold per row rather than one per cell, and python-docx
    only for text with tabs, line breaks or spaces at its ends. ``__copy__`` is lxml's deep
    copy (what ``copy.deepcopy`` calls, without its memo).
    """
    for values in rows:
        tr = proto.__copy__()
        texts = [str(value) for value in values]
        joined = "".join(texts)
        if clean_xml_text(joined) != joined:
            texts = [clean_xml_text(text) for text in texts]
        if after_docxtpl and "_" in joined:
            texts = [_as_docxtpl_leaves(text) for text in texts]
        for t, text in zip(tr.iter(_W_T), texts, strict=True):
            if text and text == text.strip() and "\t" not in text and "\n" not in text:
                t.text = text
            else:
                _set_text(t, text)
        proto.addprevious(tr)
    proto.getparent().remove(proto)


def write_table(target: Any, spec: TableSpec) -> None:
    """A data table: caption paragraph, header row repeated on each page, bold total row."""
    if spec.caption:
        cap = target.add_paragraph(style=_style_or(target, "Caption", "Normal"))
        r = cap.add_run(clean_xml_text(spec.caption))
        r.bold = True
        oxml.keep_with_next(cap)
    # Only the header, one body row and the total go through python-docx (about 2 ms a row);
    # the other body rows are lxml copies of the formatted body row. (And never
    # table.cell(r, c) in a loop: it is quadratic, python-docx #1209.)
    prototype = [["x"] * len(spec.columns)] if spec.rows else []
    all_rows = [[c.header for c in spec.columns], *prototype,
                *([spec.total] if spec.total else [])]
    table = target.add_table(rows=len(all_rows), cols=len(spec.columns))
    if _has_style(target, TABLE_STYLE):
        table.style = TABLE_STYLE
    aligns = [_ALIGN[c.align] for c in spec.columns]
    widths = column_widths(spec)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row, values in zip(table.rows, all_rows, strict=True):
        for cell, value, align, width in zip(row.cells, values, aligns, widths, strict=True):
            cell.width = width
            para = cell.paragraphs[0]
            para.alignment = align
            para.paragraph_format.space_after = Pt(0)
            para.paragraph_format.space_before = Pt(0)
            para.add_run(clean_xml_text(str(value)))
    if spec.rows:
        later = _ROWS_LATER.get()
        if later is not None:
            later.defer(table.rows[1]._tr, spec.rows)
        else:
            _copy_body_rows(table.rows[1]._tr, spec.rows)
    oxml.mark_header_row(table.rows[0])
    oxml.set_table_look(table, first_row=True, last_row=spec.total is not None)
    if spec.total:
        for cell in table.rows[-1].cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    if spec.caption:
        oxml.set_table_alt_text(table, spec.caption)
    if spec.note:
        note = target.add_paragraph(style="Normal")
        note.paragraph_format.space_before = Pt(4)
        r = note.add_run(clean_xml_text(spec.note))
        r.italic = True
        r.font.size = Pt(10)


def write_chart(target: Any, spec: ChartSpec) -> None:
    """A chart: native Word charts (one a panel, sharing the text width) with the chart's alt
    text, in a paragraph of its own kept with the bold caption below it (figures are captioned
    below; LibreOffice does not keep a caption with a picture that follows it, but does keep a
    picture with the caption after it)."""
    from reportgen.render.charts import add_chart

    para = target.add_paragraph(style="Normal")
    para.paragraph_format.keep_together = True
    oxml.keep_with_next(para)
    run = para.add_run()
    width = spec.width_cm / len(spec.panels)
    for i, panel in enumerate(spec.panels):
        # The first panel carries the description of them all; the others say where it is.
        descr = spec.alt_text if i == 0 else (
            f"{panel.title or 'Panel'}: described with the first panel of this chart.")
        add_chart(run, panel, width, spec.height_cm, descr, spec.caption)
    cap = target.add_paragraph(style=_style_or(target, "Caption", "Normal"))
    r = cap.add_run(clean_xml_text(spec.caption))
    r.bold = True


def write_labelled(target: Any, blocks: Sequence[Block], labels: Sequence[str],
                   style: BlockStyle, tables: dict[str, TableSpec] | None = None,
                   charts: dict[str, ChartSpec] | None = None) -> None:
    """``blocks`` with the paragraph numbers the body's numbering gave them (``labels``, one a
    block, "" for none): written as text with a hanging indent, so the number printed is the
    number a cross-reference computed (paragraphs('id')), whatever the reader's client does
    with list numbering."""
    after_label = False
    for block, label in zip(blocks, labels, strict=True):
        if not label or not isinstance(block, Paragraph):
            before = len(target.paragraphs)
            write_blocks(target, [block], style, tables, charts)
            if after_label and isinstance(block, BulletList):
                # A list inside a numbered paragraph belongs to it: indent it to the
                # paragraph's text, not to the margin, each nested level one step further.
                for p, item in zip(target.paragraphs[before:], block.items, strict=True):
                    p.paragraph_format.left_indent = Cm(1.9 + 0.63 * item.level)
                    p.paragraph_format.first_line_indent = Cm(-0.63)
            after_label = after_label and isinstance(block, BulletList)
            continue
        after_label = True
        p = target.add_paragraph(style="Normal")
        p.paragraph_format.left_indent = Cm(1.25)
        p.paragraph_format.first_line_indent = Cm(-1.25)
        p.paragraph_format.tab_stops.add_tab_stop(Cm(1.25))
        p.add_run(f"{label}.\t" if "." not in label else f"{label}\t")
        add_runs(p, block.runs)


LAYOUT_TABLE_STYLE = "Report Details"


def details_table(target: Any, rows: Sequence[Sequence[str]], header: bool) -> Any:
    """A key/value block (title block, details, clearance): the last column plain, the others
    bold unless ``header`` (then the first row is the header, repeated on each page)."""
    table = target.add_table(rows=len(rows), cols=len(rows[0]))
    name = LAYOUT_TABLE_STYLE if _has_style(target, LAYOUT_TABLE_STYLE) else TABLE_STYLE
    if _has_style(target, name):
        table.style = name
    for r, values in enumerate(rows):
        for c, (cell, value) in enumerate(zip(table.rows[r].cells, values, strict=True)):
            para = cell.paragraphs[0]
            para.paragraph_format.space_after = Pt(2)
            run = para.add_run(clean_xml_text(str(value)))
            run.bold = (r == 0) if header else c < len(values) - 1
    oxml.mark_header_row(table.rows[0])
    return table
