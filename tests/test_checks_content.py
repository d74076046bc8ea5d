"""content.*: required content by report type, exempt reports, placeholders, empty sections."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from reportgen.bundle import load_bundle
from reportgen.checks import check_docx, run_checks
from reportgen.checks.citations import cited_appendices
from reportgen.checks.content import (
    appendix_findings,
    decision_findings,
    empty_findings,
    exempt_findings,
    source_placeholder_findings,
)
from reportgen.pipeline import load_report, render
from reportgen.styles import SignOff
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


def test_clearance_is_needed_by_information_reports_only_where_the_form_says(
        tmp_path: Path) -> None:
    def no_mo(data: dict[str, Any]) -> None:
        as_decision(data)
        data["clearance"] = data["clearance"][:1]

    [finding] = decision_findings(load_bundle(copy(tmp_path / "a", HARROW, no_mo)))
    assert (finding.severity, finding.message) == (
        "error", "the report has not been cleared by the Monitoring Officer")
    rotherham = load_bundle(ROTHERHAM)  # an information report, no clearance
    assert decision_findings(rotherham) == []
    # A form that wants information reports signed off too (information_sign_off: required).
    required = decision_findings(rotherham, SignOff(information=True))
    assert [(f.severity, f.fix) for f in required] == [
        ("error", "add a clearance entry with role: chief_financial_officer, the name and "
                  "the date (status: pending while it is still to be signed)"),
        ("error", "add a clearance entry with role: monitoring_officer, the name and the "
                  "date (status: pending while it is still to be signed)"),
    ]

    def waived(data: dict[str, Any]) -> None:
        data["clearance"] = [{"role": role, "status": "not_required", "reason": "for noting"}
                             for role in ("chief_financial_officer", "monitoring_officer")]

    waiver = load_bundle(copy(tmp_path / "w", ROTHERHAM, waived))
    assert decision_findings(waiver) == []
    assert [f.message for f in decision_findings(waiver, SignOff(information=True))][0] == (
        "an information report (the house style's information_sign_off: required) cannot go "
        "without clearance by the Chief Financial Officer (section 151 officer)")


def own_style(bundle: Path, settings: str, base: str = "cover-sheet") -> None:
    """A style folder 'our-form' beside report.yaml: ``base``'s template, its settings and
    ``settings``; report.yaml names it."""
    from reportgen.styles import templates_root

    folder = bundle / "our-form"
    folder.mkdir()
    (folder / "style.yaml").write_text(
        (templates_root() / base / "style.yaml").read_text(encoding="utf-8")
        + f"\ntemplate_from: {base}\n{settings}\n", encoding="utf-8")
    edit_yaml(bundle, lambda d: d.__setitem__("style", "our-form"))


def _names(data: dict[str, Any]) -> None:
    """A decision report whose clearance report.yaml records: one given, one to be signed."""
    as_decision(data)
    data["clearance"] = [
        {"role": "chief_financial_officer", "name": "Dawn Calvert", "date": "2016-10-13"},
        {"role": "monitoring_officer", "status": "pending", "name": "Hugh Peart"}]


@pytest.mark.parametrize("base", ["cover-sheet", "council-form"])
def test_sign_off_recorded_elsewhere_is_printed_nowhere_and_checked_as_recorded(
        tmp_path: Path, base: str) -> None:
    from reportgen.checks.docx_view import DocxView

    recorded = copy(tmp_path / "a", HARROW, _names)
    own_style(recorded, "sign_off: recorded_elsewhere", base)
    loaded = load_report(recorded)
    result = render(loaded)
    assert not result.style.sign_off.printed
    text = " ".join(DocxView.from_bytes(result.docx).full_text.split())
    assert "Dawn Calvert" not in text and "Hugh Peart" not in text
    findings = run_checks(loaded, result)
    # Not printed by the form's own rule, so not "not shown"; the pending one is still due.
    assert [(f.rule, f.where, f.severity) for f in findings
            if f.rule.startswith("content.")] == [
        ("content.decision-requirements", "clearance[2].status", "error")]
    # The same report in the built-in form prints both names.
    shown = render(load_report(recorded), style=base)
    text = " ".join(DocxView.from_bytes(shown.docx).full_text.split())
    assert "Dawn Calvert" in text and "Hugh Peart" in text


def test_strict_passes_for_a_form_without_a_sign_off_section(tmp_path: Path) -> None:
    """A decision report with no clearance in report.yaml, in a form that records sign-off
    elsewhere: `check --strict` passes; in the form that prints it, it fails."""
    import os
    import subprocess
    import sys

    def decision(data: dict[str, Any]) -> None:
        as_decision(data)
        data.pop("clearance")

    bundle = copy(tmp_path, HARROW, decision)
    own_style(bundle, "sign_off: recorded_elsewhere")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}

    def strict(*more: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reportgen", "check", "--strict",
                               str(bundle), *more], capture_output=True, text=True, env=env,
                              timeout=600, check=False)

    passed = strict()
    assert (passed.returncode, passed.stderr) == (0, ""), passed.stdout
    failed = strict("--style", "cover-sheet")
    assert failed.returncode == 2
    assert "not been cleared by the Monitoring Officer" in failed.stdout + failed.stderr


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


# Sentences from published council papers (minutes and decisions found by searching, not the
# fixtures), with the appendices each cites by place in the list.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("To consider the final version of the improvement plan (Appendix 1 and 2 to follow).",
     [("Appendix 1 and 2", [1, 2])]),
    ("The committee discussed the matter of Appendix 1 and Appendix 2 of the report being "
     "marked 'to follow' on the main agenda", [("Appendix 1", [1]), ("Appendix 2", [2])]),
    ("The rating currently shown in appendix 1 of the report referred only to the actions.",
     [("appendix 1", [1])]),
    ("That the Children's Improvement Plan, as attached at Appendix 1 of the considered "
     "report, be endorsed", [("Appendix 1", [1])]),
    ("In accordance with paragraph 2.24 of the Council's Committee Procedure Rules and "
     "Appendix on Public Speaking, set out in the Constitution", []),
    ("The way in which traffic light symbols have been used is explained within the "
     "Appendix (section 8).", []),
    ("That Scrutiny Committee endorses the action plans attached at Appendices A and B.",
     [("Appendices A and B", [1, 2])]),
    ("The plans are at Appendices 1–3; the 2010 guidance is at Appendix 4 to the "
     "Regulations.", [("Appendices 1–3", [1, 2, 3])]),
    ("See appendices 2, 3, and 5, and Appendix 1 – A summary of placements.",
     [("appendices 2, 3, and 5", [2, 3, 5]), ("Appendix 1", [1])]),
    ("Appendices: None", []),
    # Two more from the wording hold-out corpus (tests/wording/holdout*.yaml).
    ("resulting in a net under-achievement of £0.862m; full details were provided in "
     "appendix 9.", [("appendix 9", [9])]),
    ("This is detailed in Appendix 1 to the report and includes a total directorate net "
     "overspend of £7.688 million", [("Appendix 1", [1])]),
])
def test_cited_appendices_in_published_wording(sentence: str,
                                               expected: list[tuple[str, list[int]]]) -> None:
    assert [(c.text, [at for at, _ in c.cited]) for c in cited_appendices(sentence)] == expected


def cites(tmp_path: Path, text: str, appendices: list[dict[str, str]],
          **more: Any) -> Path:
    def change(data: dict[str, Any]) -> None:
        data["sections"]["summary"] = text
        data["appendices"] = appendices
        data.update(more)

    return copy(tmp_path, HARROW, change)


def test_a_cited_appendix_that_is_not_listed_is_an_error(tmp_path: Path) -> None:
    none = load_bundle(cites(tmp_path / "a", "The plan is attached at Appendix 2.", []))
    assert [f.line() for f in appendix_findings(none)] == [
        "error content.appendix-cited: sections.summary: the text cites 'Appendix 2' but the "
        "report lists no appendices (fix: list it under appendices: (title: and file:), or "
        "correct the reference)"]
    one = load_bundle(cites(tmp_path / "b", "See Appendices 1–3 and appendix 1.",
                            [{"title": "Placement data"}]))
    [finding] = appendix_findings(one)
    assert finding.message == ("the text cites 'Appendices 1–3' but the report lists 1 "
                               "appendix, not Appendices 2 and 3")
    recommendation = load_bundle(cites(
        tmp_path / "c", "No appendices.", [],
        recommendations=[{"text": "That the Panel notes Appendix A."}]))
    assert [(f.where, f.message) for f in appendix_findings(recommendation)] == [
        ("recommendations[1]", "the text cites 'Appendix A' but the report lists no "
                               "appendices")]


def test_listed_appendices_satisfy_citations_by_number_letter_or_own_label(
        tmp_path: Path) -> None:
    two = [{"title": "Action plan"}, {"title": "Costs", "file": "costs.docx"}]
    for n, text in enumerate(["Appendices A and B", "Appendix 1 and 2", "appendix 2",
                              "Appendix 2 of the Ofsted report shows"]):
        bundle = load_bundle(cites(tmp_path / str(n), f"See {text}.", two))
        assert appendix_findings(bundle) == [], text
    # An own label names its appendix: "Annex 1" is not Appendix 1, "Appendix C" is C.
    labelled = [{"title": "Plan", "label": "Annex 1"}, {"title": "Data", "label": "Appendix C"}]
    bundle = load_bundle(cites(tmp_path / "own", "See Appendix C and Appendix 1.", labelled))
    assert [f.message for f in appendix_findings(bundle)] == [
        "the text cites 'Appendix 1' but the report lists 2 appendices, not Appendix 1"]


def test_a_body_section_headed_appendix_is_printed_in_the_report(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        summary = data["sections"].pop("summary")
        data.pop("sections")
        data["body"] = [
            {"id": "summary", "heading": "Summary", "text": summary + " See Appendix A."},
            {"id": "data", "heading": "Appendix A – Placement data", "text": "Figures."},
            {"id": "more", "heading": "Appendices", "text": "Appendix B is attached."}]

    [finding] = appendix_findings(load_bundle(copy(tmp_path, HARROW, change)))
    assert (finding.where, finding.message) == (
        "body.more", "the text cites 'Appendix B' but the report lists no appendices")


def test_a_listed_appendix_needs_a_title_or_a_file(tmp_path: Path) -> None:
    listed = [{"title": "Plan"}, {"title": " "}, {"title": "", "file": "x.docx"}]
    bundle = load_bundle(cites(tmp_path, "Nothing cited.", listed))
    assert [f.line() for f in appendix_findings(bundle)] == [
        "error content.appendix-cited: appendices[2]: the appendix has neither a title nor a "
        "file (fix: give its title: (and file: if it is attached), or remove it)"]


@pytest.mark.parametrize("bundle", sorted(p.parent for p in FIXTURES.glob("*/report.yaml")),
                         ids=lambda p: p.name)
def test_no_fixture_cites_an_appendix_it_does_not_list(bundle: Path) -> None:
    from reportgen.pipeline import style_for

    loaded = load_bundle(bundle)
    assert appendix_findings(loaded) == []
    assert appendix_findings(loaded, style_for(loaded)) == []  # nor the other way round


@pytest.mark.parametrize(("labels", "text", "expected"), [
    ("numbers", "See Appendix B.", ("Appendix B", "letter", "number", "Appendix 2")),
    ("numbers", "Appendices A and B set it out.",
     ("Appendices A and B", "letter", "number", "Appendices 1 and 2")),
    ("letters", "as appendix 1 shows", ("appendix 1", "number", "letter", "Appendix A")),
    ("letters", "Appendices 1–3", ("Appendices 1–3", "number", "letter",
                                   "Appendices A, B and C")),
    ("letters", "See Appendix B.", None), ("numbers", "See Appendix 2.", None),
])
def test_an_appendix_cited_the_other_way_than_the_style_labels_it_is_a_warning(
        tmp_path: Path, labels: str, text: str,
        expected: tuple[str, str, str, str] | None) -> None:
    from dataclasses import replace

    from reportgen.pipeline import style_for

    three = [{"title": "Plan"}, {"title": "Costs"}, {"title": "Data"}]
    bundle = load_bundle(cites(tmp_path, text, three))
    style = replace(style_for(bundle), appendix_labels=labels)
    found = appendix_findings(bundle, style)
    if expected is None:
        assert found == []
        return
    cited, kind, printed, shown = expected
    [finding] = found
    assert (finding.severity, finding.where) == ("warning", "sections.summary")
    assert finding.message == (
        f"the text cites '{cited}' by {kind}, but the house style 'cover-sheet' labels "
        f"appendices by {printed}: the report prints '{shown}'")
    assert f"write '{shown}'" in (finding.fix or "")


def test_an_own_label_or_heading_written_as_cited_is_no_mismatch(tmp_path: Path) -> None:
    from reportgen.pipeline import style_for

    labelled = [{"title": "Plan"}, {"title": "Costs", "label": "Appendix B"}]
    bundle = load_bundle(cites(tmp_path / "a", "See Appendix B.", labelled))
    assert appendix_findings(bundle, style_for(bundle)) == []  # cover-sheet numbers them
    # The first is printed "Appendix 1" by the style: citing it as "A" is a mismatch.
    bundle = load_bundle(cites(tmp_path / "b", "See Appendices A and B.", labelled))
    [finding] = appendix_findings(bundle, style_for(bundle))
    assert finding.message.endswith("the report prints 'Appendices 1 and B'")


def test_the_mismatch_reaches_check_through_the_rendered_style(tmp_path: Path) -> None:
    bundle = cites(tmp_path, "See Appendix A.", [{"title": "Plan"}])
    loaded = load_report(bundle)
    findings = run_checks(loaded, render(loaded))
    assert [(f.rule, f.severity) for f in findings if f.rule == "content.appendix-cited"] == [
        ("content.appendix-cited", "warning")]
    lettered = render(loaded, style="council-form")  # council-form letters its appendices
    assert not [f for f in run_checks(loaded, lettered) if f.rule == "content.appendix-cited"]


def test_the_bundle_checks_alone_read_the_style_the_bundle_names(tmp_path: Path) -> None:
    """Without a render (run_checks on a loaded bundle), the sign-off rule is still the
    style's: the style is read, not rendered."""
    def decision(data: dict[str, Any]) -> None:
        as_decision(data)
        data.pop("clearance")

    bundle = copy(tmp_path, HARROW, decision)
    assert [f.where for f in run_checks(load_report(bundle))
            if f.rule == "content.decision-requirements"] == ["clearance", "clearance"]
    own_style(bundle, "sign_off: recorded_elsewhere")
    assert [f for f in run_checks(load_report(bundle))
            if f.rule == "content.decision-requirements"] == []
