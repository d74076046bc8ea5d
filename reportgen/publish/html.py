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
import posixpath
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.limits import MAX_HTML_NESTING
from reportgen.publish.numbering import _Numbering, _Styles, format_number
from reportgen.publish.ooxml import (
    A_NS,
    CHART_NS,
    DC_NS,
    FOOTER_REL,
    FOOTNOTES_REL,
    HEADER_REL,
    HYPERLINK_REL,
    MC_NS,
    R_NS,
    W14_NS,
    WP_NS,
    _choice,
    _copy,
    _flatten,
    _int,
    _on,
    _on_attr,
    _Package,
    w,
)
from reportgen.publish.page import (
    _LANGUAGE_TAG,
    CONTENT_SECURITY_POLICY,
    DEFAULT_LANGUAGE,
    _add_text,
    _el,
    _text_of,
    default_css,
    house_css,
    page,
    serialise,
)
from reportgen.publish.tables import _alignment, _Tables

__all__ = ["CONTENT_SECURITY_POLICY", "default_css", "format_number", "house_css", "page",
           "report_html", "serialise"]

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


@dataclass
class _Picture:
    alt: str
    title: str
    src: str | None
    width: int | None
    height: int | None
    chart: str | None = None  # a native chart's part, drawn as inline SVG


class _Converter(_Tables):
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
