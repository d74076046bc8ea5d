"""Agenda packs: the agenda model, the public/restricted/supplement packs and their contents."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from reportgen.agenda import load_agenda, schedule_12a_text
from reportgen.errors import ReportgenError, ReportgenErrors
from reportgen.pack import Packs, build_packs, write_packs
from reportgen.pack import outputs as pack_outputs
from tests.helpers import client_missing

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
AGENDA_DIR = "agenda-corporate-parenting"
BUNDLES = ("harrow-2016-high-cost-placements", "rotherham-2010-commissioning",
           "herefordshire-2018-lac-cost-reduction")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def copy_fixtures(root: Path) -> Path:
    """The fixture agenda and the three bundles, laid out as in fixtures/; returns agenda.yaml."""
    for name in (AGENDA_DIR, *BUNDLES):
        shutil.copytree(FIXTURES / name, root / name)
    return root / AGENDA_DIR / "agenda.yaml"


def docx_text(data: bytes, body_only: bool = False) -> str:
    """Every paragraph of every part (body, tables, headers, footers), one a line."""
    lines = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if body_only and name != "word/document.xml":
                continue
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                for p in root.iter(f"{W}p"):
                    lines.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    return "\n".join(" ".join(line.split()) for line in lines)


def document_xml(data: bytes, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(part).decode("utf-8")


def sentences(text: str) -> set[str]:
    """Sentences of eight words or more (short ones such as "Yes." prove nothing)."""
    found = set()
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.;:])\s+", line):
            if len(sentence.split()) >= 8:
                found.add(sentence.strip())
    return found


@dataclass
class Built:
    agenda_path: Path
    packs: Packs
    exempt_only: set[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The fixture agenda packed once, with the real checks of `reportgen check`."""
    from reportgen.pipeline import load_report, render

    root = tmp_path_factory.mktemp("packs")
    agenda_path = copy_fixtures(root)
    packs = build_packs(load_agenda(agenda_path))
    # Body text only: a pack keeps its own header and footer, not each report's.
    texts = {name: docx_text(render(load_report(root / name)).docx, body_only=True)
             for name in BUNDLES}
    others = "\n".join(texts[BUNDLES[0]].splitlines() + texts[BUNDLES[1]].splitlines())
    # The title of an exempt item is published on the agenda by law; nothing else may be.
    title = "Scrutiny working group update on looked after children cost reduction"
    exempt_only = {s for s in sentences(texts[BUNDLES[2]]) if s not in others and s != title}
    return Built(agenda_path, packs, exempt_only)


# --- the packs ------------------------------------------------------------------------------


def test_exempt_report_is_only_in_the_restricted_pack(built: Built) -> None:
    assert len(built.exempt_only) >= 10  # enough of the Herefordshire report to be a real test
    public = docx_text(built.packs.public)
    assert built.packs.restricted is not None
    restricted = docx_text(built.packs.restricted)
    leaked = [s for s in built.exempt_only if s in public]
    assert leaked == []
    missing = [s for s in built.exempt_only if s not in restricted]
    assert missing == []
    for supplement in built.packs.supplements.values():
        assert not [s for s in built.exempt_only if s in docx_text(supplement)]


def test_public_pack_holds_the_part_one_reports(built: Built) -> None:
    public = docx_text(built.packs.public)
    # Sentences of the Harrow and Rotherham reports and of the ready-made appendix.
    assert "Challenge panels in February, June and September have been reviewing the highest " \
           "cost placements" in public
    assert "Rotherham will be playing an active role in supporting this process." in public
    assert "Appendix A: Placement sufficiency summary" in public
    # The supplement's report is not in the main pack.
    assert "37 enquiries" not in public


