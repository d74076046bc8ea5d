"""Faults during a render: Ctrl-C, a full disk, SIGKILL. Last week's good report survives and
no half-written .docx is ever left where a reader could open it."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportgen.cli import main

from .helpers import FIXTURES, ROOT

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
PREVIOUS = b"PK\x03\x04 last week's report, with an officer's hand edits"


def _exit_code(argv: list[str]) -> int:
    try:
        main(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 1
    return 0


def _previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "out" / "report.docx"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)
    return out


def _others(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p != out)


def test_interrupt_at_the_rename_keeps_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _previous_output(tmp_path)

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    code = _exit_code(["render", str(HARROW), "-o", str(out), "--force"])
    assert code == 130
    # Click turns Ctrl-C into its own Abort, which the CLI reports as "Aborted.".
    assert capsys.readouterr().err.strip() == "Aborted."
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []  # the temporary file was removed


def test_interrupt_mid_write_keeps_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = _previous_output(tmp_path)
    real_write = os.write
    calls = []

    def write_then_interrupt(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise KeyboardInterrupt
        return real_write(fd, bytes(data[:4096]))  # a short write: the loop comes back

    monkeypatch.setattr(os, "write", write_then_interrupt)
    assert _exit_code(["render", str(HARROW), "-o", str(out), "--force"]) == 130
    assert len(calls) == 2
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []


def test_disk_full_is_one_line_and_keeps_previous_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    out = _previous_output(tmp_path)

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", disk_full)
    assert _exit_code(["render", str(HARROW), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: could not write {out}: {os.strerror(errno.ENOSPC)}"
    assert "Traceback" not in err
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []


def test_failed_fsync_keeps_previous_output(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = _previous_output(tmp_path)

    def io_error(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", io_error)
    assert _exit_code(["render", str(HARROW), "-o", str(out), "--force"]) == 2
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []


def test_bad_input_with_force_keeps_previous_output(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    (bundle / "data" / "budget.csv").write_text("", encoding="utf-8")
    out = _previous_output(tmp_path)
    assert _exit_code(["render", str(bundle), "-o", str(out), "--force"]) == 2
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []


# A real `reportgen render` process whose writes are slowed down, so that SIGKILL lands while
# the temporary file is half written. Nothing can clean up after SIGKILL; what matters is that
# the target is untouched and the leftover is a hidden .tmp file, never a .docx.
SLOW_RENDER = """
import os, sys, time
real_write = os.write
def slow_write(fd, data):
    time.sleep(0.05)
    return real_write(fd, bytes(data[:512]))
os.write = slow_write
from reportgen.cli import main
main(sys.argv[1:])
"""


def _start(out: Path, *, slow: bool) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("REPORTGEN_DEBUG", None)
    argv = ["render", str(HARROW), "-o", str(out), "--force"]
    command = ([sys.executable, "-c", SLOW_RENDER, *argv] if slow
               else [sys.executable, "-m", "reportgen", *argv])
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def _kill(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_write_leaves_previous_output_and_no_partial_docx(tmp_path: Path) -> None:
    out = _previous_output(tmp_path)
    process = _start(out, slow=True)
    deadline = time.monotonic() + 120
    partial: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None:
        partial = [p for p in out.parent.glob(".report.docx.*.tmp") if p.stat().st_size > 0]
        if partial:
            break
        time.sleep(0.02)
    assert partial, "the render never started writing"
    _kill(process)
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in out.parent.glob("*.docx")] == ["report.docx"]
    assert all(name.startswith(".report.docx.") and name.endswith(".tmp")
               for name in _others(out))
    # The journal names that temporary: the next run of any command removes it.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "reportgen", "styles"], env=env, check=True,
                   capture_output=True, timeout=300)
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize(("step", "whole"), [("commit", "old"), ("replace", "new")])
def test_sigkill_of_a_real_render_mid_commit_then_any_command_recovers(
        tmp_path: Path, step: str, whole: str) -> None:
    """A real render paused at a step of its commit (just before its commit line; after it,
    with the .docx not yet renamed) and killed there; `reportgen styles` then finishes or
    undoes the set: the old report or the whole new one, and no temporary file."""
    out = _previous_output(tmp_path)
    name = "commit" if step == "commit" else f"replace {out}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_FAULT_PAUSE": name}
    env.pop("REPORTGEN_DEBUG", None)
    process = subprocess.Popen([sys.executable, "-m", "reportgen", "render", str(HARROW), "-o",
                                str(out), "--force"], env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()  # synchronised on the pipe: it waits there
        assert line.startswith(f"paused at {name} "), line
        assert out.read_bytes() == PREVIOUS  # nothing of the new set in place yet
        assert [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]  # but staged
        _kill(process)
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
    env.pop("REPORTGEN_FAULT_PAUSE")
    done = subprocess.run([sys.executable, "-m", "reportgen", "styles"], env=env,
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0
    if whole == "old":
        assert out.read_bytes() == PREVIOUS
        assert _others(out) == []
    else:
        from docx import Document

        Document(str(out))  # opens: the complete new report
        assert _others(out) == [".report.docx.outputs"]
    done_as = "undone" if whole == "old" else "finished"
    assert done.stderr.splitlines() == [f"note: the interrupted writing of {out}, "
                                        f"{out.parent / '.report.docx.outputs'} was {done_as}"]


# --- stops and killed workers in real processes ---------------------------------------------

# Slower writes (and an environment marker on every process of the run, workers included), so
# a signal can be aimed at the moment a temporary file is half written.
SLOW_WRITES = """
import os, sys, time
real_write = os.write
def slow_write(fd, data):
    time.sleep(0.02)
    return real_write(fd, bytes(data[:4096]))
