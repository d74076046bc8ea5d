"""Faults during a render: Ctrl-C, a full disk, SIGKILL. Last week's good report survives and
no half-written .docx is ever left where a reader could open it."""

from __future__ import annotations

import errno
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


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("after", [0.5, 2.0])
def test_sigkill_at_any_moment_leaves_old_or_new_output(tmp_path: Path, after: float) -> None:
    out = _previous_output(tmp_path)
    process = _start(out, slow=False)
    time.sleep(after)
    if process.poll() is None:
        _kill(process)
    data = out.read_bytes()
    if data != PREVIOUS:  # the render finished first: then the new report is whole
        assert process.returncode == 0
        from docx import Document

        Document(str(out))  # opens: a complete .docx
    assert [p.name for p in out.parent.glob("*.docx")] == ["report.docx"]
