"""Tests for reportgen.metrics against hand-worked figures (arithmetic in the comments)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

import jinja2
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.checks.vocabulary import figures
from reportgen.errors import ReportgenError
from reportgen.metrics import (
    PLACEMENT_TYPE_LABELS,
    PROVIDER_TYPE_LABELS,
    WEEKS_PER_YEAR,
    HighCostPlacement,
    Metrics,
    average_annual_cost_per_child,
    budget_position,
    compute_metrics,
    in_period_cost,
    placement_flows,
    placements_by_type,
    placements_total,
    savings_summary,
    top_placements,
)
from reportgen.periods import parse_period

# --------------------------------------------------------------------------- canonical frames

PLACEMENT_DTYPES = {
    "reference": "string",
    "placement_type": "string",
    "provider_type": "string",
    "provider": "string",
    "start_date": "datetime64[ns]",
    "end_date": "datetime64[ns]",
    "weekly_cost": "float64",
    "health_contribution": "float64",
    "education_contribution": "float64",
    "child_name": "string",
    "date_of_birth": "datetime64[ns]",
}
SAVINGS_DTYPES = {
    "area": "string",
    "measure": "string",
    "target": "float64",
    "achieved": "float64",
    "forecast": "float64",
    "status": "string",
    "period": "string",
}
BUDGET_DTYPES = {
    "line": "string",
    "period": "string",
    "budget": "float64",
    "projected_spend": "float64",
}


def frame(rows: list[dict[str, Any]], dtypes: dict[str, str]) -> pd.DataFrame:
    """A data set exactly as load_dataset returns it: every column, in order, canonical dtype."""
    data = {col: [row.get(col) for row in rows] for col in dtypes}
    return pd.DataFrame(data, columns=list(dtypes)).astype(dtypes)


_counter = iter(range(1, 1_000_000))


def placement(
    placement_type: str = "residential",
    weekly_cost: float = 1000.0,
    start: str = "2016-01-01",
    end: str | None = None,
    *,
    reference: str | None = None,
    provider_type: str = "private",
    health: float | None = 0.0,
    education: float | None = 0.0,
) -> dict[str, Any]:
    return {
        "reference": reference or f"C{next(_counter):05d}",
        "placement_type": placement_type,
        "provider_type": provider_type,
        "provider": "Acme Care Ltd",
        "start_date": pd.Timestamp(start),
        "end_date": pd.Timestamp(end) if end else pd.NaT,
        "weekly_cost": weekly_cost,
        "health_contribution": health,
        "education_contribution": education,
        "child_name": "Jane Example",
        "date_of_birth": pd.Timestamp("2005-05-05"),
    }


def placements(*rows: dict[str, Any]) -> pd.DataFrame:
    return frame(list(rows), PLACEMENT_DTYPES)


def budget(*rows: tuple[str, str, float, float]) -> pd.DataFrame:
    return frame(
        [{"line": a, "period": b, "budget": c, "projected_spend": d} for a, b, c, d in rows],
        BUDGET_DTYPES,
    )


def rotherham_budget(period: str = "2010/11") -> pd.DataFrame:
    return budget(
        ("Independent fostering placements", period, 3_030_748, 4_463_416),
        ("Residential placements", period, 2_457_373, 3_836_120),
    )


HEREFORDSHIRE = [
    # (measure, target £, achieved £, forecast £ or None); the seed gives £000s
    ("SGO", 100_000, 12_000, 100_000),
    ("Step down in placement to kinship", 100_000, 79_000, None),
    ("Reunification", 100_000, 123_000, None),
    ("Adoption", 100_000, 95_000, None),
    ("Other placement step downs", 100_000, 75_000, None),
]


def herefordshire_savings() -> pd.DataFrame:
    rows = [
        {
            "area": "Children's placements" if i < 3 else "Permanence",
            "measure": m,
            "target": t,
            "achieved": a,
            "forecast": f,
            "status": "on_track",
            "period": "2018/19",
        }
        for i, (m, t, a, f) in enumerate(HEREFORDSHIRE)
    ]
    return frame(rows, SAVINGS_DTYPES)


# --------------------------------------------------------------------------- labels


def test_labels_follow_the_contract() -> None:
    assert list(PLACEMENT_TYPE_LABELS) == [
        "in_house_fostering",
        "ifa",
        "residential",
        "kinship",
        "semi_independent",
        "placed_with_parents",
        "secure",
        "other",
    ]
    assert PLACEMENT_TYPE_LABELS["ifa"] == "Independent fostering agency (IFA)"
    assert PROVIDER_TYPE_LABELS["other_la"] == "Other local authority"
    assert WEEKS_PER_YEAR == 52


# --------------------------------------------------------------------------- budget


def test_rotherham_combined_variance_is_the_true_sum() -> None:
    pos = budget_position(rotherham_budget(), "2010/11")
    ifa, res = pos.lines
    # IFA: 4,463,416 − 3,030,748 = 1,432,668; residential: 3,836,120 − 2,457,373 = 1,378,747
    assert ifa.variance == 1_432_668
    assert res.variance == 1_378_747
    # combined: 1,432,668 + 1,378,747 = 2,811,415 (the seed report printed 2,786,300)
    assert pos.total.variance == 2_811_415
    assert pos.total.budget == 5_488_121  # 3,030,748 + 2,457,373
    assert pos.total.projected_spend == 8_299_536  # 4,463,416 + 3,836,120
    # 1,432,668 / 3,030,748 = 0.472711...
    assert ifa.variance_pct == pytest.approx(0.472711, abs=1e-6)
    # 2,811,415 / 5,488,121 = 0.512273...
    assert pos.total.variance_pct == pytest.approx(0.512273, abs=1e-6)


def test_in_house_fostering_overspend_and_line_order_kept() -> None:
    df = budget(
        ("Residential placements", "2010/11", 2_457_373, 3_836_120),
        ("In-house fostering placements", "2010/11", 1_960_000, 2_040_174),
        ("Independent fostering placements", "2010/11", 3_030_748, 4_463_416),
    )
    pos = budget_position(df, None)  # one period only, so None is fine
    assert pos.period == "2010/11"
    assert [x.line for x in pos.lines] == [
        "Residential placements",
        "In-house fostering placements",
        "Independent fostering placements",
    ]
    # 2,040,174 − 1,960,000 = 80,174 (the seed rounds to "£80,000")
    assert pos.lines["In-house fostering placements"].variance == 80_174
    # 2,811,415 + 80,174 = 2,891,589
    assert pos.total.variance == 2_891_589


def test_underspend_is_negative_and_zero_budget_has_no_percentage() -> None:
    df = budget(("Secure", "2016/17", 0, 5_000), ("Kinship", "2016/17", 10_000, 7_500))
    pos = budget_position(df, "2016/17")
    assert pos.lines["Secure"].variance == 5_000
    assert pos.lines["Secure"].variance_pct is None
    assert pos.lines["Kinship"].variance == -2_500  # 7,500 − 10,000
    assert pos.lines["Kinship"].variance_pct == -0.25  # −2,500 / 10,000
    assert pos.total.variance == 2_500  # 12,500 − 10,000


def test_budget_period_is_normalised_and_filtered() -> None:
    df = pd.concat(
        [rotherham_budget("2016/17 Q1"), budget(("Residential placements", "2016-17 q2", 1, 3))],
        ignore_index=True,
    )
    pos = budget_position(df, "2016-17 Q1")
    assert pos.period == "2016/17 Q1"
    assert pos.total.variance == 2_811_415
    q2 = budget_position(df, "2016/17 Q2")  # the file wrote "2016-17 q2"
    assert q2.total.variance == 2  # 3 − 1


def test_budget_with_several_periods_needs_a_period() -> None:
    df = pd.concat([rotherham_budget("2016/17 Q1"), rotherham_budget("2016/17 Q2")])
    with pytest.raises(ReportgenError) as err:
        budget_position(df, None)
    assert "2016/17 Q1, 2016/17 Q2" in err.value.line()


def test_budget_unknown_period_names_those_available() -> None:
    with pytest.raises(ReportgenError) as err:
        budget_position(rotherham_budget("2010/11"), "2011/12")
    assert "2011/12" in err.value.line()
    assert "periods available: 2010/11" in err.value.line()


def test_budget_duplicate_line_in_period_is_an_error() -> None:
    df = budget(("Residential", "2010/11", 1, 2), ("Residential", "2010/11", 3, 4))
    with pytest.raises(ReportgenError, match="more than once"):
        budget_position(df, "2010/11")


def test_budget_missing_column_is_a_reportgen_error() -> None:
    df = rotherham_budget().drop(columns=["projected_spend"])
    with pytest.raises(ReportgenError) as err:
        budget_position(df, None)
    assert err.value.column == "projected_spend"


def test_empty_budget() -> None:
    pos = budget_position(budget(), None)
    assert len(pos.lines) == 0
    assert pos.total.budget == 0
    assert pos.total.variance_pct is None


# --------------------------------------------------------------------------- savings


def test_herefordshire_savings() -> None:
    s = savings_summary(herefordshire_savings())
    # achieved: 12 + 79 + 123 + 95 + 75 = 384 (£000s) against 5 × 100 = 500
    assert s.total.achieved == 384_000
    assert s.total.target == 500_000
    assert s.total.achieved_pct == pytest.approx(0.768)  # 384 / 500
    assert s.total.shortfall == 116_000  # 500 − 384
    # forecast: SGO's 100 where given, achieved elsewhere: 100 + 79 + 123 + 95 + 75 = 472
    assert s.total.forecast == 472_000
    assert s.measures["Reunification"].achieved == 123_000
    assert s.measures["Reunification"].achieved_pct == pytest.approx(1.23)
    assert s.measures["Reunification"].forecast is None
    assert s.measures["SGO"].forecast == 100_000
    assert s.measures["SGO"].status == "on_track"
    # areas in order of appearance: first three measures (12 + 79 + 123 = 214 of 300) ...
    children, permanence = s.areas
    assert children.area == "Children's placements"
    assert (children.target, children.achieved) == (300_000, 214_000)
    assert children.shortfall == 86_000  # 300 − 214
    # ... last two: 95 + 75 = 170 of 200, forecast 170 (no forecasts given)
    assert (permanence.achieved, permanence.forecast, permanence.shortfall) == (
        170_000,
        170_000,
        30_000,
    )
    assert permanence.achieved_pct == pytest.approx(0.85)


def test_savings_over_target_have_no_shortfall_and_zero_target_no_percentage() -> None:
    rows = [
        {"area": "A", "measure": "m1", "target": 100.0, "achieved": 150.0},
        {"area": "A", "measure": "m2", "target": 0.0, "achieved": 20.0},
    ]
    s = savings_summary(frame(rows, SAVINGS_DTYPES))
    assert s.total.shortfall == 0  # max(100 − 170, 0)
    assert s.measures["m2"].achieved_pct is None
    assert s.total.achieved_pct == pytest.approx(1.7)  # 170 / 100
    assert s.measures["m1"].status is None


def test_empty_savings() -> None:
    s = savings_summary(frame([], SAVINGS_DTYPES))
    assert len(s.measures) == 0 and len(s.areas) == 0
    assert (s.total.target, s.total.achieved, s.total.forecast) == (0, 0, 0)
    assert s.total.achieved_pct is None


# --------------------------------------------------------------------------- placements


def rotherham_residential() -> list[dict[str, Any]]:
    # 25 × £3,300 = £82,500, plus one at £3,378: £85,878 a week in all
    rows = [placement("residential", 3_300.0, "2010-04-01") for _ in range(25)]
    return [*rows, placement("residential", 3_378.0, "2010-05-01")]


def test_average_weekly_cost_of_26_residential_placements() -> None:
    df = placements(*rotherham_residential(), placement("ifa", 875.0, "2010-06-01"))
    by_type = placements_by_type(df, date(2010, 8, 31))
    # canonical order: ifa before residential
    assert [s.placement_type for s in by_type] == ["ifa", "residential"]
    res = by_type[1]
    assert res.label == "Residential"
    assert res.count == 26
    assert res.total_weekly_cost == 85_878
    assert res.average_weekly_cost == 3_303  # 85,878 / 26
    assert res.annual_cost == 4_465_656  # 85,878 × 52
    total = placements_total(by_type)
    assert total.count == 27
    assert total.total_weekly_cost == 86_753  # 85,878 + 875
    assert total.average_weekly_cost == pytest.approx(3_213.074, abs=1e-3)  # 86,753 / 27
    assert total.annual_cost == 4_511_156  # 86,753 × 52


def test_open_on_a_date_includes_the_start_day_not_the_end_day() -> None:
    # One rule for open on a day (reportgen.metrics.measures.open_on): start <= d < end. A
    # placement that ended on the day is not open: the child moved that day, and is counted
    # (and costed) once, in the new placement.
    d = "2016-06-30"
    df = placements(
        placement("ifa", 100.0, start=d),  # starts on the day: open
        placement("ifa", 200.0, start="2016-01-01", end=d),  # ends on the day: not open
        placement("ifa", 400.0, start="2016-01-01", end="2016-06-29"),  # ended the day before
        placement("ifa", 800.0, start="2016-07-01"),  # starts the day after
        placement("residential", 1600.0, start="2015-01-01"),  # ongoing
    )
    by_type = placements_by_type(df, date(2016, 6, 30))
    assert [(s.placement_type, s.count, s.total_weekly_cost) for s in by_type] == [
        ("ifa", 1, 100.0),  # the one that started on the day
        ("residential", 1, 1600.0),
    ]


def test_flows_are_inclusive_of_both_ends() -> None:
    df = placements(
        placement(start="2016-04-01"),  # starts on first day
        placement(start="2016-06-30"),  # starts on last day
        placement(start="2016-07-01"),  # after
        placement(start="2016-01-01", end="2016-04-01"),  # ends on first day
        placement(start="2016-01-01", end="2016-03-31"),  # ended before
        placement(start="2016-05-01", end="2016-05-02"),  # starts and ends inside
    )
    flows = placement_flows(df, date(2016, 4, 1), date(2016, 6, 30))
    assert (flows.started, flows.ended, flows.net) == (3, 2, 1)


def test_flows_end_at_the_as_at_date_when_the_data_stop_before_the_period_ends() -> None:
    # Q1 2016/17 runs 1 April to 30 June; the data are as at 31 May, so the window for
    # starters and leavers is 1 April to 31 May (both days inclusive).
    df = placements(
        placement(start="2016-05-31"),  # starts on the as-at date: counted
        placement(start="2016-06-01"),  # starts after the as-at date: not counted
        placement(start="2016-01-01", end="2016-05-31"),  # ends on the as-at date: counted
        placement(start="2016-01-01", end="2016-06-15"),  # ends after it: not counted
    )
    m = compute_metrics({"placements": df}, parse_period("2016/17 Q1"), as_at=date(2016, 5, 31))
    assert m.placements is not None and m.placements.flows is not None
    flows = m.placements.flows
    assert (flows.start, flows.end) == (date(2016, 4, 1), date(2016, 5, 31))
    assert (flows.started, flows.ended) == (1, 1)
    # With no as-at date the window is the whole quarter.
    whole = compute_metrics({"placements": df}, parse_period("2016/17 Q1"))
    assert whole.placements is not None and whole.placements.flows is not None
    assert whole.placements.flows.end == date(2016, 6, 30)
    assert (whole.placements.flows.started, whole.placements.flows.ended) == (2, 2)


def test_savings_fall_back_to_the_financial_years_rows() -> None:
    # A file with one block of rows a year: a quarter of 2016/17 is reported from the 2016/17
    # rows, and the summary is labelled with the year.
    year = herefordshire_savings().assign(period="2016/17")
    later = herefordshire_savings().assign(period="2017/18", achieved=1.0)
    df = pd.concat([year, later], ignore_index=True).astype(SAVINGS_DTYPES)
    m = compute_metrics({"savings": df}, parse_period("2016/17 Q2"))
    assert m.savings is not None
    assert m.savings.period == "2016/17"
    assert m.savings.total.achieved == 384_000  # 12 + 79 + 123 + 95 + 75 (£000s)
    assert m.previous_savings is None  # 2016/17 Q1 has no rows of its own
    # A period whose year has no rows is an error naming the periods there are.
    with pytest.raises(ReportgenError, match="2016/17, 2017/18"):
        compute_metrics({"savings": df}, parse_period("2018/19 Q1"))


def test_in_period_cost_with_partial_overlaps() -> None:
    df = placements(
        # ongoing all quarter: 91 days (30 + 31 + 30) × £700/7 = 9,100; health £140 a week
        placement(weekly_cost=700.0, start="2016-01-01", health=140.0),
        # 24–30 June: 7 days × £1,400/7 = 1,400; education contribution not given (NA)
        placement(weekly_cost=1_400.0, start="2016-06-24", education=None),
        # ends on the first day: the day is the next placement's, so no day in the quarter
        placement(weekly_cost=350.0, start="2015-01-01", end="2016-04-01", education=70.0),
        # ends on 3 April: 1 and 2 April, 2 days × £350/7 = 100
        placement(weekly_cost=350.0, start="2015-01-01", end="2016-04-03"),
        placement(weekly_cost=9_999.0, start="2015-01-01", end="2016-03-31"),  # before
        placement(weekly_cost=9_999.0, start="2016-07-01"),  # after
    )
    cost = in_period_cost(df, date(2016, 4, 1), date(2016, 6, 30))
    assert cost.gross == pytest.approx(10_600)  # 9,100 + 1,400 + 100
    # contributions: 91 × 140/7 = 1,820
    assert cost.contributions == pytest.approx(1_820)
    assert cost.net == pytest.approx(8_780)  # 10,600 − 1,820


def test_in_period_cost_counts_the_start_day_not_the_end_day() -> None:
    # Open on no day (it ends the day it starts): costs nothing; one night: one day.
    df = placements(placement(weekly_cost=70.0, start="2016-05-05", end="2016-05-05"))
    assert in_period_cost(df, date(2016, 4, 1), date(2016, 6, 30)).gross == 0
    df = placements(placement(weekly_cost=70.0, start="2016-05-05", end="2016-05-06"))
    assert in_period_cost(df, date(2016, 4, 1), date(2016, 6, 30)).gross == pytest.approx(10)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 400),  # start offset (days)
            st.one_of(st.none(), st.integers(0, 200)),  # length (days) or ongoing
            st.floats(0, 10_000, allow_nan=False),
        ),
        max_size=8,
    ),
    st.integers(1, 300),
)
def test_in_period_cost_is_additive_over_adjacent_windows(
    specs: list[tuple[int, int | None, float]], split: int
) -> None:
    base = date(2016, 1, 1)
    rows = [
        placement(
            weekly_cost=cost,
            start=str(base + timedelta(days=s)),
            end=None if n is None else str(base + timedelta(days=s + n)),
        )
        for s, n, cost in specs
    ]
    df = placements(*rows)
    lo, hi = date(2016, 3, 1), date(2017, 2, 28)
    mid = lo + timedelta(days=split)
    whole = in_period_cost(df, lo, hi).gross
    parts = in_period_cost(df, lo, mid).gross + in_period_cost(df, mid + timedelta(1), hi).gross
    assert whole == pytest.approx(parts)


def test_top_placements_ranked_with_deterministic_ties() -> None:
    df = placements(
        placement("ifa", 900.0, "2016-01-01", reference="Z1"),
        placement("secure", 6_000.0, "2016-03-01", reference="B2", provider_type="other_la"),
        placement("residential", 6_000.0, "2016-02-01", reference="Z9"),  # earlier start
        placement("residential", 6_000.0, "2016-03-01", reference="A1", health=500.0),
        placement("residential", 7_000.0, "2016-05-01", education=None, health=None),
        placement("residential", 9_000.0, "2015-01-01", end="2016-01-31"),  # ended
    )
    top = top_placements(df, date(2016, 6, 30), n=3)
    # 7,000 first; then the 6,000 ties: start 1 Feb before 1 Mar; then A1 before B2
    assert [(t.rank, t.weekly_cost, t.placement_type) for t in top] == [
        (1, 7_000.0, "residential"),
        (2, 6_000.0, "residential"),
        (3, 6_000.0, "residential"),
    ]
    assert top[0].net_weekly_cost == 7_000  # NA contributions read as 0
    assert top[0].annual_cost == 364_000  # 7,000 × 52
    assert top[2].net_weekly_cost == 5_500  # 6,000 − 500 health
    assert top[2].net_annual_cost == 286_000  # 5,500 × 52
    assert top[2].placement_type_label == "Residential"
    assert top[2].provider_type_label == "Private"
    everything = top_placements(df, date(2016, 6, 30))
    assert len(everything) == 5
    assert everything[3].provider_type_label == "Other local authority"  # B2 after A1
    assert everything[4].weekly_cost == 900


def test_top_placements_never_carry_identifying_fields() -> None:
    names = {f.name for f in dataclasses.fields(HighCostPlacement)}
    assert not names & {"reference", "provider", "child_name", "date_of_birth"}
    df = placements(placement(reference="SECRET-REF"))
    row = top_placements(df, date(2016, 6, 30))[0]
    assert "SECRET-REF" not in repr(row)
    assert "Jane Example" not in repr(row)
    assert "Acme" not in repr(row)


def test_average_annual_cost_per_child() -> None:
    df = placements(
        placement(weekly_cost=1_000.0),
        placement(weekly_cost=1_000.0),
        placement(weekly_cost=1_300.0),
        placement(weekly_cost=5_000.0, end="2016-01-31"),  # not active on 30 June
    )
    # (1,000 + 1,000 + 1,300) × 52 / 3 = 3,300 × 52 / 3 = 171,600 / 3 = 57,200
    assert average_annual_cost_per_child(df, date(2016, 6, 30)) == pytest.approx(57_200)
    assert average_annual_cost_per_child(df, date(2015, 6, 30)) is None


def test_empty_placements() -> None:
    df = placements()
    d = date(2016, 6, 30)
    assert placements_by_type(df, d) == []
    assert placements_total([]).count == 0
    assert placements_total([]).average_weekly_cost == 0
    assert in_period_cost(df, date(2016, 4, 1), d).gross == 0
    assert top_placements(df, d) == []
    assert average_annual_cost_per_child(df, d) is None
    assert placement_flows(df, date(2016, 4, 1), d).started == 0


def test_unknown_placement_type_and_missing_cost_are_reportgen_errors() -> None:
    with pytest.raises(ReportgenError) as err:
        placements_by_type(placements(placement("castle")), date(2016, 6, 30))
    assert err.value.column == "placement_type"
    bad = placements(placement(), placement(weekly_cost=float("nan")))
    with pytest.raises(ReportgenError) as err:
        top_placements(bad, date(2016, 6, 30))
    assert err.value.column == "weekly_cost"
    assert "row 2" in err.value.line()


# --------------------------------------------------------------------------- compute_metrics


def quarter_data() -> dict[str, pd.DataFrame]:
    q4 = budget(
        ("Independent fostering placements", "2015/16 Q4", 3_000_000, 3_100_000),
        ("Residential placements", "2015/16 Q4", 2_000_000, 2_000_000),
    )
    return {
        "placements": placements(
            placement("residential", 3_500.0, "2016-01-01", reference="R1"),
            placement("ifa", 875.0, "2016-05-01", reference="I1", health=175.0),
            placement("ifa", 700.0, "2015-01-01", end="2016-04-30", reference="I0"),
            placement("kinship", 210.0, "2016-07-01", reference="K1"),  # after the quarter
        ),
        "budget": pd.concat([q4, rotherham_budget("2016/17 Q1")], ignore_index=True),
        "savings": herefordshire_savings(),
    }


def test_compute_metrics_for_a_quarter() -> None:
    m = compute_metrics(quarter_data(), parse_period("2016/17 Q1"), top_n=2)
    assert m.as_at == date(2016, 6, 30)  # the period's end
    assert m.placements is not None and m.budget is not None and m.savings is not None
    assert [s.placement_type for s in m.placements.by_type] == ["ifa", "residential"]
    assert m.placements.by_type["residential"].count == 1
    assert "kinship" not in m.placements.by_type
    assert m.placements.total.count == 2
    assert m.placements.flows is not None and m.placements.in_period_cost is not None
    assert (m.placements.flows.started, m.placements.flows.ended) == (1, 1)  # I1; I0
    # R1: 91 days × 500 = 45,500; I1: 1 May–30 June = 61 days × 125 = 7,625;
    # I0: 1–29 April (it ended on 30 April) = 29 days × 100 = 2,900 → 56,025 gross; I1 health
    # 61 × 25 = 1,525
    assert m.placements.in_period_cost.gross == pytest.approx(56_025)
    assert m.placements.in_period_cost.net == pytest.approx(54_500)
    assert [t.weekly_cost for t in m.placements.top] == [3_500, 875]
    # (3,500 + 875) × 52 / 2 = 113,750
    assert m.placements.average_annual_cost_per_child == pytest.approx(113_750)
    assert m.budget.period == "2016/17 Q1"
    assert m.budget.total.variance == 2_811_415
    assert m.previous_budget is not None
    assert m.previous_budget.period == "2015/16 Q4"
    assert m.previous_budget.total.variance == 100_000  # 5,100,000 − 5,000,000
    assert m.savings.total.achieved == 384_000


def test_compute_metrics_without_period_uses_latest_start_and_only_present_sets() -> None:
    data = quarter_data()
    m = compute_metrics({"placements": data["placements"]})
    assert m.as_at == date(2016, 7, 1)  # the latest start date
    assert m.placements is not None
    assert m.placements.flows is None and m.placements.in_period_cost is None
    # I0 ended 30 April, so R1, I1 and K1 are active on 1 July
    assert m.placements.total.count == 3
    assert m.budget is None and m.savings is None and m.previous_budget is None
    explicit = compute_metrics({"placements": data["placements"]}, as_at=date(2016, 2, 1))
    assert explicit.placements is not None
    assert [s.placement_type for s in explicit.placements.by_type] == ["ifa", "residential"]


def test_compute_metrics_falls_back_to_the_years_budget() -> None:
    m = compute_metrics({"budget": rotherham_budget("2016/17")}, parse_period("2016/17 Q2"))
    assert m.budget is not None and m.budget.period == "2016/17"
    assert m.previous_budget is None  # no 2016/17 Q1 rows


def test_compute_metrics_with_missing_budget_period_names_the_available() -> None:
    with pytest.raises(ReportgenError, match="2010/11"):
        compute_metrics({"budget": rotherham_budget("2010/11")}, parse_period("2016/17 Q1"))


def test_compute_metrics_with_empty_frames() -> None:
    m = compute_metrics(
        {"placements": placements(), "budget": budget(), "savings": frame([], SAVINGS_DTYPES)}
    )
    assert m.as_at is None
    assert m.placements is not None and m.placements.total.count == 0
    assert m.budget is not None and m.budget.total.variance == 0
    assert m.savings is not None and m.savings.total.achieved == 0
    assert all(f.value == 0 for f in figures(m))


# --------------------------------------------------------------------------- figures


def render(metrics: Metrics, expression: str) -> str:
    """Render an expression with filters that show the raw value, to compare with .value."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    env.filters["money"] = lambda v: repr(float(v))
    env.filters["percent"] = lambda v: repr(float(v))
    return env.from_string(expression).render(**metrics.namespace())


