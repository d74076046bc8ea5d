"""Each reading heuristic of the figure checker, pinned by a table of sentences and verdicts.

The figures are made by hand (no bundle, no data files): three budget lines and their total,
a group, a previous period, savings areas and placements. Every row states what the checker
must say about one sentence; removing or breaking the heuristic named in the row's id makes
that row fail. The rules are described in docs/checks.md ("How a typed number is read").
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.checks.figures import check_text
from reportgen.checks.numbers import find_literals
from reportgen.checks.reading import ReportNames, report_names
from reportgen.checks.vocabulary import Figure


def _fig(key: str, measure: str, value: float, subject: str | None = None,
         scope: str = "total", unit: str = "money", previous: bool = False,
         of: str = "") -> Figure:
    expr = f"{{{{ {key} | money }}}}" if unit == "money" else (
        f"{{{{ {key} | percent }}}}" if unit == "percent" else f"{{{{ {key} }}}}")
    return Figure(key, key, value, unit, expr, measure, subject, scope,  # type: ignore[arg-type]
                  previous, of)


def _line(name: str, budget: float, spend: float, scope: str = "line",
          previous: bool = False) -> list[Figure]:
    root = "previous_budget" if previous else "budget"
    base = f"{root}.total" if scope == "total" else f"{root}.lines['{name}']"
    subject = None if scope == "total" else name
    return [_fig(f"{base}.budget", "budget", budget, subject, scope, previous=previous),
            _fig(f"{base}.projected_spend", "spend", spend, subject, scope, previous=previous),
            _fig(f"{base}.variance", "variance", spend - budget, subject, scope,
                 previous=previous)]


LINES = [
    *_line("", 40_000_000, 42_005_321, scope="total"),
    *_line("Children's Social Care", 20_000_000, 21_234_567),
    *_line("Home to School Transport", 4_000_000, 3_759_700),
    *_line("Adoption & Fostering", 16_000_000, 17_011_054),
    _fig("budget.groups['External placements'].variance", "variance", 2_245_621,
         "External placements", "group"),
    *_line("Children's Social Care", 20_000_000, 20_900_000, previous=True),
    _fig("changes.lines.csc.variance", "change", 334_567, "Children's Social Care", "line",
         of="variance"),
    _fig("changes.budget_variance.difference", "change", 334_567, of="variance"),
]
SAVINGS = [
    _fig("savings.total.target", "target", 1_200_000),
    _fig("savings.total.achieved", "achieved", 700_000),
    _fig("savings.areas['Placements'].target", "target", 800_000, "Placements", "area"),
    _fig("savings.areas['Placements'].achieved", "achieved", 530_000, "Placements", "area"),
    _fig("savings.areas['Transport'].target", "target", 400_000, "Transport", "area"),
    _fig("savings.areas['Transport'].achieved", "achieved", 170_000, "Transport", "area"),
]
PLACEMENTS = [
    _fig("placements.total.count", "count", 412, unit="count"),
    _fig("placements.by_type['residential'].count", "count", 38, "residential", "type",
         unit="count"),
    _fig("placements.by_type['ifa'].count", "count", 97, "ifa", "type", unit="count"),
    _fig("placements.total.average_weekly_cost", "average_weekly_cost", 1_287.4),
    _fig("placements.by_type['residential'].average_weekly_cost", "average_weekly_cost",
         5_312.0, "residential", "type"),
]
ALL = LINES + SAVINGS + PLACEMENTS
# A previous period in which Adoption & Fostering's budget was £1.24m less (budget growth).
GROWTH = [
    _fig("changes.lines.Adoption & Fostering.budget", "change", 1_240_000,
         "Adoption & Fostering", "line", of="budget"),
]
YEAR = "2024/25"  # a whole year's report: budget setting or the year's plan
QUARTER = "2024/25 Q3"  # a monitoring report

OK = "ok"  # no error; a hand-typed warning is allowed


def verdict(sentence: str, figures: list[Figure] = ALL, period: str = "2024/25 Q3",
            headings: str = "", names: ReportNames | None = None) -> str:
    """"ok", or "error: <what the data give>" for the first mismatch, "warning: …" for the
    first mismatch of an inferred claim when there is no error."""
    findings = [f for f in check_text(sentence, figures, period, headings=headings,
                                      names=names)
                if f.rule == "figures.literal-mismatch"]
    for severity in ("error", "warning"):
        found = [f for f in findings if f.severity == severity]
        if found:
            return f"{severity}: " + found[0].message.split(" but the data give ")[1]
    return OK


def hand_typed(sentence: str, figures: list[Figure] = ALL) -> list[str]:
    return [f.fix or "" for f in check_text(sentence, figures, "2024/25 Q3")
            if f.rule == "figures.hand-typed"]


CASES = [
    # -- measure and subject matched separately, in either order, within the clause
    ("label-before-measure",
     "Children's Social Care had an overspend of £1.5m.", "error: £1.2m"),
    ("measure-before-label",
     "There was an overspend of £1.5m which was attributable to Children's Social Care.",
     "error: £1.2m"),
    ("label-variant-case-apostrophe", "The overspend in childrens social care was £1.5m.",
     "error: £1.2m"),
    ("label-variant-ampersand-and", "The adoption and fostering overspend was £1.5m.",
     "error: £1.0m"),
    ("label-word-order-and-gap",
     "The overspend on social care for children was £1.5m.", "error: £1.2m"),
    ("right-figure-is-no-error", "Children's Social Care had an overspend of £1.2m.", OK),
    # -- the nearest measure word wins; a "budget" after a preposition is what it is of
    ("nearest-measure-wins",
     "The Children's Social Care budget showed an overspend of £1.5m.", "error: £1.2m"),
    ("budget-after-preposition-is-not-the-measure",
     "The overspend on the Children's Social Care budget was £1.5m.", "error: £1.2m"),
    ("budget-bound-to-its-number",
     # (£21m would be its projected spend: figures.two-readings, tests/test_checks_two_readings)
     "The Children's Social Care budget of £22m had overspent by £1.2m.", "error: £20m"),
    # -- a name after its number weighs double
    ("name-after-number-weighs-less",
     "Adoption & Fostering overspend of £1.5m, mostly on Children's Social Care.",
     "error: £1.0m"),
    # -- ties and ambiguity are never errors
    # -- no line named: the report's overall figure, unless the words could mean a line
    ("no-subject-several-lines-is-the-total", "The forecast overspend is £9m.",
     "warning: £2m"),  # an inferred claim: a warning (reading.Claim.explicit)
    ("no-subject-agreeing-with-a-line-is-that-line", "The forecast overspend is £1.0m.", OK),
    # one line named earlier in the paragraph: the sentence goes on about it, but a number
    # agreeing with any figure it could mean (the total here) is no error
    ("no-subject-after-a-named-line-in-the-paragraph",
     "Adoption & Fostering is under pressure. The forecast overspend is £9m.",
     "warning: £1m"),
    ("no-subject-after-a-named-line-agreeing-with-the-total",
     "Adoption & Fostering is under pressure. The forecast overspend is £2.0m.", OK),
    ("no-subject-after-two-named-lines",
     "Adoption & Fostering and Children's Social Care are under pressure. The forecast "
     "overspend is £9m.", OK),
    ("no-subject-in-this-clause-but-in-the-sentence",
     "Children's Social Care overspent by £1.2m, compared to an overspend of £9m.", OK),
    ("no-subject-with-an-expression-in-the-sentence",
     "In {{ previous_budget.period }} the overspend was £9m.", OK),
    ("no-subject-bare-noun-is-too-weak", "After the allocation of £5m the position is "
     "better.", OK),
    ("no-subject-bare-position-is-too-weak",
     "Based on the 'as is' position, if no action were taken the £9m would be needed.", OK),
    ("change-in-a-measure-is-a-change",  # a change of spend: the data hold none
     "There was a further increase in expenditure of £9m.", OK),
    # -- found on the first clean hold-out (tests/wording/README.md, "Hold-out (clean)")
    ("less-than-the-budget-is-a-variance",
     "Home to School Transport spend is £0.5m less than the budget.", "error: £0.2m"),
    ("less-than-an-amount-is-a-bound-not-a-clause-break",
     "The Children's Social Care overspend is slightly less than £1m.", "error: £1.2m"),
    ("under-achievement-is-no-achievement",
     "Placements savings show a net under-achievement of £0.9m.", OK),
    ("previous-year-in-a-quarters-report-is-not-held",
     "Children's Social Care had an overspend of £1.5m from the previous year.", OK),
    ("previous-quarter-after-the-measure-is-the-previous-figure",
     "Children's Social Care had an overspend of £1.5m in the previous quarter.",
     "error: £0.9m"),
    ("previously-estimated-is-the-previous-figure",
     "It had previously been estimated that the Children's Social Care overspend would be "
     "£1.5m.", "error: £0.9m"),
    ("period-named-after-the-measure",
     "The £3.1m overspend predicted at quarter 1 for Children's Social Care has grown.", OK),
    ("an-amount-put-into-a-budget-is-a-change",
     "£1.4m had been put into the Children's Social Care budget.", OK),
    ("a-count-after-another-counts-words-is-a-part",
     "There were 412 children in care, 40 in council homes and 372 elsewhere.", OK),
    ("a-change-verb-is-not-the-measure",
     "The number of children in care had decreased and was now 400.", "error: 412"),
    ("the-amount-of-a-noun-of-its-own",
     "After the allocation of £5m from Contingency, the overspend is lower.", OK),
    ("a-forecast-is-projected-spend",
     "Children's Social Care has a forecast of £25m.", "error: £21m"),
    # -- found on the second clean hold-out
    ("over-the-budget-by-is-a-variance",
     "Children's Social Care net spend would be over the approved budget by £1.5m.",
     "error: £1.2m"),
    ("a-budget-of-after-a-comparison-is-the-budget",
     "Spend is above the Children's Social Care approved budget of £25m.", "error: £20m"),
    ("outturn-alone-is-spend-or-variance",
     "The Children's Social Care outturn was estimated at £25m.", OK),
    ("savings-alone-is-target-or-achieved", "Placements savings of £0.9m were noted.", OK),
    ("a-name-in-the-numbers-own-phrase",
     "The £1.0m overspend in Adoption & Fostering and £1.5m overspend in Children's Social "
     "Care were noted.", "error: £1.2m"),
    ("a-count-of-a-kind-the-data-do-not-hold",
     "There are 23 asylum seeking young people in care.", OK),
    ("a-place-before-a-count-noun-is-no-kind", "There are 400 Lancaster children in care.",
     "error: 412"),
    ("another-years-count-is-not-held",
     "There are 412 children in care, compared to 290 children in 2015.", OK),
    ("this-years-count-is-checked",
     "There were 400 children in care in December 2024.", "error: 412"),
    ("a-number-that-has-changed-since-is-an-earlier-value",
     "There were 50 children in residential care, but this had decreased by the time of the "
     "meeting.", OK),
    ("forecast-after-a-measure-in-the-clause-qualifies-it",
     "The overall overspend across the service forecast of £9m.", "error: £2m"),
    ("only-candidate-by-sign",
     "There is a forecast underspend of £0.3m.", "error: £0.2m"),
    ("unknown-name-in-clause-is-not-ours",
     "The quarter three forecast for Aycliffe Secure Centre showed a surplus of £70,000.", OK),
    ("named-subject-without-that-figure",
     "Children's Social Care overspend was 7.1% of budget.", OK),
    # -- aggregates
    ("combined-names-the-group", "This gives a combined projected overspend of £2.5m.",
     "error: £2.2m"),
    ("total-names-the-total", "The total overspend is £2.5m.", "error: £2.0m"),
    ("a-total-of-is-no-aggregate", "A total of 40 children are in IFA placements.",
     "error: 97"),
    # -- periods
    ("previously-reported-is-the-previous-period",
     "Children's Social Care overspend, an increase from the £1.1m previously reported.",
     "error: £0.9m"),
    ("another-period-named-is-not-ours",
     "This compares with the quarter one overspend forecast of £6.2m.", OK),
    ("change-word-governs-its-number",
     "The Children's Social Care overspend rose, an increase of £0.5m since last quarter.",
     "error: £0.3m"),
    ("from-x-to-y-x-is-the-old-value",
     "The Children's Social Care overspend moved from £0.9m to £1.2m.", OK),
    ("from-x-to-y-y-is-checked",
     "The Children's Social Care overspend moved from £0.9m to £1.5m.", "error: £1.2m"),
    ("of-which-is-a-part",
     "Children's Social Care has an overspend of £1.2m, £0.4m of which relates to agency "
     "staff.", OK),
    # -- bounds and approximations
    ("lower-bound-below-is-error", "The overspend in Children's Social Care is over £2m.",
     "error: £1.2m"),
    ("lower-bound-above-is-fine", "The overspend in Children's Social Care is over £1m.", OK),
    ("approximate-round-number", "Placements savings achieved were around £500,000.", OK),
    # -- savings: a target is a checkable figure; a bare "savings" yields to the status word
    ("savings-target-is-checkable", "The savings target for Placements is £0.9m.",
     "error: £0.8m"),
    ("bare-savings-yields-to-status-word",
     "£300,000 in savings for Transport are yet to be found; £170,000 achieved.", OK),
    ("x-of-the-y-savings",
     "£600,000 of the £800,000 Placements savings were achieved.", "error: £530,000"),
    # -- counts
    ("count-of-a-type", "There are 40 children in residential care.", "error: 38"),
    ("count-with-no-type-is-the-total", "There are 400 children in care.", "error: 412"),
    ("count-followed-by-a-unit-is-not-a-count",
     "Children are placed within 20 miles of home.", OK),
    ("count-difference-is-not-a-count",
     "There are 412 children in care, which is 300 more than in 2019.", OK),
    ("indefinite-count-is-not-the-total",
     "A small number of placements (fewer than 5) are under review.", OK),
    # (a count with a noun of its own, "... children in our care and 175 care experienced
    # young people", is pinned by the Wiltshire fixture: tests/test_forms.py)
    ("a-rate-is-not-a-count",
     "The rate of children in care per 10,000 children has risen to 54.9.", OK),
    ("per-10000-is-a-denominator", "There are 55 children in care per 10,000 children.", OK),
    ("count-after-its-measure-still-counts",
     "The number of children in care is 400 this quarter.", "error: 412"),
    ("count-after-change-word-is-a-change",
     "There are 38 children in residential care, a reduction from quarter one of 9 children.",
     OK),
    # -- costs
    ("average-weekly-cost-of-a-type",
     "The average cost of a residential placement is £6,000 per week.", "error: £5,312"),
    ("previous-period-named-is-the-previous-figure",
     "This compares with the quarter two overspend forecast of £1.1m.", "error: £0.9m"),
]


@pytest.mark.parametrize(("sentence", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_heuristic(sentence: str, expected: str) -> None:
    assert verdict(sentence) == expected


@pytest.mark.parametrize(("text", "headings", "expected"), [
    ("The forecast overspend is £9m.", "", "warning: £2m"),
    # a Markdown heading naming a line: the paragraphs under it are about that line
    ("### Adoption & Fostering\n\nThe forecast overspend is £9m.", "", "warning: £1m"),
    ("### Adoption & Fostering\n\nIt is under review.\n\n### Overall position\n\n"
     "The forecast overspend is £9m.", "", "warning: £2m"),
    # a body: section's heading, or one of the sections it is in
    ("The forecast overspend is £9m.", "Budget / Children's Social Care", "warning: £1m"),
    ("The forecast overspend is £2.0m.", "Budget / Children's Social Care", OK),
    ("The forecast overspend is £9m.", "Budget / Overall position", "warning: £2m"),
])
def test_a_heading_naming_a_line_is_what_its_text_is_about(text: str, headings: str,
                                                           expected: str) -> None:
    assert verdict(text, headings=headings) == expected


def test_a_measure_named_between_a_count_and_its_noun_is_its_subject() -> None:
    """"12 changes of placement": the words between the count and "placement" are a measure's
    name, not a kind of placement the data do not hold."""
    moves = _fig("care.placement_changes", "count", 57, "changes of placement", "measure",
                 unit="count")
    assert verdict("There were 12 changes of placement.", [*ALL, moves]) == "error: 57"
    assert verdict("There were 57 changes of placement.", [*ALL, moves]) == OK


RATES = [
    _fig("indicators['Rate of children looked after per 10,000']['2024/25'].value", "count",
         54.93, "Rate of children looked after", "measure", unit="count"),
    _fig("indicators['Rate of children looked after per 10,000']['2023/24'].value", "count",
         53.2, "Rate of children looked after", "measure", unit="count"),
]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the indicator named, its latest value; "10,000" and "under 18" are not figures
    ("The rate of children looked after per 10,000 children aged under 18 has risen to 58.1.",
     "error: 54.9"),
    ("The rate of children looked after per 10,000 children aged under 18 has risen to 54.9.",
     OK),
    # another period named: not the latest value, so not checked
    ("The rate of children looked after per 10,000 children was 58.1 in 2016.", OK),
    # no indicator named, or a decimal that is no rate: nothing to check it against
    ("The rate per 10,000 children has risen to 58.1.", OK),
    ("Children had an average of 3.2 placements each.", OK),
])
def test_a_rate_is_its_indicators_latest_value(sentence: str, expected: str) -> None:
    assert verdict(sentence, [*ALL, *RATES]) == expected


def test_a_rate_message_and_fix_keep_its_decimals() -> None:
    [f] = check_text("The rate of children looked after per 10,000 has risen to 58.1.", RATES)
    assert f.message.endswith("but the data give 54.9")
    assert f.fix == ("write {{ indicators['Rate of children looked after per 10,000']"
                     "['2024/25'].value | number(1) }}")


@pytest.mark.parametrize(("overspend", "expected"), [
    (6_960_000, OK),  # £6.96m is £7.0m to one digit more than "over £7m" shows
    (6_940_000, "error: £6.9m"),  # named one digit finer than the bound, or it reads "£7m"
    (7_400_000, OK),
])
def test_a_bound_is_met_to_one_digit_more_than_it_shows(overspend: float,
                                                         expected: str) -> None:
    figures = [_fig("budget.lines['X'].variance", "variance", overspend, "X", "line")]
    assert verdict("The X overspend is over £7m.", figures) == expected


def test_every_case_has_its_own_name() -> None:
    assert len({c[0] for c in CASES}) == len(CASES)


# --------------------------------------------------------------------------- messages


def test_message_names_the_figure_at_the_sentences_precision() -> None:
    figures = [_fig("budget.lines['X'].variance", "variance", 291_234, "X", "line"),
               _fig("budget.lines['Y'].variance", "variance", 3_000_000, "Y", "line")]
    [f] = check_text("The X overspend is £0.285m.", figures)
    assert f.message == "'X overspend is £0.285m' but the data give £0.291m"
    assert f.fix == "write {{ budget.lines['X'].variance | money('m', 3) }}"
    [f] = check_text("The X overspend is £0.3m.", [*figures[:1], _fig(
        "budget.lines['Y'].variance", "variance", 3_000_000, "Y", "line")])
    assert f.rule == "figures.hand-typed"
    [f] = check_text("The X overspend is £0.4m.", figures)
    assert f.message.endswith("the data give £0.3m")
    assert f.fix == "write {{ budget.lines['X'].variance | money('m', 1) }}"


def test_an_unnamed_amount_equal_to_a_figure_is_reported() -> None:
    # No measure word and no name: the amount is still recognised by its value.
    assert hand_typed("We were told about £21,234,567 on Monday.") == [
        "write {{ budget.lines['Children's Social Care'].projected_spend | money }} so that "
        "it follows the data"]


def test_an_unnamed_amount_equal_to_nothing_is_silent() -> None:
    assert check_text("We were told about £21,234,999 on Monday.", ALL) == []


# --------------------------------------------------------------------------- reading numbers


@pytest.mark.parametrize(("text", "value", "precision", "bound"), [
    ("c£5.8m", "5800000", "100000", "approx"),
    ("c £6.9m", "6900000", "100000", "approx"),
    ("£9.9 millions", "9900000", "100000", "exact"),
    ("£2.4million", "2400000", "100000", "exact"),
    ("£1.8M", "1800000", "100000", "exact"),
    ("£8,305k", "8305000", "1000", "exact"),
    ("£0.136m", "136000", "1000", "exact"),
    ("£419,000", "419000", "1000", "exact"),
    ("£750k", "750000", "1000", "exact"),
    ("£911.000", "911000", "1000", "exact"),  # a full stop typed for the thousands comma
    ("£4.170k", "4170000", "1000", "exact"),
    ("around £200,000", "200000", "100000", "approx"),
    ("over £7m", "7000000", "1000000", "lower"),
    ("in excess of £6,000", "6000", "1000", "lower"),
    ("circa 1200", "1200", "100", "approx"),
    ("approximately 590", "590", "10", "approx"),
    ("1699", "1699", "1", "exact"),
    ("3.8%", "3.8", "0.1", "exact"),
    ("46 per cent", "46", "1", "exact"),
])
def test_number_reading(text: str, value: str, precision: str, bound: str) -> None:
    [lit] = find_literals(f"it was {text} then")
    assert (lit.value, lit.precision, lit.bound) == (Decimal(value), Decimal(precision), bound)


def test_a_year_or_period_number_is_not_an_amount() -> None:
    text = ("the demand pressure for the year 2024-2025, the SP23 programme, the Covid19 "
            "pandemic, quarter 3, month 6, paragraphs 4.2 and 4.3, and the budget set in 2019")
    assert find_literals(text) == []


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(("amount", "style", "places", "shown"), [
    (8_862_400, "m", 3, "£8.862m"),
    (240_000, "m", 2, "£0.24m"),
    (127_030_000, "m", 1, "£127.0m"),  # the ".0" is kept when places are asked for
    (4_170_300, "k", 0, "£4,170k"),
    (1_234.5, "k", 1, "£1.2k"),
    (-291_000, "m", 3, "-£0.291m"),
])
def test_money_prints_at_a_stated_precision(amount: float, style: str, places: int,
                                            shown: str) -> None:
    from reportgen.formatting import money

    assert money(amount, style, places) == shown


def test_money_places_need_k_or_m() -> None:
    from reportgen.errors import ReportgenError
    from reportgen.formatting import money

    with pytest.raises(ReportgenError):
        money(1, "full", 2)
    with pytest.raises(ReportgenError):
        money(1, "m", 4)


# --------------------------------------------------------------------------- hostile length


def test_a_run_on_sentence_is_read_in_pieces() -> None:
    """A sentence is read as a whole up to MAX_SENTENCE_CHARS, a run-on one in pieces cut at
    spaces: every number's words are looked for within its piece, so the work grows with the
    text, not with its square (a 2 MiB report.yaml of numbers with no full stop)."""
    from reportgen.checks.reading import sentences
    from reportgen.limits import MAX_SENTENCE_CHARS

    run_on = " ".join(f"there were {i} children and an overspend of £{i}m" for i in range(400))
    pieces = list(sentences(run_on))
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert " ".join(pieces) == run_on  # cut at spaces only: no word lost or split
    short = "Children's Social Care had an overspend of £1.5m."
    assert list(sentences(short)) == [short]


def test_a_numbers_qualifiers_are_read_from_the_words_just_before_it() -> None:
    """What makes a number a bound, approximate or no count at all ends at the number: reading
    only the last words before it gives the same numbers as reading the whole sentence."""
    filler = "the committee noted the position " * 300
    for text in ("over £7m", "in the region of £200,000", "paragraphs 4.2, 4.3 and 4.4",
                 "aged under 18", "quarter 3", "46 per cent", "a total of 435 children"):
        near = [(lit.text, lit.bound, lit.kind) for lit in find_literals(f"so {text} then")]
        far = [(lit.text, lit.bound, lit.kind) for lit in find_literals(f"{filler}{text} then")]
        assert near == far, text


# -- issue 26, money: the report's own names (report.yaml) and the measures found missing on
# councils' wording. NAMES is a directorate's report (the council is wider than its data);
# BROAD a council's whole budget.
NAMES = report_names("Sometown Borough Council", "Children's Services",
                     "Children and Families Overview and Scrutiny Committee",
                     {"CSC": "Children's Social Care", "XYZ": "Nothing in the data"})
BROAD = report_names("Sometown Borough Council", None, "Cabinet", {})
# The same, with the scope declared (report.yaml budget_scope): the council's whole budget,
# or one service's.
COUNCIL = report_names("Sometown Borough Council", None, "Cabinet", {}, "council")
SERVICE = report_names("Sometown Borough Council", None, "Cabinet", {}, "service")

MONEY_CASES = [
    # -- the report's own scope names the total, and says so surely (an error)
    ("scope-noun-names-the-total", "The directorate is forecasting an overspend of £9m.",
     NAMES, "error: £2m"),
    ("directorate-name-names-the-total",
     "Children's Services is forecasting an overspend of £9m.", NAMES, "error: £2m"),
    ("committee-subject-names-the-total",
     "Children and Families are forecasting an overspend of £9m.", NAMES, "error: £2m"),
    ("council-in-a-directorate-report-is-wider",
     "The Council is forecasting an overspend of £9m.", NAMES, OK),
    ("council-with-no-declared-scope-is-the-total-by-guess",
     "The Council is forecasting an overspend of £9m.", BROAD, "warning: £2m"),
    ("council-name-with-no-declared-scope-is-the-total-by-guess",
     "Sometown is forecasting an overspend of £9m.", BROAD, "warning: £2m"),
    ("council-with-no-declared-scope-may-be-of-more-than-the-data",
     "Sometown's core revenue budget for the year stood at £95m.", BROAD, "warning: £40m"),
    ("council-of-a-declared-council-scope-is-the-total",
     "The Council is forecasting an overspend of £9m.", COUNCIL, "error: £2m"),
    ("council-name-of-a-declared-council-scope-is-the-total",
     "Sometown is forecasting an overspend of £9m.", COUNCIL, "error: £2m"),
    ("council-of-a-declared-service-scope-is-wider",
     "The Council is forecasting an overspend of £9m.", SERVICE, OK),
    ("directorate-of-a-declared-service-scope-is-wider",
     "The directorate is forecasting an overspend of £9m.", SERVICE, OK),
    ("service-of-a-declared-service-scope-is-the-total",
     "The service is forecasting an overspend of £9m.", SERVICE, "error: £2m"),
    ("directorate-of-a-declared-council-scope-is-not-the-total",
     "The directorate is forecasting an overspend of £9m.", COUNCIL, OK),
    ("a-count-of-the-council-by-guess-is-still-checked",
     "Sometown looked after 390 children in placements.", BROAD, "error: 412"),
    ("council-before-a-proper-name-is-that-name",
     "The Council Tax Reduction Scheme has an overspend of £9m.", BROAD,
     "warning: £2m"),  # no name: the total, inferred
    ("a-named-line-beats-the-scope",
     "The directorate's overspend on Children's Social Care is £1.5m.", NAMES, "error: £1.2m"),
    # -- a line named by part of its label or a declared abbreviation
    ("last-word-names-the-line", "The overspend on fostering is £1.5m.", NAMES,
     "error: £1.0m"),
    ("another-distinctive-word-suggests-the-line", "The overspend on adoption is £1.5m.",
     NAMES, "warning: £1.0m"),
    ("declared-abbreviation-names-its-line", "CSC has an overspend of £1.5m.", NAMES,
     "error: £1.2m"),
    ("abbreviation-of-nothing-names-nothing", "XYZ has an overspend of £1.5m.", NAMES,
     "warning: £2.0m"),
    # -- the subject is the clause's, not a part or cause named after the number
    ("a-name-in-an-including-clause-is-a-part",
     "The directorate has an overspend of £2.0m, which included the Children's Social Care "
     "grant.", NAMES, OK),
    ("a-name-after-a-cause-only-suggests",
     "There is an overspend of £1.5m, mainly due to Children's Social Care.", NAMES,
     "warning: £1.2m"),
    ("an-offset-clause-is-its-own",
     "The directorate has an overspend of £9m, partly offset by an underspend on Home to "
     "School Transport of £0.2m.", NAMES, "error: £2m"),
    ("a-name-in-an-offset-clause-gives-no-direction",
     "There is an overspend of £9m, offset by savings in Home to School Transport.", NAMES,
     OK),  # a name in another clause of the sentence: the total is not read (rule 7)
    ("a-scope-far-before-other-amounts-is-theirs",
     "The Council forecast an overspend of £2.0m, which was an improvement of just under "
     "£0.1m on the last report, while within the remit of this committee there is an "
     "overspend of approximately £1.2m which is an increase of £0.9m.", BROAD,
     "warning: £0.3m"),  # not the Council's: inferred
    # -- a list binds each amount to its item, with the list's measure
    ("list-binds-each-amount-to-its-item",
     "Overspends on Children's Social Care of £1.2m, Adoption & Fostering of £1.5m.", NAMES,
     "error: £1.0m"),
    ("list-keeps-its-measure",
     "The overspends were: Children's Social Care budget of £1.2m, Adoption & Fostering "
     "budget of £1.5m.", NAMES, "error: £1.0m"),
    ("list-in-brackets", "The main areas of over-spend were Children's Social Care (£1.2m) "
     "and Adoption & Fostering (£1.9m).", NAMES, "error: £1.0m"),
    # -- measures
    ("identified-savings-are-no-figure",
     "The service identified £2.1m of efficiencies towards its savings target.", NAMES, OK),
    ("part-of-the-target-is-achieved",
     "The directorate has achieved £0.9m of the £1.2m savings target.", NAMES,
     "error: £0.7m"),
    ("part-of-the-target-alone-is-not-the-target", "£0.5m of the £1.2m savings target.",
     NAMES, OK),
    ("by-x-to-y-checks-both",
     "The directorate increased the previous overspend by £0.3m to £9.7m.", NAMES,
     "error: £2.0m"),
    ("a-change-word-after-its-amount-is-a-change",
     "There is a £250,000 reduction in the savings target.", NAMES, OK),
    ("an-amount-above-the-budget-is-a-variance",
     "The directorate's spend would be £10.5m above the approved budget of £40m.", NAMES,
     "error: £2.0m"),
    ("hyphenated-over-spend", "The directorate is projecting a £3.5million over-spend.",
     NAMES, "error: £2.0m"),
    ("amount-before-over-budget", "The directorate is £3.1m over budget.", NAMES,
     "error: £2.0m"),
    ("average-weekly-cost-before-its-noun",
     "The £4,000 average weekly cost of residential placements is high.", NAMES,
     "error: £5,312"),
    ("forecast-to-be-over-budget", "In terms of £3.6m forecast to be over budget, the "
     "directorate is doing badly.", NAMES, "error: £2.0m"),
    ("increased-to-is-the-new-value",
     "The directorate's £3.1m overspend predicted at quarter 1 has increased to £3.6m at "
     "quarter 3.", NAMES, "error: £2.0m"),
    ("a-change-of-names-its-start-not-its-period",
     "The overspend was an increase of £238k on the position projected at quarter 2.", NAMES,
     "error: £335k"),
    ("an-improvement-is-a-fall-in-the-overspend",
     "The Children's Social Care position shows an improvement of £0.5m.", NAMES, OK),
    ("a-deterioration-is-a-rise-in-the-overspend",
     "The directorate's position shows a deterioration of £0.5m.", NAMES, "error: £0.3m"),
    ("budget-savings-are-the-target",
     "52% of the £1.5m budget savings for the year had been achieved.", NAMES,
     "warning: £1.2m"),
    # -- the period a sentence names anywhere
    ("a-year-named-first-is-not-this-year",
     "In 2019/20 the directorate overspend was £3m.", NAMES, OK),
    ("this-year-named-first-is-checked",
     "In 2024/25 the directorate overspend is £3m.", NAMES, "error: £2m"),
    ("a-year-of-another-phrase-is-its-own",
     "Following an overspend in 2023/24, the Children's Social Care overspend is £1.5m.",
     NAMES, "error: £1.2m"),
    ("reported-in-a-month-is-an-earlier-value",
     "The overspend of £9m reported in September has fallen.", NAMES, OK),
    # -- issue 26 on the new hold-outs: the words that say an amount is not the measure's own
    ("a-bracketed-amount-is-of-the-words-before-its-bracket",
     "Once grant funding (£2.5m) is applied, the service is forecast to overspend by £2.0m.",
     NAMES, OK),
    ("the-amount-after-a-bracketed-one-is-still-checked",
     "Once grant funding (£2.5m) is applied, the service is forecast to overspend by £3.0m.",
     NAMES, "error: £2.0m"),
    # (an increment of spending is not the spend; with no earlier period in the data it is
    # read as the overspend, inferred: tests/test_checks_spend_wording.py)
    ("an-extra-amount-is-an-increment-not-the-spend",
     "The directorate will spend an extra £46 million this year.", NAMES, "warning: £2m"),
    ("another-amount-is-an-increment-not-the-spend",
     "The service will spend another £1.5m on agency staff.", NAMES, "warning: £2.0m"),
    ("the-spend-itself-is-still-checked",
     "The directorate will spend £46 million this year.", NAMES, "error: £42m"),
    ("a-trailing-of-which-clause-is-the-parts-not-the-amounts",
     "The trust was forecasting an overspend of £7.4m, of which the cost to the directorate "
     "was £0.5m.", NAMES, OK),
    ("an-amount-after-a-long-of-which-is-a-part",
     "Children's Social Care reported an overspend of £1.2m, of which the cost to the "
     "directorate was £0.5m.", NAMES, OK),
    ("what-an-amount-is-for-is-not-its-measure",
     "The service has found £0.9m to help offset the overspend.", NAMES, OK),
    ("a-purpose-does-not-silence-the-rest-of-the-sentence",
     "The service has found £0.9m to help offset the overspend, which stands at £3m.", NAMES,
     "error: £2m"),
    # -- issue 26, how council finance sentences are built (other words and figures than the
    # hold-out sentences they were learnt from)
    ("savings-proposed-are-the-target",
     "The directorate is proposing savings totalling £1.9m for next year.", NAMES,
     "error: £1.2m"),
    ("savings-proposed-right-raise-nothing",
     "The directorate is proposing savings totalling £1.2m for next year.", NAMES, OK),
    ("savings-proposals-amounting-to-are-the-target",
     "Savings proposals amounting to £1.9m were agreed.", BROAD, "warning: £1.2m"),
    ("savings-said-to-be-agreed-are-the-target",
     "Budget reductions of £1.9m had been agreed for the directorate.", NAMES,
     "error: £1.2m"),
    ("savings-said-to-be-agreed-right-raise-nothing",
     "Budget reductions of £1.2m had been agreed for the directorate.", NAMES, OK),
    ("savings-said-to-be-delivered-are-still-achieved",
     "Savings of £1.2m have been approved and £0.9m have been delivered.", NAMES,
     "warning: £0.7m"),
    ("a-coordinated-clause-naming-nothing-takes-the-subject-before",
     "Children's Social Care had a budget of £20m and the forecast showed an overspend of "
     "£1.6m.", NAMES, "warning: £1.2m"),  # carried: inferred
    ("a-coordinated-clause-right-raises-nothing",
     "Children's Social Care had a budget of £20m and the forecast showed an overspend of "
     "£1.2m.", NAMES, OK),
    ("a-coordinated-clause-naming-another-thing-is-its-own",
     "Children's Social Care had a budget of £20m and the overspend on the Youth Offending "
     "Service was £3m.", NAMES, OK),
    ("general-fund-of-a-declared-council-scope-is-the-total",
     "The General Fund is forecast to overspend by £3.1m.", COUNCIL, "error: £2.0m"),
    ("general-fund-in-lower-case",
     "The general fund is forecast to overspend by £3.1m.", COUNCIL, "error: £2.0m"),
    ("general-fund-with-no-declared-scope-is-the-total-by-guess",
     "The General Fund is forecast to overspend by £3.1m.", BROAD, "warning: £2.0m"),
    ("general-fund-in-a-directorate-report-is-wider",
     "The General Fund is forecast to overspend by £3.1m.", NAMES, OK),
    ("general-fund-right-raises-nothing",
     "The General Fund is forecast to overspend by £2.0m.", COUNCIL, OK),
    ("general-fund-reserves-are-no-budget",
     "General Fund reserves of £3.1m are available.", COUNCIL, OK),
    ("an-amount-for-a-name-the-data-do-not-hold-is-its-own",
     "The General Fund overspend is £2.0m and there is an overspend of £0.4m for the Housing "
     "Revenue Account.", COUNCIL, OK),
    ("amounts-and-names-in-series-bound-in-order-the-nearest-agreeing",
     "Overspends of £1.3m and £0.9m are forecast for Children's Social Care and Adoption & "
     "Fostering.", NAMES, "error: £1.2m"),
    ("amounts-and-names-in-series-bound-in-order-against-the-nearest-is-inferred",
     "Overspends of £1.2m and £0.8m are forecast for Children's Social Care and Adoption & "
     "Fostering.", NAMES, "warning: £1.0m"),
    ("amounts-and-names-in-series-respectively-is-sure",
     "Overspends of £1.2m and £0.8m are forecast for Children's Social Care and Adoption & "
     "Fostering respectively.", NAMES, "error: £1.0m"),
    ("amounts-and-names-in-series-right-raise-nothing",
     "Overspends of £1.2m and £1.0m are forecast for Children's Social Care and Adoption & "
     "Fostering.", NAMES, OK),
    ("names-then-amounts-in-series-bound-in-order",
     "Children's Social Care and Adoption & Fostering overspent by £1.2m and £0.8m.", NAMES,
     "error: £1.0m"),
    ("names-then-amounts-in-series-right-raise-nothing",
     "Children's Social Care and Adoption & Fostering overspent by £1.2m and £1.0m.", NAMES,
     OK),
    ("a-denied-change-names-no-change",
     "The budget for Children's Social Care has not changed since last year and remains at "
     "£23m.", NAMES, "error: £20m"),
    ("a-denied-change-right-raises-nothing",
     "The budget for Children's Social Care has not changed since last year and remains at "
     "£20m.", NAMES, OK),
    ("the-start-of-a-span-of-years-is-not-the-amounts-year",
     "The Children's Social Care budget has been held from 2023/24 to the current year at "
     "£23m.", NAMES, "error: £20m"),
    ("a-span-of-years-right-raises-nothing",
     "The Children's Social Care budget has been held from 2023/24 to the current year at "
     "£20m.", NAMES, OK),
    # -- the direction a word gives
    ("an-overspend-called-an-underspend",
     "The directorate is reporting an underspend of £2.0m.", NAMES,
     "error: an overspend of £2.0m"),
    ("a-lines-overspend-called-an-underspend",
     "The underspend on Children's Social Care is £1.2m.", NAMES,
     "error: an overspend of £1.2m"),
    # -- (h-clauses) earlier periods, clause boundaries and the council's other pots
    ("an-earlier-forecast-at-a-quarter-abbreviated-is-the-previous-figure",
     "The previous forecast at Qtr 2 for Children's Social Care was an overspend of £0.5m.",
     NAMES, "error: £0.9m"),
    ("qtr-dot-does-not-end-a-sentence",
     "The forecast at Qtr. 2 for Children's Social Care was an overspend of £0.5m.", NAMES,
     "error: £0.9m"),
    ("a-period-at-the-head-of-the-clause-is-the-numbers",
     "The forecast at Quarter 3 for Children's Social Care was an overspend of £0.5m.", NAMES,
     "error: £1.2m"),
    ("an-earlier-forecast-right-raises-nothing",
     "The previous forecast at Qtr 2 for Children's Social Care was an overspend of £0.9m.",
     NAMES, OK),
    ("the-previous-months-end-named-after-an-amount-is-the-previous-figure",
     "The overspend on Children's Social Care was forecast at £0.5m in September.", NAMES,
     "error: £0.9m"),
    ("the-periods-end-month-named-after-an-amount-is-this-periods",
     "The overspend on Children's Social Care was forecast at £0.5m in December.", NAMES,
     "error: £1.2m"),
    ("a-when-clause-dated-by-another-month-is-no-figure-of-the-data",
     "Savings plans were approved in November 2024 when the Council's projected overspend "
     "stood at £6.3m.", COUNCIL, OK),
    ("a-spaced-dash-after-a-number-starts-a-clause",
     "Looking after a child in a residential home costs about £5,312 per week - a placement "
     "with a fostering agency costs about £900 per week.", NAMES, OK),
    ("a-spaced-dash-before-a-number-is-a-labels",
     "Adoption & Fostering – an overspend of £1.5m.", NAMES, "error: £1.0m"),
    ("the-councils-reserves-are-not-its-budget",
     "The overspend is £2.0m. However, there was an underspend of £7.8m when budgets were set "
     "against the Council's reserves.", COUNCIL, OK),
    ("spending-from-the-councils-fund-is-not-the-total-by-its-name",
     "Members agreed to spend £3.4m from the council's smoothing fund.", COUNCIL,
     "warning: £42.0m"),
    ("an-overspend-funded-from-the-councils-reserves-is-the-councils",
     "The forecast shows an overspend of £3.1m which would be funded from the Council's "
     "reserves.", COUNCIL, "error: £2.0m"),
    ("a-further-amount-naming-a-subject-of-its-own-is-its-figure",
     "Children's Social Care is set to overspend by £1.2m with a further £0.5m overspend on "
     "Adoption & Fostering.", NAMES, "error: £1.0m"),
    ("a-further-amount-naming-a-subject-of-its-own-right-raises-nothing",
     "Children's Social Care is set to overspend by £1.2m with a further £1.0m overspend on "
     "Adoption & Fostering.", NAMES, OK),
    ("names-sharing-the-noun-after-their-bracketed-amounts-each-name-a-line",
     "Pressures are driven by cost pressures in Adults' (£2m) and Children's (£1.5m) social "
     "care.", NAMES, "error: £1.2m"),
    ("names-sharing-the-noun-after-their-bracketed-amounts-right-raise-nothing",
     "Pressures are driven by cost pressures in Adults' (£2m) and Children's (£1.2m) social "
     "care.", NAMES, OK),
    ("an-amount-over-a-budget-stated-with-its-own-amount-is-the-variance",
     "The Council is forecasting to spend £2.5m over its £40m budget.", COUNCIL,
     "error: £2.0m"),
    ("an-amount-over-a-budget-stated-with-its-own-amount-right-raises-nothing",
     "The Council is forecasting to spend £2.0m over its £40m budget.", COUNCIL, OK),
    ("bringing-down-a-measure-by-an-amount-is-a-fall",
     "Actions have reduced the council's projected overspend by £0.5 million.", COUNCIL, OK),
    ("pushing-up-a-measure-by-an-amount-is-a-rise",
     "Pressures have pushed up the council's projected overspend by £0.5 million.", COUNCIL,
     "error: £0.3m"),
    ("pushing-up-a-measure-by-an-amount-right-raises-nothing",
     "Pressures have pushed up the council's projected overspend by £0.3 million.", COUNCIL,
     OK),
    ("the-councils-own-overspend-is-still-the-total",
     "The Council's overspend is £3m.", COUNCIL, "error: £2m"),
    # -- (h-money2) periods and spans of years an amount is of; clause heads and own nouns
    ("a-bracketed-amount-labelled-with-a-period-is-that-periods",
     "Children's Social Care is forecast to overspend by £1.2m (£0.5m Q2).", NAMES,
     "error: £0.9m"),
    ("a-bracketed-amount-labelled-with-a-period-right-raises-nothing",
     "Children's Social Care is forecast to overspend by £1.2m (£0.9m Q2).", NAMES, OK),
    ("a-bracketed-amount-of-a-period-the-data-do-not-hold-is-not-checked",
     "Children's Social Care is forecast to overspend by £1.2m (£0.4m Q1).", NAMES, OK),
    ("savings-since-an-earlier-year-are-a-sum-of-years",
     "Since 2012 the Council has achieved savings of £95m.", COUNCIL, OK),
    ("savings-since-an-earlier-year-said-after-the-amount-are-a-sum-of-years",
     "The Council has achieved savings of £95m since April 2011.", COUNCIL, OK),
    ("savings-since-a-month-of-the-year-are-still-checked",
     "The Council has achieved savings of £0.9m since October.", COUNCIL, "error: £0.7m"),
    ("savings-over-the-next-years-are-a-sum-of-years",
     "The Council has agreed savings of £6m over the next four years.", COUNCIL, OK),
    ("savings-for-a-span-of-years-are-a-sum-of-years",
     "The Council has agreed savings totalling £5.2m for the years 2024 to 2027.", COUNCIL,
     OK),
    ("savings-for-a-pair-of-years-apart-are-a-sum-of-years",
     "The Council has agreed savings of £5.2m for 2024-27.", COUNCIL, OK),
    ("savings-for-one-financial-year-are-still-checked",
     "The Council has agreed savings of £1.5m for 2024-25.", COUNCIL, "error: £1.2m"),
    ("and-that-opens-a-second-reported-clause",
     "Officers reported that 12 savings had been approved which totalled £1.5m and that the "
     "service expected to deliver them.", SERVICE, OK),
    ("an-amount-between-an-article-and-its-own-noun-is-that-nouns",
     "Children's Social Care forecast a £1.2m overspend which leads to a £3.5m drawdown.",
     NAMES, OK),
    ("an-amount-before-its-measure-word-is-still-checked",
     "Children's Social Care forecast a £1.5m overspend which leads to a £1.5m drawdown.",
     NAMES, "error: £1.2m"),
    ("a-name-alone-before-a-semicolon-heads-the-clause",
     "Children's Social Care; forecast a £1.5m overspend.", NAMES, "error: £1.2m"),
    ("a-name-alone-before-a-semicolon-right-raises-nothing",
     "Children's Social Care; forecast a £1.2m overspend.", NAMES, OK),
    ("a-scope-after-a-cause-does-not-displace-the-named-line",
     "Home to School Transport: an underspend of £0.5m due to the Council renegotiating "
     "routes.", COUNCIL, "error: £0.2m"),
    ("a-scope-after-a-cause-right-raises-nothing",
     "Home to School Transport: an underspend of £0.24m due to the Council renegotiating "
     "routes.", COUNCIL, OK),
    ("savings-to-approve-are-the-target",
     "To approve the savings for Transport totalling £0.6m.", NAMES, "error: £0.4m"),
    ("savings-to-approve-right-raise-nothing",
     "To approve the savings for Transport totalling £0.4m.", NAMES, OK),
    ("savings-to-approve-with-words-between-are-the-target",
     "To approve the category A and category B savings for Placements totalling £0.6m.",
     NAMES, "error: £0.8m"),
    ("a-list-item-repeating-planned-savings-is-planned",
     "To approve the savings for Placements totalling £0.8m; the savings for Transport "
     "totalling £0.6m.", NAMES, "error: £0.4m"),
    ("a-list-item-of-savings-said-done-is-achieved",
     "To approve the savings for Placements totalling £0.8m; the savings for Transport of "
     "£0.3m have been delivered.", NAMES, "error: £0.2m"),
    ("to-save-an-amount-is-the-target",
     "The Council proposes to save £1.5m next year.", COUNCIL, "error: £1.2m"),
    ("to-save-the-target-right-raises-nothing",
     "The Council proposes to save £1.2m next year.", COUNCIL, OK),
    ("savings-that-must-be-found-are-the-target",
     "Savings of £1.5m must be found in the year.", COUNCIL, "warning: £1.2m"),
    ("savings-that-have-been-found-are-not-read-as-the-target",
     "Savings of £1.5m have been found in the year.", COUNCIL, OK),
    ("whole-pounds-without-a-pound-sign-after-a-variance-word-are-money",
     "Children's Social Care showed an overspend of 1,500,000 against its budget.", NAMES,
     "error: £1,234,567"),
    ("whole-pounds-without-a-pound-sign-right-raise-nothing",
     "Children's Social Care showed an overspend of 1,234,567 against its budget.", NAMES, OK),
    ("a-separated-number-of-things-after-a-savings-word-is-no-money",
     "Children's Social Care reported savings of 12,000 hours of staff time.", NAMES, OK),
    ("a-measure-word-in-a-closed-bracket-is-its-own-numbers",
     "Children's Social Care has an overspend of £1.2m (6.2% of Service budgets) compared "
     "with £0.5m reported at Quarter 2.", NAMES, "error: £0.9m"),
    ("a-measure-word-in-a-closed-bracket-right-raises-nothing",
     "Children's Social Care has an overspend of £1.2m (6.2% of Service budgets) compared "
     "with £0.9m reported at Quarter 2.", NAMES, OK),
    ("will-rise-to-an-amount-is-the-measures-new-value",
     "The Children's Social Care budget will rise to £25m.", NAMES, "error: £20m"),
    ("will-rise-to-the-new-value-right-raises-nothing",
     "The Children's Social Care budget will rise to £20m.", NAMES, OK),
    ("an-amount-more-than-last-quarter-is-the-change",
     "The overspend on Children's Social Care is £1.2m, £0.5m more than last quarter.", NAMES,
     "error: £0.3m"),
    ("an-amount-more-than-last-quarter-right-raises-nothing",
     "The overspend on Children's Social Care is £1.2m, £0.3m more than last quarter.", NAMES,
     OK),
    ("a-saving-of-an-amount-proposed-is-the-target",
     "The saving of £0.6m proposed for Transport is still being worked up.", NAMES,
     "error: £0.4m"),
    ("a-saving-of-an-amount-proposed-right-raises-nothing",
     "The saving of £0.4m proposed for Transport is still being worked up.", NAMES, OK),
    ("a-saving-said-achieved-is-still-achieved",
     "The saving of £0.3m for Transport was achieved.", NAMES, "error: £0.2m"),
    ("one-years-part-of-a-sum-over-years-has-the-sums-measure",
     "The Council has agreed savings of £3m across the next three years, with £1.5m for next "
     "year alone.", COUNCIL, "warning: £1.2m"),  # "next year" may be the report's or the next
    ("one-years-part-of-a-sum-over-years-right-raises-nothing",
     "The Council has agreed savings of £3m across the next three years, with £1.2m for next "
     "year alone.", COUNCIL, OK),
    ("an-in-year-budget-gap-is-the-overspend",
     "The Council faces an in-year budget gap of £3m.", COUNCIL, "error: £2m"),
    ("an-in-year-budget-gap-right-raises-nothing",
     "The Council faces an in-year budget gap of £2m.", COUNCIL, OK),
    ("a-gap-after-an-in-year-budget-is-the-overspend",
     "The Council's forecast for its in year budget shows a gap of £3m.", COUNCIL,
     "error: £2m"),
    ("a-budget-gap-alone-is-no-overspend",
     "The Council faces a budget gap of £3m next year.", COUNCIL, OK),
    ("another-amount-of-savings-to-find-is-the-target-inferred",
     "The Council has to find another £1.5m of savings this year.", COUNCIL, "warning: £1.2m"),
    ("another-amount-of-savings-to-find-right-raises-nothing",
     "The Council has to find another £1.2m of savings this year.", COUNCIL, OK),
    ("to-cut-another-amount-is-the-target-inferred",
     "The Council has shared proposals to cut another £1.5m from its budget.", COUNCIL,
     "warning: £1.2m"),
    ("an-extra-amount-to-spend-is-still-an-increment",
     "The Council will spend an extra £1.5m on placements.", COUNCIL, OK),
    ("a-named-years-part-of-a-sum-over-years-has-the-sums-measure",
     "The Council has agreed savings of £3m over the next three years - £1.5m in 2024/25.",
     COUNCIL, "warning: £1.2m"),
    # -- a label's last word joined to words that are not the label's ends another name:
    # "Adult Social Care" is not the line "Children's Social Care" (no error; at most the
    # total's warning when no line is named)
    # -- "£X more (a week, than planned)" after the amount is a difference from another
    # amount, not the measure's level; "more than last year" is the change since then
    ("more-after-the-amount-is-a-difference",
     "Children's Social Care will need to spend £1.5m more a year on placements.", NAMES, OK),
    ("more-than-last-year-is-the-change",
     "Children's Social Care spent £1.5m more than last year.", NAMES, "error: £0.3m"),
    ("last-word-in-another-name",
     "There are pressures within Adult Social Care of £1.5m.", NAMES, OK),
    ("last-word-alone-still-names", "The overspend on care is £1.5m.", NAMES,
     "error: £1.2m"),
    # in lower case too: a noun in place of the label's first words, before more of its own
    ("last-words-in-another-name-in-lower-case",
     "There are pressures within adult social care of £1.5m.", NAMES, OK),
    ("last-words-in-another-name-opening-a-sentence",
     "Adult social care is forecast to overspend by £1.5m.", NAMES, "warning: £2.0m"),
    # a describing word before them does not make another name
    ("last-words-after-a-describing-word-still-name",
     "The overspend on the whole social care budget is £1.5m.", NAMES, "error: £1.2m"),
    ("the-labels-own-words-in-lower-case-still-name",
     "The overspend on children's social care is £1.5m.", NAMES, "error: £1.2m"),
    # -- (h-money3) councils' whole-budget monitoring: other funds, qualifiers, the revenue budget
    ("an-amount-of-another-fund-in-capitals-after-its-measure-is-not-checked",
     "The projected outturn for the General Fund was a £2m overspend, a £0.5m underspend for "
     "the HRA and no change in the capital programme.", COUNCIL, OK),
    ("the-general-funds-amount-beside-another-funds-is-still-checked",
     "The projected outturn for the General Fund was a £2.6m overspend, a £0.5m underspend for "
     "the HRA and no change in the capital programme.", COUNCIL, "error: £2.0m"),
    ("an-amount-of-a-name-the-data-do-not-hold-after-its-measure-is-not-checked",
     "The General Fund shows a £2m overspend, with a £0.3m overspend on the Parking Account.",
     COUNCIL, OK),
    ("a-bare-forecast-before-an-amount-qualifies-the-measure-after-it",
     "Cabinet noted the forecast £2.5m overspend for the year.", COUNCIL, "error: £2.0m"),
    ("a-bare-forecast-before-an-amount-right-raises-nothing",
     "Cabinet noted the forecast £2m overspend for the year.", COUNCIL, OK),
    ("a-bare-forecast-qualifies-a-measure-after-a-budget-noun",
     "Cabinet noted a forecast £2.5m in-year budget overspend.", COUNCIL, "error: £2.0m"),
    ("the-revenue-position-names-the-councils-whole-budget",
     "Members noted that the forecast revenue position was an overspend of £2.5m.", COUNCIL,
     "error: £2.0m"),
    ("the-revenue-position-right-raises-nothing",
     "Members noted that the forecast revenue position was an overspend of £2m.", COUNCIL, OK),
    ("revenue-expenditure-names-the-councils-whole-spend",
     "Members noted that the expected outturn of revenue expenditure was £45m.", COUNCIL,
     "error: £42m"),
    ("a-names-revenue-budget-is-not-the-whole-surely",
     "Members noted that the Highways revenue budget was overspent by £2.5m.", COUNCIL,
     "warning: £2.0m"),
    ("a-line-named-beside-the-revenue-budget-is-its-part",
     "The revenue budget of Home to School Transport shows an underspend of £0.5m.", COUNCIL,
     "error: £0.2m"),
    ("the-revenue-position-of-a-broad-report-is-only-the-total-by-guess",
     "Members noted that the forecast revenue position was an overspend of £2.5m.", BROAD,
     "warning: £2.0m"),
    # -- (h-money4) district councils' revenue monitoring: a service named after its owner
    ("the-councils-possessive-before-a-name-owns-it-and-is-not-the-whole",
     "Members noted a forecast overspend of £2.5m on the Council's Parks and Leisure Service.",
     COUNCIL, OK),
    ("a-capitalised-name-runs-on-past-its-and",
     "Cabinet heard of an underspend of £0.4m within the Leisure and Culture Team.", COUNCIL, OK),
    ("the-councils-own-revenue-budget-after-its-possessive-is-still-the-whole",
     "Members noted a forecast overspend of £2.5m for the Council's Revenue Budget.", COUNCIL,
     "error: £2.0m"),
    ("a-line-of-the-data-after-the-councils-possessive-is-checked-as-that-line",
     "Members noted an underspend of £0.5m on the Council's Home to School Transport service.",
     COUNCIL, "error: £0.2m"),
    ("a-line-after-the-councils-possessive-right-raises-nothing",
     "Members noted an underspend of £0.2m on the Council's Home to School Transport service.",
     COUNCIL, OK),
    ("the-councils-possessive-alone-is-still-the-whole",
     "The Council's forecast overspend is £2.5m.", COUNCIL, "error: £2.0m"),
]


@pytest.mark.parametrize(("sentence", "names", "expected"), [c[1:] for c in MONEY_CASES],
                         ids=[c[0] for c in MONEY_CASES])
def test_money_heuristic(sentence: str, names: ReportNames, expected: str) -> None:
    assert verdict(sentence, names=names) == expected


# (h-money2) A share of budgets named by a word of their own ("of Portfolio budgets") is the
# variance's share of the budget.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The adverse variance is £2.0m (6.0% of Directorate budgets).", "error: 5.0%"),
    ("The adverse variance is £2.0m (5.0% of Directorate budgets).", OK),
])
def test_a_share_of_named_budgets_is_the_variance_share(sentence: str, expected: str) -> None:
    share = _fig("budget.total.variance_pct", "variance_pct", 0.0501, unit="percent")
    assert verdict(sentence, figures=[*ALL, share], names=COUNCIL) == expected


def test_an_underspend_never_agrees_with_an_overspend() -> None:
    """"reporting an underspend of £2.0m" where the data hold an overspend of £2.0m and the
    words name no figure of the data: not told it agrees with the overspend."""
    findings = check_text("The Council is reporting an underspend of £2.0m.", ALL,
                          "2024/25 Q3", names=NAMES)
    assert findings == []


def test_report_names_come_from_report_yaml() -> None:
    """The directorate and the committee's subject name the whole; the council (and its name
    without "Borough Council") is wider than a directorate's data, the whole of a council's."""
    assert NAMES.whole == ("Children's Services", "Children and Families")
    assert NAMES.wider == ("Sometown Borough Council", "Sometown", "SBC")  # and its initials
    assert BROAD.whole == ("Sometown Borough Council", "Sometown", "SBC") and not BROAD.wider
    # a committee whose name says nothing of a service names nothing
    assert report_names("X Council", "Y", "Corporate Parenting Panel", {}).whole == ("Y",)


@pytest.mark.parametrize(("sentence", "expected"), [
    # another proper name between a label's words names something else: no longer the line
    # (its distinctive word "schools" only suggests it)
    ("The Schools Forum's High Needs revenue budget is £12m.", "warning: £3m"),
    ("The schools revenue budget is £12m.", "error: £3m"),
    ("The revenue budget for schools is £12m.", "error: £3m"),
    ("The Schools (SR) revenue budget is £12m.", "error: £3m"),  # its own short form
])
def test_a_proper_name_between_a_labels_words_names_something_else(sentence: str,
                                                                     expected: str) -> None:
    figures = [*_line("", 40_000_000, 42_005_321, scope="total"),
               *_line("Schools revenue", 3_000_000, 3_100_000),
               *_line("Children's Social Care", 20_000_000, 21_234_567)]
    names = report_names("Sometown Borough Council", "Children's Services", "Cabinet", {})
    assert verdict(sentence, figures, names=names) == expected


# (h-clauses) A cost of one child is an average, never the type's total cost.
WITH_ANNUAL = ALL + [_fig("placements.by_type['residential'].annual_cost", "annual_cost",
                          9_270_000, "residential", "type"),
                     _fig("placements.average_annual_cost_per_child", "average_annual_cost",
                          64_650)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The cost of looking after a child in a residential home is around £300,000 a year.", OK),
    ("Residential placements cost £9.5m a year.", "error: £9.3m"),
    ("The cost of looking after a child is around £26,000 a year.", "error: £64,650"),
    # a spaced dash ends an amount's own phrase: the type after it is the next amount's
    ("Looking after a child in a residential home costs around £300,000 a year - looking "
     "after a child with agency foster carers costs around £26,000 a year.", OK),
    # one child's cost in a kind of care the data do not name: no figure of the data
    ("The cost for a kinship carer to look after a child is around £26,000 a year.", OK),
    ("Residential placements cost £9.3m a year.", OK),
])
def test_one_childs_cost_is_an_average(sentence: str, expected: str) -> None:
    assert verdict(sentence, WITH_ANNUAL) == expected


# (h-money2) A label ending in a measure noun ("Business Support savings") is named without it.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("£0.5m had so far been saved within Business Support.", "error: £0.4m"),
    ("£0.4m had so far been saved within Business Support.", OK),
])
def test_a_label_ending_in_a_measure_noun_is_named_without_it(sentence: str,
                                                              expected: str) -> None:
    areas = [
        _fig("savings.total.target", "target", 1_000_000),
        _fig("savings.total.achieved", "achieved", 620_000),
        _fig("savings.areas['Business Support savings'].target", "target", 500_000,
             "Business Support savings", "area"),
        _fig("savings.areas['Business Support savings'].achieved", "achieved", 410_000,
             "Business Support savings", "area"),
        _fig("savings.areas['Transport'].target", "target", 500_000, "Transport", "area"),
        _fig("savings.areas['Transport'].achieved", "achieved", 210_000, "Transport", "area"),
    ]
    assert verdict(sentence, figures=areas) == expected


# (h-money3) The report's own whole named surely is nothing else a figure of the whole may be
# of: with one budget line (its figures the total's), "the forecast revenue outturn position
# ... compared with £X reported in Q2" is the whole's earlier variance, an error (before, the
# name far before the amount made the claim only inferred).
ONE_LINE = [*_line("", 30_000_000, 32_400_000, scope="total"),
            *_line("Corporate costs", 30_000_000, 32_400_000),
            *_line("", 30_000_000, 31_500_000, scope="total", previous=True),
            *_line("Corporate costs", 30_000_000, 31_500_000, previous=True)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The forecast revenue outturn position at Quarter 3 was an adverse variance of £2.4m (8% "
     "of Portfolio budgets) compared with £1.9m reported in Q2.", "error: £1.5m"),
    ("The forecast revenue outturn position at Quarter 3 was an adverse variance of £2.4m (8% "
     "of Portfolio budgets) compared with £1.5m reported in Q2.", OK),
])
def test_the_whole_named_surely_is_nothing_else(sentence: str, expected: str) -> None:
    assert verdict(sentence, ONE_LINE, names=COUNCIL) == expected


# Two different amounts of one sentence read as the same figure cannot both be it: the sentence
# tells them apart by words the reading missed, so neither reading is certain (a warning, never
# an error), whichever of them disagrees with the data.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The service forecasts an overspend of £2.7m which, after the transfer of £0.3m to the "
     "grant reserve, leaves a net overspend of £2.4m.", "warning: £2.0m"),
    ("Adoption & Fostering's overspend of £0.9m becomes an overspend of £1.4m once the pay "
     "award is included.", "warning: £1.0m"),
    # one amount, the same amount twice, or two amounts of two figures: as before
    ("Adoption & Fostering is forecast to overspend by £2.7m.", "error: £1.0m"),
    ("Adoption & Fostering is forecast to overspend by £2.7m; the overspend of £2.7m is "
     "mostly placements.", "error: £1.0m"),
    ("The Adoption & Fostering projected overspend of £0.9m, and the total overspend of £1.4m, "
     "were noted.", "error: £1.0m"),
])
def test_two_amounts_read_as_one_figure(sentence: str, expected: str) -> None:
    assert verdict(sentence, ALL) == expected


# An amount moved out of a pot ("by using up to £0.5m from the X budget") is neither that
# pot's figure nor the level of what it is moved to; a forecast of income is no spend.
@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Adoption & Fostering budget was increased to £16.0m by using up to £0.5m from the "
     "Children's Social Care budget.", OK),
    ("To increase the Adoption & Fostering budget to £16.0m, transferring £0.5m from the "
     "Children's Social Care budget.", OK),
    # what it is moved to is still read
    ("The Adoption & Fostering budget was increased to £18.0m by using up to £0.5m from the "
     "Children's Social Care budget.", "error: £16.0m"),
    # no verb of moving: the amount is read as before
    ("The Children's Social Care budget of £25.0m was agreed.", "error: £20.0m"),
    ("Children's Social Care: the forecast of income is £8,000.", OK),
    ("The forecast for Children's Social Care is £25.0m.", "error: £21.2m"),
])
def test_moved_amounts_and_income_forecasts(sentence: str, expected: str) -> None:
    assert verdict(sentence, ALL) == expected
