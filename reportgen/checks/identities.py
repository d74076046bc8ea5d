"""Figures that agree with each other: ``figures.identity`` and ``figures.same-measure``.

The identities themselves are declared once, as data, in :mod:`reportgen.metrics.identities`;
this module words what breaks them. ``figures.identity`` reads only the metrics, so
:func:`reportgen.pipeline.produce` asks it before rendering and a render, pack or build refuses
at once; ``reportgen check`` reports it with the other findings. ``figures.same-measure`` reads
what the document prints: the figures its narrative names (``{{ care.looked_after }}``) and the
totals of its generated tables and charts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from reportgen.checks.findings import Finding
from reportgen.checks.registry import CheckContext, check, define

if TYPE_CHECKING:  # importing the checks loads no data library (metrics load pandas)
    from reportgen.bundle import Bundle
    from reportgen.disclosure import Plan
    from reportgen.metrics.identities import Failure
    from reportgen.pipeline import LoadedReport
    from reportgen.render.docx import RenderResult

IDENTITY = define(
    "figures.identity", "error",
    "Two figures that must agree do not: a group does not add up to its total, or the stock "
    "at the end is not the stock at the start plus what started less what ended.", "bundle")
SAME_MEASURE = define(
    "figures.same-measure", "error",
    "The document prints one measure twice (in the text, a table or a chart) with two "
    "different values.", "document")

#: Figures each generated table or chart prints in its total (when the plan shows it).
PRINTED_BY: dict[str, tuple[str, ...]] = {
    "table placements_by_type": ("placements.total.count",),
    "chart placements_by_type": ("placements.total.count",),
}
PERIOD_LINK = define(
    "figures.period-link", "error",
    "Two consecutive periods' figures do not link (the stock at the end of the later is not "
    "the stock at the end of the earlier plus what started less what ended); a warning when "
    "--compare-period cannot link two periods at all. Either way what the two reports "
    "reveal together was not compared.", "bundle")
_FIX = ("the figures are computed from the same data, so this is a fault in the data or in "
        "reportgen: nothing is written until they agree")


def _shown(value: float, money: bool) -> str:
    if money:
        return f"-£{-value:,.2f}" if value < 0 else f"£{value:,.2f}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _term(path: str) -> str:
    return f"the sum of {path}" if "[*]" in path else path


def failure_message(failure: Failure, earlier: str = "", later: str = "",
                    hidden: Callable[[str], bool] = lambda path: False) -> str:
    """``care.looked_after_at_end is 272 but care.looked_after_at_start +
    care.periods_started - care.periods_ended is 260 + 90 - 81 = 269`` (``earlier``/``later``
    name the periods of a period link; a figure ``hidden`` says a public report hides shows
    as "(hidden)", so that no message quotes it)."""
    identity, money = failure.identity, failure.identity.money

    def name(path: str) -> str:
        which, sep, rest = path.partition(":")
        if not sep:
            return _term(path)
        return f"{_term(rest)} of {earlier if which == 'earlier' else later}"

    def value(path: str, amount: float) -> str:
        return "(hidden)" if hidden(path) else _shown(amount, money)

    left = f"{name(identity.left)} is {value(identity.left, failure.left)}"
    if len(failure.terms) == 1:
        (_, path, amount), = failure.terms
        right = f"{name(path)} is {value(path, amount)}"
    else:
        paths = " ".join(f"{'-' if sign < 0 else '+'} {name(path)}" if i else name(path)
                         for i, (sign, path, _) in enumerate(failure.terms))
        values = " ".join(f"{'-' if sign < 0 else '+'} {value(path, amount)}" if i
                          else value(path, amount)
                          for i, (sign, path, amount) in enumerate(failure.terms))
        total = "(hidden)" if any(hidden(p) for _, p, _ in failure.terms) \
            else _shown(failure.right, money)
        right = f"{paths} is {values} = {total}"
    return f"{identity.name}: {left} but {right}"


def hides(plan: Plan | None) -> Callable[[str], bool]:
    """Whether a public report hides a figure, so that no message may quote its value: the
    total or a flow the plan hides, and a sum over the placement types when any is hidden.
    (``earlier:``/``later:`` before a path are ignored: pass the plan of that period.)"""
    if plan is None or not plan.public:
        return lambda path: False

    def hidden(path: str) -> bool:
        path = path.rpartition(":")[2]
        if not path.startswith("placements."):
            return False
        rest = path.removeprefix("placements.")
        return ((rest.startswith("total.") and plan.is_hidden("total"))
                or (rest.startswith("by_type[*]") and plan.any_hidden)
                or rest in plan.hidden_flows)  # "flows.started", "external_flows.ended"

    return hidden


def identity_findings(loaded: LoadedReport, plan: Plan | None = None,
                      public: bool | None = None) -> list[Finding]:
    """figures.identity: one finding for each identity the metrics break. ``plan`` is the
    document's own; without one it is made, as render would make it (``public`` forcing a
    public document), only when an identity fails: a consistent report costs nothing more."""
    from reportgen.metrics import identities

    found = identities.failures(loaded.metrics)
    if not found:
        return []
    if plan is None:
        plan = _plan(loaded, public)
    return [IDENTITY.finding(failure_message(f, hidden=hides(plan)), where="figures", fix=_FIX)
            for f in found]


def _plan(loaded: LoadedReport, public: bool | None = None) -> Plan:
    from reportgen import disclosure

    settings = loaded.bundle.settings
    public = settings.public if public is None else public
    return disclosure.plan_for(loaded.metrics, settings.suppression_threshold, public,
                               disclosure.Symbols.of(settings), settings.top_n)


@check("bundle")
def metric_identities(ctx: CheckContext) -> list[Finding]:
    """figures.identity."""
    assert ctx.loaded is not None
    return identity_findings(ctx.loaded, ctx.result.plan if ctx.result is not None else None)


# --------------------------------------------------------------------------- the document

_TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_NAME = re.compile(r"(?<![\w.'\"])[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*")


def narrative_paths(texts: Iterable[str]) -> set[str]:
    """The dotted names the narrative's expressions use (``care.looked_after``), as written."""
    found: set[str] = set()
    for text in texts:
        for match in _TAG.finditer(text):
            tag = match.group(1) or match.group(2) or ""
            found.update(re.sub(r"\s+", "", name) for name in _NAME.findall(tag))
    return found