def test_every_figure_expression_yields_its_value() -> None:
    m = compute_metrics(quarter_data(), parse_period("2016/17 Q1"), top_n=2)
    found = figures(m)
    assert len({f.key for f in found}) == len(found)
    for f in found:
        assert float(render(m, f.expression)) == pytest.approx(f.value), f.key
        assert f.label and f.unit in ("money", "count", "percent")


def test_headline_figures_measures_and_subjects() -> None:
    m = compute_metrics(quarter_data(), parse_period("2016/17 Q1"), top_n=2)
    by_key = {f.key: f for f in figures(m)}
    variance = by_key["budget.total.variance"]
    assert variance.value == 2_811_415
    assert variance.expression == "{{ budget.total.variance | money }}"
    assert (variance.measure, variance.subject, variance.scope) == ("variance", None, "total")
    line = by_key["budget.lines['Independent fostering placements'].projected_spend"]
    assert line.label == "Independent fostering placements projected spend"
    assert (line.value, line.measure) == (4_463_416, "spend")
    assert line.subject == "Independent fostering placements"
    res = by_key["placements.by_type['residential'].count"]
    assert (res.value, res.unit, res.measure, res.subject) == (1, "count", "count",
                                                               "residential")
    avg = by_key["placements.by_type['ifa'].average_weekly_cost"]
    assert avg.label == "average weekly cost of IFA placements"
    assert avg.value == 875
    pct = by_key["savings.total.achieved_pct"]
    assert (pct.value, pct.unit) == (pytest.approx(0.768), "percent")
    assert pct.expression == "{{ savings.total.achieved_pct | percent }}"
    assert by_key["savings.measures['Adoption'].achieved"].value == 95_000
    assert by_key['savings.areas["Children\'s placements"].achieved'].value == 214_000
    top = by_key["placements.top.length"]
    assert (top.value, top.expression) == (2, "{{ placements.top | length }}")
    assert by_key["previous_budget.total.variance"].previous


