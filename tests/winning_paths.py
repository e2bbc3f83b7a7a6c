"""The recorded winning paths of the bundled scenarios: `tests/paths/<scenario id>.yaml`, one
file per scenario so each can be edited on its own.

A step is an engine option key ("meet:greg", "leave", "referral:ask"), "#choice_id" for a choice
of the current node (resolved to its key, so reordering choices in a file does not break the
path), or "tag:sid=role"; a step written "?flag:step" is taken only when the flag is set, so one
path serves every variant (casts and need sets set flags at the start).
"""
from __future__ import annotations

from pathlib import Path

import yaml

PATHS = Path(__file__).resolve().parent / "paths"


def load_winning_paths() -> dict[str, list[str]]:
    """Scenario id → the recorded steps, from every file in tests/paths/."""
    paths: dict[str, list[str]] = {}
    for file in sorted(PATHS.glob("*.yaml")):
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        paths[file.stem] = [str(step) for step in data["steps"]]
    return paths


WINNING_PATHS: dict[str, list[str]] = load_winning_paths()
