"""Families of count and change sentences in councils' corporate parenting reports, sufficiency
statements and performance reports (issue 26, fix round 5; reportgen/checks/counts.py,
docs/checks.md "Counts"): each family read right, or left silent when the words are of another
group, another year or another place. Sentences are written in our own words and figures
against the SSDA903 fixture (2023/24 Q3: 270 children looked after on 31 December 2023, 243 the
day before the quarter, 205 on 31 March 2023; 44 started and 17 ceased in the quarter, 120 and
55 since April; 109 in-house fostering, 54 IFA, 45 kinship placements; 208 in the DfE's foster
group).
"""

from __future__ import annotations

import pytest

from tests.test_checks_counts import OK, SSDA903, Judged


@pytest.fixture(scope="module")
def episodes() -> Judged:
    return Judged(SSDA903)


CASES = [
    # ---- a whole and its part: "N children, of whom M are ..." (the part's type is not the
    # whole's; a part with no noun of its own is of the whole's noun)
    ("whole-of-whom-right", "There are 270 looked after children, of whom 109 are placed "
     "with in-house foster carers.", OK),
    ("whole-of-whom-wrong-whole", "There are 290 looked after children, 109 of whom are placed "
     "with in-house foster carers.", "error: 270"),
    ("part-of-whom-before", "We look after 270 children, of whom 119 live with in-house foster "
     "carers.", "error: 109"),
    ("part-of-whom-after", "There are 270 looked after children, 119 of whom are placed with "
     "in-house foster carers.", "error: 109"),
    ("part-of-which", "There are 270 children in care, of which 64 are in IFA placements.",
     "error: 54"),
    ("of-the-whole-part", "Of the 270 children in care, 64 are placed with independent "
     "fostering agencies.", "error: 54"),
    ("of-the-whole-part-right", "Of the 270 children in care, 54 are placed with independent "
     "fostering agencies.", OK),
    ("of-the-whole-wrong-whole", "Of the 280 children in care, 40 are placed out of area.",
     "error: 270"),
    ("including-a-part-the-data-do-not-hold", "There are 280 children in care, including 30 "
     "UASC.", "error: 270"),
    ("including-right", "There are 270 children in care, including 30 UASC.", OK),
    # near misses: a part of another whole stays silent
    ("part-of-care-leavers", "We support 85 care leavers, of whom 40 are in education.", OK),
    ("part-of-children-in-need", "We have 300 children in need, of whom 119 are placed with "
     "in-house foster carers.", OK),
    ("part-of-another-place", "Nationally there are 83,000 children in care, of whom 119 are "
     "placed with in-house foster carers.", OK),
    # ---- a change in apposition to a count ("N ..., a rise of M") is that count's change:
    # the children looked after in all only when that count is their number today
    ("appositive-change-of-the-stock", "There are 270 children looked after, a rise of 30 "
     "(12%) since the last quarter.", "error: 27"),
    ("appositive-change-of-the-stock-right", "There are 270 children looked after, a rise of "
     "27 (11%) since the last quarter.", OK),
    ("appositive-change-of-protection-plans", "There are 250 children on child protection "
     "plans, a rise of 30 since last quarter.", OK),
    ("appositive-change-of-children-in-need", "Children in need numbered 1,200 at the end of "
     "the quarter, a fall of 45.", OK),
    ("appositive-change-of-a-flow", "In total 78 children entered care this year, which was "
     "a reduction of 13.", "error: 120"),
    ("appositive-change-of-a-flow-right", "In total 120 children entered care this year, "
     "which was a reduction of 13.", OK),
    ("appositive-change-of-a-type", "There are 45 children in kinship placements, an "
     "increase of 6.", OK),
    ("appositive-change-of-another-year", "In 2019 there were 250 children in care, a rise "
     "of 20.", OK),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_count_families_against_an_ssda903_file(episodes: Judged, rule: str, sentence: str,
                                                expected: str) -> None:
    assert episodes.verdict(sentence) == expected
