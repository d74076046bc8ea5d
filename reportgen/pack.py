"""Agenda packs: a front sheet and agenda, then every report and appendix, in one .docx.

:func:`build_packs` turns a validated :class:`~reportgen.agenda.Agenda` into the documents a
clerk publishes: the public pack (Part I), the restricted pack (Part II, exempt items) and one
pack for each supplementary agenda. Nothing is written here; :func:`write_packs` writes them
all atomically, only after every one has been built, so a failing item never leaves a partial
pack behind.

Speed: docxcompose's ``Composer.append`` rebuilds the list of the pack's styles for every body
element it copies and renumbers every bookmark and drawing of the growing pack after every
append. :class:`PackComposer` keeps those lists as it goes and renumbers once at the end, so the
time to build a pack grows with the number of reports, not with its square.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from docx import Document
from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph
from docxcompose.composer import Composer
from docxcompose.utils import xpath

from reportgen.agenda import (
    STANDARD_TEXTS,
    STANDARD_TITLES,
    Agenda,
    Item,
    schedule_12a_text,
)
from reportgen.errors import ReportgenError, ReportgenErrors
from reportgen.formatting import long_date
from reportgen.render import oxml
from reportgen.render.zipnorm import normalise_docx

__all__ = [
    "PackComposer",
    "PackItem",
    "Packs",
    "build_packs",
    "compose",
    "pack_steps",
    "prepare_items",
    "write_packs",
]

DEFAULT_FRONT_STYLE = "cover-sheet"

# Children of w:settings that must come after w:updateFields (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


class Progress(Protocol):
    """What :func:`build_packs` reports progress to (``click.progressbar`` fits)."""

    def update(self, n_steps: int, current_item: Any = None) -> None: ...


# --- the fast composer ----------------------------------------------------------------------


class PackComposer(Composer):
    """docxcompose's Composer without its per-element and per-append rescans.

    Behaviour is docxcompose's (styles copied by name, numbering copied and restarted, images,
    footnotes and hyperlinks carried over); only bookkeeping changes: the pack's style ids and
    names are kept in a set and a dict, the next free numbering ids in counters, and bookmarks
    and drawing ids are renumbered once by :meth:`finish` rather than after every append.
    Numbering ids are also allocated one by one (docxcompose gives two lists met in the same
    element the same new id).
    """

    def __init__(self, doc: DocumentObject) -> None:
        super().__init__(doc)
        self._our_ids: set[str] = set()
        self._our_style_els: dict[str, Any] = {}
        self._name2id: dict[str, str] = {}
        for style in self.doc.styles.element.iterchildren(qn("w:style")):
            self._remember_style(style)
        self._next_num: int | None = None
        self._next_anum: int | None = None
        self._indexed = False
        self._nums: dict[int, Any] = {}
        self._anums: dict[int, Any] = {}

    # styles ------------------------------------------------------------------------------

    def _remember_style(self, style: Any) -> None:
        style_id = style.get(qn("w:styleId"))
        name = style.find(qn("w:name"))
        self._our_ids.add(style_id)
        self._our_style_els[style_id] = style
        if name is not None:
            self._name2id[BabelFish.internal2ui(name.get(qn("w:val")))] = style_id

    def _append_style(self, element: Any) -> None:
        self.doc.styles.element.append(element)
        self._remember_style(element)

    def _create_style_id_mapping(self, doc: DocumentObject) -> None:
        id2name = {}
        for style in doc.styles.element.iterchildren(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                id2name[style.get(qn("w:styleId"))] = BabelFish.internal2ui(name.get(qn("w:val")))
        self._style_id2name = id2name
        self._style_name2id = self._name2id

    def add_styles(self, doc: DocumentObject, element: Any) -> None:
        """docxcompose's add_styles (without preserve_styles) over the cached style lists."""
        used = dict.fromkeys(e.val for e in xpath(element, ".//w:tblStyle|.//w:pStyle|.//w:rStyle"))
        for style_id in used:
            our_style_id = self.mapped_style_id(style_id)
            if our_style_id not in self._our_ids:
                source = doc.styles.element.get_by_id(style_id)
                if source is not None:
                    style_element = deepcopy(source)
                    self._append_style(style_element)
                    self.add_numberings(doc, style_element)
                    self.add_linked_styles(doc, style_element)
            else:
                self._map_style_numbering(doc, style_id, our_style_id)
            if our_style_id != style_id and our_style_id is not None:
                for el in xpath(element, f'.//w:tblStyle[@w:val="{style_id}"]|'
                                f'.//w:pStyle[@w:val="{style_id}"]|'
                                f'.//w:rStyle[@w:val="{style_id}"]'):
                    el.val = our_style_id

    def _map_style_numbering(self, doc: DocumentObject, style_id: str, our_style_id: str) -> None:
        # A style both documents have may carry a list: reuse our list definition for it.
        style_element = doc.styles.element.get_by_id(style_id)
        if style_element is None:
            return
        num_ids = xpath(style_element, ".//w:numId/@w:val")
        if not num_ids:
            return
        anum_ids = xpath(doc.part.numbering_part.element,
                         f'.//w:num[@w:numId="{num_ids[0]}"]/w:abstractNumId/@w:val')
        our_style = self.doc.styles.element.get_by_id(our_style_id)
        our_num_ids = xpath(our_style, ".//w:numId/@w:val") if our_style is not None else []
        if anum_ids and our_num_ids:
            our_anum_ids = xpath(self.numbering_part().element,
                                 f'.//w:num[@w:numId="{our_num_ids[0]}"]/w:abstractNumId/@w:val')
            if our_anum_ids:
                self.anum_id_mapping[int(anum_ids[0])] = int(our_anum_ids[0])

    def add_linked_styles(self, doc: DocumentObject, element: Any) -> None:
        linked = xpath(element, ".//w:link/@w:val")
        if linked and self.mapped_style_id(linked[0]) not in self._our_ids:
            source = doc.styles.element.get_by_id(linked[0])
            if source is not None:
                self._append_style(deepcopy(source))

    # numbering ---------------------------------------------------------------------------

    def _numbering_index(self) -> Any:
        """The pack's numbering part, indexed once: num and abstractNum elements by id."""
        numbering = self.numbering_part().element
        if not self._indexed:
            self._indexed = True
            self._nums = {int(n.get(qn("w:numId"))): n
                          for n in numbering.iterchildren(qn("w:num"))}
            self._anums = {int(a.get(qn("w:abstractNumId"))): a
                           for a in numbering.iterchildren(qn("w:abstractNum"))}
            self._next_num = max(self._nums, default=0) + 1
            self._next_anum = max(self._anums, default=-1) + 1
        return numbering

    def _next_numbering_ids(self) -> tuple[int, int]:
        self._numbering_index()
        assert self._next_num is not None and self._next_anum is not None
        return self._next_num, self._next_anum

    def _insert_num(self, element: Any) -> None:
        numbering = self._numbering_index()
        cleanup = numbering.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(element)
        else:
            numbering.append(element)
        num_id = int(element.get(qn("w:numId")))
        self._nums[num_id] = element
        self._next_num = max(self._next_num or 1, num_id + 1)

    def _insert_abstract_num(self, element: Any) -> None:
        numbering = self._numbering_index()
        # abstractNum elements come before every num (ECMA-376 CT_Numbering).
        first_num = next(iter(self._nums.values()), None) if self._nums else None
        if first_num is not None and first_num.getparent() is numbering:
            first_num.addprevious(element)
        else:
            numbering.append(element)
        anum = int(element.get(qn("w:abstractNumId")))
        self._anums[anum] = element
        self._next_anum = max(self._next_anum or 0, anum + 1)

    def add_numberings(self, doc: DocumentObject, element: Any) -> None:
        """docxcompose's add_numberings, allocating a new id for each list it copies."""
        num_ids = sorted({n.val for n in xpath(element, ".//w:numId")})
        if not num_ids:
            return
        src = doc.part.numbering_part.element
        for num_id in num_ids:
            if num_id in self.num_id_mapping:
                continue
            found = src.xpath(f'.//w:num[@w:numId="{num_id}"]')
            if not found:
                continue
            num_element = deepcopy(found[0])
            next_num_id, next_anum_id = self._next_numbering_ids()
            num_element.numId = next_num_id
            self.num_id_mapping[num_id] = next_num_id
            anum_id = num_element.find(qn("w:abstractNumId"))
            if anum_id.val not in self.anum_id_mapping:
                anums = src.xpath(f'.//w:abstractNum[@w:abstractNumId="{anum_id.val}"]')
                if not anums:
                    continue
                anum_element = deepcopy(anums[0])
                self.anum_id_mapping[anum_id.val] = next_anum_id
                anum_id.val = next_anum_id
                anum_element.set(qn("w:abstractNumId"), str(next_anum_id))
                nsid = anum_element.find(qn("w:nsid"))
                if nsid is not None:
                    # A new nsid makes the copy a list of its own, so it restarts at 1;
                    # derived from the id (not random) so the same inputs give the same pack.
                    nsid.set(qn("w:val"), f"{0x5EED0000 + next_anum_id:08X}")
                self._insert_abstract_num(anum_element)
            else:
                anum_id.val = self.anum_id_mapping[anum_id.val]
            self._insert_num(num_element)
        for ref in xpath(element, ".//w:numId"):
            ref.val = self.num_id_mapping.get(ref.val, ref.val)

    def restart_first_numbering(self, doc: DocumentObject, element: Any) -> None:
        """docxcompose's restart_first_numbering over the indexed styles and numbering."""
        style_ids = xpath(element, ".//w:pStyle/@w:val")
        if not self.restart_numbering or not style_ids:
            return
        style_id = style_ids[0]
        style_element = self._our_style_els.get(style_id)
        if style_id in self._numbering_restarted or style_element is None:
            return
        if xpath(style_element, ".//w:outlineLvl"):
            return  # headings keep their numbering
        local = xpath(element, ".//w:numPr/w:numId/@w:val")
        num_ids = local or xpath(style_element, ".//w:numId/@w:val")
        if not num_ids:
            return
        self._numbering_index()
        num_element = self._nums.get(int(num_ids[0]))
        if num_element is None:
            return
        anum = self._anums.get(int(num_element.find(qn("w:abstractNumId")).get(qn("w:val"))))
        if anum is None:
            return
        fmt = xpath(anum, './/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val')
        if fmt and fmt[0] == "bullet":
            return  # bullets have nothing to restart
        new_num = deepcopy(num_element)
        override = OxmlElement("w:lvlOverride", {qn("w:ilvl"): "0"})
        override.append(OxmlElement("w:startOverride", {qn("w:val"): "1"}))
        new_num.append(override)
        next_num_id, _ = self._next_numbering_ids()
        new_num.numId = next_num_id
        self._insert_num(new_num)
        ppr = xpath(element, f'.//w:pPr/w:pStyle[@w:val="{style_id}"]/parent::w:pPr')[0]
        num_pr = ppr.find(qn("w:numPr"))
        if num_pr is not None and num_pr.numId is not None:
            self._replace_mapped_num_id(num_pr.numId.val, next_num_id)
            num_pr.numId.val = next_num_id
        else:
            num_pr = OxmlElement("w:numPr")
            num_pr.append(OxmlElement("w:ilvl", {qn("w:val"): "0"}))
            num_pr.append(OxmlElement("w:numId", {qn("w:val"): str(next_num_id)}))
            ppr.append(num_pr)
        self._numbering_restarted.add(style_id)

    # one pass over the whole appended body --------------------------------------------------

    def insert(self, index: int, doc: DocumentObject, remove_property_fields: bool = True) -> None:
        """docxcompose's insert, with the per-element passes that do not depend on element
        order run once over the whole appended body."""
        from docxcompose.properties import CustomProperties

        self.reset_reference_mapping()
        self._current_preserved_styles: dict[str, str] = {}
        if remove_property_fields:
            props = CustomProperties(doc)
            for name in list(props.keys()):  # noqa: SIM118 - a mapping-like, not a dict
                props.dissolve_fields(name)
        self._create_style_id_mapping(doc)
        holder = OxmlElement("w:body")
        for element in doc.element.body:
            if element.tag != qn("w:sectPr"):
                holder.append(deepcopy(element))
        self.add_referenced_parts(doc.part, self.doc.part, holder)
        self.add_styles(doc, holder)
        # Numbering is copied element by element: which list restarts depends on order.
        for element in holder:
            self.add_numberings(doc, element)
            self.restart_first_numbering(doc, element)
        self.add_images(doc, holder)
        self.add_diagrams(doc, holder)
        self.add_shapes(doc, holder)
        footnote_ref = qn("w:footnoteReference")
        for element in holder:  # docxcompose resolves r:ids against the footnotes part here
            if next(element.iter(footnote_ref), None) is not None:
                self.add_footnotes(doc, element)
        self.remove_header_and_footer_references(doc, holder)
        body = self.doc.element.body
        # Insert before a remembered neighbour: lxml's insert(index) walks the growing body.
        following = body[index] if index < len(body) else None
        for element in list(holder):
            if following is not None:
                following.addprevious(element)
            else:
                body.append(element)
        self.add_styles_from_other_parts(doc)
        self.fix_section_types(doc)
        self.fix_header_and_footers(doc)

    # whole-pack passes: once, at the end ---------------------------------------------------

    def renumber_bookmarks(self) -> None:
        pass

    def renumber_docpr_ids(self) -> None:
        pass

    def renumber_nvpicpr_ids(self) -> None:
        pass

    def fix_section_types(self, doc: DocumentObject) -> None:
        if len(doc.sections) > 1:  # checked first: counting the pack's sections rescans it
            super().fix_section_types(doc)

    def fix_header_and_footers(self, doc: DocumentObject) -> None:
        if len(doc.sections) > 1:
            super().fix_header_and_footers(doc)

    def finish(self) -> None:
        """Give every bookmark and drawing in the pack a unique id."""
        Composer.renumber_bookmarks(self)
        Composer.renumber_docpr_ids(self)
        Composer.renumber_nvpicpr_ids(self)


