"""The windows a report states figures for: the period, the financial year to date and the
latest complete collection year (1 April to 31 March).

Expectations are written from the rules (docs/bundle.md, "Windows"), never read off the code:
the year to date of 2016/17 Q2 is 1 April to 30 September 2016; its collection year is
2015/16, the last whole year before 30 September 2016. Flows on generated placements are
checked against a plain count written here, row by row, with no pandas.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.context import make_environment, narrative_names, render_text
from reportgen.errors import ReportgenError
from reportgen.metrics import compute_metrics
from reportgen.periods import (
    Period,
    collection_year,
    parse_period,
    year_to_date,
    year_to_date_label,
)
from reportgen.pipeline import load_report
from reportgen.styles import resolve_style
from tests.helpers import FIXTURES, edit_yaml
from tests.test_metrics import PLACEMENT_DTYPES, frame

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


# -- the rules, as literal dates -----------------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end", "label"), [
    ("2016/17 Q2", date(2016, 4, 1), date(2016, 9, 30), "2016/17 Q1 to Q2"),
    ("2016/17 Q1", date(2016, 4, 1), date(2016, 6, 30), "2016/17 Q1"),
    ("2016/17 Q3", date(2016, 4, 1), date(2016, 12, 31), "2016/17 Q1 to Q3"),
    ("2016/17 Q4", date(2016, 4, 1), date(2017, 3, 31), "2016/17"),
    ("2016/17 M5", date(2016, 4, 1), date(2016, 8, 31), "2016/17 M1 to M5"),
    ("2016/17 M12", date(2016, 4, 1), date(2017, 3, 31), "2016/17"),
    ("2016/17", date(2016, 4, 1), date(2017, 3, 31), "2016/17"),
    ("2023/24 Q4", date(2023, 4, 1), date(2024, 3, 31), "2023/24"),  # a leap year's March
])
def test_year_to_date(text: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert year_to_date(period) == (start, end)
    assert year_to_date_label(period) == label


@pytest.mark.parametrize(("day", "year"), [
    (date(2016, 9, 30), "2015/16"),   # Q2: the last whole year ended on 31 March 2016
    (date(2016, 6, 30), "2015/16"),
    (date(2016, 12, 31), "2015/16"),
    (date(2017, 3, 30), "2015/16"),   # one day short of the year's end
    (date(2017, 3, 31), "2016/17"),   # Q4: the year itself
    (date(2016, 4, 1), "2015/16"),
    (date(2016, 3, 31), "2015/16"),
])
def test_collection_year_is_the_last_complete_one(day: date, year: str) -> None:
    found = collection_year(day)
    assert found.label == year
    assert (found.start, found.end) == (date(int(year[:4]), 4, 1), date(int(year[:4]) + 1, 3, 31))


def test_windows_of_a_quarter_report_in_its_own_words() -> None:
    loaded = load_report(HARROW, period="2016/17-Q2")
    w = loaded.metrics.windows
    assert w is not None
    assert (w.period.label, w.period.start, w.period.end) == (
        "2016/17 Q2", date(2016, 7, 1), date(2016, 9, 30))
    assert (w.year_to_date.label, w.year_to_date.start, w.year_to_date.end) == (
        "2016/17 Q1 to Q2", date(2016, 4, 1), date(2016, 9, 30))
    assert (w.collection_year.label, w.collection_year.start, w.collection_year.end,
            w.collection_year.as_at) == (
        "2015/16", date(2015, 4, 1), date(2016, 3, 31), date(2016, 3, 31))
    # The period's figures are one computation, wherever they are printed.
    p = loaded.metrics.placements
    assert p is not None
    assert p.flows is w.period.flows and p.in_period_cost is w.period.cost
    assert p.external_flows is w.period.external_flows


def test_a_report_without_a_period_has_no_windows(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(FIXTURES / "vale-of-glamorgan-2011-fostering-adoption-inspections", bundle)
    loaded = load_report(bundle)
    assert loaded.metrics.period is None and loaded.metrics.windows is None
    names = narrative_names(loaded.bundle, loaded.metrics)
    assert names["year_to_date"] is None and names["collection_year"] is None


# -- generated placements: the year to date is the sum of its quarters ----------------------

YEAR = 2016
FIRST = date(YEAR - 2, 1, 1)
LAST = date(YEAR + 2, 12, 31)
TYPES = ("in_house_fostering", "ifa", "residential", "kinship")


@st.composite
def placements(draw: st.DrawFn) -> list[dict[str, object]]:
    """Placements starting and ending anywhere from two years before 2016/17 to two after,
    many of them on the first or last day of a quarter (where an off-by-one shows)."""
    edges = [d for y in range(YEAR - 1, YEAR + 2) for m in (1, 4, 7, 10)
             for d in (date(y, m, 1), date(y, m, 1) - timedelta(days=1))]
    day = st.one_of(st.sampled_from(edges),
                    st.dates(min_value=FIRST, max_value=LAST))
    rows = []
    for i in range(draw(st.integers(min_value=0, max_value=40))):
        start = draw(day)
        # Built from the start, not filtered: a filter on a late start rejects most draws.
        later_edges = [e for e in edges if e >= start]
        ends = [st.none(), st.integers(0, 1500).map(lambda n, s=start: s + timedelta(days=n))]
        if later_edges:
            ends.append(st.sampled_from(later_edges))
        end = draw(st.one_of(*ends))
        rows.append({
            "reference": f"R{i}", "placement_type": draw(st.sampled_from(TYPES)),
            "provider_type": draw(st.sampled_from(("in_house", "private", "voluntary"))),
            "start_date": pd.Timestamp(start), "end_date": None if end is None else
            pd.Timestamp(end), "weekly_cost": float(draw(st.integers(0, 9000))),
            "health_contribution": 0.0, "education_contribution": 0.0})
    return rows


def _plain_flows(rows: list[dict[str, object]], first: date, last: date,
                 external: bool = False) -> tuple[int, int]:
    """Started and ended on a day from ``first`` to ``last``, both included: a row at a time."""
    started = ended = 0
    for row in rows:
        if external and row["provider_type"] not in ("private", "voluntary"):
            continue
        start = row["start_date"].date()  # type: ignore[attr-defined]
        end = row["end_date"].date() if row["end_date"] is not None else None  # type: ignore[attr-defined]
        if first <= start <= last:
            started += 1
        if end is not None and first <= end <= last:
            ended += 1
    return started, ended


def _plain_cost(rows: list[dict[str, object]], first: date, last: date) -> float:
    """Weekly cost / 7 for each day a placement was open from ``first`` to ``last`` (open on
    a day: started on or before it and not ended on or before it; the day of a move is the
    new placement's)."""
    total = 0.0
    day = first
    while day <= last:
        for row in rows:
            start = row["start_date"].date()  # type: ignore[attr-defined]
            end = row["end_date"].date() if row["end_date"] is not None else None  # type: ignore[attr-defined]
            if start <= day and (end is None or day < end):
                total += float(row["weekly_cost"]) / 7  # type: ignore[arg-type]
        day += timedelta(days=1)
    return total


QUARTERS = [(date(YEAR, 4, 1), date(YEAR, 6, 30)), (date(YEAR, 7, 1), date(YEAR, 9, 30)),
            (date(YEAR, 10, 1), date(YEAR, 12, 31)), (date(YEAR + 1, 1, 1), date(YEAR + 1, 3, 31))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=placements(), quarter=st.integers(min_value=1, max_value=4))
def test_year_to_date_flows_are_the_sum_of_the_quarters(rows: list[dict[str, object]],
                                                         quarter: int) -> None:
    data = {"placements": frame(rows, PLACEMENT_DTYPES)}
    metrics = compute_metrics(data, period=Period(YEAR, "quarter", quarter))
    w = metrics.windows
    assert w is not None and w.year_to_date.flows is not None
    # Each quarter counted on its own, plainly, then added up.
    quarters = [_plain_flows(rows, a, b) for a, b in QUARTERS[:quarter]]
    assert (w.year_to_date.flows.started, w.year_to_date.flows.ended) == (
        sum(q[0] for q in quarters), sum(q[1] for q in quarters))
    assert (w.period.flows.started, w.period.flows.ended) == quarters[-1]  # type: ignore[union-attr]
    external = [_plain_flows(rows, a, b, external=True) for a, b in QUARTERS[:quarter]]
    assert w.year_to_date.external_flows is not None
    assert (w.year_to_date.external_flows.started, w.year_to_date.external_flows.ended) == (
        sum(q[0] for q in external), sum(q[1] for q in external))
    # The collection year is the whole of 2015/16 unless the report is at 31 March 2017.
    year = (date(YEAR, 4, 1), date(YEAR + 1, 3, 31)) if quarter == 4 else \
        (date(YEAR - 1, 4, 1), date(YEAR, 3, 31))
    assert (w.collection_year.start, w.collection_year.end) == year
    assert w.collection_year.flows is not None
    assert (w.collection_year.flows.started, w.collection_year.flows.ended) == \
        _plain_flows(rows, *year)
    # Cost over the year to date: the quarters' costs added up (each counted a day at a time).
    assert w.year_to_date.cost is not None
    assert w.year_to_date.cost.gross == pytest.approx(
        sum(_plain_cost(rows, a, b) for a, b in QUARTERS[:quarter]), abs=1e-6)


# -- narrative names -------------------------------------------------------------------------

def _render(loaded, text: str, public_protect: bool = False) -> str:
    env = make_environment(resolve_style(None), autoescape=False)
    from reportgen import disclosure

    settings_ = loaded.bundle.settings
    plan = disclosure.plan_for(loaded.metrics, settings_.suppression_threshold,
                               settings_.public, disclosure.Symbols.of(settings_))
    names = narrative_names(loaded.bundle, loaded.metrics,
                            protect=lambda n: disclosure.protect_names(n, plan))
    return render_text(env, text, names, "test")


def test_each_window_is_a_name_of_its_own_in_narrative(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, lambda d: d.setdefault("settings", {}).update({"public": "no"}))
    loaded = load_report(bundle, period="2016/17 Q2")
    w = loaded.metrics.windows
    assert w is not None and w.period.flows and w.year_to_date.flows
    text = ("{{ period.label }} ({{ period.start | longdate }} to {{ period.end | longdate }}): "
            "{{ period.flows.started }} started; {{ year_to_date.label }} "
            "({{ year_to_date.start | longdate }} to {{ year_to_date.end | longdate }}): "
            "{{ year_to_date.flows.started }} started, {{ year_to_date.flows.ended }} ended; "
            "{{ collection_year.label }}: {{ collection_year.flows.started }}; "
            "{{ period.previous().label }}, {{ period.financial_year }}")
    assert _render(loaded, text) == (
        f"2016/17 Q2 (1 July 2016 to 30 September 2016): {w.period.flows.started} started; "
        f"2016/17 Q1 to Q2 (1 April 2016 to 30 September 2016): "
        f"{w.year_to_date.flows.started} started, {w.year_to_date.flows.ended} ended; "
        f"2015/16: {w.collection_year.flows.started}; 2016/17 Q1, 2016/17")


def test_a_public_report_hides_a_small_flow_in_every_window(tmp_path: Path) -> None:
    """A count from 1 to 4 prints as the symbol in every window (as placements.flows does),
    and cannot be used in a sum."""
    rows = [{"reference": f"R{i}", "placement_type": "ifa", "provider_type": "private",
             "start_date": pd.Timestamp(day), "end_date": None, "weekly_cost": 900.0,
             "health_contribution": 0.0, "education_contribution": 0.0}
            for i, day in enumerate([date(2016, 5, 3), date(2016, 8, 1), date(2016, 8, 2)]
                                    + [date(2015, 6, 1)] * 7)]
    metrics = compute_metrics({"placements": frame(rows, PLACEMENT_DTYPES)},
                              period=parse_period("2016/17 Q2"))
    loaded = load_report(HARROW)  # a public bundle: only its settings are used here
    loaded = type(loaded)(loaded.bundle, loaded.datasets, metrics)
    text = ("{{ period.flows.started }} {{ year_to_date.flows.started }} "
            "{{ collection_year.flows.started }} {{ placements.flows.started }}")
    assert _render(loaded, text) == "c c 7 c"
    with pytest.raises(ReportgenError, match="year_to_date.flows.started is not shown"):
        _render(loaded, "{{ year_to_date.flows.started + 1 }}")


def test_the_year_to_date_hides_what_the_period_hides() -> None:
    """Q1's report printed its year to date (6 starts); were Q2's year to date (8) shown, the
    two would give away Q2's hidden 2."""
    days = [date(2016, 4, 5 + i) for i in range(6)] + [date(2016, 8, 1), date(2016, 8, 2)] \
        + [date(2015, 6, 1)] * 7
    rows = [{"reference": f"R{i}", "placement_type": "ifa", "provider_type": "in_house",
             "start_date": pd.Timestamp(day), "end_date": None, "weekly_cost": 900.0,
             "health_contribution": 0.0, "education_contribution": 0.0}
            for i, day in enumerate(days)]
    data = {"placements": frame(rows, PLACEMENT_DTYPES)}
    loaded = load_report(HARROW)  # a public bundle: only its settings are used here
    text = ("{{ period.flows.started }} {{ year_to_date.flows.started }} "
            "{{ collection_year.flows.started }}")
    q1 = type(loaded)(loaded.bundle, loaded.datasets,
                      compute_metrics(data, period=parse_period("2016/17 Q1")))
    assert _render(q1, text) == "6 6 7"
    q2 = type(loaded)(loaded.bundle, loaded.datasets,
                      compute_metrics(data, period=parse_period("2016/17 Q2")))
    assert _render(q2, text) == "c c 7"


def test_a_window_is_read_only_and_has_no_hidden_parts() -> None:
    loaded = load_report(HARROW, period="2016/17 Q2")
    for text in ("{{ period._window }}", "{{ period.__class__ }}",
                 "{{ year_to_date._values }}"):
        with pytest.raises(ReportgenError, match="not allowed in a report"):
            _render(loaded, text)
    with pytest.raises(ReportgenError, match="periodwindow has no field 'nonsense'"):
        _render(loaded, "{{ period.nonsense }}")
