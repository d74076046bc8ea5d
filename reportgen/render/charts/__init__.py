"""Charts a narrative asks for with ``[chart: NAME]``, embedded as PNG with alt text.

``specs.py`` decides what each chart shows from metrics values (bars, caption, alt text);
``draw.py`` draws it with matplotlib, imported only when a chart is drawn.
"""

from reportgen.render.charts.draw import BarPanel, Series, render_png
from reportgen.render.charts.specs import (
    CHARTS,
    DATASETS_NEEDED,
    ChartOptions,
    ChartSpec,
    build_chart,
)

__all__ = ["CHARTS", "DATASETS_NEEDED", "BarPanel", "ChartOptions", "ChartSpec", "Series",
           "build_chart", "render_png"]
