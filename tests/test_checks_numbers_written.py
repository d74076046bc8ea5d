"""How an amount is written (rule 1 of docs/checks.md, "How a typed number is read"): money
with its pound sign lost ("an overspend of 2.188m"), the "mn" and "bn" suffixes, a pound sign
glued to the word before it, and a range ("£35-40 million"). The sentences are made up, in other
words and figures than the councils' papers the rules were found in."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportgen.checks.numbers import find_literals
from reportgen.checks.vocabulary import Figure
from tests.test_checks_figures import (
    GROUP_VARIANCE,
    HARROW,
    PANELS,
    ROTHERHAM,
    bundle_copy,
    bundle_findings,
)
from tests.wording.harness import _NAMED

ACHIEVED = "{{ savings.total.achieved | money('k') }}"


def _figure(value: float) -> Figure:
    return Figure("x", "x", value, "money", "{{ x | money }}")  # type: ignore[arg-type]


def _money(text: str) -> list[tuple[str, Decimal, Decimal, str]]:
    return [(lit.text, lit.value, lit.precision, lit.bound)
            for lit in find_literals(text) if lit.kind == "money"]


# --------------------------------------------------------------------------- no pound sign

@pytest.mark.parametrize(("sentence", "text", "value", "precision"), [
    ("the service reported a deficit of 3.742m at year end", "3.742m", "3742000", "1000"),
    ("the grant of 12.6 million was received late", "12.6 million", "12600000", "100000"),
    ("it posted a 0.83m favourable variance", "0.83m", "830000", "10000"),
    ("efficiency savings totalling 2.05 million are planned", "2.05 million", "2050000",
     "10000"),
    ("spend is forecast at 7.1m, above the plan", "7.1m", "7100000", "100000"),
])
def test_an_amount_in_millions_with_a_money_word_is_money(sentence: str, text: str, value: str,
                                                          precision: str) -> None:
    assert _money(sentence) == [(text, Decimal(value), Decimal(precision), "exact")]


@pytest.mark.parametrize("sentence", [
    "the county has 1.4 million residents and a budget to match",
    "a budget that serves a population of 2.3 million",
    "the library budget paid for 1.1 million visits",
    "an increase of 1.6 million journeys was seen",
    "the 10k run raised funds for the hospice",
    "paragraph 4.2 covers 3 million people",
])
def test_people_things_and_changes_in_millions_are_not_money(sentence: str) -> None:
    assert _money(sentence) == []


# --------------------------------------------------------------------------- suffixes

@pytest.mark.parametrize(("text", "value", "precision", "style"), [
    ("£240mn", "240000000", "1000000", "m"),
    ("£6.5mn", "6500000", "100000", "m"),
    ("£2.7 billion", "2700000000", "100000000", "bn"),
    ("£3bn", "3000000000", "1000000000", "bn"),
])
def test_mn_and_bn_suffixes(text: str, value: str, precision: str, style: str) -> None:
    [lit] = find_literals(f"a budget of {text} was set")
    assert (lit.value, lit.precision, lit.style) == (Decimal(value), Decimal(precision), style)


def test_an_amount_in_billions_is_named_in_billions() -> None:
    [lit] = find_literals("a net budget of £2.7 billion")
    named = lit.like(_figure(2_940_000_000), named=True)
    assert named == "£2.9bn"
    # The wording harness (and so any reader of the message) reads the suffix back.
    m = _NAMED.match(named)
    assert m is not None and (m["num"], m["dec"], m["suffix"]) == ("2", "9", "bn")
    assert lit.agrees(_figure(2_720_000_000)) and not lit.agrees(_figure(2_760_000_000))


def test_a_pound_sign_glued_to_the_word_before_is_an_amount() -> None:
    assert _money("we have saved£212k so far") == [
        ("£212k", Decimal(212000), Decimal(1000), "exact")]
    assert _money("a deficit of c£9m") == [("c£9m", Decimal(9000000), Decimal(1000000),
                                           "approx")]
    assert _money("version 2£5m") == []  # a digit before the sign: not an amount


def test_a_plus_after_the_number_is_a_lower_bound() -> None:
    assert _money("the £45+ million still to be found") == [
        ("£45+ million", Decimal(45_000_000), Decimal(1_000_000), "lower")]
    assert _money("pressures of £6m+ this year") == [
        ("£6m+", Decimal(6_000_000), Decimal(1_000_000), "lower")]
    # a sum is two amounts, neither a bound
    assert [b for *_, b in _money("£4m+£2m and £7+£1")] == ["exact"] * 4


# --------------------------------------------------------------------------- ranges

@pytest.mark.parametrize(("sentence", "text", "low", "high"), [
    ("a gap of £22-26 million is expected", "£22-26 million", 22_000_000, 26_000_000),
    ("pressures of £3m-£5m remain", "£3m-£5m", 3_000_000, 5_000_000),
    ("a cost of between £150,000 and £190,000", "£150,000 and £190,000", 150_000, 190_000),
    ("savings of £14 to 18 million are needed", "£14 to 18 million", 14_000_000, 18_000_000),
])
def test_a_range_is_one_claim_between_its_ends(sentence: str, text: str, low: int,
                                               high: int) -> None:
    [lit] = [lit for lit in find_literals(sentence) if lit.kind == "money"]
    assert (lit.text, lit.value, lit.upper, lit.bound) == (text, low, high, "range")
    assert lit.agrees(_figure(low)) and lit.agrees(_figure(high))
    assert lit.agrees(_figure((low + high) / 2))
    assert not lit.agrees(_figure(high * 1.2)) and not lit.agrees(_figure(low * 0.8))


@pytest.mark.parametrize("sentence", [
    "the overspend rose from £3m to £5m",
    "the overspend was reduced by £3m to £5m",
    "overspends of £3m and £5m on the two lines",
])
def test_two_amounts_are_not_a_range(sentence: str) -> None:
    assert [lit.bound for lit in find_literals(sentence) if lit.kind == "money"] == \
        ["exact", "exact"]


# --------------------------------------------------------------------------- in a bundle

def test_an_amount_without_its_pound_sign_is_checked(tmp_path: Path) -> None:
    wrong = bundle_findings(bundle_copy(tmp_path / "a", HARROW, (ACHIEVED, "0.452m")))
    assert [(f.rule, f.severity, f.message) for f in wrong] == [(
        "figures.literal-mismatch", "error",
        "'0.452m have already been achieved' but the data give £0.437m")]
    in_millions = PANELS.replace("money('k')", "money('m', 3)")
    assert wrong[0].fix == f"write {in_millions}"
    right = bundle_findings(bundle_copy(tmp_path / "b", HARROW, (ACHIEVED, "0.437m")))
    assert [(f.rule, f.severity) for f in right] == [("figures.hand-typed", "warning")]


def test_an_amount_in_mn_is_read_in_millions(tmp_path: Path) -> None:
    wrong = bundle_findings(bundle_copy(tmp_path / "a", ROTHERHAM, (GROUP_VARIANCE, "£3.4mn")))
    assert [(f.rule, f.severity) for f in wrong] == [("figures.literal-mismatch", "error")]
    assert wrong[0].message.endswith("but the data give £2.8m")
    right = bundle_findings(bundle_copy(tmp_path / "b", ROTHERHAM, (GROUP_VARIANCE, "£2.8mn")))
    assert [(f.rule, f.severity) for f in right] == [("figures.hand-typed", "warning")]
