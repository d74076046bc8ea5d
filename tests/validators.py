"""Independent validators the tests run over what reportgen writes.

A validator that is missing is a failure, never a skip: each is in the ``test`` extras
(``python -m pip install '.[test]'``), and a test that quietly stops checking has no value.
Each runs with this interpreter (``sys.executable -m …`` or an import), so a Python whose
virtual environment is not on the PATH still finds it.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import client_missing

EXTRAS_HINT = "install the test extras: python -m pip install '.[test]'"

# openxml-audit: the Microsoft 365 profile, strict policy, and its OOXML security checks.
AUDIT_ARGS = ("-f", "microsoft365", "--policy", "strict", "--ooxml-security", "-o", "json",
              "-m", "0")


def require_module(name: str, package: str) -> None:
    """Fail (not skip) when ``package`` is not installed."""
    if importlib.util.find_spec(name) is None:
        pytest.fail(f"{package} is not installed: {EXTRAS_HINT}", pytrace=False)


def audit_findings(path: Path) -> dict[str, list[str]]:
    """openxml-audit's findings, errors and warnings alike, for a .docx or a folder of them
    (searched recursively): ``{file: ["severity: description", …]}``, every file listed."""
    require_module("openxml_audit", "openxml-audit")
    args = [sys.executable, "-m", "openxml_audit", *AUDIT_ARGS]
    if path.is_dir():
        args.append("-r")
    done = subprocess.run([*args, str(path)], capture_output=True, text=True, timeout=600,
                          check=False, cwd=path if path.is_dir() else path.parent)
    try:
        reports = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"openxml-audit gave no report (exit {done.returncode}): "
                    f"{done.stderr[-500:]}", pytrace=False)
    out: dict[str, list[str]] = {}
    for report in reports:
        name = Path(path, report["file"]).relative_to(path) if path.is_dir() else path
        out[str(name)] = [f"{e['severity']}: {e['description']}"
                          for e in report.get("errors", [])]
    return out


def soffice() -> str:
    """The LibreOffice binary; missing is a skip on a developer's machine and a failure in
    CI (``CI=true``), where .ci/run installs it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        message = ("LibreOffice (soffice) is not installed: apt-get install "
                   "libreoffice-writer-nogui poppler-utils fonts-liberation")
        client_missing(message)
    return found


def page_failures(pdf: Path) -> list[str]:
    """page-validation's PDF/UA-1 failures: ``["rule: message", …]``."""
    require_module("page", "page-validation")
    import page

    report = page.validate_pdf(str(pdf), profile=page.ValidationProfile.PDF_UA_1)
    failures = [f"{f.rule_id}: {f.message}" for f in report.failures]
    if not report.is_compliant and not failures:
        failures.append("not PDF/UA-1 compliant (no failure listed)")
    return failures


def outloud_findings(pdf: Path) -> list[str]:
    """outloud's errors and warnings (PDF/UA-1 and WCAG 2.2 rules), and any rule that
    crashed or file it could not read: ``["severity rule: message", …]``."""
    require_module("outloud", "outloud")
    import outloud

    result: Any = outloud.check(str(pdf))
    found = [f"{f.severity} {f.rule}: {f.message} (page {f.page}, {f.evidence})"
             for f in result.findings if f.severity in ("error", "warning")]
    found += [f"crashed {r.rule}: {r.reason}" for r in result.runs if r.status == "crashed"]
    if result.error:
        found.append(f"unreadable: {result.error}")
    return found


def outloud_warnings(pdf: Path) -> list[tuple[str, int | None, str]]:
    """outloud's warnings as ``(rule, page, "message (evidence)")``, for tests that look at
    one rule's findings page by page."""
    require_module("outloud", "outloud")
    import outloud

    result: Any = outloud.check(str(pdf))
    return [(f.rule, f.page, f"{f.message} ({f.evidence})")
            for f in result.findings if f.severity == "warning"]


def structure_tables(pdf: Path) -> list[dict[str, Any]]:
    """Every /Table of the PDF's structure tree, read with pikepdf (not outloud): its rows
    (``/TR``, also inside /THead, /TBody, /TFoot), its header and data cells, and the pages
    (1-based) its cells' content is on, from each element's /Pg or its marked content's."""
    require_module("pikepdf", "pikepdf (installed with outloud)")
    import pikepdf

    def kids(element: Any) -> list[Any]:
        k = element.get("/K")
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def elements(element: Any) -> list[Any]:
        return [k for k in kids(element) if isinstance(k, pikepdf.Dictionary) and "/S" in k]

    tables: list[dict[str, Any]] = []
    with pikepdf.open(pdf) as doc:
        index = {page.obj.objgen: n for n, page in enumerate(doc.pages, start=1)}

        def pages_of(element: Any, inherited: int | None) -> set[int]:
            page = element.get("/Pg")
            here = index.get(page.objgen) if page is not None else inherited
            found = {here} if here is not None and any(
                not isinstance(k, pikepdf.Dictionary) or "/MCID" in k for k in kids(element)
            ) else set()
            for child in elements(element):
                found |= pages_of(child, here)
            return found

        def rows_of(element: Any) -> list[Any]:
            out = []
            for child in elements(element):
                if child.S == pikepdf.Name.TR:
                    out.append(child)
                elif child.S in (pikepdf.Name.THead, pikepdf.Name.TBody, pikepdf.Name.TFoot):
                    out += rows_of(child)
            return out

        def walk(element: Any) -> None:
            if element.get("/S") == pikepdf.Name.Table:
                rows = rows_of(element)
                cells = [c.S for r in rows for c in elements(r)]
                tables.append({"rows": len(rows), "th": cells.count(pikepdf.Name.TH),
                               "td": cells.count(pikepdf.Name.TD),
                               "pages": pages_of(element, None)})
            for child in elements(element):
                walk(child)

        for top in elements(doc.Root.StructTreeRoot):
            walk(top)
    return tables
