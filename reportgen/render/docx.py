"""Render a bundle into its house style's Word template (docxtpl).

The template holds the layout and the headings; this module supplies the names the template
uses (see ``docs/house-styles.md``): the report's metadata, formatted phrases, and block
functions such as ``section('financial_implications')`` that return generated paragraphs and
tables written with the template's own styles.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docx
import jinja2
import jinja2.meta
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from lxml import etree
from markupsafe import Markup

from reportgen import disclosure, formatting
from reportgen.bundle import (
    ROLE_NAMES,
    SECTION_IDS,
    SECTION_ROLES,
    SECTION_TITLES,
    BodySection,
    Bundle,
    walk_sections,
)
from reportgen.context import (
    SHOWN_BY,
    appendix_labels,
    detail_rows,
    make_environment,
    metadata_texts,
    narrative_names,
    render_text,
    shown_by_template,
    standard_texts,
    template_names,
    title_parts,
)
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics
from reportgen.render import oxml
from reportgen.render.blocks import (
    NONE_MARK,
    BlockStyle,
    RowsLater,
    _set_num,
    add_runs,
    details_table,
    directive_key,
    new_numbering,
    write_blocks,
    write_labelled,
)
from reportgen.render.finish import finish_document
from reportgen.render.markup import (
    Block,
    Directive,
    Paragraph,
    Run,
    clean_xml_text,
    parse_inline,
    parse_markup,
)
from reportgen.render.package import template_bytes
from reportgen.render.tables import TableOptions, TableSpec, build_table
from reportgen.render.zipnorm import normalise_docx
from reportgen.sandbox import BlockFunction, LimitError, freeze
from reportgen.styles import DATE_FIELDS, HouseStyle, LayoutBlock

if TYPE_CHECKING:
    import pandas as pd

    from reportgen.render.charts import ChartSpec

_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_SECTION_CALL = re.compile(r"section\(([^)]*)\)")
_QUOTED = re.compile(r"['\"]([a-z_]+)['\"]")


class _StrictTemplate(DocxTemplate):
    """docxtpl re-parses the rendered body with ``recover=True``, which silently repairs (and
    loses) broken XML. Parse strictly first so corruption is an error, never a quiet gap."""

    def fix_tables(self, xml: str) -> Any:
        try:
            etree.fromstring(xml.encode("utf-8"))
        except etree.XMLSyntaxError as exc:
            raise ReportgenError(f"the template produced invalid Word XML: {exc}") from None
        return super().fix_tables(xml)

    #: Set by the renderer: the body's tables get their rows after docxtpl (see RowsLater).
    rows_later: RowsLater | None = None

    def build_xml(self, context: Any, jinja_env: Any = None) -> Any:
        # The body only: headers and footers docxtpl keeps as text, where rows cannot be
        # copied in afterwards, so their tables are written whole.
        if self.rows_later is None:
            return super().build_xml(context, jinja_env)
        with self.rows_later:
            return super().build_xml(context, jinja_env)

    def new_subdoc(self, docpath: Any = None) -> Any:
        """docxtpl opens python-docx's default package from disk for every subdoc (about
        20 ms each, a dozen a report); copy one opened blank body instead."""
        if docpath is not None:
            return super().new_subdoc(docpath)
        sub = Subdoc.__new__(Subdoc)
        sub.tpl, sub.docx = self, self.get_docx()
        sub.subdocx = DocxDocument(copy.deepcopy(_blank_document()), sub.docx.part)
        return sub


@cache
def _blank_document() -> Any:
    """python-docx's default document body, opened once (add_table needs its sectPr)."""
    return docx.Document().element


def _memo_style_ids(part: Any) -> None:
    """python-docx searches styles.xml twice for every add_paragraph(style=…): remember the
    answers for this render's document part."""
    lookup = part.get_style_id
    memo: dict[tuple[str, Any], Any] = {}

    def get_style_id(style_or_name: Any, style_type: Any) -> Any:
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in memo:
            memo[key] = lookup(style_or_name, style_type)
        return memo[key]

    part.get_style_id = get_style_id


def _record(name: str, values: dict[str, Any]) -> Any:
    """Flags or words for the template as a frozen record (attributes only, no methods)."""
    cls = dataclasses.make_dataclass(name, list(values), frozen=True)
    return freeze(cls(**values))


@dataclass
class RenderResult:
    """A rendered report and what went into it (the checker reads the latter)."""

    docx: bytes
    style: HouseStyle
    sections: dict[str, str] = field(default_factory=dict)  # section id -> rendered narrative
    tables: dict[str, TableSpec] = field(default_factory=dict)
    charts: dict[str, ChartSpec] = field(default_factory=dict)
    # (field, why) for each value of report.yaml this style has no place for.
    not_shown: list[tuple[str, str]] = field(default_factory=list)
    # (field, text) for each short value that must appear in the document as written.
    printed_values: list[tuple[str, str]] = field(default_factory=list)
    plan: disclosure.Plan | None = None  # what the document hides: the checks read it too
    # where -> rendered text, for the officer's words outside the sections (recommendations,
    # reasons): content.words-lost reads them with the sections.
    other_texts: dict[str, str] = field(default_factory=dict)
    # where (``sections.finance``, ``body.costs``) -> the heading printed over it (without the
    # number a form may put before it), so that a finding about a place can be shown at its
    # heading (reportgen serve).
    headings: dict[str, str] = field(default_factory=dict)


