"""Players, attempts and progress, kept in SQLite so that nothing a trainee does is lost.

The API for front ends (the terminal in game/cli/play_cmd.py, the pygame window):

    from game.store import open_store, StoreError

    store = open_store()                      # data folder: QUALIFIED_DATA_DIR, else the
                                              # platform's user data folder
    for message in store.notices: show(message)   # e.g. a damaged database was moved aside

    attempt = store.unfinished(player, scenario.id)          # Attempt | None
    if attempt is not None and the player chooses to resume:
        game = store.resume(attempt, runtime)                # replays; ResumeError if it can't
    else:
        attempt = store.start_attempt(player, path, scenario, seed)  # closes any unfinished
        game = Game(runtime, seed=attempt.seed)                     # one as abandoned
    ...
    game.choose(i); store.record(attempt, game)   # after EVERY choice and tag: durable at once
    game.tag(sid, role); store.record(attempt, game)
    ...
    if game.over:
        newly_unlocked = store.finish(attempt, game)   # set of scenario ids
    # The player just quits mid-game (window closed)? Call nothing: the attempt stays
    # unfinished and `unfinished()` offers it next time. `store.abandon(attempt)` gives up
    # on it for good; `game.abandon()` then `finish()` records an abandoned result.

    store.best_score(player, scenario_id) -> float | None
    store.progress(player) -> Progress        # per scenario, competency trend, unlocked
    store.leaderboard(scenario_id=None, since=None) -> list[LeaderboardEntry]
    store.unlocked(player) -> set[str]        # won deal + won referral → referral.leads_to
    store.playable(player, scenarios) -> set[str]  # starting scenarios + unlocked ones
    store.players() -> list[str]
    store.close()                             # or `with open_store() as store:`

Every method raises `StoreError` (a RuntimeError whose message says what to do) when the
database cannot be used; `StoreLocked` when another program holds it; `ResumeError` when an
attempt cannot be replayed; `AttemptBusy` when another game (window or terminal) is playing
the attempt right now — an open attempt is played by one game at a time (game/store/lease.py).
`store.release(attempt)` lets another game take an unfinished attempt at once; closing the
store does so for all, and a crashed game's attempts are free as soon as its process is gone.
A `Store` belongs to the thread that opened it.
"""
from __future__ import annotations

import os
from pathlib import Path

from game.store.clock import utc_now
from game.store.database import Clock
from game.store.errors import NewerDatabase, ResumeError, StoreError, StoreLocked
from game.store.lease import AttemptBusy
from game.store.models import (Action, Attempt, AttemptRecord, LeaderboardEntry, Progress,
                               ScenarioProgress, TrendPoint)
from game.store.paths import ENV_DATA_DIR, DataDirError, database_path, default_data_dir
from game.store.store import Store

__all__ = [
    "open_store", "Store", "Attempt", "AttemptRecord", "Action", "Progress", "ScenarioProgress",
    "TrendPoint", "LeaderboardEntry", "StoreError", "StoreLocked", "NewerDatabase",
    "ResumeError", "AttemptBusy", "default_data_dir", "database_path", "ENV_DATA_DIR",
]


def open_store(data_dir: str | os.PathLike[str] | None = None, *, busy_timeout: float = 10.0,
               clock: Clock | None = None, read_only: bool = False) -> Store:
    """Open (creating if needed) the results database in `data_dir` (default: the environment
    variable QUALIFIED_DATA_DIR, else the platform's user data folder). `busy_timeout` is how
    long, in seconds, to wait for another game instance's write; `clock` (tests) returns aware
    UTC datetimes; `read_only` opens an existing database without changing it (for reports
    from a folder that cannot be written). Raises StoreError / StoreLocked / NewerDatabase
    with what to do."""
    try:
        path: Path = database_path(data_dir)
    except DataDirError as exc:
        raise StoreError(str(exc)) from None
    return Store(path, busy_timeout=busy_timeout, clock=clock or utc_now, read_only=read_only)
