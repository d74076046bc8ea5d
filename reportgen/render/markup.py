"""The small Markdown subset officers write narrative in (``report.yaml``).

Blocks are read by `markdown-it-py <https://markdown-it-py.readthedocs.io>`_, a CommonMark
parser, with only the block rules the subset documents switched on (docs/bundle.md):

* paragraphs: a blank line ends one; single newlines inside a paragraph join with a space;
* ATX headings: ``### Sub-heading`` is a level-3 heading, ``#### Minor heading`` level 4
  (``#`` and ``##`` read as level 3, ``#####`` and deeper as level 4: the report title and
  section headings belong to the template);
* lists: ``- item``, ``* item`` or ``+ item`` bulleted, ``1. item`` or ``1) item`` numbered,
  by CommonMark's rules (a numbered list interrupts a paragraph only when it starts at 1, so
  a wrapped line "2016. The introduction …" stays in its paragraph); an item nested inside
  another is one level deeper (deeper nesting prints at that one level);
* a line that is exactly ``[table: NAME]``, ``[table: NAME ARGS…]`` or ``[chart: NAME]`` is a
  directive that the renderer replaces with a table or chart (a reportgen block rule).

Everything else CommonMark has (code blocks, block quotes, rules, setext headings, link
reference definitions, HTML) is off, so such lines stay literal text. Inline, only
``**bold**``, ``*italic*`` and ``_italic_`` are read (:func:`parse_inline`, the project's own
linear-time reader): no links, no HTML, no entities, no backslash escapes; ``<b>`` stays
literal text, as does an unbalanced ``**``.

Nothing the officer wrote is lost: a numbered list prints the numbers written (each list
starts at its first item's number, and an item whose number does not follow on starts a new
list), and :func:`parse_markup` checks that the words and numbers of its blocks are exactly
those of the text (:func:`written_words`); where they are not (markdown-it drops what lies
past its nesting limit), the text is read as plain paragraphs instead. Never raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Union, overload

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

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
    "block_words",
    "clean_xml_text",
    "is_directive",
    "parse_inline",
    "parse_markup",
    "plain_text",
    "words",
    "written_words",
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
    """Items numbered ``start``, ``start + 1`` … as the officer wrote them (all one level)."""

    items: tuple[ListItem, ...]
    start: int = 1


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

# Matched on a stripped line; no two neighbouring parts can take the same run of spaces, so a
# failed match costs time linear in the line.
_DIRECTIVE = re.compile(r"\[\s*(table|chart)\s*:([^\]]*)\]", re.IGNORECASE)
#: The largest number a Word list may start at (Word's own limit for "Set numbering value").
MAX_LIST_NUMBER = 32767
#: A word or number, as :func:`written_words` counts them: letters and digits of any script.
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The words and numbers of ``text``: runs of letters and digits, read with the emphasis
    markers ``*`` and ``_`` left out (``1*5*0`` prints as "150", ``snake_case`` as one word)."""
    return _WORD.findall(text.replace("*", "").replace("_", ""))


def _directive(line: str) -> Directive | None:
    match = _DIRECTIVE.fullmatch(line.strip())
    words = match.group(2).split() if match else []
    if not match or not words:
        return None
    return Directive(words[0].lower(), tuple(words[1:]), match.group(1).lower())


def is_directive(line: str) -> bool:
    """Whether ``line`` is a ``[table: …]`` or ``[chart: …]`` directive line."""
    return _directive(line) is not None


def _directive_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it block rule: a directive line, which may also end a paragraph or list.

    The whole line must be the directive: inside a list item markdown-it starts the item's
    first line after its marker, so "- [table: x]" is read from the line's own start (and
    stays an item's text, as written_words counts it)."""
    line_start = state.src.rfind("\n", 0, state.bMarks[start]) + 1
    line = state.src[line_start:state.eMarks[start]]
    if _directive(line) is None:
        return False
    if not silent:
        token = state.push("directive", "", 0)
        token.content = line.strip()
        token.map = [start, start + 1]
        state.line = start + 1
    return True


