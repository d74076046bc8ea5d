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

import shutil
from pathlib import Path

import pytest

from tests.test_checks_counts import INDICATORS, OK, SSDA903, Judged

#: A yearly series of children looked after (the council's, with England's beside it): 300,
#: 320 and 351 at 31 March 2014, 2015 and 2016, in a report for 2015/16.
_YEARLY = """measure,period,area,area_type,value,unit,numerator,denominator,target
Children looked after,as at 31 March 2014,Herefordshire,council,300,count,,,
Children looked after,as at 31 March 2015,Herefordshire,council,320,count,,,
Children looked after,as at 31 March 2016,Herefordshire,council,351,count,,,
Children looked after,as at 31 March 2016,England,england,80000,count,,,
"""


@pytest.fixture(scope="module")
def episodes() -> Judged:
    return Judged(SSDA903)


@pytest.fixture(scope="module")
def yearly(tmp_path_factory: pytest.TempPathFactory) -> Judged:
    bundle = tmp_path_factory.mktemp("yearly") / "b"
    shutil.copytree(INDICATORS, bundle)
    (bundle / "data" / "indicators.csv").write_text(_YEARLY, encoding="utf-8")
    report = bundle / "report.yaml"
    text = report.read_text(encoding="utf-8").replace("period: 2015/16 Q3", "period: 2015/16")
    report.write_text(text, encoding="utf-8")
    return Judged(Path(bundle))


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
    ("listed-parts-right", "We currently have 270 children in our care, 109 with in-house "
     "foster carers and 54 with agency carers.", OK),
    ("listed-parts-wrong-whole", "We currently have 290 children in our care, 109 with "
     "in-house foster carers and 54 with agency carers.", "error: 270"),
    ("listed-part-wrong", "We currently have 270 children in our care, 119 with in-house "
     "foster carers and 54 with agency carers.", "error: 109"),
    ("a-listed-part-of-no-type-is-not-the-whole", "We look after 270 children, 40 in council "
     "homes and 230 elsewhere.", OK),
    ("listed-parts-of-care-leavers", "We support 85 care leavers, 40 in education and 20 in "
     "work.", OK),
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
    ("appositive-up-n-of-protection-plans", "Children subject to a CP plan: 250 (up 30 on "
     "last quarter).", OK),
    ("appositive-up-n-of-the-stock", "Children looked after: 270 (up 30 on last quarter).",
     "error: 27"),
    ("change-since-the-end-of-the-month-before", "The number of children in care has "
     "increased by 30 since the end of September.", "error: 27"),
    ("change-since-another-month-end", "The number of children in care has increased by 30 "
     "since the end of June.", OK),
    ("appositive-change-of-a-type", "There are 45 children in kinship placements, an "
     "increase of 6.", OK),
    ("appositive-change-of-another-year", "In 2019 there were 250 children in care, a rise "
     "of 20.", OK),
    # ---- "N children out of a total of M, had ...": M is the whole the part's noun counts
    # (inferred); what the part did is not what the whole is
    ("out-of-a-total-whole-right", "As 5 children out of a total of 270, had moved placement "
     "three or more times during the year.", OK),
    ("out-of-a-total-whole-wrong", "As 5 children out of a total of 280, had moved placement "
     "three or more times during the year.", "warning: 270"),
    ("out-of-a-total-right-without-a-comma", "5 children out of a total of 270 had moved "
     "placement three or more times.", OK),
    # ---- "N more (fewer) than at <day>": the change since that day, when it starts a window
    # of ours (the day before the quarter, 31 March); certain beside today's count
    ("more-than-at-the-quarters-start", "We look after 270 children, 30 more than at the end "
     "of September.", "error: 27"),
    ("more-than-at-the-quarters-start-right", "We look after 270 children, 27 more than at "
     "the end of September.", OK),
    ("more-than-at-the-year-start", "There are 270 children in care, 60 more than at 31 "
     "March.", "error: 65"),
    ("fewer-than-at-the-year-start-goes-the-other-way", "There are 270 children in care, 12 "
     "fewer than at the end of March.", "error: 65, a rise: the change goes the other way"),
    ("more-than-last-quarter", "The council looks after 270 children, 30 more than last "
     "quarter.", "error: 27"),
    ("more-children-than-without-a-count-beside", "We have 30 more children in care than at "
     "the end of September.", "warning: 27"),
    # near misses: a day that starts no window of ours, another count's change, elsewhere
    ("more-than-at-another-day", "There are 270 children in care, 30 more than at the end of "
     "June.", OK),
    ("more-than-of-a-type", "There are 45 children in kinship placements, 5 more than at the "
     "end of September.", OK),
    ("more-than-of-protection-plans", "There are 250 children on child protection plans, 30 "
     "more than at the end of September.", OK),
    ("more-than-nationally", "Nationally, there are 3,000 more children in care than at the "
     "end of March.", OK),
    # ---- a change's start with the day it was on and no "to Y": the number looked after
    # that day (inferred, as "from X to Y"'s X is)
    ("increase-from-at-the-previous-quarter", "That was a rise from 250 children at the end "
     "of the previous quarter.", "warning: 243"),
    ("increase-from-at-the-previous-quarter-right", "That was a rise from 243 children at the "
     "end of the previous quarter.", OK),
    ("increase-from-at-the-previous-year-end", "This was an increase from 215 children at the "
     "previous year end.", "warning: 205"),
    ("up-from-at-31-march", "The number of children in care has risen, up from 215 at 31 "
     "March.", "warning: 205"),
    ("increase-from-of-protection-plans", "This was an increase from 300 children on child "
     "protection plans at the end of the previous quarter.", OK),
    ("increase-from-nationally", "Nationally this was an increase from 80,000 children at the "
     "previous year end.", OK),
    # ---- "this is an additional N children": the change of the children looked after
    # (inferred: what "this" is the words leave open); never new entrants
    ("an-additional-n-children", "It is an additional 30 children and equates to an 11% "
     "increase.", "warning: 27"),
    ("an-additional-n-children-right", "This is an additional 27 children.", OK),
    ("an-additional-n-children-who-came-into-care", "This is an additional 30 children who "
     "came into care.", OK),
    # ---- "..., and the number now stands at N": after a clause naming children in care, their
    # number today (certain with "now"); inferred without it or after a type; silent after
    # another countable thing
    ("the-number-now-stands-at", "There are 25 more looked-after children than three years "
     "ago, and the number now stands at 290.", "error: 270"),
    ("the-number-now-stands-at-right", "There are 25 more looked-after children than three "
     "years ago, and the number now stands at 270.", OK),
    ("the-number-stands-at-without-now", "There are 25 more looked-after children than three "
     "years ago, and the number stands at 290.", "warning: 270"),
    ("the-number-now-after-a-type", "More children live in residential care than before, and "
     "the number now stands at 40.", "warning: 29"),
    ("the-number-now-after-referrals", "Referrals have risen sharply and the number now "
     "stands at 300.", OK),
    # ---- a count beside its rate per 10,000: the rate in apposition is its own phrase; a
    # count in brackets after a rate of children in care is the rate's number of children
    ("count-then-its-rate", "We look after 290 children, a rate of 64 per 10,000.",
     "error: 270"),
    ("count-then-its-rate-right", "We look after 270 children, a rate of 64 per 10,000.", OK),
    ("count-in-brackets-after-its-rate", "The rate of looked after children was 64 per 10,000 "
     "(290 children in care).", "error: 270"),
    ("bare-count-in-brackets-after-its-rate", "The rate of looked after children was 64 per "
     "10,000 (290 children).", "warning: 270"),
    ("bare-count-in-brackets-after-its-rate-right", "The rate of looked after children was 64 "
     "per 10,000 (270 children).", OK),
    ("count-in-brackets-after-a-national-rate", "Nationally the rate of children looked after "
     "is 70 per 10,000 (83,000 children).", OK),
    ("count-in-brackets-after-a-rate-of-children-in-need", "The rate of children in need is "
     "330 per 10,000 (1,400 children).", OK),
    ("count-in-brackets-after-a-dated-rate", "In 2019 the rate of children looked after was 55 "
     "per 10,000 (210 children).", OK),
    # ---- the whole of a flow: its part is of the children who came into care, never of all
    # looked after
    ("part-of-a-flow", "Of the 50 children who entered care this quarter, 10 were placed with "
     "parents.", OK),
    ("whole-of-a-flow-not-a-stock", "Of the 50 children who came into care this quarter, 10 "
     "were UASC.", OK),
    # ---- a start compared with ("compared with X at <day>") and near misses
    ("compared-with-at-the-quarters-start", "At the end of December, 270 children were looked "
     "after, compared with 250 at the end of September.", "warning: 243"),
    ("compared-with-of-uasc", "We have 14 UASC, up from 10 at the end of September.", OK),
    ("from-to-over-the-last-year", "The number of children in care fell from 290 to 270 over "
     "the last year.", OK),
    ("flow-in-the-named-quarter", "During Q3, 50 children entered care and 17 left care.",
     "error: 44"),
    # ---- spans the data hold no figure for: a change over a year (the data's changes are
    # since the quarter began and since April), "the last 6 months", "the same period"
    ("a-year-on-year-change-is-not-the-quarters", "The number of children looked after has "
     "increased by 10 since this time last year.", OK),
    ("a-year-on-year-change-appositive", "There were 270 looked after children at the end of "
     "December, an increase of 12 on the same point last year.", OK),
    ("a-year-on-year-change-with-a-financial-year", "Children in care rose by 40 compared to "
     "2022/23.", OK),
    ("last-n-months", "125 children have ceased to be looked after in the last 6 months.", OK),
    ("the-same-period-of-another-sentence", "103 children have become looked after in the "
     "same period.", OK),
    ("the-same-period-of-this-sentence", "In the quarter, 50 children became looked after and "
     "17 ceased in the same period.", "error: 44"),
    # a flow with no window named in a quarter's report: the quarter's or the year's so far
    ("a-flow-without-a-window-is-inferred", "In total 50 children have become looked after.",
     "warning: 44"),
    ("a-flow-with-its-window", "50 children became looked after this quarter.", "error: 44"),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_count_families_against_an_ssda903_file(episodes: Judged, rule: str, sentence: str,
                                                expected: str) -> None:
    assert episodes.verdict(sentence) == expected


