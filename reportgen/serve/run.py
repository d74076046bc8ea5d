"""Running ``reportgen serve``: the first build, the server on 127.0.0.1 and the watcher.

Werkzeug's threaded server answers each request (an open event stream holds one thread);
watchfiles (Rust's ``notify``: inotify, FSEvents, ReadDirectoryChangesW) reports changes under
the bundle folder and every folder an input or the style lives in, grouped so that an editor's
save-as-rename is one change. Each change rebuilds in the watcher's thread; the page reloads
when the new snapshot is in place. Nothing is ever written.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportgen.errors import ReportgenError
from reportgen.serve.app import App, Hub
from reportgen.serve.snapshot import Snapshot, Source

HOST = "127.0.0.1"  # never another interface: the page shows unpublished figures


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
        from werkzeug.serving import make_server

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
            self._server = make_server(HOST, self._bound,
                                       App(self.source, self.hub, lambda: self.port),
                                       threaded=True, fd=listener.fileno())
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
            for _changes in watch(*places, stop_event=self._stop, debounce=300, step=50,
                                  yield_on_timeout=False, raise_interrupt=False):
                before = list(places)
                snap = self.rebuild()
                if sorted(map(str, snap.watch)) != sorted(map(str, before)) and snap.watch:
                    break  # the inputs moved (a new style folder): watch the new places
