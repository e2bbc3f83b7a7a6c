"""The loopback LRS of the sync tests (tests/reports/loopback_lrs.py), able to answer GET
/statements as an LRS does: the X-Experience-API-Version header and the credentials required,
`since` (stored after), `limit`, and pages joined by `more` links. Each statement comes back
with the `stored` and `authority` an LRS adds. `more_first` replaces the first page's `more`
link (to test a hostile server)."""
from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from tests.reports.loopback_lrs import LoopbackLRS

STORED_FROM = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)


class PagingLRS(LoopbackLRS):
    """`with PagingLRS(user, password, page_size=5) as lrs:`; `lrs.gets` lists the GETs."""

    def __init__(self, user: str, password: str, page_size: int = 5) -> None:
        self.page_size = page_size
        self.gets: list[tuple[int, str]] = []  # (status, path and query)
        self.more_first: str | None = None
        super().__init__(user, password)

    def stored_time(self, index: int) -> datetime:
        """When the statement at `index` (in arrival order) was stored: a second apart."""
        return STORED_FROM + timedelta(seconds=index)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        lrs = self
        base = super()._handler()

        class Handler(base):  # type: ignore[valid-type, misc]
            def _send(self, status: int, body: Any) -> None:
                data = json.dumps(body).encode("utf-8")
                with lrs.lock:
                    lrs.gets.append((status, self.path))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                parts = urlsplit(self.path)
                if parts.path != "/xapi/statements":
                    return self._send(404, {"error": "no such resource"})
                if not re.match(r"^1\.0(\.\d+)?$",
                                self.headers.get("X-Experience-API-Version", "")):
                    return self._send(400, {"error": "X-Experience-API-Version"})
                if self.headers.get("Authorization") != lrs.auth:
                    return self._send(401, {"error": "credentials"})
                query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                try:
                    limit = min(int(query.get("limit", "0")) or lrs.page_size, lrs.page_size)
                    cursor = int(query.get("cursor", "0"))
                    since = datetime.fromisoformat(query["since"].replace("Z", "+00:00")) \
                        if "since" in query else None
                except ValueError:
                    return self._send(400, {"error": "bad query"})
                with lrs.lock:
                    everything = [
                        {**st, "stored": lrs.stored_time(i).isoformat(),
                         "authority": {"objectType": "Agent",
                                       "account": {"homePage": "http://127.0.0.1/",
                                                   "name": "loopback"}}}
                        for i, st in enumerate(lrs.stored.values())
                        if since is None or lrs.stored_time(i) > since]
                chunk = everything[cursor:cursor + limit]
                more = ""
                if cursor + limit < len(everything):
                    rest = {**query, "cursor": str(cursor + limit)}
                    more = f"/xapi/statements?{urlencode(rest)}"
                if cursor == 0 and lrs.more_first is not None:
                    more = lrs.more_first
                return self._send(200, {"statements": chunk, "more": more})

        return Handler
