"""Par worked out in the background, so that nobody waits for it (a search takes 1–4 s).

    service = ParService(ParCache(), runner="process")   # the window; "thread" in the terminal
    future = service.request(scenario, seed)    # returns at once: a Future of KnownPar | None
    future.add_done_callback(...)                # or future.done() / future.result()
    service.close()                              # stops the worker; waiting futures get None

A request the cache answers comes back already done. Otherwise it joins a queue served by one
dispatcher thread, one search at a time (par is CPU-bound: two at once would only slow each
other and the window), the newest request first — the attempt being played matters more than
one left behind, whose search still runs later and fills the cache. Requests for the same key
share one future. A future's result is None when par could not be worked out (the search
failed, its worker died, or the service closed first); it never raises.

Runners:
- "process": one worker process at a lower priority, started with "spawn" when a search is
  due and ended as soon as no other search waits (it holds ~60 MB once it has searched; a
  later request starts a new one, ~0.7 s of imports beside a 1–8 s search). A daemon, so it
  also ends with the game. The window uses it: a
  search in a thread holds the interpreter lock for up to ~200 ms at a time. Measured on the
  meeting screen (2 shared cores, 2400 hover frames, 3 runs each), frame wall time p95 / max:
  no search 0.7–2 / 2–65 ms; worker process 1–6.5 / 13–98 ms; thread 10–17.5 / 185–216 ms.
  If the process cannot be started, the search runs in the thread.
- "thread": the search runs in the dispatcher thread. The terminal uses it: it waits on the
  trainee's input anyway, and starts no second interpreter (~0.7 s of imports).
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Literal

from game.analysis.par import find_par
from game.analysis.par_cache import KnownPar, ParCache
from game.runtime import Runtime
from game.schema import Scenario

Runner = Literal["process", "thread"]
MAX_WAITING = 4   # searches queued behind the running one; older ones are dropped (result None)
WORKER_NICENESS = 10  # the worker process's lower scheduling priority (Unix)
RETIRE_SECONDS = 5.0  # how long a worker with no more work has to exit before it is ended


@dataclass
class _Job:
    key: str
    scenario: Scenario
    seed: int
    future: Future[KnownPar | None]


def _serve(conn: Connection) -> None:
    """The worker process: search par for each (scenario, seed, budget, width) received and
    send back (total, exact), or None when the search failed; end when the pipe closes."""
    try:
        os.nice(WORKER_NICENESS)  # background work: the window (and the rest) go first
    except (AttributeError, OSError):
        pass  # no os.nice (Windows), or not allowed
    while True:
        try:
            scenario, seed, budget, width = conn.recv()
        except (EOFError, OSError):
            return
        try:
            par = find_par(scenario, seed, budget=budget, width=width)
            reply: tuple[float, bool] | None = (par.total, par.exact)
        except Exception:  # a search that fails gives no par, never a dead worker
            reply = None
        conn.send(reply)


class _Worker:
    """The worker process and the pipe to it."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs,), daemon=True,
                                       name="qualified-par")
        self.process.start()
        theirs.close()
        self.conn = mine

    def stop(self) -> None:
        """End the worker now, even in the middle of a search (the dispatcher's `recv` then
        gets EOFError; only the dispatcher closes its end of the pipe)."""
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(2.0)


def _give_up(jobs: list[_Job]) -> None:
    """Answer None to jobs that will not be searched (outside the service's lock: the
    futures' callbacks run here)."""
    for job in jobs:
        if job.future.set_running_or_notify_cancel():
            job.future.set_result(None)


