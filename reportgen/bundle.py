"""The report bundle: ``report.yaml`` and the data files it names, as a typed model.

A bundle is the folder an officer keeps for one report. Every field of ``report.yaml`` is
described in ``docs/bundle.md``. Loading never guesses types (see :mod:`reportgen.yamlload`)
and turns every validation problem into a one-line :class:`~reportgen.errors.ReportgenError`
naming the line of ``report.yaml``, with a "did you mean" for misspelt field names.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from reportgen import limits
from reportgen.config import Model, validate_yaml
from reportgen.dates import DateError, parse_date
from reportgen.errors import ReportgenError
from reportgen.xmltext import clean_xml_text
from reportgen.yamlload import Loc, load_yaml

BUNDLE_FILE = "report.yaml"


def _parse_date(value: Any) -> Any:
    """A date by the grammar every input shares (:mod:`reportgen.dates`); never month-first."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except DateError as exc:
        raise ValueError(exc.message) from None


#: A short form the narrative uses: "CSC", "HtST", "SEND", "C&F", "0-25".
_ABBREVIATION = re.compile(r"[A-Z0-9][A-Za-z0-9&/-]{1,11}")


def _as_list(value: Any) -> Any:
    """Let a single value stand for a one-item list (``wards: All``)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


UKDate = Annotated[dt.date, BeforeValidator(_parse_date)]
TextList = Annotated[list[str], BeforeValidator(_as_list)]


class Meeting(Model):
    committee: str
    date: UKDate
    time: str | None = None
    venue: str | None = None
    nation: Literal["england", "wales"] = "england"


def _as_text(value: Any) -> Any:
    """A number written for a text field (``agenda_item: 4``) is that text."""
    return value if value is None or isinstance(value, str) else str(value)


class Report(Model):
    title: str
    # A line under the title ("Further Information"), printed where the style's title lines
    # name it, else in the details (other_details()).
    subtitle: str | None = None
    agenda_item: Annotated[str | None, BeforeValidator(_as_text)] = None
    type: Literal["information", "decision"]
    key_decision: bool = False
    key_decision_notice: UKDate | None = None
    exempt: bool = False
    exempt_paragraph: int | None = Field(default=None, ge=1, le=7)
    call_in: bool | None = None
    wards: TextList = Field(default_factory=lambda: ["All"])
    enclosures: TextList = Field(default_factory=list)
    responsible_officer: str
    portfolio_holder: str | None = None
    classification: str | None = None
    author: str | None = None
    report_by: str | None = None
    directorate: str | None = None
    publication_date: UKDate | None = None

    @model_validator(mode="after")
    def _exempt_needs_paragraph(self) -> Report:
        if self.exempt and self.exempt_paragraph is None:
            raise ValueError(
                "an exempt report must name its paragraph of Schedule 12A Part 1 "
                "(exempt_paragraph: 1 to 7)"
            )
        return self

    @property
    def classification_text(self) -> str:
        if self.classification:
            return self.classification
        return "Exempt" if self.exempt else "Open"


SECTION_IDS = (
    "summary",
    "report",
    "alternative_options",
    "financial_implications",
    "legal_implications",
    "equalities",
    "community_impact",
    "risk_management",
    "council_priorities",
    "consultees",
    "background",
)


class Sections(Model):
    """Narrative sections, each in the Markdown subset of docs/bundle.md, with Jinja2
    expressions over the metrics."""

    summary: str | None = None
    report: str | None = None
    alternative_options: str | None = None
    financial_implications: str | None = None
    legal_implications: str | None = None
    equalities: str | None = None
    community_impact: str | None = None
    risk_management: str | None = None
    council_priorities: str | None = None
    consultees: str | None = None
    background: str | None = None


class Recommendation(Model):
    text: str
    reason: str | None = None


_ROLE_TITLES = {
    "chief_financial_officer": "Chief Financial Officer",
    "monitoring_officer": "Monitoring Officer",
    "other": "Officer",
}


class Clearance(Model):
    """One row of statutory officer clearance: given (name and date), still to be signed
    (``status: pending``: name and date may be blank) or not required for this kind of report
    (``status: not_required`` with the reason, which is printed)."""

    role: Literal["chief_financial_officer", "monitoring_officer", "other"]
    status: Literal["cleared", "pending", "not_required"] = "cleared"
    name: str | None = None
    role_title: str | None = None
    on_behalf: bool = True
    date: UKDate | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _status_needs(self) -> Clearance:
        if self.status == "cleared" and (not self.name or self.date is None):
            raise ValueError("a clearance given needs the officer's name and the date "
                             "(or status: pending while it is still to be signed)")
        if self.status == "not_required":
            if not self.reason:
                raise ValueError("clearance not required needs the reason (reason: …)")
            if self.name or self.date is not None:
                raise ValueError("clearance not required cannot also have a name or a date")
        elif self.reason:
            raise ValueError("reason: is for clearance not required (status: not_required)")
        return self

    @property
    def role_text(self) -> str:
        return self.role_title or _ROLE_TITLES[self.role]

    @property
    def cleared(self) -> bool:
        return self.status == "cleared"

    @property
    def capacity_text(self) -> str:
        """'on behalf of the Chief Financial Officer', or the role itself when the officer
        signs as that officer (``on_behalf: no``)."""
        if self.on_behalf and self.status != "not_required":
            return f"on behalf of the {self.role_text}"
        return self.role_text


class Contact(Model):
    name: str
    job_title: str | None = None
    phone: str | None = None
    email: str | None = None


class Appendix(Model):
    title: str
    file: str | None = None
    # Printed instead of the style's label ("Appendix A"): e.g. "Annex 1".
    label: str | None = None


class EqualityImpact(Model):
    carried_out: bool = False
    date: UKDate | None = None
    reason: str | None = None
    cleared_by: str | None = None


def _notice(value: Any) -> Any:
    """``ward_councillors_notified: no`` is shorthand for ``{notified: no}``."""
    return value if value is None or isinstance(value, dict) else {"notified": value}


class Notice(Model):
    notified: bool
    reason: str | None = None


ROLES = ("summary", "recommendations", "reasons", "options", "report", "background",
         "financial", "legal", "equalities", "community", "risk", "priorities", "hr",
         "property", "consultation")
Role = Literal["summary", "recommendations", "reasons", "options", "report", "background",
               "financial", "legal", "equalities", "community", "risk", "priorities", "hr",
               "property", "consultation"]
#: The role of each fixed section of ``sections:``.
SECTION_ROLES: dict[str, str] = {
    "summary": "summary",
    "report": "report",
    "alternative_options": "options",
    "financial_implications": "financial",
    "legal_implications": "legal",
    "equalities": "equalities",
    "community_impact": "community",
    "risk_management": "risk",
    "council_priorities": "priorities",
    "consultees": "consultation",
    "background": "background",
}
SECTION_TITLES = {
    "summary": "Summary",
    "report": "Report",
    "alternative_options": "Alternative options",
    "financial_implications": "Financial implications",
    "legal_implications": "Legal implications",
    "equalities": "Equalities implications",
    "community_impact": "Community impact",
    "risk_management": "Risk management",
    "council_priorities": "Council priorities",
    "consultees": "Consultees",
    "background": "Background",
}
#: The plain name of each role: in messages, and the heading of a part the form requires
#: but the body leaves out (unless the style's part_headings names it).
ROLE_NAMES = {
    "summary": "Summary", "recommendations": "Recommendations",
    "reasons": "Reasons for the recommendations", "options": "Alternative options",
    "report": "Report", "background": "Background", "financial": "Financial implications",
    "legal": "Legal implications", "equalities": "Equalities implications",
    "community": "Community impact", "risk": "Risk management",
    "priorities": "Council priorities", "hr": "Human resources implications",
    "property": "Property implications", "consultation": "Consultation",
}


#: What a body section's id may be (a style's notes: are checked against it too).
SECTION_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,63}$"


class BodySection(Model):
    """One section of the officer's body: its own heading (any wording), an optional
    statutory role so the checks find it, its text (the Markdown subset) and sub-sections."""

    id: str = Field(pattern=SECTION_ID_PATTERN)
    heading: str
    role: Role | None = None
    text: str | None = None
    subsections: list[BodySection] = Field(default_factory=list)

    @field_validator("heading")
    @classmethod
    def _heading_has_words(cls, value: str) -> str:
        # Stripped already (Model strips whitespace): an empty heading would print an empty
        # Heading paragraph, which screen readers announce as a heading with no name.
        if not value:
            raise ValueError("a section needs a heading (write one, or put its text in the "
                             "section before it)")
        return value


def walk_sections(sections: list[BodySection], depth: int = 1
                  ) -> list[tuple[int, BodySection]]:
    """Every section with its depth (1 for the top level), in document order."""
    out: list[tuple[int, BodySection]] = []
    for section in sections:
        out.append((depth, section))
        out.extend(walk_sections(section.subsections, depth + 1))
    return out


class DataFiles(Model):
    placements: str | None = None
    savings: str | None = None
    budget: str | None = None
    benchmarks: str | None = None
    indicators: str | None = None
    # With ssda903_header, placements is an SSDA903 episodes file joined to placement_costs.
    ssda903_header: str | None = None
    placement_costs: str | None = None


class DisclosureSymbols(Model):
    """What a hidden or empty cell shows (GSS/DfE convention; see docs/checks.md)."""

    confidential: str = Field(default="c", min_length=1, max_length=12)
    not_applicable: str = Field(default="z", min_length=1, max_length=12)
    rounds_to_zero: str = Field(default="k", min_length=1, max_length=12)
    not_available: str = Field(default="x", min_length=1, max_length=12)


class Settings(Model):
    top_n: int = Field(default=20, ge=1, le=500)
    suppression_threshold: int = Field(default=5, ge=0)
    table_units: Literal["£", "£000s"] = "£"
    public: bool = True
    symbols: DisclosureSymbols = Field(default_factory=DisclosureSymbols)


class Bundle(Model):
    """Everything in report.yaml. ``path`` is the bundle folder (not written in the file)."""

    council: str
    style: str | None = None
    # A folder of house styles (relative to the bundle folder) where `style: NAME` is looked
    # for first (reportgen.styles.style_places).
    styles_folder: str | None = Field(default=None, min_length=1, max_length=1000)
    meeting: Meeting
    report: Report
    period: str | None = None
    as_at: UKDate | None = None
    data: DataFiles = Field(default_factory=DataFiles)
    sections: Sections = Field(default_factory=Sections)
    body: list[BodySection] | None = None
    recommendations: list[Recommendation] = Field(default_factory=list)
    clearance: list[Clearance] = Field(default_factory=list)
    ward_councillors_notified: Annotated[Notice | None, BeforeValidator(_notice)] = None
    equality_impact: EqualityImpact | None = None
    contacts: list[Contact] = Field(default_factory=list)
    background_papers: TextList = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)
    texts: dict[str, str] = Field(default_factory=dict)
    # Short forms the narrative uses for a budget line, savings area or the report's own scope
    # ("CSC: Children's Social Care"): the figure checker reads each as what it stands for.
    abbreviations: dict[str, str] = Field(default_factory=dict)
    # What the budget data are of: the whole council's budget, a directorate's or one
    # service's. The figure check then knows which names ("the Council", "the directorate")
    # name the data's totals; undeclared, the council's name is taken for them only by guess.
    budget_scope: Literal["council", "directorate", "service"] | None = None
    settings: Settings = Field(default_factory=Settings)
    path: Path = Field(default=Path("."), exclude=True)

    @field_validator("period")
    @classmethod
    def _period_is_valid(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from reportgen.periods import parse_period

        try:
            return parse_period(value).label
        except ReportgenError as exc:
            raise ValueError(exc.message) from None

    @field_validator("abbreviations")
    @classmethod
    def _abbreviations_are_short_forms(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > limits.MAX_ABBREVIATIONS:
            raise ValueError(f"give at most {limits.MAX_ABBREVIATIONS} abbreviations")
        for short, full in value.items():
            if not _ABBREVIATION.fullmatch(short):
                raise ValueError(f"'{short[:40]}' is not an abbreviation: give a short form of "
                                 "2 to 12 letters or digits, starting with a capital letter "
                                 "(e.g. CSC: Children's Social Care)")
            if not full.strip() or len(full) > 200:
                raise ValueError(f"{short}: give what it stands for, in 1 to 200 characters")
            if full.strip().casefold() == short.casefold():
                raise ValueError(f"{short}: stands for itself; give the words it shortens")
        return value

    @field_validator("as_at")
    @classmethod
    def _as_at_in_period(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        """The data's date must fall in the report's period and not after its publication:
        a date outside picks placements and flows of another period."""
        if value is None:
            return None
        from reportgen.periods import parse_period

        def day(when: dt.date) -> str:
            return f"{when.day} {when:%B %Y}"

        period = info.data.get("period")
        if isinstance(period, str):
            when = parse_period(period)
            if not when.start <= value <= when.end:
                raise ValueError(f"{day(value)} is outside the report's period {when.label} "
                                 f"({day(when.start)} to {day(when.end)})")
        report = info.data.get("report")
        published = getattr(report, "publication_date", None)
        if isinstance(published, dt.date) and value > published:
            raise ValueError(f"{day(value)} is after the report's publication date "
                             f"({day(published)}): data cannot be as at a later day")
        return value

    @model_validator(mode="after")
    def _body_is_one_outline(self) -> Bundle:
        if self.body is None:
            return self
        if self.sections.model_fields_set:
            raise ValueError("give the body either as sections: or as body:, not both")
        walked = walk_sections(self.body)
        if len(walked) > limits.MAX_BODY_SECTIONS:
            raise ValueError(f"body has more than {limits.MAX_BODY_SECTIONS} sections")
        seen: set[str] = set()
        roles: set[str] = set()
        for depth, section in walked:
            if depth > limits.MAX_BODY_DEPTH:
                raise ValueError(f"body section '{section.id}' is nested deeper than "
                                 f"{limits.MAX_BODY_DEPTH} levels")
            if section.id in seen:
                raise ValueError(f"two body sections have the id '{section.id}'")
            seen.add(section.id)
            if section.role:
                if section.role in roles:
                    raise ValueError(f"two body sections have the role '{section.role}' "
                                     "(give each statutory part once)")
                roles.add(section.role)
        return self

    def body_sections(self) -> list[BodySection]:
        """The body as an ordered outline: ``body:`` as written, or the fixed ``sections:``
        mapped onto it (id = the section's key, role from SECTION_ROLES)."""
        if self.body is not None:
            return list(self.body)
        return [BodySection(id=key, heading=SECTION_TITLES[key],
                            role=SECTION_ROLES[key], text=text)  # type: ignore[arg-type]
                for key in SECTION_IDS if (text := getattr(self.sections, key))]

    def role_section(self, role: str) -> BodySection | None:
        for _, section in walk_sections(self.body_sections()):
            if section.role == role:
                return section
        return None

    def role_text(self, role: str) -> str | None:
        """The text the officer gave for a statutory part (with its sub-sections'), if any."""
        section = self.role_section(role)
        if section is None:
            return None
        texts = [s.text for _, s in walk_sections([section]) if s.text]
        return "\n\n".join(texts) if texts else None

    def narrative_texts(self) -> list[tuple[str, str]]:
        """``(where, text)`` for every body text the officer typed, in document order."""
        if self.body is None:
            return [(f"sections.{key}", text) for key in SECTION_IDS
                    if (text := getattr(self.sections, key))]
        return [(f"body.{s.id}", s.text) for _, s in walk_sections(self.body) if s.text]

    def data_path(self, kind: str) -> Path | None:
        name = getattr(self.data, kind)
        return None if name is None else self.path / name

    @property
    def yaml_path(self) -> Path:
        return self.path / BUNDLE_FILE


def _clean_text(value: Any) -> Any:
    """``value`` with every string stripped of characters a Word document cannot hold.

    Text pasted from Word or an e-mail brings them along (Word's line break is a vertical tab);
    left in, they make the rendered XML invalid.
    """
    if isinstance(value, str):
        return clean_xml_text(value.replace("\v", " ").replace("\f", " "))
    if isinstance(value, list):
        return [_clean_text(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_text(v) for k, v in value.items()}
    return value


def bundle_from_data(data: Any, path: Path, lines: dict[Loc, int] | None = None) -> Bundle:
    """Validate an already-parsed report.yaml mapping (used by tests and ``load_bundle``)."""
    yaml_path = path / BUNDLE_FILE
    if not isinstance(data, dict):
        raise ReportgenError("expected a mapping of fields (council, meeting, report, …)",
                             file=yaml_path)
    return validate_yaml(Bundle, {**_clean_text(data), "path": path}, yaml_path, lines)


def load_bundle(folder: str | Path) -> Bundle:
    """Load and validate the bundle in ``folder`` (or the report.yaml named directly)."""
    path = Path(folder)
    if path.name.endswith((".yaml", ".yml")) and os.path.lexists(path) and not path.is_dir():
        # load_yaml refuses anything but a regular file (a FIFO, a device) in one line.
        yaml_path, path = path, path.parent
    else:
        if not path.is_dir():
            raise ReportgenError("bundle folder not found", file=path)
        yaml_path = path / BUNDLE_FILE
        if not os.path.lexists(yaml_path):
            raise ReportgenError(f"no {BUNDLE_FILE} in the bundle folder", file=path)
    data, lines = load_yaml(yaml_path)
    return bundle_from_data(data, path, lines)
