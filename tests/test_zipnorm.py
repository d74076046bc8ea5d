"""Tests for deterministic .docx zips."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import docx
import pytest

from reportgen.errors import ReportgenError
from reportgen.render.oxml import set_core_properties
from reportgen.render.zipnorm import normalise_docx


def _document() -> docx.document.Document:
    document = docx.Document()
    document.add_heading("Placements budget", level=1)
    document.add_paragraph("Spend rose by £1.2m.")
    set_core_properties(document, title="Placements", created=dt.datetime(2016, 7, 1, 9, 0))
    return document


def _save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _save_at(
    document: docx.document.Document, when: float, monkeypatch: pytest.MonkeyPatch
) -> bytes:
    # zipfile stamps entries with time.localtime(time.time()); pin the clock for each save.
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: when)
        return _save(document)


def test_two_saves_at_different_times_normalise_to_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = _document()
    first = _save_at(document, 1_500_000_000.0, monkeypatch)
    second = _save_at(document, 1_500_000_010.0, monkeypatch)
    assert first != second
    assert normalise_docx(first) == normalise_docx(second)


def test_normalised_zip_metadata_and_order(monkeypatch: pytest.MonkeyPatch) -> None:
    data = normalise_docx(_save_at(_document(), 1_500_000_000.0, monkeypatch))
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
    assert names[2:] == sorted(names[2:])
    assert "word/document.xml" in names
    assert archive.comment == b""
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert info.create_system == 3
        assert info.external_attr == 0o100644 << 16  # regular file, rw-r--r--
        assert info.extra == b""
        assert info.comment == b""


# What python-docx's own package carries that no output may: never part of the content.
_METADATA = {"docProps/thumbnail.jpeg", "customXml/item1.xml", "customXml/itemProps1.xml",
             "customXml/_rels/item1.xml.rels"}
_BOOKKEEPING = {"[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                "docProps/app.xml"}


def test_normalising_is_idempotent_and_keeps_contents() -> None:
    original = _save(_document())
    once = normalise_docx(original)
    assert normalise_docx(once) == once
    before = zipfile.ZipFile(io.BytesIO(original))
    after = zipfile.ZipFile(io.BytesIO(once))
    assert set(before.namelist()) >= _METADATA
    assert sorted(set(before.namelist()) - _METADATA) == sorted(after.namelist())
    for name in set(after.namelist()) - _BOOKKEEPING:
        assert before.read(name) == after.read(name)


def test_outputs_carry_no_thumbnail_statistics_or_custom_data() -> None:
    from reportgen.render.package import APP_XML

    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_save(_document()))) as source, \
            zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdC" Target="docProps/custom.xml" Type="http://'
                    b'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    b'custom-properties"/></Relationships>'))
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Override PartName="/docProps/custom.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'))
            target.writestr(info.filename, data)
        target.writestr("docProps/custom.xml", b"<Properties/>")
    data = normalise_docx(buffer.getvalue())
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    assert not names & (_METADATA | {"docProps/custom.xml"})
    assert archive.read("docProps/app.xml") == APP_XML
    for name in ("_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        xml = archive.read(name)
        assert b"thumbnail" not in xml and b"custom" not in xml.lower(), name
    reopened = docx.Document(io.BytesIO(data))
    assert reopened.core_properties.title == "Placements"


def test_fixed_time_is_used() -> None:
    data = normalise_docx(_save(_document()), fixed_time=(2016, 7, 1, 9, 30, 0))
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {info.date_time for info in infos} == {(2016, 7, 1, 9, 30, 0)}


def test_result_opens_in_python_docx() -> None:
    reopened = docx.Document(io.BytesIO(normalise_docx(_save(_document()))))
    assert [p.text for p in reopened.paragraphs] == ["Placements budget", "Spend rose by £1.2m."]
    assert reopened.core_properties.title == "Placements"


def test_not_a_zip() -> None:
    with pytest.raises(ReportgenError) as caught:
        normalise_docx(b"%PDF-1.4 not a docx")
    assert caught.value.line() == "not a .docx file (not a zip archive)"


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_without_content_types() -> None:
    with pytest.raises(ReportgenError, match=r"no \[Content_Types\].xml"):
        normalise_docx(_zip([("hello.txt", b"hi")]))


def test_zip_with_duplicate_entries(recwarn: pytest.WarningsRecorder) -> None:
    data = _zip(
        [("[Content_Types].xml", b"<a/>"), ("word/document.xml", b"1"), ("word/document.xml", b"2")]
    )
    with pytest.raises(ReportgenError, match="word/document.xml appears twice"):
        normalise_docx(data)


def test_damaged_entry() -> None:
    data = bytearray(_zip([("[Content_Types].xml", b"<Types/>" * 100)]))
    start = data.index(b"[Content_Types].xml") + len("[Content_Types].xml")
    data[start : start + 20] = bytes(20)  # overwrite compressed data: the CRC check fails
    with pytest.raises(ReportgenError, match="damaged archive"):
        normalise_docx(bytes(data))
