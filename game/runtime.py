"""A loaded scenario prepared for play: lookups, the influence matrix and compiled conditions.

Built once per scenario and never changed; many attempts (and the analyser's thousands of
random playouts) share one `Runtime`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.schema import END, Choice, Condition, Scenario
from game.state import PlayState

# A failed condition gives a reason: a code and its parameters (front ends word it).
Reason = tuple[str, dict[str, Any]]
Check = Callable[[PlayState, "str | None"], "Reason | None"]


@dataclass(frozen=True)
class ChoiceSpec:
    """A choice as the engine uses it: its stable key, its node and its compiled condition."""

    key: str          # "stakeholder/node/index" — stable across plays, used in paths
    stakeholder: str
    node: str
    index: int
    choice: Choice
    check: Check | None
    valuable: bool
    once: bool        # said at most once per attempt (default: all but close attempts)    # reveals a need, counters correctly, or pitches: worth noting if missed


class Runtime:
    """Read-only play data derived from a `Scenario`."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.order: tuple[str, ...] = tuple(scenario.stakeholders)
        self.index = {sid: i for i, sid in enumerate(self.order)}
        people = scenario.stakeholders
        roles = {sid: p.role for sid, p in people.items()}
        self.decision_maker: str | None = next(
            (sid for sid, role in roles.items() if role == "decision_maker"), None)
        self.saboteurs = tuple(sid for sid, role in roles.items() if role == "saboteur")
        self.influencers = tuple(sid for sid, role in roles.items() if role == "influencer")
        self.holders: dict[str, frozenset[str]] = {
            need: frozenset(sid for sid, p in people.items() if need in p.cares_about)
            for need in scenario.needs}
        n = len(self.order)
        weights = np.zeros((n, n))
        for sid, person in people.items():
            for target, weight in person.influences.items():
                if target in self.index and target != sid:
                    weights[self.index[target], self.index[sid]] = weight
        # Friedkin–Johnsen: row i mixes person i's own view with those who influence i.
        for i in range(n):
            total = weights[i].sum()
            if total > 1.0:
                weights[i] /= total
                total = 1.0
            weights[i, i] = 1.0 - total
        self.influence = weights
        # The per-meeting step walks the matrix's non-zero entries: for a buying centre of a
        # dozen people that is several times faster than a numpy call per step (bench/).
        self.influence_rows: tuple[tuple[str, float, tuple[tuple[str, float], ...]], ...] = tuple(
            (sid, float(people[sid].openness),
             tuple((self.order[j], float(w)) for j, w in enumerate(weights[i]) if w))
            for i, sid in enumerate(self.order))
        self.openness = np.array([people[sid].openness for sid in self.order])
        self.choices: dict[tuple[str, str], tuple[ChoiceSpec, ...]] = {}
        revealable: set[str] = set()
        for sid, person in people.items():
            for nid, node in person.conversation.nodes.items():
                specs = []
                for i, choice in enumerate(node.choices):
                    fx = choice.effects
                    revealable.update(fx.reveal_needs)
                    valuable = bool(fx.reveal_needs or fx.pitch or (
                        fx.counter is not None and fx.counter.objection in scenario.objections
                        and fx.counter.using in scenario.objections[fx.counter.objection].counters))
                    specs.append(ChoiceSpec(f"{sid}/{nid}/{i}", sid, nid, i, choice,
                                            compile_condition(choice.when), valuable,
                                            choice.said_once()))
                self.choices[(sid, nid)] = tuple(specs)
        for event in scenario.events.values():
            revealable.update(event.effects.reveal_needs)
        self.discoverable = frozenset(n for n in revealable if n in scenario.needs)
        self.event_checks = {eid: compile_condition(e.when) for eid, e in scenario.events.items()}

    def influence_of(self, source: str, target: str) -> float:
        """How strongly `source` sways `target`, as authored (0 when no link)."""
        return self.scenario.stakeholders[source].influences.get(target, 0.0)

    def next_node(self, choice: Choice, current: str) -> str | None:
        """The node after `choice`: its `next`, the same node when none, None for `end`."""
        if choice.next is None:
            return current
        return None if choice.next == END else choice.next


def compile_condition(condition: Condition | None) -> Check | None:
    """A fast checker for `condition`: returns None when it holds, else the first reason."""
    if condition is None:
        return None
    tests: list[Check] = []
    c = condition

    def need(ids: list[str], known: bool) -> None:
        for nid in ids:
            tests.append(lambda s, _w, n=nid: None if (n in s.needs_known) == known
                         else ("need-known" if known else "need-unknown", {"need": n}))

    need(c.needs_known, True)
    need(c.needs_unknown, False)
    for flag in c.flags:
        tests.append(lambda s, _w, f=flag: None if f in s.flags else ("flag", {"flag": f}))
    for flag in c.not_flags:
        tests.append(lambda s, _w, f=flag: ("not-flag", {"flag": f}) if f in s.flags else None)
    for sid in c.met:
        tests.append(lambda s, _w, p=sid: None if p in s.met else ("met", {"who": p}))
    for sid in c.not_met:
        tests.append(lambda s, _w, p=sid: ("not-met", {"who": p}) if p in s.met else None)
    for oid in c.objections_open:
        tests.append(lambda s, _w, o=oid: None if s.objections.get(o, {}).get("state") == "open"
                     else ("objection-open", {"objection": o}))
    for oid in c.objections_resolved:
        tests.append(lambda s, _w, o=oid: None
                     if s.objections.get(o, {}).get("state") == "resolved"
                     else ("objection-resolved", {"objection": o}))
    for nid in c.pitched:
        tests.append(lambda s, _w, n=nid: None if n in s.pitched else ("pitched", {"need": n}))
    if c.trust_min is not None:
        tests.append(lambda s, w, v=c.trust_min: None if w is None or s.trust[w] >= v
                     else ("trust", {"min": v}))
    if c.stance_min is not None:
        tests.append(lambda s, w, v=c.stance_min: None if w is None or s.stance[w] >= v
                     else ("stance", {"min": v}))
    if c.interest_min is not None:
        tests.append(lambda s, _w, v=c.interest_min: None if s.interest >= v
                     else ("interest", {"min": v}))
    if c.turn_min is not None:
        tests.append(lambda s, _w, v=c.turn_min: None if s.turn >= v else ("turn-min", {"turn": v}))
    if c.turn_max is not None:
        tests.append(lambda s, _w, v=c.turn_max: None if s.turn <= v else ("turn-max", {"turn": v}))
    if not tests:
        return None
    if len(tests) == 1:
        return tests[0]

    def check_all(state: PlayState, who: str | None) -> Reason | None:
        for test in tests:
            reason = test(state, who)
            if reason is not None:
                return reason
        return None

    return check_all
