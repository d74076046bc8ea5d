"""The commit protocol (reportgen.commit) killed at every one of its steps.

Each case forks a child that writes a set through the real protocol and signals itself at step
N (REPORTGEN_FAULT_AT, counted by reportgen.commit.fault_step), for every N the protocol has:
SIGKILL (nothing of the run cleans up: the next run must), SIGHUP and SIGQUIT (handled: the run
stops in one line). The step log proves where each signal landed. Afterwards the folder holds
exactly the old set or exactly the new one, with no temporary file and no journal left: before
the commit line the old set, after it the new one. Nothing here waits on time: children are
reaped with waitpid and their stderr read from a pipe to its end.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reportgen import commit, stops
from reportgen.commit import FAULT_AT_ENV, FAULT_LOG_ENV, journal_folder, recover
from reportgen.errors import ReportgenError
from reportgen.fileio import write_all_atomic

from .helpers import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"),
                                reason="needs fork and POSIX signals")

# A meeting's set: the public pack, the restricted pack, a supplement, a web page, and the
# list of what the pack wrote. The new set loses the supplement and the page (an agenda that
# shrank) and gains a new page.
OLD = {"pack.docx": b"PK old public" * 500, "pack-restricted.docx": b"PK old restricted" * 500,
       "pack-supplement-1.docx": b"PK old supplement", "item-8.html": b"<p>old page</p>",
       ".pack.docx.outputs": b'{"written": ["old"]}'}
NEW = {"pack.docx": b"PK new public" * 700, "pack-restricted.docx": b"PK new restricted" * 9,
       "agenda.html": b"<p>new agenda</p>", ".pack.docx.outputs": b'{"written": ["new"]}'}
SIGNALS = [signal.SIGKILL, signal.SIGHUP, signal.SIGQUIT]


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def _journals() -> list[str]:
    folder = journal_folder()
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _shrink(folder: Path) -> Callable[[], None]:
    """Replace the old set by the new one (--force), removing what the new one lacks."""
    for name, data in OLD.items():
        (folder / name).write_bytes(data)

    def write() -> None:
        files = [(folder / n, d) for n, d in NEW.items() if not n.startswith(".")]
        write_all_atomic(files, force=True,
                         remove=[folder / "pack-supplement-1.docx", folder / "item-8.html"],
                         bookkeeping=[(folder / ".pack.docx.outputs", NEW[".pack.docx.outputs"])])
    return write


def _create(folder: Path) -> Callable[[], None]:
    """A new set, without --force: every file claimed exclusively."""
    def write() -> None:
        write_all_atomic([(folder / n, d) for n, d in NEW.items()])
    return write


def _in_child(work: Callable[[], None], env: dict[str, str]) -> tuple[int, str]:
    """Run ``work`` in a forked child set up as the CLI sets itself up (stop handlers; a stop
    is one line and exit 128 + signal). Returns the wait status and the child's stderr."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            os.close(read)
            os.dup2(write, 2)
            os.environ.update(env)
            commit._steps = 0
            stops.install_stop_handlers()
            try:
                work()
                code = 0
            except stops.Interrupted as exc:
                os.write(2, f"Stopped by {exc.name}: no half-written file was left.\n".encode())
                code = 128 + exc.signum
            except ReportgenError as exc:
                os.write(2, f"error: {exc.line()}\n".encode())
                code = 2
        except BaseException as exc:  # noqa: BLE001 - reported to the test through stderr
            os.write(2, f"child failed: {exc!r}\n".encode())
        finally:
            os._exit(code)
    os.close(write)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    return status, b"".join(chunks).decode()


def _steps_of(work: Callable[[], None], log: Path) -> list[str]:
    status, err = _in_child(work, {FAULT_LOG_ENV: str(log)})
    assert os.waitstatus_to_exitcode(status) == 0, err
    return [line.split(" ", 1)[1] for line in log.read_text().splitlines()]


def _landed(log: Path, n: int | None = None) -> str:
    """The last step the run reached (or its step ``n``): number and kind ("7 keep"); the
    paths differ from run to run (each run has its own folder and temporary names)."""
    lines = log.read_text().splitlines()
    return " ".join(lines[-1 if n is None else n - 1].split(" ")[:2])


def _kind(n: int, name: str) -> str:
    return f"{n} {name.split(' ')[0]}"


