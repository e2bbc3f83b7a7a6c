"""Shortcut players against the bundled scenarios: the figures issue 11's targets are stated in.

    .venv/bin/python bench/strategies.py [scenarios] [--seeds 100]

For each scenario, over seeds 0…N−1: every content-free strategy's win and pass rates
(game/analysis/strategies.py), the recorded winning path of one seed (tests/paths/) replayed
word for word on the others, random play's win rate (1,000 runs), and the recorded path's
lowest score over every cast × need-set variant (a score a good player reaches; par, the
search's figure, is `analyze`'s). The targets: every content-free strategy passes ≤ 10 % and
wins ≤ 25 % (≤ 50 % in a beginner scenario) of a non-tutorial scenario's seeds; the memorised
path passes ≤ 50 %; random play wins ≤ 5 %; the recorded path scores ≥ 85. Strategies play on
every core.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.playouts import play_steps, variant_seeds, winning_paths  # noqa: E402
from game.analysis.par import steps_from_path  # noqa: E402
from game.analysis.playouts import play_runs  # noqa: E402
from game.analysis.strategies import MEMORISED, pass_limit, run_strategies  # noqa: E402
from game.loader import find_scenario_files, load_scenario  # noqa: E402
from game.runtime import Runtime  # noqa: E402
from game.scoring import score  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(ROOT / "scenarios"))
    parser.add_argument("--seeds", type=int, default=100)
    args = parser.parse_args()
    paths = winning_paths()
    ok = True
    started = time.perf_counter()
    for file in find_scenario_files(args.path):
        loaded = load_scenario(file)
        if loaded.scenario is None:
            print(f"{file}: does not load")
            ok = False
            continue
        scenario = loaded.scenario
        rt = Runtime(scenario)
        steps = paths.get(scenario.id)
        learnt = None
        lowest = None
        if steps is not None:
            lowest = min(score(g.rt, g.state).total for g in
                         (play_steps(rt, steps, seed) for seed in variant_seeds(scenario)))
            learnt = list(steps_from_path(play_steps(rt, steps, 0).state.path))
        figures = run_strategies(rt, range(args.seeds), memorised=learnt, memorised_seed=0)
        random_runs = play_runs(rt, 0, 0, 1000)
        tutorial = scenario.id.startswith("tutorial")
        win_cap = 0.5 if scenario.difficulty == "beginner" else 0.25
        print(f"\n{scenario.id} ({scenario.difficulty}, "
              f"{len(scenario.variants.casts) if scenario.variants else 0} casts)"
              + ("  — tutorial: no targets" if tutorial else ""))
        for name, f in figures.items():
            limit = pass_limit(name)
            bad = not tutorial and (f.pass_rate > limit or (
                name != MEMORISED and f.win_rate > win_cap))
            ok &= not bad
            print(f"  {name:24} won {100 * f.win_rate:5.1f} %  passed {100 * f.pass_rate:5.1f} %"
                  f"  mean {f.mean:5.1f}{'  ← over target' if bad else ''}")
        bad = not tutorial and random_runs.win_rate > 0.05
        ok &= not bad
        print(f"  {'random play (1,000)':24} won {100 * random_runs.win_rate:5.1f} %"
              f"{'  ← over target' if bad else ''}")
        if lowest is not None:
            bad = lowest < 85
            ok &= not bad
            print(f"  {'recorded path':24} lowest {lowest:.1f} over "
                  f"{len(variant_seeds(scenario))} variants{'  ← under 85' if bad else ''}")
    print(f"\n{'all targets met' if ok else 'some targets missed'} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
