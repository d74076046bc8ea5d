"""``reportgen check --fix`` (reportgen/fix.py): typed figures become the expressions that
print them, and nothing else in report.yaml changes.

Every fixture bundle is tried in a hand-typed form made here (each figure expression of its
narrative replaced by what it prints), so that --fix has figures to change whatever a
fixture's own wording is; the hostile cases use a generated bundle whose figures are chosen
to be distinct (or, on purpose, equal).
"""

from __future__ import annotations

import csv
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from tests.helpers import FIXTURES

BUNDLES = sorted(p.parent.name for p in FIXTURES.glob("*/report.yaml"))
# An expression that prints one figure on one line (the filters that write numbers).
_FIGURE_EXPRESSION = re.compile(
    r"\{\{[^{}\n]*?(?:\|\s*(?:money|number|percent|thousands)\b|\.count\s*\}\}|"
    r"\|\s*length\s*\}\})[^{}\n]*?\}\}")


def _produced(folder: Path) -> Any:
    from reportgen.pipeline import produce

    return produce(folder, gate=False)


def _reader_text(produced: Any) -> str:
    from reportgen.checks.docx_view import DocxView

    return DocxView.from_bytes(produced.result.docx).reader_text


def _printer(produced: Any) -> Any:
    """What an expression prints in this document (its names, with its disclosure plan)."""
    from reportgen import disclosure
    from reportgen.context import make_environment, narrative_names

    plan = produced.result.plan
    env = make_environment(produced.result.style, autoescape=False)
    names = narrative_names(produced.loaded.bundle, produced.loaded.metrics,
                            protect=lambda n: disclosure.protect_names(n, plan))
    return lambda expression: env.from_string(expression).render(names)


def hand_typed_copy(source: Path, target: Path) -> int:
    """``source`` copied to ``target`` with each figure expression replaced by the text it
    prints (as an officer would have typed it); returns how many were replaced."""
    shutil.copytree(source, target)
    printed = _printer(_produced(target))
    path = target / "report.yaml"
    count = 0

    def typed(m: re.Match[str]) -> str:
        nonlocal count
        try:
            out = printed(m.group(0))
        except Exception:  # noqa: BLE001 - a name only the whole document has: kept
            return m.group(0)
        if "\n" in out or not re.search(r"\d", out) or re.search(r"[{}]", out):
            return m.group(0)
        count += 1
        return out

    path.write_bytes(_FIGURE_EXPRESSION.sub(typed, path.read_text(encoding="utf-8"))
                     .encode("utf-8"))
    return count


def run_check(folder: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["check", str(folder), *args])


def fixed(folder: Path) -> dict[str, Any]:
    """``check --fix --format json`` on ``folder``: its JSON."""
    result = run_check(folder, "--fix", "--format", "json")
    assert result.exit_code in (0, 2), result.output
    return json.loads(result.output)


def hand_typed(folder: Path) -> list[str]:
    from reportgen.api import check_bundle

    return [f.line() for f in check_bundle(folder).findings if f.rule == "figures.hand-typed"]


def _comments(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")
            or " #" in line]


@pytest.mark.parametrize("name", BUNDLES)
def test_fix_on_every_fixture(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    replaced = hand_typed_copy(FIXTURES / name, folder)
    before_text = (folder / "report.yaml").read_text(encoding="utf-8")
    before = _produced(folder)
    warned = [f for f in before.findings if f.rule == "figures.hand-typed"]

    data = fixed(folder)
    after_text = (folder / "report.yaml").read_text(encoding="utf-8")
    changes, alone = data["fixed"], data["left_alone"]
    # Every figure warned of is changed or said to be left alone (a change can make the
    # checker read a neighbour anew: more may be changed than were warned of).
    assert len(changes) + len(alone) >= len(warned), (replaced, warned, alone)
    # Only the changed lines differ, each by exactly its listed changes; so every comment,
    # key, quote and line break is where it was.
    old_lines, new_lines = before_text.split("\n"), after_text.split("\n")
    assert len(old_lines) == len(new_lines)
    by_line: dict[int, list[dict[str, Any]]] = {}
    for change in changes:
        by_line.setdefault(change["line"], []).append(change)
        assert change["file"] == str(folder / "report.yaml")
    for i, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), start=1):
        expected = old
        for change in by_line.get(i, []):
            assert change["old"] in expected, (i, change)
            at = expected.index(change["old"])
            expected = expected[:at] + change["new"] + expected[at + len(change["old"]):]
        if i in by_line:  # several changes on a line: in the order they are written
            assert sorted(expected) == sorted(new), (i, old, new)
        else:
            assert new == old, i
    assert _comments(after_text) == _comments(before_text)

    after = _produced(folder)
    assert _reader_text(after) == _reader_text(before)
    # No hand-typed warning is left but for the figures --fix said it left alone.
    left = [f.line() for f in after.findings if f.rule == "figures.hand-typed"]
    assert len(left) <= len(alone), left
    for line in left:
        assert any(f"'{a['text']}" in line or a["text"] in line for a in alone), line
    # A second --fix finds nothing more to change.
    again = fixed(folder)
    assert again["fixed"] == []
    assert (folder / "report.yaml").read_text(encoding="utf-8") == after_text


def test_fixture_copies_have_figures_to_change(tmp_path: Path) -> None:
    # The fixture test above must not pass by having nothing to do: Rotherham's copy types
    # its budget lines and an average cost, each one figure of its data.
    folder = tmp_path / "rotherham"
    assert hand_typed_copy(FIXTURES / "rotherham-2010-commissioning", folder) >= 10
    warned = hand_typed(folder)
    data = fixed(folder)
    assert len(data["fixed"]) >= 5, data
    assert {c["old"] for c in data["fixed"]} >= {"£875", "£2,457,373"}
    assert len(hand_typed(folder)) < len(warned)
