"""The web page's tables, laid out by a real browser: a right-aligned figure never runs into
the text of the next column (the top-N table's Rank column printed "1Residential").

Measured in Chromium (the browser fixture of tests/test_html_browser.py): for every pair of
neighbouring cells, the gap between the end of one cell's text and the start of the next
cell's text, whatever each is aligned to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_html import rendered
from tests.test_html_browser import browser  # noqa: F401  (the fixture)

#: Half a rem of padding on each side of a cell boundary gives 16 px at the page's 16 px rem;
#: a gap under this (but over 0) is too tight to read as two columns.
MIN_GAP_PX = 12

GAPS = """
const out = [];
for (const row of document.querySelectorAll('tr')) {
  const cells = Array.from(row.children);
  for (let i = 0; i + 1 < cells.length; i++) {
    const box = c => { const r = document.createRange(); r.selectNodeContents(c);
                       return r.getBoundingClientRect(); };
    const a = box(cells[i]), b = box(cells[i + 1]);
    if (!a.width || !b.width) continue;
    out.push([cells[i].textContent.trim() + '|' + cells[i + 1].textContent.trim(),
              b.left - a.right]);
  }
}
return out;
"""


def _gaps(driver: Any, path: Path) -> list[tuple[str, float]]:
    driver.get(path.as_uri())
    return [(pair, float(gap)) for pair, gap in driver.execute_script(GAPS)]


def test_a_right_aligned_column_keeps_apart_from_the_next(browser: Any,  # noqa: F811
                                                          tmp_path: Path) -> None:
    from reportgen.publish.html import default_css

    # A table as the HTML writer makes one: a narrow right-aligned Rank column, then text.
    rows = "".join(f'<tr><td class="align-right">{n}</td><td>Residential{"x" * n}</td>'
                   f'<td class="align-right">{n * 1234:,}</td><td>Private</td></tr>'
                   for n in range(1, 30))
    path = tmp_path / "table.html"
    path.write_text(
        f"<!DOCTYPE html><html lang='en-GB'><head><title>t</title><style>{default_css()}"
        "</style></head><body><main><table><thead><tr><th class='align-right'>Rank</th>"
        "<th>Type</th><th class='align-right'>Weekly cost</th><th>Provider</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></main></body></html>", encoding="utf-8")
    gaps = _gaps(browser, path)
    assert len(gaps) == 30 * 3
    tight = [(pair, gap) for pair, gap in gaps if gap < MIN_GAP_PX]
    assert tight == []


def test_the_top_n_table_of_a_rendered_report_keeps_its_columns_apart(
        browser: Any, tmp_path: Path) -> None:  # noqa: F811
    path = tmp_path / "harrow.html"
    path.write_bytes(rendered("harrow-2016-high-cost-placements")[1])
    gaps = _gaps(browser, path)
    assert any(pair.startswith("1|") for pair, _ in gaps)  # the Rank column is there
    assert [(pair, gap) for pair, gap in gaps if gap < MIN_GAP_PX] == []
