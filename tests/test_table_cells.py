"""No table cell of a report is left empty: a figure the data do not hold shows "x" (not
available) with the legend, a Total row is labelled, and what an officer has not given
yet says so. An empty cell reads as a gap in the table, and a tagged PDF exports it as an
empty paragraph that a screen reader stops on (outloud TAG-020)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

from reportgen.disclosure import Symbols
from reportgen.pipeline import load_report, render
from reportgen.render.tables import _money_cells
from reportgen.styles import builtin_style_names

from .helpers import FIXTURES, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
BUNDLES = sorted(p for p in FIXTURES.iterdir() if (p / "report.yaml").is_file())


def _tables(data: bytes) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(data))
    return [[["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in tr.findall(qn("w:tc"))]
             for tr in tbl.iter(qn("w:tr"))] for tbl in document.element.body.iter(qn("w:tbl"))]


def test_no_generated_table_of_any_fixture_has_an_empty_cell() -> None:
    seen = 0
    for bundle in BUNDLES:
        loaded = load_report(bundle)
        for style in builtin_style_names():
            result = render(loaded, style)
            for spec in result.tables.values():
                seen += 1
                cells = [c for row in (*spec.rows, *([spec.total] if spec.total else []))
                         for c in row]
                assert all(c.strip() for c in cells), (bundle.name, style, spec.name)
    assert seen


def test_a_savings_total_row_is_labelled_in_its_area_column() -> None:
    """With several areas the Total row's first cell is "Total" (the label the checker reads
    a Total row by) and its Measure cell says it covers them all."""
    spec = next(s for s in render(load_report(HARROW)).tables.values() if s.name == "savings")
    assert [c.header for c in spec.columns][:2] == ["Area", "Measure"]
    assert spec.total is not None and spec.total[:2] == ("Total", "All measures")


def test_a_money_figure_the_data_do_not_hold_shows_not_available() -> None:
    symbols = Symbols(not_available="[x]")
    assert _money_cells([None, 1234.0], "£", symbols) == ["[x]", "1,234"]


def _rendered(tmp_path: Path, change: Any, style: str) -> bytes:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    edit_yaml(bundle, change)
    return render(load_report(bundle), style).docx


def test_a_clearance_still_to_be_signed_says_what_is_not_known_yet(tmp_path: Path) -> None:
    def pending(data: dict[str, Any]) -> None:
        data["clearance"] = [
            {"role": "chief_financial_officer", "status": "pending"},
            {"role": "monitoring_officer", "status": "not_required",
             "reason": "no legal implications"},
        ]

    rows = [row for table in _tables(_rendered(tmp_path, pending, "numbered-paragraphs"))
            for row in table]
    assert ["Not yet known", "on behalf of the Chief Financial Officer", "To be signed",
            "Not yet signed"] in rows
    assert ["\u2013", "Monitoring Officer", "Not required: no legal implications",
            "\u2013"] in rows


def test_a_directorate_not_given_shows_a_dash(tmp_path: Path) -> None:
    def without(data: dict[str, Any]) -> None:
        data["report"].pop("directorate", None)

    rows = [row for table in _tables(_rendered(tmp_path, without, "report-to-members"))
            for row in table]
    assert ["4", "Directorate:", "\u2013"] in rows
