"""A rendered report (.docx bytes) as one self-contained, accessible HTML page.

The page is made from the Word file itself, not from a second template, so it says exactly
what the document says: the body is walked in order (``word/document.xml``), heading levels
come from the paragraph styles (``styles.xml``) and list and paragraph numbers are worked out
from ``numbering.xml`` the way Word counts them, so "7." in Word is "7." on the page.

The .docx is untrusted (a pack may hold documents written anywhere): its parts are read within
the limits of :mod:`reportgen.render.package` and parsed without DTDs, every piece of text goes
into the page through lxml's HTML serialiser (which escapes it), links keep only ``http:``,
``https:`` and ``mailto:`` addresses, pictures are embedded only when their bytes are PNG, JPEG
or GIF, and a Content-Security-Policy stops the page (or a council's CSS) from fetching or
running anything. The same bytes in always give the same bytes out.

>>> from reportgen.pipeline import produce
>>> page = report_html(produce("fixtures/harrow-2016-high-cost-placements").result.docx)
>>> page[:15]
b'<!DOCTYPE html>'
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.limits import MAX_DOCX_BYTES, MAX_HTML_CSS_BYTES, MAX_HTML_NESTING
from reportgen.render.markup import clean_xml_text

__all__ = ["default_css", "house_css", "page", "report_html"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
DC_NS = "http://purl.org/dc/elements/1.1/"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FOOTNOTES_REL = R_NS + "/footnotes"
HYPERLINK_REL = R_NS + "/hyperlink"
HEADER_REL = R_NS + "/header"
FOOTER_REL = R_NS + "/footer"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


DEFAULT_LANGUAGE = "en-GB"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
#: What the page may load: nothing but its own inline styles and embedded pictures.
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                           "base-uri 'none'; form-action 'none'")
CHECKED_GLYPH = "\u2612"
UNCHECKED_GLYPH = "\u2610"
_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"([^"]+)"\s*$', re.IGNORECASE)


def _field_link(instruction: str) -> str | None:
    """The address of a HYPERLINK field to a web page or an e-mail address (a field to
    anything else, or with switches, gives no link)."""
    m = _HYPERLINK_FIELD.match(instruction)
    if m and m.group(1).lower().startswith(_SAFE_SCHEMES):
        return m.group(1)
    return None
_PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
_IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))
_EMU_PER_PX = 9525


def _on(element: Any) -> bool:
    """A WordprocessingML on/off property: present means on unless its value says off."""
    if element is None:
        return False
    return element.get(w("val"), "true").lower() not in ("false", "0", "off", "none")


# --- reading the package ----------------------------------------------------------------------


class _Package:
    """The parts of a .docx, read within reportgen's limits and parsed without DTDs."""

    def __init__(self, data: bytes) -> None:
        from reportgen.render.package import _members, _read_member

        message = "not a Word document (.docx)"
        if len(data) > MAX_DOCX_BYTES:
            raise ReportgenError(f"the file is larger than {MAX_DOCX_BYTES // 2**20} MB, "
                                 "the limit for a .docx")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ReportgenError(message) from None
        self._archive = archive
        self._members = _members(archive, "", message)
        self._read_member = _read_member
        self._xml: dict[str, Any] = {}

    def read(self, name: str) -> bytes | None:
        info = self._members.get(name)
        if info is None:
            return None
        data: bytes = self._read_member(self._archive, info, "")
        return data

    def xml(self, name: str) -> Any:
        from reportgen.render.package import safe_xml

        if name not in self._xml:
            data = self.read(name)
            self._xml[name] = None if data is None else safe_xml(data, None, name)
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """``rId -> (type, target, external)`` for one part; the target resolved in the zip."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                joined = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(folder, target))
                target = joined
            if rid:
                out[rid] = (rel.get("Type", ""), target, external)
        return out


# --- styles and numbering ---------------------------------------------------------------------


@dataclass
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


class _Styles:
    def __init__(self, root: Any) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if not sid:
                continue
            name_el = style.find(w("name"))
            based = style.find(w("basedOn"))
            num_id = style.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}")
            ilvl = style.find(f"{w('pPr')}/{w('numPr')}/{w('ilvl')}")
            outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            self.styles[sid] = _Style(
                name=(name_el.get(w("val"), "") if name_el is not None else sid).lower(),
                based_on=based.get(w("val")) if based is not None else None,
                num_id=num_id.get(w("val")) if num_id is not None else None,
                ilvl=_int(ilvl.get(w("val"))) if ilvl is not None else None,
                outline=_int(outline.get(w("val"))) if outline is not None else None,
            )
            if style.get(w("type")) == "paragraph" and _on_attr(style.get(w("default"))):
                self.default_paragraph = sid

    def chain(self, sid: str | None) -> list[_Style]:
        """The style and the styles it is based on, nearest first (loops are cut)."""
        out: list[_Style] = []
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            out.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return out

    def name(self, sid: str | None) -> str:
        chain = self.chain(sid)
        return chain[0].name if chain else ""

    def heading_level(self, sid: str | None) -> int | None:
        """0 for Title, 1 for Heading 1, 2 for Heading 2…, from the name or outline level."""
        for style in self.chain(sid):
            if style.name == "title":
                return 0
            match = re.fullmatch(r"heading ([1-9])", style.name)
            if match:
                return int(match.group(1))
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return None

    def is_title(self, sid: str | None) -> bool:
        return any(s.name == "title" for s in self.chain(sid))

    def is_caption(self, sid: str | None) -> bool:
        return any(s.name == "caption" for s in self.chain(sid))

    def numbering(self, sid: str | None) -> tuple[str | None, int | None]:
        num_id: str | None = None
        ilvl: int | None = None
        for style in self.chain(sid):
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
            if ilvl is None and style.ilvl is not None:
                ilvl = style.ilvl
        return num_id, ilvl


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False
    restart: int | None = None  # restart after this (0-based) level; None: after any higher


@dataclass
class _Abstract:
    levels: dict[int, _Level] = field(default_factory=dict)
    counters: dict[int, int] = field(default_factory=dict)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word's letter numbering: a…z, then aa…zz, aaa… (the letter repeated).
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (``w:numFmt``)."""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


