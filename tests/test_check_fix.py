"""``reportgen check --fix`` (reportgen/fix.py): typed figures become the expressions that
print them, and nothing else in report.yaml changes.

Every fixture bundle is tried in a hand-typed form made here (each figure expression of its
narrative replaced by what it prints), so that --fix has figures to change whatever a
fixture's own wording is; the hostile cases use a generated bundle whose figures are chosen
to be distinct (or, on purpose, equal).
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from reportgen.cli import cli
from tests.helpers import FIXTURES

BUNDLES = sorted(p.parent.name for p in FIXTURES.glob("*/report.yaml"))
# An expression that prints one figure on one line (the filters that write numbers).
_FIGURE_EXPRESSION = re.compile(
    r"\{\{[^{}\n]*?(?:\|\s*(?:money|number|percent|thousands)\b|\.count\s*\}\}|"
    r"\|\s*length\s*\}\})[^{}\n]*?\}\}")


def _produced(folder: Path) -> Any:
    from reportgen.pipeline import produce

    return produce(folder, gate=False)


def _reader_text(produced: Any) -> str:
    from reportgen.checks.docx_view import DocxView

    return DocxView.from_bytes(produced.result.docx).reader_text


def _printer(produced: Any) -> Any:
    """What an expression prints in this document (its names, with its disclosure plan)."""
    from reportgen import disclosure
    from reportgen.context import make_environment, narrative_names

    plan = produced.result.plan
    env = make_environment(produced.result.style, autoescape=False)
    names = narrative_names(produced.loaded.bundle, produced.loaded.metrics,
                            protect=lambda n: disclosure.protect_names(n, plan))
    return lambda expression: env.from_string(expression).render(names)


def hand_typed_copy(source: Path, target: Path) -> int:
    """``source`` copied to ``target`` with each figure expression replaced by the text it
    prints (as an officer would have typed it); returns how many were replaced."""
    shutil.copytree(source, target)
    printed = _printer(_produced(target))
    path = target / "report.yaml"
    count = 0

    def typed(m: re.Match[str]) -> str:
        nonlocal count
        try:
            out = printed(m.group(0))
        except Exception:  # noqa: BLE001 - a name only the whole document has: kept
            return m.group(0)
        if "\n" in out or not re.search(r"\d", out) or re.search(r"[{}]", out):
            return m.group(0)
        count += 1
        return out

    path.write_bytes(_FIGURE_EXPRESSION.sub(typed, path.read_text(encoding="utf-8"))
                     .encode("utf-8"))
    return count


def run_check(folder: Path, *args: str) -> Any:
    return CliRunner().invoke(cli, ["check", str(folder), *args])


def fixed(folder: Path) -> dict[str, Any]:
    """``check --fix --format json`` on ``folder``: its JSON."""
    result = run_check(folder, "--fix", "--format", "json")
    assert result.exit_code in (0, 2), result.output
    return json.loads(result.output)


def hand_typed(folder: Path) -> list[str]:
    from reportgen.api import check_bundle

    return [f.line() for f in check_bundle(folder).findings if f.rule == "figures.hand-typed"]


def _comments(text: str) -> list[str]:
    """Every comment line, and the end of every line from " #" (a comment after a value;
    also a Markdown heading in a block, which is kept all the same)."""
    return [line if line.lstrip().startswith("#") else line[line.index(" #"):]
            for line in text.splitlines() if line.lstrip().startswith("#") or " #" in line]


@pytest.mark.parametrize("name", BUNDLES)
def test_fix_on_every_fixture(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    replaced = hand_typed_copy(FIXTURES / name, folder)
    before_text = (folder / "report.yaml").read_text(encoding="utf-8")
    before = _produced(folder)
    warned = [f for f in before.findings if f.rule == "figures.hand-typed"]

    data = fixed(folder)
    after_text = (folder / "report.yaml").read_text(encoding="utf-8")
    changes, alone = data["fixed"], data["left_alone"]
    # Every figure warned of is changed or said to be left alone (a change can make the
    # checker read a neighbour anew: more may be changed than were warned of).
    assert len(changes) + len(alone) >= len(warned), (replaced, warned, alone)
    # Only the changed lines differ, each by exactly its listed changes; so every comment,
    # key, quote and line break is where it was.
    old_lines, new_lines = before_text.split("\n"), after_text.split("\n")
    assert len(old_lines) == len(new_lines)
    by_line: dict[int, list[dict[str, Any]]] = {}
    for change in changes:
        by_line.setdefault(change["line"], []).append(change)
        assert change["file"] == str(folder / "report.yaml")
    for i, (old, new) in enumerate(zip(old_lines, new_lines, strict=True), start=1):
        expected = old
        for change in by_line.get(i, []):
            assert change["old"] in expected, (i, change)
            at = expected.index(change["old"])
            expected = expected[:at] + change["new"] + expected[at + len(change["old"]):]
        if i in by_line:  # several changes on a line: in the order they are written
            assert sorted(expected) == sorted(new), (i, old, new)
        else:
            assert new == old, i
    assert _comments(after_text) == _comments(before_text)

    after = _produced(folder)
    assert _reader_text(after) == _reader_text(before)
    # No hand-typed warning is left but for the figures --fix said it left alone.
    left = [f.line() for f in after.findings if f.rule == "figures.hand-typed"]
    assert len(left) <= len(alone), left
    for line in left:
        assert any(f"'{a['text']}" in line or a["text"] in line for a in alone), line
    # A second --fix finds nothing more to change.
    again = fixed(folder)
    assert again["fixed"] == []
    assert (folder / "report.yaml").read_text(encoding="utf-8") == after_text


def test_fixture_copies_have_figures_to_change(tmp_path: Path) -> None:
    # The fixture test above must not pass by having nothing to do: Rotherham's copy types
    # its budget lines and an average cost, each one figure of its data.
    folder = tmp_path / "rotherham"
    assert hand_typed_copy(FIXTURES / "rotherham-2010-commissioning", folder) >= 10
    warned = hand_typed(folder)
    data = fixed(folder)
    assert len(data["fixed"]) >= 5, data
    assert {c["old"] for c in data["fixed"]} >= {"£875", "£2,457,373"}
    assert len(hand_typed(folder)) < len(warned)


# ------------------------------------------------------------------ a generated bundle


def _write_csv(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


_OTHER_SECTIONS = """\
  legal_implications: |
    The council has a duty to secure sufficient accommodation for the children it looks after.
  equalities: |
    Each placement is reviewed against the child's own needs.
