"""Wording of district and unitary councils' minutes and news (issue 26, fix round 7, hold-outs
20, 21 and 23), pinned rule by rule on the hand-made figures of test_checks_figures_heuristics
(report period 2024/25 Q3 unless a row says otherwise).

Each row is in other words and figures than the hold-out sentence it was found in, with correct
sentences that must raise nothing and near-misses that must stay silent or keep their old
reading. The rules are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.numbers import find_literals
from reportgen.checks.reading import report_names
from tests.test_checks_figures_heuristics import ALL, OK, verdict

NORTHSHIRE = report_names("Northshire County Council", "Children's Services", "Cabinet", {},
                          "council")

# -- a number typed two ways: "£40.000" (its "m" lost, or a stop for a thousands comma) and
# "£21,235million" (a comma for the decimal point). Either reading the data show is right; only
# a number both readings miss is wrong, and a message names the data the finer way.
TWO_WAYS = [
    ("unit-lost-agrees", "The revenue budget forecast for the year was £42.005m against a "
     "budget of £40.000, resulting in an overspend of £2.005m.", NORTHSHIRE, OK),
    ("unit-lost-line-agrees", "Children's Social Care was overspent by £1.235.", None, OK),
    ("unit-lost-leading-zero-agrees", "Home to School Transport was underspent by £0.240.", None,
     OK),
    ("unit-lost-wrong", "Children's Social Care was overspent by £1.500.", None,
     "error: £1,234,567"),
    ("unit-lost-budget-wrong", "The Council's revenue budget of £41.250 is forecast to overspend "
     "by £2.005m.", NORTHSHIRE, "error: £40,000,000"),
    ("stop-for-a-comma-agrees", "Home to School Transport was underspent by £240.300.", None, OK),
    ("decimal-comma-agrees", "Children's Social Care was overspent by £1,235million.", None, OK),
    ("decimal-comma-wrong", "Children's Social Care was overspent by £1,750million.", None,
     "error: £1.235m"),
    # near-misses: pence, a comma with no unit, a comma with a decimal point are read one way
    ("pence-stay-pence", "Children's Social Care was overspent by £1.23.", None,
     "error: £1,234,567.00"),
    ("comma-without-a-unit", "Children's Social Care was overspent by £1,235.", None,
     "error: £1,234,567"),
    ("comma-and-point", "Children's Social Care was overspent by £1,234.567 million.", None,
     "error: £1.235m"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in TWO_WAYS],
                         ids=[c[0] for c in TWO_WAYS])
def test_typed_two_ways(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("typed", "first", "other"), [
    ("£35.042", 35_042, 35_042_000),
    ("£0.541", 541, 541_000),
    ("£10,349million", 10_349_000_000, 10_349_000),
    ("£7,125m", 7_125_000_000, 7_125_000),
    ("£35.04", 35.04, None),
    ("£4.170k", 4_170_000, None),
    ("£1,019.145 million", 1_019_145_000, None),
    ("£12,500", 12_500, None),
])
def test_readings_of_a_typed_number(typed: str, first: float, other: float | None) -> None:
    (lit,) = find_literals(f"a budget of {typed} was set")
    assert float(lit.value) == pytest.approx(first)
    assert (float(lit.other.value) if lit.other is not None else None) == (
        pytest.approx(other) if other is not None else None)
