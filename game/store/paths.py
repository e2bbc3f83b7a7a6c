"""Where results live: the platform's user data folder, or `QUALIFIED_DATA_DIR`.

- `QUALIFIED_DATA_DIR` (environment) wins when set and not empty;
- Windows: `%APPDATA%\\Qualified`;
- macOS: `~/Library/Application Support/Qualified`;
- elsewhere: `$XDG_DATA_HOME/qualified`, or `~/.local/share/qualified`.

A dozen lines instead of the platformdirs package: the game needs one folder, not its API.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_DATA_DIR = "QUALIFIED_DATA_DIR"
DB_NAME = "qualified.sqlite3"


class DataDirError(RuntimeError):
    """`QUALIFIED_DATA_DIR` cannot be used; the message says why and what to do. (Not a
    StoreError: this module stays free of imports, for the window's quick start.)"""


def default_data_dir() -> Path:
    """The folder for the results database (not created here). Raises DataDirError when
    `QUALIFIED_DATA_DIR` names the home folder of a user this computer does not know."""
    override = os.environ.get(ENV_DATA_DIR, "").strip()
    if override:
        try:
            return Path(override).expanduser()
        except RuntimeError:  # `~name` of a user this computer does not know
            user = override.replace("\\", "/").split("/")[0]
            raise DataDirError(f"{ENV_DATA_DIR}={override}: {user!r} names no user this "
                               f"computer knows, so it has no home folder. Set {ENV_DATA_DIR} "
                               f"to a full path, e.g. {_home_or('/srv')}/qualified") from None
    if sys.platform == "win32":
        base = os.environ.get("APPDATA", "").strip()
        return (Path(base) if base else Path.home() / "AppData" / "Roaming") / "Qualified"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Qualified"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base_dir / "qualified"


def _home_or(fallback: str) -> str:
    try:
        return str(Path.home())
    except RuntimeError:
        return fallback


def database_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The results database file inside `data_dir` (default: `default_data_dir()`)."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    return folder / DB_NAME
