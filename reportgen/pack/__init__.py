"""Agenda packs: a front sheet and agenda, then every report and appendix, in one .docx.

:func:`build_packs` turns a validated :class:`~reportgen.agenda.Agenda` into the documents a
clerk publishes: the public pack (Part I), the restricted pack (Part II, exempt items) and one
pack for each supplementary agenda. Nothing is written there; :func:`write_packs` writes them
all as one set, only after every one has been built, so a failing item never leaves a partial
pack behind.

The stages, one module each: :mod:`~reportgen.pack.items` (agenda items to rendered
documents, through :func:`reportgen.pipeline.produce`), :mod:`~reportgen.pack.front_sheet`,
:mod:`~reportgen.pack.composer` (appending documents), :mod:`~reportgen.pack.styles` (a
report's own look kept), :mod:`~reportgen.pack.assemble` (the packs),
:mod:`~reportgen.pack.navigate` (page numbers and the PDF outline, through LibreOffice) and
:mod:`~reportgen.pack.outputs` (names and writing).
"""

from reportgen.pack.assemble import Packs, build_packs
from reportgen.pack.composer import PackComposer, Progress, compose, compose_naive
from reportgen.pack.front_sheet import DEFAULT_FRONT_STYLE, front_sheet
from reportgen.pack.items import PackItem, pack_steps, prepare_items
from reportgen.pack.outputs import output_paths, planned_output_paths, write_packs

__all__ = [
    "DEFAULT_FRONT_STYLE",
    "PackComposer",
    "PackItem",
    "Packs",
    "Progress",
    "build_packs",
    "compose",
    "compose_naive",
    "front_sheet",
    "output_paths",
    "pack_steps",
    "planned_output_paths",
    "prepare_items",
    "write_packs",
]
