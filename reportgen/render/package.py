"""Read an untrusted .docx within limits and rebuild it from an allow-list of parts.

House-style templates travel between councils and appendices come from anyone, so a .docx is
hostile until this module has rebuilt it. Nothing else in reportgen opens a user's .docx
(docxtpl, python-docx and docxcompose only ever see the rebuilt bytes).

What happens to each kind of content (docs/house-styles.md, "What reportgen accepts in a
Word file", says the same for users):

- **kept**: the main document and the parts Word needs to show it (styles, numbering,
  settings, font table, theme, web settings, headers, footers, footnotes, endnotes, comments,
  embedded fonts, embedded pictures, charts with their data, SmartArt), and hyperlinks to
  ``http:``, ``https:`` and ``mailto:`` addresses;
- **refused** (one line naming the file and the part): anything that makes Word or LibreOffice
  fetch or run something: every other external relationship (linked pictures, an attached
  template, ``file:``/UNC/relative hyperlinks, frames, linked OLE data), macros (a
  ``vbaProject`` or a macro-enabled content type), ``altChunk`` imports, ActiveX controls, OLE
  embeddings, sub-documents, web add-ins, any field not on the allow-list of
  :mod:`reportgen.render.fields` (read as Word composes it), any relationship type not on
  the list; and anything over a limit or malformed: not a zip, too
  big, too many parts, a part inflating past its limit, a duplicate entry, an XML part with a
  DOCTYPE or entity declarations, a part that is not well-formed;
- **dropped without a word**: what Word writes on every save and a user cannot see or
  control: the preview thumbnail, ``docProps/app.xml`` (replaced by a minimal one naming
  reportgen, with no page or word counts), ``docProps/core.xml`` (replaced by an empty one:
  reportgen sets every property from the bundle), custom XML data (SharePoint and
  content-control data stores) and, in a template, custom document properties. A warning for
  these would fire on nearly every template saved by Word, so it would teach users to skip
  warnings; none of it is content a reader sees.

A duplicate ``docProps/core.xml`` or ``docProps/app.xml`` entry (LibreOffice can write one)
is accepted because both copies are replaced; any other duplicate entry is refused, since
readers disagree on which copy wins.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from lxml import etree

from reportgen.errors import ReportgenError, quote
from reportgen.limits import (
    MAX_DOCX_BYTES,
    MAX_DOCX_PART_BYTES,
    MAX_DOCX_PARTS,
    MAX_DOCX_UNPACKED_BYTES,
)
from reportgen.render import fields

__all__ = [
    "APP_XML",
    "CORE_XML",
    "clean_docx",
    "read_docx",
    "safe_xml",
]

Kind = Literal["template", "document"]

_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships/"
_MS = "http://schemas.microsoft.com/office/"

_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#: The extended properties every rebuilt document and every output carries.
APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<Properties xmlns="{_APP_NS}"><Application>reportgen</Application></Properties>'
).encode()
#: Empty core properties: reportgen fills them from the bundle.
CORE_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    f'<cp:coreProperties xmlns:cp="{_CORE_NS}" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
).encode()
_CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
_CT_RELS = "application/vnd.openxmlformats-package.relationships+xml"
_CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# A .dotx renamed to .docx: python-docx refuses its content type, the rebuilt copy is a .docx.
_CT_TEMPLATE_MAIN = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml")

# Relationship type (without the common prefix) -> what its target may be. Types from the
# package root and from every kept part are looked up here; an unlisted type is refused.
_KEEP = {
    _R + t for t in (
        "styles", "numbering", "settings", "webSettings", "fontTable", "theme", "header",
        "footer", "footnotes", "endnotes", "comments", "image", "font", "chart",
        "diagramData", "diagramLayout", "diagramQuickStyle", "diagramColors",
        "themeOverride", "glossaryDocument", "chartUserShapes")
} | {
    _MS + t for t in (
        "2007/relationships/stylesWithEffects", "2011/relationships/people",
        "2011/relationships/commentsExtended", "2016/09/relationships/commentsIds",
        "2018/08/relationships/commentsExtensible", "2007/relationships/diagramDrawing",
        "2011/relationships/chartStyle", "2011/relationships/chartColorStyle",
        "2007/relationships/hdphoto")
}
_HYPERLINK = _R + "hyperlink"
# Targets that are not XML (every other kept part is parsed as XML).
_BINARY = {_R + "image", _R + "font", _MS + "2007/relationships/hdphoto"}
_PACKAGE = _R + "package"  # a chart's embedded workbook; anywhere else an OLE embedding
_OFFICE_DOCUMENT = _R + "officeDocument"
# Dropped with their targets: per-save metadata and data stores no reader sees.
_DROP = {_PR + "metadata/thumbnail", _R + "customXml", _R + "custom-properties",
         _R + "extended-properties", _PR + "metadata/core-properties"}
# Refused, with the reason a user is told.
_REFUSE = {
    _R + "aFChunk": "imports another file into the document (altChunk)",
    _R + "oleObject": "holds an embedded or linked OLE object",
    _R + "control": "holds an ActiveX control",
    _R + "subDocument": "includes a sub-document",
    _R + "frame": "loads a frame from another file",
    _R + "attachedTemplate": "is attached to a template in another file",
    _R + "mailMergeSource": "takes mail-merge data from another file",
    _R + "mailMergeHeaderSource": "takes mail-merge data from another file",
    _R + "recipientData": "holds mail-merge recipient data",
    _MS + "2006/relationships/vbaProject": "holds macros (a VBA project)",
    _MS + "2006/relationships/keyMapCustomizations": "holds macro customisations",
    _MS + "2006/relationships/attachedToolbars": "holds macro toolbars",
    _MS + "2011/relationships/webextensiontaskpanes": "holds a web add-in",
    _MS + "2007/relationships/ui/extensibility": "customises Word's ribbon",
    _MS + "2006/relationships/ui/userCustomization": "customises Word's ribbon",
}
_WORKBOOK_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_MACRO_CT = re.compile(r"macroEnabled|vbaProject|vnd\.ms-office\.activeX|oleObject|"
                       r"vnd\.ms-word\.keyMapCustomizations|vnd\.ms-excel\.sheet\.macro",
                       re.IGNORECASE)
_SAFE_LINK = fields.SAFE_LINK
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DUPLICATES_ALLOWED = {"docProps/core.xml", "docProps/app.xml"}

_DOCTYPE = "part {part} declares a DOCTYPE or entities, which a Word document never needs"
# "<!DOCTYPE" and "<!ENTITY" as UTF-8 (and ASCII) and as UTF-16 in either byte order.
_DTD_MARKS = tuple(word.encode(enc) for word in ("<!DOCTYPE", "<!ENTITY")
                   for enc in ("utf-8", "utf-16-le", "utf-16-be"))
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, dtd_validation=False)


_TOO_BIG = f"the file is larger than {MAX_DOCX_BYTES // 2**20} MB, the limit for a .docx"


def _fail(file: str | Path | None, message: str) -> ReportgenError:
    return ReportgenError(message, file=file)


def safe_xml(data: bytes, file: str | Path | None, part: str) -> etree._Element:
    """Parse one part; a DOCTYPE (and so any entity declaration) is refused, never expanded.

    The bytes are searched first: libxml2 counts entity amplification even when it does not
    expand, so a "billion laughs" part would otherwise read as mere bad XML."""
    if any(mark in data for mark in _DTD_MARKS):
        raise _fail(file, _DOCTYPE.format(part=part))
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _fail(file, f"part {part} is not well-formed XML ({exc.msg})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise _fail(file, _DOCTYPE.format(part=part))
    return root


# -- reading within limits --------------------------------------------------------------------

def read_docx(path: str | Path, kind: Kind = "document", not_docx: str | None = None) -> bytes:
    """The rebuilt bytes of the .docx at ``path`` (see the module's docstring).

    ``kind`` "template" also drops custom document properties; a "document" keeps them, as
    docxcompose turns DOCPROPERTY fields into text with them and copies none into the pack.
    ``not_docx`` is the message for a file that is not a zip at all."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _fail(path, "file not found") from None
    except OSError as exc:
        raise _fail(path, f"could not read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "is not a regular file (a device, pipe or socket)")
    return _read_cached(str(path.resolve()), info.st_mtime_ns, info.st_size, kind,
                        not_docx, str(path))


@lru_cache(maxsize=16)
def _read_cached(resolved: str, mtime: int, size: int, kind: Kind, not_docx: str | None,
                 shown: str) -> bytes:
    # A build renders many reports with one template: clean it once per version of the file.
    if size > MAX_DOCX_BYTES:
        raise _fail(shown, _TOO_BIG)
    try:
        with open(resolved, "rb") as handle:
            data = handle.read(MAX_DOCX_BYTES + 1)
    except OSError as exc:
        raise _fail(shown, f"could not read the file: {exc.strerror or exc}") from None
    if len(data) > MAX_DOCX_BYTES:  # grew since stat
        raise _fail(shown, _TOO_BIG)
    return clean_docx(data, shown, kind, not_docx)


def _members(archive: zipfile.ZipFile, file: str, not_docx: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_DOCX_PARTS:
        raise _fail(file, f"the file has {len(infos)} parts; a .docx may have at most "
                          f"{MAX_DOCX_PARTS}")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename
        if name in members and name not in _DUPLICATES_ALLOWED:
            raise _fail(file, f"part {name} appears twice in the file; readers disagree on "
                              "which copy counts")
        if info.file_size > MAX_DOCX_PART_BYTES:
            raise _fail(file, f"part {name} inflates to more than "
                              f"{MAX_DOCX_PART_BYTES // 2**20} MB, the limit for one part")
        if info.flag_bits & 0x1:
            raise _fail(file, f"part {name} is encrypted")
        total += info.file_size
        if total > MAX_DOCX_UNPACKED_BYTES:
            raise _fail(file, f"the file inflates to more than "
                              f"{MAX_DOCX_UNPACKED_BYTES // 2**20} MB, the limit for a .docx")
        members[name] = info
    if "[Content_Types].xml" not in members:
        raise _fail(file, not_docx)
    return members


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, file: str) -> bytes:
    """A member's bytes, streamed with a cap: the size in the header is a claim, not a fact."""
    cap = min(info.file_size, MAX_DOCX_PART_BYTES)
    chunks: list[bytes] = []
    got = 0
    try:
        with archive.open(info) as stream:
            while True:
                chunk = stream.read(min(1 << 20, cap + 1 - got))
                if not chunk:
                    break
                got += len(chunk)
                if got > cap:
                    raise _fail(file, f"part {info.filename} inflates past the size its "
                                      "header gives")
                chunks.append(chunk)
    except ReportgenError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            ValueError, RuntimeError):
        raise _fail(file, f"part {info.filename} is damaged: its zip data cannot be "
                          "read") from None
    return b"".join(chunks)


# -- the rebuild --------------------------------------------------------------------------------

@dataclass
class _Rel:
    rid: str
    type: str
    target: str
    external: bool


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _resolve(source: str, target: str) -> str | None:
    """The zip name a relative ``target`` of ``source`` points at, or None if it leaves the
    package."""
    if target.startswith("/"):
        joined = target.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(source), target)
    joined = posixpath.normpath(joined)
    if joined.startswith("..") or joined.startswith("/") or joined == ".":
        return None
    return joined


