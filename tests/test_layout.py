"""The form as data (issue 25): style.yaml ``layout:`` lists the form's blocks in order. An
own style is a copy of a built-in style.yaml with a few lines changed, and no Jinja."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

from reportgen.errors import ReportgenError
from reportgen.pipeline import produce
from reportgen.styles import builtin_style_names, copy_style, resolve_style, templates_root

from .helpers import FIXTURES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def lines(docx: bytes) -> list[str]:
    """The document's text in order: a paragraph a line, a table row as 'a | b'."""
    body = Document(io.BytesIO(docx)).element.body
    out = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            out.append("".join("\t" if t.tag == qn("w:tab") else t.text or ""
                               for t in child.iter(qn("w:t"), qn("w:tab"))))
        elif child.tag == qn("w:tbl"):
            for tr in child.iter(qn("w:tr")):
                out.append(" | ".join("".join(t.text or "" for t in tc.iter(qn("w:t")))
                                      for tc in tr.iter(qn("w:tc"))))
    return out


def own_style(bundle: Path, source: str, edit: Callable[[dict[str, Any]], None]) -> None:
    """`reportgen style new ours --from SOURCE`, then a few lines of style.yaml changed."""
    copy_style(source, bundle / "ours")
    path = bundle / "ours" / "style.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def bundle_from(tmp_path: Path, fixture: str, change: Callable[[dict[str, Any]], None]) -> Path:
    bundle = tmp_path / "bundle"
    shutil.copytree(FIXTURES / fixture, bundle)
    data = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    data["style"] = "ours"
    change(data)
    (bundle / "report.yaml").write_text(yaml.safe_dump(data, sort_keys=False,
                                                       allow_unicode=True), encoding="utf-8")
    return bundle


def block_index(layout: list[Any], **match: Any) -> int:
    for n, item in enumerate(layout):
        item = {"block": item} if isinstance(item, str) else item
        if all(item.get(k) == v for k, v in match.items()):
            return n
    raise AssertionError(f"no block {match}")


def content_errors(produced: Any) -> list[str]:
    return [f.line() for f in produced.errors if f.rule.startswith("content.")]


def test_every_built_in_style_is_a_layout() -> None:
    for name in builtin_style_names():
        assert resolve_style(name).layout, name


def test_an_own_cover_sheet_with_a_few_lines_changed(tmp_path: Path) -> None:
    def report(data: dict[str, Any]) -> None:
        data["equality_impact"] = {"carried_out": True, "cleared_by": "Sam Okafor, Equalities"}

    bundle = bundle_from(tmp_path, "harrow-2016-high-cost-placements", report)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        del layout[block_index(layout, block="title")]  # the title once, in "Subject:"
        contacts = layout.pop(block_index(layout, block="contacts"))
        contacts.update(heading="Contact officers", form="labelled")
        layout.insert(block_index(layout, heading="Section 2 – Report"), contacts)
        layout[block_index(layout, block="background_papers")].update(level=1)
        layout[block_index(layout, heading="Section 2 – Report")]["note"] = \
            "Paragraphs cited by members are {not} renumbered."
        at = block_index(layout, heading="Notifications") + 1
        layout.insert(at, {"block": "line", "label": "Equality impact assessment signed off by",
                           "value": "equality_impact.cleared_by"})
        details = layout[block_index(layout, block="details")]
        details["rows"] = [r for r in details["rows"] if r[0] != "Subject:"]
        details["rows"].insert(0, ["Report title:", "report.title"])

    own_style(bundle, "cover-sheet", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    title = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))["report"][
        "title"]
    assert [x for x in text if title in x] == [f"Report title: | {title}"]
    at = text.index("Contact officers")
    assert text[at + 1].startswith("Contact Name: ")
    assert at < text.index("Section 2 – Report") < text.index("Section 3 – Statutory Officer "
                                                                 "Clearance")
    assert "Section 4 – Contact Details and Background Papers" not in text
    assert text[text.index("Section 2 – Report") + 1] == \
        "Paragraphs cited by members are {not} renumbered."  # a note, not Jinja
    signed = "Equality impact assessment signed off by: Sam Okafor, Equalities"
    assert text.index("EqIA carried out: | YES") < text.index(signed)
    assert content_errors(produced) == []


