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
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import safe_range

from reportgen import disclosure, formatting
from reportgen.bundle import Bundle
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics
from reportgen.sandbox import BoundedSandbox, LimitError, freeze_names, frozen_metrics
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
    """The names narrative text may use: the report's metadata, the metrics and the windows
    (``period``, ``year_to_date``, ``collection_year``), frozen into plain values (see
    :mod:`reportgen.sandbox`).

    ``protect`` (the document's disclosure plan, :func:`reportgen.disclosure.protect_names`)
    then passes every frozen value through the rule :mod:`reportgen.disclosure.names`
    declares for its name: a public report reaches no name that is declared nowhere.
    """
    from reportgen.narrative_windows import window_names, with_period

    report = freeze_names({
        "council": bundle.council,
        "meeting": bundle.meeting,
        "report": bundle.report,
        "as_at": metrics.as_at,
    })
    # period, year_to_date, collection_year: through the same rules as every other name (a
    # window's flows hidden as placements.flows is, its care counts as care's), with a
    # window ending with the period also hiding what the period hides.
    settings = bundle.settings
    windows = window_names(metrics.windows, metrics.period,
                           public=protect is not None and settings.public,
                           threshold=settings.suppression_threshold,
                           symbol=settings.symbols.confidential)
    # The metrics frozen once for a render (the disclosure plan reads the same ones).
    frozen = {**report, **frozen_metrics(metrics), **freeze_names(windows)}
    return with_period(protect(frozen) if protect is not None else frozen, metrics.period)


def render_text(env: jinja2.Environment, text: str, names: dict[str, Any], where: str,
                file: Path | None = None) -> str:
    """Render one piece of narrative or standard text, turning Jinja2 problems into one line
    (``where`` the field it is in, ``file`` the file that field is in)."""
    try:
        return env.from_string(text).render(names)
    except jinja2.TemplateSyntaxError as exc:
        raise ReportgenError(f"{where}: Jinja2 syntax error on line {exc.lineno} of the text: "
                             f"{exc.message}", file=file) from None
    except jinja2.UndefinedError as exc:
        raise ReportgenError(f"{where}: {_undefined_message(exc)}", file=file) from None
    except jinja2.exceptions.SecurityError as exc:
        raise ReportgenError(f"{where}: not allowed in a report: {exc}", file=file) from None
    except jinja2.TemplateNotFound:
        raise ReportgenError(f"{where}: a report cannot include other files",
                             file=file) from None
    except ReportgenError as exc:  # e.g. a filter given text instead of an amount
        raise ReportgenError(f"{where}: {exc.message}", file=exc.file or file, row=exc.row,
                             column=exc.column) from None
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise ReportgenError(f"{where}: could not evaluate an expression: {exc}",
                             file=file) from None
    except RecursionError:  # the sandbox counts depth; this is the backstop
        raise ReportgenError(f"{where}: {LimitError('nested too deeply').message}",
                             file=file) from None


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
    """Short phrases for the header blocks, from standard texts (so a style can re-word them).

    Each says what the officer gave: ``call_in: no`` reads "No" on any report; the
    information-report wording stands in only when call-in is not given at all."""
    texts = standard_texts(bundle, style)
    report = bundle.report

    def text(key: str) -> str:
        return " ".join(render(texts.get(key, ""), f"texts.{key}").split())

    if report.type == "information":
        decision_type = text("decision_type_information")
    else:
        key = "decision_type_key" if report.key_decision else "decision_type_non_key"
        decision_type = text(key)
    if report.call_in is None:
        call_in = text("call_in_information" if report.type == "information" else "call_in_no")
    else:
        call_in = text("call_in_yes" if report.call_in else "call_in_no")
    eqia = bundle.equality_impact
    eqia_text = text("eqia_carried_out" if eqia and eqia.carried_out else "eqia_not_carried_out")
    if eqia and eqia.date:
        eqia_text = f"{eqia_text} ({formatting.long_date(eqia.date, style.date_style)})"
    if eqia and eqia.reason:
        eqia_text = f"{eqia_text} – {eqia.reason}"
    notified = bundle.ward_councillors_notified
    if notified is None:
        ward_text = "Not applicable"
    else:
        ward_text = _yesno(notified.notified, "YES", "NO")
        if notified.reason:
            ward_text = f"{ward_text} – {notified.reason}"
    return {
        "exempt_text": text("exempt_yes" if report.exempt else "exempt_no"),
        "call_in_text": call_in,
        "decision_type_text": decision_type,
        "enclosures_text": ", ".join(report.enclosures) or text("no_enclosures"),
        "eqia_text": eqia_text,
        "eqia_cleared_by_text": (eqia.cleared_by or "") if eqia else "",
        "ward_councillors_text": ward_text,
    }


def appendix_labels(bundle: Bundle, style: HouseStyle) -> list[str]:
    """"Appendix 1", "Appendix A" … (style.yaml appendix_labels), or the officer's own label."""
    out = []
    for n, appendix in enumerate(bundle.appendices, start=1):
        mark = formatting.letter_label(n) if style.appendix_labels == "letters" else str(n)
        out.append(appendix.label or f"Appendix {mark}")
    return out


