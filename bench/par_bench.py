"""Par on every bundled scenario and every scenario file in the test suite: the total, whether it
is proven (exact) or the best found with a ceiling, the CPU seconds and the peak memory of the
search, one process per scenario so figures do not mix.

    python bench/par_bench.py [FILE.yaml ...] [--seed S] [--prove N] [--positions] [--variants]

Targets (../shared/design.md): exact par within 10 s of CPU and 300 MB for each.

With `--positions`, the branch and bound alone (game/analysis/exact.py), seeded as `find_par`
seeds it: the positions it visits, its CPU seconds and positions per second — the figure to
compare when the search is made faster without changing what it finds.

With `--variants`, every variant `analyze` checks (the first seed of each cast × need-set
combination; `--seed` for a file without variants): `analyze` calls par exact only when each is.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _one(path: str, seed: int, prove: int) -> dict[str, object]:
    from game.analysis.par import find_par
    from game.loader import load_scenario

    scenario = load_scenario(path).scenario
    assert scenario is not None, path
    start = time.process_time()
    par = find_par(scenario, seed, prove=prove)
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"file": path, "seed": seed, "total": par.total, "exact": par.exact,
            "ceiling": par.ceiling, "cpu": round(cpu, 2), "peak_mb": round(peak, 1),
            "choices": par.choices_made}


def _positions(path: str, seed: int, prove: int) -> dict[str, object]:
    from game.analysis.exact import BranchAndBound
    from game.analysis.par import find_par, tag_on_evidence
    from game.engine import Game
    from game.loader import load_scenario

    scenario = load_scenario(path).scenario
    assert scenario is not None, path
    quick = find_par(scenario, seed, prove=0)
    root = Game(scenario, seed)
    start = time.process_time()
    found = BranchAndBound(root.rt, tag_on_evidence, budget=prove, hint=quick.path).run(
        root, tag_on_evidence(root), quick.total)
    cpu = time.process_time() - start
    return {"file": path, "seed": seed, "total": max(quick.total, found.total),
            "exact": quick.exact or found.exact, "positions": found.positions,
            "cpu": round(cpu, 2), "per_s": round(found.positions / cpu) if cpu else None}


def _variant_seeds(path: str, seed: int) -> list[int]:
    """The seeds `analyze` finds par for (game/analysis/report.py): the first of each
    combination of the variants, or `seed` alone for a file without variants."""
    from game import variants
    from game.loader import load_scenario

    scenario = load_scenario(ROOT / path).scenario
    assert scenario is not None, path
    if not variants.varies(scenario):
        return [seed]
    found = (variants.seed_for(scenario, c) for c in variants.combinations(scenario))
    return list(dict.fromkeys(s for s in found if s is not None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--prove", type=int, default=None)
    parser.add_argument("--positions", action="store_true",
                        help="time the branch and bound alone: positions and positions per second")
    parser.add_argument("--variants", action="store_true",
                        help="every variant analyze checks, not one seed")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    from game.analysis.par import DEFAULT_PROVE

    prove = DEFAULT_PROVE if args.prove is None else args.prove
    if args.child:
        one = _positions if args.positions else _one
        print(json.dumps(one(args.files[0], args.seed, prove)))
        return
    files = args.files or sorted(str(p.relative_to(ROOT)) for p in
                                 [*(ROOT / "scenarios").glob("*.yaml"),
                                  *(ROOT / "tests" / "fixtures").rglob("*.yaml")])
    runs = [(path, seed) for path in files
            for seed in (_variant_seeds(path, args.seed) if args.variants else [args.seed])]
    print(f"par, {'every variant' if args.variants else f'seed {args.seed}'}, branch and bound "
          f"up to {prove:,} positions")
    if args.positions:
        print(f"{'scenario':38s} {'par':>6s} {'proven':>7s} {'positions':>10s} {'CPU s':>6s} "
              f"{'per s':>7s}")
    else:
        print(f"{'scenario':38s} {'par':>6s} {'proven':>7s} {'ceiling':>8s} {'CPU s':>6s} "
              f"{'peak MB':>8s}")
    exact = 0
    for path, seed in runs:
        out = subprocess.run([sys.executable, __file__, path, "--child", "--seed",
                              str(seed), "--prove", str(prove),
                              *(["--positions"] if args.positions else [])], cwd=ROOT,
                             capture_output=True, text=True, env={**os.environ}, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        exact += bool(row["exact"])
        name = f"{Path(path).stem} s{seed}" if args.variants else Path(path).stem
        if args.positions:
            print(f"{name:38s} {row['total']:6.1f} "
                  f"{'yes' if row['exact'] else 'no':>7s} {row['positions']:10,d} "
                  f"{row['cpu']:6.2f} {row['per_s'] or 0:7,d}")
            continue
        ceiling = "" if row["ceiling"] is None else f"{row['ceiling']:.1f}"
        print(f"{name:38s} {row['total']:6.1f} {'yes' if row['exact'] else 'no':>7s} "
              f"{ceiling:>8s} {row['cpu']:6.1f} {row['peak_mb']:8.1f}")
    print(f"exact on {exact} of {len(runs)} (target: all, each ≤ 10 s CPU and ≤ 300 MB)")


if __name__ == "__main__":
    main()
