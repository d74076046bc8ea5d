"""Protective markings on a paper: whether its title or first page says it is not public.

A document put in Part I of an agenda is published. One its author marked "NOT FOR
PUBLICATION", "Exempt", "Part II", "Restricted" or "Confidential" (on its first page, in a
header or footer, as a watermark, or in the agenda's own title for it) was meant for Part II;
publishing it is the one mistake a pack must not make, so :mod:`reportgen.pack.items`
refuses it in Part I and says how to move it.

A marking is a line that *starts* with such words, as councils set them out (a heading, a
banner, a header line: "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule
12A…", "Exempt appendix", "Part II – exempt", "Confidential report", "OFFICIAL-SENSITIVE",
"This appendix is exempt from publication"), not the words anywhere in a sentence: minutes
that say "the report, which was not for publication, …" or a policy on keeping carers'
details confidential are public papers.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

__all__ = ["marking", "title_marking"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"

# What may follow a marking word for the line to be a marking: the end, punctuation, or a
# word naming the paper.
_AFTER = (r"(?=$|[\s]*[:;,.\-\u2013\u2014(\[/|*]|\s+(?:report|appendix|appendices|annex|"
          r"information|item|document|papers?|version|draft|by virtue|from (?:general )?"
          r"publication|under)\b)")
_STRONG = (r"(?:(?:private|strictly|commercially|highly)\s+(?:and\s+)?)?"
           r"(?:not\s+for\s+(?:general\s+)?publication|confidential|restricted|exempt|"
           r"official[\s\-]+sensitive)")
# "Part II" alone is a heading of a public agenda too ("Part II: items not for publication"
# lists them by title): a marking only alone or with a strong word or the paper's name.
_PART = (r"part\s+(?:ii|2)(?=\s*[:;,.\-\u2013\u2014(\[]*\s*(?:$|" + _STRONG +
         r"|private|report|appendix|annex|document|paper)\b|\s*$)")
_WORDS = rf"(?:{_STRONG}|part\s+(?:ii|2))"
# "Exempt: No", "Confidential - none", "Part II  n/a": a cover sheet's question answered no.
_ANSWERED_NO = r"(?![\s:;.\-\u2013\u2014|]*(?:no|none|n/?a|not\s+applicable|false|nil)\b)"
_LINE = re.compile(rf"^{_STRONG}{_ANSWERED_NO}{_AFTER}|^{_PART}{_ANSWERED_NO}"
                   r"|^this\s+(?:report|appendix|annex|document|item|paper)\s+(?:is|contains)"
                   r"\s+(?:exempt|not\s+for\s+publication|confidential|restricted)", re.I)
# In a title, a marking may also close it: "Placement costs (exempt)", "Appendix B - Part II".
_TITLE_TAIL = re.compile(rf"[(\[\u2013\u2014\-:]\s*{_WORDS}\s*[)\]]?\s*$", re.I)
_LEAD = re.compile(r"^[\s*#\u2022\-\u2013\u2014:.()\[\]]+")
#: Paragraphs read from the top of the body when no page break comes sooner.
FIRST_PAGE_PARAGRAPHS = 40


def _line(text: str) -> str:
    return _LEAD.sub("", " ".join(text.split()))


def _is_marking(text: str) -> bool:
    return bool(_LINE.search(_line(text)))


def title_marking(title: str) -> str | None:
    """The marking in an item's or appendix's title, or None."""
    line = _line(title)
    if _LINE.search(line) or _TITLE_TAIL.search(line):  # "Appendix B (exempt)"
        return line
    return None


def _paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{_W}t"))


def _breaks_page(p: etree._Element) -> bool:
    for el in p.iter(f"{_W}br", f"{_W}lastRenderedPageBreak", f"{_W}sectPr"):
        if el.tag != f"{_W}br" or el.get(f"{_W}type") == "page":
            return True
    return False


def _row_text(tr: etree._Element) -> str:
    """A table row as one line, "label: value": a cover sheet's "Exempt | No" is a field
    answered no, not a marking; a one-cell banner row is the banner."""
    cells = [" ".join(_paragraph_text(p) for p in tc.iter(f"{_W}p"))
             for tc in tr.iter(f"{_W}tc") if tc.getparent() is tr]
    return ": ".join(c.strip() for c in cells if c.strip())


def _first_page(body: etree._Element) -> list[str]:
    """Each line of the first page: a paragraph (text boxes in it as lines of their own) or
    a table row, up to the first page or section break or the first few dozen lines."""
    lines: list[str] = []
    found = body.find(f"{_W}body")
    pending = [*(found if found is not None else body)]
    while pending and len(lines) < FIRST_PAGE_PARAGRAPHS:
        el = pending.pop(0)
        if el.tag == f"{_W}p":
            lines.append(_paragraph_text(el))
            lines += [_paragraph_text(inner) for inner in el.iter(f"{_W}p") if inner is not el]
            if _breaks_page(el):
                break
        elif el.tag == f"{_W}tbl":
            for tr in el.iter(f"{_W}tr"):  # a long table: its first rows only
                if len(lines) >= FIRST_PAGE_PARAGRAPHS:
                    break
                lines.append(_row_text(tr))
            if any(_breaks_page(p) for p in el.iter(f"{_W}p")):
                break
        elif el.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            pending[:0] = [*el]
    return lines


def _main_part(archive: zipfile.ZipFile) -> str:
    rels = etree.fromstring(archive.read("_rels/.rels"))
    for rel in rels:
        if str(rel.get("Type", "")).endswith("/officeDocument"):
            return str(rel.get("Target", "")).lstrip("/")
    return "word/document.xml"


def _headers_and_footers(archive: zipfile.ZipFile) -> list[str]:
    """Every header and footer part, found by content type (a part may have any name)."""
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    return sorted(str(el.get("PartName", "")).lstrip("/") for el in types
                  if isinstance(el.tag, str) and str(el.get("ContentType", "")).endswith(
                      ("wordprocessingml.header+xml", "wordprocessingml.footer+xml")))


def marking(docx: bytes) -> str | None:
    """The first protective marking on ``docx``'s first page, headers, footers or watermark
    (the rebuilt bytes of :func:`reportgen.render.package.read_docx`), or None."""
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        body = etree.fromstring(archive.read(_main_part(archive)))
        lines = _first_page(body)
        for name in _headers_and_footers(archive):
            part = etree.fromstring(archive.read(name))
            lines += [_paragraph_text(p) for p in part.iter(f"{_W}p")]
            # A watermark is a VML text path in a header: its words are an attribute.
            lines += [shape.get("string") or "" for shape in part.iter(f"{_V}textpath")]
    for text in lines:
        if _is_marking(text):
            return _line(text)
    return None
