"""The page ``reportgen serve`` shows: the report's own web page (:mod:`reportgen.publish`)
with a status line, the findings placed in the text, a findings panel and a names panel.

Everything added goes in through lxml, which escapes text, so a bundle's words cannot become
markup; the one script is a file of this package served from the same origin, and the page's
Content-Security-Policy allows nothing else (no inline script, nothing from elsewhere).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from reportgen.checks.findings import Finding
from reportgen.publish.page import _el, serialise
from reportgen.serve.findings import Placed, place_findings
from reportgen.serve.names import NameEntry

#: What a served page may load: its own script and stylesheet, the event stream, embedded
#: pictures and the house style's inline CSS. No inline script, nothing from elsewhere.
SERVE_CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; img-src data:; "
             "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
             "frame-ancestors 'none'")


@dataclass
class Status:
    """What the status line says about the build shown."""

    version: int
    source: str  # "report.yaml" or "agenda.yaml"
    built_at: dt.datetime
    error: str | None = None  # the last build's one-line error (the page is the last good one)
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (href, text)


def _parse(page: bytes) -> Any:
    return lxml_html.document_fromstring(page)


def _head(root: Any, status: Status) -> None:
    head = root.find("head")
    for meta in head.findall("meta"):
        if (meta.get("http-equiv") or "").lower() == "content-security-policy":
            meta.set("content", SERVE_CSP)
    _el(head, "meta", name="reportgen-version", content=str(status.version))
    _el(head, "link", rel="stylesheet", href="/_serve/serve.css")
    _el(head, "script", src="/_serve/serve.js", defer="defer")


def _status_bar(body: Any, status: Status, findings: list[Finding]) -> None:
    bar = etree.Element("section", {"class": "serve-status", "aria-label": "Preview"})
    skip = body.find("a")
    body.insert(body.index(skip) + 1 if skip is not None else 0, bar)
    line = _el(bar, "p", class_="serve-line", role="status")
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    when = status.built_at.strftime("%H:%M:%S")
    _add(line, f"Preview of {status.source} as saved at {when}: ")
    _el(line, "a", f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}", href="#findings")
    _add(line, ". The page follows the file: save it and this page shows the change.")
    _error_lines(bar, status)
    # What the copy buttons say (serve.js): in place before any copy, so that a screen reader
    # announces each change.
    _el(bar, "p", "", id="copy-status", class_="serve-line serve-copy-status", role="status",
        aria_live="polite", aria_atomic="true")
    if status.downloads:
        links = _el(bar, "ul", class_="serve-downloads")
        for href, text in status.downloads:
            _el(_el(links, "li"), "a", text, href=href)


def _error_lines(bar: Any, status: Status) -> None:
    if status.error is None:
        return
    problem = etree.Element("p", {"class": "serve-error", "role": "alert"})
    _el(problem, "strong", f"{status.source} cannot be shown as it is now: ")
    _add(problem, status.error)
    last = etree.Element("p", {"class": "serve-line serve-last"})
    last.text = "Below is the last page that could be made; the downloads are of that page."
    line = bar.find("p")
    at = bar.index(line) + 1 if line is not None else 0
    bar.insert(at, problem)
    bar.insert(at + 1, last)


def mark_failed(root: Any, status: Status) -> None:
    """A page already served, now shown under a failed build: its version and the error."""
    for meta in root.iter("meta"):
        if meta.get("name") == "reportgen-version":
            meta.set("content", str(status.version))
    for bar in root.iter("section"):
        if bar.get("class") == "serve-status":
            for old in [el for el in bar if "serve-error" in (el.get("class") or "")
                        or "serve-last" in (el.get("class") or "")]:
                bar.remove(old)
            _error_lines(bar, status)


def _add(parent: Any, text: str) -> None:
    from reportgen.publish.page import _add_text

    _add_text(parent, text)


def _findings_panel(body: Any, placed: list[Placed]) -> None:
    panel = _el(body, "aside", class_="serve-panel", aria_labelledby="findings")
    _el(panel, "h2", f"Findings ({len(placed)})", id="findings")
    if not placed:
        _el(panel, "p", "No problems found.")
        return
    listing = _el(panel, "ol", class_="serve-findings")
    for item in placed:
        finding = item.finding
        li = _el(listing, "li", class_=f"finding-{finding.severity}")
        label = f"{finding.severity.capitalize()} {item.number} ({finding.rule})"
        if item.anchor is not None:
            _el(li, "a", label, href=f"#{item.anchor}")
        else:
            _el(li, "strong", label)
        where = f" {finding.where}:" if finding.where else ""
        _add(li, f"{where} {finding.message}")
        if item.expression is not None:
            _add(li, ". Write ")
            _el(li, "code", item.expression, class_="copyable")
        elif finding.fix:
            _add(li, f". Fix: {finding.fix}")


def _names_panel(body: Any, names: list[NameEntry]) -> None:
    panel = _el(body, "aside", class_="serve-panel", aria_labelledby="names")
    _el(panel, "h2", f"Names the narrative can use ({len(names)})", id="names")
    _el(panel, "p", "Each value is what the expression prints in this report. Copy the "
        "expression into report.yaml (its Copy button puts it on the clipboard) to write the "
        "figure so that it follows the data.")
    search = _el(panel, "p", class_="serve-search")
    _el(search, "label", "Search names and values", for_="names-search")
    _el(search, "input", type="search", id="names-search", autocomplete="off",
        aria_controls="names-table", aria_describedby="names-count")
    _el(panel, "p", f"{len(names)} names shown.", id="names-count", class_="serve-line",
        aria_live="polite")
    wrapper = _el(panel, "div", class_="serve-table", role="region", aria_label="Names",
                  tabindex="0")
    table = _el(wrapper, "table", id="names-table")
    _el(table, "caption", "Names, values and expressions")
    head = _el(_el(table, "thead"), "tr")
    for text in ("Name", "Value", "Expression"):
        _el(head, "th", text, scope="col")
    tbody = _el(table, "tbody")
    for entry in names:
        row = _el(tbody, "tr")
        name = _el(row, "th", scope="row")
        _el(name, "code", entry.name)
        if entry.label:
            _el(name, "span", entry.label, class_="serve-label")
        _el(row, "td", entry.value)
        _el(_el(row, "td"), "code", entry.expression, class_="copyable")


def served_page(page: bytes, status: Status, findings: list[Finding],
                headings: dict[str, str], names: list[NameEntry] | None) -> bytes:
    """The report page with the findings in place and the panels (``names`` None: an agenda
    page, which has no narrative names)."""
    root = _parse(page)
    _head(root, status)
    body = root.find("body")
    main = body.find("main")
    placed = place_findings(main, findings, headings) if main is not None else []
    _status_bar(body, status, findings)
    _findings_panel(body, placed)
    if names is not None:
        _names_panel(body, names)
    return serialise(root)


def error_page(status: Status) -> bytes:
    """What is shown when no build has worked yet: the one-line error, no traceback."""
    from reportgen.publish.page import page

    root, main, body = page(f"{status.source}: cannot be shown")
    _el(main, "h1", f"{status.source} cannot be shown yet")
    _el(main, "p", status.error or "", class_="serve-error", role="alert")
    _el(main, "p", "Correct the file and save it: this page follows it.")
    _head(root, status)
    return serialise(root)
