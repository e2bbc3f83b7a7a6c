"""A loaded scenario prepared for play: lookups, the influence matrix and compiled conditions.

Built once per scenario and never changed; many attempts (and the analyser's thousands of
random playouts) share one `Runtime`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from game.schema import END, Choice, Condition, Effects, Event, Scenario
from game.state import PlayState
from game.values import Line, Option, Reason

Check = Callable[[PlayState, "str | None"], "Reason | None"]
# a node's options at an arrival: (options, how many are open), given the state and note_seen
NodeOptions = Callable[[PlayState, bool], "tuple[list[Option], int]"]
_NO_EFFECTS = Effects()


@dataclass(frozen=True)
class ChoiceSpec:
    """A choice as the engine uses it: its stable key, its node and its compiled condition."""

    key: str          # "stakeholder/node/index" — stable across plays, used in paths
    stakeholder: str
    node: str
    index: int
    choice: Choice
    check: Check | None
    valuable: bool    # reveals a need, counters correctly, or pitches: worth noting if missed
    once: bool        # said at most once per attempt (default: all but close attempts)
    option: Option    # the option as offered when it is open (it never changes)
    said: Option      # the option once said, when it can be said only once
    target: str | None  # the node after it (its own node when `next` is unset), None to end
    acts: bool        # it has effects to apply


@dataclass(frozen=True)
class NodePlan:
    """A node as the engine uses it: its line, whether it ends the meeting, its choices."""

    say: str | None
    end: bool
    specs: tuple[ChoiceSpec, ...]
    options: NodeOptions       # its options at an arrival (compile_node)
    line: Line | None          # its line as shown, None when it says nothing


@dataclass(frozen=True)
class EventPlan:
    """An event with its compiled condition."""

    id: str
    event: Event
    check: Check | None


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
        # the doubt an open objection pushes, each meeting, onto those its raiser influences
        self.objection_push: dict[str, tuple[tuple[str, float], ...]] = {
            oid: tuple((target, weight * objection.pressure) for target, weight
                       in people[objection.raised_by].influences.items() if target in people)
            for oid, objection in scenario.objections.items() if objection.raised_by in people}
        self.openness = np.array([people[sid].openness for sid in self.order])
        self.choices: dict[tuple[str, str], tuple[ChoiceSpec, ...]] = {}
        self.nodes: dict[tuple[str, str], NodePlan] = {}
        self.spec_by_key: dict[str, ChoiceSpec] = {}
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
                    key = f"{sid}/{nid}/{i}"
                    spec = ChoiceSpec(key, sid, nid, i, choice, compile_condition(choice.when),
                                      valuable, choice.said_once(),
                                      Option(key, choice.text, choice.tactic, True, None, sid),
                                      Option(key, choice.text, choice.tactic, False,
                                             ("already-said", {}), sid),
                                      self.next_node(choice, nid), fx != _NO_EFFECTS)
                    specs.append(spec)
                    self.spec_by_key[key] = spec
                self.choices[(sid, nid)] = tuple(specs)
                self.nodes[(sid, nid)] = NodePlan(
                    node.say, node.end, tuple(specs), compile_node(tuple(specs), sid),
                    Line("say", node.say, speaker=sid) if node.say else None)
        for event in scenario.events.values():
            revealable.update(event.effects.reveal_needs)
        self.discoverable = frozenset(n for n in revealable if n in scenario.needs)
        self.event_checks = {eid: compile_condition(e.when) for eid, e in scenario.events.items()}
        plans = [EventPlan(eid, e, self.event_checks[eid]) for eid, e in scenario.events.items()]
        # the events that may happen after meeting n: those bound to turn n, and the unbound
        self.events_after: dict[int, tuple[EventPlan, ...]] = {
            turn: tuple(p for p in plans if p.event.turn in (None, turn))
            for turn in range(1, scenario.turns + 1)}
        self.meet_options: dict[frozenset[str], tuple[Option, ...]] = {}  # memo, by who is met
        self.leave = {sid: Option("leave", "", "leave", True, None, sid) for sid in people}

    def influence_of(self, source: str, target: str) -> float:
        """How strongly `source` sways `target`, as authored (0 when no link)."""
        return self.scenario.stakeholders[source].influences.get(target, 0.0)

    def next_node(self, choice: Choice, current: str) -> str | None:
        """The node after `choice`: its `next`, the same node when none, None for `end`."""
        if choice.next is None:
            return current
        return None if choice.next == END else choice.next


def _tests(condition: Condition, who: str | None) -> list[tuple[str, Reason]]:
    """The condition's tests as (Python expression that is true when the test fails, reason),
    in the order their reasons are reported. `who` is the person being met when it is known
    when compiling (a node's stakeholder); otherwise the expressions read the argument `w`,
    and tests of the person's trust and stance hold when `w` is None (between meetings)."""
    c = condition
    tests: list[tuple[str, Reason]] = []

    def test(failing: str, code: str, params: dict[str, Any]) -> None:
        tests.append((failing, (code, params)))

    for n in c.needs_known:
        test(f"{n!r} not in s.needs_known", "need-known", {"need": n})
    for n in c.needs_unknown:
        test(f"{n!r} in s.needs_known", "need-unknown", {"need": n})
    for f in c.flags:
        test(f"{f!r} not in s.flags", "flag", {"flag": f})
    for f in c.not_flags:
        test(f"{f!r} in s.flags", "not-flag", {"flag": f})
    for p in c.met:
        test(f"{p!r} not in s.met", "met", {"who": p})
    for p in c.not_met:
        test(f"{p!r} in s.met", "not-met", {"who": p})
    for o in c.objections_open:
        test(f"s.objections.get({o!r}, _NONE).get('state') != 'open'", "objection-open",
             {"objection": o})
    for o in c.objections_resolved:
        test(f"s.objections.get({o!r}, _NONE).get('state') != 'resolved'",
             "objection-resolved", {"objection": o})
    for n in c.pitched:
        test(f"{n!r} not in s.pitched", "pitched", {"need": n})
    # trust and stance are the person being met's; between meetings (w is None) they hold
    person = "w is not None and s.{0}[w]" if who is None else f"s.{{0}}[{who!r}]"
    if c.trust_min is not None:
        test(f"{person.format('trust')} < {float(c.trust_min)!r}", "trust",
             {"min": c.trust_min})
    if c.stance_min is not None:
        test(f"{person.format('stance')} < {float(c.stance_min)!r}", "stance",
             {"min": c.stance_min})
    if c.interest_min is not None:
        test(f"s.interest < {int(c.interest_min)!r}", "interest", {"min": c.interest_min})
    if c.turn_min is not None:
        test(f"s.turn < {int(c.turn_min)!r}", "turn-min", {"turn": c.turn_min})
    if c.turn_max is not None:
        test(f"s.turn > {int(c.turn_max)!r}", "turn-max", {"turn": c.turn_max})
    return tests


def _compiled(source: str, namespace: dict[str, Any], name: str) -> Any:
    namespace["_NONE"] = {}
    exec(compile(source, f"<{name}>", "exec"), namespace)  # noqa: S102 - literals via repr
    return namespace[name]


def compile_condition(condition: Condition | None) -> Check | None:
    """A fast checker for `condition`: returns None when it holds, else the first reason.

    The tests are written out as one small Python function (ids are validated slugs and every
    literal goes through `repr`), so a check costs one call however many tests it holds.
    """
    if condition is None:
        return None
    tests = _tests(condition, None)
    if not tests:
        return None
    namespace: dict[str, Any] = {}
    lines = ["def check(s, w):"]
    for i, (failing, reason) in enumerate(tests):
        namespace[f"R{i}"] = reason
        lines.append(f"    if {failing}: return R{i}")
    lines.append("    return None")
    return _compiled("\n".join(lines) + "\n", namespace, "check")  # type: ignore[no-any-return]


def compile_node(specs: tuple[ChoiceSpec, ...], who: str) -> NodeOptions:
    """One function giving a node's options at an arrival, as `_node_options` in the engine
    describes: each choice open (its `option`), said already (its `said`), or closed with the
    first reason its condition fails; and how many are open. With `note_seen`, the valuable
    open ones not yet noted are remembered in `state.seen` with the turn (for the debrief).

    Written out as one Python function per node — the conditions inline, the closed options
    made once here — since this runs at every arrival at a node, the engine's busiest step.
    """
    namespace: dict[str, Any] = {}
    lines = ["def options(s, note_seen):", "    out = []", "    append = out.append",
             "    n = 0"]
    for i, spec in enumerate(specs):
        branches: list[tuple[str, str]] = []
        if spec.once:
            namespace[f"SAID{i}"] = spec.said
            branches.append((f"{spec.key!r} in s.taken", f"SAID{i}"))
        when = spec.choice.when
        for j, (failing, reason) in enumerate(_tests(when, who) if when is not None else []):
            namespace[f"SHUT{i}_{j}"] = spec.option._replace(available=False, reason=reason)
            branches.append((failing, f"SHUT{i}_{j}"))
        namespace[f"OPEN{i}"] = spec.option
        body = ["n += 1"]
        if spec.valuable:
            body.append(f"if note_seen and {spec.key!r} not in s.seen: "
                        f"s.seen[{spec.key!r}] = s.turn")
        body.append(f"append(OPEN{i})")
        if not branches:
            lines.extend("    " + b for b in body)
            continue
        for k, (failing, name) in enumerate(branches):
            lines.append(f"    {'elif' if k else 'if'} {failing}: append({name})")
        lines.append("    else:")
        lines.extend("        " + b for b in body)
    lines.append("    return out, n")
    return _compiled("\n".join(lines) + "\n", namespace, "options")  # type: ignore[no-any-return]
