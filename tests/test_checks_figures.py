"""figures.*: typed numbers against the data, table totals and percentages.

Expected values are worked by hand from the fixture data (fixtures/README.md): Rotherham's two
external lines give (4,463,416 − 3,030,748) + (3,836,120 − 2,457,373) = £2,811,415; Harrow's
savings achieved are £437,000 of a £700,000 target, 62%.
"""

from __future__ import annotations

import io
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.checks import check_bundle, check_docx, run_checks
from reportgen.checks.numbers import find_literals
from reportgen.checks.reading import sentences
from reportgen.checks.vocabulary import Figure
from reportgen.cli import cli
from reportgen.pipeline import load_report
from reportgen.render.oxml import mark_header_row
from tests.helpers import FIXTURES

ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
HARROW = FIXTURES / "harrow-2016-high-cost-placements"
GROUP_VARIANCE = "{{ budget.groups['Independent placements'].variance | money }}"
ACHIEVED = "{{ savings.total.achieved | money('k') }}"
# "As a result of these panels savings of around £437k have already been achieved": the
# sentence names the panels (the savings measure "Placement challenge panels", whose achieved
# is the same £437k as the total), so the checker suggests the panels' own figure.
PANELS = "{{ savings.measures['Placement challenge panels'].achieved | money('k') }}"


def bundle_copy(tmp_path: Path, source: Path, *replacements: tuple[str, str]) -> Path:
    """Copy a fixture and replace text in its report.yaml (each old text must be there)."""
    target = tmp_path / source.name
    shutil.copytree(source, target)
    yaml_path = target / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    yaml_path.write_text(text, encoding="utf-8")
    return target


def rules(findings: list) -> list[str]:
    return [f.rule for f in findings]


def bundle_findings(path: Path, prefix: str = "figures.") -> list:
    return [f for f in run_checks(load_report(path)) if f.rule.startswith(prefix)]


# --------------------------------------------------------------------------- acceptance


def test_rotherham_printed_overspend_fails_check_naming_the_true_figure(tmp_path: Path) -> None:
    bundle = bundle_copy(tmp_path, ROTHERHAM, (GROUP_VARIANCE, "£2,786,300"))
    expected = ("sections.financial_implications: 'combined projected overspend of £2,786,300' "
                "but the data give £2,811,415")

    report = check_bundle(bundle)
    mismatches = [f for f in report.errors if f.rule == "figures.literal-mismatch"]
    assert len(mismatches) == 1
    assert f"{mismatches[0].where}: {mismatches[0].message}" == expected
    assert mismatches[0].fix == f"write {GROUP_VARIANCE}"
    assert report.exit_code() == 2

    result = CliRunner().invoke(cli, ["check", str(bundle)])
    assert result.exit_code == 2
    assert f"error figures.literal-mismatch: {expected} (fix: write {GROUP_VARIANCE})" \
        in result.output


def test_rotherham_as_rebuilt_has_no_figure_errors() -> None:
    assert bundle_findings(ROTHERHAM) == []


# --------------------------------------------------------------------------- narrative


def test_hand_typed_figure_that_agrees_is_a_warning_with_the_expression(tmp_path: Path) -> None:
    bundle = bundle_copy(tmp_path, HARROW, (ACHIEVED, "£437k"))
    [finding] = bundle_findings(bundle)
    assert finding.rule == "figures.hand-typed"
    assert finding.severity == "warning"
    assert finding.where == "sections.financial_implications"
    assert finding.fix == f"write {PANELS} so that it follows the data"


def test_money_in_thousands_compared_at_its_own_precision(tmp_path: Path) -> None:
    bundle = bundle_copy(tmp_path, HARROW, (ACHIEVED, "£436k"))
    [finding] = bundle_findings(bundle)
    assert finding.rule == "figures.literal-mismatch"
    assert finding.message == "'£436k have already been achieved' but the data give £437k"
    assert finding.fix == f"write {PANELS}"


