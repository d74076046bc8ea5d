"""What a chart shows, independent of how it is drawn: bars over categories, in the palette.

``specs.py`` fills these from metrics; ``word.py`` writes them as native Word charts and
``reportgen.publish.svg_chart`` draws them for the web page. Design rules for every chart:
colours from the Okabe–Ito palette, which stays distinguishable with the common colour
blindnesses; series also differ in pattern and carry direct value labels, so a greyscale print
still reads.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT_WIDTH_CM = 16.6  # A4 less the house styles' 2.2 cm margins (as tables use)

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
VERMILLION = "#D55E00"
GREEN = "#009E73"
EDGE = "#1A1A1A"
TEXT = "#1A1A1A"

# Patterns a series (or a bar) may carry: forward and backward diagonals, and a cross-hatch.
PATTERNS = ("", "forward", "backward", "cross")


@dataclass(frozen=True)
class Series:
    """One series of bars: a name for the legend and one value a category (None: no bar, as
    for a suppressed count; the value is then absent from every form of the chart)."""

    label: str
    values: tuple[float | None, ...]
    colour: str
    pattern: str = ""
    # Per-bar colours and patterns (one a category) when the bars of one series differ, as
    # the council, its neighbours and England do in a benchmark chart; () for none.
    point_colours: tuple[str, ...] = ()
    point_patterns: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for pattern in (self.pattern, *self.point_patterns):
            if pattern not in PATTERNS:
                raise ValueError(f"unknown pattern {pattern!r}")


@dataclass(frozen=True)
class BarPanel:
    """Bars over categories, grouped when there are several series.

    ``number_format`` is the Excel number format of the values, their axis and their direct
    labels (labels follow the numbers when an officer edits them in Word); ``title`` names the
    panel when a chart has several."""

    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_axis: str
    number_format: str = "#,##0"
    horizontal: bool = True
    title: str = ""

    def __post_init__(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"series {s.label!r} has {len(s.values)} values for "
                                 f"{len(self.categories)} categories")


# Excel number formats matching reportgen.formatting's money styles (Excel cannot drop the
# ".0" of "£12.0m" as formatting.money does; the value is the same).
MONEY_FULL = "£#,##0"
MONEY_K = '£#,##0,"k"'
# (">" rather than "<": python-pptx writes the format into the chart XML unescaped.)
MONEY_AUTO = '[>=999500]£#,##0.0,,"m";[>=999.5]£#,##0,"k";£#,##0'
COUNT = "#,##0"
COUNT_1DP = "#,##0.0"
