"""What a reader of a .docx sees, for the checks: text of every part, tables with their
accessibility markings, headings, pictures and their alt text, document properties, read
within limits (:class:`DocxView`)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from reportgen import limits
from reportgen.errors import ReportgenError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_NS = {
    "w": W,
    "wp": WP,
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "adec": "http://schemas.microsoft.com/office/drawing/2017/decorative",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
_OFF = {"0", "false", "off"}
_TEXT_PARTS = re.compile(
    r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
#: Document properties a reader sees in File > Info (core, extended and custom).
_PROPERTY_PARTS = ("docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")
_HEADING_NAME = re.compile(r"heading ([1-9])", re.IGNORECASE)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _text(element: etree._Element) -> str:
    """The visible text of an element: runs' text, tabs as spaces, breaks as new lines."""
    parts = []
    for node in element.iter(_w("t"), _w("delText"), _w("tab"), _w("br"), _w("cr"),
                             _w("noBreakHyphen"), _w("softHyphen")):
        if node.tag in (_w("t"), _w("delText")):  # tracked deletions show in Word too
            parts.append(node.text or "")
        elif node.tag == _w("noBreakHyphen"):  # Word's non-breaking hyphen is its own element
            parts.append("-")
        elif node.tag == _w("softHyphen"):
            continue
        else:
            parts.append("\n" if node.tag in (_w("br"), _w("cr")) else " ")
    return "".join(parts)


@dataclass
class DocTable:
    """One table of the document: cell texts by row, and its accessibility markings."""

    index: int  # 1-based, in document order
    rows: list[list[str]]
    header_marked: bool
    caption: str | None

    @property
    def name(self) -> str:
        """How a message names the table: its caption, else its first cell."""
        if self.caption:
            return f"table {self.index} ('{self.caption}')"
        first = next((c for c in (self.rows[0] if self.rows else []) if c.strip()), "")
        return f"table {self.index} (starting '{first.strip()[:40]}')" if first \
            else f"table {self.index}"


@dataclass
class Heading:
    level: int
    text: str
    style: str


@dataclass
class Picture:
    name: str
    descr: str
    decorative: bool
    part: str