YEARLY_CASES = [
    # a change over a year, its start named by a financial year or "last year": the series'
    # change since the point a year before
    ("change-compared-to-a-financial-year", "The number of CLA at the end of 2015/16 increased "
     "by 35 compared to 2014/15.", "error: 31"),
    ("change-compared-to-a-financial-year-right", "The number of CLA at the end of 2015/16 "
     "increased by 31 compared to 2014/15.", OK),
    ("change-compared-to-last-year", "Children looked after have risen by 25 compared to last "
     "year.", "error: 31"),
    ("change-since-this-time-last-year", "There are 31 more children in care than this time "
     "last year.", OK),
    # near misses: a start two years back, another place's change
    ("change-over-two-years", "Children looked after increased by 35 compared to 2013/14.", OK),
    ("from-to-over-the-last-year", "The number of children in care rose from 300 to 351 over "
     "the last year.", "warning: 320"),
    ("from-to-over-the-last-year-right", "The number of children in care rose from 320 to 351 "
     "over the last year.", OK),
    ("change-of-another-place", "Nationally, children looked after rose by 2,000 compared to "
     "last year.", OK),
]


@pytest.mark.parametrize(("rule", "sentence", "expected"), YEARLY_CASES,
                         ids=[c[0] for c in YEARLY_CASES])
def test_changes_over_a_year_against_a_yearly_series(yearly: Judged, rule: str, sentence: str,
                                                      expected: str) -> None:
    assert yearly.verdict(sentence) == expected