@contextmanager
def _fixed_random(seed: str) -> Iterator[None]:
    """docxcompose draws list ids from ``random``: fix the seed, then restore the caller's."""
    state = random.getstate()
    random.seed(seed)
    try:
        yield
    finally:
        random.setstate(state)


def start_on_new_page(doc: DocumentObject, bookmark: str | None = None) -> None:
    """Make ``doc`` start on a new page, with an optional bookmark at its first paragraph."""
    body = doc.element.body
    first = next((el for el in body if el.tag != qn("w:sectPr")), None)
    if first is None or first.tag != qn("w:p"):
        p = OxmlElement("w:p")
        body.insert(0, p)
        first = p
    paragraph = Paragraph(first, doc._body)
    oxml.page_break_before(paragraph)
    if bookmark:
        start = OxmlElement("w:bookmarkStart", {qn("w:id"): "0", qn("w:name"): bookmark})
        end = OxmlElement("w:bookmarkEnd", {qn("w:id"): "0"})
        ppr = first.find(qn("w:pPr"))
        index = 0 if ppr is None else first.index(ppr) + 1
        first.insert(index, end)
        first.insert(index, start)


def compose(master: DocumentObject, documents: list[tuple[str | None, bytes]],
            progress: Progress | None = None) -> DocumentObject:
    """Append each ``(bookmark, docx bytes)`` to ``master`` on a new page and return it."""
    composer = PackComposer(master)
    with _no_gc():
        for bookmark, data in documents:
            doc = Document(io.BytesIO(data))
            start_on_new_page(doc, bookmark)
            composer.append(doc)
            if progress is not None:
                progress.update(1)
        composer.finish()
    return master


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while appending.

    Each full collection walks every live object, and a pack keeps more alive with each
    report, so collections made assembly grow faster than linearly (measured: 100 reports took
    3.65 x the time of 30 with collections, 3.25 x without). Appending creates few cycles.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compose_naive(master: DocumentObject, documents: list[bytes]) -> DocumentObject:
    """The plain docxcompose loop (the benchmark's baseline)."""
    composer = Composer(master)
    for data in documents:
        composer.append(Document(io.BytesIO(data)))
    return master


