"""The checker's vocabulary: what each metrics figure is called in English, the other words a
narrative may use for it, and the Jinja2 expression that prints it.

Metrics hold plain numbers whose stable id is their path from the template namespace
(``budget.total.variance``); this module alone names them for ``checks/figures.py``. The
figure-matching algorithm reads only :class:`Figure`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:  # metrics import pandas; naming a figure needs neither
    from reportgen.metrics.keyed import Keyed
    from reportgen.metrics.model import (
        BudgetPosition,
        CareMetrics,
        Changes,
        IndicatorSeries,
        Metrics,
        PlacementMetrics,
        SavingsSummary,
    )

T = TypeVar("T")

Unit = Literal["money", "count", "percent"]


@dataclass(frozen=True)
class Figure:
    """A headline number a narrative might quote, and how a template yields it."""

    key: str
    label: str
    value: float
    unit: Unit
    expression: str
    aliases: tuple[str, ...] = ()


def figures(metrics: Metrics) -> list[Figure]:
    """Every headline number of ``metrics``, labelled, with the Jinja2 expression that yields
    it (the order is the checker's tie-break order: placements, budget, previous budget,
    savings, changes)."""
    out: list[Figure] = []
    if metrics.placements is not None:
        out.extend(_placement_figures(metrics.placements, metrics.top_n))
    if metrics.budget is not None:
        out.extend(_budget_figures(metrics.budget, "budget", ""))
    if metrics.previous_budget is not None:
        label = metrics.previous_budget.period or "previous period"
        out.extend(_budget_figures(metrics.previous_budget, "previous_budget", f" ({label})"))
    if metrics.savings is not None:
        out.extend(_savings_figures(metrics.savings))
    out.extend(_change_figures(metrics.changes))
    if metrics.indicators is not None:
        out.extend(_indicator_figures(metrics.indicators, "indicators"))
    if metrics.benchmarks is not None:
        out.extend(_indicator_figures(metrics.benchmarks, "benchmarks"))
    if metrics.care is not None:
        out.extend(_care_figures(metrics.care))
    return out


# How a placement type reads inside a sentence ("average weekly cost of IFA placements"),
# and other phrasings a narrative may use for the count of that type.
_TYPE_NOUNS: dict[str, str] = {
    "in_house_fostering": "in-house fostering",
    "ifa": "IFA",
    "residential": "residential",
    "kinship": "kinship",
    "semi_independent": "semi-independent",
    "placed_with_parents": "placed with parents",
    "secure": "secure",
    "other": "other",
}
_TYPE_ALIASES: dict[str, tuple[str, ...]] = {
    "in_house_fostering": (
        "in-house foster placements",
        "in-house fostering",
        "in house fostering",
    ),
    "ifa": (
        "placed with IFAs",
        "independent fostering agency placements",
        "independent fostering placements",
        "IFA",
    ),
    "residential": (
        "independent residential provision",
        "residential provision",
        "residential care",
        "residential",
    ),
    "kinship": ("connected carers", "kinship carers", "kinship"),
    "semi_independent": ("leaving care placements", "semi-independent"),
    "placed_with_parents": ("placed with parents",),
    "secure": ("secure placements", "secure"),
    "other": ("other placements",),
}



def _key_ref(collection: Keyed[T], key: str, position: int) -> str:
    """A Jinja2 subscript for an item: by key when unambiguous and quotable, else position."""
    if collection.is_unique(key) and "\\" not in key:
        if "'" not in key:
            return f"['{key}']"
        if '"' not in key:
            return f'["{key}"]'
    return f"[{position}]"


def _expr(path: str, unit: Unit) -> str:
    if unit == "money":
        return f"{{{{ {path} | money }}}}"
    if unit == "percent":
        return f"{{{{ {path} | percent }}}}"
    return f"{{{{ {path} }}}}"


def _fig(
    key: str,
    label: str,
    value: float,
    unit: Unit,
    aliases: Iterable[str] = (),
    expression: str | None = None,
) -> Figure:
    return Figure(
        key=key,
        label=label,
        value=float(value),
        unit=unit,
        expression=expression or _expr(key, unit),
        aliases=tuple(dict.fromkeys(a for a in aliases if a != label)),
    )


def _placement_figures(p: PlacementMetrics, top_n: int) -> list[Figure]:
    out = [
        _fig(
            "placements.total.count",
            "placements",
            p.total.count,
            "count",
            ("children placed", "young people placed", "looked after children", "placements"),
        ),
        _fig(
            "placements.total.total_weekly_cost",
            "total weekly cost of placements",
            p.total.total_weekly_cost,
            "money",
            ("weekly cost", "per week"),
        ),
        _fig(
            "placements.total.average_weekly_cost",
            "average weekly cost of a placement",
            p.total.average_weekly_cost,
            "money",
            ("average weekly cost", "average cost per week", "average cost"),
        ),
        _fig(
            "placements.total.annual_cost",
            "annual cost of placements",
            p.total.annual_cost,
            "money",
            ("annual cost", "cost per annum", "a year"),
        ),
    ]
    for i, s in enumerate(p.by_type):
        base = f"placements.by_type{_key_ref(p.by_type, s.placement_type, i)}"
        noun = _TYPE_NOUNS[s.placement_type]
        extra = _TYPE_ALIASES[s.placement_type]
        out += [
            _fig(f"{base}.count", f"{noun} placements", s.count, "count", extra),
            _fig(
                f"{base}.average_weekly_cost",
                f"average weekly cost of {noun} placements",
                s.average_weekly_cost,
                "money",
                (f"average cost of {noun} placements", f"average {noun} cost", "average cost")
                + tuple(f"average cost {a}" for a in extra),
            ),
            _fig(
                f"{base}.total_weekly_cost",
                f"total weekly cost of {noun} placements",
                s.total_weekly_cost,
                "money",
                (f"weekly cost of {noun} placements",),
            ),
            _fig(
                f"{base}.annual_cost",
                f"annual cost of {noun} placements",
                s.annual_cost,
                "money",
                (f"{noun} annual cost", f"{noun} cost per annum"),
            ),
        ]
    if p.average_annual_cost_per_child is not None:
        out.append(
            _fig(
                "placements.average_annual_cost_per_child",
                "average annual cost per child",
                p.average_annual_cost_per_child,
                "money",
                ("average cost per annum", "average cost per child", "for each child"),
            )
        )
    if p.flows is not None:
        out += [
            _fig(
                "placements.flows.started",
                "placements started",
                p.flows.started,
                "count",
                ("new placements", "additional young people", "placements starting"),
            ),
            _fig(
                "placements.flows.ended",
                "placements ended",
                p.flows.ended,
                "count",
                ("leaving placements", "placements ending", "left care"),
            ),
        ]
    if p.external_flows is not None:
        out += [
            _fig(
                "placements.external_flows.started",
                "external placements started",
                p.external_flows.started,
                "count",
                ("new external placements", "young people in external placements"),
            ),
            _fig(
                "placements.external_flows.ended",
                "external placements ended",
                p.external_flows.ended,
                "count",
                ("leaving external placements", "external placements ending"),
            ),
        ]
    if p.in_period_cost is not None:
        out += [
            _fig(
                "placements.in_period_cost.gross",
                "cost of placements in the period",
                p.in_period_cost.gross,
                "money",
                ("spend in the period", "cost incurred", "gross cost"),
            ),
            _fig(
                "placements.in_period_cost.net",
                "net cost of placements in the period",
                p.in_period_cost.net,
                "money",
                ("net cost", "net of health and education contributions"),
            ),
        ]
    out.append(
        _fig(
            "placements.top.length",
            "high-cost placements reviewed",
            len(p.top),
            "count",
            (f"top {top_n}", "highest cost placements", "high cost placements"),
            expression="{{ placements.top | length }}",
        )
    )
    if p.top:
        n = len(p.top)
        out.append(
            _fig(
                "placements.top_weekly_cost",
                f"weekly cost of the {n} most expensive placements",
                p.top_weekly_cost,
                "money",
                (f"{n} most expensive placements", "most expensive placements cost",
                 f"the {n} highest cost placements"),
            )
        )
    if p.renegotiated is not None:
        out.append(
            _fig(
                "placements.renegotiated",
                "placements whose cost was renegotiated",
                p.renegotiated,
                "count",
                ("renegotiated placements", "placements renegotiated", "costs renegotiated",
                 "renegotiated"),
            )
        )
    if p.top:
        out.append(
            _fig(
                "placements.top[0].weekly_cost",
                "highest weekly placement cost",
                p.top[0].weekly_cost,
                "money",
                ("most expensive placement", "highest cost placement"),
            )
        )
    return out


def _variance_words(variance: float) -> tuple[str, ...]:
    # The narrative states an underspend as a positive amount; the value keeps its sign.
    return ("overspend", "overspent by") if variance >= 0 else ("underspend", "underspent by")


def _budget_figures(b: BudgetPosition, root: str, suffix: str) -> list[Figure]:
    words = _variance_words(b.total.variance)
    out = [
        _fig(
            f"{root}.total.budget",
            f"total budget{suffix}",
            b.total.budget,
            "money",
            ("budget", "budget for this financial year", "combined budget"),
        ),
        _fig(
            f"{root}.total.projected_spend",
            f"total projected spend{suffix}",
            b.total.projected_spend,
            "money",
            ("projected spend", "combined projected spend", "projected outturn", "forecast"),
        ),
        _fig(
            f"{root}.total.variance",
            f"total variance{suffix}",
            b.total.variance,
            "money",
            (
                f"combined projected {words[0]}",
                f"total {words[0]}",
                f"projected {words[0]}",
                f"reporting an {words[0]}",
                *words,
                "variance",
            ),
        ),
    ]
    if b.total.variance_pct is not None:
        out.append(
            _fig(
                f"{root}.total.variance_pct",
                f"total variance as a share of budget{suffix}",
                b.total.variance_pct,
                "percent",
                (f"{words[0]} as a percentage of budget",),
            )
        )
    for i, group in enumerate(b.groups):
        base = f"{root}.groups{_key_ref(b.groups, group.line, i)}"
        gw = _variance_words(group.variance)
        lower = group.line[:1].lower() + group.line[1:]
        out += [
            _fig(f"{base}.budget", f"{group.line} budget{suffix}", group.budget, "money",
                 (f"budget for {lower}", f"combined budget for {lower}")),
            _fig(f"{base}.projected_spend", f"{group.line} projected spend{suffix}",
                 group.projected_spend, "money",
                 (f"combined projected spend on {lower}", "combined projected spend")),
            _fig(f"{base}.variance", f"{group.line} variance{suffix}", group.variance, "money",
                 (f"combined projected {gw[0]}", f"combined {gw[0]}", f"{lower} {gw[0]}")),
        ]
    for i, line in enumerate(b.lines):
        base = f"{root}.lines{_key_ref(b.lines, line.line, i)}"
        name = line.line
        lower = name[:1].lower() + name[1:]
        lw = _variance_words(line.variance)
        out += [
            _fig(
                f"{base}.budget",
                f"{name} budget{suffix}",
                line.budget,
                "money",
                (f"budget for {lower}", f"{lower} budget"),
            ),
            _fig(
                f"{base}.projected_spend",
                f"{name} projected spend{suffix}",
                line.projected_spend,
                "money",
                (f"projected spend on {lower}", f"{lower} projected spend"),
            ),
            _fig(
                f"{base}.variance",
                f"{name} variance{suffix}",
                line.variance,
                "money",
                (f"{name} {lw[0]}", f"{lower} projected {lw[0]}", f"{lower} {lw[1]}"),
            ),
        ]
    return out


def _savings_figures(s: SavingsSummary) -> list[Figure]:
    out = [
        _fig(
            "savings.total.target",
            "savings target",
            s.total.target,
            "money",
            ("total savings target", "saving target", "savings targets", "to be saved"),
        ),
        _fig(
            "savings.total.achieved",
            "savings achieved",
            s.total.achieved,
            "money",
            ("total savings", "overall savings achieved", "savings of", "already been achieved"),
        ),
        _fig(
            "savings.total.forecast",
            "forecast savings",
            s.total.forecast,
            "money",
            ("projected savings", "expected savings", "by the end of the financial year"),
        ),
        _fig(
            "savings.total.shortfall",
            "savings shortfall",
            s.total.shortfall,
            "money",
            ("shortfall", "still to be achieved", "remaining savings"),
        ),
    ]
    if s.total.achieved_pct is not None:
        out.append(
            _fig(
                "savings.total.achieved_pct",
                "savings achieved as a share of target",
                s.total.achieved_pct,
                "percent",
                ("of the savings target", "of target achieved"),
            )
        )
    for i, a in enumerate(s.areas):
        area = a.area or ""
        base = f"savings.areas{_key_ref(s.areas, area, i)}"
        out += [
            _fig(
                f"{base}.target",
                f"{area} savings target",
                a.target,
                "money",
                (f"savings target for {area}", f"to be saved through {area}"),
            ),
            _fig(
                f"{base}.achieved",
                f"{area} savings achieved",
                a.achieved,
                "money",
                (f"savings achieved for {area}", f"{area} savings"),
            ),
        ]
    for i, m in enumerate(s.measures):
        base = f"savings.measures{_key_ref(s.measures, m.measure, i)}"
        out.append(
            _fig(
                f"{base}.achieved",
                f"{m.measure} savings achieved",
                m.achieved,
                "money",
                (m.measure, f"savings from {m.measure}", f"{m.measure} savings"),
            )
        )
    return out


_CHANGE_LABELS: dict[str, tuple[str, tuple[str, ...]]] = {
    "budget_budget": ("change in total budget", ("budget change",)),
    "budget_projected_spend": ("change in total projected spend",
                               ("projected spend up", "projected spend down")),
    "budget_variance": ("change in total variance",
                        ("up", "down", "overspend up", "overspend down",
                         "increase in the overspend")),
    "savings_target": ("change in savings target", ()),
    "savings_achieved": ("change in savings achieved",
                         ("further savings", "savings since", "more savings")),
    "savings_forecast": ("change in forecast savings", ()),
}


def _change_figures(c: Changes) -> list[Figure]:
    """The period-on-period differences (the previous values are under previous_*)."""
    out: list[Figure] = []
    for name, item in c.items():
        label, aliases = _CHANGE_LABELS[name]
        since = f" since {item.since}" if item.since else ""
        out.append(_fig(f"changes.{name}.difference", f"{label}{since}", item.difference,
                        "money", aliases))
    return out


def _subscript(key: str, position: int) -> str:
    """A Jinja2 subscript for ``key`` (measures and periods are the data's own text): by the
    key when it can be quoted, else by position."""
    if "\\" in key or ("'" in key and '"' in key):
        return f"[{position}]"
    return f"['{key}']" if "'" not in key else f'["{key}"]'


_UNIT_TAIL = re.compile(r"\s*(\([^)]*\)|\bper\s+[\d,]+\b.*|\brate\b)\s*$", re.IGNORECASE)


def _indicator_unit(unit: str | None) -> Unit:
    return "money" if unit == "£" else "percent" if unit == "percentage" else "count"


def _indicator_fig(key: str, label: str, value: float, unit: str | None, places: int,
                   aliases: Iterable[str]) -> Figure:
    kind = _indicator_unit(unit)
    if kind == "money":
        expression = f"{{{{ {key} | money }}}}"
    elif kind == "percent":
        # The data hold 68.5 for 68.5%; the checker compares fractions.
        expression = f"{{{{ {key} | number({places}) }}}}%"
    elif places:
        expression = f"{{{{ {key} | number({places}) }}}}"
    else:
        expression = f"{{{{ {key} | number }}}}"
    return _fig(key, label, value / 100 if kind == "percent" else value, kind, aliases,
                expression=expression)


def _indicator_figures(series: Keyed[IndicatorSeries], root: str) -> list[Figure]:
    """Each measure's value in each period (the council's), its target, and the neighbours'
    average and England's value where the data give them."""
    out: list[Figure] = []
    for at, s in enumerate(series):
        lower = s.measure[:1].lower() + s.measure[1:]
        # "Looked after children per 10,000 children" and "Care leavers in EET (%)" are
        # written "looked after children" and "care leavers in EET" in a sentence.
        short = _UNIT_TAIL.sub("", lower).strip()
        # Latest first: a measure named without a period is its latest value, and the
        # checker's tie-break prefers earlier figures.
        for n, point in enumerate(reversed(list(s))):
            base = f"{root}{_subscript(s.measure, at)}{_subscript(point.period, len(s) - 1 - n)}"
            names = ((s.measure, lower, short) if n == 0 else ()) + (
                f"{lower} in {point.period}", f"{lower} {point.period}",
                f"{lower} at {point.period}")
            if point.value is not None:
                out.append(_indicator_fig(f"{base}.value", f"{s.measure} ({point.period})",
                                          point.value, point.unit, point.decimals, names))
            if point.target is not None:
                out.append(_indicator_fig(
                    f"{base}.target", f"{s.measure} target ({point.period})", point.target,
                    point.unit, point.target_decimals,
                    (f"{lower} target", f"target for {lower}")
                    + (("target", "against a target of") if n == 0 else ())))
            if point.neighbours_average is not None:
                out.append(_indicator_fig(
                    f"{base}.neighbours_average",
                    f"{s.measure}, statistical neighbours ({point.period})",
                    point.neighbours_average, point.unit, point.neighbours_decimals,
                    ("statistical neighbours", "statistical neighbour average",
                     "our statistical neighbours", "neighbours")))
            if point.england is not None:
                england = next(a for a in point.areas if a.area_type == "england")
                out.append(_indicator_fig(
                    f"{base}.england", f"{s.measure}, England ({point.period})",
                    point.england, point.unit, england.decimals,
                    ("England", "England average", "national average", "nationally")))
    return out


