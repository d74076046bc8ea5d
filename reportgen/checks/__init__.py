"""Checks a report before publication: named rules that each yield findings.

>>> from reportgen.api import check_bundle
>>> report = check_bundle("fixtures/harrow-2016-high-cost-placements")
>>> [f.line() for f in report.errors]
[]

Every rule is defined once with :func:`define` (id, usual severity, one-line summary, scope)
and every check function is registered with :func:`check`, so ``docs/checks.md`` and the tests
can list them all from :data:`RULES`. Rules live in one module per family: ``figures`` (and
``tables``, its table arithmetic, and ``identities``, figures that must agree with each
other), ``dates``, ``content``, ``disclosure`` and ``accessibility``.

Scopes: ``bundle`` rules read report.yaml and the data; ``document`` rules also read the
rendered document; ``docx`` rules read only a .docx, so :func:`check_docx` can run them on a
ready-made document (for example one in an agenda pack).
(The registry is :mod:`reportgen.checks.registry`, the reader of a .docx
:mod:`reportgen.checks.docx_view`, the runner :mod:`reportgen.checks.run`.)

The checks judge what they are given and never load or render: ``check_bundle``, which does
both, is :func:`reportgen.api.check_bundle` (still reachable here by its old name).
"""

from __future__ import annotations

from typing import Any

from reportgen.checks.docx_view import DocTable, DocxView
from reportgen.checks.findings import CheckReport, Finding, Rule
from reportgen.checks.registry import CHECKS, RULES, CheckContext, check, define, iter_rules
from reportgen.checks.run import check_docx, run_checks

__all__ = [
    "CHECKS",
    "FAMILIES",
    "RULES",
    "CheckContext",
    "CheckReport",
    "DocTable",
    "DocxView",
    "Finding",
    "Rule",
    "check",
    "check_bundle",
    "check_docx",
    "define",
    "iter_rules",
    "run_checks",
]

# The families register their rules on import, in this order (the order findings sort in).
from reportgen.checks import figures  # noqa: E402, I001
from reportgen.checks import tables  # noqa: E402
from reportgen.checks import identities  # noqa: E402
from reportgen.checks import dates  # noqa: E402
from reportgen.checks import content  # noqa: E402
from reportgen.checks import disclosure  # noqa: E402
from reportgen.checks import accessibility  # noqa: E402

FAMILIES = (figures, tables, identities, dates, content, disclosure, accessibility)


def __getattr__(name: str) -> Any:
    """``reportgen.checks.check_bundle``, the old home of :func:`reportgen.api.check_bundle`:
    looked up only when asked for, so importing the checks never imports the pipeline."""
    if name == "check_bundle":
        from reportgen.api import check_bundle

        return check_bundle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