# --- items ---------------------------------------------------------------------------------


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

    @property
    def exempt(self) -> bool:
        return self.exempt_paragraph is not None

    @property
    def bookmark(self) -> str:
        # A leading underscore keeps the bookmark out of Word's bookmark list.
        return f"_AgendaItem{self.number}"

    def label(self) -> str:
        return f"item {self.number} ({self.title})"


def pack_steps(agenda: Agenda) -> int:
    """How many steps :func:`build_packs` reports: one per report rendered and per document
    appended."""
    steps = 0
    for item in agenda.items:
        steps += 2 if item.kind == "report" else 1 if item.document else 0
        steps += len(item.appendices or [])
    return steps


def _read_docx(path: Path, what: str) -> bytes:
    """The document rebuilt from its allowed parts, within limits (reportgen.render.package)."""
    from reportgen.render.package import read_docx

    return read_docx(path, "document", not_docx=f"{what} is not a .docx file")


def _item_error(number: int, name: str, exc: ReportgenError) -> ReportgenError:
    lines = exc.lines() if isinstance(exc, ReportgenErrors) else [exc.line()]
    extra = len(lines) - 1
    more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
    return ReportgenError(f"agenda item {number} ({name}): {lines[0]}{more}")


def _run_checks(loaded: Any, result: Any) -> list[Any]:
    """Findings of ``reportgen check`` for a rendered bundle (a seam the assembly tests stub)."""
    from reportgen.checks import run_checks

    findings: list[Any] = run_checks(loaded, result)
    return findings


