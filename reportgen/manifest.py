"""The build manifest (``build.yaml``): which recurring reports and agenda packs to rebuild.

Every field is described in ``docs/build.md``. As with ``report.yaml``, values are read as text
and typed here; every problem becomes a one-line :class:`~reportgen.errors.ReportgenError`
naming the line of ``build.yaml``.

    reports:
      - path: harrow-2016-high-cost-placements        # a bundle folder, relative to build.yaml
        output: high-cost-placements-{period}.docx    # optional, relative to --out
      - path: rotherham-2010-commissioning
        period: fixed                                 # keep the bundle's own (annual) period
    packs:
      - path: agenda-corporate-parenting/agenda.yaml
    html: true                                        # also the web pages and agenda.json
    calendar:                                         # the meeting each period's papers go to
      2016/17 Q1: {meeting: 2016-07-26, publication_date: 2016-07-15}
      2016/17 Q2: {meeting: 2016-10-25, clear_days: statutory}
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator

from reportgen.bundle import UKDate
from reportgen.config import Model, validate_yaml
from reportgen.errors import ReportgenError, escape_controls, quote
from reportgen.periods import Period, parse_period
from reportgen.yamlload import Loc, load_yaml

MANIFEST_FILE = "build.yaml"
#: The names an output pattern may use.
PLACEHOLDERS = ("period", "name")


#: One placeholder exactly as written: no format spec, conversion or index ({name:>9},
#: {name!r}, {name[0]}), which str.format would run on a name from the manifest.
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
#: The longest file or folder name most file systems take, in bytes.
MAX_NAME_BYTES = 255


def _check_name(name: str) -> str | None:
    """Why ``name`` (an output path) cannot be written, or None: a control character (CR
    and LF forge log lines, NUL ends a C string) or bidirectional override in it, or a part
    of it too long for a file system."""
    shown = escape_controls(name)
    if shown != name:  # each shown escaped, white space too (quote() would fold it)
        shown = shown if len(shown) <= 60 else shown[:59] + "\u2026"
        return (f"'{shown}' holds a control character or a text-direction mark, which "
                "no output name may hold")
    long = [part for part in re.split(r"[/\\]", name)
            if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES]
    if long:
        return f"{quote(long[0])} is longer than a file name may be ({MAX_NAME_BYTES} bytes)"
    return None


def _check_pattern(pattern: str) -> str:
    """An output name pattern must stay inside --out, end in .docx and use {period} and
    {name} only, as written (a brace anywhere else is refused)."""
    stray = next((m for m in re.finditer(r"\{(?:period|name)\}|[{}]", pattern)
                  if len(m.group()) == 1), None)
    if stray is not None:  # shown from the stray brace to the next closing one
        shown = re.match(r"\}|\{[^}]*\}?", pattern[stray.start():])
        raise ValueError(f"unknown placeholder {quote(shown.group() if shown else '{')} in "
                         f"{quote(pattern)} (expected "
                         f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)}, with nothing "
                         "inside the braces but the name)")
    problem = _check_name(pattern)
    if problem:
        raise ValueError(problem)
    path = PurePosixPath(pattern.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", pattern):
        raise ValueError(f"'{pattern}' must be a file name inside the output folder")
    if not pattern.lower().endswith(".docx"):
        raise ValueError(f"'{pattern}' must end in .docx")
    return pattern


class ReportEntry(Model):
    """One report bundle to rebuild."""

    path: str
    output: str | None = None
    style: str | None = None
    # "build": use --period (a recurring report); "fixed": keep the bundle's own period.
    period: Literal["build", "fixed"] = "build"
    # Also write the report's web page (NAME.html beside NAME.docx); None: the manifest's.
    html: bool | None = None

    @model_validator(mode="after")
    def _valid_output(self) -> ReportEntry:
        if self.output is not None:
            _check_pattern(self.output)
        return self


class PackEntry(Model):
    """One agenda pack to assemble (its reports are built for the period as their own entries
    are: the build's, unless listed with `period: fixed`)."""

    path: str
    output: str | None = None
    # Also write the agenda page, agenda.json and the item pages, in a folder of their own
    # (the pack's output name without .docx); None: the manifest's.
    html: bool | None = None

    @model_validator(mode="after")
    def _valid_output(self) -> PackEntry:
        if self.output is not None:
            _check_pattern(self.output)
        return self


def _clear_days(value: Any) -> Any:
    """``clear_days: statutory`` is the nation's own rule (None); a number is the council's."""
    if isinstance(value, str) and value.strip().lower() == "statutory":
        return None
    if isinstance(value, str) and not value.strip().isdigit():
        raise ValueError(f"expected 'statutory' or a whole number of clear working days, "
                         f"got '{value.strip()[:40]}'")
    return value



class CalendarEntry(Model):
    """The meeting that receives one period's papers: its date, and either the date the
    papers are published or the deadline rule (clear working days before the meeting)."""

    meeting: UKDate
    publication_date: UKDate | None = None
    # None: the statutory rule (5 clear working days in England, 3 in Wales).
    clear_days: Annotated[Annotated[int, Field(ge=0, le=60)] | None,
                          BeforeValidator(_clear_days)] = None

    @model_validator(mode="before")
    @classmethod
    def _known_fields(cls, data: Any) -> Any:
        # Said here, with a "did you mean": an entry sits under a period, where the general
        # message cannot find the fields it expects.
        if isinstance(data, dict):
            known = list(cls.model_fields)
            for key in data:
                if key not in known:
                    guess = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
                    hint = (f"did you mean '{guess[0]}'?" if guess
                            else f"expected {', '.join(known)}")
                    raise ValueError(f"unknown field '{str(key)[:40]}': {hint}")
        return data

    @model_validator(mode="after")
    def _one_rule(self) -> CalendarEntry:
        rule = "clear_days" in self.model_fields_set
        if self.publication_date is None and not rule:
            raise ValueError("give the meeting's publication_date: or its deadline rule "
                             "(clear_days: statutory, or a number of clear working days)")
        if self.publication_date is not None and rule:
            raise ValueError("give publication_date: or clear_days:, not both (the date is "
                             "the deadline)")
        if self.publication_date is not None and self.publication_date >= self.meeting:
            raise ValueError(f"publication_date {self.publication_date.isoformat()} is not "
                             f"before the meeting on {self.meeting.isoformat()}")
        return self


@dataclass(frozen=True)
class Scheduled:
    """The meeting a period's papers go to, as build.yaml's calendar gives it.

    ``where`` names the entry for messages (``build.yaml, calendar '2016/17 Q2'``)."""

    period: str
    meeting: dt.date
    publication_date: dt.date | None
    clear_days: int | None
    where: str

    def publication_for(self, nation: str) -> dt.date:
        """The day the papers are published: the calendar's date, or the last day its
        deadline rule allows for a meeting in ``nation``."""
        if self.publication_date is not None:
            return self.publication_date
        from reportgen.deadlines import last_publication_date

        return last_publication_date(self.meeting, nation, self.clear_days)


class Manifest(Model):
    """Everything in build.yaml. ``path`` is the file itself (not written in the file)."""

    reports: list[ReportEntry] = Field(default_factory=list)
    packs: list[PackEntry] = Field(default_factory=list)
    # Every entry also writes its web pages (and a pack its agenda.json), unless it says no.
    html: bool = False
    # The committee calendar: period label → the meeting that receives its papers.
    calendar: dict[str, CalendarEntry] | None = None
    path: Path = Field(default=Path(MANIFEST_FILE), exclude=True)

    @field_validator("calendar", mode="before")
    @classmethod
    def _periods_as_keys(cls, value: Any) -> Any:
        """Each key is a period as people write it, stored as its label; a period twice
        (``2016/17 Q2`` and ``2016-17 q2``) is an error."""
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        written: dict[str, str] = {}
        for key, entry in value.items():
            try:
                label = parse_period(str(key)).label
            except ReportgenError as exc:
                raise ValueError(f"'{str(key)[:40]}' is not a period: "
                                 f"{exc.message.split(': ', 1)[-1]}") from None
            if label in out:
                raise ValueError(f"'{written[label]}' and '{key}' are the same period "
                                 f"({label}): give its meeting once")
            out[label] = entry
            written[label] = str(key)
        return out

    @model_validator(mode="after")
    def _not_empty(self) -> Manifest:
        if not self.reports and not self.packs:
            raise ValueError("the manifest lists no reports and no packs")
        return self

    def scheduled(self, period: Period) -> Scheduled | None:
        """The meeting of ``period`` from the calendar; None without a calendar.

        Raises :class:`ReportgenError` naming build.yaml when the calendar has no entry for
        the period: a build must not send a quarter's papers to another quarter's meeting."""
        if self.calendar is None:
            return None
        entry = self.calendar.get(period.label)
        if entry is None:
            named = ", ".join(sorted(self.calendar, key=lambda k: parse_period(k).sort_key))
            raise ReportgenError(f"calendar: no meeting for {period.label} (the calendar names "
                                 f"{named or 'none'}): add its meeting date and publication "
                                 "date or deadline rule", file=self.path)
        return Scheduled(period.label, entry.meeting, entry.publication_date,
                         entry.clear_days, f"{self.path.name}, calendar '{period.label}'")

    @property
    def folder(self) -> Path:
        return self.path.parent

    def html_for(self, entry: ReportEntry | PackEntry) -> bool:
        """Whether ``entry`` writes web pages: its own ``html``, else the manifest's."""
        return self.html if entry.html is None else entry.html

    def style_for(self, entry: ReportEntry) -> str | None:
        """A report's ``style:`` as :func:`reportgen.styles.resolve_style` takes it: a
        built-in or folder name as written (a folder name is looked for in the bundle's
        places, :func:`reportgen.styles.style_places`), a path made absolute from the
        manifest's folder (never the working folder, nor the bundle's)."""
        style = entry.style
        if style is None or ("/" not in style and "\\" not in style
                             and not style.lower().endswith(".docx")):
            return style
        return str(self.resolve(style).absolute())

    def resolve(self, name: str) -> Path:
        """A path written in build.yaml, relative to the manifest's folder."""
        path = Path(name)
        return path if path.is_absolute() else self.folder / path


def period_slug(period: Period) -> str:
    """The period as it appears in a file name: "2016/17 Q2" → "2016-17-Q2"."""
    return re.sub(r"[^A-Za-z0-9]+", "-", period.label).strip("-")


def source_name(source: Path) -> str:
    """``{name}`` of a bundle (its folder name) or an agenda (its folder, for agenda.yaml)."""
    if source.suffix.lower() in (".yaml", ".yml"):
        return source.parent.name if source.stem == "agenda" else source.stem
    return source.name


def output_name(pattern: str | None, source: Path, period: Period | None,
                manifest: Path | None = None) -> str:
    """The output file name: the pattern filled in, or ``{name}[-{period}].docx``."""
    if pattern is None:
        pattern = "{name}-{period}.docx" if period is not None else "{name}.docx"
    if "{period}" in pattern and period is None:
        raise ReportgenError(f"output '{pattern}' uses {{period}} but this entry keeps its own "
                             "period: write the period into the name instead", file=manifest)
    values = {"period": period_slug(period) if period is not None else "",
              "name": source_name(source)}
    name = _PLACEHOLDER.sub(lambda m: values[m.group(1)], pattern)
    problem = _check_name(name)
    if problem:  # {name} is a folder's name: it may hold anything a file system allows
        raise ReportgenError(f"output {problem}", file=manifest)
    return name


def manifest_from_data(data: Any, path: Path, lines: dict[Loc, int] | None = None) -> Manifest:
    """Validate an already-parsed build.yaml mapping (used by tests and ``load_manifest``)."""
    if not isinstance(data, dict):
        raise ReportgenError("expected a mapping with 'reports:' and/or 'packs:'", file=path)
    return validate_yaml(Manifest, {**data, "path": path}, path, lines)


def load_manifest(path: str | Path) -> Manifest:
    """Load and validate ``build.yaml`` (or the build.yaml inside a folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST_FILE
    data, lines = load_yaml(path)
    return manifest_from_data(data, path, lines)
