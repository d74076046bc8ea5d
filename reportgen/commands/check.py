"""``reportgen check``: find wrong figures, missed deadlines and other slips before publication."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reportgen.commands.options import format_option, style_option

if TYPE_CHECKING:
    from reportgen.fix import FixResult

_COLOURS = {"error": "red", "warning": "yellow"}


@click.command("check")
@click.argument("bundle_dir", type=click.Path(path_type=Path))
@style_option("House style to render with: a built-in name, a style folder's name (beside "
              "the bundle, in it or in its styles_folder) or a path (default: the bundle's "
              "own).")
@format_option()
@click.option("--strict", is_flag=True, help="Exit with code 1 when there are warnings.")
@click.option("--compare-period", "compare_periods", multiple=True, metavar="PERIOD",
              help="Also render the report for PERIOD (e.g. 2016/17-Q1; may be repeated), "
                   "link consecutive periods by their stock and flows (saying 'not compared' "
                   "and why where they cannot be linked) and report any hidden count the "
                   "difference between the periods reveals.")
@click.option("--fix", is_flag=True,
              help="First rewrite report.yaml so that each figure typed by hand that equals "
                   "exactly one figure of the data becomes the expression that prints it "
                   "(the same text today, and it follows the data), keeping comments, order, "
                   "quoting and line breaks; say each change and each figure left alone, then "
                   "check the bundle as changed. A file it cannot rewrite safely is left "
                   "unchanged (exit code 2).")
@click.pass_context
def command(ctx: click.Context, bundle_dir: Path, style: str | None, output_format: str,
            strict: bool, compare_periods: tuple[str, ...] = (), fix: bool = False) -> None:
    """Check the report bundle in BUNDLE_DIR before it is published.

    Renders the report in memory (nothing is written) and checks its figures, statutory
    dates, required content, disclosure of children's data and accessibility. Every rule is
    described in docs/checks.md.

    Exit codes: 0 no errors (warnings allowed unless --strict); 1 warnings with --strict;
    2 errors, or a bundle that cannot be read.

    Example: reportgen check fixtures/rotherham-2010-commissioning --format json
    """
    fixed = _fix(bundle_dir, style) if fix else None
    if fixed is not None and output_format != "json":
        _echo_fixed(fixed)
    from reportgen.api import check_bundle, period_difference_findings
    from reportgen.commands.output import finding_dict, result_json

    report = check_bundle(bundle_dir, style=style)
    if compare_periods:
        report.findings.extend(period_difference_findings(bundle_dir, compare_periods))
    code = report.exit_code(strict)
    if output_format == "json":
        # "bundle" as before the shape was shared, for scripts that read it.
        extra: dict[str, Any] = {} if fixed is None else {"fixed": [
            {"file": str(fixed.path), "line": c.line, "where": c.where, "old": c.old,
             "new": c.new} for c in fixed.changes], "left_alone": [
            {"file": str(fixed.path), "where": a.where, "text": a.text, "why": a.why}
            for a in fixed.left_alone]}
        click.echo(result_json("check", bundle_dir, bundle=report.bundle, exit_code=code,
                               findings=[finding_dict(f) for f in report.findings], **extra))
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
    ctx.exit(code)


def _fix(bundle_dir: Path, style: str | None) -> FixResult:
    from reportgen.fix import fix_bundle

    return fix_bundle(bundle_dir, style=style)


def _echo_fixed(fixed: FixResult) -> None:
    """Each change as "file, line N: old → new", and each figure left alone with why."""
    from reportgen.errors import quote_text

    if fixed.changes:
        click.echo(click.style(f"Fixed ({len(fixed.changes)})", fg="green", bold=True))
        for change in fixed.changes:
            click.echo(f"{fixed.path}, line {change.line}: {change.where}: "
                       f"'{quote_text(change.old)}' \u2192 {quote_text(change.new, 200)}")
        click.echo("")
    if fixed.left_alone:
        click.echo(click.style(f"Left alone ({len(fixed.left_alone)})", bold=True))
        for alone in fixed.left_alone:
            click.echo(f"{fixed.path}: {alone.where}: '{quote_text(alone.text)}': {alone.why}")
        click.echo("")
    if not fixed.changes and not fixed.left_alone:
        click.echo(f"{fixed.path}: no figure typed by hand to change")
