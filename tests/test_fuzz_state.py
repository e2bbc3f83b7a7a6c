"""Damaged saves: loading a mutated saved state is refused with StateVersionError or plays on
without crashing — never another exception."""
from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.engine import Game
from game.runtime import Runtime
from game.scoring import debrief
from game.state import PlayState, StateVersionError
from tests.conftest import play

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 50) | st.floats(-2, 2) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=3),
    max_leaves=6)


def saved(rt: Runtime) -> dict:
    game = Game(rt, seed=2)
    play(game, ["meet:dana", "dana/hi/0", "dana/hi/1"])
    game.tag("ines", "saboteur")
    return json.loads(json.dumps(game.state.to_dict()))


@settings(max_examples=150, derandomize=True, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_saves_never_crash(mini_rt: Runtime, data: st.DataObject) -> None:
    state = saved(mini_rt)
    keys = sorted(state)
    for _ in range(data.draw(st.integers(1, 3))):
        key = data.draw(st.sampled_from(keys))
        if data.draw(st.booleans()):
            state.pop(key, None)
        else:
            state[key] = data.draw(JSON)
    try:
        game = Game(mini_rt, state=PlayState.from_dict(state))
    except StateVersionError:
        return
    rng = random.Random(0)
    for _ in range(40):
        if game.over:
            break
        choices = [i for i, o in enumerate(game.options()) if o.available]
        if not choices:
            break
        game.choose(rng.choice(choices))
    debrief(mini_rt, game.state)


def test_damaged_clues_and_path_are_refused(mini_rt: Runtime) -> None:
    for key, value in (("hints", [{}]), ("path", [{"kind": "choice"}]), ("seen", {"x/y/0": 1})):
        state = saved(mini_rt)
        state[key] = value
        try:
            Game(mini_rt, state=PlayState.from_dict(state))
        except StateVersionError as exc:
            assert "start it again" in str(exc)
        else:
            raise AssertionError(f"damaged {key} was accepted")
