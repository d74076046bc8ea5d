"""The library API the CLI and the tests call: load → validate → metrics → render → check.

:func:`produce` is the only place the stages are chained; every command (render, check, pack,
build) calls it and gets objects back, never printed lines.

>>> from reportgen.pipeline import produce
>>> produced = produce("fixtures/harrow-2016-high-cost-placements")
>>> produced.result.docx[:2]           # the .docx bytes, nothing written
b'PK'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen import budget
from reportgen.bundle import Bundle, load_bundle
from reportgen.checks.findings import HasFindings
from reportgen.errors import ReportgenError
from reportgen.styles import HouseStyle, resolve_style, style_places

if TYPE_CHECKING:
    import pandas as pd

    from reportgen.checks.findings import Finding
    from reportgen.manifest import Scheduled
    from reportgen.metrics import Metrics
    from reportgen.render.docx import RenderResult

DATASETS = ("placements", "savings", "budget", "benchmarks", "indicators")


@dataclass(frozen=True)
class BuildPeriod:
    """A scheduled build's period, and the bundles that keep their own.

    ``reportgen build`` passes one to the packs it assembles, so that each report of a pack is
    built for the period its own entry of build.yaml would give it: the build's, unless the
    manifest lists that bundle with ``period: fixed`` (an annual paper in a quarterly meeting).
    A pack's Harrow report then shows the same quarter's figures as the Harrow report beside it.
    """

    label: str
    fixed: frozenset[Path] = frozenset()
    # The meeting the build's papers go to (build.yaml's calendar): every bundle, fixed or not.
    meeting: Scheduled | None = None

    def for_bundle(self, bundle_dir: str | Path) -> str | None:
        """The period to build ``bundle_dir`` for: the build's, or None (its own)."""
        return None if Path(bundle_dir).resolve() in self.fixed else self.label

    def __str__(self) -> str:
        return self.label


@dataclass
class LoadedReport:
    """A bundle with its validated data sets and computed metrics."""

    bundle: Bundle
    datasets: dict[str, pd.DataFrame]
    metrics: Metrics
    # The calendar's meeting the bundle's dates came from (a build's), for the date checks.
    meeting: Scheduled | None = None
    #: When the command's time runs out (reportgen/budget.py): produce() keeps to it.
    deadline: float = field(default_factory=budget.new_deadline)


def load_datasets(bundle: Bundle) -> dict[str, pd.DataFrame]:
    """Read and validate every data file the bundle names."""
    from reportgen.data.schemas import load_dataset

    datasets = {}
    for kind in DATASETS:
        path = bundle.data_path(kind)
        if path is not None and kind == "placements" and bundle.data.ssda903_header:
            from reportgen.data.episodes import load_ssda903_bundle

            datasets.update(load_ssda903_bundle(bundle))
        elif path is not None:
            datasets[kind] = load_dataset(path, kind, root=bundle.path)  # type: ignore[arg-type]
    return datasets


def load_report(bundle_dir: str | Path, period: str | BuildPeriod | None = None,
                meeting: Scheduled | None = None) -> LoadedReport:
    """Load a bundle folder, validate its data and compute its metrics.

    ``period`` (e.g. "2016/17 Q2", from ``reportgen build --period``) replaces the bundle's
    own period, so one bundle is rebuilt every quarter; its ``as_at`` then becomes the new
    period's end, as a date fixed for the old period would pick the wrong placements. A
    :class:`BuildPeriod` says per bundle whether to replace it. ``meeting`` (or the
    BuildPeriod's) replaces the meeting date and publication date (build.yaml's calendar).
    The period's names in the title and the other short fields are then filled in
    (:mod:`reportgen.period_fields`).
    """
    from reportgen.metrics import compute_metrics
    from reportgen.period_fields import fill_period_fields
    from reportgen.periods import parse_period

    if isinstance(period, BuildPeriod):
        meeting = meeting or period.meeting
        period = period.for_bundle(bundle_dir)

    bundle = load_bundle(bundle_dir)
    if period is not None:
        label = parse_period(period).label
        if label != bundle.period:
            bundle = bundle.model_copy(update={"period": label, "as_at": None})
    if meeting is not None:
        bundle = scheduled_bundle(bundle, meeting)
    datasets = load_datasets(bundle)
    when = parse_period(bundle.period) if bundle.period else None
    try:
        metrics = compute_metrics(datasets, period=when, as_at=bundle.as_at,
                                  top_n=top_rows_needed(bundle), council=bundle.council)
    except ReportgenError as exc:
        if exc.file is None:
            raise ReportgenError(exc.message, file=bundle.yaml_path) from None
        raise
    return LoadedReport(bundle=fill_period_fields(bundle, metrics), datasets=datasets,
                        metrics=metrics, meeting=meeting)


