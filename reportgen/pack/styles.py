"""Each document keeps its own look in a pack.

docxcompose copies styles by name and, when the pack already has a style of that name, the
pack's wins (docxcompose issues 85 and 95): a report whose template makes Heading 3 bold
italic would lose that in the pack. So before a document's style is mapped onto the pack's,
the two are compared by their *effective* formatting (the document defaults, then the
``basedOn`` chain from its root, merged property by property). When they differ, the
document's style is copied into the pack under a name of its own ("Heading 3 (item 4)"), with
its whole chain's formatting written out in it, so the copy looks the same whatever the pack's
other styles say. A style that looks the same is shared, as docxcompose does.

The copy keeps its outline level (a heading is still a heading for Word's navigation pane,
LibreOffice's PDF tags and the PDF outline) but is based on no other style.
"""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from reportgen.render import oxml

# ECMA-376 Part 1, CT_PPrBase (the paragraph properties a style may hold), in schema order.
PPR_ORDER = (
    "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
)  # fmt: skip
# Not merged into a copy: revision marks and references to other styles.
_SKIP = {qn("w:pStyle"), qn("w:rStyle"), qn("w:pPrChange"), qn("w:rPrChange"),
         qn("w:sectPr"), qn("w:rPr")}
# How long a basedOn chain is followed (a cycle in a hostile file stops here).
MAX_CHAIN = 32

Props = dict[str, Any]


def _merge(props: Props, container: Any) -> None:
    """Lay ``container``'s children over ``props``: an element without children (w:rFonts,
    w:spacing, w:ind…) merges attribute by attribute, others (w:tabs, w:pBdr) replace."""
    if container is None:
        return
    for child in container:
        if not isinstance(child.tag, str) or child.tag in _SKIP:
            continue
        existing = props.get(child.tag)
        if existing is not None and len(existing) == 0 and len(child) == 0:
            merged = deepcopy(existing)
            for key, value in child.attrib.items():
                merged.set(key, value)
            props[child.tag] = merged
        else:
            props[child.tag] = deepcopy(child)


def _chain(styles: Any, style: Any) -> list[Any]:
    """The style and the styles it is based on, root first."""
    chain: list[Any] = []
    seen: set[str] = set()
    while style is not None and len(chain) < MAX_CHAIN:
        style_id = style.get(qn("w:styleId"))
        if style_id in seen:
            break
        seen.add(style_id)
        chain.insert(0, style)
        based = style.find(qn("w:basedOn"))
        style = styles.get_by_id(based.get(qn("w:val"))) if based is not None else None
    return chain


def effective(styles: Any, style: Any) -> tuple[Props, Props]:
    """The paragraph and run properties ``style`` gives, document defaults included."""
    ppr: Props = {}
    rpr: Props = {}
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        _merge(ppr, defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"))
        _merge(rpr, defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
    for link in _chain(styles, style):
        _merge(ppr, link.find(qn("w:pPr")))
        _merge(rpr, link.find(qn("w:rPr")))
    if style.get(qn("w:type")) == "character":
        ppr = {}
    return ppr, rpr


def _key(props: Props) -> tuple[Any, ...]:
    from lxml import etree

    return tuple(sorted((tag, etree.tostring(el, method="c14n")) for tag, el in props.items()))


def looks_different(their_styles: Any, theirs: Any, our_styles: Any, ours: Any) -> bool:
    """Whether two paragraph or character styles format text differently."""
    if theirs.get(qn("w:type")) not in ("paragraph", "character"):
        return False  # table and numbering styles are shared by name, as docxcompose does
    a, b = effective(their_styles, theirs), effective(our_styles, ours)
    return (_key(a[0]), _key(a[1])) != (_key(b[0]), _key(b[1]))


def own_copy(their_styles: Any, theirs: Any, new_id: str, new_name: str) -> Any:
    """``theirs`` as a style of its own: new id and name, its effective formatting written
    out, based on nothing, linked to nothing."""
    ppr, rpr = effective(their_styles, theirs)
    copy = deepcopy(theirs)
    for attr in (qn("w:default"),):
        copy.attrib.pop(attr, None)
    copy.set(qn("w:styleId"), new_id)
    copy.set(qn("w:customStyle"), "1")
    for tag in ("w:aliases", "w:basedOn", "w:link", "w:next", "w:pPr", "w:rPr"):
        for old in copy.findall(qn(tag)):
            copy.remove(old)
    oxml._get_or_add(copy, "w:name", oxml.STYLE_ORDER).set(qn("w:val"), new_name)
    if ppr:
        oxml._get_or_add(copy, "w:pPr", oxml.STYLE_ORDER).extend(_ordered(ppr, PPR_ORDER))
    if rpr:
        oxml._get_or_add(copy, "w:rPr", oxml.STYLE_ORDER).extend(
            _ordered(rpr, oxml.RPR_ORDER))
    return copy


def _ordered(props: Props, order: tuple[str, ...]) -> list[Any]:
    rank = {qn(tag): n for n, tag in enumerate(order)}
    known = sorted((el for tag, el in props.items() if tag in rank), key=lambda e: rank[e.tag])
    # Properties outside the schema's list (another namespace) would make the part invalid.
    return known


def new_style_id(base: str, taken: set[str]) -> str:
    """``Heading3-2``, ``Heading3-3``…: the first id not in ``taken``."""
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def default_style(styles: Any, kind: str = "paragraph") -> Any:
    """The style a paragraph without ``w:pStyle`` has (``w:default="1"``)."""
    for style in styles.iterchildren(qn("w:style")):
        if style.get(qn("w:type")) == kind and style.get(qn("w:default")) in ("1", "true", "on"):
            return style
    return None


def p_style(paragraph: Any, style_id: str) -> None:
    """Give a paragraph without a style the style ``style_id``."""
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        paragraph.insert(0, ppr)
    if ppr.find(qn("w:pStyle")) is None:
        ppr.insert(0, OxmlElement("w:pStyle", {qn("w:val"): style_id}))
