"""The WSGI application of ``reportgen serve`` (Werkzeug): a fixed set of routes over what is
held in memory, never a path into the file system.

``/`` (and an agenda's ``item-N.html`` pages) are the current snapshot's pages;
``/_serve/serve.js`` and ``serve.css`` are this package's own files; ``/_download/NAME`` the
.docx (or its PDF) of exactly the page shown; ``/_events`` the server-sent events the page
reloads on. Any other path, a request for a bundle's own file among them, is 404: nothing is
served from the bundle, its style or anywhere else on disc, whatever the path says (``..``,
encoded, absolute, a symbolic link). Only GET and HEAD are answered (no endpoint writes), a
request naming another host is refused (a web page elsewhere cannot reach the server through
DNS rebinding), a request from another site's page (its ``Origin`` or ``Sec-Fetch-Site``) or
with a body is refused, the open event streams are capped, and every response carries the
Content-Security-Policy and no-store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any
from urllib.parse import quote

from werkzeug.exceptions import (
    BadRequest,
    Forbidden,
    HTTPException,
    MethodNotAllowed,
    NotFound,
    ServiceUnavailable,
)
from werkzeug.wrappers import Request, Response
from werkzeug.wsgi import ClosingIterator

from reportgen.errors import ReportgenError
from reportgen.serve.page import SERVE_CSP
from reportgen.serve.snapshot import INDEX, Snapshot, Source

_STATIC = {"serve.js": "text/javascript; charset=utf-8", "serve.css": "text/css; charset=utf-8"}
_KEEPALIVE_SECONDS = 15.0
#: Open event streams at once: each holds a thread, and one page needs one (a few tabs, a few
#: reloads in flight); past this a request is refused rather than another thread taken.
MAX_STREAMS = 16


class Hub:
    """The version shown, and a wake-up for every open event stream when it changes."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.version = 0
        self.closed = False

    def publish(self, version: int) -> None:
        with self._changed:
            self.version = version
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: self.version != seen or self.closed, timeout)
            return self.version


#: The headers on every response, an error from the HTTP layer among them (see run.py).
HEADERS = (("Content-Security-Policy", SERVE_CSP), ("X-Content-Type-Options", "nosniff"),
           ("Referrer-Policy", "no-referrer"), ("Cross-Origin-Resource-Policy", "same-origin"),
           ("Cache-Control", "no-store"))


def _headers(response: Response) -> Response:
    for name, value in HEADERS:
        response.headers[name] = value
    return response


def attachment(name: str) -> str:
    """A Content-Disposition for ``name`` that no name can break out of: control characters
    dropped, an ASCII ``filename`` (quotes and backslashes replaced) and the whole name as
    RFC 5987 ``filename*``."""
    clean = "".join(c for c in name if c.isprintable()) or "download"
    ascii_name = "".join(c if c.isascii() and c not in '"\\' else "_" for c in clean)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(clean, safe='')}"


class App:
    """The server's application: ``App(source, hub, port)`` is a WSGI callable."""

    def __init__(self, source: Source, hub: Hub, port: Callable[[], int],
                 max_streams: int = MAX_STREAMS) -> None:
        self.source = source
        self.hub = hub
        self._port = port
        self._streams = threading.BoundedSemaphore(max_streams)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        request = Request(environ)
        try:
            response = self.dispatch(request)
        except HTTPException as exc:
            response = Response(f"{exc.code} {exc.name}\n", status=exc.code,
                                mimetype="text/plain")
            if isinstance(exc, MethodNotAllowed):
                response.headers["Allow"] = "GET, HEAD"
        return _headers(response)(environ, start_response)

    def _hosts(self) -> set[str]:
        port = self._port()
        return {f"127.0.0.1:{port}", f"localhost:{port}"}

    def dispatch(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            raise MethodNotAllowed(["GET", "HEAD"])
        # Exactly one Host, naming this server (a host name is case-insensitive); several
        # Host lines arrive joined with a comma and match nothing.
        if request.host.lower() not in self._hosts():
            return Response("421 this server answers only to 127.0.0.1 and localhost\n",
                            status=421, mimetype="text/plain")
        # No endpoint takes a body: one (or a chunked one) is a malformed or smuggled request.
        if "Transfer-Encoding" in request.headers or (request.content_length or 0) > 0:
            raise BadRequest()
        # A page of another origin may not use the server (its fetch would carry an Origin);
        # the stream and the downloads are not for any other site's page, even one merely
        # linking or embedding them (the browser's Sec-Fetch-Site says so).
        origin = request.headers.get("Origin")
        if origin is not None and origin.lower() not in {f"http://{h}" for h in self._hosts()}:
            raise Forbidden()
        path = request.path  # decoded once by Werkzeug; compared whole, never joined to a folder
        if (path == "/_events" or path.startswith("/_download/")) and \
                request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
            raise Forbidden()
        snap = self.source.current
        if path == "/_events":
            return self._events()
        if path.startswith("/_serve/") and path[len("/_serve/"):] in _STATIC:
            name = path[len("/_serve/"):]
            data = (resources.files("reportgen.serve") / name).read_bytes()
            return Response(data, mimetype=_STATIC[name].split(";")[0],
                            content_type=_STATIC[name])
        if snap is None:
            raise NotFound()
        if path.startswith("/_download/"):
            return self._download(snap, path[len("/_download/"):])
        name = INDEX if path == "/" else path[1:]
        if name in snap.pages and (name == INDEX or "/" not in name):
            return Response(snap.pages[name], content_type="text/html; charset=utf-8")
        raise NotFound()

    def _download(self, snap: Snapshot, name: str) -> Response:
        docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        if snap.docx is None or not snap.docx_name:
            raise NotFound()
        if name == snap.docx_name:
            data, mimetype = snap.docx, docx
        elif name == snap.docx_name.removesuffix(".docx") + ".pdf":
            try:
                data, mimetype = self.source.pdf(snap), "application/pdf"
            except ReportgenError as exc:
                return Response(f"{exc.line()}\n", status=503, mimetype="text/plain")
        else:
            raise NotFound()
        response = Response(data, mimetype=mimetype)
        response.headers["Content-Disposition"] = attachment(name)
        return response

    def _events(self) -> Response:
        hub = self.hub
        if not self._streams.acquire(blocking=False):
            raise ServiceUnavailable()

        def stream() -> Iterator[bytes]:
            seen = hub.version
            yield b"retry: 1000\n" + f"event: version\ndata: {seen}\n\n".encode()
            while not hub.closed:
                now = hub.wait(seen, _KEEPALIVE_SECONDS)
                if hub.closed:
                    return
                if now != seen:
                    seen = now
                    yield f"event: version\ndata: {now}\n\n".encode()
                else:
                    yield b": still here\n\n"  # a comment keeps the connection open

        # The server closes the iterable however the stream ends (a closed tab, a stop),
        # started or not: the place is given back then.
        response = Response(ClosingIterator(stream(), [self._streams.release]),
                            mimetype="text/event-stream")
        response.headers["X-Accel-Buffering"] = "no"
        return response