def document_timestamp(bundle: Bundle) -> dt.datetime:
    """Core-property date: SOURCE_DATE_EPOCH when set, else the publication or meeting date,
    so that the same inputs always give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise ReportgenError(
                f"SOURCE_DATE_EPOCH must be whole seconds, got '{epoch}'") from None
    day = bundle.report.publication_date or bundle.meeting.date
    return dt.datetime(day.year, day.month, day.day)


class _Renderer:
    def __init__(self, bundle: Bundle, metrics: Metrics, style: HouseStyle, public: bool,
                 datasets: Mapping[str, pd.DataFrame] | None = None) -> None:
        self.bundle = bundle
        self.metrics = metrics
        self.datasets = dict(datasets or {})
        self.style = style
        self.public = public
        self.texts = standard_texts(bundle, style)
        self.narrative_env = make_environment(style, autoescape=False)
        # One disclosure decision for the whole document: tables, charts, alt text and the
        # narrative's names all read this plan.
        self.plan = disclosure.plan_for(metrics, bundle.settings.suppression_threshold, public,
                                        disclosure.Symbols.of(bundle.settings),
                                        bundle.settings.top_n)
        self.names = narrative_names(
            bundle, metrics, protect=lambda names: disclosure.protect_names(names, self.plan))
        self.result_sections: dict[str, str] = {}
        self.other_texts: dict[str, str] = {}
        self.headings: dict[str, str] = {}
        self.paragraph_ranges: dict[str, tuple[str, str]] | None = None
        self._planning = False
        # paragraphs('id') is the one function narrative may call: added after freezing.
        self.names = {**self.names, "paragraphs": self.paragraphs}
        self.tables: dict[str, TableSpec] = {}
        self.charts: dict[str, ChartSpec] = {}
        try:
            # Never the file itself: its rebuilt copy, without macros, links or metadata.
            self.tpl = _StrictTemplate(io.BytesIO(template_bytes(style.template)))
            self.tpl.init_docx()
            _memo_style_ids(self.tpl.docx.part)
            if style.layout:
                _layout_body(self.tpl.docx)
            self.template_xml = self.tpl.patch_xml(self.tpl.get_xml())
        except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError,
                PackageNotFoundError) as exc:
            # python-docx says "Package not found" of a file that exists but is no zip.
            reason = ("the file is not a Word document" if isinstance(
                exc, (zipfile.BadZipFile, PackageNotFoundError)) else str(exc))
            raise ReportgenError(f"not a usable Word template (.docx): {reason}",
                                 file=style.template) from None
        self.placed = {m for call in _SECTION_CALL.findall(self.template_xml)
                       for m in _QUOTED.findall(call)}
        self.template_names = template_names(self.template_xml)
        if not style.layout:  # the template's own headings over its section() calls
            self.headings.update(_template_headings(self.tpl.docx))
        if style.layout:
            # What the form prints is what its blocks print (content.not-shown reads this).
            self.placed, self.template_names = self._layout_names()
        self.texts_rendered = metadata_texts(bundle, style, lambda t, w: self._text(t, w))
        if bundle.report.subtitle:  # the officer's words: content.words-lost looks for them
            self.other_texts["report.subtitle"] = bundle.report.subtitle
        if bundle.report.enclosures and style.enclosures != "commas":
            # style.yaml enclosures: one a line, or numbered "1. …", not joined with commas.
            self.texts_rendered["enclosures_text"] = formatting.listed(
                bundle.report.enclosures, style.enclosures)
        settings = bundle.settings
        self.table_options = TableOptions(
            units=settings.table_units if "table_units" in settings.model_fields_set
            else style.table_units,
            public=public,
            threshold=settings.suppression_threshold,
            top_n=settings.top_n,
            plan=self.plan,
            symbols=self.plan.symbols,
        )

    # -- narrative -----------------------------------------------------------------------

    def _file(self, where: str) -> Path | None:
        """The file a piece of narrative is in: report.yaml, unless it is the house style's
        standard text."""
        if where == "standard text" or (where.startswith("texts.") and
                                         where[len("texts."):] not in self.bundle.texts):
            return None
        return self.bundle.yaml_path

    def _text(self, text: str, where: str) -> str:
        return render_text(self.narrative_env, text, self.names, where, self._file(where))

    def _printed(self, key: str, rendered: str) -> str:
        """Note a standard text the document prints: where the officer re-worded it (texts:
        in report.yaml), content.words-lost looks for its words. Called only where it is
        printed, so a re-worded text the form has no place for is never looked for."""
        if key in self.bundle.texts:
            self.other_texts[f"texts.{key}"] = rendered
        return rendered

    def _standard_blocks(self, key: str, where: str | None = None) -> list[Block]:
        """The blocks of standard text ``key``, noted as printed (:meth:`_printed`)."""
        where = where or f"standard text '{key}'"
        rendered = self._printed(key, self._text(self.texts[key], where))
        return self._blocks(self.texts[key], where, rendered)

    def _blocks(self, text: str, where: str, rendered: str | None = None) -> list[Block]:
        blocks = parse_markup(self._text(text, where) if rendered is None else rendered)
        for block in blocks:
            if isinstance(block, Directive):
                key = directive_key(block)
                try:
                    if block.kind == "chart":
                        if key not in self.charts:
                            self.charts[key] = self._chart(block)
                    else:
                        self.tables[key] = build_table(block.name, block.args, self.metrics,
                                                       self.table_options)
                except ReportgenError as exc:
                    if exc.file is not None:  # a data file's cell: that is where to look
                        raise
                    raise ReportgenError(f"{where}: {exc.message}",
                                         file=self._file(where)) from None
        return blocks

    def _chart(self, block: Directive) -> ChartSpec:
        # python-pptx (the chart writer) is imported only when a report has a chart.
        from reportgen.render.charts import DATASETS_NEEDED, ChartOptions, build_chart

        files = {}
        for kind in DATASETS_NEEDED.get(block.name, ()):
            path = self.bundle.data_path(kind)
            if path is not None:  # named in captions; the frames come from the pipeline
                files[kind] = path
        opts = ChartOptions(units=self.table_options.units, public=self.public,
                            threshold=self.table_options.threshold,
                            council=self.bundle.council, files=files, plan=self.plan,
                            symbols=self.plan.symbols)
        return build_chart(block.name, block.args, self.metrics, self.datasets, opts)

    def _subdoc(self, blocks: list[Block], numbered: bool) -> Any:
        sub = self.tpl.new_subdoc()
        write_blocks(sub, blocks, BlockStyle(heading_level=2, numbered=numbered), self.tables,
                     self.charts)
        return sub

    def _numbered(self, section_id: str | None, numbered: bool | None) -> bool:
        if numbered is not None:
            return numbered
        return self.style.numbers_paragraphs and \
            section_id not in self.style.unnumbered_sections

    def _missing_key(self) -> str:
        return ("not_applicable_information" if self.bundle.report.type == "information"
                else "not_provided")

    def _required(self, *ids: str) -> bool:
        return any(SECTION_ROLES.get(i, i) in self.style.required_parts for i in ids)

    # -- names the template calls --------------------------------------------------------

    def section(self, *ids: str, numbered: bool | None = None, missing: str | None = None) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_section(sub, ids, numbered, missing)
        return sub

    def _write_section(self, sub: Any, ids: tuple[str, ...], numbered: bool | None = None,
                       missing: str | None = None) -> None:
        unknown = [i for i in ids if i not in SECTION_IDS]
        if unknown:
            raise ReportgenError(f"template.docx asks for unknown section '{unknown[0]}' "
                                 f"(sections: {', '.join(SECTION_IDS)})", file=self.style.template)
        # Every named section with text goes here, in order, so that a style with one heading
        # for two sections (community impact / council priorities) loses neither.
        written = [i for i in ids if getattr(self.bundle.sections, i)]
        if written:
            blocks: list[Block] = []
            for section_id in written:
                where = f"sections.{section_id}"
                text = getattr(self.bundle.sections, section_id)
                rendered = self._text(text, where)
                blocks.extend(self._blocks(text, where, rendered))
                self.result_sections[section_id] = rendered
            write_blocks(sub, blocks, BlockStyle(2, self._numbered(written[0], numbered)),
                         self.tables, self.charts)
            return
        # A standard text stands in only where the council's form requires the part, and it
        # is never numbered: it is not one of the officer's paragraphs, so it must not shift
        # their numbers.
        if missing is None:
            key = self._missing_key()
            blocks = self._standard_blocks(key, "standard text") \
                if self._required(*ids) and self.texts.get(key) else []
        else:
            blocks = self._blocks(missing, "standard text") if missing else []
        write_blocks(sub, blocks, BlockStyle(2, False), self.tables, self.charts)

    def other_sections(self) -> Any:
        """Bundle sections this template has no place for, each under its own heading."""
        sub = self.tpl.new_subdoc()
        self._write_other_sections(sub)
        return sub

    def _write_other_sections(self, sub: Any) -> None:
        for section_id in SECTION_IDS:
            text = getattr(self.bundle.sections, section_id)
            if not text or section_id in self.placed:
                continue
            where = f"sections.{section_id}"
            sub.add_paragraph(SECTION_TITLES[section_id], style="Heading 2")
            self.headings[where] = SECTION_TITLES[section_id]
            rendered = self._text(text, where)
            blocks = self._blocks(text, where, rendered)
            self.result_sections[section_id] = rendered
            write_blocks(sub, blocks, BlockStyle(2, self._numbered(section_id, None)),
                         self.tables, self.charts)

    def standard(self, key: str, numbered: bool | None = None) -> Any:
        if key not in self.texts:
            raise ReportgenError(f"template.docx asks for unknown standard text '{key}'",
                                 file=self.style.template)
        return self._subdoc(self._standard_blocks(key), self._numbered(None, numbered))

    def _rec_block(self) -> LayoutBlock | None:
        """The layout's recommendations block for this report, whose labels and lead-in
        hold wherever the recommendations print (body section, block, reasons)."""
        return next((b for b in self.style.layout
                     if b.block == "recommendations" and self._applies(b)), None)

    def _lead_in(self) -> str:
        """The style's lead-in ("That:"), left out when the officer's recommendations begin
        "That …" themselves (printing both would read "That: That …")."""
        block = self._rec_block()
        lead = block.lead_in if block is not None and block.lead_in is not None \
            else self.style.recommendations_lead_in
        recs = self.bundle.recommendations
        if not lead or not recs:
            return ""
        if all(re.match(r"that\b", r.text.strip(), re.IGNORECASE) for r in recs):
            return ""
        return lead

    def _rec_labels(self, lettered: bool | None) -> list[str]:
        """The label each recommendation is printed with (and its reason matched to)."""
        n = len(self.bundle.recommendations)
        scheme = ("letters" if lettered else "numbers") if lettered is not None \
            else self.style.recommendation_numbering
        form = {"letters": "(a)", "numbers": "1.", "none": "none"}[scheme]
        block = self._rec_block()
        if lettered is None and block is not None and block.rec_labels:
            form = block.rec_labels  # the layout's labels: "(1)", "a.", "(i)" …
        if n < 2 or form == "none":
            return [""] * n
        return [_rec_label(form, i) for i in range(1, n + 1)]

    def _write_recommendations(self, sub: Any, lettered: bool | None = None,
                               bold: bool = False) -> None:
        recs = self.bundle.recommendations
        lead = self._lead_in()
        if lead:
            sub.add_paragraph(lead, style="Normal")
        labels = self._rec_labels(lettered)
        for i, (rec, label) in enumerate(zip(recs, labels, strict=True)):
            text = self._text(rec.text, f"recommendations[{i + 1}]")
            self.other_texts[f"recommendations[{i + 1}]"] = text
            runs = parse_inline(" ".join(text.split()))
            if bold:
                runs = [type(r)(r.text, True, r.italic) for r in runs]
            p = sub.add_paragraph(style="Normal")
            if label:
                p.add_run(f"{label} ")
            add_runs(p, runs)
        if not recs:
            blocks = self._standard_blocks("no_recommendations", "standard text") \
                if "no_recommendations" in self.texts else self._blocks("None.", "standard text")
            write_blocks(sub, blocks, BlockStyle(2, False), self.tables, self.charts)

    def recommendations(self, lettered: bool | None = None, bold: bool = False) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_recommendations(sub, lettered, bold)
        return sub

    def _write_reasons(self, sub: Any) -> None:
        labels = self._rec_labels(None)
        for i, (rec, label) in enumerate(zip(self.bundle.recommendations, labels, strict=True)):
            if not rec.reason:
                continue
            where = f"recommendations[{i + 1}].reason"
            rendered = self._text(rec.reason, where)
            self.other_texts[where] = rendered
            blocks = self._blocks(rec.reason, where, rendered)
            if label and blocks and isinstance(blocks[0], Paragraph):
                first = blocks[0]
                blocks[0] = Paragraph((Run(f"{label} "), *first.runs))
            write_blocks(sub, blocks, BlockStyle(2, False), self.tables, self.charts)

    def reasons(self) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_reasons(sub)
        return sub

    def clearance_block(self) -> Any:
        """Statutory officer clearance as a table, for styles whose form has no sign-off box:
        each officer's name, capacity, state (ticked, to be signed, not required) and date."""
        sub = self.tpl.new_subdoc()
        self._write_clearance_table(sub)
        return sub

    def _write_clearance_table(self, sub: Any) -> None:
        rows = [("Officer", "Capacity", "Cleared", "Date")]
        for c in self.bundle.clearance if self.style.sign_off.printed else []:
            # No cell is left empty (a gap, and an empty paragraph in a tagged PDF): where
            # no officer signs there is no one and no date to give ("–"); a clearance still
            # to be signed says what is not known yet.
            if c.status == "not_required":
                state = f"Not required: {c.reason}"
                name, date = NONE_MARK, NONE_MARK
            else:
                state = "Yes" if c.cleared else "To be signed"
                name = c.name or "Not yet known"
                date = formatting.long_date(c.date, self.style.date_style_for("clearance")) \
                    if c.date else "Not yet signed"
            rows.append((name, c.capacity_text, state, date))
        if len(rows) > 1:
            _keep_head(details_table(sub, rows, header=True))

    def other_details(self) -> Any:
        """Fields of report.yaml the template does not print itself, as a two-column table,
        so that nothing the officer gave is lost (the counterpart of other_sections())."""
        sub = self.tpl.new_subdoc()
        self._write_other_details(sub)
        return sub

    def _write_other_details(self, sub: Any) -> None:
        rows = [(label, value) for key, label, value in self._unplaced_details()]
        if rows:
            details_table(sub, rows, header=False)

    def _unplaced_details(self) -> list[tuple[str, str, str]]:
        """Detail rows the template does not print itself. The responsible officer is
        printed already when the "Report of"/"Report by" line names the same post."""
        b, names = self.bundle, self.template_names
        out = []
        for key, label, value in detail_rows(b, self.style, self.texts_rendered):
            # A field the form records elsewhere is checked but never printed.
            if shown_by_template(key, names, self.style) or \
                    key in self.style.recorded_elsewhere:
                continue
            if key == "report.responsible_officer" and \
                    b.report.report_by == b.report.responsible_officer and \
                    shown_by_template("report.report_by", names, self.style):
                continue
            out.append((key, label, value))
        subtitle = self.bundle.report.subtitle
        if subtitle and "report.subtitle" not in names:
            out.insert(0, ("report.subtitle", "Subtitle", subtitle))
        return out

    def title_block(self) -> Any:
        """The title block the style's options describe (title_block:, title_lines:)."""
        sub = self.tpl.new_subdoc()
        self._write_title(sub, self.style.title_lines, self.style.title_block)
        return sub

    def _title_parts(self, lines: tuple[str, ...], separator: str = ": ",
                     labels: Mapping[str, str] | None = None) -> list[tuple[str, str, str]]:
        """(part, label, text) of each title line given, with a layout's separator between
        committee and date and its own label words before a line."""
        # The meeting date in its own form where style.yaml date_styles gives one.
        meeting_style = dataclasses.replace(
            self.style, date_style=self.style.date_style_for("meeting"),
            title_lines=tuple(p for p in lines if p != "subtitle"))
        known = iter(title_parts(self.bundle, meeting_style, self.texts))
        r, m = self.bundle.report, self.bundle.meeting
        out = []
        for part in lines:
            line = ("subtitle", "Subtitle", r.subtitle or "") if part == "subtitle" \
                else next(known)
            if not line[2]:
                continue
            text = line[2]
            if part == "committee_date":
                when = formatting.long_date(m.date, meeting_style.date_style)
                text = f"{m.committee}{separator}{when}"
            words = (labels or {}).get(part)
            if words is not None:  # the form's own label replaces the standard text's
                value = {"agenda_item": r.agenda_item, "report_of": r.report_by}.get(part, text)
                text = f"{words} {value}".strip()
            out.append((part, line[1], text))
        return out

    def _write_title(self, sub: Any, lines: tuple[str, ...], layout: str,
                     separator: str = ": ", labels: Mapping[str, str] | None = None) -> None:
        parts = self._title_parts(lines, separator, labels)
        if layout in ("lines", "centred", "template"):
            for part, _, text in parts:
                p = sub.add_paragraph(text, style="Title" if part == "title" else "Normal")
                if part != "title":
                    for run in p.runs:
                        run.bold = True
                if layout == "centred":
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif layout == "table":
            details_table(sub, [(label, text) for _, label, text in parts], header=False)
        else:  # numbered
            details_table(sub, [(str(n), label, text) for n, (_, label, text)
                                 in enumerate(parts, 1)], header=False)

    # -- the form as data (style.yaml layout:) -------------------------------------------

    def _applies(self, block: LayoutBlock) -> bool:
        """The block is for this kind of report (``only: body`` or ``only: sections``)."""
        body_mode = self.bundle.body is not None
        if block.block == "clearance" and not self.style.sign_off.printed:
            return False  # sign-off recorded elsewhere (style.yaml sign_off): printed nowhere
        return block.shown != "never" and (
            not block.only or (block.only == "body") == body_mode)

    def _given(self, block: LayoutBlock) -> bool:
        """The block has something of the officer's to print (or the form requires it)."""
        b = self.bundle
        kind = block.block
        if kind == "section":
            return any(getattr(b.sections, i) for i in block.sections) or \
                self._required(*block.sections)
        if kind == "line":
            return bool(self._value(block.value))
        return {
            "body": b.body is not None or bool(b.body_sections()),
            # In a body: outline a section with role: recommendations prints them.
            "recommendations": bool(b.recommendations) and not (
                b.body is not None and b.role_section("recommendations")),
            "reasons": any(r.reason for r in b.recommendations) and
            not self._body_prints_reasons(),
            "clearance": bool(b.clearance),
            "contacts": bool(b.contacts),
            "appendices": bool(b.appendices),
            "background_papers": bool(b.background_papers),
            "other_details": bool(self._unplaced_details()),
            "other_sections": any(getattr(b.sections, i) and i not in self.placed
                                  for i in SECTION_IDS) and b.body is None,
        }.get(kind, True)

    def _body_prints_reasons(self) -> bool:
        """A body: outline prints the reasons itself (its reasons or recommendations section)."""
        b = self.bundle
        return b.body is not None and bool(b.role_section("reasons") or
                                           b.role_section("recommendations"))

    def _shown(self, block: LayoutBlock) -> bool:
        if block.shown == "always":
            return True
        if block.shown == "given_or_decision" and self.bundle.report.type == "decision":
            return True
        return self._given(block)

    def _value(self, names: tuple[str, ...]) -> str:
        """The first of ``names`` (LAYOUT_VALUES) the report gives, as printed."""
        b, r, m, t = self.bundle, self.bundle.report, self.bundle.meeting, self.texts_rendered

        def day(value: dt.date | None, kind: str = "") -> str:
            return formatting.long_date(value, self.style.date_style_for(kind) if kind
                                        else self.style.date_style) if value else ""

        for name in names:
            text = {
                "council": b.council,
                "meeting.committee": m.committee,
                "meeting.date": day(m.date, "meeting"),
                "meeting.time": m.time or "",
                "meeting.venue": m.venue or "",
                "report.title": r.title,
                "report.agenda_item": r.agenda_item or "",
                "report.key_decision": "Yes" if r.key_decision else "No",
                "report.key_decision_notice": day(r.key_decision_notice),
                "report.responsible_officer": r.responsible_officer,
                "report.portfolio_holder": r.portfolio_holder or "",
                "report.report_by": r.report_by or "",
                "report.author": r.author or "",
                "report.directorate": r.directorate or "",
                "report.classification": r.classification_text,
                "report.wards": ", ".join(r.wards),
                "report.publication_date": day(r.publication_date),
                "exempt": t["exempt_text"],
                "call_in": t["call_in_text"],
                "decision_type": t["decision_type_text"],
                "enclosures": t["enclosures_text"],
                "equality_impact": t["eqia_text"],
                "equality_impact.cleared_by": t["eqia_cleared_by_text"],
                "ward_councillors_notified": t["ward_councillors_text"],
            }[name]
            if text:
                return text
        return ""

    def _layout_names(self) -> tuple[set[str], set[str]]:
        """(sections placed, names printed) by the blocks this report's form shows, in the
        terms of a template's tags, so content.not-shown judges a layout as a template."""
        placed: set[str] = set()
        names: set[str] = set()
        funcs = {"body": "body", "other_sections": "other_sections",
                 "other_details": "other_details", "recommendations": "recommendations",
                 "reasons": "reasons", "clearance": "clearance_block",
                 "contacts": "contacts_block", "appendices": "appendices",
                 "background_papers": "background_papers"}
        for block in self.style.layout:
            if not self._applies(block):
                continue
            if block.block in funcs:
                names.add(funcs[block.block])
            if block.block == "section":
                placed.update(block.sections)
            if block.block == "title":
                names.update(LAYOUT_VALUE_FIELDS.get(p, p) for p in block.lines)
            # A fallback (the second of [report_by, responsible_officer]) prints only when
            # the first is not given, so, as after a template's `or`, it counts as not shown.
            values = [row.value[0] for row in block.rows] + list(block.value[:1])
            for value in values:
                names.update(SHOWN_BY.get(LAYOUT_VALUE_FIELDS.get(value, value),
                                          (LAYOUT_VALUE_FIELDS.get(value, value),)))
        return placed, names

    def form(self) -> Any:
        """The whole form from style.yaml's layout: each block in order, under its heading,
        with its note; a block not shown prints its ``otherwise`` line, if any."""
        if not self.style.layout:
            raise ReportgenError("template.docx calls form(), but style.yaml has no layout: to "
                                 "print", file=self.style.template)
        sub = self.tpl.new_subdoc()
        plan: dict[str, tuple[str, str]] | None = None
        for block in self.style.layout:
            if not self._applies(block):
                continue
            if not self._shown(block):
                if block.otherwise:
                    sub.add_paragraph(block.otherwise, style="Normal")
                continue
            if block.heading:
                sub.add_paragraph(block.heading, style=f"Heading {block.level}")
                if block.block == "section":
                    self.headings.update((f"sections.{i}", block.heading)
                                         for i in block.sections)
            if block.note:  # style.yaml words, printed as written (no Jinja)
                add_runs(sub.add_paragraph(style="Normal"), parse_inline(block.note))
            if block.block == "body" and plan is None:
                plan = self._body_plan()
            self._write_block(sub, block, plan or {})
        return sub

    def _write_block(self, sub: Any, block: LayoutBlock,
                     plan: dict[str, tuple[str, str]]) -> None:
        kind = block.block
        if kind == "title":
            self._write_title(sub, block.lines, block.form, block.separator, block.labels)
        elif kind == "details":
            cols = [[str(n)] if block.numbered else [] for n in range(1, len(block.rows) + 1)]
            rows = [(*c, row.label, self._value(row.value) or row.missing)
                    for c, row in zip(cols, block.rows, strict=True)]
            table = details_table(sub, rows, header=False)
            if block.numbered:  # the row numbers are plain, the labels bold
                for tr in table.rows:
                    for run in tr.cells[0].paragraphs[0].runs:
                        run.bold = False
        elif kind == "other_details":
            self._write_other_details(sub)
        elif kind == "body":
            self._write_body(sub, plan, first_pass=False, part=block.part, notes=block.notes)
        elif kind == "section":
            if block.standard:  # numbered as the section's paragraphs are
                write_blocks(sub, self._standard_blocks(block.standard),
                             BlockStyle(2, self._numbered(None, block.numbered)),
                             self.tables, self.charts)
            self._write_section(sub, block.sections, block.numbered, block.missing)
        elif kind == "other_sections":
            self._write_other_sections(sub)
        elif kind == "recommendations":
            b = self.bundle
            if b.body is None or not b.role_section("recommendations"):
                self._write_recommendations(sub, bold=block.bold)
            # A body report's reasons follow them, as under a recommendations section, unless
            # a body section or a reasons block of the form prints them.
            if b.body is not None and not self._body_prints_reasons() and \
                    any(r.reason for r in b.recommendations) and not any(
                        x.block == "reasons" and self._applies(x) for x in self.style.layout):
                sub.add_paragraph(self.style.part_headings.get("reasons", ROLE_NAMES["reasons"]),
                                  style=f"Heading {min(block.level + 1, 6)}")
                self._write_reasons(sub)
        elif kind == "reasons":
            if not self._body_prints_reasons():
                self._write_reasons(sub)
        elif kind == "clearance":
            if block.form == "boxes":
                self._write_clearance_boxes(sub)
            else:
                self._write_clearance_table(sub)
        elif kind == "contacts":
            self._write_contacts(sub, labelled=block.form == "labelled")
        elif kind == "appendices":
            self._write_appendices(sub)
        elif kind == "background_papers":
            self._write_list(sub, list(self.bundle.background_papers), "no_background_papers",
                             numbered=self.style.background_papers == "numbered")
        elif kind == "standard":
            write_blocks(sub, self._standard_blocks(block.standard), BlockStyle(2, False),
                         self.tables, self.charts)
        elif kind == "text":
            sub.add_paragraph(block.text, style="Normal")
        elif kind == "line":
            value = self._value(block.value)
            value = value.upper() if block.upper else value
            p = sub.add_paragraph(style="Title" if block.title else "Normal")
            if block.text:  # the form's own words around the value: {value} is no Jinja
                p.add_run(clean_xml_text(block.text.replace("{value}", value)))
                return
            if block.label:
                p.add_run(f"{block.label}: ").bold = True
            p.add_run(clean_xml_text(value))

    def _write_clearance_boxes(self, sub: Any) -> None:
        """Clearance as a sign-off form: each officer's name (or why none is needed) and
        date, a ticked box, and on whose behalf."""
        rows = [("Officer", "Cleared", "On behalf of")]
        dates: list[str] = []
        for c in self.bundle.clearance:
            who = f"Not required: {c.reason}" if c.status == "not_required" \
                else f"Name: {c.name or ''}"
            when = formatting.long_date(c.date, self.style.date_style_for("clearance")) \
                if c.date else ""
            rows.append((who, "", c.capacity_text))
            dates.append(f"Date: {when}")
        # The form's table stands with its header row even before anyone is named.
        table = _keep_head(details_table(sub, rows, header=True))
        for tr, c, date in zip(table.rows[1:], self.bundle.clearance, dates, strict=True):
            tr.cells[0].add_paragraph(date, style="Normal")
            oxml.add_checkbox(tr.cells[1].paragraphs[0], bool(c.cleared))

    def body(self) -> Any:
        """The officer's body outline (``body:``) in the style's numbering."""
        sub = self.tpl.new_subdoc()
        plan = self._body_plan()
        self._write_body(sub, plan, first_pass=False)
        return sub

    def _body_outline(self) -> list[tuple[int, BodySection, bool]]:
        """The sections to print: the officer's, then each part the form requires that the
        body leaves out (``True`` marks those)."""
        sections = self.bundle.body_sections()
        if self.bundle.body is None and self.bundle.recommendations:
            # sections: has no place for the recommendations: they follow the summary.
            at = 1 if sections and sections[0].role == "summary" else 0
            heading = self.style.part_headings.get("recommendations",
                                                   ROLE_NAMES["recommendations"])
            sections.insert(at, BodySection(id="recommendations", heading=heading,
                                            role="recommendations"))
        out = [(d, s, False) for d, s in walk_sections(sections)]
        have = {s.role for _, s, _ in out if s.role}
        for role in self.style.required_parts:
            if role in have:
                continue
            heading = self.style.part_headings.get(role, ROLE_NAMES[role])
            out.append((1, BodySection(id=f"required-{role}", heading=heading,
                                       role=role), True))  # type: ignore[arg-type]
        return out

    def _body_plan(self) -> dict[str, tuple[str, str]]:
        """Pass one: the paragraph numbers each section will take (for paragraphs('id')),
        from the same numbering pass two prints, so a cross-reference cannot drift."""
        self._planning = True
        try:
            self._write_body(None, {}, first_pass=True)
        finally:
            self._planning = False
        return self.paragraph_ranges or {}

    def _heading_number(self) -> str:
        """How the form numbers body sub-headings: "paragraph" (the next paragraph number,
        from the layout's body block) or "none". Both passes of the body ask the same."""
        return next((b.heading_number for b in self.style.layout
                     if b.block == "body" and b.shown != "never" and self._applies(b)), "none")

    def _write_body(self, sub: Any, plan: dict[str, tuple[str, str]], first_pass: bool,
                    part: str = "all", notes: Mapping[str, str] | None = None) -> None:
        """Print the outline (pass two) or count its numbers (pass one). ``part`` prints only
        some top-level sections (a layout may put contacts before the last one), numbered as
        in the whole; ``notes`` puts a line of the form under a section's heading."""
        style = self.style
        counter = 0
        heading_no = 0
        sub_counter = 0
        ranges: dict[str, list[str]] = {}
        parents: list[str] = []
        outline = self._body_outline()
        tops = [i for i, (depth, _, _) in enumerate(outline) if depth == 1]
        last_top = tops[-1] if tops else 0
        emit = True
        for index, (depth, section, standard_part) in enumerate(outline):
            del parents[depth - 1:]
            parents.append(section.id)
            heading = section.heading
            unnumbered = section.id in style.unnumbered_sections or \
                (section.role or "") in style.unnumbered_sections
            numbered = style.numbers_paragraphs and not standard_part and not unnumbered and \
                section.role not in ("recommendations", "reasons")
            heading_label = ""
            if depth > 1 and numbered and self._heading_number() == "paragraph":
                # The form numbers this sub-heading as the next paragraph ("4. The Current
                # Proposal"): it counts, and is cited, as one.
                if style.paragraph_numbering == "hierarchical":
                    sub_counter += 1
                    heading_label = f"{heading_no}.{sub_counter}"
                    heading = f"{heading_label} {heading}"
                else:
                    counter += 1
                    heading_label = str(counter)
                    heading = f"{heading_label}. {heading}"
            if depth == 1:
                emit = part == "all" or (index == last_top) == (part == "last")
                # Only the headings the form numbers take a number: unnumbered ones before
                # the first numbered heading never shift 1.1 to 3.1.
                if not unnumbered:
                    heading_no += 1
                    sub_counter = 0
                if not unnumbered and (style.heading_numbering or
                                       style.paragraph_numbering == "hierarchical"):
                    heading = f"{heading_no}. {heading}"
            where = f"body.{section.id}" if self.bundle.body is not None else \
                f"sections.{section.id}"
            blocks: list[Block] = []
            std: list[Block] = []
            standard: list[tuple[str, str]] = []  # (key, rendered): noted once printed
            if section.role and section.role in style.part_texts:
                key = style.part_texts[section.role]
                standard.append((key, self._text(self.texts[key], f"standard text '{key}'")))
                std = self._blocks(self.texts[key], f"standard text '{key}'", standard[-1][1])
            if section.text:
                rendered = self._text(section.text, where)
                blocks = self._blocks(section.text, where, rendered)
                if not first_pass:
                    self.result_sections[section.id] = rendered
            elif standard_part and section.role not in ("recommendations", "reasons"):
                key = self._missing_key()
                if self.texts.get(key):
                    standard.append((key, self._text(self.texts[key], "standard text")))
                    std = [*std, *self._blocks(self.texts[key], "standard text",
                                               standard[-1][1])]
            labels: list[str] = []
            for block in blocks:
                if numbered and isinstance(block, Paragraph):
                    if style.paragraph_numbering == "hierarchical":
                        sub_counter += 1
                        labels.append(f"{heading_no}.{sub_counter}")
                    else:
                        counter += 1
                        labels.append(str(counter))
                else:
                    labels.append("")
            for pid in parents:
                ranges.setdefault(pid, []).extend(x for x in (heading_label, *labels) if x)
            if first_pass or not emit:
                continue
            for key, rendered in standard:
                self._printed(key, rendered)
            level = min(depth, 6)
            sub.add_paragraph(heading, style=f"Heading {level}")
            self.headings[where] = section.heading  # unnumbered: the page may number it
            note = (notes or {}).get(section.id) or (notes or {}).get(section.role or "")
            if note:
                add_runs(sub.add_paragraph(style="Normal"), parse_inline(note))
            write_blocks(sub, std, BlockStyle(level + 1, False), self.tables, self.charts)
            write_labelled(sub, blocks, labels, BlockStyle(level + 1, False), self.tables,
                            self.charts)
            if section.role == "recommendations":
                self._write_recommendations(sub)
                if self.bundle.role_section("reasons") is None and any(
                        r.reason for r in self.bundle.recommendations):
                    sub.add_paragraph(style.part_headings.get("reasons", ROLE_NAMES["reasons"]),
                                      style=f"Heading {min(level + 1, 6)}")
                    self._write_reasons(sub)
            elif section.role == "reasons":
                self._write_reasons(sub)
        if first_pass:
            self.paragraph_ranges = {k: (v[0], v[-1]) for k, v in ranges.items() if v}

    def paragraphs(self, section_id: str) -> str:
        """'paragraphs 6–11' (or 'paragraph 6'): the numbers the body's section takes."""
        if self.bundle.body is None and not self.style.numbers_paragraphs:
            raise ReportgenError("paragraphs('…') needs numbered paragraphs: this style does "
                                 "not number them")
        known = {s.id for _, s in walk_sections(self.bundle.body_sections())}
        if section_id not in known:
            raise ReportgenError(f"paragraphs('{section_id}'): no body section has that id "
                                 f"(ids: {', '.join(sorted(known))})")
        if self._planning:
            return "paragraphs"  # pass one counts paragraphs: the numbers are not known yet
        if self.paragraph_ranges is None:
            raise ReportgenError("paragraphs('…') works only in a body printed by body() "
                                 "(report.yaml body:, and a template that calls body())")
        if section_id not in self.paragraph_ranges:
            raise ReportgenError(f"paragraphs('{section_id}'): that section has no numbered "
                                 "paragraphs")
        first, last = self.paragraph_ranges[section_id]
        return f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"

    def contacts_block(self, labelled: bool = False) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_contacts(sub, labelled)
        return sub

    def _write_contacts(self, sub: Any, labelled: bool) -> None:
        for c in self.bundle.contacts:
            who = ", ".join(x for x in (c.name, c.job_title) if x)
            p = sub.add_paragraph(style="Normal")
            p.paragraph_format.space_after = 0
            label = "Contact Name: " if labelled else "Contact: "
            p.add_run(label).bold = True
            add_runs(p, parse_inline(who))
            lines = [p]
            phone = f"{'Telephone' if labelled else 'Tel'}: {c.phone}" if c.phone else ""
            email = f"{'E-mail' if labelled else 'Email'}: {c.email}" if c.email else ""
            if labelled:
                for line in (phone, email):
                    if line:
                        lines.append(sub.add_paragraph(line, style="Normal"))
                        lines[-1].paragraph_format.space_after = 0
            elif phone or email:
                lines.append(sub.add_paragraph("  ".join(x for x in (phone, email) if x),
                                               style="Normal"))
            # A contact never splits across pages: each line kept whole and with the next.
            for n, line in enumerate(lines, 1):
                line.paragraph_format.keep_together = True
                if n < len(lines):
                    oxml.keep_with_next(line)
        if not self.bundle.contacts:
            sub.add_paragraph("No contact given.", style="Normal")

    def _list_or(self, items: list[str], none_key: str, numbered: bool = False) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_list(sub, items, none_key, numbered)
        return sub

    def _write_list(self, sub: Any, items: list[str], none_key: str,
                    numbered: bool = False) -> None:
        if items:
            num_id = new_numbering(sub, "List Number") if numbered else None
            for item in items:
                p = sub.add_paragraph(style="List Number" if numbered else "List Bullet")
                if num_id:
                    _set_num(p, num_id)
                add_runs(p, parse_inline(item))
        else:
            sub.add_paragraph(self._printed(none_key, self.texts.get(none_key, "None.")),
                              style="Normal")

    def background_papers(self) -> Any:
        return self._list_or(list(self.bundle.background_papers), "no_background_papers",
                             numbered=self.style.background_papers == "numbered")

    def appendices(self) -> Any:
        sub = self.tpl.new_subdoc()
        self._write_appendices(sub)
        return sub

    def _write_appendices(self, sub: Any) -> None:
        for label, appendix in zip(appendix_labels(self.bundle, self.style),
                                   self.bundle.appendices, strict=True):
            sub.add_paragraph(f"{label} – {appendix.title}", style="Normal")
        if not self.bundle.appendices:
            sub.add_paragraph(self._printed("no_appendices", self.texts.get("no_appendices",
                                                                            "None.")),
                              style="Normal")

    def checkbox(self, checked: bool) -> Markup:
        """Run-level XML of a checkbox content control (for ``{{r checkbox(true) }}``)."""
        scratch = self.tpl.docx.add_paragraph()
        sdt = oxml.add_checkbox(scratch, bool(checked))
        xml = etree.tostring(sdt, encoding="unicode")
        scratch._p.getparent().remove(scratch._p)
        return Markup(xml)

    # -- the whole document --------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        b = self.bundle
        ctx: dict[str, Any] = {
            **self.names,
            # A form that records sign-off elsewhere prints none (style.yaml sign_off).
            "clearance": freeze(b.clearance if self.style.sign_off.printed else []),
            "contacts": freeze(b.contacts),
            "style": self.style.name,
            **self.texts_rendered,
            # Which parts have something to print: a part's heading is printed when the
            # report gives it or the council's form requires it (style.yaml required_parts).
            "show": _record("Show", {i: bool(getattr(b.sections, i)) or self._required(i)
                                     for i in SECTION_IDS}),
            # The form of each kind of date (style.yaml date_style, date_styles), for
            # {{ meeting.date | longdate(date_styles.meeting) }}.
            "date_styles": _record("DateStyles", {kind: self.style.date_style_for(kind)
                                                  for kind in DATE_FIELDS}),
            "given": _record("Given", {
                "body": b.body is not None,
                "recommendations": bool(b.recommendations),
                "reasons": any(r.reason for r in b.recommendations),
                "clearance": bool(b.clearance) and self.style.sign_off.printed,
                "contacts": bool(b.contacts),
                "appendices": bool(b.appendices),
                "background_papers": bool(b.background_papers),
            }),
        }
        for name in ("section", "other_sections", "standard", "recommendations", "reasons",
                     "contacts_block", "background_papers", "appendices", "checkbox",
                     "clearance_block", "other_details", "title_block", "body", "form"):
            ctx[name] = BlockFunction(name, getattr(self, name))
        return ctx

    def _template_parts(self) -> list[tuple[str, str]]:
        """(part name for people, its XML as docxtpl renders it) for every text part."""
        names = {"document": "the document body"}
        out = []
        for part in self.tpl.docx.part.package.parts:
            match = re.fullmatch(r"/word/(document|header\d*|footer\d*)\.xml",
                                 str(part.partname))
            if not match:
                continue
            kind = match[1]
            label = names.get(kind) or (f"a header ({kind}.xml)" if kind.startswith("header")
                                        else f"a footer ({kind}.xml)")
            xml = part.blob.decode("utf-8", "replace") if kind != "document" else \
                self.template_xml
            out.append((label, self.tpl.patch_xml(xml) if kind != "document" else xml))
        return out

    def _locate(self, env: jinja2.Environment, context: Mapping[str, Any],
                exc: Exception) -> str:
        """Which tag in which part of the template is wrong, for the error line."""
        for label, xml in self._template_parts():
            text = re.sub(r"<[^>]+>", "", xml)
            try:
                ast = env.parse(xml)
            except jinja2.TemplateSyntaxError as err:
                if isinstance(exc, jinja2.TemplateSyntaxError):
                    line = xml.split("\n")[max((err.lineno or 1) - 1, 0)]
                    tags = _TAGS.findall(re.sub(r"<[^>]+>", "", line)) or [""]
                    return f"in {label}, near the tag {tags[-1][:80]!r}"
                continue
            unknown = sorted(jinja2.meta.find_undeclared_variables(ast) - set(context)
                             - set(env.globals))
            if unknown:
                tag = next((t for t in _TAGS.findall(text) if re.search(
                    rf"\b{re.escape(unknown[0])}\b", t)), unknown[0])
                return f"in {label}, tag {tag[:80]!r}; docs/house-styles.md lists the names"
        message = getattr(exc, "message", None) or str(exc)
        return f"{message}"

    def render(self) -> RenderResult:
        env = make_environment(self.style, autoescape=True)
        context = self.context()
        self.tpl.rows_later = later = RowsLater()  # tables' body rows skip docxtpl
        try:
            self.tpl.render(context, jinja_env=env, autoescape=True)
        except jinja2.TemplateSyntaxError as exc:
            where = self._locate(env, context, exc)
            raise ReportgenError(f"Jinja2 syntax error in the template: {exc.message}"
                                 + (f" ({where})" if where.startswith("in ") else ""),
                                 file=self.style.template) from None
        except jinja2.UndefinedError as exc:
            where = self._locate(env, context, exc)
            raise ReportgenError(f"the template uses an unknown name: {exc.message}"
                                 + (f" ({where})" if where.startswith("in ") else ""),
                                 file=self.style.template) from None
        except jinja2.exceptions.SecurityError as exc:
            raise ReportgenError(f"the template tried something not allowed: {exc}",
                                 file=self.style.template) from None
        except jinja2.TemplateNotFound:
            raise ReportgenError("a template cannot include other files",
                                 file=self.style.template) from None
        except LimitError as exc:  # the template's own work (narrative's names its section)
            raise ReportgenError(exc.message, file=self.style.template) from None
        except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
            # {{ 1/0 }}, {{ 'a' + 1 }}, or a range the sandbox refuses as too big
            raise ReportgenError(f"the template could not evaluate an expression: {exc}",
                                 file=self.style.template) from None
        document = self.tpl.docx
        later.fill(document.element.body)
        _keep_short_tables(document.element.body)
        b = self.bundle
        when = document_timestamp(b)
        oxml.set_document_language(document, "en-GB")
        oxml.set_core_properties(
            document,
            title=b.report.title,
            subject=f"{b.meeting.committee}, {formatting.long_date(b.meeting.date)}",
            author=b.report.author or b.report.responsible_officer,
            language="en-GB",
            created=when,
            modified=when,
            keywords=["committee report", b.council, b.meeting.committee],
        )
        finish_document(document)  # rows kept whole, headings with their text, no blank end
        # Each subdocument's pictures took the next id free in the template, so ids repeat.
        for n, doc_pr in enumerate(document.element.body.iter(qn("wp:docPr")), start=1):
            doc_pr.set("id", str(1000 + n))
        buffer = io.BytesIO()
        document.save(buffer)
        return RenderResult(normalise_docx(buffer.getvalue()), self.style,
                            self.result_sections, self.tables, self.charts,
                            self.not_shown(), self.printed_values(), self.plan,
                            self.other_texts, self.headings)

    # -- what this style cannot show (content.not-shown) ---------------------------------

    def not_shown(self) -> list[tuple[str, str]]:
        """Every value of report.yaml the template has no place for, with the reason: the
        checker turns each into an error, so nothing the officer wrote is dropped quietly."""
        b, names = self.bundle, self.template_names
        out: list[tuple[str, str]] = []

        def missing(name: str) -> bool:
            return name not in names

        for key, _, _ in self._unplaced_details():
            if missing("other_details"):
                out.append((key, "the template prints no such field and does not call "
                                 "other_details()"))
        if b.body is not None:
            if missing("body"):
                out.append(("body", "the template does not call body(), so the officer's "
                                    "outline has no place"))
        elif missing("body"):
            for section_id in SECTION_IDS:
                if getattr(b.sections, section_id) and section_id not in self.placed \
                        and missing("other_sections"):
                    out.append((f"sections.{section_id}", "the template has no "
                                f"section('{section_id}') and does not call other_sections()"))
        body_mode = b.body is not None and not missing("body")
        if b.recommendations:
            if body_mode and not b.role_section("recommendations") and \
                    "recommendations" not in self.style.required_parts and \
                    not (self.style.layout and "recommendations" in names):
                out.append(("recommendations", "the body has no section with role: "
                                               "recommendations to print them in"))
            elif not body_mode and missing("recommendations") and missing("body"):
                out.append(("recommendations", "the template does not call "
                                               "recommendations()"))
        if any(r.reason for r in b.recommendations) and not body_mode and \
                missing("reasons") and missing("body"):
            out.append(("recommendations[].reason", "the template does not call reasons()"))
        for key, funcs in (("clearance", ("clearance", "clearance_block")),
                           ("contacts", ("contacts", "contacts_block")),
                           ("appendices", ("appendices",)),
                           ("background_papers", ("background_papers",))):
            if key == "clearance" and not self.style.sign_off.printed:
                continue  # recorded elsewhere, by the form's own rule (style.yaml sign_off)
            if getattr(b, key) and all(missing(f) for f in funcs):
                out.append((key, f"the template does not call {funcs[-1]}()"))
        if self.style.layout:
            out = [(key, _layout_reason(why)) for key, why in out]
        return out

    def printed_values(self) -> list[tuple[str, str]]:
        """Short values that must reach the document as written (checked in its text)."""
        b = self.bundle
        values = [("council", b.council), ("meeting.committee", b.meeting.committee),
                  ("report.title", b.report.title), ("report.subtitle", b.report.subtitle or "")]
        plain = {"report.responsible_officer", "report.portfolio_holder",
                 "report.classification", "report.author", "report.report_by",
                 "report.directorate", "meeting.time", "meeting.venue"}
        values += [(key, text) for key, _, text in
                   detail_rows(b, self.style, self.texts_rendered)
                   if key in plain and key not in self.style.recorded_elsewhere]
        values += [(f"contacts[{i}].name", c.name) for i, c in enumerate(b.contacts, 1)]
        values += [(f"clearance[{i}].name", c.name) for i, c in enumerate(b.clearance, 1)
                   if c.name and self.style.sign_off.printed]
        values += [(f"appendices[{i}].title", a.title) for i, a in enumerate(b.appendices, 1)]
        return [(k, " ".join(v.split())) for k, v in values if v and "{" not in v]


