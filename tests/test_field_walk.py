"""The field walk: every value of a fully filled report.yaml reaches the document, in every
built-in style, or ``content.not-shown`` refuses it naming the field (issue 16).

Each text field gets a marker no other field has; each yes/no field is rendered both ways
and the documents must differ; each date is a date no other field has. The bundle is built
from the model's own field list, so a new field without a place in the styles fails here
until it is printed or deliberately listed in NOT_PRINTED with the reason.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from reportgen import formatting
from reportgen.bundle import Bundle
from reportgen.pipeline import produce
from reportgen.styles import builtin_style_names, resolve_style

from .helpers import document_text

# Fields that are not words of the officer's to print, each with the reason.
NOT_PRINTED = {
    "style": "chooses the house style",
    "styles_folder": "where the house style is looked for by name",
    "period": "selects the data; printed only through the narrative's own expressions",
    "as_at": "selects the data; printed only through the narrative's own expressions",
    "data": "names the data files",
    "settings": "how tables are built",
    "texts": "re-words the style's standard texts, which print where the style uses them",
    "abbreviations": "tells the figure checker what the narrative's short forms stand for",
    "budget_scope": "tells the figure checker what the budget data are of",
    "meeting.nation": "sets the bank holidays and clear days the date checks count",
    "report.type": "chooses the standard wording (decision type, not-applicable texts)",
    "appendices.file": "the file is attached to the agenda pack, not printed in the report",
    "clearance.role": "printed as the role's name (role_text)",
    "clearance.status": "printed as the ticked or empty box, or 'Not required'",
    "body.id": "names a section for cross-references; not printed",
    "body.role": "tells the checks which statutory part a section is; not printed",
    "body.subsections": "a list: its sections' fields are walked themselves",
}
BOOLEANS = ("report.key_decision", "report.exempt", "report.call_in",
            "clearance.on_behalf", "equality_impact.carried_out",
            "ward_councillors_notified.notified")


def _paths(model: type[BaseModel], prefix: str = "",
           seen: tuple[type[BaseModel], ...] = ()) -> list[str]:
    from .test_new import _model_in

    out = []
    for name, info in model.model_fields.items():
        if name == "path":
            continue
        path = f"{prefix}{name}"
        inner = _model_in(info.annotation)
        if inner is not None and inner not in seen:
            out.extend(_paths(inner, f"{path}.", (*seen, model)))
        else:
            out.append(path)
    return out


def _marker(n: int) -> str:
    return f"Qz{n:03d}marker"


def full_bundle(body: bool) -> tuple[dict[str, Any], dict[str, str], dict[str, dt.date]]:
    """A report.yaml with every field filled; the marker of each text field; each date."""
    counter = iter(range(1, 1000))
    markers: dict[str, str] = {}
    dates: dict[str, dt.date] = {}

    def m(path: str) -> str:
        value = _marker(next(counter))
        markers.setdefault(path, value)
        markers[f"{path}#{value}"] = value
        return value

    def day(path: str, n: int) -> str:
        when = dt.date(2026, 1, 1) + dt.timedelta(days=n)
        dates[path] = when
        return when.isoformat()

    data: dict[str, Any] = {
        "council": m("council"),
        "style": "cover-sheet",
        "meeting": {"committee": m("meeting.committee"), "date": day("meeting.date", 200),
                    "time": m("meeting.time"), "venue": m("meeting.venue"),
                    "nation": "england"},
        "report": {
            "title": m("report.title"), "subtitle": m("report.subtitle"),
            "agenda_item": m("report.agenda_item"),
            "type": "decision", "key_decision": "yes",
            "key_decision_notice": day("report.key_decision_notice", 100),
            "exempt": "no", "call_in": "yes", "wards": [m("report.wards"), m("report.wards")],
            "enclosures": [m("report.enclosures")],
            "responsible_officer": m("report.responsible_officer"),
            "portfolio_holder": m("report.portfolio_holder"),
            "classification": m("report.classification"), "author": m("report.author"),
            "report_by": m("report.report_by"), "directorate": m("report.directorate"),
            "publication_date": day("report.publication_date", 190),
        },
        "recommendations": [
            {"text": m("recommendations.text"), "reason": m("recommendations.reason")},
            {"text": m("recommendations.text"), "reason": m("recommendations.reason")},
        ],
        "clearance": [
            {"role": "chief_financial_officer", "name": m("clearance.name"),
             "on_behalf": "yes", "date": day("clearance.date", 180)},
            {"role": "monitoring_officer", "name": m("clearance.name"), "on_behalf": "yes",
             "date": day("clearance.date#2", 181)},
            {"role": "other", "role_title": m("clearance.role_title"), "status": "pending",
             "name": m("clearance.name")},
            {"role": "other", "role_title": m("clearance.role_title"),
             "status": "not_required", "reason": m("clearance.reason")},
        ],
        "ward_councillors_notified": {"notified": "yes",
                                      "reason": m("ward_councillors_notified.reason")},
        "equality_impact": {"carried_out": "yes", "date": day("equality_impact.date", 150),
                            "reason": m("equality_impact.reason"),
                            "cleared_by": m("equality_impact.cleared_by")},
        "contacts": [{"name": m("contacts.name"), "job_title": m("contacts.job_title"),
                      "phone": m("contacts.phone"), "email": m("contacts.email")}],
        "background_papers": [m("background_papers"), m("background_papers")],
        "appendices": [{"title": m("appendices.title"), "file": "a.docx"},
                       {"title": m("appendices.title"), "label": m("appendices.label")}],
    }
    if body:
        roles = ["summary", "recommendations", "reasons", "options", "report", "background",
                 "financial", "legal", "equalities", "community", "risk", "priorities", "hr",
                 "property", "consultation"]
        data["body"] = [
            {"id": f"s-{role}", "heading": m("body.heading"), "role": role,
             "text": f"{m('body.text')}\n\n{m('body.text')}",
             "subsections": [{"id": f"sub-{role}", "heading": m("body.heading"),
                              "text": m("body.text")}] if role == "report" else []}
            for role in roles]
    else:
        data["sections"] = {key: m(f"sections.{key}") for key in (
            "summary", "report", "alternative_options", "financial_implications",
            "legal_implications", "equalities", "community_impact", "risk_management",
            "council_priorities", "consultees", "background")}
    return data, markers, dates


def _write(tmp: Path, data: dict[str, Any]) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "report.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    return tmp


def test_the_walk_fills_every_field_of_the_model() -> None:
    data, markers, dates = full_bundle(body=True)
    sections_data, sections_markers, _ = full_bundle(body=False)
    covered = {p.split("#")[0] for p in (*markers, *sections_markers, *dates)}
    covered |= set(BOOLEANS) | {"report.exempt_paragraph"}
    for path in _paths(Bundle):
        assert path in covered or path in NOT_PRINTED or \
            any(path.startswith(f"{n}.") for n in NOT_PRINTED), path


def _render(tmp: Path, data: dict[str, Any], style: str) -> tuple[str, list[Any]]:
    produced = produce(_write(tmp, data), style=style, gate=False)
    return document_text(produced.result.docx).casefold(), produced.findings


def _refused(findings: list[Any], path: str) -> bool:
    field = path.split("#")[0].split(".")[0]
    return any(f.rule == "content.not-shown" and (f.where or "").startswith(field)
               for f in findings)


@pytest.mark.parametrize("body", [False, True], ids=["sections", "body"])
@pytest.mark.parametrize("style", builtin_style_names())
def test_every_value_reaches_the_document(tmp_path: Path, style: str, body: bool) -> None:
    data, markers, dates = full_bundle(body)
    text, findings = _render(tmp_path, data, style)
    # A built-in style prints everything: it refuses nothing.
    assert not [f.line() for f in findings if f.rule == "content.not-shown"]
    lost = [path for path, value in markers.items() if "#" in path
            and value.casefold() not in text]
    assert not lost, lost
    house = resolve_style(style)
    for path, when in dates.items():
        shown = {formatting.long_date(when, s) for s in formatting.DATE_STYLES}
        shown.add(formatting.short_date(when))
        assert any(s.casefold() in text for s in shown), (path, house.date_style)


def _flip(data: dict[str, Any], path: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    node: Any = out
    *parents, leaf = path.split(".")
    for part in parents:
        node = node[part]
    targets = node if isinstance(node, list) else [node]
    for target in targets:
        target[leaf] = "no" if target.get(leaf, "yes") == "yes" else "yes"
        if leaf == "exempt" and target[leaf] == "yes":
            target["exempt_paragraph"] = "3"
    return out


@pytest.mark.parametrize("style", builtin_style_names())
def test_every_yes_no_changes_the_document(tmp_path: Path, style: str) -> None:
    data, _, _ = full_bundle(body=False)
    base, _ = _render(tmp_path / "base", data, style)
    for path in BOOLEANS:
        flipped, findings = _render(tmp_path / path, _flip(data, path), style)
        assert flipped != base or _refused(findings, path), path
    exempt, _ = _render(tmp_path / "exempt", _flip(data, "report.exempt"), style)
    assert "paragraph 3" in exempt


def test_a_template_without_a_place_is_refused_naming_the_field(tmp_path: Path) -> None:
    """A house style of the officer's own that prints only the title: every other value is
    an error of content.not-shown, each naming its field."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ report.title }}")
    folder = tmp_path / "b"
    folder.mkdir()
    doc.save(folder / "t.docx")
    data, _, _ = full_bundle(body=True)
    data["style"] = "t.docx"
    produced = produce(_write(folder, data), gate=False)
    wheres = {f.where for f in produced.findings if f.rule == "content.not-shown"}
    for field in ("body", "recommendations", "clearance", "contacts", "appendices",
                  "background_papers", "report.author", "meeting.venue"):
        assert field in wheres, (field, wheres)