def test_agenda_numbering_and_schedule_12a_wording(built: Built) -> None:
    public = docx_text(built.packs.public)
    lines = public.splitlines()
    titles = {
        "1": "Apologies for absence",
        "2": "Declarations of interest",
        "3": "Minutes of the previous meeting",
        "4": "High Costs Placements Monitoring Update",
        "5": "Commissioning of placements for looked after children (Rotherham comparison)",
        "6": "Any other urgent business",
        "7": "Exclusion of the press and public",
        "8": "Scrutiny working group update on looked after children cost reduction",
    }
    for number, title in titles.items():
        index = lines.index(title)
        assert lines[index - 1] == number
    assert "That the minutes of the meeting held on 12 July 2016 be taken as read and signed " \
           "as a correct record." in lines
    wording = ("This item is not for publication by virtue of paragraph 3 of Part 1 of "
               "Schedule 12A to the Local Government Act 1972.")
    assert schedule_12a_text(3) + "." == wording
    assert lines[lines.index(titles["8"]) + 1] == wording
    assert "Fostering recruitment update" not in lines  # item 9 is in the supplement


def test_page_references_point_at_bookmarks_at_each_item(built: Built) -> None:
    xml = document_xml(built.packs.public)
    for number in (4, 5):
        assert f"PAGEREF _AgendaItem{number} \\h" in xml
        assert xml.count(f'w:name="_AgendaItem{number}"') == 1
    # Standard items, the exempt item and the supplement have no page in this pack.
    for number in (1, 2, 3, 6, 7, 8, 9):
        assert f"_AgendaItem{number}" not in xml
    assert '<w:updateFields w:val="true"/>' in document_xml(built.packs.public,
                                                             "word/settings.xml")
    # Bookmark ids are unique after the single renumbering pass.
    ids = re.findall(r'<w:bookmarkStart w:id="(\d+)"', xml)
    assert len(ids) == len(set(ids)) >= 2


def test_each_item_starts_on_a_new_page_and_keeps_tables_and_images(built: Built) -> None:
    root = etree.fromstring(document_xml(built.packs.public).encode())
    for number in (4, 5):
        start = root.find(f".//{W}bookmarkStart[@{W}name='_AgendaItem{number}']")
        paragraph = start.getparent()
        assert paragraph.find(f"{W}pPr/{W}pageBreakBefore") is not None
    with zipfile.ZipFile(io.BytesIO(built.packs.public)) as z:
        names = set(z.namelist())
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    embeds = re.findall(r'r:embed="(rId\d+)"', document_xml(built.packs.public))
    assert embeds
    for rid in embeds:  # every picture points at an image that is in the package
        assert f"word/{targets[rid]}" in names
    with zipfile.ZipFile(FIXTURES / AGENDA_DIR / "appendix-a-placement-sufficiency.docx") as z:
        chart = z.read("word/media/image1.png")
    assert chart in _media(built.packs.public)  # the appendix's chart, byte for byte
    # Front sheet: 3 details tables + the Part I and Part II agenda tables; each report adds
    # its own tables; the appendix adds one.
    assert len(root.findall(f"{W}body/{W}tbl")) > 5 + 2


def test_restricted_pack_lists_only_part_two(built: Built) -> None:
    assert built.packs.restricted is not None
    text = docx_text(built.packs.restricted)
    assert "RESTRICTED: NOT FOR PUBLICATION" in text
    assert "Scrutiny working group update on looked after children cost reduction" in text
    assert "High Costs Placements Monitoring Update" not in text
    assert "PAGEREF _AgendaItem8 \\h" in document_xml(built.packs.restricted)


def test_supplement_refers_back_and_continues_numbering(built: Built) -> None:
    assert list(built.packs.supplements) == [1]
    text = docx_text(built.packs.supplements[1])
    lines = text.splitlines()
    assert "Corporate Parenting Panel: supplementary agenda 1" in lines
    assert ("This supplement adds the items below to the agenda for the meeting of the Corporate "
            "Parenting Panel on Tuesday 25 October 2016, published on Monday 17 October 2016. "
            "Please read it with that agenda: the item numbers continue from it.") in lines
    assert lines[lines.index("Fostering recruitment update") - 1] == "9"
    assert "Since 1 September 2016 the service has received 37 enquiries" in text
    assert "High Costs Placements Monitoring Update" not in text


def test_packs_are_byte_identical_when_built_again(built: Built) -> None:
    again = build_packs(load_agenda(built.agenda_path))
    assert again.public == built.packs.public
    assert again.restricted == built.packs.restricted
    assert again.supplements == built.packs.supplements
    with zipfile.ZipFile(io.BytesIO(again.public)) as z:
        core = z.read("docProps/core.xml").decode()
    assert "2016-10-17T00:00:00Z" in core


