"""Word's paragraph styles and list numbering, worked out the way Word counts them, so that
"7." in Word is "7." on the page."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportgen.publish.ooxml import _int, _on, _on_attr, w


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
