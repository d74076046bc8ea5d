"""Charts: native Word charts drawn from the data, their numbers in an embedded workbook,
described in alt text with their key figures, suppressed counts nowhere, deterministic.

Expected figures are worked by hand from the fixture CSVs (see fixtures/README.md); the
suppression tests use generated placements.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from docx.shared import Cm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.metrics import compute_metrics
from reportgen.pipeline import load_report, render
from reportgen.render.charts import CHARTS, ChartOptions, ChartSpec, build_chart
from reportgen.render.docx import RenderResult
from reportgen.render.tables import TableOptions, placements_by_type_table

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


C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def pictures(data: bytes) -> list[dict[str, str]]:
    """Every drawing's wp:docPr attributes, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [dict(el.attrib) for el in root.iter(f"{{{WP}}}docPr")]


def extents(data: bytes) -> list[int]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [int(el.get("cx")) for el in root.iter(f"{{{WP}}}extent")]


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """rId -> (type, resolved part name) of ``part``'s relationships."""
    folder, name = part.rsplit("/", 1)
    root = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
    out = {}
    for rel in root.iter(f"{{{PR}}}Relationship"):
        target = rel.get("Target")
        resolved = target.lstrip("/") if target.startswith("/") else \
            posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id")] = (rel.get("Type"), resolved)
    return out


def native_charts(data: bytes) -> list[dict]:
    """Every inline chart in document order: its docPr, chart part name and XML, its
    workbook's name and bytes, resolved through the relationships as Word resolves them."""
    charts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
        doc_rels = _rels(z, "word/document.xml")
        for inline in root.iter(f"{{{WP}}}inline"):
            data_el = inline.find(f".//{{{A}}}graphicData")
            if data_el is None or data_el.get("uri") != C:
                continue
            r_id = data_el.find(f"{{{C}}}chart").get(f"{{{R}}}id")
            kind, part = doc_rels[r_id]
            assert kind == R + "/chart"
            xml = etree.fromstring(z.read(part))
            book_id = xml.find(f"{{{C}}}externalData").get(f"{{{R}}}id")
            book_kind, book = _rels(z, part)[book_id]
            assert book_kind == R + "/package"
            charts.append({"docPr": dict(inline.find(f"{{{WP}}}docPr").attrib), "part": part,
                           "xml": xml, "book": book, "xlsx": z.read(book),
                           "cx": int(inline.find(f"{{{WP}}}extent").get("cx"))})
    return charts


def workbook_rows(xlsx: bytes) -> list[list[object]]:
    """The first sheet's cells, read by python-calamine (an independent reader)."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(xlsx))
    return book.get_sheet_by_index(0).to_python()


def cached_values(xml: etree._Element) -> list[dict[int, float]]:
    """Each series' cached values in the chart part, by category index."""
    return [{int(pt.get("idx")): float(pt.findtext(f"{{{C}}}v"))
             for pt in ser.iter(f"{{{C}}}pt") if pt.getparent().tag == f"{{{C}}}numCache"}
            for ser in xml.iter(f"{{{C}}}ser")]


@pytest.fixture(scope="module")
def results() -> dict[str, RenderResult]:
    return {path.name: render(load_report(path)) for path in ALL}


def _by_spec(result: RenderResult) -> list[tuple[ChartSpec, list[dict]]]:
    """The document's native charts grouped by the spec they draw (one a panel)."""
    found = native_charts(result.docx)
    assert len(found) == len(pictures(result.docx))  # every drawing is a native chart
    out = []
    for spec in result.charts.values():
        out.append((spec, found[:len(spec.panels)]))
        found = found[len(spec.panels):]
    assert not found
    return out


def test_every_chart_has_alt_text_with_its_key_figure(results: dict[str, RenderResult]) -> None:
    seen = set()
    for name, result in results.items():
        for chart, parts in _by_spec(result):
            descr = parts[0]["docPr"].get("descr", "")
            assert descr.strip(), name
            assert descr == chart.alt_text
            for part in parts:
                assert part["docPr"].get("title") == chart.caption
                assert part["docPr"].get("descr", "").strip()
            for figure in chart.key_figures:
                assert figure in descr, (name, chart.name, figure)
            for phrase in EXPECTED[(name, chart.name)]:
                assert phrase in descr, (name, chart.name, phrase)
            seen.add((name, chart.name))
    assert seen == set(EXPECTED)