os.write = slow_write
from reportgen.cli import main
main(sys.argv[1:])
"""

POSIX_PROC = pytest.mark.skipif(not Path("/proc/self/environ").exists()
                                or not hasattr(signal, "SIGKILL"),
                                reason="needs POSIX signals and Linux /proc")


def _start_slow(argv: list[str], mark: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_FAULT_MARK": mark}
    env.pop("REPORTGEN_DEBUG", None)
    return subprocess.Popen([sys.executable, "-c", SLOW_WRITES, *argv], env=env, cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _marked_processes(mark: str) -> dict[int, int]:
    """pid -> parent pid of every live process carrying ``mark`` in its environment."""
    found: dict[int, int] = {}
    needle = f"REPORTGEN_FAULT_MARK={mark}".encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if needle not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            stat = (proc / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z":  # a zombie has finished already
            found[int(proc.name)] = int(fields[1])
    return found


def _holder_of(path: Path, pids: list[int]) -> int | None:
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) == str(path):
                    return pid
            except OSError:
                continue
    return None


def _wait_for_temporary(folder: Path, process: subprocess.Popen[str],
                        timeout: float = 120) -> list[Path]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in folder.glob(".*.tmp") if p.stat().st_size > 0] \
            if folder.is_dir() else []
        if found:
            return found
        time.sleep(0.01)
    return []


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # renamed or removed since it was listed
        return -1


def _build_manifest(tmp_path: Path) -> Path:
    """Three reports (two from one bundle) for `reportgen build`."""
    shutil.copytree(HARROW, tmp_path / "harrow")
    shutil.copytree(FIXTURES / "rotherham-2010-commissioning", tmp_path / "rotherham")
    manifest = tmp_path / "build.yaml"
    manifest.write_text("reports:\n"
                        "  - path: harrow\n    output: a-{period}.docx\n"
                        "  - path: harrow\n    output: b-{period}.docx\n"
                        "  - path: rotherham\n    period: fixed\n", encoding="utf-8")
    return manifest


def _start_paused(argv: list[str], mark: str, cwd: Path, step: str) -> subprocess.Popen[str]:
    """A run that stops at ``step`` of reportgen's fault hook (reportgen.commit.fault_step):
    it says so on stderr ("paused at STEP (pid N)") and waits for a line on stdin."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "REPORTGEN_FAULT_MARK": mark,
           "REPORTGEN_FAULT_PAUSE": step}
    env.pop("REPORTGEN_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "reportgen", *argv], env=env, cwd=cwd,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _paused_pid(process: subprocess.Popen[str], step: str) -> int:
    """Read stderr up to the pause line (synchronised on the pipe); the paused process's id."""
    assert process.stderr is not None
    while line := process.stderr.readline():
        if line.startswith(f"paused at {step} (pid "):
            return int(line.rsplit(" ", 1)[1].rstrip(")\n"))
    raise AssertionError(f"the run ended before {step}: exit {process.wait()}")


BUILD_ARGS = ["--period", "2016/17-Q1", "--jobs", "2"]


@POSIX_PROC
def test_sigterm_during_parallel_build_stops_workers_and_leaves_nothing(
        tmp_path: Path) -> None:
    manifest = _build_manifest(tmp_path)
    out = tmp_path / "out"
    mark = f"build-term-{os.getpid()}-{time.monotonic_ns()}"
    step = "job b-2016-17-Q1.docx"
    process = _start_paused(["build", str(manifest), "--out", str(out), *BUILD_ARGS],
                            mark, tmp_path, step)
    try:
        worker = _paused_pid(process, step)  # a worker is at work on its job
        assert _marked_processes(mark).get(worker) == process.pid
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signal.SIGTERM
    assert err.strip().splitlines() == ["Stopped by SIGTERM: no half-written file was left."]
    assert _marked_processes(mark) == {}  # every worker stopped with the build
    assert list(out.iterdir()) == []  # workers write nothing; the build's set was not begun


@POSIX_PROC
def test_a_killed_worker_fails_only_its_own_job(tmp_path: Path) -> None:
    manifest = _build_manifest(tmp_path)
    out = tmp_path / "out"
    mark = f"build-kill-{os.getpid()}-{time.monotonic_ns()}"
    killed_output = "b-2016-17-Q1.docx"
    step = f"job {killed_output}"
    process = _start_paused(["build", str(manifest), "--out", str(out), *BUILD_ARGS],
                            mark, tmp_path, step)
    try:
        victim = _paused_pid(process, step)
        assert _marked_processes(mark).get(victim) == process.pid  # a worker of the build
        os.kill(victim, signal.SIGKILL)
        _, err = process.communicate(timeout=180)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 2, err
    summary = json.loads((out / "build-summary.json").read_text(encoding="utf-8"))
    assert [f["output"] for f in summary["failures"]] == [killed_output]
    assert "killed by SIGKILL" in summary["failures"][0]["error"]
    built = sorted(o["path"] for o in summary["outputs"])
    expected = {"a-2016-17-Q1.docx", "b-2016-17-Q1.docx", "rotherham.docx"} - {killed_output}
    assert built == sorted(expected)
    assert sorted(p.name for p in out.iterdir()) == sorted([*expected, "build-summary.json"])
    assert "Traceback" not in err


@POSIX_PROC
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_during_pack_keeps_the_old_set(tmp_path: Path, signum: int) -> None:
    shutil.copytree(FIXTURES, tmp_path / "fixtures")
    agenda = tmp_path / "fixtures" / "agenda-corporate-parenting" / "agenda.yaml"
    out = tmp_path / "out"
    out.mkdir()
    old = {"pack.docx": PREVIOUS + b" public",
           "pack-restricted.docx": PREVIOUS + b" restricted",
           "pack-supplement-1.docx": PREVIOUS + b" supplement"}
    for name, data in old.items():
        (out / name).write_bytes(data)
    mark = f"pack-term-{os.getpid()}-{time.monotonic_ns()}"
    process = _start_slow(["pack", str(agenda), "-o", str(out / "pack.docx"), "--force"],
                          mark, tmp_path)
    try:
        assert _wait_for_temporary(out, process), "the pack never started writing"
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum
    assert err.strip().splitlines()[-1] == \
        f"Stopped by {signal.Signals(signum).name}: no half-written file was left."
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # the old set, and only it


@POSIX_PROC
def test_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    manifest = _build_manifest(tmp_path)
    out = tmp_path / "out"
    mark = f"build-orphan-{os.getpid()}-{time.monotonic_ns()}"
    step = "job a-2016-17-Q1.docx"
    process = _start_paused(["build", str(manifest), "--out", str(out), *BUILD_ARGS],
                            mark, tmp_path, step)
    try:
        worker = _paused_pid(process, step)
        assert _marked_processes(mark).get(worker) == process.pid
        _kill(process)  # nothing of the parent's runs: the kernel tells the workers
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)
    deadline = time.monotonic() + 60
    while _marked_processes(mark) and time.monotonic() < deadline:
        time.sleep(0.05)  # waiting for the kernel to reap them, not a synchronisation
    assert _marked_processes(mark) == {}
    # No orphan went on to write its report: workers write nothing, and the parent that
    # commits the build's set was killed before it began.
    assert list(out.iterdir()) == []


@POSIX_PROC
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP,
                                    signal.SIGQUIT])
def test_a_stopped_render_exits_128_plus_signal_in_one_line(tmp_path: Path,
                                                             signum: int) -> None:
    out = _previous_output(tmp_path)
    mark = f"render-stop-{os.getpid()}-{time.monotonic_ns()}"
    process = _start_slow(["render", str(HARROW), "-o", str(out), "--force"], mark, tmp_path)
    try:
        assert _wait_for_temporary(out.parent, process), "the render never started writing"
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    name = signal.Signals(signum).name
    assert process.returncode == 128 + signum
    assert err.strip().splitlines() == [f"Stopped by {name}: no half-written file was left."]
    assert out.read_bytes() == PREVIOUS
    assert _others(out) == []  # the temporary file was removed
