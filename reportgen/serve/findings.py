"""Each finding of ``check`` shown where it is: at the sentence, table cell or heading it is
about, the words it quotes marked, with what the data give and the expression to write.

A finding names where it is in report.yaml (``body.finance``, ``sections.report``,
``recommendations[2]``) and, for a figure, quotes the words typed (``'£2,786,300'``). On the
page the quoted words are looked for in the part of the page made from that place (under the
section's heading), then anywhere; a finding whose words are not on the page (a missing
clearance, a date) is placed at its section's heading if it has one, and otherwise is listed
in the panel only. Nothing is matched on a fixture's wording: only the finding's own quote and
the headings the render printed for each place (``RenderResult.headings``) are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from reportgen.checks.findings import Finding

_QUOTE = re.compile(r"'([^']{1,400})'")
_EXPRESSION = re.compile(r"\{\{.*?\}\}")
_BLOCKS = ("p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "dd", "dt")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class Placed:
    """A finding and where on the page it went (``anchor`` None: the panel only)."""

    number: int
    finding: Finding
    anchor: str | None
    quote: str | None
    expression: str | None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text(element: Any) -> str:
    return _norm("".join(element.itertext()))


def quote_of(finding: Finding) -> str | None:
    """The words the finding quotes from the narrative, if any."""
    match = _QUOTE.search(finding.message)
    return _norm(match.group(1)) if match else None


def expression_of(finding: Finding) -> str | None:
    """The expression the finding's fix says to write, if any."""
    match = _EXPRESSION.search(finding.fix or "")
    return match.group(0) if match else None


def _region(main: Any, heading_text: str | None) -> list[Any]:
    """The blocks under the heading whose text is ``heading_text`` (until the next heading of
    the same or a higher level); every block of ``main`` if there is no such heading."""
    blocks = [el for el in main.iter(*_BLOCKS)]
    if not heading_text:
        return blocks
    target = _norm(heading_text)
    for index, element in enumerate(blocks):
        if element.tag in _HEADINGS and _text(element).endswith(target):
            level = int(element.tag[1])
            out = [element]
            for after in blocks[index + 1:]:
                if after.tag in _HEADINGS and int(after.tag[1]) <= level:
                    break
                out.append(after)
            return out
    return []


def _innermost(blocks: list[Any], quote: str) -> Any:
    """The first block holding ``quote`` that holds no other block holding it."""
    for element in blocks:
        if quote in _text(element) and not any(
                quote in _text(child) for child in element.iter(*_BLOCKS) if child is not element):
            return element
    return None


def _mark(element: Any, quote: str, anchor: str) -> bool:
    """Wrap ``quote`` in ``<mark>`` where one piece of text holds it whole."""
    for node in element.iter():
        for attr in ("text", "tail"):
            if node is element and attr == "tail":
                continue
            value = getattr(node, attr)
            if not value:
                continue
            start = value.find(quote)  # the page's text is single-spaced, as _norm makes it
            if start < 0:
                continue
            mark = etree.Element("mark", {"class": "finding-mark", "aria-describedby": anchor})
            mark.text = quote
            mark.tail = value[start + len(quote):]
            setattr(node, attr, value[:start])
            if attr == "text":
                node.insert(0, mark)
            else:
                parent = node.getparent()
                parent.insert(parent.index(node) + 1, mark)
            return True
    return False


def _note(finding: Finding, number: int, anchor: str, tag: str) -> Any:
    note = etree.Element(tag, {"class": f"finding-note finding-{finding.severity}",
                               "id": anchor, "role": "note"})
    label = etree.SubElement(note, "strong")
    label.text = f"{finding.severity.capitalize()} {number} ({finding.rule}): "
    label.tail = finding.message
    expression = expression_of(finding)
    if expression is not None:
        write = etree.SubElement(note, "span", {"class": "finding-fix"})
        write.text = "Write "
        code = etree.SubElement(write, "code", {"class": "copyable"})
        code.text = expression
    elif finding.fix:
        fix = etree.SubElement(note, "span", {"class": "finding-fix"})
        fix.text = f"Fix: {finding.fix}"
    return note


def _heading_for(where: str | None, headings: dict[str, str]) -> str | None:
    if not where:
        return None
    key = re.split(r"[\[.]", where, maxsplit=2)
    for length in (2, 1):
        joined = ".".join(key[:length])
        if joined in headings:
            return headings[joined]
    return None


def place_findings(main: Any, findings: list[Finding],
                   headings: dict[str, str]) -> list[Placed]:
    """Put each finding at its place in ``main`` (the page's ``<main>``, changed in place).

    ``headings`` maps a finding's place (``body.finance``, ``sections.report``) to the heading
    the page shows for it."""
    placed = []
    for number, finding in enumerate(findings, start=1):
        anchor = f"finding-{number}"
        quote = quote_of(finding)
        heading = _heading_for(finding.where, headings)
        target = None
        if quote:
            target = _innermost(_region(main, heading), quote) if heading else None
            if target is None:
                target = _innermost(_region(main, None), quote)
        if target is None and heading:
            region = _region(main, heading)
            target = region[0] if region else None
            quote = None
        elif target is None:
            quote = None
        if target is None:
            placed.append(Placed(number, finding, None, None, expression_of(finding)))
            continue
        classes = (target.get("class") or "").split()
        target.set("class", " ".join([*classes, "finding-at", f"finding-at-{finding.severity}"]))
        if quote is None or not _mark(target, quote, anchor):
            target.set("aria-describedby", " ".join(
                x for x in ((target.get("aria-describedby") or ""), anchor) if x))
        if target.tag in ("td", "th", "caption", "dt", "dd"):
            target.append(_note(finding, number, anchor, "span"))
        else:
            parent = target.getparent()
            note = _note(finding, number, anchor, "div" if target.tag == "li" else "p")
            if target.tag == "li":
                target.append(note)
            else:
                parent.insert(parent.index(target) + 1, note)
        placed.append(Placed(number, finding, anchor, quote, expression_of(finding)))
    return placed
