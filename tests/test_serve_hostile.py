"""``reportgen serve`` under attack: other hosts and origins, malformed and smuggled requests,
paths, hostile download names, idle and piled-up connections, an over-budget build, a stop
signal mid-build.

Most tests run the application (or the real threaded server on a socket of 127.0.0.1) over a
hand-made snapshot, so that no bundle need be built; the budget and signal tests build the
Harrow fixture. No assertion depends on timing: waits are generous polls.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import pytest

from tests.helpers import FIXTURES, ROOT

pytest.importorskip("werkzeug", reason="reportgen[serve] not installed")
pytest.importorskip("watchfiles", reason="reportgen[serve] not installed")

from werkzeug.test import Client  # noqa: E402

from reportgen.errors import ReportgenError  # noqa: E402
from reportgen.serve.app import App, Hub  # noqa: E402
from reportgen.serve.page import SERVE_CSP  # noqa: E402
from reportgen.serve.run import make_http_server  # noqa: E402
from reportgen.serve.snapshot import INDEX, Snapshot, Source  # noqa: E402

HARROW = FIXTURES / "harrow-2016-high-cost-placements"
PORT = 8123
HOSTILE_NAME = 'a"b\\c\r\nSet-Cookie: x=1; ü\u202e\u0000.docx'
PAGE = b"<!DOCTYPE html><html><body><p>the page</p></body></html>"
DOCX = b"PK\x03\x04 the document"


class _Held:
    """A source holding one hand-made snapshot (what App reads: ``current`` and ``pdf``)."""

    def __init__(self, docx_name: str = "2016-10-25-report.docx") -> None:
        self.current = Snapshot(1, {INDEX: PAGE}, DOCX, docx_name, [])

    def pdf(self, snap: Snapshot) -> bytes:
        raise ReportgenError("LibreOffice is not installed")


def _client(name: str = "2016-10-25-report.docx", **kwargs: Any) -> Client:
    return Client(App(_Held(name), Hub(), lambda: PORT, **kwargs))  # type: ignore[arg-type]


def _get(client: Client, path: str, host: str = f"127.0.0.1:{PORT}",
         headers: dict[str, str] | None = None, **kwargs: Any) -> Any:
    return client.get(path, base_url=f"http://127.0.0.1:{PORT}",
                      environ_overrides={"HTTP_HOST": host}, headers=headers or {}, **kwargs)


def _secured(headers: Any) -> None:
    assert headers["Content-Security-Policy"] == SERVE_CSP
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cache-Control"] == "no-store"
    assert "Access-Control-Allow-Origin" not in headers


@pytest.mark.parametrize("host", [
    f"127.0.0.1.evil.com:{PORT}", f"localhost.:{PORT}", f"[::1]:{PORT}", "127.0.0.1",
    "localhost", f"evil.com:{PORT}", f"127.0.0.1:{PORT}, evil.com", "127.0.0.1:1",
    f"127.0.0.1:{PORT}@evil.com", f"LOCALHOST.evil.com:{PORT}", ""])
def test_other_hosts_are_refused_on_every_route(host: str) -> None:
    client = _client()
    for path in ("/", "/_events", "/_download/2016-10-25-report.docx", "/_serve/serve.js"):
        response = _get(client, path, host=host)
        assert response.status_code == 421, (host, path)
        _secured(response.headers)
        assert DOCX not in response.data and PAGE not in response.data


@pytest.mark.parametrize("host", [f"127.0.0.1:{PORT}", f"localhost:{PORT}",
                                  f"LOCALHOST:{PORT}"])
def test_this_server_is_answered_whatever_the_case(host: str) -> None:
    response = _get(_client(), "/", host=host)
    assert response.status_code == 200 and response.data == PAGE


def test_another_sites_page_cannot_read_the_stream_or_the_downloads() -> None:
    client = _client()
    for path in ("/_events", "/_download/2016-10-25-report.docx", "/"):
        for origin in ("http://evil.com", "null", f"http://127.0.0.1.evil.com:{PORT}",
                       f"https://127.0.0.1:{PORT}", f"http://localhost:{PORT + 1}"):
            response = _get(client, path, headers={"Origin": origin})
            assert response.status_code == 403, (path, origin)
            _secured(response.headers)
            assert DOCX not in response.data
    for path in ("/_events", "/_download/2016-10-25-report.docx"):
        for site in ("cross-site", "same-site"):
            response = _get(client, path, headers={"Sec-Fetch-Site": site})
            assert response.status_code == 403, (path, site)
    # The officer's own page (same origin, or typed in) is served.
    download = _get(client, "/_download/2016-10-25-report.docx",
                    headers={"Origin": f"http://127.0.0.1:{PORT}",
                             "Sec-Fetch-Site": "same-origin"})
    assert download.status_code == 200 and download.data == DOCX
    _secured(download.headers)
    assert _get(client, "/", headers={"Sec-Fetch-Site": "none"}).status_code == 200


def test_a_hostile_download_name_cannot_break_the_header() -> None:
    client = _client(HOSTILE_NAME)
    response = _get(client, "/_download/" + quote(HOSTILE_NAME))
    assert response.status_code == 200 and response.data == DOCX
    _secured(response.headers)
    disposition = response.headers["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert "Set-Cookie" not in response.headers
    match = re.fullmatch(r'attachment; filename="([ -~]*)"; filename\*=UTF-8\'\'(\S+)',
                         disposition)
    assert match is not None, disposition
    assert '"' not in match.group(1) and "\\" not in match.group(1)
    assert unquote(match.group(2)) == "".join(c for c in HOSTILE_NAME if c.isprintable())


@pytest.mark.parametrize("path", [
    "/_download/../index.html", "/_download/%2e%2e%2findex.html", "/index.html%00",
    "/_serve/serve.js%00.css", "/_serve/..%5cserve.js", "/_serve/%2e%2e/app.py",
    "/%252e%252e/%252e%252e/etc/passwd", "/%EF%BC%8E%EF%BC%8E/etc/passwd",
    "/..\\..\\etc\\passwd", "/_download/2016-10-25-report.docx/", "/INDEX.HTML",
    "/_download/2016-10-25-REPORT.docx", "/_download/2016-10-25-report.pdf"])
def test_other_paths_are_a_clear_refusal(path: str) -> None:
    response = _get(_client(), path)
    assert response.status_code in (404, 503), path  # 503: the PDF without LibreOffice
    _secured(response.headers)
    assert b"Traceback" not in response.data and b"/" not in response.data.split(b"\n")[0][4:]


def test_the_event_streams_are_capped_and_their_places_given_back() -> None:
    client = _client(max_streams=2)
    first = _get(client, "/_events", buffered=False)
    second = _get(client, "/_events", buffered=False)
    assert first.status_code == second.status_code == 200
    third = _get(client, "/_events", buffered=False)
    assert third.status_code == 503
    _secured(third.headers)
    assert _get(client, "/").status_code == 200  # the page itself is not held up
    first.close()  # a tab closed: the server closes its iterable
    fourth = _get(client, "/_events", buffered=False)
    assert fourth.status_code == 200
    for response in (second, fourth):
        response.close()


# --- the real server on a socket -----------------------------------------------------------


@pytest.fixture()
def live(request: pytest.FixtureRequest) -> Iterator[tuple[int, Any]]:
    options = getattr(request, "param", {})
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = int(listener.getsockname()[1])
    app = App(_Held(), Hub(), lambda: port)  # type: ignore[arg-type]
    server = make_http_server(app, listener.fileno(), port, **options)
    listener.close()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield port, server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=60)


def _raw(port: int, data: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=60) as conn:
        conn.sendall(data)
        chunks = []
        while True:
            try:
                chunk = conn.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


def _status(reply: bytes) -> int:
    match = re.match(rb"HTTP/1\.[01] (\d{3}) ", reply)
    assert match is not None, reply[:200]
    return int(match.group(1))


def _head_of(reply: bytes) -> str:
    return reply.split(b"\r\n\r\n", 1)[0].decode("latin-1")


def test_the_http_layer_refuses_malformed_smuggled_and_huge_requests(live: Any) -> None:
    port, _ = live
    host = f"Host: 127.0.0.1:{port}\r\n".encode()
    cases = {
        "smuggled": b"GET / HTTP/1.1\r\n" + host + b"Content-Length: 44\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /_download/x HTTP/1.1\r\n\r\n",
        "chunked": b"GET / HTTP/1.1\r\n" + host + b"Transfer-Encoding: chunked\r\n\r\n"
                   b"5\r\nhello\r\n0\r\n\r\n",
        "body": b"GET / HTTP/1.1\r\n" + host + b"Content-Length: 5\r\n\r\nhello",
        "post": b"POST / HTTP/1.1\r\n" + host + b"Content-Length: 0\r\n\r\n",
        "two hosts": b"GET / HTTP/1.1\r\n" + host + b"Host: evil.com\r\n\r\n",
        "garbage": b"\x00\x01GARBAGE\r\n\r\n",
        "long url": b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n" + host + b"\r\n",
        "long header": b"GET / HTTP/1.1\r\n" + host + b"X-A: " + b"b" * 70000 + b"\r\n\r\n",
        "many headers": b"GET / HTTP/1.1\r\n" + host
                        + b"".join(b"X-%d: 1\r\n" % i for i in range(200)) + b"\r\n",
        "nul path": b"GET /\x00/etc/passwd HTTP/1.1\r\n" + host + b"\r\n",
        "backslash path": b"GET /..\\..\\etc\\passwd HTTP/1.1\r\n" + host + b"\r\n",
        "absolute url": b"GET http://evil.com/ HTTP/1.1\r\n" + host + b"\r\n",
    }
    for name, request in cases.items():
        reply = _raw(port, request)
        status = _status(reply)
        assert 400 <= status < 500, (name, status)
        head = _head_of(reply)
        assert f"Content-Security-Policy: {SERVE_CSP}" in head, (name, head)
        assert "X-Content-Type-Options: nosniff" in head, name
        assert "Access-Control-Allow-Origin" not in head
        assert b"Traceback" not in reply and b"/etc" not in reply.split(b"\r\n\r\n", 1)[1]
        assert reply.count(b"HTTP/1.") == 1, name  # never a second (smuggled) response
    ok = _raw(port, b"GET / HTTP/1.1\r\n" + host + b"\r\n")
    assert _status(ok) == 200 and ok.endswith(PAGE)


def test_a_request_without_a_host_is_answered_as_this_server_or_refused(live: Any) -> None:
    port, _ = live
    reply = _raw(port, b"GET / HTTP/1.0\r\n\r\n")  # no browser sends this: no rebinding
    assert _status(reply) in (200, 421)
    assert f"Content-Security-Policy: {SERVE_CSP}" in _head_of(reply)


@pytest.mark.parametrize("live", [{"max_connections": 3, "idle_seconds": 1.0}], indirect=True)
def test_idle_connections_are_closed_and_cannot_take_every_thread(live: Any) -> None:
    port, _ = live
    idle = [socket.create_connection(("127.0.0.1", port), timeout=60) for _ in range(3)]
    try:
        # Every slot is held: one more connection is closed unanswered, not given a thread.
        assert _raw(port, f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()) == b""
        # The idle ones are closed by the server (they sent nothing), not held for ever.
        for conn in idle:
            data = b"x"
            while data:
                try:
                    data = conn.recv(65536)  # b"": closed; a 408 first is fine too
                except ConnectionResetError:
                    break
    finally:
        for conn in idle:
            conn.close()
    deadline = time.monotonic() + 120  # the slots come back once their threads end
    while True:
        reply = _raw(port, f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        if reply or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert _status(reply) == 200


# --- builds --------------------------------------------------------------------------------


def test_a_build_over_its_time_budget_is_one_line_and_keeps_the_last_good_page(
        tmp_path: Path) -> None:
    from reportgen import budget

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    source = Source(bundle)
    good = source.build()
    assert good.error is None
    with budget.deadline(until=time.monotonic() - 1):  # the time already spent
        late = source.build()
    assert late.error is not None and "over a limit:" in late.error, late.error
    assert "\n" not in late.error and "Traceback" not in late.error
    assert late.docx == good.docx  # the last good document, with the error shown
    assert b"over a limit" in late.pages[INDEX]
    assert source.build().error is None  # the next save has its own budget


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_while_building_exits_cleanly(tmp_path: Path, signum: int) -> None:
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    temp = tmp_path / "tmp"
    temp.mkdir()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(temp)}
    process = subprocess.Popen([sys.executable, "-m", "reportgen", "serve", str(bundle),
                                "--port", str(port)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    assert process.stderr is not None
    assert process.stderr.readline().startswith("Building")  # the port is taken; building
    process.send_signal(signum)
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    assert process.returncode == 128 + signum, (process.returncode, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) <= 1, err
    assert list(temp.iterdir()) == []
    again = socket.socket()
    try:
        again.bind(("127.0.0.1", port))  # released
    finally:
        again.close()


# --- the watcher ---------------------------------------------------------------------------


def _wait_for(condition: Any, poke: Any, what: str, seconds: float = 240) -> None:
    """Poll ``condition``, calling ``poke`` every few seconds (a change made before the
    watcher was ready is not seen), until it holds."""
    deadline = time.monotonic() + seconds
    last_poke = 0.0
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        if time.monotonic() - last_poke > 5:
            poke()
            last_poke = time.monotonic()
        time.sleep(0.1)


def test_a_symlink_loop_many_files_and_rapid_saves_leave_the_watcher_working(
        tmp_path: Path) -> None:
    from reportgen.serve.run import Server

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    (bundle / "loop").symlink_to(bundle, target_is_directory=True)
    (bundle / "deep").mkdir()
    (bundle / "deep" / "up").symlink_to("..", target_is_directory=True)
    junk = bundle / "junk"
    for folder in range(100):
        (junk / f"d{folder}").mkdir(parents=True)
        for number in range(1000):  # 100,000 files the report does not use
            (junk / f"d{folder}" / f"f{number}.txt").touch()
    nested = bundle
    for level in range(200):
        nested = nested / f"n{level}"
    nested.mkdir(parents=True)
    report = bundle / "report.yaml"
    text = report.read_text(encoding="utf-8")
    builds: list[Snapshot] = []
    server = Server(bundle, 0, on_build=builds.append)
    server.start()
    try:
        assert len(builds) == 1 and builds[0].error is None
        _wait_for(lambda: len(builds) > 1, lambda: report.write_text(text, encoding="utf-8"),
                  "a save rebuilt the page")
        settled = len(builds)
        for save in range(40):  # an editor saving over and over
            report.write_text(text.replace("Monitoring Update", f"Monitoring Update {save}"),
                              encoding="utf-8")
        _wait_for(lambda: b"Monitoring Update 39" in builds[-1].pages[INDEX], lambda: None,
                  "the last save shown")
        # The saves were coalesced into a few builds, one after another, not 40 piled up.
        assert len(builds) - settled < 10, [b.error for b in builds]
        assert builds[-1].error is None, [b.error for b in builds]
        assert [b.version for b in builds] == sorted(b.version for b in builds)
    finally:
        server.stop()


# --- content -------------------------------------------------------------------------------


def test_hostile_narrative_svg_mathml_css_and_script_ends_stay_text(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    attacks = ['<math><maction actiontype="statusline" xlink:href="javascript:alert(6)">m'
               '</maction></math>', '<p style="background:url(https://evil.example/x)">s</p>',
               '<svg><script>alert(7)</script></svg>', '</script><script>alert(8)</script>',
               '<a href="JaVaScRiPt:alert(9)">a</a>', '<base href="https://evil.example/">',
               '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
               '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=)',
               '<iframe src="https://evil.example/"></iframe>', '<link rel=stylesheet '
               'href="https://evil.example/s.css">', "£2,786,301 <b onmouseover=alert(11)>"]
    text = (bundle / "report.yaml").read_text(encoding="utf-8")
    text = text.replace("sections:\n  summary: |\n",
                        "sections:\n  summary: |\n    " + " ".join(attacks) + "\n\n", 1)
    (bundle / "report.yaml").write_text(text, encoding="utf-8")
    snap = Source(bundle).build()
    assert snap.error is None, snap.error
    root = lxml_html.document_fromstring(snap.pages[INDEX])
    assert [s.get("src") for s in root.iter("script")] == ["/_serve/serve.js"]
    tags = {el.tag for el in root.iter() if isinstance(el.tag, str)}
    assert not tags & {"math", "iframe", "base", "maction", "object", "embed"}, tags  # svg: charts
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            squeezed = "".join(value.lower().split())
            assert not name.lower().startswith("on"), (el.tag, name)
            assert "javascript:" not in squeezed, (el.tag, name)
            assert "url(" not in squeezed or squeezed.startswith("url(#"), (el.tag, name)
            # A web address the officer typed is a plain link (as in the Word file); nothing
            # else of the narrative's reaches an attribute (a style, a source, a base).
            assert "evil.example" not in squeezed or (el.tag, name) == ("a", "href") and \
                squeezed.startswith("https://"), (el.tag, name, value)
            assert not (name in ("href", "src") and squeezed.startswith("data:text")), value
    assert [m.get("content") for m in root.iter("meta") if m.get("http-equiv")] == \
        [SERVE_CSP]  # no refresh: the page's only http-equiv is the policy
    shown = root.text_content()
    assert "</script><script>alert(8)</script>" in shown  # shown, as text


def _inotify_watches() -> int | None:
    """How many inotify watches this process holds (None where there is no /proc)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return None
    total = 0
    for fd in fds.iterdir():
        try:
            if os.readlink(fd) != "anon_inode:inotify":
                continue
            info = (Path("/proc/self/fdinfo") / fd.name).read_text()
        except OSError:
            continue  # closed meanwhile
        total += sum(1 for line in info.splitlines() if line.startswith("inotify"))
    return total


