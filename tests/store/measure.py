"""Measurements for the store (not a test): `python -m tests.store.measure [N_ATTEMPTS]`.

Prints the time to record one action durably (median and 95th percentile, with
synchronous=FULL as the game runs and NORMAL for comparison), to resume a long attempt, to
open (with the health check) a database holding N attempts, and to render each report.
Uses a temporary data folder.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from game.engine import Game
from game.loader import load_scenario
from game.reports import render
from game.runtime import Runtime
from game.schema import Scenario
from game.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]


def _scenario() -> Scenario:
    path = ROOT / "scenarios" / "northwind-logistics.yaml"
    loaded = load_scenario(path if path.exists() else ROOT / "tests" / "fixtures" / "mini.yaml")
    assert loaded.scenario is not None
    return loaded.scenario


def _play(store: Store, rt: Runtime, scenario: Scenario, player: str, seed: int,
          timings: list[float] | None = None) -> None:
    pick = random.Random(seed)
    attempt = store.start_attempt(player, "bench.yaml", scenario, seed)
    game = Game(rt, seed=seed)
    while not game.over:
        game.choose_key(pick.choice([o.key for o in game.available()]))
        start = time.perf_counter()
        store.record(attempt, game)
        if timings is not None:
            timings.append(time.perf_counter() - start)
    store.finish(attempt, game)


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"median {statistics.median(ordered) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms"


def main() -> int:
    """Run the measurements and print them."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    scenario = _scenario()
    rt = Runtime(scenario)
    print(f"scenario: {scenario.id}")
    with tempfile.TemporaryDirectory() as folder:
        for mode in ("FULL", "NORMAL"):
            timings: list[float] = []
            with open_store(Path(folder) / mode) as store:
                store.conn.execute(f"PRAGMA synchronous = {mode}")
                for seed in range(20):
                    _play(store, rt, scenario, "Bench", seed, timings)
            print(f"record one action, synchronous={mode}: {_ms(timings)} "
                  f"({len(timings)} actions)")
        with open_store(Path(folder) / "big") as store:
            start = time.perf_counter()
            for seed in range(n):
                _play(store, rt, scenario, f"Player {seed % 25}", seed)
            print(f"{n} attempts recorded in {time.perf_counter() - start:.1f} s")
            attempt = store.start_attempt("Long", "bench.yaml", scenario, 7)
            game = Game(rt, seed=7)
            pick = random.Random(7)
            for _ in range(60):
                if game.over:
                    break
                game.tag(pick.choice(list(scenario.stakeholders)), "user")
                store.record(attempt, game)
            start = time.perf_counter()
            store.resume(attempt, rt)
            print(f"resume an attempt of {attempt.steps or 60} actions: "
                  f"{(time.perf_counter() - start) * 1000:.1f} ms")
        size = (Path(folder) / "big" / "qualified.sqlite3").stat().st_size
        start = time.perf_counter()
        with open_store(Path(folder) / "big") as store:
            print(f"open with quick_check, {n} attempts ({size / 1e6:.1f} MB): "
                  f"{(time.perf_counter() - start) * 1000:.0f} ms")
            for fmt in ("table", "csv", "html", "xapi"):
                start = time.perf_counter()
                text = render(fmt, store)
                print(f"report --format {fmt}: {time.perf_counter() - start:.2f} s "
                      f"({len(text) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
