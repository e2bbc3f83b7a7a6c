"""A scenario can be won at all (warnings "cannot-win"; error "several-decision-makers").

Passing — one decision-maker, whose conversation has a close choice, about whom a role hint
can be learned, with enough interest and needs on offer to clear the `close:` bar:

    close: {interest: 2, needs: 1}
    stakeholders:
      dana:
        role: decision_maker
        ...
              - text: "What slows your team down?"
                tactic: discovery
                effects: {reveal_needs: [overtime], interest: 1,
                          role_hints: [{about: dana, text: "Dana signs the budget."}]}
              - text: "This ends the month-end overtime."
                tactic: pitch
                effects: {pitch: [overtime]}
              - text: "Shall we start on Monday?"
                tactic: close

Failing — `close: {interest: 4}` when the choices and events can only add up to 2 interest
(each relevant pitch adds 1 more); no choice of the decision-maker has `tactic: close`; no
role hint is `about` the decision-maker, so authority can never be established; two
stakeholders with `role: decision_maker`.
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._sources import effects
from game.lint.counters import answerable
from game.lint.needs_revealable import revealable_needs
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def reachable_interest(scenario: Scenario) -> float:
    """The most interest the trainee could build: every positive `interest` once, plus one per
    need that can be pitched to someone who cares about it (the game adds 1 for the first
    relevant pitch of each need). Infinite when a repeatable choice or event adds interest."""
    total = 0.0
    pitchable: set[str] = set()
    for at in effects(scenario):
        delta = at.effects.interest or 0
        if delta > 0:
            if at.repeatable:
                return float("inf")
            total += delta
        if at.stakeholder is not None:  # events meet nobody, so their pitches never land
            cares = scenario.stakeholders[at.stakeholder].cares_about
            pitchable.update(n for n in at.effects.pitch if n in cares and n in scenario.needs)
    return total + len(pitchable)


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield why the scenario cannot be won, if it cannot."""
    if all(p.requires_introduction for p in scenario.stakeholders.values()):
        yield locator.problem(("stakeholders",), "error", "nobody-to-meet",
                              msg("nobody-to-meet"), key=True)
    deciders = [sid for sid, p in scenario.stakeholders.items() if p.role == "decision_maker"]
    if not deciders:
        yield locator.problem(("stakeholders",), "warning", "cannot-win",
                              msg("cannot-win.no-decision-maker"), key=True)
        return
    if len(deciders) > 1:
        first = scenario.stakeholders[deciders[0]].name
        for sid in deciders[1:]:
            yield locator.problem(
                ("stakeholders", sid, "role"), "error", "several-decision-makers",
                msg("several-decision-makers", name=scenario.stakeholders[sid].name,
                    first=first))
        return
    dm = deciders[0]
    person = scenario.stakeholders[dm]
    entry = ("stakeholders", dm)
    all_fx = list(effects(scenario))
    if not any(c.tactic == "close" for node in person.conversation.nodes.values()
               for c in node.choices):
        yield locator.problem(entry, "warning", "cannot-win",
                              msg("cannot-win.no-close", name=person.name), key=True)
    if not any(h.about == dm and not h.vague for at in all_fx for h in at.effects.role_hints):
        yield locator.problem(entry, "warning", "cannot-win",
                              msg("cannot-win.no-hint", name=person.name, sid=dm), key=True)
    interest = reachable_interest(scenario)
    if interest < scenario.close.interest:
        yield locator.problem(
            ("close", "interest"), "warning", "cannot-win",
            msg("cannot-win.interest", needed=scenario.close.interest,
                reachable=f"{interest:g}"))
    elif scenario.format >= 1.3 and scenario.close.interest > scenario.turns:
        yield locator.problem(  # interest builds one level a meeting
            ("close", "interest"), "warning", "cannot-win",
            msg("cannot-win.interest-turns", needed=scenario.close.interest,
                turns=scenario.turns))
    revealable = len(revealable_needs(scenario))
    if revealable < scenario.close.needs:
        yield locator.problem(
            ("close", "needs"), "warning", "cannot-win",
            msg("cannot-win.needs", needed=scenario.close.needs, revealable=revealable))
    if person.requires_introduction and not any(dm in at.effects.introduce for at in all_fx):
        yield locator.problem(
            entry + ("requires_introduction",), "warning", "cannot-win",
            msg("cannot-win.introduction", name=person.name, sid=dm))
    yield from _blocking_objections(scenario, locator, dm)


def _blocking_objections(scenario: Scenario, locator: Locator, dm: str) -> Iterator[Problem]:
    """An objection that blocks the close (raised by the decision-maker, or by someone whose
    influence on them reaches `close.block_influence`) must have a working counter somewhere."""
    working = answerable(scenario)
    bar = scenario.close.block_influence
    for oid, objection in scenario.objections.items():
        raiser = scenario.stakeholders.get(objection.raised_by)
        if raiser is None or raiser.role == "saboteur" or oid in working:
            continue  # saboteurs' objections are checked by the counters rule
        if objection.raised_by == dm or raiser.influences.get(dm, 0.0) >= bar:
            how = "decides" if objection.raised_by == dm else "sways"
            yield locator.problem(
                ("objections", oid, "counters"), "warning", "cannot-win",
                msg(f"cannot-win.objection-{how}", objection=oid, name=raiser.name))
