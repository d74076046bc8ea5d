"""libyaml, used to read YAML that has no problem (reportgen/yamlload.py), gives the same
values and lines as PyYAML's own parser, and a document it cannot take is read by PyYAML's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reportgen import yamlload
from reportgen.errors import ReportgenError

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[tuple[str, str]]:
    found = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
             for pattern in ("fixtures/**/*.yaml", "reportgen/**/*.yaml", "tests/**/*.yaml",
                             "examples/**/*.yaml", "docs/**/*.yaml")
             for p in sorted(ROOT.glob(pattern))]
    # The YAML the bad-input corpus writes into bundles (report.yaml, build.yaml, ...).
    for name, text in list(found):
        if name.startswith("tests/bad_inputs/"):
            for case in yaml.safe_load(text) or []:
                for file, content in (case.get("write") or {}).items():
                    if str(file).endswith((".yaml", ".yml")) and isinstance(content, str):
                        found.append((f"{name}:{case.get('name')}:{file}", content))
    return found


TEXTS = [*_texts(), ("inline: plain nulls", "a:\nb: ~\nc: null\nd: ''\ne: \"\"\nf: [~, '', x]\n")]


def _pyyaml(text: str) -> tuple[Any, dict[Any, int]]:
    lines: dict[Any, int] = {}
    yamlload._check_events(text)
    node = yaml.compose(text, Loader=yaml.BaseLoader)  # noqa: S506
    return (None if node is None else yamlload._build(node, (), lines, yamlload._Budget()),
            lines)


def test_there_is_yaml_to_compare() -> None:
    assert len(TEXTS) > 20


@pytest.mark.parametrize(("name", "text"), TEXTS, ids=[n for n, _ in TEXTS])
def test_libyaml_reads_what_pyyaml_reads(name: str, text: str) -> None:
    fast = yamlload._with_libyaml(text)
    try:
        slow = _pyyaml(text)
    except (yaml.YAMLError, RecursionError):
        assert fast is None, name  # refused by PyYAML: libyaml must not accept it
        return
    if name.startswith("fixtures/"):
        assert fast is not None, name  # the fast path is the one a clean bundle takes
    if fast is not None:
        assert fast == slow, name


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # a key written twice
    "a: [1, 2\n",  # unclosed
    "a: \x07\n",  # a character PyYAML refuses
    "a: &x [*x]\n",  # an alias inside itself
    "- " * 200 + "x\n",  # nested too deep
])
def test_a_document_with_a_problem_gets_pyyaml_s_error(tmp_path: Path, text: str) -> None:
    assert yamlload._with_libyaml(text) is None
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError):
        yamlload.load_yaml(path)
