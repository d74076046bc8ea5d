"""Read YAML as plain strings, remembering where each value was written.

YAML 1.1 guesses types: ``no`` becomes ``False``, ``2016-10-25`` a date and ``0208`` an octal
number. A committee paper cannot afford those guesses, so every scalar is read as text and the
typed models (pydantic) say what each field is. The line of every value is kept so that a
validation error can point at it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from reportgen import limits
from reportgen.errors import ReportgenError, quote_text
from reportgen.inputs import read_text

# A scalar written as one of these (unquoted) means "no value".
_NULLS = {"", "~", "null", "Null", "NULL"}

Loc = tuple[str | int, ...]


class _Budget:
    """Counts the values built, so an alias used a billion times stops at the limit."""

    def __init__(self) -> None:
        self.left = limits.MAX_YAML_NODES


class _LimitError(yaml.MarkedYAMLError):
    """A limit on untrusted YAML was hit (not a syntax error: the message says which)."""


def _too_many(mark: Any) -> yaml.MarkedYAMLError:
    return _LimitError(
        problem=f"the file expands to more than {limits.MAX_YAML_NODES:,} values "
        "(are aliases (*name) used over and over?)", problem_mark=mark)


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int], budget: _Budget,
           path: frozenset[int] = frozenset()) -> Any:
    # Recursion is safe: the event pass in load_yaml has bounded the nesting depth, and a node
    # already on the path (an alias to its own parent) is refused rather than followed.
    budget.left -= 1
    if budget.left < 0:
        raise _too_many(node.start_mark)
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        # Plain style is None from PyYAML's parser and "" from libyaml's.
        if not node.style and node.value in _NULLS:
            return None
        return node.value
    if id(node) in path:
        raise _LimitError(problem="an alias refers to a value that contains it",
                                   problem_mark=node.start_mark)
    inner = path | {id(node)}
    if len(inner) > limits.MAX_YAML_DEPTH:
        raise _too_deep(node.start_mark)
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*loc, i), lines, budget, inner)
                for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.MarkedYAMLError(problem="a key must be plain text",
                                           problem_mark=key_node.start_mark)
            key = key_node.value
            if key in out:
                raise yaml.MarkedYAMLError(problem=f"the key '{quote_text(key)}' is written twice",
                                           problem_mark=key_node.start_mark)
            out[key] = _build(value_node, (*loc, key), lines, budget, inner)
        return out
    raise yaml.MarkedYAMLError(problem="unsupported YAML node", problem_mark=node.start_mark)


def _too_deep(mark: Any) -> yaml.MarkedYAMLError:
    return _LimitError(
        problem=f"lists and mappings are nested more than {limits.MAX_YAML_DEPTH} deep",
        problem_mark=mark)


def _check_events(text: str, loader: Any = yaml.BaseLoader) -> None:
    """Bound nesting and size with PyYAML's event stream, which (unlike its composer) does
    not recurse: 3,000 nested brackets would otherwise end in a RecursionError."""
    depth = 0
    for events, event in enumerate(yaml.parse(text, Loader=loader), start=1):
        if events > limits.MAX_YAML_NODES * 2:
            raise _too_many(event.start_mark)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > limits.MAX_YAML_DEPTH:
                raise _too_deep(event.start_mark)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


#: The bidirectional overrides (LRO, RLO): they make a reader see letters in another order than
#: the text holds, so a child's name written backwards behind one shows as the name while every
#: check (identifiers, figures, words kept) reads it reversed. Marks and isolates, which
#: right-to-left languages need, reorder no letters and are left alone.
_OVERRIDES = re.compile("[\u202d\u202e]")


def _refuse_overrides(text: str, path: Path) -> None:
    found = _OVERRIDES.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise ReportgenError(
            f"line {line}, column {column}: a bidirectional override (U+{ord(found.group()):04X}) "
            "would show the text in another order than it is checked in; remove it", file=path)


def load_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Return the document at ``path`` (strings, lists, dicts, None) and a map of value lines."""
    text = read_text(path, limits.MAX_YAML_BYTES, "a YAML file")
    _refuse_overrides(text, path)
    fast = _with_libyaml(text)
    if fast is not None:
        return fast
    lines: dict[Loc, int] = {}
    try:
        _check_events(text)
        node = yaml.compose(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
        data = None if node is None else _build(node, (), lines, _Budget())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, " if mark is not None else ""
        problem = exc.problem or "invalid YAML"
        if isinstance(exc, _LimitError):
            raise ReportgenError(f"{where.rstrip(', ')}: {problem}" if where else problem,
                                 file=path) from None
        raise ReportgenError(f"{where}YAML syntax error: {problem}", file=path) from None
    except yaml.YAMLError as exc:
        raise ReportgenError(f"YAML syntax error: {quote_text(str(exc))}", file=path) from None
    except RecursionError:  # a guard: the event pass above should make this unreachable
        raise ReportgenError("YAML is nested too deeply", file=path) from None
    return data, lines


_C_LOADER = getattr(yaml, "CBaseLoader", None)  # libyaml's parser, when PyYAML was built with it


def _with_libyaml(text: str) -> tuple[Any, dict[Loc, int]] | None:
    """The document read with libyaml (several times faster than PyYAML's own parser, which
    reading report.yaml twice made a noticeable part of a render), or ``None``.

    Only a document that reads without any problem is taken from here: for anything else
    (a syntax error, a limit, a character PyYAML refuses) the caller reads it again with
    PyYAML's parser, so that every error is worded exactly as before. The same events and
    nodes come out of both parsers (libyaml is the one PyYAML's was ported from);
    tests/test_yamlload_libyaml.py compares them on every YAML file of the project.
    """
    if _C_LOADER is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    lines: dict[Loc, int] = {}
    try:
        _check_events(text, _C_LOADER)
        node = yaml.compose(text, Loader=_C_LOADER)  # noqa: S506 - builds no objects
        data = None if node is None else _build(node, (), lines, _Budget())
    except Exception:  # noqa: BLE001 - whatever it is, PyYAML's parser says it properly
        return None
    return data, lines
