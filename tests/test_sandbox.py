"""A narrative or a Word template cannot read files, environment variables or Python internals.

Each hostile expression is tried twice: as narrative in report.yaml (``render_text``) and inside
a Word template built here with python-docx (the full render). Both must stop with one line.
"""

from __future__ import annotations

import dataclasses
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


def one_line_error(loaded: LoadedReport, style: HouseStyle, expression: str,
                   autoescape: bool) -> str:
    """The one line ``expression`` stops with, as narrative (or in the template's
    environment)."""
    env = make_environment(style, autoescape=autoescape)
    names = narrative_names(loaded.bundle, loaded.metrics)
    with pytest.raises(ReportgenError) as err:
        render_text(env, expression, names, "report.yaml sections.summary")
    line = err.value.line()
    assert "\n" not in line
    return line


@pytest.mark.parametrize("autoescape", [False, True], ids=["narrative", "template-env"])
@pytest.mark.parametrize("expression, words", HOSTILE, ids=[e for e, _ in HOSTILE])
def test_hostile_narrative_is_one_line_error(loaded: LoadedReport, style: HouseStyle,
                                             expression: str, words: str,
                                             autoescape: bool) -> None:
    line = one_line_error(loaded, style, expression, autoescape)
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


# -- the whole context holds plain values only ----------------------------------------------

def _template_context(loaded: LoadedReport, style: HouseStyle) -> dict[str, object]:
    from reportgen.render.docx import _Renderer

    return _Renderer(loaded.bundle, loaded.metrics, style, True).context()


