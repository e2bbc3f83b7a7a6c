"""`sync` against hostile or broken servers (issue #16): no credentials to another origin, no
POST turned into a GET, nothing marked sent that the LRS did not confirm, answers capped in
size and in time, 413 halves the batch, and nothing the server says reaches the terminal raw."""
from __future__ import annotations

import json
import threading
from email.message import Message
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from game.cli import main
from game.reports import render
from game.reports.lrs import SyncError, statements_url, sync
from game.reports.lrs_http import Address, AddressError, Answer, HttpProblem, _follow, \
    parse_address
from game.store import Store
from tests.reports.hostile_lrs import Server, answer, ids_of
from tests.reports.loopback_lrs import LoopbackLRS
from tests.store.helpers import WIN, full_attempt, scenario

USER, PASSWORD = "alice", "s3cret"


@pytest.fixture
def small(empty: Store) -> Store:
    """A store with one finished attempt (a few dozen statements)."""
    full_attempt(empty, "Núñez", scenario(), 42, WIN)
    return empty


def _count(store: Store) -> int:
    return len(render("xapi", store).splitlines())


def _no_wait(seconds: float) -> None:
    pass


def test_a_redirect_to_another_host_gets_neither_statements_nor_credentials(small: Store) -> None:
    with Server(lambda h, b: answer(h, 200, ids_of(b) if b else "ok")) as thief:
        with Server(lambda h, b: answer(h, 500, b"")) as lrs:
            for status in (301, 302, 303, 307, 308):
                def moved(handler: BaseHTTPRequestHandler, body: bytes, s: int = status) -> None:
                    answer(handler, s, b"", {"Location": f"{thief.url}/xapi/statements"})

                lrs.behaviour = moved
                with pytest.raises(SyncError, match="redirects .* to another address, "
                                                    "http://127.0.0.1:.*not sent there"):
                    sync(small, lrs.url + "/xapi", user=USER, password=PASSWORD, sleep=_no_wait)
            assert len(lrs.seen) == 5 and all(m == "POST" for m, *_ in lrs.seen)
        assert thief.seen == []
    assert small.sent_statements(statements_url(lrs.url + "/xapi")) == set()


