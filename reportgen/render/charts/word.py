"""Native Word charts: a DrawingML chart part with its data in an embedded workbook.

python-pptx's chart XML writer (``ChartXmlWriter`` over ``CategoryChartData``) writes the chart
part and its ``WorkbookWriter`` (XlsxWriter) the workbook, so the cell references in the chart
agree with the cells; this module only adds what a report needs on top (the palette, patterns,
direct labels, axis titles, text size) and places the chart inline in a paragraph with its alt
text. Word's "Edit Data" opens the workbook; the labels follow its numbers (they show the value
in the panel's number format rather than fixed text).

A value that is None (a suppressed count) is written nowhere: neither in the chart's cached
values nor in the workbook, whose cell stays empty.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import math
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from lxml import etree

from reportgen.render.charts.model import EDGE, TEXT, BarPanel, Series

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
RT_CHART = R + "/chart"
RT_PACKAGE = R + "/package"
CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CT_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EMU_PER_CM = 360000
FONT_SIZE = 950  # hundredths of a point: 9.5 pt, as the pictures had
# The workbook's creation date, fixed so that the same data give the same bytes.
_CREATED = dt.datetime(2000, 1, 1)
# DrawingML preset patterns for model.PATTERNS (the colour shows between the lines).
_PATTERN = {"forward": "wdUpDiag", "backward": "wdDnDiag", "cross": "openDmnd"}


def _c(tag: str) -> str:
    return f"{{{C}}}{tag}"


def _a(tag: str) -> str:
    return f"{{{A}}}{tag}"


def _el(parent: Any, tag: str, val: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, tag)
    if val is not None:
        el.set("val", val)
    for key, value in attrs.items():
        el.set(key, value)
    return el


def _new(tag: str, val: str | None = None) -> Any:
    el = etree.Element(tag)
    if val is not None:
        el.set("val", val)
    return el


def _rgb(colour: str) -> str:
    return colour.lstrip("#").upper()


def _fill(sp_pr: Any, colour: str, pattern: str) -> None:
    """A solid fill, or the pattern's dark lines over the colour; a dark outline with a
    pattern, so patterned bars stay distinct in greyscale."""
    if pattern:
        patt = _el(sp_pr, _a("pattFill"), prst=_PATTERN[pattern])
        _el(_el(patt, _a("fgClr")), _a("srgbClr"), _rgb(EDGE))
        _el(_el(patt, _a("bgClr")), _a("srgbClr"), _rgb(colour))
        line = _el(sp_pr, _a("ln"), w="7620")
        _el(_el(line, _a("solidFill")), _a("srgbClr"), _rgb(EDGE))
    else:
        _el(_el(sp_pr, _a("solidFill")), _a("srgbClr"), _rgb(colour))


def _line(parent: Any, colour: str | None, width: int = 9525) -> Any:
    sp_pr = _el(parent, _c("spPr"))
    line = _el(sp_pr, _a("ln"), w=str(width))
    if colour is None:
        _el(line, _a("noFill"))
    else:
        _el(_el(line, _a("solidFill")), _a("srgbClr"), _rgb(colour))
    return sp_pr


def _text_props(parent: Any, size: int = FONT_SIZE, bold: bool = False) -> Any:
    tx_pr = _el(parent, _c("txPr"))
    _el(tx_pr, _a("bodyPr"))
    _el(tx_pr, _a("lstStyle"))
    p = _el(tx_pr, _a("p"))
    rpr = _el(_el(p, _a("pPr")), _a("defRPr"), sz=str(size), b="1" if bold else "0")
    _el(_el(rpr, _a("solidFill")), _a("srgbClr"), _rgb(TEXT))
    _el(rpr, _a("latin"), typeface="Arial")
    _el(p, _a("endParaRPr"), lang="en-GB")
    return tx_pr


def _title(parent: Any, text: str, size: int = FONT_SIZE, bold: bool = False) -> Any:
    title = _el(parent, _c("title"))
    rich = _el(_el(title, _c("tx")), _c("rich"))
    _el(rich, _a("bodyPr"))
    _el(rich, _a("lstStyle"))
    p = _el(rich, _a("p"))
    _el(_el(p, _a("pPr")), _a("defRPr"), sz=str(size), b="1" if bold else "0")
    run = _el(p, _a("r"))
    rpr = _el(run, _a("rPr"), lang="en-GB", sz=str(size), b="1" if bold else "0")
    _el(_el(rpr, _a("solidFill")), _a("srgbClr"), _rgb(TEXT))
    _el(rpr, _a("latin"), typeface="Arial")
    etree.SubElement(run, _a("t")).text = text
    _el(title, _c("overlay"), "0")
    return title


@cache
def _pptx_charts() -> types.SimpleNamespace:
    """python-pptx's chart writers, without the rest of python-pptx.

    ``import pptx.chart.data`` runs python-pptx's ``__init__`` first, which imports the whole
    presentation API and Pillow (about 0.15 s of a render's start-up) though a chart needs
    none of it. So the chart modules are imported under a bare stand-in for the ``pptx``
    package, which is removed again at once: a later ``import pptx`` runs the real one (and
    finds these modules already loaded), as :mod:`reportgen.deadlines` does for holidays.
    Any surprise falls back to the ordinary import.
    """
    name = "pptx"
    stand_in = None
    if name not in sys.modules:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations is not None:
            stand_in = types.ModuleType(name)
            stand_in.__path__ = list(spec.submodule_search_locations)
            stand_in.__spec__ = spec
            sys.modules[name] = stand_in
    try:
        return _import_pptx_charts()
    except ImportError:
        if stand_in is None:
            raise
        sys.modules.pop(name, None)
        return _import_pptx_charts()
    finally:
        if stand_in is not None and sys.modules.get(name) is stand_in:
            del sys.modules[name]


def _import_pptx_charts() -> types.SimpleNamespace:
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE

    return types.SimpleNamespace(CategoryChartData=CategoryChartData,
                                 CategoryWorkbookWriter=CategoryWorkbookWriter,
                                 ChartXmlWriter=ChartXmlWriter, XL_CHART_TYPE=XL_CHART_TYPE)


def _chart_data(panel: BarPanel) -> Any:
    base: Any = _pptx_charts().CategoryChartData

    class FixedChartData(base):
        """Chart data whose workbook is written by :func:`_workbook_writer`, so the chart's
        cell references and the workbook come from the one writer."""

        @property
        def _workbook_writer(self) -> Any:
            writer = self.__dict__.get("_fixed_writer")
            if writer is None:
                writer = self.__dict__["_fixed_writer"] = _workbook_writer(self)
            return writer

    from reportgen.render.markup import clean_xml_text

    # Text from the data may hold characters XML 1.0 cannot (python-pptx writes it as is).
    data = FixedChartData(number_format=panel.number_format)
    data.categories = [clean_xml_text(c) for c in panel.categories]
    for s in panel.series:
        data.add_series(clean_xml_text(s.label), list(s.values), panel.number_format)
    return data


def _workbook_writer(data: Any) -> Any:
    base: Any = _pptx_charts().CategoryWorkbookWriter

    class FixedWorkbookWriter(base):
        """python-pptx's workbook writer with a fixed creation date (XlsxWriter stamps the
        time of writing otherwise), every label written as text, and category labels wide
        enough to read."""

        @contextmanager
        def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
            from xlsxwriter import Workbook

            # Labels come from the data: a name starting "=" stays text, never a formula
            # Excel would run when "Edit Data" opens the workbook, and an address stays text.
            workbook = Workbook(xlsx_file, {"in_memory": True, "strings_to_formulas": False,
                                            "strings_to_urls": False})
            workbook.set_properties({"created": _CREATED})
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

        def _write_cat_column(self, worksheet: Any, col: int, level: Any,
                              num_format: Any) -> None:
            worksheet.set_column(col, col, 36)
            num_format.set_text_wrap()  # category labels carry line breaks
            for off, name in level:
                worksheet.write(off + 1, col, name, num_format)

    return FixedWorkbookWriter(data)


def _series_xml(ser: Any, s: Series, panel: BarPanel) -> None:
    """Fill, per-bar fills and direct labels, in the schema's order after ``c:tx``."""
    tx = ser.find(_c("tx"))
    at = list(ser).index(tx) + 1
    extra = []
    sp_pr = _new(_c("spPr"))
    _fill(sp_pr, s.colour, s.pattern)
    extra.append(sp_pr)
    extra.append(_new(_c("invertIfNegative"), "0"))
    for i, colour in enumerate(s.point_colours):
        pattern = s.point_patterns[i] if i < len(s.point_patterns) else ""
        dpt = _new(_c("dPt"))
        _el(dpt, _c("idx"), str(i))
        _el(dpt, _c("invertIfNegative"), "0")
        _el(dpt, _c("bubble3D"), "0")
        _fill(_el(dpt, _c("spPr")), colour, pattern)
        extra.append(dpt)
    labels = _new(_c("dLbls"))
    _el(labels, _c("numFmt"), formatCode=panel.number_format, sourceLinked="0")
    label_sp = _el(labels, _c("spPr"))
    _el(label_sp, _a("noFill"))
    _el(_el(label_sp, _a("ln")), _a("noFill"))
    _text_props(labels, FONT_SIZE - 50)
    _el(labels, _c("dLblPos"), "outEnd")
    for name, on in (("showLegendKey", "0"), ("showVal", "1"), ("showCatName", "0"),
                     ("showSerName", "0"), ("showPercent", "0"), ("showBubbleSize", "0")):
        _el(labels, _c(name), on)
    extra.append(labels)
    for offset, el in enumerate(extra):
        ser.insert(at + offset, el)