def _prepare(agenda: Agenda, item: Item, number: int, messages: list[str],
             failures: list[str], progress: Progress | None) -> PackItem:
    from reportgen.pipeline import LoadedReport, load_report, render

    title = item.title or (STANDARD_TITLES[item.standard] if item.standard else "")
    text = item.text
    if item.standard is not None and text is None:
        date = long_date(item.date) if item.date else ""
        text = STANDARD_TEXTS[item.standard].format(date=date)
    exempt = item.exempt_paragraph
    wards = list(item.wards or [])
    documents: list[tuple[str, bytes]] = []
    appendices = list(item.appendices or [])
    if item.report is not None:
        folder = agenda.resolve(item.report)
        try:
            loaded = load_report(folder)
            report = loaded.bundle.report
            title = title or report.title
            if exempt is not None and report.exempt and report.exempt_paragraph != exempt:
                raise ReportgenError(
                    f"agenda says exempt under paragraph {exempt} but the report says "
                    f"paragraph {report.exempt_paragraph}")
            if exempt is None and report.exempt:
                exempt = report.exempt_paragraph
            elif exempt is not None and not report.exempt:
                # The agenda decides: render the report marked exempt too.
                bundle = loaded.bundle.model_copy(update={"report": report.model_copy(
                    update={"exempt": True, "exempt_paragraph": exempt})})
                loaded = LoadedReport(bundle, loaded.datasets, loaded.metrics)
            wards = wards or list(report.wards)
            if exempt is None and not loaded.bundle.settings.public:
                # Part I is published: a report its author marked not for publication must
                # not go into it (suppression would be off), nor be silently suppressed.
                raise ReportgenError(
                    "the report says settings.public: no but is in Part I (the public pack); "
                    "give the agenda item an exempt_paragraph or set settings.public: yes")
            # Part I items are always rendered as public, whatever else the bundle says.
            result = render(loaded, public=True if exempt is None else None)
        except ReportgenError as exc:
            raise _item_error(number, title or item.report, exc) from None
        if progress is not None:
            progress.update(1)
        for finding in _run_checks(loaded, result):
            line = f"agenda item {number} ({title}): {finding.line()}"
            (failures if finding.severity == "error" else messages).append(line)
        documents.append(("report", result.docx))
        if item.appendices is None:
            appendices = []
            for bundle_app in loaded.bundle.appendices:
                name = bundle_app.file
                if name and name.lower().endswith(".docx"):
                    documents.append((bundle_app.title, _read_docx(folder / name, "appendix")))
    elif item.document is not None:
        documents.append(("document", _read_docx(agenda.resolve(item.document), "document")))
    for app in appendices:
        documents.append((app.title, _read_docx(agenda.resolve(app.file), "appendix")))
    return PackItem(number, item, title, text, wards, exempt, documents)


