"""Scheduled builds: every report and agenda pack of a manifest, for one reporting period.

>>> from reportgen.build import run_build
>>> summary = run_build("fixtures/build.yaml", "2016/17 Q2", "out/2016-17-Q2")
>>> summary.exit_code()        # 0 all built; 1 warnings (with strict); 2 something failed

Made for unattended runs (cron, CI): each report or pack is one job, run in its own process
with ``jobs > 1``; a failing job is recorded and the others carry on; the jobs write nothing
themselves: the whole folder (every output, ``build-summary.json``, and the removal of what
the last build wrote and this one does not) is committed as one set
(:mod:`reportgen.commit`), so a stop or a crash leaves the old build or the new one, never a
mix. ``build-summary.json`` lists each output with its sha256, check warnings and timing, and
each failure with its one-line error. Rendering is deterministic, so the same
inputs (and ``SOURCE_DATE_EPOCH``) give byte-identical files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from reportgen.errors import ReportgenError

if TYPE_CHECKING:
    from reportgen.agenda import Agenda
    from reportgen.checks.findings import Finding
    from reportgen.manifest import Scheduled

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
#: The pages every pack with web pages writes (its item pages are named as it is built).
_FIXED_PAGES = ("agenda.html", "agenda.json")


@dataclass(frozen=True)
class Job:
    """One thing to build: everything a worker process needs (it shares our working folder)."""

    kind: JobKind
    source: Path  # bundle folder or agenda.yaml, as resolved against build.yaml's folder
    output: Path  # the .docx to write, absolute (a pack's other packs go beside it)
    label: str  # the source as written in build.yaml, for logs and the summary
    period: str | None = None  # period label to apply; None keeps the bundle's own
    style: str | None = None
    # For a pack: the bundles the manifest builds with `period: fixed`, which keep their own
    # period inside the pack too (resolved paths).
    keep_own: tuple[Path, ...] = ()
    # Every file the job may write (a pack's restricted and supplement packs too), planned
    # and checked before the build starts; a job writes nothing else.
    outputs: tuple[Path, ...] = ()
    # Every file of every job of the build that is read: no job may write over one of them.
    inputs: tuple[Path, ...] = ()
    # Also write web pages: a report's NAME.html beside it; a pack's agenda.html, agenda.json
    # and item pages in ``pages`` (a folder of its own, as their names are fixed).
    html: bool = False
    pages: Path | None = None
    # The meeting that receives the build's papers (build.yaml's calendar); None keeps each
    # bundle's and agenda's own dates.
    meeting: Scheduled | None = None


@dataclass(frozen=True)
class OutputFile:
    path: Path
    sha256: str


@dataclass
class JobResult:
    """What one job built, or the one line saying why it could not."""

    job: Job
    files: list[OutputFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # one line each, as in the summary
    # The same, as the checks gave them (a pack's own notes are lines already).
    findings: list[Finding | str] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None
    period: str | None = None  # the period the report was built for (None for packs)
    # What to write, for run_build to commit with every other job's (never in the summary).
    blobs: list[tuple[Path, bytes]] = field(default_factory=list, repr=False)

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
    # Files of failed jobs that the last build wrote and this one left as they were.
    kept: list[Path] = field(default_factory=list)

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
            common: dict[str, Any] = {"source": r.job.label, "kind": r.job.kind,
                                      "period": r.period if r.ok else r.job.period}
            if r.job.meeting is not None:  # the calendar's meeting the papers go to
                common["meeting"] = r.job.meeting.meeting.isoformat()
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
            "kept": [self._relative(p) for p in self.kept],
        }


# --- planning -------------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path != folder and path.is_relative_to(folder)


def plan_jobs(manifest_path: str | Path, period: str, out_dir: str | Path) -> list[Job]:
    """The jobs of a manifest for ``period``, with their output paths inside ``out_dir``.

    Raises :class:`ReportgenError` for a bad manifest or period, an output that would land
    outside ``out_dir`` (after following ``..`` and symlinks), two entries writing the same
    file (a pack's restricted and supplement packs included), or an output that is one of
    the files the build reads (build.yaml, a bundle's files, an agenda and what it names, a
    template); nothing is built.
    """
    from reportgen.agenda import load_agenda
    from reportgen.api import agenda_inputs, bundle_inputs
    from reportgen.bundle import load_bundle
    from reportgen.fileio import check_outputs
    from reportgen.manifest import load_manifest, output_name
    from reportgen.pack import planned_output_paths
    from reportgen.periods import parse_period

    when = parse_period(period)
    manifest = load_manifest(manifest_path)
    meeting = manifest.scheduled(when)  # the period's meeting, or an error before anything
    out = Path(out_dir).resolve()
    drafts: list[tuple[Job, list[Path]]] = []
    inputs: list[Path] = [manifest.path]
    keep_own = tuple(manifest.resolve(e.path).resolve() for e in manifest.reports
                     if e.period == "fixed")
    for entry in manifest.reports:
        source = manifest.resolve(entry.path)
        build_period = when if entry.period == "build" else None
        name = output_name(entry.output, source, build_period, manifest.path)
        style = manifest.style_for(entry)  # relative to build.yaml, not the working folder
        job = Job("report", source, out / name, entry.path,
                  when.label if build_period else None, style,
                  html=manifest.html_for(entry), meeting=meeting)
        drafts.append((job, [job.output, *([job.output.with_suffix(".html")] if job.html
                                           else [])]))
        # A bundle that cannot be read adds nothing: its job fails, the others carry on.
        with contextlib.suppress(ReportgenError):
            inputs += bundle_inputs(load_bundle(source), style)
    for pack in manifest.packs:
        source = manifest.resolve(pack.path)
        if source.is_dir():
            source = source / "agenda.yaml"
        name = output_name(pack.output, source, None if pack.output is None else when,
                           manifest.path)
        # A pack's reports are built for the build's period, as their own entries are.
        job = Job("pack", source, out / name, pack.path, when.label, keep_own=keep_own,
                  meeting=meeting)
        if manifest.html_for(pack):
            # agenda.html, item-N.html…: fixed names, so each pack's pages get its own folder.
            job = replace(job, html=True, pages=job.output.with_suffix(""))
        supplements: list[int] = []
        try:
            agenda = load_agenda(source)
            supplements = agenda.supplements
            inputs += agenda_inputs(agenda)
        except ReportgenError:
            pass
        paths = list(planned_output_paths(job.output, None, supplements).values())
        if job.pages is not None:  # the item pages' names are known once the pack is built
            paths += [job.pages / name for name in _FIXED_PAGES]
        drafts.append((job, paths))
    seen: dict[Path, str] = {}
    for job, paths in drafts:
        for path in paths:
            resolved = path.resolve()
            if not _inside(resolved, out):
                raise ReportgenError(f"the output of '{job.label}' would be written outside the "
                                     f"output folder ({resolved}): give it a name inside "
                                     "the folder", file=manifest.path)
            if resolved in seen:
                raise ReportgenError(f"'{seen[resolved]}' and '{job.label}' would both write "
                                     f"{path.name}: give one of them another output name",
                                     file=manifest.path)
            seen[resolved] = job.label
    _check_page_folders(drafts, inputs, manifest.path)
    all_outputs = [*(p for _, paths in drafts for p in paths), out / SUMMARY_FILE]
    try:
        # A build replaces its own outputs (force), never what it reads.
        check_outputs(all_outputs, inputs, force=True, folders_exist=False)
    except ReportgenError as exc:
        raise ReportgenError(exc.line(), file=manifest.path) from None
    frozen = tuple(inputs)
    return [replace(job, outputs=tuple(paths), inputs=frozen) for job, paths in drafts]


def _check_page_folders(drafts: list[tuple[Job, list[Path]]], inputs: list[Path],
                        manifest: Path) -> None:
    """A pack's page folder belongs to that pack alone: no other output may be written in it,
    it may not hold anything the build reads (its pages would land among the inputs), and it
    may not be an existing file."""
    for job, _ in drafts:
        if job.pages is None:
            continue
        folder = job.pages.resolve()
        if folder.exists() and not folder.is_dir():
            raise ReportgenError(f"the web pages of '{job.label}' go in the folder {folder}, "
                                 "but that is a file: give the pack another output name",
                                 file=manifest)
        for other, paths in drafts:
            if other is job:
                continue
            for path in paths:
                if _inside(path.resolve(), folder):
                    raise ReportgenError(f"'{other.label}' would write {path.name} in the "
                                         f"folder of the web pages of '{job.label}': give one "
                                         "of them another output name", file=manifest)
        for path in inputs:
            with contextlib.suppress(OSError, RuntimeError):
                if _inside(path.resolve(), folder):
                    raise ReportgenError(f"the web pages of '{job.label}' would be written "
                                         f"into {folder}, which holds files the build reads: "
                                         "give the pack another output name or --out",
                                         file=manifest)


# --- one job (runs in a worker process) -----------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _build_report(job: Job, result: JobResult) -> None:
    from reportgen.api import bundle_inputs
    from reportgen.fileio import check_outputs
    from reportgen.pipeline import load_report, produce

    loaded = load_report(job.source, period=job.period, meeting=job.meeting)
    # Planned already; checked again against what was read, in case a file changed since.
    targets = [job.output, *([job.output.with_suffix(".html")] if job.html else [])]
    check_outputs(targets, [*bundle_inputs(loaded.bundle, job.style), *job.inputs], force=True,
                  folders_exist=False)  # run_build makes the folders as it writes
    result.period = loaded.metrics.period.label if loaded.metrics.period else None
    # As with `reportgen render`: a check error raises ChecksFailed, and nothing is written.
    produced = produce(loaded, style=job.style)
    result.findings = list(produced.findings)
    result.warnings = [f.line() for f in produced.findings]
    files = [(job.output, produced.result.docx)]
    if job.html:  # the same rendered document as a web page, as `render --html` makes it
        from reportgen.publish.html import house_css, report_html

        files.append((job.output.with_suffix(".html"),
                      report_html(produced.result.docx,
                                  css=house_css(produced.result.style.template))))
    result.blobs += files  # written by run_build, with the rest of the build
    result.files += [OutputFile(path, _sha256(blob)) for path, blob in files]


def _build_pack(job: Job, result: JobResult) -> None:
    from reportgen.agenda import load_agenda
    from reportgen.api import agenda_inputs
    from reportgen.fileio import check_outputs
    from reportgen.pack import build_packs, output_paths
    from reportgen.pipeline import BuildPeriod

    agenda = load_agenda(job.source)
    inputs = [*agenda_inputs(agenda), *job.inputs]
    if job.meeting is not None:  # the pack, and every report in it, go to that meeting
        agenda = scheduled_agenda(agenda, job.meeting)
    period = (BuildPeriod(job.period, frozenset(job.keep_own), job.meeting) if job.period
              else None)
    packs = build_packs(agenda, progress=None, period=period)
    paths = output_paths(job.output, None, packs)
    data = {"public": packs.public, "restricted": packs.restricted,
            **{f"supplement {n}": b for n, b in packs.supplements.items()}}
    files = [(path, data[key]) for key, path in paths.items() if data[key] is not None]
    if job.pages is not None:  # reportgen.publish: from the same rendered documents
        from reportgen.publish.html_agenda import pack_pages

        files += [(job.pages / name, page)
                  for name, page in pack_pages(agenda, packs.items).items()]
    unplanned = [path for path, _ in files if job.outputs and path not in job.outputs
                 and not (job.pages is not None and path.parent == job.pages)]
    if unplanned:  # the agenda changed since the build was planned
        raise ReportgenError(f"{unplanned[0].name} was not planned for this build: run the "
                             "build again", file=job.source)
    check_outputs([path for path, _ in files], inputs, force=True, folders_exist=False)
    # Written by run_build with the rest of the build: never a new public pack beside last
    # time's restricted one.
    for path, blob in files:
        if blob is not None:
            result.blobs.append((path, blob))
            result.files.append(OutputFile(path, _sha256(blob)))
    result.findings = list(packs.messages)
    result.warnings = [m if isinstance(m, str) else m.line() for m in packs.messages]


def scheduled_agenda(agenda: Agenda, meeting: Scheduled) -> Agenda:
    """``agenda`` for the calendar's meeting: its date, and the publication date the calendar
    gives or its deadline rule allows."""
    return agenda.model_copy(update={
        "meeting": agenda.meeting.model_copy(update={"date": meeting.meeting}),
        "publication_date": meeting.publication_for(agenda.meeting.nation)})


def run_job(job: Job) -> JobResult:
    """Build one report or pack, in memory (``result.blobs``): :func:`run_build` writes every
    job's files as one set. Never raises for a failing input.

    A stop (:class:`~reportgen.stops.Interrupted`, KeyboardInterrupt) is not a failing
    input: it propagates (nothing has been written)."""
    result = JobResult(job)
    started = time.perf_counter()
    try:
        if job.kind == "report":
            _build_report(job, result)
        else:
            _build_pack(job, result)
    except ReportgenError as exc:
        result.error = exc.summary()
    except Exception as exc:  # a bug must not stop the other reports of an unattended build
        result.error = f"internal error: {type(exc).__name__}: {exc}"
    if result.error is not None:
        result.files, result.blobs = [], []
    result.seconds = time.perf_counter() - started
    return result


# --- worker processes -----------------------------------------------------------------------

#: prctl(2) option: the signal the kernel sends this process when its parent dies.
_PR_SET_PDEATHSIG = 1
#: How long a stopped worker has to go before it is killed.
_STOP_GRACE_SECONDS = 5.0


#: The signals a stop arrives by (reportgen/stops.py).
_STOP_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


def _block_stops() -> tuple[str, ...]:
    """Block the stop signals in this thread; the names blocked, for :func:`_unblock`."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # not on this platform: nothing to hold
        return ()
    wanted = {getattr(signal, n) for n in _STOP_SIGNALS if hasattr(signal, n)}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, wanted)
    return tuple(n for n in _STOP_SIGNALS
                 if hasattr(signal, n) and getattr(signal, n) not in before)