@cache
def _parser() -> MarkdownIt:
    # "zero" has only paragraphs; the subset adds ATX headings, lists and directives. The core
    # inline rule is off: each block's text is read by parse_inline below.
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["heading", "list"])
    md.disable(["inline"])
    md.block.ruler.before("paragraph", "directive", _directive_rule,
                          {"alt": ["paragraph", "list"]})
    return md


def _inline_text(content: str) -> str:
    """A block's lines joined with single spaces (each line stripped), as officers expect."""
    return " ".join(line.strip() for line in content.split("\n") if line.strip())


@dataclass
class _Item:
    """An open list item: where its text goes once its first paragraph is read."""

    kind: str  # "bullet" or "ordered"
    level: int
    number: str  # as written ("" for a bullet)
    delimiter: str  # "." or ")" for a numbered item
    written: bool = False  # its first paragraph is out
    last: int = -1  # index in blocks of the block holding it (for a second paragraph)
    slot: int = -1  # its index among that list's items


@dataclass
class _Blocks:
    """The blocks being built, lists kept open (mutable) until the end."""

    out: list[Paragraph | Heading | Directive | tuple[str, int, list[ListItem]]] = field(
        default_factory=list)

    def paragraph(self, runs: list[Run]) -> None:
        if runs:
            self.out.append(Paragraph(tuple(runs)))

    def item(self, item: _Item, runs: list[Run]) -> None:
        """Append an item to the open list of its kind, or start a new list."""
        last = self.out[-1] if self.out else None
        if item.kind == "bullet":
            if not runs:
                return  # an empty bullet holds nothing to print
            if isinstance(last, tuple) and last[0] == "bullet":
                last[2].append(ListItem(tuple(runs), item.level))
            else:
                self.out.append(("bullet", 0, [ListItem(tuple(runs), item.level)]))
            self._placed(item)
            return
        number = int(item.number)
        if str(number) != item.number or number > MAX_LIST_NUMBER:
            # "007." or a number Word cannot start a list at: printed as written, in text.
            marker = Run(f"{item.number}{item.delimiter} ")
            self.out.append(Paragraph(tuple(_merge([marker, *runs]))))
            item.last = len(self.out) - 1
            return
        # A list prints start, start + 1 …: an item whose number does not follow on, or at
        # another level, starts a new list, so every number printed is the one written.
        if isinstance(last, tuple) and last[0] == "ordered" and \
                last[1] + len(last[2]) == number and last[2][0].level == item.level:
            last[2].append(ListItem(tuple(runs), item.level))
        else:
            self.out.append(("ordered", number, [ListItem(tuple(runs), item.level)]))
        self._placed(item)

    def _placed(self, item: _Item) -> None:
        """Note where ``item`` went: the last list, as its last item."""
        block = self.out[-1]
        assert isinstance(block, tuple)
        item.last, item.slot = len(self.out) - 1, len(block[2]) - 1

    def more(self, item: _Item, runs: list[Run]) -> None:
        """A later paragraph of an item: joined to it if nothing came between, else its own."""
        last = self.out[-1] if self.out else None
        if runs and item.last == len(self.out) - 1 and isinstance(last, tuple) and \
                item.slot == len(last[2]) - 1:
            old = last[2][-1]
            last[2][-1] = ListItem((*old.runs, Run(" "), *runs), old.level)
        elif runs and item.last == len(self.out) - 1 and isinstance(last, Paragraph):
            self.out[-1] = Paragraph((*last.runs, Run(" "), *runs))
        else:
            self.paragraph(runs)

    def blocks(self) -> list[Block]:
        done: list[Block] = []
        for block in self.out:
            if isinstance(block, tuple):
                kind, start, items = block
                merged = tuple(_merged(i) for i in items)
                done.append(BulletList(merged) if kind == "bullet"
                            else NumberedList(merged, start))
            else:
                done.append(block)
        return done


def _merged(item: ListItem) -> ListItem:
    return ListItem(tuple(_merge(list(item.runs))), item.level)


