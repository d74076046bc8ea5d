"""Charts: drawn from the data, described in alt text with their key figures, deterministic.

Expected figures are worked by hand from the fixture CSVs (see fixtures/README.md).
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx.shared import Cm
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.pipeline import load_report, render
from reportgen.render.charts import CHARTS, ChartOptions, build_chart
from reportgen.render.charts.draw import FONTS
from reportgen.render.docx import RenderResult

from .helpers import FIXTURES, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
HEREFORDSHIRE = FIXTURES / "herefordshire-2018-lac-cost-reduction"
ALL = (HARROW, ROTHERHAM, HEREFORDSHIRE)
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"

# Hand-worked key figures each chart's alt text must quote.
EXPECTED = {
    # 97; neighbours 62+47+73+45+58+55+70+67+66+57 = 600, / 10 = 60; England 64.
    (HEREFORDSHIRE.name, "benchmarks"): [
        "looked after children per 10,000 children in 2017/18",
        "Herefordshire 97", "statistical neighbours average 60", "England 64",
        "from 45 (North Yorkshire) to 73 (Cornwall)"],
    # 12 + 79 + 123 + 95 + 75 = 384 of 60 + 90 + 140 + 110 + 100 = 500; 384 / 500 = 76.8%.
    (HEREFORDSHIRE.name, "savings"): ["SGO £12k of £60k", "£384k", "£500k (77%)"],
    # 140 placements active on 2016-06-30; the 2 secure ones are below 5 and hidden, and
    # the 4 placed with parents (below 5 too); the total is safe to show: 6 between them.
    (HARROW.name, "placements_by_type"): ["on 30 June 2016", "In total 140 children",
                                          "Secure not shown", "Residential 20 at"],
    # Q1: (9,938,000 - 9,340,000) + (1,945,000 - 1,870,000) = 598,000 + 75,000 = 673,000.
    (HARROW.name, "spend_by_period"): ["2016/17", "Q1: budget £11,210,000",
                                       "projected spend £11,883,000", "overspend £673,000"],
    # 1,432,668 + 1,378,747 + 80,174 = 2,891,589 over all three 2010/11 lines.
    (ROTHERHAM.name, "budget"): ["budget line, 2010/11",
                                 "Independent fostering placements: budget £3,030,748",
                                 "overspend £1,432,668", "overspend £80,174",
                                 "overspend £2,891,589"],
}


def pictures(data: bytes) -> list[dict[str, str]]:
    """Every picture's wp:docPr attributes, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [dict(el.attrib) for el in root.iter(f"{{{WP}}}docPr")]


def extents(data: bytes) -> list[int]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [int(el.get("cx")) for el in root.iter(f"{{{WP}}}extent")]


@pytest.fixture(scope="module")
def results() -> dict[str, RenderResult]:
    return {path.name: render(load_report(path)) for path in ALL}


def test_every_picture_has_alt_text_with_its_key_figure(results: dict[str, RenderResult]) -> None:
    seen = set()
    for name, result in results.items():
        pics = pictures(result.docx)
        charts = list(result.charts.values())
        assert len(pics) == len(charts), name
        for pic, chart in zip(pics, charts, strict=True):
            descr = pic.get("descr", "")
            assert descr.strip(), name
            assert descr == chart.alt_text
            assert pic.get("title") == chart.caption
            for figure in chart.key_figures:
                assert figure in descr, (name, chart.name, figure)
            for phrase in EXPECTED[(name, chart.name)]:
                assert phrase in descr, (name, chart.name, phrase)
            seen.add((name, chart.name))
    assert seen == set(EXPECTED)


def test_picture_ids_are_unique_and_pictures_fill_the_text_width(
        results: dict[str, RenderResult]) -> None:
    for result in results.values():
        data = result.docx
        ids = [p["id"] for p in pictures(data)]
        assert len(ids) == len(set(ids))
        assert extents(data) and all(cx == Cm(16.6) for cx in extents(data))


