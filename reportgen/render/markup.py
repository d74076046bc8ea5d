"""The small Markdown subset officers write narrative in (``report.yaml``).

Blocks, one per group of lines:

* a blank line ends a paragraph; single newlines inside a paragraph join with a space;
* ``### Sub-heading`` is a level-3 heading, ``#### Minor heading`` level 4 (``#`` and ``##``
  are read as level 3 because the report title and section headings belong to the template);
* ``- item`` or ``* item`` lines make a bulleted list, ``1. item`` lines a numbered list; an
  item indented by two spaces or a tab is one level deeper (only one nesting level);
* a line that is exactly ``[table: NAME]``, ``[table: NAME ARGS…]`` or ``[chart: NAME]`` is a
  directive that the renderer replaces with a table or chart.

Inline: ``**bold**``, ``*italic*`` and ``_italic_`` only. No links and no HTML: ``<b>`` stays
literal text, as does an unbalanced ``**``. :func:`parse_markup` never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Union, overload

from reportgen.xmltext import clean_xml_text

__all__ = [
    "Block",
    "BulletList",
    "Directive",
    "Heading",
    "ListItem",
    "NumberedList",
    "Paragraph",
    "Run",
    "clean_xml_text",
    "parse_inline",
    "parse_markup",
    "plain_text",
]


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class ListItem:
    """One list item: its runs and its nesting level (0 or 1).

    It behaves as a sequence of runs, so code that treats an item as ``list[Run]`` still works.
    """

    runs: tuple[Run, ...]
    level: int = 0

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def __len__(self) -> int:
        return len(self.runs)

    @overload
    def __getitem__(self, index: int) -> Run: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Run, ...]: ...

    def __getitem__(self, index: int | slice) -> Run | tuple[Run, ...]:
        return self.runs[index]


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 3 or 4
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class BulletList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class Directive:
    """``[table: NAME ARGS…]`` or ``[chart: NAME]``.

    ``kind`` is ``"table"`` or ``"chart"``; ``name`` is lower-cased (names are
    case-insensitive); ``args`` are the remaining whitespace-separated words as written.
    """

    name: str
    args: tuple[str, ...] = ()
    kind: str = "table"


Block = Union[Paragraph, Heading, BulletList, NumberedList, Directive]  # noqa: UP007

# Each pattern is written so that a failed match costs time linear in the line: no two
# neighbouring parts can take the same run of spaces (the old forms backtracked
# quadratically on a line of 18,000 spaces). Lists are matched on the line without its
# trailing spaces, and a directive's words are split out afterwards.
_DIRECTIVE = re.compile(r"\[\s*(table|chart)\s*:([^\]]*)\]", re.IGNORECASE)
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*\S)[ \t#]*")
_BULLET = re.compile(r"([ \t]*)[-*][ \t]+(.*\S)")
_NUMBERED = re.compile(r"([ \t]*)\d{1,9}[.)][ \t]+(.*\S)")


def _level(indent: str) -> int:
    """Nesting level from a list item's indent: two spaces or a tab go one level deeper."""
    return 1 if len(indent.expandtabs(4)) >= 2 else 0


@dataclass
class _Builder:
    """Collects lines into blocks; one open paragraph or list at a time."""

    blocks: list[Block] = field(default_factory=list)
    para: list[str] = field(default_factory=list)
    list_kind: type[BulletList] | type[NumberedList] | None = None
    items: list[tuple[list[str], int]] = field(default_factory=list)

    def close(self) -> None:
        if self.para:
            runs = parse_inline(" ".join(self.para))
            if runs:
                self.blocks.append(Paragraph(tuple(runs)))
            self.para = []
        if self.list_kind is not None:
            built = tuple(
                ListItem(tuple(parse_inline(" ".join(lines))), level) for lines, level in self.items
            )
            self.blocks.append(self.list_kind(built))
            self.list_kind = None
            self.items = []

    def add_item(self, kind: type[BulletList] | type[NumberedList], text: str, level: int) -> None:
        if self.list_kind is not kind:
            self.close()
            self.list_kind = kind
            level = 0  # a list cannot start one level deep
        self.items.append(([text], level))

    def add_text(self, text: str) -> None:
        if self.list_kind is not None:
            # A wrapped line continues the last list item (Markdown's "lazy continuation").
            self.items[-1][0].append(text)
        else:
            self.para.append(text)