def prepare_items(agenda: Agenda, progress: Progress | None = None,
                  messages: list[str] | None = None) -> list[PackItem]:
    """Number the items, render every bundle and read every document (nothing is written).

    Checks run on each rendered bundle; any error finding stops the pack with one line per
    failing item (warnings go to ``messages``).
    """
    notes = messages if messages is not None else []
    failures: list[str] = []
    items = [_prepare(agenda, item, n, notes, failures, progress)
             for n, item in enumerate(agenda.items, start=1)]
    if failures:
        raise ReportgenErrors([ReportgenError(f"{line} (the pack was not built)")
                               for line in failures])
    return items


# --- front sheets --------------------------------------------------------------------------


def _front_template(agenda: Agenda) -> Path:
    from reportgen.styles import resolve_style

    return resolve_style(agenda.style or DEFAULT_FRONT_STYLE, base=agenda.folder).template


def _blank_document(agenda: Agenda) -> DocumentObject:
    """The front-sheet template with its body emptied and its header naming the meeting."""
    from reportgen.render.package import read_docx
    from reportgen.styles import NOT_A_TEMPLATE

    template = _front_template(agenda)
    data = read_docx(template, "template", not_docx=NOT_A_TEMPLATE)
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a bad file
        raise ReportgenError(f"not a usable Word template (.docx): {exc}", file=template) from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    header = doc.sections[0].header
    line = f"{agenda.council} | {agenda.meeting.committee} | {long_date(agenda.meeting.date)}"
    paragraphs = header.paragraphs
    if paragraphs:
        for p in paragraphs[1:]:
            p._p.getparent().remove(p._p)
        first = paragraphs[0]
        runs = first.runs
        for run in runs[1:]:
            run._r.getparent().remove(run._r)
        if runs:
            runs[0].text = line
        else:
            first.add_run(line)
    return doc


