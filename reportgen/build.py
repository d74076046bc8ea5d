"""Scheduled builds: every report and agenda pack of a manifest, for one reporting period.

>>> from reportgen.build import run_build
>>> summary = run_build("fixtures/build.yaml", "2016/17 Q2", "out/2016-17-Q2")
>>> summary.exit_code()        # 0 all built; 1 warnings (with strict); 2 something failed

Made for unattended runs (cron, CI): each report or pack is one job, run in its own process
with ``jobs > 1``; a failing job is recorded and the others carry on; every output is written
atomically, so an existing file is only ever replaced by a complete new one; and
``build-summary.json`` in the output folder lists each output with its sha256, check warnings
and timing, and each failure with its one-line error. Rendering is deterministic, so the same
inputs (and ``SOURCE_DATE_EPOCH``) give byte-identical files.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reportgen.errors import ReportgenError, ReportgenErrors

__all__ = [
    "SUMMARY_FILE",
    "BuildSummary",
    "Job",
    "JobResult",
    "OutputFile",
    "plan_jobs",
    "run_build",
    "run_job",
]

SUMMARY_FILE = "build-summary.json"

JobKind = Literal["report", "pack"]


@dataclass(frozen=True)
class Job:
    """One thing to build: everything a worker process needs (it shares our working folder)."""

    kind: JobKind
    source: Path  # bundle folder or agenda.yaml, as resolved against build.yaml's folder
    output: Path  # the .docx to write, absolute (a pack's other packs go beside it)
    label: str  # the source as written in build.yaml, for logs and the summary
    period: str | None = None  # period label to apply; None keeps the bundle's own
    style: str | None = None


@dataclass(frozen=True)
class OutputFile:
    path: Path
    sha256: str


@dataclass
class JobResult:
    """What one job built, or the one line saying why it could not."""

    job: Job
    files: list[OutputFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    period: str | None = None  # the period the report was built for (None for packs)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BuildSummary:
    """Every job's result, in manifest order."""

    manifest: Path
    period: str
    out_dir: Path
    results: list[JobResult]
    seconds: float
    strict: bool = False

    @property
    def failures(self) -> list[JobResult]:
        return [r for r in self.results if not r.ok]

    @property
    def warnings(self) -> list[str]:
        return [w for r in self.results if r.ok for w in r.warnings]

    def exit_code(self, strict: bool | None = None) -> int:
        """2 when any job failed; 1 when there are warnings and ``strict``; else 0."""
        if self.failures:
            return 2
        if (self.strict if strict is None else strict) and self.warnings:
            return 1
        return 0

    def status(self) -> str:
        code = self.exit_code()
        if code == 2:
            return "failed"
        return "built with warnings" if self.warnings else "built"

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.out_dir).as_posix()
        except ValueError:
            return str(path)

    def to_dict(self) -> dict[str, Any]:
        """The contents of ``build-summary.json``."""
        outputs = []
        failures = []
        for r in self.results:
            common = {"source": r.job.label, "kind": r.job.kind,
                      "period": r.period if r.ok else r.job.period}
            if r.ok:
                for f in r.files:
                    outputs.append({"path": self._relative(f.path), "sha256": f.sha256, **common,
                                    "warnings": r.warnings, "seconds": round(r.seconds, 3)})
            else:
                failures.append({**common, "output": self._relative(r.job.output),
                                 "error": r.error, "seconds": round(r.seconds, 3)})
        return {
            "manifest": str(self.manifest),
            "period": self.period,
            "status": self.status(),
            "exit_code": self.exit_code(),
            "strict": self.strict,
            "built": len(outputs),
            "failed": len(failures),
            "warnings": len(self.warnings),
            "seconds": round(self.seconds, 3),
            "outputs": outputs,
            "failures": failures,
        }


# --- planning -------------------------------------------------------------------------------


def plan_jobs(manifest_path: str | Path, period: str, out_dir: str | Path) -> list[Job]:
    """The jobs of a manifest for ``period``, with their output paths inside ``out_dir``.

    Raises :class:`ReportgenError` for a bad manifest or period, or two entries writing the
    same file; nothing is built.
    """
    from reportgen.manifest import load_manifest, output_name
    from reportgen.periods import parse_period

    when = parse_period(period)
    manifest = load_manifest(manifest_path)
    out = Path(out_dir).resolve()
    jobs: list[Job] = []
    for entry in manifest.reports:
        source = manifest.resolve(entry.path)
        build_period = when if entry.period == "build" else None
        name = output_name(entry.output, source, build_period)
        jobs.append(Job("report", source, out / name, entry.path,
                        when.label if build_period else None, entry.style))
    for pack in manifest.packs:
        source = manifest.resolve(pack.path)
        if source.is_dir():
            source = source / "agenda.yaml"
        name = output_name(pack.output, source, None if pack.output is None else when)
        jobs.append(Job("pack", source, out / name, pack.path))
    seen: dict[Path, str] = {}
    for job in jobs:
        if job.output in seen:
            raise ReportgenError(f"'{seen[job.output]}' and '{job.label}' would both write "
                                 f"{job.output.name}: give one of them another output name",
                                 file=manifest.path)
        seen[job.output] = job.label
    return jobs


