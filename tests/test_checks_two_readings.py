"""figures.two-readings: a typed figure that disagrees with the figure its words are read as,
but agrees exactly with another figure of the data, is a warning, never an error (issue 26: an
error must be certain; docs/checks.md, `figures.two-readings`).

The figures are the heuristics table's (tests/test_checks_figures_heuristics.py): Children's
Social Care overspends by £1,234,567 this quarter and overspent by £900,000 the quarter before;
Adoption & Fostering overspends by £1,011,054.
"""

from __future__ import annotations

from reportgen.checks.figures import check_text
from reportgen.checks.findings import Finding
from tests.test_checks_figures_heuristics import ALL


def _findings(sentence: str) -> list[Finding]:
    return [f for f in check_text(sentence, ALL, "2024/25 Q3") if f.rule.startswith("figures.")]


def _rules(sentence: str) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in _findings(sentence)]


def test_a_figure_equal_to_another_line_is_a_warning_naming_both() -> None:
    # read as Children's Social Care's overspend (£1.23m), typed as Adoption & Fostering's
    found = _findings("Children's Social Care is forecast to overspend by £1.01m.")
    assert [(f.rule, f.severity) for f in found] == [("figures.two-readings", "warning")]
    message, fix = found[0].message, found[0].fix or ""
    assert "agrees with the" in message and "Adoption & Fostering" in message
    assert "£1.23m" in message  # what the words' reading gives, at the typed precision
    assert "budget.lines['Adoption & Fostering'].variance" in fix
    assert "budget.lines['Children's Social Care'].variance" in fix


def test_a_figure_equal_to_nothing_is_still_an_error() -> None:
    assert _rules("Children's Social Care is forecast to overspend by £1.07m.") == [
        ("figures.literal-mismatch", "error")]


def test_one_significant_figure_agrees_with_too_much_to_say_so() -> None:
    # "£1m" rounds both overspends' way; it is no second reading, so the error stands
    assert _rules("Children's Social Care is forecast to overspend by £2m.") == [
        ("figures.literal-mismatch", "error")]


def test_the_same_line_at_another_period_is_a_stale_figure_not_a_second_reading() -> None:
    # £0.90m is Children's Social Care's own overspend of the quarter before: gone stale
    assert _rules("Children's Social Care is forecast to overspend by £0.90m.") == [
        ("figures.literal-mismatch", "error")]


def test_an_underspend_is_not_read_as_another_lines_overspend() -> None:
    # the words say underspend; Adoption & Fostering's £1.01m is an overspend
    rules = _rules("Children's Social Care is forecast to underspend by £1.01m.")
    assert ("figures.two-readings", "warning") not in rules
    assert ("figures.literal-mismatch", "error") in rules


def test_the_right_figure_is_only_hand_typed() -> None:
    assert _rules("Children's Social Care is forecast to overspend by £1.23m.") == [
        ("figures.hand-typed", "warning")]
