"""Two versions of the engine raced in one run: one-process choices a second of the same random
player on the same scenario, alternating the versions so the machine's changing speed falls on
both alike (these machines are shared: absolute figures move, the ratio holds).

    git worktree add /tmp/old <commit>
    .venv/bin/python bench/engine_ab.py /tmp/old [NEW_CHECKOUT] [--rounds 5] [--scenario NAME]

Prints each version's median and the ratio new / old.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# each checkout's own bench/engine_bench.py plays (its uniform random player): it puts that
# checkout first on the path, so the engine it times is that checkout's
PLAYER = r'''
import sys
sys.path.insert(0, sys.argv[1] + "/bench")
from engine_bench import Runtime, bare_choices_per_s, load_scenario
rt = Runtime(load_scenario(sys.argv[2]).scenario)
bare_choices_per_s(rt, 200, 1000)  # warm: the variants' runtimes get built
print(bare_choices_per_s(rt, int(sys.argv[3]), 1)[0])
'''


def main(argv: list[str] | None = None) -> int:
    """Race the two checkouts and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old", help="a checkout of the older version (git worktree)")
    parser.add_argument("new", nargs="?", default=str(ROOT), help="default: this checkout")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--games", type=int, default=2_000)
    parser.add_argument("--scenario", default="clinica-del-sol.yaml",
                        help="a file name in scenarios/ (read from each checkout)")
    args = parser.parse_args(argv)
    figures: dict[str, list[float]] = {"old": [], "new": []}
    for _ in range(args.rounds):
        for name in ("old", "new"):
            root = getattr(args, name)
            done = subprocess.run(
                [sys.executable, "-c", PLAYER, root, str(Path(root) / "scenarios" / args.scenario),
                 str(args.games)], capture_output=True, text=True, check=True)
            figures[name].append(float(done.stdout))
    for name, values in figures.items():
        print(f"{name}: median {statistics.median(values):,.0f} choices/s "
              f"({', '.join(f'{v:,.0f}' for v in values)})  {getattr(args, name)}")
    ratio = statistics.median(figures["new"]) / statistics.median(figures["old"])
    print(f"new / old: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
