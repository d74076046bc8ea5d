"""Date forms per field (issue 25): every printed date follows the style's date_style, and
style.yaml date_styles gives the meeting date or the clearance dates a form of their own
(the templates no longer hard-code a form: no "13/10/16" whatever date_style says)."""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from reportgen import formatting
from reportgen.errors import ReportgenError
from reportgen.pipeline import produce
from reportgen.styles import resolve_style

from .helpers import FIXTURES

CLEARED = date(2016, 10, 13)  # the Harrow fixture's clearance dates
MEETING = date(2016, 10, 25)


def all_text(docx: bytes) -> str:
    doc = Document(io.BytesIO(docx))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in doc.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


def harrow(tmp_path: Path, style_yaml: dict[str, Any]) -> str:
    bundle = tmp_path / "harrow"
    shutil.copytree(FIXTURES / "harrow-2016-high-cost-placements", bundle)
    data = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    data["style"] = "./house"
    (bundle / "report.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True),
                                        encoding="utf-8")
    (bundle / "house").mkdir()
    (bundle / "house" / "style.yaml").write_text(yaml.safe_dump(style_yaml), encoding="utf-8")
    produced = produce(bundle, gate=False)
    assert not [f for f in produced.errors if f.rule.startswith("content.")]
    return all_text(produced.result.docx)


@pytest.mark.parametrize("template_from", ["cover-sheet", "council-form"])
@pytest.mark.parametrize("form", ["dotted", "slashed", "plain", "capitals"])
def test_clearance_dates_follow_date_style(tmp_path: Path, template_from: str,
                                           form: str) -> None:
    text = harrow(tmp_path, {"template_from": template_from, "date_style": form})
    assert formatting.long_date(CLEARED, form) in text
    assert "13/10/16" not in text
    assert formatting.long_date(MEETING, form) in text


def test_each_kind_of_date_in_its_own_form(tmp_path: Path) -> None:
    text = harrow(tmp_path, {"template_from": "cover-sheet", "date_style": "plain",
                             "date_styles": {"clearance": "slashed", "meeting": "capitals"}})
    assert "Date: 13/10/2016" in text
    assert "25 OCTOBER 2016" in text
    # The publication date is neither: it follows date_style.
    assert "17 October 2016" in text


def test_meeting_form_reaches_the_title_block(tmp_path: Path) -> None:
    text = harrow(tmp_path, {"template_from": "council-form", "date_style": "dotted",
                             "date_styles": {"meeting": "weekday"},
                             "title_lines": ["committee_date", "title"]})
    assert "Corporate Parenting Panel: Tuesday 25 October 2016" in text
    assert "13.10.2016" in text


def test_built_in_styles_keep_their_forms(tmp_path: Path) -> None:
    assert resolve_style("cover-sheet").date_style_for("clearance") == "short"
    assert resolve_style("numbered-paragraphs").date_style_for("meeting") == "weekday"
    assert resolve_style("numbered-paragraphs").date_style_for("clearance") == "plain"
    assert resolve_style("report-to-members").date_style_for("meeting") == "weekday_ordinal"


def test_new_forms() -> None:
    assert formatting.long_date(CLEARED, "short") == "13/10/16"
    assert formatting.long_date(MEETING, "capitals") == "25 OCTOBER 2016"


@pytest.mark.parametrize(("value", "message"), [
    ("{publication: short}", "date_styles: 'publication' is not a date a style can set "
                             "(meeting, clearance)"),
    ("{clearance: fancy}", "date_styles: clearance must be one of plain, ordinal, weekday, "
                           "weekday_ordinal, ordinal_comma, dotted, slashed, short, capitals, "
                           "got 'fancy'"),
    ("short", "date_styles must be a mapping of date: form, e.g. {clearance: short}"),
])
def test_bad_date_styles_are_one_line_errors(tmp_path: Path, value: str, message: str) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(f"template_from: cover-sheet\n"
                                               f"date_styles: {value}\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        resolve_style(str(tmp_path / "s"))
    assert caught.value.message == message
