"""content.*: required content by report type, exempt reports, placeholders, empty sections."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document

from reportgen.bundle import load_bundle
from reportgen.checks import check_docx, run_checks
from reportgen.checks.content import (
    decision_findings,
    empty_findings,
    exempt_findings,
    source_placeholder_findings,
)
from reportgen.pipeline import load_report, render
from tests.helpers import FIXTURES, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"


def copy(tmp_path: Path, source: Path, change: Callable[[dict[str, Any]], Any]) -> Path:
    target = tmp_path / source.name
    shutil.copytree(source, target)
    edit_yaml(target, change)
    return target


def as_decision(data: dict[str, Any]) -> None:
    """Harrow made into a complete decision report."""
    data["report"]["type"] = "decision"
    data["sections"]["legal_implications"] = "The Council has a duty under the Children Act 1989."
    data["recommendations"] = [
        {"text": "That the Panel agrees the placement strategy.",
         "reason": "To reduce the cost of placements."},
    ]


def test_complete_decision_report_passes(tmp_path: Path) -> None:
    assert decision_findings(load_bundle(copy(tmp_path, HARROW, as_decision))) == []


def test_decision_report_needs_recommendations_legal_section_and_reasons(tmp_path: Path) -> None:
    bare = load_bundle(copy(tmp_path / "a", HARROW,
                            lambda d: d["report"].__setitem__("type", "decision")))
    assert [(f.severity, f.where, f.message) for f in decision_findings(bare)] == [
        ("error", "recommendations", "a decision report has no recommendations"),
        ("error", "sections.legal_implications", "a decision report needs its legal "
                                                 "implications"),
    ]

    def no_reason(data: dict[str, Any]) -> None:
        as_decision(data)
        del data["recommendations"][0]["reason"]

    [finding] = decision_findings(load_bundle(copy(tmp_path / "b", HARROW, no_reason)))
    assert finding.rule == "content.decision-requirements"
    assert finding.where == "recommendations[1].reason"


def test_clearance_is_an_error_for_decisions_and_a_warning_for_information(
        tmp_path: Path) -> None:
    def no_mo(data: dict[str, Any]) -> None:
        as_decision(data)
        data["clearance"] = data["clearance"][:1]

    [finding] = decision_findings(load_bundle(copy(tmp_path / "a", HARROW, no_mo)))
    assert (finding.severity, finding.message) == (
        "error", "the report has not been cleared by the Monitoring Officer")
    info = decision_findings(load_bundle(ROTHERHAM))  # an information report, no clearance
    assert [(f.severity, f.fix) for f in info] == [
        ("warning", "add a clearance entry with role: chief_financial_officer, the name and "
                    "the date (or status: not_required with the reason)"),
        ("warning", "add a clearance entry with role: monitoring_officer, the name and the "
                    "date (or status: not_required with the reason)"),
    ]


def test_exempt_report_must_name_its_paragraph() -> None:
    bundle = load_bundle(HARROW)
    # Loading already refuses exempt: yes without a paragraph; a bundle built in code can
    # still lack it, so the rule checks it again.
    report = bundle.report.model_copy(update={"exempt": True, "exempt_paragraph": None})
    [finding] = exempt_findings(bundle.model_copy(update={"report": report}))
    assert finding.rule == "content.exempt-paragraph"
    assert finding.where == "report.exempt_paragraph"
    named = bundle.report.model_copy(update={"exempt": True, "exempt_paragraph": 3})
    assert exempt_findings(bundle.model_copy(update={"report": named})) == []
    assert exempt_findings(bundle) == []


def test_exempt_classification_without_exempt_flag(tmp_path: Path) -> None:
    bundle = load_bundle(copy(tmp_path, HARROW, lambda d: d["report"].__setitem__(
        "classification", "Exempt – not for publication")))
    [finding] = exempt_findings(bundle)
    assert finding.where == "report.classification"
    assert "would be published" in finding.message


def test_placeholders_in_the_narrative(tmp_path: Path) -> None:
    def fill(data: dict[str, Any]) -> None:
        data["sections"]["summary"] = ("Savings of £x are expected by TBC; see [insert date]. "
                                       "Lorem ipsum. TODO: XXX")
        data["recommendations"] = [{"text": "That the Panel notes the report (TBC)."}]

    found = source_placeholder_findings(load_bundle(copy(tmp_path, HARROW, fill)))
    assert [(f.where, f.message) for f in found] == [
        ("sections.summary", "unfilled placeholder 'TBC'"),
        ("sections.summary", "unfilled placeholder 'TODO'"),
        ("sections.summary", "unfilled placeholder '£x'"),
        ("sections.summary", "unfilled placeholder '[insert date]'"),
        ("sections.summary", "unfilled placeholder 'Lorem ipsum'"),
        ("sections.summary", "unfilled placeholder 'XXX'"),
        ("recommendations[1]", "unfilled placeholder 'TBC'"),
    ]
    assert source_placeholder_findings(load_bundle(HARROW)) == []


def test_placeholders_in_the_rendered_document_are_reported_once(tmp_path: Path) -> None:
    bundle = copy(tmp_path, HARROW, lambda d: d["sections"].__setitem__(
        "summary", "The date of the next panel is TBC."))
    loaded = load_report(bundle)
    found = [f for f in run_checks(loaded, render(loaded)) if f.rule == "content.placeholder"]
    assert [(f.where, f.message) for f in found] == [
        ("sections.summary", "unfilled placeholder 'TBC'")]


def test_jinja_left_in_a_ready_made_docx() -> None:
    doc = Document()
    doc.core_properties.title = "Report"
    doc.add_heading("Report", level=1)
    doc.add_paragraph("The overspend is {{ budget.total.variance }} this year.")
    out = io.BytesIO()
    doc.save(out)
    found = [f for f in check_docx(out.getvalue()) if f.rule == "content.placeholder"]
    assert [f.message for f in found] == [
        "the document still contains '{{ budget.total.variance }}': 'The overspend is "
        "{{ budget.total.variance }} this year.'"]


def test_empty_section_is_an_error(tmp_path: Path) -> None:
    bundle = load_bundle(copy(tmp_path, HARROW, lambda d: d["sections"].__setitem__(
        "legal_implications", "   ")))
    [finding] = empty_findings(bundle)
    assert (finding.rule, finding.where) == ("content.empty-section", "sections.legal_implications")
    assert empty_findings(load_bundle(HARROW)) == []  # an absent section is not "empty"
