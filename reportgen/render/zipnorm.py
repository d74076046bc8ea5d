"""Rewrite a .docx zip deterministically, so the same inputs always give the same bytes.

python-docx stamps every zip entry with the time of saving and the creating system; the XML
inside is already deterministic once the caller has fixed the core-property dates
(:func:`reportgen.render.oxml.set_core_properties`). ``w:rsid*`` attributes are left alone:
they come from the template and do not change between runs.

Every output also leaves here clean of what a template or python-docx carried in but no
reader should get: the preview thumbnail, custom document properties and custom XML data
stores are dropped (with their relationships and content-type overrides), and
``docProps/app.xml`` is replaced by a minimal one naming reportgen, with no page, word or
character counts that would be wrong for the document they describe.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.render.package import APP_XML, safe_xml

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

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
# Relationship types whose targets never reach an output.
_DROPPED_TYPES = {
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
    _R + "custom-properties",
    _R + "customXml",
}
_APP_TYPE = _R + "extended-properties"


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
    contents = _clean_metadata(contents)

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


def _rels_source(rels_name: str) -> str:
    """The part a ``.rels`` file belongs to ("" for the package's own ``_rels/.rels``)."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _clean_metadata(contents: dict[str, bytes]) -> dict[str, bytes]:
    """Drop thumbnail, custom properties and custom XML; make ``docProps/app.xml`` minimal.

    XML is rewritten only when something is dropped, so normalising is idempotent and a
    clean document keeps its bytes."""
    dropped: set[str] = set()
    result = dict(contents)
    for name in sorted(contents):
        if not name.endswith(".rels"):
            continue
        root = safe_xml(contents[name], None, name)
        source = _rels_source(name)
        changed = False
        for rel in list(root.iter(_PKG_RELS)):
            kind = rel.get("Type", "")
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(
                posixpath.dirname(source), rel.get("Target", ""))).lstrip("/")
            if kind in _DROPPED_TYPES:
                rel.getparent().remove(rel)
                dropped.add(target)
                changed = True
            elif kind == _APP_TYPE and target in result:
                result[target] = APP_XML
        if changed:
            result[name] = _serialise(root)
    # Custom XML stores and whatever they own (itemProps, their .rels) go as a folder.
    dropped |= {n for n in contents if n.startswith("customXml/")}
    dropped |= {posixpath.join(posixpath.dirname(n), "_rels", posixpath.basename(n) + ".rels")
                for n in set(dropped)}
    if not dropped & set(result):
        return result
    for name in dropped:
        result.pop(name, None)
    types = safe_xml(result["[Content_Types].xml"], None, "[Content_Types].xml")
    for override in list(types.iter(_CT_OVERRIDE)):
        if override.get("PartName", "").lstrip("/") in dropped:
            types.remove(override)
    result["[Content_Types].xml"] = _serialise(types)
    return result
