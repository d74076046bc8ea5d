"""A sentence opening on an earlier period ("Last year ...", "In the previous quarter ...") is
about that period: compared with the data's previous period when the report's period is of
that kind, else with nothing (issue 26; docs/checks.md, "How a typed number is read"). Our own
words, against the hand-made figures of test_checks_figures_heuristics (report 2024/25 Q3;
Children's Social Care overspends £1.2m now and overspent £0.9m the quarter before).
"""

from __future__ import annotations

import pytest

from tests.test_checks_figures_heuristics import OK, verdict


@pytest.mark.parametrize(("sentence", "expected"), [
    # before, each of the first two was an error naming this quarter's £1.2m
    ("Last year Children's Social Care overspent by £1.5m.", OK),
    ("During the last financial year Children's Social Care overspent by £1.5m.", OK),
    ("In the previous quarter Children's Social Care overspent by £1.5m.", "error: £0.9m"),
    ("Children's Social Care overspent by £1.5m.", "error: £1.2m"),
    # "at the same point last year", "at this time last year": a year before, a period the
    # quarter's data do not hold (before, the amount was told this quarter's figure)
    ("Children's Social Care overspends by £1.2m, against £1.5m at the same point last year.",
     OK),
    ("Children's Social Care overspends by £1.2m, against £1.5m at this time last year.", OK),
    # an earlier period named after this quarter's amount is not the amount's
    ("Children's Social Care overspent by £1.5m, more than last year.", "error: £1.2m"),
])
def test_a_sentence_opening_on_an_earlier_period(sentence: str, expected: str) -> None:
    assert verdict(sentence) == expected
