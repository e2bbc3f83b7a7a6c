"""A game instance for the concurrency tests: plays random attempts of mini.yaml, recording
every action. `python -m tests.store.writer PLAYER ATTEMPTS SEED` (data folder from
QUALIFIED_DATA_DIR); prints the attempt ids it finished."""
from __future__ import annotations

import random
import sys

from game.engine import Game
from game.loader import load_scenario
from game.runtime import Runtime
from game.store import Store, open_store
from tests.conftest import MINI


def play_attempts(store: Store, player: str, count: int, seed: int) -> list[str]:
    """Play `count` random attempts to the end, recording each action; returns their ids."""
    scenario = load_scenario(MINI).scenario
    assert scenario is not None
    rt = Runtime(scenario)
    pick = random.Random(seed)
    done = []
    for n in range(count):
        attempt = store.start_attempt(player, str(MINI), scenario, seed * 1000 + n)
        game = Game(rt, seed=attempt.seed)
        while not game.over:
            if pick.random() < 0.1:
                game.tag(pick.choice(list(scenario.stakeholders)), "saboteur")
            else:
                options = game.options()
                game.choose(pick.choice([i for i, o in enumerate(options) if o.available]))
            store.record(attempt, game)
        store.finish(attempt, game)
        done.append(attempt.id)
    return done


def main() -> int:
    """Run one writer process."""
    player, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with open_store(busy_timeout=30.0) as store:
        print("\n".join(play_attempts(store, player, count, seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
