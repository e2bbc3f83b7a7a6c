"""Par in the background: a future at once, one search per key, the newest request first, the
cache filled, None (never an exception) when par cannot be had — in a thread and in the
worker process the window uses. Searches that must wait are held by an Event, not timed."""
from __future__ import annotations

import os
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pytest

from game.analysis import par_service
from game.analysis.par import Par
from game.analysis.par_cache import KnownPar, ParCache
from game.analysis.par_service import MAX_WAITING, ParService
from game.schema import Scenario

from .conftest import TINY, load

WAIT = 60.0  # seconds a test waits for a future at most (a search here takes well under 1 s)


class HeldSearch:
    """A stand-in for find_par that records each search and holds it until released."""

    def __init__(self) -> None:
        self.started: list[int] = []
        self.release = threading.Event()
        self.running = threading.Event()
        self.fail = False

    def __call__(self, scenario: Any, seed: int, *, budget: int, width: int) -> Par:
        self.started.append(seed)
        self.running.set()
        assert self.release.wait(WAIT), "the test never released the search"
        if self.fail:
            raise RuntimeError("the search broke")
        return Par(60.0 + seed, (), True, 0, "won", 1)


def varied() -> Scenario:
    """TINY with stance variants: seeds draw different variants, so each has its own par."""
    return load(TINY + "variants:\n  stances:\n    ana: [0.0, 1.0]\n")


def distinct_seeds(scenario: Scenario, cache: ParCache, n: int) -> list[int]:
    seeds: list[int] = []
    keys: set[str] = set()
    for seed in range(200):
        key = cache.key(scenario, seed)
        if key not in keys:
            keys.add(key)
            seeds.append(seed)
        if len(seeds) == n:
            return seeds
    raise AssertionError("not enough different variants")


def test_thread_runner_answers_in_the_background_and_fills_the_cache(tmp_path: Path,
                                                                    tiny: Scenario) -> None:
    search = HeldSearch()
    with ParService(ParCache(tmp_path, search=search), runner="thread") as service:
        future = service.request(tiny, 3)
        assert service.request(tiny, 4) is future  # no variants: the same par, one search
        assert search.running.wait(WAIT) and not future.done()
        search.release.set()
        assert future.result(WAIT) == KnownPar(63.0, True)
    assert search.started == [3]
    with ParService(ParCache(tmp_path, search=search), runner="thread") as again:
        cached = again.request(tiny, 9)
        assert cached.done() and cached.result() == KnownPar(63.0, True)
    assert search.started == [3]


def test_the_newest_request_is_searched_first(tmp_path: Path) -> None:
    scenario = varied()
    search = HeldSearch()
    cache = ParCache(tmp_path, search=search)
    first, second, third = distinct_seeds(scenario, cache, 3)
    with ParService(cache, runner="thread") as service:
        futures = [service.request(scenario, first)]
        assert search.running.wait(WAIT)  # the first is under way
        futures += [service.request(scenario, second), service.request(scenario, third)]
        search.release.set()
        results = [f.result(WAIT) for f in futures]
    assert search.started == [first, third, second]
    assert [r.total for r in results if r] == [60.0 + first, 60.0 + second, 60.0 + third]


def test_old_requests_beyond_the_queue_get_none(tmp_path: Path) -> None:
    scenario = varied()
    search = HeldSearch()
    cache = ParCache(tmp_path, search=search)
    seeds = distinct_seeds(scenario, cache, MAX_WAITING + 3)
    with ParService(cache, runner="thread") as service:
        running = service.request(scenario, seeds[0])
        assert search.running.wait(WAIT)
        waiting = [service.request(scenario, s) for s in seeds[1:]]
        dropped = waiting[:2]
        assert all(f.done() and f.result() is None for f in dropped)
        search.release.set()
        assert running.result(WAIT) is not None
        assert all(f.result(WAIT) is not None for f in waiting[2:])
        again = service.request(scenario, seeds[1])  # asked again: searched this time
        assert again.result(WAIT) == KnownPar(60.0 + seeds[1], True)


def test_a_failed_search_gives_none_and_is_tried_again(tmp_path: Path, tiny: Scenario) -> None:
    search = HeldSearch()
    search.fail = True
    search.release.set()
    with ParService(ParCache(tmp_path, search=search), runner="thread") as service:
        assert service.request(tiny, 1).result(WAIT) is None
        search.fail = False
        assert service.request(tiny, 1).result(WAIT) == KnownPar(61.0, True)
    assert search.started == [1, 1]


def test_close_answers_none_to_waiting_requests(tmp_path: Path) -> None:
    scenario = varied()
    search = HeldSearch()
    cache = ParCache(tmp_path, search=search)
    first, second = distinct_seeds(scenario, cache, 2)
    service = ParService(cache, runner="thread")
    running = service.request(scenario, first)
    assert search.running.wait(WAIT)
    waiting = service.request(scenario, second)
    service.close()
    assert waiting.result(WAIT) is None
    search.release.set()
    assert running.result(WAIT) == KnownPar(60.0 + first, True)  # a thread search ends
    late = service.request(scenario, second)
    assert late.done() and late.result() is None


def test_the_worker_process_finds_the_real_par(tmp_path: Path, tiny: Scenario,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Any] = []
    real = par_service._Worker

    def recorded() -> Any:
        started.append(real())
        return started[-1]

    monkeypatch.setattr(par_service, "_Worker", recorded)
    with ParService(ParCache(tmp_path), runner="process") as service:
        assert service.request(tiny, 0).result(WAIT) == KnownPar(91.8, True)
        [worker] = started
        worker.process.join(WAIT)
        assert not worker.process.is_alive()  # its search done, the worker ends by itself
        assert worker.process.exitcode == 0
    assert ParCache(tmp_path).get(tiny, 0) == KnownPar(91.8, True)


def _die(conn: Connection) -> None:
    """A worker that dies on its first job (run in the spawned process)."""
    conn.recv()
    os._exit(3)


def test_a_worker_that_dies_gives_none_and_a_new_one_serves_next(
        tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(par_service, "_serve", _die)
    with ParService(ParCache(tmp_path), runner="process") as service:
        assert service.request(tiny, 0).result(WAIT) is None
        assert service._worker is None
        monkeypatch.undo()
        assert service.request(tiny, 0).result(WAIT) == KnownPar(91.8, True)


def test_without_processes_the_search_runs_in_the_thread(
        tmp_path: Path, tiny: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process() -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(par_service, "_Worker", no_process)
    with ParService(ParCache(tmp_path), runner="process") as service:
        assert service.request(tiny, 0).result(WAIT) == KnownPar(91.8, True)
        assert service.runner == "thread"
