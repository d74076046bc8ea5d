"""File-level operations behind the CLI commands (the CLI only prints what these return)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import ReportgenError


@dataclass
class Outcome:
    """What a command wrote and what it has to say (warnings, notes)."""

    written: list[Path] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def render_bundle_to_file(bundle_dir: str | Path, output: str | Path | None = None, *,
                          style: str | None = None, force: bool = False,
                          pdf: bool = False, html: bool = False) -> Outcome:
    """Render a bundle and write the .docx (and optionally the PDF and the HTML page)
    atomically."""
    from reportgen.fileio import write_atomic
    from reportgen.pipeline import default_output_name, load_report, render

    if pdf:
        from reportgen.pdf import INSTALL_HINT, find_soffice

        if find_soffice() is None:  # say so before doing any work
            raise ReportgenError(INSTALL_HINT)
    loaded = load_report(bundle_dir)
    out = Path(output) if output else Path(default_output_name(loaded.bundle))
    if out.suffix.lower() != ".docx":
        raise ReportgenError("the output file name must end in .docx", file=out)
    for target in (out, *([out.with_suffix(".html")] if html else [])):
        if target.exists() and not force:
            raise ReportgenError("already exists: use --force to replace it", file=target)
    result = render(loaded, style)
    outcome = Outcome()
    # The same checks as `reportgen check`: errors stop the render, warnings are reported.
    from reportgen.checks import run_checks
    from reportgen.errors import ReportgenErrors

    findings = run_checks(loaded, result)
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise ReportgenErrors([ReportgenError(f.line().removeprefix("error "),
                                              file=loaded.bundle.yaml_path) for f in errors])
    outcome.messages.extend(f.line() for f in findings)
    page = None
    if html:  # made before anything is written, so a failure leaves no .docx without it
        from reportgen.publish.html import house_css, report_html

        page = report_html(result.docx, css=house_css(result.style.template))
    write_atomic(out, result.docx, force=force)
    outcome.written.append(out)
    if page is not None:
        write_atomic(out.with_suffix(".html"), page, force=force)
        outcome.written.append(out.with_suffix(".html"))
    if pdf:
        from reportgen.pdf import convert_to_pdf

        outcome.written.append(convert_to_pdf(out, out.with_suffix(".pdf")))
    return outcome