def test_underspend_figures_keep_their_sign() -> None:
    # The checker reads "underspend" as a negative variance: the figure keeps its sign.
    m = compute_metrics({"budget": budget(("Residential", "2016/17", 10_000, 4_000))})
    by_key = {f.key: f for f in figures(m)}
    assert by_key["budget.total.variance"].value == -6_000
    assert by_key["budget.lines['Residential'].variance"].value == -6_000


def test_awkward_line_names_fall_back_to_positions() -> None:
    df = budget(('Kids\' "special" line', "2016/17", 1, 2), ("Plain", "2016/17", 1, 5))
    m = compute_metrics({"budget": df})
    keys = [f.key for f in figures(m)]
    assert "budget.lines[0].variance" in keys
    assert "budget.lines['Plain'].variance" in keys
    for f in figures(m):
        assert float(render(m, f.expression)) == pytest.approx(f.value)


# --------------------------------------------------------------------------- chart series


def test_budget_by_period_orders_the_year_and_stops_at_the_report() -> None:
    from reportgen.metrics import budget_by_period

    data = budget(
        ("Fostering", "2016/17 Q2", 100, 130),
        ("Fostering", "2016/17", 100, 150),  # the year-end outturn
        ("Fostering", "2016/17 Q1", 100, 110),
        ("Fostering", "2016/17 Q3", 100, 140),
        ("Fostering", "2015/16 Q4", 90, 95),  # another year
        ("Fostering", "Budget 2", 1, 1),  # not a period: skipped
    )
    year = parse_period("2016/17")
    series = budget_by_period(data, year, until=parse_period("2016/17 Q2"))
    # Q3 is after the report; the outturn row always comes last.
    assert [(p.name, p.total.variance) for p in series] == [
        ("Q1", 10.0), ("Q2", 30.0), ("Year end", 50.0)]
    assert [p.name for p in budget_by_period(data, year)] == ["Q1", "Q2", "Q3", "Year end"]
    assert budget_by_period(data, parse_period("2019/20")) == []


