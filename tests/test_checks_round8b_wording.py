"""Wording of joint boards, trusts and partnerships (issue 26, fix round 8, second share),
pinned on the hand-made figures of test_checks_figures_heuristics (a budget of £40m against a
projected spend of £42.0m; a savings target of £1.2m, £0.8m of it Placements').

- A pool the report's own body takes a share of ("its share (£X) of £Y savings required of
  Trusts", "our £X share of the £Y regional target", "the Board's share of the £Y overspend of
  the joint service") is more than the body's: none of its figures, never read. A line's share
  ("Placements' share of the £Y savings target") is read as before.
- A list's later item whose name a relative clause describes before its amount in brackets
  ("… (£a) and Y for children whose carers live outside the county (£b)") is still an item
  of the list: Y's, with the list's measure. A later item naming its subject surely before any
  relative clause is as sure as the first item, however far its amount is from the list's
  measure word; a name only inside the relative clause ("the transport of children whose
  needs cannot be met by Y") stays inferred. Between two amounts each in brackets, the next
  item's words may run long ("… (£a) and in services to support children and young people
  with complex needs placed with Y carers (£b)"): the brackets mark where each item ends.
- A bare noun with its amount set off after it ("The annual budget, worth £X, has been set",
  "the budget (£X) was agreed") is bound to it, as "the budget of £X" is: the whole's budget
  in a sentence naming nothing else. Not an amount worth something to another ("worth £X to
  local firms"), one inside a clause of parts ("which includes grants worth £X"), another
  year's, nor a capital budget.
- A saving said with a conditional verb of producing it ("This would release a recurring
  saving of £X a year", "the proposal could deliver savings of £X") is a proposal's: the
  target, inferred (a warning), never savings achieved; so are savings an effort before their
  amount is to deliver ("the work of the service to deliver £X of savings", "proposals to
  achieve £X of savings"). A saving made ("has released", "have been achieved", "work has
  continued to deliver", "managed to deliver") is read as before.
- A count's change to come ("is expected to rise from X to Y", "will fall from X to Y"): X is
  the count now, read as "is X"; Y (also "is expected to rise to Y") is a forecast, never
  read as the count now (before, "is expected to rise to 290" was an error naming today's
  count). A start dated on its own ("from X in 2025 to Y") is neither.

The rules are described in docs/checks.md ("How a typed number is read", rule 11).
"""

from __future__ import annotations

import pytest

from reportgen.checks.vocabulary import Figure
from tests.test_checks_counts import SSDA903, Judged
from tests.test_checks_figures_heuristics import (
    ALL,
    BROAD,
    COUNCIL,
    OK,
    QUARTER,
    YEAR,
    verdict,
)

