"""Write ``template.docx``: the largest fixture's report as a plain docxtpl template.

This is what an officer would build with docxtpl alone: the report's wording typed into a
Word document, with Jinja2 tags for the figures, ``{%tr for %}`` rows for the tables and
pictures for the charts. It has the same sections, headings, lists, tables and figures as
reportgen's rendering of
``fixtures/rotherham-2010-commissioning``. Regenerate after changing that fixture's wording:

    PYTHONPATH=. python benchmarks/docxtpl_baseline/make_template.py
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from docx import Document
from docx.document import Document as DocumentObject

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent.parent / "fixtures" / "rotherham-2010-commissioning"
TEMPLATE = HERE / "template.docx"
SECTIONS = (("summary", "Summary"), ("report", "Report"),
            ("financial_implications", "Financial implications"),
            ("risk_management", "Risk management"), ("council_priorities", "Council priorities"))
_TABLE = re.compile(r"^\[table:\s*([a-z_]+)([^\]]*)\]$")
_CHART = re.compile(r"^\[chart:\s*([a-z_]+)([^\]]*)\]$")
# Columns of each table the fixture uses (the context builder supplies the rows).
TABLE_COLUMNS = {"savings": 4, "budget": 4, "placements_by_type": 4}


def _paragraph_text(lines: list[str]) -> str:
    return " ".join(line.strip() for line in lines)


def add_table(doc: DocumentObject, name: str, columns: int) -> None:
    """Caption, header row, one ``{%tr for %}`` body row, total row and note, in docxtpl tags."""
    doc.add_paragraph(f"{{{{ tables.{name}.caption }}}}", style="Caption")
    table = doc.add_table(rows=5, cols=columns)
    table.style = "Table Grid"
    rows = table.rows
    for i in range(columns):
        rows[0].cells[i].text = f"{{{{ tables.{name}.columns[{i}] }}}}"
        rows[2].cells[i].text = f"{{{{ row[{i}] }}}}"
        rows[4].cells[i].text = f"{{{{ tables.{name}.total[{i}] }}}}"
    rows[1].cells[0].text = f"{{%tr for row in tables.{name}.rows %}}"
    rows[3].cells[0].text = "{%tr endfor %}"
    doc.add_paragraph(f"{{{{ tables.{name}.note }}}}")


def add_narrative(doc: DocumentObject, text: str) -> None:
    """The fixture's Markdown-subset narrative as Word paragraphs, Jinja2 tags left in place."""
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.splitlines()
        first = lines[0].strip()
        table = _TABLE.match(first)
        chart = _CHART.match(first)
        if chart:  # caption, then the picture the context draws (docxtpl InlineImage)
            doc.add_paragraph(f"{{{{ charts.{chart.group(1)}.caption }}}}", style="Caption")
            doc.add_paragraph(f"{{{{ charts.{chart.group(1)}.image }}}}")
        elif table:
            add_table(doc, table.group(1), TABLE_COLUMNS[table.group(1)])
        elif first.startswith("### "):
            doc.add_paragraph(first[4:], style="Heading 3")
        elif first.startswith("- "):
            items: list[list[str]] = []
            for line in lines:
                if line.strip().startswith("- "):
                    items.append([line.strip()[2:]])
                else:
                    items[-1].append(line)
            for item in items:
                doc.add_paragraph(_paragraph_text(item), style="List Bullet")
        else:
            doc.add_paragraph(_paragraph_text(lines))


def build(spec: dict[str, Any]) -> DocumentObject:
    doc = Document()
    doc.add_paragraph("{{ council | upper }} – REPORT TO MEMBERS", style="Title")
    meta = doc.add_table(rows=6, cols=2)
    meta.style = "Table Grid"
    for row, (label, tag) in zip(meta.rows, (
            ("Meeting", "{{ meeting.committee }}"),
            ("Date", "{{ meeting.date | longdate('plain') }}"),
            ("Title", "{{ report.title }}"),
            ("Directorate", "{{ report.directorate }}"),
            ("Responsible officer", "{{ report.responsible_officer }}"),
            ("Wards", "{{ report.wards | join(', ') }}")), strict=True):
        row.cells[0].text = label
        row.cells[1].text = tag
    doc.add_paragraph("Summary", style="Heading 2")
    add_narrative(doc, spec["sections"]["summary"])
    doc.add_paragraph("Recommendations", style="Heading 2")
    doc.add_paragraph("{%p for rec in recommendations %}")
    doc.add_paragraph("{{ rec.text }}", style="List Number")
    doc.add_paragraph("{%p endfor %}")
    for key, title in SECTIONS[1:]:
        doc.add_paragraph(title, style="Heading 2")
        add_narrative(doc, spec["sections"][key])
    doc.add_paragraph("Background papers", style="Heading 2")
    doc.add_paragraph("{{ texts.no_background_papers }}")
    doc.add_paragraph("Contact", style="Heading 2")
    doc.add_paragraph("{%p for c in contacts %}")
    doc.add_paragraph("Contact Name: {{ c.name }}, {{ c.job_title }}")
    doc.add_paragraph("Telephone: {{ c.phone }}")
    doc.add_paragraph("E-mail: {{ c.email }}")
    doc.add_paragraph("{%p endfor %}")
    return doc


def main() -> None:
    spec = yaml.safe_load((FIXTURE / "report.yaml").read_text(encoding="utf-8"))
    build(spec).save(str(TEMPLATE))
    print(f"wrote {TEMPLATE}")


if __name__ == "__main__":
    main()
