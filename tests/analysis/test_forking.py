"""Copying attempts and naming positions, for the par search."""
from __future__ import annotations

from dataclasses import fields

from game.analysis.forking import KEY_FIELDS, clone_state, fork, state_key
from game.engine import Game
from game.runtime import Runtime
from game.state import PlayState


def test_every_state_field_is_accounted_for() -> None:
    # a new PlayState field must be added to KEY_FIELDS (and to state_key if it matters)
    assert list(KEY_FIELDS) == [f.name for f in fields(PlayState)]


def test_a_clone_equals_its_source_and_shares_nothing_mutable(tiny_rt: Runtime) -> None:
    game = Game(tiny_rt, 3)
    for key in ("meet:bo", "bo/hi/0"):
        game.choose_key(key)
    copy = clone_state(game.state)
    assert copy == game.state and copy is not game.state
    for f in fields(PlayState):
        value = getattr(game.state, f.name)
        if isinstance(value, (set, dict)):
            assert getattr(copy, f.name) is not value, f.name
    copy.objections["risk"]["state"] = "resolved"
    assert game.state.objections["risk"]["state"] == "open"


def test_a_fork_plays_on_without_touching_the_original(tiny_rt: Runtime) -> None:
    game = Game(tiny_rt, 0)
    game.choose_key("meet:ana")
    game.choose_key("ana/hi/0")
    before = game.state.to_dict()
    twin = fork(game)
    twin.choose_key("ana/hi/1")
    twin.choose_key("ana/hi/2")
    assert twin.over and not game.over
    assert game.state.to_dict() == before
    assert [o.key for o in game.options()] == ["ana/hi/0", "ana/hi/1", "ana/hi/2", "leave"]
    # the original can still take the other road
    game.choose_key("leave")
    assert game.state.phase == "between"


def test_a_fork_continues_exactly_like_a_replay(tiny_rt: Runtime) -> None:
    keys = ["meet:bo", "bo/hi/0", "bo/worry/0", "meet:ana", "ana/hi/0", "ana/hi/1", "ana/hi/2"]
    straight = Game(tiny_rt, 0)
    forked = Game(tiny_rt, 0)
    for key in keys:
        assert forked.choose_key(key) == straight.choose_key(key)
        forked = fork(forked)
    assert forked.state.to_dict() == straight.state.to_dict()


def test_the_same_position_by_two_roads_has_one_key(tiny_rt: Runtime) -> None:
    first, second = Game(tiny_rt, 0), Game(tiny_rt, 0)
    first.choose_key("meet:ana")
    second.choose_key("meet:ana")
    first.choose_key("ana/hi/0")
    first.choose_key("leave")
    second.choose_key("ana/hi/0")
    second.choose_key("leave")
    assert state_key(first.state) == state_key(second.state)
    second.tag("bo", "saboteur")
    assert state_key(first.state) != state_key(second.state)


def test_the_key_leaves_out_what_only_the_debrief_reads(tiny_rt: Runtime) -> None:
    game = Game(tiny_rt, 0)
    game.choose_key("meet:ana")
    game.choose_key("ana/hi/0")
    other = clone_state(game.state)
    other.needs_known["cost"]["turn"] = 9
    other.seen.clear()
    other.path.clear()
    assert state_key(other) == state_key(game.state)
    other.trust["ana"] += 0.1
    assert state_key(other) != state_key(game.state)


def test_shared_options_equal_freshly_built_ones(mini_rt: Runtime) -> None:
    # the engine shares an open choice's Option between landings and games (a speed-up for the
    # analyser): what it offers must equal what a restored game builds from scratch
    game = Game(mini_rt, 0)
    for key in ("meet:dana", "dana/hi/0", "dana/hi/1"):
        game.choose_key(key)
        restored = Game(mini_rt, 0, state=PlayState.from_dict(game.state.to_dict()))
        assert restored.options() == game.options()
    game.choose_key("leave")
    game.options().clear()                  # one game's list is not another's
    assert [o.key for o in Game(mini_rt, 1).options()] == ["meet:dana", "meet:marta", "meet:ines"]
    assert [o.available for o in Game(mini_rt, 1).options()] == [True, False, True]


def test_forks_along_random_plays_of_a_bundled_deal_never_touch_the_original() -> None:
    # hospital-comarcal has a need two people hold, so a pitch can land with a second holder:
    # that once appended to a list the search's copies shared, changing every sibling position
    import json
    import random
    from pathlib import Path

    from game.loader import load_scenario

    scenario = load_scenario(Path(__file__).parents[2] / "scenarios" / "hospital-comarcal.yaml")
    rt = Runtime(scenario.scenario)
    second_holder = 0
    for seed in range(30):
        pick = random.Random(seed)
        game = Game(rt, seed % 3)
        while not game.over:
            before = json.dumps(game.state.to_dict(), sort_keys=True)
            options = [i for i, o in enumerate(game.options()) if o.available]
            index = pick.choice(options)
            twin = fork(game)
            twin.choose(index)
            assert json.dumps(game.state.to_dict(), sort_keys=True) == before
            game.choose(index)
            second_holder += any(r.get("also") for r in game.state.pitched.values())
    assert second_holder  # the plays did pitch a need to its second holder
