"""Agenda items through reportgen.pipeline.produce: a scheduled build's period replaces every
bundle's own (the pack shows the quarter's figures, as its standalone reports do), and Part I
reports are rendered as public."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.agenda import load_agenda
from reportgen.errors import ReportgenError
from reportgen.pack import build_packs
from reportgen.pipeline import produce
from tests.test_pack import FIXTURES, docx_text, sentences

HARROW = "harrow-2016-high-cost-placements"
AGENDA = f"""\
council: Harrow Council
meeting:
  committee: Corporate Parenting Panel
  date: 2016-10-25
  time: 7.30 pm
  venue: Committee Room 1
membership:
  chair: Councillor A
clerk:
  name: B Clerk
items:
  - report: ../{HARROW}
    appendices: []
"""


def test_the_build_period_replaces_each_bundles_own(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / HARROW, tmp_path / HARROW)
    (tmp_path / "agenda").mkdir()
    (tmp_path / "agenda" / "agenda.yaml").write_text(AGENDA)
    agenda = load_agenda(tmp_path / "agenda")
    q2 = sentences(docx_text(produce(tmp_path / HARROW, period="2016/17 Q2").result.docx,
                             body_only=True))
    own = sentences(docx_text(produce(tmp_path / HARROW).result.docx, body_only=True))
    assert own - q2 and q2 - own  # the quarters' figures differ, so the test can tell
    pack = docx_text(build_packs(agenda, period="2016/17 Q2").public, body_only=True)
    assert [s for s in q2 - own if s not in pack] == []
    assert [s for s in own - q2 if s in pack] == []
    default = docx_text(build_packs(agenda).public, body_only=True)
    assert [s for s in own - q2 if s not in default] == []


def test_part_one_reports_are_rendered_as_public(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every report goes through produce() (the real checks included); Part I ones with
    public=True whatever the bundle says, Part II ones as the bundle says."""
    from reportgen import pipeline
    from reportgen.pack.items import prepare_items
    from tests.test_pack import copy_fixtures

    calls: list[tuple[str, bool | None]] = []
    real = pipeline.produce

    def spy(source: object, **kwargs: object) -> pipeline.Produced:
        produced = real(source, **kwargs)  # type: ignore[arg-type]
        calls.append((produced.loaded.bundle.council, kwargs.get("public")))  # type: ignore[misc]
        return produced

    monkeypatch.setattr(pipeline, "produce", spy)
    items = prepare_items(load_agenda(copy_fixtures(tmp_path)))
    assert calls == [("Harrow Council", True), ("Rotherham Borough Council", True),
                     ("Herefordshire Council", None)]
    assert [p.number for p in items if p.exempt] == [8]


# -- an agenda's documents: confined to its folder tree, and not marked restricted in Part I --

DOC_AGENDA = AGENDA.replace(f"  - report: ../{HARROW}\n    appendices: []\n", "")


def _agenda_with(tmp_path: Path, items: str, extra: str = "") -> Path:
    folder = tmp_path / "agenda"
    folder.mkdir(exist_ok=True)
    (folder / "agenda.yaml").write_text(DOC_AGENDA + items + extra)
    return folder


def test_documents_may_come_from_sub_folders_and_allowed_folders(tmp_path: Path) -> None:
    from reportgen.pack.items import prepare_items
    from tests import hostile_docx

    folder = _agenda_with(tmp_path, "  - document: papers/a.docx\n    title: A\n"
                                    "  - document: ../shared/b.docx\n    title: B\n",
                          "allow_folders: [../shared]\n")
    (folder / "papers").mkdir()
    (tmp_path / "shared").mkdir()
    hostile_docx.make("plain", folder / "papers" / "a.docx")
    hostile_docx.make("plain", tmp_path / "shared" / "b.docx")
    items = prepare_items(load_agenda(folder))
    assert [len(i.documents) for i in items] == [1, 1]
    # Without the allowance the second is outside, however the path is spelt.
    for spelt in ("../shared/b.docx", "papers/../../shared/b.docx", str(tmp_path / "shared" /
                                                                         "b.docx")):
        (folder / "agenda.yaml").write_text(DOC_AGENDA + f"  - document: {spelt}\n"
                                                         "    title: B\n")
        with pytest.raises(ReportgenError, match=r"agenda item 1: document '.*' is outside "
                                                 r"the agenda's folder"):
            prepare_items(load_agenda(folder))


