"""Opening the results database safely: WAL, full sync, a busy timeout, a health check.

A damaged file (not a database, or failing `PRAGMA quick_check`) is moved aside under a
timestamped name — never overwritten, never deleted — and a fresh database is started; the
returned notices tell the player what happened and what to do. A database held by another
program past the busy timeout raises `StoreLocked`; one from a newer game raises
`NewerDatabase`. Everything else that goes wrong raises `StoreError` with advice.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from game.store import migrations
from game.store.errors import NewerDatabase, StoreError, StoreLocked

SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB = 5, 6, 11, 14, 26

Clock = Callable[[], datetime]


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def is_corruption(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file is damaged or is not a database."""
    if _code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def is_locked(exc: sqlite3.Error) -> bool:
    """True when another connection holds the lock we waited for."""
    return _code(exc) in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in str(exc).lower()


def locked_message(path: Path) -> str:
    """What to tell the player when the database stays locked."""
    return (f"{path}: the results database is busy — another copy of Qualified (or another "
            f"program, such as a database browser) is holding it. Close the other program and "
            f"try again; nothing has been lost.")


def translate(path: Path, exc: sqlite3.Error) -> StoreError:
    """A `StoreError` with advice for an SQLite error met while the database is in use."""
    if is_locked(exc):
        return StoreLocked(locked_message(path))
    if is_corruption(exc):
        return StoreError(f"{path}: the results database is damaged ({exc}). Quit the game and "
                          f"start it again: the damaged file will be moved aside and kept, and "
                          f"a new database started.")
    return StoreError(f"{path}: the results database cannot be used: {exc}. Check that the "
                      f"folder is writable and the disk is not full, or set QUALIFIED_DATA_DIR "
                      f"to another folder.")


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """A connection in autocommit mode (explicit transactions) with full sync and a busy
    timeout; `open_database` switches the file to WAL once it has checked it."""
    conn = sqlite3.connect(str(path), timeout=busy_timeout, isolation_level=None)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def health(conn: sqlite3.Connection) -> str | None:
    """None if `PRAGMA quick_check` passes, else what it found."""
    rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    return None if rows == ["ok"] else "; ".join(rows[:3])


def move_aside(path: Path, when: datetime) -> Path:
    """Rename a damaged database (and its -wal/-shm companions) to a new timestamped name;
    never replaces an existing file. Returns the new name of the main file."""
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    n = 0
    while True:
        target = path.with_name(f"{path.name}.damaged-{stamp}" + (f"-{n}" if n else ""))
        if not any(Path(str(target) + s).exists() for s in ("", "-wal", "-shm")):
            break
        n += 1
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(path) + suffix)
        if source.exists():
            _rename_no_replace(source, Path(str(target) + suffix))
    return target


def _rename_no_replace(source: Path, target: Path) -> None:
    try:
        os.link(source, target)  # fails if target exists: nothing is ever overwritten
    except (AttributeError, NotImplementedError, PermissionError):
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)


def open_database(path: Path, busy_timeout: float, clock: Clock, *,
                  read_only: bool = False) -> tuple[sqlite3.Connection, list[str]]:
    """Open (creating, checking, migrating, or replacing a damaged file); returns the
    connection and notices for the player. `read_only` opens an existing database for
    reading without changing anything (a read-only folder or file: reports still work)."""
    if read_only:
        return open_read_only(path, busy_timeout)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path.parent}: cannot create the data folder ({exc.strerror or exc}). "
                         f"Set QUALIFIED_DATA_DIR to a folder you can write to.") from exc
    notices: list[str] = []
    try:
        return _open_checked(path, busy_timeout), notices
    except _Damaged as damaged:
        reason = damaged.reason
    try:
        kept = move_aside(path, clock())
    except OSError as exc:
        raise StoreError(f"{path}: the results database is damaged ({reason}) and could not be "
                         f"moved aside ({exc}). Move or rename it yourself, then start the game "
                         f"again.") from exc
    notices.append(
        f"{path}: the results database was damaged ({reason}). It has been kept as {kept} and "
        f"a new, empty database started. Earlier results may be recoverable from the kept file "
        f"with the sqlite3 tool: `sqlite3 {kept} .recover | sqlite3 recovered.sqlite3` — ask "
        f"your trainer or IT support; do not delete it.")
    try:
        return _open_checked(path, busy_timeout), notices
    except _Damaged as again:
        raise StoreError(f"{path}: a new database could not be started ({again.reason}). Set "
                         f"QUALIFIED_DATA_DIR to another folder.") from None


