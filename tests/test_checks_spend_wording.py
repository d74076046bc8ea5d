"""Spending and savings as budget setting and residents' pages word them (issue 26, fix round 5),
pinned sentence by sentence on the hand-made figures of test_checks_figures_heuristics.

- Spending said as a plan or a habit ("the council will spend £Xm", "£Xm is to be spent on Y",
  "the council spends £Xm on Y every year") is the budget in a whole year's report, inferred (a
  warning), and a number agreeing with the same subject's projected spend is that figure; in a
  quarter's report "will spend" stays the forecast spend.
- What "had been budgeted" for a line is its budget (sure).
- Spending or a cost said to be extra ("had to spend an extra £Xm", "could cost an additional
  £Xm") is a rise of spending: the change of spend where the data hold one, else the overspend,
  inferred.
- An amount "by" a year after the report's ("£35-40m of savings by 2027") is a sum over the
  years to then: no figure of the period.
- The report's own whole named surely at the head of a sentence, then taken by other amounts,
  names nothing else: an unnamed amount further on is still read as the total's (inferred).
- Savings identified by a budget, or to balance it or close its gap, are its savings target,
  inferred; savings identified otherwise stay no figure of the data.
- "£Xm for Y" opening a list item, with no measure word but Y's own, is an allocation: the
  budget's growth, inferred.
- "£Xm in funding to support Y" is an allocation too, wherever it stands.
- An amount "made up of" or "a combination of" named parts ("£18.7m of savings, a combination
  of efficiency savings (£11.5m), additional income (£6.8m) …") is not of its parts' names,
  and each part in brackets after its name has the whole's measure.
- Savings "forecast to save" are the target (a budget's plan) or, when the number agrees with
  it, the forecast of delivery: inferred; so is one year's part of such a sum over years.

The rules are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.figures import check_text
from reportgen.checks.vocabulary import Figure
from tests.test_checks_figures_heuristics import (
    ALL,
    COUNCIL,
    GROWTH,
    NAMES,
    OK,
    QUARTER,
    YEAR,
    _fig,
    _line,
    verdict,
)

# ... and its projected spend £0.66m less (a rise of spending since then).
SPEND_RISE = [
    _fig("changes.lines.Adoption & Fostering.projected_spend", "change", 660_000,
         "Adoption & Fostering", "line", of="spend"),
]
# Placements' savings forecast to be delivered.
FORECAST = [_fig("savings.areas['Placements'].forecast", "savings_forecast", 610_000,
                 "Placements", "area")]
# A line whose label ends in a measure noun: "costs" names the line, not which of its figures.
COSTS_LINE = [*ALL, *_line("Residential placement costs", 5_000_000, 5_400_000)]

CASES: list[tuple[str, str, list[Figure], str, str]] = [
    # -- spending as a plan or a habit: the budget, inferred; the forecast spend agrees too
    ("will-spend-in-a-years-report-is-the-budget",
     "The Council will spend £46m on its services in 2024/25.", ALL, YEAR, "warning: £40m"),
    ("will-spend-the-budget-right-raises-nothing",
     "The Council will spend £40m on its services in 2024/25.", ALL, YEAR, OK),
    ("will-spend-agreeing-with-the-forecast-spend-raises-nothing",
     "The Council will spend £42m on its services in 2024/25.", ALL, YEAR, OK),
    ("a-bound-agreeing-only-with-the-forecast-spend-is-still-the-budget",
     "The Council will spend over £41m on its services in 2024/25.", ALL, YEAR,
     "warning: £40.0m"),
    ("a-bound-agreeing-with-the-budget-raises-nothing",
     "The Council will spend over £39m on its services in 2024/25.", ALL, YEAR, OK),
    ("to-be-spent-on-a-line-is-its-budget",
     "£17.5m is to be spent on Adoption & Fostering.", ALL, YEAR, "warning: £16.0m"),
    ("should-be-spent-on-a-line-is-its-budget",
     "Cabinet agreed that £18.5m should be spent on Children's Social Care.", ALL, YEAR,
     "warning: £20.0m"),
    ("spends-every-year-is-the-budget",
     "Sometown Borough Council spends £18m on Children's Social Care every year.", ALL, YEAR,
     "warning: £20m"),
    ("spends-every-year-in-a-quarters-report-is-still-the-budget",
     "Sometown Borough Council spends £18m on Children's Social Care every year.", ALL,
     QUARTER, "warning: £20m"),
    ("spends-every-year-right-raises-nothing",
     "Sometown Borough Council spends £20m on Children's Social Care each year.", ALL, YEAR,
     OK),
    ("a-further-amount-opening-a-plan-item-is-its-own",
     "A further £18.5m will be spent on Adoption & Fostering.", ALL, YEAR, "warning: £16.0m"),
    ("a-further-amount-opening-a-plan-item-right-raises-nothing",
     "A further £16.0m will be spent on Adoption & Fostering.", ALL, YEAR, OK),
    ("will-spend-in-a-quarters-report-is-the-forecast-spend",
     "The Council will spend £46m on its services this year.", ALL, QUARTER, "error: £42m"),
    ("a-weekly-amount-spent-is-no-budget",
     "The Council spends £48,000 a week on Adoption & Fostering.", ALL, YEAR, OK),
    ("another-years-plan-is-not-checked",
     "The Council will spend £46m on its services in 2026/27.", ALL, YEAR, OK),
    ("capital-spending-is-no-budgets",
     "The Council will spend £46m on its capital programme in 2024/25.", ALL, YEAR, OK),
    ("capital-spending-in-a-quarters-report-is-no-forecast-spend",
     "The Council will spend £46m on its capital programme this year.", ALL, QUARTER, OK),
    ("spending-of-reserves-is-no-budgets",
     "£5m will be spent from reserves on Adoption & Fostering.", ALL, YEAR, OK),
    ("extra-spending-of-reserves-is-no-overspend",
     "The Council had to spend an extra £5m from its reserves.", ALL, YEAR, OK),
    # -- what had been budgeted is the budget, surely
    ("budgeted-for-a-line-is-its-budget",
     "It was noted that £3.5m had been budgeted for Home to School Transport.", ALL, QUARTER,
     "error: £4.0m"),
    ("budgeted-for-a-line-right-raises-nothing",
     "It was noted that £4.0m had been budgeted for Home to School Transport.", ALL, QUARTER,
     OK),
    # -- extra spending: a rise of spending, the overspend when the data hold no earlier period
    ("spend-an-extra-amount-is-the-overspend",
     "We have had to spend an extra £1.5m on Adoption & Fostering this year.", ALL, YEAR,
     "warning: £1.0m"),
    ("spend-an-extra-amount-right-raises-nothing",
     "We have had to spend an extra £1.0m on Adoption & Fostering this year.", ALL, YEAR, OK),
    ("spend-a-further-amount-is-the-overspend",
     "Demand meant the Council had to spend a further £2.9m.", ALL, QUARTER,
     "warning: £2.0m"),
    ("cost-an-additional-amount-is-the-overspend",
     "Forecasts suggest that the Council's services could cost an additional £3m.", ALL,
     QUARTER, "warning: £2m"),
    ("extra-spending-with-an-earlier-period-is-the-change",
     "We have had to spend an extra £1.5m on Adoption & Fostering this year.",
     [*ALL, *SPEND_RISE], YEAR, "warning: £0.7m"),
    ("extra-spending-with-an-earlier-period-right-raises-nothing",
     "We have had to spend an extra £0.7m on Adoption & Fostering this year.",
     [*ALL, *SPEND_RISE], YEAR, OK),
    ("extra-spending-on-an-underspent-line-raises-nothing",
     "We have had to spend an extra £1.5m on Home to School Transport.", ALL, YEAR, OK),
    ("a-rise-in-expenditure-is-a-movement-not-the-overspend",
     "There was an increase in expenditure of £2.9m on Adoption & Fostering.", ALL, QUARTER,
     OK),
    # -- an amount to be reached by a later year is a sum over the years to then
    ("savings-by-a-later-year-are-not-checked",
     "The Council needs to make savings of £5m by 2027.", ALL, YEAR, OK),
    ("a-range-of-savings-by-a-later-year-is-not-checked",
     "The Council must make £35-40 million of savings by 2027.", ALL, YEAR, OK),
    ("savings-by-a-later-financial-year-are-not-checked",
     "The Council needs to make savings of £5m by 2025/26.", ALL, YEAR, OK),
    ("savings-by-the-end-of-this-year-are-checked",
     "The Council needs to make savings of £1.5m by March 2025.", ALL, YEAR, "error: £1.2m"),
    # -- the report's own whole heading the sentence, then taken by other amounts
    ("an-amount-after-the-wholes-other-amounts-is-the-total",
     "Sometown Borough Council must make £5m of savings by 2027 – starting with the need to "
     "make £1.5m of savings in 2024/25 alone.", ALL, YEAR, "warning: £1.2m"),
    ("an-amount-after-the-wholes-other-amounts-right-raises-nothing",
     "Sometown Borough Council must make £5m of savings by 2027 – starting with the need to "
     "make £1.2m of savings in 2024/25 alone.", ALL, YEAR, OK),
    # -- savings identified for a budget are its target, inferred
    ("savings-a-budget-identified-are-the-target",
     "This year's budget has identified savings of £1.5m.", ALL, YEAR, "warning: £1.2m"),
    ("savings-identified-to-balance-the-books-are-the-target",
     "The Council identified efficiencies of £1.5m in order to balance its books.", ALL, YEAR,
     "warning: £1.2m"),
    ("savings-identified-to-close-a-gap-are-the-target",
     "Officers identified £1.5m in savings to narrow the funding gap.", ALL, YEAR,
     "warning: £1.2m"),
    ("savings-identified-for-a-budget-right-raise-nothing",
     "Officers identified £1.2m in savings to narrow the funding gap.", ALL, YEAR, OK),
    ("savings-identified-to-offset-an-overspend-are-no-target",
     "Officers identified £1.5m of savings to offset the overspend.", ALL, QUARTER, OK),
    # -- savings "forecast to save": the plan (target) or the forecast of delivery, inferred
    ("one-years-part-of-savings-forecast-over-years-is-the-target",
     "The Council is forecast to save a further £3m over the next three years - £1.5m next "
     "year.", ALL, YEAR, "warning: £1.2m"),
    ("one-years-part-of-savings-forecast-over-years-right-raises-nothing",
     "The Council is forecast to save a further £3m over the next three years - £1.2m next "
     "year.", ALL, YEAR, OK),
    ("forecast-to-save-is-the-target-inferred",
     "Placements is forecast to save £0.5m this year.", [*ALL, *FORECAST], QUARTER,
     "warning: £0.8m"),
    ("forecast-to-save-agreeing-with-the-forecast-raises-nothing",
     "Placements is forecast to save £0.61m this year.", [*ALL, *FORECAST], QUARTER, OK),
    ("forecast-to-save-agreeing-with-the-target-raises-nothing",
     "Placements is forecast to save £0.8m this year.", [*ALL, *FORECAST], QUARTER, OK),
    # -- "£X in funding to support Y": an allocation after its amount, inferred
    ("an-amount-in-funding-to-support-a-line-is-its-growth",
     "The budget includes £1.5m in funding to support Adoption & Fostering.", [*ALL, *GROWTH],
     YEAR, "warning: £1.2m"),
    ("an-amount-in-funding-to-support-a-line-right-raises-nothing",
     "The budget includes £1.2m in funding to support Adoption & Fostering.", [*ALL, *GROWTH],
     YEAR, OK),
    ("an-amount-in-funding-with-no-earlier-period-is-not-checked",
     "The budget includes £1.5m in funding to support Adoption & Fostering.", ALL, YEAR, OK),
    # -- an amount made up of named parts, each in brackets after its name
    ("a-whole-made-of-parts-is-not-its-first-parts",
     "The overspend of £2.9m is a combination of Children's Social Care (£1.2m) and Adoption & "
     "Fostering (£1.0m).", ALL, QUARTER, OK),
    ("a-bracketed-part-has-the-wholes-measure",
     "The overspend of £2.9m is a combination of Children's Social Care (£1.5m) and Adoption & "
     "Fostering (£1.0m).", ALL, QUARTER, "error: £1.2m"),
    ("a-later-bracketed-part-has-the-wholes-measure",
     "The overspend of £2.0m is made up of Children's Social Care (£1.2m) and Adoption & "
     "Fostering (£1.3m).", ALL, QUARTER, "error: £1.0m"),
    ("bracketed-parts-of-agreed-savings-are-targets",
     "The £1.9m of savings agreed is a combination of Placements (£1.1m) and Transport (£0.4m).",
     ALL, QUARTER, "error: £0.8m"),
    ("bracketed-parts-of-agreed-savings-right-raise-nothing",
     "The £1.2m of savings agreed is a combination of Placements (£0.8m) and Transport (£0.4m).",
     ALL, QUARTER, OK),
    ("a-whole-named-before-its-parts-is-still-its-names",
     "Children's Social Care has an overspend of £2.5m, made up of placements and staffing.",
     ALL, QUARTER, "error: £1.2m"),
    # -- "£X for Y" opening a list item: an allocation, the budget's growth (inferred)
    ("an-amount-for-a-line-is-its-growth",
     "£1.5m for Adoption & Fostering", [*ALL, *GROWTH], YEAR, "warning: £1.2m"),
    ("an-amount-for-a-line-right-raises-nothing",
     "£1.2m for Adoption & Fostering", [*ALL, *GROWTH], YEAR, OK),
    ("an-amount-for-no-named-line-is-not-checked",
     "£1.5m for the year", [*ALL, *GROWTH], YEAR, OK),
    ("an-amount-for-a-line-with-its-own-measure-word-is-that-measure",
     "£1.5m for Adoption & Fostering overspend", [*ALL, *GROWTH], QUARTER, "error: £1.0m"),
    # (with no line's growth in the data, the list item is the line's budget, inferred: £5.0m,
    # not its spend, £5.4m; see test_checks_round7b_wording)
    ("a-labels-own-measure-noun-is-no-claim-of-the-spend",
     "£2.5m for residential placement costs", COSTS_LINE, YEAR, "warning: £5.0m"),
    ("a-labels-own-measure-noun-with-growth-data-is-no-claim",
     "£2.5m for residential placement costs", [*COSTS_LINE, *GROWTH], YEAR, OK),
]


@pytest.mark.parametrize(("name", "sentence", "figures", "period", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_spend_wording(name: str, sentence: str, figures: list[Figure], period: str,
                       expected: str) -> None:
    assert verdict(sentence, figures, period=period, names=COUNCIL) == expected


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


def test_will_spend_agreeing_with_the_forecast_is_recognised_as_it() -> None:
    """The plan's other reading: a number equal to the projected spend is typed by hand as
    that figure (it will go stale), not a mismatch with the budget."""
    [f] = check_text("The Council will spend £42m on its services in 2024/25.", ALL, YEAR,
                     names=COUNCIL)
    assert f.rule == "figures.hand-typed" and "budget.total.projected_spend" in f.message


def test_the_directorates_scope_words_name_the_total_as_before() -> None:
    """"the directorate" in a directorate's report: extra spending is its overspend."""
    assert verdict("The directorate had to spend an extra £2.9m this year.", ALL, period=YEAR,
                   names=NAMES) == "warning: £2.0m"
