"""Raw-XML helpers that python-docx lacks, in one place.

Every helper inserts elements in the order the WordprocessingML schema requires (Word refuses
files whose ``trPr``/``tcPr``/``pPr``/``rPr`` children are out of order) and is idempotent:
applying it twice leaves one element, not two.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import docxcompose.utils  # noqa: F401  (imported for its side effect, undone below)
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.render.markup import clean_xml_text

# docxcompose.utils rebinds python-docx's "cp" prefix to the custom-properties namespace when
# it is first imported (docxcompose issue 101, docxtpl issue 471); every core-property write
# after that adds duplicate, wrongly-namespaced elements Word may call unreadable. A module's
# top level runs once, so importing it here and putting python-docx's mapping straight back
# means no later import of docxtpl or docxcompose can rebind it: every module that writes a
# Word document imports this one. docxcompose itself keeps working, because it resolves its
# own "cp" prefix through its own map (``docxcompose.utils.NS``) on plain lxml elements.
CORE_PROPERTIES_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def restore_core_properties_prefix() -> None:
    """Map python-docx's ``cp`` prefix back to the OPC core-properties namespace."""
    nsmap["cp"] = CORE_PROPERTIES_NS


restore_core_properties_prefix()

__all__ = [
    "add_checkbox",
    "add_field",
    "ensure_hyperlink_style",
    "hyperlink_field_runs",
    "ensure_w14",
    "keep_row_together",
    "keep_with_next",
    "mark_header_row",
    "page_break_before",
    "set_alt_text",
    "set_cell_shading",
    "set_core_properties",
    "set_document_language",
    "set_table_alt_text",
    "set_table_look",
]

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CHECKED_GLYPH = "\u2612"  # ☒ BALLOT BOX WITH X
UNCHECKED_GLYPH = "\u2610"  # ☐ BALLOT BOX
CHECKBOX_FONT = "MS Gothic"

# Child order from ECMA-376 Part 1 (CT_TrPr, CT_TcPr, CT_TblPr, CT_RPr, CT_Style, CT_Styles,
# CT_DocDefaults). Paragraph properties go through python-docx, which already orders pPr.
TRPR_ORDER = (
    "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter",
    "w:cantSplit", "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
    "w:ins", "w:del", "w:trPrChange",
)  # fmt: skip
TCPR_ORDER = (
    "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd",
    "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
    "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange",
)  # fmt: skip
TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
    "w:tblPrChange",
)  # fmt: skip
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)  # fmt: skip
STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
    "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
    "w:tcPr", "w:tblStylePr",
)  # fmt: skip
STYLES_ORDER = ("w:docDefaults", "w:latentStyles", "w:style")
DOCDEFAULTS_ORDER = ("w:rPrDefault", "w:pPrDefault")


@cache
def _clark(tag: str) -> str:
    return qn(tag)


@cache
def _later_tags(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    """The Clark names of the tags after ``tag`` in ``order`` (once: every table row asks)."""
    rank = order.index(tag)
    return frozenset(qn(t) for t in order[rank + 1 :])


def _get_or_add(parent: Any, tag: str, order: Sequence[str]) -> Any:
    """The child ``tag`` of ``parent``, created in schema position if missing."""
    existing = parent.find(_clark(tag))
    if existing is not None:
        return existing
    child = OxmlElement(tag)
    later = _later_tags(tag, tuple(order))
    for sibling in parent:
        if sibling.tag in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _ensure_first(parent: Any, tag: str) -> Any:
    """The child ``tag`` of ``parent``, created as its first child if missing (pPr, trPr…)."""
    existing = parent.find(qn(tag))
    if existing is None:
        existing = OxmlElement(tag)
        parent.insert(0, existing)
    return existing


# --- tables -------------------------------------------------------------------------------


def mark_header_row(row: _Row) -> None:
    """Repeat ``row`` at the top of each page and keep it on one page.

    ``<w:tblHeader/>`` without ``w:val`` means "on"; screen readers also use it to announce
    column headings.
    """
    tr = row._tr
    trPr = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        element = _get_or_add(trPr, tag, TRPR_ORDER)
        element.attrib.pop(qn("w:val"), None)


def keep_row_together(row: _Row | Any) -> None:
    """Never split ``row`` (a python-docx row or a ``w:tr``) across a page break."""
    tr: Any = getattr(row, "_tr", row)
    element = _get_or_add(tr.get_or_add_trPr(), "w:cantSplit", TRPR_ORDER)
    element.attrib.pop(_clark("w:val"), None)  # w:val="0" would mean "may split"


def set_cell_shading(cell: _Cell, colour: str) -> None:
    """Fill ``cell`` with a solid colour given as ``RRGGBB`` (a leading ``#`` is allowed)."""
    fill = colour.strip().lstrip("#")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", fill):
        raise ReportgenError(f"colour {colour!r} is not a six-digit hex colour such as 1F4E79")
    tcPr = cell._tc.get_or_add_tcPr()
    shd = _get_or_add(tcPr, "w:shd", TCPR_ORDER)
    shd.attrib.clear()
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill.upper())


