"""A small class's results for report tests: five players, two scenarios (one Spanish),
wins, losses, an abandoned and an unfinished attempt, on a hand-moved clock."""
from __future__ import annotations

import random

from game.engine import Game, GameOver
from game.runtime import Runtime
from game.state import PlayState
from game.store import Store
from tests.store.helpers import LOSE, WIN, Action, Clock, generous, play_recorded, spanish

NO_TAGS: list[Action] = [a for a in WIN if not isinstance(a, tuple)]
NO_SABOTEUR: list[Action] = [a for a in WIN if a not in (("ines", "saboteur"), "ines/hi/1")]
PLAYERS = ["Núñez", "Ana Pérez", "Bea", "Ciro", "Łukasz"]


def random_path(game: Game, seed: int) -> list[Action]:
    """Random actions from where `game` stands to the end (on a copy of its state)."""
    pick = random.Random(seed)
    done: list[Action] = []
    probe = Game(game.rt, seed=game.state.seed,
                 state=PlayState.from_dict(game.state.to_dict()))
    while not probe.over and len(done) < 60:
        key = pick.choice([o.key for o in probe.available()])
        probe.choose_key(key)
        done.append(key)
    return done


def fill_class(store: Store, clock: Clock) -> None:
    """Record the sample class in `store`."""
    english, castellano = generous(), spanish()
    plans: dict[str, list[tuple[object, list[Action] | str]]] = {
        "Núñez": [(english, LOSE), (english, NO_TAGS), (english, WIN), (castellano, WIN)],
        "Ana Pérez": [(english, NO_SABOTEUR), (english, WIN), (castellano, NO_TAGS)],
        "Bea": [(english, "random"), (english, LOSE), (english, NO_SABOTEUR)],
        "Ciro": [(castellano, LOSE), (castellano, "random"), (english, "unfinished")],
        "Łukasz": [(english, "abandon"), (english, NO_TAGS), (castellano, NO_SABOTEUR)],
    }
    for round_ in range(4):
        for n, player in enumerate(PLAYERS):
            if round_ >= len(plans[player]):
                continue
            scenario, plan = plans[player][round_]
            seed = 100 * round_ + n
            rt = Runtime(scenario)  # type: ignore[arg-type]
            attempt = store.start_attempt(player, "sample.yaml", scenario, seed)  # type: ignore[arg-type]
            game = Game(rt, seed=seed)
            clock.advance(minutes=3)
            if plan == "random":
                actions = random_path(game, seed)
            elif plan == "unfinished":
                actions = WIN[:6]
            elif plan == "abandon":
                actions = WIN[:3]
            else:
                actions = plan  # type: ignore[assignment]
            for action in actions:  # a plan may not fit another seed: skip what is not open
                try:
                    play_recorded(store, attempt, game, [action])
                except (KeyError, ValueError, GameOver):
                    continue
            if plan not in ("unfinished", "abandon"):
                play_recorded(store, attempt, game, random_path(game, seed))
            if plan == "abandon":
                game.abandon()
            if game.over:
                store.finish(attempt, game)
        clock.advance(days=1)
