"""Word fields as Word reads them, checked against an allow-list of inert field types.

A field's instruction is what Word evaluates when it updates the field (on opening a pack that
asks it to, on printing, on F9). Word composes it from every ``w:instrText`` between the field's
``begin`` and ``separate`` (split over any number of runs), from ``w:delInstrText`` while a
tracked deletion stands, and from the *results* of any field nested there, so
``{ {QUOTE 68 68 69}AUTO … }`` is a DDEAUTO. A ``w:fldSimple`` holds its instruction whole.

So a field is kept only when all of this holds (anything else is refused, naming the part and
the field's text):

- its name is written out, not built: a field nested in an instruction is refused;
- its name is on :data:`ALLOWED` and its arguments and switches are the ones that field takes
  (every one of them only formats, numbers or points inside the document);
- a HYPERLINK's target is an ``http:``, ``https:`` or ``mailto:`` address, and a REF, PAGEREF
  or NOTEREF names a bookmark of the document itself;
- its code is not changed by a tracked change part-way (begin, instruction and end stand in one
  revision and one story), since accepting some changes and rejecting others could give any
  instruction at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

__all__ = ["ALLOWED", "Field", "FieldProblem", "bookmarks", "check", "fields"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SIMPLE, _CHAR = f"{_W}fldSimple", f"{_W}fldChar"
_INSTR, _DEL_INSTR = f"{_W}instrText", f"{_W}delInstrText"
_TYPE, _INSTR_ATTR, _RUN = f"{_W}fldCharType", f"{_W}instr", f"{_W}r"
_MACROS = (f"{_W}entryMacro", f"{_W}exitMacro")
# Containers whose content a tracked change adds or removes.
_REVISIONS = {f"{_W}ins", f"{_W}del", f"{_W}moveFrom", f"{_W}moveTo"}
# Containers Word reads as separate stories (or as alternatives): a field cannot span them.
_STORIES = {f"{_W}txbxContent", f"{_MC}Choice", f"{_MC}Fallback", f"{_W}footnote",
            f"{_W}endnote", f"{_W}comment", f"{_W}fldSimple"}

# Switches every field may take: \* format, \# number picture, \@ date picture (with an
# argument), \! lock nested results (without).
_GENERAL_ARG = frozenset("*#@")
_GENERAL_FLAG = frozenset("!")


@dataclass(frozen=True)
class _Spec:
    """What one field type takes: positional arguments and its own switches."""
    args: tuple[int, int] = (0, 0)    # at least, at most
    flags: str = ""                   # switches without an argument
    with_arg: str = ""                # switches followed by one argument
    bookmark: bool = False            # the first argument is a bookmark of this document


#: Field types that only format, number or point inside the document, and what each takes.
ALLOWED: dict[str, _Spec] = {
    "PAGE": _Spec(),
    "NUMPAGES": _Spec(),
    "SECTIONPAGES": _Spec(),
    "SECTION": _Spec(),
    "DATE": _Spec(flags="hls"),
    "TIME": _Spec(),
    "REF": _Spec((1, 1), flags="fhnprtw", with_arg="d", bookmark=True),
    "PAGEREF": _Spec((1, 1), flags="hp", bookmark=True),
    "NOTEREF": _Spec((1, 1), flags="fhp", bookmark=True),
    "STYLEREF": _Spec((1, 1), flags="lnprtw"),
    "SEQ": _Spec((1, 2), flags="chn", with_arg="rs"),
    # TOC's \n and \o... take an optional argument: counted as one at most.
    "TOC": _Spec((0, 0), flags="hnouwxz", with_arg="abcdflpst"),
    "HYPERLINK": _Spec((0, 1), flags="mn", with_arg="lot"),
    # docxcompose turns these into text with the document's own custom properties.
    "DOCPROPERTY": _Spec((1, 1)),
    # One character of a font (older Word wrote bullets so).
    "SYMBOL": _Spec((1, 1), flags="ahju", with_arg="fs"),
}
_OPTIONAL_ARG = {"TOC": frozenset("now")}

#: Fields that make Word read another file, query a database, print or run something.
DANGEROUS = frozenset({
    "INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "IMPORT", "LINK", "DDE", "DDEAUTO",
    "DATABASE", "PRINT", "MACROBUTTON", "AUTOTEXT", "AUTOTEXTLIST", "GLOSSARY", "RD"})

SAFE_LINK = re.compile(r"(?i)^(https?://|mailto:)")
#: The longest field code read: a table of contents naming many styles is under 2,000
#: characters, a web address under 8,000 in every browser; a longer code is refused unread.
MAX_CODE_CHARS = 8192
_NAME = re.compile(r"[A-Za-z]+")
#: Fields whose first argument is a bookmark of the document (looked up once all parts are
#: read: a REF in the body may point into a footnote).
BOOKMARK_FIELDS = frozenset(name for name, spec in ALLOWED.items() if spec.bookmark)


@dataclass
class Field:
    """One field: its instruction as Word composes it, shown with nested fields in braces."""
    pieces: list[str] = field(default_factory=list)
    nested: bool = False        # a field stands inside the instruction
    macro: bool = False         # its form-field data names a macro to run on entry or exit
    mixed: bool = False         # begin, instruction and end are not in one revision and story
    state: object = None
    in_instruction: bool = True

    @property
    def text(self) -> str:
        return "".join(self.pieces).strip()


@dataclass(frozen=True)
class FieldProblem:
    """Why a field is refused: ``kind`` picks the message, ``text`` is the field's code."""
    kind: str   # nested | split | macro | dangerous | unknown | link | bookmark
    text: str
    detail: str = ""


