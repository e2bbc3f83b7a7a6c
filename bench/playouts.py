"""Random playouts of a scenario, and its recorded best path, for tuning the bundled scenarios.

    .venv/bin/python bench/playouts.py scenarios/northwind-logistics.yaml [--runs 2000] [--seed 1]
    .venv/bin/python bench/playouts.py scenarios            # every scenario in the folder

For each scenario it prints the score of the winning path recorded in tests/paths/
(`WINNING_PATHS`, "par" here: the lowest over seed 1 and one seed per variant), the win rate of N seeded random playouts and their score
percentiles, and whether the library's quality bars hold: random wins ≤ 40 % and random p90 <
80 % of par. A random player picks uniformly among the available options (meeting options,
choices, "leave", referral ask/skip) and, before each pick, with probability `--tag-rate` sets
a random role tag on a random stakeholder — so tags are as likely right as wrong.

`python main.py analyze` (issue 4) is the trainer's tool; this script only needs the engine.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from game import variants  # noqa: E402
from game.engine import Game  # noqa: E402
from game.loader import find_scenario_files, load_scenario  # noqa: E402
from game.runtime import Runtime  # noqa: E402
from game.schema import ROLES, Scenario  # noqa: E402
from game.scoring import score  # noqa: E402

MAX_STEPS = 2_000  # a playout never runs longer than this (the engine ends far sooner)


def random_playout(rt: Runtime, rng: random.Random, tag_rate: float) -> tuple[bool, float]:
    """One random attempt: (won, total score)."""
    game = Game(rt, seed=rng.randrange(1 << 30))
    people = list(rt.scenario.stakeholders)
    for _ in range(MAX_STEPS):
        if game.over:
            break
        if rng.random() < tag_rate:
            game.tag(rng.choice(people), rng.choice(ROLES))
        options = game.options()
        open_ = [i for i, o in enumerate(options) if o.available]
        game.choose(rng.choice(open_))
    else:
        game.abandon()
    return game.state.outcome == "won", score(game.rt, game.state).total


def play_steps(rt: Runtime, steps: list[str], seed: int = 1) -> Game:
    """Play a recorded path with `seed` (which draws the variant, if the scenario has any).

    A step is an option key ("meet:greg", "leave", "referral:ask"), a choice id in the current
    node ("#ask_pains"), a role tag ("tag:greg=influencer"), or any of these behind a flag
    ("?pain_support:#ask_support" is taken only when the flag is set — variants set flags).
    """
    game = Game(rt, seed=seed)
    for step in steps:
        if step.startswith("?"):
            flag, _, step = step[1:].partition(":")
            if flag not in game.state.flags:
                continue
        if step.startswith("tag:"):
            sid, _, role = step[4:].partition("=")
            game.tag(sid, role or None)
        else:
            game.choose_key(resolve(game, step))
    return game


def resolve(game: Game, step: str) -> str:
    """The option key a path step names ("#id" means the choice with that id in this node)."""
    if not step.startswith("#"):
        return step
    state = game.state
    assert state.meeting_with is not None and state.node is not None, f"{step}: not in a meeting"
    for spec in game.rt.choices[(state.meeting_with, state.node)]:
        if spec.choice.id == step[1:]:
            return spec.key
    raise KeyError(f"no choice {step!r} in {state.meeting_with}/{state.node}")


def variant_seeds(scenario: Scenario) -> list[int]:
    """Seed 1, then one seed per other cast × need-set combination of the scenario's variants."""
    seeds = [1]
    first = variants.draw(scenario, 1)
    for combination in variants.combinations(scenario):
        if (combination.cast, combination.needs) == (first.cast, first.needs):
            continue
        seed = variants.seed_for(scenario, combination)
        if seed is not None:
            seeds.append(seed)
    return seeds


def winning_paths() -> dict[str, list[str]]:
    """The recorded winning paths (scenario id → steps) from tests/paths/."""
    try:
        from tests.winning_paths import load_winning_paths
        return load_winning_paths()
    except Exception as exc:  # a path file may be mid-edit; the figures still print
        print(f"(cannot read tests/paths/: {exc})", file=sys.stderr)
        return {}


def report(path: str, runs: int, seed: int, tag_rate: float, paths: dict[str, list[str]]) -> bool:
    """Print one scenario's figures; True when the quality bars hold."""
    loaded = load_scenario(path)
    if loaded.scenario is None:
        for problem in loaded.problems:
            print(problem.format())
        return False
    rt = Runtime(loaded.scenario)
    sid = loaded.scenario.id
    par = None
    if sid in paths:
        scores = []
        for variant_seed in variant_seeds(loaded.scenario):
            best = play_steps(rt, paths[sid], variant_seed)
            scores.append(score(best.rt, best.state).total if best.state.outcome == "won" else 0.0)
        par = min(scores)
        par_text = (f"par {par:.1f} (recorded path, {best.state.turn} turns"
                    + (f"; lowest of {len(scores)} variants" if len(scores) > 1 else "") + ")")
    else:
        par_text = "no recorded path"
    rng = random.Random(seed)
    results = [random_playout(rt, rng, tag_rate) for _ in range(runs)]
    wins = sum(w for w, _ in results) / runs
    totals = np.array([t for _, t in results])
    p10, p50, p90 = np.percentile(totals, [10, 50, 90])
    ok = wins <= 0.40 and (par is None or (par >= 85 and p90 < 0.8 * par))
    print(f"{sid:<28} {par_text}; random ×{runs}: wins {100 * wins:.1f} %, "
          f"p10 {p10:.1f} p50 {p50:.1f} p90 {p90:.1f} max {totals.max():.1f}"
          + ("" if par is None else f" (80 % of par = {0.8 * par:.1f})")
          + ("  ok" if ok else "  ✘"))
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the figures for every scenario given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tag-rate", type=float, default=0.1)
    args = parser.parse_args(argv)
    paths = winning_paths()
    ok = True
    for path in args.paths:
        for file in find_scenario_files(path):
            ok &= report(str(file), args.runs, args.seed, args.tag_rate, paths)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
