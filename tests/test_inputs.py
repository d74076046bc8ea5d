"""Bounded reading of untrusted files (reportgen.inputs), YAML limits and safe error text."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pandas as pd
import pytest

from reportgen import limits
from reportgen.data import load_dataset
from reportgen.errors import ReportgenError, ReportgenErrors, quote
from reportgen.inputs import read_bytes, read_text
from reportgen.yamlload import load_yaml

from .helpers import FIXTURES

PLACEMENTS = FIXTURES / "harrow-2016-high-cost-placements" / "data" / "placements.csv"


def _within(seconds: float, work) -> object:  # type: ignore[no-untyped-def]
    """Run ``work`` in a thread; fail (rather than hang the suite) if it blocks."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box.get("value")


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ReportgenError) as info:
        _within(5, lambda: read_bytes(fifo, 100, "a YAML file"))
    assert info.value.message == "is a named pipe (FIFO), not a regular file"


def test_devices_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="is a device, not a regular file"):
        _within(5, lambda: read_bytes(Path("/dev/zero"), 100, "a YAML file"))
    with pytest.raises(ReportgenError, match="is a folder, not a file"):
        read_bytes(tmp_path, 100, "a YAML file")
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")
    with pytest.raises(ReportgenError, match="is a device"):
        _within(5, lambda: load_dataset(link, "placements"))


def test_limit_and_missing(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ReportgenError) as info:
        read_bytes(path, 100, "a YAML file")
    assert info.value.message == (
        "file is too large (101 bytes): the limit for a YAML file is 100 bytes")
    assert read_bytes(path, 101, "a YAML file") == b"x" * 101
    with pytest.raises(ReportgenError, match="file not found"):
        read_bytes(tmp_path / "nope", 10, "a YAML file")
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ReportgenError, match="not a UTF-8 text file"):
        read_text(path, 10, "a YAML file")


@pytest.mark.parametrize(("text", "message"), [
    ("a: &a [*a]\n", "line 1: an alias refers to a value that contains it"),
    ("a: " + "[" * 3000 + "]" * 3000 + "\n",
     f"line 1: lists and mappings are nested more than {limits.MAX_YAML_DEPTH} deep"),
    ("a: " + "{b: " * 500 + "x" + "}" * 500 + "\n",
     f"line 1: lists and mappings are nested more than {limits.MAX_YAML_DEPTH} deep"),
])
def test_yaml_limits(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportgenError) as info:
        load_yaml(path)
    assert info.value.message == message


def test_yaml_alias_bomb_stops_at_the_node_limit(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        lines.append(f"{chr(97 + level)}: &{chr(97 + level)} ["
                     + ", ".join([f"*{chr(96 + level)}"] * 9) + "]")
    path = tmp_path / "r.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size < 1300
    with pytest.raises(ReportgenError, match="expands to more than 100,000 values"):
        load_yaml(path)


def test_yaml_aliases_used_a_few_times_still_work(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text("a: &x [1, 2]\nb: *x\nc: *x\n", encoding="utf-8")
    data, _ = load_yaml(path)
    assert data == {"a": ["1", "2"], "b": ["1", "2"], "c": ["1", "2"]}


def test_quote_cuts_and_escapes() -> None:
    assert quote("a\x1b[31mb\x07\x9b\u202e") == "'a\\x1b[31mb\\x07\\x9b\\u202e'"
    long = quote("x" * 150_000_000)
    assert len(long) == limits.MAX_QUOTED_CHARS + 2 and long.endswith("\u2026'")
    assert quote("  two\n  lines ") == "'two lines'"


def test_error_line_is_escaped_and_bounded() -> None:
    error = ReportgenError("bad \x1b]0;title\x07 " + "y" * 5000, file="f\x1b.csv",
                           column="c\x1b")
    line = error.line()
    assert "\x1b" not in line and "\x07" not in line and "\\x1b" in line
    assert len(line) <= limits.MAX_ERROR_CHARS
    assert "\n" not in ReportgenError("one\ntwo").line()


def _placements(tmp_path: Path, header_extra: str = "", row_extra: str = "",
                **cells: str) -> Path:
    frame = pd.read_csv(PLACEMENTS, dtype=str, keep_default_na=False)
    for column, value in cells.items():
        frame.loc[0, column] = value
    text = frame.to_csv(index=False, lineterminator="\n")
    if header_extra:
        lines = text.splitlines()
        lines[0] += header_extra
        lines[1] += row_extra
        lines[2:] = [line + "," for line in lines[2:]]
        text = "\n".join(lines) + "\n"
    path = tmp_path / "placements.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_date_of_birth_is_never_quoted(tmp_path: Path) -> None:
    path = _placements(tmp_path, ",date_of_birth", ",31/02/2005")
    with pytest.raises(ReportgenError) as info:
        load_dataset(path, "placements")
    assert "31/02/2005" not in info.value.line()
    assert info.value.line().endswith(
        "row 2, column 'date_of_birth': impossible date (dates are read day first, as dd/mm/yyyy)")
    path = _placements(tmp_path, ",dob", ",1500-01-01")
    with pytest.raises(ReportgenError) as info:
        load_dataset(path, "placements")
    assert "1500" not in info.value.line()


def test_open_end_sentinel_and_far_dates(tmp_path: Path) -> None:
    frame = load_dataset(_placements(tmp_path, end_date="31/12/9999"), "placements")
    assert pd.isna(frame.iloc[0]["end_date"])  # continuing, as the column documents
    with pytest.raises(ReportgenError, match="outside the years 1678 to 2261"):
        load_dataset(_placements(tmp_path, start_date="9999-12-31"), "placements")


def test_money_bounds(tmp_path: Path) -> None:
    with pytest.raises(ReportgenError, match="amount too large for money"):
        load_dataset(_placements(tmp_path, weekly_cost="9" * 5000), "placements")
    with pytest.raises(ReportgenError, match="expected money"):
        load_dataset(_placements(tmp_path, weekly_cost="１２３"), "placements")
    frame = load_dataset(_placements(tmp_path, weekly_cost="£999,999,999,999"), "placements")
    assert frame.iloc[0]["weekly_cost"] == 999_999_999_999


def test_a_file_outside_the_bundle_is_never_quoted(tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("root:x:0:0:root:/root:/bin/bash\nx\n", encoding="utf-8")
    bundle = tmp_path / "bundle"
    (bundle / "data").mkdir(parents=True)
    link = bundle / "data" / "placements.csv"
    link.symlink_to(outside)
    with pytest.raises(ReportgenError) as info:
        load_dataset(link, "placements", root=bundle)
    lines = info.value.lines() if isinstance(info.value, ReportgenErrors) else [info.value.line()]
    assert all("root:x" not in line for line in lines)
    # The same file named from its own folder is quoted as before.
    with pytest.raises(ReportgenError) as info:
        load_dataset(outside, "placements", root=tmp_path)
    assert "root:x" in info.value.line()


def test_build_summary_gets_the_safe_line() -> None:
    # build.run_job records a failing job's error as exc.summary() in build-summary.json.
    error = ReportgenError("got '\x1b[31m'", file="a.csv", row=2, column="weekly_cost")
    assert error.summary() == "a.csv, row 2, column 'weekly_cost': got '\\x1b[31m'"
