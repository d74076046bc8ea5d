"""Budget monitoring and outturn wording (issue 26, fix round 5), pinned sentence by sentence on
the hand-made figures of test_checks_figures_heuristics (a total of £40m budget, £42.005m spend,
£2.005m overspend; Children's Social Care +£1.23m, Adoption & Fostering +£1.01m, Home to School
Transport -£0.24m).

- A verb of result after an amount ("resulting in a", "giving an", "to give an overall") starts
  what the amount gives: the measure words after it are never the amount's own.
- An overall measure after such a verb is the whole's, not the part named before the verb.
- In a report declared to be of the council's budget, its accounting names ("the General Fund
  net cost of services", "the GF revenue account", "service and corporate budgets", "against
  allocated budgets") name the whole.
- "overachieve by" is a favourable variance, "unfavourable variance" an adverse one.

The rules are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

import pytest

from reportgen.checks.reading import ReportNames, report_names
from reportgen.checks.vocabulary import Figure
from tests.test_checks_figures_heuristics import ALL, BROAD, COUNCIL, OK, SERVICE, _line, verdict

CASES = [
    # -- a verb of result: its object's measure words are not the amount before it's
    ("a-drawdown-before-a-result-is-no-forecast",
     "The Revenue Budget showed a deficit of £2.0m against the approved drawdown from "
     "Reserves of £3.4m resulting in a forecast drawdown of £5.4m.", COUNCIL, OK),
    ("leading-to-a-forecast",
     "The Council agreed a contribution from reserves of £0.9m leading to a forecast "
     "position that remains under review.", COUNCIL, OK),
    ("the-amount-before-the-result-still-has-its-own-measure",
     "The Revenue Budget showed a deficit of £2.7m against the approved drawdown from "
     "Reserves of £3.4m resulting in a forecast drawdown of £6.1m.", COUNCIL, "error: £2.0m"),
    ("the-result-itself-is-still-read",
     "A contribution from reserves of £0.6m, giving an overall overspend of £2.9m.",
     COUNCIL, "error: £2.0m"),
    ("the-result-right", "A contribution from reserves of £0.6m, giving an overall "
     "overspend of £2.0m.", COUNCIL, OK),
    # -- an overall measure after the verb of result is the whole's, not the named part's
    ("an-overall-result-is-the-whole",
     "Home to School Transport was forecast to underspend by £0.24 million to give an "
     "overall overspend of £2.5 million.", COUNCIL, "error: £2.0m"),
    ("an-overall-result-right",
     "Home to School Transport was forecast to underspend by £0.24 million to give an "
     "overall overspend of £2.0 million.", COUNCIL, OK),
    ("an-overall-before-no-result-stays-the-named-lines",
     "The overall overspend on Adoption & Fostering is £1.01m.", COUNCIL, OK),
    # -- overachieving is a favourable variance
    ("overachieve-by-is-favourable",
     "Home to School Transport was forecast to overachieve by £0.5 million.", COUNCIL,
     "error: £0.2m"),
    ("overachieve-by-right",
     "Home to School Transport was forecast to overachieve by £0.24 million.", COUNCIL, OK),
    ("overachieve-is-no-spend-forecast",
     "Income from Home to School Transport was forecast to overachieve by £0.24 million.",
     COUNCIL, OK),
    # -- "unfavourable" is adverse, never the favourable reading of its last word
    ("unfavourable-variance-of-the-council",
     "The Council reported an unfavourable variance of £2.4m.", COUNCIL, "error: £2.0m"),
    ("unfavourable-variance-right",
     "The Council reported an unfavourable variance of £2.0m.", COUNCIL, OK),
    ("unfavourable-is-no-underspend",
     "Home to School Transport reported an unfavourable variance of £0.24m.", COUNCIL,
     "error: an underspend of £0.24m"),
    ("an-unfavourable-draft-outturn-is-adverse",
     "The Council reported a revised unfavourable draft outturn of £2.4m.", COUNCIL,
     "error: £2.0m"),
    ("a-favourable-outturn-is-no-overspend",
     "The Council reported a favourable draft outturn of £0.5m.", COUNCIL,
     "error: an overspend of £2.0m"),
    ("an-adverse-forecast-position-right",
     "The Council reported an adverse forecast position of £2.0m.", COUNCIL, OK),
    # -- "forecast" as a verb forecasts the measure named before it, no spend of its own
    ("was-forecast-at-is-the-earlier-measures",
     "Actions are helping to reduce the council's deficit for the current financial year "
     "(which was forecast at £2.6m).", COUNCIL, "error: £2.0m"),
    ("was-forecast-at-right",
     "Actions are helping to reduce the council's deficit for the current financial year "
     "(which was forecast at £2.0m).", COUNCIL, OK),
    ("forecast-as-a-verb-with-no-measure-before-is-still-the-spend",
     "Total spending was forecast at £44.1m.", COUNCIL, "error: £42.0m"),
    # -- slippage on a budget line is its underspend, inferred (it may be part of it)
    ("slippage-on-a-line-is-its-underspend",
     "The programme is on budget, with slippage of £0.5m on Home to School Transport schemes.",
     COUNCIL, "warning: £0.2m"),
    ("slippage-on-a-line-right",
     "The programme is on budget, with slippage of £0.24m on Home to School Transport "
     "schemes.", COUNCIL, OK),
    ("slippage-on-an-overspent-line-only-warns",
     "There has been slippage of £0.5m on Adoption & Fostering.", COUNCIL,
     "warning: an overspend of £1.0m"),
    ("slippage-of-savings-is-no-underspend",
     "There has been slippage of £0.5m in the Placements savings.", COUNCIL, OK),
    ("slippage-with-no-line-is-not-read",
     "It is anticipated that there will be slippage of £1.9m.", COUNCIL, OK),
    # -- the council's accounting names of its whole revenue account
    ("net-cost-of-services-is-the-whole",
     "There is a forecast adverse variance on the General Fund net cost of services of "
     "£0.9m.", COUNCIL, "error: £2.0m"),
    ("net-cost-of-services-right",
     "There is a forecast adverse variance on the net cost of services of £2.0m.", COUNCIL, OK),
    ("gf-revenue-account-is-the-whole",
     "Officers were projecting an overspend on the GF revenue account of £1.6 million.",
     COUNCIL, "error: £2.0m"),
    ("service-and-corporate-budgets-are-the-whole",
     "an overspend of £1.7m was forecast for service and corporate budgets", COUNCIL,
     "error: £2.0m"),
    ("against-allocated-budgets-is-the-whole",
     "The position confirmed an overspend of £2.6m against allocated budgets.", COUNCIL,
     "error: £2.0m"),
    ("allocated-budgets-right",
     "The position confirmed an overspend of £2.0m against allocated budgets.", COUNCIL, OK),
    # near misses: another line named, a capital figure, another scope
    ("a-named-line-beats-the-accounts-name",
     "The net cost of services for Adoption & Fostering shows an overspend of £1.01m.",
     COUNCIL, OK),
    ("a-name-the-data-do-not-hold-is-no-whole",
     "The net cost of services for Leisure Centres is £3m.", COUNCIL, OK),
    ("the-gf-capital-account-is-not-named",
     "Officers were projecting slippage on the GF capital programme of £1.6 million.",
     COUNCIL, OK),
    ("in-a-service-report-the-accounts-name-is-no-whole",
     "Officers were projecting an overspend on the GF revenue account of £1.6 million.",
     SERVICE, OK),
    ("with-no-declared-scope-the-accounts-name-is-no-certain-whole",
     "an overspend of £1.7m was forecast for service and corporate budgets", BROAD,
     "warning: £2.0m"),
    # -- the scope named as the frame of the sentence is every amount's
    ("a-frame-covers-the-amounts-after-another",
     "In terms of General Fund revenue expenditure a net budget overspend of £2.0m was "
     "being forecast with a projected net expenditure of £44.1m against an overall budget "
     "provision of £40.0m.",
     COUNCIL, "error: £42.0m"),
    ("a-frame-right",
     "In terms of General Fund revenue expenditure a net budget overspend of £2.0m was "
     "being forecast with a projected net expenditure of £42.0m against an overall budget "
     "provision of £40.0m.",
     COUNCIL, OK),
    ("a-frame-after-a-short-opening-phrase",
     "At the quarter 2 stage, in terms of General Fund revenue expenditure a net budget "
     "overspend of £2.0m was being forecast with a projected net expenditure of £44.1m.",
     COUNCIL, "error: £42.0m"),
    # (with no frame the whole named earlier in the sentence is only an inferred subject of a
    # later amount: a warning, never an error)
    ("regarding-inside-a-sentence-frames-nothing",
     "Members asked regarding the General Fund whether the overspend of £2.0m would rise "
     "further, noting as officers had warned that projected net expenditure in the year of "
     "£44.1m was high.", COUNCIL, "warning: £42.0m"),
    ("a-budget-provision-is-a-budget",
     "With regard to the revenue budget, an overspend of £2.0m was forecast against a budget "
     "provision of £38.5m.", COUNCIL, "error: £40.0m"),
    ("no-frame-the-scope-far-before-another-amount-is-that-amounts",
     "The General Fund showed an overspend of £2.0m at the end of the second quarter, after "
     "the pay award had been agreed, with projected spending of £44.1m.", COUNCIL,
     "warning: £42.0m"),
    # -- a monitoring list's items: a line, what moved, a dash, the amount
    ("less-income-is-adverse", "adoption and fostering reduced income - £1.5m;", COUNCIL,
     "error: £1.0m"),
    ("less-cost-is-favourable", "home to school transport reduced cost - £0.5m;", COUNCIL,
     "error: £0.2m"),
    ("less-cost-right", "home to school transport reduced cost - £0.24m;", COUNCIL, OK),
    ("more-income-is-favourable", "Adoption & Fostering increased income - £1.01m", COUNCIL,
     "error: an overspend of £1.01m"),
    ("more-cost-right", "Adoption & Fostering increased costs - £1.01m; and", COUNCIL, OK),
    ("an-item-of-a-line-the-data-do-not-hold", "car parking reduced income - £1,133,500;",
     COUNCIL, OK),
    ("an-item-of-the-council-is-no-line", "the council reduced income - £1.5m;", COUNCIL, OK),
    ("words-after-the-amount-make-no-item",
     "home to school transport reduced cost - £0.5m in 2025/26 and beyond", COUNCIL, OK),
    # -- the council named as "the local authority"
    ("the-local-authority-is-the-council",
     "Members were told the local authority's latest accounts show a forecast £7.6m in-year "
     "budget overspend.", COUNCIL, "error: £2.0m"),
    ("the-local-authority-in-a-service-report-is-wider",
     "Members were told the local authority's latest accounts show a forecast £7.6m in-year "
     "budget overspend.", SERVICE, OK),
    ("the-local-authority-area-is-a-place",
     "The local authority area saw a rise in costs of £7.6m.", COUNCIL, OK),
    ("the-local-authoritys-reserves-are-a-pot",
     "The local authority's reserves stand at £7.6m.", COUNCIL, OK),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_monitoring_wording(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, names=names) == expected  # type: ignore[arg-type]


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


# The council's initials name it as its name does.
SUFFOLK = report_names("Suffolk County Council", None, "Cabinet", {}, "council")
SUFFOLK_GUESS = report_names("Suffolk County Council", None, "Cabinet", {})
SUFFOLK_SERVICE = report_names("Suffolk County Council", None, "Cabinet", {}, "service")
SCC_LINE = report_names("Suffolk County Council", None, "Cabinet",
                        {"SCC": "Children's Social Care"}, "council")


@pytest.mark.parametrize(("names", "sentence", "expected"), [
    (SUFFOLK, "Inflation is the main factor for SCC forecasting to spend £2.3m over its "
     "budget for this year.", "error: £2.0m"),
    (SUFFOLK, "Inflation is the main factor for SCC forecasting to spend £2.0m over its "
     "budget for this year.", OK),
    (SUFFOLK_GUESS, "Inflation is the main factor for SCC forecasting to spend £2.3m over its "
     "budget for this year.", "warning: £2.0m"),
    (SUFFOLK_SERVICE, "Inflation is the main factor for SCC forecasting to spend £2.3m over "
     "its budget for this year.", OK),
    # a short form declared for a line is that line's
    (SCC_LINE, "SCC is forecasting an overspend of £2.3m.", "error: £1.2m"),
], ids=["initials-name-the-council", "initials-right", "initials-with-no-scope-guess",
        "initials-in-a-service-report-are-wider", "declared-short-form-wins"])
def test_the_councils_initials(names: ReportNames, sentence: str, expected: str) -> None:
    assert verdict(sentence, names=names) == expected


# Another fund than the council's budget for services: none of the data's figures, unless the
# data hold it as a line.
HRA_LINE = [*ALL, *_line("Housing Revenue Account", 5_000_000, 4_700_000)]
HRA_NAMES = report_names("Sometown Borough Council", None, "Cabinet",
                         {"HRA": "Housing Revenue Account"}, "council")


@pytest.mark.parametrize(("sentence", "figures", "names", "expected"), [
    ("The HRA was forecast to have an underspend of £58k.", ALL, COUNCIL, OK),
    ("Officers were projecting an overspend on the HRA of £0.328 million.", ALL, COUNCIL, OK),
    ("The Collection Fund shows a deficit of £2.5m.", ALL, COUNCIL, OK),
    ("The Housing Revenue Account is forecast to overspend by £2.5m.", ALL, COUNCIL, OK),
    # the General Fund's amount beside the other fund's is still the whole's
    ("There is a £2.5m overspend for the General Fund and a £314k underspend for the HRA.",
     ALL, COUNCIL, "error: £2.0m"),
    ("The Council's overspend of £2.5m excludes the HRA.", ALL, COUNCIL, "error: £2.0m"),
    # a fund the data hold as a line is that line
    ("The HRA was forecast to have an underspend of £58k.", HRA_LINE, HRA_NAMES,
     "error: £300k"),
    ("The HRA was forecast to have an underspend of £300k.", HRA_LINE, HRA_NAMES, OK),
], ids=["hra-alone", "hra-before-the-amount", "collection-fund", "hra-in-full",
        "general-fund-beside-hra", "the-council-excluding-hra", "hra-as-a-line",
        "hra-as-a-line-right"])
def test_another_fund(sentence: str, figures: list[Figure], names: ReportNames,
                      expected: str) -> None:
    assert verdict(sentence, figures, names=names) == expected


# A forecast of the budget's position at the end of the report's financial year is the data's
# full-year projection (the tests' period is 2024/25 Q3).
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Council faces a predicted overspend of £9.6 million by the end of March 2025.",
     "error: £2.0m"),
    ("The Council faces a predicted overspend of £2.0 million by the end of March 2025.", OK),
    ("The Council is projecting an overspend of £9.6m by March.", "error: £2.0m"),
    # another year's end, or no forecast, or no budget position: not this period's figure
    ("The Council faces a predicted overspend of £9.6 million by the end of March 2026.", OK),
    ("The Council faces an overspend of £9.6 million by the end of March 2025.", OK),
    ("Placements savings of £1.5m are expected to be delivered by the end of March 2025.", OK),
], ids=["year-end-forecast", "year-end-forecast-right", "year-end-with-no-year",
        "another-years-end", "no-forecast-word", "savings-are-no-budget-position"])
def test_a_forecast_for_the_year_end(sentence: str, expected: str) -> None:
    assert verdict(sentence, names=COUNCIL) == expected


# A savings area's savings budget is its target.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Placements savings budget was £1.1m with an actual saving of £0.53m.", "error: £0.8m"),
    ("The Placements savings budget was £0.8m with an actual saving of £0.53m.", OK),
    ("The Transport savings profile budget for the year is £0.6m.", "error: £0.4m"),
    # a budget named after a savings area alone is a service's budget, not its savings
    ("The Placements budget was £1.1m.", OK),
    ("The Placements savings were put into the budget of £1.1m.", OK),
    # a budget line named too: no target of the area ("Transport") its words also name
    ("The Home to School Transport savings budget was £4.5m.", OK),
], ids=["savings-budget-is-the-target", "savings-budget-right", "savings-profile-budget",
        "an-areas-budget-alone-is-no-target", "the-budget-savings-go-into",
        "a-line-named-too-is-no-target"])
def test_a_savings_budget(sentence: str, expected: str) -> None:
    assert verdict(sentence, names=COUNCIL) == expected
