"""The finishing pass over a rendered document: the layout a clerk would otherwise fix by hand.

Run once, at the end of rendering (and on an assembled pack), rather than in every table or
paragraph builder, so that the template's own tables and headings get it too:

- no table row splits across a page break (``w:cantSplit``): a clearance row or a cost line
  read across two pages is a row misread;
- every heading is kept with the paragraph after it (``w:keepNext``), even where an edited
  template's heading style has lost the setting;
- no blank last page: empty paragraphs and page breaks at the very end of the body go;
- every e-mail and web address printed as text becomes a link (a ``HYPERLINK`` field in the
  link character style), so that Word opens it and the tagged PDF has a link a screen reader
  announces (PDF/UA, WCAG 2.4.4). Only the addresses change: their text, formatting and
  everything around them stay as written.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from reportgen import limits
from reportgen.render import oxml

__all__ = ["Address", "find_addresses", "finish_document", "heading_style_ids",
           "is_blank_paragraph", "link_addresses"]

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


def is_blank_paragraph(p: Any) -> bool:
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
        if not children or children[-1].tag != qn("w:p") or not is_blank_paragraph(children[-1]):
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


# --- addresses as links --------------------------------------------------------------------

# An e-mail address: a local part (RFC 5321: at most 64 characters, not starting or ending
# with a dot) and a domain of dotted labels (at most 63 characters each, no hyphen at either
# end) ending in a top-level domain of letters. ASCII only. The look-behind means a match can
# start only where a local part starts, so a long word with no "@" is read once, not once
# for each of its characters; the look-ahead stops a match ending inside a word or a domain.
_LOCAL = r"[A-Za-z0-9%+_-](?:[A-Za-z0-9.%+_-]{0,62}[A-Za-z0-9%+_-])?"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_EMAIL = (rf"(?<![A-Za-z0-9.%+_@-]){_LOCAL}@(?:{_LABEL}\.)+[A-Za-z]{{2,63}}"
          r"(?![A-Za-z0-9_@-]|\.[A-Za-z0-9])")
# A web address: http(s):// or www. and what follows up to white space, a quote or a
# bracket of markup; trailing punctuation is the sentence's, not the address's.
_WEB = (r"(?<![A-Za-z0-9@./:_-])(?:https?://[A-Za-z0-9]|www\.[A-Za-z0-9-]+\.[A-Za-z])"
        r"[^\s<>\"\\`{}|^]*")
ADDRESS = re.compile(rf"(?P<email>{_EMAIL})|(?P<web>{_WEB})", re.IGNORECASE)
_TRAILING = ".,;:!?'\u2019\u201d*"
_PAIRS = {")": "(", "]": "["}


@dataclass(frozen=True)
class Address:
    """An address found in text: where it is and where its link leads."""

    start: int
    end: int
    target: str


def find_addresses(text: str) -> list[Address]:
    """The e-mail and web addresses in ``text``, in order. An e-mail address links to
    ``mailto:``; a web address as written, or with ``https://`` when written ``www.…``.
    Punctuation ending a sentence and a closing bracket the address did not open are left
    out; so is an address longer than :data:`reportgen.limits.MAX_LINKED_URL_CHARS`."""
    found = []
    for match in ADDRESS.finditer(text):
        start, end = match.span()
        if match.lastgroup == "email":
            found.append(Address(start, end, f"mailto:{match.group()}"))
            continue
        if end - start > limits.MAX_LINKED_URL_CHARS + len(_TRAILING):
            continue  # too long to be a real page's address (and to trim cheaply)
        opened = {close: text.count(open_, start, end) for close, open_ in _PAIRS.items()}
        closed = {close: text.count(close, start, end) for close in _PAIRS}
        while end > start:
            last = text[end - 1]
            if last in _PAIRS and opened[last] < closed[last]:
                closed[last] -= 1
                end -= 1
            elif last in _TRAILING:
                end -= 1
            else:
                break
        shown = text[start:end]
        if end - start > limits.MAX_LINKED_URL_CHARS or "." not in shown.split("//")[-1]:
            continue
        target = shown if shown.lower().startswith(("http://", "https://")) \
            else f"https://{shown}"
        found.append(Address(start, end, target))
    return found


_FLDCHAR = qn("w:fldChar")
_T = qn("w:t")
_R = qn("w:r")
_P = qn("w:p")
_RPR = qn("w:rPr")


def _maybe_address(text: str | None) -> bool:
    if not text:
        return False
    lowered = text.lower()
    return "@" in text or "www." in lowered or "://" in text


def link_addresses(document: Document) -> int:
    """Make every e-mail and web address printed in ``document``'s body a link; returns how
    many. Text already in a field (a field's result included) or in a ``w:hyperlink`` is
    left alone, as is an address split across runs, so the pass is idempotent."""
    body = document.element.body
    depth = 0
    candidates = []
    # In document order: fields may span paragraphs (a table of contents does).
    for element in body.iter(_FLDCHAR, _T):
        if element.tag == _FLDCHAR:
            kind = element.get(qn("w:fldCharType"))
            depth = depth + 1 if kind == "begin" else max(depth - 1, 0) if kind == "end" \
                else depth
        elif depth == 0 and _maybe_address(element.text):
            run = element.getparent()
            if run is not None and run.tag == _R and run.getparent() is not None \
                    and run.getparent().tag == _P:
                candidates.append(element)
    style_id: str | None = None
    count = 0
    for t in candidates:
        addresses = find_addresses(t.text or "")
        if not addresses:
            continue
        if style_id is None:
            style_id = oxml.ensure_hyperlink_style(document)
        _link_text(t, addresses, style_id)
        count += len(addresses)
    return count


def _text_run(rpr: Any | None, text: str) -> Any:
    run = OxmlElement("w:r")
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    t.text = text
    run.append(t)
    return run


def _link_text(t: Any, addresses: list[Address], style_id: str) -> None:
    """Split ``t``'s run around each address: the run keeps what comes before the first
    address, each address becomes a field, and the text between and after (with whatever
    followed ``t`` in its run: tabs, breaks, more text) goes in new runs of the same
    formatting."""
    run = t.getparent()
    rpr = run.find(_RPR)
    text = t.text or ""
    after = list(t.itersiblings())
    anchor = run
    position = 0
    for address in addresses:
        between = text[position:address.start]
        if anchor is not run and between:
            new = _text_run(rpr, between)
            anchor.addnext(new)
            anchor = new
        elif anchor is run:
            t.text = between
            if between != between.strip():
                t.set(qn("xml:space"), "preserve")
        for field_run in oxml.hyperlink_field_runs(address.target,
                                                   text[address.start:address.end],
                                                   rpr, style_id):
            anchor.addnext(field_run)
            anchor = field_run
        position = address.end
    tail = text[position:]
    if tail or after:
        new = _text_run(rpr, tail) if tail else OxmlElement("w:r")
        if not tail and rpr is not None:
            new.append(copy.deepcopy(rpr))
        for child in after:
            new.append(child)  # moved, in order, after the tail text
        anchor.addnext(new)
    if not t.text:
        run.remove(t)
        if all(child.tag == _RPR for child in run):
            run.getparent().remove(run)


_PPR = qn("w:pPr")
_PSTYLE = qn("w:pStyle")
_VAL = qn("w:val")


def _heading_paragraphs(body: Any, headings: set[str]) -> list[Any]:
    """The paragraphs of ``body`` whose style (the first ``w:pPr/w:pStyle``, as
    ``p.find`` reads it) is a heading, in document order.

    Found from the ``w:pStyle`` elements rather than by visiting every paragraph: a
    5,000-row table has tens of thousands of unstyled paragraphs, and each one visited
    through python-docx's element classes cost about 5 µs (0.08 s of CPU a render)."""
    found: list[Any] = []
    seen: set[Any] = set()
    for style in body.iter(_PSTYLE):
        ppr = style.getparent()
        if ppr is None or ppr.tag != _PPR:
            continue
        p = ppr.getparent()
        if p is None or p.tag != _P or p in seen:
            continue
        seen.add(p)  # only its first pStyle counts, as with p.find
        if style.get(_VAL) in headings:
            found.append(p)
    return found


def finish_document(document: Document) -> None:
    """Apply the finishing pass to ``document`` in place (idempotent)."""
    body = document.element.body
    for tr in body.iter(qn("w:tr")):
        oxml.keep_row_together(tr)
    headings = heading_style_ids(document)
    for p in _heading_paragraphs(body, headings):
        oxml.keep_with_next(Paragraph(p, document))
    link_addresses(document)
    _trim_end(body)
