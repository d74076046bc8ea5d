"""Reading a .docx for the web page: its parts within reportgen's limits, parsed without DTDs,
and the small WordprocessingML helpers every part of the conversion uses."""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from reportgen.errors import ReportgenError
from reportgen.limits import MAX_DOCX_BYTES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DC_NS = "http://purl.org/dc/elements/1.1/"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
FOOTNOTES_REL = R_NS + "/footnotes"
HYPERLINK_REL = R_NS + "/hyperlink"
HEADER_REL = R_NS + "/header"
FOOTER_REL = R_NS + "/footer"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _on(element: Any) -> bool:
    """A WordprocessingML on/off property: present means on unless its value says off."""
    if element is None:
        return False
    return element.get(w("val"), "true").lower() not in ("false", "0", "off", "none")


# --- reading the package ----------------------------------------------------------------------


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def _choice(alternate: Any) -> Any:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (Word's modern markup; the
    fallback is the same thing in VML)."""
    return alternate.find(f"{{{MC_NS}}}Choice")


def _flatten(children: list[Any]) -> list[Any]:
    """Block content with block-level content controls and custom XML unwrapped."""
    out: list[Any] = []
    for child in children:
        if child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out.extend(_flatten(list(content)))
        elif child.tag == w("customXml"):
            out.extend(_flatten(list(child)))
        else:
            out.append(child)
    return out


class _Package:
    """The parts of a .docx, read within reportgen's limits and parsed without DTDs."""

    def __init__(self, data: bytes) -> None:
        from reportgen.render.package import _members, _read_member

        message = "not a Word document (.docx)"
        if len(data) > MAX_DOCX_BYTES:
            raise ReportgenError(f"the file is larger than {MAX_DOCX_BYTES // 2**20} MB, "
                                 "the limit for a .docx")
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            raise ReportgenError(message) from None
        self._archive = archive
        self._members = _members(archive, "", message)
        self._read_member = _read_member
        self._xml: dict[str, Any] = {}

    def read(self, name: str) -> bytes | None:
        info = self._members.get(name)
        if info is None:
            return None
        data: bytes = self._read_member(self._archive, info, "")
        return data

    def xml(self, name: str) -> Any:
        from reportgen.render.package import safe_xml

        if name not in self._xml:
            data = self.read(name)
            self._xml[name] = None if data is None else safe_xml(data, None, name)
        return self._xml[name]

    def rels(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """``rId -> (type, target, external)`` for one part; the target resolved in the zip."""
        folder, name = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        out: dict[str, tuple[str, str, bool]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            rid, target = rel.get("Id"), rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                joined = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join(folder, target))
                target = joined
            if rid:
                out[rid] = (rel.get("Type", ""), target, external)
        return out


# --- styles and numbering ---------------------------------------------------------------------