def _style(doc: DocumentObject, *names: str) -> str | None:
    for name in names:
        try:
            doc.styles[name]
        except KeyError:
            continue
        return name
    return None


def _para(doc: DocumentObject, text: str = "", style: str | None = None,
          bold: bool = False) -> Paragraph:
    p = doc.add_paragraph(style=_style(doc, style) if style else None)
    if text:
        p.add_run(text).bold = bold or None
    return p


def _set_widths(table: Any, widths: tuple[Any, ...]) -> None:
    """Fixed column widths in the grid and every cell (LibreOffice reads the grid, Word the
    cells)."""
    table.autofit = False
    for row in table.rows:  # a row never splits across pages
        oxml._get_or_add(row._tr.get_or_add_trPr(), "w:cantSplit", oxml.TRPR_ORDER)
    for col, width in zip(table._tbl.tblGrid.iterchildren(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _details_table(doc: DocumentObject, rows: list[tuple[str, str]], alt: str) -> None:
    table = doc.add_table(rows=0, cols=2)
    style = _style(doc, "Report Details", "Table Grid")
    if style:
        table.style = style
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].paragraphs[0].add_run(value)
    _set_widths(table, (Cm(4), Cm(12.7)))
    oxml.set_table_alt_text(table, alt)


def _meeting_details(doc: DocumentObject, agenda: Agenda) -> None:
    m = agenda.meeting
    rows = [("Date", long_date(m.date, "weekday")), ("Time", m.time), ("Venue", m.venue)]
    if agenda.publication_date:
        rows.append(("Published", long_date(agenda.publication_date, "weekday")))
    _details_table(doc, rows, "Meeting details")
    _para(doc, "Membership", "Heading 2")
    members = [("Chair", agenda.membership.chair)]
    if agenda.membership.vice_chair:
        members.append(("Vice-chair", agenda.membership.vice_chair))
    if agenda.membership.members:
        members.append(("Members", ", ".join(agenda.membership.members)))
    _details_table(doc, members, "Membership")
    _para(doc, "Contact", "Heading 2")
    clerk = agenda.clerk
    contact = [("Clerk", clerk.name + (f", {clerk.job_title}" if clerk.job_title else ""))]
    if clerk.phone:
        contact.append(("Telephone", clerk.phone))
    if clerk.email:
        contact.append(("Email", clerk.email))
    _details_table(doc, contact, "Contact for this agenda")


def _agenda_table(doc: DocumentObject, items: list[PackItem], in_pack: set[int],
                  heading: str) -> None:
    """The numbered agenda: item, title (and wording), wards, page (a PAGEREF field)."""
    _para(doc, heading, "Heading 2")
    table = doc.add_table(rows=1, cols=4)
    style = _style(doc, "Report Table", "Table Grid")
    if style:
        table.style = style
    for cell, label in zip(table.rows[0].cells, ("Item", "Title", "Wards", "Page"), strict=True):
        cell.paragraphs[0].add_run(label).bold = True
    oxml.mark_header_row(table.rows[0])
    for pitem in items:
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(str(pitem.number))
        cells[1].paragraphs[0].add_run(pitem.title).bold = True
        if pitem.exempt:
            cells[1].add_paragraph(schedule_12a_text(pitem.exempt_paragraph or 0) + ".")
        elif pitem.text:
            cells[1].add_paragraph(pitem.text)
        appendix_titles = [label for label, _ in pitem.documents[1:]]
        if pitem.item.standard is None and appendix_titles and pitem.number in in_pack:
            for letter, label in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", appendix_titles,
                                     strict=False):
                cells[1].add_paragraph(f"Appendix {letter}: {label}")
        cells[2].paragraphs[0].add_run(", ".join(pitem.wards) if pitem.wards else "")
        if pitem.number in in_pack and pitem.documents:
            oxml.add_field(cells[3].paragraphs[0], f"PAGEREF {pitem.bookmark} \\h", "?",
                           dirty=True)
    _set_widths(table, (Cm(1.4), Cm(10.8), Cm(2.8), Cm(1.7)))
    oxml.set_table_alt_text(table, heading, "Agenda items with their wards and the page "
                            "of the pack where each begins")


