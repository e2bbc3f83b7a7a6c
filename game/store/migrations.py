"""The database schema, as numbered migrations; `PRAGMA user_version` is the number applied.

Migrations only ever add: a table, a column, an index. Each runs in its own write transaction
that re-reads the version first, so two game instances opening a new folder at once apply
each step exactly once. A database with a higher version than `LATEST` comes from a newer
game and is refused, untouched.

Times are UTC ISO 8601 text (`2025-03-10T09:15:02.125+00:00`), which sorts as it reads;
everything structured is JSON text (never pickle).
"""
from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1 — players, attempts, one row per action, unlocked scenarios
    (
        """CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,               -- as first typed (NFC)
            key TEXT NOT NULL UNIQUE,         -- casefolded name: "núñez" and "Núñez" are one player
            created TEXT NOT NULL)""",
        """CREATE TABLE attempts (
            id TEXT PRIMARY KEY,              -- a UUID; also the xAPI registration
            player_id INTEGER NOT NULL REFERENCES players(id),
            scenario_id TEXT NOT NULL,
            scenario_path TEXT,
            scenario_digest TEXT NOT NULL,    -- sha256 of the scenario's content
            seed INTEGER NOT NULL,
            info TEXT NOT NULL,               -- JSON: title, language, names, pass mark, leads_to
            started TEXT NOT NULL,
            last_active TEXT NOT NULL,
            active_ms INTEGER NOT NULL DEFAULT 0,   -- play time, gaps between sessions excluded
            steps INTEGER NOT NULL DEFAULT 0,       -- actions recorded
            state TEXT NOT NULL,              -- JSON PlayState after the last recorded action
            finished TEXT,                    -- NULL while the attempt can be resumed
            outcome TEXT,                     -- won / lost / abandoned once finished
            total REAL,
            result TEXT)                      -- JSON result (design.md §4) once finished""",
        """CREATE UNIQUE INDEX attempts_one_open
            ON attempts(player_id, scenario_id) WHERE finished IS NULL""",
        "CREATE INDEX attempts_started ON attempts(started)",
        """CREATE TABLE actions (
            attempt_id TEXT NOT NULL REFERENCES attempts(id),
            seq INTEGER NOT NULL,             -- 1-based, the path entry's step
            at TEXT NOT NULL,
            entry TEXT NOT NULL,              -- JSON path entry, as the engine logged it
            interaction TEXT NOT NULL,        -- JSON: what was asked and what was answered
            PRIMARY KEY (attempt_id, seq))""",
        """CREATE TABLE unlocks (
            player_id INTEGER NOT NULL REFERENCES players(id),
            scenario_id TEXT NOT NULL,
            attempt_id TEXT NOT NULL REFERENCES attempts(id),
            at TEXT NOT NULL,
            PRIMARY KEY (player_id, scenario_id))""",
    ),
    # 2 — which xAPI statements a Learning Record Store has accepted
    (
        """CREATE TABLE lrs_sent (
            endpoint TEXT NOT NULL,
            statement_id TEXT NOT NULL,
            sent TEXT NOT NULL,
            PRIMARY KEY (endpoint, statement_id))""",
    ),
    # 3 — each question's wording and choices kept once per scenario version, not per action
    #     (actions recorded before keep theirs inline; readers accept both)
    (
        """CREATE TABLE interactions (
            scenario_digest TEXT NOT NULL,
            id TEXT NOT NULL,                 -- "meet", "talk/dana/hello", "role/ines"…
            definition TEXT NOT NULL,         -- JSON: {prompt, choices: [{id, text}]}
            PRIMARY KEY (scenario_digest, id))""",
    ),
    # 4 — which game plays an open attempt (game/store/lease.py): its token, process, computer
    #     and the time of its last action
    (
        "ALTER TABLE attempts ADD COLUMN lease_owner TEXT",
        "ALTER TABLE attempts ADD COLUMN lease_pid INTEGER",
        "ALTER TABLE attempts ADD COLUMN lease_host TEXT",
        "ALTER TABLE attempts ADD COLUMN lease_beat TEXT",
    ),
)

LATEST = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    """The schema version of the open database (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, upto: int = LATEST) -> int:
    """Apply the missing migrations up to `upto`; returns the version reached.

    `conn` must be in autocommit mode (isolation_level=None)."""
    for number in range(version(conn) + 1, upto + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if version(conn) >= number:  # another instance got here first
                conn.execute("COMMIT")
                continue
            for statement in MIGRATIONS[number - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return version(conn)
