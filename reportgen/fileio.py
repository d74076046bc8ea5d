"""Reading inputs and writing outputs safely.

Outputs are written to a temporary file in the same folder, flushed to disk and then renamed
over the target, so a report is either fully written or not changed at all: a full disk, a
crash or Ctrl-C never leaves a half-written .docx where last week's good one was.

A command that writes several files (a pack and its restricted pack, a report and its PDF)
checks them all first with :func:`check_outputs` (no clash with each other, with an existing
file unless ``--force``, or with any of the run's inputs even with ``--force``), then writes
them with :func:`write_all_atomic`, which replaces the whole set or none of it.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError

__all__ = [
    "Interrupted",
    "check_outputs",
    "install_stop_handlers",
    "read_bytes_checked",
    "remove_temporaries",
    "remove_temporaries_of",
    "same_file",
    "write_all_atomic",
    "write_atomic",
]

#: Every temporary file this process has created and not yet renamed or removed, so that a
#: stop (SIGTERM, SIGINT) can remove them even if it lands between creating one and noting it.
_PENDING: set[str] = set()


class Interrupted(BaseException):  # noqa: N818 - like KeyboardInterrupt, not an error
    """SIGTERM or SIGINT arrived: unwinds like KeyboardInterrupt so every ``finally`` runs
    (temporary files are removed, worker processes stopped); the CLI exits 128 + signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"

OUTPUT_MODE = 0o644


_STOP_SIGNALS = ("SIGTERM", "SIGINT")
_stopping = False
_stop_signum = 0


def _on_stop(signum: int, frame: Any) -> None:
    global _stopping, _stop_signum
    if _stopping:  # a second signal must not cut short the clean-up of the first
        return
    _stopping, _stop_signum = True, signum
    raise Interrupted(signum)


def _raise_if_stopping() -> None:
    """Raise the stop again before a file is committed. A signal that arrives while Python
    runs a finaliser (``__del__``, a weakref callback) raises there, where Python drops the
    exception; the work would then go on, and a build worker whose parent was killed would
    write its report as an orphan (measured: one run in sixteen under load)."""
    if _stopping:
        raise Interrupted(_stop_signum)


def install_stop_handlers() -> Callable[[], None]:
    """Turn SIGTERM and SIGINT into :class:`Interrupted` in this process (main thread only);
    returns a function that puts the previous handlers back."""
    global _stopping
    _stopping = False
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous: dict[int, Any] = {}
    for name in _STOP_SIGNALS:
        signum = getattr(signal, name, None)
        if signum is not None:
            previous[signum] = signal.signal(signum, _on_stop)

    def restore() -> None:
        for signum, handler in previous.items():
            signal.signal(signum, handler)

    return restore


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def write_atomic(
    path: Path, data: bytes, *, force: bool = False, newer_than: Iterable[Path] = ()
) -> None:
    """Write ``data`` to ``path`` atomically.

    Refuses to replace an existing file unless ``force``. After writing, the file's
    modification time is made later than that of every existing path in ``newer_than`` (the
    inputs it was built from), so an up-to-date check by modification time sees it as current
    even when an input carries a timestamp from the future (copied from another machine).
    """
    write_all_atomic([(Path(path), data)], force=force, newer_than=newer_than)


def _check_target(path: Path, force: bool) -> None:
    folder = path.parent
    if not folder.exists():
        raise ReportgenError(f"output folder {folder} does not exist")
    if not folder.is_dir():
        raise ReportgenError(f"output folder {folder} is not a folder")
    if path.is_dir():
        raise ReportgenError(f"{path} is a folder, not a file")
    if path.exists() and not force:
        raise ReportgenError(f"{path} already exists: use --force to replace it")


def _temporary(path: Path) -> str:
    """A new, empty hidden file beside ``path`` (``.NAME.xxxx.tmp``), noted in _PENDING."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    _PENDING.add(name)
    os.close(fd)
    return name


def _stage(path: Path, data: bytes) -> str:
    """``data`` in a temporary file beside ``path``, flushed to disk; its name."""
    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            delete=False, dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        ) as tmp:
            tmp_name = tmp.name
            _PENDING.add(tmp_name)
            fd = tmp.fileno()
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if hasattr(os, "fchmod"):  # NamedTemporaryFile creates files as 0o600
                os.fchmod(fd, OUTPUT_MODE)
            os.fsync(fd)
        if not hasattr(os, "fchmod"):
            os.chmod(tmp_name, OUTPUT_MODE)
    except BaseException:
        _discard(tmp_name)
        raise
    return tmp_name


def _discard(name: str | None) -> None:
    if name is not None:
        with contextlib.suppress(OSError):
            os.unlink(name)
        _PENDING.discard(name)


def write_all_atomic(
    items: Sequence[tuple[Path, bytes]], *, force: bool = False,
    newer_than: Iterable[Path] = ()
) -> None:
    """Write every ``(path, data)`` atomically, as one set: all replaced, or none changed.

    Each file is first written in full to a temporary file beside its target. Only then are
    the targets replaced, one rename each; an existing target is first kept under a hard link
    (a copy where links are not possible) so that a failure or an interruption between two
    renames puts the old files back and removes the new ones. Refuses an existing target
    unless ``force``.
    """
    items = [(Path(p), d) for p, d in items]
    for path, _ in items:
        _check_target(path, force)
    inputs = list(newer_than)
    staged: list[tuple[Path, str]] = []
    keepers: dict[Path, str | None] = {}  # target -> a link to its old file (None: was new)
    replaced: list[Path] = []
    current: Path | None = items[0][0] if items else None
    try:
        _raise_if_stopping()
        for path, data in items:
            current = path
            staged.append((path, _stage(path, data)))
        for path, _ in items:
            current = path
            keepers[path] = _keep_old(path) if path.exists() else None
        for path, tmp_name in staged:
            current = path
            _raise_if_stopping()
            os.replace(tmp_name, str(path))
            _PENDING.discard(tmp_name)
            replaced.append(path)
        for path, _ in items:
            current = path
            _make_newer(path, inputs)
    except BaseException as exc:
        # Also runs for KeyboardInterrupt and Interrupted: never leave a stray temporary file,
        # nor a mix of old and new files.
        _roll_back(replaced, keepers)
        for _, tmp_name in staged:
            _discard(tmp_name)
        for keeper in keepers.values():
            _discard(keeper)
        if isinstance(exc, OSError):
            raise ReportgenError(f"could not write {current}: {_reason(exc)}") from exc
        raise
    for keeper in keepers.values():
        _discard(keeper)


def _keep_old(path: Path) -> str:
    """A hidden second name for ``path``'s current file, to put it back if the set fails."""
    name = _temporary(path)
    os.unlink(name)
    try:
        os.link(path, name)
    except OSError:  # a file system without hard links (FAT, some shares): copy instead
        shutil.copy2(path, name)
    return name


