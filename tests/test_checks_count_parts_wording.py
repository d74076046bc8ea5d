"""Counts that are a part of a type or of all children, and counts a type "accounts for"
(issue 26; reportgen/checks/counts.py, docs/checks.md "Counts"). Written in our own words and
figures against the SSDA903 fixture (2023/24 Q3: 270 children looked after on 31 December
2023; 109 in-house fostering, 54 IFA and 45 kinship placements), not from any corpus sentence.
"""

from __future__ import annotations

import pytest

from tests.test_checks_counts import OK, SSDA903, Judged


@pytest.fixture(scope="module")
def episodes() -> Judged:
    return Judged(SSDA903)


CASES = [
    # ---- a share of a whole with its number in brackets: the share's number, never the
    # whole's (before, "half of children in care (150)" was an error naming 270)
    ("share-in-brackets-fostered", "Just over half of children in care (150) were fostered.", OK),
    ("share-in-brackets-looked-after", "Just over half of looked after children (150) were "
     "fostered.", OK),
    ("share-percent-in-brackets", "Some 40% of the young people we look after (108) are "
     "teenagers.", OK),
    ("share-majority-in-brackets", "The majority of our children in care (160) live in the "
     "borough.", OK),
    # the whole itself, with a share in its brackets, is still the whole's
    ("whole-with-share-after", "We look after 290 children (half of them teenagers).",
     "error: 270"),
    ("whole-before-share", "Of the 290 children in care, a fifth are placed with agency "
     "carers.", "error: 270"),
    # ---- "accounted for N children": the subject's number, not children something is for
    ("accounts-for-wrong", "Independent fostering agencies accounted for 64 children.",
     "error: 54"),
    ("accounts-for-right", "Independent fostering agencies accounted for 54 children.", OK),
    ("accounting-for-wrong", "Kinship carers, accounting for 55 children, remain vital.",
     "error: 45"),
    # near misses: what something is for stays silent
    ("savings-for-children", "The new service delivers savings for 64 children.", OK),
    ("accounts-for-another-group", "This accounts for 64 children in need.", OK),
    # ---- an age band in the count's own words: a part of the type or of all children
    ("aged-under", "12 children aged under 5 are placed with in-house foster carers.", OK),
    ("over-an-age", "30 young people over 16 live with agency foster carers.", OK),
    ("an-age-range", "9 children aged 0-4 are in kinship placements.", OK),
    ("and-over", "25 young people 16 and over are placed with in-house foster carers.", OK),
    # an age after the count's verb describes the count; it is still the type's
    ("age-after-the-verb", "119 children are placed with in-house foster carers, most of them "
     "aged under 10.", "error: 109"),
    ("all-ages-after-in-care", "There are 290 children in care aged 0 to 17.", "error: 270"),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_count_parts(episodes: Judged, rule: str, sentence: str, expected: str) -> None:
    assert episodes.verdict(sentence) == expected
