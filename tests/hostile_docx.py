"""Hostile Word files for the template-hygiene tests and the bad-input corpus.

Each maker starts from an ordinary python-docx document and changes its zip the way an
attacker (or a careless tool) would. ``make(kind, path)`` writes one to ``path``.
"""

from __future__ import annotations

import io
import warnings
import zipfile
import zlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from docx import Document

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MS = "http://schemas.microsoft.com/office/"
DOC_RELS = "word/_rels/document.xml.rels"
SETTINGS_RELS = "word/_rels/settings.xml.rels"

Entries = list[tuple[str, bytes]]


@cache
def plain_docx() -> bytes:
    """An ordinary document: a heading, a paragraph and the python-docx package around it."""
    doc = Document()
    doc.add_heading("Placement sufficiency", level=1)
    doc.add_paragraph("Sufficiency improved in the quarter.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def entries(data: bytes | None = None) -> Entries:
    with zipfile.ZipFile(io.BytesIO(data or plain_docx())) as archive:
        return [(i.filename, archive.read(i)) for i in archive.infolist()]


def write_zip(path: Path, items: Entries) -> None:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are the point
        for name, data in items:
            archive.writestr(name, data)


def _replace(items: Entries, name: str, old: str, new: str) -> Entries:
    out = []
    for entry, data in items:
        if entry == name:
            text = data.decode("utf-8")
            assert old in text, (name, old)
            data = text.replace(old, new, 1).encode("utf-8")
        out.append((entry, data))
    return out


def add_rel(items: Entries, rels: str, rel_type: str, target: str, external: bool = False,
            rid: str = "rIdHostile") -> Entries:
    mode = ' TargetMode="External"' if external else ""
    rel = f'<Relationship Id="{rid}" Type="{rel_type}" Target="{target}"{mode}/>'
    if rels not in dict(items):
        empty = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
                 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '</Relationships>')
        items = [*items, (rels, empty.encode())]
    return _replace(items, rels, "</Relationships>", rel + "</Relationships>")