def test_a_link_inside_the_folder_is_followed_before_it_is_judged(tmp_path: Path) -> None:
    from reportgen.pack.items import prepare_items
    from tests import hostile_docx

    folder = _agenda_with(tmp_path, "  - document: inside.docx\n    title: A\n")
    (tmp_path / "other").mkdir()
    hostile_docx.make("plain", tmp_path / "other" / "restricted.docx")
    (folder / "inside.docx").symlink_to(tmp_path / "other" / "restricted.docx")
    with pytest.raises(ReportgenError, match="document 'inside.docx' is outside"):
        prepare_items(load_agenda(folder))
    # ...and a link within the tree is inside.
    (folder / "inside.docx").unlink()
    hostile_docx.make("plain", folder / "real.docx")
    (folder / "inside.docx").symlink_to(folder / "real.docx")
    assert prepare_items(load_agenda(folder))[0].documents


@pytest.mark.parametrize("kind", ["marked-first-page", "marked-header", "marked-watermark"])
def test_a_marked_paper_is_refused_in_part_one_and_taken_in_part_two(
        tmp_path: Path, kind: str) -> None:
    from reportgen.pack.items import prepare_items
    from tests import hostile_docx

    folder = _agenda_with(tmp_path, "  - document: paper.docx\n    title: Costs\n")
    hostile_docx.make(kind, folder / "paper.docx")
    with pytest.raises(ReportgenError, match="is in Part I, the public pack"):
        prepare_items(load_agenda(folder))
    (folder / "agenda.yaml").write_text(DOC_AGENDA + "  - document: paper.docx\n    title: "
                                                     "Costs\n    exempt_paragraph: 3\n")
    [item] = prepare_items(load_agenda(folder))
    assert item.exempt and item.documents


def test_words_in_a_sentence_and_an_answered_no_are_no_marking() -> None:
    from reportgen.pack.markings import _is_marking, title_marking

    marked = ["NOT FOR PUBLICATION", "Exempt appendix", "Part II", "PART II – EXEMPT",
              "Restricted", "Private and Confidential", "OFFICIAL-SENSITIVE",
              "This appendix is exempt from publication", "Exempt: Yes", "**CONFIDENTIAL**"]
    unmarked = ["Part II: items not for publication", "Exempt: No", "Exempt:: No",
                "Restricted: n/a", "Part 2 of the strategy sets out", "Exemptions from tax",
                "Confidentiality and information sharing",
                "The report, which was not for publication, was noted", "Partnership"]
    assert [t for t in marked if not _is_marking(t)] == []
    assert [t for t in unmarked if _is_marking(t)] == []
    assert title_marking("Placement costs (exempt)") == "Placement costs (exempt)"
    assert title_marking("Part II of the sufficiency strategy") is None


def test_every_fixture_paper_and_report_is_unmarked_and_a_restricted_pack_is_marked(
        tmp_path: Path) -> None:
    from reportgen.pack.markings import marking
    from reportgen.render.package import clean_docx, read_docx

    for path in sorted(FIXTURES.rglob("*.docx")):
        assert marking(read_docx(path)) is None, path
    agenda = load_agenda(FIXTURES / "agenda-corporate-parenting")
    packs = build_packs(agenda)
    assert marking(clean_docx(packs.public)) is None  # its "Part II: items…" heading
    assert packs.restricted is not None
    assert marking(clean_docx(packs.restricted)) == "RESTRICTED: NOT FOR PUBLICATION"


