"""Tests for atomic output writing and checked input reading."""

from __future__ import annotations

import errno
import os
import signal
import stat
from pathlib import Path

import pytest

from reportgen import fileio
from reportgen.errors import ReportgenError
from reportgen.fileio import read_bytes_checked, write_atomic


def _journals() -> list[str]:
    from reportgen.commit import journal_folder

    folder = journal_folder()
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_new_file_with_mode_644(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    write_atomic(target, b"PK new")
    assert target.read_bytes() == b"PK new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert _leftovers(tmp_path) == []


def test_missing_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    with pytest.raises(ReportgenError) as caught:
        write_atomic(folder / "report.docx", b"x")
    assert caught.value.line() == f"output folder {folder} does not exist"


def test_output_folder_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("not a folder")
    with pytest.raises(ReportgenError, match="is not a folder"):
        write_atomic(tmp_path / "out" / "report.docx", b"x")


def test_target_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "report.docx").mkdir()
    with pytest.raises(ReportgenError, match="is a folder, not a file"):
        write_atomic(tmp_path / "report.docx", b"x", force=True)


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"old")
    with pytest.raises(ReportgenError) as caught:
        write_atomic(target, b"new")
    assert caught.value.line() == f"{target}: already exists: use --force to replace it"
    assert target.read_bytes() == b"old"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def _fail_with_enospc(*args: object) -> int:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("function", ["write", "fsync"])
def test_disk_full_leaves_previous_output_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str
) -> None:
    target = tmp_path / "report.docx"
    target.write_bytes(b"last week's report")
    monkeypatch.setattr(fileio.os, function, _fail_with_enospc)
    with pytest.raises(ReportgenError) as caught:
        write_atomic(target, b"this week's report", force=True)
    assert caught.value.line() == f"could not write {target}: No space left on device"
    assert target.read_bytes() == b"last week's report"
    assert _leftovers(tmp_path) == []


def test_keyboard_interrupt_cleans_up_and_propagates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    target = tmp_path / "report.docx"
    monkeypatch.setattr(fileio.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"data")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_short_writes_are_completed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write

    def two_bytes_at_a_time(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data[:2]))

    monkeypatch.setattr(fileio.os, "write", two_bytes_at_a_time)
    target = tmp_path / "report.docx"
    write_atomic(target, b"0123456789")
    assert target.read_bytes() == b"0123456789"


@pytest.mark.parametrize(("force", "call"), [(False, "link"), (True, "replace")])
def test_temp_file_is_in_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           force: bool, call: str) -> None:
    """The staged file is beside its target, and goes into place in one call: a hard link
    for a new file (exclusive), a rename over an existing one (--force)."""
    seen: list[tuple[str, str]] = []
    real = getattr(os, call)

    def spy(src: str, dst: str) -> None:
        seen.append((str(src), str(dst)))
        real(src, dst)

    target = tmp_path / "report.docx"
    if force:
        target.write_bytes(b"old")
    monkeypatch.setattr(fileio.os, call, spy)
    write_atomic(target, b"x", force=force)
    [(src, dst)] = [(s, d) for s, d in seen if d == str(target)]
    assert Path(src).parent == tmp_path
    assert Path(src).name.startswith(".report.docx.") and src.endswith(".tmp")
    assert target.read_bytes() == b"x"
    assert _leftovers(tmp_path) == []


def test_newer_than_moves_mtime_past_inputs(tmp_path: Path) -> None:
    future = tmp_path / "placements.csv"
    future.write_text("reference\n")
    future_ns = 4_102_444_800 * 10**9  # 2100-01-01: an input copied from a skewed clock
    os.utime(future, ns=(future_ns, future_ns))
    target = tmp_path / "report.docx"
    write_atomic(target, b"x", newer_than=[future, tmp_path / "absent.csv"])
    assert target.stat().st_mtime_ns == future_ns + 2 * 10**9


def test_newer_than_leaves_mtime_alone_when_already_newer(tmp_path: Path) -> None:
    old = tmp_path / "budget.csv"
    old.write_text("line\n")
    os.utime(old, ns=(10**18, 10**18))  # 2001
    target = tmp_path / "report.docx"
    write_atomic(target, b"x", newer_than=[old])
    assert target.stat().st_mtime_ns > 10**18 + 2 * 10**9


