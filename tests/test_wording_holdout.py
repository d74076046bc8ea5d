"""The clean hold-out of the wording benchmark (tests/wording/holdout.yaml, README "Hold-out
(clean)"): sentences from councils that are not in corpus.yaml, collected after the checker was
written and measured with it unchanged.

These tests check the hold-out itself and the data the harness makes for it. They set no recall
or precision threshold: the hold-out is a measurement (``python benchmarks/wording.py --corpus
tests/wording/holdout.yaml``), reported in the README, not a gate. Its false errors are listed
there too, so there is no "no false error" test for it either.
"""

from __future__ import annotations

import re

import pytest

from tests.wording import harness
from tests.wording.harness import Outcome, load_corpus, run_corpus, score

HOLDOUT = load_corpus(harness.HOLDOUT)
MAIN = load_corpus(harness.CORPUS)


@pytest.fixture(scope="module")
def outcomes() -> list[Outcome]:
    return run_corpus(HOLDOUT)


def _council_key(name: str) -> str:
    """A council's name without the words that vary between papers ("London Borough of",
    "City Council", "County Borough Council"...), so one council cannot be counted twice."""
    words = re.sub(r"[^a-z ]", " ", name.lower()).split()
    generic = {"london", "borough", "of", "city", "county", "council", "metropolitan", "the",
               "royal", "and", "district", "cyngor"}
    return " ".join(w for w in words if w not in generic)


# --------------------------------------------------------------------------- the hold-out


def test_holdout_is_large_varied_and_sourced() -> None:
    assert len(HOLDOUT) >= 40
    assert len({e.council for e in HOLDOUT}) >= 12
    assert len({e.id for e in HOLDOUT}) == len(HOLDOUT)
    for e in HOLDOUT:
        assert e.id.startswith("ho-"), e.id
        assert re.match(r"https?://\S+$", e.source), e.id


def test_holdout_shares_no_council_and_no_id_with_the_corpus() -> None:
    main = {_council_key(e.council) for e in MAIN}
    for e in HOLDOUT:
        assert _council_key(e.council) not in main, (e.id, e.council)
    assert not {e.id for e in HOLDOUT} & {e.id for e in MAIN}


def test_holdout_has_nothing_from_the_fixtures() -> None:
    for e in HOLDOUT:
        assert not re.search(r"harrow|herefordshire|rotherham", f"{e.council} {e.source}",
                             re.IGNORECASE), e.id


def test_every_holdout_figure_is_written_in_its_sentence() -> None:
    for e in HOLDOUT:
        assert harness._flat(e.text) in harness._flat(e.sentence), e.id
        lo, hi = harness.figure_span(e)
        assert hi > lo, e.id


def test_holdout_additions_to_the_harness_tables_name_holdout_entries() -> None:
    ids = {e.id for e in HOLDOUT}
    for table in (harness.TARGETS, harness.LABELS, harness.NOT_EXPRESSIBLE, harness.PERIODS):
        assert {k for k in table if k.startswith("ho-")} <= ids


def test_every_figure_of_a_holdout_sentence_is_an_entry_or_said_not_expressible() -> None:
    """An entry the data model cannot hold is listed with its reason, not left to the default."""
    for e in HOLDOUT:
        if harness.target_of(e) is None:
            assert e.id in harness.NOT_EXPRESSIBLE, e.id


# --------------------------------------------------------------------------- the harness


def test_an_upper_bound_is_met_below_it_and_broken_above_it() -> None:
    [e] = [x for x in HOLDOUT if x.id == "ho-lewisham-2020-01"]  # "slightly less than £10m"
    assert e.upper_bound and not e.lower_bound
    assert harness.true_data_value(e) < e.value
    assert harness.wrong_shown_value(e) > e.value


def test_data_made_for_each_holdout_sentence_give_its_figure(outcomes: list[Outcome]) -> None:
    """Read back from the computed metrics, independent of the checker: the true bundle
    shows the figure as written (below it for an upper bound), the wrong bundle the wrong one."""
    testable = [o for o in outcomes if o.expressible]
    assert len(testable) >= 30
    for o in testable:
        e = o.entry
        assert not o.build_error, (e.id, o.build_error)
        assert o.data_true is not None and o.data_wrong is not None
        assert harness.shows_as(e, o.data_true, e.value), e.id
        if e.upper_bound:
            assert o.data_true < e.value, e.id
        assert harness.shows_as(e, o.data_wrong, harness.wrong_shown_value(e),
                                harness.wrong_unit(e)), e.id


def test_holdout_entries_not_expressible_are_counted_apart(outcomes: list[Outcome]) -> None:
    s = score(outcomes)
    assert s.expressible + s.not_expressible == len(HOLDOUT)
    for o in outcomes:
        if not o.expressible:
            assert o.reason == harness.NOT_EXPRESSIBLE[o.entry.id]
            assert not o.caught and not o.true_errors
