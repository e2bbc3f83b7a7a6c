"""Random play: N seeded attempts by a player who picks uniformly among the available options.

Before each pick the random player, with probability `tag_rate`, tags a random stakeholder with
a random role (so its tags are as often wrong as right). Run `i` draws everything from its own
generator, seeded from (`seed`, `i`), and plays the game seed that generator gives first — so
with variants each run plays its own variant, and the figures do not depend on how the runs
are split between processes: chunks are merged in a fixed order.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from game import variants
from game.engine import Game, Line
from game.runtime import NodePlan, Runtime
from game.schema import ROLES, Scenario
from game.scoring import score

DEFAULT_RUNS = 10_000
DEFAULT_TAG_RATE = 0.1
CHUNK = 250             # runs per task: small enough for a smooth progress bar
PARALLEL_FROM = 2_000   # fewer runs than this are played in this process
MAX_STEPS = 5_000       # a guard only: the turn budget ends every attempt far sooner

NodeId = tuple[str, str]


@dataclass
class Playouts:
    """What N random attempts did: outcomes, scores (in run order), and coverage counts —
    for each node and choice, in how many runs it was reached or taken at least once."""

    runs: int = 0
    wins: int = 0
    totals: list[float] = field(default_factory=list)
    end_reasons: Counter[str] = field(default_factory=Counter)
    node_runs: Counter[NodeId] = field(default_factory=Counter)
    choice_runs: Counter[str] = field(default_factory=Counter)
    variant_runs: Counter[str] = field(default_factory=Counter)
    choices_made: int = 0
    turns_used: int = 0

    def merge(self, other: Playouts) -> None:
        """Add `other`'s runs after this one's."""
        self.runs += other.runs
        self.wins += other.wins
        self.totals.extend(other.totals)
        self.end_reasons.update(other.end_reasons)
        self.node_runs.update(other.node_runs)
        self.choice_runs.update(other.choice_runs)
        self.variant_runs.update(other.variant_runs)
        self.choices_made += other.choices_made
        self.turns_used += other.turns_used

    @property
    def win_rate(self) -> float:
        """Share of runs won (0 when there were none)."""
        return self.wins / self.runs if self.runs else 0.0

    def percentiles(self) -> dict[str, float]:
        """p10, p50 and p90 of the total scores (linear interpolation), rounded to 0.1."""
        if not self.totals:
            return {"p10": 0.0, "p50": 0.0, "p90": 0.0}
        p10, p50, p90 = np.percentile(np.asarray(self.totals), [10, 50, 90])
        return {"p10": round(float(p10), 1), "p50": round(float(p50), 1),
                "p90": round(float(p90), 1)}

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (coverage as shares of runs)."""
        runs = max(1, self.runs)
        return {
            "runs": self.runs, "wins": self.wins, "win_rate": round(self.win_rate, 4),
            "score_percentiles": self.percentiles(),
            "mean_score": round(float(np.mean(self.totals)), 1) if self.totals else 0.0,
            "best_score": max(self.totals, default=0.0),
            "end_reasons": dict(sorted(self.end_reasons.items())),
            "choices_made": self.choices_made,
            "mean_turns": round(self.turns_used / runs, 2),
            "variants": dict(sorted(self.variant_runs.items())),
        }


class _TracingGame(Game):
    """A game that notes every node it arrives at (the engine's `_land`), for coverage."""

    reached: set[NodeId]

    def _land(self, plan: NodePlan, out: list[Line], *, speak: bool = True) -> None:
        self.reached.add((plan.who, plan.node))
        Game._land(self, plan, out, speak=speak)


def play_runs(rt: Runtime, seed: int, start: int, stop: int,
              tag_rate: float = DEFAULT_TAG_RATE) -> Playouts:
    """Runs `start` … `stop - 1` of the random player, in this process."""
    result = Playouts()
    people = list(rt.scenario.stakeholders)
    describe = variants.varies(rt.scenario)
    for run in range(start, stop):
        rng = random.Random(seed * 1_000_003 + run)
        game = _TracingGame(rt, rng.randrange(1 << 31))
        game.reached = set()
        taken: set[str] = set()
        steps = 0
        while not game.over and steps < MAX_STEPS:
            if rng.random() < tag_rate:
                game.tag(rng.choice(people), rng.choice(ROLES))
            options = game.options()
            index = rng.choice([i for i, o in enumerate(options) if o.available])
            key = options[index].key
            if "/" in key:
                taken.add(key)
            game.choose(index)
            steps += 1
        if not game.over:
            game.abandon()
        state = game.state
        result.runs += 1
        result.wins += state.outcome == "won"
        result.totals.append(score(game.rt, state).total)
        result.end_reasons[state.end_reason or "abandoned"] += 1
        result.node_runs.update(game.reached)
        result.choice_runs.update(taken)
        result.choices_made += steps
        result.turns_used += state.turn
        if describe:
            result.variant_runs[variants.draw(rt.scenario, state.seed).describe(rt.scenario)] += 1
    return result


_WORKER_RT: Runtime | None = None


def _worker_start(scenario: Scenario) -> None:
    global _WORKER_RT
    _WORKER_RT = Runtime(scenario)


def _worker_runs(seed: int, start: int, stop: int, tag_rate: float) -> Playouts:
    assert _WORKER_RT is not None
    return play_runs(_WORKER_RT, seed, start, stop, tag_rate)


class RandomPlay:
    """Random play of `runs` attempts, started in worker processes (when worth it) so the
    caller can do other work — the par search — before `result()` collects them."""

    def __init__(self, rt: Runtime, runs: int = DEFAULT_RUNS, seed: int = 0, *,
                 tag_rate: float = DEFAULT_TAG_RATE, jobs: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.rt, self.runs, self.seed, self.tag_rate = rt, runs, seed, tag_rate
        self.progress = progress
        self.jobs = jobs if jobs is not None else min(2, os.cpu_count() or 1)
        self.chunks = [(a, min(a + CHUNK, runs)) for a in range(0, runs, CHUNK)]
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[Playouts]] = []
        self._watcher: threading.Thread | None = None
        if self.jobs > 1 and runs >= PARALLEL_FROM:
            context = multiprocessing.get_context(
                "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context,
                                             initializer=_worker_start, initargs=(rt.scenario,))
            self._futures = [self._pool.submit(_worker_runs, seed, a, b, tag_rate)
                             for a, b in self.chunks]
            if progress is not None:  # report progress while the caller works (the par search)
                self._watcher = threading.Thread(target=self._watch, daemon=True)
                self._watcher.start()

    def _watch(self) -> None:
        done = 0
        for future, (a, b) in zip(self._futures, self.chunks):
            if future.exception() is not None:
                return
            done += b - a
            assert self.progress is not None
            self.progress(done, self.runs)

    def result(self) -> Playouts:
        """Every run's figures, merged in run order (waits for the workers)."""
        total = Playouts()
        done = 0
        try:
            for index, (a, b) in enumerate(self.chunks):
                if self._pool is not None:
                    part = self._futures[index].result()
                else:
                    part = play_runs(self.rt, self.seed, a, b, self.tag_rate)
                    done += b - a
                    if self.progress is not None:
                        self.progress(done, self.runs)
                total.merge(part)
        finally:
            if self._watcher is not None:
                self._watcher.join()
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
        return total


def random_play(rt: Runtime, runs: int = DEFAULT_RUNS, seed: int = 0, **kwargs: Any) -> Playouts:
    """Play `runs` random attempts and return their merged figures."""
    return RandomPlay(rt, runs, seed, **kwargs).result()
