"""The period's names in the short fields of report.yaml that a reader sees.

Narrative sections are filled in at render time with every name of the metrics. The short
fields around them — the title, body headings, appendix titles, enclosures, background papers
and contacts' job titles — are read before that (the agenda line, the front sheet and the file
name take the title from the loaded bundle), so they are filled in once, as the bundle is
loaded, with the period's names only:

``period`` (``period.label``, ``period.financial_year``, ``period.previous().label`` …),
``year_to_date`` and ``collection_year`` (each ``label``, ``start``, ``end``), ``as_at``,
``council`` and ``meeting`` (``meeting.date | longdate``), with every filter of
docs/bundle.md. So ``title: High cost placements, {{ period.label }}`` follows the quarter
in every place the title is printed: a build's report, its core properties, its file name,
the agenda line and the front sheet of its pack.

They are rendered in the same bounded sandbox as narrative (:mod:`reportgen.context`), and
an error names the field: ``report.yaml: report.title: unknown name 'perid' …``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reportgen.bundle import Bundle
from reportgen.sandbox import freeze, freeze_names

if TYPE_CHECKING:
    from reportgen.metrics import Metrics

_TAGS = ("{{", "{%", "{#")


def _has_tags(text: str | None) -> bool:
    return text is not None and any(tag in text for tag in _TAGS)


def period_names(bundle: Bundle, metrics: Metrics) -> dict[str, Any]:
    """The names a short field may use: the period's, never a figure of the data."""
    names: dict[str, Any] = {
        "council": bundle.council,
        "meeting": bundle.meeting,
        "as_at": metrics.as_at,
        "period": metrics.period,
        "year_to_date": None,
        "collection_year": None,
    }
    frozen = freeze_names(names)
    if metrics.windows is not None:
        for name in ("year_to_date", "collection_year"):
            # Its label and days: a short field states no figure of the data.
            frozen[name] = freeze(dataclasses.replace(
                getattr(metrics.windows, name), flows=None, external_flows=None, cost=None,
                care=None))
    return frozen


def fill_period_fields(bundle: Bundle, metrics: Metrics) -> Bundle:
    """``bundle`` with the period's names filled in to its short fields (see the module
    docstring); the bundle itself when no field has a tag."""
    if not _fields_with_tags(bundle):
        return bundle
    from reportgen.context import make_environment, render_text
    from reportgen.pipeline import style_for

    env = make_environment(style_for(bundle), autoescape=False)
    names = period_names(bundle, metrics)

    def fill(text: str, where: str) -> str:
        if not _has_tags(text):
            return text
        # A field is one line: a tag that writes a line break must not split the title.
        return " ".join(render_text(env, text, names, where, bundle.yaml_path).split())

    return _rebuilt(bundle, fill)


def _fields_with_tags(bundle: Bundle) -> bool:
    found: list[str] = []

    def note(text: str, where: str) -> str:
        if _has_tags(text):
            found.append(where)
        return text

    _rebuilt(bundle, note)
    return bool(found)


def _rebuilt(bundle: Bundle, fill: Callable[[str, str], str]) -> Bundle:
    """``bundle`` with ``fill(text, where)`` applied to each short field a reader sees."""
    report = bundle.report.model_copy(update={
        "title": fill(bundle.report.title, "report.title"),
        "enclosures": [fill(t, f"report.enclosures[{i}]")
                       for i, t in enumerate(bundle.report.enclosures, 1)],
    })
    update: dict[str, Any] = {
        "report": report,
        "appendices": [a.model_copy(update={"title": fill(a.title, f"appendices[{i}].title")})
                       for i, a in enumerate(bundle.appendices, 1)],
        "background_papers": [fill(t, f"background_papers[{i}]")
                              for i, t in enumerate(bundle.background_papers, 1)],
        "contacts": [c.model_copy(update={"job_title": fill(c.job_title, f"contacts[{i}]"
                                                                          ".job_title")})
                     if c.job_title else c for i, c in enumerate(bundle.contacts, 1)],
    }
    if bundle.body is not None:
        update["body"] = [_section(s, fill) for s in bundle.body]
    return bundle.model_copy(update=update)


def _section(section: Any, fill: Callable[[str, str], str]) -> Any:
    return section.model_copy(update={
        "heading": fill(section.heading, f"body.{section.id}.heading"),
        "subsections": [_section(s, fill) for s in section.subsections],
    })
