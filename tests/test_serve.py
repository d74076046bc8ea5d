"""``reportgen serve`` without a browser: what it serves, what it refuses, and that hostile
bundle text never becomes script (tests/test_serve_browser.py drives it in Chromium).

The application is exercised through Werkzeug's test client on a copy of a fixture; the
path-traversal requests also go to the real server over a socket, since a client library may
tidy a path before sending it.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html as lxml_html

from tests.helpers import FIXTURES, ROOT, serving

pytest.importorskip("werkzeug", reason="reportgen[serve] not installed")
pytest.importorskip("watchfiles", reason="reportgen[serve] not installed")

from werkzeug.test import Client  # noqa: E402

from reportgen.serve.app import App, Hub  # noqa: E402
from reportgen.serve.page import SERVE_CSP  # noqa: E402
from reportgen.serve.snapshot import Source  # noqa: E402

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
PORT = 8123  # the test client's pretend port: the Host header must name it
SANDBOX = ROOT / "tests" / "bad_inputs" / "sandbox.yaml"


def _files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Source, Client, Path]]:
    bundle = tmp_path_factory.mktemp("serve") / "bundle"
    shutil.copytree(HARROW, bundle)
    (bundle / "outside-link").symlink_to("/etc/passwd")
    source = Source(bundle)
    hub = Hub()
    hub.publish(source.build().version)
    yield source, Client(App(source, hub, lambda: PORT)), bundle


def _get(client: Client, path: str, **kwargs: Any) -> Any:
    return client.get(path, base_url=f"http://127.0.0.1:{PORT}", **kwargs)


def _scripts_and_handlers(page: bytes) -> tuple[list[str], list[str]]:
    """Every script element's source (``inline`` for one without) and every attribute that
    could run script: event handlers and javascript: addresses."""
    root = lxml_html.document_fromstring(page)
    scripts = [s.get("src") or "inline" for s in root.iter("script")]
    risky = [f"{el.tag} {name}" for el in root.iter() if isinstance(el.tag, str)
             for name, value in el.attrib.items()
             if name.lower().startswith("on") or "javascript:" in value.lower().replace(" ", "")]
    return scripts, risky


def test_the_page_is_served_with_its_policy_and_only_its_own_script(served: Any) -> None:
    source, client, _ = served
    response = _get(client, "/")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == SERVE_CSP
    assert "'unsafe-inline'" not in SERVE_CSP.split("script-src")[1].split(";")[0]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    scripts, risky = _scripts_and_handlers(response.data)
    assert scripts == ["/_serve/serve.js"] and risky == []
    root = lxml_html.document_fromstring(response.data)
    metas = [m.get("content") for m in root.iter("meta")
             if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert metas == [SERVE_CSP]  # the page's own policy would block the script: replaced
    assert _get(client, "/_serve/serve.js").status_code == 200
    assert root.get_element_by_id("findings") is not None
    assert root.get_element_by_id("names-table") is not None


def test_downloads_are_the_document_shown(served: Any) -> None:
    source, client, _ = served
    snap = source.current
    page = _get(client, "/").data.decode()
    href = re.search(r'href="(/_download/[^"]+\.docx)"', page)
    assert href is not None
    response = _get(client, href.group(1))
    assert response.status_code == 200 and response.data == snap.docx
    assert response.headers["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("path", [
    "/../report.yaml", "/..%2freport.yaml", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd",
    "/report.yaml", "/data/placements.csv", "/outside-link", "/_serve/../report.yaml",
    "/_serve/%2e%2e/report.yaml", "/_serve/__init__.py", "/_download/report.yaml",
    "/_download/../report.yaml", "/index.html/../../report.yaml",
])
def test_nothing_from_disc_is_served(served: Any, path: str) -> None:
    _, client, bundle = served
    assert _get(client, path).status_code == 404
    absolute = _get(client, "/" + str(bundle / "report.yaml").lstrip("/"))
    assert absolute.status_code == 404


def test_no_endpoint_writes_and_other_hosts_are_refused(served: Any) -> None:
    _, client, bundle = served
    before = _files(bundle)
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/", base_url=f"http://127.0.0.1:{PORT}",
                                           data=b"x")
        assert response.status_code == 405, method
        assert getattr(client, method)("/_download/x.docx",
                                       base_url=f"http://127.0.0.1:{PORT}").status_code == 405
    assert client.get("/", base_url="http://rebound.example/").status_code == 421
    assert client.get("/", base_url=f"http://127.0.0.1:{PORT + 1}/").status_code == 421
    assert _files(bundle) == before


def _snapshot_of(bundle: Path) -> Any:
    source = Source(bundle)
    return source, source.build()


def test_hostile_markup_in_the_bundle_stays_text(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    attacks = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">',
               '[link](javascript:alert(3))', '</style><script>alert(4)</script>',
               '"><svg onload=alert(5)>']
    text = (bundle / "report.yaml").read_text(encoding="utf-8")
    text = text.replace("council: Harrow Council",
                        "council: \"Harrow <script>alert('c')</script> Council\"", 1)
    text = text.replace("sections:\n  summary: |\n",
                        "sections:\n  summary: |\n    " + " ".join(attacks) + "\n\n", 1)
    (bundle / "report.yaml").write_text(text, encoding="utf-8")
    _, snap = _snapshot_of(bundle)
    assert snap.error is None, snap.error
    page = snap.pages["index.html"]
    scripts, risky = _scripts_and_handlers(page)
    assert scripts == ["/_serve/serve.js"] and risky == []
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown, as text
    assert "<script>alert('c')</script>" in lxml_html.document_fromstring(page).text_content()


def _sandbox_cases() -> list[dict[str, Any]]:
    cases = yaml.safe_load(SANDBOX.read_text(encoding="utf-8"))
    return [c for c in cases if c.get("replace") and "message" in c and not c.get("args")
            and not c.get("make") and not c.get("base")
            and all(r[0] == "report.yaml" for r in c["replace"])]


def test_hostile_narrative_cases_show_their_line_and_the_last_good_page(tmp_path: Path) -> None:
    """Each hostile narrative case of the corpus, saved over a bundle being served: the page
    keeps the last good report and shows the case's own one-line error; no traceback, no
    script but the server's own."""
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    good = (bundle / "report.yaml").read_text(encoding="utf-8")
    source = Source(bundle)
    first = source.build()
    assert first.error is None
    cases = _sandbox_cases()
    assert len(cases) >= 20
    for case in cases:
        text = good
        for _, old, new in case["replace"]:
            assert old in text, case["name"]
            text = text.replace(old, new)
        (bundle / "report.yaml").write_text(text, encoding="utf-8")
        snap = source.build()
        expected = case["message"].replace("{bundle}", str(bundle)).removeprefix("error: ")
        assert snap.error == expected, case["name"]
        page = snap.pages["index.html"]
        root = lxml_html.document_fromstring(page)
        alert = [el.text_content() for el in root.iter("p") if el.get("role") == "alert"]
        assert len(alert) == 1 and expected in " ".join(alert[0].split()), case["name"]
        assert b"Traceback" not in page
        assert root.find(".//main//h1") is not None  # the last good report is still there
        assert snap.docx == first.docx  # and the download is of that page
        scripts, risky = _scripts_and_handlers(page)
        assert scripts == ["/_serve/serve.js"] and risky == [], case["name"]
    (bundle / "report.yaml").write_text(good, encoding="utf-8")
    assert source.build().error is None


