"""Running ``reportgen serve``: the first build, the server on 127.0.0.1 and the watcher.

Werkzeug's threaded server answers each request (an open event stream holds one thread);
watchfiles (Rust's ``notify``: inotify, FSEvents, ReadDirectoryChangesW) reports changes in
the bundle folder and every folder an input or the style lives in (each folder alone, never
its whole tree), grouped so that an editor's save-as-rename is one change. Each change
rebuilds in the watcher's thread; the page reloads when the new snapshot is in place.
Nothing is ever written.

The threads are bounded: at most :data:`MAX_CONNECTIONS` connections are served at once (one
more is closed unanswered), a connection that sends nothing for :data:`IDLE_SECONDS` is
closed (a slow or idle client cannot hold a thread), and an error of the HTTP layer itself (a
malformed request line, too long a line, too many headers) is plain text with the same
security headers as every other response.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError
from reportgen.serve.app import HEADERS, App, Hub
from reportgen.serve.snapshot import Snapshot, Source

HOST = "127.0.0.1"  # never another interface: the page shows unpublished figures
MAX_CONNECTIONS = 64  # above the event streams' cap, so that the page loads with them full
IDLE_SECONDS = 30.0  # above the event stream's 15 s keep-alive


def make_http_server(app: Any, fd: int, port: int, *, max_connections: int = MAX_CONNECTIONS,
                     idle_seconds: float = IDLE_SECONDS) -> Any:
    """Werkzeug's threaded server on the listening socket ``fd`` (bound to ``port``), its
    threads bounded."""
    from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

    class Handler(WSGIRequestHandler):
        timeout = idle_seconds  # socketserver applies it to the connection: idle → closed
        error_content_type = "text/plain; charset=utf-8"
        error_message_format = "%(code)d %(message)s\n"
        # A request line too malformed to name a version is answered with headers (the
        # HTTP/0.9 default would send a bare body, without the security headers).
        default_request_version = "HTTP/1.0"
        _http_error = False

        def send_error(self, code: int, message: str | None = None,
                       explain: str | None = None) -> None:
            self._http_error = True
            super().send_error(code, message, explain)

        def end_headers(self) -> None:
            if self._http_error:  # the application's responses have these already
                for name, value in HEADERS:
                    self.send_header(name, value)
            super().end_headers()

    class BoundedServer(ThreadedWSGIServer):
        slots = threading.BoundedSemaphore(max_connections)

        def process_request(self, request: Any, client_address: Any) -> None:
            if not self.slots.acquire(blocking=False):
                self.shutdown_request(request)  # closed unanswered: no thread taken
                return
            try:
                super().process_request(request, client_address)
            except BaseException:
                self.slots.release()
                raise

        def process_request_thread(self, request: Any, client_address: Any) -> None:
            try:
                super().process_request_thread(request, client_address)
            finally:
                self.slots.release()

    return BoundedServer(HOST, port, app, Handler, fd=fd)


class Server:
    """The server and its watcher, started by :meth:`start`, stopped by :meth:`stop`."""

    def __init__(self, path: str | Path, port: int = 8000,
                 on_build: Callable[[Snapshot], None] | None = None) -> None:
        self.source = Source(Path(path))
        self.hub = Hub()
        self.on_build = on_build
        self._stop = threading.Event()
        self._port = port
        self._server: Any = None
        self._bound: int | None = None  # the port taken (--port 0: the one the system gave)
        self._serving = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._bound if self._bound is not None else self._port

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def rebuild(self) -> Snapshot:
        snap = self.source.build()
        self.hub.publish(snap.version)
        if self.on_build is not None:
            self.on_build(snap)
        return snap

    def start(self) -> None:
        """Take the port (0: any free one), build once, then serve and watch."""
        # The socket is ours: Werkzeug, binding it itself, would print and exit on a port in
        # use; here that is one line of ours, exit code 2.
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            listener.bind((HOST, self._port))
            listener.listen(64)
        except OSError as exc:
            listener.close()
            raise ReportgenError(f"cannot listen on {HOST} port {self._port}: "
                                 f"{exc.strerror or exc} (choose another with --port)") from None
        self._bound = int(listener.getsockname()[1])
        self.rebuild()  # after the port is known to be free: a refusal costs no build
        try:
            self._server = make_http_server(App(self.source, self.hub, lambda: self.port),
                                            listener.fileno(), self._bound)
        finally:
            listener.close()  # the server holds its own duplicate of the socket
        self._watcher = threading.Thread(target=self._watch, name="reportgen-watch",
                                         daemon=True)
        self._watcher.start()

    def serve_forever(self) -> None:
        self._serving.set()
        self._server.serve_forever()

    def stop(self) -> None:
        self._stop.set()
        self.hub.close()
        if self._server is not None:
            if self._serving.is_set():  # shutdown() waits for serve_forever to end
                self._server.shutdown()
            self._server.server_close()

    def _watch(self) -> None:
        from watchfiles import watch

        while not self._stop.is_set():
            places = [p for p in (self.source.current.watch if self.source.current else [])
                      if p.is_dir()] or [self.source.folder.resolve()]
            try:
                # Each place alone (recursive=False): see snapshot._watch_places.
                for _changes in watch(*places, stop_event=self._stop, debounce=300, step=50,
                                      yield_on_timeout=False, raise_interrupt=False,
                                      recursive=False):
                    before = list(places)
                    snap = self.rebuild()
                    if sorted(map(str, snap.watch)) != sorted(map(str, before)) and snap.watch:
                        break  # the inputs moved (a new style folder): watch the new places
            except (OSError, RuntimeError):
                # A watched folder went (deleted or renamed between two looks) or the system
                # refused a watch: look again shortly rather than the watcher dying with a
                # traceback and the page silently never changing again.
                self._stop.wait(1.0)
                if not self._stop.is_set():
                    self.rebuild()