def set_table_look(
    table: Table,
    first_row: bool = True,
    last_row: bool = False,
    first_column: bool = False,
    last_column: bool = False,
    banded_rows: bool = True,
    banded_columns: bool = False,
) -> None:
    """Choose which parts of the table style apply (header row, banding…).

    Writes both the Word 2010 attributes and the legacy ``w:val`` bit mask, as Word does.
    """
    flags = {
        "w:firstRow": (first_row, 0x0020),
        "w:lastRow": (last_row, 0x0040),
        "w:firstColumn": (first_column, 0x0080),
        "w:lastColumn": (last_column, 0x0100),
        "w:noHBand": (not banded_rows, 0x0200),
        "w:noVBand": (not banded_columns, 0x0400),
    }
    look = _get_or_add(table._tbl.tblPr, "w:tblLook", TBLPR_ORDER)
    look.attrib.clear()
    mask = sum(bit for on, bit in flags.values() if on)
    look.set(qn("w:val"), f"{mask:04X}")
    for name, (on, _) in flags.items():
        look.set(qn(name), "1" if on else "0")


def set_table_alt_text(table: Table, title: str, description: str | None = None) -> None:
    """Give ``table`` a title and description for screen readers (Word's "Alt Text")."""
    tblPr = table._tbl.tblPr
    for tag, value in (("w:tblCaption", title), ("w:tblDescription", description)):
        existing = tblPr.find(qn(tag))
        if value is None:
            if existing is not None:
                tblPr.remove(existing)
            continue
        _get_or_add(tblPr, tag, TBLPR_ORDER).set(qn("w:val"), clean_xml_text(value))


# --- pictures -----------------------------------------------------------------------------


def set_alt_text(inline_shape_or_docPr: Any, descr: str, title: str | None = None) -> None:
    """Set the alternative text of an inline picture (``wp:docPr/@descr`` and ``@title``).

    Accepts a python-docx ``InlineShape``, a ``wp:inline`` element or its ``wp:docPr``.
    """
    target = getattr(inline_shape_or_docPr, "_inline", inline_shape_or_docPr)
    docPr = target if target.tag == qn("wp:docPr") else target.find(qn("wp:docPr"))
    if docPr is None:
        raise ValueError("set_alt_text needs an inline picture or its wp:docPr element")
    docPr.set("descr", clean_xml_text(descr))
    if title is None:
        docPr.attrib.pop("title", None)
    else:
        docPr.set("title", clean_xml_text(title))


# --- paragraphs ---------------------------------------------------------------------------


def page_break_before(paragraph: Paragraph, on: bool = True) -> None:
    """Start ``paragraph`` on a new page."""
    paragraph.paragraph_format.page_break_before = on


def keep_with_next(paragraph: Paragraph, on: bool = True) -> None:
    """Keep ``paragraph`` on the same page as the next one (headings, table captions)."""
    paragraph.paragraph_format.keep_with_next = on


def _new_run(paragraph_or_parent: Any) -> Any:
    r = OxmlElement("w:r")
    paragraph_or_parent.append(r)
    return r


def add_field(
    paragraph: Paragraph, instr: str, placeholder: str = "1", *, dirty: bool = False
) -> Run:
    """Append a complex field such as ``PAGE``, ``NUMPAGES`` or ``PAGEREF _Toc1 \\h``.

    The placeholder is what shows until the field is updated; ``dirty=True`` asks Word to
    update the field when the document opens. Returns the run holding the placeholder.
    """
    p = paragraph._p
    begin = OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"})
    if dirty:
        begin.set(qn("w:dirty"), "true")
    _new_run(p).append(begin)
    instr_text = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr_text.text = f" {clean_xml_text(instr).strip()} "
    _new_run(p).append(instr_text)
    _new_run(p).append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"}))
    result = _new_run(p)
    text = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    text.text = clean_xml_text(placeholder)
    result.append(text)
    _new_run(p).append(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))
    return Run(result, paragraph)


# --- links --------------------------------------------------------------------------------

#: Word's built-in character style for links (its name, and the id Word gives it).
HYPERLINK_STYLE = "Hyperlink"
#: Word's own look for it: blue (5.5:1 on white) and underlined, so colour is not the only cue.
_HYPERLINK_COLOUR = "0563C1"


