"""Tests for reportgen.data.load_dataset (fields → parse → validate → load): canonical frames
and row-level errors."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from reportgen.data import fields
from reportgen.data.load import load_dataset
from reportgen.errors import ReportgenError, ReportgenErrors

PLACEMENT_COLUMNS = [
    "reference",
    "placement_type",
    "provider_type",
    "provider",
    "start_date",
    "end_date",
    "weekly_cost",
    "health_contribution",
    "education_contribution",
    "child_name",
    "date_of_birth",
    "renegotiated",
]
HEADER = "reference,placement_type,provider_type,start_date,end_date,weekly_cost\n"


def csv(tmp_path: Path, text: str, name: str = "placements.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path, kind: str = "placements") -> list[str]:
    """Every error line load_dataset reports for ``path``, with the folder left out."""
    with pytest.raises(ReportgenError) as info:
        load_dataset(path, kind)  # type: ignore[arg-type]
    error = info.value
    lines = error.lines() if isinstance(error, ReportgenErrors) else [error.line()]
    return [line.replace(f"{path.parent}/", "") for line in lines]


# ------------------------------------------------------------------ canonical form


def test_placements_canonical_form(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Child Ref,Type,Provider Code,Placement Start,End Date,Cost per week,Health,"
        "Child Name,Notes\n"
        'P0001,IFA,PR4,01/04/2016,,"£1,234.56",100,Ann Smith,extra\n'
        "P0002,U4,PR1,2016-05-01,31/03/2017,450,,,\n"
        "P0003,U4,PR5,1 June 2016,,875,,,\n",
    )
    frame = load_dataset(path, "placements")
    assert list(frame.columns) == PLACEMENT_COLUMNS
    assert list(frame.index) == [2, 3, 4]
    assert frame["reference"].tolist() == ["P0001", "P0002", "P0003"]
    assert frame["placement_type"].tolist() == ["ifa", "in_house_fostering", "ifa"]
    assert frame["provider_type"].tolist() == ["private", "in_house", "voluntary"]
    assert frame["start_date"].tolist() == [
        pd.Timestamp("2016-04-01"),
        pd.Timestamp("2016-05-01"),
        pd.Timestamp("2016-06-01"),
    ]
    assert frame.loc[3, "end_date"] == pd.Timestamp("2017-03-31")
    assert pd.isna(frame.loc[2, "end_date"])
    assert frame["weekly_cost"].tolist() == [1234.56, 450.0, 875.0]
    assert frame["health_contribution"].tolist() == [100.0, 0.0, 0.0]  # blank → default 0
    assert frame["education_contribution"].tolist() == [0.0, 0.0, 0.0]  # absent → default 0
    assert frame["provider"].isna().all()
    assert frame.loc[2, "child_name"] == "Ann Smith"  # sensitive, kept for checks
    assert frame["date_of_birth"].isna().all()
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    assert dtypes == {
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
        "renegotiated": "string",
    }


def test_savings_canonical_form(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Area,Measure,Target,Achieved,Forecast,Status,Period\n"
        'Children\'s placements,Placement challenge panels,"£500,000",437000,,On track,'
        "2016-17 q1\n"
        "Leaving care,Housing benefit claims,200000,0,150000,at-risk,\n",
        "savings.csv",
    )
    frame = load_dataset(path, "savings")
    assert list(frame.columns) == [
        "area",
        "measure",
        "target",
        "achieved",
        "forecast",
        "status",
        "period",
    ]
    assert frame["target"].tolist() == [500000.0, 200000.0]
    assert frame["achieved"].tolist() == [437000.0, 0.0]
    assert pd.isna(frame.loc[2, "forecast"]) and frame.loc[3, "forecast"] == 150000.0
    assert frame["status"].tolist() == ["on_track", "at_risk"]
    assert frame.loc[2, "period"] == "2016/17 Q1"  # normalised to the label
    assert pd.isna(frame.loc[3, "period"])


def test_budget_canonical_form_with_alias(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Budget Line,Period,Budget,Projected Outturn\n"
        'Independent fostering placements,2010/11,"£3,030,748","£4,463,416"\n'
        'Residential placements,2016/17 M5,"2,457,373","3,836,120"\n',
        "budget.csv",
    )
    frame = load_dataset(path, "budget")
    assert list(frame.columns) == ["line", "group", "period", "budget", "projected_spend"]
    assert frame["group"].isna().all()  # optional, absent
    assert frame["period"].tolist() == ["2010/11", "2016/17 M5"]
    assert frame["budget"].tolist() == [3030748.0, 2457373.0]
    assert frame["projected_spend"].tolist() == [4463416.0, 3836120.0]


@pytest.mark.parametrize("alias", ["projected", "forecast", "actual", "outturn", "spend"])
def test_budget_projected_spend_aliases(tmp_path: Path, alias: str) -> None:
    path = csv(tmp_path, f"line,period,budget,{alias}\nFostering,2016/17,100,120\n", "b.csv")
    assert load_dataset(path, "budget")["projected_spend"].tolist() == [120.0]


# ------------------------------------------------------------------ money and dates


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('"£1,234.56"', 1234.56),
        ("1234", 1234.0),
        ('"1,234"', 1234.0),
        (" £ 875 ", 875.0),
        ("£0.50", 0.5),
        ('"£ 1,234,567"', 1234567.0),
        ("0", 0.0),
        ("-", 0.0),  # Excel's accounting format shows zero as a dash
    ],
)
def test_money_forms(tmp_path: Path, cell: str, expected: float) -> None:
    path = csv(tmp_path, HEADER + f"P1,IFA,Private,01/04/2016,,{cell}\n")
    assert load_dataset(path, "placements").loc[2, "weekly_cost"] == expected


@pytest.mark.parametrize("cell", ["twelve", '"1,23"', "£", "12.3.4", "(12", "£12p"])
def test_unreadable_money(tmp_path: Path, cell: str) -> None:
    path = csv(tmp_path, HEADER + f"P1,IFA,Private,01/04/2016,,{cell}\n")
    shown = cell.strip('"')
    # A placements file holds children's identifiers: a cell with a letter (a name typed in
    # the wrong column, perhaps) is never repeated (issue 24).
    quoted = "" if any(c.isalpha() for c in shown) else f", got '{shown}'"
    assert errors_of(path) == [
        f"placements.csv, row 2, column 'weekly_cost': expected money such as £1,234.56"
        f"{quoted}"
    ]


@pytest.mark.parametrize("cell", ['"(1,234)"', "-5", "£-5"])
def test_negative_money(tmp_path: Path, cell: str) -> None:
    path = csv(tmp_path, HEADER + f"P1,IFA,Private,01/04/2016,,{cell}\n")
    shown = cell.strip('"')
    assert errors_of(path) == [
        f"placements.csv, row 2, column 'weekly_cost': must not be negative, got '{shown}'"
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2016-04-01", "2016-04-01"),
        ("2016/04/01", "2016-04-01"),
        ("01/04/2016", "2016-04-01"),
        ("1/4/2016", "2016-04-01"),
        ("01.04.2016", "2016-04-01"),
        ("04/01/2016", "2016-01-04"),  # day first, never month first
        ("1 April 2016", "2016-04-01"),
        ("1st April 2016", "2016-04-01"),
        ("1 Apr 2016", "2016-04-01"),
        ("01-Apr-2016", "2016-04-01"),
        ("30 Sept 2016", "2016-09-30"),
        ("2016-04-01 00:00:00", "2016-04-01"),
        ("29/02/2016", "2016-02-29"),
    ],
)
def test_date_forms(tmp_path: Path, cell: str, expected: str) -> None:
    path = csv(tmp_path, HEADER + f"P1,IFA,Private,{cell},,100\n")
    assert load_dataset(path, "placements").loc[2, "start_date"] == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("31/02/2016", "impossible date '31/02/2016' (dates are read day first, as dd/mm/yyyy)"),
        ("04/13/2016", "impossible date '04/13/2016' (dates are read day first, as dd/mm/yyyy)"),
        ("29/02/2017", "impossible date '29/02/2017' (dates are read day first, as dd/mm/yyyy)"),
        ("2016-02-30", "impossible date '2016-02-30'"),
        # A cell with a letter is not repeated: a placements file identifies children.
        ("31 June 2016", "impossible date"),
        ("next week", "expected a date such as 01/04/2016 (day first) or 2016-04-01"),
        ("1 Foo 2016", "expected a date such as 01/04/2016 (day first) or 2016-04-01"),
        ("42461", "expected a date such as 01/04/2016 (day first) or 2016-04-01, got '42461'"),
    ],
)
def test_bad_dates(tmp_path: Path, cell: str, message: str) -> None:
    path = csv(tmp_path, HEADER + f"P1,IFA,Private,{cell},,100\n")
    assert errors_of(path) == [f"placements.csv, row 2, column 'start_date': {message}"]


def test_xlsx_with_excel_dates_serials_and_numbers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Reference", "Placement Type", "Provider", "Provider Type", "Start Date",
                  "End Date", "Weekly Cost"])  # fmt: skip
    sheet.append(["P1", "K2", "Acme", "PR4", datetime(2016, 4, 1), None, 3303])
    sheet.append(["P2", "U4", None, "PR1", 42461, "31/03/2017", 450.5])  # 42461 is 01/04/2016
    sheet.append([1003, "IFA", None, "Private", "1 May 2016", datetime(2016, 9, 30), "£875"])
    sheet["E2"].number_format = "dd/mm/yyyy"
    path = tmp_path / "placements.xlsx"
    book.save(path)
    frame = load_dataset(path, "placements")
    assert frame["reference"].tolist() == ["P1", "P2", "1003"]  # no "1003.0"
    assert frame["start_date"].tolist() == [
        pd.Timestamp("2016-04-01"),
        pd.Timestamp("2016-04-01"),
        pd.Timestamp("2016-05-01"),
    ]
    assert frame["end_date"].tolist()[1:] == [
        pd.Timestamp("2017-03-31"),
        pd.Timestamp("2016-09-30"),
    ]
    assert frame["weekly_cost"].tolist() == [3303.0, 450.5, 875.0]
    assert frame["placement_type"].tolist() == ["residential", "in_house_fostering", "ifa"]
    assert frame["provider"].tolist()[0] == "Acme"


def test_xlsx_errors_use_sheet_rows_and_headers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Reference", "Placement Type", "Provider Type", "Start Date", "Weekly Cost"])
    sheet.append(["P1", "K2", "PR4", datetime(2016, 4, 1), 100])
    sheet.append([None, None, None, None, None])
    sheet.append(["P2", "K2", "PR4", True, datetime(2016, 4, 1)])
    path = tmp_path / "placements.xlsx"
    book.save(path)
    assert errors_of(path) == [
        "placements.xlsx, row 4, column 'Start Date': expected a date such as 01/04/2016 "
        "(day first) or 2016-04-01, got True",
        "placements.xlsx, row 4, column 'Weekly Cost': expected money such as £1,234.56, "
        "got 01/04/2016",
    ]


# ------------------------------------------------------------------ one failing input per rule


def test_missing_required_column(tmp_path: Path) -> None:
    path = csv(
        tmp_path, "Reference,Placement Type,Provider Type,Start Date\nP1,IFA,PR4,01/04/2016\n"
    )
    assert errors_of(path) == [
        "placements.csv: missing column 'weekly_cost' (columns found: Reference, Placement Type, "
        "Provider Type, Start Date); also accepted as: cost_per_week, weekly_rate, weekly_fee, "
        "weekly_charge"
    ]


def test_every_missing_column_is_listed(tmp_path: Path) -> None:
    path = csv(tmp_path, "line,notes\nFostering,x\n", "budget.csv")
    lines = errors_of(path, "budget")
    assert [line.split(" (")[0] for line in lines] == [
        "budget.csv: missing column 'period'",
        "budget.csv: missing column 'budget'",
        "budget.csv: missing column 'projected_spend'",
    ]


def test_required_value_blank(tmp_path: Path) -> None:
    path = csv(tmp_path, HEADER + ",IFA,Private,01/04/2016,,100\n")
    assert errors_of(path) == [
        "placements.csv, row 2, column 'reference': a value is required (the cell is blank)"
    ]


def test_end_before_start(tmp_path: Path) -> None:
    path = csv(tmp_path, HEADER + "P1,IFA,Private,01/04/2016,01/03/2016,100\n")
    assert errors_of(path) == [
        "placements.csv, row 2, column 'end_date': end date 01/03/2016 is before start date "
        "01/04/2016"
    ]


def test_same_day_end_is_allowed(tmp_path: Path) -> None:
    path = csv(tmp_path, HEADER + "P1,IFA,Private,01/04/2016,01/04/2016,100\n")
    assert load_dataset(path, "placements").loc[2, "end_date"] == pd.Timestamp("2016-04-01")


def test_duplicate_reference(tmp_path: Path) -> None:
    rows = "".join(f"P000{i},IFA,Private,01/04/2016,,100\n" for i in range(1, 6))
    path = csv(tmp_path, HEADER + rows + "P0002,IFA,Private,01/04/2016,,100\n")
    assert errors_of(path) == [
        "placements.csv, row 7, column 'reference': duplicate reference (also on row 3)"
    ]


def test_unknown_placement_and_provider_type(tmp_path: Path) -> None:
    path = csv(tmp_path, HEADER + "P1,Boarding,Charity shop,01/04/2016,,100\n")
    assert errors_of(path) == [
        "placements.csv, row 2, column 'placement_type': unknown placement type: "
        "expected 'In-house fostering', 'Independent fostering agency (IFA)', 'Residential', "
        "'Kinship / connected carers', 'Semi-independent / leaving care', 'Placed with parents', "
        "'Secure', 'Other', or an SSDA903 placement code such as K2 or U4",
        "placements.csv, row 2, column 'provider_type': unknown provider type: "
        "expected 'in_house', 'private', 'voluntary', 'other_la' (or a label such as 'Private', "
        "or an SSDA903 code PR0–PR5)",
    ]


def test_unknown_savings_status(tmp_path: Path) -> None:
    path = csv(tmp_path, "area,measure,target,achieved,status\nA,M,100,50,Green\n", "s.csv")
    assert errors_of(path, "savings") == [
        "s.csv, row 2, column 'status': unknown status 'Green': expected one of 'achieved', "
        "'on_track', 'at_risk', 'not_achieved', 'planned' (or labels such as 'On track')"
    ]


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (
            "2016/18",
            "unrecognised period '2016/18': a financial year runs from 1 April to 31 March, so "
            "its two years must be consecutive, e.g. 2016/17",
        ),
        (
            "Q1 2016",
            "unrecognised period 'Q1 2016': expected a UK financial year such as 2016/17, a "
            "quarter such as 2016/17 Q1, or a month such as 2016/17 M5",
        ),
    ],
)
def test_bad_budget_period(tmp_path: Path, cell: str, message: str) -> None:
    path = csv(tmp_path, f"line,period,budget,projected_spend\nFostering,{cell},100,120\n", "b.csv")
    assert errors_of(path, "budget") == [f"b.csv, row 2, column 'period': {message}"]


def test_money_below_zero_in_savings(tmp_path: Path) -> None:
    path = csv(tmp_path, "area,measure,target,achieved,forecast\nA,M,100,50,-1\n", "s.csv")
    assert errors_of(path, "savings") == [
        "s.csv, row 2, column 'forecast': must not be negative, got '-1'"
    ]


@pytest.mark.parametrize("kind", ["placements", "savings", "budget"])
def test_header_only_is_no_rows(tmp_path: Path, kind: str) -> None:
    header = {
        "placements": HEADER,
        "savings": "area,measure,target,achieved\n",
        "budget": "line,period,budget,projected_spend\n",
    }[kind]
    path = csv(tmp_path, header, "data.csv")
    assert errors_of(path, kind) == ["data.csv: no rows: the file has a header row but no data"]


def test_empty_file_names_expected_columns(tmp_path: Path) -> None:
    path = csv(tmp_path, "", "budget.csv")
    assert errors_of(path, "budget") == [
        "budget.csv: file is empty: expected a header row with columns line, period, budget, "
        "projected_spend"
    ]


# ------------------------------------------------------------------ several errors at once


def test_every_error_reported_with_its_row_in_order(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Reference,Placement Type,Provider Type,Start Date,End Date,Weekly Cost\n"
        "P0001,IFA,Private,01/04/2016,,100\n"  # row 2: fine
        "P0002,Residential,PR4,01/04/2016,,twelve\n"  # row 3
        "P0003,Kinship,PR1,31/02/2016,,200\n"  # row 4
        "P0001,Secure,PR2,01/04/2016,01/03/2016,-5\n"  # row 5: three problems
        "\n"  # row 6: blank, skipped
        "P0006,IFA,,01/05/2016,,300\n",  # row 7
    )
    with pytest.raises(ReportgenErrors) as info:
        load_dataset(path, "placements")
    lines = [line.replace(f"{tmp_path}/", "") for line in info.value.lines()]
    assert lines == [
        "placements.csv, row 3, column 'Weekly Cost': expected money such as £1,234.56",
        "placements.csv, row 4, column 'Start Date': impossible date '31/02/2016' (dates are "
        "read day first, as dd/mm/yyyy)",
        "placements.csv, row 5, column 'Reference': duplicate reference (also on row 2)",
        "placements.csv, row 5, column 'End Date': end date 01/03/2016 is before start date "
        "01/04/2016",
        "placements.csv, row 5, column 'Weekly Cost': must not be negative, got '-5'",
        "placements.csv, row 7, column 'Provider Type': a value is required (the cell is blank)",
    ]
    assert info.value.row == 3  # the error itself is the first one


def test_unreadable_cell_is_reported_once(tmp_path: Path) -> None:
    # An unreadable required value is blank to the schema; only the parse error is shown.
    path = csv(tmp_path, HEADER + "P1,IFA,Private,someday,,lots\n")
    assert len(errors_of(path)) == 2


def test_header_punctuation_and_sensitive_columns(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "Ref.,Placement-Type,PROVIDER TYPE,Start Date,Weekly cost (£),Child's name,D.O.B.\n"
        "P1,Children's home,Other LA,01/04/2016,£3303,Ann Smith,02/03/2005\n",
    )
    frame = load_dataset(path, "placements")
    assert frame.loc[2, "weekly_cost"] == 3303.0
    assert frame.loc[2, "provider_type"] == "other_la"
    assert frame.loc[2, "child_name"] == "Ann Smith"
    assert frame.loc[2, "date_of_birth"] == pd.Timestamp("2005-03-02")


def test_canonical_name_wins_over_alias(tmp_path: Path) -> None:
    path = csv(
        tmp_path,
        "line,period,budget,forecast,projected_spend\nFostering,2016/17,100,90,120\n",
        "b.csv",
    )
    assert load_dataset(path, "budget")["projected_spend"].tolist() == [120.0]


def test_cp1252_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_bytes(
        'line,period,budget,spend\nFostering,2016/17,"£1,960,000","£2,040,174"\n'.encode("cp1252")
    )
    frame = load_dataset(path, "budget")
    assert frame["budget"].tolist() == [1960000.0]
    assert frame["projected_spend"].tolist() == [2040174.0]


# --------------------------------------------------------------------------- adding a data set


def test_a_registered_data_set_loads_with_counts_codes_and_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fields, "DATASETS", dict(fields.DATASETS))
    codes = fields.Codes("legal status", ("c2", "v2"),
                         read=lambda text, _parsed: text.str.lower().where(
                             text.str.lower().isin(["c2", "v2"])),
                         accepted=lambda: "'C2' or 'V2'")
    fields.register(
        "test_episodes",
        fields.Field("child", "text", True, ("child_ref",), unique=True),
        fields.Field("legal_status", "code", True, ("ls",), codes=codes),
        fields.Field("episodes", "count", True, ("number_of_episodes",)),
        fields.Field("started", "date", True),
    )
    path = csv(tmp_path, "Child ref,LS,Number of episodes,Started\n"
                         "A1,C2,\"1,204\",25th October 2016\n"
                         "A2,V2,3,2016-10-01\n", "episodes.csv")
    frame = load_dataset(path, "test_episodes")
    assert list(frame.columns) == ["child", "legal_status", "episodes", "started"]
    assert frame["episodes"].tolist() == [1204, 3]
    assert str(frame["episodes"].dtype) == "Int64"
    assert frame["legal_status"].tolist() == ["c2", "v2"]
    assert frame["started"].tolist() == [pd.Timestamp("2016-10-25"), pd.Timestamp("2016-10-01")]

    bad = csv(tmp_path, "child,legal_status,episodes,started\n"
                        "A1,E1,2.5,25/10/2016\n"
                        "A1,C2,-1,25/10/2016\n", "bad.csv")
    assert errors_of(bad, "test_episodes") == [
        "bad.csv, row 2, column 'legal_status': unknown legal status 'E1': expected 'C2' or 'V2'",
        "bad.csv, row 2, column 'episodes': expected a whole number such as 1,234, got '2.5'",
        "bad.csv, row 3, column 'child': duplicate child 'A1' (also on row 2)",
        "bad.csv, row 3, column 'episodes': must not be negative, got '-1'",
    ]


def test_register_refuses_a_second_data_set_of_the_same_name() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        fields.register("placements", fields.Field("x", "text", True))


def test_unknown_kind_names_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown data set kind 'widgets'.*'placements'"):
        load_dataset(csv(tmp_path, HEADER), "widgets")


def test_importing_the_data_layer_loads_neither_pandas_nor_pandera_nor_hypothesis() -> None:
    import subprocess
    import sys

    fixture = Path(__file__).parent.parent / "fixtures" / "rotherham-2010-commissioning"
    code = (
        "import sys\n"
        "import reportgen.data, reportgen.data.load\n"
        "from reportgen.data import load_dataset\n"
        "assert 'pandas' not in sys.modules and 'pandera' not in sys.modules\n"
        f"frame = load_dataset({str(fixture / 'data' / 'placements.csv')!r}, 'placements')\n"
        "assert 'pandera' not in sys.modules  # a clean file passes the plain check\n"
        "from reportgen.data.validate import failure_cases\n"
        "frame.loc[frame.index[0], 'weekly_cost'] = -1.0\n"
        "assert failure_cases('placements', frame) is not None\n"
        "assert 'pandera' in sys.modules\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'hypothesis'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
