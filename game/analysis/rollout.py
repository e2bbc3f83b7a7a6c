"""A second way to look for par when the full search cannot finish: plan the order of meetings
with a beam, and play each meeting greedily.

The meeting-by-meeting search in game/analysis/par.py explores every order of the choices inside
a meeting; with a node of twenty choices its budget goes on one meeting's permutations and the
rest of the quarter is barely looked at. This search spends nothing there: inside a meeting it
takes, one choice at a time, the option whose result looks best (`value`), never a choice the
author marked as a mistake nor one the rules find a mistake, until leaving looks best; between
meetings it tries everyone who can be met and carries on the `width` most promising positions.
Tags are made the moment there is evidence, as in par.py. It is a heuristic: what it finds is a
score some path reaches — a lower bound on par — which `find_par` compares with the other
search's best.
"""
from __future__ import annotations

from collections.abc import Callable

from game import rules
from game.analysis.forking import fork, state_key
from game.engine import Game
from game.runtime import Runtime
from game.scoring import score
from game.state import PlayState

WIDTH = 48          # positions between meetings carried on, round after round
# points a position gains for being ready to close (up to 2.5 of these): `find_par` runs one
# search for each weight — a light one follows the score, a heavy one the way to the close
READINESS = (5.0, 30.0)

Path = tuple[str, ...]
Tagger = Callable[[Game], Path]  # tags whoever there is now evidence about; the steps made


def value(rt: Runtime, state: PlayState, readiness: float = READINESS[0]) -> float:
    """How good a position looks: its score so far, plus how ready the deal is to close — the
    checklist, the decision-maker's stance against the bar, and each objection that would block
    the close answered (an attempt that is over counts its outcome)."""
    total = score(rt, state).total
    if state.phase == "over":
        return total + (100.0 if state.outcome == "won" else 0.0)
    dm = rt.decision_maker
    ready = sum(rules.checklist(rt, state).values()) / 3
    if dm is not None:
        close = rt.scenario.close
        ready += min(1.0, max(0.0, (state.stance[dm] + 1.0) / (close.stance + 1.0)))
        for oid, record in state.objections.items():
            raiser = rt.scenario.objections[oid].raised_by
            if record["state"] == "resolved" and (
                    raiser == dm or rt.influence_of(raiser, dm) >= close.block_influence):
                ready += 0.5
    return total + readiness * ready


def _mistake(game: Game) -> bool:
    path = game.state.path
    return bool(path) and path[-1].get("kind") == "choice" and path[-1].get("mark") == "mistake"


class Rollout:
    """One search; `best` is (total, game, path) once `run` has returned."""

    def __init__(self, rt: Runtime, width: int = WIDTH,
                 readiness: float = READINESS[0], budget: int | None = None) -> None:
        self.rt = rt
        self.budget = budget  # choices it may make; None: no limit
        self.width = width
        self.readiness = readiness
        self.made = 0
        self.marked = frozenset(key for key, spec in rt.spec_by_key.items()
                                if spec.severity is not None)
        self.best: tuple[float, Game, Path] | None = None

    def meeting(self, game: Game, path: Path, tag: Tagger) -> tuple[Game, Path]:
        """Play on greedily until the meeting (or the moment after a close) is over."""
        rt = self.rt
        while game.state.phase in ("meeting", "after_close"):
            best: tuple[float, Game, Path] | None = None
            for index, option in enumerate(game.options()):
                if not option.available or option.key in self.marked:
                    continue
                child = fork(game)
                child.choose(index)
                self.made += 1
                if option.key != "leave" and _mistake(child):
                    continue
                tags = tag(child)
                worth = value(rt, child.state, self.readiness) - (
                    0.01 if option.key == "leave" else 0.0)
                if best is None or worth > best[0]:
                    best = (worth, child, path + (option.key,) + tags)
            if best is None:
                break
            _, game, path = best
        return game, path

    def run(self, root: Game, start: Path, tag: Tagger) -> None:
        """Round after round of meetings from `root` until every position has ended."""
        rt = self.rt
        frontier = [(root, start)]
        while frontier:
            after: dict[tuple[object, ...], tuple[Game, Path]] = {}
            for game, path in frontier:
                if self.budget is not None and self.made >= self.budget:
                    break  # out of choices: finish with what is found (a huge buying centre)
                for index, option in enumerate(game.options()):
                    if not option.available:
                        continue
                    child = fork(game)
                    child.choose(index)
                    self.made += 1
                    played, steps = self.meeting(child, path + (option.key,) + tag(child), tag)
                    if played.over:
                        total = score(rt, played.state).total
                        if self.best is None or (total, -len(steps)) > (self.best[0],
                                                                        -len(self.best[2])):
                            self.best = (total, played, steps)
                    else:
                        after.setdefault(state_key(played.state), (played, steps))
            ranked = sorted(after.values(), key=lambda gp: value(rt, gp[0].state, self.readiness),
                            reverse=True)
            frontier = ranked[:self.width]