def printed_paths(bundle: Bundle, result: RenderResult) -> dict[str, str]:
    """Figure path → where the document prints it (the narrative, or a table or chart)."""
    out: dict[str, str] = {}
    for where, text in bundle.narrative_texts():
        for path in narrative_paths([text]):
            out.setdefault(path, where)
    plan = result.plan
    total_hidden = plan is not None and plan.public and plan.is_hidden("total")
    if total_hidden:  # the narrative prints the symbol, not the value
        out = {path: where for path, where in out.items()
               if not path.startswith("placements.total.")}
    shown = [(f"table {spec.name}", f"the total of table '{spec.caption or spec.name}'")
             for spec in result.tables.values()]
    shown += [(f"chart {spec.name}", f"the alt text of chart '{spec.caption}'")
              for spec in result.charts.values()]
    for key, where in ([] if total_hidden else shown):  # else the total prints as a symbol
        for path in PRINTED_BY.get(key, ()):
            out.setdefault(path, where)
    return out


def same_measure_findings(metrics: Any, printed: dict[str, str]) -> list[Finding]:
    """figures.same-measure: each measure the document prints by two routes, with two values."""
    from reportgen.metrics import identities

    names = metrics.namespace()
    out = []
    for measure in identities.SAME_MEASURES:
        values: list[tuple[str, float]] = []
        for path in measure.paths:
            if path not in printed:
                continue
            try:
                values.append((path, identities.resolve(names, path)))
            except LookupError:
                continue
        for (a, va), (b, vb) in zip(values, values[1:], strict=False):
            if identities.agree(va, vb, money=False):
                continue
            out.append(SAME_MEASURE.finding(
                f"{measure.name} is printed twice with different values: {a} is "
                f"{_shown(va, False)} ({printed[a]}) but {b} is {_shown(vb, False)} "
                f"({printed[b]})", where="document", fix=_FIX))
    return out


@check("document")
def printed_twice(ctx: CheckContext) -> list[Finding]:
    """figures.same-measure."""
    assert ctx.loaded is not None and ctx.result is not None
    return same_measure_findings(ctx.loaded.metrics, printed_paths(ctx.bundle, ctx.result))
