"""The checker's vocabulary, as data: what each metrics figure measures and what it is of
(its subject, the bundle's own label), the words councils use for each measure and placement
type, and the Jinja2 expression that prints each figure.

Metrics hold plain numbers whose stable id is their path from the template namespace
(``budget.total.variance``); this module alone names them for ``checks/reading.py``. The
figure-matching algorithm reads only :class:`Figure`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, TypeVar

if TYPE_CHECKING:  # metrics import pandas; naming a figure needs neither
    from reportgen.metrics.keyed import Keyed
    from reportgen.metrics.model import (
        BudgetLine,
        BudgetPosition,
        CareMetrics,
        Changes,
        IndicatorSeries,
        Metrics,
        PlacementMetrics,
        SavingsSummary,
        SavingsTotal,
        Window,
    )

T = TypeVar("T")

#: Weeks in a year as the metrics annualise a weekly cost (reportgen/metrics/placements.py;
#: not imported, as that module needs pandas).
WEEKS_PER_YEAR = 52

Unit = Literal["money", "count", "percent"]


@dataclass(frozen=True)
class Figure:
    """A headline number a narrative might quote, and how a template yields it.

    ``measure`` says what kind of figure it is (one of :data:`MEASURES`) and ``subject`` what
    it is of: the bundle's own label of a budget line, group, savings area or measure, a
    placement type's noun, or None for a total. The checker matches a sentence's words to
    these two, never to the label as a whole phrase.
    """

    key: str
    label: str
    value: float
    unit: Unit
    expression: str
    measure: str = ""
    subject: str | None = None
    scope: str = "total"  # total, group, line, area, measure, type, external
    previous: bool = False  # a figure of the previous period
    of: str = ""  # for a change: the measure that changed


#: Every measure a figure may have.
MEASURES = ("budget", "spend", "variance", "variance_pct", "target", "achieved",
            "savings_forecast", "shortfall", "achieved_pct", "count", "started", "ended",
            "share", "weekly_cost", "average_weekly_cost", "annual_cost",
            "average_annual_cost", "period_cost", "net_period_cost", "reviewed",
            "top_weekly_cost", "change",
            # Savings identified (planned, found): the data hold no such figure, so a number
            # it names is never taken for the target or the amount achieved.
            "identified",
            # Counts the words name apart (checks/counts.py): children looked after the day
            # before a window starts ("from X to Y"), periods of care, placements (not
            # children) started and ended.
            "start_count", "periods_started", "periods_ended", "placement_started",
            "placement_ended",
            # An indicator's comparators (statistical neighbours, England): no words name
            # them alone, so a number is never taken for one without its indicator.
            "comparator")


def figures(metrics: Metrics) -> list[Figure]:
    """Every headline number of ``metrics``, with its measure, subject and the Jinja2
    expression that yields it."""
    out: list[Figure] = []
    if metrics.placements is not None:
        out.extend(_placement_figures(metrics.placements))
    if metrics.budget is not None:
        out.extend(_budget_figures(metrics.budget, "budget", "", previous=False))
    if metrics.previous_budget is not None:
        label = metrics.previous_budget.period or "previous period"
        out.extend(_budget_figures(metrics.previous_budget, "previous_budget", f" ({label})",
                                   previous=True))
    if metrics.savings is not None:
        out.extend(_savings_figures(metrics.savings))
    out.extend(_change_figures(metrics.changes))
    if metrics.budget is not None and metrics.previous_budget is not None:
        out.extend(_line_changes(metrics.budget, metrics.previous_budget))
    if metrics.indicators is not None:
        out.extend(_indicator_figures(metrics.indicators, "indicators"))
    if metrics.benchmarks is not None:
        out.extend(_indicator_figures(metrics.benchmarks, "benchmarks"))
    if metrics.care is not None:
        out.extend(_care_figures(metrics.care))
    return out


#: How councils name each placement type in running text (regular expressions, matched
#: case-blind on word boundaries). The data layer's own label is matched as well.
TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "in_house_fostering": (r"in[- ]house fost\w*", r"internal (?:mainstream )?fost\w*",
                           r"council foster\w*", r"own foster carers?"),
    "ifa": (r"IFAs?", r"independent fostering(?: agenc(?:y|ies))?", r"agency (?:foster )?carers?",
            r"agency foster\w*", r"external fost\w*(?: care| placements?)?"),
    "residential": (r"residential(?: provision| care| placements?| units?| homes?)?",
                    r"children'?s homes?"),
    "kinship": (r"kinship", r"connected (?:persons? )?carers?", r"family and friends carers?"),
    "semi_independent": (r"semi[- ]independent", r"supported accommodation",
                         r"supported lodgings", r"leaving care placements?"),
    "placed_with_parents": (r"placed (?:at home )?with (?:their )?parents",),
    "secure": (r"secure(?: children'?s homes?| units?| placements?| care)?",),
    "other": (),
    # Not types of the data but words for several: "foster care" is in-house and IFA.
    "fostering": (r"foster(?:ing)? care", r"foster(?:ing)? placements?", r"fostering",
                  r"foster carers?"),
    "external": (r"external", r"independent sector", r"out of (?:the )?(?:authority|area)"),
}
#: Placement types that together are "foster care".
FOSTERING = ("in_house_fostering", "ifa")
_TYPE_NOUNS: dict[str, str] = {
    "in_house_fostering": "in-house fostering", "ifa": "IFA", "residential": "residential",
    "kinship": "kinship", "semi_independent": "semi-independent",
    "placed_with_parents": "placed with parents", "secure": "secure", "other": "other",
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


def _fig(key: str, label: str, value: float, unit: Unit, measure: str,
         subject: str | None = None, scope: str = "total", previous: bool = False,
         expression: str | None = None, of: str = "") -> Figure:
    return Figure(key=key, label=label, value=float(value), unit=unit,
                  expression=expression or _expr(key, unit), measure=measure,
                  subject=subject, scope=scope, previous=previous, of=of)


def _placement_figures(p: PlacementMetrics) -> list[Figure]:
    t = p.total
    out = [
        _fig("placements.total.count", "number of placements", t.count, "count", "count"),
        _fig("placements.total.total_weekly_cost", "total weekly cost of placements",
             t.total_weekly_cost, "money", "weekly_cost"),
        _fig("placements.total.average_weekly_cost", "average weekly cost of a placement",
             t.average_weekly_cost, "money", "average_weekly_cost"),
        _fig("placements.total.annual_cost", "annual cost of placements", t.annual_cost,
             "money", "annual_cost"),
    ]
    fostering = 0
    for i, s in enumerate(p.by_type):
        base = f"placements.by_type{_key_ref(p.by_type, s.placement_type, i)}"
        noun = _TYPE_NOUNS.get(s.placement_type, s.label)
        st = s.placement_type
        out += [
            _fig(f"{base}.count", f"number of {noun} placements", s.count, "count", "count",
                 subject=st, scope="type"),
            _fig(f"{base}.average_weekly_cost", f"average weekly cost of {noun} placements",
                 s.average_weekly_cost, "money", "average_weekly_cost", subject=st, scope="type"),
            _fig(f"{base}.total_weekly_cost", f"total weekly cost of {noun} placements",
                 s.total_weekly_cost, "money", "weekly_cost", subject=st, scope="type"),
            _fig(f"{base}.annual_cost", f"annual cost of {noun} placements", s.annual_cost,
                 "money", "annual_cost", subject=st, scope="type"),
            # "a residential placement costs around £250,000 a year": the average weekly cost
            # annualised as the metrics annualise every weekly cost (52 weeks)
            _fig(f"{base}.average_annual_cost", f"average annual cost of {noun} placements",
                 s.average_weekly_cost * WEEKS_PER_YEAR, "money", "average_annual_cost",
                 subject=st, scope="type",
                 expression=f"{{{{ ({base}.average_weekly_cost * {WEEKS_PER_YEAR}) | money }}}}"),
        ]
        if t.count:
            out.append(_fig(f"{base}.share", f"share of placements that are {noun}",
                            s.count / t.count, "percent", "share", subject=st, scope="type",
                            expression=f"{{{{ ({base}.count / placements.total.count) "
                                       "| percent }}"))
        if s.placement_type in FOSTERING:
            fostering += s.count
    kinds = [s.placement_type for s in p.by_type if s.placement_type in FOSTERING]
    if t.count and kinds:
        parts = " + ".join(f"placements.by_type['{k}'].count" for k in kinds)
        out.append(_fig("placements.fostering.share", "share of placements in foster care",
                        fostering / t.count, "percent", "share", subject="fostering",
                        scope="type",
                        expression=f"{{{{ (({parts}) / placements.total.count) | percent }}}}"))
    if p.average_annual_cost_per_child is not None:
        out.append(_fig("placements.average_annual_cost_per_child",
                        "average annual cost per child", p.average_annual_cost_per_child,
                        "money", "average_annual_cost"))
    for root, flows, kw in (("flows", p.flows, {}),
                            ("external_flows", p.external_flows,
                             {"subject": "external", "scope": "external"})):
        if flows is None:
            continue
        what = "external placements" if kw else "placements"
        out += [
            _fig(f"placements.{root}.started", f"{what} started", flows.started, "count",
                 "started", **kw),  # type: ignore[arg-type]
            _fig(f"placements.{root}.ended", f"{what} ended", flows.ended, "count", "ended",
                 **kw),  # type: ignore[arg-type]
        ]
    if p.in_period_cost is not None:
        out += [
            _fig("placements.in_period_cost.gross", "cost of placements in the period",
                 p.in_period_cost.gross, "money", "period_cost"),
            _fig("placements.in_period_cost.net", "net cost of placements in the period",
                 p.in_period_cost.net, "money", "net_period_cost"),
        ]
    out.append(_fig("placements.top.length", "high-cost placements reviewed", len(p.top),
                    "count", "reviewed", expression="{{ placements.top | length }}"))
    if p.top:
        out.append(_fig("placements.top[0].weekly_cost", "highest weekly placement cost",
                        p.top[0].weekly_cost, "money", "top_weekly_cost"))
        out.append(_fig("placements.top_weekly_cost",
                        f"weekly cost of the {len(p.top)} most expensive placements",
                        p.top_weekly_cost, "money", "weekly_cost", scope="top"))
    if p.renegotiated is not None:
        out.append(_fig("placements.renegotiated", "placements whose cost was renegotiated",
                        p.renegotiated, "count", "count", subject="renegotiated",
                        scope="measure"))
    return out


def _line_figures(base: str, line: BudgetLine, suffix: str, scope: str,
                  previous: bool) -> list[Figure]:
    name = None if scope == "total" else line.line
    title = "total" if name is None else name
    kw = {"subject": name, "scope": scope, "previous": previous}
    out = [
        _fig(f"{base}.budget", f"{title} budget{suffix}", line.budget, "money", "budget",
             **kw),  # type: ignore[arg-type]
        _fig(f"{base}.projected_spend", f"{title} projected spend{suffix}",
             line.projected_spend, "money", "spend", **kw),  # type: ignore[arg-type]
        _fig(f"{base}.variance", f"{title} variance{suffix}", line.variance, "money",
             "variance", **kw),  # type: ignore[arg-type]
    ]
    if line.variance_pct is not None and scope == "total":
        out.append(_fig(f"{base}.variance_pct", f"{title} variance as a share of budget{suffix}",
                        line.variance_pct, "percent", "variance_pct",
                        **kw))  # type: ignore[arg-type]
    return out


def _budget_figures(b: BudgetPosition, root: str, suffix: str, previous: bool) -> list[Figure]:
    out = _line_figures(f"{root}.total", b.total, suffix, "total", previous)
    for i, group in enumerate(b.groups):
        out += _line_figures(f"{root}.groups{_key_ref(b.groups, group.line, i)}", group,
                             suffix, "group", previous)
    for i, line in enumerate(b.lines):
        out += _line_figures(f"{root}.lines{_key_ref(b.lines, line.line, i)}", line, suffix,
                             "line", previous)
    return out


def _savings_figures(s: SavingsSummary) -> list[Figure]:
    def of(base: str, item: SavingsTotal, subject: str | None, scope: str) -> list[Figure]:
        title = subject or "total"
        kw = {"subject": subject, "scope": scope}
        out = [
            _fig(f"{base}.target", f"{title} savings target", item.target, "money", "target",
                 **kw),  # type: ignore[arg-type]
            _fig(f"{base}.achieved", f"{title} savings achieved", item.achieved, "money",
                 "achieved", **kw),  # type: ignore[arg-type]
            _fig(f"{base}.forecast", f"{title} forecast savings", item.forecast, "money",
                 "savings_forecast", **kw),  # type: ignore[arg-type]
            _fig(f"{base}.shortfall", f"{title} savings shortfall", item.shortfall, "money",
                 "shortfall", **kw),  # type: ignore[arg-type]
        ]
        if item.achieved_pct is not None:
            out.append(_fig(f"{base}.achieved_pct",
                            f"{title} savings achieved as a share of target",
                            item.achieved_pct, "percent", "achieved_pct",
                            **kw))  # type: ignore[arg-type]
        return out

    out = of("savings.total", s.total, None, "total")
    for i, a in enumerate(s.areas):
        area = a.area or ""
        out += of(f"savings.areas{_key_ref(s.areas, area, i)}", a, area, "area")
    for i, m in enumerate(s.measures):
        base = f"savings.measures{_key_ref(s.measures, m.measure, i)}"
        kw = {"subject": m.measure, "scope": "measure"}
        out += [
            _fig(f"{base}.target", f"{m.measure} savings target", m.target, "money", "target",
                 **kw),  # type: ignore[arg-type]
            _fig(f"{base}.achieved", f"{m.measure} savings achieved", m.achieved, "money",
                 "achieved", **kw),  # type: ignore[arg-type]
        ]
        if m.forecast is not None:  # a measure's forecast, where the file gives one
            out.append(_fig(f"{base}.forecast", f"{m.measure} forecast savings", m.forecast,
                            "money", "savings_forecast", **kw))  # type: ignore[arg-type]
    return out


_CHANGE_OF: dict[str, tuple[str, str]] = {
    "budget_budget": ("budget", "change in total budget"),
    "budget_projected_spend": ("spend", "change in total projected spend"),
    "budget_variance": ("variance", "change in total variance"),
    "savings_target": ("target", "change in savings target"),
    "savings_achieved": ("achieved", "change in savings achieved"),
    "savings_forecast": ("savings_forecast", "change in forecast savings"),
}


def _change_figures(c: Changes) -> list[Figure]:
    """The period-on-period differences of the totals (the previous values are under
    previous_*)."""
    out: list[Figure] = []
    for name, item in c.items():
        of, label = _CHANGE_OF[name]
        since = f" since {item.since}" if item.since else ""
        out.append(_fig(f"changes.{name}.difference", f"{label}{since}", item.difference,
                        "money", "change", of=of))
    return out


# --------------------------------------------------------------------------- words
#
# How councils say each measure. Every entry is a regular expression matched case-blind on
# word boundaries, with the measure it names and a sign: +1 says the figure is an overspend
# or an increase, -1 an underspend or a reduction, 0 either. Where two entries overlap in a
# sentence the longer match wins, so "savings target" beats "savings".

#: Money measures.
MONEY_WORDS: tuple[tuple[str, str, int], ...] = (
    # variance: over
    (r"(?:over[- ]?spen(?:d|ds|t|ding)|over budget|overspent by)", "variance", 1),
    (r"(?:in excess of (?:the |its |our )?(?:current )?(?:approved )?"
     r"(?:cash limit|budget)(?: provision| position)?)", "variance", 1),
    (r"(?:(?:budget |demand |cost |financial |in-year |service )?pressures?)", "variance", 1),
    (r"(?:(?:in-year |budget )?deficit)", "variance", 1),
    # A gap of this year's budget is its overspend ("the in year funding gap of £6.8m", "its
    # in-year budget, projecting a gap of £28.2m"); a gap alone is savings still to find.
    (r"(?:in[- ]year\b[^.;£\d]{0,60}?\b(?:funding |budget |financial )?gap)", "variance", 1),
    (r"(?:adverse (?:variance|position))", "variance", 1),
    # variance: under
    (r"(?:under[- ]?spen(?:d|ds|t|ding)|under budget|underspent by|surplus|"
     r"favourable (?:variance|position))", "variance", -1),
    # Income or a saving above its budget is a favourable variance ("forecast to overachieve
    # by £0.488m"); "unfavourable" is the adverse one ("an unfavourable variance of £209,000").
    (r"(?:over-?achiev(?:e|es|ed|ing)(?: by)?)", "variance", -1),
    (r"(?:(?:unfavourable|adverse) (?:(?:draft|revised|forecast|projected|final) )*"
     r"(?:variance|position|outturn))", "variance", 1),
    (r"(?:(?<!un)favourable (?:(?:draft|revised|forecast|projected|final) )*"
     r"(?:variance|position|outturn))", "variance", -1),
    # variance: either
    (r"(?:(?:net )?variances?|variation|(?:forecast |projected )?(?:budget |outturn )?position|"
     r"outturn position)", "variance", 0),
    # "£1.247m less than the budget", "£0.3m below budget": a variance said as a comparison
    # (not "above the approved budget of £375.2m": there the budget is the amount's measure)
    (r"(?:(?:less than|below|under|lower than) (?:the |its )?(?:\w+ )?budget(?!\s+of\b))",
     "variance", -1),
    (r"(?:(?:more than|above|higher than|greater than) (?:the |its )?(?:\w+ )?budget"
     r"(?!\s+of\b))", "variance", 1),
    # "£2.7m more than the budgeted provision", "£0.4m less than budgeted": the same, said of
    # what was budgeted (not "above the budgeted surplus", "below budgeted income": there a
    # surplus or income is compared, whose excess is the reverse)
    (r"(?:(?:less than|below|lower than) (?:the |its )?budgeted(?: (?:provision|figure|"
     r"amount|sum|level|spend|expenditure|cost))?(?!\s+(?:of\b|surplus|deficit|income|"
     r"savings?|receipts?)))", "variance", -1),
    (r"(?:(?:more than|above|higher than|greater than) (?:the |its )?budgeted(?: (?:provision|"
     r"figure|amount|sum|level|spend|expenditure|cost))?(?!\s+(?:of\b|surplus|deficit|"
     r"income|savings?|receipts?)))", "variance", 1),
    # "net spend would be over the approved budget by £14.246m"
    (r"(?:over (?:the |its )(?:\w+ )?budget(?: by)?(?!\s+of\b))", "variance", 1),
    (r"(?:under (?:the |its )(?:\w+ )?budget(?: by)?(?!\s+of\b))", "variance", -1),
    # budget
    # (a bare "allocation" is not one: "the allocation of £5 million from Contingency")
    # (the longer forms first: "budget provision of £15.9m" is one measure word)
    (r"(?:budget allocations?|budget provisions?|budgets?|cash limits?|grants?)", "budget", 0),
    # "the net budget requirement for 2019/20 of £10.0m": the statutory name of the net budget
    # a council sets (what council tax and grants must meet), not a savings requirement
    (r"(?:budget requirements?)", "budget", 0),
    # ... and so is a "spending requirement" (or expenditure requirement), the same net budget
    # said of what is to be spent ("the net spending requirement for 2018/19 is £376,500"):
    # what must be spent, not what must be saved
    (r"(?:(?:spending|expenditure) requirements?)", "budget", 0),
    # "£141,000 had been budgeted for play parks": what was budgeted is the budget
    (r"(?:(?:has|have|had|was|were|is|are|been|be)\s+)+budgeted", "budget", 0),
    # spend
    (r"(?:(?:projected |forecast |actual |total |net |gross )?(?:spend|spending|expenditure)|"
     r"(?:full[- ]year |year[- ]end )?projection)", "spend", 0),
    # "outturn" alone is a council's spend or its position against budget ("the outturn was
    # estimated at £4.97M" of an overspend): either, so only a figure both readings give is
    # claimed.
    (r"(?:(?:forecast |projected )?outturn)", "spend|variance", 0),
    # "a forecast of £116.3m" (a bare noun: bound or yields); not a forecast of income ("the
    # forecast of income has increased by £6,700"), which is no spend
    (r"(?:forecasts?(?!\s+(?:of\s+)?(?:income|receipts|fees|charges)\b))", "spend", 0),
    (r"(?:costs?)", "spend|weekly_cost|average_weekly_cost|annual_cost", 0),
    # savings
    (r"(?:sav(?:ings?|e) (?:targets?|requirements?)|targets?|requirements?|"
     r"required|to be saved|approved to be realised|savings? plans?|"
     r"budget(?:ed)? savings|savings budget)", "target", 0),
    # Savings put forward or agreed, not yet made, are what is to be saved: "savings
    # proposals amounting to £2.8m", "is proposing savings totalling £8m", "agreed savings".
    (r"(?:savings? proposals?|(?:propos(?:ed|ing)|planned|agreed|approved) savings|"
     r"savings? (?:proposed|planned|agreed))", "target", 0),
    # ... and so are reductions, cuts and efficiencies agreed, and the nouns joined to them:
    # "£4.5m of reductions agreed in November", "agreed savings and efficiencies worth £4.6m".
    (r"(?:(?:propos(?:ed|ing)|planned|agreed|approved) (?:savings|efficiencies|reductions|cuts)"
     r" and (?:savings|efficiencies|reductions|cuts)|(?:propos(?:ed|ing)|planned|agreed|approved)"
     r" (?:efficiencies|reductions|cuts)|(?:reductions|cuts|efficiencies) (?:proposed|planned|"
     r"agreed|approved))", "target", 0),
    # Savings still to be made are what is to be saved ("total savings to be delivered next
    # year"); those expected to be made are the forecast. (Those "yet" or "still" to be made,
    # or that remain to be, are the shortfall, below.)
    # (the forecast first: "expected" is also a qualifier, so both match the same words)
    (r"(?:forecast|expected|projected|anticipated|predicted|likely) to be (?:delivered|achieved|"
     r"made|realised)", "savings_forecast", 0),
    (r"(?:savings\s+)?to be (?:delivered|achieved|made|realised)", "target", 0),
    # The verb: "the authority proposes to save £21.3m" is what is to be saved ("is forecast
    # to save" may be the plan or a forecast: FORECAST_SAVING_WORDS; "saved" is done: achieved,
    # below).
    (r"(?<!\bbeen )(?<!forecast )(?<!expected )(?<!projected )(?<!anticipated )"
     r"(?<!predicted )(?<!likely )to (?:save|cut)(?!\s+(?:money|costs?|time)\b)"
     r"(?![^.;£\d]{0,60}\bby\b)", "target", 0),  # not "to cut the overspend by £2m" (a change)
    # Savings said to be forecast: listed before "saving(s)" below, which a qualifier
    # ("forecast", "expected") would otherwise claim with the same words.
    (r"(?:(?:forecast|projected|expected|anticipated) savings?)", "savings_forecast", 0),
    # "despite the Authority delivering savings of £1.55m": a thing done ("is delivering
    # savings" is under way, not done)
    (r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )delivering savings", "achieved", 0),
    (r"(?:achieved|delivered|realised|savings made|secured|generated|savings? achieved|"
     r"savings? delivered|saved|saving)", "achieved", 0),
    # "savings" alone is what is to be saved or what was ("to achieve a further £25m in-year
    # savings" is a target): only a figure both readings give is claimed, unless a status
    # word says which ("saving around £200,000", a thing done, is achieved).
    (r"(?:savings|(?:cost|budget|spending) reductions|efficiency savings|efficiencies)",
     "target|achieved", 0),
    (r"(?:shortfall|(?:budget |funding |savings )?gap|yet to be (?:delivered|achieved|found)|"
     r"(?:net )?under-?(?:achievement|delivery)|non-?delivery|slippage|"
     r"still to be (?:delivered|achieved|found)|undelivered|unachieved|"
     r"(?:remain(?:s|ing)?|left) to be (?:delivered|achieved|found|made))", "shortfall", 0),
    # "identified £2.1m of efficiencies": savings found or planned, no figure of the data
    (r"(?:identified|(?:savings|efficiencies) (?:plans? )?identified)", "identified", 0),
    # costs of placements
    (r"(?:average (?:weekly )?cost|average cost per week|weekly average|average)",
     "average_weekly_cost|average_annual_cost", 0),
    (r"(?:average (?:annual )?cost (?:for|of|per) (?:each|a|one) (?:child|young person)|"
     r"average annual cost)", "average_annual_cost", 0),
    (r"(?:total weekly cost)", "weekly_cost", 0),
    (r"(?:weekly cost|cost per week|costs? a week)", "weekly_cost|average_weekly_cost", 0),
    (r"(?:annual cost|cost per (?:annum|year))", "annual_cost", 0),
    # The cost of one child's or one placement's care is an average, weekly or yearly as the
    # words after the amount say: "costs of looking after a young person in a children's home",
    # "cost for a council foster carer to look after a child", "a residential placement costs".
    (r"(?:costs? (?:of|for) (?:looking after|caring for|placing|supporting) (?:a|one|each) "
     r"(?:young person|child)|costs? (?:for|of) (?:a|an|one) (?:[\w'’-]+ ){0,4}?to (?:look after|"
     r"care for|support) (?:a|one|each) (?:young person|child)|(?:a|an|one|each) (?:[\w'’-]+ )"
     r"{0,3}?placement costs?|costs? (?:per|for each|of each) (?:child|young person|placement))",
     "average_weekly_cost|average_annual_cost", 0),
    # changes from the previous period
    (r"(?:increase(?:d)?(?: of| by)?|rise(?: of)?|risen by|rose by|up by|grown by|"
     r"additional|further|more than (?:at|in) the|higher by|"
     # "£22.6m more than last year": a change since the previous period
     r"more than (?:in |at )?(?:the )?(?:last|previous|prior) (?:financial )?(?:year|quarter|"
     r"month))", "change", 1),
    (r"(?:reduction(?: of)?|reduced by|decrease(?:d)?(?: of| by)?|fall(?: of)?|fell by|"
     r"down by|lower by|less than (?:at|in) the|less than (?:in |at )?(?:the )?(?:last|"
     r"previous|prior) (?:financial )?(?:year|quarter|month))", "change", -1),
    (r"(?:(?:budget )?movement|moved by|change(?:d)?(?: of| by)?)", "change", 0),
    # The verbs of rising or falling with the amount straight after them, no "by" ("the Town
    # Centre Maintenance has risen £600 this year", "costs fell £2m"): the change, as "risen by"
    # is (not "has risen to £5m": a level, read by the words of change to a level)
    (r"(?:(?:has |have |had )?(?:risen|grown|gone up)|rose|grew|went up)(?=\s+£)", "change", 1),
    (r"(?:(?:has |have |had )?(?:fallen|dropped|gone down)|fell|dropped|went down)(?=\s+£)",
     "change", -1),
    # "would exceed the proposed budget by £755", "is forecast to exceed its budget by £0.5m":
    # the amount over budget, an overspend (not "exceeds the budget of £5m": the budget's)
    (r"(?:exceed(?:s|ed|ing)? (?:the |its |our |their )?(?:[\w-]+ )?budget(?:ed (?:figure|"
     r"amount|level|provision))?(?: by)?(?!\s+of\b))", "variance", 1),
    # a position that improves has less overspend (or more underspend)
    (r"(?:improvement(?: of)?|improved by)", "change:variance", -1),
    (r"(?:deterioration(?: of)?|deteriorated by|worsened by)", "change:variance", 1),
)

#: Budget growth, as budget setting says it: money invested in a service, added to its budget,
#: a boost for it, growth approved for it ("invest £2m in ...", "£1.5m is being invested",
#: "adding £3m to the placements budget", "an £8m boost for care", "budget growth of £2.5m",
#: "£0.4m of investment proposals", "additional funding of £600,000"). The data hold it as the
#: budget's change since the previous period (a budget file with that period), but a growth
#: item is not the whole change (savings and inflation move a budget too), so a claim read
#: from these words is inferred: a warning, never an error. Not capital investment, investment
#: income or returns, nor invest-to-save schemes, which are no budget's growth.
_AMOUNT_AHEAD = (r"\s+(?:an?\s+)?(?:(?:extra|additional|further)\s+)?£?\s?[\d.,]+\s*"
                 r"(?:m|k|bn|million|billion|thousand)?")
_NOT_CAPITAL = (r"(?!(?:" + _AMOUNT_AHEAD + r")?\s+(?:(?:in|into|on|for)\s+(?:[\w-]+\s+){0,2}?|"
                r"of\s+)capital\b)")
GROWTH_WORDS: tuple[tuple[str, str, int], ...] = (
    # "invest £2m", "invest an extra £28m in ...", "investing a further £1m"
    (r"(?<!capital )invest(?:s|ed|ing)?(?:\s+an?\s+extra)?"
     r"(?![\s-]+to[\s-]+save)" + _NOT_CAPITAL, "change:budget", 1),
    # "£8m is also being invested", "£1.4m had been put into the budget" (what was put, added
    # or injected into something else is read only when it is a budget)
    (r"(?:(?:is|are|was|were|has|have|had|will|would|to)\s+)?(?:(?:also|now)\s+)?"
     r"(?:(?:been|be|being)\s+)?(?:(?:also|now)\s+)?(?:invested(?![\s-]+to[\s-]+save)"
     r"|(?:put|added|injected|allocated)\s+(?:in|into|to)\s+(?:the\s+|its\s+|our\s+)?"
     r"(?:[\w'’&-]+\s+){0,4}?budgets?)" + _NOT_CAPITAL, "change:budget", 1),
    # "adding £12m to social care budgets", "added £1m to the fostering budget"
    (r"add(?:s|ed|ing)?(?=" + _AMOUNT_AHEAD + r"\s+(?:in)?to\s+(?:the\s+|its\s+|our\s+)?"
     r"(?:[\w'’&-]+\s+){0,4}?budgets?\b)", "change:budget", 1),
    # "a £6.6m investment", "£1m of investment", "investment proposals of £3m", "investment of"
    (r"(?<!capital )investment(?:\s+(?:proposals?|bids?|package))?"
     r"(?!\s+(?:income|returns?|approach|portfolio|propert(?:y|ies)|strategy|fund|"
     r"programme|board|activity|activities|assets?)\b)(?![\s-]+to[\s-]+save)"
     + _NOT_CAPITAL, "change:budget", 1),
    # "an £11 million boost for care", "a boost of £2m"
    # (not "a £2m boost from government", "a boost to the council's finances": income)
    (r"boost(?!\s+from\b)(?!\s+(?:to|for)\s+(?:the\s+)?(?:council'?s?\s+)?(?:finances|"
     r"reserves|income)\b)",
     "change:budget", 1),
    # "approved budget growth of £2.5m", "growth bids of £1m", "£3m of growth"
    (r"(?:(?:budget|service|revenue|approved|agreed|proposed)\s+growth|growth\s+(?:bids?|"
     r"funding|items?|allocations?|proposals?)|(?<=of )growth(?!\s+in\b))", "change:budget", 1),
    # "additional funding of £600,000", "extra funding of £1m"
    (r"(?:additional|extra|further|new)\s+funding", "change:budget", 1),
    # "a supplementary budget of £574,297", "a £20,000 supplementary budget request for X",
    # "a supplementary estimate of £1m": money added to a budget during the year
    # (not one for capital: "a supplementary budget of £1m for capital works")
    (r"supplementary\s+(?:budgets?|estimates?)(?:\s+(?:requests?|bids?))?"
     r"(?!(?:[^.;]|\.(?=\d)){0,50}\bcapital\b)", "change:budget", 1),
    # "£5m in funding to support looked after children", "£2m in new funding for fostering":
    # an allocation, its words after the amount (inferred, as all growth)
    (r"in\s+(?:new\s+|additional\s+|extra\s+)?funding(?=\s+(?:to\s+(?:help\s+)?(?:support|"
     r"fund|provide|expand|improve)|for)\b)", "change:budget", 1),
    # Not growth, but as unsure: "reduce costs by £10.6m" is savings (of either reading unless
    # the words say which: "having to reduce costs by", PLANNED_BEFORE), or a recovery plan's
    # aim for an overspend, which no figure of the data holds.
    (r"(?:reduc(?:e|ing) (?:its |our |their |the )?(?:costs|spending|expenditure) by)",
     "target|achieved", 0),
)
#: After an amount that opens a sentence or a list item with no verb of its own, words that
#: say what it is given for ("£3.8m to support home to school transport", "£2m funding will
#: support ..."): an allocation of budget setting, read as the budget's growth (inferred).
ALLOCATION_AFTER = (r"\s+(?:of\s+)?(?:(?:new|additional|extra)\s+)?(?:funding\s+|investment\s+)?"
                    r"(?:will\s+|to\s+)(?:help\s+)?(?:support|increase|fund|expand|provide|"
                    r"improve|meet)\b")
#: ... and "£2m for children placement costs", an amount opening a list item with just "for"
#: and the name of what it is for (no measure word of its own besides the name's).
ALLOCATION_FOR = r"\s+(?:of\s+)?(?:(?:new|additional|extra)\s+)?(?:funding\s+|investment\s+)?for\b"

#: Spending said as a plan or a habit, as budget setting and residents' pages say it: "the
#: council will spend £444m next year on local services", "£82m should be spent on running
#: services", "see us spend £428m to provide services", "Dudley Council spends £110.7m on adult
#: social care every year". What a council plans to spend, or spends year by year, is its
#: budget; but "will spend" may be a forecast too, so the reading is inferred (a warning) and
#: a number that agrees with the same subject's projected spend is that figure. ("is forecast
#: to spend", "spent" and "spending" stay the spend.)
PLANNED_SPEND_WORDS: tuple[tuple[str, str, int], ...] = (
    (r"(?:(?:will|shall|plans?\s+to|planning\s+to|intends?\s+to|is\s+to|are\s+to|see\s+us)"
     r"\s+(?:also\s+|now\s+|continue\s+to\s+)?spend|spends)", "budget", 0),
    (r"(?:(?:will|shall|should|would|is\s+to|are\s+to)\s+(?:also\s+|now\s+)?be\s+spent)",
     "budget", 0),
)

#: Savings said to be forecast ("is forecast to save a further £62.8m over the next three years -
#: £21.3m next year"): a budget's plan (the target) or a forecast of delivery, so inferred, and a
#: number agreeing with the forecast savings is that figure.
FORECAST_SAVING_WORDS: tuple[tuple[str, str, int], ...] = (
    (r"(?:(?:is|are|was|were|being)\s+)?(?:forecast|expected|projected|anticipated|predicted)\s+"
     r"to\s+save", "target", 0),
)

#: Changes of a count ("rose by 9", "a decrease of 5"): the change of children looked after
#: over a window, of placements (started less ended) or of an indicator since its last point.
_COUNT_CHANGE_TAIL = r"(?: of| by| from [\w ]{0,30}? of)?"
COUNT_CHANGE_WORDS: tuple[tuple[str, str, int], ...] = (
    (r"(?:(?:net )?increase(?:d|s)?|increasing|rise|rose|risen|grew|grown|up)"
     + _COUNT_CHANGE_TAIL, "change", 1),
    (r"(?:(?:net )?(?:reduction|decrease)|reduced|decrease(?:d|s)|fall|fell|fallen|dropped|"
     r"drop|down)" + _COUNT_CHANGE_TAIL, "change", -1),
    (r"(?:(?:net )?change(?:d)?)(?: of| by)", "change", 0),
)

#: Words that sit next to a measure word and change which figure it is: a period word of
#: the change ("budget movement" is a change of the forecast variance), a noun a measure word
#: merely describes ("savings programme"). Each maps to the measure it names, or "" for none.
OVERRIDES: tuple[tuple[str, str, int], ...] = (
    (r"(?:budget movement|movement in the (?:forecast|position|overspend|variance))",
     "change:variance", 0),
    (r"(?:savings? (?:programmes?|options?|schemes?|levels?)|"
     r"budget (?:setting|preparation|monitoring|report|line|lines|book)|"
     r"(?:budget|funding) formula|revenue budget report)", "", 0),
)

#: After savings of either reading ("savings", "cost reductions"), words that say they are
#: planned, not made: "cost reductions of £3m had been agreed" are the target.
PLANNED_AFTER = (r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:(?:has|have|had|having|was|were|is|are|being)\s+"
                 r"(?:already\s+)?(?:been\s+)?(?:agreed|approved|proposed|planned)|"
                 # "Delivery of £31m of savings in 2017/18 is on track": the plan's amount
                 r"(?:is|are|remains?)\s+(?:(?:broadly|currently|still)\s+)?on\s+track|"
                 # "the saving of £810,000 proposed for staff costs"
                 r"(?<=[A-Za-z])\s+of\s+£\s?[\d.,]+\s*(?:m|k|bn|million|thousand)?\s+"
                 r"(?:proposed|planned|agreed|approved)|"
                 # "savings of £1.8 million should be found during the year ahead"
                 r"(?:should|must|will\s+need\s+to|needs?\s+to|ha(?:s|ve)\s+to|will)\s+be\s+"
                 r"(?:found|made|delivered|achieved|realised))\b")
#: Before savings of either reading, words that say they are to be made: an obligation or a
#: plan ("the need to make £23m of savings", "having to reduce costs by £10.6m", "will be
#: required to find £5.3m savings"), or a budget that includes them ("the 2014/15 budget also
#: included savings of £4.3m"). Never "identified" (issue 26: savings found are no target).
PLANNED_BEFORE = (r"(?:(?:\b(?:need(?:s|ed)?|ha(?:s|ve|d|ving)|required|plan(?:s|ned|ning)?|"
                  r"aim(?:s|ing)?)\s+to|\bmust)\s+(?:(?:make|find|deliver|achieve|save)\b"
                  r"(?:(?!\band\b)(?:[^.;,]|[.,](?=\d))){0,45})?|\bbudgets?\s+(?:[\w/'’-]+\s+){0,4}?"
                  r"includ(?:e|es|ed|ing)\s+(?:(?:total|further|additional|new|planned|"
                  r"proposed)\s+)?|"
                  # a decision to approve or agree them: "to approve the category A savings for
                  # the Roads Department totalling £452,000", "agreed the further savings"
                  r"\b(?:approv(?:e|es|ed|ing)|agree(?:s|d|ing)?|recommend(?:s|ed|ing)?)\s+"
                  r"(?:the\s+|these\s+|those\s+|further\s+)?(?:[\w-]+\s+){0,5}?)$")

#: Percentages.
PERCENT_WORDS: tuple[tuple[str, str, int], ...] = (
    # (also "of Portfolio budgets", "of the directorate's net budget")
    (r"(?:of (?:the )?(?:total |net |revised )?budget|of (?:the |its |our )?(?:[\w'’-]+ ){1,2}?"
     r"budgets?|(?:over|under) ?spen(?:d|t))", "variance_pct", 0),
    # "a variation of 2.86% from the revised budget", "4.7% against the approved budget"
    (r"(?:(?:from|against) (?:the |its |our )?(?:(?:total|net|revised|approved|original|current) )"
     r"{0,2}budget)", "variance_pct", 0),
    (r"(?:of (?:the )?(?:savings? )?(?:target|requirement|required amount)|"
     r"(?:savings? )?(?:delivery|achieved|delivered|realised))", "achieved_pct", 0),
    (r"(?:of (?:all |the )?(?:total )?(?:number of )?(?:placements|children|CLA|"
     r"looked after children|children (?:in|looked after)))", "share", 0),
)

#: Counts.
#: (also "children and young people coming in to care": the flow's own subject)
_WHO = r"(?:(?:children(?: and young people)?|young people|placements)(?: were| have| had)? )?"
COUNT_WORDS: tuple[tuple[str, str, int], ...] = (
    # Placements, not children: with an SSDA903 file a child starting to be looked after
    # and a placement starting are two figures. Listed first: of two words of one length,
    # the first listed wins ("placements started").
    (r"(?:new placements|placement starts|placements? (?:were |have been |had been )?"
     r"(?:started|starting|made|began|begun|commenced))", "placement_started", 0),
    (r"(?:placement endings|placements? (?:were |have |had )?(?:ended|ending|finished))",
     "placement_ended", 0),
    (r"(?:periods? of care (?:that )?(?:started|starting|began|begun))", "periods_started", 0),
    (r"(?:periods? of care (?:that )?(?:ended|ending|ceased))", "periods_ended", 0),
    (_WHO + r"(?:(?:admitted|taken|received|brought) (?:in)?to (?:the |our )?care|"
     r"admissions (?:in)?to care|care admissions|"
     r"(?:came|come|coming|entered|entering) (?:into |in to )?(?:our )?care|"
     r"(?:became|become|becoming) looked after|"
     r"new(?:ly)? (?:placed|placements|entrants)|starters|start(?:ed|ing)|"
     r"accommodated|placed (?:during|in) the)", "started", 0),
    (_WHO + r"(?:discharged from care|discharges from care|left care|leaving care|"
     r"ceased to be looked after|leavers|end(?:ed|ing)|moved on|leaving (?:external )?"
     r"placements|left (?:external )?placements)", "ended", 0),
    (r"(?:placements?|(?:looked[- ]after )?children(?!'s)(?: and young people)?"
     r"(?: in care| looked after| placed)?|young people(?: placed| in care| looked after)?|"
     r"CLA|LAC|CiC|number of children(?: in care| looked after)?|"
     # the children looked after as a population: "our looked after population of 150"
     r"(?:looked[- ]after|care|CLA|LAC|CiC) population)", "count", 0),
    # A count with no noun whose verb says what it counts: "more than 400 are legally
    # considered to be 'looked after'", "212 were looked after".
    (r"(?:are|were|is|was)\s+(?:(?:legally|currently|now|formally)\s+)?(?:(?:considered|"
     r"deemed|classed|classified|recorded)\s+(?:to\s+be\s+|as\s+(?:being\s+)?)?)?"
     r"['‘\"]?looked[- ]after(?:['’\"](?!\w))?", "count", 0),
)

#: Words that qualify a measure as an aggregate: "combined" names a group of lines where
#: the data have exactly one (else the total), "total" and "overall" the total.
AGGREGATE_WORDS: dict[str, str] = {"combined": "group", "total": "total", "overall": "total",
                                   "altogether": "total"}

#: Nouns that say nothing of what an amount is ("a total of £2m", "a figure of £854", "in the
#: region of £250,000"): before "of £X" they leave the amount to the sentence's measure word.
#: Any other noun there ("the allocation of £5 million", "management action of £672,000")
#: that is no measure word makes the amount its own, never checked.
NEUTRAL_HEADS = frozenset({
    "total", "sum", "figure", "amount", "value", "level", "tune", "excess", "region", "order",
    "equivalent", "estimate", "forecast", "projection", "position", "outturn", "balance",
    "upwards", "terms",
    "average", "ceiling", "maximum", "minimum", "rate", "tally",
    # a period between a measure and its amount: "a budget movement in the quarter of £3.3m"
    "quarter", "month", "period", "year", "week"})

#: Words that say a number is an earlier period's figure (the previous period is then meant).
PREVIOUS_WORDS = (r"previously (?:reported|advised|forecast|stated)|"
                  r"(?:at|by)\s+(?:the\s+same\s+(?:point|time|stage)|this\s+time)\s+last\s+year|"
                  r"last (?:quarter|month|"
                  r"report|year)|(?:at|in|from|for|of) the (?:last|previous|prior) (?:financial )?"
                  r"(?:quarter|month|report|year)|(?:in )?the prior year")


def _line_changes(now: BudgetPosition, before: BudgetPosition) -> list[Figure]:
    """A line's change since the previous period (a line in both periods, named the same)."""
    out: list[Figure] = []
    fields = (("budget", "budget"), ("projected_spend", "spend"), ("variance", "variance"))
    for i, line in enumerate(now.lines):
        if line.line not in before.lines:
            continue
        old = before.lines[line.line]
        ref_now = f"budget.lines{_key_ref(now.lines, line.line, i)}"
        j = next(k for k, x in enumerate(before.lines) if x.line == line.line)
        ref_old = f"previous_budget.lines{_key_ref(before.lines, line.line, j)}"
        for attr, measure in fields:
            diff = getattr(line, attr) - getattr(old, attr)
            out.append(_fig(f"changes.lines.{line.line}.{attr}",
                            f"change in {line.line} {measure}", diff, "money", "change",
                            subject=line.line, scope="line", of=measure,
                            expression=f"{{{{ ({ref_now}.{attr} - {ref_old}.{attr}) "
                                       "| money }}"))
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
                   subject: str, measure: str | None = None) -> Figure:
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
    # An indicator's own name is its subject; what it measures follows its unit.
    named = measure or {"money": "spend", "percent": "share", "count": "count"}[kind]
    return _fig(key, label, value / 100 if kind == "percent" else value, kind, named,
                subject=subject, scope="measure", expression=expression)