def _state(el: etree._Element, cache: dict[etree._Element, tuple[object, ...]]
           ) -> tuple[object, ...]:
    """The revision (kind, author, date) and the story ``el`` stands in (the story element
    itself, not id(): lxml makes a new proxy, and id, for a node no one holds). Cached by
    the element above ``el``'s run, which every run of a paragraph shares."""
    start = el.getparent()
    if start is not None and start.tag == _RUN:
        start = start.getparent()
    if start is None:
        return (None, None)
    if start in cache:
        return cache[start]
    revision: object = None
    story: object = None
    node: etree._Element | None = start
    while node is not None:
        if revision is None and node.tag in _REVISIONS:
            revision = (node.tag, node.get(f"{_W}author"), node.get(f"{_W}date"))
        if node.tag in _STORIES:
            story = node
            break
        node = node.getparent()
    cache[start] = (revision, story)
    return cache[start]


def fields(root: etree._Element) -> Iterator[Field]:
    """Every field of a part, outer fields before the fields inside them."""
    found: list[Field] = []
    stack: list[Field] = []
    states: dict[etree._Element, tuple[object, ...]] = {}
    for el in root.iter(_SIMPLE, _CHAR, _INSTR, _DEL_INSTR):
        tag = el.tag
        if tag == _SIMPLE:
            simple = Field([el.get(_INSTR_ATTR, "")], in_instruction=False)
            if stack and stack[-1].in_instruction:
                stack[-1].nested = True
                stack[-1].pieces.append("{" + simple.text + "}")
            found.append(simple)
            continue
        if tag in (_INSTR, _DEL_INSTR):
            if not stack:  # outside any field: checked as a field of its own
                found.append(Field([el.text or ""], in_instruction=False))
                continue
            current = stack[-1]
            if current.in_instruction:
                current.pieces.append(el.text or "")
                current.mixed |= _state(el, states) != current.state
            else:  # in a result: not Word's, but checked as a field of its own
                found.append(Field([el.text or ""], in_instruction=False))
            continue
        kind = el.get(_TYPE)
        if kind == "begin":
            new = Field(state=_state(el, states))
            new.macro = len(el) > 0 and any(True for _ in el.iter(*_MACROS))
            if stack and stack[-1].in_instruction:
                stack[-1].nested = True
            found.append(new)
            stack.append(new)
        elif kind in ("separate", "end") and stack:
            current = stack[-1]
            current.mixed |= _state(el, states) != current.state
            if current.in_instruction and kind == "separate":
                current.in_instruction = False
            if kind == "end":
                stack.pop()
                if stack and stack[-1].in_instruction:
                    stack[-1].pieces.append("{" + current.text + "}")
    yield from found


