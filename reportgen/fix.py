"""``reportgen check --fix``: typed figures in report.yaml turned into the expressions that
print them, with nothing else in the file changed.

A number an officer typed that agrees with the data today goes stale when the data change
(``figures.hand-typed``). Where that warning's figure is the *only* figure of the data the
number agrees with at its written precision, and its expression prints exactly the characters
typed (in this document, with its disclosure plan), the number is replaced by the expression
the warning suggests. Everything else stays: the file is edited through ruamel.yaml's
round-trip mode, which must first write the untouched file back byte for byte, and the
edited file must equal the same edits made to the text itself, so comments, order, quoting,
indentation and line breaks are kept (and a byte-order mark and CRLF line ends). The edited
report is rendered again and must read exactly as before; only then is it written,
atomically.

What is not changed is said, with why (:class:`LeftAlone`); a file that cannot be edited
safely is refused whole, in one line (:class:`~reportgen.errors.ReportgenError`).
"""

from __future__ import annotations

import bisect
import dataclasses
import io
import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportgen.errors import ReportgenError, quote_text

if TYPE_CHECKING:
    from reportgen.checks.numbers import Literal_
    from reportgen.checks.vocabulary import Figure
    from reportgen.pipeline import Produced
    from reportgen.styles import HouseStyle

_BOM = "\ufeff"
# How many words past the last sentence's end the next sentence is looked for.
_SLACK = 64
# ruamel.yaml writes one indentation for the whole file: the usual ones are tried in turn
# ((mapping, sequence, offset): "  - item" under its key is (2, 4, 2)).
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (3, 3, 1), (3, 5, 3))


@dataclass(frozen=True)
class Change:
    """One typed figure replaced: where (field and line of report.yaml), the old text and the
    expression now in its place."""

    where: str
    line: int
    old: str
    new: str


@dataclass(frozen=True)
class LeftAlone:
    """A hand-typed figure --fix did not change, and why."""

    where: str
    line: int | None
    text: str
    why: str


@dataclass
class FixResult:
    """What --fix changed (or would change) in ``path``; ``data`` is the new file's bytes
    (None when nothing changes)."""

    path: Path
    changes: list[Change] = field(default_factory=list)
    left_alone: list[LeftAlone] = field(default_factory=list)
    data: bytes | None = None
    original: bytes | None = None  # the file as read, so that a file changed since is kept


@dataclass(frozen=True)
class _Edit:
    """One replacement inside a narrative field's value (offsets into the value)."""

    where: str
    start: int
    end: int
    old: str
    new: str


# ----------------------------------------------------------------- the typed figures to change


