"""Contract with docxcompose: reportgen.pack.composer.PackComposer overrides docxcompose's
methods (pinned in pyproject.toml to the minor version it was written against), so on the
fixture pack it must keep what plain docxcompose keeps: the same paragraphs, tables,
pictures and native charts (each with its embedded workbook), in the same order.

The differences, on purpose (docs/agenda.md): each document starts on a new page with a
bookmark at its first paragraph (an empty paragraph is added first when a document starts with
a table); a style that formats text differently from the pack's style of the same name is
copied under a name of its own (reportgen.pack.styles); two lists met in one element get their
own numbering ids. None of these changes a word, a table cell or a picture.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from reportgen.agenda import load_agenda
from reportgen.pack.composer import compose, compose_naive
from reportgen.pack.front_sheet import front_sheet
from reportgen.pack.items import prepare_items
from tests.test_pack import copy_fixtures


@pytest.fixture(scope="module")
def composed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The fixture's public pack put together by our composer and by plain docxcompose."""
    agenda = load_agenda(copy_fixtures(tmp_path_factory.mktemp("contract")))
    items = [p for p in prepare_items(agenda) if not p.exempt and p.documents
             and p.item.supplement is None]
    parts = [("Part I: public items", items)]
    numbers = {p.number for p in items}
    ours = front_sheet(agenda, "agenda", parts, numbers, [])
    plain = front_sheet(agenda, "agenda", parts, numbers, [])
    documents = [(p.document_bookmark(i), data) for p in items
                 for i, (_, data) in enumerate(p.documents)]
    assert len(documents) == 3  # Harrow, its appendix, Rotherham
    compose(ours, documents)
    compose_naive(plain, [data for _, data in documents])
    return ours, plain


def _blocks(doc: Any) -> list[tuple[str, str]]:
    """Body paragraphs and tables in order, as (kind, text); empty paragraphs left out."""
    found = []
    for element in doc.element.body:
        text = " ".join("".join(t.text or "" for t in element.iter(qn("w:t"))).split())
        if element.tag == qn("w:tbl"):
            found.append(("table", text))
        elif element.tag == qn("w:p") and text:
            found.append(("paragraph", text))
    return found


_CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
_RT_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
_RT_PACKAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _pictures(doc: Any) -> list[str]:
    """The pictures and charts the body shows, in order, by the hash of their bytes (a
    chart's with its workbook's)."""
    rels = doc.part.rels
    found = []
    for el in doc.element.body.iter(qn("a:blip"), _CHART):
        if el.tag == _CHART:
            part = rels[el.get(qn("r:id"))].target_part
            books = [r.target_part.blob for r in part.rels.values()
                     if r.reltype == _RT_PACKAGE]
            found.append("chart " + hashlib.sha256(part.blob + b"".join(books)).hexdigest())
        else:
            rid = el.get(qn("r:embed"))
            found.append(hashlib.sha256(rels[rid].target_part.blob).hexdigest())
    return found


def test_docxcompose_is_the_pinned_minor_version() -> None:
    import tomllib

    pyproject = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    pins = [d for d in pyproject["project"]["dependencies"] if d.startswith("docxcompose")]
    assert pins == ["docxcompose>=2.2,<2.3"]
    assert version("docxcompose").startswith("2.2.")


def test_same_paragraphs_and_tables_in_the_same_order(composed: tuple[Any, Any]) -> None:
    ours, plain = composed
    assert len(_blocks(plain)) > 100
    assert _blocks(ours) == _blocks(plain)


def test_same_pictures_in_the_same_order(composed: tuple[Any, Any]) -> None:
    ours, plain = composed
    assert len(_pictures(plain)) >= 3
    assert _pictures(ours) == _pictures(plain)


def test_charts_are_carried_with_their_workbooks(composed: tuple[Any, Any]) -> None:
    """Every chart of the reports reaches the pack as its own chart part (once per chart),
    related from the document and relating in turn to its own embedded workbook."""
    import io
    import zipfile

    ours, _ = composed
    refs = list(ours.element.body.iter(_CHART))
    assert len(refs) == 4  # Harrow: placements by type (two panels) and spend by period;
    # Rotherham: budget
    parts = []
    for ref in refs:
        rel = ours.part.rels[ref.get(qn("r:id"))]
        assert rel.reltype == _RT_CHART
        parts.append(rel.target_part)
    assert len({p.partname for p in parts}) == len(parts)
    books = []
    for part in parts:
        assert part.partname.startswith("/word/charts/chart")
        assert b"c:externalData" in part.blob
        (book,) = [r.target_part for r in part.rels.values() if r.reltype == _RT_PACKAGE]
        assert book.content_type == _XLSX and book.partname.startswith("/word/embeddings/")
        assert zipfile.ZipFile(io.BytesIO(book.blob)).testzip() is None
        books.append(book.partname)
    assert len(set(books)) == len(books)
    out = io.BytesIO()
    ours.save(out)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    for name in [p.partname for p in parts] + books:
        assert names.count(name.lstrip("/")) == 1


def test_same_list_paragraphs_and_headings(composed: tuple[Any, Any]) -> None:
    """Lists stay lists and headings stay headings (numbering ids may differ)."""
    def shape(doc: Any) -> list[tuple[str, bool]]:
        # A style copied for one document is named "Heading 1 (item 4 appendix A)".
        return [(re.sub(r" \((?:item|document) [^)]*\)$", "", p.style.name),
                 p._p.pPr is not None and p._p.pPr.numPr is not None
                 or "List" in p.style.name) for p in doc.paragraphs if p.text.strip()]

    ours, plain = composed
    assert shape(ours) == shape(plain)


def test_the_differences_are_the_documented_ones(composed: tuple[Any, Any]) -> None:
    ours, plain = composed
    starts = [b for b in ours.element.body.iter(qn("w:bookmarkStart"))
              if b.get(qn("w:name")).startswith("_AgendaItem")]
    assert [b.get(qn("w:name")) for b in starts] == [
        "_AgendaItem4", "_AgendaItem4_AppendixA", "_AgendaItem5"]
    for start in starts:
        assert start.getparent().find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    breaks = [len(list(d.element.body.iter(qn("w:pageBreakBefore")))) for d in (ours, plain)]
    assert breaks[0] == breaks[1] + len(starts)  # the front sheet's own "Agenda" break too
    # The appendix was written in Word with its own Normal and Heading 1: those are copied for
    # it. The reports' house style defines its styles as the front sheet's does: shared.
    copied = sorted(s.name for s in ours.styles if "(" in (s.name or ""))
    assert copied and all(name.endswith(" (item 4 appendix A)") for name in copied), copied
