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


def default_data_dir() -> Path:
    """The folder for the results database (not created here)."""
    override = os.environ.get(ENV_DATA_DIR, "").strip()
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA", "").strip()
        return (Path(base) if base else Path.home() / "AppData" / "Roaming") / "Qualified"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Qualified"
    xdg = os.environ.get("XDG_DATA_HOME", "").strip()
    base_dir = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base_dir / "qualified"


def database_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The results database file inside `data_dir` (default: `default_data_dir()`)."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    return folder / DB_NAME
