"""The template sandbox: plain values in, bounded work out.

Narrative in report.yaml, ``texts:`` and Word templates come from many hands, so:

* :func:`freeze` turns everything handed to a template into immutable plain values (strings,
  numbers, dates, tuples, read-only mappings) and small value classes of this module
  (:class:`Record`, :class:`KeyedValues`, :class:`PeriodValue`) that have no methods beyond
  :data:`ALLOWED_METHODS`. A pydantic model or a DataFrame never reaches a template: their
  public methods (``parse_raw``, ``model_validate``, ``to_pickle`` …) would run code.
* :class:`BoundedSandbox`, Jinja2's immutable sandbox with every piece of work counted: powers,
  ``*`` and ``+`` of text and lists, ``%``-format, the widths of ``center``/``indent``/
  ``wordwrap``/``format``, ``join``/``replace``/``batch``/``slice``, loop iterations, output size,
  nesting depth and call depth. A limit that is hit raises :class:`LimitError` (one line); the
  numbers live in :mod:`reportgen.limits`.
"""

from __future__ import annotations

import contextvars
import dataclasses
import datetime as dt
import functools
import json
import math
import operator
import re
import time
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from pydantic import BaseModel

from reportgen import budget as command
from reportgen import limits
from reportgen.errors import ReportgenError
from reportgen.metrics import Keyed
from reportgen.metrics.keyed import KeyedSequence
from reportgen.periods import Period


class LimitError(ReportgenError):
    """A template or narrative asked for more work than :mod:`reportgen.limits` allows."""

    def __init__(self, message: str) -> None:
        super().__init__(f"over a limit: {message}")


# -- plain values ---------------------------------------------------------------------------

