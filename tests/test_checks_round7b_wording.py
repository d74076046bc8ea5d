"""Budget-setting wording of town and parish councils (issue 26, fix round 7, second share),
pinned on the hand-made figures of test_checks_figures_heuristics (a budget of £40m against a
projected spend of £42.0m; Home to School Transport £4m; Adoption & Fostering £16m, its budget
£1.24m more than last year's in GROWTH).

- A council named by its kind ("the Town Council", "this Parish Council") is the report's own
  council when its name ends in that kind; another kind ("the County Council") is not.
- A "spending requirement" (or expenditure requirement) is the net budget, as a budget
  requirement is, not a savings requirement.
- "£X of which £Y is ..." names £X as the whole (only "£X of which is ..." makes it a part).
- The whole's spending for a year said as expected, or what running the council costs ("total
  expenditure in running the Council is anticipated to be", "the budget assumes total
  expenditure of", "a budget with net expenditure of"): in a year's report the budget, also the
  spend (inferred); in a quarter's report the spend, as before.
- An amount opening a budget-setting list item and what it is for ("£1.5m for X;", "£1.5m
  towards X", "£5m is earmarked for X"): the line's budget, inferred, where the data hold no
  line's growth (with growth data it stays the growth, as before); not money for new or
  additional things, nor "to support", nor in a monitoring sentence.
- Grants a council has given ("had made grants to three groups totalling £X", "grants awarded
  to clubs") are its spending, never the line's budget; grants it will offer stay the budget.
- A bare budget bound to its amount in a sentence naming nothing but the report's own council,
  in a bundle declaring budget_scope, is the whole's budget, surely (an error), as an unnamed
  overspend is; not a budget "for this", nor one beside reserves or a name.
- A council's name may end in a place in brackets ("St Ives Town Council (Cornwall)").
- A cost at a yearly rate ("taken on X at a cost of around £Xk per year", "X costs £3m a
  year") or one to come ("which will cost £3m"): in a year's report the budget, also the spend
  (inferred); in a quarter's the spend.
- A verb of rising or falling with the amount straight after it ("has risen £1.5m") is the
  change, as "risen by" is; "would exceed the budget by £X" is an overspend.

The rules are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.reading import report_names
from reportgen.checks.vocabulary import Figure
from tests.test_checks_figures_heuristics import (
    ALL,
    COUNCIL,
    GROWTH,
    OK,
    QUARTER,
    YEAR,
    _line,
    verdict,
)

TOWN = report_names("Sometown Town Council", None, "Cabinet", {}, "council")
PARISH = report_names("Little Sometown Parish Council", None, "Cabinet", {}, "council")
BRACKETED = report_names("Sometown Town Council (Westshire)", None, "Cabinet", {}, "council")
BROAD = report_names("Sometown Borough Council", None, "Cabinet", {})

CASES: list[tuple[str, str, list[Figure], str, object, str]] = [
    # -- the council named by its kind
    ("the-town-council-is-the-report's-council",
     "The Town Council's net budget for 2024/25 is £36m.", ALL, YEAR, TOWN, "error: £40m"),
    ("the-town-council-right-raises-nothing",
     "The Town Council's net budget for 2024/25 is £40m.", ALL, YEAR, TOWN, OK),
    ("this-parish-council-is-the-report's-council",
     "This year the Parish Council will have a net budget of £46m.", ALL, YEAR, PARISH,
     "error: £40m"),
    ("another-kind-of-council-is-not-surely-the-report's",
     "The County Council's net budget for 2024/25 is £36m.", ALL, YEAR, TOWN,
     "warning: £40m"),
    ("the-town-council's-reserves-are-no-budget",
     "The Town Council's reserves stand at £36m.", ALL, YEAR, TOWN, OK),
    ("a-scheme-named-after-the-town-council-is-a-name",
     "The Town Council Tax Support Scheme costs £3m.", ALL, QUARTER, TOWN, OK),
    # -- a spending requirement: the net budget
    ("a-net-spending-requirement-is-the-budget",
     "The Council's net spending requirement for 2024/25 is £37.5m.", ALL, YEAR, COUNCIL,
     "error: £40.0m"),
    ("an-expenditure-requirement-right-raises-nothing",
     "The expenditure requirement for 2024/25 is £40m.", ALL, YEAR, COUNCIL, OK),
    ("an-earlier-years-spending-requirement-is-not-this-years",
     "The Council's net spending requirement for 2021/22 was £37.5m.", ALL, YEAR, COUNCIL, OK),
    ("a-savings-requirement-stays-the-target",
     "The Council's savings requirement for 2024/25 is £1.5m.", ALL, YEAR, COUNCIL,
     "error: £1.2m"),
    # -- "£X of which £Y": X is the whole
    ("an-amount-before-of-which-and-its-part-is-the-whole",
     "The Council's net budget for 2024/25 is £43m of which £3m is met by grant.", ALL, YEAR,
     COUNCIL, "error: £40m"),
    ("an-amount-before-of-which-right-raises-nothing",
     "The Council's net budget for 2024/25 is £40m of which £3m is met by grant.", ALL, YEAR,
     COUNCIL, OK),
    ("an-amount-of-which-is-something-is-a-part",
     "The Council's net budget is £40m, £3m of which is met by grant.", ALL, YEAR, COUNCIL, OK),
    # -- the whole's expected spending for a year: the budget, also the spend (inferred)
    ("expected-total-expenditure-of-running-the-council-is-the-budget",
     "Total expenditure in running the Council is anticipated to be £37m.", ALL, YEAR, COUNCIL,
     "warning: £40m"),
    ("expected-total-expenditure-right-raises-nothing",
     "Total expenditure in running the Council is anticipated to be £40m.", ALL, YEAR, COUNCIL,
     OK),
    ("expected-total-expenditure-agreeing-with-the-spend-raises-nothing",
     "Total expenditure in running the Council is anticipated to be £42.0m.", ALL, YEAR,
     COUNCIL, OK),
    ("the-cost-of-running-the-council-is-the-budget",
     "The annual cost of running the Council is estimated at £37m.", ALL, YEAR, COUNCIL,
     "warning: £40m"),
    ("total-expenditure-the-budget-assumes-is-the-budget",
     "The budget assumes total expenditure of £37m.", ALL, YEAR, COUNCIL, "warning: £40m"),
    ("a-budget-with-net-expenditure-is-the-budget",
     "Next year the Council has approved a budget with net expenditure of £37m.", ALL, YEAR,
     COUNCIL, "error: £40m"),
    ("expected-expenditure-in-a-quarter-stays-the-spend",
     "Total expenditure for the year is expected to be £37m.", ALL, QUARTER, COUNCIL,
     "error: £42m"),
    ("expected-expenditure-against-a-budget-stays-the-spend",
     "Total expenditure is anticipated to be £37m against a budget of £40m.", ALL, YEAR,
     COUNCIL, "error: £42m"),
    # -- a budget-setting list item: the line's budget where the data hold no growth
    ("a-list-item-for-a-line-is-its-budget",
     "£1.5m for Adoption & Fostering;", ALL, YEAR, COUNCIL, "warning: £16.0m"),
    ("a-list-item-with-growth-data-stays-the-growth",
     "£1.5m for Adoption & Fostering;", [*ALL, *GROWTH], YEAR, COUNCIL, "warning: £1.2m"),
    ("a-list-item-towards-a-line-is-its-budget",
     "£1.5m towards Home to School Transport;", ALL, YEAR, COUNCIL, "warning: £4.0m"),
    ("a-list-item-towards-a-line-right-raises-nothing",
     "£4.0m towards Home to School Transport;", ALL, YEAR, COUNCIL, OK),
    ("an-amount-earmarked-for-a-line-is-its-budget",
     "£5m is earmarked for Home to School Transport.", ALL, YEAR, COUNCIL, "warning: £4m"),
    ("an-amount-to-support-a-line-is-not-its-budget",
     "£3m to support Home to School Transport;", ALL, YEAR, COUNCIL, OK),
    ("an-amount-for-additional-things-is-not-the-budget",
     "£0.5m for additional Home to School Transport routes;", ALL, YEAR, COUNCIL, OK),
    ("an-amount-for-something-the-data-lack-raises-nothing",
     "£1.5m for the war memorial;", ALL, YEAR, COUNCIL, OK),
    # -- a bare budget in a sentence naming nothing else: the whole's, surely
    ("a-bare-budget-set-is-the-wholes",
     "The budget was set at £36m.", ALL, YEAR, COUNCIL, "error: £40m"),
    ("a-bare-budget-before-its-noun-is-the-wholes",
     "The 2024/25 £36m budget will be part-funded by the ratepayer.", ALL, YEAR, COUNCIL,
     "error: £40m"),
    ("a-bare-budget-right-raises-nothing",
     "The budget was set at £40m.", ALL, YEAR, COUNCIL, OK),
    ("a-bare-budget-agreeing-with-a-line-raises-nothing",
     "The budget was set at £20m.", ALL, YEAR, COUNCIL, OK),
    ("a-budget-for-this-points-elsewhere",
     "The budget for this is £36m.", ALL, YEAR, COUNCIL, OK),
    ("a-budget-for-something-the-data-lack-raises-nothing",
     "The budget for the leisure centre was set at £36m.", ALL, YEAR, COUNCIL, OK),
    ("a-bare-budget-beside-reserves-only-warns",
     "The budget was set at £36m, using £3m from reserves.", ALL, YEAR, COUNCIL,
     "warning: £40m"),
    ("a-bare-budget-with-no-scope-declared-only-warns",
     "The budget was set at £36m.", ALL, YEAR, BROAD, "warning: £40m"),
    ("a-bare-budget-beside-a-council-tax-band-is-the-wholes",
     "The budget was set at £36m so the annual precept for band D payers will be £57.99.", ALL,
     YEAR, COUNCIL, "error: £40m"),
    ("a-bare-budget-beside-another-name-only-warns",
     "The budget was set at £36m by Westshire Leisure Trust.", ALL, YEAR, COUNCIL,
     "warning: £40m"),
    ("a-council-named-with-a-place-in-brackets-is-still-of-its-kind",
     "The Town Council's budget for 2024/25 is £36m.", ALL, YEAR, BRACKETED, "error: £40m"),
    # -- a cost at a yearly rate: the budget, also the spend (inferred), in a year's report
    ("a-cost-a-year-is-the-budget-in-a-years-report",
     "The Council has taken on Home to School Transport at a cost of around £3m per year.",
     ALL, YEAR, COUNCIL, "warning: £4m"),
    ("a-cost-a-year-agreeing-with-the-spend-raises-nothing",
     "Home to School Transport costs £3.76m a year.", ALL, YEAR, COUNCIL, OK),
    ("a-cost-a-year-right-raises-nothing",
     "The Council has taken on Home to School Transport at a cost of around £4m per year.",
     ALL, YEAR, COUNCIL, OK),
    ("a-cost-to-come-is-the-budget-in-a-years-report",
     "The repair of Home to School Transport vehicles, which will cost £3m.", ALL, YEAR,
     COUNCIL, "warning: £4m"),
    ("a-cost-to-come-agreeing-with-the-spend-raises-nothing",
     "Running Home to School Transport will cost the Council £3.76m for 2024/25.", ALL, YEAR,
     COUNCIL, OK),
    ("a-cost-to-come-in-a-quarters-report-stays-the-spend",
     "Running Home to School Transport will cost the Council £3m for 2024/25.", ALL, QUARTER,
     COUNCIL, "error: £4m"),
    # -- rising or falling with no "by"; exceeding a budget by an amount
    ("risen-and-an-amount-is-the-change",
     "The Adoption & Fostering budget has risen £1.5m this year.", [*ALL, *GROWTH], YEAR,
     COUNCIL, "error: £1.2m"),
    ("rose-and-an-amount-right-raises-nothing",
     "The Adoption & Fostering budget rose £1.24m this year.", [*ALL, *GROWTH], YEAR, COUNCIL,
     OK),
    ("risen-to-an-amount-stays-the-level",
     "The Adoption & Fostering overspend has risen to £1.5m.", ALL, QUARTER, COUNCIL,
     "error: £1.0m"),
    ("exceeding-a-budget-by-an-amount-is-the-overspend",
     "Adoption & Fostering would exceed the proposed budget by £0.5m.", ALL, QUARTER, COUNCIL,
     "error: £1.0m"),
    ("exceeding-a-budget-by-an-amount-of-an-underspending-line-says-so",
     "Home to School Transport is forecast to exceed its budget by £0.5m.", ALL, QUARTER,
     COUNCIL, "error: an underspend of £0.2m"),
    ("exceeding-the-budget-of-an-amount-is-not-the-overspend",
     "Adoption & Fostering spend exceeds the budget of £16m.", ALL, QUARTER, COUNCIL, OK),
    ("a-cost-a-year-in-a-quarters-report-stays-the-spend",
     "The Council has taken on Home to School Transport at a cost of around £3m per year.",
     ALL, QUARTER, COUNCIL, "error: £4m"),
]

# A line of community grants whose budget (£8,000) is far from its spend (£33,000).
GRANTS = [*ALL, *_line("Community grants", 8_000, 33_000)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Council had just made grants to three community groups totalling £30,000.", OK),
    ("Community grants awarded to local clubs came to £30,000.", OK),
    # near-misses: grants to be offered, a grants budget, grants received stay the budget
    ("The Council will offer grants to community groups totalling £30,000.", "error: £8,000"),
    ("The community grants budget is £30,000.", "error: £8,000"),
    ("The Council received community grants from the Lottery of £30,000.", "error: £8,000"),
])
def test_grants_given_are_never_the_budget(sentence: str, expected: str) -> None:
    assert verdict(sentence, GRANTS, period=QUARTER, names=COUNCIL) == expected


@pytest.mark.parametrize(("name", "sentence", "figures", "period", "names", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_round7b_wording(name: str, sentence: str, figures: list[Figure], period: str,
                         names: object, expected: str) -> None:
    assert verdict(sentence, figures, period=period, names=names) == expected  # type: ignore[arg-type]


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("sentence", [
    "Total capital expenditure is anticipated to be £37m.",  # capital
    "Total expenditure is anticipated to be £37m, funded from reserves.",  # reserves
    "£1.5m for Home to School Transport overspend",  # its own measure word
])
def test_expected_spending_that_is_not_the_wholes_budget_is_never_read_as_it(
        sentence: str) -> None:
    """Whatever else these are read as, they are never the revenue budget (£40m or £4.0m)."""
    result = verdict(sentence, ALL, period=YEAR, names=COUNCIL)
    assert "£40m" not in result and "£4.0m" not in result


def test_the_kind_of_another_council_names_no_figure_of_ours() -> None:
    """In a town council's report, "the Parish Council" is another body: never an error."""
    assert not verdict("The Parish Council's net budget for 2024/25 is £36m.", ALL,
                       period=YEAR, names=TOWN).startswith("error")
