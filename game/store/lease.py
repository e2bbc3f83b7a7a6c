"""Which game plays an open attempt: a lease, so that two windows or terminals never interleave
their actions on one attempt (the attempt would no longer replay).

A lease is two things, both needed:
- a lock on a small file, `<data folder>/attempt-locks/<attempt id>.lock`, held for as long as
  the owning game plays the attempt. The operating system drops it when that process ends in
  any way — a crash or `kill -9` included — so no attempt stays locked for ever, and a reused
  process id cannot fool it;
- the owner written in the attempt's row (this `Store`'s token, process id, host and the time
  of its last action, the heartbeat), checked inside the same transaction as every write: a
  game that no longer holds the lease can never write to the attempt.

Another game may take the lease over only when its lock is free (the owner is gone) and, when
the owner played on another computer sharing the data folder (whose file locks may not reach
this one), only once the owner's heartbeat is older than `STALE`.
"""
from __future__ import annotations

import os
import re
import socket
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from game.store.errors import StoreError

LOCK_FOLDER = "attempt-locks"
STALE = timedelta(minutes=10)   # another computer's lease without an action for this long
_SAFE_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")


class AttemptBusy(StoreError):
    """The attempt is being played by another game (window or terminal) right now."""


@dataclass(frozen=True)
class Holder:
    """Who holds a lease, as written in the attempt's row."""

    owner: str
    pid: int
    host: str
    beat: datetime

    def describe(self, here: str, now: datetime) -> str:
        """"process 4121 on this computer, last action 2 minutes ago"."""
        where = "this computer" if self.host == here else f"the computer {self.host!r}"
        ago = max(0, int((now - self.beat).total_seconds()))
        when = ("just now" if ago < 2 else f"{ago} seconds ago" if ago < 120 else
                f"{ago // 60} minutes ago" if ago < 7200 else f"{ago // 3600} hours ago")
        return f"process {self.pid} on {where}, last action {when}"


def this_host() -> str:
    """This computer's name, as written in leases."""
    try:
        return socket.gethostname() or "unknown"
    except OSError:
        return "unknown"


class LockFile:
    """An exclusive, non-blocking lock on one attempt's lock file (released by the operating
    system if the process dies). `acquire` returns False when another game holds it."""

    def __init__(self, folder: Path, attempt_id: str) -> None:
        name = attempt_id if _SAFE_ID.match(attempt_id) else \
            "".join(c if c.isalnum() else "_" for c in attempt_id)[:64]
        self.path = folder / LOCK_FOLDER / f"{name}.lock"
        self.fd: int | None = None
        self.supported = True   # False where the file system cannot lock (then pids decide)

    def acquire(self) -> bool:
        """Take the lock; True when held (also when the system cannot lock: `supported` is
        then False), False when another process holds it."""
        if self.fd is not None:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{self.path.parent}: cannot create the folder for attempt locks "
                             f"({exc.strerror or exc}). Check that the data folder is "
                             f"writable.") from None
        for _ in range(5):  # the file may be removed by its releaser between open and lock
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot open the attempt's lock file "
                                 f"({exc.strerror or exc}). Check that the data folder is "
                                 f"writable.") from None
            try:
                got = _lock(fd)
            except OSError:
                os.close(fd)
                self.supported = False
                return True
            if not got:
                os.close(fd)
                return False
            if _same_file(fd, self.path):
                self.fd = fd
                return True
            os.close(fd)  # locked a file already removed: lock the new one
        return False

    def release(self) -> None:
        """Drop the lock and remove the file (nothing happens if it is not held)."""
        if self.fd is None:
            return
        try:
            os.unlink(self.path)  # while still locked: a waiter then sees a removed file
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None


def _lock(fd: int) -> bool:
    """Lock `fd` exclusively without waiting; False if held elsewhere, OSError if locks are
    not supported here."""
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:  # held by another process
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _same_file(fd: int, path: Path) -> bool:
    try:
        held, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer (for file systems without locks)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return True  # cannot tell cheaply: assume it does (refusing is the safe side)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def may_take_over(holder: Holder, lock: LockFile, here: str, now: datetime) -> bool:
    """Whether a lease held by `holder` may be taken, the lock on its file being ours."""
    if holder.host != here:
        return now - holder.beat >= STALE
    if not lock.supported:
        return not process_alive(holder.pid)
    return True  # same computer and the lock is free: its owner is gone