def _from_tokens(tokens: Sequence[Token], source: Sequence[str]) -> list[Block]:
    """The blocks of markdown-it's tokens; ``source`` is the text's lines (for directives)."""
    built = _Blocks()
    items: list[_Item] = []  # open list items, outermost first
    lists: list[str] = []  # open lists' kinds

    def before_other_block() -> None:
        # A block inside an item that is not its first paragraph: an item not yet printed
        # keeps its number (an empty numbered item prints its number alone).
        for item in items:
            if not item.written:
                item.written = True
                built.item(item, [])

    for i, token in enumerate(tokens):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            before_other_block()
            lists.append("bullet" if kind == "bullet_list_open" else "ordered")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            items.append(_Item(lists[-1], min(len(lists) - 1, 1), token.info, token.markup))
        elif kind == "list_item_close":
            before_other_block()
            items.pop()
        elif kind == "inline":
            # A directive line indented as a paragraph's continuation is still a directive:
            # the paragraph's text before it is read here, the rest after it.
            lines = token.content.split("\n")
            first = token.map[0] if token.map else 0
            # Judged on the source line (the first line of an item has its marker there).
            cut = next((k for k in range(1, len(lines)) if first + k < len(source)
                        and _directive(source[first + k])), None)
            runs = parse_inline(_inline_text("\n".join(lines[:cut])))
            opener = tokens[i - 1].type if i else ""
            if opener == "heading_open":
                before_other_block()
                level = int(tokens[i - 1].tag[1:])
                if runs:
                    built.out.append(Heading(min(max(level, 3), 4), tuple(runs)))
            elif items and not items[-1].written:
                for item in items[:-1]:
                    if not item.written:
                        item.written = True
                        built.item(item, [])
                items[-1].written = True
                built.item(items[-1], runs)
            elif items:
                built.more(items[-1], runs)
            else:
                built.paragraph(runs)
            if cut is not None:
                before_other_block()
                for block in _plain_blocks("\n".join(lines[cut:])):
                    if isinstance(block, (Paragraph, Directive)):  # all it makes
                        built.out.append(block)
        elif kind == "directive":
            before_other_block()
            directive = _directive(token.content)
            if directive is not None:
                built.out.append(directive)
    return built.blocks()


def _plain_blocks(text: str) -> list[Block]:
    """The text as paragraphs (blank lines between) and directive lines, no other markup:
    what :func:`parse_markup` falls back to if a parse would lose a word."""
    out: list[Block] = []
    lines: list[str] = []

    def close() -> None:
        runs = parse_inline(" ".join(lines))
        if runs:
            out.append(Paragraph(tuple(runs)))
        lines.clear()

    for raw in text.split("\n"):
        line = raw.strip()
        directive = _directive(line) if line else None
        if not line or directive is not None:
            close()
            if directive is not None:
                out.append(directive)
        else:
            lines.append(line)
    close()
    return out


def _clean(text: str) -> str:
    return clean_xml_text(str(text)).replace("\r\n", "\n").replace("\r", "\n")


def written_words(text: str) -> list[str]:
    """The words and numbers the officer wrote, in order: every run of letters and digits of
    the text outside directive lines (markup characters such as ``*``, ``#``, ``-`` and the
    ``.`` after a list number are not letters or digits, so they do not count)."""
    found: list[str] = []
    for line in _clean(text).split("\n"):
        if _directive(line) is None:
            found.extend(words(line))
    return found


def block_words(blocks: Sequence[Block]) -> list[str]:
    """The words and numbers a reader sees in ``blocks``, in order, with each numbered list
    item's number (the label Word prints) before its text."""
    found: list[str] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            found.extend(words("".join(r.text for r in block.runs)))
        elif isinstance(block, (BulletList, NumberedList)):
            for n, item in enumerate(block.items):
                if isinstance(block, NumberedList):
                    found.append(str(block.start + n))
                found.extend(words("".join(r.text for r in item.runs)))
    return found


def parse_markup(text: str) -> list[Block]:
    """Parse narrative text into blocks, keeping every word and number written. Never raises."""
    text = _clean(text)
    try:
        blocks = _from_tokens(_parser().parse(text), text.split("\n"))
    except (RecursionError, ValueError):  # not expected: the plain reading keeps every word
        blocks = []
    if block_words(blocks) != written_words(text):
        # markdown-it skips what lies past its nesting limit (ten lists deep): read it plainly.
        blocks = _plain_blocks(text)
    return blocks


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
