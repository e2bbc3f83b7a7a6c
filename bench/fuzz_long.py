"""The long fuzz run, outside CI: structured mutations of the shipped scenarios, loaded and
validated, and every mutant that loads without an error played for 200 random choices.

    .venv/bin/python bench/fuzz_long.py                     # 100,000 cases, seed 1
    .venv/bin/python bench/fuzz_long.py --cases 2000 --seed 7
    .venv/bin/python bench/fuzz_long.py --seed 7 --case 1234 --show   # replay one case

Case N of seed S is drawn from `random.Random(f"{S}:{N}")`, so any case replays alone. The
mutations are those of the CI tests (tests/fuzz/mutations.py). Prints the cases run, the
mutants that loaded clean (and were played), the slowest case, problems found by code,
failures (an exception, or a load result that breaks the contract) with the first failing
input saved under /tmp, and cases per second. Exit 1 if anything failed.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.loader import load_scenario_text  # noqa: E402
from tests.fuzz.mutations import (Mutant, RandomChooser, load_violations, mutate_any,  # noqa: E402
                                  play_randomly)

FAILURE_DIR = Path("/tmp")


def make_case(seed: int, case: int) -> Mutant:
    """The mutant of case `case` under `seed`."""
    return mutate_any(RandomChooser(random.Random(f"{seed}:{case}")))


def run_case(mutant: Mutant, seed: int) -> tuple[list[str], str | None, bool]:
    """Load (and, if clean, play) one mutant: (problem codes, failure or None, played)."""
    stage = "load"
    try:
        result = load_scenario_text(mutant.data, mutant.name)
        codes = [p.code for p in result.problems]
        violations = load_violations(result, mutant.name)
        if violations:
            return codes, "contract: " + "; ".join(violations[:3]), False
        if result.scenario is None:
            return codes, None, False
        stage = "play"
        play_randomly(result.scenario, seed)
        return codes, None, True
    except Exception:
        return [], f"{stage}: " + traceback.format_exc(limit=-4), stage == "play"


def save_failure(mutant: Mutant, seed: int, case: int, failure: str) -> Path:
    """Write the failing input (exactly as loaded) and what went wrong under /tmp."""
    stem = FAILURE_DIR / f"fuzz_long-seed{seed}-case{case}"
    data = mutant.data if isinstance(mutant.data, bytes) else \
        mutant.data.encode("utf-8", "surrogatepass")
    stem.with_suffix(".yaml").write_bytes(data)
    stem.with_suffix(".txt").write_text(
        f"source: scenarios/{mutant.source}\nsteps: {mutant.steps}\n"
        f"input type: {type(mutant.data).__name__}\n\n{failure}\n", encoding="utf-8")
    return stem.with_suffix(".yaml")


def main(argv: list[str] | None = None) -> int:
    """Run the cases and print the tally."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000, help="how many cases (100000)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed (1)")
    parser.add_argument("--start", type=int, default=0, help="first case number (0)")
    parser.add_argument("--case", type=int, default=None, help="run only this case")
    parser.add_argument("--show", action="store_true", help="with --case: print the steps, "
                        "the problems and the input's first lines")
    parser.add_argument("--progress", type=int, default=10_000,
                        help="print a progress line every N cases (0: never)")
    args = parser.parse_args(argv)
    numbers = [args.case] if args.case is not None else range(args.start,
                                                                args.start + args.cases)
    codes: collections.Counter[str] = collections.Counter()
    steps: collections.Counter[str] = collections.Counter()
    failures: collections.Counter[str] = collections.Counter()
    first_failure: Path | None = None
    clean = played = ran = 0
    slowest, slowest_case = 0.0, -1
    began = time.perf_counter()
    for case in numbers:
        mutant = make_case(args.seed, case)
        started = time.perf_counter()
        found, failure, was_played = run_case(mutant, args.seed * 1_000_003 + case)
        took = time.perf_counter() - started
        if took > slowest:
            slowest, slowest_case = took, case
        ran += 1
        codes.update(set(found))
        steps.update(s.split("@")[0] for s in mutant.steps)
        played += was_played
        clean += not any(c for c in found) and failure is None
        if failure is not None:
            failures[failure.splitlines()[-1][:160]] += 1
            if first_failure is None:
                first_failure = save_failure(mutant, args.seed, case, failure)
                print(f"FAILURE at case {case}: saved to {first_failure}\n{failure}",
                      file=sys.stderr)
        if args.show:
            print(f"case {case} from {mutant.source}: {mutant.steps}")
            print(f"problems: {found}\nfailure: {failure}\nplayed: {was_played}")
            text = mutant.data if isinstance(mutant.data, str) else repr(mutant.data[:2000])
            print(text[:2000])
        if args.progress and ran % args.progress == 0:
            rate = ran / (time.perf_counter() - began)
            print(f"… {ran} cases, {len(failures)} kinds of failure, {rate:.0f} cases/s",
                  flush=True)
    elapsed = time.perf_counter() - began
    print(f"\nseed {args.seed}: {ran} cases in {elapsed:.0f} s ({ran / elapsed:.1f} cases/s)")
    print(f"loaded without any problem: {clean}; loaded without an error and played "
          f"{200} random choices: {played}")
    print(f"slowest case: {slowest * 1000:.0f} ms (case {slowest_case}, load and play)")
    print(f"failures (exceptions or broken contract): {sum(failures.values())}")
    for text, count in failures.most_common():
        print(f"  {count:6d}  {text}")
    print("cases with each problem code:")
    for code, count in codes.most_common():
        print(f"  {count:6d}  {code}")
    print("operators applied:")
    print("  " + ", ".join(f"{name} {count}" for name, count in sorted(steps.items())))
    if first_failure is not None:
        print(f"first failing input: {first_failure} (details beside it, .txt)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
