"""Helpers for store and report tests: scenarios built from the fixture, a hand-driven clock,
and a way to play a list of actions while recording each one."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Union

from game.engine import Game
from game.loader import load_scenario_text
from game.runtime import Runtime
from game.schema import Scenario
from game.store import Attempt, Store
from tests.conftest import MINI

Action = Union[str, tuple[str, "str | None"]]

# The good path through mini.yaml, with role tags and the referral (a choice key or a tag).
WIN: list[Action] = ["meet:dana", "dana/hi/0", "dana/hi/1", "dana/hi/2",
                     ("dana", "influencer"), ("marta", "decision_maker"), ("ines", "saboteur"),
                     "meet:ines", "ines/hi/0", "ines/hi/1",
                     "meet:marta", "marta/hi/0", "marta/hi/1", "marta/hi/2", "referral:ask"]
# A poor path: pitch too early, close too soon, run out of turns.
LOSE: list[Action] = ["meet:dana", "dana/hi/2", "meet:ines", "ines/hi/0", "leave",
                      "meet:dana", "dana/hi/0", "dana/hi/1", "meet:marta", "marta/hi/2"]


def scenario(**changes: str) -> Scenario:
    """mini.yaml with text replacements (old=new pairs given as `_1="old|new"`)."""
    text = MINI.read_text(encoding="utf-8")
    for pair in changes.values():
        old, new = pair.split("|")
        assert old in text, old
        text = text.replace(old, new)
    loaded = load_scenario_text(text, "inline.yaml")
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return loaded.scenario


def generous() -> Scenario:
    """mini with a referral anyone gets: winning it unlocks `beta`."""
    return scenario(a="trust: 0.4, leads_to|trust: 0.0, leads_to")


def spanish() -> Scenario:
    """mini in Spanish, with accents everywhere a report shows text."""
    return scenario(a="id: mini|id: ruta-nunez",
                    b="title: Mini deal|title: Venta de rutas — Logística Núñez",
                    c="language: en|language: es",
                    d="How do you plan routes today?|¿Cómo planificáis las rutas hoy?",
                    e="Overtime re-planning routes|Horas extra replanificando rutas",
                    f="Switching breaks dispatch.|Cambiar de sistema rompe el envío.")


class Clock:
    """A clock the test moves by hand (aware UTC); each reading adds `step`."""

    def __init__(self, start: str = "2025-03-10T09:00:00+00:00", step: float = 1.0) -> None:
        self.now = datetime.fromisoformat(start)
        self.step = timedelta(seconds=step)

    def __call__(self) -> datetime:
        now = self.now
        self.now += self.step
        return now

    def advance(self, **delta: float) -> None:
        """Move the clock forward."""
        self.now += timedelta(**delta)


def act(game: Game, action: Action) -> None:
    """Do one action: choose an option key, or tag (stakeholder, role)."""
    if isinstance(action, tuple):
        game.tag(*action)
    else:
        game.choose_key(action)


def play_recorded(store: Store, attempt: Attempt, game: Game, actions: list[Action]) -> Game:
    """Do each action and record it at once, as a front end does."""
    for action in actions:
        act(game, action)
        store.record(attempt, game)
    return game


def full_attempt(store: Store, player: str, sc: Scenario, seed: int,
                 actions: list[Action]) -> tuple[Attempt, Game, set[str]]:
    """Start, play and (if over) finish an attempt; returns it, its game and what it unlocked."""
    attempt = store.start_attempt(player, "inline.yaml", sc, seed)
    game = play_recorded(store, attempt, Game(Runtime(sc), seed=seed), actions)
    unlocked = store.finish(attempt, game) if game.over else set()
    return attempt, game, unlocked


UTC = timezone.utc