BODY = [
    {"id": "purpose", "heading": "Purpose of report", "role": "summary",
     "text": "Why the panel sees this report."},
    {"id": "recs", "heading": "Recommendations", "role": "recommendations"},
    {"id": "background", "heading": "Background", "text": "First point.\n\nSecond point."},
    {"id": "proposals", "heading": "Proposals", "text": "Third point.\n\nFourth point."},
]


def body_bundle(tmp_path: Path) -> Path:
    def report(data: dict[str, Any]) -> None:
        data["body"] = BODY
        data["recommendations"] = [{"text": "That the panel notes the report."}]
        data["contacts"] = [{"name": "Ada Lane", "job_title": "Head of Service",
                             "phone": "01234 567890", "email": "ada.lane@example.gov.uk"}]

    return bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                       report)


def test_numbering_counts_only_what_the_form_numbers_and_contacts_move(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        style.update(paragraph_numbering="hierarchical", heading_numbering=True,
                     unnumbered_sections=["summary", "recommendations"])
        layout = style["layout"]
        at = block_index(layout, block="body")
        contacts = layout.pop(block_index(layout, block="contacts"))
        contacts["heading"] = "Who to ask"
        layout[at:at + 1] = [{"block": "body", "part": "all_but_last",
                              "notes": {"background": "As reported in March."}},
                             contacts, {"block": "body", "part": "last"}]

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert "Purpose of report" in text and "Recommendations" in text
    heading = text.index("1. Background")
    assert text[heading + 1:heading + 4] == ["As reported in March.", "\t1.1\tFirst point.",
                                             "\t1.2\tSecond point."]
    assert text.index("\t1.2\tSecond point.") < text.index("Who to ask") < \
        text.index("2. Proposals")
    assert text[text.index("2. Proposals") + 1] == "\t2.1\tThird point."
    assert content_errors(produced) == []


@pytest.mark.parametrize(("numbering", "expected"), [
    ("flat", ["Background", "\t1.\tFirst point.", "2. The proposal", "\t3.\tSecond point.",
              "Proposals", "\t4.\tThird point."]),
    ("hierarchical", ["1. Background", "\t1.1\tFirst point.", "1.2 The proposal",
                      "\t1.3\tSecond point.", "2. Proposals", "\t2.1\tThird point."]),
])
def test_a_sub_heading_takes_a_paragraph_number(tmp_path: Path, numbering: str,
                                                expected: list[str]) -> None:
    # Oxfordshire's "4. The Current Proposal": the form numbers a sub-heading as a paragraph.
    def report(data: dict[str, Any]) -> None:
        data["body"] = [
            {"id": "background", "heading": "Background", "text": "First point.",
             "subsections": [{"id": "proposal", "heading": "The proposal",
                              "text": "Second point."}]},
            {"id": "proposals", "heading": "Proposals",
             "text": "Third point."}]

    bundle = bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                         report)

    def edit(style: dict[str, Any]) -> None:
        style["paragraph_numbering"] = numbering
        layout = style["layout"]
        layout[block_index(layout, block="body")] = {"block": "body",
                                                     "heading_number": "paragraph"}

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    at = text.index(expected[0])
    assert text[at:at + 4] == expected[:4]
    assert text[text.index(expected[4]) + 1] == expected[5]
    heading = [p for p in Document(io.BytesIO(produced.result.docx)).paragraphs
               if p.text == expected[2]]
    assert [p.style.name for p in heading] == ["Heading 2"]  # a heading, in the navigation


