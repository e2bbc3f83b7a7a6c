"""Sending xAPI statements to a Learning Record Store (LRS), the way an organisation gathers
every trainee's record in one place.

`sync(store, endpoint, ...)` posts the statements the LRS has not yet accepted, in batches,
to `<endpoint>/statements` with `X-Experience-API-Version: 1.0.3` and HTTP Basic credentials.
Network failures, 429 and 5xx answers are retried with exponential backoff (bounded); each
accepted batch is remembered in the results database at once, so an interrupted sync resumes
where it stopped. Statement ids are stable, so a statement sent twice is never stored twice.
"""
from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.reports.xapi import XAPI_VERSION, statements
from game.store import Store

ENV_USER, ENV_PASSWORD = "QUALIFIED_LRS_USER", "QUALIFIED_LRS_PASSWORD"
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class SyncError(RuntimeError):
    """The LRS refused or could not be reached; the message says what to do."""


@dataclass
class SyncReport:
    """What a sync did: statements sent now, already sent before, and conflicts (an LRS
    holding a different statement under the same id)."""

    sent: int = 0
    already: int = 0
    conflicts: int = 0
    requests: int = 0


def statements_url(endpoint: str) -> str:
    """`<endpoint>/statements` (an endpoint given with /statements is kept as is)."""
    url = endpoint.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise SyncError(f"{endpoint!r} is not an LRS address: give its xAPI endpoint, e.g. "
                        f"https://lrs.example.org/xapi")
    return url if url.endswith("/statements") else url + "/statements"


Opener = Callable[[urllib.request.Request, float], Any]


def _open(request: urllib.request.Request, timeout: float) -> Any:
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (http/https only)


def sync(store: Store, endpoint: str, *, user: str | None = None,
         password: str | None = None, batch: int = 50, tries: int = 5,
         first_wait: float = 1.0, timeout: float = 30.0,
         sleep: Callable[[float], None] = time.sleep, opener: Opener = _open) -> SyncReport:
    """Post every statement the LRS has not accepted yet. Raises SyncError (after what could
    be sent has been sent and remembered)."""
    url = statements_url(endpoint)
    headers = {"Content-Type": "application/json; charset=utf-8",
               "X-Experience-API-Version": XAPI_VERSION}
    if user is not None or password is not None:
        token = base64.b64encode(f"{user or ''}:{password or ''}".encode("utf-8")).decode()
        headers["Authorization"] = f"Basic {token}"
    done = store.sent_statements(url)
    pending = []
    report = SyncReport()
    for statement in statements(store.attempts(), store.actions):
        if statement["id"] in done:
            report.already += 1
        else:
            pending.append(statement)
    for start in range(0, len(pending), max(1, batch)):
        chunk = pending[start:start + max(1, batch)]
        status = _post(url, chunk, headers, report, tries, first_wait, timeout, sleep, opener)
        if status == 409 and len(chunk) > 1:  # find which ones conflict, keep the rest
            for one in chunk:
                if _post(url, [one], headers, report, tries, first_wait, timeout, sleep,
                         opener) == 409:
                    report.conflicts += 1
                else:
                    store.mark_sent(url, [one["id"]])
                    report.sent += 1
        elif status == 409:
            report.conflicts += 1
        else:
            store.mark_sent(url, [s["id"] for s in chunk])
            report.sent += len(chunk)
    return report


def _post(url: str, chunk: list[dict[str, Any]], headers: dict[str, str], report: SyncReport,
          tries: int, first_wait: float, timeout: float, sleep: Callable[[float], None],
          opener: Opener) -> int:
    """POST one batch; returns the HTTP status of success or 409, raises SyncError."""
    body = json.dumps(chunk, ensure_ascii=False).encode("utf-8")
    wait = first_wait
    problem = ""
    for attempt in range(1, max(1, tries) + 1):
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        report.requests += 1
        try:
            with opener(request, timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as exc:
            text = exc.read().decode("utf-8", "replace")[:300]
            if exc.code == 409:
                return 409
            if exc.code in (401, 403):
                raise SyncError(f"{url}: the LRS refused the credentials (HTTP {exc.code}). "
                                f"Set {ENV_USER} and {ENV_PASSWORD} to an account allowed to "
                                f"write statements.") from None
            if exc.code not in RETRY_STATUS:
                raise SyncError(f"{url}: the LRS rejected the statements (HTTP {exc.code}): "
                                f"{text or exc.reason}") from None
            problem = f"HTTP {exc.code}"
            retry_after = exc.headers.get("Retry-After") if exc.headers else None
            if retry_after and retry_after.isascii() and retry_after.isdigit():
                wait = max(wait, min(float(retry_after), 60.0))
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            problem = f"cannot connect: {reason}"
        if attempt < tries:
            sleep(wait)
            wait = min(wait * 2, 60.0)
    raise SyncError(f"{url}: gave up after {tries} tries ({problem}). Statements accepted so "
                    f"far are remembered; run sync again later.")