def _indicator_figures(series: Keyed[IndicatorSeries], root: str) -> list[Figure]:
    """Each measure's value in each period (the council's), its target, and the neighbours'
    average and England's value where the data give them. The subject is the measure's name
    as the data write it (without a trailing "per 10,000 …" or "(%)"), latest period first."""
    out: list[Figure] = []
    for at, s in enumerate(series):
        subject = _UNIT_TAIL.sub("", s.measure).strip() or s.measure
        for n, point in enumerate(reversed(list(s))):
            base = f"{root}{_subscript(s.measure, at)}{_subscript(point.period, len(s) - 1 - n)}"
            label = f"{s.measure} ({point.period})"
            if point.value is not None:
                out.append(_indicator_fig(f"{base}.value", label, point.value, point.unit,
                                          point.decimals, subject))
            if point.target is not None:
                out.append(_indicator_fig(f"{base}.target", f"{s.measure} target "
                                          f"({point.period})", point.target, point.unit,
                                          point.target_decimals, subject, "target"))
            if point.neighbours_average is not None:
                out.append(_indicator_fig(
                    f"{base}.neighbours_average", f"{label}, statistical neighbours",
                    point.neighbours_average, point.unit, point.neighbours_decimals,
                    f"{subject}, statistical neighbours", "comparator"))
            if point.england is not None:
                england = next(a for a in point.areas if a.area_type == "england")
                out.append(_indicator_fig(f"{base}.england", f"{label}, England",
                                          point.england, point.unit, england.decimals,
                                          f"{subject}, England", "comparator"))
    return out


