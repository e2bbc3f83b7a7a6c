"""One guarded HTTP request for every call to a Learning Record Store (game/reports/lrs.py).

An LRS address comes from a trainer, but the server behind it may be misconfigured or hostile.
`send` therefore:
- follows a redirect only to the same origin (scheme, host and port) and only when it keeps
  the method and body (307, 308): credentials never go to another host, never from https to
  plain http, and a POST is never silently turned into a GET;
- reads at most `max_bytes` of an answer (a few kB of an error's body) and stops;
- gives the whole request — connecting, sending, the headers and the body — one deadline,
  enforced by closing the connection, so a server that drips a byte every few seconds cannot
  hold the game;
- raises `HttpProblem` with what happened, for the caller to word.

`Address` is a parsed, checked LRS address; its `shown` form hides any password written in
it (`https://alice:***@lrs.example/xapi`).
"""
from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, unquote, urljoin, urlsplit

from game.safe_text import shown

MAX_REDIRECTS = 3
ERROR_BODY = 4096        # bytes of an error answer kept to show
CHUNK = 65536


class AddressError(ValueError):
    """The text given is not a usable LRS address; the message says why."""


class HttpProblem(Exception):
    """A request that did not get a usable answer. `kind` is one of `network` (could not
    connect or the connection broke: worth retrying), `deadline`, `too-large`, `redirect`."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Address:
    """An http(s) address split and checked: no credentials in `url`; those written in the
    address are in `user` / `password`."""

    scheme: str
    host: str
    port: int
    target: str             # path and query, e.g. "/xapi/statements"
    user: str | None = None
    password: str | None = None

    @property
    def origin(self) -> tuple[str, str, int]:
        """What a redirect must keep for credentials to follow it."""
        return self.scheme, self.host.lower(), self.port

    @property
    def url(self) -> str:
        """The address without credentials (what is stored and printed)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        netloc = host if self.port == default else f"{host}:{self.port}"
        return f"{self.scheme}://{netloc}{self.target}"

    @property
    def shown(self) -> str:
        """The address as printed: credentials replaced by `***`, control characters escaped."""
        if self.user is None and self.password is None:
            return shown(self.url)
        scheme, rest = self.url.split("://", 1)
        return shown(f"{scheme}://***@{rest}")

    def with_target(self, target: str) -> Address:
        """The same origin and credentials, another path."""
        return Address(self.scheme, self.host, self.port, target, self.user, self.password)


def parse_address(text: str) -> Address:
    """Split and check an http(s) address; AddressError says what is wrong with it."""
    raw = text.strip()
    example = "e.g. https://lrs.example.org/xapi"
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise AddressError(f"{_hide_credentials(raw)!s} is not a valid address ({exc}); give "
                           f"the LRS's xAPI endpoint, {example}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressError(f"{_hide_credentials(raw)} is not an LRS address: give its xAPI "
                           f"endpoint, {example}")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7f for ch in raw):
        raise AddressError(f"{_hide_credentials(raw)} has spaces or control characters in it; "
                           f"give the LRS's xAPI endpoint, {example}")
    if parts.fragment:
        raise AddressError(f"{_hide_credentials(raw)}: an LRS address has no #fragment")
    target = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        target += "?" + parts.query
    return Address(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80),
                   target, unquote(parts.username) if parts.username is not None else None,
                   unquote(parts.password) if parts.password is not None else None)


def _hide_credentials(text: str) -> str:
    """An address as typed, with anything before an @ in its host part hidden."""
    scheme, sep, rest = text.partition("://")
    if sep and "@" in rest.split("/", 1)[0]:
        text = f"{scheme}://***@{rest.split('@', 1)[1]}"
    return shown(text)


@dataclass(frozen=True)
class Answer:
    """A complete answer: its status, headers and (capped) body."""

    status: int
    headers: Message
    body: bytes
    address: Address       # where it came from (after same-origin redirects)


def send(address: Address, method: str, body: bytes, headers: dict[str, str], *,
         deadline: float, max_bytes: int) -> Answer:
    """Send one request and read its answer within `deadline` seconds in all, following only
    same-origin 307/308 redirects. Raises HttpProblem."""
    until = time.monotonic() + deadline
    current = address
    for _ in range(MAX_REDIRECTS + 1):
        answer = _exchange(current, method, body, headers, until, deadline, max_bytes)
        if answer.status not in (301, 302, 303, 307, 308):
            return answer
        current = _follow(current, answer)
    raise HttpProblem("redirect", f"{address.shown}: more than {MAX_REDIRECTS} redirects; give "
                                  f"the LRS's final address with --lrs")