def test_read_bytes_checked(tmp_path: Path) -> None:
    source = tmp_path / "placements.csv"
    source.write_bytes(b"reference\nP1\n")
    assert read_bytes_checked(source) == b"reference\nP1\n"


def test_read_bytes_checked_missing_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    with pytest.raises(ReportgenError) as caught:
        read_bytes_checked(missing)
    assert caught.value.line() == f"{missing}: file not found"
    with pytest.raises(ReportgenError) as caught:
        read_bytes_checked(tmp_path)
    assert caught.value.line() == f"{tmp_path}: is a folder, not a file"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied: cannot read"),
        (OSError(errno.EIO, "Input/output error"), "could not read the file: Input/output error"),
    ],
)
def test_read_bytes_checked_os_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, message: str
) -> None:
    source = tmp_path / "placements.csv"
    source.write_bytes(b"x")

    def fail(self: Path) -> bytes:
        raise error

    monkeypatch.setattr(Path, "read_bytes", fail)
    with pytest.raises(ReportgenError) as caught:
        read_bytes_checked(source)
    assert caught.value.line().startswith(f"{source}: {message}")


# --- several outputs as one set ---------------------------------------------------------


def _old_pair(folder: Path) -> tuple[Path, Path]:
    public, restricted = folder / "pack.docx", folder / "pack-restricted.docx"
    public.write_bytes(b"old public")
    restricted.write_bytes(b"old restricted")
    return public, restricted


def test_write_all_atomic_replaces_the_whole_set(tmp_path: Path) -> None:
    public, restricted = _old_pair(tmp_path)
    supplement = tmp_path / "pack-supplement-1.docx"
    fileio.write_all_atomic([(public, b"new public"), (restricted, b"new restricted"),
                             (supplement, b"new supplement")], force=True)
    assert public.read_bytes() == b"new public"
    assert restricted.read_bytes() == b"new restricted"
    assert supplement.read_bytes() == b"new supplement"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("stop", [OSError(errno.EIO, "Input/output error"),
                                  fileio.Interrupted(15), KeyboardInterrupt()])
def test_a_failure_between_two_renames_puts_the_old_set_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: BaseException) -> None:
    public, restricted = _old_pair(tmp_path)
    new = tmp_path / "pack-supplement-1.docx"  # not there before: must not be left behind
    real_replace = os.replace
    calls: list[str] = []

    def fail_second(src: str, dst: str) -> None:
        calls.append(dst)
        if len(calls) == 3:  # the third rename: two targets already replaced
            raise stop
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", fail_second)
    expected: type[BaseException] = ReportgenError if isinstance(stop, OSError) else type(stop)
    with pytest.raises(expected):
        fileio.write_all_atomic([(new, b"new supplement"), (public, b"new public"),
                                 (restricted, b"new restricted")], force=True)
    assert public.read_bytes() == b"old public"
    assert restricted.read_bytes() == b"old restricted"
    assert not new.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack-restricted.docx", "pack.docx"]
    assert _journals() == []  # nothing left for the next run to finish


def test_write_all_atomic_refuses_any_existing_target_before_writing(tmp_path: Path) -> None:
    public, restricted = _old_pair(tmp_path)
    fresh = tmp_path / "fresh.docx"
    with pytest.raises(ReportgenError, match="already exists"):
        fileio.write_all_atomic([(fresh, b"x"), (restricted, b"y")])
    assert not fresh.exists()
    assert restricted.read_bytes() == b"old restricted"


