"""``reportgen new``: write a starter report bundle."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.commands.options import OUTPUT_PATH
from reportgen.styles import builtin_style_names


@click.command("new")
@click.argument("directory", metavar="DIR", type=OUTPUT_PATH)
@click.option("--style", type=click.Choice(builtin_style_names()), default=None,
              help="Built-in house style the bundle names (default: cover-sheet). "
                   "Change it later in report.yaml.")
def command(directory: Path, style: str | None) -> None:
    """Write a starter report bundle in DIR for an officer to fill in.

    DIR gets report.yaml (every field, each with a comment), data/placements.csv,
    data/savings.csv and data/budget.csv (example rows to replace) and README.txt. DIR must
    be new or empty. The starter renders straight away, so you can see each part at work.

    \b
    Example:
      reportgen new my-report
      reportgen render my-report -o my-report.docx
    """
    from reportgen.starter import write_starter_bundle

    for path in write_starter_bundle(directory, style):
        click.echo(f"wrote {path}")
    click.echo(f"Next: read {directory / 'README.txt'}, then fill in "
               f"{directory / 'report.yaml'} and the files in {directory / 'data'}.")