def parse_markup(text: str) -> list[Block]:
    """Parse narrative text into blocks. Never raises."""
    b = _Builder()
    text = clean_xml_text(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            b.close()
            continue
        directive = _DIRECTIVE.fullmatch(line)
        words = directive.group(2).split() if directive else []
        if directive and words:
            b.close()
            b.blocks.append(
                Directive(words[0].lower(), tuple(words[1:]), directive.group(1).lower())
            )
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            b.close()
            runs = parse_inline(heading.group(2))
            if runs:
                b.blocks.append(Heading(min(max(len(heading.group(1)), 3), 4), tuple(runs)))
            continue
        raw = raw.rstrip()
        bullet = _BULLET.fullmatch(raw)
        if bullet:
            b.add_item(BulletList, bullet.group(2).strip(), _level(bullet.group(1)))
            continue
        numbered = _NUMBERED.fullmatch(raw)
        if numbered:
            b.add_item(NumberedList, numbered.group(2).strip(), _level(numbered.group(1)))
            continue
        b.add_text(line)
    b.close()
    return b.blocks


def parse_inline(text: str) -> list[Run]:
    """Split one block's text into runs for ``**bold**``, ``*italic*`` and ``_italic_``.

    Linear in the length of ``text``: every search for a closing marker is remembered (see
    :class:`_Inline`), so thousands of unmatched ``**`` or ``*`` cost no more than one pass.
    """
    runs: list[Run] = []
    if text:
        _Inline(text).parse(0, len(text), False, False, runs)
    return _merge(runs)


def _next_table(text: str, hit: Callable[[int], bool]) -> list[int]:
    """``table[j]``: the first ``k >= j`` where ``hit(k)``, or ``len(text)``."""
    n = len(text)
    table = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        table[k] = k if hit(k) else table[k + 1]
    return table


class _Inline:
    """The emphasis rules of Markdown's inline parser, over one text, in linear time.

    A segment ``[lo, hi)`` of the text is parsed as the original recursive parser parsed the
    substring ``text[lo:hi]``: every rule reads positions relative to the segment's ends. The
    search for a closing marker from a position is a chain of candidate markers that depends
    only on that position and the segment's end, so each segment remembers the answer for
    every position it has searched from (``memo``) and never walks a chain twice. Segments
    nest at most three deep (plain, bold, italic), so the whole parse is linear.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        n = len(text)
        self.next_star = _next_table(text, lambda k: text[k] == "*")
        self.next_under = _next_table(text, lambda k: text[k] == "_")
        self.next_pair = _next_table(text, lambda k: k + 1 < n and text[k] == text[k + 1] == "*")
        # solid[k]: characters other than '*' and '_' in text[:k] (a span holds text iff the
        # count grows across it).
        self.solid = [0] * (n + 1)
        for k, ch in enumerate(text):
            self.solid[k + 1] = self.solid[k] + (ch not in "*_")

    def parse(self, lo: int, hi: int, bold: bool, italic: bool, out: list[Run]) -> None:
        text = self.text
        seg = _Segment(self, lo, hi)
        buf: list[str] = []

        def flush() -> None:
            if buf:
                out.append(Run("".join(buf), bold, italic))
                buf.clear()

        i = lo
        while i < hi:
            ch = text[i]
            if seg.pair_at(i):
                close = seg.close_pair(i + 2, outer=True) if not bold and seg.opens(i, 2) else -1
                if close != -1 and self.has_text(i + 2, close):
                    flush()
                    self.parse(i + 2, close, True, italic, out)
                    i = close + 2
                else:
                    # A "**" that does not open bold is literal: never half of it as italic.
                    buf.append("**")
                    i += 2
                continue
            if ch in "*_" and not italic and seg.opens(i, 1):
                intraword = ch == "_" and i > lo and text[i - 1].isalnum()
                close = -1 if intraword else seg.close_single(i + 1, ch)
                if close != -1 and self.has_text(i + 1, close):
                    flush()
                    self.parse(i + 1, close, bold, True, out)
                    i = close + 1
                    continue
            buf.append(ch)
            i += 1
        flush()

    def has_text(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds anything but '*' and '_'."""
        return end > start and self.solid[end] > self.solid[start]


class _Segment:
    """The closing-marker searches of one segment ``[lo, hi)``, each answer remembered."""

    def __init__(self, inline: _Inline, lo: int, hi: int) -> None:
        self.inline = inline
        self.text = inline.text
        self.lo = lo
        self.hi = hi
        self.memo: dict[tuple[str, int], int] = {}

    def pair_at(self, i: int) -> bool:
        return i + 2 <= self.hi and self.text[i] == "*" and self.text[i + 1] == "*"

    def opens(self, i: int, width: int) -> bool:
        """Emphasis may open at ``i`` only if followed by a non-space character."""
        return i + width < self.hi and not self.text[i + width].isspace()

    def _find(self, table: list[int], j: int, width: int) -> int:
        if j >= self.hi:
            return -1
        k = table[j]
        return k if k + width <= self.hi else -1

    def _chain(self, kind: str, j: int, step: Callable[[int], tuple[bool, int]]) -> int:
        """Follow ``step`` from ``j`` (it says: done with a result, or go on from a later
        position) and remember the result for every position passed."""
        passed: list[int] = []
        while True:
            known = self.memo.get((kind, j))
            if known is not None:
                result = known
                break
            passed.append(j)
            done, value = step(j)
            if done:
                result = value
                break
            j = value
        for p in passed:
            self.memo[(kind, p)] = result
        return result

    def _pair_step(self, j: int) -> tuple[bool, int]:
        k = self._find(self.inline.next_pair, j, 2)
        if k == -1:
            return True, -1
        if self.text[k - 1].isspace():  # a closing marker must follow a non-space character
            return False, k + 2
        return True, k

    def close_pair(self, start: int, *, outer: bool) -> int:
        """Index of the "**" closing bold opened just before ``start``, or -1."""
        k = self._find(self.inline.next_pair, start, 2)
        if k == -1:
            return -1
        close = self._chain("**", start + 2 if k == start else start, self._pair_step)
        if close != -1 and outer and close + 2 < self.hi and self.text[close + 2] == "*":
            return close + 1  # "**bold *italic***": the bold closes on the last two stars
        return close

    def _star_step(self, j: int) -> tuple[bool, int]:
        k = self._find(self.inline.next_star, j, 1)
        if k == -1:
            return True, -1
        if self.pair_at(k) and self.opens(k, 2):
            # "**" inside italic opens nested bold: skip to just past its closing pair.
            inner = self.close_pair(k + 2, outer=False)
            return False, (inner + 2 if inner != -1 else k + 2)
        if self.text[k - 1].isspace():
            return False, k + 1
        return True, k

    def _under_step(self, j: int) -> tuple[bool, int]:
        k = self._find(self.inline.next_under, j, 1)
        if k == -1:
            return True, -1
        if self.text[k - 1].isspace():
            return False, k + 1
        if k + 1 < self.hi and self.text[k + 1].isalnum():
            return False, k + 1  # underscores inside words (snake_case) stay literal
        return True, k

    def close_single(self, start: int, marker: str) -> int:
        """Index of the '*' or '_' closing italic opened just before ``start``, or -1."""
        if marker == "*":
            k = self._find(self.inline.next_star, start, 1)
            if k == start and not (self.pair_at(k) and self.opens(k, 2)):
                start += 1  # a marker right after the opener does not close it
            return self._chain("*", start, self._star_step)
        k = self._find(self.inline.next_under, start, 1)
        if k == start:
            start += 1
        return self._chain("_", start, self._under_step)


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting and drop empty ones (in one pass:
    thousands of neighbouring runs are joined once, not copied again for each)."""
    groups: list[tuple[bool, bool, list[str]]] = []
    for run in runs:
        if not run.text:
            continue
        if groups and (groups[-1][0], groups[-1][1]) == (run.bold, run.italic):
            groups[-1][2].append(run.text)
        else:
            groups.append((run.bold, run.italic, [run.text]))
    return [Run("".join(parts), bold, italic) for bold, italic, parts in groups]


def plain_text(blocks: list[Block]) -> str:
    """The visible text of ``blocks``, one line a block or list item (for checks and tests)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            lines.append("".join(r.text for r in block.runs))
        elif isinstance(block, (BulletList, NumberedList)):
            lines.extend("".join(r.text for r in item) for item in block.items)
    return "\n".join(lines)
