"""Reading statements back from a Learning Record Store, page by page (`import --lrs`).

`pages(endpoint, ...)` GETs `<endpoint>/statements?since=…&limit=…` with the xAPI version
header and HTTP Basic credentials, then follows each answer's `more` link until it is empty.
Every request goes through `game.reports.lrs_http.send` (no credentials to another origin, no
https → http, a size cap, one deadline per request); a `more` link to another origin is
refused, not followed; a link seen twice (an LRS going round in circles) or more than
`MAX_PAGES` pages end the import with a message. Network failures, 429 and 5xx answers are
retried with exponential backoff, like `sync`. Problems are `FetchError`s whose message names
the address and what to do.
"""
from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time as clock_time, timezone
from typing import Any
from urllib.parse import urlencode, urljoin

from game.reports.lrs import (RETRY_STATUS, SyncError, answer_reason, retry_wait,
                              statements_address)
from game.reports.lrs_http import Address, AddressError, HttpProblem, parse_address, send
from game.reports.xapi import XAPI_VERSION
from game.safe_text import shown

PAGE_LIMIT = 500                 # statements asked for per page (an LRS may send fewer)
MAX_PAGE = 16 * 1024 * 1024      # bytes of one page
MAX_PAGES = 10_000
DEADLINE = 30.0


class FetchError(RuntimeError):
    """Reading from the LRS failed; the message says where and what to do."""


@dataclass(frozen=True)
class Page:
    """One answer: its statements and the address it came from (shown form)."""

    statements: list[Any]
    where: str
    number: int


def since_param(since: date | datetime | None) -> str | None:
    """`since` for the LRS: ISO 8601 in UTC. A date means midnight of that day, local time."""
    if since is None:
        return None
    if not isinstance(since, datetime):
        since = datetime.combine(since, clock_time())
    if since.tzinfo is None:
        since = since.astimezone()
    return since.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


def pages(endpoint: str, *, user: str | None = None, password: str | None = None,
          since: date | datetime | None = None, limit: int = PAGE_LIMIT,
          timeout: float = DEADLINE, tries: int = 5, first_wait: float = 1.0,
          sleep: Callable[[float], None] = time.sleep,
          max_bytes: int = MAX_PAGE) -> Iterator[Page]:
    """Every page of statements the LRS holds (stored since `since`), oldest answer first as
    the LRS orders them. Raises FetchError."""
    try:
        first = statements_address(endpoint)
    except SyncError as exc:
        raise FetchError(str(exc)) from None
    headers = {"Accept": "application/json", "X-Experience-API-Version": XAPI_VERSION}
    if user is None and password is None:
        user, password = first.user, first.password
    if user is not None or password is not None:
        token = base64.b64encode(f"{user or ''}:{password or ''}".encode("utf-8")).decode()
        headers["Authorization"] = f"Basic {token}"
    query = {"limit": str(limit), "format": "exact"}
    stamp = since_param(since)
    if stamp is not None:
        query["since"] = stamp
    path = first.target.partition("?")[0]
    address = first.with_target(f"{path}?{urlencode(query)}")
    seen: set[str] = set()
    for number in range(1, MAX_PAGES + 1):
        seen.add(address.target)
        body = _get(address, headers, timeout, tries, first_wait, sleep, max_bytes)
        statements, more = _page(address, body)
        yield Page(statements, address.shown, number)
        if not more:
            return
        address = _next(address, more)
        if address.target in seen:
            raise FetchError(f"{address.shown}: the LRS's `more` link leads back to a page "
                             f"already read; stopped (what was read is imported)")
    raise FetchError(f"{first.shown}: more than {MAX_PAGES} pages; stopped (what was read is "
                     f"imported). Give --since to read less at once")


def _page(address: Address, body: bytes) -> tuple[list[Any], str]:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FetchError(f"{address.shown}: the answer is not JSON — is this the LRS's xAPI "
                         f"endpoint?") from None
    if not isinstance(data, dict) or not isinstance(data.get("statements"), list):
        raise FetchError(f"{address.shown}: the answer has no list of statements — is this the "
                         f"LRS's xAPI endpoint?")
    more = data.get("more", "")
    if not isinstance(more, str):
        raise FetchError(f"{address.shown}: the answer's `more` link is not text")
    return data["statements"], more.strip()


def _next(current: Address, more: str) -> Address:
    """The address of the next page: `more` resolved against the current one; it must stay on
    the same origin (the credentials go with it)."""
    try:
        target = parse_address(urljoin(current.url, more))
    except AddressError:
        raise FetchError(f"{current.shown}: the answer's `more` link "
                         f"({shown(more[:200])}) is not an address") from None
    if target.origin != current.origin:
        raise FetchError(f"{current.shown}: the answer's `more` link leads to another address "
                         f"({target.shown}); it is not followed, and no credentials were sent "
                         f"there. What was read is imported")
    return current.with_target(target.target)


def _get(address: Address, headers: dict[str, str], timeout: float, tries: int,
         first_wait: float, sleep: Callable[[float], None], max_bytes: int) -> bytes:
    """GET one page, retrying what is worth retrying. Raises FetchError."""
    wait = first_wait
    problem = ""
    for attempt in range(1, max(1, tries) + 1):
        try:
            answer = send(address, "GET", b"", headers, deadline=timeout, max_bytes=max_bytes)
        except HttpProblem as exc:
            if exc.kind not in ("network", "deadline"):
                raise FetchError(str(exc)) from None
            problem = str(exc)
        else:
            if 200 <= answer.status < 300:
                return answer.body
            text = shown(answer.body.decode("utf-8", "replace"))[:300]
            if answer.status in (401, 403):
                raise FetchError(f"{address.shown}: the LRS refused the credentials (HTTP "
                                 f"{answer.status}). Set QUALIFIED_LRS_USER and "
                                 f"QUALIFIED_LRS_PASSWORD to an account allowed to read "
                                 f"statements")
            if answer.status not in RETRY_STATUS:
                raise FetchError(f"{address.shown}: the LRS answered HTTP {answer.status}: "
                                 f"{text or shown(answer_reason(answer.status))}")
            problem = f"HTTP {answer.status}"
            wait = retry_wait(answer, wait)
        if attempt < tries:
            sleep(wait)
            wait = min(wait * 2, 60.0)
    raise FetchError(f"{address.shown}: gave up after {tries} "
                     f"{'try' if tries == 1 else 'tries'} ({problem}); what was read is "
                     f"imported — run the import again later")
