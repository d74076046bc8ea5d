"""The bad-input corpus (every tests/bad_inputs/*.yaml) through the real CLI.

Every case must end with exit code 2, exactly the expected one-line message on stderr, no
traceback, and no output file written or changed (nor a temporary file left beside it).
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from openpyxl import Workbook

from reportgen.cli import main

from . import hostile_docx
from .helpers import FIXTURES, ROOT

CORPUS_DIR = Path(__file__).resolve().parent / "bad_inputs"
DEFAULT_BASE = "harrow-2016-high-cost-placements"
DEFAULT_ARGS = ["render", "{bundle}", "-o", "{out}"]
# Corpus files whose cases run isolated by default (hostile inputs: a fault must not take the
# test process down with it); any case can also say `isolate: true` or `isolate: false`.
ISOLATED_CORPORA = {"inputs.yaml", "sandbox.yaml", "template.yaml"}
# The bounds every isolated case must end within (issue 12): address space and processor
# time. The bound is CPU seconds, not wall time, so that a loaded machine (where a child waits
# for a core) does not fail a case that does bounded work; the wall-time limit is only a
# backstop against a child that hangs without computing.
ISOLATED_MEMORY_BYTES = 1024 * 1024 * 1024
ISOLATED_CPU_S = 10
ISOLATED_TIMEOUT_S = 300.0
# One file a class of bad input (cases.yaml holds the first corpus); each is a list of cases.
CASES: list[dict[str, Any]] = [
    {"isolate": corpus.name in ISOLATED_CORPORA, **case}
    for corpus in sorted(CORPUS_DIR.glob("*.yaml"))
    for case in yaml.safe_load(corpus.read_text(encoding="utf-8"))]


# -- generated files ----------------------------------------------------------------------

def _garbage(path: Path, spec: dict[str, Any]) -> None:
    # Deterministic bytes that are neither text nor a zip (every byte value, shuffled).
    path.write_bytes(bytes((i * 167 + 13) % 256 for i in range(4096)))


def _utf16(path: Path, spec: dict[str, Any]) -> None:
    text = (path.parent / spec["source"]).read_text(encoding="utf-8")
    path.write_bytes(text.encode("utf-16"))


def _xlsx(path: Path, spec: dict[str, Any]) -> None:
    """An .xlsx copy of a CSV, optionally with header cells merged (``merge: A1:B1``)."""
    with (path.parent / spec["source"]).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    if "merge" in spec:
        sheet.merge_cells(spec["merge"])
    book.save(path)


def _copy(path: Path, spec: dict[str, Any]) -> None:
    shutil.copyfile(path.parent / spec["source"], path)


def _huge(path: Path, spec: dict[str, Any]) -> None:
    """A file 5 MB over the reader's 200 MB limit, made sparse so it costs no disk space."""
    from reportgen.data.readers import DEFAULT_MAX_BYTES

    with path.open("wb") as handle:
        handle.write(b"reference,placement_type\n")
        handle.truncate(DEFAULT_MAX_BYTES + 5 * 1024 * 1024)


def _template(path: Path, spec: dict[str, Any]) -> None:
    """A Word template whose body is the given paragraphs (Jinja2 tags and all)."""
    doc = Document()
    for line in spec["text"].splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))


def _text(path: Path, spec: dict[str, Any]) -> None:
    path.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))


def _fifo(path: Path, spec: dict[str, Any]) -> None:
    """A named pipe with no writer: opening it for reading would block for ever."""
    path.unlink(missing_ok=True)
    os.mkfifo(path)


def _symlink(path: Path, spec: dict[str, Any]) -> None:
    """``path`` replaced by a link to ``target`` (e.g. /etc/passwd, /dev/zero)."""
    path.unlink(missing_ok=True)
    os.symlink(spec["target"], path)


def _folder(path: Path, spec: dict[str, Any]) -> None:
    path.unlink(missing_ok=True)
    path.mkdir()


def _xlsx_patched(path: Path, spec: dict[str, Any]) -> None:
    """An .xlsx copy of a CSV whose first worksheet's XML then has ``old`` replaced by
    ``new`` (with ``{repeat:N:TEXT}`` for TEXT N times): a far cell, a huge string... that
    openpyxl itself would refuse to write."""
    import re
    import zipfile

    plain = path.with_name(path.name + ".plain.xlsx")
    _xlsx(plain, spec)

    def expand(text: str) -> bytes:
        return re.sub(r"\{repeat:(\d+):([^}]*)\}", lambda m: m.group(2) * int(m.group(1)),
                      text).encode("utf-8")

    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                old = spec["old"].encode("utf-8")
                assert old in data, f"{spec['old']!r} not in the worksheet"
                data = data.replace(old, expand(spec["new"]), 1)
            target.writestr(info.filename, data)
    plain.unlink()


