"""A narrative or a Word template cannot read files, environment variables or Python internals.

Each hostile expression is tried twice: as narrative in report.yaml (``render_text``) and inside
a Word template built here with python-docx (the full render). Both must stop with one line.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from docx import Document

from reportgen.context import make_environment, narrative_names, render_text
from reportgen.errors import ReportgenError
from reportgen.pipeline import LoadedReport, load_report, render
from reportgen.styles import HouseStyle, resolve_style

from .helpers import FIXTURES, document_text

HARROW = FIXTURES / "harrow-2016-high-cost-placements"

# (expression, words the one-line error must contain)
HOSTILE = [
    ("{{ ''.__class__.__mro__ }}", "not allowed"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "not allowed"),
    ("{{ report.__class__ }}", "not allowed"),
    ("{{ report._exempt_needs_paragraph }}", "not allowed"),
    ("{{ report.__dict__ }}", "not allowed"),
    ("{{ meeting.__init__.__globals__['os'].environ }}", "not allowed"),
    ("{{ meeting.date.__class__ }}", "not allowed"),
    ("{{ placements.__class__.__init__.__globals__ }}", "not allowed"),
    ("{{ budget.__class__ }}", "not allowed"),
    ("{{ savings.__module__ }}", "not allowed"),
    ("{{ period.__reduce_ex__(2) }}", "not allowed"),
    ("{{ range.__globals__ }}", "not allowed"),
    ("{{ dict.__subclasses__() }}", "not allowed"),
    ("{{ dict.mro() }}", "not allowed"),
    ("{{ self.__init__.__globals__ }}", "not allowed"),
    ("{{ self._TemplateReference__context }}", "not allowed"),
    ("{{ '{0.__class__.__mro__}'.format(report) }}", "not allowed"),
    ("{{ cycler.__init__.__globals__.os }}", "not allowed"),
    ("{{ cycler(1, 2) }}", "unknown name 'cycler'"),
    ("{{ joiner.__init__.__globals__.os }}", "not allowed"),
    ("{{ joiner(1, 2) }}", "unknown name 'joiner'"),
    ("{{ namespace.__init__.__globals__.os }}", "not allowed"),
    ("{{ namespace(1, 2) }}", "unknown name 'namespace'"),
    ("{{ lipsum.__globals__['os'].popen('id').read() }}", "unknown name 'lipsum'"),
    ("{{ config.items() }}", "unknown name 'config'"),
    ("{{ request.environ }}", "unknown name 'request'"),
    ("{{ os.environ }}", "unknown name 'os'"),
    ("{{ range(10 ** 9) | list | length }}", "too big"),
    ("{{ 1 / 0 }}", "division by zero"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% import 'os' as os %}{{ os.environ }}", "include"),
    ("{% from '/etc/passwd' import root %}", "include"),
    ("{% extends '/etc/passwd' %}", "include"),
]


@pytest.fixture(scope="module")
def loaded() -> LoadedReport:
    return load_report(HARROW)


@pytest.fixture(scope="module")
def style() -> HouseStyle:
    return resolve_style(None)


@pytest.mark.parametrize("autoescape", [False, True], ids=["narrative", "template-env"])
@pytest.mark.parametrize("expression, words", HOSTILE, ids=[e for e, _ in HOSTILE])
def test_hostile_narrative_is_one_line_error(loaded: LoadedReport, style: HouseStyle,
                                             expression: str, words: str,
                                             autoescape: bool) -> None:
    env = make_environment(style, autoescape=autoescape)
    names = narrative_names(loaded.bundle, loaded.metrics)
    with pytest.raises(ReportgenError) as err:
        render_text(env, expression, names, "report.yaml sections.summary")
    line = err.value.line()
    assert "\n" not in line
    assert line.startswith("report.yaml sections.summary: ")
    assert words in line


def _template(path: Path, body: str) -> Path:
    doc = Document()
    doc.add_heading("{{ report.title }}", level=1)
    doc.add_paragraph(body)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("expression, words", HOSTILE, ids=[e for e, _ in HOSTILE])
def test_hostile_word_template_is_one_line_error(loaded: LoadedReport, tmp_path: Path,
                                                 expression: str, words: str) -> None:
    template = _template(tmp_path / "hostile.docx", expression)
    with pytest.raises(ReportgenError) as err:
        render(loaded, str(template))
    line = err.value.line()
    assert "\n" not in line
    assert line.startswith(f"{template}: ")
    # The template path words "include" and "not allowed" in its own way; both say why.
    assert any(w in line for w in (words, "not allowed", "unknown name", "include"))


def test_nothing_secret_reaches_the_document(loaded: LoadedReport, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """What a template *may* print about the objects it is given holds no environment
    variable, no file content and no object address."""
    monkeypatch.setenv("REPORTGEN_SECRET_TOKEN", "s3cr3t-t0k3n")
    body = "{{ self }} {{ report }} {{ meeting }} {{ dict }} {{ placements }}"
    template = _template(tmp_path / "harmless.docx", body)
    text = document_text(render(loaded, str(template)).docx)
    assert "s3cr3t-t0k3n" not in text
    assert os.environ["HOME"] not in text or os.environ["HOME"] == "/"
    assert "0x" not in text  # no memory addresses (e.g. <function ... at 0x7f...>)
    assert "root:" not in text


def test_narrative_in_report_yaml_is_sandboxed_end_to_end(tmp_path: Path) -> None:
    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    yaml_path = bundle / "report.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    hostile = "{{ meeting.__init__.__globals__['os'].environ['HOME'] }}"
    yaml_path.write_text(text.replace("{{ meeting.committee }}", hostile), encoding="utf-8")
    with pytest.raises(ReportgenError, match="sections.summary: not allowed in a report"):
        render(load_report(bundle))