def test_heading_number_takes_only_paragraph(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(
        "template_from: council-form\nlayout: [{block: body, heading_number: yes}]\n",
        encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        resolve_style(str(tmp_path / "s"))
    assert caught.value.message == "heading_number must be one of paragraph, none, got 'yes'"


def test_council_form_without_the_responsible_officer_box(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        at = block_index(layout, block="other_details")
        layout[at:at + 1] = [
            {"block": "line", "label": "Report of", "value": "report.responsible_officer"},
            {"block": "line", "label": "Published", "value": "report.publication_date"}]

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert "Report of: Chief Executive" in text
    head = text[:text.index("Purpose of report")]
    assert not [x for x in head if "Responsible officer" in x or " | " in x]  # no box
    assert content_errors(produced) == []


@pytest.mark.parametrize("optional", [None, "", "   "])
def test_an_empty_or_null_optional_text_prints_nothing(tmp_path: Path,
                                                        optional: str | None) -> None:
    # heading, note, otherwise and a line's label left empty or null mean "none": never an
    # empty Heading nor the word "None".
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        at = block_index(layout, block="contacts")
        layout[at] = {"block": "contacts", "heading": optional, "note": optional}
        layout.insert(at, {"block": "line", "label": optional, "value": "council"})
        layout.insert(at, {"block": "appendices", "shown": "given", "otherwise": optional})
        style["recommendations_lead_in"] = optional

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert not [x for x in text if "None" in x]
    empty_headings = [p for p in Document(io.BytesIO(produced.result.docx)).paragraphs
                      if p.style.name.startswith("Heading") and not p.text.strip()]
    assert empty_headings == []


def test_a_null_standard_text_or_title_label_is_never_the_word_none(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(
        "template_from: council-form\nlayout: [{block: title, lines: [agenda_item, title], "
        "labels: {agenda_item: null, title: ''}}]\n", encoding="utf-8")
    # A null or empty title-line label means no label: the line is its value alone.
    assert resolve_style(str(tmp_path / "s")).layout[0].labels == {"agenda_item": "",
                                                                    "title": ""}
    (tmp_path / "s" / "texts.yaml").write_text("exempt_text: null\n", encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        resolve_style(str(tmp_path / "s"))
    assert caught.value.message == "exempt_text has no text (null): give its words, or '' " \
        "for none"
    assert str(caught.value.file) == str(tmp_path / "s" / "texts.yaml")


def _no_details_rows(style: dict[str, Any]) -> None:
    layout = style["layout"]
    del layout[block_index(layout, block="other_details")]
    style["recorded_elsewhere"] = ["responsible_officer", "report.publication_date"]


def test_a_field_recorded_elsewhere_is_checked_not_printed(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)
    own_style(bundle, "council-form", _no_details_rows)
    produced = produce(bundle, gate=False)
    text = "\n".join(lines(produced.result.docx))
    assert "Chief Executive" not in text and "Responsible officer" not in text
    assert "12 October 2020" not in text and "publication" not in text.lower()
    assert content_errors(produced) == []
    # Still checked: a publication date after the meeting is the same error as before.
    report = (bundle / "report.yaml").read_text(encoding="utf-8")
    (bundle / "report.yaml").write_text(
        report.replace("publication_date: 2020-10-12", "publication_date: 2020-10-19"),
        encoding="utf-8")
    produced = produce(bundle, gate=False)
    assert [f.rule for f in produced.errors] == ["dates.publication-deadline"]
    # A style without layout: other_details() leaves the field out too.
    assert resolve_style(str(bundle / "ours")).recorded_elsewhere == (
        "report.responsible_officer", "report.publication_date")


def test_recorded_elsewhere_never_covers_what_the_officer_wrote(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        _no_details_rows(style)
        layout = style["layout"]
        layout[block_index(layout, block="contacts")] = {"block": "contacts", "shown": "never"}

    own_style(bundle, "council-form", edit)
    errors = content_errors(produce(bundle, gate=False))
    assert errors and all("content.not-shown: contacts" in e for e in errors), errors


@pytest.mark.parametrize("drop", ["other_details", "contacts", "body"])
def test_leaving_out_what_the_officer_wrote_is_refused(tmp_path: Path, drop: str) -> None:
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        layout[block_index(layout, block=drop)] = {"block": drop, "shown": "never"} \
            if drop != "other_details" else {"block": "heading", "heading": "Details"}

    own_style(bundle, "council-form", edit)
    errors = [e for e in content_errors(produce(bundle, gate=False))
              if "content.not-shown" in e]
    field = {"other_details": "report.responsible_officer", "contacts": "contacts",
             "body": "body"}[drop]
    assert any(field in e for e in errors), errors


def test_a_contact_and_a_short_table_keep_together(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)
    own_style(bundle, "council-form", lambda style: None)
    body = Document(io.BytesIO(produce(bundle, gate=False).result.docx)).element.body
    paras = list(body.iterchildren(qn("w:p")))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in paras]
    first = texts.index("Contact Name: Ada Lane, Head of Service")
    contact = paras[first:first + 3]
    assert [p.find(f"{W}pPr/{W}keepLines") is not None for p in contact] == [True] * 3
    assert [p.find(f"{W}pPr/{W}keepNext") is not None for p in contact] == [True, True, False]
    tables = list(body.iter(qn("w:tbl")))
    assert len(tables) == 2  # the details and the sign-off
    for tbl in tables:
        rows = tbl.findall(qn("w:tr"))
        kept = [all(p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(qn("w:p")))
                for tr in rows]
        if "".join(t.text or "" for t in rows[0].iter(qn("w:t"))).startswith("Officer"):
            # The sign-off keeps its header with the first officer and may break between
            # officers, so it never leaves a gap of its own height before it.
            assert kept == [True, False, False]
        else:
            assert len(rows) >= 2 and kept == [True] * (len(rows) - 1) + [False]


def test_a_long_table_may_break() -> None:
    from reportgen.render.docx import SHORT_TABLE_ROWS, _keep_short_tables

    doc = Document()
    doc.add_table(rows=SHORT_TABLE_ROWS + 1, cols=2)
    doc.add_table(rows=SHORT_TABLE_ROWS, cols=2)
    _keep_short_tables(doc.element.body)
    long, short = doc.tables
    assert not any(p.paragraph_format.keep_with_next for r in long.rows for c in r.cells
                   for p in c.paragraphs)
    assert all(p.paragraph_format.keep_with_next for r in short.rows[:-1] for c in r.cells
               for p in c.paragraphs)


@pytest.mark.parametrize(("layout", "message"), [
    ("layout: yes", "layout must be a list of blocks"),
    ("layout: [contact]", "layout item 1: 'contact' is not a block; did you mean 'contacts'?"),
    ("layout: [{heading: Contacts}]",
     "layout item 1: give a block name, or a mapping with block: and its options"),
    ("layout: [{block: contacts, heding: Contacts}]",
     "layout item 1 (contacts): unknown option 'heding'; did you mean 'heading'?"),
    ("layout: [{block: contacts, shown: sometimes}]",
     "shown must be one of always, given, given_or_decision, never, got 'sometimes'"),
    ("layout: [{block: contacts, level: 9}]",
     "layout item 1 (contacts): level must be a whole number from 1 to 6"),
    ("layout: [{block: details, rows: [[Officer:, report.officer]]}]",
     "layout item 1 (details) row 1: 'report.officer' is not a value a form can print; "
     "did you mean 'report.responsible_officer'?"),
    ("layout: [{block: line, label: Signed}]", "layout item 1 (line): value must name a field"),
    ("layout: [{block: section, sections: [money]}]",
     "sections: 'money' is not one of " + ", ".join(
         __import__("reportgen.bundle", fromlist=["SECTION_IDS"]).SECTION_IDS)),
    ("layout: [{block: body, part: first}]",
     "part must be one of all, all_but_last, last, got 'first'"),
    ("layout: [body, {block: body, part: last}]",
     "layout prints the body more than once or in part: give one body block, or one with "
     "part: all_but_last and one with part: last"),
    ("layout: [{block: body, part: all_but_last}]",
     "layout prints the body more than once or in part: give one body block, or one with "
     "part: all_but_last and one with part: last"),
    ("layout: [" + ", ".join(["heading"] * 201) + "]",
     "layout has 201 blocks: a form has at most 200"),
    ("layout: [{block: details, rows: [" + ", ".join(["[A, council]"] * 201) + "]}]",
     "layout item 1 (details): 201 rows: a details table has at most 200"),
    ("layout: [{block: title, lines: [title, subtitel]}]",
     "lines: 'subtitel' is not one of " + ", ".join(
         __import__("reportgen.styles", fromlist=["LAYOUT_TITLE_PARTS"]).LAYOUT_TITLE_PARTS)),
    ("layout: [{block: title, lines: [committee_date], separator: ''}]",
     "layout item 1 (title): separator must be a few characters on one line (at most 10), "
     "such as ' – '"),
    ("layout: [{block: title, lines: [committee_date], separator: ' and then on the day '}]",
     "layout item 1 (title): separator must be a few characters on one line (at most 10), "
     "such as ' – '"),
    ("layout: [{block: title, lines: [title], labels: {agenda_item: ITEM}}]",
     "layout item 1 (title): labels: 'agenda_item' is not one of this block's lines (title)"),
    ("layout: [{block: title, labels: [ITEM]}]",
     "layout item 1 (title): labels must be a mapping of title line: label"),
    ("layout: [{block: recommendations, labels: '[1]'}]",
     "layout item 1 (recommendations): labels must be one of 1., (1), a., (a), i., (i), "
     "none, got '[1]'"),
    # Issue 25 follow-up: an empty heading, label or note, or the word "None", is never right.
    ("part_headings: {legal: ''}",
     "part_headings: legal must give the heading's text (leave legal out for the standard "
     "heading)"),
    ("part_headings: {legal: null}",
     "part_headings: legal must give the heading's text (leave legal out for the standard "
     "heading)"),
    ("part_texts: {legal: null}", "part_texts: legal must name a standard text"),
    ("layout: [{block: details, rows: [[null, council]]}]",
     "layout item 1 (details) row 1: label must give the row's label"),
    ("layout: [{block: details, rows: [{label: ' ', value: council}]}]",
     "layout item 1 (details) row 1: label must give the row's label"),
    ("layout: [{block: body, notes: {summary: null}}]",
     "layout item 1 (body): notes: summary must give the note's text (leave summary out for "
     "no note)"),
    ("recorded_elsewhere: [contacts]",
     "recorded_elsewhere: 'contacts' is not a details field a form may leave unprinted "
     "(what the officer wrote is always printed); fields: " + ", ".join(
         __import__("reportgen.styles", fromlist=["RECORDED_ELSEWHERE"]).RECORDED_ELSEWHERE)),
    ("recorded_elsewhere: [body]",
     "recorded_elsewhere: 'body' is not a details field a form may leave unprinted "
     "(what the officer wrote is always printed); fields: " + ", ".join(
         __import__("reportgen.styles", fromlist=["RECORDED_ELSEWHERE"]).RECORDED_ELSEWHERE)),
])
def test_layout_errors_are_one_line(tmp_path: Path, layout: str, message: str) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(f"template_from: council-form\n{layout}\n",
                                               encoding="utf-8")
    with pytest.raises(ReportgenError) as caught:
        resolve_style(str(tmp_path / "s"))
    assert caught.value.message == message
    assert "\n" not in caught.value.message
    assert str(caught.value.file) == str(tmp_path / "s" / "style.yaml")


def test_built_in_layouts_name_only_known_values() -> None:
    # Each built-in style.yaml reads (every block, row and value checked when it loads).
    for name in builtin_style_names():
        text = (templates_root() / name / "style.yaml").read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, name


def test_the_documented_layout_reads(tmp_path: Path) -> None:
    from .helpers import ROOT

    docs = (ROOT / "docs" / "house-styles.md").read_text(encoding="utf-8")
    example = docs.split("```yaml\nlayout:\n", 1)[1].split("```", 1)[0]
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "style.yaml").write_text(
        "template_from: council-form\nlayout:\n" + example, encoding="utf-8")
    layout = resolve_style(str(tmp_path / "s")).layout
    assert [b.block for b in layout][:4] == ["title", "details", "other_details", "body"]
    assert layout[3].notes == {"financial": "Figures are at 30 June."}


def styled_lines(docx: bytes) -> list[str]:
    """As lines(), each paragraph with its style, so a heading turned into text shows."""
    body = Document(io.BytesIO(docx)).element.body
    out = []
    for p in body.iter(qn("w:p")):
        style = p.find(f"{W}pPr/{W}pStyle")
        name = style.get(qn("w:val")) if style is not None else "-"
        out.append(f"[{name}] " + "".join("\t" if t.tag == qn("w:tab") else t.text or ""
                                          for t in p.iter(qn("w:t"), qn("w:tab"))))
    return out


def _variant(data: dict[str, Any], kind: str) -> None:
    """Reports a form's conditions tell apart (generated from a fixture's report.yaml)."""
    if kind == "decision-without-recommendations":
        data["report"]["type"] = "decision"
        data.pop("recommendations", None)
    elif kind == "recommendations-with-reasons":
        data["recommendations"] = [{"text": "Note the report.", "reason": "Members asked."},
                                   {"text": "Agree the plan.", "reason": "It saves money."}]
    elif kind == "bare":
        for key in ("contacts", "clearance", "appendices", "background_papers",
                    "recommendations"):
            data.pop(key, None)
        data["report"].pop("portfolio_holder", None)
    elif kind == "appendices":
        data["appendices"] = [{"title": "Placement data"}, {"title": "Savings tracker"}]
        data["background_papers"] = ["Sufficiency strategy 2016"]


@pytest.mark.parametrize("style", ["cover-sheet", "numbered-paragraphs", "report-to-members",
                                   "council-form"])
@pytest.mark.parametrize(("fixture", "kind"), [
    ("harrow-2016-high-cost-placements", "as-is"),
    ("harrow-2016-high-cost-placements", "decision-without-recommendations"),
    ("harrow-2016-high-cost-placements", "recommendations-with-reasons"),
    ("harrow-2016-high-cost-placements", "bare"),
    ("herefordshire-2018-lac-cost-reduction", "appendices"),
    ("wiltshire-2020-corporate-parenting-panel-annual-report", "recommendations-with-reasons"),
])
def test_a_built_in_layout_prints_what_its_template_printed(tmp_path: Path, style: str,
                                                            fixture: str, kind: str) -> None:
    """The built-in templates still hold the Jinja layout they had (a style reusing one with
    template_from and no layout: prints through it): each built-in layout prints the same
    text, in the same paragraph styles, and leaves out the same fields."""
    import dataclasses

    from reportgen.pipeline import load_report, render

    bundle = bundle_from(tmp_path, fixture, lambda data: _variant(data, kind))
    loaded = load_report(bundle)
    house = resolve_style(style)
    by_layout = render(loaded, house)
    title = [b for b in house.layout if b.block == "title"]
    as_template = dataclasses.replace(house, layout=(), **(
        {"title_block": title[0].form, "title_lines": title[0].lines} if title else {}))
    by_template = render(loaded, as_template)
    assert styled_lines(by_layout.docx) == styled_lines(by_template.docx)
    assert lines(by_layout.docx) == lines(by_template.docx)  # the tables' rows too
    assert [k for k, _ in by_layout.not_shown] == [k for k, _ in by_template.not_shown]


def test_letterhead_around_the_form_stays(tmp_path: Path) -> None:
    """A template whose body holds {{p form() }} keeps its own lines around the form."""
    bundle = body_bundle(tmp_path)
    own_style(bundle, "council-form", lambda style: None)
    template = Document(str(bundle / "ours" / "template.docx"))
    body = template.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    template.add_paragraph("Westshire Council, County Hall, Westshire WS1 1AA")
    template.add_paragraph("{{p form() }}")
    template.add_paragraph("Printed on recycled paper")
    template.save(str(bundle / "ours" / "template.docx"))
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert text[0] == "Westshire Council, County Hall, Westshire WS1 1AA"
    assert text[1] == "Wiltshire Council"  # the layout's first title line
    assert text.index("Statutory officer clearance") < text.index("Printed on recycled paper")
    assert content_errors(produced) == []


def test_form_without_a_layout_is_an_error(tmp_path: Path) -> None:
    bundle = body_bundle(tmp_path)
    own_style(bundle, "council-form", lambda style: style.pop("layout"))
    template = Document(str(bundle / "ours" / "template.docx"))
    template.add_paragraph("{{p form() }}")
    template.save(str(bundle / "ours" / "template.docx"))
    with pytest.raises(ReportgenError, match=r"calls form\(\), but style.yaml has no layout"):
        produce(bundle, gate=False)


def test_title_lines_as_the_form_words_them(tmp_path: Path) -> None:
    """A separator between committee and date, the form's own labels, and a subtitle line."""
    def report(data: dict[str, Any]) -> None:
        report_body = [dict(x) for x in BODY if x["id"] != "recs"]
        data["body"] = report_body
        data["recommendations"] = []
        data["report"].update(agenda_item="EX6", report_by="Director of Children's Services",
                              subtitle="Further information for members")

    bundle = bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                         report)

    def edit(style: dict[str, Any]) -> None:
        style["date_styles"] = {"meeting": "capitals"}
        style["layout"][0] = {"block": "title", "separator": " – ",
                              "lines": ["agenda_item", "committee_date", "title", "subtitle",
                                        "report_of"],
                              "labels": {"agenda_item": "ITEM", "report_of": "Report by"}}

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    data = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    committee, title = data["meeting"]["committee"], data["report"]["title"]
    text = lines(produced.result.docx)
    at = text.index("ITEM EX6")
    assert text[at + 1].startswith(f"{committee} – ") and text[at + 1].isupper() is \
        committee.isupper()
    assert text[at + 2:at + 5] == [title, "Further information for members",
                                   "Report by Director of Children's Services"]
    assert not [x for x in text if "Subtitle" in x or "Agenda Item No." in x]
    assert content_errors(produced) == []


@pytest.mark.parametrize("style", ["cover-sheet", "numbered-paragraphs", "report-to-members",
                                   "council-form"])
def test_a_subtitle_no_title_line_names_is_in_the_details(tmp_path: Path, style: str) -> None:
    def report(data: dict[str, Any]) -> None:
        data["report"]["subtitle"] = "A further note & <update>"
        data["style"] = style

    bundle = bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                         report)
    produced = produce(bundle, gate=False)
    assert any("A further note & <update>" in x for x in lines(produced.result.docx))
    assert content_errors(produced) == []


@pytest.mark.parametrize(("labels", "printed"), [
    ("(1)", ["(1)", "(2)", "(3)"]), ("1.", ["1.", "2.", "3."]), ("(a)", ["(a)", "(b)", "(c)"]),
    ("a.", ["a.", "b.", "c."]), ("(i)", ["(i)", "(ii)", "(iii)"]), ("i.", ["i.", "ii.", "iii."]),
    ("none", ["", "", ""]),
])
def test_recommendations_with_no_heading_a_lead_in_and_their_labels(
        tmp_path: Path, labels: str, printed: list[str]) -> None:
    """A body report whose outline has no recommendations section: the layout's block prints
    them, with no heading, after its lead-in, labelled as the form labels them."""
    recs = ["Notes the forecast.", "Supports the review.", "Notes the capital programme."]

    def report(data: dict[str, Any]) -> None:
        data["body"] = [dict(x) for x in BODY if x["id"] != "recs"]
        data["recommendations"] = [{"text": r} for r in recs]

    bundle = bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                         report)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        at = block_index(layout, block="body")
        layout.insert(at + 1, {"block": "recommendations", "labels": labels,
                               "lead_in": "RECOMMENDED: that the Panel"})

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    at = text.index("RECOMMENDED: that the Panel")
    assert text[at + 1:at + 4] == [f"{label} {r}".strip() for label, r in zip(printed, recs,
                                                                               strict=True)]
    assert [n for n, x in enumerate(text) if x.endswith("Fourth point.")][0] < at
    assert "Recommendations" not in text
    assert content_errors(produced) == []


def test_recommendations_print_once_when_the_body_has_their_section(tmp_path: Path) -> None:
    """A layout's recommendations block and a body section with role: recommendations: the
    body prints them (under its heading), the block does not print them again."""
    bundle = body_bundle(tmp_path)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        layout.insert(block_index(layout, block="body") + 1,
                      {"block": "recommendations", "heading": "Also here", "labels": "(a)"})

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert text.count("That the panel notes the report.") == 1
    assert "Also here" not in text
    assert content_errors(produced) == []


@pytest.mark.parametrize("reasons_block", [False, True])
def test_reasons_follow_a_headless_recommendations_block(tmp_path: Path,
                                                         reasons_block: bool) -> None:
    """A body report with no recommendations section: its reasons are printed once, after
    the recommendations (or by the form's reasons block), never dropped."""
    def report(data: dict[str, Any]) -> None:
        data["body"] = [dict(x) for x in BODY if x["id"] != "recs"]
        data["recommendations"] = [{"text": "Notes the forecast.", "reason": "Qz because A."},
                                   {"text": "Agrees the plan.", "reason": "Qz because B."}]

    bundle = bundle_from(tmp_path, "wiltshire-2020-corporate-parenting-panel-annual-report",
                         report)

    def edit(style: dict[str, Any]) -> None:
        layout = style["layout"]
        at = block_index(layout, block="body") + 1
        layout.insert(at, {"block": "recommendations", "labels": "(a)",
                           "lead_in": "RECOMMENDED:"})
        if reasons_block:
            layout.insert(at + 1, {"block": "reasons", "heading": "Why"})

    own_style(bundle, "council-form", edit)
    produced = produce(bundle, gate=False)
    text = lines(produced.result.docx)
    assert text.count("(a) Qz because A.") == 1 and text.count("(b) Qz because B.") == 1
    assert text.index("(b) Agrees the plan.") < text.index("(a) Qz because A.")
    assert ("Why" in text) is reasons_block
    assert content_errors(produced) == []
