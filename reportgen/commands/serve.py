"""``reportgen serve``: the report as a web page beside the officer's editor."""

from __future__ import annotations

from pathlib import Path

import click

from reportgen.errors import ReportgenError

EXTRA_HINT = ("reportgen serve needs its optional libraries (Werkzeug and watchfiles): "
              "pip install 'reportgen[serve]'")


@click.command("serve")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 to listen on (0: any free port).")
def command(path: Path, port: int) -> None:
    """Show the report bundle in PATH (or an agenda, PATH/agenda.yaml) as a web page at
    http://127.0.0.1:PORT/, rebuilt whenever one of its files or its style changes.

    Every finding of `reportgen check` is shown at the words it is about and listed in a
    panel; a second panel lists every name the narrative can use, with its value and the
    expression to copy. The page offers the .docx (and PDF, with LibreOffice) of exactly what
    it shows. Only this computer can open the page; nothing is written.

    Example: reportgen serve fixtures/harrow-2016-high-cost-placements
    """
    try:
        import watchfiles  # noqa: F401
        import werkzeug  # noqa: F401
    except ImportError:
        raise ReportgenError(EXTRA_HINT) from None
    from reportgen.serve.run import Server

    if not path.exists():
        raise ReportgenError("no such file or folder", file=path)
    server = Server(path, port)
    click.echo(f"Building {server.source.file} …", err=True)
    server.start()
    try:
        snap = server.source.current
        if snap is not None and snap.error is not None:
            click.echo(f"error: {snap.error} (the page shows it; save the file to try again)",
                       err=True)
        click.echo(f"Serving {server.source.file} at {server.url} (press Ctrl-C to stop)")
        server.serve_forever()
    finally:
        server.stop()
