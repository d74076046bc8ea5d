"""Untrusted Word files are rebuilt from an allow-list of parts (reportgen.render.package),
and no output carries a template's thumbnail, statistics or custom properties.

The refusals themselves, one per class of hostile file, are in tests/bad_inputs/template.yaml
(through the real CLI); these tests cover what is kept, what is dropped, and the limits.
"""

from __future__ import annotations

import io
import os
import posixpath
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.render import fields, package
from reportgen.render.package import APP_XML, clean_docx, read_docx, template_bytes
from reportgen.render.zipnorm import normalise_docx
from reportgen.styles import builtin_style_names, resolve_style

from . import hostile_docx as hostile
from .helpers import FIXTURES

BUNDLE = FIXTURES / "harrow-2016-high-cost-placements"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
METADATA = ("docProps/thumbnail.jpeg", "docProps/custom.xml", "customXml/item1.xml")


def _names(data: bytes) -> list[str]:
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def _read(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def _assert_consistent(data: bytes) -> None:
    """Every internal relationship points at a part, every override names one, and every
    part but the bookkeeping has a content type."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    for name in names:
        if not name.endswith(".rels"):
            continue
        folder, base = posixpath.split(name)
        source = posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels"))
        for rel in etree.fromstring(archive.read(name)).iter(RELS):
            if rel.get("TargetMode") != "External":
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source),
                                                           rel.get("Target")))
                assert target in names, (name, rel.get("Target"))
    types = etree.fromstring(archive.read("[Content_Types].xml"))
    for override in types.iter(OVERRIDE):
        assert override.get("PartName").lstrip("/") in names


def _write(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.docx"
    hostile.make(kind, path)
    return path


# -- what the rebuild keeps and drops ---------------------------------------------------------

@pytest.mark.parametrize("name", builtin_style_names())
def test_builtin_templates_pass_and_carry_no_metadata(name: str) -> None:
    template = resolve_style(name).template
    on_disk = _names(template.read_bytes())
    assert not [n for n in on_disk if n.startswith(("customXml/", "docProps/thumbnail",
                                                    "docProps/custom"))]
    assert _read(template.read_bytes(), "docProps/app.xml") == APP_XML
    rebuilt = template_bytes(resolve_style(name).template)
    assert {n for n in on_disk if n.startswith("word/")} <= set(_names(rebuilt))
    _assert_consistent(rebuilt)


def test_plain_document_keeps_its_content_and_loses_its_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path, "plain")
    original = path.read_bytes()
    assert set(METADATA[::2]) <= set(_names(original))  # python-docx's own package has them
    rebuilt = read_docx(path, "template")
    names = _names(rebuilt)
    assert not set(METADATA) & set(names)
    assert _read(rebuilt, "docProps/app.xml") == APP_XML
    assert b"python-docx" not in _read(rebuilt, "docProps/core.xml")
    for part in ("word/document.xml", "word/styles.xml", "word/numbering.xml"):
        assert _read(rebuilt, part) == _read(original, part)
    _assert_consistent(rebuilt)
    text = [p.text for p in docx.Document(io.BytesIO(rebuilt)).paragraphs]
    assert text == ["Placement sufficiency", "Sufficiency improved in the quarter."]


def test_web_and_mail_hyperlinks_are_content_and_stay(tmp_path: Path) -> None:
    items = hostile.entries()
    items = hostile.add_rel(items, hostile.DOC_RELS, hostile.R + "hyperlink",
                            "https://www.harrow.gov.uk/fostering", True, rid="rIdWeb")
    items = hostile.add_rel(items, hostile.DOC_RELS, hostile.R + "hyperlink",
                            "mailto:clerk@harrow.gov.uk", True, rid="rIdMail")
    path = tmp_path / "links.docx"
    hostile.write_zip(path, items)
    rels = _read(read_docx(path), "word/_rels/document.xml.rels").decode()
    assert 'Target="https://www.harrow.gov.uk/fostering" TargetMode="External"' in rels
    assert 'Target="mailto:clerk@harrow.gov.uk" TargetMode="External"' in rels


def test_a_dotx_renamed_docx_becomes_a_document(tmp_path: Path) -> None:
    rebuilt = read_docx(_write(tmp_path, "dotx"), "template")
    assert b"template.main+xml" not in _read(rebuilt, "[Content_Types].xml")
    assert docx.Document(io.BytesIO(rebuilt)).paragraphs[0].text == "Placement sufficiency"


def test_libreoffice_duplicate_core_properties_are_accepted(tmp_path: Path) -> None:
    rebuilt = read_docx(_write(tmp_path, "duplicate-core"), "template")
    assert _names(rebuilt).count("docProps/core.xml") == 1
    assert _read(rebuilt, "docProps/core.xml") == package.CORE_XML


def test_custom_properties_leave_templates_but_stay_for_pack_documents(tmp_path: Path) -> None:
    path = _write(tmp_path, "custom-properties")
    assert "docProps/custom.xml" not in _names(read_docx(path, "template"))
    # docxcompose reads an appended document's custom properties to turn its DOCPROPERTY
    # fields into text; it copies none into the pack (see the pack test below).
    kept = read_docx(path, "document")
    assert b"Jane Doe" in _read(kept, "docProps/custom.xml")
    _assert_consistent(kept)


def test_parts_no_relationship_reaches_are_dropped(tmp_path: Path) -> None:
    items = [*hostile.entries(), ("word/activeX/activeX1.bin", b"\x00" * 64),
             ("word/media/stray.png", b"\x89PNG")]
    path = tmp_path / "stray.docx"
    hostile.write_zip(path, items)
    names = _names(read_docx(path))
    assert "word/activeX/activeX1.bin" not in names and "word/media/stray.png" not in names


_WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _codes(xml: str) -> list[str]:
    root = etree.fromstring(f'<w:body xmlns:w="{_WNS}">{xml}</w:body>')
    return [f.text for f in fields.fields(root)]


def test_fields_are_read_whole_however_they_are_split() -> None:
    """Instructions split over runs are joined; a field nested in another's result is a
    field of its own; a simple field holds its code whole; outer fields come first."""
    xml = ('<w:p><w:fldSimple w:instr=" PAGE "/>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPER'
           '</w:instrText></w:r><w:r><w:instrText>LINK "https://x.example" </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLUDEPICTURE'
           ' "file:///c:/x.png"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    assert _codes(xml) == ["PAGE", 'HYPERLINK "https://x.example"',
                           'INCLUDEPICTURE "file:///c:/x.png"']


def test_a_field_in_an_instruction_is_shown_in_braces_and_marks_the_outer_field() -> None:
    xml = f"<w:p>{hostile.field_runs(hostile.field_runs(' QUOTE 68 68 69 '), 'AUTO x')}</w:p>"
    root = etree.fromstring(f'<w:body xmlns:w="{_WNS}">{xml}</w:body>')
    outer, inner = fields.fields(root)
    assert (outer.text, outer.nested) == ("{QUOTE 68 68 69}AUTO x", True)
    assert (inner.text, inner.nested) == ("QUOTE 68 68 69", False)


def _problem(code: str, marks: set[str] | None = None) -> str | None:
    found = fields.check(fields.Field([code]), marks if marks is not None else {"_toc1"})
    return None if found is None else found.kind


@pytest.mark.parametrize(("code", "expected"), [
    # page numbers take formatting switches only, no argument
    (" PAGE ", None), (" page \\* roman ", None), (" PAGE \\*MERGEFORMAT ", None),
    (" PAGE 2 ", "unknown"), (" PAGE \\q ", "unknown"), (" NUMPAGES \\# \"0\" ", None),
    # a date with a picture; \\h \\l \\s are DATE's own, not TIME's
    (' DATE \\@ "d MMMM yyyy" \\l ', None), (" TIME \\l ", "unknown"),
    (" DATE \\@ ", "unknown"),  # a picture switch without its picture
    # a sequence needs its identifier; two arguments at most
    (" SEQ ", "unknown"), (" SEQ Table ", None), (" SEQ Table _Toc1 x ", "unknown"),
    # cross-references to the document's own bookmarks only; Word's names ignore case
    (" REF _Toc1 \\h ", None), (" PAGEREF _TOC1 ", None), (" REF _Toc2 ", "bookmark"),
    (" NOTEREF ", "unknown"),
    # web links: http(s) and mailto, any case; a bookmark link has no address
    (' HYPERLINK "HTTPS://x.example" ', None), (" HYPERLINK mailto:a@b.example ", None),
    (' HYPERLINK "javascript:alert(1)" ', "link"), (' HYPERLINK "\\\\\\\\srv\\\\x" ', "link"),
    (' HYPERLINK \\l "_Toc1" \\o "tip" ', None), (' HYPERLINK "http:x" "y" ', "unknown"),
    # a name is letters written out: quoted, or glued to other characters, is no name
    (' "PAGE" ', "unknown"), (" PAGE\u200b ", "unknown"), (" =PAGE ", "unknown"),
    # what makes Word fetch, print or run is named as such, in any case
    (" includePicture x ", "dangerous"), (" ddeauto a b c ", "dangerous"),
    (" DATABASE \\d x ", "dangerous"), (" PRINT 27 ", "dangerous"), (" RD x.docx ", "dangerous"),
    # anything else is refused
    (" MERGEFIELD name ", "unknown"), (" IF 1 = 1 a b ", "unknown"), (" FILENAME ", "unknown"),
    ("   ", None),  # an empty code does nothing
])
def test_field_allow_list_boundaries(code: str, expected: str | None) -> None:
    assert _problem(code) == expected


def test_tracked_changes_in_a_field_code() -> None:
    """A whole field inserted or deleted is read as it stands (a deletion's code is in
    w:delInstrText); a code that a change alters part-way is refused."""
    whole_del = hostile.field_runs(" INCLUDEPICTURE x ", wrap="del")
    whole_ins = hostile.field_runs(" PAGE ", wrap="ins")
    assert _codes(f"<w:p>{whole_del}{whole_ins}</w:p>") == ["INCLUDEPICTURE x", "PAGE"]
    part = hostile.field_runs(" PA", '<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">'
                              '<w:r><w:instrText>GE</w:instrText></w:r></w:ins>')
    root = etree.fromstring(f'<w:body xmlns:w="{_WNS}"><w:p>{part}</w:p></w:body>')
    [item] = fields.fields(root)
    assert fields.check(item, set()) == fields.FieldProblem("split", "PAGE")


def test_a_cross_reference_may_point_at_a_bookmark_in_another_part(tmp_path: Path) -> None:
    """A REF in the body to a bookmark in a footnote is the document's own bookmark."""
    items = hostile.body(hostile.entries(), "<w:p>" + hostile.field_runs(" REF _Ref9 \\h ")
                         + "</w:p>")
    items = hostile.add_rel(items, hostile.DOC_RELS, hostile.R + "footnotes", "footnotes.xml")
    items = hostile.add_type(items, "word/footnotes.xml", "application/vnd.openxmlformats-"
                             "officedocument.wordprocessingml.footnotes+xml")
    notes = (f'<w:footnotes xmlns:w="{_WNS}"><w:footnote w:id="1"><w:p><w:bookmarkStart '
             'w:id="5" w:name="_Ref9"/><w:r><w:t>n</w:t></w:r><w:bookmarkEnd w:id="5"/></w:p>'
             "</w:footnote></w:footnotes>")
    path = tmp_path / "notes.docx"
    hostile.write_zip(path, [*items, ("word/footnotes.xml", notes.encode())])
    assert read_docx(path)


def _instructions(data: bytes) -> set[str]:
    root = etree.fromstring(_read(data, "word/document.xml"))
    return {" ".join(f.text.split()) for f in fields.fields(root)}


def _unescape(code: str) -> str:
    return " ".join(code.split())


def test_every_inert_field_reaches_a_rendered_report(tmp_path: Path) -> None:
    """Real bytes: a house style holding each kept field type renders, and each is in the
    report as written."""
    from reportgen.pipeline import load_report, render

    template = tmp_path / "house.docx"
    hostile.make("inert-fields", template,
                 base=Path(resolve_style("report-to-members").template))
    out = render(load_report(BUNDLE), str(template)).docx
    assert {_unescape(c) for c in hostile.INERT_FIELDS} <= _instructions(out)


def test_every_inert_field_reaches_a_pack(tmp_path: Path) -> None:
    from reportgen.pack import compose

    path = tmp_path / "appendix.docx"
    hostile.make("inert-fields", path)
    master = docx.Document(io.BytesIO(read_docx(resolve_style("cover-sheet").template,
                                                "template")))
    compose(master, [(None, read_docx(path, "document"))])
    out = io.BytesIO()
    master.save(out)
    kept = {_unescape(c) for c in hostile.INERT_FIELDS if "DOCPROPERTY" not in c}
    # docxcompose turns DOCPROPERTY fields into their text (see docs/house-styles.md)
    assert kept <= _instructions(out.getvalue())


def test_a_rendered_report_passes_as_a_pack_document(tmp_path: Path) -> None:
    """reportgen's own fields (PAGE, NUMPAGES, HYPERLINK to each printed address) are on
    the list: a report may be read back as a pack's document."""
    from reportgen.pipeline import load_report, render

    out = render(load_report(BUNDLE)).docx
    assert any(code.startswith("HYPERLINK") for code in _instructions(out))
    path = tmp_path / "report.docx"
    path.write_bytes(out)
    assert read_docx(path, "document")


def test_every_fixture_document_and_builtin_template_passes() -> None:
    docs = sorted(FIXTURES.rglob("*.docx"))
    assert docs
    for path in docs:
        assert read_docx(path, "document")
    for name in builtin_style_names():
        assert read_docx(resolve_style(name).template, "template")


# -- limits ------------------------------------------------------------------------------------

def test_a_header_that_understates_a_part_never_inflates_past_it(tmp_path: Path) -> None:
    """A member whose header claims 1 KB but whose data inflates to 64 MB: the read stops at
    the claim and the part is refused as damaged."""
    path = tmp_path / "liar.docx"
    hostile.write_bomb(path, inflated=64 << 20)
    data = bytearray(path.read_bytes())
    for signature, at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (pos := data.find(signature, start)) >= 0:
            if b"customXml/item9.xml" in data[pos: pos + 80]:
                data[pos + at: pos + at + 4] = (1024).to_bytes(4, "little")
            start = pos + 4
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        assert archive.getinfo("customXml/item9.xml").file_size == 1024
        archive_info = archive.getinfo("customXml/item9.xml")
        with pytest.raises(ReportgenError, match="item9.xml is damaged"):
            package._read_member(archive, archive_info, "liar.docx")


def test_all_parts_together_are_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_DOCX_UNPACKED_BYTES", 600_000)
    items = [*hostile.entries(), *((f"word/media/p{i}.bin", bytes(200_000)) for i in range(3))]
    path = tmp_path / "many.docx"
    hostile.write_zip(path, items)
    with pytest.raises(ReportgenError) as caught:
        read_docx(path)
    assert caught.value.message.startswith("the file inflates to more than")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_refused_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "t.docx"
    os.mkfifo(fifo)
    with pytest.raises(ReportgenError, match="is not a regular file"):
        read_docx(fifo)


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = _write(tmp_path, "plain")
    assert read_docx(path)
    hostile.make("external-image", tmp_path / "other.docx")
    shutil.copyfile(tmp_path / "other.docx", path)
    with pytest.raises(ReportgenError, match="outside the document"):
        read_docx(path)


def test_clean_docx_refuses_what_is_not_a_zip() -> None:
    with pytest.raises(ReportgenError) as caught:
        clean_docx(b"%PDF-1.7", "x.docx", not_docx="not a Word file")
    assert caught.value.line() == "x.docx: not a Word file"


# -- outputs -----------------------------------------------------------------------------------

def _template_with_everything(tmp_path: Path) -> Path:
    """python-docx's package (thumbnail, customXml) plus custom properties, as a template."""
    items = hostile.entries(hostile.plain_docx())
    items = hostile.CHANGES["custom-properties"](items)
    doc = docx.Document(io.BytesIO(hostile.plain_docx()))
    doc.add_paragraph("{{ report.title }}")
    doc.add_paragraph("{{p section('summary') }}")
    doc.add_paragraph("{{p other_sections() }}")
    out = io.BytesIO()
    doc.save(out)
    body = dict(hostile.entries(out.getvalue()))["word/document.xml"]
    items = [(n, body if n == "word/document.xml" else d) for n, d in items]
    path = tmp_path / "house.docx"
    hostile.write_zip(path, items)
    return path


def test_rendered_report_is_clean_and_byte_identical(tmp_path: Path) -> None:
    from reportgen.pipeline import load_report, render

    template = _template_with_everything(tmp_path)
    assert {"docProps/thumbnail.jpeg", "docProps/custom.xml"} <= set(
        _names(template.read_bytes()))
    loaded = load_report(BUNDLE)
    first = render(loaded, str(template)).docx
    names = _names(first)
    assert not [n for n in names if n.startswith(("customXml/", "docProps/thumbnail",
                                                 "docProps/custom"))]
    assert _read(first, "docProps/app.xml") == APP_XML
    assert b"Jane Doe" not in first and b"custom-properties\"" not in _read(first, "_rels/.rels")
    _assert_consistent(first)
    package._read_cached.cache_clear()
    assert render(load_report(BUNDLE), str(template)).docx == first


def test_pack_output_carries_no_custom_properties(tmp_path: Path) -> None:
    from reportgen.pack import compose

    path = _write(tmp_path, "custom-properties")
    master = docx.Document(io.BytesIO(read_docx(resolve_style("cover-sheet").template,
                                                "template")))
    compose(master, [(None, read_docx(path, "document"))])
    out = io.BytesIO()
    master.save(out)
    packed = normalise_docx(out.getvalue())
    assert not set(METADATA) & set(_names(packed))
    assert _read(packed, "docProps/app.xml") == APP_XML
    _assert_consistent(packed)


def test_a_hyperlink_field_to_a_file_is_refused(tmp_path: Path) -> None:
    items = hostile.body(hostile.entries(), (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
        '"preserve"> HYPERLINK "file:///etc/passwd" \\o "tip" </w:instrText></w:r><w:r>'
        '<w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:fldSimple w:instr=" HYPERLINK '
        '\\l &quot;_Toc1&quot; "/></w:p>'))
    path = tmp_path / "field.docx"
    hostile.write_zip(path, items)
    with pytest.raises(ReportgenError) as caught:
        read_docx(path)
    assert caught.value.message == (
        "part word/document.xml has a HYPERLINK field to 'file:///etc/passwd': only http, "
        "https and mailto links are accepted")


def test_a_bookmark_hyperlink_field_is_content(tmp_path: Path) -> None:
    items = hostile.body(hostile.entries(), (
        '<w:p><w:fldSimple w:instr=" HYPERLINK \\l &quot;_Toc1&quot; "/></w:p>'))
    path = tmp_path / "anchor.docx"
    hostile.write_zip(path, items)
    assert read_docx(path)


def test_a_long_chain_of_parts_is_walked_without_recursion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each header relates to the next: far deeper than Python's recursion limit."""
    monkeypatch.setattr(package, "MAX_DOCX_PARTS", 5000)
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    header = (b'<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
              b'main"><w:p/></w:hdr>')
    items = hostile.add_rel(hostile.entries(), hostile.DOC_RELS, hostile.R + "header",
                            "h0.xml")
    count = 1500
    for i in range(count):
        items = [*items, (f"word/h{i}.xml", header)]
        items = hostile.add_type(items, f"word/h{i}.xml", ct)
        if i + 1 < count:
            items = hostile.add_rel(items, f"word/_rels/h{i}.xml.rels", hostile.R + "header",
                                    f"h{i + 1}.xml")
    path = tmp_path / "chain.docx"
    hostile.write_zip(path, items)
    assert f"word/h{count - 1}.xml" in _names(read_docx(path))


def test_an_xml_part_posing_as_a_picture_type_is_refused(tmp_path: Path) -> None:
    items = hostile.add_rel(hostile.entries(), hostile.DOC_RELS, hostile.R + "header",
                            "h.png")
    items = [*items, ("word/h.png", b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>")]
    items = hostile.add_type(items, "word/h.png", "image/png")
    path = tmp_path / "posing.docx"
    hostile.write_zip(path, items)
    with pytest.raises(ReportgenError, match="should be XML but has content type image/png"):
        read_docx(path)


def test_a_field_cannot_run_from_a_text_box_into_the_body() -> None:
    """Word reads a text box as a story of its own: a field begun in one and ended outside
    is no field Word would read as we would, so it is refused."""
    xml = ('<w:p><w:r><w:pict><w:txbxContent><w:p><w:r><w:fldChar w:fldCharType="begin"/>'
           '</w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p></w:txbxContent></w:pict>'
           '</w:r><w:r><w:instrText>INCLUDEPICTURE x</w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    root = etree.fromstring(f'<w:body xmlns:w="{_WNS}">{xml}</w:body>')
    [item] = fields.fields(root)
    assert fields.check(item, set()) == fields.FieldProblem("split", "PAGE INCLUDEPICTURE x")


def test_a_field_code_is_read_up_to_8192_characters() -> None:
    head = 'HYPERLINK "https://www.example.org/'
    at_limit = head + "a" * (8192 - len(head) - 1) + '"'
    assert len(at_limit) == 8192
    assert fields.check(fields.Field([at_limit]), set()) is None
    over = head + "a" * (8192 - len(head)) + '"'
    assert fields.check(fields.Field([over]), set()) == fields.FieldProblem("unknown", over)
