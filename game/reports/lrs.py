"""Sending xAPI statements to a Learning Record Store (LRS), the way an organisation gathers
every trainee's record in one place.

`sync(store, endpoint, ...)` posts the statements the LRS has not yet accepted, in batches,
to `<endpoint>/statements` with `X-Experience-API-Version: 1.0.3` and HTTP Basic credentials.
Every request goes through `game.reports.lrs_http.send` (no credentials to another origin, no
https → http, a size cap, one deadline per request). A statement counts as sent only when the
LRS answers with its id, as xAPI requires; each confirmed batch is remembered in the results
database at once, so an interrupted sync resumes where it stopped. Network failures, 429 and
5xx answers are retried with exponential backoff (bounded); a 413 (batch too large) halves the
batch. Statement ids are stable, so a statement sent twice is never stored twice.
"""
from __future__ import annotations

import base64
import functools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any
from urllib.parse import urlencode

from game.reports.lrs_http import Address, AddressError, Answer, HttpProblem, parse_address, send
from game.reports.xapi import XAPI_VERSION, statements
from game.safe_text import shown
from game.store import Store
from game.store.importing import original_statements

ENV_USER, ENV_PASSWORD = "QUALIFIED_LRS_USER", "QUALIFIED_LRS_PASSWORD"
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})
MAX_ANSWER = 1024 * 1024     # an LRS answers a batch with its ids: a few kB
DEADLINE = 30.0              # seconds for one request, all of it


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
    batch: int = 0           # the batch size used in the end (smaller after a 413)


def statements_address(endpoint: str) -> Address:
    """The checked address of `<endpoint>/statements` (one given with /statements is kept);
    SyncError when it is not an http(s) address."""
    try:
        address = parse_address(endpoint)
    except AddressError as exc:
        raise SyncError(str(exc)) from None
    path, _, query = address.target.partition("?")
    path = path.rstrip("/")
    if not path.endswith("/statements"):
        path += "/statements"
    return address.with_target(path + (f"?{query}" if query else ""))


def statements_url(endpoint: str) -> str:
    """`<endpoint>/statements` without any credentials written in it (the key under which
    sent statements are remembered)."""
    return statements_address(endpoint).url


@dataclass
class _Plan:
    """How to post: where, with which headers, and the limits."""

    address: Address
    headers: dict[str, str]
    tries: int
    first_wait: float
    deadline: float
    max_bytes: int
    sleep: Callable[[float], None]


