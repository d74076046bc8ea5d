"""Parts of spending: what a ranked few cost ("the 20 highest cost placements cost £5m a year",
"the top ten placements") and what something accounts for of a measure ("secure placements
account for £0.7m of spend") are theirs, no figure of a whole or of a line (issue 26;
docs/checks.md, "How a typed number is read"). Our own words, against the hand-made figures of
test_checks_figures_heuristics (Children's Social Care: £20m budget, £21.2m projected spend).
"""

from __future__ import annotations

import pytest

from tests.test_checks_figures_heuristics import OK, verdict


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The 20 highest cost placements in Children's Social Care cost £25m a year.", OK),
    ("The top ten placements in Children's Social Care account for spending of £25m.", OK),
    ("The five most expensive packages in Children's Social Care cost £25m.", OK),
    # no rank: the line's own spending is still read (before, each ranked sentence above was
    # an error naming it too)
    ("Spending in Children's Social Care is forecast at £25m.", "error: £21m"),
    ("The highest cost service is Children's Social Care, with a forecast spend of £25m.",
     "error: £21m"),
])
def test_a_ranked_few(sentence: str, expected: str) -> None:
    assert verdict(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # before, the last two were errors naming the line's spend
    ("Residential placements account for £2.5m of the overspend.", OK),
    ("Agency staff make up £0.5m of Children's Social Care spending.", OK),
    ("Secure placements represent £3m of the cost of Children's Social Care.", OK),
    # the line's own words are still read
    ("Children's Social Care accounts for an overspend of £1.5m.", "error: £1.2m"),
])
def test_what_something_accounts_for(sentence: str, expected: str) -> None:
    assert verdict(sentence) == expected
