"""Writing a file so that a crash or a full disk never leaves half of it: a temporary file in
the same folder, flushed to disk, then renamed over the target.

Only a regular file or a new path is ever replaced. A device, a FIFO, a socket, a folder or a
symbolic link at the path is refused (`NotAFile`), and so is a SQLite database or one of its
journal files (the results database, a `report --out` aimed at it by mistake): replacing them
would break the device, hang on the FIFO or destroy the results. A replaced file keeps its
permissions (a 644 report stays 644); a new one gets the usual ones (0666 less the umask).
"""
from __future__ import annotations

import errno
import os
import stat
import tempfile

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
JOURNALS = ("-wal", "-shm", "-journal")


class NotAFile(OSError):
    """The path holds something that must not be replaced by a written file; `strerror`
    says what it is and what to do."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(errno.EINVAL, what, path)


def write_text_atomically(path: str, text: str, *, encoding: str = "utf-8",
                          prefix: str = ".qualified-") -> None:
    """Write `text` to `path` whole or not at all (the old file stays if anything fails).
    Raises `NotAFile` (an OSError) when the path may not be replaced, OSError otherwise."""
    old = check_target(path)
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=prefix, dir=folder)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where files have no such mode
            os.fchmod(handle, stat.S_IMODE(old.st_mode) if old is not None else _new_file_mode())
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        check_target(path)  # what is there may have changed while we wrote
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def check_target(path: str) -> os.stat_result | None:
    """The status of the regular file at `path` (None when there is nothing there); raises
    `NotAFile` when what is there may not be replaced by a written file."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except NotADirectoryError:
        raise NotAFile(path, "a folder on the way is a file; give a path in a folder") from None
    if found is None:
        _refuse_new_journal(path)
        return None
    mode = found.st_mode
    if stat.S_ISLNK(mode):
        raise NotAFile(path, "is a symbolic link, which would be replaced by a file; give the "
                             "path of the file itself or a new name")
    if stat.S_ISDIR(mode):
        raise NotAFile(path, "is a folder; give a file name in it")
    if not stat.S_ISREG(mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
                "a socket" if stat.S_ISSOCK(mode) else "a device")
        raise NotAFile(path, f"is {kind}, not a file; give the name of a file to write")
    if _is_database(path):
        raise NotAFile(path, "is a database (perhaps the results database itself), which "
                             "would be destroyed; give another file name")
    return found


def _is_database(path: str) -> bool:
    """Whether the regular file at `path` is a SQLite database or one of its journals."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    if head == SQLITE_MAGIC or head[:4] in WAL_MAGIC:
        return True
    return _beside_database(path)


def _beside_database(path: str) -> bool:
    """Whether `path` is named as a journal (`-wal`, `-shm`, `-journal`) of a database."""
    for suffix in JOURNALS:
        if path.endswith(suffix) and len(path) > len(suffix):
            main = path[:-len(suffix)]
            try:
                with open(main, "rb") as handle:
                    if handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                        return True
            except OSError:
                pass
    return False


def _refuse_new_journal(path: str) -> None:
    if _beside_database(path):
        raise NotAFile(path, "is the name of a database's journal file; give another file name")


def _new_file_mode() -> int:
    """0666 less the process's umask, as `open()` would create the file."""
    return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux): setting
    it to read it would race with other threads creating files."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