@dataclass
class DocxView:
    """What the checks read from a .docx, parsed once with lxml."""

    title: str | None = None
    core_language: str | None = None
    style_language: str | None = None
    headings: list[Heading] = field(default_factory=list)
    tables: list[DocTable] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # every paragraph of every text part
    pictures: list[Picture] = field(default_factory=list)
    # Titles of pictures and shapes, table titles and descriptions (alt text is in pictures).
    titles: list[str] = field(default_factory=list)
    # Every text value of the core, extended and custom document properties.
    properties: list[str] = field(default_factory=list)

    @property
    def full_text(self) -> str:
        return "\n".join(self.texts)

    @property
    def reader_text(self) -> str:
        """Everything a reader can see or look up: paragraphs of every text part (body,
        headers, footers, footnotes, endnotes, comments, captions, text boxes), table
        cells, alt text and titles of pictures and tables, and document properties."""
        extra = [p.descr for p in self.pictures if p.descr] + self.titles + self.properties
        return "\n".join([*self.texts, *extra])

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "the document") -> DocxView:
        """Parse ``data``; anything that is not a readable .docx is a ReportgenError."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
                if "word/document.xml" not in names:
                    raise ReportgenError("not a Word document: it has no word/document.xml",
                                         file=name)
                wanted = [n for n in sorted(names) if _TEXT_PARTS.fullmatch(n)
                          or n == "word/styles.xml" or n in _PROPERTY_PARTS]
                # Bounded: a part count or inflated size past the limits is refused unread.
                if len(names) > limits.MAX_DOCX_PARTS or any(
                        zf.getinfo(n).file_size > limits.MAX_DOCX_PART_BYTES for n in wanted) \
                        or sum(zf.getinfo(n).file_size for n in wanted) \
                        > limits.MAX_DOCX_UNPACKED_BYTES:
                    raise ReportgenError("the Word document is larger than reportgen reads "
                                         "(see reportgen/limits.py)", file=name)
                parser = etree.XMLParser(resolve_entities=False, no_network=True,
                                         huge_tree=False)
                parts = {n: etree.fromstring(zf.read(n), parser) for n in wanted}
        except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError) as exc:
            raise ReportgenError(f"not a readable Word document (.docx): {exc}",
                                 file=name) from None
        view = cls()
        styles = parts.get("word/styles.xml")
        levels = _heading_levels(styles) if styles is not None else {}
        names_by_id = _style_names(styles) if styles is not None else {}
        if styles is not None:
            view.style_language = _style_language(styles)
        core = parts.get("docProps/core.xml")
        if core is not None:
            view.title = _core_text(core, "dc:title")
            view.core_language = _core_text(core, "dc:language")
        for prop_part in _PROPERTY_PARTS:
            root = parts.get(prop_part)
            if root is not None:
                view.properties.extend(t.strip() for t in root.itertext() if t.strip())
        body = parts["word/document.xml"]
        for p in body.iter(_w("p")):
            style = p.find(f"{_w('pPr')}/{_w('pStyle')}")
            style_id = style.get(_w("val")) if style is not None else None
            if style_id and style_id in levels:
                view.headings.append(Heading(levels[style_id], _text(p).strip(),
                                             names_by_id.get(style_id, style_id)))
        for i, tbl in enumerate(body.iter(_w("tbl")), start=1):
            view.tables.append(_table(tbl, i))
        for part_name, root in parts.items():
            if not _TEXT_PARTS.fullmatch(part_name):
                continue
            view.texts.extend(_text(p) for p in root.iter(_w("p")))
            for doc_pr in root.iter(f"{{{WP}}}docPr"):
                decorative = any(d.get("val") in ("1", "true")
                                 for d in doc_pr.iter(f"{{{_NS['adec']}}}decorative"))
                view.pictures.append(Picture(doc_pr.get("name", ""), doc_pr.get("descr", ""),
                                             decorative, part_name))
                view.titles.extend(t for t in (doc_pr.get("title"), doc_pr.get("name"))
                                   if t)
            for tag in ("tblCaption", "tblDescription"):
                view.titles.extend(node.get(_w("val"), "") for node in root.iter(_w(tag))
                                   if node.get(_w("val")))
        return view


def _style_names(styles: etree._Element) -> dict[str, str]:
    out = {}
    for style in styles.iter(_w("style")):
        name = style.find(_w("name"))
        out[style.get(_w("styleId"), "")] = name.get(_w("val"), "") if name is not None else ""
    return out


def _heading_levels(styles: etree._Element) -> dict[str, int]:
    """Paragraph style id → heading level, following ``basedOn`` so that a house style's own
    heading style built on "heading 2" counts as level 2."""
    names = _style_names(styles)
    based: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        if style.get(_w("type")) != "paragraph":
            continue
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based[style.get(_w("styleId"), "")] = parent.get(_w("val"), "")
    levels = {}
    for style_id in names:
        current: str | None = style_id
        for _ in range(10):  # a guard against basedOn loops
            if current is None:
                break
            match = _HEADING_NAME.fullmatch(names.get(current, "").strip())
            if match:
                levels[style_id] = int(match.group(1))
                break
            current = based.get(current)
    return levels


def _style_language(styles: etree._Element) -> str | None:
    paths = [f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}"]
    for lang in (styles.find(p) for p in paths):
        if lang is not None and lang.get(_w("val")):
            return lang.get(_w("val"))
    for style in styles.iter(_w("style")):
        if style.get(_w("styleId")) == "Normal":
            lang = style.find(f"{_w('rPr')}/{_w('lang')}")
            if lang is not None and lang.get(_w("val")):
                return lang.get(_w("val"))
    return None


def _core_text(core: etree._Element, tag: str) -> str | None:
    node = core.find(tag, _NS)
    text = (node.text or "").strip() if node is not None else ""
    return text or None


def _table(tbl: etree._Element, index: int) -> DocTable:
    rows = []
    for tr in tbl.findall(_w("tr")):
        cells = []
        for tc in tr.findall(_w("tc")):
            cells.append("\n".join(_text(p) for p in tc.findall(_w("p"))))
        rows.append(cells)
    first = tbl.find(_w("tr"))
    header = first.find(f"{_w('trPr')}/{_w('tblHeader')}") if first is not None else None
    marked = header is not None and header.get(_w("val"), "1").lower() not in _OFF
    caption = tbl.find(f"{_w('tblPr')}/{_w('tblCaption')}")
    return DocTable(index, rows, marked, caption.get(_w("val")) if caption is not None else None)