class _Numbering:
    """Word's list counters: lists sharing an abstract definition continue one another unless
    a ``w:num`` overrides its start; a level restarts when a higher level is used."""

    def __init__(self, root: Any, styles: _Styles) -> None:
        self.abstracts: dict[str, _Abstract] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.started: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for anum in root.iter(w("abstractNum")):
            aid = anum.get(w("abstractNumId"), "")
            abstract = _Abstract()
            for lvl in anum.iter(w("lvl")):
                abstract.levels[_int(lvl.get(w("ilvl")))] = _level(lvl)
            link = anum.find(w("numStyleLink"))
            if link is not None and not abstract.levels:
                links[aid] = link.get(w("val"), "")
            self.abstracts[aid] = abstract
        for num in root.iter(w("num")):
            nid = num.get(w("numId"), "")
            aid_el = num.find(w("abstractNumId"))
            aid = aid_el.get(w("val"), "") if aid_el is not None else ""
            overrides: dict[int, int] = {}
            for over in num.iter(w("lvlOverride")):
                level = _int(over.get(w("ilvl")))
                start = over.find(w("startOverride"))
                if start is not None:
                    overrides[level] = _int(start.get(w("val")), 1)
                lvl = over.find(w("lvl"))
                if lvl is not None and aid in self.abstracts:
                    self.abstracts[aid].levels[level] = _level(lvl)
            self.nums[nid] = (aid, overrides)
        # A list that borrows its levels from a numbering style (w:numStyleLink).
        for aid, style_id in links.items():
            linked, _ = styles.numbering(style_id)
            target = self.nums.get(linked or "", ("", {}))[0]
            if target in self.abstracts and target != aid:
                self.abstracts[aid] = self.abstracts[target]

    def label(self, num_id: str, ilvl: int) -> tuple[str, str] | None:
        """``(kind, text)`` for the next paragraph of list ``num_id`` at ``ilvl``: kind is
        "bullet" or "number"; None when the paragraph is not numbered."""
        if num_id in ("", "0") or num_id not in self.nums:
            return None
        aid, overrides = self.nums[num_id]
        abstract = self.abstracts.get(aid)
        if abstract is None:
            return None
        ilvl = max(0, min(ilvl, 8))
        level = abstract.levels.get(ilvl, _Level())
        if num_id not in self.started:
            self.started.add(num_id)
            for over_level, start in overrides.items():
                abstract.counters[over_level] = start - 1
        count = abstract.counters.get(ilvl)
        abstract.counters[ilvl] = (count + 1) if count is not None else level.start
        for deeper in list(abstract.counters):
            if deeper > ilvl:
                restart = abstract.levels.get(deeper, _Level()).restart
                if restart is None or restart >= ilvl:
                    del abstract.counters[deeper]
        if level.fmt == "bullet":
            return "bullet", ""

        def number(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = abstract.levels.get(index, _Level())
            value = abstract.counters.get(index, shown.start)
            return format_number(value, "decimal" if level.legal else shown.fmt)

        return "number", re.sub(r"%([1-9])", number, level.text)


def _level(lvl: Any) -> _Level:
    start = lvl.find(w("start"))
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    restart = lvl.find(w("lvlRestart"))
    restart_value = _int(restart.get(w("val"))) if restart is not None else None
    return _Level(
        start=_int(start.get(w("val")), 1) if start is not None else 1,
        fmt=fmt.get(w("val"), "decimal") if fmt is not None else "decimal",
        text=text.get(w("val"), "") if text is not None else "",
        legal=_on(lvl.find(w("isLgl"))),
        # lvlRestart 0 means never restart; n means after level n (1-based) is used.
        restart=(-1 if restart_value == 0 else restart_value - 1)
        if restart_value is not None else None,
    )


# --- building the page ------------------------------------------------------------------------


def _el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    # Text from YAML or a stylesheet may hold characters XML cannot (lxml would refuse them).
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): clean_xml_text(v)
                                             for k, v in attrs.items()})
    if text:
        element.text = clean_xml_text(text)
    return element