def _category_axis(ax: Any, panel: BarPanel) -> None:
    if panel.horizontal:  # first category at the top, as in the matching table
        ax.find(f"{_c('scaling')}/{_c('orientation')}").set("val", "maxMin")
    ax.find(_c("majorTickMark")).set("val", "none")
    cross = ax.find(_c("crossAx"))
    at = list(ax).index(cross)
    ax.insert(at, _text_props(_new("x"), FONT_SIZE))
    ax.insert(at, _line(_new("x"), "#4D4D4D"))
    # Every category named: LibreOffice otherwise skips labels it finds crowded.
    ax.find(_c("noMultiLvlLbl")).addprevious(_new(_c("tickLblSkip"), "1"))


def _value_axis(ax: Any, panel: BarPanel) -> None:
    scaling = ax.find(_c("scaling"))
    _el(scaling, _c("orientation"), "minMax")
    _el(scaling, _c("min"), "0")
    grid = ax.find(_c("majorGridlines"))
    _line(grid, "#D9D9D9", 7620)
    at = list(ax).index(grid) + 1
    title = _title(_new("x"), panel.value_axis)
    ax.insert(at, title)
    ax.insert(at + 1, _new(_c("numFmt")))
    ax[at + 1].set("formatCode", panel.number_format)
    ax[at + 1].set("sourceLinked", "0")
    ax.find(_c("majorTickMark")).set("val", "none")
    cross = ax.find(_c("crossAx"))
    at = list(ax).index(cross)
    ax.insert(at, _text_props(_new("x"), FONT_SIZE))
    ax.insert(at, _line(_new("x"), None))
    if panel.horizontal:
        # The category axis runs top to bottom: the value axis crosses it at its last
        # category, so it stays at the foot of the chart.
        ax.find(_c("crosses")).set("val", "max")
    _el(ax, _c("crossBetween"), "between")
    top = max((v for s in panel.series for v in s.values if v is not None), default=0.0)
    if top > 0:  # about four gridlines: a narrow panel otherwise crowds its axis numbers
        _el(ax, _c("majorUnit"), repr(_step(top)))