class Record:
    """Named plain values, read-only: what a dataclass or a pydantic model becomes.

    Fields are read as attributes (``meeting.committee``). It has no public method, so a
    template can read it and do nothing else with it.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        try:
            return values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(object.__getattribute__(self, "_values")
                    == object.__getattribute__(other, "_values"))

    def __hash__(self) -> int:
        return hash(tuple(object.__getattribute__(self, "_values").items()))

    def __repr__(self) -> str:
        values = object.__getattribute__(self, "_values")
        inner = ", ".join(f"{k}={v!r}" for k, v in values.items())
        return f"{type(self).__name__}({inner})"

    def __dir__(self) -> list[str]:
        return list(object.__getattribute__(self, "_values"))


@functools.cache
def _record_type(name: str) -> type[Record]:
    # One subclass a source type, so an error reads "meeting has no field 'x'".
    return type(name, (Record,), {"__slots__": (), "__module__": __name__})


def record_fields(record: Record) -> dict[str, Any]:
    """The fields of a :class:`Record` (for tests and the sandbox walk)."""
    return dict(object.__getattribute__(record, "_values"))


class KeyedValues(KeyedSequence[Any]):
    """A read-only list that can also be indexed by key (``placements.by_type['ifa']``): the
    frozen copy of a :class:`~reportgen.metrics.Keyed`, without its methods."""

    __slots__ = ()

    def __init__(self, items: Iterable[Any], index: Mapping[str, Any]) -> None:
        self._hold(items, dict(index))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("read-only")

    def __repr__(self) -> str:
        return repr(list(self._items))


_PERIOD_FIELDS = ("start_year", "kind", "index", "start", "end", "financial_year", "label",
                  "month_name", "year")


class PeriodValue:
    """A financial period: the fields of docs/bundle.md, read lazily, and ``previous()``."""

    __slots__ = ("_period",)
    _period: Period

    def __init__(self, period: Period) -> None:
        object.__setattr__(self, "_period", period)

    def __getattr__(self, name: str) -> Any:
        if name not in _PERIOD_FIELDS:
            raise AttributeError(name)
        return freeze(getattr(object.__getattribute__(self, "_period"), name))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("read-only")

    def previous(self) -> PeriodValue:
        """The period before (documented in docs/bundle.md: ``period.previous().label``)."""
        return PeriodValue(object.__getattribute__(self, "_period").previous())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PeriodValue):
            return bool(self._period == other._period)
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, PeriodValue):
            return bool(self._period < other._period)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._period)

    def __str__(self) -> str:
        return str(self._period.label)

    def __repr__(self) -> str:
        return f"Period({self._period.label!r})"

    def __dir__(self) -> list[str]:
        return [*_PERIOD_FIELDS, "previous"]


#: The only methods a template may call on a value, by the value's type; documented in
#: docs/bundle.md ("What a template can call"). Filters are not attributes and are listed there.
ALLOWED_METHODS: dict[type, frozenset[str]] = {
    PeriodValue: frozenset({"previous"}),
    # Mappings a template makes with dict(…): reading them is harmless.
    Mapping: frozenset({"get", "items", "keys", "values"}),
    # Jinja2's own loop helpers (loop.cycle('odd', 'even'), loop.changed(x)).
    LoopContext: frozenset({"cycle", "changed"}),
}

_SCALARS = (str, bool, int, float, Decimal, dt.date, dt.time, type(None))


@functools.cache
def _record_names(cls: type) -> tuple[str, ...]:
    """The names a frozen record of ``cls`` holds: its fields, then its own properties.

    Worked out once a class (a class does not change): a report with a long top-N list
    freezes tens of thousands of records of one class."""
    if issubclass(cls, BaseModel):
        return (*cls.model_fields, *_reportgen_properties(cls))
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return (*names, *(p for p in _reportgen_properties(cls) if p not in names))


def _reportgen_properties(cls: type) -> list[str]:
    """Public properties defined by reportgen's own classes (not pydantic's ``model_*``)."""
    names: list[str] = []
    for klass in cls.__mro__:
        if not klass.__module__.startswith("reportgen."):
            continue
        for name, member in vars(klass).items():
            if isinstance(member, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return names


def freeze(value: Any) -> Any:
    """``value`` as immutable plain data a template may hold (see the module docstring).

    Raises TypeError for anything else: a new kind of object in the context is a
    programming error to be decided on, never something to pass through.
    """
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, (PeriodValue, Record, KeyedValues)):
        return value
    if getattr(type(value), "__template_value__", False):
        return value  # a value class of reportgen's own that declares itself safe
    if isinstance(value, Period):
        return PeriodValue(value)
    if isinstance(value, Keyed):
        frozen = [freeze(item) for item in value]
        by_id = {id(item): f for item, f in zip(value, frozen, strict=True)}
        return KeyedValues(frozen, {k: by_id[id(value.get(k))] for k in value.keys()})  # noqa: SIM118 (Keyed)
    if isinstance(value, BaseModel) or (dataclasses.is_dataclass(value)
                                        and not isinstance(value, type)):
        return _freeze_record(value)
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _plain_or_frozen(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_plain_or_frozen(v) for v in value)
    raise TypeError(f"{type(value).__name__} cannot go into a template context")


#: The exact types :func:`freeze` returns as they are, tested before the walk through every
#: kind of value: a 5,000-row top-N list and the top placements of each type are tens of
#: thousands of records of a dozen scalars each, and calling :func:`freeze` for every scalar
#: was most of a render's freezing (about 0.4 s of CPU with 100,000 placements). Exact types
#: only: a subclass (a numpy float, a datetime) still goes through :func:`freeze`, which
#: decides the same as before.
_PLAIN_TYPES = frozenset(_SCALARS)


def _plain_or_frozen(value: Any) -> Any:
    return value if type(value) in _PLAIN_TYPES else freeze(value)


def _freeze_record(value: Any) -> Record:
    """A dataclass or pydantic model as a :class:`Record` of its frozen fields."""
    cls: type = type(value)
    fields: dict[str, Any] = {}
    for name in _record_names(cls):
        field = getattr(value, name)
        fields[name] = field if type(field) in _PLAIN_TYPES else freeze(field)
    return _record_type(cls.__name__)(fields)


def freeze_names(names: Mapping[str, Any]) -> dict[str, Any]:
    """Every name of a context frozen (see :func:`freeze`)."""
    return {name: freeze(value) for name, value in names.items()}


#: The frozen metrics names of each live Metrics object, by its id (the entry leaves with
#: the object). A Metrics is a frozen dataclass of immutable results, so its frozen names
#: never go stale.
_FROZEN_METRICS: dict[int, dict[str, Any]] = {}


def frozen_metrics(metrics: Any, names: Iterable[str] | None = None) -> dict[str, Any]:
    """``metrics.namespace()`` frozen (only ``names`` of it when given), each name frozen
    once for each Metrics object.

    A render's disclosure plan and its narrative names both need the frozen metrics; with
    100,000 placements and a 5,000-row top-N list, freezing them twice cost about half a
    second."""
    key = id(metrics)
    cache = _FROZEN_METRICS.get(key)
    if cache is None:
        cache = _FROZEN_METRICS[key] = {}
        weakref.finalize(metrics, _FROZEN_METRICS.pop, key, None)
    namespace = metrics.namespace()
    chosen = None if names is None else set(names)
    wanted = [n for n in namespace if chosen is None or n in chosen]
    for name in wanted:
        if name not in cache:
            cache[name] = freeze(namespace[name])
    return {name: cache[name] for name in wanted}


# -- counting the work of one render --------------------------------------------------------

class Budget:
    """The work one render (with the narrative renders inside it) has done so far."""

    def __init__(self) -> None:
        self.steps = 0
        self.chars = 0
        self.iterations = 0
        self.blocks = 0
        self.depth = 0
        # The command's deadline (reportgen/budget.py), or a render's own outside a command.
        self.deadline = command.current() or time.monotonic() + limits.MAX_COMMAND_SECONDS

    def step(self, chars: int = 0) -> None:
        self.steps += 1
        self.chars += chars
        if self.steps > limits.MAX_TEMPLATE_STEPS:
            raise LimitError(f"more than {limits.MAX_TEMPLATE_STEPS:,} operations in one text")
        if self.chars > limits.MAX_TEMPLATE_CHARS:
            raise LimitError(f"more than {limits.MAX_TEMPLATE_CHARS:,} characters or items "
                             "built, printed or compared in one text")
        # Every step: one step's cost is bounded by the counts, so the clock is read at most
        # a bounded time after the deadline (reading it costs ~50 ns).
        if time.monotonic() > self.deadline:
            raise LimitError(f"the text was still being filled in after "
                             f"{limits.MAX_COMMAND_SECONDS} s, the time a command may take")

    def remaining_chars(self) -> int:
        """Characters and items this render may still build, print or compare."""
        return max(0, limits.MAX_TEMPLATE_CHARS - self.chars)

    def iterate(self) -> None:
        self.iterations += 1
        if self.iterations > limits.MAX_LOOP_ITERATIONS:
            raise LimitError(f"loops ran more than {limits.MAX_LOOP_ITERATIONS:,} times "
                             "in one text")
        self.step()


class BlockFunction:
    """A documented block function of the Word template (``section(…)``, ``checkbox(…)``):
    each call builds a subdocument, so calls are counted against MAX_BLOCK_CALLS."""

    __slots__ = ("_func", "_name")

    def __init__(self, name: str, func: Callable[..., Any]) -> None:
        self._func = func
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.blocks += 1
        if budget.blocks > limits.MAX_BLOCK_CALLS:
            raise LimitError(f"block functions such as {self._name}() were called more than "
                             f"{limits.MAX_BLOCK_CALLS} times")
        return self._func(*args, **kwargs)

    def __repr__(self) -> str:
        return f"<block function {self._name}>"


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("budget", default=None)
_IDLE = Budget()  # work outside any render (compile-time constant folding): sizes still checked


def _budget() -> Budget:
    budget = _BUDGET.get()
    if budget is None:
        _IDLE.steps = _IDLE.chars = _IDLE.iterations = 0
        _IDLE.deadline = command.current() or time.monotonic() + limits.MAX_COMMAND_SECONDS
        return _IDLE
    return budget


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict)) else 0


def _repr_len(text: str) -> int:
    return len(repr(text))


def _json_len(text: str) -> int:
    # tojson writes <, >, & and ' as \u00XX (six characters) to be safe inside HTML.
    extra = 5 * sum(text.count(c) for c in "<>&'")
    return len(json.dumps(text)) + extra


def _children(value: Any) -> tuple[Any, ...] | None:
    """The items of a list-like value (a mapping's keys and values), or None for a scalar."""
    if isinstance(value, (list, tuple, KeyedValues)):
        return tuple(value)
    if isinstance(value, Mapping):
        return tuple(x for pair in value.items() for x in pair)
    if isinstance(value, Record):
        return tuple(x for pair in record_fields(value).items() for x in pair)
    return None


def _weight(value: Any, cap: int, *, text: bool = False, indent: int = 0,
            quoted: Callable[[str], int] = _repr_len) -> int:
    """What printing, formatting, repeating or comparing ``value`` costs, measured before any
    of it is built: the characters of its strings and one for each item of its lists and
    mappings, deep, so that a tuple repeating one long string weighs the string times the
    repeats (the tuple itself is small: its items are one string, shared).

    With ``text``, what ``str(value)`` (or tojson, with ``quoted=_json_len``) would write: a
    string inside a list counts as it is quoted, a number as its digits, and every item at
    depth d adds ``indent`` × d (tojson's and pprint's indentation) and its separators.
    Counting stops as soon as the total passes ``cap``, so the walk costs at most ``cap``
    items whatever the value's size.
    """
    if isinstance(value, str):
        return len(value)
    total = 0
    stack: list[Iterator[Any]] = [iter((value,))]
    while stack:
        try:
            item = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        depth = len(stack) - 1
        if isinstance(item, str):
            if not text or depth == 0:
                total += len(item)
            elif len(item) > cap:
                return cap + 1
            else:
                total += quoted(item)
        else:
            children = _children(item)
            if children is not None:
                per_item = 1 + (indent * (depth + 1) + 3 if text else 0)
                total += 2 + len(children) * per_item
                if total <= cap:
                    stack.append(iter(children))
            elif text:
                total += _digits(item) + 2 if isinstance(item, int) else 40  # a date, a float
        if total > cap:
            return total
    return total


def _text_weight(value: Any) -> int:
    """The characters ``str(value)`` would write, counted before it is written (up to just
    past MAX_TEXT_LENGTH)."""
    return _weight(value, limits.MAX_TEXT_LENGTH, text=True)


def _check_text(value: Any, what: str) -> None:
    """``value`` may be turned into text by ``what``: refused before the text is built."""
    if not isinstance(value, str):
        _check_length(_text_weight(value), what)


def _charge_reading(*values: Any, times: int = 1) -> None:
    """Count the work of reading ``values`` whole ``times`` over (sorting, hashing, looking
    them up) against the render's MAX_TEMPLATE_CHARS, measured before the work is done."""
    budget = _budget()
    left = budget.remaining_chars() // max(times, 1)
    budget.step(sum(_weight(v, left) for v in values) * max(times, 1))


def _charge_comparison(left: Any, right: Any) -> None:
    """Count a comparison: equal values are read to their ends, so it costs the smaller."""
    if isinstance(left, (int, float, Decimal)) or isinstance(right, (int, float, Decimal)):
        _budget().step()
        return
    budget = _budget()
    cap = budget.remaining_chars()
    budget.step(min(_weight(left, cap), _weight(right, cap)))


def _too_long(what: str) -> LimitError:
    return LimitError(f"{what} would make text or a list longer than "
                      f"{limits.MAX_TEXT_LENGTH:,} characters or items")


def _check_length(length: int, what: str) -> None:
    if length > limits.MAX_TEXT_LENGTH:
        raise _too_long(what)


_NUMBER_CEILING = 10 ** limits.MAX_NUMBER_DIGITS


def _check_number(value: Any, what: str) -> None:
    if isinstance(value, int) and not -_NUMBER_CEILING < value < _NUMBER_CEILING:
        raise LimitError(f"{what} would make a number of more than "
                         f"{limits.MAX_NUMBER_DIGITS} digits")


def _check_width(width: Any, what: str) -> None:
    if isinstance(width, int) and width > limits.MAX_WIDTH:
        raise LimitError(f"{what} width {width:,} is over the limit of {limits.MAX_WIDTH:,}")


_PRINTF = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")


def _check_printf(fmt: str, what: str) -> None:
    """Widths and precisions of a %-format string (``'%1000000000s'``)."""
    for width, precision in _PRINTF.findall(fmt):
        for number in (width, precision):
            if number == "*":
                raise LimitError(f"{what}: a width given by '*' is not allowed")
            if number:
                _check_width(int(number), what)


def _checked(value: Any, what: str) -> Any:
    """Check and count a value an operation built; wrap an iterator so its items count."""
    if isinstance(value, (str, list, tuple, dict)):
        _check_length(len(value), what)
        _budget().step(len(value))
    elif isinstance(value, Iterator):
        return _counted(value, what)
    else:
        _check_number(value, what)
        _budget().step()
    return value


def _counted(items: Iterator[Any], what: str) -> Iterator[Any]:
    for n, item in enumerate(items, 1):
        if n > limits.MAX_TEXT_LENGTH:
            raise _too_long(what)
        _budget().step(1 + _size(item))
        yield item


# -- bounded operators ----------------------------------------------------------------------

def _digits(n: int) -> int:
    return max(1, math.ceil(abs(n).bit_length() * math.log10(2)))


def _power(left: Any, right: Any) -> Any:
    if (isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0
            and right * math.log10(abs(left)) > limits.MAX_NUMBER_DIGITS):
        raise LimitError(f"a power (**) would make a number of more than "
                             f"{limits.MAX_NUMBER_DIGITS} digits")
    return left ** right


def _multiply(left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        if _digits(left) + _digits(right) > limits.MAX_NUMBER_DIGITS + 1:
            raise LimitError(f"'*' would make a number of more than "
                             f"{limits.MAX_NUMBER_DIGITS} digits")
    else:
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, (str, list, tuple)) and isinstance(times, int) and times > 0:
                _check_length(len(seq) * times, "'*'")
                # Deep: ('x' * 100000,) * 100000 is a small tuple that prints as 10 GB.
                _check_length(_weight(seq, limits.MAX_TEXT_LENGTH // times) * times, "'*'")
    return left * right


def _add(left: Any, right: Any) -> Any:
    if isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        _check_length(len(left) + len(right), "'+'")
    return left + right


def _modulo(left: Any, right: Any) -> Any:
    if isinstance(left, str):
        _check_printf(left, "'%'-format")
        _check_formatted(left, right, "'%'-format")
    return left % right


def _check_formatted(fmt: str, args: Any, what: str) -> None:
    """``fmt % args`` measured before it is built: the format, its widths and the text of
    every argument (each long string of a tuple of many)."""
    conversions = _PRINTF.findall(fmt)
    widths = sum(int(w or 0) + int(p or 0) for w, p in conversions if "*" not in (w, p))
    if isinstance(args, Mapping):  # '%(a)s%(a)s…': one value may be written many times
        longest = max((_text_weight(v) for v in args.values()), default=0)
        written = len(conversions) * longest
    else:
        written = _text_weight(args)
    _check_length(len(fmt) + widths + written, what)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "**": _power, "*": _multiply, "+": _add, "%": _modulo}


# -- bounded filters ------------------------------------------------------------------------

def _guard_center(value: Any, width: Any = 80, *_: Any, **__: Any) -> None:
    _check_text(value, "center")
    _check_width(width, "center")


def _guard_indent(value: Any, width: Any = 4, *_: Any, **__: Any) -> None:
    if isinstance(width, str):
        _check_width(len(width), "indent")
        width = len(width)
    _check_width(width, "indent")
    _check_text(value, "indent")
    if isinstance(width, int):
        text = str(value)
        _check_length(len(text) + (text.count("\n") + 1) * max(width, 0), "indent")


def _guard_wordwrap(value: Any, width: Any = 79, break_long_words: Any = True,
                    wrapstring: Any = None, *_: Any, **kwargs: Any) -> None:
    _check_width(width, "wordwrap")
    _check_text(value, "wordwrap")
    wrap = kwargs.get("wrapstring", wrapstring)
    text = str(value)
    _check_length(len(text) * (1 + len(str(wrap or "\n"))), "wordwrap")


def _guard_format(value: Any, *args: Any, **kwargs: Any) -> None:
    _check_text(value, "format")
    _check_printf(str(value), "format")
    _check_formatted(str(value), args or kwargs, "format")


def _guard_text(name: str) -> Callable[..., None]:
    """A filter that turns its value into text (string, upper, escape …): measured first."""
    def guard(value: Any, *_: Any, **__: Any) -> None:
        _check_text(value, name)
    return guard


def _guard_tojson(value: Any, indent: Any = None, *_: Any, **__: Any) -> None:
    _check_width(indent, "tojson indent")
    step = indent if isinstance(indent, int) and indent > 0 else 0
    _check_length(_weight(value, limits.MAX_TEXT_LENGTH, text=True, indent=step,
                          quoted=_json_len), "tojson")


def _guard_pprint(value: Any, *_: Any, **__: Any) -> None:
    # pprint indents each nested item by its depth and quotes as repr does.
    _check_length(_weight(value, limits.MAX_TEXT_LENGTH, text=True, indent=1), "pprint")


_READING_FILTERS = ("sort", "unique", "min", "max", "groupby", "dictsort")


def _guard_reading(value: Any, *args: Any, **kwargs: Any) -> None:
    """sort, unique, min, max, groupby, dictsort: items compared and hashed, about log2(n)
    times each."""
    n = _size(value)
    _charge_reading(value, *args, *kwargs.values(), times=max(1, n.bit_length()))


def _guard_replace(value: Any, old: Any = "", new: Any = "", *_: Any, **__: Any) -> None:
    for part in (value, old, new):
        _check_text(part, "replace")
    text, old, new = str(value), str(old), str(new)
    count = len(text) + 1 if not old else text.count(old)
    _check_length(len(text) + count * max(len(new) - len(old), 0), "replace")


def _guard_batch(value: Any, linecount: Any = 1, *_: Any, **__: Any) -> None:
    if isinstance(linecount, int):
        _check_length(linecount, "batch")


def _guard_slice(value: Any, slices: Any = 1, *_: Any, **__: Any) -> None:
    if isinstance(slices, int):
        _check_length(slices, "slice")


def _guard_sum(value: Any, attribute: Any = None, start: Any = 0, **kwargs: Any) -> None:
    if not isinstance(kwargs.get("start", start), (int, float, Decimal)):
        raise LimitError("sum adds numbers only")


_GUARDS: dict[str, Callable[..., None]] = {
    "center": _guard_center, "indent": _guard_indent, "wordwrap": _guard_wordwrap,
    "format": _guard_format, "replace": _guard_replace, "batch": _guard_batch,
    "slice": _guard_slice, "sum": _guard_sum, "tojson": _guard_tojson, "pprint": _guard_pprint,
    **{name: _guard_reading for name in _READING_FILTERS},
    # Filters that turn a list into text with str() first (their own guard, if any, above).
    **{name: _guard_text(name) for name in (
        "string", "e", "escape", "forceescape", "safe", "upper", "lower", "capitalize",
        "title", "trim", "striptags", "truncate", "wordcount", "urlize", "urlencode",
        "xmlattr")},
}


def _bounded_join(join: Callable[..., str]) -> Callable[..., str]:
    """``join`` over at most MAX_TEXT_LENGTH items, its result measured before it is built."""

    @functools.wraps(join)
    def bounded(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
        _check_text(d, "join")
        items = []
        total = 0
        left = limits.MAX_TEXT_LENGTH
        for n, item in enumerate(value, 1):
            # An item that is not text is written with str(): measured as it would write it.
            total += _weight(item, left - total, text=True) + (len(d) if n > 1 else 0)
            if n > limits.MAX_TEXT_LENGTH or total > limits.MAX_TEXT_LENGTH:
                raise _too_long("join")
            items.append(item)
        return join(eval_ctx, items, d, attribute)

    return bounded


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    guard = _GUARDS.get(name)
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        if name in _READING_FILTERS and len(args) > skip and isinstance(args[skip], Iterator):
            # A generator cannot be measured: held first (these filters read it all anyway).
            args = (*args[:skip], tuple(_counted(args[skip], name)), *args[skip + 1:])
        if guard is not None:
            guard(*args[skip:], **kwargs)
        _budget().step()
        return _checked(func(*args, **kwargs), name)

    return bounded


# -- printing and comparing ------------------------------------------------------------------

def _bounded_print(value: Any) -> Any:
    """Every ``{{ … }}`` before it is turned into text: a list is measured as str() would
    write it (text is written as it is)."""
    _check_text(value, "printing a value")
    return value


_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "lteq": operator.le,
    "gt": operator.gt, "gteq": operator.ge,
    "in": lambda a, b: a in b, "notin": lambda a, b: a not in b,
}
_COMPARING_TESTS = frozenset({"eq", "ne", "lt", "le", "gt", "ge", "==", "!=", "<", "<=",
                              ">", ">=", "equalto", "greaterthan", "lessthan"})


class _CountedComparisons(NodeTransformer):
    """Every comparison of a parsed template rewritten as a call of
    :meth:`BoundedSandbox.bounded_compare`, so that it is counted: Jinja2 compiles them to
    Python's operators, uncounted, and folds constant ones while compiling."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment

    def visit_Compare(self, node: nodes.Compare) -> nodes.Node:
        self.generic_visit(node)  # comparisons inside this one first
        args: list[nodes.Expr] = [node.expr]
        for operand in node.ops:
            args += [nodes.Const(operand.op), operand.expr]
        call = nodes.Call(nodes.EnvironmentAttribute("bounded_compare"), args, [], None, None,
                          lineno=node.lineno)
        return call.set_environment(self.environment)


# -- the environment ------------------------------------------------------------------------

class _BoundedCodeGenerator(CodeGenerator):
    """Jinja2's code generator with every loop's iterable and every ``~`` counted."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        node.iter = nodes.Call(nodes.EnvironmentAttribute("bounded_iter"), [node.iter], [],
                               None, None, lineno=node.lineno)
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        elif frame.eval_ctx.autoescape:
            join = "markup_join"
        else:
            join = "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _BoundedTemplate(jinja2.Template):
    """A template whose render has a :class:`Budget` (shared by renders nested inside it)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        if _BUDGET.get() is not None:
            return super().render(*args, **kwargs)
        token = _BUDGET.set(Budget())
        try:
            return super().render(*args, **kwargs)
        except RecursionError:
            raise _nested_error() from None
        finally:
            _BUDGET.reset(token)


def _nested_error() -> LimitError:
    return LimitError(f"brackets, blocks or calls are nested more than {limits.MAX_NESTING} "
                      "deep")


def _nesting_depth(tree: nodes.Node) -> int:
    """The depth of a parsed template, found without recursion."""
    deepest = 0
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limits.MAX_NESTING * 4:
            break
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())
    return deepest


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox, with plain-value attributes only and every work bounded."""

    code_generator_class = _BoundedCodeGenerator
    template_class = _BoundedTemplate
    intercepted_binops = frozenset(_BINOPS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("finalize", _bounded_print)
        super().__init__(*args, **kwargs)
        self.binop_table.update(_BINOPS)

    def bound_filters(self) -> None:
        """Wrap every filter so that it is counted and its result measured; call after the
        filters are registered."""
        for name, func in list(self.filters.items()):
            if name == "join":
                func = _bounded_join(func)
            self.filters[name] = _bounded_filter(name, func)

    # -- what may be read and called --------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if callable(value):
            return any(isinstance(obj, kind) and attr in names
                       for kind, names in ALLOWED_METHODS.items())
        return True

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # str.format and str.format_map are not on ALLOWED_METHODS: the format filter and %
        # do the same job with bounded widths.
        return None

    def call(__self, __context: Any, __obj: Any, *args: Any,  # noqa: N805
             **kwargs: Any) -> Any:
        budget = _budget()
        budget.step()
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (__self.bounded_iter(args[0]), *args[1:])
        elif __obj is dict or isinstance(getattr(__obj, "__self__", None), LoopContext):
            # dict(…) hashes its keys; loop.changed(x) compares x with the last x
            _charge_reading(*args, *kwargs.values())
        budget.depth += 1
        try:
            if budget.depth > limits.MAX_CALL_DEPTH:
                raise LimitError(f"macros, loops or blocks call each other more than "
                                 f"{limits.MAX_CALL_DEPTH} deep")
            return _checked(super().call(__context, __obj, *args, **kwargs), "a call")
        finally:
            budget.depth -= 1

    def call_test(self, name: str, value: Any, args: Any = None, kwargs: Any = None,
                  context: Any = None, eval_ctx: Any = None) -> Any:
        """A test (``x is eq y``, ``select('in', xs)``): one that compares reads its values
        whole, so it is counted before it runs."""
        if name in _COMPARING_TESTS:
            _charge_comparison(value, (args or (None,))[0])
        elif name == "in":
            _charge_reading(value, *(args or ()))
        else:
            _budget().step()
        return super().call_test(name, value, args, kwargs, context, eval_ctx)

    def bounded_compare(self, left: Any, *ops: Any) -> bool:
        """``a == b``, ``a < b < c``, ``x in xs`` (the template's comparisons, rewritten by
        :meth:`compile`): each is counted before Python reads its values."""
        for op, right in zip(ops[::2], ops[1::2], strict=True):
            if op in ("in", "notin"):
                _charge_reading(left, right)
            else:
                _charge_comparison(left, right)
            if not _COMPARE[op](left, right):
                return False
            left = right
        return True

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return _checked(self.binop_table[operator](left, right), f"'{operator}'")

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().step()
        if attribute.startswith("_") and not isinstance(obj, jinja2.Undefined):
            # Refused at once, whether or not the value has it (an unknown name stays
            # "unknown"), so the error names the first step of a chain.
            raise SecurityError(f"access to attribute {attribute!r} of "
                                f"{type(obj).__name__!r} object is unsafe.")
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if not isinstance(argument, (str, int, slice)):
            _charge_reading(argument)  # a key that is a tuple is hashed whole
        value = super().getitem(obj, argument)
        _budget().step(_size(value) if isinstance(argument, slice) else 0)
        return value

    # -- loops, joins and output ------------------------------------------------------

    def bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Every loop's iterable: counts each iteration against MAX_LOOP_ITERATIONS."""
        budget = _budget()
        for item in iterable:
            budget.iterate()
            yield item

    def bounded_concat(self, join: Callable[[Iterable[Any]], str], parts: tuple[Any, ...]
                       ) -> str:
        """``a ~ b``: the joined length is checked before the text is built."""
        _check_length(sum(_text_weight(p) for p in parts), "'~'")  # before str() builds it
        texts = [p if isinstance(p, str) else str(p) for p in parts]
        _check_length(sum(len(t) for t in texts), "'~'")
        _budget().step(sum(len(t) for t in texts))
        return join(parts)

    def concat(self, pieces: Iterable[str]) -> str:
        """A render's output (and every block set or macro body) up to MAX_OUTPUT_CHARS."""
        out: list[str] = []
        total = 0
        budget = _budget()
        for piece in pieces:
            total += len(piece)
            if total > limits.MAX_OUTPUT_CHARS:
                raise LimitError(f"the output would be longer than "
                                 f"{limits.MAX_OUTPUT_CHARS:,} characters")
            budget.step()
            out.append(piece)
        return "".join(out)

    # -- nesting ----------------------------------------------------------------------

    def compile(self, source: Any, name: str | None = None,
                filename: str | None = None, raw: bool = False, defer_init: bool = False
                ) -> Any:
        try:
            if isinstance(source, str):
                source = self.parse(source, name, filename)
            if _nesting_depth(source) > limits.MAX_NESTING * 4:
                raise _nested_error()
            source = _CountedComparisons(self).visit(source)
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except RecursionError:
            raise _nested_error() from None
        except SyntaxError as exc:  # Python's own limits on the generated code
            if isinstance(exc, jinja2.TemplateSyntaxError):
                raise
            raise _nested_error() from None