"""


def generated(folder: Path, sections: str, *, public: bool = False,
              budgets: tuple[int, ...] = (1_234_567, 2_345_678, 987_654),
              counts: dict[str, int] | None = None, seed: int = 7) -> Path:
    """The starter bundle (its comments and layout) with ``sections`` as its narrative,
    placements of ``counts`` by type, and budget lines "Line A", "Line B"… of ``budgets``
    (projected spend 111,111 × n above each)."""
    from reportgen.starter import write_starter_bundle

    write_starter_bundle(folder)
    rng = random.Random(seed)
    rows = [[f"R{n:04d}", kind, "private", "", "2025-04-01", "", f"{rng.randint(300, 5000)}.00",
             "0.00", "0.00"]
            for n, kind in enumerate(k for k, c in (counts or {"in_house_fostering": 11,
                                                                "ifa": 23,
                                                                "residential": 7}).items()
                                     for _ in range(c))]
    _write_csv(folder / "data" / "placements.csv",
               ["reference", "placement_type", "provider_type", "provider", "start_date",
                "end_date", "weekly_cost", "health_contribution", "education_contribution"], rows)
    _write_csv(folder / "data" / "budget.csv",
               ["line", "group", "period", "budget", "projected_spend"],
               [[f"Line {chr(65 + i)}", "", "2026/27 Q2", f"{b}.00", f"{b + 111_111 * (i + 1)}.00"]
                for i, b in enumerate(budgets)])
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nsections:\n"), text.index("\n# Instead of sections:")
    others = _OTHER_SECTIONS + ("" if "financial_implications:" in sections else
                                "  financial_implications: |\n    None.\n")
    text = text[:start] + "\nsections:\n" + sections + others + text[end:]
    assert text.count("\n  public: yes\n") == 1
    text = text.replace("\n  public: yes\n", f"\n  public: {'yes' if public else 'no'}\n")
    text = text.replace("  indicators: data/indicators.csv\n", "  indicators:\n")
    path.write_text(text, encoding="utf-8")
    return folder


NARRATIVE = """\
  # A comment among the sections.
  summary: |
    The budget for Line A is £1,234,567 this year. The council places 23 children with
    independent fostering agencies.

  report: |  # a note on the block
    Projected spend on Line B is £2,567,900. The budget for Line C is £1.0m.
    The budget for Line C is £987654.
  financial_implications: The budget for Line B is £2,345,678 in total. # a trailing note
