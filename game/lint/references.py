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

import difflib
from collections.abc import Iterable, Iterator

from game.lint._sources import conditions, effects
from game.lint._walk import choices
from game.problems import HintBudget, Locator, Path, Problem
from game.schema import END, Scenario

_KIND_WORDS = {
    "need": "need (under `needs:`)",
    "stakeholder": "stakeholder (under `stakeholders:`)",
    "objection": "objection (under `objections:`)",
}


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """A " — did you mean 'x'?" suffix when one of `options` is close to `word`, else ""."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""


def _unknown(locator: Locator, path: Path, kind: str, word: str, known: Iterable[str],
             hints: HintBudget, *, key: bool = False, what: str | None = None) -> Problem:
    known = list(known)
    hint = did_you_mean(word, known) if hints.take() else ""
    if not hint:
        listed = ", ".join(f"'{k}'" for k in sorted(known)[:8])
        hint = f" (the ones that exist: {listed})" if listed else " (there are none yet)"
    return locator.problem(
        path, "error", f"unknown-{kind}",
        f"'{word}' is not {_article(what or _KIND_WORDS[kind])}: fix the spelling or add it{hint}",
        key=key)


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
                           person.conversation.start, nodes, hints,
                           what=f"node of {person.name}'s conversation, so the meeting "
                                "cannot start")
        for target in person.influences:
            path = base + ("influences", target)
            if target == sid:
                yield locator.problem(
                    path, "error", "self-influence",
                    f"{person.name} is listed as influencing themself; `influences` names the "
                    "other people this stakeholder sways — remove this line", key=True)
            elif target not in people:
                yield _unknown(locator, path, "stakeholder", target, people, hints, key=True)
        yield from each(base + ("cares_about",), "need", person.cares_about, needs)

    for at in choices(scenario):
        target = at.choice.next
        nodes = people[at.stakeholder].conversation.nodes
        if target is not None and target != END and target not in nodes:
            elsewhere = [p.name for p in people.values() if target in p.conversation.nodes]
            what = (f"node of {people[at.stakeholder].name}'s conversation (it is in "
                    f"{elsewhere[0]}'s; a choice moves only within its own conversation, or to "
                    "`end`)" if elsewhere else
                    f"node of {people[at.stakeholder].name}'s conversation (nor `end`)")
            yield _unknown(locator, at.path + ("next",), "node", target, list(nodes) + [END],
                           hints, what=what)

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


def _article(noun: str) -> str:
    """"a need", "an objection"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
