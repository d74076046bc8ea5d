"""The web page around the content: its head (language, Content-Security-Policy, stylesheets),
skip link, banner and main landmark, element helpers that keep text XML-safe, and serialising.
Every piece of text goes in through lxml, whose HTML serialiser escapes it."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from reportgen.errors import ReportgenError
from reportgen.limits import MAX_HTML_CSS_BYTES
from reportgen.render.markup import clean_xml_text

DEFAULT_LANGUAGE = "en-GB"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
#: What the page may load: nothing but its own inline styles and embedded pictures.
CONTENT_SECURITY_POLICY = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                           "base-uri 'none'; form-action 'none'")


def _el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    # Text from YAML or a stylesheet may hold characters XML cannot (lxml would refuse them).
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): clean_xml_text(v)
                                             for k, v in attrs.items()})
    if text:
        element.text = clean_xml_text(text)
    return element


def _add_text(parent: Any, text: str) -> None:
    text = clean_xml_text(text)
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _text_of(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def default_css() -> str:
    """The page's built-in stylesheet (GOV.UK in spirit: plain, readable, clear focus)."""
    return (resources.files("reportgen.publish") / "report.css").read_text(encoding="utf-8")


def _safe_css(css: str) -> str:
    # A stylesheet cannot close the <style> element early: "<" becomes a CSS escape, which
    # means the same character inside strings and is meaningless elsewhere in CSS.
    return css.replace("<", "\\3c ")


def house_css(template: Path) -> str | None:
    """A house style's own CSS: ``html.css`` beside the style's ``template.docx``, if any."""
    from reportgen.fileio import read_bytes_checked

    template = Path(template)
    if template.name.lower() != "template.docx":
        return None
    path = template.with_name("html.css")
    if not path.is_file():
        return None
    if path.stat().st_size > MAX_HTML_CSS_BYTES:
        raise ReportgenError(f"the stylesheet is larger than {MAX_HTML_CSS_BYTES // 1024} KB, "
                             "the limit for html.css", file=path)
    data = read_bytes_checked(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportgenError("html.css must be UTF-8 text", file=path) from None


def page(title: str, *, language: str = DEFAULT_LANGUAGE, css: str | None = None,
         header: list[Any] | None = None) -> tuple[Any, Any, Any]:
    """An empty page: ``(html, main, body)``. ``header`` elements go into the page's banner."""
    if not _LANGUAGE_TAG.fullmatch(language):
        language = DEFAULT_LANGUAGE
    html = etree.Element("html", lang=language)
    head = _el(html, "head")
    _el(head, "meta", charset="utf-8")
    _el(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    _el(head, "meta", http_equiv="Content-Security-Policy", content=CONTENT_SECURITY_POLICY)
    _el(head, "meta", name="generator", content="reportgen")
    _el(head, "title", title)
    _el(head, "style", default_css())
    if css:
        _el(head, "style", _safe_css(css), class_="house-style")
    body = _el(html, "body")
    _el(body, "a", "Skip to main content", href="#content", class_="skip-link")
    if header:
        banner = _el(body, "header", class_="page-header")
        for element in header:
            banner.append(element)
    main = _el(body, "main", id="content")
    return html, main, body


def serialise(html: Any) -> bytes:
    """The page as UTF-8 bytes with its doctype; helper attributes removed."""
    for element in html.iter():
        element.attrib.pop("data-fmt", None)
    out: bytes = etree.tostring(html, method="html", encoding="utf-8", doctype="<!DOCTYPE html>")
    return out + b"\n"
