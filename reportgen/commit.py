"""One commit protocol for every set of outputs: a render with its PDF and page, a meeting's
packs and pages, a build's whole folder.

A set is never changed file by file. It is first written in full beside its targets, then
committed by a journal, so that a signal, a crash or a power cut leaves either the whole old
set or the whole new one, and no temporary file that nothing will remove:

1. **journal**: every name the commit will use (each target, its staged file
   ``.NAME.ID.tmp``, the second name ``.NAME.ID-old.tmp`` that keeps its old file, each file
   to remove) is written to a journal in reportgen's state folder and flushed to disk before
   any of those files exists. The journal stays locked while its run lives.
2. **prepare**: each file is staged in full and flushed; each old file and each file to
   remove gets its second name; a new file (no ``--force``) is claimed by a hard link, which
   fails if the name exists, so two runs writing one new name cannot both win.
3. **commit**: one line, ``commit``, is appended to the journal and flushed. Before it the
   commit is undone; after it, finished.
4. **apply**: each staged file is renamed over its target, each file to remove is removed,
   the second names are removed, and last the journal.

Every run of any command first looks in the state folder for journals whose run has died (their
lock is free): one without its commit line is rolled back, one with it rolled forward; both are
safe to repeat, so a run killed while recovering is recovered by the next. A failure inside the
run after the commit line (a rename refused) appends ``rollback`` and puts the old set back.

The protocol reads the stop flag (:mod:`reportgen.stops`) at every step before the commit
line, and finishes regardless after it. ``REPORTGEN_FAULT_AT`` and ``REPORTGEN_FAULT_PAUSE``
name a step at which the process signals itself or waits (the fault tests walk every step).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import shutil
import signal
import sys
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError
from reportgen.stops import deferred, raise_if_stopping

__all__ = [
    "FAULT_AT_ENV",
    "FAULT_LOG_ENV",
    "FAULT_PAUSE_ENV",
    "OUTPUT_MODE",
    "STATE_ENV",
    "commit",
    "fault_step",
    "journal_folder",
    "listing_bytes",
    "listing_path",
    "owned_leftovers",
    "plain_relative",
    "read_listing",
    "recover",
]

OUTPUT_MODE = 0o644
#: The folder reportgen keeps its journals in (default: $XDG_STATE_HOME/reportgen or
#: ~/.local/state/reportgen).
STATE_ENV = "REPORTGEN_STATE_DIR"
#: Fault injection for the tests: ``N`` or ``N:SIGNAL`` sends this process SIGKILL (or the
#: signal named) at its Nth step; ``REPORTGEN_FAULT_LOG`` names a file each step is appended to.
FAULT_AT_ENV = "REPORTGEN_FAULT_AT"
FAULT_LOG_ENV = "REPORTGEN_FAULT_LOG"
#: A step name: on reaching it the process writes "paused at STEP" on stderr and waits for a
#: line on stdin (two runs can then be interleaved by pipes, not by sleeping).
FAULT_PAUSE_ENV = "REPORTGEN_FAULT_PAUSE"

_COMMIT = "commit"
_ROLLBACK = "rollback"
_steps = 0


def fault_step(name: str) -> None:
    """One step of the protocol: where the fault tests stop or pause the process."""
    global _steps
    _steps += 1
    log = os.environ.get(FAULT_LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{_steps} {name}\n")
    at = os.environ.get(FAULT_AT_ENV)
    if at:
        number, _, signame = at.partition(":")
        if int(number) == _steps:
            os.kill(os.getpid(), getattr(signal, signame or "SIGKILL"))
    if os.environ.get(FAULT_PAUSE_ENV) == name:
        sys.stderr.write(f"paused at {name} (pid {os.getpid()})\n")
        sys.stderr.flush()
        sys.stdin.readline()


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


# --- the journal folder and its locks --------------------------------------------------------


def journal_folder() -> Path:
    """Where journals are kept: ``$REPORTGEN_STATE_DIR/journal``, else under the user's state
    folder (on the local disk, whichever share the outputs are on)."""
    base = os.environ.get(STATE_ENV)
    if base:
        return Path(base) / "journal"
    xdg = os.environ.get("XDG_STATE_HOME")
    try:
        root = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "state"
    except (RuntimeError, KeyError):  # no home folder (a bare service account)
        raise ReportgenError(f"no home folder to keep the write journal in: set {STATE_ENV} "
                             "to a folder reportgen may write in") from None
    return root / "reportgen" / "journal"


def _lock(fd: int, *, wait: bool) -> bool:
    """Lock a journal for this process; False if another live process holds it. The kernel
    frees the lock when the process dies, however it dies."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (new names, renames) to disk, where the platform can."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its renames are journaled by NTFS itself
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _unlink(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _digest(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


# --- one commit --------------------------------------------------------------------------------


@dataclass
class _Entry:
    target: str
    new: str  # the staged file
    old: str  # the second name of the target's old file
    create: bool  # a new file, claimed by a hard link before the commit line
    existed: bool
    sha256: str


@dataclass
class _Removal:
    path: str
    old: str


class _Commit:
    """The journal of one commit and the idempotent moves that finish or undo it."""

    def __init__(self, entries: list[_Entry], removals: list[_Removal], journal: Path,
                 fd: int) -> None:
        self.entries = entries
        self.removals = removals
        self.journal = journal
        self.fd = fd
        self.current = Path(entries[0].target if entries else
                            removals[0].path if removals else journal)

    # -- writing the journal

    @classmethod
    def begin(cls, entries: list[_Entry], removals: list[_Removal], token: str) -> _Commit:
        folder = journal_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise ReportgenError(f"could not keep the write journal in {folder}: "
                                 f"{_reason(exc)} (set {STATE_ENV} to a folder reportgen "
                                 "may write in)") from None
        # Written and locked under a name recovery does not look at, then renamed: a run
        # starting meanwhile can never take a journal that is still being written for dead.
        part = folder / f"{token}.part"
        fault_step("journal")
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_APPEND, 0o600)
        self = cls(entries, removals, part, fd)
        try:
            _lock(fd, wait=True)
            record = {"version": 1, "entries": [asdict(e) for e in entries],
                      "removals": [asdict(r) for r in removals]}
            self._append(json.dumps(record, ensure_ascii=False) + "\n")
            os.rename(part, folder / f"{token}.journal")
            self.journal = folder / f"{token}.journal"
            _sync_folder(folder)
        except BaseException:
            self.close(remove=True)
            raise
        return self

    def _append(self, text: str) -> None:
        # One small write through the file object (the journal is opened for appending).
        with open(self.fd, "ab", buffering=0, closefd=False) as f:
            f.write(text.encode("utf-8"))
        os.fsync(self.fd)

    def mark(self, state: str) -> None:
        self._append(state + "\n")

    def close(self, *, remove: bool) -> None:
        if self.fd < 0:
            return
        try:
            if remove:
                _unlink(str(self.journal))
                _sync_folder(self.journal.parent)
        finally:
            os.close(self.fd)  # frees the lock, last
            self.fd = -1

    # -- prepare (before the commit line: undone by back_before)

    def stage(self, entry: _Entry, data: bytes, latest: int | None) -> None:
        self.current = Path(entry.target)
        fault_step(f"stage {entry.target}")
        raise_if_stopping()
        fd = os.open(entry.new, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0),
                     0o600)
        try:
            fault_step(f"write {entry.target}")
            view = memoryview(data)
            while view:
                raise_if_stopping()
                view = view[os.write(fd, view[:1 << 20]):]
            if hasattr(os, "fchmod"):
                os.fchmod(fd, OUTPUT_MODE)
            fault_step(f"flush {entry.target}")
            os.fsync(fd)
        finally:
            os.close(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(entry.new, OUTPUT_MODE)
        if latest is not None:
            _make_newer(entry.new, latest)

    def keep(self, path: str, old: str) -> None:
        """A second name for ``path``'s current file, to put back if the set is undone."""
        self.current = Path(path)
        fault_step(f"keep {path}")
        raise_if_stopping()
        try:
            os.link(path, old, follow_symlinks=False)  # a symlink is kept as a symlink
        except FileNotFoundError:
            return
        except OSError:  # a file system without hard links (FAT, some shares): a copy
            shutil.copy2(path, old)

    def claim(self, entry: _Entry) -> None:
        """A new file: its name taken by a hard link to the staged file, which fails if the
        name exists (another run got there first); never a replace of what appeared."""
        self.current = Path(entry.target)
        fault_step(f"claim {entry.target}")
        raise_if_stopping()
        try:
            os.link(entry.new, entry.target)
        except FileExistsError:
            raise ReportgenError("already exists: use --force to replace it",
                                 file=entry.target) from None
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK):
                raise
            # No hard links here: the name is checked again and the rename comes after the
            # commit line (exclusive only where the file system can link).
            if os.path.lexists(entry.target):
                raise ReportgenError("already exists: use --force to replace it",
                                     file=entry.target) from None

    def sync(self) -> None:
        fault_step("sync")
        raise_if_stopping()
        for folder in sorted({str(Path(e.target).parent) for e in self.entries}
                             | {str(Path(r.path).parent) for r in self.removals}):
            _sync_folder(Path(folder))

    # -- the three idempotent endings

    def forward(self) -> None:
        """Finish a committed set: every staged file in place, every removal done."""
        for entry in self.entries:
            self.current = Path(entry.target)
            if not os.path.lexists(entry.new):
                continue
            fault_step(f"replace {entry.target}")
            # A new file is in place already (claimed by a link), unless the file system
            # could not link (see claim).
            if not entry.create or not os.path.lexists(entry.target):
                os.replace(entry.new, entry.target)
        for removal in self.removals:
            self.current = Path(removal.path)
            if os.path.lexists(removal.old) and _same(removal.path, removal.old):
                fault_step(f"remove {removal.path}")
                os.unlink(removal.path)
        self._sync_targets("synced")
        self._drop_second_names()

    def back_before(self) -> None:
        """Undo a set that was never committed: no target was touched but the claims."""
        for entry in self.entries:
            if entry.create and _same(entry.new, entry.target):
                fault_step(f"unclaim {entry.target}")
                os.unlink(entry.target)
        self._drop_second_names()

    def back_after(self) -> None:
        """Undo a committed set whose finishing failed: every old file back, new ones gone."""
        for entry in self.entries:
            if entry.existed and not entry.create:
                if os.path.lexists(entry.old) and not _same(entry.old, entry.target):
                    fault_step(f"restore {entry.target}")
                    os.replace(entry.old, entry.target)
                    _unlink(entry.old)  # a rename onto its own file leaves both names
            elif os.path.lexists(entry.target) and (
                    _same(entry.new, entry.target) if os.path.lexists(entry.new)
                    else _digest(entry.target) == entry.sha256):
                fault_step(f"unmake {entry.target}")
                os.unlink(entry.target)
        for removal in self.removals:
            if os.path.lexists(removal.old) and not os.path.lexists(removal.path):
                fault_step(f"restore {removal.path}")
                os.replace(removal.old, removal.path)
        self._sync_targets("restored")
        self._drop_second_names()

    def _drop_second_names(self) -> None:
        for entry in self.entries:
            for name in (entry.new, entry.old):
                if os.path.lexists(name):
                    fault_step(f"clean {name}")
                    _unlink(name)
        for removal in self.removals:
            if os.path.lexists(removal.old):
                fault_step(f"clean {removal.old}")
                _unlink(removal.old)

    def _sync_targets(self, name: str) -> None:
        fault_step(name)
        for folder in sorted({str(Path(e.target).parent) for e in self.entries}
                             | {str(Path(r.path).parent) for r in self.removals}):
            _sync_folder(Path(folder))