def _paragraph_spans(text: str
                     ) -> Iterator[list[tuple[str, Sequence[tuple[int, int] | None]]]]:
    """For each paragraph the checker reads in ``text`` (reading.paragraphs), its sentences,
    each with the span in ``text`` of each of its words (None for a word the checker put
    there: an expression's placeholder). Found by matching the sentence's words, in order,
    with the words of the text: the checker only ever joins and cuts text at white space."""
    from reportgen.checks.reading import _DIRECTIVE, _EXPRESSION, _PLACEHOLDER, paragraphs

    # The words of the text as the checker sees them, each with where it is in ``text``.
    words: list[tuple[str, tuple[int, int] | None]] = []
    blanked = _EXPRESSION.sub(lambda m: " " * len(m.group(0)), text)  # spans hold in text
    directives = [m.span() for m in _DIRECTIVE.finditer(blanked)]  # in order, apart
    starts = [a for a, _ in directives]

    def in_directive(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and at < directives[i][1]

    at = 0
    for m in [*_EXPRESSION.finditer(text), None]:
        stop = m.start() if m is not None else len(text)
        for w in re.finditer(r"\S+", text[at:stop]):
            span = (at + w.start(), at + w.end())
            if not in_directive(span[0]):
                words.append((w.group(0), span))
        if m is not None:
            words.append((_PLACEHOLDER, None))
            at = m.end()
    cursor = 0
    for paragraph in paragraphs(text):
        found: list[tuple[str, Sequence[tuple[int, int] | None]]] = []
        for sentence in paragraph:
            mine = sentence.split(" ")
            spans: Sequence[tuple[int, int] | None] = [None] * len(mine)
            # Each sentence's words follow the last one's; a few words of slack, never a
            # search of the whole text (which would be quadratic on a hostile narrative).
            for j in range(cursor, min(cursor + _SLACK, len(words) - len(mine) + 1)):
                if all(words[j + i][0] == w for i, w in enumerate(mine)):
                    spans = [span for _, span in words[j:j + len(mine)]]
                    cursor = j + len(mine)
                    break
            # Not found (a word cut by the checker's limit on a sentence's length): the
            # sentence is still read, its figures are not changed.
            found.append((sentence, spans))
        yield found


def _source_span(sentence: str, spans: Sequence[tuple[int, int] | None], lit: Literal_,
                 text: str) -> tuple[int, int] | None:
    """Where ``lit`` (found in ``sentence``, its words joined by single spaces) is in the
    narrative text, or None when it is not there as typed (split across lines)."""
    starts, at = [], 0
    for word in sentence.split(" "):
        starts.append(at)
        at += len(word) + 1
    first = max(i for i, s in enumerate(starts) if s <= lit.start)
    last = max(i for i, s in enumerate(starts) if s < lit.end)
    a, b = spans[first], spans[last]
    if a is None or b is None:
        return None
    start = a[0] + lit.start - starts[first]
    end = b[0] + lit.end - starts[last]
    return (start, end) if text[start:end] == lit.text else None


def _hand_typed(produced: Produced) -> Iterator[tuple[str, str, Literal_, Figure | None, str,
                                                       tuple[int, int] | None]]:
    """``(where, text, literal, figure, why, span)`` for every number the checker warns is
    typed by hand: ``figure`` is the one figure it agrees with (None, with ``why``, when it
    agrees with more than one, or the warning suggests another)."""
    from reportgen.checks import figures as rules
    from reportgen.checks import vocabulary
    from reportgen.checks.reading import Judge, expression_for, narrative_sources

    loaded, result = produced.loaded, produced.result
    bundle = loaded.bundle
    every = [*vocabulary.figures(loaded.metrics), *vocabulary.count_figures(loaded.metrics)]
    # The checker's own readers, so that a number is read here exactly as `check` reads it
    # (money against the figures a public report may print, counts by checks/counts.py).
    shown, counts = rules.readers(bundle, loaded.metrics, result.plan)
    judge = Judge(shown, rules._period(bundle), rules.names_of(bundle))

    # The checker's own reading of each text (figures.judged_numbers), with each sentence's
    # word spans found alongside (its sentences are reading.paragraphs', in the same order).
    for where, text, headings in narrative_sources(bundle):
        sentences = [sentence for paragraph in _paragraph_spans(text) for sentence in paragraph]
        for n, _, lit, finding in rules.judged_numbers(judge, counts, text, where, headings):
            if finding is None or finding.rule != rules.HAND_TYPED.id:
                continue
            sentence, spans = sentences[n]
            span = _source_span(sentence, spans, lit, text)
            # Any figure counts, hidden or not: which one the officer meant is unknown.
            agreeing = {f.expression: f for f in every
                        if f.unit == lit.kind and lit.agrees(f)}
            if len(agreeing) != 1:
                # Only the figures the document shows are named (a message may be
                # published in a build's summary).
                names = "; ".join(sorted(f.label for f in agreeing.values() if f in shown))
                yield where, text, lit, None, (
                    "it agrees with more than one figure of the data"
                    + (f" ({quote_text(names, 200)})" if names else "")), span
                continue
            figure = next(iter(agreeing.values()))
            if expression_for(figure, lit) not in (finding.fix or ""):
                yield where, text, lit, None, "the warning names another figure", span
                continue
            yield where, text, lit, figure, "", span


# ------------------------------------------------------------------------- the YAML file


def _yaml(indent: tuple[int, int, int]) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 2**31 - 1  # never fold a long line the officer wrote on one
    yaml.preserve_quotes = True
    yaml.allow_unicode = True
    mapping, sequence, offset = indent
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: Any, tree: Any) -> str:
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def _round_trip(text: str, path: Path) -> tuple[tuple[int, int, int], Any]:
    """The indentation with which ruamel.yaml writes ``text`` back byte for byte, and the
    loaded tree; a file it cannot write back unchanged is refused. The file is read once
    (reading is most of the cost: a 2 MB file takes seconds) and written with each
    indentation in turn."""
    from ruamel.yaml.error import YAMLError

    from reportgen import budget

    try:
        tree = _yaml(_INDENTS[0]).load(text)
    except (YAMLError, RecursionError, ValueError, TypeError) as exc:
        raise ReportgenError(f"cannot rewrite it safely: ruamel.yaml cannot read it "
                             f"({quote_text(str(exc).splitlines()[0], 120)})",
                             file=path) from None
    first_difference = None
    for indent in _INDENTS:
        budget.check("check --fix (writing report.yaml back)")
        try:
            back = _dump(_yaml(indent), tree)
        except (YAMLError, RecursionError, ValueError, TypeError) as exc:
            raise ReportgenError(f"cannot rewrite it safely: ruamel.yaml cannot write it "
                                 f"({quote_text(str(exc).splitlines()[0], 120)})",
                                 file=path) from None
        if back == text:
            return indent, tree
        old, new = text.split("\n"), back.split("\n")
        line = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                    min(len(old), len(new)))
        # The indentation that gets furthest names the line that is really in the way.
        first_difference = line + 1 if first_difference is None else max(first_difference,
                                                                          line + 1)
    raise ReportgenError(f"cannot rewrite it safely: ruamel.yaml does not write it back "
                         f"byte for byte (line {first_difference} differs: e.g. spaces at the "
                         f"end of a line or after a colon, a value wrapped over lines, an "
                         f"indentation that varies): nothing changed", file=path)