def test_count_next_to_its_name_is_checked(tmp_path: Path) -> None:
    residential = "{{ placements.by_type['residential'].count }} young people"
    wrong = bundle_findings(bundle_copy(tmp_path / "a", ROTHERHAM,
                                        (residential, "27 young people")))
    assert [(f.rule, f.message) for f in wrong] == [(
        "figures.literal-mismatch",
        "'27 young people placed in independent residential provision' but the data give 26")]
    right = bundle_findings(bundle_copy(tmp_path / "b", ROTHERHAM,
                                        (residential, "26 young people")))
    assert rules(right) == ["figures.hand-typed"]


def test_percentage_checked_against_its_figure(tmp_path: Path) -> None:
    sentence = ("\n\n    Overall 70% of the savings target has been achieved."
                "\n\n    [table: savings]")
    bundle = bundle_copy(tmp_path / "a", HARROW, ("\n\n    [table: savings]", sentence))
    [finding] = bundle_findings(bundle)
    assert finding.rule == "figures.literal-mismatch"
    assert finding.message == "'70% of the savings target' but the data give 62%"
    assert finding.fix == "write {{ savings.total.achieved_pct | percent }}"
    bundle = bundle_copy(tmp_path / "b", HARROW,
                         ("\n\n    [table: savings]", sentence.replace("70%", "62%")))
    assert rules(bundle_findings(bundle)) == ["figures.hand-typed"]


def test_previous_year_figure_chosen_when_the_sentence_names_its_year(tmp_path: Path) -> None:
    phrase = "{{ previous_budget.total.variance | variance_phrase('full') }}"
    bundle = bundle_copy(tmp_path, ROTHERHAM, (phrase, "an overspend of £3,560,000"))
    [finding] = bundle_findings(bundle)
    # 3,560,031 to the nearest £1,000 is 3,560,000: it agrees, and the 2009/10 figure is named.
    assert finding.rule == "figures.hand-typed"
    assert finding.fix == ("write {{ previous_budget.total.variance | money }} so that it "
                           "follows the data")


def _figure(value: float, unit: str = "money") -> Figure:
    return Figure("x", "x", value, unit, "{{ x | money }}")  # type: ignore[arg-type]


@pytest.mark.parametrize(("literal", "inside", "outside"), [
    ("£437k", (436_500, 437_499.99), (436_499.99, 437_500)),
    ("£7.9m", (7_850_000, 7_949_999), (7_849_999, 7_950_000)),
    ("£2,786,300", (2_786_250, 2_786_349), (2_786_249, 2_786_350)),
    ("£24,000", (23_500, 24_499), (23_499, 24_500)),
    ("£1,234.56", (1_234.555, 1_234.564), (1_234.554, 1_234.565)),
])
def test_literal_precision(literal: str, inside: tuple[float, float],
                           outside: tuple[float, float]) -> None:
    [lit] = find_literals(f"a figure of {literal} here")
    for value in inside:
        assert lit.agrees(_figure(value)), value
    for value in outside:
        assert not lit.agrees(_figure(value)), value


def test_underspend_compares_absolute_values() -> None:
    [lit] = find_literals("an underspend of £437k")
    assert lit.agrees(_figure(-437_000))
    assert lit.like(_figure(-437_400)) == "£437k"


def test_years_dates_and_references_are_not_counts() -> None:
    text = ("On 14 October 2010, in 2009/10 Q1, paragraph 3 of Appendix 2 said that 12 children "
            "were placed 20 miles away and 7.5% cost £5.")
    found = [(lit.kind, lit.text) for lit in find_literals(text)]
    # "20 miles" is a distance: a number followed by a unit is not a count.
    assert found == [("count", "12"), ("percent", "7.5%"), ("money", "£5")]
    assert find_literals("2,017 children")[0].value == Decimal(2017)


