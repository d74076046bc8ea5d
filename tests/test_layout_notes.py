"""A layout body block's ``notes:``: a key no report can have is a one-line error when the
style loads; a key naming a section some other report has is no fault of this one (the style
is shared), so the note is simply not printed and nothing is said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportgen.errors import ReportgenError
from reportgen.pipeline import produce
from reportgen.styles import resolve_style
from tests.test_layout import body_bundle, lines, own_style


def _style(tmp_path: Path, notes: str) -> Any:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(
        f"template_from: council-form\nlayout: [{{block: body, notes: {notes}}}]\n",
        encoding="utf-8")
    return resolve_style(str(tmp_path / "s"))


@pytest.mark.parametrize(("notes", "key", "hint"), [
    # Written as the heading reads, not as the id or role: no report's section is called so.
    ("{'Financial implications': 'At 30 June.'}", "Financial implications",
     " (did you mean 'financial_implications'?)"),
    ("{Financial: 'At 30 June.'}", "Financial", " (did you mean 'financial'?)"),
    ("{'2nd': 'At 30 June.'}", "2nd", ""),
    ("{'" + "a" * 65 + "': 'At 30 June.'}", "a" * 65, ""),
])
def test_a_note_no_report_can_have_is_a_one_line_error(tmp_path: Path, notes: str, key: str,
                                                       hint: str) -> None:
    with pytest.raises(ReportgenError) as caught:
        _style(tmp_path, notes)
    assert caught.value.message == (
        f"layout item 1 (body): notes: '{key}' is neither a section's role nor a section id "
        "a report can have (ids are lower-case letters, digits, _ and -, starting with a "
        f"letter, as in body: and sections:){hint}")
    assert "\n" not in caught.value.message
    assert str(caught.value.file) == str(tmp_path / "s" / "style.yaml")


@pytest.mark.parametrize("key", ["financial", "recommendations", "financial_implications",
                                 "background", "our-own_section-2", "x"])
def test_a_role_or_a_well_formed_id_is_accepted(tmp_path: Path, key: str) -> None:
    layout = _style(tmp_path, f"{{{key}: 'At 30 June.'}}").layout
    assert layout[0].notes == {key: "At 30 June."}


def test_a_note_for_another_report_s_section_prints_nothing_and_says_nothing(
        tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        for block in style["layout"]:
            if isinstance(block, dict) and block.get("block") == "body" or block == "body":
                at = style["layout"].index(block)
                style["layout"][at] = {"block": "body", "notes": {
                    "background": "As reported in March.",
                    "not-in-this-report": "A note for another report's section."}}

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert "As reported in March." in text
    assert not any("another report" in line for line in text)
    assert not any("not-in-this-report" in f.line() for f in produced.errors)
