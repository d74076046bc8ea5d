"""Reading inputs and writing outputs safely.

Outputs are written to a temporary file in the same folder, flushed to disk and then renamed
over the target, so a report is either fully written or not changed at all: a full disk, a
crash or Ctrl-C never leaves a half-written .docx where last week's good one was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from reportgen.errors import ReportgenError

__all__ = ["read_bytes_checked", "write_atomic"]

OUTPUT_MODE = 0o644


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
    path = Path(path)
    folder = path.parent
    if not folder.exists():
        raise ReportgenError(f"output folder {folder} does not exist")
    if not folder.is_dir():
        raise ReportgenError(f"output folder {folder} is not a folder")
    if path.is_dir():
        raise ReportgenError(f"{path} is a folder, not a file")
    if path.exists() and not force:
        raise ReportgenError(f"{path} already exists: use --force to replace it")

    tmp_name: str | None = None
    try:
        with tempfile.NamedTemporaryFile(
            delete=False, dir=folder, prefix=f".{path.name}.", suffix=".tmp"
        ) as tmp:
            tmp_name = tmp.name
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
        os.replace(tmp_name, path)
        tmp_name = None
        _make_newer(path, newer_than)
    except OSError as exc:
        raise ReportgenError(f"could not write {path}: {_reason(exc)}") from exc
    finally:
        # Also runs for KeyboardInterrupt: never leave a stray temporary file behind.
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


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