def _text_patched(path: Path, spec: dict[str, Any]) -> None:
    """The text file at ``path`` with ``old`` replaced by ``new``, where ``{repeat:N:TEXT}``
    is TEXT N times (a narrative too long to write out in the corpus)."""
    import re

    new = re.sub(r"\{repeat:(\d+):([^}]*)\}", lambda m: m.group(2) * int(m.group(1)),
                 spec["new"])
    text = path.read_text(encoding="utf-8")
    assert spec["old"] in text, f"{spec['old']!r} not in {path.name}"
    path.write_text(text.replace(spec["old"], new, 1), encoding="utf-8")


def _csv_cell(path: Path, spec: dict[str, Any]) -> None:
    """The CSV at ``path`` with one cell set to ``text`` repeated ``repeat`` times."""
    value = spec["text"] * int(spec.get("repeat", 1))
    _rewrite_csv(path, functools.partial(_set_cell, row=spec["row"], column=spec["column"],
                                         value=value))


def _csv_long_row(path: Path, spec: dict[str, Any]) -> None:
    """The CSV at ``path`` with one more row whose ``before`` and ``after`` frame a cell of
    ``size`` bytes, written in chunks so the test itself never holds it (a 150 MB cell)."""
    chunk = b"x" * (1024 * 1024)
    left = int(spec["size"])
    with path.open("ab") as handle:
        handle.write(spec["before"].encode("utf-8"))
        while left > 0:
            handle.write(chunk[:left])
            left -= len(chunk)
        handle.write(spec["after"].encode("utf-8") + b"\n")


def _filler(path: Path, spec: dict[str, Any]) -> None:
    """A YAML file of ``size`` bytes of comment lines (a file over the size limit)."""
    line = b"# " + b"x" * 97 + b"\n"
    with path.open("wb") as handle:
        for _ in range(int(spec["size"]) // len(line) + 1):
            handle.write(line)


def _nested(path: Path, spec: dict[str, Any]) -> None:
    """YAML with ``depth`` nested flow lists as the value of ``key`` after ``before``."""
    depth = int(spec["depth"])
    before = (path.parent / spec["source"]).read_text(encoding="utf-8") if "source" in spec \
        else ""
    path.write_text(before + f"{spec['key']}: " + "[" * depth + "]" * depth + "\n",
                    encoding="utf-8")


def _alias_bomb(path: Path, spec: dict[str, Any]) -> None:
    """The classic "billion laughs": nine levels, each alias used nine times (about 1 KB)."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, int(spec.get("levels", 9))):
        name, prev = chr(97 + level), chr(96 + level)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    before = (path.parent / spec["source"]).read_text(encoding="utf-8") if "source" in spec \
        else ""
    path.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")


MAKERS: dict[str, Callable[[Path, dict[str, Any]], None]] = {
    "garbage": _garbage,
    "utf16": _utf16,
    "xlsx": _xlsx,
    "copy": _copy,
    "huge": _huge,
    "template": _template,
    "text": _text,
    # -- template hygiene (tests/bad_inputs/template.yaml): hostile Word files -----------------
    "hostile_docx": lambda path, spec: hostile_docx.make(spec["hostile"], path),
    # -- end of template hygiene makers ------------------------------------------------------
    "fifo": _fifo,
    "symlink": _symlink,
    "folder": _folder,
    "xlsx_patched": _xlsx_patched,
    "csv_cell": _csv_cell,
    "text_patched": _text_patched,
    "nested": _nested,
    "alias_bomb": _alias_bomb,
    "csv_long_row": _csv_long_row,
    "filler": _filler,
}


# -- setting a case up --------------------------------------------------------------------

def _rewrite_csv(path: Path, change: Callable[[list[list[str]]], None]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    change(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _set_cell(rows: list[list[str]], row: int, column: str, value: str) -> None:
    rows[row - 1][rows[0].index(column)] = value


def _drop_column(rows: list[list[str]], column: str) -> None:
    at = rows[0].index(column)
    for row in rows:
        del row[at]


@dataclass
class Prepared:
    argv: list[str]
    out: Path
    expected: str
    exact: bool
    names: dict[str, str]


def prepare(case: dict[str, Any], tmp: Path) -> Prepared:
    """Copy the base bundle into ``tmp`` and apply the case's changes."""
    bundle = tmp / "bundle"
    shutil.copytree(FIXTURES / case.get("base", DEFAULT_BASE), bundle)
    names = {"bundle": str(bundle), "tmp": str(tmp), "data": str(bundle / "data"),
             "out": str(tmp / "out" / "report.docx")}
    (tmp / "out").mkdir()
    for name in case.get("delete", []):
        (bundle / name).unlink()
    for name, text in case.get("write", {}).items():
        (bundle / name).write_text(text, encoding="utf-8")
    for name, old, new in case.get("replace", []):
        target = bundle / name
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{case['name']}: '{old}' not in {name}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    for name, row, column, value in case.get("set_cell", []):
        _rewrite_csv(bundle / name, functools.partial(_set_cell, row=row, column=column,
                                                      value=str(value)))
    for name, column in case.get("drop_column", []):
        _rewrite_csv(bundle / name, functools.partial(_drop_column, column=column))
    for spec in case.get("make", []):
        MAKERS[spec["kind"]](bundle / spec["path"], spec)
    out = Path(names["out"])
    if "existing_output" in case:
        out.write_text(case["existing_output"], encoding="utf-8")
    argv = [str(a).format(**names) for a in case.get("args", DEFAULT_ARGS)]
    exact = "message" in case
    expected = str(case["message"] if exact else case["contains"]).format(**names)
    return Prepared(argv, out, expected, exact, names)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every entry in the output folder with its bytes (files) and modification time."""
    return {p.name: (p.read_bytes() if p.is_file() else b"", p.lstat().st_mtime_ns)
            for p in sorted(folder.iterdir())}


def run_in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``reportgen.cli.main`` as the console script does; return exit code and stderr."""
    capsys.readouterr()
    try:
        main(argv)
        code = 0
    except SystemExit as exc:
        code = int(exc.code) if isinstance(exc.code, int) else 1
    return code, capsys.readouterr().err


def check_outcome(prepared: Prepared, code: int, stderr: str,
                  before: dict[str, tuple[bytes, int]]) -> None:
    assert "Traceback" not in stderr
    assert code == 2, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    if prepared.exact:
        assert lines[0] == prepared.expected
    else:
        assert lines[0].startswith("error: ") and prepared.expected in lines[0]
    assert snapshot(prepared.out.parent) == before  # nothing written, changed or left behind


# -- the tests ----------------------------------------------------------------------------

def test_corpus_is_large_and_well_formed() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) >= 40
    assert len(set(names)) == len(names)
    for case in CASES:
        assert ("message" in case) != ("contains" in case), case["name"]
    assert sum(1 for c in CASES if c["isolate"]) >= 25


