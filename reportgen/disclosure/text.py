"""Text as a reader sees it, for matching identifiers and counts in it.

Word and copy-paste leave characters a reader never notices but that defeat a plain search,
and a hostile or careless hand can write a name so that it looks the same but is not the same
string. Two texts are compared here as a reader would:

* NFKC first (full-width and compatibility forms: "Ｓｍｉｔｈ");
* every default-ignorable and format character removed (soft hyphen, zero-width spaces and
  joiners, bidirectional controls, variation selectors, tag characters, the Hangul fillers a
  page shows as a space) and every combining mark ("Smïth");
* the Unicode confusable skeleton of UTS #39 (ICU's SpoofChecker, through PyICU): Cyrillic
  "о" and "у", Greek "ο", "ı", "ℓ" read as the Latin letters they look like;
* then spacing and separators do not count: an identifier is found when consecutive words of
  the text spell it ("HAR 0001", "HAR0001", "J a y d e n").

:func:`name_forms` gives the ways a child's name may be written (family name first, initial
and family name, the family name alone beside a word such as "family"), :func:`find_identifiers`
finds them. Written-out dates ("born on the 6th of March 2009") are found by :func:`dates_in`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from functools import cache, lru_cache
from typing import NamedTuple

import icu

#: Hyphens and dashes a reference may be written with → "-".
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


@cache
def _unseen() -> dict[int, None]:
    """Every character a page does not show: default-ignorable code points (which include
    the format characters, variation selectors, tag characters and Hangul fillers), every
    other format character (Cf), and combining marks (removed after NFD)."""
    chars = icu.UnicodeSet("[[:Default_Ignorable_Code_Point:][:Cf:][:Mn:][:Me:]]")
    return dict.fromkeys((ord(c) for c in chars if len(c) == 1), None)


#: Default-ignorable letters that a page shows as a blank: Hangul fillers read as a space.
_BLANKS = dict.fromkeys(map(ord, "\u115f\u1160\u3164\uffa0"), " ")


def clean(text: str) -> str:
    """NFKC, then every character a reader does not see removed (see :func:`_unseen`), and
    the Hangul fillers a page shows as a space made one."""
    if text.isascii():
        return text  # NFKC and NFD leave ASCII as it is, and no ASCII character is unseen
    text = unicodedata.normalize("NFKC", text.translate(_BLANKS)).translate(_BLANKS)
    return unicodedata.normalize("NFD", text).translate(_unseen())


def normalise(text: str) -> str:
    """:func:`clean`, hyphens unified, spaces collapsed, lower case: for reading counts and
    dates in a sentence (identifiers are matched by :func:`find_identifiers`)."""
    text = unicodedata.normalize("NFC", clean(text)).translate(_HYPHENS)
    return _SPACES.sub(" ", text).casefold()


_SPOOF = icu.SpoofChecker()


def _icu_skeleton(word: str) -> str:
    return str(_SPOOF.getSkeleton(0, word.casefold())).casefold()


@cache
def _ascii_skeletons() -> dict[int, str]:
    """Each ASCII letter and digit → its skeleton, case folded ("m" → "rn", "0" → "o")."""
    chars = "abcdefghijklmnopqrstuvwxyz0123456789"
    return {ord(c): _icu_skeleton(c) for c in chars}


def skeleton(word: str) -> str:
    """The UTS #39 confusable skeleton of ``word`` (already :func:`clean`), case folded.

    A skeleton is made character by character (UTS #39, section 4), so an ASCII word's is
    its letters' skeletons run together: a table lookup instead of a call into ICU, which
    matters when every reference and name of a 100,000-row file is read."""
    if word.isascii() and word.isalnum():
        return word.casefold().translate(_ascii_skeletons())
    return _skeleton_of(word)


@lru_cache(maxsize=65536)
def _skeleton_of(word: str) -> str:
    return _icu_skeleton(word)


def words(text: str) -> list[tuple[str, str]]:
    """``(skeleton, word as written)`` for each word of ``text``, in order: a word is a run of
    letters and digits once invisible characters are gone; anything else separates."""
    return [(skeleton(w), w) for w in _WORD.findall(clean(text))]


# --------------------------------------------------------------------------- identifiers

#: Words that make a family name on its own point at one family ("the Smith family",
#: "Mrs Smith", "the Smith children").
_FAMILY_AFTER = {"family", "families", "household", "households", "children", "child",
                 "siblings", "sibling", "twins", "brothers", "sisters", "brother", "sister",
                 "boy", "boys", "girl", "girls", "kids", "home", "case"}
_TITLES = {"mr", "mrs", "ms", "miss", "master", "mx", "dr"}


class Form(NamedTuple):
    """One way an identifier may be written: its words' skeletons run together, and what
    must hold around it ("" anywhere, "initial" an initial and a capitalised name,
    "family" a capitalised family name beside a family word or a title)."""

    compact: str
    kind: str = ""


def reference_forms(value: str) -> list[Form]:
    """A reference with its separators gone ("HAR-0001", "HAR 0001", "HAR0001")."""
    return [Form(compact, kind) for compact, kind in reference_spellings(value)]


def name_forms(name: str) -> list[Form]:
    """The ways a child's name may be written: as given, family name first ("Smith,
    Jayden"), first given name and family name, an initial and the family name ("J. Smith",
    "Smith J"), and the family name alone beside a family word ("the Smith family")."""
    return [Form(compact, kind) for compact, kind in name_spellings(name)]


_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def _parts(value: str) -> tuple[list[str], str]:
    """The skeletons of ``value``'s words (as :func:`words` gives them) and the skeleton of
    its first letter. An ASCII value is read in three C calls: a skeleton is made letter by
    letter and maps letters and digits to letters only, so folding and mapping the whole
    value first and splitting it after gives the same words."""
    if value.isascii():
        first = _ASCII_WORD.search(value)
        if first is None:
            return [], ""
        table = _ascii_skeletons()
        parts = _ASCII_WORD.findall(value.casefold().translate(table))
        return parts, first.group()[0].casefold().translate(table)
    written = words(value)
    return [s for s, _ in written], (skeleton(written[0][1][:1]) if written else "")


def reference_spellings(value: str) -> list[tuple[str, str]]:
    """:func:`reference_forms` as plain ``(compact, kind)`` pairs (cheap to make by the
    hundred thousand; a :class:`Form` is made only for one the text holds)."""
    compact = "".join(_parts(value)[0])
    return [(compact, "")] if compact else []


def name_spellings(name: str) -> list[tuple[str, str]]:
    """:func:`name_forms` as plain ``(compact, kind)`` pairs, in the same order."""
    parts, initial = _parts(name)
    if not parts:
        return []
    forms = [("".join(parts), "")]
    if len(parts) >= 2:
        given, family = parts[:-1], parts[-1]
        first = given[0]
        forms += [(family + "".join(given), ""), (first + family, ""), (family + first, ""),
                  (initial + family, "initial"), (family + initial, "initial"),
                  (family, "family"), (family + "s", "family")]
    return list(dict.fromkeys(forms))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _context_holds(form: Form, text_words: list[tuple[str, str]], i: int, j: int) -> bool:
    """Whether the words ``i``..``j`` (inclusive) of a match stand where ``form`` needs."""
    if not form.kind:
        return True
    written = [w for _, w in text_words[i:j + 1]]
    if form.kind == "initial":
        if len(written) != 2:
            return False
        short, long_ = (written[0], written[1]) if len(written[0]) == 1 else \
            (written[1], written[0])
        return len(short) == 1 and short.isupper() and _capitalised(long_)
    # "family": one capitalised word beside a family word, a title or a possessive 's.
    if j != i or not _capitalised(written[0]):
        return False
    after = text_words[j + 1][0] if j + 1 < len(text_words) else ""
    before = text_words[i - 1][0] if i > 0 else ""
    family_words, titles = _context_words()
    return (after in family_words or before in titles or after == "s"
            or (before == "the" and written[0].endswith("s")))  # "the Smiths"


@cache
def _context_words() -> tuple[frozenset[str], frozenset[str]]:
    """The family words and titles as skeletons ("family" reads "farnily")."""
    return (frozenset(skeleton(w) for w in _FAMILY_AFTER),
            frozenset(skeleton(w) for w in _TITLES))


def find_identifiers(text: str, forms: dict[str, list[tuple[Form, object]]]) -> set[object]:
    """The tags of every identifier whose form appears in ``text``: ``forms`` maps a form's
    compact spelling to ``(form, tag)`` pairs. A form is found where consecutive words of the
    text, run together, spell it exactly (so it starts and ends at word boundaries)."""
    if not forms:
        return set()
    longest = max(len(k) for k in forms)
    text_words = words(text)
    found: set[object] = set()
    for i in range(len(text_words)):
        run = ""
        for j in range(i, len(text_words)):
            run += text_words[j][0]
            if len(run) > longest:
                break
            for form, tag in forms.get(run, ()):
                if _context_holds(form, text_words, i, j):
                    found.add(tag)
    return found


def text_runs(text: str, longest: int) -> set[str]:
    """Every run of consecutive words of ``text`` spelt together (as :func:`find_identifiers`
    reads them), up to ``longest`` characters: a form not among them cannot be found, so a
    large file's forms are sifted by one set lookup each before any is indexed."""
    text_words = [s for s, _ in words(text)]
    out: set[str] = set()
    for i in range(len(text_words)):
        run = ""
        for j in range(i, len(text_words)):
            run += text_words[j]
            if len(run) > longest:
                break
            out.add(run)
    return out


def index_forms(items: Iterable[tuple[Form, object]]) -> dict[str, list[tuple[Form, object]]]:
    out: dict[str, list[tuple[Form, object]]] = {}
    for form, tag in items:
        out.setdefault(form.compact, []).append((form, tag))
    return out


def dates_in(text: str) -> Iterator[date]:
    """Every date written in ``text``, in words or figures, day first (UK): the one grammar of
    :mod:`reportgen.dates`, which here also reads two-digit years (a date of birth written
    "06/03/09" still gives it away)."""
    from reportgen.dates import find_dates

    for found in find_dates(text):
        yield found.day
