"""Objections get raised, and a saboteur's objections can be answered (warnings).

Passing — Sam (a saboteur) raises `risk` and a choice counters it with one of its counters:

    objections:
      risk: {text: "Migrations always fail.", raised_by: sam, counters: [pilot]}
    ...
        - text: "Let's start with a two-week pilot."
          tactic: counter
          effects: {counter: {objection: risk, using: pilot}}
        - text: "What worries you?"
          tactic: discovery
          effects: {raise_objections: [risk]}

Failing — no choice counters `risk` using `pilot` (a saboteur's objection then stands
forever and can block the close), and nothing lists `risk` in `raise_objections`:

    objections:
      risk: {text: "Migrations always fail.", raised_by: sam, counters: [pilot]}
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._sources import effects
from game.lint._walk import choices
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def answerable(scenario: Scenario) -> set[str]:
    """The objections some choice answers with one of their working counters."""
    working: set[str] = set()
    for at in choices(scenario):
        counter = at.choice.effects.counter
        objection = scenario.objections.get(counter.objection) if counter else None
        if counter is not None and objection is not None and counter.using in objection.counters:
            working.add(counter.objection)
    return working


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for unanswerable saboteur objections and objections never raised."""
    working = answerable(scenario)
    raised = {o for at in effects(scenario) for o in at.effects.raise_objections}
    for oid, objection in scenario.objections.items():
        raiser = scenario.stakeholders.get(objection.raised_by)
        if raiser is not None and raiser.role == "saboteur" and oid not in working:
            yield locator.problem(
                ("objections", oid, "counters"), "warning", "no-working-counter",
                msg("no-working-counter", name=raiser.name, objection=oid,
                    counters=", ".join(objection.counters)))
        if oid not in raised:
            yield locator.problem(("objections", oid), "warning", "objection-never-raised",
                                  msg("objection-never-raised", objection=oid), key=True)
