"""Reading inputs and writing outputs safely.

Every output is written by one protocol (:mod:`reportgen.commit`): staged in full beside its
target, then committed by a journal that the next run of any command finishes or undoes, so a
report is either fully written or not changed at all, and a set of outputs (a report and its
PDF, a meeting's packs) is replaced whole or not at all, whatever stops the run.

A command that writes several files checks them all first with :func:`check_outputs` (no clash
with each other, with an existing file unless ``--force``, or with any of the run's inputs even
with ``--force``), then writes them with :func:`write_all_atomic`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from reportgen.commit import OUTPUT_MODE, commit
from reportgen.errors import ReportgenError
from reportgen.stops import Interrupted, install_stop_handlers

__all__ = [
    "OUTPUT_MODE",
    "Interrupted",
    "check_outputs",
    "install_stop_handlers",
    "read_bytes_checked",
    "same_file",
    "write_all_atomic",
    "write_atomic",
]


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def write_atomic(
    path: Path, data: bytes, *, force: bool = False, newer_than: Iterable[Path] = ()
) -> None:
    """Write ``data`` to ``path`` atomically.

    Refuses to replace an existing file unless ``force`` (a new file is created exclusively:
    of two runs writing one new name, one wins and the other is refused). After writing, the
    file's modification time is later than that of every existing path in ``newer_than`` (the
    inputs it was built from), so an up-to-date check by modification time sees it as current
    even when an input carries a timestamp from the future (copied from another machine).
    """
    write_all_atomic([(Path(path), data)], force=force, newer_than=newer_than)


def write_all_atomic(
    items: Sequence[tuple[Path, bytes]], *, force: bool = False,
    newer_than: Iterable[Path] = (), remove: Sequence[Path] = (),
    bookkeeping: Sequence[tuple[Path, bytes]] = ()
) -> None:
    """Write every ``(path, data)`` (and remove every path of ``remove``) as one set: all
    replaced, or none changed, whatever stops the run (:func:`reportgen.commit.commit`).
    Refuses an existing target unless ``force``."""
    commit(items, force=force, remove=remove, newer_than=newer_than, bookkeeping=bookkeeping)


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
