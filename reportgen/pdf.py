"""PDF through LibreOffice (``soffice --headless --convert-to pdf``), tagged for PDF/UA.

Councils publish these PDFs, so they must meet the public-sector accessibility regulations:
LibreOffice's PDF export writes a structure tree (headings, tables with TH cells from
``w:tblHeader`` rows, figures with their alt text), the document title from the core
properties shown in the title bar, the language, and the PDF/UA identifier, when asked to.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError

INSTALL_HINT = (
    "LibreOffice is needed for PDF output but 'soffice' is not on the PATH: install it "
    "(Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui; Windows or macOS: "
    "https://www.libreoffice.org/download/) and try again"
)


# writer_pdf_Export options (LibreOffice 7.4+ reads them as JSON after the filter name):
# UseTaggedPDF writes the structure tree; PDFUACompliance adds the PDF/UA identifier, shows
# the document title rather than the file name, and makes the export check its own output.
PDF_EXPORT_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
}
PDF_FILTER = "pdf:writer_pdf_Export:" + json.dumps(PDF_EXPORT_OPTIONS, separators=(",", ":"))


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(docx: Path, pdf: Path, timeout: float = 180) -> Path:
    """Convert ``docx`` to ``pdf`` (written atomically), using a private LibreOffice profile so
    that a running LibreOffice or a locked user profile cannot block it."""
    from reportgen.fileio import write_atomic

    soffice = find_soffice()
    if soffice is None:
        raise ReportgenError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", PDF_FILTER, "--outdir", tmp, str(docx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise ReportgenError(f"LibreOffice did not finish converting within {timeout:.0f} s",
                                 file=docx) from None
        produced = Path(tmp, docx.with_suffix(".pdf").name)
        if done.returncode != 0 or not produced.is_file():
            detail = " ".join((done.stderr or done.stdout or "no output").split())[:300]
            raise ReportgenError(f"LibreOffice could not convert the document: {detail}",
                                 file=docx)
        write_atomic(pdf, finish_pdf(produced.read_bytes(), chart_alt_texts(docx)), force=True)
    return pdf


_WP_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def chart_alt_texts(docx: Path) -> list[str]:
    """The alt text of every native chart in ``docx``'s body, in document order."""
    import zipfile

    from reportgen.render.package import safe_xml

    with zipfile.ZipFile(docx) as z:
        root = safe_xml(z.read("word/document.xml"), docx, "word/document.xml")
    alts = []
    for inline in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/"
                            "wordprocessingDrawing}inline"):
        data = inline.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}"
                           "graphicData")
        doc_pr = inline.find(_WP_DOC_PR)
        if data is not None and data.get("uri") == _CHART_URI and doc_pr is not None:
            alts.append(doc_pr.get("descr") or "")
    return alts


#: An annotation flag (PDF 1.7, table 165): print the annotation with the page.
_PRINT_FLAG = 4


def finish_pdf(data: bytes, chart_alts: list[str] | None = None) -> bytes:
    """LibreOffice's PDF with what PDF/UA asks for and LibreOffice 7.4 leaves out:

    * the alt text of each native chart (``chart_alts``, in document order): LibreOffice 7.4
      tags a chart as a Figure but drops its ``wp:docPr/@descr`` on import, so the Figure has
      no /Alt (tests/test_real_clients.py shows it). The Figures without /Alt are the charts,
      in order; they are given theirs only when the counts agree, else left for the
      validators to report;
    * ``/Tabs /S`` on every page with annotations (tab through links in structure order:
      PDF/UA-1 7.18.3);
    * the Print flag on every link, so that the printed page and the screen agree;
    * the XMP title equal to the Info dictionary's /Title: LibreOffice 7.4 escapes an
      apostrophe twice in the XMP packet ("Children&amp;apos;s"), so a reader that takes the
      XMP title shows the escape; the Info title is the document's own.

    Saved with a deterministic ``/ID`` and nothing else changed (no producer, no dates), so
    the same document gives the same bytes."""
    import io

    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                annots = page.obj.get("/Annots")
                if not isinstance(annots, pikepdf.Array) or not len(annots):
                    continue
                page.obj.Tabs = pikepdf.Name.S
                for annot in annots:
                    if (isinstance(annot, pikepdf.Dictionary)
                            and annot.get("/Subtype") == pikepdf.Name.Link):
                        annot.F = int(annot.get("/F", 0)) | _PRINT_FLAG
            _agree_titles(pdf)
            if chart_alts:
                _chart_alts(pdf, chart_alts)
            out = io.BytesIO()
            pdf.save(out, deterministic_id=True)
    except pikepdf.PdfError as exc:
        raise ReportgenError(f"LibreOffice's PDF could not be read: {exc}") from None
    return out.getvalue()


def _figures_without_alt(pdf: Any) -> list[Any]:
    """The structure tree's Figure elements that have no /Alt, in structure order."""
    import pikepdf

    found: list[Any] = []
    tree = pdf.Root.get("/StructTreeRoot")
    stack = [tree.get("/K")] if isinstance(tree, pikepdf.Dictionary) else []
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > 1_000_000:  # a structure tree is far smaller; never loop on a cycle
            break
        if isinstance(node, pikepdf.Array):
            stack.extend(reversed(list(node)))
        elif isinstance(node, pikepdf.Dictionary):
            if node.get("/S") == pikepdf.Name.Figure and not str(node.get("/Alt", "")).strip():
                found.append(node)
            kids = node.get("/K")
            if kids is not None and node.get("/Type") != pikepdf.Name.MCR:
                stack.append(kids)
    return found


def _chart_alts(pdf: Any, alts: list[str]) -> None:
    import pikepdf

    figures = _figures_without_alt(pdf)
    if len(figures) != len(alts):
        return
    for figure, alt in zip(figures, alts, strict=True):
        figure.Alt = pikepdf.String(alt)


def _agree_titles(pdf: Any) -> None:
    """Set the XMP dc:title to the Info /Title where they differ (see :func:`finish_pdf`).
    Only that property is written: pikepdf is not recorded as the editor and no date is
    added, so the output stays byte-identical for the same input."""
    import pikepdf

    info = pdf.trailer.get("/Info")
    title = info.get("/Title") if isinstance(info, pikepdf.Dictionary) else None
    if not isinstance(title, pikepdf.String) or not str(title).strip():
        return
    wanted = str(title)
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        if meta.get("dc:title") != wanted:
            meta["dc:title"] = wanted