def _care_figures(c: CareMetrics) -> list[Figure]:
    """Counts from SSDA903 episodes: children looked after, starting and leaving care, moves
    and placement stability."""
    out = [
        _fig("care.looked_after", "children looked after", c.looked_after, "count",
             ("looked after children", "children in care", "looked after")),
        _fig("care.three_or_more_placements",
             "children with three or more placements in the year",
             c.three_or_more_placements, "count",
             ("three or more placements", "3 or more placements", "three placements or more")),
    ]
    if c.three_or_more_placements_pct is not None:
        out.append(_fig("care.three_or_more_placements_pct",
                        "share of children with three or more placements in the year",
                        c.three_or_more_placements_pct, "percent",
                        ("three or more placements", "3 or more placements")))
    if c.start is not None:
        out += [
            _fig("care.started", "children who started to be looked after", c.started,
                 "count", ("started to be looked after", "came into care", "entered care",
                           "starting care", "became looked after")),
            _fig("care.ceased", "children who ceased to be looked after", c.ceased, "count",
                 ("ceased to be looked after", "left care", "leaving care", "stopped being "
                  "looked after")),
            _fig("care.placement_changes", "changes of placement", c.placement_changes,
                 "count", ("placement moves", "moved placement", "placement changes",
                           "changed placement")),
        ]
    return out
