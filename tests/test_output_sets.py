"""Output sets as a user sees them: two runs writing one new name, and sets that shrink (a
pack that loses its Part II item, supplement or a web page; a render without its page; a build
whose manifest loses an entry). What the last run wrote and this one does not is removed in
the same commit; nothing else is ever removed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reportgen.errors import ReportgenError
from reportgen.pack import Packs, write_packs
from reportgen.pack import outputs as pack_outputs

from .helpers import FIXTURES, ROOT

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
ROTHERHAM = FIXTURES / "rotherham-2010-commissioning"
AGENDA = FIXTURES / "agenda-corporate-parenting"


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- two writers, one new name -------------------------------------------------------------


def _render(bundle: Path, out: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "reportgen", "render", str(bundle), "-o",
                             str(out)],
                            env={**os.environ, "PYTHONPATH": str(ROOT), **env},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


@pytest.mark.skipif(not hasattr(os, "link"), reason="needs hard links")
def test_two_renders_to_one_new_name_one_wins_the_other_is_refused(tmp_path: Path) -> None:
    """The first render stops just before it takes the name (after every check); the second
    writes it meanwhile. The first then fails in one line, exit 2: it never replaces the file
    that appeared after its check, and leaves nothing behind."""
    out = tmp_path / "report.docx"
    step = f"claim {out}"
    first = _render(HARROW, out, REPORTGEN_FAULT_PAUSE=step)
    try:
        assert first.stderr is not None and first.stdin is not None
        line = first.stderr.readline()  # synchronised on the pipe: it waits for us
        assert line.startswith(f"paused at {step} "), line
        second = _render(ROTHERHAM, out)
        _, err = second.communicate(timeout=600)
        assert second.returncode == 0, err
        won = out.read_bytes()
        first.stdin.write("\n")
        first.stdin.flush()
        _, err = first.communicate(timeout=600)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 2
    assert err.splitlines() == [f"error: {out}: already exists: use --force to replace it"]
    assert out.read_bytes() == won
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Rotherham" in text  # the second render's report, whole
    assert _names(tmp_path) == [".report.docx.outputs", "report.docx"]  # the winner's list


# --- a pack that shrinks ---------------------------------------------------------------------


@pytest.fixture
def agenda(tmp_path: Path) -> Path:
    shutil.copytree(AGENDA, tmp_path / "agenda")
    return tmp_path / "agenda" / "agenda.yaml"


def _packs(restricted: bool, supplement: bool) -> Any:
    def build(agenda: Any, progress: Any = None, period: Any = None) -> Packs:
        return Packs(public=b"PK public", restricted=b"PK restricted" if restricted else None,
                     supplements={1: b"PK supplement"} if supplement else {})
    return build


def _pages(names: list[str]) -> Any:
    def pages(agenda: Any, items: Any) -> dict[str, bytes]:
        return {name: f"<p>{name}</p>".encode() for name in names}
    return pages


def test_a_pack_that_loses_its_part_ii_item_supplement_and_a_page_leaves_nothing_stale(
        agenda: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen.publish import html_agenda

    out = tmp_path / "web"
    out.mkdir()
    (out / "notes.txt").write_text("the clerk's own file", encoding="utf-8")
    monkeypatch.setattr(pack_outputs, "build_packs", _packs(True, True))
    monkeypatch.setattr(html_agenda, "pack_pages",
                        _pages(["agenda.html", "agenda.json", "item-4.html", "item-8.html"]))
    write_packs(agenda, out / "pack.docx", html=True)
    assert _names(out) == [".pack.docx.outputs", "agenda.html", "agenda.json", "item-4.html",
                           "item-8.html", "notes.txt", "pack-restricted.docx",
                           "pack-supplement-1.docx", "pack.docx"]
    # Item 8 moves to Part II; the supplement is withdrawn.
    monkeypatch.setattr(pack_outputs, "build_packs", _packs(True, False))
    monkeypatch.setattr(html_agenda, "pack_pages",
                        _pages(["agenda.html", "agenda.json", "item-4.html"]))
    with pytest.raises(ReportgenError) as refused:  # without --force: nothing is removed
        write_packs(agenda, out / "pack.docx", html=True)
    assert "use --force" in refused.value.line()
    assert (out / "item-8.html").exists()
    written, _ = write_packs(agenda, out / "pack.docx", html=True, force=True)
    assert _names(out) == [".pack.docx.outputs", "agenda.html", "agenda.json", "item-4.html",
                           "notes.txt", "pack-restricted.docx", "pack.docx"]
    listed = json.loads((out / ".pack.docx.outputs").read_text(encoding="utf-8"))["written"]
    assert sorted(listed) == sorted(p.name for p in written)
    # No Part II item left at all: the restricted pack goes too; the clerk's file stays.
    monkeypatch.setattr(pack_outputs, "build_packs", _packs(False, False))
    write_packs(agenda, out / "pack.docx", html=True, force=True)
    assert _names(out) == [".pack.docx.outputs", "agenda.html", "agenda.json", "item-4.html",
                           "notes.txt", "pack.docx"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the clerk's own file"


def test_a_listed_file_that_is_now_an_input_is_never_removed(
        agenda: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pack_outputs, "build_packs", _packs(False, False))
    folder = agenda.parent
    document = folder / "fostering-recruitment-update.docx"  # an input of the pack
    before = document.read_bytes()
    (folder / ".pack.docx.outputs").write_text(
        json.dumps({"written": ["pack.docx", document.name, "../../outside.docx"]}),
        encoding="utf-8")
    (tmp_path / "outside.docx").write_bytes(b"not the pack's")
    write_packs(agenda, folder / "pack.docx", force=True)
    assert document.read_bytes() == before
    assert (tmp_path / "outside.docx").read_bytes() == b"not the pack's"


def test_a_render_without_its_page_removes_last_times_page(tmp_path: Path) -> None:
    from reportgen.api import render_bundle_to_file

    out = tmp_path / "report.docx"
    render_bundle_to_file(HARROW, out, html=True)
    assert _names(tmp_path) == [".report.docx.outputs", "report.docx", "report.html"]
    render_bundle_to_file(HARROW, out, force=True)
    assert _names(tmp_path) == [".report.docx.outputs", "report.docx"]


# --- a build whose manifest shrinks, and a job that fails -----------------------------------


def test_a_build_removes_what_its_last_run_wrote_and_keeps_a_failed_jobs_files(
        tmp_path: Path) -> None:
    from reportgen.build import run_build

    shutil.copytree(HARROW, tmp_path / "h")
    manifest = tmp_path / "build.yaml"
    out = tmp_path / "out"

    def build(entries: str) -> dict[str, Any]:
        manifest.write_text(f"reports:\n{entries}", encoding="utf-8")
        run_build(manifest, "2016/17 Q1", out)
        summary: dict[str, Any] = json.loads((out / "build-summary.json").read_text("utf-8"))
        return summary

    both = "  - path: h\n    output: a-{period}.docx\n  - path: h\n    output: b-{period}.docx\n"
    build(both)
    assert _names(out) == ["a-2016-17-Q1.docx", "b-2016-17-Q1.docx", "build-summary.json"]
    (out / "mine.txt").write_text("not the build's", encoding="utf-8")
    summary = build("  - path: h\n    output: a-{period}.docx\n")
    assert _names(out) == ["a-2016-17-Q1.docx", "build-summary.json", "mine.txt"]
    assert summary["kept"] == []
    # The bundle breaks: its job fails, and last time's good file is kept, and listed.
    good = (out / "a-2016-17-Q1.docx").read_bytes()
    (tmp_path / "h" / "data" / "budget.csv").write_text("", encoding="utf-8")
    summary = build("  - path: h\n    output: a-{period}.docx\n")
    assert summary["failed"] == 1 and summary["kept"] == ["a-2016-17-Q1.docx"]
    assert (out / "a-2016-17-Q1.docx").read_bytes() == good
    # The entry leaves the manifest: its kept file goes with the next build.
    shutil.rmtree(tmp_path / "h")
    shutil.copytree(HARROW, tmp_path / "h")
    summary = build("  - path: h\n    output: c-{period}.docx\n")
    assert _names(out) == ["build-summary.json", "c-2016-17-Q1.docx", "mine.txt"]
