"""The third clean hold-out of the wording benchmark (tests/wording/holdout3.yaml, README
"Hold-out 3 (clean)"): sentences from councils that are in none of corpus.yaml, holdout.yaml and
holdout3.yaml, collected after the general causes found in the first two hold-outs were fixed, so
that the final checker can be measured on wording its authors have not seen.

These tests check the hold-out itself and the data the harness makes for it. They set no recall
or precision threshold and never run the checker: the hold-out is a measurement (``python
benchmarks/wording.py --corpus tests/wording/holdout3.yaml``), not a gate. The data self-check
builds each bundle and reads the figure back from the computed metrics, as the harness's own
check does, without the checker's verdicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.wording import harness
from tests.wording.harness import Entry, load_corpus

HOLDOUT3 = load_corpus(harness.HOLDOUT3)
HOLDOUT2 = load_corpus(harness.HOLDOUT2)
HOLDOUT = load_corpus(harness.HOLDOUT)
MAIN = load_corpus(harness.CORPUS)

_FIXTURES = re.compile(r"harrow|herefordshire|rotherham", re.IGNORECASE)


def _council_key(name: str) -> str:
    """A council's name without the words that vary between papers ("London Borough of",
    "City Council", "Metropolitan Borough Council"...), so one council cannot be counted twice."""
    words = re.sub(r"[^a-z ]", " ", name.lower()).split()
    generic = {"london", "borough", "of", "city", "county", "council", "metropolitan", "the",
               "royal", "and", "district", "cyngor"}
    return " ".join(w for w in words if w not in generic)


# --------------------------------------------------------------------------- the hold-out


def test_holdout3_is_large_varied_and_sourced() -> None:
    assert len(HOLDOUT3) >= 30
    councils = {_council_key(e.council) for e in HOLDOUT3}
    assert len(councils) >= 10
    # Councils with at least one figure the data model can hold: the measurement rests on them.
    assert len({_council_key(e.council) for e in HOLDOUT3 if harness.target_of(e)}) >= 10
    for council in councils:
        assert sum(_council_key(e.council) == council for e in HOLDOUT3) <= 6, council
    assert len({e.id for e in HOLDOUT3}) == len(HOLDOUT3)
    for e in HOLDOUT3:
        assert e.id.startswith("h3-"), e.id
        assert re.match(r"https?://\S+$", e.source), e.id


def test_holdout3_shares_no_council_and_no_id_with_the_other_corpora() -> None:
    others = {_council_key(e.council) for e in MAIN + HOLDOUT + HOLDOUT2}
    for e in HOLDOUT3:
        assert _council_key(e.council) not in others, (e.id, e.council)
    assert not {e.id for e in HOLDOUT3} & {e.id for e in MAIN + HOLDOUT + HOLDOUT2}


def test_holdout3_has_nothing_from_the_fixtures() -> None:
    for e in HOLDOUT3:
        assert not _FIXTURES.search(f"{e.council} {e.source}"), e.id


def test_holdout3_sources_are_council_pages() -> None:
    """Council committee-system pages, not news sites, FOI answers or document mirrors."""
    for e in HOLDOUT3:
        host = re.match(r"https?://([^/]+)/", e.source)
        assert host, e.id
        assert re.search(r"\.gov\.uk$|moderngov\.co\.uk$", host.group(1)), (e.id, e.source)
        assert not re.search(r"foi|freedom-of-information|whatdotheyknow", e.source,
                             re.IGNORECASE), e.id


def test_every_holdout3_figure_is_written_in_its_sentence() -> None:
    for e in HOLDOUT3:
        assert harness._flat(e.text) in harness._flat(e.sentence), e.id
        lo, hi = harness.figure_span(e)
        assert hi > lo, e.id


def test_holdout3_additions_to_the_harness_tables_name_holdout3_entries() -> None:
    ids = {e.id for e in HOLDOUT3}
    for table in (harness.TARGETS, harness.LABELS, harness.NOT_EXPRESSIBLE, harness.PERIODS):
        assert {k for k in table if k.startswith("h3-")} <= ids
    assert not {k for k in harness.TARGETS if k.startswith("h3-")} & set(harness.NOT_EXPRESSIBLE)


def test_every_figure_of_a_holdout3_sentence_is_an_entry_or_said_not_expressible() -> None:
    """An entry the data model cannot hold is listed with its reason, not left to the default."""
    for e in HOLDOUT3:
        if harness.target_of(e) is None:
            assert e.id in harness.NOT_EXPRESSIBLE, e.id
            assert harness.not_expressible_reason(e) == harness.NOT_EXPRESSIBLE[e.id]


# --------------------------------------------------------------------------- the harness


@dataclass
class _ReadBack:
    entry: Entry
    true: float
    wrong: float


def _read_back(workdir: Path) -> Iterator[_ReadBack]:
    """Each testable entry's figure read back from the metrics of the bundles the harness
    writes for its sentence: with the true data for every figure of the sentence, and with
    this entry's figure made wrong (the others kept true). The checker is not run."""
    for i, group in enumerate(harness.groups(HOLDOUT3).values()):
        testable = [e for e in group if harness.target_of(e) is not None]
        if not testable:
            continue
        truth = {e.id: harness.true_data_value(e) for e in group}
        true_bundle = harness.write_bundle(workdir / f"s{i:03d}-true", group, truth)
        for e in testable:
            values = dict(truth)
            values[e.id] = harness.wrong_data_value(e)
            wrong_bundle = harness.write_bundle(workdir / f"s{i:03d}-{e.id}", group, values)
            yield _ReadBack(e, harness.data_figure(e, true_bundle),
                            harness.data_figure(e, wrong_bundle))


@pytest.fixture(scope="module")
def read_back(tmp_path_factory: pytest.TempPathFactory) -> list[_ReadBack]:
    return list(_read_back(tmp_path_factory.mktemp("holdout3")))


def test_data_made_for_each_holdout3_sentence_give_its_figure(read_back: list[_ReadBack]) -> None:
    """Read back from the computed metrics, independent of the checker: the true bundle shows
    the figure as written (below it for an upper bound), the wrong bundle the wrong one."""
    assert len(read_back) >= 20
    assert {r.entry.id for r in read_back} == {e.id for e in HOLDOUT3 if harness.target_of(e)}
    for r in read_back:
        e = r.entry
        assert harness.shows_as(e, r.true, e.value), (e.id, r.true)
        if e.upper_bound:
            assert r.true < e.value, e.id
        assert harness.shows_as(e, r.wrong, harness.wrong_shown_value(e),
                                harness.wrong_unit(e)), (e.id, r.wrong)
