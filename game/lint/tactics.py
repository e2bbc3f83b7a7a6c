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
from game.problems import Locator, Problem
from game.schema import Scenario


def check(scenario: Scenario, locator: Locator) -> Iterator[Problem]:
    """Yield a warning wherever a tactic and the effects it should carry disagree."""
    for at in choices(scenario):
        choice, path = at.choice, at.path
        fx = choice.effects
        tactic = path + ("tactic",)
        if choice.tactic == "pitch" and not fx.pitch:
            yield locator.problem(
                tactic, "warning", "pitch-without-needs",
                "this choice is a pitch but pitches no need, so it can never count as a "
                "relevant pitch — add `effects: {pitch: [need_id]}` or change the tactic")
        if fx.pitch and choice.tactic != "pitch":
            yield locator.problem(
                path + ("effects", "pitch"), "warning", "pitch-on-other-tactic",
                f"this choice pitches needs but its tactic is '{choice.tactic}' — set "
                "`tactic: pitch`, or remove `pitch:` from its effects", key=True)
        if choice.tactic == "counter" and fx.counter is None:
            yield locator.problem(
                tactic, "warning", "counter-without-objection",
                "this choice is a counter but answers no objection — add "
                "`effects: {counter: {objection: objection_id, using: counter_id}}` or "
                "change the tactic")
        if fx.counter is not None and choice.tactic != "counter":
            yield locator.problem(
                path + ("effects", "counter"), "warning", "counter-on-other-tactic",
                f"this choice counters an objection but its tactic is '{choice.tactic}' — "
                "set `tactic: counter`, or remove `counter:` from its effects", key=True)
        if choice.tactic == "introduction" and not fx.introduce:
            yield locator.problem(
                tactic, "warning", "introduction-without-anyone",
                "this choice asks for an introduction but introduces nobody — add "
                "`effects: {introduce: [stakeholder_id]}` or change the tactic")
        if choice.tactic == "referral":
            yield locator.problem(
                tactic, "warning", "referral-in-conversation",
                "the game asks for the referral itself after a won close (set it up under "
                "the top-level `referral:`); a referral choice inside a conversation is never "
                "scored as one — use another tactic or remove the choice")
    for eid, event in scenario.events.items():
        for field in ("stance", "trust"):
            if getattr(event.effects, field) is not None:
                yield locator.problem(
                    ("events", eid, "effects", field), "warning", "event-without-person",
                    f"`{field}` in an event has no one to apply to: it means \"the person "
                    f"being met\", and events happen between meetings — use "
                    f"`{field}_of: {{stakeholder_id: amount}}`", key=True)
        for field, what in (("pitch", "pitch"), ("counter", "counter")):
            if getattr(event.effects, field):
                yield locator.problem(
                    ("events", eid, "effects", field), "warning", "event-trainee-action",
                    f"`{field}` in an event is scored as the trainee's own {what} (and as a "
                    "mistake, since nobody is being met) — move it to a choice", key=True)
        when = event.when
        for field in ("trust_min", "stance_min"):
            if when is not None and getattr(when, field) is not None:
                yield locator.problem(
                    ("events", eid, "if", field), "warning", "event-without-person",
                    f"`{field}` in an event's `if:` always holds: it tests \"the person being "
                    "met\", and events happen between meetings — use a flag set by a choice "
                    "instead", key=True)
