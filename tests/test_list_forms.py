"""Lists the form numbers (issue 25): style.yaml ``enclosures`` prints the enclosures joined
with commas (the default), one a line, or numbered "1. …", in the template's own place
and in the details table of a template that does not print them itself."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from reportgen import formatting
from reportgen.errors import ReportgenError
from reportgen.pipeline import produce
from reportgen.styles import copy_style, resolve_style

from .helpers import FIXTURES

ENCLOSURES = ["Appendix A – Placement data 2016/17", "Appendix B – Savings tracker"]


def cell_texts(docx: bytes) -> list[str]:
    """Every table cell's text, a line break read as a new line."""
    doc = Document(io.BytesIO(docx))
    out = []
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                out.append("\n".join(p.text for p in cell.paragraphs))
    return out


def harrow(tmp_path: Path, style_yaml: dict[str, Any], template_from: str) -> Path:
    bundle = tmp_path / "harrow"
    shutil.copytree(FIXTURES / "harrow-2016-high-cost-placements", bundle)
    data = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    data["report"]["enclosures"] = ENCLOSURES
    data["style"] = "./house"
    (bundle / "report.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    (bundle / "house").mkdir()
    (bundle / "house" / "style.yaml").write_text(
        yaml.safe_dump({"template_from": template_from, **style_yaml}), encoding="utf-8")
    return bundle


@pytest.mark.parametrize("template_from", ["cover-sheet", "council-form"])
def test_enclosures_numbered_one_a_line(tmp_path: Path, template_from: str) -> None:
    bundle = harrow(tmp_path, {"enclosures": "numbered"}, template_from)
    produced = produce(bundle, gate=False)
    cells = cell_texts(produced.result.docx)
    assert "1. Appendix A – Placement data 2016/17\n2. Appendix B – Savings tracker" in cells
    assert not any("Placement data 2016/17, Appendix B" in c for c in cells)
    assert not [f for f in produced.errors if f.rule.startswith("content.")]


def test_enclosures_default_to_commas_and_lines_is_one_a_line(tmp_path: Path) -> None:
    produced = produce(harrow(tmp_path / "a", {}, "cover-sheet"), gate=False)
    assert ", ".join(ENCLOSURES) in cell_texts(produced.result.docx)
    produced = produce(harrow(tmp_path / "b", {"enclosures": "lines"}, "cover-sheet"),
                       gate=False)
    assert "\n".join(ENCLOSURES) in cell_texts(produced.result.docx)


def test_listed_forms() -> None:
    assert formatting.listed(["A", "B  c"]) == "A, B c"
    assert formatting.listed(["A", "B"], "lines") == "A\nB"
    assert formatting.listed(["A", "B"], "numbered") == "1. A\n2. B"
    with pytest.raises(ReportgenError, match="unknown list form 'roman'"):
        formatting.listed(["A"], "roman")


def test_unknown_enclosures_form_is_a_friendly_error(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text("template_from: cover-sheet\n"
                                               "enclosures: bullets\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        resolve_style(str(tmp_path / "s"))
    assert caught.value.message == ("enclosures must be one of commas, lines, numbered, "
                                    "got 'bullets'")
    assert str(caught.value.file) == str(tmp_path / "s" / "style.yaml")


def test_a_copied_style_lists_the_option(tmp_path: Path) -> None:
    copy_style("cover-sheet", tmp_path / "ours")
    text = (tmp_path / "ours" / "style.yaml").read_text(encoding="utf-8")
    assert "# enclosures: commas (A, B) | lines (one a line) | numbered" in text
