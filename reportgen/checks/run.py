"""Running the checks: every registered function of the scopes a call has the inputs for.

The checks take what they judge (a loaded report, its rendered result, a .docx) and never
drive the pipeline: loading and rendering a bundle to check it is
:func:`reportgen.api.check_bundle`'s (tests/test_check_fix.py holds the line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportgen import budget
from reportgen.checks.docx_view import DocxView
from reportgen.checks.findings import Finding
from reportgen.checks.registry import CHECKS, RULES, CheckContext, Scope

if TYPE_CHECKING:
    from reportgen.pipeline import LoadedReport
    from reportgen.render.docx import RenderResult


def _run(ctx: CheckContext, scopes: set[Scope]) -> list[Finding]:
    found: list[Finding] = []
    for scope, fn in CHECKS:
        if scope in scopes:
            budget.check("checking the report")  # the command's one deadline
            found.extend(fn(ctx))
    # Errors first; within a severity, the order the rules are defined in.
    order = {rule_id: i for i, rule_id in enumerate(RULES)}
    return sorted(found, key=lambda f: (f.severity != "error", order.get(f.rule, 0)))


def run_checks(loaded: LoadedReport, result: RenderResult | None = None) -> list[Finding]:
    """Bundle rules always; document and .docx rules too when a rendered result is given."""
    if result is None:
        return _run(CheckContext(loaded), {"bundle"})
    doc = DocxView.from_bytes(result.docx)
    return _run(CheckContext(loaded, result, doc), {"bundle", "document", "docx"})


def check_docx(data: bytes, name: str = "the document") -> list[Finding]:
    """Accessibility and table arithmetic of any .docx (no bundle needed)."""
    return _run(CheckContext(doc=DocxView.from_bytes(data, name)), {"docx"})

