"""``reportgen render``: a bundle to a Word document."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.commands.options import (
    force_option,
    format_option,
    output_option,
    pdf_option,
    style_option,
)


@click.command("render")
@click.argument("bundle_dir", type=click.Path(path_type=Path))
@output_option("Where to write the .docx (default: a name made from the meeting date, "
               "committee and title, in the current folder).")
@style_option("House style: a built-in name (see `reportgen styles`), the name of a style "
              "folder beside the bundle, in it or in its styles_folder, or the path of a style "
              "folder or .docx template. Overrides the bundle's own style.")
@force_option("Replace the output file (and its PDF) if it already exists; never one of the "
              "bundle's own files or the template.")
@pdf_option("Also write a PDF beside the .docx (needs LibreOffice's soffice).")
@click.option("--html", is_flag=True,
              help="Also write the report as an accessible web page (.html) beside the .docx.")
@format_option()
def command(bundle_dir: Path, output: Path | None, style: str | None,
            force: bool, pdf: bool, html: bool, output_format: str) -> None:
    """Render the report bundle in BUNDLE_DIR to a Word document.

    Every figure is computed from the bundle's data files. The bundle is checked first:
    errors stop the render, warnings are printed. An existing output file (or PDF) is replaced
    only with --force, and never left half-written; the .docx and its PDF are replaced
    together or not at all.

    Example: reportgen render fixtures/harrow-2016-high-cost-placements -o report.docx
    """
    from reportgen.api import render_bundle_to_file
    from reportgen.checks.findings import ChecksFailed
    from reportgen.commands.output import finding_dict, result_json

    try:
        outcome = render_bundle_to_file(bundle_dir, output, style=style, force=force, pdf=pdf,
                                        html=html)
    except ChecksFailed as failed:
        if output_format == "json":  # the findings for a script; the line on stderr too
            click.echo(result_json("render", bundle_dir, exit_code=2, error=failed.line(),
                                   findings=[finding_dict(f) for f in failed.findings]))
        raise
    if output_format == "json":
        click.echo(result_json("render", bundle_dir, exit_code=0, written=outcome.written,
                               findings=[finding_dict(f) for f in outcome.findings]))
    else:
        for finding in outcome.findings:
            click.echo(finding.line(), err=True)
        for path in outcome.written:
            click.echo(f"wrote {path}")