#: The report.yaml field a layout value or title line shows (for content.not-shown).
LAYOUT_VALUE_FIELDS = {"exempt": "exempt_text", "call_in": "call_in_text",
                       "decision_type": "decision_type_text", "enclosures": "enclosures_text",
                       "equality_impact": "eqia_text",
                       "equality_impact.cleared_by": "eqia_cleared_by_text",
                       "ward_councillors_notified": "ward_councillors_text",
                       "agenda_item": "report.agenda_item", "report_of": "report.report_by",
                       "venue": "meeting.venue", "time": "meeting.time",
                       "title": "report.title", "committee": "meeting.committee",
                       "date": "meeting.date", "committee_date": "meeting.date",
                       "subtitle": "report.subtitle"}


_BLOCK_OF = {"clearance_block": "clearance", "contacts_block": "contacts"}


def _rec_label(form: str, n: int) -> str:
    """Recommendation n's label in a form of REC_LABELS: "1.", "(1)", "a.", "(a)", "i.",
    "(i)"."""
    if form.strip("().") == "1":
        core = str(n)
    elif form.strip("().") == "a":
        core = formatting.letter_label(n).lower()
    else:
        core = _roman(n)
    return f"({core})" if form.startswith("(") else f"{core}."


def _roman(n: int) -> str:
    """n in lower-case roman numerals (i, iv, xii)."""
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


