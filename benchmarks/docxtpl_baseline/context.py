"""The context an officer's own script would hand the docxtpl baseline template.

Figures come from reportgen's metrics (both sides of the comparison render the same numbers);
what is timed is docxtpl's rendering and saving, with the context built inside the timing as
reportgen builds its own.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from reportgen import formatting
from reportgen.pipeline import LoadedReport
from reportgen.render.charts import ChartOptions, ChartSpec, build_chart
from reportgen.render.charts.word import chart_inline
from reportgen.render.tables import TableOptions, build_table

TEMPLATE = Path(__file__).resolve().parent / "template.docx"
TABLES = ("savings", "budget", "placements_by_type")
CHARTS = ("budget",)


class NativeChart:
    """A chart in a docxtpl template as docxtpl's InlineImage puts a picture: the run it
    renders to closes the template's text run and opens a drawing (one a panel)."""

    def __init__(self, tpl: DocxTemplate, chart: ChartSpec) -> None:
        self.tpl, self.chart = tpl, chart

    def __str__(self) -> str:
        part = self.tpl.current_rendering_part or self.tpl.docx.part
        width = self.chart.width_cm / len(self.chart.panels)
        drawings = "".join(
            "<w:drawing>" + etree.tostring(chart_inline(
                part, panel, width, self.chart.height_cm, self.chart.alt_text,
                self.chart.caption)).decode() + "</w:drawing>"
            for panel in self.chart.panels)
        return f'</w:t></w:r><w:r>{drawings}</w:r><w:r><w:t xml:space="preserve">'

    __html__ = __str__


def environment() -> jinja2.Environment:
    """A plain Jinja2 environment with the money and date filters the wording uses."""
    env = jinja2.Environment(autoescape=True)
    env.filters.update({
        "money": formatting.money,
        "longdate": formatting.long_date,
        "variance_phrase": formatting.variance_phrase,
    })
    return env


def build_context(loaded: LoadedReport, tpl: DocxTemplate) -> dict[str, Any]:
    """Every name the baseline template uses; charts are native Word charts written as
    reportgen writes them (an officer using docxtpl would have to write them too)."""
    bundle, metrics = loaded.bundle, loaded.metrics
    opts = TableOptions(units="£", public=False, threshold=bundle.settings.suppression_threshold,
                        top_n=bundle.settings.top_n)
    tables = {}
    for name in TABLES:
        spec = build_table(name, [], metrics, opts)
        tables[name] = {
            "caption": spec.caption or "",
            "columns": [c.header for c in spec.columns],
            "rows": spec.rows,
            "total": spec.total or ("",) * len(spec.columns),
            "note": spec.note or "",
        }
    chart_opts = ChartOptions(units="£", public=False,
                              threshold=bundle.settings.suppression_threshold,
                              council=bundle.council)
    charts = {}
    for name in CHARTS:
        chart = build_chart(name, [], metrics, loaded.datasets, chart_opts)
        charts[name] = {"caption": chart.caption, "image": NativeChart(tpl, chart)}
    return {
        "council": bundle.council,
        "meeting": bundle.meeting,
        "report": bundle.report,
        "recommendations": bundle.recommendations,
        "contacts": bundle.contacts,
        "texts": {"no_background_papers": bundle.texts.get("no_background_papers", "None.")},
        "tables": tables,
        "charts": charts,
        **metrics.namespace(),
    }


def render_baseline(loaded: LoadedReport, env: jinja2.Environment | None = None) -> bytes:
    """Render and save the baseline template for ``loaded``: the figure-3 comparison."""
    tpl = DocxTemplate(str(TEMPLATE))
    tpl.render(build_context(loaded, tpl), jinja_env=env or environment(), autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