class ParService:
    """Par searches in the background for one cache."""

    def __init__(self, cache: ParCache, *, runner: Runner = "process") -> None:
        self.cache = cache
        self.runner: Runner = runner
        self._lock = threading.Condition()
        self._waiting: list[_Job] = []                            # newest last
        self._futures: dict[str, Future[KnownPar | None]] = {}    # by key, this run
        self._thread: threading.Thread | None = None
        self._worker: _Worker | None = None
        self._closed = False

    def request(self, scenario: Scenario | Runtime, seed: int) -> Future[KnownPar | None]:
        """Par for `scenario` (as written, not a variant) and `seed`, as a future."""
        base = scenario.scenario if isinstance(scenario, Runtime) else scenario
        key = self.cache.key(base, seed)
        with self._lock:
            future = self._futures.get(key)
            if future is not None:
                return future
        future: Future[KnownPar | None] = Future()
        known = self.cache.get_key(key)
        if known is not None or self._closed:
            future.set_running_or_notify_cancel()
            future.set_result(known)
            return future
        with self._lock:
            self._futures[key] = future
            self._waiting.append(_Job(key, base, seed, future))
            dropped = self._waiting[:-MAX_WAITING]
            del self._waiting[:-MAX_WAITING]
            for job in dropped:
                self._futures.pop(job.key, None)
            if self._thread is None:
                self._thread = threading.Thread(target=self._dispatch, daemon=True,
                                                 name="qualified-par-dispatch")
                self._thread.start()
            self._lock.notify()
        _give_up(dropped)
        return future

    def close(self) -> None:
        """Stop: the running search is abandoned (in the worker process; a search in the
        thread runs to its end) and every waiting future gets None."""
        with self._lock:
            self._closed = True
            dropped, self._waiting = self._waiting, []
            for job in dropped:
                self._futures.pop(job.key, None)
            worker = self._worker
            self._lock.notify()
        _give_up(dropped)
        if worker is not None:
            worker.stop()

    def _dispatch(self) -> None:
        """The dispatcher thread: one search at a time, the newest request first."""
        while True:
            with self._lock:
                while not self._waiting and not self._closed:
                    self._lock.wait()
                if self._closed:
                    break
                job = self._waiting.pop()
            if not job.future.set_running_or_notify_cancel():
                continue
            known = self._search(job)
            if known is not None:
                self.cache.put(job.key, known)
            else:
                with self._lock:  # not kept: a later request tries again
                    self._futures.pop(job.key, None)
            self._retire_if_idle()  # before the answer: whoever waits for it finds it gone
            job.future.set_result(known)
        self._retire_if_idle()

    def _retire_if_idle(self) -> None:
        """End the worker process when no search waits: closing the pipe ends its loop, and
        the process exits with all it held (the search's memory goes back to the system)."""
        with self._lock:
            worker = self._worker
            if worker is None or (self._waiting and not self._closed):
                return
            self._worker = None
        worker.conn.close()
        worker.process.join(RETIRE_SECONDS)
        if worker.process.is_alive():  # stuck: it is ours to end
            worker.stop()

    def _search(self, job: _Job) -> KnownPar | None:
        """Par for one job, in the worker process or in this thread; None if it failed."""
        worker = None
        if self.runner == "process":
            worker = self._worker
            if worker is None:
                try:
                    worker = _Worker()
                except Exception:  # no process here (a sandbox, a frozen build): use the thread
                    self.runner = "thread"
                else:
                    with self._lock:
                        if self._closed:
                            worker.stop()
                            return None
                        self._worker = worker
        if self.runner == "process" and worker is not None:
            try:
                worker.conn.send((job.scenario, job.seed, self.cache.budget, self.cache.width))
            except (EOFError, OSError):
                return self._lost(worker)
            except Exception:  # the scenario would not pickle: search this one here
                pass
            else:
                try:
                    reply = worker.conn.recv()
                except (EOFError, OSError):
                    return self._lost(worker)
                return None if reply is None else KnownPar(float(reply[0]), bool(reply[1]))
        try:
            return self.cache.search(job.scenario, job.seed)
        except Exception:
            return None

    def _lost(self, worker: _Worker) -> KnownPar | None:
        """The worker died (or was stopped by `close`): forget it; the next search starts a
        new one."""
        with self._lock:
            if self._worker is worker:
                self._worker = None
        worker.stop()
        worker.conn.close()
        return None

    def __enter__(self) -> ParService:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
