"""Issue 15: one disclosure decision a document, and each case the issue found, caught.

Every test here failed before the disclosure package: the case it names was either printed
or passed ``reportgen check``.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from docx import Document

from reportgen import disclosure
from reportgen.checks import DocTable, DocxView, run_checks
from reportgen.checks.disclosure import identifier_findings
from reportgen.checks.tables import check_table_totals
from reportgen.cli import cli
from reportgen.disclosure.periods import period_reveals
from reportgen.errors import ReportgenError
from reportgen.metrics import Flows, Keyed, Metrics, PlacementMetrics, TypeSummary
from reportgen.periods import parse_period
from reportgen.pipeline import load_report, render
from reportgen.render.tables import TableOptions, placements_by_type_table
from tests.helpers import FIXTURES, document_text, edit_yaml

HARROW = FIXTURES / "harrow-2016-high-cost-placements"


def summaries(counts: dict[str, int], cost: float = 1000.0) -> list[TypeSummary]:
    return [TypeSummary(k, k.replace("_", " ").capitalize(), n, n * cost, cost, n * cost * 52)
            for k, n in counts.items()]


def placement_metrics(counts: dict[str, int], flows: Flows | None = None,
                      period: str | None = None, as_at: date | None = None) -> Metrics:
    from reportgen.metrics import placements_total

    items = summaries(counts)
    p = PlacementMetrics(as_at, Keyed(items, lambda s: s.placement_type),
                         placements_total(items), (), None, flows=flows)
    return Metrics(parse_period(period) if period else None, as_at, p, None, None)


def harrow_copy(tmp_path: Path, narrative: str | None = None) -> Path:
    target = tmp_path / "harrow"
    shutil.copytree(HARROW, target)
    if narrative is not None:
        edit_yaml(target, lambda d: d["sections"].__setitem__("summary", narrative))
    return target


def findings(bundle: Path) -> list[str]:
    loaded = load_report(bundle)
    return [f.rule for f in run_checks(loaded, render(loaded)) if f.severity == "error"]


# --------------------------------------------------------------------------- Harrow's top-N


def test_harrow_top_table_no_longer_lists_the_secure_placements() -> None:
    result = render(load_report(HARROW))
    table = result.tables["table high_cost_placements 20"]
    assert len(table.rows) == 20  # filled from the next costliest
    assert all(row[1] != "Secure" for row in table.rows)
    assert [row[0] for row in table.rows] == [str(i) for i in range(1, 21)]
    assert "are not listed" in (table.note or "")
    text = document_text(result.docx)
    assert "8,471" not in text and "7,856" not in text  # the two secure weekly costs


def test_top_table_is_unchanged_in_a_report_that_is_not_public(tmp_path: Path) -> None:
    bundle = harrow_copy(tmp_path)
    edit_yaml(bundle, lambda d: d.setdefault("settings", {}).__setitem__("public", "no"))
    table = render(load_report(bundle)).tables["table high_cost_placements 20"]
    assert [row[1] for row in table.rows[:2]] == ["Secure", "Secure"]


# --------------------------------------------------------------------------- symbols, totals


def test_secondary_count_of_8_is_not_labelled_fewer_than_5() -> None:
    metrics = placement_metrics({"secure": 2, "residential": 8, "ifa": 20, "kinship": 30})
    spec = placements_by_type_table(metrics, TableOptions("£", True, 5, 20))
    rows = {row[0]: row[1] for row in spec.rows}
    assert rows["Secure"] == "c" and rows["Residential"] == "c"
    assert "fewer than" not in " ".join(" ".join(r) for r in spec.rows)
    assert spec.total is not None and spec.total[1] == "60"
    assert spec.legend and "c = confidential" in spec.legend


def test_two_hidden_ones_with_a_total_hide_a_third_cell() -> None:
    # 1 + 1 = 2: with the total shown both would be known, so a third count is hidden.
    reasons, total_hidden = disclosure.decide_counts([1, 1, 20, 30], 5)
    assert reasons == ["primary", "primary", "secondary", ""] and not total_hidden


def test_alt_text_does_not_state_the_total_when_every_category_is_hidden(tmp_path: Path) -> None:
    bundle = harrow_copy(tmp_path, "[chart: placements_by_type]")
    csv = bundle / "data" / "placements.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")  # 3 children
    result = render(load_report(bundle))
    alt = result.charts["chart placements_by_type"].alt_text
    assert "In total 3" not in alt and "3 children" not in alt
    assert "The total is not shown." in alt


def test_generated_by_type_table_with_a_suppressed_row_passes_the_total_check(
        tmp_path: Path) -> None:
    result = render(load_report(harrow_copy(tmp_path, "[table: placements_by_type]")))
    spec = result.tables["table placements_by_type"]
    rows = [[c.header for c in spec.columns], *map(list, spec.rows), list(spec.total or ())]
    assert check_table_totals(DocTable(1, rows, True, spec.caption)) == []
    assert "figures.table-total" not in findings(harrow_copy(tmp_path / "b",
                                                             "[table: placements_by_type]"))


def test_table_total_still_fails_when_shown_rows_exceed_it() -> None:
    rows = [["Placement type", "Annual cost (£)"], ["Secure", "c"], ["IFA", "500,000"],
            ["Total", "400,000"]]
    [finding] = check_table_totals(DocTable(1, rows, True, None), ("c",))
    assert finding.rule == "figures.table-total"


def test_symbols_are_configurable_per_council(tmp_path: Path) -> None:
    bundle = harrow_copy(tmp_path, "[table: placements_by_type]")
    edit_yaml(bundle, lambda d: d.setdefault("settings", {}).__setitem__(
        "symbols", {"confidential": "[c]"}))
    spec = render(load_report(bundle)).tables["table placements_by_type"]
    assert dict((r[0], r[1]) for r in spec.rows)["Secure"] == "[c]"
    assert spec.legend and spec.legend.startswith("Symbols: [c] = confidential")


# --------------------------------------------------------------------------- narrative names


def test_narrative_names_print_a_hidden_count_as_its_symbol(tmp_path: Path) -> None:
    bundle = harrow_copy(tmp_path, "Secure: {{ placements.by_type.secure.count }}; "
                                   "{{ placements.by_type.secure.count | number }}; "
                                   "residential {{ placements.by_type.residential.count }}.")
    result = render(load_report(bundle))
    assert result.sections["summary"] == "Secure: c; c; residential 20."


def test_arithmetic_on_a_hidden_count_is_an_error(tmp_path: Path) -> None:
    bundle = harrow_copy(tmp_path, "{{ (placements.by_type.secure.count / "
                                   "placements.total.count * 100) | round(1) }}%")
    with pytest.raises(ReportgenError, match="is not shown in a public report"):
        render(load_report(bundle))


@pytest.mark.parametrize("phrase", [
    "6.7% are in secure placements (of 30).",
    "1.4% of our children are in secure placements.",
    "Secure placements this quarter: 2.",
    "2 of our children are placed in secure units.",
    "Secure placements cost £13,010 a week in total, an average of £6,505 each.",
])
def test_every_phrasing_of_a_hidden_count_fails_check(tmp_path: Path, phrase: str) -> None:
    rules = set(findings(harrow_copy(tmp_path, phrase)))
    assert rules & {"disclosure.revealed-count", "disclosure.small-count"}, rules


def test_harrow_as_shipped_passes() -> None:
    assert findings(HARROW) == []


# --------------------------------------------------------------------------- identifiers


def _child_data() -> pd.DataFrame:
    return pd.DataFrame({"reference": ["ROT-0005"], "child_name": ["Jayden Smith"],
                         "date_of_birth": [pd.Timestamp("2009-03-06")]})


@pytest.mark.parametrize("text, column", [
    ("Jay\u00adden Smith moved.", "child_name"),
    ("Jayden\u200b Smith moved.", "child_name"),
    ("\u202eJayden Smith\u202c moved.", "child_name"),
    ("Smith, Jayden moved.", "child_name"),
    ("Ｊａｙｄｅｎ Ｓｍｉｔｈ moved.", "child_name"),
    ("born on the 6th of March 2009", "date_of_birth"),
    ("born March 6th, 2009", "date_of_birth"),
    ("Placement ROT\u20110005 was reviewed.", "reference"),
])
def test_identifier_survives_no_normalisation(text: str, column: str) -> None:
    [finding] = identifier_findings(_child_data(), text, "data/placements.csv")
    assert f"child's {column}" in finding.message


def _docx_with_everywhere(secret: str) -> bytes:
    """A .docx whose body is clean but whose alt text, caption, core and custom properties
    and a w:noBreakHyphen reference carry identifiers."""
    from PIL import Image

    doc = Document()
    doc.add_paragraph("Nothing to see here.")
    png = io.BytesIO()
    Image.new("RGB", (4, 4)).save(png, "PNG")
    png.seek(0)
    doc.add_picture(png)
    doc.add_paragraph("Figure 1", style="Caption")
    doc.core_properties.subject = secret
    out = io.BytesIO()
    doc.save(out)
    data = out.getvalue()
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/document.xml":
                text = body.decode("utf-8")
                text = text.replace('descr=""', f'descr="Photo of {secret}"', 1)
                if 'descr="Photo' not in text:
                    text = text.replace("<wp:docPr ", f'<wp:docPr descr="Photo of {secret}" ', 1)
                text = text.replace("Figure 1</w:t>",
                                    "Figure 1 ROT</w:t><w:noBreakHyphen/><w:t>0005</w:t>", 1)
                body = text.encode("utf-8")
            dst.writestr(item, body)
        dst.writestr("docProps/custom.xml",
                     '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/'
                     'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxml'
                     'formats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505'
                     '-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Child"><vt:lpwstr>6 March '
                     '2009</vt:lpwstr></property></Properties>')
    return buf.getvalue()


def test_checker_reads_alt_text_captions_properties_and_word_hyphens() -> None:
    view = DocxView.from_bytes(_docx_with_everywhere("Jayden Smith"))
    assert "Jayden Smith" not in view.full_text.replace("Photo of", "")
    found = {f.message.split("child's ")[1].split(" ")[0]
             for f in identifier_findings(_child_data(), view.reader_text, "data.csv")}
    assert found == {"reference", "child_name", "date_of_birth"}


# --------------------------------------------------------------------------- packs, periods


def test_part_one_item_whose_bundle_is_not_public_is_an_error(tmp_path: Path) -> None:
    from reportgen.agenda import load_agenda
    from reportgen.errors import ReportgenErrors
    from reportgen.pack import build_packs
    from tests.test_pack import copy_fixtures

    agenda_path = copy_fixtures(tmp_path)
    edit_yaml(tmp_path / "rotherham-2010-commissioning",
              lambda d: d.setdefault("settings", {}).__setitem__("public", "no"))
    with pytest.raises((ReportgenError, ReportgenErrors), match="settings.public: no"):
        build_packs(load_agenda(agenda_path))


def test_difference_between_quarters_reveals_a_hidden_flow() -> None:
    # Q1 ends with 140 placed; Q2 ends with 149 after 12 started and 3 ended: the 3 is
    # hidden in Q2's report, but 140 + 12 − 149 gives it away.
    q1 = placement_metrics({"ifa": 70, "residential": 70}, period="2016/17 Q1",
                           as_at=date(2016, 6, 30))
    flows = Flows(date(2016, 7, 1), date(2016, 9, 30), started=12, ended=3)
    q2 = placement_metrics({"ifa": 75, "residential": 74}, flows=flows, period="2016/17 Q2",
                           as_at=date(2016, 9, 30))
    [reveal] = period_reveals(q1, q2, 5)
    assert (reveal.period, reveal.cell) == ("2016/17 Q2", "flows.ended")
    # With the start hidden too, 12 − 3 = 9 has many splits: nothing is revealed.
    both = Flows(date(2016, 7, 1), date(2016, 9, 30), started=4, ended=3)
    q2b = placement_metrics({"ifa": 71, "residential": 70}, flows=both, period="2016/17 Q2",
                            as_at=date(2016, 9, 30))
    assert period_reveals(q1, q2b, 5) == []


def test_check_command_compares_periods() -> None:
    result = CliRunner().invoke(cli, ["check", str(HARROW), "--compare-period", "2016/17-Q2"])
    assert result.exit_code == 0, result.output
    assert "no problems found" in result.output
