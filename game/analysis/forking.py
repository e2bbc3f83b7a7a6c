"""Copying an attempt cheaply, and naming its state, for the par search.

The search branches at every option, so it copies attempts tens of thousands of times. Measured
on scenarios/northwind-logistics.yaml after 12 choices (bench/engine_bench.py prints it again):
`PlayState.from_dict(state.to_dict())` ≈ 200 µs and `copy.deepcopy(state)` ≈ 220 µs; `clone_state`
below copies each field as deep as the engine changes it (sets, dicts, the records of
objections) and shares what is never changed once written (path entries, hints, the immutable
option tuples, the list of others a pitch landed with — the engine replaces it, never appends to
it), in a few µs.

`state_key` names a state by everything that can change what happens next or the final score,
leaving out what only the debrief reads (turn stamps, the path, first-seen turns) — so two
orders of the same choices that reach the same position are searched once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from game.engine import Game
from game.state import PlayState

# Every PlayState field, and whether state_key uses it. A test checks this covers the dataclass,
# so a new field cannot be silently left out of the search's notion of "the same position".
KEY_FIELDS: dict[str, bool] = {
    "scenario_id": False, "seed": False,          # the same for the whole search
    "phase": True, "turn": True, "meeting_with": True, "node": True, "exchanges": True,
    "stance": True, "anchor": True, "trust": True, "interest": True, "interest_later": True,
    "met": True, "introduced": True, "needs_known": True, "pitched": True, "learned": True,
    "hints": True, "flags": True, "objections": True, "tags": True,
    "blind_tags": True, "mistake_costs": True, "critical": True,
    "taken": True, "fired": True, "offered": True,
    "close_attempts": True, "qualified_at_close": True, "premature_closes": True,
    "wrong_counters": True, "bad_pitches": True, "outcome": True, "end_reason": True,
    "referral": True, "deal_value": True,
    "seen": False, "path": False,                 # read by the debrief only
}

def _dict_of_records(value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {k: dict(v) for k, v in value.items()}


def _optional_dict(value: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if value is None else dict(value)


def _copier(annotation: str) -> Callable[[Any], Any] | None:
    """How to copy a field of this (string) annotation; None for values never changed in place.
    Lists are copied shallowly: hints and path entries are appended, never changed."""
    t = annotation.replace(" ", "")
    if t.startswith("set["):
        return set
    if t.startswith("dict[str,dict["):
        return _dict_of_records
    if t.startswith("dict[") and t.endswith("|None"):
        return _optional_dict
    if t.startswith("dict["):
        return dict
    if t.startswith("list["):
        return list
    return None


_COPIERS: tuple[tuple[str, Callable[[Any], Any] | None], ...] = tuple(
    (f.name, _copier(str(f.type))) for f in fields(PlayState))


def clone_state(state: PlayState) -> PlayState:
    """A copy of `state` that shares nothing the engine mutates."""
    source = state.__dict__
    twin = object.__new__(PlayState)
    twin.__dict__.update({name: source[name] if copy is None else copy(source[name])
                          for name, copy in _COPIERS})
    return twin


def fork(game: Game) -> Game:
    """A second attempt in the same position as `game`, sharing its runtime, without the
    saved-state checks `Game(rt, seed, state)` runs (the state is known to fit)."""
    twin = object.__new__(Game)
    twin.__dict__.update(game.__dict__)  # the runtime and the current (immutable) options
    twin.state = clone_state(game.state)
    return twin


def state_key(state: PlayState) -> tuple[Any, ...]:
    """A hashable name for the position `state` is in (see the module docstring)."""
    rest, values = split_key(state)
    return rest + values


def split_key(state: PlayState) -> tuple[tuple[Any, ...], tuple[float, ...]]:
    """`state_key` in two parts: everything but the stances, own views, trust, interest and
    penalties; and those as one vector in which larger is never worse (the par search's
    dominance test, game/analysis/exact.py). A pitch is named with everyone who heard it: a
    later pitch of the same need lands only with someone who has not."""
    s = state
    values = (*s.stance.values(), *s.anchor.values(), *s.trust.values(), float(s.interest), float(s.interest_later),
              -float(s.premature_closes), -float(s.wrong_counters), -float(s.bad_pitches),
              *(-v for _, v in sorted(s.mistake_costs.items())))
    rest = (
        s.phase, s.turn, s.meeting_with, s.node, s.exchanges,
        frozenset(s.met), frozenset(s.introduced), frozenset(s.needs_known),
        frozenset((n, frozenset((r["to"], *r.get("also", ())))) for n, r in s.pitched.items()),
        frozenset((h["about"], h["text"]) for h in s.hints), frozenset(s.learned),
        frozenset(s.flags), frozenset((o, r["state"]) for o, r in s.objections.items()),
        frozenset(s.tags.items()), frozenset(s.taken), frozenset(s.fired), frozenset(s.offered), s.close_attempts,
        None if s.qualified_at_close is None else tuple(sorted(s.qualified_at_close.items())),
        s.outcome, s.end_reason, s.referral, s.deal_value, frozenset(s.blind_tags),
        tuple(sorted(s.mistake_costs)), len(s.critical),
    )
    return rest, values
