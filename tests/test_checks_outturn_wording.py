"""Monitoring and outturn wording of district councils' and joint committees' minutes (issue 26,
fix round 6), pinned sentence by sentence on the hand-made figures of
test_checks_figures_heuristics (report period 2024/25 Q3; the previous quarter's figures of
Children's Social Care are held too).

Each row is in other words and figures than the hold-out sentence it was found in: amounts of
another council ("an overspend in Worthing Borough Council of £548k"), items named after their
amounts ("£58,000 in Adur and £762,000 in Worthing"), "and an underspend in X of £b" as the next
item, a past when-clause dated by a quarter, a quarter by its ordinal ("the third quarter's
position"), a bracketed share of an amount read only by inference, an ambiguous amount that
agrees with the figure another amount is read as, and round multiples of £100,000. The rules
are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.reading import report_names
from tests.test_checks_figures_heuristics import ALL, OK, _fig, _line, verdict

# A joint committee's report for Adur: Worthing is the partner council, no budget of the data.
ADUR = report_names("Adur District Council", "Children's Services", "Joint Strategic Committee",
                    {}, "council")
NORTHSHIRE = report_names("Northshire County Council", "Children's Services", "Cabinet", {},
                          "council")

# The total's overspend as a share of its budget (£2,005,321 of £40m: 5.0%).
FIGURES = [*ALL, _fig("budget.total.variance_pct", "variance_pct", 2_005_321 / 40_000_000,
                      unit="percent")]

CASES = [
    # -- an amount of another council than the report's is none of its figures
    ("another-council-named-before", "The final position was an overspend in Worthing Borough "
     "Council of £548k.", ADUR, OK),
    ("another-council-after-an-item-of-ours", "The outturn was an underspend in Worthing Borough "
     "Council of £154k and an overspend in Adur District Council of £2,005k.", ADUR, OK),
    ("another-council-named-after", "Members noted £1.1m for Hastings Borough Council.", ADUR, OK),
    ("places-named-after-their-amounts", "The projection was net overspends of £762,000 in "
     "Worthing and £2,005,000 in Adur.", ADUR, OK),
    ("places-our-amount-wrong", "The projection was net overspends of £762,000 in Worthing and "
     "£2,500,000 in Adur.", ADUR, "error: £2,005,321"),
    # near-misses: the report's own council named so is its own total
    ("own-council-named-before", "The final position was an overspend in Adur District Council "
     "of £1.9m.", ADUR, "error: £2.0m"),
    ("own-council-alone", "Outturns were an overspend of £1.9m for Adur.", ADUR, "error: £2.0m"),
    # -- items named after their amounts: each amount is its own name's
    ("items-named-after", "The current projection was overspends of £1,235,000 in Children's "
     "Social Care and £1,500,000 in Adoption & Fostering.", None, "error: £1,011,054"),
    ("items-named-after-right", "The current projection was overspends of £1,235,000 in "
     "Children's Social Care and £1,011,000 in Adoption & Fostering.", None, OK),
    ("items-named-after-three", "Forecasts showed overspends of £1.2m on Children's Social Care, "
     "£1.4m on Adoption & Fostering and £2.0m across the directorate.", None, "error: £1.0m"),
    # -- "and a/an <measure>" after an amount starts the next item
    ("next-item-with-its-own-measure", "The final position was an overspend in Children's Social "
     "Care of £1.4m and an underspend in Home to School Transport of £0.2m.", None,
     "error: £1.2m"),
    ("next-item-first-amount-right", "The final position was an overspend in Children's Social "
     "Care of £1.2m and an underspend in Home to School Transport of £0.2m.", None, OK),
    ("next-item-reversed", "Outturns were an underspend in Home to School Transport of £0.2m and "
     "an overspend in Children's Social Care of £1.7m.", None, "error: £1.2m"),
    # -- a past when-clause dated by a quarter: all its amounts are that quarter's
    ("when-clause-of-a-quarter", "This differed from the projections reported at quarter 2 when "
     "outturns were predicted to be an underspend of £0.3m in Home to School Transport and an "
     "overspend in Children's Social Care of £1.5m.", None, "error: £0.9m"),
    ("when-clause-of-a-quarter-right", "This differed from the projections reported at quarter 2 "
     "when outturns were predicted to be an underspend of £0.3m in Home to School Transport and "
     "an overspend in Children's Social Care of £0.9m.", None, OK),
    # near-miss: "now" leaves the when-clause for this period
    ("when-clause-then-now", "At quarter 2 when the forecast was first made, Children's Social "
     "Care is now overspent by £1.5m.", None, "error: £1.2m"),
    # -- a quarter by its ordinal
    ("ordinal-quarter-earlier", "In November Cabinet received the forecast based on the second "
     "quarter's position when it was reported that Children's Social Care was an estimated "
     "£1.5m over budget.", None, "error: £0.9m"),
    ("ordinal-quarter-earlier-right", "In November Cabinet received the forecast based on the "
     "second quarter's position when it was reported that Children's Social Care was an "
     "estimated £0.9m over budget.", None, OK),
    ("ordinal-quarter-not-held", "Cabinet received the forecast based on the first quarter's "
     "position when Children's Social Care was an estimated £0.5m over budget.", None, OK),
    ("ordinal-quarter-this-one", "Cabinet received the forecast based on the third quarter's "
     "position, when Children's Social Care was an estimated £1.5m over budget.", None,
     "error: £1.2m"),
    # -- a bracketed share of a sure amount is sure (its inferred kin: SHARES below)
    ("share-of-a-sure-amount", "The forecast year end position is an overspend of £2.0m (4.0%).",
     None, "error: 5.0%"),
    # -- an ambiguous amount agreeing with the figure another amount is read as
    ("ambiguous-amount-agrees", "The Leader highlighted the projected £2.0m overspend due to the "
     "pandemic, and drew attention to the table which detailed the total overspend of £2.4m, "
     "which included the loss of Northshire County Council's share of business rates.",
     NORTHSHIRE, "warning: £2.0m"),
    ("no-ambiguous-amount", "The Leader drew attention to the table which detailed the total "
     "overspend of £2.4m, which included the loss of Northshire County Council's share of "
     "business rates.", NORTHSHIRE, "error: £2.0m"),
    # -- a saving said of a budget line the savings data do not name: its underspend, inferred
    ("saving-of-a-line", "Home to School Transport recorded a saving of £0.5m, mainly from the "
     "route review.", None, "warning: £0.2m"),
    ("saving-of-a-line-right", "Home to School Transport recorded a saving of £240,300.", None,
     OK),
    # near-misses: an overspent line's "saving" is no underspend; a savings area's is its own
    ("saving-of-an-overspent-line", "Children's Social Care recorded a saving of £0.5m.", None,
     OK),
    ("saving-of-a-savings-area", "Placements recorded a saving of £0.9m.", None, "error: £0.5m"),
    # -- "and a further" goes on with the amount's verb: no next item
    ("and-a-further-is-no-next-item", "Members noted an overspend of £1.5m on Children's Social "
     "Care and a further £0.4m on Adoption & Fostering.", None, "error: £1.2m"),
    # -- a difference from what was budgeted is a variance, whatever verb comes before it
    ("more-than-budgeted-provision", "The net forecast cost of Children's Social Care was £21.2m "
     "(£1.5m more than the budgeted provision).", None, "error: £1.2m"),
    ("cost-more-than-budgeted", "Children's Social Care cost £1.5m more than the budgeted "
     "provision.", None, "error: £1.2m"),
    ("cost-less-than-budgeted", "Home to School Transport cost £0.3m less than budgeted.", None,
     "error: £0.2m"),
    ("cost-less-than-budgeted-right", "Home to School Transport cost £0.2m less than budgeted.",
     None, OK),
    ("above-the-budgeted-figure", "The outturn for Children's Social Care is £1.5m above the "
     "budgeted figure.", None, "error: £1.2m"),
    # near-misses: a surplus or income above or below what was budgeted is no overspend
    ("above-budgeted-surplus", "Income was £0.3m below budgeted income.", None, OK),
    ("the-cost-itself", "Children's Social Care cost £21.5m.", None, "error: £21.2m"),
    # -- an overspend or underspend in a sentence naming nothing is the report's whole
    ("signed-total-nothing-named", "At the end of quarter three there is a projected overspend "
     "for the year of £1.8m.", NORTHSHIRE, "error: £2.0m"),
    ("signed-total-right", "Members heard that the forecast was an overspend of £2.0m.",
     NORTHSHIRE, OK),
    # a cause or a place in lower case may be the service the over- or underspend is of (one
    # the data may not hold): not surely the whole's, so a warning
    ("signed-total-with-a-cause", "An overspend of £1.8m is forecast, principally due to the "
     "demand for temporary accommodation.", NORTHSHIRE, "warning: £2.0m"),
    ("signed-total-with-a-place", "There is a projected overspend of £1.8m within highways and "
     "waste.", NORTHSHIRE, "warning: £2.0m"),
    ("signed-total-on-track-names-nothing", "The projected overspend of £1.8m is on track to "
     "fall by the year end.", NORTHSHIRE, "error: £2.0m"),
    # with no budget_scope declared, what the data are of is only a guess: a warning
    ("signed-total-no-declared-scope", "At the end of quarter three there is a projected "
     "overspend for the year of £1.8m.", None, "warning: £2.0m"),
    # near-misses: a line named before it, another fund, capital, a name the data lack
    ("signed-after-a-named-line", "Home to School Transport has had a difficult year. There is "
     "a projected overspend for the year of £1.5m.", NORTHSHIRE, "warning: an underspend of £0.2m"),
    ("signed-of-another-fund", "The HRA showed an overspend of £0.5m.", NORTHSHIRE, OK),
    ("signed-of-capital", "The capital programme showed an overspend of £1.5m.", NORTHSHIRE,
     OK),
    # -- the capital programme's variance is no revenue figure
    ("capital-underspend-beside-revenue", "This showed a projected revenue overspend of £2.0m "
     "at the year-end, and a projected capital underspend of £0.4m.", NORTHSHIRE, OK),
    ("capital-programme-after-a-fund", "The General Fund was forecast an overspend of £2.5m; the "
     "Capital Programme was forecast an underspend of £0.7m.", ADUR, "error: £2.0m"),
    ("capital-programme-right", "The General Fund was forecast an overspend of £2.0m; the "
     "Capital Programme was forecast an underspend of £0.7m.", ADUR, OK),
    ("signed-of-an-unknown-name", "There is an overspend of £1.5m on the Leisure Centre "
     "Project.", NORTHSHIRE, OK),
    # -- a round multiple of £100,000 written out in pounds may be a "£0.2m"
    ("round-amount-within-its-rounding", "An underspend of £200,000 against the Home to School "
     "Transport budget of £4 million was projected.", None, "warning: £240,300"),
    ("round-amount-beyond-its-rounding", "An underspend of £500,000 against the Home to School "
     "Transport budget of £4 million was projected.", None, "error: £240,300"),
    ("round-amount-beside-thousands", "Home to School Transport was underspent by £200,000 and "
     "Adoption & Fostering overspent by £1,011,000.", None, "error: £240,300"),
    ("round-ten-thousands-stay-exact", "Home to School Transport was underspent by £210,000.",
     None, "error: £240,300"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_outturn_wording(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, FIGURES, names=names) == expected  # type: ignore[arg-type]


# A total underspent by £650,000 (1.6% of its £40m budget).
UNDER = [*_line("", 40_000_000, 39_350_000, scope="total"),
         _fig("budget.total.variance_pct", "variance_pct", -650_000 / 40_000_000,
              unit="percent")]
SHARES = [
    # two amounts read as the one underspend are both inferred, so are their shares
    ("share-of-an-inferred-amount", "The projected outturn is an under-spend of £610k (1.5%) "
     "which after the transfer of £240k to the 'Northshire Winter Fund' approved by Cabinet on "
     "3 March 2025, leaves a service level under spend of £370k (0.9%).", "warning: £650k"),
    ("share-of-an-inferred-amount-right", "The projected outturn is an under-spend of £650k "
     "(1.6%) which after the transfer of £280k to the 'Northshire Winter Fund' approved by "
     "Cabinet on 3 March 2025, leaves a service level under spend of £370k (0.9%).",
     "warning: £650k"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in SHARES],
                         ids=[c[0] for c in SHARES])
def test_shares(sentence: str, expected: str) -> None:
    assert verdict(sentence, UNDER, names=NORTHSHIRE) == expected
