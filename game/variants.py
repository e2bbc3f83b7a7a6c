"""Variants: alternatives a scenario draws from the seed, so a replay cannot be memorised.

A scenario may declare, under `variants:`, several casts of its buying centre (who is the
decision-maker, who the saboteur…), several sets of active needs, and ranges for starting
stances:

    variants:
      casts:                      # one is drawn per seed
        - roles: {marta: decision_maker, ines: saboteur}
          flags: [marta_signs]    # set at the start: `if: {flags: [marta_signs]}` on choices
        - roles: {ines: decision_maker, marta: saboteur}
          flags: [ines_signs]
      needs:                      # one set is drawn; the other needs named here are inactive
        - active: [overtime, price]
        - active: [overtime]
      stances:                    # each drawn within [low, high], in steps of 0.05
        dana: [0.0, 0.4]

`draw(scenario, seed)` says what a seed draws and `apply(scenario, draw)` turns it into a
concrete `Scenario` (roles, starting stances and needs set; its `variants` keep only the drawn
cast and need set, so applying again changes nothing). `runtime_for` is what `Game` calls: the
seed's concrete scenario, prepared once and cached. The same seed always gives the same
variant, so an attempt replays exactly from its recorded seed.

An inactive need stays declared (so conditions and pitches that name it stay valid) but no
choice or event reveals it and nobody cares about it: a question about it reveals nothing,
choices that need it known never open, and pitching it is premature.
"""
from __future__ import annotations

import copy
import itertools
import random
from collections import OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from game.runtime import Runtime
from game.schema import Choice, Conversation, Effects, Scenario, Variants

T = TypeVar("T")
STANCE_STEP = 0.05
CACHE_SIZE = 512  # concrete runtimes kept; a variant is rebuilt only after falling out


@dataclass(frozen=True, order=True)
class Draw:
    """What a seed draws: the index of the cast and of the need set (None when the scenario
    declares none) and each listed stakeholder's starting stance, in the order authored."""

    cast: int | None
    needs: int | None
    stances: tuple[tuple[str, float], ...] = ()

    def describe(self, scenario: Scenario) -> str:
        """A short description for trainers: `cast 2/3 · needs 1/2 · stance dana 0.15`."""
        v = scenario.variants or Variants()
        parts = []
        if self.cast is not None:
            parts.append(f"cast {self.cast + 1}/{len(v.casts)}")
        if self.needs is not None:
            parts.append(f"needs {self.needs + 1}/{len(v.needs)}")
        parts.extend(f"stance {sid} {value:+.2f}" for sid, value in self.stances)
        return " · ".join(parts) if parts else "as written"


def varies(scenario: Scenario) -> bool:
    """True when the scenario declares any variant (even a single cast or need set)."""
    v = scenario.variants
    return v is not None and bool(v.casts or v.needs or v.stances)


def draw(scenario: Scenario, seed: int) -> Draw:
    """The variant `seed` draws: always the same for the same scenario and seed."""
    v = scenario.variants
    if v is None:
        return Draw(None, None)
    chosen = _DRAWN.get(scenario, seed)
    return chosen if chosen is not None else _DRAWN.put(scenario, seed, _draw(v, seed))


def _draw(v: Variants, seed: int) -> Draw:
    rng = random.Random(seed)
    cast = rng.randrange(len(v.casts)) if v.casts else None
    needs = rng.randrange(len(v.needs)) if v.needs else None
    # randrange(n) draws exactly as randint(0, n - 1) does, one call fewer
    stances = tuple((sid, values[rng.randrange(len(values))]) for sid, values in _steps(v))
    return Draw(cast, needs, stances)


def _steps(v: Variants) -> tuple[tuple[str, tuple[float, ...]], ...]:
    """Each listed stakeholder's possible starting stances: low, low + 0.05, … up to high."""
    known = _STEPS.get(v, None)
    if known is not None:
        return known
    table = []
    for sid, bounds in v.stances.items():
        low, high = sorted(bounds)
        steps = int(round((high - low) / STANCE_STEP + 1e-9))
        table.append((sid, tuple(round(min(high, low + STANCE_STEP * k), 2)
                                 for k in range(steps + 1))))
    return _STEPS.put(v, None, tuple(table))


