"""The words a reader of a rendered .docx sees, list numbers included, and where a piece of
the officer's narrative fails to reach them (for ``content.words-lost``).

Word prints a list item's number from the numbering part, not from the paragraph's text, so
the words of a numbered paragraph are its label ("2016.") followed by its text: the label is
worked out here as Word does for the lists reportgen writes (a count per numbering instance
and level, from its start or start override, deeper levels restarting).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from reportgen import formatting, limits
from reportgen.checks.docx_view import W, _text
from reportgen.render.markup import is_directive, written_words
from reportgen.render.markup import words as text_words

#: Words of the document that may sit between two neighbouring words of one piece of
#: narrative: a paragraph number ("3.1"), a list number, a sub-heading number. More than this
#: and the words are not printed together (something between them was lost).
MAX_GAP = 6
#: Places a piece of narrative may start at that are tried before the looser test (is the
#: piece there in order at all) decides: bounds the work on a document of repeated words.
MAX_STARTS = 2000


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(element: etree._Element | None, tag: str) -> str | None:
    if element is None:
        return None
    found = element.find(_w(tag))
    return found.get(_w("val")) if found is not None else None


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _format(value: int, fmt: str) -> str:
    if fmt in ("bullet", "none"):
        return ""
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letter = formatting.letter_label(value)
        return letter.lower() if fmt == "lowerLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and value >= 1:
        roman = _roman(value)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


@dataclass
class _Numbering:
    """The numbering part and the paragraph styles' numbering, and the counts so far."""

    levels: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, numbering: etree._Element | None, styles: etree._Element | None
             ) -> _Numbering:
        out = cls()
        if numbering is not None:
            for abstract in numbering.iter(_w("abstractNum")):
                lvls = out.levels.setdefault(abstract.get(_w("abstractNumId"), ""), {})
                for lvl in abstract.iter(_w("lvl")):
                    start = _val(lvl, "start")
                    lvls[int(lvl.get(_w("ilvl"), "0"))] = (
                        int(start) if start and start.lstrip("-").isdigit() else 0,
                        _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "")
            for num in numbering.iter(_w("num")):
                overrides = {}
                for over in num.iter(_w("lvlOverride")):
                    start = _val(over, "startOverride")
                    if start and start.lstrip("-").isdigit():
                        overrides[int(over.get(_w("ilvl"), "0"))] = int(start)
                out.nums[num.get(_w("numId"), "")] = (_val(num, "abstractNumId") or "",
                                                      overrides)
        if styles is not None:
            for style in styles.iter(_w("style")):
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                num_id = _val(num_pr, "numId")
                if num_id is not None:
                    ilvl = _val(num_pr, "ilvl")
                    out.style_num[style.get(_w("styleId"), "")] = (
                        num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0)
        return out

    def label(self, paragraph: etree._Element) -> str:
        """The number Word prints before ``paragraph`` ("" for none or a bullet)."""
        ppr = paragraph.find(_w("pPr"))
        num_pr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id = _val(num_pr, "numId")
        ilvl_text = _val(num_pr, "ilvl")
        if num_id is None:
            style = _val(ppr, "pStyle")
            if style is None or style not in self.style_num:
                return ""
            num_id, ilvl = self.style_num[style]
        else:
            ilvl = int(ilvl_text) if ilvl_text and ilvl_text.isdigit() else 0
        if num_id == "0" or num_id not in self.nums:
            return ""
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(num_id, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        text = levels[ilvl][2]
        for level in range(ilvl, -1, -1):
            value = counts.get(level, overrides.get(level, levels.get(level, (1, "", ""))[0]))
            fmt = levels.get(level, (1, "decimal", ""))[1]
            text = text.replace(f"%{level + 1}", _format(value, fmt))
        return text if levels[ilvl][1] not in ("bullet", "none") else ""


def document_words(data: bytes) -> list[str]:
    """The words and numbers of the document's body as a reader sees them, in order: each
    paragraph's list number (if any) and then its text."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    parts: dict[str, etree._Element] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in ("word/document.xml", "word/numbering.xml", "word/styles.xml"):
            if name in zf.namelist():
                if zf.getinfo(name).file_size > limits.MAX_DOCX_PART_BYTES:
                    return []  # refused unread, as DocxView refuses it (its own finding)
                parts[name] = etree.fromstring(zf.read(name), parser)
    body = parts.get("word/document.xml")
    if body is None:
        return []
    numbering = _Numbering.read(parts.get("word/numbering.xml"), parts.get("word/styles.xml"))
    found: list[str] = []
    for paragraph in body.iter(_w("p")):
        found.extend(text_words(numbering.label(paragraph)))
        found.extend(text_words(_text(paragraph)))
    return found


def narrative_chunks(text: str) -> list[list[str]]:
    """The words of a piece of narrative, split where a directive line puts a table or chart
    between them (that table's words come between in the document)."""
    chunks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if is_directive(line):
            chunks.append([])
        else:
            chunks[-1].extend(written_words(line))
    return [c for c in chunks if c]


_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")


def label_like(word: str) -> bool:
    """Whether ``word`` can be a number the document prints between two words of the
    officer's (a paragraph number "3" of "3.1", a list label "b" or "iv"), rather than a word."""
    return word.isdigit() or (len(word) <= 2 and word.isalpha()) or \
        (word.isalpha() and _ROMAN.fullmatch(word) is not None)


def _match_from(wanted: Sequence[str], seen: Sequence[str], at: int) -> int:
    """How many of ``wanted`` match ``seen`` in order from ``seen[at]`` (which matches the
    first), each within :data:`MAX_GAP` words of the last, with only numbers and labels
    between (a word of another text between two of the officer's means one was lost)."""
    got, pos = 1, at
    while got < len(wanted):
        limit = min(len(seen), pos + 2 + MAX_GAP)
        nxt = -1
        for k in range(pos + 1, limit):
            if seen[k] == wanted[got]:
                nxt = k
                break
            if not label_like(seen[k]):
                break
        if nxt == -1:
            return got
        got, pos = got + 1, nxt
    return got


def first_lost(wanted: Sequence[str], seen: Sequence[str],
               index: dict[str, list[int]]) -> int | None:
    """The index in ``wanted`` of the first word that is not printed with the words before
    it, or None when all of ``wanted`` is printed together, in order, somewhere in ``seen``.
    ``index`` maps each word of ``seen`` to its positions."""
    starts = index.get(wanted[0], [])
    if not starts:
        return 0
    best = 0
    for at in starts[:MAX_STARTS]:
        got = _match_from(wanted, seen, at)
        if got == len(wanted):
            return None
        best = max(best, got)
    if len(starts) > MAX_STARTS:
        # Too many places to try: the looser test (in order at all) rather than a false alarm.
        it = iter(seen)
        return None if all(w in it for w in wanted) else best
    return best


#: Elements that start a new line of the web page: their words never join a neighbour's.
_HTML_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div",
    "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul"})
#: Elements whose text a reader never sees.
_HTML_UNSEEN = frozenset({"head", "script", "style", "template", "noscript"})


def html_words(page: bytes) -> list[str]:
    """The words and numbers of a web page's ``<main>`` (the whole body without one) as a
    reader sees them, in order: list and paragraph numbers are written in the page's text
    (reportgen.publish.html), so nothing is added here."""
    from lxml import html as lxml_html

    if not page.strip():
        return []
    root = lxml_html.fromstring(page)
    mains = root.xpath("//main")
    top = mains[0] if mains else root
    pieces: list[str] = []

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _HTML_UNSEEN:
            if element.tail:
                pieces.append(element.tail)
            return
        block = tag in _HTML_BLOCKS
        if block:
            pieces.append("\n")
        if element.text and tag:
            pieces.append(element.text)
        for child in element:
            walk(child)
        if block:
            pieces.append("\n")
        if element.tail and element is not top:
            pieces.append(element.tail)

    walk(top)
    return text_words("".join(pieces))
