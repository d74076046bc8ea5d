"""The web page of a report says what its Word file says (reportgen.publish).

Parity: every fixture in every house style is rendered, the .docx read back with python-docx
and the page with html5lib, and the headings, every figure (£ amounts, numbers, percentages)
and every table cell are compared in order. Then the page's own promises: numbering as Word
shows it, checkboxes in words, alt text, captions and header cells, escaping of hostile text,
byte-identical output, and the agenda page agreeing with agenda.json.
"""

from __future__ import annotations

import functools
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import html5lib
import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from reportgen.errors import ReportgenError
from reportgen.publish.html import format_number, house_css, report_html
from reportgen.render import oxml
from tests.helpers import FIXTURES, client_missing

BUNDLES = sorted(p.parent.name for p in FIXTURES.glob("*/report.yaml"))
STYLES = sorted(p.parent.name for p in (FIXTURES.parent / "templates").glob("*/template.docx")
                if p.parent.name != "starter")
FIGURE = re.compile(r"£?\d+(?:,\d{3})*(?:\.\d+)?(?:%|k|m)?")
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption", "th", "td",
          "summary", "dt", "dd", "table", "tr", "ul", "ol", "figure", "details", "header",
          "footer", "main", "nav"}


@functools.cache
def rendered(bundle: str, style: str | None = None) -> tuple[bytes, bytes]:
    """(docx, html) of a fixture, in its own style or ``style``."""
    from reportgen.pipeline import load_report, produce

    produced = produce(load_report(FIXTURES / bundle), style=style, gate=False)
    return produced.result.docx, report_html(produced.result.docx)


def parse(page: bytes) -> Any:
    return html5lib.parse(page, namespaceHTMLElements=False)


def norm(text: str) -> str:
    return " ".join(text.split())


