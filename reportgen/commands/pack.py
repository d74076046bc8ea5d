"""``reportgen pack``: an agenda file to the meeting's agenda packs."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click


def _progress(total: int) -> Any:
    """A progress bar on stderr, only when stderr is a terminal (never in logs or pipes)."""
    if not sys.stderr.isatty() or total == 0:
        return nullcontext(None)
    return click.progressbar(length=total, label="Building the pack", file=sys.stderr)


@click.command("pack")
@click.argument("agenda", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Where to write the public pack (.docx).")
@click.option("--restricted", type=click.Path(path_type=Path),
              help="Where to write the restricted (Part II) pack "
                   "(default: PACK-restricted.docx beside the public pack).")
@click.option("--force", is_flag=True, help="Replace output files that already exist.")
@click.option("--pdf", is_flag=True,
              help="Also write a PDF beside each .docx (needs LibreOffice's soffice).")
@click.option("--html", is_flag=True,
              help="Also write agenda.html, agenda.json and a web page for each Part I "
                   "document beside the pack.")
def command(agenda: Path, output: Path, restricted: Path | None, force: bool,
            pdf: bool, html: bool) -> None:
    """Assemble the agenda packs for the meeting described in AGENDA (agenda.yaml).

    The public pack has a front sheet and numbered agenda, then every Part I report and
    appendix, each on a new page. Exempt (Part II) items go into a restricted pack, and items
    marked `supplement: N` into a supplementary agenda pack. Each bundle is checked first;
    nothing is written unless every pack builds.

    Example: reportgen pack fixtures/agenda-corporate-parenting/agenda.yaml -o pack.docx
    """
    from reportgen.pack import write_packs

    written, messages = write_packs(agenda, output, force=force, pdf=pdf,
                                    restricted=restricted, progress_factory=_progress,
                                    html=html)
    for line in messages:
        click.echo(line, err=True)
    for path in written:
        click.echo(f"wrote {path}")
