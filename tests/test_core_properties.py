"""Core properties survive docxcompose's rebinding of python-docx's ``cp`` prefix.

``docxcompose.utils`` maps ``cp`` to the custom-properties namespace when first imported
(docxcompose issue 101, docxtpl issue 471), so every core-property write afterwards adds
duplicate, wrongly-namespaced elements. Each case runs in a fresh interpreter, because the
import order is the whole point and this test process has imported everything already.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from .validators import audit_findings

CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
TEMPLATE = Path(__file__).parents[1] / "templates" / "report-to-members" / "template.docx"

SET_EVERY_PROPERTY = """
import datetime as dt
import docx

# A built-in house style (python-docx's own default template has audit findings of its own).
document = docx.Document(TEMPLATE)
props = document.core_properties
props.author = "A. N. Officer"
props.category = "Committee report"
props.comments = "Quarterly update"
props.content_status = "Final"
props.created = dt.datetime(2016, 7, 1, 9, 0)
props.identifier = "CPP-2016-07"
props.keywords = "placements; budget"
props.language = "en-GB"
props.last_modified_by = "A. N. Officer"
props.last_printed = dt.datetime(2016, 7, 2, 9, 0)
props.modified = dt.datetime(2016, 7, 1, 10, 0)
props.revision = 3
props.subject = "Corporate Parenting Panel"
props.title = "Placements update"
props.version = "1.0"
document.save(OUT / "every.docx")

oxml.set_core_properties(
    document, title="Placements update", subject="Corporate Parenting Panel, 12 July 2016",
    author="A. N. Officer", created=dt.datetime(2016, 7, 1),
    keywords=["committee report", "Harrow Council"])
document.save(OUT / "reportgen.docx")
"""

ORDERS = {
    # docxtpl and docxcompose imported before reportgen: oxml must put the prefix back.
    "libraries-first": "import docxtpl\nimport docxcompose.composer\n"
                       "from docxcompose.properties import CustomProperties\n"
                       "from reportgen.render import oxml\n",
    # reportgen first, then the libraries: their import must not rebind it again.
    "reportgen-first": "from reportgen.render import oxml\nimport docxtpl\n"
                       "import docxcompose.composer\n"
                       "from docxcompose.properties import CustomProperties\n",
}


def _core(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read("docProps/core.xml"))


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_every_core_property_after_docxtpl_and_docxcompose(order: str, tmp_path: Path) -> None:
    script = ("from pathlib import Path\n" + ORDERS[order]
              + f"OUT = Path({str(tmp_path)!r})\nTEMPLATE = {str(TEMPLATE)!r}\n"
              + textwrap.dedent(SET_EVERY_PROPERTY))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False, cwd=Path(__file__).parents[1])
    assert done.returncode == 0, done.stderr

    every = _core(tmp_path / "every.docx")
    namespaces = {etree.QName(child).namespace for child in every}
    assert namespaces <= {CORE, DC, DCTERMS}, namespaces
    tags = [etree.QName(child).localname for child in every]
    assert len(tags) == len(set(tags)) == 15, tags  # each property once
    assert every.findtext(f"{{{CORE}}}keywords") == "placements; budget"
    assert every.findtext(f"{{{CORE}}}lastModifiedBy") == "A. N. Officer"

    ours = _core(tmp_path / "reportgen.docx")
    values = {etree.QName(child).localname: child.text for child in ours}
    assert values == {
        "title": "Placements update",
        "subject": "Corporate Parenting Panel, 12 July 2016",
        "creator": "A. N. Officer",
        "keywords": "committee report; Harrow Council",
        "lastModifiedBy": "A. N. Officer",
        "language": "en-GB",
        "revision": "1",
        "created": "2016-07-01T00:00:00Z",
        "modified": "2016-07-01T00:00:00Z",
    }  # and nothing left over: no category, comments, version, identifier, last printed

    findings = {Path(name).name: found for name, found in audit_findings(tmp_path).items()}
    assert findings == {"every.docx": [], "reportgen.docx": []}


def test_docxcompose_custom_properties_still_work_after_the_restore() -> None:
    """The restore must not break docxcompose, which reads its own ``cp`` prefix."""
    import docx
    from docx.oxml.ns import nsmap
    from docxcompose.properties import CustomProperties

    from reportgen.render import oxml

    assert nsmap["cp"] == oxml.CORE_PROPERTIES_NS
    document = docx.Document()
    custom = CustomProperties(document)
    custom["Agenda item"] = "5"
    assert custom["Agenda item"] == "5"
    assert custom.keys() == ["Agenda item"]
