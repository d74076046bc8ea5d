"""Every name a narrative may use, with its value in this bundle and the expression to copy.

The names are the document's own (:func:`reportgen.context.narrative_names` through the
document's disclosure plan), walked down to plain values: a suppressed figure shows its symbol,
a name a public report may not print is left out. Where the figure checker knows a name as a
headline figure (:mod:`reportgen.checks.vocabulary`) its expression carries the filter that
prints it (``| money``) and its label; every value shown is what that expression prints.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

#: At most this many names are listed (a bundle with hundreds of budget lines stays usable).
MAX_NAMES = 3000
_MAX_DEPTH = 8
_MAX_ITEMS = 5  # of a plain list (placements.top[0] …): the first few, enough to show the shape


@dataclass(frozen=True)
class NameEntry:
    name: str  # budget.total.variance
    expression: str  # {{ budget.total.variance | money }}
    value: str  # what the expression prints in this bundle
    label: str = ""  # the checker's words for the figure, if it is one


def _key(key: Any) -> str:
    return f"[{json.dumps(key, ensure_ascii=False)}]" if isinstance(key, str) else f"[{key}]"


def _walk(value: Any, path: str, out: list[tuple[str, Any]], depth: int) -> None:
    from reportgen.disclosure import Suppressed, Withheld
    from reportgen.metrics.keyed import KeyedSequence
    from reportgen.sandbox import PeriodValue, Record, record_fields

    if len(out) >= MAX_NAMES or depth > _MAX_DEPTH or isinstance(value, Withheld):
        return
    if isinstance(value, Suppressed | PeriodValue | str | int | float | bool) or value is None:
        out.append((path, value))
    elif isinstance(value, Record):
        for name, child in record_fields(value).items():
            _walk(child, f"{path}.{name}", out, depth + 1)
    elif isinstance(value, KeyedSequence):
        keys = list(object.__getattribute__(value, "_index"))
        for key in keys:
            _walk(value[key], f"{path}{_key(key)}", out, depth + 1)
        if not keys:
            for i, child in enumerate(object.__getattribute__(value, "_items")[:_MAX_ITEMS]):
                _walk(child, f"{path}[{i}]", out, depth + 1)
    elif isinstance(value, Mapping):
        for key, child in value.items():
            _walk(child, f"{path}{_key(key)}", out, depth + 1)
    elif isinstance(value, list | tuple):
        for i, child in enumerate(value[:_MAX_ITEMS]):
            _walk(child, f"{path}[{i}]", out, depth + 1)
    elif not callable(value):
        out.append((path, value))  # a date and the like: printed as the document prints it


def usable_names(names: Mapping[str, Any], figures: list[Any],
                 show: Callable[[str], str]) -> list[NameEntry]:
    """The entries of the names panel, in the order the narrative's namespace has them.

    ``figures`` are :class:`reportgen.checks.vocabulary.Figure` objects (the document's shown
    figures); ``show(expression)`` renders one expression the way the narrative would (a
    problem rendering it is shown as its one-line message, never raised)."""
    leaves: list[tuple[str, Any]] = []
    for name, value in names.items():
        _walk(value, name, leaves, 0)
    known: dict[str, Any] = {}
    for figure in figures:
        inner = figure.expression.strip().removeprefix("{{").removesuffix("}}")
        known.setdefault(inner.split("|")[0].strip(), figure)
    out = []
    for path, _ in leaves:
        figure = known.get(path)
        expression = figure.expression if figure is not None else "{{ " + path + " }}"
        out.append(NameEntry(path, expression, show(expression),
                             figure.label if figure is not None else ""))
    return out
