"""Render a bundle into its house style's Word template (docxtpl).

The template holds the layout and the headings; this module supplies the names the template
uses (see ``docs/house-styles.md``): the report's metadata, formatted phrases, and block
functions such as ``section('financial_implications')`` that return generated paragraphs and
tables written with the template's own styles.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import docx
import jinja2
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from lxml import etree
from markupsafe import Markup

from reportgen import formatting
from reportgen.bundle import SECTION_IDS, Bundle
from reportgen.context import (
    make_environment,
    metadata_texts,
    narrative_names,
    render_text,
    standard_texts,
)
from reportgen.errors import ReportgenError
from reportgen.metrics import Metrics
from reportgen.render import oxml
from reportgen.render.blocks import (
    BlockStyle,
    RowsLater,
    add_runs,
    directive_key,
    write_blocks,
)
from reportgen.render.finish import finish_document
from reportgen.render.markup import Block, Directive, parse_inline, parse_markup
from reportgen.render.tables import TableOptions, TableSpec, build_table
from reportgen.render.zipnorm import normalise_docx
from reportgen.sandbox import BlockFunction, LimitError, freeze
from reportgen.styles import HouseStyle, template_bytes

if TYPE_CHECKING:
    import pandas as pd

    from reportgen.render.charts import ChartSpec

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


@dataclass
class RenderResult:
    """A rendered report and what went into it (the checker reads the latter)."""

    docx: bytes
    style: HouseStyle
    sections: dict[str, str] = field(default_factory=dict)  # section id -> rendered narrative
    tables: dict[str, TableSpec] = field(default_factory=dict)
    charts: dict[str, ChartSpec] = field(default_factory=dict)


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
        self.names = narrative_names(bundle, metrics)
        self.result_sections: dict[str, str] = {}
        self.tables: dict[str, TableSpec] = {}
        self.charts: dict[str, ChartSpec] = {}
        try:
            # Never the file itself: its rebuilt copy, without macros, links or metadata.
            self.tpl = _StrictTemplate(io.BytesIO(template_bytes(style)))
            self.tpl.init_docx()
            _memo_style_ids(self.tpl.docx.part)
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
        settings = bundle.settings
        self.table_options = TableOptions(
            units=settings.table_units if "table_units" in settings.model_fields_set
            else style.table_units,
            public=public,
            threshold=settings.suppression_threshold,
            top_n=settings.top_n,
        )

    # -- narrative -----------------------------------------------------------------------

    def _text(self, text: str, where: str) -> str:
        return render_text(self.narrative_env, text, self.names, where)

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
                    raise ReportgenError(f"{where}: {exc.message}") from None
        return blocks

    def _chart(self, block: Directive) -> ChartSpec:
        # matplotlib is imported only when a report has a chart.
        from reportgen.render.charts import DATASETS_NEEDED, ChartOptions, build_chart

        files = {}
        for kind in DATASETS_NEEDED.get(block.name, ()):
            path = self.bundle.data_path(kind)
            if path is not None:
                files[kind] = path
                if kind not in self.datasets:  # rendered without the pipeline's data sets
                    from reportgen.data.schemas import load_dataset

                    self.datasets[kind] = load_dataset(path, kind)  # type: ignore[arg-type]
        opts = ChartOptions(units=self.table_options.units, public=self.public,
                            threshold=self.table_options.threshold,
                            council=self.bundle.council, files=files)
        return build_chart(block.name, block.args, self.metrics, self.datasets, opts)

    def _subdoc(self, blocks: list[Block], numbered: bool) -> Any:
        sub = self.tpl.new_subdoc()
        write_blocks(sub, blocks, BlockStyle(heading_level=2, numbered=numbered), self.tables,
                     self.charts)
        return sub

    def _numbered(self, section_id: str | None, numbered: bool | None) -> bool:
        if numbered is not None:
            return numbered
        return self.style.paragraph_numbering and section_id not in self.style.unnumbered_sections

    def _missing_text(self) -> str:
        key = ("not_applicable_information" if self.bundle.report.type == "information"
               else "not_provided")
        return self.texts.get(key, "")

    # -- names the template calls --------------------------------------------------------

    def section(self, *ids: str, numbered: bool | None = None, missing: str | None = None) -> Any:
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
                where = f"report.yaml sections.{section_id}"
                text = getattr(self.bundle.sections, section_id)
                rendered = self._text(text, where)
                blocks.extend(self._blocks(text, where, rendered))
                self.result_sections[section_id] = rendered
            return self._subdoc(blocks, self._numbered(written[0], numbered))
        fallback = self._missing_text() if missing is None else missing
        blocks = self._blocks(fallback, "standard text") if fallback else []
        return self._subdoc(blocks, self._numbered(ids[0] if ids else None, numbered))

    def other_sections(self) -> Any:
        """Bundle sections this template has no place for, each under its own heading."""
        sub = self.tpl.new_subdoc()
        for section_id in SECTION_IDS:
            text = getattr(self.bundle.sections, section_id)
            if not text or section_id in self.placed:
                continue
            where = f"report.yaml sections.{section_id}"
            sub.add_paragraph(SECTION_TITLES[section_id], style="Heading 2")
            rendered = self._text(text, where)
            blocks = self._blocks(text, where, rendered)
            self.result_sections[section_id] = rendered
            write_blocks(sub, blocks, BlockStyle(2, self._numbered(section_id, None)),
                         self.tables, self.charts)
        return sub

    def standard(self, key: str, numbered: bool | None = None) -> Any:
        if key not in self.texts:
            raise ReportgenError(f"template.docx asks for unknown standard text '{key}'",
                                 file=self.style.template)
        return self._subdoc(self._blocks(self.texts[key], f"standard text '{key}'"),
                            self._numbered(None, numbered))

    def recommendations(self, lettered: bool = False, bold: bool = False) -> Any:
        sub = self.tpl.new_subdoc()
        recs = self.bundle.recommendations
        for i, rec in enumerate(recs):
            text = self._text(rec.text, f"report.yaml recommendations[{i + 1}]")
            runs = parse_inline(" ".join(text.split()))
            if bold:
                runs = [type(r)(r.text, True, r.italic) for r in runs]
            if len(recs) == 1:
                add_runs(sub.add_paragraph(style="Normal"), runs)
            elif lettered:
                p = sub.add_paragraph(style="Normal")
                p.add_run(f"({chr(ord('a') + i)}) ")
                add_runs(p, runs)
            else:
                add_runs(sub.add_paragraph(style="List Number"), runs)
        if not recs:
            blocks = self._blocks(self.texts.get("no_recommendations", "None."), "standard text")
            write_blocks(sub, blocks, BlockStyle(2, False), self.tables, self.charts)
        return sub

    def reasons(self) -> Any:
        sub = self.tpl.new_subdoc()
        for i, rec in enumerate(self.bundle.recommendations):
            if rec.reason:
                blocks = self._blocks(rec.reason, f"report.yaml recommendations[{i + 1}].reason")
                write_blocks(sub, blocks, BlockStyle(2, False), self.tables, self.charts)
        return sub

    def contacts_block(self, labelled: bool = False) -> Any:
        sub = self.tpl.new_subdoc()
        for c in self.bundle.contacts:
            who = ", ".join(x for x in (c.name, c.job_title) if x)
            p = sub.add_paragraph(style="Normal")
            p.paragraph_format.space_after = 0
            label = "Contact Name: " if labelled else "Contact: "
            p.add_run(label).bold = True
            add_runs(p, parse_inline(who))
            phone = f"{'Telephone' if labelled else 'Tel'}: {c.phone}" if c.phone else ""
            email = f"{'E-mail' if labelled else 'Email'}: {c.email}" if c.email else ""
            if labelled:
                for line in (phone, email):
                    if line:
                        sub.add_paragraph(line, style="Normal").paragraph_format.space_after = 0
            elif phone or email:
                sub.add_paragraph("  ".join(x for x in (phone, email) if x), style="Normal")
        if not self.bundle.contacts:
            sub.add_paragraph("No contact given.", style="Normal")
        return sub

    def _list_or(self, items: list[str], none_key: str) -> Any:
        sub = self.tpl.new_subdoc()
        if items:
            for item in items:
                add_runs(sub.add_paragraph(style="List Bullet"), parse_inline(item))
        else:
            sub.add_paragraph(self.texts.get(none_key, "None."), style="Normal")
        return sub

    def background_papers(self) -> Any:
        return self._list_or(list(self.bundle.background_papers), "no_background_papers")

    def appendices(self) -> Any:
        titles = [f"Appendix {i} – {a.title}" for i, a in enumerate(self.bundle.appendices, 1)]
        sub = self.tpl.new_subdoc()
        for title in titles:
            sub.add_paragraph(title, style="Normal")
        if not titles:
            sub.add_paragraph(self.texts.get("no_appendices", "None."), style="Normal")
        return sub

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
            "clearance": freeze(b.clearance),
            "contacts": freeze(b.contacts),
            "style": self.style.name,
            **metadata_texts(b, self.style, lambda t, w: self._text(t, w)),
        }
        for name in ("section", "other_sections", "standard", "recommendations", "reasons",
                     "contacts_block", "background_papers", "appendices", "checkbox"):
            ctx[name] = BlockFunction(name, getattr(self, name))
        return ctx

    def render(self) -> RenderResult:
        env = make_environment(self.style, autoescape=True)
        self.tpl.rows_later = later = RowsLater()  # tables' body rows skip docxtpl
        try:
            self.tpl.render(self.context(), jinja_env=env, autoescape=True)
        except jinja2.TemplateSyntaxError as exc:
            raise ReportgenError(f"Jinja2 syntax error in the template: {exc.message}",
                                 file=self.style.template) from None
        except jinja2.UndefinedError as exc:
            raise ReportgenError(f"the template uses an unknown name: {exc.message}",
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
                            self.result_sections, self.tables, self.charts)


def render_report(bundle: Bundle, metrics: Metrics, style: HouseStyle,
                  public: bool | None = None,
                  datasets: Mapping[str, pd.DataFrame] | None = None) -> RenderResult:
    """Render ``bundle`` with ``metrics`` into ``style``'s template; returns the .docx bytes.

    ``datasets`` (the canonical frames) feed charts that read more than the metrics; when not
    given, the data files those charts need are loaded from the bundle."""
    is_public = bundle.settings.public if public is None else public
    return _Renderer(bundle, metrics, style, is_public, datasets).render()