def front_sheet(agenda: Agenda, heading: str, parts: list[tuple[str, list[PackItem]]],
                in_pack: set[int], intro: list[str], banner: str | None = None) -> DocumentObject:
    """A front sheet: meeting details, membership, clerk, then the agenda tables."""
    doc = _blank_document(agenda)
    if banner:
        _para(doc, banner, "Heading 1", bold=True)
    _para(doc, agenda.council, "Title")
    _para(doc, f"{agenda.meeting.committee}: {heading}", "Heading 1")
    for text in intro:
        _para(doc, text)
    _meeting_details(doc, agenda)
    first = True
    for title, items in parts:
        if not items:
            continue
        if first:
            p = _para(doc, "Agenda", "Heading 1")
            oxml.page_break_before(p)
            first = False
        _agenda_table(doc, items, in_pack, title)
    for p in doc.paragraphs:
        p.paragraph_format.space_after = p.paragraph_format.space_after or Pt(6)
    _enable_update_fields(doc)
    return doc


def _enable_update_fields(doc: DocumentObject) -> None:
    """Ask Word to refresh fields (the agenda's page numbers) when the pack opens."""
    settings = doc.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        later = set()
        for tag in _AFTER_UPDATE_FIELDS:
            prefix, local = tag.split(":")
            later.add(qn(tag) if prefix == "w" else local)
        for child in settings:
            local = child.tag.rsplit("}", 1)[-1]
            if child.tag in later or local in later:
                child.addprevious(existing)
                break
        else:
            settings.append(existing)
    existing.set(qn("w:val"), "true")


# --- packs ---------------------------------------------------------------------------------


@dataclass
class Packs:
    """The built packs as .docx bytes (nothing written yet)."""

    public: bytes
    restricted: bytes | None = None
    supplements: dict[int, bytes] = field(default_factory=dict)
    items: list[PackItem] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


def _timestamp(agenda: Agenda) -> dt.datetime:
    day = agenda.publication_date or agenda.meeting.date
    return dt.datetime(day.year, day.month, day.day)


def _finish(doc: DocumentObject, agenda: Agenda, title: str) -> bytes:
    oxml.set_core_properties(doc, title=title, subject=agenda.meeting.committee,
                             author=agenda.council, created=_timestamp(agenda),
                             keywords=["agenda", agenda.meeting.committee])
    out = io.BytesIO()
    doc.save(out)
    return normalise_docx(out.getvalue())


def _pack(agenda: Agenda, heading: str, parts: list[tuple[str, list[PackItem]]],
          contents: list[PackItem], intro: list[str], title: str,
          progress: Progress | None, banner: str | None = None) -> bytes:
    in_pack = {p.number for p in contents}
    master = front_sheet(agenda, heading, parts, in_pack, intro, banner)
    documents: list[tuple[str | None, bytes]] = []
    for pitem in contents:
        for index, (_, data) in enumerate(pitem.documents):
            documents.append((pitem.bookmark if index == 0 else None, data))
    with _fixed_random(f"{agenda.meeting.date.isoformat()} {title}"):
        try:
            compose(master, documents, progress)
        except ReportgenError:
            raise
        except Exception as exc:  # a document python-docx or docxcompose cannot read
            raise ReportgenError(f"could not assemble the {title}: {type(exc).__name__}: "
                                 f"{exc}") from None
    return _finish(master, agenda, title)


def build_packs(agenda: Agenda, progress: Progress | None = None) -> Packs:
    """Render every item and assemble the public, restricted and supplement packs."""
    messages: list[str] = []
    _publication_warning(agenda, messages)
    items = prepare_items(agenda, progress, messages)
    committee = agenda.meeting.committee
    when = long_date(agenda.meeting.date)
    main = [p for p in items if p.item.supplement is None]
    part1 = [p for p in main if not p.exempt]
    part2 = [p for p in main if p.exempt]
    public = _pack(
        agenda, "agenda", [("Part I: public items", part1),
                           ("Part II: items not for publication", part2)],
        [p for p in part1 if p.documents],
        ["The press and public are welcome to attend the meeting, except for any items in "
         "Part II of the agenda, which are not for publication."] if part2 else [],
        f"{committee} {when}: agenda pack", progress)
    packs = Packs(public=public, items=items, messages=messages)
    exempt_all = [p for p in items if p.exempt]
    if exempt_all:
        packs.restricted = _pack(
            agenda, "restricted agenda items",
            [("Part II: items not for publication", exempt_all)],
            [p for p in exempt_all if p.documents],
            ["This pack holds the items of the agenda that are not for publication. It is "
             "for members and officers only and must not be shared with the press or public."],
            f"{committee} {when}: restricted items", progress,
            banner="RESTRICTED: NOT FOR PUBLICATION")
    for number in agenda.supplements:
        extra = [p for p in items if p.item.supplement == number]
        published = (f", published on {long_date(agenda.publication_date)}"
                     if agenda.publication_date else "")
        packs.supplements[number] = _pack(
            agenda, f"supplementary agenda {number}",
            [("Part I: public items", [p for p in extra if not p.exempt]),
             ("Part II: items not for publication", [p for p in extra if p.exempt])],
            [p for p in extra if not p.exempt and p.documents],
            [f"This supplement adds the items below to the agenda for the meeting of the "
             f"{committee} on {when}{published}. Please read it with that agenda: the item "
             "numbers continue from it."],
            f"{committee} {when}: supplementary agenda {number}", progress)
    return packs