def _care_figures(c: CareMetrics) -> list[Figure]:
    """Counts from SSDA903 episodes: children looked after, starting and leaving care, moves
    and placement stability."""
    out = [
        _fig("care.looked_after", "children looked after", c.looked_after, "count", "count",
             scope="care"),
        _fig("care.three_or_more_placements",
             "children with three or more placements in the year",
             c.three_or_more_placements, "count", "count", subject="three or more placements",
             scope="measure"),
    ]
    if c.three_or_more_placements_pct is not None:
        out.append(_fig("care.three_or_more_placements_pct",
                        "share of children with three or more placements in the year",
                        c.three_or_more_placements_pct, "percent", "share",
                        subject="three or more placements", scope="measure"))
    if c.start is not None:
        out += [
            _fig("care.started", "children who started to be looked after", c.started,
                 "count", "started", scope="care"),
            _fig("care.ceased", "children who ceased to be looked after", c.ceased, "count",
                 "ended", scope="care"),
            _fig("care.placement_changes", "changes of placement", c.placement_changes,
                 "count", "count", subject="changes of placement", scope="measure"),
        ]
    return out


# --------------------------------------------------------------------------- counts (issue 26)


def count_figures(metrics: Metrics) -> list[Figure]:
    """The counts only checks/counts.py reads (so the money reading is unchanged), beyond
    :func:`figures`' own: children looked
    after the day before the period, periods of care, placements started and ended, children
    by the DfE's placement groups, the changes of a count (children looked after, placements,
    a count indicator since its last point) and each of these over the year to date and the
    collection year (``year_to_date.care.started``). A window's figures carry its name as the
    first part of their key; the period's are the names ``care`` and ``placements``."""
    out: list[Figure] = []
    if metrics.care is not None:
        out.extend(_care_counts(metrics.care, "care", ""))
    p = metrics.placements
    if p is not None:
        for root, flows, kw in (("flows", p.flows, {}),
                                ("external_flows", p.external_flows,
                                 {"subject": "external", "scope": "external"})):
            if flows is not None:
                what = "external placements" if kw else "placements"
                out.append(_fig(f"placements.{root}.net", f"change in {what} (started less "
                                "ended)", flows.net, "count", "change", of="count",
                                **kw))  # type: ignore[arg-type]
    if metrics.windows is not None:
        for name, window in metrics.windows.items():
            if name == "period":
                continue  # the period's figures are care and placements.flows above
            out.extend(_window_counts(name, window))
    for root, series in (("indicators", metrics.indicators),
                         ("benchmarks", metrics.benchmarks)):
        if series is not None:
            out.extend(_indicator_changes(series, root))
    return out