def test_an_existing_name_is_refused_at_the_commit_too(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writers of one new name: the file that appears after the check (another run got
    there first) is not replaced: the hard link that claims the name fails, this run is
    refused in one line, and nothing of it is left."""
    target = tmp_path / "report.docx"
    real_link = os.link

    def another_run_first(src: str, dst: str) -> None:
        if str(dst) == str(target):
            target.write_bytes(b"the other run's report")
        real_link(src, dst)

    monkeypatch.setattr(fileio.os, "link", another_run_first)
    with pytest.raises(ReportgenError) as caught:
        write_atomic(target, b"this run's report")
    assert caught.value.line() == f"{target}: already exists: use --force to replace it"
    assert target.read_bytes() == b"the other run's report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.docx"]
    assert _journals() == []


def test_a_set_can_remove_what_it_no_longer_writes(tmp_path: Path) -> None:
    public, restricted = _old_pair(tmp_path)
    fileio.write_all_atomic([(public, b"new public")], force=True, remove=[restricted])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.docx"]
    assert public.read_bytes() == b"new public"
    assert _journals() == []


# --- checking outputs before any work ----------------------------------------------------


def test_an_output_may_not_be_an_input_even_with_force(tmp_path: Path) -> None:
    template = tmp_path / "style.docx"
    template.write_bytes(b"PK template")
    with pytest.raises(ReportgenError) as caught:
        fileio.check_outputs([template], [template], force=True)
    assert caught.value.line() == (f"{template}: is an input of this run ({template}): "
                                   "write the output somewhere else")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlinked_output_pointing_at_an_input_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "style.docx"
    template.write_bytes(b"PK template")
    link = tmp_path / "out.docx"
    link.symlink_to(template)
    with pytest.raises(ReportgenError, match=r"is an input of this run"):
        fileio.check_outputs([link], [template], force=True)
    # ... and the other way round: an input reached through a symlink.
    other = tmp_path / "input-link.docx"
    other.symlink_to(template)
    with pytest.raises(ReportgenError, match=r"is an input of this run"):
        fileio.check_outputs([template], [other], force=True)


def test_a_hard_link_to_an_input_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "style.docx"
    template.write_bytes(b"PK template")
    link = tmp_path / "out.docx"
    os.link(template, link)
    with pytest.raises(ReportgenError, match=r"is an input of this run \(.*style.docx\)"):
        fileio.check_outputs([link], [template], force=True)


def test_two_outputs_that_are_one_file_are_refused(tmp_path: Path) -> None:
    a = tmp_path / "a.docx"
    with pytest.raises(ReportgenError) as caught:
        fileio.check_outputs([a, tmp_path / "sub" / ".." / "a.docx"], force=True,
                             folders_exist=False)
    assert "two outputs of this run are the same file" in caught.value.line()


def test_check_outputs_folder_and_existing(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="does not exist"):
        fileio.check_outputs([tmp_path / "missing" / "a.docx"])
    (tmp_path / "a.docx").mkdir()
    with pytest.raises(ReportgenError, match="is a folder, not a file"):
        fileio.check_outputs([tmp_path / "a.docx"], force=True)
    (tmp_path / "b.docx").write_bytes(b"old")
    with pytest.raises(ReportgenError, match="already exists: use --force"):
        fileio.check_outputs([tmp_path / "b.docx"])
    fileio.check_outputs([tmp_path / "b.docx"], force=True)  # replacing it is allowed


def test_a_stop_whose_exception_was_dropped_still_stops_the_write(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """A signal arriving while Python runs a finaliser raises Interrupted there, and Python
    drops it ("Exception ignored in …"); the stop is still pending, so no file is committed
    (a build worker whose parent was killed must not go on to write its report)."""
    from reportgen import stops

    target = tmp_path / "report.docx"
    monkeypatch.setattr(stops, "_stopping", True)
    monkeypatch.setattr(stops, "_stop_signum", signal.SIGTERM)
    with pytest.raises(fileio.Interrupted) as stopped:
        fileio.write_atomic(target, b"new report")
    assert stopped.value.signum == signal.SIGTERM
    assert list(tmp_path.iterdir()) == []  # nothing written, no temporary file left
    assert _journals() == []


def test_a_dropped_stop_is_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python reports an exception it drops in a finaliser through sys.unraisablehook
    ("Exception ignored in …" and a traceback); a dropped stop is kept off the screen (the
    flag stops the run), anything else still goes to the hook that was there."""
    import gc
    import sys

    from reportgen import stops

    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda info: reported.append(info.exc_value))
    restore = stops.install_stop_handlers()
    try:
        class Finalised:
            def __init__(self, exc: BaseException) -> None:
                self.exc = exc

            def __del__(self) -> None:
                raise self.exc

        Finalised(stops.Interrupted(signal.SIGTERM))
        gc.collect()
        assert reported == []
        bug = ValueError("a real bug")
        Finalised(bug)
        gc.collect()
        assert reported == [bug]
    finally:
        restore()
    assert not getattr(sys.unraisablehook, "reportgen_stop", False)
