"""A choice's tactic and its effects should agree (warnings).

Passing — a pitch that pitches, a counter that counters:

    - text: "This cuts the overtime you mentioned."
      tactic: pitch
      effects: {pitch: [overtime]}
    - text: "Our support team answers within the hour."
      tactic: counter
      effects: {counter: {objection: risk, using: support_sla}}

Failing — the tactic says pitch but nothing is pitched; a counter effect on small talk;
`tactic: referral` inside a conversation (the game asks for the referral itself after a won
close, configured under the top-level `referral:`); an event using `stance:` (which means
"the person being met", and nobody is met between meetings):

    - text: "This cuts the overtime you mentioned."
      tactic: pitch
    - text: "Nice weather."
      tactic: small_talk
      effects: {counter: {objection: risk, using: support_sla}}
    - text: "Who else could use this?"
      tactic: referral
    events:
      doubt:
        text: "Sam grumbles."
        effects: {stance: -0.2}
"""
from __future__ import annotations

from collections.abc import Iterator

from game.lint._walk import choices
from game.messages import msg
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning wherever a tactic and the effects it should carry disagree."""
    for at in choices(scenario):
        choice, path = at.choice, at.path
        fx = choice.effects
        tactic = path + ("tactic",)
        if choice.tactic == "pitch" and not fx.pitch:
            yield locator.problem(tactic, "warning", "pitch-without-needs",
                                  msg("pitch-without-needs"))
        if fx.pitch and choice.tactic != "pitch":
            yield locator.problem(
                path + ("effects", "pitch"), "warning", "pitch-on-other-tactic",
                msg("pitch-on-other-tactic", tactic=choice.tactic), key=True)
        if choice.tactic == "counter" and fx.counter is None:
            yield locator.problem(tactic, "warning", "counter-without-objection",
                                  msg("counter-without-objection"))
        if fx.counter is not None and choice.tactic != "counter":
            yield locator.problem(
                path + ("effects", "counter"), "warning", "counter-on-other-tactic",
                msg("counter-on-other-tactic", tactic=choice.tactic), key=True)
        if choice.tactic == "introduction" and not fx.introduce:
            yield locator.problem(tactic, "warning", "introduction-without-anyone",
                                  msg("introduction-without-anyone"))
        if choice.tactic == "referral":
            yield locator.problem(tactic, "warning", "referral-in-conversation",
                                  msg("referral-in-conversation"))
    for eid, event in scenario.events.items():
        for field in ("stance", "trust"):
            if getattr(event.effects, field) is not None:
                yield locator.problem(
                    ("events", eid, "effects", field), "warning", "event-without-person",
                    msg("event-without-person", field=field), key=True)
        for field in ("pitch", "counter"):
            if getattr(event.effects, field):
                yield locator.problem(
                    ("events", eid, "effects", field), "warning", "event-trainee-action",
                    msg("event-trainee-action", field=field), key=True)
        when = event.when
        for field in ("trust_min", "stance_min"):
            if when is not None and getattr(when, field) is not None:
                yield locator.problem(
                    ("events", eid, "if", field), "warning", "event-without-person",
                    msg("event-without-person.if", field=field), key=True)