def _publication_warning(agenda: Agenda, messages: list[str]) -> None:
    if agenda.publication_date is None:
        return
    from reportgen.deadlines import last_publication_date

    latest = last_publication_date(agenda.meeting.date, agenda.meeting.nation)
    if agenda.publication_date > latest:
        messages.append(
            f"warning: {agenda.path}: publication_date {long_date(agenda.publication_date)} "
            f"is later than {long_date(latest)}, the last day that leaves the clear working "
            "days the law requires before the meeting")


# --- files ---------------------------------------------------------------------------------


def output_paths(output: Path, restricted: Path | None, packs: Packs) -> dict[str, Path]:
    """Where each pack goes: ``PACK.docx``, ``PACK-restricted.docx``, ``PACK-supplement-N.docx``."""
    paths = {"public": output}
    if packs.restricted is not None:
        paths["restricted"] = restricted or output.with_name(f"{output.stem}-restricted.docx")
    for number in packs.supplements:
        paths[f"supplement {number}"] = output.with_name(f"{output.stem}-supplement-{number}.docx")
    return paths


def write_packs(agenda_path: str | Path, output: str | Path, *, force: bool = False,
                pdf: bool = False, restricted: str | Path | None = None,
                progress_factory: Callable[[int], Any] | None = None) -> tuple[list[Path],
                                                                               list[str]]:
    """Load ``agenda_path``, build every pack and write them (and PDFs) atomically.

    Returns the paths written and the messages (warnings) to show. ``progress_factory(total)``
    may return a context manager with ``update`` (such as ``click.progressbar``).
    """
    from reportgen.agenda import load_agenda
    from reportgen.fileio import write_atomic

    out = Path(output)
    if out.suffix.lower() != ".docx":
        raise ReportgenError("the output file name must end in .docx", file=out)
    restricted_path = Path(restricted) if restricted else None
    if restricted_path is not None and restricted_path.suffix.lower() != ".docx":
        raise ReportgenError("the restricted pack's file name must end in .docx",
                             file=restricted_path)
    if pdf:
        from reportgen.pdf import INSTALL_HINT, find_soffice

        if find_soffice() is None:  # say so before doing any work
            raise ReportgenError(INSTALL_HINT)
    agenda = load_agenda(agenda_path)
    if out.exists() and not force:
        raise ReportgenError("already exists: use --force to replace it", file=out)
    total = pack_steps(agenda)
    if progress_factory is not None:
        with progress_factory(total) as bar:
            packs = build_packs(agenda, bar)
    else:
        packs = build_packs(agenda)
    paths = output_paths(out, restricted_path, packs)
    if len(set(paths.values())) != len(paths):
        raise ReportgenError("the public and restricted packs must have different file names",
                             file=out)
    data = {"public": packs.public, "restricted": packs.restricted,
            **{f"supplement {n}": b for n, b in packs.supplements.items()}}
    # Every target is checked before anything is written, so no pack is left half-done.
    for path in paths.values():
        if path.exists() and not force:
            raise ReportgenError("already exists: use --force to replace it", file=path)
    written: list[Path] = []
    for key, path in paths.items():
        blob = data[key]
        if blob is not None:
            write_atomic(path, blob, force=force)
            written.append(path)
    if pdf:
        from reportgen.pdf import convert_to_pdf

        for path in list(written):
            written.append(convert_to_pdf(path, path.with_suffix(".pdf")))
    return written, packs.messages

