"""File-level operations over :func:`reportgen.pipeline.produce`: which files a run reads,
checking outputs before any work, PDFs, and writing a report's files as one set; and the
checker's conveniences that load and render a bundle (:func:`check_bundle`,
:func:`period_difference_findings`), so that the checks themselves only judge what they are
given and never drive the pipeline.

Nothing here loads, renders or checks by itself: :func:`render_bundle_to_file` asks
``produce`` for the document and its findings, then writes. What is returned is objects
(paths and findings); the CLI alone turns them into lines or JSON.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.errors import ReportgenError

if TYPE_CHECKING:
    from reportgen.agenda import Agenda
    from reportgen.bundle import Bundle
    from reportgen.checks.findings import CheckReport, Finding
    from reportgen.styles import HouseStyle



def check_bundle(bundle_dir: str | Path, style: str | HouseStyle | None = None) -> CheckReport:
    """Load a bundle, render it in memory and run every rule (through
    :func:`reportgen.pipeline.produce`, without its gate: errors are findings here).

    A bundle that cannot be loaded or rendered raises its :class:`ReportgenError`.
    """
    from reportgen.checks.findings import CheckReport
    from reportgen.pipeline import produce

    return CheckReport(str(bundle_dir), produce(bundle_dir, style=style, gate=False).findings)


def period_difference_findings(bundle_dir: str | Path, periods: Iterable[str]
                               ) -> list[Finding]:
    """``reportgen check --compare-period``: the bundle loaded for its own period and for each
    of ``periods``, judged by :func:`reportgen.checks.disclosure.period_difference_findings`."""
    from reportgen.checks.disclosure import period_difference_findings as judge
    from reportgen.pipeline import load_report

    wanted = list(periods)
    own = load_report(bundle_dir)
    return judge(own, [load_report(bundle_dir, period=p) for p in wanted], wanted)

@dataclass
class Outcome:
    """What a render wrote, and the findings (warnings) its checks gave."""

    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _style_inputs(template: Path) -> list[Path]:
    """A house style's files: the template, and beside a style folder's template.docx its
    style.yaml and texts.yaml."""
    files = [template]
    if template.name == "template.docx":
        files += [template.parent / "style.yaml", template.parent / "texts.yaml"]
    return files


def bundle_inputs(bundle: Bundle, style: str | None = None) -> list[Path]:
    """Every file a render of ``bundle`` reads (report.yaml, data, appendices, the house
    style's files), so that no output of the same run can be written over one of them."""
    from reportgen.pipeline import style_for

    files = [bundle.yaml_path]
    for kind in type(bundle.data).model_fields:
        path = bundle.data_path(kind)
        if path is not None:
            files.append(path)
    files += [bundle.path / a.file for a in bundle.appendices if a.file]
    # A bad style adds nothing here: the render reports it, with its own message.
    with contextlib.suppress(ReportgenError):
        files += _style_inputs(style_for(bundle, style).template)
    return files


def agenda_inputs(agenda: Agenda) -> list[Path]:
    """Every file a pack of ``agenda`` reads: agenda.yaml, each report bundle's inputs, the
    documents and appendices, and the front sheet's style. A bundle that cannot be read adds
    nothing here: building the pack reports it, with the item's number."""
    from reportgen.bundle import load_bundle
    from reportgen.styles import resolve_style, style_places

    files = [agenda.path]
    for item in agenda.items:
        if item.report is not None:
            with contextlib.suppress(ReportgenError):
                files += bundle_inputs(load_bundle(agenda.resolve(item.report)))
        if item.document is not None:
            files.append(agenda.resolve(item.document))
        files += [agenda.resolve(a.file) for a in item.appendices or []]
    from reportgen.pack import DEFAULT_FRONT_STYLE

    with contextlib.suppress(ReportgenError):
        files += _style_inputs(resolve_style(agenda.style or DEFAULT_FRONT_STYLE,
                                             base=agenda.folder,
                                             places=style_places(agenda.folder)).template)
    return files


def with_pdfs(paths: Iterable[Path]) -> list[Path]:
    """Each .docx path followed by the PDF that ``--pdf`` writes beside it."""
    return [p for path in paths for p in (path, path.with_suffix(".pdf"))]


def pdf_bytes(docx: bytes, name: str) -> bytes:
    """The PDF of a .docx held in memory, converted in a private temporary folder, so that the
    .docx and its PDF can then be written as one set (both replaced, or neither)."""
    from reportgen.pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="reportgen-") as tmp:
        source = Path(tmp, name)
        source.write_bytes(docx)
        return convert_to_pdf(source, Path(tmp, "converted.pdf")).read_bytes()


