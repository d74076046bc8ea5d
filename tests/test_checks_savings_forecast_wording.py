"""Savings said to be forecast, for a whole and for one measure of the savings plan (issue 26;
docs/checks.md, "How a typed number is read"). Against the Harrow fixture (2016/17 Q1): savings
target £700k, £437k achieved, £607k forecast; the measure "Housing benefit claims for eligible
care leavers" has a target of £150k, nothing achieved and £90k forecast. Our own words.
"""

from __future__ import annotations

from typing import Any

import pytest

from reportgen.checks.figures import check_text, readers
from reportgen.pipeline import load_report
from tests.test_checks_counts import HARROW

MEASURE = "Housing benefit claims for eligible care leavers"


@pytest.fixture(scope="module")
def harrow() -> tuple[list[Any], str]:
    loaded = load_report(HARROW)
    shown, _ = readers(loaded.bundle, loaded.metrics)
    return shown, loaded.bundle.period


def _said(harrow: tuple[list[Any], str], sentence: str) -> list[tuple[str, str]]:
    shown, period = harrow
    return [(f.severity, f.message.split(" but the data give ")[-1])
            for f in check_text(sentence, shown, period)
            if f.rule in ("figures.literal-mismatch", "figures.two-readings")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # a "forecast saving" (singular too) is the forecast, never the savings achieved (before,
    # "a forecast saving of £95k" was an error naming the £0 achieved)
    (f"{MEASURE} have a forecast saving of £90k.", []),
    (f"{MEASURE} have a forecast saving of £95k.", [("error", "£90k")]),
    ("The total forecast savings are £607k.", []),
    ("The total forecast savings are £650k.", [("error", "£607k")]),
    ("Expected savings of £607k are on track.", []),
    # "forecast to save" against a target: the forecast of the measure (before, a warning
    # naming its £150k target)
    (f"{MEASURE} are forecast to save £90k against a target of £150k.", []),
    # savings achieved stay achieved
    ("Savings achieved to date are £437k.", []),
])
def test_savings_forecast(harrow: tuple[list[Any], str], sentence: str,
                          expected: list[tuple[str, str]]) -> None:
    assert _said(harrow, sentence) == expected
