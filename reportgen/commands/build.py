"""``reportgen build``: rebuild the recurring reports and packs of a manifest for a period."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from reportgen.commands.options import OUTPUT_PATH, format_option, period_option

if TYPE_CHECKING:
    from reportgen.build import BuildSummary, JobResult
    from reportgen.periods import Period


def _describe(result: JobResult, out_dir: Path) -> str:
    """One plain log line for a finished job."""
    if not result.ok:
        return f"FAILED {result.job.label}: {result.error}"
    names = ", ".join(_relative(f.path, out_dir) for f in result.files)
    warned = f", {len(result.warnings)} warning{'s' if len(result.warnings) != 1 else ''}" \
        if result.warnings else ""
    period = f" for {result.period}" if result.period else ""
    return f"built {names}{period} ({result.seconds:.1f} s{warned})"


def _relative(path: Path, out_dir: Path) -> str:
    try:
        return path.relative_to(out_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


def _json(manifest: Path, summary: BuildSummary, out_dir: Path) -> str:
    from reportgen.build import SUMMARY_FILE
    from reportgen.commands.output import finding_dict, result_json

    findings = [finding_dict(f, item=r.job.label)
                for r in summary.results if r.ok for f in r.findings]
    written = [f.path for r in summary.results for f in r.files] + [out_dir / SUMMARY_FILE]
    failures = [{"item": r.job.label, "error": r.error} for r in summary.failures]
    return result_json("build", manifest, period=summary.period, exit_code=summary.exit_code(),
                       findings=findings, written=written, failures=failures)


@click.command("build")
@click.argument("manifest", type=click.Path(path_type=Path))
@period_option("Reporting period: a UK financial year, quarter or month, e.g. 2016/17-Q2, "
               "\"2016/17 Q2\" or 2016/17-M5.", required=True)
@click.option("--out", "out_dir", type=OUTPUT_PATH, required=True,
              help="Folder to write the documents and build-summary.json to (created if "
                   "needed; existing outputs are replaced, never a file the build reads).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many reports to build at once (separate processes).")
@click.option("--strict", is_flag=True, help="Exit with code 1 when any check gave a warning.")
@format_option()
@click.pass_context
def command(ctx: click.Context, manifest: Path, period: Period, out_dir: Path, jobs: int,
            strict: bool, output_format: str) -> None:
    """Rebuild every report and agenda pack listed in MANIFEST (build.yaml) for PERIOD.

    The period replaces each recurring bundle's own period, so the same bundle is rebuilt
    every quarter from new rows of its data; entries marked `period: fixed` keep theirs.
    One failing report does not stop the others. Each output is replaced only by a complete
    new file, and build-summary.json in the output folder records every output's sha256,
    check warnings and timing. See docs/build.md.

    Exit codes: 0 all built; 1 built, with warnings, under --strict; 2 something failed.

    Example: reportgen build fixtures/build.yaml --period 2016/17-Q2 --out out/2016-17-Q2
    """
    from reportgen.build import SUMMARY_FILE, run_build

    bar: Any = None
    lines: list[str] = []

    def progress(result: JobResult) -> None:
        line = _describe(result, out_dir)
        if bar is not None:
            bar.update(1, result.job.label)
            lines.append(line)  # shown after the bar, which would overwrite them
        else:
            click.echo(line, err=True)

    label = period.label
    if sys.stderr.isatty():
        from reportgen.build import plan_jobs

        total = len(plan_jobs(manifest, label, out_dir))  # a bad manifest fails here, once
        with click.progressbar(length=total, label=f"Building {label}", file=sys.stderr,
                               item_show_func=lambda s: s) as progress_bar:
            bar = progress_bar
            summary = run_build(manifest, label, out_dir, jobs=jobs, strict=strict,
                                progress=progress)
        for line in lines:
            click.echo(line, err=True)
    else:
        summary = run_build(manifest, label, out_dir, jobs=jobs, strict=strict,
                            progress=progress)
    for result in summary.results:
        for warning in result.warnings if result.ok else []:
            click.echo(f"{result.job.label}: {warning}", err=True)
    if output_format == "json":
        click.echo(_json(manifest, summary, out_dir))
    else:
        built = sum(len(r.files) for r in summary.results)
        failed = len(summary.failures)
        warnings = len(summary.warnings)
        colour = "red" if failed else "yellow" if warnings else "green"
        click.secho(f"{summary.period}: {summary.status()}: {built} "
                    f"file{'s' if built != 1 else ''} written, {failed} failed, {warnings} "
                    f"warning{'s' if warnings != 1 else ''} in {summary.seconds:.1f} s; "
                    f"summary in {out_dir / SUMMARY_FILE}", fg=colour)
    ctx.exit(summary.exit_code())
