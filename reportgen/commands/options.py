"""Options more than one command takes, declared once, and the ``--period`` parameter type.

Each decorator takes the command's own help text where the meaning differs (``-o`` has a
default name for ``render`` but is required for ``pack``); the name, type and flags are the
same everywhere, so a script can pass ``--force --format json`` to any command.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("text", "json")


class OneLineBadParameter(click.BadParameter):
    """Click's "Invalid value for '--period': …", shown as one ``error:`` line (exit 2)
    rather than the usage text and three lines, like every other bad input."""

    def show(self, file: Any = None) -> None:
        click.secho(f"error: {self.format_message()}", fg="red", err=True)


class PeriodType(click.ParamType):
    """A UK financial year, quarter or month as people write it (``reportgen.periods``)."""

    name = "period"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        from reportgen.errors import ReportgenError
        from reportgen.periods import Period, parse_period

        if isinstance(value, Period):
            return value
        try:
            return parse_period(value)
        except ReportgenError as exc:
            raise OneLineBadParameter(exc.message, ctx=ctx, param=param) from None


PERIOD = PeriodType()


class OutputPath(click.Path):
    """A path to write to: refused when it holds a control character (a line break, NUL, an
    escape sequence, a bidirectional override), which would break every log line and listing
    it appears in, or drive the terminal that prints it, before anything is read or written."""

    def __init__(self) -> None:
        super().__init__(path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        from reportgen.errors import escape_controls

        text = os.fsdecode(value) if isinstance(value, (bytes, os.PathLike)) else str(value)
        shown = escape_controls(text)
        if shown != text:
            raise OneLineBadParameter(f"'{shown}' holds a control character (shown escaped): "
                                      "choose a name without one", ctx=ctx, param=param)
        return super().convert(value, param, ctx)


OUTPUT_PATH = OutputPath()


def output_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    return click.option("-o", "--output", type=OUTPUT_PATH, required=required, help=help)


def force_option(help: str) -> Callable[[F], F]:
    return click.option("--force", is_flag=True, help=help)


def pdf_option(help: str = "Also write a PDF beside each .docx (needs LibreOffice's "
                           "soffice).") -> Callable[[F], F]:
    return click.option("--pdf", is_flag=True, help=help)


def style_option(help: str) -> Callable[[F], F]:
    return click.option("--style", metavar="NAME|PATH", help=help)


def format_option(help: str = "text for people; json (one object on stdout, described in "
                              "docs/checks.md) for scripts and scheduled builds."
                  ) -> Callable[[F], F]:
    return click.option("--format", "output_format", type=click.Choice(FORMATS),
                        default="text", show_default=True, help=help)


def period_option(help: str, *, required: bool = False) -> Callable[[F], F]:
    return click.option("--period", type=PERIOD, required=required, metavar="PERIOD",
                        help=help)