"""


def test_fix_changes_each_figure_of_one_meaning_and_says_what(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    before_text = path.read_text(encoding="utf-8")
    before = _produced(folder)
    result = run_check(folder, "--fix")
    assert result.exit_code == 0, result.output
    after_text = path.read_text(encoding="utf-8")
    line = before_text.split("\n").index(
        "    The budget for Line A is £1,234,567 this year. The council places 23 children with"
    ) + 1
    assert (f"{path}, line {line}: sections.summary: '£1,234,567' \u2192 "
            "{{ budget.lines['Line A'].budget | money }}") in result.output
    assert (f"{path}, line {line}: sections.summary: '23' \u2192 "
            "{{ placements.by_type['ifa'].count }}") in result.output
    assert "sections.report: '£987654': its expression would print '£987,654'" in result.output
    assert after_text == before_text.replace(
        "£1,234,567 this", "{{ budget.lines['Line A'].budget | money }} this").replace(
        "places 23 children", "places {{ placements.by_type['ifa'].count }} children").replace(
        "Line B is £2,567,900", "Line B is {{ budget.lines['Line B'].projected_spend | money }}"
    ).replace("Line C is £1.0m", "Line C is {{ budget.lines['Line C'].budget | money('m', 1) }}"
              ).replace("Line B is £2,345,678 in",
                        "Line B is {{ budget.lines['Line B'].budget | money }} in")
    after = _produced(folder)
    assert _reader_text(after) == _reader_text(before)
    assert [f.line() for f in after.findings if f.rule == "figures.hand-typed"] == [
        line for line in hand_typed(folder) if "£987654" in line]
    assert len(hand_typed(folder)) == 1
    again = run_check(folder, "--fix")
    assert "Fixed" not in again.output and path.read_text(encoding="utf-8") == after_text


def test_a_figure_equal_to_two_figures_is_left_alone_and_said(tmp_path: Path) -> None:
    # Line A and Line B have the same budget; at £m and one place, Line C's rounds as A's.
    folder = generated(tmp_path / "b", """\
  summary: |
    The budget for Line A is £1,234,567 this year.
  report: |
    The budget for Line C is £1.2m.
""", budgets=(1_234_567, 1_234_567, 1_249_000))
    path = folder / "report.yaml"
    before = path.read_bytes()
    data = fixed(folder)
    assert data["fixed"] == []
    assert [(a["where"], a["text"]) for a in data["left_alone"]] == [
        ("sections.summary", "£1,234,567"), ("sections.report", "£1.2m")]
    assert all(a["why"].startswith("it agrees with more than one figure of the data")
               for a in data["left_alone"])
    assert path.read_bytes() == before


def test_a_suppressed_count_is_never_replaced(tmp_path: Path) -> None:
    # Public, with 3 children in residential care: the count is hidden (shown as "c").
    folder = generated(tmp_path / "b", """\
  summary: |
    The council places 3 children in residential care and 23 children with independent
    fostering agencies.
