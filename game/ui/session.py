"""One attempt as the window plays it: the engine's `Game`, the player, the transcript of every
line the engine has handed out so far, and the store record every action is saved to as it is
made. Screens act through it; it decides nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.board import DealBoard, deal_board
from game.engine import Game, GameOver, Line, Option
from game.runtime import Runtime
from game.schema import Scenario
from game.scoring import Debrief, debrief
from game.store import Attempt
from game.store.actions import option_key
from game.ui.keep import Keeper


@dataclass
class Session:
    """The attempt under way."""

    runtime: Runtime
    seed: int
    player: str = ""
    path: str | None = None              # the scenario file (the store notes it)
    keeper: Keeper | None = None         # None: this attempt is not kept (autoplay, no name)
    attempt: Attempt | None = None
    game: Game = None  # type: ignore[assignment]  # set in __post_init__ unless resumed
    transcript: list[Line] = field(default_factory=list)
    last_lines: list[Line] = field(default_factory=list)
    unlocked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.game is None:
            self.game = Game(self.runtime, self.seed)
        if self.keeper is not None and self.attempt is None and self.player:
            self.attempt = self.keeper.begin(self.player, self.path, self.scenario, self.seed)
        if self.game.state.path:  # resumed: what was being said, then say so
            self.transcript.extend(self.earlier_conversation())
            self.transcript.append(Line("note", code="ui-resumed",
                                        params={"turn": self.game.state.turn,
                                                "steps": len(self.game.state.path)}))

    def earlier_conversation(self) -> list[Line]:
        """The lines of the meeting under way (or of the last one, between meetings) of a
        resumed attempt, rebuilt by replaying its path on a fresh game with the same seed —
        play is deterministic, so they are the lines the trainee saw."""
        state = self.game.state
        replay = Game(self.runtime, state.seed)
        lines: list[Line] = []
        try:
            for entry in state.path:
                if entry.get("kind") == "tag":
                    replay.tag(str(entry["stakeholder"]), entry.get("role"))
                else:
                    lines.extend(replay.choose_key(option_key(entry)))
        except (KeyError, ValueError, IndexError, GameOver):
            # the store has already replayed this path, so this is only a safety net
            current = self.game.current_line()
            return [current] if current is not None else []
        starts = [i for i, line in enumerate(lines) if line.code == "meeting"]
        return lines[starts[-1]:] if starts else []

    @classmethod
    def start(cls, scenario: Scenario | Runtime, seed: int, player: str = "", *,
              path: str | None = None, keeper: Keeper | None = None) -> Session:
        """A new attempt at `scenario` (recorded in the store when `keeper` and a player)."""
        rt = scenario if isinstance(scenario, Runtime) else Runtime(scenario)
        return cls(rt, seed, player, path, keeper)

    @classmethod
    def resume(cls, runtime: Runtime, attempt: Attempt, keeper: Keeper) -> Session | None:
        """The unfinished `attempt`, replayed from the store; None if it cannot be."""
        game = keeper.resume(attempt, runtime)
        if game is None:
            return None
        return cls(runtime, attempt.seed, attempt.player, attempt.scenario_path, keeper,
                   attempt, game)

    def _save(self) -> None:
        if self.keeper is not None and self.attempt is not None:
            self.unlocked |= self.keeper.record(self.attempt, self.game)

    def notices(self) -> list[str]:
        """Messages for the player from the store (e.g. saving failed), once each."""
        return self.keeper.take_notices() if self.keeper is not None else []

    @property
    def scenario(self) -> Scenario:
        """The scenario being played."""
        return self.runtime.scenario

    @property
    def over(self) -> bool:
        """True once the attempt has an outcome."""
        return self.game.over

    def choices(self) -> list[tuple[int, Option]]:
        """What the trainee can pick now, with each option's index in `game.options()`.

        In a meeting only the open choices are offered; between meetings every member of the
        buying centre is listed, closed ones with their reason.
        """
        options = list(enumerate(self.game.options()))
        if self.game.state.phase == "between":
            return options
        return [(i, o) for i, o in options if o.available]

    def choose(self, index: int) -> list[Line]:
        """Take option `index` of `game.options()`; the lines join the transcript."""
        lines = self.game.choose(index)
        self.transcript.extend(lines)
        self.last_lines = lines
        self._save()
        return lines

    def tag(self, stakeholder: str, role: str | None) -> None:
        """Set (or clear) the trainee's role tag for `stakeholder`."""
        self.game.tag(stakeholder, role)
        self._save()

    def board(self) -> DealBoard:
        """The deal board now."""
        return deal_board(self.game.rt, self.game.state)  # the seed's variant

    def debrief(self) -> Debrief:
        """The debrief of the attempt."""
        return debrief(self.game.rt, self.game.state)  # the seed's variant

    def again(self) -> Session:
        """A fresh attempt at the same scenario with the same seed (a replay)."""
        return Session(self.runtime, self.seed, self.player, self.path, self.keeper)
