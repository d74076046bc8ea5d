"""Rendering: each fixture in its seed's style with the seed's figures, computed from data."""

from __future__ import annotations

import hashlib
import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from reportgen.errors import ReportgenError
from reportgen.pipeline import load_report, render
from reportgen.styles import builtin_style_names

from .helpers import FIXTURES, document_text, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
HEREFORDSHIRE = FIXTURES / "herefordshire-2018-lac-cost-reduction"
ALL = (HARROW, ROTHERHAM, HEREFORDSHIRE)


@pytest.fixture(scope="module")
def rendered() -> dict[str, bytes]:
    return {path.name: render(load_report(path)).docx for path in ALL}


def headings(data: bytes) -> list[tuple[str, str]]:
    doc = Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]


def test_harrow_headline_figures_and_sections(rendered: dict[str, bytes]) -> None:
    text = document_text(rendered[HARROW.name])
    # Seed: "£500k to be saved through children's placements and £200k … Leaving Care".
    assert "include £500k to be saved through children's placements and £200k" in text
    assert "savings of around £437k have already been achieved" in text
    assert "at 2016/17 Q1 was reporting an overspend of £673k" in text
    assert "A notional target of £30k" in text
    assert "reviewing the top 20 high cost placements" in text
    names = [h for _, h in headings(rendered[HARROW.name])]
    for expected in ("Section 1 – Summary and Recommendations", "Section 2 – Report",
                     "Financial Implications", "Section 3 – Statutory Officer Clearance",
                     "Section 4 – Contact Details and Background Papers"):
        assert expected in names
    assert "REPORT FOR:" in text and "Corporate Parenting Panel" in text
    assert "25 October 2016" in text
    assert "Name: Jo Frost" in text and "Date: 13/10/16" in text
    assert "on behalf of the Chief Financial Officer" in text
    assert "☒" in text  # the ticked clearance boxes
    assert "Tel: 020 8424 1485" in text


def test_rotherham_computes_the_combined_overspend_the_seed_got_wrong(
        rendered: dict[str, bytes]) -> None:
    text = document_text(rendered[ROTHERHAM.name])
    # (4,463,416 − 3,030,748) + (3,836,120 − 2,457,373) = 1,432,668 + 1,378,747 = 2,811,415
    assert "giving a combined projected overspend of £2,811,415" in text
    assert "£2,786,300" not in text
    assert ("Rotherham currently has 26 young people placed in independent residential "
            "provision and 106 young people placed with IFAs") in text
    assert "at an average cost of £3,303 and £875 per week" in text
    assert "resulted in 31 young people leaving external placements" in text
    assert "an additional 27 young people" in text
    assert "an overspend of £3,560,031 against budget" in text
    assert "projected to be overspent by £80,000" in text
    assert "savings of £47,739 since June" in text and "equating to £24,000" in text
    names = [h for _, h in headings(rendered[ROTHERHAM.name])]
    assert names[:7] == ["5. Summary", "6. Recommendations", "7. Proposals and Details",
                         "Existing Process", "Actions Being Taken: Regional",
                         "Actions Being Taken: Sub-Regional", "Actions Being Taken: Local"]
    assert "Friday 15th October 2010" in text
    assert "Contact Name: Adrian Hobson" in text


def test_herefordshire_savings_table_and_numbered_paragraphs(rendered: dict[str, bytes]) -> None:
    data = rendered[HEREFORDSHIRE.name]
    doc = Document(io.BytesIO(data))
    savings = [t for t in doc.tables if t.rows[0].cells[0].text == "Measure"][0]
    rows = [[c.text for c in r.cells] for r in savings.rows]
    assert rows == [["Measure", "£000s"], ["SGO", "12"],
                    ["Step down in placement to kinship", "79"], ["Reunification", "123"],
                    ["Adoption", "95"], ["Other placement step downs", "75"],
                    ["Total savings", "384"]]
    text = document_text(data)
    assert "savings of £500k for the 2018/19 financial year" in text
    assert "are £384k (77% of the target)" in text
    assert "average cost per annum of £51,000 for each child" in text
    assert "Thursday 29 November 2018" in text
    assert "section 149 of the Equality Act 2010" in text
    numbered = [p for p in doc.paragraphs if p.style.name == "Numbered Paragraph"]
    # Alternative options, key considerations … consultees: the seed has 16 numbered paragraphs.
    assert len(numbered) >= 14
    assert numbered[0].text.startswith("There is no alternative to the recommendations")


