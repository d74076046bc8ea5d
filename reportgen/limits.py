"""Every limit reportgen puts on untrusted input, in one place.

Bundles, templates, agendas and manifests come from many people and run unattended on shared
servers, so every read and every piece of template work is bounded. A limit that is hit ends
in one ``ReportgenError`` line naming the file (or the narrative section) and the limit; the
README's "Reliability" section lists these numbers. Each value is generous for a real
committee paper (the largest real inputs are noted beside it) and small enough that a hostile
input cannot hold the machine for more than a few seconds or a few hundred megabytes.

Only constants live here: the code that enforces each limit imports it.
"""

from __future__ import annotations

MiB = 1024 * 1024

# -- files read -----------------------------------------------------------------------------
#: report.yaml, agenda.yaml, build.yaml, style.yaml, texts.yaml (a real report.yaml: ~20 KB).
MAX_YAML_BYTES = 2 * MiB
#: CSV data files (100,000 placements with every column: ~15 MB).
MAX_DATA_BYTES = 200 * MiB
#: A .docx template, appendix or report read into a pack, as stored on disk.
MAX_DOCX_BYTES = 100 * MiB

# -- template work ---------------------------------------------------------------------------
#: Characters a quoted value may take in an error message before it is cut.
MAX_QUOTED_CHARS = 60

# -- Word files read (templates, appendices, documents in a pack) -----------------------------
#: Parts (zip entries) in one .docx (a 300-page report with 200 pictures: ~260).
MAX_DOCX_PARTS = 2000
#: One part once inflated (a large document.xml: ~10 MB; a camera photo: ~12 MB).
MAX_DOCX_PART_BYTES = 32 * MiB
#: All parts of one .docx once inflated (so a zip bomb is refused before anything inflates).
MAX_DOCX_UNPACKED_BYTES = 128 * MiB

# -- disclosure control (reportgen/disclosure) ------------------------------------------------
#: Search steps the disclosure solver may take on one document's published facts before it
#: gives up and treats the cells as unsafe (a council's by-type table: a few hundred steps).
MAX_DISCLOSURE_SOLVER_STEPS = 200_000
#: Hidden cells the disclosure solver enumerates jointly (more are judged by bounds alone).
MAX_DISCLOSURE_SOLVER_CELLS = 12
