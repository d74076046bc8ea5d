"""House styles: a Word template plus a few settings and standard texts.

A style is a folder holding ``template.docx`` (docxtpl tags in an ordinary Word document),
``style.yaml`` (settings) and optionally ``texts.yaml`` (standard wording). The three built-in
styles live in the repository's ``templates/`` folder and are installed as package data. A
bundle may instead name a folder of its own or a bare ``.docx`` (settings then default).

A style's ``template.docx`` is untrusted (styles travel between councils): only
:func:`template_bytes`, which rebuilds it from an allow-list of parts, hands it to a reader.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from reportgen.errors import ReportgenError
from reportgen.yamlload import load_yaml

DEFAULT_STYLE = "cover-sheet"
DateStyle = Literal["plain", "ordinal", "weekday", "weekday_ordinal"]
_DATE_STYLES = ("plain", "ordinal", "weekday", "weekday_ordinal")


@dataclass(frozen=True)
class HouseStyle:
    name: str
    template: Path
    description: str = ""
    date_style: DateStyle = "plain"
    paragraph_numbering: bool = False
    unnumbered_sections: tuple[str, ...] = ()
    table_units: Literal["£", "£000s"] = "£"
    texts: dict[str, str] = field(default_factory=dict)


NOT_A_TEMPLATE = "not a usable Word template (.docx): the file is not a Word document"


def template_bytes(style: HouseStyle) -> bytes:
    """The style's template rebuilt from its allowed parts (reportgen.render.package): the
    only bytes docxtpl, python-docx or docxcompose may open. Raises one ReportgenError."""
    from reportgen.render.package import read_docx

    return read_docx(style.template, "template", not_docx=NOT_A_TEMPLATE)


def templates_root() -> Path:
    """The built-in styles: the checkout's templates/ folder, else the installed package data."""
    here = Path(__file__).resolve().parent.parent / "templates"
    if (here / "texts.yaml").is_file():
        return here
    return Path(str(resources.files("reportgen_templates")))


def builtin_style_names() -> list[str]:
    root = templates_root()
    return sorted(p.name for p in root.iterdir() if (p / "template.docx").is_file())


def _read_mapping(path: Path) -> dict[str, Any]:
    if not os.path.lexists(path):  # a FIFO or folder in its place is refused by load_yaml
        return {}
    data, _ = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReportgenError("expected a mapping of settings", file=path)
    return data


@cache
def _common_texts() -> dict[str, str]:
    return {k: str(v) for k, v in _read_mapping(templates_root() / "texts.yaml").items()}


def _style_from_folder(folder: Path, name: str) -> HouseStyle:
    template = folder / "template.docx"
    if not template.is_file():
        raise ReportgenError("house style folder has no template.docx", file=folder)
    settings = _read_mapping(folder / "style.yaml")
    date_style = settings.get("date_style", "plain")
    if date_style not in _DATE_STYLES:
        raise ReportgenError(
            f"date_style must be one of {', '.join(_DATE_STYLES)}, got '{date_style}'",
            file=folder / "style.yaml",
        )
    units = settings.get("table_units", "£")
    if units not in ("£", "£000s"):
        raise ReportgenError(f"table_units must be £ or £000s, got '{units}'",
                             file=folder / "style.yaml")
    texts = dict(_common_texts())
    texts.update({k: str(v) for k, v in _read_mapping(folder / "texts.yaml").items()})
    unnumbered = settings.get("unnumbered_sections") or []
    return HouseStyle(
        name=name,
        template=template,
        description=" ".join(str(settings.get("description", "")).split()),
        date_style=date_style,
        paragraph_numbering=str(settings.get("paragraph_numbering", "false")).lower()
        in ("true", "yes"),
        unnumbered_sections=tuple(unnumbered),
        table_units=units,
        texts=texts,
    )


def resolve_style(name_or_path: str | None, base: Path | None = None) -> HouseStyle:
    """Find a house style by built-in name, or by a folder or .docx path (relative to ``base``,
    normally the bundle folder, then to the working folder)."""
    name = name_or_path or DEFAULT_STYLE
    builtin = templates_root() / name
    if "/" not in name and "\\" not in name and not name.endswith(".docx"):
        if (builtin / "template.docx").is_file():
            return _style_from_folder(builtin, name)
        known = ", ".join(builtin_style_names())
        raise ReportgenError(f"unknown house style '{name}' (built-in styles: {known}; "
                             "or give the path of a .docx template or style folder)")
    candidates = [Path(name)] if Path(name).is_absolute() else [
        *([base / name] if base else []), Path(name)]
    for path in candidates:
        if path.is_dir():
            return _style_from_folder(path, path.name)
        if path.is_file():
            if path.suffix.lower() != ".docx":
                raise ReportgenError("a house style template must be a .docx file", file=path)
            return HouseStyle(name=path.stem, template=path, texts=dict(_common_texts()))
    raise ReportgenError("house style template not found", file=candidates[0])