def _unblock(names: tuple[str, ...]) -> None:
    import signal

    if names and hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK,
                               {getattr(signal, n) for n in names if hasattr(signal, n)})


def _die_with_parent(parent: int) -> None:
    """Ask Linux to send this worker SIGTERM when the build process dies (even by SIGKILL),
    so that no orphan goes on working (it could not write: workers write nothing)."""
    import os
    import signal
    import sys

    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was in place
        os._exit(128 + signal.SIGTERM)


def _worker(job: Job, conn: Any, parent: int) -> None:
    """A worker process: build one job and send its result back."""
    import os
    import signal

    # Everything inside the try: a stop can arrive at any step, even while the handlers are
    # being put in place (the parent's, inherited by fork, raise too), and a worker must go
    # with its exit code, never with a traceback on the user's terminal.
    try:
        from reportgen.commit import fault_step
        from reportgen.stops import install_stop_handlers

        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(-1)  # the parent's wakeup pipe (see _WakeOnSignal) is not ours
        install_stop_handlers()
        _unblock(_STOP_SIGNALS)  # blocked by the parent for the fork (see _run_parallel)
        _die_with_parent(parent)
        fault_step(f"job {job.output.name}")  # where the fault tests catch a worker
        conn.send(run_job(job))
        conn.close()
    except KeyboardInterrupt:
        os._exit(128 + signal.SIGINT)
    except BaseException as exc:  # noqa: BLE001 - the parent records the job as failed
        signum = getattr(exc, "signum", None)  # stops.Interrupted: it has written nothing
        os._exit(128 + signum if isinstance(signum, int) else 70)


