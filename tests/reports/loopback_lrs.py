"""A Learning Record Store on 127.0.0.1 for the sync tests, enforcing what a real one does:
the X-Experience-API-Version header, HTTP Basic credentials, JSON statements that pass
`check_statement`, no duplicate ids in a batch, 409 for an id already stored with different
content (and no change for the same content). `fail_next` makes the next requests answer an
error status first (to test retries)."""
from __future__ import annotations

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.reports.xapi_rules import check_statement


class LoopbackLRS:
    """Start with `with LoopbackLRS(user, password) as lrs:`; `lrs.endpoint` is its xAPI URL."""

    def __init__(self, user: str, password: str) -> None:
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        self.stored: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[int, int]] = []  # (status, statements in the body)
        self.fail_next: list[int] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint (statements are at `<endpoint>/statements`)."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/xapi"

    def __enter__(self) -> LoopbackLRS:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

            def _answer(self, status: int, body: Any, count: int) -> None:
                data = json.dumps(body).encode("utf-8")
                with lrs.lock:
                    lrs.requests.append((status, count))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                if self.path != "/xapi/statements":
                    return self._answer(404, {"error": "no such resource"}, 0)
                with lrs.lock:
                    forced = lrs.fail_next.pop(0) if lrs.fail_next else None
                if forced is not None:
                    return self._answer(forced, {"error": "try again"}, 0)
                if not re.match(r"^1\.0(\.\d+)?$",
                                self.headers.get("X-Experience-API-Version", "")):
                    return self._answer(400, {"error": "X-Experience-API-Version"}, 0)
                if self.headers.get("Authorization") != lrs.auth:
                    return self._answer(401, {"error": "credentials"}, 0)
                if not self.headers.get("Content-Type", "").startswith("application/json"):
                    return self._answer(400, {"error": "content type"}, 0)
                try:
                    body = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, ValueError):
                    return self._answer(400, {"error": "not JSON"}, 0)
                batch = body if isinstance(body, list) else [body]
                problems = [p for st in batch for p in check_statement(st)]
                ids = [st.get("id") for st in batch]
                if None in ids or len(set(ids)) != len(ids):
                    problems.append("every statement needs an id, unique in the batch")
                if problems:
                    return self._answer(400, {"error": problems[:5]}, len(batch))
                with lrs.lock:
                    if any(st["id"] in lrs.stored and lrs.stored[st["id"]] != st
                           for st in batch):
                        conflict = True
                    else:
                        conflict = False
                        for st in batch:
                            lrs.stored.setdefault(st["id"], st)
                if conflict:
                    return self._answer(409, {"error": "different statement, same id"},
                                        len(batch))
                return self._answer(200, ids, len(batch))

        return Handler