@pytest.mark.parametrize(("before", "read"), [
    ("", True),  # the first line
    ('<w:p><w:r><w:t>Intro</w:t></w:r></w:p>' * 39, True),  # the 40th line
    ('<w:p><w:r><w:t>Intro</w:t></w:r></w:p>' * 40, False),  # the 41st: past a page's worth
    ('<w:p><w:r><w:t>Intro</w:t><w:br w:type="page"/></w:r></w:p>', False),  # on page two
    ('<w:p><w:r><w:t>Intro</w:t><w:br/></w:r></w:p>', True),  # a line break is no page break
])
def test_only_the_first_page_is_read(tmp_path: Path, before: str, read: bool) -> None:
    from reportgen.pack.markings import marking
    from reportgen.render.package import read_docx
    from tests import hostile_docx

    path = tmp_path / "paper.docx"
    hostile_docx.write_zip(path, hostile_docx.body(
        hostile_docx.entries(), before + "<w:p><w:r><w:t>CONFIDENTIAL</w:t></w:r></w:p>"))
    assert (marking(read_docx(path)) == "CONFIDENTIAL") is read


# -- an item written for another council or meeting ------------------------------------------

def _pack_with_bundle(tmp_path: Path, change: dict[str, str], item_extra: str = "") -> Path:
    """The Harrow bundle beside a one-item agenda; ``change`` rewrites lines of its
    report.yaml (old → new)."""
    from tests.test_pack import copy_fixtures

    copy_fixtures(tmp_path)
    path = tmp_path / HARROW / "report.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in change.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "agenda"
    folder.mkdir()
    (folder / "agenda.yaml").write_text(AGENDA + item_extra)
    return folder


@pytest.mark.parametrize(("change", "written_for"), [
    ({"date: 2016-10-25": "date: 2016-11-01"},
     "meeting date 1 November 2016 (the agenda's is 25 October 2016)"),
    ({"committee: Corporate Parenting Panel": "committee: Cabinet"},
     "committee 'Cabinet' (the agenda's is 'Corporate Parenting Panel')"),
    ({"council: Harrow Council": "council: Brent Council",
      "date: 2016-10-25": "date: 2016-10-26"},
     "council 'Brent Council' (the agenda's is 'Harrow Council'); meeting date 26 October "
     "2016 (the agenda's is 25 October 2016)"),
])
def test_a_report_for_another_council_or_meeting_is_an_error(
        tmp_path: Path, change: dict[str, str], written_for: str) -> None:
    from reportgen.pack.items import prepare_items

    folder = _pack_with_bundle(tmp_path, change)
    with pytest.raises(ReportgenError) as caught:
        prepare_items(load_agenda(folder))
    assert caught.value.line() == (
        "agenda item 1 (High Costs Placements Monitoring Update): the report was written for "
        f"{written_for}: correct its report.yaml, or mark the item from_elsewhere: yes in "
        "agenda.yaml if it comes from another council or meeting")
    # Marked as from elsewhere, it goes in with a warning naming the same difference.
    (folder / "agenda.yaml").write_text(AGENDA + "    from_elsewhere: yes\n")
    messages: list[str] = []
    [item] = prepare_items(load_agenda(folder), messages=messages)
    assert item.documents
    assert ("agenda item 1 (High Costs Placements Monitoring Update): warning: the report was "
            f"written for {written_for} (the item is marked from_elsewhere)") in messages


def test_names_are_compared_without_regard_to_case_or_spacing(tmp_path: Path) -> None:
    from reportgen.pack.items import prepare_items

    folder = _pack_with_bundle(tmp_path, {
        "committee: Corporate Parenting Panel": "committee: corporate  parenting PANEL",
        "council: Harrow Council": "council: HARROW COUNCIL"})
    messages: list[str] = []
    prepare_items(load_agenda(folder), messages=messages)
    assert [m for m in messages if "written for" in m] == []