""", public=True, counts={"in_house_fostering": 11, "ifa": 23, "residential": 3})
    path = folder / "report.yaml"
    before = _produced(folder)
    data = fixed(folder)
    text = path.read_text(encoding="utf-8")
    assert "places 3 children in residential" in text
    assert "residential'].count" not in text
    assert _reader_text(_produced(folder)) == _reader_text(before)
    assert all(c["old"] != "3" for c in data["fixed"])


def test_an_expression_that_would_print_otherwise_is_never_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Were the checker to offer a hidden count's expression (it leaves them out), the
    # expression prints "c" in this document, not "3": --fix says so and keeps the figure.
    from reportgen.checks import figures

    monkeypatch.setattr(figures, "shown_figures", lambda bundle, metrics, every, plan=None:
                        list(every))
    folder = generated(tmp_path / "b", """\
  summary: |
    The council places 3 children in residential care.
""", public=True, counts={"in_house_fostering": 11, "ifa": 23, "residential": 3})
    path = folder / "report.yaml"
    before = path.read_bytes()
    from reportgen.fix import plan_fix

    result = plan_fix(folder)
    assert result.changes == [] and result.data is None
    assert [(a.text, a.why) for a in result.left_alone] == [
        ("3", "its expression would print 'c'")]
    assert path.read_bytes() == before


def test_a_count_written_in_words_is_left_alone_and_said(tmp_path: Path) -> None:
    # "Twenty-three" agrees with the IFA count, but its expression prints digits: the
    # officer's words are kept, and --fix says why.
    folder = generated(tmp_path / "b", """\
  summary: |
    Twenty-three children are placed with independent fostering agencies.
""", counts={"in_house_fostering": 11, "ifa": 23, "residential": 4})
    path = folder / "report.yaml"
    before = path.read_bytes()
    data = fixed(folder)
    assert data["fixed"] == []
    assert [(a["text"], a["why"]) for a in data["left_alone"]] == [
        ("Twenty-three", "its expression would print '23'")]
    assert path.read_bytes() == before


def test_anchors_and_aliases(tmp_path: Path) -> None:
    # The summary's text is also the background's, through an alias: changing it would
    # change both, so its figure is left alone; the other figures are changed.
    folder = generated(tmp_path / "b", """\
  summary: &shared |
    The budget for Line A is £1,234,567 this year.
  report: |
    The budget for Line B is £2,345,678 in total.
  background: *shared
""")
    path = folder / "report.yaml"
    before = _produced(folder)
    data = fixed(folder)
    text = path.read_text(encoding="utf-8")
    assert [c["old"] for c in data["fixed"]] == ["£2,345,678"]
    assert {(a["text"], a["why"]) for a in data["left_alone"]} == {
        ("£1,234,567", "the text is shared through the YAML anchor &shared")}
    assert "summary: &shared |\n    The budget for Line A is £1,234,567" in text
    assert "  background: *shared\n" in text
    assert _reader_text(_produced(folder)) == _reader_text(before)


def test_tabs_in_the_text_are_kept(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", """\
  summary: |
    The budget for Line A is\t£1,234,567 this year.
""")
    path = folder / "report.yaml"
    before = _produced(folder)
    data = fixed(folder)
    text = path.read_text(encoding="utf-8")
    assert [c["old"] for c in data["fixed"]] == ["£1,234,567"]
    assert "Line A is\t{{ budget.lines['Line A'].budget | money }} this" in text
    assert _reader_text(_produced(folder)) == _reader_text(before)


def test_a_tab_ruamel_cannot_read_is_refused(tmp_path: Path) -> None:
    # PyYAML reads a tab inside a plain value; ruamel.yaml does not: refused, not guessed at.
    folder = generated(tmp_path / "b", """\
  summary: The budget for Line A is\t£1,234,567 this year.