def test_drawing_ids_are_unique_and_charts_fill_the_text_width(
        results: dict[str, RenderResult]) -> None:
    for result in results.values():
        data = result.docx
        ids = [p["id"] for p in pictures(data)]
        assert len(ids) == len(set(ids))
        for _chart, parts in _by_spec(result):
            assert abs(sum(p["cx"] for p in parts) - Cm(16.6)) <= len(parts)


def test_every_chart_part_has_its_own_workbook_with_its_numbers(
        results: dict[str, RenderResult]) -> None:
    """Edit Data in Word opens the workbook: its cells hold the numbers the bars show, and
    the chart's cached values are the same numbers."""
    for name, result in results.items():
        with zipfile.ZipFile(io.BytesIO(result.docx)) as z:
            types = etree.fromstring(z.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType")
                     for o in types.iter(f"{{{CT}}}Override")}
        defaults = {d.get("Extension"): d.get("ContentType")
                    for d in types.iter(f"{{{CT}}}Default")}
        books = set()
        for chart, parts in _by_spec(result):
            for panel, part in zip(chart.panels, parts, strict=True):
                assert part["part"].startswith("word/charts/chart")
                assert overrides["/" + part["part"]] == \
                    "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
                assert part["book"].startswith("word/embeddings/") and \
                    part["book"].endswith(".xlsx")
                assert overrides.get("/" + part["book"], defaults.get("xlsx")) == \
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                books.add(part["book"])
                rows = workbook_rows(part["xlsx"])
                assert [r[0] for r in rows[1:]] == list(panel.categories), (name, chart.name)
                cached = cached_values(part["xml"])
                for col, series in enumerate(panel.series, start=1):
                    assert rows[0][col] == series.label
                    cells = [r[col] for r in rows[1:]]
                    for i, value in enumerate(series.values):
                        if value is None:
                            assert cells[i] == "" and i not in cached[col - 1]
                        else:
                            assert cells[i] == pytest.approx(value)
                            assert cached[col - 1][i] == pytest.approx(value)
        assert len(books) == sum(len(c.panels) for c in result.charts.values())


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
    assert first.charts == second.charts
    for chart in native_charts(first.docx):
        with zipfile.ZipFile(io.BytesIO(chart["xlsx"])) as book:
            # The workbook's own dates are fixed, not the time of writing.
            core = book.read("docProps/core.xml").decode()
            assert "2000-01-01T00:00:00Z" in core
            assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_charts_need_no_drawing_library() -> None:
    """Native charts are Word's to draw: a render imports no matplotlib."""
    import subprocess
    import sys

    code = ("import sys; from reportgen.pipeline import load_report, render; "
            f"render(load_report({str(HARROW)!r})); "
            "assert 'matplotlib' not in sys.modules, 'matplotlib imported'")
    subprocess.run([sys.executable, "-c", code], check=True)


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


# --------------------------------------------------------------------------- suppression

AS_AT = date(2016, 6, 30)


def _cohort(counts: dict[str, list[float]]) -> pd.DataFrame:
    rows = [{"reference": f"R{i:05d}-{ptype}", "placement_type": ptype,
             "provider_type": "private", "start_date": pd.Timestamp("2015-01-01"),
             "end_date": pd.NaT, "weekly_cost": cost, "health_contribution": 0.0,
             "education_contribution": 0.0}
            for ptype, costs in counts.items() for i, cost in enumerate(costs)]
    return pd.DataFrame(rows)


def _chart_docx(spec: ChartSpec) -> bytes:
    """``spec`` written by the renderer's own chart writer into a bare document."""
    from docx import Document

    from reportgen.render.blocks import write_chart

    doc = Document()
    write_chart(doc, spec)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _every_text(data: bytes) -> str:
    """Every part of the .docx as text, with each embedded workbook's parts unzipped too."""
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            blob = z.read(name)
            if name.endswith(".xlsx"):
                texts.append(_every_text(blob))
            else:
                texts.append(blob.decode("utf-8", "replace"))
    return "\n".join(texts)