def clean_docx(data: bytes, file: str | Path | None = None, kind: Kind = "document",
               not_docx: str | None = None) -> bytes:
    """Rebuild ``data`` (a .docx) from its allowed parts; raise one ReportgenError otherwise."""
    shown = str(file) if file is not None else None
    message = not_docx or "not a Word document (.docx)"
    if len(data) > MAX_DOCX_BYTES:
        raise _fail(shown, _TOO_BIG)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _fail(shown, message) from None
    with archive:
        members = _members(archive, shown or "", message)
        return _Rebuild(archive, members, shown, kind).run()


class _Rebuild:
    def __init__(self, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo],
                 file: str | None, kind: Kind) -> None:
        self.archive = archive
        self.members = members
        self.file = file
        self.kind = kind
        self.parts: dict[str, bytes] = {}       # kept part -> bytes
        self.rels: dict[str, list[_Rel]] = {}   # source ("" = package) -> kept relationships
        self.types: dict[str, str] = {}         # kept part -> content type
        self.fields: list[tuple[str, fields.Field]] = []  # (part, REF-like field) to look up
        self.bookmarks: set[str] = set()        # case-folded bookmark names of every part

    def fail(self, message: str) -> ReportgenError:
        return _fail(self.file, message)

    def read(self, name: str) -> bytes:
        return _read_member(self.archive, self.members[name], self.file or "")

    def run(self) -> bytes:
        self._content_types()
        for name in self.members:
            if name.lower().endswith("vbaproject.bin"):
                raise self.fail(f"part {name} holds macros (a VBA project); save the file as "
                                "a .docx without macros")
        # Breadth first with a queue, not recursion: a chain of 2,000 parts is no deeper.
        queue = [""]
        while queue:
            queue.extend(self._walk(queue.pop(0)))
        main = [r for r in self.rels[""] if r.type == _OFFICE_DOCUMENT]
        if len(main) != 1:
            raise self.fail("the file has no main document part")
        self._check_bookmarks()
        self._add_properties()
        return self._write()

    # [Content_Types].xml ---------------------------------------------------------------------

    def _content_types(self) -> None:
        root = safe_xml(self.read("[Content_Types].xml"), self.file, "[Content_Types].xml")
        self.defaults: dict[str, str] = {}
        self.overrides: dict[str, str] = {}
        for el in root:
            if not isinstance(el.tag, str):
                continue
            ct = el.get("ContentType", "")
            if _MACRO_CT.search(ct):
                what = el.get("PartName") or f"*.{el.get('Extension')}"
                raise self.fail(f"part {what.lstrip('/')} has content type {ct}: the file "
                                "holds macros or embedded programs; save it as a .docx")
            if el.tag == f"{{{_CT_NS}}}Default":
                self.defaults[el.get("Extension", "").lower()] = ct
            elif el.tag == f"{{{_CT_NS}}}Override":
                self.overrides[el.get("PartName", "").lstrip("/")] = ct

    def _type_of(self, part: str) -> str:
        if part in self.overrides:
            return self.overrides[part]
        ext = posixpath.splitext(part)[1].lstrip(".").lower()
        return self.defaults.get(ext, "")

    # relationships --------------------------------------------------------------------------

    def _relationships(self, source: str) -> list[_Rel]:
        name = "_rels/.rels" if source == "" else _rels_name(source)
        if name not in self.members:
            if source == "":
                raise self.fail("the file has no package relationships (_rels/.rels)")
            return []
        root = safe_xml(self.read(name), self.file, name)
        found = []
        for el in root:
            if not isinstance(el.tag, str) or el.tag != f"{{{_PKG_RELS}}}Relationship":
                continue
            found.append(_Rel(el.get("Id", ""), el.get("Type", ""), el.get("Target", ""),
                              el.get("TargetMode", "") == "External"))
        return found

    def _walk(self, source: str) -> list[str]:
        """Check ``source``'s relationships; return the parts newly reached."""
        rels = self._relationships(source)
        where = "the package" if source == "" else source
        reached: list[str] = []
        kept: list[_Rel] = []
        self.rels[source] = kept
        for rel in rels:
            if rel.type in _REFUSE:
                raise self.fail(f"part {where} {_REFUSE[rel.type]} ({rel.target[:80]}); "
                                "reportgen does not accept it")
            if rel.type == _HYPERLINK:
                if not rel.external:
                    raise self.fail(f"part {where} has a hyperlink into the file itself "
                                    f"({rel.target[:80]})")
                if not _SAFE_LINK.match(rel.target.strip()):
                    raise self.fail(f"part {where} links to '{rel.target[:80]}': only http, "
                                    "https and mailto links are accepted")
                kept.append(rel)
                continue
            if rel.external:
                raise self.fail(f"part {where} refers to a file outside the document "
                                f"('{rel.target[:80]}'); Word and LibreOffice would fetch it")
            if rel.type in _DROP:
                if rel.type == _R + "custom-properties" and self.kind == "document":
                    self._keep_leaf(source, rel, where, kept)
                continue
            if rel.type == _PACKAGE:
                self._embedded_workbook(source, rel, where, kept)
                continue
            if rel.type not in _KEEP and rel.type != _OFFICE_DOCUMENT:
                raise self.fail(f"part {where} has a relationship of a kind reportgen does not "
                                f"accept ({rel.type.rsplit('/', 1)[-1]})")
            if rel.type == _OFFICE_DOCUMENT and source != "":
                raise self.fail(f"part {where} has a second main document")
            target = self._target(source, rel, where)
            kept.append(rel)
            if target in self.parts:
                continue
            self._add_part(target, main=rel.type == _OFFICE_DOCUMENT,
                           binary=rel.type in _BINARY)
            reached.append(target)
        return reached

    def _target(self, source: str, rel: _Rel, where: str) -> str:
        target = _resolve(source, rel.target)
        if target is None or target not in self.members:
            raise self.fail(f"part {where} refers to '{rel.target[:80]}', which is not in the "
                            "file")
        return target

    def _keep_leaf(self, source: str, rel: _Rel, where: str, kept: list[_Rel]) -> None:
        target = self._target(source, rel, where)
        kept.append(rel)
        if target not in self.parts:
            self._add_part(target)
            if self._relationships(target):
                raise self.fail(f"part {target} has relationships it should not have")

    def _embedded_workbook(self, source: str, rel: _Rel, where: str,
                           kept: list[_Rel]) -> None:
        target = self._target(source, rel, where)
        if not source.startswith("word/charts/") or self._type_of(target) != _WORKBOOK_CT:
            raise self.fail(f"part {where} holds an embedded object ({target}); reportgen "
                            "accepts embedded workbooks only as chart data")
        kept.append(rel)
        if target not in self.parts:
            self.parts[target] = self.read(target)  # opaque to every reader we use
            self.types[target] = _WORKBOOK_CT

    def _add_part(self, name: str, main: bool = False, binary: bool = False) -> None:
        content_type = self._type_of(name)
        if not content_type:
            raise self.fail(f"part {name} has no content type")
        if not binary and not content_type.endswith("xml"):
            # Readers parse it as XML whatever its content type says: so must we.
            raise self.fail(f"part {name} should be XML but has content type {content_type}")
        if main:
            if content_type == _CT_TEMPLATE_MAIN:
                content_type = _CT_MAIN
            elif content_type != _CT_MAIN:
                raise self.fail(f"the main document has content type {content_type}, not a "
                                "Word document's")
        data = self.read(name)
        if not binary:
            root = safe_xml(data, self.file, name)
            if name.startswith("word/"):
                self._collect_fields(root, name)
        self.parts[name] = data
        self.types[name] = content_type

    def _collect_fields(self, root: etree._Element, part: str) -> None:
        self.bookmarks |= fields.bookmarks([root])
        for item in fields.fields(root):
            problem = fields.check(item, None)
            if problem is not None:
                raise self.fail(_field_message(part, problem))
            if fields.names_a_bookmark(item):
                self.fields.append((part, item))

    def _check_bookmarks(self) -> None:
        """A REF, PAGEREF or NOTEREF must name a bookmark of the document, in any part."""
        for part, item in self.fields:
            problem = fields.check(item, self.bookmarks)
            if problem is not None:
                raise self.fail(_field_message(part, problem))

    # docProps ------------------------------------------------------------------------------

    def _add_properties(self) -> None:
        self.parts["docProps/core.xml"] = CORE_XML
        self.types["docProps/core.xml"] = _CT_CORE
        self.parts["docProps/app.xml"] = APP_XML
        self.types["docProps/app.xml"] = _CT_APP
        self.rels[""] = [r for r in self.rels[""] if r.type == _OFFICE_DOCUMENT] + [
            _Rel("rIdCore", _PR + "metadata/core-properties", "docProps/core.xml", False),
            _Rel("rIdApp", _R + "extended-properties", "docProps/app.xml", False),
        ] + [r for r in self.rels[""] if r.type == _R + "custom-properties"]

    # writing ---------------------------------------------------------------------------------

    def _write(self) -> bytes:
        types = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
        etree.SubElement(types, f"{{{_CT_NS}}}Default", Extension="rels", ContentType=_CT_RELS)
        etree.SubElement(types, f"{{{_CT_NS}}}Default", Extension="xml",
                         ContentType="application/xml")
        for name in sorted(self.parts):
            etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName=f"/{name}",
                             ContentType=self.types[name])
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            target.writestr("[Content_Types].xml", _serialise(types))
            for source, rels in self.rels.items():
                if not rels and source != "":
                    continue
                root = etree.Element(f"{{{_PKG_RELS}}}Relationships", nsmap={None: _PKG_RELS})
                for rel in rels:
                    attrs = {"Id": rel.rid, "Type": rel.type, "Target": rel.target}
                    if rel.external:
                        attrs["TargetMode"] = "External"
                    etree.SubElement(root, f"{{{_PKG_RELS}}}Relationship", attrs)
                name = "_rels/.rels" if source == "" else _rels_name(source)
                target.writestr(name, _serialise(root))
            for name, data in self.parts.items():
                target.writestr(name, data)
        return out.getvalue()


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