def test_a_same_origin_307_is_followed_with_the_body_but_a_303_is_refused(small: Store) -> None:
    def moved(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        if handler.path == "/old/statements":
            answer(handler, 307, b"", {"Location": "/new/statements"})
        else:
            answer(handler, 200, ids_of(body))

    with Server(moved) as lrs:
        report = sync(small, lrs.url + "/old", user=USER, password=PASSWORD)
        assert report.sent == _count(small)
        assert [(m, p) for m, p, _, _ in lrs.seen] == [("POST", "/old/statements"),
                                                      ("POST", "/new/statements")]
        assert lrs.seen[1][2] == lrs.seen[0][2] is not None  # credentials: same origin
        assert lrs.seen[1][3] == lrs.seen[0][3]               # the same statements
    with Server(lambda h, b: answer(h, 303, b"", {"Location": "/elsewhere"})) as lrs:
        with pytest.raises(SyncError, match="HTTP 303 .*would turn the upload into a GET"):
            sync(small, lrs.url + "/xapi", user=USER, password=PASSWORD)
        assert [m for m, *_ in lrs.seen] == ["POST"]


def test_https_never_follows_a_redirect_to_plain_http() -> None:
    here = parse_address("https://lrs.example.org/xapi/statements")
    headers = Message()
    headers["Location"] = "http://lrs.example.org/xapi/statements"
    with pytest.raises(HttpProblem, match="from https to plain http"):
        _follow(here, Answer(308, headers, b"", here))
    headers.replace_header("Location", "https://lrs.example.org:8443/xapi/statements")
    with pytest.raises(HttpProblem, match="another address"):  # another port: another origin
        _follow(here, Answer(308, headers, b"", here))
    headers.replace_header("Location", "/v2/statements")
    assert _follow(here, Answer(308, headers, b"", here)).url == \
        "https://lrs.example.org/v2/statements"


def test_nothing_counts_as_sent_unless_the_lrs_lists_its_id(small: Store) -> None:
    key = None
    with Server(lambda h, b: answer(h, 200, b"OK")) as lrs:
        key = statements_url(lrs.url + "/xapi")
        with pytest.raises(SyncError, match="did not list the statements' ids.*none is marked"):
            sync(small, lrs.url + "/xapi")
    assert small.sent_statements(key) == set()
    with Server(lambda h, b: answer(h, 200, ids_of(b)[:3])) as lrs:
        key = statements_url(lrs.url + "/xapi")
        with pytest.raises(SyncError, match="listed 3 of the 10 statements' ids"):
            sync(small, lrs.url + "/xapi", batch=10)
        assert len(small.sent_statements(key)) == 3  # those it did confirm
    with Server(lambda h, b: answer(h, 200, [i.upper() for i in ids_of(b)])) as lrs:
        assert sync(small, lrs.url + "/xapi").sent == _count(small)  # ids are case-blind


def _endless(status: int) -> object:
    def behaviour(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        handler.send_response(status)
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"\x1b]0;pwned\x07" + b"x" * 65_000
        while not server_stop.is_set():
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            with counter:
                written[0] += len(chunk)

    server_stop = threading.Event()
    counter = threading.Lock()
    written = [0]
    behaviour.stop = server_stop  # type: ignore[attr-defined]
    behaviour.written = written  # type: ignore[attr-defined]
    return behaviour


@pytest.mark.parametrize("status", [200, 500])
def test_an_endless_answer_is_read_only_up_to_the_cap(small: Store, status: int) -> None:
    behaviour = _endless(status)
    with Server(behaviour) as lrs:  # type: ignore[arg-type]
        match = "larger than 256 kB" if status == 200 else r"gave up after 2 tries \(HTTP 500\)"
        with pytest.raises(SyncError, match=match) as caught:
            sync(small, lrs.url + "/xapi", tries=2, sleep=_no_wait, max_bytes=256 * 1024)
        behaviour.stop.set()  # type: ignore[attr-defined]
    # the server could write only what fits in the socket buffers once the reader stopped
    assert behaviour.written[0] < 32 * 1024 * 1024  # type: ignore[attr-defined]
    assert "\x1b" not in str(caught.value)


def test_a_dripping_server_is_cut_at_the_deadline(small: Store) -> None:
    def drip(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        for _ in range(1000):
            handler.wfile.write(b"[")
            handler.wfile.flush()
            if lrs.stop.wait(0.05):
                return

    with Server(drip) as lrs:
        with pytest.raises(SyncError, match=r"gave up after 2 tries \(no complete answer "
                                            r"within 0.4 s\)"):
            sync(small, lrs.url + "/xapi", tries=2, timeout=0.4, sleep=_no_wait)
        assert len(lrs.seen) == 2
    assert small.sent_statements(statements_url(lrs.url + "/xapi")) == set()


def test_413_halves_the_batch_until_the_lrs_takes_it(small: Store) -> None:
    sizes: list[int] = []

    def picky(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        ids = ids_of(body)
        sizes.append(len(ids))
        answer(handler, 413, {"error": "too large"}) if len(ids) > 5 else \
            answer(handler, 200, ids)

    total = _count(small)
    assert total == 18
    with Server(picky) as lrs:
        report = sync(small, lrs.url + "/xapi", batch=16)
    assert report.sent == total and report.batch == 4
    assert sizes == [16, 8, 4, 4, 4, 4, 2]
    with Server(lambda h, b: answer(h, 413, {"error": "too large"})) as lrs:
        with pytest.raises(SyncError, match="refuses statement .* as too large.*on its own"):
            sync(small, lrs.url + "/xapi", batch=4)


def test_what_the_server_says_reaches_the_terminal_escaped(small: Store) -> None:
    evil = "\x1b]0;owned\x07\x1b[2J\x9b31mbad"
    with Server(lambda h, b: answer(h, 400, evil.encode("utf-8"))) as lrs:
        with pytest.raises(SyncError) as caught:
            sync(small, lrs.url + "/xapi")
    text = str(caught.value)
    assert "HTTP 400" in text and "\\x1b]0;owned\\x07" in text and "\\x9b31m" in text
    assert not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in text)


def test_credentials_in_the_address_are_used_and_never_shown(small: Store) -> None:
    with LoopbackLRS(USER, PASSWORD) as lrs:
        with_secret = lrs.endpoint.replace("http://", f"http://{USER}:{PASSWORD}@")
        report = sync(small, with_secret)
        assert report.sent == _count(small) == len(lrs.stored)
        assert small.sent_statements(lrs.endpoint + "/statements")  # kept without them
        wrong = lrs.endpoint.replace("http://", f"http://{USER}:wrong-s3cret@")
        small.conn.execute("DELETE FROM lrs_sent")
        with pytest.raises(SyncError) as caught:
            sync(small, wrong)
    assert "wrong-s3cret" not in str(caught.value) and "***@127.0.0.1" in str(caught.value)


def test_addresses_are_checked_before_anything_is_sent() -> None:
    for bad, why in [("http://127.0.0.1:abc/", "not a valid address"),
                     ("ftp://lrs.example.org/", "not an LRS address"),
                     ("http:///xapi", "not an LRS address"),
                     ("http://lrs.example.org/x api", "spaces or control characters"),
                     ("http://bob:pw@lrs.example.org:99999/", "not a valid address")]:
        with pytest.raises(AddressError, match=why) as caught:
            parse_address(bad)
        assert "pw@" not in str(caught.value)
    address = parse_address("https://ana:p%C3%A1ss@LRS.example.org/xapi/ñ")
    assert (address.user, address.password) == ("ana", "páss")
    assert address.url == "https://lrs.example.org/xapi/%C3%B1"
    assert address.shown == "https://***@lrs.example.org/xapi/%C3%B1"
    assert Address("http", "::1", 8080, "/x").url == "http://[::1]:8080/x"


def test_the_sync_command_refuses_a_bad_address_without_a_traceback(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync", "--lrs", "http://127.0.0.1:abc/"]) == 2
    err = capsys.readouterr().err
    assert "error: --lrs: http://127.0.0.1:abc/ is not a valid address" in err
    assert main(["sync", "--lrs", "https://bob:hunter2@127.0.0.1:1/x", "--timeout",
                 "0"]) == 2
    assert "--timeout" in capsys.readouterr().err


def test_the_sync_command_says_what_a_hostile_server_did(
        small: Store, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small.close()
    with Server(lambda h, b: answer(h, 302, b"", {"Location": "http://10.0.0.1/"})) as lrs:
        code = main(["sync", "--lrs", lrs.url.replace("http://", "http://bob:hunter2@"),
                     "--tries", "1"])
    captured = capsys.readouterr()
    assert code == 1
    assert "hunter2" not in captured.err + captured.out
    assert "redirects (HTTP 302) to another address, http://10.0.0.1/" in captured.err
    assert "plain http: the credentials cross the network unencrypted" in captured.err
    assert json.dumps(captured.err).count("Traceback") == 0


def _holds(held: set[str]) -> object:
    """An LRS that answers 204 to a POST (as Ralph does when it has every statement already)
    and returns by GET ?statementId= only the statements in `held`."""
    def behaviour(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        if handler.command == "POST":
            handler.send_response(204)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        wanted = handler.path.partition("statementId=")[2]
        if wanted in held:  # one statement, or (as Ralph does) a page holding it
            statement = {"id": wanted, "verb": {"id": "x"}}
            answer(handler, 200, statement if int(wanted[-1], 16) % 2 else {"statements": [statement]})
        else:
            answer(handler, 404, {"error": "not found"})
    return behaviour


def test_a_204_counts_only_the_statements_the_lrs_returns_by_id(small: Store) -> None:
    everything = {str(json.loads(line)["id"]) for line in render("xapi", small).splitlines()}
    # a resend to an LRS that holds them all (Ralph answers 204): all confirmed by id
    with Server(_holds(everything)) as lrs:
        assert sync(small, lrs.url + "/xapi").sent == len(everything)
        assert all(method == "POST" or "statementId=" in path
                   for method, path, _, _ in lrs.seen)
    # a server that answers 204 to anything but holds nothing: none marked sent
    with Server(_holds(set())) as lrs:
        key = statements_url(lrs.url + "/other")
        with pytest.raises(SyncError, match="none is marked"):
            sync(small, lrs.url + "/other")
        assert small.sent_statements(key) == set()
