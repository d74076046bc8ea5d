"""The child-identifier check on a large placements file: the same findings as a plain
search of every form of every row, with the work on the data cut to one set lookup a
spelling (issue: about 10 s on a 100,000-row file). No timing here: the counts of what is
built, and the findings against a deliberately plain computation."""

from __future__ import annotations

import itertools
import string
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.checks import disclosure as check
from reportgen.checks.disclosure import identifier_positions
from reportgen.disclosure import text as dtext
from reportgen.disclosure.text import _context_holds, _icu_skeleton, _parts, skeleton, words

# -- a plain reference: every form of every row against every run of the text's words -----


def _plain_words(value: str) -> list[tuple[str, str]]:
    return [(_icu_skeleton(w), w) for w in dtext._WORD.findall(dtext.clean(value))]


def _plain_forms(column: str, value: str) -> list[tuple[str, str]]:
    written = _plain_words(value)
    parts = [s for s, _ in written]
    if not parts:
        return []
    if column == "reference" or len(parts) == 1:
        return [("".join(parts), "")]
    given_, family = parts[:-1], parts[-1]
    initial = _icu_skeleton(written[0][1][:1])
    return [("".join(parts), ""), (family + "".join(given_), ""), (given_[0] + family, ""),
            (family + given_[0], ""), (initial + family, "initial"),
            (family + initial, "initial"), (family, "family"), (family + "s", "family")]


def plain_positions(data: pd.DataFrame, text: str) -> list[tuple[str, int]]:
    text_words = _plain_words(text)
    found = set()
    for column in ("reference", "child_name"):
        for pos, value in enumerate(data[column].tolist()):
            if value is None or value != value:
                continue
            for compact, kind in _plain_forms(column, str(value)):
                if len(compact) < check._MIN_LENGTH[column] or (
                        compact.isdigit() and len(compact) < 6):
                    continue
                for i, j in itertools.combinations_with_replacement(range(len(text_words)), 2):
                    if "".join(s for s, _ in text_words[i:j + 1]) == compact and \
                            _context_holds(dtext.Form(compact, kind), text_words, i, j):
                        found.add((column, pos))
    days = set(dtext.dates_in(dtext.normalise(text)))
    for pos, born in enumerate(data["date_of_birth"].tolist()):
        if born is not pd.NaT and born.date() in days:
            found.add(("date_of_birth", pos))
    return sorted(found, key=lambda h: (h[1], check.SENSITIVE.index(h[0])))


GIVEN = ["Jayden", "Anna", "Mo", "Zoë", "Siân", "Oluwaseun", "Al", "Emma", "Jo-Ann", "Ｌｅｏ",
         "Ма́ша", "Li"]
FAMILY = ["Smith", "Young", "O'Neill", "Nowak", "Ng", "Jones", "Mmm", "Rhys-Davies", "Ōta",
          "Smyth", "Khan"]
REFS = ["HAR-0042", "HAR 0043", "har0044", "ROT/1/2", "000123", "12345678", "X1",
        "ＨＡＲ－００４５", "HAR-ОО46"]

BIRTHS = [pd.Timestamp("2009-03-06"), pd.Timestamp("2010-04-01"), pd.Timestamp("2011-12-31")]


@st.composite
def case(draw: st.DrawFn) -> tuple[pd.DataFrame, str]:
    n = draw(st.integers(1, 12))
    names = [draw(st.one_of(st.none(), st.builds(
        lambda g, f, m: f"{g} {m + ' ' if m else ''}{f}", st.sampled_from(GIVEN),
        st.sampled_from(FAMILY), st.sampled_from(["", "Lee", "J."])))) for _ in range(n)]
    refs = [draw(st.one_of(st.none(), st.sampled_from(REFS))) for _ in range(n)]
    born = [draw(st.sampled_from([pd.NaT, *BIRTHS])) for _ in range(n)]
    data = pd.DataFrame({"reference": refs, "child_name": names,
                         "date_of_birth": pd.to_datetime(pd.Series(born, dtype=object))})
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(["born 6 March 2009", "on 06/03/09", "1 April 2010"]),
        st.sampled_from(["the", "family", "Mrs", "placed", "on", "s", "J.", "A", "Smiths",
                         "Lee", "in", "children", "2009"]),
        st.sampled_from(GIVEN + FAMILY + REFS),
        st.builds(lambda v: v.upper(), st.sampled_from(FAMILY)),
        st.builds(lambda v: " ".join(v), st.sampled_from(GIVEN + FAMILY))), max_size=25))
    # Most texts also write one of the rows' own values, as given or in another order.
    known = [v for v in names + refs if v]
    if known and draw(st.integers(0, 4)):
        value = draw(st.sampled_from(known)).split()
        value = draw(st.sampled_from([value, value[::-1], [value[0][:1], *value[-1:]],
                                      ["the", value[-1], "family"], [value[-1] + ","]]))
        pieces.insert(draw(st.integers(0, len(pieces))), " ".join(value))
    return data, " ".join(pieces) + "."


@settings(max_examples=300, deadline=None)
@given(case())
def test_findings_are_those_of_a_plain_search(example: tuple[pd.DataFrame, str]) -> None:
    data, text = example
    assert identifier_positions(data, text) == plain_positions(data, text), text


# -- the fast paths give exactly what ICU and the general path give -------------------------


def test_ascii_skeletons_are_icu_s_for_every_short_word() -> None:
    chars = string.ascii_letters + string.digits
    for word in ("".join(t) for k in (1, 2) for t in itertools.product(chars, repeat=k)):
        assert skeleton(word) == _icu_skeleton(word), word


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_values_split_as_the_general_path_does(value: str) -> None:
    written = _plain_words(value)
    initial = _icu_skeleton(written[0][1][:1]) if written else ""
    assert _parts(value) == ([s for s, _ in written], initial)
    assert [s for s, _ in words(value)] == [s for s, _ in written]


# -- the work on the data: only the forms the text holds are built and indexed -------------


def test_only_the_forms_the_text_holds_are_indexed(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = 5000
    data = pd.DataFrame({"reference": [f"GEN-{i:06d}" for i in range(rows)],
                         "child_name": [f"Given{i} Family{i}" for i in range(rows)]})
    indexed: list[Any] = []
    real = check.index_forms

    def counting(items: Any) -> Any:
        items = list(items)
        indexed.extend(items)
        return real(items)

    monkeypatch.setattr(check, "index_forms", counting)
    text = "GEN-000042 was reviewed; Given7 Family7 moved."
    assert identifier_positions(data, text) == [("child_name", 7), ("reference", 42)]
    # Before: every form of every row (35,000 here) was indexed.
    assert len(indexed) <= 10
