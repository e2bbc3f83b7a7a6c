"""A loaded scenario prepared for play: lookups, the influence matrix and compiled conditions.

Built once per scenario and never changed; many attempts (and the analyser's thousands of
random playouts) share one `Runtime`.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.codegen import Check, NodeOptions, compile_condition, compile_influence, compile_node
from game.schema import CHECKLIST, END, Choice, Effects, Event, Scenario
from game.values import Line, Option

# the tactic a walk-away choice's option shows (whatever its own tactic): front ends and the
# analyser's players tell the polite exit by it, as a trainee tells it by its words
WALK_AWAY = "walk_away"


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
    option: Option    # the option as offered when it is open (tactic `walk_away` for a choice
                      # that walks away); it never changes
    said: Option      # the option once said, when it can be said only once
    target: str | None  # the node after it (its own node when `next` is unset), None to end
    parts: tuple[str, ...]  # the kinds of effect it has, in the order they apply
    words: Line       # the trainee's words as shown
    reply: Line | None  # the stakeholder's reply as shown, None when there is none
    option_id: str | int  # how the path names it: the choice's id, else its index in the node
    severity: str | None  # minor / major / critical for an author-marked mistake, else None
    competency: str       # the competency an author-marked mistake costs (by its tactic)
    draws: tuple[str, ...] = ()  # format 1.3: saboteurs' objections it raises (offered: counted)


@dataclass(frozen=True)
class NodePlan:
    """A node as the engine uses it: its line, whether it ends the meeting, its choices."""

    who: str                   # the stakeholder whose conversation it is in
    node: str                  # its id
    say: str | None
    end: bool
    specs: tuple[ChoiceSpec, ...]
    options: NodeOptions       # its options at an arrival (compile_node)
    line: Line | None          # its line as shown, None when it says nothing
    again: Line | None = None  # its `say_again`, said instead in a later meeting (format 1.1)


@dataclass(frozen=True)
class EventPlan:
    """An event with its compiled condition."""

    id: str
    event: Event
    check: Check | None
    once: bool
    parts: tuple[str, ...]  # the kinds of effect it has (effect_parts)


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
        # format 1.3: interest builds a level a meeting at most; an objection never raised by
        # someone met does not count against the trainee
        self.builds_interest = scenario.format >= 1.3
        self.influencers = tuple(sid for sid, role in roles.items() if role == "influencer")
        self.holders: dict[str, frozenset[str]] = {
            need: frozenset(sid for sid, p in people.items() if need in p.cares_about)
            for need in scenario.needs}
        n = len(self.order)
        import numpy as np  # here, not at the top: `validate` imports this module, not numpy

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
        self.influence_step = compile_influence(self.influence_rows)
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
        def draws(fx: Effects) -> tuple[str, ...]:
            # format 1.3: an objection a choice could draw out counts once offered (rules)
            if not self.builds_interest:
                return ()
            return tuple(o for o in fx.raise_objections if o in scenario.objections
                         and people[scenario.objections[o].raised_by].role == "saboteur")

        for sid, person in people.items():
            for nid, node in person.conversation.nodes.items():
                specs = []
                for i, choice in enumerate(node.choices):
                    fx = choice.effects
                    revealable.update(fx.reveal_needs)
                    counter = fx.counter
                    works = counter is not None and counter.objection in scenario.objections \
                        and counter.using in scenario.objections[counter.objection].counters
                    valuable = bool(fx.reveal_needs or fx.pitch or works or fx.learn
                                    or fx.walk_away)
                    key = f"{sid}/{nid}/{i}"
                    shown = WALK_AWAY if fx.walk_away else choice.tactic
                    spec = ChoiceSpec(key, sid, nid, i, choice, compile_condition(choice.when),
                                      valuable, choice.said_once(),
                                      Option(key, choice.text, shown, True, None, sid),
                                      Option(key, choice.text, shown, False,
                                             ("already-said", {}), sid),
                                      self.next_node(choice, nid), effect_parts(fx),
                                      Line("you", choice.text),
                                      Line("say", choice.reply, speaker=sid) if choice.reply
                                      else None, choice.id or i,
                                      choice.mistake_severity(), competency_of(choice.tactic),
                                      draws(fx))
                    specs.append(spec)
                    self.spec_by_key[key] = spec
                self.choices[(sid, nid)] = tuple(specs)
                self.nodes[(sid, nid)] = NodePlan(
                    sid, nid, node.say, node.end, tuple(specs), compile_node(tuple(specs), sid),
                    Line("say", node.say, speaker=sid) if node.say else None,
                    Line("say", node.say_again, speaker=sid) if node.say_again else None)
        # where each choice leads (None: the meeting ends) and where each conversation starts; a
        # `next` naming no node (only in a scenario loaded without lint) is left out
        self.next_plan: dict[str, NodePlan | None] = {
            key: None if spec.target is None else self.nodes[(spec.stakeholder, spec.target)]
            for key, spec in self.spec_by_key.items()
            if spec.target is None or (spec.stakeholder, spec.target) in self.nodes}
        self.first_plan: dict[str, NodePlan] = {
            sid: self.nodes[(sid, p.conversation.start)] for sid, p in people.items()
            if (sid, p.conversation.start) in self.nodes}
        for event in scenario.events.values():
            revealable.update(event.effects.reveal_needs)
        self.discoverable = frozenset(n for n in revealable if n in scenario.needs)
        self.event_checks = {eid: compile_condition(e.when) for eid, e in scenario.events.items()}
        plans = [EventPlan(eid, e, self.event_checks[eid], e.once, effect_parts(e.effects))
                 for eid, e in scenario.events.items()]
        # the events that may happen after meeting n: those bound to turn n, and the unbound
        self.events_after: dict[int, tuple[EventPlan, ...]] = {
            turn: tuple(p for p in plans if p.event.turn in (None, turn))
            for turn in range(1, scenario.turns + 1)}
        # format 1.2: the qualification items the close requires besides need, interest and
        # authority; whether walking away is right (None: always, when `disqualify` is
        # declared) and what it must come after
        self.items: tuple[str, ...] = (scenario.qualification.declared()
                                       if scenario.qualification is not None else ())
        self.checklist_items: tuple[str, ...] = CHECKLIST + self.items
        disqualify = scenario.disqualify
        self.disqualify_check: Check | None = (compile_condition(disqualify.when)
                                               if disqualify is not None else None)
        self.disqualify_after: tuple[str, ...] = (tuple(dict.fromkeys(disqualify.after))
                                                  if disqualify is not None else ())
        # the reasons walking away can be right, each with its compiled `when` (None: it
        # holds whenever walking away is right); empty when walking away needs no reason
        self.disqualify_reasons: dict[str, Check | None] = (
            {rid: compile_condition(reason.when) for rid, reason in disqualify.reasons.items()}
            if disqualify is not None else {})
        self.champion: str | None = champion_of(scenario)
        self.meet_options: dict[frozenset[str], tuple[Option, ...]] = {}  # memo, by who is met
        self.leave = {sid: Option("leave", "", "leave", True, None, sid) for sid in people}
        # memo of the engine's starting values, with the scenario they were read from (a
        # variant's runtime may be a copy of this one with another scenario: game/variants.py)
        self.start: tuple[Scenario, dict[str, float], dict[str, float], frozenset[str],
                          tuple[str, ...]] | None = None

    def influence_of(self, source: str, target: str) -> float:
        """How strongly `source` sways `target`, as authored (0 when no link)."""
        return self.scenario.stakeholders[source].influences.get(target, 0.0)

    def next_node(self, choice: Choice, current: str) -> str | None:
        """The node after `choice`: its `next`, the same node when none, None for `end`."""
        if choice.next is None:
            return current
        return None if choice.next == END else choice.next


def champion_of(scenario: Scenario) -> str | None:
    """Who backs the rival (format 1.2): the drawn cast's own `champion` — a concrete variant
    keeps only the cast it drew (game/variants.py) — else `qualification.competitor.champion`;
    None when the scenario names nobody."""
    v = scenario.variants
    if v is not None and len(v.casts) == 1 and v.casts[0].champion is not None:
        return v.casts[0].champion
    qualification = scenario.qualification
    competitor = qualification.competitor if qualification is not None else None
    return competitor.champion if competitor is not None else None


def walk_away_reason(fx: Effects) -> str | None:
    """The reason a walk-away choice gives (`walk_away: no_budget`), None for `walk_away:
    true` (or a choice that does not walk away)."""
    return fx.walk_away if isinstance(fx.walk_away, str) else None


# the competency each tactic exercises: where an author-marked mistake of that tactic costs
TACTIC_COMPETENCY: dict[str, str] = {
    "discovery": "discovery", "authority": "qualification", "introduction": "qualification",
    "pitch": "value_pitch", "counter": "saboteurs", "close": "closing",
    "referral": "relationship", "small_talk": "relationship",
}


def competency_of(tactic: str) -> str:
    """The competency a choice of `tactic` belongs to (docs/authoring.md, "What mistakes cost")."""
    return TACTIC_COMPETENCY.get(tactic, "relationship")


def effect_parts(fx: Effects) -> tuple[str, ...]:
    """The kinds of change `fx` makes, in the order they apply (its fields that have a value;
    game/effects.py has one function per kind)."""
    return tuple(name for name in type(fx).model_fields if getattr(fx, name))
