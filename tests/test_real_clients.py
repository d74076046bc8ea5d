"""Independent readers of everything reportgen writes.

- openxml-audit (the Microsoft 365 profile, strict, with its OOXML security checks) on every
  output kind: each fixture in each built-in style, the starter bundle, every pack file and
  every build output. Any finding, error or warning, fails.
- LibreOffice exports each fixture (and the agenda pack) as tagged PDF with the options
  ``reportgen --pdf`` uses; page-validation (PDF/UA-1 profile) and outloud check it.
- pandoc and mammoth read each fixture back; headings, table cells, pictures' alt text and
  money figures must agree with python-docx's reading.

A missing validator or reader fails (see tests/validators.py); LibreOffice missing is a skip on
a developer's machine and a failure in CI.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from lxml import html

from reportgen.build import run_build
from reportgen.pack import write_packs
from reportgen.pdf import PDF_FILTER
from reportgen.pipeline import load_report, render
from reportgen.render.finish import heading_style_ids
from reportgen.starter import write_starter_bundle
from reportgen.styles import builtin_style_names

from .helpers import FIXTURES
from .validators import audit_findings, outloud_findings, page_failures, require_module, soffice

BUNDLES = sorted(p for p in FIXTURES.iterdir() if (p / "report.yaml").is_file())
AGENDA = FIXTURES / "agenda-corporate-parenting" / "agenda.yaml"
BUILD = FIXTURES / "build.yaml"
STYLES = builtin_style_names()
MONEY = re.compile(r"£\d[\d,]*(?:\.\d+)?[km]?")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Every kind of output, written once for this module: ``{kind: [paths]}``."""
    root = tmp_path_factory.mktemp("outputs")
    reports = root / "reports"
    reports.mkdir()
    fixtures = []
    for bundle in BUNDLES:
        loaded = load_report(bundle)
        for style in STYLES:
            out = reports / f"{bundle.name}-{style}.docx"
            out.write_bytes(render(loaded, style).docx)
            fixtures.append(out)
    starter = root / "starter"
    write_starter_bundle(starter / "bundle")
    (starter / "starter.docx").write_bytes(render(load_report(starter / "bundle")).docx)
    (root / "packs").mkdir()
    packs, _ = write_packs(AGENDA, root / "packs" / "pack.docx")
    summary = run_build(BUILD, "2016/17-Q2", root / "build")
    assert not summary.failures, summary.to_dict()
    built = sorted((root / "build").rglob("*.docx"))
    return {"fixtures": fixtures, "starter": [starter / "starter.docx"], "packs": packs,
            "build": built, "root": [root]}


def test_openxml_audit_finds_nothing_on_any_output(outputs: dict[str, list[Path]]) -> None:
    root = outputs["root"][0]
    expected = {str(p.relative_to(root)) for kind in ("fixtures", "starter", "packs", "build")
                for p in outputs[kind]}
    assert len(outputs["fixtures"]) == len(BUNDLES) * len(STYLES) == 24
    assert len(outputs["packs"]) == 3 and len(outputs["build"]) == 6  # public, Part II, suppl.
    findings = audit_findings(root)
    assert set(findings) == expected  # every file was audited
    assert {name: found for name, found in findings.items() if found} == {}


# --- PDF --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(outputs: dict[str, list[Path]], tmp_path_factory: pytest.TempPathFactory
         ) -> dict[str, Path]:
    """Each fixture (each style), the starter report and the public pack as tagged PDF, in one
    LibreOffice run with the export options ``--pdf`` uses."""
    binary = soffice()
    docs = [*outputs["fixtures"], *outputs["starter"], outputs["packs"][0]]
    folder = tmp_path_factory.mktemp("pdf")
    profile = (folder / "profile").as_uri()
    done = subprocess.run(
        [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", PDF_FILTER, "--outdir", str(folder), *map(str, docs)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    out = {doc.stem: folder / f"{doc.stem}.pdf" for doc in docs}
    missing = [name for name, pdf in out.items() if not pdf.is_file()]
    assert not missing, (missing, done.stdout, done.stderr)
    return out


def _report_pdfs(pdfs: dict[str, Path]) -> list[str]:
    return sorted(name for name in pdfs if name != "pack")


def _pdfinfo(pdf: Path) -> dict[str, str]:
    if shutil.which("pdfinfo") is None:
        pytest.fail("pdfinfo (poppler-utils) is not installed", pytrace=False)
    text = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in
                                                  text.splitlines())}


