"""The par worker process lives only while there is a search to do: it ends once the queue is
empty (its memory goes back to the system), a later request starts a new one, and searches
queued behind a running one are served by the same worker before it ends."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from game.analysis import par_service
from game.analysis.par_cache import KnownPar, ParCache
from game.analysis.par_service import ParService
from game.schema import Scenario

from .conftest import TINY, load

WAIT = 60.0


class CountedWorkers:
    """Records every worker process the service starts."""

    def __init__(self) -> None:
        self.started: list[Any] = []
        self.real = par_service._Worker

    def __call__(self) -> Any:
        self.started.append(self.real())
        return self.started[-1]


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> CountedWorkers:
    counted = CountedWorkers()
    monkeypatch.setattr(par_service, "_Worker", counted)
    return counted


def test_the_worker_ends_when_its_searches_are_done_and_a_new_one_serves_later(
        tmp_path: Path, tiny: Scenario, workers: CountedWorkers) -> None:
    with ParService(ParCache(tmp_path), runner="process") as service:
        assert service.request(tiny, 0).result(WAIT) == KnownPar(91.8, True)
        first = workers.started[0]
        first.process.join(WAIT)
        assert not first.process.is_alive() and first.process.exitcode == 0
        other = load(TINY.replace("id: tiny", "id: tiny-two"))
        assert service.request(other, 0).result(WAIT) is not None
        assert len(workers.started) == 2           # a new worker for the new search
        workers.started[1].process.join(WAIT)
        assert not workers.started[1].process.is_alive()


def test_searches_queued_behind_one_share_its_worker(
        tmp_path: Path, tiny: Scenario, workers: CountedWorkers,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """While one search runs, the next requests wait; the same worker serves them all."""
    gate = threading.Event()
    real_search = ParService._search

    def held(self: ParService, job: Any) -> KnownPar | None:
        assert gate.wait(WAIT)
        return real_search(self, job)

    monkeypatch.setattr(ParService, "_search", held)
    names = [f"tiny-{n}" for n in range(3)]
    scenarios = [load(TINY.replace("id: tiny", f"id: {name}")) for name in names]
    with ParService(ParCache(tmp_path), runner="process") as service:
        futures = [service.request(s, 0) for s in scenarios]
        gate.set()
        assert all(f.result(WAIT) is not None for f in futures)
    assert len(workers.started) == 1
