"""``reportgen styles``: list the built-in house styles."""

from __future__ import annotations

import click


@click.command("styles")
def command() -> None:
    """List the built-in house styles, each with a one-line description.

    Name one in report.yaml (style: numbered-paragraphs) or with --style; or name a style
    folder of your own (reportgen style new) or give its path (see docs/house-styles.md).
    """
    from reportgen.styles import builtin_style_names, resolve_style

    for name in builtin_style_names():
        style = resolve_style(name)
        click.echo(f"{name:22} {style.description}")
