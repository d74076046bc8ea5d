"""Data at the limits: the largest CSV and .xlsx the limits allow, and the longest table, read
within the command's budget (issue 24).

Every figure is a whole child process timed from outside, its peak memory (max RSS) taken from
the operating system's accounting of the finished child (what ``/usr/bin/time -v`` prints),
and each is printed with its ratio to a baseline measured in the same run, one after the
other: ``python -c "import pandas"`` (the import floor every reader pays). The targets are
absolute: under 10 s and 1 GiB on this machine (issue 24). The generated files are written to
a temporary folder at run time (nothing is committed):

* a placements CSV of MAX_DATA_CELLS cells (the cell limit, which binds before the 200 MB one);
* an .xlsx of MAX_DATA_CELLS cells, written as Excel writes one (shared strings, date cells
  with a date style), read by reportgen's reader, and by pandas with each engine, openpyxl
  and calamine (the comparison behind the README's choice);
* a bundle of 100,000 placements whose narrative asks for a table of MAX_TABLE_ROWS rows,
  rendered whole;
* a narrative of numbers at MAX_NARRATIVE_CHARS, checked whole.

    python benchmarks/data_limits.py [--only csv,xlsx,engines,table,narrative] [--repeats N]
                                     [--code OTHER_CHECKOUT]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import make_bundle, placements_frame  # noqa: E402

from reportgen import limits  # noqa: E402
from reportgen.data.xlsxscan import column_letters  # noqa: E402

#: The checkout whose reportgen the children run (--code: another, to measure "before").
CODE = ROOT
TARGET_SECONDS = 10.0
TARGET_BYTES = 1024 ** 3


@dataclass
class Run:
    seconds: float
    peak_bytes: int
    code: int
    tail: str


def child_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(CODE), "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    env.pop("REPORTGEN_DEBUG", None)
    return env


def run_child(argv: list[str]) -> Run:
    """One child process: wall seconds, and its peak RSS from wait4 (the kernel's own)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=child_env(), cwd=CODE)
    out = proc.stdout.read() if proc.stdout else b""
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = out.decode("utf-8", "replace").strip().splitlines()
    return Run(seconds, usage.ru_maxrss * 1024, proc.returncode, text[-1] if text else "")


def median(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[len(ordered) // 2]


def measure(name: str, argv: list[str], floor: list[str], repeats: int) -> None:
    """``argv`` and the floor in turn, ``repeats`` times; print medians, ratio and targets."""
    ours: list[Run] = []
    base: list[Run] = []
    for _ in range(repeats):
        ours.append(run_child(argv))
        base.append(run_child(floor))
    a, b = median(ours), median(base)
    ok = a.seconds < TARGET_SECONDS and a.peak_bytes < TARGET_BYTES
    print(f"{name:<44} {a.seconds:7.2f} s {a.peak_bytes / 2**20:7.0f} MiB   "
          f"floor {b.seconds:5.2f} s ({a.seconds / b.seconds:5.1f} x)   "
          f"{'pass' if ok else 'MISS'} (< {TARGET_SECONDS:g} s, < 1 GiB)   exit {a.code}: "
          f"{a.tail[:90]}", flush=True)


# -- generated files ----------------------------------------------------------------------

AS_AT = date(2010, 8, 31)


def placements_rows_at_cell_limit(columns: int) -> int:
    # The header is a row too; the CSV reader's own count is commas + lines, so one fewer.
    return limits.MAX_DATA_CELLS // columns - 2


def write_csv(path: Path) -> int:
    frame = placements_frame(1, AS_AT)
    rows = placements_rows_at_cell_limit(len(frame.columns))
    placements_frame(rows, AS_AT).to_csv(path, index=False, float_format="%.2f",
                                         lineterminator="\n")
    return rows


def write_xlsx(path: Path) -> int:
    """An .xlsx as Excel writes one: text in the shared-strings table, numbers as numbers,
    dates as serial numbers with a date style; MAX_DATA_CELLS cells."""
    frame = placements_frame(1, AS_AT)
    rows = placements_rows_at_cell_limit(len(frame.columns))
    frame = placements_frame(rows, AS_AT)
    strings: dict[str, int] = {}

    def sst(text: str) -> int:
        return strings.setdefault(text, len(strings))

    epoch = date(1899, 12, 30).toordinal()
    letters = [column_letters(i + 1) for i in range(len(frame.columns))]
    dates = {"start_date", "end_date"}
    numbers = {"weekly_cost", "health_contribution", "education_contribution"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/></Types>'))
        book.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        book.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Placements" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        book.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>'))
        book.writestr("xl/styles.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" '
            'borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" '
            'xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'))
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                        b'2006/main"><sheetData>')
            header = "".join(f'<c r="{c}1" t="s"><v>{sst(name)}</v></c>'
                             for c, name in zip(letters, frame.columns, strict=True))
            sheet.write(f'<row r="1">{header}</row>'.encode())
            columns = [frame[name].tolist() for name in frame.columns]
            kinds = ["d" if n in dates else "n" if n in numbers else "s" for n in frame.columns]
            chunk: list[str] = []
            for i in range(rows):
                r = i + 2
                cells = []
                for c, kind, values in zip(letters, kinds, columns, strict=True):
                    value = values[i]
                    if value == "" or value is None:
                        continue
                    if kind == "n":
                        cells.append(f'<c r="{c}{r}"><v>{value}</v></c>')
                    elif kind == "d":
                        serial = date.fromisoformat(value).toordinal() - epoch
                        cells.append(f'<c r="{c}{r}" s="1"><v>{serial}</v></c>')
                    else:
                        cells.append(f'<c r="{c}{r}" t="s"><v>{sst(str(value))}</v></c>')
                chunk.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(chunk) == 5000:
                    sheet.write("".join(chunk).encode())
                    chunk = []
            sheet.write("".join(chunk).encode())
            sheet.write(b"</sheetData></worksheet>")
        items = "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        book.writestr("xl/sharedStrings.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{items}</sst>'))
    return rows


def write_narrative_bundle(target: Path) -> None:
    """The smallest fixture with a narrative of numbers just under MAX_NARRATIVE_CHARS."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "fixtures" / "harrow-2016-high-cost-placements", target)
    report = target / "report.yaml"
    text = report.read_text(encoding="utf-8")
    room = limits.MAX_NARRATIVE_CHARS - 20_000
    words = " ".join(f"£{(i * 7919) % 99999:,}" for i in range(room // 8))[:room]
    lines = "\n".join("    " + words[i:i + 100] for i in range(0, len(words), 100))
    report.write_text(text.replace("  summary: |\n", f"  summary: |\n{lines}\n\n", 1),
                      encoding="utf-8")


# -- the figures ---------------------------------------------------------------------------

FLOOR = [sys.executable, "-c", "import pandas"]


def read_table_argv(path: Path) -> list[str]:
    code = ("import sys; from reportgen.data.readers import read_table; "
            "f = read_table(sys.argv[1]); print(len(f), 'rows read')")
    return [sys.executable, "-c", code, str(path)]


def pandas_engine_argv(path: Path, engine: str) -> list[str]:
    code = ("import sys, pandas as pd; "
            "f = pd.read_excel(sys.argv[1], header=None, dtype=object, engine=sys.argv[2]); "
            "print(len(f), 'rows read by', sys.argv[2])")
    return [sys.executable, "-c", code, str(path), engine]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="csv,xlsx,engines,table,narrative")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the checkout to measure (default: this one)")
    args = parser.parse_args(argv)
    global CODE
    CODE = args.code.resolve()
    only = set(args.only.split(","))
    print(f"limits: {limits.MAX_DATA_CELLS:,} cells, {limits.MAX_TABLE_ROWS:,} table rows, "
          f"{limits.MAX_NARRATIVE_CHARS:,} narrative characters; load "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory(prefix="reportgen-limits-") as tmp:
        folder = Path(tmp)
        if "csv" in only:
            csv_path = folder / "placements.csv"
            rows = write_csv(csv_path)
            print(f"CSV: {rows:,} rows, {csv_path.stat().st_size / 2**20:.0f} MiB", flush=True)
            measure("read_table, CSV at the cell limit", read_table_argv(csv_path), FLOOR,
                    args.repeats)
        if only & {"xlsx", "engines"}:
            xlsx_path = folder / "placements.xlsx"
            rows = write_xlsx(xlsx_path)
            print(f".xlsx: {rows:,} rows, {xlsx_path.stat().st_size / 2**20:.0f} MiB",
                  flush=True)
            if "xlsx" in only:
                measure("read_table, .xlsx at the cell limit", read_table_argv(xlsx_path),
                        FLOOR, args.repeats)
            if "engines" in only:
                for engine in ("calamine", "openpyxl"):
                    measure(f"pandas.read_excel, engine={engine}",
                            pandas_engine_argv(xlsx_path, engine), FLOOR, 1)
        if "table" in only:
            # 100,000 placements (the largest council's), the longest table the limit allows
            bundle = make_bundle(folder / "table-bundle", rows=100_000,
                                 appendix_rows=limits.MAX_TABLE_ROWS)
            out = folder / "table.docx"
            measure(f"render, a {limits.MAX_TABLE_ROWS:,}-row table",
                    [sys.executable, "-m", "reportgen", "render", str(bundle), "-o", str(out),
                     "--force"], FLOOR, args.repeats)
        if "narrative" in only:
            bundle = folder / "narrative-bundle"
            write_narrative_bundle(bundle)
            measure(f"check, {limits.MAX_NARRATIVE_CHARS:,} characters of numbers",
                    [sys.executable, "-m", "reportgen", "check", str(bundle)], FLOOR,
                    args.repeats)
    return 0


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.exit(main(sys.argv[1:]))
