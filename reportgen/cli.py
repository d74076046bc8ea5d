"""The ``reportgen`` command line: a thin Click layer over the library.

Each command lives in ``reportgen/commands/<name>.py`` and is imported only when it runs, so
``reportgen --help`` starts quickly (no pandas, python-docx or matplotlib). Click runs in its
standalone mode: every input problem arrives as one :class:`~reportgen.errors.ReportgenError`,
which :class:`LazyGroup` turns into :class:`InputError`, a ``click.ClickException`` that Click
shows as ``error: …`` on stderr and exits with code 2; no traceback reaches a user. Commands
end with ``ctx.exit(code)``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import IO, Any

import click

from reportgen import __version__
from reportgen.errors import ReportgenError, ReportgenErrors

COMMANDS = {
    "build": "Rebuild the recurring reports and packs of a build manifest for a period.",
    "check": "Check a report bundle for wrong figures, missed deadlines and other slips.",
    "pack": "Assemble an agenda pack (front sheet, agenda, reports) for a meeting.",
    "new": "Write a starter report bundle for an officer to fill in.",
    "render": "Render a report bundle to a Word document in its house style.",
    "serve": "Show a report bundle (or agenda) as a web page that follows its files.",
    "style": "Copy a built-in house style for editing (style new NAME --from STYLE).",
    "styles": "List the built-in house styles.",
}


class InputError(click.ClickException):
    """A :class:`ReportgenError` at the Click edge: each of its lines as ``error: …``, exit 2."""

    exit_code = 2

    def __init__(self, error: ReportgenError) -> None:
        super().__init__(error.line())
        self.error = error

    def show(self, file: IO[Any] | None = None) -> None:
        error = self.error
        lines = error.lines() if isinstance(error, ReportgenErrors) else [error.line()]
        for line in lines:
            click.secho(f"error: {line}", fg="red", err=True)


class InternalError(click.ClickException):
    """A bug, not bad input: one line and exit 3 (``REPORTGEN_DEBUG=1`` shows the traceback)."""

    exit_code = 3

    def __init__(self, exc: Exception) -> None:
        super().__init__(f"{type(exc).__name__}: {exc}")

    def show(self, file: IO[Any] | None = None) -> None:
        click.secho(f"internal error: {self.message} (set REPORTGEN_DEBUG=1 for details, and "
                    "please report it)", fg="red", err=True)


class KeyboardStop(click.ClickException):
    """Ctrl-C where no signal handler turned it into a stop: "Aborted." and exit 130, as a
    shell expects, rather than Click's "Aborted!" and 1 (what was being written is removed)."""

    exit_code = 130

    def __init__(self) -> None:
        super().__init__("Aborted.")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.message, err=True)


class LazyGroup(click.Group):
    """Imports a command's module only when that command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"reportgen.commands.{cmd_name}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The short help comes from COMMANDS so that --help imports no command module.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name]) for name in sorted(COMMANDS)])

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ReportgenError as exc:
            raise InputError(exc) from exc
        except KeyboardInterrupt:
            raise KeyboardStop() from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # Click's own: it shows them and sets the exit code
        except Exception as exc:
            if os.environ.get("REPORTGEN_DEBUG"):
                raise
            raise InternalError(exc) from exc


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def cli() -> None:
    """reportgen: UK council committee reports from children's social care data.

    Keep a report bundle (report.yaml and its data files), then render it to a Word
    document in your council's house style with every figure computed from the data.
    """


def main(argv: list[str] | None = None) -> Any:
    """Entry point: Click in standalone mode (it exits with the command's code).

    First, any set of outputs a killed run left half-committed is finished or undone
    (:func:`reportgen.commit.recover`). SIGHUP, SIGINT, SIGQUIT and SIGTERM stop the run
    (:mod:`reportgen.stops`): one line, and the exit code is 128 + the signal's number.
    """
    from reportgen.commit import recover
    from reportgen.stops import Interrupted, install_stop_handlers

    restore = install_stop_handlers()
    try:
        for note in recover():
            click.echo(f"note: {note}", err=True)
        return cli.main(args=argv, prog_name="reportgen")
    except Interrupted as exc:
        click.echo(f"Stopped by {exc.name}: no half-written file was left.", err=True)
        sys.exit(128 + exc.signum)
    finally:
        restore()
