"""Read YAML as plain strings, remembering where each value was written.

YAML 1.1 guesses types: ``no`` becomes ``False``, ``2016-10-25`` a date and ``0208`` an octal
number. A committee paper cannot afford those guesses, so every scalar is read as text and the
typed models (pydantic) say what each field is. The line of every value is kept so that a
validation error can point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import ReportgenError

# A scalar written as one of these (unquoted) means "no value".
_NULLS = {"", "~", "null", "Null", "NULL"}

Loc = tuple[str | int, ...]


def _build(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value in _NULLS:
            return None
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_build(child, (*loc, i), lines) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.MarkedYAMLError(problem="a key must be plain text",
                                           problem_mark=key_node.start_mark)
            key = key_node.value
            if key in out:
                raise yaml.MarkedYAMLError(problem=f"the key '{key}' is written twice",
                                           problem_mark=key_node.start_mark)
            out[key] = _build(value_node, (*loc, key), lines)
        return out
    raise yaml.MarkedYAMLError(problem="unsupported YAML node", problem_mark=node.start_mark)


def load_yaml(path: Path) -> tuple[Any, dict[Loc, int]]:
    """Return the document at ``path`` (strings, lists, dicts, None) and a map of value lines."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ReportgenError("file not found", file=path) from None
    except UnicodeDecodeError:
        raise ReportgenError("not a UTF-8 text file", file=path) from None
    except OSError as exc:
        raise ReportgenError(f"could not read the file: {exc.strerror}", file=path) from None
    lines: dict[Loc, int] = {}
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
        data = None if node is None else _build(node, (), lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, " if mark is not None else ""
        problem = exc.problem or "invalid YAML"
        raise ReportgenError(f"{where}YAML syntax error: {problem}", file=path) from None
    except yaml.YAMLError as exc:
        raise ReportgenError(f"YAML syntax error: {exc}", file=path) from None
    return data, lines