""")
    _refused(folder, "cannot rewrite it safely: ruamel.yaml cannot read it (while scanning "
                     "for the next token)")


@pytest.mark.parametrize("bom,crlf", [(True, False), (False, True), (True, True)])
def test_a_byte_order_mark_and_crlf_line_ends_are_kept(tmp_path: Path, bom: bool,
                                                      crlf: bool) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    raw = ("\ufeff" if bom else "") + (text.replace("\n", "\r\n") if crlf else text)
    path.write_bytes(raw.encode("utf-8"))
    data = fixed(folder)
    assert len(data["fixed"]) == 5
    after = path.read_bytes().decode("utf-8")
    assert after.startswith("\ufeff") == bom
    assert after.count("\r\n") == (after.count("\n") if crlf else 0)
    assert after.count("\r") == after.count("\r\n")
    plain = after.lstrip("\ufeff").replace("\r\n", "\n")
    assert plain.count("\n") == text.count("\n")
    assert "{{ budget.lines['Line A'].budget | money }}" in plain


def _refused(folder: Path, message: str) -> None:
    path = folder / "report.yaml"
    before = path.read_bytes()
    result = run_check(folder, "--fix")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.output
    assert lines[0].startswith(f"error: {path}: ")
    assert path.read_bytes() == before


def test_mixed_line_ends_are_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r\n", 5).encode("utf-8"))
    _refused(folder, "its lines end in more than one way (CRLF and LF or CR): nothing changed")


def test_a_figure_in_a_folded_block_is_refused(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", """\
  summary: >
    The budget for Line A is £1,234,567 this year, as the
    table shows.
""")
    _refused(folder, "sections.summary is a folded block (>), whose line breaks --fix cannot "
                     "keep: write it as a literal block (|) and run it again; nothing changed")


@pytest.mark.parametrize("old,new", [
    # Two lists indented two ways: ruamel.yaml writes one indentation for the whole file.
    ("background_papers:\n  - Medium", "background_papers:\n- Medium"),
    # A plain value wrapped over two lines: written back on one.
    ("  title: \"Children's placements: budget and savings monitoring\"",
     "  title: Children's placements budget\n    and savings monitoring"),
    # Spaces at the end of a line, and after a colon.
    ("  committee: Corporate Parenting Panel\n", "  committee: Corporate Parenting Panel   \n"),
    ("  committee: Corporate Parenting Panel\n", "  committee:    Corporate Parenting Panel\n"),
])
def test_a_file_ruamel_does_not_write_back_unchanged_is_refused(tmp_path: Path, old: str,
                                                               new: str) -> None:
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    _refused(folder, "ruamel.yaml does not write it back byte for byte (line ")


def test_a_plain_value_that_would_need_quotes_is_left_alone(tmp_path: Path) -> None:
    # "{{" cannot start a plain YAML value: the figure stays, and the file is unchanged.
    folder = generated(tmp_path / "b", """\
  summary: |
    Summary.
  report: £2,345,678 is the budget for Line B.
""")
    path = folder / "report.yaml"
    before = path.read_bytes()
    data = fixed(folder)
    assert data["fixed"] == []
    assert [(a["text"], a["why"]) for a in data["left_alone"]] == [
        ("£2,345,678", "ruamel.yaml would write the line differently (quotes, or the space "
                       "before a comment): write the text as a literal block (|)")]
    assert path.read_bytes() == before


def test_nothing_to_change_writes_nothing(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", """\
  summary: |
    The budget for Line A is {{ budget.lines['Line A'].budget | money }} this year.
