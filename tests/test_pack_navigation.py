"""Packs that navigate: with --pdf the agenda's page numbers are those of the PDF, in the .docx
too, and the PDF has an outline with one entry per agenda item and appendix."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from reportgen.pack import write_packs
from reportgen.pack.navigate import start_pages, write_page_numbers
from reportgen.render import oxml
from tests.helpers import client_missing
from tests.test_pack import copy_fixtures

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _missing() -> str | None:
    from reportgen.pdf import find_soffice

    if find_soffice() is None or shutil.which("pdftotext") is None:
        return "LibreOffice (soffice) or pdftotext (poppler-utils) is not installed"
    return None


@dataclass
class Laid:
    files: dict[str, Path]


@pytest.fixture(scope="module")
def laid(tmp_path_factory: pytest.TempPathFactory) -> Laid:
    """The fixture agenda packed once with --pdf (three packs, each laid out by LibreOffice)."""
    reason = _missing()
    if reason:
        client_missing(f"{reason}: the pack PDFs were NOT checked")
    root = tmp_path_factory.mktemp("laid")
    agenda = copy_fixtures(root)
    (root / "out").mkdir()
    written, _ = write_packs(agenda, root / "out" / "pack.docx", pdf=True)
    return Laid({p.name: p for p in written})


def _norm(text: str) -> str:
    return " ".join(text.split())


def _page_text(pdf: Path, page: int) -> str:
    """The page's text as laid out (table rows stay on one line)."""
    out = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf),
                          "-"],
                         capture_output=True, text=True, check=True)
    return _norm(out.stdout)


def _below_header(pdf: Path, page: int) -> str:
    """The page's text after its first line (the pack's running header)."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert lines[0].startswith("Harrow Council | Corporate Parenting Panel")
    return _norm(" ".join(lines[1:]))


def _body(docx: Path) -> etree._Element:
    with zipfile.ZipFile(docx) as z:
        return etree.fromstring(z.read("word/document.xml"))


def _pagerefs(root: etree._Element) -> dict[str, str]:
    """Each PAGEREF field's bookmark and the result the .docx shows."""
    found: dict[str, str] = {}
    for p in root.iter(f"{W}p"):
        instr, result, state = "", "", None
        for r in p.iter(f"{W}r"):
            char = r.find(f"{W}fldChar")
            kind = char.get(f"{W}fldCharType") if char is not None else None
            if kind == "begin":
                instr, result, state = "", "", "instr"
            elif kind == "separate":
                state = "result"
            elif kind == "end":
                match = re.match(r"\s*PAGEREF\s+(\S+)", instr)
                if match:
                    found[match.group(1)] = result
                state = None
            elif state == "instr":
                instr += "".join(t.text or "" for t in r.iter(f"{W}instrText"))
            elif state == "result":
                result += "".join(t.text or "" for t in r.iter(f"{W}t"))
    return found


def _first_words(root: etree._Element, bookmark: str) -> str:
    """The text of the bookmarked paragraph, or of the first paragraph with text after it."""
    start = root.find(f".//{W}bookmarkStart[@{W}name='{bookmark}']")
    assert start is not None, bookmark
    paragraph = start.getparent()
    body = paragraph.getparent()
    for element in body[body.index(paragraph):]:
        text = _norm("".join(t.text or "" for t in element.iter(f"{W}t")))
        if text:
            return text[:60]
    raise AssertionError(f"nothing after {bookmark}")


@pytest.mark.parametrize(("name", "expected"), [
    ("pack", ["_AgendaItem4", "_AgendaItem4_AppendixA", "_AgendaItem5"]),
    ("pack-restricted", ["_AgendaItem8"]),
    ("pack-supplement-1", ["_AgendaItem9"]),
])
def test_agenda_page_numbers_are_where_each_document_starts_in_the_pdf(
        laid: Laid, name: str, expected: list[str]) -> None:
    docx, pdf = laid.files[f"{name}.docx"], laid.files[f"{name}.pdf"]
    root = _body(docx)
    refs = _pagerefs(root)
    assert sorted(refs) == sorted(expected)
    pages = [int(refs[b]) for b in expected]  # a number, not "?", in the .docx itself
    assert pages == sorted(pages) and pages[0] > 1
    for bookmark, page in zip(expected, pages, strict=True):
        start = _first_words(root, bookmark)
        # After the pack's running header, the page begins with the document's first words,
        # and the page before does not.
        assert _below_header(pdf, page).startswith(start), (bookmark, page)
        assert not _below_header(pdf, page - 1).startswith(start), (bookmark, page)
    # The numbers are known: Word need not update fields (nor ask to) when the pack opens.
    with zipfile.ZipFile(docx) as z:
        assert b"updateFields" not in z.read("word/settings.xml")
    assert not [b for b in root.iter(f"{W}fldChar") if b.get(f"{W}dirty")]


def test_pdf_agenda_shows_the_same_numbers(laid: Laid) -> None:
    refs = _pagerefs(_body(laid.files["pack.docx"]))
    agenda = _page_text(laid.files["pack.pdf"], 2)
    assert re.search(rf"High Costs Placements Monitoring Update All {refs['_AgendaItem4']}\b",
                     agenda)
    assert f"Appendix A: Placement sufficiency summary (page {refs['_AgendaItem4_AppendixA']})" \
        in agenda
    assert re.search(rf"Commissioning of placements for looked after All {refs['_AgendaItem5']}\b",
                     agenda)


