"""Counts that are a part of a type or of all children, counts a type "accounts for", changes
said with their noun of children, other words for children in care and their flows, and counts
written in words (issue 26; reportgen/checks/counts.py and numbers.py, docs/checks.md
"Counts"). Written in our own words and figures against the SSDA903 fixture (2023/24 Q3: 270
children looked after on 31 December 2023, 243 the day before the quarter; 44 started and 17
ceased in the quarter; 109 in-house fostering, 54 IFA and 45 kinship placements), not from any
corpus sentence.
"""

from __future__ import annotations

import pytest

from reportgen.checks.numbers import find_literals
from tests.test_checks_counts import HARROW, INDICATORS, OK, SSDA903, Judged


@pytest.fixture(scope="module")
def episodes() -> Judged:
    return Judged(SSDA903)


@pytest.fixture(scope="module")
def harrow() -> Judged:
    """A public report whose secure placements (2) are suppressed."""
    return Judged(HARROW)


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
    ("all-ages-after-in-care", "There are 290 children in care, aged 0 to 17.", "error: 270"),
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
    # ---- what the clause says of the children after their count: being in care, a date, a
    # place, a comparison keep it all of them; anything else is some of them (before, each of
    # these parts was an error naming all 270)
    ("part-had-an-assessment", "50 children in care had an up-to-date health assessment.", OK),
    ("part-were-missing", "50 children in care were missing during the quarter.", OK),
    ("part-subject-to-an-order", "50 children in care were subject to a care order.", OK),
    ("part-aged-after-the-verb", "50 children in care are aged 16 or 17.", OK),
    ("part-entered-the-care-system", "50 children entered the care system in the quarter.", OK),
    ("part-exited-care", "50 children exited care in the quarter.", OK),
    ("part-went-missing", "50 children went missing from care during the quarter.", OK),
    ("total-at-a-date", "There were 290 children in care at 31 December 2023.", "error: 270"),
    ("total-in-a-month", "There were 290 children in care in December 2023.", "error: 270"),
    ("total-in-a-place", "There are 290 looked after children in Sometown.", "error: 270"),
    ("total-within-the-county", "There are 290 children in care within the county.",
     "error: 270"),
    ("total-live-in-care", "290 children now live in care.", "error: 270"),
    ("total-and-another-group", "There were 290 children in care and 200 care leavers.",
     "error: 270"),
    ("total-being-looked-after", "There were 290 children being looked after at the end of the "
     "quarter.", "error: 270"),
    ("total-compared", "290 children in care compared with 243 at the end of September.",
     "error: 270"),
    ("total-overall", "There were 290 children in care overall.", "error: 270"),
    # ... and of a flow: a route or reason makes it a part (before, an error naming all who
    # started or ceased)
    ("flow-through-an-order", "50 children left care through special guardianship orders in "
     "the quarter.", OK),
    ("flow-due-to", "50 children came into care due to neglect in the quarter.", OK),
    ("flow-under-section-20", "50 children started to be looked after under section 20 in the "
     "quarter.", OK),
    ("flow-to-return-home", "50 children left care to return home in the quarter.", OK),
    ("flow-for-the-first-time", "50 children came into care for the first time.", OK),
    ("flow-in-the-quarter", "50 children came into care during the quarter.", "error: 44"),
    ("flow-compared", "50 children came into care in the quarter, compared with 30 in the "
     "previous quarter.", "error: 44"),
    ("placements-ended-because", "50 placements ended because the child returned home.", OK),
    ("placements-ended-in-the-quarter", "50 placements ended during the quarter.",
     "error: 66"),
    ("flow-which", "50 children ceased to be looked after in the quarter, which reduced the "
     "number in care.", "error: 17"),
    ("flow-that-quarter", "50 children left care that quarter.", "warning: 17"),
    # "corporate parent" is the council's role, never the DfE group "Placement with parents"
    # (before, a suppressed-count warning named that group)
    ("corporate-parent-to", "The council was corporate parent to 290 children at the end of "
     "December.", "error: 270"),
    ("corporate-parent-to-right", "The council was corporate parent to 270 children at the end "
     "of December.", OK),
    ("taken-into-care", "50 children were taken into care during the quarter.", "error: 44"),
    ("admitted-into-the-care-of", "The number of children admitted into the care of the local "
     "authority was 50 in the quarter.", "error: 44"),
    # ---- a count whose own noun is something else counted is that thing's (before, "2 agency
    # social workers for the looked after children's team" was read as children)
    ("other-noun-workers", "The council funded 2 agency social workers for the looked after "
     "children's team.", OK),
    ("other-noun-in-words", "The council funded two agency social workers for the looked after "
     "children's team.", OK),
    ("other-noun-carers", "3 new foster carers were approved for 290 children.", OK),
    ("a-part-with-carers-after-a-preposition", "We currently have 290 children in our care, "
     "109 with in-house foster carers and 54 with agency carers.", "error: 270"),
    # ---- counts written in words, as house styles ask for one to nine and for a number that
    # opens a sentence: checked as digits are
    ("written-right", "Forty-four children came into care during the quarter.", OK),
    ("written-wrong", "Fifty-four children came into care during the quarter.", "error: 44"),
    ("written-wrong-ceased", "Twenty-seven children ceased to be looked after in the quarter.",
     "error: 17"),
    ("written-change", "There has been a net increase of thirty-seven children in care this "
     "quarter.", "error: 27"),
    # near misses: words that are no count of children
    ("written-larger-number", "There are two hundred and seventy children in care.", OK),
    ("written-recommendations", "Members are asked to agree two recommendations.", OK),
    ("written-times", "The panel met three times during the quarter.", OK),
    ("written-fraction", "About two thirds of children in care are fostered.", OK),
    ("written-ratio", "One in five children in care is placed out of the borough.", OK),
    ("written-out-of", "Two out of three children in care live in the borough.", OK),
    ("written-years", "Over the past two years, the number of children in care has risen.", OK),
    ("written-option", "Option two is recommended.", OK),
    ("written-threshold", "Nine children had three or more placements in the year.", OK),
    # ---- a threshold or a ranked list's size is no count, in digits too (before, each was an
    # error naming 270)
    ("threshold-in-digits", "5 children out of a total of 270 had moved placement 3 or more "
     "times.", OK),
    ("top-ten-in-digits", "The top 10 placements cost £2m.", OK),
    ("top-ten-in-words", "The top ten placements cost £2m.", OK),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_count_parts(episodes: Judged, rule: str, sentence: str, expected: str) -> None:
    assert episodes.verdict(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two children are in secure placements.", "suppressed: error"),
    ("There are two children in secure placements.", "suppressed: error"),
    ("One child is in a secure placement.", "suppressed: error"),
    ("The two secure units nearby were full.", OK),
])
def test_a_suppressed_count_in_words_is_caught(harrow: Judged, sentence: str,
                                               expected: str) -> None:
    """A count written in words reveals a suppressed cell as digits do (before, "two children
    are in secure placements" passed the public report's check)."""
    assert harrow.verdict(sentence) == expected


