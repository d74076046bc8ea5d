"""Which names of a public report may be printed: one allow-list, :data:`NAMES`.

Every value a narrative or a Word template can reach has a dotted path (``care.started``,
``placements.by_type[].count``: ``[]`` is any item of a list or mapping). A public report
prints a value only through the rule its path is declared with here:

* ``OPEN`` — not about children one by one or in small numbers: the report's metadata, money
  of budgets and savings, dates, labels, published indicators as their source printed them;
* ``count(label)`` — a count of children or placements outside the by-type table: hidden (its
  symbol) when it is from 1 to threshold − 1, and with it every count of its ``GROUPS`` entry
  (counts a reader can add or subtract from one another);
* ``share(numerator, denominator)`` — a fraction of counts: hidden with either;
* ``FLOW`` — ``started``, ``ended`` and ``net`` of a record of flows in any window: each
  hidden when small, and ``net`` with either;
* the suppression plan's own rules (``TYPE``, ``TOTAL``, ``TOP``, ``TOP_SUM``), which read
  :class:`reportgen.disclosure.Plan`: the by-type table as at ``as_at``, its total and the
  top-N list as the document's tables show them (for those names only: a count of another
  window or breakdown is a ``count``);
* ``WITHHELD`` — never in a public report (an internal pool such as ``top_by_type``).

A path that is declared nowhere is **withheld** from a public report: it prints nothing and
any use of it is an error naming the path and this module. So a new metrics field is hidden
until someone decides what it is. To declare one, add a line to :data:`NAMES`, e.g.::

    "care.looked_after_at_start": count("children looked after at the start of the period"),

and, if a reader could work it out from other counts by adding or subtracting, add it to the
right tuple of :data:`GROUPS` (or a new one). A record of flows in a new window declares its
three fields ``FLOW``; a percentage ``share("care.x", "care.looked_after")``; a date, label or
sum of money ``OPEN``. ``tests/test_disclosure_names.py`` walks the whole context of a
public report and fails on any path declared nowhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportgen.disclosure import Plan


@dataclass(frozen=True)
class Rule:
    """How a public report may print the value at a path (see the module docstring)."""

    kind: str  # open, count, share, type, total, flow, top, top_sum, withheld
    label: str = ""  # for a count: what it counts, in words (messages, the revealed check)
    parts: tuple[str, ...] = ()  # for a share: its numerator's and denominator's paths


OPEN = Rule("open")
TYPE = Rule("type")  # a figure of one placement type: hidden with that type's count
TOTAL = Rule("total")  # a figure of all placements: hidden with the total count
FLOW = Rule("flow")  # a record's started, ended and net: hidden as the plan hides flows
TOP = Rule("top")  # the top-N list: the plan's list (hidden types left out)
TOP_SUM = Rule("top_sum")  # a sum over the top-N: over the rows that list shows
WITHHELD = Rule("withheld")


def count(label: str) -> Rule:
    return Rule("count", label)


def share(numerator: str, denominator: str) -> Rule:
    return Rule("share", parts=(numerator, denominator))


#: Every path a public report may reach, and its rule. ``**`` declares everything below a
#: path (only for names with no count of children anywhere under them).
NAMES: dict[str, Rule] = {
    # -- the report itself (report.yaml) and its period: metadata, no data about children
    # (``period`` is the plain period, or its window when the report has one: below)
    "council": OPEN, "meeting.**": OPEN, "report.**": OPEN, "period": OPEN,
    "as_at": OPEN, "paragraphs": OPEN,
    # -- money: budgets, savings and their changes are council spending, not children
    "budget.**": OPEN, "previous_budget.**": OPEN, "savings.**": OPEN,
    "previous_savings.**": OPEN, "changes.**": OPEN,
    # -- indicator and benchmark files: figures as their source published them (with the
    # source's own symbols); reportgen holds no child behind them
    "indicators.**": OPEN, "benchmarks.**": OPEN,
    # -- placements
    "placements.as_at": OPEN,
    "placements.by_type[].placement_type": OPEN, "placements.by_type[].label": OPEN,
    "placements.by_type[].count": TYPE, "placements.by_type[].total_weekly_cost": TYPE,
    "placements.by_type[].average_weekly_cost": TYPE, "placements.by_type[].annual_cost": TYPE,
    "placements.total.placement_type": OPEN, "placements.total.label": OPEN,
    "placements.total.count": TOTAL, "placements.total.total_weekly_cost": TOTAL,
    "placements.total.average_weekly_cost": TOTAL, "placements.total.annual_cost": TOTAL,
    "placements.average_annual_cost_per_child": TOTAL,
    "placements.in_period_cost.start": OPEN, "placements.in_period_cost.end": OPEN,
    "placements.in_period_cost.gross": TOTAL, "placements.in_period_cost.contributions": TOTAL,
    "placements.in_period_cost.net": TOTAL,
    "placements.flows.start": OPEN, "placements.flows.end": OPEN,
    "placements.flows.started": FLOW, "placements.flows.ended": FLOW,
    "placements.flows.net": FLOW,
    "placements.external_flows.start": OPEN, "placements.external_flows.end": OPEN,
    "placements.external_flows.started": FLOW, "placements.external_flows.ended": FLOW,
    "placements.external_flows.net": FLOW,
    "placements.top": TOP, "placements.top[].**": OPEN,  # rows of the shown list only
    "placements.top_weekly_cost": TOP_SUM,
    "placements.top_by_type": WITHHELD,  # every type's costliest rows: the plan's pool
    "placements.renegotiated": count("placements whose cost was renegotiated"),
    # -- SSDA903 children looked after (reportgen.metrics.episodes)
    "care.as_at": OPEN, "care.start": OPEN, "care.end": OPEN,
    "care.looked_after": count("children looked after"),
    "care.started": count("children who started to be looked after"),
    "care.ceased": count("children who ceased to be looked after"),
    "care.placement_changes": count("changes of placement"),
    "care.placements_started": count("placements started"),
    "care.three_or_more_placements": count("children with three or more placements"),
    "care.three_or_more_placements_pct": share("care.three_or_more_placements",
                                               "care.looked_after"),
    "care.placements_ended": count("placements ended"),
    "care.looked_after_at_start": count("children looked after at the start of the period"),
    "care.looked_after_at_end": count("children looked after at the end of the period"),
    "care.periods_started": count("periods of care started"),
    "care.periods_ended": count("periods of care ended"),
    "care.stability_from": OPEN,
    "care.long_term_stable": count("children in the same placement for two years or more"),
    "care.long_term_eligible": count("children under 16 looked after for 2.5 years or more"),
    "care.long_term_stable_pct": share("care.long_term_stable", "care.long_term_eligible"),
    # the DfE's groups of placement type: a breakdown, so one hidden item hides them all
    "care.placement_groups[].group": OPEN, "care.placement_groups[].label": OPEN,
    "care.placement_groups[].count": count("children looked after in a placement group"),
    # -- the Word template's own names (reportgen.render.docx): the bundle's metadata
    "clearance.**": OPEN, "contacts.**": OPEN, "style": OPEN, "show.**": OPEN,
    "date_styles.**": OPEN,
    "given.**": OPEN, "exempt_text": OPEN, "call_in_text": OPEN, "decision_type_text": OPEN,
    "enclosures_text": OPEN, "eqia_text": OPEN, "eqia_cleared_by_text": OPEN,
    "ward_councillors_text": OPEN,
    "section": OPEN, "other_sections": OPEN, "standard": OPEN, "recommendations": OPEN,
    "reasons": OPEN, "contacts_block": OPEN, "background_papers": OPEN, "appendices": OPEN,
    "checkbox": OPEN, "clearance_block": OPEN, "other_details": OPEN, "title_block": OPEN,
    "body": OPEN, "form": OPEN,
}

#: Counts a reader can relate by adding and subtracting: when one is hidden, all are. The
#: period's flows of children looked after add up to the change in the number looked after,
#: and placements started are children starting plus changes of placement.
_CARE_FLOWS = ("care.started", "care.ceased", "care.placement_changes",
               "care.placements_started", "care.placements_ended", "care.periods_started",
               "care.periods_ended")
GROUPS: tuple[tuple[str, ...], ...] = (
    _CARE_FLOWS,
    # the stock at the end less the stock at the start is the periods started less ended
    ("care.looked_after_at_start", "care.looked_after_at_end", "care.periods_started",
     "care.periods_ended"),
    ("care.long_term_stable", "care.long_term_eligible"),
)

#: The report's windows (reportgen.narrative_windows): each its dates and labels, its flows
#: as ``placements.flows``, its cost as ``placements.in_period_cost`` and its care figures
#: by the rules of ``care`` (the same counts over another span of days), with the same groups.
WINDOWS = ("period", "year_to_date", "collection_year")


def _window_rule(window: str, rule: Rule) -> Rule:
    if rule.kind == "share":
        return share(*(f"{window}.{part}" for part in rule.parts))
    return rule


for _window in WINDOWS:
    # (the period's label, start and end are the period's own: "period" above)
    NAMES.update({f"{_window}.{field}": OPEN for field in (
        "name", "as_at", *(() if _window == "period" else ("label", "start", "end")))})
    for _flows in ("flows", "external_flows"):
        NAMES.update({f"{_window}.{_flows}.start": OPEN, f"{_window}.{_flows}.end": OPEN,
                      **{f"{_window}.{_flows}.{f}": FLOW for f in ("started", "ended", "net")}})
    NAMES.update({f"{_window}.cost.start": OPEN, f"{_window}.cost.end": OPEN,
                  **{f"{_window}.cost.{f}": TOTAL for f in ("gross", "contributions", "net")}})
    NAMES.update({f"{_window}.{path}": _window_rule(_window, rule)
                  for path, rule in list(NAMES.items()) if path.startswith("care.")})
GROUPS += tuple(tuple(f"{w}.{name}" for name in group) for w in WINDOWS for group in GROUPS)


# --------------------------------------------------------------------------- lookup


def _regex(pattern: str) -> re.Pattern[str]:
    subtree = pattern.endswith(".**")
    body = pattern[:-3] if subtree else pattern
    out = re.escape(body).replace(r"\*", r"[^.\[]+")
    # "x.**": x itself and everything below it, its fields and its items alike.
    return re.compile(out + r"(?:[.\[].*)?" if subtree else out)


@cache
def _compiled() -> list[tuple[str, re.Pattern[str], Rule]]:
    # Exact paths before wildcards; the longer (more specific) pattern first.
    order = sorted(NAMES, key=lambda p: ("*" in p, -len(p)))
    return [(p, _regex(p), NAMES[p]) for p in order]


@cache
def _match(path: str) -> tuple[str, Rule] | None:
    for pattern, regex, rule in _compiled():
        if regex.fullmatch(path):
            return pattern, rule
    return None


def rule_for(path: str) -> Rule | None:
    """The rule of ``path`` (``placements.by_type[].count``), or None when undeclared."""
    found = _match(path)
    return found[1] if found is not None else None


def declared(path: str) -> bool:
    return _match(path) is not None


def open_subtree(path: str) -> bool:
    """Whether ``path`` and everything below it are declared OPEN by one ``x.**`` line."""
    found = _match(path)
    return found is not None and found[1] is OPEN and found[0].endswith(".**")


# --------------------------------------------------------------------------- walking


@dataclass(frozen=True)
class Node:
    """One value of a frozen context: its pattern path, the path a message shows, the
    record it is a field of (for a by-type figure: that type)."""

    pattern: str
    shown: str
    value: Any
    parent: Any = None


def children(node: Node) -> Iterator[Node]:
    """The values one step below a frozen value: a record's fields, a list's items (and a
    keyed list's keys), a mapping's values."""
    from reportgen.sandbox import KeyedValues, Record, record_fields

    value = node.value
    if isinstance(value, Record):
        for name, child in record_fields(value).items():
            yield Node(f"{node.pattern}.{name}" if node.pattern else name,
                       f"{node.shown}.{name}" if node.shown else name, child, value)
    elif isinstance(value, KeyedValues):
        keys = {id(value[k]): k for k in value._index}
        for i, item in enumerate(value):
            key = keys.get(id(item))
            yield Node(f"{node.pattern}[]", f"{node.shown}[{key!r}]" if key is not None
                       else f"{node.shown}[{i}]", item, value)
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield Node(f"{node.pattern}[]", f"{node.shown}[{i}]", item, value)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield Node(f"{node.pattern}[]", f"{node.shown}[{key!r}]", item, value)


def is_container(value: Any) -> bool:
    from reportgen.sandbox import KeyedValues, Record

    return isinstance(value, (Record, KeyedValues, tuple, list, Mapping))


def walk(names: Mapping[str, Any],
         descend: Callable[[str], bool] | None = None) -> Iterator[Node]:
    """Every value of ``names`` (frozen) with its paths, containers before their items;
    nothing below a path declared with ``x.**`` is visited, nor below a pattern path for
    which ``descend`` (when given) is false."""
    stack = [Node(name, name, value) for name, value in reversed(list(names.items()))]
    while stack:
        node = stack.pop()
        yield node
        if is_container(node.value) and not open_subtree(node.pattern) \
                and (descend is None or descend(node.pattern)):
            stack.extend(reversed(list(children(node))))


def undeclared(names: Mapping[str, Any]) -> list[str]:
    """The pattern paths of every leaf of ``names`` (frozen) that no rule declares."""
    out: list[str] = []
    for node in walk(names):
        if node.value is None or is_container(node.value) or declared(node.pattern):
            continue
        out.append(node.pattern)
    return sorted(set(out))


# --------------------------------------------------------------------------- counts


@dataclass(frozen=True)
class CountCell:
    """A count outside the by-type table (``care.started``) and why it is hidden."""

    key: str  # the path a message shows
    label: str
    value: int
    reason: str = ""  # "primary", "secondary" (hidden with its group) or ""

    @property
    def hidden(self) -> bool:
        return bool(self.reason)


@cache
def _count_prefixes() -> frozenset[str] | None:
    """Every pattern path at or above a declared count (None if a count is declared by a
    wildcard, which could lie below any path)."""
    paths = [p for p, rule in NAMES.items() if rule.kind == "count"]
    if any("*" in p for p in paths):
        return None
    prefixes: set[str] = set()
    for path in paths:
        prefixes.update(path[:m.start()] for m in re.finditer(r"[.\[]", path))
        prefixes.add(path)
    return frozenset(prefixes)


def _may_hold_count(pattern: str) -> bool:
    """Whether a count may be declared at or below ``pattern`` (a walk for counts need not
    go down a 5,000-row top-N list: about 340,000 values with 100,000 placements)."""
    prefixes = _count_prefixes()
    return prefixes is None or pattern in prefixes


def decide_counts(names: Mapping[str, Any], threshold: int,
                  is_small: Callable[[int, int], bool]) -> tuple[CountCell, ...]:
    """Every ``count`` of ``names`` (frozen) and whether a public report hides it."""
    found: list[CountCell] = []
    breakdown: dict[str, str] = {}  # an item of a list of counts → the list's pattern
    for node in walk(names, _may_hold_count):
        rule = rule_for(node.pattern)
        if rule is None or rule.kind != "count" or not isinstance(node.value, int) \
                or isinstance(node.value, bool):
            continue
        reason = "primary" if is_small(node.value, threshold) else ""
        found.append(CountCell(node.shown, rule.label, node.value, reason))
        if "[]" in node.pattern:
            breakdown[node.shown] = node.pattern
    hidden = {c.key for c in found if c.hidden}
    linked = {name for group in GROUPS if hidden & set(group) for name in group}
    # A breakdown adds up to a total shown elsewhere: one hidden item would be the total
    # less the others, so every item of it is hidden with it.
    lists = {breakdown[key] for key in hidden if key in breakdown}
    linked |= {key for key, pattern in breakdown.items() if pattern in lists}
    return tuple(c if c.hidden or c.key not in linked or c.value == 0
                 else CountCell(c.key, c.label, c.value, "secondary") for c in found)


# --------------------------------------------------------------------------- publishing


def publish(names: Mapping[str, Any], plan: Plan) -> dict[str, Any]:
    """The names (frozen) of a public document: each value through its rule, every value
    declared nowhere replaced by a :class:`reportgen.disclosure.Withheld`."""
    if not plan.public:
        return dict(names)
    return {name: _publish(Node(name, name, value), plan) for name, value in names.items()}


def _publish(node: Node, plan: Plan) -> Any:
    from reportgen.disclosure import Suppressed, Withheld
    from reportgen.sandbox import freeze

    rule = rule_for(node.pattern)
    value = node.value
    sym = plan.symbols.confidential
    if value is None and (rule is None or rule.kind != "top"):
        return None  # nothing to print (a data set the report does not have)
    if rule is None:
        return _rebuild(node, plan) if is_container(value) else Withheld(node.shown)
    if rule is OPEN:
        return _rebuild(node, plan) if is_container(value) and not open_subtree(
            node.pattern) else value
    kind = rule.kind
    if kind == "withheld":
        return Withheld(node.shown)
    if kind == "top":
        return _rebuild(Node(node.pattern, node.shown, freeze(plan.top), node.parent), plan)
    if kind == "top_sum":
        return float(sum(x.weekly_cost for x in plan.top))
    hide = False
    if kind == "type":
        hide = plan.is_hidden(str(getattr(node.parent, "placement_type", "")))
    elif kind == "total":
        hide = plan.is_hidden("total")
    elif kind == "flow":
        # A record of flows (started, ended, net) in any window: the plan's rule 6, read
        # from the record itself so that a new window declared FLOW is hidden alike.
        from reportgen.disclosure import is_small

        if isinstance(value, Suppressed):  # hidden already (a window's own rule)
            return value
        part = node.pattern.rsplit(".", 1)[1]

        def small(field: str) -> bool:
            count = getattr(node.parent, field, 0)
            return isinstance(count, Suppressed) or is_small(int(count), plan.threshold)

        started, ended = small("started"), small("ended")
        hide = {"started": started, "ended": ended}.get(part, started or ended)
    elif kind == "count":
        hide = plan.count_hidden(node.shown)
    elif kind == "share":
        hide = any(plan.count_hidden(p) for p in rule.parts)
    return Suppressed(sym, node.shown) if hide else value


def _rebuild(node: Node, plan: Plan) -> Any:
    """A container with each of its values published."""
    from reportgen.sandbox import KeyedValues, Record

    value = node.value
    if isinstance(value, Record):
        fields = {c.pattern.rsplit(".", 1)[1]: _publish(c, plan) for c in children(node)}
        return type(value)(fields)
    if isinstance(value, KeyedValues):
        items = [(c, _publish(c, plan)) for c in children(node)]
        by_id = {id(c.value): new for c, new in items}
        return KeyedValues([new for _, new in items],
                           {k: by_id[id(value[k])] for k in value._index})
    if isinstance(value, (tuple, list)):
        return tuple(_publish(c, plan) for c in children(node))
    if isinstance(value, Mapping):
        keys = list(value)
        return MappingProxyType({k: _publish(c, plan) for k, c in zip(keys, children(node),
                                                                       strict=True)})
    return value