def _walk(tmp_path: Path, make: Callable[[Path], Callable[[], None]], old: dict[str, bytes],
          signum: int) -> int:
    """Kill a fresh copy of the scenario at each of its steps in turn; returns the count."""
    probe = tmp_path / "probe"
    probe.mkdir()
    steps = _steps_of(make(probe), tmp_path / "probe.log")
    assert _state(probe) == NEW and _journals() == []
    kinds = {name.split(" ")[0] for name in steps}
    assert {"journal", "stage", "write", "flush", "sync", "commit", "done"} <= kinds
    committed_at = steps.index("commit") + 1  # the commit line is written after this step
    for n, name in enumerate(steps, start=1):
        folder = tmp_path / f"{signal.Signals(signum).name}-{n}"
        folder.mkdir()
        log = tmp_path / f"{folder.name}.log"
        status, err = _in_child(make(folder), {FAULT_AT_ENV: f"{n}:{signal.Signals(signum).name}",
                                               FAULT_LOG_ENV: str(log)})
        expected = old if n <= committed_at else NEW
        if signum == signal.SIGKILL:
            assert _landed(log) == _kind(n, name)  # the signal came where it was aimed
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, err
            # Every file a reader can open is whole (old or new) even before recovery.
            for target in NEW.keys() | old.keys():
                path = folder / target
                if path.exists():
                    assert path.read_bytes() in (old.get(target), NEW.get(target)), (n, name)
            recover()  # what the next run of any command does first
        else:  # handled: the run goes on to its next commit point, where it stops
            assert _landed(log, n) == _kind(n, name)
            assert os.waitstatus_to_exitcode(status) == 128 + signum, err
            assert err.splitlines() == [
                f"Stopped by {signal.Signals(signum).name}: no half-written file was left."]
        assert _state(folder) == expected, (n, name)
        assert _journals() == [], (n, name)
    return len(steps)


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_set_that_shrinks_killed_at_every_step(tmp_path: Path, signum: int) -> None:
    assert _walk(tmp_path, _shrink, OLD, signum) >= 20


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_new_set_killed_at_every_step(tmp_path: Path, signum: int) -> None:
    assert _walk(tmp_path, _create, {}, signum) >= 15


def _failing_second_rename(make: Callable[[Path], Callable[[], None]]
                           ) -> Callable[[Path], Callable[[], None]]:
    """The scenario with the second rename of its commit refused (a share gone read-only):
    the run puts the old set back after its commit line (the rollback path)."""
    def made(folder: Path) -> Callable[[], None]:
        work = make(folder)

        def failing() -> None:
            real = os.replace
            calls = []

            def refuse_second(src: str, dst: str) -> None:
                calls.append(dst)
                if len(calls) == 2:
                    raise OSError(errno.EROFS, os.strerror(errno.EROFS))
                real(src, dst)

            os.replace = refuse_second  # in the forked child only
            work()
        return failing
    return made


def test_a_set_put_back_after_its_commit_line_killed_at_every_step(tmp_path: Path) -> None:
    probe = tmp_path / "probe"
    probe.mkdir()
    make = _failing_second_rename(_shrink)
    log = tmp_path / "probe.log"
    status, err = _in_child(make(probe), {FAULT_LOG_ENV: str(log)})
    assert os.waitstatus_to_exitcode(status) == 2
    assert err.splitlines() == [f"error: could not write {probe / 'pack-restricted.docx'}: "
                                f"{os.strerror(errno.EROFS)}"]
    assert _state(probe) == OLD and _journals() == []
    steps = [line.split(" ", 1)[1] for line in log.read_text().splitlines()]
    assert any(s.startswith("restore ") for s in steps)
    committed_at, rolling_back_at = steps.index("commit") + 1, steps.index("rollback") + 1
    for n, name in enumerate(steps, start=1):
        folder = tmp_path / f"k{n}"
        folder.mkdir()
        log = tmp_path / f"k{n}.log"
        status, _ = _in_child(make(folder), {FAULT_AT_ENV: str(n), FAULT_LOG_ENV: str(log)})
        assert os.WIFSIGNALED(status) and _landed(log) == _kind(n, name)
        recover()
        # Killed after its commit line but before it wrote that it was putting the old set
        # back: the next run finishes the new set; otherwise, the old one.
        new = committed_at < n <= rolling_back_at
        assert _state(folder) == (NEW if new else OLD), (n, name)
        assert _journals() == []


