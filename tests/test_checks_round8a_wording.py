"""Wording of fire, police, combined and national park authorities' minutes (issue 26, fix
round 8, hold-out 26), pinned rule by rule on the hand-made figures of
test_checks_figures_heuristics (report period 2024/25 Q3 unless a row says otherwise).

Each row is in other words and figures than the hold-out sentence it was found in, with correct
sentences that must raise nothing and near-misses that must keep their old reading. The rules
are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.reading import report_names
from tests.test_checks_figures_heuristics import ALL, GROWTH, OK, _fig, _line, verdict

NORTHSHIRE = report_names("Northshire County Council", "Children's Services", "Cabinet", {},
                          "council")
SHARE = [*ALL, _fig("budget.total.variance_pct", "variance_pct", 0.0501, unit="percent")]
# A small line whose underspend is £27,000: a round "£30,000" may be a report's £0.03m.
FUEL = [*ALL, *_line("Vehicle fuel", 500_000, 473_000)]

CASES = [
    # -- the complement of a copula whose own subject is a noun that is no measure word: that
    # noun's amount (a levy, a precept), never a measure word's elsewhere in the clause
    ("copula-own-noun", "The net budget is £40.0m, but as the Council is drawing on reserves "
     "to reduce costs, the precept for the district will be £9.4m.", ALL, NORTHSHIRE, OK),
    ("copula-own-noun-was", "Because demand had grown and spending rose, the charge to the "
     "partner councils was £6.25m.", ALL, NORTHSHIRE, OK),
    # near-misses: the noun is a measure word, or the measure stands after the amount
    ("copula-measure-noun", "As the Council is drawing on reserves to reduce costs, its "
     "spending for the year will be £45.0m.", ALL, NORTHSHIRE, "error: £42.0m"),
    ("copula-overspend-noun", "Despite the measures taken, the overspend for the year is "
     "£3.1m.", ALL, NORTHSHIRE, "error: £2.0m"),
    ("copula-measure-after", "Despite the measures taken, the result for the year was a £3.1m "
     "overspend.", ALL, NORTHSHIRE, "error: £2.0m"),
    # -- a verb of adding with "to" a measure: an addition to it, not its level
    ("added-to-costs", "Children's Social Care agency fees had added £75,000 to costs.", ALL,
     None, OK),
    ("contributed-to-overspend", "Agency staffing contributed £0.4m to the overspend.", ALL,
     NORTHSHIRE, OK),
    # near-misses: added to a budget is its growth; "to" a verb is a purpose; no verb of adding
    ("added-to-a-budget", "The Council added £1.9m to the Adoption & Fostering budget.",
     GROWTH, None, "warning: £1.2m"),
    ("contribute-to-a-verb", "Children's Social Care had an overspend of £1.9m, which will "
     "contribute to the pressures.", ALL, None, "error: £1.2m"),
    ("costs-of", "Children's Social Care had costs of £25.0m.", ALL, None, "error: £21.2m"),
    # -- a percentage of the budget that an amount stated just before it represents: that
    # amount's share; only a variance's share is a figure of the data
    ("share-of-spending", "Spending on the service was £31.6m, which represented 79% "
     "of the annual budget.", SHARE, NORTHSHIRE, OK),
    ("share-of-income", "Income received was £2.2m and represented 56% of the budget.", SHARE,
     NORTHSHIRE, OK),
    # near-miss: an overspend's share of the budget is the variance percentage
    ("share-of-overspend", "The overspend was £2.0m, which represented 7.5% of the budget.",
     SHARE, NORTHSHIRE, "error: 5.0%"),
    # -- spending said of the year so far: not the year's spend of the data
    ("spend-to-date", "Net expenditure to date is £28.3m.", ALL, NORTHSHIRE, OK),
    ("spend-for-the-period-to", "For the period to 30 November, net expenditure was £27.9m.",
     ALL, NORTHSHIRE, OK),
    # near-misses: the year's forecast spend, or spending to date set beside a forecast
    ("spend-forecast", "Net expenditure is forecast to be £45.0m.", ALL, NORTHSHIRE,
     "error: £42.0m"),
    ("spend-forecast-after-to-date", "Net expenditure to date is £28.3m and is forecast to be "
     "£45.0m by the year end.", ALL, NORTHSHIRE, "error: £42.0m"),
    # -- income or a grant more or less than budgeted: its shortfall is adverse (inferred)
    ("grant-less-than-budgeted", "The Children's Social Care grant income was £1.2m less than "
     "budgeted.", ALL, None, OK),
    ("grant-less-than-budgeted-wrong", "The Children's Social Care grant income was £1.7m less "
     "than budgeted.", ALL, None, "warning: £1.2m"),
    # near-miss: spending less than budgeted is an underspend, said wrong surely
    ("spend-less-than-budgeted", "Children's Social Care spending was £1.2m less than "
     "budgeted.", ALL, None, "error: an overspend of £1.2m"),
    # -- an amount between a definite article and a noun of its own: that noun's amount
    ("definite-own-noun", "There is a £2.0m overspend for the year, which includes the £0.6m "
     "repayment to reserves.", ALL, NORTHSHIRE, OK),
    ("definite-own-noun-loan", "Children's Social Care overspent by £1.2m, as the £0.3m loan "
     "was repaid.", ALL, None, OK),
    # near-misses: the noun is a measure word, or a named line follows
    ("definite-measure-noun", "Members noted the £2.6m overspend for the year.", ALL,
     NORTHSHIRE, "error: £2.0m"),
    ("definite-named-line", "Members noted the £1.9m Children's Social Care overspend.", ALL,
     None, "error: £1.2m"),
    # near-miss: a verb after the amount, not a noun of its own
    ("definite-then-verb", "Members noted that the £2.6m reported at Month 3 was an overspend.",
     ALL, NORTHSHIRE, OK),
    # -- "budget of" introducing an amount, when the measure word beside it follows another
    # amount of its own ("a £1.9m overspend against the revised budget of £21.0m")
    ("budget-of-beside-own-overspend", "Children's Social Care shows a £1.2m overspend against "
     "its revised budget of £20.0m.", ALL, None, OK),
    ("budget-of-beside-own-overspend-wrong", "Children's Social Care shows a £1.2m overspend "
     "against its revised budget of £23.0m.", ALL, None, "error: £20.0m"),
    # near-miss: an overspend on a budget with one amount is the overspend's
    ("overspend-on-budget-of", "Children's Social Care shows an overspend on its budget of "
     "£1.9m.", ALL, None, "error: £1.2m"),
    # -- "c." or "approx." before an amount ends no sentence: the amount keeps its words
    ("circa-abbreviated", "Notes the forecast underspend of c. £240k on Home to School "
     "Transport.", ALL, None, OK),
    ("circa-abbreviated-wrong", "Notes the forecast underspend of c. £410k on Home to School "
     "Transport.", ALL, None, "error: £240k"),
    ("approx-abbreviated-wrong", "Notes the forecast underspend of approx. £410k on Home to "
     "School Transport.", ALL, None, "error: £240k"),
    # near-miss: a full stop after a word still ends the sentence
    ("stop-still-ends", "Notes the overspend of £1.2m on Children's Social Care. Home to School "
     "Transport was underspent by £0.5m.", ALL, None, "error: £0.2m"),
    # -- a whole-pounds amount round to £10,000 may be a report's £0.03m written out: a
    # disagreement within that rounding only warns; beyond it, an error
    ("round-ten-thousands", "Vehicle fuel was underspent by £30,000.", FUEL, None,
     "warning: £27,000"),
    ("round-ten-thousands-beyond", "Vehicle fuel was underspent by £40,000.", FUEL, None,
     "error: £27,000"),
    ("round-ten-thousands-finer-beside", "Vehicle fuel was underspent by £30,000, with "
     "Children's Social Care overspent by £1,234,567.", FUEL, None, "error: £27,000"),
    # -- a supplementary budget is an addition, never the whole's budget
    ("supplementary-budget", "The Council's supplementary budget of £0.5m was approved.",
     ALL, NORTHSHIRE, OK),
    ("supplementary-grant", "Approve supplementary revenue grant funding to the Council of up "
     "to £2m in 2024/25.", ALL, NORTHSHIRE, OK),
    # near-miss: the Council's own revenue budget
    ("whole-budget", "The Council's revenue budget of £41.3m was approved.", ALL, NORTHSHIRE,
     "error: £40.0m"),
]


@pytest.mark.parametrize(("sentence", "figures", "names", "expected"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_round8a_wording(sentence: str, figures: list, names: object, expected: str) -> None:
    assert verdict(sentence, figures, names=names) == expected  # type: ignore[arg-type]
