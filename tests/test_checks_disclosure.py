"""disclosure.*: child identifiers never in the output; small counts suppressed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.checks import DocTable, run_checks
from reportgen.checks.disclosure import narrative_count_findings, table_count_findings
from reportgen.pipeline import load_report, render
from tests.helpers import FIXTURES

ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
HARROW = FIXTURES / "harrow-2016-high-cost-placements"
ANCHOR = "\n\n    [table: savings]"


def with_child_data(tmp_path: Path, narrative: str | None = None) -> Path:
    """Rotherham with a name and date of birth on its first data row (file row 2), and
    ``narrative`` added to the report section."""
    target = tmp_path / "bundle"
    shutil.copytree(ROTHERHAM, target)
    csv = target / "data" / "placements.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    lines[0] += ",child_name,date_of_birth"
    lines[1] += ",Jordan Example,2009-03-06"
    lines[2:] = [line + ",," for line in lines[2:]]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if narrative:
        yaml_path = target / "report.yaml"
        text = yaml_path.read_text(encoding="utf-8")
        assert ANCHOR in text
        yaml_path.write_text(text.replace(ANCHOR, f"\n\n    {narrative}{ANCHOR}"),
                             encoding="utf-8")
    return target


def disclosure(path: Path) -> list:
    loaded = load_report(path)
    return [f for f in run_checks(loaded, render(loaded)) if f.rule.startswith("disclosure.")]


def test_child_name_in_the_document_is_an_error_that_does_not_repeat_it(tmp_path: Path) -> None:
    [finding] = disclosure(with_child_data(tmp_path, "Jordan  Example moved in June."))
    assert finding.rule == "disclosure.child-identifier"
    assert finding.message == ("the document contains a child's child_name from "
                               "data/placements.csv, row 2 (the value is not repeated here)")
    assert "Jordan" not in finding.line()


def test_date_of_birth_in_any_usual_form(tmp_path: Path) -> None:
    for i, written in enumerate(["6 March 2009", "06/03/2009", "6th March 2009"]):
        [finding] = disclosure(with_child_data(tmp_path / str(i), f"Born {written}."))
        assert "date_of_birth from data/placements.csv, row 2" in finding.message


def test_reference_in_the_document(tmp_path: Path) -> None:
    [finding] = disclosure(with_child_data(tmp_path, "Placement ROT-0005 was reviewed."))
    assert "reference from data/placements.csv, row 6" in finding.message


def test_sensitive_data_not_in_the_document_passes(tmp_path: Path) -> None:
    assert disclosure(with_child_data(tmp_path)) == []


def test_small_count_in_public_narrative(tmp_path: Path) -> None:
    [finding] = disclosure(with_child_data(tmp_path, "Three children are in secure units."))
    assert finding.rule == "disclosure.small-count"
    assert finding.where == "sections.report"
    assert finding.message == ("'Three children' is a count below the suppression threshold "
                               "of 5 in a public report")


def test_suppressed_or_large_counts_in_narrative_pass() -> None:
    text = ("Fewer than 5 children are in secure units; 26 young people are in residential "
            "care; three placement panels met in 2 weeks; one child is placed with parents.")
    assert [f.message for f in narrative_count_findings("sections.report", text, 5)] == [
        "'one child' is a count below the suppression threshold of 5 in a public report"]


def test_report_that_is_not_public_is_not_suppressed(tmp_path: Path) -> None:
    bundle = with_child_data(tmp_path, "Three children are in secure units.")
    yaml_path = bundle / "report.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8") + "settings:\n  public: no\n",
                         encoding="utf-8")
    assert disclosure(bundle) == []


def _table(*rows: list[str]) -> DocTable:
    return DocTable(1, [["Placement type", "Number of children", "Annual cost (£)"], *rows],
                    True, "Children in placements by type")


def test_small_count_in_a_table() -> None:
    table = _table(["Secure", "2", "400,000"], ["IFA", "106", "4,800,000"],
                   ["Total", "108", "5,200,000"])
    [finding] = table_count_findings(table, 5)
    assert finding.message == ("table 1 ('Children in placements by type'): 'Number of "
                               "children' shows 2 for 'Secure', below the suppression "
                               "threshold of 5")


def test_one_suppressed_count_with_a_total_needs_secondary_suppression() -> None:
    alone = _table(["Secure", "fewer than 5", "-"], ["IFA", "106", "-"],
                   ["Residential", "26", "-"], ["Total", "134", "-"])
    assert [f.rule for f in table_count_findings(alone, 5)] == [
        "disclosure.secondary-suppression"]
    # Two hidden of 1 to 4 adding up to 4: (1, 3), (2, 2) or (3, 1).
    paired = _table(["Secure", "fewer than 5", "-"], ["IFA", "106", "-"],
                    ["Residential", "fewer than 5", "-"], ["Total", "110", "-"])
    assert table_count_findings(paired, 5) == []
    # Two hidden adding up to 2: each is 1, however it is labelled.
    ones = _table(["Secure", "c", "c"], ["IFA", "106", "-"], ["Residential", "c", "c"],
                  ["Total", "108", "-"])
    assert [f.rule for f in table_count_findings(ones, 5)] == [
        "disclosure.secondary-suppression"]


def test_secondary_count_labelled_fewer_than_is_false() -> None:
    # 2 secure and 26 residential hidden, but "fewer than 5" cannot add up to 28.
    table = _table(["Secure", "fewer than 5", "-"], ["IFA", "106", "-"],
                   ["Residential", "fewer than 5", "-"], ["Total", "134", "-"])
    assert [f.rule for f in table_count_findings(table, 5)] == [
        "disclosure.suppression-label"]


def test_generated_table_suppresses_small_counts(tmp_path: Path) -> None:
    # Harrow has 2 secure and 4 placed-with-parents placements on 30 June 2016.
    target = tmp_path / "harrow"
    shutil.copytree(HARROW, target)
    yaml_path = target / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("[table: budget]", "[table: budget]\n\n    "
                                      "[table: placements_by_type]"), encoding="utf-8")
    loaded = load_report(target)
    result = render(loaded)
    assert "placements_by_type" in " ".join(result.tables)
    found = [f for f in run_checks(loaded, result)
             if f.rule.startswith("disclosure.") and f.where == "document"]
    assert found == []


# --------------------------------------------------------------------------- boundaries
# Issue 24: the table builder and this checker share the small-count rule, so a test that asks
# one about the other cannot fail when the rule is wrong. These expectations are written from
# the rule as docs/checks.md states it ("a count of children from 1 to threshold − 1 is
# hidden; 0 reveals nobody and is shown"), as literals.


@pytest.mark.parametrize("threshold, count, flagged", [
    (5, 4, True), (5, 5, False), (5, 1, True), (5, 0, False), (5, 6, False),
    (10, 9, True), (10, 10, False), (3, 2, True), (3, 3, False)])
def test_the_checker_flags_a_shown_count_just_below_the_threshold(
        threshold: int, count: int, flagged: bool) -> None:
    table = _table(["Secure", str(count), "1,000"], ["IFA", "106", "4,800,000"])
    found = [f.rule for f in table_count_findings(table, threshold)]
    assert found == (["disclosure.small-count"] if flagged else [])


@pytest.mark.parametrize("threshold, count, flagged", [
    (5, 4, True), (5, 5, False), (5, 1, True), (10, 9, True), (10, 10, False)])
def test_the_narrative_check_at_the_threshold(threshold: int, count: int,
                                              flagged: bool) -> None:
    found = narrative_count_findings("s", f"{count} children are in secure units.", threshold)
    assert bool(found) is flagged


@pytest.mark.parametrize("secure, shown", [(4, "c"), (5, "5"), (1, "c"), (0, "0")])
def test_the_rendered_table_at_the_threshold(secure: int, shown: str) -> None:
    from datetime import date

    from reportgen.metrics import Keyed, Metrics, PlacementMetrics, TypeSummary, placements_total
    from reportgen.render.tables import TableOptions, placements_by_type_table

    counts = {"secure": secure, "ifa": 40, "residential": 30, "kinship": 20}
    items = [TypeSummary(k, k.capitalize(), n, n * 100.0, 100.0, n * 5200.0)
             for k, n in counts.items()]
    p = PlacementMetrics(date(2024, 3, 31), Keyed(items, lambda s: s.placement_type),
                         placements_total(items), (), None)
    metrics = Metrics(None, date(2024, 3, 31), p, None, None)
    rows = {r[0]: r[1] for r in placements_by_type_table(
        metrics, TableOptions("£", True, 5, 20)).rows}
    assert rows["Secure"] == shown
    # With one count hidden, the next smallest (kinship, 20) is hidden with it.
    assert rows["Kinship"] == ("c" if shown == "c" else "20")
    assert rows["Ifa"] == "40"


def test_a_template_printing_one_child_is_caught() -> None:
    """What a template prints for one ("1 children ceased", "1 current placements")."""
    text = ("In the quarter 1 children ceased to be looked after. The cost of 1 current "
            "placements has been renegotiated.")
    assert [f.message for f in narrative_count_findings("s", text, 5)] == [
        "'1 children' is a count below the suppression threshold of 5 in a public report",
        "'1 current placements' is a count below the suppression threshold of 5 in a public "
        "report"]
