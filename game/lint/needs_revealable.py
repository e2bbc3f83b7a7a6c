"""Every need can be discovered and belongs to someone (warnings).

Passing — a choice reveals `overtime`, and Dana cares about it:

    needs:
      overtime: {text: "Staff work late on month-end reports", benefit: back_end_savings}
    stakeholders:
      dana:
        cares_about: [overtime]
        ...
              - text: "What slows your team down?"
                tactic: discovery
                effects: {reveal_needs: [overtime]}

Failing — nothing lists `overtime` in `reveal_needs` (the trainee can never discover it), and
nobody has it in `cares_about` (a pitch to it can never be relevant):

    needs:
      overtime: {text: "Staff work late on month-end reports", benefit: back_end_savings}
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._sources import effects
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def revealable_needs(scenario: Scenario) -> set[str]:
    """The declared needs that some choice or event reveals."""
    revealed = {n for at in effects(scenario) for n in at.effects.reveal_needs}
    return revealed & set(scenario.needs)


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning for each need nothing reveals and each need nobody cares about."""
    revealed = revealable_needs(scenario)
    held = {n for person in scenario.stakeholders.values() for n in person.cares_about}
    for nid in scenario.needs:
        path = ("needs", nid)
        if nid not in revealed:
            yield locator.problem(path, "warning", "need-never-revealed",
                                  msg("need-never-revealed", need=nid), key=True)
        if nid not in held:
            yield locator.problem(path, "warning", "need-without-holder",
                                  msg("need-without-holder", need=nid), key=True)
