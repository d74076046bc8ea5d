"""The fixture CSVs reproduce their seed reports' own figures.

Every expected value below is copied from, or worked by hand from, the seed reports in
/work/shared/seeds/ (see fixtures/README.md). Plain pandas only, so these tests do not depend
on reportgen's own readers or metrics.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ROTHERHAM = FIXTURES / "rotherham-2010-commissioning" / "data"
HARROW = FIXTURES / "harrow-2016-high-cost-placements" / "data"
HEREFORDSHIRE = FIXTURES / "herefordshire-2018-lac-cost-reduction" / "data"
DATA_DIRS = {"ROT": ROTHERHAM, "HAR": HARROW, "HFD": HEREFORDSHIRE}

COLUMNS = {
    "placements": [
        "reference",
        "placement_type",
        "provider_type",
        "provider",
        "start_date",
        "end_date",
        "weekly_cost",
        "health_contribution",
        "education_contribution",
    ],
    "savings": ["area", "measure", "target", "achieved", "forecast", "status", "period"],
    "budget": ["line", "group", "period", "budget", "projected_spend"],
}
MONEY = {
    "weekly_cost",
    "health_contribution",
    "education_contribution",
    "target",
    "achieved",
    "forecast",
    "budget",
    "projected_spend",
}
PLACEMENT_TYPES = {
    "in_house_fostering",
    "ifa",
    "residential",
    "kinship",
    "semi_independent",
    "placed_with_parents",
    "secure",
    "other",
}
PROVIDER_TYPES = {"in_house", "private", "voluntary", "other_la"}
STATUSES = {"achieved", "on_track", "at_risk", "not_achieved", "planned"}
ALL_FILES = [d / f"{kind}.csv" for d in DATA_DIRS.values() for kind in COLUMNS]
# Fixtures with no seed report, made by the same script (tests/test_episodes.py and
# tests/test_indicators.py check what they hold).
SSDA903 = FIXTURES / "ssda903-placements-2023" / "data"
INDICATORS = FIXTURES / "indicators-corporate-parenting" / "data"
EXTRA_FILES = [SSDA903 / "episodes.csv", SSDA903 / "header.csv", SSDA903 / "costs.csv",
               INDICATORS / "indicators.csv", INDICATORS / "benchmarks.csv"]


def placements(data_dir: Path) -> pd.DataFrame:
    """A placements CSV with its dates parsed."""
    return pd.read_csv(data_dir / "placements.csv", parse_dates=["start_date", "end_date"])


def active_on(frame: pd.DataFrame, day: str) -> pd.DataFrame:
    """Active on a date per docs/architecture.md: started by then and not yet ended."""
    d = pd.Timestamp(day)
    return frame[(frame["start_date"] <= d) & (frame["end_date"].isna() | (frame["end_date"] >= d))]


def variance(frame: pd.DataFrame) -> float:
    """Projected spend minus budget (positive = overspend), to the penny."""
    return round(float((frame["projected_spend"] - frame["budget"]).sum()), 2)


# ---------------------------------------------------------------------------------- form ---


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_file_is_utf8_with_unix_line_endings(path: Path) -> None:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert raw.endswith(b"\n")
    raw.decode("utf-8")


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_columns_dates_and_money_are_canonical(path: Path) -> None:
    text = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(text.columns) == COLUMNS[path.stem]
    for column in text.columns:
        values = [v for v in text[column] if v != ""]
        if column in MONEY:
            assert all(re.fullmatch(r"\d+\.\d\d", v) for v in values), column
        if column.endswith("_date"):
            assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", v) for v in values), column
            pd.to_datetime(pd.Series(values), format="%Y-%m-%d")  # real calendar dates


@pytest.mark.parametrize("prefix", sorted(DATA_DIRS))
def test_placements_are_pseudonymised_and_valid(prefix: str) -> None:
    frame = placements(DATA_DIRS[prefix])
    assert frame["reference"].is_unique
    assert frame["reference"].str.fullmatch(rf"{prefix}-\d{{4}}").all()
    assert set(frame["placement_type"]) <= PLACEMENT_TYPES
    assert set(frame["provider_type"]) <= PROVIDER_TYPES
    ended = frame.dropna(subset=["end_date"])
    assert (ended["end_date"] >= ended["start_date"]).all()
    money = frame[["weekly_cost", "health_contribution", "education_contribution"]]
    assert (money >= 0).all().all()
    # In-house placements have no named provider; independent ones always do.
    independent = frame[frame["provider_type"].isin(["private", "voluntary"])]
    assert independent["provider"].notna().all()
    assert frame.loc[frame["provider_type"] == "in_house", "provider"].isna().all()


@pytest.mark.parametrize("data_dir", DATA_DIRS.values(), ids=list(DATA_DIRS))
def test_statuses_are_canonical(data_dir: Path) -> None:
    savings = pd.read_csv(data_dir / "savings.csv")
    assert set(savings["status"]) <= STATUSES


# ----------------------------------------------------------------------------- Rotherham ---


def test_rotherham_external_placements_on_31_august_2010() -> None:
    # Seed section 8: 26 residential at £3,303 a week on average, 106 IFA at £875.
    active = active_on(placements(ROTHERHAM), "2010-08-31")
    residential = active[active["placement_type"] == "residential"]
    ifa = active[active["placement_type"] == "ifa"]
    assert len(residential) == 26
    assert round(residential["weekly_cost"].sum(), 2) == 85_878.00  # 26 x 3,303
    assert round(residential["weekly_cost"].mean(), 2) == 3_303.00
    assert len(ifa) == 106
    assert round(ifa["weekly_cost"].sum(), 2) == 92_750.00  # 106 x 875
    assert round(ifa["weekly_cost"].mean(), 2) == 875.00
    assert set(residential["provider_type"]) | set(ifa["provider_type"]) <= {
        "private",
        "voluntary",
    }
    assert residential["weekly_cost"].between(2_400, 5_500).all()
    assert ifa["weekly_cost"].between(700, 1_150).all()
    assert ifa["provider"].nunique() >= 4


def test_rotherham_flows_april_to_august_2010() -> None:
    # Seed section 7: 31 young people left external placements April-August; 27 were placed.
    frame = placements(ROTHERHAM)
    external = frame[frame["placement_type"].isin(["ifa", "residential"])]
    start, end = pd.Timestamp("2010-04-01"), pd.Timestamp("2010-08-31")
    assert len(external[external["end_date"].between(start, end)]) == 31
    assert len(external[external["start_date"].between(start, end)]) == 27
    # Data as at 31 August: nothing ends on or after that date.
    assert frame["end_date"].max() < end


def test_rotherham_budget_2010_11() -> None:
    budget = pd.read_csv(ROTHERHAM / "budget.csv")
    year = budget[budget["period"] == "2010/11"].set_index("line")
    independent = year.loc[
        ["Independent fostering placements", "Independent residential placements"]
    ]
    # (4,463,416 - 3,030,748) + (3,836,120 - 2,457,373) = 1,432,668 + 1,378,747.
    assert variance(independent) == 2_811_415.00
    # The seed prints £2,786,300, which its own figures do not give (see fixtures/README.md).
    assert variance(independent) != 2_786_300.00
    # In-house: 2,040,174 - 1,960,000 = 80,174 ("overspent by £80,000" in the seed).
    assert variance(year.loc[["In-house fostering placements"]]) == 80_174.00


def test_rotherham_budget_2009_10_outturn() -> None:
    budget = pd.read_csv(ROTHERHAM / "budget.csv")
    assert variance(budget[budget["period"] == "2009/10"]) == 3_560_031.00


def test_rotherham_savings() -> None:
    savings = pd.read_csv(ROTHERHAM / "savings.csv").set_index("measure")
    assert savings.loc["Challenge to providers' quoted prices", "achieved"] == 47_739.00
    assert savings.loc["Supplier discount agreements", "achieved"] == 24_000.00
    assert (savings["period"] == "2010/11").all()


# -------------------------------------------------------------------------------- Harrow ---


def test_harrow_savings_targets_and_achieved() -> None:
    # Seed: £500k from children's placements, £200k from leaving care; ~£437k achieved.
    every = pd.read_csv(HARROW / "savings.csv")
    assert set(every["period"]) == {"2016/17 Q1", "2016/17 Q2"}
    savings = every[every["period"] == "2016/17 Q1"]
    targets = savings.groupby("area")["target"].sum()
    assert targets["Children's placements"] == 500_000.00
    assert targets["Leaving care placements"] == 200_000.00
    assert savings["achieved"].sum() == 437_000.00
    earmarked = savings[savings["measure"].str.contains("three earmarked")]
    assert earmarked["target"].tolist() == [30_000.00]  # the "notional target of £30k"


def test_harrow_q1_overspend() -> None:
    budget = pd.read_csv(HARROW / "budget.csv")
    assert set(budget["period"]) == {"2016/17 Q1", "2016/17 Q2"}
    assert variance(budget[budget["period"] == "2016/17 Q1"]) == 673_000.00


def test_harrow_second_quarter() -> None:
    # Invented Q2 (fixtures/README.md): overspend £793k = 708k + 85k, up £120k on Q1;
    # savings achieved to date £468k + £12k + £35k + £10k = £525k, same measures as Q1.
    budget = pd.read_csv(HARROW / "budget.csv")
    q2 = budget[budget["period"] == "2016/17 Q2"]
    assert q2["line"].tolist() == ["Children's placements", "Leaving care placements"]
    assert variance(q2) == 793_000.00
    savings = pd.read_csv(HARROW / "savings.csv")
    q1s, q2s = (savings[savings["period"] == p] for p in ("2016/17 Q1", "2016/17 Q2"))
    assert q2s["measure"].tolist() == q1s["measure"].tolist()
    assert q2s["achieved"].sum() == 525_000.00
    assert q2s["target"].sum() == q1s["target"].sum() == 700_000.00
    frame = placements(HARROW)
    # Q2 rows come after every Q1 row: 10 start in Q2, and 5 placements active on 30 June
    # plus 1 of the new ones end in Q2, so 140 − 5 + 10 − 1 = 144 are active on 30 September.
    in_q2 = (pd.Timestamp("2016-07-01"), pd.Timestamp("2016-09-30"))
    assert frame["start_date"].between(*in_q2).sum() == 10
    assert frame["end_date"].between(*in_q2).sum() == 6
    assert len(active_on(frame, "2016-09-30")) == 144


def test_harrow_top_20_high_cost_placements() -> None:
    active = active_on(placements(HARROW), "2016-06-30")
    assert len(active) == 140
    ranked = active.sort_values("weekly_cost", ascending=False)
    top = ranked.head(20)
    assert set(top["placement_type"]) <= {"residential", "secure"}
    assert top["weekly_cost"].between(3_000, 9_500).all()
    # No tie at the cut, so "the top 20" is one definite list.
    assert ranked["weekly_cost"].iloc[19] > ranked["weekly_cost"].iloc[20]
    contributions = top["health_contribution"].gt(0) | top["education_contribution"].gt(0)
    assert contributions.sum() >= 3


def test_harrow_has_history_earlier_in_the_year() -> None:
    frame = placements(HARROW)
    q1_ended = frame["end_date"].between(pd.Timestamp("2016-04-01"), pd.Timestamp("2016-06-29"))
    assert q1_ended.sum() >= 10


# ------------------------------------------------------------------------- Herefordshire ---


def test_herefordshire_savings_by_measure() -> None:
    savings = pd.read_csv(HEREFORDSHIRE / "savings.csv").set_index("measure")
    # Seed paragraph 11 (£000s).
    assert savings["achieved"].to_dict() == {
        "SGO": 12_000.00,
        "Step down in placement to kinship": 79_000.00,
        "Reunification": 123_000.00,
        "Adoption": 95_000.00,
        "Other placement step downs": 75_000.00,
    }
    assert savings["achieved"].sum() == 384_000.00
    assert savings["target"].sum() == 500_000.00
    # "projected that the total £500k will be achieved by the end of the financial year".
    assert savings["forecast"].sum() == 500_000.00
    assert (savings["area"] == "Looked after children reduction").all()


def test_herefordshire_average_annual_cost() -> None:
    # Seed paragraph 15: £51,000 a year for each child; 338 x 51,000 / 52 = £331,500 a week.
    active = active_on(placements(HEREFORDSHIRE), "2018-09-30")
    assert len(active) == 338
    assert round(active["weekly_cost"].sum(), 2) == 331_500.00
    assert round((active["weekly_cost"] * 52).mean(), 2) == 51_000.00


def test_herefordshire_budget_overspends() -> None:
    budget = pd.read_csv(HEREFORDSHIRE / "budget.csv")
    assert budget["line"].tolist() == ["Looked after children placements"]
    assert (budget["period"] == "2018/19").all()
    assert variance(budget) == 1_950_000.00  # 17,250,000 - 15,300,000


# --------------------------------------------------------------------------- generator ---


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    script = ROOT / "tools" / "make_fixture_data.py"
    result = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for path in ALL_FILES + EXTRA_FILES:
        fresh = tmp_path / path.relative_to(FIXTURES)
        assert fresh.read_bytes() == path.read_bytes(), path


@pytest.mark.parametrize("path", EXTRA_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_extra_files_are_utf8_with_unix_line_endings(path: Path) -> None:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and raw.endswith(b"\n")
    raw.decode("utf-8")


def test_ssda903_children_are_synthetic_and_consistent() -> None:
    episodes = pd.read_csv(SSDA903 / "episodes.csv", dtype=str, keep_default_na=False)
    header = pd.read_csv(SSDA903 / "header.csv", dtype=str, keep_default_na=False)
    costs = pd.read_csv(SSDA903 / "costs.csv", dtype=str, keep_default_na=False)
    assert header["CHILD"].is_unique and header["CHILD"].str.fullmatch(r"\d{6}").all()
    assert set(episodes["CHILD"]) <= set(header["CHILD"])
    # Every placement (first episode, or one that is not a change of legal status only)
    # that is paid for has exactly one cost row, keyed by child and start date.
    starts = episodes[episodes["RNE"] != "L"]
    paid = starts[~starts["PLACE"].isin(["P1", "A3", "A4", "A5", "A6", "R5"])]
    keys = set(zip(paid["CHILD"], pd.to_datetime(paid["DECOM"], format="%d/%m/%Y")
                   .dt.strftime("%Y-%m-%d"), strict=True))
    assert set(zip(costs["CHILD"], costs["start_date"], strict=True)) == keys
    assert len(costs) == len(keys)
    assert set(costs["renegotiated"]) == {"yes", "no"}
