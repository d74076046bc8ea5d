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
from collections.abc import Iterator
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

_DIRECTIVE = re.compile(r"\[\s*(table|chart)\s*:\s*([^\]\s][^\]]*?)\s*\]", re.IGNORECASE)
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*\S)[ \t#]*")
_BULLET = re.compile(r"([ \t]*)[-*][ \t]+(.*\S)\s*")
_NUMBERED = re.compile(r"([ \t]*)\d{1,9}[.)][ \t]+(.*\S)\s*")


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
        if directive:
            b.close()
            words = directive.group(2).split()
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
    """Split one block's text into runs for ``**bold**``, ``*italic*`` and ``_italic_``."""
    runs: list[Run] = []
    _parse(text, False, False, runs)
    return _merge(runs)


def _opens(text: str, i: int, width: int) -> bool:
    """Emphasis may open at ``i`` only if followed by a non-space character."""
    return i + width < len(text) and not text[i + width].isspace()


def _find_close(text: str, start: int, marker: str, *, outer: bool = True) -> int:
    """Index of the marker closing emphasis opened just before ``start``, or -1.

    A closing marker must follow a non-space character, as in Markdown.
    """
    n = len(text)
    j = start
    while True:
        j = text.find(marker, j)
        if j == -1:
            return -1
        if marker == "*" and text.startswith("**", j) and _opens(text, j, 2):
            # "**" inside italic opens nested bold: skip to just past its closing pair.
            inner = _find_close(text, j + 2, "**", outer=False)
            j = inner + 2 if inner != -1 else j + 2
            continue
        if j == start or text[j - 1].isspace():
            j += len(marker)
            continue
        if marker == "**":
            # "**bold *italic***": the bold closes on the last two stars of "***".
            return j + 1 if outer and j + 2 < n and text[j + 2] == "*" else j
        if marker == "_" and j + 1 < n and text[j + 1].isalnum():
            j += 1  # underscores inside words (snake_case) stay literal
            continue
        return j


def _parse(text: str, bold: bool, italic: bool, out: list[Run]) -> None:
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Run("".join(buf), bold, italic))
            buf.clear()

    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if text.startswith("**", i):
            close = _find_close(text, i + 2, "**") if not bold and _opens(text, i, 2) else -1
            if close != -1 and text[i + 2 : close].strip("*_"):
                flush()
                _parse(text[i + 2 : close], True, italic, out)
                i = close + 2
            else:
                # A "**" that does not open bold is literal: never half of it as italic.
                buf.append("**")
                i += 2
            continue
        if ch in "*_" and not italic and _opens(text, i, 1):
            intraword = ch == "_" and i > 0 and text[i - 1].isalnum()
            close = -1 if intraword else _find_close(text, i + 1, ch)
            if close != -1 and text[i + 1 : close].strip("*_"):
                flush()
                _parse(text[i + 1 : close], bold, True, out)
                i = close + 1
                continue
        buf.append(ch)
        i += 1
    flush()


def _merge(runs: list[Run]) -> list[Run]:
    """Join neighbouring runs with the same formatting and drop empty ones."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return merged


def plain_text(blocks: list[Block]) -> str:
    """The visible text of ``blocks``, one line a block or list item (for checks and tests)."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            lines.append("".join(r.text for r in block.runs))
        elif isinstance(block, (BulletList, NumberedList)):
            lines.extend("".join(r.text for r in item) for item in block.items)
    return "\n".join(lines)