def _locate(root: Any, where: str) -> tuple[Any, Any] | None:
    """The mapping holding a narrative field (``where`` as the checker names it) and its key,
    in a tree read from report.yaml (by ruamel.yaml or by reportgen's own reader)."""
    try:
        if where.startswith("sections."):
            return root["sections"], where[len("sections."):]
        rec = re.fullmatch(r"recommendations\[(\d+)\](\.reason)?", where)
        if rec:
            item = root["recommendations"][int(rec[1]) - 1]
            return item, "reason" if rec[2] else "text"
        if where.startswith("body."):
            wanted = where[len("body."):]
            todo = list(root["body"])
            while todo:
                section = todo.pop(0)
                if str(section.get("id")) == wanted:
                    return section, "text"
                todo[:0] = list(section.get("subsections") or [])
    except (KeyError, IndexError, TypeError, AttributeError):
        return None
    return None


def _block_column(lines: list[str], value: str, indicator_line: int, offset: int
                  ) -> tuple[int, int] | None:
    """(line, column) in the file of ``offset`` in a literal block's value."""
    k = value.count("\n", 0, offset)
    line_start = value.rfind("\n", 0, offset) + 1
    value_line = value[line_start:].split("\n", 1)[0]
    at = indicator_line + 1 + k
    if at >= len(lines):
        return None
    source = lines[at]
    indent = len(source) - len(value_line)
    if indent < 0 or source[indent:] != value_line or source[:indent].strip(" "):
        return None
    return at, indent + offset - line_start


def _flow_column(lines: list[str], value: str, kind: str, start: tuple[int, int], offset: int
                 ) -> tuple[int, int] | None:
    """(line, column) in the file of ``offset`` in a one-line plain or quoted value."""
    line, col = start
    source = lines[line][col:]
    if kind == "plain" and source.startswith(value):
        return line, col + offset
    if kind == "single" and source.startswith("'" + value.replace("'", "''") + "'"):
        return line, col + 1 + len(value[:offset].replace("'", "''"))
    if kind == "double" and not re.search(r'["\\\x00-\x1f\x7f-\x9f]', value) and \
            source.startswith(f'"{value}"'):
        return line, col + 1 + offset
    return None  # across lines, or with escapes: not changed


def _kind(value: Any) -> str:
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        FoldedScalarString,
        LiteralScalarString,
        SingleQuotedScalarString,
    )

    for cls, name in ((LiteralScalarString, "literal"), (FoldedScalarString, "folded"),
                      (SingleQuotedScalarString, "single"),
                      (DoubleQuotedScalarString, "double")):
        if isinstance(value, cls):
            return name
    return "plain"