def render_bundle_to_file(bundle_dir: str | Path, output: str | Path | None = None, *,
                          style: str | None = None, force: bool = False,
                          pdf: bool = False, html: bool = False) -> Outcome:
    """Render a bundle and write the .docx (and optionally its PDF and its accessible web
    page, ``.html``) atomically, as one set.

    The outputs are checked before any work (with ``output`` given, before the bundle is even
    read) and again against every file the run reads. Check errors raise
    :class:`~reportgen.checks.findings.ChecksFailed` and nothing is written.
    """
    from reportgen.fileio import check_outputs, write_all_atomic
    from reportgen.pipeline import default_output_name, load_report, produce

    if pdf:
        from reportgen.pdf import INSTALL_HINT, find_soffice

        if find_soffice() is None:  # say so before doing any work
            raise ReportgenError(INSTALL_HINT)
    if output is not None:
        out = Path(output)
        if out.suffix.lower() != ".docx":
            raise ReportgenError("the output file name must end in .docx", file=out)
        targets = _targets(out, pdf=pdf, html=html)
        check_outputs(targets, force=force)  # before reading anything
    # Loaded first, apart from produce(), only to learn the inputs and the default name.
    loaded = load_report(bundle_dir)
    if output is None:
        out = Path(default_output_name(loaded.bundle))
        targets = _targets(out, pdf=pdf, html=html)
    # Even with --force, a run never writes over its own report.yaml, data or template.
    inputs = bundle_inputs(loaded.bundle, style)
    check_outputs(targets, inputs, force=force)
    leftovers(out, targets, inputs, force=force)  # refused before any work without --force
    produced = produce(loaded, style=style)  # check errors raise ChecksFailed here
    docx = produced.result.docx
    files = [(out, docx)]
    if pdf:
        files.append((out.with_suffix(".pdf"), pdf_bytes(docx, out.name)))
    if html:  # the same rendered document as a web page (reportgen.publish)
        from reportgen.publish.html import house_css, report_html

        page = report_html(docx, css=house_css(produced.result.style.template))
        files.append((out.with_suffix(".html"), page))
    written = [path for path, _ in files]
    write_all_atomic(files, force=force, remove=leftovers(out, written, inputs, force=force),
                     bookkeeping=[listing(out, written)])
    return Outcome(written, produced.findings)


def leftovers(primary: Path, targets: list[Path], inputs: list[Path], *,
              force: bool) -> list[Path]:
    """What the last run with this first output wrote in its folder and this run does not
    (last time's PDF, a pack's old restricted pack or pages): removed in the same commit, so a
    set that shrinks leaves nothing stale. Without ``force`` such a file is refused."""
    from reportgen.commit import listing_path, owned_leftovers, read_listing

    where = listing_path(primary)
    return owned_leftovers(where.parent, read_listing(where), targets, inputs, force=force)


def listing(primary: Path, targets: list[Path]) -> tuple[Path, bytes]:
    """The list of what this run writes, kept beside its first output (hidden)."""
    from reportgen.commit import listing_bytes, listing_path

    where = listing_path(primary)
    return where, listing_bytes(where, targets)


def _targets(out: Path, *, pdf: bool, html: bool) -> list[Path]:
    """Every file one render writes: the .docx, and its PDF and web page when asked for."""
    return [out, *([out.with_suffix(".pdf")] if pdf else []),
            *([out.with_suffix(".html")] if html else [])]
