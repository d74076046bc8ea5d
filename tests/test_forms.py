"""Issue 16: the officer's own form. Body outlines, numbering, cross-references, labels,
clearance states, date styles and the silent changes the built-in styles no longer make."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document

from reportgen.bundle import bundle_from_data
from reportgen.errors import ReportgenError
from reportgen.pipeline import produce
from reportgen.styles import copy_style, resolve_style

from .helpers import FIXTURES, document_text

NEW_FIXTURES = ("vale-of-glamorgan-2011-fostering-adoption-inspections",
                "vale-of-glamorgan-2015-cssiw-lac-care-planning-inspection",
                "wiltshire-2020-corporate-parenting-panel-annual-report")


def base(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "council": "Westshire Council",
        "meeting": {"committee": "Cabinet", "date": "2021-03-03"},
        "report": {"title": "Placements", "type": "information",
                   "responsible_officer": "Director of Children's Services"},
    }
    data.update(extra)
    return data


def run(tmp: Path, data: dict[str, Any], style: str | None = None,
        style_yaml: dict[str, Any] | None = None) -> tuple[str, Any]:
    tmp.mkdir(parents=True, exist_ok=True)
    if style_yaml is not None:
        (tmp / "house").mkdir()
        (tmp / "house" / "style.yaml").write_text(yaml.safe_dump(style_yaml), encoding="utf-8")
        data = {**data, "style": "./house"}
    (tmp / "report.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    produced = produce(tmp, style=style, gate=False)
    return document_text(produced.result.docx), produced


def body(*sections: dict[str, Any]) -> list[dict[str, Any]]:
    return list(sections)


FORM = {"template_from": "council-form", "paragraph_numbering": "flat"}


def test_flat_numbering_runs_across_headings_and_cross_references_follow(
        tmp_path: Path) -> None:
    data = base(body=body(
        {"id": "purpose", "heading": "Purpose of the Report", "role": "summary",
         "text": "One.\n\nAs set out in {{ paragraphs('background') }} below."},
        {"id": "background", "heading": "Background", "text": "Two.\n\nThree.\n\n- a bullet"},
        {"id": "issues", "heading": "Relevant Issues and Options", "role": "options",
         "text": "Four, see {{ paragraphs('purpose') }}."}))
    text, produced = run(tmp_path / "a", data, style_yaml=FORM)
    assert "1.One." in text and "2.As set out in paragraphs 3–4 below." in text
    assert "3.Two." in text and "4.Three." in text and "\na bullet\n" in text
    assert "5.Four, see paragraphs 1–2." in text
    assert not produced.errors
    # A paragraph moved into the purpose: every number and reference follows.
    data["body"][0]["text"] = "Zero.\n\n" + data["body"][0]["text"]
    text, _ = run(tmp_path / "b", data, style_yaml=FORM)
    assert "3.As set out in paragraphs 4–5 below." in text
    assert "6.Four, see paragraphs 1–3." in text


def test_hierarchical_numbering_restarts_under_each_numbered_heading(tmp_path: Path) -> None:
    data = base(body=body(
        {"id": "purpose", "heading": "Purpose of Report", "text": "A.\n\nB."},
        {"id": "background", "heading": "Background", "text": "C.\n\nSee "
         "{{ paragraphs('purpose') }}.",
         "subsections": [{"id": "detail", "heading": "Detail", "text": "D."}]}))
    text, _ = run(tmp_path, data, style_yaml={**FORM, "paragraph_numbering": "hierarchical"})
    assert "1. Purpose of Report\n1.1A.\n1.2B.\n2. Background\n2.1C.\n2.2See paragraphs " \
        "1.1–1.2.\nDetail\n2.3D." in text


def test_a_cross_reference_to_an_unknown_section_is_an_error(tmp_path: Path) -> None:
    data = base(body=body({"id": "a", "heading": "A", "text": "{{ paragraphs('nope') }}"}))
    with pytest.raises(ReportgenError, match=r"paragraphs\('nope'\): no body section"):
        run(tmp_path, data, style_yaml=FORM)


def test_required_parts_print_the_standard_text_unnumbered_and_others_are_left_out(
        tmp_path: Path) -> None:
    data = base(body=body({"id": "a", "heading": "Key points", "text": "Only."}))
    text, _ = run(tmp_path, data, style_yaml={
        **FORM, "required_parts": ["legal"], "part_headings": {"legal": "Legal Implications"}})
    assert "Key points\n1.Only.\nLegal Implications\nNot applicable as this is an " \
        "information report." in text
    assert "Financial" not in text and "2." not in text


def test_recommendations_and_reasons_numbered_to_match_in_their_own_sections(
        tmp_path: Path) -> None:
    data = base(
        body=body({"id": "p", "heading": "Purpose", "text": "P."},
                  {"id": "r", "heading": "Recommendations", "role": "recommendations"},
                  {"id": "why", "heading": "Reasons", "role": "reasons"},
                  {"id": "b", "heading": "Background", "text": "B."}),
        recommendations=[{"text": "That A.", "reason": "Because A."},
                         {"text": "That B.", "reason": "Because B."}])
    text, _ = run(tmp_path, data, style_yaml=FORM)
    assert "1.P.\nRecommendations\n1. That A.\n2. That B.\nReasons\n1. Because A.\n" \
        "2. Because B.\nBackground\n2.B." in text


def test_recommendations_without_a_place_in_the_body_are_refused(tmp_path: Path) -> None:
    data = base(body=body({"id": "p", "heading": "Purpose", "text": "P."}),
                recommendations=[{"text": "That A."}])
    _, produced = run(tmp_path, data, style_yaml=FORM)
    assert [f.where for f in produced.errors if f.rule == "content.not-shown"] == \
        ["recommendations"]


def test_date_styles_appendix_letters_and_numbered_papers(tmp_path: Path) -> None:
    data = base(body=body({"id": "p", "heading": "Purpose", "text": "P."}),
                appendices=[{"title": "Plan"}, {"title": "Other", "label": "Annex 9"}],
                background_papers=["Paper one", "Paper two"])
    text, produced = run(tmp_path, data, style_yaml={
        **FORM, "date_style": "ordinal_comma", "appendix_labels": "letters",
        "background_papers": "numbered", "title_lines": ["committee_date", "title"]})
    assert "Cabinet: 3rd March, 2021" in text
    assert "Appendix A – Plan" in text and "Annex 9 – Other" in text
    doc = Document(io.BytesIO(produced.result.docx))
    papers = [p for p in doc.paragraphs if p.text.startswith("Paper")]
    assert all(p.style.name == "List Number" for p in papers)


def test_an_unknown_style_option_is_named_with_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text("template_from: council-form\n"
                                               "paragraph_numbring: flat\n")
    with pytest.raises(ReportgenError, match="did you mean 'paragraph_numbering'"):
        resolve_style(str(tmp_path / "s"))


def test_style_new_copies_a_built_in_style_and_refuses_to_overwrite(tmp_path: Path) -> None:
    written = copy_style("numbered-paragraphs", tmp_path / "mine")
    assert sorted(p.name for p in written) == ["style.yaml", "template.docx", "texts.yaml"]
    style = resolve_style(str(tmp_path / "mine"))
    assert style.recommendation_numbering == "letters" and "legal" in style.required_parts
    copied = (tmp_path / "mine" / "style.yaml").read_text()
    assert "# enclosures:" in copied and "\nlayout:\n" in copied and style.layout
    # Its layout has a title block: the template's title options would change nothing.
    assert "# title_block:" not in copied
    with pytest.raises(ReportgenError, match="already exists"):
        copy_style("cover-sheet", tmp_path / "mine")


# -- the silent changes the built-in styles made -------------------------------------------

def test_cover_sheet_prints_a_recommendation_on_an_information_report(tmp_path: Path) -> None:
    data = base(recommendations=[{"text": "That the panel notes the report."}])
    text, _ = run(tmp_path, data, style="cover-sheet")
    assert "That the panel notes the report." in text and "INFORMATION REPORT" not in text


def test_call_in_no_reads_no_and_on_behalf_no_is_honoured(tmp_path: Path) -> None:
    data = base(clearance=[
        {"role": "chief_financial_officer", "name": "Jo Frost", "date": "2021-02-20",
         "on_behalf": "no"},
        {"role": "monitoring_officer", "status": "pending"}])
    data["report"]["call_in"] = "no"
    text, produced = run(tmp_path, data, style="cover-sheet")
    assert "Decision subject to Call-in:\nNo" in text
    assert "Chief Financial Officer" in text
    assert "on behalf of the Chief Financial Officer" not in text
    assert "on behalf of the Monitoring Officer" in text
    assert text.count("☒") == 1 and text.count("☐") == 1  # the pending box is empty
    assert any("still to be signed" in f.message for f in produced.warnings)


def test_numbered_paragraphs_keeps_reasons_and_does_not_double_that(tmp_path: Path) -> None:
    data = base(recommendations=[{"text": "That A.", "reason": "Because A."},
                                 {"text": "That B.", "reason": "Because B."}])
    text, _ = run(tmp_path, data, style="numbered-paragraphs")
    assert "That:" not in text and "(a) That A." in text
    assert "(a) Because A." in text and "(b) Because B." in text


def test_a_left_out_section_takes_no_paragraph_number(tmp_path: Path) -> None:
    data = base(sections={"report": "First.\n\nSecond."})
    _, produced = run(tmp_path, data, style="numbered-paragraphs")
    doc = Document(io.BytesIO(produced.result.docx))
    numbered = [p.text for p in doc.paragraphs if p.style.name == "Numbered Paragraph"]
    # The officer's two paragraphs are 1 and 2; the style's s.149 text is numbered as the
    # Herefordshire form numbers it; no "Not applicable" stand-in takes a number.
    assert numbered[:2] == ["First.", "Second."]
    assert not any(t.startswith("Not applicable") for t in numbered)
    assert any(p.text.startswith("Not applicable") for p in doc.paragraphs)


def test_clearance_not_required_lets_strict_pass_and_needs_a_reason() -> None:
    with pytest.raises(ReportgenError, match="needs the reason"):
        bundle_from_data(base(clearance=[{"role": "monitoring_officer",
                                          "status": "not_required"}]), Path("."))


@pytest.mark.parametrize("name", NEW_FIXTURES)
def test_new_fixtures_render_with_no_findings(name: str) -> None:
    produced = produce(FIXTURES / name, gate=False)
    assert produced.findings == []


def test_the_old_fixtures_now_print_what_their_styles_dropped() -> None:
    harrow = document_text(produce(FIXTURES / "harrow-2016-high-cost-placements",
                                   gate=False).result.docx)
    assert "Decision subject to Call-in:\nNo\n" in harrow  # the bundle says call_in: no
    assert "Report author\nClaire Kentish" in harrow
    hereford = document_text(produce(FIXTURES / "herefordshire-2018-lac-cost-reduction",
                                     gate=False).result.docx)
    assert "It is a function of the committee to make reports or recommendations" in hereford
    assert "Responsible officer\nDirector for Children and Families" in hereford