def test_from_elsewhere_is_a_yes_no_for_report_items_only(tmp_path: Path) -> None:
    folder = tmp_path / "agenda"
    folder.mkdir()
    (folder / "agenda.yaml").write_text(AGENDA + "  - standard: apologies\n"
                                                 "    from_elsewhere: yes\n")
    with pytest.raises(ReportgenError, match="from_elsewhere is for a report item"):
        load_agenda(folder)
    (folder / "agenda.yaml").write_text(AGENDA + "    from_elsewhere: sometimes\n")
    with pytest.raises(ReportgenError, match="from_elsewhere"):
        load_agenda(folder)


def test_the_fixture_agenda_marks_its_other_councils_reports(tmp_path: Path) -> None:
    """Rotherham's and Herefordshire's reports sit in Harrow's agenda as comparisons."""
    packs = build_packs(load_agenda(FIXTURES / "agenda-corporate-parenting"))
    assert [m.split(":")[0] for m in packs.messages if "was written for" in m] == [
        "agenda item 5 (Commissioning of placements for looked after children (Rotherham "
        "comparison))",
        "agenda item 8 (Scrutiny working group update on looked after children cost "
        "reduction)"]


def test_an_agenda_meeting_on_a_bank_holiday_is_a_warning(tmp_path: Path) -> None:
    folder = _pack_with_bundle(tmp_path, {"date: 2016-10-25": "date: 2016-12-27"})
    text = (folder / "agenda.yaml").read_text().replace("date: 2016-10-25", "date: 2016-12-27")
    (folder / "agenda.yaml").write_text(text)
    messages = build_packs(load_agenda(folder)).messages
    # Christmas Day 2016 was a Sunday, so Tuesday 27 December was its bank holiday (Boxing
    # Day's on the Monday).
    assert messages[0] == (
        f"warning: {folder / 'agenda.yaml'}: meeting.date: the meeting is on Tuesday 27 "
        "December 2016, Christmas Day (observed), a bank holiday in England; check the date")
    assert any("warning dates.meeting-not-working-day: meeting.date: the meeting is on Tuesday "
               "27 December 2016" in m for m in messages)


# -- the agenda's publication date and date form reach its reports ----------------------------

def _item_warnings(messages: list[str], rule: str) -> list[str]:
    return [m for m in messages if rule in m]


def test_the_agenda_publication_date_reaches_its_reports(tmp_path: Path) -> None:
    from reportgen.pack.items import prepare_items

    folder = _pack_with_bundle(tmp_path, {"  publication_date: 2016-10-17\n": ""})
    messages: list[str] = []
    prepare_items(load_agenda(folder), messages=messages)
    assert _item_warnings(messages, "dates.publication-date-unset")  # the test can tell
    (folder / "agenda.yaml").write_text(AGENDA + "publication_date: 2016-10-17\n")
    messages = []
    [item] = prepare_items(load_agenda(folder), messages=messages)
    assert item.documents and _item_warnings(messages, "dates.publication-date-unset") == []
    # The agenda's date is the one the report's checks see: a clearance signed after it is
    # an error of the report in the pack (Harrow's last clearance is dated 17 October).
    with pytest.raises(ReportgenError, match="dates.clearance-after-publication"):
        (folder / "agenda.yaml").write_text(AGENDA + "publication_date: 2016-10-14\n")
        build_packs(load_agenda(folder))


def test_a_report_dated_otherwise_is_published_with_the_agenda_and_says_so(
        tmp_path: Path) -> None:
    from reportgen.pack.items import prepare_items

    # Alone, 20 October leaves too few clear days; in the pack it is published on the 17th.
    folder = _pack_with_bundle(tmp_path, {"publication_date: 2016-10-17":
                                          "publication_date: 2016-10-20"})
    with pytest.raises(ReportgenError, match="dates.publication-deadline"):
        produce(tmp_path / HARROW)
    (folder / "agenda.yaml").write_text(AGENDA + "publication_date: 2016-10-17\n")
    messages: list[str] = []
    prepare_items(load_agenda(folder), messages=messages)
    assert ("agenda item 1 (High Costs Placements Monitoring Update): warning: the report's "
            "publication_date 20 October 2016 is not the agenda's: the pack publishes it on "
            "17 October 2016") in messages


