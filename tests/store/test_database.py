"""The database file: settings, data folder, migrations, damaged and locked databases."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest

from game.store import NewerDatabase, StoreError, StoreLocked, open_store
from game.store import migrations
from game.store.paths import default_data_dir
from tests.store.helpers import LOSE, WIN, Clock, full_attempt, scenario

ROOT = Path(__file__).resolve().parents[2]


def test_settings_are_durable(data_dir: Path) -> None:
    with open_store() as store:
        conn = store.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert migrations.version(conn) == migrations.LATEST
        assert store.path == data_dir / "qualified.sqlite3"
        assert store.notices == []


def test_data_folder_follows_the_platform_and_the_override(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    monkeypatch.setenv("QUALIFIED_DATA_DIR", str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"
    monkeypatch.setenv("QUALIFIED_DATA_DIR", "")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "qualified"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_data_dir() == tmp_path / ".local" / "share" / "qualified"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert default_data_dir() == tmp_path / "Library" / "Application Support" / "Qualified"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_data_dir() == tmp_path / "Roaming" / "Qualified"


def test_an_older_schema_is_migrated_and_keeps_its_data(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "qualified.sqlite3", isolation_level=None)
    assert migrations.migrate(conn, upto=1) == 1
    conn.execute("INSERT INTO players (name, key, created) VALUES ('Núñez', 'núñez', 'x')")
    conn.close()
    with open_store() as store:
        assert migrations.version(store.conn) == migrations.LATEST
        assert store.players() == ["Núñez"]
        assert store.sent_statements("http://lrs.example/xapi") == set()


def test_a_database_from_a_newer_game_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "qualified.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabase, match="newer version of Qualified.*Update the game"):
        open_store()
    assert path.read_bytes() == before


def _corrupt(path: Path, offset: int) -> bytes:
    data = bytearray(path.read_bytes())
    data[offset:offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("damage", ["not-a-database", "damaged-page"])
def test_a_damaged_database_is_kept_aside_and_a_fresh_one_started(data_dir: Path,
                                                                   clock: Clock,
                                                                   damage: str) -> None:
    path = data_dir / "qualified.sqlite3"
    with open_store(clock=clock) as store:
        full_attempt(store, "Núñez", scenario(), 1, LOSE)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = store.conn.execute("PRAGMA page_size").fetchone()[0]
    if damage == "not-a-database":
        damaged = b"this is not an SQLite file " * 100
        path.write_bytes(damaged)
    else:
        damaged = _corrupt(path, page)  # page 2: the players table
    with open_store(clock=clock) as store:
        assert store.players() == []
        assert len(store.notices) == 1
        notice = store.notices[0]
        kept = data_dir / "qualified.sqlite3.damaged-20250310T090"
        assert "was damaged" in notice and "has been kept as" in notice
        assert "sqlite3" in notice and ".recover" in notice
        full_attempt(store, "Ana", scenario(), 2, WIN[:2])
    aside = sorted(p for p in data_dir.iterdir() if ".damaged-" in p.name)
    assert len(aside) == 1 and str(aside[0]).startswith(str(kept))
    assert aside[0].read_bytes() == damaged
    with open_store(clock=clock) as store:  # the fresh database is healthy and kept
        assert store.players() == ["Ana"] and store.notices == []


def test_damaged_files_kept_aside_never_overwrite_each_other(data_dir: Path) -> None:
    still = Clock(step=0)  # the same timestamp twice
    data_dir.mkdir(parents=True)
    path = data_dir / "qualified.sqlite3"
    for n in (1, 2):
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        path.write_bytes(f"garbage number {n}".encode() * 300)
        open_store(clock=still).close()
    aside = sorted(p.name for p in data_dir.iterdir() if ".damaged-" in p.name
                   and not p.name.endswith(("-wal", "-shm")))
    assert aside == ["qualified.sqlite3.damaged-20250310T090000Z",
                     "qualified.sqlite3.damaged-20250310T090000Z-1"]
    assert (data_dir / aside[0]).read_bytes().startswith(b"garbage number 1")
    assert (data_dir / aside[1]).read_bytes().startswith(b"garbage number 2")


def test_a_locked_database_gives_a_clear_message(data_dir: Path) -> None:
    with open_store() as store:
        sc = scenario()
    holder = sqlite3.connect(data_dir / "qualified.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # a database browser in the middle of a write
    try:
        with open_store(busy_timeout=0.1) as store:
            with pytest.raises(StoreLocked, match="busy — another copy of Qualified.*Close"):
                store.start_attempt("Ana", "mini.yaml", sc, 1)
            assert store.players() == []  # reading still works in WAL mode
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_database_locked_before_it_is_set_up_gives_a_clear_message(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    holder = sqlite3.connect(data_dir / "qualified.sqlite3", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreLocked, match="results database is busy"):
            open_store(busy_timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not any(".damaged-" in p.name for p in data_dir.iterdir())


def test_an_unusable_data_folder_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot create the data folder.*QUALIFIED_DATA_DIR"):
        open_store(blocker / "inside")


def test_no_pickle_anywhere_and_everything_stored_is_json(data_dir: Path) -> None:
    for folder in ("game/store", "game/reports"):
        for source in (ROOT / folder).glob("*.py"):
            text = source.read_text(encoding="utf-8")
            assert "import pickle" not in text and "pickle." not in text, source
    with open_store() as store:
        full_attempt(store, "Núñez", scenario(), 1, WIN)
        for table, columns in (("attempts", ("info", "state", "result")),
                               ("actions", ("entry", "interaction"))):
            for row in store.conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                for value in row:
                    json.loads(value)
        for (definition,) in store.conn.execute("SELECT definition FROM interactions"):
            json.loads(definition)


def test_actions_saved_before_migration_3_keep_their_wording(data_dir: Path) -> None:
    from game.reports import render
    with open_store() as store:
        attempt, _, _ = full_attempt(store, "Núñez", scenario(), 1, WIN)
        before = store.actions(attempt.id)
        xapi = render("xapi", store)
        conn = store.conn
        for action in before:  # write them back the way schema 2 stored them: inline
            conn.execute("UPDATE actions SET interaction = ? WHERE attempt_id = ? AND seq = ?",
                         (json.dumps(action.interaction), attempt.id, action.seq))
        conn.execute("DROP TABLE interactions")
        for column in ("lease_owner", "lease_pid", "lease_host", "lease_beat"):  # schema 4
            conn.execute(f"ALTER TABLE attempts DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 2")
    with open_store() as store:
        assert migrations.version(store.conn) == migrations.LATEST
        assert store.actions(attempt.id) == before
        assert render("xapi", store) == xapi
        assert store.conn.execute("SELECT COUNT(*) FROM interactions").fetchone()[0] == 0
