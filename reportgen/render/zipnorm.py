"""Rewrite a .docx zip deterministically, so the same inputs always give the same bytes.

python-docx stamps every zip entry with the time of saving and the creating system; the XML
inside is already deterministic once the caller has fixed the core-property dates
(:func:`reportgen.render.oxml.set_core_properties`). ``w:rsid*`` attributes are left alone:
they come from the template and do not change between runs.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from reportgen.errors import ReportgenError

__all__ = ["normalise_docx"]

DateTime = tuple[int, int, int, int, int, int]

_FIRST = ("[Content_Types].xml", "_rels/.rels")
_COMPRESSLEVEL = 6  # zlib's default: a fixed value so output does not depend on settings
# Unix, regular file, rw-r--r--: the same on every platform. (zipfile turns an attribute of 0
# into 0o600, so "no attributes", as Word writes, is not available.)
_CREATE_SYSTEM = 3
_EXTERNAL_ATTR = 0o100644 << 16
_CREATE_VERSION = 20
_EXTRACT_VERSION = 20


def _order(name: str) -> tuple[int, str]:
    """Sort key: ``[Content_Types].xml``, then ``_rels/.rels``, then the rest by name."""
    return (_FIRST.index(name), "") if name in _FIRST else (len(_FIRST), name)


def normalise_docx(data: bytes, fixed_time: DateTime = (1980, 1, 1, 0, 0, 0)) -> bytes:
    """The same .docx with entries in a fixed order and fixed zip metadata."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ReportgenError("not a .docx file (not a zip archive)") from exc
    with source:
        names = [info.filename for info in source.infolist() if not info.is_dir()]
        if len(set(names)) != len(names):
            duplicate = next(n for n in names if names.count(n) > 1)
            raise ReportgenError(f"not a valid .docx file (entry {duplicate} appears twice)")
        if "[Content_Types].xml" not in names:
            raise ReportgenError("not a .docx file (no [Content_Types].xml in the archive)")
        try:
            contents = {name: source.read(name) for name in names}
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
            raise ReportgenError(f"not a valid .docx file (damaged archive: {exc})") from exc

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in sorted(contents, key=_order):
            info = zipfile.ZipInfo(name, date_time=fixed_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _CREATE_SYSTEM
            info.create_version = _CREATE_VERSION
            info.extract_version = _EXTRACT_VERSION
            info.external_attr = _EXTERNAL_ATTR
            info.comment = b""
            info.extra = b""
            target.writestr(info, contents[name], compresslevel=_COMPRESSLEVEL)
        target.comment = b""
    return out.getvalue()