class _Damaged(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _open_checked(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn: sqlite3.Connection | None = None
    try:
        conn = connect(path, busy_timeout)
        problem = health(conn)
        if problem is not None:
            raise _Damaged(problem)
        current = migrations.version(conn)
        if current > migrations.LATEST:
            raise NewerDatabase(
                f"{path}: this results database was written by a newer version of Qualified "
                f"(schema {current}; this game knows {migrations.LATEST}). Update the game, or "
                f"set QUALIFIED_DATA_DIR to another folder. The file was not changed.")
        _use_wal(conn)  # changes the file: only once it is ours
        migrations.migrate(conn)
        return conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if is_corruption(exc):
            raise _Damaged(str(exc)) from None
        raise translate(path, exc) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def open_read_only(path: Path, busy_timeout: float) -> tuple[sqlite3.Connection, list[str]]:
    """Open an existing database without writing to it or beside it. In a folder that cannot
    be written, SQLite cannot make the shared-memory file a WAL database needs; the file is
    then read as it stands (`immutable`), and a notice says if recent results may be missing
    from it."""
    if not path.is_file():
        raise StoreError(f"{path}: there is no results database here yet, and it is opened "
                         f"read-only, so none is started. Check QUALIFIED_DATA_DIR, or play "
                         f"once with a folder that can be written.")
    notices: list[str] = []
    uri = path.resolve().as_uri()
    conn: sqlite3.Connection | None = None
    try:
        try:
            conn = _connect_uri(uri + "?mode=ro", busy_timeout)
            problem = health(conn)
        except sqlite3.OperationalError as exc:
            if _code(exc) != SQLITE_CANTOPEN:
                raise
            if conn is not None:
                conn.close()
            conn = _connect_uri(uri + "?immutable=1", busy_timeout)
            problem = health(conn)
            wal = Path(str(path) + "-wal")
            if wal.is_file() and wal.stat().st_size > 0:
                notices.append(f"{path}: read-only, so the results written last (kept in "
                               f"{wal.name} until a game closes) may be missing here.")
        if problem is not None:
            raise StoreError(f"{path}: the results database is damaged ({problem}); it is "
                             f"read-only here, so it is left as it is. Ask your trainer or IT "
                             f"support to recover it.")
        current = migrations.version(conn)
        if current > migrations.LATEST:
            raise NewerDatabase(
                f"{path}: this results database was written by a newer version of Qualified "
                f"(schema {current}; this game knows {migrations.LATEST}). Update the game.")
        if current < migrations.LATEST:
            raise StoreError(f"{path}: this results database needs an update (schema "
                             f"{current} → {migrations.LATEST}) and is read-only here. Run the "
                             f"game once where it can write to the folder.")
        return conn, notices
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if is_corruption(exc):
            raise StoreError(f"{path}: the results database is damaged ({exc}); it is "
                             f"read-only here, so it is left as it is.") from None
        raise translate(path, exc) from exc
    except BaseException:
        if conn is not None:
            conn.close()
        raise


def _connect_uri(uri: str, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
    return conn


WAL_TRIES = 15  # switching to WAL takes the file alone for a moment: another opener may hold it


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode (once: later opens find it so). SQLite does not wait on its busy
    timeout for this switch, so when another process opens the file at the same moment the
    switch is tried again a little later instead of failing."""
    for attempt in range(WAL_TRIES):
        if str(conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_locked(exc) or attempt == WAL_TRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


@contextmanager
def write(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """A write transaction (BEGIN IMMEDIATE … COMMIT); SQLite errors become `StoreError`s."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise translate(path, exc) from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        if isinstance(exc, sqlite3.Error):
            raise translate(path, exc) from exc
        raise


@contextmanager
def read(path: Path) -> Iterator[None]:
    """Turns SQLite errors met while reading into `StoreError`s."""
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(path, exc) from exc