def _stopped(job: Job, exitcode: int | None) -> JobResult:
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
    else:
        how = f"exit code {exitcode}"
    return JobResult(job, error=f"the build process for this job stopped ({how}): "
                                "not built")


def _run_parallel(jobs: list[Job], workers: int,
                  progress: Callable[[JobResult], None] | None) -> list[JobResult]:
    """Run each job in a process of its own, at most ``workers`` at once.

    One process a job means a worker that is killed (out of memory, SIGKILL) fails only its
    own job. On a stop every running worker is stopped, given a moment, then killed; workers
    write nothing, so nothing of theirs is left. The stop is read as a flag after each wait
    (a signal wakes the wait through its wakeup pipe), so one that Python dropped inside a
    finaliser still stops the build."""
    import multiprocessing as mp
    import os
    from multiprocessing.connection import wait

    from reportgen.stops import raise_if_stopping

    methods = mp.get_all_start_methods()
    # fork starts a worker in milliseconds, with everything already imported.
    ctx: Any = mp.get_context("fork" if "fork" in methods else "spawn")
    parent = os.getpid()
    results: dict[int, JobResult] = {}
    pending = list(enumerate(jobs))
    pending.reverse()
    running: dict[int, tuple[Any, Any]] = {}  # job index -> (process, connection)

    def finish(i: int, result: JobResult) -> None:
        results[i] = result
        if progress is not None:
            progress(result)

    wake = _WakeOnSignal()
    try:
        while pending or running:
            raise_if_stopping()
            while pending and len(running) < workers:
                i, job = pending.pop()
                receive, send = ctx.Pipe(duplex=False)
                process = ctx.Process(target=_worker, args=(job, send, parent), daemon=True)
                # The worker is born with the stop signals blocked (a forked child inherits the
                # mask), so none reaches it before its own handlers are in place; ours are
                # held for the moment of the fork and then delivered as usual.
                held = _block_stops()
                try:
                    process.start()
                finally:
                    _unblock(held)
                send.close()  # ours: so a dead worker reads as end of file
                running[i] = (process, receive)
            handles = [h for process, conn in running.values() for h in (conn, process.sentinel)]
            wait([*handles, *wake.handles])
            wake.drain()
            raise_if_stopping()
            for i, (process, conn) in list(running.items()):
                got: JobResult | None = None
                if conn.poll():
                    try:
                        got = conn.recv()
                    except Exception:  # noqa: BLE001 - died before or while sending
                        got = None
                elif process.is_alive():
                    continue
                if got is None:
                    process.join(_STOP_GRACE_SECONDS)
                    if process.is_alive():
                        process.kill()
                        process.join()
                    finish(i, _stopped(jobs[i], process.exitcode))
                else:
                    process.join()
                    finish(i, got)
                conn.close()
                del running[i]
    except BaseException:
        _stop_all(running)
        raise
    finally:
        wake.close()
    return [results[i] for i in range(len(jobs))]


