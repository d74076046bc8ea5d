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

# -- generated content -----------------------------------------------------------------------
#: Rows one generated table may ask for (`[table: high_cost_placements N]`; a real appendix:
#: a few thousand). Lowered from 100,000 (issue 24): a table that long took 18 s and 2.1 GB
#: to render, and made a document.xml past MAX_DOCX_PART_BYTES, which the checks then refused
#: to read; 20,000 rows still took 22 s and 960 MB on a loaded machine, 10,000 rows (an 11 MB
#: document.xml) about half that (benchmarks/data_limits.py).
MAX_TABLE_ROWS = 10_000

# -- error messages --------------------------------------------------------------------------
#: Characters a quoted value may take in an error message before it is cut.
MAX_QUOTED_CHARS = 60

# -- Word files read (templates, appendices, documents in a pack) -----------------------------
#: Parts (zip entries) in one .docx (a 300-page report with 200 pictures: ~260).
MAX_DOCX_PARTS = 2000
#: One part once inflated (a large document.xml: ~10 MB; a camera photo: ~12 MB).
MAX_DOCX_PART_BYTES = 32 * MiB
#: All parts of one .docx once inflated (so a zip bomb is refused before anything inflates).
MAX_DOCX_UNPACKED_BYTES = 128 * MiB

# -- the template sandbox (reportgen/sandbox.py): narrative, texts and Word templates --------
#: Characters of any text, or items of any list, one template operation may build.
MAX_TEXT_LENGTH = 100_000
#: Digits of any whole number a template computes (the largest real figure has 10).
MAX_NUMBER_DIGITS = 100
#: Width or padding in center, indent, wordwrap, format and %-format (a real one: 80).
MAX_WIDTH = 1_000
#: Loop iterations of one render, all loops together (a real report: a few hundred).
MAX_LOOP_ITERATIONS = 100_000
#: Operations (calls, filters, operators, look-ups) of one render (a real report: ~10,000).
MAX_TEMPLATE_STEPS = 2_000_000
#: Characters and items built, printed, compared, sorted or looked up by all operations of one
#: render together. A value is measured deep and before the work is done: a tuple repeating one
#: long string weighs the string times the repeats, whether it is printed, formatted,
#: repeated, compared or turned into JSON.
MAX_TEMPLATE_CHARS = 20_000_000
#: Characters one render may output (a real document.xml with big tables: ~5 million).
MAX_OUTPUT_CHARS = 50_000_000
#: Calls of block functions (section(…), checkbox(…) …) in one render (a real template: ~20).
MAX_BLOCK_CALLS = 200
#: Brackets, blocks and operators nested inside each other in one text or template.
MAX_NESTING = 30
#: Macros, recursive loops and block functions called inside each other.
MAX_CALL_DEPTH = 30

# -- the whole command (reportgen/budget.py) -------------------------------------------------
#: Seconds one command may take to load, fill in, check and write one report, all stages
#: sharing one deadline: a backstop behind the counts (a real report: 1 to 3 s; a 100,000-row
#: data set with a 5,000-row appendix: about 10 s on a loaded 2-core machine).
MAX_COMMAND_SECONDS = 60
#: Characters of narrative one report may hold, all sections together (a 30-page committee
#: report has about 90,000; the 2 MiB YAML limit would let 2 million through, which the
#: narrative parser and the checks cannot read within the time above: 500,000 characters of
#: numbers took 18 s to check on a loaded machine, benchmarks/data_limits.py).
MAX_NARRATIVE_CHARS = 200_000

