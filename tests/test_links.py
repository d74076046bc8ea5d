"""E-mail and web addresses printed in a document become links (render/finish.py), as
HYPERLINK fields in the link character style (render/oxml.py): nothing else changes."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from reportgen import limits
from reportgen.pipeline import load_report, render
from reportgen.render import oxml
from reportgen.render.finish import find_addresses, finish_document, link_addresses

from .helpers import FIXTURES


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[a.start:a.end], a.target) for a in find_addresses(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Email: claire.kentish@harrow.gov.uk", [("claire.kentish@harrow.gov.uk",
                                              "mailto:claire.kentish@harrow.gov.uk")]),
    ("Write to clerk@example.gov.uk.", [("clerk@example.gov.uk", "mailto:clerk@example.gov.uk")]),
    ("(user+tag@sub.example.org)", [("user+tag@sub.example.org",
                                     "mailto:user+tag@sub.example.org")]),
    ("a@b.uk, c_d@e.org; f-g@h.net", [("a@b.uk", "mailto:a@b.uk"),
                                       ("c_d@e.org", "mailto:c_d@e.org"),
                                       ("f-g@h.net", "mailto:f-g@h.net")]),
    ("See www.gov.uk/guidance.", [("www.gov.uk/guidance", "https://www.gov.uk/guidance")]),
    ("(see https://example.org/a).", [("https://example.org/a", "https://example.org/a")]),
    ("https://example.org/a_(b), then", [("https://example.org/a_(b)",
                                          "https://example.org/a_(b)")]),
    ("http://example.org/x?q=1&r=2;", [("http://example.org/x?q=1&r=2",
                                        "http://example.org/x?q=1&r=2")]),
])
def test_addresses_are_found_without_the_sentence_around_them(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", [
    "a@b", "x.@y.uk", ".x@y.uk", "foo@bar.co.uk2", "x@y.uk-", "mail@x.y.zz@q", "@example.org",
    "name@localhost", "http://localhost", "www.", "10@5.5", "£1,000 @ 5.5%", "1 May 2016",
    "per 10,000.", "café@exämple.org",
])
def test_what_is_not_an_address_stays_text(text: str) -> None:
    assert _found(text) == []


def test_a_web_address_longer_than_the_limit_stays_text() -> None:
    long = "https://example.org/" + "a" * limits.MAX_LINKED_URL_CHARS
    assert _found(long) == []
    assert _found(long[: limits.MAX_LINKED_URL_CHARS]) != []


def test_hostile_text_is_read_once() -> None:
    """Long runs that almost make an address give no match (and, with the look-behind
    anchoring each try at a word's start, are read in linear time)."""
    for text in ("a" * 100_000, "a@" * 50_000, "a." * 50_000 + "@", "www." * 25_000,
                 "a@" + "b." * 50_000 + "1", "https://x.org/" + ")" * 10_000):
        assert _found(text) == []


def _fields(paragraph: docx.text.paragraph.Paragraph) -> list[str]:
    return [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))]


def test_a_linked_paragraph_reads_and_looks_as_written() -> None:
    document = docx.Document()
    p = document.add_paragraph()
    bold = p.add_run("Tel: 01709 823456  Email: a.b@x.gov.uk\tor see www.gov.uk, thanks")
    bold.bold = True
    p.add_run(" and the rest.")
    before = p.text
    assert link_addresses(document) == 2
    assert p.text == before  # the field results are the addresses, as written
    assert _fields(p) == ['HYPERLINK "mailto:a.b@x.gov.uk"', 'HYPERLINK "https://www.gov.uk"']
    runs = p._p.findall(qn("w:r"))
    # Every run of the old bold run is still bold; the rest is as it was.
    texts = [(("".join(t.text for t in r.iter(qn("w:t")))), r.find(f"{qn('w:rPr')}/{qn('w:b')}")
              is not None) for r in runs]
    assert texts[-1] == (" and the rest.", False)
    assert all(is_bold for _, is_bold in texts[:-1])
    # The addresses are in the link style, which the document now has, once.
    styled = [r for r in runs if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None]
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in styled] == [
        "a.b@x.gov.uk", "www.gov.uk"]
    assert {r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) for r in styled} == {
        "Hyperlink"}
    assert [s.name for s in document.styles if s.name == "Hyperlink"] == ["Hyperlink"]
    # The tab stayed between the address and the text after it.
    assert p._p.find(f".//{qn('w:tab')}") is not None
    # Idempotent: a second pass (and the whole finishing pass) links nothing more.
    assert link_addresses(document) == 0
    finish_document(document)
    assert _fields(p) == ['HYPERLINK "mailto:a.b@x.gov.uk"', 'HYPERLINK "https://www.gov.uk"']


