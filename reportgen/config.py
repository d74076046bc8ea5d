"""Typed YAML files (report.yaml, agenda.yaml, build.yaml) with friendly validation errors.

Each file is a pydantic model built on :class:`Model`. :func:`validate_yaml` turns every
validation problem into one line that names the file and the line of the value, with a "did
you mean" for a misspelt field or choice, and raises them all at once.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from reportgen import limits
from reportgen.errors import ReportgenError, ReportgenErrors, quote, quote_text
from reportgen.yamlload import Loc

M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base for every part of a YAML file: unknown keys are errors, values are not coerced
    beyond what the field's type says."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as ``list[Contact] | None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    return None


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model whose fields apply at ``loc`` (for "did you mean")."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None or isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        model = inner_model(field.annotation)
    return model


def _suggest(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def friendly_message(err: dict[str, Any], root: type[BaseModel], file_name: str) -> str:
    """One pydantic error as a sentence an officer can act on."""
    loc = tuple(err["loc"])
    # Positions count from 1 for people: clearance[2].role is the second officer.
    field = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc)
    # Field paths are written by the user too (a key may be anything): cut and escaped.
    field = quote_text(field.lstrip(".") or file_name, 2 * limits.MAX_QUOTED_CHARS)
    kind, got = err["type"], err.get("input")
    shown = quote(got)
    if kind == "extra_forbidden":
        parent = model_at(root, loc[:-1])
        fields = parent.model_fields if parent else {}
        # Fields the program fills in itself (exclude=True, such as the file's own path) are
        # not for writing.
        known = [k for k, f in fields.items() if not f.exclude]
        guess = _suggest(str(loc[-1]), known)
        hint = f": did you mean '{guess}'?" if guess else f" (expected one of: {', '.join(known)})"
        return f"unknown field '{field}'{hint}"
    if kind == "missing" or (kind == "string_type" and got is None):
        return f"{field}: this field is required" + ("" if kind == "missing" else " (it is empty)")
    if kind == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", ""))
        guess = _suggest(str(got)[:200], re.findall(r"'([^']*)'", expected))
        hint = f" (did you mean '{guess}'?)" if guess else ""
        return f"{field}: expected {expected}, got {shown}{hint}"
    if kind.startswith("bool"):
        return f"{field}: expected yes or no, got {shown}"
    if kind.startswith("int"):
        return f"{field}: expected a whole number, got {shown}"
    if kind == "too_short":
        return f"{field}: needs at least one item"
    if kind in {"list_type", "dict_type", "model_type"}:
        shape = "a list" if kind == "list_type" else "a mapping"
        return f"{field}: expected {shape} of values, got {shown}"
    if kind in {"greater_than_equal", "less_than_equal"}:
        low = kind == "greater_than_equal"
        limit = err.get("ctx", {}).get("ge" if low else "le")
        bound = "at least" if low else "at most"
        return f"{field}: must be {bound} {limit}, got {shown}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{field}: {msg}"


def line_for(loc: tuple[str | int, ...], lines: dict[Loc, int]) -> int | None:
    """The line of the value at ``loc``, or of its nearest written parent."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def validate_yaml(model: type[M], data: dict[str, Any], file: Path,
                  lines: dict[Loc, int] | None = None) -> M:
    """Validate ``data`` read from ``file`` as ``model``; every problem becomes one line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            line = line_for(tuple(err["loc"]), lines or {})
            prefix = f"line {line}: " if line else ""
            message = friendly_message(dict(err), model, file.name)
            errors.append(ReportgenError(prefix + message, file=file))
        raise ReportgenErrors(errors) from None
