"""Loopback servers that misbehave the way issue #16's attack did: redirects elsewhere, endless
or dripping answers, 413 for big batches, 200 without the statement ids, error bodies with
terminal escape sequences. Each runs on 127.0.0.1 in a thread for one test."""
from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Behaviour = Callable[[BaseHTTPRequestHandler, bytes], None]


class Server:
    """`with Server(behaviour) as s:` — `s.url` is its address; `s.seen` lists each request as
    (method, path, Authorization header, body); `s.written` counts the bytes it sent."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.seen: list[tuple[str, str, str | None, bytes]] = []
        self.written = 0
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Server:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def send(self, handler: BaseHTTPRequestHandler, data: bytes) -> None:
        """Write to the client, counting the bytes."""
        handler.wfile.write(data)
        handler.wfile.flush()
        with self.lock:
            self.written += len(data)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0") or 0))
                with server.lock:
                    server.seen.append((self.command, self.path,
                                        self.headers.get("Authorization"), body))
                try:
                    server.behaviour(self, body)
                except OSError:  # the client hung up: what a capped reader does
                    pass

            do_GET = do_POST = do_PUT = _any  # noqa: N815 (http.server's naming)

        return Handler


def answer(handler: BaseHTTPRequestHandler, status: int, body: Any,
           headers: dict[str, str] | None = None) -> None:
    """A complete JSON (or bytes) answer."""
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def ids_of(body: bytes) -> list[str]:
    """The statement ids in a posted batch."""
    return [s["id"] for s in json.loads(body.decode("utf-8"))]