class _WakeOnSignal:
    """A pipe the interpreter writes a byte to whenever a signal arrives (main thread only),
    so that waiting on workers ends when a stop comes, whatever its handler managed to do."""

    def __init__(self) -> None:
        import os
        import signal
        import threading

        self.handles: list[int] = []
        self._previous = -1
        if threading.current_thread() is not threading.main_thread():
            return
        read, write = os.pipe()
        os.set_blocking(read, False)
        os.set_blocking(write, False)
        try:
            self._previous = signal.set_wakeup_fd(write)
        except ValueError:
            os.close(read)
            os.close(write)
            return
        self.handles = [read]
        self._write = write

    def drain(self) -> None:
        import os

        for fd in self.handles:
            with contextlib.suppress(BlockingIOError, OSError):
                while os.read(fd, 512):
                    pass

    def close(self) -> None:
        import os
        import signal

        if not self.handles:
            return
        signal.set_wakeup_fd(self._previous)
        for fd in (*self.handles, self._write):
            os.close(fd)
        self.handles = []


def _stop_all(running: dict[int, tuple[Any, Any]]) -> None:

    for process, _ in running.values():
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    deadline = time.monotonic() + _STOP_GRACE_SECONDS
    for process, _ in running.values():
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()


def run_build(manifest_path: str | Path, period: str, out_dir: str | Path, jobs: int = 1,
              strict: bool = False,
              progress: Callable[[JobResult], None] | None = None) -> BuildSummary:
    """Build every entry of the manifest for ``period`` into ``out_dir``.

    ``jobs`` > 1 runs that many worker processes. ``progress(result)`` is called in this
    process as each job finishes. Then every job's files and ``build-summary.json`` are
    written as one set, which also removes what the last build listed in its summary and this
    one does not write (a failed job's old files are kept, and listed as ``kept``).
    A bad manifest, period or output folder raises :class:`ReportgenError` before anything
    is built; a failing report or pack is recorded in the summary instead.
    """
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
    _write_build(summary, planned)
    return summary


