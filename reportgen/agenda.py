"""The agenda file (``agenda.yaml``) of one meeting, as a typed model.

An agenda names the meeting, its membership and clerk, and the ordered items: standard items
(apologies, declarations of interest, minutes, urgent business, exclusion of the press and
public) and report items that point at a report bundle or at a ready-made ``.docx``. Every field
is described in ``docs/agenda.md``. As with ``report.yaml`` (see :mod:`reportgen.bundle`),
values are read as text and typed here, and every problem becomes a one-line
:class:`~reportgen.errors.ReportgenError` naming the line of ``agenda.yaml``, with a "did you
mean" for misspelt field names.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from reportgen.bundle import TextList, UKDate
from reportgen.config import Model, validate_yaml
from reportgen.errors import ReportgenError
from reportgen.formatting import DATE_STYLES
from reportgen.yamlload import Loc, load_yaml

AGENDA_FILE = "agenda.yaml"

StandardKind = Literal[
    "apologies", "declarations_of_interest", "minutes", "urgent_business", "exclusion"
]

STANDARD_TITLES: dict[str, str] = {
    "apologies": "Apologies for absence",
    "declarations_of_interest": "Declarations of interest",
    "minutes": "Minutes of the previous meeting",
    "urgent_business": "Any other urgent business",
    "exclusion": "Exclusion of the press and public",
}

STANDARD_TEXTS: dict[str, str] = {
    "apologies": "To receive apologies for absence and to note any substitute members.",
    "declarations_of_interest": (
        "To receive declarations of disclosable pecuniary interests and other interests from "
        "members in respect of any item on this agenda."
    ),
    "minutes": (
        "That the minutes of the meeting held on {date} be taken as read and signed as a "
        "correct record."
    ),
    "urgent_business": (
        "To consider any business which the chair decides is urgent, for the reasons to be "
        "stated at the meeting."
    ),
    "exclusion": (
        "To resolve that the press and public be excluded from the meeting for the following "
        "item(s) of business on the grounds that they involve the likely disclosure of exempt "
        "information as defined in Part 1 of Schedule 12A to the Local Government Act 1972."
    ),
}


def schedule_12a_text(paragraph: int) -> str:
    """The standard wording shown on a public agenda in place of an exempt item."""
    return (
        f"This item is not for publication by virtue of paragraph {paragraph} of Part 1 of "
        "Schedule 12A to the Local Government Act 1972"
    )


class AgendaMeeting(Model):
    committee: str
    date: UKDate
    time: str
    venue: str
    nation: Literal["england", "wales"] = "england"


class Membership(Model):
    chair: str
    vice_chair: str | None = None
    members: TextList = Field(default_factory=list)


class Clerk(Model):
    name: str
    job_title: str | None = None
    phone: str | None = None
    email: str | None = None


class AgendaAppendix(Model):
    title: str
    file: str

    @model_validator(mode="after")
    def _is_docx(self) -> AgendaAppendix:
        if not self.file.lower().endswith(".docx"):
            raise ValueError(f"an appendix must be a .docx file, got '{self.file}'")
        return self


class Item(Model):
    """One agenda item: a standard item, a report bundle or a ready-made .docx."""

    standard: StandardKind | None = None
    report: str | None = None
    document: str | None = None
    title: str | None = None
    text: str | None = None
    date: UKDate | None = None
    wards: TextList | None = None
    appendices: list[AgendaAppendix] | None = None
    exempt_paragraph: int | None = Field(default=None, ge=1, le=7)
    supplement: int | None = Field(default=None, ge=1, le=99)
    # A report written for another council or meeting, taken into this agenda on purpose:
    # the difference is then a warning, not an error (reportgen.pack.items).
    from_elsewhere: bool = False

    @model_validator(mode="after")
    def _one_kind(self) -> Item:
        if self.report is not None and (self.standard is not None or self.document is not None):
            raise ValueError("an item is a report bundle ('report:') or a document "
                             "('document:'), not both, and a report is not a standard item")
        if self.standard is None and self.report is None and self.document is None:
            raise ValueError("each item needs 'standard:', 'report:' (a bundle folder) or "
                             "'document:' (a .docx file)")
        if self.document is not None and not self.document.lower().endswith(".docx"):
            raise ValueError(f"document must be a .docx file, got '{self.document}'")
        if self.standard is None and self.report is None and not self.title:
            raise ValueError("an item with a ready-made document needs a title")
        if self.standard == "minutes" and self.date is None:
            raise ValueError("the minutes item needs the date of the previous meeting "
                             "(date: 2016-07-12)")
        if self.standard is not None and self.document is None and self.appendices:
            raise ValueError("only report and document items can have appendices")
        if self.from_elsewhere and self.report is None:
            raise ValueError("from_elsewhere is for a report item (report:), whose report.yaml "
                             "names its own council and meeting")
        return self

    @property
    def kind(self) -> Literal["standard", "report", "document"]:
        if self.report is not None:
            return "report"
        return "standard" if self.standard is not None else "document"


class Agenda(Model):
    """Everything in agenda.yaml. ``path`` is the file itself (not written in the file)."""

    council: str
    meeting: AgendaMeeting
    publication_date: UKDate | None = None
    style: str | None = None
    # A folder of house styles (relative to the agenda's folder) where `style: NAME` is looked
    # for first, as report.yaml's styles_folder (reportgen.styles.style_places).
    styles_folder: str | None = Field(default=None, min_length=1, max_length=1000)
    # How the pack writes the meeting's date (and its publication date): on the front sheet
    # and in every report inside, so the pack names its meeting one way throughout.
    date_style: str = "weekday"
    membership: Membership
    clerk: Clerk
    items: list[Item] = Field(min_length=1)
    # Folders outside the agenda's own that its documents and appendices may come from
    # (relative to the agenda's folder): a shared appendices folder, say.
    allow_folders: TextList = Field(default_factory=list)
    path: Path = Field(default=Path(AGENDA_FILE), exclude=True)

    @field_validator("date_style")
    @classmethod
    def _known_date_style(cls, value: str) -> str:
        if value not in DATE_STYLES:
            raise ValueError(f"expected one of {', '.join(DATE_STYLES)}, got '{value}'")
        return value

    @property
    def folder(self) -> Path:
        return self.path.parent

    def document_path(self, name: str, number: int, what: str = "document",
                      within: Path | None = None) -> Path:
        """A document or appendix named in agenda.yaml (or, with ``within``, in a report
        bundle in that folder), refused unless it lies, links followed, inside the agenda's
        folder tree (the bundle's) or a folder of ``allow_folders``: reportgen runs with the
        server's rights, and an agenda's author should reach only the papers meant for it."""
        base = within if within is not None else self.folder
        path = Path(name) if Path(name).is_absolute() else base / name
        real = path.resolve()
        roots = [base.resolve(), *(self.resolve(f).resolve() for f in self.allow_folders)]
        if any(real == root or root in real.parents for root in roots):
            return path
        where = "the report's folder" if within is not None else "the agenda's folder"
        raise ReportgenError(
            f"agenda item {number}: {what} '{name}' is outside {where} ({base}); move it "
            "there, or list its folder under allow_folders: in agenda.yaml", file=self.path)

    def resolve(self, name: str) -> Path:
        """A path written in agenda.yaml, relative to the agenda's folder."""
        path = Path(name)
        return path if path.is_absolute() else self.folder / path

    @property
    def supplements(self) -> list[int]:
        return sorted({i.supplement for i in self.items if i.supplement is not None})


def agenda_from_data(data: Any, path: Path, lines: dict[Loc, int] | None = None) -> Agenda:
    """Validate an already-parsed agenda.yaml mapping (used by tests and ``load_agenda``)."""
    if not isinstance(data, dict):
        raise ReportgenError("expected a mapping of fields (council, meeting, items, …)",
                             file=path)
    return validate_yaml(Agenda, {**data, "path": path}, path, lines)


def load_agenda(path: str | Path) -> Agenda:
    """Load and validate ``agenda.yaml`` (or the agenda.yaml inside a folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / AGENDA_FILE
    data, lines = load_yaml(path)
    return agenda_from_data(data, path, lines)
