"""``reportgen pack``: an agenda file to the meeting's agenda packs."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import click

from reportgen.commands.options import (
    OUTPUT_PATH,
    force_option,
    format_option,
    output_option,
    pdf_option,
)


def _progress(total: int) -> Any:
    """A progress bar on stderr, only when stderr is a terminal (never in logs or pipes)."""
    if not sys.stderr.isatty() or total == 0:
        return nullcontext(None)
    return click.progressbar(length=total, label="Building the pack", file=sys.stderr)


@click.command("pack")
@click.argument("agenda", type=click.Path(path_type=Path))
@output_option("Where to write the public pack (.docx).", required=True)
@click.option("--restricted", type=OUTPUT_PATH,
              help="Where to write the restricted (Part II) pack "
                   "(default: PACK-restricted.docx beside the public pack).")
@force_option("Replace output files that already exist (the restricted and supplement packs "
              "and PDFs too); never a file the pack is built from.")
@pdf_option()
@click.option("--html", is_flag=True,
              help="Also write agenda.html, agenda.json and a web page for each Part I "
                   "document beside the pack.")
@format_option()
def command(agenda: Path, output: Path, restricted: Path | None, force: bool,
            pdf: bool, html: bool, output_format: str) -> None:
    """Assemble the agenda packs for the meeting described in AGENDA (agenda.yaml).

    The public pack has a front sheet and numbered agenda, then every Part I report and
    appendix, each on a new page. Exempt (Part II) items go into a restricted pack, and items
    marked `supplement: N` into a supplementary agenda pack. Each bundle is checked first;
    nothing is written unless every pack builds, and then all packs are replaced together
    (a failure or a stop leaves the old set as it was).

    Example: reportgen pack fixtures/agenda-corporate-parenting/agenda.yaml -o pack.docx
    """
    from reportgen.commands.output import finding_dict, line_of, result_json
    from reportgen.pack import write_packs

    written, messages = write_packs(agenda, output, force=force, pdf=pdf,
                                    restricted=restricted, progress_factory=_progress,
                                    html=html)
    if output_format == "json":
        click.echo(result_json("pack", agenda, exit_code=0, written=written,
                               findings=[finding_dict(m) for m in messages]))
        return
    for message in messages:
        click.echo(line_of(message), err=True)
    for path in written:
        click.echo(f"wrote {path}")