def _write_build(summary: BuildSummary, planned: list[Job]) -> None:
    """Commit the build's folder as one set: every job's files, the summary, and the removal
    of what the last build wrote (its summary's ``outputs`` and ``kept``) and this one does
    not, bar the old files of a job that failed this time (kept as they were)."""
    from reportgen.commit import owned_leftovers, read_listing
    from reportgen.fileio import write_all_atomic

    out = summary.out_dir
    files = [blob for result in summary.results for blob in result.blobs]
    last = out / SUMMARY_FILE
    owned = [*_read_listing_paths(last, "outputs"), *read_listing(last, "kept")]
    failed = [r.job for r in summary.failures]
    summary.kept = [out / name for name in owned
                    if any(_claimed_by(out / name, job) for job in failed)
                    and (out / name).is_file()]
    kept = {p.resolve() for p in summary.kept}
    text = json.dumps(summary.to_dict(), indent=2, ensure_ascii=False) + "\n"
    files.append((last, text.encode("utf-8")))
    stale = owned_leftovers(out, [n for n in owned if (out / n).resolve() not in kept],
                            [path for path, _ in files], planned[0].inputs if planned else (),
                            force=True)
    for path, _ in files:  # a name with a folder (a pack's pages): the folder first
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReportgenError(f"could not create the folder: {exc.strerror}",
                                 file=path.parent) from None
    write_all_atomic(files, force=True, remove=stale)


def _read_listing_paths(summary: Path, key: str) -> list[str]:
    """The ``path`` of each entry of a build summary's ``key`` (inside its folder only)."""
    from reportgen.commit import plain_relative

    try:
        entries = json.loads(summary.read_text(encoding="utf-8"))[key]
        names = [e["path"] for e in entries if isinstance(e, dict)]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return [n for n in names if isinstance(n, str) and plain_relative(n)]


def _claimed_by(path: Path, job: Job) -> bool:
    """Whether ``path`` is one of the files ``job`` writes (its planned outputs, its pages)."""
    resolved = path.resolve()
    return any(resolved == p.resolve() for p in (*job.outputs, job.output)) or (
        job.pages is not None and resolved.is_relative_to(job.pages.resolve()))