def test_text_in_a_field_or_a_hyperlink_or_split_across_runs_is_left_alone() -> None:
    document = docx.Document()
    in_field = document.add_paragraph()
    oxml.add_field(in_field, "REF contact", "clerk@example.gov.uk")
    link = document.add_paragraph()
    hyperlink = docx.oxml.OxmlElement("w:hyperlink", {qn("w:anchor"): "x"})
    run = docx.oxml.OxmlElement("w:r")
    t = docx.oxml.OxmlElement("w:t")
    t.text = "clerk@example.gov.uk"
    run.append(t)
    hyperlink.append(run)
    link._p.append(hyperlink)
    split = document.add_paragraph()
    split.add_run("clerk")
    split.add_run("@example.gov.uk")
    assert link_addresses(document) == 0
    assert [s.name for s in document.styles if s.name == "Hyperlink"] == []  # none added


def test_a_template_s_own_link_style_is_used() -> None:
    document = docx.Document()
    style = document.styles.add_style("Hyperlink", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    style.font.bold = True
    own_id = style.style_id
    document.add_paragraph("clerk@example.gov.uk")
    link_addresses(document)
    assert oxml.ensure_hyperlink_style(document) == own_id
    assert len([s for s in document.styles if s.name == "Hyperlink"]) == 1


def test_a_run_with_a_character_style_keeps_it() -> None:
    document = docx.Document()
    strong = document.styles.add_style("Strong words", docx.enum.style.WD_STYLE_TYPE.CHARACTER)
    document.add_paragraph().add_run("clerk@example.gov.uk", style=strong)
    link_addresses(document)
    styles = [r.get(qn("w:val")) for r in document.element.body.iter(qn("w:rStyle"))]
    assert set(styles) == {strong.style_id}


@pytest.mark.parametrize("target", ['mailto:a"b@c.uk', "https://x.org/a\\b", "https://x .org", ""])
def test_a_field_target_that_would_break_the_field_is_refused(target: str) -> None:
    with pytest.raises(ValueError):
        oxml.hyperlink_field_runs(target, "text")


def test_the_added_link_style_is_in_schema_order() -> None:
    document = docx.Document()
    style_id = oxml.ensure_hyperlink_style(document)
    element = next(s for s in document.styles.element.findall(qn("w:style"))
                   if s.get(qn("w:styleId")) == style_id)
    tags = [child.tag.rsplit("}", 1)[1] for child in element]
    assert tags == ["name", "basedOn", "uiPriority", "unhideWhenUsed", "rPr"]
    assert element.get(qn("w:type")) == "character"


def test_a_report_links_its_contact_s_address_with_no_external_relationship() -> None:
    """The contact's e-mail address is a HYPERLINK field: Word opens it, and the package has
    no external relationship (openxml-audit's --ooxml-security warns of every one)."""
    data = render(load_report(FIXTURES / "rotherham-2010-commissioning")).docx
    document = docx.Document(io.BytesIO(data))
    instructions = [t.text.strip() for t in document.element.body.iter(qn("w:instrText"))]
    assert 'HYPERLINK "mailto:adrian.hobson@rotherham.gov.uk"' in instructions
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        rels = [package.read(n) for n in package.namelist() if n.endswith(".rels")]
    assert not any(b'TargetMode="External"' in r for r in rels)