def sync(store: Store, endpoint: str, *, user: str | None = None,
         password: str | None = None, batch: int = 50, tries: int = 5,
         first_wait: float = 1.0, timeout: float = DEADLINE,
         sleep: Callable[[float], None] = time.sleep,
         max_bytes: int = MAX_ANSWER) -> SyncReport:
    """Post every statement the LRS has not accepted yet; `timeout` bounds each request as a
    whole. Credentials written in the address are used when `user` and `password` are not
    given. Raises SyncError (after what could be sent has been sent and remembered)."""
    address = statements_address(endpoint)
    headers = {"Content-Type": "application/json; charset=utf-8",
               "X-Experience-API-Version": XAPI_VERSION}
    if user is None and password is None:
        user, password = address.user, address.password
    if user is not None or password is not None:
        token = base64.b64encode(f"{user or ''}:{password or ''}".encode("utf-8")).decode()
        headers["Authorization"] = f"Basic {token}"
    plan = _Plan(address, headers, max(1, tries), first_wait, timeout, max_bytes, sleep)
    key = address.url
    done = store.sent_statements(key)
    pending = []
    report = SyncReport(batch=max(1, batch))
    for statement in statements(store.attempts(), store.actions,
                                functools.partial(original_statements, store)):
        if statement["id"] in done:
            report.already += 1
        else:
            pending.append(statement)
    start = 0
    while start < len(pending):
        chunk = pending[start:start + report.batch]
        answer = _post(plan, chunk, report)
        if answer.status == 413:
            if len(chunk) == 1:
                raise SyncError(f"{address.shown}: the LRS refuses statement {chunk[0]['id']} "
                                f"as too large (HTTP 413) even on its own; ask its "
                                f"administrator to raise the request size limit")
            report.batch = max(1, len(chunk) // 2)  # and every later batch
            continue
        if answer.status == 409:
            _one_by_one(plan, store, key, chunk, report)
        else:
            _accept(plan, store, key, chunk, answer, report)
        start += len(chunk)
    return report


def _one_by_one(plan: _Plan, store: Store, key: str, chunk: list[dict[str, Any]],
                report: SyncReport) -> None:
    """A batch in conflict: find which statements conflict, send the rest."""
    if len(chunk) == 1:
        report.conflicts += 1
        return
    for one in chunk:
        answer = _post(plan, [one], report)
        if answer.status == 409:
            report.conflicts += 1
        elif answer.status == 413:
            raise SyncError(f"{plan.address.shown}: the LRS refuses statement {one['id']} as "
                            f"too large (HTTP 413); ask its administrator to raise the limit")
        else:
            _accept(plan, store, key, [one], answer, report)


def _accept(plan: _Plan, store: Store, key: str, chunk: list[dict[str, Any]], answer: Answer,
            report: SyncReport) -> None:
    """Remember as sent the statements of `chunk` the LRS's answer lists as stored (xAPI: their
    ids, in a JSON array). Raises SyncError when it confirms none or only some of them."""
    sent = [str(s["id"]) for s in chunk]
    try:
        listed = json.loads(answer.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        listed = None
    said = {x.lower() for x in listed if isinstance(x, str)} if isinstance(listed, list) \
        else set()
    if answer.status == 204 and not answer.body.strip():
        # "nothing new": some LRSs (Ralph) answer so when they hold every statement already;
        # each is then asked for by id, and only those the LRS returns count as sent
        said = {sid.lower() for sid in sent if _held(plan, sid, report)}
    accepted = [sid for sid in sent if sid.lower() in said]
    store.mark_sent(key, accepted)
    report.sent += len(accepted)
    if len(accepted) == len(sent):
        return
    what = ("did not list the statements' ids" if not accepted else
            f"listed {len(accepted)} of the {len(sent)} statements' ids")
    raise SyncError(f"{plan.address.shown}: the LRS answered HTTP {answer.status} but {what}, "
                    f"as an LRS does when it stores them; "
                    + ("those are remembered as sent, the others are not. " if accepted else
                       "none is marked as sent. ")
                    + "Check that the address is the LRS's xAPI endpoint, then sync again.")


def _held(plan: _Plan, statement_id: str, report: SyncReport) -> bool:
    """Whether the LRS returns the statement `statement_id` (GET ?statementId=)."""
    path = plan.address.target.partition("?")[0]
    address = plan.address.with_target(f"{path}?{urlencode({'statementId': statement_id})}")
    report.requests += 1
    try:
        answer = send(address, "GET", b"", plan.headers, deadline=plan.deadline,
                      max_bytes=plan.max_bytes)
        found = json.loads(answer.body.decode("utf-8")) if answer.status == 200 else None
    except (HttpProblem, UnicodeDecodeError, ValueError, RecursionError):
        return False
    if isinstance(found, dict) and isinstance(found.get("statements"), list):
        found = next(iter(found["statements"]), None)  # Ralph answers with a result page
    return isinstance(found, dict) and str(found.get("id", "")).lower() == statement_id.lower()


def _post(plan: _Plan, chunk: list[dict[str, Any]], report: SyncReport) -> Answer:
    """POST one batch; returns an answer with a 2xx, 409 or 413 status, raises SyncError."""
    body = json.dumps(chunk, ensure_ascii=False).encode("utf-8")
    where = plan.address.shown
    wait = plan.first_wait
    problem = ""
    for attempt in range(1, plan.tries + 1):
        report.requests += 1
        try:
            answer = send(plan.address, "POST", body, plan.headers, deadline=plan.deadline,
                          max_bytes=plan.max_bytes)
        except HttpProblem as exc:
            if exc.kind not in ("network", "deadline"):
                raise SyncError(f"{exc}. Nothing more was sent; statements accepted before "
                                f"are remembered.") from None
            problem = str(exc) if exc.kind == "network" else \
                f"no complete answer within {plan.deadline:g} s"
        else:
            status = answer.status
            if 200 <= status < 300 or status in (409, 413):
                return answer
            text = shown(answer.body.decode("utf-8", "replace"))[:300]
            if status in (401, 403):
                raise SyncError(f"{where}: the LRS refused the credentials (HTTP {status}). "
                                f"Set {ENV_USER} and {ENV_PASSWORD} to an account allowed to "
                                f"write statements.")
            if status not in RETRY_STATUS:
                raise SyncError(f"{where}: the LRS rejected the statements (HTTP {status}): "
                                f"{text or shown(answer_reason(status))}")
            problem = f"HTTP {status}"
            wait = retry_wait(answer, wait)
        if attempt < plan.tries:
            plan.sleep(wait)
            wait = min(wait * 2, 60.0)
    raise SyncError(f"{where}: gave up after {plan.tries} "
                    f"{'try' if plan.tries == 1 else 'tries'} ({problem}). Statements "
                    f"accepted so far are remembered; run sync again later.")


def retry_wait(answer: Answer, wait: float) -> float:
    """How long to wait before trying again: `wait`, or longer when the LRS's `Retry-After`
    asks (in seconds, at most a minute)."""
    retry_after = answer.headers.get("Retry-After")
    if retry_after and retry_after.isascii() and retry_after.isdigit():
        return max(wait, min(float(retry_after), 60.0))
    return wait


def answer_reason(status: int) -> str:
    """The standard phrase for an HTTP status ("Not Found")."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "no explanation given"
