"""A scenario written from docs/authoring.md alone (issue 14, tests/fixtures/authoring/): it
validates clean, par wins it, and its format 1.1 keys play as the guide says."""
from __future__ import annotations

from pathlib import Path

import pytest

from game.analysis.par import find_par
from game.cli import main
from game.engine import Game
from game.loader import load_scenario
from game.runtime import Runtime
from game.scoring import debrief

FRESH_EYE = Path(__file__).resolve().parent / "fixtures" / "authoring" / "fresh-eye.yaml"


@pytest.fixture(scope="module")
def loaded():  # type: ignore[no-untyped-def]
    return load_scenario(FRESH_EYE)


def test_it_validates_clean_even_strict(loaded, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    assert [p.format() for p in loaded.problems] == []
    assert loaded.scenario is not None and loaded.scenario.format == 1.1
    assert main(["validate", "--strict", str(FRESH_EYE)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().err


def test_par_wins_it_and_replays_as_the_guide_says(loaded) -> None:  # type: ignore[no-untyped-def]
    par = find_par(loaded.scenario)
    assert par.outcome == "won" and par.exact and par.total >= 90
    rt = Runtime(loaded.scenario)
    game = Game(rt, par.seed)
    said: list[str] = []
    for key in par.path:
        if key.startswith("tag:"):
            who, _, role = key[4:].partition("=")
            game.tag(who, role)
            continue
        said += [line.text for line in game.choose_key(key) if line.kind == "say"]
    assert game.state.outcome == "won" and game.state.referral == "won"
    # a return to Mara's first node in the same meeting says its say_again, not the greeting
    assert said.count("Come in! The vets are in surgery, so you've got me. "
                      "What would you like to know?") == 1
    assert 'Mara waves you over to the desk. "What else can I tell you?"' in said
    [close] = [e for e in debrief(rt, game.state).timeline if e["tactic"] == "close"]
    assert close["feedback"].startswith("You asked once he had heard both savings")
