"""``reportgen style new NAME --from STYLE``: copy a built-in house style for editing."""

from __future__ import annotations

import os
from pathlib import Path

import click

from reportgen.commands.options import OUTPUT_PATH
from reportgen.styles import builtin_style_names


@click.group("style")
def command() -> None:
    """Make and change house styles (see docs/house-styles.md)."""


def _sample_name(folder: Path) -> str:
    """A report folder name free in the working folder, for the advice's starter report."""
    name, n = f"{folder.name}-sample", 1
    while os.path.lexists(name):
        n += 1
        name = f"{folder.name}-sample-{n}"
    return name


def advice(folder: Path) -> list[str]:
    """What to do next with the new style ``folder`` (as the officer typed it): each command
    works as printed from the working folder, and each report.yaml line for the starter
    report it suggests (a report folder in the working folder)."""
    sample = _sample_name(folder)
    lines = [f"Next: edit {folder / 'style.yaml'} (every option is listed in it, with its "
             "choices).",
             "Try the style on a starter report:",
             f"  reportgen new {sample}",
             f"  reportgen render {sample} --style {folder} -o {sample}.docx",
             f"To make a report use it, set in its report.yaml (here, {sample}/report.yaml; "
             "each in place of the line of the same name):"]
    # A style is found by its folder name beside the report's folder, inside it, or in the
    # styles folder its report.yaml names (reportgen.styles.style_places).
    holder = folder.absolute().parent
    if holder == Path.cwd().absolute():
        lines.append(f"  style: {folder.name}")
        lines.append(f"(a report folder elsewhere also needs styles_folder: the path from it "
                     f"to {holder})")
        return lines
    try:
        relative = Path(os.path.relpath(holder, Path.cwd().absolute() / sample)).as_posix()
    except ValueError:  # another drive (Windows): only the full path reaches it
        lines.append(f"  style: {folder.absolute().as_posix()}")
        return lines
    lines += [f"  styles_folder: {relative}", f"  style: {folder.name}",
              f"(styles_folder: is the path from the report's folder to {holder})"]
    return lines


@command.command("new")
@click.argument("name", metavar="NAME", type=OUTPUT_PATH)
@click.option("--from", "source", type=click.Choice(builtin_style_names()),
              default="council-form", show_default=True,
              help="The built-in style to copy.")
def new(name: Path, source: str) -> None:
    """Copy a built-in house style into the new folder NAME, for editing.

    NAME gets template.docx (the Word template: headings, fixed wording, fonts), style.yaml
    (numbering, labels, date style, required parts, title block: every option listed) and
    texts.yaml (the standard texts). A report names it by its folder name (style: NAME in
    report.yaml) when the style sits beside the report's folder, inside it, or in the
    folder report.yaml names as styles_folder:; or by its path.

    \b
    Example (both folders in the folder you are in):
      reportgen style new westshire --from numbered-paragraphs
      reportgen new my-report
      reportgen render my-report --style westshire -o report.docx
    """
    from reportgen.styles import copy_style

    for path in copy_style(source, name):
        click.echo(f"wrote {path}")
    for line in advice(name):
        click.echo(line)
