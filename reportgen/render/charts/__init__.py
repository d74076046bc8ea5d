"""Charts a narrative asks for with ``[chart: NAME]``, written as native Word charts.

``specs.py`` decides what each chart shows from metrics values (bars, caption, alt text);
``model.py`` holds that description; ``word.py`` writes it as a DrawingML chart with its data in
an embedded workbook (python-pptx and XlsxWriter, imported only when a chart is written).
"""

from reportgen.render.charts.model import BarPanel, Series
from reportgen.render.charts.specs import (
    CHARTS,
    DATASETS_NEEDED,
    ChartOptions,
    ChartSpec,
    build_chart,
)
from reportgen.render.charts.word import add_chart

__all__ = ["CHARTS", "DATASETS_NEEDED", "BarPanel", "ChartOptions", "ChartSpec", "Series",
           "add_chart", "build_chart"]
