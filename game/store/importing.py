"""Attempts played on other machines, brought into this results database (`import`).

The store knows nothing of xAPI: game/reports/xapi_in.py reads statements and hands over one
`ImportedAttempt` per finished attempt — plain values, plus the statements it came as, kept
verbatim so that exporting or syncing it again sends exactly what the other machine sent.

`add_imported` is idempotent: an attempt is known by its id (the xAPI registration, a UUID
made where it was played), so importing the same statements twice, or an attempt that was
played here, changes nothing. Each statement is kept once, under its own id. An imported
attempt is a finished row like any other — same player (names match as they do here: "núñez"
is "Núñez"), scenario, seed, times, outcome, total and result JSON — so every report, the
leaderboard and progress count it; a won referral unlocks the next scenario as it did there.
Imported attempts are never resumable: only finished ones are imported.

The statements sit in the table `imported_statements`, made by the first import (CREATE TABLE
IF NOT EXISTS) — additive, so a database that never imported has no such table and an older
game opening one that did ignores it.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from game.store.clock import to_text
from game.store.database import read, write
from game.store.players import clean_name, player_id

if TYPE_CHECKING:
    from game.store.store import Store

TABLE = """CREATE TABLE IF NOT EXISTS imported_statements (
    statement_id TEXT PRIMARY KEY,
    attempt_id TEXT NOT NULL REFERENCES attempts(id),
    position INTEGER NOT NULL,        -- order within the attempt, as it came
    statement TEXT NOT NULL,          -- the JSON statement, verbatim (less stored/authority)
    source TEXT NOT NULL,             -- the file or LRS address it came from
    imported TEXT NOT NULL)"""
INDEX = ("CREATE INDEX IF NOT EXISTS imported_statements_attempt "
         "ON imported_statements(attempt_id, position)")
DIGEST = "imported"   # scenario_digest of an imported attempt: its scenario file is not here


@dataclass(frozen=True)
class ImportedAttempt:
    """A finished attempt played elsewhere, as the store keeps it. `result` has the shape of
    the result JSON (design.md §4) as far as the statements tell: outcome, passed, pass_reason,
    score.total, score.competencies, debrief.missed; `info` the scenario's names as
    `scenario_info` gives them. `statements` are kept verbatim, each with its `id`."""

    id: str
    player: str
    scenario_id: str
    seed: int
    started: datetime
    finished: datetime
    outcome: str                   # won / lost / abandoned
    total: float | None
    result: dict[str, Any] | None  # None for an abandoned attempt
    info: dict[str, Any]
    active_seconds: float
    steps: int
    turn: int
    statements: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Added:
    """What `add_imported` did: attempts added, attempts already here (played here or
    imported before), and the statements newly kept."""

    attempts: int = 0
    already: int = 0
    statements: int = 0
    unlocked: list[tuple[str, str]] = field(default_factory=list)   # (player, scenario id)


def add_imported(store: Store, attempts: Iterable[ImportedAttempt], source: str) -> Added:
    """Add the attempts not yet in the database, in one transaction. Raises StoreError (with
    what to do) when the database cannot be written; ValueError for an unusable player name
    is the caller's to catch before (xapi_in checks names)."""
    done = Added()
    now = to_text(store.clock())
    with write(store.conn, store.path) as c:
        c.execute(TABLE)
        c.execute(INDEX)
        for attempt in attempts:
            if c.execute("SELECT 1 FROM attempts WHERE id = ?", (attempt.id,)).fetchone():
                done.already += 1
                continue
            _insert(c, attempt, now)
            done.attempts += 1
            for position, statement in enumerate(attempt.statements):
                cur = c.execute(
                    "INSERT OR IGNORE INTO imported_statements (statement_id, attempt_id, "
                    "position, statement, source, imported) VALUES (?, ?, ?, ?, ?, ?)",
                    (str(statement["id"]), attempt.id, position, _dumps(statement), source,
                     now))
                done.statements += cur.rowcount
            unlocked = _unlock(c, attempt, now)
            if unlocked:
                done.unlocked.append((attempt.player, unlocked))
    return done


def _insert(c: sqlite3.Connection, attempt: ImportedAttempt, now: str) -> None:
    pid = player_id(c, clean_name(attempt.player), now, create=True)
    result = None if attempt.result is None else {**attempt.result,
                                                  "imported": {"source": "xapi", "at": now}}
    c.execute("INSERT INTO attempts (id, player_id, scenario_id, scenario_path, "
              "scenario_digest, seed, info, started, last_active, active_ms, steps, state, "
              "finished, outcome, total, result) "
              "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              (attempt.id, pid, attempt.scenario_id, DIGEST, attempt.seed,
               _dumps(attempt.info), to_text(attempt.started), to_text(attempt.finished),
               max(0, int(round(attempt.active_seconds * 1000))), attempt.steps,
               _dumps({"imported": True, "turn": attempt.turn}), to_text(attempt.finished),
               attempt.outcome, attempt.total, None if result is None else _dumps(result)))


def _unlock(c: sqlite3.Connection, attempt: ImportedAttempt, now: str) -> str | None:
    """A won deal whose referral was won unlocks the scenario it leads to, as it did where it
    was played. Returns that scenario's id when newly unlocked."""
    leads_to = attempt.info.get("leads_to")
    if not (attempt.outcome == "won" and attempt.result is not None
            and attempt.result.get("referral") == "won" and isinstance(leads_to, str)
            and leads_to):
        return None
    pid = player_id(c, attempt.player, now, create=False)
    cur = c.execute("INSERT OR IGNORE INTO unlocks (player_id, scenario_id, attempt_id, at) "
                    "VALUES (?, ?, ?, ?)", (pid, leads_to, attempt.id, now))
    return leads_to if cur.rowcount else None


def original_statements(store: Store, attempt_id: str) -> list[dict[str, Any]]:
    """The statements an imported attempt came as, in their order ([] for an attempt played
    here, or in a database that never imported)."""
    with read(store.path):
        if not _has_table(store.conn):
            return []
        rows = store.conn.execute("SELECT statement FROM imported_statements WHERE attempt_id = ? "
                                  "ORDER BY position", (attempt_id,)).fetchall()
    return [json.loads(row[0]) for row in rows]


def known_statement_ids(store: Store) -> set[str]:
    """Ids of every statement kept from an import."""
    with read(store.path):
        if not _has_table(store.conn):
            return set()
        return {r[0] for r in store.conn.execute("SELECT statement_id FROM imported_statements")}


def _has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'imported_statements'").fetchone() is not None


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
