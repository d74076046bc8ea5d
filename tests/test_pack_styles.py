"""Each report keeps its own look in a pack: a report whose house style restyles a standard
style (a bold-italic heading, a larger body text) keeps it, where docxcompose alone would let
the pack's style of the same name win."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.shared import Pt

from reportgen.agenda import load_agenda
from reportgen.pack import build_packs
from tests.test_pack import BUNDLES, FIXTURES, copy_fixtures

HARROW_HEADINGS = 7  # Heading 2 paragraphs of the Harrow report (rendered alone)


def _effective(style: Any, attr: str) -> Any:
    """A font property as Word resolves it through the basedOn chain (None: not set)."""
    while style is not None:
        value = getattr(style.font, attr)
        if value is not None:
            return value
        style = style.base_style
    return None


def _restyled(root: Path) -> Path:
    """A copy of the cover-sheet house style with Heading 2 bold italic and 13 pt body text."""
    folder = root / "restyled"
    shutil.copytree(FIXTURES.parent / "templates" / "cover-sheet", folder)
    doc = Document(str(folder / "template.docx"))
    heading = doc.styles["Heading 2"]
    heading.font.bold = True
    heading.font.italic = True
    doc.styles["Normal"].font.size = Pt(13)
    doc.save(str(folder / "template.docx"))
    return folder


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("styles")
    agenda = copy_fixtures(root)
    style = _restyled(root)
    report = root / BUNDLES[0] / "report.yaml"
    data = yaml.safe_load(report.read_text())
    assert data["style"] == "cover-sheet"  # the front sheet's style too: the names clash
    report.write_text(report.read_text().replace("style: cover-sheet",
                                                 f"style: {style}", 1))
    packs = build_packs(load_agenda(agenda))
    return Document(io.BytesIO(packs.public))


def _paragraphs_of(doc: Any, first: str, last: str) -> list[Any]:
    """The body paragraphs from the one whose text starts with ``first`` up to ``last``."""
    paragraphs = doc.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith(first))
    end = next(i for i, p in enumerate(paragraphs) if i > start and p.text.startswith(last))
    return paragraphs[start:end]


def test_a_restyled_heading_keeps_its_look(pack: Any) -> None:
    harrow = _paragraphs_of(pack, "High Costs Placements Monitoring Update", "Appendix A")
    headings = [p for p in harrow if p.style.name.startswith("Heading 2")]
    assert len(headings) == HARROW_HEADINGS
    for p in headings:
        assert p.style.name == "Heading 2 (item 4)"
        assert _effective(p.style, "bold") is True and _effective(p.style, "italic") is True
        # Still a heading for Word's navigation pane and the PDF's tags.
        assert p.style.element.pPr.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}outlineLvl"
        ) is not None


def test_its_body_text_keeps_its_size(pack: Any) -> None:
    harrow = _paragraphs_of(pack, "High Costs Placements Monitoring Update", "Appendix A")
    body = [p for p in harrow if p.text.strip() and p.style.name.startswith("Normal")]
    assert len(body) >= 5
    for p in body:
        assert _effective(p.style, "size") == Pt(13), p.text[:40]


def test_the_front_sheet_and_other_reports_keep_theirs(pack: Any) -> None:
    membership = next(p for p in pack.paragraphs if p.text == "Membership")
    assert membership.style.name == "Heading 2"
    assert not _effective(membership.style, "italic")
    rotherham = [p for p in pack.paragraphs if p.text == "Existing Process"]
    # Rotherham's house style defines Heading 2 as the front sheet does: shared, not copied.
    assert rotherham and all(p.style.name == "Heading 2" for p in rotherham)
    assert not any("(item 5)" in s.name for s in pack.styles)
