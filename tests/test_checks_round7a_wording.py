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
from tests.test_checks_figures_heuristics import ALL, OK, _fig, verdict

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
    # a space as the thousands separator, after a pound sign
    ("£81 000", 81_000, None),
    ("£1 234 567", 1_234_567, None),
    ("£12 345.67", 12_345.67, None),
])
def test_readings_of_a_typed_number(typed: str, first: float, other: float | None) -> None:
    (lit,) = find_literals(f"a budget of {typed} was set")
    assert float(lit.value) == pytest.approx(first)
    assert (float(lit.other.value) if lit.other is not None else None) == (
        pytest.approx(other) if other is not None else None)


# -- a surplus or deficit set against a planned one: each is the net result itself, no variance;
# the amount they differ by is the variance (favourable for more surplus or less deficit)
PLANNED_NET = [
    ("net-results-compared", "The forecast deficit position of £5.2m compares with the budgeted "
     "deficit of £3.2m.", NORTHSHIRE, OK),
    ("net-results-approved", "The outturn was a surplus of £0.9m against an approved surplus of "
     "£2.9m.", NORTHSHIRE, OK),
    ("difference-above-planned-deficit", "The final outturn showed a deficit of £2.6m, £2.0m "
     "above the budgeted deficit of £0.6m.", NORTHSHIRE, OK),
    ("difference-above-planned-deficit-wrong", "The final outturn showed a deficit of £2.6m, "
     "£2.5m above the budgeted deficit of £0.1m.", NORTHSHIRE, "error: £2.0m"),
    ("increase-against-planned-deficit", "This represented a £2.0m increase against the planned "
     "deficit of £1.3m.", NORTHSHIRE, OK),
    ("increase-against-planned-deficit-wrong", "This represented a £2.5m increase against the "
     "planned deficit of £1.3m.", NORTHSHIRE, "error: £2.0m"),
    ("line-surplus-above-its-plan", "Home to School Transport showed a surplus of £4.0m, £0.2m "
     "above its budgeted surplus of £3.8m.", None, OK),
    ("line-surplus-above-its-plan-wrong", "Home to School Transport showed a surplus of £4.0m, "
     "£0.5m above its budgeted surplus of £3.5m.", None, "error: £0.2m"),
    ("line-surplus-below-its-plan", "Home to School Transport showed a surplus of £3.6m, £0.2m "
     "below its budgeted surplus of £3.8m.", None, "error: an underspend of £0.2m"),
    ("line-deficit-worse-than-planned", "Children's Social Care showed a deficit of £2.2m, £1.2m "
     "worse than its planned deficit of £1.0m.", None, OK),
    ("line-deficit-better-than-planned", "Children's Social Care showed a deficit of £2.2m, "
     "£1.2m better than its planned deficit of £3.4m.", None, "error: an overspend of £1.2m"),
    # near-misses: no planned one in the sentence, so a deficit is an overspend as before
    ("deficit-alone", "The forecast deficit is £2.5m.", NORTHSHIRE, "error: £2.0m"),
    ("overspend-against-planned-deficit", "There is a forecast overspend of £2.5m against the "
     "budgeted deficit.", NORTHSHIRE, "error: £2.0m"),
    ("surplus-of-a-line-alone", "Children's Social Care showed a surplus of £1.5m.", None,
     "error: an overspend of £1.2m"),
    # a budget deficit, an expected one, is the year's forecast against its budget
    ("budget-deficit-beside-a-budget-surplus", "The latest forecast net budget gives a budget "
     "deficit of £2.5m.", NORTHSHIRE, "error: £2.0m"),
    ("expected-deficit", "This has caused an expected deficit of £2.5m, against £1.0m last "
     "quarter.", NORTHSHIRE, "error: £2.0m"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in PLANNED_NET],
                         ids=[c[0] for c in PLANNED_NET])