# --- writing --------------------------------------------------------------------------------


@pytest.fixture()
def agenda_copy(tmp_path: Path) -> Path:
    return copy_fixtures(tmp_path)


def test_the_real_checks_ran_and_their_warnings_are_reported(agenda_copy: Path) -> None:
    # A warning of `reportgen check` on a report in the pack is reported with its item:
    # a sentence typing the report's own total variance by hand (figures.hand-typed), made
    # from the data rather than from the fixture's wording. Information reports need no
    # statutory sign-off, so no content.decision-requirements warning.
    from reportgen.checks import figures as checked
    from reportgen.pipeline import load_report

    folder = agenda_copy.parent.parent / BUNDLES[0]
    loaded = load_report(folder)
    shown, counts = checked.readers(loaded.bundle, loaded.metrics)
    variance = next(f for f in shown if f.key == "budget.total.variance")
    sentence = f"The forecast overspend is £{variance.value / 1000:,.0f}k."
    found = checked.check_text(sentence, shown, loaded.bundle.period, counts=counts)
    assert [f.rule for f in found] == ["figures.hand-typed"], found  # the sentence as meant
    report = folder / "report.yaml"
    text = report.read_text()
    report.write_text(text.replace("  summary: |\n", f"  summary: |\n    {sentence}\n", 1))
    packs = build_packs(load_agenda(agenda_copy))
    warned = [m for m in packs.messages if re.search(r": warning [a-z]+\.[a-z-]+: ", m)]
    assert warned and all("figures.hand-typed" in m for m in warned), packs.messages
    number = next(m for m in warned).split(" (", 1)[0]
    assert number.startswith("agenda item ") and BUNDLES[0] not in number
    assert not [m for m in packs.messages if "content.decision-requirements" in m]