def combinations(scenario: Scenario) -> list[Draw]:
    """Every cast × need set combination (starting stances as written), in a fixed order."""
    v = scenario.variants or Variants()
    casts: Iterable[int | None] = range(len(v.casts)) if v.casts else [None]
    needs: Iterable[int | None] = range(len(v.needs)) if v.needs else [None]
    return [Draw(c, n) for c, n in itertools.product(casts, needs)]


def seed_for(scenario: Scenario, combination: Draw, limit: int = 100_000) -> int | None:
    """The smallest seed whose draw has `combination`'s cast and need set (None if none below
    `limit`) — so a variant found by the analyser can be replayed with `--seed`."""
    for seed in range(limit):
        found = draw(scenario, seed)
        if found.cast == combination.cast and found.needs == combination.needs:
            return seed
    return None


def cast_names(scenario: Scenario) -> list[str]:
    """The casts a trainer can pick by name (`play --cast NAME`): each cast's `name`, else
    `cast-1`, `cast-2`… by its place in the file."""
    v = scenario.variants
    if v is None:
        return []
    return [cast.name or f"cast-{i + 1}" for i, cast in enumerate(v.casts)]


def seed_with_cast(scenario: Scenario, name: str, start: int = 0,
                   limit: int = 100_000) -> int | None:
    """The first seed from `start` on that draws the cast called `name` (None when there is no
    such cast) — so a class playing one cast still replays exactly from its seed."""
    names = cast_names(scenario)
    if name not in names:
        return None
    wanted = names.index(name)
    for seed in range(start, start + limit):
        if draw(scenario, seed).cast == wanted:
            return seed
    return None


def cast_name(scenario: Scenario, seed: int) -> str | None:
    """The name of the cast `seed` draws (None when the scenario has no casts)."""
    chosen = draw(scenario, seed).cast
    names = cast_names(scenario)
    return names[chosen] if chosen is not None and chosen < len(names) else None


def inactive_needs(scenario: Scenario, chosen: Draw) -> frozenset[str]:
    """The needs the draw switches off: named in some need set, but not in the drawn one."""
    v = scenario.variants
    if v is None or chosen.needs is None or not 0 <= chosen.needs < len(v.needs):
        return frozenset()
    named = {n for need_set in v.needs for n in need_set.active}
    return frozenset(named - set(v.needs[chosen.needs].active))


def apply(scenario: Scenario, chosen: Draw) -> Scenario:
    """The concrete scenario of a draw. Ids the scenario does not declare are ignored (the
    validator reports them), so this never fails on a scenario that loaded."""
    v = scenario.variants
    if v is None:
        return scenario
    cast = v.casts[chosen.cast] if chosen.cast is not None and chosen.cast < len(v.casts) else None
    need_set = (v.needs[chosen.needs]
                if chosen.needs is not None and chosen.needs < len(v.needs) else None)
    roles = cast.roles if cast is not None else {}
    stances = dict(chosen.stances)
    off = inactive_needs(scenario, chosen)
    people = {}
    for sid, person in scenario.stakeholders.items():
        update: dict[str, object] = {}
        if sid in roles and roles[sid] != person.role:
            update["role"] = roles[sid]
        if cast is not None and cast.needs_introduction is not None:
            gated = sid in cast.needs_introduction
            if gated != person.requires_introduction:
                update["requires_introduction"] = gated
        if sid in stances:
            update["stance"] = stances[sid]
        if off and any(n in off for n in person.cares_about):
            update["cares_about"] = [n for n in person.cares_about if n not in off]
        if off:
            conversation = _without_needs_in_conversation(person.conversation, off)
            if conversation is not person.conversation:
                update["conversation"] = conversation
        people[sid] = person.model_copy(update=update) if update else person
    events = scenario.events
    if off:
        events = {eid: (e.model_copy(update={"effects": fx})
                        if (fx := _without_needs(e.effects, off)) is not e.effects else e)
                  for eid, e in scenario.events.items()}
    drawn = Variants(casts=[cast] if cast is not None else [],
                     needs=[need_set] if need_set is not None else [])
    return scenario.model_copy(update={"stakeholders": people, "events": events,
                                       "variants": drawn})


def concrete(scenario: Scenario, seed: int) -> Scenario:
    """The scenario as `seed` plays it."""
    return apply(scenario, draw(scenario, seed)) if varies(scenario) else scenario