def _suppressed(df: pd.DataFrame, threshold: int) -> tuple[ChartSpec, list[tuple[str, int, float]]]:
    metrics = compute_metrics({"placements": df}, as_at=AS_AT, top_n=5)
    spec = build_chart("placements_by_type", [], metrics, {}, ChartOptions("£", True, threshold))
    table = placements_by_type_table(metrics, TableOptions("£", True, threshold, 5))
    hidden_labels = {row[0] for row in table.rows if row[1] == "c"}
    hidden = [(x.label, x.count, x.average_weekly_cost)
              for x in metrics.placements.by_type if x.label in hidden_labels]
    return spec, hidden


def test_no_suppressed_value_is_anywhere_in_the_chart_or_its_workbook() -> None:
    # Secure: 2 children at £7,123.25 and £8,457.75 (average £7,790.50); placed with parents:
    # 3 at an average of £1,234.33… Both below 5, so both hidden; the other types are shown.
    df = _cohort({"in_house_fostering": [400.0 + i for i in range(20)],
                  "residential": [5000.0 + 10 * i for i in range(9)],
                  "secure": [7123.25, 8457.75],
                  "placed_with_parents": [1000.0, 1234.0, 1469.0]})
    spec, hidden = _suppressed(df, 5)
    assert {label for label, *_ in hidden} == {"Secure", "Placed with parents"}
    data = _chart_docx(spec)
    text = _every_text(data)
    for label, count, cost in hidden:
        for form in (repr(cost), f"{cost:.2f}", f"{cost:,.2f}", f"{cost:.0f}", f"{cost:,.0f}",
                     f"{cost:g}", str(round(cost, 1))):
            assert form not in text, (label, form)
        assert f"{label} {count}" not in text and f"{label}: {count}" not in text
    for chart in native_charts(data):
        rows = workbook_rows(chart["xlsx"])
        cached = cached_values(chart["xml"])
        for i, row in enumerate(rows[1:]):
            if str(row[0]).startswith(("Secure", "Placed with parents")):
                assert str(row[0]).endswith("(c)")
                assert all(cell == "" for cell in row[1:]), row
                assert all(i not in series for series in cached)
        # Cell values as the workbook stores them: none is a hidden count or cost.
        with zipfile.ZipFile(io.BytesIO(chart["xlsx"])) as book:
            sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
        stored = [float(v.text) for v in sheet.iter(
            "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}v")
            if v.getparent().get("t") != "s"]
        for _label, count, cost in hidden:
            assert cost not in stored and float(count) not in stored


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["in_house_fostering", "ifa", "residential", "kinship",
                                 "semi_independent", "placed_with_parents", "secure"]),
                min_size=2, max_size=5, unique=True),
       st.data())
def test_hidden_categories_have_no_value_in_any_generated_chart(types: list[str],
                                                                data: st.DataObject) -> None:
    counts = {t: [float(data.draw(st.integers(100, 9000))) for _ in
                  range(data.draw(st.integers(1, 12)))] for t in types}
    spec, hidden = _suppressed(_cohort(counts), data.draw(st.integers(3, 6)))
    docx = _chart_docx(spec)
    text = _every_text(docx)
    for _label, _count, cost in hidden:
        if not float(cost).is_integer():
            assert repr(cost) not in text
    hidden_labels = {label for label, *_ in hidden}
    for chart in native_charts(docx):
        rows = workbook_rows(chart["xlsx"])
        cached = cached_values(chart["xml"])
        for i, row in enumerate(rows[1:]):
            named = str(row[0]).removesuffix(" (c)").replace("\n", " ")
            if named in hidden_labels:
                assert all(cell == "" for cell in row[1:])
                assert all(i not in series for series in cached)
            else:
                assert all(cell != "" for cell in row[1:])


# --------------------------------------------------------------------------- the web page