def test_write_packs_names_and_refuses_to_overwrite(agenda_copy: Path, tmp_path: Path,
                                                    built: Built,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The packs built once for this module: writing is under test here.
    monkeypatch.setattr(pack_outputs, "build_packs",
                        lambda agenda, progress=None, period=None: built.packs)
    out = tmp_path / "pack.docx"
    written, _ = write_packs(agenda_copy, out)
    assert written == [out, tmp_path / "pack-restricted.docx", tmp_path / "pack-supplement-1.docx"]
    (tmp_path / "pack.docx").unlink()
    with pytest.raises(ReportgenError, match="already exists: use --force"):
        write_packs(agenda_copy, out)  # the restricted pack is still there
    assert not out.exists()  # nothing written when any target is refused
    written, _ = write_packs(agenda_copy, out, force=True, restricted=tmp_path / "part2.docx")
    assert written[1] == tmp_path / "part2.docx"


def test_failing_item_names_it_and_writes_nothing(agenda_copy: Path, tmp_path: Path) -> None:
    broken = agenda_copy.parent.parent / BUNDLES[1] / "report.yaml"
    broken.write_text(broken.read_text().replace("council:", "councel:", 1))
    out = tmp_path / "pack.docx"
    with pytest.raises(ReportgenError) as info:
        write_packs(agenda_copy, out)
    line = info.value.line()
    assert line.startswith("agenda item 5 (Commissioning of placements for looked after "
                           "children (Rotherham comparison)): ")
    assert "report.yaml: line 4: council: this field is required (and 1 more problem)" in line
    assert "\n" not in line
    assert list(tmp_path.glob("*.docx")) == []


def test_check_errors_stop_the_pack_and_name_the_items(agenda_copy: Path,
                                                       tmp_path: Path) -> None:
    """A real check error (a placeholder left in the narrative) stops the pack."""
    yaml_path = agenda_copy.parent.parent / BUNDLES[1] / "report.yaml"
    text = yaml_path.read_text()
    marker = "\n  summary: |\n"
    assert marker in text
    yaml_path.write_text(text.replace(marker, marker + "    Costs of the new contract: TODO.\n", 1))
    with pytest.raises(ReportgenErrors) as info:
        write_packs(agenda_copy, tmp_path / "pack.docx")
    lines = info.value.lines()
    assert len(lines) == 1
    assert lines[0].startswith("agenda item 5 (Commissioning of placements for looked after "
                               "children (Rotherham comparison)): ")
    assert "content.placeholder" in lines[0] and "TODO" in lines[0]
    assert lines[0].endswith("(the pack was not built)")
    assert list(tmp_path.glob("*.docx")) == []


# --- agenda.yaml errors ---------------------------------------------------------------------

GOOD = """\
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
  - standard: apologies
"""


@pytest.mark.parametrize(("edit", "expected"), [
    (("  chair: Councillor A", "  chiar: Councillor A"),
     "agenda.yaml: line 8: unknown field 'membership.chiar': did you mean 'chair'?"),
    (("  - standard: apologies", "  - standard: apologys"),
     "line 12: items[1].standard: expected 'apologies', 'declarations_of_interest', 'minutes', "
     "'urgent_business' or 'exclusion', got 'apologys' (did you mean 'apologies'?)"),
    (("  - standard: apologies", "  - standard: minutes"),
     "line 12: items[1]: the minutes item needs the date of the previous meeting"),
    (("  - standard: apologies", "  - title: Something"),
     "line 12: items[1]: each item needs 'standard:', 'report:' (a bundle folder) or "
     "'document:' (a .docx file)"),
    (("  - standard: apologies", "  - document: x.pdf\n    title: X"),
     "items[1]: document must be a .docx file, got 'x.pdf'"),
    (("  - standard: apologies", "  - document: x.docx\n    title: X\n    exempt_paragraph: 9"),
     "line 14: items[1].exempt_paragraph: must be at most 7, got '9'"),
    (("  date: 2016-10-25", "  date: 10/25/2016"),
     "line 4: meeting.date: impossible date '10/25/2016' (dates are read day first, as "
     "dd/mm/yyyy)"),
    (("items:\n  - standard: apologies\n", "items: []\n"),
     "line 11: items: needs at least one item"),
    (("  venue: Committee Room 1\n", ""), "line 3: meeting.venue: this field is required"),
])
def test_bad_agenda_gives_one_line_errors(tmp_path: Path, edit: tuple[str, str],
                                          expected: str) -> None:
    path = tmp_path / "agenda.yaml"
    assert edit[0] in GOOD
    path.write_text(GOOD.replace(edit[0], edit[1]))
    with pytest.raises(ReportgenError) as info:
        load_agenda(path)
    lines = info.value.lines() if isinstance(info.value, ReportgenErrors) else [info.value.line()]
    assert all("\n" not in line for line in lines)
    assert any(expected in line for line in lines), lines


def test_good_agenda_loads(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(GOOD)
    agenda = load_agenda(tmp_path)  # a folder holding agenda.yaml also works
    assert agenda.items[0].kind == "standard"
    assert agenda.meeting.nation == "england"
    assert agenda.supplements == []


def test_missing_bundle_and_document_are_named(tmp_path: Path) -> None:
    path = tmp_path / "agenda.yaml"
    path.write_text(GOOD + "  - report: no-such-bundle\n")
    with pytest.raises(ReportgenError, match=r"^agenda item 2 \(no-such-bundle\): .*no-such-"
                       r"bundle: bundle folder not found$"):
        build_packs(load_agenda(path))
    path.write_text(GOOD + "  - document: missing.docx\n    title: Missing\n")
    with pytest.raises(ReportgenError, match=r"missing\.docx: file not found"):
        build_packs(load_agenda(path))


def test_late_publication_is_an_error(tmp_path: Path) -> None:
    """As for a report (dates.publication-deadline); tests/test_pack_items.py has more."""
    path = tmp_path / "agenda.yaml"
    path.write_text(GOOD + "publication_date: 2016-10-18\n")
    with pytest.raises(ReportgenError, match="publish by Monday 17 October 2016"):
        build_packs(load_agenda(path))


# --- the command ----------------------------------------------------------------------------


def test_cli_reports_bad_agenda_in_one_line(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from reportgen.cli import main

    path = tmp_path / "agenda.yaml"
    path.write_text(GOOD.replace("council:", "councl:"))
    with pytest.raises(SystemExit) as info:
        main(["pack", str(path), "-o", str(tmp_path / "p.docx")])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {path}: line 1: council: this field is required",
                   f"error: {path}: line 1: unknown field 'councl': did you mean 'council'?"]
    assert not (tmp_path / "p.docx").exists()


# --- LibreOffice ----------------------------------------------------------------------------


def _media(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/")]


def _pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))  # type: ignore[union-attr]


def test_packs_open_in_libreoffice(built: Built, tmp_path: Path) -> None:
    from reportgen.pdf import convert_to_pdf, find_soffice

    if find_soffice() is None or shutil.which("pdfinfo") is None:
        message = ("LibreOffice (soffice) or pdfinfo (poppler-utils) is not installed: the "
                   "agenda packs were NOT checked in LibreOffice")
        warnings.warn(message, stacklevel=1)
        print(f"WARNING: {message}")
        client_missing(message)
    assert built.packs.restricted is not None
    for name, data, items in (("public", built.packs.public, 2),
                              ("restricted", built.packs.restricted, 1)):
        docx = tmp_path / f"{name}.docx"
        docx.write_bytes(data)
        pdf = convert_to_pdf(docx, tmp_path / f"{name}.pdf")
        # Front sheet and agenda, then each item on pages of its own.
        assert _pages(pdf) > items + 2


# --- writing: every file checked first, all replaced together ---------------------------------


def _fake_packs(agenda: Any, progress: Any = None, period: str | None = None) -> Packs:
    return Packs(public=b"PK new public", restricted=b"PK new restricted",
                 supplements={1: b"PK new supplement"})


def test_a_derived_name_that_exists_is_refused_before_any_work(
        agenda_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_work(agenda: Any, progress: Any = None, period: str | None = None) -> Packs:
        raise AssertionError("the packs were built before the outputs were checked")

    monkeypatch.setattr(pack_outputs, "build_packs", no_work)
    public_report = tmp_path / "pack-supplement-1.docx"  # someone's report, so named
    public_report.write_bytes(b"PK a public report")
    with pytest.raises(ReportgenError) as info:
        write_packs(agenda_copy, tmp_path / "pack.docx")
    assert info.value.line() == f"{public_report}: already exists: use --force to replace it"
    assert public_report.read_bytes() == b"PK a public report"


def test_the_restricted_pack_cannot_replace_an_appendix_even_with_force(
        agenda_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack_outputs, "build_packs", _fake_packs)
    appendix = agenda_copy.parent / "appendix-a-placement-sufficiency.docx"
    before = appendix.read_bytes()
    with pytest.raises(ReportgenError, match="is an input of this run"):
        write_packs(agenda_copy, tmp_path / "pack.docx", restricted=appendix, force=True)
    assert appendix.read_bytes() == before
    assert not (tmp_path / "pack.docx").exists()


def test_a_failure_while_writing_leaves_the_old_set(
        agenda_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from reportgen import fileio

    monkeypatch.setattr(pack_outputs, "build_packs", _fake_packs)
    old = {"pack.docx": b"PK old public", "pack-restricted.docx": b"PK old restricted",
           "pack-supplement-1.docx": b"PK old supplement"}
    for name, data in old.items():
        (tmp_path / name).write_bytes(data)
    real_replace = os.replace
    calls: list[str] = []

    def fail_on_the_restricted_pack(src: str, dst: str) -> None:
        calls.append(dst)
        if dst.endswith("pack-restricted.docx"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", fail_on_the_restricted_pack)
    with pytest.raises(ReportgenError, match="could not write .*pack-restricted.docx"):
        write_packs(agenda_copy, tmp_path / "pack.docx", force=True)
    assert calls[0].endswith("pack.docx")  # the public pack had been replaced: and put back
    on_disk = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".docx"
               or p.name.startswith(".")}
    assert {k: v for k, v in on_disk.items() if k in old} == old
    assert not [n for n in on_disk if n.startswith(".")]
    monkeypatch.setattr(fileio.os, "replace", real_replace)
    written, _ = write_packs(agenda_copy, tmp_path / "pack.docx", force=True)
    assert [p.read_bytes() for p in written] == [b"PK new public", b"PK new restricted",
                                                 b"PK new supplement"]
