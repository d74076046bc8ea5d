"""Nothing the officer wrote is lost: every word and number of the narrative reaches the
rendered document, in order, in every built-in style (and content.words-lost says so when
one does not).

The oracle here is deliberately plain and separate from reportgen's: the words of the source
are its runs of letters and digits (``*`` and ``_`` left out, as emphasis markers); the words
of the document are those of its paragraphs with each numbered paragraph's label, read
from the numbering part by :func:`_labels` below, which is itself checked against
LibreOffice's own reading of a document.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from reportgen.bundle import Recommendation
from reportgen.checks import run_checks
from reportgen.checks.words import document_words
from reportgen.pipeline import LoadedReport, load_report, render
from reportgen.render import blocks as blocks_module
from reportgen.render import markup
from tests.helpers import FIXTURES

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STYLES = ("cover-sheet", "numbered-paragraphs", "report-to-members", "council-form")


def source_words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.replace("*", "").replace("_", ""))


def _labels(data: bytes) -> list[tuple[str, str]]:
    """(label, text) of every body paragraph: the plain reading of Word's list numbers for
    numbering with one level per list, as reportgen writes it (count from the start
    override, else the level's start)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = etree.fromstring(zf.read("word/document.xml"))
        numbering = etree.fromstring(zf.read("word/numbering.xml")) \
            if "word/numbering.xml" in zf.namelist() else None
        styles = etree.fromstring(zf.read("word/styles.xml"))
    # A paragraph style may carry the numbering (the numbered-paragraphs style's does).
    style_num = {s.get(f"{W}styleId"): n.get(f"{W}val")
                 for s in styles.iter(f"{W}style")
                 for n in s.iterfind(f"{W}pPr/{W}numPr/{W}numId")}
    starts: dict[str, int] = {}
    formats: dict[str, str] = {}
    if numbering is not None:
        abstract = {a.get(f"{W}abstractNumId"): a for a in numbering.iter(f"{W}abstractNum")}
        for num in numbering.iter(f"{W}num"):
            a = abstract[num.find(f"{W}abstractNumId").get(f"{W}val")]
            lvl = a.find(f"{W}lvl")
            over = num.find(f".//{W}startOverride")
            start = lvl.find(f"{W}start")
            starts[num.get(f"{W}numId")] = int(
                (over if over is not None else start).get(f"{W}val")) if (
                over is not None or start is not None) else 0
            formats[num.get(f"{W}numId")] = lvl.find(f"{W}numFmt").get(f"{W}val")
    count: dict[str, int] = {}
    out = []
    for p in body.iter(f"{W}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        style = p.find(f"{W}pPr/{W}pStyle")
        key = num.get(f"{W}val") if num is not None else \
            style_num.get(style.get(f"{W}val")) if style is not None else None
        label = ""
        if key is not None and formats.get(key) == "decimal":
            count[key] = count.get(key, starts[key] - 1) + 1
            label = f"{count[key]}."
        out.append((label, text))
    return out


def reader_words(data: bytes) -> list[str]:
    return [w for label, text in _labels(data) for w in source_words(f"{label} {text}")]


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(word in it for word in small)


@pytest.fixture(scope="module")
def harrow() -> LoadedReport:
    return load_report(HARROW)


def with_report_text(loaded: LoadedReport, text: str, style: str) -> LoadedReport:
    bundle = loaded.bundle
    sections = bundle.sections.model_copy(update={"report": text})
    bundle = bundle.model_copy(update={"sections": sections, "style": style})
    return dataclasses.replace(loaded, bundle=bundle)


# Lines an officer writes (and wraps anywhere): words, numbers, years, list markers, sub-
# headings, emphasis; no "{" (that is Jinja's) and no directives (they print tables).
_TOKEN = st.one_of(
    st.sampled_from(["2016.", "1.", "3)", "12.", "-", "*", "+", "#", "###", "**", "_", ">",
                     "£1.2m", "5%", "24/25", "(a)", "Q1", "snake_case", "1*5", "**2016**"]),
    st.from_regex(r"[A-Za-z]{1,8}|[0-9]{1,4}", fullmatch=True),
)
_LINE = st.lists(_TOKEN, max_size=8).map(" ".join)
_INDENT = st.sampled_from(["", "", "", "  ", "   ", "\t"])
_TEXT = st.lists(st.tuples(_INDENT, _LINE).map("".join), min_size=1, max_size=10).map(
    "\n".join).filter(lambda t: source_words(t))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=_TEXT, style=st.sampled_from(STYLES))
def test_every_word_written_reaches_the_document_in_order(harrow: LoadedReport, text: str,
                                                          style: str) -> None:
    result = render(with_report_text(harrow, text, style))
    assert is_subsequence(source_words(text), reader_words(result.docx)), text
    # The checker's reading agrees with the plain one, and it finds nothing lost.
    assert document_words(result.docx) == reader_words(result.docx)
    loaded = with_report_text(harrow, text, style)
    assert [f for f in run_checks(loaded, result) if f.rule == "content.words-lost"] == []


# Narrative paragraphs from other councils' published committee reports, wrapped as a
# text editor wraps them (a line may begin with a year or a count and a full stop).
PUBLISHED = """\
The Sufficiency Strategy sets out how the Council will meet its duty to provide sufficient
accommodation for children in care. Since the last report in October
2016. The introduction of the Mockingbird model has increased the number of foster
carers retained, and the number of children placed more than 20 miles from home fell from 41
to 33.

Of the 412 children looked after at 31 March 2023, 71% were placed with foster carers and
11% in residential children's homes; the remainder were placed with parents, in supported
accommodation or in secure settings. Placement stability remains good: 9.8% of children
had three or more placements during the year against a national figure of 10%.

The Panel is asked to note:
1. the increase in the number of in-house foster carers;
2. the work of the Virtual School to improve attendance; and
3. the priorities for 2024/25.

In 2019 the service reviewed every placement costing over £4,000 a week; the review
identified
14. children whose needs could be met closer to home, and eight of them have since moved.
"""


@pytest.mark.parametrize("style", STYLES)
def test_published_narrative_keeps_every_word(harrow: LoadedReport, style: str) -> None:
    result = render(with_report_text(harrow, PUBLISHED, style))
    seen = reader_words(result.docx)
    assert is_subsequence(source_words(PUBLISHED), seen)
    paragraphs = [text for _, text in _labels(result.docx)]
    assert any("October 2016. The introduction of the Mockingbird model" in p
               for p in paragraphs)
    assert any("identified 14. children whose needs" in p for p in paragraphs)
    assert [label for label, text in _labels(result.docx) if "Virtual School" in text] == ["2."]


def test_words_lost_fails_when_the_parser_swallows_a_number(
        harrow: LoadedReport, monkeypatch: pytest.MonkeyPatch) -> None:
    """The old parser's fault, put back: a wrapped line "2016. The …" read as a list item
    numbered from 1. content.words-lost names the section and the lost number."""
    real = markup.parse_markup

    def old_reading(text: str) -> list[markup.Block]:
        out: list[markup.Block] = []
        for block in real(text):
            if isinstance(block, markup.Paragraph):
                joined = "".join(r.text for r in block.runs)
                head, sep, tail = joined.partition(" 2016. ")
                if sep:
                    out.append(markup.Paragraph((markup.Run(head),)))
                    out.append(markup.NumberedList((markup.ListItem((markup.Run(tail),)),)))
                    continue
            out.append(block)
        return out

    monkeypatch.setattr("reportgen.render.docx.parse_markup", old_reading)
    loaded = with_report_text(harrow, PUBLISHED, "cover-sheet")
    found = [f for f in run_checks(loaded, render(loaded)) if f.rule == "content.words-lost"]
    assert [(f.severity, f.where) for f in found] == [("error", "sections.report")]
    assert "'2016 The introduction of the'" in found[0].message


def test_words_lost_fails_when_the_writer_drops_a_run(
        harrow: LoadedReport, monkeypatch: pytest.MonkeyPatch) -> None:
    real = blocks_module.add_runs

    def lossy(paragraph, runs):  # type: ignore[no-untyped-def]
        real(paragraph, [r for r in runs if "Virtual School" not in r.text])

    monkeypatch.setattr(blocks_module, "add_runs", lossy)
    loaded = with_report_text(harrow, PUBLISHED, "numbered-paragraphs")
    found = [f for f in run_checks(loaded, render(loaded)) if f.rule == "content.words-lost"]
    assert [f.where for f in found] == ["sections.report"]
    assert "'work of the Virtual School'" in found[0].message


def test_list_numbers_read_as_libreoffice_reads_them(harrow: LoadedReport,
                                                     tmp_path: Path) -> None:
    """The list labels both readers compute are the ones LibreOffice prints."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.fail("LibreOffice (soffice) is needed: apt-get install libreoffice-writer")
    text = "Intro\n1. one\n2. two\n\n2016. year\n\n5) five\n6) six\n1. again\n\n   3. nested"
    result = render(with_report_text(harrow, text, "cover-sheet"))
    path = tmp_path / "lists.docx"
    path.write_bytes(result.docx)
    subprocess.run([soffice, "--headless", "--convert-to", "txt:Text (encoded):UTF8",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True,
                   timeout=240, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    lines = [" ".join(line.split()) for line in
             (tmp_path / "lists.txt").read_text(encoding="utf-8-sig").splitlines()]
    for expected in ("1. one", "2. two", "2016. year", "5. five", "6. six", "1. again",
                     "3. nested"):
        assert expected in lines, (expected, [x for x in lines if x][:60])
    ours = [f"{label} {t}".strip() for label, t in _labels(result.docx)]
    for expected in ("1. one", "2. two", "2016. year", "5. five", "6. six", "1. again",
                     "3. nested"):
        assert expected in ours
    assert document_words(result.docx) == reader_words(result.docx)


def with_recommendations(loaded: LoadedReport) -> LoadedReport:
    """Two recommendations with reasons, one wrapped before "2016." and one with a list."""
    recs = [Recommendation(text="That the Panel notes the 14 placements reviewed in\n"
                                "2016. and the savings of £437k.",
                           reason="To keep the Panel informed:\n1. of costs;\n2. of moves."),
            Recommendation(text="That the Panel agrees the *sufficiency* plan for 2024/25.",
                           reason="So that 33 children move closer to home.")]
    return dataclasses.replace(loaded, bundle=loaded.bundle.model_copy(
        update={"recommendations": recs}))


@pytest.mark.parametrize("style", STYLES)
def test_recommendations_and_reasons_keep_every_word(harrow: LoadedReport, style: str) -> None:
    loaded = with_recommendations(with_report_text(harrow, PUBLISHED, style))
    result = render(loaded)
    seen = reader_words(result.docx)
    for rec in loaded.bundle.recommendations:
        assert is_subsequence(source_words(rec.text), seen)
        assert is_subsequence(source_words(rec.reason or ""), seen)
    assert set(result.other_texts) == {"recommendations[1]", "recommendations[2]",
                                       "recommendations[1].reason",
                                       "recommendations[2].reason"}
    assert [f for f in run_checks(loaded, result) if f.rule == "content.words-lost"] == []


def test_words_lost_names_a_recommendation(harrow: LoadedReport,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    real = markup.parse_inline

    def lossy(text: str) -> list[markup.Run]:
        return real(text.replace("sufficiency", ""))

    monkeypatch.setattr("reportgen.render.docx.parse_inline", lossy)
    loaded = with_recommendations(with_report_text(harrow, PUBLISHED, "cover-sheet"))
    found = [f for f in run_checks(loaded, render(loaded)) if f.rule == "content.words-lost"]
    assert [f.where for f in found] == ["recommendations[2]"]
    assert "'sufficiency plan for 2024 25'" in found[0].message


# -- everything the officer wrote: body headings, contacts, background papers; the web page --

def with_everything(loaded: LoadedReport, style: str) -> LoadedReport:
    """Harrow's narrative as a body outline under the officer's own headings (one starting
    with a year and a full stop), with two contacts and numbered-looking background papers."""
    from reportgen.bundle import BodySection, Contact

    bundle = loaded.bundle
    body = [BodySection(id=key, heading=heading, text=getattr(bundle.sections, key))
            for key, heading in (("summary", "Purpose of the report"),
                                 ("report", "2016. Where the placements stand"),
                                 ("financial_implications", "Money: what it costs (£000s)"))
            if getattr(bundle.sections, key)]
    body[0] = body[0].model_copy(update={"subsections": [BodySection(
        id="detail", heading="Sub-heading *with* snake_case and 24/25",
        text="The detail of 14. placements.")]})
    contacts = [Contact(name="Claire Kentish", job_title="Access to Resources Team Manager",
                        phone="020 8424 1485", email="claire.kentish@harrow.gov.uk"),
                Contact(name="A. N. Other", job_title="Head of Service (Corporate Parenting)")]
    papers = ["2016. Sufficiency Strategy, Cabinet 12 July 2016",
              "Ofsted inspection report, *March* 2015"]
    bundle = bundle.model_copy(update={
        "sections": type(bundle.sections)(), "body": body, "contacts": contacts,
        "background_papers": papers, "style": style})
    return dataclasses.replace(loaded, bundle=bundle)


def _lost(loaded: LoadedReport) -> list[tuple[str, str]]:
    return [(f.where or "", f.message) for f in run_checks(loaded, render(loaded))
            if f.rule == "content.words-lost"]


@pytest.mark.parametrize("style", STYLES)
def test_headings_contacts_and_papers_keep_every_word(harrow: LoadedReport,
                                                      style: str) -> None:
    from reportgen.checks.words import html_words
    from reportgen.publish.html import report_html

    loaded = with_everything(harrow, style)
    result = render(loaded)
    bundle = loaded.bundle
    written = [s.heading for s in bundle.body or []] + [
        v for c in bundle.contacts for v in (c.name, c.job_title, c.phone, c.email) if v] + \
        list(bundle.background_papers)
    seen = reader_words(result.docx)
    page = html_words(report_html(result.docx))
    for text in written:
        assert is_subsequence(source_words(text), seen), text
        assert is_subsequence(source_words(text), page), text
    assert _lost(loaded) == []


def _drop_from_document(monkeypatch: pytest.MonkeyPatch, target: str, word: str) -> None:
    """A stage after the writers (the document's finishing) that drops ``word`` from the
    paragraph holding ``target``: the kind of loss no writer's own test would see."""
    from reportgen.render import docx as docx_module

    real = docx_module.finish_document

    def lossy(document):  # type: ignore[no-untyped-def]
        real(document)
        for t in document.element.body.iter(f"{W}t"):
            if t.text and target in t.text:
                t.text = t.text.replace(word, "", 1)

    monkeypatch.setattr(docx_module, "finish_document", lossy)


@pytest.mark.parametrize(("target", "word", "where", "missing"), [
    ("Where the placements stand", "placements ", "body.report.heading", "'placements stand'"),
    ("Sub-heading", "snake_case ", "body.detail.heading", "'snakecase and 24 25'"),
    ("Access to Resources", "Resources ", "contacts[1].job_title", "'Resources Team Manager'"),
    ("8424", "8424", "contacts[1].phone", "'8424 1485'"),
    ("Sufficiency Strategy", "Cabinet ", "background_papers[1]", "'Cabinet 12 July 2016'"),
    # The first word, though the same word is printed a few words before: no other text's
    # word may stand between two of the officer's.
    ("Sufficiency Strategy", "2016. ", "background_papers[1]",
     "'Sufficiency Strategy Cabinet 12 July' (after '2016')"),
])
def test_words_lost_fires_when_a_stage_drops_a_heading_contact_or_paper_word(
        harrow: LoadedReport, monkeypatch: pytest.MonkeyPatch, target: str, word: str,
        where: str, missing: str) -> None:
    loaded = with_everything(harrow, "council-form")
    assert _lost(loaded) == []
    _drop_from_document(monkeypatch, target, word)
    found = _lost(loaded)
    assert [w for w, _ in found] == [where], found
    assert missing in found[0][1] and "on the web page" not in found[0][1]


@pytest.mark.parametrize("style", ["cover-sheet", "numbered-paragraphs"])
def test_words_lost_fires_when_the_web_page_drops_a_word(
        harrow: LoadedReport, monkeypatch: pytest.MonkeyPatch, style: str) -> None:
    """The .docx keeps every word; the HTML writer's last stage loses one: the check reads
    the page too, and says so."""
    from reportgen.publish import html as html_module

    loaded = with_everything(with_report_text(harrow, PUBLISHED, style), style)
    assert _lost(loaded) == []
    real = html_module.serialise

    def lossy(html):  # type: ignore[no-untyped-def]
        for element in html.iter():
            for part in ("text", "tail"):
                value = getattr(element, part)
                if value and "Virtual School" in value:
                    setattr(element, part, value.replace("Virtual ", "", 1))
        return real(html)

    monkeypatch.setattr(html_module, "serialise", lossy)
    found = _lost(loaded)
    assert [w for w, _ in found] == ["body.report"], found
    assert found[0][1] == ("'Virtual School to improve attendance' (after 'work of the') is "
                           "not printed as written on the web page")


def test_html_words_read_as_a_reader_sees_the_page() -> None:
    from reportgen.checks.words import html_words

    page = (b"<!DOCTYPE html><html><head><title>Not this</title><style>p{x:y}</style></head>"
            b"<body><a>Skip</a><main><h2><span class='number'>3.</span> Costs</h2>"
            b"<p>foo</p><p>bar <strong>Res</strong>idential<br>next</p>"
            b"<script>hidden()</script>tail<table><tr><td>1</td><td>Residential</td></tr>"
            b"</table></main><footer>Page footer</footer></body></html>")
    assert html_words(page) == ["3", "Costs", "foo", "bar", "Residential", "next", "tail",
                                "1", "Residential"]
