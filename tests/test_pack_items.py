"""Agenda items through reportgen.pipeline.produce: a scheduled build's period replaces every
bundle's own (the pack shows the quarter's figures, as its standalone reports do), and Part I
reports are rendered as public."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.agenda import load_agenda
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
