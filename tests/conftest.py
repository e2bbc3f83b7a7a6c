"""Shared test helpers: the tiny fixture scenario and a way to play a list of option keys."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from game.engine import Game  # noqa: E402
from game.loader import load_scenario  # noqa: E402
from game.runtime import Runtime  # noqa: E402
from game.schema import Scenario  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini.yaml"

# The good path through mini.yaml: discover, find the signer, pitch, counter the saboteur, close.
MINI_WIN = ["meet:dana", "dana/hi/0", "dana/hi/1", "dana/hi/2",
            "meet:ines", "ines/hi/0", "ines/hi/1",
            "meet:marta", "marta/hi/0", "marta/hi/1", "marta/hi/2"]
MINI_TAGS = {"dana": "influencer", "marta": "decision_maker", "ines": "saboteur"}


@pytest.fixture(scope="session", autouse=True)
def _results_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`play --player` saves attempts (game.store): never into the tester's own data folder.
    Par (the debrief's best score, a search of 1–4 s) is kept in one folder for the whole run,
    so each scenario is searched once, not once per test; tests of the cache itself set their
    own folders."""
    os.environ["QUALIFIED_DATA_DIR"] = str(tmp_path_factory.mktemp("qualified-data"))
    os.environ["QUALIFIED_PAR_CACHE"] = str(tmp_path_factory.mktemp("par-cache"))


@pytest.fixture(scope="session")
def mini() -> Scenario:
    """The fixture scenario, loaded once."""
    result = load_scenario(MINI)
    assert result.scenario is not None, [p.format() for p in result.problems]
    return result.scenario


@pytest.fixture(scope="session")
def mini_rt(mini: Scenario) -> Runtime:
    """The fixture scenario's runtime."""
    return Runtime(mini)


def play(game: Game, keys: list[str], tags: dict[str, str] | None = None) -> list:
    """Choose each option key in turn; returns every line produced. With `tags`, each person
    is tagged right after they are first met (a tag scores only on evidence)."""
    lines = []
    for key in keys:
        lines.extend(game.choose_key(key))
        if tags and key.startswith("meet:") and key[5:] in tags and not game.over:
            game.tag(key[5:], tags[key[5:]])
    return lines