def test_expressions_and_table_directives_are_left_out() -> None:
    text = "Savings of {{ savings.total.achieved | money }} were made.\n\n[table: savings 20]\n"
    assert list(sentences(text)) == ["Savings of ⟨…⟩ were made."]


# --------------------------------------------------------------------------- tables


def _table_docx(rows: list[list[str]]) -> bytes:
    doc = Document()
    doc.core_properties.title = "Test"
    doc.add_heading("Budget", level=1)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    mark_header_row(table.rows[0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_table_total_must_be_the_sum_of_its_rows() -> None:
    rows = [["Line", "Budget (£000s)", "Spend (£000s)"],
            ["Fostering", "1,000", "1,200"],
            ["Residential", "2,000", "(80)"],
            ["Total", "3,010", "1,120"]]
    findings = [f for f in check_docx(_table_docx(rows)) if f.rule == "figures.table-total"]
    assert [f.message for f in findings] == [
        "table 1 (starting 'Line'): the Total row shows 3,010 for 'Budget (£000s)' but the 2 "
        "rows above add up to 3,000"]


def test_table_total_allows_for_rounding() -> None:
    # Two rounded rows and a rounded total may differ by up to 1.5 (thousand).
    rows = [["Line", "Budget (£000s)"], ["A", "1,000"], ["B", "2,000"], ["Total", "3,001"]]
    assert [f for f in check_docx(_table_docx(rows)) if f.rule.startswith("figures.")] == []
    rows[-1][1] = "3,002"
    assert rules(check_docx(_table_docx(rows))) == ["figures.table-total"]


def test_counts_total_is_exact_and_averages_are_not_summed() -> None:
    rows = [["Type", "Number of children", "Average weekly cost (£)"],
            ["IFA", "10", "900"], ["Residential", "6", "3,300"], ["Total", "17", "1,800"]]
    findings = [f for f in check_docx(_table_docx(rows)) if f.rule.startswith("figures.")]
    assert [f.message for f in findings] == [
        "table 1 (starting 'Type'): the Total row shows 17 for 'Number of children' but the 2 "
        "rows above add up to 16"]


def test_percentages_agree_with_their_parts() -> None:
    rows = [["Measure", "Target (£)", "Achieved (£)", "Achieved (% of target)"],
            ["Panels", "470,000", "437,000", "93%"],
            ["Housing benefit", "150,000", "-", "0%"],
            ["Total", "620,000", "437,000", "60%"]]
    findings = [f for f in check_docx(_table_docx(rows)) if f.rule == "figures.percentage"]
    assert [f.message for f in findings] == [
        "table 1 (starting 'Measure'), row 'Total': 60% under 'Achieved (% of target)' but "
        "437,000 of 620,000 is 70%"]


def test_rendered_fixture_tables_add_up() -> None:
    loaded = load_report(HARROW)
    from reportgen.pipeline import render

    found = run_checks(loaded, render(loaded))
    assert [f for f in found if f.rule in ("figures.table-total", "figures.percentage")] == []


def test_hand_typed_external_flow_count_is_checked(tmp_path: Path) -> None:
    # Rotherham: 31 young people left external (IFA and residential) placements in April–August.
    bundle = tmp_path / "r"
    shutil.copytree(FIXTURES / "rotherham-2010-commissioning", bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    old = "{{ placements.external_flows.ended }} young people\n    leaving external placements"
    assert old in text
    path.write_text(text.replace(old, "30 young people\n    leaving external placements"),
                    encoding="utf-8")
    errors = check_bundle(bundle).errors
    assert any("placements.external_flows.ended" in (f.fix or "") and "31" in f.message
               for f in errors), [f.line() for f in errors]


def test_importing_the_checks_loads_no_data_libraries() -> None:
    """The .docx-only rules need neither pandas, pandera nor holidays; they load on use."""
    import subprocess
    import sys

    code = ("import sys, reportgen.checks; print(' '.join(m for m in "
            "('pandas', 'pandera', 'holidays', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == ""


def test_a_hidden_figure_is_never_quoted_in_a_message(tmp_path: Path) -> None:
    """In a public report the secure placements' costs are hidden (two children): a wrong
    typed amount for them must not be answered with the true one, which would leak it into
    logs and build-summary.json. With public: no the checker names it as usual."""
    import shutil

    from reportgen.pipeline import produce
    from tests.helpers import FIXTURES

    bundle = tmp_path / "bundle"
    shutil.copytree(FIXTURES / "harrow-2016-high-cost-placements", bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    sentence = "    The average weekly cost of secure placements is £9,999.\n"
    path.write_text(text.replace("  summary: |\n", "  summary: |\n" + sentence, 1),
                    encoding="utf-8")
    public = produce(bundle, gate=False, public=True)
    assert not any("8,16" in f.line() for f in public.findings)
    private = produce(bundle, gate=False, public=False)
    assert any(f.rule == "figures.literal-mismatch" and "£8,164" in f.message
               for f in private.findings)


# --------------------------------------------------------------------------- issue 26: money


def _q1_variances() -> dict[str, float]:
    """Each Harrow budget line's 2016/17 Q1 variance, read plainly from its CSV."""
    import csv

    with (HARROW / "data" / "budget.csv").open(encoding="utf-8") as handle:
        return {row["line"]: float(row["projected_spend"]) - float(row["budget"])
                for row in csv.DictReader(handle) if row["period"] == "2016/17 Q1"}


@pytest.mark.parametrize(("declared", "severity"), [(True, "error"), (False, "warning")])
def test_an_overspend_called_an_underspend_is_an_error(tmp_path: Path, declared: bool,
                                                       severity: str) -> None:
    """"reporting an underspend of £673k" where the data hold an overspend of £673k was told
    it agreed with the data (issue 26); the Council names the report's whole budget surely
    where report.yaml declares budget_scope: council, else only by guess (a warning)."""
    total_k = round(sum(_q1_variances().values()) / 1000)
    scope = [("council: Harrow Council", "council: Harrow Council\nbudget_scope: council")]
    path = bundle_copy(tmp_path, HARROW, (
        "    Challenge panels in February",
        f"    The Council is reporting an underspend of £{total_k}k.\n\n"
        "    Challenge panels in February"), *(scope if declared else []))
    found = [f for f in bundle_findings(path) if f"£{total_k}k" in f.message]
    assert [(f.rule, f.severity) for f in found] == [("figures.literal-mismatch", severity)]
    assert f"the data give an overspend of £{total_k}k" in found[0].message


def test_a_declared_abbreviation_names_its_line(tmp_path: Path) -> None:
    """report.yaml's abbreviations: "LCP" stands for the line "Leaving care placements"."""
    line_k = round(_q1_variances()["Leaving care placements"] / 1000)
    # (+40 would be the line's forecast savings: figures.two-readings, not an error)
    sentence = f"The LCP overspend is £{line_k + 41}k."
    path = bundle_copy(tmp_path, HARROW, (
        "sections:\n", "abbreviations:\n  LCP: Leaving care placements\n\nsections:\n"), (
        "    Challenge panels in February", f"    {sentence}\n\n    Challenge panels in February"))
    found = [f for f in bundle_findings(path) if f.rule == "figures.literal-mismatch"]
    assert [(f.severity, f.message.split(" but the data give ")[1]) for f in found] == [
        ("error", f"£{line_k}k")]
    # Without the declaration "LCP" names nothing: the total is read, and only warned.
    plain = bundle_copy(tmp_path / "plain", HARROW, (
        "    Challenge panels in February", f"    {sentence}\n\n    Challenge panels in February"))
    assert [f.severity for f in bundle_findings(plain)
            if f.rule == "figures.literal-mismatch"] in ([], ["warning"])