def _follow(current: Address, answer: Answer) -> Address:
    """Where a redirect may be followed, or HttpProblem saying why not."""
    location = answer.headers.get("Location", "")
    if not location:
        raise HttpProblem("redirect", f"{current.shown}: the server answered HTTP "
                                      f"{answer.status} (a redirect) without saying where to")
    try:
        target = parse_address(urljoin(current.url, location.strip()))
    except AddressError:
        raise HttpProblem("redirect", f"{current.shown}: the server redirects (HTTP "
                                      f"{answer.status}) to {shown(location[:200])}, which is "
                                      f"not an http(s) address") from None
    where = target.shown
    if current.scheme == "https" and target.scheme == "http":
        raise HttpProblem("redirect", f"{current.shown}: the server redirects from https to "
                                      f"plain http ({where}); nothing was sent there. Ask the "
                                      f"LRS's administrator for its https address")
    if target.origin != current.origin:
        raise HttpProblem("redirect", f"{current.shown}: the server redirects (HTTP "
                                      f"{answer.status}) to another address, {where}; "
                                      f"statements and credentials are not sent there. If that "
                                      f"is the LRS, give it with --lrs")
    if answer.status not in (307, 308):
        raise HttpProblem("redirect", f"{current.shown}: the server answers HTTP "
                                      f"{answer.status} (moved to {where}), which would turn "
                                      f"the upload into a GET; give the new address with --lrs")
    return current.with_target(target.target)


def _exchange(address: Address, method: str, body: bytes, headers: dict[str, str],
              until: float, deadline: float, max_bytes: int) -> Answer:
    """One request and its answer, the connection closed at `until` at the latest."""
    remaining = until - time.monotonic()
    if remaining <= 0:
        raise _late(address, deadline)
    conn: http.client.HTTPConnection
    if address.scheme == "https":
        conn = http.client.HTTPSConnection(address.host, address.port, timeout=remaining,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(address.host, address.port, timeout=remaining)
    expired = threading.Event()

    def cut() -> None:  # the deadline: a blocked read returns at once
        expired.set()
        sock = conn.sock
        if sock is not None:
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the raw socket, even under TLS
            except OSError:
                pass

    timer = threading.Timer(remaining, cut)
    timer.daemon = True
    timer.start()
    try:
        conn.request(method, address.target, body=body, headers={**headers,
                                                                 "Connection": "close"})
        response = conn.getresponse()
        cap = max_bytes if response.status < 300 else min(max_bytes, ERROR_BODY)
        data, whole = _read_capped(response, cap)
        if expired.is_set():  # the cut connection looked like the end of the answer
            raise _late(address, deadline)
        if whole and response.length:  # fewer bytes came than its Content-Length promised
            raise HttpProblem("network", f"the answer from {address.shown} broke off")
        if not whole and response.status < 300:
            raise HttpProblem("too-large", f"{address.shown}: the answer is larger than "
                                           f"{_size(max_bytes)}; it was not read further and "
                                           f"nothing is taken as accepted (is this an LRS's "
                                           f"xAPI endpoint?)")
        return Answer(response.status, response.headers, data, address)
    except HttpProblem:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set() or time.monotonic() >= until:
            raise _late(address, deadline) from None
        reason = getattr(exc, "reason", None) or getattr(exc, "strerror", None) or exc
        raise HttpProblem("network", f"cannot connect: {shown(str(reason))[:200]}") from None
    finally:
        timer.cancel()
        conn.close()


def _read_capped(response: http.client.HTTPResponse, cap: int) -> tuple[bytes, bool]:
    """Up to `cap` bytes of the body, and whether that is all of it (the rest is not read)."""
    parts: list[bytes] = []
    size = 0
    while size <= cap:
        block = response.read(min(CHUNK, cap + 1 - size))
        if not block:
            return b"".join(parts), True
        parts.append(block)
        size += len(block)
    return b"".join(parts)[:cap], False


def _late(address: Address, deadline: float) -> HttpProblem:
    return HttpProblem("deadline", f"{address.shown}: no complete answer within {deadline:g} s "
                                   f"(the server is too slow or stalls)")


def _size(count: int) -> str:
    return f"{count // (1024 * 1024)} MB" if count >= 1024 * 1024 else f"{count // 1024} kB"