def _step(top: float) -> float:
    """1, 2, 2.5 or 5 times a power of ten, giving about four steps up to ``top``."""
    raw = top / 4
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def chart_part(panel: BarPanel) -> tuple[bytes, bytes]:
    """The chart part's XML (its workbook related as ``rId1``) and the workbook's bytes."""
    pptx = _pptx_charts()
    ChartXmlWriter, XL_CHART_TYPE = pptx.ChartXmlWriter, pptx.XL_CHART_TYPE  # noqa: N806

    data = _chart_data(panel)
    kind = XL_CHART_TYPE.BAR_CLUSTERED if panel.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    root = etree.fromstring(ChartXmlWriter(kind, data).xml.encode("utf-8"))
    date1904 = root.find(_c("date1904"))
    date1904.addnext(_new(_c("roundedCorners"), "0"))
    date1904.addnext(_new(_c("lang"), "en-GB"))
    chart = root.find(_c("chart"))
    auto = chart.find(_c("autoTitleDeleted"))
    if panel.title:
        auto.addprevious(_title(_new("x"), panel.title, FONT_SIZE + 50, bold=True))
    else:
        auto.set("val", "1")  # the caption below the chart names it
    bar = chart.find(f"{_c('plotArea')}/{_c('barChart')}")
    bar.find(_c("grouping")).addnext(_new(_c("varyColors"), "0"))
    for ser, s in zip(bar.findall(_c("ser")), panel.series, strict=True):
        _series_xml(ser, s, panel)
    first_axis = bar.find(_c("axId"))
    first_axis.addprevious(_new(_c("gapWidth"), "60"))
    if len(panel.series) > 1:
        first_axis.addprevious(_new(_c("overlap"), "-5"))
    plot = chart.find(_c("plotArea"))
    # python-pptx numbers the axes with negative ids (Office's unsignedInt does not allow
    # them): fixed positive ones, the same in every chart.
    renumber = {}
    for n, axis in enumerate(bar.findall(_c("axId")), start=1):
        renumber[axis.get("val")] = str(50000000 + n)
    for el in plot.iter(_c("axId"), _c("crossAx")):
        el.set("val", renumber[el.get("val")])
    _category_axis(plot.find(_c("catAx")), panel)
    _value_axis(plot.find(_c("valAx")), panel)
    if len(panel.series) > 1:
        legend = _new(_c("legend"))
        _el(legend, _c("legendPos"), "t")
        _el(legend, _c("overlay"), "0")
        _text_props(legend)
        plot.addnext(legend)
        legend.addnext(_new(_c("plotVisOnly"), "1"))
    else:
        plot.addnext(_new(_c("plotVisOnly"), "1"))
    old_tx = root.find(_c("txPr"))
    root.remove(old_tx)
    sp_pr = _el(root, _c("spPr"))
    _el(sp_pr, _a("noFill"))
    _el(_el(sp_pr, _a("ln")), _a("noFill"))
    _text_props(root)
    external = _el(root, _c("externalData"))
    external.set(f"{{{R}}}id", "rId1")
    _el(external, _c("autoUpdate"), "0")
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml, data._workbook_writer.xlsx_blob


