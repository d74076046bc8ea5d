"""Required content by report type, exempt reports, placeholders and empty sections."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportgen.bundle import SECTION_IDS, Bundle, walk_sections
from reportgen.checks.citations import cited_appendices, named_form, named_position, shown_as
from reportgen.checks.findings import Finding, Severity
from reportgen.checks.registry import CheckContext, check, define
from reportgen.checks.words import (
    document_words,
    first_lost,
    html_words,
    narrative_chunks,
)
from reportgen.errors import ReportgenError
from reportgen.render.markup import words as text_words
from reportgen.render.markup import written_words
from reportgen.styles import HouseStyle, SignOff

DECISION = define(
    "content.decision-requirements", "error",
    "A decision report lacks recommendations with reasons, financial, legal or equalities "
    "implications, or clearance by the Chief Financial Officer and the Monitoring Officer "
    "(an information report needs the clearance only where the style's "
    "information_sign_off says so; a style whose sign_off is recorded_elsewhere faults only "
    "the clearance report.yaml records).", "bundle")
EXEMPT = define(
    "content.exempt-paragraph", "error",
    "An exempt report does not name its paragraph of Schedule 12A, or the classification and "
    "the exempt flag disagree.", "bundle")
PLACEHOLDER = define(
    "content.placeholder", "error",
    "Unfilled placeholder text (TBC, TODO, XXX, [insert …], £x, lorem ipsum, or a {{ … }} "
    "left after rendering).", "bundle")
NOT_SHOWN = define(
    "content.not-shown", "error",
    "A value given in report.yaml that the house style cannot print (the field and the reason "
    "are named): nothing the officer wrote may be dropped without saying so.", "document")
WORDS_LOST = define(
    "content.words-lost", "error",
    "A word or number the officer wrote (a narrative section, recommendation or reason after "
    "its {{ … }} figures are filled in, a body heading, a contact, a background paper) is not "
    "printed with the words around it, in the .docx or on the web page made from it: the "
    "first missing words and where they were written are named.",
    "document")
EMPTY = define(
    "content.empty-section", "error",
    "A section or recommendation is present in report.yaml but has no text.", "bundle")
APPENDICES = define(
    "content.appendix-cited", "error",
    "The text cites an appendix (\"Appendix 2\", \"Appendices A and B\") that the report does "
    "not list under appendices:, or a listed appendix has neither a title nor a file (a "
    "warning where the text cites by letter an appendix the house style numbers, or the "
    "reverse: both forms are named).",
    "bundle")

REQUIRED_SECTIONS = {
    "financial": ("financial_implications", "financial implications"),
    "legal": ("legal_implications", "legal implications"),
    "equalities": ("equalities", "equalities implications"),
}
REQUIRED_CLEARANCE = {
    "chief_financial_officer": "the Chief Financial Officer (section 151 officer)",
    "monitoring_officer": "the Monitoring Officer",
}

_PLACEHOLDER_CASED = re.compile(r"\b(?:TBC|TBA|TODO|FIXME)\b")
_PLACEHOLDER_ANY = re.compile(
    r"\bX{3,}\b|\[\s*insert\b[^\]]*\]|£\s?x+(?:[,.]x+)*\b|\blorem ipsum\b|\?{3,}",
    re.IGNORECASE,
)
_LEFT_OVER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\}\}|\{%|%\}")
_EXEMPT_WORDS = re.compile(r"exempt|confidential|not for publication|part (?:ii|2)\b", re.I)


def decision_findings(bundle: Bundle, sign_off: SignOff | None = None) -> list[Finding]:
    """content.decision-requirements. ``sign_off`` is the house style's rule for statutory
    sign-off (by default: printed, needed by decision reports only)."""
    out = []
    decision = bundle.report.type == "decision"
    if decision:
        if not bundle.recommendations:
            out.append(DECISION.finding(
                "a decision report has no recommendations", where="recommendations",
                fix="add recommendations: each with text: and reason:"))
        for i, rec in enumerate(bundle.recommendations, start=1):
            if not rec.reason:
                out.append(DECISION.finding(
                    "a recommendation of a decision report gives no reason",
                    where=f"recommendations[{i}].reason",
                    fix="add reason: saying why the committee should agree it"))
        for role, (section_id, name) in REQUIRED_SECTIONS.items():
            # The part is found by its role, whatever the officer's heading for it.
            if not bundle.role_text(role):
                where = f"sections.{section_id}" if bundle.body is None else "body"
                fix = (f"write sections.{section_id} (if there are none, say so and why)"
                       if bundle.body is None else
                       f"add a body section with role: {role} (if there are none, say so "
                       "and why)")
                out.append(DECISION.finding(f"a decision report needs its {name}",
                                            where=where, fix=fix))
    return out + clearance_findings(bundle, sign_off or SignOff())


def clearance_findings(bundle: Bundle, sign_off: SignOff) -> list[Finding]:
    """Statutory sign-off, as the form and the report type ask: missing clearance is faulted
    only where the report needs it and the form records it in the report; what report.yaml
    records is checked whatever the form."""
    out = []
    decision = bundle.report.type == "decision"
    required = sign_off.required_for(bundle.report.type)
    by_role = {c.role: (i, c) for i, c in enumerate(bundle.clearance, start=1)}
    for role, who in REQUIRED_CLEARANCE.items():
        severity: Severity = "error" if required else "warning"
        if role not in by_role:
            if not required or not sign_off.printed:
                continue  # not needed, or signed off where the report does not show it
            out.append(DECISION.finding(
                f"the report has not been cleared by {who}", where="clearance",
                fix=f"add a clearance entry with role: {role}, the name and the date "
                    "(status: pending while it is still to be signed)", severity=severity))
            continue
        i, entry = by_role[role]
        if entry.status == "pending":
            out.append(DECISION.finding(
                f"clearance by {who} is still to be signed", where=f"clearance[{i}].status",
                fix="when it is signed, give the name and date and status: cleared",
                severity=severity))
        elif entry.status == "not_required" and required:
            kind = ("a decision report" if decision else
                    "an information report (the house style's information_sign_off: "
                    "required)")
            out.append(DECISION.finding(
                f"{kind} cannot go without clearance by {who}",
                where=f"clearance[{i}].status",
                fix="obtain the clearance (status: cleared with the name and date)"))
    return out


def exempt_findings(bundle: Bundle) -> list[Finding]:
    """content.exempt-paragraph."""
    report = bundle.report
    out = []
    if report.exempt and report.exempt_paragraph is None:
        out.append(EXEMPT.finding(
            "an exempt report must name its paragraph of Schedule 12A to the Local Government "
            "Act 1972", where="report.exempt_paragraph",
            fix="add exempt_paragraph: 1 to 7 (for example 3, financial or business affairs)"))
    if not report.exempt and report.exempt_paragraph is not None:
        out.append(EXEMPT.finding(
            f"exempt_paragraph is {report.exempt_paragraph} but the report is not marked exempt",
            where="report.exempt",
            fix="set exempt: yes, or remove exempt_paragraph if the report is open"))
    if not report.exempt and report.classification and \
            _EXEMPT_WORDS.search(report.classification):
        out.append(EXEMPT.finding(
            f"the classification reads '{report.classification}' but the report is not marked "
            "exempt, so it would be published", where="report.classification",
            fix="set exempt: yes and exempt_paragraph:, or correct the classification"))
    return out


def _bundle_texts(bundle: Bundle) -> Iterator[tuple[str, str]]:
    yield "report.title", bundle.report.title
    yield from bundle.narrative_texts()
    if bundle.body is not None:
        for _, section in walk_sections(bundle.body):
            yield f"body.{section.id}.heading", section.heading
    for i, rec in enumerate(bundle.recommendations, start=1):
        yield f"recommendations[{i}]", rec.text
        if rec.reason:
            yield f"recommendations[{i}].reason", rec.reason
    for key, text in bundle.texts.items():
        yield f"texts.{key}", text


def placeholders_in(text: str, rendered: bool = False) -> list[str]:
    """The placeholders in ``text``; ``rendered`` also finds Jinja2 left unrendered."""
    found = [m.group(0) for m in _PLACEHOLDER_CASED.finditer(text)]
    found += [m.group(0) for m in _PLACEHOLDER_ANY.finditer(text)]
    if rendered:
        found += [m.group(0) for m in _LEFT_OVER.finditer(text)]
    return list(dict.fromkeys(found))


def source_placeholder_findings(bundle: Bundle) -> list[Finding]:
    out = []
    for where, text in _bundle_texts(bundle):
        for found in placeholders_in(text):
            out.append(PLACEHOLDER.finding(f"unfilled placeholder '{found}'", where=where,
                                           fix="replace it with the real text or figure"))
    return out


def empty_findings(bundle: Bundle) -> list[Finding]:
    """content.empty-section."""
    out = []
    for section_id in SECTION_IDS:
        if section_id in bundle.sections.model_fields_set and \
                not (getattr(bundle.sections, section_id) or "").strip():
            out.append(EMPTY.finding(
                "the section is in report.yaml but empty", where=f"sections.{section_id}",
                fix="write the section, or remove the key to use the house style's standard "
                    "text"))
    for _, section in walk_sections(bundle.body or []):
        if section.text is not None and not section.text.strip():
            out.append(EMPTY.finding(
                "the section is in report.yaml but its text is empty",
                where=f"body.{section.id}.text",
                fix="write the section, or remove text: (a heading alone is allowed)"))
    for i, rec in enumerate(bundle.recommendations, start=1):
        if not rec.text.strip():
            out.append(EMPTY.finding("the recommendation has no text",
                                     where=f"recommendations[{i}]",
                                     fix="write the recommendation or remove it"))
    return out


def _listed_positions(bundle: Bundle) -> set[int]:
    """The places of the appendices the report lists: each one's place in appendices:
    (printed "Appendix 2" or "Appendix B" as the style says), or the place its own label names
    ("Appendix C"; none for "Annex 1"). A body section headed "Appendix 3 …" is an appendix
    printed in the report itself."""
    listed = set()
    for n, appendix in enumerate(bundle.appendices, start=1):
        named = n if appendix.label is None else named_position(appendix.label)
        if named is not None:
            listed.add(named)
    for _, section in walk_sections(bundle.body or []):
        named = named_position(section.heading)
        if named is not None:
            listed.add(named)
    return listed


def _runs(shown: list[str]) -> str:
    """ "Appendix 3", "Appendices 3 and 4", "Appendices 3 to 999" (``shown`` in order)."""
    if len(shown) == 1:
        return f"Appendix {shown[0]}"
    if len(shown) > 3:
        return f"Appendices {shown[0]} to {shown[-1]}"
    return f"Appendices {', '.join(shown[:-1])} and {shown[-1]}"


def _own_forms(bundle: Bundle) -> set[tuple[str, int]]:
    """How the report itself writes an appendix it labels in its own way: an appendix's own
    label ("Appendix C") or a body heading ("Appendix 3 – Data"), printed as written."""
    labels = [a.label for a in bundle.appendices if a.label is not None]
    labels += [section.heading for _, section in walk_sections(bundle.body or [])]
    return {form for label in labels if (form := named_form(label)) is not None}


def appendix_findings(bundle: Bundle, style: HouseStyle | None = None) -> list[Finding]:
    """content.appendix-cited: the officer's text (narrative, recommendations, reasons,
    standard-text overrides; headings only name parts) against the appendices listed, and,
    given the house ``style``, against the way it labels them (numbers or letters)."""
    out = []
    for i, appendix in enumerate(bundle.appendices, start=1):
        if not appendix.title and not appendix.file:
            out.append(APPENDICES.finding(
                "the appendix has neither a title nor a file", where=f"appendices[{i}]",
                fix="give its title: (and file: if it is attached), or remove it"))
    listed = _listed_positions(bundle)
    own = _own_forms(bundle)
    count = len(bundle.appendices)
    printed = None if style is None else (
        "letter" if style.appendix_labels == "letters" else "number")
    lists = ("lists no appendices" if not count else
             f"lists {count} appendi{'x' if count == 1 else 'ces'}")
    texts = [*bundle.narrative_texts()]
    for i, rec in enumerate(bundle.recommendations, start=1):
        texts.append((f"recommendations[{i}]", rec.text))
        if rec.reason:
            texts.append((f"recommendations[{i}].reason", rec.reason))
    texts += [(f"texts.{key}", text) for key, text in bundle.texts.items()]
    for where, text in texts:
        seen: set[str] = set()
        for citation in cited_appendices(text):
            if citation.text in seen:
                continue
            seen.add(citation.text)
            cited = sorted(dict(citation.cited).items())
            missing = [shown for at, shown in cited if at not in listed]
            if missing:
                out.append(APPENDICES.finding(
                    f"the text cites '{citation.text}' but the report {lists}"
                    + (f", not {_runs(missing)}" if count else ""),
                    where=where,
                    fix="list it under appendices: (title: and file:), or correct the "
                        "reference"))
                continue
            if printed is None or citation.kind == printed or \
                    all((citation.kind, at) in own for at, _ in cited):
                continue
            # The report prints the appendix the other way: the reader looks for a label
            # that is not there.
            assert style is not None
            as_printed = _runs([shown_as(printed if (citation.kind, at) not in own
                                         else citation.kind, at) for at, _ in cited])
            out.append(APPENDICES.finding(
                f"the text cites '{citation.text}' by {citation.kind}, but the house style "
                f"'{style.name}' labels appendices by {printed}: the report prints "
                f"'{as_printed}'", where=where, severity="warning",
                fix=f"write '{as_printed}', or set appendix_labels: "
                    f"{'letters' if citation.kind == 'letter' else 'numbers'} in the style "
                    "(or give the appendix its own label:)"))
    return out


def _house_style(ctx: CheckContext) -> HouseStyle | None:
    """The style the report was rendered in (or would be: checks of a bundle alone); None
    where no style can be found (that is the render's error)."""
    if ctx.result is not None:
        return ctx.result.style
    from reportgen.styles import resolve_style, style_places

    bundle = ctx.bundle
    try:  # as the pipeline finds it, read here (checks never drive the pipeline)
        return resolve_style(bundle.style, base=bundle.path, places=style_places(
            bundle.path, bundle.styles_folder, bundle.yaml_path))
    except ReportgenError:
        return None


@check("bundle")
def bundle_content(ctx: CheckContext) -> list[Finding]:
    bundle = ctx.bundle
    style = _house_style(ctx)
    return [*decision_findings(bundle, style.sign_off if style else None),
            *exempt_findings(bundle), *source_placeholder_findings(bundle),
            *empty_findings(bundle), *appendix_findings(bundle, style)]


@check("docx")
def document_placeholders(ctx: CheckContext) -> list[Finding]:
    """Placeholders in the document itself (from the template, standard texts, or a
    ready-made .docx); those already reported in report.yaml are not repeated."""
    assert ctx.doc is not None
    known: set[str] = set()
    if ctx.loaded is not None:
        known = {p.lower() for _, text in _bundle_texts(ctx.bundle) for p in placeholders_in(text)}
    out = []
    seen: set[str] = set()
    for paragraph in ctx.doc.texts:
        for found in placeholders_in(paragraph, rendered=True):
            if found.lower() in known or found.lower() in seen:
                continue
            seen.add(found.lower())
            snippet = " ".join(paragraph.split())
            if len(snippet) > 70:
                at = max(snippet.find(found) - 30, 0)
                snippet = ("…" if at else "") + snippet[at:at + 70] + "…"
            out.append(PLACEHOLDER.finding(
                f"the document still contains '{found}': '{snippet}'", where="document",
                fix="fill it in (in report.yaml, the standard texts or the template)"))
    return out


@check("document")
def not_shown(ctx: CheckContext) -> list[Finding]:
    """content.not-shown: what the style has no place for (from the renderer), and any short
    value of report.yaml that is not in the document's text as written."""
    assert ctx.result is not None and ctx.doc is not None
    style = ctx.result.style.name
    out = [NOT_SHOWN.finding(f"the house style '{style}' cannot show it: {why}", where=field,
                             fix="use a style that prints it (or add it to the template; "
                                 "see docs/house-styles.md), or remove it from report.yaml")
           for field, why in ctx.result.not_shown]
    flagged = {field for field, _ in ctx.result.not_shown}
    text = " ".join(ctx.doc.full_text.split()).casefold()
    for field, value in ctx.result.printed_values:
        if field not in flagged and value.casefold() not in text:
            out.append(NOT_SHOWN.finding(
                f"'{value[:60]}' is not printed by the house style '{style}' (a condition "
                "in its template left it out)", where=field,
                fix="correct the template, or remove the value from report.yaml"))
    return out


def _officer_texts(ctx: CheckContext) -> list[tuple[str, list[list[str]]]]:
    """``(where, chunks of words)`` for everything the officer wrote that the document prints:
    the narrative as rendered (its {{ … }} filled in), recommendations and reasons, the body's
    own headings, the contacts and the background papers. What the style has no place for is
    content.not-shown's to report, not this check's."""
    assert ctx.result is not None
    bundle = ctx.bundle
    unshown = {field.split("[")[0].split(".")[0] for field, _ in ctx.result.not_shown}
    prefix = "body" if bundle.body is not None else "sections"
    out = [(f"{prefix}.{section_id}", narrative_chunks(text))
           for section_id, text in ctx.result.sections.items()]
    out += [(where, narrative_chunks(text)) for where, text in ctx.result.other_texts.items()]
    if bundle.body is not None and "body" not in unshown:
        out += [(f"body.{section.id}.heading", [text_words(section.heading)])
                for _, section in walk_sections(bundle.body)]
    if "contacts" not in unshown:
        for i, contact in enumerate(bundle.contacts, start=1):
            for key in ("name", "job_title", "phone", "email"):
                value = getattr(contact, key)
                if value:
                    out.append((f"contacts[{i}].{key}", [written_words(value)]))
    if "background_papers" not in unshown:
        out += [(f"background_papers[{i}]", [written_words(paper)])
                for i, paper in enumerate(bundle.background_papers, start=1)]
    return [(where, [c for c in chunks if c]) for where, chunks in out]


def lost_findings(texts: list[tuple[str, list[list[str]]]], seen: list[str],
                  place: str = "") -> list[Finding]:
    """content.words-lost for ``texts`` against the words a reader sees (``seen``, in order);
    ``place`` names where they are read ("on the web page") when not the .docx."""
    index: dict[str, list[int]] = {}
    for at, word in enumerate(seen):
        index.setdefault(word, []).append(at)
    out = []
    for where, chunks in texts:
        for chunk in chunks:
            lost = first_lost(chunk, seen, index)
            if lost is None:
                continue
            before = " ".join(chunk[max(lost - 3, 0):lost])
            missing = " ".join(chunk[lost:lost + 5])
            printed = f"is not printed as written{place}"
            out.append(WORDS_LOST.finding(
                f"'{missing}' (after '{before}') {printed}" if before else
                f"'{missing}' {printed}", where=where,
                fix="report it as a reportgen bug; meanwhile re-word the line (a line "
                    "starting with a number and a full stop reads as a list item)"))
            break
    return out


@check("document")
def words_lost(ctx: CheckContext) -> list[Finding]:
    """content.words-lost: every word and number the officer wrote, as rendered, printed
    together and in order in the .docx (list numbers read as Word prints them) and on the
    web page made from it (``render --html``), so a stage that drops a word either way is
    caught on every render."""
    assert ctx.result is not None and ctx.loaded is not None
    from reportgen.publish.html import report_html

    texts = _officer_texts(ctx)
    out = lost_findings(texts, document_words(ctx.result.docx))
    try:
        page = report_html(ctx.result.docx)  # as render --html makes it (its CSS aside)
    except ReportgenError:
        return out  # a page that cannot be made is render --html's own error
    done = {f.where for f in out}  # a word lost in the .docx is lost on the page too
    out += [f for f in lost_findings(texts, html_words(page), " on the web page")
            if f.where not in done]
    return out
