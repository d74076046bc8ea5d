"""Bounded reading of untrusted files: regular files only, never more than a limit.

A bundle, agenda or manifest may name a FIFO, ``/dev/zero``, a folder or a device where a file
belongs. Opening a FIFO for reading blocks until a writer appears and ``/dev/zero`` never ends,
so the path is checked with :func:`os.stat` first, then opened with ``O_NONBLOCK`` (which
never blocks, even if the path was swapped for a FIFO in between) and checked again with
:func:`os.fstat` before a byte is read. At most ``limit`` bytes are ever read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reportgen.errors import ReportgenError

__all__ = ["check_regular_file", "read_bytes", "read_text", "size_text"]

_CHUNK = 1024 * 1024


def size_text(count: int) -> str:
    """A byte count as people read it: "200 MB", "1.5 MB", "20 bytes"."""
    if count < 1024 * 1024:
        return f"{count:,} bytes"
    return f"{count / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def _too_large(size: int, limit: int, what: str) -> str:
    return f"file is too large ({size_text(size)}): the limit for {what} is {size_text(limit)}"


def _stat_error(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read the file"
    return f"could not read the file: {exc.strerror or type(exc).__name__}"


def check_regular_file(path: str | Path, limit: int, what: str) -> int:
    """The size of ``path`` if it is a regular file within ``limit`` bytes; else one error line.

    For readers that hand the path to a library (openpyxl): nothing is opened here.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise ReportgenError(_stat_error(exc), file=path) from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise ReportgenError(kind, file=path)
    if info.st_size > limit:
        raise ReportgenError(_too_large(info.st_size, limit, what), file=path)
    return info.st_size


def read_bytes(path: str | Path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, or one error line.

    ``what`` names the kind of file in the too-large message ("a YAML file", "a data file").
    """
    check_regular_file(path, limit, what)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReportgenError(_stat_error(exc), file=path) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)  # the path may have been swapped since the stat above
        if kind is not None:
            raise ReportgenError(kind, file=path)
        if info.st_size > limit:
            raise ReportgenError(_too_large(info.st_size, limit, what), file=path)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # the file grew while it was read
                raise ReportgenError(_too_large(total, limit, what), file=path)
        return b"".join(chunks)
    except OSError as exc:
        raise ReportgenError(_stat_error(exc), file=path) from None
    finally:
        os.close(fd)


def read_text(path: str | Path, limit: int, what: str) -> str:
    """:func:`read_bytes` decoded as UTF-8 (a byte-order mark is dropped), or one error line."""
    try:
        return read_bytes(path, limit, what).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportgenError("not a UTF-8 text file", file=path) from None
