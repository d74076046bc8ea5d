"""One build of what ``reportgen serve`` shows, and the last good one kept.

A :class:`Source` is a report bundle or an agenda. :meth:`Source.build` loads, renders and
checks it in memory (nothing is written anywhere) and returns a :class:`Snapshot`: the pages,
the .docx, the findings and the names. A build that fails keeps the last good snapshot and
carries the one-line error instead (:class:`~reportgen.errors.ReportgenError`; anything else
is a bug and is shown as one line too, never a traceback in the page).
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError
from reportgen.serve.names import NameEntry, usable_names
from reportgen.serve.page import Status, error_page, served_page

INDEX = "index.html"


@dataclass(frozen=True)
class Snapshot:
    """What one build gave: pages by name (``index.html`` first), the Word file shown, the
    places to watch."""

    version: int
    pages: dict[str, bytes]
    docx: bytes | None
    docx_name: str
    watch: list[Path]
    error: str | None = None
    pdf: dict[str, bytes] = field(default_factory=dict)  # made on request, once a version


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _watch_places(files: list[Path], folder: Path) -> list[Path]:
    """The folders to watch, each on its own and not below it: the source's own, and each
    folder an input lives in (its data folder, a style folder elsewhere). Watching the bundle
    folder's whole tree would follow a symbolic link in it (to ``/``, say) and take the
    system's file watches (inotify's are shared by every program of the user) for folders the
    report never reads."""
    places: list[Path] = [folder.resolve()]
    for path in files:
        parent = path.resolve().parent
        if parent.is_dir() and parent not in places:
            places.append(parent)
    return places


class Source:
    """A bundle folder (report.yaml) or an agenda (agenda.yaml) to serve."""

    def __init__(self, path: Path) -> None:
        path = Path(path)
        if path.is_dir():
            self.kind = "report" if (path / "report.yaml").is_file() else "agenda"
            self.folder = path
            self.file = path / ("report.yaml" if self.kind == "report" else "agenda.yaml")
        else:
            self.kind = "report" if path.name == "report.yaml" else "agenda"
            self.folder = path.parent
            self.file = path
        if not self.file.is_file():
            raise ReportgenError("no report.yaml or agenda.yaml here", file=path)
        self._lock = threading.Lock()
        self._version = 0
        self.current: Snapshot | None = None

    @property
    def name(self) -> str:
        return self.file.name

    def build(self) -> Snapshot:
        """Build once more; on failure the last good pages with the error line."""
        from reportgen import budget

        # One command's time for the whole build, panels included (load and produce keep it).
        with self._lock, budget.deadline():
            self._version += 1
            version = self._version
            try:
                snap = self._build_report(version) if self.kind == "report" else \
                    self._build_agenda(version)
            except ReportgenError as exc:
                snap = self._failed(version, exc.line())
            except Exception as exc:  # a bug: one line here too, the server keeps running
                snap = self._failed(version, f"internal error: {type(exc).__name__}: {exc}")
            self.current = snap
            return snap

    def _failed(self, version: int, line: str) -> Snapshot:
        last = self.current
        status = Status(version, self.name, _now(), error=line)
        if last is None or last.docx is None:  # nothing good yet: the error alone
            return Snapshot(version, {INDEX: error_page(status)}, None, "",
                            [self.folder.resolve()], error=line)
        pages = {name: _with_error(page, status) for name, page in last.pages.items()}
        return replace(last, version=version, pages=pages, error=line, pdf={})

    def _downloads(self, name: str) -> list[tuple[str, str]]:
        from urllib.parse import quote

        from reportgen.pdf import find_soffice

        out = [(f"/_download/{quote(name)}", f"Download this as a Word document ({name})")]
        if find_soffice() is not None:
            pdf = Path(name).with_suffix(".pdf").name
            out.append((f"/_download/{quote(pdf)}", f"Download it as a PDF ({pdf})"))
        return out

    def _build_report(self, version: int) -> Snapshot:
        from reportgen.api import bundle_inputs
        from reportgen.pipeline import default_output_name, load_report, produce
        from reportgen.publish.html import house_css, report_html

        loaded = load_report(self.folder)
        produced = produce(loaded, gate=False)  # every finding shown, errors too
        result = produced.result
        page = report_html(result.docx, css=house_css(result.style.template))
        name = default_output_name(loaded.bundle)
        status = Status(version, self.name, _now(), downloads=self._downloads(name))
        served = served_page(page, status, produced.findings,
                             {**_headings(loaded.bundle), **result.headings}, _names(produced))
        inputs = bundle_inputs(loaded.bundle)
        return Snapshot(version, {INDEX: served}, result.docx, name,
                        _watch_places(inputs, self.folder))

    def _build_agenda(self, version: int) -> Snapshot:
        from reportgen.agenda import load_agenda
        from reportgen.api import agenda_inputs
        from reportgen.pack import build_packs
        from reportgen.publish.html_agenda import pack_pages
        from reportgen.publish.meeting import AGENDA_PAGE

        agenda = load_agenda(self.file)
        packs = build_packs(agenda)
        built = pack_pages(agenda, packs.items)
        name = f"{self.file.stem}-pack.docx"
        status = Status(version, self.name, _now(), downloads=self._downloads(name))
        from reportgen.checks.findings import Finding

        # The pack's warnings are lines already ("agenda item 4 (…): warning …").
        findings = [Finding("pack", "warning", line) for line in packs.messages]
        pages = {}
        for page_name, data in built.items():
            if not page_name.endswith(".html"):
                continue
            key = INDEX if page_name == AGENDA_PAGE else page_name
            pages[key] = served_page(data, status, findings if key == INDEX else [], {}, None)
        return Snapshot(version, pages, packs.public, name,
                        _watch_places(agenda_inputs(agenda), self.folder))

    def pdf(self, snap: Snapshot) -> bytes:
        """The PDF of exactly the .docx shown (made once a version, in a temporary folder)."""
        from reportgen.api import pdf_bytes

        if snap.docx is None:
            raise ReportgenError("there is no document to convert yet")
        if "pdf" not in snap.pdf:
            snap.pdf["pdf"] = pdf_bytes(snap.docx, snap.docx_name)
        return snap.pdf["pdf"]


def _with_error(page: bytes, status: Status) -> bytes:
    """The last good page with the new error and version: the status line is rebuilt."""
    from lxml import html as lxml_html

    from reportgen.publish.page import serialise
    from reportgen.serve.page import mark_failed

    root = lxml_html.document_fromstring(page)
    mark_failed(root, status)
    return serialise(root)


def _headings(bundle: Any) -> dict[str, str]:
    """Where a finding may be (``body.finance``) → the heading the officer wrote for it; the
    render's own record (the heading as printed, numbered, or the style's heading over a
    ``sections:`` key) is laid over this."""
    from reportgen.bundle import walk_sections

    if bundle.body is None:
        return {}
    return {f"body.{section.id}": section.heading for _, section in walk_sections(bundle.body)}


def _names(produced: Any) -> list[NameEntry]:
    from reportgen import disclosure
    from reportgen.checks import vocabulary
    from reportgen.checks.figures import shown_figures
    from reportgen.context import make_environment, narrative_names, render_text

    loaded, result = produced.loaded, produced.result
    plan = result.plan
    names = narrative_names(loaded.bundle, loaded.metrics,
                            protect=(lambda n: disclosure.protect_names(n, plan))
                            if plan is not None else None)
    figures = shown_figures(loaded.bundle, loaded.metrics, vocabulary.figures(loaded.metrics),
                            plan)
    env = make_environment(result.style, autoescape=False)

    def show(expression: str) -> str:
        try:
            return render_text(env, expression, names, "names panel")
        except ReportgenError as exc:
            return exc.message
    return usable_names(names, figures, show)
