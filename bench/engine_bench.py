"""Headless engine speed: choices a second in batch random play, and `analyze` on the largest
scenario with 10,000 random runs (design.md §7; issue 4).

    .venv/bin/python bench/engine_bench.py                 # the largest file in scenarios/
    .venv/bin/python bench/engine_bench.py --scenario PATH --runs 10000 --repeat 3 [--json]

Figures (medians of `--repeat` rounds, all in this one run):
- `choices_per_s`: a bare loop choosing uniformly among the available options, one process,
  CPU time (what the engine itself sustains; target ≥ 100,000);
- `playout_choices_per_s`: the analyser's random player (role tags, coverage, scoring), one
  process, CPU time;
- `analyze_s`: wall time of `python main.py analyze SCENARIO --runs 10000 --json` in a fresh
  process, start-up included (target ≤ 10 s), with its CPU time across processes;
- how long copying a play state takes three ways (the par search copies thousands).
The machine is shared, so wall times vary with the load; the load average is printed too.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.analysis.forking import clone_state  # noqa: E402
from game.analysis.playouts import play_runs  # noqa: E402
from game.engine import Game  # noqa: E402
from game.loader import find_scenario_files, load_scenario  # noqa: E402
from game.runtime import Runtime  # noqa: E402
from game.state import PlayState  # noqa: E402

TARGET_CHOICES = 100_000
TARGET_ANALYZE_S = 10.0


def largest_scenario() -> str:
    """The biggest scenario file in scenarios/ (the fixture when there is none)."""
    files = find_scenario_files(str(ROOT / "scenarios"))
    if not files:
        return str(ROOT / "tests" / "fixtures" / "mini.yaml")
    return max(files, key=lambda f: (os.path.getsize(f), f))


def bare_choices_per_s(rt: Runtime, games: int, seed: int = 1) -> tuple[float, int]:
    """(choices a CPU second, choices made) of a uniform random player on the bare engine."""
    rng = random.Random(seed)
    made = 0
    start = time.process_time()
    for index in range(games):
        game = Game(rt, index)
        while not game.over:
            game.choose(rng.choice([i for i, o in enumerate(game.options()) if o.available]))
            made += 1
    return made / (time.process_time() - start), made


def _batch_worker(path: str, games: int, seed: int, barrier: Any, results: Any) -> None:
    loaded = load_scenario(path)
    assert loaded.scenario is not None
    rt = Runtime(loaded.scenario)
    bare_choices_per_s(rt, 200, seed + 1000)  # warm: the variants' runtimes get built
    barrier.wait()  # every process starts playing at the same moment
    start = time.perf_counter()
    made = bare_choices_per_s(rt, games, seed)[1]
    results.put((made, start, time.perf_counter()))


def both_cores_choices_per_s(path: str, games: int) -> float:
    """Choices a wall second of the same random player in one process per core (batch play as
    the analyser runs it): all the choices made, over the time from the first process starting
    to play to the last one finishing (loading and warming up each process not counted)."""
    import multiprocessing

    jobs = os.cpu_count() or 1
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    barrier = context.Barrier(jobs)
    results = context.Queue()
    workers = [context.Process(target=_batch_worker, args=(path, games, 1 + i, barrier, results))
               for i in range(jobs)]
    for worker in workers:
        worker.start()
    spans = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    made = sum(m for m, _, _ in spans)
    return made / (max(end for _, _, end in spans) - min(start for _, start, _ in spans))


def playout_choices_per_s(rt: Runtime, games: int) -> float:
    """Choices a CPU second of the analyser's random player (one process)."""
    start = time.process_time()
    result = play_runs(rt, 0, 0, games)
    return result.choices_made / (time.process_time() - start)