def _make_newer(name: str, latest: int) -> None:
    """Move a staged file's modification time past ``latest`` (the newest input) if needed,
    so that an up-to-date check by time sees the output as current even when an input carries
    a timestamp from the future (copied from another machine)."""
    stat = os.stat(name)
    if stat.st_mtime_ns <= latest:
        # Two seconds later: FAT and some network shares keep times to the nearest 2 s.
        os.utime(name, ns=(stat.st_atime_ns, latest + 2_000_000_000))


def commit(files: Sequence[tuple[Path, bytes]], *, force: bool = False,
           remove: Sequence[Path] = (), newer_than: Iterable[Path] = (),
           bookkeeping: Sequence[tuple[Path, bytes]] = ()) -> None:
    """Write every ``(path, data)`` and remove every path of ``remove``, as one set.

    Without ``force`` every target must be new, and is created exclusively. ``bookkeeping``
    files (reportgen's own list of what a set wrote) are written with the set and always
    replaced. A stop signal
    before the commit line undoes the set and raises :class:`~reportgen.stops.Interrupted`;
    after it, the set is finished first. An ``OSError`` is a one-line
    :class:`ReportgenError` naming the file, with the old set in place.
    """
    from reportgen.fileio import check_outputs  # fileio writes through this module

    items = [(Path(p), d) for p, d in files]
    check_outputs([path for path, _ in items], force=force)
    own = [(Path(p), d) for p, d in bookkeeping]
    recover()  # what a dead run left beside these targets is finished or undone first
    latest = max((Path(p).stat().st_mtime_ns for p in newer_than if Path(p).exists()),
                 default=None)
    token = secrets.token_hex(6)
    items += own
    entries = [_Entry(str(path), str(path.with_name(f".{path.name}.{token}.tmp")),
                      str(path.with_name(f".{path.name}.{token}-old.tmp")),
                      not force and i < len(items) - len(own), os.path.lexists(path),
                      hashlib.sha256(data).hexdigest())
               for i, (path, data) in enumerate(items)]
    removals = [_Removal(str(p), str(Path(p).with_name(f".{Path(p).name}.{token}-old.tmp")))
                for p in remove]
    if not entries and not removals:
        return
    with deferred():
        _run(entries, removals, items, token, latest)
    raise_if_stopping()  # a stop that came after the commit line: the set is whole, now stop