# -- bounded inputs (reportgen/inputs.py, yamlload, data readers) ----------------------------
#: Values (scalars, lists, mappings) one YAML file may expand to, aliases counted each time
#: they are used (a real report.yaml has ~500; a 1.2 KB alias bomb would make billions).
MAX_YAML_NODES = 100_000
#: Nesting depth of lists and mappings in a YAML file (a real report.yaml nests 4 deep).
MAX_YAML_DEPTH = 64
#: Characters of one data cell: Excel's own limit for a cell (32,767).
MAX_CELL_CHARS = 32_767
#: Cells (rows × columns of the used range) of one data file (100,000 placements: 1.1 million).
#: Lowered from 5 million (issue 24): the whole pipeline could not carry that many in a
#: command's time; at 2 million a CSV or .xlsx reads in seconds (benchmarks/data_limits.py).
MAX_DATA_CELLS = 2_000_000
#: Rows of an .xlsx worksheet's used range (Excel allows 1,048,576).
MAX_XLSX_ROWS = 1_000_000
#: Columns of an .xlsx worksheet's used range (Excel allows 16,384; real files use under 40).
MAX_XLSX_COLUMNS = 1_000
#: Bytes an .xlsx workbook may inflate to, all parts together (100,000 placements: ~60 MB).
MAX_XLSX_UNCOMPRESSED_BYTES = 400 * MiB
#: Parts (zip members) of an .xlsx workbook (a real one has 10 to 30).
MAX_XLSX_MEMBERS = 10_000
#: Characters of one error line before it is cut (a quoted value is cut far sooner).
MAX_ERROR_CHARS = 1_000
#: Pounds in one money cell (£1 trillion: more than the UK government spends in a year).
MAX_MONEY_POUNDS = 1_000_000_000_000
#: Bytes of one line of a CSV file (a real row is under 1 KB; the cell limit is far less).
MAX_ROW_BYTES = 1 * MiB

# -- web pages (reportgen.publish) ------------------------------------------------------------
#: A house style's html.css (GOV.UK's whole frontend stylesheet is about 120 KB).
MAX_HTML_CSS_BYTES = 512 * 1024
#: Tables and content controls nested inside one another in a document made into a web page.
MAX_HTML_NESTING = 32

# -- dates (reportgen/dates.py) --------------------------------------------------------------
#: Characters of a written date, time included ("Wednesday 28th September, 2016 00:00:00.000").
MAX_DATE_CHARS = 64

# -- disclosure control (reportgen/disclosure) ------------------------------------------------
#: Search steps the disclosure solver may take on one document's published facts before it
#: gives up and treats the cells as unsafe (a council's by-type table: a few hundred steps).
MAX_DISCLOSURE_SOLVER_STEPS = 200_000
#: Hidden cells the disclosure solver enumerates jointly (more are judged by bounds alone).
MAX_DISCLOSURE_SOLVER_CELLS = 12

# --- report forms (body sections, issue 16) -------------------------------------------------
#: Sections a report.yaml body may list, counting sub-sections (a report has a few dozen).
MAX_BODY_SECTIONS = 500
#: How deep sub-sections may nest under a body section (heading levels left for narrative).
MAX_BODY_DEPTH = 3
#: Abbreviations a report.yaml may declare for the figure checker (a report uses a dozen).
MAX_ABBREVIATIONS = 200

# -- indicators and SSDA903 episodes (reportgen/data/indicators.py, episodes.py) ------------
#: Rows of an indicators file (a council's scorecard with every comparator: a few thousand).
MAX_INDICATOR_ROWS = 200_000
#: Episodes of one SSDA903 file (a large council's return: about 10,000 episodes a year).
MAX_EPISODES = 500_000
#: Measures, areas or periods one [table: indicators …] directive may select.
MAX_INDICATOR_SELECTION = 200

# -- links in documents (reportgen/render/finish.py) ------------------------------------------
#: Characters of a web address made a link (longer ones stay text: no real page needs more).
MAX_LINKED_URL_CHARS = 2_000

# -- the figure checker (reportgen/checks/reading.py) ----------------------------------------
#: Characters of one sentence the checker reads as a whole (a real one: under 600); a longer
#: run is read in pieces of this size, so a hostile narrative costs time linear in its length.
MAX_SENTENCE_CHARS = 1_000
#: Numbers typed in the narrative the figure checker judges, all sections together (a real
#: report types a few hundred); the rest are reported "not checked" in one warning, so a
#: narrative of nothing but numbers costs bounded time.
MAX_CHECKED_NUMBERS = 3_000
#: Seconds the figure checker may read for, within the command's own budget; what it has not
#: reached by then is reported "not checked" (a backstop behind MAX_CHECKED_NUMBERS).
MAX_CHECK_SECONDS = 15