def start_flags(scenario: Scenario) -> list[str]:
    """Flags set when an attempt at a concrete scenario starts: those of its drawn cast and
    need set (empty when the scenario has no variants)."""
    v = scenario.variants
    if v is None:
        return []
    flags: list[str] = []
    for alternative in (*v.casts[:1], *v.needs[:1]):
        flags.extend(f for f in alternative.flags if f not in flags)
    return flags


class _Memo(Generic[T]):
    """Values worked out from an object and a key, the oldest forgotten past `size`. Each entry
    keeps its object alive, so the object's id is not reused while the entry is there."""

    def __init__(self, size: int = CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, Hashable], tuple[object, T]] = OrderedDict()

    def get(self, owner: object, key: Hashable) -> T | None:
        """The value kept for `owner` and `key`, or None."""
        hit = self._items.get((id(owner), key))
        return hit[1] if hit is not None and hit[0] is owner else None

    def put(self, owner: object, key: Hashable, value: T) -> T:
        """Keep `value` for `owner` and `key` (forgetting the oldest when full); returns it."""
        if len(self._items) >= self.size:
            self._items.popitem(last=False)
        self._items[(id(owner), key)] = (owner, value)
        return value

    def clear(self) -> None:
        """Forget everything."""
        self._items.clear()


_CACHE: _Memo[Runtime] = _Memo()        # runtimes, by scenario and draw
_DRAWN: _Memo[Draw] = _Memo()           # the last draws, by scenario and seed (a game, its report)
_STEPS: _Memo[tuple[tuple[str, tuple[float, ...]], ...]] = _Memo()  # stance grids, by variants


def runtime_for(base: Runtime | Scenario, seed: int) -> Runtime:
    """The runtime of the variant `seed` draws (`base` itself when the scenario has none).

    Runtimes are cached per scenario object and draw, so thousands of seeded games (the
    analyser's random play) share a few of them. Starting stances are no part of a runtime's
    derived data (game/runtime.py reads roles, influence links, needs and conversations), so
    draws that differ only in stances share the runtime of their cast × need set, with the
    scenario swapped — tests/test_variants.py checks the two agree.
    """
    scenario = base.scenario if isinstance(base, Runtime) else base
    if not varies(scenario):
        return base if isinstance(base, Runtime) else Runtime(scenario)
    chosen = draw(scenario, seed)
    runtime = _cached(scenario, chosen)
    if runtime is not None:
        return runtime
    cast_and_needs = Draw(chosen.cast, chosen.needs)
    shared = _cached(scenario, cast_and_needs)
    if shared is None:
        shared = _remember(scenario, cast_and_needs, Runtime(apply(scenario, cast_and_needs)))
    if not chosen.stances:
        return shared
    runtime = copy.copy(shared)
    runtime.scenario = _with_stances(shared.scenario, dict(chosen.stances))
    return _remember(scenario, chosen, runtime)


def _cached(scenario: Scenario, chosen: Draw) -> Runtime | None:
    return _CACHE.get(scenario, chosen)


def _remember(scenario: Scenario, chosen: Draw, runtime: Runtime) -> Runtime:
    return _CACHE.put(scenario, chosen, runtime)


def _with_stances(scenario: Scenario, stances: dict[str, float]) -> Scenario:
    people = {sid: p.model_copy(update={"stance": stances[sid]}) if sid in stances else p
              for sid, p in scenario.stakeholders.items()}
    return scenario.model_copy(update={"stakeholders": people})


def _without_needs(fx: Effects, off: frozenset[str]) -> Effects:
    if not any(n in off for n in fx.reveal_needs):
        return fx
    return fx.model_copy(update={"reveal_needs": [n for n in fx.reveal_needs if n not in off]})


def _without_needs_in_choice(choice: Choice, off: frozenset[str]) -> Choice:
    fx = _without_needs(choice.effects, off)
    return choice if fx is choice.effects else choice.model_copy(update={"effects": fx})


def _without_needs_in_conversation(conversation: Conversation,
                                   off: frozenset[str]) -> Conversation:
    """The conversation with `off` removed from every `reveal_needs` (itself if none)."""
    nodes = {}
    changed = False
    for nid, node in conversation.nodes.items():
        choices = [_without_needs_in_choice(c, off) for c in node.choices]
        if any(new is not old for new, old in zip(choices, node.choices)):
            changed = True
            node = node.model_copy(update={"choices": choices})
        nodes[nid] = node
    return conversation.model_copy(update={"nodes": nodes}) if changed else conversation