def test_the_web_page_draws_each_chart_as_inline_svg_with_its_numbers(
        results: dict[str, RenderResult]) -> None:
    """The page reads the chart parts of the .docx: one inline SVG a panel, named by the
    caption and described by the alt text, with a table of the workbook's numbers beneath."""
    from lxml import html as lxml_html

    from reportgen.publish.html import report_html
    from reportgen.publish.svg_chart import format_value

    for name, result in results.items():
        page = lxml_html.fromstring(report_html(result.docx))
        svgs = page.findall(".//svg")
        specs = _by_spec(result)
        assert len(svgs) == sum(len(spec.panels) for spec, _ in specs), name
        found = iter(svgs)
        for spec, parts in specs:
            for panel, part in zip(spec.panels, parts, strict=True):
                svg = next(found)
                assert svg.get("role") == "img"
                assert svg.findtext("title") == spec.caption
                assert svg.findtext("desc") == part["docPr"]["descr"]
                table = svg.getnext()
                assert table.tag == "table"
                rows = [[c.text_content() for c in tr] for tr in table.iter("tr")]
                assert rows[0][1:] == [s.label for s in panel.series]
                for row, category, i in zip(rows[1:], panel.categories,
                                            range(len(panel.categories)), strict=True):
                    assert row[0] == " ".join(category.split())
                    for cell, series in zip(row[1:], panel.series, strict=True):
                        value = series.values[i]
                        assert cell == ("c" if value is None
                                        else format_value(value, panel.number_format))


def test_a_hostile_chart_part_draws_nothing_it_should_not() -> None:
    """A chart part from a document written anywhere: text stays text, non-finite or
    out-of-range values are not drawn, and an oversized chart is not drawn at all."""
    from reportgen.publish.svg_chart import MAX_CATEGORIES, chart_figure

    def part(categories: list[str], values: list[str], count: int | None = None) -> Any:
        pts = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
        cats = "".join(f'<c:pt idx="{i}"><c:v>{c}</c:v></c:pt>' for i, c in enumerate(categories))
        n = len(categories) if count is None else count
        return etree.fromstring(
            f'<c:chartSpace xmlns:c="{C}"><c:chart><c:plotArea><c:barChart>'
            '<c:barDir val="bar"/><c:ser><c:tx><c:v>S</c:v></c:tx>'
            f'<c:cat><c:strLit><c:ptCount val="{n}"/>{cats}</c:strLit></c:cat>'
            f'<c:val><c:numLit><c:formatCode>General</c:formatCode>{pts}</c:numLit></c:val>'
            '</c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>'.replace(
                "numLit", "numCache"))

    svg, table = chart_figure(part(["&lt;script&gt;alert(1)&lt;/script&gt;", "B", "C"],
                                   ["1", "NaN", "1e999"]), "x", "alt", "title")
    page = etree.tostring(svg, method="html") + etree.tostring(table, method="html")
    assert b"<script>" not in page and b"&lt;script&gt;" in page
    assert len(svg.findall(".//rect")) == 1  # only the finite value is drawn
    assert [td.text for td in table.iter("td")] == ["1", "-", "-"]
    many = [f"c{i}" for i in range(MAX_CATEGORIES + 1)]
    assert chart_figure(part(many, ["1"] * len(many)), "x", "alt", "title") == []
    assert chart_figure(part(["A"], ["1"], count=10**9), "x", "alt", "title") == []


def test_labels_from_the_data_are_text_in_the_workbook_never_formulas() -> None:
    """A budget line, measure or area named "=…" (or an address) is text in the embedded
    workbook: Excel would otherwise run it as a formula when "Edit Data" opens it."""
    from reportgen.render.charts import BarPanel, Series

    hostile = ('=HYPERLINK("http://tracker.example/x","click")', "=cmd|' /C calc'!A0",
               "+1+2", "http://tracker.example/pixel")
    # Characters XML 1.0 cannot hold are left out, not a broken chart part.
    assert native_charts(_chart_docx(ChartSpec("x", (BarPanel(("a\x01b", "<c&d>"), (
        Series("s\x02", (1.0, None), "#0072B2"),), "£"),), "alt", "cap")))[0]["xml"] is not None
    spec = ChartSpec("budget", (BarPanel(hostile, (Series('=SUM(A1:A9)', (1.0, 2.0, 3.0, 4.0),
                                                         "#0072B2"),), "£"),),
                     "alt", "caption")
    (chart,) = native_charts(_chart_docx(spec))
    with zipfile.ZipFile(io.BytesIO(chart["xlsx"])) as book:
        names = book.namelist()
        sheet = book.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet
    assert not any("hyperlink" in n.lower() or "rels/sheet" in n for n in names)
    rows = workbook_rows(chart["xlsx"])
    assert [r[0] for r in rows[1:]] == list(hostile) and rows[0][1] == "=SUM(A1:A9)"
