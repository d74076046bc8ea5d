"""``reportgen render``: a bundle to a Word document."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("render")
@click.argument("bundle_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write the .docx (default: a name made from the meeting date, "
                   "committee and title, in the current folder).")
@click.option("--style", metavar="NAME|PATH",
              help="House style: a built-in name (see `reportgen styles`) or the path of a "
                   ".docx template. Overrides the bundle's own style.")
@click.option("--force", is_flag=True, help="Replace the output file if it already exists.")
@click.option("--pdf", is_flag=True,
              help="Also write a PDF beside the .docx (needs LibreOffice's soffice).")
@click.option("--html", is_flag=True,
              help="Also write the report as an accessible web page (.html) beside the .docx.")
def command(bundle_dir: Path, output: Path | None, style: str | None, force: bool,
            pdf: bool, html: bool) -> None:
    """Render the report bundle in BUNDLE_DIR to a Word document.

    Every figure is computed from the bundle's data files. The bundle is checked first:
    errors stop the render, warnings are printed. An existing output file is replaced only
    with --force, and never left half-written.

    Example: reportgen render fixtures/harrow-2016-high-cost-placements -o report.docx
    """
    from reportgen.api import render_bundle_to_file

    outcome = render_bundle_to_file(bundle_dir, output, style=style, force=force, pdf=pdf,
                                    html=html)
    for line in outcome.messages:
        click.echo(line, err=True)
    for path in outcome.written:
        click.echo(f"wrote {path}")