def scheduled_bundle(bundle: Bundle, meeting: Scheduled) -> Bundle:
    """``bundle`` going to the calendar's meeting: its date, and the publication date the
    calendar gives or its deadline rule allows (for the bundle's nation)."""
    return bundle.model_copy(update={
        "meeting": bundle.meeting.model_copy(update={"date": meeting.meeting}),
        "report": bundle.report.model_copy(update={
            "publication_date": meeting.publication_for(bundle.meeting.nation)}),
    })


def check_narrative_size(bundle: Bundle) -> None:
    """Refuse a narrative longer than the whole pipeline can read within a command's time
    (MAX_NARRATIVE_CHARS), before anything reads it."""
    from reportgen import limits

    size = sum(len(text) for _, text in bundle.narrative_texts())
    if size > limits.MAX_NARRATIVE_CHARS:
        raise ReportgenError(f"the narrative is {size:,} characters long, all sections "
                             f"together: the limit is {limits.MAX_NARRATIVE_CHARS:,}",
                             file=bundle.yaml_path)


def top_rows_needed(bundle: Bundle) -> int:
    """The longest top-N table any narrative asks for (``[table: high_cost_placements 5000]``),
    or the bundle's ``settings.top_n``: metrics rank only as many placements as are shown.

    The directives are read by the narrative's own parser (render/markup.py), the one render
    uses, never by a pattern of the pipeline's."""
    from reportgen.render.markup import Directive, parse_markup
    from reportgen.render.tables import ALIASES

    check_narrative_size(bundle)  # before the first stage that reads it
    wanted = bundle.settings.top_n
    for _, text in bundle.narrative_texts():  # sections: or the body: outline
        for block in parse_markup(text):
            if not isinstance(block, Directive) or block.kind != "table" or \
                    ALIASES.get(block.name, block.name) != "high_cost_placements":
                continue
            # A number too long to be a row count is left to the table's own error message
            # (and int() of thousands of digits is refused by Python itself).
            wanted = max([wanted, *(int(a) for a in block.args
                                    if a.isascii() and a.isdigit() and len(a) <= 9)])
    return wanted


def style_for(bundle: Bundle, override: str | None = None) -> HouseStyle:
    """The house style to use: ``override`` (``--style``), else the bundle's, else the default.
    A style written as a folder name is looked for in the bundle's places (its styles folder,
    the bundle folder, the folder beside it), whoever names it; a path given to ``--style`` is
    relative to the working folder, one in report.yaml to the bundle folder."""
    places = style_places(bundle.path, bundle.styles_folder, bundle.yaml_path)
    return resolve_style(override or bundle.style, base=None if override else bundle.path,
                         places=places)


def render(loaded: LoadedReport, style: str | HouseStyle | None = None,
           public: bool | None = None) -> RenderResult:
    """Render a loaded report to .docx bytes in memory (nothing is written)."""
    from reportgen.render.docx import render_report

    house = style if isinstance(style, HouseStyle) else style_for(loaded.bundle, style)
    return render_report(loaded.bundle, loaded.metrics, house, public=public,
                         datasets=loaded.datasets)


def default_output_name(bundle: Bundle) -> str:
    """``2016-10-25-corporate-parenting-panel-high-costs-placements-monitoring-update.docx``."""

    words = f"{bundle.meeting.committee} {bundle.report.title}".lower().replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", words).strip("-")
    if len(slug) > 80:  # cut at a word boundary
        slug = slug[:81].rsplit("-", 1)[0]
    return f"{bundle.meeting.date.isoformat()}-{slug}.docx"


@dataclass(frozen=True)
class Produced(HasFindings):
    """One report taken through the whole pipeline: its data, its document and its findings."""

    loaded: LoadedReport
    result: RenderResult
    findings: list[Finding]


def produce(source: str | Path | LoadedReport, *, period: str | BuildPeriod | None = None,
            style: str | HouseStyle | None = None, public: bool | None = None,
            gate: bool = True) -> Produced:
    """Load (unless given a loaded report), render in memory and check one report.

    ``period`` replaces the bundle's own (scheduled builds, and packs inside them); ``style``
    replaces its house style; ``public`` forces public rendering (an agenda's Part I). With
    ``gate`` an error finding raises :class:`~reportgen.checks.findings.ChecksFailed` (nothing
    may be written); without it the findings are returned for ``reportgen check`` to report.
    """
    from reportgen.checks import run_checks
    from reportgen.checks.findings import ChecksFailed

    loaded = source if isinstance(source, LoadedReport) else load_report(source, period=period)
    with budget.deadline(until=loaded.deadline):  # identities, render, checks: one budget
        if gate:
            # Figures that contradict each other never reach a document: refused before the
            # render is paid for (reportgen.metrics.identities).
            from reportgen.checks.identities import identity_findings

            broken = identity_findings(loaded, public=public)
            if broken:
                raise ChecksFailed(broken, where=str(loaded.bundle.yaml_path))
        result = render(loaded, style, public=public)
        findings = run_checks(loaded, result)
    if gate and any(f.severity == "error" for f in findings):
        raise ChecksFailed(findings, where=str(loaded.bundle.yaml_path))
    return Produced(loaded, result, findings)