@pytest.mark.parametrize("when", ["sync", "replace", "synced"])
def test_a_recovery_killed_at_every_step_is_finished_by_the_next(tmp_path: Path,
                                                                  when: str) -> None:
    """A run killed mid-commit, then the recovering run killed at each of its own steps: the
    run after that still finishes (or undoes) the set."""
    probe = tmp_path / "probe"
    probe.mkdir()
    steps = _steps_of(_shrink(probe), tmp_path / "probe.log")
    at = next(n for n, s in enumerate(steps, start=1) if s.split(" ")[0] == when)
    expected = NEW if at > steps.index("commit") + 1 else OLD
    n = 1
    while True:
        folder = tmp_path / f"r{n}"
        folder.mkdir()
        status, _ = _in_child(_shrink(folder), {FAULT_AT_ENV: str(at)})
        assert os.WIFSIGNALED(status)
        log = tmp_path / f"r{n}.log"
        status, err = _in_child(lambda: None if recover() else None,
                                {FAULT_AT_ENV: str(n), FAULT_LOG_ENV: str(log)})
        if os.WIFEXITED(status):  # the recovery has fewer steps than n: it finished
            assert os.waitstatus_to_exitcode(status) == 0, err
            assert _state(folder) == expected and _journals() == []
            break
        assert _landed(log).startswith(f"{n} ")
        recover()
        assert _state(folder) == expected, n
        assert _journals() == []
        n += 1
    assert n > 3  # the recovery had steps to be killed at


def test_any_command_finishes_a_killed_runs_set_first(tmp_path: Path) -> None:
    """The CLI's own start-up recovers: `reportgen styles` (which writes nothing) finishes the
    set a killed run had committed, and says so in one line."""
    folder = tmp_path / "out"
    folder.mkdir()
    steps = _steps_of(_shrink(tmp_path / "out"), tmp_path / "probe.log")  # the probe run
    for name in list(folder.iterdir()):
        name.unlink()
    at = next(n for n, s in enumerate(steps, start=1) if s.startswith("replace "))
    status, _ = _in_child(_shrink(folder), {FAULT_AT_ENV: str(at)})
    assert os.WIFSIGNALED(status)
    assert _state(folder) != NEW and _journals() != []  # half-way: one file renamed
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "reportgen", "styles"], env=env,
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _state(folder) == NEW and _journals() == []
    [note] = done.stderr.splitlines()
    assert note.startswith(f"note: the interrupted writing of {folder / 'pack.docx'}, ")
    assert note.endswith(" was finished")


def test_a_live_runs_journal_is_left_alone(tmp_path: Path) -> None:
    """Recovery never touches the commit of a run that is still alive (its journal is
    locked): a second run starting meanwhile must not undo the first's set."""
    folder = tmp_path / "out"
    folder.mkdir()
    read, write = os.pipe()
    resume_read, resume_write = os.pipe()

    def paused_after_commit() -> None:
        real = commit.fault_step
        paused: list[str] = []

        def step(name: str) -> None:
            real(name)
            if name.startswith("replace ") and not paused:  # committed, not finished
                paused.append(name)
                os.write(write, b"x")  # tell the test, and wait for its word
                os.read(resume_read, 1)
        commit.fault_step = step  # type: ignore[assignment] # in the forked child only
        _shrink(folder)()

    for name, data in OLD.items():
        (folder / name).write_bytes(data)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            os.environ.pop(FAULT_AT_ENV, None)
            paused_after_commit()
            code = 0
        finally:
            os._exit(code)
    assert os.read(read, 1) == b"x"
    assert recover() == []  # locked: its run lives
    assert _journals() != []
    os.write(resume_write, b"go")
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert _state(folder) == NEW and _journals() == []
    for fd in (read, write, resume_read, resume_write):
        os.close(fd)


def test_a_journal_being_written_is_never_taken_for_dead(tmp_path: Path) -> None:
    """A journal is written under a .part name, locked, then renamed: recovery leaves a
    locked one (its run lives) and an empty one (a run that has not locked it yet), and
    removes only a whole one whose run died before renaming it (nothing was made yet)."""
    import fcntl

    folder = journal_folder()
    folder.mkdir(parents=True)
    record = b'{"version": 1, "entries": [], "removals": []}\n'
    fd = os.open(folder / "live.part", os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, record)
        (folder / "dead.part").write_bytes(record)
        (folder / "new.part").write_bytes(b"")
        assert recover() == []
        assert _journals() == ["live.part", "new.part"]
    finally:
        os.close(fd)
