"""Issue 24: a child's name or reference is found however a reader would read it.

Each disguise below passed the identifier check before: letters from other scripts that look
Latin, invisible characters of every kind, letters spaced out, combining accents, a reference
with its separator removed or replaced, an initial and family name, the family name alone.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.checks.disclosure import identifier_findings, identifier_positions

DATA = pd.DataFrame({"reference": ["HAR-0042", "HAR-0077"],
                     "child_name": ["Jayden Smith", "Anna Young"],
                     "date_of_birth": [pd.Timestamp("2009-03-06"), pd.NaT]})


def _columns(text: str) -> set[tuple[str, int]]:
    return set(identifier_positions(DATA, text))


@pytest.mark.parametrize("text", [
    "J\u0430yden Sm\u0456th moved.",  # Cyrillic а, Ukrainian і
    "\u0408ayden Smith moved.",  # Cyrillic Ј
    "Jayden\ufe0f Smith moved.",  # a variation selector
    "Jay\U000e0041den Smith moved.",  # a tag character
    "Jayden\u3164Smith moved.",  # a Hangul filler, shown as a space
    "Jayden\u115fSmith moved.",  # a Hangul choseong filler
    "J a y d e n  S m i t h moved.",  # letters spaced out
    "Ja\u0301yde\u0308n Smi\u0301th moved.",  # combining accents
    "Jayden\u2060\u200bSmith moved.",  # a word joiner and a zero-width space
    "JAYDEN SMITH moved.",
    "Smith, Jayden moved.",
    "J. Smith moved.",
    "J Smith moved.",
    "Smith J. moved.",
    "We met the Smith family.",
    "Mrs Smith said so.",
    "The Smiths moved.",
    "Smith's placement ended.",
    "𝐉𝐚𝐲𝐝𝐞𝐧 𝐒𝐦𝐢𝐭𝐡 moved.",  # mathematical bold letters
], ids=["cyrillic", "cyrillic-je", "variation-selector", "tag", "hangul-filler",
        "choseong-filler", "spaced", "combining", "joiners", "capitals", "family-first",
        "initial-dot", "initial", "initial-after", "family", "title", "plural",
        "possessive", "maths-bold"])
def test_a_disguised_name_is_found(text: str) -> None:
    assert ("child_name", 0) in _columns(text), text


@pytest.mark.parametrize("text", [
    "HAR0042 was reviewed.", "HAR 0042 was reviewed.", "HAR_0042 was reviewed.",
    "HAR.0042 was reviewed.", "H A R - 0 0 4 2 was reviewed.", "har–0042 was reviewed.",
    "HAR-OO42 was reviewed.",  # letter O for zero: the same skeleton
    "ＨＡＲ－００４２ was reviewed.", "H\u0410R-0042 was reviewed.",  # Cyrillic А
])
def test_a_disguised_reference_is_found(text: str) -> None:
    assert ("reference", 0) in _columns(text), text


@pytest.mark.parametrize("text", [
    "Young people said the service helped.",  # a family name that is a word
    "Our young people are placed well.",
    "We booked a hall and a young person spoke.",
    "The Young People's Forum met.",  # capitalised, but no family word
    "Anna Younger and Jay Smithson spoke.",  # longer words are other words
    "HAR-00421 and AHAR-0042 are not references in the data.",
    "Smith moved.",  # a family name alone, with nothing to tie it to one family
    "a Smith family",  # lower case initial: the article
    "Jayden Smith\u0443 is not the name.",  # a Cyrillic у makes another word
], ids=["young-people", "our-young", "a-hall", "forum", "longer", "other-references",
        "surname-alone", "article", "trailing-letter"])
def test_ordinary_text_is_not_an_identifier(text: str) -> None:
    found = _columns(text)
    if text == "a Smith family":
        assert found == {("child_name", 0)}  # the family name beside "family", not "a"
    else:
        assert found == set(), text


def test_the_finding_never_quotes_the_identifier() -> None:
    [finding] = identifier_findings(DATA, "J\u0430yden Smith moved.", "data/placements.csv")
    assert finding.message == ("the document contains a child's child_name from "
                               "data/placements.csv, row 2 (the value is not repeated here)")
    for word in ("Jayden", "Smith", "J\u0430yden"):
        assert word not in finding.line()


# --------------------------------------------------------------------------- property

LATIN_LOOKALIKES = {"a": "\u0430", "c": "\u0441", "e": "\u0435", "o": "\u043e",
                    "p": "\u0440", "x": "\u0445", "y": "\u0443", "i": "\u0456"}
INVISIBLE = ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufe0f", "\U000e0020", "\u180e",
             "\u061c", "\u2066"]
SEPARATORS = [" ", "  ", "\u00a0", "-", ".", "_", "\u3164", "\u2002"]
NAME = st.text(alphabet="abcdeghijklmnoprstuwy", min_size=4, max_size=9).map(str.capitalize)


@st.composite
def disguised_names(draw: st.DrawFn) -> tuple[str, str]:
    given_name, family = draw(NAME), draw(NAME)
    written = draw(st.sampled_from([f"{given_name} {family}", f"{family}, {given_name}",
                                    f"{given_name[0]}. {family}",
                                    f"the {family} family"]))
    out = []
    for ch in written:
        if ch.lower() in LATIN_LOOKALIKES and draw(st.integers(0, 2)) == 0:
            look = LATIN_LOOKALIKES[ch.lower()]
            ch = look.upper() if ch.isupper() else look
        if ch == " ":
            ch = draw(st.sampled_from(SEPARATORS))
        out.append(ch)
        if draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(INVISIBLE)))
        if ch.isalpha() and draw(st.integers(0, 6)) == 0:
            out.append("\u0301")  # a combining acute
    return f"{given_name} {family}", f"The panel discussed {''.join(out)} at length."


@settings(max_examples=150, deadline=None)
@given(disguised_names())
def test_no_disguise_of_a_name_survives(case: tuple[str, str]) -> None:
    name, text = case
    data = pd.DataFrame({"reference": ["X-9999999"], "child_name": [name]})
    assert identifier_positions(data, text) == [("child_name", 0)], text