def _care_counts(c: CareMetrics, root: str, suffix: str) -> list[Figure]:
    """Counts of ``c`` that :func:`_care_figures` leaves out (``root`` its name)."""
    out: list[Figure] = []
    if c.looked_after_at_start is not None:
        out.append(_fig(f"{root}.looked_after_at_start",
                        f"children looked after the day before {c.start}{suffix}",
                        c.looked_after_at_start, "count", "start_count", scope="care"))
        if c.looked_after_at_end is not None:
            out.append(_fig(f"changes.{root}.looked_after",
                            f"change in children looked after since {c.start}{suffix}",
                            c.looked_after_at_end - c.looked_after_at_start, "count", "change",
                            scope="care", of="count",
                            expression=f"{{{{ ({root}.looked_after_at_end - "
                                       f"{root}.looked_after_at_start) }}}}"))
    if c.periods_started is not None:
        out.append(_fig(f"{root}.periods_started", f"periods of care started{suffix}",
                        c.periods_started, "count", "periods_started", scope="care"))
    if c.periods_ended is not None:
        out.append(_fig(f"{root}.periods_ended", f"periods of care ended{suffix}",
                        c.periods_ended, "count", "periods_ended", scope="care"))
    if c.start is not None:
        out += [_fig(f"{root}.placements_started", f"placements started{suffix}",
                     c.placements_started, "count", "placement_started", scope="care"),
                _fig(f"{root}.placements_ended", f"placements ended{suffix}",
                     c.placements_ended, "count", "placement_ended", scope="care")]
    for i, g in enumerate(c.placement_groups):
        out.append(_fig(f"{root}.placement_groups{_key_ref(c.placement_groups, g.group, i)}"
                        ".count", f"children looked after in {g.label}{suffix}", g.count,
                        "count", "count", subject=g.label, scope="measure"))
    return out