def test_each_chart_kind_appears_in_a_fixture() -> None:
    used = set()
    for path in sorted(FIXTURES.glob("*/report.yaml")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\[chart:\s*([a-z_]+)", text))
    assert used == set(CHARTS)


def test_two_renders_are_byte_identical() -> None:
    first = render(load_report(HEREFORDSHIRE))
    second = render(load_report(HEREFORDSHIRE))
    assert hashlib.sha256(first.docx).digest() == hashlib.sha256(second.docx).digest()
    for key, chart in first.charts.items():
        assert chart.png == second.charts[key].png
        assert chart.png.startswith(b"\x89PNG")
        assert b"matplotlib" not in chart.png.lower()  # no software stamp


def test_counts_are_shown_only_in_a_non_public_report() -> None:
    loaded = load_report(HARROW)
    private = render(loaded, public=False).charts["chart placements_by_type"]
    assert "Secure 2 at £" in private.alt_text
    assert "fewer than" not in private.alt_text
    public = render(loaded).charts["chart placements_by_type"]
    assert "Secure 2" not in public.alt_text


def test_spend_by_period_shows_each_period_of_the_year_up_to_the_report(
        tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    (bundle / "data" / "budget.csv").write_text(
        "line,period,budget,projected_spend\n"
        "Placements,2015/16 Q4,1000000,1500000\n"
        "Placements,2016/17 Q1,1000000,1100000\n"
        "Placements,2016/17 Q2,1000000,1250000\n"
        "Placements,2016/17 Q3,1000000,900000\n", encoding="utf-8")
    edit_yaml(bundle, lambda d: d.__setitem__("period", "2016/17 Q2"))
    edit_yaml(bundle, lambda d: d.__setitem__("as_at", "2016-09-30"))
    chart = build_chart("spend_by_period", [], (loaded := load_report(bundle)).metrics,
                        loaded.datasets, ChartOptions("£", True, 5))
    # Last year's Q4 and this year's Q3 (after the report's period) are left out.
    assert chart.alt_text.endswith("Q1: budget £1,000,000, projected spend £1,100,000, "
                                   "overspend £100,000; Q2: budget £1,000,000, projected "
                                   "spend £1,250,000, overspend £250,000.")
    assert chart.key_figures == ("£250,000",)


def _benchmarks(tmp_path: Path, csv: str) -> Path:
    bundle = tmp_path / "b"
    shutil.copytree(HEREFORDSHIRE, bundle)
    (bundle / "data" / "benchmarks.csv").write_text(csv, encoding="utf-8")
    return bundle


def test_benchmark_area_types_can_be_left_out(tmp_path: Path) -> None:
    bundle = _benchmarks(tmp_path, (
        "Measure,Area,Value,Period\n"
        "Care leavers in education (%),Herefordshire Council,51.5,2017/18\n"
        "Care leavers in education (%),Shropshire,48,2017/18\n"
        "Care leavers in education (%),Powys,52,2017/18\n"
        "Care leavers in education (%),England,50,2017/18\n"
        "Care leavers in education (%),Herefordshire Council,40,2016/17\n"))
    loaded = load_report(bundle)
    chart = build_chart("benchmarks", [], loaded.metrics, loaded.datasets,
                        ChartOptions("£", True, 5, council="Herefordshire Council"))
    # Latest period only; (48 + 52) / 2 = 50.0; one decimal place as the data has one.
    assert chart.alt_text.startswith(
        "Bar chart of care leavers in education (%) in 2017/18: Herefordshire Council 51.5, "
        "statistical neighbours average 50.0, England 50.0.")


@pytest.mark.parametrize("csv, message", [
    ("measure,area,area_type,value,period\nLAC rate,Herefordshire,county,97,2017/18\n",
     "benchmarks.csv, row 2, column 'area_type': unknown area type 'county'"),
    ("measure,area,area_type,value,period\nLAC rate,Shropshire,statistical_neighbour,62,"
     "2017/18\n", "no row for the council in LAC rate, 2017/18"),
    ("measure,area,value,period\nA,Herefordshire,1,2017/18\nB,Herefordshire,2,2017/18\n",
     "the benchmarks data has several measures"),
])
def test_bad_benchmarks_are_reported(tmp_path: Path, csv: str, message: str) -> None:
    bundle = _benchmarks(tmp_path, csv)
    with pytest.raises(ReportgenError) as err:
        render(load_report(bundle))
    assert message in err.value.line()


def test_bad_benchmark_values_are_reported_by_the_loader(tmp_path: Path) -> None:
    bundle = _benchmarks(tmp_path, "measure,area,value,period\nLAC rate,Herefordshire,lots,"
                                   "2017/18\n")
    with pytest.raises(ReportgenError, match="row 2, column 'value'"):
        load_report(bundle)


def test_unknown_charts_and_missing_data_are_errors(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(ROTHERHAM, bundle)
    edit_yaml(bundle, lambda d: d["sections"].__setitem__("summary", "[chart: pie]"))
    with pytest.raises(ReportgenError, match="unknown chart 'pie'"):
        render(load_report(bundle))
    edit_yaml(bundle, lambda d: d["sections"].__setitem__("summary", "[chart: benchmarks]"))
    with pytest.raises(ReportgenError, match="needs the benchmarks data set"):
        render(load_report(bundle))
    edit_yaml(bundle, lambda d: d["sections"].__setitem__("summary", "[chart: budget 3]"))
    with pytest.raises(ReportgenError, match=r"unknown option '3'"):
        render(load_report(bundle))


def test_a_sans_serif_font_is_available_in_the_preferred_order() -> None:
    from matplotlib import font_manager

    found = font_manager.findfont(font_manager.FontProperties(family=FONTS),
                                  fallback_to_default=False)
    names = [font_manager.FontProperties(fname=found).get_name()]
    assert names[0] in FONTS
