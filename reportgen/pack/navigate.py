"""Packs that navigate: the agenda's page numbers and the PDF outline, from LibreOffice's layout.

The agenda's page column holds ``PAGEREF`` fields pointing at a bookmark at the start of each
item and appendix. A field's result is only as good as the last layout that computed it, and
python-docx lays nothing out, so without a layout engine the .docx carries a placeholder and
asks Word to update its fields when it opens. With ``--pdf`` LibreOffice lays the pack out
anyway, so :func:`paginate`:

1. converts the pack to PDF (:func:`reportgen.pdf.convert_to_pdf`);
2. reads, from that PDF, where each agenda page reference leads: LibreOffice exports each
   ``PAGEREF … \\h`` field as a link to the page of its bookmark, the agenda is the only part
   of the pack before the first item, and the documents (the pack's
   :class:`~reportgen.pack.items.OutlineEntry` list) start on pages of their own in order;
3. writes those page numbers into the .docx as the fields' results (so Word shows them without
   an update, and F9 still recomputes them), and converts again, until the numbers in the
   .docx are those of its own PDF (a longer number could in principle move a page break);
4. replaces LibreOffice's outline (every heading of every report) with one entry per item and
   one below it per appendix, and puts each report's own headings below its item.

Reading links, not searching the PDF text for titles, means no wording of a report can
mislead it.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.pack.items import OutlineEntry
from reportgen.render.zipnorm import normalise_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
_PAGEREF = re.compile(r"^\s*PAGEREF\s+(\S+)")
# How many times the pack is laid out at most before its page numbers must have settled.
MAX_LAYOUTS = 3


def paginate(docx: bytes, outline: Sequence[OutlineEntry], name: str) -> tuple[bytes, bytes]:
    """The pack with its agenda's page numbers filled in, and its PDF with an outline.

    ``name`` is the .docx file name LibreOffice is shown (its PDF takes the document's title
    from the core properties). Needs LibreOffice; raises :class:`ReportgenError` if the pages
    cannot be read from its PDF.
    """
    import pikepdf

    current = docx
    numbers: list[int] | None = None
    for _ in range(MAX_LAYOUTS):
        pdf = _to_pdf(current, name)
        if not outline:
            return current, pdf
        try:
            pages = start_pages(pdf, len(outline))
            if pages == numbers:  # the numbers in ``current`` are those of its own layout
                return current, add_outline(pdf, outline, pages)
        except pikepdf.PdfError as exc:
            raise ReportgenError(f"{name}: LibreOffice's PDF could not be read: {exc}") from None
        numbers = pages
        current = write_page_numbers(docx, {e.bookmark: n
                                            for e, n in zip(outline, pages, strict=True)})
    raise ReportgenError(f"{name}: the agenda's page numbers did not settle after "
                         f"{MAX_LAYOUTS} layouts in LibreOffice")


def _to_pdf(docx: bytes, name: str) -> bytes:
    from reportgen.pdf import convert_to_pdf

    with tempfile.TemporaryDirectory(prefix="reportgen-pages-") as tmp:
        source = Path(tmp, Path(name).name)
        source.write_bytes(docx)
        return convert_to_pdf(source, Path(tmp, "laid-out.pdf")).read_bytes()


# --- reading the PDF -----------------------------------------------------------------------


def _link_target(pdf: Any, annot: Any) -> Any:
    """The destination array of a link annotation (explicit, named or a GoTo action)."""
    import pikepdf

    dest = annot.get("/Dest")
    action = annot.get("/A")
    if dest is None and action is not None and action.get("/S") == pikepdf.Name.GoTo:
        dest = action.get("/D")
    if isinstance(dest, pikepdf.Name | pikepdf.String):
        key = str(dest).lstrip("/")
        dest = None
        if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
            tree = pikepdf.NameTree(pdf.Root.Names.Dests)
            dest = tree.get(key)
        elif "/Dests" in pdf.Root:
            dest = pdf.Root.Dests.get("/" + key)
        if isinstance(dest, pikepdf.Dictionary):
            dest = dest.get("/D")
    return dest if isinstance(dest, pikepdf.Array) and len(dest) else None


def internal_links(pdf_bytes: bytes) -> list[tuple[int, int]]:
    """Every link to a page of the same PDF, as (page it is on, page it leads to), 1-based,
    in reading order (page, then top to bottom, then left to right)."""
    import pikepdf

    found: list[tuple[int, float, float, int]] = []
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        for n, page in enumerate(pdf.pages, start=1):
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") != pikepdf.Name.Link:
                    continue
                dest = _link_target(pdf, annot)
                if dest is None or not isinstance(dest[0], pikepdf.Dictionary):
                    continue
                target = index.get(dest[0].objgen)
                if target is None:
                    continue
                rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
                found.append((n, -max(rect[1], rect[3]), min(rect[0], rect[2]), target))
    found.sort()
    return [(source, target) for source, _, _, target in found]


def start_pages(pdf_bytes: bytes, count: int) -> list[int]:
    """The page where each of the pack's ``count`` documents starts, in pack order.

    The agenda's links are the first ``count`` internal links, and they are all the links on
    the pages before the first page they lead to (the front sheet). Each document starts on a
    page of its own, in the order of the pack, so the pages they lead to, sorted, are the
    documents' start pages whatever order the agenda's columns put the links in. Anything
    else means the PDF is not laid out as expected, and no number is guessed.
    """
    links = internal_links(pdf_bytes)
    agenda = links[:count]
    if len(agenda) < count:
        raise ReportgenError(f"LibreOffice's PDF has {len(agenda)} links from the agenda to "
                             f"the pack's documents, not {count}: the page numbers cannot be "
                             "read")
    first = min(target for _, target in agenda)
    before = [link for link in links if link[0] < first]
    pages = sorted(target for _, target in agenda)
    if before != agenda or len(set(pages)) != count:
        raise ReportgenError("LibreOffice's PDF does not have one link from the agenda to the "
                             "first page of each document: the page numbers cannot be read")
    return pages


# --- the .docx ------------------------------------------------------------------------------


def write_page_numbers(docx: bytes, pages: dict[str, int]) -> bytes:
    """``docx`` with each ``PAGEREF bookmark`` field showing ``pages[bookmark]`` and no longer
    asking Word to update it (nor every field) on opening."""
    with zipfile.ZipFile(io.BytesIO(docx)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    root = etree.fromstring(parts["word/document.xml"])
    for paragraph in root.iter(f"{_W}p"):
        _fill_fields(paragraph, pages)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    if "word/settings.xml" in parts:
        settings = etree.fromstring(parts["word/settings.xml"])
        for update in settings.findall(f"{_W}updateFields"):
            settings.remove(update)
        parts["word/settings.xml"] = etree.tostring(settings, xml_declaration=True,
                                                    encoding="UTF-8", standalone=True)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for part, data in parts.items():
            target.writestr(part, data)
    return normalise_docx(out.getvalue())


def _fill_fields(paragraph: Any, pages: dict[str, int]) -> None:
    """Set the result of each complex PAGEREF field in ``paragraph`` whose bookmark is known.

    Our fields (``reportgen.render.oxml.add_field``) stand in one paragraph: begin, instrText,
    separate, the result runs, end."""
    state = "outside"
    begin: Any = None
    instr: list[str] = []
    result_texts: list[Any] = []
    for run in paragraph.iter(f"{_W}r"):
        char = run.find(f"{_W}fldChar")
        kind = char.get(f"{_W}fldCharType") if char is not None else None
        if kind == "begin":
            state, begin, instr, result_texts = "instr", char, [], []
        elif kind == "separate" and state == "instr":
            state = "result"
        elif kind == "end" and state in ("instr", "result"):
            match = _PAGEREF.match("".join(instr))
            if match and match.group(1) in pages and result_texts:
                result_texts[0].text = str(pages[match.group(1)])
                for extra in result_texts[1:]:
                    extra.text = ""
                begin.attrib.pop(f"{_W}dirty", None)
            state = "outside"
        elif state == "instr":
            instr += [t.text or "" for t in run.iter(f"{_W}instrText")]
        elif state == "result":
            result_texts += list(run.iter(f"{_W}t"))


# --- the outline ----------------------------------------------------------------------------


def add_outline(pdf_bytes: bytes, outline: Sequence[OutlineEntry], pages: Sequence[int]) -> bytes:
    """``pdf_bytes`` with its outline replaced: one entry per item, its appendices below it,
    and below each document the headings LibreOffice exported from it."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        with pdf.open_outline() as tree:
            headings = _flatten(tree.root, index)
            tree.root.clear()
            starts = list(pages) + [len(pdf.pages) + 1]
            parent: Any = None
            for number, (entry, page) in enumerate(zip(outline, pages, strict=True)):
                node = pikepdf.OutlineItem(entry.title, page - 1)
                # Headings on the document's own pages, in the order LibreOffice gave them.
                end = max(starts[number + 1], page + 1)
                node.children.extend(copy for first, copy in headings if page <= first < end)
                if entry.level == 0 or parent is None:
                    tree.root.append(node)
                    parent = node
                else:
                    parent.children.append(node)
        pdf.Root.PageMode = pikepdf.Name.UseOutlines  # open with the bookmarks shown
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _flatten(items: Any, index: dict[Any, int]) -> list[tuple[int, Any]]:
    """LibreOffice's top-level outline entries as (page, a fresh entry with its children)."""
    import pikepdf

    found: list[tuple[int, Any]] = []
    for item in items:
        dest = item.destination
        page = None
        if isinstance(dest, pikepdf.Array) and len(dest) and isinstance(dest[0],
                                                                        pikepdf.Dictionary):
            page = index.get(dest[0].objgen)
        if page is None:
            continue
        found.append((page, _copy(item, index)))
    return found


def _copy(item: Any, index: dict[Any, int]) -> Any:
    import pikepdf

    dest = item.destination
    page = index.get(dest[0].objgen, 1) if isinstance(dest, pikepdf.Array) and len(dest) else 1
    copy = pikepdf.OutlineItem(item.title, page - 1)
    copy.children.extend(_copy(child, index) for child in item.children)
    return copy