def _window_counts(name: str, w: Window) -> list[Figure]:
    """A window's counts, named from the window (``collection_year.care.started``)."""
    suffix = f" ({w.label})"
    out: list[Figure] = []
    for root, flows, kw in (("flows", w.flows, {}),
                            ("external_flows", w.external_flows,
                             {"subject": "external", "scope": "external"})):
        if flows is None:
            continue
        what = "external placements" if kw else "placements"
        base = f"{name}.{root}"
        out += [
            _fig(f"{base}.started", f"{what} started{suffix}", flows.started, "count",
                 "started", **kw),  # type: ignore[arg-type]
            _fig(f"{base}.ended", f"{what} ended{suffix}", flows.ended, "count", "ended",
                 **kw),  # type: ignore[arg-type]
            _fig(f"{base}.net", f"change in {what}{suffix}", flows.net, "count", "change",
                 of="count", **kw),  # type: ignore[arg-type]
        ]
    if w.care is not None:
        care = [dataclasses.replace(f, key=f"{name}.{f.key}", label=f"{f.label}{suffix}",
                                    expression=f.expression.replace("care.",
                                                                    f"{name}.care."))
                for f in _care_figures(w.care)]
        out += care + _care_counts(w.care, f"{name}.care", suffix)
    return out


#: An indicator whose name is a change ("Foster carers net increase"): its value is said with
#: the change words, so a change of it is not read from them.
_CHANGE_NAME = re.compile(r"\b(?:increase|decrease|change|rise|fall|reduction|growth)\b",
                          re.IGNORECASE)


