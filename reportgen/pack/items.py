"""Agenda items → the documents of a pack: every report bundle through
:func:`reportgen.pipeline.produce` (load, render, check), every ready-made document and
appendix through the allow-list reader (:mod:`reportgen.render.package`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.agenda import STANDARD_TEXTS, STANDARD_TITLES, Agenda, Item
from reportgen.documents import OutlineEntry, PackItem, ReportFacts, appendix_letter
from reportgen.errors import ReportgenError, ReportgenErrors, quote
from reportgen.formatting import long_date
from reportgen.pack.composer import Progress

if TYPE_CHECKING:
    from reportgen.bundle import Bundle
    from reportgen.pipeline import BuildPeriod
    from reportgen.styles import HouseStyle

# The item types live in reportgen.documents (below both the pack and reportgen.publish).
__all__ = ["OutlineEntry", "PackItem", "appendix_letter", "meeting_differences", "pack_steps",
           "prepare_items"]


def pack_steps(agenda: Agenda) -> int:
    """How many steps :func:`build_packs` reports: one per report rendered and per document
    appended."""
    steps = 0
    for item in agenda.items:
        steps += 2 if item.kind == "report" else 1 if item.document else 0
        steps += len(item.appendices or [])
    return steps


def _read_docx(path: Path, what: str, public: bool = False, number: int = 0,
               title: str = "") -> bytes:
    """The document rebuilt from its allowed parts, within limits (reportgen.render.package).

    ``public`` (an item in Part I): a document whose title or first page marks it not for
    publication is refused, naming the marking."""
    from reportgen.pack.markings import marking, title_marking
    from reportgen.render.package import read_docx

    data = read_docx(path, "document", not_docx=f"{what} is not a .docx file")
    if public:
        found = title_marking(title) if title else None
        place = "its title in agenda.yaml"
        if found is None:
            found, place = marking(data), "its first page"
        if found is not None:
            shown = quote(found, 40)
            raise ReportgenError(
                f"{what} of agenda item {number} is marked {shown} ({place}) but the item is "
                "in Part I, the public pack: give the item an exempt_paragraph to put it in "
                "Part II, or take the marking out if the paper is public", file=path)
    return data


def _item_error(number: int, name: str, exc: ReportgenError) -> ReportgenError:
    lines = exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]
    extra = len(lines) - 1
    more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
    return ReportgenError(f"agenda item {number} ({name}): {lines[0]}{more}")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def meeting_differences(agenda: Agenda, bundle: Bundle) -> list[str]:
    """How the council and meeting a report was written for differ from the agenda's (names
    compared without regard to case or spacing)."""
    out = []
    if not _same(bundle.council, agenda.council):
        out.append(f"council {quote(bundle.council, 60)} (the agenda's is "
                   f"{quote(agenda.council, 60)})")
    if not _same(bundle.meeting.committee, agenda.meeting.committee):
        out.append(f"committee {quote(bundle.meeting.committee, 60)} (the agenda's is "
                   f"{quote(agenda.meeting.committee, 60)})")
    if bundle.meeting.date != agenda.meeting.date:
        out.append(f"meeting date {long_date(bundle.meeting.date)} (the agenda's is "
                   f"{long_date(agenda.meeting.date)})")
    return out


def published_with_agenda(agenda: Agenda, item: Item, bundle: Bundle
                          ) -> tuple[Bundle, str | None]:
    """``bundle`` as the pack publishes it: on the agenda's publication date, for a report
    written for this meeting in the main agenda (a supplement is published later, a report
    from elsewhere keeps its own meeting's dates). With the note to give when report.yaml
    names another date."""
    published = agenda.publication_date
    own = bundle.report.publication_date
    if published is None or item.supplement is not None or own == published or \
            meeting_differences(agenda, bundle):
        return bundle, None
    note = None if own is None else (
        f"warning: the report's publication_date {long_date(own)} is not the agenda's: the "
        f"pack publishes it on {long_date(published)}")
    return bundle.model_copy(update={"report": bundle.report.model_copy(
        update={"publication_date": published})}), note


def pack_style(agenda: Agenda, bundle: Bundle) -> HouseStyle:
    """The report's own house style, writing the meeting's date in the agenda's form (as the
    front sheet does), so the pack names its meeting one way throughout."""
    from reportgen.pipeline import style_for

    house = style_for(bundle)
    return replace(house, date_styles={**house.date_styles, "meeting": agenda.date_style})


def _prepare(agenda: Agenda, item: Item, number: int, messages: list[str],
             failures: list[str], progress: Progress | None,
             period: str | BuildPeriod | None) -> PackItem:
    from reportgen.checks.findings import ChecksFailed
    from reportgen.pipeline import LoadedReport, load_report, produce

    title = item.title or (STANDARD_TITLES[item.standard] if item.standard else "")
    text = item.text
    if item.standard is not None and text is None:
        date = long_date(item.date) if item.date else ""
        text = STANDARD_TEXTS[item.standard].format(date=date)
    exempt = item.exempt_paragraph
    wards = list(item.wards or [])
    documents: list[tuple[str, bytes]] = []
    appendices = list(item.appendices or [])
    facts: ReportFacts | None = None
    if item.report is not None:
        folder = agenda.resolve(item.report)
        try:
            loaded = load_report(folder, period=period)
            report = loaded.bundle.report
            title = title or report.title
            differences = meeting_differences(agenda, loaded.bundle)
            if differences and not item.from_elsewhere:
                # Printed under this agenda's header, it would pass as this meeting's paper.
                raise ReportgenError(
                    f"the report was written for {'; '.join(differences)}: correct its "
                    "report.yaml, or mark the item from_elsewhere: yes in agenda.yaml if it "
                    "comes from another council or meeting")
            if differences:
                messages.append(
                    f"agenda item {number} ({title}): warning: the report was written for "
                    f"{'; '.join(differences)} (the item is marked from_elsewhere)")
            bundle, note = published_with_agenda(agenda, item, loaded.bundle)
            if note is not None:
                messages.append(f"agenda item {number} ({title}): {note}")
            loaded = LoadedReport(bundle, loaded.datasets, loaded.metrics, loaded.meeting,
                                  loaded.deadline)
            report = bundle.report
            if exempt is not None and report.exempt and report.exempt_paragraph != exempt:
                raise ReportgenError(
                    f"agenda says exempt under paragraph {exempt} but the report says "
                    f"paragraph {report.exempt_paragraph}")
            if exempt is None and report.exempt:
                exempt = report.exempt_paragraph
            elif exempt is not None and not report.exempt:
                # The agenda decides: render the report marked exempt too.
                bundle = loaded.bundle.model_copy(update={"report": report.model_copy(
                    update={"exempt": True, "exempt_paragraph": exempt})})
                loaded = LoadedReport(bundle, loaded.datasets, loaded.metrics,
                                      loaded.meeting, loaded.deadline)
            wards = wards or list(report.wards)
            if exempt is None and not loaded.bundle.settings.public:
                # Part I is published: a report its author marked not for publication must
                # not go into it (suppression would be off), nor be silently suppressed.
                raise ReportgenError(
                    "the report says settings.public: no but is in Part I (the public pack); "
                    "give the agenda item an exempt_paragraph or set settings.public: yes")
            # Part I is published: render it as public whatever the bundle's settings say
            # (Part II keeps the bundle's own choice; it goes to members only).
            produced = produce(loaded, public=True if exempt is None else None,
                               style=pack_style(agenda, loaded.bundle))
        except ChecksFailed as exc:
            if progress is not None:
                progress.update(1)
            failures.append(f"agenda item {number} ({title}): {exc.line()}")
            return PackItem(number, item, title, text, wards, exempt, documents)
        except ReportgenError as exc:
            raise _item_error(number, title or item.report, exc) from None
        if progress is not None:
            progress.update(1)
        messages.extend(f"agenda item {number} ({title}): {finding.line()}"
                        for finding in produced.warnings)
        documents.append(("report", produced.result.docx))
        facts = ReportFacts(type=report.type, key_decision=report.key_decision,
                            publication_date=report.publication_date,
                            style_template=produced.result.style.template)
        if item.appendices is None:
            appendices = []
            for bundle_app in loaded.bundle.appendices:
                name = bundle_app.file
                if name and name.lower().endswith(".docx"):
                    path = agenda.document_path(name, number, "appendix", within=folder)
                    documents.append((bundle_app.title, _read_docx(
                        path, "appendix", exempt is None, number, bundle_app.title)))
    elif item.document is not None:
        path = agenda.document_path(item.document, number)
        documents.append(("document", _read_docx(path, "document", exempt is None, number,
                                                 item.title or "")))
    for app in appendices:
        path = agenda.document_path(app.file, number, "appendix")
        documents.append((app.title, _read_docx(path, "appendix", exempt is None, number,
                                                app.title)))
    return PackItem(number, item, title, text, wards, exempt, documents, facts)


def prepare_items(agenda: Agenda, progress: Progress | None = None,
                  messages: list[str] | None = None, *,
                  period: str | BuildPeriod | None = None) -> list[PackItem]:
    """Number the items, produce every bundle and read every document (nothing is written).

    ``period`` replaces every bundle's own (a scheduled build's). The checks of ``reportgen
    check`` run on each rendered bundle; an error finding stops the pack with one line per
    failing item (warnings go to ``messages``).
    """
    notes = messages if messages is not None else []
    failures: list[str] = []
    items = [_prepare(agenda, item, n, notes, failures, progress, period)
             for n, item in enumerate(agenda.items, start=1)]
    if failures:
        raise ReportgenErrors([ReportgenError(f"{line} (the pack was not built)")
                               for line in failures])
    return items

