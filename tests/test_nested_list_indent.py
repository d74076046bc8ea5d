"""A list under a numbered paragraph keeps its nesting in Word: each level is indented
further than the one above it (both levels were indented alike, so the nesting was lost),
and every level stays to the right of the paragraph number's hanging indent."""

from __future__ import annotations

import io
import shutil

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from reportgen.pipeline import produce

from .helpers import FIXTURES

WILTSHIRE = "wiltshire-2020-corporate-parenting-panel-annual-report"
TEXT = ("The Panel agreed three aims for the year.\n\n"
        "- Stability of placements\n"
        "  - fewer moves in the first year\n"
        "  - more long-term matches\n"
        "- Education\n"
        "  - attendance above 95%\n\n"
        "The next paragraph stands at the margin.\n")


def _left(paragraph: object) -> int:
    ind = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")  # type: ignore[attr-defined]
    return int(ind.get(qn("w:left"))) if ind is not None and ind.get(qn("w:left")) else 0


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> Document:
    bundle = tmp_path_factory.mktemp("nested") / "bundle"
    shutil.copytree(FIXTURES / WILTSHIRE, bundle)
    data = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    data["body"][0]["text"] = TEXT
    (bundle / "report.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    produced = produce(bundle, gate=False)
    return Document(io.BytesIO(produced.result.docx))


def test_second_level_bullets_indent_further(document: Document) -> None:
    by_text = {p.text: p for p in document.paragraphs}
    number = next(p for p in document.paragraphs
                  if p.text.endswith("three aims for the year."))
    first = [by_text["Stability of placements"], by_text["Education"]]
    second = [by_text["fewer moves in the first year"], by_text["more long-term matches"],
              by_text["attendance above 95%"]]
    number_text_at = _left(number)
    assert {_left(p) for p in first} == {_left(first[0])}
    assert {_left(p) for p in second} == {_left(second[0])}
    assert number_text_at <= _left(first[0]) < _left(second[0])
    # The bullet itself (left minus the hanging indent) moves right too: the levels read apart.
    def hanging(p: object) -> int:
        ind = p._p.find(f"{qn('w:pPr')}/{qn('w:ind')}")  # type: ignore[attr-defined]
        return int(ind.get(qn("w:hanging")) or 0)
    assert _left(first[0]) - hanging(first[0]) < _left(second[0]) - hanging(second[0])
    after = next(p for p in document.paragraphs if p.text.endswith("stands at the margin."))
    assert _left(after) == number_text_at  # the list ended: back to the paragraphs' indent
