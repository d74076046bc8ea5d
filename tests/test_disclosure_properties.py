"""Property tests of disclosure control (issue 15).

1. For generated cohorts with small categories, nothing printed (the by-type table and its
   total, the top-N table, the chart's alt text) lets a reader pin a hidden count: the facts
   are read back from the *printed* cells, not from the plan, and solved exactly here with
   interval arithmetic (one equation, the total, plus the top-N's lower bounds), independent
   of the package's own solver.
2. No identifier from the data survives any of the normalisations a reader would not notice.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.checks.disclosure import identifier_findings
from reportgen.metrics import compute_metrics
from reportgen.render.charts import ChartOptions, build_chart
from reportgen.render.tables import TableOptions, high_cost_table, placements_by_type_table

TYPES = ["in_house_fostering", "ifa", "residential", "kinship", "semi_independent",
         "placed_with_parents", "secure"]
AS_AT = date(2016, 6, 30)


@st.composite
def cohorts(draw: st.DrawFn) -> tuple[pd.DataFrame, int, int]:
    chosen = draw(st.lists(st.sampled_from(TYPES), min_size=2, max_size=6, unique=True))
    counts = [draw(st.one_of(st.integers(0, 4), st.integers(0, 25))) for _ in chosen]
    if sum(counts) == 0:
        counts[0] = 1
    rows = []
    for ptype, n in zip(chosen, counts, strict=True):
        for _ in range(n):
            rows.append({
                "reference": f"R{len(rows):05d}", "placement_type": ptype,
                "provider_type": draw(st.sampled_from(["in_house", "private", "voluntary"])),
                "start_date": pd.Timestamp("2015-01-01"), "end_date": pd.NaT,
                "weekly_cost": float(draw(st.integers(100, 9000))),
                "health_contribution": 0.0, "education_contribution": 0.0,
            })
    threshold = draw(st.integers(3, 6))
    top_n = draw(st.integers(3, 25))
    return pd.DataFrame(rows), threshold, top_n


def _number(text: str) -> int | None:
    t = text.replace(",", "").strip()
    return int(t) if t.isdigit() else None


def _feasible(lo: dict[str, int], hi: dict[str, int], rest: int | None) -> dict[str, set[int]]:
    """Exact feasible values of each hidden cell: with the total, x_i is feasible when the
    others can make up ``rest - x_i`` within their bounds (integers fill every gap)."""
    out: dict[str, set[int]] = {}
    for cell in lo:
        if rest is None:  # no total: every value within the bounds (the first few suffice)
            out[cell] = set(range(lo[cell], min(hi[cell], lo[cell] + 1000) + 1))
            continue
        others_lo = sum(v for k, v in lo.items() if k != cell)
        others_hi = sum(v for k, v in hi.items() if k != cell)
        out[cell] = {x for x in range(lo[cell], hi[cell] + 1)
                     if others_lo <= rest - x <= others_hi}
    return out


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_no_hidden_count_can_be_recovered_from_what_is_printed(
        cohort: tuple[pd.DataFrame, int, int]) -> None:
    df, threshold, top_n = cohort
    metrics = compute_metrics({"placements": df}, as_at=AS_AT, top_n=top_n)
    opts = TableOptions("£", True, threshold, top_n)
    by_type = placements_by_type_table(metrics, opts)
    top = high_cost_table(metrics, opts)
    truth = {s.label: s.count for s in metrics.placements.by_type}  # type: ignore[union-attr]

    hidden: list[str] = []
    shown: dict[str, int] = {}
    for row in by_type.rows:
        if row[1] == "c":
            hidden.append(row[0])
            assert row[2] == row[3] == "c"  # its costs go with it
        else:
            value = _number(row[1])
            assert value is not None
            shown[row[0]] = value
            assert not (0 < value < threshold)  # primary suppression
    assert by_type.total is not None
    total = _number(by_type.total[1])
    if total is not None:
        assert total == sum(truth.values())

    # The top-N: rows of a hidden type would state a lower bound on its count and a child's
    # cost; none may appear.
    top_labels = [row[1] for row in top.rows]
    assert not set(top_labels) & set(hidden)
    lower = {label: top_labels.count(label) for label in set(top_labels)}
    for label, k in lower.items():
        assert shown[label] >= k

    if not hidden:
        return
    rest = None if total is None else total - sum(shown.values())
    positive = [v for v in shown.values() if v > 0]
    for cap in (rest if rest is not None else 10**6,
                min([*positive, rest if rest is not None else 10**6])):
        lo = dict.fromkeys(hidden, 1)
        hi = dict.fromkeys(hidden, cap)
        for cell, values in _feasible(lo, hi, rest).items():
            assert truth[cell] in values  # the facts are true of the data
            assert len(values) >= 2, (cell, truth, values)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cohorts())
def test_chart_alt_text_states_no_hidden_count(cohort: tuple[pd.DataFrame, int, int]) -> None:
    df, threshold, top_n = cohort
    metrics = compute_metrics({"placements": df}, as_at=AS_AT, top_n=top_n)
    table = placements_by_type_table(metrics, TableOptions("£", True, threshold, top_n))
    chart = build_chart("placements_by_type", [], metrics, {},
                        ChartOptions("£", True, threshold))
    hidden = [row[0] for row in table.rows if row[1] == "c"]
    for label in hidden:
        assert f"{label} not shown" in chart.alt_text
    total_hidden = table.total is not None and table.total[1] == "c"
    stated = re.search(r"In total (\d[\d,]*) children", chart.alt_text)
    assert (stated is None) == total_hidden


# --------------------------------------------------------------------------- identifiers

_INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f"]
_BIDI = [("\u202e", "\u202c"), ("\u2067", "\u2069"), ("\u202b", "\u202c")]
NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=9).map(
    str.capitalize)


def _sprinkle(draw: st.DrawFn, text: str) -> str:
    out = []
    for ch in text:
        out.append(ch)
        if ch.isalnum() and draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(_INVISIBLE)))
    return "".join(out)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def disguised(draw: st.DrawFn) -> tuple[pd.DataFrame, str, str]:
    given_name, family = draw(NAME), draw(NAME)
    born = draw(st.dates(date(2000, 1, 1), date(2015, 12, 31)))
    reference = f"{draw(st.sampled_from(['HAR', 'ROT', 'HFD']))}-{draw(st.integers(1000, 9999))}"
    column = draw(st.sampled_from(["child_name", "date_of_birth", "reference"]))
    if column == "child_name":
        written = draw(st.sampled_from([f"{given_name} {family}", f"{family}, {given_name}"]))
    elif column == "date_of_birth":
        ordinal = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(
            born.day, "th")
        written = draw(st.sampled_from([
            f"born on the {born.day}{ordinal} of {born:%B} {born.year}",
            f"{born.day} {born:%B} {born.year}", f"{born:%B} {born.day}{ordinal}, {born.year}",
            f"{born:%d/%m/%Y}", f"{born.day}.{born.month}.{born.year}"]))
    else:
        written = reference.replace("-", draw(st.sampled_from(["-", "\u2011", "\u2010",
                                                               "\u2212"])))
    written = _sprinkle(draw, written)
    if draw(st.booleans()):
        start, end = draw(st.sampled_from(_BIDI))
        written = f"{start}{written}{end}"
    if draw(st.integers(0, 3)) == 0:
        written = _fullwidth(written)
    data = pd.DataFrame({"reference": [reference], "child_name": [f"{given_name} {family}"],
                         "date_of_birth": [pd.Timestamp(born)]})
    return data, f"The panel discussed {written} at length.", column


@settings(max_examples=200, deadline=None)
@given(disguised())
def test_no_identifier_survives_any_normalisation(case: tuple[pd.DataFrame, str, str]) -> None:
    data, text, column = case
    columns = {f.message.split("child's ")[1].split(" ")[0]
               for f in identifier_findings(data, text, "data.csv")}
    assert column in columns, text