def ensure_hyperlink_style(document: Document) -> str:
    """The id of ``document``'s character style named "Hyperlink", added as Word defines it
    (blue, underlined) when the template has none.

    A link's text needs a character style of its own for more than looks: LibreOffice 7.4
    exports a link in a .docx to PDF (an annotation and a /Link structure element) only when
    its text has a character style; without one it gives the link "Default Style" and the
    PDF has no link (tests/test_real_clients.py pins this)."""
    styles = document.styles.element
    taken = set()
    default_font = None
    for style in styles.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        taken.add(style_id)
        if style.get(qn("w:type")) != "character":
            continue
        name = style.find(qn("w:name"))
        if name is not None and (name.get(qn("w:val")) or "").lower() == "hyperlink" and style_id:
            return str(style_id)
        if style.get(qn("w:default")) in ("1", "true"):
            default_font = style_id
    style_id, n = HYPERLINK_STYLE, 1
    while style_id in taken:  # the id is used by a style of another type: keep it unique
        style_id, n = f"{HYPERLINK_STYLE}{n}", n + 1
    style = OxmlElement("w:style", {qn("w:type"): "character", qn("w:styleId"): style_id})
    style.append(OxmlElement("w:name", {qn("w:val"): HYPERLINK_STYLE}))
    if default_font:
        style.append(OxmlElement("w:basedOn", {qn("w:val"): default_font}))
    style.append(OxmlElement("w:uiPriority", {qn("w:val"): "99"}))
    style.append(OxmlElement("w:unhideWhenUsed"))
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:color", {qn("w:val"): _HYPERLINK_COLOUR}))
    rpr.append(OxmlElement("w:u", {qn("w:val"): "single"}))
    style.append(rpr)
    styles.append(style)  # w:style is the last kind of child of w:styles (STYLES_ORDER)
    return style_id


_FIELD_UNSAFE = re.compile(r'["\\\s]')


def hyperlink_field_runs(target: str, text: str, rpr: Any | None = None,
                         style_id: str | None = None) -> list[Any]:
    """The ``w:r`` elements of a ``HYPERLINK "target"`` field showing ``text``: begin,
    instruction, separate, the result, end.

    A field, not a ``w:hyperlink``: Word opens it on Ctrl+click the same, and it needs no
    external relationship, which openxml-audit's OOXML security check warns of. Every run
    takes a copy of ``rpr`` (the formatting of the text the link replaces); the result run
    also takes the character style ``style_id`` unless ``rpr`` has a character style
    already. ``target`` must not hold a quote, a backslash or white space (field syntax)."""
    if not target or _FIELD_UNSAFE.search(target):
        raise ValueError(f"a link target for a HYPERLINK field cannot hold quotes, "
                         f"backslashes or spaces: {target!r}")

    def run(*children: Any, styled: bool = False) -> Any:
        r = OxmlElement("w:r")
        props = copy.deepcopy(rpr) if rpr is not None else None
        if styled and style_id:
            props = props if props is not None else OxmlElement("w:rPr")
            if props.find(qn("w:rStyle")) is None:
                _get_or_add(props, "w:rStyle", RPR_ORDER).set(qn("w:val"), style_id)
        if props is not None and len(props):
            r.append(props)
        for child in children:
            r.append(child)
        return r

    instr = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
    instr.text = f' HYPERLINK "{clean_xml_text(target)}" '
    shown = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    shown.text = clean_xml_text(text)
    return [run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "begin"})),
            run(instr),
            run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "separate"})),
            run(shown, styled=True),
            run(OxmlElement("w:fldChar", {qn("w:fldCharType"): "end"}))]


# --- checkboxes ---------------------------------------------------------------------------


def ensure_w14(root: Any) -> None:
    """Declare the ``w14`` namespace on the part's root and list it in ``mc:Ignorable``.

    Word 2007 only tolerates ``w14`` elements when they are ignorable; LibreOffice and Word
    2010+ read them. lxml cannot add a declaration to an existing element, but
    ``cleanup_namespaces(top_nsmap=…)`` can; every prefix already declared is kept because
    ``mc:Ignorable`` and ``mc:Choice/@Requires`` name prefixes in attribute values.
    """
    if root.nsmap.get("w14") != W14 or root.nsmap.get("mc") != MC:
        keep = {prefix for el in root.iter() for prefix in el.nsmap if prefix}
        top = {"w14": W14, "mc": MC}
        top = {k: v for k, v in top.items() if root.nsmap.get(k) != v}
        etree.cleanup_namespaces(root, top_nsmap=top, keep_ns_prefixes=sorted(keep | set(top)))
    ignorable = root.get(f"{{{MC}}}Ignorable", "").split()
    if "w14" not in ignorable:
        root.set(f"{{{MC}}}Ignorable", " ".join([*ignorable, "w14"]))