def test_a_link_out_of_the_bundle_is_not_walked_by_the_watcher(tmp_path: Path) -> None:
    from reportgen.serve.run import Server

    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    (bundle / "everything").symlink_to("/", target_is_directory=True)
    (bundle / "usr").symlink_to("/usr", target_is_directory=True)
    report = bundle / "report.yaml"
    text = report.read_text(encoding="utf-8")
    builds: list[Snapshot] = []
    before = _inotify_watches()
    server = Server(bundle, 0, on_build=builds.append)
    server.start()
    try:
        _wait_for(lambda: len(builds) > 1, lambda: report.write_text(text, encoding="utf-8"),
                  "a save rebuilt the page")
        watches = _inotify_watches()
        if watches is not None and before is not None:
            # The bundle, its data folder and its style folder: not /usr's thousands.
            assert watches - before <= len(builds[-1].watch) + 2, watches - before
        assert all(p == bundle.resolve() or p.is_relative_to(bundle.resolve())
                   or not p.is_relative_to(Path("/usr")) for p in builds[-1].watch)
    finally:
        server.stop()


def test_a_watch_that_fails_is_taken_up_again(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    from reportgen.serve.run import Server

    real = watchfiles.watch
    calls: list[int] = []

    def failing_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:  # the style folder was removed between two looks
            raise FileNotFoundError(2, "No such file or directory")
        return real(*args, **kwargs)

    monkeypatch.setattr(watchfiles, "watch", failing_once)
    bundle = tmp_path / "bundle"
    shutil.copytree(HARROW, bundle)
    report = bundle / "report.yaml"
    text = report.read_text(encoding="utf-8")
    builds: list[Snapshot] = []
    server = Server(bundle, 0, on_build=builds.append)
    server.start()
    try:
        _wait_for(lambda: len(calls) > 1, lambda: None, "the watch taken up again")
        count = len(builds)
        _wait_for(lambda: len(builds) > count,
                  lambda: report.write_text(text, encoding="utf-8"), "a save rebuilt the page")
        assert server._watcher is not None and server._watcher.is_alive()
    finally:
        server.stop()
