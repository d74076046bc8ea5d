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

from tests.test_checks_figures_heuristics import BROAD, COUNCIL, OK, SERVICE, verdict

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
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_monitoring_wording(sentence: str, names: object, expected: str) -> None:
    assert verdict(sentence, names=names) == expected  # type: ignore[arg-type]


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)