def _indicator_changes(series: Keyed[IndicatorSeries], root: str) -> list[Figure]:
    """A count indicator's change since its previous point, and that point's value (the "52"
    of "up from 52 to 61"), for each point that has one."""
    out: list[Figure] = []
    for at, s in enumerate(series):
        subject = _UNIT_TAIL.sub("", s.measure).strip() or s.measure
        if _CHANGE_NAME.search(subject):
            continue
        for n, point in enumerate(reversed(list(s))):
            if _indicator_unit(point.unit) != "count" or point.change is None:
                continue
            base = f"{root}{_subscript(s.measure, at)}{_subscript(point.period, len(s) - 1 - n)}"
            places = max(point.decimals, 0)
            number = f" | number({places})" if places else " | number"
            label = f"{s.measure} ({point.period})"
            out += [
                _fig(f"{base}.change.difference", f"change in {label} since "
                     f"{point.previous_period}", point.change.difference, "count", "change",
                     subject=subject, scope="measure", of="count",
                     expression=f"{{{{ {base}.change.difference{number} }}}}"),
                _fig(f"{base}.previous", f"{s.measure} ({point.previous_period})",
                     point.change.previous, "count", "start_count", subject=subject,
                     scope="measure", expression=f"{{{{ {base}.previous{number} }}}}"),
            ]
    return out