def title_parts(bundle: Bundle, style: HouseStyle, texts: dict[str, str]
                ) -> list[tuple[str, str, str]]:
    """``(part, label, text)`` for each part of the title block, in style.title_lines order;
    a part the report does not give has empty text (and is left out)."""
    report, meeting = bundle.report, bundle.meeting
    when = formatting.long_date(meeting.date, style.date_style)
    by = report.report_by or ""
    agenda = texts.get("agenda_item_label", "Agenda Item No.")
    report_of = texts.get("report_of_label", "Report of the")
    values = {
        "agenda_item": ("Agenda item", f"{agenda} {report.agenda_item}"
                        if report.agenda_item else ""),
        "council": ("Council", bundle.council),
        "committee": ("Meeting", meeting.committee),
        "date": ("Date of meeting", when),
        "committee_date": ("Meeting", f"{meeting.committee}: {when}"),
        "report_of": ("Report of", f"{report_of} {by}" if by else ""),
        "title": ("Title", report.title),
        "venue": ("Venue", meeting.venue or ""),
        "time": ("Time", meeting.time or ""),
    }
    return [(part, *values[part]) for part in style.title_lines]


_TAG = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_FALLBACK = re.compile(r"\bor\s+[A-Za-z_][\w.]*")


def template_names(template_xml: str) -> set[str]:
    """The dotted names a template's tags print (``report.title``, ``call_in_text``,
    ``title_block``). A name after ``or`` is a fallback, printed only when the first is
    empty, so it does not count as printed."""
    found: set[str] = set()
    for match in _TAG.finditer(re.sub(r"<[^>]+>", "", template_xml)):
        tag = _FALLBACK.sub(" ", match.group(1) or match.group(2) or "")
        for name in _NAME.findall(tag):
            found.add(name)
            if "." in name:
                found.add(name.split(".")[0] + "." + name.split(".")[1])
    return found


#: What in a template shows each metadata field (any one of them is enough).
SHOWN_BY: dict[str, tuple[str, ...]] = {
    "report.agenda_item": ("report.agenda_item",),
    "report.key_decision": ("report.key_decision", "decision_type_text"),
    "report.key_decision_notice": ("report.key_decision_notice",),
    "report.exempt": ("report.exempt", "exempt_text"),
    "report.call_in": ("report.call_in", "call_in_text"),
    "report.wards": ("report.wards",),
    "report.enclosures": ("report.enclosures", "enclosures_text"),
    "report.responsible_officer": ("report.responsible_officer",),
    "report.portfolio_holder": ("report.portfolio_holder",),
    "report.classification": ("report.classification", "report.classification_text"),
    "report.author": ("report.author",),
    "report.report_by": ("report.report_by",),
    "report.directorate": ("report.directorate",),
    "report.publication_date": ("report.publication_date",),
    "meeting.time": ("meeting.time",),
    "meeting.venue": ("meeting.venue",),
    "equality_impact": ("eqia_text",),
    "equality_impact.cleared_by": ("eqia_cleared_by_text",),
    "ward_councillors_notified": ("ward_councillors_text",),
}
_TITLE_PART_FIELD = {"agenda_item": "report.agenda_item", "report_of": "report.report_by",
                     "venue": "meeting.venue", "time": "meeting.time"}


def shown_by_template(key: str, names: set[str], style: HouseStyle | None = None) -> bool:
    if any(n in names for n in SHOWN_BY.get(key, (key,))):
        return True
    if style is not None and "title_block" in names:
        return any(_TITLE_PART_FIELD.get(p) == key for p in style.title_lines)
    return False


def detail_rows(bundle: Bundle, style: HouseStyle, texts: dict[str, str]
                ) -> list[tuple[str, str, str]]:
    """``(field, label, text)`` for every metadata field the officer gave (defaults left
    out), for other_details() and for the content.not-shown check."""
    report, meeting = bundle.report, bundle.meeting
    given = report.model_fields_set
    rows: list[tuple[str, str, str]] = []

    def add(key: str, label: str, value: str) -> None:
        if value:
            rows.append((key, label, value))

    def day(value: dt.date | None) -> str:
        return formatting.long_date(value, style.date_style) if value else ""

    add("report.agenda_item", "Agenda item", report.agenda_item or "")
    if "key_decision" in given:
        add("report.key_decision", "Key decision", _yesno(report.key_decision))
    add("report.key_decision_notice", "Key decision notice published",
        day(report.key_decision_notice))
    if "exempt" in given or report.exempt:
        add("report.exempt", "Exempt", texts["exempt_text"])
    if report.call_in is not None:
        add("report.call_in", "Decision subject to call-in", texts["call_in_text"])
    if "wards" in given:
        add("report.wards", "Wards affected", ", ".join(report.wards))
    if "enclosures" in given and report.enclosures:
        add("report.enclosures", "Enclosures", texts["enclosures_text"])
    add("report.responsible_officer", "Responsible officer", report.responsible_officer)
    add("report.portfolio_holder", "Portfolio holder", report.portfolio_holder or "")
    add("report.classification", "Classification", report.classification or "")
    add("report.author", "Report author", report.author or "")
    add("report.report_by", "Report by", report.report_by or "")
    add("report.directorate", "Directorate", report.directorate or "")
    add("report.publication_date", "Date of publication", day(report.publication_date))
    add("meeting.time", "Time", meeting.time or "")
    add("meeting.venue", "Venue", meeting.venue or "")
    if bundle.equality_impact is not None:
        add("equality_impact", "Equality impact assessment carried out", texts["eqia_text"])
        add("equality_impact.cleared_by", "Equality impact assessment cleared by",
            texts["eqia_cleared_by_text"])
    if bundle.ward_councillors_notified is not None:
        add("ward_councillors_notified", "Ward councillors notified",
            texts["ward_councillors_text"])
    return rows