def test_a_bundle_that_never_loaded_shows_only_its_error(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    (bundle / "report.yaml").write_text("council: [unclosed\n", encoding="utf-8")
    _, snap = _snapshot_of(bundle)
    assert snap.error is not None and "\n" not in snap.error
    assert str(bundle / "report.yaml") in snap.error
    page = snap.pages["index.html"]
    assert b"Traceback" not in page and snap.docx is None
    # Another mistake before it ever loaded: the page says the new line, not the old one.
    source = Source(bundle)
    source.build()
    (bundle / "report.yaml").write_text("council: Harrow\nnot_a_field: 1\n", encoding="utf-8")
    again = source.build()
    assert again.error is not None and again.error != snap.error
    root = lxml_html.document_fromstring(again.pages["index.html"])
    alerts = [" ".join(el.text_content().split()) for el in root.iter("p")
              if el.get("role") == "alert"]
    assert alerts == [" ".join(again.error.split())]


def test_the_real_server_refuses_raw_paths_outside_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    (bundle / "outside-link").symlink_to("/etc/passwd")
    with serving(bundle) as (_, address):
        port = int(address.rsplit(":", 1)[1].strip("/"))
        for path in ("/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                     "/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "/outside-link",
                     "/" + str(bundle / "report.yaml"), "/report.yaml",
                     "/_serve/..%2f..%2fcli.py"):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            connection.putrequest("GET", path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            assert response.status in (400, 404), path
            assert b"root:" not in body and b"council:" not in body
            connection.close()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200


def test_findings_are_placed_at_their_sentence_cell_or_heading() -> None:
    """On a generated page: the quoted words in the section the finding names are marked
    (not the same words elsewhere), a quote in a table cell marks the cell, a finding with no
    words on the page goes to its section's heading, and one with no place to the panel only."""
    from lxml import etree

    from reportgen.checks.findings import Finding
    from reportgen.serve.findings import place_findings

    main = lxml_html.fragment_fromstring(
        "<main><h2>Alpha heading</h2><p>Spend was £12,345 this year.</p>"
        "<h2>Beta heading</h2><p>Spend was £12,345 again, said <em>someone</em>.</p>"
        "<table><tr><th scope='row'>Line</th><td>£9,876</td></tr></table>"
        "<h2>Gamma heading</h2><p>Nothing typed here.</p></main>")
    findings = [
        Finding("figures.literal-mismatch", "error", "'£12,345' but the data give £1",
                where="body.beta", fix="write {{ budget.total.spend | money }}"),
        Finding("figures.hand-typed", "warning", "'£9,876' is typed by hand", where="body.beta"),
        Finding("content.missing", "warning", "the section says nothing of risk",
                where="body.gamma"),
        Finding("content.decision-requirements", "warning", "not cleared", where="clearance"),
    ]
    headings = {"body.alpha": "Alpha heading", "body.beta": "Beta heading",
                "body.gamma": "Gamma heading"}
    placed = place_findings(main, findings, headings)
    assert [p.anchor for p in placed] == ["finding-1", "finding-2", "finding-3", None]
    paragraphs = main.findall("p")
    assert paragraphs[0].find("mark") is None  # the same words under another heading
    mark = paragraphs[1].find("mark")
    assert mark.text == "£12,345" and mark.get("aria-describedby") == "finding-1"
    assert "".join(paragraphs[1].itertext()).startswith("Spend was £12,345 again")
    note = main.get_element_by_id("finding-1")
    assert note.getprevious() is paragraphs[1]
    assert note.find(".//code").text == "{{ budget.total.spend | money }}"
    cell = main.find(".//td")
    assert cell.find("mark").text == "£9,876" and cell.find("span").get("id") == "finding-2"
    gamma = [h for h in main.findall("h2") if h.text == "Gamma heading"][0]
    assert "finding-3" in gamma.get("aria-describedby")
    assert placed[3].anchor is None
    assert etree.tostring(main).count(b"<mark") == 2


def test_an_agenda_is_served_with_its_item_pages_and_public_pack(tmp_path: Path) -> None:
    from reportgen.agenda import load_agenda
    from reportgen.pack import build_packs

    agenda = FIXTURES / "agenda-corporate-parenting" / "agenda.yaml"
    source = Source(agenda)
    hub = Hub()
    snap = source.build()
    hub.publish(snap.version)
    assert snap.error is None, snap.error
    client = Client(App(source, hub, lambda: PORT))
    index = _get(client, "/")
    assert index.status_code == 200
    root = lxml_html.document_fromstring(index.data)
    links = {a.get("href") for a in root.iter("a")}
    items = sorted(name for name in snap.pages if name.startswith("item-"))
    assert items and set(items) <= links
    for name in items:
        page = _get(client, f"/{name}")
        assert page.status_code == 200
        assert _scripts_and_handlers(page.data) == (["/_serve/serve.js"], [])
    # The public pack only: exactly what `reportgen pack` builds as Part I.
    assert snap.docx == build_packs(load_agenda(agenda)).public
    assert _get(client, "/agenda.yaml").status_code == 404


def _serve_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "reportgen", "serve", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_a_port_in_use_or_a_missing_bundle_is_one_line(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve_cli(str(HARROW), "--port", str(port))
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert lines == [f"error: cannot listen on 127.0.0.1 port {port}: Address already in use "
                     "(choose another with --port)"]
    assert "Traceback" not in result.stderr and result.stdout == ""
    missing = _serve_cli(str(tmp_path / "nowhere"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: {tmp_path / 'nowhere'}: no such file or folder"
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = _serve_cli(str(empty))
    assert nothing.returncode == 2
    assert nothing.stderr.strip() == f"error: {empty}: no report.yaml or agenda.yaml here"


def test_the_server_starts_serves_and_stops_in_process(tmp_path: Path) -> None:
    import threading
    import urllib.request

    from reportgen.serve.run import Server

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    server = Server(bundle, 0)
    server.start()
    assert server.port != 0 and server.url == f"http://127.0.0.1:{server.port}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(server.url, timeout=120) as response:
            assert response.status == 200
            assert response.headers["Content-Security-Policy"] == SERVE_CSP
    finally:
        server.stop()
    thread.join(timeout=60)
    assert not thread.is_alive()
    unstarted = Server(bundle, 0)
    unstarted.start()
    unstarted.stop()  # never served: stop returns rather than waiting for a loop never run


def _heading_before(note: Any) -> Any:
    """The heading a note placed at a heading follows (the note comes straight after it)."""
    previous = note.getprevious()
    assert previous is not None
    return previous


@pytest.mark.parametrize("form", ["layout", "template"])
def test_a_sections_finding_without_quoted_words_is_at_its_heading(tmp_path: Path,
                                                                   form: str) -> None:
    """A report written with ``sections:``: a finding about a section that quotes nothing
    (an empty section) is shown at the heading the style prints for that key, whether the
    heading comes from style.yaml's layout or from template.docx above its section() call."""
    from reportgen.bundle import SECTION_IDS, SECTION_ROLES
    from reportgen.pipeline import load_report, produce

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    report = yaml.safe_load((bundle / "report.yaml").read_text(encoding="utf-8"))
    style_name = report["style"]
    style_dir = ROOT / "templates" / style_name
    style = yaml.safe_load((style_dir / "style.yaml").read_text(encoding="utf-8"))
    assert "sections" in report and "body" not in report
    if form == "template":  # the same style without its layout: template.docx's headings
        shutil.copytree(style_dir, bundle / "style")
        del style["layout"]
        (bundle / "style" / "style.yaml").write_text(yaml.safe_dump(style), encoding="utf-8")
        report["style"] = "./style"
    # Every part the style requires that the report leaves out, given empty: each prints its
    # heading with the standard text, and content.empty-section quotes nothing of it.
    empty = [key for key in SECTION_IDS if not report["sections"].get(key)
             and SECTION_ROLES.get(key, key) in style["required_parts"]]
    assert empty
    for key in empty:
        report["sections"][key] = ""
    (bundle / "report.yaml").write_text(yaml.safe_dump(report, allow_unicode=True),
                                        encoding="utf-8")
    result = produce(load_report(bundle), gate=False).result
    _, snap = _snapshot_of(bundle)
    assert snap.error is None
    root = lxml_html.document_fromstring(snap.pages["index.html"])
    panel = root.get_element_by_id("findings").getparent()
    for key in empty:
        heading = result.headings[f"sections.{key}"]
        assert heading and heading not in (key, key.replace("_", " "))  # the style's words
        # The panel's line for this finding links to the note; the note follows the heading.
        items = [li for li in panel.iter("li") if f"sections.{key}:" in li.text_content()
                 and "content.empty-section" in li.text_content()]
        assert len(items) == 1, key
        link = items[0].find("a")
        assert link is not None, f"{key}: listed in the panel only"
        note = root.get_element_by_id(link.get("href").removeprefix("#"))
        at = _heading_before(note)
        assert at.tag in ("h1", "h2", "h3", "h4", "h5", "h6"), key
        assert " ".join(at.text_content().split()).endswith(heading), key
        assert note.get("id") in (at.get("aria-describedby") or "").split()
