"""Compiled conditions: each test holds or fails with the right reason."""
from __future__ import annotations

import pytest

from game.codegen import compile_condition
from game.schema import Condition
from game.state import PlayState


def state() -> PlayState:
    s = PlayState(scenario_id="x", seed=0, turn=3, interest=2)
    s.stance.update({"dana": 0.2})
    s.trust.update({"dana": 0.5})
    s.needs_known["overtime"] = {"turn": 1, "by": "dana"}
    s.flags.add("pilot")
    s.met["dana"] = 1
    s.objections["risk"] = {"state": "open", "raised": 2, "resolved": None}
    s.objections["price"] = {"state": "resolved", "raised": 1, "resolved": 2}
    s.pitched["overtime"] = {"turn": 2, "to": "dana", "also": []}
    return s


@pytest.mark.parametrize("fields, reason", [
    ({"needs_known": ["overtime"]}, None),
    ({"needs_known": ["price"]}, ("need-known", {"need": "price"})),
    ({"needs_unknown": ["overtime"]}, ("need-unknown", {"need": "overtime"})),
    ({"flags": ["pilot"], "not_flags": ["angry"]}, None),
    ({"flags": ["angry"]}, ("flag", {"flag": "angry"})),
    ({"not_flags": ["pilot"]}, ("not-flag", {"flag": "pilot"})),
    ({"met": ["sam"]}, ("met", {"who": "sam"})),
    ({"not_met": ["dana"]}, ("not-met", {"who": "dana"})),
    ({"objections_open": ["risk"], "objections_resolved": ["price"]}, None),
    ({"objections_open": ["price"]}, ("objection-open", {"objection": "price"})),
    ({"objections_resolved": ["nope"]}, ("objection-resolved", {"objection": "nope"})),
    ({"pitched": ["price"]}, ("pitched", {"need": "price"})),
    ({"trust_min": 0.5, "stance_min": 0.2}, None),
    ({"trust_min": 0.6}, ("trust", {"min": 0.6})),
    ({"stance_min": 0.3}, ("stance", {"min": 0.3})),
    ({"interest_min": 3}, ("interest", {"min": 3})),
    ({"turn_min": 4}, ("turn-min", {"turn": 4})),
    ({"turn_max": 2}, ("turn-max", {"turn": 2})),
    ({"turn_min": 3, "turn_max": 3, "interest_min": 2}, None),
])
def test_condition(fields: dict, reason: tuple | None) -> None:
    check = compile_condition(Condition.model_validate(fields))
    assert check is not None
    assert check(state(), "dana") == reason


def test_person_tests_hold_between_meetings() -> None:
    check = compile_condition(Condition(trust_min=0.9, stance_min=0.9))
    assert check is not None and check(state(), None) is None


def test_empty_condition_compiles_to_nothing() -> None:
    assert compile_condition(Condition()) is None
    assert compile_condition(None) is None
