"""Disclosure control: which counts of children a public report may show.

One rule, asked by generated tables, charts (bars, labels and alt text) and the disclosure
check alike, so that what is drawn, what is tabled and what is checked cannot disagree:

* primary suppression: a count of 1 to threshold − 1 is not shown (0 is safe: it reveals
  nobody);
* secondary suppression: when exactly one count of a set is hidden, the next smallest is hidden
  too, so that a shown total cannot give the hidden one away.

A hidden count reads :func:`suppressed_label` ("fewer than 5").
"""

from __future__ import annotations

from collections.abc import Sequence


def is_small(count: int, threshold: int) -> bool:
    """Whether ``count`` is below the threshold and would identify children (0 does not)."""
    return 0 < count < threshold


def suppress_counts(counts: Sequence[int], threshold: int) -> list[bool]:
    """Which counts to hide: primary (1 ≤ count < threshold) and, where exactly one is hidden,
    the next smallest as secondary suppression so a shown total cannot reveal it."""
    hidden = [is_small(c, threshold) for c in counts]
    if sum(hidden) == 1 and len(counts) > 1:
        candidates = [(c, i) for i, c in enumerate(counts) if not hidden[i] and c > 0]
        if candidates:
            hidden[min(candidates)[1]] = True
    return hidden


def hidden_counts(counts: Sequence[int], threshold: int, public: bool) -> list[bool]:
    """:func:`suppress_counts` for a public report; nothing hidden in one that is not."""
    return suppress_counts(counts, threshold) if public else [False] * len(counts)


def reveals_suppressed(suppressed: int, shown: int, total_shown: bool) -> bool:
    """Whether a column with ``suppressed`` hidden and ``shown`` visible counts lets a reader
    work a hidden count out: exactly one hidden, others shown, and the total shown."""
    return suppressed == 1 and total_shown and shown > 1


def suppressed_label(threshold: int) -> str:
    """What a reader sees in place of a hidden count."""
    return f"fewer than {threshold}"
