"""The inline Markdown parser is linear and means exactly what the old recursive one meant.

The old parser (kept below as the oracle) searched for a closing marker afresh from every
opener, so 18 KB of unmatched ``**``/``*`` took minutes. The new one must give the same runs
for every input and do work proportional to the input's length.
"""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.render import markup
from reportgen.render.markup import Run, _merge, parse_inline

# -- the oracle: the previous implementation, unchanged --------------------------------------

def reference_inline(text: str) -> list[Run]:
    """The parser as it was before it was made linear (roughly cubic): the oracle."""
    runs: list[Run] = []
    _parse(text, False, False, runs)
    return _merge(runs)


def _opens(text: str, i: int, width: int) -> bool:
    """Emphasis may open at ``i`` only if followed by a non-space character."""
    return i + width < len(text) and not text[i + width].isspace()


def _find_close(text: str, start: int, marker: str, *, outer: bool = True) -> int:
    """Index of the marker closing emphasis opened just before ``start``, or -1.

    A closing marker must follow a non-space character, as in Markdown.
    """
    n = len(text)
    j = start
    while True:
        j = text.find(marker, j)
        if j == -1:
            return -1
        if marker == "*" and text.startswith("**", j) and _opens(text, j, 2):
            # "**" inside italic opens nested bold: skip to just past its closing pair.
            inner = _find_close(text, j + 2, "**", outer=False)
            j = inner + 2 if inner != -1 else j + 2
            continue
        if j == start or text[j - 1].isspace():
            j += len(marker)
            continue
        if marker == "**":
            # "**bold *italic***": the bold closes on the last two stars of "***".
            return j + 1 if outer and j + 2 < n and text[j + 2] == "*" else j
        if marker == "_" and j + 1 < n and text[j + 1].isalnum():
            j += 1  # underscores inside words (snake_case) stay literal
            continue
        return j


def _parse(text: str, bold: bool, italic: bool, out: list[Run]) -> None:
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(Run("".join(buf), bold, italic))
            buf.clear()

    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if text.startswith("**", i):
            close = _find_close(text, i + 2, "**") if not bold and _opens(text, i, 2) else -1
            if close != -1 and text[i + 2 : close].strip("*_"):
                flush()
                _parse(text[i + 2 : close], True, italic, out)
                i = close + 2
            else:
                # A "**" that does not open bold is literal: never half of it as italic.
                buf.append("**")
                i += 2
            continue
        if ch in "*_" and not italic and _opens(text, i, 1):
            intraword = ch == "_" and i > 0 and text[i - 1].isalnum()
            close = -1 if intraword else _find_close(text, i + 1, ch)
            if close != -1 and text[i + 1 : close].strip("*_"):
                flush()
                _parse(text[i + 1 : close], bold, True, out)
                i = close + 1
                continue
        buf.append(ch)
        i += 1
    flush()




# -- same meaning --------------------------------------------------------------------------

ALPHABET = "**__ ab\t."


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_runs_as_the_old_parser(text: str) -> None:
    assert parse_inline(text) == reference_inline(text)


def test_same_runs_on_longer_random_text() -> None:
    rng = random.Random(12)
    for _ in range(400):
        text = "".join(rng.choice(ALPHABET + "xyz,") for _ in range(rng.randint(40, 200)))
        assert parse_inline(text) == reference_inline(text), text


# -- linear work ---------------------------------------------------------------------------

HOSTILE = {
    "unmatched bold": lambda n: "**a " * n,
    "unmatched italic": lambda n: "*a " * n,
    "italic around bold": lambda n: "*x **a " * n,
    "stars and underscores": lambda n: "_*" * n,
    "bold runs": lambda n: "**a**" * n,
}


