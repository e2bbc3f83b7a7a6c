"""Where the files shipped with the game are, in a source checkout and once installed.

In a checkout they sit beside the code: `scenarios/`, `assets/fonts/`, `docs/scenario.schema.json`.
`pip install .` (pyproject.toml) copies them into the package as `game/_data/scenarios/`,
`game/_data/assets/fonts/` and `game/_data/docs/`, keeping their relative places, so a bundled
scenario's `$schema=../docs/scenario.schema.json` modeline still points at the schema.

`scenario_path("tutorial-first-deal")` finds a bundled scenario by its id, from any folder.
Only the standard library here: `validate` and `play --text` stay light.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_INSTALLED = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent
_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]*$")
_ID_LINE = re.compile(r"^id:\s*[\"']?([A-Za-z0-9_][A-Za-z0-9_\-]*)[\"']?\s*(#.*)?$")


def _root() -> Path:
    """The folder holding scenarios/, assets/ and docs/: the installed copy when there is one,
    else the checkout."""
    return _INSTALLED if (_INSTALLED / "scenarios").is_dir() else _CHECKOUT


def scenarios_dir() -> Path:
    """The bundled scenarios' folder."""
    return _root() / "scenarios"


def fonts_dir() -> Path:
    """The bundled font's folder (DejaVu Sans and its licence)."""
    return _root() / "assets" / "fonts"


def schema_file() -> Path:
    """The scenario JSON Schema shipped with the game (docs/scenario.schema.json)."""
    return _root() / "docs" / "scenario.schema.json"


def bundled_ids() -> dict[str, Path]:
    """Each bundled scenario's id and file. The id is read from the file's top-level `id:`
    line (no YAML parsing: a few bytes a file), falling back to the file's name."""
    found: dict[str, Path] = {}
    folder = scenarios_dir()
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        found.setdefault(_declared_id(path) or path.stem, path)
    return found


def _declared_id(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle):
                match = _ID_LINE.match(line.rstrip("\r\n"))
                if match:
                    return match.group(1)
                if number > 200:
                    break
    except OSError:
        return None
    return None


def scenario_path(text: str) -> str:
    """The file to load for `play PATH|ID`: `text` itself when such a file or folder exists,
    else the bundled scenario whose id (or file name) it is, else `text` unchanged (the loader
    then reports the missing file)."""
    if os.path.exists(text) or not _ID.match(text):
        return text
    ids = bundled_ids()
    hit = ids.get(text) or next((p for p in ids.values() if p.stem == text), None)
    return str(hit) if hit is not None else text


def unknown_scenario_hint(text: str) -> str | None:
    """For `play X` where X is neither a file nor a bundled id: the ids there are (None when
    X exists or does not look like an id)."""
    if os.path.exists(text) or not _ID.match(text):
        return None
    ids = sorted(bundled_ids())
    return (f"{text}: no such file, and no bundled scenario has this id — the bundled ones are: "
            f"{', '.join(ids)}" if ids else None)