def add_chart(run: Any, panel: BarPanel, width_cm: float, height_cm: float, descr: str,
              title: str) -> Any:
    """Place ``panel`` inline in ``run`` as a native chart with its alt text (``descr``) and
    title; returns the ``wp:inline`` element."""
    from docx.oxml import parse_xml

    inline = chart_inline(run.part, panel, width_cm, height_cm, descr, title)
    drawing = parse_xml(
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    drawing.append(inline)
    run._r.append(drawing)
    return inline


def chart_inline(part: Any, panel: BarPanel, width_cm: float, height_cm: float, descr: str,
                 title: str) -> Any:
    """A ``wp:inline`` showing ``panel`` as a native chart whose parts are added to
    ``part``'s package and related from ``part`` (the story part the inline goes in)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    from reportgen.render.markup import clean_xml_text

    package = part.package
    xml, workbook = chart_part(panel)
    chart = Part(package.next_partname("/word/charts/chart%d.xml"), CT_CHART, xml, package)
    # Numbered among the package's own embeddings, so a pack's copies never collide.
    book = Part(PackURI(package.next_partname("/word/embeddings/Microsoft_Excel_Sheet%d.xlsx")),
                CT_XLSX, workbook, package)
    chart.rels.get_or_add(RT_PACKAGE, book)  # rId1, as c:externalData says
    r_id = part.relate_to(chart, RT_CHART)
    cx, cy = round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)
    inline = parse_xml(
        f'<wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="{WP}" xmlns:a="{A}" '
        f'xmlns:c="{C}" xmlns:r="{R}"><wp:extent cx="{cx}" cy="{cy}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="1" name="Chart"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="{CHART_URI}">'
        f'<c:chart r:id="{r_id}"/></a:graphicData></a:graphic></wp:inline>')
    doc_pr = inline.find(f"{{{WP}}}docPr")
    doc_pr.set("descr", clean_xml_text(descr))
    doc_pr.set("title", clean_xml_text(title))
    return inline


__all__ = ["CT_CHART", "CT_XLSX", "RT_CHART", "RT_PACKAGE", "add_chart", "chart_inline",
           "chart_part"]
