"""What the commands print: the library hands back objects, and only this module and the
commands turn them into lines or JSON.

``--format json`` gives one object of the same shape for every command (docs/checks.md,
"Output for scripts"): ``command``, ``source``, ``exit_code``, ``error``, ``findings`` (as
``reportgen check`` lists them, with ``item`` for a pack item or build job), ``errors``,
``warnings``, ``written`` and ``failures`` (the failed jobs of a build).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from reportgen.checks.findings import Finding

    # A pack still words its messages as lines; they are listed as warnings.
    Reported = Finding | str


def finding_dict(finding: Reported, item: str | None = None) -> dict[str, Any]:
    """A finding as ``reportgen check --format json`` lists it (``item`` added if given)."""
    if isinstance(finding, str):
        data: dict[str, Any] = {"rule": None, "severity": "warning", "message": finding,
                                "where": None, "fix": None}
    else:
        data = finding.to_dict()
    if item is not None:
        data["item"] = item
    return data


def result_json(command: str, source: str | Path, *, exit_code: int,
                findings: Iterable[dict[str, Any]] = (), written: Sequence[Path] = (),
                error: str | None = None, failures: Sequence[dict[str, Any]] = (),
                **extra: Any) -> str:
    listed = list(findings)
    data = {
        "command": command,
        "source": str(source),
        **extra,
        "exit_code": exit_code,
        "error": error,
        "findings": listed,
        "errors": sum(1 for f in listed if f["severity"] == "error"),
        "warnings": sum(1 for f in listed if f["severity"] == "warning"),
        "written": [str(p) for p in written],
        "failures": list(failures),
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def echo_lines(lines: Iterable[str], *, err: bool = False) -> None:
    for line in lines:
        click.echo(line, err=err)


def line_of(finding: Reported) -> str:
    return finding if isinstance(finding, str) else finding.line()
