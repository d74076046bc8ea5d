"""Counts that are a part of a type or of all children, counts a type "accounts for", changes
said with their noun of children, and other words for children in care and their flows
(issue 26; reportgen/checks/counts.py, docs/checks.md "Counts"). Written in our own words and
figures against the SSDA903 fixture (2023/24 Q3: 270 children looked after on 31 December
2023, 243 the day before the quarter; 44 started and 17 ceased in the quarter; 109 in-house
fostering, 54 IFA and 45 kinship placements), not from any corpus sentence.
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
    # ---- a change said with its noun of children: "an increase of N children in care" is
    # the change (before, the noun made it no figure at all)
    ("change-of-children-wrong", "There has been a net increase of 37 children in care this "
     "quarter.", "error: 27"),
    ("change-of-children-right", "There has been a net increase of 27 children in care this "
     "quarter.", OK),
    ("change-of-looked-after-children-direction", "There was a reduction of 27 looked after "
     "children over the quarter.", "error: 27, a rise: the change goes the other way"),
    ("change-of-one-child", "There has been a decrease of 1 child in care this quarter.",
     "error: 27, a rise: the change goes the other way"),
    # near misses: a type's, another group's or another noun's change stays silent
    ("change-of-a-type", "There has been an increase of 27 children in residential care.", OK),
    ("change-of-children-in-need", "There has been an increase of 40 children in need this "
     "quarter.", OK),
    ("change-of-carers", "There has been an increase of 4 foster carers this quarter.", OK),
    # ---- other words for children in care and their flows
    ("looked-after-population", "Our looked after population is 290.", "error: 270"),
    ("care-population-right", "The care population rose to 270 at the end of December.", OK),
    ("admissions-to-care", "We saw 54 admissions to care in the quarter.", "error: 44"),
    ("admissions-to-care-right", "We saw 44 admissions to care in the quarter.", OK),
    ("discharges-from-care", "There were 27 discharges from care in the quarter.",
     "error: 17"),
    ("hospital-admissions", "There were 20 hospital admissions in the quarter.", OK),
    ("the-borough-population", "The population of the borough is 290,000.", OK),
    ("another-areas-population", "The looked after population of our statistical neighbours "
     "is 290.", OK),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_count_parts(episodes: Judged, rule: str, sentence: str, expected: str) -> None:
    assert episodes.verdict(sentence) == expected