def block_text(element: Any, skip: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    """Text of ``element`` with a space at the edges of each block (so cells never run
    together) and without the elements whose class is in ``skip``."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        if set((el.get("class") or "").split()) & skip:
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            parts.append(" ")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append(" ")
        if el.tail:
            parts.append(el.tail)

    walk(element)
    return norm("".join(parts))


def without_checkbox_words(text: str) -> str:
    return re.sub(r"([☒☐]) (?:un)?checked", r"\1", text)


# --- reading the .docx back with python-docx ----------------------------------------------------


def ptext(p: Paragraph) -> str:
    """Every w:t of the paragraph, content controls included (python-docx's ``text`` leaves
    out the ☒ of a checkbox), and a tab or break as a space as a reader sees it (a number
    written "4." before a tab is not part of the figure after it)."""
    return "".join(t.text or "" if t.tag == qn("w:t") else " "
                   for t in p._p.iter(qn("w:t"), qn("w:tab"), qn("w:br")))


def docx_blocks(data: bytes) -> list[Paragraph | Table]:
    return list(Document(io.BytesIO(data)).iter_inner_content())


def docx_headings(data: bytes) -> list[tuple[str, str]]:
    out = []
    for block in docx_blocks(data):
        if isinstance(block, Paragraph) and block.style is not None:
            name = block.style.name or ""
            if (name == "Title" or name.startswith("Heading")) and block.text.strip():
                out.append((name, norm(block.text)))
    return out


def cell_texts(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        seen: list[Any] = []
        cells = []
        for cell in row.cells:
            if any(cell._tc is s for s in seen):  # a merged cell repeats
                continue
            seen.append(cell._tc)
            cells.append(norm(" ".join(ptext(p) for p in cell.paragraphs)))
        rows.append(cells)
    return rows


def docx_tables(data: bytes) -> list[list[list[str]]]:
    return [cell_texts(b) for b in docx_blocks(data) if isinstance(b, Table)]


def docx_text_stream(data: bytes) -> str:
    parts = []
    for block in docx_blocks(data):
        if isinstance(block, Paragraph):
            parts.append(ptext(block))
        else:
            for row in cell_texts(block):
                parts.extend(row)
    return norm(" ".join(parts))


def docx_alt_texts(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    return [d.get("descr") for d in doc.element.body.iter(qn("wp:docPr"))]


# --- the page, read with html5lib -------------------------------------------------------------


def main_of(page: bytes) -> Any:
    main = parse(page).find(".//main")
    assert main is not None and main.get("id") == "content"
    return main


def html_headings(page: bytes) -> list[tuple[str, str]]:
    out = []
    for el in main_of(page).iter():
        if isinstance(el.tag, str) and re.fullmatch(r"h[1-6]", el.tag):
            out.append((el.tag, block_text(el, {"number"})))
    return out


SVG = "{http://www.w3.org/2000/svg}"


def html_tables(page: bytes) -> list[list[list[str]]]:
    """The document's tables (not the data tables drawn beneath charts)."""
    tables = []
    for table in main_of(page).iter("table"):
        if table.get("class") == "chart-data":
            continue
        rows = []
        for tr in table.iter("tr"):
            rows.append([without_checkbox_words(block_text(c)) for c in tr
                         if c.tag in ("th", "td")])
        tables.append(rows)
    return tables


def html_text_stream(page: bytes) -> str:
    main = main_of(page)
    for details in main.iter("details"):  # the chart description repeats the alt text
        for p in details.findall("p"):
            p.set("class", "alt-repeat")
        for summary in details.findall("summary"):
            summary.set("class", "alt-repeat")
    return without_checkbox_words(block_text(main, {"number", "alt-repeat", "chart",
                                                     "chart-data"}))


CASES = [(b, None) for b in BUNDLES] + [(b, s) for b in BUNDLES for s in STYLES]


@pytest.mark.parametrize(("bundle", "style"), CASES)
def test_parity_headings_figures_and_cells(bundle: str, style: str | None) -> None:
    docx, page = rendered(bundle, style)
    # Headings: the same text in the same order; Title is h1 and Heading N is h(N+1).
    want = docx_headings(docx)
    got = html_headings(page)
    assert [t for _, t in got] == [t for _, t in want]
    offset = 1 if any(name == "Title" for name, _ in want) else 0
    for (name, _), (tag, _) in zip(want, got, strict=True):
        level = 0 if name == "Title" else int(name.split()[-1])
        assert tag == f"h{max(1, min(6, level + offset))}"
    # Every figure, in order.
    assert FIGURE.findall(html_text_stream(page)) == FIGURE.findall(docx_text_stream(docx))
    assert FIGURE.findall(docx_text_stream(docx)), "the fixture has figures"
    # Every table cell, row by row, including suppression symbols as printed.
    assert html_tables(page) == docx_tables(docx)
    # Charts (inline SVG, described by the alt text) and pictures, in order.
    main = main_of(page)
    imgs = main.findall(".//img")
    assert [el.findtext(f"{SVG}desc") if el.tag == f"{SVG}svg" else el.get("alt")
            for el in main.iter() if el.tag in ("img", f"{SVG}svg")] == docx_alt_texts(docx)
    assert all(i.get("src", "").startswith("data:image/png;base64,") for i in imgs)


@pytest.mark.parametrize("bundle", BUNDLES)
def test_page_furniture(bundle: str) -> None:
    docx, page = rendered(bundle)
    tree = parse(page)
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    html = root if root.tag == "html" else root.find(".//html")
    assert html.get("lang") == "en-GB"
    title = Document(io.BytesIO(docx)).core_properties.title
    assert norm(html.find(".//title").text) == norm(title)
    body = html.find("body")
    skip = body[0]
    assert skip.tag == "a" and skip.get("href") == "#content"
    assert html.find(".//script") is None
    assert "@media print" in "".join(s.text or "" for s in html.iter("style"))
    csp = [m.get("content") for m in html.iter("meta")
           if m.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]
    # Header text is there; page numbers (a Word field) are not.
    doc = Document(io.BytesIO(docx))
    header_text = norm(" ".join(p.text for p in doc.sections[0].header.paragraphs))
    banner = html.find(".//header")
    if header_text:
        assert banner is not None and norm(block_text(banner)) == header_text
    footer = html.find(".//footer")
    assert footer is None or "Page" not in block_text(footer)


def test_numbered_paragraphs_show_words_numbers_across_sections() -> None:
    docx, page = rendered("herefordshire-2018-lac-cost-reduction")
    numbered = [p for p in docx_blocks(docx) if isinstance(p, Paragraph)
                and p.style is not None and p.style.name == "Numbered Paragraph"]
    assert len(numbered) > 5
    labels = [norm("".join(s.itertext())) for s in main_of(page).iter("span")
              if s.get("class") == "number"]
    # One list running through every section: Word shows 1., 2., 3. …
    assert labels == [f"{n}." for n in range(1, len(numbered) + 1)]
    items = [li for li in main_of(page).iter("li") if li.find("span") is not None
             and li.find("span").get("class") == "number"]
    assert [block_text(li, {"number"}) for li in items] == [norm(p.text) for p in numbered]


def test_tables_have_captions_and_header_cells() -> None:
    docx, page = rendered("harrow-2016-high-cost-placements")
    tables = [t for t in main_of(page).iter("table") if t.get("class") != "chart-data"]
    doc = Document(io.BytesIO(docx))
    for table, source in zip(tables, doc.tables, strict=True):
        caption = source._tbl.tblPr.find(qn("w:tblCaption"))
        if caption is not None:
            assert norm(block_text(table.find("caption"))) == norm(caption.get(qn("w:val")))
        header_rows = [r for r in source.rows if r._tr.trPr is not None
                       and r._tr.trPr.find(qn("w:tblHeader")) is not None]
        thead = table.find("thead")
        assert (thead is not None) == bool(header_rows)
        if thead is not None:
            assert all(th.get("scope") == "col" for th in thead.iter("th"))
            assert not list(thead.iter("td"))
    # The clearance table names each officer in a row header, and its boxes say "checked".
    clearance = next(t for t in tables if "Officer" in block_text(t.find("thead")))
    body_rows = clearance.find("tbody").findall("tr")
    assert all(r[0].tag == "th" and r[0].get("scope") == "row" for r in body_rows)
    assert all("☒ checked" in block_text(r) for r in body_rows)


def test_charts_have_a_figure_caption_and_a_collapsed_description() -> None:
    docx, page = rendered("harrow-2016-high-cost-placements")
    figures = list(main_of(page).iter("figure"))
    # Two charts; the first has two panels, each a native chart drawn as its own SVG.
    assert len(figures) == 2 and len(docx_alt_texts(docx)) == 3
    for figure in figures:
        descs = [svg.findtext(f"{SVG}desc") for svg in figure.iter(f"{SVG}svg")]
        details = figure.find("details")
        assert figure.find("figcaption") is not None
        assert details is not None and details.get("open") is None
        assert norm(block_text(details.find("p"))) == norm(" ".join(descs))


# --- hand-made documents --------------------------------------------------------------------


def _save(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_hostile_text_is_escaped_and_links_are_filtered() -> None:
    doc = Document()
    doc.core_properties.title = "</title><script>alert(1)</script>"
    doc.add_paragraph('<script>alert("x")</script> & <b>not bold</b>')
    p = doc.add_paragraph()
    hyperlink = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                 "hyperlink")
    for address in ("javascript:alert(1)", "https://example.org/a?b=1&c=2"):
        rid = p.part.relate_to(address, hyperlink, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rid)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = f"link {address}"
        run.append(text)
        link.append(run)
        p._p.append(link)
    page = report_html(_save(doc), css="body { color: red } </style><script>alert(2)</script>")
    tree = parse(page)
    assert tree.find(".//script") is None
    assert b"<script" not in page
    assert tree.find(".//title").text == "</title><script>alert(1)</script>"
    texts = [block_text(p) for p in tree.find(".//main").iter("p")]
    assert '<script>alert("x")</script> & <b>not bold</b>' in texts
    hrefs = [a.get("href") for a in tree.find(".//main").iter("a")]
    assert hrefs == ["https://example.org/a?b=1&c=2"]
    assert "link javascript:alert(1)" in " ".join(texts)  # the words stay, the link goes


def _numbered_doc() -> bytes:
    """Two List Number lists (the second restarted, as reportgen writes them), a nested
    bullet and a lettered level."""
    from reportgen.render.blocks import new_numbering

    doc = Document()
    for text in ("one", "two"):
        doc.add_paragraph(text, style="List Number")
    doc.add_paragraph("between")
    num_id = new_numbering(doc, "List Number")
    for text in ("again one", "again two"):
        para = doc.add_paragraph(text, style="List Number")
        numpr = para._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = int(num_id)
    doc.add_paragraph("bullet", style="List Bullet")
    doc.add_paragraph("nested", style="List Bullet 2")
    return _save(doc)


def test_numbering_restarts_and_continues_as_word_counts() -> None:
    page = report_html(_numbered_doc())
    main = parse(page).find(".//main")
    labels = [s.text for s in main.iter("span") if s.get("class") == "number"]
    assert labels == ["1.", "2.", "1.", "2."]
    assert [el.tag for el in main if el.tag in ("ul", "ol")] == ["ol", "ol", "ul"]
    assert main.find(".//ul/li") is not None


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(3, "decimalZero") == "03"
    assert format_number(22, "ordinal") == "22nd"


def test_merged_cells_hidden_text_and_unchecked_boxes() -> None:
    doc = Document()
    table = doc.add_table(rows=3, cols=3)
    oxml.mark_header_row(table.rows[0])
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Wide heading"
    table.cell(0, 2).text = "Right"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Tall"
    table.cell(1, 1).text = "a"
    table.cell(2, 1).text = "b"
    oxml.add_checkbox(table.cell(1, 2).paragraphs[0], False)
    oxml.set_table_alt_text(table, "Merged cells")
    para = doc.add_paragraph("shown ")
    hidden = para.add_run("secret 7")
    hidden.font.hidden = True
    page = report_html(_save(doc))
    main = parse(page).find(".//main")
    t = main.find(".//table")
    assert block_text(t.find("caption")) == "Merged cells"
    head = t.find("thead/tr")
    assert [(c.get("colspan"), block_text(c)) for c in head] == [("2", "Wide heading"),
                                                                 (None, "Right")]
    rows = t.find("tbody").findall("tr")
    assert rows[0][0].get("rowspan") == "2" and len(rows[1]) == 2
    assert "☐ unchecked" in block_text(rows[0])
    assert "secret" not in block_text(main)


def test_pictures_that_are_not_png_jpeg_or_gif_are_not_embedded() -> None:
    doc = Document()
    import zipfile

    appendix = FIXTURES / "agenda-corporate-parenting" / "appendix-a-placement-sufficiency.docx"
    image = zipfile.ZipFile(appendix).read("word/media/image1.png")
    shape = doc.add_paragraph().add_run().add_picture(io.BytesIO(image), width=Cm(5))
    oxml.set_alt_text(shape, "A chart")
    data = _save(doc)
    # Swap the picture's bytes for SVG with a script: it must not reach the page.
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename.startswith("word/media/"):
                blob = b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
            z.writestr(info, blob)
    page = report_html(out.getvalue())
    assert b"<svg" not in page and b"alert" not in page
    assert "[Picture: A chart]" in block_text(parse(page).find(".//main"))


def test_not_a_docx_is_one_error() -> None:
    with pytest.raises(ReportgenError, match="not a Word document"):
        report_html(b"not a zip")


def test_house_css_is_read_beside_the_template_within_limits(tmp_path: Path) -> None:
    template = tmp_path / "template.docx"
    template.write_bytes(b"")
    assert house_css(template) is None
    (tmp_path / "html.css").write_text("h1 { color: #123456 }", encoding="utf-8")
    assert house_css(template) == "h1 { color: #123456 }"
    page = report_html(rendered("rotherham-2010-commissioning")[0], css=house_css(template))
    styles = [s.text for s in parse(page).iter("style")]
    assert styles[-1] == "h1 { color: #123456 }" and len(styles) == 2
    # Characters XML cannot hold are dropped, never a crash.
    assert b"h1{}" in report_html(rendered("rotherham-2010-commissioning")[0], css="h1{}\x00")
    (tmp_path / "html.css").write_bytes(b"\xff\xfe bad")
    with pytest.raises(ReportgenError, match="UTF-8"):
        house_css(template)
    (tmp_path / "html.css").write_bytes(b"a" * (600 * 1024))
    with pytest.raises(ReportgenError, match="limit"):
        house_css(template)


# --- determinism and the CLI ----------------------------------------------------------------


def test_html_is_byte_identical_when_rendered_again() -> None:
    from reportgen.pipeline import produce

    first = report_html(produce(FIXTURES / "harrow-2016-high-cost-placements",
                                gate=False).result.docx)
    assert first == rendered("harrow-2016-high-cost-placements")[1]


def _cli(*args: str, cwd: Path) -> Any:
    import os
    import subprocess
    import sys

    from tests.helpers import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300, check=False)