""")
    path = folder / "report.yaml"
    # Spaces after a value: a file ruamel.yaml would not write back, but nothing is to change.
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  committee: Corporate Parenting Panel\n",
                                 "  committee: Corporate Parenting Panel   \n"), encoding="utf-8")
    stat = path.stat()
    result = run_check(folder, "--fix")
    assert result.exit_code == 0, result.output
    assert f"{path}: no figure typed by hand to change" in result.output
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_every_typed_number_is_found_where_the_text_has_it() -> None:
    # Generated narratives: expressions against numbers, directives, headings, lists, tabs,
    # runs of spaces and blank lines. Each number the checker reads maps back to its own
    # characters in the text (or to nothing, never to other characters).
    from reportgen.checks.numbers import find_literals
    from reportgen.fix import _paragraph_spans, _source_span

    rng = random.Random(26)
    pieces = ["£1,234,567", "£2.5m", "23", "£437k", "the budget", "Line A", "is", "of",
              "{{ budget.total.budget | money }}", "{{x}}£5m", "£6m{{ y }}", "(£7,000)",
              "children.", "rose by 9;", "#", "- item", "1.", "[table: savings]", "\t", "  ",
              "\n", "\n\n", "3.5%", "12,000"]
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
        text = text.replace(" [table: savings] ", "\n[table: savings]\n")
        for paragraph in _paragraph_spans(text):
            for sentence, spans in paragraph:
                assert len(spans) == len(sentence.split(" "))
                for word, span in zip(sentence.split(" "), spans, strict=True):
                    assert span is None or text[span[0]:span[1]] == word
                for lit in find_literals(sentence):
                    at = _source_span(sentence, spans, lit, text)
                    if " " not in lit.text:  # one word: always found
                        assert at is not None, (text, sentence, lit.text)
                    if at is not None:
                        assert text[at[0]:at[1]] == lit.text
                        found += 1
    assert found > 1000


BODY = """\
body:
  - id: purpose
    heading: Purpose of the report
    role: summary
    text: |
      The budget for Line A is £1,234,567 this year.
    subsections:
      - id: detail
        heading: Line B
        text: |
          # The officer's note.
          Projected spend on Line B is £2,567,900.
  - id: recommendations
    heading: Recommendations
    role: recommendations
  - id: financial
    heading: Financial implications
    role: financial
    text: |
      None.
  - id: legal
    heading: Legal implications
    role: legal
    text: |
      None.
  - id: equalities
    heading: Equalities
    role: equalities
    text: |
      None.
"""


def test_a_body_outline_and_recommendations(tmp_path: Path) -> None:
    folder = generated(tmp_path / "b", "  summary: |\n    Summary.\n")
    path = folder / "report.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nsections:\n"), text.index("\n# Instead of sections:")
    text = text[:start + 1] + BODY + text[end:]
    old_reason = "    reason: To reduce the pressure on the placements budget.\n"
    assert text.count(old_reason) == 1
    text = text.replace(old_reason, "    reason: |\n      To keep Line C within its budget of "
                                    "£987,654.\n")
    path.write_text(text, encoding="utf-8")
    before = _produced(folder)
    data = fixed(folder)
    assert [(c["where"], c["old"]) for c in data["fixed"]] == [
        ("body.purpose", "£1,234,567"), ("body.detail", "£2,567,900"),
        ("recommendations[2].reason", "£987,654")]
    after_text = path.read_text(encoding="utf-8")
    assert "          # The officer's note.\n          Projected spend on Line B is {{ budget." \
        "lines['Line B'].projected_spend | money }}.\n" in after_text
    assert "      To keep Line C within its budget of {{ budget.lines['Line C'].budget | money }}" \
        ".\n" in after_text
    assert _reader_text(_produced(folder)) == _reader_text(before)
    assert hand_typed(folder) == []


@pytest.mark.skipif(not hasattr(os, "chmod") or os.name == "nt", reason="POSIX permissions")
def test_permissions_are_kept_or_the_file_is_refused(tmp_path: Path) -> None:
    # A private report.yaml is never rewritten readable by others; a group-writable one
    # stays group-writable.
    folder = generated(tmp_path / "b", NARRATIVE)
    path = folder / "report.yaml"
    path.chmod(0o600)
    _refused(folder, "its permissions (600) are narrower than those --fix writes a file with "
                     "(644): nothing changed")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o664)
    assert len(fixed(folder)["fixed"]) == 5
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
