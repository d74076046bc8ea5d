"""``reportgen style new NAME --from STYLE``: copy a built-in house style for editing."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.styles import builtin_style_names


@click.group("style")
def command() -> None:
    """Make and change house styles (see docs/house-styles.md)."""


@command.command("new")
@click.argument("name", metavar="NAME", type=click.Path(path_type=Path))
@click.option("--from", "source", type=click.Choice(builtin_style_names()),
              default="council-form", show_default=True,
              help="The built-in style to copy.")
def new(name: Path, source: str) -> None:
    """Copy a built-in house style into the new folder NAME, for editing.

    NAME gets template.docx (the Word template: headings, fixed wording, fonts), style.yaml
    (numbering, labels, date style, required parts, title block: every option listed) and
    texts.yaml (the standard texts). Name the folder in report.yaml (style: NAME).

    \b
    Example:
      reportgen style new westshire --from numbered-paragraphs
      reportgen render my-report --style westshire -o report.docx
    """
    from reportgen.styles import copy_style

    for path in copy_style(source, name):
        click.echo(f"wrote {path}")
    click.echo(f"Next: edit {name / 'style.yaml'}, then set style: {name} in report.yaml.")