def _roll_back(replaced: list[Path], keepers: dict[Path, str | None]) -> None:
    """Put back the old file of every target already replaced; remove the new ones."""
    for path in reversed(replaced):
        keeper = keepers.get(path)
        with contextlib.suppress(OSError):
            if keeper is None:
                os.unlink(path)
            else:
                os.replace(keeper, str(path))
                _PENDING.discard(keeper)


def remove_temporaries() -> None:
    """Remove every temporary file this process still has (called when a stop arrives)."""
    for name in list(_PENDING):
        _discard(name)


def remove_temporaries_of(path: Path) -> None:
    """Remove the temporary files a killed process left beside ``path`` (``.NAME.*.tmp``).

    Only for a path that the dead process alone was writing: a build job's outputs."""
    path = Path(path)
    with contextlib.suppress(OSError):
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` name one file: the same resolved path (symlinks followed), or
    the same file reached by a hard link."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
    except (OSError, RuntimeError):  # a symlink loop: compare what can be compared below
        pass
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _identity(path: Path) -> tuple[Path | None, tuple[int, int] | None]:
    """``path`` resolved (symlinks followed) and the (device, inode) of its file, if any."""
    try:
        resolved: Path | None = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop
        resolved = None
    try:
        st = os.stat(path)
        inode: tuple[int, int] | None = (st.st_dev, st.st_ino)
    except (OSError, ValueError):
        inode = None
    return resolved, inode


def check_outputs(outputs: Sequence[Path], inputs: Iterable[Path] = (), *, force: bool = False,
                  folders_exist: bool = True) -> None:
    """Refuse, before any work, a set of outputs that would destroy something.

    Each output must be a file name (not a folder) whose folder exists (when
    ``folders_exist``); no two outputs may be one file; no output may be one of ``inputs``
    (the files the run reads), even with ``force``, whether by name, through a symlink or by
    a hard link; and an existing output is replaced only with ``force``.
    """
    outs = [Path(p) for p in outputs]
    by_path: dict[Path, Path] = {}
    by_inode: dict[tuple[int, int], Path] = {}
    for source in inputs:
        resolved, inode = _identity(Path(source))
        if resolved is not None:
            by_path.setdefault(resolved, Path(source))
        if inode is not None:
            by_inode.setdefault(inode, Path(source))
    seen: dict[Path | tuple[int, int], Path] = {}
    for path in outs:
        resolved, inode = _identity(path)
        for key in (resolved, inode):
            if key is not None and key in seen:
                raise ReportgenError(f"two outputs of this run are the same file "
                                     f"({seen[key]}): give each its own name", file=path)
        for key in (resolved, inode):
            if key is not None:
                seen[key] = path
        clash = (by_path.get(resolved) if resolved is not None else None) or \
            (by_inode.get(inode) if inode is not None else None)
        if clash is not None:
            raise ReportgenError(f"is an input of this run ({clash}): write the output "
                                 "somewhere else", file=path)
    for path in outs:
        if folders_exist:
            folder = path.parent
            if not folder.exists():
                raise ReportgenError(f"output folder {folder} does not exist")
            if not folder.is_dir():
                raise ReportgenError(f"output folder {folder} is not a folder")
        if path.is_dir():
            raise ReportgenError("is a folder, not a file", file=path)
        if (path.exists() or path.is_symlink()) and not force:
            raise ReportgenError("already exists: use --force to replace it", file=path)


def _make_newer(path: Path, inputs: Iterable[Path]) -> None:
    """Move ``path``'s modification time past the latest of ``inputs`` if needed."""
    latest = max((Path(p).stat().st_mtime_ns for p in inputs if Path(p).exists()), default=None)
    if latest is None:
        return
    stat = path.stat()
    if stat.st_mtime_ns <= latest:
        # Two seconds later: FAT and some network shares keep times to the nearest 2 s.
        os.utime(path, ns=(stat.st_atime_ns, latest + 2_000_000_000))


def read_bytes_checked(path: Path) -> bytes:
    """The bytes of ``path``, or a one-line ReportgenError saying why it cannot be read."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ReportgenError("file not found", file=path) from exc
    except OSError as exc:
        # Windows reports reading a folder as PermissionError, not IsADirectoryError.
        if path.is_dir():
            raise ReportgenError("is a folder, not a file", file=path) from exc
        if isinstance(exc, PermissionError):
            raise ReportgenError("permission denied: cannot read the file", file=path) from exc
        raise ReportgenError(f"could not read the file: {_reason(exc)}", file=path) from exc
