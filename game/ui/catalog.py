"""The scenarios offered by the picker: every file in the bundled scenarios/ folder, loaded and
checked. A file with errors stays in the list, disabled, with the command that explains it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.bundled import scenarios_dir
from game.loader import find_scenario_files, load_scenario
from game.schema import Scenario, base_language

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


LEVELS = {"beginner": 0, "intermediate": 1, "advanced": 2}


def is_tutorial(scenario: Scenario) -> bool:
    """A tutorial (its id begins with "tutorial"): the picker offers it first."""
    return scenario.id.startswith("tutorial")


def ordered(entries: list[Entry], language: str | None = None) -> list[Entry]:
    """The picker's order: tutorials first, then by level (beginner → advanced), then by
    language — `language` (the player's) before the others — then by title; files with
    errors last."""
    def key(entry: Entry) -> tuple[object, ...]:
        s = entry.scenario
        if s is None:
            return (1, 0, 0, 0, "", entry.title.casefold())
        return (0, not is_tutorial(s), LEVELS.get(s.difficulty, 9),
                base_language(s.language) != language, s.language, s.title.casefold())

    return sorted(entries, key=key)


def load_catalog(folder: Path | None = None) -> list[Entry]:
    """Every scenario under `folder` (default: the bundled one), in the picker's order."""
    folder = folder or BUNDLED
    if not folder.is_dir():
        return []
    entries = []
    for path in find_scenario_files(str(folder)):
        result = load_scenario(path)
        error = result.errors[0].format() if result.errors else ""
        entries.append(Entry(path, result.scenario, error))
    return ordered(entries)


def find_by_id(entries: list[Entry], scenario_id: str) -> Entry | None:
    """The playable entry whose scenario has `scenario_id`."""
    return next((e for e in entries if e.scenario and e.scenario.id == scenario_id), None)