def test_planned_net_result(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- what pays for an amount ("to be funded from the underspend") is not its measure, and a
# budget said to be new is an item's own, never the whole's (a named line's only by inference)
SOURCES = [
    ("funded-from-an-underspend", "Cabinet approves the creation of a new budget of £75,000 for a "
     "summer festival, to be funded from the forecasted underspend in the revenue budget.",
     NORTHSHIRE, OK),
    ("line-amount-funded-from-an-underspend", "There is £1.5m in Children's Social Care funded "
     "from the forecast underspend.", None, OK),
    ("new-budget-for-an-item", "Cabinet agreed the establishment of a budget of £75,000 for tree "
     "planting.", NORTHSHIRE, OK),
    ("dedicated-budget-for-a-line", "Cabinet agreed a dedicated budget of £0.5m for Children's "
     "Social Care.", None, "warning: £20.0m"),
    # near-misses: the overspend itself, funded from elsewhere, is still read; the whole's
    # budget not said to be new is still the whole's
    ("overspend-funded-from-contingency", "Children's Social Care has overspent by £1.5m, which "
     "will be funded from the contingency budget.", None, "error: £1.2m"),
    ("overspend-funded-from-contingency-right", "Children's Social Care has overspent by £1.2m, "
     "which will be funded from the contingency budget.", None, OK),
    ("the-whole-budget", "The Council's budget of £41.0m was approved.", NORTHSHIRE,
     "error: £40.0m"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in SOURCES],
                         ids=[c[0] for c in SOURCES])
def test_sources_and_new_budgets(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- money given to a budget line the data hold, with no measure word of its own, is the line's
# budget, inferred (it may be a part of it)
GIVEN_TO = [
    ("allocation-to-a-line", "The Council approved a base allocation to Children's Social Care "
     "of £20.0m.", None, OK),
    ("allocation-to-a-line-wrong", "The Council approved a base allocation to Children's Social "
     "Care of £21.5m.", None, "warning: £20.0m"),
    ("funding-for-a-line-wrong", "Council funding for Home to School Transport will now be £4.5m "
     "in 2024/25.", None, "warning: £4.0m"),
    ("funding-for-a-line", "Council funding for Home to School Transport will now be £4.0m.",
     None, OK),
    ("contribution-to-a-line-wrong", "The contribution to Adoption & Fostering from the Council "
     "is £17.5m.", None, "warning: £16.0m"),
    # near-misses: a name the data lack, another year, an increment keep their old readings
    ("funding-for-an-unknown-thing", "Cabinet agreed funding for the new leisure centre of "
     "£2.0m.", NORTHSHIRE, OK),
    ("allocation-of-another-year", "The allocation to Children's Social Care in 2022/23 was "
     "£15.0m.", None, OK),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in GIVEN_TO],
                         ids=[c[0] for c in GIVEN_TO])
def test_given_to_a_line(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- an amount by which spending (or income) passes its budget or estimate is the variance:
# adverse for spending over it or income under it, favourable for the reverse
PASSED = [
    ("exceed-the-budget-by", "Children's Social Care would exceed the budget by £1.5m.", None,
     "error: £1.2m"),
    ("exceed-the-budget-by-right", "Children's Social Care would exceed the budget by £1.2m.",
     None, OK),
    ("increase-from-the-budget-by", "Net expenditure for Children's Social Care would increase "
     "from the approved budget by a total of £1.5m.", None, "error: £1.2m"),
    ("increase-from-the-budget-by-right", "Net expenditure for Children's Social Care would "
     "increase from the approved budget by a total of £1.2m.", None, OK),
    ("fall-below-the-budget-by", "Spending on Home to School Transport would fall below the "
     "budget by £0.2m.", None, OK),
    ("income-underestimated-by", "Income from Home to School Transport had been underestimated "
     "by £0.5m.", None, "error: £0.2m"),
    ("income-exceeded-the-budget", "Home to School Transport income exceeded the budget by "
     "£0.2m.", None, OK),
    ("costs-underestimated-by", "Costs in Children's Social Care had been underestimated by "
     "£1.2m.", None, OK),
    ("costs-overestimated-by", "Costs in Children's Social Care had been overestimated by "
     "£1.2m.", None, "error: an overspend of £1.2m"),
    # near-misses: a budget itself increased, an estimate of neither income nor spending
    ("budget-increased-by", "The Children's Social Care budget was increased by £1.5m.", None,
     OK),
    ("estimate-of-nothing", "The number of families had been underestimated by £1.5m.", None,
     OK),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in PASSED],
                         ids=[c[0] for c in PASSED])
def test_passed_its_budget_by(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- an overspend or underspend of a sentence that names nothing (bundle with budget_scope): the
# council called by its kind names nothing else; what a later clause names is that clause's;
# a position word right after a direction word takes its direction
SIGNED = [
    ("deficit-position", "At the end of the third quarter the forecast had worsened to a net "
     "deficit position of £2.5m.", "error: £2.0m"),
    ("deficit-position-right", "At the end of the third quarter the forecast had worsened to a "
     "net deficit position of £2.0m.", OK),
    ("council-by-its-kind", "The County Council is now projecting an overspend of £2.5m for the "
     "2024/25 financial year.", "error: £2.0m"),
    ("names-in-a-later-clause", "He highlighted the £2.5m forecast overspend and the main adverse "
     "variances, which were linked to ICT licences and unrecoverable Housing Benefit claims.",
     "error: £2.0m"),
    ("reserve-in-a-later-clause", "There was a forecast overspend of £2.5m, against the budget, "
     "but the bulk of that (£1.0m) related to the sustainability reserve.", "error: £2.0m"),
    ("capital-in-a-later-clause", "This showed a projected revenue overspend of £2.5m at the "
     "year-end, and a projected capital underspend of £0.4m.", "error: £2.0m"),
    ("capital-in-a-later-clause-right", "This showed a projected revenue overspend of £2.0m at "
     "the year-end, and a projected capital underspend of £0.4m.", OK),
    # near-misses: a name or capital in the amount's own clause keeps it inferred
    ("name-in-its-own-clause", "Leisure Services reported an overspend of £2.5m.",
     "warning: £2.0m"),
    ("capital-in-its-own-clause", "There is a projected overspend of £2.5m in the Capital "
     "Programme.", OK),
    ("reserve-in-its-own-clause", "A forecast overspend of £2.5m will be met from the "
     "sustainability reserve.", "warning: £2.0m"),
    # -- so is spending said with only a whole's qualifiers before it
    ("forecast-spend-to-year-end", "The current forecast spend to the end of the financial year "
     "was £45.0m.", "error: £42.0m"),
    ("forecast-spend-to-a-dated-year-end", "The current forecast spend to the end of the "
     "financial year in March 2025 was £45.0m.", "error: £42.0m"),
    ("forecast-spend-to-year-end-right", "The current forecast spend to the end of the financial "
     "year was £42.0m.", OK),
    # near-misses: spending of or for something, and a bare budget, stay inferred
    ("spend-on-a-service", "The forecast spend on leisure services was £45.0m.",
     "warning: £42.0m"),
    ("spend-for-something-after", "The forecast spend was £45.0m for the leisure trust.",
     "warning: £42.0m"),
    # a bare budget naming nothing but the report's own scope is the whole's (fix round 7b's
    # rule, the budget's counterpart of round 6's unnamed over- or underspend)
    ("revised-budget-is-the-wholes", "The latest revised budget of £45.0m was noted.",
     "error: £40.0m"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in SIGNED],
                         ids=[c[0] for c in SIGNED])
def test_signed_total(sentence: str, expected: str) -> None:
    assert verdict(sentence, ALL, names=NORTHSHIRE) == expected


# -- a change word governs the amount after "in <a measure's words, a name's too> of"
CHANGE_IN = [
    ("increase-in-a-named-overspend", "There has been an increase in the Children's Social Care "
     "overspend of £0.5m.", "error: £0.3m"),
    ("increase-in-a-named-overspend-right", "There has been an increase in the Children's Social "
     "Care overspend of £0.3m.", OK),
    ("increase-in-the-overspend", "There has been an increase in the overspend of £0.5m.",
     "error: £0.3m"),
    # near-misses: "to" after the words gives the new level; no change word, the level
    ("increase-in-a-named-overspend-to", "Details were provided, including an increase in the "
     "Children's Social Care overspend to £1.5m in quarter three.", "error: £1.2m"),
    ("overspend-in-a-line-of", "The overspend in Children's Social Care of £1.5m was reported.",
     "error: £1.2m"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in CHANGE_IN],
                         ids=[c[0] for c in CHANGE_IN])
def test_change_in_a_measure_of(sentence: str, expected: str) -> None:
    assert verdict(sentence, ALL) == expected


# -- spending compared with its budget is the variance ("above budget revenue spend of £215K");
# a cost said to be extra of a named line is a rise of spending (its overspend, inferred)
SPENDING = [
    ("above-budget-spend", "The key matters to note were: above budget revenue spend of £1.5m; "
     "savings of £0.7m delivered.", NORTHSHIRE, "error: £2.0m"),
    ("above-budget-spend-right", "The key matters to note were: above budget revenue spend of "
     "£2.0m; savings of £0.7m delivered.", NORTHSHIRE, OK),
    ("additional-cost-of-a-line", "There is still pressure on the Children's Social Care budget "
     "and the anticipated additional cost of £1.5m will be funded from grant.", None,
     "warning: £1.2m"),
    ("additional-cost-of-a-line-right", "There is still pressure on the Children's Social Care "
     "budget and the anticipated additional cost of £1.2m will be funded from grant.", None, OK),
    # near-misses: the cost itself; an extra cost of something the data do not hold
    ("the-cost-itself", "The cost of Children's Social Care is £21.5m.", None, "error: £21.2m"),
    ("additional-cost-of-an-item", "The additional cost of £1.5m for the new leisure centre was "
     "noted.", None, OK),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in SPENDING],
                         ids=[c[0] for c in SPENDING])
def test_spending_compared_or_extra(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- a dash before a capitalised word that opens a sentence ends the amount's clause: what the
# words after it name is theirs ("£1,019k adverse variance – For districts of our size, …")
DASH = [
    ("dash-then-the-council", "Children's Social Care: £1.5m adverse variance – For Northshire "
     "County Council as a whole the position is better.", NORTHSHIRE, "error: £1.2m"),
    ("dash-then-a-cause", "Children's Social Care: £1.2m adverse variance – The main cause is "
     "placements.", None, OK),
    # near-miss: a dash inside a name keeps the name whole
    ("dash-inside-a-name", "Children's Social Care – Placements: £1.5m adverse variance.", None,
     "error: £1.2m"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in DASH],
                         ids=[c[0] for c in DASH])
def test_dash_before_a_sentence_opener(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, ALL, names=names) == expected  # type: ignore[arg-type]


# -- a percentage headed by a money measure word ("a variance of 4.7%") is that word's share,
# of the budget said after it with "of", "from" or "against" (the total overspends by 5.0%)
SHARED = [*ALL, _fig("budget.total.variance_pct", "variance_pct", 2_005_321 / 40_000_000,
                     unit="percent")]
SHARES = [
    ("variance-of-a-share-of-the-budget", "The outturn was a net budget overspend of £2.0m which "
     "represents a variance of 6.1% of the total net budget requirement.", "error: 5.0%"),
    ("variance-of-a-share-of-the-budget-right", "The outturn was a net budget overspend of £2.0m "
     "which represents a variance of 5.0% of the total net budget requirement.", OK),
    ("variation-from-the-budget", "This represented a variation of 6.1% from the revised "
     "budget.", "error: 5.0%"),
    ("variation-from-the-budget-right", "This represented a variation of 5.0% from the revised "
     "budget.", OK),
    # near-misses: a percentage headed by a noun of its own; a share of something else
    ("allocation-of-a-percentage", "The allocation of 7% was agreed.", OK),
    ("share-of-an-increase", "Placements make up 45% of the budget increase from the revised "
     "budget.", OK),
    ("an-increase-of-a-percentage", "There has been an increase of 32 per cent of the budget "
     "since 2017.", OK),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in SHARES],
                         ids=[c[0] for c in SHARES])
def test_share_of_the_budget(sentence: str, expected: str) -> None:
    assert verdict(sentence, SHARED) == expected


# -- an amount "projected/reported to the end of <month>" is an earlier report's only when the
# month is not the one the report's period ends in (a 2024/25 Q3 report ends in December 2024)
MONTHS = [
    ("projected-to-its-own-month", "Children's Social Care showed an overspend of £1.5m projected "
     "to the end of December.", "error: £1.2m"),
    ("projected-to-its-own-month-and-year", "Children's Social Care showed an overspend of £1.5m "
     "projected to the end of December 2024.", "error: £1.2m"),
    ("projected-to-its-own-month-right", "Children's Social Care showed an overspend of £1.2m "
     "projected to the end of December 2024.", OK),
    # near-misses: an earlier month, another year's December
    ("reported-in-an-earlier-month", "Children's Social Care showed an overspend of £1.5m "
     "reported in September.", OK),
    ("projected-to-another-years-month", "Children's Social Care showed an overspend of £1.5m "
     "projected to the end of December 2023.", OK),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in MONTHS],
                         ids=[c[0] for c in MONTHS])
def test_reported_to_a_month(sentence: str, expected: str) -> None:
    assert verdict(sentence, ALL) == expected
