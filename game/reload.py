"""Live reload: read a scenario file again while a trainer playtests it (F5 in the window).

    reloaded = reload_scenario(path)
    if reloaded.ok:
        game = reloaded.restart(seed)          # the same seed: the same variant, from the start
    else:
        show(reloaded.messages())              # "file:line:col: level: message [code]" lines

It never raises: a file that vanished, cannot be read, or now has errors comes back as
problems, exactly as `validate` words them (warnings come back too, with the scenario).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from game.engine import Game
from game.loader import load_scenario
from game.problems import Problem
from game.schema import Scenario


@dataclass(frozen=True)
class Reloaded:
    """The file read again: the scenario (None when any error stands) and every problem."""

    path: str
    scenario: Scenario | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the scenario can be played (warnings allowed)."""
        return self.scenario is not None

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop play."""
        return [p for p in self.problems if p.level == "error"]

    def messages(self) -> list[str]:
        """Every problem as `file:line:col: level: message [code]`, sorted by position."""
        return [p.format() for p in self.problems]

    def restart(self, seed: int) -> Game:
        """A new attempt at the reloaded scenario with `seed` (ValueError when it has errors)."""
        if self.scenario is None:
            raise ValueError(f"{self.path} has errors and cannot be played: "
                             + "; ".join(p.format() for p in self.errors))
        return Game(self.scenario, seed)


def reload_scenario(path: str | os.PathLike[str]) -> Reloaded:
    """Read and check the scenario at `path` again."""
    name = os.fspath(path)
    try:
        loaded = load_scenario(name)
    except Exception as exc:  # noqa: BLE001 — a playtest must survive anything the file holds
        problem = Problem(name, 1, 1, "error", "reload-failed",
                          f"the file could not be read again ({type(exc).__name__}: {exc}) — "
                          "fix it and press F5 again")
        return Reloaded(name, None, [problem])
    return Reloaded(name, loaded.scenario, list(loaded.problems))
