"""``reportgen check``: find wrong figures, missed deadlines and other slips before publication."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

_COLOURS = {"error": "red", "warning": "yellow"}


@click.command("check")
@click.argument("bundle_dir", type=click.Path(path_type=Path))
@click.option("--style", metavar="NAME|PATH",
              help="House style to render with: a built-in name or a .docx template's path "
                   "(default: the bundle's own).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for scheduled builds.")
@click.option("--strict", is_flag=True, help="Exit with code 1 when there are warnings.")
@click.option("--compare-period", "compare_periods", multiple=True, metavar="PERIOD",
              help="Also render the report for PERIOD (e.g. 2016/17-Q1; may be repeated) and "
                   "report any hidden count the difference between the periods reveals.")
def command(bundle_dir: Path, style: str | None, output_format: str, strict: bool,
            compare_periods: tuple[str, ...] = ()) -> None:
    """Check the report bundle in BUNDLE_DIR before it is published.

    Renders the report in memory (nothing is written) and checks its figures, statutory
    dates, required content, disclosure of children's data and accessibility. Every rule is
    described in docs/checks.md.

    Exit codes: 0 no errors (warnings allowed unless --strict); 1 warnings with --strict;
    2 errors, or a bundle that cannot be read.

    Example: reportgen check fixtures/rotherham-2010-commissioning --format json
    """
    from reportgen.checks import check_bundle

    report = check_bundle(bundle_dir, style=style)
    if compare_periods:
        from reportgen.checks.disclosure import period_difference_findings

        report.findings.extend(period_difference_findings(bundle_dir, compare_periods))
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        for severity, group in (("error", report.errors), ("warning", report.warnings)):
            if not group:
                continue
            title = f"{severity.capitalize()}s ({len(group)})"
            click.echo(click.style(title, fg=_COLOURS[severity], bold=True))
            for finding in group:
                line = finding.line()
                # Colour just the severity word; click drops colour when not on a terminal.
                click.echo(click.style(severity, fg=_COLOURS[severity]) + line[len(severity):])
            click.echo("")
        colour = "red" if report.errors else "yellow" if report.warnings else "green"
        click.echo(click.style(f"{bundle_dir}: {report.summary()}", fg=colour, bold=True))
    code = report.exit_code(strict)
    if code:
        # SystemExit, not click's Exit: click returns Exit's code under standalone_mode=False,
        # which `python -m reportgen` would drop.
        sys.exit(code)