_FIX = "; replace the field with its result (in Word: select it and press Ctrl+Shift+F9)"


def _field_message(part: str, problem: fields.FieldProblem) -> str:
    shown = quote(problem.text)
    if problem.kind == "nested":
        return (f"part {part} has a field whose code is built from another field's result "
                f"({shown}){_FIX}")
    if problem.kind == "split":
        return (f"part {part} has a field whose code is split by a tracked change or a text "
                f"box ({shown}); accept or reject the changes in Word, or write the field again")
    if problem.kind == "macro":
        return (f"part {part} has a form field that runs a macro when it is entered or left "
                f"({shown}){_FIX}")
    if problem.kind == "dangerous":
        return (f"part {part} has a field that makes Word read another file or run something "
                f"({shown}){_FIX}")
    if problem.kind == "link":
        return (f"part {part} has a HYPERLINK field to {quote(problem.detail)}: only http, "
                "https and mailto links are accepted")
    if problem.kind == "bookmark":
        return (f"part {part} has a field that refers to {quote(problem.detail)}, which is not "
                f"a bookmark of this document ({shown}){_FIX}")
    return (f"part {part} has a field reportgen does not accept ({shown}): only page numbers, "
            f"dates, cross-references, contents, sequence numbers, document properties and web "
            f"links are kept{_FIX}")


NOT_A_TEMPLATE = "not a usable Word template (.docx): the file is not a Word document"


def template_bytes(template: str | Path) -> bytes:
    """A house style's template (``HouseStyle.template``) rebuilt from its allowed parts: the
    only bytes docxtpl, python-docx or docxcompose may open. Raises one ReportgenError."""
    return read_docx(template, "template", not_docx=NOT_A_TEMPLATE)
