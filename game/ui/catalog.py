"""The scenarios offered by the picker: every file in the bundled scenarios/ folder, loaded and
checked. A file with errors stays in the list, disabled, with the command that explains it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.bundled import scenarios_dir
from game.loader import find_scenario_files, load_scenario
from game.schema import Scenario

BUNDLED = scenarios_dir()  # scenarios/ in a checkout, inside the package once installed


@dataclass(frozen=True)
class Entry:
    """One scenario file: the scenario (None if it has errors) and its first error."""

    path: str
    scenario: Scenario | None
    error: str = ""

    @property
    def title(self) -> str:
        """The scenario's title, or the file name when it does not load."""
        return self.scenario.title if self.scenario else Path(self.path).name


def load_catalog(folder: Path | None = None) -> list[Entry]:
    """Every scenario under `folder` (default: the bundled one), sorted by difficulty, title."""
    folder = folder or BUNDLED
    if not folder.is_dir():
        return []
    entries = []
    for path in find_scenario_files(str(folder)):
        result = load_scenario(path)
        error = result.errors[0].format() if result.errors else ""
        entries.append(Entry(path, result.scenario, error))
    order = {"beginner": 0, "intermediate": 1, "advanced": 2}
    entries.sort(key=lambda e: (e.scenario is None,
                                order.get(e.scenario.difficulty, 9) if e.scenario else 9,
                                e.title.casefold()))
    return entries


def find_by_id(entries: list[Entry], scenario_id: str) -> Entry | None:
    """The playable entry whose scenario has `scenario_id`."""
    return next((e for e in entries if e.scenario and e.scenario.id == scenario_id), None)