# --- one job (runs in a worker process) -----------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _error_line(exc: ReportgenError) -> str:
    lines = exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]
    more = f" (and {len(lines) - 1} more problems)" if len(lines) > 1 else ""
    return f"{lines[0]}{more}"


def _build_report(job: Job, result: JobResult) -> None:
    from reportgen.fileio import write_atomic
    from reportgen.pipeline import load_report, render

    loaded = load_report(job.source, period=job.period)
    result.period = loaded.metrics.period.label if loaded.metrics.period else None
    rendered = render(loaded, job.style)
    from reportgen.checks import run_checks

    findings = run_checks(loaded, rendered)
    errors = [f.line() for f in findings if f.severity == "error"]
    if errors:
        # As with `reportgen pack`: a check error stops the output (never publish it).
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ReportgenError(f"{errors[0]}{more} (not written)")
    result.warnings = [f.line() for f in findings]
    write_atomic(job.output, rendered.docx, force=True)
    result.files.append(OutputFile(job.output, _sha256(rendered.docx)))


def _build_pack(job: Job, result: JobResult) -> None:
    from reportgen.agenda import load_agenda
    from reportgen.fileio import write_atomic
    from reportgen.pack import build_packs, output_paths

    agenda = load_agenda(job.source)
    packs = build_packs(agenda)
    paths = output_paths(job.output, None, packs)
    data = {"public": packs.public, "restricted": packs.restricted,
            **{f"supplement {n}": b for n, b in packs.supplements.items()}}
    # Every pack is built before any is written, so a failure leaves the old set in place.
    for key, path in paths.items():
        blob = data[key]
        if blob is not None:
            write_atomic(path, blob, force=True)
            result.files.append(OutputFile(path, _sha256(blob)))
    result.warnings = list(packs.messages)


def run_job(job: Job) -> JobResult:
    """Build one report or pack and write it; never raises for a failing input."""
    result = JobResult(job)
    started = time.perf_counter()
    try:
        job.output.parent.mkdir(parents=True, exist_ok=True)
        if job.kind == "report":
            _build_report(job, result)
        else:
            _build_pack(job, result)
    except ReportgenError as exc:
        result.error = _error_line(exc)
    except Exception as exc:  # a bug must not stop the other reports of an unattended build
        result.error = f"internal error: {type(exc).__name__}: {exc}"
    if result.error is not None:
        result.files = []
    result.seconds = time.perf_counter() - started
    return result


# --- the build ------------------------------------------------------------------------------


def _run_parallel(jobs: list[Job], workers: int,
                  progress: Callable[[JobResult], None] | None) -> list[JobResult]:
    results: dict[int, JobResult] = {}
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_job, job): i for i, job in enumerate(jobs)}
        for future in cf.as_completed(futures):
            i = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # the worker died (killed, out of memory)
                result = JobResult(jobs[i], error=f"the build process for this job stopped: "
                                                  f"{type(exc).__name__}: {exc}")
            results[i] = result
            if progress is not None:
                progress(result)
    return [results[i] for i in range(len(jobs))]


def run_build(manifest_path: str | Path, period: str, out_dir: str | Path, jobs: int = 1,
              strict: bool = False,
              progress: Callable[[JobResult], None] | None = None) -> BuildSummary:
    """Build every entry of the manifest for ``period`` into ``out_dir``.

    ``jobs`` > 1 runs that many worker processes. ``progress(result)`` is called in this
    process as each job finishes. ``build-summary.json`` is written to ``out_dir`` last.
    A bad manifest, period or output folder raises :class:`ReportgenError` before anything
    is built; a failing report or pack is recorded in the summary instead.
    """
    from reportgen.fileio import write_atomic
    from reportgen.periods import parse_period

    if jobs < 1:
        raise ReportgenError(f"--jobs must be at least 1, not {jobs}")
    label = parse_period(period).label
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ReportgenError("the output folder is a file", file=out)
    planned = plan_jobs(manifest_path, label, out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportgenError(f"could not create the output folder: {exc.strerror}",
                             file=out) from None
    started = time.perf_counter()
    if jobs == 1 or len(planned) == 1:
        results = []
        for job in planned:
            result = run_job(job)
            results.append(result)
            if progress is not None:
                progress(result)
    else:
        results = _run_parallel(planned, min(jobs, len(planned)), progress)
    summary = BuildSummary(Path(manifest_path), label, out.resolve(), results,
                           time.perf_counter() - started, strict)
    text = json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n"
    write_atomic(out / SUMMARY_FILE, text.encode("utf-8"), force=True)
    return summary
