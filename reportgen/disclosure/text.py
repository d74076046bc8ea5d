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


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")
_MONTHS = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS.update({name[:3].lower(): i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_DAY_FIRST = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+(?P<y>\d{{4}})\b")
_MONTH_FIRST = re.compile(
    rf"\b(?P<m>{_MONTH})\.?\s+(?:the\s+)?(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b")
_NUMERIC = re.compile(r"(?<![\d/.-])(?P<a>\d{1,4})\s?[/.-]\s?(?P<b>\d{1,2})\s?[/.-]\s?"
                      r"(?P<c>\d{2,4})(?![\d/-])")


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dates_in(text: str) -> Iterator[date]:
    """Every date written in ``text`` (normalised), in words or figures, day first (UK)."""
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        for m in pattern.finditer(text):
            found = _make(int(m["y"]), _MONTHS[m["m"].lower()], int(m["d"]))
            if found:
                yield found
    for m in _NUMERIC.finditer(text):
        a, b, c = m["a"], m["b"], m["c"]
        if len(a) == 4:  # ISO: 2009-03-06
            found = _make(int(a), int(b), int(c)) if len(c) <= 2 else None
        else:
            year = int(c) if len(c) == 4 else None
            if year is None and len(c) == 2:
                year = 2000 + int(c) if int(c) < 50 else 1900 + int(c)
            found = _make(year, int(b), int(a)) if year is not None else None
        if found:
            yield found


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
