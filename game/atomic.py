"""Writing a file so that a crash or a full disk never leaves half of it: a temporary file in
the same folder, flushed to disk, then renamed over the target."""
from __future__ import annotations

import os
import tempfile


def write_text_atomically(path: str, text: str, *, encoding: str = "utf-8",
                          prefix: str = ".qualified-") -> None:
    """Write `text` to `path` whole or not at all (the old file stays if anything fails)."""
    folder = os.path.dirname(os.path.abspath(path))
    handle, temp = tempfile.mkstemp(prefix=prefix, dir=folder)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
