"""An agenda item's finished documents: what :mod:`reportgen.pack` makes and
:mod:`reportgen.publish` reads.

These types sit below both, so that publishing needs nothing from the pack builder (nor from
bundles or the pipeline): a :class:`PackItem` carries the rendered .docx of each document and,
for a report, the few facts of its report.yaml that the agenda page and agenda.json show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportgen.agenda import Item

#: The house style of the front sheet and the agenda page when agenda.yaml names none.
DEFAULT_FRONT_STYLE = "cover-sheet"


@dataclass(frozen=True)
class ReportFacts:
    """What a report bundle's report.yaml says about the paper, as rendered into the pack."""

    type: str  # "information" or "decision"
    key_decision: bool
    publication_date: dt.date | None
    style_template: Path  # the house style the report was rendered in (its html.css is beside)


@dataclass
class PackItem:
    """An agenda item ready to print: its number, wording and documents."""

    number: int
    item: Item
    title: str
    text: str | None
    wards: list[str]
    exempt_paragraph: int | None
    documents: list[tuple[str, bytes]] = field(default_factory=list)  # (label, .docx)
    report: ReportFacts | None = None  # set for an item whose report bundle was rendered

    @property
    def exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def bookmark(self) -> str:
        """The bookmark at the start of the item's first document."""
        return self.document_bookmark(0)

    def document_bookmark(self, index: int) -> str:
        """The bookmark at the start of document ``index`` (0: the item's own, then its
        appendices). A leading underscore keeps it out of Word's bookmark list."""
        if index == 0:
            return f"_AgendaItem{self.number}"
        return f"_AgendaItem{self.number}_Appendix{appendix_letter(index)}"

    def outline(self) -> list[OutlineEntry]:
        """The item's entries in the PDF outline: the item, then each appendix below it."""
        entries = []
        for index, (label, _) in enumerate(self.documents):
            if index == 0:
                entries.append(OutlineEntry(self.bookmark, f"{self.number}. {self.title}", 0))
            else:
                entries.append(OutlineEntry(self.document_bookmark(index),
                                            f"Appendix {appendix_letter(index)}: {label}", 1))
        return entries

    def label(self) -> str:
        return f"item {self.number} ({self.title})"


def appendix_letter(index: int) -> str:
    """A, B, … Z, then AA, AB … for appendix ``index`` (1-based: the item's own document is 0)."""
    letters = ""
    n = index
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class OutlineEntry:
    """A document of a pack: the bookmark at its start, its title, its level (0 an item, 1 an
    appendix). The agenda's page references and the PDF outline are made from these."""

    bookmark: str
    title: str
    level: int