def test_cli_render_html_beside_the_docx_and_force(tmp_path: Path) -> None:
    bundle = str(FIXTURES / "rotherham-2010-commissioning")
    done = _cli("render", bundle, "-o", "r.docx", "--html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote r.html" in done.stdout
    assert (tmp_path / "r.html").read_bytes() == rendered("rotherham-2010-commissioning")[1]
    (tmp_path / "r.docx").unlink()
    again = _cli("render", bundle, "-o", "r.docx", "--html", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr.strip() == "error: r.html: already exists: use --force to replace it"
    assert not (tmp_path / "r.docx").exists()  # nothing written
    forced = _cli("render", bundle, "-o", "r.docx", "--html", "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr


def test_cli_pack_html_writes_the_agenda_page_json_and_part_one_pages(tmp_path: Path) -> None:
    agenda = str(FIXTURES / "agenda-corporate-parenting" / "agenda.yaml")
    done = _cli("pack", agenda, "-o", "pack.docx", "--html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    _, _, pages = packed()
    for name, data in pages.items():
        assert (tmp_path / name).read_bytes() == data
    assert (tmp_path / "pack.docx").exists()


# --- the agenda -------------------------------------------------------------------------------


@functools.cache
def packed() -> tuple[Any, Any, dict[str, bytes]]:
    from reportgen.agenda import load_agenda
    from reportgen.pack import prepare_items
    from reportgen.publish.html_agenda import pack_pages

    agenda = load_agenda(FIXTURES / "agenda-corporate-parenting" / "agenda.yaml")
    items = prepare_items(agenda)
    return agenda, items, pack_pages(agenda, items)


def test_agenda_page_and_json_agree() -> None:
    _, items, pages = packed()
    data = json.loads(pages["agenda.json"])
    assert data["type"] == "https://schema.oparl.org/1.1/Meeting"
    tree = parse(pages["agenda.html"])
    rows = {}
    for table in tree.iter("table"):
        part = "I" if "Part I:" in block_text(table.find("caption")) else "II"
        for tr in table.find("tbody").findall("tr"):
            links = [a.get("href") for a in tr.iter("a")]
            rows[tr[0].text] = (part, block_text(tr[1].find("p")), links, block_text(tr[2]))
    assert len(data["agendaItem"]) == len(items) == len(rows)
    for item in data["agendaItem"]:
        assert item["type"] == "https://schema.oparl.org/1.1/AgendaItem"
        part, title, links, wards = rows[item["number"]]
        assert (part, title, wards) == (item["reportgen:part"], item["name"],
                                        ", ".join(item["reportgen:wards"]))
        assert item["public"] == (part == "I")
        files = []
        for consultation in item.get("consultation", []):
            paper = consultation["paper"]
            assert paper["type"] == "https://schema.oparl.org/1.1/Paper"
            for file in [paper["mainFile"], *paper.get("auxiliaryFile", [])]:
                assert file["mimeType"] == "text/html" and file["fileName"] in pages
                files.append(file["accessUrl"])
        assert links == files
        if not item["public"]:
            assert "consultation" not in item and item["reportgen:exemptParagraph"] in range(1, 8)
    assert data["start"] == "2016-10-25T19:30:00+01:00"


def test_exempt_items_publish_nothing_but_their_title() -> None:
    _, items, pages = packed()
    exempt = [p for p in items if p.exempt]
    assert exempt
    every_page = b"".join(pages.values()).decode("utf-8")
    for pitem in exempt:
        assert f"item-{pitem.number}" not in "".join(n for n in pages)
        for _, data in pitem.documents:
            for para in Document(io.BytesIO(data)).paragraphs:
                text = norm(para.text)
                if len(text) > 40 and text != pitem.title:
                    assert text not in every_page, text


def test_pack_pages_are_byte_identical_when_built_again() -> None:
    from reportgen.agenda import load_agenda
    from reportgen.pack import prepare_items
    from reportgen.publish.html_agenda import pack_pages

    agenda, _, pages = packed()
    again = load_agenda(FIXTURES / "agenda-corporate-parenting" / "agenda.yaml")
    assert pack_pages(again, prepare_items(again)) == pages
    assert agenda.meeting.date.isoformat() in pages["agenda.json"].decode()


def test_write_html_pack_refuses_to_overwrite(tmp_path: Path) -> None:
    from reportgen.publish.html_agenda import write_html_pack

    agenda, items, pages = packed()
    (tmp_path / "item-4.html").write_text("mine", encoding="utf-8")
    with pytest.raises(ReportgenError, match="already exists"):
        write_html_pack(agenda, items, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["item-4.html"]  # nothing written
    written = write_html_pack(agenda, items, tmp_path, force=True)
    assert sorted(p.name for p in written) == sorted(pages)
    assert (tmp_path / "agenda.json").read_bytes() == pages["agenda.json"]


def _with_parts(data: bytes, body_xml: str, extra: dict[str, str], rels: str,
                overrides: str) -> bytes:
    """``data`` with ``body_xml`` appended to the body and ``extra`` parts added."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            blob = src.read(info).decode("utf-8") if info.filename.endswith(".xml") or \
                info.filename.endswith(".rels") else src.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace("<w:sectPr", body_xml + "<w:sectPr", 1)
            elif info.filename == "word/_rels/document.xml.rels":
                blob = blob.replace("</Relationships>", rels + "</Relationships>")
            elif info.filename == "[Content_Types].xml":
                blob = blob.replace("</Types>", overrides + "</Types>")
            z.writestr(info, blob)
        for name, text in extra.items():
            z.writestr(name, text)
    return out.getvalue()


def test_footnotes_and_text_boxes_are_not_lost() -> None:
    w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (
        f'<w:p><w:r><w:t>Costs rose</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>'
        f'<w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">'
        f'<w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed 42</w:t></w:r></w:p>'
        f'</w:txbxContent></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r>'
        f'</w:p>')
    notes = (f'<w:footnotes xmlns:w="{w_ns}"><w:footnote w:type="separator" w:id="0">'
             f'<w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p>'
             f'<w:r><w:footnoteRef/></w:r><w:r><w:t>Source: budget monitoring, Q2.</w:t></w:r>'
             f'</w:p></w:footnote></w:footnotes>')
    rel = ('<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/'
           'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>')
    override = ('<Override PartName="/word/footnotes.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>')
    data = _with_parts(_save(Document()), body, {"word/footnotes.xml": notes}, rel, override)
    main = parse(report_html(data)).find(".//main")
    text = block_text(main)
    assert "Boxed 42" in text
    ref = main.find(".//sup/a")
    assert ref.text == "[1]" and ref.get("href") == "#footnote-1"
    note = main.find(".//section/ol/li")
    assert note.get("id") == "footnote-1"
    assert "Source: budget monitoring, Q2." in block_text(note)


# --- numbering against a real client -----------------------------------------------------------


SOFFICE = shutil.which("soffice")


def _libreoffice_lines(data: bytes, tmp_path: Path) -> list[str]:
    import subprocess

    soffice = SOFFICE
    assert soffice is not None
    source = tmp_path / "in.docx"
    source.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path),
                    str(source)], capture_output=True, timeout=180, check=True)
    return [norm(line) for line in (tmp_path / "in.txt").read_text(encoding="utf-8-sig")
            .splitlines() if line.strip()]


@pytest.mark.parametrize("source", [*(f"{b}|numbered-paragraphs" for b in BUNDLES),
                                    "restarted-lists"])
def test_numbers_match_what_libreoffice_shows(source: str, tmp_path: Path) -> None:
    """Every number the page writes is the number LibreOffice lays out for that paragraph."""
    if SOFFICE is None:
        client_missing("LibreOffice is not installed: the page's numbers were NOT compared")
    if source == "restarted-lists":
        data = _numbered_doc()
        page = report_html(data)
    else:
        bundle, style = source.split("|")
        data, page = rendered(bundle, style)
    lines = _libreoffice_lines(data, tmp_path)
    numbered = [li for li in main_of(page).iter("li") if li.find("span") is not None
                and li.find("span").get("class") == "number"]
    if not numbered and source != "restarted-lists":
        # A body: outline is numbered by the renderer as text (so that paragraphs('id')
        # cross-references agree): each numbered paragraph must read the same in both.
        literal = [t for t in (norm(block_text(p, set())) for p in main_of(page).iter("p"))
                   if re.match(r"\d+(\.\d+)*\.?\s", t)]
        assert literal, "neither Word numbering nor numbered paragraphs"
        for text in literal:
            assert any(line.startswith(text[:40]) for line in lines), text
        return
    assert numbered
    at = 0
    for li in numbered:
        label = li.find("span").text
        text = block_text(li, {"number"})[:50]
        while at < len(lines) and not lines[at].startswith(text) and \
                not lines[at].endswith(text) and text not in lines[at]:
            at += 1
        assert at < len(lines), f"{label} {text!r} not found in LibreOffice's text"
        assert lines[at].startswith(f"{label} "), (lines[at], label)
        at += 1


def test_a_paragraph_in_welsh_is_marked_as_welsh() -> None:
    doc = Document()
    english = doc.add_paragraph("The council met.")
    welsh = doc.add_paragraph("Cyfarfu'r cyngor.")
    for para, code in ((english, "en-GB"), (welsh, "cy-GB")):
        rpr = para.runs[0]._r.get_or_add_rPr()
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), code)
        rpr.append(lang)
    paras = parse(report_html(_save(doc))).find(".//main").findall("p")
    assert [(p.text, p.get("lang")) for p in paras] == [("The council met.", None),
                                                        ("Cyfarfu'r cyngor.", "cy-GB")]


def test_an_address_linked_in_the_docx_is_a_link_on_the_page() -> None:
    """render/finish.py writes each printed e-mail and web address as a HYPERLINK field; the
    page makes it an <a> with the field's address (only to a web page or an e-mail address),
    its text as Word shows it."""
    doc = Document()
    for target, text in (("mailto:clerk@example.gov.uk", "clerk@example.gov.uk"),
                         ("https://www.example.gov.uk/", "www.example.gov.uk"),
                         ("javascript:alert(1)", "not a link")):
        para = doc.add_paragraph("Contact: ")
        for run in oxml.hyperlink_field_runs(target, text):
            para._p.append(run)
    main = parse(report_html(_save(doc))).find(".//main")
    links = [(a.get("href"), block_text(a)) for a in main.iter("a")]
    assert links == [("mailto:clerk@example.gov.uk", "clerk@example.gov.uk"),
                     ("https://www.example.gov.uk/", "www.example.gov.uk")]
    assert "Contact: not a link" in block_text(main)


def test_a_fixtures_contact_address_is_a_mailto_link() -> None:
    _, page = rendered("rotherham-2010-commissioning")
    hrefs = [a.get("href") for a in parse(page).iter("a")]
    assert any(h and h.startswith("mailto:") and h.endswith("@rotherham.gov.uk") for h in hrefs)