def _outline(pdf: Path) -> list[tuple[int, str, int]]:
    import pikepdf

    found: list[tuple[int, str, int]] = []
    with pikepdf.open(pdf) as doc:
        index = {page.obj.objgen: n for n, page in enumerate(doc.pages, start=1)}
        assert doc.Root.PageMode == pikepdf.Name.UseOutlines

        def walk(items: object, depth: int) -> None:
            for item in items:  # type: ignore[attr-defined]
                found.append((depth, item.title, index[item.destination[0].objgen]))
                walk(item.children, depth + 1)

        with doc.open_outline() as tree:
            walk(tree.root, 0)
    return found


def test_outline_has_one_entry_per_item_and_appendix(laid: Laid) -> None:
    refs = _pagerefs(_body(laid.files["pack.docx"]))
    outline = _outline(laid.files["pack.pdf"])
    top = [(title, page) for depth, title, page in outline if depth == 0]
    assert top == [
        ("4. High Costs Placements Monitoring Update", int(refs["_AgendaItem4"])),
        ("5. Commissioning of placements for looked after children (Rotherham comparison)",
         int(refs["_AgendaItem5"]))]
    appendix = [(d, t, p) for d, t, p in outline if t.startswith("Appendix A:")][0]
    assert appendix == (1, "Appendix A: Placement sufficiency summary",
                        int(refs["_AgendaItem4_AppendixA"]))
    # Each report's own headings stay below its item, on the report's pages.
    harrow = [(d, t, p) for d, t, p in outline if t == "Section 2 – Report"]
    assert harrow and harrow[0][0] >= 1
    assert int(refs["_AgendaItem4"]) <= harrow[0][2] < int(refs["_AgendaItem4_AppendixA"])
    for name, title in (("pack-restricted.pdf", "8. Scrutiny working group update on looked "
                         "after children cost reduction"),
                        ("pack-supplement-1.pdf", "9. Fostering recruitment update")):
        assert [t for d, t, _ in _outline(laid.files[name]) if d == 0] == [title]


# --- without LibreOffice -------------------------------------------------------------------


def test_write_page_numbers_fills_only_known_pagerefs() -> None:
    doc = Document()
    p = doc.add_paragraph("Item 4 ")
    oxml.add_field(p, "PAGEREF _AgendaItem4 \\h", "?", dirty=True)
    q = doc.add_paragraph("Elsewhere ")
    oxml.add_field(q, "PAGEREF _Other \\h", "?", dirty=True)
    oxml.add_field(q, "PAGE", "1")
    settings = doc.settings.element
    settings.append(settings.makeelement(f"{W}updateFields", {f"{W}val": "true"}))
    out = io.BytesIO()
    doc.save(out)
    filled = write_page_numbers(out.getvalue(), {"_AgendaItem4": 12})
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(filled)).read("word/document.xml"))
    assert _pagerefs(root) == {"_AgendaItem4": "12", "_Other": "?"}
    dirty = [c for c in root.iter(f"{W}fldChar") if c.get(f"{W}dirty")]
    assert len(dirty) == 1  # the unknown reference still asks Word to update it
    assert b"updateFields" not in zipfile.ZipFile(io.BytesIO(filled)).read("word/settings.xml")


def _pdf_with_links(links: list[tuple[int, int, float]], pages: int) -> bytes:
    import pikepdf

    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page()
    for source, target, top in links:
        page = pdf.pages[source - 1]
        annot = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
            Rect=[400, top - 12, 420, top],
            Dest=[pdf.pages[target - 1].obj, pikepdf.Name.XYZ, 0, 800, 0]))
        if "/Annots" not in page.obj:
            page.obj.Annots = pikepdf.Array()
        page.obj.Annots.append(annot)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def test_start_pages_read_the_agenda_links_in_any_column_order() -> None:
    # The appendix's link (page 9) stands above its item's (page 4) on the agenda page.
    pdf = _pdf_with_links([(2, 9, 500), (2, 4, 480), (3, 10, 700), (5, 6, 300)], 12)
    assert start_pages(pdf, 3) == [4, 9, 10]


def test_start_pages_refuse_a_pdf_laid_out_otherwise() -> None:
    from reportgen.errors import ReportgenError

    with pytest.raises(ReportgenError, match="links from the agenda"):
        start_pages(_pdf_with_links([(2, 4, 500)], 6), 2)
    # A fourth link on the agenda pages: which three are the page references is not known.
    pdf = _pdf_with_links([(2, 4, 500), (2, 9, 480), (2, 10, 460), (2, 5, 440)], 12)
    with pytest.raises(ReportgenError, match="one link from the agenda"):
        start_pages(pdf, 3)


def test_an_appended_document_cannot_take_the_packs_bookmarks() -> None:
    """A ready-made document with a bookmark named like the pack's own (untrusted input)
    must not move the agenda's page reference onto its own pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from reportgen.pack.composer import compose

    hostile = Document()
    hostile.add_paragraph("First page of the document")
    target = hostile.add_paragraph("Later in the document")
    target._p.append(OxmlElement("w:bookmarkStart", {qn("w:id"): "7",
                                                     qn("w:name"): "_AgendaItem4"}))
    target._p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): "7"}))
    data = io.BytesIO()
    hostile.save(data)
    master = Document()
    master.add_paragraph("Agenda")
    compose(master, [("_AgendaItem4", data.getvalue())])
    starts = [b for b in master.element.body.iter(qn("w:bookmarkStart"))
              if b.get(qn("w:name")) == "_AgendaItem4"]
    assert len(starts) == 1
    paragraph = starts[0].getparent()
    assert "".join(t.text or "" for t in paragraph.iter(qn("w:t"))) == \
        "First page of the document"
    ids = [b.get(qn("w:id")) for b in master.element.body.iter(qn("w:bookmarkEnd"))]
    assert len(ids) == len(set(ids)) == 1