CASES: list[tuple[str, str, list[Figure], str, object, str]] = [
    # -- a pool shared by several bodies: none of the report's figures
    ("own-share-in-brackets-of-a-pool",
     "The Council expects to meet its share (£0.9m) of £5m savings required of councils in "
     "the region.", ALL, YEAR, COUNCIL, OK),
    ("own-share-before-share-of-a-pool",
     "Our £0.5m share of the £3m regional savings target is on track.", ALL, YEAR, COUNCIL,
     OK),
    ("the-bodys-share-of-another-measures-pool",
     "The Board's share of the £9m overspend of the joint service was agreed in March.", ALL,
     QUARTER, BROAD, OK),
    ("their-proportion-of-a-pool",
     "The partner councils agreed to carry their proportion of the combined £6m deficit.",
     ALL, QUARTER, COUNCIL, OK),
    # -- a list item with a relative clause before its bracketed amount
    ("a-list-item-with-a-relative-clause-is-the-items",
     "Overspends were reported on Children's Social Care (£1.2m) and Adoption & Fostering "
     "for children whose carers live outside the county and cannot be supported locally "
     "(£1.5m).", ALL, QUARTER, COUNCIL, "error: £1.0m"),
    ("a-list-item-with-a-relative-clause-right-raises-nothing",
     "Overspends were reported on Children's Social Care (£1.2m) and Adoption & Fostering "
     "for children whose carers live outside the county and cannot be supported locally "
     "(£1.0m).", ALL, QUARTER, COUNCIL, OK),
    ("a-list-item-with-which-is-the-items",
     "Overspends were reported on Children's Social Care (£1.2m) and Adoption & Fostering, "
     "which covers placements with carers who live outside the county (£1.5m).", ALL,
     QUARTER, COUNCIL, "error: £1.0m"),
    ("a-list-item-naming-no-line-stays-silent",
     "Overspends were reported on Children's Social Care (£1.2m) and the team which covers "
     "placements with carers who live outside the county (£1.5m).", ALL, QUARTER, COUNCIL,
     OK),
    ("a-name-inside-the-relative-clause-only-warns",
     "Overspends were reported on Children's Social Care (£1.2m) and on the transport of "
     "children whose needs cannot be met by Adoption & Fostering (£1.5m).", ALL, QUARTER,
     COUNCIL, "warning: £1.0m"),
    ("a-long-item-between-bracketed-amounts-is-the-items",
     "Overspends were reported on Children's Social Care (£1.2m) and in services to support "
     "children and young people with complex needs placed with Adoption & Fostering carers "
     "(£1.5m).", ALL, QUARTER, COUNCIL, "error: £1.0m"),
    ("a-long-item-between-bracketed-amounts-right-raises-nothing",
     "Overspends were reported on Children's Social Care (£1.2m) and in services to support "
     "children and young people with complex needs placed with Adoption & Fostering carers "
     "(£1.0m).", ALL, QUARTER, COUNCIL, OK),
    ("a-long-item-naming-no-line-stays-silent",
     "Overspends were reported on Children's Social Care (£1.2m) and in services to support "
     "children and young people with complex needs in the county's own homes (£1.5m).", ALL,
     QUARTER, COUNCIL, OK),
    # -- a bare noun and its amount in apposition
    ("a-budget-worth-an-amount-is-bound-to-it",
     "The annual budget, worth £36m, has been set against a challenging backdrop.", ALL, YEAR,
     COUNCIL, "error: £40m"),
    ("a-budget-worth-the-right-amount-raises-nothing",
     "The annual budget, worth £40m, has been set against a challenging backdrop.", ALL, YEAR,
     COUNCIL, OK),
    ("a-budget-with-its-amount-in-brackets",
     "The budget (£36m) was agreed in February.", ALL, YEAR, COUNCIL, "error: £40m"),
    ("worth-an-amount-to-someone-else-is-not-the-budget",
     "The budget, worth £36m to local firms, was agreed in February.", ALL, YEAR, COUNCIL, OK),
    ("grants-worth-an-amount-inside-the-budget-are-not-it",
     "The budget, which includes grants worth £36m, was agreed in February.", ALL, YEAR,
     COUNCIL, OK),
    ("a-capital-budget-worth-an-amount-is-not-the-revenue-budget",
     "The capital budget, worth £36m, was agreed in February.", ALL, YEAR, COUNCIL, OK),
    ("another-years-budget-worth-an-amount-is-not-this-years",
     "The budget for 2021/22, worth £36m, was agreed in February 2021.", ALL, YEAR, COUNCIL,
     OK),
    # -- a saving a proposal would produce: the target, inferred
    ("a-saving-that-would-be-released-is-the-target",
     "This would release a recurring saving of £1.5m a year.", ALL, QUARTER, COUNCIL,
     "warning: £1.2m"),
    ("a-saving-that-would-be-released-right-raises-nothing",
     "This would release a recurring saving of £1.2m a year.", ALL, QUARTER, COUNCIL, OK),
    ("savings-a-proposal-could-deliver-are-the-target",
     "The proposal could deliver savings of £1.5m.", ALL, QUARTER, COUNCIL, "warning: £1.2m"),
    ("a-named-areas-saving-that-would-be-released-is-its-target",
     "This would release a recurring saving of £1.5m for Transport.", ALL, QUARTER, COUNCIL,
     "warning: £0.4m"),
    ("a-saving-released-is-still-achieved",
     "This has released a recurring saving of £1.5m a year.", ALL, QUARTER, COUNCIL,
     "warning: £0.7m"),
    ("savings-achieved-beside-a-would-are-still-achieved",
     "Savings of £1.5m have been achieved, which would otherwise have been lost.", ALL,
     QUARTER, COUNCIL, "warning: £0.7m"),
    ("savings-an-effort-is-to-deliver-are-the-target",
     "Members were updated on the work of the service to deliver £1.5m of savings through "
     "the recovery plan.", ALL, QUARTER, BROAD, "warning: £1.2m"),
    ("savings-an-effort-is-to-deliver-right-raise-nothing",
     "Members were updated on the work of the service to deliver £1.2m of savings through "
     "the recovery plan.", ALL, QUARTER, BROAD, OK),
    ("proposals-to-achieve-savings-are-the-target",
     "Proposals to achieve £1.5m of savings were presented.", ALL, QUARTER, COUNCIL,
     "warning: £1.2m"),
    ("work-that-has-continued-to-deliver-savings-is-not-an-aim",
     "Work has continued to deliver £1.5m of savings this year.", ALL, QUARTER, COUNCIL, OK),
    ("agreed-plans-to-achieve-savings-stay-a-sure-target",
     "At its December meeting the council agreed to plans to achieve £1.5m of permanent "
     "savings.", ALL, YEAR, COUNCIL, "error: £1.2m"),
    # -- near-misses: the body's own amount, a line's share, no share at all
    ("a-lines-share-of-the-wholes-target-is-read-as-before",
     "Placements' share of the £1.5m savings target is £0.9m.", ALL, YEAR, COUNCIL,
     "warning: £0.8m"),
    ("the-bodys-own-target-beside-a-share-is-still-checked",
     "The Council's savings target of £1.5m includes its share of the regional programme.",
     ALL, YEAR, COUNCIL, "error: £1.2m"),
    ("savings-required-with-no-share-are-still-the-target",
     "The Council will meet the £5m savings required this year.", ALL, YEAR, COUNCIL,
     "error: £1m"),
    ("the-bodys-overspend-after-a-share-is-still-checked",
     "After meeting its share of the regional costs, the Council forecasts an overspend of "
     "£3.5m.", ALL, QUARTER, COUNCIL, "error: £2.0m"),
]