def _children(env: object, value: object) -> list[tuple[str, object]]:
    """What a template can reach from ``value`` in one step: items, and every attribute the
    sandbox lets it read."""
    from collections.abc import Mapping

    from reportgen.sandbox import KeyedValues

    out: list[tuple[str, object]] = []
    if isinstance(value, Mapping):
        out += [(f"[{k!r}]", v) for k, v in value.items()]
    elif isinstance(value, (tuple, list, KeyedValues)):
        out += [(f"[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, KeyedValues):
        out += [(f"[{k!r}]", value[k]) for k in value._index]
    for attr in dir(value):
        try:
            child = getattr(value, attr)
        except Exception:  # e.g. month_name of a quarter: an error, not a value
            continue
        if env.is_safe_attribute(value, attr, child):  # type: ignore[attr-defined]
            out.append((f".{attr}", child))
    return out


def walk(env: object, names: dict[str, object]) -> tuple[list[str], list[tuple[str, object]]]:
    """Every path reachable from ``names``: (callable paths, non-callable leaves)."""
    callables: list[str] = []
    values: list[tuple[str, object]] = []
    seen: set[object] = set()
    stack: list[tuple[str, object]] = list(names.items())
    while stack:
        path, value = stack.pop()
        try:
            key: object = (type(value), value)
            hash(key)
        except TypeError:
            key = id(value)
        if key in seen:
            continue
        seen.add(key)
        if callable(value):
            callables.append(path)
            if "." not in path and "[" not in path:  # a documented function: its attributes
                stack += [(f"{path}{p}", v) for p, v in _children(env, value)]
            continue
        values.append((path, value))
        stack += [(f"{path}{p}", v) for p, v in _children(env, value)]
    return callables, values


# The callables a template may reach, as documented in docs/bundle.md and docs/house-styles.md.
DOCUMENTED_FUNCTIONS = {"range", "dict", "paragraphs"}
BLOCK_FUNCTIONS = {"section", "other_sections", "standard", "recommendations", "reasons",
                   "contacts_block", "background_papers", "appendices", "checkbox",
                   "clearance_block", "other_details", "title_block", "body", "form"}
DOCUMENTED_METHODS = {"previous"}  # period.previous(), period.previous().previous() …


def _plain(value: object) -> bool:
    import datetime as dt
    from decimal import Decimal
    from types import MappingProxyType

    from reportgen.disclosure import Suppressed, Withheld
    from reportgen.sandbox import KeyedValues, PeriodValue, Record

    # Suppressed: a hidden figure (its symbol); Withheld: a name no rule declares (refused).
    return isinstance(value, (str, int, float, Decimal, dt.date, dt.time, dt.timedelta,
                              type(None), tuple, MappingProxyType, Record, KeyedValues,
                              PeriodValue, Suppressed, Withheld))


@pytest.mark.parametrize("where", ["narrative", "template"])
def test_every_reachable_callable_is_documented(loaded: LoadedReport, style: HouseStyle,
                                                where: str) -> None:
    env = make_environment(style, autoescape=where == "template")
    names = (narrative_names(loaded.bundle, loaded.metrics) if where == "narrative"
             else _template_context(loaded, style))
    callables, values = walk(env, {**env.globals, **names})
    assert len(values) > 200  # the walk really went through the metrics and the bundle
    allowed = DOCUMENTED_FUNCTIONS | (BLOCK_FUNCTIONS if where == "template" else set())
    for path in callables:
        last = path.rsplit(".", 1)[-1]
        assert path in allowed or ("." in path and last in DOCUMENTED_METHODS), path
    assert {"period.previous"} <= set(callables)
    for path, value in values:
        assert _plain(value), f"{path} is a {type(value).__name__}"


def test_documented_callables_are_in_the_docs() -> None:
    from reportgen.sandbox import ALLOWED_METHODS

    from .helpers import ROOT

    docs = (ROOT / "docs" / "bundle.md").read_text(encoding="utf-8")
    docs += (ROOT / "docs" / "house-styles.md").read_text(encoding="utf-8")
    for name in DOCUMENTED_FUNCTIONS | BLOCK_FUNCTIONS:
        assert f"{name}(" in docs, name
    for names in ALLOWED_METHODS.values():
        for name in names:
            assert f".{name}(" in docs, name


def test_no_model_or_frame_reaches_a_template(loaded: LoadedReport, style: HouseStyle) -> None:
    from pydantic import BaseModel

    names = _template_context(loaded, style)
    env = make_environment(style, autoescape=True)
    _, values = walk(env, names)
    assert not [p for p, v in values if isinstance(v, BaseModel)]
    assert not [p for p, v in values if type(v).__module__.startswith("pandas")]


def test_freeze_refuses_what_it_does_not_know() -> None:
    from reportgen.sandbox import freeze

    with pytest.raises(TypeError):
        freeze(Path("/etc"))
    with pytest.raises(TypeError):
        freeze(lambda: 1)
    with pytest.raises(TypeError):
        freeze({"a": [object()]})


def test_freeze_of_a_record_decides_every_field_as_freeze_does() -> None:
    """A record's plain fields skip the walk through every kind of value (a speed-up); a
    subclass of a plain type, a nested list or a model still goes through it."""
    import dataclasses
    import datetime as dt
    from types import MappingProxyType

    from reportgen.sandbox import Record, freeze, record_fields

    class Name(str):
        pass

    @dataclasses.dataclass(frozen=True)
    class Inner:
        n: int

    @dataclasses.dataclass(frozen=True)
    class Row:
        text: str
        name: Name
        when: dt.datetime
        cost: float
        many: list[Inner]
        by: dict[int, Inner]
        none: None = None

    row = Row("a", Name("b"), dt.datetime(2026, 12, 7, 9), 1.5, [Inner(1)], {2: Inner(2)})
    frozen = freeze((row, [row]))
    assert isinstance(frozen, tuple) and isinstance(frozen[1], tuple)
    fields = record_fields(frozen[0])
    assert fields["name"] is row.name and fields["when"] is row.when
    assert isinstance(fields["many"], tuple) and isinstance(fields["many"][0], Record)
    assert record_fields(fields["many"][0]) == {"n": 1}
    assert isinstance(fields["by"], MappingProxyType) and list(fields["by"]) == ["2"]
    assert frozen[0] == frozen[1][0] and fields["none"] is None
    with pytest.raises(TypeError):
        freeze(Row("a", Name("b"), row.when, 1.0, [object()], {}))  # type: ignore[list-item]


# -- the parse_raw payload ------------------------------------------------------------------

def _pickle_payload(marker: Path) -> str:
    """A protocol-0 pickle that runs ``touch MARKER`` when a pydantic model unpickles it."""
    return f"cos\\nsystem\\n(S'touch {marker}'\\ntR."


def test_the_pickle_payload_is_live_against_a_bare_model(tmp_path: Path) -> None:
    """Without the sandbox the payload runs: the tests below are not vacuous."""
    from reportgen.bundle import Meeting

    marker = tmp_path / "ran"
    payload = _pickle_payload(marker).encode().decode("unicode_escape")
    with pytest.warns(Warning), pytest.raises(ValueError):  # pydantic's ValidationError
        Meeting.parse_raw(payload, proto="pickle", allow_pickle=True)  # type: ignore[call-arg]
    assert marker.exists()


METHODS = ["parse_raw", "parse_file", "parse_obj", "model_validate", "model_validate_json",
           "model_construct", "model_copy", "model_dump", "copy", "json", "dict", "construct",
           "schema", "model_json_schema", "from_orm", "validate", "update_forward_refs"]


@pytest.mark.parametrize("method", METHODS)
def test_no_model_method_is_reachable(loaded: LoadedReport, style: HouseStyle, method: str,
                                      tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    env = make_environment(style, autoescape=False)
    names = narrative_names(loaded.bundle, loaded.metrics)
    for root in ("meeting", "report", "placements", "budget", "period"):
        text = (f'{{{{ {root}.{method}("{_pickle_payload(marker)}", proto="pickle", '
                f'allow_pickle=True) }}}}')
        with pytest.raises(ReportgenError) as err:
            render_text(env, text, names, "report.yaml sections.summary")
        assert "\n" not in err.value.line()
    assert not marker.exists()


@pytest.mark.parametrize("command", ["check", "render"])
def test_check_and_render_of_the_payload_run_nothing(tmp_path: Path, command: str) -> None:
    import subprocess
    import sys

    from .helpers import ROOT

    bundle = tmp_path / "b"
    shutil.copytree(HARROW, bundle)
    marker = tmp_path / "ran"
    yaml_path = bundle / "report.yaml"
    hostile = (f"{{{{ meeting.parse_raw(\"{_pickle_payload(marker)}\", proto='pickle', "
               "allow_pickle=True) }}")
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(text.replace("{{ meeting.committee }}", hostile, 1), encoding="utf-8")
    args = [command, str(bundle)] + (["-o", str(tmp_path / "out.docx")]
                                     if command == "render" else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)
    assert not marker.exists()
    assert done.returncode == 2, done.stdout + done.stderr
    assert "meeting has no field 'parse_raw'" in done.stdout + done.stderr
    assert not (tmp_path / "out.docx").exists()


# -- bounded work ---------------------------------------------------------------------------

LIMITED = [
    ("{{ 'a' * 10**9 }}", "'*' would make text or a list longer than 100,000"),
    ("{{ [0] * 10**9 }}", "'*' would make text or a list longer than 100,000"),
    ("{{ 9 ** (9 ** 9) }}", "a power (**) would make a number of more than 100 digits"),
    ("{{ 10 ** 101 }}", "a power (**) would make a number of more than 100 digits"),
    ("{{ 'x' | center(500000000) }}", "center width 500,000,000 is over the limit of 1,000"),
    ("{{ 'x' | indent(10**9) }}", "indent width 1,000,000,000 is over the limit of 1,000"),
    ("{{ 'x y' | wordwrap(10**6) }}", "wordwrap width 1,000,000 is over the limit of 1,000"),
    ("{{ '%999999999s' | format('x') }}", "format width 999,999,999 is over the limit"),
    ("{{ '%.999999999f' % 1.5 }}", "'%'-format width 999,999,999 is over the limit"),
    ("{{ '%*s' % (10**9, 'x') }}", "'%'-format: a width given by '*' is not allowed"),
    ("{{ range(100000) | join('x' * 1000) }}", "join would make text"),
    ("{{ ('x' * 1000) | replace('x', 'y' * 1000) }}", "replace would make text"),
    ("{{ [1] | batch(10**9, 'x') | list }}", "batch would make text"),
    ("{{ [1] | slice(10**9) | list }}", "slice would make text"),
    ("{{ range(100000) | batch(1) | sum(start=[]) }}", "sum adds numbers only"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "loops ran more than 100,000 times"),
    ("{% set a = 'x' * 100000 %}{% set b = a ~ a %}{{ b }}", "'~' would make text"),
    ("{% set a = 'x' * 60000 %}{{ a + a }}", "'+' would make text"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "call each other more than 30 deep"),
    ("{{" + "(" * 3000 + "1" + ")" * 3000 + "}}", "nested more than 30 deep"),
    ("{{" + "-" * 3000 + "1 }}", "nested more than 30 deep"),
    ("{{ 1" + " + 1" * 3000 + " }}", "nested more than 30 deep"),
    ("{% if 1 %}" * 200 + "x" + "{% endif %}" * 200, "nested more than 30 deep"),
    ("{% set s = 'x' * 100000 %}{% for i in range(100000) %}{{ s }}{% endfor %}",
     "the output would be longer than 50,000,000 characters"),
    ("{{ ('x' * 1000) | center(1000) | length }}", None),  # at the limits: fine
]


@pytest.mark.parametrize("autoescape", [False, True], ids=["narrative", "template-env"])
@pytest.mark.parametrize("expression, words", LIMITED, ids=[e[:60] for e, _ in LIMITED])
def test_work_is_bounded(loaded: LoadedReport, style: HouseStyle, expression: str,
                         words: str | None, autoescape: bool) -> None:
    env = make_environment(style, autoescape=autoescape)
    names = narrative_names(loaded.bundle, loaded.metrics)
    if words is None:
        assert render_text(env, expression, names, "report.yaml sections.summary") == "1000"
        return
    with pytest.raises(ReportgenError) as err:
        render_text(env, expression, names, "report.yaml sections.summary")
    line = err.value.line()
    assert "\n" not in line
    assert line.startswith("report.yaml sections.summary: "), line
    assert words in line, line


def test_plain_values_read_as_before(loaded: LoadedReport, style: HouseStyle) -> None:
    """Freezing changes nothing a documented expression writes."""
    env = make_environment(style, autoescape=False)
    names = narrative_names(loaded.bundle, loaded.metrics)
    text = ("{{ meeting.committee }}|{{ report.classification_text }}|{{ period.label }}|"
            "{{ period.previous().label }}|{{ placements.by_type['ifa'].label }}|"
            "{{ 'ifa' in placements.by_type }}|{{ placements.by_type | length }}|"
            "{{ budget.lines[0].line == (budget.lines | first).line }}|"
            "{% for t in placements.by_type %}{{ loop.cycle('a', 'b') }}{% endfor %}|"
            "{{ dict(a=1).items() | list }}")
    out = render_text(env, text, names, "s").split("|")
    bundle = loaded.bundle
    assert out[0] == bundle.meeting.committee
    assert out[1] == bundle.report.classification_text
    assert out[2] == loaded.metrics.period.label  # type: ignore[union-attr]
    assert out[3] == loaded.metrics.period.previous().label  # type: ignore[union-attr]
    assert out[4] == "Independent fostering agency (IFA)"
    assert out[5] == "True"
    assert out[6] == str(len(loaded.metrics.placements.by_type))  # type: ignore[union-attr]
    assert out[7] == "True"
    assert out[8].startswith("abab")
    assert out[9] == "[('a', 1)]"


# -- sizes counted deep and before the work (issue 24) ---------------------------------------

SHARED = "{% set s = 'x' * 60000 %}{% set t = 'x' * 60000 %}"
DEEP = [
    (SHARED + "{{ (s,) * 2 }}", "'*' would make text or a list longer than 100,000"),
    (SHARED + "{{ [s, s] }}", "printing a value would make text or a list longer"),
    (SHARED + "{{ [s, s] | string }}", "string would make text or a list longer"),
    (SHARED + "{{ [s, s] | upper }}", "upper would make text or a list longer"),
    (SHARED + "{{ [s, s] ~ '' }}", "'~' would make text or a list longer"),
    (SHARED + "{{ [[s], [s]] | join }}", "join would make text or a list longer"),
    (SHARED + "{{ '%s%s' % (s, s) }}", "'%'-format would make text or a list longer"),
    (SHARED + "{{ '%(a)s%(a)s' % dict(a=s) }}", "'%'-format would make text or a list"),
    (SHARED + "{{ '%s%s' | format(s, t) }}", "format would make text or a list longer"),
    (SHARED + "{{ [s, s] | tojson }}", "tojson would make text or a list longer"),
    ("{{ range(1000) | list | tojson(indent=200) }}", "tojson would make text or a list"),
    ("{{ [1] | tojson(indent=5000) }}", "tojson indent width 5,000 is over the limit"),
    (SHARED + "{{ [s, s] | pprint }}", "pprint would make text or a list longer"),
    (SHARED + "{{ [s, s] | center(10) }}", "center would make text or a list longer"),
    (SHARED + "{{ [s, s] | replace('x', 'y') }}", "replace would make text or a list"),
    # the same value read over and over: comparisons, look-ups, sorts and tests are counted
    (SHARED + "{% for i in range(400) %}{{ [s] == [t] }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ 'y' in [s] }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ [[s]] | select('eq', [t]) | list }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ [[s], [t]] | sort | length }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ [s, t] | batch(1) | sort | length }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ loop.changed([s]) }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    (SHARED + "{% for i in range(400) %}{{ dict(a=1)[(s,)] is defined }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
    # a comparison of constants is counted too (Jinja2 would fold it while compiling)
    ("{% for i in range(400) %}{{ ('x' * 60000,) == ('x' * 60000,) }}{% endfor %}",
     "more than 20,000,000 characters or items built, printed or compared in one text"),
]


@pytest.mark.parametrize("autoescape", [False, True], ids=["narrative", "template-env"])
@pytest.mark.parametrize("expression, words", DEEP, ids=[e[len(SHARED):][:60] or e[:60]
                                                          for e, _ in DEEP])
def test_deep_sizes_are_counted_before_the_work(loaded: LoadedReport, style: HouseStyle,
                                                expression: str, words: str,
                                                autoescape: bool) -> None:
    line = one_line_error(loaded, style, expression, autoescape)
    assert words in line, line


def test_comparisons_tests_and_text_read_as_before(loaded: LoadedReport,
                                                   style: HouseStyle) -> None:
    """Counting comparisons, tests and the text of lists changes nothing they give."""
    env = make_environment(style, autoescape=False)
    names = narrative_names(loaded.bundle, loaded.metrics)
    text = ("{{ 1 < 2 < 3 }}|{{ 3 < 2 < 4 }}|{{ 'a' in 'abc' }}|{{ 3 not in [1, 2] }}|"
            "{{ [1, 2, 3] | select('eq', 2) | list }}|{{ [3, 1, 2] | sort | list }}|"
            "{{ (1, 'a') }}|{{ [1, 2] | tojson }}|{{ '%s-%s' % (1, 'b') }}|"
            "{{ '%(a)s' | format(a=5) }}|{{ [1, [2]] | join(',') }}|{{ [3, 1] | max }}|"
            "{{ ('x' * 3) == 'xxx' }}|{{ [1, 1, 2] | unique | list }}|"
            "{% for x in [1, 1, 2] %}{{ loop.changed(x) }}{% endfor %}")
    assert render_text(env, text, names, "s").split("|") == [
        "True", "False", "True", "True", "[2]", "[1, 2, 3]", "(1, 'a')", "[1, 2]", "1-b",
        "5", "1,[2]", "3", "True", "[1, 2]", "TrueFalseTrue"]


def test_the_metrics_are_frozen_once_for_a_render_and_forgotten_with_them() -> None:
    import gc

    from reportgen import sandbox

    loaded = load_report(FIXTURES / "ssda903-placements-2023")
    metrics = dataclasses.replace(loaded.metrics)  # a Metrics no other test holds
    some = sandbox.frozen_metrics(metrics, {"care", "placements"})
    every = sandbox.frozen_metrics(metrics)
    assert list(some) == ["placements", "care"]
    assert every["care"] is some["care"] and every["placements"] is some["placements"]
    assert list(every) == list(metrics.namespace())
    assert every == sandbox.freeze_names(metrics.namespace())
    key = id(metrics)
    del metrics
    gc.collect()
    assert key not in sandbox._FROZEN_METRICS