def test_a_supplement_report_keeps_its_own_publication_date(tmp_path: Path) -> None:
    """A supplement is published after the agenda: the agenda's date is not its own."""
    from reportgen.pack.items import prepare_items

    folder = _pack_with_bundle(tmp_path, {"  publication_date: 2016-10-17\n": ""})
    (folder / "agenda.yaml").write_text(AGENDA + "    supplement: 1\n"
                                                 "publication_date: 2016-10-17\n")
    messages: list[str] = []
    prepare_items(load_agenda(folder), messages=messages)
    assert _item_warnings(messages, "dates.publication-date-unset")


@pytest.mark.parametrize("style", ["cover-sheet", "numbered-paragraphs", "report-to-members"])
@pytest.mark.parametrize(("date_style", "written"), [
    (None, "Tuesday 25 October 2016"), ("capitals", "25 OCTOBER 2016"),
    ("dotted", "25.10.2016")])
def test_the_front_sheet_and_its_reports_write_the_meeting_date_alike(
        tmp_path: Path, style: str, date_style: str | None, written: str) -> None:
    folder = _pack_with_bundle(tmp_path, {"style: cover-sheet": f"style: {style}"})
    extra = f"date_style: {date_style}\n" if date_style else ""
    (folder / "agenda.yaml").write_text(AGENDA + extra + "publication_date: 2016-10-17\n")
    packs = build_packs(load_agenda(folder))
    text = docx_text(packs.public, body_only=True)
    front, report = text.split("High Costs Placements Monitoring Update", 1)
    assert written in front and written in report
    header = docx_text(packs.public)
    assert f"Harrow Council | Corporate Parenting Panel | {written}" in header
    # The report alone, in its own style, writes it its own way (so the test can tell).
    alone = docx_text(produce(tmp_path / HARROW).result.docx, body_only=True)
    if date_style is not None:
        assert written not in alone


def test_a_late_agenda_is_an_error_and_builds_nothing(tmp_path: Path) -> None:
    folder = _pack_with_bundle(tmp_path, {})
    path = folder / "agenda.yaml"
    path.write_text(AGENDA + "publication_date: 2016-10-18\n")
    with pytest.raises(ReportgenError) as caught:
        build_packs(load_agenda(folder))
    assert caught.value.line() == (
        f"{path}: publication_date: published on Tuesday 18 October 2016, the agenda leaves 4 "
        "clear working days before the meeting on Tuesday 25 October 2016; 5 are needed in "
        "England: publish by Monday 17 October 2016, or move the meeting")
    # The day before is in time.
    path.write_text(AGENDA + "publication_date: 2016-10-17\n")
    assert build_packs(load_agenda(folder)).public


def test_an_agenda_style_is_found_in_its_styles_folder(tmp_path: Path) -> None:
    from reportgen.pack.front_sheet import _front_template

    folder = _pack_with_bundle(tmp_path, {})
    (folder / "styles" / "our-front").mkdir(parents=True)
    (folder / "styles" / "our-front" / "style.yaml").write_text("template_from: council-form\n")
    (folder / "agenda.yaml").write_text(AGENDA + "style: our-front\nstyles_folder: styles\n")
    assert _front_template(load_agenda(folder)).parent.name == "council-form"
    (folder / "agenda.yaml").write_text(AGENDA + "style: our-front\n")
    with pytest.raises(ReportgenError, match="unknown house style 'our-front'"):
        _front_template(load_agenda(folder))