@pytest.mark.parametrize("style", builtin_style_names())
@pytest.mark.parametrize("bundle", ALL, ids=lambda p: p.name)
def test_every_fixture_renders_in_every_style(bundle: Path, style: str) -> None:
    loaded = load_report(bundle)
    data = render(loaded, style).docx
    text = document_text(data)
    assert loaded.bundle.report.title in text
    # Nothing the bundle wrote is lost: every narrative section appears under some heading.
    first_words = {sid: " ".join(str(getattr(loaded.bundle.sections, sid)).split()[:4])
                   for sid in type(loaded.bundle.sections).model_fields
                   if getattr(loaded.bundle.sections, sid)}
    for section_id, words in first_words.items():
        if "{{" not in words and not words.startswith(("#", "-", "[")):
            assert words.replace("*", "") in text, section_id


def test_rendering_is_byte_identical() -> None:
    first = render(load_report(HARROW)).docx
    second = render(load_report(HARROW)).docx
    assert hashlib.sha256(first).hexdigest() == hashlib.sha256(second).hexdigest()


def test_accessible_by_construction(rendered: dict[str, bytes]) -> None:
    for name, data in rendered.items():
        doc = Document(io.BytesIO(data))
        assert doc.core_properties.title, name
        assert doc.core_properties.language == "en-GB"
        for table in doc.tables:
            tr_pr = table.rows[0]._tr.trPr
            assert tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None, name
        levels = [int(s.split()[-1]) for s, _ in headings(data)]
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), name
        # No empty paragraphs used for spacing in the body.
        assert not [p for p in doc.paragraphs if not p.text.strip()
                    and not p._p.xpath(".//w:drawing")], name


def test_text_is_escaped_and_cleaned(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, lambda d: d["sections"].__setitem__(
        "summary", "Fees & charges < budget > plan \x07 \"quoted\" ]]> <w:p/>"))
    text = document_text(render(load_report(bundle)).docx)
    assert 'Fees & charges < budget > plan "quoted" ]]> <w:p/>' in text


@pytest.mark.parametrize("expression, message", [
    ("{{ undefined_thing }}", "unknown name 'undefined_thing'"),
    ("{{ ''.__class__.__mro__ }}", "not allowed"),
    ("{{ report.__class__ }}", "not allowed"),
    ("{{ lipsum.__globals__ }}", "unknown name 'lipsum'"),
    ("{% for %}", "Jinja2 syntax error"),
])
def test_narrative_runs_in_a_strict_sandbox(tmp_path: Path, expression: str, message: str) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, lambda d: d["sections"].__setitem__("summary", expression))
    with pytest.raises(ReportgenError) as err:
        render(load_report(bundle))
    assert message in err.value.line()
    assert "sections.summary" in err.value.line()


def test_unknown_table_directive_is_an_error(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, lambda d: d["sections"].__setitem__("summary", "[table: savingz]"))
    with pytest.raises(ReportgenError, match="unknown table 'savingz'"):
        render(load_report(bundle))


def _by_type_rows(data: bytes) -> dict[str, list[str]]:
    """The placements_by_type table of a rendered report: placement type → its other cells."""
    for table in Document(io.BytesIO(data)).tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        if cells and cells[0][:2] == ["Placement type", "Number of children"]:
            return {row[0]: row[1:] for row in cells[1:]}
    raise AssertionError("no placements_by_type table in the document")


def test_small_counts_are_suppressed_in_public_reports(tmp_path: Path) -> None:
    from reportgen.disclosure import suppress_counts

    # One count below 5 is hidden, and so is the next smallest (secondary suppression).
    assert suppress_counts([26, 3, 106, 12], 5) == [False, True, False, True]
    assert suppress_counts([26, 3, 4, 12], 5) == [False, True, True, False]
    assert suppress_counts([26, 30], 5) == [False, False]
    # Harrow on its as-at date: 4 placed with parents and 2 secure, both below 5.
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, lambda d: d["sections"].__setitem__(
        "summary", "[table: placements_by_type]"))
    edit_yaml(bundle, lambda d: d.setdefault("settings", {}).__setitem__("public", "yes"))
    public = _by_type_rows(render(load_report(bundle)).docx)
    # Hidden cells show the GSS symbol "c" (the average and annual cost with the count).
    assert public["Secure"] == ["c", "c", "c"]
    assert public["Placed with parents"] == ["c", "c", "c"]
    assert public["Residential"][0] == "20"
    text = document_text(render(load_report(bundle)).docx)
    assert "Numbers of children below 5 are not shown" in text
    assert "c = confidential" in text
    edit_yaml(bundle, lambda d: d["settings"].__setitem__("public", "no"))
    private = _by_type_rows(render(load_report(bundle)).docx)
    assert private["Secure"][0] == "2" and private["Placed with parents"][0] == "4"