@pytest.mark.parametrize(("name", "sentence", "figures", "period", "names", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_round8b_wording(name: str, sentence: str, figures: list[Figure], period: str,
                         names: object, expected: str) -> None:
    assert verdict(sentence, figures, period=period, names=names) == expected  # type: ignore[arg-type]


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("sentence", [
    "The Trust would meet its share (£0.9m) of £1.5m cash savings required of Trusts.",
    "Our share of the £1.5m savings target set for the region has been agreed.",
])
def test_a_pool_that_agrees_with_nothing_never_raises(sentence: str) -> None:
    """The pool is never read as the whole's target (£1.2m), whatever else is said."""
    assert "£1.2m" not in verdict(sentence, ALL, period=YEAR, names=COUNCIL)


@pytest.fixture(scope="module")
def episodes() -> Judged:
    """The SSDA903 fixture: 270 children looked after on 31 December 2023."""
    return Judged(SSDA903)


@pytest.mark.parametrize(("sentence", "expected"), [
    # X of a change to come is the count now
    ("The number of children in care is expected to rise from 290 to around 310 over the "
     "next two years.", "error: 270"),
    ("The number of children in care is expected to rise from 270 to around 310 over the "
     "next two years.", OK),
    ("Our looked after population will fall from 290 to 250 by 2027.", "error: 270"),
    # Y of a change to come is a forecast, never the count now
    ("The number of children in care is expected to rise to 290 next year.", OK),
    ("The number of children in care will rise to 290 next year.", OK),
    ("The number of children looked after is forecast to fall to about 240.", OK),
    # near-misses: a start dated on its own, another group, a past change
    ("The number of children in care is expected to rise from 290 in 2025 to 310 in 2027.",
     OK),
    ("The number of foster carers is expected to rise from 290 to 310.", OK),
    ("The number of children in care has risen to 290.", "error: 270"),
])
def test_a_change_to_come(episodes: Judged, sentence: str, expected: str) -> None:
    assert episodes.verdict(sentence) == expected