def add_checkbox(paragraph: Paragraph, checked: bool) -> Any:
    """Append a Word 2010 checkbox content control (``w:sdt``) to ``paragraph``.

    The content run holds the ☒/☐ glyph itself so LibreOffice and older Word show the state
    even where they ignore ``w14:checkbox``. Returns the ``w:sdt`` element.
    """
    root = paragraph.part.element
    ensure_w14(root)

    def w14(tag: str, **attrs: str) -> Any:
        return OxmlElement(f"w14:{tag}", {qn(f"w14:{k}"): v for k, v in attrs.items()})

    sdt = OxmlElement("w:sdt")
    sdtPr = OxmlElement("w:sdtPr")
    box = w14("checkbox")
    box.append(w14("checked", val="1" if checked else "0"))
    box.append(w14("checkedState", val=f"{ord(CHECKED_GLYPH):04X}", font=CHECKBOX_FONT))
    box.append(w14("uncheckedState", val=f"{ord(UNCHECKED_GLYPH):04X}", font=CHECKBOX_FONT))
    sdtPr.append(box)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    rPr = OxmlElement("w:rPr")
    fonts = {qn(f"w:{k}"): CHECKBOX_FONT for k in ("ascii", "eastAsia", "hAnsi")}
    fonts[qn("w:hint")] = "eastAsia"
    rPr.append(OxmlElement("w:rFonts", fonts))
    run.append(rPr)
    t = OxmlElement("w:t")
    t.text = CHECKED_GLYPH if checked else UNCHECKED_GLYPH
    run.append(t)
    content.append(run)
    sdt.append(sdtPr)
    sdt.append(content)
    paragraph._p.append(sdt)
    # OxmlElement declared w14 on each new element; the root now declares it, so drop those.
    etree.cleanup_namespaces(sdt)
    return sdt


# --- document-wide ------------------------------------------------------------------------


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def set_document_language(document: Document, language: str = "en-GB") -> None:
    """Set the proofing language in the style defaults and the Normal style."""
    if not _LANGUAGE_TAG.fullmatch(language):
        raise ReportgenError(f"language {language!r} is not a language tag such as en-GB")
    styles = document.styles.element
    defaults = _get_or_add(styles, "w:docDefaults", STYLES_ORDER)
    rpr_default = _get_or_add(defaults, "w:rPrDefault", DOCDEFAULTS_ORDER)
    targets = [_ensure_first(rpr_default, "w:rPr")]
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == "Normal" or (
            style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true")
        ):
            targets.append(_get_or_add(style, "w:rPr", STYLE_ORDER))
    for rPr in targets:
        # w:eastAsia / w:bidi name other scripts' languages: leave them as the template has them.
        _get_or_add(rPr, "w:lang", RPR_ORDER).set(qn("w:val"), language)


def _utc_naive(value: dt.datetime) -> dt.datetime:
    """python-docx writes the clock time followed by "Z", so hand it UTC clock time."""
    if value.tzinfo is None:
        return value
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def set_core_properties(
    document: Document,
    title: str,
    subject: str = "",
    author: str = "",
    language: str = "en-GB",
    created: dt.datetime | None = None,
    modified: dt.datetime | None = None,
    keywords: str | Iterable[str] = "",
) -> None:
    """Write ``docProps/core.xml`` from these values alone, so that the same inputs always
    give the same file and nothing of the template's own properties survives.

    Every existing child is removed first: the template's title, "generated by python-docx",
    category, content status, version, last printed, and any element in a wrong namespace.
    Empty values are left out rather than written as empty elements. Last modified by is the
    author (never a tool's name). Naive datetimes are taken as UTC; ``modified`` defaults to
    ``created``.
    """
    if not _LANGUAGE_TAG.fullmatch(language):
        raise ReportgenError(f"language {language!r} is not a language tag such as en-GB")
    restore_core_properties_prefix()  # idempotent: a guard should anything rebind it again
    props = document.core_properties
    core = props._element
    for child in list(core):
        core.remove(child)
    words = keywords if isinstance(keywords, str) else "; ".join(w for w in keywords if w)
    values = {
        "title": title,
        "subject": subject,
        "author": author,
        "keywords": words,
        "last_modified_by": author,
        "language": language,
    }
    for name, value in values.items():
        text = " ".join(clean_xml_text(value).split())
        if len(text) > 255:
            # Office limits core properties to 255 characters.
            raise ReportgenError(f"document {name.replace('_', ' ')} is longer than 255 characters")
        if text:
            setattr(props, name, text)
    props.revision = 1
    if created is not None:
        props.created = _utc_naive(created)
    stamp = modified if modified is not None else created
    if stamp is not None:
        props.modified = _utc_naive(stamp)
