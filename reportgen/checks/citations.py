"""Reading the appendices a text cites: "Appendix 2", "appendix 1", "Appendices A and B",
"Appendices 1–3", "Appendices 1, 2 and 4".

An appendix is named by a number or a capital letter, and the reader does not know which the
house style prints, so a cited appendix is read as its place in the list: "Appendix 2" and
"Appendix B" both cite the second. A reference to an appendix of another document ("Appendix 2
to the 2010 Regulations", "Appendix 1 of the Ofsted report") is not a citation of the report's
own; "Appendix 1 to this report" and "Appendix 1 of the report" are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportgen.formatting import letter_label

# A number of up to three digits with an optional part letter ("3a"), or one capital letter
# with an optional part number ("A1"); a capital starting a word ("Appendix A summary" is
# fine, "Appendix Annual" is not an identifier).
_ID = r"(?:\d{1,3}[a-z]?(?!\w)|[A-Z]\d{0,2}(?!\w))"
_SEP = r"(?:\s*,\s*(?:(?i:and|or)\s+|&\s*)?|\s+(?i:and|or|to|through)\s+|\s*[&\-–—]\s*)"
_CITATION = re.compile(rf"\b(?i:appendix|appendices)\s+{_ID}(?:{_SEP}{_ID})*")
_TOKEN = re.compile(rf"{_ID}|{_SEP}")
_RANGE = re.compile(r"\s*(?:[\-–—]|(?i:to|through))\s*$")
# What follows a citation of another document's appendix: "of/to/in" and a name ("of
# Working Together", "to the Act", "of the Ofsted report", "of the 2017 report", "of the
# previous report"); "of the report", "of the considered report" and "to this report" are
# the report's own.
_ELSEWHERE = re.compile(
    r"\s+(?i:of|to|in|from|within)\s+"
    r"(?:(?i:the|an?|its|their|our|last|previous|earlier|that|those)\s+"
    r"(?!(?:(?!(?:previous|last|earlier|annual)\b)[a-z]+\s+){0,2}(?:report|paper)\b)"
    r"|[A-Z])")
#: Positions read from a range at most (a range is never longer than this in a real report).
MAX_RANGE = 200


@dataclass(frozen=True)
class Citation:
    """One citation as written, and the appendices it names as ``(position, as written)``."""

    text: str
    cited: tuple[tuple[int, str], ...]

    @property
    def kind(self) -> str:
        """"number" ("Appendix 2") or "letter" ("Appendix B"): one citation is never both."""
        return "number" if self.cited and self.cited[0][1][0].isdigit() else "letter"


def _position(token: str) -> tuple[str, int]:
    """("number", 3) for "3" or "3a"; ("letter", 2) for "B" or "B1"."""
    if token[0].isdigit():
        return "number", int(re.match(r"\d+", token).group(0))  # type: ignore[union-attr]
    return "letter", ord(token[0]) - ord("A") + 1


def _shown(kind: str, position: int) -> str:
    return str(position) if kind == "number" else letter_label(position)


def _read(words: str) -> tuple[int, list[tuple[int, str]]]:
    """The identifiers of one matched citation, stopping where it changes from numbers to
    letters ("Appendix 1 – A summary" cites 1 only), and how far into ``words`` it reads."""
    cited: list[tuple[int, str]] = []
    kind, previous, pending, end = "", 0, "", 0
    for match in _TOKEN.finditer(words, words.index(" ")):
        token = match.group(0)
        if not re.fullmatch(_ID, token):
            pending = token
            continue
        this_kind, at = _position(token)
        if kind and this_kind != kind:
            break
        if kind and _RANGE.match(pending) and previous < at:
            # A range longer than any real one is read at its ends only.
            inside = range(previous + 1, at + 1) if at - previous <= MAX_RANGE else [at]
            cited += [(n, _shown(kind, n)) for n in inside]
        else:
            cited.append((at, _shown(this_kind, at)))
        kind, previous, pending, end = this_kind, at, "", match.end()
    return end, cited


def cited_appendices(text: str) -> list[Citation]:
    """Every citation of the report's own appendices in ``text``, in order."""
    out = []
    for match in _CITATION.finditer(text):
        end, cited = _read(match.group(0))
        if _ELSEWHERE.match(text, match.start() + end):
            continue
        out.append(Citation(" ".join(match.group(0)[:end].split()), tuple(cited)))
    return out


def named_position(label: str) -> int | None:
    """The place a label such as "Appendix C" or "Appendix 3a" names (None for "Annex 1")."""
    named = named_form(label)
    return named[1] if named else None


def named_form(label: str) -> tuple[str, int] | None:
    """("letter", 3) for a label "Appendix C", ("number", 3) for "Appendix 3a", None for
    "Annex 1": how an own label writes its appendix."""
    match = re.fullmatch(rf"(?i:appendix)\s+({_ID}).*", label.strip(), re.DOTALL)
    return _position(match.group(1)) if match else None


def shown_as(kind: str, position: int) -> str:
    """The identifier of the appendix at ``position`` written as ``kind`` ("2", "B")."""
    return _shown(kind, position)