def _add_text(parent: Any, text: str) -> None:
    text = clean_xml_text(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


@dataclass
class _Picture:
    alt: str
    title: str
    src: str | None
    width: int | None
    height: int | None
    chart: str | None = None  # a native chart's part, drawn as inline SVG


class _Converter:
    def __init__(self, package: _Package, part: str) -> None:
        self.package = package
        self.part = part
        self.rels = package.rels(part)
        self.styles = _Styles(package.xml("word/styles.xml"))
        self.numbering = _Numbering(package.xml("word/numbering.xml"), self.styles)
        self.heading_offset = 0
        self.depth = 0
        self.footnotes = _Footnotes(package)
        self.language = DEFAULT_LANGUAGE

    # inline content ---------------------------------------------------------------------------

    def inline(self, p: Any, target: Any, *, drop_page_fields: bool = False) -> bool:
        """Write the runs of paragraph ``p`` into ``target``. Returns False when the paragraph
        held a page-number field and ``drop_page_fields`` asks for such paragraphs to go."""
        # [instruction text, in result?, the <a> a HYPERLINK field's result goes in] for each
        # open field
        self._fields: list[list[Any]] = []
        self._page_field = False
        self._walk_inline(p, target, {})
        return not (drop_page_fields and self._page_field)

    def _hidden_by_field(self) -> bool:
        return any(not state[1] for state in self._fields)

    def _field_target(self, target: Any) -> Any:
        """Where a field's result text goes: the innermost HYPERLINK field's <a>, if any."""
        return next((state[2] for state in reversed(self._fields) if state[2] is not None),
                    target)

    def _walk_inline(self, element: Any, target: Any, fmt: dict[str, bool]) -> None:
        for child in element:
            tag = child.tag
            if tag == w("r"):
                self._run(child, target, fmt)
            elif tag == w("hyperlink"):
                link = self._hyperlink(child, target)
                self._walk_inline(child, link if link is not None else target, fmt)
            elif tag in (w("ins"), w("smartTag"), w("customXml"), w("bdo"), w("dir"),
                         w("moveTo")):
                self._walk_inline(child, target, fmt)
            elif tag == w("fldSimple"):
                instr = (child.get(w("instr")) or "").split()
                if instr and instr[0].upper() in _PAGE_FIELDS:
                    self._page_field = True
                self._walk_inline(child, target, fmt)
            elif tag == w("sdt"):
                self._sdt_inline(child, target, fmt)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = _choice(child)
                if choice is not None:
                    self._walk_inline(choice, target, fmt)

    def _sdt_inline(self, sdt: Any, target: Any, fmt: dict[str, bool]) -> None:
        box = sdt.find(f"{w('sdtPr')}/{{{W14_NS}}}checkbox")
        content = sdt.find(w("sdtContent"))
        if box is not None:
            checked_el = box.find(f"{{{W14_NS}}}checked")
            checked = checked_el is not None and _on_attr(
                checked_el.get(f"{{{W14_NS}}}val", "1"))
            span = _el(target, "span", class_="checkbox")
            _el(span, "span", CHECKED_GLYPH if checked else UNCHECKED_GLYPH,
                aria_hidden="true")
            _add_text(span, " checked" if checked else " unchecked")
            return
        if content is not None:
            self._walk_inline(content, target, fmt)

    def _hyperlink(self, element: Any, target: Any) -> Any:
        rid = element.get(f"{{{R_NS}}}id")
        href = None
        if rid and rid in self.rels:
            kind, address, external = self.rels[rid]
            if external and kind == HYPERLINK_REL and address.lower().startswith(_SAFE_SCHEMES):
                href = address
        if href is None:
            return None
        return _el(target, "a", href=href)

    def _run(self, r: Any, target: Any, inherited: dict[str, bool]) -> None:
        rpr = r.find(w("rPr"))
        fmt = dict(inherited)
        if rpr is not None:
            if _on(rpr.find(w("vanish"))) or _on(rpr.find(w("specVanish"))):
                return  # hidden text: Word does not show it, so neither does the page
            fmt["strong"] = _on(rpr.find(w("b")))
            fmt["em"] = _on(rpr.find(w("i")))
            vert = rpr.find(w("vertAlign"))
            value = vert.get(w("val")) if vert is not None else None
            fmt["sup"] = value == "superscript"
            fmt["sub"] = value == "subscript"
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = child.get(w("fldCharType"))
                if kind == "begin":
                    self._fields.append(["", False, None])
                elif kind == "separate" and self._fields:
                    self._fields[-1][1] = True
                    words = self._fields[-1][0].split()
                    if words and words[0].upper() in _PAGE_FIELDS:
                        self._page_field = True
                    href = _field_link(self._fields[-1][0])
                    if href is not None:  # the e-mail and web addresses render/finish.py links
                        self._fields[-1][2] = _el(self._field_target(target), "a", href=href)
                elif kind == "end" and self._fields:
                    self._fields.pop()
            elif tag == w("instrText"):
                if self._fields and not self._fields[-1][1]:
                    self._fields[-1][0] += child.text or ""
            elif self._hidden_by_field():
                continue
            elif tag == w("t"):
                self._text(self._field_target(target), child.text or "", fmt)
            elif tag in (w("tab"), w("ptab")):
                self._text(self._field_target(target), "\t", fmt)
            elif tag in (w("br"), w("cr")):
                if child.get(w("type")) in (None, "textWrapping"):
                    _el(target, "br")
            elif tag == w("noBreakHyphen"):
                self._text(target, "\u2011", fmt)
            elif tag == w("sym"):
                code = child.get(w("char"), "")
                if code.upper() in ("2612", "2610", "2611"):
                    self._text(target, chr(int(code, 16)), fmt)
            elif tag == w("drawing"):
                for picture in self._pictures(child):
                    self.image(target, picture)
                self._text_boxes(child, target)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = _choice(child)
                if choice is not None:
                    fake = etree.Element(w("r"))
                    if rpr is not None:
                        fake.append(_copy(rpr))
                    for grandchild in choice:
                        fake.append(_copy(grandchild))
                    self._run(fake, target, inherited)
            elif tag == w("footnoteReference"):
                self._footnote_reference(child, target)

    def _text_boxes(self, drawing: Any, target: Any) -> None:
        """The words in a drawing's text boxes, each paragraph on its own line."""
        for box in drawing.iter(w("txbxContent")):
            span = _el(target, "span", class_="text-box")
            for p in box.iter(w("p")):
                saved = (self._fields, self._page_field)
                self.inline(p, span)
                self._fields, self._page_field = saved
                _el(span, "br")

    def _footnote_reference(self, ref: Any, target: Any) -> None:
        note_id = ref.get(w("id"), "")
        if note_id not in self.footnotes.bodies:
            return
        number = self.footnotes.number(note_id)
        sup = _el(target, "sup", class_="footnote-ref")
        _el(sup, "a", f"[{number}]", href=f"#footnote-{number}", id=f"footnote-ref-{number}")

    def _text(self, target: Any, text: str, fmt: dict[str, bool]) -> None:
        tags = [t for t in ("strong", "em", "sup", "sub") if fmt.get(t)]
        if not tags:
            _add_text(target, text)
            return
        # Runs with the same formatting join into one element.
        key = " ".join(tags)
        if len(target) and target[-1].get("data-fmt") == key and not target[-1].tail:
            inner = target[-1]
            while len(inner):
                inner = inner[-1]
            inner.text = (inner.text or "") + text
            return
        outer = _el(target, tags[0])
        outer.set("data-fmt", key)
        inner = outer
        for tag in tags[1:]:
            inner = _el(inner, tag)
        inner.text = text

    # pictures ---------------------------------------------------------------------------------

    def _pictures(self, drawing: Any) -> list[_Picture]:
        out = []
        for holder in drawing:
            doc_pr = holder.find(f"{{{WP_NS}}}docPr")
            blip = holder.find(f".//{{{A_NS}}}blip")
            extent = holder.find(f"{{{WP_NS}}}extent")
            if doc_pr is None and blip is None:
                continue
            src = None
            if blip is not None:
                rid = blip.get(f"{{{R_NS}}}embed")
                if rid and rid in self.rels and not self.rels[rid][2]:
                    src = self._data_uri(self.rels[rid][1])
            width = height = None
            if extent is not None:
                width = round(_int(extent.get("cx")) / _EMU_PER_PX) or None
                height = round(_int(extent.get("cy")) / _EMU_PER_PX) or None
            chart = holder.find(f".//{{{CHART_NS}}}chart")
            rid = chart.get(f"{{{R_NS}}}id") if chart is not None else None
            out.append(_Picture(
                alt=(doc_pr.get("descr") or "") if doc_pr is not None else "",
                title=(doc_pr.get("title") or "") if doc_pr is not None else "",
                src=src, width=width, height=height,
                chart=self.rels[rid][1] if rid in self.rels and not self.rels[rid][2] else None))
        return out

    def _data_uri(self, name: str) -> str | None:
        data = self.package.read(name)
        if data is None:
            return None
        for magic, mime in _IMAGE_TYPES:
            if data.startswith(magic):
                return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        return None  # EMF, WMF, SVG…: not embedded; the alt text stands in

    def image(self, target: Any, picture: _Picture) -> None:
        alt = picture.alt or picture.title
        root = self.package.xml(picture.chart) if picture.chart else None
        if root is not None:
            from reportgen.publish.svg_chart import chart_figure

            drawn = chart_figure(root, posixpath.basename(picture.chart or "").split(".")[0],
                                 picture.alt, picture.title)
            target.extend(drawn)
            if drawn:
                return
        if picture.src is None:
            if alt:
                _el(target, "span", f"[Picture: {alt}]", class_="missing-picture")
            return
        attrs = {"src": picture.src, "alt": alt}
        if picture.width and picture.height:
            attrs.update(width=str(picture.width), height=str(picture.height))
        _el(target, "img", **attrs)

    # blocks -----------------------------------------------------------------------------------

    def paragraph_style(self, p: Any) -> str | None:
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        return style.get(w("val")) if style is not None else self.styles.default_paragraph

    def list_label(self, p: Any) -> tuple[str, str, int] | None:
        sid = self.paragraph_style(p)
        num_id, ilvl = self.styles.numbering(sid)
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None:
            direct_id = num_pr.find(w("numId"))
            direct_lvl = num_pr.find(w("ilvl"))
            if direct_id is not None:
                num_id = direct_id.get(w("val"))
            if direct_lvl is not None:
                ilvl = _int(direct_lvl.get(w("val")))
        if num_id is None:
            return None
        label = self.numbering.label(num_id, ilvl or 0)
        if label is None:
            return None
        return label[0], label[1], ilvl or 0

    def blocks(self, children: list[Any], parent: Any) -> None:
        """Body-level content (paragraphs, tables, block content controls) into ``parent``."""
        self.depth += 1
        if self.depth > MAX_HTML_NESTING:
            raise ReportgenError(f"the document nests tables or content controls more than "
                                 f"{MAX_HTML_NESTING} deep")
        items = _flatten(children)
        lists: list[tuple[int, str, Any]] = []  # (level, kind, list element)
        i = 0
        while i < len(items):
            element = items[i]
            i += 1
            if element.tag == w("tbl"):
                lists.clear()
                self.table(element, parent, None)
                continue
            if element.tag != w("p"):
                continue
            sid = self.paragraph_style(element)
            label = self.list_label(element)
            level = self.styles.heading_level(sid)
            if level is not None:
                lists.clear()
                self.heading(element, parent, level, label)
                continue
            if label is not None:
                self.list_item(element, parent, lists, label)
                continue
            lists.clear()
            if self.styles.is_caption(sid):
                following = items[i] if i < len(items) else None
                if following is not None and following.tag == w("tbl"):
                    self.table(following, parent, element)
                    i += 1
                    continue
            pictures = self._only_pictures(element)
            if pictures:
                i = self.figure(element, pictures, items, i, parent)
                continue
            self.plain(element, parent, "caption" if self.styles.is_caption(sid) else None)
        self.depth -= 1

    def _only_pictures(self, p: Any) -> list[_Picture]:
        """The pictures of a paragraph that holds pictures and no text, else []."""
        if "".join(t.text or "" for t in p.iter(w("t"))).strip():
            return []
        pictures: list[_Picture] = []
        for drawing in p.iter(w("drawing")):
            pictures.extend(self._pictures(drawing))
        return pictures

    def heading(self, p: Any, parent: Any, level: int, label: tuple[str, str, int] | None) -> None:
        tag = f"h{max(1, min(6, level + self.heading_offset))}"
        h = etree.Element(tag)
        if label is not None and label[0] == "number" and label[1]:
            _el(h, "span", label[1], class_="number")
            _add_text(h, " ")
        self.inline(p, h)
        _set_language(p, h, self.language)
        if _text_of(h):
            parent.append(h)

    def plain(self, p: Any, parent: Any, css_class: str | None = None) -> None:
        para = etree.Element("p")
        classes = " ".join(c for c in (css_class, _alignment(p)) if c)
        if classes:
            para.set("class", classes)
        self.inline(p, para)
        _set_language(p, para, self.language)
        if _text_of(para) or para.find(".//img") is not None:
            parent.append(para)

    def list_item(self, p: Any, parent: Any, lists: list[tuple[int, str, Any]],
                  label: tuple[str, str, int]) -> None:
        kind, text, level = label
        tag = "ul" if kind == "bullet" else "ol"
        while lists and (lists[-1][0] > level or (lists[-1][0] == level and lists[-1][1] != tag)):
            lists.pop()
        if not lists or lists[-1][0] < level:
            holder = parent
            if lists:
                current = lists[-1][2]
                holder = current[-1] if len(current) else current
            list_el = _el(holder, tag)
            if tag == "ol":
                # The numbers are Word's, written out: a browser's own count could differ.
                list_el.set("class", "numbered")
            lists.append((level, tag, list_el))
        li = _el(lists[-1][2], "li")
        if kind == "number":
            _el(li, "span", text, class_="number")
            _add_text(li, " ")
        self.inline(p, li)
        _set_language(p, li, self.language)

    def figure(self, p: Any, pictures: list[_Picture], items: list[Any], i: int,
               parent: Any) -> int:
        fig = _el(parent, "figure")
        for picture in pictures:
            self.image(fig, picture)
        caption_text = ""
        if i < len(items) and items[i].tag == w("p") and \
                self.styles.is_caption(self.paragraph_style(items[i])):
            caption = _el(fig, "figcaption")
            self.inline(items[i], caption)
            caption_text = _text_of(caption)
            i += 1
        names = {n for n in (caption_text, *(pic.title for pic in pictures)) if n}
        data_table, caption_para, used = self._data_table(items, i, names)
        description = " ".join(pic.alt for pic in pictures if pic.alt)
        if data_table is not None or description:
            details = _el(fig, "details")
            if data_table is not None:
                _el(details, "summary", "Chart data")
                self.table(data_table, details, caption_para)
                i = used
            else:
                _el(details, "summary", "Chart description")
                _el(details, "p", description)
        return i

    def _data_table(self, items: list[Any], i: int, names: set[str]) -> tuple[Any, Any, int]:
        """The table that follows a chart and is captioned with the chart's own caption (its
        data written out), with its caption paragraph; else (None, None, i)."""
        caption_para = None
        j = i
        if j < len(items) and items[j].tag == w("p") and \
                self.styles.is_caption(self.paragraph_style(items[j])):
            caption_para = items[j]
            j += 1
        if not names or j >= len(items) or items[j].tag != w("tbl"):
            return None, None, i
        tbl = items[j]
        tbl_caption = tbl.find(f"{w('tblPr')}/{w('tblCaption')}")
        tbl_description = tbl.find(f"{w('tblPr')}/{w('tblDescription')}")
        own = {" ".join((el.get(w("val")) or "").split())
               for el in (tbl_caption, tbl_description) if el is not None}
        if caption_para is not None:
            own.add(" ".join("".join(t.text or "" for t in caption_para.iter(w("t"))).split()))
        if own & {" ".join(n.split()) for n in names}:
            return tbl, caption_para, j + 1
        return None, None, i

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


def _set_language(p: Any, element: Any, page_language: str) -> None:
    """``lang`` on a paragraph all of whose text Word marks as another language (a Welsh
    paragraph in a bilingual report), so a screen reader speaks it in that language."""
    languages = set()
    for run in p.iter(w("r")):
        if not "".join(t.text or "" for t in run.iter(w("t"))).strip():
            continue
        lang = run.find(f"{w('rPr')}/{w('lang')}")
        languages.add(lang.get(w("val")) if lang is not None else None)
    if len(languages) == 1:
        (language,) = languages
        if language and _LANGUAGE_TAG.fullmatch(language) and \
                language.lower() != page_language.lower():
            element.set("lang", language)


def _alignment(p: Any) -> str | None:
    """"align-right" or "align-centre" for a paragraph Word aligns so (figures in tables)."""
    jc = p.find(f"{w('pPr')}/{w('jc')}")
    value = jc.get(w("val")) if jc is not None else None
    if value in ("right", "end"):
        return "align-right"
    if value == "center":
        return "align-centre"
    return None


@dataclass
class _Cell:
    tc: Any
    column: int
    span: int
    rowspan: int = 1
    merged: bool = False


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def _choice(alternate: Any) -> Any:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (Word's modern markup; the
    fallback is the same thing in VML)."""
    return alternate.find(f"{{{MC_NS}}}Choice")


class _Footnotes:
    """The document's footnotes, numbered 1, 2, 3 … in the order the text refers to them."""

    def __init__(self, package: _Package) -> None:
        self.bodies: dict[str, Any] = {}
        self.order: list[str] = []
        rels = package.rels("word/document.xml")
        name = next((t for kind, t, ext in rels.values() if kind == FOOTNOTES_REL and not ext),
                    None)
        root = package.xml(name) if name else None
        if root is None:
            return
        for note in root.iter(w("footnote")):
            if note.get(w("type")) in (None, "normal"):
                self.bodies[note.get(w("id"), "")] = note

    def number(self, note_id: str) -> int:
        if note_id not in self.order:
            self.order.append(note_id)
        return self.order.index(note_id) + 1


def _flatten(children: list[Any]) -> list[Any]:
    """Block content with block-level content controls and custom XML unwrapped."""
    out: list[Any] = []
    for child in children:
        if child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out.extend(_flatten(list(content)))
        elif child.tag == w("customXml"):
            out.extend(_flatten(list(child)))
        else:
            out.append(child)
    return out


# --- the page ---------------------------------------------------------------------------------


def default_css() -> str:
    """The page's built-in stylesheet (GOV.UK in spirit: plain, readable, clear focus)."""
    return (resources.files("reportgen.publish") / "report.css").read_text(encoding="utf-8")


def _safe_css(css: str) -> str:
    # A stylesheet cannot close the <style> element early: "<" becomes a CSS escape, which
    # means the same character inside strings and is meaningless elsewhere in CSS.
    return css.replace("<", "\\3c ")


def house_css(template: Path) -> str | None:
    """A house style's own CSS: ``html.css`` beside the style's ``template.docx``, if any."""
    from reportgen.fileio import read_bytes_checked

    template = Path(template)
    if template.name.lower() != "template.docx":
        return None
    path = template.with_name("html.css")
    if not path.is_file():
        return None
    if path.stat().st_size > MAX_HTML_CSS_BYTES:
        raise ReportgenError(f"the stylesheet is larger than {MAX_HTML_CSS_BYTES // 1024} KB, "
                             "the limit for html.css", file=path)
    data = read_bytes_checked(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportgenError("html.css must be UTF-8 text", file=path) from None


def page(title: str, *, language: str = DEFAULT_LANGUAGE, css: str | None = None,
         header: list[Any] | None = None) -> tuple[Any, Any, Any]:
    """An empty page: ``(html, main, body)``. ``header`` elements go into the page's banner."""
    if not _LANGUAGE_TAG.fullmatch(language):
        language = DEFAULT_LANGUAGE
    html = etree.Element("html", lang=language)
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "meta", http_equiv="Content-Security-Policy", content=CONTENT_SECURITY_POLICY)
    _el(head, "meta", name="generator", content="reportgen")
    _el(head, "title", title)
    _el(head, "style", default_css())
    if css:
        _el(head, "style", _safe_css(css), class_="house-style")
    body = _el(html, "body")
    _el(body, "a", "Skip to main content", href="#content", class_="skip-link")
    if header:
        banner = _el(body, "header", class_="page-header")
        for element in header:
            banner.append(element)
    main = _el(body, "main", id="content")
    return html, main, body


def serialise(html: Any) -> bytes:
    """The page as UTF-8 bytes with its doctype; helper attributes removed."""
    for element in html.iter():
        element.attrib.pop("data-fmt", None)
    out: bytes = etree.tostring(html, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")
    return out + b"\n"


def report_html(docx_bytes: bytes, *, css: str | None = None, title: str | None = None,
                back: tuple[str, str] | None = None) -> bytes:
    """The .docx as one self-contained HTML page (UTF-8 bytes).

    ``css`` is a council's own stylesheet, embedded after the default one; ``title`` is used
    when the document's core properties have none (a document read into a pack); ``back`` is
    ``(href, text)`` of a link put at the top of the page (an item's page back to its
    agenda)."""
    package = _Package(docx_bytes)
    document = package.xml("word/document.xml")
    if document is None or document.find(w("body")) is None:
        raise ReportgenError("not a Word document (.docx): it has no word/document.xml")
    body = document.find(w("body"))
    converter = _Converter(package, "word/document.xml")
    children = list(body)
    core_language = _core_language(package)
    if _LANGUAGE_TAG.fullmatch(core_language):
        converter.language = core_language
    if any(el.tag == w("p") and converter.styles.is_title(converter.paragraph_style(el))
           for el in _flatten(children)):
        # Title is the page's h1, so Heading 1 becomes h2 and the outline stays in order.
        converter.heading_offset = 1
    core = package.xml("docProps/core.xml")
    doc_title = language = ""
    if core is not None:
        title_el = core.find(f"{{{DC_NS}}}title")
        language_el = core.find(f"{{{DC_NS}}}language")
        doc_title = " ".join((title_el.text or "").split()) if title_el is not None else ""
        language = (language_el.text or "").strip() if language_el is not None else ""

    header = _furniture(package, body, HEADER_REL)
    if back is not None:
        nav = etree.Element("nav", {"aria-label": "Agenda"})
        _el(_el(nav, "p"), "a", back[1], href=back[0])
        header.insert(0, nav)
    footer = _furniture(package, body, FOOTER_REL)
    main_content = etree.Element("div")
    converter.blocks(children, main_content)
    first_heading = next((_text_of(h) for h in main_content.iter("h1", "h2", "h3")), "")
    html, main, page_body = page(doc_title or (title or "").strip() or first_heading or
                                 "Report", language=language or DEFAULT_LANGUAGE, css=css,
                                 header=header)
    for child in list(main_content):
        main.append(child)
    _footnote_section(converter, main)
    if footer:
        foot = _el(page_body, "footer", class_="page-footer")
        for element in footer:
            foot.append(element)
    return serialise(html)


def _core_language(package: _Package) -> str:
    core = package.xml("docProps/core.xml")
    found = core.find(f"{{{DC_NS}}}language") if core is not None else None
    return (found.text or "").strip() if found is not None else ""


def _footnote_section(converter: _Converter, main: Any) -> None:
    """The footnotes the text referred to, as a numbered list at the end of the page."""
    notes = converter.footnotes
    if not notes.order:
        return
    section = _el(main, "section", class_="footnotes", aria_labelledby="footnotes")
    _el(section, "h2", "Footnotes", id="footnotes")
    listing = _el(section, "ol", class_="numbered")
    index = 0
    while index < len(notes.order):  # a footnote may itself refer to another
        note_id = notes.order[index]
        index += 1
        li = _el(listing, "li", id=f"footnote-{index}")
        _el(li, "span", f"{index}.", class_="number")
        _add_text(li, " ")
        for p in notes.bodies[note_id].iter(w("p")):
            converter.inline(p, li)
            _add_text(li, " ")
        _el(li, "a", f"Back to reference {index}", href=f"#footnote-ref-{index}")


def _furniture(package: _Package, body: Any, rel_type: str) -> list[Any]:
    """Paragraphs of the headers or footers the document's sections use, page numbers left
    out (a web page has none), each distinct text once."""
    rels = package.rels("word/document.xml")
    reference = "headerReference" if rel_type == HEADER_REL else "footerReference"
    parts: list[str] = []
    for ref in body.iter(w(reference)):
        rid = ref.get(f"{{{R_NS}}}id")
        if rid in rels and rels[rid][0] == rel_type and not rels[rid][2] \
                and rels[rid][1] not in parts:
            parts.append(rels[rid][1])
    out: list[Any] = []
    seen: set[str] = set()
    for name in parts:
        root = package.xml(name)
        if root is None:
            continue
        converter = _Converter(package, name)
        for p in root.iter(w("p")):
            para = etree.Element("p")
            if not converter.inline(p, para, drop_page_fields=True):
                continue
            text = _text_of(para)
            if text and text not in seen:
                seen.add(text)
                out.append(para)
    return out
