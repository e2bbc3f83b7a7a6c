"""The plain values the store hands out: attempts, progress, leaderboard rows, recorded actions."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Attempt:
    """One player's attempt at one scenario, as stored. `finished` is None while it can be
    resumed; `outcome` is won / lost / abandoned once finished."""

    id: str                      # a UUID string; also the xAPI registration
    player: str
    scenario_id: str
    seed: int
    started: datetime
    scenario_path: str | None = None
    steps: int = 0               # actions recorded so far
    finished: datetime | None = None
    outcome: str | None = None
    total: float | None = None
    turn: int = 0                # the turn reached (meetings held) at the last saved action


@dataclass(frozen=True)
class AttemptRecord:
    """An attempt with everything reports need: the scenario's names (`info`), the play time,
    the last saved state and, once finished, the result JSON (design.md §4)."""

    attempt: Attempt
    info: dict[str, Any]
    active_seconds: float
    last_active: datetime
    state: dict[str, Any]
    result: dict[str, Any] | None


@dataclass(frozen=True)
class Action:
    """One recorded action: its 1-based step, when it was made, the engine's path entry, and
    the interaction it answered (question, choices offered, response)."""

    seq: int
    at: datetime
    entry: dict[str, Any]
    interaction: dict[str, Any]


@dataclass(frozen=True)
class ScenarioProgress:
    """How one player has done on one scenario."""

    scenario_id: str
    title: str
    attempts: int
    finished: int
    wins: int
    best_score: float | None
    last_outcome: str | None     # None: the latest attempt is unfinished
    last_played: datetime


@dataclass(frozen=True)
class TrendPoint:
    """One finished attempt on the competency trend: each competency as a share (0–1) of its
    max; competencies the scenario does not exercise are left out."""

    attempt_id: str
    scenario_id: str
    finished: datetime
    total: float
    competencies: dict[str, float]


@dataclass(frozen=True)
class Progress:
    """A player's progress screen: per scenario, the trend over finished attempts (oldest
    first), and the scenarios unlocked by referrals."""

    player: str
    scenarios: list[ScenarioProgress] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)
    unlocked: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class LeaderboardEntry:
    """One row of a class leaderboard. `score` is the player's best total on the scenario, or
    (across scenarios) the mean of their best totals per scenario played."""

    rank: int
    player: str
    score: float
    scenarios: int
    attempts: int
    wins: int
    passes: int = 0    # attempts that passed (won, at the pass mark, no critical mistake)
    practice: int = 0  # attempts played after seeing the same cast's roles: not ranked
