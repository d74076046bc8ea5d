"""The finishing pass over a rendered document: the layout a clerk would otherwise fix by hand.

Run once, at the end of rendering (and on an assembled pack), rather than in every table or
paragraph builder, so that the template's own tables and headings get it too:

- no table row splits across a page break (``w:cantSplit``): a clearance row or a cost line
  read across two pages is a row misread;
- every heading is kept with the paragraph after it (``w:keepNext``), even where an edited
  template's heading style has lost the setting;
- no blank last page: empty paragraphs and page breaks at the very end of the body go.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reportgen.render import oxml

__all__ = ["finish_document", "heading_style_ids"]

# Elements that make a paragraph worth keeping although it has no text.
_CONTENT = {qn(t) for t in ("w:drawing", "w:pict", "w:object", "w:fldChar", "w:fldSimple",
                            "w:sdt", "w:bookmarkStart", "w:footnoteReference",
                            "w:endnoteReference", "w:tab", "w:sym")}
_MAX_OUTLINE_LEVEL = 8  # w:outlineLvl 0-8 are heading levels 1-9; 9 means body text


def heading_style_ids(document: Document) -> set[str]:
    """Ids of the paragraph styles that are headings: an outline level of their own or from
    the style they are based on (Word's "Heading 1" … "Heading 9" and any custom one)."""
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))
              if s.get(qn("w:type")) == "paragraph"}

    # Each style's level is worked out once, walking its basedOn chain iteratively: a
    # template's chain may be long or circular (templates are untrusted input too).
    levels: dict[str, int | None] = {}
    for start in styles:
        if start is None or start in levels:
            continue
        path: list[str] = []
        current: str | None = start
        found: int | None = None
        while current is not None and current in styles and current not in path:
            if current in levels:
                found = levels[current]
                break
            path.append(current)
            outline = styles[current].find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
            if outline is not None:
                value = outline.get(qn("w:val"), "")
                found = int(value) if value.isdigit() else None
                break
            based = styles[current].find(qn("w:basedOn"))
            current = based.get(qn("w:val")) if based is not None else None
        for style_id in path:
            levels[style_id] = found
    return {sid for sid, lvl in levels.items() if lvl is not None and lvl <= _MAX_OUTLINE_LEVEL}


def _is_blank(p: Any) -> bool:
    """An empty paragraph (no text, picture, field, control or bookmark) or one holding only
    page breaks: at the end of the body either makes a blank last page."""
    if p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
        return False
    if any(el.tag in _CONTENT for el in p.iter()):
        return False
    return not any((t.text or "").strip() for t in p.iter(qn("w:t")))


def _trim_end(body: Any) -> None:
    """Drop blank paragraphs at the end of the body, keeping one after a final table (Word
    requires a paragraph there)."""
    while True:
        children = [c for c in body if c.tag != qn("w:sectPr")]
        if not children or children[-1].tag != qn("w:p") or not _is_blank(children[-1]):
            return
        before = children[-2] if len(children) > 1 else None
        last = children[-1]
        if before is None or before.tag == qn("w:tbl"):
            # Keep the paragraph, but without its page breaks.
            for br in list(last.iter(qn("w:br"))):
                if br.get(qn("w:type")) == "page":
                    br.getparent().remove(br)
            pPr = last.find(qn("w:pPr"))
            if pPr is not None:
                page_break = pPr.find(qn("w:pageBreakBefore"))
                if page_break is not None:
                    pPr.remove(page_break)
            return
        body.remove(last)


def finish_document(document: Document) -> None:
    """Apply the finishing pass to ``document`` in place (idempotent)."""
    body = document.element.body
    for tr in body.iter(qn("w:tr")):
        oxml.keep_row_together(tr)
    headings = heading_style_ids(document)
    for p in body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in headings:
            oxml.keep_with_next(Paragraph(p, document))
    _trim_end(body)
