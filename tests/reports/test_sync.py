"""`sync`: statements reach a loopback LRS that enforces the spec, in batches, with retries,
and never twice."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.reports import render
from game.reports.lrs import SyncError, statements_url, sync
from game.store import Store, open_store
from tests.reports.loopback_lrs import LoopbackLRS
from tests.store.helpers import WIN, full_attempt, scenario

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "trainer", "s3cret-Ñ"


def _count(store: Store) -> int:
    return len(render("xapi", store).splitlines())


def test_sync_sends_everything_once_in_batches(class_store: Store) -> None:
    total = _count(class_store)
    waits: list[float] = []
    with LoopbackLRS(USER, PASSWORD) as lrs:
        report = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, batch=40,
                      sleep=waits.append)
        assert (report.sent, report.already, report.conflicts) == (total, 0, 0)
        assert len(lrs.stored) == total
        assert [n for _, n in lrs.requests] == [40] * (total // 40) + [total % 40]
        again = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD,
                     sleep=waits.append)
        assert (again.sent, again.already, again.requests) == (0, total, 0)
        full_attempt(class_store, "Núñez", scenario(), 77, WIN)  # new results since
        later = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD,
                     sleep=waits.append)
        assert later.sent == _count(class_store) - total and later.already == total
        assert len(lrs.stored) == _count(class_store)
    assert waits == []


def test_sync_retries_with_backoff_then_succeeds(class_store: Store) -> None:
    waits: list[float] = []
    with LoopbackLRS(USER, PASSWORD) as lrs:
        lrs.fail_next = [503, 429, 500]
        report = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, batch=500,
                      sleep=waits.append, first_wait=0.5)
        assert report.sent == _count(class_store) and report.requests == 4
    assert waits == [0.5, 1.0, 2.0]


def test_sync_gives_up_after_bounded_tries_and_keeps_what_was_accepted(
        class_store: Store) -> None:
    waits: list[float] = []
    total = _count(class_store)
    with LoopbackLRS(USER, PASSWORD) as lrs:
        first = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, batch=50,
                     sleep=waits.append)
        assert first.sent == total
    with LoopbackLRS(USER, PASSWORD) as lrs:  # a new LRS, down for good
        lrs.fail_next = [503] * 10
        with pytest.raises(SyncError, match="gave up after 4 tries.*run sync again later"):
            sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, tries=4,
                 sleep=waits.append)
        assert len(lrs.requests) == 4
    assert waits == [1.0, 2.0, 4.0]


def test_sync_remembers_each_accepted_batch_when_a_later_one_fails(class_store: Store) -> None:
    total = _count(class_store)
    with LoopbackLRS(USER, PASSWORD) as lrs:
        original = lrs.server.RequestHandlerClass.do_POST  # type: ignore[attr-defined]
        calls = {"n": 0}

        def flaky(handler: object) -> None:
            calls["n"] += 1
            if calls["n"] == 3:
                lrs.fail_next.append(400)  # the third batch is refused outright
            original(handler)

        lrs.server.RequestHandlerClass.do_POST = flaky  # type: ignore[attr-defined]
        with pytest.raises(SyncError, match="HTTP 400"):
            sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, batch=30,
                 sleep=lambda s: None)
        assert len(class_store.sent_statements(statements_url(lrs.endpoint))) == 60
        lrs.server.RequestHandlerClass.do_POST = original  # type: ignore[attr-defined]
        rest = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD, batch=30)
        assert (rest.sent, rest.already) == (total - 60, 60)
        assert len(lrs.stored) == total


def test_an_lrs_that_already_has_the_statements_is_not_given_duplicates(
        class_store: Store, tmp_path: Path) -> None:
    with LoopbackLRS(USER, PASSWORD) as lrs:
        sync(class_store, lrs.endpoint, user=USER, password=PASSWORD)
        class_store.conn.execute("DELETE FROM lrs_sent")  # as if from another computer
        again = sync(class_store, lrs.endpoint, user=USER, password=PASSWORD)
        assert again.sent == _count(class_store) and again.conflicts == 0
        assert len(lrs.stored) == _count(class_store)  # same ids, same content: no change


def test_wrong_credentials_and_bad_addresses_are_explained(class_store: Store) -> None:
    with LoopbackLRS(USER, PASSWORD) as lrs:
        with pytest.raises(SyncError, match="refused the credentials.*QUALIFIED_LRS_USER"):
            sync(class_store, lrs.endpoint, user=USER, password="wrong")
        with pytest.raises(SyncError, match="HTTP 404"):
            sync(class_store, lrs.endpoint + "/nowhere", user=USER, password=PASSWORD)
    with pytest.raises(SyncError, match="not an LRS address"):
        sync(class_store, "lrs.example.org", user=USER, password=PASSWORD)
    assert statements_url("https://lrs.example.org/xapi/") == \
        "https://lrs.example.org/xapi/statements"
    assert statements_url("https://lrs.example.org/xapi/statements") == \
        "https://lrs.example.org/xapi/statements"


def test_an_unreachable_lrs_is_retried_then_reported(class_store: Store) -> None:
    with LoopbackLRS(USER, PASSWORD) as lrs:
        endpoint = lrs.endpoint  # the server is gone once the block ends
    waits: list[float] = []
    with pytest.raises(SyncError, match="cannot connect"):
        sync(class_store, endpoint, user=USER, password=PASSWORD, tries=3, sleep=waits.append)
    assert waits == [1.0, 2.0]


def test_sync_command_reads_credentials_from_the_environment(class_store: Store,
                                                             data_dir: Path) -> None:
    total = _count(class_store)
    class_store.close()
    env = {**os.environ, "QUALIFIED_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "utf-8",
           "QUALIFIED_LRS_USER": USER, "QUALIFIED_LRS_PASSWORD": PASSWORD}
    with LoopbackLRS(USER, PASSWORD) as lrs:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "--lrs",
                               lrs.endpoint], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"{total} statements sent, 0 already in the LRS\n"
        assert len(lrs.stored) == total
        env["QUALIFIED_LRS_PASSWORD"] = "wrong"
        with open_store(data_dir) as store:
            store.conn.execute("DELETE FROM lrs_sent")
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "sync", "--lrs",
                               lrs.endpoint], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120)
        assert done.returncode == 1 and "refused the credentials" in done.stderr
        assert "Traceback" not in done.stderr
