"""Keeping attempts from the window in the results store (game.store, SQLite).

Every choice and role tag is recorded as it is made, so closing the window — or a crash —
mid-scenario keeps the attempt, and the picker offers to resume it. The store is opened on
first use (it loads the engine), never before the title screen is up. If it cannot be opened,
the game still plays and says why nothing is being saved.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from game.engine import Game
from game.runtime import Runtime
from game.schema import Scenario
from game.store import Attempt, Store, StoreError, open_store


class Keeper:
    """The window's link to the store; every method reports problems instead of raising."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir
        self._store: Store | None = None
        self.failed = ""
        self.notices: list[str] = []

    @property
    def store(self) -> Store | None:
        """The open store, or None when it cannot be used (see `failed`)."""
        if self._store is None and not self.failed:
            try:
                self._store = open_store(self.data_dir)
                self.notices.extend(self._store.notices)
            except StoreError as exc:
                self.failed = str(exc)
                self.notices.append(self.failed)
        return self._store

    def take_notices(self) -> list[str]:
        """Messages for the player since the last call (e.g. why saving failed)."""
        notices, self.notices = self.notices, []
        return notices

    def best_score(self, player: str, scenario_id: str) -> float | None:
        """The player's best total on the scenario, if any."""
        store = self.store
        if store is None or not player:
            return None
        try:
            return store.best_score(player, scenario_id)
        except StoreError as exc:
            self.notices.append(str(exc))
            return None

    def playable(self, player: str, scenarios: Iterable[Scenario]) -> set[str] | None:
        """The scenario ids the player may start (None: no store, so all of them)."""
        store = self.store
        if store is None:
            return None
        try:
            return store.playable(player, scenarios)
        except StoreError as exc:
            self.notices.append(str(exc))
            return None

    def unfinished(self, player: str, scenario_id: str) -> Attempt | None:
        """The player's resumable attempt at the scenario, if any."""
        store = self.store
        if store is None or not player:
            return None
        try:
            return store.unfinished(player, scenario_id)
        except StoreError as exc:
            self.notices.append(str(exc))
            return None

    def begin(self, player: str, path: str | None, scenario: Scenario,
              seed: int) -> Attempt | None:
        """Start recording a new attempt (an unfinished one is closed as abandoned)."""
        store = self.store
        if store is None or not player:
            return None
        try:
            return store.start_attempt(player, path, scenario, seed)
        except StoreError as exc:
            self.notices.append(str(exc))
            return None

    def resume(self, attempt: Attempt, runtime: Runtime) -> Game | None:
        """The game of an unfinished attempt, replayed; None (with a notice) if it cannot be."""
        store = self.store
        if store is None:
            return None
        try:
            return store.resume(attempt, runtime)
        except StoreError as exc:
            self.notices.append(str(exc))
            return None

    def record(self, attempt: Attempt, game: Game) -> set[str]:
        """Save the new actions; when the game is over, close the attempt. Returns the
        scenario ids newly unlocked."""
        store = self.store
        if store is None:
            return set()
        try:
            if game.over:
                return store.finish(attempt, game)
            store.record(attempt, game)
        except StoreError as exc:
            self.notices.append(str(exc))
        return set()

    def close(self) -> None:
        """Close the database."""
        if self._store is not None:
            self._store.close()
            self._store = None