def _run(entries: list[_Entry], removals: list[_Removal], items: list[tuple[Path, bytes]],
         token: str, latest: int | None) -> None:
    try:
        job = _Commit.begin(entries, removals, token)
    except OSError as exc:
        raise ReportgenError(f"could not write {entries[0].target if entries else removals[0].path}"
                             f": {_reason(exc)}") from exc
    committed = False
    try:
        for entry, (_, data) in zip(entries, items, strict=True):
            job.stage(entry, data, latest)
        for entry in entries:
            if entry.existed and not entry.create:
                job.keep(entry.target, entry.old)
        for removal in removals:
            job.keep(removal.path, removal.old)
        for entry in entries:
            if entry.create:
                job.claim(entry)
        job.sync()
        fault_step("commit")
        raise_if_stopping()
        job.mark(_COMMIT)
        committed = True
        job.forward()
        fault_step("done")
    except BaseException as exc:
        _undo(job, committed)
        if isinstance(exc, OSError):
            raise ReportgenError(f"could not write {job.current}: {_reason(exc)}") from exc
        raise
    job.close(remove=True)


def _undo(job: _Commit, committed: bool) -> None:
    """Put the old set back after a failure in this run; if even that fails, the journal stays
    and the next run finishes the undoing."""
    try:
        if committed:
            fault_step("rollback")
            job.mark(_ROLLBACK)
            job.back_after()
        else:
            job.back_before()
    except BaseException:  # noqa: BLE001 - the first failure is the one to report
        job.close(remove=False)
        return
    job.close(remove=True)


