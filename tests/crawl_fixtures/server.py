"""A threaded HTTP server on 127.0.0.1 serving routes a test builds, logging every request."""
from __future__ import annotations

import gzip
import http.server
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Callable


@dataclass
class Resp:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    hang: float = 0.0  # seconds to wait before answering (a page that never answers)
    chunked: bool = False  # no Content-Length: sent in chunks

    def payload(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Route = Resp | Callable[["RequestInfo"], Resp]


@dataclass
class RequestInfo:
    time: float
    method: str
    path: str  # with query
    headers: dict[str, str]


class FixtureServer:
    """``routes`` maps path+query to a Resp (or a function of the request); ``fallback(req)``
    answers the rest (None: 404)."""

    def __init__(self, routes: dict[str, Route] | None = None, *,
                 fallback: Callable[[RequestInfo], Resp | None] | None = None,
                 certfile: str | None = None, keyfile: str | None = None):
        self.routes = dict(routes or {})
        self.fallback = fallback
        self.log: list[RequestInfo] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def setup(self):
                super().setup()
                # headers and body go out in two writes: without this, Nagle and delayed
                # ACKs add 40 ms to every keep-alive response
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self):
                info = RequestInfo(time.monotonic(), "GET", self.path, dict(self.headers))
                with server._lock:
                    server.log.append(info)
                route = server.routes.get(self.path)
                resp = route(info) if callable(route) else route
                if resp is None and server.fallback:
                    resp = server.fallback(info)
                if resp is None:
                    resp = Resp("<html><body>not found</body></html>", status=404)
                if resp.hang:
                    server._stopping.wait(resp.hang)
                    if server._stopping.is_set():
                        return
                self._send(resp, info)

            def _send(self, resp: Resp, info: RequestInfo):
                body = resp.payload()
                status = resp.status
                inm = info.headers.get("If-None-Match")
                ims = info.headers.get("If-Modified-Since")
                if status == 200 and ((resp.etag and inm == resp.etag) or
                                      (resp.last_modified and ims == resp.last_modified)):
                    status, body = 304, b""
                headers = {"Content-Type": resp.content_type, **resp.headers}
                if resp.etag:
                    headers["ETag"] = resp.etag
                if resp.last_modified:
                    headers["Last-Modified"] = resp.last_modified
                if resp.gzip and body:
                    body = gzip.compress(body)
                    headers["Content-Encoding"] = "gzip"
                try:
                    self.send_response(status)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    if resp.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for i in range(0, len(body), 65536):
                            piece = body[i:i + 65536]
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.scheme = "http"
        if certfile:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certfile, keyfile)
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
            self.scheme = "https"
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def requests_for(self, path: str) -> list[RequestInfo]:
        return [r for r in self.log if r.path == path]

    def paths(self) -> list[str]:
        return [r.path for r in self.log]

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
