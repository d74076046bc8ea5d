"""The ``reportgen`` command line: a thin Click layer over the library.

Each command lives in ``reportgen/commands/<name>.py`` and is imported only when it runs, so
``reportgen --help`` starts quickly (no pandas, python-docx or matplotlib). Every input problem
arrives here as one :class:`~reportgen.errors.ReportgenError` and leaves as one line on stderr
with exit code 2; no traceback reaches a user.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from reportgen import __version__
from reportgen.errors import ReportgenError, ReportgenErrors

COMMANDS = {
    "build": "Rebuild the recurring reports and packs of a build manifest for a period.",
    "check": "Check a report bundle for wrong figures, missed deadlines and other slips.",
    "pack": "Assemble an agenda pack (front sheet, agenda, reports) for a meeting.",
    "new": "Write a starter report bundle for an officer to fill in.",
    "render": "Render a report bundle to a Word document in its house style.",
    "style": "Copy a built-in house style for editing (style new NAME --from STYLE).",
    "styles": "List the built-in house styles.",
}


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


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportgen")
def cli() -> None:
    """reportgen: UK council committee reports from children's social care data.

    Keep a report bundle (report.yaml and its data files), then render it to a Word
    document in your council's house style with every figure computed from the data.
    """


def _print_error(exc: ReportgenError) -> None:
    lines = exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]
    for line in lines:
        click.secho(f"error: {line}", fg="red", err=True)


def main(argv: list[str] | None = None) -> Any:
    """Entry point: run the CLI, turning input errors into one line each and exit code 2.

    SIGTERM and SIGINT unwind the run like an exception, so temporary files are removed and
    build workers stopped; the exit code is then the conventional 128 + signal number.
    """
    from reportgen.fileio import Interrupted, install_stop_handlers, remove_temporaries

    restore = install_stop_handlers()
    try:
        return cli.main(args=argv, prog_name="reportgen", standalone_mode=False)
    except Interrupted as exc:
        remove_temporaries()
        click.echo(f"Stopped by {exc.name}: no half-written file was left.", err=True)
        sys.exit(128 + exc.signum)
    except ReportgenError as exc:
        _print_error(exc)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted: no output was written.", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug, not bad input: one line, details on request
        if os.environ.get("REPORTGEN_DEBUG"):
            raise
        click.secho(f"internal error: {type(exc).__name__}: {exc} "
                    "(set REPORTGEN_DEBUG=1 for details, and please report it)", fg="red", err=True)
        sys.exit(3)
    finally:
        restore()