def _limit_child() -> None:
    """In the child, before exec: cap the address space (a runaway allocation then fails
    with MemoryError, or the kernel kills the child, instead of exhausting the machine) and
    the processor time (a runaway loop is killed by SIGXCPU, whatever the machine's load)."""
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (ISOLATED_MEMORY_BYTES, ISOLATED_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (ISOLATED_CPU_S, ISOLATED_CPU_S + 1))


def run_isolated(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``python -m reportgen`` in a child under 1 GB of address space and 10 s of CPU."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPENBLAS_NUM_THREADS": "1",
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    env.pop("REPORTGEN_DEBUG", None)
    try:
        done = subprocess.run([sys.executable, "-m", "reportgen", *argv], capture_output=True,
                              text=True, cwd=cwd, env=env, timeout=ISOLATED_TIMEOUT_S,
                              check=False, preexec_fn=_limit_child)
    except subprocess.TimeoutExpired:
        pytest.fail(f"did not finish within {ISOLATED_TIMEOUT_S:g} s of wall time")
    if done.returncode == -signal.SIGXCPU:
        pytest.fail(f"used more than {ISOLATED_CPU_S} s of processor time")
    return done.returncode, done.stderr


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(case: dict[str, Any], tmp_path: Path,
                   capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REPORTGEN_DEBUG", raising=False)
    monkeypatch.chdir(tmp_path)
    prepared = prepare(case, tmp_path)
    before = snapshot(prepared.out.parent)
    if case["isolate"]:
        code, stderr = run_isolated(prepared.argv, tmp_path)
    else:
        code, stderr = run_in_process(prepared.argv, capsys)
    check_outcome(prepared, code, stderr, before)


# A few cases again through a real `python -m reportgen` process: the console script's own
# error handling, with nothing of pytest's in between.
SUBPROCESS_CASES = ["yaml-syntax-error", "csv-non-numeric-money", "csv-binary-garbage",
                    "template-jinja-syntax-error", "path-output-exists"]


@pytest.mark.parametrize("name", SUBPROCESS_CASES)
def test_bad_input_through_a_real_process(name: str, tmp_path: Path) -> None:
    case = next(c for c in CASES if c["name"] == name)
    prepared = prepare(case, tmp_path)
    before = snapshot(prepared.out.parent)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("REPORTGEN_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "reportgen", *prepared.argv],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120,
                          check=False)
    check_outcome(prepared, done.returncode, done.stderr, before)


def test_pasted_control_characters_are_cleaned_not_fatal(tmp_path: Path) -> None:
    """Text pasted from Word carries control characters (its line break is a vertical tab);
    XML cannot hold them, so they are dropped rather than corrupting the document."""
    from reportgen.pipeline import load_report, render

    from .helpers import document_text

    bundle = tmp_path / "bundle"
    shutil.copytree(FIXTURES / DEFAULT_BASE, bundle)
    report = bundle / "report.yaml"
    text = report.read_text(encoding="utf-8")
    text = text.replace("council: Harrow Council", 'council: "Harrow\\x00 Council"')
    text = text.replace("title: High Costs Placements Monitoring Update",
                        'title: "High Costs\\vPlacements\\x07 Monitoring Update"')
    report.write_text(text, encoding="utf-8")
    loaded = load_report(bundle)
    assert loaded.bundle.council == "Harrow Council"
    assert loaded.bundle.report.title == "High Costs Placements Monitoring Update"
    words = document_text(render(loaded).docx)
    assert "High Costs Placements Monitoring Update" in words