@pytest.mark.parametrize(("sentence", "read"), [
    ("Twenty-three young people left care.", [("Twenty-three", 23)]),
    ("Thirty one children came into care.", [("Thirty one", 31)]),
    ("one more child came into care", [("one", 1)]),
    ("one of the options", []),
    ("no one was placed", []),
    ("two million pounds", []),
    ("a two-year plan", []),
    ("section two of the report", []),
])
def test_counts_in_words_are_read(sentence: str, read: list[tuple[str, int]]) -> None:
    assert [(lit.text, int(lit.value)) for lit in find_literals(sentence)
            if lit.kind == "count"] == read


@pytest.fixture(scope="module")
def indicators() -> Judged:
    """Herefordshire's rate of looked after children per 10,000: 78 at 31 March 2015, 82 a
    year later (report 2015/16 Q3)."""
    return Judged(INDICATORS)


@pytest.mark.parametrize(("sentence", "expected"), [
    # a change of a rate is never its value (before, "rose by 4" was told the data give 82)
    ("The rate of looked after children rose by 4 per 10,000.", OK),
    ("The rate of looked after children rose by 5 per 10,000.", OK),
    ("The rate of looked after children increased by around 4 per 10,000 children.", OK),
    # the rate itself is still read
    ("The rate of looked after children is 85 per 10,000.", "warning: 82"),
])
def test_a_rates_change_is_not_its_value(indicators: Judged, sentence: str,
                                         expected: str) -> None:
    assert indicators.verdict(sentence) == expected
