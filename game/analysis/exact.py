"""Exact par: a depth-first branch and bound over the game's real rules.

`find_par` (game/analysis/par.py) first finds a good path quickly; this search then proves it is
the best — or finds a better one — by walking every sequence of options depth first and cutting
every position that cannot beat the best score found so far:

- **Bounds** (`Bound.upper`): the best total a position could still reach, competency by
  competency, counting only what the unsaid choices and the events still to come can add — a
  need counts only while a choice or event that reveals it is unused, an objection only while a
  working counter is unsaid, a person's trust only up to what their unsaid choices can add, the
  close no earlier than the decision-maker can be met. Then plans (`Bound.coupled`): who is met
  until the deal ends and how it ends (a close at turn t, walking away, not won), each scored as
  `scoring` scores — an item counts only in plans meeting someone who can bring what it waits
  for; a close only when those met can make the rule hold (needs, interest, authority, the
  format-1.2 items, no blocking objection left open, a close choice offered — a bake-off's flag
  waits for its event) and, in format 1.3, not before the meeting numbered `close.interest`;
  walking away only when someone met can, after establishing what it rests on; spare meetings
  only for people who can be introduced by then; a role tag only when something about the
  person can still be seen (meeting them, a clue, an objection of theirs); what an event at a
  fixed turn brings only in a deal that goes on past that turn's meeting; and when walking away
  or the close needs someone not met yet, the trust average counts one of them. A won plan
  meeting each person once, the signer last, is also scored order by order (what only the
  signer brings serves nobody before the close; introductions respected). Every count is
  optimistic, so a position whose bound does not beat the best cannot lead to a better attempt
  (the tests check the search against brute force on random small deals of every format).
- **Transpositions**: a position reached twice (the same choices in another order) is searched
  once; `forking.state_key` names positions by everything that decides what happens next.
- **Dominance**: among positions equal in everything else, one whose stances, trust and interest
  are all at most another's and whose penalties are all at least its is never better — every
  condition and rule of the game is monotone in those (`min` tests, the close's bars, averages of
  trust), so it is skipped.
- **Good moves first**: the known best path is tried first, then options the author marked good,
  then the rest, leaving and mistakes last.

The search stops after `budget` positions; it is then not exact, and what it found stays a score
some path reaches ("best found so far").
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from game import rules, variants
from game.analysis.forking import fork, split_key
from game.engine import Game
from game.runtime import Runtime
from game.schema import INTEREST_MAX
from game.scoring import PENALTY, WRONG_SABOTEUR, importance, score, wrong_tags
from game.state import PlayState

DEFAULT_NODES = 400_000   # positions the exact search may visit before it gives up
FIRST = "\0"  # in an order of meetings, FIRST + id: a first meeting with someone met again later


def _first_of(entry: str) -> str | None:
    """Whom a FIRST entry of an order of meetings is the first meeting with (None: not one)."""
    return entry[1:] if entry.startswith(FIRST) else None
COUPLED = ("discovery", "value_pitch", "saboteurs", "qualification")  # earned item by item
EPS = 2e-9  # bounds are summed in another order than the score (which nudges its sums by 1e-9
# before rounding, `scoring.tenths`): never round below it

Path = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Source:
    """Something that can still change the state in a given way: a choice (by key) or an event
    (by id), whether it is spent once used, and the stakeholder whose meeting it needs."""

    kind: str          # "choice", "event", or "meet" (the meeting itself: a role tag's evidence)
    id: str
    once: bool
    who: str | None    # None for events


class Bound:
    """Upper bounds on the total a position can still reach (see the module docstring)."""

    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        scenario = rt.scenario
        self.turns = scenario.turns
        self.bring_memo: dict[tuple[str, str], Any] = {}  # `_bringers`, for one position
        reveal: dict[str, list[_Source]] = {}
        pitch: dict[str, list[_Source]] = {}
        counter: dict[str, list[_Source]] = {}
        gain: dict[str, list[tuple[_Source, float]]] = {sid: [] for sid in scenario.stakeholders}
        lift: dict[str, list[tuple[_Source, float]]] = {sid: [] for sid in scenario.stakeholders}
        interest: list[tuple[_Source, int]] = []
        authority: list[_Source] = []
        raise_: dict[str, list[_Source]] = {}
        setters: dict[str, list[_Source]] = {}
        introducers: dict[str, list[_Source]] = {}
        objections = scenario.objections
        # what lets a role tag score (`rules.has_evidence`): meeting the person, a clue about
        # them, or an objection of theirs raised by someone else or an event
        evidence: dict[str, list[_Source]] = {
            sid: [_Source("meet", f"meet:{sid}", False, sid)] for sid in scenario.stakeholders}

        def note(source: _Source, fx: Any, who: str | None) -> None:
            for o in fx.raise_objections:
                raise_.setdefault(o, []).append(source)
                raiser = objections[o].raised_by if o in objections else None
                if raiser in evidence and raiser != who:
                    evidence[raiser].append(source)
            for f in fx.set_flags:
                setters.setdefault(f, []).append(source)
            for sid in fx.introduce:
                introducers.setdefault(sid, []).append(source)
            for need in fx.reveal_needs:
                reveal.setdefault(need, []).append(source)
            for need in fx.pitch:
                if who is not None and who in rt.holders.get(need, ()):
                    pitch.setdefault(need, []).append(source)
            if fx.counter is not None and fx.counter.objection in objections and \
                    fx.counter.using in objections[fx.counter.objection].counters:
                counter.setdefault(fx.counter.objection, []).append(source)
            if who is not None and fx.trust and fx.trust > 0:
                gain[who].append((source, fx.trust))
            for sid, delta in fx.trust_of.items():
                if delta > 0 and sid in gain:
                    gain[sid].append((source, delta))
            if who is not None and fx.stance and fx.stance > 0:
                lift[who].append((source, fx.stance))
            for sid, delta in fx.stance_of.items():
                if delta > 0 and sid in lift:
                    lift[sid].append((source, delta))
            if fx.interest and fx.interest > 0:
                interest.append((source, fx.interest))
            for hint in fx.role_hints:
                if hint.about == rt.decision_maker and not hint.vague:
                    authority.append(source)
                if hint.about in evidence and hint.about != who:
                    evidence[hint.about].append(source)

        for key, spec in rt.spec_by_key.items():
            if spec.severity == "critical":
                continue  # par never takes a critical mistake
            note(_Source("choice", key, spec.once, spec.stakeholder), spec.choice.effects,
                 spec.stakeholder)
        for eid, event in scenario.events.items():
            note(_Source("event", eid, event.once, None), event.effects, None)
        self.reveal = {k: tuple(v) for k, v in reveal.items()}
        self.pitch = {k: tuple(v) for k, v in pitch.items()}
        self.counter = {k: tuple(v) for k, v in counter.items()}
        self.gain = {k: tuple(v) for k, v in gain.items()}
        self.lift = {k: tuple(v) for k, v in lift.items()}
        self.interest = tuple(interest)
        self.authority = tuple(authority)
        self.introducers = {sid: tuple(v) for sid, v in introducers.items()}
        self.evidence = {sid: tuple(v) for sid, v in evidence.items()}
        # what saying each author-marked mistake costs: (competency, share)
        self.marked_cost = {key: (spec.competency, rules.SEVERITY_COST[spec.severity])
                            for key, spec in rt.spec_by_key.items() if spec.severity is not None}
        # who can bring about each fact a condition asks for (`_needs`)
        self.producers: dict[tuple[str, str], tuple[_Source, ...]] = {}
        for n, sources in reveal.items():
            self.producers[("need", n)] = tuple(sources)
        for o, sources in raise_.items():
            self.producers[("open", o)] = self.producers[("heard", o)] = tuple(sources)
        for o, sources in counter.items():
            self.producers[("resolved", o)] = tuple(sources)
        for f, sources in setters.items():
            self.producers[("flag", f)] = tuple(sources)
        for n in scenario.needs:  # a need is pitched (landed) by a pitch to one of its holders
            self.producers[("pitched", n)] = tuple(pitch.get(n, ()))
        # who sways the decision-maker, directly or through others: only their stances can
        # move the decision-maker's between meetings
        people = scenario.stakeholders
        dm = rt.decision_maker
        sway: set[str] = set()
        if dm is not None:
            todo = [dm]
            sway.add(dm)
            while todo:
                target = todo.pop()
                for sid, person in people.items():
                    if sid not in sway and person.influences.get(target, 0) > 0:
                        sway.add(sid)
                        todo.append(sid)
        self.sway = frozenset(sway)
        self.sway_rows = tuple((sid, open_to, tuple(other for other, _ in row))
                               for sid, open_to, row in rt.influence_rows if sid in sway)
        self.held = {sid: tuple(n for n in scenario.needs if sid in rt.holders[n])
                     for sid in people}
        self.raised = {sid: tuple(o for o, obj in objections.items() if obj.raised_by == sid)
                       for sid in people}
        # for `_gain`: the needs `sid` holds with the ids of the choices pitching them to `sid`
        self.pitch_ids = {sid: tuple((n, ids) for n in self.held[sid] if (ids := frozenset(
            src.id for src in self.pitch.get(n, ()) if src.who == sid))) for sid in people}
        self.blocking = tuple(
            o for o, obj in objections.items() if dm is not None and obj.raised_by in people
            and (obj.raised_by == dm or rt.influence_of(obj.raised_by, dm)
                 >= scenario.close.block_influence))
        self.pitchable = tuple(n for n, holders in rt.holders.items() if holders)
        self.pitch_weight = importance(rt, self.pitchable)
        kinds = {scenario.needs[n].benefit for n in self.pitchable}
        self.savings = frozenset({"front_end_savings", "back_end_savings"} & kinds)
        self.back_end = tuple(n for n, need in scenario.needs.items()
                              if need.benefit == "back_end_savings")
        self.sabotage = tuple(o for o, obj in objections.items()
                              if obj.raised_by in rt.saboteurs)
        # format 1.3: objections a meeting with their raiser offers at once (counted from then
        # on): a choice at the start of their conversation that raises it, open always or
        # while flags hold that nothing sets or clears (a cast's) — with those flags
        every = (*(spec.choice.effects for spec in rt.spec_by_key.values()),
                 *(event.effects for event in scenario.events.values()))
        changed = {f for fx in every for f in (*fx.set_flags, *fx.clear_flags)}
        drawn: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        for sid in rt.saboteurs:
            for spec in rt.first_plan[sid].specs:
                when = spec.choice.when
                if not spec.draws or spec.choice.effects.counter is not None:
                    continue
                if when is None:
                    guard = (frozenset(), frozenset())
                elif set(when.model_dump(exclude_defaults=True)) <= {"flags", "not_flags"} and \
                        not changed & {*when.flags, *when.not_flags}:
                    guard = (frozenset(when.flags), frozenset(when.not_flags))
                else:
                    continue
                for o in spec.draws:
                    drawn.setdefault(o, []).append(guard)
        self.drawn_on_meeting = {o: tuple(guards) for o, guards in drawn.items()}
        self.discovery_weight = importance(rt, rt.discoverable)
        weights = scenario.scoring.weights
        self.weights = {name: float(getattr(weights, name)) for name in (
            "discovery", "qualification", "saboteurs", "value_pitch", "closing", "relationship")}
        self.competing: dict[str, bool] = {}  # `_competes`, worked out once

        self._conditions()
        # format 1.2: where walking away can be the right call in this variant (its conditions
        # can hold with the flags this cast can ever have), it scores like a close
        rule = getattr(scenario, "disqualify", None)
        self.walking = rule is not None and self._may_hold(rule.when) and (
            not rule.reasons or any(self._may_hold(r.when) for r in rule.reasons.values()))
        # …and where it is right for the whole attempt (it rests on the cast's flags alone,
        # which nothing sets or clears), no close can ever win
        every = (*(spec.choice.effects for spec in rt.spec_by_key.values()),
                 *(event.effects for event in scenario.events.values()))
        moved = {f for fx in every for f in (*fx.set_flags, *fx.clear_flags)}
        cast = set(variants.start_flags(scenario))

        def settled(when: Any) -> bool:
            if when is None:
                return True
            asks = when.model_dump(exclude_defaults=True)
            return set(asks) <= {"flags", "not_flags"} and not moved & {
                *when.flags, *when.not_flags} and set(when.flags) <= cast \
                and not cast & set(when.not_flags)

        self.never_won = self.walking and settled(rule.when) and (
            not rule.reasons or any(settled(r.when) for r in rule.reasons.values()))
        # who can walk away (a choice that does), and who can establish each item walking
        # away rightly asks for first
        self.walkers = tuple(_Source("choice", key, spec.once, spec.stakeholder)
                             for key, spec in rt.spec_by_key.items()
                             if spec.choice.effects.walk_away and spec.severity != "critical")
        learners: dict[str, list[_Source]] = {}
        for key, spec in rt.spec_by_key.items():
            for item in spec.choice.effects.learn:
                learners.setdefault(item, []).append(
                    _Source("choice", key, spec.once, spec.stakeholder))
        for eid, event in scenario.events.items():
            for item in event.effects.learn:
                learners.setdefault(item, []).append(_Source("event", eid, event.once, None))
        self.learners = {item: tuple(v) for item, v in learners.items()}
        self._items()
        self._prerequisites()
        self._pending()

    def _conditions(self) -> None:
        """What can ever happen in this variant, for ruling out choices and events whose
        condition can no longer hold: the flags that can ever be set (the cast's, and those
        set by a choice or event that can itself happen — found by growing from the start),
        the needs that can be revealed or pitched, the objections that can be raised."""
        from game import variants

        rt = self.rt
        scenario = rt.scenario
        start = frozenset(variants.start_flags(scenario))
        specs = {key: spec for key, spec in rt.spec_by_key.items() if spec.severity != "critical"}
        whens: dict[str, Any] = {key: spec.choice.when for key, spec in specs.items()}
        effects: dict[str, Any] = {key: spec.choice.effects for key, spec in specs.items()}
        for eid, event in scenario.events.items():
            whens[f"event:{eid}"] = event.when
            effects[f"event:{eid}"] = event.effects
        cleared = frozenset(f for fx in effects.values() for f in fx.clear_flags)
        flags = set(start)
        possible: set[str] = set()
        grew = True
        while grew:
            grew = False
            for key, when in whens.items():
                if key in possible:
                    continue
                if when is not None and (
                        any(f not in flags for f in when.flags)
                        or any(f in start and f not in cleared for f in when.not_flags)):
                    continue
                possible.add(key)
                grew = True
                flags.update(effects[key].set_flags)
        self.ever_flags = frozenset(flags)
        self.cleared = cleared
        live = [effects[k] for k in possible]
        self.ever_raised = frozenset(o for fx in live for o in fx.raise_objections)
        self.ever_revealed = frozenset(n for fx in live for n in fx.reveal_needs)
        self.ever_pitched = frozenset(n for fx in live for n in fx.pitch)
        # the conditions worth checking position by position, by source id
        self.guards: dict[str, tuple[Any, str | None]] = {}
        self.never: set[str] = set()
        for key, when in whens.items():
            source_id = key[6:] if key.startswith("event:") else key
            if key not in possible:
                self.never.add(source_id)
            elif when is not None:
                who = specs[key].stakeholder if key in specs else None
                self.guards[source_id] = (when, who)
        self.event_turn = {eid: e.turn for eid, e in scenario.events.items()}
        # how `_bringers` names an event at the end of a meeting: "@turn"
        self.clocks = frozenset(f"@{at}" for at in self.event_turn.values() if at is not None)
        self.dead: set[str] = set(self.never)
        # the flags each close choice of the decision-maker asks for (`_close_offered`)
        dm = rt.decision_maker
        self.close_flags = tuple(
            frozenset(spec.choice.when.flags if spec.choice.when is not None else ())
            for spec in rt.spec_by_key.values()
            if spec.stakeholder == dm and spec.choice.tactic == "close"
            and spec.severity != "critical")
        self.closed: set[str] = set(self.never)  # ruled out or spent, in the current position
        # `trust_top` and `_gain` by (person, people), for the current position once its
        # sources are ruled out (None while they are)
        self.tops: dict[tuple[str, frozenset[str] | None], float] | None = None
        self.gains: dict[tuple[str, frozenset[str] | None], float] | None = None
        self.once_choices = frozenset(key for key, spec in specs.items() if spec.once)
        self.once_events = frozenset(eid for eid, e in scenario.events.items() if e.once)
        # each guard as `_ruled_out` tests it: only what can rule its source out for good
        # (a flag, need, pitch or objection that can come some day never does), and only
        # guards that can ever be ruled out, in the guards' order
        self.checks = []
        for source_id, (when, who) in self.guards.items():
            check = (source_id, when.turn_max,
                     frozenset(f for f in when.flags if f not in self.ever_flags),
                     frozenset(f for f in when.not_flags if f not in cleared),
                     frozenset(n for n in when.needs_known if n not in self.ever_revealed),
                     frozenset(when.needs_unknown), frozenset(when.not_met),
                     tuple(n for n in when.pitched if n not in self.ever_pitched),
                     tuple(when.objections_open),
                     tuple(o for o in when.objections_resolved if o not in self.ever_raised),
                     when.trust_min if who is not None else None, who)
            if check[1] is not None or any(check[2:10]) or check[10] is not None:
                self.checks.append(check)

    def _prerequisites(self) -> None:
        """For each choice and item it earns, the facts it needs first: what its condition
        asks for (needs known, objections open or answered, flags, pitches, people met), a
        pitch's need known (a pitch lands only once its need is discovered) and a counter's
        objection raised. `coupled` counts the choice only in plans that meet someone who can
        bring each fact about (or where it holds already)."""
        needs = self.rt.scenario.needs
        self.needs_first: dict[tuple[str, int | str], tuple[tuple[str, str], ...]] = {}
        for key, spec in self.rt.spec_by_key.items():  # what each choice waits for
            guard = self.guards.get(key)
            counter = spec.choice.effects.counter
            facts: list[tuple[str, str]] = []
            if guard is not None:
                when = guard[0]
                facts += [("need", n) for n in when.needs_known]
                facts += [("open", o) for o in when.objections_open]
                facts += [("resolved", o) for o in when.objections_resolved]
                facts += [("flag", f) for f in when.flags]
                facts += [("pitched", n) for n in when.pitched]
                facts += [("met", p) for p in when.met]
            if counter is not None:  # an answer is offered once its objection was heard
                facts.append(("heard", counter.objection))
            if facts:
                self.needs_first[(key, "when")] = tuple(dict.fromkeys(facts))
        for bit, (what, _, _, sources) in enumerate(self.items):  # and for each item it earns
            for source in sources:
                if source.who is None or source.kind == "meet":
                    continue  # an event, or a meeting itself: nothing to wait for
                facts = list(self.needs_first.get((source.id, "when"), ()))
                fx = self.rt.spec_by_key[source.id].choice.effects
                kind, name = what
                if kind == "pitch":
                    facts.append(("need", name))
                elif kind == "kind":
                    pitched = [n for n in fx.pitch if needs[n].benefit == name
                               and source.who in self.rt.holders.get(n, ())]
                    if len(pitched) == 1:
                        facts.append(("need", pitched[0]))
                elif kind == "counter":
                    facts.append(("open", name))
                self.needs_first[(source.id, bit)] = tuple(dict.fromkeys(facts))

    def _pending(self) -> None:
        """Events that raise an objection blocking the close at a fixed turn, each with its
        objection and the facts that would stop it (its `not_flags`, `needs_unknown`,
        `not_met`): the close after that turn must wait for an answer from someone met after
        it, unless the objection was raised and answered before, or the event was stopped."""
        scenario = self.rt.scenario
        pending = []
        for eid, event in scenario.events.items():
            if event.turn is None:
                continue
            for o in event.effects.raise_objections:
                if o not in self.blocking:
                    continue
                when = event.when
                stops = () if when is None else (
                    *(("flag", f) for f in when.not_flags),
                    *(("need", n) for n in when.needs_unknown),
                    *(("met", p) for p in when.not_met))
                pending.append((eid, event.turn, o, stops, when))
        self.pending = tuple(pending)

    def _may_stay_open(self, s: PlayState, turn: int, met: frozenset[str] | None,
                       here: str | None) -> bool:
        """Whether an objection an event raises before `turn` must still be open at a close
        then, when only `met` (None: anyone) are met until the close: the event can still
        happen; nobody met can stop it, or raise the objection earlier and answer it; and
        nobody who can answer it is met after it — the decision-maker at the close, or someone
        else when a meeting lies between."""
        dm = self.rt.decision_maker
        seen = None if met is None else met | set(s.met) | ({here} if here is not None else set())

        def among(sources: tuple[_Source, ...], besides: str = "") -> bool:
            # a source (not the event `besides`) those met can use: its person met, and
            # everyone its condition asks to have been met among them
            for source in sources:
                if source.id == besides or not self._open(s, source, None):
                    continue
                if source.who is None or seen is None:
                    return True
                guard = self.guards.get(source.id)
                if source.who in met and (guard is None or set(guard[0].met) <= seen):
                    return True
            return False

        for eid, at, o, stops, when in self.pending:
            if not s.turn <= at < turn or eid in s.fired or eid in self.dead \
                    or o in s.objections or not _asks_only_what_holds(s, when, at):
                continue
            answers = self.counter.get(o, ())
            if any(src.who == dm and self._open(s, src, None) for src in answers) \
                    or (turn - at >= 2 and among(answers)):
                continue  # answered after it is raised
            if among(self.producers.get(("open", o), ()), eid) and among(answers):
                continue  # raised earlier (not by this event) and answered
            if any(self._holds(s, fact, here) for fact in stops) or any(
                    (met is None or fact[1] in met) if fact[0] == "met"
                    else among(self.producers.get(fact, ())) for fact in stops):
                continue  # the event is stopped already, or can be
            return True
        return False

    def _holds(self, s: PlayState, fact: tuple[str, str], here: str | None) -> bool:
        kind, name = fact
        if kind == "need":
            return name in s.needs_known
        if kind == "open":
            return s.objections.get(name, {}).get("state") == "open"
        if kind == "resolved":
            return s.objections.get(name, {}).get("state") == "resolved"
        if kind == "heard":
            return name in s.objections
        if kind == "flag":
            return name in s.flags
        if kind == "pitched":
            return name in s.pitched
        return name in s.met or name == here

    def _requires(self, s: PlayState, source: _Source, bit: int | str, here: str | None,
                  people: frozenset[str] | None) -> tuple[frozenset[str], ...] | None:
        """What `source` still waits for to earn item `bit` (or "trust"), as sets of people
        — meeting one of each set can bring it about: for each fact it waits for, those who
        can bring it, and those who can bring what *they* wait for first (one of each such
        choice's own missing facts). Facts that hold, or that an event can bring, wait for
        nobody; None when a fact can no longer come at all."""
        waits: list[frozenset[str]] = []
        for fact in self.needs_first.get((source.id, bit), ()):
            found = self._bringers(s, fact, here, people)
            if found is None:
                return None
            waits.extend(found)
        return tuple(waits)

    def _bringers(self, s: PlayState, fact: tuple[str, str], here: str | None,
                  people: frozenset[str] | None) -> tuple[frozenset[str], ...] | None:
        """Who can bring `fact` about (see `_requires`): () when it holds or an event may
        bring it, None when nothing can. Worked out once a position (`upper` clears the memo)."""
        found = self.bring_memo.get(fact, -1)
        if found == -1:
            found = self.bring_memo[fact] = self._bringers_now(s, fact, here, people)
        return found

    def _bringers_now(self, s: PlayState, fact: tuple[str, str], here: str | None,
                      people: frozenset[str] | None) -> tuple[frozenset[str], ...] | None:
        if self._holds(s, fact, here):
            return ()
        if fact[0] == "met":
            return (frozenset((fact[1],)),)
        who: set[str] = set()
        before: set[str] = set()  # one set of people per bringer that waits itself
        free = False              # a bringer that waits for nothing
        for producer in self.producers.get(fact, ()):
            if not self._open(s, producer, people):
                continue
            if producer.who is None:
                at = self.event_turn.get(producer.id)
                if at is None:
                    return ()  # an event may bring it, at any meeting's end
                who.add(f"@{at}")  # an event at the end of meeting `at`: for later meetings
                free = True
                continue
            first = self._first_missing(s, producer, fact, here, people)
            if first is None:
                continue  # this one can never say it
            who.add(producer.who)
            if first:
                before |= first
            else:
                free = True
        if not who:
            return None
        return (frozenset(who),) if free else (frozenset(who), frozenset(before))

    def _first_missing(self, s: PlayState, producer: _Source, fact: tuple[str, str],
                       here: str | None, people: frozenset[str] | None) -> frozenset[str] | None:
        """The smallest set of people one of whom must bring something `producer` (a choice)
        waits for before it can bring `fact`; empty when it waits for nothing, None when it
        never can be said."""
        facts = list(self.needs_first.get((producer.id, "when"), ()))
        if fact[0] == "resolved":
            facts.append(("open", fact[1]))  # an answer needs the objection raised
        elif fact[0] == "pitched":
            facts.append(("need", fact[1]))  # a pitch lands once its need is known
        smallest: frozenset[str] = frozenset()
        for need in facts:
            if self._holds(s, need, here):
                continue
            if need[0] == "met":
                bring: frozenset[str] | None = frozenset((need[1],))
            else:
                bring = frozenset()
                for other in self.producers.get(need, ()):
                    if self._open(s, other, people):
                        if other.who is None:
                            at = self.event_turn.get(other.id)
                            if at is None:
                                bring = None
                                break
                            bring |= {f"@{at}"}
                        else:
                            bring |= {other.who}
                if bring is None:
                    continue  # an event may bring it
                if not bring:
                    return None
            if not smallest or len(bring) < len(smallest):
                smallest = bring
        return smallest

    def _may_hold(self, when: Any) -> bool:
        """Whether condition `when` can ever hold in this variant, by its flags: those it asks
        for can be set, and none it forbids is set from the start for good."""
        if when is None:
            return True
        from game import variants

        start = variants.start_flags(self.rt.scenario)
        return (all(f in self.ever_flags for f in when.flags)
                and not any(f in start and f not in self.cleared for f in when.not_flags))

    def _ruled_out(self, s: PlayState) -> set[str]:
        """The sources whose condition can no longer hold at any turn from now on (or never
        could): what it asks for is gone for good, or can never come (each guard's tests as
        `checks` has them). `closed` gets them and the sources spent (said or fired, once)."""
        dead = set(self.never)
        # what trust_top below may count on while the rest is worked out
        self.dead = dead
        self.closed = closed = dead | (s.taken & self.once_choices) | (s.fired & self.once_events)
        self.tops = self.gains = None
        turn = s.turn if s.phase == "meeting" else s.turn + 1  # the next meeting's turn
        flags, known, met, pitched, objections = (s.flags, s.needs_known.keys(), s.met,
                                                  s.pitched, s.objections)
        for (source_id, turn_max, flags_never, not_flags, needs_never, needs_unknown, not_met,
             pitched_never, still_open, resolved_never, trust_min, who) in self.checks:
            if source_id in closed:
                continue  # said or fired once already: closed whatever its condition
            if (turn_max is not None and turn > turn_max) \
                    or (flags_never and not flags_never <= flags) \
                    or (not_flags and not not_flags.isdisjoint(flags)) \
                    or (needs_never and not known >= needs_never) \
                    or (needs_unknown and not known.isdisjoint(needs_unknown)) \
                    or (not_met and not met.keys().isdisjoint(not_met)) \
                    or any(n not in pitched for n in pitched_never) \
                    or any(o not in objections for o in resolved_never):
                dead.add(source_id)
                closed.add(source_id)
                continue
            for o in still_open:
                record = objections.get(o)
                if (record["state"] != "open") if record is not None \
                        else o not in self.ever_raised:
                    dead.add(source_id)
                    closed.add(source_id)
                    break
            else:
                if trust_min is not None and self.trust_top(s, who, None) < trust_min:
                    dead.add(source_id)
                    closed.add(source_id)
        for eid, bound_turn in self.event_turn.items():
            if bound_turn is not None and bound_turn < s.turn + (0 if s.phase == "meeting" else 1):
                dead.add(eid)  # its meeting is over
                closed.add(eid)
        self.tops = {}
        self.gains = {}
        return dead

    def _items(self) -> None:
        """The credits a meeting can earn, as items with their worth in points of the total:
        a need revealed, a need pitched to a holder, a kind of saving shown, a saboteur's
        objection answered — each with the sources (choices, events) that earn it."""
        rt = self.rt
        w = self.weights
        top = sum(weight for name, weight in w.items() if self._competes(name))
        scale = 100.0 / top if top else 0.0
        needs = rt.scenario.needs  # worth in the competency's own points (its weight at most)
        items: list[tuple[tuple[str, str], str, float, tuple[_Source, ...]]] = []
        if self._competes("discovery"):
            for n in sorted(rt.discoverable):
                items.append((("need", n), "discovery", w["discovery"] * needs[n].importance
                              / self.discovery_weight, self.reveal.get(n, ())))
        if self._competes("value_pitch"):
            share = 0.8 if self.savings else 1.0
            for n in self.pitchable:
                items.append((("pitch", n), "value_pitch", w["value_pitch"] * share * needs[n].importance
                              / self.pitch_weight, self.pitch.get(n, ())))
            for kind in sorted(self.savings):
                sources = tuple(src for n in self.pitchable if needs[n].benefit == kind
                                for src in self.pitch.get(n, ()))
                items.append((("kind", kind), "value_pitch", w["value_pitch"] * 0.2 / len(self.savings),
                              sources))
        if self._competes("saboteurs") and self.sabotage:
            for o in self.sabotage:
                items.append((("counter", o), "saboteurs", w["saboteurs"] * 0.6 / len(self.sabotage),
                              self.counter.get(o, ())))
        # a role tag scores only with evidence about the person (`rules.has_evidence`): each
        # role to find is an item of its own, earned by meeting them or by a clue about them
        # (qualification's only outside format 1.2's walking away, which counts it otherwise)
        seen: list[tuple[str, str, float]] = []
        if self._competes("saboteurs"):
            seen += [(sid, "saboteurs", w["saboteurs"] * 0.4 / len(rt.saboteurs))
                     for sid in rt.saboteurs]
        # the checklist (need, interest, authority, format 1.2's items), then the two role tags
        self.listed = 3.0 + len(rt.items)
        self.roles = float(rt.decision_maker is not None) + float(bool(rt.influencers))
        if self._competes("qualification") and not self.walking:
            possible = self.listed + self.roles
            if rt.decision_maker is not None:
                seen.append((rt.decision_maker, "qualification", w["qualification"] / possible))
            seen += [(sid, "qualification", w["qualification"] / possible / len(rt.influencers))
                     for sid in rt.influencers]
        self.seen_parts: dict[str, float] = {}
        for sid, competency, worth in seen:
            items.append((("seen", sid), competency, worth, self.evidence.get(sid, ())))
            self.seen_parts[competency] = self.seen_parts.get(competency, 0.0) + worth
        self.items = tuple(items)
        self.item_part = tuple(COUPLED.index(competency) for _, competency, _, _ in items)
        self.scale = scale
        self.top_weight = top
        self.coverage_memo: dict[Any, tuple[list[float], list[float]]] = {}

    def _competes(self, name: str) -> bool:
        """Whether competency `name` counts in this scenario's total."""
        found = self.competing.get(name)
        if found is None:
            found = self.competing[name] = self._counts(name)
        return found

    def _counts(self, name: str) -> bool:
        rt = self.rt
        present = {"discovery": bool(rt.discoverable), "saboteurs": bool(rt.saboteurs),
                   "value_pitch": bool(self.pitchable)}.get(name, True)
        return present and self.weights[name] != 0

    # --- what can still happen -------------------------------------------------------------

    def _open(self, s: PlayState, source: _Source, people: frozenset[str] | None) -> bool:
        """Whether `source` can still act: not closed in this position (`closed`: ruled out or
        spent), and (for a choice) its stakeholder can still be met (`people`; None when anyone
        can)."""
        return source.id not in self.closed and (
            people is None or source.who is None or source.who in people)

    def _still(self, s: PlayState, sources: tuple[_Source, ...],
               people: frozenset[str] | None) -> bool:
        closed = self.closed
        for source in sources:
            if source.id not in closed and (
                    people is None or source.who is None or source.who in people):
                return True
        return False

    def _people(self, s: PlayState) -> frozenset[str] | None:
        """Whose choices can still be said: only the person being met in the quarter's last
        meeting, nobody after a won close; None when anyone may yet be met."""
        if s.phase == "after_close":
            return frozenset()
        if s.phase == "meeting" and s.turn >= self.turns:
            return frozenset((s.meeting_with,))
        return None

    def walk_away_turn(self, s: PlayState) -> int | None:
        """The earliest turn the trainee could still walk away (format 1.2: a scenario with
        `disqualify`), None when they cannot: in this meeting, else the next one."""
        if not self.walking or s.phase not in ("meeting", "between"):
            return None
        turn = s.turn if s.phase == "meeting" else s.turn + 1
        return turn if turn <= self.turns else None

    def meetings_left(self, s: PlayState) -> int:
        """How many more people may still be met for the first time."""
        if s.phase in ("after_close", "over"):
            return 0
        return max(0, self.turns - s.turn)

    def earliest_close(self, s: PlayState) -> int | None:
        """The earliest turn a close can still win, None when it cannot. The close is asked of
        the decision-maker in a meeting (which needs them introduced) and wins only when the
        rule can hold then (`_closable`) — where interest builds (format 1.3), not before the
        meeting whose number is the interest the close asks for."""
        if self.never_won:
            return None  # walking away is the right call: a close is never won
        turn = self._earliest_close(s)
        if turn is None:
            return None
        if self.rt.builds_interest:
            turn = max(turn, self.rt.scenario.close.interest)
        turn = max(turn, self._close_offered(s))
        return turn if turn <= self.turns else None

    def _close_offered(self, s: PlayState) -> int:
        """The earliest turn a close choice of the decision-maker can be open, as far as the
        flags its condition asks for go: each set already, or settable by a choice or by an
        event with no fixed turn (any time), or by an event of a fixed turn t (from meeting
        t + 1) — so a close offered only after a bake-off event waits for it."""
        best = self.turns + 1
        for flags in self.close_flags:
            turn = s.turn
            for f in flags:
                if f in s.flags:
                    continue
                times = [self.event_turn.get(src.id) if src.kind == "event" else None
                         for src in self.producers.get(("flag", f), ())
                         if self._open(s, src, None)]
                if not times:
                    turn = self.turns + 1
                    break
                if None not in times:
                    turn = max(turn, min(times) + 1)
            best = min(best, turn)
        return best

    def _earliest_close(self, s: PlayState) -> int | None:
        dm = self.rt.decision_maker
        if dm is None or s.phase not in ("meeting", "between"):
            return None
        here = s.meeting_with if s.phase == "meeting" else None
        if here == dm and self._closable(s, frozenset((dm,)), self._stance_now(s)):
            return s.turn
        turn = s.turn + 1
        if here is None and dm not in s.introduced:
            turn += 1  # a meeting to be introduced first (or an event after one)
        elif turn <= self.turns:
            people = frozenset((dm,) if here is None else (dm, here))
            if self._closable(s, people, self._stance_next(s, here)):
                return turn
            turn += 1
        while turn <= self.turns:
            # rounds of influence before the meeting at `turn`: after this meeting and each
            # one in between
            steps = turn - s.turn - (1 if here is None else 0)
            if self._closable(s, None, self._stance_later(s, steps)):
                return turn
            turn += 1
        return None

    def _closable(self, s: PlayState, people: frozenset[str] | None, stance: float) -> bool:
        """Whether the close rule can hold, counting only what the choices of `people` (None:
        anyone's) and the events can change, with the decision-maker's stance at most
        `stance`."""
        close = self.rt.scenario.close
        needs = len(s.needs_known) + sum(
            1 for n, sources in self.reveal.items()
            if n not in s.needs_known and self._still(s, sources, people))
        if needs < close.needs:
            return False
        if s.interest + s.interest_later < close.interest:
            level = s.interest + s.interest_later  # format 1.3: what shows later counts
            for source, delta in self.interest:
                if self._open(s, source, people):
                    level += delta if source.once else INTEREST_MAX
            level += sum(1 for n in self.pitchable
                         if n not in s.pitched and self._still(s, self.pitch.get(n, ()), people))
            if level < close.interest:
                return False
        dm = self.rt.decision_maker
        clue = any(h["about"] == dm and not h.get("vague", False) for h in s.hints)
        if not clue and not self._still(s, self.authority, people):
            return False  # authority needs a clear clue (the close's meeting meets them)
        for item in self.rt.items:  # format 1.2: budget, timing… found out first
            if item not in s.learned and not self._still(s, self.learners.get(item, ()), people):
                return False
        for o in self.blocking:
            if s.objections.get(o, {}).get("state") == "open" and not self._still(
                    s, self.counter.get(o, ()), people):
                return False
        return stance >= close.stance

    def _gain(self, s: PlayState, sid: str, people: frozenset[str] | None) -> float:
        """The most `sid`'s stance can still gain from the choices of `people` (None: anyone's)
        and from the events: their effects, pitches landing with `sid`, answers to `sid`'s
        objections."""
        gains = self.gains
        if gains is None:
            return self._gain_now(s, sid, people)
        found = gains.get((sid, people))
        if found is None:
            found = gains[(sid, people)] = self._gain_now(s, sid, people)
        return found

    def _gain_now(self, s: PlayState, sid: str, people: frozenset[str] | None) -> float:
        gain = 0.0
        closed = self.closed
        for source, delta in self.lift[sid]:
            if source.id not in closed and (
                    people is None or source.who is None or source.who in people):
                if not source.once:
                    return 2.0
                gain += delta
        if people is None or sid in people:  # pitches to `sid` can be made
            pitched = s.pitched
            for n, ids in self.pitch_ids[sid]:  # a pitch landing with `sid` the first time
                record = pitched.get(n)
                if (record is None or not (record["to"] == sid or sid in record.get("also", ()))) \
                        and not closed.issuperset(ids):
                    gain += rules.PITCH_GAIN
        objections = s.objections
        for o in self.raised[sid]:
            record = objections.get(o)
            if (record is None or record.get("state") != "resolved") and self._still(
                    s, self.counter.get(o, ()), people):
                gain += rules.COUNTER_GAIN
        return gain

    def _stance_now(self, s: PlayState) -> float:
        """The decision-maker's highest stance in this meeting with them."""
        dm = self.rt.decision_maker
        assert dm is not None
        return s.stance[dm] + self._gain(s, dm, frozenset((dm,)))

    def _stance_next(self, s: PlayState, here: str | None) -> float:
        """The decision-maker's highest stance in the next meeting with them, the next meeting
        of all: what this meeting (with `here`) and the events after it can add, one step of
        the buying centre's influence (no objection's doubt counted), then that meeting's
        choices."""
        dm = self.rt.decision_maker
        assert dm is not None
        if here is None:  # between meetings: influence has spoken already
            return self._stance_now(s)
        now = frozenset((here,))
        mixed = 0.0
        openness = 0.0
        for sid, open_to, row in self.rt.influence_rows:
            if sid == dm:
                openness = open_to
                for other, weight in row:
                    mixed += weight * min(1.0, s.stance[other] + self._gain(s, other, now))
                break
        own = min(1.0, s.anchor[dm] + self._gain(s, dm, now))
        return openness * mixed + (1 - openness) * own + self._gain(s, dm, frozenset((dm,)))

    def _stance_later(self, s: PlayState, steps: int,
                      people: frozenset[str] | None = None) -> float:
        """The decision-maker's highest stance after `steps` more rounds of the buying centre's
        influence. Each round a person's stance becomes openness × (an influence-weighted mix
        of stances, weights summing to one) + (1 − openness) × their own view, and their own
        view moves only by what is said to them; so with u₀ = stance + gains and
        uₙ = openness × (the highest u of those who sway them) + (1 − openness) × own view +
        gains, every stance after n rounds (and the gains since) stays under uₙ. With `people`,
        only what is said in meetings with them counts (and the events)."""
        gains = {sid: self._gain(s, sid, people) for sid in self.sway}
        ceiling = {sid: min(1.0, s.stance[sid] + gains[sid]) for sid in self.sway}
        for _ in range(steps):
            ceiling = {sid: min(1.0, open_to * max(ceiling[other] for other in row)
                                + (1 - open_to) * s.anchor[sid] + gains[sid])
                       for sid, open_to, row in self.sway_rows}
        return ceiling[self.rt.decision_maker]

    def trust_top(self, s: PlayState, sid: str, people: frozenset[str] | None) -> float:
        """The most trust `sid` can still reach."""
        tops = self.tops
        if tops is not None:
            found = tops.get((sid, people))
            if found is not None:
                return found
        top = s.trust[sid]
        closed = self.closed
        for source, delta in self.gain[sid]:
            if source.id not in closed and (
                    people is None or source.who is None or source.who in people):
                if not source.once:
                    top = 1.0
                    break
                top += delta
        top = min(1.0, top)
        if tops is not None:
            tops[(sid, people)] = top
        return top

    # --- the bound --------------------------------------------------------------------------

    def upper(self, s: PlayState, cutoff: float = -1.0) -> float:
        """The best total this position can still reach (its score once it is over). When the
        simpler bound is already at most `cutoff`, that is returned without the finer one."""
        rt = self.rt
        if s.phase == "over":
            return score(rt, s).total
        self.dead = self._ruled_out(s)
        self.bring_memo: dict[tuple[str, str], Any] = {}
        people = self._people(s)
        parts: dict[str, float | None] = {}
        # discovery: needs known, and those a choice or event can still reveal
        if rt.discoverable:
            found = [n for n in rt.discoverable
                     if n in s.needs_known or self._still(s, self.reveal.get(n, ()), people)]
            parts["discovery"] = (importance(rt, found) / self.discovery_weight
                                  - s.mistake_costs.get("discovery", 0.0))
        else:
            parts["discovery"] = None
        won = s.outcome == "won"
        close_turn = None if won else self.earliest_close(s)
        can_win = won or close_turn is not None
        # qualification: the checklist (all of it until the first close), tags made on evidence
        done = s.qualified_at_close
        points = float(sum(done.values())) if done is not None else self.listed
        possible = float(len(done)) if done is not None else self.listed
        roles = self.roles
        possible += roles
        points += roles
        penalties = float(s.premature_closes)
        if s.tags:
            penalties += wrong_tags(rt, s, "decision_maker") + 0.5 * wrong_tags(rt, s, "influencer")
        fraction = (points - penalties) / possible
        if self.walking:  # a deal not to chase counts only what walking away rests on
            asked = len(rt.disqualify_after) + roles
            if asked:
                fraction = max(fraction, (asked - penalties) / asked)
        tags = fraction - s.mistake_costs.get("qualification", 0.0)  # every role tag scoring
        # a role tag scores only with evidence about the person, which must still be possible
        unseen = self._out_of_sight(s, people) if self.seen_parts else {}
        parts["qualification"] = tags - unseen.get("qualification", 0.0)
        # saboteurs: every one tagged, every objection of theirs answered that still can be
        if rt.saboteurs:
            if self.sabotage:
                answered = sum(
                    s.objections.get(o, {}).get("state") == "resolved"
                    or self._still(s, self.counter.get(o, ()), people)
                    or self._unraised(s, o, people) for o in self.sabotage)
                countered = answered / len(self.sabotage)
            else:
                countered = 1.0
            wrong = wrong_tags(rt, s, "saboteur") if s.tags else 0
            parts["saboteurs"] = (0.4 - unseen.get("saboteurs", 0.0) + 0.6 * countered
                                  - PENALTY * s.wrong_counters
                                  - WRONG_SABOTEUR * wrong - s.mistake_costs.get("saboteurs", 0.0))
        else:
            parts["saboteurs"] = None
        # value pitch: needs pitched, and those a pitch to one of their holders can still land
        if self.pitchable:
            landed = [n for n in self.pitchable
                      if n in s.pitched or self._still(s, self.pitch.get(n, ()), people)]
            fraction = importance(rt, landed) / self.pitch_weight
            if self.savings:
                shown = {rt.scenario.needs[n].benefit for n in landed} & self.savings
                fraction = 0.8 * fraction + 0.2 * len(shown) / len(self.savings)
            parts["value_pitch"] = (fraction - PENALTY * s.bad_pitches
                                    - s.mistake_costs.get("value_pitch", 0.0))
        else:
            parts["value_pitch"] = None
        # closing: won at the earliest turn it still can be, at the full value if it can be kept
        lost = s.mistake_costs.get("closing", 0.0)
        budget = self.turns
        if won:
            spare = (budget - s.turn + 1) / budget
            listed = rt.scenario.account.deal_value
            value = s.deal_value / listed if listed else 1.0
            parts["closing"] = 0.6 + 0.25 * spare + 0.15 * value - lost
        elif close_turn is not None:
            spare = (budget - close_turn + 1) / budget
            keeps = (not self.back_end or any(n in s.pitched for n in self.back_end)
                     or any(self._still(s, self.pitch.get(n, ()), people) for n in self.back_end))
            value = 1.0 if keeps else 1.0 - rt.scenario.close.discount
            parts["closing"] = 0.6 + 0.25 * spare + 0.15 * value - lost
        else:
            parts["closing"] = -lost
        away = self.walk_away_turn(s)
        if away is not None:  # walking away rightly scores as a close at that turn would
            parts["closing"] = max(parts["closing"],
                                   0.6 + 0.25 * (budget - away + 1) / budget + 0.15 - lost)
        # relationship: the best average trust over those met and those still to meet
        parts["relationship"] = self._relationship(s, people, can_win)
        alone = _total(self.weights, parts)
        if alone <= cutoff:
            return alone
        # the same with discovery, value pitch, saboteurs, closing and relationship bound
        # together, each competency rounded as the score rounds it
        qualification = tags if self._competes("qualification") else None
        # with a cutoff, any plan above it will do: the caller only compares
        return min(alone, self.coupled(s, people, close_turn, qualification,
                                       cutoff if cutoff >= 0 else 101.0))

    def _out_of_sight(self, s: PlayState, people: frozenset[str] | None) -> dict[str, float]:
        """The shares of competencies that role tags can no longer earn: nothing has been seen
        of the person, and nothing that would show them can still happen."""
        lost: dict[str, float] = {}
        for what, competency, worth, sources in self.items:
            if what[0] == "seen" and not self._achieved(s, what) \
                    and not self._still(s, sources, people):
                lost[competency] = lost.get(competency, 0.0) + worth / self.weights[competency]
        return lost

    def _achieved(self, s: PlayState, what: tuple[str, str]) -> bool:
        kind, name = what
        if kind == "need":
            return name in s.needs_known
        if kind == "pitch":
            return name in s.pitched
        if kind == "kind":
            needs = self.rt.scenario.needs
            return any(needs[n].benefit == name for n in s.pitched)
        if kind == "seen":
            return rules.has_evidence(self.rt.scenario, s, name)
        return s.objections.get(name, {}).get("state") == "resolved" or self._unraised(s, name)

    def _unraised(self, s: PlayState, objection: str,
                  people: frozenset[str] | None = frozenset()) -> bool:
        """Format 1.3: whether `objection` can still end up not counting — never raised nor
        offered, and its raiser met already or among `people` (None: anyone) — unless meeting
        them offers it at once (a choice at their conversation's start that raises it)."""
        if not self.rt.builds_interest or objection in s.objections or objection in s.offered:
            return False
        raiser = self.rt.scenario.objections[objection].raised_by
        if raiser in s.met:
            return True
        if people is not None and raiser not in people:
            return False
        return not any(need <= s.flags and not barred & s.flags
                       for need, barred in self.drawn_on_meeting.get(objection, ()))

    def coupled(self, s: PlayState, people: frozenset[str] | None,
                first: int | None, qualification: float | None,
                cutoff: float = 101.0) -> float:
        """The total bound with discovery, value pitch, saboteurs, closing and relationship
        together: what a meeting can earn is earned only by meeting its person, and every
        meeting before the close pushes it later. The best over the turn of a won close (the
        decision-maker met at it) and over a deal not won, of what the people who can be met
        by then can still earn plus what is earned already or will come by events — each plan
        scored competency by competency and rounded as `scoring.score` rounds, so no slack
        for rounding is needed. `first`: the earliest turn a close can win (`earliest_close`);
        `qualification`: that competency's fraction as the simple bound has it (None when it
        does not count). Once a plan
        beats `cutoff`, the search stops there: the bound is then some total above it."""
        rt = self.rt
        known = [0.0, 0.0, 0.0, 0.0]
        over = s.phase == "over" or s.phase == "after_close"
        here = s.meeting_with if s.phase in ("meeting", "after_close") else None
        # what each person's meeting can earn: (item, the people each fact it waits for needs)
        entries: dict[str, list[tuple[int, tuple[frozenset[str], ...]]]] = {}
        # items only an event at a fixed turn can bring without a meeting: they count in a
        # deal that goes on past that turn's meeting (the clocks "@t", as waits)
        timed: list[tuple[int, tuple[frozenset[str], ...]]] = []
        last = self.turns
        for bit, (what, competency, worth, sources) in enumerate(self.items):
            if self._achieved(s, what):
                known[self.item_part[bit]] += worth
                continue
            if what[0] == "counter" and self._unraised(s, what[1], people):
                # format 1.3: meeting its raiser without it raised is as good as answering it
                raiser = rt.scenario.objections[what[1]].raised_by
                entries.setdefault(raiser, []).append((bit, ()))
            clocks_of: set[str] = set()
            for source in sources:
                if not self._open(s, source, people):
                    continue
                if source.who is None:  # an event: no meeting needed
                    at = self.event_turn.get(source.id)
                    if at is None or at >= last:  # any turn, or after the last meeting
                        known[self.item_part[bit]] += worth
                        clocks_of.clear()
                        break
                    clocks_of.add(f"@{at}")
                    continue
                waits = self._requires(s, source, bit, here, people)
                if waits is not None:
                    entries.setdefault(source.who, []).append((bit, waits))
            if clocks_of:
                timed.append((bit, (frozenset(clocks_of),)))
        w = self.weights
        costs = s.mistake_costs
        penalty = (costs.get("discovery", 0.0),
                   PENALTY * s.bad_pitches + costs.get("value_pitch", 0.0),
                   PENALTY * s.wrong_counters + costs.get("saboteurs", 0.0)
                   + (WRONG_SABOTEUR * wrong_tags(rt, s, "saboteur") if s.tags else 0.0), 0.0)
        parts = []  # (index, points earned, points lost, weight) of each competing competency
        for i, name in enumerate(COUPLED):
            if name == "qualification":
                # `qualification` counts every role tag; those still to see are items
                if qualification is not None:
                    got = (known[i] + w[name] * qualification
                           - self.seen_parts.get(name, 0.0))
                    parts.append((i, got, 0.0, w[name]))
            elif self._competes(name):
                parts.append((i, known[i], w[name] * penalty[i], w[name]))
        top = self.top_weight

        def total(vector: tuple[float, ...], closing: float, relationship: float,
                  costs: tuple[tuple[str, float], ...] = ()) -> float:
            # `costs`: shares of competencies that marked mistakes the plan needs will cost
            if not costs:  # the same sums as below with every cost 0
                points = (round((closing if closing > 0.0 else 0.0) + EPS, 1)
                          + round((relationship if relationship > 0.0 else 0.0) + EPS, 1))
                for i, got, lost, weight in parts:
                    value = got + vector[i] - lost
                    points += round((0.0 if value < 0.0 else weight if value > weight
                                     else value) + EPS, 1)
                return round(100.0 * points / top + EPS, 1) if top else 0.0
            cost = dict(costs)
            points = (round(max(0.0, closing - w["closing"] * cost.get("closing", 0.0)) + EPS, 1)
                      + round(max(0.0, relationship - w["relationship"]
                                  * cost.get("relationship", 0.0)) + EPS, 1))
            for i, got, lost, weight in parts:
                points += round(rules.clamp(got + vector[i] - lost
                                            - weight * cost.get(COUPLED[i], 0.0),
                                            0.0, weight) + EPS, 1)
            return round(100.0 * points / top + EPS, 1) if top else 0.0

        if over:
            return total((0.0, 0.0, 0.0, 0.0), self._closing_points(s, None),
                         self._trust_plan(s, people, here)(0, False, s.outcome == "won"))
        dm = rt.decision_maker
        mine = entries.pop(here, []) if here is not None else []
        others = tuple(sorted(entries))
        slot = {sid: i for i, sid in enumerate(others)}
        here_bit = 1 << len(others)

        # an event at the end of meeting t brings what it brings for meetings after t: "@t"
        clocks = sorted({member for found in (*entries.values(), mine, timed) for _, waits in found
                         for who in waits for member in who if member.startswith("@")})
        clock_bit = {c: here_bit << (1 + j) for j, c in enumerate(clocks)}

        def coded(found: list[tuple[int, tuple[frozenset[str], ...]]]) -> tuple[Any, ...]:
            # each wait as a mask of people (`here` the next bit, then the events' clocks);
            # one who cannot be among those met (no items of their own) is assumed met: an
            # optimistic plan
            items = []
            for bit, waits in found:
                masks = []
                for who in waits:
                    mask = 0
                    for sid in who:
                        if sid == here:
                            mask |= here_bit
                        elif sid in slot:
                            mask |= 1 << slot[sid]
                        elif sid in clock_bit:
                            mask |= clock_bit[sid]
                        else:
                            break
                    else:
                        masks.append(mask)
                items.append((bit, tuple(sorted(masks))))
            return tuple(sorted(items))

        everyone_coded = tuple((sid, coded(entries[sid])) for sid in others)
        timed_coded = coded(timed)
        # what the events bring counts with the person met now: from the deal's start to its
        # end, their clocks struck
        mine_plain = coded(mine)
        mine_coded = mine_plain + timed_coded if timed_coded else mine_plain

        def sets_until(end: int) -> list[tuple[frozenset[str], tuple[float, ...]]]:
            # the sets of people worth meeting in a deal that ends at meeting `end`: the
            # events of meetings before it have happened
            on = 0
            for c, b in clock_bit.items():
                if int(c[1:]) < end:
                    on |= b
            return self._coverage(everyone_coded, mine_coded, on)

        lasts: dict[tuple[frozenset[str], int], tuple[float, ...]] = {}

        def signer_last(chosen: frozenset[str], end: int) -> tuple[float, ...]:
            # what `chosen` earns when the decision-maker is met once, at the close that ends
            # the deal: no one else can use what only the decision-maker brings
            found = lasts.get((chosen, end))
            if found is None:
                met = here_bit
                for c, b in clock_bit.items():
                    if int(c[1:]) < end:
                        met |= b
                for sid in chosen:
                    met |= 1 << slot[sid]
                before = met & ~(1 << slot[decider])
                vector = [0.0, 0.0, 0.0, 0.0]
                got: set[int] = set()
                for sid, items in (*everyone_coded, (here, mine_coded)):
                    if sid != here and sid not in chosen:
                        continue
                    reach = met if sid == decider else before
                    for bit, waits in items:
                        if bit not in got and all(mask & reach for mask in waits):
                            got.add(bit)
                            vector[self.item_part[bit]] += self.items[bit][2]
                found = lasts[(chosen, end)] = tuple(vector)
            return found

        trust = self._trust_plan(s, people, here)
        left = self.turns - s.turn  # new meetings still possible
        coded_of = dict(everyone_coded)
        sequences: dict[tuple[Any, ...], float] = {}

        def in_sequence(chosen: frozenset[str], passage: tuple[int, Any], closing: float,
                        above: float, spare: int, turn: int) -> float:
            # the best total over the orders of a won plan in which each of `chosen` is met
            # once and the signer last — and, when the signer introduces someone, once before
            # at the best place; with a `spare` meeting, also a meeting with anyone else or a
            # first meeting with one of them: an item counts only when what it waits for was
            # brought by someone met by then, trust likewise (`along`); an order that meets
            # someone before anyone who can introduce them does not count. Stops once an order
            # beats `above` (the caller only compares); 101 when there are too many to order
            key = (chosen, passage, closing, spare, turn)
            found = sequences.get(key)
            if found is not None:
                return found
            along = getattr(trust, "along", None)
            new = tuple(sorted(chosen - {decider}))
            extras: tuple[tuple[str, ...], ...] = ((),)
            if passage[0]:
                extras = ((FIRST + decider,),)
            if spare:
                extras = tuple((e,) for e in (
                    *(sid for sid in rt.order if sid not in chosen and sid != decider),
                    *(FIRST + sid for sid in sorted(chosen))))
            if along is None or len(new) + len(extras[0]) > 5:
                return 101.0
            best_here = -1.0
            start = {here} if here is not None else set()
            for extra in extras:
                if blocked_with(frozenset((*chosen, decider, *start, *(
                        e for e in extra if _first_of(e) is None))), turn):
                    continue  # a close cannot win with only them met
                for base in itertools.permutations((*new, *extra)):
                    order = (*base, decider)
                    if trust.introduced_late(order, start):
                        continue
                    value = total(items_along(order), closing, along(order, True), passage[1])
                    if value > best_here:
                        best_here = value
                        if value > above:
                            break
                if best_here > above:
                    break
            found = sequences[key] = 101.0 if best_here < 0 else best_here
            return found

        def items_along(order: tuple[str, ...]) -> tuple[float, ...]:
            # what the meetings earn when held in `order` after the one now: a fact a person
            # brings serves their own meeting and those after (from their first meeting, when
            # met twice); an event's, meetings after it
            vector = [0.0, 0.0, 0.0, 0.0]
            got: set[int] = set()
            brought = reach = 0
            sequence = (here, *order) if here is not None else order
            for place, sid in enumerate(sequence):
                turn = s.turn + place + (here is None)  # the person met now is met at s.turn
                first = _first_of(sid)
                if first is not None:
                    brought |= 1 << slot[first] if first in slot else 0
                    continue
                brought |= here_bit if sid == here else 1 << slot[sid] if sid in slot else 0
                reach = brought
                for c, b in clock_bit.items():
                    if int(c[1:]) < turn:
                        reach |= b
                for bit, waits in (mine_plain if sid == here else coded_of.get(sid, ())):
                    if bit not in got and all(mask & reach for mask in waits):
                        got.add(bit)
                        vector[self.item_part[bit]] += self.items[bit][2]
            for bit, waits in timed_coded:  # the events before the last meeting
                if bit not in got and all(mask & reach for mask in waits):
                    got.add(bit)
                    vector[self.item_part[bit]] += self.items[bit][2]
            return tuple(vector)

        decider = dm
        blocked: dict[tuple[frozenset[str] | None, int], bool] = {}

        def cannot_close(chosen: frozenset[str], extra: int, turn: int,
                         dm_early: bool = False) -> bool:
            # a close at `turn` cannot win with only `chosen`, the decision-maker and the
            # person met now met until then — and, when there are meetings to spare, whoever
            # can be met in them (introduced already, or by an event or someone met; by the
            # decision-maker only in a meeting before the close: `dm_early`, or two spare): an
            # objection an event raises before it stays open, or the rule cannot hold
            around = set(chosen | {decider} | ({here} if here is not None else set()))
            if extra > 0:
                introducers = around - ({decider} if decider != here and not dm_early
                                        and extra < 2 else set())
                grew = True
                while grew:
                    grew = False
                    for sid in rt.order:
                        if sid in around:
                            continue
                        if sid in s.introduced or any(
                                self._open(s, src, people)
                                and (src.who is None or src.who in introducers)
                                for src in self.introducers.get(sid, ())):
                            around.add(sid)
                            introducers.add(sid)
                            grew = True
            return blocked_with(frozenset(around), turn)

        def blocked_with(met: frozenset[str], turn: int) -> bool:
            # a close at `turn` cannot win with only `met` met until then
            found = blocked.get((met, turn))
            if found is None:
                found = self._may_stay_open(s, turn, met, here)
                if not found and turn > s.turn:
                    # their choices alone must make the close rule hold
                    steps = turn - s.turn - (1 if here is None else 0)
                    found = not self._closable(s, met, self._stance_later(s, steps, met))
                blocked[(met, turn)] = found
            return found

        # every way the deal can end from here: (meetings until then, the decision-maker
        # among them, won, closing points, the turn of a won close)
        endings: list[tuple[int, bool, bool, float, int | None]] = [(left, False, False, 0.0, None)]
        walks: dict[frozenset[str] | None, bool] = {}

        def can_walk(chosen: frozenset[str], spare: int) -> bool:
            # walking away rightly with `chosen` (and the person met now) met, and `spare`
            # meetings for anyone else: someone met can walk away, and those met can establish
            # what it asks for first
            if spare > 0 and not can_walk(chosen, 0):
                return can_walk(None, 0)  # type: ignore[arg-type]
            found = walks.get(chosen)
            if found is None:
                them = None if chosen is None else chosen | ({here} if here is not None else set())

                def by(sources: tuple[_Source, ...]) -> bool:
                    return any(self._open(s, src, people) and (
                        src.who is None or them is None or src.who in them) for src in sources)

                found = by(self.walkers)
                for item in rules.not_established(rt, s) if found else ():
                    if item == "need":
                        found = len(s.needs_known) + sum(
                            1 for n, sources in self.reveal.items()
                            if n not in s.needs_known and by(sources)) >= rt.scenario.close.needs
                    elif item == "authority":  # the signer met, with a clear clue about them
                        dm_ok = decider is not None and (
                            decider in s.met or them is None or decider in them)
                        clue = any(h["about"] == decider and not h.get("vague", False)
                                   for h in s.hints)
                        found = dm_ok and (clue or by(self.authority))
                    elif item != "interest":
                        found = by(self.learners.get(item, ()))
                    if not found:
                        break
                walks[chosen] = found
            return found

        # walking away that those met already (and `chosen`) cannot establish needs someone
        # new among those met: the trust average counts them (`can_walk` grows with people)
        newcomers = tuple(sid for sid in rt.order if sid not in s.met and sid != here
                          and (people is None or sid in people))
        everyone_met = frozenset(s.met) | ({here} if here is not None else frozenset())
        new_needed: dict[frozenset[str], bool] = {}

        def needs_someone_new(chosen: frozenset[str]) -> bool:
            found = new_needed.get(chosen)
            if found is None:
                found = new_needed[chosen] = not can_walk(chosen | everyone_met, 0)
            return found

        def closes_with_someone_new(chosen: frozenset[str], turn: int) -> bool:
            # likewise a close at `turn` that cannot win with only them (and the signer) met
            return blocked_with(chosen | everyone_met | ({decider} if decider else set()), turn)

        away = self.walk_away_turn(s)
        if away is not None:  # walked away at `turn`, after meeting whom there was time for
            for turn in range(away, self.turns + 1):
                endings.append((turn - s.turn, False, False, self.weights["closing"] * rules.clamp(
                    0.6 + 0.25 * (self.turns - turn + 1) / self.turns + 0.15
                    - s.mistake_costs.get("closing", 0.0), 0.0, 1.0), None))
        if first is not None and dm is not None:
            for turn in range(first, self.turns + 1):
                new = turn - s.turn  # meetings from now to the close, the close's included
                if here != dm and new < 1:
                    continue
                endings.append((new, here != dm, True, self._closing_points(s, turn), turn))
        closing_top = max(ending[3] for ending in endings)

        def ranked_until(end: int) -> list[tuple[float, frozenset[str], tuple[float, ...]]]:
            # each set of people with what it could reach at most (the best closing, the most
            # trust), best first: a set whose most is no better than a plan found is not tried
            ranked = []
            for chosen, vector in sets_until(end):
                if len(chosen) > left:
                    continue
                most = max(trust(left, False, True, chosen) or 0.0,
                           trust(left, False, False, chosen) or 0.0)
                ranked.append((total(vector, closing_top, most), chosen, vector))
            ranked.sort(key=lambda r: -r[0])
            return ranked

        gates: dict[tuple[frozenset[str], bool], Any] = {}
        marked = self.marked_cost

        def gate(chosen: frozenset[str], dm_needed: bool) -> tuple[int, Any] | None:
            # the meetings beyond one each that introductions ask for, and what they cost:
            # someone not yet introduced is met only after someone met introduces them (None:
            # nobody can); when that is the decision-maker, who closes last, they are met
            # twice, and when it is someone else, a meeting goes to them; when every
            # introduction to be had is a marked mistake, its cost is paid
            found = gates.get((chosen, dm_needed), -1)
            if found != -1:
                return found
            extra = 0
            costs: dict[str, float] = {}
            paid: dict[str, tuple[str, float]] = {}
            meeting = chosen | ({decider} if dm_needed and decider is not None else set())
            around = (meeting | ({here} if here is not None else set()))
            for sid in meeting:
                if sid in s.introduced or sid == here:
                    continue
                who: set[str] | None = set()
                cheapest: tuple[str, str, float] | None = None
                outside = False  # someone not among them who can introduce them
                for source in self.introducers.get(sid, ()):
                    if not self._open(s, source, people):
                        continue
                    if source.who is None:
                        who = None
                        break
                    if source.who not in around and source.who != sid:
                        outside = True
                    if source.who in around and source.who != sid:
                        who.add(source.who)
                        price = marked.get(source.id)
                        if price is None:
                            cheapest = ("", "", 0.0)
                        elif cheapest is None or price[1] < cheapest[2]:
                            cheapest = (source.id, *price)
                if who is None:
                    continue  # an event may introduce them
                if not who:
                    if outside:  # a meeting more, with one who can introduce them
                        extra = max(extra, 1)
                        continue
                    found = None
                    break
                if dm_needed and who == {decider} and decider != here:
                    extra = 1
                if cheapest is not None and cheapest[2] > 0:
                    paid[cheapest[0]] = cheapest[1:]  # one mistake may introduce several
            else:
                for competency, share in paid.values():
                    costs[competency] = costs.get(competency, 0.0) + share
                found = (extra, tuple(sorted(costs.items())))
            gates[(chosen, dm_needed)] = found
            return found

        best = -1.0
        horizons: dict[int, list[Any]] = {}  # endings by the events that happen before them
        for ending in endings:
            end = s.turn + ending[0]  # the turn of the deal's last meeting
            mark = sum(1 for c in clocks if int(c[1:]) < end)
            horizons.setdefault(mark, []).append((end, ending))
        for group in horizons.values():
            if best > cutoff:
                break
            for most, chosen, vector in ranked_until(group[0][0]):
                if most <= best or best > cutoff:
                    break
                for k, dm_needed, won, closing, turn in (ending for _, ending in group):
                    if len(chosen) > k or (closing and not won
                                           and not can_walk(chosen, k - len(chosen))):
                        continue
                    passage = gate(chosen, dm_needed or (won and decider != here))
                    if passage is None or len(chosen) + passage[0] + (
                            dm_needed and decider not in chosen) > k:
                        continue
                    # a meeting the decision-maker needs to introduce someone is theirs: it
                    # is not free for anyone else
                    free = k - passage[0]
                    # a meeting more for the decision-maker to introduce someone: it comes first
                    relationship = trust(free, dm_needed, won, chosen, passage[0] > 0)
                    if relationship is not None and (
                            needs_someone_new(chosen) if closing and not won
                            else turn is not None and closes_with_someone_new(chosen, turn)):
                        relationship = max((r for p in newcomers if p not in chosen and (
                            r := trust(free, dm_needed, won, chosen | {p}, passage[0] > 0))
                            is not None), default=None)
                    if relationship is None:
                        continue
                    value = total(vector, closing, relationship, passage[1])
                    if won and not passage[0] and decider in chosen and decider != here:
                        # what only the signer brings is used by others only when a meeting
                        # goes to the signer before the close: one of the spare ones, if any
                        last = signer_last(chosen, s.turn + k)
                        if last != vector:
                            value = total(last, closing, relationship, passage[1])
                            if free > len(chosen):
                                early = trust(free - 1, dm_needed, won, chosen, True)
                                if early is not None:
                                    value = max(value, total(vector, closing, early, passage[1]))
                    if value <= best:
                        continue
                    spare = free - len(chosen) - (decider not in chosen)
                    if won and decider != here and (spare == 0 or (
                            spare == 1 and not passage[0] and decider in chosen)):
                        # each met once (one more meeting at most), the signer last: items
                        # and trust in one order
                        value = min(value, in_sequence(chosen, passage, closing, cutoff, spare,
                                                       turn))
                        if value <= best:
                            continue
                    if turn is not None and cannot_close(
                            chosen, free - len(chosen) - (dm_needed and decider not in chosen),
                            turn, passage[0] > 0):
                        continue
                    best = value
        return best

    def _trust_plan(self, s: PlayState, people: frozenset[str] | None,
                    here: str | None) -> Any:
        """The relationship competency in its own points, as a function of the meetings `k` still held
        (`dm`: one of them with the decision-maker; `won`: the deal is won at the last). Trust
        rises with a person's own choices only in a meeting with them, so with `k` meetings at
        most `k` people beyond the one met now reach their highest trust; the rest keep what
        other people's choices and the events can give them."""
        rt = self.rt
        w = self.weights["relationship"]
        if w == 0:
            return lambda k, dm, won, chosen=frozenset(), dm_early=False: 0.0
        tops = {sid: self.trust_top(s, sid, people) for sid in rt.order}
        floor = {sid: min(tops[sid], s.trust[sid] + self._trust_from_others(s, sid, people))
                 for sid in rt.order}
        met = set(s.met)
        if here is not None:
            met.add(here)
        base = sum(tops[here] if sid == here else floor[sid] for sid in met)
        lost = s.mistake_costs.get("relationship", 0.0)
        referral = rt.scenario.referral
        decider = rt.decision_maker
        scale = w  # the competency's own points

        # each person's trust sources still open, with whom their conditions wait for
        raises: dict[str, list[tuple[float, str | None, tuple[frozenset[str], ...]]]] = {}
        endless = set()  # someone a repeatable choice or event can raise to the top
        timed: dict[str, tuple[frozenset[str], ...]] = {}
        for sid in rt.order:
            found = []
            for source, delta in self.gain[sid]:
                if not self._open(s, source, people):
                    continue
                waits = (self._requires(s, source, "when", here, people)
                         if source.who is not None else ())
                if waits is None:
                    continue
                # what an event brings may come in time: a wait it can meet is met (but in an
                # order of meetings, only after the event's meeting: `timed`)
                timed[source.id] = waits
                waits = tuple(w for w in waits if w.isdisjoint(self.clocks))
                if not source.once:
                    endless.add(sid)
                found.append((delta, source.who, waits, source.id))
            raises[sid] = found
        by_meetings: dict[frozenset[str], tuple[dict[str, float], dict[str, float]]] = {}

        def reach(seen: frozenset[str]) -> tuple[dict[str, float], dict[str, float]]:
            # the most trust each person can reach, and reach without a meeting of their own,
            # when only `seen` (and the person met now) are met until the end
            found = by_meetings.get(seen)
            if found is None:
                top, rest = {}, {}
                for sid in seen | met:
                    if sid in endless:
                        top[sid] = rest[sid] = 1.0
                        continue
                    own = others = 0.0
                    for delta, who, waits, _ in raises[sid]:
                        if (who is None or who in seen) and all(
                                not wait.isdisjoint(seen) for wait in waits):
                            if who == sid:
                                own += delta
                            else:
                                others += delta
                    top[sid] = min(1.0, s.trust[sid] + own + others)
                    rest[sid] = min(top[sid], s.trust[sid] + others)
                found = by_meetings[seen] = (top, rest)
            return found

        ordered: dict[tuple[frozenset[str], bool, bool, bool], float] = {}

        def order_total(order: tuple[str, ...], seen: frozenset[str], start: set[str]) -> float:
            # the summed trust of the people met in `order` (after the person met now): each
            # one's own choices count when what they wait for is brought by someone met by then
            # (someone met twice: as of their later meeting)
            reached: dict[str, float] = {}
            before = set(start)
            sequence = (here, *order) if here is not None else order
            for place, sid in enumerate(sequence):
                turn = s.turn + place + (here is None)  # the person met now is met at s.turn
                first = _first_of(sid)
                if first is not None:  # a first of two meetings: what they bring
                    before.add(first)
                    continue
                before.add(sid)
                if sid in endless:
                    reached[sid] = 1.0
                    continue
                own = others = 0.0
                for delta, who, waits, key in raises[sid]:
                    if who == sid:
                        if all(not wait.isdisjoint(before) or any(
                                m[0] == "@" and int(m[1:]) < turn for m in wait)
                               for wait in timed[key]):
                            own += delta
                    elif (who is None or who in seen) and all(
                            not wait.isdisjoint(seen) for wait in waits):
                        others += delta
                reached[sid] = min(1.0, s.trust[sid] + own + others)
            return sum(reached.values())

        def along(order: tuple[str, ...], won: bool) -> float:
            # the relationship points when exactly the people of `order` are met, in it (the
            # person met now first; a FIRST entry: the first of two meetings with someone)
            seen = frozenset(sid for sid in order if _first_of(sid) is None) | (
                {here} if here is not None else set())
            top, rest = reach(seen)
            count = len(met | seen)
            total = sum(rest[sid] for sid in met if sid not in seen)
            total += order_total(order, seen, {here} if here is not None else set())
            return finish(total / count if count else 0.0, won,
                          top.get(decider, 0.0) if decider else 0.0)

        def in_order(seen: frozenset[str], dm_last: bool, dm_early: bool = False,
                     loose: bool = False) -> float:
            # the summed trust of everyone met when each new meeting is held once, in the best
            # order (the decision-maker's last when they close): a person's own choices count
            # only when what they wait for is brought by someone met by then; the person met
            # now is met only now. `dm_early`: the decision-maker also has a meeting before
            # the close, at the best place in the order (what they bring serves those after)
            key = (seen, dm_last, dm_early, loose)
            found = ordered.get(key)
            if found is not None:
                return found
            top, rest = reach(seen)
            fixed = sum(rest[sid] for sid in met if sid not in seen)
            start = {here} if here is not None else set()
            new = [sid for sid in seen if sid != here and not (dm_last and sid == decider)]
            early = dm_early and decider is not None and decider != here
            if early and len(new) > 6:
                start.add(decider)  # too many to order: as if it came first
            best_total = -1.0
            bases = itertools.permutations(new) if len(new) <= 6 else (tuple(new),)
            places = range(len(new) + 1) if early and len(new) <= 6 else (None,)
            for base, place in itertools.product(bases, places):
                order = base if place is None else (
                    *base[:place], FIRST + decider, *base[place:])
                if dm_last and decider in seen:
                    order = (*order, decider)
                if not loose and introduced_late(order, start):
                    continue
                total = fixed + order_total(order, seen, start)
                if len(new) > 6:  # too many to order: as if each came last
                    total = fixed + sum(top[sid] for sid in seen)
                best_total = max(best_total, total)
            if best_total < 0:  # no order fits the introductions as this reads them
                best_total = in_order(seen, dm_last, dm_early, True)
            ordered[key] = best_total
            return best_total

        # who must be introduced, and by whom (no event can): met only after one of them
        introducers: dict[str, frozenset[str]] = {}
        for sid in rt.order:
            if sid in s.introduced:
                continue
            by: set[str] | None = set()
            for source in self.introducers.get(sid, ()):
                if not self._open(s, source, people):
                    continue
                if source.who is None:
                    by = None
                    break
                by.add(source.who)
            if by is not None:
                introducers[sid] = frozenset(by - {sid})

        def introduced_late(order: tuple[str, ...], before: set[str]) -> bool:
            # whether someone in `order` would be met before anyone who can introduce them
            if not introducers or len(order) > 6:
                return False
            met_by_now = set(before)
            for sid in order:
                first = _first_of(sid)
                if first is not None:
                    if first in introducers and introducers[first].isdisjoint(met_by_now):
                        return True
                    met_by_now.add(first)
                    continue
                if sid in introducers and introducers[sid].isdisjoint(met_by_now):
                    return True
                met_by_now.add(sid)
            return False

        # those met by what meeting them again can add, the others by their highest trust,
        # each most first (`average` leaves out those it counts already)
        by_gain = sorted(((tops[sid] - floor[sid], sid) for sid in met if sid != here),
                         key=lambda pair: pair[0], reverse=True)
        by_top = sorted(((tops[sid], sid) for sid in rt.order if sid not in met),
                        key=lambda pair: pair[0], reverse=True)
        done: dict[tuple[int, bool, bool, frozenset[str], bool], float | None] = {}
        averages: dict[tuple[int, bool, frozenset[str]], float] = {}

        def points(k: int, dm: bool, won: bool, chosen: frozenset[str] = frozenset(),
                   dm_early: bool = False) -> float | None:
            # `chosen`: people among the k met for what they earn (the rest of the k go to
            # whoever raises the average most); None when the decision-maker has no slot left;
            # `dm_early`: one meeting more, not counted in k, goes to the decision-maker first
            key = (k, dm, won, chosen, dm_early)
            found = done.get(key, done)  # `done` itself: not worked out yet
            if found is done:
                found = done[key] = points_now(k, dm, won, chosen, dm_early)
            return found

        def points_now(k: int, dm: bool, won: bool, chosen: frozenset[str],
                       dm_early: bool) -> float | None:
            spare = k - len(chosen) - (1 if dm and decider is not None and decider != here
                                       and decider not in chosen else 0)
            if spare < 0:
                return None
            if spare == 0:  # nobody else is met: trust as those met can raise it
                seen = frozenset(chosen | ({here} if here is not None else set())
                                 | ({decider} if dm and decider is not None else set()))
                top, rest = reach(seen)
                count = len(met | seen)
                total = in_order(seen, won and decider is not None and decider != here,
                                 dm_early)
                fraction_of = total / count if count else 0.0
                return finish(fraction_of, won, top.get(decider, 0.0) if decider else 0.0)
            best = averages.get((k, dm, chosen))
            if best is None:
                best = averages[(k, dm, chosen)] = average(k, dm, chosen)
            return finish(best, won, tops.get(decider, 0.0) if decider else 0.0)

        def average(k: int, dm: bool, chosen: frozenset[str]) -> float:
            # the best average trust when the rest of the k meetings go to whoever raises it
            # most (won or not)
            total, count = base, len(met)
            for sid in chosen:
                if sid in met:
                    total += tops[sid] - floor[sid]
                else:
                    total, count = total + tops[sid], count + 1
            k -= len(chosen)
            taken = set(chosen)
            if dm and decider is not None and decider != here and decider not in chosen:
                k -= 1
                taken.add(decider)
                if decider in met:
                    total += tops[decider] - floor[decider]
                else:
                    total, count = total + tops[decider], count + 1
            gains = [gain for gain, sid in by_gain if sid not in taken]
            fresh = [top for top, sid in by_top if sid not in taken]
            best = total / count if count else 0.0
            added = 0.0
            for j in range(0, min(k, len(fresh)) + 1):
                if j:
                    added += fresh[j - 1]
                up = sum(gains[:k - j])
                if count + j:
                    best = max(best, (total + added + up) / (count + j))
            return best

        walking = self.walking
        # the referral as it stands, when it no longer depends on the plan (`_referral`)
        settled = None if referral is None or not (
            s.referral is not None or (s.outcome == "won" and s.phase == "over")) \
            else (s.referral is not None, s.referral == "won")

        def finish(best: float, won: bool, dm_trust: float) -> float:
            if referral is None or (walking and not won):
                # where walking away is right, a deal played out has no referral: trust is all
                fraction = best - lost
            else:
                asked, given = settled if settled is not None else \
                    (False, False) if not won else self._referral(s, won, dm_trust)
                fraction = 0.6 * best + 0.2 * asked + 0.2 * given - lost
            return scale * (0.0 if fraction < 0.0 else 1.0 if fraction > 1.0 else fraction)

        points.along = along  # type: ignore[attr-defined]
        points.introduced_late = introduced_late  # type: ignore[attr-defined]
        return points

    def _referral(self, s: PlayState, won: bool, dm_trust: float) -> tuple[bool, bool]:
        """Whether a referral can still be asked for and given: as it stands once asked or the
        attempt is over; else asked only after a won close, given when the asker's trust (the
        decision-maker's highest, `dm_trust`, before the close) reaches the bar."""
        referral = self.rt.scenario.referral
        assert referral is not None
        if s.referral is not None or (s.outcome == "won" and s.phase == "over"):
            return s.referral is not None, s.referral == "won"
        if not won:
            return False, False
        if s.phase == "after_close":
            return True, s.meeting_with is not None and s.trust[s.meeting_with] >= referral.trust
        return True, dm_trust >= referral.trust

    def _trust_from_others(self, s: PlayState, sid: str, people: frozenset[str] | None) -> float:
        """The trust `sid` can still gain without a meeting with them: other people's choices
        and the events."""
        gain = 0.0
        for source, delta in self.gain[sid]:
            if source.who != sid and self._open(s, source, people):
                if not source.once:
                    return 1.0
                gain += delta
        return gain

    def _closing_points(self, s: PlayState, turn: int | None) -> float:
        """The closing competency in its own points: as it stands when the deal is over
        or won (`turn` None), else for a close won at `turn`."""
        rt = self.rt
        w = self.weights["closing"]
        if w == 0:
            return 0.0
        lost = s.mistake_costs.get("closing", 0.0)
        budget = self.turns
        listed = rt.scenario.account.deal_value
        if turn is None:
            if s.outcome != "won":
                return 0.0
            spare = (budget - s.turn + 1) / budget
            value = s.deal_value / listed if listed else 1.0
        else:
            spare = (budget - turn + 1) / budget
            value = 1.0
        return w * rules.clamp(0.6 + 0.25 * spare + 0.15 * value - lost, 0.0, 1.0)

    def _coverage(self, others: tuple[tuple[str, tuple[Any, ...]], ...], mine: tuple[Any, ...],
                  on: int = 0) -> list[tuple[frozenset[str], tuple[float, ...]]]:
        """The sets of `others` worth meeting for what they earn, each with its (discovery,
        value pitch, saboteurs) points, going on with the person met now too (whose items are
        `mine`; `on`: the events' clocks that have struck): every set in which each person adds something (a set with someone who adds
        nothing plays as the smaller set, that person met for trust alone). An item counts
        when each fact it waits for can be brought by someone in the set (`coupled` codes them
        as masks)."""
        key = (others, mine, on)
        found = self.coverage_memo.get(key)
        if found is not None:
            return found
        n = len(others)
        here_bit = 1 << n
        everyone = [*(items for _, items in others), mine]
        vectors: list[tuple[float, ...]] = []
        for subset in range(1 << n):
            met = subset | here_bit | on
            vector = [0.0, 0.0, 0.0, 0.0]
            got = set()
            for i, items in enumerate(everyone):
                if i < n and not subset >> i & 1:
                    continue
                for bit, waits in items:
                    if bit not in got and all(mask & met for mask in waits):
                        got.add(bit)
                        vector[self.item_part[bit]] += self.items[bit][2]
            vectors.append(tuple(vector))
        sets = []
        for subset in range(1 << n):
            vector = vectors[subset]
            if all(vectors[subset ^ (1 << i)] != vector for i in range(n) if subset >> i & 1):
                sets.append((frozenset(others[i][0] for i in range(n) if subset >> i & 1),
                             vector))
        if len(self.coverage_memo) > 200_000:
            self.coverage_memo.clear()
        self.coverage_memo[key] = sets
        return sets

    def _relationship(self, s: PlayState, people: frozenset[str] | None, can_win: bool) -> float:
        rt = self.rt
        tops = {sid: self.trust_top(s, sid, people) for sid in s.met}
        total, count = sum(tops.values()), len(tops)
        left = self.meetings_left(s)
        if left:
            others = sorted((self.trust_top(s, sid, people) for sid in rt.order
                             if sid not in s.met), reverse=True)[:left]
            for top in others:  # adding those above the average raises it
                if count and top <= total / count:
                    break
                total, count = total + top, count + 1
        trust = total / count if count else 0.0
        lost = s.mistake_costs.get("relationship", 0.0)
        referral = rt.scenario.referral
        if referral is None:
            return trust - lost
        dm = rt.decision_maker
        asked, given = self._referral(s, can_win,
                                      self.trust_top(s, dm, people) if dm is not None else 0.0)
        with_referral = 0.6 * trust + 0.2 * asked + 0.2 * given - lost
        return max(with_referral, trust - lost) if self.walking else with_referral


def _asks_only_what_holds(s: PlayState, when: Any, turn: int) -> bool:
    """Whether everything condition `when` (of an event at `turn`) asks to be so is so already
    — so that nobody can keep it from holding except by what it asks not to be."""
    if when is None:
        return True
    if when.trust_min is not None or when.stance_min is not None \
            or when.interest_min is not None or when.meeting is not None \
            or getattr(when, "not_learned", ()):
        return False
    learned = getattr(s, "learned", {})
    if any(item not in learned for item in getattr(when, "learned", ())):
        return False
    if when.turn_min is not None and turn < when.turn_min:
        return False
    if when.turn_max is not None and turn > when.turn_max:
        return False
    objections = s.objections
    return (all(f in s.flags for f in when.flags)
            and all(n in s.needs_known for n in when.needs_known)
            and all(p in s.met for p in when.met)
            and all(n in s.pitched for n in when.pitched)
            and all(objections.get(o, {}).get("state") == "open" for o in when.objections_open)
            and all(objections.get(o, {}).get("state") == "resolved"
                    for o in when.objections_resolved))


def _pitched_to(s: PlayState, need: str, sid: str) -> bool:
    record = s.pitched.get(need)
    return record is not None and (record["to"] == sid or sid in record.get("also", ()))


def _total(weights: dict[str, float], parts: dict[str, float | None]) -> float:
    """The total as `scoring.score` rounds it, from each competency's fraction."""
    got = top = 0.0
    for name, fraction in parts.items():
        weight = weights[name]
        if fraction is None or weight == 0:
            continue
        got += round(weight * rules.clamp(fraction, 0.0, 1.0) + EPS, 1)
        top += weight
    return round(100.0 * got / top + EPS, 1) if top else 0.0


def _dominated(vector: tuple[float, ...], seen: list[tuple[float, ...]]) -> bool:
    for other in seen:
        for a, b in zip(vector, other):
            if a > b:
                break
        else:
            return True
    return False


# --- the search -------------------------------------------------------------------------------

@dataclass
class Found:
    """What the exact search ends with: the best total and path, whether it is proved best,
    and the positions it visited."""

    total: float
    game: Game | None
    path: Path
    exact: bool
    positions: int


class _Stop(Exception):
    """The search has visited its budget of positions."""


class BranchAndBound:
    """One exact search from a root position (see the module docstring)."""

    def __init__(self, rt: Runtime, tagger: Any, *, budget: int = DEFAULT_NODES,
                 hint: Path = ()) -> None:
        self.rt = rt
        self.bound = Bound(rt)
        self.tagger = tagger
        self.budget = budget
        self.hint = tuple(step for step in hint if not step.startswith("tag:"))
        self.visited = 0
        self.seen: dict[tuple[Any, ...], list[tuple[float, ...]]] = {}
        self.best_total = -1.0
        self.best: tuple[Game, Path] | None = None
        self.critical = frozenset(k for k, spec in rt.spec_by_key.items()
                                  if spec.severity == "critical")
        self.good = frozenset(k for k, spec in rt.spec_by_key.items()
                              if spec.choice.quality == "good")
        self.marked = frozenset(k for k, spec in rt.spec_by_key.items()
                                if spec.severity is not None)
        self.rank = {key: self._order(key, None) for key in (*rt.spec_by_key, "leave")}

    def run(self, root: Game, start: Path, incumbent: float = -1.0) -> Found:
        """Search from `root` (tags `start` already made) for a total above `incumbent`."""
        self.best_total = incumbent
        try:
            self._probe(root, start)
            self._visit(root, start, 0)
            exact = True
        except _Stop:
            exact = False
        game, path = self.best if self.best is not None else (None, ())
        return Found(self.best_total, game, path, exact, self.visited)

    def _probe(self, root: Game, start: Path) -> None:
        """Before the search proper, a short search after each first move: whom to meet first
        decides most, and the best found under one first meeting can prove the whole search
        at once (tornilleria-montano, seed 7: ~1,200 positions after meeting Rodrigo find the
        92.0 the bound allows, while the search meeting Mariana first does not end in
        200,000). The probes' positions count in the budget."""
        if root.state.phase != "between":
            return
        options = root.options()
        firsts = [i for i, option in enumerate(options)
                  if option.available and option.key not in self.critical]
        if len(firsts) < 2:
            return
        share = self.budget // (4 * len(firsts))
        for index in firsts:
            child = fork(root)
            child.choose(index)
            steps = start + (options[index].key,) + self.tagger(child)
            probe = BranchAndBound(self.rt, self.tagger, budget=share)
            found = probe.run(child, steps, self.best_total)
            self.visited += min(probe.visited, share)
            if found.game is not None and found.total > self.best_total:
                self.best_total, self.best = found.total, (found.game, found.path)
            if found.exact:  # nothing better after this first move: not searched again
                rest, vector = split_key(child.state)
                self.seen.setdefault(rest, []).append(vector)

    def _visit(self, game: Game, path: Path, depth: int) -> None:
        self.visited += 1
        if self.visited > self.budget:
            raise _Stop
        s = game.state
        if s.phase == "over":
            total = score(self.rt, s).total
            if total > self.best_total:
                self.best_total, self.best = total, (game, path)
            return
        # a position searched before (or one no better) is not searched again; the check is
        # cheap, so it comes before the bound; only positions searched are kept
        rest, vector = split_key(s)
        seen = self.seen.get(rest)
        if seen is not None and _dominated(vector, seen):
            return
        if self.bound.upper(s, self.best_total) <= self.best_total:
            return
        if seen is None:
            self.seen[rest] = [vector]
        else:
            seen[:] = [v for v in seen if not _dominated(v, [vector])]
            seen.append(vector)
        options = game.options()
        follow = self.hint[depth] if depth < len(self.hint) else None
        rank = self.rank
        for index in sorted(range(len(options)), key=lambda i: 0 if options[i].key == follow
                            else rank.get(options[i].key, 2)):
            option = options[index]
            if not option.available or option.key in self.critical:
                continue
            child = fork(game)
            child.choose(index)
            steps = path + (option.key,) + self.tagger(child)
            self._visit(child, steps, depth + 1 if option.key == follow else len(self.hint))

    def _order(self, key: str, follow: str | None) -> int:
        """Which options to try first: the known best path's, then choices the author marked
        good, the rest, leaving, and mistakes last (`rank` has it for every key but the
        path's)."""
        if key == follow:
            return 0
        if key in self.good:
            return 1
        if key == "leave":
            return 3
        if key in self.marked:
            return 4
        return 2

