"""The player's window settings kept between runs: text size, high contrast, sound and language,
as `settings.json` in the data folder (the results store's folder: QUALIFIED_DATA_DIR, else the
platform's user data folder).

    settings, notice = load_settings(path)   # a missing file gives the defaults, silently;
                                             # a damaged one the defaults (or what could be
                                             # read) and a notice naming the file
    problem = save_settings(settings, path)  # None, or why the file could not be written

Neither ever raises: settings are a comfort, never a reason for the game not to start.
"""
from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from game.ui.context import Settings
from game.ui.fonts import TEXT_SCALES
from game.ui.strings import LANGUAGES

SETTINGS_FILE = "settings.json"
VERSION = 1
MAX_BYTES = 64 * 1024  # a settings file is a few dozen bytes; anything big is not ours
_STORE_PATHS = Path(__file__).resolve().parent.parent / "store" / "paths.py"


def _store_paths() -> ModuleType:
    """game/store/paths.py — the store's own data-folder rule — loaded without importing the
    game.store package, whose __init__ loads the whole engine (about a second: too slow before
    the title screen's first frame, design.md §7)."""
    module = sys.modules.get("game.store.paths")
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location("_qualified_store_paths", _STORE_PATHS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def settings_path(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The settings file in `data_dir`, or in the store's default data folder."""
    folder = Path(data_dir) if data_dir is not None else _store_paths().default_data_dir()
    return folder / SETTINGS_FILE


def to_dict(settings: Settings) -> dict[str, Any]:
    """The JSON form: the text size as a percentage, so it survives a change of the steps."""
    return {"version": VERSION,
            "text_size": round(100 * TEXT_SCALES[settings.text_scale]),
            "high_contrast": settings.high_contrast,
            "muted": settings.muted,
            "language": settings.language}


def from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from the JSON form, and the names of the fields that were not valid (those
    keep their defaults; unknown keys are ignored)."""
    settings, bad = Settings(), []
    size = data.get("text_size")
    if size is not None:
        if isinstance(size, (int, float)) and not isinstance(size, bool) and 50 <= size <= 300:
            settings.text_scale = min(range(len(TEXT_SCALES)),
                                      key=lambda i: abs(100 * TEXT_SCALES[i] - size))
        else:
            bad.append("text_size")
    for name in ("high_contrast", "muted"):
        value = data.get(name)
        if value is None:
            continue
        if isinstance(value, bool):
            setattr(settings, name, value)
        else:
            bad.append(name)
    language = data.get("language")
    if language is not None:
        if language in LANGUAGES:
            settings.language = language
        else:
            bad.append("language")
    return settings, bad


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """The saved settings, and a notice for the player when the file was damaged."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return Settings(), None
    except OSError as exc:
        return Settings(), _damaged(path, exc.strerror or str(exc))
    if len(raw) > MAX_BYTES:
        return Settings(), _damaged(path, f"larger than {MAX_BYTES // 1024} kB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return Settings(), _damaged(path, "not UTF-8 text")
    except ValueError as exc:
        return Settings(), _damaged(path, f"not valid JSON: {exc}")
    if not isinstance(data, dict):
        return Settings(), _damaged(path, "not a JSON object")
    settings, bad = from_dict(data)
    if bad:
        return settings, (f"{path}: some saved settings are not valid ({', '.join(bad)}); those "
                          f"keep their defaults, and the file is rewritten when you change a "
                          f"setting.")
    return settings, None


def _damaged(path: Path, why: str) -> str:
    return (f"{path}: the saved settings could not be read ({why}); the defaults are used "
            f"instead, and the file is rewritten when you change a setting.")


def save_settings(settings: Settings, path: Path) -> str | None:
    """Write the settings (atomically: a whole file or the old one). Returns None, or what
    went wrong and what to do."""
    text = json.dumps(to_dict(settings), ensure_ascii=False, indent=2) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError as exc:
        return (f"{path}: settings not saved ({exc.strerror or exc}). Check that the folder "
                f"is writable, or set QUALIFIED_DATA_DIR to another folder.")
    return None