class _Counter:
    """Counts the closing-marker search steps the parser takes."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.steps = 0
        for name in ("_pair_step", "_star_step", "_under_step"):
            original = getattr(markup._Segment, name)

            def counted(segment, j, _original=original):  # type: ignore[no-untyped-def]
                self.steps += 1
                return _original(segment, j)

            monkeypatch.setattr(markup._Segment, name, counted)


def test_search_steps_grow_linearly(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    counter = _Counter(monkeypatch)
    for name, make in HOSTILE.items():
        counts = []
        for n in (500, 2000, 8000):
            counter.steps = 0
            parse_inline(make(n))
            counts.append(counter.steps)
        # Work per character bounded: 16 times the input costs at most 16 times (+ slack).
        assert counts[2] <= 16 * max(counts[0], 1) * 1.25 + 100, (name, counts)
        assert counts[2] <= 8 * len(make(8000)), (name, counts)


def test_time_grows_linearly_not_cubically() -> None:
    """A ratio within one run with a wide margin (not a wall-clock threshold): 4 times the
    input may cost up to 12 times the time; the old parser's cost grew about 40-fold."""
    def best(text: str) -> float:
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            parse_inline(text)
            timings.append(time.perf_counter() - start)
        return min(timings)

    for make in HOSTILE.values():
        small, large = best(make(1500)), best(make(6000))
        assert large <= 12 * small + 0.05


def test_18_kb_of_unmatched_markers_is_literal_text() -> None:
    text = "**" * 4500 + "*" * 9000
    assert parse_inline(text) == [Run(text)]


def test_merge_joins_many_runs_in_one_pass() -> None:
    runs = [Run("a", bold=True)] * 10_000 + [Run("b")]
    assert _merge(runs) == [Run("a" * 10_000, bold=True), Run("b")]


def test_block_patterns_do_not_backtrack_on_long_space_runs() -> None:
    """Lines of spaces after a list marker or inside a directive: a ratio, as above."""
    from reportgen.render.markup import parse_markup

    lines = {
        "bullet": lambda n: "- " + " " * n,
        "numbered": lambda n: "1. " + " \t" * (n // 2),
        "directive": lambda n: "[table: x" + " " * n + "y",
    }

    def best(text: str) -> float:
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            parse_markup(text)
            timings.append(time.perf_counter() - start)
        return min(timings)

    for make in lines.values():
        small, large = best(make(2000)), best(make(8000))
        assert large <= 12 * small + 0.05


def test_block_parse_of_hostile_structures_grows_linearly() -> None:
    """markdown-it-py's block rules and the words check on inputs built to be slow: many
    list items, nesting at and past the parser's limit (where the plain reading takes over),
    long lines of markers. The work is counted, not timed (every Python and C function call
    the parse makes, a number that does not change with the machine's load): four times the
    text may cost at most five times the calls."""
    import sys

    from reportgen.render.markup import parse_markup

    shapes = {
        "many items": lambda n: "1. a\n" * (n // 5),
        "nesting past the limit": lambda n: ("- " * 30 + "x\n") * (n // 62),
        "nested items": lambda n: "".join("  " * (i % 12) + "- x\n" for i in range(n // 20)),
        "markers on one line": lambda n: "- " * (n // 2),
        "numbers on one line": lambda n: "1. " * (n // 3),
        "headings": lambda n: "### a *b\n" * (n // 9),
        "wrapped numbers": lambda n: "a\n2016. b\n" * (n // 10),
    }

    def calls(text: str) -> int:
        count = 0

        def profile(frame: object, event: str, arg: object) -> None:
            nonlocal count
            if event in ("call", "c_call"):
                count += 1

        sys.setprofile(profile)
        try:
            parse_markup(text)
        finally:
            sys.setprofile(None)
        return count

    for name, make in shapes.items():
        small, large = calls(make(4000)), calls(make(16000))
        assert large <= 5 * small + 1_000, (name, small, large)


def test_directive_and_list_meaning_kept() -> None:
    from reportgen.render.markup import BulletList, Directive, parse_markup

    assert parse_markup("[ Table :  top_placements  5  ]") == [
        Directive("top_placements", ("5",), "table")]
    assert parse_markup("[table:   ]") != [Directive("", (), "table")]
    blocks = parse_markup("- item   \n- two")
    assert isinstance(blocks[0], BulletList) and len(blocks[0].items) == 2