def _tokens(text: str) -> list[tuple[str, bool]]:
    """A field code's words, each with whether it was quoted. Inside quotes a backslash
    escapes the next character (``\\\\`` for a backslash, ``\\"`` for a quote)."""
    out: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch == '"':
            i += 1
            word = []
            while i < n and text[i] != '"':
                if text[i] == "\\" and i + 1 < n:
                    i += 1
                word.append(text[i])
                i += 1
            out.append(("".join(word), True))
            i += 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        out.append((text[start:i], False))
    return out


def check(item: Field, own_bookmarks: set[str] | None) -> FieldProblem | None:
    """Why ``item`` may not stay, or None. ``own_bookmarks`` (case-folded) is None when the
    bookmarks are not known yet: a REF's bookmark is then not looked at."""
    text = item.text
    if item.nested:
        return FieldProblem("nested", text)
    if item.macro:
        return FieldProblem("macro", text)
    if item.mixed:
        return FieldProblem("split", text)
    if len(text) > MAX_CODE_CHARS:
        return FieldProblem("unknown", text)  # no field on the list is this long
    tokens = _tokens(text)
    if not tokens:
        return None  # an empty field shows its result and does nothing
    name, quoted = tokens[0]
    upper = name.upper()
    if not quoted and upper in DANGEROUS:
        return FieldProblem("dangerous", text, upper)
    spec = ALLOWED.get(upper) if not quoted and _NAME.fullmatch(name) else None
    if spec is None:
        return FieldProblem("unknown", text)
    args: list[str] = []
    optional = _OPTIONAL_ARG.get(upper, frozenset())
    i = 1
    while i < len(tokens):
        word, was_quoted = tokens[i]
        i += 1
        if was_quoted or not word.startswith("\\"):
            args.append(word)
            continue
        switch, rest = word[1:2], word[2:]
        if switch in _GENERAL_ARG or switch in spec.with_arg:
            if not rest:
                if i >= len(tokens):
                    return FieldProblem("unknown", text)
                i += 1
        elif switch in _GENERAL_FLAG or switch in spec.flags:
            if rest:
                return FieldProblem("unknown", text)
            if switch in optional and i < len(tokens) and (
                    tokens[i][1] or not tokens[i][0].startswith("\\")):
                i += 1
        else:
            return FieldProblem("unknown", text)
    low, high = spec.args
    if not low <= len(args) <= high:
        return FieldProblem("unknown", text)
    if upper == "HYPERLINK" and args and not SAFE_LINK.match(args[0]):
        return FieldProblem("link", text, args[0])
    if spec.bookmark and own_bookmarks is not None and args[0].casefold() not in own_bookmarks:
        return FieldProblem("bookmark", text, args[0])
    return None


def names_a_bookmark(item: Field) -> bool:
    """Whether ``item`` (already checked) is a REF, PAGEREF or NOTEREF."""
    words = item.text.split(None, 1)
    return bool(words) and words[0].upper() in BOOKMARK_FIELDS


def bookmarks(roots: Iterable[etree._Element]) -> set[str]:
    """The (case-folded) names of every bookmark in ``roots``: Word's names ignore case."""
    return {(el.get(f"{_W}name") or "").casefold()
            for root in roots for el in root.iter(f"{_W}bookmarkStart")}
