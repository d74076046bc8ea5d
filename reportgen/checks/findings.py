"""What a check reports: findings, the rules they belong to, and the whole check's outcome."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from reportgen.errors import ReportgenError, and_more

Severity = Literal["error", "warning"]
Scope = Literal["bundle", "document", "docx"]


@dataclass(frozen=True)
class Finding:
    """One problem found in a report, with where it is and how to put it right."""

    rule: str
    severity: Severity
    message: str
    where: str | None = None
    fix: str | None = None

    def line(self) -> str:
        """``error figures.literal-mismatch: sections.report: message (fix: …)``."""
        where = f"{self.where}: " if self.where else ""
        fix = f" (fix: {self.fix})" if self.fix else ""
        text = " ".join(f"{where}{self.message}{fix}".split())  # always one line
        return f"{self.severity} {self.rule}: {text}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Rule:
    """A named rule: its id (``family.name``), usual severity and a one-line summary.

    ``scope`` says what the rule reads: ``bundle`` (report.yaml and data), ``document`` (the
    bundle and the document rendered from it) or ``docx`` (any .docx on its own).
    """

    id: str
    severity: Severity
    summary: str
    scope: Scope

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def finding(self, message: str, *, where: str | None = None, fix: str | None = None,
                severity: Severity | None = None) -> Finding:
        """A finding of this rule (``severity`` overrides the rule's usual one)."""
        return Finding(self.id, severity or self.severity, message, where, fix)


class HasFindings:
    """Errors and warnings of anything that holds ``findings`` (a check report, a produced
    report, a failed gate)."""

    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


@dataclass
class CheckReport(HasFindings):
    """Every finding for one bundle (or .docx), errors first."""

    bundle: str
    findings: list[Finding] = field(default_factory=list)

    def exit_code(self, strict: bool = False) -> int:
        """2 with errors; 1 with warnings under ``strict``; otherwise 0."""
        if self.errors:
            return 2
        if strict and self.warnings:
            return 1
        return 0

    def summary(self) -> str:
        """``2 errors, 1 warning`` or ``no problems found``."""
        n_err, n_warn = len(self.errors), len(self.warnings)
        if not n_err and not n_warn:
            return "no problems found"
        return (f"{n_err} error{'s' if n_err != 1 else ''}, "
                f"{n_warn} warning{'s' if n_warn != 1 else ''}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "bundle": self.bundle,
            "findings": [f.to_dict() for f in self.findings],
            "errors": len(self.errors),
            "warnings": len(self.warnings),
        }


class ChecksFailed(HasFindings, ReportgenError):
    """Error findings that stop a report from being written (``render``, ``pack``, ``build``).

    One type, one wording: the first error, then "and N more" once. ``findings`` keeps every
    finding (warnings too) so that a caller can print them all or return them as JSON.
    """

    def __init__(self, findings: list[Finding], where: str | None = None) -> None:
        self.findings = list(findings)
        self.where = where
        super().__init__(self._summary())

    def line(self) -> str:
        return self._summary()

    def _summary(self) -> str:
        errors = self.errors
        first = errors[0].line().removeprefix("error ") if errors else "checks failed"
        where = f"{self.where}: " if self.where else ""
        return and_more(f"{where}{first}", max(len(errors) - 1, 0))
