"""Running the checks: every registered function of the scopes a call has the inputs for."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import budget
from reportgen.checks.docx_view import DocxView
from reportgen.checks.findings import CheckReport, Finding
from reportgen.checks.registry import CHECKS, RULES, CheckContext, Scope

if TYPE_CHECKING:
    from reportgen.pipeline import LoadedReport
    from reportgen.render.docx import RenderResult
    from reportgen.styles import HouseStyle


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


def check_bundle(bundle_dir: str | Path, style: str | HouseStyle | None = None) -> CheckReport:
    """Load a bundle, render it in memory and run every rule (through
    :func:`reportgen.pipeline.produce`, without its gate: errors are findings here).

    A bundle that cannot be loaded or rendered raises its :class:`ReportgenError`.
    """
    from reportgen.pipeline import produce

    return CheckReport(str(bundle_dir), produce(bundle_dir, style=style, gate=False).findings)
