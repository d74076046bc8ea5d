"""Measure words of budget setting and of one placement's cost (issue 26, hold-outs 8 and 9),
pinned sentence by sentence on the hand-made figures of test_checks_figures_heuristics.

Budget growth ("invest £2m in ...", "an £8m boost for ...") is read as the budget's change since
the previous period, and only ever warns (a growth item is not the whole change of a budget);
savings said to be still to make are the target; the cost of one child's or one placement's
care is an average, weekly or yearly as the words after it say. The rules are described in
docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from tests.test_checks_figures_heuristics import ALL, OK, _fig, verdict

# A previous period in which Adoption & Fostering's budget was £1.24m less and the total's
# £2.1m less (what budget setting calls growth), and two placement types' weekly costs.
GROWTH = [
    _fig("changes.lines.Adoption & Fostering.budget", "change", 1_240_000,
         "Adoption & Fostering", "line", of="budget"),
    _fig("changes.budget_budget.difference", "change", 2_100_000, of="budget"),
]
ANNUAL = [
    _fig("placements.by_type['residential'].average_annual_cost", "average_annual_cost",
         5_312.0 * 52, "residential", "type"),
    _fig("placements.by_type['ifa'].average_weekly_cost", "average_weekly_cost", 900.0, "ifa",
         "type"),
    _fig("placements.by_type['ifa'].average_annual_cost", "average_annual_cost", 900.0 * 52,
         "ifa", "type"),
]
FIGURES = ALL + GROWTH + ANNUAL

CASES = [
    # -- budget growth: the budget's change since the previous period, inferred (a warning)
    ("invest-an-amount", "Members agreed to invest £1.5m in Adoption & Fostering.",
     "warning: £1.2m"),
    ("invest-an-amount-right", "Members agreed to invest £1.2m in Adoption & Fostering.", OK),
    ("invested-after-the-amount", "£3m is now being invested across the directorate.",
     "warning: £2m"),
    ("adding-to-a-budget", "The council is adding £1.6m to the adoption and fostering budget.",
     "warning: £1.2m"),
    ("put-into-the-budget", "£0.9m was put into the Adoption & Fostering budget.",
     "warning: £1.2m"),
    ("a-boost-for", "Councillors backed a £0.9m boost for Adoption & Fostering.",
     "warning: £1.2m"),
    ("of-investment", "The directorate's plans include £2.6m of investment proposals.",
     "warning: £2.1m"),
    ("budget-growth-of", "Members approved budget growth of £1.9m for Adoption and Fostering.",
     "warning: £1.2m"),
    ("additional-funding-of", "They asked whether additional funding of £3.5m would suffice.",
     "warning: £2.1m"),
    ("an-allocation-opening-a-list-item", "£0.4m to support Adoption & Fostering",
     "warning: £1.2m"),
    ("an-allocation-right", "£1.2m to support Adoption & Fostering", OK),
    # an explicit change word before the amount still makes the claim (an error)
    ("a-change-word-proper-wins", "A further £1.6m is being invested in Adoption & Fostering.",
     "error: £1.2m"),
    # never an amount that is not a budget's growth
    ("not-capital-investment", "The council will invest £3.5m in capital schemes for Adoption & "
     "Fostering.", OK),
    ("not-investment-income", "Investment income of £3.5m was received this year.", OK),
    ("not-a-boost-from-a-grant", "The council welcomed a £3.5m boost from government.", OK),
    ("not-a-number-further-on", "The plan includes £2.1m of investment proposals and a capital "
     "programme of £7m.", OK),
    # (read as the overspend, not as an allocation; but the sentence's own "overspend of
    # £1.0m" is read as the same figure, so neither reading is certain: a warning)
    ("not-an-allocation-inside-a-sentence", "The overspend of £1.0m is due to pressures, with "
     "£0.4m to support Adoption & Fostering.", "warning: £1.0m"),
    # -- savings to be made are the target
    ("needs-to-make-savings", "Placements needs to make £1.1m of savings this year.",
     "error: £0.8m"),
    ("has-to-find-savings-right", "The Placements service has to find £0.8m of savings.", OK),
    ("a-budget-including-savings", "The Placements budget for the year includes savings of £1.1m.",
     "error: £0.8m"),
    ("savings-on-track", "Delivery of £1.1m of Placements savings is on track.", "error: £0.8m"),
    ("savings-to-be-delivered", "Transport savings of £0.6m are to be delivered this year.",
     "error: £0.4m"),
    ("savings-remaining-to-be-delivered-are-no-target",
     "Transport savings of £0.3m remain to be delivered.", OK),
    ("savings-expected-to-be-delivered-are-no-achievement",
     "Transport savings of £0.3m are expected to be delivered.", OK),
    ("agreed-savings-and-efficiencies", "approved reductions and efficiencies worth £1.1m for "
     "Placements", "error: £0.8m"),
    ("reductions-agreed", "£1.1m of Placements reductions agreed in March", "error: £0.8m"),
    ("delivering-savings-done", "Despite Placements delivering savings of £0.6m this year, the "
     "service overspent.", "error: £0.5m"),
    ("is-delivering-savings-under-way", "Placements is delivering savings of £0.6m this year.", OK),
    ("reduce-costs-by-inferred", "The service will have to reduce costs by £1.1m in Placements.",
     "warning: £0.8m"),
    ("identified-is-no-target", "Officers have identified £1.5m of efficiencies to offset the "
     "overspend.", OK),
    # (identified by a budget, they are its savings target, inferred:
    # tests/test_checks_spend_wording.py)
    ("identified-by-a-budget-is-the-target-inferred", "The budget identified £1.5m in savings.",
     "warning: £1.2m"),
    # a range is one claim, that the figure lies between its ends (checks/numbers.py)
    ("a-range-is-one-claim", "The council must make £35-40 million of savings.",
     "warning: £1m"),
    ("a-range-that-holds", "The council must make £1-2 million of savings.", OK),
    # -- the cost of one child's care: an average, by the unit after it
    ("cost-of-looking-after-a-child-yearly",
     "The cost of looking after a child in residential care is £350,000 a year.",
     "error: £276,224"),
    ("a-placement-costs-weekly", "A residential placement costs £6,000 per week.",
     "error: £5,312"),
    ("a-placement-costs-right", "A residential placement costs £5,312 a week.", OK),
    ("a-dash-ends-the-amount's-phrase",
     "The cost of looking after a child in residential care is £276,224 a year - an IFA "
     "placement costs £50,000 a year.", "error: £46,800"),
    ("a-dash-ends-the-amount's-phrase-right",
     "The cost of looking after a child in residential care is £276,224 a year - an IFA "
     "placement costs £46,800 a year.", OK),
]


@pytest.mark.parametrize(("name", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_measure_words(name: str, sentence: str, expected: str) -> None:
    assert verdict(sentence, FIGURES) == expected


def test_growth_needs_a_previous_period() -> None:
    """With no previous period the data hold no growth: the words claim nothing."""
    assert verdict("Members agreed to invest £1.5m in Adoption & Fostering.", ALL) == OK