# --- recovery ----------------------------------------------------------------------------------


def _read_journal(fd: int) -> tuple[list[_Entry], list[_Removal], str] | None:
    """The journal's entries and its state ("", commit or rollback); None if its first
    record was never completed (then nothing of it was made)."""
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    lines = b"".join(chunks).decode("utf-8", "replace").split("\n")
    try:
        record = json.loads(lines[0])
        entries = [_Entry(**e) for e in record["entries"]]
        removals = [_Removal(**r) for r in record["removals"]]
    except (ValueError, KeyError, TypeError):
        return None
    done = lines[1:-1]  # only whole lines count: a torn last line was never written
    state = _ROLLBACK if _ROLLBACK in done else _COMMIT if _COMMIT in done else ""
    return entries, removals, state


def _drop_dead_part(part: Path) -> None:
    """Remove a journal its run died writing, if whole; an empty one may be a live run's
    that has not locked it yet, and is left (it names nothing)."""
    try:
        fd = os.open(part, os.O_RDWR)
    except OSError:
        return
    try:
        if _lock(fd, wait=False) and os.fstat(fd).st_nlink and _read_journal(fd) is not None:
            _unlink(str(part))
    except OSError:
        pass
    finally:
        os.close(fd)


def recover() -> list[str]:
    """Finish or undo every commit whose run died. Returns one line for each, saying what was
    done (or why it could not be, in which case its journal stays for the next run)."""
    try:
        folder = journal_folder()
        journals = sorted(folder.glob("*.journal"))
        parts = sorted(folder.glob("*.part"))
    except (OSError, ReportgenError):  # no journal folder: nothing to recover (commit says why)
        return []
    for part in parts:  # a run that died before its journal was whole had made nothing yet
        _drop_dead_part(part)
    notes: list[str] = []
    for journal in journals:
        try:
            fd = os.open(journal, os.O_RDWR | os.O_APPEND)
        except OSError:
            continue  # finished meanwhile
        job = _Commit([], [], journal, fd)
        try:
            if not _lock(fd, wait=False) or os.fstat(fd).st_nlink == 0:
                continue  # its run is alive, or has just finished
            read = _read_journal(fd)
            if read is None:  # its first record was never whole: nothing of it was made
                _unlink(str(journal))
                continue
            job.entries, job.removals, state = read
            with deferred():
                if state == _COMMIT:
                    job.forward()
                elif state == _ROLLBACK:
                    job.back_after()
                else:
                    job.back_before()
                names = ", ".join(e.target for e in job.entries) or \
                    ", ".join(r.path for r in job.removals)
                done = "finished" if state == _COMMIT else "undone"
                notes.append(f"the interrupted writing of {names} was {done}")
                job.close(remove=True)
        except OSError as exc:
            notes.append(f"could not recover the interrupted writing of journal {journal}: "
                         f"{_reason(exc)}")
        finally:
            job.close(remove=False)
    return notes


