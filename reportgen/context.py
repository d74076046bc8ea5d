"""Everything a template or a narrative section may use, and the sandbox it runs in.

Templates never compute: they format. The names below are documented for officers in
``docs/house-styles.md``; the filters in ``docs/bundle.md``.

Both the Word template and the narrative in ``report.yaml`` run in
:class:`reportgen.sandbox.BoundedSandbox` (Jinja2's immutable sandbox with every piece of work
bounded) with :class:`~jinja2.StrictUndefined`: a misspelt name is an error rather than an
empty gap in a published paper, and a template can reach neither files, environment variables
nor Python internals. Every name is frozen into plain values (:func:`reportgen.sandbox.freeze`)
so no model or data frame, and none of their methods, is reachable.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import safe_range

from reportgen import disclosure, formatting
from reportgen.bundle import Bundle
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics
from reportgen.sandbox import BoundedSandbox, LimitError, freeze_names
from reportgen.styles import HouseStyle


def _yesno(value: object, yes: str = "Yes", no: str = "No") -> str:
    return yes if value else no


def make_environment(style: HouseStyle, *, autoescape: bool) -> jinja2.Environment:
    """The sandboxed environment with reportgen's filters.

    ``autoescape`` is on for the Word template (its output is XML: an unescaped "&" or "<"
    would corrupt the document) and off for narrative, whose output is plain text that the
    renderer writes through python-docx (which escapes it).
    """
    env = BoundedSandbox(
        # An empty loader: {% include %}, {% import %} and {% extends %} find nothing, so a
        # template cannot read other files.
        loader=jinja2.DictLoader({}),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=False,
    )

    def longdate(d: dt.date, date_style: str | None = None) -> str:
        return formatting.long_date(d, date_style or style.date_style)

    def money_table(amount: float, unit: str | None = None) -> str:
        return formatting.money_table(amount, unit or style.table_units)

    filters: dict[str, Callable[..., Any]] = {
        "money": formatting.money,
        "money_k": lambda a: formatting.money(a, "k"),
        "money_m": lambda a: formatting.money(a, "m"),
        "money_full": lambda a: formatting.money(a, "full"),
        "money_auto": lambda a: formatting.money(a, "auto"),
        "money_table": money_table,
        "thousands": formatting.thousands,
        "number": formatting.number,
        "percent": formatting.percent,
        "plural": formatting.plural,
        "ordinal": formatting.ordinal,
        "variance_word": formatting.variance_word,
        "variance_phrase": formatting.variance_phrase,
        "change_phrase": formatting.change_phrase,
        "longdate": longdate,
        "shortdate": formatting.short_date,
        "yesno": _yesno,
    }
    # A figure a public report hides prints as its symbol through any filter.
    env.filters.update(disclosure.symbol_aware(filters))
    env.tests["shown"] = disclosure.is_shown
    # Only plain helpers stay global; lipsum, cycler, joiner and namespace have no place in a
    # committee paper and widen what a template can reach.
    # The sandbox's range refuses more than 100,000 items; the builtin would let
    # "range(10**10) | list" exhaust memory.
    env.globals = {"range": safe_range, "dict": dict}
    env.bound_filters()  # Jinja2's filters and ours: counted, widths and sizes bounded
    return env


def narrative_names(bundle: Bundle, metrics: Metrics,
                    protect: Callable[[dict[str, Any]], dict[str, Any]] | None = None
                    ) -> dict[str, Any]:
    """The names narrative text may use: the report's metadata and the metrics, frozen into
    plain values (see :mod:`reportgen.sandbox`).

    ``protect`` (the document's disclosure plan, :func:`reportgen.disclosure.protect_names`)
    replaces every hidden figure before freezing, while the metrics still have their types.
    """
    names: dict[str, Any] = {
        "council": bundle.council,
        "meeting": bundle.meeting,
        "report": bundle.report,
        "period": metrics.period,
        "as_at": metrics.as_at,
        **metrics.namespace(),
    }
    return freeze_names(protect(names) if protect is not None else names)


def render_text(env: jinja2.Environment, text: str, names: dict[str, Any], where: str) -> str:
    """Render one piece of narrative or standard text, turning Jinja2 problems into one line."""
    try:
        return env.from_string(text).render(names)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportgenError(f"{where}: Jinja2 syntax error on line {exc.lineno} of the text: "
                             f"{exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise ReportgenError(f"{where}: {_undefined_message(exc)}") from None
    except jinja2.exceptions.SecurityError as exc:
        raise ReportgenError(f"{where}: not allowed in a report: {exc}") from None
    except jinja2.TemplateNotFound:
        raise ReportgenError(f"{where}: a report cannot include other files") from None
    except ReportgenError as exc:  # e.g. a filter given text instead of an amount
        raise ReportgenError(f"{where}: {exc.message}", file=exc.file, row=exc.row,
                             column=exc.column) from None
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise ReportgenError(f"{where}: could not evaluate an expression: {exc}") from None
    except RecursionError:  # the sandbox counts depth; this is the backstop
        raise ReportgenError(f"{where}: {LimitError('nested too deeply').message}") from None


def _undefined_message(exc: jinja2.UndefinedError) -> str:
    message = str(exc.message or exc)
    if message.startswith("'None' has no attribute"):
        return ("uses a data set this report does not have: add it under data: in report.yaml "
                "(placements, savings, budget)")
    if message.startswith("'") and "is undefined" in message:
        name = message.split(" is undefined")[0]
        return f"unknown name {name} (see docs/bundle.md for the names a report may use)"
    # "'reportgen.bundle.Meeting object' has no attribute 'x'": name the thing, not the class.
    match = re.match(r"'(?:[\w.]+\.)?(\w+) object' has no attribute '([^']*)'", message)
    if match:
        return f"{match[1].lower()} has no field '{match[2]}' (see docs/bundle.md)"
    return message


def standard_texts(bundle: Bundle, style: HouseStyle) -> dict[str, str]:
    """The style's standard wording with the bundle's overrides applied."""
    texts = dict(style.texts)
    texts.update(bundle.texts)
    return texts


def metadata_texts(bundle: Bundle, style: HouseStyle, render: Callable[[str, str], str]
                   ) -> dict[str, str]:
    """Short phrases for the header blocks, from standard texts (so a style can re-word them)."""
    texts = standard_texts(bundle, style)
    report = bundle.report

    def text(key: str) -> str:
        return " ".join(render(texts.get(key, ""), f"texts.{key}").split())

    if report.type == "information":
        decision_type = text("decision_type_information")
        call_in = text("call_in_information")
    else:
        key = "decision_type_key" if report.key_decision else "decision_type_non_key"
        decision_type = text(key)
        call_in = text("call_in_yes" if report.call_in else "call_in_no")
    eqia = bundle.equality_impact
    eqia_text = text("eqia_carried_out" if eqia and eqia.carried_out else "eqia_not_carried_out")
    if eqia and eqia.reason:
        eqia_text = f"{eqia_text} – {eqia.reason}"
    notified = bundle.ward_councillors_notified
    return {
        "exempt_text": text("exempt_yes" if report.exempt else "exempt_no"),
        "call_in_text": call_in,
        "decision_type_text": decision_type,
        "enclosures_text": ", ".join(report.enclosures) or text("no_enclosures"),
        "eqia_text": eqia_text,
        "ward_councillors_text": "Not applicable" if notified is None else _yesno(
            notified, "YES", "NO"),
    }
