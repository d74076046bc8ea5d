"""A starter report bundle for an officer to fill in (``reportgen new``).

The bundle's text lives in ``templates/starter/`` (installed as package data with the house
styles) so that it reads as the officer will see it: ``report.yaml`` with every field and a
comment on each, example rows in ``data/`` and a ``README.txt``. The data rows are examples,
marked as such, so that ``reportgen new x && reportgen render x`` gives a document at once
and the officer sees what each expression and table produces before replacing them.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen.errors import ReportgenError
from reportgen.styles import DEFAULT_STYLE, builtin_style_names, resolve_style, templates_root

STARTER_FOLDER = "starter"
#: Files of a starter bundle, relative to its folder, in the order they are written.
STARTER_FILES = (
    "report.yaml",
    "data/placements.csv",
    "data/savings.csv",
    "data/budget.csv",
    "data/indicators.csv",
    "README.txt",
)

# The starter's report.yaml names the default style and its table units; these lines are
# rewritten for the style asked for (the bundle's table_units overrides the style's own).
_STYLE_LINE = re.compile(r"^style: .*$", re.MULTILINE)
_UNITS_LINE = re.compile(r'^(  table_units: )"£"$', re.MULTILINE)
_FOLDER_WORD = "THIS_FOLDER"


def starter_root() -> Path:
    """The folder holding the starter bundle's files."""
    return templates_root() / STARTER_FOLDER


def _replace_once(pattern: re.Pattern[str], replacement: str, text: str, what: str) -> str:
    new, count = pattern.subn(lambda m: replacement.format(*m.groups()), text)
    if count != 1:  # the packaged starter was edited: a bug, not bad input
        raise RuntimeError(f"starter report.yaml should have exactly one {what} line")
    return new


def _shell_word(name: str) -> str:
    return f'"{name}"' if any(c.isspace() for c in name) else name


def starter_texts(style: str | None = None, folder_name: str = "my-report") -> dict[str, str]:
    """The starter bundle's files (relative path → text) for ``style``, not yet written."""
    name = style or DEFAULT_STYLE
    known = builtin_style_names()
    if name not in known:
        raise ReportgenError(f"unknown house style '{name}' (built-in styles: {', '.join(known)})")
    house = resolve_style(name)
    root = starter_root()
    texts: dict[str, str] = {}
    for rel in STARTER_FILES:
        path = root / rel
        try:
            texts[rel] = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ReportgenError(f"the starter bundle is missing from the installation: {exc}",
                                 file=path) from None
    yaml_text = _replace_once(_STYLE_LINE, f"style: {name}", texts["report.yaml"], "style:")
    texts["report.yaml"] = _replace_once(_UNITS_LINE, '{0}"' + house.table_units + '"',
                                         yaml_text, "table_units:")
    texts["README.txt"] = texts["README.txt"].replace(_FOLDER_WORD, _shell_word(folder_name))
    return texts


def _check_target(folder: Path) -> None:
    if folder.is_file():
        raise ReportgenError("already exists and is a file: choose a new folder", file=folder)
    if folder.is_dir():
        try:
            empty = not any(folder.iterdir())
        except OSError as exc:
            raise ReportgenError(f"could not read the folder: {exc.strerror}",
                                 file=folder) from None
        if not empty:
            raise ReportgenError("already exists and is not empty: choose a new folder",
                                 file=folder)


def write_starter_bundle(folder: Path, style: str | None = None) -> list[Path]:
    """Write a starter bundle into ``folder`` (new, or existing and empty); return the files.

    ``style`` is a built-in house style name (default ``cover-sheet``). Refuses a folder that
    already holds anything, so an officer's work is never overwritten. On a write failure the
    files already written are removed again.
    """
    folder = Path(folder)
    _check_target(folder)
    texts = starter_texts(style, folder.resolve().name or "my-report")
    written: list[Path] = []
    created_folder = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for rel in STARTER_FILES:
            path = folder / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            # newline="\n": the same bytes on every platform, as the fixtures are written.
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(texts[rel])
            written.append(path)
    except OSError as exc:
        _remove(written, folder, created_folder)
        raise ReportgenError(f"could not write the starter bundle: {exc.strerror or exc}",
                             file=folder) from None
    return written


def _remove(files: list[Path], folder: Path, created_folder: bool) -> None:
    """Undo a partly written bundle: its files, its data folder and, if made here, the folder."""
    for path in files:
        path.unlink(missing_ok=True)
    for empty in (folder / "data", folder if created_folder else None):
        if empty is not None and empty.is_dir() and not any(empty.iterdir()):
            empty.rmdir()