# --- the list of what a set wrote, in a folder reportgen owns ------------------------------


def listing_path(primary: Path) -> Path:
    """The hidden list beside a set's first output of what its last run wrote."""
    return primary.with_name(f".{primary.name}.outputs")


def plain_relative(name: str) -> bool:
    """A name inside its folder: relative, without '..'."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts


def listing_bytes(listing: Path, targets: Iterable[Path]) -> bytes:
    """The list of ``targets`` (those in ``listing``'s folder tree), relative to it."""
    folder = listing.parent.resolve()
    names = []
    for target in targets:
        with contextlib.suppress(ValueError):
            names.append(Path(target).resolve().relative_to(folder).as_posix())
    return (json.dumps({"written": sorted(names)}, indent=1) + "\n").encode("utf-8")


def read_listing(path: Path, key: str = "written") -> list[str]:
    """The names a list (or a build summary's ``key``) gives; nothing if it cannot be read."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        items = data[key]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    if not isinstance(items, list):
        return []
    return [n for n in items if isinstance(n, str) and plain_relative(n)]


def owned_leftovers(folder: Path, names: Iterable[str], targets: Iterable[Path],
                    inputs: Iterable[Path] = (), *, force: bool) -> list[Path]:
    """The files of ``names`` (what the last run wrote, relative to ``folder``) that this run
    does not write: to remove in the same commit. Only regular files are removed, never one
    the run reads; without ``force`` such a file is refused rather than removed."""
    from reportgen.fileio import same_file

    writing = {Path(t).resolve() for t in targets}
    reading = list(inputs)
    leftovers = []
    for name in names:
        path = folder / name
        try:
            if path.is_symlink() or not path.is_file() or path.resolve() in writing:
                continue
        except OSError:
            continue
        if any(same_file(path, source) for source in reading):
            continue
        if not force:
            raise ReportgenError("was written by the last run of this output and this run does "
                                 "not write it: use --force to remove it", file=path)
        leftovers.append(path)
    return leftovers