def analyze_seconds(path: str, runs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of all its processes) of the analyze command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "main.py"), "analyze", path, "--runs", str(runs),
                    "--json"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def copy_micros(rt: Runtime, rounds: int = 2_000) -> dict[str, float]:
    """µs to copy a mid-game state: to_dict/from_dict, deepcopy, and the search's clone."""
    game = Game(rt, 1)
    rng = random.Random(3)
    for _ in range(12):
        if game.over:
            break
        game.choose(rng.choice([i for i, o in enumerate(game.options()) if o.available]))
    state = game.state
    ways = {"to_dict_from_dict": lambda: PlayState.from_dict(state.to_dict()),
            "deepcopy": lambda: copy.deepcopy(state),
            "clone_state": lambda: clone_state(state)}
    timings = {}
    for name, way in ways.items():
        start = time.process_time()
        for _ in range(rounds):
            way()
        timings[name] = (time.process_time() - start) / rounds * 1e6
    return timings


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=None, help="default: the largest in scenarios/")
    parser.add_argument("--runs", type=int, default=10_000, help="analyze's random runs")
    parser.add_argument("--games", type=int, default=2_000, help="games per speed round")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are printed)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    path = args.scenario or largest_scenario()
    loaded = load_scenario(path)
    if loaded.scenario is None:
        for problem in loaded.problems:
            print(problem.format(), file=sys.stderr)
        return 1
    rt = Runtime(loaded.scenario)
    bare_choices_per_s(rt, 200, 1000)  # warm: the variants' runtimes get built (not counted)
    bare = [bare_choices_per_s(rt, args.games) for _ in range(args.repeat)]
    played = [playout_choices_per_s(rt, args.games) for _ in range(args.repeat)]
    both = [both_cores_choices_per_s(path, args.games) for _ in range(args.repeat)]
    analyses = [analyze_seconds(path, args.runs) for _ in range(args.repeat)]
    copies = copy_micros(rt)
    figures = {
        "scenario": os.path.relpath(path, ROOT),
        "choices_per_s": {"value": round(statistics.median(b for b, _ in bare)),
                          "target": TARGET_CHOICES, "unit": "choices/s",
                          "ok": statistics.median(b for b, _ in bare) >= TARGET_CHOICES},
        "playout_choices_per_s": {"value": round(statistics.median(played)), "unit": "choices/s"},
        "both_cores_choices_per_s": {"value": round(statistics.median(both)),
                                     "unit": "choices/s", "processes": os.cpu_count()},
        "analyze_s": {"value": round(statistics.median(w for w, _ in analyses), 2),
                      "target": TARGET_ANALYZE_S, "unit": "s",
                      "ok": statistics.median(w for w, _ in analyses) <= TARGET_ANALYZE_S,
                      "cpu_s": round(statistics.median(c for _, c in analyses), 2),
                      "runs": args.runs},
        "state_copy_us": {k: round(v, 1) for k, v in copies.items()},
        "choices_per_game": round(bare[0][1] / args.games, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    c, a = figures["choices_per_s"], figures["analyze_s"]
    print(f"scenario: {figures['scenario']} ({figures['choices_per_game']} choices a game)")
    print(f"engine, batch random play:   {c['value']:>9,} choices/s (one process, CPU time; "
          f"target ≥ {TARGET_CHOICES:,}) {'ok' if c['ok'] else 'MISSED'}")
    print(f"same, one process per core:  {figures['both_cores_choices_per_s']['value']:>9,} "
          f"choices/s (wall time, {os.cpu_count()} processes)")
    print(f"analyser's random player:    {figures['playout_choices_per_s']['value']:>9,} "
          "choices/s (one process, CPU time)")
    print(f"analyze --runs {args.runs:,}:      {a['value']:>9.2f} s wall, {a['cpu_s']:.2f} s CPU "
          f"(target ≤ {TARGET_ANALYZE_S:g} s) {'ok' if a['ok'] else 'MISSED'}")
    print("copying a play state:        " + ", ".join(
        f"{k} {v:.1f} µs" for k, v in figures["state_copy_us"].items()))
    print(f"load average {figures['load_average']} on {figures['cpus']} CPUs "
          f"(medians of {args.repeat} rounds)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
