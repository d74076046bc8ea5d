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
        write_atomic(pdf, produced.read_bytes(), force=True)
    return pdf
