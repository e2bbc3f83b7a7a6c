"""The bundled scenarios through the store: random attempts, interrupted and resumed, end as
uninterrupted ones; every report format renders them; the xAPI follows the rules."""
from __future__ import annotations

import json
from html import escape
import random
from pathlib import Path

import pytest

from game.engine import Game
from game.loader import load_scenario
from game.reports import render
from game.result import result_dict
from game.runtime import Runtime
from game.schema import ROLES, Scenario
from game.store import Store, open_store
from tests.reports.xapi_rules import check_statement
from tests.store.helpers import Action, Clock, act, play_recorded

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "scenarios").glob("*.yaml"))


def _load(path: Path) -> Scenario:
    loaded = load_scenario(path)
    assert loaded.scenario is not None, [p.format() for p in loaded.problems]
    return loaded.scenario


def _random_actions(rt: Runtime, seed: int) -> list[Action]:
    pick = random.Random(seed)
    game = Game(rt, seed=seed)
    actions: list[Action] = []
    people = list(rt.scenario.stakeholders)
    while not game.over and len(actions) < 200:
        action: Action
        if pick.random() < 0.15:
            action = (pick.choice(people), pick.choice([*ROLES, None]))
        else:
            action = pick.choice([o.key for o in game.available()])
        act(game, action)
        actions.append(action)
    return actions


@pytest.mark.skipif(not FILES, reason="no bundled scenarios yet")
@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_bundled_scenario_resumes_exactly_and_reports(path: Path, data_dir: Path) -> None:
    scenario = _load(path)
    rt = Runtime(scenario)
    clock = Clock()
    for seed in (1, 2, 3):
        actions = _random_actions(rt, seed)
        whole = Game(rt, seed=seed)
        for action in actions:
            act(whole, action)
        stop = random.Random(seed).randrange(len(actions) + 1)
        with open_store(clock=clock) as first:
            attempt = first.start_attempt("Núñez", str(path), scenario, seed)
            play_recorded(first, attempt, Game(rt, seed=seed), actions[:stop])
        with open_store(clock=clock) as second:
            found = second.unfinished("Núñez", scenario.id)
            assert found is not None
            game = play_recorded(second, found, second.resume(found, rt), actions[stop:])
            second.finish(found, game)
            stored = second.attempts(scenario_id=scenario.id)[-1].result
        expected = result_dict(whole, "Núñez")
        assert stored is not None
        assert (stored["path"], stored["score"]) == (expected["path"], expected["score"])
    with open_store() as store:
        _check_reports(store, scenario)


def _check_reports(store: Store, scenario: Scenario) -> None:
    assert escape(scenario.title) in render("html", store)
    assert scenario.title in render("csv", store)
    assert len(render("table", store).splitlines()) == 2 + 3
    for line in render("xapi", store).splitlines():
        statement = json.loads(line)
        assert check_statement(statement) == [], statement


@pytest.mark.skipif(not FILES, reason="no bundled scenarios yet")
def test_referral_chains_decide_what_a_new_player_can_start(data_dir: Path) -> None:
    catalogue = [_load(p) for p in FILES]
    led_to = {s.referral.leads_to for s in catalogue if s.referral and s.referral.leads_to}
    with open_store() as store:
        playable = store.playable("Nueva", catalogue)
    assert playable and playable == {s.id for s in catalogue} - led_to