def _layout_reason(why: str) -> str:
    """A template's reason for content.not-shown in the terms of style.yaml's layout."""
    why = why.replace("the template prints no such field and does not call other_details()",
                      "no block of the layout prints it and the layout shows no other_details "
                      "block")
    why = re.sub(r"the template has no section\('(\w+)'\) and does not call "
                 r"other_sections\(\)", r"the layout shows no section block for '\1' and no "
                 "other_sections block", why)
    return re.sub(r"the template does not call (\w+)\(\)",
                  lambda m: f"the layout shows no {_BLOCK_OF.get(m[1], m[1])} block", why)


#: A table of at most this many rows is kept on one page (a longer one may break between
#: rows; its header row repeats).
SHORT_TABLE_ROWS = 15


_PPR, _KEEP_NEXT = qn("w:pPr"), qn("w:keepNext")


def _keep_head(table: Any) -> Any:
    """Keep a sign-off table's header row with its first officer (and, through the heading's
    keep, the heading with both), but let it break between officers: kept whole it would move
    to the next page and leave a gap of its own height before it."""
    for cell in table.rows[0].cells:
        for p in cell.paragraphs:
            oxml.keep_with_next(p)
    return table


def _keep_short_tables(body: Any) -> None:
    """Keep each short table whole: every row's paragraphs keep with the next, bar the last
    row's, so Word moves the table rather than split it (rows never split: finish.py)."""
    for tbl in body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        if len(rows) > SHORT_TABLE_ROWS or any(p.find(f"{_PPR}/{_KEEP_NEXT}") is not None
                                               for p in tbl.iter(qn("w:p"))):
            continue  # long, or its writer (or the template's author) chose its keeps
        for tr in rows[:-1]:
            for p in tr.iter(qn("w:p")):
                p.get_or_add_pPr().keepNext_val = True