def test_every_fixture_pdf_is_tagged_titled_and_paged(pdfs: dict[str, Path],
                                                      outputs: dict[str, list[Path]]) -> None:
    docs = {p.stem: p for p in [*outputs["fixtures"], *outputs["starter"]]}
    for name in _report_pdfs(pdfs):
        info = _pdfinfo(pdfs[name])
        assert info["Tagged"] == "yes", name
        assert info["Title"] == docx.Document(str(docs[name])).core_properties.title, name
        assert 2 <= int(info["Pages"]) <= 12, (name, info["Pages"])
        text = subprocess.run(["pdftotext", str(pdfs[name]), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "Page 1 of" in text, name  # PAGE / NUMPAGES fields were computed
        # No blank last page: the last page has text.
        assert text.rstrip("\f").split("\f")[-1].strip(), name


def test_every_fixture_pdf_has_language_and_pdf_ua_identifier(pdfs: dict[str, Path]) -> None:
    require_module("pikepdf", "pikepdf (installed with outloud)")
    import pikepdf

    for name in _report_pdfs(pdfs):
        with pikepdf.open(pdfs[name]) as pdf:
            assert str(pdf.Root.get("/Lang")) == "en-GB", name
            assert bool(pdf.Root.ViewerPreferences.get("/DisplayDocTitle")), name
            meta = pdf.open_metadata()
            assert meta.get("pdfuaid:part") == "1", name


def test_every_fixture_pdf_passes_page_validation_pdf_ua_1(pdfs: dict[str, Path]) -> None:
    failures = {name: found for name in _report_pdfs(pdfs) if (found := page_failures(pdfs[name]))}
    assert failures == {}


def test_outloud_finds_no_error_in_any_fixture_pdf(pdfs: dict[str, Path]) -> None:
    errors = {name: [f for f in found if not f.startswith("warning")]
              for name in _report_pdfs(pdfs) if (found := outloud_findings(pdfs[name]))}
    assert {name: found for name, found in errors.items() if found} == {}


@pytest.mark.xfail(strict=True, reason="known outloud warnings, not yet fixed: TBL-014 (its grid "
                   "heuristic misses a table's continuation page and two tables on one page), "
                   "TAG-020 (empty table cells export as empty /P), LNK-010 (e-mail addresses "
                   "are text, not links), DOC-015 (LibreOffice 7.4 double-escapes an apostrophe "
                   "in the XMP title)")
def test_outloud_finds_no_warning_in_any_fixture_pdf(pdfs: dict[str, Path]) -> None:
    warned = {name: found for name in _report_pdfs(pdfs) if (found := outloud_findings(pdfs[name]))}
    assert warned == {}


@pytest.mark.xfail(strict=True, reason="pack PDFs: the front sheet's key/value tables have no "
                   "header cells and LibreOffice 7.4 writes no /Tabs /S on pages with links; "
                   "left for the pack work of issue 14")
def test_the_pack_pdf_passes_the_pdf_ua_validators(pdfs: dict[str, Path]) -> None:
    assert page_failures(pdfs["pack"]) == []
    assert [f for f in outloud_findings(pdfs["pack"]) if f.startswith("error")] == []


def test_pdf_option_writes_a_tagged_pdf(tmp_path: Path) -> None:
    """``reportgen render --pdf`` itself, not just the shared filter string."""
    soffice()
    out = tmp_path / "report.docx"
    done = subprocess.run([sys.executable, "-m", "reportgen", "render", str(BUNDLES[0]),
                           "-o", str(out), "--pdf"], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert _pdfinfo(out.with_suffix(".pdf"))["Tagged"] == "yes"
    assert page_failures(out.with_suffix(".pdf")) == []


# --- reading back -----------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.split())


def _paragraph_text(p: Any) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _python_docx_reading(path: Path) -> dict[str, Any]:
    document = docx.Document(str(path))
    headings = heading_style_ids(document)
    body = document.element.body
    heads = []
    for p in body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in headings:
            heads.append(_norm(_paragraph_text(p)))
    # A cell's paragraphs read as lines; an HTML reader gives them as <p>s.
    cells = [_norm(" ".join(_paragraph_text(p) for p in tc.iter(qn("w:p"))))
             for tc in body.iter(qn("w:tc"))]
    alts = [doc_pr.get("descr", "") for doc_pr in body.iter(qn("wp:docPr"))]
    captions = [_norm(c.get(qn("w:val"), "")) for c in body.iter(qn("w:tblCaption"))]
    text = "\n".join(_paragraph_text(p) for p in body.iter(qn("w:p")))
    return {"headings": [h for h in heads if h], "cells": [c for c in cells if c],
            "alt": alts, "captions": captions, "money": Counter(MONEY.findall(text))}


_BLOCKS = ("p", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6")


def _html_reading(markup: str) -> dict[str, Any]:
    tree = html.fromstring(f"<div>{markup}</div>")
    for box in tree.iter("input"):  # mammoth reads a checkbox control as a checkbox input
        if box.get("type") == "checkbox":
            box.tail = ("\u2612" if box.get("checked") is not None else "\u2610") + (box.tail or "")
    for block in tree.iter(*_BLOCKS):
        block.tail = " " + (block.tail or "")
    # pandoc gives each table's alt-text title (w:tblCaption) as its <caption>: compared on
    # its own, and kept out of the visible text.
    captions = [_norm(c.text_content()) for c in tree.iter("caption")]
    for caption in list(tree.iter("caption")):
        caption.drop_tree()
    heads = [_norm(h.text_content()) for h in tree.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    cells = [_norm(c.text_content()) for c in tree.iter("td", "th")]
    alts = [img.get("alt", "") for img in tree.iter("img")]
    return {"headings": [h for h in heads if h], "cells": [c for c in cells if c],
            "alt": alts, "captions": captions or None,
            "money": Counter(MONEY.findall(tree.text_content()))}


def _pandoc(path: Path) -> dict[str, Any]:
    if shutil.which("pandoc") is None:
        pytest.fail("pandoc is not installed: apt-get install pandoc", pytrace=False)
    done = subprocess.run(["pandoc", "-f", "docx", "-t", "html5", "--wrap=none", str(path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return _html_reading(done.stdout)


def _mammoth(path: Path) -> dict[str, Any]:
    require_module("mammoth", "mammoth")
    import mammoth

    with path.open("rb") as handle:
        result = mammoth.convert_to_html(handle)
    return _html_reading(result.value)


@pytest.mark.parametrize("reader", [_pandoc, _mammoth], ids=["pandoc", "mammoth"])
def test_independent_readers_agree_with_python_docx(reader: Any,
                                                    outputs: dict[str, list[Path]]) -> None:
    for path in [*outputs["fixtures"], *outputs["starter"]]:
        ours, theirs = _python_docx_reading(path), reader(path)
        assert ours["headings"], path.name
        assert theirs["headings"] == ours["headings"], path.name
        assert theirs["cells"] == ours["cells"], path.name
        assert theirs["alt"] == ours["alt"], path.name
        if theirs["captions"] is not None:  # mammoth leaves table titles out
            assert theirs["captions"] == ours["captions"], path.name
        assert theirs["money"] == ours["money"], path.name
