"""Bidirectional overrides are refused in YAML; the marks and isolates right-to-left
languages need are read as text (reportgen/yamlload.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportgen.errors import ReportgenError
from reportgen.yamlload import load_yaml


@pytest.mark.parametrize("override", ["\u202d", "\u202e"])
def test_an_override_is_refused_with_its_line_and_column(tmp_path: Path, override: str) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(f"council: Westshire\nsummary: Placed with {override}ymA.\n",
                    encoding="utf-8")
    with pytest.raises(ReportgenError) as info:
        load_yaml(path)
    assert str(info.value).startswith(f"{path}: line 2, column 22: a bidirectional override "
                                      f"(U+{ord(override):04X})")


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u2067", "\u2069", "\u202b", "\u202c"])
def test_marks_isolates_and_embeddings_are_text(tmp_path: Path, mark: str) -> None:
    path = tmp_path / "report.yaml"
    path.write_text(f"summary: Interpreters for {mark}العربية{mark} speakers.\n", encoding="utf-8")
    data, _ = load_yaml(path)
    assert data == {"summary": f"Interpreters for {mark}العربية{mark} speakers."}