def _replaced(value: Any, edits: Sequence[_Edit]) -> Any:
    """``value`` with ``edits`` made, as the same kind of YAML scalar (style and comment)."""
    text = str(value)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.new + text[edit.end:]
    if type(value) is str:
        return text
    new = type(value)(text)
    if hasattr(value, "comment"):
        new.comment = value.comment  # "| # a note" keeps its note
    return new


def _source_edits(lines: list[str], value: Any, start: tuple[int, int],
                  edits: Sequence[_Edit]) -> list[tuple[int, int, int, str]] | str:
    """(line, column, length, new text) in the file for each edit of one field, or why the
    field cannot be edited."""
    kind = _kind(value)
    if kind == "folded":
        return "folded"
    out = []
    for edit in edits:
        if kind == "literal":
            at = _block_column(lines, str(value), start[0], edit.start)
        else:
            at = _flow_column(lines, str(value), kind, start, edit.start)
        if at is None:
            return "it is written across lines or with escapes"
        new = edit.new.replace("'", "''") if kind == "single" else edit.new
        if lines[at[0]][at[1]:at[1] + len(edit.old)] != edit.old:
            return "it is not where the file has it"
        out.append((at[0], at[1], len(edit.old), new))
    return out


def _apply(lines: list[str], edits: Sequence[tuple[int, int, int, str]]) -> str:
    out = list(lines)
    for line, col, length, new in sorted(edits, reverse=True):
        out[line] = out[line][:col] + new + out[line][col + length:]
    return "\n".join(out)


# ---------------------------------------------------------------------------- the fix itself


