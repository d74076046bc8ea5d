"""content.words-lost reads the officer's re-worded standard texts (``texts:`` in report.yaml)
wherever the style prints them: a stage that drops one of their words is found, and named.

A re-worded text the style has no place for is not looked for (nothing printed it)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from reportgen.pipeline import LoadedReport, load_report, render
from tests.test_words_kept import HARROW, _drop_from_document, _lost, with_everything


@pytest.fixture(scope="module")
def harrow() -> LoadedReport:
    return load_report(HARROW)


def _with(loaded: LoadedReport, texts: dict[str, str], **update: Any) -> LoadedReport:
    bundle = loaded.bundle.model_copy(update={"texts": texts, **update})
    return dataclasses.replace(loaded, bundle=bundle)


def _sections_report(harrow: LoadedReport, style: str, texts: dict[str, str]) -> LoadedReport:
    return _with(harrow, texts, style=style, appendices=[])


def _sections_missing(harrow: LoadedReport, style: str, texts: dict[str, str]
                      ) -> LoadedReport:
    """Harrow without the parts its forms require (the standard wording stands in)."""
    sections = harrow.bundle.sections.model_copy(update={
        "legal_implications": None, "risk": None, "equalities": None})
    return _with(harrow, texts, style=style, sections=sections)


def _body_report(harrow: LoadedReport, style: str, texts: dict[str, str]) -> LoadedReport:
    from reportgen.bundle import BodySection

    loaded = with_everything(harrow, style)
    body = [*(loaded.bundle.body or []),
            BodySection(id="equalities", heading="Equalities",
                        text="The panel considered its duties.")]
    return _with(loaded, texts, body=body, appendices=[])


# (how the report is built, its style, the re-worded text, the words dropped, what is lost)
CASES = [
    # The form's standard paragraph before a section (a layout block's `standard:`).
    (_sections_report, "numbered-paragraphs",
     {"equality_duty": "Harrow weighed the equality duty at its panel in October 2016."},
     ("equality duty at", "panel "), "'panel in October 2016'"),
    # The same standard text under a body section of its part (style part_texts).
    (_body_report, "numbered-paragraphs",
     {"equality_duty": "Harrow weighed the equality duty at its panel in October 2016."},
     ("equality duty at", "weighed "), "'weighed the equality duty at'"),
    # What stands in for a part the form requires and the report (an information report)
    # leaves out: in a body and in named sections.
    (_body_report, "cover-sheet",
     {"not_applicable_information": "No comments were received on this part for the panel."},
     ("No comments were", "received "), "'received on this part for'"),
    (_sections_missing, "report-to-members",
     {"not_applicable_information": "No comments were received on this part for the panel."},
     ("No comments were", "received "), "'received on this part for'"),
    # What stands in for no appendices, and for no background papers.
    (_sections_report, "numbered-paragraphs",
     {"no_appendices": "Nothing is appended to this report for Harrow."},
     ("Nothing is appended", "appended "), "'appended to this report for'"),
    (_sections_report, "cover-sheet",
     {"no_background_papers": "No papers were relied on in writing this report."},
     ("No papers were", "relied "), "'relied on in writing this'"),
]


@pytest.mark.parametrize(("build", "style", "texts", "drop", "missing"), CASES)
def test_words_lost_fires_when_a_stage_drops_a_word_of_a_reworded_text(
        harrow: LoadedReport, monkeypatch: pytest.MonkeyPatch, build: Any, style: str,
        texts: dict[str, str], drop: tuple[str, str], missing: str) -> None:
    loaded = build(harrow, style, texts)
    (key,) = texts
    result = render(loaded)
    assert " ".join(result.other_texts[f"texts.{key}"].split()) == texts[key]
    assert _lost(loaded) == []
    _drop_from_document(monkeypatch, *drop)
    found = _lost(loaded)
    assert [w for w, _ in found] == [f"texts.{key}"], found
    assert missing in found[0][1]


def test_a_reworded_text_the_style_does_not_print_is_not_looked_for(
        harrow: LoadedReport) -> None:
    # cover-sheet has no equality-duty paragraph: recorded, the check would call it lost.
    texts = {"equality_duty": "Harrow weighed the equality duty at its panel."}
    loaded = _with(harrow, texts, style="cover-sheet")
    result = render(loaded)
    assert not [k for k in result.other_texts if k.startswith("texts.")]
    assert _lost(loaded) == []
