"""Text as a reader sees it, for matching identifiers and counts in it.

Word and copy-paste leave characters a reader never notices but that defeat a plain search:
soft hyphens, zero-width spaces and joiners, bidirectional controls, Word's non-breaking
hyphen, full-width or compatibility forms. :func:`normalise` removes or unifies them (NFKC
first), so "Jay\\u00addenSmith", "Ｓｍｉｔｈ" and "HAR\\u20110001" match their plain forms.
Written-out dates ("born on the 6th of March 2009") are found by :func:`dates_in`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

#: Characters that take no space on the page: soft hyphen, zero-width space/joiners, word
#: joiner, BOM, Mongolian vowel separator, and every bidirectional control.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"
                               "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                               "\u2066\u2067\u2068\u2069"), None)
#: Hyphens and dashes a reference may be written with → "-".
_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC, invisible characters removed, hyphens unified, spaces collapsed, lower case."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_HYPHENS)
    return _SPACES.sub(" ", text).casefold()


def dates_in(text: str) -> Iterator[date]:
    """Every date written in ``text``, in words or figures, day first (UK): the one grammar of
    :mod:`reportgen.dates`, which here also reads two-digit years (a date of birth written
    "06/03/09" still gives it away)."""
    from reportgen.dates import find_dates

    for found in find_dates(text):
        yield found.day


def name_forms(name: str) -> list[str]:
    """The ways a child's name may be written: as given, family name first ("Smith,
    Jayden" and "Smith Jayden"), and given and family name alone with the other."""
    parts = normalise(name).replace(",", " ").split()
    if not parts:
        return []
    forms = {" ".join(parts)}
    if len(parts) >= 2:
        given, family = parts[:-1], parts[-1]
        forms.add(f"{family}, {' '.join(given)}")
        forms.add(f"{family} {' '.join(given)}")
        forms.add(f"{parts[0]} {family}")
        forms.add(f"{family}, {parts[0]}")
    return sorted(forms, key=len, reverse=True)