def add_type(items: Entries, part: str, content_type: str) -> Entries:
    return _replace(items, "[Content_Types].xml", "</Types>",
                    f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>')


def body(items: Entries, xml: str) -> Entries:
    """Put ``xml`` at the start of the document body."""
    text = dict(items)["word/document.xml"].decode()
    tag = text[text.index("<w:body"):].split(">", 1)[0] + ">"
    return _replace(items, "word/document.xml", tag, tag + xml)


def _external_image(items: Entries) -> Entries:
    items = add_rel(items, DOC_RELS, R + "image", "http://tracker.example/pixel.png", True)
    return body(items, '<w:p><w:r><w:t>logo</w:t></w:r></w:p>')


def _attached_template(items: Entries) -> Entries:
    items = add_rel(items, SETTINGS_RELS, R + "attachedTemplate",
                    "file:///C:/Templates/House.dotm", True)
    return _replace(items, "word/settings.xml", "<w:zoom",
                    '<w:attachedTemplate r:id="rIdHostile"/><w:zoom')


def _hyperlink(target: str) -> Callable[[Entries], Entries]:
    def change(items: Entries) -> Entries:
        items = add_rel(items, DOC_RELS, R + "hyperlink", target, True)
        return body(items, '<w:p><w:hyperlink r:id="rIdHostile"><w:r><w:t>see</w:t></w:r>'
                           '</w:hyperlink></w:p>')
    return change


def _vba(items: Entries) -> Entries:
    items = add_rel(items, DOC_RELS, MS + "2006/relationships/vbaProject", "vbaProject.bin")
    items = add_type(items, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    return [*items, ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 not really OLE")]


def _vba_hidden(items: Entries) -> Entries:
    # A VBA project with no relationship or content type: still refused, never just dropped.
    return [*items, ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0")]


def _macro_main(items: Entries) -> Entries:
    return _replace(items, "[Content_Types].xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml."
                    "document.main+xml", "application/vnd.ms-word.document.macroEnabled.main+xml")


def _alt_chunk(items: Entries) -> Entries:
    items = add_rel(items, DOC_RELS, R + "aFChunk", "afchunk.mht")
    items = add_type(items, "word/afchunk.mht", "message/rfc822")
    items = body(items, '<w:altChunk r:id="rIdHostile"/>')
    return [*items, ("word/afchunk.mht", b"MIME-Version: 1.0\r\n\r\n<img src='file:///x'>")]


def _ole(items: Entries) -> Entries:
    items = add_rel(items, DOC_RELS, R + "oleObject", "embeddings/oleObject1.bin")
    return [*items, ("word/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0")]


def _subdocument(items: Entries) -> Entries:
    return add_rel(items, DOC_RELS, R + "subDocument", "../../secret.docx", True)


def _unknown_rel(items: Entries) -> Entries:
    items = add_rel(items, DOC_RELS, "http://example.org/relationships/surprise", "x.bin")
    return [*items, ("word/x.bin", b"?")]


def _outside_package(items: Entries) -> Entries:
    return add_rel(items, DOC_RELS, R + "image", "../../../etc/passwd")


def _include_text(items: Entries) -> Entries:
    return body(items, '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                       ' INCLUDE</w:instrText></w:r><w:r><w:instrText>TEXT "C:\\\\x.docx" '
                       '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def field_runs(*code: str, result: str = "1", wrap: str = "") -> str:
    """A complex field's runs: begin, one ``w:instrText`` run per piece of ``code``, separate,
    ``result``, end. A piece starting with "<" is put in as XML (a nested field, a tracked
    change); ``wrap`` ("ins", "del") puts the whole field in one tracked change, its
    instruction then in ``w:delInstrText`` for a deletion."""
    instr = "delInstrText" if wrap == "del" else "instrText"
    text = "delText" if wrap == "del" else "t"
    runs = ['<w:r><w:fldChar w:fldCharType="begin"/></w:r>']
    runs += [piece if piece.startswith("<") else
             f'<w:r><w:{instr} xml:space="preserve">{piece}</w:{instr}></w:r>' for piece in code]
    runs += ['<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
             f"<w:r><w:{text}>{result}</w:{text}></w:r>",
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>']
    xml = "".join(runs)
    if wrap:
        xml = f'<w:{wrap} w:id="901" w:author="A" w:date="2024-01-01T00:00:00Z">{xml}</w:{wrap}>'
    return xml


def _field(*code: str, wrap: str = "") -> Callable[[Entries], Entries]:
    def change(items: Entries) -> Entries:
        return body(items, f"<w:p>{field_runs(*code, wrap=wrap)}</w:p>")
    return change


def _simple_field(instr: str) -> Callable[[Entries], Entries]:
    def change(items: Entries) -> Entries:
        return body(items, f'<w:p><w:fldSimple w:instr="{instr}"><w:r><w:t>1</w:t></w:r>'
                           "</w:fldSimple></w:p>")
    return change


def _tracked(kind: str, code: str, author: str) -> str:
    instr = "delInstrText" if kind == "del" else "instrText"
    return (f'<w:{kind} w:id="9{len(code)}" w:author="{author}" w:date="2024-01-01T00:00:00Z">'
            f'<w:r><w:{instr} xml:space="preserve">{code}</w:{instr}></w:r></w:{kind}>')


#: Every field type reportgen keeps, as Word writes them (one paragraph each).
INERT_FIELDS = (
    " PAGE \\* MERGEFORMAT ", " NUMPAGES \\* Arabic ", " SECTIONPAGES ", " SECTION ",
    ' DATE \\@ "d MMMM yyyy" ', ' TIME \\@ "HH:mm" ', " REF _Ref_sufficiency \\h ",
    " PAGEREF _Ref_sufficiency \\h ", " NOTEREF _Ref_sufficiency \\h ",
    ' STYLEREF "Heading 1" \\n ', " SEQ Table \\* ARABIC ", ' TOC \\o "1-3" \\h \\z \\u ',
    ' HYPERLINK "https://www.harrow.gov.uk/fostering" \\o "Fostering" ',
    ' HYPERLINK "mailto:clerk@harrow.gov.uk" ', ' HYPERLINK \\l "_Ref_sufficiency" ',
    " DOCPROPERTY Title ", ' SYMBOL 183 \\f "Symbol" \\s 10 \\h ',
)


def _inert_fields(items: Entries) -> Entries:
    paragraphs = ['<w:p><w:bookmarkStart w:id="77" w:name="_Ref_Sufficiency"/><w:r><w:t>'
                  'Sufficiency</w:t></w:r><w:bookmarkEnd w:id="77"/></w:p>']
    paragraphs += [f"<w:p>{field_runs(code)}</w:p>" for code in INERT_FIELDS]
    paragraphs.append('<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
                      "</w:fldSimple></w:p>")
    paragraphs.append(f"<w:p>{field_runs(' NUMPAGES ', wrap='ins')}</w:p>")
    return body(items, "".join(paragraphs))


def _marked_body(text: str) -> Callable[[Entries], Entries]:
    """A paper whose first paragraph is a protective marking."""
    def change(items: Entries) -> Entries:
        return body(items, f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    return change


def with_header(items: Entries, inner: str) -> Entries:
    """``items`` with a default header part holding ``inner`` (XML in w:hdr)."""
    items = add_rel(items, DOC_RELS, R + "header", "header9.xml", rid="rIdHdr9")
    items = add_type(items, "word/header9.xml", "application/vnd.openxmlformats-"
                     "officedocument.wordprocessingml.header+xml")
    items = _replace(items, "word/document.xml", '<w:pgSz ',
                     '<w:headerReference w:type="default" r:id="rIdHdr9"/><w:pgSz ')
    hdr = ('<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml">' + inner + "</w:hdr>")
    return [*items, ("word/header9.xml", hdr.encode())]


def _marked_header(items: Entries) -> Entries:
    return with_header(items, "<w:p><w:r><w:t>RESTRICTED - Part II</w:t></w:r></w:p>")


def _marked_watermark(items: Entries) -> Entries:
    # Word's watermark: a VML shape in the header whose text is an attribute.
    return with_header(items, '<w:p><w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" '
                              'type="#_x0000_t136"><v:textpath style="font-family:Calibri" '
                              'string="CONFIDENTIAL"/></v:shape></w:pict></w:r></w:p>')


def _entity(items: Entries) -> Entries:
    laughs = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">'
                     for i in range(1, 12))
    items = _replace(items, "word/document.xml", "<w:document",
                     f'<!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]><w:document')
    return body(items, "<w:p><w:r><w:t>&l11;</w:t></w:r></w:p>")


def _external_entity(items: Entries) -> Entries:
    return _replace(items, "word/styles.xml", "<w:styles",
                    '<!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:styles')


def _malformed(items: Entries) -> Entries:
    return _replace(items, "word/document.xml", "</w:body>", "</w:bod>")


def _duplicate(items: Entries) -> Entries:
    return [*items, ("word/document.xml", dict(items)["word/document.xml"])]


def _duplicate_core(items: Entries) -> Entries:
    """What LibreOffice can write (docxtpl issue 558): two docProps/core.xml entries."""
    return [*items, ("docProps/core.xml", dict(items)["docProps/core.xml"])]


def _no_content_types(items: Entries) -> Entries:
    return [(n, d) for n, d in items if n != "[Content_Types].xml"]


def _many_parts(items: Entries) -> Entries:
    from reportgen.limits import MAX_DOCX_PARTS

    return [*items, *((f"word/media/pad{i}.bin", b"") for i in range(MAX_DOCX_PARTS))]


def _dotx(items: Entries) -> Entries:
    return _replace(items, "[Content_Types].xml", "document.main+xml", "template.main+xml")


def _custom_xml(items: Entries) -> Entries:
    items = add_rel(items, "_rels/.rels", R + "custom-properties", "docProps/custom.xml",
                    rid="rIdCustom")
    items = add_type(items, "docProps/custom.xml",
                     "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    custom = ('<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.'
              'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
              'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
              'fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ChildName">'
              '<vt:lpwstr>Jane Doe</vt:lpwstr></property></Properties>')
    return [*items, ("docProps/custom.xml", custom.encode())]


CHANGES: dict[str, Callable[[Entries], Entries]] = {
    "external-image": _external_image,
    "attached-template": _attached_template,
    "file-hyperlink": _hyperlink("file:///etc/passwd"),
    "unc-hyperlink": _hyperlink("\\\\fileserver\\share\\salaries.xlsx"),
    "relative-hyperlink": _hyperlink("../restricted/part-ii.docx"),
    "web-hyperlink": _hyperlink("https://www.harrow.gov.uk/fostering"),
    "vba-project": _vba,
    "vba-hidden": _vba_hidden,
    "macro-main": _macro_main,
    "alt-chunk": _alt_chunk,
    "ole-object": _ole,
    "sub-document": _subdocument,
    "unknown-relationship": _unknown_rel,
    "outside-package": _outside_package,
    "include-field": _include_text,
    "inert-fields": _inert_fields,
    # Papers marked not for publication (reportgen/pack/markings.py).
    "marked-first-page": _marked_body(
        "NOT FOR PUBLICATION by virtue of paragraph 1 of Part 1 of Schedule 12A to the Local "
        "Government Act 1972"),
    "marked-header": _marked_header,
    "marked-watermark": _marked_watermark,
    "mentions-confidential": _marked_body(
        "Foster carers' addresses are kept confidential; the report, which was not for "
        "publication, was noted."),
    # Fields as Word composes them (reportgen/render/fields.py).
    "nested-ddeauto": _field(field_runs(" QUOTE 68 68 69 ", result="DDE"),
                             'AUTO excel "C:\\\\x.xlsx" "R1C1" '),
    "nested-includepicture": _field(" ", field_runs(' QUOTE "INCLUDE" ', result="INCLUDE"),
                                    'PICTURE "http://tracker.example/p.png" \\d '),
    "deleted-includepicture": _field(' INCLUDEPICTURE "http://tracker.example/p.png" \\d ',
                                     wrap="del"),
    "inserted-dde": _field(' DDE excel "C:\\\\x.xlsx" "R1C1" ', wrap="ins"),
    "tracked-split": _field(" INCLUDE", _tracked("ins", "X", "A"),
                            _tracked("del", "PICTURE", "B"), ' "http://tracker.example/p" '),
    "split-includepicture": _field(" INCLUDEPIC", "TURE ", '"http://tracker.example/p.png"'),
    "database-field": _simple_field(
        'DATABASE \\d &quot;C:\\\\data\\\\children.mdb&quot; \\s &quot;SELECT * FROM '
        'children&quot;'),
    "print-field": _field(' PRINT "%!PS (file:///etc/passwd) run" '),
    "macrobutton-field": _field(" MACROBUTTON AutoOpen Click here "),
    "autotext-field": _field(' AUTOTEXT "Confidential" '),
    "unknown-field": _field(" FILENAME \\p "),
    "formula-field": _field(" = 2 + 2 "),
    "control-field": _field(" FILENAME \u202etxt.exe\u009b31m "),
    "long-field": _field(" MERGEFIELD " + "Child_name_and_address_" * 6),
    "ref-elsewhere": _field(" REF _Ref_other_meeting \\h "),
    "hyperlink-field-file": _field(' HYPERLINK "file:///etc/passwd" '),
    "date-unknown-switch": _field(' DATE \\@ "d MMMM yyyy" \\q '),
    "form-field-macro": lambda items: body(items, (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Text1"/>'
        '<w:entryMacro w:val="AutoOpen"/></w:ffData></w:fldChar></w:r><w:r><w:instrText '
        'xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar '
        'w:fldCharType="end"/></w:r></w:p>')),
    "entity": _entity,
    "external-entity": _external_entity,
    "malformed": _malformed,
    "duplicate-entry": _duplicate,
    "duplicate-core": _duplicate_core,
    "no-content-types": _no_content_types,
    "many-parts": _many_parts,
    "dotx": _dotx,
    "custom-properties": _custom_xml,
}


def write_bomb(path: Path, inflated: int = 1 << 30) -> None:
    """A document whose customXml part inflates to ``inflated`` bytes (about 1 MB on disk)."""
    deflated, crc = _zeros_deflated(inflated)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries():
            archive.writestr(name, data)
        archive.writestr("customXml/item9.xml", deflated, zipfile.ZIP_STORED)
    _mark_deflated(path, "customXml/item9.xml", inflated, crc)


@cache
def _zeros_deflated(size: int) -> tuple[bytes, int]:
    """Raw deflate data of ``size`` zero bytes and their CRC-32, made from one compressed MiB
    repeated: a full flush makes each copy independent of the ones before it."""
    block = bytes(1 << 20)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = squeeze.compress(block) + squeeze.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(block, crc)
    return one * (size >> 20) + final, crc


def _mark_deflated(path: Path, name: str, size: int, crc: int) -> None:
    """Rewrite the headers of a member stored as raw deflate data: method 8, its real CRC and
    inflated size (zipfile cannot write a gigabyte member without holding it in memory)."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    # (signature, offset of method, of CRC, of the name's length, of the name)
    for signature, method_at, crc_at, length_at, name_at in (
            (b"PK\x03\x04", 8, 14, 26, 30), (b"PK\x01\x02", 10, 16, 28, 46)):
        start = 0
        while (at := data.find(signature, start)) >= 0:
            length = int.from_bytes(data[at + length_at: at + length_at + 2], "little")
            if bytes(data[at + name_at: at + name_at + length]) == encoded:
                data[at + method_at: at + method_at + 2] = (8).to_bytes(2, "little")
                data[at + crc_at: at + crc_at + 4] = crc.to_bytes(4, "little")
                data[at + crc_at + 8: at + crc_at + 12] = size.to_bytes(4, "little")
            start = at + 4
    path.write_bytes(bytes(data))


def write_damaged(path: Path) -> None:
    """document.xml's compressed bytes overwritten: the part fails its CRC check."""
    write_zip(path, entries())
    data = bytearray(path.read_bytes())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 40: start + 80] = bytes(40)
    path.write_bytes(bytes(data))


def write_too_big(path: Path) -> None:
    from reportgen.limits import MAX_DOCX_BYTES

    with path.open("wb") as handle:  # sparse: costs no disk space
        handle.write(plain_docx())
        handle.truncate(MAX_DOCX_BYTES + 1)


def make(kind: str, path: Path, base: Path | None = None) -> None:
    """Write the hostile file ``kind`` to ``path``; a change of the zip starts from ``base``
    (a .docx, such as a built-in style's template) when given, else from :func:`plain_docx`."""
    if kind == "bomb":
        write_bomb(path)
    elif kind == "damaged":
        write_damaged(path)
    elif kind == "too-big":
        write_too_big(path)
    elif kind == "plain":
        path.write_bytes(plain_docx())
    else:
        write_zip(path, CHANGES[kind](entries(base.read_bytes() if base else None)))
