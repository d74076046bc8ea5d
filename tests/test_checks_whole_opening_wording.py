"""A sentence that opens on a whole amount and its words, then gives a part after the comma
("Of the £700k savings target, £437k has been achieved"): the opening's words are the whole's,
so the part is read by its own words, or as the part achieved (of a savings target) or spent
(of a budget) when it has none (issue 26; docs/checks.md, "How a typed number is read").
Written in our own words against the hand-made figures of test_checks_figures_heuristics
(savings target £1.2m, £700,000 achieved; Placements £800,000 and £530,000).
"""

from __future__ import annotations

import pytest

from reportgen.checks.figures import check_text
from tests.test_checks_figures_heuristics import ALL, OK, verdict

CASES = [
    ("part-with-its-own-words-right", "Of the £1.2m savings target, £700,000 has been "
     "achieved to date.", OK),
    ("part-with-its-own-words-wrong", "Of the £1.2m savings target, £650,000 has been "
     "achieved to date.", "warning: £700,000"),
    ("part-without-words-wrong", "Of the £1.2m savings target, £650,000.", "warning: £700,000"),
    # the whole itself is still its own words' figure (before, the part was told the target's)
    ("the-whole-wrong", "Of the £1.5m savings target, £700,000 has been achieved to date.",
     "warning: £1.2m"),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_of_the_whole_opening(rule: str, sentence: str, expected: str) -> None:
    assert verdict(sentence) == expected


def test_the_part_is_not_read_as_the_whole() -> None:
    """Before, the part took the whole's words and was told it agrees with the amount
    achieved "but its words read as the savings target" (a figures.two-readings warning)."""
    found = check_text("Of the £1.2m savings target, £700,000 has been achieved to date.", ALL,
                       "2024/25 Q3")
    assert [f.rule for f in found if f.rule != "figures.hand-typed"] == []