_TAG = re.compile(r"\{[{%#].*?[}%#]\}")


def _template_headings(document: DocxDocument) -> dict[str, str]:
    """``sections.<id>`` -> the template's heading above its ``section('<id>')`` call (the
    heading's own tags taken out: a heading that is all tags names nothing)."""
    out: dict[str, str] = {}
    heading = ""
    for p in document.element.body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style_id = style.get(qn("w:val")) if style is not None else ""
        if style_id and _is_heading_style(document, style_id):
            heading = " ".join(_TAG.sub(" ", text).split()).strip(" .")
            continue
        for call in _SECTION_CALL.findall(text):
            for section_id in _QUOTED.findall(call):
                if heading:
                    out.setdefault(f"sections.{section_id}", heading)
    return out


def _is_heading_style(document: DocxDocument, style_id: str) -> bool:
    """A paragraph style that is a heading: Word's own, or one with an outline level."""
    style = document.styles.element.get_by_id(style_id)
    if style is None:
        return False
    name = (style.name_val or "").lower()
    ppr = style.find(qn("w:pPr"))
    outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return name.startswith("heading") or outline is not None


def _layout_body(document: DocxDocument) -> None:
    """A layout's template gives fonts, page set-up and letterhead: its body becomes the one
    tag that prints the form, unless it already holds that tag (letterhead around it)."""
    body = document.element.body
    if any("".join(t.text or "" for t in p.iter(qn("w:t"))).strip() == "{{p form() }}"
           for p in body.iter(qn("w:p"))):
        return
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    p = etree.SubElement(body, qn("w:p"))
    run = etree.SubElement(p, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "{{p form() }}"
    sect = body.find(qn("w:sectPr"))
    if sect is not None:
        body.remove(sect)
        body.append(sect)


def render_report(bundle: Bundle, metrics: Metrics, style: HouseStyle,
                  public: bool | None = None,
                  datasets: Mapping[str, pd.DataFrame] | None = None) -> RenderResult:
    """Render ``bundle`` with ``metrics`` into ``style``'s template; returns the .docx bytes.

    ``datasets`` (the canonical frames) feed charts that read more than the metrics; when not
    given, the data files those charts need are loaded from the bundle."""
    is_public = bundle.settings.public if public is None else public
    return _Renderer(bundle, metrics, style, is_public, datasets).render()
