"""Every id a scenario mentions must name something that exists (errors).

Passing — `next` names a node of the same conversation, `pitch` names a need:

    stakeholders:
      dana:
        conversation:
          start: hello
          nodes:
            hello:
              choices:
                - text: "What slows your team down?"
                  tactic: discovery
                  next: pains
            pains:
              end: true

Failing — `next: pain` names no node of Dana's conversation (did you mean 'pains'?):

                - text: "What slows your team down?"
                  tactic: discovery
                  next: pain

Checked: conversation `start` and choice `next` (a node of the same stakeholder, or `end`);
`influences` keys and `cares_about`; objection `raised_by`; every condition (`if:`) and effect
of choices and events. Flags are free names and are not checked, nor is `referral.leads_to`
(it names another scenario). A stakeholder who influences themself is an error too.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from game.lint._sources import conditions, effects
from game.lint._walk import choices
from game.messages import Ids, Msg, did_you_mean, msg
from game.problems import HintBudget, Locator, Path, Problem
from game.schema import END, Scenario


def _unknown(locator: Locator, path: Path, kind: str, word: str, known: Iterable[str],
             hints: HintBudget, *, key: bool = False, variant: str = "",
             **where: Any) -> Problem:
    """`unknown-KIND`, worded by the catalog's `unknown-KIND` (or `unknown-KIND.VARIANT`), with
    a "did you mean", else the ids that exist."""
    known = list(known)
    hint: Msg | None = did_you_mean(word, known) if hints.take() else None
    if hint is None:
        listed = sorted(known)[:8]
        hint = msg("hint.existing", listed=Ids(tuple(listed))) if listed \
            else msg("hint.none-yet")
    words = msg(f"unknown-{kind}" + (f".{variant}" if variant else ""), word=word, hint=hint,
                **where)
    return locator.problem(path, "error", f"unknown-{kind}", words, key=key)


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield an error for every reference to an id that does not exist."""
    needs, people, objections = scenario.needs, scenario.stakeholders, scenario.objections
    hints = HintBudget()

    def each(path: Path, kind: str, ids: Iterable[str], known: Iterable[str]) -> Iterator[Problem]:
        for index, ref in enumerate(ids):
            if ref not in known:
                yield _unknown(locator, path + (index,), kind, ref, known, hints)

    for sid, person in people.items():
        base: Path = ("stakeholders", sid)
        nodes = person.conversation.nodes
        if person.conversation.start not in nodes:
            yield _unknown(locator, base + ("conversation", "start"), "node",
                           person.conversation.start, nodes, hints, variant="start",
                           name=person.name)
        for target in person.influences:
            path = base + ("influences", target)
            if target == sid:
                yield locator.problem(path, "error", "self-influence",
                                      msg("self-influence", name=person.name), key=True)
            elif target not in people:
                yield _unknown(locator, path, "stakeholder", target, people, hints, key=True)
        yield from each(base + ("cares_about",), "need", person.cares_about, needs)

    for at in choices(scenario):
        target = at.choice.next
        nodes = people[at.stakeholder].conversation.nodes
        if target is not None and target != END and target not in nodes:
            elsewhere = [p.name for p in people.values() if target in p.conversation.nodes]
            name = people[at.stakeholder].name
            if elsewhere:
                yield _unknown(locator, at.path + ("next",), "node", target,
                               list(nodes) + [END], hints, variant="elsewhere", name=name,
                               other=elsewhere[0])
            else:
                yield _unknown(locator, at.path + ("next",), "node", target,
                               list(nodes) + [END], hints, name=name)

    for oid, objection in objections.items():
        if objection.raised_by not in people:
            yield _unknown(locator, ("objections", oid, "raised_by"), "stakeholder",
                           objection.raised_by, people, hints)

    for condition, path in conditions(scenario):
        yield from each(path + ("needs_known",), "need", condition.needs_known, needs)
        yield from each(path + ("needs_unknown",), "need", condition.needs_unknown, needs)
        yield from each(path + ("pitched",), "need", condition.pitched, needs)
        yield from each(path + ("met",), "stakeholder", condition.met, people)
        yield from each(path + ("not_met",), "stakeholder", condition.not_met, people)
        yield from each(path + ("objections_open",), "objection", condition.objections_open,
                        objections)
        yield from each(path + ("objections_resolved",), "objection",
                        condition.objections_resolved, objections)

    for at in effects(scenario):
        fx, path = at.effects, at.path
        yield from each(path + ("reveal_needs",), "need", fx.reveal_needs, needs)
        yield from each(path + ("pitch",), "need", fx.pitch, needs)
        yield from each(path + ("introduce",), "stakeholder", fx.introduce, people)
        yield from each(path + ("raise_objections",), "objection", fx.raise_objections,
                        objections)
        for index, hint in enumerate(fx.role_hints):
            if hint.about not in people:
                yield _unknown(locator, path + ("role_hints", index, "about"), "stakeholder",
                               hint.about, people, hints)
        for field in ("stance_of", "trust_of"):
            for who in getattr(fx, field):
                if who not in people:
                    yield _unknown(locator, path + (field, who), "stakeholder", who, people,
                                   hints, key=True)
        if fx.counter is not None and fx.counter.objection not in objections:
            yield _unknown(locator, path + ("counter", "objection"), "objection",
                           fx.counter.objection, objections, hints)

