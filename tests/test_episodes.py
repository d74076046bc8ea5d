"""SSDA903 episodes as the placements input: code lists with their dates, episodes joined into
placements, costs joined to them, care counts, and child identifiers kept in the data layer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from reportgen.checks.vocabulary import figures
from reportgen.data import ssda903
from reportgen.data.episodes import load_ssda903
from reportgen.errors import ReportgenError, ReportgenErrors
from reportgen.metrics import compute_metrics
from reportgen.metrics.episodes import care_metrics
from reportgen.periods import parse_period
from reportgen.pipeline import load_report, produce
from tests.helpers import FIXTURES, ROOT, document_text

BUNDLE = FIXTURES / "ssda903-placements-2023"
DATA = BUNDLE / "data"
HEAD = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
EPI = ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
       "PL_POST,URN\n")
COSTS = "CHILD,start_date,weekly_cost,renegotiated\n"
# Two children: 700001 has a legal status change (L) inside one placement, then a move (P);
# 700002 starts and leaves care in the quarter.
EPISODES = (
    "700001,01/04/2023,S,C2,N1,U6,PR4,01/06/2023,X1,,HR1 2,WR2 3,1234567\n"
    "700001,01/06/2023,L,C1,N1,U6,PR4,01/08/2023,X1,CARPL,HR1 2,WR2 3,1234567\n"
    "700001,01/08/2023,P,C1,N1,K2,PR4,,,,HR1 2,B9 6,SC123456\n"
    "700002,10/10/2023,S,V2,N4,U4,PR1,20/11/2023,E4A,,HR4 1,HR4 2,\n"
)
HEADER = HEAD + "700001,1,01/05/2010,WBRI,,,\n700002,2,12/12/2015,WBRI,,,\n"
COST_ROWS = (COSTS + "700001,2023-04-01,950.00,yes\n700001,2023-08-01,4800.00,no\n"
             "700002,2023-10-10,300.00,\n")


def _write(tmp_path: Path, episodes: str = EPISODES, header: str = HEADER,
           costs: str = COST_ROWS) -> tuple[Path, Path, Path]:
    paths = (tmp_path / "episodes.csv", tmp_path / "header.csv", tmp_path / "costs.csv")
    for path, text in zip(paths, (EPI + episodes, header, costs), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths


def _errors(tmp_path: Path, **files: str) -> list[str]:
    with pytest.raises(ReportgenError) as err:
        load_ssda903(*_write(tmp_path, **files))
    exc = err.value
    return exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]


def test_episodes_are_joined_into_placements_and_costed(tmp_path: Path) -> None:
    out = load_ssda903(*_write(tmp_path))
    placements = out["placements"]
    # Three placements: the L episode continues the first one.
    assert list(placements.index) == [2, 4, 5]
    assert list(placements["placement_type"]) == ["ifa", "residential", "in_house_fostering"]
    assert list(placements["start_date"].dt.strftime("%Y-%m-%d")) == [
        "2023-04-01", "2023-08-01", "2023-10-10"]
    assert placements.loc[2, "end_date"] == pd.Timestamp("2023-08-01")
    assert pd.isna(placements.loc[4, "end_date"])
    assert list(placements["weekly_cost"]) == [950.0, 4800.0, 300.0]
    assert list(placements["renegotiated"]) == [True, False, False]
    # No child identifier leaves the data layer.
    for frame in out.values():
        assert "700001" not in frame.to_csv()
    assert set(placements["reference"]) == {"P00001", "P00002", "P00003"}


def test_care_counts_as_at_a_date_and_in_a_period(tmp_path: Path) -> None:
    episodes = load_ssda903(*_write(tmp_path))["episodes"]
    q3 = care_metrics(episodes, pd.Timestamp("2023-12-31").date(),
                      pd.Timestamp("2023-10-01").date(), pd.Timestamp("2023-12-31").date())
    assert (q3.looked_after, q3.started, q3.ceased, q3.placement_changes) == (1, 1, 1, 0)
    q2 = care_metrics(episodes, pd.Timestamp("2023-09-30").date(),
                      pd.Timestamp("2023-07-01").date(), pd.Timestamp("2023-09-30").date())
    assert (q2.looked_after, q2.started, q2.placement_changes, q2.placements_started) == (
        1, 0, 1, 1)
    # Short breaks (V3, V4) are not looked after on a date.
    breaks = load_ssda903(*_write(tmp_path, episodes=EPISODES.replace(",V2,", ",V3,")))
    on = pd.Timestamp("2023-11-01").date()
    assert care_metrics(breaks["episodes"], on).looked_after == 1
    assert care_metrics(episodes, on).looked_after == 2


def test_three_or_more_placements_in_the_year(tmp_path: Path) -> None:
    moves = ("700001,01/04/2023,S,C2,N1,U6,PR1,01/06/2023,X1,,HR1 2,HR2 3,\n"
             "700001,01/06/2023,P,C2,N1,U6,PR1,01/09/2023,X1,CARPL,HR1 2,HR2 3,\n"
             "700001,01/09/2023,T,C1,N1,U4,PR1,,,,HR1 2,HR2 3,\n"
             "700002,10/10/2023,S,C2,N4,U4,PR1,,,,HR4 1,HR4 2,\n")
    costs = (COSTS + "700001,2023-04-01,300,\n700001,2023-06-01,300,\n700001,2023-09-01,300,\n"
             "700002,2023-10-10,300,\n")
    episodes = load_ssda903(*_write(tmp_path, episodes=moves, costs=costs))["episodes"]
    care = care_metrics(episodes, pd.Timestamp("2024-03-31").date())
    assert (care.looked_after, care.three_or_more_placements) == (2, 1)
    assert care.three_or_more_placements_pct == 0.5


@pytest.mark.parametrize("row, expected", [
    # P2 ends on 28 October 2023 (rule 217t): an episode open after it may not be P2.
    ("700003,01/09/2023,S,C2,N1,P2,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'PLACE': placement type P2 is not valid for an episode open after 28/10/2023"),
    # An English H5 placement open from 29 October 2023 needs its URN (rule 230).
    ("700003,01/09/2023,S,C2,N1,H5,PR4,,,,HR1 2,WR1 3,\n",
     "row 6, column 'URN': an Ofsted URN is required for an H5 placement in England"),
    ("700003,01/09/2023,S,C2,N1,H5,PR4,,,,HR1 2,WR1 3,XXXXXXX\n",
     "row 6, column 'URN': an Ofsted URN is required"),
    # K3 (supported accommodation) starts with the 2025/26 return.
    ("700003,01/09/2023,S,C2,N1,K3,PR4,01/10/2023,E8,,HR1 2,WR1 3,SC000001\n",
     "row 6, column 'PLACE': placement type K3 is only valid from 01/04/2025"),
    ("700003,01/09/2023,S,C9,N1,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'LS': unknown legal status (LS) 'C9'"),
    ("700003,01/09/2023,X,C2,N1,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'RNE': unknown reason for new episode (RNE) 'X'"),
    ("700003,01/09/2023,S,C2,N9,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'CIN': unknown category of need (CIN) 'N9'"),
    ("700003,01/09/2023,S,C2,N1,U4,PR7,,,,HR1 2,HR1 3,\n",
     "row 6, column 'PLACE_PROVIDER': unknown placement provider"),
    ("700003,01/09/2023,S,C2,N1,U4,,,,,HR1 2,HR1 3,\n",
     "row 6, column 'PLACE_PROVIDER': a value is required"),
    ("700003,01/09/2023,S,C2,N1,U4,PR1,01/10/2023,,,HR1 2,HR1 3,\n",
     "row 6, column 'REC': a reason the episode ceased (REC) is required"),
    ("700003,01/09/2023,S,C2,N1,U4,PR1,01/08/2023,E8,,HR1 2,HR1 3,\n",
     "row 6, column 'DEC': the episode ends (01/08/2023) before it starts (01/09/2023)"),
    ("700003,31/02/2023,S,C2,N1,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'DECOM': impossible date '31/02/2023'"),
    ("700009,01/09/2023,S,C2,N1,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'CHILD': this child is not in the header file header.csv"),
    ("700001,01/09/2023,P,C2,N1,U4,PR1,,,,HR1 2,HR1 3,\n",
     "row 6, column 'DECOM': the episode starts (01/09/2023) while the child's previous "
     "episode, on row 4, is still open"),
])
def test_episode_codes_are_checked_with_their_dates(tmp_path: Path, row: str,
                                                    expected: str) -> None:
    header = HEADER + "700003,1,01/01/2007,WBRI,,,\n"
    costs = COST_ROWS + "700003,2023-09-01,500,\n"
    lines = _errors(tmp_path, episodes=EPISODES + row, header=header, costs=costs)
    assert any(expected in line for line in lines), lines
    # Nothing that identifies a child is quoted.
    for line in lines:
        for secret in ("700001", "700003", "700009", "HR1 2", "01/01/2007"):
            assert secret not in line


def test_an_h5_placement_outside_england_needs_no_urn(tmp_path: Path) -> None:
    header = HEADER + "700003,1,01/01/2007,WBRI,,,\n"
    costs = COST_ROWS + "700003,2023-09-01,500,\n"
    row = "700003,01/09/2023,S,C2,N1,H5,PR4,,,,HR1 2,CF10 1,\n"
    out = load_ssda903(*_write(tmp_path, episodes=EPISODES + row, header=header, costs=costs))
    assert "semi_independent" in set(out["placements"]["placement_type"])


def test_every_unmatched_cost_and_uncosted_placement_is_named(tmp_path: Path) -> None:
    costs = (COSTS + "700001,2023-04-01,950.00,yes\n"   # matches
             "700001,2023-04-02,950.00,no\n"              # no placement starts then
             "700001,2023-04-01,100.00,no\n"              # a second cost for one placement
             "700002,2023-10-10,lots,no\n"                # not money
             "700002,2023-10-10,300.00,perhaps\n")        # not yes or no
    lines = _errors(tmp_path, costs=costs)
    assert any("costs.csv, row 3, column 'start_date': no placement in episodes.csv has "
               "this child and start date 02/04/2023" in line for line in lines), lines
    assert any("costs.csv, row 4, column 'start_date': a second cost for the same placement "
               "(also on row 2)" in line for line in lines), lines
    assert any("costs.csv, row 5, column 'weekly_cost': expected money" in line
               for line in lines), lines
    assert any("costs.csv, row 6, column 'renegotiated': expected yes or no, got 'perhaps'"
               in line for line in lines), lines
    # The residential placement from 01/08/2023 has no cost at all.
    assert any("episodes.csv, row 4, column 'DECOM': no cost in costs.csv for the placement "
               "starting 01/08/2023 (placement type K2): it needs a row with the child and "
               "start date 01/08/2023" in line for line in lines), lines
    for line in lines:
        assert "700001" not in line and "700002" not in line


def test_costs_may_be_keyed_by_provider_urn(tmp_path: Path) -> None:
    costs = ("URN,start_date,weekly_cost\n1234567,2023-04-01,950\nSC123456,2023-08-01,4800\n"
             "XXXXXXX,2023-10-10,300\n")
    episodes = EPISODES.replace("HR4 2,\n", "HR4 2,XXXXXXX\n")
    out = load_ssda903(*_write(tmp_path, episodes=episodes, costs=costs))
    assert list(out["placements"]["weekly_cost"]) == [950.0, 4800.0, 300.0]


def test_missing_columns_and_header_problems(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    paths[0].write_text("CHILD,DECOM,RNE\n700001,01/04/2023,S\n", encoding="utf-8")
    with pytest.raises(ReportgenError, match="missing columns LS, CIN, PLACE in the episodes"):
        load_ssda903(*paths)
    lines = _errors(tmp_path, header=HEADER + "700001,1,02/05/2010,WBRI,,,\n")
    assert any("header.csv, row 4, column 'CHILD': the same child appears twice" in line
               for line in lines)


# --------------------------------------------------------------------------- the fixture


def test_the_fixture_renders_and_every_figure_is_from_the_data() -> None:
    produced = produce(BUNDLE, gate=False)
    assert [f.line() for f in produced.errors] == []
    loaded = produced.loaded
    care, placements = loaded.metrics.care, loaded.metrics.placements
    assert care is not None and placements is not None
    text = document_text(produced.result.docx)
    assert (f"the council looked after {care.looked_after} children. In the quarter "
            f"{care.started} children started to be looked after") in text
    assert placements.renegotiated is not None and placements.renegotiated > 0
    assert placements.top_weekly_cost == sum(p.weekly_cost for p in placements.top)
    keys = {f.key for f in figures(loaded.metrics)}
    assert {"care.started", "care.ceased", "care.three_or_more_placements",
            "placements.renegotiated", "placements.top_weekly_cost"} <= keys
    # No CHILD identifier reaches the document.
    children = set(pd.read_csv(DATA / "header.csv", dtype=str)["CHILD"])
    assert not any(child in text for child in children)


def test_the_fixture_metrics_agree_with_plain_pandas() -> None:
    epi = pd.read_csv(DATA / "episodes.csv", dtype=str, keep_default_na=False)
    decom = pd.to_datetime(epi["DECOM"], format="%d/%m/%Y")
    dec = pd.to_datetime(epi["DEC"].replace("", None), format="%d/%m/%Y")
    care = ~epi["LS"].isin(["V3", "V4"])
    day = pd.Timestamp("2023-12-31")
    open_on = care & (decom <= day) & (dec.isna() | (dec > day))
    q3 = decom.between("2023-10-01", "2023-12-31")
    metrics = load_report(BUNDLE).metrics
    assert metrics.care is not None
    assert metrics.care.looked_after == epi.loc[open_on, "CHILD"].nunique()
    assert metrics.care.started == epi.loc[care & q3 & (epi["RNE"] == "S"), "CHILD"].nunique()
    ended = care & dec.between("2023-10-01", "2023-12-31") & (epi["REC"] != "X1")
    assert metrics.care.ceased == epi.loc[ended, "CHILD"].nunique()


def test_check_catches_a_wrong_typed_count(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    old = "{{ care.placement_changes }} changes of placement"
    assert old in text
    path.write_text(text.replace(old, "12 changes of placement"), "utf-8")
    lines = [f.line() for f in produce(bundle, gate=False).errors]
    moves = load_report(BUNDLE).metrics.care.placement_changes  # type: ignore[union-attr]
    assert any("figures.literal-mismatch" in line and f"the data give {moves}" in line
               for line in lines), lines


def test_a_report_period_gives_quarter_flows() -> None:
    loaded = load_report(BUNDLE, period="2023/24 Q2")
    care = loaded.metrics.care
    assert care is not None and care.start == parse_period("2023/24 Q2").start
    again = compute_metrics(loaded.datasets, parse_period("2023/24 Q2"))
    assert again.care == care


# --------------------------------------------------------------------------- csc-validator

# Code lists of csc-validator-be-903 0.1.17 (lac_validator/rules: 143 RNE, 144 LS, 145 CIN,
# 146 PLACE for 2022/23 and 2025/26, 149 REC, 178 PLACE_PROVIDER, 1009 REASON_PLACE_CHANGE),
# copied so that the DfE's lists check ours even where the validator cannot be installed.
VALIDATOR_CODES = {
    "RNE": {"S", "P", "L", "T", "U", "B"},
    "LS": {"C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"},
    "CIN": {"N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"},
    "PLACE_2022": {"A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3",
                   "R5", "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6",
                   "Z1"},
    "PLACE_2025": {"A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5",
                   "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11",
                   "Z12", "Z13", "Z14"},
    "REC": {"E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48",
            "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"},
    "PLACE_PROVIDER": {"PR0", "PR1", "PR2", "PR3", "PR4", "PR5"},
    "REASON_PLACE_CHANGE": {"CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO",
                            "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"},
}


def test_our_code_lists_are_the_validators() -> None:
    assert set(ssda903.RNE_CODES) == VALIDATOR_CODES["RNE"]
    assert VALIDATOR_CODES["LS"] == ssda903.LS_CODES
    assert VALIDATOR_CODES["CIN"] == ssda903.CIN_CODES
    assert set(ssda903.SSDA903_PLACEMENT_CODES) == (VALIDATOR_CODES["PLACE_2022"]
                                                     | VALIDATOR_CODES["PLACE_2025"])
    # The codes that come and go are exactly the ones with dates.
    assert set(ssda903.PLACE_VALID) == (VALIDATOR_CODES["PLACE_2022"]
                                        ^ VALIDATOR_CODES["PLACE_2025"])
    assert VALIDATOR_CODES["REC"] == ssda903.REC_CODES
    assert VALIDATOR_CODES["PLACE_PROVIDER"] == ssda903.PROVIDER_CODES
    assert VALIDATOR_CODES["REASON_PLACE_CHANGE"] == ssda903.REASON_PLACE_CHANGE_CODES


def test_the_fixture_episodes_use_the_validators_codes() -> None:
    epi = pd.read_csv(DATA / "episodes.csv", dtype=str, keep_default_na=False)
    for column, codes in (("RNE", "RNE"), ("LS", "LS"), ("CIN", "CIN"), ("PLACE", "PLACE_2022"),
                          ("PLACE_PROVIDER", "PLACE_PROVIDER"),
                          ("REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE"), ("REC", "REC")):
        used = set(epi[column]) - {""}
        assert used <= VALIDATOR_CODES[codes], (column, used - VALIDATOR_CODES[codes])
    # A realistic mix: most children are fostered; every main kind of placement is there.
    share = epi["PLACE"].str.startswith("U").mean()
    assert 0.5 < share < 0.9
    assert {"U4", "U6", "U3", "K2", "P1"} <= set(epi["PLACE"])


# csc-validator-be-903 pins pandas < 2, so it cannot be a test extra beside reportgen's
# pandas; point CSC_VALIDATOR_903_PYTHON at the interpreter of an environment that has it
# (python -m venv v && v/bin/pip install csc-validator-be-903).
VALIDATOR_PYTHON = os.environ.get("CSC_VALIDATOR_903_PYTHON")
RULES = "143,144,145,146,149,178,1009,217t"


def _validate(episodes: Path, header: Path) -> dict[str, int]:
    assert VALIDATOR_PYTHON is not None
    result = subprocess.run(
        [VALIDATOR_PYTHON, str(ROOT / "tests" / "lac_validator_run.py"), str(episodes),
         str(header), "2024", RULES], capture_output=True, text=True, check=True, timeout=600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_csc_validator_passes_the_fixture_and_fails_a_broken_copy(tmp_path: Path) -> None:
    if VALIDATOR_PYTHON is None:
        # .ci/run installs the validator: in CI its absence is a failure, never a skip.
        if os.environ.get("CI") == "true":
            pytest.fail("CSC_VALIDATOR_903_PYTHON is not set: .ci/run installs the DfE's "
                        "validator in a venv of its own")
        pytest.skip("CSC_VALIDATOR_903_PYTHON is not set")
    assert _validate(DATA / "episodes.csv", DATA / "header.csv") == {}
    epi = pd.read_csv(DATA / "episodes.csv", dtype=str, keep_default_na=False)
    still_open = epi.index[epi["DEC"] == ""]
    epi.loc[still_open[0], "PLACE"] = "P2"  # rule 217t
    epi.loc[still_open[1], "LS"] = "Q9"  # rule 144
    broken = tmp_path / "episodes.csv"
    epi.to_csv(broken, index=False)
    failures = _validate(broken, DATA / "header.csv")
    assert failures["217t"] == 1 and failures["144"] == 1
    # reportgen refuses the same two rows.
    with pytest.raises(ReportgenErrors) as err:
        load_ssda903(broken, DATA / "header.csv", DATA / "costs.csv")
    assert len(err.value.errors) == 2


def test_a_placements_file_may_flag_renegotiated_costs(tmp_path: Path) -> None:
    from reportgen.data import load_dataset

    path = tmp_path / "placements.csv"
    path.write_text("reference,placement_type,provider_type,start_date,weekly_cost,"
                    "Cost renegotiated\n"
                    "P1,IFA,PR4,01/04/2016,900,Yes\nP2,K2,PR4,01/04/2016,3000,no\n"
                    "P3,K2,PR4,01/04/2016,3100,\nP4,K2,PR4,01/07/2016,3100,y\n", "utf-8")
    frame = load_dataset(path, "placements")
    on = pd.Timestamp("2016-06-30").date()
    counted = compute_metrics({"placements": frame}, as_at=on).placements
    assert counted is not None and counted.renegotiated == 1  # P4 starts after 30 June
    path.write_text(path.read_text("utf-8").replace(",Yes", ",perhaps"), "utf-8")
    with pytest.raises(ReportgenError, match="row 2, column 'Cost renegotiated': unknown yes "
                                             "or no value: expected"):  # never the cell
        load_dataset(path, "placements")
    # Without the column the data say nothing: no figure, rather than a count of 0.
    plain = tmp_path / "plain.csv"
    plain.write_text("reference,placement_type,provider_type,start_date,weekly_cost\n"
                     "P1,IFA,PR4,01/04/2016,900\n", "utf-8")
    metrics = compute_metrics({"placements": load_dataset(plain, "placements")}, as_at=on)
    assert metrics.placements is not None and metrics.placements.renegotiated is None
    assert "placements.renegotiated" not in {f.key for f in figures(metrics)}


# --------------------------------------------------------------------------- temporary placements

RESPITE = (
    "700001,01/04/2023,S,C2,N1,U6,PR4,01/06/2023,X1,,HR1 2,WR2 3,1234567\n"
    "700001,01/06/2023,P,C2,N1,T3,,08/06/2023,X1,,HR1 2,,\n"
    "700001,08/06/2023,P,C2,N1,U6,PR4,,,,HR1 2,WR2 3,1234567\n"
    "700002,10/10/2023,S,V2,N4,U4,PR1,20/11/2023,E4A,,HR4 1,HR4 2,\n"
)


def test_the_finance_costs_file_needs_no_row_for_a_respite_week(tmp_path: Path) -> None:
    costs = COSTS + "700001,2023-04-01,950.00,no\n700002,2023-10-10,300.00,\n"
    out = load_ssda903(*_write(tmp_path, episodes=RESPITE, costs=costs))
    placements = out["placements"]
    # One placement through the respite week, to its return and on: still open.
    assert list(placements["start_date"].dt.strftime("%d/%m/%Y")) == ["01/04/2023",
                                                                      "10/10/2023"]
    assert pd.isna(placements["end_date"].iloc[0])
    assert list(placements["child"]) == ["C00001", "C00002"]


def test_a_cost_row_for_a_respite_week_or_its_return_says_why(tmp_path: Path) -> None:
    costs = (COSTS + "700001,2023-06-01,400.00,no\n700001,2023-06-08,950.00,no\n"
             "700002,2023-10-10,300.00,\n")
    lines = _errors(tmp_path, episodes=RESPITE, costs=costs)
    assert any("costs.csv, row 2, column 'start_date': no placement starts on 01/06/2023 for "
               "this child: the episode starting then (episodes.csv row 3) is a temporary "
               "placement, which is not a placement of its own and needs no cost row" in line
               for line in lines), lines
    assert any("costs.csv, row 3, column 'start_date': no placement starts on 08/06/2023 for "
               "this child: the episode starting then (episodes.csv row 4) returns the child "
               "from a temporary placement to the placement that started on 01/04/2023 (row "
               "2), whose own cost row covers it" in line for line in lines), lines
    # And the placement itself has no cost: the message says which row it needs.
    assert any("episodes.csv, row 2, column 'DECOM': no cost in costs.csv for the placement "
               "starting 01/04/2023 (placement type U6): it needs a row with the child and "
               "start date 01/04/2023; the child's return from a temporary placement on "
               "08/06/2023 continues this placement" in line for line in lines), lines


def test_every_data_error_at_once_each_cross_row_one_naming_both_rows(tmp_path: Path) -> None:
    episodes = (
        "700001,01/04/2023,S,C2,N1,U6,PR4,01/06/2023,X1,,HR1 2,WR2 3,1234567\n"
        "700001,01/06/2023,P,C2,N1,T3,,08/06/2023,X1,,HR1 2,,\n"
        "700001,08/06/2023,P,C2,N1,K2,PR4,,,,HR1 2,WR2 3,SC111111\n"     # not its placement
        "700002,10/10/2023,S,V2,N4,T1,,20/11/2023,X1,,HR4 1,,\n"         # starts with T1
        "700002,15/11/2023,P,V2,N4,U4,PR1,,,,HR4 1,HR4 2,\n"             # overlaps, and X1 gap
        "700003,01/09/2023,S,C2,N1,Q7,PR1,,,,HR1 2,HR1 3,\n"             # unknown PLACE
    )
    header = HEADER + "700003,1,01/01/2007,WBRI,,,\n"
    costs = COSTS + "700001,2023-04-01,950,no\n700001,2023-06-08,4000,no\n"
    lines = _errors(tmp_path, episodes=episodes, header=header, costs=costs)
    expected = [
        "row 4, column 'PLACE': after the temporary placement on row 3 the child must return "
        "to their placement (PLACE U6, row 2), not to K2",
        "row 5, column 'PLACE': a period of care cannot start with a temporary placement (T1)",
        "row 6, column 'DECOM': the episode starts (15/11/2023) before the child's previous "
        "episode, on row 5, ended (20/11/2023)",
        "row 7, column 'PLACE': unknown placement type (PLACE) 'Q7': expected one of A3, A4, "
        "A5, A6, H5, K1, K2, K3, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, "
        "U3, U4, U5, U6, Z1, Z11, Z12, Z13, Z14",
    ]
    for text in expected:
        assert any(text in line for line in lines), (text, lines)


def test_an_x1_episode_is_followed_the_same_day(tmp_path: Path) -> None:
    episodes = EPISODES.replace("700001,01/08/2023,P,", "700001,05/08/2023,P,")
    costs = COST_ROWS.replace("2023-08-01", "2023-08-05")
    lines = _errors(tmp_path, episodes=episodes, costs=costs)
    assert any("row 4, column 'DECOM': the episode starts on 05/08/2023 but the child's "
               "previous episode, on row 3, ended on 01/08/2023 with REC X1" in line
               for line in lines), lines
    last = EPISODES.replace("700002,10/10/2023,S,V2,N4,U4,PR1,20/11/2023,E4A",
                            "700002,10/10/2023,S,V2,N4,U4,PR1,20/11/2023,X1")
    lines = _errors(tmp_path, episodes=last)
    assert any("row 5, column 'REC': REC X1 says a new episode begins the day this one ends, "
               "but the child has no later episode" in line for line in lines), lines
