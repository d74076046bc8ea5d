"""The indicators data set (and benchmarks, read by the same code): loading at the written
precision, names in narrative, the [table: indicators …] directive, and the figure checker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.checks.vocabulary import figures
from reportgen.context import make_environment, narrative_names, render_text
from reportgen.data import load_dataset
from reportgen.errors import ReportgenError, ReportgenErrors
from reportgen.metrics import compute_metrics
from reportgen.pipeline import load_report, produce
from reportgen.render.tables import build_table
from reportgen.styles import resolve_style
from tests.helpers import FIXTURES, document_text

BUNDLE = FIXTURES / "indicators-corporate-parenting"
LAC = "Looked after children per 10,000 children"

CSV = (
    "Measure,Period,Area,Area type,Value,Unit,Numerator,Denominator,Target\n"
    f'"{LAC}",as at 31 March 2024,Westshire,,42.0,"rate per 10,000",,,\n'
    f'"{LAC}",2024-03-31,England,,71,"rate per 10,000",,,\n'
    f'"{LAC}",31/03/2024,Eastshire,,50.25,,,,\n'
    f'"{LAC}",31 March 2024,Northshire,,60,,,,\n'
    f'"{LAC}",as at 31 March 2023,Westshire,,40.5,,,,\n'
    "Foster carers net increase,2015/16 Q3,,,-3,count,,,15\n"
    "Foster carers expected,2015/16 Q3,,,7,,,,\n"
    "Stability,2015/16 Q3,Westshire,council,11.50%,,36,313,10.0\n"
    "Spend,2015/16,Westshire,council,\"£1,234\",,,,\n"
    "Care leavers in EET,2015/16,Westshire,council,c,percentage,,,\n"
)


def _load(tmp_path: Path, text: str = CSV, name: str = "indicators.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_dataset(path, "indicators")


def _metrics(tmp_path: Path, text: str = CSV):
    return compute_metrics({"indicators": _load(tmp_path, text)}, council="Westshire Council")


def test_values_keep_their_written_precision_and_periods_their_standard_label(
        tmp_path: Path) -> None:
    frame = _load(tmp_path)
    first = frame.loc[2]
    assert (first["value"], first["decimals"], first["period"]) == (42.0, 1, "as at 31 March 2024")
    # Every way of writing the date is the same period.
    assert set(frame.loc[[2, 3, 4, 5], "period"]) == {"as at 31 March 2024"}
    assert frame.loc[4, "decimals"] == 2
    assert (frame.loc[9, "value"], frame.loc[9, "unit"]) == (11.5, "percentage")
    assert (frame.loc[10, "value"], frame.loc[10, "unit"]) == (1234.0, "£")
    assert frame.loc[11, "symbol"] == "c" and frame["value"].isna().sum() == 1


def test_bad_cells_are_reported_with_row_and_column(tmp_path: Path) -> None:
    text = ("measure,period,area,value,unit,area_type\n"
            "A,2016/18,X,1,,\n"           # not a financial year
            "A,2016/17,X,lots,,\n"        # not a number
            "A,2016/17,Y,1,furlongs,\n"   # unknown unit
            "A,2016/17,Z,1,,county\n"     # unknown area type
            "A,2016/17,,,,\n"             # blank value
            "B,2016/17,X,1,,\n"
            "b,2016/17,x,2,,\n"           # the same measure, period and area again
            "C,2016/17,X,£5,percentage,\n")
    with pytest.raises(ReportgenErrors) as err:
        _load(tmp_path, text, "bad.csv")
    lines = err.value.lines()
    assert any("row 2, column 'period'" in line and "consecutive" in line for line in lines)
    assert any("row 3, column 'value': expected a number" in line for line in lines)
    assert any("row 4, column 'unit': unknown unit 'furlongs'" in line for line in lines)
    assert any("row 5, column 'area_type': unknown area type 'county'" in line
               for line in lines)
    assert any("row 6, column 'value': a value is required" in line for line in lines)
    assert any("row 8, column 'measure'" in line and "also on row 7" in line for line in lines)
    assert any("row 9, column 'value'" in line and "£" in line for line in lines)


def test_the_council_neighbours_and_england_are_told_apart(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path)
    assert metrics.indicators is not None
    lac = metrics.indicators[LAC]
    assert [p.period for p in lac] == ["as at 31 March 2023", "as at 31 March 2024"]
    point = lac["as at 31 March 2024"]
    assert (point.area, point.value, point.shown) == ("Westshire", 42.0, "42.0")
    assert point.england == 71.0
    # (50.25 + 60) / 2, at the neighbours' own precision (two places).
    assert (point.neighbours_average, point.neighbours_decimals) == (55.125, 2)
    assert [a.area_type for a in point.areas] == [
        "council", "england", "statistical_neighbour", "statistical_neighbour"]
    # A row with no area is the council's.
    net = metrics.indicators["Foster carers net increase"]["2015/16 Q3"]
    assert (net.value, net.target, net.shown) == (-3.0, 15.0, "-3")


def _render(metrics, text: str) -> str:
    bundle = load_report(BUNDLE).bundle
    env = make_environment(resolve_style(None), autoescape=False)
    return render_text(env, text, narrative_names(bundle, metrics), "test")


def test_narrative_names_values_targets_areas_and_sums(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path)
    text = ("{{ indicators['Foster carers net increase']['2015/16 Q3'].value | number }} + "
            "{{ indicators['Foster carers expected']['2015/16 Q3'].value | number }} = "
            "{{ (indicators['Foster carers net increase']['2015/16 Q3'].value"
            " + indicators['Foster carers expected']['2015/16 Q3'].value) | number }}; "
            "target {{ indicators['Foster carers net increase']['2015/16 Q3'].target }}; "
            f"England {{{{ indicators['{LAC}']['as at 31 March 2024'].areas['England'].shown }}}}; "
            f"council {{{{ indicators['{LAC}'][-1].shown }}}}; "
            "{{ indicators['Stability']['2015/16 Q3'].shown }}")
    assert _render(metrics, text) == ("-3 + 7 = 4; target 15.0; England 71; council 42.0; 11.50%")


def test_an_unknown_period_names_those_there_are(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path)
    with pytest.raises(ReportgenError, match="no item '2015/16 Q4' here.*2015/16 Q3"):
        _render(metrics, "{{ indicators['Stability']['2015/16 Q4'].value }}")


def test_every_indicator_figure_expression_prints_its_value(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path)
    found = [f for f in figures(metrics) if f.key.startswith("indicators")]
    assert {f.key for f in found} >= {
        f"indicators['{LAC}']['as at 31 March 2024'].value",
        f"indicators['{LAC}']['as at 31 March 2024'].england",
        f"indicators['{LAC}']['as at 31 March 2024'].neighbours_average",
        "indicators['Foster carers net increase']['2015/16 Q3'].target",
        "indicators['Stability']['2015/16 Q3'].value",
    }
    shown = {f"indicators['{LAC}']['as at 31 March 2024'].value": "42.0",
             f"indicators['{LAC}']['as at 31 March 2024'].neighbours_average": "55.13",
             "indicators['Stability']['2015/16 Q3'].value": "11.50%",
             "indicators['Spend']['2015/16'].value": "£1,234"}
    for figure in found:
        if figure.key in shown:
            assert _render(metrics, figure.expression) == shown[figure.key], figure.key
    stability = next(f for f in found if f.key == "indicators['Stability']['2015/16 Q3'].value")
    assert (stability.unit, stability.value) == ("percent", 0.115)


def _table(metrics, *args: str):
    return build_table("indicators", args, metrics, None)  # type: ignore[arg-type]


def test_the_table_directive_selects_measures_areas_and_periods(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path)
    whole = _table(metrics, f'"{LAC}"', "periods=all")
    assert [c.header for c in whole.columns] == ["Area", "as at 31 March 2023",
                                                 "as at 31 March 2024"]
    # The areas with no 2023 figure show "x" (not available), which the note explains.
    assert whole.rows == (
        ("Westshire", "40.5", "42.0"), ("England", "x", "71"), ("Eastshire", "x", "50.25"),
        ("Northshire", "x", "60"), ("Statistical neighbours average", "x", "55.13"))
    assert whole.note is not None and "mean of the neighbours" in whole.note
    assert whole.note.endswith("Symbols: x = not available.") and whole.legend is not None
    picked = _table(metrics, f"“{LAC}”", "areas=council;england", "periods=latest")
    assert picked.rows == (("Westshire", "42.0"), ("England", "71"))
    assert picked.legend is None  # every figure there: no symbol to explain
    several = _table(metrics, '"Foster carers net increase";"Foster carers expected"')
    assert several.rows == (("Foster carers net increase", "-3"), ("Foster carers expected", "7"))
    for args, message in (
            (('"Nope"',), "no measure 'Nope'"),
            ((f'"{LAC}"', "areas=Atlantis"), "no area 'Atlantis'"),
            ((f'"{LAC}"', "periods=2030/31"), "no period '2030/31'"),
            (('"unclosed',), "unclosed quote")):
        with pytest.raises(ReportgenError, match=message):
            _table(metrics, *args)


def test_a_benchmarks_file_as_at_a_date_gives_a_table_and_names(tmp_path: Path) -> None:
    path = tmp_path / "benchmarks.csv"
    path.write_text("measure,area,value,period\n"
                    "LAC rate,Westshire,42.0,as at 31 March 2024\n"
                    "LAC rate,Eastshire,50,as at 31 March 2024\n"
                    "LAC rate,England,71,as at 31 March 2024\n", encoding="utf-8")
    metrics = compute_metrics({"benchmarks": load_dataset(path, "benchmarks")},
                              council="Westshire")
    table = build_table("benchmarks", [], metrics, None)  # type: ignore[arg-type]
    assert table.rows == (("Westshire", "42.0"), ("Eastshire", "50"), ("England", "71"))
    assert _render(metrics, "{{ benchmarks['LAC rate']['as at 31 March 2024'].shown }}") == "42.0"


def test_the_fixture_prints_indicator_and_benchmark_tables() -> None:
    produced = produce(BUNDLE, gate=False)
    assert [f.line() for f in produced.errors] == []
    text = document_text(produced.result.docx)
    assert "looked after 82.0 children in every ten thousand, against 57.1" in text
    assert "a net increase of 15 in the year, against the target of 15" in text
    assert "11.5% of children looked after had three or more placements" in text
    assert "Statistical neighbours average\n48.7%" in text  # (48.0 + 50.5 + 47.5) / 3


@pytest.mark.parametrize("old, new, expected", [
    ("{{ indicators['Children with three or more placements']['2015/16 Q3'].value"
     " | number(1) }}%", "14.5%", "the data give 11.5%"),
])
def test_check_catches_a_wrong_typed_figure(tmp_path: Path, old: str, new: str,
                                            expected: str) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(BUNDLE, bundle)
    path = bundle / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    produced = produce(bundle, gate=False)
    lines = [f.line() for f in produced.errors]
    assert any("figures.literal-mismatch" in line and expected in line for line in lines), lines


def test_the_starter_bundle_has_an_indicators_example(tmp_path: Path) -> None:
    from reportgen.starter import write_starter_bundle

    target = tmp_path / "new"
    write_starter_bundle(target)
    assert (target / "data" / "indicators.csv").is_file()
    produced = produce(target, gate=False)
    assert produced.loaded.metrics.indicators is not None
    assert "72.0 children in every ten thousand, against 68.4" in document_text(
        produced.result.docx)


# -- previous value and change: names of their own -------------------------------------------

SERIES = (
    "Measure,Period,Area,Value,Unit\n"
    "Foster carers,2016/17 Q1,,12,count\n"
    "Foster carers,2016/17 Q2,,15,count\n"
    "Foster carers,2015/16,,40,count\n"          # a year: compared with years only
    "Foster carers,2016/17,,44,count\n"
    "Foster carers,2016/17 Q4,,c,count\n"        # a symbol: no change to or from it
    "Stability,2016/17 Q1,,12.3,percentage\n"
    "Stability,2016/17 Q3,,11.1,percentage\n"    # no Q2: the change is since Q1, and says so
    "Stability,2016/17 Q1,England,10,percentage\n"
    f'"{LAC}",as at 31 March 2016,,40.5,\n'
    f'"{LAC}",as at 31 March 2017,,42.0,\n'
)


def test_a_point_names_its_previous_value_and_the_change_since(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path, SERIES)
    carers = metrics.indicators["Foster carers"]
    q2 = carers["2016/17 Q2"]
    assert (q2.previous_period, q2.previous, q2.previous_shown) == ("2016/17 Q1", 12.0, "12")
    assert q2.change is not None
    assert (q2.change.current, q2.change.previous, q2.change.difference, q2.change.since) == (
        15.0, 12.0, 3.0, "2016/17 Q1")
    year = carers["2016/17"]
    assert (year.previous_period, year.previous, year.change.difference) == (  # type: ignore[union-attr]
        "2015/16", 40.0, 4.0)
    assert carers["2016/17 Q1"].previous is None and carers["2016/17 Q1"].change is None
    assert carers["2015/16"].change is None
    q4 = carers["2016/17 Q4"]  # after a symbol's quarter nothing can be said of the change
    assert (q4.previous_period, q4.previous, q4.change) == ("2016/17 Q2", 15.0, None)
    q3 = metrics.indicators["Stability"]["2016/17 Q3"]
    assert q3.change is not None
    # 11.1 − 12.3 at the places written, not −1.2000000000000011.
    assert (q3.change.difference, q3.change.since) == (-1.2, "2016/17 Q1")
    lac = metrics.indicators[LAC]["as at 31 March 2017"]
    assert (lac.previous_period, lac.change.difference) == ("as at 31 March 2016", 1.5)  # type: ignore[union-attr]


def test_previous_and_change_read_in_narrative(tmp_path: Path) -> None:
    metrics = _metrics(tmp_path, SERIES)
    text = ("{% set p = indicators['Foster carers']['2016/17 Q2'] %}"
            "{{ p.value | number }} foster carers, {{ p.change.difference | number }} more than "
            "the {{ p.previous_shown }} of {{ p.change.since }}; "
            "{% set s = indicators['Stability'][-1] %}"
            "{{ s.change.difference | number(1) }} since {{ s.previous_period }}; "
            "{% if indicators['Foster carers']['2016/17 Q1'].change %}x{% else %}none{% endif %}")
    assert _render(metrics, text) == ("15 foster carers, 3 more than the 12 of 2016/17 Q1; "
                                      "-1.2 since 2016/17 Q1; none")
