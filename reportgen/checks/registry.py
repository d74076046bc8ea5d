"""The rule registry: every rule defined once (:func:`define`), every check function
registered with the scope it needs (:func:`check`), and what a check function may read
(:class:`CheckContext`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportgen.checks.findings import Finding, Rule, Scope, Severity

if TYPE_CHECKING:
    from reportgen.bundle import Bundle
    from reportgen.checks.docx_view import DocxView
    from reportgen.pipeline import LoadedReport
    from reportgen.render.docx import RenderResult

RULES: dict[str, Rule] = {}

CheckFunction = Callable[["CheckContext"], Iterable[Finding]]
#: Every check function with the scope it needs.
CHECKS: list[tuple[Scope, CheckFunction]] = []


def define(rule_id: str, severity: Severity, summary: str, scope: Scope) -> Rule:
    """Register a rule; its id must be new and look like ``family.name``."""
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} is defined twice")
    if not re.fullmatch(r"[a-z]+\.[a-z0-9-]+", rule_id):
        raise ValueError(f"rule id {rule_id!r} is not of the form family.name")
    RULES[rule_id] = Rule(rule_id, severity, summary, scope)
    return RULES[rule_id]


def check(scope: Scope) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function that needs ``scope`` (see the module docstring)."""

    def register(fn: CheckFunction) -> CheckFunction:
        CHECKS.append((scope, fn))
        return fn

    return register


def iter_rules(family: str | None = None) -> Iterator[Rule]:
    """Every rule (of one family), in definition order."""
    return (r for r in RULES.values() if family is None or r.family == family)


# The families register their rules on import; they need the names above, so come last.


@dataclass
class CheckContext:
    """What a check function may read. ``loaded`` is None for :func:`check_docx`."""

    loaded: LoadedReport | None = None
    result: RenderResult | None = None
    doc: DocxView | None = None

    @property
    def bundle(self) -> Bundle:
        if self.loaded is None:
            raise RuntimeError("this check needs a loaded bundle")
        return self.loaded.bundle