def _benchmarks(rows: list[tuple[str, str | None, float, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        {"measure": ["LAC rate"] * len(rows), "area": [r[0] for r in rows],
         "area_type": pd.array([r[1] for r in rows], dtype="string"),
         "value": [r[2] for r in rows], "period": [r[3] for r in rows]})


def test_benchmark_comparison_finds_the_council_and_averages_neighbours() -> None:
    from reportgen.metrics import benchmark_comparison

    data = _benchmarks([
        ("Herefordshire", None, 80.0, "2017/18"),
        ("Shropshire", None, 60.0, "2017/18"),
        ("Wiltshire", None, 50.0, "2017/18"),
        ("England", None, 64.0, "2017/18"),
        ("Herefordshire", None, 70.0, "2016/17"),  # an earlier period: not compared
    ])
    c = benchmark_comparison(data, "", "Herefordshire Council")
    assert (c.measure, c.period, c.council.value) == ("LAC rate", "2017/18", 80.0)
    assert [b.area for b in c.neighbours] == ["Shropshire", "Wiltshire"]
    assert c.neighbours_average == 55.0  # (60 + 50) / 2
    assert [b.area for b in c.england] == ["England"]
    with pytest.raises(ReportgenError, match="no row for the council"):
        benchmark_comparison(data, "lac rate", "Rutland")
    with pytest.raises(ReportgenError, match="no measure 'Spend'"):
        benchmark_comparison(data, "Spend", "Herefordshire")


# --------------------------------------------------------------------------- imports


def test_importing_metrics_does_not_load_the_validator() -> None:
    import subprocess
    import sys

    code = ("import sys, reportgen.metrics; "
            "print(' '.join(m for m in ('pandera', 'hypothesis') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == ""