def _decode(raw: bytes, path: Path) -> tuple[str, bool, bool]:
    """The file's text with "\\n" line ends, and whether it had a byte-order mark and CRLF."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ReportgenError("not a UTF-8 text file", file=path) from None
    bom = text.startswith(_BOM)
    text = text[len(_BOM):] if bom else text
    crlf = "\r" in text
    if crlf:
        if not text.count("\r") == text.count("\r\n") == text.count("\n"):
            raise ReportgenError("cannot rewrite it safely: its lines end in more than one "
                                 "way (CRLF and LF or CR): nothing changed", file=path)
        text = text.replace("\r\n", "\n")
    return text, bom, crlf


def _encode(text: str, bom: bool, crlf: bool) -> bytes:
    text = text.replace("\n", "\r\n") if crlf else text
    return ((_BOM if bom else "") + text).encode("utf-8")


class _Printer:
    """What an expression and a whole field print in this document (its names, filters and
    disclosure plan), as render prints them."""

    def __init__(self, produced: Produced) -> None:
        from reportgen import disclosure
        from reportgen.context import make_environment, narrative_names

        plan = produced.result.plan
        self.env = make_environment(produced.result.style, autoescape=False)
        names = narrative_names(produced.loaded.bundle, produced.loaded.metrics,
                                protect=None if plan is None else
                                lambda n: disclosure.protect_names(n, plan))
        # paragraphs('id') needs the whole document: the same for the old text and the new.
        self.names = {**names, "paragraphs": lambda _id: ""}

    def __call__(self, text: str, where: str) -> str | None:
        from reportgen.context import render_text

        try:
            return render_text(self.env, text, self.names, where)
        except ReportgenError:
            return None


# A figure can be read differently once a number beside it is an expression (the checker
# looks for the nearest measure word past other numbers): the file is read again after each
# pass, until nothing more changes, so that a second --fix finds nothing to do.
_MAX_PASSES = 4


def plan_fix(bundle_dir: str | Path, style: str | HouseStyle | None = None) -> FixResult:
    """What ``reportgen check --fix`` would change in ``bundle_dir``'s report.yaml: the changes,
    the hand-typed figures left alone, and the new file's bytes. Nothing is written.

    Raises :class:`ReportgenError` for a bundle that cannot be read or rendered and for a
    report.yaml that cannot be edited safely (nothing is then changed)."""
    from reportgen import budget

    # The whole of --fix (every pass and each rendering again) shares one command's time.
    with budget.deadline():
        return _plan_fix(bundle_dir, style)


def _plan_fix(bundle_dir: str | Path, style: str | HouseStyle | None) -> FixResult:
    from reportgen.pipeline import produce

    first = produced = produce(bundle_dir, style=style, gate=False)
    result = FixResult(produced.loaded.bundle.yaml_path)
    file = _File(result)
    for _ in range(_MAX_PASSES):
        step = _pass(produced, file, style, first)
        result.left_alone = step.left_alone
        if not step.changes:
            break
        result.changes += step.changes
        assert step.text is not None and step.produced is not None
        file.text, produced = step.text, step.produced
    result.changes.sort(key=lambda c: c.line)
    if result.changes:
        result.data = _encode(file.text, file.bom, file.crlf)
    return result


class _File:
    """report.yaml, read only once there is something to change in it (a file with nothing
    to change need not be one ruamel.yaml writes back)."""

    def __init__(self, result: FixResult) -> None:
        self.result = result
        self._text: str | None = None
        self.bom = self.crlf = False
        self.indent = _INDENTS[0]

    @property
    def text(self) -> str:
        if self._text is None:
            from reportgen.inputs import read_bytes
            from reportgen.limits import MAX_YAML_BYTES

            path = self.result.path
            self.result.original = read_bytes(path, MAX_YAML_BYTES, "a YAML file")
            text, self.bom, self.crlf = _decode(self.result.original, path)
            self.indent, _ = _round_trip(text, path)
            self._text = text
        return self._text

    @text.setter
    def text(self, value: str) -> None:
        self._text = value


@dataclass
class _Step:
    """One pass: its changes, what it left alone, and the file and report after it."""

    changes: list[Change] = field(default_factory=list)
    left_alone: list[LeftAlone] = field(default_factory=list)
    text: str | None = None
    produced: Produced | None = None


def _pass(produced: Produced, file: _File, style: str | HouseStyle | None,
          first: Produced) -> _Step:
    """One pass of --fix over ``file`` (report.yaml as ``produced`` read it)."""
    from reportgen.checks.reading import expression_for

    path = produced.loaded.bundle.yaml_path
    step = _Step()
    printer = _Printer(produced)
    edits: dict[str, list[_Edit]] = {}
    texts: dict[str, str] = {}
    for where, field_text, lit, figure, why, span in _hand_typed(produced):
        texts[where] = field_text
        if figure is not None and span is None:
            why = "it is written across lines (or not found as typed)"
        if figure is not None and not why:
            expression = expression_for(figure, lit)
            printed = printer(expression, where)
            if printed != lit.text:
                why = (f"its expression would print '{quote_text(printed, 40)}'"
                       if printed is not None else "its expression cannot be printed here")
        if why or figure is None or span is None:
            step.left_alone.append(LeftAlone(where, None, lit.text, why))
            continue
        edits.setdefault(where, []).append(_Edit(where, *span, lit.text, expression))
    if not edits:
        return step

    from reportgen import budget

    text = file.text
    yaml = _yaml(file.indent)
    # One reading of the file per pass: every field is edited and tried in this one tree
    # (a reading per field made --fix quadratic: 100 fields took minutes).
    tree = yaml.load(text)
    lines = text.split("\n")
    candidates: dict[str, tuple[Any, Any, Any, list[_Edit], list[tuple[int, int, int, str]]]] = {}
    for where, mine in edits.items():
        budget.check("check --fix")
        why = _field_problem(tree, where, texts[where], mine, printer)
        located = None if why else _locate(tree, where)
        source: list[tuple[int, int, int, str]] | str = "it is not in report.yaml as read"
        if located is not None:
            parent, key = located
            # The report reads the value with white space around it stripped.
            lead = _shift(parent[key], texts[where]) or 0
            mine = [dataclasses.replace(e, start=e.start + lead, end=e.end + lead)
                    for e in mine]
            source = _source_edits(lines, parent[key], parent.lc.value(key), mine)
        if source == "folded":
            line = parent.lc.value(key)[0] + 1
            raise ReportgenError(
                f"line {line}: {where} is a folded block (>), whose line breaks --fix cannot "
                f"keep: write it as a literal block (|) and run it again; nothing changed",
                file=path)
        if isinstance(source, str) or why:
            step.left_alone += [LeftAlone(where, None, e.old, why or str(source))
                                for e in mine]
            continue
        candidates[where] = (parent, key, parent[key], mine, source)

    def writes_as_expected(group: Sequence[str]) -> bool:
        """Whether ruamel.yaml, given the new values of ``group``, writes exactly the file
        with only their characters changed (the one test of quoting and layout that
        matters). The tree is given its old values back after."""
        budget.check("check --fix")
        for where in group:
            parent, key, value, mine, _ = candidates[where]
            parent[key] = _replaced(value, mine)
        try:
            return _dump(yaml, tree) == _apply(lines, [s for w in group
                                                       for s in candidates[w][4]])
        finally:
            for where in group:
                parent, key, value, _, _ = candidates[where]
                parent[key] = value

    def writable(group: list[str]) -> list[str]:
        # All at once first; a group that fails is halved, so a few bad fields among many
        # cost a few writes each, not one write of the whole file per field.
        if not group or writes_as_expected(group):
            return group
        if len(group) == 1:
            return []
        half = len(group) // 2
        return writable(group[:half]) + writable(group[half:])

    good = set(writable(list(candidates)))
    planned: dict[str, tuple[Any, list[tuple[int, int, int, str]]]] = {}
    for where, (_, _, value, mine, source) in candidates.items():
        if where not in good:
            # A plain value starting with "{{" needs quotes; a comment after a plain value
            # moves: the figure stays, the officer told how to write the text instead.
            step.left_alone += [LeftAlone(where, s[0] + 1, e.old, "ruamel.yaml would write "
                                          "the line differently (quotes, or the space before "
                                          "a comment): write the text as a literal block (|)")
                                for e, s in zip(mine, source, strict=True)]
            continue
        planned[where] = (_replaced(value, mine), source)
        step.changes += [Change(where, s[0] + 1, e.old, e.new)
                         for e, s in zip(mine, source, strict=True)]
    if not planned:
        return step

    expected = _apply(lines, [s for _, source in planned.values() for s in source])
    fresh = yaml.load(text)  # the whole edit checked again on a tree never given old values back
    for where, (value, _) in planned.items():
        parent, key = _locate(fresh, where)  # type: ignore[misc]
        parent[key] = value
    if _dump(yaml, fresh) != expected:
        raise ReportgenError("cannot rewrite it safely: ruamel.yaml would change more than "
                             "the figures: nothing changed", file=path)
    step.text = expected
    step.produced = _same_report(produced, text, expected,
                                 {w: str(v) for w, (v, _) in planned.items()}, style, first)
    return step


def _shift(value: str, text: str) -> int | None:
    """Where the text the report reads (``text``: stripped of white space around it) starts in
    the value written in report.yaml, or None when it is not that value."""
    if str(value) == text:
        return 0
    if str(value).strip() == text:
        return len(value) - len(value.lstrip())
    return None


def _field_problem(tree: Any, where: str, text: str, edits: Sequence[_Edit],
                   printer: _Printer) -> str:
    """Why a field's figures cannot be changed ("" when they can): it is not in the file as
    the report reads it, it is shared through an anchor, or it would read differently."""
    located = _locate(tree, where)
    if located is None:
        return "it is not in report.yaml as read"
    parent, key = located
    value = parent[key]
    if not isinstance(value, str) or _shift(value, text) is None:
        return "its text in report.yaml is not the text the report reads (characters it " \
               "leaves out)"
    anchor = getattr(value, "anchor", None)
    if anchor is not None and anchor.value:
        return f"the text is shared through the YAML anchor &{quote_text(anchor.value, 40)}"
    before, after = printer(text, where), printer(_replaced(text, edits), where)
    if before is None or before != after:
        return "the text would read differently"
    return ""


def _same_report(produced: Produced, old_text: str, text: str, new_texts: dict[str, str],
                 style: str | HouseStyle | None, first: Produced) -> Produced:
    """The edited file, read by reportgen's own reader, differs from the old in exactly the
    edited fields, and the report it gives reads exactly as ``first`` (the report before
    any pass) did. Returns that report."""
    from reportgen.bundle import BUNDLE_FILE, bundle_from_data
    from reportgen.checks.docx_view import DocxView
    from reportgen.period_fields import fill_period_fields
    from reportgen.pipeline import LoadedReport, produce
    from reportgen.yamlload import load_yaml

    loaded = produced.loaded
    path = loaded.bundle.yaml_path
    with tempfile.TemporaryDirectory(prefix="reportgen-fix-") as tmp:
        old_file, new_file = Path(tmp, "old.yaml"), Path(tmp, BUNDLE_FILE)
        old_file.write_text(old_text, encoding="utf-8")
        new_file.write_text(text, encoding="utf-8")
        old, _ = load_yaml(old_file)
        new, lines = load_yaml(new_file)
    for where, value in new_texts.items():
        parent, key = _locate(old, where)  # type: ignore[misc]
        parent[key] = value
    if old != new:
        raise ReportgenError("cannot rewrite it safely: the edited file reads differently "
                             "outside the figures: nothing changed", file=path)
    bundle = bundle_from_data(new, loaded.bundle.path, lines)
    again = LoadedReport(bundle=fill_period_fields(bundle, loaded.metrics),
                         datasets=loaded.datasets, metrics=loaded.metrics,
                         meeting=loaded.meeting)
    after = produce(again, style=style, gate=False)

    def reader_text(p: Produced) -> str:
        return DocxView.from_bytes(p.result.docx).reader_text

    if reader_text(after) != reader_text(first):
        raise ReportgenError("cannot rewrite it safely: the edited report would read "
                             "differently: nothing changed", file=path)
    return after


def fix_bundle(bundle_dir: str | Path, style: str | HouseStyle | None = None) -> FixResult:
    """:func:`plan_fix`, then report.yaml replaced atomically with the edited file (only when
    something changed, and only if the file is still what was read).

    report.yaml is the officer's own file, so more is refused than for an output: a link
    (symbolic or hard, whose other names a replace would part from it), a file whose owner
    or group the new file could not be given back, a private one, and one that changes
    while --fix works on it (two runs of --fix at once: the second is refused)."""
    path = _bundle_file(bundle_dir)
    with _Guard(path) as guard:
        result = plan_fix(bundle_dir, style)
        if result.data is not None:
            if result.path != path:  # produce found another file than the one guarded
                raise ReportgenError("cannot rewrite it safely: it is not the bundle's "
                                     "report.yaml as first found: nothing changed",
                                     file=result.path)
            assert result.original is not None
            guard.replace(result.original, result.data)
    return result


def _bundle_file(bundle_dir: str | Path) -> Path:
    from reportgen.bundle import BUNDLE_FILE

    # As reportgen.bundle.load_bundle finds it: a YAML file named directly, or the folder's.
    folder = Path(bundle_dir)
    if folder.name.endswith((".yaml", ".yml")) and os.path.lexists(folder) and \
            not folder.is_dir():
        return folder
    return folder / BUNDLE_FILE


class _Guard:
    """report.yaml held open and locked (against another --fix) while it is planned and
    written; refuses a file --fix must not replace, and gives the new file its owner, group
    and mode back, even when a stop signal arrives during the write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = -1

    def __enter__(self) -> _Guard:
        path = self.path
        try:
            info = os.lstat(path)
        except OSError:
            return self  # the reading says why (not found, permission)
        if stat.S_ISLNK(info.st_mode):
            raise ReportgenError(f"is a symbolic link (to "
                                 f"'{quote_text(os.readlink(path), 80)}'): --fix rewrites only "
                                 f"a regular file, never a link or what it points to: nothing "
                                 f"changed", file=path)
        if not stat.S_ISREG(info.st_mode):
            return self  # a folder, a FIFO, a device: the reading refuses it, never opened here
        try:
            self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                              | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return self
        if not _try_lock(self.fd):
            os.close(self.fd)
            self.fd = -1
            raise ReportgenError("another 'reportgen check --fix' is rewriting it: nothing "
                                 "changed; run it again when that one has finished", file=path)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # frees the lock
            self.fd = -1

    def _refuse_unless_replaceable(self, original: bytes) -> os.stat_result:
        from reportgen.commit import OUTPUT_MODE
        from reportgen.inputs import read_bytes
        from reportgen.limits import MAX_YAML_BYTES

        path = self.path
        changed = ReportgenError("changed while --fix read it: nothing changed; run it again",
                                 file=path)
        try:
            info = os.lstat(path)
        except OSError:
            raise changed from None
        if self.fd < 0 or not stat.S_ISREG(info.st_mode):
            raise changed
        held = os.fstat(self.fd)
        if (held.st_dev, held.st_ino) != (info.st_dev, info.st_ino) or \
                read_bytes(path, MAX_YAML_BYTES, "a YAML file") != original:
            raise changed
        if info.st_nlink > 1:
            raise ReportgenError(f"has {info.st_nlink} names (hard links): replacing it would "
                                 f"part it from the others: nothing changed", file=path)
        # Every output is written with OUTPUT_MODE: a file that mode would open to more
        # people (a private report.yaml) or make writable is refused; bits it had beyond
        # it (a group that may edit it) are given back after the write.
        mode = stat.S_IMODE(info.st_mode)
        if OUTPUT_MODE & ~mode:
            raise ReportgenError(f"its permissions ({mode:o}) are narrower than those --fix "
                                 f"writes a file with ({OUTPUT_MODE:o}): nothing changed",
                                 file=path)
        if hasattr(os, "geteuid") and os.geteuid() != 0:
            # The new file is this user's, in this user's group (or the folder's): refused
            # unless both can be given back as they were.
            if info.st_uid != os.geteuid():
                raise ReportgenError(f"belongs to another user (uid {info.st_uid}): --fix "
                                     f"would make the file yours: nothing changed", file=path)
            if info.st_gid not in (os.getegid(), *os.getgroups()):
                raise ReportgenError(f"belongs to a group you are not in (gid {info.st_gid}): "
                                     f"--fix could not give it back: nothing changed",
                                     file=path)
        return info

    def replace(self, original: bytes, data: bytes) -> None:
        """report.yaml replaced by ``data`` if it is still ``original``, with its owner,
        group and mode."""
        from reportgen.fileio import write_atomic
        from reportgen.stops import deferred, raise_if_stopping

        before = self._refuse_unless_replaceable(original)
        try:
            write_atomic(self.path, data, force=True)
        finally:
            # Also when a stop came during the write (it is raised only once the set is
            # whole): the new file, if it is in place, is given back what the old one had.
            with deferred():
                self._give_back(before, data)
        raise_if_stopping()
        # A write into the old file itself while the new one was put in place (an editor
        # that saves in place): the other change is put back, and --fix's withdrawn.
        held = os.fstat(self.fd)
        if (held.st_size, held.st_mtime_ns) != (before.st_size, before.st_mtime_ns):
            theirs = _read_all(self.fd)
            write_atomic(self.path, theirs, force=True)
            with deferred():
                self._give_back(before, theirs)
            raise_if_stopping()
            raise ReportgenError("changed while --fix wrote it: the other change is kept and "
                                 "--fix's withdrawn: run it again", file=self.path)

    def _give_back(self, before: os.stat_result, data: bytes) -> None:
        from reportgen.inputs import read_bytes
        from reportgen.limits import MAX_YAML_BYTES

        path = self.path
        try:
            now = os.lstat(path)
            if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) == \
                    (before.st_dev, before.st_ino) or \
                    read_bytes(path, MAX_YAML_BYTES, "a YAML file") != data:
                return  # not written: the old file is in place, with all it had
            if hasattr(os, "chown") and (now.st_uid, now.st_gid) != (before.st_uid,
                                                                      before.st_gid):
                os.chown(path, before.st_uid, before.st_gid, follow_symlinks=False)
            if stat.S_IMODE(now.st_mode) != stat.S_IMODE(before.st_mode):
                os.chmod(path, stat.S_IMODE(before.st_mode))  # after chown, which drops setgid
        except (OSError, ReportgenError) as exc:
            raise ReportgenError(f"was rewritten, but its owner or permissions could not be "
                                 f"given back: {exc}", file=path) from None


def _try_lock(fd: int) -> bool:
    """An advisory lock on ``fd`` (False if another process holds it); where the platform
    has none, True (the content check before the write still applies)."""
    try:
        import fcntl
    except ImportError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without locks
    return True


def _read_all(fd: int) -> bytes:
    from reportgen.limits import MAX_YAML_BYTES

    chunks, at = [], 0
    while chunk := os.pread(fd, 1 << 20, at):
        chunks.append(chunk)
        at += len(chunk)
        if at > MAX_YAML_BYTES:
            break
    return b"".join(chunks)
